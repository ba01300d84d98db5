#!/usr/bin/env python3
"""Time `wmgraph import` of a 10k-row table and `wmgraph duplicates` at 100k entities; measure dedupe recall.

    .venv/bin/python benchmarks/curation.py [--rows 10000] [--entities 100000] [--seed 1]

Import: a generated CSV of companies (name, aliases, town, grant, date) into a copy of the mini
fixture graph, timed end to end (read, map, check in a copy of the graph, write). Duplicates: a
generated graph of `--entities` entities (invented organisations, people and towns, each from one
source, based in a town, with partners or an employer) into which the real entities of graph/ and
variants of their names are planted, each variant the way a duplicate arises (`variants`), from a
source of its own and, with `--context some`, one of its real entity's links in two variants of
three. Recall is of the pairs of a variant and its real name; precision counts a listed pair right
when both are one real name or its variants (two variants of one name are one entity too).
`--blocking-sample N` counts the pairs a comparison of every pair of N entities lists that
blocking does not.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wmgraph.analysis.duplicates import candidates, name_matches  # noqa: E402
from wmgraph.curate.candidates import slug  # noqa: E402
from wmgraph.curate.importing import import_table  # noqa: E402
from wmgraph.curate.merge import plan_merge  # noqa: E402
from wmgraph.model.checking import load_model  # noqa: E402
from wmgraph.model.model import Entity, Fact, Location, Model  # noqa: E402

SYLLABLES = ("al", "an", "ar", "bel", "bri", "cal", "cor", "dan", "del", "dor", "fal", "fen", "gar", "gil", "hal",
             "jor", "kal", "ken", "lan", "lor", "mar", "mel", "nar", "nel", "pal", "quin", "ral", "ros", "sal",
             "tal", "tor", "val", "ven", "wil", "yar", "zel", "vex", "tryx", "lum", "nov", "cir", "dex")
WORDS = ("Analytics", "Labs", "Systems", "Digital", "Robotics", "Health", "Networks", "Software", "Studios",
         "Energy", "Works", "Data", "Cloud", "Security", "Dynamics", "Technologies")
TOWNS = ("Birmingham", "Coventry", "Wolverhampton", "Solihull", "Walsall", "Dudley", "Sandwell", "Lichfield")
MAPPING = """\
source:
  id: benchmark-table
  title: A generated table
sheets:
  companies:
    entities:
      company:
        type: company
        id: "{Company}"
        name: "{Company}"
        aliases: {column: Also known as, split: ";"}
      town:
        type: city
        id: "{Town}"
        name: "{Town}"
    facts:
      - subject: company
        relation: based-in
        object: town
      - subject: company
        relation: investment
        qualifiers:
          amount: {column: Grant}
          date: {column: Awarded, date-format: "%d/%m/%Y"}
          kind: public
"""


def invented(rng: random.Random) -> str:
    """An invented organisation name: a word of three to four syllables and a trade word."""
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))
    return f"{word.capitalize()} {rng.choice(WORDS)}"


CONSONANTS, VOWELS = "bcdfghjklmnprstvwxyz", "aeiou"


def varied(rng: random.Random) -> str:
    """An invented name whose first word is built from all the letters, as distinct names are in real
    data (two names one letter apart are rare), not from a few shared syllables."""
    word = "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) + rng.choice(("", "", rng.choice(CONSONANTS)))
                   for _ in range(rng.randint(2, 4)))
    return f"{word.capitalize()} {rng.choice(WORDS)}"


def time_import(rows: int, rng: random.Random) -> tuple[float, float, float, float]:
    """Wall and CPU seconds to import a table of `rows` rows into a copy of the mini graph, then to work
    out (not apply) a merge of two of the imported companies in the graph the import made."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        graph = work / "graph"
        shutil.copytree(ROOT / "tests" / "data" / "mini", graph)
        firsts: dict[str, str] = {}  # one name per first word, which is its alias
        while len(firsts) < rows:
            name = invented(rng)
            firsts.setdefault(name.split()[0], name)
        names = sorted(firsts.values())
        lines = ["Company,Also known as,Town,Grant,Awarded"]
        for name in names:
            lines.append(f'"{name}",{name.split()[0]},{rng.choice(TOWNS)},"{rng.randint(1, 900) * 1000:,}",'
                         f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024")
        (work / "companies.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (work / "map.yaml").write_text(MAPPING, encoding="utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        import_table(graph, work / "companies.csv", work / "map.yaml")
        wall, used = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        plan_merge(graph, slug(names[0]), slug(names[1]))
        return wall, used, time.perf_counter() - start, time.process_time() - cpu


def variants(name: str, rng: random.Random, kind: str = "organisation") -> list[str]:
    """The planted variants of a real name, as they arise for its `kind` (organisation, person or other):
    a legal suffix for an organisation, a title for a person; capitals and hyphens; the words in another
    order; initials, but for a person; one letter changed."""
    words = name.split()
    made = [name.upper().replace(" ", "-")]
    if kind == "organisation":
        made.append(f"{name} Ltd")
    if kind == "person":
        made.append(f"Dr {name}")
    if len(words) > 1:
        made.append(" ".join(words[1:] + words[:1]))
        if kind != "person":
            made.append("".join(word[0] for word in re.findall(r"[^\W_]+", name)).upper())
    letters = [at for at, char in enumerate(name) if char.isalpha()]
    if len(letters) > 5:
        at = rng.choice(letters[1:])
        made.append(name[:at] + ("e" if name[at] != "e" else "a") + name[at + 1:])
    return [variant for variant in dict.fromkeys(made) if variant != name]


KINDS = (("company", 60), ("person", 20), ("university", 3), ("public-body", 7), ("trade-association", 3),
         ("media", 7))  # what the invented entities are, in parts of a hundred
TOWN_ENDINGS = ("ton", "ham", "field", "bury", "ley", " Heath", " Green")


def _popular(pool: list[str], rng: random.Random) -> str:
    """One of `pool`, the first far more often than the last (the k-th about 1/k as often)."""
    return pool[int(len(pool) ** rng.random()) - 1]


def _plant(model: Model, real: Model, rng: random.Random, context: bool, sources: list[str]) -> set[tuple[str, str]]:
    """The real entities, the links between them and variants of their names, each variant from a source
    of its own with, when `context`, one of its real entity's links (two in three; the rest none)."""
    where = Location("generated.yaml", 1, 1)
    links: dict[str, list[tuple[str, str, bool]]] = {key: [] for key in real.entities}
    for fact in real.facts:
        if fact.object_is_entity and fact.object:
            model.facts.append(fact._replace(location=where))
            links[fact.subject].append((fact.relation, fact.object, True))
            links[fact.object].append((fact.relation, fact.subject, False))
    truth: set[tuple[str, str]] = set()
    for entity in real.entities.values():
        model.entities[entity.key] = Entity(entity.key, entity.type, entity.name, where, entity.sources)
        kind = ("person" if entity.type == "person" else
                "organisation" if real.vocabulary.is_a(entity.type, ("organisation",)) else "other")
        for number, name in enumerate(variants(entity.name, rng, kind)):
            key = f"{entity.key}-v{number}"
            model.entities[key] = Entity(key, entity.type, name, where, (_popular(sources, rng),))
            truth.add((min(entity.key, key), max(entity.key, key)))
            if context and links[entity.key] and rng.random() < 2 / 3:
                relation, other, forward = rng.choice(links[entity.key])
                subject, target = (key, other) if forward else (other, key)
                model.facts.append(Fact(f"{key}-fact", subject, relation, target, True, (), (), where))
    return truth


def dedupe_graph(size: int, rng: random.Random, noise: str = "letters",
                 context: bool = True) -> tuple[Model, set[tuple[str, str]]]:
    """A generated graph with planted variants of graph/'s names, and its true pairs. Every invented
    entity comes from one source (a few sources bring many entities, most bring few); an
    organisation is based in a town (a few towns have most) and partners none to two others; a
    person works for one."""
    real = load_model(ROOT / "graph")
    model = Model(real.vocabulary)
    where = Location("generated.yaml", 1, 1)

    def word() -> str:
        return (invented(rng) if noise == "syllables" else varied(rng)).split()[0]
    sources = [f"source-{number}" for number in range(max(size // 10, 1))]
    truth = _plant(model, real, rng, context, sources)
    taken = {entity.name for entity in model.entities.values()}  # distinct entities, distinct names
    towns = [key for key, entity in real.entities.items() if real.vocabulary.is_a(entity.type, ("place",))]
    for number in range(size // 100):
        name = word() + rng.choice(TOWN_ENDINGS)
        if name not in taken:
            taken.add(name)
            model.entities[f"town-{number}"] = Entity(f"town-{number}", "city", name, where, (_popular(sources, rng),))
            towns.append(f"town-{number}")
    kinds = [kind for kind, share in KINDS for _ in range(share)]
    organisations: list[str] = []
    while len(model.entities) < size:
        kind = rng.choice(kinds)
        name = (f"{word()} {word()}" if kind == "person" else
                invented(rng) if noise == "syllables" else varied(rng))
        if name in taken:
            continue
        taken.add(name)
        key = f"org-{len(model.entities)}"
        model.entities[key] = Entity(key, kind, name, where, (_popular(sources, rng),))
        if kind == "person":
            if organisations:
                model.facts.append(Fact(f"{key}-works", key, "works-for", rng.choice(organisations), True, (), (),
                                        where))
            continue
        model.facts.append(Fact(f"{key}-based", key, "based-in", _popular(towns, rng), True, (), (), where))
        for partner in range(rng.choice((0, 1, 1, 2)) if organisations else 0):
            model.facts.append(Fact(f"{key}-partner-{partner}", key, "partners-with", rng.choice(organisations),
                                    True, (), (), where))
        organisations.append(key)
    return model, truth


def _real(key: str) -> str:
    """The real entity a planted variant's key was made from."""
    return re.sub(r"-v[0-9]+$", "", key)


def blocking_loss(size: int, rng: random.Random, noise: str) -> None:
    """Print the pairs a comparison of every name with every other lists that blocking does not."""
    from rapidfuzz.distance import OSA

    model, _ = dedupe_graph(size, rng, noise)
    start = time.process_time()
    blocked = name_matches(model)
    middle = time.process_time()
    full = name_matches(model, exhaustive=True)
    lost = sorted(set(full) - set(blocked))
    edits = Counter(OSA.distance(full[pair][1].casefold(), full[pair][2].casefold()) for pair in lost)
    print(f"blocking at {size:,} entities ({noise} noise): {len(blocked):,} pairs in {middle - start:.1f} s CPU; "
          f"every pair compared: {len(full):,} in {time.process_time() - middle:.1f} s CPU; "
          f"lost to blocking {len(lost)} ({len(lost) / max(len(full), 1):.1%}), by letters changed "
          + ", ".join(f"{count}: {number}" for count, number in sorted(edits.items())))
    for pair in lost[:5]:
        print(f"  lost: {full[pair][1]!r} ~ {full[pair][2]!r} ({full[pair][3]})")


def main(argv: list[str] | None = None) -> int:
    """Run both measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--noise", choices=("syllables", "letters"), default="letters",
                        help="invented names from 42 shared syllables, or from all the letters")
    parser.add_argument("--context", choices=("some", "none"), default="some",
                        help="planted variants with one of their real entity's links (two in three), or none")
    parser.add_argument("--no-import", action="store_true", help="measure duplicates only")
    parser.add_argument("--blocking-sample", type=int, default=0, metavar="N",
                        help="also compare every pair of N entities and count the pairs blocking loses")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    if args.blocking_sample:
        blocking_loss(args.blocking_sample, random.Random(args.seed), args.noise)
    if not args.no_import:
        wall, cpu, merge_wall, merge_cpu = time_import(args.rows, rng)
        print(f"import of {args.rows:,} rows: {wall:.1f} s ({cpu:.1f} s CPU); a merge's dry run in the graph "
              f"it made: {merge_wall:.1f} s ({merge_cpu:.1f} s CPU)")
    model, truth = dedupe_graph(args.entities, rng, args.noise, args.context == "some")
    start, cpu = time.perf_counter(), time.process_time()
    found = candidates(model)
    print(f"duplicates at {len(model.entities):,} entities: {time.perf_counter() - start:.1f} s "
          f"({time.process_time() - cpu:.1f} s CPU), "
          f"{len(found):,} candidate pairs, {len(truth)} planted pairs ({args.noise} noise)")
    def right(first: str, second: str) -> bool:
        return not first.startswith(("org-", "town-")) and _real(first) == _real(second)

    ranked = [(c.score, (c.first, c.second)) for c in found]
    for threshold in sorted({0.0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8} | {score for score, _ in ranked
                                                                          if 0.55 <= score <= 0.7}):
        listed = {pair for score, pair in ranked if score >= threshold}
        print(f"  score >= {threshold:.2f}: recall {len(listed & truth) / len(truth):.3f}, "
              f"precision {sum(right(*pair) for pair in listed) / max(len(listed), 1):.3f} ({len(listed):,} listed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
