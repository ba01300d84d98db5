"""Everything `wmgraph validate` checks beyond loading: near-duplicate names and SHACL shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..model.checking import load_model
from ..model.model import Model
from ..rdf.mapping import model_triples
from .duplicates import near_duplicates
from .rdf_input import read_rdf
from .shacl import Violation, shacl_violations, to_rdflib


@dataclass
class CheckReport:
    """The loaded model, warnings about it, and SHACL violations (when asked for)."""

    model: Model
    warnings: list[Problem]
    violations: list[Violation] = field(default_factory=list)
    shacl_checked: str = ""  # what the shapes were checked against


def check_graph(graph_dir: Path, shacl: bool = False, rdf_file: Path | None = None) -> CheckReport:
    """Load and check `graph_dir`; with `shacl`, check its RDF (or `rdf_file`) against the shapes."""
    model = load_model(graph_dir)
    report = CheckReport(model, near_duplicates(model))
    if shacl or rdf_file is not None:
        # parsed by pyoxigraph, many times faster than rdflib's parsers; pyshacl then needs an rdflib graph
        data = to_rdflib(read_rdf(rdf_file) if rdf_file is not None else model_triples(model))
        report.violations = shacl_violations(data, model.vocabulary)
        report.shacl_checked = str(rdf_file) if rdf_file is not None else f"the RDF built from {graph_dir}"
    return report
