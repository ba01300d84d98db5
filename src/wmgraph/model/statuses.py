"""The vocabulary's statuses: what each means (truthy, retracting, the default) and which fit a relation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..load.values import suggest
from ..load.yamlfile import MarkedDict


@dataclass(frozen=True)
class Status:
    """A status a fact may have (stated, planned, done...): its modality, and what it means for the RDF."""

    key: str
    label: str
    truthy: bool  # the fact says the thing is so: only then does it give its plain triple
    retracts: bool = False  # the fact's source takes it back (withdrawn): it stands no more
    default: bool = False  # the status of a fact that gives none, when its relation names no default of its own
    comment: str = ""


class Reader(Protocol):
    """What the vocabulary's reader offers: problems located in its file, and checked values."""

    def problem(self, where: tuple[int, int], message: str, hint: str = "") -> None: ...

    def text(self, entry: MarkedDict, key: str, default: str | None = None) -> str: ...

    def keys(self, entry: MarkedDict, allowed: set[str]) -> None: ...

    def names(self, entry: MarkedDict, key: str) -> list[str]: ...


def read_statuses(reader: Reader, section: MarkedDict, entries: list[tuple[str, MarkedDict]]) -> dict[str, Status]:
    """The statuses a fact may carry (`entries`: the section's), each saying what it gives; exactly one default."""
    statuses: dict[str, Status] = {}
    defaults = []
    for key, entry in entries:
        reader.keys(entry, {"label", "truthy", "retracts", "default", "comment"})
        flags = {}
        for flag, needed in (("truthy", True), ("retracts", False), ("default", False)):
            value = entry.get(flag, None if needed else False)
            if not isinstance(value, bool):
                reader.problem(entry.mark_of(flag) if flag in entry else section.mark_of(key),
                               f"status '{key}' needs '{flag}: true' or '{flag}: false'",
                               "true only if a fact with it says the thing is so" if needed else "or leave it out")
            flags[flag] = value is True
        defaults += [key] if flags["default"] else []
        if flags["truthy"] and flags["retracts"]:
            reader.problem(entry.mark_of("retracts"), f"status '{key}' is truthy and retracts",
                           "a status that takes a fact back gives no plain triple: write 'truthy: false'")
        statuses[key] = Status(key, reader.text(entry, "label", key), flags["truthy"], flags["retracts"],
                               flags["default"], reader.text(entry, "comment", ""))
    if len(defaults) != 1 and statuses:
        reader.problem(section.mark_of(defaults[1] if defaults else None),
                       "the statuses need exactly one 'default: true'" + (f", not {len(defaults)}" if defaults else ""),
                       "mark one, such as 'stated', as the status of a fact that gives none")
    return statuses


def relation_statuses(reader: Reader, entry: MarkedDict, key: str,
                      statuses: dict[str, Status]) -> tuple[str, tuple[str, ...]]:
    """A relation's default status and the statuses that fit it, checked against the declared `statuses`."""
    fitting = reader.names(entry, "statuses")
    given = reader.names(entry, "default-status")
    if len(given) > 1:
        reader.problem(entry.mark_of("default-status"), f"relation '{key}' gives {len(given)} default statuses",
                       f"a fact that gives none takes one: write 'default-status: {given[0]}'")
    default = given[0] if given else ""
    named = [(name, "statuses") for name in fitting] + ([(default, "default-status")] if default else [])
    for name, where in named:
        if name not in statuses:
            reader.problem(entry.mark_of(where), f"unknown status '{name}' in relation '{key}'",
                           suggest(name, statuses) or "one of: " + ", ".join(statuses)
                           if statuses else "declare it under 'statuses:'")
    if default and fitting and default not in fitting:
        reader.problem(entry.mark_of("default-status"), f"default status '{default}' of '{key}' is not one of its "
                       "statuses", "add it to 'statuses:'")
    return default, tuple(fitting)
