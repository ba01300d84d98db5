"""What the page's questions need: Oxigraph's WebAssembly build, the graph as Turtle and the query library.

The engine (`assets/vendor/oxigraph-web.js` and `oxigraph_bg.wasm.gz`, npm oxigraph at the
version LICENSE-oxigraph.txt records) and the graph's Turtle (gzipped) sit in the page as
base64 text in non-running script elements; the page decodes them in a Worker only when a
question is first asked. The library is the `.rq` files of `queries/`, the folder `wmgraph
query` reads, inlined as text: the page reads their headers as the CLI does.
"""

from __future__ import annotations

import base64
import gzip
import re
from pathlib import Path

from ..errors import OutputError
from ..model.vocabulary import Vocabulary
from ..rdf.mapping import namespaces
from .data import Json

VENDOR = Path(__file__).resolve().parent / "assets" / "vendor"
ENGINE_JS = VENDOR / "oxigraph-web.js"
ENGINE_WASM = VENDOR / "oxigraph_bg.wasm.gz"
LIBRARY_DIR = Path("queries")  # as `wmgraph query`: relative to where the command runs
# Past this many entities the engine and the graph's Turtle would take the page past its size budget.
ENGINE_LIMIT = 50_000
_CLOSES_SCRIPT = re.compile(rb"</script|<!--", re.IGNORECASE)


def query_library(folder: Path = LIBRARY_DIR) -> list[Json]:
    """The library's queries by name, each with its text (none when the folder is missing)."""
    if not folder.is_dir():
        return []
    library = []
    for path in sorted(folder.glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise OutputError(f"cannot read the query {path}: {error} (fix or remove it, then build again)") from error
        library.append({"name": path.stem, "text": text})
    return library


def library_files(folder: Path = LIBRARY_DIR) -> list[tuple[str, bytes]]:
    """The library's files as (name, bytes), for the build's input digest."""
    if not folder.is_dir():
        return []
    return [(f"{folder.name}/{path.name}", path.read_bytes()) for path in sorted(folder.glob("*.rq"))]


def carries_engine(entities: int, limit: int = ENGINE_LIMIT) -> bool:
    """Whether a whole page of `entities` carries the engine (else its questions' answers, worked out by the build)."""
    return entities <= limit


def sparql_data(vocabulary: Vocabulary, library: list[Json], engine: bool, answers: list[Json] | None = None) -> Json:
    """The page data's `sparql` entry: the entity IRI base, the prefixes, the library, whether the engine is in.

    Without the engine, `answers` are the build's answers to the questions without parameters.
    """
    data = {"base": vocabulary.base, "prefixes": dict(sorted(namespaces(vocabulary).items())),
            "queries": library, "engine": engine}
    if answers is not None:
        data["answers"] = answers
    return data


def engine_parts(turtle: bytes | None) -> dict[bytes, bytes]:
    """The template's engine placeholders: the engine's module, its wasm and the graph (empty without `turtle`)."""
    if turtle is None:
        return {b"ENGINE_JS": b"", b"ENGINE_WASM": b"", b"GRAPH_TURTLE": b""}
    script = _read(ENGINE_JS)
    if _CLOSES_SCRIPT.search(script):
        raise OutputError(f"{ENGINE_JS} holds '</script' or '<!--', which would end its script element "
                          "(fetch the pinned version again: make vendor-oxigraph)")
    # gzip with no time in its header, so the page's bytes depend on the graph alone
    packed = gzip.compress(turtle, 6, mtime=0)
    return {b"ENGINE_JS": script, b"ENGINE_WASM": base64.b64encode(_read(ENGINE_WASM)),
            b"GRAPH_TURTLE": base64.b64encode(packed)}


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise OutputError(f"cannot read {path}: {error.strerror or error} (reinstall wmgraph)") from error
