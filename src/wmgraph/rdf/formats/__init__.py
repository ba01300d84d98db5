"""RDF documents: one writer (`writer`) over each format's syntax (`ntriples`, `turtle`, `jsonld`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial

from ..terms import Triple
from .writer import Chunk, Documents, SubjectWriter, assemble, by_subject, dumps

Dumps = Callable[[Iterable[Triple], Mapping[str, str]], str]

# Each format by name: its file extension and how to write a whole document.
FORMATS: dict[str, tuple[str, Dumps]] = {
    "turtle": ("ttl", partial(dumps, "turtle")),
    "nt": ("nt", partial(dumps, "nt")),
    "jsonld": ("jsonld", partial(dumps, "jsonld")),
}

__all__ = ["FORMATS", "Chunk", "Documents", "Dumps", "SubjectWriter", "assemble", "by_subject", "dumps"]
