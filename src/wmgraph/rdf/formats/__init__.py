"""Output formats, one module each, all with `dumps(triples, prefixes) -> str`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..terms import Triple
from . import jsonld, ntriples, turtle

Dumps = Callable[[Iterable[Triple], Mapping[str, str]], str]

FORMATS: dict[str, tuple[str, Dumps]] = {
    "turtle": ("ttl", turtle.dumps),
    "nt": ("nt", ntriples.dumps),
    "jsonld": ("jsonld", jsonld.dumps),
}

__all__ = ["FORMATS", "Dumps"]
