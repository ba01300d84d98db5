"""What the drafting tests share: an article drafted in memory or added as a source, and what to read from it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.curate.draft import Draft, draft_source, draft_text
from wmgraph.curate.proposals import Proposal
from wmgraph.model.checking import load_model


def drafted(graph: Path, text: str, date: str = "2025-06-11") -> Draft:
    """`text` drafted against the entities of `graph`."""
    return draft_text(load_model(graph), "piece", text, date)


def drafted_source(graph: Path, tmp_path: Path, text: str) -> list[Proposal]:
    """Add `text` (with its header) as source 'piece' of `graph` with `wmgraph add-source` and draft it."""
    article = tmp_path / "piece.txt"
    article.write_text(text)
    result = CliRunner().invoke(main, ["add-source", "--graph", str(graph), str(article), "--id", "piece"])
    assert result.exit_code == 0, result.output
    return draft_source(graph, "piece").proposals


def kinds(draft: Draft) -> dict[str, str]:
    """Each candidate's name and type."""
    return {c.name: c.type for c in draft.candidates.values()}


def facts(draft: Draft) -> set[tuple[str, str, str | None]]:
    """Each proposal's subject, relation and object."""
    return {(p.subject, p.relation, p.object) for p in draft.proposals}
