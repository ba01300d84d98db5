"""The `query`, `queries` and `push` commands: SPARQL from the command line and real triple stores."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from ..query.engine import QueryRequest, run_query
from ..query.library import QUERY_DIR, library
from ..query.remote import DEFAULT_GRAPH, DEFAULT_TIMEOUT, Credentials, push_graph
from ..query.result_formats import FORMATS as RESULT_FORMATS
from ..query.result_formats import default_format, format_answer
from .options import F, graph_option, out_option, reports_errors

PASSWORD_VARIABLE = "WMGRAPH_PASSWORD"


def store_options(function: F) -> F:
    """Options for talking to a remote store: named graph, login and timeout."""
    options = [
        click.option("--named-graph", default=DEFAULT_GRAPH, show_default=True,
                     help="Named graph in the store ('' for the store's default graph)."),
        click.option("--user", help=f"Log in as this user; the password comes from ${PASSWORD_VARIABLE} "
                                    "or a prompt."),
        click.option("--auth", type=click.Choice(["digest", "basic"]), default="digest", show_default=True,
                     help="HTTP authentication scheme."),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
                     help="Seconds to wait for the store."),
    ]
    decorated: Any = function
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


def _credentials(user: str | None, auth: str) -> Credentials | None:
    """The login for a store; the password is never an option, so it stays out of shell history."""
    if user is None:
        return None
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    return Credentials(user, password, auth)


def _parse_params(values: tuple[str, ...], as_of: str | None) -> dict[str, str]:
    params = {}
    for item in values:
        name, equals, value = item.partition("=")
        if not equals or not name:
            raise click.BadParameter(f"'{item}' is not NAME=VALUE", param_hint="--param")
        params[name] = value
    if as_of is not None:
        params["as_of"] = as_of
    return params


@click.command("query")
@click.argument("query", required=False)
@click.option("-e", "--expression", "inline", metavar="TEXT", help="Query text given inline.")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS),
              help="Output format [default: table on a terminal, else csv (turtle for CONSTRUCT/DESCRIBE)].")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind ?NAME (repeatable).")
@click.option("--as-of", metavar="DATE", help="Same as --param as_of=DATE.")
@click.option("--endpoint", metavar="URL", help="Ask this SPARQL endpoint instead of the embedded engine.")
@click.option("--queries", "query_dir", type=click.Path(path_type=Path), default=QUERY_DIR, show_default=True,
              help="Folder of the query library.")
@store_options
@graph_option
@out_option
@reports_errors
def query_command(query: str | None, inline: str | None, fmt: str | None, params: tuple[str, ...],
                  as_of: str | None, endpoint: str | None, query_dir: Path, named_graph: str, user: str | None,
                  auth: str, timeout: float, graph_dir: Path, out_dir: Path) -> None:
    """Run QUERY (a library name, a .rq file, or -e TEXT) against the graph or a remote endpoint."""
    request = QueryRequest(query, inline, _parse_params(params, as_of), graph_dir, out_dir, query_dir,
                           endpoint, named_graph, _credentials(user, auth), timeout)
    answer = run_query(request)
    terminal = sys.stdout.isatty()
    click.echo(format_answer(answer, fmt or default_format(answer, terminal)), nl=False)
    if answer.kind == "ask" and not answer.boolean:
        raise SystemExit(1)


@click.command("queries")
@click.option("--queries", "query_dir", type=click.Path(path_type=Path), default=QUERY_DIR, show_default=True,
              help="Folder of the query library.")
@reports_errors
def queries_command(query_dir: Path) -> None:
    """List the query library: name, description and parameters."""
    queries = library(query_dir)
    width = max((len(name) for name in queries), default=0)
    for name, query in queries.items():
        click.echo(f"{name.ljust(width)}  {query.description}".rstrip())
        for param in (query.params or {}).values():
            detail = param.type + (f", default {param.default}" if param.default else
                                   "" if param.required else ", optional")
            click.echo(f"{'':{width}}    --param {param.name}=... ({detail}) {param.description}".rstrip())


@click.command("push")
@click.option("--endpoint", metavar="URL", required=True,
              help="Graph Store endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph) or "
                   "http://127.0.0.1:8890/sparql-graph-crud-auth (Virtuoso).")
@store_options
@graph_option
@out_option
@reports_errors
def push_command(endpoint: str, named_graph: str, user: str | None, auth: str, timeout: float,
                 graph_dir: Path, out_dir: Path) -> None:
    """Load the graph into a triple store's named graph (HTTP PUT: pushing again replaces it)."""
    if not named_graph:
        raise click.BadParameter("push needs a named graph IRI", param_hint="--named-graph")
    result = push_graph(graph_dir, out_dir, endpoint, named_graph, _credentials(user, auth), timeout)
    click.echo(f"Pushed {result.triples} triples from {result.source} to <{named_graph}> at {endpoint} "
               f"(HTTP {result.status}).")
