"""Facts, amounts, dates and sources in words, for profiles, paths and diffs."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..model.model import Fact, Model, QualifierValue

CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}
LIST_SEPARATOR = "; "  # between the items of a list written as one text
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
_DURATION_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}
# qualifiers folded into another one's phrase, or shown apart (notes)
_FOLDED = {"currency", "approx", "measure", "previous-rank", "note", "start", "end"}


def money(value: int | Decimal, currency: str = "GBP") -> str:
    """Write a sum briefly: £14.5m, £1.2bn, £250,000, USD 3m."""
    symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
    amount = Decimal(value)
    for size, suffix in ((Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m")):
        if abs(amount) >= size:
            scaled = (amount / size).quantize(Decimal("0.01")).normalize()
            return f"{symbol}{format(scaled, 'f')}{suffix}"
    if amount == amount.to_integral_value():
        return f"{symbol}{int(amount):,}"
    return f"{symbol}{amount:,.2f}"


def duration(text: str) -> str:
    """Write an ISO 8601 duration in words: P3Y -> 3 years."""
    date_part, _, time_part = text[1:].partition("T")
    words = []
    for part, minute_unit in ((date_part, "month"), (time_part, "minute")):
        for number, unit in _DURATION_PART.findall(part):
            name = _DURATION_WORDS[unit] if unit != "M" else minute_unit
            words.append(f"{number} {name}{'' if number == '1' else 's'}")
    return " ".join(words) or text


def number(value: QualifierValue) -> str:
    """Write a count or decimal with thousands separators."""
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Decimal):
        return format(value.normalize(), ",f")
    return str(value)


def entity_name(model: Model, key: str) -> str:
    """Return the entity's name, or its id when it is not in the model."""
    entity = model.entities.get(key)
    return entity.name if entity is not None else key


def source_short(model: Model, key: str) -> str:
    """Describe a source briefly: title, publisher, date."""
    source = model.sources.get(key)
    if source is None:
        return key
    return ", ".join(part for part in (source.title, source.publisher, source.date) if part)


def source_with_where(model: Model, key: str) -> str:
    """A source briefly, with where to read it: its stored text in the graph folder, else its URL."""
    source = model.sources.get(key)
    where = (f"text: {source.text_file}" if source.text_file else source.url) if source is not None else ""
    return f"{source_short(model, key)} ({where})" if where else source_short(model, key)


def fact_sources(model: Model, fact: Fact, where: bool = False) -> str:
    """All sources of a fact, briefly, separated by semicolons (`where`: with where to read each)."""
    describe = source_with_where if where else source_short
    return "; ".join(describe(model, key) for key in fact.sources)


def _value(model: Model, key: str, value: QualifierValue) -> str:
    datatype = model.vocabulary.qualifiers[key].datatype if key in model.vocabulary.qualifiers else "text"
    if datatype in ("entity", "entities"):
        names = (value,) if isinstance(value, str) else value if isinstance(value, tuple) else ()
        return ", ".join(entity_name(model, str(name)) for name in names)
    if datatype == "duration":
        return duration(str(value))
    if datatype in ("integer", "decimal"):
        return number(value)
    return str(value)


def dates(fact: Fact) -> str:
    """The period or date a fact holds: 2020 to 2023, from 2020, until 2023."""
    start, end = fact.qualifier("start"), fact.qualifier("end")
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


def details(model: Model, fact: Fact) -> list[str]:
    """The qualifiers of a fact as short phrases, amounts first, notes left out."""
    approx = fact.qualifier("approx")
    prefix = f"{approx} " if approx else ""
    phrases: list[str] = []
    amount = fact.qualifier("amount")
    if isinstance(amount, int | Decimal):
        phrases.append(prefix + money(amount, str(fact.qualifier("currency") or "GBP")))
        prefix = ""
    jobs = fact.qualifier("jobs")
    if jobs is not None:
        phrases.append(f"{prefix}{number(jobs)} jobs")
        prefix = ""
    count, measure = fact.qualifier("count"), fact.qualifier("measure")
    if count is not None:
        phrases.append(f"{prefix}{number(count)} {measure or 'counted'}".rstrip())
        prefix = ""
    elif measure is not None:
        phrases.insert(0, str(measure))
    for key, value in fact.qualifiers:
        if key in _FOLDED or key in ("amount", "jobs", "count"):
            continue
        text = _value(model, key, value)
        if isinstance(value, int | Decimal) and key in model.vocabulary.qualifiers \
                and model.vocabulary.qualifiers[key].datatype == "money":
            text = money(value, str(fact.qualifier("currency") or "GBP"))
        if key in ("value", "share"):
            shown = f"{Decimal(str(value)) * 100:f}".rstrip("0").rstrip(".") + "%" if key == "share" else text
            phrases.append(prefix + shown)
            prefix = ""
        elif key == "rank":
            previous = fact.qualifier("previous-rank")
            phrases.append(f"rank {text}" + (f" (previously {previous})" if previous is not None else ""))
        elif key == "role":
            phrases.append(f"as {text}")
        elif key == "as-of":
            phrases.append(f"as of {text}")
        elif key == "by":
            phrases.append(f"by {text}")
        elif key == "duration":
            phrases.append(f"over {text}")
        elif key == "date":
            phrases.append(text)
        else:
            phrases.append(f"{model.vocabulary.qualifiers[key].label} {text}")
    period = dates(fact)
    if period:
        phrases.append(period)
    return phrases


def fact_sentence(model: Model, fact: Fact) -> str:
    """One fact in words: 'Version 1 pledges jobs in Birmingham: 500 jobs, over 3 years'."""
    relation = model.vocabulary.relations.get(fact.relation)
    label = relation.label if relation is not None else fact.relation.replace("-", " ")
    subject = entity_name(model, fact.subject)
    if fact.object is None:
        head = f"{subject} {label}"
    elif fact.object_is_entity:
        head = f"{subject} {label} {entity_name(model, fact.object)}"
    elif relation is not None and relation.quotation:  # only the speaker's own words go in quotation marks
        head = f"{subject} {label}: \u201c{fact.object}\u201d"
    else:
        head = f"{subject} {label}: {fact.object}"
    parts = details(model, fact)
    if not parts:
        return head
    if fact.object is not None and not fact.object_is_entity:
        return f"{head} ({', '.join(parts)})"
    return f"{head}: {', '.join(parts)}"


def status_text(model: Model, fact: Fact) -> str:
    """A fact's status as shown, with its date: 'planned (2023-10)'; '' for the default status (stated) undated."""
    status = model.vocabulary.statuses.get(fact.status)
    if status is None or (status.default and not fact.status_date):
        return ""
    shown = f"{status.label} ({fact.status_date})" if fact.status_date else status.label
    if status.retracts:  # a retracting status takes the fact back: it stands up to its date, not after
        return shown + (f": taken back, it stands no more after {fact.status_date}" if fact.status_date
                        else ": taken back, it stands no more")
    return shown


def has_date(model: Model, fact: Fact) -> bool:
    """Tell whether a fact carries any date qualifier."""
    qualifiers = model.vocabulary.qualifiers
    return any(key in qualifiers and qualifiers[key].datatype == "date" for key, _ in fact.qualifiers)


def listed(value: Any) -> Any:
    """A list as one text, its items joined by LIST_SEPARATOR (for formats that hold no lists); else `value`."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value
