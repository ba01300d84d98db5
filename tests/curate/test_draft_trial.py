"""Drafting rules a new user's trial asked for, each on sentences of its own: known names, types, quotes, figures."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.curate.draft import draft_source

from .drafting import drafted_source


def test_a_candidate_with_a_known_entity_s_name_is_that_entity(mini_graph: Path, tmp_path: Path) -> None:
    (mini_graph / "state.yaml").write_text(
        "uk-government:\n  type: public-body\n  name: UK Government\n  source: jobs-article\n")
    found = drafted_source(mini_graph, tmp_path, """title: Ferry grant
date: 2024-02-01

Tidewater Ferries said the government would lend it £4m.
""")
    draft = draft_source(mini_graph, "piece")
    assert "uk-government" not in draft.candidates and not any(k.startswith("uk-government-") for k in draft.candidates)
    assert [m.key for m in draft.mentions if m.words == "government"] == ["uk-government"]
    assert all(p.subject != "uk-government-2" and p.object != "uk-government-2" for p in found)
    CliRunner().invoke(main, ["draft", "--graph", str(mini_graph), "piece"])
    todo = CliRunner().invoke(main, ["coverage", "--graph", str(mini_graph), "piece", "--todo"])
    assert "names: Tidewater Ferries (new), government = uk-government\n" in todo.output


def test_a_continent_is_a_region_and_a_name_listed_with_a_founder_a_person(mini_graph: Path, tmp_path: Path) -> None:
    drafted_source(mini_graph, tmp_path, """title: Loom makers
date: 2024-05-10

Loomwright was founded in 2021 by Sam Porter and Greta Lindqvist. It sells to firms across Asia and South America.
Its board has Andy Street and Omar Haddad on it.
""")
    types = {key: c.type for key, c in draft_source(mini_graph, "piece").candidates.items()}
    assert types == {"loomwright": "organisation", "sam-porter": "person", "greta-lindqvist": "person",
                     "asia": "region", "south-america": "region", "omar-haddad": "person"}


def test_a_pledge_keeps_its_duration_or_its_deadline(mini_graph: Path, tmp_path: Path) -> None:
    found = drafted_source(mini_graph, tmp_path, """title: Plant jobs
date: 2024-05-10

Kestrel Robotics will create 150 jobs in Coventry over the next three years.
Brightmill Systems will create 60 jobs in Walsall by 2027.
Corvid Analytics will create up to 35 jobs in Dudley within five years.
Ferrowind Systems will create 80 jobs in Walsall within two years, by the end of 2026.
""")
    pledges = {(p.subject, p.object, p.qualifiers.get("jobs"), p.qualifiers.get("duration"), p.qualifiers.get("by"),
                p.qualifiers.get("date")) for p in found if p.relation == "pledges-jobs"}
    assert pledges == {("kestrel-robotics", "coventry", 150, "P3Y", None, None),
                       ("brightmill-systems", "walsall", 60, None, "2027", None),
                       ("corvid-analytics", "dudley", 35, "P5Y", None, None),
                       ("ferrowind-systems", "walsall", 80, "P2Y", "2026", None)}
    kestrel = next(p for p in found if p.subject == "kestrel-robotics" and p.relation == "pledges-jobs")
    assert "over the next three years" in kestrel.quote
    assert "'over the next three years' read as duration P3Y" in kestrel.why


def test_a_direct_quotation_is_said_with_its_words_and_she_is_the_one_person_named(mini_graph: Path,
                                                                                   tmp_path: Path) -> None:
    found = drafted_source(mini_graph, tmp_path, """title: Clinic opens
date: 2024-09-02

Nadia Okafor, the founder of Larkspur Health, opened its clinic in Walsall.
"Walsall has the nurses we need, and the rents are fair," she said.
"We will double the team," said Piet Varga, chief executive of Ostrava Labs.
The shop was founded by Ruth Mbeki and Ivan Horak.
"Demand has never been higher," she said, adding that rents had risen.
""")
    said = [(p.subject, p.relation, p.object, p.quote, p.confidence) for p in found if p.relation.startswith("said")]
    assert said == [
        ("nadia-okafor", "said", "Walsall has the nurses we need, and the rents are fair",
         '"Walsall has the nurses we need, and the rents are fair," she said.', 0.7),
        ("piet-varga", "said", "We will double the team",
         '"We will double the team," said Piet Varga, chief executive of Ostrava Labs.', 0.7),
        ("ivan-horak", "said", "Demand has never been higher",
         '"Demand has never been higher," she said, adding that rents had risen.', 0.3),
        ("ivan-horak", "said-that", "Rents had risen.",
         '"Demand has never been higher," she said, adding that rents had risen.', 0.6)]
    whys = {p.object: p.why for p in found if p.relation == "said"}
    assert "'she' read as nadia-okafor, the last person named" in whys[said[0][2]]
    assert "'she' may be any of ruth-mbeki, ivan-horak, named together last: move the fact to the speaker's block" \
        in whys["Demand has never been higher"]


def test_a_statistic_s_measure_is_a_short_noun_phrase_or_left_to_the_reviewer(mini_graph: Path,
                                                                               tmp_path: Path) -> None:
    found = drafted_source(mini_graph, tmp_path, """title: Valley figures
date: 2024-03-01

Walsall's start-ups drew £40m of investment last year.
In Walsall, they have already helped small firms raise £9m.
Growth in Walsall's logistics sector averaged 6% a year.
Dudley's tech sector was valued at £2bn.
Dudley's firms raised £30m in grants this year, up from £21m last year.
""")
    measures = [(p.subject, p.qualifiers.get("amount", p.qualifiers.get("share")), p.qualifiers["measure"],
                 [w for w in p.why if w.startswith("no short")]) for p in found if p.relation == "statistic"]
    assert measures == [
        ("walsall", 40000000, "investment", []),
        ("walsall", 9000000, "", ["no short noun phrase says what '£9m' measures: write the measure"]),
        ("walsall", 0.06, "Growth in Walsall's logistics sector", []),
        ("dudley", 2000000000, "tech sector value", []),
        ("dudley", 30000000, "grants", []),
        ("dudley", 21000000, "grants", [])]  # compared with the figure before it: the same measure


def test_a_quotation_after_a_colon_and_one_the_company_said(mini_graph: Path, tmp_path: Path) -> None:
    found = drafted_source(mini_graph, tmp_path, """title: Clinic opens
date: 2024-09-02

Larkspur Health opened a clinic in Walsall.
"It is a good day for the town," the company said.
Nadia Okafor, chief executive of Larkspur Health, said: "We will open a second clinic next year."
""")
    said = [(p.subject, p.object, p.quote) for p in found if p.relation.startswith("said")]
    assert said == [
        ("larkspur-health", "It is a good day for the town", '"It is a good day for the town," the company said.'),
        ("nadia-okafor", "We will open a second clinic next year",
         'Nadia Okafor, chief executive of Larkspur Health, said: "We will open a second clinic next year."')]


def test_a_preposition_opening_a_sentence_is_no_part_of_the_name_after_it(mini_graph: Path, tmp_path: Path) -> None:
    drafted_source(mini_graph, tmp_path, """title: Valley firms
date: 2024-03-01

Across Redditch, small firms are hiring. Throughout Tamworth and Lichfield, rents are rising.
""")
    types = {key: c.type for key, c in draft_source(mini_graph, "piece").candidates.items()}
    assert types == {"redditch": "city", "tamworth": "city", "lichfield": "city"}


def test_reported_speech_by_she_after_two_people_is_left_to_the_reviewer(mini_graph: Path, tmp_path: Path) -> None:
    found = drafted_source(mini_graph, tmp_path, """title: Bakery
date: 2024-03-01

The bakery was founded by Ruth Mbeki and Ivan Horak.
She said the bakery would open a second shop.
""")
    said = [(p.subject, p.object, p.confidence, p.why[-1]) for p in found if p.relation == "said-that"]
    assert said == [("ivan-horak", "The bakery would open a second shop.", 0.3,
                     "'She' may be any of ruth-mbeki, ivan-horak, named together last: "
                     "move the fact to the speaker's block")]
