"""Write query answers: an aligned table for people, CSV/TSV/JSON/XML by the SPARQL 1.1 result specs,
Turtle or N-Triples for CONSTRUCT/DESCRIBE, and yes/no for ASK.

Each format is written here, once, straight from the answer's terms. Only the table has a
footer: the row count and, for a query that declares `@total`, the column sums; machine
formats carry only data rows.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph

from ..errors import QueryError
from ..rdf.formats import FORMATS as RDF_FORMATS
from ..rdf.formats import turtle
from ..rdf.terms import XSD, XSD_STRING, Literal, Triple
from .answers import Answer, Row, Term, TermTriple, sort_key

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nt")
MAX_CELL = 100
_NUMERIC = {XSD + name for name in ("integer", "decimal", "double", "float", "long", "int",
                                    "nonNegativeInteger", "positiveInteger")}
# Numbers TSV writes bare, as Turtle does: the lexical forms Turtle's INTEGER, DECIMAL and DOUBLE take
_BARE = {XSD + "integer": re.compile(r"[+-]?[0-9]+"), XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
         XSD + "double": re.compile(r"[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"),
         XSD + "boolean": re.compile(r"true|false")}
# What XML text may not hold as it is (a carriage return would be read back as a line feed)
_XML_ESCAPES = {'"': "&quot;", "\r": "&#13;"}
_XML_HEAD = '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'


def default_format(answer: Answer, terminal: bool) -> str:
    """The table on a terminal; otherwise CSV for rows and Turtle for graphs."""
    if terminal:
        return "table"
    return "turtle" if answer.kind == "graph" else "csv"


def format_answer(answer: Answer, fmt: str) -> str:
    """Render an answer in one of FORMATS (IRIs compacted with the answer's prefixes)."""
    prefixes = answer.prefixes
    if answer.kind == "ask":
        if fmt in ("turtle", "nt"):
            raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; an ASK answers yes or no")
        if fmt in ("json", "xml"):
            return _WRITERS[fmt](answer)
        return "yes\n" if answer.boolean else "no\n"
    if answer.kind == "graph":
        if fmt == "table":
            return table(["subject", "predicate", "object"],
                         [{"subject": s, "predicate": p, "object": o} for s, p, o in _sorted(answer)], prefixes)
        if fmt in ("turtle", "nt"):
            return graph_text(answer, fmt, prefixes)
        raise QueryError(f"--format {fmt} is for SELECT queries; a CONSTRUCT or DESCRIBE gives --format "
                         "turtle, nt or table")
    if fmt in ("turtle", "nt"):
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; use table, csv, tsv or json")
    if fmt in _WRITERS:
        return _WRITERS[fmt](answer)
    return table(answer.variables, answer.rows, prefixes, answer.totals)


def compact(term: Term, compactor: turtle.Compactor) -> str:
    """A cell for people: prefixed IRIs, bare literal text."""
    if isinstance(term, pyoxigraph.NamedNode):
        short = compactor.iri(term.value)
        return term.value if short.startswith("<") else short
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return term.value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _cell(text: str) -> str:
    """One line: a list given one item a line (as `funding`'s `via`) reads with semicolons."""
    text = "; ".join(" ".join(line.split()) for line in text.splitlines() if not line.isspace() and line)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _numeric(term: Term) -> bool:
    return isinstance(term, pyoxigraph.Literal) and term.datatype.value in _NUMERIC


def table(variables: list[str], rows: list[Row], prefixes: Mapping[str, str], totals: tuple[str, ...] = ()) -> str:
    """An aligned text table with a header rule and a row count; numbers are right-aligned.

    Columns named in `totals` are summed in a footer under a second rule.
    """
    compactor = turtle.Compactor(prefixes)
    cells = [[_cell(compact(row[v], compactor)) if v in row else "" for v in variables] for row in rows]
    numeric = [bool(rows) and all(_numeric(row[v]) for row in rows if v in row) for v in variables]
    footer = _footer(variables, rows, totals)
    widths = [max([_width(v)] + [_width(line[i]) for line in cells + footer]) for i, v in enumerate(variables)]

    def line(values: list[str]) -> str:
        parts = []
        for index, text in enumerate(values):
            pad = " " * (widths[index] - _width(text))
            parts.append(pad + text if numeric[index] else text + pad)
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [line(variables), rule] + [line(values) for values in cells]
    if footer:
        out += [rule] + [line(values) for values in footer]
    count = len(rows)
    out.append(f"({count} {'row' if count == 1 else 'rows'})")
    return "\n".join(out) + "\n"


def _footer(variables: list[str], rows: list[Row], totals: tuple[str, ...]) -> list[list[str]]:
    """The TOTAL line: the sum of each column in `totals`, labelled in the first other column."""
    if not totals or not rows:
        return []
    line = [""] * len(variables)
    for index, name in enumerate(variables):
        if name in totals:
            line[index] = _sum(row[name] for row in rows if name in row)
    label = next((i for i, name in enumerate(variables) if name not in totals), None)
    if label is not None:
        line[label] = "TOTAL"
    return [line]


def _sum(values: Iterable[Term]) -> str:
    total = Decimal(0)
    for value in values:
        try:
            total += Decimal(value.value)
        except InvalidOperation:
            continue
    text = format(total, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def csv_text(answer: Answer) -> str:
    """SPARQL 1.1 CSV results: plain values, fields quoted as RFC 4180 asks, lines ending in CRLF."""
    lines = [",".join(_csv_field(name) for name in answer.variables)]
    for row in answer.rows:
        lines.append(",".join(_csv_field(_plain_text(row[name])) if name in row else "" for name in answer.variables))
    return "".join(line + "\r\n" for line in lines)


def _plain_text(term: Term) -> str:
    return f"_:{term.value}" if isinstance(term, pyoxigraph.BlankNode) else term.value


def _csv_field(text: str) -> str:
    if any(char in text for char in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def tsv_text(answer: Answer) -> str:
    """SPARQL 1.1 TSV results: terms in N-Triples syntax, numbers bare as Turtle allows."""
    lines = ["\t".join("?" + name for name in answer.variables)]
    for row in answer.rows:
        lines.append("\t".join(_tsv_term(row[name]) if name in row else "" for name in answer.variables))
    return "".join(line + "\n" for line in lines)


def _tsv_term(term: Term) -> str:
    if isinstance(term, pyoxigraph.Literal) and not term.language:
        bare = _BARE.get(term.datatype.value)
        if bare is not None and bare.fullmatch(term.value):
            return term.value
    return str(term)


def xml_text(answer: Answer) -> str:
    """SPARQL Query Results XML."""
    if answer.kind == "ask":
        return f"{_XML_HEAD}<head></head><boolean>{'true' if answer.boolean else 'false'}</boolean></sparql>\n"
    parts = [_XML_HEAD, "<head>"]
    parts += [f"<variable name={quoteattr(name)}/>" for name in answer.variables]
    parts.append("</head><results>")
    for row in answer.rows:
        parts.append("<result>")
        for name in answer.variables:
            if name in row:
                parts.append(f"<binding name={quoteattr(name)}>{_xml_term(row[name])}</binding>")
        parts.append("</result>")
    parts.append("</results></sparql>\n")
    return "".join(parts)


def _xml_text(value: str) -> str:
    """Text escaped for XML, its leading and trailing white space as references (readers trim it)."""
    text = escape(value, _XML_ESCAPES)
    end = len(text.rstrip(" \t\n"))
    start = min(len(text) - len(text.lstrip(" \t\n")), end)
    return _references(text[:start]) + text[start:end] + _references(text[end:])


def _references(part: str) -> str:
    return "".join(f"&#{ord(char)};" for char in part)


def _xml_term(term: Term) -> str:
    text = _xml_text(term.value)
    if isinstance(term, pyoxigraph.NamedNode):
        return f"<uri>{text}</uri>"
    if isinstance(term, pyoxigraph.BlankNode):
        return f"<bnode>{text}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{text}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{text}</literal>"
    return f"<literal>{text}</literal>"


def json_text(answer: Answer) -> str:
    """SPARQL 1.1 Query Results JSON, indented."""
    if answer.kind == "ask":
        return json.dumps({"head": {}, "boolean": answer.boolean}) + "\n"
    bindings = [{name: _json_cell(value) for name, value in row.items()} for row in answer.rows]
    document = {"head": {"vars": answer.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _json_cell(term: Term) -> dict[str, Any]:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    cell: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        cell["datatype"] = term.datatype.value
    return cell


_WRITERS = {"csv": csv_text, "tsv": tsv_text, "xml": xml_text, "json": json_text}


def _sorted(answer: Answer) -> list[TermTriple]:
    return sorted(set(answer.triples), key=lambda triple: tuple(map(sort_key, triple)))


def graph_text(answer: Answer, fmt: str, prefixes: Mapping[str, str]) -> str:
    """Turtle (grouped by subject, the project's writer) or sorted N-Triples for a graph answer."""
    triples = _sorted(answer)
    if all(not isinstance(t, pyoxigraph.BlankNode) for triple in triples for t in triple) and \
            all(not (isinstance(o, pyoxigraph.Literal) and o.language) for _, _, o in triples):
        return RDF_FORMATS[fmt][1]([_plain(t) for t in triples], prefixes)
    if fmt == "nt":
        return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)
    data = pyoxigraph.serialize([_oxigraph(t) for t in triples], format=pyoxigraph.RdfFormat.TURTLE,
                                prefixes=dict(prefixes))
    assert data is not None
    return data.decode("utf-8")


def _oxigraph(triple: TermTriple) -> pyoxigraph.Triple:
    subject, predicate, obj = triple
    # an answer's triples came from RDF: a literal is never a subject, a predicate always an IRI
    assert not isinstance(subject, pyoxigraph.Literal) and isinstance(predicate, pyoxigraph.NamedNode)
    return pyoxigraph.Triple(subject, predicate, obj)


def _plain(triple: TermTriple) -> Triple:
    s, p, o = triple
    obj = Literal(o.value, o.datatype.value) if isinstance(o, pyoxigraph.Literal) else o.value
    return s.value, p.value, obj
