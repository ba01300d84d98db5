"""The modality check of `validate`: a fact stated as so whose quote speaks of what is not (yet) so.

A quote proves that its words exist, not that the fact says what they say. A fact with the default
status (stated) whose quote speaks of the future ("will", "is to", "set to"), a condition ("if",
"would"), a possibility ("could", "may") or an intention ("plans to", "aims to", "proposed", "to
create", "by 2026" after a verb) is warned about, with the words that triggered it and the status
to write instead; so is a fact that says more than its quote in a known way (a team in a place read
as the organisation being based there, a sum on offer read as received, a payer the quote does not
name). `modality-ok: <why>` on a fact answers the warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..model.modal_words import modal_words
from ..model.model import Fact, Model

# Known ways a fact says more than its quote: the relations, the words, what the quote speaks of and what to write.
_MONEY = ("funded-by", "funded-through", "investment")
_PURPOSE = re.compile(r"\bto (?:create|build|launch|open|establish|develop|deliver|introduce|set up)\b", re.IGNORECASE)
OVERSTATED = (
    (("based-in",), re.compile(r"\b(?:team|office|offices|site|branch|staff|presence)\b", re.IGNORECASE),
     "its {words} there, not where the organisation is based",
     "record only what the quote says, the team, office or site itself"),
    (_MONEY, re.compile(r"\b(?:to (?:be )?come from|to be (?:invested|spent|paid|provided|awarded|granted|given|"
                        r"allocated|made available|delivered)|earmarked|set aside|made available|available|on offer|"
                        r"up for grabs)\b", re.IGNORECASE),
     "a sum still to come or on offer ({words}), not one received",
     "write the status the source gives it ('status: expected', 'planned' or 'possible')"),
    (("partners-with",), _PURPOSE, "what the partners are {words}, a plan, not the partnership itself",
     "record what they are to make with 'plans:' ('status: planned'), and the partnership only if the source "
     "says it exists"),
)
# What modal words speak of, in the order a warning names them.
SAYS = ["the future", "a forecast", "a condition", "a possibility", "an intention", "a promise"]
ANSWER = "or give the reason it stands with 'modality-ok: ...'"


def _modal_words(fact: Fact) -> dict[str, list[tuple[str, str]]]:
    """The checked modal words of the fact's quote, by what they speak of, with their statuses.

    Words that lie in the fact's own text object are its words (what a person said), not its modality.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    own = fact.object.casefold() if fact.object is not None and not fact.object_is_entity else ""
    for one in modal_words(fact.quote):
        if not one.kind.checked or (own and one.words.casefold() in own):
            continue
        if fact.relation == "partners-with" and _PURPOSE.fullmatch(one.words):
            continue  # said more precisely as what the partners are to make (OVERSTATED)
        if (one.words, one.kind.status) not in found.setdefault(one.kind.speaks_of, []):
            found[one.kind.speaks_of].append((one.words, one.kind.status))
    return found


def _modal_warning(model: Model, fact: Fact) -> Problem | None:
    found = _modal_words(fact)
    if not found:
        return None
    kinds = sorted(found, key=SAYS.index)
    words = ", ".join(f"'{word}'" for kind in kinds for word, _ in found[kind])
    statuses = list(dict.fromkeys(status for kind in kinds for _, status in found[kind]))
    status = " or ".join(f"'status: {key}'" for key in statuses if key in model.vocabulary.statuses)
    where = fact.location
    return Problem(where.file, where.line, where.column,
                   f"'{fact.relation}' fact is stated as so, but its quote speaks of " + " and ".join(kinds)
                   + f" ({words})", f"write {status or 'a status'} if the source does not say it is so, {ANSWER}")


def _overstated(fact: Fact, modal: bool) -> Problem | None:
    """The first known way the fact says more than its quote; a sum still to come only when no modal word says so."""
    for relations, pattern, speaks_of, instead in OVERSTATED:
        match = pattern.search(fact.quote) if fact.relation in relations else None
        if match is not None and not (modal and relations == _MONEY):
            where = fact.location
            return Problem(where.file, where.line, where.column,
                           f"'{fact.relation}' fact may say more than its quote, which speaks of "
                           + speaks_of.format(words=f"'{match.group()}'"), f"{instead}, {ANSWER}")
    return None


def _names(model: Model, key: str) -> tuple[str, ...]:
    """How a quote may name an entity: its name, an alias, its name's last word or its type after 'the'.

    "from the government" names the UK Government, "from the fund" the Robotics Fund.
    """
    entity = model.entities[key]
    kind = model.vocabulary.entity_types.get(entity.type)
    last = entity.name.split()[-1] if entity.name.split() else entity.name
    return (entity.name, *entity.aliases, f"the {last}", f"the {kind.label if kind else entity.type}")


def _unnamed_payers(model: Model, fact: Fact) -> Problem | None:
    """A payer the fact names (a funded-by object, an investment's funders) that its quote does not name."""
    if fact.relation == "funded-by" and fact.object_is_entity and fact.object is not None:
        payers: tuple[str, ...] = (fact.object,)
    else:
        found = dict(fact.qualifiers).get("funders") if fact.relation == "investment" else None
        payers = found if isinstance(found, tuple) else ()
    quote = fact.quote.casefold()
    unnamed = [key for key in payers if key in model.entities and not any(
        name.casefold() in quote for name in _names(model, key))]
    if not unnamed:
        return None
    where = fact.location
    names = ", ".join(f"'{model.entities[key].name}'" for key in unnamed)
    return Problem(where.file, where.line, where.column,
                   f"'{fact.relation}' fact may say more than its quote, which names no payer {names}",
                   f"quote the words that name who pays, or leave the payer out if the source names none, {ANSWER}")


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
        modal = _modal_warning(model, fact)
        warnings += [warning for warning in (modal, _overstated(fact, modal is not None)) if warning is not None]
    for fact in model.facts:
        payers = _unnamed_payers(model, fact) if fact.quote and not fact.modality_ok else None
        warnings += [payers] if payers is not None else []
    return sorted(warnings)
