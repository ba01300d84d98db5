"""The draft as a fact file a reviewer edits: entity blocks and facts, each with `review:` and a why-comment."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .draft import Draft
from .proposals import Proposal
from .sources import yaml_scalar

DRAFTS = "drafts"
UNDECIDED = "undecided"
HEADER = """\
# Draft facts for source '{source}', proposed by `wmgraph draft` from its stored text.
# Review each proposal: set `review: accept` (edit it first if it needs it) or `review: reject`;
# add `reviewed-by: NAME` and `reviewed: DATE` to a fact to keep who decided. Then run
# `wmgraph review {source}` to see what is undecided and `wmgraph accept {source}` to move the
# accepted entities and facts into graph/articles/{source}.yaml. This folder is never published.
# Drafting again keeps your decisions, edits and comments; the code in [brackets] that ends each
# why-comment records what was proposed, so that your edits are told from the drafter's: leave it.
"""
# the code ending a review line's comment: a digest of the proposal as drafted
MARK = re.compile(r"\s*\[([0-9a-f]{8})\]\s*$")


@dataclass
class Rendered:
    """One entity block of a draft as text: its head lines (without `facts:`) and each fact's lines."""

    key: str
    new: bool  # a candidate's block (type, name, review), not an extend block
    head: list[str]
    facts: list[tuple[Proposal, list[str]]] = field(default_factory=list)


def draft_path(graph_dir: Path, source_id: str) -> Path:
    """Where the draft of `source_id` is written."""
    return graph_dir / DRAFTS / f"{source_id}.yaml"


def fingerprint(lines: list[str]) -> str:
    """The digest of a proposal's lines, blind to its decision, blank lines and the code itself."""
    kept = []
    for line in lines:
        line = line.rstrip()
        if line.strip().startswith("review:"):
            comment = line.split("#", 1)[1] if "#" in line else ""
            line = "review: #" + MARK.sub("", comment).strip()
        if line.strip():
            kept.append(line)
    return hashlib.blake2b("\n".join(kept).encode("utf-8"), digest_size=4).hexdigest()


def marked(lines: list[str]) -> list[str]:
    """`lines` with the code of what they propose ending the comment of their review line."""
    code = fingerprint(lines)
    return [f"{line} [{code}]" if line.strip().startswith("review:") else line for line in lines]


def render_draft(draft: Draft) -> str:
    """The draft file's text."""
    return join(header(draft), [(block.head, [lines for _, lines in block.facts]) for block in render_blocks(draft)])


def join(head: list[str], blocks: list[tuple[list[str], list[list[str]]]]) -> str:
    """A draft's text from its header and its blocks (head lines and each fact's lines)."""
    lines = list(head)
    for block_head, facts in blocks:
        lines += ["", *block_head, *(["  facts:"] if facts else []), *(line for fact in facts for line in fact)]
    return "\n".join(lines) + "\n"


def header(draft: Draft) -> list[str]:
    """The comment that opens the draft: what to do, and the known entities the text names."""
    lines = [*HEADER.format(source=draft.source).rstrip("\n").split("\n"), "#", "# Known entities the text names:"]
    for key in draft.linked:
        rules = sorted({m.rule for m in draft.mentions if m.key == key})
        words = sorted({m.words for m in draft.mentions if m.key == key})
        lines.append(f"#   {key} ({draft.where.get(key, '')}): {', '.join(words)} [{', '.join(rules)}]")
    for mention in draft.mentions:
        if mention.alternatives:
            lines.append(f"#   AMBIGUOUS '{mention.words}': {mention.key} or {', '.join(mention.alternatives)}")
    for mention in draft.mentions:
        if mention.note and mention.rule == "other-edition":
            lines.append(f"#   NEAR MATCH: {mention.note}")
    return lines


def render_blocks(draft: Draft) -> list[Rendered]:
    """The draft's entity blocks, candidates first, then the known subjects in order of their first fact."""
    by_subject: dict[str, list[Proposal]] = {}
    for proposal in draft.proposals:
        by_subject.setdefault(proposal.subject, []).append(proposal)
    return [_entity(draft, key, by_subject.get(key, []))
            for key in [*draft.candidates, *(k for k in by_subject if k not in draft.candidates)]]


def extend_head(key: str, where: str) -> list[str]:
    """The head of the block that adds facts to a known entity."""
    return [f"{key}:", f"  extend: true  # known: defined in {where or 'another fact file'}"]


def _entity(draft: Draft, key: str, facts: list[Proposal]) -> Rendered:
    candidate = draft.candidates.get(key)
    if candidate is None:
        return Rendered(key, False, extend_head(key, draft.where.get(key, "")),
                        [(fact, _fact(draft, fact)) for fact in facts])
    why = f"new entity: rule {candidate.rule}, confidence {candidate.confidence:.2f}"
    if candidate.near:
        why += f"; near: {', '.join(candidate.near)}"
    head = [f"{key}:", f"  type: {candidate.type}", f"  name: {yaml_scalar(candidate.name)}"]
    if candidate.aliases:
        head.append(f"  aliases: [{', '.join(yaml_scalar(a) for a in candidate.aliases)}]")
    head += [f"  source: {draft.source}", f"  review: {UNDECIDED}  # {why}"]
    return Rendered(key, True, marked(head), [(fact, _fact(draft, fact)) for fact in facts])


def _fact(draft: Draft, fact: Proposal) -> list[str]:
    head = f"{fact.relation}: {yaml_scalar(fact.object) if fact.object is not None else '~'}"
    lines = [f"    - {head}"]
    lines += [f"      {key}: {_value(value)}" for key, value in fact.qualifiers.items()]
    if fact.status != "stated":
        lines.append(f"      status: {fact.status}")
    lines += [f"      source: {draft.source}", f"      quote: {yaml_scalar(fact.quote)}"]
    why = "; ".join([f"rule {fact.rule}, confidence {fact.confidence:.2f}", *fact.why])
    lines.append(f"      review: {UNDECIDED}  # {why}")
    return marked(lines)


def _value(value: str | int | float) -> str:
    return str(value) if isinstance(value, int | float) else yaml_scalar(value)
