"""Candidate pairs of names for the duplicate finder: blocks of names that may be one, never every pair.

A name is normalised (`name_key`) and given a few keys; two names are compared when they share a
key. The keys: the normalised name; its words in sorted order (word order set aside); its words
run together ('techUK', 'Tech UK'); its words but one (a word dropped; of a name of two words,
only a word short enough to leave it 80% alike); its initials, beside the one-word names they may
be; and for each word, the other words with that word less any one letter. Two names one letter
apart (a letter changed, added, left out or two swapped, in any word, in any word order) share
that last key, so a typo is never lost to blocking, and a key that only near-identical names
share keeps the blocks small however many names there are.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Words that do not tell two names apart: legal suffixes, and titles before a person's name.
SUFFIXES = frozenset({"group", "ltd", "limited", "plc", "llp", "llc", "inc", "incorporated", "corp",
                      "corporation", "co", "company", "holdings", "uk", "the",
                      "dr", "prof", "professor", "mr", "mrs", "ms", "sir", "dame", "cllr"})
ABBREVIATIONS = {"univ": "university", "uni": "university", "&": "and", "intl": "international",
                 "dept": "department", "govt": "government", "centre": "center", "st": "saint"}
LINKING = frozenset({"of", "and", "for", "the", "in", "at"})  # words initials may leave out
COMMON_INITIALS = 3  # initials of this many different names (once normalised) tell little about which is meant
COMMON_WORD = (20, 500)  # a word held by 20 names and one name in 500 ('Analytics') tells names apart little
MAX_BLOCK = 300  # a block this big holds no information (a word every name has): it is skipped
TYPO_LENGTH = 5  # one letter changed in a name this long or longer leaves it 80% alike
_TOKEN = re.compile(r"[a-z0-9]+|&")

Named = tuple[str, str, str]  # normalised name, entity id, name as written


def name_key(name: str) -> str:
    """Normalise a name for comparison: case, punctuation, abbreviations and corporate suffixes."""
    tokens = [ABBREVIATIONS.get(token, token) for token in _TOKEN.findall(name.casefold())]
    kept = [token for token in tokens if token not in SUFFIXES]
    return " ".join(kept or tokens)


def initials(key: str, name: str = "") -> set[str]:
    """The initials of a normalised name, and of its words as written (`name`: 'Aubay Group' is AG)."""
    if name:
        return initials(key) | initials(" ".join(_TOKEN.findall(name.casefold())))
    words = key.split()
    if len(words) < 2:
        return set()
    return {"".join(word[0] for word in words), "".join(word[0] for word in words if word not in LINKING)}


def content_words(key: str) -> list[str]:
    """The words of a normalised name that tell it apart, sorted: linking words left out."""
    words = set(key.split())
    return sorted(words - LINKING or words)


@dataclass(frozen=True)
class Common:
    """What many names share, which says little about whether two names are one: initials, words."""

    initials: frozenset[tuple[str, str]] = frozenset()  # initials many names of one kind have, with the kind
    words: frozenset[str] = frozenset()
    unique: frozenset[tuple[str, str]] = frozenset()  # initials of one name of that kind only


def _keys(key: str) -> list[str]:
    """The blocking keys of a normalised name (initials aside)."""
    words = content_words(key)
    keys = ["=" + key, "~" + " ".join(words), "_" + "".join(word for word in key.split() if word not in LINKING)]
    if len(words) >= 3:
        keys += ["~" + " ".join(words[:at] + words[at + 1:]) for at in range(len(words))]
    elif len(words) == 2:  # a word dropped from a name of two leaves it 80% alike only if that word is short
        keys += ["~" + kept for kept, dropped in (words, words[::-1]) if 2 * (len(dropped) + 1) <= len(kept)]
    if len(key) - key.count(" ") >= TYPO_LENGTH:
        for at, word in enumerate(words):
            rest = " ".join(words[:at] + words[at + 1:]) + "|"
            keys.append(rest + word)
            keys += [rest + word[:letter] + word[letter + 1:] for letter in range(len(word))]
    return keys


def _initial_pairs(names: list[Named], kinds: Sequence[str]) -> tuple[set[tuple[int, int]], Common]:
    """Pairs of a one-word name and a name of several words it may be the initials of, the initials
    so many different names of one kind (`kinds`, by index) have that they are weak evidence, and
    those of one name of its kind only (names of the same words in any order are one name)."""
    initialled: dict[str, list[int]] = defaultdict(list)
    single: dict[str, list[int]] = defaultdict(list)
    for index, (key, _, written) in enumerate(names):
        if len(_TOKEN.findall(written.casefold())) > 1:
            for found in initials(key, written):
                initialled[found].append(index)
        elif " " not in key:
            single[key].append(index)
    pairs = {(min(one, other), max(one, other)) for found, ones in single.items()
             for one in ones for other in initialled.get(found, [])}
    different: dict[tuple[str, str], set[str]] = defaultdict(set)
    for found, several in initialled.items():
        for index in several:
            different[found, kinds[index]].add(" ".join(content_words(names[index][0])))
    return pairs, Common(frozenset(key for key, keys in different.items() if len(keys) >= COMMON_INITIALS),
                         unique=frozenset(key for key, keys in different.items() if len(keys) == 1))


def candidate_pairs(names: list[Named], kinds: Sequence[str]) -> tuple[set[tuple[int, int]], Common]:
    """Pairs of indexes into `names` (smaller first) that share a block, and what many names share
    (`kinds`: what kind of thing each name is of, by index: initials are counted within a kind)."""
    first: dict[str, int] = {}  # the first name with each key
    blocks: dict[str, list[int]] = {}  # the keys two names or more have
    for index, (key, _, _) in enumerate(names):
        for found in _keys(key):
            if first.setdefault(found, index) != index:
                blocks.setdefault(found, [first[found]]).append(index)
    pairs, common = _initial_pairs(names, kinds)
    for block in blocks.values():
        if len(block) <= MAX_BLOCK:
            pairs.update(_within(block))
    held = Counter(word for key, _, _ in names for word in set(key.split()))
    floor = max(COMMON_WORD[0], len(names) / COMMON_WORD[1])
    return pairs, Common(common.initials, frozenset(word for word, count in held.items() if count >= floor),
                         common.unique)


def _within(block: list[int]) -> Iterable[tuple[int, int]]:
    """Every pair of a block, smaller index first (blocks are built in index order; a name twice in a
    block gives a pair of itself, which is dropped with the pairs of one entity's names)."""
    return ((one, other) for at, one in enumerate(block) for other in block[at + 1:])


def every_pair(names: list[Named], kinds: Sequence[str]) -> set[tuple[int, int]]:
    """The pairs a comparison of every name with every other would score: those whose names are
    75% alike, or 80% once their words are sorted, and initials. Quadratic: for measuring what
    blocking loses on a sample, never for finding duplicates."""
    from rapidfuzz import fuzz, process

    keys = [key for key, _, _ in names]
    pairs = _initial_pairs(names, kinds)[0]
    for index, key in enumerate(keys):
        for scorer, cutoff in ((fuzz.ratio, 75), (fuzz.token_sort_ratio, 80)):
            for _, _, at in process.extract(key, keys[index + 1:], scorer=scorer, score_cutoff=cutoff, limit=None):
                pairs.add((index, index + 1 + at))
    return pairs
