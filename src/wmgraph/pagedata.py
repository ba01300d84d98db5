"""What the interactive page shows, taken from the model: entities, facts, sources, dates, legend.

Everything a reader sees as text is prepared here (dates, money, counts), so the page's script only
places it; the script never formats or interprets data, and never parses it as HTML. Records leave
out empty fields (no aliases, no figure, no dates) to keep big pages small; the script reads a
missing field as empty.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, NamedTuple

from .factfiles import date_bounds
from .model import Fact, Model, QualifierValue, Source

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
Interval = tuple[str | None, str | None]
Qualifiers = dict[str, QualifierValue]


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


class _Bounds(dict[str, tuple[str, str]]):
    """date_bounds, worked out once per distinct date (big graphs repeat the same few hundred)."""

    def __missing__(self, value: str) -> tuple[str, str]:
        bounds = self[value] = date_bounds(value)
        return bounds


def _interval(qualifiers: Qualifiers, bounds: _Bounds) -> Interval:
    start = qualifiers.get("start")
    point = qualifiers.get("as-of") or qualifiers.get("date")
    end = qualifiers.get("end")
    begin = start if isinstance(start, str) else point if isinstance(point, str) else None
    return (bounds[begin][0] if begin else None, bounds[end][1] if isinstance(end, str) else None)


def _qualifiers(fact: Fact) -> Qualifiers:
    """The fact's qualifiers by name; the first of a repeated name wins, as in Fact.qualifier."""
    return dict(reversed(fact.qualifiers))


def fact_interval(fact: Fact) -> Interval:
    """Return the first and last day a fact holds on its own terms (None: unbounded).

    `start`/`end` bound it; a fact stated only `as-of` or on a `date` holds from then on.
    """
    return _interval(_qualifiers(fact), _Bounds())


def validity(facts: list[Fact], own: list[Interval] | None = None) -> dict[str, Interval]:
    """Return each fact's validity interval, ending open holdings of a post when a newer holder begins.

    `own`, if given, is each fact's interval on its own terms (as `fact_interval` gives it).
    """
    if own is None:
        bounds = _Bounds()
        own = [_interval(_qualifiers(fact), bounds) for fact in facts]
    intervals = {fact.key: span for fact, span in zip(facts, own, strict=True)}
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


class FactView(NamedTuple):
    """What a fact's qualifiers give the page: its interval on its own terms, what is shown, its dates."""

    interval: Interval
    shown: Json
    dates: tuple[str, ...]


class FactShower:
    """Shows facts for people, formatting each distinct qualifier value only once per page."""

    def __init__(self, model: Model) -> None:
        self.entities = model.entities
        qualifiers = model.vocabulary.qualifiers
        self.labels = {key: q.label for key, q in qualifiers.items()}
        self.datatypes = {key: q.datatype for key, q in qualifiers.items()}
        self.entity_qualifiers = {key for key, q in qualifiers.items() if q.datatype in ("entity", "entities")}
        self.pairs: dict[tuple[Any, ...], list[str]] = {}
        self.figures: dict[tuple[Any, ...], str] = {}
        self.views: dict[tuple[tuple[str, QualifierValue], ...], FactView] = {}
        self.bounds = _Bounds()

    def name(self, key: str) -> str:
        """The entity's name, or the key itself if it names no entity."""
        entity = self.entities.get(key)
        return entity.name if entity is not None else key

    def text(self, key: str, value: QualifierValue, currency: str) -> str:
        """Show one qualifier value: dates, money, numbers, durations, entity names."""
        datatype = self.datatypes.get(key, "text")
        if isinstance(value, tuple):
            return ", ".join(self.name(v) for v in value)
        if datatype == "date" and isinstance(value, str):
            return format_date(value)
        if datatype == "money" and not isinstance(value, str):
            return format_money(value, currency)
        if key == "share" and isinstance(value, Decimal):
            return f"{format_number(value * 100)}%"
        if isinstance(value, int | Decimal):
            return format_number(value)
        if datatype == "duration":
            return format_duration(value)
        if datatype == "entity":
            return self.name(value)
        return value

    def pair(self, key: str, value: QualifierValue, currency: str) -> list[str]:
        """[label, shown value] for one qualifier, shared by every fact with the same value."""
        # The type is part of the key: 1, True and Decimal(1) are equal but need not show alike.
        memo = (key, type(value), value, currency)
        found = self.pairs.get(memo)
        if found is None:
            found = self.pairs[memo] = [self.labels.get(key, key), self.text(key, value, currency)]
        return found

    def figure(self, qualifiers: Qualifiers) -> str:
        """The fact's key quantity as a short text (£14.5m, 500 jobs, 21 partners), or ''."""
        for key in FIGURE_QUALIFIERS:
            value = qualifiers.get(key)
            if value is None or isinstance(value, tuple):
                continue
            measure, approx = qualifiers.get("measure"), qualifiers.get("approx")
            memo = (key, type(value), value, qualifiers.get("currency"), measure, approx)
            found = self.figures.get(memo)
            if found is None:
                found = self.figures[memo] = self._figure(key, value, qualifiers)
            return found
        return ""

    def _figure(self, key: str, value: QualifierValue, qualifiers: Qualifiers) -> str:
        text = self.text(key, value, str(qualifiers.get("currency") or "GBP"))
        if key == "jobs":
            text += " jobs"
        elif key == "rank":
            text = f"rank {text}"
        measure = qualifiers.get("measure")
        if key in ("count", "value", "share") and isinstance(measure, str):
            text += f" {measure}"
        approx = qualifiers.get("approx")
        return f"{approx} {text}" if isinstance(approx, str) else text

    def view(self, fact: Fact) -> FactView:
        """What the fact's qualifiers give the page, worked out once for all facts with the same ones."""
        found = self.views.get(fact.qualifiers)
        if found is not None:
            return found
        qualifiers = _qualifiers(fact)
        dates = tuple(value for key in DATE_QUALIFIERS if isinstance(value := qualifiers.get(key), str))
        found = FactView(_interval(qualifiers, self.bounds), self._shown(fact, qualifiers) if qualifiers else {},
                         dates)
        # Equal qualifiers show alike, except a share: Decimal("1") is 100% but the integer 1 is 1.
        if "share" not in qualifiers:
            self.views[fact.qualifiers] = found
        return found

    def record(self, fact: Fact, interval: Interval, view: FactView | None = None) -> Json:
        """The page's view of one fact: who, what, to whom, its qualifiers shown, its dates, its sources."""
        record: Json = {"id": fact.key, "s": fact.subject, "r": fact.relation,
                        "o": fact.object if fact.object_is_entity else None}
        if not fact.object_is_entity and fact.object is not None:
            record["t"] = fact.object
        if fact.qualifiers:
            record.update((view or self.view(fact)).shown)
        if interval[0] is not None:
            record["from"] = interval[0]
        if interval[1] is not None:
            record["to"] = interval[1]
        record["src"] = list(fact.sources)
        return record

    def _shown(self, fact: Fact, qualifiers: Qualifiers) -> Json:
        """The qualifiers shown, figure and entities mentioned, for every fact with these qualifiers."""
        currency = str(qualifiers.get("currency") or "GBP")
        shown: Json = {"q": [self.pair(k, v, currency) for k, v in fact.qualifiers if k != "currency"]}
        figure = self.figure(qualifiers)
        if figure:
            shown["fig"] = figure
        refs = self._refs(fact)
        if refs:
            shown["refs"] = refs
        return shown

    def _refs(self, fact: Fact) -> list[str]:
        found = {v for k, value in fact.qualifiers if k in self.entity_qualifiers
                 for v in (value if isinstance(value, tuple) else (value,)) if isinstance(v, str)}
        return sorted(found)


def qualifier_text(model: Model, fact: Fact, key: str, value: QualifierValue) -> str:
    """Show one qualifier value for people: dates, money, numbers, durations, entity names."""
    return FactShower(model).text(key, value, str(fact.qualifier("currency") or "GBP"))


def headline_figure(model: Model, fact: Fact) -> str:
    """Return the fact's key quantity as a short text (£14.5m, 500 jobs, 21 partners), or ''."""
    return FactShower(model).figure(_qualifiers(fact))


def fact_record(model: Model, fact: Fact, interval: Interval) -> Json:
    """The page's view of one fact: who, what, to whom, its qualifiers shown, its dates, its sources."""
    return FactShower(model).record(fact, interval)


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
    """The page's view of one entity: name, type, sources, and its aliases, description and link if any."""
    entity = model.entities[key]
    record: Json = {"name": entity.name, "type": entity.type}
    if entity.aliases:
        record["aliases"] = list(entity.aliases)
    if entity.description:
        record["description"] = entity.description
    if entity.url:
        record["url"] = entity.url
    record["src"] = list(entity.sources)
    return record


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
    return _date_range(tuple(value for key in DATE_QUALIFIERS if isinstance(value := fact.qualifier(key), str))
                       for fact in facts)


def _date_range(dates_of_facts: Iterable[tuple[str, ...]]) -> list[str]:
    dates = {value for values in dates_of_facts for value in values}
    days = [day for value in dates for day in date_bounds(value)]
    return [min(days), max(days)] if days else []


def page_data(model: Model, entity_keys: list[str], facts: list[Fact]) -> Json:
    """Everything but the drawing: entities, facts, sources and legend, for the chosen part of the model."""
    shower = FactShower(model)
    views = [shower.view(fact) for fact in facts]
    intervals = validity(facts, [view.interval for view in views])
    source_keys = sorted({s for key in entity_keys for s in model.entities[key].sources}
                         | {s for fact in facts for s in fact.sources})
    types, relations = legend(model, entity_keys, facts)
    return {
        "entities": {key: entity_record(model, key) for key in entity_keys},
        "facts": [shower.record(fact, intervals[fact.key], view) for fact, view in zip(facts, views, strict=True)],
        "sources": {key: source_record(model.sources[key]) for key in source_keys},
        "types": types,
        "relations": relations,
        "dates": _date_range(view.dates for view in views),
    }
