"""What a graph folder may hold besides fact files, and problems whose cause is in another file."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail, rather than wait for ever, if a check opens a FIFO."""
    def hung(signum: int, frame: object) -> None:
        raise AssertionError("the check hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def validate(graph: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", "--graph", graph.name])
    return result.exit_code, result.output


def refused(*lines: str) -> tuple[int, str]:
    noun = "problem" if len(lines) == 1 else "problems"
    return 1, f"Error: {len(lines)} {noun} found in the fact files:\n" + "".join(line + "\n" for line in lines)


FIFO_HINT = "(replace it with a plain YAML file, or remove it)"


def test_a_fifo_among_the_fact_files_is_refused_unopened(mini_graph: Path, in_tmp: Path) -> None:
    os.mkfifo(mini_graph / "pipe.yaml")
    assert validate(mini_graph) == refused(f"graph/pipe.yaml:1:1: a FIFO (named pipe), not a regular file {FIFO_HINT}")


def test_a_fifo_as_the_sources_file_is_refused_and_holds_back_its_knock_ons(mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "sources.yaml").unlink()
    os.mkfifo(mini_graph / "sources.yaml")
    assert validate(mini_graph) == refused(
        "graph/sources.yaml:1:1: a FIFO (named pipe), not a regular file (replace it with a plain YAML file, or "
        "remove it; until it is fixed, 13 source references go unreported)")


def test_a_fifo_as_the_vocabulary_is_refused_unopened(mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "vocabulary.yaml").unlink()
    os.mkfifo(mini_graph / "vocabulary.yaml")
    assert validate(mini_graph) == refused(
        f"graph/vocabulary.yaml:1:1: a FIFO (named pipe), not a regular file {FIFO_HINT}")


def test_a_fifo_that_is_not_a_fact_file_is_left_alone(mini_graph: Path, in_tmp: Path) -> None:
    os.mkfifo(mini_graph / "notes.txt")
    assert validate(mini_graph) == (0, "graph is valid: 6 entities, 6 facts, 2 sources.\n")


def test_a_symbolic_link_loop_is_refused_without_a_traceback(mini_graph: Path, in_tmp: Path) -> None:
    os.symlink("loop.yaml", mini_graph / "loop.yaml")
    os.symlink("b.yaml", mini_graph / "a.yaml")
    os.symlink("a.yaml", mini_graph / "b.yaml")
    os.symlink("d2", mini_graph / "d1")  # folders linked in a ring: never read, so never refused
    os.symlink("d1", mini_graph / "d2")
    hint = "(point it at a real file, or remove it)"
    assert validate(mini_graph) == refused(
        f"graph/a.yaml:1:1: symbolic link loops back on itself {hint}",
        f"graph/b.yaml:1:1: symbolic link loops back on itself {hint}",
        f"graph/loop.yaml:1:1: symbolic link loops back on itself {hint}")


def test_a_dangling_link_and_a_folder_named_like_a_fact_file(mini_graph: Path, in_tmp: Path) -> None:
    os.symlink("gone.yaml", mini_graph / "link.yaml")
    (mini_graph / "folder.yaml").mkdir()
    assert validate(mini_graph) == refused(
        f"graph/folder.yaml:1:1: a folder, not a regular file {FIFO_HINT}",
        "graph/link.yaml:1:1: symbolic link leads nowhere (to gone.yaml) (point it at a real file, or remove it)")


def test_a_deleted_sources_file_is_named_once_as_the_cause(mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "sources.yaml").unlink()
    assert validate(mini_graph) == refused(
        "graph/sources.yaml: no sources file, so no cited source can be checked (restore it, or write it with the "
        "13 source references the fact files cite)")


def test_a_syntax_error_is_the_cause_and_its_knock_ons_are_counted(mini_graph: Path, in_tmp: Path) -> None:
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text() + "    - spoke-at: missing-event\n      source: jobs-article\n")
    organisations = mini_graph / "organisations.yaml"
    organisations.write_text(organisations.read_text().replace("  name: Version 1", "  name Version 1", 1))
    assert validate(mini_graph) == refused(
        "graph/organisations.yaml:4:3: YAML syntax error: could not find expected ':' (check indentation, colons "
        "and quotes; until it is fixed, 2 references to entities defined nowhere else go unreported)")


def test_a_fact_file_that_is_a_list_is_the_cause_of_its_knock_ons(mini_graph: Path, in_tmp: Path) -> None:
    organisations = mini_graph / "organisations.yaml"
    organisations.write_text("- just\n- a list\n")
    assert validate(mini_graph) == refused(
        "graph/organisations.yaml:1:1: a fact file must map entity ids to entities (write 'my-entity:' followed by "
        "'type:' and 'name:'; until it is fixed, 1 reference to an entity defined nowhere else goes unreported)")


def test_knock_ons_are_reported_once_the_cause_is_fixed(mini_graph: Path, in_tmp: Path) -> None:
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text() + "    - spoke-at: missing-event\n      source: jobs-article\n")
    assert validate(mini_graph) == refused(
        "graph/people.yaml:12:7: unknown entity 'missing-event' (define it in a fact file or correct the id)")
