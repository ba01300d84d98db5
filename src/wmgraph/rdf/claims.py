"""Claim status in RDF: which facts give a plain triple, and the status concepts a statement names.

Wikidata writes every statement as a node with a rank, and a "truthy" triple only for a statement
that is not deprecated (and of the best rank). Here:

- a fact of a claim relation (an announcement, plan or pledge: `wm:plans`, `wm:pledgesJobsIn`)
  gives its plain triple, which states the claim, not its outcome, while the claim stands: with
  any status but a retraction (withdrawn), as a Wikidata statement of normal rank is truthy;
- a withdrawn claim gives none, as a deprecated Wikidata statement gives none;
- a fact of any other relation (`wm:launched`: the thing happened) that carries a status gives its
  plain triple only if the vocabulary marks the status as asserted (done).

Every such fact's statement node, a reified rdf:Statement (which asserts nothing), carries the
claim with `wm:status` and `wm:statusDate`.
"""

from __future__ import annotations

from typing import Any

from ..model.model import Fact
from ..model.vocabulary import Vocabulary

# Used while the vocabulary declares no statuses: the statuses that say the thing happened.
ASSERTED_BY_DEFAULT = frozenset({"done", "delivered", "completed", "met", "launched"})
# The statuses that retract a claim (unless the vocabulary's status says `retracts`): Wikidata's deprecated rank.
RETRACTING = frozenset({"withdrawn", "cancelled", "abandoned", "retracted"})


def declared_statuses(vocabulary: Vocabulary) -> dict[str, Any]:
    """The statuses the vocabulary declares, by key (none if it declares none)."""
    found = getattr(vocabulary, "statuses", None)
    return dict(found) if isinstance(found, dict) else {}


def status_asserted(vocabulary: Vocabulary, key: str) -> bool:
    """Tell whether a fact with status `key` asserts its plain triple ('' is no status: asserted)."""
    if not key:
        return True
    status = declared_statuses(vocabulary).get(key)
    if status is None:
        return key in ASSERTED_BY_DEFAULT
    return bool(getattr(status, "asserted", key in ASSERTED_BY_DEFAULT))


def fact_status(vocabulary: Vocabulary, fact: Fact) -> str:
    """The status of `fact`: its own, else the one the vocabulary gives its relation's kind of claim, else ''."""
    if fact.status:
        return fact.status
    claim = vocabulary.relations[fact.relation].claim
    if not claim:
        return ""
    default = getattr(vocabulary, "default_status", None)
    return str(default(claim)) if callable(default) else ""


def status_retracts(vocabulary: Vocabulary, key: str) -> bool:
    """Tell whether status `key` withdraws a claim (so it stands no more)."""
    status = declared_statuses(vocabulary).get(key)
    return bool(getattr(status, "retracts", key in RETRACTING)) and not status_asserted(vocabulary, key)


def asserted(vocabulary: Vocabulary, fact: Fact) -> bool:
    """Tell whether `fact` gives its plain triple (see the module's docstring)."""
    status = fact_status(vocabulary, fact)
    if not status:
        return True
    if vocabulary.relations[fact.relation].claim:
        return not status_retracts(vocabulary, status)
    return status_asserted(vocabulary, status)


def status_iri(vocabulary: Vocabulary, key: str) -> str:
    """The IRI of claim status `key`, a skos:Concept in the project namespace (wm:status-planned)."""
    return vocabulary.project_namespace + "status-" + key


def status_terms(vocabulary: Vocabulary) -> list[tuple[str, str, str, bool]]:
    """Each declared status: its key, label, comment and whether it is asserted."""
    found = []
    for key, status in sorted(declared_statuses(vocabulary).items()):
        label = str(getattr(status, "label", "") or key)
        comment = str(getattr(status, "comment", "") or "")
        found.append((key, label, comment, status_asserted(vocabulary, key)))
    return found
