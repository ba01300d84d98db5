"""Read one YAML fact file safely, keeping the line and column of every key and item."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

MAX_FILE_BYTES = 16 * 1024 * 1024

try:  # libyaml is five times faster; fall back to the pure-Python parser without it
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class MarkedDict(dict[Any, Any]):
    """A mapping from a fact file that remembers where each key stands."""

    line: int = 0
    column: int = 0
    key_marks: dict[Any, tuple[int, int]]

    def mark_of(self, key: Any) -> tuple[int, int]:
        """Return the (line, column) of `key`, or of the mapping itself if absent."""
        return self.key_marks.get(key, (self.line, self.column))


class MarkedList(list[Any]):
    """A sequence from a fact file that remembers where each item stands."""

    line: int = 0
    column: int = 0
    item_marks: list[tuple[int, int]]

    def mark_of(self, index: int) -> tuple[int, int]:
        """Return the (line, column) of item `index`."""
        if 0 <= index < len(self.item_marks):
            return self.item_marks[index]
        return (self.line, self.column)


class _FileError(Exception):
    def __init__(self, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _MarkingLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader: dates stay strings, duplicate keys and aliases are refused."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            line, column = _mark(node)
            raise _FileError(
                line, column, "YAML anchors and aliases (&name, *name) are not allowed",
                "write the value out in full",
            )
        return super().construct_object(node, deep=deep)

    def construct_marked_mapping(self, node: yaml.MappingNode) -> MarkedDict:
        result = MarkedDict()
        result.line, result.column = _mark(node)
        result.key_marks = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line, column = _mark(key_node)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise _FileError(line, column, "a mapping key must be a plain value")
            if key in result.key_marks:
                first = result.key_marks[key][0]
                raise _FileError(
                    line, column, f"duplicate key '{key}' (first at line {first})",
                    "remove or rename one of them",
                )
            result.key_marks[key] = (line, column)
            result[key] = self.construct_object(value_node, deep=True)
        return result

    def construct_marked_sequence(self, node: yaml.SequenceNode) -> MarkedList:
        result = MarkedList(self.construct_object(child, deep=True) for child in node.value)
        result.line, result.column = _mark(node)
        result.item_marks = [_mark(child) for child in node.value]
        return result


_MarkingLoader.add_constructor("tag:yaml.org,2002:map", _MarkingLoader.construct_marked_mapping)
_MarkingLoader.add_constructor("tag:yaml.org,2002:seq", _MarkingLoader.construct_marked_sequence)
_MarkingLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def read_yaml(path: Path, shown: str, max_bytes: int | None = None) -> tuple[Any, list[Problem]]:
    """Parse `path` (reported as `shown`) and return its data, or None with problems."""
    if max_bytes is None:
        max_bytes = MAX_FILE_BYTES
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(
                shown, 1, 1, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                "split it into smaller fact files",
            )]
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
    try:
        loader = _MarkingLoader(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
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
