"""Issue 16, results: diff's exit codes and RDF reading, all-pairs near-duplicates, fast statistics."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from wmgraph.analysis.centrality import sampled_betweenness
from wmgraph.analysis.duplicates import near_duplicates
from wmgraph.analysis.statistics import network_stats
from wmgraph.building import build
from wmgraph.cli.main import main
from wmgraph.errors import LoadError
from wmgraph.model.checking import load_model
from wmgraph.model.model import Entity, Location, Model
from wmgraph.model.vocabulary import read_vocabulary
from wmgraph.rdf.reading import read_rdf
from wmgraph.rdf.terms import Literal, tagged

from ..conftest import SEED_GRAPH

SAME = "Entities: 0 added, 0 removed, 0 renamed, 0 changed\nFacts: 0 added, 0 removed, 0 changed\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_diff_exit_codes_follow_diff1(mini_graph: Path, in_tmp: Path) -> None:
    build(mini_graph, in_tmp / "old")
    assert run("diff", "old/wmgraph.nt", "graph") == (0, "old/wmgraph.nt -> graph\n" + SAME)
    with (mini_graph / "organisations.yaml").open("a") as file:
        file.write("kagool:\n  type: company\n  name: Kagool\n  source: uktn-jobs\n")
    build(mini_graph, in_tmp / "new")
    code, output = run("diff", "old/wmgraph.ttl", "new/wmgraph.jsonld")
    assert (code, output.splitlines()[:3]) == (1, [
        "old/wmgraph.ttl -> new/wmgraph.jsonld", "Entities: 1 added, 0 removed, 0 renamed, 0 changed",
        "+ Kagool (Company, kagool)"])
    (in_tmp / "broken.nt").write_text('<https://e.org/a> <https://e.org/b> "open\n')
    code, output = run("diff", "broken.nt", "graph")
    assert code == 2 and output.startswith("Error: broken.nt: not valid RDF: ") and "Traceback" not in output
    (in_tmp / "notes.txt").write_text("x")
    assert run("diff", "notes.txt", "graph") == (
        2, "Error: 'notes.txt' is neither a graph folder nor a built file (.nt, .ttl, .jsonld)\n")
    assert run("diff", "graph")[0] == 2  # a usage error, as click reports it


def test_read_rdf_keeps_blank_nodes_and_language_tags(tmp_path: Path) -> None:
    path = tmp_path / "x.ttl"
    path.write_text('<https://e.org/a> <https://e.org/p> _:b1 , "hi"@en , 3 .\n')
    triples = sorted(read_rdf(path), key=str)
    assert triples == [
        ("https://e.org/a", "https://e.org/p", "_:b1"),
        ("https://e.org/a", "https://e.org/p", Literal("3", "http://www.w3.org/2001/XMLSchema#integer")),
        ("https://e.org/a", "https://e.org/p", tagged("hi"))]  # the tag kept, for SHACL's rdf:langString
    with pytest.raises(LoadError, match="no such RDF file"):
        read_rdf(tmp_path / "missing.nt")
    (tmp_path / "bad.jsonld").write_text("{")
    with pytest.raises(LoadError, match="not valid RDF"):
        read_rdf(tmp_path / "bad.jsonld")


@pytest.mark.slow
def test_validate_rdf_reads_every_built_format(mini_graph: Path, in_tmp: Path) -> None:
    pytest.importorskip("pyshacl")
    build(mini_graph, in_tmp / "out")
    for name in ("wmgraph.nt", "wmgraph.ttl", "wmgraph.jsonld"):
        assert run("validate", "--rdf", f"out/{name}")[1].endswith(f"SHACL: out/{name} conforms to the shapes.\n")
    (in_tmp / "bad.ttl").write_text("@prefix x: <")
    code, output = run("validate", "--rdf", "bad.ttl")
    assert code == 1 and "Error: bad.ttl: not valid RDF: " in output and "Traceback" not in output


def _firms(names: list[str]) -> Model:
    model = Model(read_vocabulary(SEED_GRAPH / "vocabulary.yaml"))
    for number, name in enumerate(names):
        model.entities[f"f{number}"] = Entity(f"f{number}", "company", name, Location("x.yaml", number + 1, 1), ("s",))
    return model


@pytest.mark.slow
def test_near_duplicates_compare_all_pairs() -> None:
    # the window of sorted neighbours missed pairs with many names sorted between them
    filler = [f"Zor{chr(97 + a)}{chr(97 + b)} Holdings Works" for a in range(26) for b in range(26)]
    model = _firms(["Zoral Software", *filler, "Zorol Software", "Short", "A much longer name"])
    found = [w.message.split(" may be")[0] for w in near_duplicates(model) if "Software" in w.message]
    assert found == ["'Zoral Software' (f0) and 'Zorol Software' (f677, at x.yaml:678:1)"]
    assert near_duplicates(_firms(["Abc", "Abcdefgh"])) == []


def test_sampled_betweenness_with_every_source_is_exact() -> None:
    graph = nx.Graph(nx.les_miserables_graph())
    exact = nx.betweenness_centrality(graph)
    estimate = sampled_betweenness(graph, graph.number_of_nodes(), seed=1)
    assert estimate == pytest.approx(exact)
    assert sampled_betweenness(graph, 10, seed=1) == sampled_betweenness(graph, 10, seed=1)


def test_the_one_louvain_is_deterministic_and_as_good_as_networkx() -> None:
    from wmgraph.page.community import adjacency, communities

    graph = nx.Graph(nx.les_miserables_graph().edges())  # unweighted, as the fact graph is
    nodes = sorted(graph)
    place = {node: number for number, node in enumerate(nodes)}
    neighbours = adjacency(len(nodes), [(place[a], place[b]) for a, b in graph.edges()])
    groups = communities(neighbours)
    assert groups == communities(neighbours)
    found = [{node for node, group in zip(nodes, groups, strict=True) if group == number} for number in set(groups)]
    full = nx.community.louvain_communities(graph, seed=42)
    assert nx.community.modularity(graph, found) > nx.community.modularity(graph, full) - 0.05


def test_stats_of_a_large_graph_say_what_they_estimate(mini_graph: Path, in_tmp: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from wmgraph.analysis import statistics

    monkeypatch.setattr(statistics, "EXACT_LIMIT", 3)
    model = load_model(mini_graph)
    assert network_stats(model) == network_stats(model)
    output = run("stats")[1]
    assert "Most central (betweenness, estimated from 50 samples):" in output
    assert "Communities (Louvain, as the page draws them): " in output


def test_stats_on_the_seed_graph_are_exact(in_tmp: Path) -> None:
    shutil.copytree(SEED_GRAPH, in_tmp / "graph")
    output = run("stats")[1]
    assert "Most central (betweenness):" in output and "Communities (Louvain, as the page draws them): " in output
