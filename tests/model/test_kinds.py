"""The vocabulary for what articles say, each kind used in the `kinds` fixture graph: checks, RDF, shapes, show."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.model.checking import load_model
from wmgraph.model.model import Model
from wmgraph.page.data import page_data
from wmgraph.rdf.mapping import model_triples
from wmgraph.rdf.terms import Literal, tagged

KINDS = Path(__file__).resolve().parents[1] / "data" / "kinds"
ENT = "https://w3id.org/wmgraph/id/"
STMT = ENT + "statement/"
WM = "https://w3id.org/wmgraph/ns#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
NEW_RELATIONS = {"subsidiary-of", "owns", "joint-venture-of", "appointed-to", "recruits-for", "visited", "attended",
                 "client-of", "supplier-to", "makes", "target", "forecast", "compiled", "commissioned", "cited-in",
                 "released-for", "purpose", "first-of-kind", "associated-with", "said-that"}
NEW_TYPES = {"site", "product", "policy", "law", "fund"}
NEW_QUALIFIERS = {"at-least", "up-to", "total", "about", "together-with", "condition"}


@pytest.fixture(scope="module")
def kinds() -> Model:
    return load_model(KINDS)


@pytest.fixture(scope="module")
def triples(kinds: Model) -> set[tuple[object, object, object]]:
    return set(model_triples(kinds))


def test_the_fixture_uses_every_new_kind(kinds: Model) -> None:
    assert NEW_RELATIONS <= {fact.relation for fact in kinds.facts}
    assert NEW_TYPES - {"policy"} <= {entity.type for entity in kinds.entities.values()}
    assert NEW_QUALIFIERS <= {key for fact in kinds.facts for key, _ in fact.qualifiers}


@pytest.mark.slow
def test_the_fixture_validates_and_its_rdf_conforms_to_the_shapes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    shutil.copytree(KINDS, tmp_path / "kinds")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--graph", "kinds", "--shacl"])
    assert (result.exit_code, result.output) == (0, "kinds is valid: 19 entities, 34 facts, 1 sources.\n"
                                                 "SHACL: the RDF built from kinds conforms to the shapes.\n")


@pytest.mark.parametrize(("subject", "prop", "obj"), [
    ("acme-robotics", SCHEMA + "parentOrganization", "bigco"),
    ("bigco", SCHEMA + "owns", "midlands-sensors"),
    ("roboworks", WM + "jointVentureOf", "bigco"),
    ("jane-doe", WM + "appointedTo", "acme-ceo"),
    ("acme-robotics", WM + "recruitsFor", "acme-cto"),
    ("jane-doe", WM + "visited", "coventry-site"),
    ("robot-expo", SCHEMA + "attendee", "jane-doe"),  # reverse: the event has the attendee
    ("acme-robotics", WM + "clientOf", "cloudco"),
    ("cloudco", WM + "supplierTo", "roboworks"),
    ("rover-x", SCHEMA + "manufacturer", "acme-robotics"),
    ("coventry-robotics-figures", WM + "compiledBy", "datafirm"),
    ("coventry-robotics-figures", WM + "commissionedBy", "bigco"),
    ("coventry-robotics-figures", DCTERMS + "isReferencedBy", "robotics-review"),
    ("robotics-review", WM + "releasedFor", "robot-expo"),
    ("united-kingdom", WM + "associatedWith", "robotics-fund"),
])
def test_each_relation_gives_its_standard_or_own_triple(triples: set[tuple[object, object, object]], subject: str,
                                                        prop: str, obj: str) -> None:
    assert (ENT + subject, prop, ENT + obj) in triples


def test_a_plan_by_an_initiative_is_a_statement_with_its_status_and_no_plain_triple(
        triples: set[tuple[object, object, object]]) -> None:
    plan = STMT + "robotics-fund.plans.robotics-fund-second-round"
    assert (ENT + "robotics-fund", WM + "plans", ENT + "robotics-fund-second-round") not in triples
    subject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
    assert {(plan, subject, ENT + "robotics-fund"), (plan, WM + "status", WM + "status-planned")} <= triples


@pytest.mark.parametrize(("entity", "classes"), [
    ("coventry-site", ["wm:Site", "schema:Place"]),
    ("rover-x", ["schema:Product"]),
    ("robotics-act", ["schema:Legislation", "wm:Policy"]),
    ("robotics-fund", ["wm:Fund", "schema:Project", "wm:Initiative"]),
])
def test_each_new_entity_type_gives_its_classes(triples: set[tuple[object, object, object]], entity: str,
                                                classes: list[str]) -> None:
    expand = {"wm": WM, "schema": SCHEMA}
    for curie in classes:
        prefix, _, name = curie.partition(":")
        assert (ENT + entity, RDF_TYPE, expand[prefix] + name) in triples


def test_ranges_totals_conditions_and_joint_figures_sit_on_the_statement_node(
        triples: set[tuple[object, object, object]]) -> None:
    ranged = STMT + "roboworks.funded-by.robotics-fund"
    for prop, key, value in ((WM + "minAmount", "at-least", "5000000"), (WM + "maxAmount", "up-to", "8000000")):
        assert (ranged, prop, f"{ranged}.{key}") in triples
        assert (f"{ranged}.{key}", SCHEMA + "value", Literal(value, XSD + "decimal")) in triples
    assert (ranged, WM + "condition", tagged("if it meets its hiring targets")) in triples
    half = STMT + "roboworks.funded-by.bigco"
    assert (f"{half}.total", SCHEMA + "value", Literal("10000000", XSD + "decimal")) in triples
    joint = STMT + "coventry.statistic.1"
    assert {(joint, WM + "jointlyWith", ENT + key) for key in ("acme-robotics", "roboworks")} <= triples
    target = STMT + "coventry.target.1"
    assert (target, RDF_TYPE, WM + "Target") in triples
    assert (target, WM + "deadline", Literal("2030", XSD + "gYear")) in triples
    assert (STMT + "jane-doe.said.1", SCHEMA + "about", ENT + "acme-robotics") in triples


def test_show_quotes_a_direct_quotation_and_not_reported_speech(in_tmp: Path) -> None:
    shutil.copytree(KINDS, in_tmp / "kinds")
    result = CliRunner().invoke(main, ["show", "jane-doe", "--graph", "kinds"])
    lines = result.output.splitlines()
    assert "  - Jane Doe said: \u201cRobots will change how we all work.\u201d (about Acme Robotics)" in lines
    assert "Reported speech (1)" in lines
    assert "  - Jane Doe said that: the city was ready for robots (about Coventry)" in lines
    assert "\u201cthe city" not in result.output


def test_the_page_knows_which_relations_are_quotations(kinds: Model) -> None:
    data = page_data(kinds, sorted(kinds.entities), kinds.facts)
    quotation = {row["key"]: row["quotation"] for row in data["relations"]}
    assert quotation["said"] is True
    assert quotation["said-that"] is False
    assert quotation["purpose"] is False


def test_an_as_of_date_from_an_undated_source_is_a_warning_unless_a_note_says_where_it_comes_from(
        in_tmp: Path) -> None:
    graph = in_tmp / "kinds"
    shutil.copytree(KINDS, graph)
    with (graph / "sources.yaml").open("a") as sources:
        sources.write("undated:\n  title: Robotics again\n  text: texts/robotics.txt\n  retrieved: 2024-06\n")
    (graph / "undated.yaml").write_text("""\
acme-two:
  type: company
  name: Acme Two
  source: undated
  facts:
    - based-in: coventry
      as-of: 2018
      source: undated
    - based-in: coventry
      as-of: 2018
      note: The year of the Expo, which the text dates elsewhere.
      source: undated
    - based-in: coventry
      as-of: 2024-05
      source: [undated, robotics]
""")
    result = CliRunner().invoke(main, ["validate", "--graph", "kinds"])
    assert (result.exit_code, result.output) == (0, """\
kinds/undated.yaml:6:7: warning: 'as-of: 2018' on a fact whose sources have no date (remove it (an undated source \
dates nothing), or say in a 'note' where the date comes from)
kinds is valid: 20 entities, 37 facts, 2 sources.
""")


BAD_KINDS = sorted((KINDS.parent / "bad" / "kinds").glob("*.yaml"))  # each a fact file, in the mini graph


@pytest.mark.parametrize("case", BAD_KINDS, ids=[c.stem for c in BAD_KINDS])
def test_bad_uses_of_the_article_vocabulary_report_exact_problems(case: Path, mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "vocabulary.yaml").write_bytes((KINDS / "vocabulary.yaml").read_bytes())
    (mini_graph / case.name).write_bytes(case.read_bytes())
    expected = [line[len("# expect: "):] for line in case.read_text().splitlines() if line.startswith("# expect: ")]
    assert expected
    result = CliRunner().invoke(main, ["validate", "--graph", "graph"])
    noun = "problem" if len(expected) == 1 else "problems"
    assert (result.exit_code, result.output) == (
        1, f"Error: {len(expected)} {noun} found in the fact files:\n" + "\n".join(expected) + "\n")
