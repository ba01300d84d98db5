"""`import`: a table's rows made into entities and facts by a mapping, checked whole, written as one fact file.

Identity comes from the key columns (an entity's id template), never from row numbers, and the fact
file is written sorted by id: importing an edited table again changes only what the edit changed.
The file is the import's own; hand-written fact files are never touched.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..analysis.diff import GraphDiff, compare
from ..atomic import write_atomic
from ..errors import Problem, ValidationError, WmgraphError, display_path
from ..load.scalars import control_problem
from ..load.values import check_date, missing_day
from ..load.yamlfile import MAX_FILE_BYTES
from ..model.checker import Checker
from ..model.checking import SOURCES_FILE, check_file, load_pieces, model_with
from ..model.model import Model
from ..model.pieces import FilePiece
from ..model.vocabulary import Vocabulary
from .candidates import slug
from .factfile_text import FactFileText, source_block
from .mapping_file import PLACEHOLDER, EntityMap, Mapping, SheetMap, Value, read_mapping
from .tables import Sheet, column_letters, read_table

_MONEY = re.compile(r"^(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<scale>k|m|bn|million|billion)?$", re.IGNORECASE)
_SCALES = {"k": 1000, "m": 1000000, "million": 1000000, "bn": 1000000000, "billion": 1000000000}


class TableProblems(WmgraphError):
    """A table (or its mapping) with problems: every one, each at TABLE:sheet:row:column or MAP.yaml:line:col."""

    def __init__(self, table: str, problems: list[Problem]) -> None:
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        lines = [f"{len(problems)} {noun} found in {table}; nothing was written:"]
        lines += [_shown(problem) for problem in problems]
        super().__init__("\n".join(lines))


def _shown(problem: Problem) -> str:
    """A table problem as TABLE:sheet:row:column (the column in letters); a mapping problem as usual."""
    if problem.file.endswith(".yaml") or not problem.line:
        return str(problem)
    return f"{problem.file}:{problem.line}:{column_letters(problem.column)}: {problem.message} ({problem.hint})"


@dataclass
class Made:
    """What the rows made: entity blocks by id (in the order written) and the problems found."""

    mapping: Mapping
    existing: Model
    own_file: str = ""  # the import's fact file as the model shows it
    names: dict[str, str] = field(default_factory=dict)  # folded names and aliases of entities outside the file
    entities: dict[str, dict[str, object]] = field(default_factory=dict)
    keys: dict[str, tuple[int, str]] = field(default_factory=dict)  # a row entity's id: its row and cell
    problems: list[Problem] = field(default_factory=list)
    refused: set[tuple[int, int]] = field(default_factory=set)  # the cells (row, column) reported as unwritable


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote (or, in a dry run, would write) and the change it makes, as `diff` shows it."""

    file: Path
    written: bool
    entities: int
    facts: int
    change: GraphDiff


class _Row:
    """One row of a sheet, read through value specs; every cell it cannot read is a problem."""

    def __init__(self, made: Made, sheet: Sheet, index: dict[str, int], number: int, cells: tuple[str, ...]) -> None:
        self.made, self.sheet, self.index, self.number, self.cells = made, sheet, index, number, cells

    def problem(self, column: int, message: str, hint: str) -> None:
        """Record a problem at this row's `column` (1-based)."""
        where = f"{self.sheet.table}:{self.sheet.name or Path(self.sheet.table).stem}"
        self.made.problems.append(Problem(where, self.number, column, message, hint))

    def text(self, value: Value) -> tuple[str, int]:
        """The value's text in this row and the first column it read (0 for a fixed value)."""
        if not value.template:
            return ("" if value.fixed is None else str(value.fixed)), 0
        first = 0
        parts = _template_parts(value.template)
        written = list(parts)
        for at in range(1, len(parts), 2):  # the columns, between the literal parts
            position = self.index[parts[at]]
            first = first or position + 1
            written[at] = cell = self.cells[position] if position < len(self.cells) else ""
            refused = control_problem(cell.replace(value.split, "") if value.split else cell, False)
            if refused is not None and (self.number, position) not in self.made.refused:
                self.made.refused.add((self.number, position))  # one problem for a cell, however often read
                self.problem(position + 1, f"the cell in column '{parts[at]}': {refused.message}",
                             "correct the cell: a fact file's values are one line, without control characters")
        return "".join(written).strip(), first


@functools.lru_cache(maxsize=256)
def _template_parts(template: str) -> tuple[str, ...]:
    """A template split into literal text and column names, alternately ('{A} Ltd' is ('', 'A', ' Ltd'))."""
    return tuple(PLACEHOLDER.split(template))


@functools.lru_cache(maxsize=4096)
def _strptime_date(text: str, date_format: str) -> str | None:
    """The ISO date `text` is in `date_format`, or None (a table repeats its dates: each is parsed once)."""
    try:
        return datetime.strptime(text, date_format).date().isoformat()
    except ValueError:
        return None


def _money(text: str) -> int | Decimal | None:
    found = _MONEY.match(text.replace("£", "").replace("GBP", "").strip())
    if not found:
        return None
    try:
        number = Decimal(found["number"].replace(",", "")) * _SCALES.get((found["scale"] or "").lower(), 1)
    except InvalidOperation:
        return None
    return int(number) if number == number.to_integral_value() else number


def _typed(row: _Row, key: str, value: Value, datatype: str) -> tuple[object, str, int] | None:
    """A qualifier's value in `row`, normalised to its datatype: (value, cell text if changed, column)."""
    text, column = row.text(value)
    if text == "":
        return None
    result: object = text
    if datatype == "money":
        result = _money(text)
        what = "an amount of money like 1200000, 1,200,000, £1.2m or 250k"
    elif datatype in ("integer", "decimal"):
        result = _money(text) if datatype == "decimal" else (int(text.replace(",", "")) if re.fullmatch(
            r"[0-9][0-9,]*", text) else None)
        what = "a whole number" if datatype == "integer" else "a number"
    elif datatype == "date":
        if value.date_format:
            result = _strptime_date(text, value.date_format)
        elif check_date(text)[1]:
            result = None
        what = f"a date written as '{value.date_format}'" if value.date_format else "a date like 2024-03-01"
        short = missing_day(text, value.date_format) if result is None and value.date_format else ""
        if short:
            row.problem(column, f"'{text}' in column '{row.sheet.header[column - 1]}' is not a real date ({short})",
                        f"correct the cell: '{key}' needs a date that exists")
            return None
    if result is None:
        row.problem(column, f"'{text}' in column '{row.sheet.header[column - 1]}' is not {what}",
                    f"correct the cell: '{key}' needs {what}")
        return None
    return result, (text if str(result) != text else ""), column


def _entity(row: _Row, spec: EntityMap, first: bool) -> str | None:
    """The id of the entity `spec` makes in `row` (None when its key cells are empty), its block made once."""
    key_text, key_column = row.text(spec.id)
    if not key_text:
        if first:
            row.problem(key_column or 1, f"the key of '{spec.role}' is empty",
                        "fill in the cell, or delete the row")
        return None
    ident, name = slug(key_text), row.text(spec.name)[0]
    existing = row.made.existing
    own_file = row.made.own_file
    by_name = row.made.names.get(name.casefold(), "")
    if by_name and by_name != ident and spec.match_name:
        ident = by_name
    elif by_name and by_name != ident:
        row.problem(key_column, f"'{name}' is the name of the existing entity '{by_name}', not '{ident}'",
                    f"write 'match: name' on entity '{spec.role}' in the mapping to use it, or give this one "
                    "another name")
    if first and ident in row.made.keys:
        earlier = row.made.keys[ident][0]
        row.problem(key_column, f"the key '{key_text}' is used twice (row {earlier} too)",
                    "give each row its own key, or join the two rows")
    if first:
        row.made.keys.setdefault(ident, (row.number, ""))
    block = row.made.entities.get(ident)
    if block is None:
        known = existing.entities.get(ident)
        block = {"extend": known is not None and known.location.file != own_file, "type": spec.type,
                 "name": name, "aliases": [], "description": "", "facts": []}
        row.made.entities[ident] = block
    if spec.aliases is not None:
        text = row.text(spec.aliases)[0]
        for alias in (text.split(spec.aliases.split) if spec.aliases.split else [text]):
            aliases = block["aliases"]
            assert isinstance(aliases, list)
            if alias.strip() and alias.strip() not in aliases and alias.strip() != name:
                aliases.append(alias.strip())
    if spec.description is not None and not block["description"]:
        block["description"] = row.text(spec.description)[0]
    return ident


def _names(model: Model, own_file: str) -> dict[str, str]:
    """Each folded name and alias of the entities written outside the import's own file, with its entity."""
    names: dict[str, str] = {}
    for entity in model.entities.values():
        if entity.location.file != own_file:
            for name in (entity.name, *entity.aliases):
                names.setdefault(name.casefold(), entity.key)
    return names


def _facts(row: _Row, sheet: SheetMap, ids: dict[str, str | None], source: str) -> None:
    """The facts `sheet` maps for `row`, added to their subjects' blocks."""
    vocabulary = row.made.existing.vocabulary
    for spec in sheet.facts:
        subject = ids.get(spec.subject)
        if subject is None:
            continue
        fact: dict[str, object] = {}
        cell, cell_text = 0, ""
        if isinstance(spec.object, Value):
            text, cell = row.text(spec.object)
            if not text:
                continue
            fact[spec.relation] = text
        elif isinstance(spec.object, str):
            target = ids.get(spec.object)
            if target is None:
                continue
            fact[spec.relation] = target
            cell = row.text(next(e.id for e in sheet.entities if e.role == spec.object))[1]
        else:
            fact[spec.relation] = None
        for key, value in spec.qualifiers:
            typed = _typed(row, key, value, vocabulary.qualifiers[key].datatype)
            if typed is not None:
                fact[key] = typed[0]
                if not cell:
                    cell, cell_text = typed[2], typed[1]
        relation = vocabulary.relations[spec.relation]
        if any(key not in fact for key in relation.required):
            continue  # the row leaves a cell this fact needs empty: the row states no such fact
        fact["source"] = source
        if cell:
            fact["cell"] = row.sheet.cell(row.number, cell)
        if cell_text:
            fact["cell-text"] = cell_text
        facts = row.made.entities[subject]["facts"]
        assert isinstance(facts, list)
        if fact not in facts:
            facts.append(fact)


def _check_columns(mapping: Mapping, sheet: Sheet, spec: SheetMap) -> list[Problem]:
    """Every column the mapping names must be in the sheet's header (a problem at the mapping's line)."""
    problems: list[Problem] = []
    values: list[Value | None] = []
    for entity in spec.entities:
        values += [entity.id, entity.name, entity.aliases, entity.description]
    for fact in spec.facts:
        values += [fact.object if isinstance(fact.object, Value) else None, *(v for _, v in fact.qualifiers)]
    for value in values:
        if value is None:
            continue
        for column in value.columns:
            if column not in sheet.header:
                problems.append(Problem(mapping.shown, *value.mark, f"no column '{column}' in "
                                        f"{sheet.where(1, 1).rsplit(':', 2)[0]}",
                                        "its columns: " + ", ".join(c for c in sheet.header if c)))
    return problems


def sheet_problems(mapping: Mapping, sheets: list[Sheet]) -> list[Problem]:
    """Each sheet the mapping names that the table lacks, and each column a sheet's header lacks."""
    problems: list[Problem] = []
    by_name = {sheet.name or Path(sheet.table).stem: sheet for sheet in sheets}
    for spec in mapping.sheets:
        sheet = by_name.get(spec.name)
        if sheet is None:
            problems.append(Problem(mapping.shown, *spec.mark, f"no sheet '{spec.name}' in the table",
                                    "its sheets: " + ", ".join(by_name)))
            continue
        problems += _check_columns(mapping, sheet, spec)
    return problems


def make_blocks(graph_dir: Path, mapping: Mapping, sheets: list[Sheet], existing: Model) -> Made:
    """Every row of every mapped sheet made into entity blocks, with every problem found."""
    own_file = display_path(graph_dir / mapping.file, graph_dir)
    made = Made(mapping, existing, own_file, _names(existing, own_file))
    by_name = {sheet.name or Path(sheet.table).stem: sheet for sheet in sheets}
    made.problems += sheet_problems(mapping, sheets)
    if made.problems:
        return made
    for spec in mapping.sheets:
        sheet = by_name[spec.name]
        index = {name: position for position, name in enumerate(sheet.header) if name}
        for number, cells in sheet.rows:
            row = _Row(made, sheet, index, number, cells)
            ids = {entity.role: _entity(row, entity, index == 0) for index, entity in enumerate(spec.entities)}
            _facts(row, spec, ids, mapping.source["id"])
    return made


def _own_piece(graph_dir: Path, vocabulary: Vocabulary, before: dict[Path, FilePiece], own: Path,
               written: FactFileText) -> FilePiece:
    """The import's own file checked as written: from the values it was written from when they are plain."""
    shown, raw = display_path(own, graph_dir), written.text.encode("utf-8")
    if own in before and own.read_bytes() == raw:  # imported again unchanged: the same bytes, the same piece
        return before[own]
    if written.plain and len(raw) <= MAX_FILE_BYTES:
        return Checker(vocabulary).file_piece(written.values, shown)
    return check_file(vocabulary, own, shown, raw=raw)  # text the reader may refuse: read it as any file


def import_table(graph_dir: Path, table: Path, mapping_path: Path, dry_run: bool = False) -> ImportResult:
    """Import `table` into `graph_dir` by the mapping at `mapping_path`; nothing is written if anything is wrong."""
    existing, pieces = load_pieces(graph_dir)
    mapping, problems = read_mapping(mapping_path, display_path(mapping_path), existing.vocabulary)
    if mapping is None:
        raise TableProblems(display_path(mapping_path), problems)
    if problems:  # the table's problems with it, all at once
        try:
            sheets = read_table(table)
        except WmgraphError:
            raise TableProblems(display_path(mapping_path), problems) from None
        raise TableProblems(display_path(mapping_path), sorted(problems + sheet_problems(mapping, sheets)))
    made = make_blocks(graph_dir, mapping, read_table(table), existing)
    if made.problems:
        raise TableProblems(table.name, sorted(made.problems))
    written = FactFileText(f"# Imported from {table.name} by `wmgraph import` with {mapping_path.name}: edit the "
                           "table and\n# import it again rather than this file, which each import rewrites.\n")
    for ident in sorted(made.entities):
        written.add_entity(ident, made.entities[ident], mapping.source["id"])
    files = {mapping.file: written.text}
    sources_path = graph_dir / SOURCES_FILE
    if mapping.source["id"] not in existing.sources:
        old = sources_path.read_text(encoding="utf-8") if sources_path.exists() else ""
        files[SOURCES_FILE] = old + ("" if old.endswith("\n") or not old else "\n") + source_block(
            mapping.source, table.name)
    try:
        own = graph_dir / mapping.file
        new = model_with(graph_dir, {own: _own_piece(graph_dir, existing.vocabulary, pieces, own, written)}, pieces,
                         files[SOURCES_FILE].encode("utf-8") if SOURCES_FILE in files else None)
    except ValidationError as error:
        raise TableProblems(table.name, error.problems) from error
    change = compare(existing, new, "before", "after the import")
    if not dry_run:
        for name, content in files.items():
            (graph_dir / name).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(graph_dir / name, content.encode("utf-8"))
    facts = sum(len(block["facts"]) for block in made.entities.values() if isinstance(block["facts"], list))
    return ImportResult(graph_dir / mapping.file, not dry_run, len(made.entities), facts, change)
