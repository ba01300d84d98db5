"""Ctrl-C in the `wmgraph` program: one line and exit 130 at any moment, never a traceback.

From its first moment the program stops at once on Ctrl-C (`stop_at_once`, installed by `run`:
nothing has been written yet). A command, once running, takes charge: Ctrl-C raises
`KeyboardInterrupt` where it lands and the command reports it after cleaning up. When the command
has returned, Ctrl-C is ignored while the program prints its last lines and exits.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

from . import INTERRUPTED, LINE, stop_at_once

__all__ = ["INTERRUPTED", "LINE", "command_in_charge"]


@contextmanager
def command_in_charge() -> Iterator[None]:
    """Let the command handle Ctrl-C as `KeyboardInterrupt` while it runs (only in the program itself)."""
    if signal.getsignal(signal.SIGINT) is not stop_at_once:  # a test or a caller of its own: theirs to handle
        yield
        return
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
