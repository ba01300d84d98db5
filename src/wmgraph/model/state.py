"""What checking a graph folder gathers: the model so far, its problems, and what waits for the cross-file checks.

The checks of entities, facts, qualifiers, evidence and sources all add to one `CheckState`; the
cross-file checks read its queues once every file is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..load.values import suggest, with_article
from ..load.yamlfile import MarkedDict
from .model import Location, Model
from .pieces import AliasMark, EntityPiece, QuoteRef, Ref, SourceRef
from .problems import Problems
from .vocabulary import Vocabulary


def kind_of(value: Any) -> str:
    """What a value written in a fact file is, for a message: 'a list', 'a number'."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true or false"
    return "a number" if isinstance(value, int | float) else "text"


class CheckState:
    """The model being checked, the one collector of its problems, and the references still to check."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.model = Model(vocabulary)
        self.problems = Problems()
        self.pending_refs: list[Ref] = []
        self.pending_sources: list[SourceRef] = []
        self.alias_marks: list[AliasMark] = []
        self.pending_quotes: list[QuoteRef] = []  # checked against the sources' stored texts once all are read
        self.extensions: list[EntityPiece] = []  # `extend: true` blocks, merged once every entity is known
        self.fact_suffix = ""  # added to the statement ids of the facts being read (those of an extend block)
        self.unread: set[str] = set()  # files that could not be read: the cause of any knock-on problem
        self.sources_file = ""  # the sources file, as shown
        self.sources_missing = False  # there is no sources file
        self.unread_texts: set[str] = set()  # sources whose stored text could not be read (reported already)

    def problem(self, location: Location, message: str, hint: str = "") -> None:
        """Record a problem at `location`."""
        self.problems.add(location.file, (location.line, location.column), message, hint)

    @staticmethod
    def at(shown: str, where: tuple[int, int]) -> Location:
        """The location of a (line, column) mark in file `shown`."""
        return Location(shown, where[0], where[1])

    def text_field(self, entry: MarkedDict, name: str, shown: str, strip: bool = True,
                   one_line: bool = False, required: bool = False) -> str | None:
        """The text of `entry[name]` ('' if absent), or None with one problem if it is not usable text."""
        if name not in entry:
            return ""
        value = entry[name]
        location = self.at(shown, entry.mark_of(name))
        if value is None or (isinstance(value, str) and not value.strip()):
            self.problem(location, f"'{name}' is empty",
                         f"write the {name} after '{name}:'" + ("" if required else ", or remove the key"))
        elif not isinstance(value, str):
            self.problem(location, f"'{name}' must be text", "put it in quotes")
        elif one_line and "\n" in value.strip():
            self.problem(location, f"'{name}' must be one line", "write it without line breaks")
        else:
            return value.strip() if strip else value
        return None

    def unknown_keys(self, entry: MarkedDict, shown: str, allowed: Iterable[str], what: str) -> None:
        """Record every key of `entry` that is not `allowed`."""
        allowed = list(allowed)
        for key in entry:
            if key not in allowed:
                self.problem(self.at(shown, entry.mark_of(key)), f"unknown key '{key}' in {what}",
                             suggest(key, allowed) or "allowed: " + ", ".join(allowed))

    def fits(self, type_key: str, allowed: tuple[str, ...]) -> bool:
        """Whether an entity of `type_key` may stand where `allowed` types may (unknown types pass)."""
        return type_key not in self.vocabulary.entity_types or self.vocabulary.is_a(type_key, allowed)

    def misfit(self, location: Location, relation: str, ref: str, type_key: str, allowed: tuple[str, ...]) -> None:
        """Record an entity of a type the relation does not allow."""
        self.problem(location, f"'{relation}' does not allow '{ref}' ({with_article(type_key)}) here",
                     "allowed types: " + ", ".join(allowed))

    @staticmethod
    def take(items: list[Any]) -> list[Any]:
        """Empty `items`, returning what it held."""
        taken = items[:]
        items.clear()
        return taken
