"""Quotes against stored texts: the normalised form both are compared in, the search, and the closest passage.

Normalising folds what a copy of a web page changes without changing its words: every run of white
space becomes one space, typographic quotes become ' and ", dashes and minus signs become -, and text
is compared in Unicode NFC. Case is kept unless the author writes `quote-case: ignore`.
"""

from __future__ import annotations

import difflib
import unicodedata
from typing import NamedTuple

_FOLD = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"}
_FOLD.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_FOLD.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_HINT_WIDTH = 100  # the most characters of the closest passage a hint shows


class Normalised(NamedTuple):
    """A text in the form quotes are compared in, with where each of its characters came from."""

    text: str
    starts: tuple[int, ...]  # for each character of `text`, its offset in the original


def normalise(text: str, ignore_case: bool = False) -> Normalised:
    """Fold white space, typographic quotes and dashes (and case, if asked), keeping the offsets."""
    chars: list[str] = []
    starts: list[int] = []
    space = True  # leading white space is dropped
    for offset, char in enumerate(text):
        if char.isspace():
            if not space:
                chars.append(" ")
                starts.append(offset)
            space = True
            continue
        space = False
        folded = unicodedata.normalize("NFC", char).translate(_FOLD)
        if ignore_case:
            folded = folded.casefold()
        for part in folded:
            chars.append(part)
            starts.append(offset)
    if chars and chars[-1] == " ":
        chars.pop()
        starts.pop()
    return Normalised("".join(chars), tuple(starts))


def find_quote(text: str, quote: str, ignore_case: bool = False) -> tuple[int, int] | None:
    """The (start, end) offsets in `text` of the passage `quote` matches once both are normalised, or None."""
    found = find_all(text, quote, ignore_case, first_only=True)
    return found[0] if found else None


def find_all(text: str, quote: str, ignore_case: bool = False, first_only: bool = False) -> list[tuple[int, int]]:
    """The (start, end) offsets in `text` of every passage `quote` matches once both are normalised."""
    where = normalise(text, ignore_case)
    wanted = normalise(quote, ignore_case).text
    found: list[tuple[int, int]] = []
    index = where.text.find(wanted) if wanted else -1
    while index >= 0:
        found.append((where.starts[index], where.starts[index + len(wanted) - 1] + 1))
        if first_only:
            break
        index = where.text.find(wanted, index + 1)
    return found


def closest_passage(text: str, quote: str) -> str:
    """The passage of `text` most like `quote`, as written there but on one line (for a hint)."""
    where = normalise(text)
    wanted = normalise(quote).text
    if not where.text or not wanted:
        return ""
    matcher = difflib.SequenceMatcher(None, where.text, wanted, autojunk=False)
    best = (0.0, 0, 0)
    for block in matcher.get_matching_blocks()[:-1]:
        start = max(0, block.a - block.b)
        end = min(len(where.text), start + len(wanted))
        start, end = _widened(where.text, start, end)
        ratio = difflib.SequenceMatcher(None, where.text[start:end], wanted, autojunk=False).ratio()
        if ratio > best[0]:
            best = (ratio, start, end)
    passage = where.text[best[1]:best[2]]
    return passage if len(passage) <= _HINT_WIDTH else passage[:_HINT_WIDTH - 3].rstrip() + "..."


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """Move `start` back and `end` on to the edges of the words they cut."""
    while start > 0 and text[start - 1] != " ":
        start -= 1
    while end < len(text) and text[end] != " ":
        end += 1
    return start, end
