"""Run a function in a child process that can be stopped: a local pyoxigraph query cannot be.

pyoxigraph evaluates a query in Rust without returning to Python, so neither a timer nor
Ctrl-C reaches it. The query runs instead in a child process (the platform's default start
method: a fork on Linux, which shares the graph's bytes without copying them); the parent
waits for the answer and kills the child when the time is up, on Ctrl-C, or when the parent
itself dies (Linux: the child asks the kernel to kill it when its parent goes).
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import signal
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from ..errors import QueryError, WmgraphError

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1


def run_in_child(function: Callable[..., T], args: tuple[Any, ...], timeout: float | None, what: str) -> T:
    """Call `function(*args)` in a child process and return its result within `timeout` seconds.

    A WmgraphError raised in the child is raised again here; a timeout, or a child that dies
    (a crash in the engine), becomes a QueryError; KeyboardInterrupt stops the child first.
    """
    context = multiprocessing.get_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_serve, args=(sender, function, args), daemon=True)
    process.start()
    sender.close()
    try:
        # the child's exit counts as well as its answer: with the spawn start method the parent may
        # still hold a copy of the pipe's sending end, so a dead child need not mean end of file
        if not wait([receiver, process.sentinel], timeout):
            raise QueryError(f"{what} did not finish within {timeout:g} s and was stopped "
                             "(give a larger --timeout, or narrow the query)")
        try:
            if not receiver.poll(0.1):
                raise EOFError
            kind, payload = receiver.recv()
        except (EOFError, OSError):
            process.join()
            raise QueryError(f"the query engine crashed while answering {what} ({_death(process.exitcode)}); "
                             "simplify the query") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if kind == "error":
        raise payload
    if kind == "failure":
        raise QueryError(f"{what} failed in the query engine: {payload}")
    result: T = payload
    return result


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _serve(sender: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The child's side: run the function and send back ('answer', result) or the error."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C stops
    faulthandler.disable()  # a crash here is the parent's one-line message, not a dump of frames
    _die_with_parent()
    try:
        message: tuple[str, Any] = ("answer", function(*args))
    except WmgraphError as error:
        message = ("error", error)
    except Exception as error:  # noqa: BLE001 - reported to the parent as one line
        message = ("failure", f"{type(error).__name__}: {error}")
    sender.send(message)
    sender.close()


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this process when its parent dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
