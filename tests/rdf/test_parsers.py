"""Three independent Turtle parsers accept our Turtle and count the same triples as rdflib."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from wmgraph.building import BuildResult

from ..conftest import require_program

JS = Path(__file__).resolve().parents[1] / "js"


@pytest.fixture(scope="module")
def turtle(seed_build: BuildResult) -> Path:
    return next(p for p in seed_build.files if p.name == "wmgraph.ttl")


@pytest.mark.slow
def test_rdflib_count_matches_model(turtle: Path, seed_build: BuildResult) -> None:
    assert len(rdflib.Graph().parse(turtle, format="turtle")) == seed_build.counts["triples"]


def test_pyoxigraph_accepts_turtle(turtle: Path, seed_build: BuildResult) -> None:
    triples = list(pyoxigraph.parse(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == seed_build.counts["triples"]


def test_rapper_accepts_turtle(turtle: Path, seed_build: BuildResult) -> None:
    rapper = require_program("rapper")
    subprocess.run([rapper, "-q", "-i", "turtle", "-c", str(turtle)], check=True, capture_output=True)
    out = subprocess.run([rapper, "-q", "-i", "turtle", "-o", "ntriples", str(turtle)],
                         check=True, capture_output=True).stdout
    assert len(out.splitlines()) == seed_build.counts["triples"]


@pytest.mark.slow
def test_n3js_accepts_turtle(turtle: Path, seed_build: BuildResult) -> None:
    node = require_program("node")
    if not (JS / "node_modules" / "n3").is_dir():
        pytest.fail("N3.js is not installed: run `npm ci --prefix tests/js` (make test does)")
    out = subprocess.run([node, str(JS / "count-turtle.js"), str(turtle)], check=True,
                         capture_output=True, text=True).stdout
    assert int(out) == seed_build.counts["triples"]


@pytest.mark.slow
def test_parsers_reject_broken_turtle(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://example.org/a> <http://example.org/b> .\n")
    rapper = require_program("rapper")
    assert subprocess.run([rapper, "-q", "-i", "turtle", "-c", str(broken)], capture_output=True).returncode
    node = require_program("node")
    assert subprocess.run([node, str(JS / "count-turtle.js"), str(broken)], capture_output=True).returncode
    with pytest.raises(SyntaxError):
        list(pyoxigraph.parse(path=str(broken), format=pyoxigraph.RdfFormat.TURTLE))
