"""Render a graph one subject at a time into every RDF format, and put the pieces together.

A chunk is one subject's text in N-Triples, Turtle and JSON-LD. Chunks can be rendered in
parallel, cached per fact file, and merged by sorting: the documents come out byte-identical
to what each format's `dumps` writes for the same triples.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ..terms import RDF_TYPE, Literal, Term, Triple, sort_key
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


# A term as each format writes it: N-Triples, Turtle, JSON-LD value object, JSON-LD "@id" string ('' for a literal)
Spelled = tuple[str, str, str, str]
# Each predicate's place in one subject's text, per format: N-Triples and Turtle predicates, JSON-LD members
_Orders = tuple[list[str], list[str], list[tuple[str, str]]]
_REMEMBER = 24  # literals up to this long are remembered: they recur (relation keys, dates)


class ChunkWriter:
    """Renders subjects with the document's prefixes (keeps the spellings and orders it has worked out).

    A subject is written in the three formats in one pass: each object is spelled once for all three
    (and remembered if it may recur), and the order of a set of predicates in each format is
    worked out once. The text is what `ntriples`, `turtle` and `jsonld` write for the same triples.
    """

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.compact = turtle.Compactor(prefixes)
        self.nodes = jsonld.NodeWriter(prefixes)
        self.nodes.compact = self.compact
        self.terms: dict[Term, Spelled] = {}
        self.predicates: dict[str, tuple[str, str, str]] = {}  # " <p> ", Turtle name, JSON-LD opening
        self.orders: dict[tuple[str, ...], _Orders] = {}

    def spell(self, term: Term, remember: bool = True) -> Spelled:
        """A term as each format writes it (remembered, unless `remember` is false or it is a long literal)."""
        if term.__class__ is str:
            iri = str(term)
            if not remember:
                short = self.compact.spell(iri)
                return f"<{iri}>", short, "", jsonld.encode_string(iri if short.startswith("<") else short)
            spelled = f"<{iri}>", self.compact.iri(iri), self.nodes.value(iri), self.nodes.iri(iri)
        else:
            assert isinstance(term, Literal)
            spelled = ntriples.term(term), self.compact.term(term), self.nodes.value(term), ""
            if len(term.lexical) > _REMEMBER:
                return spelled
        self.terms[term] = spelled
        return spelled

    def predicate(self, predicate: str) -> tuple[str, str, str]:
        """A predicate as each format writes it before its objects."""
        found = self.predicates.get(predicate)
        if found is None:
            if predicate == RDF_TYPE:
                found = (f" <{predicate}> ", "a", '"@type": [\n    ')
            else:
                found = (f" <{predicate}> ", self.compact.iri(predicate), self.nodes.key(predicate)[1])
            self.predicates[predicate] = found
        return found

    def _orders(self, keys: tuple[str, ...]) -> _Orders:
        nt = sorted(keys, key=ntriples.line_order)
        ttl = turtle.predicate_order(keys)
        members = sorted([("@type" if key == RDF_TYPE else self.nodes.key(key)[0], key) for key in keys]
                         + [("@id", "")])
        found = self.orders[keys] = (nt, ttl, members)
        return found

    def chunk(self, subject: str, predicates: Predicates) -> Chunk:
        """Render one subject."""
        types = predicates.get(RDF_TYPE)
        if types is not None and any(t.__class__ is not str for t in types):
            return self._apart(subject, predicates)  # a typed literal: not a JSON-LD "@type"
        terms = self.terms
        spelled: dict[str, list[Spelled]] = {}
        for predicate, objects in predicates.items():
            if len(objects) == 1:
                (only,) = objects
                spelled[predicate] = [terms.get(only) or self.spell(only)]
            else:
                spelled[predicate] = [terms.get(o) or self.spell(o) for o in sorted(objects, key=sort_key)]
        keys = tuple(predicates)
        nt_order, ttl_order, members = self.orders.get(keys) or self._orders(keys)
        known = self.predicates
        head = f"<{subject}>"
        lines = []
        for predicate in nt_order:
            start = head + (known.get(predicate) or self.predicate(predicate))[0]
            objects_spelled = spelled[predicate]
            if len(objects_spelled) == 1:
                lines.append(start + objects_spelled[0][0] + " .\n")
            else:
                lines += sorted([start + o[0] + " .\n" for o in objects_spelled])
        parts = []
        for predicate in ttl_order:
            objects_spelled = spelled[predicate]
            parts.append(known[predicate][1] + " " + (objects_spelled[0][1] if len(objects_spelled) == 1
                                                      else ", ".join([o[1] for o in objects_spelled])))
        texts = []
        for _, predicate in members:
            if not predicate:
                texts.append('"@id": ' + self.nodes.iri(subject))
                continue
            objects_spelled = spelled[predicate]
            which = 3 if predicate == RDF_TYPE else 2
            texts.append(known[predicate][2] + (objects_spelled[0][which] if len(objects_spelled) == 1
                                                else ",\n    ".join([o[which] for o in objects_spelled])) + "\n   ]")
        compact = self.compact
        return Chunk(subject, "".join(lines).encode(), len(lines),
                     ("\n" + (compact.known.get(subject) or compact.iri(subject)) + "\n    " + " ;\n    ".join(parts)
                      + " .\n").encode(),
                     ("  {\n   " + ",\n   ".join(texts) + "\n  }").encode())

    def _apart(self, subject: str, predicates: Predicates) -> Chunk:
        """Render one subject with each format's own writer."""
        lines = sorted(f"<{subject}> <{predicate}> {ntriples.term(o)} .\n"
                       for predicate, objects in predicates.items() for o in objects)
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
