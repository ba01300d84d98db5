"""A draft as a reviewer left it: each entity block and fact with its lines, decision and whether it was edited."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, ValidationError
from ..load.yamlfile import MarkedDict, MarkedList, read_yaml
from .draftfile import MARK, UNDECIDED, fingerprint

AGAIN = "correct it, or move the draft aside to draft afresh"


@dataclass
class OldFact:
    """A fact of the old draft: what it says now, its lines, the reviewer's decision, and its code as drafted."""

    subject: str
    relation: str
    object: str | None
    quote: str
    lines: list[str]
    decision: str
    code: str  # the digest written when it was drafted ('' if the reviewer removed it)
    edited: bool

    @property
    def held(self) -> bool:
        """Whether a person's work is in it: a decision, or an edit."""
        return self.decision != UNDECIDED or self.edited

    def label(self) -> str:
        """The fact as `review` names it."""
        return self.relation if self.object is None else f"{self.relation}: {self.object}"


@dataclass
class OldBlock:
    """An entity block of the old draft: its head lines (without `facts:`), decision and facts."""

    key: str
    new: bool
    name: str
    head: list[str]
    decision: str
    code: str
    edited: bool
    facts: list[OldFact] = field(default_factory=list)

    @property
    def held(self) -> bool:
        """Whether a person's work is in its head: a decision on a new entity, or an edit."""
        return self.new and (self.decision != UNDECIDED or self.edited)


def read_old_draft(path: Path, shown: str) -> list[OldBlock]:
    """The blocks of the draft at `path` (shown as `shown`); raise with every problem located if it is unreadable."""
    data, problems = read_yaml(path, shown)
    if problems:
        raise ValidationError(problems)
    if not isinstance(data, MarkedDict):
        raise ValidationError([Problem(shown, 1, 1, "a draft must map entity ids to entity blocks", AGAIN)])
    lines = path.read_text(encoding="utf-8").split("\n")
    ranges: list[tuple[int, int]] = []  # every block head and fact in file order, as [first line, end line)
    entries = []
    for key, entry in data.items():
        if not isinstance(entry, MarkedDict):
            problems.append(Problem(shown, *data.mark_of(key), f"'{key}' is not an entity block", AGAIN))
            continue
        facts = entry.get("facts")
        if facts is not None and not isinstance(facts, MarkedList):
            problems.append(Problem(shown, *entry.mark_of("facts"), f"the facts of '{key}' are not a list", AGAIN))
        facts = facts if isinstance(facts, MarkedList) else MarkedList.at(0, 0)
        bad = [index for index, fact in enumerate(facts) if not isinstance(fact, MarkedDict) or not fact]
        problems += [Problem(shown, *facts.mark_of(i), f"a fact of '{key}' is not a mapping", AGAIN) for i in bad]
        entries.append((str(key), entry, facts))
        ranges += [(data.mark_of(key)[0], 0), *((facts.mark_of(i)[0], 0) for i in range(len(facts)))]
    if problems:
        raise ValidationError(problems)
    spans = _spans(lines, [start for start, _ in ranges])
    blocks, at = [], 0
    for key, entry, facts in entries:
        blocks.append(_block(key, entry, facts, spans[at:at + 1 + len(facts)]))
        at += 1 + len(facts)
    return blocks


def _spans(lines: list[str], starts: list[int]) -> list[list[str]]:
    """The lines from each start to the next; a comment just above a start, indented no deeper, goes with it."""
    spans = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines) + 1
        spans.append(lines[start - 1:end - 1])
    for index in range(len(spans) - 1):
        earlier, later = spans[index], spans[index + 1]
        indent = _indent(later[0]) if later else 0
        while earlier and (not earlier[-1].strip() or earlier[-1].strip() == "facts:"
                           or earlier[-1].lstrip().startswith("#") and _indent(earlier[-1]) <= indent):
            later.insert(0, earlier.pop())
    for span in spans:
        while span and not span[-1].strip():
            span.pop()
        while span and not span[0].strip():
            span.pop(0)
    return spans


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _block(key: str, entry: MarkedDict, facts: MarkedList, spans: list[list[str]]) -> OldBlock:
    head = [line for line in spans[0] if line.strip() != "facts:"]
    new = "type" in entry
    code = _code(head)
    block = OldBlock(key, new, str(entry.get("name", "")), head, str(entry.get("review", UNDECIDED)), code,
                     new and code != fingerprint(head))
    for fact, lines in zip(facts, spans[1:], strict=True):
        lines = [line for line in lines if line.strip() != "facts:"]
        relation = str(next(iter(fact)))
        value = fact.get(relation)
        code = _code(lines)
        block.facts.append(OldFact(key, relation, None if value is None else str(value), str(fact.get("quote", "")),
                                   lines, str(fact.get("review", UNDECIDED)), code, code != fingerprint(lines)))
    return block


def _code(lines: list[str]) -> str:
    """The code on the lines' review line ('' if there is none)."""
    for line in lines:
        if line.strip().startswith("review:"):
            found = MARK.search(line)
            return found.group(1) if found else ""
    return ""
