"""A fact file checked on its own: the unit that is parsed in parallel and cached between builds."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from .model import Entity, Fact, Location

# Where the cross-file checks look: plain tuples with the file and the (line, column) mark, which
# the build cache and the worker processes carry far more cheaply than Locations.
Mark = tuple[int, int]
Ref = tuple[str, str, Mark, str, tuple[str, ...]]  # entity id, file, mark, relation, types allowed
SourceRef = tuple[str, str, Mark]  # source id, file, mark
AliasMark = tuple[str, str, str, Mark]  # alias, entity id, file, mark
# fact or entity id, quote, case ignored, source ids, file, mark
QuoteRef = tuple[str, str, bool, tuple[str, ...], str, Mark]


@dataclass
class EntityPiece:
    """One entity entry of a fact file, checked on its own: what it adds to the model."""

    key: str
    location: Location
    entity: Entity | None  # None when the entry is not a mapping
    facts: list[Fact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    aliases: list[AliasMark] = field(default_factory=list)
    quotes: tuple[QuoteRef, ...] = ()
    extends: bool = False  # an `extend: true` block: facts and aliases for an entity defined in another file


@dataclass
class FilePiece:
    """A fact file checked on its own; cross-file checks run when the pieces are merged."""

    shown: str
    problems: list[Problem] = field(default_factory=list)
    entities: list[EntityPiece] = field(default_factory=list)
    unread: bool = False  # the file could not be read as YAML: its problems are the reader's
