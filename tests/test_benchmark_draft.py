"""The draft scorer cannot rot: it scores a small article of its own and the mini graph's stored text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the scorer in a subprocess

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT / "benchmarks" / "draft.py"

ARTICLE = """title: Robots for Birmingham
date: 2024-03-02
note: written for this test

Quarry Robotics, a robotics company, will create 40 jobs in Birmingham.
"""

GOLD = """article: 01-robots.txt
date: 2024-03-02
entities:
  - {id: quarry-robotics, type: company, name: Quarry Robotics, aliases: [Quarry Robotics], known: false}
  - {id: birmingham, type: city, name: Birmingham, aliases: [Birmingham], known: true}
facts:
  - subject: quarry-robotics
    relation: pledges-jobs
    object: birmingham
    jobs: 40
    status: pledged
    quote: "Quarry Robotics, a robotics company, will create 40 jobs in Birmingham"
  - subject: birmingham
    relation: within
    object: west-midlands
    quote: "Birmingham"
"""


def test_scorer_reports_the_articles_the_own_texts_and_what_was_missed(mini_graph: Path, tmp_path: Path) -> None:
    run = _score(mini_graph, tmp_path, "01-robots", ARTICLE, GOLD, "--own-texts")
    lines = run.stdout.splitlines()
    assert lines[2].startswith("| 01 | 1.00 (1/1) | 1.00 (1/1) | 1.00 (1/1) | ")
    assert lines[3] == "| total |" + lines[2].split("|", 2)[2]  # one article: the total is its row
    assert "| 0.50 (1/2) | 1/1 |" in lines[2]  # the jobs found, the region not: recall 1/2, its figure right
    assert lines[lines.index("01:") + 1] == "  missed: birmingham within west-midlands {} \"Birmingham\""
    assert any(line.startswith("| jobs-article | ") for line in lines) and "jobs-article:" in lines


SAID = """title: Robots for Birmingham
date: 2024-03-02
note: written for this test

Ann Lee, founder of Quarry Robotics, said the firm would grow.
"""

SAID_GOLD = """article: 02-said.txt
date: 2024-03-02
entities:
  - {id: quarry-robotics, type: company, name: Quarry Robotics, aliases: [Quarry Robotics], known: false}
  - {id: ann-lee, type: person, name: Ann Lee, aliases: [Ann Lee], known: false}
facts:
  - subject: ann-lee
    relation: launched
    object: quarry-robotics
    vocab-gap: founded; launched is the closest
    quote: "Ann Lee, founder of Quarry Robotics"
"""


def test_words_said_never_match_a_gold_fact_whose_object_is_an_entity(mini_graph: Path, tmp_path: Path) -> None:
    run = _score(mini_graph, tmp_path, "02-said", SAID, SAID_GOLD)
    misses = run.stdout.split("02:\n", 1)[1]
    assert "false positive: ann-lee said The firm would grow." in misses  # the statement takes no vocab-gap fact
    assert "missed:" not in misses  # the works-for 'founder of' matches the launched fact, its gap lenient


def _score(graph: Path, tmp_path: Path, name: str, article: str, gold: str,
           *options: str) -> subprocess.CompletedProcess[str]:
    """The scorer run with --show-misses on one article and its gold file, which it must score."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / f"{name}.txt").write_text(article)
    (articles / f"{name}.gold.yaml").write_text(gold)
    run = subprocess.run([sys.executable, str(SCORER), "--articles", str(articles), "--graph", str(graph),
                          *options, "--show-misses"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run
