"""Find an entity by id or name, and gather everything known about it into a profile."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..errors import WmgraphError
from ..model.model import Fact, Model
from .phrasing import fact_sentence, fact_sources, source_with_where, status_text

# Profile sections, in the order shown; relations not listed fall in "Relations out/in".
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Posts and employment", ("holds-post", "works-for", "past-role", "studied-at", "post-in")),
    ("Job pledges", ("pledges-jobs",)),
    ("Money", ("investment", "funded-by", "funded-through")),
    ("Statistics, counts and rankings", ("statistic", "stated-count", "ranked-by", "target", "forecast")),
    ("Quotes", ("said",)),
    ("Reported speech", ("said-that",)),
    ("Described as", ("sector", "interest")),
)
RELATIONS_OUT = "Relations out"
RELATIONS_IN = "Relations in"
MENTIONED = "Mentioned in facts about others"
SECTION_ORDER = [title for title, _ in GROUPS] + [RELATIONS_OUT, RELATIONS_IN, MENTIONED]


class EntityNotFound(WmgraphError):
    """No entity, or more than one, answers to the name given."""


@dataclass(frozen=True)
class FactLine:
    """One fact as shown in a profile: sentence, sources, note and statement id."""

    key: str
    text: str
    sources: str
    note: str = ""
    quote: str = ""  # the words of its source, on one line
    status: str = ""  # its status as the vocabulary labels it, with its date: 'pledged (2023-10)' ('' if stated)
    cell: str = ""  # the table cell it was imported from, with the cell's text if the import normalised it


@dataclass
class Profile:
    """Everything known about one entity, facts grouped by kind."""

    key: str
    name: str
    type_label: str
    aliases: tuple[str, ...]
    description: str
    url: str
    sources: list[str]
    sections: list[tuple[str, list[FactLine]]] = field(default_factory=list)
    formerly: tuple[str, ...] = ()  # the ids merged into this entity, which still find it


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def find_entity(model: Model, query: str) -> str:
    """Return the id of the entity whose id, name or alias is `query` (case-insensitive)."""
    if query in model.entities:
        return query
    merged = [entity.key for entity in model.entities.values() if query in entity.formerly]
    if merged:
        return merged[0]
    wanted = _folded(query)
    names: dict[str, set[str]] = {}
    for entity in model.entities.values():
        for name in (entity.key, entity.name, *entity.aliases):
            names.setdefault(_folded(name), set()).add(entity.key)
    found = sorted(names.get(wanted, set()))
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(f"{key} ({model.entities[key].name})" for key in found)
        raise EntityNotFound(f"'{query}' names {len(found)} entities: {listed}; give the id instead")
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    partial = sorted(name for name in names if wanted and wanted in name)[:3]
    suggestions = list(dict.fromkeys(close + partial))[:3]
    hint = ""
    if suggestions:
        keys = dict.fromkeys(key for name in suggestions for key in sorted(names[name]))
        hint = " (did you mean " + " or ".join(f"'{model.entities[k].name}' ({k})" for k in keys) + "?)"
    raise EntityNotFound(f"no entity called '{query}'{hint}")


def _section(fact: Fact, key: str) -> str:
    for title, relations in GROUPS:
        if fact.relation in relations:
            return title
    if fact.subject == key:
        return RELATIONS_OUT
    if fact.object_is_entity and fact.object == key:
        return RELATIONS_IN
    return MENTIONED


def _mentions(fact: Fact, key: str) -> bool:
    if fact.subject == key or (fact.object_is_entity and fact.object == key):
        return True
    return any(value == key or (isinstance(value, tuple) and key in value) for _, value in fact.qualifiers)


def entity_profile(model: Model, query: str) -> Profile:
    """Find the entity named `query` and gather its facts, in and out, grouped by kind."""
    key = find_entity(model, query)
    entity = model.entities[key]
    entity_type = model.vocabulary.entity_types[entity.type]
    profile = Profile(key, entity.name, entity_type.label, entity.aliases, entity.description, entity.url,
                      [source_with_where(model, s) for s in entity.sources], formerly=entity.formerly)
    grouped: dict[str, list[FactLine]] = {}
    for fact in model.facts:
        if not _mentions(fact, key):
            continue
        note = fact.qualifier("note")
        line = FactLine(fact.key, fact_sentence(model, fact), fact_sources(model, fact, where=True),
                        str(note) if note else "", " ".join(fact.quote.split()), status_text(model, fact),
                        fact.cell + (f' (written "{fact.cell_text}")' if fact.cell_text else ""))
        grouped.setdefault(_section(fact, key), []).append(line)
    profile.sections = [(title, grouped[title]) for title in SECTION_ORDER if title in grouped]
    return profile
