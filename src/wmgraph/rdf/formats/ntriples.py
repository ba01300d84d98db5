"""N-Triples syntax: terms in full, one triple a line, lines sorted."""

from __future__ import annotations

from ..terms import XSD_STRING, Literal, Term, escape_string


def term(value: Term) -> str:
    """Write one term in N-Triples syntax."""
    if isinstance(value, Literal):
        text = f'"{escape_string(value.lexical)}"'
        if value.language:
            return f"{text}@{value.language}"
        return text if value.datatype == XSD_STRING else f"{text}^^<{value.datatype}>"
    return f"<{value}>"


def line_order(iri: str) -> str:
    """Sorts subjects or predicates as their lines sort: a line goes on "<iri> ", and '>' ends the IRI."""
    return iri + ">"
