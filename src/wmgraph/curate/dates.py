"""Dates in an article's words, resolved against the source's date, each with a note saying how."""

from __future__ import annotations

import datetime
import re

from ..model.modal_words import status_of
from .names import MONTHS, WEEKDAYS

_MONTH = "|".join(MONTHS)
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(rf"\b(?:(?P<day>[0-3]?\d){_ORDINAL} (?P<month>{_MONTH})|(?P<month2>{_MONTH}) "
                        rf"(?P<day2>[0-3]?\d){_ORDINAL}(?!\d))(?:,? (?P<year>(?:19|20)\d\d))?\b")
_MONTH_YEAR = re.compile(rf"\b(?:in |by )?({_MONTH}) ((?:19|20)\d\d)\b")
_BY_YEAR = re.compile(r"\b(?i:by|in) ((?:19|20)\d\d)\b(?![/–-]\d)")  # "in 2025/26" is a span
# "the firm's accounts for 2024 show a loss": the year the accounts are of
_FOR_YEAR = re.compile(r"\b(?:accounts|results|figures|revenues?|turnover|sales|profits?|loss(?:es)?) for "
                       r"((?:19|20)\d\d)\b(?![/–-]\d)")
_MONTH_ALONE = re.compile(rf"\b(in|from|by|until|since|during|this|next|last|of|early|late) ({_MONTH})\b"
                          rf"(?! [0-3]?\d\b| (?:19|20)\d\d)")
_AHEAD = re.compile(r"\b(?:due|will|shall|set to|is to|are to|starting|upcoming|coming|from next)\b")
_CLAUSES = re.compile(r"[;:]|, (?:but|while|whereas|and|with) ")
_RELATIVE = re.compile(rf"\b(so far this year|(?:by )?the end of (?:the|this) year|"
                       rf"this year|last year|next year|(?:earlier |later )?this month|last month|next month|"
                       rf"(?:at )?the end of (?:the|this) month|(?:this|next|last) (?:spring|summer|autumn|winter)|"
                       rf"yesterday|today|"
                       rf"last (?:{'|'.join(WEEKDAYS)})|on (?:{'|'.join(WEEKDAYS)}))\b", re.IGNORECASE)


def resolve(words: str, source_date: str, anchor: str = "") -> tuple[str, str, str]:
    """(date, words, note) of the first date in `words`, relative ones read against `source_date`; empty if none.

    `anchor` is the latest date an undated source states (`latest_date`): a year read against it says so.
    """
    day = _day(words, source_date)
    if day is not None:
        return day
    found = _MONTH_YEAR.search(words)
    if found:
        return f"{found.group(2)}-{MONTHS.index(found.group(1)) + 1:02d}", found.group(0), ""
    relative = _RELATIVE.search(words)
    if relative:
        phrase = relative.group(1)
        date = _relative(phrase.casefold(), source_date)
        if date:
            return date, phrase, f"'{phrase}' read against the source's date {source_date}: {date}"
        date = _relative(phrase.casefold(), anchor[:4]) if "year" in phrase.casefold() else ""
        if date:
            return date, phrase, (f"'{phrase}' in an undated source read against the latest date it states "
                                  f"({anchor}): {date}; check it")
        if source_date:
            return "", phrase, f"'{phrase}' needs a closer date than the source's {source_date}: resolve it by hand"
        return "", phrase, f"'{phrase}' in an undated source: resolve it by hand"
    year = _BY_YEAR.search(words) or _FOR_YEAR.search(words)
    if year:
        return year.group(1), year.group(0), ""
    return _bare_month(words, source_date)


def _bare_month(words: str, source_date: str) -> tuple[str, str, str]:
    """'in January', 'from September', 'next March': the month in the source's year, or the year after for a
    month already past that the words say lies ahead, or the year before for one still to come said as done."""
    found = _MONTH_ALONE.search(words)
    if found is None or len(source_date) < 7:
        return "", "", ""
    month, year, now = MONTHS.index(found.group(2)) + 1, int(source_date[:4]), int(source_date[5:7])
    ahead = found.group(1) == "next" or (found.group(1) != "last" and (
        status_of(words)[0] != "stated" or _AHEAD.search(words) is not None))
    if found.group(1) == "this":
        pass
    elif ahead and month < now:
        year += 1
    elif not ahead and month > now:
        year -= 1
    date = f"{year}-{month:02d}"
    tense = "ahead" if ahead else "past"
    return date, found.group(0), f"'{found.group(0)}' read against the source's date {source_date} as {tense}: {date}"


def _day(words: str, source_date: str) -> tuple[str, str, str] | None:
    """A day and month ('13 November 2024', 'March 29th'): the year from the words, else the source's."""
    for found in _DAY_MONTH.finditer(words):
        month = MONTHS.index(found.group("month") or found.group("month2")) + 1
        year = found.group("year") or source_date[:4]
        try:
            day = datetime.date(int(year), month, int(found.group("day") or found.group("day2"))) if year else None
        except ValueError:
            continue  # '31 June' names no day
        if day is None:
            return "", found.group(0), f"'{found.group(0)}' in an undated source: give it its year by hand"
        note = "" if found.group("year") else f"'{found.group(0)}' given the year of the source's date {source_date}"
        return day.isoformat(), found.group(0), note
    return None


def latest_date(sentences: list[str]) -> str:
    """The latest month (or day) the sentences state as so, 'YYYY-MM', or '' if none: what an undated text dates by.

    A date in a clause that plans, forecasts or hopes is left out: it may lie after the writing.
    """
    clauses = [clause for sentence in sentences for clause in _CLAUSES.split(sentence)]
    dates = [resolve(clause, "")[0] for clause in clauses if status_of(clause)[0] == "stated"]
    return max((date[:7] for date in dates if len(date) >= 7), default="")


def _relative(phrase: str, source_date: str) -> str:
    """The date a relative phrase names, at the precision it has, or '' when the source has no date to read it by."""
    if not source_date:
        return ""
    year = int(source_date[:4])
    if "year" in phrase or phrase.split()[-1] in ("spring", "summer", "autumn", "winter"):
        return str(year + (-1 if "last" in phrase else 1 if "next" in phrase else 0))
    if "month" in phrase and len(source_date) >= 7:
        month = int(source_date[5:7]) + (-1 if "last" in phrase else 1 if "next" in phrase else 0)
        year, month = (year - 1, 12) if month == 0 else (year + 1, 1) if month == 13 else (year, month)
        return f"{year}-{month:02d}"
    if len(source_date) < 10:
        return ""
    day = datetime.date.fromisoformat(source_date)
    if phrase == "today":
        return source_date
    if phrase == "yesterday":
        return (day - datetime.timedelta(days=1)).isoformat()
    weekday = WEEKDAYS.index(phrase.split()[1].capitalize())
    back = (day.weekday() - weekday) % 7 or (7 if phrase.startswith("last") else 0)  # "on Tuesday" in Tuesday's paper
    return (day - datetime.timedelta(days=back)).isoformat()


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20, "a couple of": 2}
_DURATION = re.compile(r"\b(?:over|within|during|in)\s+(?:the\s+)?(?:(?P<next>next|coming|following)\s+)?"
                       r"(?P<n>\d{1,2}|a couple of|[a-z]+)\s+(?P<unit>years?|months?|decades?)\b", re.IGNORECASE)
_BY_DATE = re.compile(rf"\bby\s+(?:the\s+end\s+of\s+)?(?:(?P<month>{_MONTH})\s+)?(?P<year>(?:19|20)\d\d)\b(?![/–-]\d)")


def time_spans(words: str) -> list[tuple[str, str, str]]:
    """(qualifier, value, words) of each span a pledge or plan is given: 'over the next three years' is a
    duration P3Y, 'within five years' P5Y, 'by 2027' a by-date; at most one of each."""
    found = []
    for match in _DURATION.finditer(words):
        count = _COUNTS.get(match.group("n").casefold()) if not match.group("n").isdigit() else int(match.group("n"))
        if count is None or (match.group(0).casefold().startswith("in ") and not match.group("next")):
            continue  # "in two years' time" is a when, not a span; "in recent years" no count
        unit = match.group("unit").casefold()
        value = f"P{count * 10}Y" if unit.startswith("decade") else f"P{count}{unit[0].upper()}"
        found.append(("duration", value, match.group(0)))
        break
    by = _BY_DATE.search(words)
    if by:
        month = f"-{MONTHS.index(by.group('month')) + 1:02d}" if by.group("month") else ""
        found.append(("by", by.group("year") + month, by.group(0)))
    return found
