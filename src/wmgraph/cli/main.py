"""The `wmgraph` command: a click group whose commands are loaded when they are run or listed."""

from __future__ import annotations

import importlib
import os
import sys

import click

from .. import __version__
from . import interrupts

# Every command, by name, as "module:attribute" in this package: `--help` lists them all without
# importing any, and running one imports only its own module.
COMMANDS = {
    "build": "build_commands:build_command",
    "validate": "build_commands:validate_command",
    "vocabulary": "build_commands:vocabulary_command",
    "render": "build_commands:render_command",
    "query": "query_commands:query_command",
    "queries": "query_commands:queries_command",
    "push": "query_commands:push_command",
    "show": "analysis_commands:show_command",
    "path": "analysis_commands:path_command",
    "stats": "analysis_commands:stats_command",
    "diff": "analysis_commands:diff_command",
    "export": "analysis_commands:export_command",
    "coverage": "analysis_commands:coverage_command",
    "add-source": "curate_commands:add_source_command",
    "draft": "curate_commands:draft_command",
    "review": "curate_commands:review_command",
    "accept": "curate_commands:accept_command",
    "import": "table_commands:import_command",
    "duplicates": "table_commands:duplicates_command",
    "merge": "table_commands:merge_command",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is wanted."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, in order."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called `cmd_name`, its module imported first."""
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="wmgraph")
def main() -> None:
    """Build, check and query the West Midlands tech ecosystem graph."""


def run() -> None:
    """The `wmgraph` program: `main`, with a clean error when standard output cannot be written."""
    try:
        main()
    except SystemExit as done:
        code = done.code
    except OSError as error:  # echoing to a full disk or a closed pipe
        code = _output_lost(error)
    except KeyboardInterrupt:  # before a command took charge of it (while loading its module)
        click.echo(f"Error: {interrupts.LINE}", err=True)
        code = interrupts.INTERRUPTED
    else:
        code = 0
    try:
        sys.stdout.flush()
    except OSError as error:
        code = _output_lost(error)
    sys.exit(code)


def _output_lost(error: OSError) -> int:
    # say so once, and keep Python from saying it again as it exits
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    click.echo(f"Error: cannot write the output: {error.strerror or error}", err=True)
    return 1
