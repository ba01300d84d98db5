"""Read built RDF (N-Triples, Turtle, JSON-LD, parsed by pyoxigraph) into plain triples, and those into a model."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LoadError
from ..model.model import Entity, Fact, Location, Model, QualifierValue, Source
from ..model.vocabulary import Vocabulary
from .mapping import DCTERMS, DERIVED_FROM, SCHEMA, SKOS
from .terms import DC, RDF, RDFS, Literal, Term, Triple

if TYPE_CHECKING:  # pyoxigraph is loaded only by the commands that read RDF
    import pyoxigraph

SUFFIXES = (".nt", ".ttl", ".jsonld")
BLANK = "_:"  # how a blank node's name starts in the plain triples


def _format(path: Path) -> pyoxigraph.RdfFormat:
    import pyoxigraph

    formats = {".nt": pyoxigraph.RdfFormat.N_TRIPLES, ".ttl": pyoxigraph.RdfFormat.TURTLE,
               ".jsonld": pyoxigraph.RdfFormat.JSON_LD}
    found = formats.get(path.suffix)
    if found is None:
        raise LoadError(f"{path}: cannot read this file type (give a .nt, .ttl or .jsonld file)")
    return found


def _triples(path: Path, skip: frozenset[str]) -> Iterator[Triple]:
    import pyoxigraph

    literal, blank = pyoxigraph.Literal, pyoxigraph.BlankNode
    for quad in pyoxigraph.parse(path=str(path), format=_format(path)):
        predicate = quad.predicate.value
        if predicate in skip:
            continue
        subject, obj = quad.subject, quad.object
        name = subject.value if type(subject) is not blank else BLANK + subject.value
        if type(obj) is literal:
            # a language-tagged string keeps its tag (the model reads its text, as a plain one's)
            yield name, predicate, Literal(obj.value, obj.datatype.value, obj.language or "")
        else:
            yield name, predicate, obj.value if type(obj) is not blank else BLANK + obj.value


def read_rdf(path: Path, skip: frozenset[str] = frozenset()) -> list[Triple]:
    """Parse a built RDF file into plain triples, leaving out those whose predicate is in `skip`."""
    if path.exists() and not path.is_file():
        raise LoadError(f"{path}: not a file (a folder, device or FIFO); give a .nt, .ttl or .jsonld file")
    if not path.is_file():
        raise LoadError(f"{path}: no such RDF file (give a .nt, .ttl or .jsonld file)")
    try:
        return list(_triples(path, skip))
    except SyntaxError as error:  # pyoxigraph reports every parse error as a SyntaxError
        raise LoadError(f"{path}: not valid RDF: {error}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise LoadError(f"{path}: cannot be read: {error}") from error


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
    own = vocabulary.project_namespace
    status = index.one(node, own + "status").removeprefix(own + "status-")  # the default status is left out
    return Fact(_local(node, base + "statement/"), _local(subject, base), relation.key,
                _local(obj, base) if is_entity and obj is not None else obj, is_entity,
                tuple(sorted(qualifiers)), sources, where,
                status=status or next((key for key, one in vocabulary.statuses.items() if one.default), ""),
                status_date=index.one(node, own + "statusDate"))
