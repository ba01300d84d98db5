"""Quotes in the provenance panel, and the sources' stored texts opened in the page with the passage marked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wmgraph.building import build
from wmgraph.page.html import render_page

from .conftest import Browser
from .test_html import page_json

HOSTILE_TEXT = ("First line \U0001f600 before.\n"
                "Then <img src=x onerror=alert(4)> said   </script><script>alert(5)</script> & \u201cmore\u201d. "
                "After <b>bold</b>.\n")
HOSTILE_SOURCE = """\
hostile-text:
  title: "<script>alert(6)</script> title"
  publisher: "<i>press</i>"
  date: 2024-01
  text: texts/hostile.txt
"""
HOSTILE_ENTITY = """\
hostile-quoter:
  type: person
  name: Hostile Quoter
  source: hostile-text
  quote: '<img src=x onerror=alert(4)> said </script><script>alert(5)</script>'
  facts:
    - member-of: university-of-birmingham
      source: hostile-text
      quote: '<img src=x onerror=alert(4)> said </script><script>alert(5)</script> & "more"'
"""


@pytest.fixture
def hostile_page(page_graph: Path, tmp_path: Path) -> Path:
    """The fixture graph plus a source whose stored text, title and quotes are hostile."""
    (page_graph / "texts" / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    with (page_graph / "sources.yaml").open("a", encoding="utf-8") as sources:
        sources.write(HOSTILE_SOURCE)
    (page_graph / "hostile.yaml").write_text(HOSTILE_ENTITY, encoding="utf-8")
    build(page_graph, tmp_path / "hostile-out")
    return tmp_path / "hostile-out" / "wmgraph.html"


def marked_and_visible(browser: Browser) -> bool:
    """Whether the reader's marked passage lies inside the reader's scrolled text box."""
    return bool(browser.js("""(() => {
        const mark = document.querySelector('#reader-text mark').getBoundingClientRect();
        const box = document.getElementById('reader-text').getBoundingClientRect();
        return mark.height > 0 && mark.top >= box.top && mark.bottom <= box.bottom;
    })()"""))


# ---- in Python ----

def test_each_text_once_and_quotes_as_offsets(seed_build: Any) -> None:
    model = seed_build.model
    data = page_json(render_page(model).decode())
    texts = [model.sources[key].text or None for key in data["source_keys"]]
    assert data["texts"] == texts and sum(1 for text in texts if text) == 4
    quoted = [fact for fact in sorted(model.facts, key=lambda f: f.key) if fact.quote]
    assert len(data["fact_quotes"]) == len(quoted)
    for row in data["fact_quotes"] + data["entity_quotes"]:
        text = data["texts"][row[2]]
        assert text[row[4]:row[5]] == row[1]  # the quote is the text's own words
        assert row[3] <= row[4] < row[5] <= row[6]
        # The sentence around it, not the paragraph: no line break outside the quoted words.
        assert "\n" not in text[row[3]:row[4]] + text[row[5]:row[6]]


def test_a_graph_without_texts_sends_nothing_more(big_page: Path) -> None:
    page = big_page.read_bytes()
    assert b'"texts"' not in page and b'"fact_quotes"' not in page


def test_offsets_count_as_javascript_does(hostile_page: Path) -> None:
    data = page_json(hostile_page.read_text(encoding="utf-8"))
    place = data["source_keys"].index("hostile-text")
    (row,) = data["fact_quotes"]
    words = HOSTILE_TEXT.split("Then ")[1].split(". After")[0]  # as the text has them: three spaces, curly quotes
    assert row[2] == place and row[1] == words
    text = data["texts"][place].encode("utf-16-le")  # the emoji before counts as two, as in JavaScript
    assert text[2 * row[4]:2 * row[5]].decode("utf-16-le") == words


# ---- in Chromium ----

def test_quote_in_the_panel_and_passage_in_the_source(browser: Browser, seed_page: Path) -> None:
    browser.open(seed_page)
    browser.js("wmgraph.selectEntity('andy-street', true)")
    evidence = browser.page.locator("#panel-body li.fact .evidence").first
    assert evidence.locator("mark").inner_text() == "Andy Street, Mayor of the West Midlands said in a statement"
    assert evidence.locator("blockquote").inner_text() == "Andy Street, Mayor of the West Midlands said in a statement:"
    evidence.get_by_role("button", name="Read the passage in West Midlands Prepares for 1,000 New Tech Roles").click()
    assert browser.js("document.getElementById('reader').open")
    assert browser.page.locator("#reader-title").inner_text() == "West Midlands Prepares for 1,000 New Tech Roles"
    assert browser.page.locator("#reader-text mark").inner_text() == evidence.locator("mark").inner_text()
    assert browser.js("document.getElementById('reader-text').textContent.startsWith("
                      "'West Midlands Prepares for 1,000 New Tech Roles\\nBy Anushka Malhotra')")
    assert marked_and_visible(browser)
    browser.page.keyboard.press("Escape")
    assert not browser.js("document.getElementById('reader').open")
    assert browser.page.locator("#panel-body h2").first.inner_text() == "Andy Street"


def test_a_passage_far_down_is_scrolled_into_view(browser: Browser, seed_page: Path) -> None:
    browser.open(seed_page)
    browser.page.set_viewport_size({"width": 900, "height": 500})
    browser.js("wmgraph.selectEntity('mayor-of-the-west-midlands', true)")
    evidence = browser.page.locator("#panel-body .evidence", has_text="Richard Parker, Mayor of the West Midlands")
    evidence.first.locator("button.read").click()
    assert browser.page.locator("#reader-text mark").inner_text() == "Richard Parker, Mayor of the West Midlands"
    assert browser.js("document.getElementById('reader-text').scrollTop") > 0
    assert marked_and_visible(browser)


def test_a_source_is_one_click_from_the_sources_list(browser: Browser, seed_page: Path) -> None:
    browser.open(seed_page)
    browser.js("wmgraph.selectEntity('andy-street', true)")
    sources = browser.page.locator("#panel-body h3:has-text('Sources for this entity') + ul.sources")
    title = "West Midlands Prepares for 1,000 New Tech Roles"
    sources.get_by_role("button", name=f"Read the stored text of {title}").click()
    assert browser.page.locator("#reader-title").inner_text() == "West Midlands Prepares for 1,000 New Tech Roles"
    assert browser.page.locator("#reader-text mark").count() == 0
    browser.page.locator("#reader-close").click()
    assert not browser.js("document.getElementById('reader').open")
    # Every source named with a stored text has its button, in the facts' lists too; none without one.
    assert browser.js("""(() => {
        const titles = wmgraph.data.sources.filter((s, i) => wmgraph.data.texts[i]).map(s => s.title);
        const items = [...document.querySelectorAll('#panel-body ul.sources li')];
        return items.length > 2 && items.every(li =>
            !!li.querySelector('button.read') === titles.includes(li.firstChild.textContent));
    })()""")


def test_hostile_quotes_and_texts_stay_text(browser: Browser, hostile_page: Path) -> None:
    browser.open(hostile_page)
    browser.js("wmgraph.selectEntity('hostile-quoter', true)")
    panel = browser.page.locator("#panel-body")
    marks = panel.locator(".evidence mark")
    said = "<img src=x onerror=alert(4)> said   </script><script>alert(5)</script>"
    assert marks.nth(0).text_content() == said
    assert marks.nth(1).text_content() == said + " & \u201cmore\u201d"
    panel.locator("li.fact .evidence button.read").click()
    assert browser.page.locator("#reader-title").inner_text() == "<script>alert(6)</script> title"
    assert browser.page.locator("#reader-text mark").text_content() == said + " & \u201cmore\u201d"
    assert browser.js("document.getElementById('reader-text').textContent") == HOSTILE_TEXT
    injected = "#reader img, #reader script, #reader b, #panel-body img"
    assert browser.js(f"document.querySelectorAll('{injected}').length") == 0
