"""The review step: what a draft leaves undecided, and its accepted entities and facts moved into a fact file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_atomic
from ..errors import LoadError, Problem, ValidationError, display_path
from ..load.yamlfile import MarkedDict, MarkedList, read_yaml
from ..model.checking import load_model
from .draftfile import UNDECIDED, draft_path

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
            problems.append(Problem(sheet.shown, line_, column, f"fact accepted on entity '{key}', which is "
                                    f"{block.decision}", f"accept '{key}' too, or reject this fact"))
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


def accept(graph_dir: Path, source_id: str) -> Accepted:
    """Write the accepted proposals of the draft into graph/articles/SOURCE.yaml, or nothing if they do not validate."""
    sheet = read_worksheet(graph_dir, source_id)
    lines, origin, entities, facts = _accepted_lines(sheet)
    if not facts and not entities:
        raise LoadError(f"nothing is accepted in {sheet.shown}: set `review: accept` on what should be published")
    target = graph_dir / ARTICLES / f"{source_id}.yaml"
    old = target.read_bytes() if target.exists() else None
    header = f"# Facts of source '{source_id}', accepted from {sheet.shown} by `wmgraph accept`.\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, (header + "\n".join(lines) + "\n").encode("utf-8"))
    try:
        load_model(graph_dir)
    except ValidationError as error:
        if old is None:
            target.unlink()
        else:
            write_atomic(target, old)
        raise ValidationError(_mapped(error.problems, display_path(target, graph_dir), sheet.shown, origin)) from None
    return Accepted(target, entities, facts, sheet.count(UNDECIDED))


def _accepted_lines(sheet: Worksheet) -> tuple[list[str], list[int], int, int]:
    """The lines of the accepted blocks and facts, without review lines, and the draft line each comes from."""
    lines: list[str] = []
    origin: list[int] = []
    entities = facts = 0
    for block in sheet.blocks:
        chosen = [(a, b) for a, b, decision in block.facts if decision == "accept"]
        if block.decision != "accept" or (not block.new and not chosen):
            continue
        entities += block.new
        facts += len(chosen)
        numbers = list(range(*block.head)) + [n for a, b in chosen for n in range(a, b)]
        kept = [n for n in numbers if not sheet.lines[n - 1].strip().startswith(("review:", "#"))
                and sheet.lines[n - 1].strip()]
        if not chosen:
            kept = [n for n in kept if sheet.lines[n - 1].strip() != "facts:"]
        if lines:
            lines.append("")
            origin.append(0)
        lines += [sheet.lines[n - 1] for n in kept]
        origin += kept
    return lines, origin, entities, facts


def _mapped(problems: list[Problem], written: str, draft: str, origin: list[int]) -> list[Problem]:
    """Problems found in the written file, placed at the draft lines they came from."""
    mapped = []
    for problem in problems:
        index = problem.line - 2  # the written file opens with one header line
        if problem.file == written and 0 <= index < len(origin) and origin[index]:
            problem = Problem(draft, origin[index], problem.column, problem.message, problem.hint)
        mapped.append(problem)
    return mapped
