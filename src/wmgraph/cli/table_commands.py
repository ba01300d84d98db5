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
