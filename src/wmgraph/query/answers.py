"""What a SPARQL query returns, whichever engine answered it: rows of values, a boolean or triples."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pyoxigraph

from ..rdf.terms import LANG_STRING, XSD_STRING, escape_string


class Value(NamedTuple):
    """One RDF term in an answer: kind is 'iri', 'literal' or 'bnode'."""

    kind: str
    value: str
    datatype: str = ""
    lang: str = ""

    @classmethod
    def iri(cls, value: str) -> Value:
        """An IRI."""
        return cls("iri", value)

    @classmethod
    def literal(cls, value: str, datatype: str = XSD_STRING, lang: str = "") -> Value:
        """A literal; a language tag makes it an rdf:langString."""
        return cls("literal", value, LANG_STRING if lang else datatype, lang)

    def n3(self) -> str:
        """The term in N-Triples syntax (blank nodes as _:label)."""
        if self.kind == "iri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = f'"{escape_string(self.value)}"'
        if self.lang:
            return f"{text}@{self.lang}"
        return text if self.datatype in ("", XSD_STRING) else f"{text}^^<{self.datatype}>"


Row = dict[str, Value]
ValueTriple = tuple[Value, Value, Value]


@dataclass
class Answer:
    """The answer to one query: `kind` is 'select', 'ask' or 'graph' (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool = False
    triples: list[ValueTriple] = field(default_factory=list)
    source: str = ""
    prefixes: dict[str, str] = field(default_factory=dict)
    totals: tuple[str, ...] = ()


def order_lists(answer: Answer, separators: dict[str, str]) -> None:
    """Sort the items of each GROUP_CONCAT column, so lists read the same from run to run and store to store.

    SPARQL leaves the order of GROUP_CONCAT unspecified (Oxigraph's varies between runs,
    Virtuoso's differs from it): `separators` maps each such column to its separator.
    """
    for name, separator in separators.items():
        if not separator:
            continue
        for row in answer.rows:
            value = row.get(name)
            if value is not None and value.kind == "literal" and separator in value.value:
                text = separator.join(sorted(value.value.split(separator)))
                row[name] = value._replace(value=text)


def value_of(term: Any) -> Value:
    """Convert a pyoxigraph term into a Value."""
    if isinstance(term, pyoxigraph.NamedNode):
        return Value.iri(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return Value("bnode", term.value)
    if isinstance(term, pyoxigraph.Literal):
        return Value.literal(term.value, term.datatype.value, term.language or "")
    return Value.literal(str(term))


def to_oxigraph(value: Value) -> Any:
    """Convert a Value into a pyoxigraph term."""
    if value.kind == "iri":
        return pyoxigraph.NamedNode(value.value)
    if value.kind == "bnode":
        return pyoxigraph.BlankNode(value.value)
    if value.lang:
        return pyoxigraph.Literal(value.value, language=value.lang)
    return pyoxigraph.Literal(value.value, datatype=pyoxigraph.NamedNode(value.datatype or XSD_STRING))
