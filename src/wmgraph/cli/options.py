"""Options, error handling and the escaping of text for a terminal, shared by every command and written once."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import QueryUsageError, WmgraphError
from .interrupts import INTERRUPTED, LINE, CommandInCharge

F = TypeVar("F", bound=Callable[..., Any])

# C0 and C1 controls but tab and newline, DEL, and the bidirectional overrides and isolates: a name
# holding them could move the cursor, retitle the terminal or make a line read otherwise than it holds.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """Write control characters (not tab or newline) and direction overrides as visible escapes for a terminal."""
    return _UNPRINTABLE.sub(_escaped, text)


def graph_option(function: F) -> F:
    """The --graph option shared by every command that reads fact files."""
    return click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=Path("graph"),
                        show_default=True, help="Folder of YAML fact files.")(function)


def out_option(function: F) -> F:
    """The --out option shared by commands that write output files."""
    return click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"),
                         show_default=True, help="Folder for generated files.")(function)


class Interrupted(click.ClickException):
    """Ctrl-C: a clean message and exit code 130, never a traceback."""

    exit_code = INTERRUPTED


def reports_errors_as(failure: type[click.ClickException] = click.ClickException,
                      interrupted: str = LINE) -> Callable[[F], F]:
    """Report a WmgraphError as `failure`, a wrong request as a usage error, Ctrl-C as exit 130; never a traceback.

    Messages quote the fact files, queries and stores: what a terminal would obey in them is escaped.
    """
    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                with CommandInCharge():
                    return function(*args, **kwargs)
            except QueryUsageError as error:
                raise click.UsageError(terminal_safe(str(error))) from None
            except WmgraphError as error:
                raise failure(terminal_safe(str(error))) from error
            except KeyboardInterrupt:
                raise Interrupted(interrupted) from None

        return wrapper  # type: ignore[return-value]

    return decorate


# the commands' usual reporting: an error exits 1
reports_errors = reports_errors_as()
