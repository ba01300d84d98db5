"""Turn the model into RDF triples: entities, direct relations, qualified statements, sources."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from ..model.model import Entity, Fact, Model, QualifierValue, Source
from ..model.vocabulary import Vocabulary
from .claims import asserted, shown_status, status_iri
from .evidence import annotation_iri, cell_triples, model_annotations
from .ontology import ontology_triples
from .terms import (
    DC,
    DCTERMS,
    OA,
    ORG,
    OWL,
    PROV,
    RDF,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
    Literal,
    Term,
    Triple,
    tagged,
)

__all__ = ["DCTERMS", "DERIVED_FROM", "PROV", "SCHEMA", "SKOS", "ontology_triples"]
DERIVED_FROM = PROV + "wasDerivedFrom"
MONETARY_GRANT = SCHEMA + "MonetaryGrant"
MEMBERSHIP = ORG + "Membership"
# The standard vocabularies the mapping writes whatever the vocabulary file declares
_FIXED_PREFIXES = {"dc": DC, "oa": OA, "org": ORG, "owl": OWL, "time": TIME}


def namespaces(vocabulary: Vocabulary) -> dict[str, str]:
    """Return every prefix used in the output, the project's own included."""
    result = dict(vocabulary.prefixes)
    for name, iri in _FIXED_PREFIXES.items():
        if name not in result and iri not in result.values():
            result[name] = iri
    result.update({
        "ent": vocabulary.base,
        "stmt": vocabulary.base + "statement/",
        "src": vocabulary.base + "source/",
        "ann": vocabulary.base + "annotation/",
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
    """Text in words, tagged as English ("Mayor"@en); keys and codes stay plain strings."""
    return tagged(value)


def entity_triples(vocabulary: Vocabulary, entity: Entity) -> Iterator[Triple]:
    """Yield the triples describing one entity."""
    iri = entity_iri(vocabulary, entity.key)
    for curie in vocabulary.entity_types[entity.type].classes:
        yield iri, RDF_TYPE, vocabulary.expand(curie)
    yield iri, RDFS + "label", _text(entity.name)
    yield iri, SCHEMA + "name", _text(entity.name)
    yield iri, vocabulary.project_namespace + "entityType", Literal(entity.type)
    for alias in entity.aliases:
        yield iri, SKOS + "altLabel", _text(alias)
    for old in entity.formerly:  # merged into this entity: its IRI still resolves, to the same thing
        yield iri, OWL + "sameAs", entity_iri(vocabulary, old)
    if entity.description:
        yield iri, SCHEMA + "description", _text(entity.description)
    if entity.url:
        yield iri, SCHEMA + "url", entity.url
    for source in entity.sources:
        yield iri, DERIVED_FROM, source_iri(vocabulary, source)
    if entity.quote:
        yield iri, vocabulary.project_namespace + "evidence", annotation_iri(vocabulary, entity.key)


def source_triples(vocabulary: Vocabulary, source: Source) -> Iterator[Triple]:
    """Yield the triples describing one cited source.

    Publishers and authors are names, not agents the graph describes, so they are the Dublin Core
    elements' `dc:publisher` and `dc:creator` (whose values may be literals), not the terms'. The
    source's `note` and `seed` are curation notes and stay out of the published data.
    """
    iri = source_iri(vocabulary, source.key)
    yield iri, RDF_TYPE, SCHEMA + "CreativeWork"
    yield iri, DCTERMS + "title", _text(source.title)
    yield iri, RDFS + "label", _text(source.title)
    if source.publisher:
        yield iri, DC + "publisher", Literal(source.publisher)
    for author in source.authors:
        yield iri, DC + "creator", Literal(author)
    if source.date:
        yield iri, DCTERMS + "date", date_literal(source.date)
    if source.url:
        yield iri, SCHEMA + "url", source.url
    for cited in source.cites:
        yield iri, DCTERMS + "references", source_iri(vocabulary, cited)


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
        if prop is not None and fact.object_is_entity and fact.object is not None and fact.object != fact.subject \
                and asserted(vocabulary, fact):
            found.setdefault(fact.object, []).append((base + fact.object, prop, base + fact.subject))
    return found


def direct_triples(vocabulary: Vocabulary, fact: Fact, parts: Direct | None = None) -> list[Triple]:
    """The direct triple of one fact, and its mirror image for a symmetric relation (`parts`: its direct_parts).

    None for a fact whose status is not truthy (a plan, a pledge, a withdrawn fact): see claims.py.
    """
    relation = vocabulary.relations[fact.relation]
    if not asserted(vocabulary, fact):
        return []
    subject, prop, obj, _ = parts or direct_parts(vocabulary, fact)
    if relation.symmetric and isinstance(obj, str):
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
    yield node, vocabulary.project_namespace + "relation", Literal(relation.key)
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
            yield amount, SCHEMA + "currency", Literal(str(fact.qualifier("currency") or "GBP"))
            continue
        for term in _qualifier_terms(vocabulary, qualifier.datatype, value):
            yield node, qualifier_property, term
    for source in fact.sources:
        yield node, DERIVED_FROM, source_iri(vocabulary, source)
    if relation.statement_class:
        yield from _standard_roles(vocabulary, fact, (subject, prop, obj, node))
    own = vocabulary.project_namespace
    status = shown_status(vocabulary, fact)
    if status:
        yield node, own + "status", status_iri(vocabulary, status)
    if fact.status_date:
        yield node, own + "statusDate", date_literal(fact.status_date)
    if fact.quote:
        yield node, own + "evidence", annotation_iri(vocabulary, fact.key)
    if fact.cell and fact.sources:
        yield from cell_triples(vocabulary, fact.key, node, fact.cell, fact.cell_text,
                                source_iri(vocabulary, fact.sources[0]))


def _standard_roles(vocabulary: Vocabulary, fact: Fact, parts: Direct) -> Iterator[Triple]:
    """The standard properties a statement class asks for: ORG's membership, schema.org's grant."""
    subject, prop, obj, node = parts
    kind = vocabulary.expand(vocabulary.relations[fact.relation].statement_class)
    if kind == MEMBERSHIP and isinstance(obj, str) and obj != node:
        yield node, ORG + "member", subject
        yield node, ORG + "organization", obj
        role = fact.qualifier("role")
        if role:
            yield node, ORG + "role", node + ".role"
            yield node + ".role", RDF_TYPE, ORG + "Role"
            yield node + ".role", RDFS + "label", _text(str(role))
        yield from _interval(node, fact)
    elif kind == MONETARY_GRANT:  # not wm:Investment: an investment figure about X need not be money given to X
        yield node, SCHEMA + "fundedItem", subject
        if prop == SCHEMA + "funder" and isinstance(obj, str) and obj != node:
            yield node, SCHEMA + "funder", obj


_INSTANT = {1: "inXSDgYear", 2: "inXSDgYearMonth", 3: "inXSDDate"}


def _interval(node: str, fact: Fact) -> Iterator[Triple]:
    """org:memberDuring: an OWL-Time interval from the start and end, or holding the as-of date."""
    found = [(TIME + link, fact.qualifier(key)) for link, key in
             (("hasBeginning", "start"), ("hasEnd", "end"), ("inside", "as-of"))]
    found = [(link, value) for link, value in found if value]
    if not found:
        return
    during = node + ".during"
    yield node, ORG + "memberDuring", during
    yield during, RDF_TYPE, TIME + "Interval"
    for link, value in found:
        instant = during + "." + link[len(TIME):]
        yield during, link, instant
        yield instant, RDF_TYPE, TIME + "Instant"
        yield instant, TIME + _INSTANT[len(str(value).split("-"))], date_literal(str(value))


def fact_triples(vocabulary: Vocabulary, fact: Fact) -> Iterator[Triple]:
    """Yield the direct triple(s) of one fact and its qualified statement node."""
    parts = direct_parts(vocabulary, fact)
    yield from direct_triples(vocabulary, fact, parts)
    yield from statement_triples(vocabulary, fact, parts)


def shared_triples(model: Model) -> Iterator[Triple]:
    """The triples that belong to no fact file: the vocabulary's own terms, the quotes' annotations, the sources."""
    yield from ontology_triples(model.vocabulary)
    yield from model_annotations(model)  # they read the sources' stored texts
    for source in model.sources.values():
        yield from source_triples(model.vocabulary, source)


def model_triples(model: Model) -> Iterator[Triple]:
    """Yield every triple of the model (duplicates possible; writers de-duplicate)."""
    vocabulary = model.vocabulary
    yield from shared_triples(model)
    for entity in model.entities.values():
        yield from entity_triples(vocabulary, entity)
    for fact in model.facts:
        yield from fact_triples(vocabulary, fact)
