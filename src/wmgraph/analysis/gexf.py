"""Write the export graph as GEXF 1.3 for Gephi: typed attributes, viz colours, dated edges as intervals."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

import networkx as nx

from .export_graph import xml_safe
from .phrasing import listed

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
# What the writer says in other ways: the node's label and colour, the edge's label and interval.
NODE_SHOWN = frozenset({"name", "colour"})
EDGE_SHOWN = frozenset({"label", "colour", "from-day", "to-day"})
# Gephi's reader (and networkx's) read the edge's start and end as its interval: qualifiers keep them apart.
RENAMED = {"start": "start-date", "end": "end-date"}


def _values(data: dict[str, Any], shown: frozenset[str]) -> dict[str, Any]:
    return {RENAMED.get(key, key): listed(value) for key, value in data.items()
            if key not in shown and value is not None and value != []}


def _type_of(values: list[Any]) -> str:
    kinds = {type(value) for value in values}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "long"
    if kinds <= {int, float}:
        return "double"
    return "string"


def _declare(graph_element: ET.Element, kind: str, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Declare one attribute per key used, typed by its values; return each key's type."""
    used: dict[str, list[Any]] = {}
    for row in rows:
        for key, value in row.items():
            used.setdefault(key, []).append(value)
    types = {key: _type_of(used[key]) for key in sorted(used)}
    if types:
        section = ET.SubElement(graph_element, "attributes", {"class": kind, "mode": "static"})
        for key, type_name in types.items():
            ET.SubElement(section, "attribute", {"id": key, "title": key, "type": type_name})
    return types


def _text(value: Any, type_name: str) -> str:
    if type_name == "boolean":
        return "true" if value else "false"
    if type_name == "double":
        return repr(float(value))
    return str(xml_safe(str(value)))


def _attvalues(element: ET.Element, row: dict[str, Any], types: dict[str, str]) -> None:
    if row:
        values = ET.SubElement(element, "attvalues")
        for key in sorted(row):
            ET.SubElement(values, "attvalue", {"for": key, "value": _text(row[key], types[key])})


def _colour(element: ET.Element, colour: str) -> None:
    if len(colour) == 7 and colour.startswith("#"):
        red, green, blue = (int(colour[index:index + 2], 16) for index in (1, 3, 5))
        ET.SubElement(element, f"{{{VIZ_NS}}}color", {"r": str(red), "g": str(green), "b": str(blue), "a": "1.0"})


def _graph_element(root: ET.Element, timed: bool) -> ET.Element:
    settings = {"defaultedgetype": "directed", "idtype": "string"}
    settings.update({"mode": "dynamic", "timeformat": "date", "timerepresentation": "interval"} if timed
                    else {"mode": "static"})
    return ET.SubElement(root, "graph", settings)


def gexf_text(graph: nx.MultiDiGraph, description: str) -> str:
    """The graph as a GEXF 1.3 document, the same bytes for the same graph."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3", f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "wmgraph"
    ET.SubElement(meta, "description").text = xml_safe(description)
    edges = list(graph.edges(keys=True, data=True))
    timed = any("from-day" in data or "to-day" in data for _, _, _, data in edges)
    graph_element = _graph_element(root, timed)
    node_rows = {node: _values(data, NODE_SHOWN) for node, data in graph.nodes(data=True)}
    edge_rows = {key: _values(data, EDGE_SHOWN) for _, _, key, data in edges}
    node_types = _declare(graph_element, "node", list(node_rows.values()))
    edge_types = _declare(graph_element, "edge", list(edge_rows.values()))
    nodes = ET.SubElement(graph_element, "nodes")
    for node, data in graph.nodes(data=True):
        element = ET.SubElement(nodes, "node", {"id": xml_safe(node), "label": xml_safe(str(data.get("name", node)))})
        _attvalues(element, node_rows[node], node_types)
        _colour(element, str(data.get("colour", "")))
    edges_element = ET.SubElement(graph_element, "edges")
    for source, target, key, data in edges:
        settings = {"id": xml_safe(key), "source": xml_safe(source), "target": xml_safe(target),
                    "label": xml_safe(str(data.get("label", "")))}
        settings.update({name: data[day] for name, day in (("start", "from-day"), ("end", "to-day")) if day in data})
        element = ET.SubElement(edges_element, "edge", settings)
        _attvalues(element, edge_rows[key], edge_types)
        _colour(element, str(data.get("colour", "")))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
