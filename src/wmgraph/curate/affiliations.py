"""Facts of who belongs where: people from organisations, partners, home countries and bases."""

from __future__ import annotations

import re

from ..model.modal_words import status_of
from .gazetteer import Mention
from .modality import ASIDE
from .press import listed
from .proposals import BODIES, PLACES, Context, Proposal, Qualifiers, Sentence


def affiliations(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """People from organisations, partnerships, 'a company from France', 'a Singapore-based firm'."""
    found = []
    text = sentence.text
    for person in (m for m in sentence.mentions if m.type == "person"):
        joint = re.match(r" (?:from|of|at) (?:the )?", text[person.end:])  # "Ann Lee from X", "Anna Reed of X"
        employer = sentence.at(person.end + joint.end()) if joint else None
        if employer is not None and employer.type in BODIES:
            found.append(Proposal(person.key, "works-for", employer.key, {"as-of": date} if date else {},
                                  sentence.quote(person.start, employer.end), rule="person-from", confidence=0.6))
    asides = [a.span() for a in ASIDE.finditer(text)]
    for match in _PARTNERS_WITH.finditer(text):
        subject = next((m for m in reversed(sentence.mentions) if m.end <= match.start() and m.type in BODIES
                        and not any(a <= m.start and m.end <= b for a, b in asides)), None)  # not "X, a spin-out of Y,"
        if subject is None or status_of(text[subject.end:match.end()])[0] != "stated":
            continue  # "X may partner with Y", "X hopes to partner with Y": no partnership yet
        for partner in listed(sentence, match.end()):
            if partner.type in (*BODIES, "initiative"):  # "partnering with A, B and C": each
                found.append(Proposal(subject.key, "partners-with", partner.key, {}, sentence.quote(subject.start,
                                      partner.end), rule="partners-with", confidence=0.6))
    for body in (m for m in sentence.mentions if m.type in BODIES):
        described = re.match(r",\s+an?\s+([^,.]*)", text[body.end:])
        if described is None:
            continue
        limit = body.end + described.end()
        for place in (m for m in sentence.mentions if body.end < m.start < limit and m.type in PLACES):
            if text.startswith("-based", place.end):
                found.append(Proposal(body.key, "based-in", place.key, {}, sentence.quote(body.start, limit),
                                      rule="place-based", confidence=0.5))
            if place.type == "country" and (text.startswith("-based", place.end)
                                            or text[:place.start].endswith(" from ")):
                found.append(Proposal(body.key, "comes-from", place.key, {}, sentence.quote(body.start, limit),
                                      rule="from-country", confidence=0.5))
    return found


# "partnering with", "in partnership with", "has signed a three-year partnership with"
_PARTNERS_WITH = re.compile(r"\b(?:partner(?:s|ed|ing)?|in partnership|(?:in\s+)?(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?"
                            r"partnership) with (?:the )?")
_OPENING = re.compile(r"(?:[A-Z]\w+,\s+)?(?:the\s+)?")
_CUES = r"(?i:chief|chair|head|director|founder|mayor|minister|secretary|leader|president|professor|executive|" \
        r"manager|chairman|chairwoman|ceo|cto|cfo|coo|officer|partner|lead|assistant|adviser|advisor|analyst|" \
        r"chancellor|vice-chancellor|dean|principal)"
_TITLE_OF = re.compile(rf"['’]s? ((?:[\w-]+ ){{0,5}}?{_CUES}\w*(?: (?:of|for) [^,.]+?)?),\s+"
                       rf"(?:(?:Dr|Prof|Professor|Sir|Dame|Mr|Mrs|Ms)\.?\s+)?$")
_IS_TITLE = re.compile(rf"\s+(?:is|was|remains|serves as|works as|joined as|has been) (?:also )?(?:the |a |an )?"
                       rf"(?:(?P<org>[\w&-]+(?: [A-Z][\w&-]*)*)['’]s? )?"
                       rf"(?P<title>(?:[\w&-]+ ){{0,8}}?{_CUES}\w*(?: (?:of|for|within) [^,.]+?)?)"
                       rf"(?: (?:at|of|with|within) (?:the )?|(?=[,.]|$))")


def relation_of(role: str) -> str:
    """'leads' for a chair (as 'chair of X' is read), else 'works-for'."""
    return "leads" if re.fullmatch(r"(?i:chair|chairman|chairwoman|chairperson|co-chair)", role) else "works-for"


def titles(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'ORG's CEO, PERSON' and 'PERSON is ORG's Head of X' or 'the Programme Manager ... at ORG': works-for."""
    found = []
    text = sentence.text
    for person in (m for m in sentence.mentions if m.type == "person"):
        before = _TITLE_OF.search(text[:person.start])
        org = sentence.before(before.start(), BODIES) if before else None
        start = org.start if org is not None else 0
        apposed = _apposed_title(sentence, person) or _title_between(sentence, person)
        if apposed is not None:
            org, role, start, end = apposed[0], apposed[1], min(person.start, apposed[0].start), apposed[2]
        elif before is None or org is None or org.end != before.start():
            is_title = _IS_TITLE.match(text, person.end)
            if is_title is None:
                continue
            named = sentence.at(is_title.end()) if not is_title.group("org") else next(
                (m for m in sentence.mentions if m.start == is_title.start("org")), None)
            if named is None or named.type not in BODIES:
                continue
            org, start, role = named, person.start, is_title.group("title")
            end = max(named.end, is_title.end())
        else:
            role, end = before.group(1), person.end
        qualifiers: Qualifiers = {"role": role, **({"as-of": date} if date else {})}
        found.append(Proposal(person.key, relation_of(role), org.key, qualifiers,
                              sentence.quote(start, end), rule="title-of", confidence=0.6))
    return found + _its_title(sentence, context, date) + _who_leads(sentence, date) \
        + _title_alone(sentence, context, date) + _pronoun_title(sentence, context, date)


def _pronoun_title(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'She is also a non-executive director at X': the person the sentence before named alone works there."""
    pronoun = re.match(r"(?:She|He)(?:\s+also)?", sentence.text)
    if pronoun is None or len(context.people) != 1:
        return []
    is_title = _IS_TITLE.match(sentence.text, pronoun.end())
    if is_title is None:
        return []
    named = sentence.at(is_title.end()) if not is_title.group("org") else next(
        (m for m in sentence.mentions if m.start == is_title.start("org")), None)
    if named is None or named.type not in BODIES:
        return []
    role = is_title.group("title")
    qualifiers: Qualifiers = {"role": role, **({"as-of": date} if date else {})}
    return [Proposal(context.people[0], relation_of(role), named.key, qualifiers,
                     sentence.quote(0, max(named.end, is_title.end())), rule="pronoun-title", confidence=0.5,
                     why=[f"'{pronoun.group(0)}' read as {context.people[0]}, the person the sentence before named"])]


# a company title after a name, with no body named: "Webb, the chief technology officer, said", "Sandhu, who is
# chief executive,"
_TITLE_ALONE = re.compile(r",\s+(?:who\s+is\s+)?(?:the\s+|its\s+|their\s+)?(?P<title>(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+"
                          r"officer|chief\s+executive|managing\s+director|co-?founder|founder|chair|chairman|"
                          r"chairwoman|[a-z]+\s+director|CEO|CTO|COO|CFO)(?:\s+and\s+co-?founder)?)(?=,|\.|$)")


_TITLE_OPENS = re.compile(r"(?P<title>(?:Chief|Managing|Finance|Operations|Technical|Commercial)\s+"
                          r"(?:[a-z]+\s+){0,2}?(?:executive|director|officer)|Founder|Co-founder|Chair|Chairman|"
                          r"Chairwoman)\s+")  # "Chief executive Tom Reid said"


def _title_alone(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'Webb, the chief technology officer, said': works-for the company the article has named most (chair: leads)."""
    body = context.main_body()
    if not body:
        return []
    found = []
    for person in (m for m in sentence.mentions if m.type == "person"):
        title = _TITLE_ALONE.match(sentence.text, person.end) or _TITLE_OPENS.fullmatch(sentence.text, 0, person.start)
        if title is None or any(m.type in BODIES and m.rule != "reference" and m.start < title.end()
                                for m in sentence.mentions):
            continue  # a body named before: the rules above read whose title it is
        role = title.group("title").casefold()
        qualifiers: Qualifiers = {"role": role, **({"as-of": date} if date else {})}
        found.append(Proposal(person.key, relation_of(role), body, qualifiers,
                              sentence.quote(min(person.start, title.start()), max(person.end, title.end())),
                              rule="title-alone", confidence=0.4,
                              why=[f"no body named: {body}, the company or organisation the article names most"]))
    return found


_WHO_LEADS = re.compile(r",\s+who\s+(chairs|leads|heads|runs)\s+(?:the\s+)?")
_LEADS_ROLE = {"chairs": "chair", "leads": "leader", "heads": "head", "runs": "leader"}


def _who_leads(sentence: Sentence, date: str) -> list[Proposal]:
    """'PERSON, who chairs the partnership, said': the person leads it, as chair."""
    found = []
    for person in (m for m in sentence.mentions if m.type == "person"):
        verb = _WHO_LEADS.match(sentence.text, person.end)
        led = sentence.at(verb.end()) if verb else None
        if verb is not None and led is not None and led.type in (*BODIES, "initiative", "programme", "event") \
                and not re.match(r"['’]s\b", sentence.text[led.end:]):  # "who heads Aston's institute": not Aston
            qualifiers: Qualifiers = {"role": _LEADS_ROLE[verb.group(1)], **({"as-of": date} if date else {})}
            found.append(Proposal(person.key, "leads", led.key, qualifiers, sentence.quote(person.start, led.end),
                                  rule="who-leads", confidence=0.6))
    return found


_ITS_TITLE = re.compile(rf"(?:[A-Z]\w+,\s+)?Its ((?:[\w-]+ ){{0,5}}?{_CUES}\w*(?: (?:of|for) [^,.]+?)?),\s+$")


def _its_title(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'[X ...] Its chief operating officer, PERSON, said': works-for the body the sentence before was about."""
    person = sentence.mentions[0] if sentence.mentions else None
    title = _ITS_TITLE.fullmatch(sentence.text[:person.start]) if person is not None else None
    if person is None or title is None or person.type != "person" or context.kinds.get(context.subject) not in BODIES:
        return []
    qualifiers: Qualifiers = {"role": title.group(1), **({"as-of": date} if date else {})}
    return [Proposal(person.key, "works-for", context.subject, qualifiers, sentence.quote(0, person.end),
                     rule="its-title", confidence=0.5, why=[f"'Its' read as {context.subject}"])]


_TITLE_AT = re.compile(rf",\s+(?:the\s+|a\s+|an\s+)?((?:[\w-]+ ){{0,4}}?{_CUES}\w*(?: of [A-Z][\w ]*?)?)"
                       rf"\s+(?:of|at|for)\s+(?:the\s+)?")
_TITLE_AT_ORG = re.compile(rf",\s+(?:the\s+|a\s+|an\s+)?((?:[\w-]+ ){{0,4}}?{_CUES}\w*(?: (?:of|for) [^,]+?)?)"
                           rf"\s+at\s+(?:the\s+)?")  # "head of economics at the WMCA"
_DESCRIBED_ORG = re.compile(r"(?:(?:[A-Z][\w-]*\s+)?(?:(?!and\b|or\b)[a-z][\w-]*\s+){1,2})?")  # "Coventry start-up "
_SIGNATURE = re.compile(r",\s+([^,;.]{3,80}?),\s+(?:the\s+)?")  # "PERSON, TITLE, ORG", as a statement is signed
_OWN_TITLE = re.compile(rf"['’]s ((?:[\w-]+ ){{0,5}}?{_CUES}\w*(?: (?:of|for) [^,.;]+?)?)(?=[,.;]|$)")


def _apposed_title(sentence: Sentence, person: Mention) -> tuple[Mention, str, int] | None:
    """(organisation, role, end) of 'PERSON, the firm's chief executive', 'PERSON, Acme's head of sales' or
    'PERSON, (the) founder of (Coventry start-up) Acme'."""
    gap = re.match(r",\s+(?:the\s+)?", sentence.text[person.end:])
    org = sentence.at(person.end + gap.end()) if gap else None
    title = _OWN_TITLE.match(sentence.text, org.end) if org is not None and org.type in BODIES else None
    if org is not None and title is not None:
        return org, title.group(1), title.end()
    signed = _SIGNATURE.match(sentence.text, person.end)
    org = sentence.at(signed.end()) if signed else None
    if signed is not None and org is not None and org.type in BODIES and re.search(_CUES, signed.group(1)) \
            and re.match(r"\s*(?:[,:;.]|$)", sentence.text[org.end:]) \
            and not any(person.end < m.start < org.start for m in sentence.mentions):
        return org, signed.group(1), org.end  # "PERSON, Executive Director of Place and Global, ORG:"
    role = _TITLE_AT_ORG.match(sentence.text, person.end) or _TITLE_AT.match(sentence.text, person.end)
    org = next((m for m in sentence.mentions if role and m.start >= role.end() and m.type in BODIES
                and _DESCRIBED_ORG.fullmatch(sentence.text[role.end():m.start])), None)
    return (org, role.group(1), org.end) if role is not None and org is not None else None


_ORG_TITLE = re.compile(rf"\s+((?:[a-z][\w-]*\s+){{0,3}}?{_CUES}\w*)\s+(?:(?:Dr|Professor|Prof|Sir|Dame)\s+)?$")


def _title_between(sentence: Sentence, person: Mention) -> tuple[Mention, str, int] | None:
    """(organisation, role, end) of 'Foundry Capital partner Hannah Cole', 'Nexora managing director Ade Balogun'."""
    org = next((m for m in reversed(sentence.mentions) if m.end < person.start), None)
    title = _ORG_TITLE.fullmatch(sentence.text, org.end, person.start) if org is not None else None
    if org is None or title is None or org.type not in BODIES:
        return None
    return org, title.group(1), person.end


_DEGREE = re.compile(r"\b(?:degree|BA|BSc|MA|MSc|MBA|PhD|DPhil|MPhil|MEng|BEng|LLB|LLM|doctorate)\b[^.;]*?"
                     r"\bfrom (?:the )?$")


def studies(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'She holds an MA in Politics from the University of Glasgow': studied-at, for the person or 'he'/'she'."""
    found: list[Proposal] = []
    text = sentence.text
    for place in (m for m in sentence.mentions if m.type == "university"):
        degree = _DEGREE.search(text[:place.start])
        person = sentence.before(place.start, ("person",))
        pronoun = re.match(r"(?:He|She)\b", text)
        subject = person.key if person is not None else context.last.get("person", "") if pronoun else ""
        if degree is None or not subject:
            continue
        start = person.start if person is not None else 0
        found.append(Proposal(subject, "studied-at", place.key, {}, sentence.quote(
            start if not found else degree.start(), place.end), rule="degree-from", confidence=0.6))
    return found


_TO_MAKE = re.compile(r"\bto (?:create|build|launch|open|set up|establish|develop|form|introduce) "
                      r"(?:an? |the |a new )?")
_SET_UP = re.compile(r"['’]s? (?:establishment|launch|opening|founding) in (?:the )?")


def ventures(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'X is partnering with Y to create Z': X and Y plan Z; 'X's establishment in P': X established in P."""
    found = []
    text = sentence.text
    for match in _TO_MAKE.finditer(text):
        made = sentence.at(match.end())
        nearest = sentence.before(match.start(), BODIES)
        if made is None or nearest is None or made.type not in ("initiative", "programme", "event", "report",
                                                                 "organisation"):
            continue
        makers = [nearest]
        opener = next((m for m in sentence.mentions if m.type in BODIES and _OPENING.fullmatch(text[:m.start])), None)
        if opener is not None and opener is not nearest and re.search(r"\b(?:with|and) (?:the )?$",
                                                                        text[:nearest.start]):
            makers.insert(0, opener)  # "X is partnering with Y to create Z": both plan Z
        for maker in makers:
            found.append(Proposal(maker.key, "plans", made.key, {}, sentence.quote(makers[0].start, made.end),
                                  status="planned", rule="to-create", confidence=0.5,
                                  why=["status planned from 'to create'"]))
    for match in _SET_UP.finditer(text):
        body = next((m for m in sentence.mentions if m.end == match.start() and m.type in BODIES), None)
        place = sentence.at(match.end())
        if body is not None and place is not None and place.type in PLACES:
            found.append(Proposal(body.key, "established-in", place.key, {}, sentence.quote(body.start, place.end),
                                  rule="establishment-in", confidence=0.5))
    return found


_ACQUIRED = re.compile(r"\s+(?:has |have |had )?(?:acquired|bought|taken over|took over)\s+(?:the )?")
_OWNED = re.compile(r",\s+(?:a|the|which is a)\s+(?:wholly[- ]owned\s+)?subsidiary of (?:the )?|,\s+(?:owned|acquired) "
                    r"by (?:the )?")
_BASED = re.compile(r",?\s+(?:which is |that is |who are |is |are )?(?:based|headquartered) in (?:the )?")
_APPOINTED = re.compile(r"\s+(?:has been|was|is|have been|were) (?:appointed|named) (?:as )?"
                        r"(?:the |its |their |a |an )?"
                        r"((?:[\w&-]+ ){0,6}?[\w&-]+?) (?:of|at|for) (?:the )?")


def deals(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """Ownership ('X acquired Y', 'Y, a subsidiary of X'), headquarters ('X, headquartered in P') and appointments."""
    found = []
    text = sentence.text
    for body in (m for m in sentence.mentions if m.type in BODIES):
        for pattern, relation, rule in ((_ACQUIRED, "owns", "acquired"), (_OWNED, "subsidiary-of", "owned-by"),
                                        (_BASED, "based-in", "headquartered-in")):
            match = pattern.match(text, body.end)
            other = sentence.at(match.end()) if match else None
            if match is None or other is None or other.key == body.key \
                    or other.type not in (PLACES if relation == "based-in" else BODIES):
                continue
            qualifiers: Qualifiers = {"as-of": date} if date and relation != "based-in" else {}
            found.append(Proposal(body.key, relation, other.key, qualifiers, sentence.quote(body.start, other.end),
                                  rule=rule, confidence=0.6))
    for person in (m for m in sentence.mentions if m.type == "person"):
        match = _APPOINTED.match(text, person.end)
        employer = sentence.at(match.end()) if match else None
        if match is not None and employer is not None and employer.type in BODIES:
            qualifiers = {"role": match.group(1), **({"start": date} if date else {})}
            found.append(Proposal(person.key, relation_of(match.group(1)), employer.key, qualifiers,
                                  sentence.quote(person.start, employer.end), rule="appointed", confidence=0.6))
    return found + _appoints(sentence, date)


_APPOINTS = re.compile(r"\b(?:appointed|named|hired|recruited|promoted)\s+")
_AS_ITS = re.compile(rf"\s+as\s+(?:(?:its|their|the)\s+(?:new\s+)?((?:[\w-]+ ){{0,5}}?[\w-]+?)|"
                     rf"((?:[\w-]+ ){{0,2}}?{_CUES}\w*(?: (?:of|for) (?:the )?[\w ]+?)?))"
                     rf"(?=[,.;]|$| (?:to|from|with|in|at|after|on|and|following)\b)")  # "as managing director"


def _appoints(sentence: Sentence, date: str) -> list[Proposal]:
    """'ORG has appointed PERSON as its chief executive': the person works for it in that role from then."""
    found = []
    for verb in _APPOINTS.finditer(sentence.text):
        person = sentence.at(verb.end())
        title = _AS_ITS.match(sentence.text, person.end) if person is not None and person.type == "person" else None
        employer = next((m for m in sentence.mentions if m.end <= verb.start() and m.type in BODIES), None)
        if person is None or title is None or employer is None:
            continue
        role = title.group(1) or title.group(2)
        qualifiers: Qualifiers = {"role": role, **({"start": date} if date else {})}
        found.append(Proposal(person.key, relation_of(role), employer.key, qualifiers,
                              sentence.quote(verb.start(), title.end()), rule="appoints", confidence=0.6,
                              why=[f"appointed by {employer.key}, the body the sentence opens with"]))
    return found
