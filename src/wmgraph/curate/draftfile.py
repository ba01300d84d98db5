"""The draft as a fact file a reviewer edits: entity blocks and facts, each with `review:` and a why-comment."""

from __future__ import annotations

import re
from pathlib import Path

from ..atomic import write_atomic
from ..errors import LoadError, display_path
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
"""


def draft_path(graph_dir: Path, source_id: str) -> Path:
    """Where the draft of `source_id` is written."""
    return graph_dir / DRAFTS / f"{source_id}.yaml"


def decided(path: Path) -> int:
    """How many proposals of the draft at `path` hold a reviewer's decision (accept or reject)."""
    if not path.is_file():
        return 0
    return len(re.findall(r"^\s*review:\s*(?:accept|reject)\b", path.read_text(encoding="utf-8"), re.MULTILINE))


def write_draft(graph_dir: Path, draft: Draft, force: bool = False) -> Path:
    """Write `draft` as graph/drafts/SOURCE.yaml and return its path; refuse to replace decisions unless `force`."""
    path = draft_path(graph_dir, draft.source)
    count = decided(path)
    if count and not force:
        raise LoadError(f"{display_path(path, graph_dir)} holds {count} review decisions that a new draft would "
                        f"discard: keep reviewing it (wmgraph accept {draft.source} keeps what is accepted), "
                        "or draft again with --force")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, render_draft(draft).encode("utf-8"))
    return path


def render_draft(draft: Draft) -> str:
    """The draft file's text."""
    lines = [HEADER.format(source=draft.source).rstrip("\n"), "#", "# Known entities the text names:"]
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
    by_subject: dict[str, list[Proposal]] = {}
    for proposal in draft.proposals:
        by_subject.setdefault(proposal.subject, []).append(proposal)
    for key in [*draft.candidates, *(k for k in by_subject if k not in draft.candidates)]:
        lines.append("")
        lines += _entity(draft, key, by_subject.get(key, []))
    return "\n".join(lines) + "\n"


def _entity(draft: Draft, key: str, facts: list[Proposal]) -> list[str]:
    candidate = draft.candidates.get(key)
    if candidate is None:
        lines = [f"{key}:", f"  extend: true  # known: defined in {draft.where.get(key, 'another fact file')}"]
    else:
        why = f"new entity: rule {candidate.rule}, confidence {candidate.confidence:.2f}"
        if candidate.near:
            why += f"; near: {', '.join(candidate.near)}"
        lines = [f"{key}:", f"  type: {candidate.type}", f"  name: {yaml_scalar(candidate.name)}"]
        if candidate.aliases:
            lines.append(f"  aliases: [{', '.join(yaml_scalar(a) for a in candidate.aliases)}]")
        lines += [f"  source: {draft.source}", f"  review: {UNDECIDED}  # {why}"]
    if facts:
        lines.append("  facts:")
        for fact in facts:
            lines += _fact(draft, fact)
    return lines


def _fact(draft: Draft, fact: Proposal) -> list[str]:
    head = f"{fact.relation}: {yaml_scalar(fact.object) if fact.object is not None else '~'}"
    lines = [f"    - {head}"]
    lines += [f"      {key}: {_value(value)}" for key, value in fact.qualifiers.items()]
    if fact.status != "stated":
        lines.append(f"      status: {fact.status}")
    lines += [f"      source: {draft.source}", f"      quote: {yaml_scalar(fact.quote)}"]
    why = "; ".join([f"rule {fact.rule}, confidence {fact.confidence:.2f}", *fact.why])
    lines.append(f"      review: {UNDECIDED}  # {why}")
    return lines


def _value(value: str | int | float) -> str:
    return str(value) if isinstance(value, int | float) else yaml_scalar(value)
