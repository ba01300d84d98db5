"""Shared fixtures: small graph folders in tmp_path, the built seed graph, program lookups."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from wmgraph.building import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "data" / "mini"
SEED_GRAPH = Path(__file__).resolve().parent / "data" / "seed"  # a frozen copy, not the project's graph/
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# A test is marked by what it runs: a fixture in its closure starts Chromium or a store server, or
# generates a big graph (tests that are slow for other reasons carry @pytest.mark.slow themselves).
MARKS_BY_FIXTURE = {"chromium": "browser", "oxigraph": "store", "virtuoso": "store", "loaded": "store",
                    "synthetic": "slow", "big_graph": "slow", "big_page": "slow", "big_built_page": "slow"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark browser and store tests by their fixtures, so `pytest -m "not browser"` leaves them out."""
    for item in items:
        for fixture in sorted(set(getattr(item, "fixturenames", ())) & set(MARKS_BY_FIXTURE)):
            item.add_marker(MARKS_BY_FIXTURE[fixture])


def require_program(path: str) -> str:
    """Return the program's path; fail in CI, skip elsewhere, when it is not installed."""
    found = shutil.which(path)
    if found is None:
        message = f"{path} is not installed (.ci/run installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found


def require_linux(why: str) -> None:
    """Fail in CI, skip elsewhere, when the test needs Linux (CI runs on Linux)."""
    if not sys.platform.startswith("linux"):
        message = f"needs Linux: {why}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def alive(pid: int) -> bool:
    """Tell whether process `pid` runs (a zombie does not) (Linux: reads /proc)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def mini_graph(tmp_path: Path) -> Path:
    """A copy of the small valid test graph, free to edit."""
    target = tmp_path / "graph"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The frozen seed fixture (tests/data/seed) built once into a temporary output folder."""
    return build(SEED_GRAPH, tmp_path_factory.mktemp("seed-output"))


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from tmp_path, so paths in messages are short and predictable."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
