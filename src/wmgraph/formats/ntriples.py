"""N-Triples: one triple a line, lines sorted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..terms import XSD_STRING, Literal, Term, Triple, escape_string


def term(value: Term) -> str:
    """Write one term in N-Triples syntax."""
    if isinstance(value, Literal):
        text = f'"{escape_string(value.lexical)}"'
        return text if value.datatype == XSD_STRING else f"{text}^^<{value.datatype}>"
    return f"<{value}>"


def dumps(triples: Iterable[Triple], prefixes: Mapping[str, str] | None = None) -> str:
    """Serialise triples as sorted, de-duplicated N-Triples."""
    lines = {f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples}
    return "".join(sorted(lines))
