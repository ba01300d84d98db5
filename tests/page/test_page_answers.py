"""A page too big for the query engine: the build's answers to the questions without parameters, and the
`wmgraph query` command for the others (the fixture graphs are built with the engine's limit lowered)."""

from __future__ import annotations

import base64
import json
import re
import shlex
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.building import build
from wmgraph.cli.main import main
from wmgraph.errors import OutputError
from wmgraph.model.checking import load_model
from wmgraph.page.html import render_page
from wmgraph.page.queries import ENGINE_WASM, LIBRARY_DIR, query_library
from wmgraph.query.library import parse_header
from wmgraph.query.page_answers import page_answers
from wmgraph.rdf.formats import FORMATS
from wmgraph.rdf.mapping import model_triples, namespaces

from .conftest import XSS_NAME, Browser
from .test_questions import cli_rows, rows

WASM = base64.b64encode(ENGINE_WASM.read_bytes())[:200]  # the engine's bytes as a page carries them
HOSTILE_ORG = "x'; touch /tmp/owned; echo '<img src=x onerror=alert(7)>"


@pytest.fixture
def answered_page(page_graph: Path, tmp_path: Path) -> Path:
    """The fixture graph's page built as a page past the engine's limit: answers instead of the engine."""
    build(page_graph, tmp_path / "out", engine_limit=1)
    return tmp_path / "out" / "wmgraph.html"


def without_params() -> list[str]:
    """The library questions that `wmgraph query NAME` answers with no --param."""
    names = []
    for entry in query_library():
        query = parse_header(entry["name"], entry["text"])
        if not any(param.required for param in (query.params or {}).values()):
            names.append(query.name)
    return names


def status(browser: Browser) -> str:
    """The panel's status once the question has been answered."""
    deadline = time.monotonic() + 30
    while browser.js("document.getElementById('q-ask').disabled"):
        assert time.monotonic() < deadline, "the question was never answered"
        time.sleep(0.05)
    return str(browser.page.locator("#q-status").text_content())


def test_the_page_carries_the_cli_rows_of_every_question_without_parameters(
        browser: Browser, answered_page: Path, page_graph: Path) -> None:
    page = answered_page.read_bytes()
    assert WASM not in page
    browser.open(answered_page)
    assert browser.js("wmgraph.data.sparql.engine") is False
    names = without_params()
    assert {"entities", "jobs-by-place", "mayors"} <= set(names)
    compared = 0
    for name in names:
        expected = cli_rows(page_graph, answered_page.parent, name, {})
        answer = browser.js(f"wmgraph.query({json.dumps(name)})")
        assert rows(answer) == expected, name
        assert answer["precomputed"] == {"count": len(expected), "shown": len(expected),
                                         "command": f"wmgraph query {name}"}
        compared += bool(expected)
    assert compared > len(names) // 2
    same = browser.js("wmgraph.query('mayors', {post: 'mayor-of-the-west-midlands'})")  # the default again
    assert rows(same) == cli_rows(page_graph, answered_page.parent, "mayors", {})
    assert browser.js("wmgraph.timings.engine") is None


def test_questions_with_values_name_the_command_that_answers_them(browser: Browser, answered_page: Path) -> None:
    browser.open(answered_page)
    need = browser.js("wmgraph.query('people-at', {org: 'wmhtia'}).then(() => '', e => [e.message, e.command])")
    assert need == ["this page is too big to carry the query engine: this question needs values: run "
                    "wmgraph query people-at --param org=wmhtia", "wmgraph query people-at --param org=wmhtia"]
    other = browser.js("wmgraph.query('mayors', {as_of: '2024-01'}).then(() => '', e => e.command)")
    assert other == "wmgraph query mayors --param as_of=2024-01"
    hostile = browser.js(f"wmgraph.query('people-at', {{org: {json.dumps(HOSTILE_ORG)}}})"
                         ".then(() => '', e => e.command)")
    assert shlex.split(hostile) == ["wmgraph", "query", "people-at", "--param", f"org={HOSTILE_ORG}"]
    free = "SELECT ?n WHERE { ?e schema:name ?n } # it's mine"
    command = browser.js(f"wmgraph.sparql({json.dumps(free)}).then(() => '', e => e.command)")
    assert shlex.split(command) == ["wmgraph", "query", "-e", free]


def test_the_panel_shows_the_answers_and_the_commands(browser: Browser, answered_page: Path,
                                                      page_graph: Path) -> None:
    browser.open(answered_page)
    page = browser.page
    page.click("#questions-button")
    page.select_option("#q-select", "entities")
    assert "Ask shows the answer worked out when the page was built" in str(page.locator("#q-status").text_content())
    page.click("#q-ask")
    expected = cli_rows(page_graph, answered_page.parent, "entities", {})
    assert status(browser) == f"{len(expected)} rows, worked out when the page was built"
    assert page.locator("#q-table tbody tr").count() == len(expected)
    assert page.locator("#q-command-box").is_hidden()
    cell = page.locator("#q-table .q-entity", has_text=XSS_NAME).first
    assert cell.text_content() == XSS_NAME  # a hostile name in an answer stays text
    cell.click()
    deadline = time.monotonic() + 10
    while "xss-company" not in browser.js("location.hash"):
        assert time.monotonic() < deadline, "the entity of the cell was not selected"
        time.sleep(0.05)
    with page.expect_download() as download:
        page.click("#q-csv")
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "entity,type,name" and len(lines) == len(expected) + 1
    page.select_option("#q-select", "people-at")
    assert page.locator("#q-command").text_content() == "wmgraph query people-at"
    page.fill("#q-param-org", HOSTILE_ORG)
    command = str(page.locator("#q-command").text_content())
    assert shlex.split(command) == ["wmgraph", "query", "people-at", "--param", f"org={HOSTILE_ORG}"]
    page.click("#q-ask")
    assert status(browser) == ("this page is too big to carry the query engine: this question needs values: run "
                               + command)
    page.click("#q-expert summary")
    page.fill("#q-text", "SELECT ('<img src=x onerror=alert(6)>' AS ?x) WHERE {}")
    page.click("#q-run")
    status(browser)
    assert shlex.split(str(page.locator("#q-command").text_content()))[-1] == (
        "SELECT ('<img src=x onerror=alert(6)>' AS ?x) WHERE {}")
    assert page.locator("img").count() == 0


def test_a_long_answer_keeps_its_first_rows_and_says_so(browser: Browser, page_graph: Path, tmp_path: Path) -> None:
    model = load_model(page_graph)
    _, dumps = FORMATS["nt"]
    data = dumps(model_triples(model), namespaces(model.vocabulary)).encode("utf-8")
    answers = page_answers(data, model.vocabulary, LIBRARY_DIR, query_library(), max_rows=2)
    entities = next(answer for answer in answers if answer["name"] == "entities")
    assert len(entities["rows"]) == 2 and entities["count"] == len(model.entities)
    path = tmp_path / "page.html"
    path.write_bytes(render_page(model, answers=answers))
    browser.open(path)
    answer = browser.js("wmgraph.query('entities')")
    full = cli_rows(page_graph, tmp_path / "out", "entities", {})
    assert len(answer["results"]["bindings"]) == 2 and set(rows(answer)) <= set(full)
    assert answer["precomputed"] == {"count": len(full), "shown": 2, "command": "wmgraph query entities"}
    browser.page.click("#questions-button")
    browser.page.select_option("#q-select", "entities")
    browser.page.click("#q-ask")
    assert status(browser) == (f"The first 2 of {len(full):,} rows, worked out when the page was built: "
                               "run the command below for all of them")
    assert browser.page.locator("#q-command").text_content() == "wmgraph query entities"


def test_an_answer_the_command_refuses_is_the_commands_message(page_graph: Path, tmp_path: Path) -> None:
    model = load_model(page_graph)
    _, dumps = FORMATS["nt"]
    data = dumps(model_triples(model), namespaces(model.vocabulary)).encode("utf-8")
    library = [{"name": "broken", "text": "# Broken.\nSELECT ?x WHERE { ?x ?y }\n"},
               {"name": "elsewhere", "text": "# Default missing.\n# @param org entity=no-such-org  An org.\n"
                                             "SELECT ?p WHERE { ?p ?q ?org }\n"},
               {"name": "remote", "text": "# Elsewhere.\nSELECT ?s WHERE { SERVICE <http://e.invalid/> { ?s ?p ?o } }"},
               {"name": "needs", "text": "# Needs one.\n# @param org entity  An org.\n"
                                         "SELECT ?p WHERE { ?p ?q ?org }\n"}]
    answers = {answer["name"]: answer for answer in page_answers(data, model.vocabulary, tmp_path, library)}
    assert set(answers) == {"broken", "elsewhere", "remote"}  # a question that needs a value gets none
    for entry in library[:3]:
        (tmp_path / f"{entry['name']}.rq").write_text(entry["text"], encoding="utf-8")
        cli = CliRunner().invoke(main, ["query", entry["name"], "--queries", str(tmp_path), "--graph",
                                        str(page_graph), "--out", str(tmp_path / "out")])
        assert cli.exit_code != 0 and cli.output.endswith(f"Error: {answers[entry['name']]['error']}\n")
    assert answers["broken"]["error"].startswith(f"syntax error in query 'broken' at {tmp_path}/broken.rq:")
    assert answers["elsewhere"]["error"].startswith("parameter 'org': no entity 'no-such-org' in the graph")
    assert answers["remote"]["error"].startswith("query 'remote' has a SERVICE clause")


def test_the_answered_page_is_built_the_same_and_the_limit_counts_in_the_stamp(
        page_graph: Path, tmp_path: Path) -> None:
    first = build(page_graph, tmp_path / "a", engine_limit=1)
    build(page_graph, tmp_path / "b", engine_limit=1)
    assert (tmp_path / "a" / "wmgraph.html").read_bytes() == (tmp_path / "b" / "wmgraph.html").read_bytes()
    assert first.model is not None
    again = build(page_graph, tmp_path / "a")  # the default limit: the engine again, so a new page
    assert [path.name for path in again.changed] == ["wmgraph.html"]
    assert WASM in (tmp_path / "a" / "wmgraph.html").read_bytes()
    assert re.search(rb'"engine":true', (tmp_path / "a" / "wmgraph.html").read_bytes())


def test_a_focus_page_names_the_command_for_every_question(browser: Browser, page_graph: Path, tmp_path: Path) -> None:
    path = tmp_path / "focus.html"
    path.write_bytes(render_page(load_model(page_graph), "wmhtia", 1))
    browser.open(path)
    refused = browser.js("wmgraph.query('entities').then(() => '', e => [e.message, e.command])")
    assert refused == ["this page carries no query engine: run wmgraph query entities", "wmgraph query entities"]
    browser.page.click("#questions-button")
    browser.page.select_option("#q-select", "jobs-by-place")
    assert browser.page.locator("#q-status").text_content() == (
        "This page carries no query engine: run the command below for this question.")
    assert browser.page.locator("#q-command").text_content() == "wmgraph query jobs-by-place"


def test_the_answers_come_from_the_graph_never_from_an_n_triples_file_changed_by_hand(
        page_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(page_graph, out, engine_limit=1)
    nt, page = out / "wmgraph.nt", (out / "wmgraph.html").read_bytes()
    build(page_graph, out, check=True, engine_limit=1)  # the answers read from the output the graph's triples match
    whole = nt.read_bytes()
    nt.write_bytes(whole[:whole.index(b"\n", len(whole) // 2) + 1])  # half the triples gone
    with pytest.raises(OutputError) as raised:
        build(page_graph, out, check=True, engine_limit=1)
    assert str(raised.value) == f"output is stale: {nt} (run 'wmgraph build' and commit the result)"
    rebuilt = build(page_graph, out, engine_limit=1)
    assert rebuilt.changed == [nt]
    assert (out / "wmgraph.html").read_bytes() == page
    assert nt.read_bytes() == whole
