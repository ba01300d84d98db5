"""The build cache in `output/.cache/`: each fact file's checked and rendered piece, from the last build.

An entry's name is a SHA-256 of everything its content depends on: the file's bytes and name,
the vocabulary, wmgraph's version and its code. An entry holds its own name and a SHA-256 of
its payload; one that is truncated, corrupt or not what its name says is ignored and rebuilt,
never trusted. The cache is as trusted as the checkout itself (entries are pickles), so it lives
beside the outputs, is never committed and is never read from anywhere else.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

CACHE_DIR = ".cache"
MAGIC = b"wmgraph-cache-2\n"
_CODE_DIR = Path(__file__).resolve().parent
_DIGEST = 32


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

    def load(self, key: str) -> tuple[bytes, bytes] | None:
        """The two parts stored for `key`, or None when absent or not trustworthy."""
        try:
            blob = self.path(key).read_bytes()
        except OSError:
            return None
        head = len(MAGIC) + 64
        payload = blob[head + _DIGEST:]
        if (blob[:len(MAGIC)] != MAGIC or blob[len(MAGIC):head] != key.encode()
                or blob[head:head + _DIGEST] != hashlib.sha256(payload).digest() or len(payload) < 8):
            self.rejected += 1
            return None
        first = int.from_bytes(payload[:8], "big")
        return payload[8:8 + first], payload[8 + first:]

    def store(self, key: str, first: bytes, second: bytes) -> None:
        """Save two parts (pickles) as entry `key`; a cache that cannot be written is simply skipped."""
        payload = len(first).to_bytes(8, "big") + first + second
        blob = MAGIC + key.encode() + hashlib.sha256(payload).digest() + payload
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
