"""Turtle syntax: prefixed names where they are safe, `a` first, the prefix header."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..terms import RDF_TYPE, XSD, XSD_STRING, Literal, Term, escape_string

_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_XSD_INTEGER = XSD + "integer"
_XSD_DECIMAL = XSD + "decimal"


class Compactor:
    """Shortens IRIs to prefix:local where the local part needs no escaping."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # longest namespace first, so ent:statement/ loses to stmt:
        self.namespaces = sorted(((iri, name) for name, iri in prefixes.items()),
                                 key=lambda item: (-len(item[0]), item[1]))
        self.known: dict[str, str] = {}  # most IRIs recur as objects: remember every spelling

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
        return self.iri(value) if isinstance(value, str) else self.literal(value)

    def literal(self, value: Literal) -> str:
        """Write one literal in Turtle syntax."""
        lexical, datatype, language = value
        if datatype == XSD_STRING:
            return f'"{escape_string(lexical)}"'
        if language:
            return f'"{escape_string(lexical)}"@{language}'
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
