"""`draft` again: a new draft that carries the reviewer's decisions, edits and comments over from the old one."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_atomic
from ..errors import display_path
from ..model.checking import load_model
from ..model.model import Model
from ..model.quotes import normalise
from .draft import Draft, draft_of
from .draftfile import UNDECIDED, Rendered, draft_path, extend_head, fingerprint, header, join, render_blocks
from .merged_ids import followed, merge_note, merged_into
from .olddraft import OldBlock, OldFact, read_old_draft
from .proposals import Proposal

Text = tuple[list[str], list[list[str]]]  # an entity block as written: head lines and each fact's lines


@dataclass
class Redrafted:
    """What `draft` wrote, and what it did with the draft it replaced."""

    path: Path
    linked: int
    candidates: int
    facts: int
    again: bool = False  # a draft was there before
    carried: int = 0  # proposals made again that keep the reviewer's decision or edits
    new: int = 0  # proposals the old draft did not have, undecided
    kept: list[tuple[int, int, str]] = field(default_factory=list)  # line, column, what: no longer proposed
    dropped: int = 0  # rejected proposals the drafter no longer makes
    published: int = 0  # proposals already in the graph, left out
    merged: dict[str, str] = field(default_factory=dict)  # merged ids the old draft named: the entity now named


def write_draft(graph_dir: Path, source_id: str) -> Redrafted:
    """Draft `source_id` into graph/drafts/SOURCE.yaml, carrying over what a reviewer did in the draft there."""
    model = load_model(graph_dir)
    draft = draft_of(model, source_id)
    path = draft_path(graph_dir, source_id)
    again = path.is_file()
    old, merged = _follow_merges(read_old_draft(path, display_path(path, graph_dir)) if again else [],
                                 merged_into(model))
    entities = _match_entities(draft, old, model)
    _rename(draft, {key: block.key for key, block in entities.items() if block.key != key})
    blocks = render_blocks(draft)
    merge = _Merge(old, entities, blocks, [_words(f.subject, f.relation, f.object, f.quote)
                                           for f in model.facts if source_id in f.sources])
    merge.again = again
    written = [text for block in blocks if (text := merge.block(block)) is not None]
    known = {key: entity.location.file for key, entity in model.entities.items()}
    written += [text for block in old if block.key not in merge.seen
                and (text := merge.leftover(block, known)) is not None]
    head = header(draft)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, join(head, written).encode("utf-8"))
    return Redrafted(path, len(draft.linked), sum(1 for lines, _ in written if not _extends(lines)),
                     sum(len(facts) for _, facts in written), again, merge.carried, merge.new,
                     _located(len(head), written, merge.kept), merge.dropped, merge.published, merged)


def _follow_merges(old: list[OldBlock], merged: dict[str, str]) -> tuple[list[OldBlock], dict[str, str]]:
    """The old draft with each merged id, as a block or a fact's value, naming the entity it was merged into."""
    named: dict[str, str] = {}
    for block in old:
        for fact in block.facts:
            _follow_fact(fact, merged.get(block.key, block.key), merged, named)
    by_key = {block.key: block for block in old if block.key not in merged}
    result = []
    for block in old:
        keep = merged.get(block.key)
        if keep is None:
            result.append(block)
        elif keep in by_key:
            by_key[keep].facts += block.facts
        else:
            by_key[keep] = OldBlock(keep, False, "", extend_head(keep, ""), UNDECIDED, "", False, block.facts)
            result.append(by_key[keep])
    return result, named


def _follow_fact(fact: OldFact, subject: str, merged: dict[str, str], named: dict[str, str]) -> None:
    """The fact with its subject and every merged id among its values naming the entity it was merged into."""
    olds = [fact.subject] if fact.subject != subject else []
    lines = []
    for line in fact.lines:
        line, old = followed(line, merged)
        olds += [old] if old is not None else []
        lines.append(line)
    if not olds:
        return
    named.update((old, merged[old]) for old in olds)
    first = next((line for line in lines if line.lstrip().startswith("- ")), "    - ")
    fact.lines = [merge_note(olds[0], merged[olds[0]], first[:len(first) - len(first.lstrip())]), *lines]
    fact.subject = subject
    fact.object = merged.get(fact.object, fact.object) if fact.object is not None else None


def _extends(head: list[str]) -> bool:
    return any(line.strip().startswith("extend: true") for line in head)


def _commented(drafted: list[str], old: list[str]) -> list[str]:
    """An extend block's head as drafted, with the comments the reviewer wrote in the old one."""
    if not _extends(old):
        return drafted
    return [drafted[1] if line.strip().startswith("extend:") else line for line in old]


def _match_entities(draft: Draft, old: list[OldBlock], model: Model) -> dict[str, OldBlock]:
    """Each candidate's block in the old draft: the same proposal as drafted, else the same id, else the same name."""
    heads = {block.key: fingerprint(block.head) for block in render_blocks(draft) if block.new}
    free = [block for block in old if block.new]
    matched: dict[str, OldBlock] = {}
    tests: list[Callable[[str, OldBlock], bool]] = [
        lambda key, block: block.code == heads[key],
        lambda key, block: block.key == key,
        lambda key, block: block.name.casefold() == draft.candidates[key].name.casefold()
        and block.key not in model.entities and block.key not in draft.candidates]
    for test in tests:
        for key in draft.candidates:
            found = next((block for block in free if key not in matched and test(key, block)), None)
            if found is not None:
                matched[key] = found
                free.remove(found)
    return matched


def _rename(draft: Draft, renames: dict[str, str]) -> None:
    """Give the draft's candidates the ids the reviewer gave them, in the facts that name them too."""
    if not renames:
        return
    draft.candidates = {renames.get(key, key): dataclasses.replace(c, key=renames.get(key, key))
                        for key, c in draft.candidates.items()}
    for proposal in draft.proposals:
        proposal.subject = renames.get(proposal.subject, proposal.subject)
        if proposal.object is not None:
            proposal.object = renames.get(proposal.object, proposal.object)


@dataclass(frozen=True)
class _Words:
    """What a fact says, as matching reads it: subject, relation, object, its quote's normal form, its code."""

    subject: str
    relation: str
    object: str | None
    quote: str
    code: str | None = None  # the digest of the proposal as drafted, if known


def _words(subject: str, relation: str, obj: str | None, quote: str, code: str | None = None) -> _Words:
    return _Words(subject, relation, obj, normalise(quote).text, code)


# How a fact finds its other self, strictest first: the same proposal as drafted (whatever the reviewer changed
# since), the same words, then the same words but for an object or a quote the reviewer corrected.
_TIERS: list[Callable[[_Words], Hashable]] = [
    lambda w: w.code,
    lambda w: (w.subject, w.relation, w.object, w.quote),
    lambda w: (w.subject, w.relation, w.quote),
    lambda w: None if w.object is None else (w.subject, w.relation, w.object),
]


def _pair(new: list[_Words], old: list[_Words]) -> dict[int, int]:
    """Each of `new` (by index) paired with one of `old` (by index), one to one, tier by tier, never by position."""
    paired: dict[int, int] = {}
    taken: set[int] = set()
    for tier in _TIERS:
        index: dict[Hashable, list[int]] = {}
        for at, words in enumerate(old):
            if at not in taken and (key := tier(words)) is not None:
                index.setdefault(key, []).append(at)
        for at, words in enumerate(new):
            if at not in paired and (key := tier(words)) is not None and index.get(key):
                paired[at] = index[key].pop(0)
                taken.add(paired[at])
    return paired


class _Merge:
    """The new draft's blocks joined with the old draft's, counting what was carried, new, kept and left out."""

    def __init__(self, old: list[OldBlock], entities: dict[str, OldBlock], blocks: list[Rendered],
                 published: list[_Words]) -> None:
        self.old = {block.key: block for block in old}
        self.entities = {block.key: block for block in entities.values()}  # by the reviewer's id
        drafted = [fact for block in blocks for fact in block.facts]
        before = [fact for block in old for fact in block.facts]
        pairs = _pair([_words(p.subject, p.relation, p.object, p.quote, fingerprint(lines)) for p, lines in drafted],
                      [_words(f.subject, f.relation, f.object, f.quote, f.code or None) for f in before])
        self.matched = {id(drafted[at][0]): before[other] for at, other in pairs.items()}
        self.used = {id(fact) for fact in self.matched.values()}
        self.gone = self._published(drafted, [fact for fact in before if id(fact) not in self.used], published)
        self.again = False
        self.carried = self.new = self.dropped = self.published = 0
        self.kept: list[tuple[int, int, str]] = []  # block, fact (-1 for the head), what
        self.seen: set[str] = set()  # old blocks joined to a new one
        self.count = 0  # blocks written so far

    def _published(self, drafted: list[tuple[Proposal, list[str]]], left: list[OldFact],
                   published: list[_Words]) -> set[int]:
        """The proposals and old facts (by id()) the graph holds already, as the reviewer left them."""
        items: list[tuple[int, _Words]] = []
        for proposal, _ in drafted:
            fact = self.matched.get(id(proposal))
            said = fact if fact is not None and fact.held else proposal
            items.append((id(proposal), _words(said.subject, said.relation, said.object, said.quote)))
        items += [(id(fact), _words(fact.subject, fact.relation, fact.object, fact.quote)) for fact in left]
        return {items[at][0] for at in _pair([words for _, words in items], published)}

    def block(self, block: Rendered) -> Text | None:
        """A block of the new draft, with what the reviewer did to it and to its facts in the old draft."""
        old = self.entities.get(block.key) if block.new else None
        before = self.old.get(block.key)
        head = block.head
        if not block.new and before is not None and not before.new:
            head = _commented(block.head, before.head)
        if old is not None and old.held:
            head, self.carried = old.head, self.carried + 1
        elif block.new and old is None and self.again:
            self.new += 1
        if not block.new and before is not None and before.held:
            self.published += 1  # a new entity then, in the graph now: its facts go on in an extend block
        facts = [lines for proposal, drafted in block.facts if (lines := self._fact(proposal, drafted)) is not None]
        self.seen.add(block.key)
        facts += self._left(before, len(facts))
        if not block.new and not facts:
            return None
        self.count += 1
        return head, facts

    def _fact(self, proposal: Proposal, drafted: list[str]) -> list[str] | None:
        fact = self.matched.get(id(proposal))
        lines = fact.lines if fact is not None and fact.held else drafted
        if id(proposal) in self.gone:
            self.published += 1
            return None
        self.carried += fact is not None and fact.held
        self.new += fact is None and self.again
        return lines

    def _left(self, block: OldBlock | None, at: int) -> list[list[str]]:
        """The old block's facts the new draft lacks that hold a decision (not a rejection) or an edit."""
        kept: list[list[str]] = []
        for fact in block.facts if block is not None else []:
            if id(fact) in self.used:
                continue
            if id(fact) in self.gone:
                self.published += 1
            elif fact.edited or fact.decision not in (UNDECIDED, "reject"):
                self.kept.append((self.count, at + len(kept), f"fact {fact.subject}: {fact.label()}"))
                kept.append(fact.lines)
            elif fact.decision == "reject":
                self.dropped += 1
        return kept

    def leftover(self, block: OldBlock, known: dict[str, str]) -> Text | None:
        """An old block the new draft has not, if a person's work is in it."""
        keep = block.new and (block.edited or block.decision not in (UNDECIDED, "reject"))
        facts = self._left(block, 0)
        if block.new and block.key in known:
            self.published += block.held
            head, keep = extend_head(block.key, known[block.key]), False
        elif block.new:
            self.dropped += not keep and block.decision == "reject"
            head = block.head
        else:
            head = _commented(extend_head(block.key, known.get(block.key, "")), block.head)
        if not facts and not keep:
            return None
        if keep:
            self.kept.append((self.count, -1, f"entity {block.key}: '{block.name}'"))
        self.count += 1
        return head, facts


def _located(line: int, written: list[Text], kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Where each kept proposal stands in the written draft: (line, column, what)."""
    starts: dict[tuple[int, int], tuple[int, int]] = {}
    for index, (head, facts) in enumerate(written):
        line += 1  # the blank line before a block
        starts[(index, -1)] = _first(head, line + 1)
        line += len(head) + (1 if facts else 0)
        for number, fact in enumerate(facts):
            starts[(index, number)] = _first(fact, line + 1)
            line += len(fact)
    return [(*starts[(block, fact)], what) for block, fact, what in kept]


def _first(lines: list[str], line: int) -> tuple[int, int]:
    """The line and column where the first line of `lines` that is not a comment begins its key."""
    for offset, text in enumerate(lines):
        stripped = text.lstrip()
        if stripped and not stripped.startswith("#"):
            indent = len(text) - len(stripped)
            return line + offset, indent + (3 if stripped.startswith("- ") else 1)
    return line, 1
