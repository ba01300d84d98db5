"""Communities of a graph in plain Python: a deterministic Louvain method, the one wmgraph has.

The page draws these communities and `wmgraph stats` reports them (analysis/statistics.py calls
`communities` on the same graph), so both name the same groups. networkx's Louvain is far slower
at the sizes the page must draw and a build does not import networkx (docs/performance.md has the
figures). On a big graph a first grouping of stars (each best-connected node with up to eight
of its neighbours) replaces Louvain's first, costliest level; then each level moves every group,
most linked first (ties to the smallest), into the neighbouring group that gains most modularity,
and the groups become the nodes of the next level. Same graph, same groups.
"""

from __future__ import annotations

from collections import Counter, defaultdict

Adjacency = list[list[int]]
Weighted = list[dict[int, float]]
# Up to SMALL nodes Louvain starts from single nodes and runs more levels: the stars' shortcut
# saves time only on big graphs, and on small ones it costs modularity.
SMALL = 1000
SMALL_LEVELS = 8
LEVELS = 4


def adjacency(count: int, links: list[tuple[int, int]]) -> Adjacency:
    """Each node's neighbours (by place), once each, without self-loops, in ascending order."""
    sets: list[set[int]] = [set() for _ in range(count)]
    for a, b in links:
        if a != b:
            sets[a].add(b)
            sets[b].add(a)
    return [sorted(s) for s in sets]


def communities(neighbours: Adjacency, largest: int = 1500) -> list[int]:
    """Each node's group, numbered 0.. biggest first (ties by smallest node); unlinked nodes share the last.

    No group grows past `largest` nodes: a group must stay small enough to expand in the browser.
    """
    small = len(neighbours) <= SMALL
    start = list(range(len(neighbours))) if small else _stars(neighbours)
    graph, loops, member = _first_graph(neighbours, start)
    for _ in range((SMALL_LEVELS if small else LEVELS) - 1):
        size = Counter(member)
        moved = _local_moving(graph, loops, 2, [size[group] for group in range(len(graph))], largest)
        if len(set(moved)) == len(graph):
            break
        graph, loops, mapping = _aggregate(graph, loops, moved, list(range(len(graph))))
        member = [mapping[group] for group in member]
    return _numbered(neighbours, member)


def _stars(neighbours: Adjacency, arms: int = 8) -> list[int]:
    """A first grouping, quicker than a Louvain pass and as good a start: each node, most linked
    first, that no group holds yet takes up to `arms` of its neighbours that none holds either."""
    group = [-1] * len(neighbours)
    for node in sorted(range(len(neighbours)), key=lambda n: (-len(neighbours[n]), n)):
        if group[node] >= 0:
            continue
        group[node] = node
        taken = 0
        for other in neighbours[node]:
            if group[other] < 0:
                group[other] = node
                taken += 1
                if taken == arms:
                    break
    return group


def _local_moving(graph: Weighted, loops: list[float], passes: int, sizes: list[int], largest: int) -> list[int]:
    """Louvain's moving phase on a weighted graph of groups (of `sizes` nodes), none grown past `largest`."""
    count = len(graph)
    members = sizes[:]
    degree = [sum(links.values()) + 2 * loops[node] for node, links in enumerate(graph)]
    twice_links = sum(degree) or 1.0
    group = list(range(count))
    total = degree[:]
    order = sorted(range(count), key=lambda node: (-degree[node], node))
    for _ in range(passes):
        moved = 0
        for node in order:
            if not graph[node]:
                continue
            mine = group[node]
            total[mine] -= degree[node]
            members[mine] -= sizes[node]
            weights: dict[int, float] = defaultdict(float)
            for other, weight in graph[node].items():
                weights[group[other]] += weight
            scale = degree[node] / twice_links
            room = largest - sizes[node]
            best, gain = mine, weights.get(mine, 0.0) - total[mine] * scale
            for other, weight in weights.items():
                value = weight - total[other] * scale
                if (value > gain or (value == gain and other < best)) and (other == mine or members[other] <= room):
                    best, gain = other, value
            group[node] = best
            total[best] += degree[node]
            members[best] += sizes[node]
            moved += best != mine
        if moved * 200 < count:
            break
    return group


def _first_graph(neighbours: Adjacency, group: list[int]) -> tuple[Weighted, list[float], list[int]]:
    """The weighted graph of the first level's groups, and each node's group in it."""
    number = {label: place for place, label in enumerate(sorted(set(group)))}
    member = [number[label] for label in group]
    pairs = Counter((member[node], member[other]) for node, around in enumerate(neighbours)
                    for other in around if other > node)
    graph: Weighted = [{} for _ in number]
    loops = [0.0] * len(number)
    for (a, b), weight in pairs.items():
        if a == b:
            loops[a] += weight
        else:
            graph[a][b] = graph[a].get(b, 0.0) + weight
            graph[b][a] = graph[b].get(a, 0.0) + weight
    return graph, loops, member


def _aggregate(graph: Weighted, loops: list[float], group: list[int],
               member: list[int]) -> tuple[Weighted, list[float], list[int]]:
    """The graph of the groups (weights summed) and each member's group, renumbered 0.."""
    number = {label: place for place, label in enumerate(sorted(set(group)))}
    merged: list[dict[int, float]] = [defaultdict(float) for _ in number]
    merged_loops = [0.0] * len(number)
    for node, links in enumerate(graph):
        mine = number[group[node]]
        merged_loops[mine] += loops[node]
        row = merged[mine]
        for other, weight in links.items():
            theirs = number[group[other]]
            if theirs == mine:
                merged_loops[mine] += weight / 2
            else:
                row[theirs] += weight
    return [dict(row) for row in merged], merged_loops, [number[group[m]] for m in member]


def _numbered(neighbours: Adjacency, labels: list[int]) -> list[int]:
    """Renumber groups 0.. biggest first; nodes without lines join one last group."""
    size = Counter(label for node, label in enumerate(labels) if neighbours[node])
    ranked = sorted(size, key=lambda key: (-size[key], key))
    number = {label: place for place, label in enumerate(ranked)}
    loners = len(ranked)
    return [number[label] if neighbours[node] else loners for node, label in enumerate(labels)]
