"""`wmgraph query` and `push`: the graph as built (or built in memory when `output/` is stale) given to
the embedded engine or a store.

The engine and the stores' protocols are `query/`, which comes before the build (the build answers
the page's library questions with that engine); what reads the build's outputs comes after it.
"""

from __future__ import annotations

from pathlib import Path

from ..building import graph_data
from ..query.answers import Answer
from ..query.engine import QueryRequest, answer_request
from ..query.http import check_endpoint
from ..query.remote import DEFAULT_GRAPH, DEFAULT_TIMEOUT, Credentials, PushResult, push_turtle

__all__ = ["QueryRequest", "run_query", "push_graph"]


def run_query(request: QueryRequest) -> Answer:
    """Find the query, bind its parameters and answer it locally or at `request.endpoint`."""
    return answer_request(request, lambda: graph_data(request.graph_dir, request.out_dir, "nt"))


def push_graph(graph_dir: Path, out_dir: Path, store_url: str, named_graph: str = DEFAULT_GRAPH,
               credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT) -> PushResult:
    """Load the graph into a store's named graph, replacing what was there (so pushing twice is safe)."""
    check_endpoint(store_url, credentials)
    data, source = graph_data(graph_dir, out_dir, "turtle")
    return push_turtle(data, source, store_url, named_graph, credentials, timeout)
