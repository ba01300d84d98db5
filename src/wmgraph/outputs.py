"""Write output files atomically, and compare them with what is on disk."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file, so a failure leaves the old file whole."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error


def write_all(files: dict[Path, bytes]) -> list[Path]:
    """Write every file atomically; return the paths whose content changed."""
    changed = [path for path, data in files.items() if not _same(path, data)]
    for path in changed:
        write_atomic(path, files[path])
    return changed


def stale(files: dict[Path, bytes]) -> list[Path]:
    """Return the paths whose content on disk differs from `files` (or is missing)."""
    return [path for path, data in files.items() if not _same(path, data)]


def _same(path: Path, data: bytes) -> bool:
    try:
        # a different size settles it without reading tens of megabytes
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
