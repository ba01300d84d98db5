"""The query library in `queries/`: find a query, read its header, and turn parameters into RDF terms.

A library query starts with a comment header:

    # Who held a post, and when; with as_of, who held it on that date.
    #
    # @param post entity=mayor-of-the-west-midlands  The post (an entity id).
    # @param as_of date?  The date to ask about (YYYY, YYYY-MM or YYYY-MM-DD).

The first comment line is the description; `@param NAME TYPE` declares a parameter, where
TYPE ends in `?` when it may be left out and `=VALUE` gives a default; `@total VAR...` names
numeric columns the table format sums in its footer (machine formats carry only the rows,
so a spreadsheet's SUM never counts a total twice). A query given as a
file or inline text has no declared parameters: any `--param` must name one of its variables,
and its value's type is guessed from its spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

from ..errors import QueryError, QueryUsageError
from ..model.checking import check_date
from ..rdf.mapping import date_literal
from ..rdf.terms import XSD
from .answers import Term, literal
from .text import blank_out, top_level_braces

QUERY_DIR = Path("queries")
TYPES = ("entity", "iri", "date", "integer", "decimal", "string")
_TOTAL = re.compile(r"^@total((?:\s+[A-Za-z_][A-Za-z0-9_]*)+)\s*$")
_PARAM = re.compile(r"^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([a-z]+)(\?|=(\S+))?\s*(.*)$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PREFIXED = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)?:([A-Za-z0-9_][A-Za-z0-9_./-]*)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Parameter:
    """A declared query parameter."""

    name: str
    type: str
    required: bool = True
    default: str | None = None
    description: str = ""


@dataclass
class Query:
    """A query's text and what its header declares (params is None for undeclared queries)."""

    name: str
    text: str
    description: str = ""
    params: dict[str, Parameter] | None = None
    path: Path | None = None
    header_lines: int = 0
    variables: set[str] = field(default_factory=set)
    totals: tuple[str, ...] = ()


def parse_header(name: str, text: str, path: Path | None = None) -> Query:
    """Read the comment header of a library query."""
    description = ""
    params: dict[str, Parameter] = {}
    totals: tuple[str, ...] = ()
    header_lines = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        header_lines = number
        body = stripped.lstrip("#").strip()
        if body.startswith("@total"):
            total = _TOTAL.match(body)
            if not total:
                raise QueryError(f"{path or name}:{number}: cannot read '{body}' (write '@total VAR...')")
            totals += tuple(total.group(1).split())
        elif body.startswith("@param"):
            match = _PARAM.match(body)
            where = f"{path or name}:{number}"
            if not match:
                raise QueryError(f"{where}: cannot read '{body}' (write '@param NAME TYPE[?|=DEFAULT] text')")
            pname, ptype, marker, default, words = match.groups()
            if ptype not in TYPES:
                raise QueryError(f"{where}: parameter type '{ptype}' is not one of {', '.join(TYPES)}")
            params[pname] = Parameter(pname, ptype, required=marker is None, default=default, description=words)
        elif body and not description:
            description = body
    return Query(name, text, description, params, path, header_lines, query_variables(text), totals)


def query_variables(text: str) -> set[str]:
    """The variable names that appear in a query (a rough scan; comments are included)."""
    return set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", text))


def library(query_dir: Path = QUERY_DIR) -> dict[str, Query]:
    """Every query in the library folder, by name (the file name without .rq)."""
    if not query_dir.is_dir():
        raise QueryUsageError(f"no folder '{query_dir}': --queries names the folder of the query library "
                              "(its .rq files)")
    queries = {}
    for path in sorted(query_dir.glob("*.rq")):
        queries[path.stem] = parse_header(path.stem, _read(path), path)
    return queries


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"cannot read query file {path}: {error}") from error


def find_query(spec: str | None, inline: str | None, query_dir: Path = QUERY_DIR) -> Query:
    """Resolve a query given inline, as a file path, or as the name of a library query."""
    if inline is not None:
        if spec is not None:
            raise QueryUsageError("give either a query name or file, or -e TEXT, not both")
        return Query("-e", inline, variables=query_variables(inline))
    if spec is None:
        raise QueryUsageError("give a query: a name from the library, a .rq file, or -e 'SELECT ...'")
    path = Path(spec)
    if path.suffix == ".rq" or "/" in spec or path.is_file():
        if not path.is_file():
            raise QueryUsageError(f"no query file {spec}")
        return parse_header(path.stem, _read(path), path)
    queries = library(query_dir)
    if spec in queries:
        return queries[spec]
    names = ", ".join(queries) or f"none: {query_dir} has no .rq files"
    raise QueryUsageError(f"no query named '{spec}' in {query_dir}/ (available: {names})")


def bind(query: Query, given: dict[str, str], base: str, prefixes: dict[str, str]) -> dict[str, Term]:
    """Turn `--param` values (and declared defaults) into RDF terms, checking each against the query."""
    given = {name.replace("-", "_"): value for name, value in given.items()}
    bound: dict[str, Term] = {}
    if query.params is None:
        for name, text in given.items():
            if name not in query.variables:
                raise QueryUsageError(f"parameter '{name}' is not a variable of the query (no ?{name} in it)")
            bound[name] = guess_value(text, base, prefixes)
        return bound
    for name in given:
        if name not in query.params:
            takes = ", ".join(query.params) or "no parameters"
            raise QueryUsageError(f"query '{query.name}' has no parameter '{name}' (it takes: {takes})")
    for name, param in query.params.items():
        raw = given.get(name, param.default)
        if raw is None:
            if param.required:
                raise QueryUsageError(f"query '{query.name}' needs parameter '{name}' ({param.type}): "
                                 f"add --param {name}=VALUE")
            continue
        bound[name] = typed_value(param, raw, base, prefixes)
    return bound


def typed_value(param: Parameter, raw: str, base: str, prefixes: dict[str, str]) -> Term:
    """Convert one parameter value according to its declared type."""
    problem = f"parameter '{param.name}': '{raw}' is not"
    if param.type == "entity":
        if _SLUG.match(raw):
            return pyoxigraph.NamedNode(base + raw)
        return _iri(raw, prefixes, f"{problem} an entity id such as university-of-birmingham")
    if param.type == "iri":
        return _iri(raw, prefixes, f"{problem} an IRI (<http://...> or prefix:name)")
    if param.type == "date":
        text, error = check_date(raw)
        if error:
            raise QueryUsageError(f"parameter '{param.name}': {error}")
        dated = date_literal(text)
        return literal(dated.lexical, dated.datatype)
    if param.type == "integer":
        if not _INTEGER.match(raw):
            raise QueryUsageError(f"{problem} a whole number")
        return literal(str(int(raw)), XSD + "integer")
    if param.type == "decimal":
        if not (_INTEGER.match(raw) or _DECIMAL.match(raw)):
            raise QueryUsageError(f"{problem} a number")
        return literal(raw, XSD + "decimal")
    return literal(raw)


def guess_value(raw: str, base: str, prefixes: dict[str, str]) -> Term:
    """Type an undeclared parameter by its spelling: IRI, date, number, entity id, else text."""
    if raw.startswith("<") or re.match(r"^[a-z][a-z0-9+.-]*://", raw):
        return _iri(raw, prefixes, f"'{raw}' is not a valid IRI")
    if _DATE.match(raw) and "-" in raw and not check_date(raw)[1]:
        dated = date_literal(raw)
        return literal(dated.lexical, dated.datatype)
    if _INTEGER.match(raw):
        return literal(str(int(raw)), XSD + "integer")
    if _DECIMAL.match(raw):
        return literal(raw, XSD + "decimal")
    match = _PREFIXED.match(raw)
    if match and (match.group(1) or "") in prefixes:
        return _iri(raw, prefixes, "")
    if _SLUG.match(raw) and "-" in raw:
        return pyoxigraph.NamedNode(base + raw)
    return literal(raw)


def _iri(raw: str, prefixes: dict[str, str], message: str) -> Term:
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    elif not re.match(r"^[a-z][a-z0-9+.-]*:", raw, re.IGNORECASE):
        raise QueryUsageError(message)
    match = _PREFIXED.match(raw)
    if match and (match.group(1) or "") in prefixes:
        return _named(prefixes[match.group(1) or ""] + (match.group(2) or ""), message)
    if re.search(r'[\s<>"{}|^`\\]', raw) or not re.match(r"^[a-z][a-z0-9+.-]*:", raw, re.IGNORECASE):
        raise QueryUsageError(message or f"'{raw}' is not a valid IRI")
    return _named(raw, message)


def _named(iri: str, message: str) -> pyoxigraph.NamedNode:
    try:
        return pyoxigraph.NamedNode(iri)
    except ValueError:
        raise QueryUsageError(message or f"'{iri}' is not a valid IRI") from None


def prefix_prelude(prefixes: dict[str, str]) -> str:
    """PREFIX declarations for the project's namespaces, on one line."""
    return " ".join(f"PREFIX {name}: <{iri}>" for name, iri in sorted(prefixes.items())) + "\n"


def with_values(text: str, bindings: dict[str, Term]) -> str:
    """Add a VALUES block binding `bindings` at the start of the query's WHERE group.

    The values are serialised RDF terms, never user text, so they cannot change the query's
    shape. Used for remote endpoints; the embedded engine binds variables directly.
    """
    if not bindings:
        return text
    names = sorted(bindings)
    block = (f" VALUES ({' '.join('?' + n for n in names)}) "
             f"{{ ({' '.join(str(bindings[n]) for n in names)}) }} ")
    position = _where_brace(text)
    return text[:position + 1] + block + text[position + 1:]


def _where_brace(text: str) -> int:
    """Index of the `{` that opens the WHERE group, skipping comments, strings and IRIs."""
    braces = top_level_braces(text)
    blank = blank_out(text)
    form = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", blank, re.IGNORECASE)
    if not braces:
        raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")
    if form and form.group(1).upper() == "CONSTRUCT":
        between = blank[form.end():braces[0]]
        if not re.search(r"\bWHERE\b", between, re.IGNORECASE) and len(braces) > 1:
            return braces[1]
    return braces[0]
