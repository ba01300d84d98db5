"""The build's HTML page, drawn and written while the rest of the build goes on.

A big graph's page is drawn by a process forked before any fact file is parsed. The build tells it
where the cache holds each unchanged file's checked piece, and sends it each piece a parse worker
made (pickled); the process reads and unpickles each one at once and draws the page as soon as the
last one arrives. So the build never waits for the process to read what it sends, the page waits
neither for the cross-file checks nor for the RDF documents, touches none of the main process's
memory (a fork taken later would copy every page of the model it reads), and loading pyvis, when
its options are not cached, overlaps the parsing. Once the build says the model passed the
cross-file checks, the process writes the page file itself (or, checking, compares it), so the
page never travels back. If the checks fail, the build stops and the process is killed: a page
drawn from pieces that do not make a valid model is never written.
A small graph's page is drawn and written by the main process.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from .atomic import stale, write_all
from .buildcache import Place, read_place
from .errors import OutputError
from .model.model import Model
from .model.pieces import FilePiece
from .page.data import FactShower
from .page.html import OptionsMaker, render_page

# From this many bytes of fact files (some 2,000 entities) the page is drawn in its own process.
PAGE_IN_PARALLEL_BYTES = 1_000_000
# What follows a file's index in a message to the drawing process: its piece, or where to read it.
_PICKLED, _PLACE = b"p", b"c"

Merge = Callable[[list[FilePiece]], Model]


class PageJob:
    """Draws and writes the page of one build; it listens to the pieces the build loads (pipeline.PieceListener)."""

    def __init__(self, options: OptionsMaker, path: Path, check: bool = False) -> None:
        self.options = options
        self.path = path
        self.check = check  # compare the page with the file instead of writing it
        self.page: bytes | None = None  # drawn here (a small graph)
        self.outcome: bool | None = None  # once finished: whether the file changed (or, checking, is stale)
        self.process: BaseProcess | None = None
        self.results: Connection | None = None  # from the process: its outcome, or its error
        self.to_process: Connection | None = None  # index and pickled piece of each file, then b"", then b"go"

    def started(self, merge: Merge, size: int) -> None:
        """The build has read the vocabulary and sources, and has `size` bytes of fact files to load."""
        if size < PAGE_IN_PARALLEL_BYTES:
            return
        context = multiprocessing.get_context("fork")
        pieces_in, pieces_out = context.Pipe(duplex=False)
        results_in, results_out = context.Pipe(duplex=False)
        _widen(pieces_out)
        self.process = context.Process(target=_draw, name="wmgraph-page", daemon=True,
                                       args=(pieces_in, pieces_out, results_out, results_in, merge, self))
        self.process.start()
        pieces_in.close()
        results_out.close()
        self.to_process, self.results = pieces_out, results_in

    def piece(self, index: int, blob: bytes | memoryview) -> None:
        """The pickled piece of fact file `index`."""
        # Sent here, not by a thread: a thread would wait for Python's lock after every write while
        # the build computes. The pipe is widened so that a write seldom waits for the process.
        if self.to_process is not None:
            self._send(b"".join((index.to_bytes(4, "big"), _PICKLED, blob)))

    def cached_piece(self, index: int, place: Place) -> None:
        """Where the cache holds the pickled piece of fact file `index`: the process reads it from there."""
        # Only the place is sent: sending the piece itself, the build would wait for the process
        # to read every megabyte of it.
        if self.to_process is not None:
            self._send(b"".join((index.to_bytes(4, "big"), _PLACE, pickle.dumps(place))))

    def pieces_done(self) -> None:
        """Every piece has been given."""
        self._send(b"")

    def model(self, model: Model) -> None:
        """The model passed the cross-file checks: the page may be written."""
        if self.process is None:
            self.page = render_page(model, options=self.options)
        else:
            self._send(b"go")

    def finish(self) -> bool:
        """Write the page (checking: compare it), waiting for its process; True if the file changed (is stale)."""
        if self.outcome is not None:
            return self.outcome
        if self.page is not None:
            self.outcome = bool(stale({self.path: self.page}) if self.check else write_all({self.path: self.page}))
            return self.outcome
        if self.results is None or self.process is None:
            raise OutputError("the page was asked for before the model was checked (a bug in wmgraph)")
        try:
            answer = self.results.recv_bytes()
        except EOFError:
            raise OutputError("the process drawing the page stopped (out of memory?); run the build again") from None
        self.process.join()
        if answer[:1] != b"+":
            raise pickle.loads(answer[1:])
        self.outcome = answer == b"+changed"
        return self.outcome

    def close(self) -> None:
        """Stop the drawing process if it still runs (the build failed), and free the pipes."""
        if self.process is not None:
            if self.outcome is None:
                self.process.kill()
            self.process.join()
        for connection in (self.to_process, self.results):
            if connection is not None:
                connection.close()
        self.to_process = self.results = None

    def _send(self, message: bytes) -> None:
        if self.to_process is not None:
            try:
                self.to_process.send_bytes(message)
            except OSError:  # the process is gone: `finish` says so
                self.to_process.close()
                self.to_process = None


def _widen(connection: Connection) -> None:
    """Let the pipe hold a megabyte (Linux; elsewhere it keeps its size)."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _draw(pieces: Connection, pieces_out: Connection, results: Connection, results_in: Connection, merge: Merge,
          job: PageJob) -> None:
    """In the drawing process: receive the pieces, draw the page, write it once told to; answer the build."""
    pieces_out.close()
    results_in.close()
    try:
        job.options(True)  # loads pyvis now, if its options are not cached, while the pieces are being made
        shower = FactShower(merge([]))  # the model, empty until the pieces are merged into it
        received: dict[int, FilePiece | None] = {}
        while message := pieces.recv_bytes():  # the index, then the pickled piece or where to read it
            index = int.from_bytes(message[:4], "big")
            kind, body = message[4:5], memoryview(message)[5:]
            blob = body if kind == _PICKLED else read_place(pickle.loads(body))
            try:
                piece = received[index] = pickle.loads(blob) if blob is not None else None
            except Exception:  # the build found it unreadable too, and sends the file parsed again
                piece = received[index] = None
            if piece is not None:  # what the facts' qualifiers show, worked out while the other pieces come
                shower.prepare(fact for part in piece.entities for fact in part.facts)
        complete = [received[index] for index in sorted(received)]
        if None in complete:  # a cache entry replaced or removed by another build meanwhile, or a bug
            raise OutputError("a checked fact file could not be read back from the build cache to draw the page; "
                              "run the build again")
        model = merge([piece for piece in complete if piece is not None])
        page = {job.path: render_page(model, options=job.options, shower=shower)}
        if pieces.recv_bytes() != b"go":
            return
        changed = stale(page) if job.check else write_all(page)
        results.send_bytes(b"+changed" if changed else b"+same")
    except EOFError:  # the build gave up
        pass
    except BaseException as error:  # noqa: BLE001 - handed to the build, which raises it
        results.send_bytes(b"!" + pickle.dumps(error))
