"""What a SPARQL query returns, whichever engine answered it: rows of terms, a boolean or triples.

The terms are pyoxigraph's own (`NamedNode`, `BlankNode`, `Literal`): the embedded engine gives
them and a store's answer is parsed into them, so an answer goes from the engine to the output
formats in one term model, never converted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph

from ..rdf.terms import XSD_STRING

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
Row = dict[str, Term]
TermTriple = tuple[Term, Term, Term]
_RANK = {pyoxigraph.BlankNode: 0, pyoxigraph.NamedNode: 1, pyoxigraph.Literal: 2}


@dataclass
class Answer:
    """The answer to one query: `kind` is 'select', 'ask' or 'graph' (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool = False
    triples: list[TermTriple] = field(default_factory=list)
    source: str = ""
    prefixes: dict[str, str] = field(default_factory=dict)
    totals: tuple[str, ...] = ()


def literal(text: str, datatype: str = XSD_STRING) -> pyoxigraph.Literal:
    """A literal of `datatype` (xsd:string by default)."""
    return pyoxigraph.Literal(text, datatype=pyoxigraph.NamedNode(datatype))


def with_text(term: pyoxigraph.Literal, text: str) -> pyoxigraph.Literal:
    """The same kind of literal (datatype or language tag) holding `text`."""
    if term.language:
        return pyoxigraph.Literal(text, language=term.language)
    return pyoxigraph.Literal(text, datatype=term.datatype)


def sort_key(term: Term) -> tuple[int, str, str, str]:
    """Blank nodes, then IRIs, then literals; each by its text (a literal then by datatype and tag)."""
    if isinstance(term, pyoxigraph.Literal):
        return 2, term.value, term.datatype.value, term.language or ""
    return _RANK.get(type(term), 3), term.value, "", ""


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
            if isinstance(value, pyoxigraph.Literal) and separator in value.value:
                row[name] = with_text(value, separator.join(sorted(value.value.split(separator))))
