"""Read built RDF files (N-Triples, Turtle, JSON-LD) with pyoxigraph, for diff and validate --rdf."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LoadError
from ..rdf.terms import Literal, Triple

if TYPE_CHECKING:  # pyoxigraph is loaded only by the commands that read RDF
    import pyoxigraph

SUFFIXES = (".nt", ".ttl", ".jsonld")
BLANK = "_:"  # how a blank node's name starts in the plain triples


def _format(path: Path) -> pyoxigraph.RdfFormat:
    import pyoxigraph

    formats = {".nt": pyoxigraph.RdfFormat.N_TRIPLES, ".ttl": pyoxigraph.RdfFormat.TURTLE,
               ".jsonld": pyoxigraph.RdfFormat.JSON_LD}
    found = formats.get(path.suffix)
    if found is None:
        raise LoadError(f"{path}: cannot read this file type (give a .nt, .ttl or .jsonld file)")
    return found


def _triples(path: Path, skip: frozenset[str]) -> Iterator[Triple]:
    import pyoxigraph

    literal, blank = pyoxigraph.Literal, pyoxigraph.BlankNode
    for quad in pyoxigraph.parse(path=str(path), format=_format(path)):
        predicate = quad.predicate.value
        if predicate in skip:
            continue
        subject, obj = quad.subject, quad.object
        name = subject.value if type(subject) is not blank else BLANK + subject.value
        if type(obj) is literal:
            # a language-tagged string keeps its tag (the model reads its text, as a plain one's)
            yield name, predicate, Literal(obj.value, obj.datatype.value, obj.language or "")
        else:
            yield name, predicate, obj.value if type(obj) is not blank else BLANK + obj.value


def read_rdf(path: Path, skip: frozenset[str] = frozenset()) -> list[Triple]:
    """Parse a built RDF file into plain triples, leaving out those whose predicate is in `skip`."""
    if path.exists() and not path.is_file():
        raise LoadError(f"{path}: not a file (a folder, device or FIFO); give a .nt, .ttl or .jsonld file")
    if not path.is_file():
        raise LoadError(f"{path}: no such RDF file (give a .nt, .ttl or .jsonld file)")
    try:
        return list(_triples(path, skip))
    except SyntaxError as error:  # pyoxigraph reports every parse error as a SyntaxError
        raise LoadError(f"{path}: not valid RDF: {error}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise LoadError(f"{path}: cannot be read: {error}") from error
