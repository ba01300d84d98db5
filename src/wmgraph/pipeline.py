"""Load, check and render a graph folder fast: fact files in parallel, unchanged files from the cache.

Each fact file is checked on its own and rendered into chunks (one subject in every RDF format)
by a pool of forked processes, in sorted file order; then the pieces are merged in that order,
the cross-file checks run, and the documents are put together from the chunks. A fact file
that has not changed since the last build comes from `output/.cache/` instead (see buildcache).
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

from .buildcache import CACHE_DIR, PieceCache, code_digest
from .errors import display_path
from .factfiles import SOURCES_FILE, check_file, finish_model, start_model
from .formats.chunks import Chunk, ChunkWriter, Documents, assemble
from .formats.grouping import by_subject
from .model import Model
from .pieces import FilePiece
from .rdfgraph import (
    entity_iri,
    entity_triples,
    fact_triples,
    incoming_triples,
    namespaces,
    ontology_triples,
    source_triples,
)
from .shapes import shapes_turtle
from .terms import Triple
from .vocabulary import VOCABULARY_FILE, Vocabulary

# Below this many bytes of fact files to parse, starting worker processes costs more than it saves.
PARALLEL_BYTES = 1_000_000


class BuildProgress(NamedTuple):
    """How far a build has got: `done` of `total` in `stage` ('parse' or 'write'), triples so far."""

    stage: str
    done: int
    total: int
    triples: int


Progress = Callable[[BuildProgress], None]


@dataclass
class Rendered:
    """One fact file's triples rendered: for each of its entities, the subjects that entity owns."""

    key: str  # what the rendering was made from: the file and the triples other files give its entities
    chunks: list[list[Chunk]]  # each entity: itself (with the triples other facts give it), its statements

    @property
    def triple_count(self) -> int:
        """Distinct triples in the chunks."""
        return sum(chunk.nt_count for chunks in self.chunks for chunk in chunks)


def render_key(piece_key: str, piece: FilePiece, incoming: Mapping[str, list[Triple]]) -> str:
    """The name of a file's rendering: its own content and what the rest of the graph adds to its entities."""
    digest = hashlib.sha256(piece_key.encode())
    for part in piece.entities:
        extra = incoming.get(part.key)
        if extra:
            digest.update(repr((part.key, sorted(extra))).encode())
    return digest.hexdigest()


def render_piece(vocabulary: Vocabulary, prefixes: dict[str, str], piece: FilePiece,
                 incoming: Mapping[str, list[Triple]], key: str = "") -> Rendered:
    """Render the triples of a checked fact file that has no problems.

    `incoming` holds the triples other facts state about entities (see `incoming_triples`): each
    entity's are rendered here with its own, and a fact's triples about another entity are left
    to that entity's file, so every subject is rendered once and whole.
    """
    rendered = Rendered(key, [])
    writer = ChunkWriter(prefixes)
    statements = prefixes["stmt"]
    for part in piece.entities:
        assert part.entity is not None
        own = entity_iri(vocabulary, part.key)
        triples = list(entity_triples(vocabulary, part.entity))
        for fact in part.facts:
            triples.extend(fact_triples(vocabulary, fact))
        triples.extend(incoming.get(part.key, ()))
        rendered.chunks.append([writer.chunk(subject, predicates) for subject, predicates in by_subject(triples).items()
                                if subject == own or subject.startswith(statements)])
    return rendered


def _dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


_WORKER: dict[str, Any] = {}  # what forked workers inherit: vocabulary, prefixes, jobs, pieces, cache


def _check_job(index: int) -> bytes:
    path, shown, raw, _ = _WORKER["jobs"][index]
    return _dumps(check_file(_WORKER["vocabulary"], Path(path), shown, raw or None))


def _render_job(index: int) -> bytes:
    piece = _WORKER["pieces"][index]
    rendered = _dumps(render_piece(_WORKER["vocabulary"], _WORKER["prefixes"], piece, _WORKER["incoming"],
                                   _WORKER["render_keys"][index]))
    cache: PieceCache | None = _WORKER["cache"]
    if cache is not None:
        cache.store(_WORKER["jobs"][index][3], _WORKER["piece_blobs"][index] or _dumps(piece), rendered)
    return rendered


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the garbage collector: a big load makes millions of objects and no cycles to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # The next young collection would scan everything made meanwhile (a tenth of a second at
            # 10,000 entities, all of it live): move it straight to the oldest generation instead,
            # where a full collection still finds any cycle.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


@dataclass
class Loaded:
    """A checked model and the rendered pieces of its fact files."""

    model: Model
    rendered: list[Rendered]
    prefixes: dict[str, str]
    general: list[Chunk]  # the subjects from the vocabulary and the sources
    shapes: str  # the SHACL shapes of the vocabulary, in Turtle
    cached: int  # fact files taken whole from the cache
    parsed: int  # fact files parsed, or rendered again when only their checked piece was cached


def _in_pool(function: Callable[[int], bytes], indexes: list[int], workers: int,
             state: dict[str, Any]) -> Iterator[tuple[int, bytes]]:
    """Run `function` over `indexes` in forked processes (which inherit `state`), results in order."""
    _WORKER.update(state)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from zip(indexes, pool.map(function, indexes), strict=True)
    finally:
        _WORKER.clear()


def load_rendered(graph_dir: Path, cache_dir: Path | None = None, progress: Progress | None = None,
                  workers: int | None = None, use_cache: bool = True,
                  on_model: Callable[[Model], None] | None = None) -> Loaded:
    """Check and render every fact file of `graph_dir` (raises ValidationError like `load_model`).

    Files are checked first and merged into the model (`on_model` gets it at once, so other work
    can start), then rendered; unchanged files come from the cache in `cache_dir`.
    """
    vocabulary, files, checker = start_model(graph_dir)
    prefixes = namespaces(vocabulary)
    cache = None
    if cache_dir is not None:
        salt = code_digest() + hashlib.sha256((graph_dir / VOCABULARY_FILE).read_bytes()).digest()
        cache = PieceCache(cache_dir, salt)
    jobs: list[tuple[str, str, bytes, str]] = []
    for path in files:
        shown = display_path(path, graph_dir)
        try:
            raw = path.read_bytes()
        except OSError:
            raw = b""  # check_file reports it (given no bytes, it reads the file itself)
        jobs.append((str(path), shown, raw, cache.key(shown, raw) if cache else ""))
    count = len(jobs)
    pieces: list[FilePiece | None] = [None] * count
    piece_blobs: list[bytes] = [b""] * count
    for index, job in enumerate(jobs):
        found = cache.load(job[3]) if cache is not None and use_cache and job[2] else None
        if found is not None:
            try:
                pieces[index], piece_blobs[index] = pickle.loads(found), found
            except Exception:  # checksummed but unreadable: a bug, so parse the file again
                pieces[index] = None
    from_cache = [piece is not None for piece in pieces]
    todo = [index for index in range(count) if pieces[index] is None]
    if workers is None:
        size = sum(len(jobs[i][2]) for i in todo)
        workers = (os.cpu_count() or 1) if size >= PARALLEL_BYTES else 1
    done = count - len(todo)
    if progress:
        progress(BuildProgress("parse", done, count, 0))
    state = {"vocabulary": vocabulary, "prefixes": prefixes, "jobs": jobs, "cache": cache}
    if workers > 1 and len(todo) > 1:
        for index, blob in _in_pool(_check_job, todo, min(workers, len(todo)), state):
            pieces[index], piece_blobs[index] = pickle.loads(blob), blob
            done += 1
            if progress:
                progress(BuildProgress("parse", done, count, 0))
    else:
        for index in todo:
            name, shown, raw, _ = jobs[index]
            pieces[index] = check_file(vocabulary, Path(name), shown, raw or None)
            done += 1
            if progress:
                progress(BuildProgress("parse", done, count, 0))
    complete = [piece for piece in pieces if piece is not None]  # all of them, by now
    model = finish_model(checker, complete)
    if on_model is not None:
        on_model(model)
    incoming = incoming_triples(vocabulary, model.facts)
    render_keys = [render_key(job[3], piece, incoming) for job, piece in zip(jobs, complete, strict=True)]
    rendered: list[Rendered | None] = [None] * count
    for index, cached in enumerate(from_cache):  # read only now: the page is being drawn meanwhile
        stored = cache.load_second(jobs[index][3]) if cached and cache is not None else None
        if stored is not None:
            try:
                earlier: Rendered = pickle.loads(stored)
                # made with other triples from the rest of the graph: render the file again
                rendered[index] = earlier if earlier.key == render_keys[index] else None
            except Exception:  # checksummed but unreadable: render the file again
                rendered[index] = None
    todo_render = [index for index in range(count) if rendered[index] is None]
    done = count - len(todo_render)
    triples = sum(r.triple_count for r in rendered if r is not None)
    if workers > 1 and len(todo_render) > 1:
        state.update(pieces=complete, piece_blobs=piece_blobs, incoming=incoming, render_keys=render_keys)
        for index, blob in _in_pool(_render_job, todo_render, min(workers, len(todo_render)), state):
            result = rendered[index] = pickle.loads(blob)
            done, triples = done + 1, triples + result.triple_count
            if progress:
                progress(BuildProgress("render", done, count, triples))
    else:
        for index in todo_render:
            result = rendered[index] = render_piece(vocabulary, prefixes, complete[index], incoming,
                                                    render_keys[index])
            if cache is not None:
                cache.store(jobs[index][3], piece_blobs[index] or _dumps(complete[index]), _dumps(result))
            done, triples = done + 1, triples + result.triple_count
            if progress:
                progress(BuildProgress("render", done, count, triples))
    general_cache = PieceCache(cache.folder.parent / "general", cache.salt) if cache is not None else None
    general, shapes, general_key = _general(model, graph_dir, general_cache, prefixes, use_cache)
    if cache is not None and general_cache is not None:
        cache.prune({job[3] for job in jobs})
        general_cache.prune({general_key})
    return Loaded(model, [r for r in rendered if r is not None], prefixes, general, shapes,
                  count - len(todo_render), len(todo_render))


def _general(model: Model, graph_dir: Path, cache: PieceCache | None,
             prefixes: dict[str, str], use_cache: bool) -> tuple[list[Chunk], str, str]:
    """The chunks of the vocabulary's terms and the sources, and the shapes, from the cache if there."""
    try:
        key = cache.key(SOURCES_FILE, (graph_dir / SOURCES_FILE).read_bytes()) if cache is not None else ""
    except OSError:
        key = cache.key(SOURCES_FILE, b"") if cache is not None else ""
    first = cache.load(key) if cache is not None and use_cache else None
    second = cache.load_second(key) if cache is not None and first is not None else None
    if first is not None and second is not None:
        try:
            return pickle.loads(first), second.decode("utf-8"), key
        except Exception:  # checksummed but unreadable: make them again
            pass
    vocabulary = model.vocabulary
    triples = chain(ontology_triples(vocabulary), *(source_triples(vocabulary, s) for s in model.sources.values()))
    chunks = ChunkWriter(prefixes).chunks(triples)
    shapes = shapes_turtle(vocabulary)
    if cache is not None:
        cache.store(key, _dumps(chunks), shapes.encode("utf-8"))
    return chunks, shapes, key


def documents(loaded: Loaded) -> Documents:
    """Put the rendered pieces together into the N-Triples, Turtle and JSON-LD documents."""
    chunks = [chunk for rendered in loaded.rendered for part in rendered.chunks for chunk in part]
    return assemble(chunks + loaded.general, loaded.prefixes)


def default_cache_dir(out_dir: Path) -> Path:
    """Where a build into `out_dir` keeps its cache."""
    return out_dir / CACHE_DIR / "pieces"
