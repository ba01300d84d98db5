"""`wmgraph query` and `wmgraph queries` through click's CliRunner, with exact expected output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from wmgraph.building import build, graph_data
from wmgraph.cli.main import main

from ..conftest import MINI

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def here(in_tmp: Path) -> Path:
    """A working folder holding graph/ (the mini graph) and queries/ (the real library)."""
    shutil.copytree(MINI, in_tmp / "graph")
    shutil.copytree(ROOT / "queries", in_tmp / "queries")
    return in_tmp


def usage(message: str) -> str:
    """What click prints for a usage error of `wmgraph query` (exit 2)."""
    return f"Usage: main query [OPTIONS] [QUERY]\nTry 'main query --help' for help.\n\nError: {message}\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output_bytes.decode("utf-8")  # raw bytes: CSV lines end in CRLF


def test_library_query_as_table(here: Path) -> None:
    code, output = run("query", "jobs-by-company", "--format", "table")
    assert code == 0
    assert output == (
        "organisation   name       place       jobs  approx  within  by  status   since\n"
        "-------------  ---------  ----------  ----  ------  ------  --  -------  -----\n"
        "ent:version-1  Version 1  Birmingham   500          P3Y         pledged\n"
        "-------------  ---------  ----------  ----  ------  ------  --  -------  -----\n"
        "TOTAL                                  500\n"
        "(1 row)\n"
    )


def test_csv_is_the_default_off_a_terminal(here: Path) -> None:
    code, output = run("query", "jobs-by-company")
    assert code == 0
    assert output == (
        "organisation,name,place,jobs,approx,within,by,status,since\r\n"
        "https://w3id.org/wmgraph/id/version-1,Version 1,Birmingham,500,,P3Y,,pledged,\r\n"
    )  # no TOTAL row: a spreadsheet's SUM must not count it twice


def test_param_query_in_tsv(here: Path) -> None:
    code, output = run("query", "mayors", "--as-of", "2023-10-19", "--format", "tsv")
    assert code == 0
    assert output == ('?holder\t?name\t?start\t?end\t?sources\n'
                      '<https://w3id.org/wmgraph/id/andy-street>\t"Andy Street"@en\t\t\t"jobs-article"\n')
    empty = (0, "holder,name,start,end,sources\r\n")
    assert run("query", "mayors", "--param", "as_of=2016", "--format", "csv") == empty


def test_ask_exits_as_grep_does(here: Path) -> None:
    """0 yes, 1 no, 2 an error: a script can tell "no" from a failure."""
    assert run("query", "-e", "ASK { ent:andy-street org:holds ent:mayor-of-the-west-midlands }") == (0, "yes\n")
    assert run("query", "-e", "ASK { ent:andy-street org:holds ent:birmingham }") == (1, "no\n")
    code, output = run("query", "-e", "ASK { ent:andy-street nope:holds ?x }")
    assert code == 2 and output.startswith("Error: syntax error")


def test_syntax_error_shows_line_column_and_text(here: Path) -> None:
    code, output = run("query", "-e", "SELECT ?x\nWHERE { ?x nope:name ?n }")
    assert code == 2
    assert output == (
        "Error: syntax error in query '-e' at line 2, column 21 near 'nope:name': prefix not found\n"
        "  2 | WHERE { ?x nope:name ?n }\n"
        "    |                     ^\n"
    )


def test_syntax_error_in_a_file_names_the_file(here: Path) -> None:
    Path("broken.rq").write_text("# A broken query.\nSELECT ?x WHERE {\n  ?x schema:name ?n .\n  FILTER(\n}\n")
    code, output = run("query", "broken.rq")
    assert code == 2
    assert output.startswith("Error: syntax error in query 'broken' at broken.rq:6:1 (at the end of the query): ")
    assert output.endswith("\n  5 | }\n")


def test_unknown_query_lists_the_library(here: Path) -> None:
    code, output = run("query", "mayor")
    assert code == 2
    assert output == usage("no query named 'mayor' in queries/ (available: about, connections, entities, "
                      "foreign-companies, funding, initiatives, jobs-by-company, jobs-by-place, mayors, partners, "
                      "people-at, stated-counts, unsourced)")


def test_missing_parameter_is_named(here: Path) -> None:
    assert run("query", "partners") == (
        2, usage("query 'partners' needs parameter 'org' (entity): add --param org=VALUE"))


def test_bad_parameters(here: Path) -> None:
    assert run("query", "partners", "--param", "org=univ-of-birmingham") == (
        2, usage("parameter 'org': no entity 'univ-of-birmingham' in the graph "
                 "(did you mean university-of-birmingham, birmingham?)"))
    assert run("query", "mayors", "--as-of", "2023-13") == (2, usage("parameter 'as_of': '2023-13' has no month 13"))
    assert run("query", "jobs-by-place", "--as-of", "2023") == (
        2, usage("query 'jobs-by-place' has no parameter 'as_of' (it takes: no parameters)"))
    code, output = run("query", "-e", "SELECT * { ?s ?p ?o }", "--param", "x=1")
    assert (code, output) == (2, usage("parameter 'x' is not a variable of the query (no ?x in it)"))
    both = usage("give either a query name or file, or -e TEXT, not both")
    assert run("query", "mayors", "-e", "ASK {}") == (2, both)
    assert run("query") == (2, usage("give a query: a name from the library, a .rq file, or -e 'SELECT ...'"))
    code, output = run("query", "mayors", "--param", "noequals")
    assert code == 2 and "'noequals' is not NAME=VALUE" in output


def test_values_are_bound_not_pasted(here: Path) -> None:
    """A value full of SPARQL syntax stays one literal: it matches nothing and breaks nothing."""
    sneaky = '" } UNION { ?s ?p ?o } #'
    code, output = run("query", "-e", "SELECT ?s WHERE { ?s schema:name ?name }", "--param", f"name={sneaky}")
    assert (code, output) == (0, "s\r\n")
    # names are English text ("Version 1"@en) and a parameter is a plain string: compare the text
    code, output = run("query", "-e", "SELECT ?s WHERE { ?s schema:name ?n FILTER(STR(?n) = ?name) }", "--param",
                       "name=Version 1")
    assert (code, output) == (0, "s\r\nhttps://w3id.org/wmgraph/id/version-1\r\n")


def test_construct_as_ntriples_and_format_mismatch(here: Path) -> None:
    code, output = run("query", "-e", "CONSTRUCT WHERE { ent:birmingham schema:name ?n }", "--format", "nt")
    assert (code, output) == (
        0, '<https://w3id.org/wmgraph/id/birmingham> <https://schema.org/name> "Birmingham"@en .\n')
    assert run("query", "jobs-by-place", "--format", "turtle") == (
        2, "Error: --format turtle is for CONSTRUCT and DESCRIBE queries; use table, csv, tsv or json\n")


def test_queries_lists_the_library(in_tmp: Path) -> None:
    Path("queries").mkdir()
    Path("queries/who.rq").write_text("# Who holds a post.\n#\n# @param post entity  The post.\n"
                                      "# @param as_of date?  The date.\nSELECT * { ?p org:holds ?post }\n")
    Path("queries/all.rq").write_text("# Every triple.\n# @param limit integer=10  How many.\nSELECT * { ?s ?p ?o }\n")
    assert run("queries") == (0, (
        "all  Every triple.\n"
        "       --param limit=... (integer, default 10) How many.\n"
        "who  Who holds a post.\n"
        "       --param post=... (entity) The post.\n"
        "       --param as_of=... (date, optional) The date.\n"
    ))


def test_queries_from_a_missing_folder_is_a_usage_error(in_tmp: Path) -> None:
    message = "no folder 'nowhere': --queries names the folder of the query library (its .rq files)"
    assert run("queries", "--queries", "nowhere") == (2, (
        "Usage: main queries [OPTIONS]\nTry 'main queries --help' for help.\n\n"
        f"Error: {message}\n"))
    assert run("query", "--queries", "nowhere", "mayors") == (2, usage(message))


def test_the_table_escapes_what_a_terminal_would_obey(here: Path) -> None:
    """A literal holding an OSC sequence (it would retitle the window) is shown escaped, as `show` does."""
    text = 'SELECT ?name WHERE { BIND("Evil\\u001b]0;owned\\u0007 Ltd" AS ?name) }'
    assert run("query", "-e", text, "--format", "table") == (0, (
        "name\n"
        "------------------------\n"
        "Evil\\x1b]0;owned\\x07 Ltd\n"
        "(1 row)\n"))
    assert run("query", "-e", text, "--format", "csv") == (0, "name\r\nEvil\x1b]0;owned\x07 Ltd\r\n")  # data kept


def test_the_table_shows_a_list_one_item_a_line_with_semicolons(here: Path) -> None:
    text = 'SELECT ?via WHERE { BIND("Arts Council\\nCulture, Department for Digital" AS ?via) }'
    assert run("query", "-e", text, "--format", "table") == (0, (
        "via\n"
        "---------------------------------------------\n"
        "Arts Council; Culture, Department for Digital\n"
        "(1 row)\n"))


def test_fresh_output_is_reused_and_stale_output_is_not(here: Path) -> None:
    build(Path("graph"), Path("output"))
    nt = Path("output/wmgraph.nt")
    assert graph_data(Path("graph"), Path("output"), "nt") == (nt.read_bytes(), str(nt))
    nt.write_text(nt.read_text().replace('"Version 1"', '"Version One"'))  # not what the stamp records
    assert run("query", "-e", "SELECT ?n { ent:version-1 schema:name ?n }")[1] == "n\r\nVersion 1\r\n"
    build(Path("graph"), Path("output"))
    assert graph_data(Path("graph"), Path("output"), "nt")[1] == str(nt)
    with Path("graph/organisations.yaml").open("a") as stream:
        stream.write("# an edit makes the stamp stale\n")
    assert graph_data(Path("graph"), Path("output"), "nt")[1].endswith("(built in memory)")




def test_machine_formats_carry_only_data_rows(here: Path) -> None:
    """The table's footer sums the @total columns; CSV, TSV, JSON and XML hold the rows alone."""
    assert run("query", "jobs-by-place", "--format", "table") == (0, (
        "place           name        pledges  jobs  statuses\n"
        "--------------  ----------  -------  ----  --------\n"
        "ent:birmingham  Birmingham        1   500  pledged\n"
        "--------------  ----------  -------  ----  --------\n"
        "TOTAL                             1   500\n"
        "(1 row)\n"))
    for fmt in ("csv", "tsv", "json", "xml"):
        code, output = run("query", "jobs-by-place", "--format", fmt)
        assert code == 0 and "TOTAL" not in output


def test_xml_results(here: Path) -> None:
    """SPARQL Query Results XML, read back by pyoxigraph."""
    code, output = run("query", "mayors", "--as-of", "2023-10-19", "--format", "xml")
    assert (code, output) == (0, (
        '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
        '<variable name="holder"/><variable name="name"/><variable name="start"/><variable name="end"/>'
        '<variable name="sources"/></head><results><result><binding name="holder">'
        '<uri>https://w3id.org/wmgraph/id/andy-street</uri></binding><binding name="name"><literal xml:lang="en">'
        'Andy Street</literal></binding><binding name="sources"><literal>jobs-article</literal></binding></result>'
        '</results></sparql>\n'))
    parsed = pyoxigraph.parse_query_results(output.encode(), format=pyoxigraph.QueryResultsFormat.XML)
    assert isinstance(parsed, pyoxigraph.QuerySolutions) and len(list(parsed)) == 1
    assert run("query", "-e", "ASK { ?s ?p ?o }", "--format", "xml") == (0, (
        '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head></head>'
        '<boolean>true</boolean></sparql>\n'))
    code, output = run("query", "-e", "CONSTRUCT WHERE { ?s schema:name ?n }", "--format", "xml")
    assert (code, output) == (2, "Error: --format xml is for SELECT queries; a CONSTRUCT or DESCRIBE gives --format "
                                 "turtle, nt or table\n")


def test_csv_and_tsv_follow_the_sparql_specs(here: Path) -> None:
    """Quoted fields and CRLF in CSV; N-Triples terms (numbers bare, as Turtle allows) in TSV."""
    text = 'SELECT ?n ?jobs WHERE { BIND("a, \\"b\\"" AS ?n) BIND(500 AS ?jobs) }'
    assert run("query", "-e", text, "--format", "csv") == (0, 'n,jobs\r\n"a, ""b""",500\r\n')
    assert run("query", "-e", text, "--format", "tsv") == (0, '?n\t?jobs\n"a, \\"b\\""\t500\n')


def test_an_ask_answering_no_exits_1_in_every_format(here: Path) -> None:
    for fmt in ("table", "json", "xml"):
        code, _ = run("query", "-e", "ASK { ent:birmingham org:holds ?post }", "--format", fmt)
        assert code == 1


def test_messages_never_carry_terminal_controls(here: Path) -> None:
    """A query's text is quoted in syntax errors: an escape sequence in it must not reach the terminal."""
    code, output = run("query", "-e", "SELECT ?x WHERE { ?x \x1b]0;owned\x07 ?n }")
    assert code == 2 and output.startswith("Error: syntax error")
    assert "\x1b" not in output and "\x07" not in output
