"""Facts proposed sentence by sentence: posts, speech, figures, places, parts, descriptions, announcements."""

from __future__ import annotations

import re

from ..model.modal_words import status_of
from .affiliations import affiliations, deals, studies, titles, ventures
from .careers import careers
from .dates import resolve
from .descriptions import descriptions
from .figure_facts import figure_facts
from .gazetteer import Mention
from .names import COUNTRIES, DEMONYMS
from .plans import not_yet_based, plans
from .press import active_links, money_from, passive_links, sign_offs, speakers
from .proposals import BODIES, PLACES, Context, Proposal, Qualifiers, Sentence, possessive
from .rankings import rankings, superlatives
from .speech import speech

_ROLE = re.compile(r" and (chair|head|leader|chief executive|director|founder|president) of (?:the )?$")
_APPOSED_POST = re.compile(r",\s+(?:the\s+|a\s+)?(?:[A-Z][\w]*(?: [A-Z]\w*)*['’]s\s+)?")
_DESCRIBED = re.compile(r", an? ((?:[\w-]+ ){0,6}?(?:[a-z-]+)(?: (?:from|in|based in) [A-Z][\w ]*)?)(?=,|\.)")
_MOST_OF_THEM = re.compile(r"(?:Most|Many|Some|All|Half|The majority|A third|A quarter) of (?:them|these|those)"
                           r"(?: \w+)? (?:work|works|operate|operates|specialise|specialize|are active|are) in "
                           r"(?P<main>[^,.;]+?)(?:, with (?P<other>[^,.;]+?) (?:the|as|being) (?:other|next|also)"
                           r"(?: main| largest| biggest| leading)? (?:areas|fields|sectors|industries)[^,.;]*)?"
                           r"(?=[,.;]|$)")
_FOCUS = re.compile(r"\b(?:concentrate|concentrates|focus|focuses|focused|specialise|specialises|specializes) "
                    r"(?:on|in) ([^.;]+)")


# "is understood to", "according to people familiar with": unconfirmed, no fact yet (who is who still holds)
_HEARSAY = re.compile(r"\b(?:is|are|was|were) (?:understood|believed|thought|rumoured|said) to\b|\breportedly\b|"
                      r"\ballegedly\b|\b(?:[Ss]ources?|[Pp]eople|[Ii]nsiders?) (?:close to|familiar with)\b|"
                      r"\b[Ii]t is (?:understood|believed|thought)\b")
# "X has not partnered with Y", "is no longer led by": the words deny the fact they hold
_DENIED = re.compile(r"(?<!-)\b(?:not|never|no longer|denied|denies)\b(?!-)|n['’]t\b")  # "not-for-profit" aside
_DESCRIBED_ANYWAY = ("sector", "based-in", "works-for", "holds-post", "past-role", "leads")


def extract(sentences: list[Sentence], source_date: str, anchor: str = "") -> list[Proposal]:
    """Every fact the rules find in `sentences` (headings aside: they repeat the body), in text order.

    `anchor` is what an undated article's relative years are read by (`dates.latest_date`).
    """
    context = Context()
    context.anchor = anchor
    found: list[Proposal] = []
    rules = (_posts, speech, _both, figure_facts, _places, _parts, _appositions, _possessives, _focus,
             _fields_of_counted, _purpose, _announced,
             affiliations, descriptions, careers, plans, rankings, superlatives, titles, studies, ventures, deals,
             passive_links, active_links, money_from)
    for sentence in sentences:
        if not sentence.heading:
            told = [p for rule in rules for p in rule(sentence, context, source_date)]
            hearsay = _HEARSAY.search(sentence.text) is not None
            found += [p for p in told if (not hearsay or p.relation in _DESCRIBED_ANYWAY)
                      and (p.relation in ("said", "said-that") or not _DENIED.search(p.quote))]
        context.see(sentence)
    found = _former(_dated_by_event(_unrepeated(not_yet_based(found))), sentences) + speakers(sentences, source_date)
    found = [p for p in found if p.object != p.subject]  # a body funding or owning itself: a reference misread
    said = {(p.subject, p.relation, p.object) for p in found}
    return found + [p for p in sign_offs(sentences, source_date) if (p.subject, p.relation, p.object) not in said]


def named_places(mentions: list[Mention], inside: list[Mention]) -> list[Proposal]:
    """A new project named after a known place is based there; a new post 'Mayor of PLACE' is a post of it."""
    found: list[Proposal] = []
    for place in (m for m in inside if m.known and m.type in PLACES):
        for named in (m for m in mentions if m.start <= place.start and place.end <= m.end and not m.known
                      and m.key != place.key and not any(p.subject == m.key for p in found)):
            if named.type in ("initiative", "programme") and named.start == place.start and place.type != "country" \
                    and not re.search(r"\bFund\b", named.words):  # a fund is named for where it invests
                found.append(Proposal(named.key, "based-in", place.key, {}, named.words, rule="named-after-place",
                                      confidence=0.4, why=["named after the place: check it is based there"]))
            elif named.type == "post" and named.end == place.end and re.search(r" of (?:the )?$",
                                                                               named.words[:place.start - named.start]):
                found.append(Proposal(named.key, "post-in", place.key, {}, named.words, rule="post-of-place",
                                      confidence=0.5))
    return found


_FORMER = re.compile(r"\b(?:former|ex-|previous(?:ly)?|one-time|onetime|then)\b\s*|(?:who|which)\s+(?:was|had been)\s+",
                     re.IGNORECASE)  # "X, who was chief executive of Y until 2022": a role held before


_GONE = re.compile(r",?\s+(?:who\s+)?(?:has\s+|had\s+)?(?:retired|resigned|stepped down|stood down|(?:left|quit) "
                   r"(?:the|its|his|her) (?:company|firm|business|board|role|post|organisation))\b")


def _former(found: list[Proposal], sentences: list[Sentence]) -> list[Proposal]:
    """A post or title held 'formerly' ('Its former chief executive, X', 'former Mayor X') is a past role."""
    text = " ".join(s.text for s in sentences)
    for proposal in (p for p in found if p.relation in ("works-for", "holds-post", "leads")):
        role = str(proposal.qualifiers.get("role", ""))
        if re.match(r"(?:who|which) (?:is|are) ", role):  # "X, who is chief executive of Y": the title alone
            role = proposal.qualifiers["role"] = role.split(" ", 2)[2]
        at = text.find(proposal.quote)
        before = text[max(0, at - 12):at] if at >= 0 else ""
        gone = at >= 0 and _GONE.match(text, at + len(proposal.quote)) is not None  # "X, ..., retired last year"
        if _FORMER.match(role) or re.search(r"\b(?:former|ex-|previous)\s*$", before, re.IGNORECASE) \
                or _FORMER.match(proposal.quote) or gone:
            title = _FORMER.sub("", role, count=1) or proposal.object or ""
            proposal.why.append(f"a former role: the {proposal.relation} of '{proposal.quote}' no longer holds")
            proposal.object = title if title == proposal.object else f"{title} ({proposal.object})"
            proposal.relation = "past-role"
            proposal.qualifiers = {}
    told = [(p.subject, p.object or "") for p in found if p.relation == "past-role" and " (" not in (p.object or "")]
    return [p for p in found if not (p.relation == "past-role" and " (" in (p.object or "") and any(
        subject == p.subject and said.startswith((p.object or "").split(" (")[0] + " ") for subject, said in told))]


def _dated_by_event(found: list[Proposal]) -> list[Proposal]:
    """A place won or ranked at, a speaker at, a host of an event the article dates ('a ceremony in Lisbon last
    Wednesday') takes its date."""
    held = {p.subject: p for p in found if p.relation == "held-at" and "date" in p.qualifiers}
    for proposal in found:
        event = held.get(proposal.object or "")
        if proposal.relation in ("ranked-by", "spoke-at", "hosted") and event is not None \
                and "date" not in proposal.qualifiers:
            proposal.qualifiers["date"] = event.qualifiers["date"]
            proposal.why.append(f"dated as the event: '{event.quote}'")
    return found


def _unrepeated(found: list[Proposal]) -> list[Proposal]:
    """The proposals less a figure a later sentence gives again for the same subject (a standfirst's summary).

    A sum given twice to different objects ('£25m from DCMS', 'another £25m from the government') is kept.
    """
    def figure(p: Proposal) -> tuple[str, object] | None:
        value = p.qualifiers.get("jobs", p.qualifiers.get("count", p.qualifiers.get("amount")))
        return (p.subject, value) if value is not None else None
    last = {figure(p): i for i, p in enumerate(found) if figure(p) is not None}
    return [p for i, p in enumerate(found) if figure(p) is None or last[figure(p)] == i
            or (p.relation not in ("statistic", "stated-count", "pledges-jobs")
                and (found[last[figure(p)]].relation, found[last[figure(p)]].object) != (p.relation, p.object))]


def _posts(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    found = []
    ms = sentence.mentions
    for person in (m for m in ms if m.type == "person"):
        after = next((m for m in ms if m.start >= person.end and m.type == "post"), None)
        before = next((m for m in reversed(ms) if m.end <= person.start and m.type == "post"), None)
        if after is not None and _APPOSED_POST.fullmatch(sentence.text[person.end:after.start]):
            found += _holding(sentence, person, after, person.start, after.end, date)
        elif before is not None and re.fullmatch(r",?\s+", sentence.text[before.end:person.start]):
            found += _holding(sentence, person, before, before.start, person.end, date)
    for org in ms:
        role = _ROLE.search(sentence.text[:org.start])
        leader = sentence.before(org.start, ("person",))
        if role and leader is not None and org.type in BODIES:
            qualifiers: Qualifiers = {"role": role.group(1), **({"as-of": date} if date else {})}
            found.append(Proposal(leader.key, "leads", org.key, qualifiers, sentence.quote(leader.start, org.end),
                                  rule="role-of", confidence=0.6))
    return found


def _holding(sentence: Sentence, person: Mention, post: Mention, start: int, end: int, date: str) -> list[Proposal]:
    found = [Proposal(person.key, "holds-post", post.key, {"as-of": date} if date else {},
                      sentence.quote(start, end), rule="post-apposition", confidence=0.8)]
    country = next((m for m in sentence.mentions if m.type == "country" and person.end <= m.start < post.start
                    and possessive(sentence, m, post)), None)
    if country is not None and not post.known:
        found.append(Proposal(post.key, "post-in", country.key, {}, sentence.quote(country.start, post.end),
                              rule="post-of-country", confidence=0.6))
    return found


def _places(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    found = []
    ms = sentence.mentions
    for a, b in zip(ms, ms[1:], strict=False):
        gap = sentence.text[a.end:b.start]
        held_at = a.type == "event" and re.fullmatch(r"\s+(?:(?:is|was|will be) )?(?:held )?at\s+(?:the\s+)?", gap)
        if b.type not in PLACES or not (held_at or re.fullmatch(
                r"(?:\s+\([A-Z]{2,6}\)|\))?\s+(?:is |are )?(?:based |located )?in\s+(?:the\s+)?", gap)) \
                or re.search(r"\b(?:first|only|largest|biggest|best|\w+est)\s+$", sentence.text[:a.start]):
            continue  # "the first test bed in the UK" ranks, it does not place
        relation = "within" if a.type in PLACES else "held-at" if a.type == "event" else "based-in" \
            if a.type in (*BODIES, "initiative", "programme") else ""
        when = resolve(sentence.text[b.end:], date)
        qualifiers: Qualifiers = {"date": when[0]} if relation == "held-at" and when[0] else {}
        if relation:
            end = sentence.text.find(when[1], b.end) + len(when[1]) if qualifiers else b.end
            named = next((m for m in ms if m.key == a.key and m.end + 2 == a.start), a)  # "the NEC" of "... (NEC)"
            found.append(Proposal(a.key, relation, b.key, qualifiers, sentence.quote(named.start, end),
                                  rule=f"{relation}-in", confidence=0.6,
                why=[when[2]] if qualifiers and when[2] else []))
    sites = re.search(r"\b(?:sites|offices|bases|locations) in ", sentence.text)
    holder = sentence.before(sites.start(), ("initiative", *BODIES)) if sites else None
    holder_key = holder.key if holder is not None else context.last.get("initiative")
    if sites and holder_key:
        stop = re.search(r"[.;]|$", sentence.text[sites.end():])
        end = sites.end() + (stop.start() if stop else 0)
        for place in (m for m in ms if sites.end() <= m.start < end and m.type in PLACES):
            found.append(Proposal(holder_key, "based-in", place.key, {}, sentence.quote(sites.start(), end),
                                  rule="sites-in", confidence=0.6))
    return found


_OWNED_NAME = re.compile(r"(?:[\w-]+['’]s\s+)?(?:[£€$][\d.,]+\s?(?:bn|m|k|million|billion)?\s+)?")


def _parts(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    found = []
    projects = ("event", "initiative", "programme", "report")
    for match in re.finditer(r"\bpart of (?:the )?", sentence.text):
        # "part of the government's £30m Skills programme": the whole is named a few words on
        whole = sentence.at(match.end())
        if whole is None or sentence.text.startswith(("'s", "’s"), whole.end):
            whole = next((m for m in sentence.mentions if m.start > match.end() and m.type in projects
                          and _OWNED_NAME.fullmatch(sentence.text[match.end():m.start])), None)
        part = sentence.before(match.start(), projects)
        if part is None and re.match(r"(?:It|This|The (?:project|scheme|pilot|programme))\b", sentence.text) \
                and context.kinds.get(context.subject) in projects:
            part = Mention(0, 0, "", context.subject, context.kinds[context.subject], False, "previous-subject", 0.5)
        if whole is not None and part is not None and part.key != whole.key:
            found.append(Proposal(part.key, "part-of", whole.key, {}, sentence.quote(part.start, whole.end),
                                  rule="part-of", confidence=0.6))
    among = re.match(r"Among the (?:\w+ )?(?:schemes|projects|programmes|initiatives) (?:is|are) (?:a |an |the )?",
                     sentence.text)
    part_mention = sentence.at(among.end()) if among else None
    whole_key = context.last.get("initiative")
    if part_mention is not None and whole_key and whole_key != part_mention.key:
        found.append(Proposal(part_mention.key, "part-of", whole_key, {}, sentence.quote(0, part_mention.end),
                              rule="among-the-parts", confidence=0.5))
    return found


def _appositions(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    found = []
    for mention in (m for m in sentence.mentions if m.type in BODIES):
        described = _DESCRIBED.match(sentence.text[mention.end:])
        field = _field(described.group(1)) if described else ""
        for place in (m.words for m in sentence.mentions if m.type in PLACES):
            field = field[len(place) + 1:] if field.startswith(place + " ") else "" if field == place else field
        if described and field and not _NO_FIELD.search(field):  # "X, a Leeds firm": where it is, no field
            found.append(Proposal(mention.key, "sector", field, {},
                                  sentence.quote(mention.start, mention.end + described.end()),
                                  rule="apposition", confidence=0.5))
    return found


# "a five-year-old company", "a 40-strong team", "a key player", "a partner in", "a family-owned business": no field
_NO_FIELD = re.compile(r"^(?:\S+-(?:year-old|strong|owned|run|backed|led|listed)|(?:(?:early|lead|founding|main|major|"
                       r"key|existing|long-standing)\s+)?(?:partner|investor|backer|member|subsidiary|client|customer|"
                       r"shareholder|part|player))\b|^(?:key|major|big|small)$|\b(?:player|team)$")


_NOT_FIELD_WORDS = re.compile(r"\s+(?:from|in|based in)\s+.*$|^(?:[\w-]+-based|leading|global|new|local|major|key|big|"
                              r"small|fast-growing|growing|young|established)\s+")


def _field(words: str) -> str:
    """What a body does, from the words describing it: 'a Singapore-based regtech company' -> 'regtech'."""
    words = _NOT_FIELD_WORDS.sub("", words)
    first = words.split(" ", 1)[0]
    if first in COUNTRIES or first in DEMONYMS:
        words = words[len(first) + 1:] or words  # "a US data centre operator": where it is from, not what it does
    return re.sub(r"\s+(?:company|firm|business|group|organisation|start-?up)$", "", words) or words


_BOTH = re.compile(r"(?:Both|The two) (?:of the )?(programmes|schemes|initiatives|projects|companies|firms|"
                   r"organisations)\b")
_FUNDING = re.compile(r"\b(?:funding|funded|backed|investment)\b")


def _both(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'Both programmes will be extended, using new government funding': each of the last two funded."""
    both = _BOTH.match(sentence.text)
    funder = next((m for m in sentence.mentions if m.type in BODIES), None)
    run = re.search(r"\b(?:run|led|coordinated|managed|delivered) by (?:the )?$",
                    sentence.text[:funder.start]) if funder is not None else None
    if both is None or funder is None or not (_FUNDING.search(sentence.text) or run):
        return []
    kinds = ("programme", "initiative") if both.group(1) in ("programmes", "schemes", "initiatives", "projects") \
        else BODIES
    pair = context.latest(kinds, 2)
    status, trigger = status_of(sentence.text)
    subjects, relation = ([funder.key], "coordinates") if run else (pair, "funded-by")
    return [Proposal(*((funder.key, relation, key) if run else (key, relation, funder.key)), {},
                     sentence.quote(0, len(sentence.text)), status, rule=f"both-{relation}", confidence=0.4,
                     why=[f"'{both.group(0)}' read as the last two named"] + ([f"status {status} from '{trigger}'"]
                                                                              if trigger else []))
            for key in pair if len(pair) == 2 and key != funder.key and subjects]


def _possessives(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    found = []
    for a, b in zip(sentence.mentions, sentence.mentions[1:], strict=False):
        if not possessive(sentence, a, b) or b.type == "post":
            continue
        relation = "published" if a.type in BODIES and b.type == "report" else \
            "coordinates" if a.type in BODIES and b.type in ("programme", "initiative") else \
            "comes-from" if a.type == "country" and b.type in BODIES else \
            "based-in" if a.type in PLACES and b.type in ("initiative", "programme", *BODIES) else ""
        if relation:
            subject, obj = (b, a) if relation in ("comes-from", "based-in") else (a, b)
            found.append(Proposal(subject.key, relation, obj.key, {}, sentence.quote(a.start, b.end),
                                  rule=f"possessive-{relation}", confidence=0.5))
    return found


def _fields_of_counted(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'[X has 1,308 startups.] Most of them work in edtech, with A and B the other main areas': X's fields."""
    match = _MOST_OF_THEM.match(sentence.text)
    if match is None or not context.counted_before:
        return []
    fields = [(match.group("main"), match.end("main"))] + [
        (item, match.end()) for item in re.split(r",\s*|\s+and\s+", match.group("other") or "") if item.strip()]
    return [Proposal(context.counted_before, "sector", words.strip(), {}, sentence.quote(0, end),
                     rule="most-of-them", confidence=0.4,
                     why=[f"'them' read as what the sentence before counted of {context.counted_before}"])
            for words, end in fields]


_PURPOSE = re.compile(r"(?:, helping (?:them|businesses|firms|companies|people|organisations) (?:to )?|"
                      r"\bso that (?:they|businesses|firms|companies) can )(?P<what>[^,.;]+)")


_STUDIES = re.compile(r", (?:which|that) (?:will |would |aims to |is to |is set to )?(?:examine|explore|test|trial|"
                      r"develop|study|investigate|look at|focus on)s? (?P<what>[^,.;]+)")


def _purpose(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'PROGRAMME has helped 700 firms ... so that they can commercialise new products' or 'a PROJECT, which would
    examine how ...': what the programme or project is for."""
    found = []
    for project in (m for m in sentence.mentions if m.type in ("programme", "initiative")):
        opens = re.fullmatch(r"(?:[A-Z]\w+,\s+)?(?:The\s+)?", sentence.text[:project.start])
        match = _PURPOSE.search(sentence.text, project.end) if opens else _STUDIES.match(sentence.text, project.end)
        if match is not None:
            found.append(Proposal(project.key, "sector", match.group("what").strip(), {},
                                  sentence.quote(match.start(), match.end()), rule="helps-to", confidence=0.4,
                                  why=["what it is for, read as its field: reword it"]))
    return found


_UNNAMED_THING = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:scheme|project|programme|centre|hub|fund|"
                            r"initiative|unit|facility|site|plant|campus)\b")


def _focus(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    match = _FOCUS.search(sentence.text)
    subject = sentence.before(match.start(), ("initiative", "programme", *BODIES)) if match else None
    if match is None or subject is None or _UNNAMED_THING.search(sentence.text[subject.end:match.start()]):
        return []  # "X hopes to add a third scheme, focused on agritech": the scheme's field, and it has no name
    quote = sentence.quote(sentence.text.rfind(" ", 0, subject.start) + 1 if subject.start else 0, match.end())
    return [Proposal(subject.key, "sector", item.strip(), {}, quote, rule="focus", confidence=0.5)
            for item in re.split(r",\s*|\s+and\s+", match.group(1))
            if item.strip() and not re.match(r"(?:next|last|this|from|by|in|until)\b", item.strip())]


def _announced(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    found = []
    for match in re.finditer(r"\b(?:has|have|had) (?:today )?announced\b", sentence.text):
        who = sentence.before(match.start(), BODIES)
        what = next((m for m in sentence.mentions if m.start > match.end() and m.type in ("initiative", "programme",
                                                                                       "event", "report")), None)
        what_key = what.key if what is not None else context.last.get("initiative", "")
        if who is not None and what_key:
            end = what.end if what is not None else match.end()
            found.append(Proposal(who.key, "announced", what_key, {"date": date} if date else {},
                                  sentence.quote(who.start, end), "announced", "announcement", 0.5))
    return found
