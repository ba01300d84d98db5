"""Fact-file text written by `import`: entity blocks and a source entry, deterministic and in plain block YAML.

The entity blocks are written with the marked values the YAML reader makes of them (`FactFileText`),
so that `import` checks the file it writes without parsing it again.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

from ..load.marks import MarkedDict, MarkedList
from ..load.scalars import ScalarError, plain_scalar

_PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?\Z")
_PLAIN_SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")
_JSON_ESCAPED = re.compile('[\\\\"\\x00-\\x1f]')  # what json.dumps escapes (ensure_ascii=False)
_TYPED_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "null"}  # YAML 1.1 would type these
ENTITY_ORDER = ("type", "name", "aliases", "description")
# What the reader refuses in a file or a value, or reads otherwise than written (a byte-order mark):
# text holding one is left to the reader.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def scalar(value: object) -> str:
    """A value as a YAML scalar: numbers and booleans plain, '~' for none, text double-quoted."""
    if type(value) is str:
        text = value
    elif value is None:
        return "~"
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, int | Decimal) and _PLAIN_NUMBER.match(str(value)):
        return str(value)
    else:
        text = str(value)
    if _PLAIN_SLUG.match(text) and text not in _TYPED_WORDS:
        return text
    if _JSON_ESCAPED.search(text) is None:
        return f'"{text}"'  # what json.dumps writes for text with nothing to escape
    return json.dumps(text, ensure_ascii=False)


class FactFileText:
    """A fact file's text, written line by line with the marked values the YAML reader makes of it.

    The text holds only block mappings and lists of plain slugs, plain numbers and JSON-quoted text,
    so each value is known as the reader types it (`plain_scalar`, the reader's own) and each mark
    as it places it. Text the reader would refuse or might read otherwise (a control character, a
    number it cannot type) sets `plain` False: such a file is left to the reader.
    """

    def __init__(self, header: str) -> None:
        self.lines = header.split("\n")[:-1] if header.endswith("\n") else header.split("\n")
        self.values: MarkedDict | None = None  # None for a file of comments only, as the reader gives
        self.plain = all(line.startswith("#") and not _UNSAFE.search(line) for line in self.lines)
        self._known: dict[tuple[type, str], tuple[str, object, bool]] = {}

    @property
    def text(self) -> str:
        """The file's text."""
        return "\n".join(self.lines) + "\n" if self.lines else ""

    def _scalar(self, value: object) -> tuple[str, object]:
        """The value as written, and as the reader reads it back (each value a file repeats worked out once)."""
        key = (type(value), str(value))  # not the value: True == 1, and Decimal('1.0') == Decimal('1.00')
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._read_back(value)
        text, read, plain = known
        if not plain:
            self.plain = False
        return text, read

    def _read_back(self, value: object) -> tuple[str, object, bool]:
        text = scalar(value)
        if text.startswith('"'):
            read = str(value)
            return text, read, _UNSAFE.search(read) is None
        try:
            return text, plain_scalar(text), True
        except ScalarError:
            return text, text, False

    def _field(self, entry: MarkedDict, key: str, value: object) -> None:
        text, entry[key] = self._scalar(value)
        self.lines.append(f"  {key}: {text}")
        entry.key_marks[key] = (len(self.lines), 3)

    def _list(self, entry: MarkedDict, key: str) -> MarkedList:
        self.lines.append(f"  {key}:")
        entry.key_marks[key] = (len(self.lines), 3)
        entry[key] = items = MarkedList.at(len(self.lines) + 1, 5)
        return items

    def add_entity(self, ident: str, block: dict[str, object], source: str) -> None:
        """One entity's block: its own entry, or an `extend: true` block for an entity defined elsewhere."""
        lines, read_back = self.lines, self._scalar
        lines.append(f"{ident}:")
        if self.values is None:
            self.values = MarkedDict.at(len(lines), 1)
        self.values.key_marks[ident] = (len(lines), 1)
        self.values[ident] = entry = MarkedDict.at(len(lines) + 1, 3)
        for key, value in [("extend", True)] if block["extend"] else [("type", block["type"]), ("name", block["name"])]:
            self._field(entry, key, value)
        aliases, facts = block["aliases"], block["facts"]
        assert isinstance(aliases, list) and isinstance(facts, list)
        if aliases:  # a block list: each alias on a line a reviewer can delete
            items = self._list(entry, "aliases")
            for alias in aliases:
                text, read = read_back(alias)
                lines.append(f"    - {text}")
                items.item_marks.append((len(lines), 7))
                items.append(read)
        if block["description"] and not block["extend"]:
            self._field(entry, "description", block["description"])
        self._field(entry, "source", source)
        if facts:
            items = self._list(entry, "facts")
        for fact in facts:
            written = MarkedDict.at(len(lines) + 1, 7)
            marks, lead = written.key_marks, "    - "
            for key, value in fact.items():
                text, written[key] = read_back(value)
                lines.append(f"{lead}{key}: {text}")
                marks[key], lead = (len(lines), 7), "      "
            items.append(written)
            items.item_marks.append((written.line, 7))


def source_block(fields: dict[str, str], table: str) -> str:
    """The table's entry in sources.yaml."""
    lines = [f"{fields['id']}:", f"  title: {scalar(fields.get('title') or table)}"]
    for key in ("publisher", "date", "url"):
        if fields.get(key):
            lines.append(f"  {key}: {scalar(fields[key])}")
    lines.append(f"  note: {scalar(fields.get('note') or f'The table {table}, imported by wmgraph import.')}")
    return "\n".join(lines) + "\n"
