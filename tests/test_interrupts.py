"""Builds stopped at random moments, by Ctrl-C and by SIGKILL: no traceback, no process left, one build's outputs."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wmgraph.building import build
from wmgraph.building.stamp import Stamp

from .conftest import alive, require_linux
from .test_benchmark import generate

pytestmark = pytest.mark.slow  # subprocess trials, each a build interrupted at a random moment

# Enough fact files (over 1 MB) for the build to start worker processes.
ENTITIES = 2600
TRIALS = 6


@pytest.fixture(scope="module")
def big_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("interrupts") / "graph", entities=ENTITIES)


def start_build(graph: Path, out: Path) -> subprocess.Popen[str]:
    """`wmgraph build` in a session of its own, as a terminal would run it."""
    return subprocess.Popen([sys.executable, "-m", "wmgraph", "build", "--quiet", "--graph", str(graph),
                             "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def descendants(pid: int) -> set[int]:
    """The processes started by `pid`, and theirs (Linux)."""
    found: set[int] = set()
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            children = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found |= {child, *descendants(child)}
    return found


def assert_one_builds_outputs(out: Path) -> None:
    """A reader of `out` sees one build's files: the stamp, if there is one, holds for every output."""
    stamp = Stamp.read(out)
    if stamp is not None:
        assert stamp.holds(out), "the stamp vouches for files another build wrote"


def test_ctrl_c_at_any_moment_stops_cleanly(big_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(big_graph, out)  # a complete set to start from
    chosen = random.Random(2026)
    for trial in range(TRIALS):
        cache = out / ".cache"
        if trial % 2 and cache.exists():
            for entry in (cache / "files").iterdir():
                entry.unlink()  # a cold build half the time: the workers are busy when Ctrl-C comes
        edited = sorted((big_graph / "people").glob("*.yaml"))[trial]
        edited.write_text(edited.read_text().replace("description: ", f"description: Trial {trial}. ", 1))
        process = start_build(big_graph, out)
        time.sleep(chosen.uniform(0.15, 1.2))
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
        _, stderr = process.communicate(timeout=60)
        # Stopped while Python itself was starting (its own start-up, or runpy finding the package),
        # before any wmgraph code runs: it dies by the signal, or Python reports its own failure ("Could
        # not import runpy module") with no frame of wmgraph's; nothing is written either way
        python_starting = (
            process.returncode not in (0, 130)
            and (process.returncode == -signal.SIGINT or "Traceback" in stderr)
            and "/wmgraph/" not in stderr
        )
        assert python_starting or "Traceback" not in stderr, stderr
        assert process.returncode in (0, 130) or python_starting, (process.returncode, stderr)
        if process.returncode == 130:
            assert stderr.strip().endswith("interrupted: nothing was left half written"), stderr
        assert_one_builds_outputs(out)
    build(big_graph, out)
    assert not list(out.glob(".*.tmp"))


def test_sigkill_leaves_no_process_and_no_mixed_outputs(big_graph: Path, tmp_path: Path) -> None:
    require_linux("reads /proc")
    out = tmp_path / "out"
    chosen = random.Random(7)
    for trial in range(TRIALS // 2):
        process = start_build(big_graph, out)
        time.sleep(chosen.uniform(0.3, 1.0))
        children = descendants(process.pid)
        process.kill()
        process.communicate(timeout=30)
        deadline = time.monotonic() + 5
        while any(alive(child) for child in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [child for child in children if alive(child)], f"trial {trial}: workers outlived the build"
        assert_one_builds_outputs(out)
    result = build(big_graph, out)
    assert result.counts["entities"] == ENTITIES
    assert not list(out.glob(".*.tmp")) and not list((out / ".cache" / "files").glob(".*.tmp"))


def test_importing_wmgraph_loads_nothing_until_a_name_is_used() -> None:
    script = ("import sys, wmgraph\n"
              "print(sorted(name for name in sys.modules if name.startswith('wmgraph')))\n"
              "print(wmgraph.build.__module__, sorted(name for name in sys.modules if name.startswith('typing')))\n")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert shown.splitlines()[0] == "['wmgraph', 'wmgraph._version']"
    assert shown.splitlines()[1].startswith("wmgraph.building.run ")


def test_ctrl_c_before_a_command_runs_is_one_line_and_exit_130() -> None:
    # the program's own start: Ctrl-C lands while the command line is being loaded
    script = ("import signal, sys\n"
              "from wmgraph.cli import run\n"
              "sys.argv = ['wmgraph', '--version']\n"
              "from wmgraph.cli import interrupts\n"
              "original = interrupts._signal.signal\n"
              "def install(number, handler):\n"
              "    original(number, handler)\n"
              "    signal.raise_signal(signal.SIGINT)\n"
              "interrupts._signal.signal = install\n"
              "run()\n"
              "print('not reached')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == \
        (130, "", "Error: interrupted: nothing was left half written\n")


def test_a_command_takes_charge_of_ctrl_c_and_ignores_it_once_returned() -> None:
    script = ("import signal\n"
              "from wmgraph.cli import interrupts\n"
              "interrupts.install()\n"
              "try:\n"
              "    with interrupts.CommandInCharge():\n"
              "        signal.raise_signal(signal.SIGINT)\n"
              "except KeyboardInterrupt:\n"
              "    print('the command cleans up')\n"
              "signal.raise_signal(signal.SIGINT)\n"
              "print('then exits as it meant to')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == \
        (0, "the command cleans up\nthen exits as it meant to\n", "")
