"""Figures news gives to nobody the rules can name, each on sentences of its own: no fact is better than a wrong one."""

from __future__ import annotations

from pathlib import Path

from wmgraph.curate.draft import Draft

from .drafting import drafted


def figures(draft: Draft) -> set[tuple[str, str, str | None, object]]:
    """Each proposal with a figure: subject, relation, object and the figure."""
    return {(p.subject, p.relation, p.object, p.qualifiers.get("amount", p.qualifiers.get(
        "count", p.qualifiers.get("jobs")))) for p in draft.proposals
        if {"amount", "count", "jobs"} & set(p.qualifiers)}


def test_a_price_a_saving_and_a_contribution_are_no_investment(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Harlow Robotics, a Walsall maker of drones, has been bought by the German group "
                                "Merkel Werke for £18m. Pennine Data expects the move to save about £200,000 a year. "
                                "Quarry Labs is contributing £250,000 in staff time to the project. "
                                "Finch Analytics has raised £3m from Castle Ventures.")
    assert figures(draft) == {("finch-analytics", "funded-by", "castle-ventures", 3000000)}


def test_a_hire_by_the_firm_a_speaker_refers_to_is_that_firm_s_or_nobody_s(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Finch Analytics has opened an office. Its chief executive, Ann Hale, said the firm "
                                "would hire 12 engineers. Merkel Werke's chief executive, Jan Vos, praised Harlow "
                                "Robotics. He said the group could add up to 30 roles in Walsall if orders hold up. "
                                "Quarry Labs was set up in 2017. It raised money from investors including Castle "
                                "Ventures and opened a lab in 2022, when it said it would employ 80 people by 2025.")
    assert figures(draft) == {("finch-analytics", "stated-count", None, 12)}


def test_a_part_of_its_whole_is_counted_for_the_body_its_stands_for(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Sandwell Council has awarded a contract to Birch Networks to rewire 40 of its "
                                "schools. Harlow Robotics has gone into administration, with 25 of its 60 staff "
                                "made redundant.")
    assert {f[0] for f in figures(draft)} == {"harlow-robotics"}


def test_jobs_cut_or_hoped_for_on_a_condition_are_no_pledge(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Harlow Robotics has cut 25 of its 60 jobs in Walsall. Pennine Data said that if "
                                "the trial worked it hoped to open a plant in Walsall by 2029, which could create up "
                                "to 60 jobs. Quarry Labs will create 40 jobs in Walsall.")
    assert [f for f in figures(draft) if f[1] == "pledges-jobs"] == [("quarry-labs", "pledges-jobs", "walsall", 40)]


def test_a_body_is_never_its_own_funder(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Harlow Robotics's early backer, the Midlands Seed Fund (MSF), invested £1.2m in "
                                "the company in 2019.")
    assert [p for p in draft.proposals if p.subject == p.object] == []


def test_money_for_an_unnamed_call_is_nobody_s_investment(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Its chair, Ann Hale, said the project was one of nine the Pennine Council was "
                                "funding under a £42m call for research.")
    assert figures(draft) == set()


def test_a_figure_the_words_deny_is_no_fact(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Harlow Robotics has denied reports that it will cut 50 jobs in Walsall. Quarry Labs "
                                "has not yet received the £2m grant from Castle Ventures. Pennine Data rejected claims "
                                "that it had raised £5m from Castle Ventures. Birch Networks was not among the 12 "
                                "firms shortlisted. Quarry Labs has won £3m from Castle Ventures.")
    assert figures(draft) == {("quarry-labs", "funded-by", "castle-ventures", 3000000)}


def test_figures_of_unnamed_bodies_support_given_and_a_report_s_audience_are_no_one_s(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Walsall gains a boost with five companies pledging 1,000 new roles. Castle Ventures "
                                "made an announcement of £1m in support for start-ups. The Growth Review was launched "
                                "and a guest list of 300 people joined the team. Finch Analytics has raised £2m in "
                                "funding for its expansion.")
    assert figures(draft) == {("finch-analytics", "investment", None, 2000000)}


def test_a_rival_is_no_part_of_a_name(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Rival Pennine Data raised £8m last year.")
    assert {c.name for c in draft.candidates.values()} == {"Pennine Data"}


def test_the_scheme_a_sentence_opens_with_is_not_the_company_named_before(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Finch Analytics has opened an office. The scheme, which aims to support 500 "
                                "businesses, will be run by Quarry Labs. Harlow Robotics has moved to Walsall. "
                                "The project is expected to cost £30m.")
    assert figures(draft) == set()


def test_jobs_that_could_follow_if_a_condition_holds_are_no_pledge_wherever_the_if_stands(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Harlow Robotics said it could create up to 200 jobs in Walsall if it wins the "
                                "contract. Quarry Labs could create 50 jobs in Walsall.")
    assert [f for f in figures(draft) if f[1] == "pledges-jobs"] == [("quarry-labs", "pledges-jobs", "walsall", 50)]


def test_the_round_a_body_led_is_the_raiser_s_not_the_leader_s(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Castle Ventures led the £4m round, with Pennine Data also investing. Quarry Labs has "
                                "raised £3m in a round led by Castle Ventures.")
    assert figures(draft) == {("quarry-labs", "investment", None, 3000000)}


def test_money_sought_shared_or_managed_is_not_the_subject_s(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Walsall Council is bidding for £2m to build a centre. Finch Analytics is seeking £5m "
                                "from investors. Quarry Labs will share £10m with four other firms. Castle Ventures "
                                "manages £300m of assets. Pennine Data won a share of a £5m pot from Castle Ventures. "
                                "Harlow Robotics has secured £2m from Castle Ventures.")
    assert figures(draft) == {("harlow-robotics", "funded-by", "castle-ventures", 2000000)}


def test_a_group_s_figure_is_no_member_s_and_one_of_n_is_no_count_of_the_one(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The consortium, which includes Quarry Labs, Finch Analytics and Pennine Data, will "
                                "receive £4m from Castle Ventures. Harlow Robotics, alongside Birch Networks, is one "
                                "of 20 firms selected. Merkel Werke, which makes robots including drones, employs 300 "
                                "people.")
    assert figures(draft) == {("merkel-werke", "stated-count", None, 300)}


def test_the_object_of_one_verb_is_not_the_subject_of_the_next(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Quarry Labs has partnered with Birch Networks and raised £2m from Castle Ventures. "
                                "Harlow Robotics has raised £1m from Castle Ventures.")
    assert figures(draft) == {("harlow-robotics", "funded-by", "castle-ventures", 1000000)}
