"""Real triple stores on 127.0.0.1: the Oxigraph server and Virtuoso 7.

Each server starts once per session on free ports. The seed graph is pushed with the Graph
Store protocol, its triple count checked, and every library query is answered both by the
embedded engine and by the store, with the same rows. In CI a missing server is a failure.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from wmgraph.ask.run import QueryRequest, push_graph, run_query
from wmgraph.cli.main import main
from wmgraph.errors import StoreError
from wmgraph.query.answers import Answer, Term, literal
from wmgraph.query.library import library
from wmgraph.query.remote import Credentials, remote_query

from ..conftest import require_linux, require_program
from ..query.test_library import QUERY_DIR, SEED

GRAPH = "https://w3id.org/wmgraph/test-graph"
PARAMS = {
    "about": {"entity": "primacy"},
    "connections": {"from": "primacy", "to": "wmhtia"},
    "partners": {"org": "university-of-birmingham"},
    "people-at": {"org": "techuk"},
    "mayors": {"as_of": "2024-06-01"},
    "entities": {"type": "company"},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited early with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"server did not listen on port {port} within {seconds} s")


def wait_for_answer(endpoint: str, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited early with code {process.returncode}")
        try:
            remote_query(endpoint, "ASK {}", timeout=5)
            return
        except StoreError as error:
            last = str(error)
            time.sleep(0.2)
    pytest.fail(f"{endpoint} did not answer within {seconds} s: {last}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh Oxigraph server."""
    program = require_program(str(Path(sys.executable).parent / "oxigraph"))
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen([program, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, 20)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh Virtuoso 7 server (user dba, password dba)."""
    program = require_program("virtuoso-t")
    folder = tmp_path_factory.mktemp("virtuoso")
    http, sql = free_port(), free_port()
    while sql == http:
        sql = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http))
    process = subprocess.Popen([program, "+configfile", str(ini), "+foreground"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(http, process, 60)
        # Virtuoso opens its HTTP port before it is ready for everything: wait for an answer.
        wait_for_answer(f"http://127.0.0.1:{http}/sparql", process, 60)
        yield f"http://127.0.0.1:{http}"
    finally:
        stop(process)


STORES = {
    "oxigraph": ("/store", "/query", None),
    "virtuoso": ("/sparql-graph-crud-auth", "/sparql", Credentials("dba", "dba", "digest")),
}


@pytest.fixture(scope="session", params=sorted(STORES))
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A store with the seed graph pushed into GRAPH: (store name, query endpoint)."""
    name = request.param
    base = request.getfixturevalue(name)
    store_path, query_path, credentials = STORES[name]
    out = tmp_path_factory.mktemp("out")
    first = push_graph(SEED, out, base + store_path, GRAPH, credentials)
    again = push_graph(SEED, out, base + store_path, GRAPH, credentials)  # PUT replaces: still the same count
    assert first.triples == again.triples > 1000
    assert first.status in (200, 201, 204)
    count = remote_query(base + query_path, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}",
                         credentials=credentials)
    assert int(count.rows[0]["n"].value) == first.triples
    return name, base + query_path


def normal(value: Term) -> tuple[str, str]:
    """Compare terms as stores return them: numbers by value, language tags in lower case,
    GROUP_CONCAT lists in any order, durations of whole years in months (Virtuoso's form)."""
    if not isinstance(value, pyoxigraph.Literal):
        return ("iri" if isinstance(value, pyoxigraph.NamedNode) else "bnode"), value.value
    datatype, lang = value.datatype.value, value.language or ""
    years = re.match(r"^P(\d+)Y$", value.value)
    if datatype.endswith("#duration") and years:
        return "duration", str(12 * int(years.group(1)))
    if datatype.endswith("#duration"):
        return "duration", value.value
    try:
        if datatype.endswith(("#integer", "#decimal", "#double", "#int", "#long")):
            return "number", str(Decimal(value.value).normalize())
    except InvalidOperation:
        pass
    text = ", ".join(sorted(value.value.split(", ")))
    return "literal", f"{text}@{lang.lower()}" if lang else text


def rows(answer: Answer) -> list[tuple[tuple[str, tuple[str, str]], ...]]:
    """Rows as sorted tuples; an empty GROUP_CONCAT counts as unbound (engines differ on it)."""
    return sorted(tuple(sorted((k, normal(v)) for k, v in row.items() if v != literal("")))
                  for row in answer.rows)


@pytest.mark.parametrize("query", sorted(library(QUERY_DIR)))
def test_every_library_query_gives_the_same_answer(loaded: tuple[str, str], query: str, tmp_path: Path) -> None:
    name, endpoint = loaded
    request = QueryRequest(spec=query, params=PARAMS.get(query, {}), graph_dir=SEED, out_dir=tmp_path,
                           query_dir=QUERY_DIR)
    local = run_query(request)
    request.endpoint, request.named_graph = endpoint, GRAPH
    remote = run_query(request)
    assert rows(remote) == rows(local)
    if query != "unsourced":
        assert local.rows


def test_push_and_query_through_the_cli(oxigraph: str, in_tmp: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["push", "--endpoint", oxigraph + "/store", "--named-graph", GRAPH + "/cli",
                                  "--graph", str(SEED)])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(rf"Pushed \d+ triples from {SEED}/ \(built in memory\) to <{GRAPH}/cli> "
                        rf"at {oxigraph}/store \(HTTP 201\)\.\n", result.output), result.output
    result = runner.invoke(main, ["query", "--endpoint", oxigraph + "/query", "--named-graph", GRAPH + "/cli",
                                  "--graph", str(SEED), "--queries", str(QUERY_DIR), "mayors", "--as-of", "2023-10",
                                  "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, row = result.output.splitlines()
    assert header == "holder,name,start,end,sources"
    assert row.startswith("https://w3id.org/wmgraph/id/andy-street,Andy Street,2017-05,2024-05,")
    assert set(row.split(",", 4)[4].strip('"').split(", ")) == {"tech-jobs-2023", "wm-mayoral-election-2024"}


def test_wrong_password_is_refused(virtuoso: str) -> None:
    with pytest.raises(StoreError) as caught:
        push_graph(SEED, Path("/nonexistent"), virtuoso + "/sparql-graph-crud-auth", GRAPH,
                   Credentials("dba", "not-the-password", "digest"))
    message = str(caught.value)
    assert message == (f"{virtuoso}/sparql-graph-crud-auth refused the login for the graph "
                       "(HTTP 401 Unauthorized): check --user and the password")
    assert "not-the-password" not in message


def test_password_comes_from_the_environment_never_the_command_line(virtuoso: str, in_tmp: Path) -> None:
    runner = CliRunner()
    args = ["push", "--endpoint", virtuoso + "/sparql-graph-crud-auth", "--named-graph", GRAPH + "/env",
            "--user", "dba", "--graph", str(SEED)]
    result = runner.invoke(main, args, env={"WMGRAPH_PASSWORD": "wrong"})
    assert result.exit_code == 1
    assert "HTTP 401" in result.output and "wrong" not in result.output
    result = runner.invoke(main, args, env={"WMGRAPH_PASSWORD": "dba"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Pushed ")
    assert "--password" not in runner.invoke(main, ["push", "--help"]).output


def test_no_terminal_no_prompt(virtuoso: str, in_tmp: Path) -> None:
    """With no terminal to ask on, --user says how to give the password instead of prompting."""
    result = CliRunner().invoke(main, ["push", "--endpoint", virtuoso + "/sparql-graph-crud-auth", "--user", "dba",
                                       "--graph", str(SEED)], env={"WMGRAPH_PASSWORD": None}, input="dba\n")
    assert (result.exit_code, result.output) == (2, (
        "Usage: main push [OPTIONS]\nTry 'main push --help' for help.\n\n"
        "Error: --user dba needs a password and there is no terminal to ask on: set WMGRAPH_PASSWORD\n"))


def test_rejected_data(oxigraph: str) -> None:
    from wmgraph.query.remote import put_graph
    with pytest.raises(StoreError) as caught:
        put_graph(oxigraph + "/store", b"<not turtle", GRAPH + "/bad")
    assert str(caught.value).startswith(f"{oxigraph}/store rejected the graph (HTTP 400 Bad Request)")


def test_store_down(in_tmp: Path) -> None:
    port = free_port()  # nothing listens here now
    result = CliRunner().invoke(main, ["query", "-e", "ASK {}", "--endpoint", f"http://127.0.0.1:{port}/query",
                                       "--graph", str(SEED)])
    assert (result.exit_code, result.output) == (
        2, f"Error: cannot connect to http://127.0.0.1:{port}/query: connection refused (is the store running?)\n")


def test_store_too_slow(in_tmp: Path) -> None:
    """A server that accepts the connection and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    thread = threading.Thread(target=lambda: held.append(listener.accept()[0]), daemon=True)
    thread.start()
    try:
        result = CliRunner().invoke(main, ["query", "-e", "ASK {}", "--endpoint", f"http://127.0.0.1:{port}/query",
                                           "--timeout", "0.5", "--graph", str(SEED)])
    finally:
        for connection in held:
            connection.close()
        listener.close()
    assert (result.exit_code, result.output) == (
        2, f"Error: http://127.0.0.1:{port}/query did not answer the query within 0.5 s "
           "(is the store overloaded? try --timeout)\n")


def test_remote_syntax_error_is_one_line(oxigraph: str) -> None:
    with pytest.raises(StoreError) as caught:
        remote_query(oxigraph + "/query", "SELEC nothing")
    assert str(caught.value).startswith(f"{oxigraph}/query rejected the query (HTTP 400 Bad Request): ")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
def test_construct_and_describe_through_the_endpoint(loaded: tuple[str, str], form: str, tmp_path: Path) -> None:
    """The Accept header asks for RDF for these forms (Virtuoso answered a results table before)."""
    _, endpoint = loaded
    text = ("CONSTRUCT { ?e schema:name ?n } WHERE { ?e wm:entityType ?t ; schema:name ?n } " if form == "CONSTRUCT"
            else "DESCRIBE ent:primacy")
    request = QueryRequest(inline=text, graph_dir=SEED, out_dir=tmp_path, query_dir=QUERY_DIR)
    local = run_query(request)
    request.endpoint, request.named_graph = endpoint, GRAPH
    remote = run_query(request)
    assert remote.kind == local.kind == "graph"
    if form == "CONSTRUCT":
        assert sorted(remote.triples) == sorted(local.triples) and len(local.triples) > 50
    else:  # stores differ in what a description holds; both describe the entity
        assert {s.value for s, _, _ in remote.triples} >= {"https://w3id.org/wmgraph/id/primacy"}


def test_a_query_naming_its_graphs_is_not_narrowed(loaded: tuple[str, str], tmp_path: Path) -> None:
    _, endpoint = loaded
    text = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s schema:name ?n } } ORDER BY ?g"
    request = QueryRequest(inline=text, graph_dir=SEED, out_dir=tmp_path, endpoint=endpoint, named_graph=GRAPH)
    answer = run_query(request)
    assert GRAPH in {row["g"].value for row in answer.rows}
    assert answer.source == f"the graphs the query names at {endpoint}"
    plain = run_query(QueryRequest(inline="ASK { ?s ?p ?o }", graph_dir=SEED, out_dir=tmp_path, endpoint=endpoint,
                                   named_graph=GRAPH))
    assert plain.boolean and plain.source == f"graph <{GRAPH}> at {endpoint}"


def test_an_empty_answer_says_which_graph_was_asked(oxigraph: str, in_tmp: Path) -> None:
    missing = GRAPH + "/never-pushed"
    result = CliRunner().invoke(main, ["query", "-e", "SELECT ?s WHERE { ?s ?p ?o }", "--endpoint", oxigraph + "/query",
                                       "--named-graph", missing, "--graph", str(SEED)])
    assert result.exit_code == 0
    assert result.stdout == "s\n"
    assert result.stderr == (f"No answer from graph <{missing}> at {oxigraph}/query (a query without GRAPH or FROM "
                             "sees only that graph; --named-graph '' asks the store's default graph).\n")


def test_group_concat_lists_are_the_same_everywhere(loaded: tuple[str, str], tmp_path: Path) -> None:
    """SPARQL leaves GROUP_CONCAT's order open: wmgraph sorts each list, so every run and store agree."""
    _, endpoint = loaded
    request = QueryRequest(spec="mayors", graph_dir=SEED, out_dir=tmp_path, query_dir=QUERY_DIR)
    local = [run_query(request) for _ in range(3)]
    request.endpoint, request.named_graph = endpoint, GRAPH
    remote = run_query(request)
    for answer in [*local, remote]:
        assert [row["sources"].value for row in answer.rows] == [
            "tech-jobs-2023, wm-mayoral-election-2024", "wm-mayoral-election-2024, wmhtia-2025"]


def test_a_terminal_is_asked_for_the_password(oxigraph: str, tmp_path: Path) -> None:
    """On a terminal (a real pseudo-terminal here), --user prompts without echo and no warning."""
    require_linux("a pseudo-terminal")
    import os
    import pty
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "wmgraph", "push", "--endpoint", oxigraph + "/store",
                                "--named-graph", GRAPH + "/tty", "--user", "dba", "--graph", str(SEED),
                                "--out", str(tmp_path)],
                               stdin=follower, stdout=follower, stderr=follower, start_new_session=True,
                               env={k: v for k, v in os.environ.items() if k != "WMGRAPH_PASSWORD"})
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 20
    while b"Password for dba: " not in seen and time.monotonic() < deadline:
        seen += os.read(leader, 1024)
    os.write(leader, b"secret\n")
    while process.poll() is None or not seen.endswith(b"\n"):
        try:
            chunk = os.read(leader, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=20)
    os.close(leader)
    text = seen.decode()
    assert process.returncode == 0, text
    assert "Password for dba: " in text and "Pushed " in text
    assert "secret" not in text and "Warning" not in text
