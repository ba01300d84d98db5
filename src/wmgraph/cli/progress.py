"""Show a build's progress on a terminal: one line on stderr, rewritten in place, then cleared.

Nothing is shown for a build that ends within a moment, nor when stderr is not a terminal
(piped, redirected, under CI), nor with --quiet: the caller simply does not install it.
"""

from __future__ import annotations

import time
from typing import TextIO

from ..building import BuildProgress

DELAY = 0.5  # seconds before the first line: a quick build shows nothing
_WORDS = {"parse": "fact files parsed", "write": "output files written"}


class TerminalProgress:
    """A progress callback for `build` that draws on a terminal stream."""

    def __init__(self, stream: TextIO, delay: float = DELAY) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.delay = delay
        self.shown = False

    def __call__(self, event: BuildProgress) -> None:
        if time.monotonic() - self.started < self.delay and event.done < event.total:
            return
        if not self.shown and time.monotonic() - self.started < self.delay:
            return
        words = _WORDS.get(event.stage, event.stage)
        self.stream.write(f"\r\x1b[K{event.done}/{event.total} {words}, {event.triples:,} triples")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        """Clear the line, so the command's own output starts on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    @staticmethod
    def wanted(stream: TextIO, quiet: bool) -> bool:
        """Whether progress belongs on `stream`: a terminal, and not --quiet."""
        return not quiet and stream.isatty()
