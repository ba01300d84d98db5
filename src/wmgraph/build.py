"""The main job: read `graph/`, check it, and write every output file."""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError
from .formats import FORMATS
from .freshness import OUTPUT_STEM, STAMP_NAME, stamp_bytes
from .htmlpage import render_page
from .model import Model
from .outputs import stale, write_all
from .pipeline import BuildProgress, Progress, collector_paused, default_cache_dir, documents, load_rendered
from .rdfgraph import model_triples, namespaces
from .shapes import SHAPES_FILE
from .terms import Triple

# From this many entities the page is drawn in a forked process while the RDF files are written.
PAGE_IN_PARALLEL = 2000

__all__ = ["OUTPUT_STEM", "BuildProgress", "BuildResult", "Progress", "build"]


@dataclass
class BuildResult:
    """What a build produced: the model, the files written or found stale, and counts."""

    model: Model
    files: dict[Path, bytes]
    changed: list[Path] = field(default_factory=list)
    triple_count: int = 0  # distinct triples in the graph
    cached_files: int = 0  # fact files taken from the build cache
    parsed_files: int = 0  # fact files parsed

    @functools.cached_property
    def triples(self) -> list[Triple]:
        """Every triple of the graph (made on demand: the build itself works from rendered text)."""
        return list(model_triples(self.model))


_PAGE: dict[str, Model] = {}  # the model, for the forked process that draws the page


def _page_bytes() -> bytes:
    return render_page(_PAGE["model"]).encode("utf-8")


def _page_in_background(model: Model) -> Callable[[], bytes]:
    """Start drawing the HTML page; the returned function waits for it."""
    if len(model.entities) < PAGE_IN_PARALLEL:
        page = render_page(model).encode("utf-8")
        return lambda: page
    _PAGE["model"] = model
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(_page_bytes)

    def wait() -> bytes:
        try:
            return future.result()
        finally:
            pool.shutdown()
            _PAGE.clear()

    return wait


def build(graph_dir: Path, out_dir: Path, check: bool = False, progress: Progress | None = None,
          use_cache: bool = True, workers: int | None = None) -> BuildResult:
    """Build every output from `graph_dir` into `out_dir`; with `check`, only compare.

    Fact files that have not changed since the last build come from `out_dir/.cache/` (not with
    `check`, which must prove the outputs from the fact files alone). `progress` is called as files
    are parsed and written; `workers` overrides the number of parsing processes.
    """
    stamp = stamp_bytes(graph_dir)  # digest first: an edit during the build leaves the stamp stale
    with collector_paused():
        cache_dir = None if check else default_cache_dir(out_dir)
        pages: list[Callable[[], bytes]] = []  # the page starts as soon as the model is checked
        loaded = load_rendered(graph_dir, cache_dir, progress, workers, use_cache,
                               on_model=lambda model: pages.append(_page_in_background(model)))
        model = loaded.model
        page = pages[0]
        made = documents(loaded)
        texts: dict[str, str] = {"turtle": made.turtle, "nt": made.nt, "jsonld": made.jsonld}
        files: dict[Path, bytes] = {}
        result = BuildResult(model, files, triple_count=made.triple_count, cached_files=loaded.cached,
                             parsed_files=loaded.parsed)
        for name, (extension, dumps) in FORMATS.items():
            text = texts[name] if name in texts else dumps(result.triples, namespaces(model.vocabulary))
            files[out_dir / f"{OUTPUT_STEM}.{extension}"] = text.encode("utf-8")
        files[out_dir / SHAPES_FILE] = loaded.shapes.encode("utf-8")
        del made, texts, loaded  # freed now, while the collector is off, so it never scans them
        html = out_dir / f"{OUTPUT_STEM}.html"
        if check:
            files[html] = page()
            outdated = stale(files)
            if outdated:
                names = ", ".join(str(p) for p in outdated)
                raise OutputError(f"output is stale: {names} (run 'wmgraph build' and commit the result)")
            return result
        total = len(files) + 1
        for done, path in enumerate([*files, html], start=1):
            if path == html:  # last: the RDF files are written while the page is still being drawn
                files[html] = page()
            result.changed += write_all({path: files[path]})
            if progress:
                progress(BuildProgress("write", done, total, result.triple_count))
    # the stamp lets `wmgraph query` reuse these files; --check leaves it out on purpose
    write_all({out_dir / STAMP_NAME: stamp})
    return result

