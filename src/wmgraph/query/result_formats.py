"""Write query answers: an aligned table for people, CSV/TSV/JSON/XML by the SPARQL 1.1 result specs,
Turtle or N-Triples for CONSTRUCT/DESCRIBE, and yes/no for ASK.

CSV, TSV and XML are written by pyoxigraph's own result serializers; JSON by wmgraph, indented
(pyoxigraph's is the same document on one line). Only the table has a footer: the row count and,
for a query that declares `@total`, the column sums; machine formats carry only data rows.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph

from ..errors import QueryError
from ..rdf.formats import FORMATS as RDF_FORMATS
from ..rdf.formats import turtle
from ..rdf.terms import XSD, XSD_STRING, Literal, Triple
from .answers import Answer, Value, to_oxigraph

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nt")
_RESULTS = {"csv": pyoxigraph.QueryResultsFormat.CSV, "tsv": pyoxigraph.QueryResultsFormat.TSV,
            "xml": pyoxigraph.QueryResultsFormat.XML}
MAX_CELL = 100
_NUMERIC = {XSD + name for name in ("integer", "decimal", "double", "float", "long", "int",
                                    "nonNegativeInteger", "positiveInteger")}


def default_format(answer: Answer, terminal: bool) -> str:
    """The table on a terminal; otherwise CSV for rows and Turtle for graphs."""
    if terminal:
        return "table"
    return "turtle" if answer.kind == "graph" else "csv"


def format_answer(answer: Answer, fmt: str) -> str:
    """Render an answer in one of FORMATS (IRIs compacted with the answer's prefixes)."""
    prefixes = answer.prefixes
    if answer.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer.boolean}) + "\n"
        if fmt == "xml":
            return results_text(answer, fmt)
        if fmt in ("turtle", "nt"):
            raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; an ASK answers yes or no")
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
    if fmt in _RESULTS:
        return results_text(answer, fmt)
    if fmt == "json":
        return json_text(answer)
    return table(answer.variables, answer.rows, prefixes, answer.totals)


def compact(value: Value, compactor: turtle.Compactor) -> str:
    """A cell for people: prefixed IRIs, bare literal text."""
    if value.kind == "iri":
        short = compactor.iri(value.value)
        return value.value if short.startswith("<") else short
    if value.kind == "bnode":
        return f"_:{value.value}"
    return value.value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _cell(text: str) -> str:
    """One line: a list given one item a line (as `funding`'s `via`) reads with semicolons."""
    text = "; ".join(" ".join(line.split()) for line in text.splitlines() if not line.isspace() and line)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def table(variables: list[str], rows: list[dict[str, Value]], prefixes: Mapping[str, str],
          totals: tuple[str, ...] = ()) -> str:
    """An aligned text table with a header rule and a row count; numbers are right-aligned.

    Columns named in `totals` are summed in a footer under a second rule.
    """
    compactor = turtle.Compactor(prefixes)
    cells = [[_cell(compact(row[v], compactor)) if v in row else "" for v in variables] for row in rows]
    numeric = [bool(rows) and all(row[v].datatype in _NUMERIC for row in rows if v in row) for v in variables]
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


def _footer(variables: list[str], rows: list[dict[str, Value]], totals: tuple[str, ...]) -> list[list[str]]:
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


def _sum(values: Iterable[Value]) -> str:
    total = Decimal(0)
    for value in values:
        try:
            total += Decimal(value.value)
        except InvalidOperation:
            continue
    text = format(total, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def results_text(answer: Answer, fmt: str) -> str:
    """SPARQL 1.1 CSV, TSV or XML results, written by pyoxigraph's serializers."""
    if answer.kind == "ask":
        document = json.dumps({"head": {}, "boolean": answer.boolean})
    else:
        document = json_text(answer)
    parsed = pyoxigraph.parse_query_results(document.encode("utf-8"), format=pyoxigraph.QueryResultsFormat.JSON)
    data = parsed.serialize(format=_RESULTS[fmt])
    assert data is not None
    text = data.decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


def json_text(answer: Answer) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [{name: _json_cell(value) for name, value in row.items()} for row in answer.rows]
    document = {"head": {"vars": answer.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _json_cell(value: Value) -> dict[str, Any]:
    if value.kind == "iri":
        return {"type": "uri", "value": value.value}
    if value.kind == "bnode":
        return {"type": "bnode", "value": value.value}
    cell: dict[str, Any] = {"type": "literal", "value": value.value}
    if value.lang:
        cell["xml:lang"] = value.lang
    elif value.datatype and value.datatype != XSD_STRING:
        cell["datatype"] = value.datatype
    return cell


def _sorted(answer: Answer) -> list[tuple[Value, Value, Value]]:
    return sorted(set(answer.triples))


def graph_text(answer: Answer, fmt: str, prefixes: Mapping[str, str]) -> str:
    """Turtle (grouped by subject, the project's writer) or sorted N-Triples for a graph answer."""
    triples = _sorted(answer)
    if all(v.kind != "bnode" and not v.lang for t in triples for v in t):
        plain = [_plain(t) for t in triples]
        return RDF_FORMATS[fmt][1](plain, prefixes)
    if fmt == "nt":
        return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples)
    data = pyoxigraph.serialize([_oxigraph_triple(t) for t in triples], format=pyoxigraph.RdfFormat.TURTLE,
                                prefixes=dict(prefixes))
    assert data is not None
    return data.decode("utf-8")


def _plain(triple: tuple[Value, Value, Value]) -> Triple:
    s, p, o = triple
    obj = Literal(o.value, o.datatype or XSD_STRING) if o.kind == "literal" else o.value
    return s.value, p.value, obj


def _oxigraph_triple(triple: tuple[Value, Value, Value]) -> Any:
    return pyoxigraph.Triple(*(to_oxigraph(v) for v in triple))
