"""What news says a body is and where and by whom it began: 'the Manchester fintech firm Paylane', 'X, a battery
maker based in Coventry', 'Founded in 2021 by A and B, the firm ...'."""

from __future__ import annotations

import re

from .gazetteer import Mention
from .names import COUNTRIES, DEMONYMS
from .proposals import BODIES, PLACES, Context, Proposal, Sentence

# the noun a descriptive phrase before a body's name ends with: what kind of body it is
_KINDS = (r"firm|company|group|business|start-?up|consultancy|provider|school|agency|tracker|maker|manufacturer|"
          r"developer|specialist|operator|charity|bank|investor|lender|platform|supplier|insurer|retailer|"
          r"association|body|network|publisher|studio|institute|accelerator|incubator|fund")
# the kind alone says nothing of the field: "the firm X" is only a firm
_PLAIN_KINDS = frozenset(("firm", "company", "group", "business", "start-up", "startup"))
# words that praise or size a body, no part of its field: "the fast-growing fintech firm X"
_PRAISE = frozenset(("leading", "fast-growing", "growing", "largest", "biggest", "top", "award-winning", "young",
                     "small", "new", "established", "local", "global", "major", "pioneering", "innovative", "renowned",
                     "well-known", "ambitious", "successful", "rapidly", "expanding"))
_WHAT_NOT_FIELD = frozenset(("body", "association", "network", "charity", "institute"))
_BEFORE_NAME = re.compile(rf"(?:\b(?:the|a|an)\s+|^)(?P<words>(?:[\w-]+\s+){{0,4}}?)(?P<kind>{_KINDS})\s+$")
_PLACE_KIND = re.compile(rf"\s+(?:[\w-]+\s+){{0,4}}?(?:{_KINDS})\b")
# "X has opened an office in Birmingham": based there since (what will open is a plan, curate/plans.py)
_OPENED_IN = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:opened|moved into|moved to|relocated to)\s+"
                        r"(?:a\s+|an\s+|its\s+|their\s+)?(?:new\s+|first\s+|second\s+|regional\s+|UK\s+)?"
                        r"(?:office|offices|site|base|"
                        r"headquarters|hub|studio|centre|facility|plant|factory)\s+(?:in|at|on)\s+(?:the\s+)?")
_BASED_IN = re.compile(r",\s+an?\s+[^,.;]*?\b(?:based|headquartered|located)\s+in\s+(?:the\s+)?")
_THE_KIND = re.compile(rf",\s+the\s+(?P<words>(?:[\w-]+\s+){{1,4}}?)(?P<kind>{_KINDS})(?=\s*[,.;])")
_FOUNDED = re.compile(r"\b(?:[Ff]ounded|[Cc]o-founded|[Ss]et up|[Ee]stablished)(?: in (?P<year>\d{4}))? by "
                      r"(?:[a-z]+ )?(?:(?:Dr|Professor|Prof|Sir|Dame) )?")
_FOUNDER_GAP = re.compile(r",?\s+and\s+(?:[a-z]+\s+)?(?:(?:Dr|Professor|Prof|Sir|Dame)\s+)?")


def descriptions(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """Fields and bases from the words before a body's name, bases from 'a maker based in P', founders."""
    found = []
    for body in (m for m in sentence.mentions if m.type in BODIES):
        found += _named_after_kind(sentence, body)
        found += _a_place_kind(sentence, body)
        based = _BASED_IN.match(sentence.text, body.end)
        place = sentence.at(based.end()) if based else None
        if based is not None and place is not None and place.type in PLACES:
            found.append(Proposal(body.key, "based-in", place.key, {}, sentence.quote(body.start, place.end),
                                  rule="apposed-based-in", confidence=0.6))
        kind = _THE_KIND.match(sentence.text, body.end)
        if kind is not None and not sentence.at(kind.start("words")):
            field = _field_of(kind.group("words"), kind.group("kind"))
            if field:
                found.append(Proposal(body.key, "sector", field, {}, sentence.quote(body.start, kind.end()),
                                      rule="apposed-the-kind", confidence=0.5))
        opened = _OPENED_IN.match(sentence.text, body.end)
        place = sentence.at(opened.end()) if opened else None
        if opened is not None and place is not None and place.type in PLACES:
            found.append(Proposal(body.key, "based-in", place.key, {}, sentence.quote(body.start, place.end),
                                  rule="opened-in", confidence=0.6))
    return found + _founders(sentence, context, date)


def _named_after_kind(sentence: Sentence, body: Mention) -> list[Proposal]:
    """'the Wolverhampton coding school ByteForge': ByteForge's field, and its base when a place opens the words."""
    described = _BEFORE_NAME.search(sentence.text[:body.start])
    if described is None or described.group("words").split()[:1] in (["Its"], ["Their"], ["His"], ["Her"], ["Our"],
                                                                     ["This"], ["That"], ["Another"], ["Rival"]):
        return []  # "Its parent company X": whose, not what
    words_start = described.start("words")
    inside = [m for m in sentence.mentions if words_start <= m.start < body.start]
    if any(m.type not in PLACES for m in inside):
        return []  # "the Innovate UK fund X", "Acme's partner X": a name among the words, not a description
    place = inside[0] if inside and inside[0].start == words_start else None
    if place is not None and sentence.text.startswith(("'s", "’s"), place.end):
        place = None  # "the UK's largest bank X": where it ranks, not where it is
    words = sentence.text[place.end if place else words_start:described.start("kind")]
    words = re.sub(r"^-based\s+", "", words)
    field = _field_of(words, described.group("kind"))
    quote = sentence.quote(described.start(), body.end)
    found = [Proposal(body.key, "sector", field, {}, quote, rule="kind-before-name", confidence=0.5)] if field else []
    if place is not None and place.type == "country":
        found.append(Proposal(body.key, "comes-from", place.key, {}, quote, rule="kind-before-name", confidence=0.5))
    elif place is not None:
        found.append(Proposal(body.key, "based-in", place.key, {}, quote, rule="kind-before-name", confidence=0.5))
    return found


def _a_place_kind(sentence: Sentence, body: Mention) -> list[Proposal]:
    """'Foundry Lane Ventures, a Birmingham venture capital firm': based in Birmingham (from the UK, a country)."""
    gap = re.match(r",\s+an?\s+", sentence.text[body.end:])
    place = sentence.at(body.end + gap.end()) if gap else None
    kind = _PLACE_KIND.match(sentence.text, place.end) if place is not None and place.type in PLACES else None
    if place is None or kind is None:
        return []
    relation = "comes-from" if place.type == "country" else "based-in"
    return [Proposal(body.key, relation, place.key, {}, sentence.quote(body.start, kind.end()),
                     rule="a-place-kind", confidence=0.5)]


def _field_of(words: str, kind: str) -> str:
    """The field a description names: its words, with its kind unless that is only 'firm' or 'company'."""
    if "'" in words or "’" in words:
        return ""  # "the UK's largest bank": a rank, not a field
    words = " ".join(w for w in words.split() if w not in DEMONYMS and w not in COUNTRIES and w not in _PRAISE)
    if kind in _WHAT_NOT_FIELD:
        return ""  # "the trade body techUK": what kind of body, not what it works in
    if kind in _PLAIN_KINDS:
        return words
    return f"{words} {kind}".strip() if words else ""


def _founders(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'Founded in 2021 by A and B, the firm ...' or 'X was set up in 2022 by A and B': each launched X."""
    found = []
    for match in _FOUNDED.finditer(sentence.text):
        people = []
        at = match.end()
        while (person := sentence.at(at)) is not None and person.type == "person":
            people.append(person)
            gap = _FOUNDER_GAP.match(sentence.text, person.end)
            if gap is None:
                break
            at = gap.end()
        founded = sentence.before(match.start(), BODIES)
        if founded is None and match.start() == 0 and people:
            founded = next((m for m in sentence.mentions if m.start > people[-1].end and m.type in BODIES
                            and re.fullmatch(r",\s+(?:the\s+)?", sentence.text[people[-1].end:m.start])), None)
        if founded is None or not people:
            continue
        qualifiers = {"date": match.group("year")} if match.group("year") else {}
        for person in people:
            found.append(Proposal(person.key, "launched", founded.key, dict(qualifiers),
                                  sentence.quote(min(match.start(), founded.start), people[-1].end),
                                  rule="founded-by", confidence=0.5,
                                  why=["founded: 'launched' is the vocabulary's closest relation"]))
    return found
