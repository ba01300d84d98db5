"""What people did before and where they speak: 'joins from X, where she was Y', 'who previously led Z',
'the keynote was given by A', 'Speaking on a panel, B'."""

from __future__ import annotations

import re

from .proposals import BODIES, Context, Proposal, Sentence

_JOINS_FROM = re.compile(r"(?:,\s+who)?\s+(?:joins|joined|comes|came|moves|moved|arrives|arrived)\s+from\s+(?:the\s+)?")
_WHERE_WAS = re.compile(r",\s+where\s+(?:she|he|they)\s+(?:was|had been|served as|worked as)\s+"
                        r"(?P<title>(?:the\s+|an?\s+)?[^,.;]+)")
_WAS_BEFORE = re.compile(r"\s+(?:was|had been)\s+(?:previously|formerly|once)\s+(?:the\s+|a\s+|an\s+)?"
                         r"(?P<title>[a-z][\w -]{2,60}?)\s+(?P<of>of|at|for)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}")
_JOINED_FROM = re.compile(r"\s+(?:joined|joins)\s+(?:[A-Z][\w&-]*\s+){1,4}(?:in\s+\d{4}\s+)?from\s+(?:the\s+)?"
                          r"(?:[a-z][\w-]*\s+){0,3}")
_WORKED_AT = re.compile(r"\s+(?:previously|formerly|once|had)\s+(?:worked|served)\s+(?:at|for|with)\s+(?:the\s+)?")
# "Prior to joining techUK, Matt worked for several charities ...", "Before joining X in 2020, she spent a decade at Y"
_BEFORE_JOINING = re.compile(r"^(?:Prior to|Before)\s+(?:joining|moving to|taking up)\b[^,;]*,\s+$")
_PRIOR_TO = re.compile(r"\s+(?P<did>(?:had\s+)?(?:worked|served|spent|built|held|led|ran)\b[^.;]+)")
_WHO_BEFORE = re.compile(r",\s+who\s+(?:previously|formerly|once|until recently|earlier)\s+(?P<did>[^,.;]+)")
_TITLED = r"(?:(?:Professor|Prof|Dr|Sir|Dame|Councillor|Cllr)\s+)?"  # a title before the speaker's name
# the words that give the stage to a speaker at an event, and the part each speaker plays there
_STAGED = (
    (re.compile(r"\b(?:the\s+)?(?P<part>(?:opening\s+|closing\s+)?keynote)\s+(?:was|were)\s+(?:given|delivered)\s+"
                rf"by\s+(?:[a-z]+\s+)?(?:the\s+[^,]+?,\s+)?{_TITLED}$"), "keynote speaker"),
    (re.compile(rf"^Speaking\s+(?:on|at|during)\s+(?:a|the)\s+(?P<part>panel|session|fireside chat)\b[^,]*,\s+"
                rf"{_TITLED}$"),
     "panellist"),
    (re.compile(r"\b(?:closed|opened|ended|began)\s+with\s+(?:a|an)\s+(?:short\s+|brief\s+)?"
                rf"(?P<part>address|speech|talk)\s+by\s+(?:the\s+[^,]+?,\s+)?{_TITLED}$"), "speaker"),
    (re.compile(rf"\b(?P<part>speakers?)\s+(?:included|include)\s+(?:[^,]+?,\s+)*{_TITLED}$"), "speaker"),
)


def careers(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """Former roles and speakers at the event the article is about."""
    return _former_roles(sentence) + _staged(sentence, context)


def _former_roles(sentence: Sentence) -> list[Proposal]:
    found = []
    text = sentence.text
    for person in (m for m in sentence.mentions if m.type == "person"):
        was = _WAS_BEFORE.match(text, person.end)
        employer = sentence.at(was.end()) if was else None
        if was is not None and employer is not None and employer.type in BODIES:
            found.append(Proposal(person.key, "past-role", f"{was.group('title')} {was.group('of')} {employer.words}",
                                  {}, sentence.quote(person.start, employer.end), rule="was-previously",
                                  confidence=0.6, why=["a role held before: 'was previously'"]))
        came = _JOINS_FROM.match(text, person.end) or _JOINED_FROM.match(text, person.end) \
            or _WORKED_AT.match(text, person.end)
        employer = sentence.at(came.end()) if came else None
        where = _WHERE_WAS.match(text, employer.end) if employer is not None else None
        if came is not None and employer is not None and employer.type in BODIES:
            role = f"{where.group('title').strip()} at {employer.words}" if where else f"worked at {employer.words}"
            found.append(Proposal(person.key, "past-role", role, {}, sentence.quote(
                person.start, where.end() if where else employer.end), rule="joined-from", confidence=0.6 if where
                else 0.5, why=["a role held before: 'where she was'" if where else
                               "where the person worked before: write the role if the text gives it"]))
        prior = _PRIOR_TO.match(text, person.end) if _BEFORE_JOINING.search(text[:person.start]) else None
        if prior is not None:
            found.append(Proposal(person.key, "past-role", prior.group("did").strip(), {},
                                  sentence.quote(0, prior.end()), rule="before-joining", confidence=0.5,
                                  why=["what the person did before joining: reword it as a role"]))
        before = _WHO_BEFORE.match(text, person.end)
        if before is not None:
            found.append(Proposal(person.key, "past-role", before.group("did").strip(),
                                  {}, sentence.quote(person.start, before.end()), rule="who-previously",
                                  confidence=0.5, why=["what the person did before: reword it as a role"]))
    return found


def _staged(sentence: Sentence, context: Context) -> list[Proposal]:
    """'The opening keynote was given by A', 'Speaking on a panel on skills, B', 'closed with an address by C'."""
    event = next((m for m in sentence.mentions if m.type == "event"), None)
    event_key = event.key if event is not None else context.last.get("event", "")
    if not event_key:
        return []
    found = []
    for person in (m for m in sentence.mentions if m.type == "person"):
        for pattern, role in _STAGED:
            staged = pattern.search(sentence.text[:person.start])
            if staged is None:
                continue
            part = staged.group("part")
            named_role = f"{part} speaker" if part.endswith("keynote") else role
            found.append(Proposal(person.key, "spoke-at", event_key, {"role": named_role},
                                  sentence.quote(staged.start(), person.end), rule="staged", confidence=0.5,
                                  why=[f"a speaker at {event_key}, the event the article last named"]))
            break
    return found
