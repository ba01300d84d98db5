"""The main job: read `graph/`, check it, map it to RDF, and write every output file as one set.

1. Read the inputs (vocabulary, sources, fact files). If the stamp in the output folder records
   these inputs and the outputs are on disk as it records them, there is nothing to do.
2. Check each fact file on its own and render its subjects into the three RDF formats, in worker
   processes when there is much to parse; a file unchanged since the last build comes from the
   build cache instead.
3. Merge the files into the model and run the cross-file checks: a problem stops the build here.
4. Render again the entities that other files' facts give triples (a partner, a funder).
5. Put the documents together, make the SHACL shapes and draw the page.
6. Write them all as one set, then the stamp (with `check`, only compare).
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import OutputError, display_path
from ..model.checking import check_file, finish_model, start_model
from ..model.model import Model
from ..model.vocabulary import Vocabulary
from ..page.html import render_page
from ..page.queries import ENGINE_LIMIT, LIBRARY_DIR, carries_engine, query_library
from ..rdf.formats import Chunk, Documents, SubjectWriter, assemble, by_subject
from ..rdf.formats.writer import Part
from ..rdf.mapping import (
    direct_parts,
    direct_triples,
    entity_iri,
    entity_triples,
    incoming_triples,
    namespaces,
    shared_triples,
    statement_triples,
)
from ..rdf.shapes import SHAPES_FILE, shapes_turtle
from ..rdf.terms import Triple
from .cache import FileCache, Rendered
from .outputs import StagedSet
from .stamp import OUTPUT_STEM, STAMP_NAME, Stamp, build_digest, file_digest, graph_inputs, input_digest

__all__ = ["OUTPUT_STEM", "BuildProgress", "BuildResult", "Progress", "build"]

# The files a build writes, in the order `build` makes them (the stamp is written last).
OUTPUT_NAMES = [f"{OUTPUT_STEM}.ttl", f"{OUTPUT_STEM}.nt", f"{OUTPUT_STEM}.jsonld", f"{OUTPUT_STEM}.html", SHAPES_FILE]
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
class BuildResult:
    """What a build did: the files it made (and which it wrote), counts, and the model if it made one."""

    files: list[Path]
    counts: dict[str, int]  # entities, facts, sources, triples
    changed: list[Path] = field(default_factory=list)
    parsed_files: int = 0  # fact files parsed
    cached_files: int = 0  # fact files taken from the build cache
    model: Model | None = None  # None when nothing had changed since the last build
    notes: list[str] = field(default_factory=list)  # one line each: what the build could not use


def build(graph_dir: Path, out_dir: Path, check: bool = False, progress: Progress | None = None,
          workers: int | None = None, engine_limit: int = ENGINE_LIMIT) -> BuildResult:
    """Build every output from `graph_dir` into `out_dir`; with `check`, only compare (and never use the cache).

    `progress` is called as files are parsed and written; `workers` sets the number of parsing processes;
    a graph of more than `engine_limit` entities gets a page with its questions answered instead of the engine.
    """
    if out_dir.is_symlink() and not out_dir.exists():
        raise OutputError(f"the output folder {out_dir} is a symbolic link to nothing: "
                          "remove it, or make the folder it points to")
    inputs = graph_inputs(graph_dir)
    digest = build_digest(inputs, engine_limit)
    paths = [out_dir / name for name in OUTPUT_NAMES]
    recorded = Stamp.read(out_dir)
    if not check and recorded is not None and recorded.inputs == digest and recorded.holds(out_dir, OUTPUT_NAMES):
        return BuildResult(sorted(paths), dict(recorded.counts))
    vocabulary, fact_paths, checker = start_model(graph_dir)
    by_path = {path: data for path, _, data in inputs}
    jobs = [(path, display_path(path, graph_dir), by_path.get(path, b"")) for path in fact_paths]
    # a fact file's rendering depends on it and on everything that is not a fact file (vocabulary, sources, texts)
    facts_set = set(fact_paths)
    shared = input_digest((name, data) for path, name, data in inputs if path not in facts_set)
    cache = None if check else FileCache(out_dir, shared.encode())
    prefixes = namespaces(vocabulary)
    rendered, parsed = _check_and_render(jobs, vocabulary, prefixes, cache, progress, workers)
    model = finish_model(checker, [r.piece for r in rendered])
    writer = SubjectWriter(prefixes)
    documents = assemble([*_with_incoming(writer, model, rendered), *writer.chunks(shared_triples(model))],
                         prefixes)
    del rendered, writer  # the documents hold the only parts kept: the build lets them go once written
    counts = {"entities": len(model.entities), "facts": len(model.facts), "sources": len(model.sources),
              "triples": documents.triples}
    result = BuildResult(sorted(paths), counts, parsed_files=parsed, cached_files=len(jobs) - parsed, model=model)
    if progress:
        progress(BuildProgress("write", 0, len(paths), counts["triples"]))
    staged = StagedSet()
    try:
        made = _write_outputs(model, documents, paths, None if check else staged, engine_limit)
        stamp = Stamp(digest, {path.name: value for path, (value, _) in made.items()}, counts)
        result.changed = sorted(path for path in paths if made[path][1])
        if check:
            _raise_if_stale(result.changed, stamp, out_dir)
        elif staged.staged or Stamp.read(out_dir) != stamp:
            staged.commit(out_dir / STAMP_NAME, stamp.to_bytes())
    finally:
        staged.discard()
    if progress:
        progress(BuildProgress("write", len(paths), len(paths), counts["triples"]))
    if cache is not None:
        cache.prune({cache.key(shown, data) for _, shown, data in jobs})
        if cache.trouble:
            result.notes.append(cache.trouble + ": built without it")
    return result


def _write_outputs(model: Model, documents: Documents, paths: list[Path],
                   staged: StagedSet | None, engine_limit: int) -> dict[Path, tuple[str, bool]]:
    """Each output's SHA-256 and whether it differs from the file on disk; those that differ go to `staged`.

    A page too big for the engine is made last: the documents are on disk by then and their parts
    are let go, so the store its answers load takes their room instead of adding to it.
    """
    carried = carries_engine(len(model.entities), engine_limit)
    page = render_page(model, turtle=b"".join(documents.turtle)) if carried else None
    contents: list[list[Part] | None] = [documents.turtle, documents.nt, documents.jsonld,
                                         None if page is None else [page],
                                         [shapes_turtle(model.vocabulary).encode("utf-8")]]
    made: dict[Path, tuple[str, bool]] = {}
    on_disk: dict[Path, Path] = {}  # an output whose bytes are in a file: that file
    for path, parts in zip(paths, contents, strict=True):
        if parts is not None:
            made[path] = _stage(path, parts, staged)
            written = staged.staged.get(path) if staged is not None else None
            if written is None and not made[path][1]:
                written = path  # the output already holds these bytes
            if written is not None and page is None:
                on_disk[path] = written
                parts.clear()
    if page is None:
        nt, html = (paths[OUTPUT_NAMES.index(f"{OUTPUT_STEM}.{kind}")] for kind in ("nt", "html"))
        made[html] = _stage(html, [_answered_page(model, on_disk.get(nt, documents.nt))], staged)
    return {path: made[path] for path in paths}


def _stage(path: Path, parts: list[Part], staged: StagedSet | None) -> tuple[str, bool]:
    """The SHA-256 of `parts` and whether they differ from `path`; if they do, they go to `staged`."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part)
    digest = hashed.hexdigest()
    differs = _size(path) != sum(map(len, parts)) or file_digest(path) != digest
    if differs and staged is not None:
        staged.add(path, parts)
    return digest, differs


def _answered_page(model: Model, nt: list[Part] | Path) -> bytes:
    """The page of a graph past the engine's limit, with its questions answered from the N-Triples `nt`."""
    # imported here: only a page too big for the engine makes a build load pyoxigraph
    from ..query.page_answers import page_answers

    _return_freed_memory()
    answers = page_answers(nt, model.vocabulary, LIBRARY_DIR, query_library())
    return render_page(model, answers=answers)


def _return_freed_memory() -> None:
    """Give the memory the written documents held back to the system, for the store the answers load.

    glibc's allocator keeps freed memory for the process to reuse, and the store's allocations do not
    reuse most of it (docs/performance.md has the figures); elsewhere there is nothing to do.
    """
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the symbols the process has loaded: glibc's, on Linux
    except (OSError, AttributeError):
        return
    trim(0)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _raise_if_stale(changed: list[Path], stamp: Stamp, out_dir: Path) -> None:
    """With --check: fail naming every output (the stamp included) that a build would change."""
    stale = [*changed, *([] if Stamp.read(out_dir) == stamp else [out_dir / STAMP_NAME])]
    if stale:
        names = ", ".join(str(path) for path in stale)
        raise OutputError(f"output is stale: {names} (run 'wmgraph build' and commit the result)")


# -- checking and rendering fact files, in workers or here ---------------------------------------
Job = tuple[Path, str, bytes]  # path, name as shown, bytes
_WORKER: dict[str, Any] = {}  # what a worker process keeps between jobs


def _render(vocabulary: Vocabulary, writer: SubjectWriter, job: Job) -> Rendered:
    """Check one fact file and render its own subjects: each entity's, its statements' and money's."""
    path, shown, data = job
    piece = check_file(vocabulary, path, shown, data or None)
    if piece.problems or any(part.problems or part.entity is None for part in piece.entities):
        return Rendered(piece, [])
    chunks = []
    for part in piece.entities:
        assert part.entity is not None
        own = entity_iri(vocabulary, part.key)
        # an extended entity is rendered where it is defined, with the extension's triples
        triples = [] if part.extends else list(entity_triples(vocabulary, part.entity))
        statements: list[Triple] = []
        for fact in part.facts:
            parts = direct_parts(vocabulary, fact)
            # a triple about another entity (a reverse or symmetric relation) is rendered with that entity
            triples += [triple for triple in direct_triples(vocabulary, fact, parts) if triple[0] == own]
            statements += statement_triples(vocabulary, fact, parts)
        if not part.extends:
            chunks.append(writer.chunk(own, by_subject(triples)[own]))
        chunks += writer.chunks(statements)
    return Rendered(piece, chunks)


def _start_worker(vocabulary: Vocabulary, prefixes: dict[str, str], cache: FileCache | None, parent: int) -> None:
    # Ctrl-C is the build's to handle, not each worker's: ignored before the worker lets it through
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _allow_ctrl_c()
    _WORKER.update(vocabulary=vocabulary, writer=SubjectWriter(prefixes), cache=cache)
    # a worker whose build was killed stops too, rather than wait for work that never comes
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _hold_ctrl_c() -> None:
    """Hold Ctrl-C back from this thread, and from the processes it starts, until `_allow_ctrl_c`."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _allow_ctrl_c() -> None:
    """Let Ctrl-C through again; one that came while it was held arrives now."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(job: Job) -> tuple[Rendered, str]:
    """Check and render one fact file in a worker and store it in the cache; and why it was not stored."""
    rendered = _render(_WORKER["vocabulary"], _WORKER["writer"], job)
    cache: FileCache | None = _WORKER["cache"]
    if cache is not None and rendered.chunks:
        cache.store(cache.key(job[1], job[2]), rendered)
    return rendered, cache.trouble if cache is not None else ""


def _check_and_render(jobs: list[Job], vocabulary: Vocabulary, prefixes: dict[str, str], cache: FileCache | None,
                      progress: Progress | None, workers: int | None) -> tuple[list[Rendered], int]:
    """Every fact file checked and rendered, in order, from the cache where it can be; and how many were parsed."""
    results: list[Rendered | None] = [_cached(cache, job) for job in jobs]
    todo = [index for index, found in enumerate(results) if found is None]
    if workers is None:
        workers = (os.cpu_count() or 1) if sum(len(jobs[i][2]) for i in todo) >= PARALLEL_BYTES else 1
    done_by_workers = _in_workers([jobs[i] for i in todo], vocabulary, prefixes, cache, min(workers, len(todo)))
    writer = SubjectWriter(prefixes)
    triples = sum(chunk.triples for found in results if found is not None for chunk in found.chunks)
    if progress:
        progress(BuildProgress("parse", len(jobs) - len(todo), len(jobs), triples))
    for done, index in enumerate(todo, start=len(jobs) - len(todo) + 1):
        from_worker, trouble = next(done_by_workers, (None, ""))
        rendered = from_worker or _render(vocabulary, writer, jobs[index])
        results[index] = rendered
        if cache is not None and trouble:
            cache.trouble = trouble
        elif cache is not None and rendered.chunks and from_worker is None:  # a worker stored its own
            cache.store(cache.key(*jobs[index][1:]), rendered)
        triples += sum(chunk.triples for chunk in rendered.chunks)
        if progress:
            progress(BuildProgress("parse", done, len(jobs), triples))
    return [r for r in results if r is not None], len(todo)


def _cached(cache: FileCache | None, job: Job) -> Rendered | None:
    """A fact file's checked piece and chunks from the cache, or None."""
    return cache.load(cache.key(job[1], job[2])) if cache is not None and job[2] else None


def _in_workers(jobs: list[Job], vocabulary: Vocabulary, prefixes: dict[str, str], cache: FileCache | None,
                workers: int) -> Iterator[tuple[Rendered, str]]:
    """The results of `jobs` from `workers` processes, in order (see `_work`); stops early if workers cannot run."""
    if workers < 2:
        return
    try:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                   initargs=(vocabulary, prefixes, cache, os.getpid()))
    except (OSError, NotImplementedError, ImportError, ValueError):
        return  # no processes here: the caller renders the files itself
    try:
        _hold_ctrl_c()  # the workers start now: a Ctrl-C before they ignore it must not stop one mid-start
        try:
            results = pool.map(_work, jobs)
        finally:
            _allow_ctrl_c()
        yield from results
    except (BrokenProcessPool, OSError):
        return  # workers could not start or died: the caller renders the rest itself
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _with_incoming(writer: SubjectWriter, model: Model, rendered: list[Rendered]) -> list[Chunk]:
    """Every file's chunks, the entities that other facts give triples rendered again with them."""
    vocabulary = model.vocabulary
    incoming = incoming_triples(vocabulary, model.facts)
    extended = set()
    for piece, _ in rendered:
        for part in piece.entities:
            if part.extends:  # its facts' own direct triples and its aliases join the entity's subject
                extended.add(part.key)
                own = entity_iri(vocabulary, part.key)
                incoming.setdefault(part.key, []).extend(
                    t for fact in part.facts for t in direct_triples(vocabulary, fact) if t[0] == own)
    chunks = []
    for piece, own_chunks in rendered:
        again = {}
        for part in piece.entities:
            extra = incoming.get(part.key)
            if (extra or part.key in extended) and part.entity is not None and not part.extends:
                own = entity_iri(vocabulary, part.key)
                entity = model.entities.get(part.key, part.entity)
                triples = [*entity_triples(vocabulary, entity),
                           *(t for fact in part.facts for t in direct_triples(vocabulary, fact) if t[0] == own)]
                again[own] = writer.chunk(own, by_subject([*triples, *(extra or [])])[own])
        chunks += [again.get(chunk.subject, chunk) for chunk in own_chunks]
    return chunks
