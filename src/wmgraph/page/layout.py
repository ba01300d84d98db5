"""A fast, deterministic layout for big graphs: each hub with its neighbours, hubs on a spiral.

Force layouts cost minutes in the browser past a few thousand nodes (and networkx's need numpy,
which wmgraph does not install), so big pages are laid out here in linear time and drawn
with physics off.
"""

from __future__ import annotations

import math
from collections import defaultdict

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def hub_layout(nodes: list[str], links: list[tuple[str, str]], spacing: float = 120.0) -> dict[str, tuple[int, int]]:
    """Place every node: clusters of a hub and its neighbours on rings, clusters spread on a spiral."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in links:
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    clusters = _clusters(nodes, neighbours)
    placed: dict[str, tuple[int, int]] = {}
    area_so_far = 0.0
    rings: dict[int, list[tuple[float, float]]] = {}  # most clusters share a few sizes
    for index, members in enumerate(clusters):
        count = len(members)
        radius = _ring_radius(count, spacing)
        # The spiral distance grows with the area already used, so big clusters sit in the middle.
        area_so_far += math.pi * radius * radius
        distance = 0.0 if index == 0 else math.sqrt(area_so_far / (math.pi * 0.55))
        centre_x = distance * math.cos(index * GOLDEN_ANGLE)
        centre_y = distance * math.sin(index * GOLDEN_ANGLE)
        offsets = rings.get(count)
        if offsets is None:
            offsets = rings[count] = _rings(count, spacing)
        for key, (x, y) in zip(members, offsets, strict=True):
            placed[key] = (round(centre_x + x), round(centre_y + y))
    return placed


def _clusters(nodes: list[str], neighbours: dict[str, set[str]]) -> list[list[str]]:
    """Group nodes: the best-connected free node takes its free neighbours; stragglers join a neighbour."""
    # Best connected first, ties by name (a stable sort by links of the names in order); a node's
    # place in that order is its rank. Sorting the list of nodes, not a set of them, is quick when
    # they come in order already.
    given = set(nodes)
    simple = len(given) == len(nodes) and neighbours.keys() <= given
    ranked = sorted(nodes) if simple else sorted(given | neighbours.keys())
    ranked.sort(key=lambda node: -len(neighbours.get(node, ())))
    rank = {node: place for place, node in enumerate(ranked)}
    order = ranked if simple else sorted(nodes, key=rank.__getitem__)
    cluster_of: dict[str, int] = {}
    clusters: list[list[str]] = []
    for node in order:
        if node in cluster_of:
            continue
        links = neighbours.get(node)
        if not links:
            cluster_of[node] = len(clusters)
            clusters.append([node])
            continue
        free = [n for n in links if n not in cluster_of]
        free.sort(key=rank.__getitem__)
        if not free:
            best = min(links, key=rank.__getitem__)
            cluster_of[node] = cluster_of[best]
            clusters[cluster_of[best]].append(node)
            continue
        cluster_of[node] = len(clusters)
        for member in free:
            cluster_of[member] = len(clusters)
        clusters.append([node, *free])
    return sorted(clusters, key=lambda members: (-len(members), members[0]))


def _rings(count: int, spacing: float) -> list[tuple[float, float]]:
    """Offsets for a centre node and `count - 1` others on rings around it."""
    offsets = [(0.0, 0.0)]
    ring = 1
    while len(offsets) < count:
        capacity = int(2 * math.pi * ring)
        take = min(capacity, count - len(offsets))
        for i in range(take):
            angle = 2 * math.pi * i / take + ring * 0.5
            offsets.append((ring * spacing * math.cos(angle), ring * spacing * math.sin(angle)))
        ring += 1
    return offsets


def _ring_radius(count: int, spacing: float) -> float:
    rings, held = 0, 1
    while held < count:
        rings += 1
        held += int(2 * math.pi * rings)
    return (rings + 0.6) * spacing
