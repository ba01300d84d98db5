"""Where each quote stands in its source's stored text, for the page's provenance panel and reader.

The passage is found when the page is built, with the checker's own normalising (`model/quotes.py`:
white space collapsed, typographic quotes and dashes made plain), so the page's script only slices
the text at the offsets it is given. Offsets count UTF-16 code units, as JavaScript strings do.

- texts: the stored text of each source, in the order of `sources` (null: none); each text is in the
  page once, however many quotes it holds. Left out when no source has a text (big generated graphs).
- fact_quotes, entity_quotes: `[place, quote, source, sentence start, start, end, sentence end]`, one
  row per fact (place in `facts`) or entity (place in `entities`) with a quote; `source` is the place
  in `sources` of the text it was found in. A quote found in no stored text is `[place, quote]`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from ..model.model import Model
from ..model.quotes import PreparedText

# Where a sentence ends: after . ! or ? (and closing quotes or brackets) before white space, or at a line end.
SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*(?=\s)|(?=\n)")

Json = dict[str, Any]
Row = list[Any]


class _Text:
    """One stored text, normalised once (and once more without case, if a quote needs it)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.prepared = PreparedText(text)
        self.ends = sorted({match.end() for match in SENTENCE_END.finditer(text)})
        wide = len(text.encode("utf-16-le")) // 2 != len(text)  # characters beyond the BMP count twice in JS
        self.units: list[int] | None = None
        if wide:
            self.units = [0]
            for char in text:
                self.units.append(self.units[-1] + (2 if ord(char) > 0xFFFF else 1))

    def find(self, quote: str) -> tuple[int, int] | None:
        """The (start, end) of the passage the quote matches, case kept, then ignored (as the checker does)."""
        return self.prepared.find(quote) or self.prepared.find(quote, ignore_case=True)

    def offsets(self, start: int, end: int) -> list[int]:
        """Sentence start, start, end and sentence end of the passage, in UTF-16 code units."""
        before = self.ends[bisect_right(self.ends, start) - 1] if bisect_right(self.ends, start) else 0
        while before < start and self.text[before].isspace():
            before += 1
        after_place = bisect_left(self.ends, end)
        after = self.ends[after_place] if after_place < len(self.ends) else len(self.text)
        places = [before, start, end, after]
        units = self.units
        return places if units is None else [units[place] for place in places]


def passages(model: Model, source_keys: Sequence[str], entity_keys: Sequence[str],
             facts: Iterable[Any]) -> Json:
    """The stored texts and where each quote of these entities and facts is in them (nothing if no texts)."""
    stored = [model.sources[key].text for key in source_keys]
    if not any(stored):
        return {}
    texts = {place: _Text(text) for place, text in enumerate(stored) if text}
    source_place = {key: place for place, key in enumerate(source_keys)}

    def row(place: int, quote: str, sources: Sequence[str]) -> Row:
        for key in sources:
            text = texts.get(source_place.get(key, -1))
            found = text.find(quote) if text is not None else None
            if text is not None and found is not None:
                return [place, quote, source_place[key], *text.offsets(*found)]
        return [place, quote]

    entities = model.entities
    return {
        "texts": [text or None for text in stored],
        "fact_quotes": [row(place, fact.quote, fact.sources) for place, fact in enumerate(facts) if fact.quote],
        "entity_quotes": [row(place, entities[key].quote, entities[key].sources)
                          for place, key in enumerate(entity_keys) if entities[key].quote],
    }
