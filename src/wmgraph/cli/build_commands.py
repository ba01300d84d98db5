"""The commands that build and check the graph's files: build, validate, vocabulary, render."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from ..building import build
from ..model.vocabulary_doc import write_vocabulary_doc
from ..page.html import write_focus_page
from .options import graph_option, out_option, reports_errors, terminal_safe
from .progress import TerminalProgress


@click.command("build")
@graph_option
@out_option
@click.option("--check", is_flag=True, help="Fail if the files in --out are not what a build would write.")
@click.option("--quiet", is_flag=True, help="Show no progress on the terminal.")
@reports_errors
def build_command(graph_dir: Path, out_dir: Path, check: bool, quiet: bool) -> None:
    """Validate the fact files and write Turtle, N-Triples, JSON-LD and the HTML page."""
    progress = TerminalProgress(sys.stderr) if TerminalProgress.wanted(sys.stderr, quiet) else None
    # A build makes millions of objects and no garbage cycles; the process ends with the command.
    gc.disable()
    try:
        result = build(graph_dir, out_dir, check=check, progress=progress)
    finally:
        if progress:
            progress.finish()
    counts = result.counts
    summary = (f"{counts['entities']} entities, {counts['facts']} facts, "
               f"{counts['sources']} sources, {counts['triples']} triples")
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    if check:
        click.echo(f"{out_dir} is up to date ({summary}).")
        return
    click.echo(f"Built {summary}." if result.model is not None else f"Nothing to do: {out_dir} is current ({summary}).")
    for path in sorted(result.files):
        state = "written" if path in result.changed else "unchanged"
        click.echo(f"  {path} ({state})")
    if result.model is not None:  # the modality check is linear in the facts; near-duplicates are left to validate
        from ..analysis.modality import modality_warnings

        count = len(modality_warnings(result.model))
        if count:
            click.echo(f"{count} modality {'warning' if count == 1 else 'warnings'}: run wmgraph validate to see "
                       f"{'it' if count == 1 else 'them'}")


@click.command("validate")
@graph_option
@click.option("--shacl", is_flag=True, help="Also check the RDF against the SHACL shapes (needs pyshacl).")
@click.option("--rdf", "rdf_file", type=click.Path(path_type=Path), default=None,
              help="Check this built RDF file (.nt, .ttl, .jsonld) against the shapes instead.")
@reports_errors
def validate_command(graph_dir: Path, shacl: bool, rdf_file: Path | None) -> None:
    """Check the fact files and report every problem at once; warn about near-duplicate names."""
    from ..analysis.validation import check_graph  # here: it brings in rdflib, which no other command needs

    report = check_graph(graph_dir, shacl=shacl, rdf_file=rdf_file)
    model = report.model
    for warning in report.warnings:
        click.echo(terminal_safe(f"{warning.file}:{warning.line}:{warning.column}: warning: {warning.message} "
                                 f"({warning.hint})"))
    click.echo(f"{graph_dir} is valid: {len(model.entities)} entities, {len(model.facts)} facts, "
               f"{len(model.sources)} sources.")
    if report.violations:
        count = len(report.violations)
        raise click.ClickException(f"{count} SHACL violation{'s' if count != 1 else ''} in "
                                   f"{report.shacl_checked}:\n" + "\n".join(map(str, report.violations)))
    if report.shacl_checked:
        click.echo(f"SHACL: {report.shacl_checked} conforms to the shapes.")


@click.command("vocabulary")
@graph_option
@click.option("--out", "out_file", type=click.Path(path_type=Path), default=Path("docs/vocabulary.md"),
              show_default=True, help="Markdown file to write.")
@click.option("--check", is_flag=True, help="Write nothing; fail if the file is not what would be written.")
@reports_errors
def vocabulary_command(graph_dir: Path, out_file: Path, check: bool) -> None:
    """Write the vocabulary reference (docs/vocabulary.md) from the vocabulary file."""
    if write_vocabulary_doc(graph_dir, out_file, check):
        click.echo(f"Wrote {out_file}.")
    else:
        click.echo(f"{out_file} is up to date.")


@click.command("render")
@graph_option
@click.option("--focus", required=True, metavar="ENTITY", help="Id of the entity at the centre of the page.")
@click.option("--depth", type=click.IntRange(0, 20), default=1, show_default=True,
              help="How many relations away from ENTITY to include.")
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="HTML file to write.  [default: ENTITY.html]")
@reports_errors
def render_command(graph_dir: Path, focus: str, depth: int, out_file: Path | None) -> None:
    """Write the interactive page of one entity's neighbourhood."""
    page = write_focus_page(graph_dir, focus, depth, out_file)
    click.echo(f"Wrote {page.path}: {page.entities} entities and {page.relations} "
               f"relation{'' if page.relations == 1 else 's'} "
               f"within {depth} relation{'' if depth == 1 else 's'} of {page.name}.")


