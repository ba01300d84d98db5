"""What the interactive page shows, taken from the model: entities, facts, sources, dates, legend.

Everything a reader sees as text is prepared here (dates, money, counts), so the page's script only
places it; the script never formats or interprets data, and never parses it as HTML.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

from .factfiles import date_bounds
from .model import Fact, Model, QualifierValue, Source
from .vocabulary import Vocabulary

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}
DATE_QUALIFIERS = ("start", "end", "as-of", "date")
# A post has one holder at a time, so a newer holder ends an older open-ended holding.
ONE_HOLDER_RELATIONS = ("holds-post",)
# Which qualifier gives a fact its headline figure, in order of preference.
FIGURE_QUALIFIERS = ("amount", "jobs", "count", "value", "share", "rank")
DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}

Json = dict[str, Any]


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


def day_before(day: str) -> str:
    """Return the day before a YYYY-MM-DD date."""
    return (datetime.date.fromisoformat(day) - datetime.timedelta(days=1)).isoformat()


def fact_interval(fact: Fact) -> tuple[str | None, str | None]:
    """Return the first and last day a fact holds on its own terms (None: unbounded).

    `start`/`end` bound it; a fact stated only `as-of` or on a `date` holds from then on.
    """
    start = fact.qualifier("start")
    point = fact.qualifier("as-of") or fact.qualifier("date")
    end = fact.qualifier("end")
    begin = start if isinstance(start, str) else point if isinstance(point, str) else None
    return (date_bounds(begin)[0] if begin else None, date_bounds(end)[1] if isinstance(end, str) else None)


def validity(facts: list[Fact]) -> dict[str, tuple[str | None, str | None]]:
    """Return each fact's validity interval, ending open holdings of a post when a newer holder begins."""
    intervals = {fact.key: fact_interval(fact) for fact in facts}
    holders: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.relation in ONE_HOLDER_RELATIONS and fact.object is not None:
            holders[(fact.relation, fact.object)].append(fact)
    for group in holders.values():
        for fact in group:
            begin, end = intervals[fact.key]
            if end is not None:
                continue
            later = [intervals[other.key][0] for other in group if other.subject != fact.subject]
            later_begins = [b for b in later if b is not None and (begin is None or b > begin)]
            if later_begins:
                intervals[fact.key] = (begin, day_before(min(later_begins)))
    return intervals


def qualifier_text(model: Model, fact: Fact, key: str, value: QualifierValue) -> str:
    """Show one qualifier value for people: dates, money, numbers, durations, entity names."""
    datatype = model.vocabulary.qualifiers[key].datatype if key in model.vocabulary.qualifiers else "text"
    if isinstance(value, tuple):
        return ", ".join(_name(model, v) for v in value)
    if datatype == "date" and isinstance(value, str):
        return format_date(value)
    if datatype == "money" and not isinstance(value, str):
        return format_money(value, str(fact.qualifier("currency") or "GBP"))
    if key == "share" and isinstance(value, Decimal):
        return f"{format_number(value * 100)}%"
    if isinstance(value, int | Decimal):
        return format_number(value)
    if datatype == "duration":
        return format_duration(value)
    if datatype == "entity":
        return _name(model, value)
    return value


def headline_figure(model: Model, fact: Fact) -> str:
    """Return the fact's key quantity as a short text (£14.5m, 500 jobs, 21 partners), or ''."""
    for key in FIGURE_QUALIFIERS:
        value = fact.qualifier(key)
        if value is None or isinstance(value, tuple):
            continue
        text = qualifier_text(model, fact, key, value)
        if key == "jobs":
            text += " jobs"
        elif key == "rank":
            text = f"rank {text}"
        measure = fact.qualifier("measure")
        if key in ("count", "value", "share") and isinstance(measure, str):
            text += f" {measure}"
        approx = fact.qualifier("approx")
        return f"{approx} {text}" if isinstance(approx, str) else text
    return ""


def fact_record(model: Model, fact: Fact, interval: tuple[str | None, str | None]) -> Json:
    """The page's view of one fact: who, what, to whom, its qualifiers shown, its dates, its sources."""
    shown = [(model.vocabulary.qualifiers[k].label if k in model.vocabulary.qualifiers else k,
              qualifier_text(model, fact, k, v))
             for k, v in fact.qualifiers if k != "currency"]
    refs = sorted({v for k, v in fact.qualifiers if _is_entity_qualifier(model.vocabulary, k)
                   for v in (v if isinstance(v, tuple) else (v,)) if isinstance(v, str)})
    return {
        "id": fact.key,
        "s": fact.subject,
        "r": fact.relation,
        "o": fact.object if fact.object_is_entity else None,
        "t": None if fact.object_is_entity else fact.object,
        "q": [list(pair) for pair in shown],
        "fig": headline_figure(model, fact),
        "from": interval[0],
        "to": interval[1],
        "src": list(fact.sources),
        "refs": refs,
    }


def source_record(source: Source) -> Json:
    """The page's view of one source: title, publisher, authors, date and link."""
    return {
        "title": source.title,
        "publisher": source.publisher,
        "authors": ", ".join(source.authors),
        "date": format_date(source.date) if source.date else "",
        "url": source.url,
    }


def entity_record(model: Model, key: str) -> Json:
    """The page's view of one entity: name, type, aliases, description, link and sources."""
    entity = model.entities[key]
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "description": entity.description,
        "url": entity.url,
        "src": list(entity.sources),
    }


def legend(model: Model, entity_keys: list[str], facts: list[Fact]) -> tuple[list[Json], list[Json]]:
    """Entity types and relation types present, in vocabulary order, with colours, shapes and counts."""
    vocabulary = model.vocabulary
    type_counts: dict[str, int] = defaultdict(int)
    for key in entity_keys:
        type_counts[model.entities[key].type] += 1
    relation_counts: dict[str, int] = defaultdict(int)
    for fact in facts:
        relation_counts[fact.relation] += 1
    types = [{"key": t.key, "label": t.label, "colour": t.colour, "shape": t.shape, "count": type_counts[t.key]}
             for t in vocabulary.entity_types.values() if type_counts[t.key]]
    relations = [{"key": r.key, "label": r.label, "colour": r.colour, "count": relation_counts[r.key],
                  "edge": r.object_kind == "entity", "symmetric": r.symmetric}
                 for r in vocabulary.relations.values() if relation_counts[r.key]]
    return types, relations


def date_range(facts: list[Fact]) -> list[str]:
    """The first and last day any fact's dates mention, for the date control (empty if none)."""
    days: list[str] = []
    for fact in facts:
        for key in DATE_QUALIFIERS:
            value = fact.qualifier(key)
            if isinstance(value, str):
                days.extend(date_bounds(value))
    return [min(days), max(days)] if days else []


def page_data(model: Model, entity_keys: list[str], facts: list[Fact]) -> Json:
    """Everything but the drawing: entities, facts, sources and legend, for the chosen part of the model."""
    intervals = validity(facts)
    source_keys = sorted({s for key in entity_keys for s in model.entities[key].sources}
                         | {s for fact in facts for s in fact.sources})
    types, relations = legend(model, entity_keys, facts)
    return {
        "entities": {key: entity_record(model, key) for key in entity_keys},
        "facts": [fact_record(model, fact, intervals[fact.key]) for fact in facts],
        "sources": {key: source_record(model.sources[key]) for key in source_keys},
        "types": types,
        "relations": relations,
        "dates": date_range(facts),
    }


def _name(model: Model, key: str) -> str:
    entity = model.entities.get(key)
    return entity.name if entity is not None else key


def _is_entity_qualifier(vocabulary: Vocabulary, key: str) -> bool:
    qualifier = vocabulary.qualifiers.get(key)
    return qualifier is not None and qualifier.datatype in ("entity", "entities")
