"""Group triples by subject and predicate: the shape every writer works from."""

from __future__ import annotations

from collections.abc import Iterable

from ..terms import Term, Triple

Predicates = dict[str, set[Term]]


def by_subject(triples: Iterable[Triple]) -> dict[str, Predicates]:
    """Map each subject to its predicates and their (de-duplicated) objects."""
    grouped: dict[str, Predicates] = {}
    for s, p, o in triples:
        predicates = grouped.get(s)
        if predicates is None:
            predicates = grouped[s] = {}
        objects = predicates.get(p)
        if objects is None:
            predicates[p] = {o}
        else:
            objects.add(o)
    return grouped
