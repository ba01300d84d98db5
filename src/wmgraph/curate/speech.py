"""Reported speech: who said what, each statement of a sentence paraphrased as a sentence or left to the reviewer."""

from __future__ import annotations

import re

from .dates import resolve
from .names import SPEECH_VERBS
from .proposals import BODIES, PLACES, Context, Proposal, Qualifiers, Sentence

_SPEECH = re.compile(rf"\b({'|'.join(SPEECH_VERBS[:-1])})\b(?:,\s+(?:however|though|meanwhile|also),)?(?!,)")
# a second statement of one sentence: "... and said 5G would form ...", "..., adding that ...", "..., and that ..."
_NEXT = re.compile(r",?\s+(?:and\s+(?:(?:he|she|they)\s+)?(?:said|added|says|warned|noted)|adding)\b(?:\s+that)?\s*"
                   r"|,\s+and\s+that\s+")
_CALLED = re.compile(r"(?P<x>(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?[\w-]+|it|them)\s+"
                     r"(?P<y>(?:a|an|the)\s+.+|[\w]+(?:-\w+)+(?:\s.+)?|\w+(?:ing|ive|ful|al|ous|ic|ary)\b(?:\s.+)?)")
_NOT_A_CLAUSE = re.compile(r"(?:on|in|at|to|of|as|with|for|about|by|from|during|after|before)\b")
_CHECK = "reported speech: check the paraphrase"
# '"We are ready," she said.': the quoted words, then who said them (before or after the verb) and what follows
_QUOTED = re.compile(rf"\s*[\"“]?(?P<words>[^\"“”]+?)[,.!?]?[\"”],?\s+(?P<who>[^\"“”]*?)\s*"
                     rf"\b(?P<verb>{'|'.join(SPEECH_VERBS[:-1])})\b(?P<after>[^\"“”]*)$")
# 'Ann Lee said: "We are ready."': a speaker, a verb of saying and a colon, then the quoted words
_INTRODUCED = re.compile(rf"(?P<who>[^\"“”:]*?)\s*\b(?P<verb>{'|'.join(SPEECH_VERBS[:-1])})\b[^\"“”:]{{0,40}}:\s*"
                         rf"[\"“](?P<words>[^\"“”]+?)[,.!?]?[\"”]?\s*(?P<after>)$")
_THE_BODY = re.compile(r"(?:[Tt]he (?:company|firm|group|business|organisation|start-?up|charity|council|department|"
                       r"university|agency|authority)|[Ii]t|[Tt]hey)")


def speech(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """A said-that proposal per statement: 'according to X, ...' or a speaker before a verb of saying."""
    text = sentence.text
    quoted = _QUOTED.fullmatch(text) or _INTRODUCED.fullmatch(text)
    if quoted is not None:
        return _quoted(sentence, context, date, quoted)
    according = re.match(r"According to (?:the )?", text)
    if according:
        org = sentence.at(according.end())
        comma = text.find(", ", according.end())
        if org is not None and org.type not in PLACES and comma > 0 and not re.search(r"\d", text[comma:]):
            return [Proposal(org.key, "said-that", _sentence(text[comma + 2:]), {"date": date} if date else {},
                             text.strip(), rule="according-to", confidence=0.5, why=[_CHECK])]
    for verb in _SPEECH.finditer(text):
        found = _speaker(sentence, context, verb.start())
        if found is None:
            continue
        speaker, start = found
        statements = _statements(verb.group(1), text[verb.end():])
        if re.match(r"\s*(?:little|nothing|no more|little more|none)\b", text[verb.end():]):
            continue  # "X said little": no statement
        said_before = re.search(r",\s+(?:the\s+)?$", text[:start])
        if not text[verb.end():].strip(" .") and said_before:
            statements = [(_sentence(text[:said_before.start()]), _CHECK)]  # "..., the department said."
            start = 0
        if text.rstrip().endswith(":") and len(" ".join(s for s, _ in statements).split()) <= 4:
            continue  # "X said in a statement:": the words follow, read as the speaker's line
        roles = [m.words for m in sentence.mentions if m.type == "post" and start <= m.start < verb.start()]
        qualifiers: Qualifiers = {"role": roles[0]} if roles else {}
        if date:  # "said on Tuesday that ...": the day it was said
            when = _SAID_WHEN.match(text, verb.end())
            qualifiers["date"] = (resolve(when.group(1), date)[0] if when else "") or date
        pronoun = re.match(r"(?:[Hh]e|[Ss]he)\b", text[start:])
        doubt = _doubt(pronoun.group(0), context) if pronoun else []
        spans = _spans(text, verb.end(), start) if len(statements) > 1 else [(start, len(text))]
        if len(spans) != len(statements):
            spans = [(start, len(text))] * len(statements)
        return [Proposal(speaker, "said-that", said, dict(qualifiers), sentence.quote(*span),
                         rule="reported-speech", confidence=0.3 if doubt else 0.7, why=[why, *doubt])
                for (said, why), span in zip(statements, spans, strict=True)]
    return []


def _spans(text: str, after: int, start: int) -> list[tuple[int, int]]:
    """Where each statement after a verb of saying stands: the first with its speaker, each further one alone
    ('X said A, and that B': 'X said A' and 'B'), so that each quote carries its own statement."""
    words_end = len(text.rstrip().rstrip("."))
    cuts = [m for m in _NEXT.finditer(text, after, words_end)]
    bounds = [after] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [words_end]
    spans = [(start if i == 0 else b, e) for i, (b, e) in enumerate(zip(bounds, ends, strict=True))]
    return [span for i, span in enumerate(spans) if i == 0 or text[span[0]:span[1]].strip()]


_SAID_WHEN = re.compile(r"\s+((?:on|last) (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday)\b")
# "Sources close to the company said", "people familiar with X said": unnamed speakers, not the one named
_UNNAMED_SOURCE = re.compile(r"\b(?:[Ss]ources?|[Pp]eople|[Ii]nsiders?|[Ss]omeone|[Aa] person|[Aa]n insider)\s+"
                             r"(?:close to|familiar with|at|inside|within|near|who know)\s+(?:the\s+)?$")


def _speaker(sentence: Sentence, context: Context, at: int) -> tuple[str, int] | None:
    """Who speaks before the verb at `at`: a person, a body, or 'he'/'she' for the last person named."""
    text = sentence.text
    if any(_UNNAMED_SOURCE.search(text[:m.start]) for m in sentence.mentions if m.end <= at):
        return None  # what unnamed sources say: nobody named says it
    person = sentence.before(at, ("person",))
    pronoun = re.search(r"\b(He|She|he|she)\s+(?:\w+\s+)?$", text[:at])
    body = sentence.before(at, BODIES)
    if person is not None and re.fullmatch(r"(?:\s+(?:from|of|at)\s+[^,.]*?)?(?:,[^.]*)?,?\s*", text[person.end:at]):
        return person.key, person.start
    if body is not None and re.fullmatch(r"\s*(?:,[^,.]{0,40},)?\s*", text[body.end:at]):
        return body.key, body.start  # an organisation's statement
    if pronoun and context.last.get("person"):
        return context.last["person"], pronoun.start(1)
    return None


def _statements(verb: str, words: str) -> list[tuple[str, str]]:
    """(paraphrase, why) of each statement after `verb`: '' and a why for the reviewer when none is clean."""
    parts = _NEXT.split(words.strip().rstrip("."))
    found = [_statement(verb, parts[0])]
    found += [_statement("said", part) for part in parts[1:] if part.strip()]
    return found


def _statement(verb: str, words: str) -> tuple[str, str]:
    """The paraphrase of one statement: 'called X Y' and 'described X as Y' read 'X is Y'."""
    words = _LEAD_IN.sub("", words.strip(" ,:"))
    if verb == "called":
        called = _CALLED.fullmatch(words)
        if called:
            return _sentence(f"{called.group('x')} is {called.group('y')}"), _CHECK
    elif verb == "described":
        subject, as_, what = words.partition(" as ")
        if as_ and subject and what:
            return _sentence(f"{subject} is {what}"), _CHECK
    elif verb == "told":
        told = words.partition(" that ")[2] or _TOLD_WHOM.sub("", words, count=1)
        words = told if told != words else ""
    else:
        words = re.sub(r"^that\s+", "", words)
    if not words or _NOT_A_CLAUSE.match(words) or verb in ("called", "described"):
        return "", f"no clean paraphrase of '{verb} {words.strip() or '...'}': write what was said as a sentence"
    return _sentence(words), _CHECK


# when and where something was said, before what was said: "said on Monday (that)", "said in a statement that"
_WHEN_WORDS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|weekend|morning|night)"
_LEAD_IN = re.compile(rf"^(?:(?:on|last|this|earlier this|late last)\s+{_WHEN_WORDS}|yesterday|today|earlier|"
                      rf"in an? (?:statement|interview|speech|press release|blog post|letter|email|video)|"
                      rf"at (?:the|an?) [\w -]{{1,40}}?(?= that\b))(?:,\s*|\s+)(?:that\s+)?")
# whom something was told, before what: "told the BBC the firm would grow", "told delegates it was"
_TOLD_WHOM = re.compile(r"^(?:(?:the\s+)?(?:[A-Z][\w.&-]*\s+){1,3}|(?:reporters|delegates|journalists|the audience|"
                        r"guests|attendees|MPs|staff|investors|councillors|the conference|the summit|the event)\s+)")


def _sentence(words: str) -> str:
    """The words as a sentence: a capital first, a full stop last."""
    words = words.strip().rstrip(".")
    return (words[:1].upper() + words[1:] + ".") if words else ""


def _quoted(sentence: Sentence, context: Context, date: str, quoted: re.Match[str]) -> list[Proposal]:
    """A direct quotation: `said` with the quoted words, quoted with the words that say who spoke them."""
    text = sentence.text
    who = [m for m in sentence.mentions if m.type in ("person", *BODIES)
           and (quoted.start("who") <= m.start < quoted.end("who") or re.match(r"\s+", text[quoted.end("verb"):m.start])
                and m.start <= quoted.end("verb") + 1)]
    why = ["a direct quotation: its words as the source has them"]
    confidence = 0.7
    if who:
        speaker = next((m for m in who if m.type == "person"), who[0]).key  # "X's chief executive Y said": Y
    elif re.fullmatch(r"(?:he|she)", quoted.group("who"), re.IGNORECASE) and context.people:
        speaker = context.people[-1]
        doubt = _doubt(quoted.group("who"), context)
        why += doubt or [f"'{quoted.group('who')}' read as {speaker}, the last person named"]
        confidence = 0.3 if doubt else confidence
    elif _THE_BODY.fullmatch(quoted.group("who")) and context.subject:
        speaker = context.subject
        why.append(f"'{quoted.group('who')}' read as {speaker}, the body the sentences before speak of")
    else:
        return []  # no speaker the words name: the reviewer reads the quotation in `coverage --todo`
    roles = [m.words for m in sentence.mentions if m.type == "post" and quoted.start("who") <= m.start]
    qualifiers: Qualifiers = {"role": roles[0]} if roles else {}
    if date:
        qualifiers["date"] = date
    found = [Proposal(speaker, "said", quoted.group("words").strip(), dict(qualifiers), sentence.quote(0, len(text)),
                      rule="direct-quotation", confidence=confidence, why=why)]
    more = _NEXT.match(quoted.group("after"))
    for said, reason in _statements("said", quoted.group("after")[more.end():]) if more else []:
        if said:  # '"...," she said, adding that ...': the reported statement after the quotation too
            found.append(Proposal(speaker, "said-that", said, dict(qualifiers), sentence.quote(0, len(text)),
                                  rule="reported-speech", confidence=0.6, why=[reason]))
    return found


def _doubt(pronoun: str, context: Context) -> list[str]:
    """The why for 'she' or 'he' when the latest sentence naming people names more than one: the reviewer decides."""
    if len(context.people) <= 1:
        return []
    return [f"'{pronoun}' may be any of {', '.join(context.people)}, named together last: "
            "move the fact to the speaker's block"]
