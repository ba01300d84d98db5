"""docs/architecture.md describes the code as it is: every module named, and only modules that exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "wmgraph"
DOC = ROOT / "docs" / "architecture.md"


def documented_module(path: Path) -> bool:
    """A module the architecture must name: any .py or .js file, except a subpackage's docstring-only __init__."""
    if path.name != "__init__.py" or path.parent == PACKAGE:
        return True
    body = ast.parse(path.read_text()).body
    return not (len(body) <= 1 and all(isinstance(node, ast.Expr) for node in body))


def named_modules(text: str) -> set[str]:
    """Every `path.py` or `path.js` the text names in backticks."""
    return set(re.findall(r"`([\w./-]+\.(?:py|js))`", text))


def test_every_module_is_named() -> None:
    modules = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*")
               if path.suffix in (".py", ".js") and documented_module(path)}
    unnamed = sorted(modules - named_modules(DOC.read_text()))
    assert not unnamed, f"docs/architecture.md does not name these modules (give each its row): {unnamed}"


def test_every_module_named_exists() -> None:
    rooted = ("src/", "tests/", "benchmarks/")
    missing = sorted(name for name in named_modules(DOC.read_text())
                     if not (ROOT / name if name.startswith(rooted) else PACKAGE / name).is_file())
    assert not missing, f"docs/architecture.md names modules that do not exist: {missing}"


def test_a_missing_row_and_a_stale_row_are_found() -> None:
    text = "| `load/marks.py` | marks |\n| `load/gone.py` | gone |\n`tests/conftest.py` and `src/wmgraph/build.py`\n"
    assert named_modules(text) == {"load/marks.py", "load/gone.py", "tests/conftest.py", "src/wmgraph/build.py"}
    assert documented_module(PACKAGE / "load" / "marks.py")
    assert documented_module(PACKAGE / "__init__.py")
