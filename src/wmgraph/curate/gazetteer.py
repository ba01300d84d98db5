"""Known entities found in an article by name and alias: case, possessives, surnames, 'the University', acronyms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model.model import Entity

_WORD_START = re.compile(r"(?<![\w'’])\w")
_YEAR_END = re.compile(r"^(.*\S)\s+((?:19|20)\d\d)$")
# head words that name a body by what it is: "the University" after "the University of Birmingham"
HEADS = ("University", "College", "Department", "Ministry", "Council", "Authority", "Agency", "Office", "Company",
         "Group", "Institute", "Trust", "Foundation", "Association", "Partnership", "Network", "Centre",
         "Programme", "Accelerator", "Testbed", "Fund", "Report", "Review", "Awards", "Hub", "Project", "Week",
         "Festival", "Summit", "Conference")


@dataclass(frozen=True)
class Mention:
    """Words of the article that name an entity: where, which entity, by what rule and how sure."""

    start: int
    end: int
    words: str
    key: str
    type: str
    known: bool
    rule: str
    confidence: float
    alternatives: tuple[str, ...] = ()  # other entities the same words could name
    note: str = ""


@dataclass
class Gazetteer:
    """Every known entity's names, indexed by their first word (folded), for a scan of an article."""

    entities: dict[str, Entity]
    by_first: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # first word: (name, entity id)

    @classmethod
    def of(cls, entities: dict[str, Entity]) -> Gazetteer:
        """The gazetteer of `entities` (names and aliases)."""
        gazetteer = cls(entities)
        index = gazetteer.by_first
        for key, entity in sorted(entities.items()):
            for name in (entity.name, *entity.aliases):
                first = name.split(" ", 1)[0].casefold()
                if first:
                    index.setdefault(first, []).append((name, key))
        return gazetteer

    def add(self, name: str, key: str) -> None:
        """Know `name` as a name of entity `key`."""
        words = name.split()
        if words:
            self.by_first.setdefault(words[0].casefold(), []).append((name, key))

    def scan(self, text: str, year: str) -> list[Mention]:
        """Every place in `text` a known name stands, overlapping matches kept (the caller resolves them)."""
        folded = text.casefold()
        found: list[Mention] = []
        for match in _WORD_START.finditer(text):
            start = match.start()
            end_word = re.match(r"[\w.&-]+", folded[start:])
            first = end_word.group(0).rstrip(".") if end_word else ""
            hyphened = first.split("-", 1)[0] if "-" in first else ""  # "Birmingham-based", "UK-wide"
            for name, key in [*self.by_first.get(first, ()), *self.by_first.get(hyphened, ())]:
                end = start + len(name)
                if folded[start:end] != name.casefold() or _word_char(text, end):
                    continue
                mention = self._mention(text[start:end], name, key, start, end, year)
                if mention is not None:
                    found.append(mention)
        return found

    def _mention(self, words: str, name: str, key: str, start: int, end: int, year: str) -> Mention | None:
        entity = self.entities[key]
        single = len(name.split()) == 1
        if words != name and (single or not words[0].isupper()):
            return None  # one word must be written as the graph spells it ("Advanced", not "advanced")
        rule = "name" if name == entity.name else "alias"
        confidence = 0.95 if words == name else 0.85
        edition = _YEAR_END.match(entity.name)
        if edition and not name.endswith(edition.group(2)) and edition.group(2) != year:
            return Mention(start, end, words, key, entity.type, False, "other-edition", 0.3,
                           note=f"'{words}' is an alias of {key}, the {edition.group(2)} edition; "
                                f"this source is {'of ' + year if year else 'undated'}")
        return Mention(start, end, words, key, entity.type, True, rule, confidence)


def _word_char(text: str, index: int) -> bool:
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


def resolve_overlaps(mentions: Iterable[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The mentions kept (longest first, equal spans merged as an ambiguity) and those inside a longer one."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), not m.known, m.key))
    kept: list[Mention] = []
    inside: list[Mention] = []
    for mention in ordered:
        if kept and kept[-1].start == mention.start and kept[-1].end == mention.end:
            last = kept[-1]
            if mention.key != last.key and mention.key not in last.alternatives:
                kept[-1] = Mention(last.start, last.end, last.words, last.key, last.type, last.known, last.rule,
                                   min(last.confidence, 0.5), (*last.alternatives, mention.key), last.note)
            continue
        if any(k.start <= mention.start and mention.end <= k.end for k in kept):
            inside.append(mention)
            continue
        if kept and mention.start < kept[-1].end:  # crossing spans: both kept, the second marked
            mention = Mention(mention.start, mention.end, mention.words, mention.key, mention.type, mention.known,
                              mention.rule, min(mention.confidence, 0.5), mention.alternatives,
                              f"overlaps '{kept[-1].words}'")
        kept.append(mention)
    return kept, inside


def head_word(name: str) -> str:
    """The word that says what an entity is ('University' of 'University of Birmingham'), or ''."""
    words = name.split()
    for word in (words[0], words[-1]) if words else ():
        if word in HEADS:
            return word
    return ""
