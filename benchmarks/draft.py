#!/usr/bin/env python3
"""Score `wmgraph draft` on articles with gold fact files, and time it on a 500-word article at 10k entities.

    .venv/bin/python benchmarks/draft.py --articles ../shared/articles [--graph graph] [--timing N]
        [--own-texts] [--show-misses]

Each NN-slug.txt is drafted against the graph (the article itself is not in it) and compared with
NN-slug.gold.yaml as the articles' README says: known-entity links, new-entity candidates, facts on
(subject, relation, object) after linking, figures, dates, statuses and quotes.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wmgraph.analysis.coverage import sentences  # noqa: E402
from wmgraph.curate.draft import Draft, draft_text  # noqa: E402
from wmgraph.curate.proposals import Proposal  # noqa: E402
from wmgraph.curate.sources import split_header  # noqa: E402
from wmgraph.model.checking import load_model  # noqa: E402
from wmgraph.model.model import Model  # noqa: E402
from wmgraph.model.quotes import find_quote  # noqa: E402

HEDGED = re.compile(r"possib|forecast|plan|expected|will |to be |lined up|announc|target|could", re.IGNORECASE)
FIGURES = ("amount", "count", "jobs", "share")


def names(entry: dict[str, Any]) -> list[str]:
    return [str(n) for n in [entry.get("name", ""), *(entry.get("aliases") or [])] if n]


def same_name(a: str, b: str) -> bool:
    strip = re.compile(r"\b(?:the|of|for|and)\b|[^\w ]", re.IGNORECASE)
    a2, b2 = strip.sub(" ", a.casefold()), strip.sub(" ", b.casefold())
    return a.casefold() == b.casefold() or fuzz.token_sort_ratio(a2, b2) >= 90


def score_article(model: Model, text_file: Path, gold: dict[str, Any]) -> dict[str, Any]:
    header, text, _ = split_header(text_file.read_text())
    date = header.get("date", "")
    draft = draft_text(model, "article", text, "" if date == "unknown" else date)
    entities = gold["entities"]
    named = [e for e in entities if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names(e))]
    gold_known = {e["id"] for e in named if e.get("known")}
    linked = set(draft.linked)
    mapping = {key: key for key in linked}
    found_new = set()
    for entry in (e for e in entities if not e.get("known")):
        for candidate in draft.candidates.values():
            if any(same_name(a, b) for a in [candidate.name, *candidate.aliases] for b in names(entry)):
                mapping.setdefault(candidate.key, entry["id"])
                found_new.add(entry["id"])
    facts = score_facts(draft, gold["facts"], mapping, text, {e["id"] for e in entities})
    return {"links": (len(linked & gold_known), len(linked), len(gold_known)),
            "candidates": (len(found_new), sum(1 for e in entities if not e.get("known"))),
            **facts, "seconds": 0.0}


def score_facts(draft: Draft, gold: list[dict[str, Any]], mapping: dict[str, str], text: str,
                entity_ids: set[str]) -> dict[str, Any]:
    used: set[int] = set()
    parts = 0
    matched: list[tuple[Proposal, dict[str, Any]]] = []
    wrong: list[Proposal] = []
    spans = {i: _sentence_of(text, str(g.get("quote", ""))) for i, g in enumerate(gold)}
    for proposal in draft.proposals:
        where = find_quote(text, proposal.quote) if proposal.quote else None
        for i, fact in enumerate(gold):
            if i in used or mapping.get(proposal.subject) != fact["subject"]:
                continue
            same_relation = _relation(proposal) == fact["relation"] or "vocab-gap" in fact
            obj = fact.get("object")
            if proposal.object is not None and proposal.object in mapping:
                same_object = mapping[proposal.object] == obj
            else:
                span = spans[i]
                in_sentence = where is not None and span is not None and where[0] < span[1] and span[0] < where[1]
                # words (a said-that, a sector) are never the same object as an entity of the gold file
                same_object = (in_sentence and (obj is None) == (proposal.object is None)
                               and _figure_ok(proposal, fact) and obj not in entity_ids)
            if same_relation and same_object:
                used.add(i)
                matched.append((proposal, fact))
                break
        else:
            further = _further_statement(proposal, where, [(gold[i], spans[i]) for i in used], mapping)
            parts += further
            if not further:
                wrong.append(proposal)
    figures = [(p, g) for p, g in matched if any(k in g for k in FIGURES)]
    dated = [(p, g) for p, g in matched if "date" in g or "as-of" in g]
    def wrongly(what: str, pairs: list[tuple[Proposal, dict[str, Any]]], ok: Any) -> list[str]:
        return [f"{what}: {_proposal_line(p, mapping)} | gold {_gold_line(g)}" for p, g in pairs if not ok(p, g)]

    misses = ([f"missed: {_gold_line(g)}" for i, g in enumerate(gold) if i not in used]
              + [f"false positive: {_proposal_line(p, mapping)}" for p in wrong]
              + wrongly("figure", figures, _figure_ok) + wrongly("date", dated, _date_ok)
              + wrongly("status", matched, _status_ok))
    return {
        "facts": (len(matched), len(draft.proposals) - parts, len(gold)),
        "figures": (sum(1 for p, g in figures if _figure_ok(p, g)), len(figures)),
        "dates": (sum(1 for p, g in dated if _date_ok(p, g)), len(dated)),
        "statuses": (sum(1 for p, g in matched if _status_ok(p, g)), len(matched)),
        "quotes": (sum(1 for p, g in matched if _quote_ok(p, g, text)), len(matched)),
        "misses": misses,
    }


def _date_ok(proposal: Proposal, fact: dict[str, Any]) -> bool:
    return str(proposal.qualifiers.get("date", proposal.qualifiers.get("as-of", ""))) == str(
        fact.get("date", fact.get("as-of")))


def _gold_line(fact: dict[str, Any]) -> str:
    shown = {k: v for k, v in fact.items() if k not in ("subject", "relation", "object", "quote", "note")}
    return f"{fact['subject']} {fact['relation']} {fact.get('object')} {shown} \"{fact.get('quote', '')}\""


def _proposal_line(proposal: Proposal, mapping: dict[str, str]) -> str:
    subject = mapping.get(proposal.subject, proposal.subject)
    obj = mapping.get(proposal.object, proposal.object) if proposal.object else None
    return (f"{subject} {_relation(proposal)} {obj} {dict(proposal.qualifiers)} status={proposal.status} "
            f"\"{proposal.quote}\"")


def _further_statement(proposal: Proposal, where: tuple[int, int] | None,
                       matched: list[tuple[dict[str, Any], tuple[int, int] | None]], mapping: dict[str, str]) -> int:
    """1 if `proposal` is another statement of a sentence whose speech a matched gold fact joins into one.

    The drafter proposes 'called X Y and said Z' as two statements; a gold file may write them as one
    said fact ('X is Y; Z'): the second is neither a false positive nor another fact found.
    """
    return int(_relation(proposal) == "said" and where is not None and any(
        fact["relation"] == "said" and fact["subject"] == mapping.get(proposal.subject) and span is not None
        and where[0] < span[1] and span[0] < where[1] for fact, span in matched))


def _relation(proposal: Proposal) -> str:
    """The gold files write reported speech as 'said' (before the vocabulary had 'said-that')."""
    return "said" if proposal.relation == "said-that" else proposal.relation


def _figure_ok(proposal: Proposal, fact: dict[str, Any]) -> bool:
    keys = [k for k in FIGURES if k in fact]
    value = {"jobs": "count"}
    return all(float(proposal.qualifiers.get(k, proposal.qualifiers.get(value.get(k, k), -1))) == float(fact[k])
               for k in keys)


def _status_ok(proposal: Proposal, fact: dict[str, Any]) -> bool:
    if "status" in fact:
        return proposal.status == fact["status"]
    hedged = HEDGED.search(" ".join(str(fact.get(k, "")) for k in ("note", "kind", "vocab-gap", "measure")))
    return (proposal.status != "stated") == bool(hedged) or _relation(proposal) == "said"


def _sentence_of(text: str, quote: str) -> tuple[int, int] | None:
    where = find_quote(text, quote)
    if where is None:
        return None
    return next(((s, e) for _, s, e in sentences(text) if s <= where[0] < e), where)


def _quote_ok(proposal: Proposal, fact: dict[str, Any], text: str) -> bool:
    where, span = find_quote(text, proposal.quote), _sentence_of(text, str(fact.get("quote", "")))
    return where is not None and span is not None and where[0] < span[1] and span[0] < where[1]


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def report(name: str, r: dict[str, Any]) -> str:
    (lh, ld, lg), (ch, cg), (fh, fd, fg) = r["links"], r["candidates"], r["facts"]
    return (f"| {name} | {ratio(lh, ld)} ({lh}/{ld}) | {ratio(lh, lg)} ({lh}/{lg}) | {ratio(ch, cg)} ({ch}/{cg}) | "
            f"{ratio(fh, fd)} ({fh}/{fd}) | {ratio(fh, fg)} ({fh}/{fg}) | "
            + " | ".join(f"{r[k][0]}/{r[k][1]}" for k in ("figures", "dates", "statuses", "quotes")) + " |")


def timing(entities: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        graph = Path(folder) / "g"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--entities", str(entities),
                        "--out", str(graph)], check=True, capture_output=True)
        model = load_model(graph)
        words = " ".join(split_header(p.read_text())[1] for p in sorted(ARTICLES.glob("*.txt"))).split(" ")[:500]
        text = " ".join(words)
        wall, cpu = [], []
        for _ in range(5):
            start, start_cpu = time.perf_counter(), time.process_time()
            draft_text(model, "timing", text, "2024-11-17")
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        return statistics.median(wall), statistics.median(cpu)


ARTICLES = ROOT.parent / "shared" / "articles"


def own_texts(model: Model) -> list[tuple[str, dict[str, Any]]]:
    """Each stored text of the graph scored against the graph's own facts that quote it.

    The text is drafted against the graph without the entities only it sources, so that they are
    new to the draft, as a new article's would be.
    """
    results = []
    for key, source in sorted(model.sources.items()):
        if not source.text:
            continue
        kept = {k: e for k, e in model.entities.items() if set(e.sources) - {key}}
        facts = [f for f in model.facts if key in f.sources and f.quote]
        named = {f.subject for f in facts} | {f.object for f in facts if f.object_is_entity and f.object}
        gold = {"entities": [{"id": k, "name": e.name, "aliases": list(e.aliases), "known": k in kept}
                             for k, e in model.entities.items() if key in e.sources or k in named],
                "facts": [{"subject": f.subject, "relation": f.relation, "object": f.object, "quote": f.quote,
                           **({"status": f.status} if f.status else {}),
                           **{q: (str(v) if q in ("date", "as-of") else v) for q, v in f.qualifiers}} for f in facts]}
        with tempfile.TemporaryDirectory() as folder:
            text_file = Path(folder) / "text.txt"
            text_file.write_text(f"title: {key}\ndate: {source.date or 'unknown'}\n\n{source.text}")
            results.append((key, score_article(Model(model.vocabulary, entities=kept), text_file, gold)))
    return results


def table(results: list[tuple[str, dict[str, Any]]], show_misses: bool) -> None:
    """Print one row per article and a total, then (if asked) what each article's draft got wrong."""
    total: dict[str, list[int]] = {}
    print("| article | links P | links R | candidates R | facts P | facts R | figures | dates | statuses | quotes |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, result in results:
        print(report(name, result))
        for key, value in result.items():
            if isinstance(value, tuple):
                total[key] = [a + b for a, b in zip(total.get(key, [0] * len(value)), value, strict=True)]
    print(report("total", {k: tuple(v) for k, v in total.items()}))
    if show_misses:
        for name, result in results:
            print(f"\n{name}:" + "".join(f"\n  {line}" for line in result["misses"]))


def main() -> int:
    global ARTICLES
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="Folder of NN-slug.txt and .gold.yaml.")
    parser.add_argument("--graph", type=Path, default=ROOT / "graph", help="Graph to draft against.")
    parser.add_argument("--timing", type=int, default=0, help="Also time a 500-word draft at this many entities.")
    parser.add_argument("--own-texts", action="store_true", help="Also score the graph's own stored texts.")
    parser.add_argument("--show-misses", action="store_true",
                        help="After each table, list per article the gold facts missed, the false positives "
                             "and the wrong figures, dates and statuses.")
    args = parser.parse_args()
    ARTICLES = args.articles
    model = load_model(args.graph)
    results = []
    for text_file in sorted(args.articles.glob("*.txt")):
        gold = yaml.safe_load(text_file.with_name(text_file.stem + ".gold.yaml").read_text())
        results.append((text_file.stem[:2], score_article(model, text_file, gold)))
    table(results, args.show_misses)
    if args.own_texts:
        print()
        table(own_texts(model), args.show_misses)
    if args.timing:
        wall, cpu = timing(args.timing)
        print(f"\n500-word article against {args.timing:,} entities: {wall:.3f} s wall, {cpu:.3f} s CPU (median of 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
