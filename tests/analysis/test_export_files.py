"""Issue 16, exports and terminals: complete exports, GEXF 1.3, colours and time, hostile names, --out targets."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from wmgraph.analysis.exports import export_text
from wmgraph.cli.main import main
from wmgraph.errors import WmgraphError
from wmgraph.load.values import date_bounds
from wmgraph.model.checking import load_model
from wmgraph.model.model import Entity, Fact, Location, Model
from wmgraph.model.vocabulary import read_vocabulary

from ..conftest import SEED_GRAPH

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
NIHR = "national-institute-for-health-and-care-research"
XML_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# what the GEXF 1.3 schema (gexf.xsd, viz.xsd, dynamics.xsd, data.xsd) allows of the parts wmgraph writes
GRAPH_ATTRIBUTES = {"defaultedgetype": {"directed", "undirected", "mutual"}, "mode": {"static", "dynamic"},
                    "idtype": {"integer", "string"}, "timeformat": {"integer", "double", "date", "dateTime"},
                    "timerepresentation": {"interval", "timestamp"}}
ATTRIBUTE_TYPES = {"integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI"}
CHILDREN = {"gexf": {"meta", "graph"}, "meta": {"creator", "keywords", "description"},
            "graph": {"attributes", "nodes", "edges"}, "attributes": {"attribute"}, "nodes": {"node"},
            "edges": {"edge"}, "node": {"attvalues", "color"}, "edge": {"attvalues", "color"},
            "attvalues": {"attvalue"}}
ALLOWED = {"gexf": {"version"}, "attributes": {"class", "mode"}, "attribute": {"id", "title", "type"},
           "node": {"id", "label"}, "edge": {"id", "source", "target", "label", "start", "end"},
           "attvalue": {"for", "value"}, "color": {"r", "g", "b", "a"}, "graph": set(GRAPH_ATTRIBUTES)}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _local(tag: str) -> str:
    return tag.split("}")[-1]


def _check_element(element: ET.Element) -> None:
    name = _local(element.tag)
    namespace = VIZ if name == "color" else GEXF
    assert element.tag == namespace + name, element.tag
    for child in element:
        assert _local(child.tag) in CHILDREN.get(name, set()), f"{child.tag} in {name}"
        _check_element(child)
    if name in ALLOWED:
        unknown = {key for key in element.attrib if not key.startswith("{")} - ALLOWED[name]
        assert not unknown, f"{name} has {unknown}"
    if name == "color":
        assert all(0 <= int(element.get(c, "")) <= 255 for c in "rgb") and 0 <= float(element.get("a", "1")) <= 1


def check_gexf_13(text: str) -> ET.Element:
    """A hand-written check of the GEXF 1.3 schema's rules for the elements and attributes wmgraph writes."""
    root = ET.fromstring(text)
    assert root.tag == GEXF + "gexf" and root.get("version") == "1.3"
    _check_element(root)
    graph = root.find(GEXF + "graph")
    assert graph is not None
    for key, value in graph.attrib.items():
        assert value in GRAPH_ATTRIBUTES[key], (key, value)
    declared: dict[str, set[str]] = {"node": set(), "edge": set()}
    for section in graph.iter(GEXF + "attributes"):
        assert section.get("class") in declared and section.get("mode", "static") in ("static", "dynamic")
        for attribute in section:
            assert attribute.get("type") in ATTRIBUTE_TYPES and attribute.get("id")
            declared[str(section.get("class"))].add(str(attribute.get("id")))
    node_ids = [node.get("id") for node in graph.iter(GEXF + "node")]
    assert len(node_ids) == len(set(node_ids)) and all(node_ids)
    edge_ids = [edge.get("id") for edge in graph.iter(GEXF + "edge")]
    assert len(edge_ids) == len(set(edge_ids))
    for kind in ("node", "edge"):
        for element in graph.iter(GEXF + kind):
            assert {v.get("for") for v in element.iter(GEXF + "attvalue")} <= declared[kind]
    for edge in graph.iter(GEXF + "edge"):
        assert edge.get("source") in node_ids and edge.get("target") in node_ids
        start, end = edge.get("start"), edge.get("end")
        for day in (start, end):
            assert day is None or (XML_DATE.match(day) and graph.get("timeformat") == "date")
        assert not (start and end) or start <= end
    return root


def test_seed_gexf_is_gexf_13_with_colours_and_intervals() -> None:
    model = load_model(SEED_GRAPH)
    text = export_text(model, "gexf")
    root = check_gexf_13(text)
    graph = root.find(GEXF + "graph")
    assert graph is not None and "name" not in graph.attrib
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("timerepresentation")) == ("dynamic", "date",
                                                                                             "interval")
    colours = {n.get("id"): n.find(VIZ + "color") for n in root.iter(GEXF + "node")}
    for key, entity in model.entities.items():
        colour = colours[key]
        assert colour is not None
        wanted = model.vocabulary.entity_types[entity.type].colour
        assert "#{:02x}{:02x}{:02x}".format(*(int(colour.get(c, "")) for c in "rgb")) == wanted.lower()
    edges = {e.get("id"): e for e in root.iter(GEXF + "edge")}
    dated = [fact for fact in model.facts if fact.qualifier("start") or fact.qualifier("end")]
    assert dated
    for fact in dated:
        edge = edges[fact.key]
        start, end = fact.qualifier("start"), fact.qualifier("end")
        assert edge.get("start") == (date_bounds(str(start))[0] if start else None)
        assert edge.get("end") == (date_bounds(str(end))[1] if end else None)
    read = nx.read_gexf(io.BytesIO(text.encode()), version="1.3")
    assert read.number_of_edges() == len(edges)


@pytest.mark.slow
def test_exports_carry_every_fact_and_the_funders_links(in_tmp: Path) -> None:
    model = load_model(SEED_GRAPH)
    valued = [fact for fact in model.facts if not fact.object_is_entity]
    assert len(valued) == 44  # 5G coverage is a ranking with no named compiler: a statistic
    graph = nx.read_graphml(io.BytesIO(export_text(model, "graphml").encode()), force_multigraph=True)
    keys = {key for _, _, key in graph.edges(keys=True)}
    assert {fact.key for fact in model.facts} <= keys
    for fact in valued:
        node = graph.nodes[f"statement:{fact.key}"]
        assert node["kind"] == "statement" and node["type"] == fact.relation
    funders = {v for u, v, d in graph.edges(data=True) if d.get("relation") == "funders"}
    assert {NIHR, "eureka", "innovate-uk"} <= funders
    mentioned = {fact.subject for fact in model.facts} | {f.object for f in model.facts if f.object_is_entity}
    isolated = {node for node in graph if graph.degree(node) == 0}
    assert not isolated & mentioned and NIHR not in isolated and "eureka" not in isolated
    assert run("export", "--graph", str(SEED_GRAPH), "--format", "csv", "--out", "t")[0] == 0
    with open(in_tmp / "t" / "sources.csv", newline="") as stream:
        sources = list(csv.DictReader(stream))
    assert [row["id"] for row in sources] == sorted(model.sources)
    with open(in_tmp / "t" / "edges.csv", newline="") as stream:
        assert {row["key"] for row in csv.DictReader(stream)} == keys


@pytest.mark.slow
def test_exports_are_byte_identical_run_to_run(in_tmp: Path) -> None:
    for name in ("gexf", "graphml"):
        assert run("export", "--graph", str(SEED_GRAPH), "--format", name) == \
            run("export", "--graph", str(SEED_GRAPH), "--format", name)
    run("export", "--graph", str(SEED_GRAPH), "--format", "csv", "--out", "a")
    run("export", "--graph", str(SEED_GRAPH), "--format", "csv", "--out", "b")
    for name in ("nodes.csv", "edges.csv", "sources.csv"):
        assert (in_tmp / "a" / name).read_bytes() == (in_tmp / "b" / name).read_bytes()


HOSTILE = "Evil\x1b]0;owned\x07 Co\x00\x0b\u202e\ufffe"


def _hostile_model() -> Model:
    model = Model(read_vocabulary(SEED_GRAPH / "vocabulary.yaml"))
    where = Location("x.yaml", 1, 1)
    model.entities["evil"] = Entity("evil", "company", HOSTILE, where, ("s",), (HOSTILE,), "about\x01" + HOSTILE)
    model.entities["place"] = Entity("place", "city", "Place", where, ("s",))
    model.facts.append(Fact("evil.based-in.place", "evil", "based-in", "place", True, (("note", HOSTILE),), ("s",),
                            where))
    return model


@pytest.mark.parametrize("format_name", ["gexf", "graphml"])
def test_control_characters_give_well_formed_xml(format_name: str) -> None:
    text = export_text(_hostile_model(), format_name)
    ET.fromstring(text)  # well-formed: raises on any character XML 1.0 forbids
    read = nx.read_gexf if format_name == "gexf" else nx.read_graphml
    graph = read(io.BytesIO(text.encode()))
    name = graph.nodes["evil"]["label" if format_name == "gexf" else "name"]
    assert name == "Evil\ufffd]0;owned\ufffd Co\ufffd\ufffd\u202e\ufffd"
    if format_name == "gexf":
        check_gexf_13(text)


@pytest.mark.parametrize(("written", "shown"), [
    ("Evil\\e]0;owned\\a Co\\u202e", r"Evil\x1b]0;owned\x07 Co\u202e"),  # retitles an xterm; reverses text
    ("Evil\\u202e Co\\u2066", r"Evil\u202e Co\u2066"),
])
def test_terminal_output_escapes_control_characters(mini_graph: Path, in_tmp: Path, written: str, shown: str) -> None:
    with (mini_graph / "organisations.yaml").open("a") as file:
        file.write(f'evil:\n  type: company\n  name: "{written}"\n  source: uktn-jobs\n'
                   "  facts:\n    - based-in: birmingham\n      source: uktn-jobs\n")
    if "\\e" in written:  # control characters: the loader refuses them outright, located
        with pytest.raises(WmgraphError, match="organisations.yaml:"):
            load_model(mini_graph)
        code, output = run("show", "evil")
        assert code == 1 and "\x1b" not in output and "\x07" not in output
        return
    load_model(mini_graph)
    assert run("show", "evil")[1].splitlines()[0] == f"{shown} (evil)"
    assert f"1. {shown} based in Birmingham" in run("path", "evil", "birmingham")[1]
    output = run("stats")[1]
    assert shown in output and not re.search("[\x1b\x07\u202e\u2066]", output)
    code, output = run("show", "Evil\u202e Cx")
    assert code == 1 and "\u202e" not in output and r"Evil\u202e Cx" in output


def test_show_error_messages_are_escaped_too(mini_graph: Path, in_tmp: Path) -> None:
    code, output = run("show", "no\x1b[2Jbody")
    assert (code, output) == (1, "Error: no entity called 'no\\x1b[2Jbody'\n")


def test_export_writes_through_a_symbolic_link(mini_graph: Path, in_tmp: Path) -> None:
    (in_tmp / "real.gexf").write_text("old")
    (in_tmp / "link.gexf").symlink_to("real.gexf")
    assert run("export", "--format", "gexf", "--out", "link.gexf") == (0, "Wrote link.gexf.\n")
    assert (in_tmp / "link.gexf").is_symlink()
    assert (in_tmp / "real.gexf").read_text().startswith("<?xml")


def test_export_refuses_a_device_a_fifo_or_a_folder(mini_graph: Path, in_tmp: Path) -> None:
    assert run("export", "--format", "nt", "--out", "/dev/null") == (
        1, "Error: /dev/null is a device, FIFO or socket, not a file: give a file name with --out\n")
    assert Path("/dev/null").is_char_device()
    os.mkfifo(in_tmp / "pipe")
    assert run("export", "--format", "gexf", "--out", "pipe") == (
        1, "Error: pipe is a device, FIFO or socket, not a file: give a file name with --out\n")
    (in_tmp / "to-pipe").symlink_to("pipe")
    assert run("export", "--format", "gexf", "--out", "to-pipe")[0] == 1
    assert (in_tmp / "to-pipe").is_symlink()
    (in_tmp / "to-null").symlink_to("/dev/null")
    assert run("export", "--format", "csv", "--out", "to-null") == (
        1, "Error: to-null is a device, FIFO or socket; for csv, --out names a folder for nodes.csv, edges.csv, "
           "sources.csv\n")
    assert run("validate", "--rdf", "pipe") == (
        1, "Error: pipe: not a file (a folder, device or FIFO); give a .nt, .ttl or .jsonld file\n")
    (in_tmp / "folder").mkdir()
    assert run("export", "--format", "graphml", "--out", "folder") == (
        1, "Error: folder is a folder; give a file name with --out\n")
    shutil.rmtree(in_tmp / "folder")
