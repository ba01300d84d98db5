"""Talk to real triple stores: the SPARQL 1.1 protocol for queries, the Graph Store protocol for loading.

Only the standard library's urllib is used (through `http.send`, which bounds the whole
request in time and turns every failure into one StoreError). The Accept header follows the
query form, as SPARQL clients do: results for SELECT and ASK, RDF for CONSTRUCT and DESCRIBE.
Answers are read with pyoxigraph's strict parsers, so a store's malformed JSON or XML is
refused rather than half-read (`"boolean": "false"` is not a yes).
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from dataclasses import dataclass

import pyoxigraph

from ..errors import StoreError
from .answers import Answer
from .http import Credentials, check_endpoint, first_line, redact, secrets_of, send
from .text import names_graphs, query_form

__all__ = ["DEFAULT_GRAPH", "DEFAULT_TIMEOUT", "Credentials", "PushResult", "check_graph_name", "push_turtle",
           "put_graph", "read_answer", "remote_query"]

DEFAULT_TIMEOUT = 30.0
DEFAULT_GRAPH = "https://w3id.org/wmgraph/graph"
_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9, application/json;q=0.5"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5, text/plain;q=0.1"
_RDF_TYPES = {
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "text/plain": pyoxigraph.RdfFormat.N_TRIPLES,
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/x-turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
}
_RESULT_TYPES = {
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "application/xml": pyoxigraph.QueryResultsFormat.XML,
}


def check_graph_name(name: str) -> None:
    """Refuse a named graph that is not an absolute IRI ('' names the store's default graph)."""
    if not name:
        return
    try:
        pyoxigraph.NamedNode(name)
    except ValueError as error:
        raise StoreError(f"'{name}' is not an IRI ({str(error)[0].lower()}{str(error)[1:]}): name the graph "
                         f"with an absolute IRI, such as {DEFAULT_GRAPH}") from None


def remote_query(endpoint: str, text: str, named_graph: str | None = None,
                 credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT) -> Answer:
    """Run a full query text at a SPARQL endpoint (form POST) and read its answer.

    The query sees `named_graph` as its default graph, unless it names its own graphs
    (GRAPH, FROM): then the store's whole dataset is left to it. `Answer.source` says which.
    """
    target = check_endpoint(endpoint, credentials)
    form = query_form(text)
    fields = [("query", text)]
    narrowed = bool(named_graph) and not names_graphs(text)
    if narrowed:
        fields.append(("default-graph-uri", named_graph or ""))
    accept = _GRAPH_ACCEPT if form in ("construct", "describe") else _RESULTS_ACCEPT
    request = urllib.request.Request(
        target.url, data=urllib.parse.urlencode(fields).encode("utf-8"), method="POST",
        headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    reply = send(request, target.credentials, timeout, "the query")
    try:
        answer = read_answer(reply.content_type, reply.body, target.url, form)
    except StoreError as error:  # the body may echo the password
        raise StoreError(redact(str(error), secrets_of(target.credentials))) from None
    if narrowed:
        answer.source = f"graph <{named_graph}> at {target.url}"
    elif named_graph:
        answer.source = f"the graphs the query names at {target.url}"
    else:
        answer.source = f"the default graph at {target.url}"
    return answer


def read_answer(content_type: str, body: bytes, endpoint: str, form: str = "select") -> Answer:
    """Parse a SPARQL JSON or XML result, or an RDF document, into an Answer of the expected form."""
    graph_form = form in ("construct", "describe")
    if content_type in _RDF_TYPES and (graph_form or content_type != "text/plain"):
        if not graph_form:
            raise StoreError(f"{endpoint} answered a {form.upper()} query with RDF ({content_type}) "
                             "instead of results")
        try:
            triples = [(q.subject, q.predicate, q.object)
                       for q in pyoxigraph.parse(body, format=_RDF_TYPES[content_type])]
        except (SyntaxError, ValueError, OSError) as error:
            raise StoreError(f"{endpoint} sent RDF that cannot be read ({content_type}): "
                             f"{first_line(str(error).encode())}") from None
        return Answer("graph", triples=triples)
    if content_type not in _RESULT_TYPES:
        raise StoreError(f"{endpoint} did not answer with {'RDF' if graph_form else 'SPARQL results'} "
                         f"({content_type or 'no content type'}): {first_line(body) or 'an empty body'}")
    try:
        parsed = pyoxigraph.parse_query_results(body, format=_RESULT_TYPES[content_type])
        if isinstance(parsed, pyoxigraph.QueryBoolean):
            answer = Answer("ask", boolean=bool(parsed))
        else:
            variables = [v.value for v in parsed.variables]
            rows = [{name: term for name, term in zip(variables, solution, strict=True)
                     if term is not None} for solution in parsed]
            answer = Answer("select", variables=variables, rows=rows)
    except (SyntaxError, ValueError, OSError) as error:
        raise StoreError(f"{endpoint} sent SPARQL results that cannot be read ({content_type}): "
                         f"{first_line(str(error).encode())}") from None
    expected = "ask" if form == "ask" else "graph" if graph_form else "select"
    if answer.kind != expected:
        raise StoreError(f"{endpoint} answered a {form.upper()} query with "
                         f"{'a yes/no' if answer.kind == 'ask' else 'a table of'} results")
    return answer


def put_graph(store_url: str, data: bytes, named_graph: str, credentials: Credentials | None = None,
              timeout: float = DEFAULT_TIMEOUT) -> int:
    """Replace a named graph with Turtle `data` (Graph Store protocol PUT); return the HTTP status."""
    target = check_endpoint(store_url, credentials)
    separator = "&" if "?" in target.url else "?"
    url = f"{target.url}{separator}{urllib.parse.urlencode({'graph': named_graph})}"
    request = urllib.request.Request(url, data=data, method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    return send(request, target.credentials, timeout, "the graph").status


@dataclass(frozen=True)
class PushResult:
    """What a push did: triples sent, the store's HTTP status and where the data came from."""

    triples: int
    status: int
    source: str


def push_turtle(data: bytes, source: str, store_url: str, named_graph: str = DEFAULT_GRAPH,
                credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT) -> PushResult:
    """Load Turtle `data` (from `source`) into a store's named graph, replacing what was there."""
    count = sum(1 for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    status = put_graph(store_url, data, named_graph, credentials, timeout)
    return PushResult(count, status, source)
