"""Turtle grouped by subject, with prefixes, sorted so that rebuilds are byte-identical."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from ..terms import RDF_TYPE, XSD, XSD_STRING, Literal, Term, Triple, escape_string, sort_key

_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")


class Compactor:
    """Shortens IRIs to prefix:local where the local part needs no escaping."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # longest namespace first, so ent:statement/ loses to stmt:
        self.namespaces = sorted(((iri, name) for name, iri in prefixes.items()),
                                 key=lambda item: (-len(item[0]), item[1]))

    def iri(self, iri: str) -> str:
        """Return the shortest safe spelling of `iri`."""
        for namespace, name in self.namespaces:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if local == "" or _LOCAL.match(local):
                    return f"{name}:{local}"
        return f"<{iri}>"

    def term(self, value: Term) -> str:
        """Write one term in Turtle syntax."""
        if not isinstance(value, Literal):
            return self.iri(value)
        if value.datatype == XSD + "integer" and _INTEGER.match(value.lexical):
            return value.lexical
        if value.datatype == XSD + "decimal" and _DECIMAL.match(value.lexical):
            return value.lexical
        text = f'"{escape_string(value.lexical)}"'
        return text if value.datatype == XSD_STRING else f"{text}^^{self.iri(value.datatype)}"


def dumps(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    """Serialise triples as Turtle, one block per subject, everything sorted."""
    compact = Compactor(prefixes)
    by_subject: dict[str, dict[str, set[Term]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    out = [f"@prefix {name}: <{iri}> .\n" for name, iri in sorted(prefixes.items())]
    for subject in sorted(by_subject):
        predicates = by_subject[subject]
        order = sorted(predicates, key=lambda p: (p != RDF_TYPE, p))
        parts = []
        for predicate in order:
            name = "a" if predicate == RDF_TYPE else compact.iri(predicate)
            objects = ", ".join(compact.term(o) for o in sorted(predicates[predicate], key=sort_key))
            parts.append(f"{name} {objects}")
        out.append(f"\n{compact.iri(subject)}\n    " + " ;\n    ".join(parts) + " .\n")
    return "".join(out)
