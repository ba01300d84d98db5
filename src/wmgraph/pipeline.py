"""Load, check and render a graph folder fast: fact files in parallel, unchanged files from the cache.

Each fact file is checked on its own and rendered into chunks (one subject in every RDF format)
by a pool of forked processes, in sorted file order; then the pieces are merged in that order,
the cross-file checks run, the entities that other files' facts give triples are rendered again
(see rendering), and the documents are put together from the chunks. A fact file that has not
changed since the last build comes from `output/.cache/` instead (see buildcache).
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Generator, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from .buildcache import CACHE_DIR, PieceCache, Place, code_digest
from .errors import display_path
from .model.checking import SOURCES_FILE, check_file, finish_model, merge_pieces, start_model
from .model.model import Model, Source
from .model.pieces import FilePiece
from .model.vocabulary import VOCABULARY_FILE, Vocabulary
from .rdf.formats.chunks import Chunk, ChunkWriter, Documents, Part, assemble
from .rdf.mapping import (
    incoming_triples,
    namespaces,
    ontology_triples,
    source_triples,
)
from .rdf.shapes import shapes_turtle
from .rendering import PieceWriter, Rendered, incoming_chunks, incoming_digest, is_clean, render_piece

# Below this many bytes of fact files to parse, starting worker processes costs more than it saves.
PARALLEL_BYTES = 1_000_000


class BuildProgress(NamedTuple):
    """How far a build has got: `done` of `total` in `stage` ('parse' or 'write'), triples so far."""

    stage: str
    done: int
    total: int
    triples: int


Progress = Callable[[BuildProgress], None]


class PieceListener(Protocol):
    """Told about the fact files as a build loads them, so that other work can start early (the page)."""

    def started(self, merge: Callable[[list[FilePiece]], Model], size: int) -> None:
        """The vocabulary and sources are read; `size` bytes of fact files are to load; `merge` makes a model."""

    def piece(self, index: int, blob: bytes | memoryview) -> None:
        """The pickled checked piece of fact file `index` (any order; a later one for an index wins)."""

    def cached_piece(self, index: int, place: Place) -> None:
        """Where the cache holds the pickled checked piece of fact file `index` (as `piece`)."""

    def pieces_done(self) -> None:
        """Every piece has been given."""

    def model(self, model: Model) -> None:
        """The model passed the cross-file checks."""


def _dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


class Parsed(NamedTuple):
    """What a parse job sends back: the checked piece, and its rendering unless it went to the cache."""

    piece: bytes
    rendered: bytes  # empty when stored, or when the file has problems
    triples: int
    stored: int = 0  # the length of the rendering stored in the cache (0: not stored)


_Entry = tuple[PieceCache, str, bytes | memoryview, Rendered | bytes]  # cache, key, first part, second part


Jobs = Generator[tuple[int, Parsed], None, None]  # results of parse jobs, by job index
_WORKER: dict[str, Any] = {}  # what forked workers inherit: vocabulary, prefixes, jobs, cache


def _parse_job(index: int) -> Parsed:
    """Check and render one fact file (in a worker); cache it if it has no problems of its own.

    It is cached at once, even if the cross-file checks fail later: after the fix, only the fixed
    file is parsed again. A rendering in the cache is not sent back: the build maps it from there,
    which spares copying the graph's text through a pipe.
    """
    path, shown, raw, key = _WORKER["jobs"][index]
    piece = check_file(_WORKER["vocabulary"], Path(path), shown, raw or None)
    piece_blob = _dumps(piece)
    if not is_clean(piece):
        return Parsed(piece_blob, b"", 0)
    writer = _WORKER.get("writer")
    if writer is None:  # one per worker, which keeps the spellings and templates it works out
        writer = _WORKER["writer"] = PieceWriter(_WORKER["vocabulary"], _WORKER["prefixes"])
    result = render_piece(writer, piece)
    rendered_blob = result.to_bytes()
    cache: PieceCache | None = _WORKER["cache"]
    if cache is not None and cache.store(key, piece_blob, rendered_blob):
        return Parsed(piece_blob, b"", result.triple_count, len(rendered_blob))
    return Parsed(piece_blob, rendered_blob, result.triple_count)


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
    saving: threading.Thread | None = None  # writing cache entries: join it before the build ends
    made_from: str = ""  # a digest of what the documents are made from ('' without a cache): see outputlog
    shapes_from: str = ""  # the same for the shapes (the vocabulary and wmgraph's code)


def _in_pool(function: Callable[[int], Parsed], indexes: list[int], workers: int,
             state: dict[str, Any]) -> Jobs:
    """Run `function` over `indexes` in forked processes (which inherit `state`), results in order.

    The work starts at once; the caller can do something else before it reads the results.
    """
    _WORKER.update(state)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    try:
        results = pool.map(function, indexes)  # submits every job: the workers are forked now
    except BaseException:
        pool.shutdown(cancel_futures=True)
        _WORKER.clear()
        raise

    def collect() -> Jobs:
        try:
            yield from zip(indexes, results, strict=True)
        finally:
            pool.shutdown(cancel_futures=True)
            _WORKER.clear()

    return collect()


def load_rendered(graph_dir: Path, cache_dir: Path | None = None, progress: Progress | None = None,
                  workers: int | None = None, use_cache: bool = True,
                  listener: PieceListener | None = None) -> Loaded:
    """Check and render every fact file of `graph_dir` (raises ValidationError like `load_model`).

    Files are checked and rendered (in parallel when there is much to do), then merged into the
    model; unchanged files come from the cache in `cache_dir`. `listener` hears of each checked
    file and of the model as soon as they are known.
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
    if listener is not None:  # before any worker is forked: it may fork a process of its own
        listener.started(partial(merge_pieces, checker), sum(len(job[2]) for job in jobs))
    pieces: list[FilePiece | None] = [None] * count
    piece_blobs: list[bytes | memoryview] = [b""] * count
    rendered: list[Rendered | None] = [None] * count
    found = list(_read_pieces(cache if use_cache else None, jobs))
    if listener is not None and cache is not None:  # first: the listener reads them while this process does
        for index, blob in enumerate(found):
            if blob is not None:
                listener.cached_piece(index, cache.firsts[jobs[index][3]])
    for index, blob in enumerate(found):
        if blob is not None:
            try:
                pieces[index], piece_blobs[index] = pickle.loads(blob), blob
            except Exception:  # checksummed but unreadable: a bug, so parse the file again
                pieces[index] = None
    from_cache = [piece is not None for piece in pieces]
    todo = [index for index in range(count) if pieces[index] is None]
    if workers is None:
        size = sum(len(jobs[i][2]) for i in todo)
        workers = (os.cpu_count() or 1) if size >= PARALLEL_BYTES else 1
    done, triples = count - len(todo), 0
    if progress:
        progress(BuildProgress("parse", done, count, triples))
    state = {"vocabulary": vocabulary, "prefixes": prefixes, "jobs": jobs, "cache": cache}
    results = _in_pool(_parse_job, todo, min(workers, len(todo)), state) if workers > 1 and len(todo) > 1 \
        else _in_process(todo, state)
    general_cache = PieceCache(cache.folder.parent / "general", cache.salt) if cache is not None else None
    try:  # while the workers parse
        general, shapes, general_key = _general(vocabulary, checker.model.sources, graph_dir, general_cache,
                                                prefixes, use_cache)
    except BaseException:
        results.close()
        raise
    stored = [False] * count  # rendered by a worker straight into the cache
    for index, parsed in results:
        pieces[index], piece_blobs[index] = pickle.loads(parsed.piece), parsed.piece
        if listener is not None:
            listener.piece(index, parsed.piece)
        if parsed.rendered:
            rendered[index] = Rendered.from_buffer(parsed.rendered)
        elif parsed.stored and cache is not None:
            cache.remember(jobs[index][3], len(parsed.piece), parsed.stored)
            stored[index] = True
        triples += parsed.triples
        done += 1
        if progress:
            progress(BuildProgress("parse", done, count, triples))
    if listener is not None:
        listener.pieces_done()
    complete = [piece for piece in pieces if piece is not None]  # all of them, by now
    model = finish_model(checker, complete)
    if listener is not None:
        listener.model(model)
    writer = PieceWriter(vocabulary, prefixes)
    damaged: list[int] = []
    for index, cached in enumerate(from_cache):  # read only now: the page is being drawn meanwhile
        in_cache = cached or stored[index]
        second = cache.load_second(jobs[index][3]) if in_cache and cache is not None else None
        if second is not None:
            try:
                rendered[index] = Rendered.from_buffer(second)
            except Exception:  # checksummed but unreadable: render the file again
                rendered[index] = None
        if in_cache and rendered[index] is None:  # its rendering was damaged: render and store it again
            rendered[index] = render_piece(writer, complete[index])
            from_cache[index] = False
            damaged.append(index)
    incoming = incoming_triples(vocabulary, model.facts)
    final = [r for r in rendered if r is not None]
    digests = [incoming_digest(piece, incoming) for piece in complete]
    patch_cache = PieceCache(cache.folder.parent / "incoming", cache.salt) if cache is not None else None
    patch_keys = [patch_cache.key(jobs[index][3], digest.encode()) if patch_cache is not None and digest else ""
                  for index, digest in enumerate(digests)]
    new_patches: list[tuple[str, bytes]] = []
    for piece, result, patch_key, digest in zip(complete, final, patch_keys, digests, strict=True):
        if not digest:
            continue  # no other fact says anything about this file's entities
        chunks = _read_patch(patch_cache, patch_key) if use_cache else None
        if chunks is None:
            chunks = incoming_chunks(writer, piece, result, incoming)
            if patch_key:
                new_patches.append((patch_key, _dumps(sorted(chunks.items()))))
        result.patch(chunks)
    made_from = ""
    if cache is not None:  # each file's cache name covers its bytes and name, the vocabulary and the code
        made = hashlib.sha256(f"{general_key}\n".encode())
        for job, digest in zip(jobs, digests, strict=True):
            made.update(f"{job[3]} {digest}\n".encode())
        made_from = made.hexdigest()
    saving: threading.Thread | None = None
    if cache is not None and general_cache is not None and patch_cache is not None:
        cache.prune({job[3] for job in jobs})
        general_cache.prune({general_key})
        patch_cache.prune({key for key in patch_keys if key})
        # Store what the next build would otherwise render again, in a thread, as it is mostly
        # checksums and writing (no lock held): the renderings of damaged entries, and the chunks of
        # entities that other files' facts give triples (small: a tenth of the text at 10k entities).
        entries: list[_Entry] = [(patch_cache, key, blob, b"") for key, blob in new_patches]
        entries += [(cache, jobs[i][3], piece_blobs[i] or _dumps(complete[i]), final[i]) for i in damaged]
        saving = threading.Thread(target=_store_all, args=(entries,), name="wmgraph-cache")
        saving.start()
    taken = sum(from_cache)
    return Loaded(model, final, prefixes, general, shapes, taken, count - taken, saving, made_from, general_key)


def _store_all(entries: list[_Entry]) -> None:
    for cache, key, first, second in entries:
        # a rendering is made into its blob here, one at a time: all at once would hold a second
        # copy of the graph's text
        cache.store(key, first, second.to_bytes() if isinstance(second, Rendered) else second)


def _read_patch(cache: PieceCache | None, key: str) -> dict[int, Chunk] | None:
    """The cached chunks patched into a rendering (see `incoming_chunks`), None when absent or unreadable."""
    blob = cache.load_first(key) if cache is not None and key else None
    if blob is None:
        return None
    try:
        return dict(pickle.loads(blob))
    except Exception:  # checksummed but unreadable: render them again
        return None


def _read_pieces(cache: PieceCache | None, jobs: list[tuple[str, str, bytes, str]]) -> Iterator[memoryview | None]:
    """The checked pieces of the jobs from the cache, in order (None when absent or untrustworthy)."""
    for job in jobs:
        yield cache.load_first(job[3]) if cache is not None and job[2] else None


def _in_process(indexes: list[int], state: dict[str, Any]) -> Jobs:
    """Run the parse jobs here, one after another (small graphs: workers cost more than they save)."""
    _WORKER.update(state)
    try:
        for index in indexes:
            yield index, _parse_job(index)
    finally:
        _WORKER.clear()


def _general(vocabulary: Vocabulary, sources: Mapping[str, Source], graph_dir: Path, cache: PieceCache | None,
             prefixes: dict[str, str], use_cache: bool) -> tuple[list[Chunk], str, str]:
    """The chunks of the vocabulary's terms and the sources, and the shapes, from the cache if there."""
    try:
        key = cache.key(SOURCES_FILE, (graph_dir / SOURCES_FILE).read_bytes()) if cache is not None else ""
    except OSError:
        key = cache.key(SOURCES_FILE, b"") if cache is not None else ""
    first, second = cache.load_both(key) if cache is not None and use_cache else (None, None)
    if first is not None and second is not None:
        try:
            return pickle.loads(first), str(second, "utf-8"), key
        except Exception:  # checksummed but unreadable: make them again
            pass
    triples = chain(ontology_triples(vocabulary), *(source_triples(vocabulary, s) for s in sources.values()))
    chunks = ChunkWriter(prefixes).chunks(triples)
    shapes = shapes_turtle(vocabulary)
    if cache is not None:
        cache.store(key, _dumps(chunks), shapes.encode("utf-8"))
    return chunks, shapes, key


def documents(loaded: Loaded) -> Documents:
    """Put the rendered pieces together into the N-Triples, Turtle and JSON-LD documents."""
    renderings = [*loaded.rendered, Rendered.of([loaded.general])]
    texts: list[list[Part]] = [[], [], []]
    for rendered in renderings:
        for which, parts in enumerate(rendered.parts()):
            texts[which] += parts
    return assemble([subject for rendered in renderings for subject in rendered.subjects], texts,
                    sum(rendered.triple_count for rendered in renderings), loaded.prefixes)


def default_cache_dir(out_dir: Path) -> Path:
    """Where a build into `out_dir` keeps its cache."""
    return out_dir / CACHE_DIR / "pieces"
