"""What the last build wrote, so that the next one need not read its big outputs back to compare them.

For each output file the build records what the file was made from (for the documents, a digest of
the build-cache names of the fact files, of the triples that other files' facts gave them, and of
the vocabulary and sources; for the shapes, the last alone) and, just after writing it, the file's
size, inode and modification time in nanoseconds.
A later build making the file from the same things, and finding it on disk exactly as it was left,
knows it is unchanged without reading it; one making it from other things writes it without
comparing first. Any file that was edited, replaced or touched since, or has no record, is compared
byte for byte. The record lives in the build cache; a damaged one is ignored.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .atomic import write_atomic
from .errors import OutputError

LOG_NAME = "outputs.json"
_VERSION = 1


class OutputLog:
    """The record of one output folder's files, kept in its build cache folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, tuple[str, int, int, int]] = {}  # name: made from, size, inode, mtime (ns)
        try:
            stored = json.loads(path.read_bytes())
            if stored.get("version") == _VERSION:
                for name, (made_from, size, inode, mtime) in stored["files"].items():
                    if isinstance(made_from, str) and all(isinstance(n, int) for n in (size, inode, mtime)):
                        self.entries[name] = (made_from, size, inode, mtime)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.entries = {}  # absent or damaged: every file is compared

    def known(self, path: Path, made_from: str) -> bool | None:
        """True if `path` is as a build left it from `made_from`; False if from something else; None: compare it."""
        entry = self.entries.get(path.name)
        if entry is None or not made_from:
            return None
        try:
            status = os.stat(path)
        except OSError:
            return None
        if (status.st_size, status.st_ino, status.st_mtime_ns) != entry[1:]:
            return None
        return entry[0] == made_from

    def record(self, path: Path, made_from: str) -> None:
        """Note that `path`, as it is on disk now, holds what a build makes from `made_from`."""
        try:
            status = os.stat(path)
        except OSError:
            self.entries.pop(path.name, None)
            return
        self.entries[path.name] = (made_from, status.st_size, status.st_ino, status.st_mtime_ns)

    def save(self) -> None:
        """Write the record (a record that cannot be written is left out: the next build compares)."""
        data = {"version": _VERSION, "files": {name: list(entry) for name, entry in sorted(self.entries.items())}}
        try:
            write_atomic(self.path, json.dumps(data, indent=1).encode("utf-8"))
        except OutputError:
            try:
                self.path.unlink(missing_ok=True)  # an old record must not outlive the files it describes
            except OSError:
                pass
