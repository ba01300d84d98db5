"""The fast plain-YAML reader gives exactly what libyaml gives, marks included, or steps aside."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from wmgraph.load.marks import MarkedDict, MarkedList
from wmgraph.load.plainyaml import NOT_PLAIN, read_plain
from wmgraph.load.yamlfile import libyaml_data, read_yaml

from ..test_benchmark import generate

ROOT = Path(__file__).resolve().parents[2]
SEED_FILES = sorted((ROOT / "tests" / "data" / "seed").rglob("*.yaml"))


def differences(fast: Any, slow: Any, where: str = "") -> list[str]:
    """Every place where the two readings differ in value, type or mark."""
    if type(fast) is not type(slow):
        return [f"{where}: {type(fast).__name__} {fast!r} against {type(slow).__name__} {slow!r}"]
    if isinstance(fast, MarkedDict):
        found = [] if (fast.line, fast.column) == (slow.line, slow.column) else [f"{where}: mapping mark"]
        if list(fast) != list(slow) or fast.key_marks != slow.key_marks:
            return [*found, f"{where}: keys {fast.key_marks} against {slow.key_marks}"]
        return found + [d for key in fast for d in differences(fast[key], slow[key], f"{where}/{key}")]
    if isinstance(fast, MarkedList):
        found = [] if (fast.line, fast.column) == (slow.line, slow.column) else [f"{where}: list mark"]
        if len(fast) != len(slow) or fast.item_marks != slow.item_marks:
            return [*found, f"{where}: items {fast.item_marks} against {slow.item_marks}"]
        pairs = enumerate(zip(fast, slow, strict=True))
        return found + [d for i, (a, b) in pairs for d in differences(a, b, f"{where}/{i}")]
    return [] if fast == slow else [f"{where}: {fast!r} against {slow!r}"]


def libyaml_or_error(text: str) -> Any:
    try:
        return libyaml_data(text)
    except Exception as error:  # any refusal: the fast reader must not have answered
        return error


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_files_read_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = read_plain(text)
    if path.name != "vocabulary.yaml":  # the vocabulary uses quoted items in flow lists
        assert fast is not NOT_PLAIN
    if fast is not NOT_PLAIN:
        assert differences(fast, libyaml_data(text)) == []


@pytest.mark.slow
def test_generated_graph_is_read_by_the_fast_reader_and_the_same(tmp_path: Path) -> None:
    graph = generate(tmp_path / "g", entities=400)
    files = sorted(p for p in graph.rglob("*.yaml") if p.name != "vocabulary.yaml")
    assert len(files) >= 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast = read_plain(text)
        assert fast is not NOT_PLAIN, path
        assert differences(fast, libyaml_data(text)) == [], path


CASES: list[tuple[str, Any]] = [
    ("", None),
    ("# only a comment\n\n", None),
    ("a: 1\nb: -2\nc: 1.5\nd: ~\ne:\nf: yes\ng: Off\nh: null\n", {
        "a": 1, "b": -2, "c": 1.5, "d": None, "e": None, "f": True, "g": False, "h": None}),
    ("date: 2023-10-05\nmonth: 2023-10\nyear: 2023\nq: \"2023\"\n", {
        "date": "2023-10-05", "month": "2023-10", "year": 2023, "q": "2023"}),
    ("a: x # note\nb: x#y\nc: 'it''s'\nd: \"say \\\"hi\\\"\"  # c\ne: http://x.org/a:b\n", {
        "a": "x", "b": "x#y", "c": "it's", "d": 'say "hi"', "e": "http://x.org/a:b"}),
    ("a: [x, y z , 3]\nb: []\nc: [ ]\n", {"a": ["x", "y z", 3], "b": [], "c": []}),
    ("a:\n- 1\n- b: 2\n  c: 3\nd: 4\n", {"a": [1, {"b": 2, "c": 3}], "d": 4}),
    ("a:\n  -   b: 1\n      c:\n        - x\n  - y\n", {"a": [{"b": 1, "c": ["x"]}, "y"]}),
    ("a: >-\n  one\n  two\nb: |\n  three\n  four\nc: >\n  five\n\nd: |-\n    six\n", {
        "a": "one two", "b": "three\nfour\n", "c": "five\n", "d": "six"}),
    ("  a: 1\n  b: [p, q]\n", {"a": 1, "b": ["p", "q"]}),
    ("- a\n- b: c\n", ["a", {"b": "c"}]),
    ("1: one\nyes: y\non: x\nnull: n\n", {"1": "one", "yes": "y", "on": "x", "null": "n"}),  # keys stay text
    ("a: =\nb: <<\nc: [=, <<]\n", {"a": "=", "b": "<<", "c": ["=", "<<"]}),  # YAML 1.1's value and merge
]

STEPS_ASIDE = [
    "a: 1\na: 2\n",  # duplicate key: libyaml's reader reports it
    "a: b: c\n", "a: *x\n", "a: &x 1\n", "a: !!str 1\n", "a: {b: 1}\n", "a: [b, [c]]\n",
    "a: folded\n  onto two lines\n", "a: >-\n  one\n    more indented\n", "a: >-\n  one\n\n  two\n",
    "a:\tb\n", "a: 1\r\n", "\ufeffa: 1\n", "---\na: 1\n", "%YAML 1.1\n---\na: 1\n", "? a\n: 1\n",
    "a: \"two\n  lines\"\n", "a: \"\\x41\"\n", "just text\n", "a: - b\n",
    "- - a\n", "a:\n  - b\n c: d\n", "a: [b, c] d\n", "a: 'x' y\n", "a: -\n", "a: |+\n  b\n",
    "a: \"x\\ny\"\n", "a: \"x\\ty\"\n",  # a tab or break in a one-line value: libyaml's reader refuses it
    "n: " + "9" * 4500 + "\n",  # past what Python turns into an integer
    "".join(" " * i + f"k{i}:\n" for i in range(101)) + " " * 101 + "v: 1\n",  # nested past MAX_DEPTH
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_plain_yaml_reads_as_expected_and_as_libyaml(text: str, expected: Any) -> None:
    fast = read_plain(text)
    assert fast == expected
    assert differences(fast, libyaml_data(text)) == []


@pytest.mark.parametrize("text", STEPS_ASIDE)
def test_everything_else_is_left_to_libyaml(text: str) -> None:
    assert read_plain(text) is NOT_PLAIN


def test_marks_point_at_keys_items_and_collections() -> None:
    data = read_plain("# c\nx:\n  facts:\n    - holds: y\n      source: [s1,  s2]\n")
    assert data.mark_of("x") == (2, 1)
    facts = data["x"]["facts"]
    assert (facts.line, facts.column) == (4, 5)
    assert facts.mark_of(0) == (4, 7)
    assert facts[0].mark_of("source") == (5, 7)
    assert (facts[0]["source"].line, facts[0]["source"].column) == (5, 15)
    assert facts[0]["source"].item_marks == [(5, 16), (5, 21)]


SIGNIFICANT = [" ", "  ", "-", "- ", ":", ": ", "#", " #", '"', "'", "[", "]", ",", "\n", ">-", "|", "&",
               "*", "!", "?", "~", "\\", "\\\"", "a", "1", "yes", "\t", "{", "}", "%", "@", "\u00a0", "é"]


def mutate(text: str, chance: random.Random) -> str:
    for _ in range(chance.randint(1, 2)):
        at = chance.randrange(len(text) + 1)
        action = chance.random()
        if action < 0.4:
            text = text[:at] + chance.choice(SIGNIFICANT) + text[at:]
        elif action < 0.7:
            text = text[:at] + text[at + chance.randint(1, 3):]
        else:
            text = text[:at] + chance.choice(SIGNIFICANT) + text[at + 1:]
    return text


@pytest.mark.slow
def test_mutated_files_read_as_libyaml_reads_them_or_step_aside() -> None:
    chance = random.Random(20261122)
    sources = [p.read_text(encoding="utf-8").split("\n") for p in SEED_FILES]
    answered = 0
    tried = 30000
    for _ in range(tried):
        lines = chance.choice(sources)
        start = chance.randrange(len(lines))
        text = mutate("\n".join(lines[start:start + chance.randint(2, 24)]), chance)
        fast = read_plain(text)
        if fast is NOT_PLAIN:
            continue
        answered += 1
        slow = libyaml_or_error(text)
        assert not isinstance(slow, Exception), f"fast reader answered where libyaml refused: {text!r}"
        assert differences(fast, slow) == [], text
    assert answered > tried // 10, answered  # the comparison covers many answers, not a few


def test_read_yaml_still_reports_what_libyaml_finds(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a: 1\nb: [x\nc: 2\n", encoding="utf-8")
    data, problems = read_yaml(path, "f.yaml")
    assert data is None
    assert [(p.file, p.line) for p in problems] == [("f.yaml", 3)]
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    data, problems = read_yaml(path, "f.yaml")
    assert [(p.line, p.message) for p in problems] == [(2, "duplicate key 'a' (first at line 1)")]
    assert yaml.__with_libyaml__


BOUNDARIES = [0x0, 0x8, 0x9, 0xB, 0xD, 0x1F, 0x20, 0x7E, 0x7F, 0x84, 0x85, 0x9F, 0xA0, 0x2027, 0x2028, 0x2029,
              0x202A, 0xD7FF, 0xE000, 0xFEFE, 0xFEFF, 0xFF00, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF]


@pytest.mark.parametrize("code", BOUNDARIES, ids=hex)
def test_characters_at_the_edges_of_what_yaml_allows(code: int) -> None:
    text = f"a: x{chr(code)}y\n"
    fast = read_plain(text)
    if fast is NOT_PLAIN:  # only what YAML forbids, or reads as a break or a tab
        assert code in (0x0, 0x8, 0x9, 0xB, 0xD, 0x1F, 0x7F, 0x84, 0x85, 0x9F, 0x2028, 0x2029, 0xFEFF,
                        0xFFFE, 0xFFFF)
    else:
        assert fast == {"a": f"x{chr(code)}y"}
        assert differences(fast, libyaml_data(text)) == []
