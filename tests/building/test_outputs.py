"""The outputs as one set: never written through a link, all new or all old, whole even after Ctrl-C."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph import OutputError, build
from wmgraph.building import outputs
from wmgraph.building.stamp import Stamp
from wmgraph.cli.main import main

from ..conftest import require_program


def outputs_of(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}


def edit(graph: Path) -> None:
    people = graph / "people.yaml"
    people.write_text(people.read_text().replace("Andy Street", "Andrew Street"))


def test_an_output_that_is_a_link_is_replaced_not_written_through(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    mine = tmp_path / "mine.ttl"
    mine.write_text("my own notes\n")
    (out / "wmgraph.ttl").unlink()
    (out / "wmgraph.ttl").symlink_to(mine)
    (out / "wmgraph.stamp").unlink()
    (out / "wmgraph.stamp").symlink_to(mine)
    build(mini_graph, out)
    assert mine.read_text() == "my own notes\n"
    assert not (out / "wmgraph.ttl").is_symlink() and (out / "wmgraph.ttl").read_text().startswith("@prefix")
    stamp = Stamp.read(out)
    assert not (out / "wmgraph.stamp").is_symlink() and stamp is not None and stamp.holds(out)


def test_an_output_linked_to_a_copy_of_itself_is_replaced_too(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    copy = tmp_path / "copy.nt"
    shutil.copy(out / "wmgraph.nt", copy)
    (out / "wmgraph.nt").unlink()
    (out / "wmgraph.nt").symlink_to(copy)
    result = build(mini_graph, out)
    assert result.changed == [out / "wmgraph.nt"] and not (out / "wmgraph.nt").is_symlink()


def test_an_immutable_output_stops_the_build_with_nothing_changed(mini_graph: Path, tmp_path: Path) -> None:
    chattr = require_program("chattr")
    out = tmp_path / "out"
    build(mini_graph, out)
    before = outputs_of(out)
    edit(mini_graph)
    subprocess.run([chattr, "+i", str(out / "wmgraph.nt")], check=True)
    try:
        result = CliRunner().invoke(main, ["build", "--graph", str(mini_graph), "--out", str(out)])
    finally:
        subprocess.run([chattr, "-i", str(out / "wmgraph.nt")], check=True)
    assert result.exit_code == 1
    assert result.output == (f"Error: cannot replace {out / 'wmgraph.nt'}: Operation not permitted; "
                             "no output was changed: fix the cause and build again\n")
    assert outputs_of(out) == before and not list(out.glob(".*.tmp"))
    build(mini_graph, out)
    assert b"Andrew Street" in (out / "wmgraph.nt").read_bytes()


def test_a_rename_that_fails_midway_puts_every_old_file_back(mini_graph: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    before = outputs_of(out)
    edit(mini_graph)
    real_replace = os.replace
    refused: list[str] = []

    def refuse_jsonld(source: str | Path, target: str | Path) -> None:
        if Path(target).name == "wmgraph.jsonld" and not refused:  # the third new file: two are in place
            refused.append(str(source))
            raise OSError(1, "Operation not permitted")
        real_replace(source, target)

    monkeypatch.setattr(outputs.os, "replace", refuse_jsonld)
    with pytest.raises(OutputError) as raised:
        build(mini_graph, out)
    assert str(raised.value) == (f"cannot write {out / 'wmgraph.jsonld'}: Operation not permitted; "
                                 "no output was changed: fix the cause and build again")
    assert outputs_of(out) == before and not list(out.glob(".*.tmp"))


def test_ctrl_c_while_outputs_are_put_in_place_lets_the_set_finish(mini_graph: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    edit(mini_graph)
    real_replace = os.replace
    interrupted: list[str] = []

    def ctrl_c_on_first(source: str | Path, target: str | Path) -> None:
        real_replace(source, target)
        if not interrupted and Path(target).parent == out:
            interrupted.append(Path(target).name)
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(outputs.os, "replace", ctrl_c_on_first)
    with pytest.raises(KeyboardInterrupt):
        build(mini_graph, out)
    assert interrupted == ["wmgraph.ttl"]
    stamp = Stamp.read(out)
    assert stamp is not None and stamp.holds(out)
    assert all(b"Andrew Street" in (out / name).read_bytes() for name in ("wmgraph.ttl", "wmgraph.nt",
                                                                          "wmgraph.jsonld", "wmgraph.html"))
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
