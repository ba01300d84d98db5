"""The review step: what a draft leaves undecided, and its accepted entities and facts moved into a fact file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_atomic
from ..errors import LoadError, Problem, ValidationError, display_path
from ..load.values import suggest
from ..load.yamlfile import MarkedDict, MarkedList, read_yaml
from ..model.checking import check_file, load_model, load_pieces, model_with
from .draftfile import UNDECIDED, draft_path
from .merged_ids import followed, merged_into

DECISIONS = (UNDECIDED, "accept", "reject")
ARTICLES = "articles"


@dataclass(frozen=True)
class Item:
    """One proposal of a draft: an entity or a fact, where it stands and what the reviewer decided."""

    kind: str  # "entity" or "fact"
    entity: str
    label: str
    line: int
    column: int
    decision: str


@dataclass
class Block:
    """One entity block of the draft: its lines, and the line ranges of its facts with their decisions."""

    key: str
    new: bool  # a candidate (with type and name), not an extend block
    decision: str
    head: tuple[int, int]  # lines [start, end) before the first fact
    facts: list[tuple[int, int, str]] = field(default_factory=list)  # [start, end) and decision


@dataclass
class Worksheet:
    """A draft read for review: its lines, items and blocks."""

    path: Path
    shown: str
    lines: list[str]
    items: list[Item] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def count(self, decision: str) -> int:
        """How many proposals have `decision`."""
        return sum(1 for item in self.items if item.decision == decision)


def read_worksheet(graph_dir: Path, source_id: str) -> Worksheet:
    """The draft of `source_id` read for review; raise if there is none or a decision is not one of DECISIONS."""
    path = draft_path(graph_dir, source_id)
    shown = display_path(path, graph_dir)
    if not path.is_file():
        sources = load_model(graph_dir).sources
        if source_id not in sources:
            hint = suggest(source_id, sources) or "add its article with `wmgraph add-source FILE --id ID`"
            raise LoadError(f"unknown source '{source_id}' ({hint})")
        raise LoadError(f"no draft {shown}: run `wmgraph draft {source_id}` first")
    data, problems = read_yaml(path, shown)
    if problems:
        raise ValidationError(problems)
    if not isinstance(data, MarkedDict):
        raise ValidationError([Problem(shown, 1, 1, "a draft must map entity ids to entity blocks")])
    sheet = Worksheet(path, shown, path.read_text(encoding="utf-8").split("\n"))
    starts = sorted(data.mark_of(key)[0] for key in data) + [len(sheet.lines) + 1]
    for key, entry in data.items():
        line = data.mark_of(key)[0]
        end = next(s for s in starts if s > line)
        sheet.blocks.append(_block(sheet, str(key), entry, line, end, problems))
    if problems:
        raise ValidationError(problems)
    return sheet


def _block(sheet: Worksheet, key: str, entry: object, line: int, end: int, problems: list[Problem]) -> Block:
    entry = entry if isinstance(entry, MarkedDict) else MarkedDict.at(line, 1)
    new = "type" in entry
    decision = _decision(sheet, entry, problems) if new else "accept"
    facts = entry.get("facts")
    facts = facts if isinstance(facts, MarkedList) else MarkedList.at(line, 1)
    first = facts.mark_of(0)[0] if facts else end
    block = Block(key, new, decision, (line, first))
    if new:
        sheet.items.append(Item("entity", key, f"{entry.get('type')} '{entry.get('name')}'", *entry.mark_of("review"),
                                decision))
    for index, fact in enumerate(facts):
        start = facts.mark_of(index)[0]
        stop = facts.mark_of(index + 1)[0] if index + 1 < len(facts) else end
        fact = fact if isinstance(fact, MarkedDict) else MarkedDict.at(start, 1)
        fact_decision = _decision(sheet, fact, problems)
        relation = next(iter(fact), "?")
        value = fact.get(relation)
        label = relation if value is None else f"{relation}: {value}"
        sheet.items.append(Item("fact", key, label, *fact.mark_of("review"), fact_decision))
        if fact_decision == "accept" and block.decision != "accept":
            line_, column = fact.mark_of("review")
            said = "rejected" if block.decision == "reject" else block.decision
            problems.append(Problem(sheet.shown, line_, column, f"fact accepted on entity '{key}', which is {said}",
                                    f"accept '{key}' too, or reject this fact"))
        block.facts.append((start, stop, fact_decision))
    return block


def _decision(sheet: Worksheet, entry: MarkedDict, problems: list[Problem]) -> str:
    value = entry.get("review", UNDECIDED)
    if value not in DECISIONS:
        line, column = entry.mark_of("review")
        problems.append(Problem(sheet.shown, line, column, f"review: '{value}' is not a decision",
                                "write accept, reject or undecided"))
        return UNDECIDED
    return str(value)


@dataclass(frozen=True)
class Accepted:
    """What `accept` wrote: the fact file, and how many entities and facts it holds."""

    path: Path
    entities: int
    facts: int
    undecided: int
    merged: dict[str, str] = field(default_factory=dict)  # merged ids the draft named: the entity now named


def accept(graph_dir: Path, source_id: str) -> Accepted:
    """Merge the draft's accepted proposals into graph/articles/SOURCE.yaml, written only if the result validates."""
    sheet = read_worksheet(graph_dir, source_id)
    model, pieces = load_pieces(graph_dir)
    blocks, followed_ids = _follow_merges(_accepted_blocks(sheet), merged_into(model))
    entities = sum(1 for block in blocks if block.new)
    facts = sum(len(block.facts) for block in blocks)
    if not facts and not entities:
        raise LoadError(f"nothing is accepted in {sheet.shown}: set `review: accept` on what should be published")
    target = graph_dir / ARTICLES / f"{source_id}.yaml"
    header = f"# Facts of source '{source_id}', accepted from {sheet.shown} by `wmgraph accept`."
    existing = target.read_text(encoding="utf-8").rstrip("\n").split("\n") if target.exists() else [header]
    merged, added_entities, added_facts = merge_article(existing, blocks)
    text = "\n".join(line for line, _ in merged) + "\n"
    shown = display_path(target, graph_dir)
    try:
        model_with(graph_dir, {target: check_file(model.vocabulary, target, shown, raw=text.encode("utf-8"))}, pieces)
    except ValidationError as error:
        raise ValidationError(_mapped(error.problems, shown, sheet.shown, [origin for _, origin in merged])) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"))
    return Accepted(target, added_entities, added_facts, sheet.count(UNDECIDED), followed_ids)


def _follow_merges(blocks: list[Chosen], merged: dict[str, str]) -> tuple[list[Chosen], dict[str, str]]:
    """The accepted blocks with each merged id, as a block or a fact's value, naming the entity it was merged into."""
    named: dict[str, str] = {}
    for block in blocks:
        keep = merged.get(block.key)
        if keep is not None:
            named[block.key] = keep
            line = block.head[0][1] if block.head else 0
            block.key, block.new = keep, False
            block.head = [(f"{keep}:", line), ("  extend: true", line)]
        for fact in block.facts:
            for at, (text, line) in enumerate(fact):
                text, old = followed(text, merged)
                if old is not None:
                    named[old] = merged[old]
                    fact[at] = (text, line)
    return [block for block in blocks if block.new or block.facts], named


@dataclass
class Chosen:
    """An accepted entity block of the draft: its head lines and its accepted facts, each line with its draft line."""

    key: str
    new: bool
    head: list[tuple[str, int]]
    facts: list[list[tuple[str, int]]]


def _accepted_blocks(sheet: Worksheet) -> list[Chosen]:
    """The accepted blocks and facts, without review lines and comments, each line with its draft line."""
    def kept(numbers: range) -> list[tuple[str, int]]:
        return [(sheet.lines[n - 1], n) for n in numbers
                if sheet.lines[n - 1].strip() and not sheet.lines[n - 1].strip().startswith(("review:", "#"))]
    chosen = []
    for block in sheet.blocks:
        facts = [kept(range(a, b)) for a, b, decision in block.facts if decision == "accept"]
        if block.decision != "accept" or (not block.new and not facts):
            continue
        head = [(line, n) for line, n in kept(range(*block.head)) if line.strip() != "facts:"]
        chosen.append(Chosen(block.key, block.new, head, facts))
    return chosen


def merge_article(existing: list[str], blocks: list[Chosen]) -> tuple[list[tuple[str, int]], int, int]:
    """`existing` article lines with `blocks` merged in (nothing dropped, nothing added twice), and what was added."""
    merged: list[tuple[str, int]] = [(line, 0) for line in existing]
    entities = facts = 0
    for block in blocks:
        starts = [i for i, (line, _) in enumerate(merged) if re.match(r"[^\s#][^:]*:", line)]
        at = next((i for i in starts if merged[i][0].split(":")[0].strip() == block.key), None)
        if at is None:
            merged += [("", 0), *block.head, *([("  facts:", 0)] if block.facts else [])]
            merged += [line for fact in block.facts for line in fact]
            entities += block.new
            facts += len(block.facts)
            continue
        end = next((i for i in starts if i > at), len(merged))
        while end > at + 1 and not merged[end - 1][0].strip():
            end -= 1
        present = "\n".join(line.strip() for line, _ in merged[at:end])
        new = [fact for fact in block.facts if "\n".join(line.strip() for line, _ in fact) not in present]
        if not new:
            continue
        has_facts = any(line.strip() == "facts:" for line, _ in merged[at:end])
        insert = ([] if has_facts else [("  facts:", 0)]) + [line for fact in new for line in fact]
        merged[end:end] = insert
        facts += len(new)
    return merged, entities, facts


def _mapped(problems: list[Problem], written: str, draft: str, origin: list[int]) -> list[Problem]:
    """Problems found in the written file, placed at the draft lines they came from."""
    mapped = []
    for problem in problems:
        index = problem.line - 1
        if problem.file == written and 0 <= index < len(origin) and origin[index]:
            problem = Problem(draft, origin[index], problem.column, problem.message, problem.hint)
        mapped.append(problem)
    return mapped
