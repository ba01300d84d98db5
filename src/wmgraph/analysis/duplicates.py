"""Warn about entities whose names look alike: probably one entity written twice."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

from ..errors import Problem
from ..model.model import Model

# Words that do not tell two organisations apart.
SUFFIXES = frozenset({"group", "ltd", "limited", "plc", "llp", "llc", "inc", "incorporated", "corp",
                      "corporation", "co", "company", "holdings", "uk", "the"})
ABBREVIATIONS = {"univ": "university", "uni": "university", "&": "and", "intl": "international",
                 "dept": "department", "govt": "government", "centre": "center", "st": "saint"}
SIMILARITY = 0.9  # difflib ratio at or above which two normalised names count as alike
WINDOW = 4  # neighbours compared in each sorted order
_TOKEN = re.compile(r"[a-z0-9]+|&")


def name_key(name: str) -> str:
    """Normalise a name for comparison: case, punctuation, abbreviations and corporate suffixes."""
    tokens = [ABBREVIATIONS.get(token, token) for token in _TOKEN.findall(name.casefold())]
    kept = [token for token in tokens if token not in SUFFIXES]
    return " ".join(kept or tokens)


def near_duplicates(model: Model) -> list[Problem]:
    """Return a warning for each pair of entities with alike names (blocked, not quadratic)."""
    names: list[tuple[str, str, str]] = []  # key, name as written, normalised
    for entity in model.entities.values():
        for name in dict.fromkeys((entity.name, *entity.aliases)):
            normal = name_key(name)
            if normal:
                names.append((normal, entity.key, name))
    pairs: dict[tuple[str, str], tuple[str, str, str]] = {}

    def consider(a: tuple[str, str, str], b: tuple[str, str, str], how: str) -> None:
        if a[1] == b[1]:
            return
        first, second = sorted((a, b), key=lambda item: (item[1], item[2]))
        pairs.setdefault((first[1], second[1]), (first[2], second[2], how))

    by_key: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for item in names:
        by_key[item[0]].append(item)
    for group in by_key.values():
        for other in group[1:]:
            consider(group[0], other, "the same once case, punctuation and suffixes are set aside")
    # sorted neighbourhoods: by the name and by the name reversed, so a typo at either end is caught
    for order in (sorted(names), sorted(names, key=lambda item: (item[0][::-1], item[1], item[2]))):
        for index, item in enumerate(order):
            for other in order[index + 1:index + 1 + WINDOW]:
                if item[0] == other[0] or item[1] == other[1]:
                    continue
                matcher = difflib.SequenceMatcher(None, item[0], other[0])
                if matcher.quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY:
                    consider(item, other, f"{matcher.ratio():.0%} alike")
    warnings = []
    for (first, second), (first_name, second_name, how) in sorted(pairs.items()):
        here, there = model.entities[first], model.entities[second]
        warnings.append(Problem(
            here.location.file, here.location.line, here.location.column,
            f"'{first_name}' ({first}) and '{second_name}' ({second}, at {there.location}) may be the same "
            f"entity: {how}",
            "merge them and keep the other name as an alias, or ignore this if they differ"))
    return sorted(warnings)
