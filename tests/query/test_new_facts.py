"""Library queries on a fixture graph holding the facts that newcomers add: funders whose names hold commas."""

from __future__ import annotations

from pathlib import Path

from wmgraph.ask.run import QueryRequest, run_query

ROOT = Path(__file__).resolve().parents[2]
QUERY_DIR = ROOT / "queries"
ID = "https://w3id.org/wmgraph/id/"
FUNDERS = """\
culture-department:
  type: public-body
  name: Culture, Department for Digital, Media and Sport
  source: jobs-article
innovate-uk:
  type: public-body
  name: Innovate UK
  source: jobs-article
arts-council:
  type: public-body
  name: Arts Council
  source: jobs-article
fund-of-funds:
  type: initiative
  name: Fund of Funds
  source: jobs-article
  facts:
    - investment: ~
      amount: 3000000
      funders: [innovate-uk, culture-department, arts-council]
      source: jobs-article
    - funded-by: arts-council
      amount: 2000
      source: jobs-article
    - funded-by: culture-department
      amount: 1000
      source: jobs-article
"""


def rows(graph: Path, name: str, *columns: str, **params: str) -> list[tuple[str, ...]]:
    """A library query's rows on `graph`, as plain text (entity ids without their namespace)."""
    answer = run_query(QueryRequest(spec=name, params=params, graph_dir=graph, out_dir=graph.parent / "output",
                                    query_dir=QUERY_DIR))
    return [tuple(row[c].value.removeprefix(ID) if c in row else "" for c in columns) for row in answer.rows]


def test_funding_lists_names_that_hold_commas_whole(mini_graph: Path) -> None:
    (mini_graph / "funders.yaml").write_text(FUNDERS)
    assert rows(mini_graph, "funding", "amount", "relation", "via", initiative="fund-of-funds") == [
        ("3000000", "investment", "Arts Council\nCulture, Department for Digital, Media and Sport\nInnovate UK"),
        ("2000", "funded-by", "Arts Council"),
        ("1000", "funded-by", "Culture, Department for Digital, Media and Sport"),
    ]


def test_initiatives_lists_each_funder_once(mini_graph: Path) -> None:
    (mini_graph / "funders.yaml").write_text(FUNDERS)
    assert [row for row in rows(mini_graph, "initiatives", "initiative", "role", "who")
            if row[0] == "fund-of-funds"] == [
        ("fund-of-funds", "funds", "Arts Council"),
        ("fund-of-funds", "funds", "Culture, Department for Digital, Media and Sport"),
    ]

PLANNED_GRANT = """\
uk-government:
  type: public-body
  name: UK Government
  source: jobs-article
smart-makers:
  type: initiative
  name: Smart Makers
  source: jobs-article
  facts:
    - funded-by: uk-government
      status: planned
      source: jobs-article
    - funded-by: innovate-uk
      source: jobs-article
innovate-uk:
  type: public-body
  name: Innovate UK
  source: jobs-article
"""


def test_initiatives_lists_a_funder_with_a_status_by_it(mini_graph: Path) -> None:
    (mini_graph / "planned.yaml").write_text(PLANNED_GRANT)
    assert [row for row in rows(mini_graph, "initiatives", "initiative", "role", "who")
            if row[0] == "smart-makers"] == [
        ("smart-makers", "funded-by (planned)", "UK Government"),
        ("smart-makers", "funds", "Innovate UK"),
    ]

FUTURE_ROLE = """\
brindley-robotics:
  type: company
  name: Brindley Robotics
  source: jobs-article
tom-ashby:
  type: person
  name: Tom Ashby
  source: jobs-article
  facts:
    - works-for: brindley-robotics
      role: chief technology officer
      status: planned
      source: jobs-article
ada-cole:
  type: person
  name: Ada Cole
  source: jobs-article
  facts:
    - works-for: brindley-robotics
      role: chief executive
      source: jobs-article
"""


def test_people_at_says_a_planned_role_is_planned(mini_graph: Path) -> None:
    (mini_graph / "future.yaml").write_text(FUTURE_ROLE)
    assert rows(mini_graph, "people-at", "person", "relation", "role", "status", org="brindley-robotics") == [
        ("ada-cole", "works-for", "chief executive", "stated"),
        ("tom-ashby", "works-for", "chief technology officer", "planned"),
    ]
