"""How much of each stored text the facts quote, the sentences left out on purpose, and what the facts rest on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LoadError, Problem, ValidationError, display_path
from ..load.values import suggest
from ..load.yamlfile import MarkedDict, MarkedList, read_yaml
from ..model.files import COVERAGE_FILE
from ..model.model import Fact, Model
from ..model.problems import Problems
from ..model.quotes import PreparedText

# A sentence ends at . ! or ? (a closing quote may follow) before white space and a capital, a digit
# or an opening quote; every line is a sentence of its own as well (headings, bylines, captions).
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”’]?)\s+(?=[A-Z0-9\"“‘(£])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a stored text, where it stands and why it is covered ('' if it is not)."""

    text: str
    start: int
    end: int
    covered_by: str = ""  # "quote" (a fact quotes it), "name" (only an entity's quote), or the reason it is left out


@dataclass
class TextCoverage:
    """One stored text: its sentences, each quoted, left out on purpose or neither."""

    source: str
    text_file: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def quoted(self) -> list[Sentence]:
        """The sentences some fact quotes: only these are covered by the graph's facts."""
        return [s for s in self.sentences if s.covered_by == QUOTED]

    @property
    def named(self) -> list[Sentence]:
        """The sentences only an entity's own quote quotes: named, no fact (counted among the missing)."""
        return [s for s in self.sentences if s.covered_by == NAMED]

    @property
    def left_out(self) -> list[Sentence]:
        """The sentences listed in the coverage file, with their reasons."""
        return [s for s in self.sentences if s.covered_by and s.covered_by not in (QUOTED, NAMED)]

    @property
    def missing(self) -> list[Sentence]:
        """The sentences no fact quotes and not left out on purpose (the named ones among them)."""
        return [s for s in self.sentences if not s.covered_by or s.covered_by == NAMED]

    @property
    def share(self) -> float:
        """The share of sentences covered, quoted or left out on purpose (1.0 for an empty text)."""
        return 1.0 if not self.sentences else 1 - len(self.missing) / len(self.sentences)


@dataclass
class Dependence:
    """What the facts rest on: one source, one publisher, no quote, or sources with no stored text."""

    facts: int = 0
    one_source: int = 0
    one_publisher: dict[str, int] = field(default_factory=dict)  # publisher -> facts resting on it alone
    derived: list[Fact] = field(default_factory=list)  # facts with no quote: their note says how
    outside: list[Fact] = field(default_factory=list)  # facts citing no source with a stored text


def sentences(text: str) -> list[tuple[str, int, int]]:
    """The sentences of `text`: (sentence, start, end), every line split at its sentence ends."""
    found: list[tuple[str, int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        bounds = [(0, 0)] + [(m.end(1), m.end()) for m in _SENTENCE_END.finditer(line)] + [(len(line), 0)]
        for (_, start), (end, _) in zip(bounds, bounds[1:], strict=False):
            part = line[start:end]
            if part.strip():
                lead = len(part) - len(part.lstrip())
                found.append((part.strip(), offset + start + lead, offset + start + len(part.rstrip())))
        offset += len(line)
    return found


QUOTED, NAMED = "quote", "name"  # a sentence a fact quotes; one only an entity's quote quotes
ENTRY_KEYS = ("sentence", "reason")  # what an entry of the coverage file holds
Passage = tuple[str, str, list[tuple[int, int]]]  # a passage left out, its reason, and everywhere it stands


def read_left_out(graph_dir: Path, model: Model) -> dict[str, list[Passage]]:
    """The coverage file: for each source, the passages left out on purpose with their reasons, checked."""
    path = graph_dir / COVERAGE_FILE
    if not path.exists():
        return {}
    shown = display_path(path, graph_dir)
    data, read = read_yaml(path, shown)
    problems = Problems(read)
    problems.raise_any()
    found: dict[str, list[Passage]] = {}
    if not isinstance(data, MarkedDict):
        raise ValidationError([Problem(shown, 1, 1, "the coverage file must map source ids to lists",
                                       "write 'my-source:' followed by '- sentence: ...' and 'reason: ...'")])
    for key, entries in data.items():
        where = data.mark_of(key)
        if key not in model.sources or not model.sources[key].text:
            texts = [k for k, s in model.sources.items() if s.text]
            hint = suggest(key, texts) or "one of: " + ", ".join(texts)
            problems.add(shown, where, f"'{key}' is not a source with a stored text", hint)
            continue
        if not isinstance(entries, MarkedList):
            problems.add(shown, where, f"'{key}' must list passages",
                         "write '- sentence: ...' with 'reason: ...' under it")
            continue
        found[key] = _entries(shown, PreparedText(model.sources[key].text), entries, problems)
    problems.raise_any()
    return found


def _entries(shown: str, text: PreparedText, entries: MarkedList, problems: Problems) -> list[Passage]:
    """The (passage, reason, mark) entries of one source, each passage found in its text."""
    found = []
    for index, entry in enumerate(entries):
        where = entries.mark_of(index)
        if isinstance(entry, MarkedDict):
            for key in (key for key in entry if key not in ENTRY_KEYS):
                problems.add(shown, entry.mark_of(key), f"unknown key '{key}' in a coverage entry",
                             suggest(key, ENTRY_KEYS) or "write only 'sentence:' and 'reason:'")
        passage = entry.get("sentence") if isinstance(entry, MarkedDict) else None
        reason = entry.get("reason") if isinstance(entry, MarkedDict) else None
        if not isinstance(passage, str) or not isinstance(reason, str) or not reason.strip():
            problems.add(shown, where, "an entry needs 'sentence:' and 'reason:', both text",
                         "write '- sentence: ...' and 'reason: ...' under it")
            continue
        passage = " ".join(passage.split())
        spans = text.find_all(passage)
        if not spans:
            problems.add(shown, entry.mark_of("sentence"), "sentence not found in the stored text",
                         "copy the words as the text has them")
            continue
        found.append((passage, " ".join(reason.split()), spans))
    return found


def _quoted_spans(model: Model, key: str, facts: bool = True) -> list[tuple[int, int]]:
    """Where in source `key`'s text the quotes of its facts (or, `facts` false, of its entities) stand."""
    text = PreparedText(model.sources[key].text)
    if facts:
        quotes = {f.quote for f in model.facts if f.quote and key in f.sources}
    else:
        quotes = {e.quote for e in model.entities.values() if e.quote and key in e.sources}
    spans = []
    for quote in sorted(quotes):  # a quote covers its words wherever they stand (a heading printed twice)
        found = text.find_all(quote)
        span = None if found else text.find(quote, ignore_case=True)
        spans += found if found else [span] if span is not None else []
    return spans


def text_coverage(graph_dir: Path, model: Model, only: str | None = None) -> list[TextCoverage]:
    """For each stored text (or only source `only`), which sentences are quoted, left out or neither."""
    stored = [key for key, source in sorted(model.sources.items()) if source.text]
    if only is not None and only not in stored:
        hint = suggest(only, stored) or "one of: " + ", ".join(stored)
        raise LoadError(f"no source '{only}' with a stored text ({hint})")
    left_out = read_left_out(graph_dir, model)
    result = []
    for key in [only] if only else stored:
        spans, names = _quoted_spans(model, key), _quoted_spans(model, key, facts=False)
        coverage = TextCoverage(key, model.sources[key].text_file)
        for text, start, end in sentences(model.sources[key].text):
            reason = next((r for _, r, spans in left_out.get(key, []) for a, b in spans if a < end and start < b), "")
            if any(a < end and start < b for a, b in spans):
                reason = QUOTED
            elif not reason and any(a < end and start < b for a, b in names):
                reason = NAMED
            coverage.sentences.append(Sentence(text, start, end, reason))
        result.append(coverage)
    return result


def dependence(model: Model) -> Dependence:
    """What the facts rest on: how many on one source or one publisher, which are derived or unstored."""
    report = Dependence(facts=len(model.facts))
    for fact in model.facts:
        sources = [model.sources[key] for key in fact.sources if key in model.sources]
        if len(sources) == 1:
            report.one_source += 1
        publishers = {source.publisher or f"{source.key} (no publisher named)" for source in sources}
        if len(publishers) == 1:
            name = publishers.pop()
            report.one_publisher[name] = report.one_publisher.get(name, 0) + 1
        if not fact.quote:
            report.derived.append(fact)
        if not any(source.text for source in sources):
            report.outside.append(fact)
    return report
