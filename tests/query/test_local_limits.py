"""The embedded engine under hostile queries: --timeout and Ctrl-C stop it, deep nesting and SERVICE are refused.

A local pyoxigraph query cannot be interrupted from Python, so it runs in a child process;
these tests run real queries that would otherwise run for hours, and real signals.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.errors import QueryError
from wmgraph.query.child import run_in_child

from ..conftest import MINI, alive, require_linux

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def query(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["query", "--graph", str(MINI), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.slow
def test_timeout_stops_a_local_query(tmp_path: Path) -> None:
    started = time.monotonic()
    code, output = query("-e", CROSS, "--timeout", "1", "--out", str(tmp_path))
    elapsed = time.monotonic() - started
    assert (code, output) == (2, "Error: query '-e' did not finish within 1 s and was stopped "
                                 "(give a larger --timeout, or narrow the query)\n")
    assert elapsed < 10, elapsed  # stopped: the cross product alone runs for minutes


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(n) for n in text.split()]


def _start(tmp_path: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Start `wmgraph query` on the cross product; return it and its child's pid, once the child runs."""
    process = subprocess.Popen([sys.executable, "-m", "wmgraph", "query", "-e", CROSS, "--graph", str(MINI),
                                "--out", str(tmp_path), "--timeout", "60"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        children = _children(process.pid)
        if children:
            time.sleep(0.3)  # let the child load the graph and get into the query
            return process, children[0]
        if process.poll() is not None:
            pytest.fail(f"wmgraph exited early: {process.communicate()}")
        time.sleep(0.05)
    process.kill()
    pytest.fail("the query's child process never started")


@pytest.mark.slow
def test_ctrl_c_stops_a_local_query(tmp_path: Path) -> None:
    require_linux("reads /proc")
    process, child = _start(tmp_path)
    os.kill(process.pid, signal.SIGINT)
    try:
        out, err = process.communicate(timeout=5)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (130, b"", b"Error: interrupted (Ctrl-C): stopped\n")
    assert not alive(child)


@pytest.mark.slow
def test_the_child_dies_with_a_killed_parent(tmp_path: Path) -> None:
    require_linux("reads /proc; the kernel's parent-death signal")
    process, child = _start(tmp_path)
    process.kill()
    process.communicate()
    deadline = time.monotonic() + 3
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(child)


def _segfault() -> None:
    ctypes.string_at(0)


def test_a_crashing_engine_is_one_message() -> None:
    with pytest.raises(QueryError) as caught:
        run_in_child(_segfault, (), 10, "query 'x'")
    assert str(caught.value) == ("the query engine crashed while answering query 'x' (killed by SIGSEGV); "
                                 "simplify the query")


@pytest.mark.parametrize(("text", "depth"), [
    ("SELECT * WHERE " + "{" * 2500 + " ?s ?p ?o " + "}" * 2500, 2500),
    ("SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "?o" + ")" * 5000 + ") }", 5002),
])
def test_deep_nesting_is_refused_before_parsing(text: str, depth: int, tmp_path: Path) -> None:
    assert query("-e", text, "--out", str(tmp_path)) == (2, (
        f"Error: query '-e' nests braces and parentheses {depth} levels deep; wmgraph refuses more than 200 "
        "(the SPARQL parser would run out of stack)\n"))


def test_nesting_within_the_limit_is_answered(tmp_path: Path) -> None:
    text = "SELECT (COUNT(*) AS ?n) WHERE " + "{" * 150 + " ?s a ?t " + "}" * 150
    code, output = query("-e", text, "--out", str(tmp_path), "--format", "tsv")
    assert code == 0 and output.startswith("?n\n")


def test_service_is_opt_in(tmp_path: Path) -> None:
    text = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    code, output = query("-e", text, "--out", str(tmp_path))
    assert code == 2
    assert output.endswith("Error: query '-e' has a SERVICE clause, which would send requests to other hosts: "
                           "give --allow-service to let it\n")
    # the word in a string, an IRI or a comment, or as a variable, is no SERVICE clause
    harmless = 'SELECT ?service WHERE { ?service <http://e/SERVICE> "SERVICE" } # SERVICE'
    assert query("-e", harmless, "--out", str(tmp_path)) == (0, "service\n")


def test_a_dead_service_is_one_message(tmp_path: Path) -> None:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once closed
    for target, detail in ((f"http://127.0.0.1:{port}/sparql", ""),
                           ("http://127.0.0.1:9/sparql", "The port 9 is not allowed for HTTP(S)")):
        text = f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
        code, output = query("-e", text, "--allow-service", "--out", str(tmp_path))
        assert code == 2
        assert output.startswith("Error: query '-e' failed: ") and output.count("\n") == 1, output
        assert detail in output
