"""Figures in an article's words: money, counts and shares, normalised, with the words kept."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000,
          "bn": 1_000_000_000, "billion": 1_000_000_000}
_CURRENCY = {"£": "GBP", "€": "EUR", "$": "USD"}
_APPROX = r"(?:(more than|over|almost|nearly|up to|around|about|at least|some|roughly|close to|in excess of) )?"
MONEY = re.compile(_APPROX + r"([£€$])\s?(\d[\d,]*(?:\.\d+)?)\s?(bn|billion|mn|m|million|k|thousand)?\b")
COUNT = re.compile(_APPROX + r"(?<![£€$\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\s?%)"
                   r"(?![\d,.]*\s?(?:bn|m|million|billion)\b) ((?:[a-z-]+ ){0,3}?(?:[a-z-]+s|staff|people))\b")
SHARE = re.compile(_APPROX + r"(\d+(?:\.\d+)?)\s?(%|per ?cent)")
JOB_WORDS = ("jobs", "roles", "posts", "positions", "vacancies")


@dataclass(frozen=True)
class Figure:
    """One figure: what kind, its value, currency for money, the approximation words, where it stands."""

    kind: str  # "money", "count" or "share"
    value: float
    start: int
    end: int
    words: str
    approx: str = ""
    currency: str = ""
    noun: str = ""  # for a count, the words that say what is counted


def figures(sentence: str) -> list[Figure]:
    """Every money amount, count and share in `sentence`, in order."""
    found = []
    for match in MONEY.finditer(sentence):
        value = float(match.group(3).replace(",", "")) * _SCALE.get((match.group(4) or "").lower(), 1)
        found.append(Figure("money", value, match.start(), match.end(), match.group(0), match.group(1) or "",
                            _CURRENCY[match.group(2)]))
    for match in SHARE.finditer(sentence):
        found.append(Figure("share", round(float(match.group(2)) / 100, 6), match.start(), match.end(),
                            match.group(0), match.group(1) or ""))
    for match in COUNT.finditer(sentence):
        number = int(match.group(2).replace(",", ""))
        if 1900 <= number <= 2100 and "," not in match.group(2):
            continue  # a year
        found.append(Figure("count", number, match.start(), match.end(), match.group(0), match.group(1) or "",
                            noun=match.group(3)))
    return sorted(found, key=lambda f: f.start)


def number_value(value: float) -> int | float:
    """A whole number as an int, else the float."""
    return int(value) if value == int(value) else value
