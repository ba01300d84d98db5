"""The benchmark cannot rot: generate a small synthetic graph, validate it, run the runner on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.model.checking import load_model

pytestmark = pytest.mark.slow  # the generator and the benchmark runner in subprocesses

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "benchmarks" / "generate.py"
RUN = ROOT / "benchmarks" / "run"
VOCABULARY = ROOT / "tests" / "data" / "seed" / "vocabulary.yaml"


def generate(out: Path, entities: int = 200, seed: int = 2024) -> Path:
    """Write a synthetic graph folder with benchmarks/generate.py."""
    subprocess.run([sys.executable, str(GENERATE), "--entities", str(entities), "--out", str(out),
                    "--seed", str(seed), "--vocabulary", str(VOCABULARY)], check=True, capture_output=True)
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generated_graph_is_complete_valid_and_deterministic(tmp_path: Path) -> None:
    first = generate(tmp_path / "a")
    second = generate(tmp_path / "b")
    assert tree(first) == tree(second)
    files = tree(first)
    assert "vocabulary.yaml" in files and "sources.yaml" in files
    assert files["vocabulary.yaml"] == VOCABULARY.read_bytes()
    model = load_model(first)
    assert len(model.entities) == 200
    kinds = {entity.type for entity in model.entities.values()}
    assert {"person", "company", "university", "public-body", "post", "initiative", "city", "event",
            "report"} <= kinds
    relations = {fact.relation for fact in model.facts}
    assert {"works-for", "holds-post", "partners-with", "funded-by", "pledges-jobs", "statistic",
            "investment", "published"} <= relations
    assert all(fact.sources for fact in model.facts) and all(e.sources for e in model.entities.values())
    assert any(fact.qualifier("amount") for fact in model.facts)
    result = CliRunner().invoke(main, ["validate", "--graph", str(first)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(f"{first} is valid: 200 entities, {len(model.facts)} facts, "
                                  f"{len(model.sources)} sources.\n")


def test_generator_files_hold_about_a_hundred_entities(tmp_path: Path) -> None:
    graph = generate(tmp_path / "g", entities=450)
    model = load_model(graph)
    per_file: dict[str, int] = {}
    for entity in model.entities.values():
        per_file[entity.location.file] = per_file.get(entity.location.file, 0) + 1
    assert max(per_file.values()) == 100


def test_benchmark_runner_smoke(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    run = subprocess.run([sys.executable, str(RUN), "--sizes", "200", "--skip-page-above", "0", "--repeat", "2",
                          "--work", str(tmp_path / "work"), "--results", str(results),
                          "--vocabulary", str(VOCABULARY)],
                         capture_output=True, text=True, env={"WMGRAPH_BENCH_NO_REEXEC": "1", "PATH": ""},
                         timeout=600)
    assert run.returncode == 0, run.stderr
    text = results.read_text()
    rows = {line.split(" | ")[0].lstrip("| ") for line in text.splitlines() if line.startswith("| ")}
    assert {"step", "floor", "build, cold", "build, nothing changed", "rebuild, one file edited", "naive rdflib",
            "queries (all)"} <= rows
    queries = {path.stem for path in (ROOT / "queries").glob("*.rq")}
    assert {f"query {name}" for name in queries} <= rows
    assert "| 200 time | 200 peak MB | 200 vs floor | 200 vs naive |" in text
    assert "failed" not in text
    assert "the median of 2 runs" in text and "before each rebuild" in text
    assert text.splitlines()[0] == "# wmgraph benchmark"


def test_no_test_generates_a_graph_with_the_projects_vocabulary() -> None:
    # generate.py copies graph/vocabulary.yaml unless told otherwise: a curator's edit there must fail no test
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for call in path.read_text().split('"generate.py"),')[1:]:  # each path to the generator built in a test
            assert "--vocabulary" in call.split("check=True", 1)[0], \
                f"{path.relative_to(ROOT)} runs generate.py without --vocabulary"
