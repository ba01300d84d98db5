"""The steps `benchmarks/run` times, each run in its own process so its peak memory is its own.

    python benchmarks/steps.py floor GRAPH            read and parse every YAML file (libyaml), nothing else
    python benchmarks/steps.py naive GRAPH OUT.ttl    yaml -> rdflib Graph -> Turtle, as a plain script would
    python benchmarks/steps.py queries GRAPH OUT      time each library query on the embedded engine
    python benchmarks/steps.py answers GRAPH OUT      time the answers a page past the engine's limit carries
    python benchmarks/steps.py check GRAPH            check the fact files into a model, quotes included
    python benchmarks/steps.py page PAGE.html         time until the page is drawn and search works (Chromium)
    python benchmarks/steps.py questions PAGE.html GRAPH   every library question asked in the page (Chromium)

Each prints one JSON object on its last line of stdout.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def yaml_files(graph: Path) -> list[Path]:
    """Every YAML file of a graph folder, sorted."""
    return sorted(p for p in graph.rglob("*") if p.suffix in (".yaml", ".yml"))


def floor(graph: Path) -> dict[str, Any]:
    """The floor: read and parse all YAML with libyaml, keep the data, nothing else."""
    started = time.perf_counter()
    data = [yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) for path in yaml_files(graph)]
    return {"seconds": time.perf_counter() - started, "files": len(data)}


def naive(graph: Path, out: Path) -> dict[str, Any]:
    """What a plain rdflib script does with the same files: the same shape of RDF, through rdflib."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

    started = time.perf_counter()
    vocabulary = yaml.load((graph / "vocabulary.yaml").read_bytes(), Loader=yaml.CSafeLoader)
    prefixes = vocabulary["prefixes"]

    def expand(curie: str) -> URIRef:
        prefix, _, local = curie.partition(":")
        return URIRef(prefixes[prefix] + local)

    ent = Namespace(vocabulary["base"])
    stmt = Namespace(vocabulary["base"] + "statement/")
    src = Namespace(vocabulary["base"] + "source/")
    wm = Namespace(prefixes["wm"])
    prov = Namespace(prefixes["prov"])
    schema = Namespace(prefixes["schema"])
    rdf_graph = Graph()
    for name, iri in {**prefixes, "ent": str(ent), "stmt": str(stmt), "src": str(src)}.items():
        rdf_graph.bind(name, iri)
    types = vocabulary["entity-types"]

    def classes(type_key: str) -> list[str]:
        entry = types[type_key]
        found = list(entry.get("class", []))
        return found + (classes(entry["parent"]) if entry.get("parent") else [])

    relations = vocabulary["relations"]
    qualifiers = vocabulary["qualifiers"]
    sources = yaml.load((graph / "sources.yaml").read_bytes(), Loader=yaml.CSafeLoader) or {}
    for key, entry in sources.items():
        rdf_graph.add((src[key], RDF.type, schema.CreativeWork))
        rdf_graph.add((src[key], RDFS.label, Literal(entry["title"])))
    for path in yaml_files(graph):
        if path.parent == graph and path.name in ("vocabulary.yaml", "sources.yaml"):
            continue
        for key, entity in (yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) or {}).items():
            subject = ent[key]
            for curie in classes(entity["type"]):
                rdf_graph.add((subject, RDF.type, expand(curie)))
            rdf_graph.add((subject, RDFS.label, Literal(entity["name"])))
            rdf_graph.add((subject, schema.name, Literal(entity["name"])))
            rdf_graph.add((subject, wm.entityType, Literal(entity["type"])))
            if entity.get("description"):
                rdf_graph.add((subject, schema.description, Literal(entity["description"])))
            for source in [entity["source"]] if isinstance(entity["source"], str) else entity["source"]:
                rdf_graph.add((subject, prov.wasDerivedFrom, src[source]))
            for index, fact in enumerate(entity.get("facts") or []):
                relation = next(k for k in fact if k in relations)
                prop = expand(relations[relation]["property"])
                node = stmt[f"{key}.{relation}.{index}"]
                value = fact[relation]
                obj = ent[value] if isinstance(relations[relation]["object"], list) else \
                    node if value is None else Literal(value)
                rdf_graph.add((subject, prop, obj))
                rdf_graph.add((node, RDF.type, RDF.Statement))
                rdf_graph.add((node, RDF.subject, subject))
                rdf_graph.add((node, RDF.predicate, prop))
                rdf_graph.add((node, RDF.object, obj))
                rdf_graph.add((node, wm.relation, Literal(relation)))
                for name, qualified in fact.items():
                    if name in qualifiers:
                        rdf_graph.add((node, expand(qualifiers[name]["property"]), Literal(str(qualified))))
                cited = fact["source"]
                for source in [cited] if isinstance(cited, str) else cited:
                    rdf_graph.add((node, prov.wasDerivedFrom, src[source]))
    rdf_graph.serialize(out, format="turtle")
    return {"seconds": time.perf_counter() - started, "triples": len(rdf_graph)}


def example_params(graph: Path) -> dict[str, dict[str, str]]:
    """Each library query's entity parameters, filled with the graph's most mentioned entity of a fitting type."""
    from wmgraph.model.checking import load_model
    from wmgraph.query.library import library

    model = load_model(graph)
    mentioned: dict[str, int] = {}
    for fact in model.facts:
        if fact.object_is_entity and fact.object:
            mentioned[fact.object] = mentioned.get(fact.object, 0) + 1

    def busiest(*types: str) -> str:
        keys = [k for k, e in model.entities.items() if model.vocabulary.is_a(e.type, types)]
        return max(keys, key=lambda k: (mentioned.get(k, 0), k)) if keys else next(iter(model.entities))

    picks = {"org": busiest("organisation"), "entity": busiest("organisation"), "from": busiest("person"),
             "to": busiest("organisation"), "initiative": busiest("initiative"), "post": busiest("post")}
    return {name: {param: picks.get(param, busiest("organisation"))
                   for param, declared in (query.params or {}).items() if declared.type == "entity"}
            for name, query in library().items()}


def queries(graph: Path, out: Path) -> dict[str, Any]:
    """Load the built N-Triples into the embedded store once, then time every library query."""
    from wmgraph.model.checking import load_model
    from wmgraph.query.engine import answer_locally, load_store
    from wmgraph.query.library import bind, library
    from wmgraph.rdf.mapping import namespaces

    model = load_model(graph)
    prefixes = namespaces(model.vocabulary)
    started = time.perf_counter()
    store = load_store((out / "wmgraph.nt").read_bytes())
    loaded = time.perf_counter() - started
    examples = example_params(graph)
    times: dict[str, float] = {}
    rows: dict[str, int] = {}
    for name, query in sorted(library().items()):
        bindings = bind(query, examples[name], model.vocabulary.base, prefixes)
        started = time.perf_counter()
        answer = answer_locally(store, query, bindings, prefixes)
        times[name] = time.perf_counter() - started
        rows[name] = len(answer.rows) if answer.rows is not None else 0
    return {"seconds": sum(times.values()), "load_seconds": loaded, "queries": times, "rows": rows}


@contextmanager
def offline_page(path: Path) -> Iterator[tuple[Any, list[str], float]]:
    """The page opened in headless Chromium with every request but file: refused, once it is ready.

    Yields the tab, the list that collects script errors and refused requests, and when loading began.
    """
    from playwright.sync_api import Route, sync_playwright

    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless", "--disable-gpu"])
        tab = browser.new_page(viewport={"width": 1400, "height": 860})
        tab.on("pageerror", lambda error: errors.append(str(error)))

        def only_files(route: Route) -> None:
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                errors.append(f"blocked {route.request.url}")
                route.abort()

        tab.route("**/*", only_files)
        started = time.perf_counter()
        tab.goto(path.resolve().as_uri())
        deadline = started + 180
        while not tab.evaluate("!!(window.wmgraph && window.wmgraph.ready)"):  # the page's CSP forbids eval
            if time.perf_counter() > deadline:
                raise TimeoutError("the page was not ready within 180 s")
            time.sleep(0.02)
        try:
            yield tab, errors, started
        finally:
            browser.close()


def page(path: Path) -> dict[str, Any]:
    """Open the page in headless Chromium (network blocked) and time what a reader does.

    ready: until the page is drawn and usable; readable: until the first view is on screen;
    search: a name typed and Enter (the box's events, sent in the page) until the entity is selected
    and drawn; expand: a click on the
    biggest community's disc (or, on a small page, fitting the view) until its first members are
    drawn, and (`expand_full_wall`) until its last step is drawn; as_of: moving the date;
    focus_more and focus_less: focus on the searched entity (one degree, the rest faded) and off
    again; zoom: one zoom step. Interactions are timed in the page (performance.now, each followed by a redraw)
    and also from Python (`*_wall`, including the round trip to the browser).
    """
    with offline_page(path) as (tab, errors, started):
        ready = time.perf_counter() - started
        tab.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        readable = time.perf_counter() - started
        timings = dict(tab.evaluate("wmgraph.timings"))

        def timed(action: str) -> tuple[float, float]:
            begun = time.perf_counter()
            inside = tab.evaluate(f"(() => {{ const t = performance.now(); {action}; wmgraph.network.redraw(); "
                                  "return (performance.now() - t) / 1000; })()")
            tab.evaluate("new Promise(done => requestAnimationFrame(done))")
            return inside, time.perf_counter() - begun

        name = tab.evaluate("document.title")
        wanted = tab.evaluate("(() => { const g = wmgraph.groups; const k = g[g.length > 1 ? 1 : 0].members[0]; "
                              "return wmgraph.data.entities.get(k).name; })()")
        search = timed("const box = document.getElementById('search-input'); "
                       f"box.value = {json.dumps(wanted)}; box.dispatchEvent(new Event('input')); "
                       "box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))")
        selected = tab.evaluate("wmgraph.network.getSelectedNodes().length")
        begun = time.perf_counter()
        expand = timed("wmgraph.data.big ? wmgraph.expand(0, true) : wmgraph.fitVisible()")
        # A big community is drawn in steps, a frame each: until its last member is drawn.
        while tab.evaluate("!!(wmgraph.drawing && wmgraph.drawing())"):  # polled: the page's CSP forbids eval
            time.sleep(0.005)
        tab.evaluate("new Promise(done => requestAnimationFrame(done))")
        expand_full = time.perf_counter() - begun
        day = tab.evaluate("wmgraph.data.dates.length ? wmgraph.data.dates[0].slice(0, 4) + '-06-01' : null")
        as_of = timed(f"wmgraph.setDate({json.dumps(day)})")
        focus_more = timed("wmgraph.setFocus(1)")
        focus_less = timed("wmgraph.setFocus(0)")
        zoom = timed("wmgraph.network.moveTo({scale: wmgraph.network.getScale() * 1.5})")
        drawn = tab.evaluate("wmgraph.nodes.length")
    return {"seconds": ready + search[1], "ready_seconds": ready, "readable_seconds": readable,
            "page_ready_ms": timings.get("ready"), "search_seconds": search[0], "search_wall": search[1],
            "expand_seconds": expand[0],
            "expand_wall": expand[1], "expand_full_wall": expand_full, "as_of_seconds": as_of[0],
            "as_of_wall": as_of[1],
            "focus_more_seconds": focus_more[0], "focus_more_wall": focus_more[1], "focus_less_seconds": focus_less[0],
            "focus_less_wall": focus_less[1], "zoom_seconds": zoom[0],
            "zoom_wall": zoom[1], "nodes_drawn": drawn, "bytes": path.stat().st_size, "errors": errors,
            "title": name, "selected": selected}


# A question asked in the page: the Worker's time, the page's time from the call to the answer, the rows.
ASK_TIMED = ("([name, params]) => { const t = performance.now(); return wmgraph.query(name, params)"
             ".then(a => [wmgraph.timings.query, performance.now() - t, a.results.bindings.length],"
             " e => [null, null, String(e.message)]); }")


def questions(path: Path, graph: Path) -> dict[str, Any]:
    """Every library question asked in the page (headless Chromium, network blocked), through wmgraph.query.

    engine: loading the engine and the graph in the Worker (timed by the page); each question's time
    is the Worker's own (`wmgraph.timings.query`), with `*_wall` from the page's call to its answer.
    """
    examples = example_params(graph)
    times: dict[str, float] = {}
    walls: dict[str, float] = {}
    rows: dict[str, int] = {}
    with offline_page(path) as (tab, errors, _):
        loaded = tab.evaluate("wmgraph.loadEngine().then(info => [wmgraph.timings.engine, info.triples])")
        for name in tab.evaluate("wmgraph.queries().map(q => q.name)"):
            answer = tab.evaluate(ASK_TIMED, [name, examples.get(name, {})])
            if answer[0] is None:
                errors.append(f"{name}: {answer[2]}")
                continue
            times[name], walls[name], rows[name] = answer[0] / 1000, answer[1] / 1000, answer[2]
    return {"seconds": loaded[0] / 1000 + sum(walls.values()), "engine_seconds": loaded[0] / 1000,
            "triples": loaded[1], "queries": times, "walls": walls, "rows": rows, "params": examples,
            "bytes": path.stat().st_size, "errors": errors}


def answers(graph: Path, out: Path) -> dict[str, Any]:
    """What a page past the engine's limit adds to a build: the store loaded, each question answered, the bytes."""
    from wmgraph.model.vocabulary import read_vocabulary
    from wmgraph.page.html import script_json
    from wmgraph.page.queries import LIBRARY_DIR, query_library
    from wmgraph.query import page_answers

    data = out / "wmgraph.nt"  # read from the file, as the build reads what it has written
    vocabulary = read_vocabulary(graph / "vocabulary.yaml")
    started = time.perf_counter()
    store = page_answers.new_store(data, lenient=True)
    loaded = time.perf_counter() - started
    times: dict[str, float] = {}
    sizes: dict[str, int] = {}
    rows: dict[str, int] = {}
    for entry in query_library():
        started = time.perf_counter()
        # one question at a time on the one store: the build's own function, its store load timed above
        page_answers.new_store = lambda *_, **__: store  # type: ignore[assignment]
        answered = page_answers.page_answers(data, vocabulary, LIBRARY_DIR, [entry])
        if answered:
            times[entry["name"]] = time.perf_counter() - started
            sizes[entry["name"]] = len(script_json(answered[0]))
            rows[entry["name"]] = int(answered[0].get("count", 0))
    return {"seconds": loaded + sum(times.values()), "load_seconds": loaded, "queries": times, "bytes": sizes,
            "rows": rows, "max_rows": page_answers.MAX_ROWS}


def check(graph: Path) -> dict[str, Any]:
    """Check the graph folder into a model, quotes included, and say how many quotes and how much text."""
    from wmgraph.model.checking import load_model

    started = time.perf_counter()
    model = load_model(graph)
    seconds = time.perf_counter() - started
    texts = [source.text for source in model.sources.values() if source.text]
    return {"seconds": seconds, "quotes": sum(1 for fact in model.facts if fact.quote),
            "texts": len(texts), "text_bytes": sum(len(text.encode()) for text in texts)}


def main() -> None:
    """Run the step named by the first argument."""
    step, *args = sys.argv[1:]
    paths = [Path(a) for a in args]
    result = {"floor": floor, "naive": naive, "queries": queries, "check": check, "page": page,
              "answers": answers, "questions": questions}[step](*paths)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
