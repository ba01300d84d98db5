"""Entities that may be one entity written twice: blocked candidate pairs, scored in words a person can check.

The one duplicate finder: `validate` warns about the pairs whose names are alike, `duplicates`
lists every candidate ranked by its score. Candidates come from blocks, never from comparing every
pair: two names share a block when they are the same once case, punctuation and legal suffixes are
set aside, when they hold the same words in another order, when one is the other's initials, or
when they share one of their rarest three-letter pieces (enough of them that names alike enough to
warn about always share one).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import Problem
from ..model.model import Model

# Words that do not tell two organisations apart.
SUFFIXES = frozenset({"group", "ltd", "limited", "plc", "llp", "llc", "inc", "incorporated", "corp",
                      "corporation", "co", "company", "holdings", "uk", "the"})
ABBREVIATIONS = {"univ": "university", "uni": "university", "&": "and", "intl": "international",
                 "dept": "department", "govt": "government", "centre": "center", "st": "saint"}
SIMILARITY = 90  # rapidfuzz's ratio (Indel similarity, 0-100) at or above which `validate` warns
CANDIDATE = 0.8  # the name similarity (0-1) from which `duplicates` lists a pair: one letter in five
COMMON_INITIALS = 3  # initials of this many different names (once normalised) tell little about which is meant
COMMON_WORD = (20, 500)  # a word held by 20 names and one name in 500 ('Analytics') tells names apart little
LINKING = frozenset({"of", "and", "for", "the", "in", "at"})  # words initials may leave out
MAX_BLOCK = 300  # a block this big holds no information (a piece every name has): it is skipped
_TOKEN = re.compile(r"[a-z0-9]+|&")


def name_key(name: str) -> str:
    """Normalise a name for comparison: case, punctuation, abbreviations and corporate suffixes."""
    tokens = [ABBREVIATIONS.get(token, token) for token in _TOKEN.findall(name.casefold())]
    kept = [token for token in tokens if token not in SUFFIXES]
    return " ".join(kept or tokens)


def _initials(key: str, name: str = "") -> set[str]:
    """The initials of a normalised name, and of its words as written (`name`: 'Aubay Group' is AG)."""
    if name:
        return _initials(key) | _initials(" ".join(_TOKEN.findall(name.casefold())))
    words = key.split()
    if len(words) < 2:
        return set()
    return {"".join(word[0] for word in words), "".join(word[0] for word in words if word not in LINKING)}


def _grams(key: str) -> set[str]:
    padded = f" {key} "
    return {padded[at:at + 3] for at in range(len(padded) - 2)}


@dataclass(frozen=True)
class Candidate:
    """Two entities that may be one, with the evidence for it and a score from 0 to 1."""

    first: str
    second: str
    first_name: str  # the names of each that matched best
    second_name: str
    name: float  # name similarity, 0-1, after normalising
    how: str  # how the names match, in words
    same_type: bool
    shared_neighbours: int
    shared_sources: int

    @property
    def score(self) -> float:
        """Name similarity weighs most; a shared type, neighbours and sources add to it."""
        return round(0.7 * self.name + 0.1 * self.same_type + 0.1 * min(self.shared_neighbours, 2) / 2
                     + 0.1 * min(self.shared_sources, 1), 2)

    def reasons(self) -> str:
        """The score's parts in words."""
        neighbours = "neighbour" if self.shared_neighbours == 1 else "neighbours"
        sources = "source" if self.shared_sources == 1 else "sources"
        return (f"names {self.how}; {'same type' if self.same_type else 'different types'}; "
                f"{self.shared_neighbours} shared {neighbours}; {self.shared_sources} shared {sources}")


Named = tuple[str, str, str]  # normalised name, entity id, name as written


def _names(model: Model) -> list[Named]:
    names = []
    for entity in model.entities.values():
        for name in dict.fromkeys((entity.name, *entity.aliases)):
            normal = name_key(name)
            if normal:
                names.append((normal, entity.key, name))
    return sorted(names)


@dataclass(frozen=True)
class Common:
    """What many names share, which says little about whether two names are one: initials, words."""

    initials: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()


Blocks = tuple[list[list[int]], list[list[int]], Common]


def _blocks(names: list[Named]) -> Blocks:
    """Groups of indexes into `names` that may hold duplicates (by key, words and initials; by rare
    pieces), and the initials so common they are weak evidence."""
    counts: Counter[str] = Counter()
    held = Counter(word for key, _, _ in names for word in set(key.split()))
    grams = [_grams(key) for key, _, _ in names]
    for found in grams:
        counts.update(found)
    keyed: dict[str, list[int]] = defaultdict(list)
    pieces: dict[str, list[int]] = defaultdict(list)
    initialled: dict[str, list[int]] = defaultdict(list)  # names of several words, by their initials
    single: dict[str, list[int]] = defaultdict(list)  # one-word names, which may be initials
    for index, (key, _, written) in enumerate(names):
        keyed["=" + key].append(index)
        keyed["~" + " ".join(sorted(set(key.split()) - LINKING))].append(index)
        several = len(_TOKEN.findall(written.casefold())) > 1
        for initials in _initials(key, written) if several else {key}:
            (initialled if several else single)[initials].append(index)
        # names `SIMILARITY`% alike differ in at most a tenth of their length, and each character
        # changed changes at most three pieces: of the rarest that many pieces plus two, they share one
        rare = sorted(grams[index], key=lambda gram: (counts[gram], gram))
        for gram in rare[:2 + 3 * math.ceil(len(key) / 10)]:
            pieces[gram].append(index)
    for initials, words in single.items():  # a one-word name beside the names it may be the initials of
        for index in words:
            keyed[f"^{index}"] = [index, *initialled.get(initials, [])]
    # a one-word name's block is compared with that name only (the others share initials, not a name):
    # its index is written as -1 - index to say so
    return ([[-1 - block[0], *block[1:MAX_BLOCK]] if key.startswith("^") else block[:MAX_BLOCK]
             for key, block in keyed.items() if len(block) > 1],
            [block for block in pieces.values() if 1 < len(block) <= MAX_BLOCK],
            Common(frozenset(initials for initials, several in initialled.items()
                             if len({names[index][0] for index in several}) >= COMMON_INITIALS),
                   frozenset(word for word, count in held.items()
                             if count >= max(COMMON_WORD[0], len(names) / COMMON_WORD[1]))))


def _similarity(a: str, b: str, written: tuple[str, str] = ("", ""),
                common: Common = Common()) -> tuple[float, str]:
    """How alike two normalised names are (0-1) and how, in words (`written`: the names as written;
    `common`: initials and words that many names have, which count for less)."""
    from rapidfuzz import fuzz

    if a == b:
        return 1.0, "the same once case, punctuation and suffixes are set aside"
    if sorted(set(a.split()) - LINKING) == sorted(set(b.split()) - LINKING):
        return 0.95, "the same words in another order"
    (short, _), (long, long_written) = sorted(zip((a, b), written, strict=True), key=lambda pair: len(pair[0]))
    if " " not in short and short in _initials(long, long_written):
        if short in common.initials:
            return 0.8, "one the initials of the other, initials many names have"
        return 0.9, "one the initials of the other"
    shared = set(a.split()) & set(b.split()) & common.words
    if shared:  # only the rest of the names tells them apart: 'Xowcu Analytics', 'Rexepowu Analytics'
        rest = [" ".join(word for word in name.split() if word not in shared) for name in (a, b)]
        ratio = fuzz.ratio(*rest)
        return ratio / 100, f"{ratio:.0f}% alike besides '{' '.join(sorted(shared))}', which many names have"
    ratio = fuzz.ratio(a, b)
    return ratio / 100, f"{ratio:.0f}% alike"


Pairs = dict[tuple[str, str], tuple[float, str, str, str]]


def _consider(best: Pairs, one: Named, other: Named, similarity: float, how: str) -> None:
    """Keep the pair of `one` and `other` if alike enough, with its best name match."""
    if one[1] == other[1] or similarity < CANDIDATE:
        return
    first, second = sorted((one, other), key=lambda item: (item[1], item[2]))
    pair = (first[1], second[1])
    if pair not in best or (similarity, best[pair][1]) > (best[pair][0], first[2]):
        best[pair] = (similarity, first[2], second[2], how)


def _pairs(model: Model) -> Pairs:
    """Each candidate pair of entity ids (sorted) with its best name match: similarity, names, how."""
    from rapidfuzz import fuzz, process

    names = _names(model)
    keyed, pieces, common = _blocks(names)
    best: Pairs = {}
    for block in keyed:
        firsts = block
        if block[0] < 0:  # a one-word name beside the names it may be the initials of
            block = [-1 - block[0], *block[1:]]
            firsts = block[:1]
        for at, one in enumerate(firsts):
            for other in block[at + 1:]:
                _consider(best, names[one], names[other], *_similarity(
                    names[one][0], names[other][0], (names[one][2], names[other][2]), common))
    sharing: dict[int, set[int]] = defaultdict(set)
    for block in pieces:
        for index in block:
            sharing[index].update(block)
    for index, others in sharing.items():
        later = sorted(other for other in others if other > index)
        for _, _score, at in process.extract(names[index][0], [names[other][0] for other in later],
                                            scorer=fuzz.ratio, score_cutoff=CANDIDATE * 100, limit=None):
            other = later[at]
            _consider(best, names[index], names[other], *_similarity(
                names[index][0], names[other][0], (names[index][2], names[other][2]), common))
    return best


def _neighbours(model: Model) -> dict[str, set[str]]:
    linked: dict[str, set[str]] = defaultdict(set)
    for fact in model.facts:
        if fact.object_is_entity and fact.object:
            linked[fact.subject].add(fact.object)
            linked[fact.object].add(fact.subject)
    return linked


def candidates(model: Model, judged: Iterable[tuple[str, str]] = ()) -> list[Candidate]:
    """Every candidate pair of entities, best first, leaving out the pairs in `judged`."""
    skip = {tuple(sorted(pair)) for pair in judged}
    linked = _neighbours(model)
    found = []
    for (first, second), (similarity, first_name, second_name, how) in _pairs(model).items():
        if (first, second) in skip:
            continue
        one, other = model.entities[first], model.entities[second]
        same_type = model.vocabulary.is_a(one.type, (other.type,)) or model.vocabulary.is_a(other.type, (one.type,))
        found.append(Candidate(first, second, first_name, second_name, similarity, how, same_type,
                               len((linked[first] & linked[second]) - {first, second}),
                               len(set(one.sources) & set(other.sources))))
    return sorted(found, key=lambda c: (-c.score, c.first, c.second))


def near_duplicates(model: Model, different: Iterable[tuple[str, str]] = ()) -> list[Problem]:
    """A warning for each pair of entities with alike names, but for the pairs judged different."""
    warnings = []
    for candidate in candidates(model, different):
        if candidate.name < SIMILARITY / 100 or candidate.how.startswith(("the same words", "one the")):
            continue
        here, there = model.entities[candidate.first], model.entities[candidate.second]
        warnings.append(Problem(
            here.location.file, here.location.line, here.location.column,
            f"'{candidate.first_name}' ({candidate.first}) and '{candidate.second_name}' ({candidate.second}, "
            f"at {there.location}) may be the same entity: {candidate.how}",
            "merge them and keep the other name as an alias, or record 'wmgraph duplicates --decide "
            f"{candidate.first} {candidate.second} different' if they differ"))
    return sorted(warnings)
