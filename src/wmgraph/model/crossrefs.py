"""The cross-file checks: every entity and source referred to exists, every name and alias names one entity.

A reference is checked only when its target could be known: while a fact file cannot be read, an
entity id that no other file defines may be defined there, and while the sources file is missing
or unreadable no source id can be checked. Such 'unknown' references are knock-ons: they are not
reported one by one, but counted in the message of the cause, which comes first.
"""

from __future__ import annotations

import dataclasses
import unicodedata

from ..errors import Problem
from ..load.values import suggest
from .evidence import check_quotes
from .extensions import apply_extensions
from .model import Location
from .state import CheckState


def check_references(checker: CheckState) -> None:
    """Check the pending entity and source references and the names and aliases, all files read."""
    apply_extensions(checker)
    sources_file = checker.sources_file
    entities = checker.model.entities
    fits: dict[tuple[str, tuple[str, ...]], bool] = {}  # a few dozen distinct (type, allowed) pairs
    entities_unsure = bool(checker.unread - {sources_file})
    unknown_entities = 0
    for ref, shown, mark, relation, allowed in checker.pending_refs:
        entity = entities.get(ref)
        if entity is None:
            unknown_entities += 1
            if not entities_unsure:
                checker.problem(Location(shown, *mark), f"unknown entity '{ref}'",
                                suggest(ref, entities) or "define it in a fact file or correct the id")
            continue
        if not allowed:
            continue
        fit = fits.get((entity.type, allowed))
        if fit is None:
            fit = fits[(entity.type, allowed)] = checker.fits(entity.type, allowed)
        if not fit:
            checker.misfit(Location(shown, *mark), relation, ref, entity.type, allowed)
    sources_unsure = sources_file in checker.unread or checker.sources_missing
    unknown_sources = 0
    for ref, shown, mark in checker.pending_sources:
        if ref not in checker.model.sources:
            unknown_sources += 1
            if not sources_unsure:
                checker.problem(Location(shown, *mark), f"unknown source '{ref}'",
                                suggest(ref, checker.model.sources) or "add it to sources.yaml")
    if entities_unsure and unknown_entities:
        _count_knock_ons(checker, checker.unread - {sources_file}, unknown_entities, "entity")
    if unknown_sources and checker.sources_missing:
        checker.problems.append(Problem(
            sources_file, 0, 0, "no sources file, so no cited source can be checked",
            f"restore it, or write it with the {_plural(unknown_sources, 'source reference')} "
            "the fact files cite",
        ))
    elif unknown_sources and sources_unsure:
        _count_knock_ons(checker, {sources_file}, unknown_sources, "source")
    if not sources_unsure:
        check_quotes(checker)
    check_names(checker)


def _knock_ons(count: int, kind: str) -> str:
    """'1 reference to an entity defined nowhere else goes', '13 source references go'."""
    if kind == "source":
        return f"{_plural(count, 'source reference')} {'goes' if count == 1 else 'go'}"
    if count == 1:
        return "1 reference to an entity defined nowhere else goes"
    return f"{count:,} references to entities defined nowhere else go"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _count_knock_ons(checker: CheckState, causes: set[str], count: int, kind: str) -> None:
    """Say in the problem of each file that could not be read how many references wait for it."""
    told: set[str] = set()
    for index, problem in enumerate(checker.problems):
        if problem.file in causes and problem.file not in told:
            told.add(problem.file)
            waiting = f"until it is fixed, {_knock_ons(count, kind)} unreported"
            hint = f"{problem.hint}; {waiting}" if problem.hint else waiting
            checker.problems[index] = dataclasses.replace(problem, hint=hint)


def comparable(name: str) -> str:
    """A name as names are compared: NFC-normalised, case folded, white space collapsed."""
    if not name.isascii():
        name = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
    else:
        name = name.casefold()
    return " ".join(name.split())


def check_names(checker: CheckState) -> None:
    """Every alias must name one entity only, and not another entity's name."""
    owners: dict[str, tuple[str, Location]] = {}
    entities = checker.model.entities
    for entity in entities.values():
        owners.setdefault(comparable(entity.name), (entity.key, entity.location))
    for alias, key, shown, mark in checker.alias_marks:
        if key not in entities:
            continue
        location = Location(shown, *mark)
        checker.model.alias_places.append((alias, key, location))
        owner, first = owners.setdefault(comparable(alias), (key, location))
        if owner != key:
            checker.problem(location, f"alias '{alias}' of '{key}' already names '{owner}' (at {first})",
                            "an alias must name one entity only: remove it from one of them")
