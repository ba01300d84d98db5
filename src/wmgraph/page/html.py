"""The interactive page: one self-contained HTML file (vis-network inlined, data as JSON, no network).

pyvis prepares the drawing's Options; the positions are worked out here (pyvis's own
add_node/from_nx are quadratic) and the page uses wmgraph's template in `assets/`, not pyvis's
(which loads Bootstrap from a CDN). The data sends only what the page cannot work out itself: each
node's position (`nodes`: x and y, entity after entity, in the order of `entities`) and how each
entity type is drawn (`styles`). The page's script makes the vis-network nodes and edges from the
entities and facts: one edge per subject, relation and object (a symmetric relation's from the
smaller id to the larger), edges between the same two entities bent into different curves, and the
name, colour, shape and arrow that every entity of a type or relation of a kind shares.
"""

from __future__ import annotations

import difflib
import gc
import html
import importlib.util
import json
import re
import sys
import types
from collections import defaultdict, deque
from collections.abc import Callable
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
from .data import FactShower, Json, page_data
from .layout import hub_layout

OptionsMaker = Callable[[bool], Json]


def pyvis_folder() -> Path:
    """Where pyvis is installed, found without importing it (that takes longer than drawing a page)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise OutputError("pyvis is not installed (reinstall wmgraph)")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


ASSETS = Path(__file__).resolve().parent / "assets"
VIS_DIR = pyvis_folder() / "templates" / "lib" / "vis-9.1.2"
# Past this many entities the browser's force layout takes too long: lay out here, physics off.
PHYSICS_LIMIT = 800
# Shapes that draw their label inside, so the label colour must contrast with the fill.
LABEL_INSIDE = ("box", "ellipse", "circle", "database", "text")
PLACEHOLDER = re.compile(rb"/\*@(\w+)@\*/")
TITLE = "West Midlands tech ecosystem graph"


def render_page(model: Model, focus: str | None = None, depth: int = 1, options: OptionsMaker | None = None,
                shower: FactShower | None = None) -> bytes:
    """The whole page, in UTF-8, for the model or for the neighbourhood of entity `focus`.

    `options` gives the vis-network options for a big or a small drawing (by default `vis_options`);
    `shower` a FactShower of the model with rows prepared ahead.
    """
    # The page is a few hundred thousand small records and no cycles: collecting garbage while
    # they are made finds nothing and costs a third of the time on a big graph.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _render_page(model, focus, depth, options or vis_options, shower)
    finally:
        if was_enabled:
            gc.enable()


def _render_page(model: Model, focus: str | None, depth: int, options: OptionsMaker,
                 shower: FactShower | None) -> bytes:
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
    data = page_data(model, entity_keys, facts, shower)
    data["title"] = title
    data["focus"] = focus
    data.update(drawing(model, entity_keys, data, options))
    return fill_template(title, data)


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


def drawing(model: Model, entity_keys: list[str], data: Json, options: OptionsMaker | None = None) -> Json:
    """Where the nodes sit (linked as the fact rows of `data`, from `page_data`), type styles, and pyvis's options."""
    big = len(entity_keys) > PHYSICS_LIMIT
    linking = {relation["key"] for relation in data["relations"] if relation["edge"]}
    links = [(entity_keys[row[0]], entity_keys[row[2]]) for row in data["facts"]
             if row[1] in linking and row[2] is not None]
    positions = hub_layout(entity_keys, links, spacing=170.0)
    nodes = list(chain.from_iterable(map(positions.__getitem__, entity_keys)))
    types = sorted(entity_type["key"] for entity_type in data["types"])
    return {"nodes": nodes, "styles": _styles(model, types), "options": (options or vis_options)(big),
            "big": big}


def _styles(model: Model, types: list[str]) -> Json:
    """How the nodes of each entity type are drawn: shape, fill, label colour, label width."""
    styles: Json = {}
    for key in types:
        entity_type = model.vocabulary.entity_types[key]
        inside = entity_type.shape in LABEL_INSIDE
        styles[key] = {"shape": entity_type.shape, "color": entity_type.colour,
                       "font": "#ffffff" if inside and _dark(entity_type.colour) else "#222222",
                       "wrap": 170 if inside else None}
    return styles


def _pyvis_options() -> Any:
    """A fresh pyvis `Options`, as `pyvis.network.Network` starts with.

    Its module is loaded on its own: `import pyvis` loads pyvis.network, which brings networkx,
    IPython, jinja2 and jsonpickle (0.2 s) for notebooks and templates wmgraph does not use. If this
    pyvis's modules are not laid out as expected, pyvis is imported whole instead.
    """
    name = "_wmgraph_pyvis_parts"  # a package of pyvis's folder whose __init__ is never run
    try:
        if name not in sys.modules:
            package = types.ModuleType(name)
            package.__path__ = [str(pyvis_folder())]
            sys.modules[name] = package
        return importlib.import_module(name + ".options").Options()
    except Exception:  # not pyvis's layout: let pyvis load itself
        from pyvis.network import Network

        return Network(directed=True).options


def vis_options(big: bool) -> Json:
    """pyvis's vis-network options with the page's own: physics for small drawings, none for big ones."""
    made = _pyvis_options()
    # what pyvis's Network.toggle_physics, toggle_hide_edges_on_drag and force_atlas_2based do
    if big:
        made.physics.enabled = False
        made.interaction.hideEdgesOnDrag = True
    else:
        made.physics.use_force_atlas_2based({"gravity": -65, "central_gravity": 0.015, "spring_length": 120,
                                             "spring_strength": 0.06, "damping": 0.5, "overlap": 0.6})
        made.physics.stabilization.iterations = 400
    options: Json = json.loads(made.to_json())
    options["edges"].update({
        "smooth": {"enabled": False},
        "color": {"inherit": False},
        "width": 1.4,
        "selectionWidth": 2.5,
        "font": {"size": 11, "color": "#444444", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
    })
    options["nodes"] = {"font": {"size": 14, "face": "sans-serif"}, "size": 14, "borderWidth": 1,
                        "borderWidthSelected": 4}
    options["interaction"].update({"hover": not big, "tooltipDelay": 250, "keyboard": False,
                                   "hideEdgesOnZoom": big, "multiselect": False})
    options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    return options


def fill_template(title: str, data: Json) -> bytes:
    """Put the styles, scripts and JSON data into the page template (UTF-8)."""
    parts = {
        b"TITLE": html.escape(title).encode("utf-8"),
        b"VIS_CSS": _read(VIS_DIR / "vis-network.css"),
        b"PAGE_CSS": _read(ASSETS / "page.css"),
        b"VIS_JS": _read(VIS_DIR / "vis-network.min.js"),
        b"PAGE_DATA_JS": _read(ASSETS / "page-data.js"),
        b"PAGE_JS": _read(ASSETS / "page.js"),
        b"DATA": script_json(data),
    }
    return PLACEHOLDER.sub(lambda match: parts[match.group(1)], _read(ASSETS / "page.html"))


def script_json(data: Any) -> bytes:
    """JSON (UTF-8) that is safe inside a <script> block: no '<', '>' or '&' can end it or open a tag."""
    # orjson writes what json.dumps(data, ensure_ascii=False, separators=(",", ":")) does, in a third
    # of the time: 35 ms for a 10k-entity page against 100-130 ms, on the path of every build.
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


def _dark(colour: str) -> bool:
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.55
