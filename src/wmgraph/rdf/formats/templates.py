"""Chunks from templates: subjects whose predicates, and most of whose objects, are known in advance.

Every qualified statement of one relation and set of qualifiers has the same predicates, and many of
the same objects (its types, its predicate, its relation key); only a few objects differ (subject,
object, qualifier values, sources). Such a subject's text in each format is worked out once per
shape, with the objects that differ left as numbered fields, and then filled in for every fact: the
same bytes `ChunkWriter.chunk` writes for the same triples, for a fraction of the work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..terms import RDF_TYPE, Literal, TemplateTriple, Term, sort_key
from . import ntriples, turtle
from .chunks import Chunk, ChunkWriter
from .grouping import Predicates


class Compiled(NamedTuple):
    """A template's text in each format, per subject, with `str.format` fields for its slots.

    The values of `slots` are spelled (see `ChunkWriter.spell`) and laid end to end: field
    4 * i + k stands for the k-th spelling of the value of `slots[i]`. The values of the first
    `subject_only` slots are only ever subjects (statement nodes): they are spelled without being
    remembered, as they will not come again.
    """

    slots: tuple[int, ...]
    subject_only: int
    subjects: tuple[int, ...]
    counts: tuple[int, ...]
    nt: tuple[str, ...]
    turtle: tuple[str, ...]
    jsonld: tuple[str, ...]


def _escaped(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _grouped(template: Sequence[TemplateTriple]) -> dict[int, dict[str, list[Term | int]]] | None:
    """The template's objects by subject and predicate; None when a slot shares a predicate (sorted at fill time)."""
    subjects: dict[int, dict[str, list[Term | int]]] = {}
    for subject, predicate, obj in template:
        objects = subjects.setdefault(subject, {}).setdefault(predicate, [])
        if obj not in objects or isinstance(obj, int):
            objects.append(obj)
    for predicates in subjects.values():
        for predicate, objects in predicates.items():
            has_slot = any(isinstance(o, int) for o in objects)
            if has_slot and (len(objects) > 1 or predicate == RDF_TYPE):
                return None
    return subjects


def compile_template(writer: ChunkWriter, template: Sequence[TemplateTriple]) -> Compiled | None:
    """Work out the text of a template's subjects (None if it needs sorting once filled: render those plainly)."""
    grouped = _grouped(template)
    if grouped is None:
        return None
    objects_slots = {obj for _, _, obj in template if isinstance(obj, int)}
    slots = [slot for slot in grouped if slot not in objects_slots]
    subject_only = len(slots)
    slots += sorted(objects_slots)

    def field(slot: int, spelling: int) -> str:
        return "{" + str(4 * slots.index(slot) + spelling) + "}"

    compact, nodes = writer.compact, writer.nodes
    counts, nt_texts, turtle_texts, jsonld_texts = [], [], [], []
    for subject, predicates in grouped.items():
        # N-Triples: lines sorted; those of one predicate sort together, and its objects among themselves
        lines = []
        for predicate, objects in predicates.items():
            head = field(subject, 0) + _escaped(f" <{predicate}> ")
            for obj in objects:
                spelled = "" if isinstance(obj, int) else ntriples.term(obj)
                text = field(obj, 0) if isinstance(obj, int) else _escaped(spelled)
                lines.append((ntriples.line_order(predicate), spelled, head + text + " .\n"))
        lines.sort()
        counts.append(len(lines))
        nt_texts.append("".join(text for _, _, text in lines))
        # Turtle: `a` first, then predicates sorted by IRI, objects sorted
        parts = []
        for predicate in turtle.predicate_order(predicates):
            name = "a" if predicate == RDF_TYPE else _escaped(compact.iri(predicate))
            objects = predicates[predicate]
            only = objects[0]
            if isinstance(only, int):
                text = field(only, 1)
            else:
                text = _escaped(", ".join([compact.term(o) for o in sorted(_terms(objects), key=sort_key)]))
            parts.append(name + " " + text)
        turtle_texts.append("\n" + field(subject, 1) + "\n    " + " ;\n    ".join(parts) + " .\n")
        # JSON-LD: members sorted by their names, "@id" and "@type" among them
        members = [("@id", '"@id": ' + field(subject, 3))]
        for predicate, objects in predicates.items():
            terms = _terms(objects)
            if predicate == RDF_TYPE and all(not isinstance(o, Literal) for o in terms):
                members.append(("@type", _escaped('"@type": [\n    ' + ",\n    ".join(
                    [nodes.iri(str(o)) for o in sorted(terms, key=sort_key)]) + "\n   ]")))
                continue
            raw, opening = nodes.key(predicate)
            only = objects[0]
            if isinstance(only, int):
                text = field(only, 2)
            else:
                text = _escaped(",\n    ".join([nodes.value(o) for o in sorted(terms, key=sort_key)]))
            members.append((raw, _escaped(opening) + text + "\n   ]"))
        members.sort(key=lambda member: member[0])
        jsonld_texts.append("  {{\n   " + ",\n   ".join([text for _, text in members]) + "\n  }}")
    return Compiled(tuple(slots), subject_only, tuple(grouped), tuple(counts), tuple(nt_texts),
                    tuple(turtle_texts), tuple(jsonld_texts))


def _terms(objects: list[Term | int]) -> list[Term]:
    return [o for o in objects if not isinstance(o, int)]


def fill(writer: ChunkWriter, compiled: Compiled, values: Sequence[Term]) -> list[Chunk]:
    """The chunks of a compiled template's subjects, its slots filled by `values`."""
    terms, spell = writer.terms, writer.spell
    spelled: list[str] = []
    for index, slot in enumerate(compiled.slots):
        value = values[slot]
        if index < compiled.subject_only:
            spelled += spell(value, False)
        else:
            spelled += terms.get(value) or spell(value)
    return [Chunk(str(values[subject]), nt.format(*spelled).encode(), count, ttl.format(*spelled).encode(),
                  jsonld.format(*spelled).encode())
            for subject, count, nt, ttl, jsonld
            in zip(compiled.subjects, compiled.counts, compiled.nt, compiled.turtle, compiled.jsonld, strict=True)]


def plain(writer: ChunkWriter, template: Sequence[TemplateTriple], values: Sequence[Term]) -> list[Chunk]:
    """The same chunks as `fill`, written subject by subject as any triples are (for any template)."""
    subjects: dict[str, Predicates] = {}
    for subject, predicate, obj in template:
        objects = subjects.setdefault(str(values[subject]), {}).setdefault(predicate, set())
        objects.add(values[obj] if isinstance(obj, int) else obj)
    return [writer.chunk(subject, predicates) for subject, predicates in subjects.items()]
