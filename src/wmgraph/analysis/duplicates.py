"""Warn about entities whose names look alike: probably one entity written twice."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from ..errors import Problem
from ..model.model import Model

# Words that do not tell two organisations apart.
SUFFIXES = frozenset({"group", "ltd", "limited", "plc", "llp", "llc", "inc", "incorporated", "corp",
                      "corporation", "co", "company", "holdings", "uk", "the"})
ABBREVIATIONS = {"univ": "university", "uni": "university", "&": "and", "intl": "international",
                 "dept": "department", "govt": "government", "centre": "center", "st": "saint"}
SIMILARITY = 90  # rapidfuzz's ratio (Indel similarity, 0-100) at or above which two names count as alike
_TOKEN = re.compile(r"[a-z0-9]+|&")


def name_key(name: str) -> str:
    """Normalise a name for comparison: case, punctuation, abbreviations and corporate suffixes."""
    tokens = [ABBREVIATIONS.get(token, token) for token in _TOKEN.findall(name.casefold())]
    kept = [token for token in tokens if token not in SUFFIXES]
    return " ".join(kept or tokens)


Named = tuple[str, str, str]  # normalised name, entity id, name as written


def _names(model: Model) -> list[Named]:
    names = []
    for entity in model.entities.values():
        for name in dict.fromkeys((entity.name, *entity.aliases)):
            normal = name_key(name)
            if normal:
                names.append((normal, entity.key, name))
    return sorted(names, key=lambda item: (len(item[0]), item))


def _alike(names: list[Named]) -> dict[tuple[str, str], tuple[str, str, str]]:
    """Every pair of names whose similarity reaches SIMILARITY, compared all against all in C."""
    from rapidfuzz import fuzz, process

    pairs: dict[tuple[str, str], tuple[str, str, str]] = {}

    def consider(a: Named, b: Named, how: str) -> None:
        if a[1] != b[1]:
            first, second = sorted((a, b), key=lambda item: (item[1], item[2]))
            pairs.setdefault((first[1], second[1]), (first[2], second[2], how))

    by_key: dict[str, list[Named]] = defaultdict(list)
    for item in names:
        by_key[item[0]].append(item)
    for group in by_key.values():
        for other in group[1:]:
            consider(group[0], other, "the same once case, punctuation and suffixes are set aside")
    keys = [item[0] for item in names]
    lengths = [len(key) for key in keys]
    for index, key in enumerate(keys):
        # names sorted by length: a ratio of 90 needs the longer at most 11/9 the length of the shorter
        end = bisect_right(lengths, len(key) * 11 // 9)
        found = process.extract(key, keys[index + 1:end], scorer=fuzz.ratio, score_cutoff=SIMILARITY, limit=None)
        for match, score, offset in found:
            if match != key:
                consider(names[index], names[index + 1 + offset], f"{score / 100:.0%} alike")
    return pairs


def near_duplicates(model: Model) -> list[Problem]:
    """Return a warning for each pair of entities with alike names (all pairs compared, in rapidfuzz)."""
    warnings = []
    for (first, second), (first_name, second_name, how) in sorted(_alike(_names(model)).items()):
        here, there = model.entities[first], model.entities[second]
        warnings.append(Problem(
            here.location.file, here.location.line, here.location.column,
            f"'{first_name}' ({first}) and '{second_name}' ({second}, at {there.location}) may be the same "
            f"entity: {how}",
            "merge them and keep the other name as an alias, or ignore this if they differ"))
    return sorted(warnings)
