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


Part = bytes | memoryview


class Documents(NamedTuple):
    """The three documents, each as its UTF-8 parts in order, and the number of distinct triples in them."""

    # Parts, not one joined string: the writer sends them to the file as they are.
    nt: list[Part]
    turtle: list[Part]
    jsonld: list[Part]
    triple_count: int


def assemble(subjects: list[str], texts: list[list[Part]], triple_count: int,
             prefixes: Mapping[str, str]) -> Documents:
    """Put chunks (subject i's text in each format is `texts[format][i]`; any order) together into the documents.

    `texts` holds the N-Triples, Turtle and JSON-LD texts, in that order; subjects are unique.
    """
    if not subjects:
        return Documents([], [turtle.header(prefixes).encode()], [jsonld.document(prefixes, []).encode()], 0)
    nt_texts, turtle_texts, jsonld_texts = texts
    by_iri = sorted(range(len(subjects)), key=subjects.__getitem__)
    # an N-Triples line starts "<subject> ", which sorts differently from the bare IRI
    lines = [f"<{subject}> " for subject in subjects]
    by_line = sorted(range(len(subjects)), key=lines.__getitem__)
    head, tail = jsonld.frame(prefixes)
    separator = b",\n"
    nodes: list[Part] = [head.encode()]
    for index in by_iri:
        nodes += (jsonld_texts[index], separator)
    nodes[-1] = tail.encode()
    return Documents(
        [nt_texts[index] for index in by_line],
        [turtle.header(prefixes).encode(), *[turtle_texts[index] for index in by_iri]],
        nodes,
        triple_count,
    )
