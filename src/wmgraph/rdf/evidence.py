"""A quote as a W3C Web Annotation: the passage of its source that supports a statement or an entity.

Each quoted fact or entity gets an `oa:Annotation` (motivation `oa:describing`: the statement
describes the passage) whose body is the statement node (or entity) and whose target is an
`oa:SpecificResource`: the source (`oa:hasSource`) narrowed by an `oa:TextQuoteSelector` with the
words (`oa:exact`) and, when the source's stored text holds them, up to 32 characters either side
(`oa:prefix`, `oa:suffix`) of their first occurrence. The statement links to it with `wm:evidence`.

A fact imported from a table (`cell:`) gets a second annotation, `annotation/<statement>.cell`,
whose target is the table's source narrowed by an `oa:FragmentSelector`: for a CSV file the RFC
7111 fragment `cell=R,C` (row and column numbers, the header row 1; `dcterms:conformsTo` RFC 7111), for a
spreadsheet the A1 reference `'Sheet'!C4`. The cell's text as written, when the import
normalised it, refines the selector as an `oa:TextQuoteSelector`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..model.model import Model, Source
from ..model.quotes import normalise
from ..model.vocabulary import Vocabulary
from .terms import DCTERMS, OA, RDF, RDF_TYPE, Literal, Triple

CONTEXT = 32  # characters of oa:prefix and oa:suffix


@lru_cache(maxsize=256)
def _normalised(text: str) -> tuple[str, str]:
    """A stored text in the quote checker's form, and without case too (the same length, else '')."""
    plain = normalise(text).text
    lower = normalise(text, ignore_case=True).text
    return plain, lower if len(lower) == len(plain) else ""


def annotation_iri(vocabulary: Vocabulary, key: str) -> str:
    """The IRI of the annotation of a fact's statement or an entity (`key`: the statement id or entity id)."""
    return vocabulary.base + "annotation/" + key


def selector(quote: str, text: str) -> tuple[str, str, str]:
    """oa:exact, oa:prefix and oa:suffix of `quote` in a stored `text` (prefix and suffix '' if not found)."""
    exact = normalise(quote).text
    if not text or not exact:
        return exact, "", ""
    plain, lower = _normalised(text)
    at = plain.find(exact)
    if at < 0 and lower:
        at = lower.find(exact.lower())
    if at < 0:
        return exact, "", ""
    end = at + len(exact)
    return plain[at:end], plain[max(0, at - CONTEXT):at], plain[end:end + CONTEXT]


def _source_of(quote: str, sources: list[Source]) -> Source:
    """The first of `sources` whose stored text holds the quote, else the first with a stored text, else the first."""
    exact = normalise(quote, ignore_case=True).text
    with_text = [source for source in sources if source.text]
    for source in with_text:
        if exact in _normalised(source.text)[1] or exact in _normalised(source.text)[0]:
            return source
    return (with_text or sources)[0]


def annotation_triples(vocabulary: Vocabulary, key: str, body: str, quote: str,
                       sources: list[Source], source_iri: str) -> Iterator[Triple]:
    """The annotation of one quote: body `body` (a statement node or entity) and its passage of a source."""
    if not sources:
        return
    source = _source_of(quote, sources)
    node = annotation_iri(vocabulary, key)
    target, chosen = node + ".target", node + ".selector"
    yield node, RDF_TYPE, OA + "Annotation"
    yield node, OA + "motivatedBy", OA + "describing"
    yield node, OA + "hasBody", body
    yield node, OA + "hasTarget", target
    yield target, RDF_TYPE, OA + "SpecificResource"
    yield target, OA + "hasSource", source_iri + source.key
    yield target, OA + "hasSelector", chosen
    exact, prefix, suffix = selector(quote, source.text)
    yield chosen, RDF_TYPE, OA + "TextQuoteSelector"
    yield chosen, OA + "exact", Literal(exact)
    if prefix:
        yield chosen, OA + "prefix", Literal(prefix)
    if suffix:
        yield chosen, OA + "suffix", Literal(suffix)


def model_annotations(model: Model) -> Iterator[Triple]:
    """The annotations of every quoted fact and entity of `model`."""
    vocabulary, base = model.vocabulary, model.vocabulary.base
    source_base = base + "source/"
    for entity in model.entities.values():
        if entity.quote:
            found = [model.sources[key] for key in entity.sources if key in model.sources]
            yield from annotation_triples(vocabulary, entity.key, base + entity.key, entity.quote, found, source_base)
    for fact in model.facts:
        if fact.quote:
            found = [model.sources[key] for key in fact.sources if key in model.sources]
            yield from annotation_triples(vocabulary, fact.key, base + "statement/" + fact.key, fact.quote, found,
                                          source_base)


RFC_7111 = "http://tools.ietf.org/rfc/rfc7111"
_CELL = re.compile(r"^(?P<table>[^#]+)#(?:(?P<sheet>[^!]+)!)?(?P<column>[A-Z]+)(?P<row>[0-9]+)\Z")


def column_number(letters: str) -> int:
    """The 1-based number of a spreadsheet column's letters ('A' is 1, 'AA' is 27)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def cell_triples(vocabulary: Vocabulary, key: str, body: str, cell: str, cell_text: str,
                 source: str) -> Iterator[Triple]:
    """The annotation of an imported fact's table cell `cell` in the table's source IRI `source`."""
    found = _CELL.match(cell)
    if found is None:
        return
    node = annotation_iri(vocabulary, key) + ".cell"
    target, chosen = node + ".target", node + ".selector"
    yield body, vocabulary.project_namespace + "evidence", node
    yield node, RDF_TYPE, OA + "Annotation"
    yield node, OA + "motivatedBy", OA + "describing"
    yield node, OA + "hasBody", body
    yield node, OA + "hasTarget", target
    yield target, RDF_TYPE, OA + "SpecificResource"
    yield target, OA + "hasSource", source
    yield target, OA + "hasSelector", chosen
    yield chosen, RDF_TYPE, OA + "FragmentSelector"
    if found["sheet"]:
        yield chosen, RDF + "value", Literal(f"'{found['sheet']}'!{found['column']}{found['row']}")
    else:
        yield chosen, RDF + "value", Literal(f"cell={found['row']},{column_number(found['column'])}")
        yield chosen, DCTERMS + "conformsTo", RFC_7111
    if cell_text:
        refined = chosen + ".text"
        yield chosen, OA + "refinedBy", refined
        yield refined, RDF_TYPE, OA + "TextQuoteSelector"
        yield refined, OA + "exact", Literal(cell_text)
