"""The work queue of a stored text: the sentences no fact quotes, with the names found in them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..analysis.coverage import text_coverage
from ..model.model import Model
from .draft import draft_text


@dataclass(frozen=True)
class ToDo:
    """One sentence left to do: its words, and the names in it as (words, entity id or '', known)."""

    sentence: str
    names: tuple[tuple[str, str, bool], ...]


def todo(graph_dir: Path, model: Model, source: str | None) -> list[tuple[str, str, list[ToDo]]]:
    """For each stored text (or `source`'s): (source, text file, the sentences neither quoted nor left out)."""
    result = []
    for text in text_coverage(graph_dir, model, source):
        stored = model.sources[text.source]
        draft = draft_text(model, text.source, stored.text, stored.date)
        left = []
        for sentence in text.missing:
            names = tuple(dict.fromkeys((m.words, m.key if m.known else "", m.known) for m in draft.mentions
                                        if sentence.start <= m.start and m.end <= sentence.end
                                        and m.rule != "reference"))
            left.append(ToDo(sentence.text, names))
        result.append((text.source, text.text_file, left))
    return result
