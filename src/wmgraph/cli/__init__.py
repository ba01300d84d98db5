"""The `wmgraph` command line: `run` is the program; `main.py` holds its click group."""

from .interrupts import install

__all__ = ["run"]


def run() -> None:
    """The `wmgraph` program: Ctrl-C handled from the first moment (`interrupts.py`), then the command line."""
    install()
    from .main import run as run_commands

    run_commands()
