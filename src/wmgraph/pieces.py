"""A fact file checked on its own: the unit that is parsed in parallel and cached between builds."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import Problem
from .model import Entity, Fact, Location

Ref = tuple[str, Location, str, tuple[str, ...]]


@dataclass
class EntityPiece:
    """One entity entry of a fact file, checked on its own: what it adds to the model."""

    key: str
    location: Location
    entity: Entity | None  # None when the entry is not a mapping
    facts: list[Fact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    sources: list[tuple[str, Location]] = field(default_factory=list)
    aliases: list[tuple[str, str, Location]] = field(default_factory=list)


@dataclass
class FilePiece:
    """A fact file checked on its own; cross-file checks run when the pieces are merged."""

    shown: str
    problems: list[Problem] = field(default_factory=list)
    entities: list[EntityPiece] = field(default_factory=list)
