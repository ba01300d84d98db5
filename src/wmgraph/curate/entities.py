"""Every entity an article names: known ones linked, new ones proposed, names learned in the article followed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapidfuzz import utils

from ..model.model import Entity
from .candidates import (
    Candidate,
    NameIndex,
    classify,
    find_spans,
    lower_case_candidates,
    person_context,
    slug,
)
from .gazetteer import Gazetteer, Mention, head_word, resolve_overlaps
from .names import CITIES, COUNTIES, COUNTRIES, DEMONYMS, GIVEN_NAMES, HEAD_TYPES, SENTENCE_WORDS, WORLD_REGIONS
from .references import references

_ACRONYM = re.compile(r" \(([A-Z][A-Za-z&]*[A-Z])\)")
_GOVERNMENT = re.compile(r"\b(?:the|new) government\b|\bgovernment (?:funding|money|support)\b", re.IGNORECASE)


@dataclass
class ArticleEntities:
    """What `find_entities` found: the mentions in text order, the candidates by id, the names inside others."""

    mentions: list[Mention] = field(default_factory=list)
    candidates: dict[str, Candidate] = field(default_factory=dict)
    inside: list[Mention] = field(default_factory=list)


class _Finder:
    def __init__(self, text: str, entities: dict[str, Entity], names: NameIndex) -> None:
        self.text = text
        self.entities = entities
        self.names = names
        self.found = ArticleEntities()
        self.by_name: dict[str, str] = {}
        self.taught: dict[str, tuple[str, str, bool]] = {}  # an acronym a known entity's name taught: its entity

    def candidate(self, name: str, kind: str, rule: str, confidence: float, start: int) -> Candidate:
        """The candidate called `name`, made if new."""
        key = self.by_name.get(name.casefold())
        if key is not None:
            return self.found.candidates[key]
        key = base = slug(name)
        number = 1
        while key in self.entities or key in self.found.candidates:
            number += 1
            key = f"{base}-{number}"
        made = Candidate(key, kind, name, rule, confidence, start=start,
                         near=self.names.near(name))
        self.found.candidates[key] = made
        self.by_name[name.casefold()] = key
        return made

    def mention(self, start: int, end: int, made: Candidate, rule: str, confidence: float, note: str = "") -> Mention:
        """A mention of a candidate; the words become an alias when they differ from its name and no known
        entity has them (another edition's words stay the known edition's alias, or accepting would clash)."""
        words = self.text[start:end]
        if words != made.name and words not in made.aliases and not words.startswith(("the ", "The ")) \
                and rule != "other-edition":
            made.aliases.append(words)
        return Mention(start, end, words, made.key, made.type, False, rule, confidence, note=note)


def find_entities(text: str, starts: set[int], gazetteer: Gazetteer, year: str,
                  names: NameIndex, undated_year: str = "") -> ArticleEntities:
    """Link the known entities `text` names, propose candidates for the rest, follow surnames and acronyms.

    `undated_year`, for an undated text, is the year of the latest date it states: another edition of a known
    event is named by it (and by '(another edition)' without it), never by the known edition's own words.
    """
    finder = _Finder(text, gazetteer.entities, names)
    scanned = gazetteer.scan(text, year)
    mentions = [m for m in scanned if m.known]
    for other in (m for m in scanned if not m.known):
        entity = gazetteer.entities[other.key]
        edition = year or undated_year
        name = f"{other.words} {edition}" if edition else f"{other.words} (another edition)"
        made = finder.candidate(name, entity.type, "other-edition", 0.6, other.start)
        made.near.append(f"{other.key} (another edition" + (
            f"; {edition} is the year of the latest date the article states)" if not year and edition else ")"))
        mentions.append(finder.mention(other.start, other.end, made, "other-edition", 0.6, other.note))
    for start, end, name, kind in lower_case_candidates(text, mentions):
        made = finder.candidate(name[0].upper() + name[1:] if kind == "post" else name, kind, f"lower-case-{kind}",
                                0.5, start)
        mentions.append(finder.mention(start, end, made, f"lower-case-{kind}", 0.5))
    mentions += _named(finder, starts, mentions)
    for match in _GOVERNMENT.finditer(text):
        made = finder.candidate("UK Government", "public-body", "the-government", 0.5, match.start())
        at = match.group(0).casefold().index("government")
        mentions.append(Mention(match.start() + at, match.start() + at + 10, text[match.start() + at:][:10],
                                made.key, made.type, False, "the-government", 0.5,
                                note="'the government' read as the UK's (the graph's home country)"))
    kept, inside = resolve_overlaps(mentions)
    kept += _learned(finder, kept)
    kept = resolve_overlaps(kept)[0]
    kept += references(text, kept)
    moved = _aliases_owned(finder)
    finder.found.mentions = [_moved(m, moved) for m in resolve_overlaps(kept)[0]]
    finder.found.inside = [_moved(m, moved) for m in inside]
    return finder.found


def _named(finder: _Finder, starts: set[int], mentions: list[Mention]) -> list[Mention]:
    """Candidates for the capitalised names no known name covers, each typed by its likeliest reading."""
    text = finder.text
    elsewhere = {m.group(0) for m in re.finditer(r"(?<=[a-z,] )[A-Z]\w+", text)}
    readings = []
    unread = []  # a word opening a sentence, no name by itself: one if the article names it elsewhere
    for start, end, opens in find_spans(text, starts, mentions):
        kind, rule, confidence = classify(text, start, end, opens, elsewhere)
        if kind:
            readings.append((start, end, kind, rule, confidence))
        else:
            unread.append((start, end))
    named = {text[start:end] for start, end, _, _, _ in readings}
    readings = sorted(readings + [(start, end, "", "", 0.0) for start, end in unread if text[start:end] in named])
    readings = [_surname_said(text, reading) for reading in readings]
    people_named = readings + [(m.start, m.end, "person", "", 0.0) for m in mentions if m.type == "person"]
    readings = [_listed_with_people(text, reading, people_named) for reading in readings]
    best: dict[str, tuple[str, str, float]] = {}
    for start, end, kind, rule, confidence in readings:
        name = text[start:end].casefold()
        if kind and (name not in best or confidence > best[name][2]):
            best[name] = (kind, rule, confidence)
    people = [(m.start, n) for m in mentions if m.type == "person" and " " in m.words for n in m.words.split()]
    people += [(s, n) for s, e, kind, _, _ in readings if kind == "person" for n in text[s:e].split()]
    people += [(s, short_name(text[s:e])) for s, e, _, _, _ in readings
               if best[text[s:e].casefold()][0] in _NAMED_SHORT and short_name(text[s:e])]
    found = []
    for start, end, _, _, _ in readings:
        words = text[start:end]
        if " " not in words and any(surname == words and at < start for at, surname in people):
            continue  # a surname or first name: followed as the person's, below
        kind, rule, confidence = best[words.casefold()]
        made = finder.candidate(words, kind, rule, confidence, start)
        found.append(finder.mention(start, end, made, rule, confidence))
        called = re.match(r" (?:programme|project|scheme|initiative)\b", text[end:])
        if called and kind in ("programme", "initiative") and words + called.group(0) not in made.aliases:
            made.aliases.append(words + called.group(0))  # "the Innovation Accelerator programme"
    return found


def _surname_said(text: str, reading: tuple[int, int, str, str, float]) -> tuple[int, int, str, str, float]:
    """A two- or three-word name read as a body by default is a person's when its last word, later and alone,
    is said to speak or hold a post ('founded by Ann Lee ... Lee, the firm's chief executive, said')."""
    start, end, _, rule, _ = reading
    words = text[start:end].split()
    if rule != "capitalised-name" or not 2 <= len(words) <= 3 or not all(w.isalpha() for w in words):
        return reading
    for later in re.finditer(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-]| [A-Z])", text[end:]):
        at = end + later.start()
        if person_context(text[max(0, at - 40):at], text[at + len(words[-1]):at + len(words[-1]) + 40]):
            return start, end, "person", "surname-context", 0.6
    return reading


def _listed_with_people(text: str, reading: tuple[int, int, str, str, float],
                        readings: list[tuple[int, int, str, str, float]]) -> tuple[int, int, str, str, float]:
    """A two- or three-word name read as a body by default, listed with a person ('by Ann Lee and Tom Ode'), is one."""
    start, end, _, rule, _ = reading
    words = text[start:end].split()
    if rule != "capitalised-name" or not 2 <= len(words) <= 3 or not all(w.isalpha() for w in words):
        return reading
    for other_start, other_end, kind, _, _ in readings:
        gap = text[other_end:start] if other_end <= start else text[end:other_start]
        if kind == "person" and re.fullmatch(r",? and (?:[a-z]+ )?|, ", gap):  # "by chemist A and engineer B"
            return start, end, "person", "listed-with-person", 0.55
    return reading


def _learned(finder: _Finder, mentions: list[Mention]) -> list[Mention]:
    """Mentions by names the article teaches: acronyms in brackets, surnames after full names, 'the Department'."""
    text = finder.text
    aliases: dict[str, tuple[Mention, str, int]] = {}  # words: (the mention that taught them, rule, from where)
    people = {m.key: m.words.split() for m in mentions if m.type == "person"}
    firsts = [words[0] for words in people.values() if len(words) >= 2]
    shorts: dict[str, set[str]] = {}  # a short name: the bodies whose names it opens
    for mention in mentions:
        acronym = _ACRONYM.match(text, mention.end)
        if acronym and acronym.group(1) != mention.words:
            aliases.setdefault(acronym.group(1), (mention, "acronym", mention.end))
            if mention.known:  # "the West Midlands Growth Company (WMGC) ... The WMGC's": no candidate 'WMGC'
                finder.taught.setdefault(acronym.group(1).casefold(), (mention.key, mention.type, True))
        words = mention.words.split()
        if mention.type == "person" and len(words) >= 2:
            aliases.setdefault(words[-1], (mention, "surname", mention.end))
            if firsts.count(words[0]) == 1:
                aliases.setdefault(words[0], (mention, "first-name", mention.end))  # a profile's "Matt is ..."
        short = short_name(mention.words) if not mention.known and mention.type in _NAMED_SHORT else ""
        if short:
            shorts.setdefault(short, set()).add(mention.key)
            aliases.setdefault(short, (mention, "short-name", mention.end))
        head = head_word(mention.words)
        if head and len(words) > 1:
            for form in (f"the {head}", f"the {head.casefold()}", f"The {head}", f"The {head.casefold()}"):
                aliases.setdefault(form, (mention, "head-reference", mention.end))
    found = []
    for alias, (source, rule, after) in aliases.items():
        if rule == "short-name" and (len(shorts[alias]) > 1 or alias in firsts):
            continue  # "Northgate" after "Northgate Analytics" and "Northgate Capital": either
        for match in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w])", text):
            start = match.start() + (4 if rule == "head-reference" else 0)
            if match.start() < after or any(m.start <= match.start() < m.end for m in mentions):
                continue
            if rule != "head-reference" or not re.match(r"\w", text[match.end():match.end() + 1] or " "):
                found.append(_alias_mention(finder, source, start, match.end(), rule))
    return found


_NAMED_SHORT = ("company", "organisation")
# words that open many bodies' names and name something else alone ("the Midlands", "West")
_NO_SHORT_NAME = frozenset(("North", "South", "East", "West", "Midlands", "Central", "Greater", "Royal", "National",
                            "British", "United", "Global", "International", "Digital", "Tech", "Black", "City",
                            "County", "Regional", "Local", "Smart", "Open", "First", "Future", "Green"))


def short_name(name: str) -> str:
    """The first word of a body's name of two or more, by which news names it again ('Northgate' after
    'Northgate Analytics'), or '' when that word alone would name a place, a person or a common thing."""
    words = name.split()
    first = words[0] if len(words) >= 2 else ""
    if len(first) < 4 or not first.isalpha() or not first[0].isupper() or first.isupper() or first in _NO_SHORT_NAME \
            or first in SENTENCE_WORDS or first in HEAD_TYPES or first in GIVEN_NAMES or first in DEMONYMS \
            or any(first in places.split() for places in (*CITIES, *COUNTIES, *COUNTRIES, *WORLD_REGIONS)):
        return ""
    return first


def _aliases_owned(finder: _Finder) -> dict[str, tuple[str, str, bool]]:
    """Candidates named by a known entity's name or alias or another candidate's alias, dropped: {candidate: (owner,
    type, known)}.

    'Department of Culture, Media and Sport (DCMS)' teaches the alias DCMS: a separate candidate 'DCMS' would
    be the same body twice, and accepting both would fail on the alias they share. Another edition of a known
    event keeps its candidate: the gazetteer found it is not the known one.
    """
    owners: dict[str, tuple[str, str, bool]] = dict(finder.taught)
    for key, entity in finder.entities.items():
        for alias in entity.aliases:
            owners.setdefault(alias.casefold(), (key, entity.type, True))
    # a candidate with a known entity's name ("UK Government" read from "the government") is that entity
    named = {_folded(entity.name): (key, entity.type, True) for key, entity in finder.entities.items()}
    for made in finder.found.candidates.values():
        for alias in made.aliases:
            owners.setdefault(alias.casefold(), (made.key, made.type, False))
    moved: dict[str, tuple[str, str, bool]] = {}
    for key, made in list(finder.found.candidates.items()):
        owner = owners.get(made.name.casefold()) or named.get(_folded(made.name))
        if made.rule != "other-edition" and owner is not None and owner[0] != key and owner[0] not in moved:
            moved[key] = owner
            del finder.found.candidates[key]
    return moved


def _folded(name: str) -> str:
    """A name's words, case and punctuation aside, in order: what a near-match score of 100 compares."""
    return " ".join(sorted(utils.default_process(name).split()))


def _moved(mention: Mention, moved: dict[str, tuple[str, str, bool]]) -> Mention:
    """The mention given to the entity whose alias its words are, if its candidate was dropped."""
    if mention.key not in moved:
        return mention
    key, kind, known = moved[mention.key]
    return replace(mention, key=key, type=kind, known=known, note=f"'{mention.words}' names {key}")


def _alias_mention(finder: _Finder, source: Mention, start: int, end: int, rule: str) -> Mention:
    words = finder.text[start:end]
    if not source.known and rule != "head-reference":
        made = finder.found.candidates[source.key]
        if words not in made.aliases:
            made.aliases.append(words)
    return Mention(start, end, words, source.key, source.type, source.known, rule, 0.8,
                   note=f"after '{source.words}'")
