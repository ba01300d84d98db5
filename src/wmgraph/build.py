"""The main job: read `graph/`, check it, and write every output file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError
from .factfiles import load_model
from .formats import FORMATS
from .freshness import STAMP_NAME, stamp_bytes
from .htmlpage import render_page
from .model import Model
from .outputs import stale, write_all
from .rdfgraph import model_triples, namespaces
from .shapes import SHAPES_FILE, shapes_turtle
from .terms import Triple

OUTPUT_STEM = "wmgraph"


@dataclass
class BuildResult:
    """What a build produced: the model, its triples and the files written or found stale."""

    model: Model
    triples: list[Triple]
    files: dict[Path, bytes]
    changed: list[Path] = field(default_factory=list)

    @property
    def triple_count(self) -> int:
        """Number of distinct triples in the graph."""
        return len(set(self.triples))


def render_outputs(model: Model, triples: list[Triple], out_dir: Path) -> dict[Path, bytes]:
    """Serialise the graph in every output format, keyed by output path."""
    prefixes = namespaces(model.vocabulary)
    files = {}
    for extension, dumps in FORMATS.values():
        files[out_dir / f"{OUTPUT_STEM}.{extension}"] = dumps(triples, prefixes).encode("utf-8")
    files[out_dir / SHAPES_FILE] = shapes_turtle(model.vocabulary).encode("utf-8")
    files[out_dir / f"{OUTPUT_STEM}.html"] = render_page(model).encode("utf-8")
    return files


def build(graph_dir: Path, out_dir: Path, check: bool = False) -> BuildResult:
    """Build every output from `graph_dir` into `out_dir`; with `check`, only compare."""
    stamp = stamp_bytes(graph_dir)  # digest first: an edit during the build leaves the stamp stale
    model = load_model(graph_dir)
    triples = list(model_triples(model))
    files = render_outputs(model, triples, out_dir)
    result = BuildResult(model, triples, files)
    if check:
        outdated = stale(files)
        if outdated:
            names = ", ".join(str(p) for p in outdated)
            raise OutputError(f"output is stale: {names} (run 'wmgraph build' and commit the result)")
        return result
    result.changed = write_all(files)
    # the stamp lets `wmgraph query` reuse these files; --check leaves it out on purpose
    write_all({out_dir / STAMP_NAME: stamp})
    return result
