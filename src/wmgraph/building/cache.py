"""The build cache: for each fact file, its checked piece and rendered chunks, in `output/.cache/files/`.

An entry is named by a digest of what it was made from: the fact file's name and bytes, the files
that are not fact files (vocabulary, sources, stored texts) and the output-format version, so an
edited file gets a new entry. Entries are written atomically and carry their own name and a CRC-32
of their body; one that cannot be read, is not a regular file, was stored under another name or
does not check is ignored and made again. The cache only saves time: deleting it is always safe,
and a folder that cannot be written is built without.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import zlib
from pathlib import Path

from .._version import __version__
from .stamp import OUTPUT_VERSION

CACHE_DIR = ".cache"
_MAGIC = b"wmgraph cache entry\n"
_HEAD = len(_MAGIC) + 64 + 4  # then the entry's own name (64 hex digits) and the CRC-32 of its body


class FileCache:
    """The entries of one output folder's cache."""

    def __init__(self, out_dir: Path, shared: bytes) -> None:
        self.folder = out_dir / CACHE_DIR / "files"
        self.salt = hashlib.sha256(f"{__version__} {OUTPUT_VERSION}\n".encode() + shared).digest()
        self.trouble = ""  # why entries could not be stored, if they could not

    def key(self, shown: str, data: bytes) -> str:
        """The name of the entry of a fact file shown as `shown` with bytes `data`."""
        digest = hashlib.sha256(self.salt)
        digest.update(f"{shown}\0{len(data)}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def load(self, key: str) -> memoryview | None:
        """The body of entry `key`, or None when it is absent or cannot be trusted."""
        try:
            # never wait on a FIFO or device put where an entry belongs
            handle = os.open(self.folder / key, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                return None
            with os.fdopen(handle, "rb", closefd=False) as stream:
                data = stream.read()
        except (OSError, MemoryError):
            return None
        finally:
            os.close(handle)
        if data[:_HEAD - 4] != _MAGIC + key.encode():
            return None
        body = memoryview(data)[_HEAD:]
        return body if zlib.crc32(body).to_bytes(4, "big") == data[_HEAD - 4:_HEAD] else None

    def store(self, key: str, body: bytes) -> None:
        """Store entry `key` (atomically); on failure, note why in `trouble` and go on."""
        if self.trouble:
            return
        temporary = ""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=self.folder)
            with os.fdopen(handle, "wb") as stream:
                stream.write(_MAGIC + key.encode() + zlib.crc32(body).to_bytes(4, "big"))
                stream.write(body)
            os.replace(temporary, self.folder / key)
        except OSError as error:
            if temporary:
                Path(temporary).unlink(missing_ok=True)
            self.trouble = f"the build cache in {self.folder} cannot be written ({error.strerror or error})"

    def prune(self, keep: set[str]) -> None:
        """Delete the entries not in `keep` (and any temporary file a killed build left behind)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name not in keep:
                try:
                    path = self.folder / name
                    if not path.is_dir() or path.is_symlink():
                        path.unlink()
                except OSError:
                    pass  # another build's entry, or not ours to delete: it does no harm
