"""JSON-LD: one node object per subject with a prefix context, keys and nodes sorted.

Nodes are written one at a time (the same text `json.dumps(document, indent=1, sort_keys=True)`
gives), so a build can render them in parallel or take them from its cache.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from json.encoder import encode_basestring

from ..terms import RDF_TYPE, XSD_STRING, Literal, Term, Triple, sort_key
from .grouping import Predicates, by_subject
from .turtle import Compactor

_REMEMBER = 24  # literals up to this long are remembered: they recur (relation keys, dates)
encode_string = encode_basestring  # what json.dumps(..., ensure_ascii=False) writes for a str


class NodeWriter:
    """Writes node objects with IRIs compacted by the document's prefixes."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.compact = Compactor(prefixes)
        self.known: dict[str, str] = {}
        self.values: dict[Term, str] = {}
        self.keys: dict[str, tuple[str, str]] = {}

    def iri(self, value: str) -> str:
        """The JSON string of an IRI, compacted when that is safe."""
        text = self.known.get(value)
        if text is None:
            short = self.compact.iri(value)
            text = self.known[value] = encode_string(value if short.startswith("<") else short)
        return text

    def value(self, term: Term) -> str:
        """The JSON value object of one term (short ones remembered: relation keys, dates, IRIs)."""
        text = self.values.get(term)
        if text is not None:
            return text
        if isinstance(term, Literal):
            if term.datatype == XSD_STRING:
                text = '{\n     "@value": ' + encode_string(term.lexical) + "\n    }"
            else:
                text = ('{\n     "@type": ' + self.iri(term.datatype) + ',\n     "@value": '
                        + encode_string(term.lexical) + "\n    }")
            if len(term.lexical) > _REMEMBER:
                return text
        else:
            text = '{\n     "@id": ' + self.iri(term) + "\n    }"
        self.values[term] = text
        return text

    def key(self, predicate: str) -> tuple[str, str]:
        """The member name of a predicate, as sorted, and as written with the opening of its array."""
        found = self.keys.get(predicate)
        if found is None:
            raw = self.compact.iri(predicate)
            raw = predicate if raw.startswith("<") else raw
            found = self.keys[predicate] = (raw, encode_string(raw) + ": [\n    ")
        return found

    def node(self, subject: str, predicates: Predicates) -> str:
        """One element of @graph, indented as in the whole document."""
        # The commonest shapes (one object, an IRI or a short literal seen before) take the fewest steps.
        members = [("@id", '"@id": ' + self.iri(subject))]
        values, keys = self.values, self.keys
        for predicate, objects in predicates.items():
            if predicate == RDF_TYPE and all(isinstance(o, str) for o in objects):
                unique = sorted(objects, key=sort_key) if len(objects) > 1 else objects
                members.append(("@type", '"@type": [\n    ' + ",\n    ".join([self.iri(str(o)) for o in unique])
                                + "\n   ]"))
                continue
            raw, opening = keys.get(predicate) or self.key(predicate)
            if len(objects) == 1:
                (only,) = objects
                members.append((raw, opening + (values.get(only) or self.value(only)) + "\n   ]"))
            else:
                members.append((raw, opening + ",\n    ".join([self.value(o) for o in sorted(objects, key=sort_key)])
                                + "\n   ]"))
        members.sort()
        return "  {\n   " + ",\n   ".join([text for _, text in members]) + "\n  }"


def frame(prefixes: Mapping[str, str]) -> tuple[str, str]:
    """The text before the first node of a document and after its last (nodes are joined by ',\\n')."""
    context = json.dumps({"@context": dict(sorted(prefixes.items()))}, ensure_ascii=False, indent=1,
                         sort_keys=True)
    return context[:-2] + ',\n "@graph": [\n', "\n ]\n}\n"


def document(prefixes: Mapping[str, str], nodes: Iterable[str]) -> str:
    """The whole document from its nodes, already in order."""
    head, tail = frame(prefixes)
    body = ",\n".join(nodes)
    return head + body + tail if body else head[:-1] + "]\n}\n"


def dumps(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    """Serialise triples as compacted JSON-LD with an @graph of nodes."""
    writer = NodeWriter(prefixes)
    grouped = by_subject(triples)
    return document(prefixes, (writer.node(s, grouped[s]) for s in sorted(grouped)))
