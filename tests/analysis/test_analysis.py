"""show, path, stats and near-duplicate warnings, on a small graph with exact output, and on the seed graph."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.analysis.duplicates import name_key, near_duplicates
from wmgraph.analysis.network import model_graph
from wmgraph.analysis.profile import EntityNotFound, entity_profile
from wmgraph.analysis.statistics import network_stats
from wmgraph.cli.main import main
from wmgraph.model.checking import load_model

from ..conftest import SEED_GRAPH

PRIMACY = """\
primacy:
  type: company
  name: Primacy
  source: uktn-jobs
  facts:
    - partners-with: university-of-birmingham
      as-of: 2023-10
      source: uktn-jobs
      note: To create an ESG Centre of Excellence.
    - pledges-jobs: birmingham
      jobs: 30
      approx: up to
      by: 2025
      source: jobs-article
"""
SOURCE_1 = "West Midlands Prepares for 1,000 New Tech Roles, 2023-10"
SOURCE_2 = "West Midlands set for 1,000 New Tech Jobs, UKTN, 2023-10-19"
SHOWN_1 = SOURCE_1 + " (text: texts/jobs-article.txt)"  # show says where to read a source
SHOWN_2 = SOURCE_2 + " (https://www.uktech.news/tech-hubs/west-midlands/west-midlands-tech-jobs-boost-20231019)"


def extend(graph: Path) -> Path:
    """Add Primacy and tie the mayor's post to Birmingham, so everything is connected."""
    (graph / "more.yaml").write_text(PRIMACY)
    organisations = graph / "organisations.yaml"
    organisations.write_text(organisations.read_text().replace(
        "  name: Mayor of the West Midlands\n  source: jobs-article\n",
        "  name: Mayor of the West Midlands\n  source: jobs-article\n"
        "  facts:\n    - post-in: birmingham\n      source: jobs-article\n"))
    return graph


@pytest.fixture
def graph(mini_graph: Path, in_tmp: Path) -> Path:
    """The mini graph extended, run from tmp_path as 'graph'."""
    return extend(mini_graph)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_model_graph_nodes_and_edges(graph: Path) -> None:
    nx_graph = model_graph(load_model(graph))
    assert list(nx_graph.nodes) == sorted(nx_graph.nodes)
    assert nx_graph.nodes["wmhtia"] == {
        "type": "initiative", "name": "West Midlands Health Tech Innovation Accelerator",
        "aliases": ["WMHTIA"], "sources": ["jobs-article"]}
    assert nx_graph.number_of_edges() == 6  # facts with an entity object only
    assert nx_graph.edges["version-1", "birmingham", "version-1.pledges-jobs.birmingham"] == {
        "relation": "pledges-jobs", "label": "pledges jobs in", "duration": "P3Y", "jobs": 500,
        "status": "pledged", "sources": ["jobs-article", "uktn-jobs"]}  # the relation's default: not stated


def test_show_groups_facts_with_sources(graph: Path) -> None:
    assert run("show", "WMHTIA") == (0, f"""\
West Midlands Health Tech Innovation Accelerator (wmhtia)
type: Initiative
also called: WMHTIA
sources: {SHOWN_1}

Money (1)
  - West Midlands Health Tech Innovation Accelerator investment: £14.5m, kind public
    source: {SHOWN_1}

Statistics, counts and rankings (1)
  - West Midlands Health Tech Innovation Accelerator stated count: 21 partners
    source: {SHOWN_1}

Relations in (1)
  - University of Birmingham leads West Midlands Health Tech Innovation Accelerator
    source: {SHOWN_1}
""")


def test_show_person_with_post_quote_and_notes(graph: Path) -> None:
    assert run("show", "andy-street") == (0, f"""\
Andy Street (andy-street)
type: Person
about: Mayor of the West Midlands in 2023.
sources: {SHOWN_1}

Posts and employment (1)
  - Andy Street holds post Mayor of the West Midlands: as of 2023-10
    source: {SHOWN_1}

Quotes (1)
  - Andy Street said: “These tremendous investments reinforce our region's status”
    source: {SHOWN_1}
""")
    code, output = run("show", "university of birmingham")
    assert code == 0
    assert output.splitlines()[-4:] == [
        "Relations in (1)",
        "  - Primacy partners with University of Birmingham: as of 2023-10",
        "    note: To create an ESG Centre of Excellence.",
        f"    source: {SHOWN_2}",
    ]


def test_show_finds_by_alias_and_suggests(graph: Path) -> None:
    assert run("show", "birmingham UNIVERSITY")[1].startswith("University of Birmingham (university-of-birmingham)\n")
    assert run("show", "birmingam") == (1, "Error: no entity called 'birmingam' (did you mean 'Birmingham' "
                                           "(birmingham) or 'University of Birmingham' (university-of-birmingham)?)\n")
    assert run("show", "nothing like it") == (1, "Error: no entity called 'nothing like it'\n")


def test_show_lists_candidates_when_ambiguous(graph: Path) -> None:
    (graph / "twin.yaml").write_text(
        "birmingham-district:\n  type: region\n  name: Birmingham\n  source: jobs-article\n")
    assert run("show", "birmingham")[1].startswith("Birmingham (birmingham)\n")  # an exact id wins
    assert run("show", "Birmingham") == (1, "Error: 'Birmingham' names 2 entities: birmingham (Birmingham), "
                                            "birmingham-district (Birmingham); give the id instead\n")
    with pytest.raises(EntityNotFound, match=r"^'BIRMINGHAM' names 2 entities: birmingham \(Birmingham\), "
                                             r"birmingham-district \(Birmingham\); give the id instead$"):
        entity_profile(load_model(graph), "BIRMINGHAM")


def test_path_explains_each_step(graph: Path) -> None:
    assert run("path", "primacy", "WMHTIA") == (0, f"""\
Primacy -> West Midlands Health Tech Innovation Accelerator: 1 shortest path of 2 steps

Path 1:
  1. Primacy partners with University of Birmingham: as of 2023-10
     source: {SOURCE_2}
  2. University of Birmingham leads West Midlands Health Tech Innovation Accelerator
     source: {SOURCE_1}
""")
    assert run("path", "Primacy", "Andy Street", "--max", "1") == (0, f"""\
Primacy -> Andy Street: 1 shortest path of 3 steps (showing at most 1)

Path 1:
  1. Primacy pledges jobs in Birmingham: up to 30 jobs, by 2025
     status: pledged
     source: {SOURCE_1}
  2. Mayor of the West Midlands post in Birmingham
     source: {SOURCE_1}
  3. Andy Street holds post Mayor of the West Midlands: as of 2023-10
     source: {SOURCE_1}
""")


def test_path_lists_several_paths_and_reports_none(graph: Path) -> None:
    (graph / "extra.yaml").write_text(
        "uktn:\n  type: media\n  name: UKTN\n  source: uktn-jobs\n  facts:\n"
        "    - partners-with: primacy\n      source: uktn-jobs\n"
        "    - partners-with: university-of-birmingham\n      source: uktn-jobs\n"
        "    - partners-with: wmhtia\n      source: uktn-jobs\n"
        "lonely:\n  type: company\n  name: Lonely Ltd\n  source: uktn-jobs\n")
    assert run("path", "primacy", "wmhtia") == (0, f"""\
Primacy -> West Midlands Health Tech Innovation Accelerator: 2 shortest paths of 2 steps

Path 1:
  1. Primacy partners with University of Birmingham: as of 2023-10
     source: {SOURCE_2}
  2. University of Birmingham leads West Midlands Health Tech Innovation Accelerator
     source: {SOURCE_1}

Path 2:
  1. UKTN partners with Primacy
     source: {SOURCE_2}
  2. UKTN partners with West Midlands Health Tech Innovation Accelerator
     source: {SOURCE_2}
""")
    code, output = run("path", "primacy", "wmhtia", "--max", "1")
    assert output.count("Path ") == 1
    assert run("path", "lonely", "primacy") == (1, "Error: Lonely Ltd and Primacy are not connected.\n")
    assert run("path", "primacy", "primacy") == (0, "Primacy and Primacy are the same entity (primacy).\n")
    assert run("path", "primacy", "wmhtia", "--max", "0")[0] == 2


def test_stats_exact(graph: Path) -> None:
    assert run("stats") == (0, f"""\
7 entities, 9 facts (6 link two entities), 2 sources
facts with a date: 3 of 9 (33%)

Entities by type:
      2  company
      1  city
      1  initiative
      1  person
      1  post
      1  university

Facts by relation:
      2  pledges-jobs
      1  holds-post
      1  investment
      1  leads
      1  partners-with
      1  post-in
      1  said
      1  stated-count

Most connected (facts linking to other entities):
      3  Birmingham (birmingham)
      2  Mayor of the West Midlands (mayor-of-the-west-midlands)
      2  Primacy (primacy)
      2  University of Birmingham (university-of-birmingham)
      1  Andy Street (andy-street)
      1  Version 1 (version-1)
      1  West Midlands Health Tech Innovation Accelerator (wmhtia)

Most central (betweenness):
  0.733  Birmingham (birmingham)
  0.533  Primacy (primacy)
  0.333  Mayor of the West Midlands (mayor-of-the-west-midlands)
  0.333  University of Birmingham (university-of-birmingham)

Connected components: 1 with links; largest 7 entities; 0 entities with no link

Communities (Louvain, as the page draws them): 2
    1. 4 entities, around Birmingham
    2. 3 entities, around Primacy

Brokers (linking communities, by betweenness):
  0.733  Birmingham (birmingham) links communities 1, 2
  0.533  Primacy (primacy) links communities 1, 2

Facts per source:
      8  {SOURCE_1}
      2  {SOURCE_2}
""")


def test_stats_sample_betweenness_above_the_threshold(graph: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wmgraph.analysis import statistics as netstats
    monkeypatch.setattr(netstats, "EXACT_LIMIT", 3)
    monkeypatch.setattr(netstats, "BETWEENNESS_SAMPLES", 4)
    model = load_model(graph)
    first, second = network_stats(model), network_stats(model)
    assert first.betweenness_sampled == 4
    assert first == second  # the fixed seed makes sampling repeatable
    assert "estimated from 4 samples" in run("stats")[1]


def test_name_key_drops_suffixes_case_and_punctuation() -> None:
    assert name_key("Novocomms Group") == name_key("NOVOCOMMS") == "novocomms"
    assert name_key("Univ. of Birmingham") == name_key("University of Birmingham")
    assert name_key("Kagool Ltd.") == name_key("kagool limited") == "kagool"
    assert name_key("The Group") == "the group"  # nothing left: keep every word
    assert name_key("Dr Richard Parker") == name_key("richard parker") == "richard parker"


def test_near_duplicates_are_warnings(graph: Path) -> None:
    (graph / "dupes.yaml").write_text("""\
novocomms:
  type: company
  name: Novocomms
  source: jobs-article
novocomms-group:
  type: company
  name: Novocomms Group
  source: jobs-article
univ-birmingham:
  type: university
  name: Univ. of Birmingham
  source: jobs-article
primacey:
  type: company
  name: Primacey Ltd
  source: jobs-article
""")
    assert run("validate", "--graph", "graph") == (0, """\
graph/dupes.yaml:1:1: warning: 'Novocomms' (novocomms) and 'Novocomms Group' \
(novocomms-group, at graph/dupes.yaml:5:1) may be the same entity: the same once case, punctuation \
and suffixes are set aside (merge them and keep the other name as an alias, or record 'wmgraph duplicates \
--decide novocomms novocomms-group different' if they differ)
graph/dupes.yaml:9:1: warning: 'Univ. of Birmingham' (univ-birmingham) and 'University of Birmingham' \
(university-of-birmingham, at graph/organisations.yaml:11:1) may be the same entity: the same once case, \
punctuation and suffixes are set aside (merge them and keep the other name as an alias, or record \
'wmgraph duplicates --decide univ-birmingham university-of-birmingham different' if they differ)
graph/dupes.yaml:13:1: warning: 'Primacey Ltd' (primacey) and 'Primacy' (primacy, at graph/more.yaml:1:1) \
may be the same entity: 93% alike (merge them and keep the other name as an alias, or record \
'wmgraph duplicates --decide primacey primacy different' if they differ)
graph is valid: 11 entities, 9 facts, 2 sources.
""")


@pytest.mark.slow
def test_near_duplicates_scale_without_comparing_every_pair() -> None:
    from wmgraph.model.model import Entity, Location, Model
    from wmgraph.model.vocabulary import read_vocabulary
    model = Model(read_vocabulary(SEED_GRAPH / "vocabulary.yaml"))
    where = Location("big.yaml", 1, 1)
    for number in range(10_000):
        key = f"firm-{number}"
        word = hashlib.sha1(str(number).encode()).hexdigest()[:10]
        model.entities[key] = Entity(key, "company", f"{word} Systems", where, ("s",))
    name_42 = model.entities["firm-42"].name
    model.entities["firm-x"] = Entity("firm-x", "company", f"{name_42} Ltd", where, ("s",))
    model.entities["firm-y"] = Entity("firm-y", "company", "x" + name_42[1:], where, ("s",))
    warnings = near_duplicates(model)
    assert sorted(w.message.split(" may be")[0] for w in warnings) == [
        f"'{name_42} Ltd' (firm-x) and 'x{name_42[1:]}' (firm-y, at big.yaml:1:1)",
        f"'{name_42}' (firm-42) and '{name_42} Ltd' (firm-x, at big.yaml:1:1)",
        f"'{name_42}' (firm-42) and 'x{name_42[1:]}' (firm-y, at big.yaml:1:1)"]


@pytest.mark.slow
def test_commands_work_on_the_seed_graph(in_tmp: Path) -> None:
    graph = str(SEED_GRAPH)
    code, output = run("show", "--graph", graph, "Novocomms")
    assert code == 0, output
    assert output.startswith("Novocomms Group (novocomms-group)\ntype: Company\n")
    assert "pledges jobs in Birmingham: 300 jobs" in output
    code, output = run("path", "--graph", graph, "primacy", "wmhtia")
    assert code == 0, output
    assert "Primacy partners with University of Birmingham" in output
    assert "University of Birmingham leads West Midlands Health Tech Innovation Accelerator" in output
    code, output = run("stats", "--graph", graph)
    assert code == 0, output
    model = load_model(SEED_GRAPH)
    assert output.startswith(f"{len(model.entities)} entities, {len(model.facts)} facts")
    assert run("stats", "--graph", graph) == (code, output)  # deterministic
    code, output = run("validate", "--graph", graph)
    assert code == 0, output
    assert "warning" not in output


@pytest.mark.slow
def test_stats_and_the_page_report_the_same_communities(tmp_path: Path) -> None:
    import subprocess
    import sys

    from wmgraph.analysis.statistics import model_communities
    from wmgraph.page.html import render_page

    from ..conftest import ROOT, SEED_GRAPH
    from ..page.test_html import page_json

    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--entities", "600", "--out",
                    str(tmp_path), "--vocabulary", str(SEED_GRAPH / "vocabulary.yaml")],
                   check=True, capture_output=True)
    model = load_model(tmp_path)
    data = page_json(render_page(model).decode("utf-8"))
    drawn: dict[int, list[str]] = {}
    for row, group in zip(data["entities"], data["groups"], strict=True):
        drawn.setdefault(group, []).append(row[0])
    linked = {f.subject for f in model.facts if f.object_is_entity} | {
        f.object for f in model.facts if f.object_is_entity and f.object is not None}
    page_groups = [sorted(drawn[group]) for group in sorted(drawn) if set(drawn[group]) & linked]
    assert len(page_groups) > 3
    assert model_communities(model) == page_groups
    stats = network_stats(model)
    assert [size for size, _ in stats.communities] == [len(group) for group in page_groups]
    assert stats.community_method == "Louvain, as the page draws them"
