"""`add-source`: an article stored verbatim in `texts/` and entered in `sources.yaml`, or nothing written."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_atomic
from ..errors import LoadError, display_path
from ..load.values import check_date, url_problem
from ..load.yamlfile import MarkedDict, read_yaml
from ..model.files import SOURCES_FILE
from ..model.vocabulary import SLUG

HEADER_KEYS = ("title", "date", "note", "publisher", "url")
_HEADER_LINE = re.compile(r"^(title|date|note|publisher|url):[ \t]*(.*?)[ \t]*$")
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,.()'&/+-]*$")  # a value YAML reads back as the same string
TEXTS = "texts"


@dataclass(frozen=True)
class AddedSource:
    """What `add-source` wrote: the source id, its entry's fields and where the text went."""

    source_id: str
    fields: dict[str, str]
    text_path: Path
    header_lines: int  # the header's lines moved into sources.yaml (not the blank line that ends it)


def split_header(text: str) -> tuple[dict[str, str], str, int]:
    """The header fields an article opens with (`title:` ... then a blank line), the text after, the lines taken."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    for number, line in enumerate(lines):
        if not line.strip():
            if not fields:
                break
            return fields, "\n".join(lines[number + 1:]), number + 1
        match = _HEADER_LINE.match(line.rstrip("\r"))
        if match is None or match.group(1) in fields:
            break
        fields[match.group(1)] = match.group(2)
    return {}, text, 0


def add_source(graph_dir: Path, file: Path, source_id: str, given: dict[str, str]) -> AddedSource:
    """Store `file` as source `source_id` of `graph_dir` (fields in `given` win over its header); raise if it cannot."""
    shown = display_path(file)
    text = _article_text(file, shown)
    header, body, _ = split_header(text)
    if not body.strip():
        raise LoadError(f"{shown}: has no text after its header: nothing was added")
    fields = {**header, **{key: value for key, value in given.items() if value}}
    _check_fields(source_id, fields, shown)
    sources_path = graph_dir / SOURCES_FILE
    existing = _existing_sources(sources_path, graph_dir)
    if source_id in existing:
        raise LoadError(f"source '{source_id}' exists already in {display_path(sources_path, graph_dir)}: "
                        "choose another --id (nothing was added)")
    text_path = graph_dir / TEXTS / f"{source_id}.txt"
    if text_path.exists():
        raise LoadError(f"{display_path(text_path, graph_dir)} exists already: choose another --id (nothing was added)")
    old = sources_path.read_bytes() if sources_path.exists() else b""
    entry = _entry(source_id, fields)
    text_path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(text_path, body.encode("utf-8"))
    try:
        write_atomic(sources_path, old + (b"" if not old or old.endswith(b"\n") else b"\n") + entry.encode("utf-8"))
    except Exception:
        text_path.unlink(missing_ok=True)
        raise
    return AddedSource(source_id, _stored_fields(source_id, fields), text_path, len(header))


def _article_text(file: Path, shown: str) -> str:
    """The file's text, refused when it is missing, empty, binary or not UTF-8."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise LoadError(f"{shown}: cannot read: {error.strerror or error}: nothing was added") from error
    if not raw.strip():
        raise LoadError(f"{shown}: is empty: nothing was added")
    if b"\x00" in raw:
        raise LoadError(f"{shown}: holds binary data (a NUL byte at offset {raw.index(0)}): "
                        "give a plain text file (nothing was added)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise LoadError(f"{shown}:{line}:{column}: not valid UTF-8 (byte 0x{raw[error.start]:02x}): "
                        "save the file as UTF-8 and add it again (nothing was added)") from None
    return text.removeprefix("\ufeff")


def _check_fields(source_id: str, fields: dict[str, str], shown: str) -> None:
    """Refuse an id that is no slug, a missing title, a bad date or URL."""
    if not SLUG.match(source_id):
        raise LoadError(f"source id '{source_id}' must be a slug like 'techuk-2022' "
                        "(lower-case letters, digits and single hyphens): nothing was added")
    if not fields.get("title"):
        raise LoadError(f"{shown}: no title: give --title or a 'title:' header line (nothing was added)")
    date = fields.get("date", "")
    if date and date != "unknown":
        _, problem = check_date(date)
        if problem:
            raise LoadError(f"{shown}: date {problem}: give --date like 2024-11-17, or 'unknown' (nothing was added)")
    if fields.get("url"):
        problem, _ = url_problem(fields["url"])
        if problem:
            raise LoadError(f"{shown}: url {problem} (nothing was added)")


def _existing_sources(sources_path: Path, graph_dir: Path) -> set[str]:
    """The source ids `sources.yaml` holds (none if there is no such file), refused if it cannot be read."""
    if not sources_path.exists():
        return set()
    data, problems = read_yaml(sources_path, display_path(sources_path, graph_dir))
    if problems:
        raise LoadError(f"{problems[0]}: fix it before adding a source (nothing was added)")
    return {str(key) for key in data} if isinstance(data, MarkedDict | dict) else set()


def _stored_fields(source_id: str, fields: dict[str, str]) -> dict[str, str]:
    """The fields the entry gets, in the order written (an unknown date as `date: unknown`)."""
    stored = {key: fields[key] for key in ("title", "publisher", "date", "url") if fields.get(key)}
    stored["text"] = f"{TEXTS}/{source_id}.txt"
    if fields.get("note"):
        stored["note"] = fields["note"]
    return stored


def _entry(source_id: str, fields: dict[str, str]) -> str:
    """The YAML block of one source entry."""
    lines = [f"\n{source_id}:"]
    lines += [f"  {key}: {yaml_scalar(value)}" for key, value in _stored_fields(source_id, fields).items()]
    return "\n".join(lines) + "\n"


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as the same string (plain when that is safe)."""
    if _PLAIN.match(value) and not re.match(r"^(true|false|yes|no|on|off|null|~)$", value, re.IGNORECASE) \
            and not re.fullmatch(r"[0-9.+-]+", value) and ": " not in value and " #" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)
