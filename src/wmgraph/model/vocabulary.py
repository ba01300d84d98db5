"""The vocabulary file: entity types, qualifiers and relation types, read as data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LoadError, Problem, ValidationError, display_path
from ..load.values import IRI, suggest
from ..load.yamlfile import MarkedDict, read_yaml
from .problems import Problems
from .statuses import Status, read_statuses, relation_statuses

VOCABULARY_FILE = "vocabulary.yaml"
STANDARD_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
DATATYPES = ("date", "integer", "decimal", "money", "currency", "text", "duration", "entity",
             "entities", "url")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
CURIE = re.compile(r"^([a-z][a-z0-9]*):([A-Za-z][A-Za-z0-9_]*)\Z")
PREFIX = re.compile(r"^[a-z][a-z0-9]*\Z")  # a name Turtle's @prefix takes, and CURIE can use
_IRI_HINT = "write an http(s) IRI ending in / or #, with no space, control character or <>\"{}|^`\\ in it"
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}\Z")
# fact keys that are not qualifiers; `reviewed-by` and `reviewed` record who accepted a drafted fact and when,
# `cell` and `cell-text` the table cell an imported fact came from
RESERVED = ("source", "note", "quote", "quote-case", "status", "status-date", "modality-ok", "reviewed-by", "reviewed",
            "cell", "cell-text")
SHAPES = ("dot", "box", "diamond", "triangle", "triangleDown", "star", "square", "ellipse",
          "hexagon", "database", "text")


@dataclass(frozen=True)
class EntityType:
    """A kind of entity (person, company, place...) and how it is drawn and typed."""

    key: str
    label: str
    classes: tuple[str, ...]
    ancestors: tuple[str, ...]
    colour: str
    shape: str
    comment: str = ""


@dataclass(frozen=True)
class Qualifier:
    """A key that a fact may carry besides its relation, with its datatype."""

    key: str
    label: str
    property: str
    datatype: str
    comment: str = ""


@dataclass(frozen=True)
class RelationType:
    """A relation or fact type: its property, allowed subjects, objects and qualifiers."""

    key: str
    label: str
    property: str
    subject_types: tuple[str, ...]
    object_kind: str  # "entity", "text" or "none"
    object_types: tuple[str, ...]
    qualifiers: tuple[str, ...]
    required: tuple[str, ...]
    statement_class: str
    colour: str
    reverse: bool = False
    symmetric: bool = False
    comment: str = ""
    default_status: str = ""  # the status of a fact that gives none ('' : the vocabulary's default status)
    statuses: tuple[str, ...] = ()  # the statuses that fit this relation's facts (none named: every status)
    quotation: bool = False  # the text object is a direct quotation: the speaker's words, shown in quotation marks


@dataclass
class Vocabulary:
    """Everything the vocabulary file declares, with prefixes expanded."""

    base: str
    prefixes: dict[str, str]
    entity_types: dict[str, EntityType] = field(default_factory=dict)
    qualifiers: dict[str, Qualifier] = field(default_factory=dict)
    relations: dict[str, RelationType] = field(default_factory=dict)
    statuses: dict[str, Status] = field(default_factory=dict)

    def default_status(self, relation: str) -> str:
        """The status a fact of `relation` takes when it gives none ('' if the vocabulary declares no statuses)."""
        own = self.relations[relation].default_status
        return own or next((key for key, status in self.statuses.items() if status.default), "")

    def truthy(self, status: str) -> bool:
        """Tell whether a fact with `status` gives its plain triple ('' is no status: it does)."""
        found = self.statuses.get(status)
        return found is None or found.truthy

    def expand(self, curie: str) -> str:
        """Expand `prefix:name` to a full IRI."""
        prefix, _, local = curie.partition(":")
        return self.prefixes[prefix] + local

    def is_a(self, type_key: str, allowed: tuple[str, ...]) -> bool:
        """Tell whether entity type `type_key` is one of `allowed` or descends from one."""
        entity_type = self.entity_types.get(type_key)
        if entity_type is None:
            return False
        return any(a in allowed for a in (type_key, *entity_type.ancestors))

    @property
    def project_namespace(self) -> str:
        """The namespace of the project's own terms (prefix `wm`)."""
        return self.prefixes.get("wm", self.base + "ns#")


class _Reader:
    """Reads the vocabulary's sections, its problems gathered by the one collector."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems = Problems()

    def problem(self, where: tuple[int, int], message: str, hint: str = "") -> None:
        self.problems.add(self.shown, where, message, hint)

    def section(self, data: MarkedDict, key: str) -> MarkedDict:
        value = data.get(key)
        if not isinstance(value, MarkedDict):
            self.problem(data.mark_of(key), f"the vocabulary needs a '{key}:' mapping")
            empty = MarkedDict()
            empty.key_marks = {}
            return empty
        return value

    def text(self, entry: MarkedDict, key: str, default: str | None = None) -> str:
        value = entry.get(key, default)
        if not isinstance(value, str):
            self.problem(entry.mark_of(key), f"'{key}' must be text" if key in entry
                         else f"missing '{key}'", "put it in quotes" if key in entry else f"add '{key}: ...'")
            return default or ""
        return value

    def keys(self, entry: MarkedDict, allowed: set[str]) -> None:
        for key in entry:
            if key not in allowed:
                self.problem(entry.mark_of(key), f"unknown key '{key}'",
                             "allowed: " + ", ".join(sorted(allowed)))

    def curie(self, entry: MarkedDict, key: str, prefixes: dict[str, str], value: object) -> str:
        if not isinstance(value, str) or not CURIE.match(value) or \
                value.partition(":")[0] not in prefixes:
            self.problem(entry.mark_of(key), f"'{value}' is not prefix:Name with a declared prefix",
                         "declare the prefix under 'prefixes:'")
            return ""
        return value

    def names(self, entry: MarkedDict, key: str) -> list[str]:
        value = entry.get(key, [])
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(entry.mark_of(key), f"'{key}' must be a list of names", "write them as [one, two]")
            return []
        return list(value)


def load_vocabulary(path: Path, shown: str) -> tuple[Vocabulary | None, list[Problem]]:
    """Read and check the vocabulary file; return it with any problems found."""
    data, problems = read_yaml(path, shown)
    if problems:
        return None, problems
    reader = _Reader(shown)
    if not isinstance(data, MarkedDict):
        reader.problem((1, 1), "the vocabulary must be a mapping",
                       "start with base:, prefixes:, entity-types:, qualifiers:, relations:")
        return None, reader.problems
    reader.keys(data, {"base", "prefixes", "entity-types", "qualifiers", "relations", "statuses"})
    base = reader.text(data, "base")
    if base and not IRI.match(base):
        reader.problem(data.mark_of("base"), f"base '{base}' is not an IRI the RDF syntaxes allow", _IRI_HINT)
    vocabulary = Vocabulary(base=base, prefixes=_read_prefixes(reader, reader.section(data, "prefixes")))
    _read_entity_types(reader, reader.section(data, "entity-types"), vocabulary)
    _read_qualifiers(reader, reader.section(data, "qualifiers"), vocabulary)
    if "statuses" in data:
        section = reader.section(data, "statuses")
        vocabulary.statuses = read_statuses(reader, section, _entries(reader, section, "status"))
    _read_relations(reader, reader.section(data, "relations"), vocabulary)
    return vocabulary, reader.problems


def _read_prefixes(reader: _Reader, section: MarkedDict) -> dict[str, str]:
    """The standard prefixes and those declared, each name and IRI one that Turtle and N-Triples allow."""
    prefixes = dict(STANDARD_PREFIXES)
    for name, iri in section.items():
        where = section.mark_of(name)
        if not PREFIX.match(name):
            reader.problem(where, f"prefix name '{name}' must be lower-case letters and digits",
                           "start it with a letter, e.g. 'schema'")
        elif not isinstance(iri, str) or not IRI.match(iri):
            shown = f"'{iri}'" if isinstance(iri, str) else "its value"
            reader.problem(where, f"prefix '{name}': {shown} is not an IRI the RDF syntaxes allow", _IRI_HINT)
        else:
            prefixes[name] = iri
    return prefixes


def _entries(reader: _Reader, section: MarkedDict, what: str) -> list[tuple[str, MarkedDict]]:
    found = []
    for key, entry in section.items():
        if not isinstance(key, str) or not SLUG.match(key):
            reader.problem(section.mark_of(key), f"{what} name '{key}' must be a slug like 'works-for'")
        elif not isinstance(entry, MarkedDict):
            reader.problem(section.mark_of(key), f"{what} '{key}' must be a mapping",
                           "write its keys (label: ...) under it, indented")
        else:
            found.append((key, entry))
    return found


def _read_entity_types(reader: _Reader, section: MarkedDict, vocabulary: Vocabulary) -> None:
    raw = _entries(reader, section, "entity type")
    parents = {key: entry.get("parent") for key, entry in raw}
    for key, entry in raw:
        reader.keys(entry, {"label", "class", "parent", "colour", "shape", "comment"})
        ancestors: list[str] = []
        parent = parents[key]
        if "parent" in entry and not isinstance(parent, str):
            reader.problem(entry.mark_of("parent"), f"'parent' of '{key}' must be one entity type",
                           "a type has one parent: write 'parent: organisation'")
        while isinstance(parent, str):
            if parent not in parents or parent in ancestors or parent == key:
                reader.problem(entry.mark_of("parent"), f"parent '{parent}' is unknown or circular")
                break
            ancestors.append(parent)
            parent = parents[parent]
        classes = [reader.curie(entry, "class", vocabulary.prefixes, c) for c in reader.names(entry, "class")]
        colour = reader.text(entry, "colour", "#999999")
        if not COLOUR.match(colour):
            reader.problem(entry.mark_of("colour"), f"colour '{colour}' must look like #4e79a7")
        shape = reader.text(entry, "shape", "dot")
        if shape not in SHAPES:
            reader.problem(entry.mark_of("shape"), f"unknown shape '{shape}'", "one of: " + ", ".join(SHAPES))
        vocabulary.entity_types[key] = EntityType(
            key, reader.text(entry, "label"), tuple(c for c in classes if c), tuple(ancestors),
            colour, shape, reader.text(entry, "comment", ""),
        )
    # a child inherits its ancestors' classes
    for key, entity_type in list(vocabulary.entity_types.items()):
        inherited = list(entity_type.classes)
        for ancestor in entity_type.ancestors:
            inherited += [c for c in vocabulary.entity_types[ancestor].classes if c not in inherited]
        vocabulary.entity_types[key] = EntityType(
            key, entity_type.label, tuple(inherited), entity_type.ancestors,
            entity_type.colour, entity_type.shape, entity_type.comment,
        )


def _read_qualifiers(reader: _Reader, section: MarkedDict, vocabulary: Vocabulary) -> None:
    for key, entry in _entries(reader, section, "qualifier"):
        reader.keys(entry, {"label", "property", "datatype", "comment"})
        datatype = reader.text(entry, "datatype")
        if datatype and datatype not in DATATYPES:
            reader.problem(entry.mark_of("datatype"), f"unknown datatype '{datatype}'",
                           "one of: " + ", ".join(DATATYPES))
        if key in ("source", "sources"):
            reader.problem(section.mark_of(key), f"'{key}' is reserved for citations")
        elif key in RESERVED and key != "note":
            reader.problem(section.mark_of(key), f"'{key}' is reserved for a fact's evidence")
        vocabulary.qualifiers[key] = Qualifier(
            key, reader.text(entry, "label", key),
            reader.curie(entry, "property", vocabulary.prefixes, entry.get("property")),
            datatype, reader.text(entry, "comment", ""),
        )


def _check_flags(reader: _Reader, entry: MarkedDict, key: str, object_kind: str) -> None:
    """Each of a relation's flags is true or false, and fits the relation's object."""
    for flag in ("reverse", "symmetric", "quotation"):
        value = entry.get(flag, False)
        if not isinstance(value, bool):
            reader.problem(entry.mark_of(flag), f"'{flag}' must be true or false")
        elif flag == "quotation" and value and object_kind != "text":
            reader.problem(entry.mark_of(flag), f"relation '{key}' is a quotation but its object is {object_kind}",
                           "only a relation whose object is text can be a quotation: write 'object: text', "
                           "or remove 'quotation'")
        elif flag != "quotation" and value and object_kind != "entity":
            reader.problem(entry.mark_of(flag), f"relation '{key}' is {flag} but its object is {object_kind}",
                           f"only a relation between two entities can be {flag}: give it 'object:' entity "
                           f"types, or remove '{flag}'")


def _read_relations(reader: _Reader, section: MarkedDict, vocabulary: Vocabulary) -> None:
    allowed = {"label", "property", "subject", "object", "qualifiers", "required", "statement-class",
               "colour", "reverse", "symmetric", "comment", "default-status", "statuses", "quotation"}
    for key, entry in _entries(reader, section, "relation"):
        reader.keys(entry, allowed)
        if key in vocabulary.qualifiers or key in RESERVED:
            reader.problem(section.mark_of(key), f"relation '{key}' has the same name as a qualifier")
        subjects = reader.names(entry, "subject")
        raw_object = entry.get("object")
        if raw_object in ("text", "none"):
            object_kind, objects = str(raw_object), []
        else:
            object_kind, objects = "entity", reader.names(entry, "object")
        for name in subjects + objects:
            if name not in vocabulary.entity_types:
                reader.problem(entry.mark_of("subject" if name in subjects else "object"),
                               f"unknown entity type '{name}' in relation '{key}'",
                               suggest(name, vocabulary.entity_types) or "declare it under 'entity-types:'")
        qualifiers = reader.names(entry, "qualifiers")
        required = reader.names(entry, "required")
        for name in qualifiers + required:
            if name not in vocabulary.qualifiers:
                reader.problem(entry.mark_of("qualifiers"), f"unknown qualifier '{name}' in relation '{key}'",
                               suggest(name, vocabulary.qualifiers) or "declare it under 'qualifiers:'")
        if "note" not in qualifiers:
            qualifiers.append("note")
        qualifiers += [name for name in required if name not in qualifiers]
        statement_class = entry.get("statement-class")
        _check_flags(reader, entry, key, object_kind)
        default_status, fitting = relation_statuses(reader, entry, key, vocabulary.statuses)
        vocabulary.relations[key] = RelationType(
            key=key,
            label=reader.text(entry, "label", key),
            property=reader.curie(entry, "property", vocabulary.prefixes, entry.get("property")),
            subject_types=tuple(subjects),
            object_kind=object_kind,
            object_types=tuple(objects),
            qualifiers=tuple(qualifiers),
            required=tuple(required),
            statement_class=reader.curie(entry, "statement-class", vocabulary.prefixes, statement_class)
            if statement_class is not None else "",
            colour=reader.text(entry, "colour", "#999999"),
            reverse=entry.get("reverse") is True,
            symmetric=entry.get("symmetric") is True,
            comment=reader.text(entry, "comment", ""),
            default_status=default_status,
            statuses=fitting,
            quotation=entry.get("quotation") is True,
        )


def read_vocabulary(path: Path) -> Vocabulary:
    """Read the vocabulary file at `path`, raising if it is missing or has problems."""
    shown = display_path(path, path.parent)
    if not path.exists() and not path.is_symlink():  # anything else there is refused by read_yaml
        raise LoadError(f"{shown}: no vocabulary file; every graph folder needs one")
    vocabulary, problems = load_vocabulary(path, shown)
    if vocabulary is None or problems:
        raise ValidationError(problems)
    return vocabulary
