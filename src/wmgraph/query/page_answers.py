"""The answers a page too big to carry the query engine carries instead: one for each library question
that `wmgraph query NAME` answers without `--param`, worked out at build time as that command works it
out (the same parsing, binding, entity checks, engine and list order), its first rows kept.

Each answer is plain JSON data for the page: `{"name", "vars", "rows", "count"}` for a table (the
first `max_rows` rows of `count`), `{"name", "boolean"}` for a yes or no, `{"name", "error"}` for the
message the command would give. A cell is compact, since a big page has little room to spare:
`null` when unbound, `"e" + id` for an entity of the graph, `"u" + IRI`, `"b" + id` for a blank node,
`"l" + text` for a plain literal, and `[text, datatype IRI]` or `[text, "@" + language]` otherwise.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph

from ..errors import WmgraphError
from ..model.vocabulary import Vocabulary
from ..rdf.mapping import namespaces
from ..rdf.terms import XSD_STRING
from .answers import Answer, Term, order_lists
from .engine import answer_store, new_store, read_serialised, refuse_service
from .library import Query, bind, parse_header
from .text import check_nesting, group_concats

# Rows kept of each answer: the 100k page's room for answers, shared by the library's questions
# (docs/page.md, "Questions on a big page", has the measurement).
MAX_ROWS = 500


def page_answers(data: bytes | Sequence[bytes | memoryview] | Path, vocabulary: Vocabulary, folder: Path,
                 queries: list[dict[str, Any]], max_rows: int = MAX_ROWS) -> list[dict[str, Any]]:
    """The answers of the questions in `queries` ({name, text} read from `folder`) that need no parameter.

    `data` is the graph's N-Triples as the build wrote them: whole, in their parts (never joined: at
    100,000 entities they are 0.5 GB) or the file holding them, read without checking each IRI.
    """
    chosen: list[tuple[dict[str, Any], Query | None]] = []
    for entry in queries:
        try:
            query = parse_header(entry["name"], entry["text"], folder / f"{entry['name']}.rq")
        except WmgraphError as error:
            chosen.append(({"name": entry["name"], "error": str(error)}, None))
            continue
        if not any(param.required for param in (query.params or {}).values()):
            chosen.append(({"name": query.name}, query))
    if not chosen:
        return []
    source = data if isinstance(data, bytes | Path) else io.BufferedReader(_Parts(data), 1 << 20)
    store = new_store(source, lenient=True)
    prefixes = namespaces(vocabulary)
    answers = []
    for head, parsed in chosen:
        if parsed is not None:
            try:
                head.update(_answer(store, parsed, vocabulary.base, prefixes, max_rows))
            except WmgraphError as error:
                head["error"] = str(error)
        answers.append(head)
    return answers


def _answer(store: pyoxigraph.Store, query: Query, base: str, prefixes: dict[str, str],
            max_rows: int) -> dict[str, Any]:
    """One question answered as `wmgraph query` answers it (run_query's local path), then made compact."""
    check_nesting(query.name, query.text)
    bindings = bind(query, {}, base, prefixes)
    refuse_service(query)
    answer: Answer = read_serialised(*answer_store(store, query, bindings, prefixes, base))
    order_lists(answer, group_concats(query.text))
    if answer.kind == "ask":
        return {"boolean": answer.boolean}
    if answer.kind == "graph":
        raise WmgraphError(f"query '{query.name}' answers with triples: run 'wmgraph query {query.name}'")
    rows = [[_cell(row.get(name), base) for name in answer.variables] for row in answer.rows[:max_rows]]
    return {"vars": answer.variables, "rows": rows, "count": len(answer.rows)}


def _cell(term: Term | None, base: str) -> Any:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return "e" + term.value[len(base):] if term.value.startswith(base) else "u" + term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return "b" + term.value
    if term.language:
        return [term.value, "@" + term.language]
    if term.datatype.value == XSD_STRING:
        return "l" + term.value
    return [term.value, term.datatype.value]


class _Parts(io.RawIOBase):
    """The parts read one after the other as one stream."""

    def __init__(self, parts: Sequence[bytes | memoryview]) -> None:
        self._parts = iter(parts)
        self._rest = memoryview(b"")

    def readable(self) -> bool:
        """A stream to read."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill `buffer` from the current part, moving to the next once it is read."""
        while not self._rest:
            part = next(self._parts, None)
            if part is None:
                return 0
            self._rest = memoryview(part).cast("B")
        size = min(len(buffer), len(self._rest))
        buffer[:size] = self._rest[:size]
        self._rest = self._rest[size:]
        return size
