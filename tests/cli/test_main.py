"""The command group: every command listed without importing it, each run by name; progress on a terminal."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.building import BuildProgress
from wmgraph.cli.main import COMMANDS, main
from wmgraph.cli.progress import TerminalProgress


class FakeTerminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_every_command_is_listed_and_runs() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["--help"])
    assert listed.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in listed.output
    for name in sorted(COMMANDS):
        helped = runner.invoke(main, [name, "--help"])
        assert helped.exit_code == 0 and helped.output.startswith(f"Usage: main {name} "), name
    assert runner.invoke(main, ["nonsense"]).exit_code == 2


@pytest.mark.slow
def test_python_m_wmgraph_is_the_command() -> None:
    run = subprocess.run([sys.executable, "-m", "wmgraph", "--help"], capture_output=True, text=True, check=True)
    assert run.stdout.startswith("Usage: python -m wmgraph [OPTIONS] COMMAND [ARGS]...")
    assert all(f"  {name} " in run.stdout for name in COMMANDS)


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


def test_build_cli_quiet_and_piped_print_no_progress(mini_graph: Path, tmp_path: Path) -> None:
    for extra in ([], ["--quiet"]):
        out = tmp_path / f"out-{len(extra)}"
        result = CliRunner().invoke(main, ["build", "--graph", str(mini_graph), "--out", str(out), *extra])
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        assert result.stdout.startswith("Built 6 entities, ")


def test_an_error_quoting_a_fact_file_reaches_the_terminal_escaped(mini_graph: Path) -> None:
    # a relation written with a direction override in it: the message quotes it, escaped, never obeyed
    (mini_graph / "stray.yaml").write_text("stray:\n  type: person\n  name: Stray\n  source: jobs-article\n"
                                          "  facts:\n    - works\u202efor: version-1\n      source: jobs-article\n")
    result = CliRunner().invoke(main, ["validate", "--graph", str(mini_graph)])
    assert result.exit_code == 1
    assert "unknown relation 'works\\u202efor'" in result.output and "\u202e" not in result.output
