"""How a YAML scalar becomes a value, for both readers: the one place that types scalars.

Plain scalars are typed as YAML 1.1 types them (PyYAML's rules), except that dates stay text and
`=` and `<<` (YAML 1.1's "value" and "merge" keys, which no fact file means) are text too.
Mapping keys are never typed: a key is the text written (`on:` is 'on', not True).
"""

from __future__ import annotations

import re
from typing import Any, Final

import yaml

__all__ = ["MAX_DEPTH", "ScalarError", "control_problem", "plain_scalar", "tagged_scalar"]

MAX_DEPTH: Final = 100  # mappings and lists inside each other; fact files need five
MAX_INT_DIGITS: Final = 4000  # below Python's 4,300-digit limit on turning integers into text
_INT_LIMIT: Final = 10**MAX_INT_DIGITS

_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_STR = "tag:yaml.org,2002:str"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_CONSTRUCTORS: dict[str, Any] = {
    _NULL: yaml.SafeLoader.construct_yaml_null,
    _BOOL: yaml.SafeLoader.construct_yaml_bool,
    _INT: yaml.SafeLoader.construct_yaml_int,
    _FLOAT: yaml.SafeLoader.construct_yaml_float,
}
_TEXT_TAGS = frozenset((_STR, "tag:yaml.org,2002:timestamp", "!"))
_KINDS = {_NULL: "null", _BOOL: "true or false", _INT: "a whole number", _FLOAT: "a number"}
_NOT_TEXT = {_NULL, _BOOL, _INT, _FLOAT}
RESOLVERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple((tag, pattern) for tag, pattern in pairs if tag in _NOT_TEXT)
    for first, pairs in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    if first is not None and any(tag in _NOT_TEXT for tag, _ in pairs)
}
# What no value may hold: control characters (C0, DEL, C1) and the Unicode line and paragraph
# separators; a block scalar (| or >) may hold tabs and line breaks.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_IN_BLOCK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return", "\x1b": "an escape character",
          "\x00": "a NUL character", "\u2028": "a line separator", "\u2029": "a paragraph separator"}


class ScalarError(ValueError):
    """A scalar that cannot become a value: the message and the hint for the user."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def character_name(char: str) -> str:
    """Name a control character for a message: 'an escape character (U+001B)'."""
    return f"{_NAMES.get(char, 'a control character')} (U+{ord(char):04X})"


def control_problem(value: str, block: bool) -> ScalarError | None:
    """The refusal of a scalar holding a character no value may hold (tab and break: only in a block)."""
    found = (_CONTROL_IN_BLOCK if block else _CONTROL).search(value)
    if found is None:
        return None
    char = found[0]
    if char in "\t\n":
        return ScalarError(f"a one-line value may not hold {character_name(char)}",
                           "only a block scalar (| or >) may hold tabs and line breaks: write the value as one")
    return ScalarError(f"a value may not hold {character_name(char)}", "remove it: values hold no control characters")


def _construct(tag: str, value: str) -> Any:
    try:
        result = _CONSTRUCTORS[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))
    except (ValueError, LookupError, TypeError, ArithmeticError) as error:
        if tag == _INT and sum(c.isdigit() for c in value) > MAX_INT_DIGITS:
            raise _too_long() from error
        raise ScalarError(f"'{value}' is not {_KINDS[tag]}, as its tag !!{tag.rpartition(':')[2]} says",
                          "remove the tag, or write a value of that type") from error
    if type(result) is int and not -_INT_LIMIT < result < _INT_LIMIT:
        raise _too_long()
    return result


def _too_long() -> ScalarError:
    return ScalarError(f"a number of more than {MAX_INT_DIGITS:,} digits",
                       "write a number of a sensible size, or quote it as text")


def plain_scalar(value: str) -> Any:
    """Type a plain (unquoted, untagged) scalar as YAML 1.1 does; raise ScalarError if it cannot be."""
    resolvers = RESOLVERS.get(value[:1])
    if resolvers is not None:
        for tag, pattern in resolvers:
            if pattern.match(value):
                return _construct(tag, value)
    return value


def tagged_scalar(tag: str, value: str) -> Any:
    """Type a scalar written with an explicit tag (`!!int 5`); raise ScalarError if it cannot be."""
    if tag in _TEXT_TAGS:
        return value
    if tag in _CONSTRUCTORS:
        return _construct(tag, value)
    raise tag_refused(tag)


def short_tag(tag: str) -> str:
    """A tag as it is written: '!!binary' for tag:yaml.org,2002:binary."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def tag_refused(tag: str, kind: str = "") -> ScalarError:
    """The refusal of a tag that fact files do not use, or that does not fit a `kind` of node."""
    if kind:
        return ScalarError(f"YAML tag '{short_tag(tag)}' does not fit a {kind}", "remove the tag")
    return ScalarError(f"YAML tag '{short_tag(tag)}' is not allowed",
                       "remove it: a fact file holds text, numbers, true/false, lists and mappings")
