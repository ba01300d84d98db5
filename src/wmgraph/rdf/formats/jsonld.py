"""JSON-LD syntax: a prefix context, compacted IRIs, value objects, as `json.dumps(indent=1, sort_keys=True)`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from json.encoder import encode_basestring

from ..terms import XSD_STRING, Literal, Term
from .turtle import Compactor

encode_string = encode_basestring  # what json.dumps(..., ensure_ascii=False) writes for a str


def iri(compact: Compactor, value: str) -> str:
    """The JSON string of an IRI, compacted when that is safe."""
    short = compact.iri(value)
    return encode_string(value if short.startswith("<") else short)


def value(compact: Compactor, term: Term) -> str:
    """The JSON value object of one term, indented as a member of a node."""
    if isinstance(term, Literal):
        if term.datatype == XSD_STRING:
            return '{\n     "@value": ' + encode_string(term.lexical) + "\n    }"
        if term.language:
            return ('{\n     "@language": ' + encode_string(term.language) + ',\n     "@value": '
                    + encode_string(term.lexical) + "\n    }")
        return ('{\n     "@type": ' + iri(compact, term.datatype) + ',\n     "@value": '
                + encode_string(term.lexical) + "\n    }")
    return '{\n     "@id": ' + iri(compact, term) + "\n    }"


def key(compact: Compactor, predicate: str) -> str:
    """The member name of a predicate (a compact IRI, else the full IRI)."""
    raw = compact.iri(predicate)
    return predicate if raw.startswith("<") else raw


def frame(prefixes: Mapping[str, str]) -> tuple[str, str]:
    """The text before the first node of a document and after its last (nodes are joined by ',\\n')."""
    context = json.dumps({"@context": dict(sorted(prefixes.items()))}, ensure_ascii=False, indent=1,
                         sort_keys=True)
    return context[:-2] + ',\n "@graph": [\n', "\n ]\n}\n"


def empty_document(prefixes: Mapping[str, str]) -> str:
    """The document of a graph with no triples."""
    head, _ = frame(prefixes)
    return head[:-1] + "]\n}\n"
