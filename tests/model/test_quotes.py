"""Quotes against stored texts: Unicode forms, empty texts, the closest passage in a large text."""

from __future__ import annotations

import random
import signal
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.model.checking import load_model
from wmgraph.model.quotes import closest_passage

CAFE = "The Café Society joined the accelerator in Digbeth, with twelve places a year from 2025."


def validate(graph: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", "--graph", graph.name])
    return result.exit_code, result.output


def quoting(graph: Path, quote: str, text: str) -> None:
    """Store `text` as the mini graph's article and make Version 1's pledge quote `quote` from it."""
    (graph / "texts" / "jobs-article.txt").write_text(text, encoding="utf-8")
    organisations = graph / "organisations.yaml"
    organisations.write_text(organisations.read_text().replace(
        "      duration: P3Y\n", f"      duration: P3Y\n      quote: \"{quote}\"\n"), encoding="utf-8")


@pytest.fixture
def time_limit() -> Iterator[None]:
    """Fail a test that takes over a minute (what it checks ran for minutes unbounded)."""
    def expired(signum: int, frame: FrameType | None) -> None:
        pytest.fail("took over 60 s", pytrace=False)
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("quote_form,text_form", [("NFD", "NFC"), ("NFC", "NFD")])
def test_a_quote_matches_its_text_in_another_unicode_form(
        mini_graph: Path, in_tmp: Path, quote_form: str, text_form: str) -> None:
    text = unicodedata.normalize(text_form, CAFE)
    quoting(mini_graph, unicodedata.normalize(quote_form, "The Café Society joined the accelerator"), text)
    assert validate(mini_graph) == (0, "graph is valid: 6 entities, 6 facts, 2 sources.\n")
    pledge = next(fact for fact in load_model(mini_graph).facts if fact.relation == "pledges-jobs")
    assert pledge.quote == text[:text.index(" in Digbeth")]  # the text's own words, in the text's own form


def test_a_quote_ending_in_a_decomposed_letter_keeps_its_accent(mini_graph: Path, in_tmp: Path) -> None:
    text = unicodedata.normalize("NFD", "We meet at the café today")
    quoting(mini_graph, "meet at the café", text)
    pledge = next(fact for fact in load_model(mini_graph).facts if fact.relation == "pledges-jobs")
    assert pledge.quote == unicodedata.normalize("NFD", "meet at the café")


def test_a_quote_against_an_empty_stored_text_is_refused(mini_graph: Path, in_tmp: Path) -> None:
    quoting(mini_graph, "Version 1 plans 500 jobs", " \n")
    assert validate(mini_graph) == (1, """\
Error: 1 problem found in the fact files:
graph/organisations.yaml:10:7: quote cannot be checked: the stored text of 'jobs-article' \
(texts/jobs-article.txt) is empty (store the source's text in it, or remove the quote)
""")


def filler(size: int) -> str:
    """`size` characters of made-up words, the same every run."""
    chance = random.Random(21)
    words = ["".join(chance.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(chance.randint(2, 9)))
             for _ in range(5000)]
    text = " ".join(chance.choice(words) for _ in range(size // 5))
    return text[:size]


@pytest.mark.slow
def test_the_closest_passage_to_a_long_quote_in_a_large_text(time_limit: None) -> None:
    text = filler(700_000) + ". " + CAFE + " " + filler(300_000)
    quote = CAFE.replace("joined", "has joined").replace("twelve", "ten") + " " + filler(20_000)[::-1]
    assert closest_passage(text, quote) == (CAFE + " " + filler(300_000))[:97].rstrip() + "..."


@pytest.mark.slow
def test_a_long_wrong_quote_in_a_large_text_gets_its_hint(mini_graph: Path, in_tmp: Path, time_limit: None) -> None:
    passage = CAFE + " The programme opens in May."
    quoting(mini_graph, "Café Society has joined the accelerator " + "and more words " * 300,
            filler(500_000) + "\n" + passage + "\n" + filler(500_000))
    hint = passage[passage.index("Café"):][:97].rstrip() + "..."
    assert validate(mini_graph) == (1, "Error: 1 problem found in the fact files:\n"
                                       "graph/organisations.yaml:10:7: quote not found in the text of 'jobs-article' "
                                       f"(the closest passage is \"{hint}\"; copy the words as the text has them)\n")
