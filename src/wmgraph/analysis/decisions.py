"""`decisions.yaml`: judgements on candidate duplicates (same, different, unsure), kept in git beside the facts.

Each entry names a pair of entity ids, the judgement, who made it, when, and the score the pair had
then. `duplicates` skips every judged pair and `validate` stops warning about a pair judged different.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_atomic
from ..errors import Problem, ValidationError, display_path
from ..load.values import check_date
from ..load.yamlfile import MarkedDict, MarkedList, read_yaml
from ..model.files import DECISIONS_FILE

JUDGEMENTS = ("same", "different", "unsure")
KEYS = ("pair", "decision", "by", "on", "score")
HEADER = ("# Judgements on candidate duplicates, recorded by `wmgraph duplicates --review` or\n"
          "# `wmgraph duplicates --decide A B same|different|unsure`.\n"
          "# `duplicates` skips every pair here; `validate` does not warn about a pair judged different.\n")


@dataclass(frozen=True)
class Decision:
    """One judgement on a pair of entities."""

    first: str
    second: str
    decision: str
    by: str
    on: str  # a date
    score: str  # the pair's score when judged, as written

    @property
    def pair(self) -> tuple[str, str]:
        """The two ids, sorted."""
        return (min(self.first, self.second), max(self.first, self.second))


def _entry(entry: object, mark: tuple[int, int], shown: str, problems: list[Problem]) -> Decision | None:
    def problem(where: tuple[int, int], message: str, hint: str) -> None:
        problems.append(Problem(shown, where[0], where[1], message, hint))

    if not isinstance(entry, MarkedDict):
        problem(mark, "a decision must be a mapping", "write '- pair: [a, b]' then 'decision:', 'by:' and 'on:'")
        return None
    before = len(problems)
    for key in entry:
        if key not in KEYS:
            problem(entry.mark_of(key), f"unknown key '{key}' in a decision", "one of: " + ", ".join(KEYS))
    pair = entry.get("pair")
    if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(k, str) and k for k in pair) \
            or pair[0] == pair[1]:
        problem(entry.mark_of("pair"), "'pair' must be two different entity ids", "write 'pair: [a, b]'")
    if entry.get("decision") not in JUDGEMENTS:
        problem(entry.mark_of("decision"), f"'decision' must be one of: {', '.join(JUDGEMENTS)}, "
                f"got '{entry.get('decision')}'", "write what you judged the pair to be")
    if not isinstance(entry.get("by"), str) or not entry["by"].strip():
        problem(entry.mark_of("by"), "a decision needs 'by', who made it", "add 'by: NAME'")
    if check_date(entry.get("on"))[1]:
        problem(entry.mark_of("on"), f"'on' must be a date like 2026-01-31, got '{entry.get('on')}'",
                "write the day of the decision")
    if len(problems) > before or not isinstance(pair, list):
        return None
    return Decision(str(pair[0]), str(pair[1]), str(entry["decision"]), str(entry["by"]).strip(),
                    str(entry["on"]), str(entry.get("score", "")))


def read_decisions(graph_dir: Path) -> list[Decision]:
    """The decisions of `graph_dir` (none if it has no decisions file), or raise with every problem located."""
    path = graph_dir / DECISIONS_FILE
    if not path.exists():
        return []
    shown = display_path(path, graph_dir)
    data, problems = read_yaml(path, shown)
    if problems:
        raise ValidationError(problems)
    if data is None:
        return []
    if not isinstance(data, MarkedList):
        raise ValidationError([Problem(shown, 1, 1, "the decisions file must be a list of decisions",
                                       "start each with '- pair: [a, b]'")])
    decisions = [_entry(entry, data.mark_of(index), shown, problems) for index, entry in enumerate(data)]
    if problems:
        raise ValidationError(problems)
    return [decision for decision in decisions if decision is not None]


def judged_different(graph_dir: Path) -> list[tuple[str, str]]:
    """The pairs whose latest decision is 'different'."""
    latest = {decision.pair: decision.decision for decision in read_decisions(graph_dir)}
    return [pair for pair, decision in latest.items() if decision == "different"]


def record_decision(graph_dir: Path, first: str, second: str, decision: str, by: str, score: float | None,
                    today: datetime.date | None = None) -> Decision:
    """Append a decision to the decisions file (created if absent), its other text kept as written."""
    read_decisions(graph_dir)  # refuse to add to a file with mistakes
    if decision not in JUDGEMENTS:
        raise ValidationError([Problem("--decide", 0, 0, f"unknown decision '{decision}'",
                                       "one of: " + ", ".join(JUDGEMENTS))])
    made = Decision(first, second, decision, by, (today or datetime.date.today()).isoformat(),
                    "" if score is None else f"{score:.2f}")
    path = graph_dir / DECISIONS_FILE
    old = path.read_text(encoding="utf-8") if path.exists() else HEADER
    entry = (f"- pair: [{first}, {second}]\n  decision: {decision}\n  by: {json.dumps(by, ensure_ascii=False)}\n"
             f"  on: {made.on}\n"
             + (f"  score: {made.score}\n" if made.score else ""))
    write_atomic(path, (old + ("" if old.endswith("\n") else "\n") + entry).encode("utf-8"))
    return made
