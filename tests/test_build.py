"""The build: every format, identical rebuilds, the cache and its distrust, the stamp, outputs as a set."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
import yaml
from click.testing import CliRunner
from rdflib.compare import isomorphic

from wmgraph import build
from wmgraph.building import BuildProgress, graph_data
from wmgraph.cli.main import main
from wmgraph.errors import OutputError, ValidationError
from wmgraph.model.checking import load_model
from wmgraph.rdf.formats import FORMATS as DUMPS
from wmgraph.rdf.mapping import model_triples, namespaces
from wmgraph.rdf.terms import XSD_STRING, Literal, Triple

from .test_benchmark import generate

FORMATS = {"wmgraph.ttl": "turtle", "wmgraph.nt": "nt", "wmgraph.jsonld": "json-ld"}
OUTPUTS = ["shapes.ttl", "wmgraph.html", "wmgraph.jsonld", "wmgraph.nt", "wmgraph.ttl"]


def to_rdflib(triples: list[Triple]) -> rdflib.Graph:
    """Build an rdflib graph straight from our triples, bypassing every serializer."""
    graph = rdflib.Graph()

    def term(value: str | Literal) -> rdflib.term.Identifier:
        if isinstance(value, Literal) and value.language:
            return rdflib.Literal(value.lexical, lang=value.language)
        if isinstance(value, Literal):
            datatype = None if value.datatype == XSD_STRING else rdflib.URIRef(value.datatype)
            return rdflib.Literal(value.lexical, datatype=datatype)
        return rdflib.URIRef(value)

    for s, p, o in triples:
        graph.add((term(s), term(p), term(o)))
    return graph


def outputs(out: Path) -> dict[str, bytes]:
    """The output files of a build folder (the stamp aside), by name."""
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name in OUTPUTS}


def entries(out: Path) -> list[Path]:
    """The build cache's entries."""
    return sorted((out / ".cache" / "files").iterdir())


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-entity synthetic graph (reverse and symmetric relations included)."""
    return generate(tmp_path_factory.mktemp("synthetic") / "graph", entities=300)


@pytest.fixture
def graph(synthetic: Path, tmp_path: Path) -> Path:
    """A copy of the synthetic graph, free to edit."""
    target = tmp_path / "graph"
    shutil.copytree(synthetic, target)
    return target


def test_build_writes_every_format(mini_graph: Path, tmp_path: Path) -> None:
    result = build(mini_graph, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_file()) == sorted([*OUTPUTS, "wmgraph.stamp"])
    assert result.model is not None
    expected = to_rdflib(list(model_triples(result.model)))
    assert len(expected) == result.counts["triples"]
    for name, rdf_format in FORMATS.items():
        parsed = rdflib.Graph().parse(tmp_path / "out" / name, format=rdf_format)
        assert isomorphic(parsed, expected), name


def test_the_documents_are_what_each_format_writes_for_all_triples(synthetic: Path, tmp_path: Path) -> None:
    build(synthetic, tmp_path / "out", workers=2)
    model = load_model(synthetic)
    triples, prefixes = list(model_triples(model)), namespaces(model.vocabulary)
    files = outputs(tmp_path / "out")
    for name, (extension, dumps) in DUMPS.items():
        assert files[f"wmgraph.{extension}"].decode() == dumps(triples, prefixes), name


def test_rebuild_is_byte_identical(mini_graph: Path, tmp_path: Path) -> None:
    build(mini_graph, tmp_path / "a")
    # the same facts in files read in another order give the same bytes
    shuffled = tmp_path / "shuffled"
    shutil.copytree(mini_graph, shuffled)
    (shuffled / "organisations.yaml").rename(shuffled / "00-first.yaml")
    build(shuffled, tmp_path / "b")
    assert outputs(tmp_path / "a") == outputs(tmp_path / "b")


@pytest.mark.slow
def test_seed_graph_round_trips(seed_build: build.__class__) -> None:  # type: ignore[name-defined]
    expected = to_rdflib(list(model_triples(seed_build.model)))
    for path in seed_build.files:
        if path.name in FORMATS:
            parsed = rdflib.Graph().parse(path, format=FORMATS[path.name])
            assert isomorphic(parsed, expected), path.name


def test_check_detects_stale_output_and_a_stale_stamp(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    build(mini_graph, out, check=True)
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text().replace("as-of: 2023-10", "as-of: 2023-11"))
    with pytest.raises(OutputError, match="output is stale: .*wmgraph.jsonld.*wmgraph.stamp"):
        build(mini_graph, out, check=True)
    assert not (out / ".cache" / "files").exists() or len(entries(out)) == 2  # --check stores nothing


def test_failed_validation_leaves_output_untouched(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if p.is_file()}
    (mini_graph / "broken.yaml").write_text("kagool:\n  type: company\n")
    with pytest.raises(ValidationError):
        build(mini_graph, out)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if p.is_file()} == before


def test_a_file_that_cannot_be_written_leaves_the_whole_set_as_it_was(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (out / "wmgraph.jsonld").unlink()
    (out / "wmgraph.jsonld").mkdir()  # a folder where a file belongs: its replacement fails
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text().replace("Andy Street", "Andrew Street"))
    with pytest.raises(OutputError, match="wmgraph.jsonld"):
        build(mini_graph, out)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    written = {name for name in after if after[name] != before.get(name)}
    # whatever was put in place before the failure, no stamp says these files are current
    assert "wmgraph.stamp" not in after or written == set()
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    data, origin = graph_data(mini_graph, out, "nt")
    assert origin.endswith("(built in memory)") and b"Andrew Street" in data


def test_a_failed_write_keeps_every_old_file(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text().replace("Andy Street", "Andrew Street"))
    # a file size limit stands for a full disk: the page, the biggest file, cannot be written whole
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(before["wmgraph.ttl"]) * 4, limits[1]))
    try:
        with pytest.raises(OutputError, match="File too large"):
            build(mini_graph, out)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, previous)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_build_cli_reports_and_check(mini_graph: Path, in_tmp: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["build", "--graph", "graph", "--out", "out"])
    assert first.exit_code == 0, first.output
    assert first.output.splitlines()[0] == "Built 6 entities, 6 facts, 2 sources, 398 triples."
    again = runner.invoke(main, ["build", "--graph", "graph", "--out", "out"])
    assert again.output.splitlines()[0] == ("Nothing to do: out is current "
                                            "(6 entities, 6 facts, 2 sources, 398 triples).")
    check = runner.invoke(main, ["build", "--graph", "graph", "--out", "out", "--check"])
    assert check.exit_code == 0
    assert check.output == "out is up to date (6 entities, 6 facts, 2 sources, 398 triples).\n"
    (in_tmp / "out" / "wmgraph.nt").write_text("")
    stale = runner.invoke(main, ["build", "--graph", "graph", "--out", "out", "--check"])
    assert stale.exit_code == 1
    assert stale.output == ("Error: output is stale: out/wmgraph.nt "
                            "(run 'wmgraph build' and commit the result)\n")


def test_turtle_uses_standard_vocabularies(seed_build: build.__class__) -> None:  # type: ignore[name-defined]
    graph = to_rdflib(list(model_triples(seed_build.model)))
    schema = rdflib.Namespace("https://schema.org/")
    assert len(set(graph.subjects(rdflib.RDF.type, schema.Person))) >= 10
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


# -- workers ---------------------------------------------------------------------------------------
def test_parallel_and_serial_builds_agree(synthetic: Path, tmp_path: Path) -> None:
    build(synthetic, tmp_path / "serial", workers=1)
    build(synthetic, tmp_path / "parallel", workers=2)
    assert outputs(tmp_path / "serial") == outputs(tmp_path / "parallel")


def test_parallel_and_serial_report_the_same_problems(graph: Path, tmp_path: Path) -> None:
    first = sorted((graph / "people").glob("*.yaml"))[0]
    # the first entity again in another file, and a fact pointing nowhere
    (graph / "zz-more.yaml").write_text(first.read_text().split("\n\n")[1] + "\n" + "stray:\n  type: persn\n"
                                        "  name: Stray\n  source: source-00000\n  facts:\n"
                                        "    - works-for: nowhere\n      source: source-00000\n")
    messages = []
    for workers in (1, 2):
        with pytest.raises(ValidationError) as raised:
            build(graph, tmp_path / f"out-{workers}", workers=workers)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert "duplicate entity id" in messages[0] and "has unknown type 'persn'" in messages[0]


def test_where_no_worker_can_start_the_build_runs_in_one_process(synthetic: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    build(synthetic, tmp_path / "expected", workers=1)

    def no_processes(*args: object, **kwargs: object) -> None:
        raise NotImplementedError("this platform lacks a working sem_open")

    import concurrent.futures.process

    monkeypatch.setattr(concurrent.futures.process.ProcessPoolExecutor, "__init__", no_processes)
    build(synthetic, tmp_path / "out", workers=2)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "expected")


# -- the cache -------------------------------------------------------------------------------------
def test_nothing_changed_means_nothing_done(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(synthetic, out)
    assert first.parsed_files == len(entries(out)) > 0 and first.cached_files == 0
    written = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
    again = build(synthetic, out)
    assert again.model is None and again.parsed_files == again.cached_files == 0 and again.changed == []
    assert again.counts == first.counts
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == written


def test_a_build_with_no_stamp_takes_every_file_from_the_cache(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(synthetic, out)
    (out / "wmgraph.stamp").unlink()
    again = build(synthetic, out)
    assert again.cached_files == first.parsed_files and again.parsed_files == 0 and again.changed == []
    assert (out / "wmgraph.stamp").is_file()


@pytest.mark.parametrize("edit", ["same size", "deleted", "emptied"])
def test_an_output_changed_by_hand_is_written_again(mini_graph: Path, tmp_path: Path, edit: str) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    expected = outputs(out)
    target = out / "wmgraph.nt"
    if edit == "same size":
        target.write_bytes(target.read_bytes().replace(b"Andy", b"Andi"))
    elif edit == "deleted":
        target.unlink()
    else:
        target.write_bytes(b"")
    result = build(mini_graph, out)
    assert result.changed == [target] and outputs(out) == expected


def test_editing_one_file_reparses_only_it(graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(graph, out)
    edited = sorted((graph / "organisations").glob("*.yaml"))[0]
    edited.write_text(edited.read_text().replace("description: A synthetic", "description: An edited", 1))
    result = build(graph, out)
    assert result.parsed_files == 1 and result.cached_files > 0
    build(graph, tmp_path / "fresh")
    assert outputs(out) == outputs(tmp_path / "fresh")
    assert b"An edited" in outputs(out)["wmgraph.nt"]
    assert len(entries(out)) == result.parsed_files + result.cached_files  # the old entry is pruned


def test_files_right_on_their_own_stay_cached_when_the_checks_across_files_fail(graph: Path, tmp_path: Path) -> None:
    stray = graph / "zz-stray.yaml"
    stray.write_text("stray:\n  type: person\n  name: Stray\n  source: source-00000\n"
                     "  facts:\n    - works-for: nowhere\n      source: source-00000\n")
    out = tmp_path / "out"
    with pytest.raises(ValidationError, match="unknown entity 'nowhere'"):
        build(graph, out, workers=2)
    fact_files = len(list(graph.rglob("*.yaml"))) - 2  # not the vocabulary and the sources
    assert len(entries(out)) == fact_files  # the stray file too: it is right on its own
    organisations = yaml.safe_load(sorted((graph / "organisations").glob("*.yaml"))[0].read_text())
    company = next(key for key, entry in organisations.items() if entry["type"] == "company")
    stray.write_text(stray.read_text().replace("nowhere", company))
    result = build(graph, out)
    assert result.parsed_files == 1 and result.cached_files == fact_files - 1
    build(graph, tmp_path / "fresh")
    assert outputs(out) == outputs(tmp_path / "fresh")


def test_a_new_partnership_reaches_the_partner_from_the_cache(graph: Path, tmp_path: Path) -> None:
    # "A partners with B", written in A's file, gives B a triple: B, from the cache, must show it
    out = tmp_path / "out"
    build(graph, out)
    files = sorted((graph / "organisations").glob("*.yaml"))
    first, last = files[0], files[-1]
    partner = next(line.rstrip(":") for line in last.read_text().splitlines() if line and line[0].isalpha())
    text = first.read_text()
    first.write_text(text.replace("  facts:\n", f"  facts:\n    - partners-with: {partner}\n"
                                              "      source: source-00000\n", 1))
    assert build(graph, out).parsed_files == 1
    build(graph, tmp_path / "fresh")
    assert outputs(out) == outputs(tmp_path / "fresh")
    assert f"ent:{partner}".encode() in outputs(out)["wmgraph.ttl"]
    first.write_text(text)  # and back: the partner loses the triple again
    assert build(graph, out).parsed_files == 1
    build(graph, tmp_path / "fresh-again")
    assert outputs(out) == outputs(tmp_path / "fresh-again")


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "garbage", "empty", "folder", "fifo", "swap"])
def test_a_damaged_cache_entry_is_made_again_not_trusted(synthetic: Path, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "out"
    build(synthetic, out)
    expected = outputs(out)
    (out / "wmgraph.stamp").unlink()  # so that the next build reads the cache
    damaged = entries(out)[:2]
    first, second = damaged
    data = first.read_bytes()
    if damage == "flip a byte":
        first.write_bytes(data[:-100] + bytes([data[-100] ^ 1]) + data[-99:])
    elif damage == "truncate":
        first.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        first.write_bytes(os.urandom(len(data)))
    elif damage == "empty":
        first.write_bytes(b"")
    elif damage == "folder":
        first.unlink()
        first.mkdir()
    elif damage == "fifo":
        first.unlink()
        os.mkfifo(first)
    else:  # each entry under the other's name
        first.write_bytes(second.read_bytes())
        second.write_bytes(data)
    result = build(synthetic, out)
    assert result.parsed_files == (2 if damage == "swap" else 1)
    assert outputs(out) == expected


def test_a_cache_that_cannot_be_written_is_built_without_and_said_so(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".cache").write_text("not a folder")
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--graph", str(synthetic), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output.count("note: the build cache in") == 1 and "built without it" in result.output
    build(synthetic, tmp_path / "expected")
    assert outputs(out) == outputs(tmp_path / "expected")


def test_check_builds_without_the_cache(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(synthetic, out)
    for entry in entries(out):
        entry.write_bytes(b"nonsense")
    result = build(synthetic, out, check=True)
    assert result.parsed_files > 0 and result.cached_files == 0
    assert all(entry.read_bytes() == b"nonsense" for entry in entries(out))


@pytest.mark.slow
def test_the_stamp_does_not_depend_on_wmgraph_source_code(mini_graph: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no query library here, as in the other folder
    build(mini_graph, tmp_path / "a")
    stamp = (tmp_path / "a" / "wmgraph.stamp").read_text()
    assert "inputs" in stamp and "wmgraph.nt" in stamp
    # the same inputs in another folder, from another working directory, give the same stamp
    moved = tmp_path / "elsewhere" / "graph"
    shutil.copytree(mini_graph, moved)
    subprocess.run([sys.executable, "-m", "wmgraph", "build", "--quiet", "--graph", "graph", "--out", "out"],
                   cwd=moved.parent, check=True, capture_output=True)
    assert (moved.parent / "out" / "wmgraph.stamp").read_text() == stamp


def test_the_query_library_the_page_carries_is_an_input(mini_graph: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    library = tmp_path / "queries"
    library.mkdir()
    (library / "names.rq").write_text("SELECT ?name WHERE { ?entity schema:name ?name }\n")
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--graph", str(mini_graph), "--out", "out"]).exit_code == 0
    (library / "names.rq").write_text("SELECT ?name WHERE { ?entity schema:name ?name } LIMIT 1\n")
    stale = runner.invoke(main, ["build", "--graph", str(mini_graph), "--out", "out"])
    assert stale.output.splitlines()[0].startswith("Built "), stale.output
    assert "LIMIT 1" in (tmp_path / "out" / "wmgraph.html").read_text(encoding="utf-8")
    assert runner.invoke(main, ["build", "--graph", str(mini_graph), "--out", "out"]).output.startswith("Nothing to do")


def test_progress_reports_files_parsed_and_written(synthetic: Path, tmp_path: Path) -> None:
    seen: list[BuildProgress] = []
    result = build(synthetic, tmp_path / "out", progress=seen.append)
    parse = [e for e in seen if e.stage == "parse"]
    write = [e for e in seen if e.stage == "write"]
    assert parse[0].done == 0 and parse[-1].done == parse[-1].total == result.parsed_files
    assert [e.triples for e in parse] == sorted(e.triples for e in parse)
    assert write[0].done == 0 and write[-1].done == write[-1].total == len(result.files)
    assert write[-1].triples == result.counts["triples"]


def test_a_build_loads_neither_pyvis_networkx_nor_the_query_engine(synthetic: Path, tmp_path: Path) -> None:
    script = ("import sys; from wmgraph.cli.main import main\n"
              "try:\n    main(['build', '--quiet', '--graph', sys.argv[1], '--out', sys.argv[2]])\n"
              "except SystemExit:\n    pass\n"
              "print(sorted(m for m in ('pyvis', 'networkx', 'pyoxigraph', 'rdflib', 'wmgraph.cli.query_commands',\n"
              "                         'wmgraph.cli.analysis_commands') if m in sys.modules))\n")
    run = subprocess.run([sys.executable, "-c", script, str(synthetic), str(tmp_path / "out")],
                         capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "[]"


def test_an_output_folder_that_is_a_dangling_link_is_named(mini_graph: Path, tmp_path: Path) -> None:
    (tmp_path / "out").symlink_to(tmp_path / "gone")
    result = CliRunner().invoke(main, ["build", "--graph", str(mini_graph), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == (f"Error: the output folder {tmp_path / 'out'} is a symbolic link to nothing: "
                             "remove it, or make the folder it points to\n")




def test_a_build_ends_by_counting_the_modality_warnings(mini_graph: Path, in_tmp: Path) -> None:
    case = Path(__file__).resolve().parent / "data" / "bad" / "modality" / "stated-but-modal.yaml"
    (mini_graph / case.name).write_bytes(case.read_bytes())
    warned = sum(1 for line in case.read_text().splitlines() if line.startswith("# expect: "))
    result = CliRunner().invoke(main, ["build", "--graph", "graph", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(f"\n{warned} modality warnings: run wmgraph validate to see them\n")
