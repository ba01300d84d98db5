"""The `wmgraph` command line: `run` is the program; `main.py` holds its click group.

`run` handles Ctrl-C from the program's first moment (see `interrupts.py`), so this module loads
nothing that Python has not loaded already.
"""

import _signal  # type: ignore[import-not-found]  # `signal` loads `enum`: too slow for the first moment
import os

INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C (128 + SIGINT)
LINE = "interrupted: nothing was left half written"

__all__ = ["run"]


def stop_at_once(signum: int, frame: object) -> None:
    """Ctrl-C before a command runs: say so in one line and exit 130 (nothing has been written)."""
    os.write(2, f"Error: {LINE}\n".encode())
    os._exit(INTERRUPTED)


def run() -> None:
    """The `wmgraph` program: Ctrl-C handled from the first moment, then the command line."""
    _signal.signal(_signal.SIGINT, stop_at_once)
    from .main import run as run_commands

    run_commands()
