"""Figures news gives to nobody the rules can name: a price paid, a saving, a contribution, a hire by an unnamed doer.

A figure fact whose subject cannot be told is worse than none: each guard names the words that
show the figure is not the proposed subject's, and the figure rules propose nothing then.
"""

from __future__ import annotations

import re

from .amounts import BEFORE_FIGURE, Figure
from .modality import clause_around
from .proposals import BODIES, PLACES, PRONOUN_SUBJECT, Context, Proposal, Sentence

# "acquired by X for £32m", "bought the firm for £5m", "paid £3m for": the price of a deal, no investment in anyone
_PRICE = re.compile(r"\b(?:(?:acquired|bought|sold|purchased|taken over|acquire|buy|sell)\b[^.;]*?\bfor|paid|pays|"
                    r"pay)\s+" + BEFORE_FIGURE + "$")
# "Castle Ventures led the £4m round": the round is the company's that raised it, not its leader's
_LED_ROUND = re.compile(r"\b(?:led|co-led|joined|backed|took part in|invested in)\s+(?:the|a|an|its)\s+$")
_ROUND_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:round|raise|fundraise|fundraising)\b")
# "is bidding for £2m", "is seeking £5m": money asked for, not had
_SOUGHT = re.compile(r"\b(?:bidding|bids?|applying|applied|apply|competing|seeking|seeks|sought|asking|asked)\s+"
                     r"(?:for\s+)?(?:a\s+)?" + BEFORE_FIGURE + "$")
# "will share £10m with four other firms", "won a share of a £5m pot": a total, not the subject's part
_SHARED = re.compile(r"\b(?:share|shares|shared|sharing|split|splits)\s+(?:of\s+(?:a|an|the)\s+)?"
                     + BEFORE_FIGURE + "$")
# "manages £300m of assets": money it looks after for others
_MANAGES = re.compile(r"\b(?:manages|managed|managing|oversees|oversaw|overseeing)\s+" + BEFORE_FIGURE + "$")
# "is one of 20 firms selected": the count of a group the subject is in, not the subject's
_ONE_OF = re.compile(r"\b(?:one|among|two|three|part) of (?:the |only )?" + BEFORE_FIGURE + "$")
# "The consortium, which includes A, B and C, will receive £4m": the group's figure, no member's
_MEMBERS = re.compile(r"\b(?:includes?|included|including|such as|comprising|comprises|brings together|made up of)\b")
_OBJECT_BEFORE = re.compile(r"\b(?:with|to|from|by|for)\s+(?:the\s+)?$")
_AND_VERB = re.compile(r"\s+and\s+(?:has\s+|have\s+|had\s+|also\s+|then\s+|will\s+)?[a-z]+(?:ed|s)?\s")
# "expects the work to save about £600,000 a year": a saving, not money anyone receives
_SAVING = re.compile(r"\b(?:save|saves|saved|saving|savings of|cut costs by|cutting costs by)\s+" + BEFORE_FIGURE + "$")
# "X is contributing £400,000 in equipment": what X gives, not what X receives
_GIVING = re.compile(r"\b(?:contribut(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|spend(?:s|ing)?|spent|put(?:s|ting)? up)\s+"
                     + BEFORE_FIGURE + "$")
# "said the group could add up to 50 roles", "when it said it would employ 300 people": a hire by the body the
# pronoun or common noun stands for
_HIRED_BY = re.compile(r"\b(?:it|they|the (?:group|firm|company|business|companies|firms|employer|employers))\s+"
                       r"(?:would|will|could|may|might|is to|are to|plans to|expects to|hopes to)\s+"
                       r"(?:\w+\s+){0,2}?(?:add|hire|employ|create|take on|recruit|bring)\s+(?:a further |another |"
                       r"an additional )?" + BEFORE_FIGURE + "$")
_HIRES = ("jobs", "roles", "posts", "positions", "people", "staff", "engineers", "trainees", "workers", "employees",
          "apprentices", "graduates")
_CONDITION = re.compile(r"\bif\b")
# "has not yet received the £2m", "rejected claims that it had raised £5m", "was not among the 12 firms": denied
_NEGATED = re.compile(r"(?<!-)\b(?:not|never|no longer|denied|denies|deny|rejected|rejects|dismissed)\b(?!-)|"
                      r"n['’]t\b")  # "a not-for-profit" denies nothing
# "with five companies pledging 1,000 new roles": the pledge of bodies the words do not name
_UNNAMED_DOERS = re.compile(r"\b(?:\w+\s+)?(?:companies|firms|employers|businesses|investors)\s+(?:pledging|promising|"
                            r"creating|adding|hiring|investing|putting in)\s+" + BEFORE_FIGURE + "$")
# "announcement of £1m in support for scaling initiatives": support the subject gives
_SUPPORT_FOR = re.compile(r"\s+(?:in|of)\s+(?:new\s+)?(?:support|funding|grants?|backing)\s+(?:for|to)\b")
_GOT = re.compile(r"\b(?:receive[sd]?|receiving|awarded|granted|won|secured|raised|attracted|landed|given)\b")
# "The scheme, which aims to support 500 businesses": the scheme the sentence opens with is no company
_PROJECT_OPENS = re.compile(r"(?:[A-Z]\w+,\s+)?The (?:programme|scheme|project|initiative|plan|fund)\b")
_AUDIENCE = ("people", "guests", "attendees", "delegates", "visitors")
# "has cut 25 of its 60 jobs", "with 85 staff made redundant": jobs lost, never jobs pledged
_LOST = re.compile(r"\b(?:cut|cuts|cutting|shed|sheds|shedding|lose|loses|losing|lost|axe|axes|axed|axing|"
                   r"redundan\w*|close|closes|closing|closure)\b")


def misread(sentence: Sentence, figure: Figure, proposal: Proposal, context: Context) -> str:
    """Why `proposal`, made from `figure`, gives the figure to the wrong subject ('' when nothing shows it)."""
    before = sentence.text[:figure.start]
    if _PROJECT_OPENS.match(sentence.text) and context.kinds.get(proposal.subject) in BODIES \
            and not any(m.key == proposal.subject for m in sentence.mentions):
        return "the project the sentence opens with is not the body named before"
    clause = clause_around(sentence.text, figure.start, figure.end)
    if _NEGATED.search(clause[:max(0, clause.find(figure.words))]):
        return "a figure the words deny"
    if proposal.relation == "pledges-jobs" and proposal.status == "forecast" and _CONDITION.search(sentence.text):
        return "a possibility on a condition, no pledge"  # "could create up to 200 jobs if it wins the contract"
    if _ONE_OF.search(before):
        return "the count of a group the subject is one of"
    subject = next((m for m in sentence.mentions if m.key == proposal.subject and m.end <= figure.start), None)
    if subject is not None and _MEMBERS.search(sentence.text, 0, subject.start) \
            and not _opener(sentence, proposal.subject, context):
        return "the figure of a group the subject is listed in"
    if subject is not None and _OBJECT_BEFORE.search(sentence.text, 0, subject.start) \
            and _AND_VERB.match(sentence.text, subject.end) and not _opener(sentence, proposal.subject, context):
        return "the object of one verb is not the subject of the next"  # "X partnered with Y and raised £2m"
    if _UNNAMED_DOERS.search(before):
        return "the figure of bodies the words do not name"
    if figure.kind == "money" and proposal.relation == "investment" and _SUPPORT_FOR.match(sentence.text, figure.end) \
            and not _GOT.search(before):
        return "support the subject gives"
    if figure.kind == "money" and proposal.relation in ("investment", "statistic", "funded-by"):
        if _LED_ROUND.search(before) and _ROUND_AFTER.match(sentence.text, figure.end):
            return "a round another body raised"
        if _SOUGHT.search(before) or _SHARED.search(before) or _MANAGES.search(before):
            return "money sought, shared with others or managed for them"
        if _PRICE.search(before):
            return "the price of a deal"
        if _SAVING.search(before):
            return "a saving"
        if _GIVING.search(before) and proposal.relation != "funded-by":
            return "what the subject gives"
    if figure.kind != "count":
        return ""
    measure = str(proposal.qualifiers.get("measure", ""))
    if re.match(r"of (?:its|their)\b", measure) and not _opener(sentence, proposal.subject, context):
        return "a part of the whole of the body 'its' stands for"
    hires = figure.noun.split()[-1] in _HIRES if figure.noun else False
    if hires and _HIRED_BY.search(before) and not _opener(sentence, proposal.subject, context):
        return "a hire by a body the words only refer to"
    if hires and proposal.relation in ("statistic", "stated-count") and _kind(sentence, proposal.subject) in PLACES \
            and _HIRED_BY.search(before):
        return "a place hires nobody"
    if figure.noun.split()[-1:] and figure.noun.split()[-1] in _AUDIENCE \
            and _kind(sentence, proposal.subject) == "report":
        return "a report has no audience"
    if proposal.relation == "pledges-jobs" and _LOST.search(proposal.quote):
        return "jobs lost, no pledge"
    return ""


def _opener(sentence: Sentence, key: str, context: Context) -> bool:
    """Whether `key` is the body the sentence opens with, or the one its opening pronoun stands for."""
    first = next((m for m in sentence.mentions if m.type in BODIES), None)
    if first is not None and re.fullmatch(r"(?:[A-Z]\w+,\s+)?(?:[Tt]he\s+)?", sentence.text[:first.start]):
        return first.key == key
    opens = PRONOUN_SUBJECT.match(sentence.text) or re.match(r"(?:[A-Z]\w+,\s+)?Its\b", sentence.text)
    return opens is not None and context.subject == key  # "It said", "Its chief executive said": the last opener's


def _kind(sentence: Sentence, key: str) -> str:
    return next((m.type for m in sentence.mentions if m.key == key), "")
