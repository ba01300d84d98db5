"""Dates, numbers, sums and durations as the page shows them: 19 Oct 2023, 1,000, £14.5m, 3 years."""

from __future__ import annotations

import re
from decimal import Decimal

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}
DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}


def format_date(value: str) -> str:
    """Show a date of any precision as people write it: 2023, Oct 2023, 19 Oct 2023."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def format_number(value: int | Decimal) -> str:
    """Show a number with thousands separators and no trailing zeros: 1,000 or 2.5."""
    if isinstance(value, int) or value == value.to_integral_value():
        return f"{int(value):,}"
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".")


def format_money(amount: int | Decimal, currency: str = "GBP") -> str:
    """Show a sum the way the press does: £14.5m, £1.2bn, £250,000."""
    sign = CURRENCY_SIGNS.get(currency, currency + " ")
    value = Decimal(amount)
    for size, suffix in ((Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m")):
        if abs(value) >= size:
            scaled = (value / size).quantize(Decimal("0.01"))
            return f"{sign}{format_number(scaled)}{suffix}"
    return f"{sign}{format_number(value)}"


def format_duration(value: str) -> str:
    """Show an ISO 8601 duration in words: P3Y is '3 years', P1Y6M is '1 year 6 months'."""
    words = []
    date_part, _, time_part = value[1:].partition("T")
    for text, is_time in ((date_part, False), (time_part, True)):
        for number, unit in DURATION_PART.findall(text):
            name = "minute" if is_time and unit == "M" else DURATION_UNITS[unit]
            words.append(f"{number} {name}{'' if number == '1' else 's'}")
    return " ".join(words) or value
