"""Find the fact files of a graph folder, refusing what cannot be read safely, without opening it."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import Problem, display_path
from ..load.yamlfile import not_regular, not_regular_problem
from .problems import Problems
from .vocabulary import VOCABULARY_FILE

SOURCES_FILE = "sources.yaml"
COVERAGE_FILE = "coverage.yaml"  # the sentences of the stored texts left out on purpose (`wmgraph coverage`)
DECISIONS_FILE = "decisions.yaml"  # judgements on candidate duplicates (`wmgraph duplicates --decide`)
# YAML files at the top that are no fact files
NOT_FACT_FILES = (VOCABULARY_FILE, SOURCES_FILE, COVERAGE_FILE, DECISIONS_FILE)
DRAFTS_FOLDER = "drafts"  # `wmgraph draft` writes here; nothing in it is published until accepted


def find_fact_files(graph_dir: Path) -> tuple[list[Path], list[Problem]]:
    """List the entity fact files under `graph_dir` (sorted), refusing links that leave it."""
    root = graph_dir.resolve()
    files: list[Path] = []
    problems = Problems()

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else graph_dir
        problems.add(display_path(where, graph_dir), (1, 1), f"cannot read folder: {error.strerror}",
                     "check its permissions")

    for folder, dirnames, filenames in os.walk(graph_dir, onerror=unreadable, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(folder) / name
            is_yaml = name in filenames and name.endswith((".yaml", ".yml"))
            if not is_yaml and name not in dirnames:
                continue  # never read
            problem = _link_problem(path, root, graph_dir) if path.is_symlink() else None
            if problem is not None:
                problems.append(problem)
                continue
            if not is_yaml:
                if name.endswith((".yaml", ".yml")) and not path.is_symlink():
                    problems.append(not_regular_problem(display_path(path, graph_dir), "a folder"))
                continue  # a link to a folder inside the graph is read there already
            if Path(folder) == graph_dir and name in NOT_FACT_FILES:
                continue
            kind = _kind(path)
            if kind:
                problems.append(not_regular_problem(display_path(path, graph_dir), kind))
                continue
            files.append(path)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and not (Path(folder) == graph_dir and d == DRAFTS_FOLDER))
    return sorted(files), problems


def _kind(path: Path) -> str:
    """What `path` is if not a regular file ('' if it is, or if it cannot be told: reading reports it)."""
    try:
        return not_regular(path.stat().st_mode)
    except OSError:
        return ""


def _link_problem(path: Path, root: Path, graph_dir: Path) -> Problem | None:
    """The refusal of a symbolic link that loops, leads nowhere or leaves the graph folder."""
    shown = display_path(path, graph_dir)
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop so, later versions as OSError
        return Problem(shown, 1, 1, "symbolic link loops back on itself", "point it at a real file, or remove it")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Problem(shown, 1, 1, "symbolic link loops back on itself",
                           "point it at a real file, or remove it")
        return Problem(shown, 1, 1, f"symbolic link leads nowhere (to {os.readlink(path)})",
                       "point it at a real file, or remove it")
    if not target.is_relative_to(root):
        return Problem(shown, 1, 1, f"symbolic link points outside the graph folder (to {target})",
                       "copy the file into the graph folder instead")
    return None
