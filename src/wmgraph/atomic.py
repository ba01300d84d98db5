"""Write output files atomically, one at a time or as a set."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import OutputError

# A file's bytes, or its parts in order: a big document is written part by part, never joined
# (joining the parts of a big document costs more than writing them).
Content = bytes | Sequence[bytes | memoryview]
_BATCH = 1024  # parts per writev call (the usual IOV_MAX)


def write_atomic(path: Path, data: Content) -> None:
    """Write `data` to `path` through a temporary file, so a failure leaves the old file whole."""
    target = _target(path)
    temporary = _staged(target, data)
    try:
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error


class StagedSet:
    """A set of files written beside their places, then put in place together with a record written last.

    A reader that finds the record finds the whole set: the record is removed before the first file
    is put in place and written after the last. If a file cannot be written, nothing is put in place.
    """

    def __init__(self) -> None:
        self.staged: dict[Path, Path] = {}  # where a file goes: its temporary file

    def add(self, path: Path, data: Content) -> None:
        """Write `data` beside `path` (temporary files an interrupted write left there are removed)."""
        target = _target(path)
        for left in target.parent.glob(f".{target.name}.*.tmp"):
            left.unlink(missing_ok=True)
        self.staged[target] = _staged(target, data)

    def discard(self) -> None:
        """Remove every temporary file: nothing is put in place."""
        for temporary in self.staged.values():
            temporary.unlink(missing_ok=True)
        self.staged.clear()

    def commit(self, record: Path, record_data: bytes) -> None:
        """Put every file in place, then write `record`."""
        try:
            record.unlink(missing_ok=True)
        except OSError as error:
            self.discard()
            raise OutputError(f"cannot write {record}: {error.strerror or error}") from error
        done: list[Path] = []
        for path, temporary in self.staged.items():
            try:
                os.replace(temporary, path)
                done.append(path)
            except OSError as error:
                stale = ", ".join(str(p) for p in self.staged if p not in done)
                self.discard()
                raise OutputError(f"cannot write {path}: {error.strerror or error}; {stale} still hold an "
                                  f"earlier build's content, and no {record.name} marks them current: "
                                  "fix the cause and build again") from error
        self.staged.clear()
        write_atomic(record, record_data)


def _target(path: Path) -> Path:
    """Where writing `path` puts the bytes: the file a symbolic link points to; refused if not a regular file."""
    if path.is_symlink():
        if not path.exists():
            raise OutputError(f"cannot write {path}: it is a symbolic link to nothing; remove it and try again")
        path = path.resolve()
    if path.exists() and not path.is_file():
        kind = "folder" if path.is_dir() else "device, FIFO or socket"
        raise OutputError(f"cannot write {path}: a {kind} is in its place; remove it or write elsewhere")
    return path


def _staged(path: Path, data: Content) -> Path:
    """Write `data` to a new temporary file beside `path` and return its path."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb", buffering=0) as stream:
            _write_parts(stream.fileno(), [data] if isinstance(data, bytes) else data)
        os.chmod(temporary, 0o644)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
        raise
    return temporary


def _write_parts(handle: int, parts: Sequence[bytes | memoryview]) -> None:
    """Write every part, in order, in as few system calls as the system allows."""
    for start in range(0, len(parts), _BATCH):
        batch = parts[start:start + _BATCH]
        written = os.writev(handle, batch) if hasattr(os, "writev") else 0
        for part in batch:  # what a short write (or no writev) left, one part at a time
            if written >= len(part):
                written -= len(part)
                continue
            view = memoryview(part)[written:]
            written = 0
            while view:
                view = view[os.write(handle, view):]
