"""RDF terms as plain Python values: an IRI is a `str`, a literal is a `Literal`."""

from __future__ import annotations

import re
from typing import NamedTuple

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_TYPE = RDF + "type"
LANG_STRING = RDF + "langString"
# The standard vocabularies the mapping writes whatever the graph's vocabulary declares
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
DC = "http://purl.org/dc/elements/1.1/"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"
OWL = "http://www.w3.org/2002/07/owl#"
TIME = "http://www.w3.org/2006/time#"


class Literal(NamedTuple):
    """A literal: its lexical form, datatype IRI (xsd:string for plain text) and language tag ('' if none)."""

    lexical: str
    datatype: str = XSD_STRING
    language: str = ""  # set only with the datatype rdf:langString (see `tagged`)


def tagged(text: str, language: str = "en") -> Literal:
    """A language-tagged string (datatype rdf:langString), such as "Mayor"@en."""
    return Literal(text, LANG_STRING, language)


Term = str | Literal
Triple = tuple[str, str, Term]


def sort_key(term: Term) -> tuple[int, str, str]:
    """Order IRIs before literals, then by text, so output is stable."""
    if isinstance(term, Literal):
        return (1, term.lexical, term.datatype + "@" + term.language)
    return (0, term, "")


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def escape_string(text: str) -> str:
    """Escape text for a double-quoted N-Triples or Turtle string."""
    if not _NEEDS_ESCAPE.search(text):
        return text  # the common case: nothing to escape
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)
