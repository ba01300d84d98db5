#!/usr/bin/env python3
"""Write a synthetic West Midlands tech ecosystem as a graph folder, for benchmarks.

    .venv/bin/python benchmarks/generate.py --entities 10000 --out /tmp/wm10k

The folder is complete (vocabulary.yaml copied from graph/ or --vocabulary, sources.yaml generated) and in the
real fact-file format: people with dated posts and jobs, organisations of several types, places,
initiatives, events and reports, partnerships, funding with amounts, job pledges and statistics,
every entity and fact with a source; about 100 entities per file and about 34 triples per entity.
The same --entities and --seed always give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = ROOT / "graph" / "vocabulary.yaml"
PER_FILE = 100

# Shares of the entities by kind (people get the remainder).
SHARES = {"place": 0.02, "company": 0.30, "university": 0.01, "public-body": 0.02, "trade-association": 0.01,
          "media": 0.01, "post": 0.04, "initiative": 0.05, "programme": 0.02, "event": 0.03, "report": 0.02}
ORGANISATIONS = ("company", "university", "public-body", "trade-association", "media")
SECTORS = ("software", "fintech", "health technology", "cyber security", "gaming", "advanced manufacturing",
           "electric vehicles", "data and AI", "telecoms", "professional services", "edtech", "proptech",
           "clean energy", "logistics technology", "creative industries", "quantum")
ROLES = ("Chief Executive", "Chief Technology Officer", "Founder", "Head of Engineering", "Software Engineer",
         "Data Scientist", "Product Manager", "Director", "Partner", "Operations Manager", "Researcher",
         "Chair", "Programme Lead", "Head of Partnerships", "Designer")
MEASURES = ("employees", "annual revenue", "customers", "graduates hired", "start-ups supported",
            "patents filed", "apprentices", "offices")
PLACE_KINDS = ("city", "city", "city", "venue", "region")
SYLLABLES = ("al", "an", "ar", "bel", "bri", "cal", "cor", "dan", "del", "dor", "el", "en", "fal", "fen", "gar",
             "gil", "hal", "har", "is", "jor", "kal", "ken", "lan", "lor", "mar", "mel", "mor", "nar", "nel",
             "nor", "ol", "or", "pal", "per", "quin", "ral", "ren", "ros", "sal", "sel", "tal", "ten", "tor",
             "ul", "val", "ven", "wen", "wil", "yar", "zel", "zor", "vex", "tryx", "lum", "nov", "cir", "dex")
COMPANY_WORDS = ("Analytics", "Labs", "Systems", "Digital", "Robotics", "Health", "Networks", "Software",
                 "Studios", "Energy", "Works", "Data", "Cloud", "Security", "Dynamics", "Technologies")
VERBS = ("partners with", "signs a deal with", "hires from", "invests in", "opens an office beside",
         "wins a contract from", "spins out of", "backs")
ASIDES = ("the region’s first in", "a step up for", "widely reported in", "a “landmark” moment — so they say — for",
          "the latest move in")
INITIATIVE_WORDS = ("Accelerator", "Skills Bootcamp", "Innovation Fund", "Tech Hub", "Growth Programme",
                    "Digital Academy", "Launchpad", "Cluster", "Challenge", "Partnership")


@dataclass
class Entity:
    """One generated entity, written out as YAML lines."""

    key: str
    kind: str
    name: str
    description: str
    sources: list[str]
    aliases: list[str] = field(default_factory=list)
    url: str = ""
    facts: list[list[tuple[str, object]]] = field(default_factory=list)


def scalar(value: object) -> str:
    """Write a value as a YAML scalar: numbers bare, text plain when safe, else double-quoted."""
    if isinstance(value, bool) or value is None:
        raise TypeError(value)
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.'()/&-]*[A-Za-z0-9.)]", text) and ": " not in text \
            and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def entity_lines(entity: Entity) -> list[str]:
    """The YAML lines of one entity entry."""
    lines = [f"{entity.key}:", f"  type: {entity.kind}", f"  name: {scalar(entity.name)}"]
    if entity.aliases:
        lines.append("  aliases: [" + ", ".join(scalar(a) for a in entity.aliases) + "]")
    lines.append(f"  description: {scalar(entity.description)}")
    if entity.url:
        lines.append(f"  url: {entity.url}")
    lines.append("  source: " + (entity.sources[0] if len(entity.sources) == 1 else
                                 "[" + ", ".join(entity.sources) + "]"))
    if entity.facts:
        lines.append("  facts:")
        for fact in entity.facts:
            for index, (key, value) in enumerate(fact):
                lead = "    - " if index == 0 else "      "
                if isinstance(value, list):
                    lines.append(f"{lead}{key}: [" + ", ".join(scalar(v) for v in value) + "]")
                elif value is None:
                    lines.append(f"{lead}{key}: ~")
                else:
                    lines.append(f"{lead}{key}: {scalar(value)}")
    return lines


class Generator:
    """Draws a whole ecosystem from one seeded random generator."""

    def __init__(self, count: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = count
        self.used_names: set[str] = set()
        self.used_keys: set[str] = set()
        self.entities: dict[str, list[Entity]] = {}
        self.pools: dict[tuple[str, ...], list[Entity]] = {}
        self.sources = [f"source-{index:05d}" for index in range(max(5, count // 25))]
        self.texts: dict[str, str] = {}  # source -> its stored text

    # -- names ---------------------------------------------------------------
    def word(self, syllables: int) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()

    def unique(self, make: Callable[[], str]) -> str:
        for _ in range(1000):
            name = make()
            if name.casefold() not in self.used_names:
                self.used_names.add(name.casefold())
                return name
        raise RuntimeError("ran out of names")

    def key(self, name: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
        key, number = base, 2
        while key in self.used_keys:
            key, number = f"{base}-{number}", number + 1
        self.used_keys.add(key)
        return key

    def source(self) -> list[str]:
        return [self.rng.choice(self.sources)] if self.rng.random() < 0.85 else \
            sorted(set(self.rng.sample(self.sources, 2)))

    def date(self, first: int = 2005, last: int = 2025) -> str:
        year = self.rng.randint(first, last)
        precision = self.rng.random()
        if precision < 0.3:
            return str(year)
        month = self.rng.randint(1, 12)
        if precision < 0.7:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}"

    def make(self, kind: str, name: str, description: str) -> Entity:
        entity = Entity(self.key(name), kind, name, description, self.source())
        self.entities.setdefault(kind, []).append(entity)
        self.pools.clear()
        return entity

    def pick(self, *kinds: str) -> Entity:
        pool = self.pools.get(kinds)
        if pool is None:
            pool = self.pools[kinds] = [e for kind in kinds for e in self.entities.get(kind, [])]
        return self.rng.choice(pool)

    def fact(self, entity: Entity, relation: str, value: object, *qualifiers: tuple[str, object]) -> None:
        entity.facts.append([(relation, value), *qualifiers, ("source", self.rng.choice(entity.sources))])

    # -- the ecosystem -----------------------------------------------------------
    def generate(self) -> None:
        counts = {kind: max(1, round(self.count * share)) for kind, share in SHARES.items()}
        counts["person"] = max(1, self.count - sum(counts.values()))
        rng = self.rng
        region = self.make("region", "West Midlands Synthetic Region", "The region every synthetic place is in.")
        for _ in range(counts["place"] - 1):
            kind = rng.choice(PLACE_KINDS)
            name = self.unique(lambda: self.word(rng.randint(2, 3)) + rng.choice(("", "ton", "ford", "ley")))
            place = self.make(kind, name, f"A synthetic {kind} in the West Midlands.")
            self.fact(place, "within", region.key)
            if kind != "venue":
                self.fact(place, "statistic", None, ("measure", "tech workers"),
                          ("count", rng.randint(100, 90000)), ("date", self.date(2018)))
        for kind in ORGANISATIONS:
            for _ in range(counts[kind]):
                stem = self.unique(lambda: self.word(rng.randint(2, 3)))
                suffix = {"company": rng.choice(COMPANY_WORDS), "university": "University",
                          "public-body": "Council", "trade-association": "Association",
                          "media": "News"}[kind]
                entity = self.make(kind, f"{stem} {suffix}", f"A synthetic {kind.replace('-', ' ')} working in "
                                   f"{rng.choice(SECTORS)}.")
                entity.url = f"https://{entity.key}.example.org/"
                if rng.random() < 0.3:
                    entity.aliases.append(self.unique(lambda stem=stem: f"{stem.upper()} {self.word(1)}"))
        for _ in range(counts["post"]):
            org = self.pick(*ORGANISATIONS)
            post = self.make("post", self.unique(lambda org=org: f"{rng.choice(ROLES)} of {org.name}"),
                             "A synthetic post.")
            self.fact(post, "post-of", org.key)
        for kind in ("initiative", "programme"):
            for _ in range(counts[kind]):
                name = self.unique(lambda: f"{self.word(2)} {rng.choice(INITIATIVE_WORDS)}")
                self.make(kind, name, f"A synthetic {kind} for {rng.choice(SECTORS)}.")
        for _ in range(counts["event"]):
            name = self.unique(lambda: f"{self.word(2)} Tech Week {rng.randint(2015, 2025)}")
            self.make("event", name, "A synthetic event.")
        for _ in range(counts["report"]):
            name = self.unique(lambda: f"The {self.word(2)} Report {rng.randint(2015, 2025)}")
            self.make("report", name, "A synthetic report on the regional economy.")
        for _ in range(counts["person"]):
            name = self.unique(lambda: f"{self.word(2)} {self.word(rng.randint(2, 3))}")
            self.make("person", name, f"A synthetic person working in {rng.choice(SECTORS)}.")
        self.add_facts()

    def add_facts(self) -> None:
        rng = self.rng
        places = ("city", "region", "venue")
        for entity in (e for kind in ORGANISATIONS for e in self.entities.get(kind, [])):
            self.fact(entity, "based-in", self.pick("city").key, ("as-of", self.date(2015)))
            self.fact(entity, "sector", rng.choice(SECTORS))
            if rng.random() < 0.4:
                self.fact(entity, "partners-with", self.pick(*ORGANISATIONS).key, ("start", self.date(2010)))
            if entity.kind == "company" and rng.random() < 0.3:
                self.fact(entity, "pledges-jobs", self.pick("city").key, ("jobs", rng.randint(5, 800)),
                          ("by", str(rng.randint(2024, 2030))), ("announced-at", self.pick("event").key))
            if rng.random() < 0.5:
                self.fact(entity, "statistic", None, ("measure", rng.choice(MEASURES)),
                          ("count", rng.randint(1, 5000)), ("as-of", self.date(2015)))
            if rng.random() < 0.2:
                joined = self.pick("trade-association", "initiative")  # one is a member of an organisation only
                self.fact(entity, "member-of" if joined.kind == "trade-association" else "works-on", joined.key,
                          ("start", self.date(2010)))
        for entity in self.entities["initiative"] + self.entities.get("programme", []):
            start = self.date(2012, 2022)
            self.fact(entity, "funded-by", self.pick("public-body", "company", "university").key,
                      ("amount", rng.randint(1, 2000) * 10000), ("currency", rng.choice(("GBP", "GBP", "EUR"))),
                      ("start", start), ("end", str(int(start[:4]) + rng.randint(1, 3))))
            self.fact(entity, "based-in", self.pick(*places).key)
            self.fact(entity, "investment", None, ("amount", rng.randint(1, 500) * 100000),
                      ("funders", sorted({self.pick("company").key for _ in range(rng.randint(1, 3))})),
                      ("date", self.date(2015)))
            self.fact(entity, "stated-count", None, ("measure", "businesses supported"),
                      ("count", rng.randint(5, 400)), ("as-of", self.date(2018)))
        for event in self.entities["event"]:
            self.fact(event, "held-at", self.pick("venue", "city").key, ("date", self.date(2015)))
            if rng.random() < 0.5:
                self.fact(event, "part-of", self.pick("initiative").key)
        for report in self.entities["report"]:
            publisher = self.pick(*ORGANISATIONS)
            self.fact(publisher, "published", report.key, ("date", self.date(2015)))
        for person in self.entities["person"]:
            start = int(self.date(2000, 2020)[:4])
            self.fact(person, "works-for", self.pick(*ORGANISATIONS).key, ("role", rng.choice(ROLES)),
                      ("start", str(start)))
            if rng.random() < 0.7:
                self.fact(person, "works-for", self.pick(*ORGANISATIONS).key, ("role", rng.choice(ROLES)),
                          ("start", str(start - rng.randint(3, 8))), ("end", str(start)))
            if rng.random() < 0.15:
                self.fact(person, "holds-post", self.pick("post").key, ("start", self.date(2010, 2022)))
            if rng.random() < 0.3:
                self.fact(person, "studied-at", self.pick("university").key, ("degree", "BSc"),
                          ("end", str(start)))
            if rng.random() < 0.2:
                self.fact(person, "spoke-at", self.pick("event").key, ("role", "speaker"))

    # -- stored texts ----------------------------------------------------------------
    def add_texts(self, count: int, seed: int, quotes: int = 1000, size: int = 360_000) -> None:
        """Give `count` sources a stored text of about `size` characters, each quoted by `quotes` facts.

        A generator of its own draws them, so the rest of the graph is the same bytes with or without.
        """
        rng = random.Random(seed + 1)
        facts = [fact for kind in sorted(self.entities) for entity in self.entities[kind] for fact in entity.facts]
        chosen = rng.sample(facts, min(len(facts), count * quotes))
        names = [entity.name for kind in sorted(self.entities) for entity in self.entities[kind]]
        for number, key in enumerate(self.sources[:count]):
            sentences: list[str] = []
            while sum(len(sentence) + 1 for sentence in sentences) < size:
                sentences.append(f"{rng.choice(names)} {rng.choice(VERBS)} {rng.choice(names)} in "
                                 f"{rng.randint(2015, 2025)}, {rng.choice(ASIDES)} {rng.choice(SECTORS)}.")
            self.texts[key] = "\n".join(" ".join(sentences[at:at + 6]) for at in range(0, len(sentences), 6)) + "\n"
            for fact in chosen[number * quotes:(number + 1) * quotes]:
                words = rng.choice(sentences).split(" ")
                start = rng.randint(0, max(0, len(words) - 6))
                fact[-1] = ("source", key)
                fact.append(("quote", " ".join(words[start:start + rng.randint(4, 12)])))

    # -- writing -------------------------------------------------------------------
    def write(self, out: Path, vocabulary: Path = VOCABULARY) -> int:
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(vocabulary, out / "vocabulary.yaml")
        lines = ["# Synthetic sources for the wmgraph benchmark."]
        for index, key in enumerate(self.sources):
            lines += [f"{key}:", f"  title: Synthetic article number {index}",
                      f"  publisher: {self.rng.choice(('Synthetic Post', 'Example Business Live', 'Demo Tech News'))}",
                      f"  author: {self.word(2)} {self.word(2)}", f"  date: {self.date(2015)}",
                      f"  url: https://news.example.org/{key}"]
            if key in self.texts:
                lines.append(f"  text: texts/{key}.txt")
                (out / "texts").mkdir(exist_ok=True)
                (out / "texts" / f"{key}.txt").write_text(self.texts[key], encoding="utf-8")
        (out / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        groups = {"places": ("region", "city", "venue"), "organisations": ORGANISATIONS + ("post",),
                  "initiatives": ("initiative", "programme", "event", "report"), "people": ("person",)}
        files = 0
        for group, kinds in groups.items():
            members = [e for kind in kinds for e in self.entities.get(kind, [])]
            folder = out / group
            folder.mkdir(exist_ok=True)
            for start in range(0, len(members), PER_FILE):
                chunk = members[start:start + PER_FILE]
                text = [f"# Synthetic {group}, part {start // PER_FILE + 1}.", ""]
                for entity in chunk:
                    text += entity_lines(entity) + [""]
                (folder / f"{group}-{start // PER_FILE + 1:04d}.yaml").write_text("\n".join(text), encoding="utf-8")
                files += 1
        return files


def main(argv: list[str] | None = None) -> int:
    """Generate the folder named by --out."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, required=True, help="How many entities to generate.")
    parser.add_argument("--out", type=Path, required=True, help="Graph folder to write (created).")
    parser.add_argument("--seed", type=int, default=2024, help="Random seed (default 2024).")
    parser.add_argument("--vocabulary", type=Path, default=VOCABULARY,
                        help="Vocabulary file to copy into the folder (default graph/vocabulary.yaml).")
    parser.add_argument("--long-texts", type=int, default=0, metavar="N",
                        help="Give N sources a stored text of 360 kB, each quoted by 1,000 facts (default 0).")
    arguments = parser.parse_args(argv)
    if arguments.entities < 20:
        parser.error("--entities must be at least 20")
    if arguments.out.exists() and any(arguments.out.iterdir()):
        parser.error(f"{arguments.out} is not empty")
    generator = Generator(arguments.entities, arguments.seed)
    generator.generate()
    generator.add_texts(arguments.long_texts, arguments.seed)
    files = generator.write(arguments.out, arguments.vocabulary)
    total = sum(len(v) for v in generator.entities.values())
    print(f"Wrote {total} entities in {files} fact files to {arguments.out}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
