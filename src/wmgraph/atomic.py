"""Write a file atomically: to a temporary file beside it, then renamed over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import OutputError

# A file's bytes, or its parts in order: a big document is written part by part, never joined
# (joining the parts of a big document costs more than writing them).
Content = bytes | Sequence[bytes | memoryview]
# A document is many small parts: a large buffer writes them in few system calls.
_BUFFER = 1 << 20


def write_atomic(path: Path, data: Content) -> None:
    """Write `data` to `path` through a temporary file, so a failure leaves the old file whole."""
    target = _target(path)
    temporary = staged_write(target, data)
    try:
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error


def _target(path: Path) -> Path:
    """Where writing `path` puts the bytes: the file a symbolic link points to; refused if not a regular file."""
    if path.is_symlink():
        if not path.exists():
            raise OutputError(f"cannot write {path}: it is a symbolic link to nothing; remove it and try again")
        path = path.resolve()
    refuse_non_file(path)
    return path


def refuse_non_file(path: Path) -> None:
    """Refuse to write over a folder, device, FIFO or socket at `path` (a symbolic link is replaced, not followed)."""
    if not path.is_symlink() and path.exists() and not path.is_file():
        kind = "folder" if path.is_dir() else "device, FIFO or socket"
        raise OutputError(f"cannot write {path}: a {kind} is in its place; remove it or write elsewhere")


def staged_write(path: Path, data: Content) -> Path:
    """Write `data` to a new temporary file beside `path` and return its path."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb", buffering=_BUFFER) as stream:
            stream.writelines([data] if isinstance(data, bytes) else data)
        os.chmod(temporary, 0o644)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
        raise
    return temporary
