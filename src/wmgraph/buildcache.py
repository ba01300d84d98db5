"""The build cache in `output/.cache/`: each fact file's checked and rendered piece, from the last build.

An entry's name is a SHA-256 of everything its content depends on: the file's bytes and name,
the vocabulary, wmgraph's version and its code. An entry holds its own name and a SHA-256 of
each of its two parts (the checked piece, then the far bigger rendered text), so the build can
read the first before it starts the HTML page and the second while the page is drawn; a part
that is truncated, corrupt or not what its name says is ignored and rebuilt, never trusted.
The cache is as trusted as the checkout itself (entries are pickles), so it lives
beside the outputs, is never committed and is never read from anywhere else.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

CACHE_DIR = ".cache"
MAGIC = b"wmgraph-cache-3\n"
_CODE_DIR = Path(__file__).resolve().parent
_DIGEST = 32
_NAME = len(MAGIC) + 64  # the magic line and the entry's name
_HEAD = _NAME + 2 * _DIGEST + 8  # then a digest of each part and the first part's length


def code_digest() -> bytes:
    """A digest of wmgraph's version and code: a new wmgraph never reads an old wmgraph's cache."""
    from . import __version__  # here: the package imports this module while it starts

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(_CODE_DIR.rglob("*.py")):
        digest.update(path.relative_to(_CODE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


class PieceCache:
    """Cached pieces in one folder, named by what they were made from."""

    def __init__(self, folder: Path, salt: bytes) -> None:
        self.folder = folder
        self.salt = salt
        self.rejected = 0  # entries found corrupt or mismatched (and so rebuilt)

    def key(self, shown: str, data: bytes) -> str:
        """The name of the entry for fact file `shown` with content `data`."""
        digest = hashlib.sha256(self.salt)
        digest.update(shown.encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        """Where entry `key` is stored."""
        return self.folder / f"{key}.pickle"

    def load(self, key: str) -> bytes | None:
        """The first part stored for `key`, or None when absent or not trustworthy."""
        return self._part(key, 0)

    def load_second(self, key: str) -> bytes | None:
        """The second part stored for `key`, or None when absent or not trustworthy."""
        return self._part(key, 1)

    def _part(self, key: str, which: int) -> bytes | None:
        try:
            with self.path(key).open("rb") as stream:
                head = stream.read(_HEAD)
                if len(head) != _HEAD or head[:_NAME] != MAGIC + key.encode():
                    self.rejected += 1
                    return None
                first = int.from_bytes(head[-8:], "big")
                if _HEAD + first > os.fstat(stream.fileno()).st_size:  # a damaged length
                    self.rejected += 1
                    return None
                if which == 0:
                    data = stream.read(first)
                else:
                    stream.seek(_HEAD + first)
                    data = stream.read()
        except OSError:
            return None
        start = _NAME + which * _DIGEST
        if hashlib.sha256(data).digest() != head[start:start + _DIGEST]:
            self.rejected += 1
            return None
        return data

    def store(self, key: str, first: bytes, second: bytes) -> None:
        """Save two parts (pickles) as entry `key`; a cache that cannot be written is simply skipped."""
        digests = hashlib.sha256(first).digest() + hashlib.sha256(second).digest()
        blob = MAGIC + key.encode() + digests + len(first).to_bytes(8, "big") + first + second
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=self.folder)
            with os.fdopen(handle, "wb") as stream:
                stream.write(blob)
            os.replace(temporary, self.path(key))
        except OSError:
            pass

    def prune(self, keep: set[str]) -> None:
        """Delete the entries not in `keep` (pieces of files that changed or went away)."""
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.suffix in (".pickle", ".tmp") and entry.stem not in keep:
                entry.unlink(missing_ok=True)
