"""A merged entity in the page: a link made before `wmgraph merge` opens the entity it was merged into."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main

from .conftest import Browser

PLANTED = """\
birmingham-uni:
  type: university
  name: Birmingham Uni
  source: uktn-jobs
  facts:
    - partners-with: version-1
      source: uktn-jobs
"""


@pytest.fixture
def merged_page(mini_graph: Path, tmp_path: Path) -> Path:
    """The mini graph with a planted duplicate merged into the University of Birmingham, built."""
    from wmgraph.building import build

    (mini_graph / "planted.yaml").write_text(PLANTED, encoding="utf-8")
    result = CliRunner().invoke(main, ["merge", "--graph", str(mini_graph), "university-of-birmingham",
                                       "birmingham-uni", "--apply"])
    assert result.exit_code == 0, result.output
    build(mini_graph, tmp_path / "out")
    return tmp_path / "out" / "wmgraph.html"


def test_a_link_to_the_old_id_selects_the_entity_it_was_merged_into(browser: Browser, chromium: Any,
                                                                     merged_page: Path) -> None:
    browser.open(merged_page, "#e=birmingham-uni&focus=1")
    assert browser.js("wmgraph.network.getSelectedNodes()") == ["university-of-birmingham"]
    assert browser.page.locator("#panel h2").text_content() == "University of Birmingham"
    assert browser.page.locator("#panel p.aliases").all_text_contents() == [
        "Also known as: Birmingham University; Birmingham Uni", "Merged from: birmingham-uni"]
    browser.js("wmgraph.writeHash()")
    assert browser.js("location.hash").startswith("#e=university-of-birmingham&focus=1&")
    # a link followed on a page already open goes the same way
    browser.js("wmgraph.selectEntity('version-1', false)")
    browser.js("location.hash = '#e=birmingham-uni'")
    browser.page.wait_for_function("wmgraph.network.getSelectedNodes()[0] === 'university-of-birmingham'")


@pytest.mark.parametrize("query", ["Birmingham Uni", "birmingham-uni", "BIRMINGHAM UNI"])
def test_search_finds_the_entity_by_the_old_name_and_id(browser: Browser, merged_page: Path, query: str) -> None:
    browser.open(merged_page)
    browser.page.locator("#search-input").fill(query)
    assert browser.page.locator("#search-results li").first.text_content() == (
        "University of Birmingham(Birmingham Uni)University")
    browser.page.locator("#search-input").press("Enter")
    assert browser.js("wmgraph.network.getSelectedNodes()") == ["university-of-birmingham"]
