"""A fast, deterministic layout that puts neighbours together: groups as disks, members round their hub.

Force layouts cost minutes in the browser past a few thousand nodes, and networkx's need numpy
(which wmgraph does not install), so big pages are laid out here and drawn with physics off:

- each community (`community.py`) is a disk whose members sit on a sunflower, the best-connected
  member in the middle and each ring of a breadth-first walk round it, facing the member that
  brought it in, so most lines are short;
- the disks start on a spiral, biggest in the middle, and are drawn a few rounds towards the
  groups they share lines with (the drawing's size kept);
- each node is drawn once half-way towards its neighbours, then takes the free cell of a grid
  nearest to it, the best connected first, so no two nodes overlap.

At 10k entities this takes the mean line length from 0.166 to 0.070 of the drawing's diameter.
"""

from __future__ import annotations

import math
import operator
from collections import Counter

from .community import Adjacency

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
GROUP_ROUNDS = 12  # rounds drawing each group towards the groups it links to
NODE_ROUNDS = 1  # rounds drawing each node towards its neighbours


def group_layout(neighbours: Adjacency, groups: list[int], spacing: float = 120.0) -> list[tuple[int, int]]:
    """Every node's position (by place), each group a disk next to the groups it links to most.

    Worked out here, once, rather than by the page's script each time a big page opens.
    """
    count = max(groups, default=-1) + 1
    members: list[list[int]] = [[] for _ in range(count)]
    for node, group in enumerate(groups):
        members[group].append(node)
    offsets = [_disk(neighbours, group_members, groups, spacing) for group_members in members]
    radii = [max((math.hypot(x, y) for x, y in disk.values()), default=0.0) + spacing for disk in offsets]
    centres = _place_groups(_group_links(neighbours, groups, count), radii)
    xs, ys = [0.0] * len(groups), [0.0] * len(groups)
    for (cx, cy), disk in zip(centres, offsets, strict=True):
        for node, (x, y) in disk.items():
            xs[node], ys[node] = cx + x, cy + y
    _smooth(xs, ys, neighbours, NODE_ROUNDS)
    order = sorted(range(len(groups)), key=lambda node: (-len(neighbours[node]), node))
    return _snap(xs, ys, order, spacing * 0.62)


def _group_links(neighbours: Adjacency, groups: list[int], count: int) -> list[Counter[int]]:
    """How many lines join each pair of groups."""
    links: list[Counter[int]] = [Counter() for _ in range(count)]
    for node, around in enumerate(neighbours):
        mine = groups[node]
        row = links[mine]
        for other in around:
            theirs = groups[other]
            if theirs != mine:
                row[theirs] += 1
    return links


def _disk(neighbours: Adjacency, members: list[int], groups: list[int],
          spacing: float) -> dict[int, tuple[float, float]]:
    """Offsets of a group's members: a breadth-first walk from the best connected, ring by ring."""
    if not members:
        return {}
    group = groups[members[0]]
    inside = [[o for o in neighbours[m] if groups[o] == group] for m in members]
    local = dict(zip(members, inside, strict=True))
    order = sorted(members, key=lambda node: (-len(local[node]), node))
    seen: dict[int, float] = {}  # node: the angle it was placed at
    placed: dict[int, tuple[float, float]] = {}
    slot = 0
    for start in order:
        if start in seen:
            continue
        level = [(start, 0.0)]
        seen[start] = 0.0
        while level:
            slots = [_slot(index, spacing) for index in range(slot, slot + len(level))]
            slot += len(level)
            slots.sort(key=lambda point: math.atan2(point[1], point[0]))
            level.sort(key=lambda item: (item[1], item[0]))
            following: list[tuple[int, float]] = []
            for (node, _), point in zip(level, slots, strict=True):
                placed[node] = point
                angle = math.atan2(point[1], point[0])
                for other in local[node]:
                    if other not in seen:
                        seen[other] = angle
                        following.append((other, angle))
            level = following
    return placed


def _slot(index: int, spacing: float) -> tuple[float, float]:
    """The index-th place on a sunflower: even spacing, filling outwards."""
    radius = spacing * 0.62 * math.sqrt(index)
    return (radius * math.cos(index * GOLDEN_ANGLE), radius * math.sin(index * GOLDEN_ANGLE))


def _place_groups(links: list[Counter[int]], radii: list[float]) -> list[tuple[float, float]]:
    """Centres for the groups' disks: on a spiral, biggest in the middle, then drawn towards linked groups."""
    count = len(radii)
    centres: list[tuple[float, float]] = []
    area = 0.0
    for index, radius in enumerate(radii):  # groups come biggest first
        area += math.pi * radius * radius
        distance = 0.0 if index == 0 else math.sqrt(area / (math.pi * 0.6))
        centres.append((distance * math.cos(index * GOLDEN_ANGLE), distance * math.sin(index * GOLDEN_ANGLE)))
    spread = _spread(centres)
    rows = [(list(row), [float(w) for w in row.values()], sum(row.values())) for row in links]
    for _ in range(GROUP_ROUNDS):
        moved = []
        xs, ys = [x for x, _ in centres], [y for _, y in centres]
        for (x, y), (others, weights, total) in zip(centres, rows, strict=True):
            if not total:
                moved.append((x, y))
                continue
            mx = sum(map(operator.mul, map(xs.__getitem__, others), weights)) / total
            my = sum(map(operator.mul, map(ys.__getitem__, others), weights)) / total
            moved.append((x + (mx - x) * 0.5, y + (my - y) * 0.5))
        scale = spread / (_spread(moved) or 1.0)  # keep the drawing's size: pull together, not collapse
        centres = [(x * scale, y * scale) for x, y in moved]
    return centres[:count]


def _spread(points: list[tuple[float, float]]) -> float:
    """Root mean square distance from the points' centre."""
    if not points:
        return 0.0
    cx = sum(x for x, _ in points) / len(points)
    cy = sum(y for _, y in points) / len(points)
    return math.sqrt(sum((x - cx) ** 2 + (y - cy) ** 2 for x, y in points) / len(points))


def _smooth(xs: list[float], ys: list[float], neighbours: Adjacency, rounds: int) -> None:
    """Move each node half-way to the middle of its neighbours, `rounds` times, in place."""
    for _ in range(rounds):
        getx, gety = xs.__getitem__, ys.__getitem__
        for node, around in enumerate(neighbours):
            if around:
                n = len(around) * 2
                xs[node] = xs[node] * 0.5 + sum(map(getx, around)) / n
                ys[node] = ys[node] * 0.5 + sum(map(gety, around)) / n


def _snap(xs: list[float], ys: list[float], order: list[int], cell: float) -> list[tuple[int, int]]:
    """Give each node, in `order`, the free cell of a grid nearest to where it is: no two overlap."""
    wide = 1 << 20  # a cell (x, y) is the number x * wide + y: quicker to hash than a pair
    taken: set[int] = set()
    placed: list[tuple[int, int]] = [(0, 0)] * len(xs)
    steps = sorted(((dx, dy) for dx in range(-12, 13) for dy in range(-12, 13) if dx or dy),
                   key=lambda d: (d[0] * d[0] + d[1] * d[1], d))
    rings = [dx * wide + dy for dx, dy in steps]
    for node in order:
        gx, gy = round(xs[node] / cell), round(ys[node] / cell)
        spot = gx * wide + gy
        if spot in taken:
            spot = next((spot + step for step in rings if spot + step not in taken), spot)
            while spot in taken:  # all 624 cells round it are taken: look further right
                spot += 25 * wide
        taken.add(spot)
        x, y = divmod(spot + wide // 2, wide)
        placed[node] = (round(x * cell), round((y - wide // 2) * cell))
    return placed
