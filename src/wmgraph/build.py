"""The main job: read `graph/`, check it, and write every output file."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import Content, joined, stale, write_all, write_atomic
from .buildcache import code_digest
from .errors import OutputError
from .freshness import OUTPUT_STEM, STAMP_NAME, stamp_bytes
from .model.model import Model
from .outputlog import LOG_NAME, OutputLog
from .page.data import Json
from .page.html import OptionsMaker, pyvis_folder, vis_options
from .pagejob import PageJob
from .pipeline import BuildProgress, Progress, collector_paused, default_cache_dir, documents, load_rendered
from .rdf.formats import FORMATS
from .rdf.mapping import model_triples, namespaces
from .rdf.shapes import SHAPES_FILE
from .rdf.terms import Triple

__all__ = ["OUTPUT_STEM", "BuildProgress", "BuildResult", "Progress", "build"]


class OutputFiles(Mapping[Path, bytes]):
    """The files of a build by path; a big document is kept in parts and joined only when read.

    The page is written by the page job and read back from its file when asked for.
    """

    def __init__(self) -> None:
        self.contents: dict[Path, Content] = {}
        self.page: Path | None = None

    def __getitem__(self, path: Path) -> bytes:
        if path == self.page:
            try:
                return path.read_bytes()
            except OSError as error:
                raise OutputError(f"cannot read {path}: {error.strerror or error}") from error
        return joined(self.contents[path])

    def __iter__(self) -> Iterator[Path]:
        return iter([*self.contents, *([self.page] if self.page is not None else [])])

    def __len__(self) -> int:
        return len(self.contents) + (self.page is not None)


@dataclass
class BuildResult:
    """What a build produced: the model, the files written or found stale, and counts."""

    model: Model
    files: OutputFiles
    changed: list[Path] = field(default_factory=list)
    triple_count: int = 0  # distinct triples in the graph
    cached_files: int = 0  # fact files taken from the build cache
    parsed_files: int = 0  # fact files parsed

    @functools.cached_property
    def triples(self) -> list[Triple]:
        """Every triple of the graph (made on demand: the build itself works from rendered text)."""
        return list(model_triples(self.model))


@functools.cache
def _options_key() -> str:
    """What the page options are made from: wmgraph's code and pyvis's (read, not imported)."""
    digest = hashlib.sha256(code_digest())
    folder = pyvis_folder()
    for name in ("_version.py", "network.py", "options.py", "physics.py"):
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


def user_cache_folder() -> Path | None:
    """wmgraph's folder in the user's cache ($XDG_CACHE_HOME, else ~/.cache), or None without a home."""
    configured = os.environ.get("XDG_CACHE_HOME")
    try:
        base = Path(configured) if configured else Path.home() / ".cache"
    except RuntimeError:  # no home folder to be found
        return None
    return base / "wmgraph"


def kept_options(folders: Sequence[Path]) -> OptionsMaker:
    """pyvis's options for the page, kept in the first of `folders` that has them or takes them.

    Loading pyvis takes longer than drawing a page; the options depend only on the installed wmgraph
    and pyvis, so the build keeps them in the user's cache, where a build into a new folder finds them.
    """
    if not folders:
        return vis_options

    def options(big: bool) -> Json:
        name = f"vis-options-{'big' if big else 'small'}.json"
        key = _options_key()
        for folder in folders:
            try:
                stored = json.loads((folder / name).read_bytes())
                if stored["key"] == key and isinstance(stored["options"], dict):
                    return stored["options"]
            except (OSError, ValueError, KeyError, TypeError):
                pass  # absent, damaged or made by another version: made again below
        made = vis_options(big)
        for folder in folders:
            try:
                write_atomic(folder / name, json.dumps({"key": key, "options": made}).encode("utf-8"))
                break
            except OutputError:
                pass  # a folder that cannot be written is skipped
        return made

    return options


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
        folders = [] if cache_dir is None else [f for f in (user_cache_folder(), cache_dir.parent) if f is not None]
        page = PageJob(kept_options(folders), out_dir / f"{OUTPUT_STEM}.html", check)
        try:
            return _build(graph_dir, out_dir, check, progress, use_cache, workers, cache_dir, page, stamp)
        finally:
            page.close()


def _build(graph_dir: Path, out_dir: Path, check: bool, progress: Progress | None, use_cache: bool,
           workers: int | None, cache_dir: Path | None, page: PageJob, stamp: bytes) -> BuildResult:
    """Build with the page drawn by `page` (see `build`)."""
    loaded = load_rendered(graph_dir, cache_dir, progress, workers, use_cache, listener=page)
    model = loaded.model
    made = documents(loaded)
    texts: dict[str, list[bytes | memoryview]] = {"turtle": made.turtle, "nt": made.nt, "jsonld": made.jsonld}
    files = OutputFiles()
    contents = files.contents
    result = BuildResult(model, files, triple_count=made.triple_count, cached_files=loaded.cached,
                         parsed_files=loaded.parsed)
    for name, (extension, dumps) in FORMATS.items():
        made_here = texts.get(name)
        contents[out_dir / f"{OUTPUT_STEM}.{extension}"] = made_here if made_here is not None \
            else dumps(result.triples, namespaces(model.vocabulary)).encode("utf-8")
    contents[out_dir / SHAPES_FILE] = loaded.shapes.encode("utf-8")
    saving = loaded.saving
    made_from = {path: loaded.made_from for path in contents}
    made_from[out_dir / SHAPES_FILE] = loaded.shapes_from
    del made, texts, loaded  # freed now, while the collector is off, so it never scans them
    if check:
        outdated = stale(contents) + ([page.path] if page.finish() else [])
        files.page = page.path
        if outdated:
            names = ", ".join(str(p) for p in outdated)
            raise OutputError(f"output is stale: {names} (run 'wmgraph build' and commit the result)")
        return result
    total = len(contents) + 1
    log = OutputLog(cache_dir.parent / LOG_NAME) if cache_dir is not None else None
    known = {path: log.known(path, made_from[path]) for path in contents} if log is not None else {}
    # Writing releases Python's lock: the RDF files are written by threads while the page is
    # still being drawn (and then written by its job), and the page last.
    try:
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="wmgraph-write") as writers:
            pending = [writers.submit(write_all, {path: data}, known) for path, data in contents.items()]
            for done, writing in enumerate(pending, start=1):
                result.changed += writing.result()
                if progress:
                    progress(BuildProgress("write", done, total, result.triple_count))
            if page.finish():
                result.changed.append(page.path)
            files.page = page.path
            if progress:
                progress(BuildProgress("write", total, total, result.triple_count))
    finally:
        if saving is not None:  # no thread outlives the build (a later fork must not copy one)
            saving.join()
    if log is not None:
        for path in contents:
            log.record(path, made_from[path])
        log.save()
    # the stamp lets `wmgraph query` reuse these files; --check leaves it out on purpose
    write_all({out_dir / STAMP_NAME: stamp})
    return result

