"""`merge KEEP OLD`: two entities made one by editing the fact files' text where they name OLD.

OLD's own entry leaves its file (the rest of the file stays as written) for `merged/OLD.yaml`,
as an `extend: true` block of KEEP with `formerly: [OLD]` and OLD's names as aliases, its facts,
quotes and comments kept as written; every fact elsewhere that names OLD names KEEP. The dry run
lists what moves, what would be duplicated and every conflict; `--apply` writes only when the
result validates. A merge is one commit, undone by `git revert`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis.diff import GraphDiff, compare
from ..analysis.phrasing import fact_sentence
from ..atomic import write_atomic
from ..errors import ValidationError, WmgraphError, display_path
from ..load.values import with_article
from ..model.checking import check_file, load_pieces, model_with
from ..model.files import find_fact_files
from ..model.model import Fact, Model

DROPPED_KEYS = ("type", "name", "aliases", "description", "url", "quote", "quote-case")
DATE_QUALIFIERS = ("date", "as-of", "start", "end")


class MergeRefused(WmgraphError):
    """A merge that cannot be made: an unknown id, or conflicts without --force."""


@dataclass
class MergePlan:
    """What a merge moves and changes, in words, and the new text of every file it edits."""

    keep: str
    old: str
    moves: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # path in the graph folder: new text ('' to remove)
    change: GraphDiff | None = None


def _same(fact: Fact, other: Fact, old: str, keep: str) -> bool:
    return (fact.relation, keep if fact.object == old else fact.object, fact.qualifiers) == \
        (other.relation, other.object, other.qualifiers)


def _inventory(model: Model, plan: MergePlan) -> None:
    """What moves, what would be duplicated, and the conflicts, from the model."""
    keep, old = model.entities[plan.keep], model.entities[plan.old]
    vocabulary = model.vocabulary
    if not (vocabulary.is_a(old.type, (keep.type,)) or vocabulary.is_a(keep.type, (old.type,))):
        plan.conflicts.append(f"different types: {plan.keep} is {with_article(keep.type)}, "
                              f"{plan.old} {with_article(old.type)}")
    for label, mine, theirs in (("description", keep.description, old.description), ("web", keep.url, old.url)):
        if mine and theirs and mine != theirs:
            plan.conflicts.append(f"two values of {label}: '{mine}' ({plan.keep}) and '{theirs}' ({plan.old}); "
                                  f"{plan.keep}'s is kept")
    for label, mine, theirs in (("description", keep.description, old.description), ("web", keep.url, old.url),
                                ("quote", keep.quote, old.quote)):
        if theirs and not mine:
            plan.moves.append(f"{label} not moved: '{theirs}' (an extend block cannot carry it: add it to "
                              f"{plan.keep}'s entry if wanted)")
    names = [name for name in (old.name, *old.aliases) if name not in (keep.name, *keep.aliases)]
    plan.moves += [f"alias: {name}" for name in names]
    plan.moves += [f"source: {source}" for source in old.sources if source not in keep.sources]
    kept = [fact for fact in model.facts if fact.subject == plan.keep]
    for fact in model.facts:
        if fact.subject != plan.old and fact.object != plan.old:
            continue
        where = f" ({fact.location})"
        plan.moves.append(("fact: " if fact.subject == plan.old else "reference: ")
                          + fact_sentence(model, fact) + (" [quoted]" if fact.quote else "") + where)
        if fact.subject != plan.old:
            continue
        twin = next((other for other in kept if _same(fact, other, plan.old, plan.keep)), None)
        if twin is not None:
            plan.duplicates.append(f"{fact_sentence(model, fact)}{where} is also {twin.location}")
            continue
        for other in kept:
            if other.relation == fact.relation and other.object == (plan.keep if fact.object == plan.old
                                                                     else fact.object):
                for key in DATE_QUALIFIERS:
                    ours, yours = other.qualifier(key), fact.qualifier(key)
                    if ours and yours and ours != yours:
                        plan.conflicts.append(f"different dates: {fact_sentence(model, fact)} has {key} {yours} "
                                              f"({fact.location}), {plan.keep}'s {ours} ({other.location})")


def _value_pattern(old: str) -> re.Pattern[str]:
    """OLD as a whole YAML value: after 'key: ', '- ', or inside a flow list."""
    word = re.escape(old)
    return re.compile(rf"(?m)(^\s*(?:- )?(?:[A-Za-z0-9_-]+: )?|[\[,] ?){word}(?=\s*(?:[,\]]|#|$))")


def _block_end(lines: list[str], start: int) -> int:
    """The index after the top-level entry that starts at line index `start`."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " #"):
        end += 1
    return end


def _extension(block: list[str], keep: str, old: str, names: list[str]) -> str:
    """OLD's entry as an extend block of KEEP: its type, name and other own keys dropped, its names aliases."""
    out = [f"{keep}:", "  extend: true", f"  formerly: [{old}]"]
    if names:
        out += ["  aliases:"] + [f"    - {json.dumps(name, ensure_ascii=False)}" for name in names]
    skipping = False
    for line in block[1:]:
        key = re.match(r"^  ([A-Za-z0-9_-]+):", line)
        if key:
            skipping = key[1] in DROPPED_KEYS
        elif line.strip() and not line.startswith("   ") and not line.startswith("  -"):
            skipping = False
        if not skipping:
            out.append(line)
    return "\n".join(out) + "\n"


def _edit_files(graph_dir: Path, model: Model, plan: MergePlan) -> None:
    """The new text of every file that names OLD, and OLD's entry as merged/OLD.yaml."""
    old = model.entities[plan.old]
    keep = model.entities[plan.keep]
    names = [name for name in dict.fromkeys((old.name, *old.aliases)) if name not in (keep.name, *keep.aliases)]
    pattern = _value_pattern(plan.old)
    files, _ = find_fact_files(graph_dir)
    for path in files:
        text = path.read_text(encoding="utf-8")
        if plan.old not in text:
            continue
        name = path.relative_to(graph_dir).as_posix()
        lines = text.splitlines(keepends=True)
        start = next((at for at, line in enumerate(lines) if line.rstrip() == f"{plan.old}:"), None)
        if start is not None and Path(old.location.file).name == path.name and old.location.line == start + 1:
            end = _block_end(lines, start)
            block = [line.rstrip("\n") for line in lines[start:end]]
            plan.files[f"merged/{plan.old}.yaml"] = _extension(block, plan.keep, plan.old, names)
            lines[start:end] = []
        elif start is not None:
            lines[start] = f"{plan.keep}:\n"
        plan.files[name] = pattern.sub(lambda found: found[1] + plan.keep, "".join(lines))


def plan_merge(graph_dir: Path, keep: str, old: str) -> MergePlan:
    """What merging OLD into KEEP would do, checked by validating the graph as the merge would leave it."""
    model, pieces = load_pieces(graph_dir)
    for key in (keep, old):
        if key not in model.entities:
            raise MergeRefused(f"no entity '{key}' in the graph")
    if keep == old:
        raise MergeRefused("KEEP and OLD are the same entity")
    plan = MergePlan(keep, old)
    _inventory(model, plan)
    _edit_files(graph_dir, model, plan)
    try:
        paths = {graph_dir / name: text.encode("utf-8") for name, text in plan.files.items()}
        changed = {path: check_file(model.vocabulary, path, display_path(path, graph_dir), raw=raw)
                   for path, raw in paths.items()}
        plan.change = compare(model, model_with(graph_dir, changed, pieces), "before", "after the merge")
    except ValidationError as error:
        plan.conflicts += [f"the merged graph would not validate: {problem}" for problem in error.problems]
    return plan


def apply_merge(graph_dir: Path, plan: MergePlan, force: bool = False) -> None:
    """Write the merge's files; refused while it has conflicts, unless `force` (KEEP's values win)."""
    if plan.conflicts and (not force or plan.change is None):
        raise MergeRefused(f"{len(plan.conflicts)} conflicts: resolve them in the fact files first"
                           + (", or merge with --force to keep KEEP's values" if plan.change else ""))
    for name, text in plan.files.items():
        (graph_dir / name).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(graph_dir / name, text.encode("utf-8"))
