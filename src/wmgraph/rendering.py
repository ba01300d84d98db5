"""Render a checked fact file into chunks, then give its entities what other facts say about them.

A file is rendered on its own (in a worker, and cached as it is): each entity's own subject and
the statement nodes of its facts. A fact's triple about another entity (the object of a reverse
or symmetric relation) is left out there; once the whole model is known, `incoming_chunks`
renders again the subject of each entity that such triples point at, and the rendering is
patched with them (they are cached apart), so every subject is written once and whole.
"""

from __future__ import annotations

import hashlib
import pickle
from array import array
from collections.abc import Mapping
from itertools import accumulate

from .model.model import Entity, Fact
from .model.pieces import FilePiece
from .model.vocabulary import Vocabulary
from .rdf.formats.chunks import Chunk, ChunkWriter
from .rdf.formats.grouping import by_subject
from .rdf.formats.templates import Compiled, compile_template, fill, plain
from .rdf.mapping import (
    Direct,
    StatementShape,
    direct_parts,
    direct_triples,
    entity_iri,
    entity_triples,
    statement_template,
    statement_values,
)
from .rdf.terms import TemplateTriple, Triple

Text = bytes | memoryview


class Rendered:
    """One fact file rendered: its subjects (each entity's own, then its statements'), each format's text whole.

    The text of every format is one piece, with the size of each subject's share, so that a build
    reads it back from the cache as a view (no copying, no object per subject) and cuts it only
    when putting the documents together.
    """

    def __init__(self, subjects: list[str], counts: array[int], owners: list[int], texts: list[Text],
                 sizes: list[array[int]]) -> None:
        self.subjects = subjects  # chunk i's subject
        self.counts = counts  # chunk i's distinct triples
        self.owners = owners  # the chunk of each entity's own subject, in entity order
        self.texts = texts  # per format, every chunk's text in order
        self.sizes = sizes  # per format, each chunk's share of the text
        self.patches: dict[int, Chunk] = {}  # chunks rendered again, in place of those at their index (`patch`)

    @classmethod
    def of(cls, entities: list[list[Chunk]]) -> Rendered:
        """Put together the chunks of each entity (its own subject first)."""
        chunks = [chunk for own in entities for chunk in own]
        owners = list(accumulate((len(own) for own in entities[:-1]), initial=0)) if entities else []
        texts = [[chunk.nt for chunk in chunks], [chunk.turtle for chunk in chunks], [chunk.jsonld for chunk in chunks]]
        return cls([chunk.subject for chunk in chunks], array("L", [chunk.nt_count for chunk in chunks]), owners,
                   [b"".join(text) for text in texts], [array("L", map(len, text)) for text in texts])

    @property
    def triple_count(self) -> int:
        """Distinct triples in the chunks."""
        return sum(self.counts) + sum(chunk.nt_count - self.counts[index] for index, chunk in self.patches.items())

    def parts(self) -> list[list[Text]]:
        """Per format, each chunk's text as a view of the whole (or the text of its patch)."""
        result: list[list[Text]] = []
        for which, (text, sizes) in enumerate(zip(self.texts, self.sizes, strict=True)):
            view = memoryview(text)
            ends = list(accumulate(sizes))
            parts: list[Text] = [view[end - size:end] for end, size in zip(ends, sizes, strict=True)]
            for index, chunk in self.patches.items():
                parts[index] = (chunk.nt, chunk.turtle, chunk.jsonld)[which]
            result.append(parts)
        return result

    def patch(self, chunks: Mapping[int, Chunk]) -> None:
        """Put `chunks` in place of the chunks at those indexes (rendered again); the text stays as it was."""
        self.patches.update(chunks)

    def to_bytes(self) -> bytes:
        """The rendering as one blob (see `from_buffer`): a pickled index, then each format's text (no patches)."""
        index = pickle.dumps((self.subjects, self.counts, self.owners, self.sizes),
                             protocol=pickle.HIGHEST_PROTOCOL)
        return b"".join([len(index).to_bytes(8, "big"), index, *self.texts])

    @classmethod
    def from_buffer(cls, blob: Text) -> Rendered:
        """Read back `to_bytes`; the texts stay views of `blob`."""
        view = memoryview(blob)
        size = int.from_bytes(view[:8], "big")
        subjects, counts, owners, sizes = pickle.loads(view[8:8 + size])
        texts: list[Text] = []
        at = 8 + size
        for lengths in sizes:
            end = at + sum(lengths)
            texts.append(view[at:end])
            at = end
        if at != len(view):
            raise ValueError("the rendered texts do not fill the blob")
        return cls(subjects, counts, owners, texts, sizes)


def is_clean(piece: FilePiece) -> bool:
    """Tell whether a checked file has no problems of its own (so it can be rendered)."""
    return not piece.problems and all(not part.problems and part.entity is not None for part in piece.entities)


class PieceWriter:
    """Renders the subjects of fact files; keeps the spellings and statement templates it has worked out."""

    def __init__(self, vocabulary: Vocabulary, prefixes: Mapping[str, str]) -> None:
        self.vocabulary = vocabulary
        self.chunks = ChunkWriter(prefixes)
        self.templates: dict[StatementShape, tuple[list[TemplateTriple], Compiled | None]] = {}

    def statement(self, fact: Fact, parts: Direct) -> list[Chunk]:
        """The chunks of a fact's statement node and its monetary amounts (`parts`: its direct_parts)."""
        shape, values = statement_values(self.vocabulary, fact, parts)
        found = self.templates.get(shape)
        if found is None:
            template = statement_template(self.vocabulary, shape)
            found = self.templates[shape] = (template, compile_template(self.chunks, template))
        template, compiled = found
        if compiled is None:  # two objects of one predicate may come in either order: plain writing sorts them
            return plain(self.chunks, template, values)
        return fill(self.chunks, compiled, values)

    def entity(self, entity: Entity, triples: list[Triple]) -> Chunk:
        """The chunk of an entity's own subject, with `triples` (about it) besides its description."""
        own = entity_iri(self.vocabulary, entity.key)
        return self.chunks.chunk(own, by_subject([*entity_triples(self.vocabulary, entity), *triples])[own])


def render_piece(writer: PieceWriter, piece: FilePiece) -> Rendered:
    """Render the entities and statements of a checked fact file that has no problems."""
    vocabulary = writer.vocabulary
    entities: list[list[Chunk]] = []
    for part in piece.entities:
        assert part.entity is not None
        own = entity_iri(vocabulary, part.key)
        triples: list[Triple] = []
        statements: list[Chunk] = []
        for fact in part.facts:
            parts = direct_parts(vocabulary, fact)
            # the triples a reverse or symmetric relation gives another entity come in incoming_chunks
            triples += [triple for triple in direct_triples(vocabulary, fact, parts) if triple[0] == own]
            statements += writer.statement(fact, parts)
        entities.append([writer.entity(part.entity, triples), *statements])
    return Rendered.of(entities)


def incoming_digest(piece: FilePiece, incoming: Mapping[str, list[Triple]]) -> str:
    """A digest of the triples other facts state about the entities of a file ('' if there are none)."""
    digest = None
    for part in piece.entities:
        extra = incoming.get(part.key)
        if extra:
            digest = digest or hashlib.sha256()
            digest.update(repr((part.key, sorted(extra))).encode())
    return digest.hexdigest() if digest is not None else ""


def incoming_chunks(writer: PieceWriter, piece: FilePiece, rendered: Rendered,
                    incoming: Mapping[str, list[Triple]]) -> dict[int, Chunk]:
    """The chunks of a file's entities that other facts state something about, with those triples, by index."""
    vocabulary = writer.vocabulary
    again: dict[int, Chunk] = {}
    for part, chunk_index in zip(piece.entities, rendered.owners, strict=True):
        extra = incoming.get(part.key)
        if extra and part.entity is not None:
            own = entity_iri(vocabulary, part.key)
            triples = [t for fact in part.facts for t in direct_triples(vocabulary, fact) if t[0] == own]
            again[chunk_index] = writer.entity(part.entity, triples + extra)
    return again
