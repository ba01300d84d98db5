"""Figures in an article's words: money, counts and shares, normalised, with the words kept."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000,
          "bn": 1_000_000_000, "billion": 1_000_000_000}
_CURRENCY = {"£": "GBP", "€": "EUR", "$": "USD"}
_APPROX = r"(?:((?i:more than|over|almost|nearly|up to|around|about|at least|some|roughly|close to|in excess of)) )?"
# The words that may stand just before a figure, for rules that read the text before one ("employs about")
BEFORE_FIGURE = (r"(?:(?:about|around|some|nearly|almost|more than|over|fewer than|roughly|up to|at least|close to|"
                 r"in excess of|an undisclosed) )?")
MONEY = re.compile(_APPROX + r"([£€$])\s?(\d[\d,]*(?:\.\d+)?)\s?(bn|billion|mn|m|million|k|thousand)?\b")
COUNT = re.compile(_APPROX + r"(?<![£€$\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\s?(?:%|per ?cent\b))"
                   r"(?![\d,.]*\s?(?:bn|m|million|billion)\b)"
                   r"(?! (?:miles|kilometres|km|metres|feet|minutes|hours|days|weeks|seconds|times|points)\b)"
                   r" ((?:[a-z-]+ ){0,3}?(?:[a-z-]+s|staff|people))\b")  # '20 miles away' counts nothing
SHARE = re.compile(_APPROX + r"(\d+(?:\.\d+)?)\s?(%|per ?cent)")
# "5,099 vacancies; by October the number had reached 9,287": a bare number continuing the count before it
CONTINUED = re.compile(r"\b(?:(?:the (?:number|figure|total|count)|this|that|it)\s+(?:had |has |have )?"
                       r"(?:reached|risen to|rose to|grown to|grew to|climbed to|fallen to|fell to|dropped to|"
                       r"jumped to|increased to|stood at|stands at)|(?:could|would|will|may|might|to)\s+(?:grow|rise|"
                       r"climb|fall|increase|reach)(?:\s+to)?|(?:hire|recruit|add|create|take on|employ)\s+"
                       r"(?:another|a further|an additional))\s+" + _APPROX + r"(\d{1,3}(?:,\d{3})+|\d+)\b"
                       r"(?![\d.,]*\s?(?:%|per ?cent|bn|m|million|billion)\b)")
JOB_WORDS = ("jobs", "roles", "posts", "positions", "vacancies")
STRONG = re.compile(r"\b(\d{1,3}(?:,\d{3})*)-strong\s+(workforce|team|staff)\b")  # "its 60-strong workforce"
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
# "employs nine people", "will hire a further six engineers": a count in words, after a verb of staffing only
WORD_COUNT = re.compile(r"\b(?:employs|employ|employed|employing|hire|hires|hiring|recruit|recruits|recruiting|"
                        r"take on|takes on|taking on|add|adds|adding)\s+(?:a further |another |an additional )?"
                        rf"({'|'.join(_WORD_NUMBERS)})\s+((?:[a-z-]+ ){{0,2}}?(?:[a-z-]+s|staff|people))\b")


@dataclass(frozen=True)
class Figure:
    """One figure: what kind, its value, currency for money, the approximation words, where it stands."""

    kind: str  # "money", "count" or "share"
    value: float
    start: int
    end: int
    words: str
    approx: str = ""
    currency: str = ""
    noun: str = ""  # for a count, the words that say what is counted


def figures(sentence: str) -> list[Figure]:
    """Every money amount, count and share in `sentence`, in order."""
    found = []
    money = list(MONEY.finditer(sentence))
    for match in money:
        value = float(match.group(3).replace(",", "")) * _SCALE.get((match.group(4) or "").lower(), 1)
        found.append(Figure("money", value, match.start(), match.end(), match.group(0),
                            (match.group(1) or "").lower(), _CURRENCY[match.group(2)]))
    found = _ranges(sentence, found)
    for match in SHARE.finditer(sentence):
        found.append(Figure("share", round(float(match.group(2)) / 100, 6), match.start(), match.end(),
                            match.group(0), (match.group(1) or "").lower()))
    for match in COUNT.finditer(sentence):
        number = int(match.group(2).replace(",", ""))
        if 1900 <= number <= 2100 and "," not in match.group(2):
            continue  # a year
        found.append(Figure("count", number, match.start(), match.end(), match.group(0),
                            (match.group(1) or "").lower(), noun=match.group(3)))
    for match in STRONG.finditer(sentence):
        found.append(Figure("count", int(match.group(1).replace(",", "")), match.start(1), match.end(),
                            sentence[match.start(1):match.end()], noun=match.group(2)))
    for match in WORD_COUNT.finditer(sentence):
        found.append(Figure("count", _WORD_NUMBERS[match.group(1)], match.start(1), match.end(),
                            sentence[match.start(1):match.end()], noun=match.group(2)))
    for match in CONTINUED.finditer(sentence):
        counted = [f for f in found if f.kind == "count" and f.end <= match.start()]
        digits = match.group(2)
        if counted and not any(f.start <= match.start(2) < f.end for f in found) and (
                "," in digits or not 1900 <= int(digits) <= 2100):
            start = match.start(1) if match.group(1) else match.start(2)
            found.append(Figure("count", int(digits.replace(",", "")), start, match.end(), sentence[start:match.end()],
                                (match.group(1) or "").lower(), noun=counted[-1].noun))
    return sorted(found, key=lambda f: f.start)


def _ranges(sentence: str, found: list[Figure]) -> list[Figure]:
    """'between £2bn and £3bn', '£50m-£80m', '£2m to £3m': one figure, its lower bound, the range its approx."""
    merged: list[Figure] = []
    for figure in found:
        last = merged[-1] if merged else None
        gap = sentence[last.end:figure.start] if last is not None else ""
        opening = sentence[:last.start].endswith("between ") if last is not None else False
        if last is not None and (re.fullmatch(r"\s?[-–]\s?|\s+to\s+", gap) or (opening and gap == " and ")):
            start = last.start - len("between ") if opening else last.start
            words = sentence[start:figure.end]
            merged[-1] = Figure("money", min(last.value, figure.value), start, figure.end, words, words,
                                last.currency)
        else:
            merged.append(figure)
    return merged


def number_value(value: float) -> int | float:
    """A whole number as an int, else the float."""
    return int(value) if value == int(value) else value


# words that end a noun phrase of what a figure measures: prepositions, verbs, determiners, time words
_ENDS = frozenset(("from", "for", "to", "by", "in", "into", "over", "across", "at", "since", "during", "this", "last",
                   "and", "or", "with", "was", "is", "were", "are", "has", "have", "had", "will", "would", "a", "an",
                   "the", "its", "their", "his", "her", "our", "on", "per", "each", "year", "years", "between",
                   "which", "that", "than", "been", "be", "it", "they", "them", "of", "as", "so", "up", "down",
                   "more", "less", "about", "around", "almost", "nearly", "some", "such", "while", "when", "if", "whom",
                   "these", "those", "all", "both", "us", "we", "you"))
_LINKS = re.compile(r"\s+(?:(?:was|is|were|are|has been|had been|have been)\s+)?(?:of|reached|totalled|totaled|"
                    r"averaged|stood at|stands at|rose to|grew to|fell to|hit|topped|exceeded|increased to|"
                    r"jumped to|climbed to|amounted to|valued at|worth)\s+$")


def measure_of(clause: str, figure: Figure, start: int) -> str:
    """The short noun phrase saying what `figure` (at `start` in `clause`) measures, or '' if the words give none:
    '£454m in venture capital', '12% of firms', 'revenue reached £5m', 'a £2bn turnover'."""
    after = clause[start + len(figure.words):].split()
    if after and after[0] in ("in", "of"):
        phrase = _phrase(after[1:])
        if phrase:
            return phrase
    return _linked(clause[:start]) or _phrase(after)


_HEAD_OF = re.compile(r"(?:^|\s)([A-Za-z][a-z-]*) (?:in|of) (?:the |its |their )?(?:[\w-]+['’]s )?$")


def _linked(before: str) -> str:
    """The noun phrase before a linking verb ending `before`: 'revenue' of 'the firm's revenue reached'."""
    link = _LINKS.search(before)
    if link is None:
        return ""
    words: list[str] = []
    for word in reversed(before[:link.start()].split()):
        if word.casefold() in _ENDS or not re.fullmatch(r"[A-Za-z][\w-]*", word) or len(words) == 4:
            break
        words.insert(0, word)
    if not words:
        return ""
    head = _HEAD_OF.search(before[:link.start() - len(" ".join(words))])
    if head and head.group(1).casefold() not in _ENDS:  # "growth in the region's tech sector averaged 7.6%"
        return before[head.start(1):link.start()].strip()
    if not any(w.islower() for w in words):
        return ""
    valued = re.search(r"valued at|worth", link.group(0))  # "the sector was valued at £9bn": its value
    return " ".join(words) + (" value" if valued else "")


def _phrase(words: list[str]) -> str:
    """The noun phrase `words` open with: up to four plain words, none a preposition, verb or determiner."""
    found: list[str] = []
    for word in words:
        bare = word.rstrip(",.;:")
        if bare.casefold() in _ENDS or not re.fullmatch(r"[a-z][a-z-]*", bare) or len(found) == 4:
            break
        found.append(bare)
        if bare != word:
            break
    return " ".join(found)
