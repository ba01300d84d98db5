"""Checks of single values written in fact files: dates, durations, URLs, currencies, names."""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Iterable
from typing import Any

# ASCII digits only: re's \d also takes Arabic-Indic, fullwidth and other digits.
DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
DURATION = re.compile(r"^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?"
                      r"([0-9]+(\.[0-9]+)?S)?)?\Z")
# What an IRI written in Turtle or N-Triples (<...>) may not hold: control characters, space and
# <>"{}|^`\ (the RDF grammars' IRIREF), and white space of any kind.
IRI_FORBIDDEN = r'\s\x00-\x20\x7f-\x9f<>"{}|^`\\'  # inside a regular expression's [...]
URL = re.compile(rf"^https?://[^{IRI_FORBIDDEN}]+\Z")
IRI = re.compile(rf"^https?://[^{IRI_FORBIDDEN}]+[/#]\Z")  # a namespace: ends in / or #
CURRENCY = re.compile(r"^[A-Z]{3}\Z")
_NOT_IN_IRI = re.compile(f"[{IRI_FORBIDDEN}]")
_AROUND = "a line break or spaces around it"  # as a YAML block scalar ('|') keeps its last line break


def url_problem(value: str, what: str = "") -> tuple[str, str]:
    """(message, hint) if `value` is not an http(s) URL that RDF can write as an IRI, else ('', '')."""
    if URL.match(value):
        return "", ""
    if URL.match(value.strip()):
        return f"URL '{value.strip()}' is written with {_AROUND}", "write it alone after the key, on the key's line"
    found = _NOT_IN_IRI.search(value)
    if found is None or not value.startswith(("http://", "https://")):
        return (f"'{what}' must be an http(s) URL" if what else f"'{value}' is not an http(s) URL",
                "start it with https://")
    char = found[0]
    shown = "a space" if char == " " else f"U+{ord(char):04X}" if char.isspace() or not char.isprintable() \
        else f"'{char}'"
    return (f"URL '{value}' holds {shown}, which no IRI may hold",
            f"percent-encode it as %{ord(char):02X}" if ord(char) < 128 else "percent-encode it")


def suggest(word: object, choices: Iterable[str]) -> str:
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else ""


def names_of(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def check_date(value: Any) -> tuple[str, str]:
    """Return (normalised date text, error) for a YYYY, YYYY-MM or YYYY-MM-DD value."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return "", "must be a date like 2023, 2023-10 or 2023-10-19"
    match = DATE.match(value)
    if not match and DATE.match(value.strip()):
        return "", f"'{value.strip()}' is written with {_AROUND}: write the date alone after the key, on its line"
    if not match:
        return "", f"'{value}' is not a date like 2023, 2023-10 or 2023-10-19"
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        return "", f"'{value}' has no month {month}"
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return "", f"'{value}' is not a real date ({calendar.month_name[month]} {year} has {last} days)"
    return value, ""


def date_bounds(value: str) -> tuple[str, str]:
    """Return the first and last day (YYYY-MM-DD) that a date of any precision covers."""
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-01-01", f"{value}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{value}-01", f"{value}-{last:02d}"
    return value, value


_AN = re.compile(r"[aeiou]|hour|honest|heir", re.IGNORECASE)
_A = re.compile(r"uni|use|usu|ura|eu|one|once", re.IGNORECASE)  # vowels sounded 'you' or 'won'


def with_article(noun: str) -> str:
    """`noun` after 'a' or 'an' as it is spoken: 'an organisation', 'a university', 'an hour'."""
    return ("an " if _AN.match(noun) and not _A.match(noun) else "a ") + noun


_PARTS = {"%d": r"(?P<day>\d{1,2})", "%m": r"(?P<month>\d{1,2})", "%Y": r"(?P<year>\d{4})",
          "%b": r"(?P<name>[A-Za-z]+)", "%B": r"(?P<name>[A-Za-z]+)", "%%": "%"}


def missing_day(text: str, date_format: str) -> str:
    """'February 2024 has 29 days' when `text` is written as `date_format` but names a day its month lacks."""
    pattern, at = "", 0
    for directive in re.finditer(r"%.", date_format):
        if directive.group() not in _PARTS:
            return ""
        pattern += re.escape(date_format[at:directive.start()]) + _PARTS[directive.group()]
        at = directive.end()
    found = re.fullmatch(pattern + re.escape(date_format[at:]), text)
    if found is None or "day" not in found.groupdict() or "year" not in found.groupdict():
        return ""
    parts = found.groupdict()
    month = int(parts["month"]) if parts.get("month") else next(
        (n for n in range(1, 13) if parts.get("name", "").casefold() in (calendar.month_name[n].casefold(),
                                                                         calendar.month_abbr[n].casefold())), 0)
    year, day = int(parts["year"]), int(parts["day"])
    if not 1 <= month <= 12 or 1 <= day <= calendar.monthrange(year, month)[1]:
        return ""
    return f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"
