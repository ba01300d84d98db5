"""Everything `wmgraph validate` checks beyond loading: near-duplicate names, modality and SHACL shapes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..model.checking import load_model
from ..model.model import Model
from ..model.quotes import normalise
from ..rdf.mapping import model_triples
from ..rdf.reading import read_rdf
from .decisions import judged_different
from .duplicates import near_duplicates
from .modality import modality_warnings
from .shacl import Violation, shacl_violations, to_rdflib


@dataclass
class CheckReport:
    """The loaded model, warnings about it, and SHACL violations (when asked for)."""

    model: Model
    warnings: list[Problem]
    violations: list[Violation] = field(default_factory=list)
    shacl_checked: str = ""  # what the shapes were checked against


def evidence_warnings(model: Model) -> list[Problem]:
    """Sources a reader cannot check: no URL and no stored text, or a stored text with no date."""
    warnings: list[Problem] = []
    for source in model.sources.values():
        where = source.location
        if not source.url and not source.text_file:
            warnings.append(Problem(where.file, where.line, where.column,
                                    f"source '{source.key}' has neither a URL nor a stored text",
                                    f"add 'url:', or store its text and add 'text: texts/{source.key}.txt'"))
        elif source.text_file and not (source.date or source.retrieved or source.date_unknown):
            warnings.append(Problem(where.file, where.line, where.column,
                                    f"source '{source.key}' has a stored text but no date",
                                    "add 'date:' (published), 'retrieved:' (when the text was read) or "
                                    "'date: unknown'"))
    return sorted(warnings + undated_warnings(model) + alias_warnings(model))


def undated_warnings(model: Model) -> list[Problem]:
    """Facts with an 'as-of' date whose sources all have none, and no note saying where the date comes from."""
    warnings: list[Problem] = []
    for fact in model.facts:
        as_of = fact.qualifier("as-of")
        if as_of is None or fact.qualifier("note") is not None:
            continue
        cited = [model.sources[key] for key in fact.sources if key in model.sources]
        if cited and not any(source.date for source in cited):
            where = fact.location
            warnings.append(Problem(where.file, where.line, where.column,
                                    f"'as-of: {as_of}' on a fact whose sources have no date",
                                    "remove it (an undated source dates nothing), or say in a 'note' "
                                    "where the date comes from"))
    return warnings


def alias_warnings(model: Model) -> list[Problem]:
    """Unanswered aliases that no stored text of their entity's sources holds as a word (no text: not checked)."""
    texts: dict[str, str] = {}  # each stored text, normalised once, case ignored
    warnings: list[Problem] = []
    for alias, key, where in model.alias_places:
        entity = model.entities.get(key)
        if entity is None or alias in dict(entity.alias_ok):
            continue
        cited = [model.sources[s] for s in entity.sources if s in model.sources and model.sources[s].text]
        for source in cited:
            if source.key not in texts:
                texts[source.key] = normalise(source.text, ignore_case=True).text
        wanted = re.compile(r"(?<!\w)" + re.escape(normalise(alias, ignore_case=True).text) + r"(?!\w)")
        if cited and not any(wanted.search(texts[source.key]) for source in cited):
            warnings.append(Problem(where.file, where.line, where.column,
                                    f"alias '{alias}' of '{key}' is in no text of its sources",
                                    "remove it, cite a source whose text uses it, or say why it stands "
                                    f"under 'alias-ok:' as '{alias}: ...'"))
    return warnings


def check_graph(graph_dir: Path, shacl: bool = False, rdf_file: Path | None = None) -> CheckReport:
    """Load and check `graph_dir`; with `shacl`, check its RDF (or `rdf_file`) against the shapes."""
    model = load_model(graph_dir)
    report = CheckReport(model, near_duplicates(model, judged_different(graph_dir)) + evidence_warnings(model)
                         + modality_warnings(model))
    if shacl or rdf_file is not None:
        # parsed by pyoxigraph, many times faster than rdflib's parsers; pyshacl then needs an rdflib graph
        data = to_rdflib(read_rdf(rdf_file) if rdf_file is not None else model_triples(model))
        report.violations = shacl_violations(data, model.vocabulary)
        report.shacl_checked = str(rdf_file) if rdf_file is not None else f"the RDF built from {graph_dir}"
    return report
