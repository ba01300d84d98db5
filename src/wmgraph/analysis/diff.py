"""Compare two versions of the graph (folders, built files or git revisions) fact by fact, in words."""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LoadError, WmgraphError
from ..model.checking import load_model
from ..model.model import Fact, Model, QualifierValue
from ..model.vocabulary import VOCABULARY_FILE, Vocabulary, read_vocabulary
from ..rdf.mapping import SCHEMA
from ..rdf.reading import SUFFIXES, model_from_triples, read_rdf
from ..rdf.terms import RDF, RDF_TYPE
from .phrasing import entity_name, fact_sentence, source_short


@dataclass
class GraphDiff:
    """What changed between two graphs, each line already in words."""

    old_label: str
    new_label: str
    entities_added: list[str] = field(default_factory=list)
    entities_removed: list[str] = field(default_factory=list)
    entities_renamed: list[str] = field(default_factory=list)
    entities_changed: list[tuple[str, list[str]]] = field(default_factory=list)
    facts_added: list[str] = field(default_factory=list)
    facts_removed: list[str] = field(default_factory=list)
    facts_changed: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Tell whether nothing changed."""
        return not any((self.entities_added, self.entities_removed, self.entities_renamed,
                        self.entities_changed, self.facts_added, self.facts_removed, self.facts_changed))


def _git(repo: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise LoadError("git is not installed; compare folders or built files instead") from error
    if done.returncode != 0:
        raise LoadError(f"git {' '.join(args)}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def _is_revision(graph_dir: Path, spec: str) -> bool:
    if not graph_dir.is_dir():
        return False
    done = subprocess.run(["git", "-C", str(graph_dir), "rev-parse", "--verify", "--quiet", spec + "^{commit}"],
                          capture_output=True, check=False)
    return done.returncode == 0


def _model_at_revision(graph_dir: Path, revision: str) -> Model:
    """Read the graph folder as it was at a git revision, through a temporary copy."""
    prefix = _git(graph_dir, "rev-parse", "--show-prefix").decode().strip()
    listing = _git(graph_dir, "ls-tree", "-r", "-z", "--name-only", revision, "--", ".").decode()
    names = [name for name in listing.split("\0") if name.endswith((".yaml", ".yml"))]
    if not names:
        raise LoadError(f"revision {revision} has no fact files in {graph_dir}")
    with tempfile.TemporaryDirectory(prefix="wmgraph-rev-") as folder:
        root = Path(folder) / "graph"
        texts = [name for name in listing.split("\0") if name.endswith(".txt")]  # the sources' stored texts
        for name in names + texts:
            relative = name[len(prefix):] if name.startswith(prefix) else name
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_git(graph_dir, "show", f"{revision}:{prefix}{relative}"))
        try:
            return load_model(root)
        except WmgraphError as error:
            raise LoadError(f"the graph at revision {revision} does not load:\n{error}") from error


def load_version(spec: str, graph_dir: Path) -> tuple[Model, str]:
    """Read one side of a diff (folder, built RDF file or git revision), with a label for it."""
    path = Path(spec)
    if path.is_dir():
        return load_model(path), spec
    if path.is_file() and path.suffix in SUFFIXES:
        vocabulary = _current_vocabulary(graph_dir, spec)
        triples = read_rdf(path, skip=_unread(vocabulary))
        try:
            return model_from_triples(triples, vocabulary, spec), spec
        except ValueError as error:  # a literal that is not what its datatype says, in a hand-edited file
            raise LoadError(f"{spec}: {error}") from error
    if path.exists():
        raise LoadError(f"'{spec}' is neither a graph folder nor a built file (.nt, .ttl, .jsonld)")
    if _is_revision(graph_dir, spec):
        return _model_at_revision(graph_dir, spec), f"{graph_dir} at {spec}"
    raise LoadError(f"'{spec}' is not a graph folder, a built file (.nt, .ttl, .jsonld) "
                    f"or a git revision of {graph_dir}")


def _unread(vocabulary: Vocabulary) -> frozenset[str]:
    """Predicates a model is not rebuilt from: types, names and the direct links beside each statement.

    Leaving them out at parse time saves a third of the work on a built file of 10k entities.
    """
    kept = {vocabulary.expand(qualifier.property) for qualifier in vocabulary.qualifiers.values()}
    direct = {vocabulary.expand(relation.property) for relation in vocabulary.relations.values()}
    return frozenset({RDF_TYPE, RDF + "predicate", SCHEMA + "name"} | (direct - kept))


def _current_vocabulary(graph_dir: Path, spec: str) -> Vocabulary:
    path = graph_dir / VOCABULARY_FILE
    if not path.is_file():
        raise LoadError(f"reading {spec} needs the vocabulary in {path} (use --graph DIR)")
    return read_vocabulary(path)


def _qualifiers(fact: Fact) -> dict[str, QualifierValue]:
    """A fact's qualifiers as RDF keeps them: lists unordered, the default currency implied."""
    values: dict[str, QualifierValue] = {}
    for key, value in fact.qualifiers:
        values[key] = tuple(sorted(value)) if isinstance(value, tuple) else value
    if values.get("currency") == "GBP":
        del values["currency"]
    return values


def _status(model: Model, fact: Fact) -> str:
    """A fact's status as shown, its default named too ('stated'), so that no status and the default compare equal."""
    status = model.vocabulary.statuses.get(fact.status or model.vocabulary.default_status(fact.relation))
    return status.label if status is not None else fact.status or "(none)"


def _fact_changes(old: Model, new: Model, before: Fact, after: Fact) -> list[str]:
    changes = []
    if before.object != after.object:
        changes.append(f"object: {before.object} -> {after.object}")
    if _status(old, before) != _status(new, after):
        changes.append(f"status: {_status(old, before)} -> {_status(new, after)}")
    if before.status_date != after.status_date:
        changes.append(f"status date: {before.status_date or '(none)'} -> {after.status_date or '(none)'}")
    was, now = _qualifiers(before), _qualifiers(after)
    for key in sorted(set(was) | set(now)):
        if was.get(key) != now.get(key):
            label = new.vocabulary.qualifiers[key].label if key in new.vocabulary.qualifiers else key
            changes.append(f"{label}: {was.get(key, '(none)')} -> {now.get(key, '(none)')}")
    for source in after.sources:
        if source not in before.sources:
            changes.append(f"+ source: {source_short(new, source)}")
    for source in before.sources:
        if source not in after.sources:
            changes.append(f"- source: {source_short(old, source)}")
    return changes


def _entity_text(model: Model, key: str) -> str:
    entity = model.entities[key]
    entity_type = model.vocabulary.entity_types.get(entity.type)
    return f"{entity.name} ({entity_type.label if entity_type else entity.type}, {key})"


def compare(old: Model, new: Model, old_label: str, new_label: str) -> GraphDiff:
    """Compare two models by entity id and statement id."""
    result = GraphDiff(old_label, new_label)
    for key in sorted(set(new.entities) - set(old.entities)):
        result.entities_added.append(_entity_text(new, key))
    for key in sorted(set(old.entities) - set(new.entities)):
        result.entities_removed.append(_entity_text(old, key))
    for key in sorted(set(old.entities) & set(new.entities)):
        before, after = old.entities[key], new.entities[key]
        if before.name != after.name:
            result.entities_renamed.append(f"{key}: {before.name} -> {after.name}")
        changes = []
        for label, was, now in (("type", before.type, after.type),
                                ("aliases", ", ".join(sorted(before.aliases)), ", ".join(sorted(after.aliases))),
                                ("description", before.description, after.description),
                                ("web", before.url, after.url),
                                ("sources", ", ".join(sorted(before.sources)), ", ".join(sorted(after.sources)))):
            if was != now:
                changes.append(f"{label}: {was or '(none)'} -> {now or '(none)'}")
        if changes:
            result.entities_changed.append((entity_name(new, key), changes))
    old_facts = {fact.key: fact for fact in old.facts}
    new_facts = {fact.key: fact for fact in new.facts}
    for key in sorted(set(new_facts) - set(old_facts)):
        result.facts_added.append(fact_sentence(new, new_facts[key]))
    for key in sorted(set(old_facts) - set(new_facts)):
        result.facts_removed.append(fact_sentence(old, old_facts[key]))
    for key in sorted(set(old_facts) & set(new_facts)):
        changes = _fact_changes(old, new, old_facts[key], new_facts[key])
        if changes:
            result.facts_changed.append((fact_sentence(new, new_facts[key]), changes))
    return result


def diff_graphs(old_spec: str, new_spec: str, graph_dir: Path) -> GraphDiff:
    """Compare two versions given as folders, built RDF files or git revisions of `graph_dir`."""
    old, old_label = load_version(old_spec, graph_dir)
    new, new_label = load_version(new_spec, graph_dir)
    return compare(old, new, old_label, new_label)
