"""Names in news English, each rule on sentences of its own: people, titles, bodies named again, kinds."""

from __future__ import annotations

from pathlib import Path

from .drafting import drafted, facts, kinds


def test_a_common_given_name_makes_a_person_whatever_follows(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems has appointed Laura Fenwick to run sales. "
                                "The move follows the departure of Tom Akers last month.")
    assert kinds(draft) == {"Brightcoat Systems": "company", "Laura Fenwick": "person", "Tom Akers": "person"}


def test_a_street_named_after_a_person_is_no_person(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The firm has moved to an office on Victoria Square and another on Paul Street.")
    assert "person" not in kinds(draft).values()


def test_founders_named_with_their_trades_are_people_and_the_clause_after_them_no_apposition(
        mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Founded in 2019 by chemist Ifeoma Osei and engineer Tarek Bakri, the firm makes "
                                "coatings for wind turbines.")
    assert kinds(draft) == {"Ifeoma Osei": "person", "Tarek Bakri": "person"}


def test_a_title_before_a_name_is_not_part_of_it(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Councillor Ifeoma Osei, the council's cabinet member for skills, opened the centre. "
                                "Cllr Tarek Bakri chaired the meeting.")
    assert kinds(draft) == {"Ifeoma Osei": "person", "Tarek Bakri": "person"}


def test_appointed_as_a_title_makes_a_person(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems has appointed Ifeoma Osei as managing director of its "
                                "Leeds office.")
    assert kinds(draft)["Ifeoma Osei"] == "person"


def test_a_weekday_after_on_ends_a_name(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The Robot Fair was held at the Vale Arena in Coventry on Wednesday.")
    assert kinds(draft) == {"Robot Fair": "event", "Vale Arena": "venue", "Coventry": "city"}


def test_a_body_named_again_by_its_first_word_is_the_same_body(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems, a coatings company, has opened an office in Leeds. "
                                "Brightcoat employs 40 people. Midlands Angel Network backed it. "
                                "Investors in the Midlands were pleased.")
    assert draft.candidates["brightcoat-systems"].aliases == ["Brightcoat"]
    assert draft.candidates["midlands-angel-network"].aliases == []  # "the Midlands" is somewhere else
    assert ("brightcoat-systems", "stated-count", None) in facts(draft)


def test_a_first_word_two_bodies_share_names_neither(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems and Brightcoat Capital, its investor, met in Leeds. "
                                "Brightcoat said the talks went well.")
    assert [c.aliases for c in draft.candidates.values() if c.name.startswith("Brightcoat ")] == [[], []]


def test_a_name_called_after_a_kind_of_thing_is_that_kind(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The programme, called Digital Pathways, opens in May. Its app, named Skillcheck, "
                                "is free.")
    assert kinds(draft) == {"Digital Pathways": "programme", "Skillcheck": "product"}


def test_an_acronym_a_known_name_taught_is_no_new_candidate(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The University of Birmingham (UoB) opened a lab. The UoB's head of research, "
                                "Ruth Osei, said it was busy.")
    assert kinds(draft) == {"Ruth Osei": "person"}
    assert ("ruth-osei", "works-for", "university-of-birmingham") in facts(draft)


def test_the_uk_s_regions_are_regions(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Investors in the Midlands and the South East were pleased. Acme Robotics, based "
                                "in the North West, agreed.")
    assert kinds(draft) == {"Midlands": "region", "South East": "region", "North West": "region",
                            "Acme Robotics": "company"}
    assert ("acme-robotics", "based-in", "north-west") in facts(draft)


def test_a_name_joined_by_and_is_one_name_when_the_initials_in_brackets_spell_it(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Harlow Robotics has won £2m from the Engineering and Physical Sciences Research "
                                "Council (EPSRC). Quarry Labs and Finch Analytics (FA) signed a deal.")
    assert kinds(draft) == {"Harlow Robotics": "company", "Engineering and Physical Sciences Research Council":
                            "organisation", "Quarry Labs": "company", "Finch Analytics": "company"}


def test_who_heads_a_body_s_unit_leads_the_unit_not_the_body(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The work is led by Professor Helen Grant, who heads Aston's Energy Research "
                                "Institute. Tom Akers, who chairs Quarry Labs, praised her.")
    assert {f for f in facts(draft) if f[1] == "leads"} == {("tom-akers", "leads", "quarry-labs")}


def test_a_place_before_firm_is_where_the_body_is_not_its_field(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Birch Networks, a Leeds firm, grew. Harlow Robotics, a Walsall robotics company, "
                                "grew too.")
    assert {f for f in facts(draft) if f[1] == "sector"} == {("harlow-robotics", "sector", "robotics")}


def test_who_was_is_a_role_held_before_and_who_is_the_title_alone(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Sam Lee, who is chief executive of Pennine Data, spoke. Sarah Cole, who was chief "
                                "executive of Quarry Labs until 2022, spoke too.")
    roles = {(p.subject, p.relation, p.object, p.qualifiers.get("role")) for p in draft.proposals
             if p.relation in ("works-for", "past-role")}
    assert roles == {("sam-lee", "works-for", "pennine-data", "chief executive"),
                     ("sarah-cole", "past-role", "chief executive (quarry-labs)", None)}


def test_a_role_held_previously_is_one_past_role_with_no_stray_letters(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Finch Analytics has appointed Sarah Cole as its finance director. Cole was "
                                "previously chief financial officer at Pennine Data.")
    assert [p.object for p in draft.proposals if p.relation == "past-role"] == [
        "chief financial officer at Pennine Data"]


def test_a_title_in_capitals_before_a_name_is_no_part_of_it(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Quarry Labs grew. Chief Executive Ann Hale said sales rose. Managing Director Tom "
                                "Reid agreed.")
    assert kinds(draft) == {"Quarry Labs": "company", "Ann Hale": "person", "Tom Reid": "person"}


def test_a_round_that_was_led_by_a_body_is_funded_by_it_not_led(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Quarry Labs has grown. The firm's Series A round was led by Castle Ventures.")
    assert facts(draft) == {("quarry-labs", "funded-by", "castle-ventures")}


def test_a_then_title_or_one_left_behind_is_a_past_role(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Quarry Labs' then chief executive, Tom Reid, signed the deal in 2019. Castle "
                                "Ventures's founding partner, Mark Cole, retired last year. Birch Networks's chief "
                                "executive, Sam Lee, left the meeting early.")
    assert {(p.subject, p.relation) for p in draft.proposals if p.relation in ("works-for", "past-role")} == {
        ("tom-reid", "past-role"), ("mark-cole", "past-role"), ("sam-lee", "works-for")}


def test_an_age_a_size_a_standing_or_a_tie_is_no_field(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Quarry Labs, a five-year-old company, grew. Pennine Data, a key player, grew. "
                                "Castle Ventures, an early investor in Quarry Labs, grew. Merkel Werke, a family-owned "
                                "business, grew. Harlow Robotics, a major robotics company, grew.")
    assert {f for f in facts(draft) if f[1] == "sector"} == {("harlow-robotics", "sector", "robotics")}
