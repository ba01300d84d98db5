"""The mapping uses each standard as its spec says: ORG, schema.org grants, Web Annotation, claims, the ontology."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from wmgraph.model.checking import load_model
from wmgraph.model.model import Entity, Fact, Location, Model, Source
from wmgraph.model.vocabulary import Vocabulary, read_vocabulary
from wmgraph.rdf.claims import asserted
from wmgraph.rdf.evidence import CONTEXT, selector
from wmgraph.rdf.formats import FORMATS, dumps
from wmgraph.rdf.mapping import fact_triples, incoming_triples, model_triples, namespaces, source_triples
from wmgraph.rdf.terms import (
    DC,
    OA,
    ORG,
    OWL,
    RDF,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
    XSD_STRING,
    Literal,
    Triple,
    tagged,
)

from ..conftest import SEED_GRAPH, require_program
from .test_formats import OXIGRAPH_FORMATS, RDFLIB_FORMATS, to_rdflib

WHERE = Location("people.yaml", 1, 1)
JS = Path(__file__).resolve().parents[1] / "js"
TEXT = ("Version 1, the Irish software firm, said on Tuesday that it is “launching a tech hub in the city "
        "center next year” — and it is  set to introduce two academies.")


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return read_vocabulary(SEED_GRAPH / "vocabulary.yaml")


def node_triples(vocabulary: Vocabulary, fact: Fact) -> dict[str, set[object]]:
    """The statement node's predicates and objects."""
    node = vocabulary.base + "statement/" + fact.key
    found: dict[str, set[object]] = {}
    for s, p, o in fact_triples(vocabulary, fact):
        if s == node:
            found.setdefault(p, set()).add(o)
    return found


def test_a_membership_names_member_organisation_role_and_period(vocabulary: Vocabulary) -> None:
    fact = Fact("p1.member-of.o1", "p1", "member-of", "o1", True,
                (("role", "Programme Manager"), ("start", "2024-03"), ("end", "2025")), ("s1",), WHERE)
    base, node = vocabulary.base, vocabulary.base + "statement/p1.member-of.o1"
    triples = set(fact_triples(vocabulary, fact))
    assert {(node, RDF_TYPE, ORG + "Membership"), (node, ORG + "member", base + "p1"),
            (node, ORG + "organization", base + "o1"), (node, ORG + "role", node + ".role"),
            (node + ".role", RDF_TYPE, ORG + "Role"), (node + ".role", RDFS + "label", tagged("Programme Manager")),
            (node, ORG + "memberDuring", node + ".during"), (node + ".during", RDF_TYPE, TIME + "Interval"),
            (node + ".during", TIME + "hasBeginning", node + ".during.hasBeginning"),
            (node + ".during.hasBeginning", TIME + "inXSDgYearMonth", Literal("2024-03", XSD + "gYearMonth")),
            (node + ".during.hasEnd", TIME + "inXSDgYear", Literal("2025", XSD + "gYear")),
            (base + "p1", ORG + "memberOf", base + "o1")} <= triples
    as_of = Fact("p1.member-of.o1", "p1", "member-of", "o1", True, (("as-of", "2022-03-29"),), ("s1",), WHERE)
    during = node_triples(vocabulary, as_of)[ORG + "memberDuring"]
    assert during == {node + ".during"}
    assert (node + ".during", TIME + "inside", node + ".during.inside") in set(fact_triples(vocabulary, as_of))


def test_a_grant_names_funder_and_funded_item_and_an_investment_is_no_grant(vocabulary: Vocabulary) -> None:
    base = vocabulary.base
    funded_by = node_triples(vocabulary, Fact("i1.funded-by.o1", "i1", "funded-by", "o1", True,
                                              (("amount", 5),), ("s1",), WHERE))
    assert RDF_TYPE in funded_by and SCHEMA + "MonetaryGrant" in funded_by[RDF_TYPE]
    assert funded_by[SCHEMA + "fundedItem"] == {base + "i1"} and funded_by[SCHEMA + "funder"] == {base + "o1"}
    through = node_triples(vocabulary, Fact("i1.funded-through.p1", "i1", "funded-through", "p1", True, (),
                                            ("s1",), WHERE))
    assert through[SCHEMA + "fundedItem"] == {base + "i1"} and SCHEMA + "funder" not in through
    investment = node_triples(vocabulary, Fact("i1.investment.1", "i1", "investment", None, False,
                                               (("amount", 10), ("funders", ("o2",))), ("s1",), WHERE))
    assert SCHEMA + "fundedItem" not in investment and investment[SCHEMA + "funder"] == {base + "o2"}


def test_the_mayoralty_is_a_post_in_an_area(vocabulary: Vocabulary) -> None:
    own, base = vocabulary.project_namespace, vocabulary.base
    fact = Fact("mayor.post-in.west-midlands", "mayor", "post-in", "west-midlands", True, (), ("s1",), WHERE)
    assert (base + "mayor", own + "jurisdiction", base + "west-midlands") in set(fact_triples(vocabulary, fact))
    assert vocabulary.relations["post-of"].property == "org:postIn"
    assert vocabulary.relations["post-of"].object_types == ("organisation",)


def test_a_plan_gives_no_plain_triple_and_its_statement_says_so(vocabulary: Vocabulary) -> None:
    own, base = vocabulary.project_namespace, vocabulary.base
    plan = Fact("v1.launched.hub", "v1", "launched", "hub", True, (), ("s1",), WHERE,
                status="planned", status_date="2023-10")
    node = base + "statement/v1.launched.hub"
    triples = set(fact_triples(vocabulary, plan))
    assert not asserted(vocabulary, plan)
    assert not [t for t in triples if t[0] == base + "v1"]
    assert {(node, RDF + "predicate", own + "launched"), (node, RDF + "object", base + "hub"),
            (node, own + "status", own + "status-planned"),
            (node, own + "statusDate", Literal("2023-10", XSD + "gYearMonth"))} <= triples
    done = plan._replace(status="done")
    assert (base + "v1", own + "launched", base + "hub") in set(fact_triples(vocabulary, done))
    partners = Fact("o1.partners-with.o2", "o1", "partners-with", "o2", True, (), ("s1",), WHERE,
                    status="withdrawn")
    assert incoming_triples(vocabulary, [partners]) == {}
    assert incoming_triples(vocabulary, [partners._replace(status="")]) == {
        "o2": [(base + "o2", own + "partnerOf", base + "o1")]}


def test_only_a_truthy_status_gives_the_plain_triple_and_only_a_status_not_the_default_is_named(
        vocabulary: Vocabulary) -> None:
    own, base = vocabulary.project_namespace, vocabulary.base
    truthy = sorted(key for key, status in vocabulary.statuses.items() if status.truthy)
    assert truthy == ["done", "stated"]
    assert vocabulary.default_status("plans") == "planned" and vocabulary.default_status("based-in") == "stated"
    plan = Fact("v1.plans.hub", "v1", "plans", "hub", True, (), ("s1",), WHERE, status="planned")
    plain = (base + "v1", own + "plans", base + "hub")
    node = base + "statement/v1.plans.hub"
    assert plain not in set(fact_triples(vocabulary, plan))
    assert (node, own + "status", own + "status-planned") in set(fact_triples(vocabulary, plan))
    for status in ("stated", "done"):
        assert plain in set(fact_triples(vocabulary, plan._replace(status=status)))
    stated = set(fact_triples(vocabulary, plan._replace(status="stated", status_date="2024")))
    assert not [t for t in stated if t[1] == own + "status"]  # the default: left out
    assert (node, own + "statusDate", Literal("2024", XSD + "gYear")) in stated
    grant = Fact("i1.funded-by.o1", "i1", "funded-by", "o1", True, (("amount", 5),), ("s1",), WHERE,
                 status="possible")
    assert (base + "i1", SCHEMA + "funder", base + "o1") not in set(fact_triples(vocabulary, grant))
    assert node_triples(vocabulary, grant)[own + "status"] == {own + "status-possible"}


def test_a_selector_has_32_characters_either_side_of_the_normalised_text() -> None:
    exact, prefix, suffix = selector('launching a tech hub in the city center next year" - and it is set',
                                     TEXT)
    assert exact == 'launching a tech hub in the city center next year" - and it is set'
    assert prefix == 'rm, said on Tuesday that it is "' and len(prefix) == CONTEXT  # quotes made plain
    assert suffix == " to introduce two academies."  # what is left, up to 32
    assert selector("LAUNCHING a tech hub", TEXT)[0] == "launching a tech hub"  # case, if nothing else
    assert selector("a hub in Leeds", TEXT) == ("a hub in Leeds", "", "")  # not found: the words alone
    assert selector("“curly”   words", "") == ('"curly" words', "", "")


def quoted_model(vocabulary: Vocabulary) -> Model:
    """A model with a quoted entity and fact, one with a planned claim, and two sources, one with a stored text."""
    model = Model(vocabulary)
    model.sources["s1"] = Source("s1", "An article", WHERE, authors=("A. Writer",), note="seed 003: curation",
                                 seed="003.txt", text_file="texts/s1.txt", text=TEXT)
    model.sources["s2"] = Source("s2", "Another", WHERE, publisher="A Publisher")
    model.entities["v1"] = Entity("v1", "company", "Version 1", WHERE, ("s1",), quote="the Irish software firm")
    model.entities["hub"] = Entity("hub", "initiative", "Version 1 hub", WHERE, ("s1",))
    model.facts.append(Fact("v1.launched.hub", "v1", "launched", "hub", True, (), ("s2", "s1"), WHERE,
                            quote="launching a tech hub in the city center next year", status="planned"))
    return model


def test_a_quote_is_a_web_annotation_of_its_source(vocabulary: Vocabulary) -> None:
    model = quoted_model(vocabulary)
    base, own = vocabulary.base, vocabulary.project_namespace
    triples = set(model_triples(model))
    node, annotation = base + "statement/v1.launched.hub", base + "annotation/v1.launched.hub"
    target, chosen = annotation + ".target", annotation + ".selector"
    assert {(node, own + "evidence", annotation), (annotation, RDF_TYPE, OA + "Annotation"),
            (annotation, OA + "motivatedBy", OA + "describing"), (annotation, OA + "hasBody", node),
            (annotation, OA + "hasTarget", target), (target, RDF_TYPE, OA + "SpecificResource"),
            (target, OA + "hasSource", base + "source/s1"),  # the source whose text holds it, not the first
            (target, OA + "hasSelector", chosen), (chosen, RDF_TYPE, OA + "TextQuoteSelector"),
            (chosen, OA + "exact", Literal("launching a tech hub in the city center next year")),
            (chosen, OA + "prefix", Literal('rm, said on Tuesday that it is "')),
            (chosen, OA + "suffix", Literal('" - and it is set to introduce t'))} <= triples
    entity = base + "annotation/v1"
    assert (base + "v1", own + "evidence", entity) in triples and (entity, OA + "hasBody", base + "v1") in triples


def test_sources_name_people_with_dc_elements_and_keep_curation_notes_out(vocabulary: Vocabulary) -> None:
    model = quoted_model(vocabulary)
    triples = {t for key in ("s1", "s2") for t in source_triples(vocabulary, model.sources[key])}
    base = vocabulary.base + "source/"
    assert (base + "s1", DC + "creator", Literal("A. Writer")) in triples
    assert (base + "s2", DC + "publisher", Literal("A Publisher")) in triples
    assert not [t for t in triples if t[1] == SKOS + "note" or "seed" in str(t[2]) or "texts/" in str(t[2])]


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_annotations_and_tags_read_back_in_every_format(vocabulary: Vocabulary, format_name: str) -> None:
    triples = list(model_triples(quoted_model(vocabulary)))
    text = dumps(format_name, triples, namespaces(vocabulary))
    assert isomorphic(rdflib.Graph().parse(data=text, format=RDFLIB_FORMATS[format_name]), to_rdflib(triples))
    assert len(set(pyoxigraph.parse(text.encode(), format=OXIGRAPH_FORMATS[format_name]))) == len(set(triples))


@pytest.mark.slow
def test_rapper_and_n3js_count_the_annotations(vocabulary: Vocabulary, tmp_path: Path) -> None:
    triples = list(model_triples(quoted_model(vocabulary)))
    path = tmp_path / "quoted.ttl"
    path.write_text(dumps("turtle", triples, namespaces(vocabulary)))
    out = subprocess.run([require_program("rapper"), "-q", "-i", "turtle", "-o", "ntriples", str(path)],
                         check=True, capture_output=True).stdout
    assert len(out.splitlines()) == len(set(triples))
    if not (JS / "node_modules" / "n3").is_dir():
        pytest.fail("N3.js is not installed: run `npm ci --prefix tests/js` (make test does)")
    count = subprocess.run([require_program("node"), str(JS / "count-turtle.js"), str(path)], check=True,
                           capture_output=True, text=True).stdout
    assert int(count) == len(set(triples))


PLAIN = {"entityType", "relation"}  # keys, not words


def test_every_project_term_is_documented_and_text_is_english() -> None:
    model = load_model(SEED_GRAPH)
    vocabulary = model.vocabulary
    own = vocabulary.project_namespace
    triples = list(model_triples(model))
    described: dict[str, set[str]] = {}
    for s, p, _ in triples:
        described.setdefault(s, set()).add(p)
    used = {p for _, p, _ in triples if p.startswith(own)} | {
        o for _, p, o in triples if p == RDF_TYPE and isinstance(o, str) and o.startswith(own)}
    assert (own.rstrip("#"), RDF_TYPE, OWL + "Ontology") in triples
    for term in used:
        assert {RDFS + "label", RDFS + "comment", RDFS + "isDefinedBy"} <= described.get(term, set()), term
    assert own + "coordinates" not in used and own + "quote" not in used
    plain = {(p, o) for _, p, o in triples if isinstance(o, Literal) and o.datatype == XSD_STRING}
    allowed = {own + name for name in PLAIN} | {SCHEMA + "currency", DC + "creator", DC + "publisher",
                                                OWL + "versionInfo", OA + "exact", OA + "prefix", OA + "suffix"}
    assert {p for p, _ in plain} <= allowed
    assert all(o.language == "en" for _, _, o in triples if isinstance(o, Literal) and o.language)


def test_the_rdf_of_a_quoted_model_is_parsed_by_rdflib_into_language_tags(vocabulary: Vocabulary) -> None:
    triples: list[Triple] = list(model_triples(quoted_model(vocabulary)))
    graph = rdflib.Graph().parse(data=dumps("nt", triples, namespaces(vocabulary)), format="nt")
    names = set(graph.objects(rdflib.URIRef(vocabulary.base + "v1"), rdflib.URIRef(SCHEMA + "name")))
    assert names == {rdflib.Literal("Version 1", lang="en")}
