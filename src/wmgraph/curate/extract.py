"""Facts proposed sentence by sentence: posts, speech, money, counts, shares, places, parts, announcements."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .amounts import JOB_WORDS, Figure, figures, number_value
from .dates import resolve
from .gazetteer import Mention
from .modality import clause_around, status_of
from .names import SPEECH_VERBS

PLACES = ("place", "country", "region", "city", "venue")
BODIES = ("organisation", "company", "university", "public-body", "trade-association", "media")
DOERS = (*BODIES, "initiative", "programme", "event", "report")
_SPEECH = re.compile(rf"\b(?:{'|'.join(SPEECH_VERBS[:-1])})\b")
_ROLE = re.compile(r" and (chair|head|leader|chief executive|director|founder|president) of (?:the )?$")


@dataclass
class Proposal:
    """A proposed fact: subject, relation, object, qualifiers, its quote, status, and why it was proposed."""

    subject: str
    relation: str
    object: str | None
    qualifiers: dict[str, str | int | float] = field(default_factory=dict)
    quote: str = ""
    status: str = "stated"
    rule: str = ""
    confidence: float = 0.5
    why: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    """One sentence with its offset in the text and the mentions inside it (offsets relative to the sentence)."""

    text: str
    start: int
    mentions: list[Mention]


def extract(sentences: list[Sentence], source_date: str) -> list[Proposal]:
    """Every fact the rules find in `sentences`, in text order."""
    context = _Context()
    found: list[Proposal] = []
    for sentence in sentences:
        for rule in (_posts, _speech, _figures, _places, _parts, _appositions, _announced, _rankings):
            found += rule(sentence, context, source_date)
        context.see(sentence)
    return found


class _Context:
    """What the article has named so far: the last person, initiative and the place it is mostly about."""

    def __init__(self) -> None:
        self.last: dict[str, str] = {}
        self.places: dict[str, int] = {}

    def see(self, sentence: Sentence) -> None:
        for mention in sentence.mentions:
            self.last[_group(mention.type)] = mention.key
            if mention.type in ("region", "city", "place"):
                self.places[mention.key] = self.places.get(mention.key, 0) + 1

    def region(self) -> str:
        return max(sorted(self.places), key=lambda k: self.places[k]) if self.places else ""


def _group(kind: str) -> str:
    return "place" if kind in PLACES else "body" if kind in BODIES else kind


def _between(sentence: Sentence, first: Mention, second: Mention) -> str:
    return sentence.text[first.end:second.start]


def _quote(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start:end].strip(" ,;")


def _posts(sentence: Sentence, context: _Context, date: str) -> list[Proposal]:
    found = []
    ms = sentence.mentions
    for a, b in zip(ms, ms[1:], strict=False):
        person, post = (a, b) if a.type == "person" else (b, a)
        if {a.type, b.type} != {"person", "post"}:
            continue
        gap = _between(sentence, a, b)
        if re.fullmatch(r",\s+(?:the\s+)?(?:\w+['’]s\s+)?" if a is person else r",?\s+", gap):
            fact = Proposal(person.key, "holds-post", post.key, {"as-of": date} if date else {},
                            _quote(sentence, a.start, b.end), rule="post-apposition", confidence=0.8)
            found.append(fact)
            country = re.search(r"(\w+)['’]s\s+$", gap)
            holder = next((m for m in ms if m.words == (country.group(1) if country else None)), None)
            if holder is not None and not post.known:
                found.append(Proposal(post.key, "post-in", holder.key, {}, _quote(sentence, holder.start, post.end),
                                      rule="post-of-country", confidence=0.6))
    for org in ms:
        role = _ROLE.search(sentence.text[:org.start])
        people = [m for m in ms if m.type == "person" and m.end <= org.start]
        if role and people and org.type in BODIES:
            qualifiers: dict[str, str | int | float] = {"role": role.group(1), **({"as-of": date} if date else {})}
            found.append(Proposal(people[-1].key, "leads", org.key, qualifiers,
                                  _quote(sentence, people[-1].start, org.end), rule="role-of", confidence=0.6))
    return found


def _speech(sentence: Sentence, context: _Context, date: str) -> list[Proposal]:
    found = []
    text = sentence.text
    according = re.match(r"According to (?:the )?", text)
    if according:
        org = next((m for m in sentence.mentions if m.start == according.end()), None)
        comma = text.find(", ", according.end())
        if org is not None and org.type not in PLACES and comma > 0:
            found.append(Proposal(org.key, "said", _paraphrase(text[comma + 2:]), {"date": date} if date else {},
                                  text.strip(), rule="according-to", confidence=0.5,
                                  why=["an organisation's statement: 'said' takes a person"]))
    for verb in _SPEECH.finditer(text):
        before = [m for m in sentence.mentions if m.end <= verb.start() and m.type == "person"]
        pronoun = re.search(r"\b(He|She|he|she)\s+(?:\w+\s+)?$", text[:verb.start()])
        if before and re.fullmatch(r"(?:,[^.]*,)?\s*", text[before[-1].end:verb.start()]):
            speaker, start = before[-1].key, before[-1].start
        elif pronoun and context.last.get("person"):
            speaker, start = context.last["person"], pronoun.start(1)
        else:
            continue
        said = _paraphrase(re.sub(r"^(?:that|it was)\s+", "", text[verb.end():].lstrip(" ,")))
        roles = [m.words for m in sentence.mentions if m.type == "post" and start <= m.start < verb.start()]
        qualifiers: dict[str, str | int | float] = {"role": roles[0]} if roles else {}
        if date:
            qualifiers["date"] = date
        found.append(Proposal(speaker, "said", said, qualifiers, _quote(sentence, start, len(text)),
                              rule="reported-speech", confidence=0.7, why=["reported speech: check the paraphrase"]))
        break
    return found


def _paraphrase(words: str) -> str:
    words = words.strip().rstrip(".")
    return (words[:1].upper() + words[1:] + ".") if words else ""


def _subject(sentence: Sentence, before: int, context: _Context, kinds: tuple[str, ...]) -> Mention | None:
    candidates = [m for m in sentence.mentions if m.start < before and m.type in kinds]
    return candidates[-1] if candidates else None


def _figures(sentence: Sentence, context: _Context, date: str) -> list[Proposal]:
    return [p for figure in figures(sentence.text) if (p := _figure(sentence, figure, context, date)) is not None]


def _figure(sentence: Sentence, figure: Figure, context: _Context, date: str) -> Proposal | None:
    text = sentence.text
    clause = clause_around(text, figure.start, figure.end)
    status, trigger = status_of(clause)
    when, when_words, when_note = resolve(clause, date)
    qualifiers: dict[str, str | int | float] = {}
    if figure.approx:
        qualifiers["approx"] = figure.approx
    doer = _subject(sentence, figure.start, context, (*DOERS,))
    places = [m for m in sentence.mentions if m.type in PLACES]
    place = next((m for m in places if m.key == context.region()), None) or _subject(
        sentence, figure.start, context, PLACES) or (places[0] if places else None)
    region_words = re.search(r"\b(?:the|its) region\b|\bthe region['’]s\b", text)
    funder = re.match(r"[^.;]{0,40}?\b(?:from|by) (?:the )?", text[figure.end:])
    funder_mention = next((m for m in sentence.mentions if funder and m.start == figure.end + funder.end()
                           and m.type in BODIES), None)
    if figure.kind == "money":
        qualifiers.update({"amount": number_value(figure.value), "currency": figure.currency})
        if funder_mention is not None and doer is None:
            doer_key = context.last.get("initiative", "")
            if doer_key:
                return _made(doer_key, "funded-by", funder_mention.key, qualifiers, sentence, figure, status, trigger,
                             "money-from", when, when_note)
    elif figure.kind == "count":
        qualifiers.update({"count": int(figure.value), "measure": figure.noun})
    else:
        qualifiers.update({"share": figure.value, "measure": _measure(clause, figure)})
    subject = doer.key if doer is not None and doer.type != "event" else ""
    if not subject:
        subject = place.key if place is not None else context.region() if region_words else ""
    if not subject:
        return None
    kind = doer.type if doer is not None and doer.key == subject else "place"
    if figure.kind == "money" and kind != "place":
        relation = "investment"
    elif figure.kind == "count" and kind != "place" and figure.noun.split()[-1] not in JOB_WORDS:
        relation = "stated-count"
    else:
        relation = "statistic"
        qualifiers.setdefault("measure", _measure(clause, figure))
    if date and not when and relation != "investment":
        qualifiers["as-of"] = date
    return _made(subject, relation, None, qualifiers, sentence, figure, status, trigger, f"{figure.kind}-figure",
                 when, when_note)


def _measure(clause: str, figure: Figure) -> str:
    words = re.sub(r"\s+", " ", clause.replace(figure.words, "…")).strip(" ,.")
    return " ".join(words.split()[:14])


def _made(subject: str, relation: str, obj: str | None, qualifiers: dict[str, str | int | float],
          sentence: Sentence, figure: Figure, status: str, trigger: str, rule: str, when: str,
          when_note: str) -> Proposal:
    if when:
        qualifiers["date"] = when
    clause = clause_around(sentence.text, figure.start, figure.end)
    why = [f"{figure.words!r} read as {qualifiers.get('amount', qualifiers.get('count', qualifiers.get('share')))}"]
    if trigger:
        why.append(f"status {status} from '{trigger}'")
    if when_note:
        why.append(when_note)
    return Proposal(subject, relation, obj, qualifiers, clause.strip(" ,;."), status, rule, 0.5, why)


def _places(sentence: Sentence, context: _Context, date: str) -> list[Proposal]:
    found = []
    ms = sentence.mentions
    for a, b in zip(ms, ms[1:], strict=False):
        gap = _between(sentence, a, b)
        if b.type not in PLACES or not re.fullmatch(r"\s+(?:is |are )?(?:based |located )?in\s+(?:the\s+)?", gap):
            continue
        relation = "within" if a.type in PLACES else "held-at" if a.type == "event" else "based-in" \
            if a.type in (*BODIES, "initiative", "programme") else ""
        if relation:
            found.append(Proposal(a.key, relation, b.key, {}, _quote(sentence, a.start, b.end),
                                  rule=f"{relation}-in", confidence=0.6))
    sites = re.search(r"\b(?:sites|offices|bases|locations) in ", sentence.text)
    holder = context.last.get("initiative") or context.last.get("body")
    if sites and holder:
        end = re.search(r"[.;]|$", sentence.text[sites.end():])
        span_end = sites.end() + (end.start() if end else 0)
        for place in (m for m in ms if sites.end() <= m.start < span_end and m.type in PLACES):
            found.append(Proposal(holder, "based-in", place.key, {}, _quote(sentence, sites.start(), span_end),
                                  rule="sites-in", confidence=0.6))
    return found


def _parts(sentence: Sentence, context: _Context, date: str) -> list[Proposal]:
    found = []
    for match in re.finditer(r"\bpart of (?:the )?", sentence.text):
        whole = next((m for m in sentence.mentions if m.start == match.end()), None)
        part = _subject(sentence, match.start(), context, ("event", "initiative", "programme", "report"))
        if whole is not None and part is not None and part.key != whole.key:
            found.append(Proposal(part.key, "part-of", whole.key, {}, _quote(sentence, part.start, whole.end),
                                  rule="part-of", confidence=0.6))
    among = re.match(r"Among the (?:\w+ )?(?:schemes|projects|programmes|initiatives) (?:is|are) (?:a |an |the )?",
                     sentence.text)
    whole_key = context.last.get("initiative")
    part_mention = next((m for m in sentence.mentions if among and m.start == among.end()), None)
    if among and part_mention is not None and whole_key and whole_key != part_mention.key:
        found.append(Proposal(part_mention.key, "part-of", whole_key, {}, _quote(sentence, 0, part_mention.end),
                              rule="among-the-parts", confidence=0.5))
    return found


def _appositions(sentence: Sentence, context: _Context, date: str) -> list[Proposal]:
    found = []
    for mention in sentence.mentions:
        if mention.type not in BODIES:
            continue
        described = re.match(r", an? ((?:[a-z-]+ ){0,4}[a-z-]+)(?=,|\.)", sentence.text[mention.end:])
        if described:
            found.append(Proposal(mention.key, "sector", described.group(1), {},
                                  _quote(sentence, mention.start, mention.end + described.end()),
                                  rule="apposition", confidence=0.5))
    return found


def _announced(sentence: Sentence, context: _Context, date: str) -> list[Proposal]:
    found = []
    for match in re.finditer(r"\b(?:has|have|had) (?:today )?announced\b", sentence.text):
        who = _subject(sentence, match.start(), context, BODIES)
        what = next((m for m in sentence.mentions if m.start > match.end() and m.type in ("initiative", "programme",
                                                                                       "event", "report")), None)
        what_key = what.key if what is not None else context.last.get("initiative", "")
        if who is not None and what_key:
            found.append(Proposal(who.key, "announced", what_key, {"date": date} if date else {},
                                  _quote(sentence, who.start, len(sentence.text)).split(", ")[0].rstrip("."),
                                  "announced", "announcement", 0.5))
    return found


def _rankings(sentence: Sentence, context: _Context, date: str) -> list[Proposal]:
    found = []
    event = next((m for m in sentence.mentions if m.type in ("event", "report") or "Awards" in m.words), None)
    for match in re.finditer(r"\bwon by ", sentence.text):
        winner = next((m for m in sentence.mentions if m.start == match.end()), None)
        if winner is not None and event is not None:
            found.append(Proposal(winner.key, "ranked-by", event.key, {"rank": 1}, _quote(sentence, match.start(),
                                  winner.end), rule="won-by", confidence=0.5))
    top = re.search(r"\bamong the top (\w+)", sentence.text)
    ranks = {"two": 2, "three": 3, "five": 5, "ten": 10}
    who = _subject(sentence, top.start(), context, PLACES + BODIES) if top else None
    if top and who is not None and event is not None and top.group(1) in ranks:
        found.append(Proposal(who.key, "ranked-by", event.key, {"rank": ranks[top.group(1)], "approx": "among the top"},
                              _quote(sentence, who.start, event.end), rule="among-the-top", confidence=0.4))
    return found
