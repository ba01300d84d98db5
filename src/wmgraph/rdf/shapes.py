"""SHACL shapes generated from the vocabulary: the same constraints for any store that speaks SHACL."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.qualifiers import RANGE
from ..model.vocabulary import RelationType, Vocabulary
from .claims import status_iri
from .formats import dumps
from .mapping import DCTERMS, DERIVED_FROM, MEMBERSHIP, MONETARY_GRANT, SCHEMA, namespaces
from .terms import LANG_STRING, OA, ORG, RDF, RDF_TYPE, RDFS, XSD, Literal, Triple

SH = "http://www.w3.org/ns/shacl#"
SHAPES_FILE = "shapes.ttl"
_DATATYPES = {"integer": XSD + "integer", "decimal": XSD + "decimal", "duration": XSD + "duration",
              "text": LANG_STRING}
_DATE_TYPES = ("date", "gYearMonth", "gYear")


def shapes_namespace(vocabulary: Vocabulary) -> str:
    """The namespace of the generated shapes (prefix `wmsh`)."""
    return vocabulary.project_namespace.rstrip("#/") + "/shapes#"


def shape_prefixes(vocabulary: Vocabulary) -> dict[str, str]:
    """Prefixes for the shapes file: the graph's own plus sh: and wmsh:."""
    prefixes = namespaces(vocabulary)
    prefixes.update({"sh": SH, "wmsh": shapes_namespace(vocabulary)})
    return prefixes


def _int(value: int) -> Literal:
    return Literal(str(value), XSD + "integer")


def _rdf_list(head: str, items: list[str | Literal]) -> Iterator[Triple]:
    """Write an RDF list whose cells are named `head`, `head-2`, ... (no blank nodes)."""
    for index, item in enumerate(items):
        cell = head if index == 0 else f"{head}-{index + 1}"
        yield cell, RDF + "first", item
        yield cell, RDF + "rest", f"{head}-{index + 2}" if index + 1 < len(items) else RDF + "nil"


class _Writer:
    """Accumulates the shapes' triples."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.ns = shapes_namespace(vocabulary)
        self.own = vocabulary.project_namespace
        self.triples: list[Triple] = []

    def add(self, s: str, p: str, o: str | Literal) -> None:
        self.triples.append((s, p, o))

    def property(self, owner: str, name: str, path: str, message: str, /, **constraints: object) -> str:
        shape = f"{owner}-{name}"
        self.add(owner, SH + "property", shape)
        self.add(shape, SH + "path", path)
        self.add(shape, SH + "message", Literal(message))
        for key, value in constraints.items():
            predicate = SH + key
            if isinstance(value, bool):
                self.add(shape, predicate, Literal(str(value).lower(), XSD + "boolean"))
            elif isinstance(value, int):
                self.add(shape, predicate, _int(value))
            elif isinstance(value, list):
                self.add(shape, predicate, f"{shape}-{key}")
                self.triples += _rdf_list(f"{shape}-{key}", value)
            elif isinstance(value, str | Literal):
                self.add(shape, predicate, value)
        return shape

    def type_class(self, type_key: str) -> str:
        """The class that marks an entity type and its descendants: the type's own first class."""
        return self.vocabulary.expand(self.vocabulary.entity_types[type_key].classes[0])

    def descendants(self, allowed: tuple[str, ...]) -> list[str]:
        return [key for key in self.vocabulary.entity_types if self.vocabulary.is_a(key, allowed)]

    def class_constraint(self, allowed: tuple[str, ...]) -> dict[str, object]:
        classes = list(dict.fromkeys(self.type_class(key) for key in allowed))
        if len(classes) == 1:
            return {"class": classes[0]}
        return {"or": [f"{self.ns}is-{key}" for key in allowed]}


def _entity_shapes(writer: _Writer) -> None:
    vocabulary = writer.vocabulary
    for key, entity_type in vocabulary.entity_types.items():
        node = f"{writer.ns}is-{key}"  # also used inside sh:or by the statement shapes
        writer.add(node, RDF_TYPE, SH + "NodeShape")
        writer.add(node, SH + "class", writer.type_class(key))
        shape = f"{writer.ns}entity-{key}"
        writer.add(shape, RDF_TYPE, SH + "NodeShape")
        writer.add(shape, RDFS + "label", Literal(f"{entity_type.label} entities"))
        writer.add(shape, SH + "targetClass", writer.type_class(key))
        allowed = writer.descendants((key,))
        writer.property(shape, "label", RDFS + "label", "an entity needs exactly one rdfs:label, its name (@en)",
                        minCount=1, maxCount=1, datatype=LANG_STRING)
        writer.property(shape, "type", writer.own + "entityType",
                        f"a {entity_type.label} needs wm:entityType, one of: {', '.join(allowed)}",
                        minCount=1, maxCount=1, **{"in": [Literal(k) for k in allowed]})
        writer.property(shape, "classes", RDF_TYPE,
                        f"a {entity_type.label} has the classes {', '.join(entity_type.classes)}",
                        hasValue=vocabulary.expand(entity_type.classes[0]))
        writer.property(shape, "source", DERIVED_FROM, "an entity needs a source (prov:wasDerivedFrom)",
                        minCount=1, **{"class": SCHEMA + "CreativeWork"})
    for datatype in _DATE_TYPES:
        node = f"{writer.ns}datatype-{datatype}"
        writer.add(node, RDF_TYPE, SH + "NodeShape")
        writer.add(node, SH + "datatype", XSD + datatype)
    money = f"{writer.ns}money"
    writer.add(money, RDF_TYPE, SH + "NodeShape")
    writer.property(money, "value", SCHEMA + "value", "an amount needs exactly one schema:value, an xsd:decimal",
                    minCount=1, maxCount=1, datatype=XSD + "decimal")
    writer.property(money, "currency", SCHEMA + "currency", "an amount needs exactly one schema:currency",
                    minCount=1, maxCount=1, datatype=XSD + "string")
    source = f"{writer.ns}source"
    writer.add(source, RDF_TYPE, SH + "NodeShape")
    writer.add(source, SH + "targetClass", SCHEMA + "CreativeWork")
    writer.property(source, "title", DCTERMS + "title", "a source needs a title (dcterms:title)", minCount=1)
    _annotation_shapes(writer)


def _annotation_shapes(writer: _Writer) -> None:
    """A quote's passage: one source and one selector, whose words are one oa:exact."""
    target = f"{writer.ns}passage"
    writer.add(target, RDF_TYPE, SH + "NodeShape")
    writer.add(target, SH + "targetClass", OA + "SpecificResource")
    writer.property(target, "source", OA + "hasSource", "a quoted passage needs exactly one source (oa:hasSource)",
                    minCount=1, maxCount=1, **{"class": SCHEMA + "CreativeWork"})
    writer.property(target, "selector", OA + "hasSelector", "a quoted passage needs exactly one oa:hasSelector",
                    minCount=1, maxCount=1, **{"class": OA + "TextQuoteSelector"})
    chosen = f"{writer.ns}quote"
    writer.add(chosen, RDF_TYPE, SH + "NodeShape")
    writer.add(chosen, SH + "targetClass", OA + "TextQuoteSelector")
    for key, least in (("exact", 1), ("prefix", 0), ("suffix", 0)):
        how = "exactly" if least else "at most"
        writer.property(chosen, key, OA + key, f"a quote has {how} one oa:{key}, a string",
                        minCount=least, maxCount=1, datatype=XSD + "string")


def _statement_shape(writer: _Writer) -> None:
    shape = f"{writer.ns}statement"
    writer.add(shape, RDF_TYPE, SH + "NodeShape")
    writer.add(shape, SH + "targetClass", RDF + "Statement")
    writer.property(shape, "relation", writer.own + "relation", "a statement needs one wm:relation from the vocabulary",
                    minCount=1, maxCount=1, **{"in": [Literal(k) for k in writer.vocabulary.relations]})
    writer.property(shape, "source", DERIVED_FROM, "a statement needs a source (prov:wasDerivedFrom)",
                    minCount=1, **{"class": SCHEMA + "CreativeWork"})
    writer.property(shape, "subject", RDF + "subject", "a statement needs exactly one rdf:subject, an IRI",
                    minCount=1, maxCount=1, nodeKind=SH + "IRI")
    writer.property(shape, "predicate", RDF + "predicate", "a statement needs exactly one rdf:predicate",
                    minCount=1, maxCount=1, nodeKind=SH + "IRI")


def _relation_shape(writer: _Writer, relation: RelationType) -> None:
    vocabulary = writer.vocabulary
    shape = f"{writer.ns}relation-{relation.key}"
    target = f"{shape}-target"
    writer.add(shape, RDF_TYPE, SH + "NodeShape")
    writer.add(shape, RDFS + "label", Literal(f"'{relation.key}' statements"))
    writer.add(shape, SH + "target", target)
    writer.add(target, RDF_TYPE, SH + "SPARQLTarget")
    writer.add(target, SH + "select", Literal(
        f'SELECT ?this WHERE {{ ?this <{writer.own}relation> "{relation.key}" . }}'))
    name = f"'{relation.key}'"
    writer.property(shape, "predicate", RDF + "predicate", f"{name} states {relation.property}",
                    hasValue=vocabulary.expand(relation.property))
    subjects, objects = relation.subject_types, relation.object_types
    if relation.reverse:
        subjects, objects = objects, subjects  # the RDF runs from object to subject
    writer.property(shape, "subject", RDF + "subject",
                    f"the subject of {name} must be a {' or '.join(subjects)}",
                    minCount=1, maxCount=1, **writer.class_constraint(subjects))
    if relation.object_kind == "entity":
        writer.property(shape, "object", RDF + "object", f"the object of {name} must be a {' or '.join(objects)}",
                        minCount=1, maxCount=1, **writer.class_constraint(objects))
    elif relation.object_kind == "text":
        writer.property(shape, "object", RDF + "object", f"the object of {name} must be one text (@en)",
                        minCount=1, maxCount=1, datatype=LANG_STRING)
    else:
        writer.property(shape, "object", RDF + "object", f"{name} has no object", maxCount=0)
    if relation.statuses:
        writer.property(shape, "status", writer.own + "status", f"the status of {name} must be one of "
                        + ", ".join(relation.statuses),
                        **{"in": [status_iri(vocabulary, key) for key in relation.statuses]})
    paths = [RDF_TYPE, RDF + "subject", RDF + "predicate", RDF + "object", writer.own + "relation", DERIVED_FROM,
             *_claim_properties(writer), *_standard_paths(vocabulary, relation)]
    for key in relation.qualifiers:
        if vocabulary.qualifiers[key].datatype != "currency":  # currency is written inside the amount
            paths.append(_qualifier_shape(writer, relation, shape, key))
    writer.add(shape, SH + "closed", Literal("true", XSD + "boolean"))
    writer.add(shape, SH + "ignoredProperties", f"{shape}-ignored")
    writer.triples += _rdf_list(f"{shape}-ignored", list(dict.fromkeys(paths)))


def _qualifier_shape(writer: _Writer, relation: RelationType, shape: str, key: str) -> str:
    """The property shape of one qualifier of a relation's statements; return its path."""
    qualifier = writer.vocabulary.qualifiers[key]
    path = writer.vocabulary.expand(qualifier.property)
    constraints: dict[str, object] = {}
    what = qualifier.datatype
    # a required amount may be given as a range instead (model/qualifiers.py): then it is not required here
    required = key in relation.required and not (key == "amount" and any(b in relation.qualifiers for b in RANGE))
    if required:
        constraints["minCount"] = 1
    if qualifier.datatype != "entities":
        constraints["maxCount"] = 1
    if qualifier.datatype == "date":
        constraints["or"] = [f"{writer.ns}datatype-{d}" for d in _DATE_TYPES]
        what = "an xsd:date, xsd:gYearMonth or xsd:gYear"
    elif qualifier.datatype in _DATATYPES:
        constraints["datatype"] = _DATATYPES[qualifier.datatype]
        what = "an " + _DATATYPES[qualifier.datatype].replace(XSD, "xsd:").replace(RDF, "rdf:")
    elif qualifier.datatype == "money":
        constraints["class"] = SCHEMA + "MonetaryAmount"
        constraints["node"] = f"{writer.ns}money"
        what = "a schema:MonetaryAmount"
    else:
        constraints["nodeKind"] = SH + "IRI"
        what = "an IRI"
    count = "exactly one" if required else "at most one" \
        if qualifier.datatype != "entities" else "any number of"
    writer.property(shape, f"q-{key}", path, f"'{relation.key}' takes {count} {qualifier.property} ({key}), {what}",
                    **constraints)
    return path


def _standard_paths(vocabulary: Vocabulary, relation: RelationType) -> list[str]:
    """The standard properties the mapping adds to a statement of this relation's class."""
    kind = vocabulary.expand(relation.statement_class) if relation.statement_class else ""
    if kind == MEMBERSHIP:
        return [ORG + "member", ORG + "organization", ORG + "role", ORG + "memberDuring"]
    if kind == MONETARY_GRANT:
        return [SCHEMA + "fundedItem", SCHEMA + "funder"]
    return []


def _claim_properties(writer: _Writer) -> list[str]:
    """The status, its date and the quote's annotation, allowed on every statement."""
    return [writer.own + "status", writer.own + "statusDate", writer.own + "evidence"]


def _claim_shape(writer: _Writer) -> None:
    """A statement's status is one the vocabulary declares, with at most one date."""
    shape = f"{writer.ns}statement"
    statuses = [status_iri(writer.vocabulary, key) for key in sorted(writer.vocabulary.statuses)]
    allowed: dict[str, object] = {"in": statuses} if statuses else {"nodeKind": SH + "IRI"}
    writer.property(shape, "status", writer.own + "status", "a statement has at most one wm:status, "
                    "a status the vocabulary declares", maxCount=1, **allowed)
    writer.property(shape, "status-date", writer.own + "statusDate", "a statement has at most one wm:statusDate, "
                    "an xsd:date, xsd:gYearMonth or xsd:gYear", maxCount=1,
                    **{"or": [f"{writer.ns}datatype-{d}" for d in _DATE_TYPES]})
    writer.property(shape, "evidence", writer.own + "evidence", "wm:evidence names an oa:Annotation",
                    **{"class": OA + "Annotation"})


def shape_triples(vocabulary: Vocabulary) -> list[Triple]:
    """Every triple of the SHACL shapes for the vocabulary."""
    writer = _Writer(vocabulary)
    _entity_shapes(writer)
    _statement_shape(writer)
    _claim_shape(writer)
    for relation in vocabulary.relations.values():
        _relation_shape(writer, relation)
    return writer.triples


def shapes_turtle(vocabulary: Vocabulary) -> str:
    """The shapes as sorted Turtle, for output/shapes.ttl."""
    return dumps("turtle", shape_triples(vocabulary), shape_prefixes(vocabulary))
