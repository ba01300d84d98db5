"""Everything `wmgraph validate` checks beyond loading: near-duplicate names and SHACL shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import rdflib

from ..errors import LoadError, Problem
from ..model.checking import load_model
from ..model.model import Model
from ..rdf.mapping import model_triples
from ..rdf.reading import RDF_FORMATS
from .duplicates import near_duplicates
from .shacl import Violation, shacl_violations, to_rdflib


@dataclass
class CheckReport:
    """The loaded model, warnings about it, and SHACL violations (when asked for)."""

    model: Model
    warnings: list[Problem]
    violations: list[Violation] = field(default_factory=list)
    shacl_checked: str = ""  # what the shapes were checked against


def _read_rdf(path: Path) -> rdflib.Graph:
    rdf_format = RDF_FORMATS.get(path.suffix)
    if rdf_format is None or not path.is_file():
        raise LoadError(f"{path}: no such RDF file (give a .nt, .ttl or .jsonld file)")
    try:
        return rdflib.Graph().parse(path, format=rdf_format)
    except Exception as error:  # rdflib raises many kinds of parse errors
        raise LoadError(f"{path}: not valid {rdf_format}: {error}") from error


def check_graph(graph_dir: Path, shacl: bool = False, rdf_file: Path | None = None) -> CheckReport:
    """Load and check `graph_dir`; with `shacl`, check its RDF (or `rdf_file`) against the shapes."""
    model = load_model(graph_dir)
    report = CheckReport(model, near_duplicates(model))
    if shacl or rdf_file is not None:
        data = _read_rdf(rdf_file) if rdf_file is not None else to_rdflib(model_triples(model))
        report.violations = shacl_violations(data, model.vocabulary)
        report.shacl_checked = str(rdf_file) if rdf_file is not None else f"the RDF built from {graph_dir}"
    return report
