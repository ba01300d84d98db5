"""Read one YAML fact file safely, keeping the line and column of every key and item."""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem
from .events import FileError, libyaml_data
from .marks import MarkedDict, MarkedList
from .scalars import character_name

__all__ = ["MarkedDict", "MarkedList", "libyaml_data", "not_regular", "read_yaml"]

MAX_FILE_BYTES = 16 * 1024 * 1024
# What a fact file may hold besides text: tabs and line breaks (LF, CR), and no other control
# character (C0, DEL, C1 with NEL), nor the Unicode line and paragraph separators, nor the
# non-characters libyaml refuses.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def not_regular(mode: int) -> str:
    """What a file of `mode` is if it is not a regular file ('a FIFO (named pipe)'), else ''."""
    if stat.S_ISREG(mode):
        return ""
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")


def not_regular_problem(shown: str, kind: str) -> Problem:
    """The refusal of a fact file that is `kind`, not a regular file (it is never opened)."""
    return Problem(shown, 1, 1, f"{kind}, not a regular file", "replace it with a plain YAML file, or remove it")


def _line_column(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _forbidden_characters(text: str, shown: str) -> Problem | None:
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    count = len(_FORBIDDEN.findall(text))
    more = f" ({count - 1} more after it)" if count > 1 else ""
    return Problem(shown, *_line_column(text, found.start()),
                   f"a fact file may not hold {character_name(found[0])}{more}",
                   "remove it: a fact file holds tabs and line breaks, and no other control character")


def _too_big(shown: str, size: int, max_bytes: int) -> Problem:
    return Problem(shown, 1, 1, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                   "split it into smaller fact files")


def _read_bytes(path: Path, shown: str, max_bytes: int) -> bytes | Problem:
    """The bytes of a regular file of at most `max_bytes`; anything else is never opened."""
    try:
        status = path.stat()
        kind = not_regular(status.st_mode)
        if kind:  # reading a FIFO or a device could wait for ever
            return not_regular_problem(shown, kind)
        if status.st_size > max_bytes:
            return _too_big(shown, status.st_size, max_bytes)
        return path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return Problem(shown, 1, 1, f"cannot read file: {reason}", "check its permissions")


def read_yaml(path: Path, shown: str, max_bytes: int | None = None,
              raw: bytes | None = None) -> tuple[Any, list[Problem]]:
    """Parse `path` (reported as `shown`; its bytes `raw` if already read) into data, or None with problems."""
    if max_bytes is None:
        max_bytes = MAX_FILE_BYTES
    if raw is None:
        read = _read_bytes(path, shown, max_bytes)
        if isinstance(read, Problem):
            return None, [read]
        raw = read
    elif len(raw) > max_bytes:
        return None, [_too_big(shown, len(raw), max_bytes)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(
            shown, line, column, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            "save the file as UTF-8",
        )]
    forbidden = _forbidden_characters(text, shown)
    if forbidden is not None:
        return None, [forbidden]
    try:
        data = libyaml_data(text)
    except FileError as error:
        return None, [Problem(shown, error.line, error.column, error.message, error.hint)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = error.problem or error.context or "invalid YAML"
        return None, [Problem(shown, line, column, f"YAML syntax error: {message}",
                              "check indentation, colons and quotes")]
    except yaml.reader.ReaderError as error:  # what _FORBIDDEN leaves: none known
        return None, [Problem(shown, 1, 1, f"YAML error: {error.reason}", "remove the character")]
    except yaml.YAMLError as error:
        return None, [Problem(shown, 1, 1, f"YAML error: {error}", "check the file's syntax")]
    return data, []
