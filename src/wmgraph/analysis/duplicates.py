"""Entities that may be one entity written twice: blocked candidate pairs, scored in words a person can check.

The one duplicate finder: `validate` warns about the pairs whose names are alike, `duplicates`
lists every candidate ranked by its score. Candidates come from `blocking`, never from comparing
every pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import Problem
from ..model.model import Model
from .blocking import Common, Named, candidate_pairs, content_words, every_pair, initials, name_key

SIMILARITY = 90  # rapidfuzz's ratio (Indel similarity, 0-100) at or above which `validate` warns
CANDIDATE = 0.8  # the name similarity (0-1) from which `duplicates` lists a pair: one letter in five
NOTHING_COMMON = Common()


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


def _names(model: Model) -> list[Named]:
    names = []
    for entity in model.entities.values():
        for name in dict.fromkeys((entity.name, *entity.aliases)):
            normal = name_key(name)
            if normal:
                names.append((normal, entity.key, name))
    return sorted(names)


def _similarity(a: str, b: str, written: tuple[str, str] = ("", ""),
                common: Common = NOTHING_COMMON) -> tuple[float, str]:
    """How alike two normalised names are (0-1) and how, in words (`written`: the names as written;
    `common`: initials and words that many names have, which count for less)."""
    from rapidfuzz import fuzz

    if a == b:
        return 1.0, "the same once case, punctuation and suffixes are set aside"
    if content_words(a) == content_words(b):
        return 0.95, "the same words in another order"
    (short, _), (long, long_written) = sorted(zip((a, b), written, strict=True), key=lambda pair: len(pair[0]))
    if " " not in short and short in initials(long, long_written):
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


def name_matches(model: Model, exhaustive: bool = False) -> Pairs:
    """Each candidate pair of entity ids (sorted) with its best name match: similarity, names, how
    (`exhaustive`: every name compared with every other, to measure what blocking loses)."""
    names = _names(model)
    pairs, common = candidate_pairs(names)
    if exhaustive:
        pairs = every_pair(names)
    best: Pairs = {}
    for one, other in sorted(pairs):
        if names[one][1] != names[other][1]:
            _consider(best, names[one], names[other], *_similarity(
                names[one][0], names[other][0], (names[one][2], names[other][2]), common))
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
    for (first, second), (similarity, first_name, second_name, how) in name_matches(model).items():
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
