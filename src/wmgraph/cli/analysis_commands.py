"""The analysis commands (show, path, stats, diff, export): each calls one library function."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..analysis.diff import GraphDiff, diff_graphs
from ..analysis.exports import EXPORT_FORMATS
from ..analysis.profile import entity_profile
from ..errors import WmgraphError
from ..model.checking import load_model
from .options import graph_option, reports_errors


@click.command("show")
@graph_option
@click.argument("entity")
@reports_errors
def show_command(graph_dir: Path, entity: str) -> None:
    """Show everything known about ENTITY (an id, name or alias)."""
    profile = entity_profile(load_model(graph_dir), entity)
    click.echo(f"{profile.name} ({profile.key})")
    click.echo(f"type: {profile.type_label}")
    if profile.aliases:
        click.echo("also called: " + ", ".join(profile.aliases))
    if profile.url:
        click.echo(f"web: {profile.url}")
    if profile.description:
        click.echo(f"about: {profile.description}")
    click.echo("sources: " + "; ".join(profile.sources))
    if not profile.sections:
        click.echo("\nNo facts.")
    for title, lines in profile.sections:
        click.echo(f"\n{title} ({len(lines)})")
        for line in lines:
            click.echo(f"  - {line.text}")
            if line.note:
                click.echo(f"    note: {line.note}")
            click.echo(f"    source: {line.sources}")


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
        click.echo(f"{found.start_name} and {found.end_name} are the same entity ({found.start}).")
        return
    if not found.paths:
        raise click.ClickException(f"{found.start_name} and {found.end_name} are not connected.")
    hops = "step" if found.length == 1 else "steps"
    shown = f"{len(found.paths)} shortest path{'s' if len(found.paths) != 1 else ''}"
    click.echo(f"{found.start_name} -> {found.end_name}: {shown} of {found.length} {hops}"
               f"{f' (showing at most {max_paths})' if len(found.paths) == max_paths else ''}")
    for number, steps in enumerate(found.paths, 1):
        click.echo(f"\nPath {number}:")
        for index, step in enumerate(steps, 1):
            more = f" [+{step.more} more fact{'s' if step.more > 1 else ''}]" if step.more else ""
            click.echo(f"  {index}. {step.text}{more}")
            click.echo(f"     source: {step.sources}")


@click.command("stats")
@graph_option
@reports_errors
def stats_command(graph_dir: Path) -> None:
    """Counts, the most connected and central entities, communities and their brokers."""
    from ..analysis.statistics import network_stats

    stats = network_stats(load_model(graph_dir))
    click.echo(f"{stats.entities} entities, {stats.facts} facts ({stats.edges} link two entities), "
               f"{stats.sources} sources")
    dated = f"{stats.dated / stats.facts:.0%}" if stats.facts else "n/a"
    click.echo(f"facts with a date: {stats.dated} of {stats.facts} ({dated})")
    click.echo("\nEntities by type:")
    for name, count in stats.by_type:
        click.echo(f"  {count:5d}  {name}")
    click.echo("\nFacts by relation:")
    for name, count in stats.by_relation:
        click.echo(f"  {count:5d}  {name}")
    click.echo("\nMost connected (facts linking to other entities):")
    for ranked in stats.most_connected:
        click.echo(f"  {ranked.score:5.0f}  {ranked.name} ({ranked.key})")
    sampled = f", estimated from {stats.betweenness_sampled} samples" if stats.betweenness_sampled else ""
    click.echo(f"\nMost central (betweenness{sampled}):")
    for ranked in stats.most_central:
        click.echo(f"  {ranked.score:.3f}  {ranked.name} ({ranked.key})")
    largest = f"; largest {stats.components[0]} entities" if stats.components else ""
    click.echo(f"\nConnected components: {len(stats.components)} with links{largest}; "
               f"{stats.isolated} entities with no link")
    click.echo(f"\nCommunities ({stats.community_method}): {len(stats.communities)}")
    for number, (size, hub) in enumerate(stats.communities, 1):
        click.echo(f"  {number:3d}. {size} entities, around {hub}")
    click.echo("\nBrokers (linking communities, by betweenness):")
    for ranked in stats.brokers:
        click.echo(f"  {ranked.score:.3f}  {ranked.name} ({ranked.key}) links communities {ranked.note}")
    click.echo("\nFacts per source:")
    for name, count in stats.per_source:
        click.echo(f"  {count:5d}  {name}")


def _echo_changes(marked: list[tuple[str, list[str]]]) -> None:
    for mark, lines in marked:
        for line in lines:
            click.echo(f"{mark} {line}")


def _echo_changed(changed: list[tuple[str, list[str]]]) -> None:
    for text, changes in changed:
        click.echo(f"~ {text}")
        for change in changes:
            click.echo(f"    {change}")


def _echo_diff(result: GraphDiff) -> None:
    click.echo(f"{result.old_label} -> {result.new_label}")
    click.echo(f"Entities: {len(result.entities_added)} added, {len(result.entities_removed)} removed, "
               f"{len(result.entities_renamed)} renamed, {len(result.entities_changed)} changed")
    _echo_changes([("+", result.entities_added), ("-", result.entities_removed),
                   ("~", result.entities_renamed)])
    _echo_changed(result.entities_changed)
    click.echo(f"Facts: {len(result.facts_added)} added, {len(result.facts_removed)} removed, "
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
def diff_command(graph_dir: Path, old: str, new: str) -> None:
    """Compare two graphs: folders, built files (.nt, .ttl, .jsonld) or git revisions of --graph.

    Exits 0 when they are the same, 1 when they differ and 2 when they cannot be compared.
    """
    try:
        result = diff_graphs(old, new, graph_dir)
    except WmgraphError as error:
        raise DiffTrouble(str(error)) from error
    _echo_diff(result)
    if not result.empty:
        sys.exit(1)


@click.command("export")
@graph_option
@click.option("--format", "format_name", type=click.Choice(sorted(EXPORT_FORMATS)), required=True,
              help="graphml/gexf (Gephi, Cytoscape), csv (nodes.csv and edges.csv), jsonld or nt.")
@click.option("--out", "out_path", type=click.Path(path_type=Path), default=None,
              help="File to write (csv: a folder); default: standard output (csv needs --out).")
@reports_errors
def export_command(graph_dir: Path, format_name: str, out_path: Path | None) -> None:
    """Export the graph for other tools."""
    from ..analysis.exports import export

    result = export(load_model(graph_dir), format_name, out_path)
    if out_path is None:
        click.echo(result.text, nl=False)
        return
    for path in result.written:
        click.echo(f"Wrote {path}.")
