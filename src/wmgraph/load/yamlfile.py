"""Read one YAML fact file safely, keeping the line and column of every key and item."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem
from .marks import MarkedDict, MarkedList
from .plainyaml import NOT_PLAIN, TYPED_SCALARS, read_plain

__all__ = ["MarkedDict", "MarkedList", "libyaml_data", "read_yaml"]

MAX_FILE_BYTES = 16 * 1024 * 1024

try:  # libyaml is five times faster; fall back to the pure-Python parser without it
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _FileError(Exception):
    def __init__(self, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _MarkingLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader: dates stay strings, duplicate keys and aliases are refused.

    libyaml composes the node tree; the tree is turned into values here in one recursive walk,
    which costs less than PyYAML's generic constructor (the walk is most of a big load's time).
    """

    def marked_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        self.seen_nodes: set[int] = set()
        return self.convert(node)

    def convert(self, node: yaml.Node) -> Any:
        seen = self.seen_nodes
        if id(node) in seen:
            line, column = _mark(node)
            raise _FileError(
                line, column, "YAML anchors and aliases (&name, *name) are not allowed",
                "write the value out in full",
            )
        seen.add(id(node))
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _MAP:
            return self.convert_mapping(node)
        if tag == _SEQ:
            result = MarkedList([self.convert(child) for child in node.value])
            mark = node.start_mark
            result.line, result.column = mark.line + 1, mark.column + 1
            result.item_marks = [(c.start_mark.line + 1, c.start_mark.column + 1) for c in node.value]
            return result
        scalar = TYPED_SCALARS.get(tag)
        if scalar is not None:
            return scalar(self, node)
        return self.construct_object(node, deep=True)  # rare tags: PyYAML's errors and handling

    def convert_mapping(self, node: yaml.Node) -> MarkedDict:
        mark = node.start_mark
        result = MarkedDict.at(mark.line + 1, mark.column + 1)
        key_marks = result.key_marks
        convert = self.convert
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR and id(key_node) not in self.seen_nodes \
                else convert(key_node)
            self.seen_nodes.add(id(key_node))
            key_mark = key_node.start_mark
            where = (key_mark.line + 1, key_mark.column + 1)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise _FileError(where[0], where[1], "a mapping key must be a plain value")
            if key in key_marks:
                first = key_marks[key][0]
                raise _FileError(
                    where[0], where[1], f"duplicate key '{key}' (first at line {first})",
                    "remove or rename one of them",
                )
            key_marks[key] = where
            result[key] = convert(value_node)
        return result


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


def libyaml_data(text: str) -> Any:
    """Read `text` with libyaml, marks included: the reader for YAML that `read_plain` leaves."""
    loader = _MarkingLoader(text)
    try:
        return loader.marked_data()
    finally:
        loader.dispose()


def read_yaml(path: Path, shown: str, max_bytes: int | None = None,
              raw: bytes | None = None) -> tuple[Any, list[Problem]]:
    """Parse `path` (reported as `shown`; its bytes `raw` if already read) into data, or None with problems."""
    if max_bytes is None:
        max_bytes = MAX_FILE_BYTES
    try:
        size = path.stat().st_size if raw is None else len(raw)
        if size > max_bytes:
            return None, [Problem(
                shown, 1, 1, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                "split it into smaller fact files",
            )]
        if raw is None:
            raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown, 1, 1, f"cannot read file: {error.strerror}", "check its permissions")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(
            shown, line, column, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            "save the file as UTF-8",
        )]
    data = read_plain(text)
    if data is not NOT_PLAIN:
        return data, []
    try:
        data = libyaml_data(text)
    except _FileError as error:
        return None, [Problem(shown, error.line, error.column, error.message, error.hint)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = error.problem or error.context or "invalid YAML"
        return None, [Problem(shown, line, column, f"YAML syntax error: {message}",
                              "check indentation, colons and quotes")]
    except yaml.YAMLError as error:
        return None, [Problem(shown, 1, 1, f"YAML error: {error}", "check the file's syntax")]
    return data, []
