"""The table commands (import): each calls one library function."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import display_path
from .analysis_commands import echo_diff
from .options import graph_option, reports_errors, terminal_safe


@click.command("import")
@graph_option
@click.argument("table", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--mapping", "mapping", required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="The mapping file: the table's source and what each sheet's rows make.")
@click.option("--dry-run", is_flag=True, help="Show the change as `wmgraph diff` would, and write nothing.")
@reports_errors
def import_command(graph_dir: Path, table: Path, mapping: Path, dry_run: bool) -> None:
    """Import the rows of TABLE (.csv or .xlsx) as entities and facts, by the mapping file.

    The import writes one fact file (the mapping's 'file:', else imports/SOURCE.yaml) that it
    rewrites on each import: keys, not row numbers, decide identity, so importing an edited table
    changes only what changed. Every problem of the table and the mapping is reported at once,
    as TABLE:sheet:row:column or MAP.yaml:line:col, before anything is written.
    """
    from ..curate.importing import import_table

    result = import_table(graph_dir, table, mapping, dry_run)
    echo_diff(result.change)
    verb = "would write" if dry_run else "wrote"
    click.echo(terminal_safe(f"{verb} {display_path(result.file)}: {result.entities} entities, "
                             f"{result.facts} facts"))


@click.command("duplicates")
@graph_option
@click.option("--limit", default=20, show_default=True, help="List at most this many pairs, best first.")
@click.option("--decide", nargs=3, metavar="A B same|different|unsure",
              help="Record a judgement on the pair A, B in the graph's decisions.yaml (with --by).")
@click.option("--by", default="", help="Who made the judgement (with --decide).")
@reports_errors
def duplicates_command(graph_dir: Path, limit: int, decide: tuple[str, str, str] | None, by: str) -> None:
    """List pairs of entities that may be one, best first, with a score and its reasons.

    The score (0-1) is 0.7 x the names' similarity (after case, punctuation, legal suffixes and
    word order are set aside), + 0.1 for the same type, + up to 0.1 for shared neighbours, + 0.1
    for a shared source. Pairs judged in decisions.yaml are left out. With --decide, record a
    judgement instead: 'different' also stops `validate` warning about the pair.
    """
    from ..analysis.decisions import read_decisions, record_decision
    from ..analysis.duplicates import candidates
    from ..model.checking import load_model

    model = load_model(graph_dir)
    if decide:
        first, second, judgement = decide
        for key in (first, second):
            if key not in model.entities:
                raise click.UsageError(f"no entity '{key}' in {display_path(graph_dir)}")
        if not by.strip():
            raise click.UsageError("--decide needs --by NAME: who made the judgement")
        pair = (min(first, second), max(first, second))
        score = next((c.score for c in candidates(model) if (c.first, c.second) == pair), None)
        made = record_decision(graph_dir, first, second, judgement, by.strip(), score)
        click.echo(terminal_safe(f"recorded: {first} and {second} are {judgement} "
                                 f"(by {made.by}, {made.on}) in {display_path(graph_dir / 'decisions.yaml')}"))
        return
    found = candidates(model, [decision.pair for decision in read_decisions(graph_dir)])
    click.echo(f"{len(found)} candidate pairs" + (f", the best {limit}:" if len(found) > limit else ":"))
    for candidate in found[:limit]:
        click.echo(terminal_safe(f"{candidate.score:.2f}  {candidate.first} '{candidate.first_name}' ~ "
                                 f"{candidate.second} '{candidate.second_name}'"))
        click.echo(terminal_safe(f"      {candidate.reasons()}"))


@click.command("merge")
@graph_option
@click.argument("keep")
@click.argument("old")
@click.option("--apply", "apply", is_flag=True, help="Rewrite the fact files (else only show what would happen).")
@click.option("--force", is_flag=True, help="Merge despite conflicts: KEEP's type, description and dates win.")
@reports_errors
def merge_command(graph_dir: Path, keep: str, old: str, apply: bool, force: bool) -> None:
    """Merge entity OLD into KEEP: every fact naming OLD names KEEP, OLD's names become aliases.

    Without --apply, a dry run: what moves (facts, references, aliases, quotes, sources), what
    would be duplicated, every conflict (types, two values of one field, different dates) and the
    change as `wmgraph diff` shows it. OLD's entry moves to merged/OLD.yaml as an 'extend: true'
    block with 'formerly: [OLD]', so `show OLD`, the page's search and the RDF (owl:sameAs)
    still find it. A merge is undone by `git revert` of its commit.
    """
    from ..curate.merge import apply_merge, plan_merge

    plan = plan_merge(graph_dir, keep, old)
    for title, lines in (("moves", plan.moves), ("duplicates", plan.duplicates), ("conflicts", plan.conflicts)):
        click.echo(f"{title}: {len(lines)}")
        for line in lines:
            click.echo(terminal_safe(f"  {line}"))
    if plan.change is not None:
        echo_diff(plan.change)
    if not apply:
        click.echo(f"dry run: nothing written; merge with wmgraph merge {keep} {old} --apply")
        return
    apply_merge(graph_dir, plan, force)
    click.echo(terminal_safe(f"merged {old} into {keep}: {len(plan.files)} files written; "
                             "commit them, and undo with git revert"))
