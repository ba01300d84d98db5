"""Time the interactive page on a big synthetic graph: build it, then open it in headless Chromium.

    .venv/bin/python benchmarks/html_page.py --entities 10000

Prints the time to render the page in Python, its size, and the time until the page is drawn
and searchable in Chromium (with every non-file request blocked).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wmgraph.factfiles import load_model  # noqa: E402
from wmgraph.htmlpage import render_page  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def synthetic_graph(folder: Path, count: int, seed: int = 4) -> None:
    """Write a graph folder of `count` entities in the real fact-file format."""
    rng = random.Random(seed)
    shutil.copy(ROOT / "graph" / "vocabulary.yaml", folder / "vocabulary.yaml")
    (folder / "sources.yaml").write_text("synthetic:\n  title: Synthetic source\n  date: 2024-01\n")
    places = [f"place-{i}" for i in range(max(5, count // 40))]
    bodies = [f"body-{i}" for i in range(max(3, count // 40))]
    companies = [f"company-{i}" for i in range(int(count * 0.45))]
    initiatives = [f"initiative-{i}" for i in range(max(3, count // 20))]
    people = [f"person-{i}" for i in range(count - len(places) - len(bodies) - len(companies) - len(initiatives))]
    lines: list[str] = []

    def entity(key: str, kind: str, facts: list[str]) -> None:
        lines.extend([f"{key}:", f"  type: {kind}", f"  name: {kind.title()} {key.split('-')[1]}",
                      "  source: synthetic"])
        if facts:
            lines.append("  facts:")
            lines.extend(facts)

    for key in places:
        entity(key, "city", [])
    for key in bodies:
        entity(key, "public-body", [f"    - based-in: {rng.choice(places)}\n      source: synthetic"])
    for key in initiatives:
        entity(key, "initiative", [
            f"    - funded-by: {rng.choice(bodies)}\n      amount: {rng.randrange(1, 500) * 100000}\n"
            f"      start: {rng.randrange(2015, 2025)}\n      source: synthetic",
            f"    - based-in: {rng.choice(places)}\n      source: synthetic"])
    for key in companies:
        facts = [f"    - based-in: {rng.choice(places)}\n      as-of: 2024\n      source: synthetic"]
        if rng.random() < 0.3:
            facts.append(f"    - pledges-jobs: {rng.choice(places)}\n      jobs: {rng.randrange(5, 500)}\n"
                         f"      source: synthetic")
        if rng.random() < 0.4:
            facts.append(f"    - member-of: {rng.choice(initiatives)}\n      source: synthetic")
        entity(key, "company", facts)
    for key in people:
        entity(key, "person", [f"    - works-for: {rng.choice(companies)}\n      start: {rng.randrange(2000, 2025)}\n"
                               f"      source: synthetic"])
    (folder / "entities.yaml").write_text("\n".join(lines) + "\n")


def main() -> None:
    """Build the synthetic page and time it in Chromium."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entities", type=int, default=10000)
    arguments = parser.parse_args()
    from playwright.sync_api import Route, sync_playwright

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        graph = folder / "graph"
        graph.mkdir()
        synthetic_graph(graph, arguments.entities)
        model = load_model(graph)
        started = time.perf_counter()
        page_text = render_page(model)
        rendered = time.perf_counter() - started
        page_file = folder / "page.html"
        page_file.write_text(page_text, encoding="utf-8")
        print(f"{len(model.entities)} entities, {len(model.facts)} facts: page rendered in {rendered:.2f} s, "
              f"{page_file.stat().st_size / 1e6:.1f} MB")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))

            def only_files(route: Route) -> None:
                if route.request.url.startswith("file:"):
                    route.continue_()
                else:
                    errors.append(f"blocked {route.request.url}")
                    route.abort()

            page.route("**/*", only_files)
            started = time.perf_counter()
            page.goto(page_file.as_uri())
            while not page.evaluate("!!(window.wmgraph && window.wmgraph.ready)"):
                time.sleep(0.02)
            drawn = time.perf_counter() - started
            started = time.perf_counter()
            page.fill("#search-input", "Person 17")
            page.keyboard.press("Enter")
            selected = page.evaluate("wmgraph.network.getSelectedNodes()")
            searched = time.perf_counter() - started
            started = time.perf_counter()
            page.evaluate("wmgraph.setDate('2020-01-01')")
            dated = time.perf_counter() - started
            browser.close()
        print(f"Chromium: drawn and searchable after {drawn:.2f} s; search and select {selected} in "
              f"{searched:.2f} s; as-of date applied in {dated:.2f} s; page errors: {errors or 'none'}")


if __name__ == "__main__":
    main()
