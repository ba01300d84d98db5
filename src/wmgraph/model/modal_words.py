"""The modal words: what a source's words say of a thing's being so, and the status they give a fact.

One list read two ways. The modality check of `validate` warns about a fact stated as so whose
quote holds words of the `checked` kinds, naming what they speak of and their status as the one
to write instead. The drafter gives a proposed fact the status of the `drafted` words its clause
holds, the weakest claim first (`status_of`).

    >>> status_of("The project could also receive another £25m")
    ('possible', 'could')
    >>> [(found.words, found.kind.status) for found in modal_words("It is set to open in May 2025")]
    [('is set to', 'expected')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """Words of one kind: the status they give, what they speak of, and which of the two readers reads them."""

    status: str
    speaks_of: str  # as the check says it: "its quote speaks of the future"
    words: tuple[str, ...]  # regular expressions over lower-case text, each beginning with a plain letter
    checked: bool = True  # False: too common in plain statements for the check to warn about
    drafted: bool = True  # False: the drafter does not read them


# Weakest claim first: a clause holding words of two kinds takes the status of the first.
KINDS: tuple[Kind, ...] = (
    Kind("withdrawn", "a retraction", ("withdrawn", "scrapped", "cancelled", "abandoned", "dropped"), checked=False),
    Kind("possible", "a condition", ("if", "unless", "would", "subject to", "provided that", "conditional",
                                     "depending on", "dependent on")),
    Kind("possible", "a possibility", ("could", r"may(?! \d)", "might", "possibly", "possibility", "possible",
                                       "potential(?:ly)?", "would be able", "in talks", "in discussions",
                                       "in negotiations")),
    Kind("forecast", "a forecast", ("forecasts?", "forecasting", "forecasted", "projected", "projects to",
                                    "predicts?", "predicted", "estimated to")),
    Kind("pledged", "a promise", ("pledges? to", "promised?", "promises", "committed to")),
    Kind("pledged", "a promise", ("pledged?", "pledges"), checked=False),
    Kind("planned", "an intention", ("plans? to", "planned", "planning", "aims? to", "aiming to", "intends?",
                                     "intended", "intending", "intention", "hopes? to", "seeks? to", "wants? to",
                                     "proposed?", "proposes", "proposal")),
    # a purpose or a target year hedges the thing made or aimed at, not a figure beside it
    Kind("planned", "an intention", ("to (?:create|launch|open|build|establish|develop|deliver|introduce|set up)",
                                     r"by (?:the end of )?20\d\d"), drafted=False),
    Kind("planned", "the future", ("will", "shall")),
    Kind("planned", "an intention", ("plans?", "targeting", "targets?", "lined up"), checked=False),
    Kind("expected", "the future", ("is to", "are to", "was to", "were to", "is set to", "are set to", "set to",
                                    "due to (?:open|launch|start|begin|be)", "is expected", "are expected",
                                    "expected to", "expects? to", "likely", "next (?:year|month|week)",
                                    "later this year", "in the coming", "upcoming", "forthcoming")),
    Kind("expected", "the future", ("expected", "expects", "anticipated", "to be"), checked=False),
    Kind("announced", "an announcement", ("announced", "announces", "unveiled"), checked=False),
    Kind("under-way", "work under way", ("under way", "underway", "in progress", "being built", "ongoing"),
         checked=False),
)
NAMES = ("will", "may")  # written with a capital mid-sentence, a name or a month ("Will Jones", "May")
# A purpose or target after a completed main verb says what the thing done was for, not that it is
# still to be done: "has helped firms to create 500 jobs" (what was helped to happen has happened),
# "won a £500,000 grant to develop a robot arm" (the grant is won; the arm is its use). A future or
# intention of the main verb itself ("will receive", "is set to win", "plans to fund") has words of its own.
_DONE = re.compile(r"\b(?:helped|enabled|allowed|won|received|secured|raised|got|gained|obtained|landed|"
                   r"attracted|awarded|granted|(?:was|were|been) given)\b[^.;]{0,100}$")


def _one_pattern(kinds: tuple[Kind, ...]) -> re.Pattern[str]:
    """All the words as one pattern, its branches grouped by their first letter, the longest words first."""
    # Each branch starts with a plain letter, so the engine skips ahead to the letters that can start
    # a match: as quick as a scan for words, where a pattern starting with \b tries every position.
    by_letter: dict[str, list[str]] = {}
    for word in (word for kind in kinds for word in kind.words):
        by_letter.setdefault(word[0], []).append(word[1:])
    branches = [f"{letter}(?<=\\b{letter})(?:{'|'.join(sorted(rest, key=len, reverse=True))})"
                for letter, rest in sorted(by_letter.items())]
    return re.compile("(?:" + "|".join(branches) + r")\b")


_ANY = _one_pattern(KINDS)
_WHICH = [(kind, re.compile("|".join(kind.words))) for kind in KINDS]
_RANK = {kind.status: place for place, kind in reversed(list(enumerate(KINDS)))}


@dataclass(frozen=True)
class Found:
    """Modal words found in a text: as written there, where they begin, and their kind."""

    words: str
    start: int
    kind: Kind


def modal_words(text: str) -> list[Found]:
    """The modal words of `text` in the order they stand, leaving out names and months and a bare year."""
    lower = text.lower()
    found = []
    for match in _ANY.finditer(lower):
        word, begin = match.group(), match.start()
        if word in NAMES and text[begin].isupper() and begin > 0:
            continue
        if word.startswith("by ") and " to " not in lower[:begin]:
            continue  # "by 2026" speaks of a target only after a verb of intent ("to grow ... by 2026")
        kind = next(kind for kind, pattern in _WHICH if pattern.fullmatch(word))
        if not kind.drafted and _DONE.search(lower, 0, begin):
            continue
        found.append(Found(text[begin:match.end()], begin, kind))
    return found


def status_of(text: str) -> tuple[str, str]:
    """(status, the words that gave it) for a clause; ('stated', '') when nothing hedges it."""
    found = [one for one in modal_words(text) if one.kind.drafted]
    if not found:
        return "stated", ""
    first = min(found, key=lambda one: (_RANK[one.kind.status], one.start))
    return first.kind.status, first.words
