"""The page drawn in its own process, fed with the checked pieces while the build goes on."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from wmgraph import pagejob
from wmgraph.build import build
from wmgraph.buildcache import Place
from wmgraph.errors import OutputError, ValidationError
from wmgraph.model.model import Model

from .test_benchmark import generate


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-entity synthetic graph: small enough that its page is normally drawn in the main process."""
    return generate(tmp_path_factory.mktemp("synthetic") / "graph", entities=300)


@pytest.fixture
def in_a_process(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Draw every page in its own process; lists the pids of the drawing processes started."""
    started: list[int] = []
    original = pagejob.PageJob.started

    def started_and_noted(self: pagejob.PageJob, merge: pagejob.Merge, size: int) -> None:
        original(self, merge, size)
        if self.process is not None and self.process.pid is not None:
            started.append(self.process.pid)

    monkeypatch.setattr(pagejob, "PAGE_IN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(pagejob.PageJob, "started", started_and_noted)
    return started


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix != ".stamp"}


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_page_from_its_own_process_equals_the_page_drawn_here(synthetic: Path, tmp_path: Path,
                                                               in_a_process: list[int]) -> None:
    graph = tmp_path / "graph"
    shutil.copytree(synthetic, graph)
    pagejob.PAGE_IN_PARALLEL_BYTES = 1 << 40  # (the fixture puts it back)
    build(graph, tmp_path / "here", use_cache=False)
    assert in_a_process == []  # drawn in this process
    pagejob.PAGE_IN_PARALLEL_BYTES = 0
    out = tmp_path / "out"
    build(graph, out, workers=2)  # pieces from parse workers
    assert len(in_a_process) == 1 and gone(in_a_process[0])
    assert outputs(out) == outputs(tmp_path / "here")
    edited = sorted((graph / "people").glob("*.yaml"))[0]
    edited.write_text(edited.read_text().replace("description: A synthetic", "description: An edited", 1))
    result = build(graph, out)  # pieces from the cache, and one parsed here
    assert result.parsed_files == 1 and result.cached_files > 0
    build(graph, tmp_path / "fresh", use_cache=False)
    assert outputs(out) == outputs(tmp_path / "fresh")
    assert b"An edited" in outputs(out)["wmgraph.html"]
    assert not multiprocessing.active_children()


def test_a_graph_that_fails_the_checks_stops_the_drawing_process(synthetic: Path, tmp_path: Path,
                                                                   in_a_process: list[int]) -> None:
    graph = tmp_path / "graph"
    shutil.copytree(synthetic, graph)
    (graph / "zz-stray.yaml").write_text("stray:\n  type: person\n  name: Stray\n  source: source-00000\n"
                                         "  facts:\n    - works-for: nowhere\n      source: source-00000\n")
    out = tmp_path / "out"
    with pytest.raises(ValidationError, match="unknown entity 'nowhere'"):
        build(graph, out)
    assert len(in_a_process) == 1 and gone(in_a_process[0])
    assert not (out / "wmgraph.html").exists()


def test_an_error_while_drawing_reaches_the_build(synthetic: Path, tmp_path: Path, in_a_process: list[int],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(model: Model, **_: object) -> bytes:
        raise OutputError(f"cannot draw {len(model.entities)} entities")

    monkeypatch.setattr(pagejob, "render_page", broken)  # the forked process inherits it
    with pytest.raises(OutputError, match="cannot draw 300 entities"):
        build(synthetic, tmp_path / "out")
    assert not (tmp_path / "out" / "wmgraph.html").exists()


def test_a_drawing_process_that_dies_is_reported(synthetic: Path, tmp_path: Path, in_a_process: list[int],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(model: Model, **_: object) -> bytes:
        os._exit(9)  # as the kernel's out-of-memory killer would leave it

    monkeypatch.setattr(pagejob, "render_page", killed)
    with pytest.raises(OutputError, match="the process drawing the page stopped"):
        build(synthetic, tmp_path / "out")


def test_the_drawing_process_checks_the_page_with_check(synthetic: Path, tmp_path: Path,
                                                         in_a_process: list[int]) -> None:
    out = tmp_path / "out"
    build(synthetic, out)
    assert build(synthetic, out, check=True).files[out / "wmgraph.html"] == (out / "wmgraph.html").read_bytes()
    page = out / "wmgraph.html"
    page.write_bytes(page.read_bytes().replace(b"<title>", b"<title>Edited ", 1))
    with pytest.raises(OutputError, match=r"output is stale: .*wmgraph\.html"):
        build(synthetic, out, check=True)
    assert len(in_a_process) == 3 and all(gone(pid) for pid in in_a_process)
    assert b"<title>Edited " in page.read_bytes()  # checking never writes


def test_a_cache_entry_gone_before_the_drawing_process_reads_it(synthetic: Path, tmp_path: Path,
                                                                in_a_process: list[int],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build(synthetic, out)
    page = (out / "wmgraph.html").read_bytes()
    read: list[str] = []
    original = pagejob.read_place

    def removed_meanwhile(place: Place) -> bytes | None:
        read.append(place.path)
        return None if len(read) == 3 else original(place)

    # the drawing process reads the cached pieces itself: as if another build removed one meanwhile
    monkeypatch.setattr(pagejob, "read_place", removed_meanwhile)
    with pytest.raises(OutputError, match="could not be read back from the build cache to draw the page; "
                                          "run the build again"):
        build(synthetic, out)
    assert (out / "wmgraph.html").read_bytes() == page
    monkeypatch.setattr(pagejob, "read_place", original)
    assert build(synthetic, out).cached_files == len(list(synthetic.rglob("*.yaml"))) - 2  # all but vocabulary, sources
    assert (out / "wmgraph.html").read_bytes() == page
