"""The analysis commands (show, path, stats, diff, export): each calls one library function."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..analysis.diff import GraphDiff, diff_graphs
from ..analysis.exports import EXPORT_FORMATS
from ..analysis.profile import entity_profile
from ..model.checking import load_model
from .options import graph_option, reports_errors, reports_errors_as, terminal_safe


def _say(text: str = "", gap: bool = False) -> None:
    """Print a line whose names come from the fact files, escaped so that they cannot steer the terminal."""
    if gap:
        click.echo()
    click.echo(terminal_safe(text))


@click.command("show")
@graph_option
@click.argument("entity")
@reports_errors
def show_command(graph_dir: Path, entity: str) -> None:
    """Show everything known about ENTITY (an id, name or alias)."""
    profile = entity_profile(load_model(graph_dir), entity)
    _say(f"{profile.name} ({profile.key})")
    _say(f"type: {profile.type_label}")
    if profile.aliases:
        _say("also called: " + ", ".join(profile.aliases))
    if profile.formerly:
        _say("merged from: " + ", ".join(profile.formerly))
    if profile.url:
        _say(f"web: {profile.url}")
    if profile.description:
        _say(f"about: {profile.description}")
    _say("sources: " + "; ".join(profile.sources))
    if not profile.sections:
        _say("No facts.", gap=True)
    for title, lines in profile.sections:
        _say(f"{title} ({len(lines)})", gap=True)
        for line in lines:
            _say(f"  - {line.text}")
            if line.status:
                _say(f"    status: {line.status}")
            if line.quote:
                _say(f"    quote: \"{line.quote}\"")
            if line.cell:
                _say(f"    cell: {line.cell}")
            if line.note:
                _say(f"    note: {line.note}")
            _say(f"    source: {line.sources}")


@click.command("path")
@graph_option
@click.argument("first")
@click.argument("second")
@click.option("--max", "max_paths", type=click.IntRange(min=1), default=5, show_default=True,
              help="Most paths to show.")
@reports_errors
def path_command(graph_dir: Path, first: str, second: str, max_paths: int) -> None:
    """Show the shortest ways FIRST and SECOND are connected, fact by fact."""
    from ..analysis.paths import connect

    found = connect(load_model(graph_dir), first, second, max_paths)
    if found.start == found.end:
        _say(f"{found.start_name} and {found.end_name} are the same entity ({found.start}).")
        return
    if not found.paths:
        raise click.ClickException(terminal_safe(f"{found.start_name} and {found.end_name} are not connected."))
    hops = "step" if found.length == 1 else "steps"
    shown = f"{len(found.paths)} shortest path{'s' if len(found.paths) != 1 else ''}"
    _say(f"{found.start_name} -> {found.end_name}: {shown} of {found.length} {hops}"
         f"{f' (showing at most {max_paths})' if len(found.paths) == max_paths else ''}")
    for number, steps in enumerate(found.paths, 1):
        _say(f"Path {number}:", gap=True)
        for index, step in enumerate(steps, 1):
            more = f" [+{step.more} more fact{'s' if step.more > 1 else ''}]" if step.more else ""
            _say(f"  {index}. {step.text}{more}")
            if step.status:
                _say(f"     status: {step.status}")
            _say(f"     source: {step.sources}")


def _ranked(title: str, rows: list[str]) -> None:
    _say(title, gap=True)
    for row in rows:
        _say(f"  {row}")


@click.command("stats")
@graph_option
@reports_errors
def stats_command(graph_dir: Path) -> None:
    """Counts, the most connected and central entities, communities and their brokers."""
    from ..analysis.statistics import network_stats

    stats = network_stats(load_model(graph_dir))
    _say(f"{stats.entities} entities, {stats.facts} facts ({stats.edges} link two entities), {stats.sources} sources")
    dated = f"{stats.dated / stats.facts:.0%}" if stats.facts else "n/a"
    _say(f"facts with a date: {stats.dated} of {stats.facts} ({dated})")
    _ranked("Entities by type:", [f"{count:5d}  {name}" for name, count in stats.by_type])
    _ranked("Facts by relation:", [f"{count:5d}  {name}" for name, count in stats.by_relation])
    _ranked("Most connected (facts linking to other entities):",
            [f"{r.score:5.0f}  {r.name} ({r.key})" for r in stats.most_connected])
    sampled = f", estimated from {stats.betweenness_sampled} samples" if stats.betweenness_sampled else ""
    _ranked(f"Most central (betweenness{sampled}):", [f"{r.score:.3f}  {r.name} ({r.key})" for r in stats.most_central])
    largest = f"; largest {stats.components[0]} entities" if stats.components else ""
    _say(f"Connected components: {len(stats.components)} with links{largest}; {stats.isolated} entities with no link",
         gap=True)
    _say(f"Communities ({stats.community_method}): {len(stats.communities)}", gap=True)
    for number, (size, hub) in enumerate(stats.communities, 1):
        _say(f"  {number:3d}. {size} entities, around {hub}")
    _ranked("Brokers (linking communities, by betweenness):",
            [f"{r.score:.3f}  {r.name} ({r.key}) links communities {r.note}" for r in stats.brokers])
    _ranked("Facts per source:", [f"{count:5d}  {name}" for name, count in stats.per_source])


def _echo_changes(marked: list[tuple[str, list[str]]]) -> None:
    for mark, lines in marked:
        for line in lines:
            _say(f"{mark} {line}")


def _echo_changed(changed: list[tuple[str, list[str]]]) -> None:
    for text, changes in changed:
        _say(f"~ {text}")
        for change in changes:
            _say(f"    {change}")


def echo_diff(result: GraphDiff) -> None:
    """Print a diff, as `wmgraph diff` does."""
    _say(f"{result.old_label} -> {result.new_label}")
    _say(f"Entities: {len(result.entities_added)} added, {len(result.entities_removed)} removed, "
         f"{len(result.entities_renamed)} renamed, {len(result.entities_changed)} changed")
    _echo_changes([("+", result.entities_added), ("-", result.entities_removed),
                   ("~", result.entities_renamed)])
    _echo_changed(result.entities_changed)
    _say(f"Facts: {len(result.facts_added)} added, {len(result.facts_removed)} removed, "
         f"{len(result.facts_changed)} changed")
    _echo_changes([("+", result.facts_added), ("-", result.facts_removed)])
    _echo_changed(result.facts_changed)


class DiffTrouble(click.ClickException):
    """A diff that could not be made: exit 2, as diff(1) does, so that 1 can mean 'they differ'."""

    exit_code = 2


@click.command("diff")
@graph_option
@click.argument("old")
@click.argument("new")
@reports_errors_as(DiffTrouble)
def diff_command(graph_dir: Path, old: str, new: str) -> None:
    """Compare two graphs: folders, built files (.nt, .ttl, .jsonld) or git revisions of --graph.

    Exits 0 when they are the same, 1 when they differ and 2 when they cannot be compared.
    """
    result = diff_graphs(old, new, graph_dir)
    echo_diff(result)
    if not result.empty:
        sys.exit(1)


@click.command("export")
@graph_option
@click.option("--format", "format_name", type=click.Choice(sorted(EXPORT_FORMATS)), required=True,
              help="graphml/gexf (Gephi, Cytoscape), csv (nodes, edges and sources tables), jsonld or nt.")
@click.option("--out", "out_path", type=click.Path(path_type=Path), default=None,
              help="File to write, or through a symbolic link to its file (csv: a folder); default: standard "
                   "output (csv needs --out). A device, FIFO or folder in its place is refused.")
@reports_errors
def export_command(graph_dir: Path, format_name: str, out_path: Path | None) -> None:
    """Export the graph for other tools."""
    from ..analysis.exports import export

    result = export(load_model(graph_dir), format_name, out_path)
    if out_path is None:
        click.echo(result.text, nl=False)  # data for a file or a pipe, not words for a terminal
        return
    for path in result.written:
        _say(f"Wrote {path}.")


@click.command("coverage")
@graph_option
@click.argument("source", required=False)
@click.option("--todo", is_flag=True, help="Only the sentences left to do, each with the names found in it.")
@reports_errors
def coverage_command(graph_dir: Path, source: str | None, todo: bool) -> None:
    """Which sentences of each stored text (or SOURCE's) no fact quotes, and what the facts rest on."""
    from ..analysis.coverage import dependence, text_coverage

    model = load_model(graph_dir)
    if todo:
        _echo_todo(graph_dir, model, source)
        return
    for number, text in enumerate(text_coverage(graph_dir, model, source)):
        covered = len(text.quoted) + len(text.left_out)
        _say(f"{text.source} ({text.text_file}): {covered} of {len(text.sentences)} sentences covered "
             f"({text.share:.0%}): {len(text.quoted)} quoted by facts, {len(text.left_out)} left out on purpose; "
             f"{len(text.named)} named, no fact", gap=number > 0)
        for sentence in text.missing:
            _say(f"  {'named, no fact' if sentence.covered_by else 'not quoted'}: \"{sentence.text}\"")
        for sentence in text.left_out:
            _say(f"  left out: \"{sentence.text}\" ({sentence.covered_by})")
    if source is None:
        _echo_dependence(dependence(model))


def _echo_todo(graph_dir: Path, model: Any, source: str | None) -> None:
    """The work queue: each sentence no fact quotes or leaves out, with the names in it."""
    from ..curate.todo import todo

    for number, (key, text_file, left) in enumerate(todo(graph_dir, model, source)):
        _say(f"{key} ({text_file}): {len(left)} sentences to do", gap=number > 0)
        for item in left:
            _say(f"  \"{item.sentence}\"")
            if item.names:
                _say("    names: " + ", ".join(f"{words} = {key}" if known else f"{words} (new)"
                                               for words, key, known in item.names))


def _echo_dependence(report: Any) -> None:
    """The source dependence report: one source, one publisher, derived facts, facts outside the stored texts."""
    _say("Source dependence:", gap=True)
    _say(f"  facts resting on one source only: {report.one_source} of {report.facts}")
    alone = sum(report.one_publisher.values())
    _say(f"  facts resting on one publisher only: {alone} of {report.facts}")
    for name, count in sorted(report.one_publisher.items(), key=lambda item: (-item[1], item[0])):
        _say(f"    {count:5d}  {name}")
    _say(f"  derived facts (no quote; the note says how): {len(report.derived)}")
    for fact in report.derived:
        _say(f"    {fact.key} ({fact.location}): {fact.qualifier('note') or 'NO NOTE'}")
    _say(f"  facts from sources outside the stored texts: {len(report.outside)}")
    for fact in report.outside:
        _say(f"    {fact.key} ({fact.location}): {', '.join(fact.sources)}")
