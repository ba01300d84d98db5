"""Ctrl-C in the `wmgraph` program: one line and exit 130 at any moment, never a traceback.

From its first moment the program stops at once on Ctrl-C (`stop_at_once`, installed by `run`:
nothing has been written yet). A command, once running, takes charge: Ctrl-C raises
`KeyboardInterrupt` where it lands and the command reports it after cleaning up. When the command
has returned, Ctrl-C is ignored while the program prints its last lines and exits. This module
loads nothing Python has not loaded already, since it is the first thing the program runs.
"""

import _signal  # type: ignore[import-not-found]  # `signal` loads `enum`: too slow for the first moment
import os
from types import TracebackType

INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C (128 + SIGINT)
LINE = "interrupted: nothing was left half written"

__all__ = ["INTERRUPTED", "LINE", "CommandInCharge", "install", "stop_at_once"]


def stop_at_once(signum: int, frame: object) -> None:
    """Ctrl-C before a command runs: say so in one line and exit 130 (nothing has been written)."""
    os.write(2, f"Error: {LINE}\n".encode())
    os._exit(INTERRUPTED)


def install() -> None:
    """Handle Ctrl-C as the program does before a command runs (`stop_at_once`)."""
    _signal.signal(_signal.SIGINT, stop_at_once)


class CommandInCharge:
    """While a command runs, Ctrl-C raises `KeyboardInterrupt`; after, it is ignored (only in the program itself)."""

    def __enter__(self) -> None:
        self.program = _signal.getsignal(_signal.SIGINT) is stop_at_once  # else a test's or a caller's own
        if self.program:
            _signal.signal(_signal.SIGINT, _signal.default_int_handler)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.program:
            _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
