"""The table commands (import): each calls one library function."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import display_path
from ..model.files import DECISIONS_FILE
from .analysis_commands import echo_diff
from .options import Interrupted, graph_option, reports_errors, terminal_safe

if TYPE_CHECKING:
    from ..analysis.duplicates import Candidate
    from ..model.model import Model


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
@click.option("--min-score", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Leave out pairs scoring less (0.60: more than nine in ten listed pairs are one entity).")
@click.option("--decide", nargs=3, metavar="A B same|different|unsure",
              help="Record a judgement on the pair A, B in the graph's decisions.yaml (with --by).")
@click.option("--review", is_flag=True,
              help="Judge the pairs one by one, best first, each judgement written at once (with --by).")
@click.option("--by", default="", help="Who made the judgement (with --decide or --review).")
@reports_errors
def duplicates_command(graph_dir: Path, limit: int, min_score: float, decide: tuple[str, str, str] | None,
                       review: bool, by: str) -> None:
    """List pairs of entities that may be one, best first, with a score and its reasons.

    The score (0-1) adds up parts, each shown: 0.6 x the names' similarity (after case,
    punctuation, legal suffixes, titles and word order are set aside); +0.1 for the same type, 0
    for related types, -0.2 for different kinds of thing (a person and a company); up to +0.2 for
    shared neighbours and +0.1 for shared sources, each worth less the more entities have it.
    Pairs judged in decisions.yaml are left out. With --decide, record a
    judgement instead: 'different' also stops `validate` warning about the pair. With --review,
    answer same, different, unsure, skip or quit for each pair in turn; each judgement is written
    to decisions.yaml as it is made, so quit or Ctrl-C keeps every one made so far.
    """
    from ..analysis.decisions import read_decisions
    from ..analysis.duplicates import candidates
    from ..model.checking import load_model

    if (decide or review) and not by.strip():
        raise click.UsageError(f"{'--decide' if decide else '--review'} needs --by NAME: who made the judgement")
    if decide and review:
        raise click.UsageError("--decide and --review do not go together: judge one pair, or review them all")
    model = load_model(graph_dir)
    if decide:
        _decide(graph_dir, model, decide, by.strip())
        return
    found = [candidate for candidate in candidates(model, [decision.pair for decision in read_decisions(graph_dir)])
             if candidate.score >= min_score]
    if review:
        _review(graph_dir, model, found, by.strip())
        return
    click.echo(f"{len(found)} candidate pairs" + (f", the best {limit}:" if len(found) > limit else ":"))
    for candidate in found[:limit]:
        _echo_candidate(candidate)


def _echo_candidate(candidate: Candidate, counter: str = "") -> None:
    click.echo(terminal_safe(f"{counter}{candidate.score:.2f}  {candidate.first} '{candidate.first_name}' ~ "
                             f"{candidate.second} '{candidate.second_name}'"))
    click.echo(terminal_safe(f"{' ' * len(counter)}      {candidate.reasons()}"))


def _decide(graph_dir: Path, model: Model, decide: tuple[str, str, str], by: str) -> None:
    from ..analysis.decisions import record_decision
    from ..analysis.duplicates import candidates

    first, second, judgement = decide
    for key in (first, second):
        if key not in model.entities:
            raise click.UsageError(f"no entity '{key}' in {display_path(graph_dir)}")
    pair = (min(first, second), max(first, second))
    score = next((c.score for c in candidates(model) if (c.first, c.second) == pair), None)
    made = record_decision(graph_dir, first, second, judgement, by, score)
    click.echo(terminal_safe(f"recorded: {first} and {second} are {judgement} "
                             f"(by {made.by}, {made.on}) in {display_path(graph_dir / DECISIONS_FILE)}"
                             + _merge_hint(model, judgement, first, second)))


def _merge_hint(model: Model, judgement: str, first: str, second: str) -> str:
    """What to do next with a pair judged the same: merge it, keeping the one more facts, sources and aliases name."""
    if judgement != "same":
        return ""
    named = Counter(key for fact in model.facts for key in {fact.subject, fact.object} if key in (first, second))

    def weight(key: str) -> tuple[int, int, int]:
        entity = model.entities[key]
        return named[key], len(entity.sources), len(entity.aliases)
    keep, old = (second, first) if weight(second) > weight(first) else (first, second)
    return f"; next: wmgraph merge {keep} {old} (the id to keep first)"


REVIEW_ANSWERS = ("same", "different", "unsure", "skip", "quit")


def _review(graph_dir: Path, model: Model, found: list[Candidate], by: str) -> None:
    """Ask for a judgement on each pair in turn; each is written before the next is asked."""
    from ..analysis.decisions import record_decision

    shown = display_path(graph_dir / DECISIONS_FILE)
    if not found:
        click.echo("no candidate pairs left to judge")
        return
    pairs = "pair" if len(found) == 1 else "pairs"
    click.echo(terminal_safe(f"{len(found)} candidate {pairs} to judge, best first; each judgement is written "
                             f"to {shown} as it is made"))
    recorded = skipped = 0
    for number, candidate in enumerate(found, 1):
        _echo_candidate(candidate, f"[{number}/{len(found)}] ")
        try:
            answer = click.prompt("one entity? same, different, unsure, skip or quit:", prompt_suffix=" ",
                                  type=click.Choice(REVIEW_ANSWERS, case_sensitive=False), show_choices=False)
        except click.Abort as stop:
            click.echo()  # the prompt's line ends here
            if isinstance(stop.__context__, KeyboardInterrupt):
                raise Interrupted(f"interrupted: {_tally(recorded, skipped, len(found))}") from None
            break  # the end of the input: as quit
        if answer == "quit":
            break
        if answer == "skip":
            click.echo("skipped")  # piped answers are not echoed: the next pair starts on a line of its own
            skipped += 1
            continue
        record_decision(graph_dir, candidate.first, candidate.second, answer, by, candidate.score)
        click.echo(f"recorded: {answer}" + _merge_hint(model, answer, candidate.first, candidate.second))
        recorded += 1
    click.echo(terminal_safe(_tally(recorded, skipped, len(found))))


def _tally(recorded: int, skipped: int, total: int) -> str:
    judgements = "judgement" if recorded == 1 else "judgements"
    left = total - recorded - skipped
    return f"{recorded} {judgements} recorded, {skipped} skipped, {left} left for later"


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
    if not apply and plan.conflicts:
        click.echo(f"dry run: nothing written; wmgraph merge {keep} {old} --apply would refuse "
                   f"({len(plan.conflicts)} conflicts): resolve them in the fact files first"
                   + (f", or merge with wmgraph merge {keep} {old} --apply --force to keep {keep}'s values"
                      if plan.change is not None else ""))
        return
    if not apply:
        click.echo(f"dry run: nothing written; merge with wmgraph merge {keep} {old} --apply")
        return
    apply_merge(graph_dir, plan, force)
    click.echo(terminal_safe(f"merged {old} into {keep}: {len(plan.files)} files written; "
                             "commit them, and undo with git revert"))
