"""The modality check of `validate`: a fact stated as so whose quote speaks of what is not (yet) so.

A quote proves that its words exist, not that the fact says what they say. A fact with the default
status (stated) whose quote speaks of the future ("will", "is to", "set to"), a condition ("if",
"would"), a possibility ("could", "may") or an intention ("plans to", "aims to", "proposed", "to
create", "by 2026" after a verb) is warned about, with the words that triggered it and the status
to write instead; so is a fact that says more than its quote in a known way (a team in a place read
as the organisation being based there). `modality-ok: <why>` on a fact answers the warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..model.model import Fact, Model

# The words, lower case, by what they speak of. "by 2026" counts after a verb ("to grow ... by 2026").
_WORDS = {
    "future": ("will", "shall", "is to", "are to", "was to", "were to", "is set to", "are set to", "set to",
               "due to (?:open|launch|start|begin|be)", "is expected", "are expected", "expected to", "expects? to",
               "forecast", "projected", "next (?:year|month|week)", "later this year", "in the coming", "upcoming",
               "forthcoming"),
    "condition": ("if", "unless", "would", "subject to", "provided that", "conditional", "depending on",
                  "dependent on"),
    "possibility": ("could", r"may(?! \d)", "might", "possibly", "possible", "potential(?:ly)?", "likely"),
    "intention": ("plans? to", "planned", "planning", "aims? to", "aiming to", "intends?", "intended", "intending",
                  "intention", "hopes? to", "seeks? to", "wants? to", "proposed?", "proposes", "proposal",
                  "pledges? to", "promised?", "promises",
                  "to (?:create|launch|open|build|establish|develop|deliver|introduce|set up)",
                  r"by (?:the end of )?20\d\d"),
}
NAMES = ("will", "may")  # written with a capital mid-sentence, a name or a month ("Will Jones", "May")


def _one_pattern(words: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """All the words as one pattern, its branches grouped by their first letter."""
    # Each branch starts with a plain letter, so the engine skips ahead to the letters that can start
    # a match: as quick as a scan for words, where a pattern starting with \b tries every position.
    by_letter: dict[str, list[str]] = {}
    for word in (word for kind in words.values() for word in kind):
        by_letter.setdefault(word[0], []).append(word[1:])
    branches = [f"{letter}(?<=\\b{letter})(?:{'|'.join(sorted(rest, key=len, reverse=True))})"
                for letter, rest in sorted(by_letter.items())]
    return re.compile("(?:" + "|".join(branches) + r")\b")


MODAL = _one_pattern(_WORDS)  # run on the quote in lower case
KINDS = {kind: re.compile("|".join(words)) for kind, words in _WORDS.items()}  # which kind a match is
SAYS = {"future": "the future", "condition": "a condition", "possibility": "a possibility",
        "intention": "an intention"}
INSTEAD = {"future": "expected", "condition": "possible", "possibility": "possible", "intention": "planned"}
# Known ways a fact says more than its quote: the relation, the words, and what the quote speaks of.
OVERSTATED = {
    "based-in": (re.compile(r"\b(?:team|office|offices|site|branch|staff|presence)\b", re.IGNORECASE),
                 "its {words} there, not where the organisation is based"),
}
ANSWER = "or give the reason it stands with 'modality-ok: ...'"


def _modal_words(fact: Fact) -> dict[str, list[str]]:
    """The modal words of the fact's quote, by kind; words that lie in the fact's own text object are its words."""
    found: dict[str, list[str]] = {}
    own = fact.object.casefold() if fact.object is not None and not fact.object_is_entity else ""
    lower = fact.quote.lower()
    for match in MODAL.finditer(lower):
        words, begin = fact.quote[match.start():match.end()], match.start()
        if (match.group() in NAMES and words[0].isupper() and begin > 0) or (own and match.group() in own) \
                or (match.group().startswith("by ") and " to " not in lower[:begin]):
            continue
        kind = next(kind for kind, pattern in KINDS.items() if pattern.fullmatch(match.group()))
        if words not in found.setdefault(kind, []):
            found[kind].append(words)
    return found


def _modal_warning(model: Model, fact: Fact) -> Problem | None:
    found = _modal_words(fact)
    if not found:
        return None
    kinds = [kind for kind in SAYS if kind in found]
    words = ", ".join(f"'{word}'" for kind in kinds for word in found[kind])
    statuses = list(dict.fromkeys(INSTEAD[kind] for kind in kinds))
    status = " or ".join(f"'status: {key}'" for key in statuses if key in model.vocabulary.statuses)
    where = fact.location
    return Problem(where.file, where.line, where.column,
                   f"'{fact.relation}' fact is stated as so, but its quote speaks of "
                   + " and ".join(SAYS[kind] for kind in kinds) + f" ({words})",
                   f"write {status or 'a status'} if the source does not say it is so, {ANSWER}")


def _overstated(fact: Fact) -> Problem | None:
    known = OVERSTATED.get(fact.relation)
    match = known[0].search(fact.quote) if known else None
    if known is None or match is None:
        return None
    where = fact.location
    return Problem(where.file, where.line, where.column,
                   f"'{fact.relation}' fact may say more than its quote, which speaks of "
                   + known[1].format(words=f"'{match.group()}'"),
                   f"record only what the quote says, the team, office or site itself, {ANSWER}")


def _checked(model: Model) -> Iterator[Fact]:
    """The facts the check reads: quoted, stated with the default status, and not answered."""
    plain = {key for key, status in model.vocabulary.statuses.items() if status.default}
    for fact in model.facts:
        if fact.quote and not fact.modality_ok and (fact.status in plain or not fact.status):
            yield fact


def modality_warnings(model: Model) -> list[Problem]:
    """A warning for each stated fact whose quote speaks of what is not (yet) so, or says less than the fact."""
    warnings = []
    for fact in _checked(model):
        for warning in (_modal_warning(model, fact), _overstated(fact)):
            if warning is not None:
                warnings.append(warning)
    return sorted(warnings)
