"""Network statistics: counts, degree, betweenness, components, communities and their brokers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx
from networkx.algorithms import community

from ..model.model import Model
from .network import model_graph, undirected_simple
from .phrasing import has_date, source_short

EXACT_BETWEENNESS_LIMIT = 1000  # nodes; above this betweenness is estimated from samples
BETWEENNESS_SAMPLES = 200
SEED = 42
TOP = 10


@dataclass(frozen=True)
class Ranked:
    """An entity with a score, for the top lists."""

    key: str
    name: str
    score: float
    note: str = ""


@dataclass
class NetworkStats:
    """Everything `wmgraph stats` reports."""

    entities: int
    facts: int
    sources: int
    by_type: list[tuple[str, int]]
    by_relation: list[tuple[str, int]]
    edges: int  # facts linking two entities
    most_connected: list[Ranked]
    most_central: list[Ranked]
    betweenness_sampled: int  # 0 when exact
    components: list[int]  # sizes, largest first
    isolated: int
    communities: list[tuple[int, str]] = field(default_factory=list)  # size, best-connected member
    brokers: list[Ranked] = field(default_factory=list)
    per_source: list[tuple[str, int]] = field(default_factory=list)
    dated: int = 0


def _top(scores: dict[str, float], model: Model, notes: dict[str, str] | None = None) -> list[Ranked]:
    ranked = sorted(((-score, key) for key, score in scores.items() if score > 0))[:TOP]
    return [Ranked(key, model.entities[key].name, -negative, (notes or {}).get(key, ""))
            for negative, key in ranked]


def network_stats(model: Model) -> NetworkStats:
    """Compute the statistics of the model's network, deterministically."""
    graph = model_graph(model)
    simple = undirected_simple(graph)
    by_type = Counter(entity.type for entity in model.entities.values())
    by_relation = Counter(fact.relation for fact in model.facts)
    degree = {node: float(d) for node, d in nx.MultiGraph(graph).degree()}
    sampled = BETWEENNESS_SAMPLES if simple.number_of_nodes() > EXACT_BETWEENNESS_LIMIT else 0
    betweenness = nx.betweenness_centrality(simple, k=sampled or None, seed=SEED if sampled else None)
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    connected = simple.subgraph(n for n in simple if simple.degree(n) > 0)
    groups = community.greedy_modularity_communities(connected) if connected.number_of_edges() else []
    ordered = sorted((sorted(group) for group in groups), key=lambda g: (-len(g), g))
    member_of = {node: index for index, group in enumerate(ordered) for node in group}
    named = [(len(group), max(group, key=lambda n: (degree[n], [-ord(c) for c in n]))) for group in ordered]
    broker_scores: dict[str, float] = {}
    broker_notes: dict[str, str] = {}
    for node in connected:
        reached = {member_of[n] for n in simple[node]} | {member_of[node]}
        if len(reached) > 1 and betweenness[node] > 0:
            broker_scores[node] = betweenness[node]
            broker_notes[node] = ", ".join(str(i + 1) for i in sorted(reached))
    per_source = Counter(source for fact in model.facts for source in fact.sources)
    return NetworkStats(
        entities=len(model.entities), facts=len(model.facts), sources=len(model.sources),
        by_type=sorted(by_type.items(), key=lambda item: (-item[1], item[0])),
        by_relation=sorted(by_relation.items(), key=lambda item: (-item[1], item[0])),
        edges=graph.number_of_edges(),
        most_connected=_top(degree, model),
        most_central=_top(betweenness, model),
        betweenness_sampled=sampled,
        components=[size for size in components if size > 1],
        isolated=sum(1 for size in components if size == 1),
        communities=[(size, model.entities[key].name) for size, key in named],
        brokers=_top(broker_scores, model, broker_notes),
        per_source=[(source_short(model, key), count)
                    for key, count in sorted(per_source.items(), key=lambda item: (-item[1], item[0]))],
        dated=sum(1 for fact in model.facts if has_date(model, fact)),
    )
