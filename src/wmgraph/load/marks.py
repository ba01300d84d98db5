"""Mappings and sequences read from a fact file that remember where each key and item stands."""

from __future__ import annotations

from typing import Any


class MarkedDict(dict[Any, Any]):
    """A mapping from a fact file that remembers where each key stands."""

    line: int = 0
    column: int = 0
    key_marks: dict[Any, tuple[int, int]]

    @classmethod
    def at(cls, line: int, column: int) -> MarkedDict:
        """An empty mapping that starts at `line`, `column`."""
        made = cls()
        made.line, made.column, made.key_marks = line, column, {}
        return made

    def mark_of(self, key: Any) -> tuple[int, int]:
        """Return the (line, column) of `key`, or of the mapping itself if absent."""
        return self.key_marks.get(key, (self.line, self.column))


class MarkedList(list[Any]):
    """A sequence from a fact file that remembers where each item stands."""

    line: int = 0
    column: int = 0
    item_marks: list[tuple[int, int]]

    @classmethod
    def at(cls, line: int, column: int) -> MarkedList:
        """An empty sequence that starts at `line`, `column`."""
        made = cls()
        made.line, made.column, made.item_marks = line, column, []
        return made

    def mark_of(self, index: int) -> tuple[int, int]:
        """Return the (line, column) of item `index`."""
        if 0 <= index < len(self.item_marks):
            return self.item_marks[index]
        return (self.line, self.column)
