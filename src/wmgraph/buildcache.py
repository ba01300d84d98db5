"""The build cache in `output/.cache/`: each fact file's checked and rendered piece, from the last build.

An entry's name is a SHA-256 of everything its content depends on: the file's bytes and name,
the vocabulary, wmgraph's version and its code. An entry holds its own name and a CRC-32 of
each of its two parts (the checked piece, then the far bigger rendered text); a part that is
truncated, corrupt or not what its name says is ignored and rebuilt, never trusted. The name
makes a stale entry impossible to find; the checksum only has to catch damage, which CRC-32
does (every error of up to 32 bits in a row, and all but one in four billion others) at twice
the speed of SHA-256: 86 MB of rendered text is read back at 10k entities.
The cache is as trusted as the checkout itself (entries are pickles), so it lives
beside the outputs, is never committed and is never read from anywhere else.
"""

from __future__ import annotations

import functools
import hashlib
import mmap
import os
import tempfile
import zlib
from pathlib import Path
from typing import NamedTuple

CACHE_DIR = ".cache"
MAGIC = b"wmgraph-cache-5\n"
_CODE_DIR = Path(__file__).resolve().parent
_DIGEST = 4
_NAME = len(MAGIC) + 64  # the magic line and the entry's name
_HEAD = _NAME + 2 * _DIGEST + 8  # then a checksum of each part and the first part's length


def checksum(data: bytes | memoryview) -> bytes:
    """The CRC-32 of `data`, as stored in an entry's head."""
    return zlib.crc32(data).to_bytes(_DIGEST, "big")


@functools.cache
def code_digest() -> bytes:
    """A digest of wmgraph's version and code: a new wmgraph never reads an old wmgraph's cache."""
    from . import __version__  # here: the package imports this module while it starts

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(_CODE_DIR.rglob("*.py")):
        digest.update(path.relative_to(_CODE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


class Place(NamedTuple):
    """Where the first part of an entry lies, and its checksum: enough for another process to read it."""

    path: str
    offset: int
    size: int
    checksum: bytes


def read_place(place: Place) -> bytes | None:
    """The part at `place`, or None if it cannot be read or no longer matches its checksum."""
    try:
        with open(place.path, "rb") as stream:
            stream.seek(place.offset)
            data = stream.read(place.size)
    except OSError:
        return None
    return data if len(data) == place.size and checksum(data) == place.checksum else None


class PieceCache:
    """Cached pieces in one folder, named by what they were made from."""

    def __init__(self, folder: Path, salt: bytes) -> None:
        self.folder = folder
        self.salt = salt
        # Where each second part starts, and what it must match: the checksum in its entry or, for an
        # entry a parse worker of this build stored moments ago, its length (see `remember`).
        self.seconds: dict[str, tuple[int, bytes | int]] = {}
        self.firsts: dict[str, Place] = {}  # the first parts `load_first` found, by entry

    def key(self, shown: str, data: bytes) -> str:
        """The name of the entry for fact file `shown` with content `data`."""
        digest = hashlib.sha256(self.salt)
        digest.update(shown.encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        """Where entry `key` is stored."""
        return self.folder / f"{key}.pickle"

    def load_both(self, key: str) -> tuple[memoryview | None, memoryview | None]:
        """Both parts stored for `key`: the second is None if the first is (absent or not trustworthy)."""
        first = self.load_first(key)
        return first, self.load_second(key) if first is not None else None

    def load_first(self, key: str) -> memoryview | None:
        """The first part stored for `key` (None when absent or not trustworthy); `load_second` reads the rest.

        A build needs the checked pieces long before the rendered text, so the two are read apart.
        """
        try:
            with self.path(key).open("rb") as stream:
                head = stream.read(_HEAD)
                if len(head) != _HEAD or head[:_NAME] != MAGIC + key.encode():
                    return None
                size = int.from_bytes(head[-8:], "big")
                first = memoryview(stream.read(size))
        except OSError:
            return None
        if len(first) != size or checksum(first) != head[_NAME:_NAME + _DIGEST]:
            return None
        self.seconds[key] = (_HEAD + size, head[_NAME + _DIGEST:_NAME + 2 * _DIGEST])
        self.firsts[key] = Place(str(self.path(key)), _HEAD, size, head[_NAME:_NAME + _DIGEST])
        return first

    def load_second(self, key: str) -> memoryview | None:
        """The second part for `key`, after `load_first` found the first (None when not trustworthy)."""
        where = self.seconds.pop(key, None)
        if where is None:
            return None
        offset, expected = where
        try:
            with self.path(key).open("rb") as stream:
                # Mapped, not read: the second part is the bulk of the cache (91 MB at 10k entities),
                # and mapping spares copying it; entries are replaced whole, never rewritten in place.
                second = memoryview(mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ))[offset:]
        except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
            return None
        if isinstance(expected, int):
            return second if len(second) == expected else None
        return second if checksum(second) == expected else None  # also when the entry was replaced meanwhile

    def remember(self, key: str, first_size: int, second_size: int) -> None:
        """Let `load_second` read entry `key`, which a parse worker of this build has just stored.

        Its length is checked, not its checksum: the worker wrote it moments ago, and reading the
        rendered text again would cost 25 ms at 10k entities.
        """
        self.seconds[key] = (_HEAD + first_size, second_size)

    def store(self, key: str, first: bytes | memoryview, second: bytes | memoryview) -> bool:
        """Save two parts (pickles) as entry `key`; False if the cache cannot be written."""
        digests = checksum(first) + checksum(second)
        blob = MAGIC + key.encode() + digests + len(first).to_bytes(8, "big") + first + second
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=self.folder)
            with os.fdopen(handle, "wb") as stream:
                stream.write(blob)
            os.replace(temporary, self.path(key))
        except OSError:
            return False
        return True

    def prune(self, keep: set[str]) -> None:
        """Delete the entries not in `keep` (pieces of files that changed or went away)."""
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.suffix in (".pickle", ".tmp") and entry.stem not in keep:
                entry.unlink(missing_ok=True)
