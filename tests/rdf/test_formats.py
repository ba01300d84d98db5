"""Rendering subjects: the one-pass chunk writer and the statement templates give each format's own text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from wmgraph.model.checking import load_model
from wmgraph.model.model import Fact, Location
from wmgraph.model.vocabulary import Vocabulary, read_vocabulary
from wmgraph.rdf.formats import jsonld, ntriples, turtle
from wmgraph.rdf.formats.chunks import Chunk, ChunkWriter, assemble
from wmgraph.rdf.formats.grouping import Predicates, by_subject
from wmgraph.rdf.formats.templates import compile_template, fill, plain
from wmgraph.rdf.mapping import (
    direct_parts,
    fact_triples,
    namespaces,
    statement_template,
    statement_values,
)
from wmgraph.rdf.terms import RDF, RDF_TYPE, XSD, Literal, Triple
from wmgraph.rendering import PieceWriter

from ..conftest import SEED_GRAPH
from ..test_benchmark import generate

EX = "http://example.org/"
PREFIXES = {"ex": EX, "exp": EX + "p/", "xsd": XSD, "rdf": RDF}
WHERE = Location("people.yaml", 1, 1)


def documents(chunks: list[Chunk], prefixes: dict[str, str]) -> tuple[str, str, str]:
    """The three documents put together from chunks, as text."""
    texts: list[list[bytes | memoryview]] = [[c.nt for c in chunks], [c.turtle for c in chunks],
                                             [c.jsonld for c in chunks]]
    made = assemble([c.subject for c in chunks], texts, sum(c.nt_count for c in chunks), prefixes)
    return tuple(b"".join(bytes(part) for part in parts).decode()  # type: ignore[return-value]
                 for parts in (made.nt, made.turtle, made.jsonld))


def expected(subject: str, predicates: Predicates, prefixes: dict[str, str]) -> Chunk:
    """One subject as each format's own writer puts it."""
    triples = [(subject, p, o) for p, objects in predicates.items() for o in objects]
    lines = ntriples.dumps(triples)
    return Chunk(subject, lines.encode(), lines.count("\n"),
                 turtle.block(turtle.Compactor(prefixes), subject, predicates).encode(),
                 jsonld.NodeWriter(prefixes).node(subject, predicates).encode())


AWKWARD: list[Triple] = [
    (EX + "a", RDF_TYPE, EX + "Thing"),
    (EX + "a", RDF_TYPE, EX + "Other"),
    (EX + "a", EX + "p", Literal("plain")),
    (EX + "a", EX + "p2", Literal("two")),  # ex:p sorts before ex:p2, but "<ex:p> " after "<ex:p2"
    (EX + "a", EX + "p-x", Literal("dash")),
    (EX + "a", EX + "p/x", EX + "b"),
    (EX + "a", EX + "p", Literal("braces {0} and {}")),
    (EX + "a", EX + "p", Literal('quote " backslash \\ tab \t line\nend')),
    (EX + "a", EX + "p", Literal("12", XSD + "integer")),
    (EX + "a", EX + "p", Literal("1.50", XSD + "decimal")),
    (EX + "a", EX + "p", Literal("not a number", XSD + "integer")),
    (EX + "a", EX + "p", Literal("a long literal that is not remembered between subjects, " * 3)),
    (EX + "a", EX + "p", EX + "weird iri/with {braces}"),
    (EX + "a", EX + "q", Literal("Birmingham – Digbeth ✓")),
    (EX + "b", RDF_TYPE, Literal("a typed literal as a type", XSD + "string")),
    (EX + "b", RDF_TYPE, EX + "Thing"),
    (EX + "b", EX + "p", EX + "a"),
    (EX + "c", EX + "p", EX + "a"),
    (EX + "c", EX + "p", EX + "b"),
    ("http://elsewhere.example/x", EX + "p", Literal("no prefix")),
]


def test_the_chunk_writer_gives_each_formats_own_text() -> None:
    chunks = ChunkWriter(PREFIXES).chunks(AWKWARD * 2)
    assert documents(chunks, PREFIXES) == (ntriples.dumps(AWKWARD), turtle.dumps(AWKWARD, PREFIXES),
                                           jsonld.dumps(AWKWARD, PREFIXES))


def test_one_writer_gives_the_same_chunks_again() -> None:
    writer = ChunkWriter(PREFIXES)
    grouped = by_subject(AWKWARD)
    first = [writer.chunk(s, p) for s, p in grouped.items()]
    assert first == [writer.chunk(s, p) for s, p in grouped.items()]
    assert first == [expected(s, p, PREFIXES) for s, p in grouped.items()]


def facts_of(graph: Path) -> tuple[Vocabulary, list[Fact]]:
    model = load_model(graph)
    return model.vocabulary, model.facts


def awkward_facts(vocabulary: Vocabulary) -> list[Fact]:
    """Facts of every qualifier datatype, with values a template must not mistake for its own fields."""
    return [
        Fact("p1.works-for.o1", "p1", "works-for", "o1", True,
             (("role", "Head of {R&D} \"data\""), ("start", "2024-03"), ("end", "2025")), ("s1",), WHERE),
        Fact("p1.works-for.o1.2", "p1", "works-for", "o1", True, (("role", "x" * 80),), ("s2", "s1"), WHERE),
        Fact("p1.works-for.o2", "p1", "works-for", "o2", True, (), ("s1", "s1"), WHERE),
        Fact("o1.investment.1", "o1", "investment", None, False,
             (("amount", Decimal("14.50")), ("currency", "USD"), ("funders", ("o2", "o3")), ("duration", "P3Y"),
              ("approx", "up to")), ("s1",), WHERE),
        Fact("o1.investment.2", "o1", "investment", None, False,
             (("amount", 2_000_000), ("funders", ("o2", "o2")), ("date", "2024-05-01")), ("s1",), WHERE),
        Fact("o1.statistic.1", "o1", "statistic", None, False,
             (("value", Decimal("0.25")), ("share", Decimal("0.5")), ("count", 21), ("place", "birmingham"),
              ("measure", "{0} firms")), ("s1",), WHERE),
        Fact("o1.pledges-jobs.o2", "o1", "pledges-jobs", "o2", True,
             (("jobs", 500), ("by", "2030"), ("announced-at", "o3")), ("s1",), WHERE),
        Fact("o1.hosted.e1", "o1", "hosted", "e1", True, (("date", "2025-06-12"),), ("s1",), WHERE),
        Fact("o1.partners-with.o2", "o1", "partners-with", "o2", True, (), ("s1",), WHERE),
        Fact("p1.said.1", "p1", "said", "We said {this} – “quoted”", False, (("note", "a\tb\nc"),), ("s1",), WHERE),
    ]


@pytest.mark.parametrize("graph", ["seed", "synthetic", "awkward"])
def test_statement_templates_give_what_each_format_writes(graph: str, tmp_path: Path) -> None:
    if graph == "awkward":
        vocabulary = read_vocabulary(SEED_GRAPH / "vocabulary.yaml")
        facts = awkward_facts(vocabulary)
    else:
        folder = SEED_GRAPH if graph == "seed" else generate(tmp_path / "graph", entities=300)
        vocabulary, facts = facts_of(folder)
    prefixes = namespaces(vocabulary)
    writer = PieceWriter(vocabulary, prefixes)
    statements = prefixes["stmt"]
    filled = 0
    for fact in facts:
        parts = direct_parts(vocabulary, fact)
        grouped = by_subject(fact_triples(vocabulary, fact))
        wanted = [expected(s, p, prefixes) for s, p in grouped.items() if s.startswith(statements)]
        assert writer.statement(fact, parts) == wanted, fact.key
        shape, _ = statement_values(vocabulary, fact, parts)
        filled += writer.templates[shape][1] is not None
    if graph != "awkward":  # made to need sorting: see the next test
        assert filled >= len(facts) * 0.9, (filled, len(facts))  # most facts take the template's fast way


def test_a_template_with_two_objects_of_one_predicate_is_written_plainly() -> None:
    vocabulary = read_vocabulary(SEED_GRAPH / "vocabulary.yaml")
    writer = ChunkWriter(namespaces(vocabulary))
    for fact in awkward_facts(vocabulary):
        shape, _ = statement_values(vocabulary, fact)
        compiled = compile_template(writer, statement_template(vocabulary, shape))
        several = len(fact.sources) > 1 or any(isinstance(v, tuple) and len(v) > 1 for _, v in fact.qualifiers)
        assert (compiled is None) == several, fact.key


def test_a_statement_gives_the_triples_of_each_of_its_qualifiers() -> None:
    vocabulary = read_vocabulary(SEED_GRAPH / "vocabulary.yaml")
    fact = awkward_facts(vocabulary)[3]
    ns, base, schema = vocabulary.project_namespace, vocabulary.base, "https://schema.org/"
    node, amount = base + "statement/o1.investment.1", base + "statement/o1.investment.1.amount"
    assert set(fact_triples(vocabulary, fact)) == {
        (base + "o1", ns + "investment", node),
        (node, RDF_TYPE, RDF + "Statement"),
        (node, RDF_TYPE, ns + "Investment"),
        (node, RDF + "subject", base + "o1"),
        (node, RDF + "predicate", ns + "investment"),
        (node, ns + "relation", Literal("investment")),
        (node, schema + "amount", amount),
        (amount, RDF_TYPE, schema + "MonetaryAmount"),
        (amount, schema + "value", Literal("14.5", XSD + "decimal")),
        (amount, schema + "currency", Literal("USD")),
        (node, schema + "funder", base + "o2"),
        (node, schema + "funder", base + "o3"),
        (node, schema + "duration", Literal("P3Y", XSD + "duration")),
        (node, ns + "approximation", Literal("up to")),
        (node, "http://www.w3.org/ns/prov#wasDerivedFrom", base + "source/s1"),
    }


def test_a_compiled_template_orders_predicates_as_each_format_does() -> None:
    template = [(0, RDF_TYPE, EX + "Thing"), (0, EX + "p", 1), (0, EX + "p2", 2), (0, EX + "p-x", Literal("{1}")),
                (0, EX + "p/x", 3), (3, EX + "q", Literal("inner")), (3, EX + "p", 1), (0, EX + "r", 4)]
    values = [EX + "s", Literal("one"), EX + "two", EX + "inner {0}", Literal("x" * 40)]
    writer = ChunkWriter(PREFIXES)
    compiled = compile_template(writer, template)
    assert compiled is not None
    grouped = by_subject([(str(values[s]), p, values[o] if isinstance(o, int) else o) for s, p, o in template])
    assert fill(writer, compiled, values) == [expected(s, p, PREFIXES) for s, p in grouped.items()]
    assert fill(writer, compiled, values) == plain(writer, template, values)
