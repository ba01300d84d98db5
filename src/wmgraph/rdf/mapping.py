"""Turn the model into RDF triples: entities, direct relations, qualified statements, sources."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from ..model.model import Entity, Fact, Model, QualifierValue, Source
from ..model.vocabulary import Vocabulary
from .terms import RDF, RDF_TYPE, RDFS, XSD, Literal, Term, Triple

PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
DERIVED_FROM = PROV + "wasDerivedFrom"


def namespaces(vocabulary: Vocabulary) -> dict[str, str]:
    """Return every prefix used in the output, the project's own included."""
    result = dict(vocabulary.prefixes)
    result.update({
        "ent": vocabulary.base,
        "stmt": vocabulary.base + "statement/",
        "src": vocabulary.base + "source/",
    })
    return result


def entity_iri(vocabulary: Vocabulary, key: str) -> str:
    """Return the IRI of entity `key`."""
    return vocabulary.base + key


def statement_iri(vocabulary: Vocabulary, key: str) -> str:
    """Return the IRI of the qualified statement node of fact `key`."""
    return vocabulary.base + "statement/" + key


def source_iri(vocabulary: Vocabulary, key: str) -> str:
    """Return the IRI of source `key`."""
    return vocabulary.base + "source/" + key


def date_literal(text: str) -> Literal:
    """Type a date by its precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    kind = {1: "gYear", 2: "gYearMonth", 3: "date"}[len(text.split("-"))]
    return Literal(text, XSD + kind)


def decimal_lexical(value: int | Decimal) -> str:
    """Write a number as a plain xsd:decimal lexical form (no exponent)."""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return text


def _text(value: str) -> Literal:
    return Literal(value)


def entity_triples(vocabulary: Vocabulary, entity: Entity) -> Iterator[Triple]:
    """Yield the triples describing one entity."""
    iri = entity_iri(vocabulary, entity.key)
    for curie in vocabulary.entity_types[entity.type].classes:
        yield iri, RDF_TYPE, vocabulary.expand(curie)
    yield iri, RDFS + "label", _text(entity.name)
    yield iri, SCHEMA + "name", _text(entity.name)
    yield iri, vocabulary.project_namespace + "entityType", _text(entity.type)
    for alias in entity.aliases:
        yield iri, SKOS + "altLabel", _text(alias)
    if entity.description:
        yield iri, SCHEMA + "description", _text(entity.description)
    if entity.url:
        yield iri, SCHEMA + "url", entity.url
    for source in entity.sources:
        yield iri, DERIVED_FROM, source_iri(vocabulary, source)


def source_triples(vocabulary: Vocabulary, source: Source) -> Iterator[Triple]:
    """Yield the triples describing one cited source."""
    iri = source_iri(vocabulary, source.key)
    yield iri, RDF_TYPE, SCHEMA + "CreativeWork"
    yield iri, DCTERMS + "title", _text(source.title)
    yield iri, RDFS + "label", _text(source.title)
    if source.publisher:
        yield iri, DCTERMS + "publisher", _text(source.publisher)
    for author in source.authors:
        yield iri, DCTERMS + "creator", _text(author)
    if source.date:
        yield iri, DCTERMS + "date", date_literal(source.date)
    if source.url:
        yield iri, SCHEMA + "url", source.url
    for cited in source.cites:
        yield iri, DCTERMS + "references", source_iri(vocabulary, cited)
    if source.note:
        yield iri, SKOS + "note", _text(source.note)


Direct = tuple[str, str, Term, str]


def direct_parts(vocabulary: Vocabulary, fact: Fact) -> Direct:
    """The direct triple of a fact (turned round for a reverse relation) and its statement node."""
    relation = vocabulary.relations[fact.relation]
    prop = vocabulary.expand(relation.property)
    subject = entity_iri(vocabulary, fact.subject)
    node = statement_iri(vocabulary, fact.key)
    obj: Term
    if fact.object_is_entity and fact.object is not None:
        obj = entity_iri(vocabulary, fact.object)
    elif fact.object is not None:
        obj = _text(fact.object)
    else:
        obj = node
    if relation.reverse and isinstance(obj, str) and obj != node:
        subject, obj = obj, subject
    return subject, prop, obj, node


def incoming_triples(vocabulary: Vocabulary, facts: Iterable[Fact]) -> dict[str, list[Triple]]:
    """The direct triples facts state about entities other than their own subject, by that entity's id.

    A reverse relation ("A is funded by B", written on A) or a symmetric one ("A partners with B")
    gives B a triple of its own; a build renders it with B's other triples.
    """
    found: dict[str, list[Triple]] = {}
    base = vocabulary.base
    # The same triples `direct_triples` gives, worked out without it: this runs over every fact of
    # every build (a test compares the two).
    turned = {key: vocabulary.expand(relation.property)
              for key, relation in vocabulary.relations.items() if relation.reverse or relation.symmetric}
    for fact in facts:
        prop = turned.get(fact.relation)
        # reverse, symmetric or both: the object is given "object prop subject"
        if prop is not None and fact.object_is_entity and fact.object is not None and fact.object != fact.subject:
            found.setdefault(fact.object, []).append((base + fact.object, prop, base + fact.subject))
    return found


def direct_triples(vocabulary: Vocabulary, fact: Fact, parts: Direct | None = None) -> list[Triple]:
    """The direct triple of one fact, and its mirror image for a symmetric relation (`parts`: its direct_parts)."""
    subject, prop, obj, _ = parts or direct_parts(vocabulary, fact)
    if vocabulary.relations[fact.relation].symmetric and isinstance(obj, str):
        return [(subject, prop, obj), (obj, prop, subject)]
    return [(subject, prop, obj)]


def _qualifier_terms(vocabulary: Vocabulary, datatype: str, value: QualifierValue) -> list[Term]:
    """The objects a qualifier's value gives its statement node (money and currency aside)."""
    if datatype in ("entity", "entities"):
        names = (value,) if isinstance(value, str) else value if isinstance(value, tuple) else ()
        return [entity_iri(vocabulary, name) for name in names]
    if datatype == "date":
        return [date_literal(str(value))]
    if datatype == "integer":
        return [Literal(str(value), XSD + "integer")]
    if datatype == "decimal":
        assert isinstance(value, int | Decimal)
        return [Literal(decimal_lexical(value), XSD + "decimal")]
    if datatype == "duration":
        return [Literal(str(value), XSD + "duration")]
    if datatype == "url":
        return [str(value)]
    return [_text(str(value))]


def statement_triples(vocabulary: Vocabulary, fact: Fact, parts: Direct | None = None) -> Iterator[Triple]:
    """The triples of a fact's statement node and its monetary amounts (`parts`: its direct_parts)."""
    subject, prop, obj, node = parts or direct_parts(vocabulary, fact)
    relation = vocabulary.relations[fact.relation]
    yield node, RDF_TYPE, RDF + "Statement"
    if relation.statement_class:
        yield node, RDF_TYPE, vocabulary.expand(relation.statement_class)
    yield node, RDF + "subject", subject
    yield node, RDF + "predicate", prop
    if obj != node:
        yield node, RDF + "object", obj
    yield node, vocabulary.project_namespace + "relation", _text(relation.key)
    for key, value in fact.qualifiers:
        qualifier = vocabulary.qualifiers[key]
        qualifier_property = vocabulary.expand(qualifier.property)
        if qualifier.datatype == "currency":
            continue  # written inside the monetary amount
        if qualifier.datatype == "money":
            assert isinstance(value, int | Decimal)
            amount = node + "." + key
            yield node, qualifier_property, amount
            yield amount, RDF_TYPE, SCHEMA + "MonetaryAmount"
            yield amount, SCHEMA + "value", Literal(decimal_lexical(value), XSD + "decimal")
            yield amount, SCHEMA + "currency", _text(str(fact.qualifier("currency") or "GBP"))
            continue
        for term in _qualifier_terms(vocabulary, qualifier.datatype, value):
            yield node, qualifier_property, term
    for source in fact.sources:
        yield node, DERIVED_FROM, source_iri(vocabulary, source)


def fact_triples(vocabulary: Vocabulary, fact: Fact) -> Iterator[Triple]:
    """Yield the direct triple(s) of one fact and its qualified statement node."""
    parts = direct_parts(vocabulary, fact)
    yield from direct_triples(vocabulary, fact, parts)
    yield from statement_triples(vocabulary, fact, parts)


def ontology_triples(vocabulary: Vocabulary) -> Iterator[Triple]:
    """Yield labels and comments for the project's own terms, so the namespace documents itself."""
    own = vocabulary.project_namespace
    defined = own.rstrip("#/")
    yield own + "entityType", RDF_TYPE, RDF + "Property"
    yield own + "entityType", RDFS + "label", _text("entity type")
    yield own + "relation", RDF_TYPE, RDF + "Property"
    yield own + "relation", RDFS + "label", _text("relation type of a statement")
    for entity_type in vocabulary.entity_types.values():
        for curie in entity_type.classes[:1]:
            iri = vocabulary.expand(curie)
            if iri.startswith(own):
                yield iri, RDF_TYPE, RDFS + "Class"
                yield iri, RDFS + "label", _text(entity_type.label)
    for relation in vocabulary.relations.values():
        for curie, kind, label in ((relation.property, "Property", relation.label),
                                   (relation.statement_class, "Class", relation.label + " statement")):
            iri = vocabulary.expand(curie) if curie else ""
            if iri.startswith(own):
                yield iri, RDF_TYPE, (RDF if kind == "Property" else RDFS) + kind
                yield iri, RDFS + "label", _text(label)
                yield iri, RDFS + "isDefinedBy", defined
    for qualifier in vocabulary.qualifiers.values():
        iri = vocabulary.expand(qualifier.property)
        if iri.startswith(own):
            yield iri, RDF_TYPE, RDF + "Property"
            yield iri, RDFS + "label", _text(qualifier.label)
            yield iri, RDFS + "isDefinedBy", defined
            if qualifier.comment:
                yield iri, RDFS + "comment", _text(qualifier.comment)


def model_triples(model: Model) -> Iterator[Triple]:
    """Yield every triple of the model (duplicates possible; writers de-duplicate)."""
    vocabulary = model.vocabulary
    yield from ontology_triples(vocabulary)
    for source in model.sources.values():
        yield from source_triples(vocabulary, source)
    for entity in model.entities.values():
        yield from entity_triples(vocabulary, entity)
    for fact in model.facts:
        yield from fact_triples(vocabulary, fact)
