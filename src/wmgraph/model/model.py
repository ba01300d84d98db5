"""The validated model: sources, entities and facts, each with where it was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from .vocabulary import Vocabulary

QualifierValue = str | int | Decimal | tuple[str, ...]


class Location(NamedTuple):
    """Where something was written: file (as shown to users), line and column."""

    # A tuple, not a dataclass: every entity and fact has one, and the build cache reads tuples
    # back faster.

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Source:
    """A cited work: an article, report or web page."""

    key: str
    title: str
    location: Location
    publisher: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    url: str = ""
    seed: str = ""
    cites: tuple[str, ...] = ()
    note: str = ""
    text_file: str = ""  # the stored text of the source, as a path in the graph folder ('' if none)
    text: str = ""  # that text itself, as stored
    retrieved: str = ""  # when the stored text or the URL was read, as a date of any precision ('' if not given)
    date_unknown: bool = False  # `date: unknown`: the source gives no date and none could be found


class Entity(NamedTuple):
    """A person, organisation, initiative, place... with its names and sources."""

    # Tuples, not dataclasses, as Location: a build reads every entity and fact back from its
    # cache, and tuples come back faster.

    key: str
    type: str
    name: str
    location: Location
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    description: str = ""
    url: str = ""
    quote: str = ""  # the words of its source that support it, verbatim ('' if none)
    alias_ok: tuple[tuple[str, str], ...] = ()  # (alias, why it stands though no stored text of its sources holds it)
    formerly: tuple[str, ...] = ()  # ids of entities merged into this one (`wmgraph merge`), which still resolve


class Fact(NamedTuple):
    """One stated fact: subject, relation, object (entity id, text or none) and qualifiers."""

    key: str  # stable statement id, unique in the graph
    subject: str
    relation: str
    object: str | None
    object_is_entity: bool
    qualifiers: tuple[tuple[str, QualifierValue], ...]
    sources: tuple[str, ...]
    location: Location
    quote: str = ""  # the words of its source that support it, verbatim ('' if none)
    status: str = ""  # its status (stated, planned...): its own, else its relation's default ('' if none declared)
    status_date: str = ""  # when the fact had that status, as a date of any precision
    cell: str = ""  # the table cell the fact was imported from: 'table.xlsx#Sheet!C4' ('' if none)
    cell_text: str = ""  # that cell's text as written, when the import normalised it ('' if not)
    modality_ok: str = ""  # why its status stands against the modal words of its quote (`modality-ok:`)

    def qualifier(self, key: str) -> QualifierValue | None:
        """Return the value of qualifier `key`, or None."""
        for name, value in self.qualifiers:
            if name == key:
                return value
        return None


@dataclass
class Model:
    """Everything in a graph folder, checked and cross-referenced."""

    vocabulary: Vocabulary
    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    # every alias as written, in the entry that gives it: (alias, entity id, where it stands)
    alias_places: list[tuple[str, str, Location]] = field(default_factory=list)
