"""The stamp never calls current what the checks refuse, nor skips a folder named like a fact file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main


def fifo(graph: Path, outside: Path) -> None:
    os.mkfifo(graph / "pipe.yaml")


def link_outside(graph: Path, outside: Path) -> None:
    (outside / "elsewhere.yaml").write_text("{}\n")
    (graph / "elsewhere.yaml").symlink_to(outside / "elsewhere.yaml")


def link_loop(graph: Path, outside: Path) -> None:
    (graph / "loop.yaml").symlink_to(graph / "loop.yaml")


def folder(graph: Path, outside: Path) -> None:
    (graph / "zz-dir.yaml").mkdir()


@pytest.mark.parametrize("add", [fifo, link_outside, link_loop, folder])
def test_what_validate_refuses_is_never_current(mini_graph: Path, in_tmp: Path,
                                                add: Callable[[Path, Path], None]) -> None:
    graph = mini_graph.relative_to(in_tmp)
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--graph", str(graph), "--out", "out"]).exit_code == 0
    add(graph, in_tmp)
    refused = runner.invoke(main, ["validate", "--graph", str(graph)])
    built = runner.invoke(main, ["build", "--graph", str(graph), "--out", "out"])
    assert refused.exit_code == built.exit_code == 1
    assert built.output == refused.output and built.output.startswith("Error: 1 problem found in the fact files:\n")
    assert "not a regular file" in built.output or "symbolic link" in built.output


def test_a_folder_named_like_a_fact_file_is_reported(mini_graph: Path, in_tmp: Path) -> None:
    graph = mini_graph.relative_to(in_tmp)
    (graph / "zz-dir.yaml").mkdir()
    result = CliRunner().invoke(main, ["validate", "--graph", str(graph)])
    assert result.exit_code == 1
    assert result.output == ("Error: 1 problem found in the fact files:\n"
                             f"{graph}/zz-dir.yaml:1:1: a folder, not a regular file "
                             "(replace it with a plain YAML file, or remove it)\n")
