"""docs/commands.md, made from the commands' own --help: `python -m wmgraph.cli.reference > docs/commands.md`."""

from __future__ import annotations

import click

from .main import main

INTRO = """# Commands

Every `wmgraph` command, as its `--help` prints it. This file is generated from the commands
themselves (`make docs`), and a test fails when it falls out of step.

## Exit codes

Every command prints one clear message for an error (on standard error, as `Error: ...`, naming
the file and line where there is one, and what to do), never a traceback. Most commands use
click's convention; `query` follows grep, so that a script can tell an ASK answered "no" from a
failure, and `diff` follows diff(1), so that its code says whether the graphs differ.

| command | 0 | 1 | 2 | 130 |
|---|---|---|---|---|
| `build` | built, or nothing to do; with `--check`, `output/` is current | the fact files have problems; with `--check`, an output is stale; an output cannot be written (nothing is put in place) | usage error | interrupted: `output/` holds the last complete build |
| `validate` | valid (near-duplicate warnings do not change this); with `--shacl`/`--rdf`, the RDF conforms | problems in the fact files; SHACL violations; the `--rdf` file is missing or not RDF | usage error | interrupted |
| `vocabulary`, `render` | written | the vocabulary or fact files have problems; the file cannot be written | usage error | interrupted |
| `query` | an answer (ASK: yes) | an ASK answered no | any error: usage (an unknown query, a missing or bad `--param`, `--as-of 2024-13`, a name with `-e`, a bad `--endpoint` or `--timeout`, SERVICE without `--allow-service`), a malformed or too deeply nested query, `--timeout` passed, a store that fails | interrupted (the query is stopped) |
| `queries` | listed | the query folder cannot be read | usage error | interrupted |
| `push` | loaded into the store | the store failed, refused the login or the data, or did not answer in time; the graph has problems | usage error (a bad `--endpoint`, `--timeout` or `--named-graph`; `--user` with no `$WMGRAPH_PASSWORD` and no terminal) | interrupted |
| `show`, `path`, `stats`, `coverage` | shown | no entity (or more than one) answers to a name; `path`: not connected; the fact files have problems | usage error | interrupted |
| `diff` | the graphs are the same | they differ (the differences are printed) | they could not be compared (a side unreadable, not RDF, not a graph folder or git revision), or a usage error | interrupted |
| `export` | written | the fact files have problems; `--out` cannot be written or is a device, FIFO or folder | usage error | interrupted |

```sh
if wmgraph query -e 'ASK { ent:andy-street org:holds ent:mayor-of-the-west-midlands }' >/dev/null; then
  echo yes
elif [ $? -eq 1 ]; then
  echo no
else
  echo "the query failed" >&2
fi
```

What `show`, `path`, `stats` and `diff` print about entities comes from the fact files: before it
reaches the terminal, every control character but tab and newline, and every bidirectional
override or isolate, is written as a visible escape (`\\x1b`, `\\u202e`), so that a name cannot
move the cursor, retitle the terminal or make a line read otherwise than it holds.
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
