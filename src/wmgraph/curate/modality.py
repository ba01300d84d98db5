"""A proposal's status read from its words: a plan stays a plan, 'could' stays possible, a forecast a forecast."""

from __future__ import annotations

import re

# the first rule whose words stand in the clause decides; the order puts the weakest claim first
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((status, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for
                                                      status, words in (
    ("withdrawn", r"withdrawn|scrapped|cancelled|abandoned|dropped"),
    ("possible", r"could|might|may|possibly|possibility|potentially|would be able"),
    ("forecast", r"forecasts?|forecasting|predicts?|predicted|projected|projects to|estimated to"),
    ("pledged", r"pledged?|pledges|promised?|promises|committed to"),
    ("planned", r"plans?|planned|planning|intends?|intended|aims? to|targeting|targets|will|would|is to|are to|"
                r"to be|set to|proposed|lined up"),
    ("expected", r"expected|expects|likely|anticipated"),
    ("announced", r"announced|announces|unveiled"),
    ("under-way", r"under way|underway|in progress|being built|ongoing"),
))
_CLAUSE_END = re.compile(r"[;:]|, (?:but|while|whereas|and|with) |\. ")


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` holding the words from `start` to `end`."""
    before = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)]
    after = _CLAUSE_END.search(sentence, end)
    return sentence[before[-1] if before else 0: after.start() if after else len(sentence)]


def status_of(clause: str) -> tuple[str, str]:
    """(status, the words that gave it) for a clause; ('stated', '') when nothing hedges it."""
    for status, pattern in RULES:
        found = pattern.search(clause)
        if found:
            return status, found.group(0)
    return "stated", ""
