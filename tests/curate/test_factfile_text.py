"""The fact-file text `import` writes reads back, through the YAML reader, as the marked values written with it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from wmgraph.curate.factfile_text import FactFileText, scalar
from wmgraph.load.yamlfile import MarkedDict, MarkedList, read_yaml

HEADER = "# Imported from grants.csv by `wmgraph import` with map.yaml\n# import it again.\n"
HOSTILE = ['say "hi"', "back\\slash", "C:\\new", "#not a comment", "key: value", "- item", "[a, b]", "{a: b}",
           "'single'", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "yes", "No", "null", "~", "true",
           "2024-03-01", "12:30", "1e3", "0x1F", "0o17", "017", "+5", ".5", ".inf", ".NaN", "1_000", "", " ",
           " padded ", "café ünïcode", "💡 bulb", "עברית", "a\u00a0b", "end:", "?", "|", ">", "---", "...", "ok"]
NUMBERS: list[object] = [0, 7, -3, 1200000, 10**30, Decimal("1.5"), Decimal("-0.25"), Decimal("1.0"), Decimal("1.00"),
                         Decimal("1E+3"), Decimal("0.1"), True, False, None]


def _blocks() -> list[tuple[str, dict[str, object]]]:
    facts: list[dict[str, object]] = [{"based-in": "coventry", "source": "t", "cell": "grants.csv#C2"}]
    facts += [{"investment": None, "amount": number, "note": text, "source": "t"}
              for number, text in zip(NUMBERS, HOSTILE, strict=False)]
    return [
        ("acme", {"extend": False, "type": "company", "name": "Acme \"Robotics\" Ltd", "aliases": HOSTILE,
                  "description": "A: b # c", "facts": facts}),
        ("birmingham", {"extend": True, "type": "city", "name": "Birmingham", "aliases": ["Brum"], "description": "x",
                        "facts": []}),
        ("widget", {"extend": False, "type": "company", "name": "yes", "aliases": [], "description": "",
                    "facts": [{"partners-with": "acme", "as-of": "2024-03", "source": "t"}]}),
    ]


def _same(written: Any, read: Any, where: str = "") -> None:
    """`written` and `read` hold the same values of the same types, and every mark is the same."""
    assert type(written) is type(read), where
    if isinstance(read, MarkedDict):
        assert (written.line, written.column) == (read.line, read.column), where
        assert list(written) == list(read) and written.key_marks == read.key_marks, where
        for key in read:
            _same(written[key], read[key], f"{where}/{key}")
    elif isinstance(read, MarkedList):
        assert (written.line, written.column, written.item_marks) == (read.line, read.column, read.item_marks), where
        assert len(written) == len(read), where
        for index, item in enumerate(read):
            _same(written[index], item, f"{where}/{index}")
    else:
        assert written == read and str(written) == str(read), where


def test_the_values_written_are_the_values_read_marks_included(tmp_path: Path) -> None:
    text = FactFileText(HEADER)
    for ident, block in _blocks():
        text.add_entity(ident, block, "t")
    assert text.plain
    read, problems = read_yaml(tmp_path / "x.yaml", "x.yaml", raw=text.text.encode("utf-8"))
    assert problems == []
    _same(text.values, read)
    assert text.text.startswith(HEADER + "acme:\n  type: company\n  name: \"Acme \\\"Robotics\\\" Ltd\"\n  aliases:\n")
    assert "\n  extend: true\n" in text.text


def test_a_file_of_comments_only_reads_as_nothing() -> None:
    text = FactFileText(HEADER)
    assert (text.text, text.values, text.plain) == (HEADER, None, True)


@pytest.mark.parametrize("value", ["tab\there", "line\nbreak", "bell\x07", "del\x7f", "next\x85line", "sep\u2028",
                                   "bom\ufeff", "nul\x00"])
def test_a_value_the_reader_refuses_or_may_read_otherwise_leaves_the_file_to_the_reader(value: str) -> None:
    text = FactFileText(HEADER)
    text.add_entity("acme", {"extend": False, "type": "company", "name": value, "aliases": [], "description": "",
                             "facts": []}, "t")
    assert not text.plain
    assert FactFileText(f"# from {value}.csv\n").plain is False


def test_a_header_that_is_not_all_comments_is_left_to_the_reader() -> None:
    assert not FactFileText("# one\nkey: value\n").plain


def test_scalars_quote_what_yaml_would_read_otherwise() -> None:
    assert [scalar(v) for v in ("coventry", "yes", "Acme Ltd", 'a"b', 5, Decimal("1.5"), Decimal("1E+3"), None,
                                True)] == ["coventry", '"yes"', '"Acme Ltd"', '"a\\"b"', "5", "1.5", '"1E+3"', "~",
                                           "true"]
