"""JSON-LD: one node object per subject with a prefix context, keys and nodes sorted."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ..terms import RDF_TYPE, XSD_STRING, Literal, Term, Triple, sort_key
from .turtle import Compactor


def dumps(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    """Serialise triples as compacted JSON-LD with an @graph of nodes."""
    compact = Compactor(prefixes)

    def iri(value: str) -> str:
        short = compact.iri(value)
        return value if short.startswith("<") else short

    def value(term: Term) -> Any:
        if isinstance(term, Literal):
            if term.datatype == XSD_STRING:
                return {"@value": term.lexical}
            return {"@value": term.lexical, "@type": iri(term.datatype)}
        return {"@id": iri(term)}

    nodes: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        nodes[s][p].append(o)
    graph = []
    for subject in sorted(nodes):
        node: dict[str, Any] = {"@id": iri(subject)}
        for predicate, objects in nodes[subject].items():
            unique = sorted(set(objects), key=sort_key)
            if predicate == RDF_TYPE and all(isinstance(o, str) for o in unique):
                node["@type"] = [iri(str(o)) for o in unique]
            else:
                node[iri(predicate)] = [value(o) for o in unique]
        graph.append(node)
    document = {"@context": dict(sorted(prefixes.items())), "@graph": graph}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
