"""Render a graph one subject at a time into every RDF format, and put the pieces together.

A chunk is one subject's text in N-Triples, Turtle and JSON-LD. Chunks can be rendered in
parallel, cached per fact file, and merged by sorting: the documents come out byte-identical
to what each format's `dumps` writes for the same triples.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ..terms import Triple
from . import jsonld, ntriples, turtle
from .grouping import Predicates, by_subject


class Chunk(NamedTuple):
    """One subject rendered in each format, as UTF-8 (nt_count: its distinct triples)."""

    # Bytes, not text: chunks are pickled into the cache and out of worker processes, and joined
    # into files, and bytes cross all three without being encoded or decoded again.
    subject: str
    nt: bytes
    nt_count: int
    turtle: bytes
    jsonld: bytes


class ChunkWriter:
    """Renders subjects with the document's prefixes (keeps the IRI spellings it has worked out)."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.compact = turtle.Compactor(prefixes)
        self.nodes = jsonld.NodeWriter(prefixes)
        self.nodes.compact = self.compact

    def chunk(self, subject: str, predicates: Predicates) -> Chunk:
        """Render one subject."""
        lines = ntriples.subject_lines(subject, predicates)
        return Chunk(subject, "".join(lines).encode(), len(lines),
                     turtle.block(self.compact, subject, predicates).encode(),
                     self.nodes.node(subject, predicates).encode())

    def chunks(self, triples: Iterable[Triple]) -> list[Chunk]:
        """Render every subject of `triples` (each subject's triples must all be there)."""
        grouped = by_subject(triples)
        return [self.chunk(subject, predicates) for subject, predicates in grouped.items()]


class Documents(NamedTuple):
    """The three documents, each as its UTF-8 parts in order, and the number of distinct triples in them."""

    # Parts, not one joined string: the writer sends them to the file as they are.
    nt: list[bytes]
    turtle: list[bytes]
    jsonld: list[bytes]
    triple_count: int


def assemble(chunks: list[Chunk], prefixes: Mapping[str, str]) -> Documents:
    """Put chunks (one per subject, any order) together into the three documents."""
    by_iri = sorted(chunks)  # a chunk sorts by its subject first, and subjects are unique
    # an N-Triples line starts "<subject> ", which sorts differently from the bare IRI
    by_line = sorted(chunks, key=lambda chunk: f"<{chunk.subject}> ")
    if not chunks:
        return Documents([], [turtle.header(prefixes).encode()], [jsonld.document(prefixes, []).encode()], 0)
    head, tail = jsonld.frame(prefixes)
    nodes = [head.encode()]
    separator = b",\n"
    for chunk in by_iri:
        nodes += (chunk.jsonld, separator)
    nodes[-1] = tail.encode()
    return Documents(
        [chunk.nt for chunk in by_line],
        [turtle.header(prefixes).encode(), *[chunk.turtle for chunk in by_iri]],
        nodes,
        sum([chunk.nt_count for chunk in chunks]),
    )
