"""`extend: true` blocks: facts and aliases written in one fact file for an entity defined in another.

An article's facts live in one file, the article's, whatever entities they are about. A block
with `extend: true` names an entity defined elsewhere, with no type or name of its own; once
every file is read, its aliases and sources join the entity and its facts are checked against
the entity's type. Its facts' statement ids carry the file's name, so they never meet the ids of
the facts written where the entity is defined
(`university-of-birmingham.partners-with.primacy.in-tech-jobs-2023` in `articles/tech-jobs-2023.yaml`).
"""

from __future__ import annotations

import re

from ..load.values import with_article
from .model import Location
from .state import CheckState

EXTEND_KEYS = ("extend", "formerly", "aliases", "alias-ok", "source", "facts")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def fact_suffix(shown: str) -> str:
    """What the statement ids of an extend block's facts carry: the file's name (an article's file is its source id)."""
    stem = shown.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    return ".in-" + (_NOT_SLUG.sub("-", stem).strip("-") or "file")


def apply_extensions(state: CheckState) -> None:
    """Join each extend block to its entity, or report that no file defines it; check its facts' subjects."""
    entities = state.model.entities
    defined_unsure = bool(state.unread - {state.sources_file})
    for part in state.extensions:
        entity = entities.get(part.key)
        if entity is None:
            if not defined_unsure:
                state.problem(part.location, f"'{part.key}' is extended here but defined in no fact file",
                              "define it with 'type:' and 'name:' (remove 'extend: true'), or correct the id")
            continue
        extra = part.entity
        if extra is not None:
            sources = entity.sources + tuple(s for s in extra.sources if s not in entity.sources)
            aliases = entity.aliases + tuple(a for a in extra.aliases if a not in entity.aliases)
            formerly = entity.formerly + tuple(k for k in extra.formerly if k not in entity.formerly)
            entities[part.key] = entity._replace(sources=sources, aliases=aliases,
                                                 alias_ok=entity.alias_ok + extra.alias_ok, formerly=formerly)
        for fact in part.facts:
            relation = state.vocabulary.relations[fact.relation]
            if relation.subject_types and entity.type in state.vocabulary.entity_types \
                    and not state.vocabulary.is_a(entity.type, relation.subject_types):
                state.problem(Location(*fact.location), f"'{relation.key}' does not allow '{part.key}' "
                              f"({with_article(entity.type)}) here",
                              "allowed types: " + ", ".join(relation.subject_types))
    _check_merged(state)


def _check_merged(state: CheckState) -> None:
    """An id merged into an entity (its `formerly:`) names that entity: no entity may be defined under it again."""
    entities = state.model.entities
    where = {old: part.location for part in state.extensions if part.entity is not None
             for old in part.entity.formerly}
    for keeper in sorted(entities.values(), key=lambda e: e.key):
        for old in keeper.formerly:
            entity = entities.get(old)
            if entity is None or old == keeper.key:
                continue
            said = where.get(old, keeper.location)
            state.problem(entity.location, f"entity '{old}' is defined here, but it was merged into "
                          f"'{keeper.key}' ('formerly: [{old}]' at {said.file}:{said.line}:{said.column})",
                          f"write its facts as facts of '{keeper.key}' and remove this block, "
                          f"or take '{old}' out of that 'formerly:'")
