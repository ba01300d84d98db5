"""The reader types scalars as fact files mean them, and refuses what fact files may not hold, located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wmgraph.load.events import FileError, libyaml_data
from wmgraph.load.scalars import MAX_DEPTH
from wmgraph.load.yamlfile import read_yaml


def both(text: str) -> Any:
    """What the reader makes of `text`."""
    return libyaml_data(text)


def refusal(text: str, tmp_path: Path) -> str:
    path = tmp_path / "f.yaml"
    path.write_bytes(text.encode("utf-8"))
    data, problems = read_yaml(path, "f.yaml")
    assert data is None and len(problems) == 1
    return str(problems[0])


@pytest.mark.parametrize(("text", "expected"), [
    ("a: =\nb: <<\n", {"a": "=", "b": "<<"}),
    ("<<: x\n=: y\n", {"<<": "x", "=": "y"}),
    ("on: 1\n~: 2\nnull: 3\n'yes': 4\n1.5: 5\n", {"on": 1, "~": 2, "null": 3, "yes": 4, "1.5": 5}),
    ("a: !!str 12\nb: !!int '12'\nc: !!float 1\nd: !!bool yes\ne: !!null ~\nf: ! 12\n",
     {"a": "12", "b": 12, "c": 1.0, "d": True, "e": None, "f": "12"}),
    ("a: !!map {b: 1}\nc: !!seq [1]\n", {"a": {"b": 1}, "c": [1]}),
    ("a: 2023-10-05\nb: !!timestamp 2023-10\n", {"a": "2023-10-05", "b": "2023-10"}),
    ("a: |\n  tab\there\n  two lines\n", {"a": "tab\there\ntwo lines\n"}),  # a block may hold tabs and breaks
    ("a: .inf\nb: 1.0e+400\n", {"a": float("inf"), "b": float("inf")}),  # the checker refuses them as numbers
    ("n: " + "9" * 4000 + "\n", {"n": int("9" * 4000)}),  # 4,000 digits, the most allowed
])
def test_scalars_are_typed_as_fact_files_mean_them(text: str, expected: Any) -> None:
    assert both(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a: !!int abc\n", "f.yaml:1:4: 'abc' is not a whole number, as its tag !!int says (remove the tag, or write a "
                       "value of that type)"),
    ("a: !!float\n", "f.yaml:1:4: '' is not a number, as its tag !!float says (remove the tag, or write a value of "
                     "that type)"),
    ("a: !!bool maybe\n", "f.yaml:1:4: 'maybe' is not true or false, as its tag !!bool says (remove the tag, or "
                          "write a value of that type)"),
    ("a: !!map [1]\n", "f.yaml:1:4: YAML tag '!!map' does not fit a list (remove the tag)"),
    ("a: !!seq {b: 1}\n", "f.yaml:1:4: YAML tag '!!seq' does not fit a mapping (remove the tag)"),
    ("a: !!map x\n", "f.yaml:1:4: YAML tag '!!map' does not fit a single value (remove the tag)"),
    ("a: !!set {b: ~}\n", "f.yaml:1:4: YAML tag '!!set' is not allowed (remove it: a fact file holds text, numbers, "
                          "true/false, lists and mappings)"),
    ("a: !local x\n", "f.yaml:1:4: YAML tag '!local' is not allowed (remove it: a fact file holds text, numbers, "
                      "true/false, lists and mappings)"),
    ("&x\n", "f.yaml:1:1: YAML anchors and aliases (&name, *name) are not allowed (write the value out in full)"),
    ("a: &x\n", "f.yaml:1:4: YAML anchors and aliases (&name, *name) are not allowed (write the value out in full)"),
    ("a: 1\nb: *x\n", "f.yaml:2:4: YAML anchors and aliases (&name, *name) are not allowed (write the value out in "
                      "full)"),
    ("a: 0x" + "f" * 3400 + "\n", "f.yaml:1:4: a number of more than 4,000 digits (write a number of a sensible size, "
                                  "or quote it as text)"),
    ("a: 1\n---\nb: 2\n", "f.yaml:2:1: a second YAML document (after '---') (a fact file holds one document: move "
                          "the rest to a file of its own)"),
    ("{a: 1}: b\n", "f.yaml:1:1: a mapping key must be a plain value (write the key as text)"),
    ("'a': 1\na: 2\n", "f.yaml:2:1: duplicate key 'a' (first at line 1) (remove or rename one of them)"),
    ('"a\\tb": 1\n', "f.yaml:1:1: a one-line value may not hold a tab (U+0009) (only a block scalar (| or >) may hold "
                     "tabs and line breaks: write the value as one)"),
    ('a: "x\\ny"\n', "f.yaml:1:4: a one-line value may not hold a line break (U+000A) (only a block scalar (| or >) "
                     "may hold tabs and line breaks: write the value as one)"),
    ("a: x\ty\n", "f.yaml:1:4: a one-line value may not hold a tab (U+0009) (only a block scalar (| or >) may hold "
                  "tabs and line breaks: write the value as one)"),
    ('a: "\\u0085"\n', "f.yaml:1:4: a value may not hold a control character (U+0085) (remove it: values hold no "
                       "control characters)"),
    ("a: b\n# \x1b]0;title\x07\n", "f.yaml:2:3: a fact file may not hold an escape character (U+001B) (1 more after "
                                   "it) (remove it: a fact file holds tabs and line breaks, and no other control "
                                   "character)"),
    ("a: \x85\n", "f.yaml:1:4: a fact file may not hold a control character (U+0085) (remove it: a fact file holds "
                  "tabs and line breaks, and no other control character)"),
    ("a: x\u2028y\n", "f.yaml:1:5: a fact file may not hold a line separator (U+2028) (remove it: a fact file holds "
                      "tabs and line breaks, and no other control character)"),
])
def test_what_fact_files_may_not_hold_is_refused_located(text: str, expected: str, tmp_path: Path) -> None:
    assert refusal(text, tmp_path) == expected


def test_carriage_returns_and_tabs_in_blocks_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1\r\nb: |\r\n  x\ty\r\n")
    assert read_yaml(path, "f.yaml") == ({"a": 1, "b": "x\ty\n"}, [])


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1, 600, 100_000])
def test_nesting_is_bounded(depth: int, tmp_path: Path) -> None:
    flow = "a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"  # the mapping is one level
    texts = [flow]
    if depth <= 600:  # 100,000 block levels would take 5 GB
        texts.append("".join(" " * i + f"k{i}:\n" for i in range(depth - 1)) + " " * (depth - 1) + "v: 1\n")
    for text in texts:
        if depth <= MAX_DEPTH:
            assert libyaml_data(text) is not None
            continue
        message = refusal(text, tmp_path)
        assert message.endswith(f"nested more than {MAX_DEPTH} levels deep (fact files need a few levels: check the "
                                "indentation and brackets)") or "YAML syntax error" in message, message


def test_the_event_reader_raises_only_file_errors_or_yaml_errors() -> None:
    with pytest.raises(FileError):
        libyaml_data("a: !!int x\n")
