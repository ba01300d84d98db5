"""Network statistics: counts, degree, betweenness, components, communities and their brokers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ..model.model import Model
from ..page.community import adjacency, communities
from .centrality import sampled_betweenness
from .phrasing import has_date, source_short

# Above this many nodes betweenness is estimated from samples (exact betweenness is quadratic).
EXACT_LIMIT = 1000
BETWEENNESS_SAMPLES = 50
SEED = 42
COMMUNITY_METHOD = "Louvain, as the page draws them"
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
    community_method: str
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


def _network(model: Model) -> tuple[nx.Graph, dict[str, float], int]:
    """The undirected simple graph, each entity's count of linking facts, and the count of links."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(model.entities))
    degree = dict.fromkeys(simple, 0.0)
    links = 0
    for fact in model.facts:
        if fact.object_is_entity and fact.object is not None:
            links += 1
            degree[fact.subject] += 1
            degree[fact.object] += 1
            if fact.subject != fact.object:
                simple.add_edge(fact.subject, fact.object)
    return simple, degree, links


def model_communities(model: Model) -> list[list[str]]:
    """The communities of the entities that have links, biggest first: the page's, found by the same code."""
    keys = sorted(model.entities)
    place = {key: number for number, key in enumerate(keys)}
    links = [(place[fact.subject], place[fact.object]) for fact in model.facts
             if fact.object_is_entity and fact.object is not None]
    neighbours = adjacency(len(keys), links)
    members: dict[int, list[str]] = {}
    for key, group, around in zip(keys, communities(neighbours), neighbours, strict=True):
        if around:
            members.setdefault(group, []).append(key)
    return [members[group] for group in sorted(members)]


def _brokers(simple: nx.Graph, groups: list[list[str]], betweenness: dict[str, float],
             ) -> tuple[dict[str, float], dict[str, str]]:
    member_of = {node: index for index, group in enumerate(groups) for node in group}
    scores: dict[str, float] = {}
    notes: dict[str, str] = {}
    for node in member_of:
        reached = {member_of[n] for n in simple[node]} | {member_of[node]}
        if len(reached) > 1 and betweenness[node] > 0:
            scores[node] = betweenness[node]
            notes[node] = ", ".join(str(i + 1) for i in sorted(reached))
    return scores, notes


def _counted(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def network_stats(model: Model) -> NetworkStats:
    """Compute the statistics of the model's network, deterministically."""
    simple, degree, links = _network(model)
    large = simple.number_of_nodes() > EXACT_LIMIT
    sampled = BETWEENNESS_SAMPLES if large else 0
    betweenness = sampled_betweenness(simple, sampled, SEED) if large else nx.betweenness_centrality(simple)
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    groups = model_communities(model)
    hubs = [min(group, key=lambda n: (-degree[n], n)) for group in groups]
    broker_scores, broker_notes = _brokers(simple, groups, betweenness)
    per_source = Counter(source for fact in model.facts for source in fact.sources)
    return NetworkStats(
        entities=len(model.entities), facts=len(model.facts), sources=len(model.sources),
        by_type=_counted(Counter(entity.type for entity in model.entities.values())),
        by_relation=_counted(Counter(fact.relation for fact in model.facts)),
        edges=links,
        most_connected=_top(degree, model),
        most_central=_top(betweenness, model),
        betweenness_sampled=sampled,
        community_method=COMMUNITY_METHOD,
        components=[size for size in components if size > 1],
        isolated=sum(1 for size in components if size == 1),
        communities=[(len(group), model.entities[hub].name) for group, hub in zip(groups, hubs, strict=True)],
        brokers=_top(broker_scores, model, broker_notes),
        per_source=[(source_short(model, key), count) for key, count in _counted(per_source)],
        dated=sum(1 for fact in model.facts if has_date(model, fact)),
    )
