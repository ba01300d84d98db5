"""The interactive page: one self-contained HTML file (vis-network inlined, data as JSON, no network).

vis-network draws the graph: its script and styles sit in `assets/vendor/` (the copy pyvis 0.3.2
bundles) and are inlined; the positions are worked out here and the page uses wmgraph's own
template in `assets/`. The data sends only what the page cannot work out itself: each
node's position (`nodes`: x and y, entity after entity, in the order of `entities`) and how each
entity type is drawn (`styles`). The page's script makes the vis-network nodes and edges from the
entities and facts: one edge per subject, relation and object (a symmetric relation's from the
smaller id to the larger), edges between the same two entities bent into different curves, and the
name, colour, shape and arrow that every entity of a type or relation of a kind shares.
"""

from __future__ import annotations

import difflib
import html
import re
from collections import defaultdict, deque
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import orjson

from ..atomic import write_atomic
from ..errors import OutputError, QueryError
from ..model.checking import load_model
from ..model.model import Model
from .community import adjacency, communities
from .data import Json, page_data
from .layout import group_layout
from .passages import passages
from .queries import engine_parts, query_library, sparql_data
from .styles import LABEL_INSIDE, dark, distinct_styles

ASSETS = Path(__file__).resolve().parent / "assets"
# vis-network 9.1.2 as pyvis 0.3.2 bundles it, kept in the package so the page's bytes depend on
# wmgraph alone (vendor/LICENSE-vis-network.txt gives its digests and licence).
VIS_JS = ASSETS / "vendor" / "vis-network.min.js"
VIS_CSS = ASSETS / "vendor" / "vis-network.css"
# The page's scripts, put one after the other into one script element: each of the first six is
# pure (no DOM) and defines one namespace the later ones use, and Node's test runner loads them
# on their own (tests/js/); page.js, last, draws the page.
SCRIPTS = ("page-dates.js", "page-url.js", "page-data.js", "page-search.js", "page-overview.js", "page-draw.js",
           "page-focus.js", "page-view.js", "page.js", "page-query.js", "page-engine.js",
           "page-panel.js")
# Past this many entities the browser's force layout takes too long: lay out here, physics off.
PHYSICS_LIMIT = 800
SPACING = 170.0  # between neighbouring nodes in a laid-out drawing
PLACEHOLDER = re.compile(rb"/\*@(\w+)@\*/")
TITLE = "West Midlands tech ecosystem graph"


def render_page(model: Model, focus: str | None = None, depth: int = 1, turtle: bytes | None = None,
                answers: list[Json] | None = None) -> bytes:
    """The whole page, in UTF-8, for the model or for the neighbourhood of entity `focus`.

    With `turtle` (the whole graph's Turtle), a whole page carries the query engine and that graph,
    so its questions are answered in the browser; with `answers` (`query/page_answers.py`) instead,
    it carries those answers (the build gives the one or the other: see `carries_engine`).
    """
    return _render_page(model, focus, depth, turtle, answers)


def _render_page(model: Model, focus: str | None, depth: int, turtle: bytes | None,
                 answers: list[Json] | None) -> bytes:
    if focus is None:
        entity_keys = sorted(model.entities)
        title = TITLE
        chosen = model.facts  # a checked model's facts name only its own entities
    else:
        entity_keys = neighbourhood(model, focus, depth)
        title = f"{model.entities[focus].name}: {depth}-step neighbourhood"
        included = set(entity_keys)
        chosen = [f for f in model.facts
                  if f.subject in included and (not f.object_is_entity or f.object in included)]
    facts = sorted(chosen, key=attrgetter("key"))
    data = page_data(model, entity_keys, facts)
    data["title"] = title
    data["focus"] = focus
    data.update(drawing(model, entity_keys, data))
    data = compact(data)
    data.update(passages(model, data["source_keys"], entity_keys, facts))
    carried = turtle if focus is None else None
    data["sparql"] = sparql_data(model.vocabulary, query_library(), carried is not None,
                                 answers if focus is None else None)
    return fill_template(title, data, engine_parts(carried))


def compact(data: Json) -> Json:
    """Refer to relations, entity types and sources by their place in the legend and source list.

    A fact row names its relation and sources, an entity row its type and sources, over and over:
    numbers instead of keys take about a fifth off a big page.
    An entity row's empty trailing fields (no aliases, description, link or former ids) are left off.
    """
    relation = {entry["key"]: place for place, entry in enumerate(data["relations"])}
    entity_type = {entry["key"]: place for place, entry in enumerate(data["types"])}
    keys = list(data["sources"])  # sorted
    source = {key: place for place, key in enumerate(keys)}
    for row in data["facts"]:
        row[1] = relation[row[1]]
        row[4:] = [source[key] for key in row[4:]]
    for row in data["entities"]:
        row[2] = entity_type[row[2]]
        row[3] = [source[key] for key in row[3]]
        while len(row) > 3 and not row[-1]:
            row.pop()
    data["sources"] = [data["sources"][key] for key in keys]
    data["source_keys"] = keys
    return data


def neighbourhood(model: Model, focus: str, depth: int) -> list[str]:
    """Return the entities at most `depth` relations away from `focus` (sorted), or explain the typo."""
    if focus not in model.entities:
        matches = difflib.get_close_matches(focus, list(model.entities), n=3, cutoff=0.5)
        hint = f" (did you mean {', '.join(repr(m) for m in matches)}?)" if matches else ""
        raise QueryError(f"unknown entity '{focus}'{hint}; entity ids are the keys in the graph's YAML files")
    adjacent: dict[str, set[str]] = defaultdict(set)
    for fact in model.facts:
        if fact.object_is_entity and fact.object is not None:
            adjacent[fact.subject].add(fact.object)
            adjacent[fact.object].add(fact.subject)
    seen = {focus: 0}
    queue = deque([focus])
    while queue:
        key = queue.popleft()
        if seen[key] == depth:
            continue
        for other in adjacent[key]:
            if other not in seen:
                seen[other] = seen[key] + 1
                queue.append(other)
    return sorted(seen)


def drawing(model: Model, entity_keys: list[str], data: Json) -> Json:
    """Where the nodes sit and their communities (by the fact rows of `data`), type styles, vis options."""
    big = len(entity_keys) > PHYSICS_LIMIT
    linking = {relation["key"] for relation in data["relations"] if relation["edge"]}
    links = [(row[0], row[2]) for row in data["facts"] if row[2] is not None and row[1] in linking]
    neighbours = adjacency(len(entity_keys), links)
    groups = communities(neighbours)
    positions = group_layout(neighbours, groups, spacing=SPACING)
    return {"nodes": list(chain.from_iterable(positions)), "groups": groups, "styles": _styles(model, data),
            "options": vis_options(big), "big": big}


def _styles(model: Model, data: Json) -> Json:
    """How the nodes of each entity type are drawn (shape, fill, label colour and width); the legend's too."""
    vocabulary = model.vocabulary.entity_types
    distinct = distinct_styles([(t.key, t.colour, t.shape) for t in vocabulary.values()])
    styles: Json = {}
    for entry in data["types"]:
        colour, shape = distinct[entry["key"]]
        entry["colour"], entry["shape"] = colour, shape
        inside = shape in LABEL_INSIDE
        styles[entry["key"]] = {"shape": shape, "color": colour,
                                "font": "#ffffff" if inside and dark(colour) else "#1f2328",
                                "wrap": 150 if inside else 130}
    return dict(sorted(styles.items()))


def vis_options(big: bool) -> Json:
    """vis-network's options for the page: physics for small drawings, none for big ones."""
    if big:
        interaction = {"dragNodes": True, "hideEdgesOnDrag": True, "hideNodesOnDrag": False, "hover": True}
        physics: Json = {"enabled": False, "stabilization": {"enabled": True, "fit": True, "iterations": 1000,
                                                               "onlyDynamicEdges": False, "updateInterval": 50}}
    else:
        interaction = {"dragNodes": True, "hideEdgesOnDrag": False, "hideNodesOnDrag": False, "hover": True}
        physics = {"enabled": True,
                   "forceAtlas2Based": {"avoidOverlap": 1.0, "centralGravity": 0.02, "damping": 0.5,
                                        "gravitationalConstant": -75, "springConstant": 0.06, "springLength": 100},
                   "solver": "forceAtlas2Based",
                   "stabilization": {"enabled": True, "fit": True, "iterations": 400, "onlyDynamicEdges": False,
                                     "updateInterval": 50}}
    return {
        "configure": {"enabled": False},
        "edges": {"color": {"inherit": False}, "smooth": {"enabled": False}, "width": 1.4, "selectionWidth": 2.5,
                  "font": {"size": 12, "color": "#3b4250", "strokeWidth": 3, "strokeColor": "#ffffff",
                           "align": "middle"},
                  # Level of detail: a label is drawn only once it would be at least 9 px high on screen.
                  "scaling": {"label": {"drawThreshold": 10}},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
        "interaction": {**interaction, "tooltipDelay": 250, "keyboard": False,
                        "hideEdgesOnZoom": big, "multiselect": False},
        "physics": physics,
        # Nodes are sized by their relations, and so are their labels: the most connected are
        # readable first, every label once zoomed in.
        # (A big drawing spaces its nodes a grid cell of 105 apart, so they are drawn bigger.)
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}, "size": 14,
                  "borderWidth": 1, "borderWidthSelected": 4,
                  "scaling": {"min": 20 if big else 10, "max": 60 if big else 30,
                              "label": {"enabled": True, "min": 24 if big else 15, "max": 60 if big else 26,
                                        "maxVisible": 26, "drawThreshold": 8}}},
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


def fill_template(title: str, data: Json, engine: dict[bytes, bytes] | None = None) -> bytes:
    """Put the styles, scripts, JSON data and the query engine's parts into the page template (UTF-8)."""
    parts = {
        **(engine if engine is not None else engine_parts(None)),
        b"TITLE": html.escape(title).encode("utf-8"),
        b"VIS_CSS": _read(VIS_CSS),
        b"PAGE_CSS": _read(ASSETS / "page.css"),
        b"VIS_JS": _read(VIS_JS),
        b"PAGE_JS": b"\n".join(_read(ASSETS / name) for name in SCRIPTS),
        b"DATA": script_json(data),
    }
    return PLACEHOLDER.sub(lambda match: parts[match.group(1)], _read(ASSETS / "page.html"))


def script_json(data: Any) -> bytes:
    """JSON (UTF-8) that is safe inside a <script> block: no '<', '>' or '&' can end it or open a tag."""
    # orjson writes what json.dumps(data, ensure_ascii=False, separators=(",", ":")) does, in about a
    # third of the time, on the path of every build.
    text = orjson.dumps(data)
    return text.replace(b"&", b"\\u0026").replace(b"<", b"\\u003c").replace(b">", b"\\u003e")


@dataclass
class FocusPage:
    """A written neighbourhood page: where, around whom, and how much it holds."""

    path: Path
    name: str
    entities: int
    relations: int


def write_focus_page(graph_dir: Path, focus: str, depth: int, out_file: Path | None) -> FocusPage:
    """Load the graph and write the page of the entities within `depth` relations of `focus`."""
    model = load_model(graph_dir)
    keys = neighbourhood(model, focus, depth)
    page = render_page(model, focus, depth)
    path = out_file if out_file is not None else Path(f"{focus}.html")
    write_atomic(path, page)
    included = set(keys)
    relations = sum(1 for f in model.facts if f.object_is_entity and f.subject in included and f.object in included)
    return FocusPage(path, model.entities[focus].name, len(keys), relations)


def _read(path: Path) -> bytes:
    """A template file in UTF-8, its line ends made '\\n' (as text mode reads them)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise OutputError(f"cannot read {path}: {error.strerror or error} (reinstall wmgraph)") from error
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in data else data
