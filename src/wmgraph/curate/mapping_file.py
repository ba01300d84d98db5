"""The mapping file of `import`: which entities and facts each row of a table's sheets makes, read with marks.

A mapping names the table's source and, per sheet, the entities a row makes and the facts between
them (see docs/curation.md). Every mistake is a `Problem` at MAP.yaml:line:col, all reported at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..load.values import suggest
from ..load.yamlfile import MarkedDict, MarkedList, read_yaml
from ..model.files import DRAFTS_FOLDER, NOT_FACT_FILES
from ..model.vocabulary import SLUG, Vocabulary

TOP_KEYS = ("source", "file", "sheets")
SOURCE_KEYS = ("id", "title", "publisher", "date", "url", "note")
SHEET_KEYS = ("entities", "facts")
ENTITY_KEYS = ("type", "id", "name", "aliases", "description", "match")
FACT_KEYS = ("subject", "relation", "object", "qualifiers")
VALUE_KEYS = ("column", "split", "date-format")
PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Value:
    """Where a value comes from: a template over columns ('{Company} Ltd'), one column, or a fixed value."""

    template: str = ""  # with {Column} placeholders; '' for a fixed value
    split: str = ""  # the separator of a list in one cell
    date_format: str = ""  # a strptime format for a date written otherwise than ISO 8601
    fixed: Any = None
    mark: tuple[int, int] = (0, 0)

    @property
    def columns(self) -> list[str]:
        """The columns the value reads, in order."""
        return PLACEHOLDER.findall(self.template)


@dataclass(frozen=True)
class EntityMap:
    """An entity each row makes: its type and the values of its id, name, aliases and description."""

    role: str  # its name in the mapping, which facts use
    type: str
    id: Value
    name: Value
    aliases: Value | None
    description: Value | None
    match_name: bool  # a name that is an existing entity's name or alias means that entity


@dataclass(frozen=True)
class FactMap:
    """A fact each row makes: subject and object roles (or a value), relation and qualifiers."""

    subject: str
    relation: str
    object: str | Value | None
    qualifiers: tuple[tuple[str, Value], ...]
    mark: tuple[int, int]


@dataclass
class SheetMap:
    """What one sheet's rows make."""

    name: str
    entities: list[EntityMap] = field(default_factory=list)
    facts: list[FactMap] = field(default_factory=list)
    mark: tuple[int, int] = (0, 0)


@dataclass
class Mapping:
    """A whole mapping file: the table's source, the fact file to write and the sheets."""

    shown: str
    source: dict[str, str]
    file: str
    sheets: list[SheetMap]


class _Reader:
    """Collects the located problems of one mapping file."""

    def __init__(self, shown: str, vocabulary: Vocabulary) -> None:
        self.shown, self.vocabulary, self.problems = shown, vocabulary, list[Problem]()

    def problem(self, mark: tuple[int, int], message: str, hint: str = "") -> None:
        """Record a problem at `mark`."""
        self.problems.append(Problem(self.shown, mark[0], mark[1], message, hint))

    def mapping(self, value: Any, mark: tuple[int, int], what: str, allowed: tuple[str, ...]) -> MarkedDict:
        """`value` as a mapping whose keys are all `allowed`, else an empty one (with a problem)."""
        if not isinstance(value, MarkedDict):
            self.problem(mark, f"{what} must be a mapping")
            return MarkedDict.at(*mark)
        for key in value:
            if key not in allowed:
                self.problem(value.mark_of(key), f"unknown key '{key}' in {what}",
                             suggest(key, allowed) or "one of: " + ", ".join(allowed))
        return value

    def value(self, entry: MarkedDict, key: str) -> Value | None:
        """The value spec at `entry[key]` (None if absent)."""
        if key not in entry:
            return None
        raw, mark = entry[key], entry.mark_of(key)
        if isinstance(raw, str):
            return Value(template=raw, mark=mark) if PLACEHOLDER.search(raw) else Value(fixed=raw, mark=mark)
        if isinstance(raw, MarkedDict):
            spec = self.mapping(raw, mark, f"'{key}'", VALUE_KEYS)
            column = spec.get("column")
            if not isinstance(column, str) or not column.strip():
                self.problem(mark, f"'{key}' needs 'column:' naming a column of the sheet")
                return None
            return Value(template="{" + column.strip() + "}", split=str(spec.get("split") or ""),
                         date_format=str(spec.get("date-format") or ""), mark=mark)
        return Value(fixed=raw, mark=mark)


def _entity(reader: _Reader, role: str, raw: Any, mark: tuple[int, int]) -> EntityMap | None:
    entry = reader.mapping(raw, mark, f"entity '{role}'", ENTITY_KEYS)
    kind = entry.get("type")
    if kind not in reader.vocabulary.entity_types:
        reader.problem(entry.mark_of("type"), f"entity '{role}' needs a known 'type', got '{kind}'",
                       _type_hint(reader.vocabulary, kind))
    ident, name = reader.value(entry, "id"), reader.value(entry, "name")
    for key, spec in (("id", ident), ("name", name)):
        if spec is None and key not in entry:
            reader.problem(mark, f"entity '{role}' has no '{key}'", f"add '{key}: \"{{Column}}\"'")
    match = entry.get("match")
    if match not in (None, "name"):
        reader.problem(entry.mark_of("match"), f"'match' must be 'name', got '{match}'",
                       "write 'match: name' to use an existing entity of the same name, or remove it")
    if ident is None or name is None:
        return None
    return EntityMap(role, str(kind), ident, name, reader.value(entry, "aliases"),
                     reader.value(entry, "description"), match == "name")


def _type_hint(vocabulary: Vocabulary, kind: object) -> str:
    """Did you mean the type whose id is near `kind`, or whose label names it ('town': 'city', "City or town")?"""
    near = suggest(kind, vocabulary.entity_types)
    if near:
        return near
    word = str(kind).casefold().replace("-", " ")
    named = [key for key, entity_type in vocabulary.entity_types.items()
             if word == entity_type.label.casefold() or word in re.findall(r"[a-z]+", entity_type.label.casefold())]
    if named:
        return f"did you mean '{named[0]}', labelled '{vocabulary.entity_types[named[0]].label}'?"
    return "see docs/vocabulary.md for the types"


def _fact(reader: _Reader, raw: Any, mark: tuple[int, int], roles: list[str]) -> FactMap | None:
    entry = reader.mapping(raw, mark, "a fact", FACT_KEYS)
    relation = reader.vocabulary.relations.get(str(entry.get("relation")))
    if relation is None:
        reader.problem(entry.mark_of("relation"), f"unknown relation '{entry.get('relation')}'",
                       suggest(entry.get("relation"), reader.vocabulary.relations) or "see docs/vocabulary.md")
    subject = entry.get("subject")
    if subject not in roles:
        reader.problem(entry.mark_of("subject"), f"the subject '{subject}' is no entity of this sheet",
                       "name one of: " + ", ".join(roles))
    obj: str | Value | None = None
    if relation is not None and relation.object_kind == "entity":
        obj = entry.get("object")
        if obj not in roles:
            reader.problem(entry.mark_of("object"), f"the object '{obj}' is no entity of this sheet",
                           "name one of: " + ", ".join(roles))
    elif relation is None:  # read as written, so that the columns it names are checked too
        obj = entry.get("object") if entry.get("object") in roles else reader.value(entry, "object")
    elif relation.object_kind == "text":
        obj = reader.value(entry, "object")
        if obj is None:
            reader.problem(mark, f"'{relation.key}' needs 'object:', its text", "add 'object: \"{Column}\"'")
    qualifiers = []
    section = reader.mapping(entry.get("qualifiers", MarkedDict.at(*mark)), entry.mark_of("qualifiers"),
                             "'qualifiers'", tuple(relation.qualifiers) if relation else tuple(entry.get(
                                 "qualifiers") or ()))
    for key in section:
        spec = reader.value(section, key)
        if spec is not None and (relation is None or key in relation.qualifiers):
            qualifiers.append((str(key), spec))
    return FactMap(str(subject), relation.key if relation else str(entry.get("relation")), obj, tuple(qualifiers),
                   mark)


def _sheet(reader: _Reader, name: str, raw: Any, mark: tuple[int, int]) -> SheetMap:
    entry = reader.mapping(raw, mark, f"sheet '{name}'", SHEET_KEYS)
    sheet = SheetMap(name, mark=mark)
    entities = reader.mapping(entry.get("entities"), entry.mark_of("entities"), "'entities'",
                              tuple(entry.get("entities") or ()))
    if not entities:
        reader.problem(mark, f"sheet '{name}' makes no entities", "add 'entities:' with the entity each row makes")
    for role in entities:
        made = _entity(reader, str(role), entities[role], entities.mark_of(role))
        if made is not None:
            sheet.entities.append(made)
    facts = entry.get("facts", [])
    if not isinstance(facts, MarkedList):
        reader.problem(entry.mark_of("facts"), "'facts' must be a list")
        facts = MarkedList()
    for index, fact in enumerate(facts):
        made_fact = _fact(reader, fact, facts.mark_of(index), [str(role) for role in entities])
        if made_fact is not None:
            sheet.facts.append(made_fact)
    return sheet


def _source(reader: _Reader, data: MarkedDict) -> dict[str, str]:
    entry = reader.mapping(data.get("source"), data.mark_of("source"), "'source'", SOURCE_KEYS)
    fields = {key: str(value) for key, value in entry.items() if value is not None}
    if not SLUG.match(fields.get("id", "")):
        reader.problem(entry.mark_of("id"), "'source' needs 'id:', a slug like 'council-grants-2024'",
                       "add it: every imported fact cites the table by this id")
    return fields


def _fact_file_path(output: object) -> bool:
    """Whether `output` is where a fact file of the graph can be: inside it, and read by every command."""
    if not isinstance(output, str) or not output.endswith(".yaml"):
        return False
    parts = Path(output).parts
    return not Path(output).is_absolute() and bool(parts) and not any(
        part == ".." or part.startswith(".") for part in parts) and parts[0] != DRAFTS_FOLDER \
        and (len(parts) > 1 or parts[0] not in NOT_FACT_FILES)


def read_mapping(path: Path, shown: str, vocabulary: Vocabulary) -> tuple[Mapping | None, list[Problem]]:
    """The mapping file at `path` checked against `vocabulary`, with every problem (None if it is not YAML)."""
    data, problems = read_yaml(path, shown)
    if problems:
        return None, problems
    reader = _Reader(shown, vocabulary)
    top = reader.mapping(data, (1, 1), "the mapping", TOP_KEYS)
    source = _source(reader, top)
    output = top.get("file", f"imports/{source.get('id', 'table')}.yaml")
    if not _fact_file_path(output):
        reader.problem(top.mark_of("file"), f"'file' must be a fact file's .yaml path inside the graph, got "
                       f"'{output}'", f"a path such as imports/{source.get('id', 'table')}.yaml, not in "
                       f"{DRAFTS_FOLDER}/ or a hidden folder, nor one of {', '.join(NOT_FACT_FILES)}")
    sheets = reader.mapping(top.get("sheets"), top.mark_of("sheets"), "'sheets'", tuple(top.get("sheets") or ()))
    if not sheets:
        reader.problem(top.mark_of("sheets"), "the mapping names no sheet",
                       "add 'sheets:' with a sheet's name (a CSV file's is its name without '.csv')")
    made = [_sheet(reader, str(name), sheets[name], sheets.mark_of(name)) for name in sheets]
    # with problems, what could be read still goes back: the table's columns are checked against it too
    return Mapping(shown, source, str(output), made), sorted(reader.problems)
