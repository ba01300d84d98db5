"""The interactive page: its data and escaping in Python, and its behaviour in headless Chromium."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wmgraph.building import BuildResult, build
from wmgraph.cli.main import main
from wmgraph.model.checking import load_model
from wmgraph.page import html as htmlpage
from wmgraph.page.data import validity
from wmgraph.page.html import render_page
from wmgraph.page.texts import format_date, format_duration, format_money

from .conftest import XSS_NAME, Browser


def page_json(page: str) -> Any:
    match = re.search(r'<script type="application/json" id="wmgraph-data">(.*?)</script>', page, re.S)
    assert match is not None
    return json.loads(match.group(1))


def page_entities(data: Any) -> dict[str, dict[str, Any]]:
    """The page's entity rows as the page's script reads them."""
    fields = ("name", "type", "src", "aliases", "description", "url")
    found = {}
    for row in data["entities"]:
        values = [*row[1:], [], "", ""][:6]  # empty trailing fields are left off
        values[1] = data["types"][values[1]]["key"]
        values[2] = [data["source_keys"][i] for i in values[2]]
        found[row[0]] = dict(zip(fields, values, strict=True))
    return found


def page_facts(data: Any) -> list[dict[str, Any]]:
    """The page's fact rows as the page's script reads them."""
    keys = [row[0] for row in data["entities"]]
    linking = {relation["key"] for relation in data["relations"] if relation["edge"]}
    facts = []
    for place, *rest in data["facts"]:
        row = [place, data["relations"][rest[0]]["key"], *rest[1:3], *(data["source_keys"][i] for i in rest[3:])]
        q, fig, refs, begin, end, reported = data["shown"][row[3]]
        edge = row[1] in linking
        facts.append({"s": keys[row[0]], "r": row[1], "o": keys[row[2]] if edge else None,
                      "t": None if edge else row[2], "q": q, "fig": fig, "refs": refs, "from": begin, "to": end,
                      "rep": reported, "src": row[4:]})
    return facts


# ---- in Python ----

def test_quantities_are_formatted_as_people_write_them() -> None:
    assert format_money(14500000) == "£14.5m"
    assert format_money(Decimal("1200000000")) == "£1.2bn"
    assert format_money(250000) == "£250,000"
    assert format_money(3000000, "EUR") == "€3m"
    assert format_money(500, "JPY") == "JPY 500"
    assert format_date("2023-10") == "Oct 2023"
    assert format_date("2023-10-19") == "19 Oct 2023"
    assert format_date("2023") == "2023"
    assert format_duration("P3Y") == "3 years"
    assert format_duration("P1Y6M") == "1 year 6 months"


def test_mayor_rule_with_only_as_of_dates(page_graph: Path) -> None:
    model = load_model(page_graph)
    intervals = validity(model.facts)
    street = next(f for f in model.facts if f.subject == "andy-street" and f.relation == "holds-post")
    parker = next(f for f in model.facts if f.subject == "richard-parker")
    # Street, stated in Oct 2023, holds the post until Parker is first stated to (June 2025).
    assert intervals[street.key] == ("2023-10-01", "2025-05-31")
    assert intervals[parker.key] == ("2025-06-01", None)


def test_mayor_rule_with_the_seed_graphs_terms(seed_build: BuildResult) -> None:
    facts = [f for f in seed_build.model.facts if f.relation == "holds-post"]
    intervals = validity(facts)

    def holders(day: str) -> set[str]:
        return {f.subject for f in facts if (intervals[f.key][0] or "") <= day <= (intervals[f.key][1] or "9999")}

    assert holders("2024-04-01") == {"andy-street"}
    assert holders("2024-06-01") == {"richard-parker"}


def test_page_loads_nothing_from_the_network(seed_build: BuildResult) -> None:
    page = next(path for path in seed_build.files if path.name == "wmgraph.html").read_text()
    assert not re.search(r"<(script|img|iframe|link)\b[^>]*\b(src|href)\s*=", page, re.I)
    assert "@import" not in page
    assert not re.search(r"url\(\s*(?!['\"]?data:)", page)
    assert not re.search(r"@font-face", page)
    assert "default-src 'none'" in page  # the browser itself refuses any other load


def test_data_is_escaped_json(page_graph: Path) -> None:
    page = render_page(load_model(page_graph)).decode()
    assert XSS_NAME not in page
    assert "<script>alert" not in page and "</script><script>" not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    entities = page_entities(page_json(page))
    assert entities["xss-company"]["name"] == XSS_NAME
    assert entities["xss-company"]["description"] == "<b>bold?</b> & <script>alert(2)</script>"


def test_script_json_writes_what_json_dumps_writes(page_graph: Path) -> None:
    def dumped(value: Any) -> bytes:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").encode("utf-8")

    model = load_model(page_graph)
    keys = sorted(model.entities)
    data = htmlpage.page_data(model, keys, sorted(model.facts, key=lambda fact: fact.key))
    data.update(htmlpage.drawing(model, keys, data))
    data["odd"] = {"floats": [0.1, 0.015, -65.0, 1e16, 12345.678], "text": "é ✓ \u2028 \x00 \\ \" </script> & >",
                   "empty": [{}, [], None, True, False, -0]}
    assert htmlpage.script_json(data) == dumped(data)
    tiny = [-2.5e-07, 1e-300]  # written 2.5e-7 rather than 2.5e-07: the same number (the page has none)
    assert json.loads(htmlpage.script_json(tiny)) == tiny


def test_page_data_carries_facts_figures_and_sources(page_graph: Path) -> None:
    data = page_json(render_page(load_model(page_graph)).decode())
    assert len(data["nodes"]) == 2 * len(data["entities"]) == 16  # x and y of each entity
    facts = page_facts(data)
    investment = next(f for f in facts if f["r"] == "investment")
    assert investment["s"] == "wmhtia" and investment["o"] is None
    assert investment["fig"] == "£14.5m"
    assert ["amount", "£14.5m"] in investment["q"]
    pledge = next(f for f in facts if f["r"] == "pledges-jobs")
    assert pledge["fig"] == "pledged 500 jobs" and ["over", "3 years"] in pledge["q"]  # a pledge, not jobs
    assert pledge["q"][-1] == ["status", "pledged"]
    assert pledge["src"] == ["jobs-article", "uktn-jobs"]
    count = next(f for f in facts if f["r"] == "stated-count")
    assert count["fig"] == "21 partners"
    mayors = {f["s"]: (f["from"], f["to"]) for f in facts if f["r"] == "holds-post"}
    assert mayors == {"andy-street": ("2023-10-01", "2025-05-31"), "richard-parker": ("2025-06-01", None)}
    assert data["sources"][data["source_keys"].index("uktn-jobs")] == {
        "title": "West Midlands set for 1,000 New Tech Jobs", "publisher": "UKTN", "authors": "Scammell, R.",
        "date": "19 Oct 2023",
        "url": "https://www.uktech.news/tech-hubs/west-midlands/west-midlands-tech-jobs-boost-20231019"}
    assert [t["key"] for t in data["types"]] == ["person", "company", "university", "post", "initiative", "city"]


def test_a_status_is_shown_with_its_date_and_before_the_figure_of_a_fact_not_stated(mini_graph: Path) -> None:
    facts = mini_graph / "organisations.yaml"
    facts.write_text(facts.read_text().replace("      kind: public\n", "      kind: public\n      status: possible\n"
                                               "      status-date: 2023-10\n"))
    shown = {f["r"]: f for f in page_facts(page_json(render_page(load_model(mini_graph)).decode()))}
    assert shown["investment"]["fig"] == "possible £14.5m"
    assert shown["investment"]["q"][-1] == ["status", "possible (Oct 2023)"]
    assert shown["stated-count"]["fig"] == "21 partners"  # stated: no status shown
    assert all(pair[0] != "status" for pair in shown["stated-count"]["q"])


def test_page_is_byte_identical_on_rebuild(page_graph: Path, tmp_path: Path) -> None:
    first = build(page_graph, tmp_path / "a")
    second = build(page_graph, tmp_path / "b")
    assert (tmp_path / "a" / "wmgraph.html").read_bytes() == (tmp_path / "b" / "wmgraph.html").read_bytes()
    assert tmp_path / "a" / "wmgraph.html" in first.files and second.files
    assert build(page_graph, tmp_path / "a", check=True)


def test_big_graphs_are_laid_out_ahead_with_physics_off(page_graph: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small = page_json(render_page(load_model(page_graph)).decode())
    assert small["options"]["physics"]["enabled"] is True and small["big"] is False
    monkeypatch.setattr(htmlpage, "PHYSICS_LIMIT", 3)
    big = page_json(render_page(load_model(page_graph)).decode())
    assert big["options"]["physics"]["enabled"] is False and big["big"] is True
    positions = set(zip(big["nodes"][::2], big["nodes"][1::2], strict=True))
    assert len(positions) == len(big["entities"])  # every node placed, none on top of another


@pytest.mark.slow
def test_page_options_are_pyvis_networks_own_without_loading_pyvis_whole() -> None:
    from pyvis.network import Network

    for big in (True, False):
        network = Network(directed=True)
        if big:
            network.toggle_physics(False)
            network.toggle_hide_edges_on_drag(True)
        else:
            network.force_atlas_2based(gravity=-75, central_gravity=0.02, spring_length=100, spring_strength=0.06,
                                       damping=0.5, overlap=1.0)
            network.options.physics.stabilization.iterations = 400
        theirs = json.loads(network.options.to_json())
        ours = htmlpage.vis_options(big)
        changed = {"edges", "nodes", "interaction", "layout"}  # the page's own settings, laid over pyvis's
        assert {k: v for k, v in ours.items() if k not in changed} == {
            k: v for k, v in theirs.items() if k not in changed}
        assert ours["physics"]["enabled"] is not big
        assert ours["interaction"]["hideEdgesOnDrag"] is big
        assert {k: v for k, v in ours["interaction"].items() if k not in ("hover", "tooltipDelay", "keyboard",
                "hideEdgesOnZoom", "multiselect")} == theirs["interaction"]


def test_vis_network_is_the_vendored_copy(page_graph: Path) -> None:
    """The page inlines the vis-network kept in the package, whose digests its licence file records."""
    vendor = htmlpage.ASSETS / "vendor"
    record = (vendor / "LICENSE-vis-network.txt").read_text(encoding="utf-8")
    page = render_page(load_model(page_graph))
    for name in ("vis-network.min.js", "vis-network.css"):
        data = (vendor / name).read_bytes()
        assert [name, "sha256", hashlib.sha256(data).hexdigest()] in [line.split() for line in record.splitlines()]
        assert data.replace(b"\r\n", b"\n").strip() in page  # inlined with Windows line ends made Unix ones
    assert b"@version 9.1.2" in page


@pytest.mark.slow
def test_a_page_is_made_without_pyvis(page_graph: Path, tmp_path: Path) -> None:
    """Building the page reads nothing of pyvis: an environment where it cannot be imported builds the same bytes."""
    blocker = tmp_path / "blocker"
    (blocker / "pyvis").mkdir(parents=True)
    (blocker / "pyvis" / "__init__.py").write_text("raise ImportError('pyvis is not used')\n", encoding="utf-8")
    script = ("import sys, importlib.metadata as metadata\n"
              "metadata.files = metadata.version = None\n"  # so a look-up of pyvis's installed files fails too
              "from pathlib import Path\nfrom wmgraph.model.checking import load_model\n"
              "from wmgraph.page.html import render_page\n"
              f"sys.stdout.buffer.write(render_page(load_model(Path({str(page_graph)!r}))))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, env=env).stdout
    assert out == render_page(load_model(page_graph))


def test_render_focus_command(page_graph: Path, in_tmp: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["render", "--graph", str(page_graph), "--focus", "andy-street", "--depth", "1"])
    assert result.exit_code == 0, result.output
    assert result.output == "Wrote andy-street.html: 2 entities and 1 relation within 1 relation of Andy Street.\n"
    data = page_json((in_tmp / "andy-street.html").read_text())
    assert sorted(page_entities(data)) == ["andy-street", "mayor-of-the-west-midlands"]
    assert data["focus"] == "andy-street"
    deeper = runner.invoke(main, ["render", "--graph", str(page_graph), "--focus", "andy-street",
                                  "--depth", "2", "--out", "mayor.html"])
    assert deeper.output == "Wrote mayor.html: 3 entities and 2 relations within 2 relations of Andy Street.\n"
    wrong = runner.invoke(main, ["render", "--graph", str(page_graph), "--focus", "andy-stret"])
    assert wrong.exit_code == 1
    assert wrong.output == ("Error: unknown entity 'andy-stret' (did you mean 'andy-street'?); "
                            "entity ids are the keys in the graph's YAML files\n")


# ---- in a real browser ----

def test_every_entity_is_a_node(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    assert browser.js("wmgraph.nodes.length") == 8
    assert browser.js("document.querySelectorAll('#type-filters input').length") == 6
    assert browser.page.locator("#status").text_content() == "8 of 8 entities, 6 of 6 relations shown"


def test_search_by_alias_with_the_keyboard(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    search = browser.page.locator("#search-input")
    search.fill("Birmingham University")
    options = browser.page.locator("#search-results li")
    assert options.first.text_content() == "University of Birmingham(Birmingham University)University"
    search.press("ArrowDown")
    search.press("ArrowUp")
    search.press("Enter")
    assert browser.js("wmgraph.network.getSelectedNodes()") == ["university-of-birmingham"]
    assert browser.page.locator("#panel h2").text_content() == "University of Birmingham"
    search.fill("wmhtia")
    search.press("Escape")
    assert search.input_value() == ""
    assert browser.page.locator("#search-results").is_hidden()


def test_several_relations_between_two_entities_are_separate_curves(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    pair = browser.js("wmgraph.edges.get({filter: e => [e.from, e.to].sort().join() === "
                      "'university-of-birmingham,xss-company'})")
    # partnership is symmetric, so its line runs between the two ids in sorted order
    assert sorted(e["id"] for e in pair) == ["university-of-birmingham|partners-with|xss-company",
                                            "xss-company|member-of|university-of-birmingham"]

    def bend(edge: dict[str, Any]) -> tuple[int, float]:
        # which side of the line from the smaller id to the larger one the curve bulges to, and how far
        clockwise = edge["smooth"]["type"] == "curvedCW"
        forwards = edge["from"] < edge["to"]
        return (1 if clockwise == forwards else -1), edge["smooth"]["roundness"]

    assert len({bend(e) for e in pair}) == 2
    assert all("smooth" not in e for e in browser.js("wmgraph.edges.get()") if e not in pair)


def test_type_filter_hides_its_entities(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    browser.page.locator("#type-filters input[value=person]").uncheck()
    assert browser.js("wmgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)") == [
        "birmingham", "mayor-of-the-west-midlands", "university-of-birmingham", "version-1", "wmhtia",
        "xss-company"]
    assert browser.visible_edges("holds-post") == []
    browser.page.locator("#relations-section summary").click()
    browser.page.locator("#relation-filters input[value=leads]").uncheck()
    assert browser.visible_edges("leads") == []
    assert browser.page.locator("#status").text_content() == "6 of 8 entities, 3 of 6 relations shown"


def test_date_control_switches_the_mayor(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    browser.page.locator("input[name=date-mode][value=hide]").check()
    browser.page.locator("#date-input").fill("2024-06-01")
    assert browser.page.locator("#date-enabled").is_checked()
    assert browser.visible_edges("holds-post") == [("andy-street", "mayor-of-the-west-midlands")]
    browser.page.locator("#date-input").fill("2025-07-01")
    assert browser.visible_edges("holds-post") == [("richard-parker", "mayor-of-the-west-midlands")]
    browser.page.locator("#date-enabled").uncheck()
    assert len(browser.visible_edges("holds-post")) == 2


def test_clicking_a_node_shows_its_facts_and_sources(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    browser.click_node("wmhtia")
    panel = browser.page.locator("#panel")
    assert panel.locator("h2").text_content() == "West Midlands Health Tech Innovation Accelerator"
    figures = panel.locator(".figures li").all_text_contents()
    assert figures[0].startswith("£14.5m ") and figures[1].startswith("21 partners ")
    assert "Also known as: WMHTIA" in panel.text_content()
    assert "West Midlands Prepares for 1,000 New Tech Roles (Anushka Malhotra, Oct 2023)" in panel.text_content()
    browser.click_node("version-1")
    assert panel.locator("h2").text_content() == "Version 1"
    link = panel.locator(".fact .sources a").first
    assert link.text_content() == "West Midlands set for 1,000 New Tech Jobs"
    assert link.get_attribute("href") == (
        "https://www.uktech.news/tech-hubs/west-midlands/west-midlands-tech-jobs-boost-20231019")
    assert "(UKTN, Scammell, R., 19 Oct 2023)" in panel.text_content()


def test_clicking_an_edge_shows_its_facts(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    browser.js("wmgraph.network.selectEdges(['version-1|pledges-jobs|birmingham'])")
    browser.js("wmgraph.network.body.emitter.emit('click', {nodes: [], edges: ['version-1|pledges-jobs|birmingham']})")
    panel = browser.page.locator("#panel")
    assert panel.locator("h2").text_content() == "Version 1 pledges jobs in Birmingham"
    assert panel.locator(".fact .figure").text_content() == "pledged 500 jobs"  # a pledge, not jobs
    assert panel.locator(".sources li").count() == 2


def test_hostile_names_stay_text(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    browser.page.locator("#search-input").fill("img src")
    browser.page.locator("#search-input").press("Enter")
    panel = browser.page.locator("#panel")
    assert panel.locator("h2").text_content() == XSS_NAME
    assert "<b>bold?</b> & <script>alert(2)</script>" in panel.text_content()
    assert browser.js("document.querySelectorAll('img, #panel b, #panel script').length") == 0
    browser.page.wait_for_timeout(300)  # give any injected handler the chance to fire


def test_the_built_seed_page(browser: Browser, seed_build: BuildResult) -> None:
    page_file = next(path for path in seed_build.files if path.name == "wmgraph.html")
    browser.open(page_file)
    assert browser.js("wmgraph.nodes.length") == len(seed_build.model.entities)
    browser.page.locator("#search-input").fill("Birmingham University")
    browser.page.locator("#search-input").press("Enter")
    assert browser.js("wmgraph.network.getSelectedNodes()") == ["university-of-birmingham"]
    browser.page.locator("input[name=date-mode][value=hide]").check()
    browser.page.locator("#date-input").fill("2024-04-01")
    assert {e[0] for e in browser.visible_edges("holds-post")} == {"andy-street"}
    browser.page.locator("#date-input").fill("2024-06-01")
    assert {e[0] for e in browser.visible_edges("holds-post")} == {"richard-parker"}


def test_a_withdrawn_fact_ends_at_its_status_date(mini_graph: Path) -> None:
    text = (mini_graph / "organisations.yaml").read_text()
    (mini_graph / "organisations.yaml").write_text(text.replace(
        "      duration: P3Y\n", "      duration: P3Y\n      status: withdrawn\n      status-date: 2024-05\n"))
    model = load_model(mini_graph)
    facts = page_facts(page_json(render_page(model).decode()))
    pledge = next(f for f in facts if f["r"] == "pledges-jobs")
    assert (pledge["from"], pledge["to"], pledge["q"][-1]) == (None, "2024-05-31", ["status", "withdrawn (May 2024)"])
    result = CliRunner().invoke(main, ["show", "--graph", str(mini_graph), "version-1"])
    assert "    status: withdrawn (2024-05): taken back, it stands no more after 2024-05\n" in result.output
