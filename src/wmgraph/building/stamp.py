"""The one freshness key: what a build was made from and what it wrote, kept in `output/wmgraph.stamp`.

The stamp records a digest of the inputs (the vocabulary, the sources, their stored texts, every
fact file and the `.rq` files of the query library the page carries, by name and bytes, with the
output-format version) and the SHA-256 of every file the build wrote.
A build whose inputs and outputs are as recorded has nothing to do; `wmgraph query` reads the built
N-Triples only when the stamp matches them both. Modification times are not used: git sets them at
checkout, so they prove nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .._version import __version__
from ..model.checking import SOURCES_FILE, find_fact_files
from ..model.vocabulary import VOCABULARY_FILE
from ..page.queries import ENGINE_LIMIT, library_files

# Raise when wmgraph writes other bytes for the same inputs: it renames every cache entry and
# makes every stamp stale.
OUTPUT_VERSION = "28"
OUTPUT_STEM = "wmgraph"
STAMP_NAME = "wmgraph.stamp"


def input_digest(inputs: Iterable[tuple[str, bytes]]) -> str:
    """Digest the inputs, each as (name as shown, bytes), with the output-format version."""
    digest = hashlib.sha256(f"wmgraph {__version__} output {OUTPUT_VERSION}\n".encode())
    for name, data in inputs:
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def build_digest(inputs: Iterable[tuple[Path, str, bytes]], engine_limit: int = ENGINE_LIMIT) -> str:
    """The freshness key of a build from `inputs` (see `graph_inputs`) and the query library the page inlines.

    A build with another size limit for the page's engine than the default writes another page: it counts too.
    """
    limit = [] if engine_limit == ENGINE_LIMIT else [("engine limit", str(engine_limit).encode())]
    return input_digest([*((name, data) for _, name, data in inputs), *library_files(), *limit])


TEXTS_DIR = "texts"  # the stored texts of the sources, beside the fact files


def graph_inputs(graph_dir: Path) -> list[tuple[Path, str, bytes]]:
    """The files of `graph_dir` a build reads, as (path, name in the folder, bytes).

    They are the vocabulary, the sources, the sources' stored texts and the fact files; a file that
    is missing, unreadable or not a regular file has no bytes (the checks report it), and each thing
    the search for fact files refuses is named by its problem.
    """
    files, refused = find_fact_files(graph_dir)
    texts = sorted((graph_dir / TEXTS_DIR).glob("*.txt")) if (graph_dir / TEXTS_DIR).is_dir() else []
    found = []
    for path in [graph_dir / VOCABULARY_FILE, graph_dir / SOURCES_FILE, *texts, *files]:
        try:
            data = path.read_bytes() if path.is_file() else b""
        except OSError:
            data = b""
        found.append((path, path.relative_to(graph_dir).as_posix(), data))
    # what the checks refuse (a FIFO, a link out or in a loop, a folder named .yaml) counts too, so
    # that a build never calls such a folder current
    return found + [(graph_dir / problem.file, str(problem), b"") for problem in refused]


def file_digest(path: Path) -> str | None:
    """The SHA-256 of a regular file's bytes, or None if it is missing, unreadable, a link or not a regular file."""
    try:
        if path.is_symlink() or not path.is_file():
            return None
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


@dataclass(frozen=True)
class Stamp:
    """What a build was made from (`inputs`), what it wrote (file name: SHA-256), and its counts."""

    inputs: str
    outputs: dict[str, str]
    counts: dict[str, int]

    def to_bytes(self) -> bytes:
        """The stamp file's content (sorted JSON, so the same build gives the same bytes)."""
        record = {"inputs": self.inputs, "outputs": self.outputs, "counts": self.counts}
        return (json.dumps(record, indent=1, sort_keys=True) + "\n").encode("ascii")

    @classmethod
    def read(cls, out_dir: Path) -> Stamp | None:
        """The stamp in `out_dir`, or None if there is none or it cannot be read."""
        path = out_dir / STAMP_NAME
        try:
            if not path.is_file():
                return None
            record = json.loads(path.read_bytes())
            stamp = cls(str(record["inputs"]), dict(record["outputs"]), dict(record["counts"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        names_ok = all(isinstance(k, str) and "/" not in k and isinstance(v, str) for k, v in stamp.outputs.items())
        return stamp if names_ok and all(isinstance(v, int) for v in stamp.counts.values()) else None

    def holds(self, out_dir: Path, names: Iterable[str] | None = None) -> bool:
        """Tell whether the outputs `names` (by default all) are in `out_dir` as this stamp records them."""
        chosen = self.outputs if names is None else {name: self.outputs.get(name, "") for name in names}
        return all(file_digest(out_dir / name) == digest for name, digest in chosen.items())


def current_stamp(graph_dir: Path, out_dir: Path) -> Stamp | None:
    """The stamp of `out_dir` if it records `graph_dir` as it is now, else None."""
    stamp = Stamp.read(out_dir)
    if stamp is None or stamp.inputs != build_digest(graph_inputs(graph_dir)):
        return None
    return stamp
