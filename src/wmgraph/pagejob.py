"""The build's HTML page, drawn while the rest of the build goes on.

A big graph's page is drawn by a process forked before any fact file is parsed. The build sends it
each file's checked piece (pickled, as it comes from the cache or from a parse worker); the process
unpickles each one at once and draws the page as soon as the last one arrives. So the page waits
neither for the cross-file checks nor for the RDF documents, touches none of the main process's
memory (a fork taken later would copy every page of the model it reads), and loading pyvis, when
its options are not cached, overlaps the parsing. If the cross-file checks fail, the build stops
and the process is killed: a page drawn from pieces that do not make a valid model is never used.
A small graph's page is drawn in the main process once the model is checked.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Iterator
from itertools import chain
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from .errors import OutputError
from .htmlpage import OptionsMaker, render_page
from .model import Model
from .pieces import FilePiece

# From this many bytes of fact files (some 2,000 entities) the page is drawn in its own process.
PAGE_IN_PARALLEL_BYTES = 1_000_000

Merge = Callable[[list[FilePiece]], Model]


class PageJob:
    """Draws the page of one build; it listens to the pieces the build loads (see pipeline.PieceListener)."""

    def __init__(self, options: OptionsMaker) -> None:
        self.options = options
        self.page: bytes | None = None  # drawn here (a small graph), or received
        self.process: BaseProcess | None = None
        self.results: Connection | None = None  # the page, or the error, from the process
        self.to_process: Connection | None = None  # batches of pickled pieces, then b""

    def started(self, merge: Merge, size: int) -> None:
        """The build has read the vocabulary and sources, and has `size` bytes of fact files to load."""
        if size < PAGE_IN_PARALLEL_BYTES:
            return
        context = multiprocessing.get_context("fork")
        pieces_in, pieces_out = context.Pipe(duplex=False)
        results_in, results_out = context.Pipe(duplex=False)
        _widen(pieces_out)
        _widen(results_out)
        self.process = context.Process(target=_draw, name="wmgraph-page", daemon=True,
                                       args=(pieces_in, pieces_out, results_out, results_in, merge, self.options))
        self.process.start()
        pieces_in.close()
        results_out.close()
        self.to_process, self.results = pieces_out, results_in

    def pieces(self, batch: list[tuple[int, bytes | memoryview]]) -> None:
        """The pickled pieces of some fact files, by index in file order."""
        # Sent here, not by a thread: a thread would wait for Python's lock after every write while
        # the build computes. The pipe is widened so that a write seldom waits for the process.
        if self.to_process is not None and batch:
            try:
                self.to_process.send_bytes(b"".join(chain.from_iterable(
                    (index.to_bytes(4, "big"), len(blob).to_bytes(8, "big"), blob) for index, blob in batch)))
            except OSError:  # the process is gone: `result` says so
                self._stop_sending()

    def pieces_done(self) -> None:
        """Every piece has been given."""
        if self.to_process is not None:
            try:
                self.to_process.send_bytes(b"")
            except OSError:
                pass
            self._stop_sending()

    def model(self, model: Model) -> None:
        """The checked model: a small graph's page is drawn now."""
        if self.process is None:
            self.page = render_page(model, options=self.options).encode("utf-8")

    def result(self) -> bytes:
        """The page, waiting for its process if need be."""
        if self.page is not None:
            return self.page
        if self.results is None or self.process is None:
            raise OutputError("the page was asked for before the model was checked (a bug in wmgraph)")
        try:
            answer = self.results.recv_bytes()
        except EOFError:
            raise OutputError("the process drawing the page stopped (out of memory?); run the build again") from None
        self.process.join()
        if answer[:1] != b"+":
            raise pickle.loads(answer[1:])
        self.page = answer[1:]
        return self.page

    def close(self) -> None:
        """Stop the drawing process if it still runs (the build failed), and free the pipes."""
        if self.process is not None:
            if self.page is None:
                self.process.kill()
            self.process.join()
        self._stop_sending()
        if self.results is not None:
            self.results.close()

    def _stop_sending(self) -> None:
        if self.to_process is not None:
            self.to_process.close()
            self.to_process = None


def _widen(connection: Connection) -> None:
    """Let the pipe hold a megabyte (Linux; elsewhere it keeps its size)."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _unpack(batch: bytes) -> Iterator[tuple[int, memoryview]]:
    view = memoryview(batch)
    at = 0
    while at < len(view):
        index, size = int.from_bytes(view[at:at + 4], "big"), int.from_bytes(view[at + 4:at + 12], "big")
        yield index, view[at + 12:at + 12 + size]
        at += 12 + size


def _draw(pieces: Connection, pieces_out: Connection, results: Connection, results_in: Connection, merge: Merge,
          options: OptionsMaker) -> None:
    """In the drawing process: receive the pieces, merge them and send back the page (or the error)."""
    pieces_out.close()
    results_in.close()
    try:
        options(True)  # loads pyvis now, if its options are not cached, while the pieces are being made
        received: dict[int, FilePiece | None] = {}
        while batch := pieces.recv_bytes():
            for index, blob in _unpack(batch):
                try:
                    received[index] = pickle.loads(blob)
                except Exception:  # the build found it unreadable too, and sends the file parsed again
                    received[index] = None
        complete = [received[index] for index in sorted(received)]
        if None in complete:
            raise OutputError("a checked fact file could not be read back to draw the page (a bug in wmgraph)")
        model = merge([piece for piece in complete if piece is not None])
        results.send_bytes(b"+" + render_page(model, options=options).encode("utf-8"))
    except EOFError:  # the build gave up
        pass
    except BaseException as error:  # noqa: BLE001 - handed to the build, which raises it
        results.send_bytes(b"!" + pickle.dumps(error))
