"""Read built RDF back into a model: entities, sources and the qualified statement nodes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import LoadError
from ..model.model import Entity, Fact, Location, Model, QualifierValue, Source
from ..model.vocabulary import Vocabulary
from .mapping import DCTERMS, DERIVED_FROM, SCHEMA, SKOS
from .terms import DC, RDF, RDFS, Literal, Term, Triple

RDF_FORMATS = {".nt": "nt", ".ttl": "turtle", ".jsonld": "json-ld"}


def read_triples(path: Path) -> list[Triple]:
    """Parse an N-Triples, Turtle or JSON-LD file into plain triples."""
    rdf_format = RDF_FORMATS.get(path.suffix)
    if rdf_format is None:
        raise LoadError(f"{path}: cannot read this file type (use .nt, .ttl or .jsonld)")
    import rdflib  # here: importing it costs every other command a tenth of a second

    graph = rdflib.Graph()
    try:
        graph.parse(path, format=rdf_format)
    except Exception as error:  # rdflib raises many kinds of parse errors
        raise LoadError(f"{path}: not valid {rdf_format}: {error}") from error
    triples: list[Triple] = []
    for s, p, o in graph:
        term: Term
        if isinstance(o, rdflib.Literal):
            term = Literal(str(o), str(o.datatype or "http://www.w3.org/2001/XMLSchema#string"))
        else:
            term = str(o)
        triples.append((str(s), str(p), term))
    return triples


class _Index:
    """Triples by subject and predicate."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.data: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            self.data[s][p].append(o)

    def texts(self, subject: str, predicate: str) -> list[str]:
        return sorted(o.lexical if isinstance(o, Literal) else o for o in self.data[subject].get(predicate, []))

    def one(self, subject: str, predicate: str) -> str:
        found = self.texts(subject, predicate)
        return found[0] if found else ""


def _local(iri: str, namespace: str) -> str:
    return iri[len(namespace):] if iri.startswith(namespace) else iri


def _value(index: _Index, term: Term, datatype: str, base: str) -> QualifierValue:
    if isinstance(term, Literal):
        if datatype == "integer":
            return int(term.lexical)
        if datatype == "decimal":
            try:
                return Decimal(term.lexical)
            except InvalidOperation:
                return term.lexical
        return term.lexical
    if datatype == "money":
        value = index.one(term, SCHEMA + "value")
        try:
            return Decimal(value)
        except InvalidOperation:
            return value
    return _local(term, base)


def model_from_triples(triples: Iterable[Triple], vocabulary: Vocabulary, shown: str) -> Model:
    """Rebuild entities, sources and facts from the triples `rdfgraph` writes."""
    index = _Index(triples)
    base, own = vocabulary.base, vocabulary.project_namespace
    statement_base, source_base = base + "statement/", base + "source/"
    model = Model(vocabulary)
    where = Location(shown, 0, 0)
    for subject in sorted(index.data):
        properties = index.data[subject]
        sources = tuple(_local(s, source_base) for s in index.texts(subject, DERIVED_FROM))
        if subject.startswith(source_base) and DCTERMS + "title" in properties:
            model.sources[_local(subject, source_base)] = Source(
                _local(subject, source_base), index.one(subject, DCTERMS + "title"), where,
                publisher=index.one(subject, DC + "publisher"),
                authors=tuple(index.texts(subject, DC + "creator")), date=index.one(subject, DCTERMS + "date"))
        elif own + "entityType" in properties and not subject.startswith(statement_base):
            key = _local(subject, base)
            model.entities[key] = Entity(
                key, index.one(subject, own + "entityType"), index.one(subject, RDFS + "label"), where, sources,
                tuple(index.texts(subject, SKOS + "altLabel")), index.one(subject, SCHEMA + "description"),
                index.one(subject, SCHEMA + "url"))
        elif own + "relation" in properties:
            fact = _fact(index, vocabulary, subject, sources, where)
            if fact is not None:
                model.facts.append(fact)
    model.facts.sort(key=lambda fact: fact.key)
    return model


def _fact(index: _Index, vocabulary: Vocabulary, node: str, sources: tuple[str, ...],
          where: Location) -> Fact | None:
    relation = vocabulary.relations.get(index.one(node, vocabulary.project_namespace + "relation"))
    if relation is None:
        return None
    base = vocabulary.base
    subject = index.one(node, RDF + "subject")
    objects = index.data[node].get(RDF + "object", [])
    obj: str | None = None
    is_entity = False
    if objects and isinstance(objects[0], Literal):
        obj = objects[0].lexical
    elif objects:
        obj, is_entity = str(objects[0]), True
    if relation.reverse and is_entity and obj is not None:
        subject, obj = obj, subject
    qualifiers: list[tuple[str, QualifierValue]] = []
    for key in relation.qualifiers:
        qualifier = vocabulary.qualifiers[key]
        values = index.data[node].get(vocabulary.expand(qualifier.property), [])
        if not values or qualifier.datatype == "currency":
            continue
        if qualifier.datatype == "entities":
            qualifiers.append((key, tuple(sorted(_local(str(v), base) for v in values))))
            continue
        qualifiers.append((key, _value(index, values[0], qualifier.datatype, base)))
        if qualifier.datatype == "money" and isinstance(values[0], str):
            currency = index.one(values[0], SCHEMA + "currency")
            if currency and currency != "GBP":
                qualifiers.append(("currency", currency))
    return Fact(_local(node, base + "statement/"), _local(subject, base), relation.key,
                _local(obj, base) if is_entity and obj is not None else obj, is_entity,
                tuple(sorted(qualifiers)), sources, where)
