"""Entities named by a common noun: 'the testbed', 'an awards ceremony', 'the region', 'the project'."""

from __future__ import annotations

import re
from collections import Counter

from .gazetteer import Mention, head_word

# a noun: the head word of the name it stands for, or the entity types it may stand for
_NOUNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "test bed": ("Testbed", ()), "testbed": ("Testbed", ()), "awards ceremony": ("Awards", ()),
    "awards": ("Awards", ()), "department": ("Department", ()), "university": ("University", ()),
    "college": ("College", ()),
    "week": ("Week", ()), "festival": ("Festival", ()), "summit": ("Summit", ()), "conference": ("Conference", ()),
    "facility": ("", ("initiative",)), "project": ("", ("initiative",)),
    "region": ("", ("region",)), "city": ("", ("city",)), "sector": ("", ("region", "city")),
    **dict.fromkeys(("company", "firm", "start-up", "startup", "business"), ("", ("company",))),
    **dict.fromkeys(("report", "study", "survey", "review"), ("", ("report",))),
    **dict.fromkeys(("network", "collective", "association", "charity"), ("", ("organisation",))),
}
# a body named before it, the one named most, else first: "the company" is the story's own
# "the sector": the place whose sector the article has named; "a report" is a new one, "the report" one named before
_BEFORE = (("company",), ("region", "city"), ("report",), ("organisation",))
_REFERENCE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts)(?: new| initial| same)?(?: [\w-]+?)?? "
                        rf"({'|'.join(sorted(_NOUNS, key=len, reverse=True))})\b(?!-)")


def references(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions by common nouns that stand for an entity the article names, outside every name."""
    found = []
    counts = Counter(m.key for m in mentions)
    for match in _REFERENCE.finditer(text):
        start, end = match.start(1), match.end(1)
        if any(m.start < end and start < m.end for m in mentions) or any(m.start == end + 1 for m in mentions):
            continue  # inside a name, or describing the name after it: "the accountancy firm Harwood Price"
        head, kinds = _NOUNS[match.group(1)]
        if kinds in _BEFORE and match.group(0)[:1] in "aA":
            continue  # "a start-up", "a firm": a body not named, not the one named before
        named = [m for m in mentions if (head and head_word(m.words) == head) or m.type in kinds]
        if head and not named:
            continue
        if kinds in _BEFORE:
            named = sorted((m for m in named if m.end <= start), key=lambda m: (-counts[m.key], m.start))
        elif kinds and not head:
            named = sorted(named, key=lambda m: (-counts[m.key], m.start)) if kinds[0] != "initiative" else \
                [m for m in named if m.words[:1].isupper()]
        if named:
            target = named[0]
            found.append(Mention(start, end, match.group(1), target.key, target.type, target.known, "reference", 0.5,
                                 note=f"'{match.group(0)}' read as {target.key}"))
    return found
