"""Every query in queries/ run on the real seed graph, checked against the answers the sources give."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from wmgraph import BuildResult
from wmgraph.ask.run import QueryRequest, run_query
from wmgraph.query.answers import Answer
from wmgraph.query.library import library

ROOT = Path(__file__).resolve().parents[2]
QUERY_DIR = ROOT / "queries"
SEED = ROOT / "tests" / "data" / "seed"
ID = "https://w3id.org/wmgraph/id/"


def ask(out: Path, name: str, **params: str) -> Answer:
    """Run a library query on the seed fixture, reading its built output folder `out`."""
    return run_query(QueryRequest(spec=name, params=params, graph_dir=SEED, out_dir=out, query_dir=QUERY_DIR))


def table(answer: Answer, *columns: str) -> list[tuple[str, ...]]:
    """The answer's rows as tuples of plain text (entity ids without their namespace)."""
    return [tuple(row[c].value.removeprefix(ID) if c in row else "" for c in columns) for row in answer.rows]


def check_mayors(out: Path) -> None:
    every = ask(out, "mayors")
    assert table(every, "holder", "start", "end") == [("andy-street", "2017-05", "2024-05"),
                                                      ("richard-parker", "2024-05", "")]
    assert table(ask(out, "mayors", as_of="2023-10-19"), "name") == [("Andy Street",)]
    assert table(ask(out, "mayors", as_of="2024-06-01"), "name") == [("Richard Parker",)]
    assert table(ask(out, "mayors", as_of="2025-06"), "name") == [("Richard Parker",)]
    # May 2024 is when the office changed hands: at month precision both held it
    assert table(ask(out, "mayors", as_of="2024-05"), "name") == [("Andy Street",), ("Richard Parker",)]
    assert ask(out, "mayors", as_of="2016").rows == []


def check_jobs_by_company(out: Path) -> None:
    assert table(ask(out, "jobs-by-company"), "name", "place", "jobs", "approx") == [
        ("Version 1", "Birmingham", "500", ""),
        ("Novocomms Group", "Birmingham", "300", ""),
        ("Aubay Group", "Solihull", "100", ""),
        ("Petalite", "Birmingham", "100", ""),
        ("Primacy", "West Midlands", "30", "up to"),
    ]  # the total (1030) is the table's footer, never a data row
    # each pledge says its claim status: a pledge, not jobs delivered
    assert {row[0] for row in table(ask(out, "jobs-by-company"), "status")} <= {"pledged", ""}


def check_jobs_by_place(out: Path) -> None:
    assert table(ask(out, "jobs-by-place"), "name", "pledges", "jobs") == [
        ("Birmingham", "3", "900"), ("Solihull", "1", "100"), ("West Midlands", "1", "30"),
    ]
    assert {row[0] for row in table(ask(out, "jobs-by-place"), "statuses")} <= {"pledged", ""}


def check_funding(out: Path) -> None:
    rows = table(ask(out, "funding"), "amount", "relation", "via", "period", "status")
    assert [(amount, relation) for amount, relation, *_ in rows] == [
        ("67300000", "investment"), ("49400000", "investment"),
        ("14500000", "funded-through"), ("4000000", "funded-through"),
    ]  # the £10m of national grants and the £36.3m committed went to the companies it supports
    assert rows[3][2:] == ("Innovation Accelerator programme", "2025/26", "stated")
    grants = table(ask(out, "funding", initiative="wmhtia-supported-companies"), "amount", "via")
    assert [amount for amount, _ in grants] == ["36300000", "10000000"]
    assert set(grants[1][1].split("\n")) == {"Eureka", "Innovate UK", "National Institute for Health and Care Research"}
    announced = table(ask(out, "funding", initiative="techwm-scaling-support"), "amount", "via", "status")
    assert announced == [("1000000", "", "announced")]  # an announcement, with no payer named
    programme = table(ask(out, "funding", initiative="innovation-accelerator-programme"), "amount", "kind")
    assert programme == [("30000000", "programme extension")]


def check_partners(out: Path) -> None:
    assert table(ask(out, "partners", org="university-of-birmingham"), "partner", "as_of", "source") == [
        ("primacy", "2023-10", "tech-jobs-2023")]  # the centre is what they plan to create, not a partner
    assert table(ask(out, "partners", org="primacy"), "partner") == [("university-of-birmingham",)]


def check_people_at(out: Path) -> None:
    assert table(ask(out, "people-at", org="techuk"), "name", "relation", "role", "status") == [
        ("Francesca Richiusa", "works-for", "Programme Team Assistant for Public Sector Markets", "stated"),
        ("Julian David", "works-for", "CEO", "stated"),
        ("Matt Robinson", "works-for", "Head of Nations and Regions", "stated"),
        ("Stephanie Barr", "works-for", "Programme Manager, SME Engagement and Nations & Regions", "stated"),
    ]
    mayoralty = table(ask(out, "people-at", org="west-midlands"), "name", "relation", "role")
    assert set(mayoralty) == {("Andy Street", "holds-post", "Mayor of the West Midlands"),
                              ("Richard Parker", "holds-post", "Mayor of the West Midlands")}


def check_about(out: Path) -> None:
    rows = table(ask(out, "about", entity="primacy"), "relation", "direction", "other", "value", "source")
    assert ("is a company", "", "Primacy", "", "tech-jobs-2023") in rows
    assert ("pledges-jobs", "->", "West Midlands", "30", "tech-jobs-2023") in rows
    assert ("comes-from", "->", "Singapore", "", "tech-jobs-2023") in rows
    assert ("works-for", "<-", "Aga Manhao", "", "tech-jobs-2023") in rows
    assert all(source for *_, source in rows)


def check_connections(out: Path) -> None:
    paths = table(ask(out, "connections", **{"from": "primacy", "to": "wmhtia"}), "hops", "path")
    assert ("2", "Primacy <-partnerOf-> University of Birmingham -leads-> "
                 "West Midlands Health Tech Innovation Accelerator") in paths
    assert [hops for hops, _ in paths] == sorted(hops for hops, _ in paths)
    mayors = table(ask(out, "connections", **{"from": "andy-street", "to": "richard-parker"}), "hops", "path")
    assert mayors[0] == ("2", "Andy Street -holds-> Mayor of the West Midlands <-holds- Richard Parker")


def check_foreign_companies(out: Path) -> None:
    assert table(ask(out, "foreign-companies"), "name", "country", "relation", "place", "status") == [
        ("Aubay Group", "France", "pledges-jobs", "Solihull", "pledged"),
        ("Primacy", "Singapore", "established-in", "Birmingham", "stated"),
        ("Primacy", "Singapore", "pledges-jobs", "West Midlands", "pledged"),
    ]


def check_initiatives(out: Path) -> None:
    rows = set(table(ask(out, "initiatives"), "initiative", "role", "who"))
    assert ("wmhtia", "leads", "University of Birmingham") in rows
    assert ("wmhtia", "funds", "Innovation Accelerator programme") in rows
    # the agencies gave grants to companies the accelerator supports, not to the accelerator
    assert not {who for i, role, who in rows if i == "wmhtia" and role == "funds"} & {
        "Eureka", "Innovate UK", "National Institute for Health and Care Research"}
    ended = set(table(ask(out, "initiatives"), "initiative", "role", "who", "until"))
    assert ("surrey-domestic-homicide-reviews", "leads", "Francesca Richiusa", "2025-05") in ended  # a past role
    assert ("wmhtia", "leads", "University of Birmingham", "") in ended
    # a plan is listed as a plan, never as done
    assert ("version-1-birmingham-tech-hub", "plans (planned)", "Version 1") in rows
    assert not [row for row in rows if row[0] == "version-1-birmingham-tech-hub" and row[1] == "launched"]
    assert {who for i, role, who in rows if i == "innovation-accelerator-programme" and role == "coordinates"} == {
        "Innovate UK", "Department for Science, Innovation and Technology", "UK Research and Innovation"}


def check_stated_counts(out: Path) -> None:
    rows = table(ask(out, "stated-counts"), "subject", "stated", "named")
    assert ("wmhtia", "21", "1") in rows
    assert ("tech-jobs-announcement-2023", "5", "5") in rows
    assert ("version-1-tech-skills-academies", "2", "0") in rows


def check_unsourced(out: Path) -> None:
    assert ask(out, "unsourced").rows == []


def check_entities(out: Path) -> None:
    countries = table(ask(out, "entities", type="country"), "entity")
    assert countries == [("england",), ("france",), ("singapore",), ("united-kingdom",)]
    assert len(ask(out, "entities").rows) >= 70


CHECKS: dict[str, Callable[[Path], None]] = {
    name.removeprefix("check_").replace("_", "-"): check
    for name, check in dict(globals()).items() if name.startswith("check_")
}


@pytest.mark.parametrize("name", sorted(library(QUERY_DIR)))
def test_library_query(name: str, seed_build: BuildResult) -> None:
    """Every .rq file has a description and a check of its real answer on the seed fixture."""
    assert library(QUERY_DIR)[name].description
    assert name in CHECKS, f"queries/{name}.rq has no test of its answer: add check_{name.replace('-', '_')}"
    CHECKS[name](seed_build.files[0].parent)  # built once: each query reads its N-Triples, as `query` does
