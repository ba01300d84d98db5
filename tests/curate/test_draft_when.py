"""When news says a thing was so, on sentences of its own: the day words were said, the year accounts are for."""

from __future__ import annotations

from pathlib import Path

from .drafting import drafted


def test_words_said_on_a_weekday_or_yesterday_are_dated_that_day(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Ann Hale said on Tuesday that the project was one of nine. Tom Reid said yesterday "
                                "the firm would grow. Sam Lee said the deal was good.")  # a Wednesday's article
    assert {(p.subject, p.qualifiers.get("date")) for p in draft.proposals if p.relation == "said-that"} == {
        ("ann-hale", "2025-06-10"), ("tom-reid", "2025-06-10"), ("sam-lee", "2025-06-11")}


def test_accounts_for_a_year_date_their_figures_by_that_year(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Quarry Labs has grown fast. The company's accounts for 2024 show a loss of £6.3m.")
    assert [(p.qualifiers.get("amount"), p.qualifiers.get("date")) for p in draft.proposals
            if "amount" in p.qualifiers] == [(6300000, "2024")]
