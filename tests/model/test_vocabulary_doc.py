"""docs/vocabulary.md is generated from graph/vocabulary.yaml; `make test` runs `wmgraph vocabulary --check`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from wmgraph.cli.main import main


def test_vocabulary_check_fails_when_the_reference_is_stale(mini_graph: Path, in_tmp: Path) -> None:
    assert CliRunner().invoke(main, ["vocabulary", "--graph", "graph", "--out", "vocab.md"]).exit_code == 0
    written = (in_tmp / "vocab.md").read_bytes()
    result = CliRunner().invoke(main, ["vocabulary", "--graph", "graph", "--out", "vocab.md", "--check"])
    assert (result.exit_code, result.output) == (0, "vocab.md is up to date.\n")
    vocabulary = mini_graph / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text() + (
        "  mentors:\n    label: mentors\n    property: wm:mentors\n"
        "    subject: [person]\n    object: [person]\n"))
    result = CliRunner().invoke(main, ["vocabulary", "--graph", "graph", "--out", "vocab.md", "--check"])
    assert (result.exit_code, result.output) == (1, "Error: vocab.md is not the reference of graph/vocabulary.yaml: "
                                                    "run `wmgraph vocabulary` without --check to write it.\n")
    assert (in_tmp / "vocab.md").read_bytes() == written


def test_vocabulary_command_writes_the_doc(mini_graph: Path, in_tmp: Path) -> None:
    result = CliRunner().invoke(main, ["vocabulary", "--graph", "graph", "--out", "vocab.md"])
    assert (result.exit_code, result.output) == (0, "Wrote vocab.md.\n")
    text = (in_tmp / "vocab.md").read_text()
    assert "| `pledges-jobs` | pledges jobs in | `wm:pledgesJobsIn` (default status `pledged`) |" in text
    assert "| `stated` (default) | stated | yes | no |" in text
    assert "| `jobs` | jobs | `wm:jobs` | integer |" in text
    again = CliRunner().invoke(main, ["vocabulary", "--graph", "graph", "--out", "vocab.md"])
    assert (again.exit_code, again.output) == (0, "vocab.md is up to date.\n")


def test_new_relation_type_needs_no_code(mini_graph: Path, in_tmp: Path) -> None:
    vocabulary = mini_graph / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text() + (
        "  mentors:\n    label: mentors\n    property: wm:mentors\n"
        "    subject: [person]\n    object: [person]\n"))
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text() + (
        "neil-rami:\n  type: person\n  name: Neil Rami\n  source: jobs-article\n"
        "  facts:\n    - mentors: andy-street\n      source: jobs-article\n"))
    result = CliRunner().invoke(main, ["build", "--graph", "graph", "--out", "out"])
    assert result.exit_code == 0, result.output
    turtle = (in_tmp / "out" / "wmgraph.ttl").read_text()
    assert "ent:neil-rami\n" in turtle and "wm:mentors ent:andy-street" in turtle
