"""The one RDF writer: each subject written once into N-Triples, Turtle and JSON-LD, then the documents.

A chunk is one subject's text in the three formats. Whole documents are chunks sorted and put
together (`dumps`); a build renders chunks per fact file, caches them, and puts them together the
same way, so both give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ..terms import RDF_TYPE, Term, Triple, sort_key
from . import jsonld, ntriples, turtle

Predicates = dict[str, set[Term]]
Part = bytes | memoryview


class Chunk(NamedTuple):
    """One subject rendered in each format, as UTF-8 (triples: its distinct triples)."""

    # Bytes, not text: chunks are stored in the cache, sent back from worker processes and joined
    # into files, and bytes cross all three without being encoded again.
    subject: str
    nt: bytes
    triples: int
    turtle: bytes
    jsonld: bytes


class Documents(NamedTuple):
    """The three documents, each as its UTF-8 parts in order, and the number of distinct triples in them."""

    nt: list[Part]
    turtle: list[Part]
    jsonld: list[Part]
    triples: int


# A term as each format writes it: N-Triples, Turtle, JSON-LD value object, JSON-LD "@id" string ('' for a literal)
_Spelled = tuple[str, str, str, str]
# Each predicate's place in one subject's text, per format: N-Triples and Turtle predicates, JSON-LD members
_Orders = tuple[list[str], list[str], list[tuple[str, str]]]
_REMEMBER = 24  # literals up to this long are remembered: they recur (relation keys, dates)


def by_subject(triples: Iterable[Triple]) -> dict[str, Predicates]:
    """Map each subject to its predicates and their (de-duplicated) objects."""
    grouped: dict[str, Predicates] = {}
    for s, p, o in triples:
        predicates = grouped.get(s)
        if predicates is None:
            predicates = grouped[s] = {}
        objects = predicates.get(p)
        if objects is None:
            predicates[p] = {o}
        else:
            objects.add(o)
    return grouped


class SubjectWriter:
    """Writes subjects with a document's prefixes, remembering the spellings and orders it has worked out.

    Each object is spelled once for all three formats, and the order of a set of predicates in each
    format is worked out once: most subjects share their shape with thousands of others.
    """

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.compact = turtle.Compactor(prefixes)
        self.terms: dict[Term, _Spelled] = {}
        self.predicates: dict[tuple[str, bool], tuple[str, str, str]] = {}  # " <p> ", Turtle name, JSON-LD opening
        self.orders: dict[tuple[tuple[str, ...], bool], _Orders] = {}

    def spell(self, term: Term) -> _Spelled:
        """A term as each format writes it (remembered unless it is a long literal)."""
        compact = self.compact
        if isinstance(term, str):
            spelled = f"<{term}>", compact.iri(term), jsonld.value(compact, term), jsonld.iri(compact, term)
        else:
            spelled = ntriples.term(term), compact.literal(term), jsonld.value(compact, term), ""
            if len(term.lexical) > _REMEMBER:
                return spelled
        self.terms[term] = spelled
        return spelled

    def predicate(self, predicate: str, as_type: bool) -> tuple[str, str, str]:
        """A predicate as each format writes it before its objects (`as_type`: JSON-LD's "@type")."""
        found = self.predicates.get((predicate, as_type))
        if found is None:
            compact = self.compact
            name = jsonld.encode_string(jsonld.key(compact, predicate))
            found = self.predicates[(predicate, as_type)] = (
                f" <{predicate}> ", "a" if predicate == RDF_TYPE else compact.iri(predicate),
                ('"@type"' if as_type else name) + ": [\n    ")
        return found

    def _orders(self, keys: tuple[str, ...], types_are_iris: bool) -> _Orders:
        nt = sorted(keys, key=ntriples.line_order)
        ttl = turtle.predicate_order(keys)
        members = sorted([("@type" if key == RDF_TYPE and types_are_iris else jsonld.key(self.compact, key), key)
                          for key in keys] + [("@id", "")])
        found = self.orders[(keys, types_are_iris)] = (nt, ttl, members)
        return found

    def chunk(self, subject: str, predicates: Predicates) -> Chunk:
        """Render one subject."""
        types = predicates.get(RDF_TYPE)
        types_are_iris = types is None or all(isinstance(t, str) for t in types)
        terms = self.terms
        spelled: dict[str, list[_Spelled]] = {}
        for predicate, objects in predicates.items():
            if len(objects) == 1:
                (only,) = objects
                spelled[predicate] = [terms.get(only) or self.spell(only)]
            else:
                spelled[predicate] = [terms.get(o) or self.spell(o) for o in sorted(objects, key=sort_key)]
        keys = tuple(predicates)
        nt_order, ttl_order, members = self.orders.get((keys, types_are_iris)) or self._orders(keys, types_are_iris)
        written = {p: self.predicate(p, p == RDF_TYPE and types_are_iris) for p in keys}
        head = f"<{subject}>"
        lines = []
        for predicate in nt_order:
            start = head + written[predicate][0]
            objects_spelled = spelled[predicate]
            if len(objects_spelled) == 1:
                lines.append(start + objects_spelled[0][0] + " .\n")
            else:
                lines += sorted([start + o[0] + " .\n" for o in objects_spelled])
        parts = [written[p][1] + " " + ", ".join([o[1] for o in spelled[p]]) for p in ttl_order]
        texts = []
        for _, predicate in members:
            if not predicate:
                texts.append('"@id": ' + jsonld.iri(self.compact, subject))
                continue
            which = 3 if predicate == RDF_TYPE and types_are_iris else 2
            texts.append(written[predicate][2] + ",\n    ".join([o[which] for o in spelled[predicate]]) + "\n   ]")
        return Chunk(subject, "".join(lines).encode(), len(lines),
                     ("\n" + self.compact.iri(subject) + "\n    " + " ;\n    ".join(parts) + " .\n").encode(),
                     ("  {\n   " + ",\n   ".join(texts) + "\n  }").encode())

    def chunks(self, triples: Iterable[Triple]) -> list[Chunk]:
        """Render every subject of `triples` (each subject's triples must all be there)."""
        return [self.chunk(subject, predicates) for subject, predicates in by_subject(triples).items()]


def assemble(chunks: Iterable[Chunk], prefixes: Mapping[str, str]) -> Documents:
    """Put chunks (of distinct subjects, in any order) together into the three documents."""
    by_iri = sorted(chunks, key=lambda chunk: chunk.subject)
    if not by_iri:
        return Documents([], [turtle.header(prefixes).encode()], [jsonld.empty_document(prefixes).encode()], 0)
    # an N-Triples line starts "<subject> ", which sorts differently from the bare IRI
    by_line = sorted(by_iri, key=lambda chunk: ntriples.line_order(chunk.subject))
    head, tail = jsonld.frame(prefixes)
    nodes: list[Part] = [head.encode()]
    for chunk in by_iri:
        nodes += (chunk.jsonld, b",\n")
    nodes[-1] = tail.encode()
    return Documents([chunk.nt for chunk in by_line], [turtle.header(prefixes).encode(),
                     *[chunk.turtle for chunk in by_iri]], nodes, sum(chunk.triples for chunk in by_iri))


def dumps(format_name: str, triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    """Serialise triples as one document: 'nt', 'turtle' or 'jsonld'."""
    made = assemble(SubjectWriter(prefixes).chunks(triples), prefixes)
    return b"".join(getattr(made, format_name)).decode("utf-8")

