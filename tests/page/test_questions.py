"""The page's questions: the query library answered in the browser by Oxigraph's WebAssembly build."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.page import queries
from wmgraph.page.queries import query_library

from .conftest import XSS_NAME, Browser

# Parameters for the queries that need some, on the page_graph fixture (the others run with their defaults).
EXAMPLES: dict[str, dict[str, str]] = {
    "about": {"entity": "university-of-birmingham"},
    "connections": {"from": "xss-company", "to": "wmhtia"},
    "entities": {"type": "company"},
    "mayors": {"as_of": "2025-07"},
    "partners": {"org": "university-of-birmingham"},
    "people-at": {"org": "wmhtia"},
}


def cli_rows(graph: Path, out: Path, name: str, params: dict[str, str]) -> list[str]:
    """`wmgraph query NAME --format json` rows, each as sorted JSON text."""
    args = ["query", name, "--graph", str(graph), "--out", str(out), "--format", "json"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return rows(json.loads(result.output))


def rows(document: dict[str, Any]) -> list[str]:
    """SPARQL JSON results as sorted rows, every term with its type, value, datatype and language."""
    return sorted(json.dumps({name: _term(cell) for name, cell in row.items()}, sort_keys=True)
                  for row in document["results"]["bindings"])


def _term(cell: dict[str, str]) -> list[str]:
    datatype = cell.get("datatype", "") if cell.get("datatype") != "http://www.w3.org/2001/XMLSchema#string" else ""
    return [cell["type"], cell["value"], datatype, cell.get("xml:lang", "")]


def test_every_library_query_gives_the_cli_rows(browser: Browser, fixture_page: Path, page_graph: Path) -> None:
    library = [entry["name"] for entry in query_library()]
    assert len(library) >= 13
    assert set(EXAMPLES) <= set(library)
    browser.open(fixture_page)
    assert browser.js("wmgraph.queries().map(q => q.name)") == library
    compared = 0
    for name in library:
        params = EXAMPLES.get(name, {})
        expected = cli_rows(page_graph, fixture_page.parent, name, params)
        answer = browser.js(f"wmgraph.query({json.dumps(name)}, {json.dumps(params)})")
        assert answer["head"]["vars"], name
        assert rows(answer) == expected, name
        compared += bool(expected)
    assert compared > len(library) // 2  # most queries have rows on the fixture, so equality means something
    assert browser.js("wmgraph.timings.engine") > 0


def test_hostile_names_and_parameters_stay_text(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    answer = browser.js("wmgraph.query('connections', {from: 'xss-company', to: 'wmhtia'})")
    assert any(XSS_NAME in row["path"]["value"] for row in answer["results"]["bindings"])
    hostile = "x> } ; DELETE WHERE { ?s ?p ?o } #"
    for params in ({"org": hostile}, {"org": "<http://e/> ?p ?o } #>"}):
        error = browser.js(f"wmgraph.query('people-at', {json.dumps(params)}).then(() => 'answered', e => e.message)")
        assert "is not an entity id" in error
    missing = browser.js("wmgraph.query('people-at', {org: 'no-such-org'}).then(() => '', e => e.message)")
    assert missing == "parameter 'org': no entity 'no-such-org' in the graph"
    typed = browser.js("wmgraph.query('entities', {type: '\" } } DROP ALL #'}).then(a => a.results.bindings.length)")
    assert typed == 0  # bound as a literal: no type has that key


def test_free_queries_are_read_only_and_can_be_stopped(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    count = browser.js("wmgraph.sparql('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')")
    assert int(count["results"]["bindings"][0]["n"]["value"]) > 100
    refused = browser.js("wmgraph.sparql('DELETE WHERE { ?s ?p ?o }').then(() => '', e => e.message)")
    assert refused.startswith("the page answers read-only queries")
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    stopped = browser.js(f"wmgraph.sparql({json.dumps(slow)}, {{timeout: 300}}).then(() => '', e => e.message)")
    assert stopped == "the query took longer than 0 s and was stopped"
    again = browser.js("wmgraph.sparql('ASK { ?s ?p ?o }')")
    assert again["boolean"] is True
    names = browser.js("wmgraph.sparql('SELECT ?n WHERE { ?e schema:name ?n }')")
    assert XSS_NAME in [row["n"]["value"] for row in names["results"]["bindings"]]
    assert browser.page.locator("img").count() == 0


def test_the_engine_is_the_vendored_pinned_copy(fixture_page: Path) -> None:
    vendor = queries.VENDOR
    record = (vendor / "LICENSE-oxigraph.txt").read_text(encoding="utf-8")
    script = queries.ENGINE_JS.read_bytes()
    wasm = gzip.decompress(queries.ENGINE_WASM.read_bytes())
    assert f"oxigraph-web.js              = package/web.js, sha256 {hashlib.sha256(script).hexdigest()}" in record
    assert f"sha256 {hashlib.sha256(wasm).hexdigest()}" in record
    assert "oxigraph 0.5.11" in record and "MIT License" in record
    page = fixture_page.read_bytes()
    assert script in page
    assert base64.b64encode(queries.ENGINE_WASM.read_bytes()) in page
    assert b"'wasm-unsafe-eval'; worker-src blob:;" in page


def answered(browser: Browser) -> str:
    """Wait for the panel's status to say how the question went, and return it."""
    deadline = time.monotonic() + 60
    while browser.js("document.getElementById('q-ask').disabled"):  # polled: the CSP forbids Playwright's eval
        assert time.monotonic() < deadline, "the question was never answered"
        time.sleep(0.05)
    return str(browser.page.locator("#q-status").text_content())


def test_the_panel_asks_shows_and_selects(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    assert browser.js("wmgraph.timings.engine") is None  # nothing of the engine runs at open
    page = browser.page
    page.click("#questions-button")
    page.select_option("#q-select", "connections")
    page.fill("#q-param-from", "img src")  # the page's own search offers ids by name
    assert page.locator("#q-param-from-list option").first.get_attribute("value") == "xss-company"
    page.fill("#q-param-from", "xss-company")
    page.fill("#q-param-to", "wmhtia")
    page.click("#q-ask")
    assert re.fullmatch(r"\d+ rows? in \d+ ms", answered(browser))
    assert XSS_NAME in str(page.locator("#q-table").text_content())
    page.select_option("#q-select", "partners")
    page.fill("#q-param-org", "university-of-birmingham")
    page.click("#q-ask")
    answered(browser)
    cell = page.locator("#q-table .q-entity", has_text=XSS_NAME).first
    assert cell.text_content() == XSS_NAME
    cell.click()
    deadline = time.monotonic() + 10
    while "xss-company" not in browser.js("location.hash"):  # the URL is written once the view settles
        assert time.monotonic() < deadline, "the entity of the cell was not selected"
        time.sleep(0.05)
    assert XSS_NAME in str(page.locator("#panel-body").text_content())
    with page.expect_download() as download:
        page.click("#q-csv")
    assert download.value.suggested_filename == "partners.csv"
    page.fill("#q-param-org", '"> <img src=x onerror=alert(5)>')
    page.click("#q-ask")
    assert "is not an entity id" in answered(browser)
    page.click("#q-expert summary")
    page.fill("#q-text", "SELECT ('<img src=x onerror=alert(6)>' AS ?x) WHERE {}")
    page.click("#q-run")
    answered(browser)
    assert page.locator("#q-table td").first.text_content() == "<img src=x onerror=alert(6)>"
    page.fill("#q-text", "INSERT DATA { <a:b> <a:c> <a:d> }")
    page.click("#q-run")
    assert answered(browser).startswith("the page answers read-only queries")
    assert page.locator("img").count() == 0


@pytest.mark.slow
def test_the_panel_answers_at_10k_from_a_file_offline(browser: Browser, big_built_page: Path) -> None:
    assert big_built_page.as_uri().startswith("file:")
    browser.open(big_built_page)  # the fixture lets only file: URLs load, and fails on any other request
    page = browser.page
    page.click("#questions-button")
    page.select_option("#q-select", "jobs-by-place")
    page.click("#q-ask")
    expected = cli_rows(big_built_page.parent.parent / "graph", big_built_page.parent, "jobs-by-place", {})
    assert len(expected) > 50
    assert answered(browser) == f"{len(expected)} rows in {browser.js('Math.round(wmgraph.timings.query)')} ms"
    assert page.locator("#q-table tbody tr").count() == len(expected)
    shown = page.locator("#q-table tbody tr td:first-child .q-entity").evaluate_all("cells => cells.map(c => c.title)")
    base = browser.js("wmgraph.data.sparql.base")
    assert sorted(shown) == sorted(json.loads(row)["place"][1].removeprefix(base) for row in expected)
    assert browser.js("wmgraph.timings.engine") > 0
