"""What unnamed sources say and what 'is understood to' hedges, on sentences of its own: no fact yet."""

from __future__ import annotations

from pathlib import Path

from .drafting import drafted, facts


def test_unnamed_sources_are_no_speaker_and_their_news_no_fact(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Harlow Robotics has grown. Sources close to the company said Pennine Data had raised "
                                "£6m from Castle Ventures. People familiar with Quarry Labs said it would close. "
                                "A spokesperson for Quarry Labs said the firm would grow.")
    assert facts(draft) == {("quarry-labs", "said-that", "The firm would grow.")}


def test_a_hedged_report_gives_no_fact_but_who_is_what_still_holds(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Castle Ventures is believed to have invested £2m in Birch Networks. Merkel Werke is "
                                "reportedly planning to invest £20m in Walsall. Quarry Labs, a Coventry robotics firm, "
                                "is understood to be in talks with Finch Analytics. Quarry Labs has raised £1m from "
                                "Castle Ventures.")
    assert facts(draft) == {("quarry-labs", "sector", "robotics"), ("quarry-labs", "based-in", "coventry"),
                            ("quarry-labs", "funded-by", "castle-ventures")}


def test_a_fund_named_after_a_place_is_not_thereby_based_there(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Quarry Labs raised money from the Birmingham Co-Investment Fund and the Birmingham "
                                "Skills Programme.")
    assert {f for f in facts(draft) if f[1] == "based-in"} == {
        ("birmingham-skills-programme", "based-in", "birmingham")}


def test_a_partnership_that_may_come_is_no_partnership_yet(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Finch Analytics may partner with Harlow Robotics. Quarry Labs hopes to partner with "
                                "Pennine Data. Birch Networks has partnered with Merkel Werke.")
    assert {f for f in facts(draft) if f[1] == "partners-with"} == {("birch-networks", "partners-with", "merkel-werke")}


def test_what_could_be_led_or_funded_by_a_body_is_not_yet(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The Birch Hub could be led by Pennine Data. The Birch Hub may be funded by Castle "
                                "Ventures. The Castle Fund is led by Quarry Labs.")
    assert facts(draft) == {("quarry-labs", "leads", "castle-fund")}


def test_a_link_the_words_deny_is_no_fact(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Finch Analytics has not partnered with Harlow Robotics. The Birch Hub is no longer "
                                "led by Pennine Data. Quarry Labs, a not-for-profit, has partnered with Birch "
                                "Networks.")
    assert facts(draft) == {("quarry-labs", "sector", "not-for-profit"),
                            ("quarry-labs", "partners-with", "birch-networks")}
