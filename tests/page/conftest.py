"""Shared fixtures for the page's tests: a headless Chromium that may load only files, and test graphs."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT, SEED_GRAPH, require_program

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
XSS_NAME = "<img src=x onerror=alert(1)>"
EXTRA = """\
xss-company:
  type: company
  name: "<img src=x onerror=alert(1)>"
  aliases: ["</script><script>alert(3)</script>"]
  description: "<b>bold?</b> & <script>alert(2)</script>"
  source: jobs-article
  facts:
    - partners-with: university-of-birmingham
      as-of: 2023-10
      source: jobs-article
    - member-of: university-of-birmingham
      source: uktn-jobs
richard-parker:
  type: person
  name: Richard Parker
  source: uktn-jobs
  facts:
    - holds-post: mayor-of-the-west-midlands
      as-of: 2025-06
      source: uktn-jobs
"""


@pytest.fixture
def page_graph(mini_graph: Path) -> Path:
    """The mini graph plus an entity with a hostile name and a second mayor."""
    (mini_graph / "extra.yaml").write_text(EXTRA, encoding="utf-8")
    return mini_graph


class Browser:
    """A headless Chromium page that may load only file: URLs, recording errors and dialogs."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", lambda message: self.errors.append(f"console: {message.text}")
                if message.type == "error" else None)
        page.on("dialog", self._dialog)
        page.route("**/*", self._route)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def open(self, path: Path, fragment: str = "") -> None:
        self.page.goto(path.as_uri() + fragment)
        # Polled from Python: the page's Content-Security-Policy forbids Playwright's own eval.
        deadline = time.monotonic() + 60
        while not self.js("!!(window.wmgraph && window.wmgraph.ready)"):
            assert time.monotonic() < deadline, "the page never became ready"
            time.sleep(0.05)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)

    def drawn(self) -> None:
        """Wait until a community drawn in steps has its last step drawn (polled: the CSP forbids eval)."""
        deadline = time.monotonic() + 30
        while self.js("wmgraph.drawing()"):
            assert time.monotonic() < deadline, "the community was never drawn whole"
            time.sleep(0.02)

    def click_node(self, key: str) -> None:
        box = self.page.locator("#graph").bounding_box()
        # the view may still be moving (a selection animates it; changes are drawn at the next frame):
        # click where the node is once two frames apart agree
        point = self.page.evaluate("""async key => {
            const at = () => wmgraph.network.canvasToDOM(wmgraph.network.getPositions([key])[key]);
            const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            let last = at();
            for (let round = 0; round < 100; round++) {
                await frame();
                const now = at();
                if (Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5) return now;
                last = now;
            }
            return last;
        }""", key)
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def visible_edges(self, relation: str) -> list[tuple[str, str]]:
        return [tuple(e) for e in self.js(
            f"wmgraph.edges.get({{filter: e => e.rel === '{relation}' && !e.hidden}}).map(e => [e.from, e.to])")]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    require_program(CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser(chromium: Any) -> Iterator[Browser]:
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    session = Browser(page)
    yield session
    page.close()
    assert session.requests == [], "the page tried to load from the network"
    assert session.errors == []
    assert session.dialogs == []




@pytest.fixture
def fixture_page(page_graph: Path, tmp_path: Path) -> Path:
    """The page of the mini graph plus hostile names and a second mayor, built."""
    from wmgraph.building import build

    build(page_graph, tmp_path / "out")
    return tmp_path / "out" / "wmgraph.html"


@pytest.fixture(scope="session")
def seed_page(seed_build: Any) -> Path:
    """The built seed graph's page."""
    return next(path for path in seed_build.files if path.name == "wmgraph.html")


@pytest.fixture(scope="session")
def big_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page of a generated graph of 10,000 entities (benchmarks/generate.py)."""
    import gc

    from wmgraph.model.checking import load_model
    from wmgraph.page.html import render_page

    folder = tmp_path_factory.mktemp("big")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--entities", "10000",
                    "--out", str(folder / "graph"), "--vocabulary", str(SEED_GRAPH / "vocabulary.yaml")],
                   check=True, capture_output=True)
    gc.disable()  # a 10k load is five times quicker without the collector
    try:
        page = render_page(load_model(folder / "graph"))
    finally:
        gc.enable()
    path = folder / "wmgraph.html"
    path.write_bytes(page)
    return path


@pytest.fixture(scope="session")
def big_built_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`wmgraph build` of a generated graph of 10,000 entities: its page carries the query engine."""
    from wmgraph.building import build

    folder = tmp_path_factory.mktemp("big-built")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--entities", "10000",
                    "--out", str(folder / "graph"), "--vocabulary", str(SEED_GRAPH / "vocabulary.yaml")],
                   check=True, capture_output=True)
    build(folder / "graph", folder / "out")
    return folder / "out" / "wmgraph.html"
