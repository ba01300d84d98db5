"""A fact's or entity's evidence as written: its quote (checked later against the stored texts) and status."""

from __future__ import annotations

import re

from ..load.values import check_date, suggest
from ..load.yamlfile import MarkedDict
from .model import Location, Source
from .quotes import PreparedText
from .state import CheckState
from .vocabulary import RelationType

# a table cell: 'file.csv#C4' or 'book.xlsx#Sheet name!C4' (the A1 reference of a spreadsheet)
CELL = re.compile(r"^(?P<table>[^#]+)#(?:(?P<sheet>[^!]+)!)?(?P<column>[A-Z]{1,3})(?P<row>[1-9][0-9]*)\Z")
QUOTE_CASE_IGNORE = "ignore"  # `quote-case: ignore`: the quote matches its text whatever the case of its letters


def read_quote(checker: CheckState, owner: str, entry: MarkedDict, shown: str, sources: tuple[str, ...]) -> str:
    """The `quote:` of entity or fact `owner` ('' if none), queued to be found in its sources' stored texts."""
    ignore_case = False
    if "quote-case" in entry:
        value = entry["quote-case"]
        where = checker.at(shown, entry.mark_of("quote-case"))
        if value != QUOTE_CASE_IGNORE:
            checker.problem(where, f"'quote-case' must be '{QUOTE_CASE_IGNORE}'",
                            "write 'quote-case: ignore' to match the quote whatever its case, or remove the key")
        elif "quote" not in entry:
            checker.problem(where, "'quote-case' without 'quote'", "add 'quote:' or remove 'quote-case:'")
        ignore_case = value == QUOTE_CASE_IGNORE
    quote = checker.text_field(entry, "quote", shown)
    if not quote:
        return ""
    quote = " ".join(quote.split())  # a folded YAML string may break lines anywhere: one line, as it reads
    if sources:
        checker.pending_quotes.append((owner, quote, ignore_case, sources, shown, entry.mark_of("quote")))
    return quote


def read_cell(checker: CheckState, fact: MarkedDict, shown: str) -> tuple[str, str]:
    """The fact's `cell:` (the table cell it was imported from) and `cell-text:`, each '' if none."""
    cell = fact.get("cell", "")
    if cell and (not isinstance(cell, str) or not CELL.match(cell)):
        checker.problem(checker.at(shown, fact.mark_of("cell")), f"'cell' must name a table cell, got '{cell}'",
                        "write it as 'table.csv#C4' or 'book.xlsx#Sheet!C4'")
        cell = ""
    text = fact.get("cell-text", "")
    if "cell-text" in fact and not cell:
        checker.problem(checker.at(shown, fact.mark_of("cell-text")), "'cell-text' without 'cell'",
                        "add 'cell:' or remove 'cell-text:'")
    return str(cell), "" if text is None else str(text)


def read_status(checker: CheckState, relation: RelationType, fact: MarkedDict, shown: str,
                where: Location) -> tuple[str, str]:
    """The fact's status (its own, else its relation's default; '' with no statuses declared) and its date."""
    vocabulary = checker.vocabulary
    status, date = vocabulary.default_status(relation.key), ""
    if "status" in fact:
        value = fact["status"]
        location = checker.at(shown, fact.mark_of("status"))
        fitting = relation.statuses or tuple(vocabulary.statuses)
        if not isinstance(value, str) or value not in vocabulary.statuses:
            checker.problem(location, f"unknown status '{value}'", suggest(value, vocabulary.statuses)
                            or "one of: " + ", ".join(vocabulary.statuses) if vocabulary.statuses
                            else "the vocabulary declares no statuses: remove it")
        elif value not in fitting:
            checker.problem(location, f"status '{value}' does not fit a '{relation.key}' fact",
                            "one of: " + ", ".join(fitting))
        else:
            status = value
    if "status-date" in fact:
        location = checker.at(shown, fact.mark_of("status-date"))
        date, error = check_date(fact["status-date"])
        if error:
            checker.problem(location, f"'status-date': {error}")
        elif "status" not in fact:
            checker.problem(location, "'status-date' without 'status'", "add 'status:' or remove 'status-date:'")
    return status, date


def read_modality_ok(checker: CheckState, fact: MarkedDict, shown: str) -> str:
    """The fact's `modality-ok:`, why its plain status stands against the words of its quote ('' if none)."""
    return " ".join((checker.text_field(fact, "modality-ok", shown) or "").split())


def read_alias_ok(checker: CheckState, key: str, entry: MarkedDict, shown: str,
                  aliases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The entry's `alias-ok:`, why each alias it names stands though no stored text of the sources holds it."""
    raw = entry.get("alias-ok")
    if raw is None:
        return ()
    if not isinstance(raw, MarkedDict):
        checker.problem(checker.at(shown, entry.mark_of("alias-ok")), "'alias-ok' must map aliases to reasons",
                        "write one line per alias under it, 'ALIAS: why it stands'")
        return ()
    answers: list[tuple[str, str]] = []
    for alias in raw:
        why = checker.text_field(raw, alias, shown, one_line=True, required=True)
        if str(alias) not in aliases:
            checker.problem(checker.at(shown, raw.mark_of(alias)),
                            f"'alias-ok' answers '{alias}', which is not an alias of '{key}' in this entry",
                            "answer an alias listed in this entry's 'aliases:', as written there, or remove it")
        elif why:
            answers.append((str(alias), " ".join(why.split())))
    return tuple(answers)


def check_quotes(checker: CheckState) -> None:
    """Find every quote in the stored text of one of its sources; each found is kept as the text words it."""
    sources = checker.model.sources
    prepared: dict[str, PreparedText] = {}  # each stored text normalised once, however many quotes it holds
    exact: dict[str, str] = {}
    for owner, quote, ignore_case, cited, shown, mark in checker.pending_quotes:
        known = [sources[key] for key in cited if key in sources]
        if len(known) < len(cited) or any(source.key in checker.unread_texts for source in known):
            continue  # an unknown source or an unreadable text is reported already
        texts = [source for source in known if source.text.strip()]
        location = Location(shown, *mark)
        if not texts:
            _cannot_check(checker, location, known)
            continue
        for source in texts:
            if source.key not in prepared:
                prepared[source.key] = PreparedText(source.text)
        spans = ((source, prepared[source.key].find(quote, ignore_case)) for source in texts)
        found = next(((source, span) for source, span in spans if span is not None), None)
        if found is not None:
            source, (start, end) = found
            exact[owner] = source.text[start:end]
            continue
        first = prepared[texts[0].key]
        if not ignore_case and first.find(quote, ignore_case=True):
            checker.problem(location, f"quote differs from the text of '{texts[0].key}' only in case",
                            f"write it as the text does (\"{first.closest(quote)}\"), or add 'quote-case: ignore'")
        else:
            checker.problem(location, f"quote not found in the text of '{texts[0].key}'",
                            f"the closest passage is \"{first.closest(quote)}\"; copy the words as the text has them")
    _keep_exact(checker, exact)


def _cannot_check(checker: CheckState, location: Location, known: list[Source]) -> None:
    """Refuse a quote whose sources have no stored text, or only empty ones."""
    empty = [source for source in known if source.text_file]
    if empty:
        checker.problem(location, f"quote cannot be checked: the stored text of '{empty[0].key}' "
                        f"({empty[0].text_file}) is empty", "store the source's text in it, or remove the quote")
        return
    names = " or ".join(f"'{source.key}'" for source in known)
    checker.problem(location, f"quote cannot be checked: {names} has no stored text",
                    f"store the text and add 'text: texts/{known[0].key}.txt' to the source in "
                    "sources.yaml, or remove the quote")


def _keep_exact(checker: CheckState, exact: dict[str, str]) -> None:
    """Store each quote as its source's text words it (line breaks and typographic marks as written)."""
    model = checker.model
    for key, entity in model.entities.items():
        if key in exact and entity.quote != exact[key]:
            model.entities[key] = entity._replace(quote=exact[key])
    for index, fact in enumerate(model.facts):
        if fact.key in exact and fact.quote != exact[fact.key]:
            model.facts[index] = fact._replace(quote=exact[fact.key])
