"""Every validation message, each from a bad fact file of its own, plus the loader's refusals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.errors import ValidationError
from wmgraph.load import yamlfile
from wmgraph.model.checking import check_date, load_model

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
CASES = sorted(BAD.glob("*.yaml"))
VOCABULARY_CASES = sorted((BAD / "vocabulary").glob("*.yaml"))  # each a whole vocabulary, in a graph of its own
SOURCES_CASES = sorted((BAD / "sources").glob("*.yaml"))  # each the sources file of the mini graph
CLAIM_CASES = sorted((BAD / "claims").glob("*.yaml"))  # each a fact file, in the mini graph with the seed vocabulary
SEED_VOCABULARY = Path(__file__).resolve().parents[1] / "data" / "seed" / "vocabulary.yaml"
READER_CASES = {"yaml-syntax", "duplicate-key", "anchors", "anchor-only", "deep-nesting", "huge-integer", "tag-int",
                "tag-bool", "tag-map-on-list", "tag-not-used", "raw-control", "escaped-control", "tab-in-one-line",
                "second-document", "mapping-key"}  # refused whole by the reader


def expected_lines(case: Path) -> list[str]:
    """The problems a bad file announces in its `# expect:` header lines."""
    prefix = "# expect: "
    return [line[len(prefix):] for line in case.read_text().splitlines() if line.startswith(prefix)]


def validate(graph: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", "--graph", str(graph.name)])
    return result.exit_code, result.output


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_fact_file_reports_exact_problems(case: Path, mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / case.name).write_bytes(case.read_bytes())
    code, output = validate(mini_graph)
    expected = expected_lines(case)
    assert expected, f"{case.name} has no '# expect:' lines"
    noun = "problem" if len(expected) == 1 else "problems"
    assert code == 1
    assert output == f"Error: {len(expected)} {noun} found in the fact files:\n" + "\n".join(expected) + "\n"


def assert_reports_exactly(case: Path, graph: Path) -> None:
    code, output = validate(graph)
    expected = expected_lines(case)
    assert expected, f"{case.name} has no '# expect:' lines"
    noun = "problem" if len(expected) == 1 else "problems"
    header = f"Error: {len(expected)} {noun} found in the fact files:\n"
    assert (code, output) == (1, header + "\n".join(expected) + "\n")


@pytest.mark.parametrize("case", VOCABULARY_CASES, ids=[c.stem for c in VOCABULARY_CASES])
def test_bad_vocabulary_reports_exact_problems(case: Path, in_tmp: Path) -> None:
    graph = in_tmp / "graph"
    graph.mkdir()
    (graph / "vocabulary.yaml").write_bytes(case.read_bytes())
    assert_reports_exactly(case, graph)


@pytest.mark.parametrize("case", SOURCES_CASES, ids=[c.stem for c in SOURCES_CASES])
def test_bad_sources_file_reports_exact_problems(case: Path, mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "sources.yaml").write_bytes(case.read_bytes())
    assert_reports_exactly(case, mini_graph)


@pytest.mark.parametrize("case", CLAIM_CASES, ids=[c.stem for c in CLAIM_CASES])
def test_bad_claim_reports_exact_problems(case: Path, mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "vocabulary.yaml").write_bytes(SEED_VOCABULARY.read_bytes())
    (mini_graph / case.name).write_bytes(case.read_bytes())
    assert_reports_exactly(case, mini_graph)


def test_a_claim_without_status_takes_its_default_and_a_quote_keeps_the_texts_words(
        mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "vocabulary.yaml").write_bytes(SEED_VOCABULARY.read_bytes())
    (mini_graph / "organisations.yaml").write_text(
        (mini_graph / "organisations.yaml").read_text().replace(
            "      duration: P3Y\n", "      duration: P3Y\n      quote: \"Primacy’s  establishment in\n"
            "        birmingham last year\"\n      quote-case: ignore\n"))
    pledge = next(f for f in load_model(mini_graph).facts if f.relation == "pledges-jobs")
    assert (pledge.status, pledge.status_date) == ("pledged", "")
    assert pledge.quote == "Primacy's establishment in Birmingham last year"


def test_a_stored_text_that_is_not_utf8_is_refused(mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "texts" / "jobs-article.txt").write_bytes(b"Caf\xe9")
    assert validate(mini_graph) == (1, "Error: 1 problem found in the fact files:\n"
                                       "graph/sources.yaml:5:3: stored text 'texts/jobs-article.txt' is not valid "
                                       "UTF-8 (byte 3) (store the source's text there as UTF-8, or correct the path)\n")


def test_all_problems_are_reported_at_once(mini_graph: Path, in_tmp: Path) -> None:
    for case in CASES:
        if case.stem not in READER_CASES:  # a file the reader refuses holds back 'unknown entity' knock-ons
            (mini_graph / case.name).write_bytes(case.read_bytes())
    with pytest.raises(ValidationError) as caught:
        load_model(mini_graph)
    files = {p.file for p in caught.value.problems}
    assert len(files) >= 10
    assert caught.value.problems == sorted(caught.value.problems)


def test_valid_graph_passes(mini_graph: Path, in_tmp: Path) -> None:
    assert validate(mini_graph) == (0, "graph is valid: 6 entities, 6 facts, 2 sources.\n")


def test_non_utf8_file_is_refused(mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "latin1.yaml").write_bytes(b"kagool:\n  type: company\n  name: Caf\xe9\n")
    code, output = validate(mini_graph)
    assert code == 1
    assert "graph/latin1.yaml:3:12: not valid UTF-8 (byte 0xe9) (save the file as UTF-8)" in output


def test_huge_file_is_refused(mini_graph: Path, in_tmp: Path) -> None:
    size = yamlfile.MAX_FILE_BYTES + 10
    (mini_graph / "huge.yaml").write_bytes(b"#" * (size - 1) + b"\n")
    code, output = validate(mini_graph)
    assert code == 1
    limit = yamlfile.MAX_FILE_BYTES
    assert f"graph/huge.yaml:1:1: file is {size:,} bytes, over the {limit:,}-byte limit" in output


def test_symlink_out_of_graph_is_refused(mini_graph: Path, in_tmp: Path) -> None:
    outside = in_tmp / "elsewhere.yaml"
    outside.write_text("kagool:\n  type: company\n  name: Kagool\n  source: jobs-article\n")
    os.symlink(outside, mini_graph / "linked.yaml")
    code, output = validate(mini_graph)
    assert code == 1
    assert f"graph/linked.yaml:1:1: symbolic link points outside the graph folder (to {outside})" in output


def test_symlink_inside_graph_is_followed(mini_graph: Path, in_tmp: Path) -> None:
    (mini_graph / "more").mkdir()
    (mini_graph / "more" / "kagool.yaml").write_text(
        "kagool:\n  type: company\n  name: Kagool\n  source: jobs-article\n")
    os.symlink(mini_graph / "more", mini_graph / "again")
    assert validate(mini_graph) == (0, "graph is valid: 7 entities, 6 facts, 2 sources.\n")


def test_missing_graph_folder_is_a_clear_error(in_tmp: Path) -> None:
    code, output = validate(in_tmp / "nowhere")
    assert (code, output) == (1, "Error: graph folder 'nowhere' does not exist (use --graph DIR)\n")


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(main, ["validate", "--nonsense"])
    assert result.exit_code == 2
    assert "No such option '--nonsense'" in result.output


@pytest.mark.parametrize("value,expected", [
    ("2024-02-29", ("2024-02-29", "")),
    ("2023-02-29", ("", "'2023-02-29' is not a real date (February 2023 has 28 days)")),
    (2026, ("2026", "")),
    ("2023-10", ("2023-10", "")),
    ("23-10-2023", ("", "'23-10-2023' is not a date like 2023, 2023-10 or 2023-10-19")),
])
def test_check_date(value: object, expected: tuple[str, str]) -> None:
    assert check_date(value) == expected


def test_vocabulary_problems_are_located(mini_graph: Path, in_tmp: Path) -> None:
    vocabulary = mini_graph / "vocabulary.yaml"
    text = vocabulary.read_text().replace("property: org:holds", "property: nope:holds", 1)
    vocabulary.write_text(text.replace("datatype: date\n", "datatype: day\n", 1))
    code, output = validate(mini_graph)
    assert code == 1
    assert "unknown datatype 'day'" in output
    assert "'nope:holds' is not prefix:Name with a declared prefix" in output
    assert output.count("graph/vocabulary.yaml:") == 2


def test_only_a_relation_between_two_entities_can_be_symmetric_or_reverse(mini_graph: Path, in_tmp: Path) -> None:
    vocabulary = mini_graph / "vocabulary.yaml"
    text = vocabulary.read_text()
    vocabulary.write_text(text.replace("    property: wm:sector\n", "    property: wm:sector\n    symmetric: true\n", 1)
                          .replace("    property: wm:quote\n", "    property: wm:quote\n    reverse: true\n", 1))
    code, output = validate(mini_graph)
    assert code == 1
    line = vocabulary.read_text().splitlines().index("    property: wm:sector") + 2  # the line after it
    assert (f"graph/vocabulary.yaml:{line}:5: relation 'sector' is symmetric but its object is text (only a "
            "relation between two entities can be symmetric: give it 'object:' entity types, or remove "
            "'symmetric')") in output
    assert "relation 'said' is reverse but its object is text" in output


def test_a_graph_folder_that_is_a_file_is_a_clear_error(in_tmp: Path) -> None:
    (in_tmp / "sources.yaml").write_text("a: 1\n")
    code, output = validate(in_tmp / "sources.yaml")
    assert (code, output) == (1, "Error: graph folder 'sources.yaml' is a file, not a folder (give --graph the "
                                 "folder holding the fact files)\n")
