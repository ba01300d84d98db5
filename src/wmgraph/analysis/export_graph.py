"""The graph the exports carry: every entity and every fact, the funders' and places' links, times."""

from __future__ import annotations

import re
from typing import Any

import networkx as nx

from ..load.values import date_bounds
from ..model.model import Fact, Model
from .network import edge_attributes, model_graph
from .phrasing import fact_sentence

STATEMENT_PREFIX = "statement:"  # ids of the nodes standing for facts whose object is not an entity
# a node's "kind": an entity or a statement; an edge's "link": a fact between entities, a fact's link
# to its statement node, or a qualifier naming an entity ("kind" is taken: funding has a kind qualifier)
ENTITY, STATEMENT, FACT, QUALIFIER = "entity", "statement", "fact", "qualifier"
# Characters XML 1.0 cannot hold, even as character references: a name holding one must not make
# the GraphML or GEXF ill-formed, so each becomes U+FFFD (the replacement character).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """Replace the characters XML 1.0 forbids with U+FFFD in a text value; other values unchanged."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def statement_node(fact: Fact) -> str:
    """The node id of a fact whose object is text or nothing."""
    return STATEMENT_PREFIX + fact.key


def fact_interval(fact: Fact) -> tuple[str, str]:
    """The first and last day (YYYY-MM-DD, or '' when open) a dated fact holds; a 'date' is its own span."""
    start, end, date = (fact.qualifier(name) for name in ("start", "end", "date"))
    first = date_bounds(str(start))[0] if start else ""
    last = date_bounds(str(end))[1] if end else ""
    if not first and not last and date:
        first, last = date_bounds(str(date))
    return first, last


def _timed(attributes: dict[str, Any], fact: Fact) -> dict[str, Any]:
    first, last = fact_interval(fact)
    if first:
        attributes["from-day"] = first
    if last:
        attributes["to-day"] = last
    return attributes


def _relation_colour(model: Model, fact: Fact) -> str:
    relation = model.vocabulary.relations.get(fact.relation)
    return relation.colour if relation else ""


def _entity_links(model: Model, fact: Fact) -> list[tuple[str, str, dict[str, Any]]]:
    """Links from the fact's subject to each entity a qualifier names (funders, place, report...)."""
    links = []
    for key, value in fact.qualifiers:
        qualifier = model.vocabulary.qualifiers.get(key)
        if qualifier is None or qualifier.datatype not in ("entity", "entities"):
            continue
        for target in (value,) if isinstance(value, str) else value if isinstance(value, tuple) else ():
            target = str(target)
            if target in model.entities:
                attributes = {"link": QUALIFIER, "relation": key, "label": qualifier.label,
                              "statement": fact.key, "colour": _relation_colour(model, fact),
                              "sources": list(fact.sources)}
                links.append((f"{fact.key}.{key}.{target}", target, _timed(attributes, fact)))
    return links


def export_graph(model: Model) -> nx.MultiDiGraph:
    """Entities, statement nodes for facts without an entity object, and every link, in a stable order."""
    graph = model_graph(model)
    for node in graph:
        entity_type = model.vocabulary.entity_types.get(graph.nodes[node]["type"])
        graph.nodes[node].update(kind=ENTITY, colour=entity_type.colour if entity_type else "")
    for fact in sorted(model.facts, key=lambda f: f.key):
        colour = _relation_colour(model, fact)
        if fact.object_is_entity and fact.object is not None:
            _timed(graph.edges[fact.subject, fact.object, fact.key], fact).update(link=FACT, colour=colour)
        else:
            node = statement_node(fact)
            graph.add_node(node, type=fact.relation, name=fact_sentence(model, fact), kind=STATEMENT,
                           colour=colour, sources=list(fact.sources),
                           **({"value": fact.object} if fact.object is not None else {}))
            attributes = edge_attributes(model, fact)
            attributes.update(link=STATEMENT, colour=colour)
            graph.add_edge(fact.subject, node, key=fact.key, **_timed(attributes, fact))
        for key, target, attributes in _entity_links(model, fact):
            graph.add_edge(fact.subject, target, key=key, **attributes)
    return graph
