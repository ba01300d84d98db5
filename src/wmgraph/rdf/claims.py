"""Statuses in RDF: which facts give a plain triple, and the status concepts a statement names.

Wikidata writes every statement as a node with a rank, and a "truthy" triple only for the best
statements. Here every fact has a status (the vocabulary's `statuses:`): a fact whose status is
truthy (stated, done) gives its plain triple; any other (planned, pledged, possible, withdrawn...)
lives on its statement node alone, a reified rdf:Statement, which asserts nothing. The statement
node names the status with `wm:status` (left out for the vocabulary's default status, stated) and
its date with `wm:statusDate`. What each status means is the vocabulary's to say, not this module's.
"""

from __future__ import annotations

from ..model.model import Fact
from ..model.statuses import Status
from ..model.vocabulary import Vocabulary


def asserted(vocabulary: Vocabulary, fact: Fact) -> bool:
    """Tell whether `fact` gives its plain triple: its status is truthy."""
    return vocabulary.truthy(fact.status)


def shown_status(vocabulary: Vocabulary, fact: Fact) -> str:
    """The status the statement node names ('' for the vocabulary's default status, which it leaves out)."""
    status = vocabulary.statuses.get(fact.status)
    return "" if status is None or status.default else status.key


def status_iri(vocabulary: Vocabulary, key: str) -> str:
    """The IRI of status `key`, a skos:Concept in the project namespace (wm:status-planned)."""
    return vocabulary.project_namespace + "status-" + key


def status_terms(vocabulary: Vocabulary) -> list[Status]:
    """Each declared status, by key."""
    return [vocabulary.statuses[key] for key in sorted(vocabulary.statuses)]
