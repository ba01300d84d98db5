"""Export the graph for other tools: GraphML, GEXF, CSV tables, JSON-LD, N-Triples."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import write_atomic
from ..errors import OutputError
from ..model.model import Model
from ..rdf.formats import FORMATS
from ..rdf.mapping import model_triples, namespaces

if TYPE_CHECKING:  # networkx takes longer to load than most commands take to run: loaded when used
    import networkx as nx

EXPORT_FORMATS = ("csv", "gexf", "graphml", "jsonld", "nt")
LIST_SEPARATOR = "; "
NODE_COLUMNS = ("id", "type", "name", "aliases", "description", "url", "sources", "facts")
EDGE_COLUMNS = ("key", "source", "target", "relation", "label")


@dataclass
class ExportResult:
    """The exported text (single-file formats) and the files written."""

    text: str = ""
    written: list[Path] = field(default_factory=list)


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value


def flat_attributes(attributes: dict[str, Any]) -> dict[str, Any]:
    """Join list values with '; ' and drop None and empty values: networkx's writers refuse lists."""
    return {key: _flat(value) for key, value in attributes.items() if value is not None and value != []}


def flat_graph(model: Model, gexf: bool = False) -> nx.MultiDiGraph:
    """The model's graph with flattened attributes (for GEXF: labels are names, edge ids fact keys)."""
    import networkx as nx

    from .network import model_graph

    graph = model_graph(model)
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attributes = flat_attributes(data)
        if gexf:
            attributes["label"] = data["name"]
        flat.add_node(node, **attributes)
    for source, target, key, data in graph.edges(keys=True, data=True):
        attributes = flat_attributes(data)
        if gexf:
            attributes["id"] = key
            # networkx writes 'start'/'end' as GEXF time spells, which need full dates: keep them as data
            for name in ("start", "end"):
                if name in attributes:
                    attributes[f"{name}-date"] = attributes.pop(name)
        flat.add_edge(source, target, key=key, **attributes)
    return flat


def graphml_text(model: Model) -> str:
    """The graph as GraphML (edge ids are statement ids)."""
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(model), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def gexf_text(model: Model) -> str:
    """The graph as GEXF 1.2, without the writer's date stamp so exports are reproducible."""
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_gexf(flat_graph(model, gexf=True), buffer, encoding="utf-8", prettyprint=True)
    return re.sub(r' lastmodifieddate="[^"]*"', "", buffer.getvalue().decode("utf-8"), count=1)


def _csv(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()


def csv_tables(model: Model) -> tuple[str, str]:
    """A node table and an edge table (one row per fact linking two entities)."""
    import networkx as nx

    from .network import model_graph

    graph = model_graph(model)
    degree = dict(nx.MultiGraph(graph).degree())
    nodes: list[list[Any]] = [list(NODE_COLUMNS)]
    for node, data in graph.nodes(data=True):
        flat = flat_attributes(data)
        nodes.append([node] + [flat.get(column, "") for column in NODE_COLUMNS[1:-1]] + [degree[node]])
    used = {key for _, _, data in graph.edges(data=True) for key in data}
    qualifiers = [key for key in (*model.vocabulary.qualifiers, "currency") if key in used]
    columns = [*EDGE_COLUMNS, *dict.fromkeys(qualifiers), "sources"]
    edges: list[list[Any]] = [columns]
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat = flat_attributes(data)
        edges.append([key, source, target] + [flat.get(column, "") for column in columns[3:]])
    return _csv(nodes), _csv(edges)


def export_text(model: Model, format_name: str) -> str:
    """Serialise the model in a single-file export format."""
    if format_name == "graphml":
        return graphml_text(model)
    if format_name == "gexf":
        return gexf_text(model)
    if format_name in ("jsonld", "nt"):
        dumps = FORMATS[format_name][1]
        return dumps(model_triples(model), namespaces(model.vocabulary))
    raise OutputError(f"unknown export format '{format_name}' (one of: {', '.join(EXPORT_FORMATS)})")


def export(model: Model, format_name: str, out: Path | None) -> ExportResult:
    """Export the model; write to `out` (csv: a folder for nodes.csv and edges.csv) when given."""
    if format_name == "csv":
        if out is None:
            raise OutputError("csv writes two files (nodes.csv and edges.csv): give a folder with --out")
        if out.exists() and not out.is_dir():
            raise OutputError(f"{out} is a file; for csv, --out names a folder for nodes.csv and edges.csv")
        nodes, edges = csv_tables(model)
        result = ExportResult()
        for name, text in (("nodes.csv", nodes), ("edges.csv", edges)):
            write_atomic(out / name, text.encode("utf-8"))
            result.written.append(out / name)
        return result
    text = export_text(model, format_name)
    if out is None:
        return ExportResult(text=text)
    if out.is_dir():
        raise OutputError(f"{out} is a folder; give a file name with --out")
    write_atomic(out, text.encode("utf-8"))
    return ExportResult(text=text, written=[out])
