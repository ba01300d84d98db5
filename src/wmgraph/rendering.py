"""Render a checked fact file into chunks, then give its entities what other facts say about them.

A file is rendered on its own (in a worker, and cached as it is): each entity's own subject and
the statement nodes of its facts. A fact's triple about another entity (the object of a reverse
or symmetric relation) is left out there; once the whole model is known, `add_incoming` renders
again the subject of each entity that such triples point at, so every subject is written once
and whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from .formats.chunks import Chunk, ChunkWriter
from .formats.grouping import by_subject
from .pieces import FilePiece
from .rdfgraph import direct_triples, entity_iri, entity_triples, fact_triples
from .terms import Triple
from .vocabulary import Vocabulary


@dataclass
class Rendered:
    """One fact file rendered: for each of its entities, the subjects it owns (its own one first)."""

    chunks: list[list[Chunk]]
    incoming: str = ""  # the `incoming_digest` of the triples from other facts rendered in, '' if none

    @property
    def triple_count(self) -> int:
        """Distinct triples in the chunks."""
        return sum(chunk.nt_count for chunks in self.chunks for chunk in chunks)


def is_clean(piece: FilePiece) -> bool:
    """Tell whether a checked file has no problems of its own (so it can be rendered)."""
    return not piece.problems and all(not part.problems and part.entity is not None for part in piece.entities)


def render_piece(vocabulary: Vocabulary, prefixes: Mapping[str, str], piece: FilePiece,
                 writer: ChunkWriter | None = None) -> Rendered:
    """Render the entities and statements of a checked fact file that has no problems."""
    writer = writer or ChunkWriter(prefixes)
    statements = prefixes["stmt"]
    rendered = Rendered([])
    for part in piece.entities:
        assert part.entity is not None
        own = entity_iri(vocabulary, part.key)
        triples = list(entity_triples(vocabulary, part.entity))  # first: its chunk leads the list
        for fact in part.facts:
            triples.extend(fact_triples(vocabulary, fact))
        rendered.chunks.append([writer.chunk(subject, predicates) for subject, predicates in by_subject(triples).items()
                                if subject == own or subject.startswith(statements)])
    return rendered


def incoming_digest(piece: FilePiece, incoming: Mapping[str, list[Triple]]) -> str:
    """A digest of the triples other facts state about the entities of a file ('' if there are none)."""
    digest = None
    for part in piece.entities:
        extra = incoming.get(part.key)
        if extra:
            digest = digest or hashlib.sha256()
            digest.update(repr((part.key, sorted(extra))).encode())
    return digest.hexdigest() if digest is not None else ""


def add_incoming(vocabulary: Vocabulary, writer: ChunkWriter, piece: FilePiece, rendered: Rendered,
                 incoming: Mapping[str, list[Triple]], digest: str) -> bool:
    """Give a file's entities the triples other facts state about them (`digest`: their `incoming_digest`).

    Returns False when the rendering already had them. A fresh rendering has none, so only the
    entities that get some are rendered again; one made with other triples has all its entities
    rendered again.
    """
    if rendered.incoming == digest:
        return False
    for part, chunks in zip(piece.entities, rendered.chunks, strict=True):
        extra = incoming.get(part.key, [])
        if (rendered.incoming or extra) and part.entity is not None:
            own = entity_iri(vocabulary, part.key)
            triples = list(entity_triples(vocabulary, part.entity))
            for fact in part.facts:
                triples.extend(t for t in direct_triples(vocabulary, fact) if t[0] == own)
            triples.extend(extra)
            chunks[0] = writer.chunk(own, by_subject(triples)[own])
    rendered.incoming = digest
    return True
