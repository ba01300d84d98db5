"""What the fact rules share: a proposal, a sentence with its mentions, and what the article has named so far."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Mention

PLACES = ("place", "country", "region", "city", "venue")
BODIES = ("organisation", "company", "university", "public-body", "trade-association", "media")
DOERS = (*BODIES, "initiative", "programme", "event", "report")
Qualifiers = dict[str, str | int | float]
# a sentence whose subject is the body the sentence before opened with
# (the company's round or deal is the company's: "The round also drew money from X")
PRONOUN_SUBJECT = re.compile(r"(?:[A-Z]\w+,\s+)?(?:It|They|The (?:company|firm|group|business|organisation|"
                             r"start-?up|charity|programme|scheme|project|round|deal|raise))(?:['’]s|['’]re|['’]ll)?\b")


@dataclass
class Proposal:
    """A proposed fact: subject, relation, object, qualifiers, its quote, status, and why it was proposed."""

    subject: str
    relation: str
    object: str | None
    qualifiers: Qualifiers = field(default_factory=dict)
    quote: str = ""
    status: str = "stated"
    rule: str = ""
    confidence: float = 0.5
    why: list[str] = field(default_factory=list)


def distinct(proposals: list[Proposal]) -> list[Proposal]:
    """The proposals less repeats of one (subject, relation, object): the better supported kept, in text order.

    Two rules may find one fact ('based in the West Midlands' and a project named after the West Midlands);
    proposals whose qualifiers differ ('£25m' and 'a further £10m' from one funder, a grant and the standing
    funded-through) are different facts.
    The kept one's why-comment names the other rule.
    """
    kept: list[Proposal] = []
    for proposal in proposals:
        same = next((k for k in kept if (k.subject, k.relation, k.object, k.qualifiers)
                     == (proposal.subject, proposal.relation, proposal.object, proposal.qualifiers)), None)
        if same is None:
            kept.append(proposal)
            continue
        better, other = (proposal, same) if proposal.confidence > same.confidence else (same, proposal)
        better.why.append(f"also found by rule {other.rule} ({other.confidence:.1f}): '{other.quote}'")
        kept[kept.index(same)] = better
    return kept


@dataclass
class Sentence:
    """One sentence with its offset in the text and the mentions inside it (offsets relative to the sentence)."""

    text: str
    start: int
    mentions: list[Mention]
    heading: bool = False  # a headline or standfirst: a line with no closing stop

    def quote(self, start: int, end: int) -> str:
        """The sentence's words from `start` to `end`, without the punctuation at either end."""
        return self.text[start:end].strip(" ,;")

    def before(self, at: int, kinds: tuple[str, ...]) -> Mention | None:
        """The last mention of one of `kinds` ending before `at`."""
        found = [m for m in self.mentions if m.end <= at and m.type in kinds]
        return found[-1] if found else None

    def at(self, start: int) -> Mention | None:
        """The mention that starts at `start`."""
        return next((m for m in self.mentions if m.start == start), None)


class Context:
    """What the article has named so far: the last of each kind, and the place it is mostly about."""

    def __init__(self) -> None:
        self.last: dict[str, str] = {}
        self.places: dict[str, int] = {}
        self.kinds: dict[str, str] = {}
        self.named: list[str] = []  # every entity named so far, the latest last
        self.subject = ""  # the body or project the last sentence opened with: who "it" or "the company" is
        self.counted = ""  # the subject of a count this sentence proposes
        self.counted_before = ""  # ... and the sentence before: whom "most of them" are counted in
        self.anchor = ""  # an undated article: the latest date it states, which 'this year' is read by
        self.people: list[str] = []  # the people the latest sentence naming any names: whom 'she' can be
        self.counts: dict[str, int] = {}  # how often each entity has been named, in the order first named

    def see(self, sentence: Sentence) -> None:
        """Remember the mentions of `sentence`."""
        self.counted_before, self.counted = self.counted, ""
        opening = next((m for m in sentence.mentions if m.type in DOERS
                        and re.fullmatch(r"(?:[A-Z]\w+,\s+)?(?:The\s+)?", sentence.text[:m.start])), None)
        if opening is not None:
            self.subject = opening.key
        elif not PRONOUN_SUBJECT.match(sentence.text):
            self.subject = ""
        people = list(dict.fromkeys(m.key for m in sentence.mentions if m.type == "person"))
        self.people = people or self.people
        for mention in sentence.mentions:
            self.counts[mention.key] = self.counts.get(mention.key, 0) + 1
            if mention.key in self.named:
                self.named.remove(mention.key)
            self.named.append(mention.key)
            self.kinds[mention.key] = mention.type
            self.last[group(mention.type)] = mention.key
            if mention.type in ("region", "city", "place"):
                self.places[mention.key] = self.places.get(mention.key, 0) + 1

    def latest(self, kinds: tuple[str, ...], count: int) -> list[str]:
        """The last `count` entities of `kinds` named, in the order they were named."""
        return [key for key in self.named if self.kinds[key] in kinds][-count:]

    def main_body(self) -> str:
        """The company or organisation named most so far, the first named of equals ('' if none): the story's own."""
        bodies = [key for key in self.counts if self.kinds[key] in ("company", "organisation")]
        return max(bodies, key=lambda k: self.counts[k]) if bodies else ""

    def region(self) -> str:
        """The place named most so far ('' if none)."""
        return max(sorted(self.places), key=lambda k: self.places[k]) if self.places else ""


def group(kind: str) -> str:
    """The kind of thing an entity type is, for 'the last one named'."""
    return "place" if kind in PLACES else "body" if kind in BODIES else kind


def possessive(sentence: Sentence, first: Mention, second: Mention) -> bool:
    """Whether the words read "FIRST's SECOND"."""
    return re.fullmatch(r"['’]s\s+", sentence.text[first.end:second.start]) is not None
