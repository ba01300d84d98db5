"""The exceptions wmgraph raises, and the problem records they carry.

WmgraphError
├── LoadError        a fact file cannot be read or parsed
├── ValidationError  the fact files disagree with the vocabulary or each other
├── OutputError      an output file cannot be written or is stale
├── QueryError       a SPARQL query is malformed or cannot be answered
│   └── QueryUsageError  the command line asks for a query wrongly (a usage error)
└── StoreError       a remote triple store is down, slow or refuses us
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located at a file, line and column."""

    file: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file  # line 0: a missing file
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class WmgraphError(Exception):
    """Base class of every error wmgraph raises for a user mistake or outside failure."""


class LoadError(WmgraphError):
    """A fact file could not be read or parsed."""


class ValidationError(WmgraphError):
    """The fact files have one or more problems, all listed in `problems`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        drafts = bool(self.problems) and all(_in_drafts(p.file) for p in self.problems)
        lines = [f"{count} {noun} found in {'the draft' if drafts else 'the fact files'}:"]
        lines += [str(p) for p in self.problems]
        super().__init__("\n".join(lines))


def _in_drafts(file: str) -> bool:
    """Whether `file` (as shown) is in a graph's drafts/ folder, which holds drafts, not fact files."""
    return "drafts" in file.replace("\\", "/").split("/")[:-1]


class OutputError(WmgraphError):
    """An output could not be written, or is not up to date."""


class QueryError(WmgraphError):
    """A SPARQL query is malformed, unknown or missing a parameter."""


class QueryUsageError(QueryError):
    """The command line asks for a query wrongly: unknown name, missing or bad parameter."""


class StoreError(WmgraphError):
    """A remote triple store could not be reached or refused the request."""


def display_path(path: Path, root: Path | None = None) -> str:
    """Return `path` relative to `root` or the working directory when possible."""
    for base in (Path.cwd(), root.parent if root is not None else None):
        if base is None:
            continue
        try:
            return str(Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(base))))
        except ValueError:
            continue
    return str(path)
