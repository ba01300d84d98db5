"""Talk to real triple stores: the SPARQL 1.1 protocol for queries, the Graph Store protocol for loading.

Only the standard library's urllib is used. Every failure becomes a one-line StoreError; a
password is passed in by the caller (from an environment variable or a prompt) and never
appears in a message.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph

from ..errors import StoreError
from ..freshness import graph_data
from .answers import Answer, Value, value_of

if TYPE_CHECKING:  # http.client and urllib.request are loaded only when a store is used
    import urllib.request

DEFAULT_TIMEOUT = 30.0
_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
           "application/json;q=0.5")
_RDF_TYPES = {
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "text/plain": pyoxigraph.RdfFormat.N_TRIPLES,
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class Credentials:
    """Who to log in as: auth is 'basic' or 'digest'."""

    user: str
    password: str
    auth: str = "digest"


def _opener(url: str, credentials: Credentials | None) -> urllib.request.OpenerDirector:
    import urllib.request
    if credentials is None:
        return urllib.request.build_opener()
    if credentials.auth == "basic":
        prior = urllib.request.HTTPPasswordMgrWithPriorAuth()
        prior.add_password(None, url, credentials.user, credentials.password, is_authenticated=True)
        return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(prior))
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, url, credentials.user, credentials.password)
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager))


def _send(request: urllib.request.Request, credentials: Credentials | None, timeout: float,
          what: str) -> tuple[int, str, bytes]:
    """Send a request; return (status, content type, body) or raise a one-line StoreError."""
    url = request.full_url.split("?")[0]
    try:
        with _opener(request.full_url, credentials).open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            return response.status, content_type, response.read()
    except urllib.error.HTTPError as error:
        body = _first_line(error.read())
        if error.code == 401:
            hint = "check --user and the password" if credentials else "give --user (the store needs a login)"
            raise StoreError(f"{url} refused the login for {what} (HTTP 401 Unauthorized): {hint}") from None
        if error.code == 403:
            raise StoreError(f"{url} forbids {what} (HTTP 403 Forbidden){': ' + body if body else ''}") from None
        detail = f": {body}" if body else ""
        raise StoreError(f"{url} rejected {what} (HTTP {error.code} {error.reason}){detail}") from None
    except TimeoutError:
        raise StoreError(f"{url} did not answer {what} within {timeout:g} s (is the store overloaded? "
                         f"try --timeout)") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise StoreError(f"{url} did not answer {what} within {timeout:g} s (try --timeout)") from None
        if isinstance(reason, ConnectionRefusedError):
            raise StoreError(f"cannot connect to {url}: connection refused (is the store running?)") from None
        raise StoreError(f"cannot reach {url}: {getattr(reason, 'strerror', None) or reason}") from None
    except (ConnectionError, OSError) as error:
        raise StoreError(f"lost the connection to {url} during {what}: {error}") from None


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = lines[0] if lines else ""
    return line[:200] + ("..." if len(line) > 200 else "")


def remote_query(endpoint: str, text: str, named_graph: str | None = None,
                 credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT) -> Answer:
    """Run a full query text at a SPARQL endpoint (form POST) and read its answer."""
    import urllib.request
    if not endpoint.startswith(("http://", "https://")):
        raise StoreError(f"the endpoint must be an http:// or https:// URL, not '{endpoint}'")
    fields = [("query", text)]
    if named_graph:
        fields.append(("default-graph-uri", named_graph))
    request = urllib.request.Request(
        endpoint, data=urllib.parse.urlencode(fields).encode("utf-8"), method="POST",
        headers={"Accept": _ACCEPT, "Content-Type": "application/x-www-form-urlencoded"})
    _, content_type, body = _send(request, credentials, timeout, "the query")
    answer = read_answer(content_type, body, endpoint)
    answer.source = endpoint
    return answer


def read_answer(content_type: str, body: bytes, endpoint: str) -> Answer:
    """Parse a SPARQL JSON result or an RDF document into an Answer."""
    if content_type in _RDF_TYPES:
        try:
            triples = [(value_of(q.subject), value_of(q.predicate), value_of(q.object))
                       for q in pyoxigraph.parse(body, format=_RDF_TYPES[content_type])]
        except (SyntaxError, ValueError) as error:
            raise StoreError(f"{endpoint} sent RDF that cannot be read: {error}") from None
        return Answer("graph", triples=triples)
    try:
        document = json.loads(body)
    except ValueError:
        raise StoreError(f"{endpoint} did not answer with SPARQL results ({content_type}): "
                         f"{_first_line(body)}") from None
    if not isinstance(document, dict):
        raise StoreError(f"{endpoint} sent JSON that is not a SPARQL result")
    if "boolean" in document:
        return Answer("ask", boolean=bool(document["boolean"]))
    variables = list(document.get("head", {}).get("vars", []))
    rows = [{name: _json_value(cell) for name, cell in binding.items()}
            for binding in document.get("results", {}).get("bindings", [])]
    return Answer("select", variables=variables, rows=rows)


def _json_value(cell: dict[str, Any]) -> Value:
    kind = cell.get("type")
    if kind == "uri":
        return Value.iri(cell["value"])
    if kind == "bnode":
        return Value("bnode", cell["value"])
    language = cell.get("xml:lang", "")
    datatype = cell.get("datatype", "http://www.w3.org/2001/XMLSchema#string")
    return Value.literal(cell["value"], datatype, language)


def put_graph(store_url: str, data: bytes, named_graph: str, credentials: Credentials | None = None,
              timeout: float = DEFAULT_TIMEOUT) -> int:
    """Replace a named graph with Turtle `data` (Graph Store protocol PUT); return the HTTP status."""
    import urllib.request
    if not store_url.startswith(("http://", "https://")):
        raise StoreError(f"the endpoint must be an http:// or https:// URL, not '{store_url}'")
    separator = "&" if "?" in store_url else "?"
    url = f"{store_url}{separator}{urllib.parse.urlencode({'graph': named_graph})}"
    request = urllib.request.Request(url, data=data, method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    status, _, _ = _send(request, credentials, timeout, "the graph")
    return status


DEFAULT_GRAPH = "https://w3id.org/wmgraph/graph"


@dataclass(frozen=True)
class PushResult:
    """What a push did: triples sent, the store's HTTP status and where the data came from."""

    triples: int
    status: int
    source: str


def push_graph(graph_dir: Path, out_dir: Path, store_url: str, named_graph: str = DEFAULT_GRAPH,
               credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT) -> PushResult:
    """Load the graph into a store's named graph, replacing what was there (so pushing twice is safe)."""
    data, source = graph_data(graph_dir, out_dir, "turtle")
    count = sum(1 for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    status = put_graph(store_url, data, named_graph, credentials, timeout)
    return PushResult(count, status, source)
