"""diff (folders, built files, git revisions), export (re-read by networkx and csv) and SHACL shapes."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from wmgraph.analysis.export_graph import export_graph
from wmgraph.analysis.exports import LIST_SEPARATOR, flat_attributes
from wmgraph.building import build
from wmgraph.cli.main import main
from wmgraph.model.checking import load_model
from wmgraph.rdf.shapes import SHAPES_FILE, shapes_turtle

from ..conftest import SEED_GRAPH, require_program
from .test_analysis import extend


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def change(graph: Path) -> None:
    """Edits covering every kind of change the diff reports."""
    edit(graph / "organisations.yaml", "jobs: 500", "jobs: 600")
    edit(graph / "organisations.yaml", "source: [jobs-article, uktn-jobs]", "source: [jobs-article]")
    edit(graph / "people.yaml", "name: Andy Street", "name: Andrew Street")
    edit(graph / "people.yaml", "    - said: \"These tremendous investments reinforce our region's status\"\n"
                                "      source: jobs-article\n", "")
    (graph / "more.yaml").write_text("kagool:\n  type: company\n  name: Kagool\n  source: uktn-jobs\n  facts:\n"
                                     "    - pledges-jobs: birmingham\n      jobs: 40\n      source: uktn-jobs\n")


DIFF = """\
Entities: 1 added, 0 removed, 1 renamed, 0 changed
+ Kagool (Company, kagool)
~ andy-street: Andy Street -> Andrew Street
Facts: 1 added, 1 removed, 1 changed
+ Kagool pledges jobs in Birmingham: 40 jobs
- Andy Street said: “These tremendous investments reinforce our region's status”
~ Version 1 pledges jobs in Birmingham: 600 jobs, over 3 years
    jobs: 500 -> 600
    - source: West Midlands set for 1,000 New Tech Jobs, UKTN, 2023-10-19
"""


def test_diff_two_folders(mini_graph: Path, in_tmp: Path) -> None:
    shutil.copytree(mini_graph, in_tmp / "old")
    change(mini_graph)
    assert run("diff", "old", "graph") == (1, "old -> graph\n" + DIFF)
    assert run("diff", "graph", "graph") == (0, "graph -> graph\nEntities: 0 added, 0 removed, 0 renamed, "
                                                "0 changed\nFacts: 0 added, 0 removed, 0 changed\n")


def test_diff_built_file_against_folder(mini_graph: Path, in_tmp: Path) -> None:
    build(mini_graph, in_tmp / "out")
    change(mini_graph)
    assert run("diff", "out/wmgraph.nt", "graph") == (1, "out/wmgraph.nt -> graph\n" + DIFF)
    assert run("diff", "out/wmgraph.ttl", "graph")[1] == "out/wmgraph.ttl -> graph\n" + DIFF


def test_diff_git_revision(mini_graph: Path, in_tmp: Path) -> None:
    git = require_program("git")

    def call(*args: str) -> None:
        subprocess.run([git, "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       cwd=in_tmp, check=True, capture_output=True)

    call("init", "-q")
    call("add", "graph")
    call("commit", "-q", "-m", "first")
    change(mini_graph)
    assert run("diff", "HEAD", "graph") == (1, "graph at HEAD -> graph\n" + DIFF)
    call("add", "graph")
    call("commit", "-q", "-m", "second")
    assert run("diff", "HEAD~1", "HEAD")[1] == "graph at HEAD~1 -> graph at HEAD\n" + DIFF
    assert run("diff", "nonsense", "graph") == (
        2, "Error: 'nonsense' is not a graph folder, a built file (.nt, .ttl, .jsonld) or a git revision of graph\n")


GEXF_EDGE_NAMES = {"start": "start-date", "end": "end-date", "from-day": "start", "to-day": "end"}


def _same_graph(read: nx.DiGraph, model_path: Path, gexf: bool = False) -> None:
    """The graph read back by networkx is the export graph: every node, edge and attribute."""
    original = export_graph(load_model(model_path))
    assert sorted(read.nodes) == sorted(original.nodes)
    for node, data in original.nodes(data=True):
        expected = flat_attributes(data)
        got = dict(read.nodes[node])
        if gexf:
            assert got.pop("label") == expected.pop("name")
            colour = expected.pop("colour")
            assert "#{r:02x}{g:02x}{b:02x}".format(**got.pop("viz")["color"]) == colour
        assert got == expected, node
    if read.is_multigraph():
        edges = {key: (u, v, d) for u, v, key, d in read.edges(keys=True, data=True)}
    else:  # GEXF comes back as a DiGraph when no two facts link the same pair; the id is the key
        edges = {d["id"]: (u, v, d) for u, v, d in read.edges(data=True)}
    assert sorted(edges) == sorted(key for _, _, key in original.edges(keys=True))
    for u, v, key, data in original.edges(keys=True, data=True):
        expected = flat_attributes(data)
        if gexf:
            expected = {GEXF_EDGE_NAMES.get(k, k): value for k, value in expected.items() if k != "colour"}
            expected["id"] = key
        assert edges[key] == (u, v, expected), key


def test_export_graphml_reads_back(in_tmp: Path, mini_graph: Path) -> None:
    extend(mini_graph)
    assert run("export", "--format", "graphml", "--out", "g.graphml") == (0, "Wrote g.graphml.\n")
    read = nx.read_graphml(in_tmp / "g.graphml", force_multigraph=True)
    _same_graph(read, mini_graph)
    assert run("export", "--format", "graphml")[1] == (in_tmp / "g.graphml").read_text()


def test_export_gexf_reads_back(in_tmp: Path, mini_graph: Path) -> None:
    extend(mini_graph)
    assert run("export", "--format", "gexf", "--out", "g.gexf") == (0, "Wrote g.gexf.\n")
    read = nx.read_gexf(in_tmp / "g.gexf")
    _same_graph(read, mini_graph, gexf=True)
    assert "lastmodifieddate" not in (in_tmp / "g.gexf").read_text()


def test_export_lists_are_flattened(in_tmp: Path, mini_graph: Path) -> None:
    run("export", "--format", "graphml", "--out", "g.graphml")
    read = nx.read_graphml(in_tmp / "g.graphml", force_multigraph=True)
    sources = read.edges["version-1", "birmingham", "version-1.pledges-jobs.birmingham"]["sources"]
    assert sources == "jobs-article" + LIST_SEPARATOR + "uktn-jobs"
    assert "aliases" not in read.nodes["birmingham"]  # an empty list is left out, as None is


def test_export_csv_reads_back(in_tmp: Path, mini_graph: Path) -> None:
    assert run("export", "--format", "csv", "--out", "tables") == (
        0, "Wrote tables/nodes.csv.\nWrote tables/edges.csv.\nWrote tables/sources.csv.\n")
    tables = {}
    for name in ("nodes", "edges", "sources"):
        with open(in_tmp / "tables" / f"{name}.csv", newline="") as stream:
            tables[name] = list(csv.DictReader(stream))
    model = load_model(mini_graph)
    assert [row["id"] for row in tables["nodes"]] == sorted(model.entities) + [
        "statement:andy-street.said.1", "statement:wmhtia.investment.1", "statement:wmhtia.stated-count.1"]
    assert tables["nodes"][-4] == {
        "id": "wmhtia", "kind": "entity", "type": "initiative",
        "name": "West Midlands Health Tech Innovation Accelerator", "aliases": "WMHTIA", "description": "",
        "url": "", "value": "", "colour": "#f28e2b", "sources": "jobs-article", "facts": "3"}
    assert [row["key"] for row in tables["edges"]] == sorted(fact.key for fact in model.facts)
    assert list(tables["edges"][0]) == [
        "key", "source", "target", "link", "relation", "label", "statement", "from-day", "to-day", "status",
        "status-date", "as-of", "duration", "amount", "currency", "jobs", "count", "measure", "kind", "colour",
        "sources", "cited"]
    assert tables["edges"][4] == {
        "key": "wmhtia.investment.1", "source": "wmhtia", "target": "statement:wmhtia.investment.1",
        "link": "statement", "relation": "investment", "label": "investment", "statement": "", "from-day": "",
        "to-day": "", "status": "", "status-date": "", "as-of": "", "duration": "", "amount": "14500000.0",
        "currency": "GBP", "jobs": "", "count": "",
        "measure": "", "kind": "public", "colour": "#59a14f", "sources": "jobs-article",
        "cited": "West Midlands Prepares for 1,000 New Tech Roles, 2023-10"}
    pledge = next(row for row in tables["edges"] if row["relation"] == "pledges-jobs")
    assert (pledge["status"], pledge["status-date"]) == ("pledged", "")  # its relation's default: not stated
    assert [(row["id"], row["facts"]) for row in tables["sources"]] == [("jobs-article", "6"), ("uktn-jobs", "1")]
    assert tables["sources"][1]["publisher"] == "UKTN"
    assert run("export", "--format", "csv") == (
        1, "Error: csv writes three files (nodes.csv, edges.csv, sources.csv): give a folder with --out\n")


def test_export_rdf_formats_match_the_build(in_tmp: Path, mini_graph: Path) -> None:
    build(mini_graph, in_tmp / "out")
    assert run("export", "--format", "nt")[1] == (in_tmp / "out" / "wmgraph.nt").read_text()
    run("export", "--format", "jsonld", "--out", "x.jsonld")
    assert (in_tmp / "x.jsonld").read_bytes() == (in_tmp / "out" / "wmgraph.jsonld").read_bytes()


def test_build_writes_the_shapes(mini_graph: Path, tmp_path: Path) -> None:
    result = build(mini_graph, tmp_path / "out")
    shapes = tmp_path / "out" / SHAPES_FILE
    assert shapes.read_text() == shapes_turtle(result.model.vocabulary)
    assert "wmsh:relation-pledges-jobs-q-jobs" in shapes.read_text()


@pytest.mark.slow
def test_shapes_parse_with_a_third_party_parser(tmp_path: Path) -> None:
    rapper = require_program("rapper")
    path = tmp_path / "shapes.ttl"
    path.write_text(shapes_turtle(load_model(SEED_GRAPH).vocabulary))
    subprocess.run([rapper, "-q", "-i", "turtle", "-c", str(path)], check=True, capture_output=True)


@pytest.mark.slow
def test_shacl_passes_on_conforming_graphs(mini_graph: Path, in_tmp: Path) -> None:
    assert run("validate", "--shacl") == (0, "graph is valid: 6 entities, 6 facts, 2 sources.\n"
                                             "SHACL: the RDF built from graph conforms to the shapes.\n")
    code, output = run("validate", "--shacl", "--graph", str(SEED_GRAPH))
    assert code == 0, output
    assert output.endswith("conforms to the shapes.\n")


@pytest.mark.slow
def test_shacl_reports_a_graph_broken_at_the_rdf_level(mini_graph: Path, in_tmp: Path) -> None:
    build(mini_graph, in_tmp / "out")
    lines = (in_tmp / "out" / "wmgraph.nt").read_text().splitlines(keepends=True)
    stmt = "<https://w3id.org/wmgraph/id/statement/"
    broken = []
    for line in lines:
        if "<https://w3id.org/wmgraph/ns#jobs>" in line:
            line = line.replace('"500"^^<http://www.w3.org/2001/XMLSchema#integer>', '"500 jobs"')
        if line.startswith("<https://w3id.org/wmgraph/id/andy-street> <http://www.w3.org/2000/01/rdf-schema#label>"):
            continue
        if line.startswith(stmt + "andy-street.holds-post.mayor-of-the-west-midlands> "
                                  "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>"):
            line = line.split("> <http://www.w3.org/1999/02/22-rdf-syntax-ns#object>")[0] + \
                "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <https://w3id.org/wmgraph/id/birmingham> .\n"
        if line.startswith(stmt + "wmhtia.stated-count.1> <http://www.w3.org/ns/prov#wasDerivedFrom>"):
            continue
        broken.append(line)
    (in_tmp / "broken.nt").write_text("".join(broken))
    assert run("validate", "--rdf", "broken.nt") == (1, """\
graph is valid: 6 entities, 6 facts, 2 sources.
Error: 4 SHACL violations in broken.nt:
ent:andy-street rdfs:label: an entity needs exactly one rdfs:label, its name (@en)
stmt:andy-street.holds-post.mayor-of-the-west-midlands rdf:object: the object of 'holds-post' must be a post \
(found ent:birmingham)
stmt:version-1.pledges-jobs.birmingham wm:jobs: 'pledges-jobs' takes exactly one wm:jobs (jobs), an xsd:integer \
(found '500 jobs')
stmt:wmhtia.stated-count.1 prov:wasDerivedFrom: a statement needs a source (prov:wasDerivedFrom)
""")


@pytest.mark.slow
def test_seed_graph_exports_and_diffs(in_tmp: Path) -> None:
    graph = str(SEED_GRAPH)
    assert run("export", "--graph", graph, "--format", "graphml", "--out", "s.graphml")[0] == 0
    _same_graph(nx.read_graphml(in_tmp / "s.graphml", force_multigraph=True), SEED_GRAPH)
    assert run("export", "--graph", graph, "--format", "gexf", "--out", "s.gexf")[0] == 0
    _same_graph(nx.read_gexf(in_tmp / "s.gexf"), SEED_GRAPH, gexf=True)
    first = run("export", "--graph", graph, "--format", "gexf")
    assert first == run("export", "--graph", graph, "--format", "gexf")  # deterministic
    build(SEED_GRAPH, in_tmp / "out")
    assert run("diff", "--graph", graph, "out/wmgraph.nt", graph) == (
        0, f"out/wmgraph.nt -> {graph}\nEntities: 0 added, 0 removed, 0 renamed, 0 changed\n"
           "Facts: 0 added, 0 removed, 0 changed\n")


def test_diff_reports_a_change_of_status_alone(mini_graph: Path, in_tmp: Path) -> None:
    shutil.copytree(mini_graph, in_tmp / "old")
    build(mini_graph, in_tmp / "out")
    edit(mini_graph / "organisations.yaml", "      duration: P3Y\n", "      duration: P3Y\n      status: done\n"
                                                                   "      status-date: 2024-05\n")
    expected = ("Entities: 0 added, 0 removed, 0 renamed, 0 changed\nFacts: 0 added, 0 removed, 1 changed\n"
                "~ Version 1 pledges jobs in Birmingham: 500 jobs, over 3 years\n"
                "    status: pledged -> done\n    status date: (none) -> 2024-05\n")
    assert run("diff", "old", "graph") == (1, "old -> graph\n" + expected)
    assert run("diff", "out/wmgraph.nt", "graph") == (1, "out/wmgraph.nt -> graph\n" + expected)
    assert run("diff", "out/wmgraph.ttl", "old")[0] == 0  # the status each fact has is read back from the RDF
