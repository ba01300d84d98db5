"""The RDF writer: every format's text for awkward triples, read back by rdflib and Oxigraph; statements."""

from __future__ import annotations

import json
from decimal import Decimal

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from wmgraph.model.model import Fact, Location
from wmgraph.model.vocabulary import Vocabulary, read_vocabulary
from wmgraph.rdf.formats import FORMATS, SubjectWriter, by_subject, dumps
from wmgraph.rdf.mapping import fact_triples, namespaces
from wmgraph.rdf.terms import RDF, RDF_TYPE, XSD, XSD_STRING, Literal, Triple, tagged

from ..conftest import SEED_GRAPH

EX = "http://example.org/"
PREFIXES = {"ex": EX, "exp": EX + "p/", "xsd": XSD, "rdf": RDF}
WHERE = Location("people.yaml", 1, 1)
RDFLIB_FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}
OXIGRAPH_FORMATS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
                    "jsonld": pyoxigraph.RdfFormat.JSON_LD}


def to_rdflib(triples: list[Triple]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o in triples:
        obj = rdflib.URIRef(o) if isinstance(o, str) else rdflib.Literal(o.lexical, lang=o.language) \
            if o.language else rdflib.Literal(
            o.lexical, datatype=None if o.datatype == XSD_STRING else rdflib.URIRef(o.datatype))
        graph.add((rdflib.URIRef(s), rdflib.URIRef(p), obj))
    return graph


def oxigraph_count(text: str, format_name: str) -> int:
    return len(set(pyoxigraph.parse(text.encode(), format=OXIGRAPH_FORMATS[format_name])))


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
    (EX + "a", EX + "q", Literal("Birmingham – Digbeth ✓")),
    (EX + "b", RDF_TYPE, Literal("a typed literal as a type", XSD + "string")),
    (EX + "b", RDF_TYPE, EX + "Thing"),
    (EX + "b", EX + "p", EX + "a"),
    (EX + "c", EX + "p", EX + "a"),
    (EX + "c", EX + "p", EX + "b"),
    ("http://elsewhere.example/x", EX + "p", Literal("no prefix")),
    (EX + "d", EX + "p", tagged("Mayor")),
    (EX + "d", EX + "p", Literal("Mayor")),  # the same text untagged is another term
    (EX + "d", EX + "p", tagged('quote " and\nline – “x”')),
    (EX + "d", EX + "p", tagged("a long tagged literal that is not remembered between subjects, " * 3)),
    (EX + "d", RDF_TYPE, tagged("a tagged literal as a type")),
]


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_every_format_reads_back_as_the_same_graph(format_name: str) -> None:
    text = dumps(format_name, AWKWARD * 2, PREFIXES)  # each triple twice: written once
    parsed = rdflib.Graph().parse(data=text, format=RDFLIB_FORMATS[format_name])
    assert isomorphic(parsed, to_rdflib(AWKWARD))
    assert oxigraph_count(text, format_name) == len(set(AWKWARD))


LANGUAGE: list[Triple] = [(EX + "a", EX + "p", tagged("Mayor")), (EX + "a", EX + "p", Literal("Mayor")),
                          (EX + "a", EX + "q", tagged('say "hi"', "en-GB"))]


def test_a_language_tag_as_each_format_writes_it() -> None:
    assert '<http://example.org/a> <http://example.org/p> "Mayor"@en .\n' in dumps("nt", LANGUAGE, PREFIXES)
    assert 'ex:p "Mayor"@en, "Mayor" ;\n    ex:q "say \\"hi\\""@en-GB .' in dumps("turtle", LANGUAGE, PREFIXES)
    node = json.loads(dumps("jsonld", LANGUAGE, PREFIXES))["@graph"][0]
    assert node["ex:p"] == [{"@language": "en", "@value": "Mayor"}, {"@value": "Mayor"}]
    assert node["ex:q"] == [{"@language": "en-GB", "@value": 'say "hi"'}]


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_language_tags_survive_pyoxigraph_and_rdflib(format_name: str) -> None:
    text = dumps(format_name, LANGUAGE, PREFIXES)
    expected = {("Mayor", "en"), ("Mayor", None), ('say "hi"', "en-gb")}  # tags compare case-blind
    found = {(str(t.object.value), t.object.language) for t in
             pyoxigraph.parse(text.encode(), format=OXIGRAPH_FORMATS[format_name])}
    assert {(v, tag and tag.lower()) for v, tag in found} == expected
    parsed = rdflib.Graph().parse(data=text, format=RDFLIB_FORMATS[format_name])
    assert {(str(o), o.language and o.language.lower()) for o in parsed.objects()} == expected
    assert isomorphic(parsed, to_rdflib(LANGUAGE))


def test_n_triples_are_one_sorted_line_each() -> None:
    lines = dumps("nt", AWKWARD * 2, PREFIXES).splitlines(keepends=True)
    assert lines == sorted(set(lines)) and len(lines) == len(set(AWKWARD))


def test_the_documents_of_a_small_graph_exactly() -> None:
    triples: list[Triple] = [(EX + "b", EX + "p", Literal("two")), (EX + "a", RDF_TYPE, EX + "Thing"),
                             (EX + "a", EX + "p", EX + "b"), (EX + "a", EX + "p", Literal("1.50", XSD + "decimal"))]
    prefixes = {"ex": EX}
    assert dumps("nt", triples, prefixes) == (
        '<http://example.org/a> <http://example.org/p> "1.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
        "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
        "<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Thing> .\n"
        '<http://example.org/b> <http://example.org/p> "two" .\n')
    assert dumps("turtle", triples, prefixes) == (
        "@prefix ex: <http://example.org/> .\n"
        "\nex:a\n    a ex:Thing ;\n    ex:p ex:b, 1.50 .\n"
        '\nex:b\n    ex:p "two" .\n')
    document = dumps("jsonld", triples, prefixes)
    assert document == json.dumps(json.loads(document), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    assert json.loads(document)["@graph"][0] == {
        "@id": "ex:a", "@type": ["ex:Thing"],
        "ex:p": [{"@id": "ex:b"}, {"@type": "http://www.w3.org/2001/XMLSchema#decimal", "@value": "1.50"}]}


def test_an_empty_graph_gives_empty_documents() -> None:
    assert dumps("nt", [], PREFIXES) == ""
    assert dumps("turtle", [], {"ex": EX}) == "@prefix ex: <http://example.org/> .\n"
    assert json.loads(dumps("jsonld", [], {"ex": EX})) == {"@context": {"ex": EX}, "@graph": []}


def test_a_writer_gives_the_same_chunks_as_a_fresh_one() -> None:
    writer = SubjectWriter(PREFIXES)
    grouped = by_subject(AWKWARD)
    first = [writer.chunk(s, p) for s, p in grouped.items()]
    assert first == [writer.chunk(s, p) for s, p in grouped.items()]
    assert first == [SubjectWriter(PREFIXES).chunk(s, p) for s, p in grouped.items()]


def test_a_literal_as_a_type_is_no_json_ld_type() -> None:
    node = next(n for n in json.loads(dumps("jsonld", AWKWARD, PREFIXES))["@graph"] if n["@id"] == "ex:b")
    assert "@type" not in node
    assert {"@id": "ex:Thing"} in node["rdf:type"]


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
        (node, ns + "approximation", tagged("up to")),
        (node, "http://www.w3.org/ns/prov#wasDerivedFrom", base + "source/s1"),
    }


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_statements_of_every_qualifier_read_back(format_name: str) -> None:
    vocabulary = read_vocabulary(SEED_GRAPH / "vocabulary.yaml")
    triples = [t for fact in awkward_facts(vocabulary) for t in fact_triples(vocabulary, fact)]
    text = dumps(format_name, triples, namespaces(vocabulary))
    parsed = rdflib.Graph().parse(data=text, format=RDFLIB_FORMATS[format_name])
    assert isomorphic(parsed, to_rdflib(triples))
    assert oxigraph_count(text, format_name) == len(set(triples))
