"""Entities that may be one entity written twice: blocked candidate pairs, scored in words a person can check.

The one duplicate finder: `validate` warns about the pairs whose names are alike, `duplicates`
lists every candidate ranked by its score. Candidates come from `blocking`, never from comparing
every pair.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import Problem
from ..model.model import Model
from .blocking import Common, Named, candidate_pairs, content_words, every_pair, initials, name_key

SIMILARITY = 90  # rapidfuzz's ratio (Indel similarity, 0-100) at or above which `validate` warns
CANDIDATE = 0.8  # the name similarity (0-1) from which `duplicates` lists a pair: one letter in five
UNLIKE = 60  # words that differ this much (rapidfuzz's ratio under it) are other words, unless one letter apart
NOTHING_COMMON = Common()


NAME_WEIGHT = 0.6  # the score of names the same once normalised
TYPE_WEIGHTS = {"same": 0.1, "related": 0.0, "different": -0.2}  # same or one a kind of the other; one family
NEIGHBOURS_WEIGHT = 0.2  # at most, from entities both are linked to
APART = -0.1  # when both are linked to other entities but to none in common
SOURCES_WEIGHT = 0.1  # at most, from sources both come from
HUB = 100  # a neighbour or source this many entities have tells nothing about two of them


@dataclass(frozen=True)
class Shared:
    """A neighbour or source both entities have, how many entities have it, and its part of the score."""

    name: str
    held: int
    weight: float


@dataclass(frozen=True)
class Candidate:
    """Two entities that may be one, with the evidence for it and a score from 0 to 1."""

    first: str
    second: str
    first_name: str  # the names of each that matched best
    second_name: str
    name: float  # name similarity, 0-1, after normalising
    how: str  # how the names match, in words
    types: tuple[str, str, str]  # same, related or different; the two types
    neighbours: tuple[Shared, ...] = ()
    sources: tuple[Shared, ...] = ()
    apart: bool = False  # both are linked to other entities, and to none in common

    def parts(self) -> tuple[float, float, float, float]:
        """The score's parts, each rounded as shown: names, types, shared neighbours, shared sources."""
        return (round(NAME_WEIGHT * self.name, 2), TYPE_WEIGHTS[self.types[0]],
                APART if self.apart else round(min(NEIGHBOURS_WEIGHT, sum(s.weight for s in self.neighbours)), 2),
                round(min(SOURCES_WEIGHT, sum(shared.weight for shared in self.sources)), 2))

    @property
    def score(self) -> float:
        """The parts added up, from 0 to 1: names weigh most, then neighbours, type and sources."""
        return round(max(0.0, sum(self.parts())), 2)

    def reasons(self) -> str:
        """The score's parts in words, each with what it adds."""
        names, types, neighbours, sources = self.parts()
        kind, one, other = self.types
        typed = {"same": f"same type ({one if one == other else f'{one}, {other}'})",
                 "related": f"related types ({one}, {other})",
                 "different": f"different kinds of thing ({one}, {other})"}[kind]
        return "; ".join((f"{names:+.2f} names {self.how}", f"{types:+.2f} {typed}",
                          f"{neighbours:+.2f} linked to others but to none in common" if self.apart else
                          _shared("neighbour", neighbours, self.neighbours, "links"),
                          _shared("source", sources, self.sources, "entities")))


def _shared(what: str, part: float, shared: tuple[Shared, ...], held: str) -> str:
    """Shared neighbours or sources in words: each with how many entities have it, the rarest first."""
    if not shared:
        return f"no shared {what}"
    listed = ", ".join(f"{item.name} ({item.held:,} {held})" for item in shared[:3])
    more = f" and {len(shared) - 3} more" if len(shared) > 3 else ""
    return f"{part:+.2f} shared {what}{'s' if len(shared) > 1 else ''}: {listed}{more}"


def _names(model: Model) -> list[Named]:
    names = []
    for entity in model.entities.values():
        for name in dict.fromkeys((entity.name, *entity.aliases)):
            normal = name_key(name)
            if normal:
                names.append((normal, entity.key, name))
    return sorted(names)


def _similarity(a: str, b: str, written: tuple[str, str] = ("", ""), common: Common = NOTHING_COMMON,
                kinds: tuple[str, str] = ("", "")) -> tuple[float, str]:
    """How alike two normalised names are (0-1) and how, in words (`written`: the names as written;
    `common`: initials and words that many names have, which count for less; `kinds`: what kind of
    thing each is of, within which initials are counted)."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    if a == b:
        return 1.0, "the same once case, punctuation and suffixes are set aside"
    if content_words(a) == content_words(b):
        return 0.95, "the same words in another order"
    (short, _, kind), (long, long_written, _) = sorted(zip((a, b), written, kinds, strict=True),
                                                       key=lambda name: len(name[0]))
    if " " not in short and short in initials(long, long_written):
        if (short, kind) in common.initials:
            return 0.8, "one the initials of the other, initials many names of its kind have"
        if (short, kind) in common.unique:
            return 0.95, "one the initials of the other, and of no other name of its kind"
        return 0.9, "one the initials of the other"
    both = set(a.split()) & set(b.split())
    rest = [" ".join(word for word in name.split() if word not in both) for name in (a, b)]
    if both and all(rest) and fuzz.ratio(*rest) < UNLIKE and OSA.distance(*rest) > 1:
        # 'West Midlands Growth Company', '... Combined Authority'; but 'of' and 'ef' is a typo
        ratio = fuzz.ratio(*rest)
        return ratio / 100, f"{ratio:.0f}% alike besides '{' '.join(sorted(both))}'"
    shared = both & common.words
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
    families = {key: _family(model, entity.type) for key, entity in model.entities.items()}
    kinds = [families[entity] for _, entity, _ in names]
    pairs, common = candidate_pairs(names, kinds)
    if exhaustive:
        pairs = every_pair(names, kinds)
    best: Pairs = {}
    for one, other in sorted(pairs):
        if names[one][1] != names[other][1]:
            _consider(best, names[one], names[other], *_similarity(
                names[one][0], names[other][0], (names[one][2], names[other][2]), common, (kinds[one], kinds[other])))
    return best


def _neighbours(model: Model) -> dict[str, set[str]]:
    linked: dict[str, set[str]] = defaultdict(set)
    for fact in model.facts:
        if fact.object_is_entity and fact.object:
            linked[fact.subject].add(fact.object)
            linked[fact.object].add(fact.subject)
    return linked


def _specificity(held: int) -> float:
    """How much sharing a thing `held` entities have says: 1 when only the two have it, falling with the
    log of how many do, to 0 from `HUB` (a town thousands are based in says nothing)."""
    return max(0.0, 1 - math.log(max(held, 2) / 2) / math.log(HUB / 2))


def _family(model: Model, type_key: str) -> str:
    """The kind of thing a type is of: the type its line of parents starts from (organisation, person, place)."""
    entity_type = model.vocabulary.entity_types.get(type_key)
    return entity_type.ancestors[-1] if entity_type and entity_type.ancestors else type_key


def _types(model: Model, one: str, other: str) -> tuple[str, str, str]:
    """Same (or one a kind of the other), related (one family: organisations) or different kinds of thing."""
    vocabulary = model.vocabulary
    if vocabulary.is_a(one, (other,)) or vocabulary.is_a(other, (one,)):
        return "same", one, other
    return ("related" if _family(model, one) == _family(model, other) else "different"), one, other


@dataclass
class _Context:
    """What the evidence beyond names is read from: each entity's neighbours and how many cite each source."""

    linked: dict[str, set[str]]
    cited: Counter[str]

    def shared(self, model: Model, first: str, second: str) -> tuple[tuple[Shared, ...], tuple[Shared, ...], bool]:
        """The neighbours and the sources both entities have, the most telling first, and whether both
        are linked to others but to none in common."""
        pair = {first, second}
        common = (self.linked[first] & self.linked[second]) - pair
        neighbours = [Shared(model.entities[key].name, len(self.linked[key]),
                             NEIGHBOURS_WEIGHT * _specificity(len(self.linked[key])))
                      for key in common]
        sources = [Shared(key, self.cited[key], SOURCES_WEIGHT * _specificity(self.cited[key]))
                   for key in set(model.entities[first].sources) & set(model.entities[second].sources)]
        apart = not common and bool(self.linked[first] - pair) and bool(self.linked[second] - pair)
        return (tuple(sorted(neighbours, key=lambda s: (-s.weight, s.name))),
                tuple(sorted(sources, key=lambda s: (-s.weight, s.name))), apart)


def candidates(model: Model, judged: Iterable[tuple[str, str]] = ()) -> list[Candidate]:
    """Every candidate pair of entities, best first, leaving out the pairs in `judged`."""
    skip = {tuple(sorted(pair)) for pair in judged}
    context = _Context(_neighbours(model), Counter(source for entity in model.entities.values()
                                                   for source in set(entity.sources)))
    found = []
    for (first, second), (similarity, first_name, second_name, how) in name_matches(model).items():
        if (first, second) in skip:
            continue
        types = _types(model, model.entities[first].type, model.entities[second].type)
        found.append(Candidate(first, second, first_name, second_name, similarity, how, types,
                               *context.shared(model, first, second)))
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
