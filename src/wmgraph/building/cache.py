"""The build cache: for each fact file, its checked piece and rendered chunks, in `output/.cache/files/`.

An entry is named by a digest of what it was made from: the fact file's name and bytes, the files
that are not fact files (vocabulary, sources, stored texts) and the output-format version, so an
edited file gets a new entry. Entries are written atomically and carry their own name and a CRC-32
of their body; one that cannot be read, is not a regular file, was stored under another name or
does not check is ignored and made again. An entry is plain data, never code: a JSON head (the
checked piece, and each chunk's subject, triple count and sizes) and then the chunks' bytes, so
reading a cache someone else wrote can give wrong data at worst, never run anything. The cache
never follows a symbolic link out of the output folder (a linked cache is not used) and deletes
only its own entries. It only saves time: deleting it is always safe, and a folder that cannot be
written is built without.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from .._version import __version__
from ..model.model import Entity, Fact, Location
from ..model.pieces import EntityPiece, FilePiece
from ..rdf.formats import Chunk
from .stamp import OUTPUT_VERSION

CACHE_DIR = ".cache"
_MAGIC = b"wmgraph cache entry, plain data\n"
_HEAD = len(_MAGIC) + 64 + 4  # then the entry's own name (64 hex digits) and the CRC-32 of its body
_OWN = re.compile(r"[0-9a-f]{64}|\.entry\..+\.tmp")  # the names of entries and of entries being written


class Rendered(NamedTuple):
    """A fact file checked on its own, and its subjects rendered (none if it has problems of its own)."""

    piece: FilePiece
    chunks: list[Chunk]


class FileCache:
    """The entries of one output folder's cache."""

    def __init__(self, out_dir: Path, shared: bytes) -> None:
        self.folder = out_dir / CACHE_DIR / "files"
        self.salt = hashlib.sha256(f"{__version__} {OUTPUT_VERSION}\n".encode() + shared).digest()
        self.trouble = ""  # why entries could not be stored, if they could not
        linked = next((path for path in (self.folder.parent, self.folder) if path.is_symlink()), None)
        self.usable = linked is None
        if linked is not None:
            self.trouble = f"the build cache {linked} is a symbolic link, which the build never follows"

    def key(self, shown: str, data: bytes) -> str:
        """The name of the entry of a fact file shown as `shown` with bytes `data`."""
        digest = hashlib.sha256(self.salt)
        digest.update(f"{shown}\0{len(data)}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def load(self, key: str) -> Rendered | None:
        """Entry `key`, or None when it is absent or cannot be trusted."""
        if not self.usable:
            return None
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
        if zlib.crc32(body).to_bytes(4, "big") != data[_HEAD - 4:_HEAD]:
            return None
        try:
            return _decoded(body)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):  # another wmgraph's entry
            return None

    def store(self, key: str, rendered: Rendered) -> None:
        """Store entry `key` (atomically); on failure, note why in `trouble` and go on."""
        if self.trouble:
            return
        body = _encoded(rendered)
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
        """Delete the entries not in `keep` (and any temporary file a killed build left behind), nothing else."""
        if not self.usable:
            return
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            path = self.folder / name
            if name in keep or not _OWN.fullmatch(name):
                continue
            try:
                if stat.S_ISREG(path.lstat().st_mode) and (name.endswith(".tmp") or _is_entry(path)):
                    path.unlink()
            except OSError:
                pass  # another build's entry, or not ours to delete: it does no harm


def _is_entry(path: Path) -> bool:
    """Tell whether the regular file `path` begins as an entry does."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        return os.read(handle, len(_MAGIC)) == _MAGIC
    finally:
        os.close(handle)


def _encoded(rendered: Rendered) -> bytes:
    """An entry's body: the JSON head, then every chunk's N-Triples, Turtle and JSON-LD bytes in turn."""
    piece, chunks = rendered
    entities = [[part.key, part.location, part.entity, part.facts, part.refs, part.sources, part.aliases,
                 part.quotes] for part in piece.entities]
    sizes = [[chunk.subject, chunk.triples, len(chunk.nt), len(chunk.turtle), len(chunk.jsonld)] for chunk in chunks]
    head = json.dumps([piece.shown, entities, sizes], ensure_ascii=False, separators=(",", ":"),
                      default=_number).encode()
    return b"".join([len(head).to_bytes(4, "big"), head,
                     *(part for chunk in chunks for part in (chunk.nt, chunk.turtle, chunk.jsonld))])


def _number(value: object) -> object:
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    raise TypeError(f"{type(value).__name__} in a cache entry")


def _decoded(body: memoryview) -> Rendered:
    """The piece and chunks an entry's body holds (raises ValueError, TypeError... on anything else)."""
    size = int.from_bytes(body[:4], "big")
    shown, entities, sizes = json.loads(bytes(body[4:4 + size]))
    position = 4 + size
    chunks = []
    for subject, triples, *lengths in sizes:
        texts = []
        for length in lengths:
            texts.append(bytes(body[position:position + length]))
            position += length
        nt, turtle, jsonld = texts
        chunks.append(Chunk(str(subject), nt, int(triples), turtle, jsonld))
    if position != len(body):
        raise ValueError("entry of another length")
    parts = [EntityPiece(str(key), Location(*location), _entity(entity), facts=[_fact(fact) for fact in facts],
                         refs=[_plain(ref) for ref in refs], sources=[_plain(source) for source in sources],
                         aliases=[_plain(alias) for alias in aliases], quotes=_plain(quotes))
             for key, location, entity, facts, refs, sources, aliases, quotes in entities]
    return Rendered(FilePiece(str(shown), entities=parts), chunks)


def _plain(value: Any) -> Any:
    """JSON's lists back into tuples and tagged numbers into Decimals."""
    if isinstance(value, list):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return Decimal(value["decimal"])
    return value


def _entity(values: list[Any] | None) -> Entity | None:
    if values is None:
        return None
    entity = Entity(*_plain(values))
    return entity._replace(location=Location(*entity.location))


def _fact(values: list[Any]) -> Fact:
    fact = Fact(*_plain(values))
    return fact._replace(location=Location(*fact.location))
