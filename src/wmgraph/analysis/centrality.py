"""Betweenness for large graphs, estimated from sampled sources (Brandes' algorithm on integer lists)."""

from __future__ import annotations

import random
from collections import deque

import networkx as nx


def _indexed(graph: nx.Graph) -> tuple[list[str], list[list[int]]]:
    nodes = list(graph)
    index = {node: number for number, node in enumerate(nodes)}
    return nodes, [[index[other] for other in graph[node] if other != node] for node in nodes]


def _accumulate(source: int, adjacency: list[list[int]], scores: list[float]) -> None:
    """One source of Brandes' algorithm for an unweighted graph, on integer-indexed lists."""
    count = len(adjacency)
    sigma = [0] * count
    distance = [-1] * count
    sigma[source], distance[source] = 1, 0
    order: list[int] = []
    queue = deque([source])
    while queue:
        here = queue.popleft()
        order.append(here)
        step = distance[here] + 1
        for there in adjacency[here]:
            if distance[there] < 0:
                distance[there] = step
                queue.append(there)
            if distance[there] == step:
                sigma[there] += sigma[here]
    delta = [0.0] * count
    for node in reversed(order):
        coefficient = (1.0 + delta[node]) / sigma[node]
        below = distance[node] - 1
        for other in adjacency[node]:
            if distance[other] == below:
                delta[other] += sigma[other] * coefficient
        if node != source:
            scores[node] += delta[node]


def sampled_betweenness(graph: nx.Graph, samples: int, seed: int) -> dict[str, float]:
    """Normalised betweenness of an undirected graph, estimated from `samples` seeded random sources."""
    nodes, adjacency = _indexed(graph)
    count = len(nodes)
    scores = [0.0] * count
    chosen = random.Random(seed).sample(range(count), min(samples, count))
    for source in chosen:
        _accumulate(source, adjacency, scores)
    # scaled as networkx scales its own estimate: per pair of other nodes, undirected, from k sources
    scale = count / (len(chosen) * (count - 1) * (count - 2)) if count > 2 and chosen else 0.0
    return {node: scores[number] * scale for number, node in enumerate(nodes)}
