"""`wmgraph duplicates`: planted duplicates found and scored, decisions recorded and obeyed by `validate`."""

from __future__ import annotations

import datetime
from pathlib import Path

from click.testing import CliRunner

from wmgraph.analysis.decisions import read_decisions, record_decision
from wmgraph.analysis.duplicates import candidates, name_matches
from wmgraph.cli.main import main
from wmgraph.model.checking import load_model

# near-duplicates of the mini graph's entities (a university, a company, an initiative)
PLANTED = (Path(__file__).resolve().parents[1] / "data" / "planted-duplicates.yaml").read_text(encoding="utf-8")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_planted_duplicates_are_found_and_scored(mini_graph: Path) -> None:
    (mini_graph / "planted.yaml").write_text(PLANTED, encoding="utf-8")
    assert _run("duplicates", "--graph", str(mini_graph)) == (0, """\
3 candidate pairs:
0.97  birmingham-uni 'Birmingham Uni' ~ university-of-birmingham 'Birmingham University'
      +0.60 names the same once case, punctuation and suffixes are set aside; +0.10 same type (university); \
+0.20 shared neighbour: West Midlands Health Tech Innovation Accelerator (2 links); \
+0.07 shared source: jobs-article (7 entities)
0.70  version-1 'Version 1' ~ version-one 'Version 1 Limited'
      +0.60 names the same once case, punctuation and suffixes are set aside; +0.10 same type (company); \
no shared neighbour; no shared source
0.40  wmhtia 'West Midlands Health Tech Innovation Accelerator' ~ wmhtia-2 'West Midlands Health Tech Innovation \
Accelerator Ltd'
      +0.60 names the same once case, punctuation and suffixes are set aside; \
-0.20 different kinds of thing (initiative, company); no shared neighbour; no shared source
""")


def test_min_score_leaves_out_the_pairs_scoring_less(mini_graph: Path) -> None:
    (mini_graph / "planted.yaml").write_text(PLANTED, encoding="utf-8")
    code, output = _run("duplicates", "--graph", str(mini_graph), "--min-score", "0.64")
    assert code == 0
    assert output.splitlines()[0] == "2 candidate pairs:"
    assert "wmhtia-2" not in output and "version-one" in output
    assert _run("duplicates", "--graph", str(mini_graph), "--min-score", "0.98")[1] == "0 candidate pairs:\n"
    assert _run("duplicates", "--graph", str(mini_graph), "--min-score", "2")[0] == 2


def test_a_pair_judged_different_is_no_longer_listed_nor_warned_about(mini_graph: Path) -> None:
    (mini_graph / "planted.yaml").write_text(PLANTED, encoding="utf-8")
    code, output = _run("validate", "--graph", str(mini_graph))
    assert "'Version 1' (version-1) and 'Version 1 Limited' (version-one" in output
    assert _run("duplicates", "--graph", str(mini_graph), "--decide", "version-one", "version-1", "different",
                "--by", "Ann Analyst")[1].startswith(
        "recorded: version-one and version-1 are different (by Ann Analyst, ")
    decision = read_decisions(mini_graph)[0]
    assert (decision.pair, decision.decision, decision.by, decision.score) == (
        ("version-1", "version-one"), "different", "Ann Analyst", "0.7")
    assert "version-one" not in _run("validate", "--graph", str(mini_graph))[1]
    assert "version-one" not in _run("duplicates", "--graph", str(mini_graph))[1]
    assert _run("duplicates", "--graph", str(mini_graph), "--decide", "version-one", "nobody", "same",
                "--by", "Ann") == (2, "Usage: main duplicates [OPTIONS]\nTry 'main duplicates --help' for help.\n\n"
                                      f"Error: no entity 'nobody' in {mini_graph}\n")


def test_decisions_are_appended_with_the_file_kept(mini_graph: Path) -> None:
    (mini_graph / "decisions.yaml").write_text("# our judgements\n", encoding="utf-8")
    record_decision(mini_graph, "a", "b", "unsure", "Bo", 0.5, datetime.date(2026, 1, 2))
    assert (mini_graph / "decisions.yaml").read_text(encoding="utf-8") == (
        "# our judgements\n- pair: [a, b]\n  decision: unsure\n  by: \"Bo\"\n  on: 2026-01-02\n  score: 0.50\n")
    assert load_model(mini_graph).entities  # the decisions file is no fact file


def test_a_malformed_decisions_file_is_located(mini_graph: Path) -> None:
    (mini_graph / "decisions.yaml").write_text(
        "- pair: [a]\n  decision: maybe\n  on: yesterday\n  colour: red\n- just text\n", encoding="utf-8")
    code, output = _run("validate", "--graph", str(mini_graph))
    shown = f"{mini_graph.name}/decisions.yaml"
    assert (code, output) == (1, f"""\
Error: 6 problems found in the fact files:
{shown}:1:3: 'pair' must be two different entity ids (write 'pair: [a, b]')
{shown}:1:3: a decision needs 'by', who made it (add 'by: NAME')
{shown}:2:3: 'decision' must be one of: same, different, unsure, got 'maybe' (write what you judged the pair to be)
{shown}:3:3: 'on' must be a date like 2026-01-31, got 'yesterday' (write the day of the decision)
{shown}:4:3: unknown key 'colour' in a decision (one of: pair, decision, by, on, score)
{shown}:5:3: a decision must be a mapping (write '- pair: [a, b]' then 'decision:', 'by:' and 'on:')
""")


def test_blocking_keeps_word_order_initials_and_typos(mini_graph: Path) -> None:
    (mini_graph / "more.yaml").write_text("""\
uob:
  type: university
  name: UoB
  source: jobs-article
version-l:
  type: company
  name: Verson 1 Digital
  source: jobs-article
version-2:
  type: company
  name: Version 1 Digital
  source: jobs-article
""", encoding="utf-8")
    found = {(c.first, c.second): c.how for c in candidates(load_model(mini_graph))}
    assert found[("university-of-birmingham", "uob")] == (
        "one the initials of the other, and of no other name of its kind")
    assert found[("version-2", "version-l")] == "97% alike"


def test_a_typo_in_a_short_name_is_listed_and_common_initials_count_less(mini_graph: Path) -> None:
    names = {"kagool": "Kagool", "kagooe": "Kagooe", "qz": "QZ", "quiet-zebra": "Quiet Zebra",
             "quick-zone": "Quick Zone", "quill-zoo": "Quill Zoo", "xj": "XJ", "xeno-jam": "Xeno Jam",
             "yv": "YV", "yarrow-vale": "Yarrow Vale", "yew-valley": "Yew Valley", "wm": "WM",
             "west-moor": "West Moor"}
    places = {"wm", "west-moor"}  # initials are counted among names of one kind: 'West Moor' is a place
    (mini_graph / "orgs.yaml").write_text("".join(
        f"{key}:\n  type: {'city' if key in places else 'company'}\n  name: {name}\n  source: jobs-article\n"
        for key, name in {**names, "wexo-media": "Wexo Media", "wilt-mart": "Wilt Mart", "wren-mill": "Wren Mill",
                          "west-moor-ltd": "West Moor Ltd", "moor-west": "Moor West", "wm-co": "WM"}.items()),
        encoding="utf-8")
    found = {(c.first, c.second): (c.name, c.how) for c in candidates(load_model(mini_graph))}
    assert (round(found[("kagooe", "kagool")][0], 2), found[("kagooe", "kagool")][1]) == (0.83, "83% alike")
    assert found[("quiet-zebra", "qz")] == (0.8, "one the initials of the other, initials many names of its kind have")
    assert found[("xeno-jam", "xj")] == (0.95, "one the initials of the other, and of no other name of its kind")
    assert found[("yarrow-vale", "yv")] == (0.9, "one the initials of the other")
    assert found[("west-moor", "wm")] == (0.95, "one the initials of the other, and of no other name of its kind")
    assert found[("wexo-media", "wm-co")][0] == 0.8  # a company: 'Wexo Media', 'Wilt Mart', 'Wren Mill'...


def test_a_word_many_names_have_counts_for_little(mini_graph: Path) -> None:
    words = ["Quorvel", "Quorvex", "Zim", "Zam", *(f"Brand{letter}" for letter in "abcdefghijklmnop"),
             "West Midlands Bootcamps", "West Midlands Roadmap"]  # alike but for their unlike last words
    (mini_graph / "orgs.yaml").write_text("".join(
        f"{word.casefold().replace(' ', '-')}:\n  type: company\n  name: {word} Analytics\n  source: jobs-article\n"
        for word in words), encoding="utf-8")
    found = {(c.first, c.second): c.how for c in candidates(load_model(mini_graph))}
    assert found[("quorvel", "quorvex")] == "86% alike besides 'analytics', which many names have"
    assert ("zam", "zim") not in found
    assert ("west-midlands-bootcamps", "west-midlands-roadmap") not in found


def test_blocking_keeps_each_kind_of_variant_a_full_comparison_finds(mini_graph: Path) -> None:
    variants = {"Quorvelan Robotics": ["Quorvelan Robotiks", "Robotics Quorvelan", "Quorvlan Robotics",
                                       "Qoruvelan Robotics", "Quorvelan Robotics Ltd"],
                "Birmingham City Council": ["Birmingham Council"], "Tech Hub Midlands": ["TechHub Midlands"],
                "Innovate UK": ["Innovate Ue"],  # a letter changed in a suffix word: the word dropped
                "Xandrel": ["Xandrell", "Xandrol", "Xadrel"]}
    names = [name for base, others in variants.items() for name in (base, *others)]
    (mini_graph / "orgs.yaml").write_text("".join(
        f"org-{number}:\n  type: company\n  name: {name}\n  source: jobs-article\n"
        for number, name in enumerate(names)), encoding="utf-8")
    model = load_model(mini_graph)
    blocked, everything = name_matches(model), name_matches(model, exhaustive=True)
    assert set(blocked) <= set(everything)
    found = {(match[1], match[2]) for match in blocked.values()}
    assert all((base, other) in found or (other, base) in found
               for base, others in variants.items() for other in others)
    lost = {(match[1], match[2]) for pair, match in everything.items() if pair not in blocked}
    assert lost == {  # two typos apart: each is found with the name it varies
        ("Quorvelan Robotiks", "Quorvlan Robotics"), ("Quorvelan Robotiks", "Qoruvelan Robotics"),
        ("Quorvlan Robotics", "Qoruvelan Robotics"), ("Xandrell", "Xandrol"), ("Xandrell", "Xadrel")}


def _write(graph: Path, entries: list[tuple[str, str, str, list[str]]]) -> None:
    """Entities (id, type, name, facts as 'relation: object') into a fact file of `graph`."""
    text = ""
    for key, kind, name, facts in entries:
        text += f"{key}:\n  type: {kind}\n  name: {name}\n  source: jobs-article\n"
        text += "  facts:\n" + "".join(f"    - {fact}\n      source: jobs-article\n" for fact in facts) if facts else ""
    (graph / "scored.yaml").write_text(text, encoding="utf-8")


def test_the_score_weighs_the_type_and_how_rare_what_both_share_is(mini_graph: Path) -> None:
    fillers = [(f"filler-{number}", "company", f"Filler {number:03d} {'xq' * (number % 7)}", ["based-in: hubton"])
               for number in range(100)]
    _write(mini_graph, [
        ("quorvelan", "company", "Quorvelan Robotics", ["partners-with: zibbet"]),
        ("quorvelan-2", "company", "Quorvelan Robotiks", ["partners-with: zibbet"]),
        ("zibbet", "company", "Zibbet Sound", []), ("hubton", "city", "Hubton", []),
        ("pellick", "company", "Pellick Studios", ["based-in: hubton"]),
        ("pellik", "university", "Pellik Studios", ["based-in: hubton"]),
        ("dana", "person", "Dana Quorvel", []), ("dana-co", "company", "Dana Quorvel Ltd", []), *fillers])
    found = {(c.first, c.second): c for c in candidates(load_model(mini_graph))}
    assert [(found[pair].score, found[pair].reasons()) for pair in (
        ("quorvelan", "quorvelan-2"), ("pellick", "pellik"), ("dana", "dana-co"))] == [
        (0.87, "+0.57 names 94% alike; +0.10 same type (company); +0.20 shared neighbour: Zibbet Sound (2 links); "
               "+0.00 shared source: jobs-article (114 entities)"),
        (0.58, "+0.58 names 97% alike; +0.00 related types (company, university); "
               "+0.00 shared neighbour: Hubton (102 links); +0.00 shared source: jobs-article (114 entities)"),
        (0.4, "+0.60 names the same once case, punctuation and suffixes are set aside; "
              "-0.20 different kinds of thing (person, company); no shared neighbour; "
              "+0.00 shared source: jobs-article (114 entities)")]


def test_two_entities_linked_to_others_but_to_none_in_common_score_less(mini_graph: Path) -> None:
    _write(mini_graph, [("selvo", "company", "Selvo Robotics", ["partners-with: alder"]),
                        ("selvu", "company", "Selvu Robotics", ["partners-with: birch"]),
                        ("selvoo", "company", "Selvoo Robotics", []),
                        ("alder", "company", "Alder Works", []), ("birch", "company", "Birch Works", [])])
    found = {(c.first, c.second): c for c in candidates(load_model(mini_graph))}
    assert [(found[pair].score, found[pair].reasons()) for pair in (("selvo", "selvu"), ("selvo", "selvoo"))] == [
        (0.62, "+0.56 names 93% alike; +0.10 same type (company); -0.10 linked to others but to none in common; "
               "+0.06 shared source: jobs-article (11 entities)"),
        (0.74, "+0.58 names 97% alike; +0.10 same type (company); no shared neighbour; "
               "+0.06 shared source: jobs-article (11 entities)")]


def test_names_that_share_words_but_differ_in_the_rest_are_no_candidates(mini_graph: Path) -> None:
    _write(mini_graph, [("bootcamps", "initiative", "West Midlands Digital Bootcamps", []),
                        ("roadmap", "initiative", "West Midlands Digital Roadmap", []),  # 87% alike
                        ("wmdb", "initiative", "WMDB", []), ("wmdr", "initiative", "WMDR", []),
                        ("roadmap-2", "initiative", "West Midlands Digital Raodmap", []),
                        ("york", "university", "University of York", []),
                        ("york-2", "university", "University ef York", [])])  # a typo in a short word
    found = {(c.first, c.second): c.how for c in candidates(load_model(mini_graph))}
    assert found == {("roadmap", "roadmap-2"): "97% alike", ("york", "york-2"): "94% alike",
                     ("bootcamps", "wmdb"): "one the initials of the other, and of no other name of its kind",
                     ("roadmap", "wmdr"): "one the initials of the other",  # as of 'Raodmap'
                     ("roadmap-2", "wmdr"): "one the initials of the other"}
