"""Rankings and superlatives: 'won by X', 'among the top three', 'X ranked fifth in ...', 'the world's largest'."""

from __future__ import annotations

import re

from .gazetteer import Mention
from .proposals import BODIES, PLACES, Context, Proposal, Qualifiers, Sentence

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}


def rankings(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'won by X', 'among the top three', 'ORG ranked PLACE fifth in ...'."""
    found = _placed(sentence, context) + _named_at(sentence, context) + _moved_to(sentence, context) \
        + _behind(sentence)
    text = sentence.text
    event = next((m for m in sentence.mentions if m.type in ("event", "report") or "Awards" in m.words), None)
    for match in re.finditer(r"\bwon by ", text):
        winner = sentence.at(match.end())
        if winner is not None and event is not None:
            found.append(Proposal(winner.key, "ranked-by", event.key, {"rank": 1},
                                  sentence.quote(match.start(), winner.end), rule="won-by", confidence=0.5))
    top = re.search(r"\bamong the top (\w+)", text)
    who = sentence.before(top.start(), PLACES + BODIES) if top else None
    if top and who is not None and event is not None and top.group(1) in _NUMBER_WORDS:
        found.append(Proposal(who.key, "ranked-by", event.key, {"rank": _NUMBER_WORDS[top.group(1)],
                                                                "approx": "among the top"},
                              sentence.quote(who.start, event.end), rule="among-the-top", confidence=0.4))
    for match in re.finditer(r"\branked (?:the )?", text):
        ranker = sentence.before(match.start(), BODIES + ("report",))
        ranked = sentence.at(match.end())
        ordinals = rf"\b({'|'.join(_ORDINALS)})\b(?: in ([^,.;]+?)(?= and |[,.;]|$))?"
        if ranker is None or ranked is None:
            continue
        for place in re.finditer(ordinals, text[ranked.end:]):
            measure = {"measure": place.group(2).strip()} if place.group(2) else {}
            found.append(Proposal(ranked.key, "ranked-by", ranker.key, {"rank": _ORDINALS[place.group(1)], **measure},
                                  sentence.quote(ranker.start, ranked.end + place.end()), rule="ranked",
                                  confidence=0.5))
    return found


_ORDINAL = rf"({'|'.join(_ORDINALS)})"
# "X has risen to third place", "X is placed tenth", "X came second": a place in a ranking the article names
_MOVED_TO = re.compile(rf"\s+(?:has\s+|have\s+|had\s+)?(?:(?:risen|rose|climbed|moved|jumped|fallen|fell|dropped|"
                       rf"slipped|leapfrogged)\s+(?:from\s+(?P<from>{'|'.join(_ORDINALS)})\s+)?to|"
                       rf"(?:is|was|are|were)\s+(?:placed|ranked)|came|finished)\s+{_ORDINAL}"
                       rf"(?:\s+place)?\b(?!\s+in\s+(?!their\b|its\b))")
_BEFORE_NOW = re.compile(rf"\b(?:up|down)\s+from\s+{_ORDINAL}\b|\b(?P<same>the same (?:position|place))\b")
_RANKS_BEHIND = re.compile(r"(?:\s+(?:report|survey|index|study|ranking))?\s+(?:ranks|ranked|places|placed|puts|put)"
                           r"\s+(?:the\s+)?")


def _previous(rest: str, rank: int) -> Qualifiers:
    """'up from fifth place', 'the same position as last year': the place before."""
    before = _BEFORE_NOW.search(re.split(r";|\. ", rest)[0])
    if before is None:
        return {}
    return {"previous-rank": rank if before.group("same") else _ORDINALS[before.group(1)]}


def _moved_to(sentence: Sentence, context: Context) -> list[Proposal]:
    """'Birmingham has risen to third place ...' in the ranking the sentence or the article last named."""
    found = []
    for ranked in (m for m in sentence.mentions if m.type in (*PLACES, *BODIES)):
        moved = _MOVED_TO.match(sentence.text, ranked.end)
        ranker = next((m for m in sentence.mentions if m.type in ("report", "event") and m.key != ranked.key), None) \
            or sentence.before(ranked.start, BODIES)  # "CBRE affirmed it when Birmingham leapfrogged to second"
        ranker_key = ranker.key if ranker is not None else context.last.get("report", "")
        if moved is None or not ranker_key:
            continue
        rank = _ORDINALS[moved.group(2)]
        previous = {"previous-rank": _ORDINALS[moved.group("from")]} if moved.group("from") else {}
        qualifiers: Qualifiers = {"rank": rank, **(previous or _previous(sentence.text[moved.end():], rank))}
        found.append(Proposal(ranked.key, "ranked-by", ranker_key, qualifiers, sentence.quote(ranked.start,
                              moved.end()), rule="moved-to", confidence=0.5,
                              why=[] if ranker is not None else [f"ranked in {ranker_key}, the report named last"]))
    return found


def _behind(sentence: Sentence) -> list[Proposal]:
    """'The REPORT ranks X behind A and B': A first, B second, X third, in the order written."""
    found: list[Proposal] = []
    for ranker in (m for m in sentence.mentions if m.type in ("report", "event")):
        verb = _RANKS_BEHIND.match(sentence.text, ranker.end)
        ranked = sentence.at(verb.end()) if verb else None
        behind = re.match(r"\s+behind\s+(?:the\s+)?", sentence.text[ranked.end:]) if ranked is not None else None
        if ranked is None or behind is None:
            continue
        ahead = _listed_alike(sentence, ranked.end + behind.end(), ranked.type)
        if not ahead:
            continue
        end = ahead[-1].end
        why = ["'behind A and B': ranked in the order written; check the order"]
        for rank, mention in enumerate(ahead, start=1):
            found.append(Proposal(mention.key, "ranked-by", ranker.key, {"rank": rank},
                                  sentence.quote(ranker.start, end), rule="ranks-behind", confidence=0.4, why=why))
        rank = len(ahead) + 1
        found.append(Proposal(ranked.key, "ranked-by", ranker.key, {"rank": rank, **_previous(
            sentence.text[end:], rank)}, sentence.quote(ranker.start, end), rule="ranks-behind", confidence=0.5))
    return found


def _listed_alike(sentence: Sentence, start: int, kind: str) -> list[Mention]:
    """The mentions of one type listed from `start` ('Manchester, Leeds and Bristol')."""
    found: list[Mention] = []
    at = start
    while (mention := sentence.at(at)) is not None and mention.type == kind:
        found.append(mention)
        gap = re.match(r",? (?:and )?(?:the )?", sentence.text[mention.end:])
        if gap is None or sentence.text[:mention.start].endswith(("and ", "and the ")):
            break
        at = mention.end + gap.end()
    return found


_PLACED = re.compile(rf"\b(?:ranked|came|finished|placed|was placed)\s+({'|'.join(_ORDINALS)})\s+in\s+(?:the\s+)?")
_NAMED_AT = re.compile(r"\b(?:(?:was|were|has been|have been) (?:named|crowned|voted) (?:the )?([A-Z][^,.;]{1,50}?)|"
                       r"(?:won|wins|took|scooped|picked up) (?:the )?([A-Z][^,.;]{1,50}? (?:award|prize|title))) "
                       r"at (?:the )?")  # "won the Innovation of the Year award at the Midlands Tech Awards"


def _placed(sentence: Sentence, context: Context) -> list[Proposal]:
    """'X ranked fourth in the Sunday Times' list of ...' (or 'It ...'): X ranked-by the ranker."""
    found = []
    for match in _PLACED.finditer(sentence.text):
        ranker = sentence.at(match.end())
        subject_key = _subject_before(sentence, context, match.start())
        if ranker is None or ranker.type not in (*BODIES, "report", "event") or not subject_key:
            continue
        measure = re.match(r"(?:['’]s?)? (?:list|ranking|table|index) of ([^,.;]+)", sentence.text[ranker.end:])
        qualifiers: Qualifiers = {"rank": _ORDINALS[match.group(1)],
                                  **({"measure": measure.group(1)} if measure else {})}
        end = ranker.end + (measure.end() if measure else 0)
        found.append(Proposal(subject_key, "ranked-by", ranker.key, qualifiers, sentence.quote(match.start(), end),
                              rule="placed-in", confidence=0.5))
    return found


def _named_at(sentence: Sentence, context: Context) -> list[Proposal]:
    """'X was named Fintech of the Year at the Midlands Tech Awards': X ranked first at the event."""
    match = _NAMED_AT.search(sentence.text)
    event = sentence.at(match.end()) if match else None
    subject_key = _subject_before(sentence, context, match.start()) if match else ""
    if match is None or event is None or event.type != "event" or not subject_key:
        return []
    return [Proposal(subject_key, "ranked-by", event.key, {"rank": 1, "measure": match.group(1) or match.group(2)},
                     sentence.quote(match.start(), event.end), rule="named-at", confidence=0.5)]


def _subject_before(sentence: Sentence, context: Context, at: int) -> str:
    """The place or body the words before `at` are about: one named there, or 'It' for the sentence before's."""
    named = sentence.before(at, (*PLACES, *BODIES))
    if named is not None:
        return named.key
    opens_with_it = re.match(r"(?:[A-Z]\w+,\s+)?It\b", sentence.text)
    return context.subject if opens_with_it and context.kinds.get(context.subject) in BODIES else ""


_CALLED = re.compile(r"\b(?:describe[sd]?|describing|name[sd]?|call(?:s|ed)?|rate[sd]?|rank(?:s|ed)?|"
                     r"certif(?:y|ies|ied)|hail(?:s|ed)?)\b")
_AS_BEST = re.compile(r"\s+as (?:the |its )?(?:(?:[A-Z][\w.]*\s?)+['’]s |region['’]s |world['’]s |country['’]s )?"
                      r"(?P<measure>(?:fastest|largest|biggest|best|strongest|highest|greatest|first|most [\w-]+)"
                      r"[\w -]*?)(?=[,.;]|$)")


def superlatives(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'ORG describes X as the UK's fastest-growing region': X ranked first by ORG; 'X, described as the world's
    largest ...': a statistic of X ranked first, no ranker named."""
    found = []
    text = sentence.text
    for verb in _CALLED.finditer(text):
        passive = text[:verb.start()].endswith(", ") and verb.group(0).endswith("d")
        if passive:
            ranked = sentence.before(verb.start(), (*PLACES, *BODIES, "initiative", "programme", "event"))
            ranked = ranked if ranked is not None and ranked.end == verb.start() - 2 else None
            best = _AS_BEST.match(text, verb.end())
        else:
            gap = re.match(r"\s+(?:the\s+)?", text[verb.end():])
            ranked = sentence.at(verb.end() + gap.end()) if gap else None
            best = _AS_BEST.match(text, ranked.end) if ranked is not None else None
        if ranked is None or best is None:
            continue
        qualifiers: Qualifiers = {"rank": 1, "measure": best.group("measure").strip()}
        ranker = None if passive else sentence.before(verb.start(), (*BODIES, "report"))
        if ranker is not None:
            found.append(Proposal(ranked.key, "ranked-by", ranker.key, qualifiers, sentence.quote(ranker.start,
                                  best.end()), rule="described-as-best", confidence=0.4))
        elif passive:
            found.append(Proposal(ranked.key, "statistic", None, qualifiers, sentence.quote(ranked.start, best.end()),
                                  rule="described-as-best", confidence=0.4))
    return found + _is_first(sentence)


_IS_FIRST = re.compile(r"\s+(?:is|was|will be|became|has become|remains) the (?:(?:[A-Z][\w.]*\s?)+['’]s |"
                       r"world['’]s |country['’]s |region['’]s )?(?:(?P<measure>(?:first|largest|biggest)\s[^,.;]*?)|"
                       r"\w+ ranked (?:highest|first|top) (?:for|in|on) (?P<ranked>[^,.;)]*?))(?=[,.;)]|$)")


def _is_first(sentence: Sentence) -> list[Proposal]:
    """'The facility will be the first test bed in the UK to span more than one city': a statistic ranked first."""
    found = []
    for mention in (m for m in sentence.mentions if m.type in (*PLACES, *BODIES, "initiative", "programme", "event")):
        best = _IS_FIRST.match(sentence.text, mention.end)
        measure = best.group("measure") or best.group("ranked") if best is not None else ""
        if best is not None and len(measure.split()) <= 14:  # "the region ranked highest for 5G coverage" too
            found.append(Proposal(mention.key, "statistic", None, {"rank": 1, "measure": measure},
                                  sentence.quote(mention.start, best.end()), rule="is-the-first", confidence=0.4))
    return found
