"""draft: known entities linked, candidates proposed, facts with verbatim quotes, statuses from their words."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.curate.dates import resolve
from wmgraph.curate.draft import draft_source
from wmgraph.model.checking import load_model
from wmgraph.model.modal_words import status_of
from wmgraph.model.quotes import find_quote

ARTICLE = """title: Testbed for the region
date: 2024-11-17

Margot James, the UK's Minister for Digital, said the testbed would change daily life.
The University of Birmingham will host the West Midlands Testbed in Birmingham.
The project could also receive another £25m from the government further down the line.
The Mayor of the West Midlands, Andy Street, said it was game-changing. Street called it a first.
An awards ceremony took place in Lisbon last Wednesday, and the University said it had 1,200 staff.
"""


def added(graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    result = CliRunner().invoke(main, ["add-source", "--graph", str(graph), str(article), "--id", "testbed-2024"])
    assert result.exit_code == 0, result.output


def test_draft_links_proposes_and_keeps_the_words(mini_graph: Path, tmp_path: Path) -> None:
    added(mini_graph, tmp_path)
    draft = draft_source(mini_graph, "testbed-2024")
    assert draft.linked == ["university-of-birmingham", "birmingham", "mayor-of-the-west-midlands", "andy-street"]
    assert {m.words for m in draft.mentions if m.key == "andy-street"} == {"Andy Street", "Street"}
    assert {m.words for m in draft.mentions if m.key == "university-of-birmingham"} == {
        "University of Birmingham", "University"}
    candidates = {c.name: c.type for c in draft.candidates.values()}
    assert candidates["Margot James"] == "person"
    assert candidates["Minister for Digital"] == "post"
    assert candidates["West Midlands Testbed"] == "initiative"
    assert candidates["Lisbon"] == "city"
    facts = {(p.subject, p.relation, p.object): p for p in draft.proposals}
    assert facts[("margot-james", "holds-post", "minister-for-digital")].quote == \
        "Margot James, the UK's Minister for Digital"
    assert ("andy-street", "holds-post", "mayor-of-the-west-midlands") in facts
    grant = facts[("west-midlands-testbed", "funded-by", "uk-government")]
    assert (grant.status, grant.qualifiers["amount"], grant.qualifiers["currency"]) == ("possible", 25000000, "GBP")
    staff = facts[("university-of-birmingham", "stated-count", None)]
    assert (staff.qualifiers["count"], staff.qualifiers["measure"]) == (1200, "staff")
    for proposal in draft.proposals:
        assert find_quote(draft.text, proposal.quote) is not None, proposal.quote


def test_draft_command_writes_a_draft_the_build_does_not_publish(mini_graph: Path, tmp_path: Path) -> None:
    added(mini_graph, tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["draft", "--graph", str(mini_graph), "testbed-2024"])
    path = mini_graph / "drafts" / "testbed-2024.yaml"
    draft = draft_source(mini_graph, "testbed-2024")
    assert result.output == (
        f"drafted {path}: 4 known entities linked, {len(draft.candidates)} new entity candidates, "
        f"{len(draft.proposals)} facts proposed\nnext: review it, then wmgraph review testbed-2024\n")
    written = path.read_bytes()
    assert b"    - funded-by: uk-government\n      amount: 25000000\n      currency: GBP\n      status: possible\n" \
        in written
    assert b"review: undecided  # rule money-from" in written
    runner.invoke(main, ["draft", "--graph", str(mini_graph), "testbed-2024"])
    assert path.read_bytes() == written
    model = load_model(mini_graph)
    assert "margot-james" not in model.entities


def test_draft_of_an_unknown_source_says_what_to_do(mini_graph: Path) -> None:
    result = CliRunner().invoke(main, ["draft", "--graph", str(mini_graph), "nope"])
    assert (result.exit_code, result.output) == (
        1, "Error: no source 'nope' with a stored text (add it first with `wmgraph add-source FILE --id ID`)\n")


def test_statuses_come_from_the_words() -> None:
    assert status_of("The project could also receive another £25m") == ("possible", "could")
    assert status_of("the report forecasts 52,000 jobs") == ("forecast", "forecasts")
    assert status_of("the company plans to open a hub") == ("planned", "plans to")
    assert status_of("The firm opened a hub in Coventry") == ("stated", "")


def test_relative_dates_are_read_against_the_source_date() -> None:
    assert resolve("an awards ceremony in Lisbon last Wednesday", "2024-11-17") == (
        "2024-11-13", "last Wednesday", "'last Wednesday' read against the source's date 2024-11-17: 2024-11-13")
    assert resolve("up from £358m last year", "") == (
        "", "last year", "'last year' in an undated source: resolve it by hand")
    assert resolve("In December 2020 the region had", "") == ("2020-12", "December 2020", "")


NEWS = """title: Jobs in the region
date: 2024-03-05

New Jobs For The Region Announced By Robot Makers

Acme Robotics, a Singapore-based robotics company, will create 200 jobs in Birmingham.
Jane Doe from Acme Robotics said the firm was partnering with the University of Birmingham.
Birmingham Tech Week drew crowds. Widget Analytics ranked Birmingham third in robotics investment.
The Acme Innovation Hub will concentrate on robotics and automation. The facility is based in Solihull.
"""
EDITION = """birmingham-tech-week-2023:
  type: event
  name: Birmingham Tech Week 2023
  aliases: [Birmingham Tech Week]
  source: jobs-article
"""


def test_news_patterns_become_facts_and_a_headline_gives_none(mini_graph: Path, tmp_path: Path) -> None:
    (mini_graph / "events.yaml").write_text(EDITION)
    article = tmp_path / "news.txt"
    article.write_text(NEWS)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "jobs-2024"]
                              ).exit_code == 0
    draft = draft_source(mini_graph, "jobs-2024")
    assert draft.linked == ["birmingham", "university-of-birmingham"]  # not the 2023 edition of the week
    edition = draft.candidates["birmingham-tech-week-2024"]
    assert (edition.type, edition.near[-1]) == ("event", "birmingham-tech-week-2023 (another edition)")
    assert not any(c.name.startswith(("New Jobs", "Robot")) for c in draft.candidates.values())
    assert {c.key: c.type for c in draft.candidates.values()} == {
        "birmingham-tech-week-2024": "event", "acme-robotics": "company", "singapore": "country",
        "jane-doe": "person", "widget-analytics": "company", "acme-innovation-hub": "initiative", "solihull": "city"}
    facts = {(p.subject, p.relation, p.object): p for p in draft.proposals}
    assert set(facts) == {
        ("acme-robotics", "pledges-jobs", "birmingham"), ("acme-robotics", "based-in", "singapore"),
        ("acme-robotics", "sector", "robotics"),
        ("acme-robotics", "comes-from", "singapore"), ("jane-doe", "said-that", "The firm was partnering with the "
                                                       "University of Birmingham."),
        ("jane-doe", "works-for", "acme-robotics"), ("acme-robotics", "partners-with", "university-of-birmingham"),
        ("birmingham", "ranked-by", "widget-analytics"), ("acme-innovation-hub", "sector", "robotics"),
        ("acme-innovation-hub", "sector", "automation"), ("acme-innovation-hub", "based-in", "solihull")}
    pledge = facts[("acme-robotics", "pledges-jobs", "birmingham")]
    assert (pledge.qualifiers, pledge.status) == ({"jobs": 200}, "pledged")  # "will create": a pledge
    assert facts[("birmingham", "ranked-by", "widget-analytics")].qualifiers == {
        "rank": 3, "measure": "robotics investment"}
    assert facts[("acme-innovation-hub", "based-in", "solihull")].quote == "facility is based in Solihull"


RELEASE = (
    "title: Accelerator news\ndate: 2025-06-24\n\n"
    "The Health Accelerator, led by the University of Birmingham, has grown.\n"
    "Funded through the Growth Programme, coordinated by Innovate Works and the Data Agency, "
    "the Health Accelerator has thrived.\n"
    "Jane Roe, Chief Executive, Version 1:\n"
    "We are proud to take part.\n"
)


def test_press_release_wording(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "release.txt"
    article.write_text(RELEASE)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "release"]
                              ).exit_code == 0
    draft = draft_source(mini_graph, "release")
    facts = {(p.subject, p.relation, p.object): p for p in draft.proposals}
    assert ("university-of-birmingham", "leads", "health-accelerator") in facts
    assert ("health-accelerator", "funded-through", "growth-programme") in facts
    assert ("innovate-works", "coordinates", "growth-programme") in facts
    assert ("data-agency", "coordinates", "growth-programme") in facts
    said = facts[("jane-roe", "said", "We are proud to take part.")]
    assert (said.quote, said.qualifiers) == ("We are proud to take part.",
                                             {"role": "Chief Executive, Version 1", "date": "2025-06-24"})
    assert facts[("jane-roe", "works-for", "version-1")].qualifiers == {"role": "Chief Executive",
                                                                        "as-of": "2025-06-24"}


def test_active_publishing_and_members(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "review.txt"
    article.write_text("title: Review\ndate: 2022\n\n"
                       "Birmingham Tech published their Regional Tech Review in March.\n"
                       "The work is done by Tech Guild members such as Version 1 and Acme Group.\n"
                       "The Skills Programme, launched by the University of Birmingham, is growing.\n")
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "review"]
                              ).exit_code == 0
    facts = {(p.subject, p.relation, p.object) for p in draft_source(mini_graph, "review").proposals}
    assert facts == {("birmingham-tech", "published", "regional-tech-review"),
                     ("version-1", "member-of", "tech-guild"), ("acme-group", "member-of", "tech-guild"),
                     ("university-of-birmingham", "launched", "skills-programme")}


WIRE = """title: Robot makers hire
date: 2024-03-05

Quick Read: Acme Robotics to add 200 roles.

On Tuesday 5 March Widget Analytics published its Robot Review.
Acme Robotics, an IT services company from France, is expanding its Solihull team by 200 people.
As Widget Analytics' CEO, Jane Doe, said in her address, the sector is growing.
Photo: John Smith from Acme Robotics
"""


def test_wire_copy_patterns(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(WIRE)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "wire"]
                              ).exit_code == 0
    draft = draft_source(mini_graph, "wire")
    kinds = {c.key: c.type for c in draft.candidates.values()}
    assert kinds["acme-robotics"] == "company" and kinds["solihull"] == "city" and kinds["jane-doe"] == "person"
    assert "widget-analytics" in kinds and not any(k.startswith(("march", "tuesday")) for k in kinds)
    facts = {(p.subject, p.relation, p.object): p for p in draft.proposals}
    assert facts[("acme-robotics", "sector", "IT services")].quote == \
        "Acme Robotics, an IT services company from France"
    jobs = [p for p in draft.proposals if "jobs" in p.qualifiers or "count" in p.qualifiers]
    assert [(p.subject, p.relation, p.object, p.qualifiers["jobs"]) for p in jobs] == [
        ("acme-robotics", "pledges-jobs", "solihull", 200)]  # the standfirst's summary is not proposed again
    assert ("john-smith", "works-for", "acme-robotics") in facts  # a caption is read


PROFILE = """title: Our team
date: 2024-03-05

Jane Doe
Head of Robotics, Acme Robotics

Jane is Acme Robotics' Head of Robotics. She holds a BA in Politics from the University of Leeds.
Funding comes from UK Research and Innovation through the Robot Accelerator programme.
She runs the Nations & Regions programme with HSBC, whose GVA grew. She advises HSBC's Robot Programmes.
"""


def test_profile_and_release_patterns(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "profile.txt"
    article.write_text(PROFILE)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "team"]
                              ).exit_code == 0
    draft = draft_source(mini_graph, "team")
    people = draft.candidates["jane-doe"]
    assert (people.type, people.aliases) == ("person", ["Jane"])  # a name above a job title; its first name after
    assert draft.candidates["uk-research-and-innovation"].name == "UK Research and Innovation"
    assert "Robot Accelerator programme" in draft.candidates["robot-accelerator"].aliases
    assert draft.candidates["nations-and-regions"].name == "Nations & Regions"
    assert "hsbc" in draft.candidates and "gva" not in draft.candidates  # a body's initials; a term's are none
    facts = {(p.subject, p.relation, p.object): p for p in draft.proposals}
    works = facts[("jane-doe", "works-for", "acme-robotics")]
    assert (works.quote, works.qualifiers["role"]) == ("Jane is Acme Robotics' Head of Robotics", "Head of Robotics")
    assert facts[("hsbc", "coordinates", "robot-programmes")].quote == "HSBC's Robot Programmes"
    assert facts[("jane-doe", "studied-at", "university-of-leeds")].quote == \
        "She holds a BA in Politics from the University of Leeds"


FUND = """title: Robot fund
date: 2024-03-05

Robots are made in Birmingham.
In March 2024, the Robot Accelerator programme was extended with £30 million, including £4 million for the Acme Hub.
The total investment leveraged by the Acme Hub now stands at £67.3 million.
Furthermore, Acme Robotics is partnering with the University of Leeds to create a Robot Lab, adding up to 30 jobs.
Jane Doe, the robot minister, said in a statement:
"Robots are good."
"""


def test_money_for_a_body_and_jobs_of_the_sentence_subject(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "release.txt"
    article.write_text(FUND)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "fund"]
                              ).exit_code == 0
    found = {(p.subject, p.relation, p.object, p.qualifiers.get("amount", p.qualifiers.get("jobs")))
             for p in draft_source(mini_graph, "fund").proposals}
    assert ("acme-hub", "funded-through", "robot-accelerator", 4000000) in found
    assert ("acme-hub", "investment", None, 67300000) in found  # "leveraged by X": X's, not X's funder
    assert ("acme-robotics", "pledges-jobs", "birmingham", 30) in found  # no place named: the article's region
    assert not any(relation == "said-that" for _, relation, _, _ in found)  # the words follow the colon


FOLLOWED = """title: Robot investment
date: 2024-03-05

Acme Robotics opened an office in Leeds. It will invest £5m in new robots.
Acme Robotics said the robots would be made in Leeds.
This follows Acme Robotics' establishment in Birmingham, where it runs the Birmingham Robot Programme.

John Smith
Chief Engineer, Acme Robotics
"""


def test_it_is_the_last_sentence_subject_and_an_organisation_speaks(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "followed.txt"
    article.write_text(FOLLOWED)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "followed"]
                              ).exit_code == 0
    facts = {(p.subject, p.relation): p for p in draft_source(mini_graph, "followed").proposals}
    invested = facts[("acme-robotics", "investment")]
    assert (invested.qualifiers["amount"], invested.status) == (5000000, "planned")
    assert facts[("acme-robotics", "said-that")].object == "The robots would be made in Leeds."
    assert facts[("acme-robotics", "established-in")].object == "birmingham"
    named = facts[("birmingham-robot-programme", "based-in")]
    assert (named.object, named.quote) == ("birmingham", "Birmingham Robot Programme")  # named after the place
    signed = facts[("john-smith", "works-for")]  # a name line above a 'Title, Organisation' line
    assert (signed.object, signed.qualifiers["role"], signed.quote) == (
        "acme-robotics", "Chief Engineer", "John Smith\nChief Engineer, Acme Robotics")
    assert not any("not found" in why for why in signed.why)  # the quote checker finds it


def test_partners_to_create_plan_it(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "fund.txt"
    article.write_text(FUND)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "fund"]
                              ).exit_code == 0
    plans = {(p.subject, p.object, p.status, p.quote) for p in draft_source(mini_graph, "fund").proposals
             if p.relation == "plans"}
    quote = "Acme Robotics is partnering with the University of Leeds to create a Robot Lab"
    assert plans == {("acme-robotics", "robot-lab", "planned", quote),
                     ("university-of-leeds", "robot-lab", "planned", quote)}


DEALS = """title: Robot deals
date: 2024-03-05

Acme Robotics has acquired Widget Analytics. Bolt Labs, a subsidiary of Acme Robotics, is growing.
Gear Systems, headquartered in Leeds, raised £5m in a funding round led by Spark Ventures.
Jane Doe has been appointed chief technology officer of Acme Robotics.
Gear Systems is partnering with Bolt Labs, Spark Ventures and the University of Leeds.
"""


def test_ownership_headquarters_rounds_and_appointments(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "deals.txt"
    article.write_text(DEALS)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "deals"]
                              ).exit_code == 0
    facts = {(p.subject, p.relation, p.object): p for p in draft_source(mini_graph, "deals").proposals}
    assert facts[("acme-robotics", "owns", "widget-analytics")].quote == "Acme Robotics has acquired Widget Analytics"
    assert ("bolt-labs", "subsidiary-of", "acme-robotics") in facts
    assert facts[("gear-systems", "based-in", "leeds")].quote == "Gear Systems, headquartered in Leeds"
    assert facts[("gear-systems", "investment", None)].qualifiers["amount"] == 5000000  # not the place's
    assert ("gear-systems", "funded-by", "spark-ventures") in facts and ("spark-ventures", "leads", "gear-systems") \
        not in facts  # a round led by an investor
    assert {o for s, r, o in facts if (s, r) == ("gear-systems", "partners-with")} == {
        "bolt-labs", "spark-ventures", "university-of-leeds"}  # each of a list
    appointed = facts[("jane-doe", "works-for", "acme-robotics")]
    assert (appointed.qualifiers["role"], appointed.qualifiers["start"]) == ("chief technology officer", "2024-03-05")


def test_a_new_post_of_a_known_place_is_its_post(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "mayor.txt"
    article.write_text("title: Mayor\ndate: 2024-03-05\n\nJane Doe, the Mayor of Birmingham, opened a lab.\n")
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "mayor"]
                              ).exit_code == 0
    facts = {(p.subject, p.relation, p.object): p.quote for p in draft_source(mini_graph, "mayor").proposals}
    assert facts[("mayor-of-birmingham", "post-in", "birmingham")] == "Mayor of Birmingham"
    assert facts[("jane-doe", "holds-post", "mayor-of-birmingham")] == "Jane Doe, the Mayor of Birmingham"


def test_both_programmes_are_the_last_two_named(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "both.txt"
    article.write_text("title: Both\ndate: 2024-03-05\n\nThe Robot Accelerator programme and the Gear Fund "
                       "help firms.\nBoth programmes will be extended, using new government funding.\n")
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "both"]
                              ).exit_code == 0
    funded = {(p.subject, p.object, p.status) for p in draft_source(mini_graph, "both").proposals
              if p.relation == "funded-by"}
    assert funded == {("robot-accelerator", "uk-government", "planned"), ("gear-fund", "uk-government", "planned")}


ACRONYM = (
    "title: Widgets\ndate: 2024-11-17\n\n"
    "Half of the money is to come from the Department for Widgets and Industry (DWI), with the rest from investors.\n"
    "Work at the DWI-backed Birmingham Testbed will start soon. The Birmingham Testbed is based in Birmingham.\n"
    "A WMHTIA-led study will follow.\n"
)


def test_an_alias_names_no_second_candidate_and_a_fact_is_proposed_once(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "widgets.txt"
    article.write_text(ACRONYM)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "widgets"]
                              ).exit_code == 0
    draft = draft_source(mini_graph, "widgets")
    department = draft.candidates["department-for-widgets-and-industry"]
    assert (department.aliases, sorted(draft.candidates)) == (
        ["DWI"], ["birmingham-testbed", "department-for-widgets-and-industry"])
    assert {m.key for m in draft.mentions if m.words == "DWI"} == {"department-for-widgets-and-industry"}
    assert {m.key for m in draft.mentions if m.words == "WMHTIA"} == {"wmhtia"}
    based = [p for p in draft.proposals if (p.subject, p.relation) == ("birmingham-testbed", "based-in")]
    assert [(p.object, p.rule, p.quote) for p in based] == [
        ("birmingham", "based-in-in", "Birmingham Testbed is based in Birmingham")]
    assert based[0].why == ["also found by rule named-after-place (0.4): 'Birmingham Testbed'"]
    runner = CliRunner()
    assert runner.invoke(main, ["draft", "--graph", str(mini_graph), "widgets"]).exit_code == 0
    written = (mini_graph / "drafts" / "widgets.yaml").read_text()
    assert "also found by rule named-after-place" in written


SPEECH = (
    "title: Speech\ndate: 2024-11-17\n\n"
    "The Mayor of the West Midlands, Andy Street, called the announcement game-changing for the region and said "
    "5G would form the backbone of the economy.\n"
    "Street described the Birmingham Testbed as the first facility of its kind.\n"
    "Street called for more funding.\n"
    "Street said the region was ready, and that it was a good day.\n"
)


def test_reported_speech_is_a_sentence_per_statement_or_left_to_the_reviewer(mini_graph: Path,
                                                                              tmp_path: Path) -> None:
    article = tmp_path / "speech.txt"
    article.write_text(SPEECH)
    assert CliRunner().invoke(main, ["add-source", "--graph", str(mini_graph), str(article), "--id", "speech"]
                              ).exit_code == 0
    draft = draft_source(mini_graph, "speech")
    said = [(p.object, p.why) for p in draft.proposals if (p.subject, p.relation) == ("andy-street", "said-that")]
    check = ["reported speech: check the paraphrase"]
    assert said == [
        ("The announcement is game-changing for the region.", check),  # its quote stops before "... would form"
        ("5G would form the backbone of the economy.", check),
        ("The Birmingham Testbed is the first facility of its kind.", check),
        ("", ["no clean paraphrase of 'called for more funding': write what was said as a sentence"]),
        ("The region was ready.", check), ("It was a good day.", check)]
    assert CliRunner().invoke(main, ["draft", "--graph", str(mini_graph), "speech"]).exit_code == 0
    quotes = [p.quote for p in draft.proposals if (p.subject, p.relation) == ("andy-street", "said-that")]
    assert quotes[:2] == ["Andy Street, called the announcement game-changing for the region",
                          "5G would form the backbone of the economy"]  # each statement its own words
    assert quotes[-2:] == ["Street said the region was ready", "it was a good day"]
    written = (mini_graph / "drafts" / "speech.yaml").read_text()
    assert '    - said-that: ""\n' in written
    assert "no clean paraphrase of 'called for more funding': write what was said as a sentence" in written


def test_draft_of_a_source_without_stored_text_says_so(mini_graph: Path) -> None:
    result = CliRunner().invoke(main, ["draft", "--graph", str(mini_graph), "uktn-jobs"])
    assert (result.exit_code, result.output) == (
        1, "Error: source 'uktn-jobs' has no stored text to draft from: store the article's text with "
           "`wmgraph add-source FILE --id NEW-ID`, or add 'text: texts/uktn-jobs.txt' to its entry and save the "
           "text there\n")
