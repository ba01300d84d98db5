"""The result formats wmgraph writes itself, against pyoxigraph's serializers over the same solutions."""

from __future__ import annotations

import pyoxigraph
import pytest

from wmgraph.query.answers import Answer
from wmgraph.query.result_formats import format_answer

# Every kind of term a result holds, and the characters each format must quote or escape.
TRICKY = """SELECT ?a ?b ?c WHERE {
  { ?a <http://e/p> ?b } UNION {
  VALUES (?a ?b ?c) {
    (<http://e/x?q=1&r=2> "plain" 42)
    (<http://e/v> "a, \\"quoted\\"\\nline\\r\\ttab" "3.50"^^<http://www.w3.org/2001/XMLSchema#decimal>)
    (<http://e/y> "Café & <b>"@fr-BE "1.0e3"^^<http://www.w3.org/2001/XMLSchema#double>)
    (UNDEF " lead and trail " "true"^^<http://www.w3.org/2001/XMLSchema#boolean>)
    (<http://e/z> "x"^^<http://e/custom> "007"^^<http://www.w3.org/2001/XMLSchema#integer>)
    (<http://e/w> UNDEF "-5"^^<http://www.w3.org/2001/XMLSchema#integer>)
  } }
}"""
SERIALIZERS = {"csv": pyoxigraph.QueryResultsFormat.CSV, "tsv": pyoxigraph.QueryResultsFormat.TSV}
TEXTS = [TRICKY, "SELECT ?x WHERE { FILTER(false) }", "ASK {}", "ASK { FILTER(false) }"]


def solutions(text: str) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean:
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.BlankNode("b1"), pyoxigraph.NamedNode("http://e/p"),
                              pyoxigraph.Literal("<&>")))
    result = store.query(text)
    assert isinstance(result, (pyoxigraph.QuerySolutions, pyoxigraph.QueryBoolean))
    return result


def answer_of(text: str) -> Answer:
    result = solutions(text)
    if isinstance(result, pyoxigraph.QueryBoolean):
        return Answer("ask", boolean=bool(result))
    variables = [v.value for v in result.variables]
    rows = [{name: term for name, term in zip(variables, solution, strict=True) if term is not None}
            for solution in result]
    return Answer("select", variables=variables, rows=rows)


@pytest.mark.parametrize("fmt", sorted(SERIALIZERS))
@pytest.mark.parametrize("text", TEXTS[:2])
def test_csv_and_tsv_are_what_pyoxigraph_writes(fmt: str, text: str) -> None:
    theirs = solutions(text).serialize(format=SERIALIZERS[fmt])
    assert theirs is not None
    expected = theirs.decode("utf-8")
    assert format_answer(answer_of(text), fmt) == (expected if expected.endswith("\n") else expected + "\n")


def read_back(text: str, fmt: pyoxigraph.QueryResultsFormat) -> bool | list[list[object]]:
    parsed = pyoxigraph.parse_query_results(text.encode("utf-8"), format=fmt)
    if isinstance(parsed, pyoxigraph.QueryBoolean):
        return bool(parsed)
    return [list(row) for row in parsed]


@pytest.mark.parametrize(("fmt", "parser"), [("json", pyoxigraph.QueryResultsFormat.JSON),
                                             ("xml", pyoxigraph.QueryResultsFormat.XML)])
@pytest.mark.parametrize("text", TEXTS)
def test_json_and_xml_read_back_as_the_same_solutions(fmt: str, parser: pyoxigraph.QueryResultsFormat,
                                                      text: str) -> None:
    result = solutions(text)
    expected = bool(result) if isinstance(result, pyoxigraph.QueryBoolean) else [list(row) for row in result]
    assert read_back(format_answer(answer_of(text), fmt), parser) == expected
