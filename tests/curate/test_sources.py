"""add-source: an article stored verbatim, its header moved into sources.yaml, or one message and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wmgraph.cli.main import main
from wmgraph.model.checking import load_model

ARTICLE = """title: Two programmes extended
date: 2024-11-17
note: written for testing

Two programmes extended

Made Smarter has helped almost 450 firms, the WMCA said.
"""


def run(graph: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["add-source", "--graph", str(graph), *args])
    return result.exit_code, result.output


def snapshot(graph: Path) -> dict[str, bytes]:
    return {str(p.relative_to(graph)): p.read_bytes() for p in sorted(graph.rglob("*")) if p.is_file()}


def test_header_moves_into_sources_and_the_text_is_stored_verbatim(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    before = (mini_graph / "sources.yaml").read_text()
    code, output = run(mini_graph, str(article), "--id", "bns-2024", "--publisher", "BNS: Global News")
    assert code == 0, output
    assert output == (
        "added source 'bns-2024': Two programmes extended\n"
        f"  text: {mini_graph / 'texts' / 'bns-2024.txt'}\n"
        "  header of 3 lines moved into sources.yaml, with the blank line ending it\n"
        "next: wmgraph draft bns-2024\n"
    )
    assert (mini_graph / "texts" / "bns-2024.txt").read_text() == ARTICLE.split("\n\n", 1)[1]
    after = (mini_graph / "sources.yaml").read_text()
    assert after.startswith(before)
    assert after[len(before):] == (
        "\nbns-2024:\n"
        "  title: Two programmes extended\n"
        '  publisher: "BNS: Global News"\n'
        '  date: "2024-11-17"\n'
        "  text: texts/bns-2024.txt\n"
        "  note: written for testing\n"
    )
    source = load_model(mini_graph).sources["bns-2024"]
    assert source.title == "Two programmes extended"
    assert source.publisher == "BNS: Global News"


def test_an_unknown_date_is_recorded_and_validates_without_warning(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("title: Undated\ndate: unknown\n\nBody text.\n")
    assert run(mini_graph, str(article), "--id", "undated")[0] == 0
    assert "  date: unknown\n" in (mini_graph / "sources.yaml").read_text().split("undated:", 1)[1]
    source = load_model(mini_graph).sources["undated"]
    assert (source.date, source.date_unknown) == ("", True)
    result = CliRunner().invoke(main, ["validate", "--graph", str(mini_graph)])
    assert "undated" not in result.output, result.output


def test_a_file_without_header_needs_a_title(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("title of the piece is unknown\n\nBody.\n")
    before = snapshot(mini_graph)
    code, output = run(mini_graph, str(article), "--id", "plain")
    assert (code, output) == (1, f"Error: {article}: no title: give --title or a 'title:' header line "
                                 "(nothing was added)\n")
    code, output = run(mini_graph, str(article), "--id", "plain", "--title", "Plain")
    assert code == 0
    assert (mini_graph / "texts" / "plain.txt").read_text() == "title of the piece is unknown\n\nBody.\n"
    assert set(snapshot(mini_graph)) - set(before) == {"texts/plain.txt"}


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty: nothing was added"),
    (b"  \n\n", "is empty: nothing was added"),
    (b"title: x\n\n", "has no text after its header: nothing was added"),
    (b"abc\x00def", "holds binary data (a NUL byte at offset 3): give a plain text file (nothing was added)"),
])
def test_what_cannot_be_stored_faithfully_is_refused(mini_graph: Path, tmp_path: Path, content: bytes,
                                                     message: str) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(content)
    before = snapshot(mini_graph)
    assert run(mini_graph, str(article), "--id", "new-one", "--title", "T") == (1, f"Error: {article}: {message}\n")
    assert snapshot(mini_graph) == before


def test_not_utf8_is_refused_with_its_place(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes("title: Caf\u00e9\n\nna\u00efve\n".encode("latin-1"))
    before = snapshot(mini_graph)
    assert run(mini_graph, str(article), "--id", "latin") == (
        1, f"Error: {article}:1:11: not valid UTF-8 (byte 0xe9): save the file as UTF-8 and add it again "
           "(nothing was added)\n")
    assert snapshot(mini_graph) == before


def test_an_existing_id_is_refused(mini_graph: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    before = snapshot(mini_graph)
    assert run(mini_graph, str(article), "--id", "jobs-article") == (
        1, "Error: source 'jobs-article' exists already in graph/sources.yaml: choose another --id "
           "(nothing was added)\n")
    assert run(mini_graph, str(article), "--id", "Bad Id") == (
        1, "Error: source id 'Bad Id' must be a slug like 'techuk-2022' (lower-case letters, digits and "
           "single hyphens): nothing was added\n")
    assert run(mini_graph, str(article), "--id", "x", "--date", "2024-13") == (
        1, f"Error: {article}: date '2024-13' has no month 13: give --date like 2024-11-17, or 'unknown' "
           "(nothing was added)\n")
    assert snapshot(mini_graph) == before
