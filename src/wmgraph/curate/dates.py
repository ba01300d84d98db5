"""Dates in an article's words, resolved against the source's date, each with a note saying how."""

from __future__ import annotations

import datetime
import re

from .names import MONTHS, WEEKDAYS

_MONTH_YEAR = re.compile(rf"\b(?:in |by )?({'|'.join(MONTHS)}) ((?:19|20)\d\d)\b")
_BY_YEAR = re.compile(r"\b(?:by|in) ((?:19|20)\d\d)\b")
_RELATIVE = re.compile(rf"\b(so far this year|this year|last year|next year|last month|next month|yesterday|"
                       rf"last (?:{'|'.join(WEEKDAYS)})|on (?:{'|'.join(WEEKDAYS)}))\b", re.IGNORECASE)


def resolve(words: str, source_date: str) -> tuple[str, str, str]:
    """(date, words, note) of the first date in `words`, relative ones read against `source_date`; empty if none."""
    found = _MONTH_YEAR.search(words)
    if found:
        return f"{found.group(2)}-{MONTHS.index(found.group(1)) + 1:02d}", found.group(0), ""
    relative = _RELATIVE.search(words)
    if relative:
        phrase = relative.group(1)
        date = _relative(phrase.casefold(), source_date)
        if not date:
            return "", phrase, f"'{phrase}' in an undated source: resolve it by hand"
        return date, phrase, f"'{phrase}' read against the source's date {source_date}: {date}"
    year = _BY_YEAR.search(words)
    if year:
        return year.group(1), year.group(0), ""
    return "", "", ""


def _relative(phrase: str, source_date: str) -> str:
    """The date a relative phrase names, at the precision it has, or '' when the source has no date to read it by."""
    if not source_date:
        return ""
    year = int(source_date[:4])
    if "year" in phrase:
        return str(year + (-1 if "last" in phrase else 1 if "next" in phrase else 0))
    if len(source_date) < 10:
        return ""
    day = datetime.date.fromisoformat(source_date)
    if "month" in phrase:
        month = day.month + (-1 if "last" in phrase else 1)
        year, month = (year - 1, 12) if month == 0 else (year + 1, 1) if month == 13 else (year, month)
        return f"{year}-{month:02d}"
    if phrase == "yesterday":
        return (day - datetime.timedelta(days=1)).isoformat()
    weekday = WEEKDAYS.index(phrase.split()[1].capitalize())
    back = (day.weekday() - weekday) % 7 or 7
    return (day - datetime.timedelta(days=back)).isoformat()
