"""What a body will open, launch or build: 'X will open a tech hub in the city next year' is a plan with its place and
its year, not a hub already based there."""

from __future__ import annotations

import re

from ..model.modal_words import status_of
from .dates import resolve
from .proposals import BODIES, PLACES, Context, Proposal, Qualifiers, Sentence

_PROJECTS = ("initiative", "programme", "event")
_WILL_MAKE = re.compile(r"\b(?:(?:will|plans? to|(?:is|are) set to|intends? to|aims? to|(?:is|are) to|hopes? to|"
                        r"expects? to|is planning to|are planning to)\s+(?:also\s+)?(?:open|launch|build|establish|"
                        r"set up|create|develop|start)|(?:while|after|before|by)\s+(?:launching|opening|building|"
                        r"establishing|setting up|creating))\s+(?:a\s+|an\s+|the\s+|its\s+|their\s+|two\s+|three\s+)?"
                        r"(?:new\s+)?")


def plans(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'X will open a tech hub in the city next year': X plans the hub, in the city, due next year."""
    found = []
    text = sentence.text
    for verb in _WILL_MAKE.finditer(text):
        made = next((m for m in sentence.mentions if m.start >= verb.end() and m.type in _PROJECTS
                     and re.fullmatch(r"(?:[\w-]+\s+){0,2}", text[verb.end():m.start])), None)
        owner = sentence.before(verb.start(), BODIES)
        if made is None or owner is None:
            continue
        status, trigger = status_of(text[owner.start:made.end])
        qualifiers: Qualifiers = {}
        place = re.match(r"\s+(?:in|at)\s+(?:the\s+)?", text[made.end:])
        where = sentence.at(made.end + place.end()) if place else None
        if where is not None and where.type in PLACES:
            qualifiers["place"] = where.key
        after = text[made.end:made.end + 60]
        when, words, note = resolve(re.split(r"[,;]", after)[0], date)
        if when:
            qualifiers["due"] = when
        end = text.find(words, made.end) + len(words) if when else (
            where.end if where is not None and "place" in qualifiers else made.end)
        why = [f"status planned from '{trigger}'" if trigger else "a future verb: planned"] + ([note] if note else [])
        found.append(Proposal(owner.key, "plans", made.key, qualifiers, sentence.quote(owner.start, end),
                              "planned" if status in ("stated", "planned") else status, rule="will-make",
                              confidence=0.5, why=why))
    return found


def not_yet_based(found: list[Proposal]) -> list[Proposal]:
    """The proposals less 'based in' a place for what is only planned there (the plan carries the place)."""
    planned = {(p.object, p.qualifiers.get("place")) for p in found if p.relation == "plans"}
    return [p for p in found if p.relation != "based-in" or (p.subject, p.object) not in planned]
