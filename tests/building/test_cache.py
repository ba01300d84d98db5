"""The build cache never runs code from an entry, never follows a link out, and deletes only its own entries."""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path

from wmgraph import build


class Runs:
    """A pickle that, when unpickled, creates a file: what a hostile entry would do with a command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (str(self.marker), "w")


def entries(out: Path) -> list[Path]:
    return sorted(path for path in (out / ".cache" / "files").iterdir() if not path.name.startswith("."))


def test_an_entry_holding_a_pickle_never_runs_it(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    fresh = {name: (out / name).read_bytes() for name in ("wmgraph.ttl", "wmgraph.nt")}
    marker = tmp_path / "ran"
    for entry in entries(out):
        data = entry.read_bytes()
        named = data.index(entry.name.encode()) + len(entry.name)  # the head: a magic line, then the name
        body = pickle.dumps(Runs(marker))
        entry.write_bytes(data[:named] + zlib.crc32(body).to_bytes(4, "big") + body)  # the right CRC
    (out / "wmgraph.stamp").unlink()
    result = build(mini_graph, out)
    assert not marker.exists()
    assert result.cached_files == 0 and result.parsed_files == len(entries(out))
    assert {name: (out / name).read_bytes() for name in fresh} == fresh


def test_a_cache_linked_out_of_the_output_folder_is_never_used_nor_pruned(mini_graph: Path, tmp_path: Path) -> None:
    mine = tmp_path / "my-files"
    mine.mkdir()
    (mine / "letter.txt").write_text("keep me\n")
    (mine / ("a" * 64)).write_text("named like an entry, and mine\n")
    for linked in (".cache/files", ".cache"):
        out = tmp_path / f"out-{linked.count('/')}"
        (out / linked).parent.mkdir(parents=True)
        (out / linked).symlink_to(mine)
        result = build(mini_graph, out)
        assert result.notes == [f"the build cache {out / linked} is a symbolic link, which the build never "
                                "follows: built without it"]
        assert sorted(path.name for path in mine.iterdir()) == ["a" * 64, "letter.txt"]
        assert (mine / "letter.txt").read_text() == "keep me\n"


def test_pruning_deletes_only_the_entries_it_wrote(mini_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini_graph, out)
    before = entries(out)
    files = out / ".cache" / "files"
    (files / "notes.txt").write_text("mine\n")
    (files / ("b" * 64)).write_text("named like an entry, and mine\n")
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text().replace("Andy Street", "Andrew Street"))
    build(mini_graph, out)
    after = entries(out)
    assert (files / "notes.txt").read_text() == "mine\n" and (files / ("b" * 64)).exists()
    gone = set(before) - set(after)
    assert len(gone) == 1 and len(after) == len(before) + 2  # the edited file's old entry, replaced
