"""Turtle grouped by subject, with prefixes, sorted so that rebuilds are byte-identical."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..terms import RDF_TYPE, XSD, XSD_STRING, Literal, Term, Triple, escape_string, sort_key
from .grouping import Predicates, by_subject

_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_XSD_INTEGER = XSD + "integer"
_XSD_DECIMAL = XSD + "decimal"
_REMEMBER = 24


class Compactor:
    """Shortens IRIs to prefix:local where the local part needs no escaping."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # longest namespace first, so ent:statement/ loses to stmt:
        self.namespaces = sorted(((iri, name) for name, iri in prefixes.items()),
                                 key=lambda item: (-len(item[0]), item[1]))
        self.known: dict[str, str] = {}  # most IRIs recur as objects: remember every spelling
        self.literals: dict[Literal, str] = {}  # short literals recur too (relation keys, dates)

    def iri(self, iri: str) -> str:
        """Return the shortest safe spelling of `iri`."""
        short = self.known.get(iri)
        if short is None:
            short = self.known[iri] = self.spell(iri)
        return short

    def spell(self, iri: str) -> str:
        """Work out the spelling of `iri` (see `iri`)."""
        for namespace, name in self.namespaces:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if local == "" or _LOCAL.match(local):
                    return f"{name}:{local}"
        return f"<{iri}>"

    def term(self, value: Term) -> str:
        """Write one term in Turtle syntax."""
        if not isinstance(value, Literal):
            return self.iri(value)
        text = self.literals.get(value)
        if text is None:
            text = self.literal(value)
            if len(value.lexical) <= _REMEMBER:
                self.literals[value] = text
        return text

    def literal(self, value: Literal) -> str:
        """Write one literal in Turtle syntax."""
        lexical, datatype = value
        if datatype == XSD_STRING:
            return f'"{escape_string(lexical)}"'
        if datatype == _XSD_INTEGER and _INTEGER.match(lexical):
            return lexical
        if datatype == _XSD_DECIMAL and _DECIMAL.match(lexical):
            return lexical
        return f'"{escape_string(lexical)}"^^{self.iri(datatype)}'


def header(prefixes: Mapping[str, str]) -> str:
    """The @prefix lines that open the document."""
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in sorted(prefixes.items()))


def predicate_order(predicates: Iterable[str]) -> list[str]:
    """The order of a subject's predicates in its block: `a` (rdf:type) first, then by IRI."""
    order = sorted(predicates)
    if RDF_TYPE in order:
        order.remove(RDF_TYPE)
        order.insert(0, RDF_TYPE)
    return order


def block(compact: Compactor, subject: str, predicates: Predicates) -> str:
    """One subject's statements: `a` first, then predicates and objects sorted."""
    order = predicate_order(predicates)
    known = compact.known  # most IRIs are spelled already: look them up without a call
    parts = []
    for predicate in order:
        name = "a" if predicate == RDF_TYPE else known.get(predicate) or compact.iri(predicate)
        objects = predicates[predicate]
        if len(objects) == 1:
            (only,) = objects
            text = (known.get(only) if only.__class__ is str else None) or compact.term(only)
        else:
            text = ", ".join([compact.term(o) for o in sorted(objects, key=sort_key)])
        parts.append(name + " " + text)
    return "\n" + (known.get(subject) or compact.iri(subject)) + "\n    " + " ;\n    ".join(parts) + " .\n"


def dumps(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    """Serialise triples as Turtle, one block per subject, everything sorted."""
    compact = Compactor(prefixes)
    grouped = by_subject(triples)
    return header(prefixes) + "".join(block(compact, s, grouped[s]) for s in sorted(grouped))
