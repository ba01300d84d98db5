"""Write docs/vocabulary.md from the vocabulary file, so the reference never drifts."""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_atomic
from ..errors import OutputError
from .vocabulary import VOCABULARY_FILE, Vocabulary, read_vocabulary


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def vocabulary_markdown(vocabulary: Vocabulary) -> str:
    """Render the vocabulary as a Markdown reference page."""
    out = [
        "# wmgraph vocabulary",
        "",
        "Generated from `graph/vocabulary.yaml` by `wmgraph vocabulary`; do not edit by hand.",
        "",
        f"Entity IRIs are `{vocabulary.base}<id>`; statement nodes `{vocabulary.base}statement/<id>`; "
        f"sources `{vocabulary.base}source/<id>`. Project terms live in `{vocabulary.project_namespace}` "
        "(prefix `wm:`), used only where no standard vocabulary has a term.",
        "",
        "## Prefixes",
        "",
        *_table(["prefix", "namespace"], [[k, f"`{v}`"] for k, v in sorted(vocabulary.prefixes.items())]),
        "",
        "## Entity types",
        "",
        "A child type inherits its parent's classes and is allowed wherever the parent is.",
        "",
    ]
    rows = []
    for t in vocabulary.entity_types.values():
        parent = t.ancestors[0] if t.ancestors else ""
        rows.append([f"`{t.key}`", t.label, parent, ", ".join(f"`{c}`" for c in t.classes),
                     f"{t.shape}, `{t.colour}`"])
    out += _table(["type", "label", "parent", "RDF classes", "drawn as"], rows)
    out += ["", "## Relations and fact types", "",
            "Object `text` takes a literal; object `none` is a fact about the subject alone "
            "(write `relation: ~`). Reverse relations are written object to subject in RDF.", ""]
    rows = []
    for r in vocabulary.relations.values():
        obj = r.object_kind if r.object_kind != "entity" else ", ".join(r.object_types)
        flags = ", ".join(f for f, on in (("reverse", r.reverse), ("symmetric", r.symmetric),
                                          (f"default status `{r.default_status}`", bool(r.default_status)),
                                          ("statuses: " + ", ".join(r.statuses), bool(r.statuses))) if on)
        qualifiers = ", ".join(q if q not in r.required else f"**{q}**" for q in r.qualifiers)
        rows.append([f"`{r.key}`", r.label, f"`{r.property}`" + (f" ({flags})" if flags else ""),
                     ", ".join(r.subject_types), obj, qualifiers,
                     f"`{r.statement_class}`" if r.statement_class else ""])
    out += _table(["relation", "label", "property", "subject", "object", "qualifiers (**required**)",
                   "statement class"], rows)
    out += _status_lines(vocabulary)
    out += ["", "## Qualifiers", "", "Every fact also takes `source:` (one id or a list), which is required, and "
            "may take `quote:` (with `quote-case: ignore`), `status:` and `status-date:`, and `modality-ok:` "
            "(see docs/fact-files.md).", ""]
    rows = [[f"`{q.key}`", q.label, f"`{q.property}`", q.datatype, q.comment]
            for q in vocabulary.qualifiers.values()]
    out += _table(["key", "label", "property", "datatype", "meaning"], rows)
    return "\n".join(out) + "\n"


def _status_lines(vocabulary: Vocabulary) -> list[str]:
    """The statuses section ('' when the vocabulary declares none)."""
    if not vocabulary.statuses:
        return []
    rows = [[f"`{k}`" + (" (default)" if v.default else ""), v.label, "yes" if v.truthy else "no",
             "yes" if v.retracts else "no", v.comment] for k, v in vocabulary.statuses.items()]
    return ["", "## Statuses", "",
            "Any fact may carry one of these in `status:` (with `status-date:`); a fact that gives none has its "
            "relation's default status, else the default below. Only a truthy status gives the plain triple; "
            "every status but the default is on the statement node (`wm:status`), see docs/rdf.md.", "",
            *_table(["status", "label", "truthy (plain triple)", "retracts", "meaning"], rows)]


def write_vocabulary_doc(graph_dir: Path, out_file: Path, check: bool = False) -> bool:
    """Write the Markdown reference of `graph_dir`'s vocabulary to `out_file`; False if it already held it."""
    vocabulary = read_vocabulary(graph_dir / VOCABULARY_FILE)
    text = vocabulary_markdown(vocabulary).encode("utf-8")
    try:
        if out_file.is_file() and out_file.read_bytes() == text:
            return False
    except OSError:
        pass  # unreadable: written again below, or the error says why
    if check:
        raise OutputError(f"{out_file} is not the reference of {graph_dir / VOCABULARY_FILE}: "
                          f"run `wmgraph vocabulary` without --check to write it.")
    write_atomic(out_file, text)
    return True
