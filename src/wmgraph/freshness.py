"""Tell whether the files in `output/` were built from the fact files as they are now.

`wmgraph build` writes a stamp beside its outputs: a SHA-256 digest of every fact file
(names and bytes) and of wmgraph's own source code. A reader such as `wmgraph query` may
reuse `output/wmgraph.nt` only when the stamp on disk equals the digest of the inputs now.
Modification times are not used: git sets them at checkout, so they prove nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .buildcache import code_digest
from .model.checking import load_model
from .rdf.formats import FORMATS
from .rdf.mapping import model_triples, namespaces

OUTPUT_STEM = "wmgraph"
STAMP_NAME = "wmgraph.stamp"


def input_digest(graph_dir: Path) -> str:
    """Digest the fact files in `graph_dir` and the wmgraph code that turns them into RDF."""
    digest = hashlib.sha256(code_digest())
    for path in sorted(graph_dir.rglob("*")):
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            continue
        data = path.read_bytes()
        digest.update(f"{path.relative_to(graph_dir).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def stamp_bytes(graph_dir: Path) -> bytes:
    """The content of the stamp file for a build of `graph_dir`."""
    return f"sha256:{input_digest(graph_dir)}\n".encode("ascii")


def is_fresh(graph_dir: Path, out_dir: Path, output: Path) -> bool:
    """True when `output` exists and the stamp in `out_dir` matches `graph_dir` as it is now."""
    try:
        stamp = (out_dir / STAMP_NAME).read_bytes()
    except OSError:
        return False
    return output.is_file() and stamp == stamp_bytes(graph_dir)


def graph_data(graph_dir: Path, out_dir: Path, format_name: str) -> tuple[bytes, str]:
    """The graph serialised as `format_name`: the built file when fresh, else built in memory.

    Also returns where the data came from, for messages.
    """
    extension, dumps = FORMATS[format_name]
    output = out_dir / f"{OUTPUT_STEM}.{extension}"
    if is_fresh(graph_dir, out_dir, output):
        try:
            return output.read_bytes(), str(output)
        except OSError:
            pass
    model = load_model(graph_dir)
    text = dumps(model_triples(model), namespaces(model.vocabulary))
    return text.encode("utf-8"), f"{graph_dir}/ (built in memory)"
