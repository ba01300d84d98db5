"""`validate` warns about an alias that no stored text of its entity's sources holds, unless answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.analysis.validation import alias_warnings
from wmgraph.cli.main import main
from wmgraph.model.checking import load_model

BAD = Path(__file__).resolve().parents[1] / "data" / "bad" / "aliases"
CASES = sorted(BAD.glob("*.yaml"))  # each a fact file added to the mini graph, with the warnings it gives


def expected_lines(case: Path) -> list[str]:
    prefix = "# expect: "
    return [line[len(prefix):] for line in case.read_text().splitlines() if line.startswith(prefix)]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_each_alias_warning_names_the_alias_where_it_is_written(case: Path, mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / case.name).write_bytes(case.read_bytes())
    result = CliRunner().invoke(main, ["validate", "--graph", "graph"])
    expected = expected_lines(case)
    assert expected, f"{case.name} has no '# expect:' lines"
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[:-1] == expected and lines[-1].startswith("graph is valid: ")


def test_an_alias_the_text_holds_only_inside_a_word_is_warned_about(mini_graph: Path) -> None:
    organisations = mini_graph / "organisations.yaml"
    organisations.write_text(organisations.read_text().replace("aliases: [WMHTIA]", "aliases: [WMHTIA, Tech]"))
    assert [w.message for w in alias_warnings(load_model(mini_graph))] == []  # 'Tech' is a word of the text
    organisations.write_text(organisations.read_text().replace("[WMHTIA, Tech]", "[WMHTIA, Techn]"))
    assert [w.message for w in alias_warnings(load_model(mini_graph))] == [
        "alias 'Techn' of 'wmhtia' is in no text of its sources"]


def test_an_answered_alias_is_warned_about_once_its_answer_is_removed(mini_graph: Path) -> None:
    organisations = mini_graph / "organisations.yaml"
    assert alias_warnings(load_model(mini_graph)) == []
    text = organisations.read_text()
    start = text.index("  alias-ok:\n    WMHTIA:")
    organisations.write_text(text[:start] + text[text.index("\n", text.index("WMHTIA:", start)) + 1:])
    [warning] = alias_warnings(load_model(mini_graph))
    assert (warning.file, warning.message) == ("graph/organisations.yaml",
                                               "alias 'WMHTIA' of 'wmhtia' is in no text of its sources")
