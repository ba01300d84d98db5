"""What can be told from a query's text before any engine parses it.

Comments, strings and IRIs are blanked out first (same length, so indexes still match), so a
keyword inside a string or an IRI is never mistaken for one: the query form (which decides
the Accept header), the nesting depth (pyoxigraph's parser overflows its stack on 2,500
nested braces), SERVICE clauses, GRAPH or FROM (a query that names its graphs), and the
GROUP_CONCAT projections whose lists wmgraph puts in order.
"""

from __future__ import annotations

import re

from ..errors import QueryError

MAX_NESTING = 200
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_FORM = re.compile(r"(?<![\w?$:.-])(SELECT|CONSTRUCT|ASK|DESCRIBE)(?![\w:-])", re.IGNORECASE)
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE(?![\w:-])", re.IGNORECASE)
_GRAPHS = re.compile(r"(?<![\w?$:.-])(GRAPH|FROM)(?![\w:-])", re.IGNORECASE)
_CONCAT = re.compile(r"(?<![\w?$:.-])GROUP_CONCAT\s*\(", re.IGNORECASE)
_AS = re.compile(r"\s*AS\s*[?$]([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)
_SEPARATOR = re.compile(r";\s*separator\s*=\s*(\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')", re.IGNORECASE)
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f"}


def opaque_spans(text: str) -> list[tuple[int, int]]:
    """Where the comments, strings and IRIs of a query are."""
    return [(m.start(), m.end()) for m in _OPAQUE.finditer(text)]


def blank_out(text: str) -> str:
    """The text with comments, strings and IRIs replaced by spaces (same length)."""
    out = list(text)
    for start, end in opaque_spans(text):
        out[start:end] = " " * (end - start)
    return "".join(out)


def query_form(text: str) -> str:
    """'select', 'construct', 'ask' or 'describe': the first form keyword of the query."""
    match = _FORM.search(blank_out(text))
    return match.group(1).lower() if match else "select"


def nesting_depth(text: str) -> int:
    """How deeply braces, parentheses and brackets nest in the query."""
    depth = deepest = 0
    for char in blank_out(text):
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth = max(depth - 1, 0)
    return deepest


def check_nesting(name: str, text: str) -> None:
    """Refuse a query nested deeper than MAX_NESTING, before a parser recurses into it."""
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise QueryError(f"query '{name}' nests braces and parentheses {depth} levels deep; wmgraph "
                         f"refuses more than {MAX_NESTING} (the SPARQL parser would run out of stack)")


def uses_service(text: str) -> bool:
    """True when the query has a SERVICE clause (it would send requests to other hosts)."""
    return _SERVICE.search(blank_out(text)) is not None


def names_graphs(text: str) -> bool:
    """True when the query chooses its own graphs with GRAPH, FROM or FROM NAMED."""
    return _GRAPHS.search(blank_out(text)) is not None


def group_concats(text: str) -> dict[str, str]:
    """The variables projected as (GROUP_CONCAT(...) AS ?v), each with its separator."""
    blank = blank_out(text)
    found = {}
    for match in _CONCAT.finditer(blank):
        close = _closing(blank, match.end() - 1)
        if close is None:
            continue
        named = _AS.match(blank, close + 1)
        if not named:
            continue
        separator = _SEPARATOR.search(text, match.end(), close)
        found[named.group(1)] = _unquote(separator.group(1)) if separator else " "
    return found


def _closing(blank: str, opening: int) -> int | None:
    depth = 0
    for index in range(opening, len(blank)):
        if blank[index] == "(":
            depth += 1
        elif blank[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return None


def _unquote(literal: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), literal[1:-1])


def top_level_braces(text: str) -> list[int]:
    """Indexes of every `{` that opens a group at depth zero."""
    depth = 0
    found = []
    for index, char in enumerate(blank_out(text)):
        if char == "{":
            if depth == 0:
                found.append(index)
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
    return found
