"""Check a fact's qualifiers: each value against its datatype in the vocabulary."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from ..load.values import CURRENCY, DURATION, check_date, date_bounds, names_of, suggest, url_problem
from ..load.yamlfile import MarkedDict
from .model import Location, QualifierValue
from .state import CheckState
from .vocabulary import RESERVED, RelationType

_VALUE_HINTS = {
    "integer": "write a plain whole number", "decimal": "write a plain number",
    "money": "write the sum in units, e.g. 14500000", "url": "start it with https://",
    "entity": "use an entity id from the fact files", "entities": "write [id-one, id-two]",
    "text": "put it in quotes",
}
_NUMBERS = ("integer", "decimal", "money")
RANGE = ("at-least", "up-to")  # the bounds of a sum given as a range: either stands in for a required amount


def read_qualifiers(checker: CheckState, relation: RelationType, fact: MarkedDict, shown: str, keys: list[str],
                    where: Location) -> tuple[tuple[str, QualifierValue], ...]:
    """The checked qualifiers `keys` of `fact`, sorted; problems go to `checker`."""
    vocabulary = checker.vocabulary
    values: list[tuple[str, QualifierValue]] = []
    for key in keys:
        location = checker.at(shown, fact.mark_of(key))
        if key not in relation.qualifiers:
            known = key in vocabulary.qualifiers
            checker.problem(location, f"'{key}' is not allowed on '{relation.key}'" if known
                            else f"unknown key '{key}' in fact '{relation.key}'",
                            "allowed: " + ", ".join(relation.qualifiers) if known
                            else suggest(key, [*relation.qualifiers, *RESERVED])
                            or "allowed: " + ", ".join(relation.qualifiers))
            continue
        value = read_value(checker, key, fact[key], location)
        if value is not None:
            values.append((key, value))
    present = dict(values)
    for key in relation.required:
        if key not in fact and not (key == "amount" and any(bound in fact for bound in RANGE)):
            checker.problem(where, f"fact '{relation.key}' needs '{key}'", f"add '{key}: ...'")
    if "currency" in present and not any(vocabulary.qualifiers[key].datatype == "money" for key in present):
        checker.problem(checker.at(shown, fact.mark_of("currency")), "'currency' without 'amount'",
                        "add 'amount:' or remove 'currency:'")
    _check_sums(checker, fact, shown, present)
    start, end = present.get("start"), present.get("end")
    if isinstance(start, str) and isinstance(end, str) and date_bounds(end)[1] < date_bounds(start)[0]:
        checker.problem(checker.at(shown, fact.mark_of("end")), f"end {end} is before start {start}",
                        "swap them or correct one")
    return tuple(sorted(values))


def _check_sums(checker: CheckState, fact: MarkedDict, shown: str, present: dict[str, QualifierValue]) -> None:
    """A range's bounds in order, and a sum no more than the total it is part of."""
    for low, high in (("at-least", "up-to"), ("amount", "total"), ("up-to", "total")):
        small, large = present.get(low), present.get(high)
        if isinstance(small, int | Decimal) and isinstance(large, int | Decimal) and small > large:
            checker.problem(checker.at(shown, fact.mark_of(high)),
                            f"'{high}' {large} is less than '{low}' {small}",
                            f"'{low}' is the smaller sum: swap them or correct one")


def number_problem(key: str, datatype: str, value: Any) -> tuple[str, str]:
    """(message, hint) if `value` is not a finite number of `datatype`, else ('', '')."""
    if isinstance(value, str):
        return (f"'{key}' must be a number, not text '{value}'",
                "write digits without quotes or units, e.g. 14500000")
    if not isinstance(value, int | float) or isinstance(value, bool) or \
            (datatype == "integer" and not isinstance(value, int)):
        return f"'{key}' must be {'a whole number' if datatype == 'integer' else 'a number'}", _VALUE_HINTS[datatype]
    if isinstance(value, float) and not math.isfinite(value):
        shown = ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
        return (f"'{key}' must be a finite number, not {shown}",
                f"{_VALUE_HINTS[datatype]}; a number past 1.8e308 reads as .inf")
    if datatype != "decimal" and value < 0:
        return f"'{key}' must not be negative", _VALUE_HINTS[datatype]
    return "", ""


def read_value(checker: CheckState, key: str, value: Any, location: Location) -> QualifierValue | None:
    """The value of qualifier `key` checked against its datatype, or None with a problem."""
    datatype = checker.vocabulary.qualifiers[key].datatype
    if datatype in _NUMBERS:
        error, hint = number_problem(key, datatype, value)
        if error:
            checker.problem(location, error, hint)
            return None
        return value if isinstance(value, int) else Decimal(repr(value))
    error = ""
    result: QualifierValue | None = None
    if datatype == "date":
        result, error = check_date(value)
        error = f"'{key}': {error}" if error else ""
    elif datatype == "url" and isinstance(value, str):
        error, hint = url_problem(value, key)
        if error:
            checker.problem(location, error, hint)
            return None
        result = value
    elif datatype in ("duration", "currency", "url"):
        pattern, error = {
            "duration": (DURATION, f"'{key}' must be an ISO 8601 duration like P3Y or P18M"),
            "currency": (CURRENCY, f"'{key}' must be a three-letter currency code like GBP"),
            "url": (None, f"'{key}' must be an http(s) URL"),
        }[datatype]
        if pattern is not None and isinstance(value, str) and pattern.match(value):
            result, error = value, ""
    elif datatype in ("entity", "entities"):
        names = names_of(value)
        if names is None or (datatype == "entity" and len(names) != 1):
            error = f"'{key}' must be {'an entity id' if datatype == 'entity' else 'a list of entity ids'}"
        else:
            for name in names:
                checker.pending_refs.append((name, location.file, (location.line, location.column), key, ()))
            result = names[0] if datatype == "entity" else tuple(names)
    elif isinstance(value, str) and value.strip():
        result = value.strip()
    elif isinstance(value, str):
        checker.problem(location, f"'{key}' is empty", "write its words, or remove the line")
        return None
    else:
        error = f"'{key}' must be text"
    if error:
        checker.problem(location, error, _VALUE_HINTS.get(datatype, ""))
        return None
    return result
