"""docs/commands.md, made from the commands' own --help: `python -m wmgraph.cli.reference > docs/commands.md`."""

from __future__ import annotations

import click

from .main import main

INTRO = """# Commands

Every `wmgraph` command, as its `--help` prints it. This file is generated from the commands
themselves (`make docs`), and a test fails when it falls out of step.

## Exit codes

| code | every command | `query` (as grep) | `diff` (as diff) |
|---:|---|---|---|
| 0 | success | an answer; an ASK answered yes | the graphs are the same |
| 1 | an error: invalid fact files, stale output (`build --check`), SHACL violations, \
a file or store that cannot be read or written | an ASK answered no | the graphs differ |
| 2 | a usage error: an unknown command or option, a bad option value | any error, usage errors included | any error |
| 130 | interrupted (Ctrl-C): `output/` holds the last complete build | the same | the same |

Errors are printed on standard error as `Error: ...`, naming the file and line where there is one
and saying what to do.
"""


def commands_markdown() -> str:
    """The commands reference: the introduction, then every command's --help in a code block."""
    context = click.Context(main, info_name="wmgraph", terminal_width=80, max_content_width=80)
    parts = [INTRO, "## wmgraph\n", "```\n" + main.get_help(context) + "\n```\n"]
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        assert command is not None
        sub = click.Context(command, info_name=name, parent=context, terminal_width=80, max_content_width=80)
        parts += [f"## wmgraph {name}\n", "```\n" + command.get_help(sub) + "\n```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    click.echo(commands_markdown(), nl=False)
