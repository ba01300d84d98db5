"""Quotes against stored texts: the normalised form both are compared in, the search, and the closest passage.

Normalising folds what a copy of a web page changes without changing its words: every run of white
space becomes one space, typographic quotes become ' and ", dashes and minus signs become -, and text
is compared in Unicode NFC (a letter and its accents written apart compose, as they would in NFC).
Case is kept unless the author writes `quote-case: ignore`.

A stored text is normalised once, as a `PreparedText`, however many quotes are looked for in it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate
from operator import add

from rapidfuzz import fuzz

_FOLD = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"}
_FOLD.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_FOLD.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_FOLDABLE = re.compile("[" + "".join(map(chr, _FOLD)) + "]")
_SPACES = re.compile(r"(\s+)")  # Python's re takes \s to be what str.isspace() is
_NOT_ASCII = re.compile(r"[^\x00-\x7f\s]")  # in a word
_HINT_WIDTH = 100  # the most characters of the closest passage a hint shows
_PROBE = 64  # characters of a quote placed in a text at once: rapidfuzz's fastest alignment takes up to 64


class Normalised:
    """A text in the form quotes are compared in, able to say where each of its characters came from."""

    def __init__(self, text: str, ignore_case: bool = False) -> None:
        folded = _FOLDABLE.sub(_fold_char, text)  # one character for one: the offsets stay those of `text`
        if ignore_case and folded.isascii():
            folded = folded.lower()
        parts: list[str] = _SPACES.split(folded)  # words at the even places, white space at the odd
        offsets: list[int] = [0, *accumulate(map(len, parts))]
        words, self._origins = parts[0::2], offsets[0::2]  # each word, and where it starts in `text`
        if words and not words[-1]:
            del words[-1], self._origins[-1]
        if words and not words[0]:
            del words[0], self._origins[0]
        self._clusters: dict[int, list[tuple[int, int]]] = {}  # beyond ASCII: (start, end) of each character
        beyond = {bisect_right(self._origins, match.start()) - 1 for match in _NOT_ASCII.finditer(folded)}
        for index in sorted(beyond):
            origin = self._origins[index]
            words[index], self._clusters[index] = _fold_word(text[origin:origin + len(words[index])], origin,
                                                             ignore_case)
        if ignore_case and not folded.isascii():
            words = [word if index in beyond else word.lower() for index, word in enumerate(words)]
        self._lengths: list[int] = list(map(len, words))
        # where each word starts in the normalised text: the words before it, and a space after each
        self._starts: list[int] = list(map(add, accumulate(self._lengths, initial=0), range(len(words))))
        self.text = " ".join(words)

    def span(self, index: int, length: int) -> tuple[int, int]:
        """The (start, end) in the original text of the `length` characters at `index` of the normalised one."""
        return self._start_of(index), self._end_of(index + length - 1)

    def _start_of(self, index: int) -> int:
        word = bisect_right(self._starts, index) - 1
        within = index - self._starts[word]
        if within >= self._lengths[word]:  # the space after the word
            return self._end_of(index - 1)
        clusters = self._clusters.get(word)
        return clusters[within][0] if clusters else self._origins[word] + within

    def _end_of(self, index: int) -> int:
        word = bisect_right(self._starts, index) - 1
        within = min(index - self._starts[word], self._lengths[word] - 1)
        clusters = self._clusters.get(word)
        return clusters[within][1] if clusters else self._origins[word] + within + 1


def _fold_char(match: re.Match[str]) -> str:
    return _FOLD[ord(match.group())]


def _fold_word(word: str, origin: int, ignore_case: bool) -> tuple[str, list[tuple[int, int]]]:
    """A word holding more than ASCII, folded, with the original (start, end) each folded character came from.

    Characters that compose in NFC (a letter and its accents written apart) are taken together, so a
    word in NFD folds to the same characters as the same word in NFC.
    """
    clusters: list[tuple[int, int]] = []
    for offset, char in enumerate(word):
        if clusters and _joins(word[clusters[-1][0]:offset], char):
            clusters[-1] = (clusters[-1][0], offset + 1)
        else:
            clusters.append((offset, offset + 1))
    folded: list[str] = []
    spans: list[tuple[int, int]] = []
    for start, end in clusters:
        part = unicodedata.normalize("NFC", word[start:end]).translate(_FOLD)
        part = part.casefold() if ignore_case else part
        folded.append(part)
        spans += [(origin + start, origin + end)] * len(part)
    return "".join(folded), spans


def _joins(cluster: str, char: str) -> bool:
    """Whether `char` belongs with the characters before it: a combining mark, or one NFC composes with them."""
    if unicodedata.combining(char):
        return True
    return len(unicodedata.normalize("NFC", cluster + char)) <= len(unicodedata.normalize("NFC", cluster))


def normalise(text: str, ignore_case: bool = False) -> Normalised:
    """Fold white space, typographic quotes and dashes, NFC (and case, if asked), keeping the offsets."""
    return Normalised(text, ignore_case)


class PreparedText:
    """A stored text normalised once (and once more without case, when a quote asks), to look for quotes in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._forms: dict[bool, Normalised] = {}

    def form(self, ignore_case: bool = False) -> Normalised:
        """The text normalised, with case kept or folded."""
        found = self._forms.get(ignore_case)
        if found is None:
            found = self._forms[ignore_case] = Normalised(self.text, ignore_case)
        return found

    def find(self, quote: str, ignore_case: bool = False) -> tuple[int, int] | None:
        """The (start, end) offsets of the passage `quote` matches once both are normalised, or None."""
        found = self.find_all(quote, ignore_case, first_only=True)
        return found[0] if found else None

    def find_all(self, quote: str, ignore_case: bool = False, first_only: bool = False) -> list[tuple[int, int]]:
        """The (start, end) offsets of every passage `quote` matches once both are normalised."""
        where = self.form(ignore_case)
        wanted = Normalised(quote, ignore_case).text
        found: list[tuple[int, int]] = []
        index = where.text.find(wanted) if wanted else -1
        while index >= 0:
            found.append(where.span(index, len(wanted)))
            if first_only:
                break
            index = where.text.find(wanted, index + 1)
        return found

    def closest(self, quote: str) -> str:
        """The passage most like the start of `quote`, in the normalised form (for a hint)."""
        text = self.form().text
        wanted = Normalised(quote).text[:2 * _HINT_WIDTH]
        if not text or not wanted:
            return ""
        start, score = 0, -1.0
        for at in sorted({0, max(0, len(wanted) - _PROBE)}):  # the quote's start and its end: one may be right
            alignment = fuzz.partial_ratio_alignment(wanted[at:at + _PROBE], text)
            if alignment is not None and alignment.score > score:
                start, score = max(0, alignment.dest_start - alignment.src_start - at), alignment.score
        first, last = _widened(text, max(0, start - len(wanted)), min(len(text), start + 2 * len(wanted)))
        near = fuzz.partial_ratio_alignment(wanted, text[first:last])  # the passage, placed to the character
        if near is not None:
            first, last = _widened(text, first + near.dest_start, first + near.dest_end)
        passage = text[first:last].strip()
        return passage if len(passage) <= _HINT_WIDTH else passage[:_HINT_WIDTH - 3].rstrip() + "..."


def find_quote(text: str, quote: str, ignore_case: bool = False) -> tuple[int, int] | None:
    """The (start, end) offsets in `text` of the passage `quote` matches once both are normalised, or None."""
    return PreparedText(text).find(quote, ignore_case)


def closest_passage(text: str, quote: str) -> str:
    """The passage of `text` most like the start of `quote`, in the normalised form (for a hint)."""
    return PreparedText(text).closest(quote)


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """Move `start` back and `end` on to the edges of the words they cut (by a hint's width at most)."""
    low, high = max(0, start - _HINT_WIDTH), min(len(text), end + _HINT_WIDTH)
    before, after = text.rfind(" ", low, start), text.find(" ", end, high)
    return before + 1 if before >= 0 else low, after if after >= 0 else high
