"""The page's scripts: their Node unit tests, and ids and names that every JavaScript object has."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from wmgraph.building import build
from wmgraph.model.checking import load_model
from wmgraph.page import html as htmlpage
from wmgraph.page.html import render_page

from ..conftest import ROOT, require_program
from .conftest import Browser

# Entity ids are slugs, so of the names Object.prototype holds only `constructor` can be an id;
# the others are names and aliases.
PROTO = """\
constructor:
  type: company
  name: __proto__
  aliases: [valueOf, isPrototypeOf]
  source: jobs-article
  facts:
    - partners-with: university-of-birmingham
      as-of: 2023-10
      source: jobs-article
    - partners-with: tostring
      source: jobs-article
tostring:
  type: company
  name: toString
  aliases: [constructor]
  source: jobs-article
  facts:
    - member-of: constructor
      source: uktn-jobs
hasownproperty:
  type: person
  name: hasOwnProperty
  source: uktn-jobs
  facts:
    - holds-post: mayor-of-the-west-midlands
      as-of: 2025-06
      source: uktn-jobs
"""


@pytest.mark.slow
def test_the_scripts_pass_their_node_unit_tests() -> None:
    """tests/js/*.test.js, run by Node's own test runner: every pure part of the page's script."""
    node = require_program("node")
    files = sorted(str(path) for path in (ROOT / "tests" / "js").glob("*.test.js"))
    assert len(files) >= 4
    result = subprocess.run([node, "--test", *files], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    counts = dict(re.findall(r"^# (tests|pass|fail) (\d+)$", result.stdout, re.M))
    assert int(counts["tests"]) > 20 and counts["pass"] == counts["tests"] and counts["fail"] == "0"


def test_the_scripts_are_inlined_in_order(mini_graph: Path) -> None:
    """Each script once, in the order of SCRIPTS, each namespace defined before page.js uses it."""
    page = render_page(load_model(mini_graph))
    places = [page.index((htmlpage.ASSETS / name).read_bytes().strip()) for name in htmlpage.SCRIPTS]
    assert places == sorted(places)
    assert page.count(b"var wmgraphPageData = ") == 1


@pytest.fixture
def proto_graph(mini_graph: Path) -> Path:
    (mini_graph / "proto.yaml").write_text(PROTO, encoding="utf-8")
    return mini_graph


def test_ids_and_names_every_object_has(browser: Browser, proto_graph: Path, tmp_path: Path) -> None:
    build(proto_graph, tmp_path / "out")
    page = tmp_path / "out" / "wmgraph.html"
    browser.open(page)  # the browser fixture fails on any script error
    assert browser.page.locator("#status").text_content() == "9 of 9 entities, 7 of 7 relations shown"
    assert sorted(browser.js("wmgraph.nodes.getIds()"))[:3] == ["andy-street", "birmingham", "e:constructor"]
    assert sorted(browser.visible_edges("partners-with")) == [("e:constructor", "tostring"),
                                                               ("e:constructor", "university-of-birmingham")]
    search = browser.page.locator("#search-input")
    search.fill("__proto__")
    search.press("Enter")
    assert browser.js("wmgraph.network.getSelectedNodes()") == ["e:constructor"]
    assert browser.page.locator("#panel h2").text_content() == "__proto__"
    assert browser.page.locator("#panel .aliases").text_content() == "Also known as: valueOf; isPrototypeOf"
    facts = browser.page.locator("#panel .facts > li .what")
    assert facts.all_text_contents() == ["__proto__ partners with toString",
                                         "__proto__ partners with University of Birmingham",
                                         "toString member of __proto__"]
    search.fill("constructor")
    assert browser.page.locator("#search-results li").all_text_contents() == ["toString(constructor)Company"]
    browser.page.locator("#panel .facts button", has_text="toString").first.click()
    assert browser.page.locator("#panel h2").text_content() == "toString"
    browser.click_node("e:constructor")
    assert browser.page.locator("#panel h2").text_content() == "__proto__"
    browser.js("wmgraph.setDate('2024-01-01')")
    assert browser.page.locator("#status").text_content().endswith("on 1 Jan 2024: 6 valid, 1 not yet reported")


def test_a_link_to_constructor_and_hostile_fragment_names(browser: Browser, proto_graph: Path,
                                                          tmp_path: Path) -> None:
    build(proto_graph, tmp_path / "out")
    page = tmp_path / "out" / "wmgraph.html"
    browser.open(page, "#__proto__=x&constructor=y&types=constructor,__proto__,company&rels=toString"
                       "&e=constructor&zoom=1.5&at=0,0")
    assert browser.js("wmgraph.network.getSelectedNodes()") == ["e:constructor"]
    assert browser.page.locator("#panel h2").text_content() == "__proto__"  # its type shown again to select it
    assert browser.page.locator("#type-filters input[value=company]").is_checked()
    assert browser.page.locator("#type-filters input[value=person]").is_checked()
    browser.js("wmgraph.writeHash()")
    assert browser.js("location.hash").startswith("#e=constructor&zoom=1.500&at=")


def test_a_big_page_with_constructor(browser: Browser, proto_graph: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The overview, a community expanded, and the entity brought in by a search."""
    monkeypatch.setattr(htmlpage, "PHYSICS_LIMIT", 3)
    page = tmp_path / "big.html"
    page.write_bytes(render_page(load_model(proto_graph)))
    browser.open(page)
    assert browser.js("wmgraph.data.big") is True
    names = browser.js("wmgraph.groups.map(g => g.name)")
    assert any("__proto__" in name for name in names)
    home = browser.js("wmgraph.groups.findIndex(g => g.members.includes('constructor'))")
    browser.js(f"wmgraph.expand({home}, true)")
    assert "e:constructor" in browser.js("wmgraph.nodes.getIds()")
    browser.js("wmgraph.overview()")
    assert "e:constructor" not in browser.js("wmgraph.nodes.getIds()")
    browser.js("wmgraph.selectEntity('constructor', true)")
    assert browser.js("wmgraph.network.getSelectedNodes()") == ["e:constructor"]
    assert browser.page.locator("#panel h2").text_content() == "__proto__"
