"""The page's views in headless Chromium: overview and expansion, legend, as-of states, small screens,
keyboard and names, the view in the URL, PNG, embedding, timeline; and the layout measured in Python."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import pytest

from wmgraph.model.checking import load_model
from wmgraph.page.community import adjacency, communities
from wmgraph.page.layout import group_layout
from wmgraph.page.styles import distinct_styles

from ..conftest import SEED_GRAPH
from .conftest import Browser

STREET = "andy-street|holds-post|mayor-of-the-west-midlands"
PARKER = "richard-parker|holds-post|mayor-of-the-west-midlands"


def format_day(day: str) -> str:
    """A YYYY-MM-DD day as the page shows it: 1 May 2024."""
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{int(day[8:])} {months[int(day[5:7]) - 1]} {day[:4]}"


def wait_for_hash(browser: Browser, part: str) -> str:
    """The page's URL fragment once it holds `part` (it is written shortly after a change)."""
    deadline = time.monotonic() + 5
    while part not in (fragment := browser.js("location.hash")):
        assert time.monotonic() < deadline, f"{part!r} never reached the URL: {fragment!r}"
        time.sleep(0.05)
    return str(fragment)


# ---- in Python ----

def test_every_type_is_drawn_unlike_every_other() -> None:
    model = load_model(SEED_GRAPH)
    styles = distinct_styles([(t.key, t.colour, t.shape) for t in model.vocabulary.entity_types.values()])
    assert len(set(styles.values())) == len(styles)
    assert len({colour for colour, _ in styles.values()}) == len(styles)
    assert styles["organisation"] != styles["company"]
    places = [styles[key] for key in ("place", "country", "region", "city", "venue")]
    assert len({shape for _, shape in places}) == 5  # one hue, five shapes
    assert styles["person"] == ("#e15759", "dot")  # a type alone in its hue keeps the vocabulary's look


@pytest.mark.slow
def test_communities_and_layout_put_neighbours_together(tmp_path: Path) -> None:
    import subprocess
    import sys

    from ..conftest import ROOT

    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--entities", "2000", "--out",
                    str(tmp_path), "--vocabulary", str(SEED_GRAPH / "vocabulary.yaml")],
                   check=True, capture_output=True)
    model = load_model(tmp_path)
    keys = sorted(model.entities)
    place = {key: index for index, key in enumerate(keys)}
    links = [(place[f.subject], place[f.object]) for f in model.facts
             if f.object_is_entity and f.object is not None and f.subject != f.object]
    neighbours = adjacency(len(keys), links)
    groups = communities(neighbours)
    assert groups == communities(neighbours)  # deterministic
    sizes = sorted((groups.count(g) for g in set(groups)), reverse=True)
    assert 5 <= len(sizes) <= 200 and sizes[0] < len(keys) / 4  # no community swallows the graph
    inside = sum(groups[a] == groups[b] for a, b in links) / len(links)
    assert inside > 0.45
    positions = group_layout(neighbours, groups, 170.0)
    assert len(set(positions)) == len(keys)  # no two nodes on one spot
    xs, ys = [x for x, _ in positions], [y for _, y in positions]
    diameter = math.hypot(max(xs) - min(xs), max(ys) - min(ys))
    mean = sum(math.dist(positions[a], positions[b]) for a, b in links) / len(links)
    assert mean / diameter < 0.125  # neighbours drawn near each other, not across the drawing


# ---- the seed and mini graphs in a browser ----

def test_only_this_type_and_filters_refit(browser: Browser, seed_page: Path) -> None:
    browser.open(seed_page)
    before = browser.js("wmgraph.network.getScale()")
    browser.page.get_by_role("button", name="Show only Person").click()
    shown = browser.js("wmgraph.nodes.get({filter: n => !n.hidden}).map(n => n.etype)")
    assert shown and set(shown) == {"person"}
    assert browser.js("wmgraph.network.getScale()") != before  # the view fitted the people
    box = browser.page.locator("#graph").bounding_box()
    for point in browser.js("wmgraph.nodes.get({filter: n => !n.hidden}).map(n => "
                            "wmgraph.network.canvasToDOM(wmgraph.network.getPositions([n.id])[n.id]))"):
        assert 0 <= point["x"] <= box["width"] and 0 <= point["y"] <= box["height"]
    browser.page.locator("#all-types").click()
    assert browser.js("wmgraph.nodes.get({filter: n => !n.hidden}).length") == browser.js("wmgraph.nodes.length")


def test_tooltip_goes_when_the_view_changes(browser: Browser, fixture_page: Path) -> None:
    browser.open(fixture_page)
    box = browser.page.locator("#graph").bounding_box()
    point = browser.js("wmgraph.network.canvasToDOM(wmgraph.network.getPositions(['wmhtia'])['wmhtia'])")
    browser.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    browser.page.wait_for_selector("#tip:not([hidden])")
    assert browser.page.locator("#tip").text_content().startswith("West Midlands Health Tech Innovation Accelerator")
    browser.page.locator("#type-filters input[value=person]").uncheck()
    assert browser.page.locator("#tip").is_hidden()
    assert all(not tip.is_visible() for tip in browser.page.locator("div.vis-tooltip").all())


def test_as_of_states_are_told_apart(browser: Browser, fixture_page: Path, seed_page: Path) -> None:
    browser.open(fixture_page)
    browser.js("wmgraph.setDate('2024-06-01')")
    parker = browser.js(f"wmgraph.edges.get('{PARKER}')")
    street = browser.js(f"wmgraph.edges.get('{STREET}')")
    assert parker["dashes"] == [3, 4] and not street["dashes"]  # not yet reported, valid
    assert parker["color"]["opacity"] < street["color"]["opacity"]
    assert "5 valid, 1 not yet reported" in browser.page.locator("#status").text_content()
    browser.js("wmgraph.selectEntity('richard-parker', false)")
    assert browser.page.locator("#panel .when").text_content() == (
        "Not yet reported on 1 Jun 2024 (first reported on 1 Jun 2025)")
    browser.js("wmgraph.setDate('2025-07-01')")
    browser.js("wmgraph.selectEntity('andy-street', false)")
    assert browser.page.locator("#panel .when").text_content() == "Ended before 1 Jul 2025 (last day 31 May 2025)"
    assert browser.js(f"wmgraph.edges.get('{STREET}').color.color") == "#9aa0a6"
    browser.open(seed_page)
    # A relation with a start: the day before it, it has not yet begun (and is not called unreported).
    fact = browser.js("wmgraph.data.facts.findIndex((f, i) => f.o && f.from && !f.rep && f.from > '2000-01-02' && "
                      "wmgraph.edges.get().some(e => e.facts.length === 1 && e.facts[0] === i))")
    begins = browser.js(f"wmgraph.data.facts[{fact}].from")
    subject = browser.js(f"wmgraph.data.facts[{fact}].s")
    browser.js(f"wmgraph.setDate('{begins[:8]}01')" if begins[8:] != "01" else f"wmgraph.setDate('{begins[:4]}-01-01')")
    browser.js(f"wmgraph.selectEntity('{subject}', false)")
    when = browser.page.locator(f"#fact-{fact} .when").text_content()
    assert when.startswith("Not yet begun on ") and when.endswith(f"(begins {format_day(begins)})")
    assert browser.js(f"wmgraph.edges.get().find(e => e.facts.includes({fact})).dashes") == [10, 7]


def test_usable_at_360_pixels(chromium: Any, seed_page: Path) -> None:
    page = chromium.new_page(viewport={"width": 360, "height": 740})
    browser = Browser(page)
    browser.open(seed_page)
    assert browser.js("document.documentElement.scrollWidth") <= 360
    graph = page.locator("#graph").bounding_box()
    assert graph["width"] >= 340 and graph["height"] >= 400
    for selector in ("#search-input", "#status", "#controls-toggle", "#panel-toggle"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
    assert page.locator("#controls").is_hidden() and page.locator("#panel").is_hidden()
    page.locator("#controls-toggle").click()
    assert page.locator("#controls").is_visible()
    assert page.locator("#controls-toggle").get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.wait_for_timeout(250)
    assert page.locator("#controls").is_hidden()
    page.locator("#search-input").fill("techUK")
    page.locator("#search-input").press("Enter")
    page.wait_for_timeout(250)
    assert page.locator("#panel").is_visible() and page.locator("#panel h2").text_content() == "techUK"
    page.screenshot(path=str(seed_page.parent / "narrow.png"))
    page.close()
    assert browser.errors == [] and browser.requests == []


def test_keyboard_names_and_contrast(browser: Browser, seed_page: Path) -> None:
    browser.open(seed_page)
    unnamed = browser.js("""Array.from(document.querySelectorAll('button, input, select, [role=application]'))
        .filter(e => e.offsetParent !== null)
        .filter(e => !(e.getAttribute('aria-label') || (e.labels && e.labels.length && e.labels[0].textContent.trim())
                       || e.textContent.trim() || e.getAttribute('placeholder')))
        .map(e => e.outerHTML.slice(0, 80))""")
    assert unnamed == []
    low = browser.js("""(() => {
        function rgb(c) { return c.match(/[\\d.]+/g).slice(0, 3).map(Number); }
        function lum(c) { return rgb(c).map(v => { v /= 255;
                                                   return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                          .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0); }
        function bg(e) { while (e) { const b = getComputedStyle(e).backgroundColor;
                         if (b !== 'rgba(0, 0, 0, 0)') { return b; } e = e.parentElement; } return 'rgb(255,255,255)'; }
        return Array.from(document.querySelectorAll('#status, .hint, .count, #controls h2, .states li, label'))
          .filter(e => e.offsetParent !== null && e.textContent.trim())
          .map(e => { const a = lum(getComputedStyle(e).color), b = lum(bg(e));
                      return [e.className || e.id || e.tagName, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; })
          .filter(p => p[1] < 4.5); })()""")
    assert low == []
    browser.page.locator("#graph").focus()
    scale = browser.js("wmgraph.network.getScale()")
    browser.page.keyboard.press("+")
    browser.page.wait_for_timeout(300)
    assert browser.js("wmgraph.network.getScale()") > scale  # vis-network's keys zoom the focused graph
    browser.page.locator("#search-input").focus()
    browser.page.keyboard.press("Tab")
    assert browser.js("document.activeElement.id") == "focus-more"  # "focus-less" is off at degree 0
    browser.page.keyboard.press("Tab")
    assert browser.js("document.activeElement.id") == "png-button"


def test_a_link_opens_the_same_view(browser: Browser, chromium: Any, seed_page: Path) -> None:
    browser.open(seed_page)
    browser.page.locator("#type-filters input[value=photo]").uncheck()
    browser.page.locator("input[name=date-mode][value=hide]").check()
    browser.page.locator("#date-input").fill("2024-06-01")
    browser.js("wmgraph.selectEntity('techuk', false)")
    browser.js("wmgraph.network.moveTo({scale: 1.7, position: {x: 10, y: 20}})")
    browser.js("wmgraph.writeHash()")
    fragment = wait_for_hash(browser, "zoom=1.7")
    for part in ("e=techuk", "types=photo", "date=2024-06-01", "mode=hide", "at=10,20"):
        assert part in fragment
    other = Browser(chromium.new_page(viewport={"width": 1400, "height": 900}))
    other.open(seed_page, fragment)
    assert other.js("wmgraph.network.getSelectedNodes()") == ["techuk"]
    assert other.page.locator("#panel h2").text_content() == "techUK"
    assert other.page.locator("#date-input").input_value() == "2024-06-01"
    assert not other.page.locator("#type-filters input[value=photo]").is_checked()
    assert other.js("wmgraph.nodes.get({filter: n => n.etype === 'photo' && !n.hidden}).length") == 0
    assert abs(other.js("wmgraph.network.getScale()") - 1.7) < 0.01
    assert {e[0] for e in other.visible_edges("holds-post")} == {"richard-parker"}
    other.page.close()
    assert other.errors == []


def test_the_view_saves_as_png(browser: Browser, seed_page: Path) -> None:
    browser.open(seed_page)
    with browser.page.expect_download() as download:
        browser.page.locator("#png-button").click()
    path = download.value.path()
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert download.value.suggested_filename == "wmgraph.png"


@pytest.mark.parametrize("mode", ["graph", "panel"])
def test_embed_modes(browser: Browser, seed_page: Path, mode: str) -> None:
    browser.open(seed_page, f"#embed={mode}")
    assert browser.page.locator("header").is_hidden() and browser.page.locator("#controls").is_hidden()
    assert browser.page.locator("#panel").is_visible() is (mode == "panel")
    width = browser.page.locator("#graph").bounding_box()["width"]
    assert width >= (1390 if mode == "graph" else 1000)
    browser.js("wmgraph.selectEntity('techuk', false)")
    assert "embed=" + mode in wait_for_hash(browser, "e=techuk")


def test_timeline_of_the_selection(browser: Browser, seed_page: Path) -> None:
    browser.open(seed_page)
    browser.js("wmgraph.selectEntity('andy-street', false)")
    bars = browser.page.locator("#panel .timeline button.span")
    assert bars.count() >= 1
    label = bars.first.get_attribute("aria-label")
    assert label.startswith("holds post Mayor of the West Midlands, ") and " 20" in label
    bars.first.click()
    assert browser.js("wmgraph.network.getSelectedEdges()") == [STREET]
    assert browser.page.locator("#panel .fact.picked").count() == 1


# ---- a generated graph of 10,000 entities ----

def test_big_graph_overview_expand_and_search(chromium: Any, big_page: Path) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    browser = Browser(page)
    browser.open(big_page)
    groups = browser.js("wmgraph.groups.length")
    assert 20 <= groups <= 400
    assert browser.js("wmgraph.nodes.length") == groups  # only the community discs are in the data set
    first = browser.js("wmgraph.groups[0]")
    assert first["size"] > 50 and "\u00b7" in first["name"]
    # A click on a disc expands its community.
    box = page.locator("#graph").bounding_box()
    point = browser.js("wmgraph.network.canvasToDOM(wmgraph.network.getPositions(['g:0'])['g:0'])")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    # A community of more than 500 is drawn 500 members a frame, the most connected first.
    shown = browser.js("wmgraph.nodes.getIds()")
    assert "g:0" not in shown and set(first["members"][:500]) <= set(shown)
    drawn = [key in shown for key in first["members"]]
    assert drawn == sorted(drawn, reverse=True)  # those drawn so far are the most connected
    browser.drawn()
    shown = browser.js("wmgraph.nodes.getIds()")
    assert set(first["members"]) <= set(shown)
    again = browser.js("(() => { wmgraph.collapse(0); wmgraph.expand(0, true); return [wmgraph.drawing(), "
                       "wmgraph.groups[0].members.filter(k => wmgraph.nodes.get(k)).length]; })()")
    assert first["size"] > 500 and again == [True, 500]
    browser.drawn()
    assert set(first["members"]) <= set(browser.js("wmgraph.nodes.getIds()"))
    assert len(shown) < 3000
    assert page.locator("#panel h2").text_content() == first["name"]
    # Entities are sized by their relations against the whole graph, so a size never changes with what is drawn.
    sizes = browser.js("wmgraph.groups[0].members.map(k => wmgraph.nodes.get(k).size)")
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]  # members come most linked first
    # Search brings an entity of another community and its neighbours in.
    far = browser.js("wmgraph.groups[wmgraph.groups.length - 2].members[0]")
    name = browser.js(f"wmgraph.data.entities.get('{far}').name")
    page.locator("#search-input").fill(name)
    page.locator("#search-input").press("Enter")
    assert browser.js("wmgraph.network.getSelectedNodes()") == [far]
    assert browser.js(f"wmgraph.nodes.get('{far}') !== null")
    assert browser.js("wmgraph.groups[0].members.map(k => wmgraph.nodes.get(k).size)") == sizes
    # Lines to folded communities are counted from the entity asked for, not from each neighbour
    # brought in with it; selecting a neighbour draws its own.
    def counted_from() -> set[str]:
        return {i[2:].split(">")[0] for i in browser.js("wmgraph.edges.getIds().filter(i => i.startsWith('a:'))")}
    assert counted_from() <= {far}
    neighbour = browser.js(f"""wmgraph.data.edges.filter(e => e.from === '{far}' || e.to === '{far}')
        .map(e => e.from === '{far}' ? e.to : e.from).find(k => k !== '{far}' && wmgraph.data.edges.some(e =>
          (e.from === k || e.to === k) && !wmgraph.nodes.get(e.from === k ? e.to : e.from)))""")
    browser.js(f"wmgraph.selectEntity('{neighbour}', false)")
    assert neighbour in counted_from()
    # A line between two discs is not labelled; its tooltip gives its count and ends.
    line = browser.js("wmgraph.edges.get().filter(e => e.id.startsWith('gg:') && e.count > 1)"
                      ".map(e => ({id: e.id, from: e.from, to: e.to, count: e.count, label: e.label ?? null}))[0]")
    assert line["label"] is None
    browser.js(f"void wmgraph.network.emit('hoverEdge', {{edge: '{line['id']}', pointer: {{DOM: {{x: 5, y: 5}}}}}})")
    ends = [browser.js(f"wmgraph.groups[{line[end][2:]}].name") for end in ("from", "to")]
    assert page.locator("#tip").text_content() == f"{line['count']} relations between {ends[0]} and {ends[1]}"
    browser.js("wmgraph.setDate('2015-06-01')")
    assert browser.js("wmgraph.edges.length") < 3000  # the data set holds what is shown, not all 20,000
    assert "not yet begun" in page.locator("#status").text_content()
    browser.js("wmgraph.overview()")
    assert browser.js("wmgraph.nodes.length") == groups
    page.close()
    assert browser.errors == [] and browser.requests == []


def test_big_page_size(big_page: Path) -> None:
    assert big_page.stat().st_size < 6_000_000  # about 4.4 MB at 10k entities


def test_overview_and_fragment_stay_text(browser: Browser, page_graph: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Communities named after hostile names, and a hostile URL fragment, run nothing."""
    from wmgraph.page import html as htmlpage

    monkeypatch.setattr(htmlpage, "PHYSICS_LIMIT", 3)  # the mini graph drawn as an overview
    path = tmp_path / "overview.html"
    path.write_bytes(htmlpage.render_page(load_model(page_graph)))
    browser.open(path, "#e=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&types=%3Cscript%3E&open=0,99,x&zoom=abc")
    assert browser.js("wmgraph.data.big") is True
    names = browser.js("wmgraph.groups.map(g => g.name)")
    hostile = next(i for i, name in enumerate(names) if "<img" in name)
    browser.js(f"wmgraph.expand({hostile}, true)")
    assert "<img src=x onerror=alert(1)>" in browser.page.locator("#panel h2").text_content()
    browser.js("wmgraph.selectEntity('xss-company', true)")
    assert browser.page.locator("#panel h2").text_content() == "<img src=x onerror=alert(1)>"
    assert browser.js("document.querySelectorAll('img, #panel b, #panel script').length") == 0
    browser.page.wait_for_timeout(300)


def test_focus_fades_all_but_the_neighbourhood_and_stays_in_the_link(browser: Browser, chromium: Any,
                                                                     fixture_page: Path) -> None:
    browser.open(fixture_page)
    lines = [tuple(pair) for pair in browser.js("wmgraph.edges.get({filter: e => !e.hidden}).map(e => [e.from, e.to])")]
    everything = set(browser.js("wmgraph.nodes.getIds()"))

    def near(degree: int, start: str) -> set[str]:
        reached = {start}
        for _ in range(degree):
            reached |= {b if a in reached else a for a, b in lines if a in reached or b in reached}
        return reached

    def faded(page: Browser) -> set[str]:
        return set(page.js("wmgraph.nodes.get({filter: n => n.opacity < 1}).map(n => n.id)"))

    # An entity whose first two degrees differ and leave some out, so the test can tell them apart.
    start = next(key for key in sorted(everything) if near(1, key) < near(2, key) < everything)
    browser.js(f"wmgraph.selectEntity({start!r}, false)")
    assert faded(browser) == set()
    less = browser.page.get_by_role("button", name="Focus on one degree fewer")
    more = browser.page.get_by_role("button", name="Focus on one degree more")
    assert less.is_disabled()
    more.focus()
    browser.page.keyboard.press("Enter")  # the buttons work from the keyboard
    assert faded(browser) == everything - near(1, start)
    more.click()
    assert browser.page.locator("#focus-degree").text_content() == "Focus: 2 degrees"
    assert faded(browser) == everything - near(2, start)
    less.click()
    assert browser.page.locator("#focus-degree").text_content() == "Focus: 1 degree"
    assert faded(browser) == everything - near(1, start)
    dim = browser.js("wmgraph.edges.get({filter: e => e.color.opacity < 0.2}).map(e => [e.from, e.to])")
    assert {tuple(pair) for pair in dim} == {(a, b) for a, b in lines if not {a, b} <= near(1, start)}
    fragment = wait_for_hash(browser, "focus=1")
    other = Browser(chromium.new_page(viewport={"width": 1400, "height": 900}))
    other.open(fixture_page, fragment)
    assert other.js("wmgraph.network.getSelectedNodes()") == [start]
    assert faded(other) == everything - near(1, start)
    assert other.page.locator("#focus-degree").text_content() == "Focus: 1 degree"
    other.page.locator("#focus-less").click()
    assert faded(other) == set()
    other.page.close()
    assert other.errors == []


def test_each_change_is_drawn_once(browser: Browser, fixture_page: Path) -> None:
    """A render's changes reach vis-network as one, drawn at the next frame, not once per data set call."""
    browser.open(fixture_page)
    browser.js("window.draws = 0; window.resizes = 0; wmgraph.network.on('afterDrawing', () => { window.draws++; }); "
               "wmgraph.network.on('resize', () => { window.resizes++; })")
    for action in ("wmgraph.selectEntity('wmhtia', false)", "wmgraph.setFocus(1)", "wmgraph.setDate('2024-06-01')",
                   "wmgraph.setFocus(0)", "wmgraph.setDate(null)"):
        now, later, resized = browser.js(
            f"(() => {{ window.draws = 0; window.resizes = 0; {action}; const now = window.draws; "
            "return new Promise(done => setTimeout(() => done([now, window.draws, window.resizes]), 300)); })()")
        # A status line of another length may resize the canvas, which vis-network draws again.
        assert now == 0 and 1 <= later <= 1 + resized, action
    assert browser.errors == []


def test_a_big_page_opens_and_expands_fitted(chromium: Any, big_page: Path) -> None:
    """The first view's discs, and an expanded community's members, fill the view and all sit inside it."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    browser = Browser(page)
    browser.open(big_page)
    spread = ("(ids => { const n = wmgraph.network, p = n.getPositions(ids), box = n.body.container; "
              "const at = ids.map(id => n.canvasToDOM(p[id])), xs = at.map(a => a.x), ys = at.map(a => a.y); "
              "return [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys), "
              "box.clientWidth, box.clientHeight]; })")
    for ids in ("wmgraph.nodes.getIds()", "wmgraph.groups[0].members"):
        if ids != "wmgraph.nodes.getIds()":  # fitted to every member, those drawn in later steps too
            browser.js("void wmgraph.expand(0, true)")
            browser.drawn()
        left, right, top, bottom, width, height = browser.js(f"{spread}({ids})")
        assert 0 <= left and right <= width and 0 <= top and bottom <= height, ids
        assert right - left > 0.4 * width or bottom - top > 0.4 * height, ids
    page.close()
    assert browser.errors == []
