"""Stores that answer with anything but well-formed HTTP and SPARQL results: one message, exit 2, no secret.

Each store is a real socket server on 127.0.0.1 (tests/query/fake_store.py) sending what a
broken, hostile or merely unusual store sends.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import unquote_plus

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.errors import StoreError
from wmgraph.query.remote import Credentials, remote_query

from .fake_store import Script, fake_store, raw, reply, trickle
from .test_library import SEED

JSON = {"Content-Type": "application/sparql-results+json"}
ROWS = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}})


def query(endpoint: str, *args: str, text: str = "SELECT ?x WHERE { ?x ?p ?o }",
          env: dict[str, str | None] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["query", "-e", text, "--endpoint", endpoint, "--graph", str(SEED), *args],
                                env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output_bytes.decode("utf-8")  # raw bytes: CSV lines end in CRLF


def failure(script: Script, *args: str, text: str = "SELECT ?x WHERE { ?x ?p ?o }") -> str:
    """The error message of a query against a store running `script` (it must exit 2)."""
    with fake_store(script) as (endpoint, _):
        code, output = query(endpoint, *args, text=text)
    assert code == 2, output
    assert output.startswith("Error: ") and output.count("\n") == 1, output
    return output.removeprefix("Error: ").rstrip("\n").replace(endpoint, "URL")


HTTP_CASES = {
    "short body": (raw(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                       b"Content-Length: 500\r\n\r\n{\"head\""),
                   "URL did not answer the query in well-formed HTTP: its body is incomplete or badly chunked "
                   "(7 bytes read)"),
    "bad chunking": (raw(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
                     "URL did not answer the query in well-formed HTTP: its body is incomplete or badly chunked "
                     "(0 bytes read)"),
    "non-HTTP banner": (raw(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"),
                        "URL did not answer the query in well-formed HTTP: its first line is not an HTTP status "
                        "line: 'SSH-2.0-OpenSSH_9.2p1 Debian-2'"),
    "bad status line": (raw(b"HTTP/1.1 2xx Fine\r\n\r\n"),
                        "URL did not answer the query in well-formed HTTP: its first line is not an HTTP status "
                        "line: 'HTTP/1.1 2xx Fine'"),
    "over-long header": (raw(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70000 + b"\r\n\r\n"),
                         "URL did not answer the query in well-formed HTTP: a line of its answer is too long"),
    "too many headers": (raw(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(150)) + b"\r\n"),
                         "URL did not answer the query in well-formed HTTP: got more than 100 headers"),
    "closed at once": (raw(b""), "URL did not answer the query in well-formed HTTP: it closed the connection "
                                 "without an answer"),
    "HTML page": (reply("200 OK", {"Content-Type": "text/html"}, b"<html><body>Welcome</body></html>"),
                  "URL did not answer with SPARQL results (text/html): <html><body>Welcome</body></html>"),
    "wrong-shaped JSON": (reply("200 OK", JSON, b'{"head": {"vars": "x"}, "results": {"bindings": []}}'),
                          "URL sent SPARQL results that cannot be read (application/sparql-results+json): "
                          "SPARQL JSON results vars must be an array"),
    "cell without value": (reply("200 OK", JSON, b'{"head": {"vars": ["x"]}, "results": {"bindings": '
                                                 b'[{"x": {"type": "uri"}}]}}'),
                           "URL sent SPARQL results that cannot be read (application/sparql-results+json): "
                           "uri serialization must have a 'value' key"),
    "not JSON": (reply("200 OK", JSON, b"\xff\xfe garbage"),
                 "URL sent SPARQL results that cannot be read (application/sparql-results+json): "
                 "Parser error at line 1 column 1: Unexpected byte: \\xFF (line 1)"),
    "server error": (reply("500 Internal Server Error", {"Content-Type": "text/plain"}, b"\n\nout of memory\n"),
                     "URL rejected the query (HTTP 500 Internal Server Error): out of memory"),
}


@pytest.mark.parametrize("case", sorted(HTTP_CASES))
def test_malformed_answers_are_one_message(case: str) -> None:
    script, expected = HTTP_CASES[case]
    message = failure(script)
    assert message.startswith(expected) if expected.endswith(": ") else message == expected


def test_a_string_boolean_is_not_a_yes() -> None:
    message = failure(reply("200 OK", JSON, b'{"head": {}, "boolean": "false"}'), text="ASK { ?s ?p ?o }")
    assert message == ("URL sent SPARQL results that cannot be read (application/sparql-results+json): "
                       "Unexpected boolean value")
    with fake_store(reply("200 OK", JSON, b'{"head": {}, "boolean": false}')) as (endpoint, _):
        assert query(endpoint, text="ASK { ?s ?p ?o }")[0] == 1


def test_an_answer_of_the_wrong_form_is_refused() -> None:
    message = failure(reply("200 OK", JSON, b'{"head": {}, "boolean": true}'))
    assert message == "URL answered a SELECT query with a yes/no results"


CHALLENGES = {
    'Digest realm="store", nonce="abc", algorithm=SHA-512-256, qop="auth"':
        "Unsupported digest authentication algorithm 'SHA-512-256'",
    'Digest realm="store", nonce="abc", qop="auth-int"': "qop 'auth-int' is not supported",
    "Digest": "not enough values to unpack (expected 2, got 1)",
    "Negotiate": "AbstractDigestAuthHandler does not support the following scheme: 'Negotiate'",
}


@pytest.mark.parametrize("challenge", sorted(CHALLENGES))
def test_a_login_challenge_urllib_cannot_follow(challenge: str) -> None:
    with fake_store(reply("401 Unauthorized", {"WWW-Authenticate": challenge}, b"")) as (endpoint, _):
        code, output = query(endpoint, "--user", "dba", env={"WMGRAPH_PASSWORD": "s3cret"})
    assert (code, output) == (2, f"Error: {endpoint} asks for a login wmgraph cannot give ({CHALLENGES[challenge]}); "
                                 "try --auth basic if the store allows it\n")


@pytest.mark.slow
def test_timeout_bounds_the_whole_request() -> None:
    """A store that trickles a byte every quarter second never trips a per-read timeout."""
    for head in (b"HTTP/1.1 200 OK\r\n", b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                         b"Content-Length: 100000\r\n\r\n"):
        started = time.monotonic()
        message = failure(trickle(head), "--timeout", "1")
        elapsed = time.monotonic() - started
        assert message == "URL did not answer the query within 1 s (is the store overloaded? try --timeout)"
        assert elapsed < 8, elapsed  # bounded: a per-read timeout alone lets the trickle run on for 100,000 reads


def test_a_password_is_never_shown() -> None:
    """Neither from the endpoint URL, nor echoed back by the store, plain or percent-encoded."""
    def echo(connection: object, request: bytes) -> None:
        text = unquote_plus(request.decode("latin-1"))
        reply("400 Bad Request", {"Content-Type": "text/plain"},
              f"bad request from p@ss w0rd / p%40ss+w0rd: {text[:60]}".encode())(connection, request)  # type: ignore[arg-type]
    with fake_store(echo) as (endpoint, requests):
        secret = endpoint.replace("http://", "http://admin:p%40ss%20w0rd@")
        code, output = query(secret)
        assert code == 2
        assert "p@ss" not in output and "p%40ss" not in output and "w0rd" not in output
        assert output.startswith(f"Error: {endpoint} rejected the query (HTTP 400 Bad Request): bad request from ***")
        code, output = query(endpoint, "--user", "admin", env={"WMGRAPH_PASSWORD": "p@ss w0rd"})
        assert code == 2 and "w0rd" not in output, output
    assert b"Authorization: Basic" not in requests[0]  # digest by default: no password sent before a challenge


def test_a_password_in_the_url_logs_in() -> None:
    def login(connection: object, request: bytes) -> None:
        ok = b"Authorization: Basic YWRtaW46cEBzcw==" in request  # admin:p@ss
        reply("200 OK" if ok else "401 Unauthorized", JSON if ok else {"WWW-Authenticate": 'Basic realm="s"'},
              ROWS.encode() if ok else b"")(connection, request)  # type: ignore[arg-type]
    with fake_store(login) as (endpoint, _):
        code, output = query(endpoint.replace("http://", "http://admin:p%40ss@"), "--auth", "basic")
    assert (code, output) == (0, "x\r\n1\r\n")


BAD_ENDPOINTS = {
    "http://127.0.0.1:7878/my query": "the endpoint 'http://127.0.0.1:7878/my query' contains a space or control "
                                      "character (write a space as %20)",
    "http://[::1/query": "the endpoint 'http://[::1/query' is not a valid URL (Invalid IPv6 URL)",
    "http://127.0.0.1:99999/query": "the endpoint 'http://127.0.0.1:99999/query' is not a valid URL "
                                    "(Port out of range 0-65535)",
    "ftp://u:pw@example.org/": "the endpoint must be an http:// or https:// URL, not 'ftp://u:***@example.org/'",
    "http:///query": "the endpoint 'http:///query' has no host name",
}


@pytest.mark.parametrize("url", sorted(BAD_ENDPOINTS))
def test_bad_endpoints_are_usage_errors(url: str, in_tmp: Path) -> None:
    code, output = query(url)
    assert code == 2
    assert output.endswith(f"Error: Invalid value for '--endpoint': {BAD_ENDPOINTS[url]}\n"), output
    assert output.startswith("Usage: ")
    with pytest.raises(StoreError) as caught:
        remote_query(url, "ASK {}", credentials=Credentials("u", "pw"))
    assert str(caught.value) == BAD_ENDPOINTS[url]


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "soon"])
def test_timeout_must_be_finite(value: str) -> None:
    result = CliRunner().invoke(main, ["query", "-e", "ASK {}", "--timeout", value])
    assert result.exit_code == 2
    assert "Invalid value for '--timeout'" in result.output and value in result.output


def test_xml_results_from_a_store_are_read() -> None:
    """A store may prefer SPARQL XML results (the Accept header allows them after JSON)."""
    xml = (b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
           b'<variable name="x"/></head><results><result><binding name="x"><literal>1</literal></binding>'
           b'</result></results></sparql>')
    with fake_store(reply("200 OK", {"Content-Type": "application/sparql-results+xml"}, xml)) as (endpoint, requests):
        assert query(endpoint) == (0, "x\r\n1\r\n")
    assert b"Accept: application/sparql-results+json, application/sparql-results+xml;q=0.9" in requests[0]
    turtle = reply("200 OK", {"Content-Type": "text/turtle"}, b"<http://e/a> <http://e/b> <http://e/c> .")
    with fake_store(turtle) as (endpoint, requests):
        assert query(endpoint, "--format", "nt", text="CONSTRUCT WHERE { ?s ?p ?o }") == (
            0, "<http://e/a> <http://e/b> <http://e/c> .\n")
    assert b"Accept: application/n-triples, text/turtle;q=0.9" in requests[0]


@pytest.mark.parametrize(("graph", "why"), [("my graph", "invalid IRI code point ' '"),
                                            ("graph1", "no scheme found in an absolute IRI")])
def test_a_named_graph_must_be_an_iri(graph: str, why: str, mini_graph: Path) -> None:
    """Checked as a usage error before the store is asked (the store would refuse it, exit 1)."""
    with fake_store(reply("204 No Content", {}, b"")) as (endpoint, requests):
        result = CliRunner().invoke(main, ["push", "--endpoint", endpoint, "--named-graph", graph,
                                           "--graph", str(mini_graph)])
        assert (result.exit_code, result.output) == (2, (
            "Usage: main push [OPTIONS]\nTry 'main push --help' for help.\n\n"
            f"Error: Invalid value for '--named-graph': '{graph}' is not an IRI ({why}): name the graph with an "
            "absolute IRI, such as https://w3id.org/wmgraph/graph\n"))
    assert requests == []
