"""N-Triples: one triple a line, lines sorted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..terms import XSD_STRING, Literal, Term, Triple, escape_string
from .grouping import Predicates


def term(value: Term) -> str:
    """Write one term in N-Triples syntax."""
    if isinstance(value, Literal):
        text = f'"{escape_string(value.lexical)}"'
        return text if value.datatype == XSD_STRING else f"{text}^^<{value.datatype}>"
    return f"<{value}>"


def line_order(predicate: str) -> str:
    """Sorts a subject's predicates as its lines sort: a line goes on "<p> ", and '>' ends the IRI."""
    return predicate + ">"


def dumps(triples: Iterable[Triple], prefixes: Mapping[str, str] | None = None) -> str:
    """Serialise triples as sorted, de-duplicated N-Triples."""
    lines = {f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples}
    return "".join(sorted(lines))


def subject_lines(subject: str, predicates: Predicates) -> list[str]:
    """The sorted lines of one subject's triples."""
    start = f"<{subject}> "
    lines = []
    for predicate, objects in predicates.items():
        head = f"{start}<{predicate}> "
        for obj in objects:
            if isinstance(obj, Literal):
                lines.append(f"{head}{term(obj)} .\n")
            else:
                lines.append(f"{head}<{obj}> .\n")
    lines.sort()
    return lines
