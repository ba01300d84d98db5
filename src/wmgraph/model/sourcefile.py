"""Check the sources file, `sources.yaml`: every cited work, keyed by a slug."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Any

from ..load.values import check_date, names_of, url_problem
from ..load.yamlfile import MAX_FILE_BYTES, MarkedDict, not_regular
from .model import Location, Source
from .state import CheckState
from .vocabulary import SLUG

UNKNOWN_DATE = "unknown"
SOURCE_KEYS = ("title", "publisher", "author", "date", "retrieved", "url", "text", "seed", "cites", "note")
TEXT_PATH = re.compile(r"^texts/[a-z0-9]+(-[a-z0-9]+)*\.txt\Z")  # where the build looks for stored texts


def read_sources(checker: CheckState, data: Any, shown: str, graph_dir: Path) -> None:
    """Check the parsed sources file into the checker's model (problems go to the checker)."""
    if not isinstance(data, MarkedDict):
        checker.problem(Location(shown, getattr(data, "line", 1), getattr(data, "column", 1)),
                        "sources file must map source ids to sources",
                        "write 'my-source:' followed by 'title: ...'")
        checker.unread.add(shown)  # no source is known: an 'unknown source' is a knock-on
        return
    for key, entry in data.items():
        where = checker.at(shown, data.mark_of(key))
        if not isinstance(key, str) or not SLUG.match(key):
            checker.problem(where, f"source id '{key}' must be a slug like 'techuk-2022'",
                            "use lower-case letters, digits and single hyphens")
            continue
        if not isinstance(entry, MarkedDict):
            checker.problem(where, f"source '{key}' must be a mapping with at least 'title:'")
            continue
        source = _source(checker, key, entry, shown, where)
        if "text" in entry:
            source = _with_text(checker, source, entry, shown, graph_dir)
        checker.model.sources[key] = source


def _source(checker: CheckState, key: str, entry: MarkedDict, shown: str, where: Location) -> Source:
    checker.unknown_keys(entry, shown, SOURCE_KEYS, f"source '{key}'")
    fields: dict[str, str] = {}
    for name in ("title", "publisher", "url", "seed", "note"):
        value = checker.text_field(entry, name, shown, strip=False, one_line=name in ("title", "publisher"),
                                   required=name == "title")
        fields[name] = value or ""
        if value == "" and name == "title":
            checker.problem(where, f"source '{key}' has no title", "add 'title: ...'")
    message, hint = url_problem(fields["url"]) if fields["url"] else ("", "")
    if message:
        checker.problem(checker.at(shown, entry.mark_of("url")), message, hint)
    dates = {}
    unknown = entry.get("date") == UNKNOWN_DATE  # the source prints no date and none could be found
    for name in ("date", "retrieved"):
        if name in entry and not (name == "date" and unknown):
            dates[name], error = check_date(entry[name])
            if error:
                checker.problem(checker.at(shown, entry.mark_of(name)), f"'{name}': {error}")
    authors = names_of(entry.get("author", []))
    cites = names_of(entry.get("cites", []))
    if authors is None or any("\n" in author for author in authors):
        checker.problem(checker.at(shown, entry.mark_of("author")), "'author' must be a name or a list of names",
                        "write each name on one line")
    if cites is None:
        checker.problem(checker.at(shown, entry.mark_of("cites")), "'cites' must be a list of source ids")
    for cited in cites or []:
        checker.pending_sources.append((cited, shown, entry.mark_of("cites")))
    return Source(key, fields["title"], where, fields["publisher"], tuple(authors or ()), dates.get("date", ""),
                  fields["url"], fields["seed"], tuple(cites or ()), fields["note"],
                  retrieved=dates.get("retrieved", ""), date_unknown=unknown)


def _with_text(checker: CheckState, source: Source, entry: MarkedDict, shown: str, graph_dir: Path) -> Source:
    """The source with its stored text read from the graph folder (or its text_file only, after a problem)."""
    where = checker.at(shown, entry.mark_of("text"))
    path = entry["text"]
    if not isinstance(path, str) or not TEXT_PATH.match(path):
        checker.problem(where, f"'text' must name a .txt file in the texts folder, got '{path}'",
                        f"write 'text: texts/{source.key}.txt'")
        return source
    file = graph_dir / path
    try:
        kind = not_regular(os.stat(file).st_mode) if not file.is_symlink() else "a symbolic link"
        if kind:
            problem = f"stored text '{path}' is {kind}, not a regular file"
        elif file.stat().st_size > MAX_FILE_BYTES:
            problem = f"stored text '{path}' is over the {MAX_FILE_BYTES:,}-byte limit"
        else:
            return dataclasses.replace(source, text_file=path, text=file.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        problem = f"stored text '{path}' does not exist"
    except OSError as error:
        problem = f"cannot read stored text '{path}': {error.strerror}"
    except UnicodeDecodeError as error:
        problem = f"stored text '{path}' is not valid UTF-8 (byte {error.start:,})"
    checker.problem(where, problem, "store the source's text there as UTF-8, or correct the path")
    checker.unread_texts.add(source.key)
    return dataclasses.replace(source, text_file=path, text="")
