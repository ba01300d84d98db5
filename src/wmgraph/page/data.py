"""What the interactive page shows, taken from the model: entities, facts, sources, dates, legend.

Everything a reader sees as text is prepared here (dates, money, counts), so the page's script only
places it; the script never formats or interprets data, and never parses it as HTML.

A big page holds tens of thousands of records, so they are rows (arrays), not objects with named
fields, entities are referred to by place, and what many facts share is sent once: a third of the
JSON, and quicker to write and to read. The page's script turns the rows back into objects.

- entities: `[id, name, type, sources, aliases, description, url]`, in the order of the nodes.
- facts: `[subject, relation, object, shown, source...]`, in fact key order. `subject` is the place
  of the entity in `entities`, and so is `object` if the relation links entities (else it is the
  text object or null); `shown` indexes `shown`.
- shown: `[qualifiers as [label, text] pairs, headline figure or "", entities mentioned, from, to,
  reported]`, one row for all the facts with the same qualifiers and status; a status other than
  the default (stated) is the last pair (`["status", "planned (Oct 2023)"]`), and the figure of a
  fact whose status gives no plain triple starts with it ("pledged 500 jobs"); `from` and `to` are the first and
  last day they hold (null: unbounded); `reported` is 1 when `from` is only the day a source first
  reported the fact (`as-of` or `date`), 0 when it is a `start`.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

from ..model.checking import date_bounds
from ..model.model import Entity, Fact, Model, QualifierValue, Source
from .texts import format_date, format_duration, format_money, format_number

# A post has one holder at a time, so a newer holder ends an older open-ended holding.
ONE_HOLDER_RELATIONS = ("holds-post",)
# Which qualifier gives a fact its headline figure, in order of preference.
FIGURE_QUALIFIERS = ("amount", "jobs", "count", "value", "share", "rank")

Json = dict[str, Any]
Interval = tuple[str | None, str | None]
Qualifiers = dict[str, QualifierValue]
# What a fact's qualifiers show: [label, text] pairs, the headline figure (or ""), entities mentioned.
Shown = tuple[list[list[str]], str, list[str]]


def day_before(day: str) -> str:
    """Return the day before a YYYY-MM-DD date."""
    return (datetime.date.fromisoformat(day) - datetime.timedelta(days=1)).isoformat()


class _Bounds(dict[str, tuple[str, str]]):
    """date_bounds, worked out once per distinct date (big graphs repeat the same few hundred)."""

    def __missing__(self, value: str) -> tuple[str, str]:
        bounds = self[value] = date_bounds(value)
        return bounds


def _interval(qualifiers: Qualifiers, bounds: _Bounds) -> Interval:
    return _span(qualifiers.get("start"), qualifiers.get("as-of") or qualifiers.get("date"), qualifiers.get("end"),
                 bounds)


def _span(start: QualifierValue | None, point: QualifierValue | None, end: QualifierValue | None,
          bounds: _Bounds) -> Interval:
    begin = start if isinstance(start, str) else point if isinstance(point, str) else None
    return (bounds[begin][0] if begin else None, bounds[end][1] if isinstance(end, str) else None)


def _qualifiers(fact: Fact) -> Qualifiers:
    """The fact's qualifiers by name; the first of a repeated name wins, as in Fact.qualifier."""
    return dict(fact.qualifiers[::-1])


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
    lines = [(fact.subject, fact.relation, fact.object) for fact in facts]
    for index, end in _ended_holdings(lines, own.__getitem__).items():
        intervals[facts[index].key] = (own[index][0], end)
    return intervals


def _ended_holdings(lines: Sequence[Sequence[Any]], own: Callable[[int], Interval]) -> dict[int, str]:
    """The new last day of each open holding of a post that a newer holder ends, by fact index.

    `lines` are the facts' subjects, relations and objects (the first three items of each).
    """
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index in [i for i, line in enumerate(lines) if line[1] in ONE_HOLDER_RELATIONS]:  # few are holdings
        line = lines[index]
        if line[2] is not None:
            holders[(line[1], line[2])].append(index)
    ended: dict[int, str] = {}
    for group in holders.values():
        spans = [own(index) for index in group]
        for index, (begin, end) in zip(group, spans, strict=True):
            if end is not None:
                continue
            subject = lines[index][0]
            later_begins = [b for other, (b, _) in zip(group, spans, strict=True)
                            if lines[other][0] != subject and b is not None and (begin is None or b > begin)]
            if later_begins:
                ended[index] = day_before(min(later_begins))
    return ended


class FactView(NamedTuple):
    """What a fact's qualifiers give the page: its interval on its own terms and what is shown."""

    interval: Interval
    shown: Shown


class FactShower:
    """Shows facts for people, formatting each distinct qualifier value only once per page."""

    def __init__(self, model: Model) -> None:
        self.entities = model.entities
        qualifiers = model.vocabulary.qualifiers
        self.labels = {key: q.label for key, q in qualifiers.items()}
        self.datatypes = {key: q.datatype for key, q in qualifiers.items()}
        self.entity_qualifiers = {key for key, q in qualifiers.items() if q.datatype in ("entity", "entities")}
        statuses = model.vocabulary.statuses
        self.status_labels = {key: status.label for key, status in statuses.items() if not status.default}
        self.untruthy = {key for key, status in statuses.items() if not status.truthy}
        self.retracting = {key for key, status in statuses.items() if status.retracts}
        self.pairs: dict[tuple[Any, ...], list[str]] = {}
        self.figures: dict[tuple[Any, ...], str] = {}
        # What facts' qualifiers show, one row for all the facts with the same ones: [label, text]
        # pairs, figure, entities mentioned, first and last day; `rows` finds a row by qualifiers.
        self.table: list[list[Any]] = []
        self.rows: dict[tuple[tuple[str, QualifierValue], ...], int] = {}
        self.dates: set[str] = set()  # every date the qualifiers give
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
        if qualifiers.keys().isdisjoint(FIGURE_QUALIFIERS):
            return ""
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

    def key(self, fact: Fact) -> tuple[tuple[str, QualifierValue], ...]:
        """What the facts that show alike share: their qualifiers, and their status unless it is the default."""
        if fact.status not in self.status_labels and not fact.status_date:
            return fact.qualifiers
        label = self.status_labels.get(fact.status) or fact.status
        return (*fact.qualifiers, ("status", f"{label} ({format_date(fact.status_date)})" if fact.status_date
                                   else label))

    def view(self, fact: Fact) -> FactView:
        """What the fact's qualifiers give the page, worked out once for all facts with the same ones."""
        pairs, figure, refs, begin, end, _ = self.table[self.row(fact)]
        return FactView((begin, end), (pairs, figure, refs))

    def row(self, fact: Fact) -> int:
        """The place in `table` of what the fact's qualifiers show (adding it if new)."""
        key = self.key(fact)
        found = self.rows.get(key)
        if found is not None:
            return found
        line, dates = self._line(fact)
        self.dates.update(dates)
        found = len(self.table)
        self.table.append(line)
        # Equal qualifiers show alike, except a share: Decimal("1") is 100% but the integer 1 is 1.
        if all(name != "share" for name, _ in fact.qualifiers):
            self.rows[key] = found
        return found

    def _line(self, fact: Fact) -> tuple[list[Any], list[str]]:
        """What the fact's qualifiers show, as a row of `table`, and the dates they give."""
        qualifiers = _qualifiers(fact)
        get = qualifiers.get
        start, end, as_of, date = get("start"), get("end"), get("as-of"), get("date")
        if fact.status in self.retracting and fact.status_date and not isinstance(end, str):
            end = fact.status_date  # taken back: it holds up to the status date (docs/rdf.md)
        dates = [value for value in (start, end, as_of, date) if isinstance(value, str)]
        shown = self._shown(fact, qualifiers) if qualifiers else ([], "", [])
        key = self.key(fact)
        if key is not fact.qualifiers:  # a status to show: the last pair, and before the figure if not truthy
            label = self.status_labels.get(fact.status, fact.status)
            shown = ([*shown[0], ["status", str(key[-1][1])]],
                     f"{label} {shown[1]}" if shown[1] and fact.status in self.untruthy else shown[1], shown[2])
        span = _span(start, as_of or date, end, self.bounds) if dates else (None, None)
        # 1 when the first day is only the day a source reported it (as-of or date), not a start.
        reported = int(not isinstance(start, str) and isinstance(as_of or date, str))
        return [*shown, *span, reported], dates

    def record(self, fact: Fact, interval: Interval, view: FactView | None = None) -> Json:
        """The page's view of one fact: who, what, to whom, its qualifiers shown, its dates, its sources."""
        record: Json = {"id": fact.key, "s": fact.subject, "r": fact.relation,
                        "o": fact.object if fact.object_is_entity else None}
        if not fact.object_is_entity and fact.object is not None:
            record["t"] = fact.object
        if fact.qualifiers or self.key(fact) is not fact.qualifiers:
            shown, figure, refs = (view or self.view(fact)).shown
            record["q"] = shown
            if figure:
                record["fig"] = figure
            if refs:
                record["refs"] = refs
        if interval[0] is not None:
            record["from"] = interval[0]
        if interval[1] is not None:
            record["to"] = interval[1]
        record["src"] = list(fact.sources)
        return record

    def _shown(self, fact: Fact, qualifiers: Qualifiers) -> Shown:
        """The qualifiers shown, figure and entities mentioned, for every fact with these qualifiers."""
        currency = str(qualifiers.get("currency") or "GBP")
        known = self.pairs.get  # most pairs are known already: look them up without a call to `pair`
        pairs = [known((k, type(v), v, currency)) or self.pair(k, v, currency)
                 for k, v in fact.qualifiers if k != "currency"]
        refs = [] if self.entity_qualifiers.isdisjoint(qualifiers) else self._refs(fact)
        return (pairs, self.figure(qualifiers), refs)

    def _refs(self, fact: Fact) -> list[str]:
        found = {v for k, value in fact.qualifiers if k in self.entity_qualifiers
                 for v in (value if isinstance(value, tuple) else (value,)) if isinstance(v, str)}
        return sorted(found)


def source_record(source: Source) -> Json:
    """The page's view of one source: title, publisher, authors, date and link."""
    return {
        "title": source.title,
        "publisher": source.publisher,
        "authors": ", ".join(source.authors),
        "date": format_date(source.date) if source.date else "",
        "url": source.url,
    }


def _legend(model: Model, type_counts: Counter[str], relation_counts: Counter[str]) -> tuple[list[Json], list[Json]]:
    vocabulary = model.vocabulary
    types = [{"key": t.key, "label": t.label, "colour": t.colour, "shape": t.shape, "count": type_counts[t.key]}
             for t in vocabulary.entity_types.values() if type_counts[t.key]]
    relations = [{"key": r.key, "label": r.label, "colour": r.colour, "count": relation_counts[r.key],
                  "edge": r.object_kind == "entity", "symmetric": r.symmetric, "quotation": r.quotation}
                 for r in vocabulary.relations.values() if relation_counts[r.key]]
    return types, relations


def _date_range(dates: Iterable[str], bounds: _Bounds | None = None) -> list[str]:
    bounds = _Bounds() if bounds is None else bounds
    days = [day for value in dates for day in bounds[value]]
    return [min(days), max(days)] if days else []


def _cited(model: Model, entities: list[Entity], facts: list[Fact]) -> set[str]:
    """The sources that these entities and facts cite."""
    cited: set[str] = set()
    everything = len(model.sources)
    # A big graph's facts cite every source long before the last: stop looking then.
    for sources in chain(map(attrgetter("sources"), facts), map(attrgetter("sources"), entities)):
        if len(cited) == everything:
            break
        cited.update(sources)
    return cited


def page_data(model: Model, entity_keys: list[str], facts: list[Fact]) -> Json:
    """Everything but the drawing: entities, facts, sources and legend, for the chosen part of the model."""
    # `facts` come in key order: the page lists an entity's facts of one relation in the order given.
    # Each pass over a big graph's facts reads them from memory afresh, so what can be is worked out
    # from the rows instead.
    shower = FactShower(model)
    # Most facts' qualifiers are known: look them up here, not in a call (a 0 found is looked up again).
    known, row = shower.rows.get, shower.row
    place = {key: index for index, key in enumerate(entity_keys)}
    rows: list[list[Any]] = [
        [place[fact.subject], fact.relation,
         place[fact.object] if fact.object_is_entity and fact.object is not None else fact.object,
         known(shower.key(fact)) or row(fact), *fact.sources]
        for fact in facts]
    table = shower.table

    def own(index: int) -> Interval:
        begin, end = table[rows[index][3]][3:5]
        return begin, end

    for index, end in _ended_holdings(rows, own).items():
        shown = table[rows[index][3]]
        rows[index][3] = len(table)
        table.append([*shown[:4], end, shown[5]])
    entities = [model.entities[key] for key in entity_keys]
    entity_rows = [[key, e.name, e.type, e.sources, e.aliases, e.description, e.url, e.formerly]
                   for key, e in zip(entity_keys, entities, strict=True)]
    source_keys = _cited(model, entities, facts)
    types, relations = _legend(model, Counter(map(itemgetter(2), entity_rows)), Counter(map(itemgetter(1), rows)))
    return {
        "entities": entity_rows,
        "facts": rows,
        "shown": table,
        "sources": {key: source_record(model.sources[key]) for key in sorted(source_keys)},
        "types": types,
        "relations": relations,
        "dates": _date_range(shower.dates, shower.bounds),
    }
