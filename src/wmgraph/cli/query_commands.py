"""The `query`, `queries` and `push` commands: SPARQL from the command line and real triple stores.

Exit codes (docs/commands.md): `query` follows grep: 0 an answer (ASK: yes), 1 ASK: no,
2 an error of any kind, usage errors with click's usage line; `push` exits 1 when the store
fails and 2 for a usage error; both exit 130 on Ctrl-C.
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path
from typing import Any

import click
import pyoxigraph

from ..ask.run import QueryRequest, push_graph, run_query
from ..errors import StoreError
from ..query.answers import Answer, Term, with_text
from ..query.http import check_endpoint
from ..query.library import QUERY_DIR, library
from ..query.remote import DEFAULT_GRAPH, DEFAULT_TIMEOUT, Credentials, check_graph_name
from ..query.result_formats import FORMATS as RESULT_FORMATS
from ..query.result_formats import default_format, format_answer
from .options import F, graph_option, out_option, reports_errors, reports_errors_as, terminal_safe

PASSWORD_VARIABLE = "WMGRAPH_PASSWORD"


class QueryFailure(click.ClickException):
    """A failed query: exit 2, as grep does, since 1 means an ASK answered no."""

    exit_code = 2


class Seconds(click.ParamType[float]):
    """A finite number of seconds, at least 0.1 (nan and inf are refused)."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        """The value as a float, or a usage error."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"'{value}' is not a number of seconds", param, ctx)
        if not math.isfinite(number) or number < 0.1:
            self.fail(f"'{value}' is not a finite number of seconds, at least 0.1", param, ctx)
        return number


def _endpoint(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Check --endpoint as a usage error (a password in it never shown)."""
    if value is not None:
        try:
            check_endpoint(value)
        except StoreError as error:
            raise click.BadParameter(str(error), ctx, param) from None
    return value


def _named_graph(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Check --named-graph as a usage error, before any store is asked."""
    try:
        check_graph_name(value)
    except StoreError as error:
        raise click.BadParameter(terminal_safe(str(error)), ctx, param) from None
    return value


def store_options(function: F) -> F:
    """Options for talking to a remote store: named graph, login and timeout."""
    options = [
        click.option("--named-graph", default=DEFAULT_GRAPH, show_default=True, callback=_named_graph,
                     help="Named graph in the store ('' for the store's default graph)."),
        click.option("--user", help=f"Log in as this user; the password comes from ${PASSWORD_VARIABLE} "
                                    "or a prompt."),
        click.option("--auth", type=click.Choice(["digest", "basic"]), default="digest", show_default=True,
                     help="HTTP authentication scheme."),
        click.option("--timeout", type=Seconds(), default=DEFAULT_TIMEOUT, show_default=True,
                     help="Seconds a query (local or remote) or a push may take in all."),
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
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise click.UsageError(f"--user {user} needs a password and there is no terminal to ask on: "
                                   f"set {PASSWORD_VARIABLE}")
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
@click.option("--endpoint", metavar="URL", callback=_endpoint,
              help="Ask this SPARQL endpoint instead of the embedded engine.")
@click.option("--allow-service", is_flag=True,
              help="Let a local query's SERVICE clauses send requests to other hosts.")
@click.option("--queries", "query_dir", type=click.Path(path_type=Path), default=QUERY_DIR, show_default=True,
              help="Folder of the query library.")
@store_options
@graph_option
@out_option
@reports_errors_as(QueryFailure, interrupted="interrupted (Ctrl-C): stopped")
def query_command(query: str | None, inline: str | None, fmt: str | None, params: tuple[str, ...],
                  as_of: str | None, endpoint: str | None, allow_service: bool, query_dir: Path,
                  named_graph: str, user: str | None, auth: str, timeout: float, graph_dir: Path,
                  out_dir: Path) -> None:
    """Run QUERY (a library name, a .rq file, or -e TEXT) against the graph or a remote endpoint.

    Exits 0 with an answer (for ASK: yes), 1 when an ASK answers no, 2 on any error.
    """
    credentials = None
    if endpoint:  # a login given in the URL takes --auth too
        credentials = _credentials(user, auth) or check_endpoint(endpoint, None, auth).credentials
    request = QueryRequest(query, inline, _parse_params(params, as_of), graph_dir, out_dir, query_dir,
                           endpoint, named_graph, credentials, timeout, allow_service)
    answer = run_query(request)
    terminal = sys.stdout.isatty()
    fmt = fmt or default_format(answer, terminal)
    if fmt == "table" or terminal:
        answer = _shown_safely(answer)
    click.echo(format_answer(answer, fmt), nl=False)
    if endpoint and not (answer.rows or answer.triples or answer.boolean):
        hint = (" (a query without GRAPH or FROM sees only that graph; --named-graph '' asks the store's "
                "default graph)") if answer.source.startswith("graph <") else ""
        click.echo(f"No answer from {answer.source}{hint}.", err=True)
    if answer.kind == "ask" and not answer.boolean:
        raise SystemExit(1)


def _shown_safely(answer: Answer) -> Answer:
    """The answer with what a terminal would obey in its literals escaped, as `show` escapes names."""
    def safe(term: Term) -> Term:
        return with_text(term, terminal_safe(term.value)) if isinstance(term, pyoxigraph.Literal) else term

    answer.rows = [{name: safe(value) for name, value in row.items()} for row in answer.rows]
    answer.triples = [(safe(s), safe(p), safe(o)) for s, p, o in answer.triples]
    return answer


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
@click.option("--endpoint", metavar="URL", required=True, callback=_endpoint,
              help="Graph Store endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph) or "
                   "http://127.0.0.1:8890/sparql-graph-crud-auth (Virtuoso).")
@store_options
@graph_option
@out_option
@reports_errors_as(interrupted="interrupted (Ctrl-C): stopped")
def push_command(endpoint: str, named_graph: str, user: str | None, auth: str, timeout: float,
                 graph_dir: Path, out_dir: Path) -> None:
    """Load the graph into a triple store's named graph (HTTP PUT: pushing again replaces it)."""
    if not named_graph:
        raise click.BadParameter("push needs a named graph IRI", param_hint="--named-graph")
    credentials = _credentials(user, auth) or check_endpoint(endpoint, None, auth).credentials
    result = push_graph(graph_dir, out_dir, endpoint, named_graph, credentials, timeout)
    click.echo(f"Pushed {result.triples} triples from {result.source} to <{named_graph}> at {endpoint} "
               f"(HTTP {result.status}).")
