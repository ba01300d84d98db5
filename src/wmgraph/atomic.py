"""Write output files atomically, and compare them with what is on disk."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import OutputError

# A file's bytes, or its parts in order: a big document is written part by part, never joined.
Content = bytes | list[bytes | memoryview]  # a document may stay in parts, views included
_BATCH = 1024  # parts per writev call (the usual IOV_MAX)


def size_of(content: Content) -> int:
    """The number of bytes `content` makes."""
    return len(content) if isinstance(content, bytes) else sum(map(len, content))


def joined(content: Content) -> bytes:
    """The bytes `content` makes."""
    return content if isinstance(content, bytes) else b"".join(content)


def write_atomic(path: Path, data: Content) -> None:
    """Write `data` to `path` through a temporary file, so a failure leaves the old file whole."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb", buffering=0) as stream:
                if isinstance(data, bytes):
                    _write_fully(stream.fileno(), data)
                else:
                    _write_parts(stream.fileno(), data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error


def _write_fully(handle: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def _write_parts(handle: int, parts: list[bytes | memoryview]) -> None:
    if not hasattr(os, "writev"):  # not on every system
        for part in parts:
            _write_fully(handle, part)
        return
    for start in range(0, len(parts), _BATCH):
        batch = parts[start:start + _BATCH]
        written = os.writev(handle, batch)
        if written < sum(map(len, batch)):  # a short write: the rest one part at a time
            for part in batch:
                if written >= len(part):
                    written -= len(part)
                    continue
                _write_fully(handle, memoryview(part)[written:])
                written = 0


def write_all(files: Mapping[Path, Content], known: Mapping[Path, bool | None] | None = None) -> list[Path]:
    """Write every file atomically; return the paths whose content changed.

    `known` may tell, for a path, that its file already holds the content (True) or does not (False);
    other files are compared with their content first.
    """
    known = known or {}
    changed = [path for path, data in files.items()
               if not (_same(path, data) if known.get(path) is None else known[path])]
    for path in changed:
        write_atomic(path, files[path])
    return changed


def stale(files: Mapping[Path, Content]) -> list[Path]:
    """Return the paths whose content on disk differs from `files` (or is missing)."""
    return [path for path, data in files.items() if not _same(path, data)]


def _same(path: Path, data: Content) -> bool:
    try:
        # a different size settles it without reading tens of megabytes
        if path.stat().st_size != size_of(data):
            return False
        old = path.read_bytes()
    except OSError:
        return False
    if isinstance(data, bytes):
        return old == data
    start = 0
    for part in data:
        if not old.startswith(part, start):  # compares in place (a memoryview slice is ten times slower)
            return False
        start += len(part)
    return True
