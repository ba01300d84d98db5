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
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

from .buildcache import CACHE_DIR, PieceCache, code_digest
from .errors import display_path
from .factfiles import check_file, finish_model, start_model
from .formats.chunks import Chunk, ChunkWriter, Documents, assemble
from .formats.grouping import by_subject
from .model import Fact, Model
from .pieces import FilePiece
from .rdfgraph import entity_iri, entity_triples, fact_triples, namespaces, ontology_triples, source_triples
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
    """One fact file's triples rendered; its lists line up with the file's entity pieces."""

    chunks: list[list[Chunk]]  # the subjects each entity owns: itself, its statements
    foreign: list[list[Triple]]  # its triples about other entities (reverse and symmetric relations)

    @property
    def triple_count(self) -> int:
        """Distinct triples in the chunks (foreign ones aside)."""
        return sum(chunk.nt_count for chunks in self.chunks for chunk in chunks)


def render_piece(vocabulary: Vocabulary, prefixes: dict[str, str], piece: FilePiece) -> Rendered:
    """Render the triples of a checked fact file that has no problems."""
    rendered = Rendered([], [])
    writer = ChunkWriter(prefixes)
    statements = prefixes["stmt"]
    for part in piece.entities:
        assert part.entity is not None
        own = entity_iri(vocabulary, part.key)
        triples = list(entity_triples(vocabulary, part.entity))
        for fact in part.facts:
            triples.extend(fact_triples(vocabulary, fact))
        chunks: list[Chunk] = []
        foreign: list[Triple] = []
        for subject, predicates in by_subject(triples).items():
            if subject == own or subject.startswith(statements):
                chunks.append(writer.chunk(subject, predicates))
            else:
                foreign.extend((subject, p, o) for p, objects in predicates.items() for o in objects)
        rendered.chunks.append(chunks)
        rendered.foreign.append(foreign)
    return rendered


def _dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


_WORKER: dict[str, Any] = {}  # what forked workers inherit: vocabulary, prefixes, jobs, pieces, cache


def _check_job(index: int) -> bytes:
    path, shown, raw, _ = _WORKER["jobs"][index]
    return _dumps(check_file(_WORKER["vocabulary"], Path(path), shown, raw or None))


def _render_job(index: int) -> bytes:
    piece = _WORKER["pieces"][index]
    rendered = _dumps(render_piece(_WORKER["vocabulary"], _WORKER["prefixes"], piece))
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
    rendered: list[Rendered | None] = [None] * count
    for index, cached in enumerate(from_cache):  # read only now: the page is being drawn meanwhile
        stored = cache.load_second(jobs[index][3]) if cached and cache is not None else None
        if stored is not None:
            try:
                rendered[index] = pickle.loads(stored)
            except Exception:  # checksummed but unreadable: render the file again
                rendered[index] = None
    todo_render = [index for index in range(count) if rendered[index] is None]
    done = count - len(todo_render)
    triples = sum(r.triple_count for r in rendered if r is not None)
    if workers > 1 and len(todo_render) > 1:
        state.update(pieces=complete, piece_blobs=piece_blobs)
        for index, blob in _in_pool(_render_job, todo_render, min(workers, len(todo_render)), state):
            result = rendered[index] = pickle.loads(blob)
            done, triples = done + 1, triples + result.triple_count
            if progress:
                progress(BuildProgress("render", done, count, triples))
    else:
        for index in todo_render:
            result = rendered[index] = render_piece(vocabulary, prefixes, complete[index])
            if cache is not None:
                cache.store(jobs[index][3], piece_blobs[index] or _dumps(complete[index]), _dumps(result))
            done, triples = done + 1, triples + result.triple_count
            if progress:
                progress(BuildProgress("render", done, count, triples))
    if cache is not None:
        cache.prune({job[3] for job in jobs})
    return Loaded(model, [r for r in rendered if r is not None], prefixes, count - len(todo_render),
                  len(todo_render))


def documents(loaded: Loaded) -> Documents:
    """Put the rendered pieces together into the N-Triples, Turtle and JSON-LD documents."""
    model, vocabulary = loaded.model, loaded.model.vocabulary
    writer = ChunkWriter(loaded.prefixes)
    chunks: list[Chunk] = []
    foreign: dict[str, list[Triple]] = {}
    for rendered in loaded.rendered:
        for part_chunks in rendered.chunks:
            chunks.extend(part_chunks)
        for part_foreign in rendered.foreign:
            for triple in part_foreign:
                foreign.setdefault(triple[0], []).append(triple)
    if foreign:  # subjects written from two entities' facts: render them again, whole
        base = vocabulary.base
        facts_of: dict[str, list[Fact]] = {key: [] for key in (s[len(base):] for s in foreign if s.startswith(base))}
        for fact in model.facts:
            if fact.subject in facts_of:
                facts_of[fact.subject].append(fact)
        chunks = [chunk for chunk in chunks if chunk.subject not in foreign]
        for subject, extra in sorted(foreign.items()):
            key = subject[len(base):]
            own: list[Triple] = []
            if subject.startswith(base) and key in model.entities:
                own.extend(entity_triples(vocabulary, model.entities[key]))
                for fact in facts_of[key]:
                    own.extend(fact_triples(vocabulary, fact))
            triples = [t for t in own if t[0] == subject] + extra
            chunks.append(writer.chunk(subject, by_subject(triples)[subject]))
    general = chain(ontology_triples(vocabulary), *(source_triples(vocabulary, s) for s in model.sources.values()))
    chunks.extend(writer.chunks(general))
    return assemble(chunks, loaded.prefixes)


def default_cache_dir(out_dir: Path) -> Path:
    """Where a build into `out_dir` keeps its cache."""
    return out_dir / CACHE_DIR / "pieces"
