"""One list of modal words, read by the modality check and by the drafter: the same words give the same status."""

from __future__ import annotations

from pathlib import Path

from wmgraph.analysis.modality import modality_warnings
from wmgraph.model.modal_words import KINDS, modal_words, status_of
from wmgraph.model.model import Fact, Location, Model
from wmgraph.model.vocabulary import read_vocabulary

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


def hint(quote: str) -> str:
    """What the check tells a stated fact with `quote` to write instead."""
    model = Model(read_vocabulary(MINI / "vocabulary.yaml"))
    model.facts.append(Fact("a.r.b", "a", "partners-with", "b", True, (), ("s",), Location("graph/f.yaml", 3, 7),
                            quote=quote, status="stated"))
    return " ".join(warning.hint for warning in modality_warnings(model))


def test_the_check_suggests_the_status_the_drafter_gives() -> None:
    for quote, status in [("£25 million is to come from DCMS", "expected"), ("could also receive £25m", "possible"),
                          ("the study forecasts 52,000 jobs", "forecast"), ("it plans to open a hub", "planned"),
                          ("promised 200 jobs", "pledged")]:
        assert status_of(quote)[0] == status
        assert hint(quote).startswith(f"write 'status: {status}' if the source does not say it is so")


def test_will_is_a_plan_or_an_expectation() -> None:
    assert status_of("Acme will create 200 jobs") == ("planned", "will")
    assert hint("Acme will create 200 jobs next year").startswith(
        "write 'status: planned' or 'status: expected' if")


def test_names_months_and_a_bare_year_are_not_modal_words() -> None:
    assert status_of("In May 2024 Will Jones's firm invested £5m") == ("stated", "")
    assert status_of("the hub may open in 2025") == ("possible", "may")
    assert [found.words for found in modal_words("grew by 2023, and aims to double by 2026")] == ["aims to", "by 2026"]


def test_the_weakest_claim_decides_and_a_purpose_does_not_hedge_a_figure() -> None:
    assert status_of("it will receive £5m if the bid succeeds") == ("possible", "if")
    assert status_of("the plans were scrapped, it could reopen") == ("withdrawn", "scrapped")
    assert status_of("helped firms to create 5,000 jobs") == ("stated", "")
    assert hint("helped firms to create 5,000 jobs") != ""


def test_each_word_is_of_one_kind() -> None:
    words = [word for kind in KINDS for word in kind.words]
    assert len(words) == len(set(words))
    assert all(word[0].isalpha() for word in words)  # the one pattern branches on a word's first letter


def money_warnings(quote: str) -> list[str]:
    """The check's messages for a stated funded-by fact quoting `quote`."""
    model = Model(read_vocabulary(MINI / "vocabulary.yaml"))
    model.facts.append(Fact("a.f.b", "a", "funded-by", "b", True, (), ("s",), Location("graph/f.yaml", 3, 7),
                            quote=quote, status="stated"))
    return [warning.message for warning in modality_warnings(model)]


def test_a_purpose_after_a_done_verb_says_what_the_money_is_for() -> None:
    for quote in ["Last month, the company won a £500,000 grant from Innovate UK to develop a robot arm",
                  "The firm received £2m from the fund to build a factory by 2027",
                  "It was awarded £1m to launch a hub in Coventry",
                  "Acme has secured seed funding to set up its first plant",
                  "The start-up raised £5m from investors to establish a lab"]:
        assert money_warnings(quote) == [], quote
        assert status_of(quote) == ("stated", ""), quote


def test_a_future_or_intended_main_verb_still_warns_beside_a_purpose() -> None:
    stem = "'funded-by' fact is stated as so, but its quote speaks of "
    assert money_warnings("The council plans to fund a hub to develop skills") == [
        stem + "an intention ('plans to', 'to develop')"]
    assert money_warnings("Acme will receive £1m to develop a robot arm") == [
        stem + "the future and an intention ('will', 'to develop')"]
    assert money_warnings("Acme is set to win a grant to develop a robot arm") == [
        stem + "the future and an intention ('is set to', 'to develop')"]
    assert money_warnings("The grant will be awarded next year to develop a robot arm") == [
        stem + "the future ('will', 'next year')"]
    assert money_warnings("Acme won a grant to create jobs and will open a site") == [stem + "the future ('will')"]
    assert status_of("Acme is set to win a grant to develop a robot arm") == ("expected", "is set to")
    assert status_of("Acme will receive £1m to develop a robot arm") == ("planned", "will")


def test_a_purpose_after_a_verb_of_no_completion_still_warns() -> None:
    assert money_warnings("Acme applied to the fund to develop a robot arm") == [
        "'funded-by' fact is stated as so, but its quote speaks of an intention ('to develop')"]
