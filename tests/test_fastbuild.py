"""The fast build: parallel parsing, the per-file cache (and its distrust), progress reports."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import wmgraph.atomic as outputs_module
import wmgraph.pipeline as pipeline_module
from wmgraph.atomic import Content
from wmgraph.build import BuildProgress, build, kept_options
from wmgraph.buildcache import MAGIC, PieceCache, read_place
from wmgraph.cli.main import COMMANDS, main
from wmgraph.cli.progress import TerminalProgress
from wmgraph.errors import ValidationError
from wmgraph.model.checking import load_model
from wmgraph.outputlog import LOG_NAME
from wmgraph.page.html import vis_options
from wmgraph.pipeline import default_cache_dir
from wmgraph.rdf.formats import jsonld, ntriples, turtle
from wmgraph.rdf.mapping import direct_triples, entity_iri, incoming_triples, model_triples, namespaces
from wmgraph.rdf.terms import Triple

from .test_benchmark import generate

RDF_FILES = ("wmgraph.ttl", "wmgraph.nt", "wmgraph.jsonld")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-entity synthetic graph (reverse and symmetric relations included)."""
    return generate(tmp_path_factory.mktemp("synthetic") / "graph", entities=300)


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix != ".stamp"}


def entries(out: Path) -> list[Path]:
    return sorted(default_cache_dir(out).glob("*.pickle"))


def test_chunked_documents_equal_each_writer_on_all_triples(synthetic: Path, tmp_path: Path) -> None:
    result = build(synthetic, tmp_path / "out")
    model = load_model(synthetic)
    triples = list(model_triples(model))
    prefixes = namespaces(model.vocabulary)
    files = outputs(tmp_path / "out")
    assert files["wmgraph.nt"].decode() == ntriples.dumps(triples, prefixes)
    assert files["wmgraph.ttl"].decode() == turtle.dumps(triples, prefixes)
    assert files["wmgraph.jsonld"].decode() == jsonld.dumps(triples, prefixes)
    assert result.triple_count == len(set(triples)) == len(set(result.triples))


def test_incoming_triples_are_the_facts_triples_about_other_entities(synthetic: Path) -> None:
    model = load_model(synthetic)
    vocabulary = model.vocabulary
    expected: dict[str, list[Triple]] = {}
    for fact in model.facts:
        own = entity_iri(vocabulary, fact.subject)
        for triple in direct_triples(vocabulary, fact):
            if triple[0] != own:
                expected.setdefault(triple[0][len(vocabulary.base):], []).append(triple)
    assert expected and incoming_triples(vocabulary, model.facts) == expected


def test_parallel_and_serial_builds_agree(synthetic: Path, tmp_path: Path) -> None:
    build(synthetic, tmp_path / "serial", workers=1, use_cache=False)
    build(synthetic, tmp_path / "parallel", workers=2, use_cache=False)
    assert outputs(tmp_path / "serial") == outputs(tmp_path / "parallel")


def test_parallel_and_serial_report_the_same_problems(synthetic: Path, tmp_path: Path) -> None:
    graph = tmp_path / "graph"
    shutil.copytree(synthetic, graph)
    first = sorted((graph / "people").glob("*.yaml"))[0]
    text = first.read_text()
    # the first entity again in another file, and a fact pointing nowhere
    (graph / "zz-more.yaml").write_text(text.split("\n\n")[1] + "\n" + "stray:\n  type: persn\n  name: Stray\n"
                                        "  source: source-00000\n  facts:\n    - works-for: nowhere\n"
                                        "      source: source-00000\n")
    messages = []
    for workers in (1, 2):
        with pytest.raises(ValidationError) as raised:
            build(graph, tmp_path / f"out-{workers}", workers=workers)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert "duplicate entity id" in messages[0] and "unknown entity 'nowhere'" in messages[0]
    assert "has unknown type 'persn'" in messages[0]


def test_files_right_on_their_own_stay_cached_when_the_checks_across_files_fail(synthetic: Path,
                                                                                 tmp_path: Path) -> None:
    graph = tmp_path / "graph"
    shutil.copytree(synthetic, graph)
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
    build(graph, tmp_path / "fresh", use_cache=False)
    assert outputs(out) == outputs(tmp_path / "fresh")


def test_second_build_comes_from_the_cache(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(synthetic, out)
    written = outputs(out)
    assert first.parsed_files == len(entries(out)) > 0 and first.cached_files == 0
    again = build(synthetic, out)
    assert again.cached_files == first.parsed_files and again.parsed_files == 0
    assert again.changed == [] and outputs(out) == written


def test_editing_one_file_reparses_only_it(synthetic: Path, tmp_path: Path) -> None:
    graph = tmp_path / "graph"
    shutil.copytree(synthetic, graph)
    out = tmp_path / "out"
    build(graph, out)
    edited = sorted((graph / "organisations").glob("*.yaml"))[0]
    edited.write_text(edited.read_text().replace("description: A synthetic", "description: An edited", 1))
    result = build(graph, out)
    assert result.parsed_files == 1 and result.cached_files > 0
    build(graph, tmp_path / "fresh", use_cache=False)
    assert outputs(out) == outputs(tmp_path / "fresh")
    assert b"An edited" in outputs(out)["wmgraph.nt"]
    assert len(entries(out)) == result.parsed_files + result.cached_files  # the old entry is pruned


def test_a_new_partnership_reaches_the_partner_from_the_cache(synthetic: Path, tmp_path: Path) -> None:
    # "A partners with B", written in A's file, gives B a triple: B, from the cache, must show it
    graph = tmp_path / "graph"
    shutil.copytree(synthetic, graph)
    out = tmp_path / "out"
    build(graph, out)
    files = sorted((graph / "organisations").glob("*.yaml"))
    first, last = files[0], files[-1]
    partner = next(line.rstrip(":") for line in last.read_text().splitlines() if line and line[0].isalpha())
    text = first.read_text()
    assert "    facts:\n" not in text  # entries sit at two spaces, facts at four
    first.write_text(text.replace("  facts:\n", f"  facts:\n    - partners-with: {partner}\n"
                                              "      source: source-00000\n", 1))
    result = build(graph, out)
    assert result.parsed_files == 1
    build(graph, tmp_path / "fresh", use_cache=False)
    assert outputs(out) == outputs(tmp_path / "fresh")
    assert f"ent:{partner}".encode() in outputs(out)["wmgraph.ttl"]
    first.write_text(text)  # and back (its old entry was pruned): the partner loses the triple again
    assert build(graph, out).parsed_files == 1
    build(graph, tmp_path / "fresh-again", use_cache=False)
    assert outputs(out) == outputs(tmp_path / "fresh-again")


def compared(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the output files that builds compare byte for byte from now on."""
    names: list[str] = []
    original = outputs_module._same

    def spy(path: Path, data: Content) -> bool:
        names.append(path.name)
        return original(path, data)

    monkeypatch.setattr(outputs_module, "_same", spy)
    return names


def test_outputs_left_as_written_are_not_read_back(synthetic: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    graph = tmp_path / "graph"
    shutil.copytree(synthetic, graph)
    out = tmp_path / "out"
    build(graph, out)
    written = outputs(out)
    names = compared(monkeypatch)
    assert build(graph, out).changed == []
    assert set(names).isdisjoint([*RDF_FILES, "shapes.ttl"])  # known unchanged from the record
    # an output edited by hand (same size) is compared, found different and written again
    nt = out / "wmgraph.nt"
    nt.write_bytes(nt.read_bytes().replace(b"<http", b"<xttp", 1))
    assert build(graph, out).changed == [nt]
    assert outputs(out) == written
    # a fact file edited: the documents are written without being compared first
    edited = sorted((graph / "people").glob("*.yaml"))[0]
    edited.write_text(edited.read_text().replace("description: A synthetic", "description: A changed", 1))
    names.clear()
    result = build(graph, out)
    assert set(names).isdisjoint([*RDF_FILES, "shapes.ttl"])
    assert set(result.changed) == {out / name for name in (*RDF_FILES, "wmgraph.html")}  # not the shapes
    build(graph, tmp_path / "fresh", use_cache=False)
    assert outputs(out) == outputs(tmp_path / "fresh")


@pytest.mark.parametrize("damage", ["garbage", "wrong shape", "removed"])
def test_a_damaged_output_record_means_comparing(synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 damage: str) -> None:
    out = tmp_path / "out"
    build(synthetic, out)
    record = out / ".cache" / LOG_NAME
    assert set(json.loads(record.read_text())["files"]) == {*RDF_FILES, "shapes.ttl"}
    if damage == "garbage":
        record.write_bytes(b"\x00{not json")
    elif damage == "wrong shape":
        record.write_text(json.dumps({"version": 1, "files": {"wmgraph.nt": "x"}}))
    else:
        record.unlink()
    names = compared(monkeypatch)
    assert build(synthetic, out).changed == []
    assert set(RDF_FILES) <= set(names)
    assert set(json.loads(record.read_text())["files"]) == {*RDF_FILES, "shapes.ttl"}  # and made whole again


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "swap entries", "garbage"])
def test_a_corrupt_or_stale_cache_is_rebuilt_not_trusted(synthetic: Path, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "out"
    build(synthetic, out)
    expected = outputs(out)
    first, second = entries(out)[:2]
    if damage == "flip a byte":
        data = bytearray(first.read_bytes())
        data[-100] ^= 0x01
        first.write_bytes(bytes(data))
    elif damage == "truncate":
        first.write_bytes(first.read_bytes()[:-10])
    elif damage == "swap entries":  # well-formed, but not what its name says
        first.write_bytes(second.read_bytes())
    else:
        first.write_bytes(MAGIC + b"not a cache entry")
    for path in expected:
        (out / path).unlink()
    result = build(synthetic, out)
    assert result.parsed_files == 1
    assert outputs(out) == expected
    assert build(synthetic, out).parsed_files == 0  # and the entry is whole again


def test_an_entry_damaged_right_after_a_worker_stored_it_is_made_again(synthetic: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # The build checks the length, not the digest, of what its own workers just stored
    build(synthetic, tmp_path / "expected", use_cache=False)
    original = PieceCache.store
    damaged: set[str] = set()

    def store_then_cut(cache: PieceCache, key: str, first: bytes | memoryview,
                       second: bytes | memoryview) -> bool:
        written = original(cache, key, first, second)
        if key not in damaged and cache.folder.name != "incoming":  # once: stored again, it stays whole
            damaged.add(key)
            path = cache.path(key)
            path.write_bytes(path.read_bytes()[:-7])
        return written

    monkeypatch.setattr(PieceCache, "store", store_then_cut)
    out = tmp_path / "out"
    result = build(synthetic, out, workers=1)
    assert result.parsed_files == len(damaged) - 1 > 0  # every fact file (and the general entry)
    assert outputs(out) == outputs(tmp_path / "expected")
    monkeypatch.setattr(PieceCache, "store", original)
    assert build(synthetic, out).parsed_files == 0  # stored whole the second time


def test_chunks_given_triples_by_other_files_come_from_the_cache_unless_damaged(
        synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build(synthetic, out)
    written = outputs(out)
    patches = sorted((default_cache_dir(out).parent / "incoming").glob("*.pickle"))
    assert patches  # partnerships and reverse relations give some entities triples from other files
    rendered: list[str] = []
    original = pipeline_module.incoming_chunks

    def counted(*args: Any) -> Any:
        rendered.append(args[1].shown)
        return original(*args)

    monkeypatch.setattr(pipeline_module, "incoming_chunks", counted)
    assert build(synthetic, out).changed == [] and rendered == []
    patches[0].write_bytes(patches[0].read_bytes()[:-3])  # cut short: its checksum fails
    patches[1].unlink()
    assert build(synthetic, out).changed == [] and len(rendered) == 2
    assert outputs(out) == written
    assert len(list(patches[0].parent.glob("*.pickle"))) == len(patches)  # stored again


def test_check_builds_without_the_cache(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(synthetic, out)
    for entry in entries(out):
        entry.write_bytes(MAGIC + b"junk")
    result = build(synthetic, out, check=True)
    assert result.parsed_files > 0 and result.cached_files == 0


def test_progress_reports_files_parsed_and_written(synthetic: Path, tmp_path: Path) -> None:
    events: list[BuildProgress] = []
    result = build(synthetic, tmp_path / "out", progress=events.append, workers=2)
    parse = [e for e in events if e.stage == "parse"]
    write = [e for e in events if e.stage == "write"]
    assert parse[0].done == 0 and parse[-1].done == parse[-1].total == result.parsed_files
    assert [e.done for e in parse] == sorted(e.done for e in parse)
    assert [e.done for e in write] == list(range(1, len(result.files) + 1))
    assert write[-1].triples == result.triple_count


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_progress_draws_one_line_and_clears_it() -> None:
    stream = FakeTerminal()
    progress = TerminalProgress(stream, delay=0)
    progress(BuildProgress("parse", 1, 4, 1200))
    progress(BuildProgress("write", 5, 5, 34000))
    progress.finish()
    assert stream.getvalue() == ("\r\x1b[K1/4 fact files parsed, 1,200 triples"
                                 "\r\x1b[K5/5 output files written, 34,000 triples\r\x1b[K")
    assert TerminalProgress.wanted(stream, quiet=False)
    assert not TerminalProgress.wanted(stream, quiet=True)
    assert not TerminalProgress.wanted(io.StringIO(), quiet=False)


def test_a_quick_build_shows_nothing() -> None:
    stream = FakeTerminal()
    progress = TerminalProgress(stream)  # the default delay: nothing within the first moment
    progress(BuildProgress("parse", 1, 4, 10))
    progress(BuildProgress("write", 5, 5, 10))
    progress.finish()
    assert stream.getvalue() == ""


def test_build_cli_quiet_and_piped_print_no_progress(synthetic: Path, tmp_path: Path) -> None:
    for extra in ([], ["--quiet"]):
        result = CliRunner().invoke(main, ["build", "--graph", str(synthetic), "--out", str(tmp_path / "o"),
                                           *extra])
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        assert result.stdout.startswith("Built 300 entities, ")


def test_page_options_are_kept_and_a_damaged_copy_is_made_again(tmp_path: Path) -> None:
    options = kept_options([tmp_path])
    for big in (False, True):
        assert options(big) == vis_options(big)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["vis-options-big.json", "vis-options-small.json"]
    (tmp_path / "vis-options-big.json").write_text('{"key": "stale", "options": {"physics": 1}}')
    (tmp_path / "vis-options-small.json").write_text("{not json")
    assert options(True) == vis_options(True) and options(False) == vis_options(False)
    assert json.loads((tmp_path / "vis-options-big.json").read_text())["options"] == vis_options(True)


def test_a_build_loads_neither_pyvis_whole_nor_networkx(synthetic: Path, tmp_path: Path) -> None:
    script = ("import sys; from pathlib import Path; from wmgraph.cli.main import main\n"
              "try:\n    main(['build', '--quiet', '--graph', sys.argv[1], '--out', sys.argv[2]])\n"
              "except SystemExit:\n    pass\n"
              "print(sorted(m for m in ('pyvis', 'networkx', 'pyoxigraph', 'rdflib', 'wmgraph.cli.query_commands',\n"
              "                         'wmgraph.cli.analysis_commands') if m in sys.modules))\n")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "empty-user-cache")}
    runs = [subprocess.run([sys.executable, "-c", script, str(synthetic), str(tmp_path / out)], env=environment,
                           capture_output=True, text=True, check=True) for out in ("out", "out", "elsewhere")]
    # the first build makes the options from pyvis's Options alone; the next ones find them kept
    assert [run.stdout.splitlines()[-1] for run in runs] == ["[]", "[]", "[]"]
    assert (tmp_path / "empty-user-cache" / "wmgraph" / "vis-options-small.json").is_file()


def test_page_options_go_to_the_user_cache_else_to_the_build_cache(synthetic: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    build(synthetic, tmp_path / "out")
    assert [p.name for p in (tmp_path / "xdg" / "wmgraph").iterdir()] == ["vis-options-small.json"]
    assert not list((tmp_path / "out" / ".cache").glob("vis-options-*"))
    (tmp_path / "not-a-folder").write_text("")  # a user cache that cannot be written
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    build(synthetic, tmp_path / "out-2")
    assert [p.name for p in (tmp_path / "out-2" / ".cache").glob("vis-options-*")] == ["vis-options-small.json"]


def test_commands_written_elsewhere_are_listed_and_run() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["--help"])
    assert listed.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in listed.output
    for name in sorted(COMMANDS):
        helped = runner.invoke(main, [name, "--help"])
        assert helped.exit_code == 0 and helped.output.startswith(f"Usage: main {name} "), name
    assert runner.invoke(main, ["nonsense"]).exit_code == 2


def test_a_place_in_the_cache_reads_back_only_what_was_checked(tmp_path: Path) -> None:
    cache = PieceCache(tmp_path / "pieces", b"salt")
    key = cache.key("people/a.yaml", b"a: 1\n")
    assert cache.store(key, b"the checked piece", b"its rendering")
    assert cache.load_first(key) == b"the checked piece"
    place = cache.firsts[key]
    assert read_place(place) == b"the checked piece"
    assert cache.store(key, b"the checked pieca", b"its rendering")  # replaced meanwhile, same length
    assert read_place(place) is None
    cache.path(key).unlink()
    assert read_place(place) is None
