"""Facts in news English, each rule on sentences of its own: titles, places, figures and their subjects, speech."""

from __future__ import annotations

from pathlib import Path

from wmgraph.curate.dates import resolve

from .drafting import drafted, facts, kinds


def test_a_place_named_after_a_figure_is_its_subject_only_if_nothing_stands_between(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "According to the council, around 12,000 adults in Sandwell lack digital skills. "
                                "Around 400 people attended the Robot Fair in Coventry on Tuesday.")
    counts = {(p.subject, p.qualifiers.get("count")) for p in draft.proposals if "count" in p.qualifiers}
    assert counts == {("sandwell", 12000), ("robot-fair", 400)}  # people attending an event: the event's count


def test_a_place_before_a_noun_or_after_on_or_at_is_no_figure_subject(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Osei said her company had cut energy use by 9 per cent at its Telford plant. "
                                "The office, on Colmore Row, opened on Monday with 35 staff.")
    assert [p for p in draft.proposals if p.relation in ("statistic", "stated-count")] == []


def test_a_share_in_per_cent_is_no_count(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems placed 61 per cent of its trainees in work last year.")
    assert [(p.subject, p.qualifiers.get("share"), "count" in p.qualifiers) for p in draft.proposals] == [
        ("brightcoat-systems", 0.61, False)]


def test_a_title_in_capitals_between_a_name_and_a_body_is_the_role_there(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Ifeoma Osei, Executive Director of Place and Skills, Brightcoat Systems, said the "
                                "scheme works. Tarek Bakri, head of research and policy, Vale Institute, agreed.")
    assert "Place" not in kinds(draft) and "Skills" not in kinds(draft)
    roles = {(p.subject, p.object, p.qualifiers["role"]) for p in draft.proposals if p.relation == "works-for"}
    assert roles == {("ifeoma-osei", "brightcoat-systems", "Executive Director of Place and Skills"),
                     ("tarek-bakri", "vale-institute", "head of research and policy")}


def test_the_words_before_a_body_say_its_field_and_where_it_is(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The round was led by the Leeds fintech firm Paylane, with the accountancy firm "
                                "Harwood Price and the trade body Techlink.")
    assert {(p.subject, p.relation, p.object) for p in draft.proposals} == {
        ("paylane", "sector", "fintech"), ("paylane", "based-in", "leeds"),
        ("harwood-price", "sector", "accountancy")}  # a trade body is a kind of body, not a field


def test_a_place_after_a_in_an_apposition_is_the_base_and_so_is_based_in(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Funding came from Foundry Capital, a Leeds venture capital firm, and from "
                                "Cellwise Systems, a battery maker based in Coventry.")
    assert {("foundry-capital", "based-in", "leeds"), ("cellwise-systems", "based-in", "coventry")} <= facts(draft)


def test_founders_each_launched_the_body_in_the_year_given(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Kinetiq Health, a medtech start-up, has raised £2m. Founded in 2021 by "
                                "physiotherapist Priya Sandhu and engineer Marcus Webb, the firm makes knee sensors. "
                                "Brightcoat Systems was set up by Dr Ifeoma Osei.")
    launched = {(p.subject, p.object, p.qualifiers.get("date")) for p in draft.proposals if p.relation == "launched"}
    assert launched == {("priya-sandhu", "kinetiq-health", "2021"), ("marcus-webb", "kinetiq-health", "2021"),
                        ("ifeoma-osei", "brightcoat-systems", None)}


def test_offices_in_places_are_the_bases_of_the_body_that_has_them(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems employs 90 people across offices in Leeds and Dublin.")
    assert {("brightcoat-systems", "based-in", "leeds"), ("brightcoat-systems", "based-in", "dublin")} <= facts(draft)


def test_a_chair_named_by_a_possessive_leads_the_body(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The news came from Foundry Capital's chair, Yasmin Dar.")
    assert ("yasmin-dar", "leads", "foundry-capital") in facts(draft)


def test_a_role_held_before_joining_or_previously_is_a_past_role(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems has hired Laura Fenwick. Fenwick joins from Harwood Bank, where "
                                "she was head of risk. Tarek Bakri, who previously ran the lab at Vale University, "
                                "chairs the board.")
    assert {(p.subject, p.object) for p in draft.proposals if p.relation == "past-role"} == {
        ("laura-fenwick", "head of risk at Harwood Bank"), ("tarek-bakri", "ran the lab at Vale University")}


def test_speakers_given_the_stage_spoke_at_the_event_on_its_day(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Around 300 people attended the Robot Summit at the Vale Conference Centre in "
                                "Coventry on Wednesday. The opening keynote was given by Professor Ifeoma Osei. "
                                "Speaking on a panel on skills, Tarek Bakri said bootcamps help. The event closed "
                                "with an address by the minister for digital skills, Ian Marsh.", date="2025-06-06")
    spoke = {(p.subject, p.qualifiers["role"], p.qualifiers.get("date")) for p in draft.proposals
             if p.relation == "spoke-at" and p.object == "robot-summit"}
    assert spoke == {("ifeoma-osei", "opening keynote speaker", "2025-06-04"),
                     ("tarek-bakri", "panellist", "2025-06-04"), ("ian-marsh", "speaker", "2025-06-04")}
    assert {("robot-summit", "held-at", "vale-conference-centre"), ("vale-conference-centre", "within", "coventry"),
            ("ian-marsh", "holds-post", "minister-for-digital-skills")} <= facts(draft)
    counts = [(p.subject, p.relation, p.qualifiers["count"]) for p in draft.proposals if "count" in p.qualifiers]
    assert counts == [("robot-summit", "stated-count", 300)]


def test_what_a_body_will_open_somewhere_is_a_plan_there_not_a_base(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems, a coatings firm, will hire 50 engineers in Birmingham while "
                                "opening a research hub in the city next year.", date="2025-06-11")
    planned = [(p.subject, p.relation, p.object, p.qualifiers, p.status) for p in draft.proposals
               if p.object == "research-hub" or p.subject == "research-hub"]
    assert planned == [("brightcoat-systems", "plans", "research-hub", {"place": "birmingham", "due": "2026"},
                        "planned")]


def test_when_where_and_to_whom_words_were_said_are_no_part_of_what_was_said(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Ann Lee said in a statement that the firm would grow. Tom Hale said on Monday the "
                                "region was ready. Ruth Osei said: skills matter. Sam Cole told the BBC demand was "
                                "strong. Amir Shah told delegates at the summit that costs had fallen.")
    said = {(p.subject, p.object) for p in draft.proposals if p.relation == "said-that"}
    assert said == {("ann-lee", "The firm would grow."), ("tom-hale", "The region was ready."),
                    ("ruth-osei", "Skills matter."), ("sam-cole", "Demand was strong."),
                    ("amir-shah", "Costs had fallen.")}


def test_titles_between_a_body_and_a_name_after_remains_and_after_appointed_as(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Foundry Capital partner Hannah Cole joins the board. Brightcoat Systems has "
                                "appointed Laura Fenwick as managing director of its Leeds office. Helen Osei "
                                "remains a professor at Vale University.")
    roles = {(p.subject, p.object, p.qualifiers["role"]) for p in draft.proposals if p.relation == "works-for"}
    assert roles == {("hannah-cole", "foundry-capital", "partner"),
                     ("laura-fenwick", "brightcoat-systems", "managing director of its Leeds office"),
                     ("helen-osei", "vale-university", "professor")}


def test_a_count_in_words_after_a_verb_of_staffing(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems employs nine people and has two offices.")
    assert [(p.subject, p.relation, p.qualifiers.get("count")) for p in draft.proposals] == [
        ("brightcoat-systems", "stated-count", 9)]


def test_money_for_an_unnamed_project_is_nobody_s_investment(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems has launched a £6 million programme to train welders.")
    assert [p for p in draft.proposals if "amount" in p.qualifiers] == []


def test_a_named_report_its_commissioner_and_what_it_finds(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The Robot Census 2025 report was commissioned by the trade body Techlink. "
                                "The report also finds that 30 per cent of the region's robots are idle.")
    assert kinds(draft)["Robot Census 2025"] == "report"
    assert ("techlink", "commissioned", "robot-census-2025") in facts(draft)
    assert [p.subject for p in draft.proposals if p.qualifiers.get("share") == 0.3] == []  # not the report's own


def test_a_report_is_a_new_one_the_report_one_named_before(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "A report published by Brightcoat Systems says demand is rising. The Robot Census "
                                "2025 report disagrees.")
    assert [p for p in draft.proposals if p.relation == "published"] == []


def test_places_ranked_behind_others_and_moved_to_a_place(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The Robot Census 2025 report ranks Coventry behind Leeds and Bristol, up from "
                                "fifth place a year earlier. Oxford is placed tenth, the same position as last year.")
    ranks = {(p.subject, p.object, tuple(sorted(p.qualifiers.items()))) for p in draft.proposals}
    assert ranks == {("leeds", "robot-census-2025", (("rank", 1),)), ("bristol", "robot-census-2025", (("rank", 2),)),
                     ("coventry", "robot-census-2025", (("previous-rank", 5), ("rank", 3))),
                     ("oxford", "robot-census-2025", (("previous-rank", 10), ("rank", 10)))}


def test_an_office_opened_in_a_place_is_a_base(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems has opened a new office in Leeds.")
    assert facts(draft) == {("brightcoat-systems", "based-in", "leeds")}


def test_money_drawn_from_bodies_funds_the_company_the_round_is_of(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems has raised £3m in a seed round. The round also drew money from "
                                "the Vale Angel Network and Harwood Capital.")
    assert {("brightcoat-systems", "funded-by", "vale-angel-network"),
            ("brightcoat-systems", "funded-by", "harwood-capital")} <= facts(draft)


def test_a_figure_of_an_unnamed_scheme_in_a_place_is_not_the_place_s(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "A previous bootcamp scheme in Coventry and Solihull placed 61 per cent of its "
                                "graduates in work.")
    assert [p for p in draft.proposals if p.relation == "statistic"] == []


def test_a_figure_in_an_aside_of_its_own_time_and_the_figure_it_could_grow_to(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The report says the Leeds workforce, currently estimated at 9,000 people, could "
                                "grow to more than 12,000 by 2030.")
    found = {(p.subject, p.qualifiers["count"], p.status, p.qualifiers.get("date", p.qualifiers.get("as-of")))
             for p in draft.proposals if "count" in p.qualifiers}
    assert found == {("leeds", 9000, "stated", "2025-06-11"), ("leeds", 12000, "possible", "2030")}


def test_a_company_title_with_no_body_named_is_at_the_company_the_article_names_most(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems, a coatings firm, has raised £3m from Harwood Capital. "
                                "Brightcoat Systems will hire 20 staff. Ruth Osei, who is chief executive, said "
                                "the NHS was a client. Tom Hale, the chief technology officer, agreed.")
    roles = {(p.subject, p.object, p.qualifiers["role"]) for p in draft.proposals if p.relation == "works-for"}
    assert roles == {("ruth-osei", "brightcoat-systems", "chief executive"),
                     ("tom-hale", "brightcoat-systems", "chief technology officer")}


def test_a_leap_from_one_place_to_another_a_place_ranked_highest_and_who_wrote_the_review(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "In 2022 Harwood Capital affirmed it when Leeds leapfrogged from fourth to second in "
                                "their ranking of tech cities. Oxford is the city ranked highest for 5G coverage. "
                                "The Robot Review was launched by Techlink and Vale Partners (who co-authored the "
                                "review).")
    found = {(p.subject, p.relation, p.object, tuple(sorted(p.qualifiers.items()))) for p in draft.proposals}
    assert {("leeds", "ranked-by", "harwood-capital", (("previous-rank", 4), ("rank", 2))),
            ("oxford", "statistic", None, (("measure", "5G coverage"), ("rank", 1))),
            ("vale-partners", "co-authored", "robot-review", ())} <= found


def test_a_month_without_a_year_lies_ahead_or_behind_as_its_words_say() -> None:
    assert resolve("drew around 900 visitors in April", "2025-07-09")[0] == "2025-04"
    assert resolve("fees will rise in January", "2025-07-09")[0] == "2026-01"
    assert resolve("the first intake is due in January", "2025-09-04")[0] == "2026-01"
    assert resolve("courses will begin in September", "2025-05-20")[0] == "2025-09"
    assert resolve("sales fell in November", "2025-03-01")[0] == "2024-11"
    assert resolve("a decision is expected next spring", "2025-08-21")[:2] == ("2026", "next spring")
    assert resolve("he leaves at the end of the month", "2025-09-04")[0] == "2025-09"
    assert resolve("in January", "")[0] == ""  # an undated source: no year to read it by


def test_a_network_in_apposition_an_event_named_after_its_kind_and_a_chair_appointed(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Vale Collective, a Leeds-based network of 200 firms, has appointed Ruth Osei as its "
                                "chair. Sam Cole takes over at Vale Collective from Tom Hale. The network runs an "
                                "annual showcase, Robot Spring, which drew 900 visitors in April.")
    assert kinds(draft)["Vale Collective"] == "organisation" and kinds(draft)["Robot Spring"] == "event"
    assert ("ruth-osei", "leads", "vale-collective") in facts(draft)


def test_a_role_held_before_and_the_body_left_to_join(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Ruth Osei was previously chief operating officer of the payments company Harwood "
                                "Pay. Tom Hale joined Vale Systems in 2021 from the events agency Brightside Live.")
    assert {(p.subject, p.object) for p in draft.proposals if p.relation == "past-role"} == {
        ("ruth-osei", "chief operating officer of Harwood Pay"), ("tom-hale", "worked at Brightside Live")}


def test_a_partnership_signed_by_the_sentence_s_subject_and_a_strong_workforce(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems, a spin-out from Vale University, has signed a three-year "
                                "partnership with Harwood Robotics. Harwood Robotics has a 60-strong workforce.")
    assert [(p.subject, p.object) for p in draft.proposals if p.relation == "partners-with"] == [
        ("brightcoat-systems", "harwood-robotics")]
    assert ("harwood-robotics", 60) in {(p.subject, p.qualifiers.get("count")) for p in draft.proposals}


def test_praise_and_rank_before_a_body_s_name_are_no_field_and_no_base(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The deal was backed by the fast-growing fintech firm Paylane and by the UK's "
                                "largest bank Harwood Bank.")
    assert facts(draft) == {("paylane", "sector", "fintech")}


def test_a_person_of_a_body_is_two_names_and_works_there(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Professor Anna Reed of Aston University said the region needed more engineers. "
                                "Mark Smith of Acme Robotics agreed.")
    assert kinds(draft) == {"Anna Reed": "person", "Aston University": "university", "Mark Smith": "person",
                            "Acme Robotics": "company"}
    assert {("anna-reed", "works-for", "aston-university"), ("mark-smith", "works-for", "acme-robotics")} \
        <= facts(draft)
    assert [p.subject for p in draft.proposals if p.relation == "said-that"] == ["anna-reed"]


def test_where_a_person_worked_before_in_other_words(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Sarah Jones runs Acme Robotics. Jones joined Acme from Harwood Systems, where she "
                                "was head of operations. Chris Patel previously worked at Vale Motors.")
    assert {(p.subject, p.object) for p in draft.proposals if p.relation == "past-role"} == {
        ("sarah-jones", "head of operations at Harwood Systems"), ("chris-patel", "worked at Vale Motors")}


def test_people_counted_at_an_unnamed_gathering_in_a_place_are_not_the_place_s(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Around 40 people attended a briefing at Dudley Town Hall on Friday.")
    assert [p for p in draft.proposals if "count" in p.qualifiers] == []


def test_a_figure_another_is_said_to_achieve_is_not_the_speaker_s(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The government has confirmed £12m for a new robotics centre in Coventry. The "
                                "Department for Trade said the centre would create up to 150 jobs. Acme Robotics "
                                "said it would create 40 jobs in Leeds. Acme Robotics said revenue rose to £5m.")
    figures = {(p.subject, p.relation, p.qualifiers.get("jobs", p.qualifiers.get("amount")),
                p.qualifiers.get("measure")) for p in draft.proposals if p.relation != "said-that"}
    assert figures == {("acme-robotics", "pledges-jobs", 40, None),
                       ("acme-robotics", "statistic", 5000000, "revenue")}


def test_a_team_grown_to_a_size_a_distance_and_a_pilot_s_cost_are_no_jobs_counts_or_investments(
        mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Brightcoat Systems said the money would let it grow its team to around 90 people "
                                "in Solihull. Leeds, around 20 miles away, has 30 studios. The council has chosen "
                                "the Birmingham telecoms firm Telecore to run a £1.2 million pilot.")
    assert {(p.subject, p.relation) for p in draft.proposals if p.relation in ("pledges-jobs", "investment")} == set()
    assert "miles" not in {p.qualifiers.get("measure") for p in draft.proposals}
    assert kinds(draft)["Telecore"] == "company"


def test_a_scheme_known_as_a_name_is_the_subject_of_its_sentence(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Walsall Council has approved a care scheme. The scheme, known as CareLink, will "
                                "connect 15 care homes. It runs until Christmas.")
    assert [(p.subject, p.qualifiers.get("count")) for p in draft.proposals if "count" in p.qualifiers] == [
        ("carelink", 15)]
    assert "Christmas" not in kinds(draft)


def test_who_compiled_the_data_is_no_subject_of_its_figures(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "The data, compiled by the analysts Harwood Insight, shows 2,300 tech firms now "
                                "operate in Leeds.")
    assert [(p.subject, p.qualifiers["count"]) for p in draft.proposals if "count" in p.qualifiers] == [
        ("leeds", 2300)]


def test_a_description_opening_a_sentence_and_an_award_won_at_an_event(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Coventry firm Quantia won the Innovation of the Year award at the Robot Awards. "
                                "Its parent company Harwood Group was pleased.")
    found = {(p.subject, p.relation, p.object, p.qualifiers.get("measure")) for p in draft.proposals}
    assert found == {("quantia", "based-in", "coventry", None),
                     ("quantia", "ranked-by", "robot-awards", "Innovation of the Year award")}


def test_saying_little_or_nothing_is_no_statement(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Harwood Group said little. Ann Lee said nothing more. Tom Hale said the deal was "
                                "done.")
    assert [(p.subject, p.object) for p in draft.proposals] == [("tom-hale", "The deal was done.")]


def test_what_a_person_did_before_joining(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Prior to joining Brightcoat Systems, Ruth Osei worked for two national charities. "
                                "Before joining Vale Bank in 2020, Tom Hale spent a decade at Harwood Capital.")
    assert {(p.subject, p.object) for p in draft.proposals if p.relation == "past-role"} == {
        ("ruth-osei", "worked for two national charities"), ("tom-hale", "spent a decade at Harwood Capital")}


def test_she_is_also_a_director_at_a_body_when_one_person_was_named_before(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Ruth Osei was named chair. She is also a non-executive director at Acme Robotics. "
                                "Tom Hale and Ann Lee spoke. She is also a director at Vale Systems.")
    assert [(p.subject, p.object, p.qualifiers["role"]) for p in draft.proposals if p.relation == "works-for"] == [
        ("ruth-osei", "acme-robotics", "non-executive director")]  # 'she' after two people: nobody


def test_figures_of_an_unnamed_hub_no_body_owns_are_nobody_s(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Ministers have unveiled plans for a £40m AI research hub in Wolverhampton, which "
                                "could create up to 300 jobs. Local MP Ann Lee said the plan was welcome.")
    assert [(p.subject, p.relation) for p in draft.proposals] == [("ann-lee", "said-that")]  # 'MP' is a title


def test_a_year_after_a_later_figure_is_that_figure_s_and_a_scope_is_no_subject(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "A study by Harwood Bank says the Leeds digital economy is worth £14bn, up from "
                                "£11bn in 2020. It found that Bristol had the fastest growth of any city in the "
                                "country, at 18%. Harwood Bank's regional director, Tom Hale, was pleased. In March "
                                "2025 Vale Fund grew by £30m, including £4m for Acme Robotics.")
    found = {(p.subject, p.qualifiers.get("amount", p.qualifiers.get("share")),
              p.qualifiers.get("date", p.qualifiers.get("as-of"))) for p in draft.proposals
             if p.relation != "works-for"}
    assert {("leeds", 14000000000, "2025-06-11"), ("leeds", 11000000000, "2020"), ("bristol", 0.18, "2025-06-11"),
            ("acme-robotics", 4000000, "2025-03")} <= found
    assert ("tom-hale", "works-for", "harwood-bank") in facts(draft)


def test_a_title_opening_a_sentence_and_who_joins_from_a_body(mini_graph: Path) -> None:
    draft = drafted(mini_graph, "Leeds software firm Kallidus has named Helen Ward as its new chief financial "
                                "officer. Ward, who joins from Capita, replaces Simon Price. Chief executive Tom Reid "
                                "said Ward's experience would be invaluable.")
    found = {(p.subject, p.relation, p.object) for p in draft.proposals if p.relation in ("works-for", "past-role")}
    assert found == {("helen-ward", "works-for", "kallidus"), ("helen-ward", "past-role", "worked at Capita"),
                     ("tom-reid", "works-for", "kallidus")}  # the story's company, named first of two named once
