"""The modality check of `validate`: stated facts whose quotes speak of what is not (yet) so."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.analysis.modality import modality_warnings
from wmgraph.cli.main import main
from wmgraph.model.checking import load_model
from wmgraph.model.model import Fact, Location, Model
from wmgraph.model.vocabulary import read_vocabulary

BAD = Path(__file__).resolve().parents[1] / "data" / "bad" / "modality"
CASES = sorted(BAD.glob("*.yaml"))  # each a fact file added to the mini graph, with the warnings it gives
MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
WHERE = Location("graph/f.yaml", 3, 7)


def expected_lines(case: Path) -> list[str]:
    prefix = "# expect: "
    return [line[len(prefix):] for line in case.read_text().splitlines() if line.startswith(prefix)]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_each_warning_names_the_fact_the_words_and_what_to_write(case: Path, mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / case.name).write_bytes(case.read_bytes())
    text = case.with_suffix(".txt")
    if text.exists():  # the case's own source, for words the mini graph's article does not hold
        (mini_graph / "texts" / text.name).write_bytes(text.read_bytes())
        with (mini_graph / "sources.yaml").open("a") as sources:
            sources.write(f"{case.stem}:\n  title: {case.stem}\n  date: 2024-01\n  text: texts/{text.name}\n")
    result = CliRunner().invoke(main, ["validate", "--graph", "graph"])
    expected = expected_lines(case)
    assert expected, f"{case.name} has no '# expect:' lines"
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[:-1] == expected and lines[-1].startswith("graph is valid: ")


def warned(quote: str, relation: str = "based-in", obj: str | None = "b", status: str = "stated") -> list[str]:
    """The messages the check gives one fact with `quote`."""
    model = Model(read_vocabulary(MINI / "vocabulary.yaml"))
    model.facts.append(Fact("a.r.b", "a", relation, obj, relation != "said", (), ("s",), WHERE, quote=quote,
                            status=status))
    return [warning.message for warning in modality_warnings(model)]


def test_possibility_and_condition_words_are_found_and_a_month_or_a_name_is_not() -> None:
    assert warned("a hub that could open if funded") == [
        "'based-in' fact is stated as so, but its quote speaks of a condition and a possibility ('if', 'could')"]
    assert warned("it may open, and it might not") == [
        "'based-in' fact is stated as so, but its quote speaks of a possibility ('may', 'might')"]
    assert warned("opened in May 2023, said Will Jones") == []
    assert warned("It Is Set To open") == [
        "'based-in' fact is stated as so, but its quote speaks of the future ('Is Set To')"]


def test_only_a_fact_with_the_default_status_is_checked() -> None:
    assert warned("will open next year", status="planned") == []
    assert warned("will open next year", status="done") == []
    assert len(warned("will open next year")) == 1


def test_the_words_a_person_is_quoted_as_saying_are_theirs() -> None:
    assert warned("we will grow", relation="said", obj="we will grow") == []
    assert warned("she said prices will rise", relation="said", obj="prices rose") != []


def test_the_check_reads_every_fact_of_a_large_graph_once(mini_graph: Path) -> None:
    model = load_model(mini_graph)
    fact = Fact("a.r.b", "a", "based-in", "b", True, (), ("s",), WHERE, quote="will open next year",
                status="stated")
    model.facts = [fact._replace(key=f"a.r.b.{n}", location=Location("graph/f.yaml", n, 7)) for n in range(1, 10001)]
    warnings = modality_warnings(model)
    assert len(warnings) == 10000 and [w.line for w in warnings[:3]] == [1, 2, 3]
