"""Check the sources file, `sources.yaml`: every cited work, keyed by a slug."""

from __future__ import annotations

from typing import Any

from ..load.values import check_date, names_of, url_problem
from ..load.yamlfile import MarkedDict
from .checker import Checker
from .model import Location, Source
from .vocabulary import SLUG

SOURCE_KEYS = ("title", "publisher", "author", "date", "url", "seed", "cites", "note")


def read_sources(checker: Checker, data: Any, shown: str) -> None:
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
        checker.model.sources[key] = _source(checker, key, entry, shown, where)


def _source(checker: Checker, key: str, entry: MarkedDict, shown: str, where: Location) -> Source:
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
    date = ""
    if "date" in entry:
        date, error = check_date(entry["date"])
        if error:
            checker.problem(checker.at(shown, entry.mark_of("date")), f"'date': {error}")
    authors = names_of(entry.get("author", []))
    cites = names_of(entry.get("cites", []))
    if authors is None or any("\n" in author for author in authors):
        checker.problem(checker.at(shown, entry.mark_of("author")), "'author' must be a name or a list of names",
                        "write each name on one line")
    if cites is None:
        checker.problem(checker.at(shown, entry.mark_of("cites")), "'cites' must be a list of source ids")
    for cited in cites or []:
        checker.pending_sources.append((cited, shown, entry.mark_of("cites")))
    return Source(key, fields["title"], where, fields["publisher"], tuple(authors or ()), date,
                  fields["url"], fields["seed"], tuple(cites or ()), fields["note"])
