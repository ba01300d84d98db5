"""Facts from figures: money as investment, funding or a statistic; counts, jobs pledged and shares."""

from __future__ import annotations

import re

from ..model.modal_words import status_of
from .amounts import BEFORE_FIGURE, JOB_WORDS, Figure, figures, measure_of, number_value
from .dates import resolve, time_spans
from .figure_guards import misread
from .gazetteer import Mention
from .modality import ASIDE, clause_around
from .proposals import BODIES, DOERS, PLACES, PRONOUN_SUBJECT, Context, Proposal, Qualifiers, Sentence

_FUNDER_BEFORE = re.compile(r"(?<!leveraged )(?<!raised )(?<!generated )(?<!secured )(?<!attracted )"
                            r"\b(?:from|by)\s+(?:the\s+)?$")  # "leveraged by X": X did it, nobody paid X
_OPENS = re.compile(r"(?:[A-Z]\w+,\s+)?(?:the\s+)?")  # "Furthermore, Primacy ...": the sentence's subject
_OBJECT = re.compile(r"(?:\b(?:with|create|creating|to)|(?<!,) and)\s+(?:an?\s+|the\s+)?$")  # ", and C ...": a subject
_WHERE = re.compile(r"\b(?:based|headquartered|located) in (?:the )?$")  # "X, based in P, raised": X's
_RECEIVED = re.compile(r"\b(?:receive[sd]?|awarded|granted|given|won|secured a)\b")
_GOT = re.compile(r"\b(?:receive[sd]?|receiving|awarded|granted|given|won|secured|raised|attracted|landed)\b")
_GRANTS = re.compile(r"\b(?:awarded|granted|gave|given|handed|offered)\s+(?:the\s+|its\s+)?$")
_OPENS_ANY = re.compile(r"(?:[A-Z]\w+,\s+)?(?:[Tt]he\s+)?")  # the sentence's subject, 'The company' too
_WHERE_TO = re.compile(r"(?:\bits|\b(?:in|at|across|near)(?: the)?)\s+$")  # "its Birmingham team", "in Leeds"
# a place named after a preposition, maybe in a list ("sites in Dublin and Frankfurt"): where, not who
_PLACE_NAMED_IN = re.compile(r"\b(?:in|at|across|near|to)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*,?\s+"
                             r"(?:and\s+)?)*$")
_BY_DOER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:expansion|investment|project|scheme|plan|deal|acquisition|bid|"
                      r"upgrade|development|takeover|purchase)\s+by\s+(?:the\s+)?")
_EMPLOYS = re.compile(r"\b(?:employs|employed|employing|employ|has|had|have|with)\s+" + BEFORE_FIGURE + "$")
_UNNAMED_HEAD = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:that|which)\b")
_ATTRIBUTIVE = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:spin-?out|start-?up|firm|company|business|subsidiary|unit|"
                          r"division|arm|consortium|venture|team|supplier|manufacturer|developer)s?\b")
_COST_OF = re.compile(r"\s+(?!(?:of|in|to|from|for|on|into|a|an|the|and|or|is|was|were|are|has|had|will|would)\b)"
                      r"[a-z]")
_REPORTED = re.compile(r"\b(?:said|says|told|added|announced|confirmed|stated|explained)\b(?: that)? [^,;]*$")
_INVESTS = re.compile(r"\b(?:invested|invests|invest|investing|pumped|ploughed|put)\s+(?:a further |an additional |"
                      r"another |almost |nearly |more than |over |around |about )?$")
# the relations whose facts the vocabulary lets carry a span: a duration ("over three years") or a by-date
_SPANNED = {"duration": ("pledges-jobs", "statistic", "investment", "target", "forecast"),
            "by": ("pledges-jobs", "recruits-for", "target", "forecast", "plans")}
# "According to the authority, 38,000 adults ...", "The office, on Colmore Row, opened with 35 staff": who says
# and where, never whose figure
_SOURCE_OR_SITE = re.compile(r"(?:^According to|\b(?:on|at))\s+(?:the\s+)?$")
# a place named between a determiner and a noun is where the noun is ("its Telford plant"), no figure's subject
_ATTRIBUTIVE_PLACE = re.compile(r"\s+(?!(?:on|in|at|by|for|from|to|and|or|with|last|next|this|which|that|where|is|was|"
                                r"will|has|had|have|were|are)\b)[a-z]")
_ATTENDED = re.compile(r"\s+(?:[a-z-]+\s+){0,3}?(?:attended|visited|joined|took part in|came to)\s+(?:the\s+)?")
_PROJECT_COST = re.compile(r"\s+(?:for\s+(?:a|an)\s+)?(?:(?:[a-z-]+|[A-Z]{2,5})\s+){0,2}?(?:programme|scheme|project|"
                           r"centre|hub|facility|plant|campus|pilot|trial|contract|deal|study|call|competition|"
                           r"factory|office|site|initiative|testbed|test bed)\b\s*(?:,\s*)?(?:called\s+|named\s+)?")
# "X said the centre would create 150 jobs": a doer other than the speaker, reported doing the figure's deed
_REPORTED_DOER = re.compile(r"\b(?:said|says|added|announced|confirmed|expects?|believes?|estimates?|told [\w ]+?)\s+"
                            r"(?:that\s+)?(?:the\s+|its\s+|a\s+|an\s+)?(?:new\s+)?(?P<doer>[a-z]+)\s+(?:would|will|"
                            r"could|can|may|might|is set to|is expected to|is to)\s+(?:create|employ|hire|add|bring|"
                            r"support|generate|deliver|take on|raise|invest|secure|train)\b")
# what a speaker says of itself: "X said it would", "X said revenue rose to £5m"
_SPEAKERS_OWN = frozenset(("it", "they", "we", "he", "she", "company", "firm", "business", "group", "revenue",
                           "revenues", "sales", "turnover", "profit", "profits", "headcount", "workforce", "staff",
                           "team", "orders"))
_GROW_TO = re.compile(r"\b(?:grow|expand|increase|take|bring|double)\b[^.;]*\bto\s+" + BEFORE_FIGURE + "$")
_OF_UNNAMED = re.compile(r"\b(?:a|an)\s+(?:[\w£.-]+\s+){0,4}?(?:hub|centre|facility|plant|factory|campus|site|"
                         r"project|scheme|institute|lab|laboratory)(?:\s+in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?"
                         r",?\s+(?:which|that)\s+[^,;]*$")
_SCOPE = re.compile(r"\b(?:of|among)\s+(?:any|all|the)\s+(?:[\w-]+\s+){0,3}?(?:in|across)\s+(?:the\s+)?$")
_NAMING = re.compile(r"\b(?:called|named|known as|dubbed|branded)\s+$")
_UNNAMED_BETWEEN = re.compile(r"\b(?:a|an)\s+[a-z]")  # "40 people attended a briefing at the Town Hall": the briefing's
_UNNAMED_SUBJECT = re.compile(r"(?:[A-Z]\w+,\s+)?(?:A|An|One)\s+(?:[\w-]+\s+){0,3}?(?:scheme|project|programme|firm|"
                              r"company|start-?up|study|survey|business|group|initiative|pilot|trial|centre|hub)\b")
_FINDS = re.compile(r"\s+(?:also\s+)?(?:finds|found|says|said|shows|showed|notes|noted|estimates|estimated|"
                    r"forecasts|predicts|suggests|reveals|revealed|claims|concludes|concluded)\b")
_REVENUE = re.compile(r"\b(?:revenues?|turnover|sales|valuation|valued|worth|profits?|losses|income|spending)\b")


def figure_facts(sentence: Sentence, context: Context, date: str) -> list[Proposal]:
    """A fact for each figure of `sentence` whose subject can be told."""
    found = []
    for figure in figures(sentence.text):
        proposal = _figure(sentence, figure, context, date)
        if proposal is not None and not misread(sentence, figure, proposal, context):
            found += [proposal] + _each(sentence, proposal)
    return found


def _each(sentence: Sentence, proposal: Proposal) -> list[Proposal]:
    """'A and B will each receive £5m': the same fact for A, named just before B."""
    subject = next((m for m in sentence.mentions if m.key == proposal.subject), None)
    if subject is None or not re.search(r"\beach\b", proposal.quote):
        return []
    other = next((m for m in sentence.mentions if m.end <= subject.start and m.type == subject.type
                  and re.fullmatch(r"\s+and\s+(?:the\s+)?", sentence.text[m.end:subject.start])), None)
    if other is None:
        return []
    return [Proposal(other.key, proposal.relation, proposal.object, dict(proposal.qualifiers), proposal.quote,
                     proposal.status, proposal.rule, proposal.confidence, [*proposal.why, "'each': its own sum"])]


def _subject(sentence: Sentence, figure: Figure, context: Context) -> Mention | None:
    """The nearest entity named before the figure that is not its funder, else the first place after it."""
    unnamed = _OF_UNNAMED.search(sentence.text[:figure.start])
    if unnamed is not None and not any(m.type in BODIES and m.end <= unnamed.start() for m in sentence.mentions):
        return None  # "a £40m research hub in Wolverhampton, which could create 300 jobs": the unnamed hub's, no body's
    funders = {m.key for m in sentence.mentions if _FUNDER_BEFORE.search(sentence.text[:m.start])
               or _SOURCE_OR_SITE.search(sentence.text[:m.start])}
    asides = [a.span() for a in ASIDE.finditer(sentence.text[:figure.start])]
    before = [m for m in sentence.mentions if m.end <= figure.start and m.type in (*DOERS, *PLACES)
              and m.key not in funders and not sentence.text.startswith("-based", m.end)
              and not _WHERE.search(sentence.text[:m.start])
              and not (any(a <= m.start and m.end <= b for a, b in asides)  # "The study, by X, predicts": not X's
                       and not _NAMING.search(sentence.text[:m.start]))  # "The scheme, known as X, will": X's
              and not _ATTRIBUTIVE.match(sentence.text, m.end)  # "a University of X spin-out": the spin-out's
              and not (m.type == "report" and _FINDS.match(sentence.text, m.end))  # "The report finds": its source
              and not _says_of_another(sentence.text, m.end, figure.start)]
    clause = clause_around(sentence.text, figure.start, figure.end)
    if before and re.match(r"\s*(?:and |but )?(?:it|they)\b", clause):
        return before[0]  # "X ..., and it will receive": the sentence's subject
    if before and before[-1].type in PLACES and _PLACE_NAMED_IN.search(sentence.text[:before[-1].start]) \
            and before[0].type not in PLACES and _OPENS_ANY.fullmatch(sentence.text[:before[0].start]):
        return before[0]  # "X runs sites in Dublin and employs 1,200 people": X's, not Dublin's
    if before and before[-1].type in PLACES and _UNNAMED_SUBJECT.match(sentence.text) \
            and _PLACE_NAMED_IN.search(sentence.text[:before[-1].start]):
        return None  # "A previous scheme in Coventry and Solihull placed 61 per cent": the scheme's, unnamed
    if len(before) > 1 and before[-1].type in PLACES and _SCOPE.search(sentence.text[:before[-1].start]):
        return before[-2]  # "Coventry had the fastest growth of any city in the region, at 18%": Coventry's
    if before:
        return before[-1]
    if context.subject and PRONOUN_SUBJECT.match(sentence.text):
        return Mention(0, 0, "", context.subject, context.kinds[context.subject], False, "previous-subject", 0.5)
    if figure.kind == "money" and _COST_OF.match(sentence.text, figure.end):
        return None  # "Plans for a £40m research centre in Warwick": the centre's cost, not Warwick's
    after = next((m for m in sentence.mentions if m.start >= figure.end), None)
    if after is not None and after.type == "event" and _ATTENDED.fullmatch(sentence.text, figure.end, after.start):
        return after  # "Around 600 people attended the Summit": the event's count
    if after is None or after.type not in PLACES or sentence.text.startswith("-based", after.end) \
            or _UNNAMED_BETWEEN.search(sentence.text, figure.end, after.start) or (
            re.search(r"\b(?:its|their|his|her|our|the|a|an)\s+$", sentence.text[:after.start])
            and _ATTRIBUTIVE_PLACE.match(sentence.text, after.end)):
        return None  # "600 people attended the Summit in Solihull", "cut costs at its Telford plant": not the place's
    return after


def _figure(sentence: Sentence, figure: Figure, context: Context, date: str) -> Proposal | None:
    text = sentence.text
    clause = clause_around(text, figure.start, figure.end)
    dates = date, context.anchor
    qualifiers: Qualifiers = {"approx": figure.approx} if figure.approx else {}
    last = next((m for m in reversed(sentence.mentions) if m.end <= figure.start), None)
    if _UNNAMED_HEAD.search(text[last.end if last is not None else 0:figure.start]):
        return None  # "X backed plans for a plant that could cost £2bn": the plant's, and it has no name
    subject = _subject(sentence, figure, context)
    funder = re.match(r"[^.;]{0,40}?\b(?<!led )(?:from|by) (?:the )?", text[figure.end:])  # a round's leader: one payer
    payer = sentence.at(figure.end + funder.end()) if funder else None
    project = _PROJECT_COST.match(text, figure.end) if figure.kind == "money" else None
    if project is not None and sentence.at(project.end()) is None:
        return None  # "X has launched a £6m programme to ...": the unnamed programme's size, not X's money
    if figure.kind == "money":
        qualifiers.update({"amount": number_value(figure.value), "currency": figure.currency})
        share = _share_for(sentence, figure)
        if share is not None:
            return _made(share[0], share[1], share[2], qualifiers, sentence, figure, "money-for", *dates)
        named = _named_fund(sentence, figure)
        if named is not None:
            return _made(named[0], "funded-by" if named[1] else "investment", named[1] or None, qualifiers, sentence,
                         figure, "money-of-named", *dates)
        doer = _BY_DOER.match(text, figure.end)
        actor = sentence.at(doer.end()) if doer else None
        if actor is not None and actor.type in BODIES:  # "a $25m expansion by Nexora": Nexora's money
            return _made(actor.key, "investment", None, qualifiers, sentence, figure, "money-by", *dates)
        granted = _granted(sentence, figure) or _invested(sentence, figure, subject)
        if granted is not None:
            return _made(granted[0], "funded-by", granted[1], qualifiers, sentence, figure, "granted-money", *dates)
        if payer is not None and payer.type in BODIES:
            receiver = subject.key if subject is not None and (subject.type in ("initiative", "programme") or (
                subject.type in BODIES and _GOT.search(clause))) else context.last.get("initiative", "")
            if receiver:
                return _made(receiver, "funded-by", payer.key, qualifiers, sentence, figure, "money-from", *dates)
            if subject is None or subject.type in PLACES:
                return None  # "a centre in Leeds, backed by £6m from X": the place is not what X paid for
        if subject is None and context.last.get("initiative"):
            return _made(context.last["initiative"], "investment", None, qualifiers, sentence, figure,
                         "money-for", *dates)
    if subject is None:
        return None
    if figure.kind == "count":
        pledge = _jobs_pledged(sentence, figure, clause, context)
        if pledge is not None:
            qualifiers["jobs"] = int(figure.value)
            return _made(pledge[0], "pledges-jobs", pledge[1], qualifiers, sentence, figure, "jobs-in", *dates)
        qualifiers.update({"count": int(figure.value), "measure": figure.noun})
        context.counted = subject.key
    elif figure.kind == "share":
        qualifiers.update({"share": figure.value, "measure": _measure(clause, figure)})
    relation = _relation(subject, figure, clause)
    if relation == "statistic":
        qualifiers.setdefault("measure", _measure(clause, figure))
    return _made(subject.key, relation, None, qualifiers, sentence, figure, f"{figure.kind}-figure", *dates)


def _says_of_another(text: str, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` report what another did: 'said the centre would create'."""
    reported = _REPORTED_DOER.search(text, start, end)
    return reported is not None and reported.group("doer") not in _SPEAKERS_OWN


def _named_fund(sentence: Sentence, figure: Figure) -> tuple[str, str] | None:
    """(programme, payer or '') of 'the government's £30m Skills programme' or 'a £5m Robot Fund'."""
    named = next((m for m in sentence.mentions if m.start > figure.end
                  and re.fullmatch(r"\s+", sentence.text[figure.end:m.start])), None)
    if named is None or named.type not in ("programme", "initiative", "fund"):
        return None
    owner = next((m for m in sentence.mentions if re.fullmatch(r"['’]s?\s+", sentence.text[m.end:figure.start])), None)
    return named.key, owner.key if owner is not None and owner.type in BODIES else ""


def _granted(sentence: Sentence, figure: Figure) -> tuple[str, str] | None:
    """(receiver, payer) of 'PAYER awarded RECEIVER a £1.5m grant'."""
    receiver = next((m for m in reversed(sentence.mentions) if m.end <= figure.start), None)
    if receiver is None or receiver.type not in (*BODIES, "initiative", "programme") \
            or not re.fullmatch(r"\s+(?:an?\s+)?", sentence.text[receiver.end:figure.start]):
        return None
    verb = _GRANTS.search(sentence.text[:receiver.start])
    payer = sentence.before(verb.start(), BODIES) if verb else None
    return (receiver.key, payer.key) if payer is not None and payer.key != receiver.key else None


def _invested(sentence: Sentence, figure: Figure, investor: Mention | None) -> tuple[str, str] | None:
    """(receiver, investor) of 'X invested £2.5m in Y'; None when Y has no name (X's own investment, then)."""
    if investor is None or investor.type not in BODIES or not _INVESTS.search(sentence.text[:figure.start]):
        return None
    into = re.match(r"\s+(?:in|into)\s+(?:the\s+)?", sentence.text[figure.end:])
    receiver = sentence.at(figure.end + into.end()) if into else None
    if receiver is None or receiver.type not in (*BODIES, "initiative", "programme"):
        return None
    return receiver.key, investor.key


def _share_for(sentence: Sentence, figure: Figure) -> tuple[str, str, str | None] | None:
    """'P was extended with £30m, including £4m for X': X funded through P (or X's investment)."""
    after = re.match(r"\s+(?:is |was |will go |goes )?(?:for|to) (?:the )?", sentence.text[figure.end:])
    receiver = sentence.at(figure.end + after.end()) if after else None
    if receiver is None or receiver.type not in (*BODIES, "initiative", "programme"):
        return None
    fund = next((m for m in sentence.mentions if m.end <= figure.start and m.type in ("programme", "fund")
                 and m.key != receiver.key), None)
    return (receiver.key, "funded-through", fund.key) if fund is not None else (receiver.key, "investment", None)


def _jobs_pledged(sentence: Sentence, figure: Figure, clause: str, context: Context) -> tuple[str, str] | None:
    """(employer, place) when a body will create the figure's jobs in a place named in the clause.

    The employer is the body the sentence opens with when it does; with no place in the sentence the
    jobs are placed in the region the article is about.
    """
    lead = sentence.text[max(0, figure.start - 40):figure.start]
    if _EMPLOYS.search(lead) or _GROW_TO.search(lead):
        return None  # "employs 65 people", "grow its team to 90 people": the staff it has or will have, not new jobs
    jobs = figure.noun.split()[-1] in JOB_WORDS or (figure.noun.split()[-1] in ("people", "staff")
                                                    and re.search(r"\b(?:team|hire|hiring|recruit|workforce)", lead))
    body = sentence.before(figure.start, BODIES)
    if body is not None and _OBJECT.search(sentence.text[:body.start]):
        body = next((m for m in sentence.mentions if m.end <= figure.start and m.type in BODIES
                     and _OPENS.fullmatch(sentence.text[:m.start])), body)  # "X is partnering with Y ..."
    nearest = next((m for m in reversed(sentence.mentions) if m.end <= figure.start
                    and m.type in (*BODIES, *PLACES) and not sentence.text.startswith("-based", m.end)), None)
    if nearest is not None and nearest.type in PLACES and not _WHERE_TO.search(sentence.text[:nearest.start]):
        return None  # "the region will create 52,000 jobs": the place is the subject, not an employer
    start = sentence.text.find(clause)
    places = [m for m in sentence.mentions if m.type in PLACES and start <= m.start < start + len(clause)
              and not sentence.text.startswith("-based", m.end) and not sentence.text[:m.start].endswith("from ")]
    elsewhere = [m for m in sentence.mentions if m.type in PLACES and m.type != "country"]
    if not places and nearest is not None and nearest.type in PLACES and nearest.type != "country":
        places = [nearest]  # "employs 65 people at its office in Leeds and plans to hire another 30": there
    if not jobs or body is None or not (places or (not elsewhere and context.region())):
        return None
    if _says_of_another(sentence.text, body.end, figure.start):
        return None  # "DBT said the centre would create 150 jobs": the centre's jobs, and DBT only says so
    if not places:
        return body.key, context.region()
    return body.key, min(places, key=lambda m: abs(m.start - figure.start)).key


def _relation(subject: Mention, figure: Figure, clause: str) -> str:
    if figure.kind == "money":
        if _REVENUE.search(clause) and not _GOT.search(clause):
            return "statistic"  # what a body earns or is worth is no investment in it
        return "statistic" if subject.type in PLACES and not _RECEIVED.search(clause) else "investment"
    if figure.kind == "count" and subject.type not in PLACES and figure.noun.split()[-1] not in JOB_WORDS:
        return "stated-count"
    return "statistic"


def _measure(clause: str, figure: Figure) -> str:
    start = max(0, clause.find(figure.words))
    found = re.sub(r"^.*\b(?:said|says|added|told \w+)\s+(?:that\s+)?", "", measure_of(clause, figure, start))
    if not found and re.search(r"\b(?:(?:up|down) from|compared (?:with|to)|against)\s+$", clause[:start]):
        # "£454m in venture capital, up from £358m": the same measure as the figure it is compared with
        earlier = [f for f in figures(clause[:start]) if f.kind == figure.kind]
        found = measure_of(clause, earlier[-1], earlier[-1].start) if earlier else ""
    return found


def _when(sentence: Sentence, figure: Figure, date: str, anchor: str) -> tuple[str, str, str]:
    """The date of the figure: the first after it before the next figure, else the last before it, else the clause's.

    '£454m so far this year, up from £358m last year': each figure has its own year.
    """
    text = sentence.text
    clause = clause_around(text, figure.start, figure.end)
    start = text.find(clause)
    others = figures(clause)
    after_end = min((start + f.start for f in others if start + f.start >= figure.end), default=start + len(clause))
    before_start = max((start + f.end for f in others if start + f.end <= figure.start), default=start)
    found = resolve(_unaside(text[figure.end:after_end]), date, anchor)
    if found[0] or found[2]:
        return found
    before = _unaside(text[before_start:figure.start])
    for at in reversed([m.start() for m in re.finditer(r"\b\w", before)]):
        found = resolve(before[at:], date, anchor)
        if found[0] or found[2]:
            return found
    found = resolve(_unaside(clause), date, anchor)
    at = start + clause.find(found[1]) if found[1] else -1
    if any(figure.end <= start + f.start and start + f.end <= at for f in others):
        return "", "", ""  # "worth £14bn, up from £11bn in 2020": the year after a later figure is that one's
    return found


def _unaside(words: str) -> str:
    """The words less their asides and relative clauses: 'The company, founded in 2018, employs 65' or
    '£10m will go to X, which opened in 2021' dates no figure by the aside's year."""
    words = re.sub(r",? (?:which|who|whose)\b[^,;]*", lambda m: " " * len(m.group(0)), words)
    return ASIDE.sub(lambda m: " " * len(m.group(0)), words)


def _made(subject: str, relation: str, obj: str | None, qualifiers: Qualifiers, sentence: Sentence,
          figure: Figure, rule: str, date: str, anchor: str = "") -> Proposal:
    clause = clause_around(sentence.text, figure.start, figure.end)
    status, trigger = status_of(clause)
    if (status, trigger) == ("possible", "would") and _REPORTED.search(clause[:clause.find("would")]):
        status = "planned"  # "said the money would be used to": the reported "will", no possibility
        trigger = "said ... would"
    if relation == "pledges-jobs" and status in ("planned", "stated"):
        status = "pledged"  # the relation's own status: the vocabulary has no planned jobs
    elif relation == "pledges-jobs" and status == "possible":
        status = "forecast"  # "could create 300 jobs": the nearest status jobs have to a possibility
    when, _, when_note = _when(sentence, figure, date, anchor)
    if when:
        qualifiers["date"] = when
    elif date and relation in ("statistic", "stated-count"):
        qualifiers["as-of"] = date
    shown = qualifiers.get("amount", qualifiers.get("count", qualifiers.get("jobs", qualifiers.get("share"))))
    why = [f"{figure.words.strip()!r} read as {shown}"]
    if trigger:
        nearest = " (jobs have no status 'possible')" if (status, relation) == ("forecast", "pledges-jobs") else ""
        why.append(f"status {status} from '{trigger}'{nearest}")
    if when_note:
        why.append(when_note)
    if qualifiers.get("measure") == "":
        why.append(f"no short noun phrase says what {figure.words.strip()!r} measures: write the measure")
    why += _spanned(relation, qualifiers, clause[max(0, figure.end - sentence.text.find(clause)):])
    return Proposal(subject, relation, obj, qualifiers, clause.strip(" ,;."), status, rule, 0.5, why)


def _spanned(relation: str, qualifiers: Qualifiers, after: str) -> list[str]:
    """Give the fact the duration or by-date the words after its figure set, if its relation has one; the why."""
    why = []
    for key, value, words in time_spans(after):
        if relation not in _SPANNED[key]:
            why.append(f"'{words}': {relation} has no '{key}'; keep it in the words or choose a relation that has")
            continue
        if key == "by" and qualifiers.get("date") == value:
            del qualifiers["date"]  # "by 2027" is the deadline, not when the figure was given
        qualifiers[key] = value
        why.append(f"'{words}' read as {key} {value}")
    return why
