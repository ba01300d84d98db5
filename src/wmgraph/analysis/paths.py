"""The shortest ways two entities are connected, each step explained by the fact behind it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx

from ..errors import WmgraphError
from ..model.model import Fact, Model
from .network import model_graph
from .phrasing import fact_sentence, fact_sources, status_text
from .profile import find_entity


@dataclass(frozen=True)
class Step:
    """One hop of a path: the fact linking two neighbours, in words, with its source."""

    text: str
    sources: str
    more: int  # other facts linking the same two entities
    status: str = ""  # the fact's status, as `show` gives it ('' if stated)


@dataclass
class Connection:
    """All shortest paths found between two entities (at most the limit asked for)."""

    start: str
    end: str
    start_name: str
    end_name: str
    paths: list[list[Step]]
    length: int  # number of hops; 0 when not connected or the same entity


def _step(model: Model, facts: list[Fact]) -> Step:
    fact = facts[0]
    return Step(fact_sentence(model, fact), fact_sources(model, fact), len(facts) - 1, status_text(model, fact))


def connect(model: Model, first: str, second: str, max_paths: int = 5) -> Connection:
    """Find up to `max_paths` shortest paths between two entities over the fact edges, undirected."""
    if max_paths < 1:
        raise WmgraphError("--max must be at least 1")
    start, end = find_entity(model, first), find_entity(model, second)
    graph = model_graph(model)
    by_key = {fact.key: fact for fact in model.facts}
    undirected = nx.MultiGraph(graph)
    connection = Connection(start, end, model.entities[start].name, model.entities[end].name, [], 0)
    if start == end:
        return connection
    try:
        found = list(islice(nx.all_shortest_paths(undirected, start, end), max_paths))
    except nx.NetworkXNoPath:
        return connection
    for nodes in found:
        steps = []
        for here, there in zip(nodes, nodes[1:], strict=False):
            keys = sorted(undirected[here][there])
            steps.append(_step(model, [by_key[k] for k in keys]))
        connection.paths.append(steps)
    connection.length = len(found[0]) - 1
    return connection
