"""`extend: true`: an article's facts about an entity defined in another fact file, written in the article's file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from wmgraph.building import build
from wmgraph.cli.main import main
from wmgraph.model.checking import load_model
from wmgraph.rdf.formats.ntriples import term

EXTENSION = """\
university-of-birmingham:
  extend: true
  aliases: [UoB, the University of Birmingham]
  source: jobs-article
  facts:
    - partners-with: version-1
      source: jobs-article
      quote: partnering with the University of Birmingham
    - leads: wmhtia
      source: jobs-article
birmingham:
  extend: true
  facts:
    - sector: technology
      source: jobs-article
"""


def test_an_extend_block_adds_facts_aliases_and_sources_to_the_entity(mini_graph: Path) -> None:
    (mini_graph / "articles").mkdir()
    (mini_graph / "articles" / "jobs.yaml").write_text(EXTENSION)
    model = load_model(mini_graph)
    university = model.entities["university-of-birmingham"]
    assert (university.name, university.type, university.location.file) == (
        "University of Birmingham", "university", "graph/organisations.yaml")
    assert university.aliases == ("Birmingham University", "UoB", "the University of Birmingham")
    added = sorted(fact.key for fact in model.facts if fact.location.file == "graph/articles/jobs.yaml")
    # the ids carry the file, so they never meet those written where the entity is defined
    assert added == ["birmingham.sector.in-jobs.1",
                     "university-of-birmingham.leads.wmhtia.in-jobs",
                     "university-of-birmingham.partners-with.version-1.in-jobs"]
    assert "university-of-birmingham.leads.wmhtia" in {fact.key for fact in model.facts}


def test_validate_warns_about_an_added_alias_no_text_of_the_entity_holds(mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "jobs.yaml").write_text(EXTENSION)
    result = CliRunner().invoke(main, ["validate", "--graph", "graph"])
    assert (result.exit_code, result.output) == (0, """\
graph/jobs.yaml:3:13: warning: alias 'UoB' of 'university-of-birmingham' is in no text of its sources \
(remove it, cite a source whose text uses it, or say why it stands under 'alias-ok:' as 'UoB: ...')
graph is valid: 6 entities, 9 facts, 2 sources.
""")


def test_the_build_writes_an_extended_entity_once_with_everything_it_holds(mini_graph: Path, tmp_path: Path) -> None:
    (mini_graph / "jobs.yaml").write_text(EXTENSION)
    build(mini_graph, tmp_path / "out")
    lines = (tmp_path / "out" / "wmgraph.nt").read_text().splitlines()
    base = "https://w3id.org/wmgraph/id/"
    wm = "https://w3id.org/wmgraph/ns#"
    for triple in [(base + "university-of-birmingham", wm + "partnerOf", base + "version-1"),
                   (base + "version-1", wm + "partnerOf", base + "university-of-birmingham")]:
        assert " ".join(map(term, triple)) + " ." in lines
    assert '<https://w3id.org/wmgraph/id/university-of-birmingham> <http://www.w3.org/2004/02/skos/core#altLabel> ' \
        '"UoB"@en .' in lines
    turtle = (tmp_path / "out" / "wmgraph.ttl").read_text()
    assert turtle.count("\nent:university-of-birmingham\n") == 1
    assert "wm:sector \"technology\"@en" in turtle.split("\nent:birmingham\n")[1].split("\n\n")[0]
