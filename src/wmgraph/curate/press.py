"""Facts of press-release wording: 'led by', 'funded through', 'coordinated by', speakers introduced by a line."""

from __future__ import annotations

import re

from ..model.modal_words import status_of
from .dates import resolve
from .gazetteer import Mention
from .proposals import BODIES, PLACES, PRONOUN_SUBJECT, Context, Proposal, Qualifiers, Sentence

PROJECTS = ("initiative", "programme", "event", "report")
_BY = re.compile(r"\b((?i:led|coordinated|run|organised|hosted|funded|backed|launched|published|commissioned)) "
                 r"(?:(?:on|in|last|this|earlier this) [\w ]{1,20}? )?(by|through) (?:the )?")
_RELATIONS = {("led", "by"): "leads", ("run", "by"): "coordinates", ("coordinated", "by"): "coordinates",
              ("organised", "by"): "hosted", ("hosted", "by"): "hosted", ("funded", "by"): "funded-by",
              ("backed", "by"): "funded-by", ("funded", "through"): "funded-through", ("launched", "by"): "launched",
              ("published", "by"): "published", ("commissioned", "by"): "commissioned"}
_ACTIVE = re.compile(r"\s+(published|launched|released|unveiled)\s+(?:their |its |the |a |an )?")
_MONEY_FROM = re.compile(r"\b(?:drew|draws|drawing|attracted|attracts|received|receives|receiving|secured|won|got)"
                         r"\s+(?:[\w-]+\s+){0,2}?(?:money|funding|investment|backing|grants?)\s+from\s+(?:the\s+)?")
# "West Midlands Growth Company (who co-authored the review)", "X, which commissioned the study,"
_WHO_MADE = re.compile(r"\s*[,(]\s*(?:who|which)\s+(co-authored|published|commissioned|compiled|wrote)\s+(?:the\s+)?")
_MEMBERS = re.compile(r"\bmembers,? (?:such as|including) ")
_DOES = re.compile(r"\s+(?:has|have|is|are|was|were|will|can|\w+ed)\b")  # the subject of a main clause
_TITLE_WORD = re.compile(r"\b(?i:chief|chair|head|director|founder|manager|officer|assistant|executive|lead|"
                         r"president|partner|coordinator|adviser|advisor|analyst|engineer|secretary)")
_TITLE_LINE = re.compile(r"([^,]+(?:, [^,]+)*?),\s+(?:the )?")
_SPEAKER = re.compile(r"^(?:Professor |Dr |Sir |Dame )?[^,:]+, ([^:]+?):$")


_ROUND_BEFORE = re.compile(r"\b(?:round|raise|investment)(?:\s+(?:was|is|has been|will be))?\s*,?\s*$")


def passive_links(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'X, led by Y', 'coordinated by A, B and C', 'Funded through P, X has ...'."""
    found = []
    text = sentence.text
    for match in _BY.finditer(text):
        relation = _RELATIONS.get((match.group(1).casefold(), match.group(2)))
        if relation == "leads" and _ROUND_BEFORE.search(text[:match.start()]):
            relation = "funded-by"  # "a £5m funding round led by Z": Z invests, it does not lead the company
        if relation is None:
            continue
        described = re.match(r"(?:[a-z][\w-]*\s+){1,3}", text[match.end():])  # "by the trade body techUK"
        agents = listed(sentence, match.end()) or (listed(sentence, match.end() + described.end()) if described
                                                    else [])
        thing = sentence.before(match.start(), (*PROJECTS, *BODIES))
        if thing is None or thing.key in {a.key for a in agents}:
            thing = next((m for m in sentence.mentions if m.start > match.end() and text[:m.start].endswith(
                (", ", ", the ")) and m.type in (*PROJECTS, *BODIES) and _DOES.match(text, m.end)), None)
        if thing is None:
            continue
        gap = text[thing.end:match.start()]
        if status_of(gap)[0] == "possible":
            continue  # "The hub could be led by Y": not led by Y yet
        if re.search(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}$", gap) and not re.match(r",\s+(?:a|an)\b", gap) \
                and not re.search(r"\b(?:round|raise|investment)\s*$", gap):  # a round raised by X: X's
            continue  # "X ... at an event hosted by Y": Y hosted the unnamed event, not X
        for agent in agents:
            subject, obj = (thing, agent) if relation.startswith("funded") else (agent, thing)
            if relation == "funded-through" and agent.type not in PROJECTS:
                continue
            quote = sentence.quote(min(thing.start, match.start()), max(agent.end, thing.end))
            found.append(Proposal(subject.key, relation, obj.key, {}, quote,
                                  rule=f"{match.group(1).casefold()}-{match.group(2)}", confidence=0.6))
    return found


def money_from(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'The round also drew money from X', 'X received funding from A and B': funded-by each."""
    found = []
    for match in _MONEY_FROM.finditer(sentence.text):
        receiver = sentence.before(match.start(), (*BODIES, "initiative", "programme"))
        receiver_key = receiver.key if receiver is not None else (
            context.subject if PRONOUN_SUBJECT.match(sentence.text) else "")
        for payer in (m for m in listed(sentence, match.end()) if m.type in BODIES and m.key != receiver_key):
            if receiver_key:
                found.append(Proposal(receiver_key, "funded-by", payer.key, {}, sentence.quote(
                    receiver.start if receiver is not None else 0, payer.end), rule="money-from", confidence=0.5))
    return found


def active_links(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """'ORG published its REPORT', 'ORG launched PROGRAMME', 'ORG members such as A, B and C'."""
    found = []
    text = sentence.text
    for body in (m for m in sentence.mentions if m.type in BODIES):
        verb = _ACTIVE.match(text, body.end)
        made = sentence.at(verb.end()) if verb else None
        if verb is None or made is None or made.type not in PROJECTS:
            continue
        relation = "published" if made.type == "report" and verb.group(1) != "launched" else "launched"
        when, _, note = resolve(sentence.text[:made.end], date)
        found.append(Proposal(body.key, relation, made.key, {"date": when} if when else {},
                              sentence.quote(body.start, made.end), rule=f"active-{verb.group(1)}", confidence=0.6,
                              why=[note] if when and note else []))
    for body in (m for m in sentence.mentions if m.type in BODIES):
        who = _WHO_MADE.match(text, body.end)
        made = sentence.at(who.end()) if who else None
        if who is not None and made is not None and made.type == "report":
            found.append(Proposal(body.key, who.group(1).replace("wrote", "co-authored"), made.key, {},
                                  sentence.quote(body.start, made.end), rule="who-made", confidence=0.5))
    for match in _MEMBERS.finditer(text):
        owner = next((m for m in reversed(sentence.mentions) if m.end <= match.start() and m.type in BODIES
                      and re.fullmatch(r"['’]?s?\s+", text[m.end:match.start()])), None)
        if owner is None:
            continue
        for member in listed(sentence, match.end()):
            found.append(Proposal(member.key, "member-of", owner.key, {}, sentence.quote(owner.start, member.end),
                                  rule="members-such-as", confidence=0.5))
    return found


def listed(sentence: Sentence, start: int) -> list[Mention]:
    """The mentions named in a list starting at `start` ('A, B, and C')."""
    found: list[Mention] = []
    at = start
    while True:
        mention = sentence.at(at)
        if mention is None or mention.type in PLACES:
            return found
        found.append(mention)
        rest = re.match(r"(?: \([^)]*\))?,? (and )?(?:the )?", sentence.text[mention.end:])
        if rest is None or (found and sentence.text[:mention.start].endswith(("and ", "and the "))):
            return found
        at = mention.end + rest.end()


def speakers(sentences: list[Sentence], date: str) -> list[Proposal]:
    """A line 'Name, Title, Organisation:' then the words spoken, as in a press release."""
    found = []
    for sentence, spoken in zip(sentences, sentences[1:], strict=False):
        line = _SPEAKER.match(sentence.text)
        person = next((m for m in sentence.mentions if m.type == "person"), None)
        if line is None or person is None or not spoken.text:
            continue
        role = line.group(1)
        qualifiers: Qualifiers = {"role": role, **({"date": date} if date else {})}
        found.append(Proposal(person.key, "said", spoken.text, qualifiers, spoken.text, rule="speaker-line",
                              confidence=0.6, why=["the words after a speaker's line"]))
        employer = next((m for m in reversed(sentence.mentions) if m.type in BODIES), None)
        if employer is not None and employer.start > person.end:
            title = role[:employer.start - line.start(1)].strip(" ,") if employer.start > line.start(1) else role
            found.append(Proposal(person.key, "works-for", employer.key, {"role": title, **(
                {"as-of": date} if date else {})}, sentence.quote(person.start, employer.end),
                rule="speaker-line", confidence=0.6))
    return found


def sign_offs(sentences: list[Sentence], date: str) -> list[Proposal]:
    """A name on a line of its own next to a line 'Title, Organisation', as under a profile or a signature."""
    found: list[Proposal] = []
    for first, second in zip(sentences, sentences[1:], strict=False):
        for named, titled in ((first, second), (second, first)):
            person = named.mentions[0] if len(named.mentions) == 1 else None
            employer = titled.mentions[-1] if titled.mentions else None
            title = _TITLE_LINE.fullmatch(titled.text[:employer.start]) if employer else None
            if person is None or person.type != "person" or person.words != named.text.strip() \
                    or employer is None or employer.type not in BODIES or employer.end != len(titled.text.rstrip()) \
                    or title is None or not _TITLE_WORD.search(title.group(1)) \
                    or any(p.subject == person.key for p in found):
                continue
            qualifiers: Qualifiers = {"role": title.group(1), **({"as-of": date} if date else {})}
            found.append(Proposal(person.key, "works-for", employer.key, qualifiers,
                                  f"{first.text.strip()}\n{second.text.strip()}", rule="name-and-title-lines",
                                  confidence=0.6))
    return found
