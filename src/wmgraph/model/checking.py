"""Find the fact files of a graph folder and check them into a `Model`, all problems at once.

The work is shared out: `files` finds the fact files, `checker` checks entities and facts,
`qualifiers` their values, `evidence` their quotes and statuses, `sourcefile` the sources and
`crossrefs` what crosses files; all of them add to one `state.CheckState` and its `Problems`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import LoadError, display_path
from ..load.values import check_date, date_bounds
from ..load.yamlfile import read_yaml
from .checker import ENTITY_KEYS, Checker
from .crossrefs import check_references
from .files import SOURCES_FILE, find_fact_files
from .model import Model
from .pieces import FilePiece
from .sourcefile import SOURCE_KEYS, read_sources
from .vocabulary import VOCABULARY_FILE, Vocabulary, read_vocabulary

__all__ = ["ENTITY_KEYS", "SOURCES_FILE", "SOURCE_KEYS", "check_date", "check_file", "date_bounds",
           "find_fact_files", "finish_model", "load_model", "load_pieces", "merge_pieces", "model_with", "start_model"]

def check_file(vocabulary: Vocabulary, path: Path, shown: str, raw: bytes | None = None) -> FilePiece:
    """Read and check one fact file on its own, reported as `shown` (`raw`: its bytes, if read)."""
    data, found = read_yaml(path, shown, raw=raw)
    if found:
        return FilePiece(shown, found, unread=True)
    return Checker(vocabulary).file_piece(data, shown)


def start_model(graph_dir: Path, sources: bytes | None = None) -> tuple[Vocabulary, list[Path], Checker]:
    """Read the vocabulary and sources (`sources`: the sources file's bytes instead), and list the fact files."""
    if graph_dir.exists() and not graph_dir.is_dir():
        raise LoadError(f"graph folder '{graph_dir}' is a file, not a folder (give --graph the folder holding "
                        "the fact files)")
    if not graph_dir.is_dir():
        raise LoadError(f"graph folder '{graph_dir}' does not exist (use --graph DIR)")
    vocabulary = read_vocabulary(graph_dir / VOCABULARY_FILE)
    checker = Checker(vocabulary)
    files, found = find_fact_files(graph_dir)
    checker.problems += found
    sources_path = graph_dir / SOURCES_FILE
    shown = checker.sources_file = display_path(sources_path, graph_dir)
    if sources is None and not sources_path.exists() and not sources_path.is_symlink():
        checker.sources_missing = True  # reported if anything cites a source
        return vocabulary, files, checker
    data, found = read_yaml(sources_path, shown, raw=sources)
    checker.problems += found
    if found:
        checker.unread.add(shown)
    else:
        read_sources(checker, data, shown, graph_dir)
    return vocabulary, files, checker


def merge_pieces(checker: Checker, pieces: Iterable[FilePiece]) -> Model:
    """Merge the checked files (in file order) into the model, without the cross-file checks."""
    for piece in pieces:
        checker.add_piece(piece)
    return checker.model


def finish_model(checker: Checker, pieces: Iterable[FilePiece]) -> Model:
    """Merge the checked files (in file order) and run the cross-file checks, or raise."""
    merge_pieces(checker, pieces)
    check_references(checker)
    checker.problems.raise_any()
    return checker.model


def load_model(graph_dir: Path) -> Model:
    """Read every fact file under `graph_dir` into a checked `Model`, or raise with all problems."""
    vocabulary, files, checker = start_model(graph_dir)
    return finish_model(checker, (check_file(vocabulary, path, display_path(path, graph_dir)) for path in files))


def load_pieces(graph_dir: Path) -> tuple[Model, dict[Path, FilePiece]]:
    """The checked model of `graph_dir`, or raise, and each fact file's checked piece, for `model_with`."""
    vocabulary, paths, checker = start_model(graph_dir)
    pieces = {path: check_file(vocabulary, path, display_path(path, graph_dir)) for path in paths}
    return finish_model(checker, pieces.values()), pieces


def model_with(graph_dir: Path, changed: Mapping[Path, FilePiece], kept: Mapping[Path, FilePiece] | None = None,
               sources: bytes | None = None) -> Model:
    """The checked model of `graph_dir` as it would be with the files of `changed` (new or rewritten, each
    checked already) and the sources file's bytes `sources`, or raise; nothing is written. The other fact
    files are taken from `kept` (as `load_pieces` gave them) or read."""
    vocabulary, paths, checker = start_model(graph_dir, sources)
    kept = kept or {}

    def piece(path: Path) -> FilePiece:
        return changed.get(path) or kept.get(path) or check_file(vocabulary, path, display_path(path, graph_dir))
    return finish_model(checker, (piece(path) for path in sorted({*paths, *changed})))
