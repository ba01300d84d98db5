"""A fast reader for the plain block YAML that fact files are written in.

Fact files use a small part of YAML: block mappings and sequences, one-line plain or quoted
scalars, one-line flow sequences of plain scalars and simple literal or folded blocks. This
reader takes exactly that part line by line, and gives up (returns `NOT_PLAIN`) at anything else,
so that libyaml reads the file and reports any error: anything unusual, a scalar that cannot be
typed, a value with a control character (a tab or break escaped in quotes) or nesting deeper than
`MAX_DEPTH`. Where it answers, the answer equals libyaml's, marks included: the tests compare the
two on every seed file, generated graphs and thousands of mutated files.
"""

from __future__ import annotations

import re
from typing import Any, Final

from .marks import MarkedDict, MarkedList
from .scalars import MAX_DEPTH, RESOLVERS, ScalarError, plain_scalar

__all__ = ["NOT_PLAIN", "read_plain"]

NOT_PLAIN: Final = object()

# Anything libyaml could treat otherwise: tabs, carriage returns, other line breaks (NEL, LS, PS),
# byte-order marks and the characters YAML forbids (written as what is left out: the ranges
# allowed are slow to compile, on every run).
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_MARKER = re.compile(r"^(?:---|\.\.\.|%)", re.MULTILINE)
_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.\-]*):(?: +|$)")
_FLOW_ODD = re.compile(r"""[\[\]{}"'#:]""")
_NOT_PLAIN_START = frozenset(",[]{}#&*!|>'\"%@`")
_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(.?)")
_ESCAPED = {'"': '"', "\\": "\\", "/": "/"}  # not \n or \t: libyaml refuses them outside blocks
_BLOCK_HEADERS = frozenset((">", ">-", "|", "|-"))
_MAX_KEY = 1024  # libyaml's limit on a simple key


class _Unsupported(Exception):
    """The text leaves the plain part of YAML; libyaml must read it."""


def read_plain(text: str) -> Any:
    """Return the data of `text` as libyaml would with marks, or NOT_PLAIN if it is not plain YAML."""
    if _UNUSUAL.search(text):
        return NOT_PLAIN
    try:
        return _Reader(text).document()
    except _Unsupported:
        return NOT_PLAIN


def _is_entry(text: str) -> bool:
    return text[0] == "-" and (len(text) == 1 or text[1] == " ")


class _Reader:
    """One pass over the lines that carry content (blank and comment lines dropped)."""

    def __init__(self, text: str) -> None:
        if _MARKER.search(text):
            raise _Unsupported  # document markers and directives
        indents: list[int] = []
        texts: list[str] = []
        numbers: list[int] = []
        self.lines = lines = text.split("\n")
        for number, line in enumerate(lines, 1):
            body = line.lstrip(" ")
            if body and body[0] != "#":
                indents.append(len(line) - len(body))
                texts.append(body.rstrip(" "))
                numbers.append(number)
        self.indents, self.texts, self.numbers = indents, texts, numbers
        self.pos = 0
        self.depth = 0
        self.scalars: dict[str, Any] = {}

    def document(self) -> Any:
        if not self.texts:
            return None
        value = self.node(self.indents[0])
        if self.pos != len(self.texts):
            raise _Unsupported
        return value

    def node(self, indent: int) -> Any:
        text = self.texts[self.pos]
        if _is_entry(text):
            return self.sequence(indent)
        if _KEY.match(text):
            return self.mapping(indent)
        raise _Unsupported

    def mapping(self, indent: int) -> MarkedDict:
        indents, texts, numbers = self.indents, self.texts, self.numbers
        count = len(texts)
        result = MarkedDict.at(numbers[self.pos], indent + 1)
        marks = result.key_marks
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Unsupported
        while self.pos < count:
            pos = self.pos
            here = indents[pos]
            if here < indent:
                break
            text = texts[pos]
            match = _KEY.match(text) if here == indent else None
            if match is None:
                raise _Unsupported
            key = match[1]  # keys are text as written: never typed
            if key in marks or len(key) >= _MAX_KEY:
                raise _Unsupported
            number = numbers[pos]
            marks[key] = (number, indent + 1)
            rest = text[match.end():]
            self.pos = pos + 1
            if rest and rest[0] != "#":
                result[key] = self.inline(rest, number, indent + match.end(), indent)
            elif self.pos < count and (indents[self.pos] > indent
                                       or (indents[self.pos] == indent and _is_entry(texts[self.pos]))):
                result[key] = self.node(indents[self.pos])
            else:
                result[key] = None
        self.depth -= 1
        return result

    def sequence(self, indent: int) -> MarkedList:
        indents, texts, numbers = self.indents, self.texts, self.numbers
        count = len(texts)
        result = MarkedList.at(numbers[self.pos], indent + 1)
        item_marks = result.item_marks
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Unsupported
        # The sequence ends at a line indented less, or at the next key of a mapping indented the
        # same; a line indented more is refused by whichever mapping holds the sequence.
        while self.pos < count and indents[self.pos] == indent and _is_entry(texts[self.pos]):
            pos = self.pos
            text = texts[pos]
            body = text[2:].lstrip(" ")
            if not body or body[0] == "#" or _is_entry(body):
                raise _Unsupported
            column = indent + len(text) - len(body)
            number = numbers[pos]
            item_marks.append((number, column + 1))
            if _KEY.match(body):
                indents[pos], texts[pos] = column, body  # the item's mapping starts after the dash
                result.append(self.mapping(column))
            else:
                self.pos = pos + 1
                result.append(self.inline(body, number, column, indent))
        self.depth -= 1
        return result

    def inline(self, text: str, number: int, column: int, parent: int) -> Any:
        """The value written on line `number` from `column` (0-based), in a block indented `parent`."""
        first = text[0]
        if first == '"':
            quoted = _DOUBLE_QUOTED.match(text)
            if quoted is None:
                raise _Unsupported
            _only_comment_after(text, quoted.end())
            value = quoted[1]
            return _ESCAPE.sub(_unescape, value) if "\\" in value else value
        if first == "'":
            end = 1
            while True:
                end = text.find("'", end)
                if end < 0:
                    raise _Unsupported
                if not text.startswith("'", end + 1):
                    break
                end += 2
            _only_comment_after(text, end + 1)
            return text[1:end].replace("''", "'")
        if first == "[":
            return self.flow(text, number, column)
        if text in _BLOCK_HEADERS:
            return self.block_scalar(text, number, parent)
        if first in _NOT_PLAIN_START or (first in "-?:" and (len(text) == 1 or text[1] == " ")):
            raise _Unsupported
        cut = text.find(" #")
        if cut >= 0:
            text = text[:cut].rstrip(" ")
        if ": " in text or text.endswith(":"):
            raise _Unsupported
        return self.plain(text)

    def block_scalar(self, header: str, number: int, parent: int) -> str:
        """A literal (|) or folded (>) scalar whose lines all share one indent, with no blank line inside."""
        lines = self.lines
        index = number  # the line after the header, counted from 0
        content: list[str] = []
        indent = -1
        blank_after = False
        last = index
        while index < len(lines):
            line = lines[index]
            body = line.lstrip(" ")
            if not body:
                blank_after = True
            else:
                here = len(line) - len(body)
                if indent < 0:
                    if here <= parent:
                        break
                    indent = here
                if here < indent:
                    break
                if here > indent or blank_after or line[-1] == " ":
                    raise _Unsupported  # more-indented or blank lines keep breaks in ways not handled here
                content.append(body)
                last = index
            index += 1
        if not content:
            raise _Unsupported
        numbers, count = self.numbers, len(self.numbers)
        while self.pos < count and numbers[self.pos] <= index:
            self.pos += 1
        text = (" " if header[0] == ">" else "\n").join(content)
        clipped = header.endswith("-") or last == len(lines) - 1  # no break after the text's end
        return text if clipped else text + "\n"

    def flow(self, text: str, number: int, column: int) -> MarkedList:
        end = text.find("]")
        if end < 0:
            raise _Unsupported
        inner = text[1:end]
        if _FLOW_ODD.search(inner):
            raise _Unsupported
        _only_comment_after(text, end + 1)
        result = MarkedList.at(number, column + 1)
        item_marks = result.item_marks
        if inner.strip(" "):
            start = column + 1
            for part in inner.split(","):
                body = part.lstrip(" ")
                item = body.rstrip(" ")
                if not item or item[0] in _NOT_PLAIN_START or item[0] in "-?":
                    raise _Unsupported
                item_marks.append((number, start + len(part) - len(body) + 1))
                result.append(self.plain(item))
                start += len(part) + 1
        return result

    def plain(self, value: str) -> Any:
        """A plain scalar, typed as YAML 1.1 types it (PyYAML's own rules)."""
        if value[0] not in RESOLVERS:
            return value
        scalars = self.scalars
        if value in scalars:
            return scalars[value]
        try:
            result = scalars[value] = plain_scalar(value)
        except ScalarError:
            raise _Unsupported from None  # libyaml's reader reports it, located
        return result


def _unescape(match: re.Match[str]) -> str:
    escaped = _ESCAPED.get(match[1])
    if escaped is None:
        raise _Unsupported
    return escaped


def _only_comment_after(text: str, index: int) -> None:
    rest = text[index:]
    if rest and not (rest[0] == " " and rest.lstrip(" ")[0] == "#"):
        raise _Unsupported
