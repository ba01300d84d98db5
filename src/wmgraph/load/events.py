"""Read any YAML with libyaml, event by event, into marked values: the reader of every fact file.

libyaml parses; the values are built here from its events in one loop with a stack of its own, so
that no nesting can exhaust Python's recursion (deeper than `MAX_DEPTH` is refused), and every
refusal is located: anchors and aliases, tags fact files do not use, a tag that does not fit its
value, a key that is not a plain value, a duplicate key, a control character in a value, a second
document. Scalars are typed by `scalars`.
"""

from __future__ import annotations

from typing import Any

import yaml

from .marks import MarkedDict, MarkedList
from .scalars import MAX_DEPTH, ScalarError, control_problem, plain_scalar, tag_refused, tagged_scalar

__all__ = ["FileError", "libyaml_data"]

try:  # libyaml is five times faster; fall back to the pure-Python parser without it
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_MAP_TAGS = frozenset((None, "!", "tag:yaml.org,2002:map"))
_SEQ_TAGS = frozenset((None, "!", "tag:yaml.org,2002:seq"))
_BLOCK_STYLES = frozenset(("|", ">"))
_COLLECTION_TAGS = frozenset(("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))
_NO_KEY = object()
_USED_TAGS = frozenset("tag:yaml.org,2002:" + name for name in ("map", "seq", "str", "int", "float", "bool",
                                                                 "null", "timestamp"))


class FileError(Exception):
    """A located refusal of a file's YAML: line and column (from 1), message and hint."""

    def __init__(self, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


def _where(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _refuse(event: Any, error: ScalarError) -> FileError:
    return FileError(*_where(event), error.message, error.hint)


def libyaml_data(text: str) -> Any:
    """Read `text` with libyaml, marks included."""
    loader = _Loader(text)
    try:
        return _build(loader)
    finally:
        loader.dispose()


def _scalar(event: Any) -> Any:
    value: str = event.value
    problem = control_problem(value, event.style in _BLOCK_STYLES)
    if problem is not None:
        raise _refuse(event, problem)
    tag = event.tag
    if tag in _COLLECTION_TAGS:
        raise _refuse(event, tag_refused(tag, "single value"))
    try:
        if tag is None:
            return plain_scalar(value) if event.implicit[0] else value
        return tagged_scalar(tag, value)
    except ScalarError as error:
        raise _refuse(event, error) from None


def _key(event: Any, mapping: MarkedDict) -> str:
    """The key a mapping's next event writes: text as written, never typed."""
    if not isinstance(event, yaml.ScalarEvent):
        raise FileError(*_where(event), "a mapping key must be a plain value", "write the key as text")
    value: str = event.value
    problem = control_problem(value, False)
    if problem is not None:
        raise _refuse(event, problem)
    where = _where(event)
    if value in mapping.key_marks:
        first = mapping.key_marks[value][0]
        raise FileError(*where, f"duplicate key '{value}' (first at line {first})", "remove or rename one of them")
    mapping.key_marks[value] = where
    return value


def _build(loader: Any) -> Any:
    """One document's value from the loader's events (None for an empty stream)."""
    get = loader.get_event
    get()  # the stream's start
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        return None
    stack: list[Any] = []  # open collections; a mapping's entry is [mapping, key or _NO_KEY]
    result: Any = None
    while True:
        event = get()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise FileError(*_where(event), "YAML anchors and aliases (&name, *name) are not allowed",
                            "write the value out in full")
        top = stack[-1] if stack else None
        if type(top) is list and top[1] is _NO_KEY and not isinstance(event, yaml.MappingEndEvent):
            top[1] = _key(event, top[0])
            continue
        if isinstance(event, yaml.ScalarEvent):
            value: Any = _scalar(event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            _open(event, stack)
            continue
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            closed = stack.pop()
            value = closed[0] if type(closed) is list else closed
            top = stack[-1] if stack else None
        else:
            break  # the document's end
        if top is None:
            result = value
        elif type(top) is list:
            top[0][top[1]] = value
            top[1] = _NO_KEY
        else:
            top.append(value)
            top.item_marks.append(_where(event) if not isinstance(value, MarkedDict | MarkedList)
                                  else (value.line, value.column))
    event = get()
    if not isinstance(event, yaml.StreamEndEvent):
        raise FileError(*_where(event), "a second YAML document (after '---')",
                        "a fact file holds one document: move the rest to a file of its own")
    return result


def _open(event: Any, stack: list[Any]) -> None:
    """Open the mapping or sequence that `event` starts, on top of `stack`."""
    if len(stack) >= MAX_DEPTH:
        raise FileError(*_where(event), f"nested more than {MAX_DEPTH} levels deep",
                        "fact files need a few levels: check the indentation and brackets")
    line, column = _where(event)
    if isinstance(event, yaml.MappingStartEvent):
        if event.tag not in _MAP_TAGS:
            tag = str(event.tag)
            raise _refuse(event, tag_refused(tag, "mapping" if _known(tag) else ""))
        stack.append([MarkedDict.at(line, column), _NO_KEY])
    else:
        if event.tag not in _SEQ_TAGS:
            tag = str(event.tag)
            raise _refuse(event, tag_refused(tag, "list" if _known(tag) else ""))
        stack.append(MarkedList.at(line, column))


def _known(tag: str) -> bool:
    """Whether fact files may use `tag` (on a node of the right kind)."""
    return tag in _USED_TAGS
