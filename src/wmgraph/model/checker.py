"""The checker: walks parsed fact files, building the model's entities and facts and collecting problems."""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..load.values import names_of, suggest, url_problem
from ..load.yamlfile import MarkedDict, MarkedList
from .evidence import read_alias_ok, read_cell, read_modality_ok, read_quote, read_status
from .extensions import EXTEND_KEYS, fact_suffix
from .model import Entity, Fact, Location
from .pieces import EntityPiece, FilePiece
from .qualifiers import read_qualifiers
from .quotes import normalise
from .state import CheckState, kind_of
from .vocabulary import RESERVED, SLUG, RelationType

ENTITY_KEYS = ("type", "name", "aliases", "alias-ok", "description", "url", "quote", "quote-case", "source",
               "facts")


class Checker(CheckState):
    """Walks the raw fact files, building the model and collecting problems."""

    def bad_id(self, where: Location, key: object) -> None:
        """Record an entity id that is not a slug."""
        self.problem(where, f"entity id '{key}' must be a slug like 'university-of-birmingham'",
                     "use lower-case letters, digits and single hyphens")

    def entity_type(self, key: str, entry: MarkedDict, shown: str) -> str:
        """The entity's type, checked against the vocabulary ('' after a problem)."""
        types = self.vocabulary.entity_types
        where = self.at(shown, entry.mark_of("type"))
        type_key = entry.get("type")
        if "type" not in entry:
            self.problem(where, f"entity '{key}' has no type", "add 'type:' with one of: " + ", ".join(types))
        elif type_key is None or (isinstance(type_key, str) and not type_key.strip()):
            self.problem(where, f"entity '{key}' has an empty type", "write one of: " + ", ".join(types))
        elif not isinstance(type_key, str):
            self.problem(where, f"entity '{key}' has {kind_of(type_key)} as its type",
                         "write one entity type, e.g. 'type: company'")
        elif type_key not in types:
            self.problem(where, f"entity '{key}' has unknown type '{type_key}'",
                         suggest(type_key, types) or "one of: " + ", ".join(types))
        else:
            return type_key
        return ""

    def read_entity(self, key: str, entry: MarkedDict, shown: str, where: Location) -> None:
        """Check one entity entry and its facts into the model."""
        self.unknown_keys(entry, shown, ENTITY_KEYS, f"entity '{key}'")
        type_key = self.entity_type(key, entry, shown)
        name = self.text_field(entry, "name", shown, one_line=True, required=True)
        description = self.text_field(entry, "description", shown) or ""
        url = self.text_field(entry, "url", shown) or ""
        if name == "" and "name" not in entry:
            self.problem(where, f"entity '{key}' has no name", "add 'name: ...'")
        if url:
            message, hint = url_problem(url)
            if message:
                self.problem(self.at(shown, entry.mark_of("url")), message, hint)
        aliases = self.aliases(key, entry, shown)
        sources = self.sources_of(entry, shown, where, f"entity '{key}'")
        quote = read_quote(self, key, entry, shown, sources)
        self.model.entities[key] = Entity(key, type_key, name or "", where, sources, aliases, description, url,
                                          quote, read_alias_ok(self, key, entry, shown, aliases))
        self.read_facts(key, entry, shown)

    def read_extension(self, key: str, entry: MarkedDict, shown: str, where: Location) -> Entity:
        """Check an `extend: true` block: aliases, sources and facts for an entity defined in another file."""
        if entry["extend"] is not True:
            self.problem(self.at(shown, entry.mark_of("extend")), "'extend' must be true",
                         "write 'extend: true' to add to an entity defined in another file, or remove it")
        for name in entry:
            if name in ENTITY_KEYS and name not in EXTEND_KEYS:
                self.problem(self.at(shown, entry.mark_of(name)),
                             f"'{name}' is not allowed beside 'extend: true': '{key}' is defined in another file",
                             "change it where the entity is defined, or remove 'extend: true' to define it here")
            elif name not in EXTEND_KEYS:
                self.problem(self.at(shown, entry.mark_of(name)), f"unknown key '{name}' in entity '{key}'",
                             suggest(name, EXTEND_KEYS) or "allowed: " + ", ".join(EXTEND_KEYS))
        aliases = self.aliases(key, entry, shown)
        sources = self.sources_of(entry, shown, where, f"entity '{key}'") if "source" in entry else ()
        self.fact_suffix = fact_suffix(shown)
        self.read_facts(key, entry, shown)
        self.fact_suffix = ""
        formerly = names_of(entry.get("formerly", []))
        if formerly is None or not all(SLUG.match(old) for old in formerly):
            self.problem(self.at(shown, entry.mark_of("formerly")), "'formerly' must be a list of entity ids",
                         "write 'formerly: [old-id]': the ids merged into this entity")
        return Entity(key, "", "", where, sources, aliases, alias_ok=read_alias_ok(self, key, entry, shown, aliases),
                      formerly=tuple(formerly or ()))

    def read_facts(self, key: str, entry: MarkedDict, shown: str) -> None:
        """Check the facts listed under an entity entry into the model."""
        facts = entry.get("facts")
        if facts is None:
            return
        if not isinstance(facts, MarkedList):
            self.problem(self.at(shown, entry.mark_of("facts")), "'facts' must be a list",
                         "start each fact with '- relation: object'")
            return
        counters: dict[tuple[str, str], int] = {}
        for index, fact in enumerate(facts):
            fact_where = self.at(shown, facts.mark_of(index))
            if not isinstance(fact, MarkedDict):
                self.problem(fact_where, "a fact must be a mapping like '- works-for: techuk'")
                continue
            self.read_fact(key, fact, shown, fact_where, counters)

    def aliases(self, key: str, entry: MarkedDict, shown: str) -> tuple[str, ...]:
        """The entity's aliases, each one line of text; the cross-file check compares them later."""
        raw = entry.get("aliases", [])
        names = names_of(raw)
        if names is None:
            self.problem(self.at(shown, entry.mark_of("aliases")), "'aliases' must be a list of names",
                         "write them as [Name One, Name Two]")
            return ()
        found: list[str] = []
        for index, alias in enumerate(names):
            mark = raw.mark_of(index) if isinstance(raw, MarkedList) else entry.mark_of("aliases")
            alias = alias.strip()
            if not alias or "\n" in alias:
                self.problem(self.at(shown, mark), f"alias {index + 1} of '{key}' is "
                             + ("empty" if not alias else "more than one line"),
                             "write the name on one line, or remove it")
                continue
            self.alias_marks.append((alias, key, shown, mark))
            found.append(alias)
        return tuple(found)

    def sources_of(self, entry: MarkedDict, shown: str, where: Location, what: str) -> tuple[str, ...]:
        """The source ids an entity or fact cites, to be checked once every source is known."""
        if "source" not in entry:
            self.problem(where, f"{what} has no source", "add 'source:' with an id from sources.yaml")
            return ()
        names = names_of(entry["source"])
        mark = entry.mark_of("source")
        if not names:
            self.problem(self.at(shown, mark), "'source' must be a source id or a list of them")
            return ()
        for name in names:
            self.pending_sources.append((name, shown, mark))
        return tuple(names)

    def read_fact(self, subject: str, fact: MarkedDict, shown: str, where: Location,
                  counters: dict[tuple[str, str], int]) -> None:
        """Check one fact of `subject` into the model."""
        relations = [k for k in fact if k in self.vocabulary.relations]
        others = [k for k in fact if k not in self.vocabulary.relations and (k not in RESERVED or k == "note")]
        if len(relations) != 1:
            unknown = [k for k in others if k not in self.vocabulary.qualifiers]
            if not relations and unknown:
                self.problem(self.at(shown, fact.mark_of(unknown[0])), f"unknown relation '{unknown[0]}'",
                             suggest(unknown[0], self.vocabulary.relations)
                             or "see docs/vocabulary.md for the relations")
            elif not relations:
                self.problem(where, "fact names no relation", "start it with '- relation: object'")
            else:
                self.problem(self.at(shown, fact.mark_of(relations[1])),
                             f"fact names two relations ('{relations[0]}' and '{relations[1]}')",
                             "write them as two facts")
            return
        relation = self.vocabulary.relations[relations[0]]
        sources = self.sources_of(fact, shown, where, f"fact '{relation.key}'")
        qualifiers = read_qualifiers(self, relation, fact, shown, others, where)
        status, status_date = read_status(self, relation, fact, shown, where)
        obj = self.read_object(subject, relation, fact, shown)
        if relation.object_kind == "entity" and obj is not None:
            base = f"{subject}.{relation.key}.{obj}{self.fact_suffix}"
            count = counters[(base, "")] = counters.get((base, ""), 0) + 1
            key = base if count == 1 else f"{base}.{count}"
        else:
            count = counters[(subject, relation.key)] = counters.get((subject, relation.key), 0) + 1
            key = f"{subject}.{relation.key}{self.fact_suffix}.{count}"
        quote = read_quote(self, key, fact, shown, sources)
        cell, cell_text = read_cell(self, fact, shown)
        if relation.quotation and obj and quote and normalise(obj).text not in normalise(quote).text:
            self.quotation_problem(relation, self.at(shown, fact.mark_of(relation.key)))
        self.model.facts.append(Fact(key, subject, relation.key, obj, relation.object_kind == "entity",
                                     qualifiers, sources, where, quote, status, status_date, cell, cell_text,
                                     read_modality_ok(self, fact, shown)))

    def quotation_problem(self, relation: RelationType, location: Location) -> None:
        """Record a direct quotation whose words are not in its fact's quote."""
        reported = next((r.key for r in self.vocabulary.relations.values()
                         if r.object_kind == "text" and r.key.startswith(relation.key) and not r.quotation), "")
        self.problem(location, f"'{relation.key}' is a direct quotation, but its words are not in the fact's quote",
                     "write the speaker's words exactly as the quote has them"
                     + (f", or write reported speech as '{reported}'" if reported else ""))

    def read_object(self, subject: str, relation: RelationType, fact: MarkedDict, shown: str) -> str | None:
        """The fact's object: an entity id (checked later), text or none."""
        value = fact[relation.key]
        mark = fact.mark_of(relation.key)
        location = self.at(shown, mark)
        self.check_subject(subject, relation, location)
        if relation.object_kind == "none":
            if value is not None:
                self.problem(location, f"'{relation.key}' takes no object, got '{value}'",
                             f"write '{relation.key}: ~' and put the details in qualifiers")
            return None
        if relation.object_kind == "text":
            if isinstance(value, str) and not value.strip():
                self.problem(location, f"'{relation.key}' has an empty object", "write its words, or remove the fact")
                return None
            if not isinstance(value, str):
                self.problem(location, f"'{relation.key}' needs text as its object", "put it in quotes")
                return None
            return value.strip()
        if not isinstance(value, str):
            self.problem(location, f"'{relation.key}' needs an entity id as its object")
            return None
        self.pending_refs.append((value, shown, mark, relation.key, relation.object_types))
        return value

    def check_subject(self, subject: str, relation: RelationType, location: Location) -> None:
        """Check here that the relation allows its subject: the entity is being read from this file."""
        entity = self.model.entities.get(subject)
        if entity is not None and relation.subject_types and not self.fits(entity.type, relation.subject_types):
            self.misfit(location, relation.key, subject, entity.type, relation.subject_types)

    def file_piece(self, data: Any, shown: str) -> FilePiece:
        """Check one parsed fact file on its own (this checker must be fresh)."""
        piece = FilePiece(shown)
        if data is None:
            return piece
        if not isinstance(data, MarkedDict):  # no entity of it is known: as if unread
            piece.problems.append(Problem(shown, getattr(data, "line", 1), getattr(data, "column", 1),
                                          "a fact file must map entity ids to entities",
                                          "write 'my-entity:' followed by 'type:' and 'name:'"))
            piece.unread = True
            return piece
        for key, entry in data.items():
            where = self.at(shown, data.mark_of(key))
            if not isinstance(key, str) or not SLUG.match(key):
                self.bad_id(where, key)
                piece.problems.extend(self.take(self.problems))
                continue
            part = EntityPiece(key, where, None)
            if isinstance(entry, MarkedDict) and "extend" in entry:
                part.entity, part.extends = self.read_extension(key, entry, shown, where), True
            elif isinstance(entry, MarkedDict):
                self.read_entity(key, entry, shown, where)
                part.entity = self.model.entities.pop(key)
            else:
                self.problem(where, f"entity '{key}' must be a mapping with 'type:' and 'name:'")
            part.facts, part.problems = self.take(self.model.facts), self.take(self.problems)
            part.refs, part.sources = self.take(self.pending_refs), self.take(self.pending_sources)
            part.aliases = self.take(self.alias_marks)
            part.quotes = tuple(self.take(self.pending_quotes))
            piece.entities.append(part)
        return piece

    def add_piece(self, piece: FilePiece) -> None:
        """Add a checked file to the model; an entity id seen in an earlier file is a duplicate."""
        self.problems += piece.problems
        if piece.unread:
            self.unread.add(piece.shown)
        for part in piece.entities:
            if part.extends:
                self.extensions.append(part)
                self.problems += part.problems
                self.merge_queues(part)
                continue
            if part.key in self.model.entities:
                first = self.model.entities[part.key].location
                self.problem(part.location, f"duplicate entity id '{part.key}' (first defined at {first})",
                             "merge the two entries or rename one")
                continue
            self.problems += part.problems
            if part.entity is None:
                continue
            self.model.entities[part.key] = part.entity
            self.merge_queues(part)

    def merge_queues(self, part: EntityPiece) -> None:
        """Add an entry's facts and its references, aliases and quotes still to check."""
        self.model.facts += part.facts
        self.pending_refs += part.refs
        self.pending_sources += part.sources
        self.alias_marks += part.aliases
        self.pending_quotes += part.quotes
