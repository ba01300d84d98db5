"""`wmgraph import`: a CSV and an XLSX table into a fixture graph, re-imported edited, and tables full of mistakes."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from wmgraph.analysis.diff import diff_graphs
from wmgraph.analysis.profile import entity_profile
from wmgraph.cli.main import main
from wmgraph.model.checking import load_model
from wmgraph.rdf.mapping import model_triples
from wmgraph.rdf.terms import Literal

HEADER = ["Company", "Also known as", "Town", "Grant", "Awarded"]
ROWS = [["Acme Robotics Ltd", "Acme;AR", "Birmingham", "£1.2m", "01/03/2024"],
        ["Widget Labs", "", "Coventry", "250,000", "15/04/2024"]]
MAPPING = """\
source:
  id: council-grants-2024
  title: Council grants 2024
  date: 2024-05
sheets:
  {sheet}:
    entities:
      company:
        type: company
        id: "{{Company}}"
        name: "{{Company}}"
        aliases: {{column: Also known as, split: ";"}}
      town:
        type: city
        id: "{{Town}}"
        name: "{{Town}}"
    facts:
      - subject: company
        relation: based-in
        object: town
      - subject: company
        relation: investment
        qualifiers:
          amount: {{column: Grant}}
          date: {{column: Awarded, date-format: "%d/%m/%Y"}}
          kind: public
"""


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(f'"{cell}"' for cell in row) for row in [HEADER, *rows]) + "\n",
                    encoding="utf-8")
    return path


def _run(graph: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["import", "--graph", str(graph), *args])
    return result.exit_code, result.output


def _setup(tmp_path: Path, sheet: str = "grants") -> tuple[Path, Path]:
    mapping = tmp_path / "grants-map.yaml"
    mapping.write_text(MAPPING.format(sheet=sheet), encoding="utf-8")
    return _csv(tmp_path / "grants.csv", ROWS), mapping


def test_csv_import_writes_a_fact_file_that_validates(mini_graph: Path, tmp_path: Path) -> None:
    table, mapping = _setup(tmp_path)
    code, output = _run(mini_graph, str(table), "--mapping", str(mapping))
    assert code == 0, output
    assert output.splitlines()[-1].endswith("imports/council-grants-2024.yaml: 4 entities, 4 facts")
    assert "+ Acme Robotics Ltd investment: £1.2m, 2024-03-01, kind public" in output
    model = load_model(mini_graph)
    assert model.entities["acme-robotics-ltd"].aliases == ("Acme", "AR")
    fact = next(f for f in model.facts if f.key == "acme-robotics-ltd.investment.1")
    assert (fact.cell, fact.cell_text, fact.qualifier("amount")) == ("grants.csv#D2", "£1.2m", 1200000)
    assert "council-grants-2024" in model.entities["birmingham"].sources  # extended, not redefined
    line = entity_profile(model, "acme-robotics-ltd").sections[0][1][0]
    assert line.cell == 'grants.csv#D2 (written "£1.2m")'
    triples = set(model_triples(model))
    selector = "https://w3id.org/wmgraph/id/annotation/acme-robotics-ltd.investment.1.cell.selector"
    assert (selector, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value", Literal("cell=2,4")) in triples
    assert (selector, "http://purl.org/dc/terms/conformsTo", "http://tools.ietf.org/rfc/rfc7111") in triples


def test_xlsx_import_names_the_sheet_in_each_cell(mini_graph: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Grants 2024"
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    book.save(tmp_path / "grants.xlsx")
    mapping = _setup(tmp_path, sheet='"Grants 2024"')[1]
    code, output = _run(mini_graph, str(tmp_path / "grants.xlsx"), "--mapping", str(mapping))
    assert code == 0, output
    fact = next(f for f in load_model(mini_graph).facts if f.key == "widget-labs.based-in.coventry")
    assert fact.cell == "grants.xlsx#Grants 2024!C3"


def test_reimport_of_an_edited_table_changes_only_the_edit(mini_graph: Path, tmp_path: Path) -> None:
    table, mapping = _setup(tmp_path)
    assert _run(mini_graph, str(table), "--mapping", str(mapping))[0] == 0
    before = tmp_path / "before"
    os.system(f"cp -r {mini_graph} {before}")  # noqa: S605
    hand_written = (mini_graph / "organisations.yaml").read_text(encoding="utf-8")
    # rows swapped, Widget Labs's grant edited, a new row: keys, not row numbers, decide identity
    _csv(table, [["Widget Labs", "", "Coventry", "300k", "15/04/2024"], ROWS[0],
                 ["Gadget Co", "", "Birmingham", "", ""]])
    code, output = _run(mini_graph, str(table), "--mapping", str(mapping), "--dry-run")
    assert code == 0, output
    assert output == (
        "before -> after the import\n"
        "Entities: 1 added, 0 removed, 0 renamed, 0 changed\n"
        "+ Gadget Co (Company, gadget-co)\n"
        "Facts: 1 added, 0 removed, 1 changed\n"
        "+ Gadget Co based in Birmingham\n"
        "~ Widget Labs investment: £300,000, 2024-04-15, kind public\n"
        "    amount: 250000 -> 300000\n"
        f"would write {mini_graph / 'imports/council-grants-2024.yaml'}: 5 entities, 5 facts\n")
    assert diff_graphs(str(before), str(mini_graph), mini_graph).empty  # a dry run writes nothing
    assert _run(mini_graph, str(table), "--mapping", str(mapping))[0] == 0
    assert len(diff_graphs(str(before), str(mini_graph), mini_graph).facts_changed) == 1
    assert (mini_graph / "organisations.yaml").read_text(encoding="utf-8") == hand_written


def test_every_problem_of_a_table_at_once_and_nothing_written(mini_graph: Path, tmp_path: Path) -> None:
    table, mapping = _setup(tmp_path)
    _csv(table, [["Acme Robotics Ltd", "", "Birmingham", "lots", "2024-03-01"],
                 ["", "", "Coventry", "5", "01/03/2024"],
                 ["Acme Robotics Ltd", "", "Birmingham", "7", "31/02/2024"],
                 ["Birmingham University", "", "Birmingham", "8", "01/03/2024"]])
    code, output = _run(mini_graph, str(table), "--mapping", str(mapping))
    assert code == 1
    assert output == (
        "Error: 6 problems found in grants.csv; nothing was written:\n"
        "grants.csv:grants:2:D: 'lots' in column 'Grant' is not an amount of money like 1200000, 1,200,000, "
        "£1.2m or 250k (correct the cell: 'amount' needs an amount of money like 1200000, 1,200,000, £1.2m or 250k)\n"
        "grants.csv:grants:2:E: '2024-03-01' in column 'Awarded' is not a date written as '%d/%m/%Y' "
        "(correct the cell: 'date' needs a date written as '%d/%m/%Y')\n"
        "grants.csv:grants:3:A: the key of 'company' is empty (fill in the cell, or delete the row)\n"
        "grants.csv:grants:4:A: the key 'Acme Robotics Ltd' is used twice (row 2 too) "
        "(give each row its own key, or join the two rows)\n"
        "grants.csv:grants:4:E: '31/02/2024' in column 'Awarded' is not a real date (February 2024 has 29 days) "
        "(correct the cell: 'date' needs a date that exists)\n"
        "grants.csv:grants:5:A: 'Birmingham University' is the name of the existing entity "
        "'university-of-birmingham', not 'birmingham-university' (write 'match: name' on entity 'company' "
        "in the mapping to use it, or give this one another name)\n")
    assert not (mini_graph / "imports").exists()


def test_mapping_mistakes_are_located_in_the_mapping_file(mini_graph: Path, tmp_path: Path) -> None:
    table, mapping = _setup(tmp_path)
    text = MAPPING.format(sheet="grants").replace("type: city", "type: citty").replace(
        "relation: based-in", "relation: based").replace("column: Grant}", "column: Grnat}").replace(
        "id: \"{Town}\"", "id: \"{Twon}\"")
    mapping.write_text(text.replace("  date: 2024-05\n", "  date: 2024-05\n  colour: red\n"), encoding="utf-8")
    code, output = _run(mini_graph, str(table), "--mapping", str(mapping))
    shown = str(mapping)
    columns = "(its columns: Company, Also known as, Town, Grant, Awarded)"
    assert (code, output) == (1, (
        f"Error: 5 problems found in {shown}; nothing was written:\n"
        f"{shown}:5:3: unknown key 'colour' in 'source' (one of: id, title, publisher, date, url, note)\n"
        f"{shown}:15:9: entity 'town' needs a known 'type', got 'citty' (did you mean 'city'?)\n"
        f"{shown}:16:9: no column 'Twon' in grants.csv:grants {columns}\n"
        f"{shown}:20:9: unknown relation 'based' (did you mean 'based-in'?)\n"
        f"{shown}:25:11: no column 'Grnat' in grants.csv:grants {columns}\n"))
    mapping.write_text(MAPPING.format(sheet="grants").replace("type: city", "type: town"), encoding="utf-8")
    assert _run(mini_graph, str(table), "--mapping", str(mapping)) == (1, (
        f"Error: 1 problem found in {shown}; nothing was written:\n"
        f"{shown}:14:9: entity 'town' needs a known 'type', got 'town' (did you mean 'city', labelled "
        "'City or town'?)\n"))
    mapping.write_text(MAPPING.format(sheet="grants").replace("column: Grant}", "column: Grnat}"), encoding="utf-8")
    assert _run(mini_graph, str(table), "--mapping", str(mapping)) == (1, (
        f"Error: 1 problem found in grants.csv; nothing was written:\n"
        f"{shown}:24:11: no column 'Grnat' in grants.csv:grants (its columns: Company, Also known as, Town, "
        "Grant, Awarded)\n"))


def test_the_file_written_must_be_a_fact_file_of_the_graph(mini_graph: Path, tmp_path: Path) -> None:
    table, mapping = _setup(tmp_path)
    for file in ("sources.yaml", "drafts/grants.yaml", ".hidden/grants.yaml", "/tmp/grants.yaml", "../grants.yaml"):
        mapping.write_text(f"file: {file}\n" + MAPPING.format(sheet="grants"), encoding="utf-8")
        assert _run(mini_graph, str(table), "--mapping", str(mapping)) == (1, (
            f"Error: 1 problem found in {mapping}; nothing was written:\n"
            f"{mapping}:1:1: 'file' must be a fact file's .yaml path inside the graph, got '{file}' (a path such as "
            "imports/council-grants-2024.yaml, not in drafts/ or a hidden folder, nor one of vocabulary.yaml, "
            "sources.yaml, coverage.yaml, decisions.yaml)\n")), file
    assert not (mini_graph / "drafts").exists() and not (tmp_path / "grants.yaml").exists()


def test_a_cell_the_fact_file_cannot_hold_is_refused_and_nothing_written(mini_graph: Path, tmp_path: Path) -> None:
    table, mapping = _setup(tmp_path)
    _csv(table, [["Acme\tRobotics", "Acme;A\x1bB", "Birmingham", "5", "01/03/2024"],
                 ["Widget Labs", "", "Cov\u2028entry", "5\x07", "01/03/2024"]])
    sources = (mini_graph / "sources.yaml").read_text(encoding="utf-8")
    hint = "(correct the cell: a fact file's values are one line, without control characters)"
    assert _run(mini_graph, str(table), "--mapping", str(mapping)) == (1, (
        "Error: 5 problems found in grants.csv; nothing was written:\n"
        f"grants.csv:grants:2:A: the cell in column 'Company': a one-line value may not hold a tab (U+0009) {hint}\n"
        "grants.csv:grants:2:B: the cell in column 'Also known as': a value may not hold an escape character "
        f"(U+001B) {hint}\n"
        "grants.csv:grants:3:C: the cell in column 'Town': a value may not hold a line separator (U+2028) "
        f"{hint}\n"
        "grants.csv:grants:3:D: '5\\x07' in column 'Grant' is not an amount of money like 1200000, 1,200,000, £1.2m or "
        "250k (correct the cell: 'amount' needs an amount of money like 1200000, 1,200,000, £1.2m or 250k)\n"
        "grants.csv:grants:3:D: the cell in column 'Grant': a value may not hold a control character (U+0007) "
        f"{hint}\n"))
    assert not (mini_graph / "imports").exists()
    assert (mini_graph / "sources.yaml").read_text(encoding="utf-8") == sources
