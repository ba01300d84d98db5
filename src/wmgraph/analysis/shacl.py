"""Check RDF against the generated SHACL shapes with pyshacl, and report violations in words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import rdflib

from ..errors import OutputError
from ..model.vocabulary import Vocabulary
from ..rdf.formats.turtle import Compactor
from ..rdf.reading import BLANK
from ..rdf.shapes import SH, shape_prefixes, shape_triples
from ..rdf.terms import XSD_STRING, Literal, Triple


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the node that fails, the property path and the message."""

    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}" if self.path else f"{self.focus}: {self.message}"


def _resource(name: str) -> rdflib.term.Node:
    return rdflib.BNode(name[len(BLANK):]) if name.startswith(BLANK) else rdflib.URIRef(name)


def to_rdflib(triples: Iterable[Triple]) -> rdflib.Graph:
    """Load plain triples into an rdflib graph (plain text literals stay untyped)."""
    graph = rdflib.Graph()
    for s, p, o in triples:
        if isinstance(o, Literal):
            term: rdflib.term.Node = rdflib.Literal(o.lexical) if o.datatype == XSD_STRING \
                else rdflib.Literal(o.lexical, lang=o.language) if o.language \
                else rdflib.Literal(o.lexical, datatype=rdflib.URIRef(o.datatype))
        else:
            term = _resource(o)
        graph.add((_resource(s), rdflib.URIRef(p), term))
    return graph


def _pyshacl() -> Any:
    try:
        import pyshacl
    except ImportError as error:
        raise OutputError("SHACL checks need pyshacl: pip install 'wmgraph[shacl]'") from error
    return pyshacl


def shacl_violations(data: rdflib.Graph, vocabulary: Vocabulary) -> list[Violation]:
    """Validate `data` against the vocabulary's shapes; return every violation, sorted."""
    pyshacl = _pyshacl()
    shapes = to_rdflib(shape_triples(vocabulary))
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, advanced=True, inference="none",
                                           allow_warnings=True)
    if conforms:
        return []
    compact = Compactor(shape_prefixes(vocabulary))

    def shown(node: Any) -> str:
        if node is None:
            return ""
        if isinstance(node, rdflib.Literal):
            return repr(str(node))
        return compact.iri(str(node))

    violations = set()
    for result in report.subjects(rdflib.RDF.type, rdflib.URIRef(SH + "ValidationResult")):
        message = report.value(result, rdflib.URIRef(SH + "resultMessage"))
        value = report.value(result, rdflib.URIRef(SH + "value"))
        text = str(message or "does not conform")
        if value is not None:
            text += f" (found {shown(value)})"
        violations.add(Violation(shown(report.value(result, rdflib.URIRef(SH + "focusNode"))),
                                 shown(report.value(result, rdflib.URIRef(SH + "resultPath"))), text))
    return sorted(violations)
