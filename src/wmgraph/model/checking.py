"""Find the fact files of a graph folder and check them into a `Model`, all problems at once."""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import LoadError, Problem, ValidationError, display_path
from ..load.values import CURRENCY, DURATION, URL, check_date, date_bounds, names_of, suggest
from ..load.yamlfile import MarkedDict, MarkedList, read_yaml
from .model import Entity, Fact, Location, Model, QualifierValue, Source
from .pieces import AliasMark, EntityPiece, FilePiece, Ref, SourceRef
from .vocabulary import SLUG, VOCABULARY_FILE, RelationType, Vocabulary, read_vocabulary

__all__ = ["check_date", "check_file", "date_bounds", "find_fact_files", "finish_model", "load_model",
           "start_model"]

SOURCES_FILE = "sources.yaml"
ENTITY_KEYS = ("type", "name", "aliases", "description", "url", "source", "facts")
SOURCE_KEYS = ("title", "publisher", "author", "date", "url", "seed", "cites", "note")
_VALUE_HINTS = {
    "integer": "write a plain whole number", "decimal": "write a plain number",
    "money": "write the sum in units, e.g. 14500000", "url": "start it with https://",
    "entity": "use an entity id from the fact files", "entities": "write [id-one, id-two]",
    "text": "put it in quotes",
}


def find_fact_files(graph_dir: Path) -> tuple[list[Path], list[Problem]]:
    """List the entity fact files under `graph_dir` (sorted), refusing links that leave it."""
    root = graph_dir.resolve()
    files: list[Path] = []
    problems: list[Problem] = []
    for folder, dirnames, filenames in os.walk(graph_dir, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(folder) / name
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    problems.append(Problem(
                        display_path(path, graph_dir), 1, 1,
                        f"symbolic link points outside the graph folder (to {target})",
                        "copy the file into the graph folder instead",
                    ))
                    continue
                if name in dirnames:
                    continue  # a link to a folder inside the graph is read there already
            if name in filenames and name.endswith((".yaml", ".yml")):
                if Path(folder) == graph_dir and name in (VOCABULARY_FILE, SOURCES_FILE):
                    continue
                files.append(path)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
    return sorted(files), problems


class _Checker:
    """Walks the raw fact files, building the model and collecting problems."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.model = Model(vocabulary)
        self.problems: list[Problem] = []
        self.pending_refs: list[Ref] = []
        self.pending_sources: list[SourceRef] = []
        self.alias_marks: list[AliasMark] = []

    def problem(self, location: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(location.file, location.line, location.column, message, hint))

    @staticmethod
    def at(shown: str, where: tuple[int, int]) -> Location:
        return Location(shown, where[0], where[1])

    # -- sources -------------------------------------------------------------
    def read_sources(self, data: Any, shown: str) -> None:
        if not isinstance(data, MarkedDict):
            self.problem(Location(shown, 1, 1), "sources file must map source ids to sources",
                         "write 'my-source:' followed by 'title: ...'")
            return
        for key, entry in data.items():
            where = self.at(shown, data.mark_of(key))
            if not isinstance(key, str) or not SLUG.match(key):
                self.problem(where, f"source id '{key}' must be a slug like 'techuk-2022'")
                continue
            if not isinstance(entry, MarkedDict):
                self.problem(where, f"source '{key}' must be a mapping with at least 'title:'")
                continue
            self.unknown_keys(entry, shown, SOURCE_KEYS, f"source '{key}'")
            fields: dict[str, str] = {}
            for name in ("title", "publisher", "url", "seed", "note"):
                value = entry.get(name, "")
                if not isinstance(value, str):
                    self.problem(self.at(shown, entry.mark_of(name)), f"'{name}' must be text")
                    value = ""
                fields[name] = value
            if not fields["title"]:
                self.problem(where, f"source '{key}' has no title", "add 'title: ...'")
            if fields["url"] and not URL.match(fields["url"]):
                self.problem(self.at(shown, entry.mark_of("url")), f"'{fields['url']}' is not an http(s) URL")
            date = ""
            if "date" in entry:
                date, error = check_date(entry["date"])
                if error:
                    self.problem(self.at(shown, entry.mark_of("date")), f"'date': {error}")
            authors = names_of(entry.get("author", []))
            cites = names_of(entry.get("cites", []))
            if authors is None:
                self.problem(self.at(shown, entry.mark_of("author")), "'author' must be a name or a list of names")
            if cites is None:
                self.problem(self.at(shown, entry.mark_of("cites")), "'cites' must be a list of source ids")
            for cited in cites or []:
                self.pending_sources.append((cited, shown, entry.mark_of("cites")))
            self.model.sources[key] = Source(
                key, fields["title"], where, fields["publisher"], tuple(authors or ()), date,
                fields["url"], fields["seed"], tuple(cites or ()), fields["note"],
            )

    # -- entities --------------------------------------------------------------
    def read_entities(self, data: Any, shown: str) -> None:
        if data is None:
            return
        if not isinstance(data, MarkedDict):
            self.problem(Location(shown, 1, 1), "a fact file must map entity ids to entities",
                         "write 'my-entity:' followed by 'type:' and 'name:'")
            return
        for key, entry in data.items():
            where = self.at(shown, data.mark_of(key))
            if not isinstance(key, str) or not SLUG.match(key):
                self.bad_id(where, key)
                continue
            if key in self.model.entities:
                first = self.model.entities[key].location
                self.problem(where, f"duplicate entity id '{key}' (first defined at {first})",
                             "merge the two entries or rename one")
                continue
            if not isinstance(entry, MarkedDict):
                self.problem(where, f"entity '{key}' must be a mapping with 'type:' and 'name:'")
                continue
            self.read_entity(key, entry, shown, where)

    def bad_id(self, where: Location, key: object) -> None:
        self.problem(where, f"entity id '{key}' must be a slug like 'university-of-birmingham'",
                     "use lower-case letters, digits and single hyphens")

    def read_entity(self, key: str, entry: MarkedDict, shown: str, where: Location) -> None:
        self.unknown_keys(entry, shown, ENTITY_KEYS, f"entity '{key}'")
        type_key = entry.get("type")
        if type_key not in self.vocabulary.entity_types:
            self.problem(self.at(shown, entry.mark_of("type")),
                         f"entity '{key}' has unknown type '{type_key}'" if "type" in entry
                         else f"entity '{key}' has no type",
                         suggest(type_key, self.vocabulary.entity_types) if type_key else
                         "add 'type:' with one of: " + ", ".join(self.vocabulary.entity_types))
        texts: dict[str, str] = {}
        for name in ("name", "description", "url"):
            value = entry.get(name, "")
            if not isinstance(value, str):
                self.problem(self.at(shown, entry.mark_of(name)), f"'{name}' must be text", "put it in quotes")
                value = ""
            texts[name] = value.strip()
        if not texts["name"]:
            self.problem(where, f"entity '{key}' has no name", "add 'name: ...'")
        if texts["url"] and not URL.match(texts["url"]):
            self.problem(self.at(shown, entry.mark_of("url")), f"'{texts['url']}' is not an http(s) URL",
                         "start it with https://")
        raw_aliases = entry.get("aliases", [])
        aliases = names_of(raw_aliases)
        if aliases is None:
            self.problem(self.at(shown, entry.mark_of("aliases")), "'aliases' must be a list of names")
            aliases = []
        for index, alias in enumerate(aliases):
            where_alias = raw_aliases.mark_of(index) if isinstance(raw_aliases, MarkedList) \
                else entry.mark_of("aliases")
            self.alias_marks.append((alias.strip(), key, shown, where_alias))
        sources = self.sources_of(entry, shown, where, f"entity '{key}'")
        self.model.entities[key] = Entity(
            key, str(type_key), texts["name"], where, sources, tuple(a.strip() for a in aliases),
            texts["description"], texts["url"],
        )
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

    def sources_of(self, entry: MarkedDict, shown: str, where: Location, what: str) -> tuple[str, ...]:
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

    def unknown_keys(self, entry: MarkedDict, shown: str, allowed: Iterable[str], what: str) -> None:
        allowed = list(allowed)
        for key in entry:
            if key not in allowed:
                self.problem(self.at(shown, entry.mark_of(key)), f"unknown key '{key}' in {what}",
                             suggest(key, allowed) or "allowed: " + ", ".join(allowed))

    # -- facts -------------------------------------------------------------------
    def read_fact(self, subject: str, fact: MarkedDict, shown: str, where: Location,
                  counters: dict[tuple[str, str], int]) -> None:
        relations = [k for k in fact if k in self.vocabulary.relations]
        others = [k for k in fact if k not in self.vocabulary.relations and k != "source"]
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
        qualifiers = self.read_qualifiers(relation, fact, shown, others, where)
        obj = self.read_object(subject, relation, fact, shown)
        if relation.object_kind == "entity" and obj is not None:
            base = f"{subject}.{relation.key}.{obj}"
            count = counters[(base, "")] = counters.get((base, ""), 0) + 1
            key = base if count == 1 else f"{base}.{count}"
        else:
            count = counters[(subject, relation.key)] = counters.get((subject, relation.key), 0) + 1
            key = f"{subject}.{relation.key}.{count}"
        self.model.facts.append(Fact(key, subject, relation.key, obj, relation.object_kind == "entity",
                                     qualifiers, sources, where))

    def read_object(self, subject: str, relation: RelationType, fact: MarkedDict, shown: str) -> str | None:
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
            if not isinstance(value, str) or not value.strip():
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

    def fits(self, type_key: str, allowed: tuple[str, ...]) -> bool:
        return type_key not in self.vocabulary.entity_types or self.vocabulary.is_a(type_key, allowed)

    def misfit(self, location: Location, relation: str, ref: str, type_key: str, allowed: tuple[str, ...]) -> None:
        self.problem(location, f"'{relation}' does not allow '{ref}' (a {type_key}) here",
                     "allowed types: " + ", ".join(allowed))

    def read_qualifiers(self, relation: RelationType, fact: MarkedDict, shown: str, keys: list[str],
                        where: Location) -> tuple[tuple[str, QualifierValue], ...]:
        values: list[tuple[str, QualifierValue]] = []
        for key in keys:
            location = self.at(shown, fact.mark_of(key))
            if key not in relation.qualifiers:
                known = key in self.vocabulary.qualifiers
                self.problem(location, f"'{key}' is not allowed on '{relation.key}'" if known
                             else f"unknown key '{key}' in fact '{relation.key}'",
                             "allowed: " + ", ".join(relation.qualifiers) if known
                             else suggest(key, [*relation.qualifiers, "source"])
                             or "allowed: " + ", ".join(relation.qualifiers))
                continue
            value = self.read_value(key, fact[key], location)
            if value is not None:
                values.append((key, value))
        present = dict(values)
        for key in relation.required:
            if key not in fact:
                self.problem(where, f"fact '{relation.key}' needs '{key}'", f"add '{key}: ...'")
        if "currency" in present and "amount" not in present:
            self.problem(self.at(shown, fact.mark_of("currency")), "'currency' without 'amount'",
                         "add 'amount:' or remove 'currency:'")
        start, end = present.get("start"), present.get("end")
        if isinstance(start, str) and isinstance(end, str) and date_bounds(end)[1] < date_bounds(start)[0]:
            self.problem(self.at(shown, fact.mark_of("end")), f"end {end} is before start {start}",
                         "swap them or correct one")
        return tuple(sorted(values))

    def read_value(self, key: str, value: Any, location: Location) -> QualifierValue | None:
        datatype = self.vocabulary.qualifiers[key].datatype
        error = ""
        result: QualifierValue | None = None
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if datatype in ("integer", "decimal", "money"):
            if isinstance(value, str):
                error = f"'{key}' must be a number, not text '{value}'"
                hint = "write digits without quotes or units, e.g. 14500000"
                self.problem(location, error, hint)
                return None
            if not number or (datatype == "integer" and not isinstance(value, int)):
                error = f"'{key}' must be {'a whole number' if datatype == 'integer' else 'a number'}"
            elif datatype != "decimal" and value < 0:
                error = f"'{key}' must not be negative"
            else:
                result = value if isinstance(value, int) else Decimal(repr(value))
        elif datatype == "date":
            result, error = check_date(value)
            error = f"'{key}': {error}" if error else ""
        elif datatype == "duration":
            if not isinstance(value, str) or not DURATION.match(value):
                error = f"'{key}' must be an ISO 8601 duration like P3Y or P18M"
            result = value if not error else None
        elif datatype == "currency":
            if not isinstance(value, str) or not CURRENCY.match(value):
                error = f"'{key}' must be a three-letter currency code like GBP"
            result = value if not error else None
        elif datatype == "url":
            if not isinstance(value, str) or not URL.match(value):
                error = f"'{key}' must be an http(s) URL"
            result = value if not error else None
        elif datatype in ("entity", "entities"):
            names = names_of(value)
            if names is None or (datatype == "entity" and len(names) != 1):
                error = f"'{key}' must be {'an entity id' if datatype == 'entity' else 'a list of entity ids'}"
            else:
                for name in names:
                    self.pending_refs.append((name, location.file, (location.line, location.column), key, ()))
                result = names[0] if datatype == "entity" else tuple(names)
        elif isinstance(value, str) and value.strip():
            result = value.strip()
        else:
            error = f"'{key}' must be text"
        if error:
            self.problem(location, error, _VALUE_HINTS.get(datatype, ""))
            return None
        return result

    # -- one file at a time ----------------------------------------------------------
    def file_piece(self, data: Any, shown: str) -> FilePiece:
        """Check one parsed fact file on its own (this checker must be fresh)."""
        piece = FilePiece(shown)
        if data is None:
            return piece
        if not isinstance(data, MarkedDict):
            self.read_entities(data, shown)
            piece.problems = self.problems
            return piece
        for key, entry in data.items():
            where = self.at(shown, data.mark_of(key))
            if not isinstance(key, str) or not SLUG.match(key):
                self.bad_id(where, key)
                piece.problems.extend(self.take(self.problems))
                continue
            part = EntityPiece(key, where, None)
            if isinstance(entry, MarkedDict):
                self.read_entity(key, entry, shown, where)
                part.entity = self.model.entities.pop(key)
            else:
                self.problem(where, f"entity '{key}' must be a mapping with 'type:' and 'name:'")
            part.facts, part.problems = self.take(self.model.facts), self.take(self.problems)
            part.refs, part.sources = self.take(self.pending_refs), self.take(self.pending_sources)
            part.aliases = self.take(self.alias_marks)
            piece.entities.append(part)
        return piece

    @staticmethod
    def take(items: list[Any]) -> list[Any]:
        taken = items[:]
        items.clear()
        return taken

    def add_piece(self, piece: FilePiece) -> None:
        """Add a checked file to the model; an entity id seen in an earlier file is a duplicate."""
        self.problems += piece.problems
        for part in piece.entities:
            if part.key in self.model.entities:
                first = self.model.entities[part.key].location
                self.problem(part.location, f"duplicate entity id '{part.key}' (first defined at {first})",
                             "merge the two entries or rename one")
                continue
            self.problems += part.problems
            if part.entity is None:
                continue
            self.model.entities[part.key] = part.entity
            self.model.facts += part.facts
            self.pending_refs += part.refs
            self.pending_sources += part.sources
            self.alias_marks += part.aliases

    # -- cross-references ----------------------------------------------------------
    def check_references(self) -> None:
        entities = self.model.entities
        fits: dict[tuple[str, tuple[str, ...]], bool] = {}  # a few dozen distinct (type, allowed) pairs
        for ref, shown, mark, relation, allowed in self.pending_refs:
            entity = entities.get(ref)
            if entity is None:
                self.problem(Location(shown, *mark), f"unknown entity '{ref}'",
                             suggest(ref, entities) or "define it in a fact file or correct the id")
                continue
            if not allowed:
                continue
            fit = fits.get((entity.type, allowed))
            if fit is None:
                fit = fits[(entity.type, allowed)] = self.fits(entity.type, allowed)
            if not fit:
                self.misfit(Location(shown, *mark), relation, ref, entity.type, allowed)
        for ref, shown, mark in self.pending_sources:
            if ref not in self.model.sources:
                self.problem(Location(shown, *mark), f"unknown source '{ref}'",
                             suggest(ref, self.model.sources) or "add it to sources.yaml")
        self.check_names()

    def check_names(self) -> None:
        owners: dict[str, tuple[str, Location]] = {}
        for entity in self.model.entities.values():
            owners.setdefault(" ".join(entity.name.casefold().split()), (entity.key, entity.location))
        for alias, key, shown, mark in self.alias_marks:
            if key not in self.model.entities:
                continue
            location = Location(shown, *mark)
            owner, first = owners.setdefault(" ".join(alias.casefold().split()), (key, location))
            if owner != key:
                self.problem(location, f"alias '{alias}' of '{key}' already names '{owner}' (at {first})",
                             "an alias must name one entity only: remove it from one of them")


def check_file(vocabulary: Vocabulary, path: Path, shown: str, raw: bytes | None = None) -> FilePiece:
    """Read and check one fact file on its own, reported as `shown` (`raw`: its bytes, if read)."""
    data, found = read_yaml(path, shown, raw=raw)
    if found:
        return FilePiece(shown, found)
    return _Checker(vocabulary).file_piece(data, shown)


def start_model(graph_dir: Path) -> tuple[Vocabulary, list[Path], _Checker]:
    """Read the vocabulary and sources, and list the fact files, ready for `finish_model`."""
    if not graph_dir.is_dir():
        raise LoadError(f"graph folder '{graph_dir}' does not exist (use --graph DIR)")
    vocabulary = read_vocabulary(graph_dir / VOCABULARY_FILE)
    checker = _Checker(vocabulary)
    files, checker.problems = find_fact_files(graph_dir)
    sources_path = graph_dir / SOURCES_FILE
    if sources_path.is_file():
        data, found = read_yaml(sources_path, display_path(sources_path, graph_dir))
        checker.problems += found
        checker.read_sources(data, display_path(sources_path, graph_dir))
    return vocabulary, files, checker


def merge_pieces(checker: _Checker, pieces: Iterable[FilePiece]) -> Model:
    """Merge the checked files (in file order) into the model, without the cross-file checks."""
    for piece in pieces:
        checker.add_piece(piece)
    return checker.model


def finish_model(checker: _Checker, pieces: Iterable[FilePiece]) -> Model:
    """Merge the checked files (in file order) and run the cross-file checks, or raise."""
    merge_pieces(checker, pieces)
    checker.check_references()
    if checker.problems:
        raise ValidationError(checker.problems)
    return checker.model


def load_model(graph_dir: Path) -> Model:
    """Read every fact file under `graph_dir` into a checked `Model`, or raise with all problems."""
    vocabulary, files, checker = start_model(graph_dir)
    return finish_model(checker, (check_file(vocabulary, path, display_path(path, graph_dir)) for path in files))
