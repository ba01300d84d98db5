"""`draft`: a source's stored text read into linked entities, candidates and proposed facts (offline, deterministic)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..analysis.coverage import sentences
from ..analysis.modality import modality_warnings
from ..errors import LoadError
from ..load.values import suggest
from ..model.checking import load_model
from ..model.modal_words import modal_words
from ..model.model import Entity, Fact, Location, Model
from ..model.quotes import normalise
from .candidates import Candidate, NameIndex
from .dates import latest_date
from .entities import find_entities
from .extract import extract, named_places
from .gazetteer import Gazetteer, Mention
from .names import CAPTION
from .proposals import Proposal, Sentence, distinct


@dataclass
class Draft:
    """What `draft` found in one source: mentions in text order, candidates, proposals, and the text itself."""

    source: str
    text: str
    date: str
    mentions: list[Mention] = field(default_factory=list)
    inside: list[Mention] = field(default_factory=list)
    candidates: dict[str, Candidate] = field(default_factory=dict)
    proposals: list[Proposal] = field(default_factory=list)
    where: dict[str, str] = field(default_factory=dict)  # known entity: the fact file defining it

    @property
    def linked(self) -> list[str]:
        """The known entities the text names, in order of first mention."""
        return list(dict.fromkeys(m.key for m in self.mentions if m.known and m.rule != "reference"))


def draft_source(graph_dir: Path, source_id: str) -> Draft:
    """Draft source `source_id` of the graph in `graph_dir`."""
    return draft_of(load_model(graph_dir), source_id)


def draft_of(model: Model, source_id: str) -> Draft:
    """Draft source `source_id` of `model`; raise if it has no stored text."""
    source = model.sources.get(source_id)
    if source is not None and not source.text:
        raise LoadError(f"source '{source_id}' has no stored text to draft from: store the article's text with "
                        f"`wmgraph add-source FILE --id NEW-ID`, or add 'text: texts/{source_id}.txt' to its entry "
                        "and save the text there")
    if source is None:
        stored = sorted(key for key, s in model.sources.items() if s.text)
        hint = suggest(source_id, stored) or "add it first with `wmgraph add-source FILE --id ID`"
        raise LoadError(f"no source '{source_id}' with a stored text ({hint})")
    return draft_text(model, source_id, source.text, source.date)


def draft_text(model: Model, source_id: str, text: str, date: str) -> Draft:
    """Draft `text` (of source `source_id`, dated `date` or '') against the entities of `model`."""
    gazetteer = Gazetteer.of(model.entities)
    names = NameIndex(model.entities)
    parts = sentences(text)
    dated = date if re.fullmatch(r"\d{4}(?:-\d\d){0,2}", date) else ""  # a year or a month is a date too
    anchor = "" if dated else latest_date([words for words, _, _ in parts])
    found = find_entities(text, {start for _, start, _ in parts}, gazetteer, date[:4], names, anchor[:4])
    result = Draft(source_id, text, date, found.mentions, found.inside, found.candidates)
    result.where = {key: model.entities[key].location.file for key in result.linked}
    ordered = sorted(found.mentions, key=lambda m: m.start)
    read = [Sentence(words, start, [_shifted(m, start) for m in ordered if start <= m.start and m.end <= end],
                     _heading(text, end)) for words, start, end in parts]
    folded = normalise(text).text
    accepted = _as_accepted(model, result)
    for proposal in distinct(extract(read, dated, anchor) + named_places(ordered, found.inside)):
        if proposal.quote and normalise(proposal.quote).text not in folded:
            proposal.why.append("quote not found verbatim: correct it")
        _checked_modality(model, proposal)
        _warned(accepted, source_id, proposal)
        result.proposals.append(proposal)
    return result


def _heading(text: str, end: int) -> bool:
    """Whether the sentence ending at `end` ends a line with no closing stop (a headline or standfirst)."""
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)]
    line = text[text.rfind("\n", 0, end) + 1:end]
    if CAPTION.match(line):
        return False  # a caption names who is pictured and whom they work for: the body may not
    return not rest.strip() and not text[:end].rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ":"))


def _shifted(mention: Mention, offset: int) -> Mention:
    return Mention(mention.start - offset, mention.end - offset, mention.words, mention.key, mention.type,
                   mention.known, mention.rule, mention.confidence, mention.alternatives, mention.note)


def _checked_modality(model: Model, proposal: Proposal) -> None:
    """Give a stated proposal the status `validate`'s modality check asks of its quote, or say none fits."""
    if proposal.status != "stated" or not proposal.quote or proposal.relation not in model.vocabulary.relations:
        return
    own = proposal.object.casefold() if proposal.object and proposal.object not in model.entities else ""
    found = [one for one in modal_words(proposal.quote) if one.kind.checked
             and not (own and one.words.casefold() in own)
             and not (proposal.relation == "partners-with" and one.words.lower().startswith("to "))]
    if not found:
        return
    fits = model.vocabulary.relations[proposal.relation].statuses or tuple(model.vocabulary.statuses)
    chosen = next((one for one in found if one.kind.status in fits), None)
    words = ", ".join(f"'{one.words}'" for one in found)
    if own:  # a statement: its words are said, so the quote's other words are to be cut, not a status
        proposal.why.append(f"its quote also speaks of what is not (yet) so ({words}): shorten it to the "
                            "statement, or answer with modality-ok: WHY")
        return
    if chosen is None:
        proposal.why.append(f"its quote speaks of what is not (yet) so ({words}) and no status fits "
                            f"{proposal.relation}: reword it, or answer with modality-ok: WHY")
        return
    proposal.status = chosen.kind.status
    proposal.why.append(f"status {chosen.kind.status} from '{chosen.words}' (the modality check)")


def _as_accepted(model: Model, draft: Draft) -> Model:
    """`model` with the draft's candidates as entities, as the graph would be were everything accepted."""
    where = Location("draft", 0, 0)
    entities = {**model.entities, **{key: Entity(key, c.type, c.name, where, (draft.source,), tuple(c.aliases))
                                     for key, c in draft.candidates.items() if key not in model.entities}}
    return dataclasses.replace(model, entities=entities, facts=[])


def _warned(accepted: Model, source_id: str, proposal: Proposal) -> None:
    """Say in the why-comment what `validate`'s modality check would warn of, were the proposal accepted as it is."""
    if proposal.relation not in accepted.vocabulary.relations:
        return
    qualifiers = tuple((key, Decimal(str(value)) if isinstance(value, float) else value)
                       for key, value in proposal.qualifiers.items())
    fact = Fact("draft", proposal.subject, proposal.relation, proposal.object,
                proposal.object is not None and proposal.object in accepted.entities, qualifiers, (source_id,),
                Location("draft", 0, 0), proposal.quote, proposal.status)
    said = any("modality-ok: WHY" in why for why in proposal.why)  # `_checked_modality` named the modal words
    for warning in modality_warnings(dataclasses.replace(accepted, facts=[fact])):
        if not (said and " is stated as so, " in warning.message):
            proposal.why.append(f"accepted as it is, validate warns: {warning.message}")
