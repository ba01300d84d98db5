"""The clause a figure stands in, whose modal words (`model/modal_words.py`) give a proposal its status."""

from __future__ import annotations

import re

_CLAUSE_END = re.compile(r"[;:]|, (?:but|while|whereas|and|with) |\. |"
                         r" and (?=(?:plans|expects|aims|hopes|intends|wants|will|is set|is due|could|may)\b)")


# an apposition or a participle between commas (", founded in 2018,", ", carried out by X,"); a number's
# thousands comma ("2,400") is no end of it
ASIDE = re.compile(r", (?:a|an|the|which|who|whose|once|formerly|founded|based|carried out|led|backed|owned|run|"
                   r"set up|launched|created|headquartered|part of|known|now|previously|compiled|commissioned|"
                   r"produced|prepared|published|funded|sponsored)\b"
                   r"(?:[^,;:]|(?<=\d),(?=\d))*,(?=\s)")
# a relative clause or an aside of its own time (", currently estimated at 118,000 people,"): its own clause
_RELATIVE = re.compile(r", (?:which|who|currently|already|now|still|at present) (?:[^,;:]|(?<=\d),(?=\d))*,(?=\s)")


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` holding the words from `start` to `end` (', which employs 240 people,' is one)."""
    inner = next((m for m in _RELATIVE.finditer(sentence) if m.start() < start and end < m.end()), None)
    if inner is not None:
        return sentence[inner.start() + 2:inner.end() - 1]
    before = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)]
    after = _CLAUSE_END.search(sentence, end)
    return sentence[before[-1] if before else 0: after.start() if after else len(sentence)]
