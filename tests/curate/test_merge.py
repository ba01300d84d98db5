"""`wmgraph merge KEEP OLD`: a dry run with a conflict report, then the fact files rewritten, nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.analysis.diff import diff_graphs
from wmgraph.analysis.profile import find_entity
from wmgraph.cli.main import main
from wmgraph.load.values import with_article
from wmgraph.model.checking import load_model
from wmgraph.rdf.mapping import model_triples

PLANTED = """\
# planted duplicate
birmingham-uni:
  type: university
  name: Birmingham Uni
  source: uktn-jobs
  facts:
    # its lead, as the article put it
    - leads: wmhtia
      source: jobs-article
    - partners-with: version-1
      source: uktn-jobs
version-one:
  type: company
  name: Version 1 Limited
  source: uktn-jobs
  facts:
    - partners-with: birmingham-uni
      source: uktn-jobs
"""


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_merge_dry_run_then_apply_keeps_everything(mini_graph: Path, tmp_path: Path) -> None:
    (mini_graph / "planted.yaml").write_text(PLANTED, encoding="utf-8")
    before = tmp_path / "before"
    shutil.copytree(mini_graph, before)
    graph = str(mini_graph)
    lead = next(f.location for f in load_model(mini_graph).facts if f.key == "university-of-birmingham.leads.wmhtia")
    code, output = _run("merge", "--graph", graph, "university-of-birmingham", "birmingham-uni")
    shown = f"{mini_graph.name}/planted.yaml"
    assert (code, output.split("before -> after")[0]) == (0, f"""\
moves: 5
  alias: Birmingham Uni
  source: uktn-jobs
  fact: Birmingham Uni leads West Midlands Health Tech Innovation Accelerator ({shown}:8:7)
  fact: Birmingham Uni partners with Version 1 ({shown}:10:7)
  reference: Version 1 Limited partners with Birmingham Uni ({shown}:17:7)
duplicates: 1
  Birmingham Uni leads West Midlands Health Tech Innovation Accelerator ({shown}:8:7) is also \
{lead}
conflicts: 0
""")
    assert output.endswith("dry run: nothing written; merge with wmgraph merge university-of-birmingham "
                           "birmingham-uni --apply\n")
    assert diff_graphs(str(before), graph, mini_graph).empty
    code, output = _run("merge", "--graph", graph, "university-of-birmingham", "birmingham-uni", "--apply")
    assert code == 0, output
    assert (mini_graph / "planted.yaml").read_text(encoding="utf-8") == """\
# planted duplicate
version-one:
  type: company
  name: Version 1 Limited
  source: uktn-jobs
  facts:
    - partners-with: university-of-birmingham
      source: uktn-jobs
"""
    assert "    # its lead, as the article put it\n" in (mini_graph / "merged/birmingham-uni.yaml").read_text()
    change = diff_graphs(str(before), graph, mini_graph)
    assert (change.entities_removed, change.facts_changed) == (["Birmingham Uni (University, birmingham-uni)"], [])
    assert sorted(change.facts_added) == [
        "University of Birmingham leads West Midlands Health Tech Innovation Accelerator",
        "University of Birmingham partners with Version 1",
        "Version 1 Limited partners with University of Birmingham"]
    assert len(change.facts_removed) == 3
    model = load_model(mini_graph)
    assert find_entity(model, "birmingham-uni") == "university-of-birmingham"
    assert find_entity(model, "Birmingham Uni") == "university-of-birmingham"
    assert ("https://w3id.org/wmgraph/id/university-of-birmingham", "http://www.w3.org/2002/07/owl#sameAs",
            "https://w3id.org/wmgraph/id/birmingham-uni") in set(model_triples(model))


def test_merge_with_conflicts_is_refused(mini_graph: Path) -> None:
    (mini_graph / "planted.yaml").write_text(PLANTED.replace("  name: Birmingham Uni\n",
                                                             "  name: Birmingham Uni\n  url: https://b.example\n")
                                             .replace("type: university", "type: company"), encoding="utf-8")
    (mini_graph / "dated.yaml").write_text("""\
university-of-birmingham:
  extend: true
  facts:
    - partners-with: version-1
      as-of: 2020
      source: jobs-article
""", encoding="utf-8")
    text = PLANTED.replace("    - partners-with: version-1\n", "    - partners-with: version-1\n      as-of: 2021\n")
    (mini_graph / "planted.yaml").write_text(text.replace("type: university", "type: company"), encoding="utf-8")
    code, output = _run("merge", "--graph", str(mini_graph), "university-of-birmingham", "birmingham-uni",
                        "--apply")
    assert code == 1
    name = mini_graph.name
    assert "conflicts: 2\n  different types: university-of-birmingham is a university, birmingham-uni a company\n" \
           "  different dates: Birmingham Uni partners with Version 1: as of 2021 has as-of 2021 " \
           f"({name}/planted.yaml:10:7), university-of-birmingham's 2020 ({name}/dated.yaml:4:7)\n" in output
    assert output.endswith("Error: 2 conflicts: resolve them in the fact files first, or merge with --force to "
                           "keep KEEP's values\n")
    assert not (mini_graph / "merged").exists()


def test_the_old_id_and_name_still_find_the_kept_entity(mini_graph: Path) -> None:
    (mini_graph / "planted.yaml").write_text(PLANTED, encoding="utf-8")
    graph = str(mini_graph)
    assert _run("merge", "--graph", graph, "university-of-birmingham", "birmingham-uni", "--apply")[0] == 0
    shown = _run("show", "--graph", graph, "university-of-birmingham")
    assert shown[1].startswith("""\
University of Birmingham (university-of-birmingham)
type: University
also called: Birmingham University, Birmingham Uni
merged from: birmingham-uni
sources: """)
    assert _run("show", "--graph", graph, "birmingham-uni") == shown
    assert _run("show", "--graph", graph, "birmingham uni") == shown


def test_a_dry_run_with_conflicts_says_apply_will_refuse(mini_graph: Path) -> None:
    (mini_graph / "planted.yaml").write_text(PLANTED.replace("type: university", "type: company"), encoding="utf-8")
    code, output = _run("merge", "--graph", str(mini_graph), "university-of-birmingham", "birmingham-uni")
    assert code == 0
    assert "conflicts: 1\n  different types: university-of-birmingham is a university, birmingham-uni a " \
           "company\n" in output
    assert output.endswith("dry run: nothing written; wmgraph merge university-of-birmingham birmingham-uni --apply "
                           "would refuse (1 conflicts): resolve them in the fact files first, or merge with wmgraph "
                           "merge university-of-birmingham birmingham-uni --apply --force to keep "
                           "university-of-birmingham's values\n")
    assert not (mini_graph / "merged").exists()


@pytest.mark.parametrize(("noun", "said"), [("organisation", "an organisation"), ("university", "a university"),
                                            ("event", "an event"), ("company", "a company"),
                                            ("hour", "an hour"), ("one-off", "a one-off")])
def test_a_type_is_named_with_its_article(noun: str, said: str) -> None:
    assert with_article(noun) == said
