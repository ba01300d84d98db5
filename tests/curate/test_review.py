"""review and accept: what is undecided, and only what a person accepted moved into graph/articles/, validated."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.building import build
from wmgraph.cli.main import main
from wmgraph.curate.review import accept
from wmgraph.model.checking import load_model
from wmgraph.page.data import page_data

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLE = DATA / "articles" / "09-innovation-accelerator-made-smarter.txt"
REGION = "west-midlands:\n  type: region\n  name: West Midlands\n  source: jobs-article\n"
SOURCE = "bns-2024-innovation"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def drafted(graph: Path, tmp_path: Path) -> Path:
    shutil.copy(DATA / "kinds" / "vocabulary.yaml", graph / "vocabulary.yaml")  # said-that, statuses on every fact
    (graph / "places.yaml").write_text(REGION)
    article = tmp_path / ARTICLE.name
    shutil.copy(ARTICLE, article)
    assert run("add-source", "--graph", str(graph), str(article), "--id", SOURCE)[0] == 0
    assert run("draft", "--graph", str(graph), SOURCE)[0] == 0
    return graph / "drafts" / f"{SOURCE}.yaml"


def decide(path: Path, decisions: dict[str, str], reviewer: str = "") -> None:
    """Set each listed entity block's decisions (its own and its facts') as a reviewer would."""
    lines, block = [], ""
    for line in path.read_text().split("\n"):
        found = re.match(r"^([a-z0-9-]+):", line)
        block = found.group(1) if found else block
        if block in decisions and "review: undecided" in line:
            line = line.replace("review: undecided", f"review: {decisions[block]}")
            if reviewer and line.startswith("      "):
                line += f"\n      reviewed-by: {reviewer}\n      reviewed: 2024-11-20"
        lines.append(line)
    path.write_text("\n".join(lines))


def test_review_lists_what_is_undecided(mini_graph: Path, tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    decide(draft, {"peter-kyle": "accept", "budget": "reject"})
    code, output = run("review", "--graph", str(mini_graph), SOURCE)
    shown = f"{mini_graph.name}/drafts/{SOURCE}.yaml"
    assert code == 0
    assert output.startswith(f"{shown}: 3 accepted, 1 rejected, ")
    assert "entity science-and-technology-secretary: post 'Science and technology secretary'" in output
    assert "peter-kyle" not in output and "budget" not in output
    for line in output.splitlines()[1:]:
        assert re.match(rf"  {re.escape(shown)}:\d+:\d+: (entity|fact) ", line), line


def test_a_decision_that_is_no_decision_is_located(mini_graph: Path, tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    text = draft.read_text()
    line = text[:text.index("review: undecided")].count("\n") + 1
    draft.write_text(text.replace("review: undecided", "review: maybe", 1))
    code, output = run("review", "--graph", str(mini_graph), SOURCE)
    assert (code, output) == (1, f"Error: 1 problem found in the draft:\n{mini_graph.name}/drafts/{SOURCE}.yaml:"
                                 f"{line}:3: review: 'maybe' is not a decision (write accept, reject or undecided)\n")


def test_nothing_is_accepted_without_a_decision(mini_graph: Path, tmp_path: Path) -> None:
    drafted(mini_graph, tmp_path)
    code, output = run("accept", "--graph", str(mini_graph), SOURCE)
    assert (code, output) == (1, f"Error: nothing is accepted in {mini_graph.name}/drafts/{SOURCE}.yaml: "
                                 "set `review: accept` on what should be published\n")
    assert not (mini_graph / "articles").exists()


def test_a_fact_on_an_entity_not_accepted_is_refused(mini_graph: Path, tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    text = draft.read_text()
    block = text.index("\npeter-kyle:")
    at = text.index("review: undecided  # rule", block)
    draft.write_text(text[:at] + "review: accept   " + text[at + len("review: undecided"):])
    line = text[:at].count("\n") + 1
    code, output = run("accept", "--graph", str(mini_graph), SOURCE)
    assert (code, output) == (1, f"Error: 1 problem found in the draft:\n{mini_graph.name}/drafts/{SOURCE}.yaml:"
                                 f"{line}:7: fact accepted on entity 'peter-kyle', which is undecided "
                                 "(accept 'peter-kyle' too, or reject this fact)\n")
    text = draft.read_text()
    at = text.index("review: undecided", text.index("\npeter-kyle:"))  # the block's own decision
    draft.write_text(text[:at] + "review: reject   " + text[at + len("review: undecided"):])
    assert run("accept", "--graph", str(mini_graph), SOURCE)[1].endswith(
        f"{line}:7: fact accepted on entity 'peter-kyle', which is rejected (accept 'peter-kyle' too, or reject "
        "this fact)\n")


def test_an_accepted_fact_that_does_not_validate_is_refused_at_its_draft_line(mini_graph: Path,
                                                                              tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    decide(draft, {"peter-kyle": "accept", "science-and-technology-secretary": "accept"})
    text = draft.read_text()
    at = text.index("    - holds-post: science-and-technology-secretary\n") + len("    - holds-post: ")
    draft.write_text(text[:at] + "no-such-post" + text[at + len("science-and-technology-secretary"):])
    line = text[:at].count("\n") + 1
    code, output = run("accept", "--graph", str(mini_graph), SOURCE)
    assert code == 1
    assert output == (f"Error: 1 problem found in the draft:\n{mini_graph.name}/drafts/{SOURCE}.yaml:"
                      f"{line}:7: unknown entity 'no-such-post' (define it in a fact file or correct the id)\n")
    assert not (mini_graph / "articles" / f"{SOURCE}.yaml").exists()


def test_from_article_to_published_facts(mini_graph: Path, tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    decide(draft, {"peter-kyle": "accept", "science-and-technology-secretary": "accept", "made-smarter": "accept",
                   "budget": "reject", "west-midlands": "accept", "uk-government": "accept"}, reviewer="A. Reviewer")
    text = draft.read_text()
    rejected = "    - ranked-by: european-capital-of-innovation-awards"
    at = text.index(rejected, text.index("\nwest-midlands:"))
    text = text[:at] + text[at:].replace("review: accept", "review: reject", 1)
    draft.write_text(text)
    code, output = run("accept", "--graph", str(mini_graph), SOURCE)
    written = mini_graph / "articles" / f"{SOURCE}.yaml"
    assert code == 0, output
    assert re.fullmatch(rf"accepted 4 entities and 8 facts into {re.escape(str(written))} "
                        r"\(\d+ proposals still undecided\)\n", output)
    text = written.read_text()
    assert "review:" not in text and "reviewed-by: A. Reviewer" in text and "budget" not in text
    assert "\nwest-midlands:\n  extend: true" in text and "- ranked-by" not in text
    model = load_model(mini_graph)
    jobs = next(f for f in model.facts if f.subject == "west-midlands" and dict(f.qualifiers).get("count"))
    figures = dict(jobs.qualifiers)
    assert (figures["count"], figures["approx"], jobs.sources) == (5000, "almost", (SOURCE,))
    invested = next(f for f in model.facts if f.subject == "west-midlands" and f.relation == "investment")
    assert (invested.status, invested.quote) == ("planned", "it will receive €100,000 in prize money")  # as drafted
    funded = next(f for f in model.facts if f.subject == "made-smarter" and f.relation == "funded-by")
    assert (funded.object, funded.status) == ("uk-government", "planned")  # "Both programmes will now be extended"
    holding = next(f for f in model.facts if f.subject == "peter-kyle" and f.relation == "holds-post")
    assert (holding.object, holding.quote) == ("science-and-technology-secretary",
                                               "Peter Kyle, the science and technology secretary")
    assert "lisbon" not in model.entities  # undecided: not published
    out = tmp_path / "out"
    build(mini_graph, out)
    base = "https://w3id.org/wmgraph/id/"
    triples = (out / "wmgraph.nt").read_text()
    assert f"<{base}peter-kyle> <http://www.w3.org/ns/org#holds> <{base}science-and-technology-secretary> ." \
        in triples
    data = json.dumps(page_data(model, sorted(model.entities), model.facts))
    assert "Peter Kyle" in data and "Made Smarter" in data and "manufacturing firms" in data


def test_coverage_todo_lists_the_sentences_left_with_their_names(mini_graph: Path, tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    decide(draft, {"peter-kyle": "accept", "science-and-technology-secretary": "accept"})
    assert run("accept", "--graph", str(mini_graph), SOURCE)[0] == 0
    code, output = run("coverage", "--graph", str(mini_graph), SOURCE, "--todo")
    assert code == 0
    lines = output.splitlines()
    sentences = sum(1 for line in lines if line.startswith('  "'))
    assert lines[0] == f"{SOURCE} (texts/{SOURCE}.txt): {sentences} sentences to do"
    assert "Peter Kyle" not in output  # its one sentence is quoted now
    at = lines.index('  "The Innovation Accelerator has helped more than 700 businesses, researchers and entrepreneurs '
                     'to obtain expert advice and funding so that they can commercialise new and emerging products '
                     'and technologies."')
    assert lines[at + 1] == "    names: Innovation Accelerator (new)"
    assert "    names: Richard Parker (new), Mayor of the West Midlands = mayor-of-the-west-midlands, " \
           "WMCA (new)" in lines


def test_review_and_accept_without_a_draft_say_what_to_do(mini_graph: Path) -> None:
    for command in ("review", "accept"):
        assert run(command, "--graph", str(mini_graph), "jobs-article") == (
            1, f"Error: no draft {mini_graph.name}/drafts/jobs-article.yaml: run `wmgraph draft jobs-article` first\n")
        assert run(command, "--graph", str(mini_graph), "jobs-articel") == (
            1, "Error: unknown source 'jobs-articel' (did you mean 'jobs-article'?)\n")
        assert run(command, "--graph", str(mini_graph), "nosuch") == (
            1, "Error: unknown source 'nosuch' (add its article with `wmgraph add-source FILE --id ID`)\n")
    assert not (mini_graph / "drafts").exists() and not (mini_graph / "articles").exists()


def test_a_second_round_of_accept_keeps_the_first(mini_graph: Path, tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    decide(draft, {"peter-kyle": "accept", "science-and-technology-secretary": "accept"})
    assert run("accept", "--graph", str(mini_graph), SOURCE)[0] == 0
    written = mini_graph / "articles" / f"{SOURCE}.yaml"
    first = written.read_text()
    code, output = run("draft", "--graph", str(mini_graph), SOURCE)  # drafting again: the first round left out
    assert code == 0 and "  left out: 4 proposals already in the graph\n" in output, output
    assert "holds-post: science-and-technology-secretary" not in draft.read_text()
    decide(draft, {"made-smarter": "accept", "uk-government": "accept"})
    code, output = run("accept", "--graph", str(mini_graph), SOURCE)
    assert code == 0, output
    assert output.startswith(f"accepted 2 entities and 3 facts into {written} (")  # the first round not again
    second = written.read_text()
    assert second.startswith(first.rstrip("\n")) and "\nmade-smarter:" in second
    assert second.count("holds-post: science-and-technology-secretary") == 1
    model = load_model(mini_graph)
    assert {"peter-kyle", "made-smarter"} <= {f.subject for f in model.facts if SOURCE in f.sources}


def test_a_refused_second_round_leaves_the_first_untouched(mini_graph: Path, tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    decide(draft, {"peter-kyle": "accept", "science-and-technology-secretary": "accept"})
    assert run("accept", "--graph", str(mini_graph), SOURCE)[0] == 0
    written = mini_graph / "articles" / f"{SOURCE}.yaml"
    first = written.read_bytes()
    decide(draft, {"made-smarter": "accept"})  # its funded-by names uk-government, not accepted
    code, output = run("accept", "--graph", str(mini_graph), SOURCE)
    assert code == 1 and f"{mini_graph.name}/drafts/{SOURCE}.yaml:" in output and "uk-government" in output
    assert written.read_bytes() == first


def test_an_interrupted_accept_writes_nothing_into_the_graph(mini_graph: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    draft = drafted(mini_graph, tmp_path)
    decide(draft, {"peter-kyle": "accept", "science-and-technology-secretary": "accept"})
    seen: list[bool] = []

    def interrupted(graph_dir: Path, *args: object) -> None:
        seen.append((mini_graph / "articles" / f"{SOURCE}.yaml").exists())
        raise KeyboardInterrupt

    monkeypatch.setattr("wmgraph.curate.review.model_with", interrupted)  # Ctrl-C while the result is checked
    with pytest.raises(KeyboardInterrupt):
        accept(mini_graph, SOURCE)
    assert seen == [False]  # the graph never held the unchecked file
    assert not (mini_graph / "articles").exists()


def test_a_draft_accepted_whole_gives_no_modality_warning(mini_graph: Path, tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    text = draft.read_text().replace("review: undecided", "review: accept")
    at = text.index("- part-of: horizon-europe")  # a programme's type the fixture's vocabulary does not take
    draft.write_text(text[:at] + text[at:].replace("review: accept", "review: reject", 1))
    code, output = run("accept", "--graph", str(mini_graph), SOURCE)
    assert code == 0, output
    code, output = run("validate", "--graph", str(mini_graph))
    assert "stated as so" not in output, output


def test_every_warning_of_a_draft_accepted_as_proposed_is_in_its_why_comment(mini_graph: Path,
                                                                              tmp_path: Path) -> None:
    draft = drafted(mini_graph, tmp_path)
    text = draft.read_text().replace("review: undecided", "review: accept")
    draft.write_text(text)
    assert run("accept", "--graph", str(mini_graph), SOURCE)[0] == 0
    code, output = run("validate", "--graph", str(mini_graph))
    assert code == 0, output
    warned = sorted(m for m in re.findall(r": warning: (.*) \(", output) if " is stated as so, " not in m)
    assert warned == sorted(re.findall(r"validate warns: (.*?)(?:;| \[)", text))
    assert "validate warns: 'funded-by' fact may say more than its quote, which names no payer 'UK Government'" \
        in text  # "new government funding": the quote has no name of the UK Government


GOVERNMENT = "central-government:\n  type: public-body\n  name: Central Government\n  source: jobs-article\n"
FOLLOWED = "'uk-government' was merged into 'central-government' (wmgraph merge): "


def merged_after_accept(graph: Path, tmp_path: Path) -> Path:
    """A draft whose accepted 'uk-government' was then merged into 'central-government'."""
    draft = drafted(graph, tmp_path)
    (graph / "gov.yaml").write_text(GOVERNMENT)
    decide(draft, {"uk-government": "accept"})
    assert run("accept", "--graph", str(graph), SOURCE)[0] == 0
    assert run("merge", "--graph", str(graph), "central-government", "uk-government", "--apply")[0] == 0
    return draft


def test_accept_writes_a_merged_id_as_the_entity_it_was_merged_into(mini_graph: Path, tmp_path: Path) -> None:
    draft = merged_after_accept(mini_graph, tmp_path)
    decide(draft, {"made-smarter": "accept"})
    code, output = run("accept", "--graph", str(mini_graph), SOURCE)
    assert code == 0, output
    assert output.startswith(FOLLOWED + "what the draft accepts of 'uk-government' is written as "
                             "'central-government'\naccepted 1 entities and ")
    text = (mini_graph / "articles" / f"{SOURCE}.yaml").read_text()
    assert "uk-government" not in text and "    - funded-by: central-government\n" in text
    assert run("validate", "--graph", str(mini_graph))[0] == 0
    assert run("show", "--graph", str(mini_graph), "uk-government") == \
        run("show", "--graph", str(mini_graph), "central-government")


def test_drafting_again_follows_a_merge(mini_graph: Path, tmp_path: Path) -> None:
    draft = merged_after_accept(mini_graph, tmp_path)
    decide(draft, {"made-smarter": "accept"})  # decided in the draft, not yet accepted
    code, output = run("draft", "--graph", str(mini_graph), SOURCE)
    assert code == 0, output
    assert f"\n  {FOLLOWED}the last draft's 'uk-government' is written as 'central-government'\n" in output
    text = draft.read_text()
    assert "\nuk-government:" not in text and "- funded-by: central-government\n" in text
    assert "    # 'uk-government' was merged into 'central-government' (wmgraph merge): written as " \
           "'central-government'\n    - funded-by: central-government\n" in text
    decide(draft, {"made-smarter": "accept"})
    assert run("accept", "--graph", str(mini_graph), SOURCE)[0] == 0
    assert run("validate", "--graph", str(mini_graph))[0] == 0
    assert run("show", "--graph", str(mini_graph), "uk-government") == \
        run("show", "--graph", str(mini_graph), "central-government")


def test_an_entity_defined_under_a_merged_id_is_refused(mini_graph: Path, tmp_path: Path) -> None:
    merged_after_accept(mini_graph, tmp_path)
    (mini_graph / "again.yaml").write_text(GOVERNMENT.replace("central-government", "uk-government"))
    code, output = run("validate", "--graph", str(mini_graph))
    name = mini_graph.name
    assert (code, output) == (1, f"""\
Error: 1 problem found in the fact files:
{name}/again.yaml:1:1: entity 'uk-government' is defined here, but it was merged into 'central-government' \
('formerly: [uk-government]' at {name}/merged/uk-government.yaml:1:1) (write its facts as facts of \
'central-government' and remove this block, or take 'uk-government' out of that 'formerly:')
""")
