"""Export the graph for other tools: GraphML, GEXF, CSV tables, JSON-LD, N-Triples."""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import write_atomic
from ..errors import OutputError
from ..model.model import Model
from ..rdf.formats import FORMATS
from ..rdf.mapping import model_triples, namespaces
from .phrasing import LIST_SEPARATOR, fact_sources, listed

if TYPE_CHECKING:  # networkx takes longer to load than most commands take to run: loaded when used
    import networkx as nx

EXPORT_FORMATS = ("csv", "gexf", "graphml", "jsonld", "nt")
NODE_COLUMNS = ("id", "kind", "type", "name", "aliases", "description", "url", "value", "colour", "sources", "facts")
EDGE_COLUMNS = ("key", "source", "target", "link", "relation", "label", "statement", "from-day", "to-day", "status",
                "status-date")
SOURCE_COLUMNS = ("id", "title", "publisher", "authors", "date", "url", "cites", "note", "facts")
CSV_FILES = ("nodes.csv", "edges.csv", "sources.csv")


@dataclass
class ExportResult:
    """The exported text (single-file formats) and the files written."""

    text: str = ""
    written: list[Path] = field(default_factory=list)


def flat_attributes(attributes: dict[str, Any]) -> dict[str, Any]:
    """Join list values with '; ' and drop None and empty values: networkx's writers refuse lists."""
    return {key: listed(value) for key, value in attributes.items() if value is not None and value != []}


def flat_graph(model: Model) -> nx.MultiDiGraph:
    """The export graph with flattened attributes and text safe for XML 1.0."""
    import networkx as nx

    from .export_graph import export_graph, xml_safe

    graph = export_graph(model)
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(xml_safe(node), **{k: xml_safe(v) for k, v in flat_attributes(data).items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(xml_safe(source), xml_safe(target), key=xml_safe(key),
                      **{k: xml_safe(v) for k, v in flat_attributes(data).items()})
    return flat


def graphml_text(model: Model) -> str:
    """The graph as GraphML (edge ids are statement ids)."""
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(model), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def gexf_text(model: Model) -> str:
    """The graph as GEXF 1.3 with colours and dated edges, the same bytes for the same graph."""
    from .export_graph import export_graph
    from .gexf import gexf_text as write_gexf

    return write_gexf(export_graph(model), f"{len(model.entities)} entities, {len(model.facts)} facts")


def _csv(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()


def _source_rows(model: Model) -> list[list[Any]]:
    cited: dict[str, int] = {}
    for fact in model.facts:
        for key in fact.sources:
            cited[key] = cited.get(key, 0) + 1
    rows: list[list[Any]] = [list(SOURCE_COLUMNS)]
    for key in sorted(model.sources):
        source = model.sources[key]
        rows.append([key, source.title, source.publisher, LIST_SEPARATOR.join(source.authors), source.date,
                     source.url, LIST_SEPARATOR.join(source.cites), source.note, cited.get(key, 0)])
    return rows


def csv_tables(model: Model) -> tuple[str, str, str]:
    """A node table, an edge table (every fact and every qualifier link) and a source table."""
    from .export_graph import export_graph

    graph = export_graph(model)
    degree = dict(graph.degree())
    nodes: list[list[Any]] = [list(NODE_COLUMNS)]
    for node, data in graph.nodes(data=True):
        flat = flat_attributes(data)
        nodes.append([node] + [flat.get(column, "") for column in NODE_COLUMNS[1:-1]] + [degree[node]])
    used = {key for _, _, data in graph.edges(data=True) for key in data}
    qualifiers = [key for key in (*model.vocabulary.qualifiers, "currency") if key in used]
    columns = [*EDGE_COLUMNS, *dict.fromkeys(qualifiers), "colour", "sources", "cited"]
    by_key = {fact.key: fact for fact in model.facts}
    edges: list[list[Any]] = [columns]
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat = flat_attributes(data)
        fact = by_key[str(data.get("statement", key))]
        edges.append([key, source, target] + [flat.get(column, "") for column in columns[3:-1]]
                     + [fact_sources(model, fact)])
    return _csv(nodes), _csv(edges), _csv(_source_rows(model))


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


def regular_target(path: Path) -> Path:
    """Where to write `path`: through a symbolic link to its file; refuse a device, FIFO, socket or folder."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path} is a folder; give a file name with --out")
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path} is a device, FIFO or socket, not a file: give a file name with --out")
    return target


def _export_csv(model: Model, out: Path | None) -> ExportResult:
    if out is None:
        raise OutputError("csv writes three files (nodes.csv, edges.csv, sources.csv): give a folder with --out")
    if out.exists() and not out.is_dir():
        kind = "a file" if out.is_file() else "a device, FIFO or socket"
        raise OutputError(f"{out} is {kind}; for csv, --out names a folder for {', '.join(CSV_FILES)}")
    result = ExportResult()
    targets = [regular_target(out / name) for name in CSV_FILES]
    for name, target, text in zip(CSV_FILES, targets, csv_tables(model), strict=True):
        write_atomic(target, text.encode("utf-8"))
        result.written.append(out / name)
    return result


def export(model: Model, format_name: str, out: Path | None) -> ExportResult:
    """Export the model; write to `out` (csv: a folder for the three tables) when given."""
    if format_name == "csv":
        return _export_csv(model, out)
    target = regular_target(out) if out is not None else None
    text = export_text(model, format_name)
    if out is None or target is None:
        return ExportResult(text=text)
    write_atomic(target, text.encode("utf-8"))
    return ExportResult(text=text, written=[out])
