"""Answer SPARQL queries: in memory with pyoxigraph, or at a remote endpoint.

The embedded engine loads the graph's N-Triples (which the caller gives: `ask.run_query` gives
the built `output/wmgraph.nt` when its stamp says it is fresh, else the graph built in memory
from the fact files) into an in-memory pyoxigraph Store, in a child process that --timeout and
Ctrl-C can stop (child.py); a query
nested too deeply for the parser, or with a SERVICE clause not allowed, is refused first.
The project's prefixes are passed to the parser rather than pasted in, so
line numbers in syntax errors are those of the user's text; parameters are bound with
a VALUES block of serialised RDF terms at the start of the WHERE group (the same text a
remote endpoint gets), never by splicing user text into the query.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeVar

import pyoxigraph

from ..errors import QueryError, QueryUsageError
from ..model.vocabulary import VOCABULARY_FILE, read_vocabulary
from ..rdf.mapping import namespaces
from .answers import Answer, Term, order_lists
from .child import run_in_child
from .library import QUERY_DIR, Query, bind, find_query, prefix_prelude, with_values
from .remote import DEFAULT_GRAPH, DEFAULT_TIMEOUT, Credentials, remote_query
from .text import check_nesting, group_concats, uses_service

_LOCATION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.DOTALL)


@dataclass
class QueryRequest:
    """Everything `wmgraph query` needs to know: which query, which graph, which engine.

    `timeout` bounds a local query as well as a remote one (None: no bound); `allow_service`
    lets a local query's SERVICE clauses reach other hosts.
    """

    spec: str | None = None
    inline: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    graph_dir: Path = Path("graph")
    out_dir: Path = Path("output")
    query_dir: Path = QUERY_DIR
    endpoint: str | None = None
    named_graph: str = DEFAULT_GRAPH
    credentials: Credentials | None = None
    timeout: float | None = DEFAULT_TIMEOUT
    allow_service: bool = False


GraphSource = Callable[[], tuple[bytes, str]]  # the graph's N-Triples and where they came from, for messages


def answer_request(request: QueryRequest, graph: GraphSource) -> Answer:
    """Find the query, bind its parameters and answer it locally (on `graph()`) or at `request.endpoint`."""
    query = find_query(request.spec, request.inline, request.query_dir)
    check_nesting(query.name, query.text)
    vocabulary = read_vocabulary(request.graph_dir / VOCABULARY_FILE)
    prefixes = namespaces(vocabulary)
    bindings = bind(query, request.params, vocabulary.base, prefixes)
    if request.endpoint:
        text = prefix_prelude(prefixes) + with_values(query.text, bindings)
        answer = remote_query(request.endpoint, text, request.named_graph or None, request.credentials,
                              DEFAULT_TIMEOUT if request.timeout is None else request.timeout)
    else:
        if not request.allow_service:
            refuse_service(query)
        data, source = graph()
        kind, serialised = run_in_child(answer_graph, (data, query, bindings, prefixes, vocabulary.base),
                                        request.timeout, f"query '{query.name}'")
        answer = read_serialised(kind, serialised)
        answer.source = source
    answer.prefixes = prefixes
    answer.totals = tuple(name for name in query.totals if name in answer.variables)
    order_lists(answer, group_concats(query.text))
    return answer


def refuse_service(query: Query) -> None:
    """Refuse a query with a SERVICE clause, which would send requests to other hosts."""
    if uses_service(query.text):
        raise QueryUsageError(f"query '{query.name}' has a SERVICE clause, which would send requests to "
                              "other hosts: give --allow-service to let it")


def answer_graph(data: bytes, query: Query, bindings: dict[str, Term], prefixes: dict[str, str],
                 base: str) -> tuple[str, bytes]:
    """Load N-Triples `data` into an embedded store, check entity parameters and answer the query.

    Run in the query's child process: the answer comes back serialised by pyoxigraph, as
    ('results', SPARQL JSON) or ('graph', N-Triples), which crosses the pipe and is read
    again faster than pickled Python objects.
    """
    return answer_store(load_store(data), query, bindings, prefixes, base)


def answer_store(store: pyoxigraph.Store, query: Query, bindings: dict[str, Term], prefixes: dict[str, str],
                 base: str) -> tuple[str, bytes]:
    """Check entity parameters and answer the query on `store`, serialised as `answer_graph` sends it."""
    check_entities(store, query, bindings, base)
    return _guarded(store, query, bindings, prefixes, _serialise)


def read_serialised(kind: str, data: bytes) -> Answer:
    """The Answer for what `answer_graph` sent back."""
    if kind == "graph":
        triples = [(t.subject, t.predicate, t.object)
                   for t in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)]
        return Answer("graph", triples=triples)
    return _read_result(pyoxigraph.parse_query_results(data, format=pyoxigraph.QueryResultsFormat.JSON))


@functools.lru_cache(maxsize=2)
def load_store(data: bytes) -> pyoxigraph.Store:
    """An in-memory store holding the N-Triples `data` (cached: tests and sessions reuse it)."""
    return new_store(data)


def new_store(data: bytes | IO[bytes] | Path, lenient: bool = False) -> pyoxigraph.Store:
    """An in-memory store of the N-Triples `data` (bytes, a stream or a file), not cached: the build drops it once used.

    `lenient` skips checking each IRI and literal, for N-Triples the build wrote itself.
    """
    store = pyoxigraph.Store()
    # load, not bulk_load: into memory it takes less room for the same store
    if isinstance(data, Path):
        store.load(path=data, format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=lenient)
    else:
        store.load(data, format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=lenient)
    return store


def answer_locally(store: pyoxigraph.Store, query: Query, bindings: dict[str, Term],
                   prefixes: dict[str, str]) -> Answer:
    """Run a query on the embedded store with the project's prefixes predeclared (in this process)."""
    return _guarded(store, query, bindings, prefixes, _read_result)


Result = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples
T = TypeVar("T")


def _guarded(store: pyoxigraph.Store, query: Query, bindings: dict[str, Term], prefixes: dict[str, str],
             consume: Callable[[Result], T]) -> T:
    """Run the query and `consume` its result (evaluation happens then), every failure a QueryError."""
    try:
        return consume(store.query(with_values(query.text, bindings), prefixes=prefixes))
    except SyntaxError as error:
        message = str(error)
        if bindings:  # parse the user's own text again, so line and column are theirs
            try:
                store.query(query.text, prefixes=prefixes)
            except SyntaxError as original:
                message = str(original)
        raise QueryError(syntax_message(query, message)) from None
    except (OSError, ValueError, RuntimeError, TypeError) as error:
        raise QueryError(f"query '{query.name}' failed: {error}") from None


def _serialise(result: Result) -> tuple[str, bytes]:
    if isinstance(result, pyoxigraph.QueryTriples):
        return "graph", result.serialize(format=pyoxigraph.RdfFormat.N_TRIPLES) or b""
    return "results", result.serialize(format=pyoxigraph.QueryResultsFormat.JSON) or b""


def _read_result(result: Result) -> Answer:
    """Read a pyoxigraph result (evaluation happens here, as it is iterated) into an Answer."""
    if isinstance(result, pyoxigraph.QueryBoolean):
        return Answer("ask", boolean=bool(result))
    if isinstance(result, pyoxigraph.QueryTriples):
        triples = [(t.subject, t.predicate, t.object) for t in result]
        return Answer("graph", triples=triples)
    variables = [v.value for v in result.variables]
    # A solution iterates its terms in the order of `variables` (None when unbound): a third
    # faster than looking each up by name, which shows on big answers such as 'entities'.
    rows = [{name: term for name, term in zip(variables, solution, strict=True)
             if term is not None} for solution in result]
    return Answer("select", variables=variables, rows=rows)


def check_entities(store: pyoxigraph.Store, query: Query, bindings: dict[str, Term], base: str) -> None:
    """Refuse an entity parameter that names nothing in the graph, suggesting close ids."""
    if not query.params:
        return
    for name, param in query.params.items():
        value = bindings.get(name)
        if param.type != "entity" or value is None:
            continue
        if store.query("ASK { ?s ?p ?o }", substitutions={pyoxigraph.Variable("s"): value}):
            continue
        found = store.query("SELECT ?e WHERE { ?e <https://w3id.org/wmgraph/ns#entityType> ?t }")
        assert isinstance(found, pyoxigraph.QuerySolutions)
        ids = [str(s["e"].value)[len(base):] for s in found]
        shown = value.value[len(base):] if value.value.startswith(base) else value.value
        close = difflib.get_close_matches(shown, ids, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (run 'wmgraph query entities' for the ids)"
        raise QueryUsageError(f"parameter '{name}': no entity '{shown}' in the graph{hint}")


def syntax_message(query: Query, message: str) -> str:
    """Turn pyoxigraph's parser message into: where, the offending text, and what was expected."""
    match = _LOCATION.match(message)
    if not match:
        return f"syntax error in query '{query.name}': {message}"
    line, column, expected = int(match.group(1)), int(match.group(2)), match.group(3)
    lines = query.text.splitlines() or [""]
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    near = _token_at(source, column - 1)
    where = f"{query.path}:{line}:{column}" if query.path else f"line {line}, column {column}"
    text = f"syntax error in query '{query.name}' at {where}"
    if not near and not "".join(lines[line - 1:]).strip():
        last = max((n for n, t in enumerate(lines, start=1) if t.strip()), default=1)
        return (f"{text} (at the end of the query): {_expected(expected)}\n"
                f"  {last} | {lines[last - 1] if lines else ''}")
    text += f" near '{near}'" if near else " (at the end of the line)"
    text += f": {_expected(expected)}\n  {line} | {source}\n  {' ' * len(str(line))} | {' ' * (column - 1)}^"
    return text


def _token_at(source: str, index: int) -> str:
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", source)]
    for start, end, token in tokens:
        if start <= index < end:
            return token
    before = [token for start, end, token in tokens if end <= index]
    return before[-1] if before else ""


def _expected(text: str) -> str:
    text = text.removeprefix("expected ").removeprefix("one of ")
    text = re.sub(r"\[[^\]]*\]", "", text, flags=re.DOTALL)
    parts = [p.strip() for p in text.replace("\n", " ").split(",")]
    parts = [p for p in parts if p and p != "|"]
    phrases = [p for p in parts if " " in p and not p.startswith('"')]
    if phrases:
        return "; ".join(phrases).lower() if len(phrases) > 1 else phrases[0][0].lower() + phrases[0][1:]
    return "expected " + ", ".join(parts) if parts else "unexpected text"
