"""The curation commands (add-source, draft, review, accept): each calls one library function."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import display_path
from .options import graph_option, reports_errors, terminal_safe


def _say(text: str = "") -> None:
    """Print a line whose words come from an article or the fact files, escaped for the terminal."""
    click.echo(terminal_safe(text))


@click.command("add-source")
@graph_option
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--id", "source_id", required=True, help="The new source's id, a slug like 'bns-2024-innovation'.")
@click.option("--title", default="", help="Its title (else the file's 'title:' header line).")
@click.option("--date", default="", help="Its date, like 2024-11-17 or 2024-11, or 'unknown'.")
@click.option("--publisher", default="", help="Who published it.")
@click.option("--url", default="", help="Where it was published.")
@click.option("--note", default="", help="A note on the source (how it was dated, what it is).")
@reports_errors
def add_source_command(graph_dir: Path, file: Path, source_id: str, title: str, date: str,
                       publisher: str, url: str, note: str) -> None:
    """Store the article FILE verbatim in the graph's texts/ and enter it in sources.yaml.

    A header of 'title:', 'date:', 'note:', 'publisher:' and 'url:' lines ended by a blank line is
    moved into sources.yaml; the options win over it. Nothing is written if the file is empty,
    binary or not UTF-8, or if the id is taken.
    """
    from ..curate.sources import add_source

    given = {"title": title, "date": date, "publisher": publisher, "url": url, "note": note}
    added = add_source(graph_dir, file, source_id, given)
    _say(f"added source '{added.source_id}': {added.fields['title']}")
    _say(f"  text: {display_path(added.text_path)}")
    if added.header_lines:
        lines = "line" if added.header_lines == 1 else "lines"
        _say(f"  header of {added.header_lines} {lines} moved into sources.yaml, with the blank line ending it")
    _say(f"next: wmgraph draft {added.source_id}")



@click.command("draft")
@graph_option
@click.argument("source")
@reports_errors
def draft_command(graph_dir: Path, source: str) -> None:
    """Propose entities and facts for SOURCE's stored text in graph/drafts/SOURCE.yaml, for review.

    Offline and deterministic: known entities are linked by name and alias, new ones proposed, and
    facts proposed sentence by sentence with their quote, status and why. Drafting again keeps the
    reviewer's decisions, edits and comments on every proposal made again, keeps what was accepted or
    edited that is no longer proposed, and leaves out what is in the graph already. Nothing is
    published until `wmgraph accept SOURCE`.
    """
    from ..curate.redraft import write_draft

    done = write_draft(graph_dir, source)
    shown = display_path(done.path)
    _say(f"drafted {shown}: {done.linked} known entities linked, "
         f"{done.candidates} new entity candidates, {done.facts} facts proposed")
    for old, keep in sorted(done.merged.items()):
        _say(f"  '{old}' was merged into '{keep}' (wmgraph merge): the last draft's '{old}' is written as '{keep}'")
    if done.again:
        _say(f"  carried over from the last draft: {_count(done.carried, 'decision or edit', 'decisions and edits')}; "
             f"new: {_count(done.new, 'proposal', 'proposals')} (undecided)")
        if done.kept:
            _say(f"  kept {_count(len(done.kept), 'proposal', 'proposals')} the drafter no longer makes "
                 "(accepted or edited):")
        for line, column, what in done.kept:
            _say(f"    {shown}:{line}:{column}: {what}")
        if done.published:
            _say(f"  left out: {_count(done.published, 'proposal', 'proposals')} already in the graph")
        if done.dropped:
            _say(f"  left out: {_count(done.dropped, 'rejected proposal', 'rejected proposals')} "
                 "the drafter no longer makes")
    _say(f"next: review it, then wmgraph review {source}")


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


@click.command("review")
@graph_option
@click.argument("source")
@reports_errors
def review_command(graph_dir: Path, source: str) -> None:
    """List what the draft of SOURCE leaves undecided (each with its file:line:col)."""
    from ..curate.review import read_worksheet

    sheet = read_worksheet(graph_dir, source)
    _say(f"{sheet.shown}: {sheet.count('accept')} accepted, {sheet.count('reject')} rejected, "
         f"{sheet.count('undecided')} undecided")
    for item in sheet.items:
        if item.decision == "undecided":
            _say(f"  {sheet.shown}:{item.line}:{item.column}: {item.kind} {item.entity}: {item.label}")


@click.command("accept")
@graph_option
@click.argument("source")
@reports_errors
def accept_command(graph_dir: Path, source: str) -> None:
    """Move the accepted entities and facts of SOURCE's draft into graph/articles/SOURCE.yaml.

    Only what a reviewer marked `review: accept` is moved; it is merged into the article file
    (what is there stays, a fact already there is not added twice), and nothing is written if the
    result does not validate.
    """
    from ..curate.review import accept

    done = accept(graph_dir, source)
    for old, keep in sorted(done.merged.items()):
        _say(f"'{old}' was merged into '{keep}' (wmgraph merge): what the draft accepts of '{old}' "
             f"is written as '{keep}'")
    _say(f"accepted {done.entities} entities and {done.facts} facts into {display_path(done.path)}"
         + (f" ({done.undecided} proposals still undecided)" if done.undecided else ""))
