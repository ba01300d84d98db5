"""The build: every format, identical rebuilds, isomorphic round trips, --check, atomic writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from wmgraph import build
from wmgraph.atomic import stale, write_all
from wmgraph.cli.main import main
from wmgraph.errors import OutputError, ValidationError
from wmgraph.rdf.terms import XSD_STRING, Literal, Triple

FORMATS = {"wmgraph.ttl": "turtle", "wmgraph.nt": "nt", "wmgraph.jsonld": "json-ld"}


def to_rdflib(triples: list[Triple]) -> rdflib.Graph:
    """Build an rdflib graph straight from our triples, bypassing every serializer."""
    graph = rdflib.Graph()

    def term(value: str | Literal) -> rdflib.term.Identifier:
        if isinstance(value, Literal):
            datatype = None if value.datatype == XSD_STRING else rdflib.URIRef(value.datatype)
            return rdflib.Literal(value.lexical, datatype=datatype)
        return rdflib.URIRef(value)

    for s, p, o in triples:
        graph.add((term(s), term(p), term(o)))
    return graph


def test_build_writes_every_format(mini_graph: Path, tmp_path: Path) -> None:
    result = build(mini_graph, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name in FORMATS) == sorted(FORMATS)
    expected = to_rdflib(result.triples)
    assert len(expected) == result.triple_count
    for name, rdf_format in FORMATS.items():
        parsed = rdflib.Graph().parse(tmp_path / "out" / name, format=rdf_format)
        assert isomorphic(parsed, expected), name


def test_rebuild_is_byte_identical(mini_graph: Path, tmp_path: Path) -> None:
    build(mini_graph, tmp_path / "a")
    # the same facts in files read in another order give the same bytes
    shuffled = tmp_path / "shuffled"
    shutil.copytree(mini_graph, shuffled)
    (shuffled / "organisations.yaml").rename(shuffled / "00-first.yaml")
    build(shuffled, tmp_path / "b")
    for name in FORMATS:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_seed_graph_round_trips(seed_build: build.__class__) -> None:  # type: ignore[name-defined]
    expected = to_rdflib(seed_build.triples)
    for path, data in seed_build.files.items():
        if path.name in FORMATS:
            parsed = rdflib.Graph().parse(data=data.decode(), format=FORMATS[path.name])
            assert isomorphic(parsed, expected), path.name


def test_committed_output_is_up_to_date() -> None:
    root = Path(__file__).resolve().parent.parent
    build(root / "graph", root / "output", check=True)


def test_check_detects_stale_output(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    build(mini_graph, out, check=True)
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text().replace("as-of: 2023-10", "as-of: 2023-11"))
    with pytest.raises(OutputError, match="output is stale: .*wmgraph.jsonld"):
        build(mini_graph, out, check=True)


def test_failed_validation_leaves_output_untouched(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if p.is_file()}
    (mini_graph / "broken.yaml").write_text("kagool:\n  type: company\n")
    with pytest.raises(ValidationError):
        build(mini_graph, out)
    # the build cache (out/.cache/) may change; the outputs must not
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if p.is_file()} == before


def test_failed_write_keeps_the_old_file(mini_graph: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    old = (out / "wmgraph.ttl").read_bytes()
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text().replace("Andy Street", "Andrew Street"))

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match="No space left on device"):
        build(mini_graph, out)
    assert (out / "wmgraph.ttl").read_bytes() == old
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_build_cli_reports_and_check(mini_graph: Path, in_tmp: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["build", "--graph", "graph", "--out", "out"])
    assert first.exit_code == 0, first.output
    assert first.output.splitlines()[0] == "Built 6 entities, 6 facts, 2 sources, 244 triples."
    check = runner.invoke(main, ["build", "--graph", "graph", "--out", "out", "--check"])
    assert check.exit_code == 0
    assert check.output == "out is up to date (6 entities, 6 facts, 2 sources, 244 triples).\n"
    (in_tmp / "out" / "wmgraph.nt").write_text("")
    stale = runner.invoke(main, ["build", "--graph", "graph", "--out", "out", "--check"])
    assert stale.exit_code == 1
    assert stale.output == ("Error: output is stale: out/wmgraph.nt "
                            "(run 'wmgraph build' and commit the result)\n")


def test_turtle_uses_standard_vocabularies(seed_build: build.__class__) -> None:  # type: ignore[name-defined]
    graph = to_rdflib(seed_build.triples)
    schema = rdflib.Namespace("https://schema.org/")
    people = set(graph.subjects(rdflib.RDF.type, schema.Person))
    assert len(people) >= 10
    amounts = list(graph.subjects(rdflib.RDF.type, schema.MonetaryAmount))
    assert amounts and all(graph.value(a, schema.currency) == rdflib.Literal("GBP") for a in amounts)
    statements = set(graph.subjects(rdflib.RDF.type, rdflib.RDF.Statement))
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert statements and all(graph.value(s, prov.wasDerivedFrom) is not None for s in statements)


def test_base_iri_is_configurable(mini_graph: Path, tmp_path: Path) -> None:
    vocabulary = mini_graph / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text().replace(
        "base: https://w3id.org/wmgraph/id/", "base: https://example.org/wm/"))
    build(mini_graph, tmp_path / "out")
    graph = rdflib.Graph().parse(tmp_path / "out" / "wmgraph.ttl")
    subjects = {str(s) for s in graph.subjects()}
    assert "https://example.org/wm/version-1" in subjects
    assert "https://example.org/wm/statement/version-1.pledges-jobs.birmingham" in subjects
    assert "https://example.org/wm/source/jobs-article" in subjects
    assert not any(s.startswith("https://w3id.org/wmgraph/id/") for s in subjects)


def test_parts_are_written_whole_even_after_a_short_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [b"<a> <b> <c> .\n" * n for n in range(1, 2500)]  # more parts than one writev takes
    real_writev = os.writev
    short: list[bool] = []

    def writev_half(handle: int, buffers: list[bytes]) -> int:
        # the kernel may write less than asked: take only half the first buffer, once
        if not short:
            short.append(True)
            return os.write(handle, buffers[0][: len(buffers[0]) // 2])
        return real_writev(handle, buffers)

    monkeypatch.setattr(os, "writev", writev_half)
    target = tmp_path / "doc.nt"
    assert write_all({target: parts}) == [target]
    assert target.read_bytes() == b"".join(parts) and short
    assert write_all({target: parts}) == []  # compared part by part: unchanged
    assert stale({target: [*parts[:-1], parts[-1][:-1] + b"X"]}) == [target]  # same size, other bytes
