"""`wmgraph duplicates --review`: the pairs judged one by one, each judgement written at once."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from click.testing import CliRunner

from wmgraph.analysis.decisions import read_decisions
from wmgraph.cli.main import main

# near-duplicates of the mini graph's entities (a university, a company, an initiative)
PLANTED = (Path(__file__).resolve().parents[1] / "data" / "planted-duplicates.yaml").read_text(encoding="utf-8")
PROMPT = "one entity? same, different, unsure, skip or quit: "
FIRST = """\
[1/3] 0.97  birmingham-uni 'Birmingham Uni' ~ university-of-birmingham 'Birmingham University'
            +0.60 names the same once case, punctuation and suffixes are set aside; +0.10 same type (university); \
+0.20 shared neighbour: West Midlands Health Tech Innovation Accelerator (2 links); \
+0.07 shared source: jobs-article (7 entities)
"""
SECOND = """\
0.70  version-1 'Version 1' ~ version-one 'Version 1 Limited'
            +0.60 names the same once case, punctuation and suffixes are set aside; +0.10 same type (company); \
no shared neighbour; no shared source
"""
THIRD = """\
[3/3] 0.40  wmhtia 'West Midlands Health Tech Innovation Accelerator' ~ wmhtia-2 'West Midlands Health Tech \
Innovation Accelerator Ltd'
            +0.60 names the same once case, punctuation and suffixes are set aside; \
-0.20 different kinds of thing (initiative, company); no shared neighbour; no shared source
"""


def _planted(mini_graph: Path) -> Path:
    (mini_graph / "planted.yaml").write_text(PLANTED, encoding="utf-8")
    return mini_graph


def _review(graph: Path, answers: str | io.BufferedIOBase, *more: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["duplicates", "--graph", str(graph), "--review", *more], input=answers)
    return result.exit_code, result.output


def _judged(graph: Path) -> list[tuple[tuple[str, str], str, str, str, str]]:
    return [(d.pair, d.decision, d.by, d.on, d.score) for d in read_decisions(graph)]


def test_each_pair_is_shown_best_first_and_each_judgement_written(mini_graph: Path) -> None:
    graph = _planted(mini_graph)
    assert _review(graph, "maybe\nsame\nskip\nDifferent\n", "--by", "Ann Analyst") == (0, f"""\
3 candidate pairs to judge, best first; each judgement is written to {graph}/decisions.yaml as it is made
{FIRST}{PROMPT}maybe
Error: 'maybe' is not one of 'same', 'different', 'unsure', 'skip', 'quit'.
{PROMPT}same
recorded: same; next: wmgraph merge university-of-birmingham birmingham-uni (the id to keep first)
[2/3] {SECOND}{PROMPT}skip
skipped
{THIRD}{PROMPT}Different
recorded: different
2 judgements recorded, 1 skipped, 0 left for later
""")
    today = datetime.date.today().isoformat()
    assert _judged(graph) == [
        (("birmingham-uni", "university-of-birmingham"), "same", "Ann Analyst", today, "0.97"),
        (("wmhtia", "wmhtia-2"), "different", "Ann Analyst", today, "0.4")]
    # a judged pair is never shown again; the skipped one is
    assert _review(graph, "unsure\n", "--by", "Bo") == (0, f"""\
1 candidate pair to judge, best first; each judgement is written to {graph}/decisions.yaml as it is made
[1/1] {SECOND}{PROMPT}unsure
recorded: unsure
1 judgement recorded, 0 skipped, 0 left for later
""")
    assert _judged(graph)[-1] == (("version-1", "version-one"), "unsure", "Bo", today, "0.7")
    assert _review(graph, "", "--by", "Bo") == (0, "no candidate pairs left to judge\n")


def test_quit_and_the_end_of_the_input_keep_what_was_recorded(mini_graph: Path) -> None:
    graph = _planted(mini_graph)
    shown = (f"3 candidate pairs to judge, best first; each judgement is written to {graph}/decisions.yaml "
             "as it is made\n")
    assert _review(graph, "same\nquit\n", "--by", "Ann") == (0, f"""\
{shown}{FIRST}{PROMPT}same
recorded: same; next: wmgraph merge university-of-birmingham birmingham-uni (the id to keep first)
[2/3] {SECOND}{PROMPT}quit
1 judgement recorded, 0 skipped, 2 left for later
""")
    assert [judged[:2] for judged in _judged(graph)] == [(("birmingham-uni", "university-of-birmingham"), "same")]
    assert _review(graph, "skip\n", "--by", "Ann") == (0, f"""\
{shown.replace("3 candidate", "2 candidate")}[1/2] {SECOND}{PROMPT}skip
skipped
{THIRD.replace("[3/3]", "[2/2]")}{PROMPT}
0 judgements recorded, 1 skipped, 1 left for later
""")
    assert len(_judged(graph)) == 1


class _CtrlCAfter(io.RawIOBase):
    """Standard input that gives its lines, then raises KeyboardInterrupt as Ctrl-C at a prompt does."""

    def __init__(self, text: str) -> None:
        self.left = text.encode()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if not self.left:
            raise KeyboardInterrupt
        line, self.left = self.left[:1], self.left[1:]
        buffer[:1] = line
        return 1


def test_ctrl_c_at_a_prompt_keeps_what_was_recorded(mini_graph: Path) -> None:
    graph = _planted(mini_graph)
    code, output = _review(graph, io.BufferedReader(_CtrlCAfter("different\n"), 1), "--by", "Ann")
    assert (code, output) == (130, f"""\
3 candidate pairs to judge, best first; each judgement is written to {graph}/decisions.yaml as it is made
{FIRST}{PROMPT}different
recorded: different
[2/3] {SECOND}{PROMPT}
Error: interrupted: 1 judgement recorded, 0 skipped, 2 left for later
""")
    assert [judged[:2] for judged in _judged(graph)] == [
        (("birmingham-uni", "university-of-birmingham"), "different")]


def test_review_needs_a_name_and_goes_alone(mini_graph: Path) -> None:
    usage = "Usage: main duplicates [OPTIONS]\nTry 'main duplicates --help' for help.\n\n"
    assert _review(mini_graph, "") == (2, usage + "Error: --review needs --by NAME: who made the judgement\n")
    assert _review(mini_graph, "", "--by", "Ann", "--decide", "a", "b", "same") == (
        2, usage + "Error: --decide and --review do not go together: judge one pair, or review them all\n")
    assert not (mini_graph / "decisions.yaml").exists()

