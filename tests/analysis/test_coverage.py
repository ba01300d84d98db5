"""`wmgraph coverage`: the sentences of each stored text no fact quotes, the reasons file, source dependence."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from wmgraph.analysis.coverage import sentences
from wmgraph.cli.main import main

SEED_VOCABULARY = Path(__file__).resolve().parents[1] / "data" / "seed" / "vocabulary.yaml"
TEXT = ("A Headline\n"
        "Version 1, a digital transformation partner, will establish 500 roles in Birmingham. "
        "This is “tremendous”! Contact us:\n"
        "Share:\n")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def texted_graph(graph: Path) -> Path:
    """The mini graph with a short stored text, one quoted fact and a coverage file."""
    (graph / "texts" / "jobs-article.txt").write_text(TEXT)
    organisations = graph / "organisations.yaml"
    organisations.write_text(organisations.read_text().replace(
        "      duration: P3Y\n",
        "      duration: P3Y\n      quote: will establish 500 roles in Birmingham\n"))
    (graph / "coverage.yaml").write_text("jobs-article:\n  - sentence: Share\n    reason: page furniture\n")
    return graph


def test_sentences_split_at_sentence_ends_and_lines() -> None:
    assert [s for s, _, _ in sentences(TEXT)] == [
        "A Headline", "Version 1, a digital transformation partner, will establish 500 roles in Birmingham.",
        "This is “tremendous”!", "Contact us:", "Share:"]
    assert sentences("  Two.  Parts.\n")[1] == ("Parts.", 8, 14)


def test_coverage_lists_what_no_fact_quotes_and_the_reasons(mini_graph: Path, in_tmp: Path) -> None:
    texted_graph(mini_graph)
    assert run("coverage", "--graph", "graph", "jobs-article") == (0, """\
jobs-article (texts/jobs-article.txt): 2 of 5 sentences covered (40%): 1 quoted by facts, 1 left out on purpose; \
0 named, no fact
  not quoted: "A Headline"
  not quoted: "This is “tremendous”!"
  not quoted: "Contact us:"
  left out: "Share:" (page furniture)
""")


def test_a_sentence_only_an_entity_quotes_is_named_not_covered(mini_graph: Path, in_tmp: Path) -> None:
    texted_graph(mini_graph)
    people = mini_graph / "people.yaml"
    people.write_text(people.read_text().replace("  source: jobs-article\n", "  source: jobs-article\n"
                                                 "  quote: A Headline\n", 1))
    organisations = mini_graph / "organisations.yaml"  # an entity quote beside a fact's: the fact's counts
    organisations.write_text(organisations.read_text().replace(
        "  description: A digital transformation partner.\n",
        "  description: A digital transformation partner.\n  quote: Version 1, a digital transformation partner\n"))
    assert run("coverage", "--graph", "graph", "jobs-article") == (0, """\
jobs-article (texts/jobs-article.txt): 2 of 5 sentences covered (40%): 1 quoted by facts, 1 left out on purpose; \
1 named, no fact
  named, no fact: "A Headline"
  not quoted: "This is “tremendous”!"
  not quoted: "Contact us:"
  left out: "Share:" (page furniture)
""")


def test_coverage_reports_source_dependence(mini_graph: Path, in_tmp: Path) -> None:
    texted_graph(mini_graph)
    code, output = run("coverage", "--graph", "graph")
    assert code == 0
    assert output.split("Source dependence:\n")[1] == """\
  facts resting on one source only: 5 of 6
  facts resting on one publisher only: 5 of 6
        5  jobs-article (no publisher named)
  derived facts (no quote; the note says how): 5
    university-of-birmingham.leads.wmhtia (graph/organisations.yaml:20:7): NO NOTE
    wmhtia.investment.1 (graph/organisations.yaml:30:7): NO NOTE
    wmhtia.stated-count.1 (graph/organisations.yaml:34:7): NO NOTE
    andy-street.holds-post.mayor-of-the-west-midlands (graph/people.yaml:7:7): NO NOTE
    andy-street.said.1 (graph/people.yaml:10:7): NO NOTE
  facts from sources outside the stored texts: 0
"""


def test_coverage_file_problems_are_located(mini_graph: Path, in_tmp: Path) -> None:
    texted_graph(mini_graph)
    (mini_graph / "coverage.yaml").write_text(
        "jobs-article:\n  - sentence: Not in the text\n    reason: gone\n  - sentence: Share\n"
        "uktn-jobs:\n  - sentence: x\n    reason: y\n")
    assert run("coverage", "--graph", "graph") == (1, """\
Error: 3 problems found in the fact files:
graph/coverage.yaml:2:5: sentence not found in the stored text (copy the words as the text has them)
graph/coverage.yaml:4:5: an entry needs 'sentence:' and 'reason:', both text (write '- sentence: ...' and \
'reason: ...' under it)
graph/coverage.yaml:5:1: 'uktn-jobs' is not a source with a stored text (one of: jobs-article)
""")


def test_an_unknown_key_in_the_coverage_file_is_refused(mini_graph: Path, in_tmp: Path) -> None:
    texted_graph(mini_graph)
    (mini_graph / "coverage.yaml").write_text(
        "jobs-article:\n  - sentence: Share\n    reasons: page furniture\n    reason: page furniture\n"
        "    until: 2025\n")
    assert run("coverage", "--graph", "graph") == (1, """\
Error: 2 problems found in the fact files:
graph/coverage.yaml:3:5: unknown key 'reasons' in a coverage entry (did you mean 'reason'?)
graph/coverage.yaml:5:5: unknown key 'until' in a coverage entry (write only 'sentence:' and 'reason:')
""")


def test_coverage_of_an_unknown_source_says_which_have_texts(mini_graph: Path, in_tmp: Path) -> None:
    assert run("coverage", "--graph", "graph", "jobs") == (
        1, "Error: no source 'jobs' with a stored text (one of: jobs-article)\n")


def test_the_coverage_file_is_no_fact_file(mini_graph: Path, in_tmp: Path) -> None:
    texted_graph(mini_graph)
    assert run("validate", "--graph", "graph") == (0, "graph is valid: 6 entities, 6 facts, 2 sources.\n")


def test_the_seed_graph_is_fully_covered_and_every_derived_fact_has_a_note(in_tmp: Path) -> None:
    graph = Path(__file__).resolve().parents[1] / "data" / "seed"
    code, output = run("coverage", "--graph", str(graph))
    assert code == 0
    assert output.count("(100%)") == 4 and "not quoted" not in output and "NO NOTE" not in output


def test_show_prints_each_facts_status_and_quote(mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "vocabulary.yaml").write_bytes(SEED_VOCABULARY.read_bytes())
    texted_graph(mini_graph)
    code, output = run("show", "--graph", "graph", "version-1")
    assert code == 0
    assert """\
Job pledges (1)
  - Version 1 pledges jobs in Birmingham: 500 jobs, over 3 years
    status: pledged
    quote: "will establish 500 roles in Birmingham"
    source: West Midlands Prepares for 1,000 New Tech Roles, 2023-10 (text: texts/jobs-article.txt); West Midlands \
set for 1,000 New Tech Jobs, UKTN, 2023-10-19 (https://www.uktech.news/tech-hubs/west-midlands/west-midlands-tech-\
jobs-boost-20231019)
""" in output
