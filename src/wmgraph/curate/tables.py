"""Tables read for `import`: CSV files and XLSX workbooks as sheets of text cells, each with its row and column."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import LoadError


@dataclass(frozen=True)
class Sheet:
    """One sheet of a table: its header (row 1) and its rows, each with its row number in the file."""

    table: str  # the table's file name, as shown in messages and cell references
    name: str  # the sheet's name ('' for a CSV file, which has one sheet)
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    def where(self, row: int, column: int) -> str:
        """The cell as messages name it: TABLE:sheet:row:column (the column as its letters)."""
        return f"{self.table}:{self.name or Path(self.table).stem}:{row}:{column_letters(column)}"

    def cell(self, row: int, column: int) -> str:
        """The cell as a fact's `cell:` names it: 'table.csv#C4' or 'book.xlsx#Sheet!C4'."""
        sheet = f"{self.name}!" if self.name else ""
        return f"{self.table}#{sheet}{column_letters(column)}{row}"


def column_letters(number: int) -> str:
    """The letters of 1-based column `number` (1 is 'A', 27 is 'AA')."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _text(value: object) -> str:
    """A spreadsheet cell's value as the text a person reads in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _sheet(table: str, name: str, rows: list[tuple[str, ...]]) -> Sheet:
    header = tuple(cell.strip() for cell in rows[0]) if rows else ()
    body = tuple((number, row) for number, row in enumerate(rows[1:], start=2) if any(cell for cell in row))
    return Sheet(table, name, header, body)


def read_csv(path: Path) -> Sheet:
    """A CSV file (UTF-8, a byte-order mark allowed) as one sheet."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise LoadError(f"{path.name}: cannot read the table: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise LoadError(f"{path.name}: the table is not UTF-8 text (save it as CSV UTF-8)") from error
    rows = [tuple(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text, newline=""))]
    return _sheet(path.name, "", rows)


def read_xlsx(path: Path) -> list[Sheet]:
    """Every sheet of an XLSX workbook, cells as text (whole numbers without '.0', dates as ISO dates)."""
    import openpyxl  # only an XLSX import needs it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise LoadError(f"{path.name}: cannot read the workbook: {error}") from error
    try:
        return [_sheet(path.name, sheet.title, [tuple(_text(value) for value in row)
                                                for row in sheet.iter_rows(values_only=True)])
                for sheet in book.worksheets]
    finally:
        book.close()


def read_table(path: Path) -> list[Sheet]:
    """The sheets of a CSV file (one) or an XLSX workbook."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [read_csv(path)]
    if suffix == ".xlsx":
        return read_xlsx(path)
    raise LoadError(f"{path.name}: a table must be a .csv or .xlsx file")
