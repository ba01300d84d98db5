"""New entity candidates: names the graph does not know, typed by their words and context, with near matches."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process, utils

from ..model.model import Entity
from .gazetteer import Mention
from .names import (
    CAPTION,
    CITIES,
    COUNTIES,
    COUNTRIES,
    GIVEN_NAMES,
    HEAD_TYPES,
    HONORIFICS,
    MONTHS,
    NOT_NAMES,
    PERSON_CUES,
    SENTENCE_WORDS,
    SPEECH_VERBS,
    WEEKDAYS,
    WORLD_REGIONS,
)

_WORD = r"[A-Z][\w&]*(?:-[A-Z0-9][\w&]*)*"
SPAN = re.compile(rf"(?<![\w-]){_WORD}(?: (?:(?:of|for|the|de|on|&) )*{_WORD})*(?: \d{{1,2}}(?!\d|[,.]\d|\s?%))?")
_ALWAYS_STRIPPED = frozenset(("The", "A", "An", "Former", "Rival", "Fellow", "According", "In", "On", "At", "By",
                              "For", "From", "With", "To", *MONTHS, *WEEKDAYS, *HONORIFICS))
# "Primacy, a Singapore-based regtech company": the apposition says what kind of body the name is; in
# "Founded by Ann Lee, the firm makes ..." the words after the name are a clause's subject, no apposition, and
# "the firm's CEO" names no kind of body
_BODY_APPOSED = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:company|firm|start-?up|business|provider|"
                           r"partner|developer|manufacturer|consultancy|agency|specialist|supplier|operator|group|"
                           r"charity|maker|retailer|lender|bank|insurer|platform|spin-?out)\b(?!['’]s)"
                           r"(?!\s+(?:is|was|has|had|makes|made|runs|ran|said|says|will|can)\b)")
_KIND_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:firm|company|start-?up|developer|manufacturer|"
                          r"maker|provider|supplier|consultancy|studio|retailer|lender|insurer)\s+$")
_GROUP_APPOSED = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:network|collective|community|association|"
                            r"organisation|organization|body|alliance|consortium|cluster|forum|membership group)\b"
                            r"(?!['’]s)(?!\s+(?:is|was|has|had|will|can)\b)")
# the abstract nouns that end a body's name joined by "and" ("Science and Technology Facilities Council")
_JOINED = re.compile(r" and (?:[A-Z]\w+ )*(?:Innovation|Technology|Research|Development|Skills|Trade|Industry|"
                     r"Science|Sciences|Culture|Sport|Media|Regions|Engineering|Enterprise|Education|Training|"
                     r"Investment|Growth|Communities|Energy|Transport|Health|Care|Security)\b")
# "Engineering and Physical Sciences Research Council (EPSRC)": one name, as the initials in brackets show
_AND_ACRONYM = re.compile(r" and ((?:[A-Z][\w-]*\s)*[A-Z][\w-]*) \(([A-Z]{3,8})\)")
# initials that are terms, not bodies
_TERMS = frozenset(("CEO", "CTO", "CFO", "COO", "CIO", "GVA", "GDP", "ESG", "SME", "SMES", "API", "APIS", "HTML", "PDF",
                    "FAQ", "USA", "UAE", "ROI", "KPI", "VAT", "STEM", "HGV", "EV", "LED", "IOT", "SAAS", "FTSE", "IPO"))
# a funding round or an award's title, not a body
_ROUND = re.compile(r"(?:Series|Round) [A-H]\b|Pre-Series [A-H]\b|.+ of the (?:Year|Decade)")
_BODY_DOES = re.compile(r"\s+(?:was founded|was set up|was launched|was spun out|has raised|raised|has secured|"
                        r"secured|employs|is headquartered|is based)\b")
_IN_PLACE_OF = re.compile(r"\s+(?:team|office|offices|site|base|headquarters|hub|workforce)\b")
_LIST_TAIL = re.compile(rf"(?:, {_WORD}(?: {_WORD})*)*,? and {_WORD}(?: {_WORD})*")
_LOWER_POST = re.compile(r"\b(?<!prime )((?:minister|secretary) (?:for|of) (?:[a-z]+ ){0,3}?[a-z]+)(?=, [A-Z])"
                         r"|\b((?:[a-z]+ and )?[A-Za-z]+ (?:secretary|minister))\b(?! (?:of|for)\b)")
_LOWER_INITIATIVE = re.compile(r"\b(?:a|an) ((?:[a-z0-9-]+ ){1,3}(?:project|testbed|hub))\b")
# the last word of a street's or a building's name: "Victoria Square" is no person
_STREET_WORDS = frozenset(("Street", "Road", "Square", "Row", "Lane", "Way", "Place", "Gardens", "House", "Hall",
                           "Quarter", "Avenue", "Court", "Building", "Tower", "Wharf", "Yard", "Gate", "Line"))
# the words a job title written in capitals opens with, and what follows such a title between a name and a body
_TITLE_WORDS = frozenset(("Chief", "Director", "Head", "Managing", "Vice", "Deputy", "Senior", "Interim", "Acting",
                          "Founder", "Co-founder", "Co-Founder", "Executive", "Programme", "Principal", "Lead"))
_SIGNED_TITLE = re.compile(r"(?: and [A-Z][\w-]*)*(,)\s+(?:the\s+)?[A-Z]")
_CALLED_TYPES = {"programme": "programme", "scheme": "programme", "fund": "programme", "project": "initiative",
                 "initiative": "initiative", "hub": "initiative", "centre": "initiative", "event": "event",
                 "festival": "event", "conference": "event", "summit": "event", "showcase": "event",
                 "exhibition": "event", "expo": "event", "hackathon": "event", "report": "report",
                 "study": "report", "survey": "report", "company": "company", "firm": "company",
                 "start-up": "company", "startup": "company", "venture": "company", "app": "product",
                 "platform": "product", "tool": "product", "device": "product"}
# "The programme, called X", "an annual showcase, X": the name is of the noun's kind
_CALLED_KIND = re.compile(rf"\b({'|'.join(_CALLED_TYPES)})s?,?\s+(?:called|named|dubbed|known as|branded)\s+$"
                          rf"|\b(?:a|an|its|their)\s+(?:[a-z-]+\s+){{0,2}}({'|'.join(_CALLED_TYPES)}),\s+$")
_REPORT_NOUNS = r"(?:report|survey|index|study|review|ranking|rankings|barometer|audit)"
_EDITION_YEAR = re.compile(rf" (?:19|20)\d\d(?= {_REPORT_NOUNS}\b)")
_COMMON = 500  # a word in more names than this ("west", "group") finds no near match on its own
_NOT_FIRST = frozenset(("new", "planned", "first", "initial", "major", "further", "same", "second", "recent",
                        "the", "prime", "foreign", "home", "junior", "former", "senior", "cabinet"))


@dataclass
class Candidate:
    """A proposed new entity: id, type, name, the words that name it, why, and the known names it is near."""

    key: str
    type: str
    name: str
    rule: str
    confidence: float
    aliases: list[str] = field(default_factory=list)
    near: list[str] = field(default_factory=list)
    start: int = 0


def slug(name: str) -> str:
    """A lower-case id made of the name's words."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold().replace("&", "and")).strip("-") or "entity"


def find_spans(text: str, starts: set[int], taken: list[Mention]) -> list[tuple[int, int, bool]]:
    """Capitalised runs of words not inside a known name: (start, end, opens a sentence)."""
    found: list[tuple[int, int, bool]] = []
    title_end = 0
    for match in SPAN.finditer(text):
        start, end = match.start(), match.end()
        if (found and start < found[-1][1]) or start < title_end:
            continue  # inside a name or a title already found ("Culture" of "Department for Digital, Culture, ...")
        words = match.group(0).split(" ")
        while words and (words[0] in _ALWAYS_STRIPPED or words[0].isdigit()
                         or (start in starts and words[0] in SENTENCE_WORDS)):
            start += len(words[0]) + 1
            words = words[1:]
        start, words = _untitled(start, words)
        dated = next((i for i in range(1, len(words)) if words[i - 1] == "on" and words[i] in (*WEEKDAYS, *MONTHS)), 0)
        words = words[:dated - 1] if dated else words  # "the NEC in Solihull on Wednesday": no name's end
        while words and words[-1] in ("of", "for", "the", "de", "on"):
            words = words[:-1]
        if not words or (len(words) == 1 and (words[0] in NOT_NAMES or words[0] in SENTENCE_WORDS
                                              or re.fullmatch(r"[A-Z]{2,}s", words[0]))):
            continue
        end = start + len(" ".join(words))
        person_of = _person_of(words, text[max(0, start - 12):start])
        if person_of:  # "Professor Anna Reed of Aston University": a person, then the body she is of
            found.append((start, start + len(" ".join(words[:person_of])), start in starts))
            start += len(" ".join(words[:person_of + 1])) + 1
            words = words[person_of + 1:]
        if words[0] in ("Department", "Ministry", "Secretary"):
            tail = _LIST_TAIL.match(text, end)
            end = tail.end() if tail else end
        edition = _EDITION_YEAR.match(text, end)
        end = edition.end() if edition else end  # "the Regional Tech Pulse 2025 report": the year is in the name
        signed = _SIGNED_TITLE.match(text, end) if words[0] in _TITLE_WORDS else None
        if signed is not None and re.search(r",\s+$", text[:start]):
            title_end = signed.start(1)
            continue  # "Dean Cook, Executive Director of Place and Global, Innovate UK": a title, not a name
        joined = _JOINED.match(text, end)
        if len(words) >= 2 and joined:
            end = joined.end()  # "UK Research and Innovation", "Nations and Regions"
        end = _spelled_out(text, words, end)
        if any(m.start <= start and end <= m.end for m in taken) or (text[start:end].isupper()
                                                                      and not _initials(text, start, end)) \
                or text.startswith(":", end) or _title_case_line(text, start) or _ROUND.fullmatch(text[start:end]):
            continue  # "Photo:", "Quick Read:" are labels; a Title Case Headline capitalises every word
        found.append((start, end, start in starts))
    return found


def _person_of(words: list[str], before: str) -> int:
    """How many words of 'Anna Reed of Aston University' are a person's name: two or three opening with a common
    given name or after a title, then 'of' and a name (0 when the words are no such pair)."""
    if "of" not in words[2:4] or words[-1] == "of":
        return 0
    size = words.index("of", 2)
    titled = re.search(rf"\b(?:{'|'.join(HONORIFICS)})\.?\s+$", before) is not None
    if (words[0] in GIVEN_NAMES or titled) and all(w[:1].isupper() and w.isalpha() for w in words[:size]):
        return size
    return 0


_TITLE_HEAD = frozenset(("Chief", "Executive", "Managing", "Director", "Operating", "Financial", "Technology",
                         "Technical", "Officer", "Chair", "Chairman", "Chairwoman", "President", "Vice", "Deputy",
                         "Founder", "Co-founder", "Co-Founder", "Head", "Interim", "Acting", "Senior", "Lead"))
_TITLE_END = frozenset(("Executive", "Director", "Officer", "Chair", "Chairman", "Chairwoman", "President", "Founder",
                        "Co-founder", "Co-Founder"))


def _untitled(start: int, words: list[str]) -> tuple[int, list[str]]:
    """'Chief Executive Ann Hale': the name after a title in capitals, the title left out."""
    lead = 0
    while lead < len(words) - 2 and words[lead] in _TITLE_HEAD:
        lead += 1
    if lead and words[lead - 1] in _TITLE_END and len(words) - lead in (2, 3) \
            and all(w[:1].isupper() for w in words[lead:]):
        return start + len(" ".join(words[:lead])) + 1, words[lead:]
    return start, words


def _spelled_out(text: str, words: list[str], end: int) -> int:
    """The end of a name joined by 'and' to the words after it when the initials in brackets spell them all."""
    joined = _AND_ACRONYM.match(text, end)
    if joined is None:
        return end
    initials = "".join(w[0] for w in [*words, *joined.group(1).split()] if w not in ("of", "for", "the"))
    return joined.end(1) if initials == joined.group(2) else end


def _initials(text: str, start: int, end: int) -> bool:
    """Whether an all-capitals word is a body's initials ('HSBC', 'NIHR'), not a term or a shout."""
    word = text[start:end]
    return (re.fullmatch(r"[A-Z]{3,6}", word) is not None and word not in _TERMS
            and not text[max(0, start - 2):start].endswith("(") and not text.startswith(")", end)
            and not text[max(0, start - 30):start].isupper())


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line holding `at` capitalises most of its words (a headline in title case)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)]
    if CAPTION.match(line):
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 4 and "," not in "".join(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def classify(text: str, start: int, end: int, opens: bool, names_elsewhere: set[str]) -> tuple[str, str, float]:
    """(type, rule, confidence) of a capitalised span, or ('', '', 0) if it is no name."""
    words = text[start:end].split()
    after = text[end:end + 80]
    before = text[max(0, start - 40):start]
    name = " ".join(words)
    if name in COUNTRIES:
        return "country", "country", 0.9
    if name in WORLD_REGIONS:
        return "region", "place-name", 0.8  # "across Europe": a continent is no city
    if name in CITIES or name in COUNTIES:
        return ("city" if name in CITIES else "region"), "place-name", 0.8
    if len(words) == 1 and name in HEAD_TYPES and opens:
        return "", "", 0.0  # "Report says ...": a head word alone opens a headline, it names nothing
    if re.match(rf"\s+{_REPORT_NOUNS}\b", after) and not opens:
        return "report", "report-noun", 0.7  # "the Regional Tech Pulse 2025 report"
    called = _CALLED_KIND.search(before)
    if called:
        kind = called.group(1) or called.group(2)
        return _CALLED_TYPES.get(kind, "organisation"), "called", 0.7  # "The programme, called X"
    if words[-1] in ("Centre", "Center", "Hall", "Arena") and re.search(r"\bat\s+(?:the\s+)?$", before):
        return "venue", "at-venue", 0.7  # "held at the National Exhibition Centre": a place, not a project
    for word, rule in ((words[-1], "head-word"), (words[0], "head-word")):
        if word in HEAD_TYPES:
            return HEAD_TYPES[word], rule, 0.75
    if 2 <= len(words) <= 3 and words[0] in GIVEN_NAMES and all(w.isalpha() for w in words) \
            and words[-1] not in _STREET_WORDS:
        return "person", "given-name", 0.7
    if _BODY_APPOSED.match(after) and not before.endswith(" from "):
        return "company", "apposed-company", 0.8
    if _KIND_BEFORE.search(before):
        return "company", "kind-before-name", 0.7  # "the Birmingham telecoms firm Telecore"
    if _GROUP_APPOSED.match(after) and not before.endswith(" from "):
        return "organisation", "apposed-organisation", 0.8  # "CovTech Collective, a Coventry-based network of ..."
    if len(words) == 1 and after.startswith("-based"):
        return "city", "place-based", 0.6  # "a Coventry-based developer"
    if len(words) == 1 and re.search(r"\b(?:its|their)\s+$", before) and _IN_PLACE_OF.match(after):
        return "city", "its-place-team", 0.6
    if re.match(r"\s+programmes?\b", after) or re.search(r"\bpart of (?:the )?$", before):
        return "programme", "programme-context", 0.7  # "delivered as part of Horizon Europe": a programme
    if 2 <= len(words) <= 3 and not before.endswith(" from ") and person_context(before, after):
        return "person", "person-context", 0.75
    country_after = re.match(r"\s+in\s+([A-Z]\w+)", after)
    if len(words) == 1 and country_after and country_after.group(1) in COUNTRIES:
        return "city", "place-in-country", 0.7
    if re.search(r"(?:\bin|\bat|\bnear|\bacross|,|\band)\s+$", before) and len(words) == 1 \
            and re.search(r"\b(?:in|sites in|at|across)\s+(?:\w+,?\s+(?:and\s+)?)*$", before):
        return "city", "place-after-in", 0.6
    if len(words) == 1 and opens and name not in names_elsewhere and not after.startswith((", a ", ", an ")) \
            and (name.endswith("s") or not _BODY_DOES.match(after)):
        return "", "", 0.0  # "Qubitrail was founded in 2021 by ...": a body's name opens the sentence
    return "organisation", "capitalised-name", 0.45


def person_context(before: str, after: str) -> bool:
    """Whether the words around a two- or three-word name say it is a person's."""
    if re.match(r"(?:,\s+(?:(?:the|a|an)\s+)?(?:\w+['’]s\s+)?(?:[\w-]+\s+){0,3}?(?i:" + "|".join(PERSON_CUES)
                + r")\b|\s+(?:"
                + "|".join(SPEECH_VERBS) + r")\b|\s+from\s+[A-Z])", after):
        return True
    if re.match(r"\s+(?:has been|have been|was|is) (?:appointed|named|promoted|hired)\b", after):
        return True
    if re.search(r"\b(?:appointed|hired|recruited|promoted|named)\s+$", before) \
            and re.match(r"\s+as\s+(?:its|their|the|a|an)\b|\s+as\s+(?:[\w-]+\s+){0,2}?(?i:" + "|".join(PERSON_CUES)
                         + r")", after):
        return True  # "has appointed Nadia Reyes as its chief executive"
    if re.search(r"(?:^|\n)By\s+$", before):
        return True  # a byline
    if re.search(r"\b(?:[Cc]o-?)?[Ff]ounded\s+(?:in\s+\d{4}\s+)?by\s+(?:[a-z]+\s+)?(?:[A-Z][\w'-]+\s+[A-Z][\w'-]+,?"
                 r"\s+and\s+(?:[a-z]+\s+)?)?$", before):
        return True  # "founded in 2021 by Ann Lee": a body's founder named by two or three plain words is a person
    cue = r"\b(?i:" + "|".join(PERSON_CUES) + r")"
    if re.search(r"(?:^|\n)$", before) and (re.match(rf"[ \t]*\n[^\n]*?{cue}", after)
                                            or re.search(rf"{cue}[^\n]*\n$", before)):
        return True  # a name on a line of its own above or below a job title, as in a staff profile
    if re.search(r"\b(?i:" + "|".join(PERSON_CUES) + r")\w*(?: (?:of|for) (?:the )?(?:[A-Z][\w ]*|[a-z]+))?,\s+$",
                 before):
        return True  # "techUK's CEO, Julian David"
    return bool(re.search(r"\b(?:minister|secretary|mayor|chair|executive|director|founder|Dr|Sir|Dame|"
                          r"Professor|Councillor|Cllr)\s+$", before, re.IGNORECASE))


def lower_case_candidates(text: str, taken: list[Mention]) -> list[tuple[int, int, str, str]]:
    """Posts and projects written in lower case: (start, end, name, type)."""
    found = []
    for pattern, kind in ((_LOWER_POST, "post"), (_LOWER_INITIATIVE, "initiative")):
        for match in pattern.finditer(text):
            group = match.lastindex or 1  # the one alternative that matched
            words = match.group(group).split()
            if words[0].casefold() in _NOT_FIRST or any(m.start <= match.start(group) < m.end and m.known
                                                        for m in taken):
                continue
            found.append((match.start(group), match.end(group), match.group(group), kind))
    return found


class NameIndex:
    """Every known entity's name, folded, and the names each word stands in: near matches compare only those."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.keys = list(entities)
        self.names = [utils.default_process(entity.name) for entity in entities.values()]
        self.words: dict[str, list[int]] = {}
        for index, name in enumerate(self.names):
            for word in set(name.split()):
                self.words.setdefault(word, []).append(index)

    def near(self, name: str) -> list[str]:
        """Known entities whose name is close to `name` (as 'id (score)'), best first."""
        wanted = utils.default_process(name)
        pool = sorted({i for word in set(wanted.split()) if len(self.words.get(word, ())) < _COMMON
                       for i in self.words.get(word, ())})
        if len(name) <= 3 or not pool:
            return []
        found = process.extract(wanted, [self.names[i] for i in pool], scorer=fuzz.token_sort_ratio, processor=None,
                                score_cutoff=80, limit=3)
        return [f"{self.keys[pool[index]]} ({score:.0f})" for _, score, index in found]
