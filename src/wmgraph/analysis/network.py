"""The model as a networkx MultiDiGraph: one node per entity, one edge per entity-to-entity fact."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import networkx as nx

from ..model.model import Fact, Model, QualifierValue


def _plain(value: QualifierValue) -> Any:
    """A qualifier value as networkx tools expect it: int, float, str or list of str."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def edge_attributes(model: Model, fact: Fact) -> dict[str, Any]:
    """The attributes of a fact's edge: relation, label, each qualifier, sources."""
    relation = model.vocabulary.relations[fact.relation]
    attributes: dict[str, Any] = {"relation": fact.relation, "label": relation.label}
    for key, value in fact.qualifiers:
        datatype = model.vocabulary.qualifiers[key].datatype
        plain = _plain(value)
        if datatype in ("money", "decimal"):
            plain = float(plain)  # one type per attribute, as GraphML needs
        attributes[key] = plain
    if "amount" in attributes:
        attributes.setdefault("currency", "GBP")
    status = model.vocabulary.statuses.get(fact.status)
    if status is not None and not status.default:  # stated, the default, is left out as in the RDF
        attributes["status"] = fact.status
    if fact.status_date:
        attributes["status-date"] = fact.status_date
    attributes["sources"] = list(fact.sources)
    return attributes


def model_graph(model: Model) -> nx.MultiDiGraph:
    """Build the graph: nodes in id order with type/name/aliases, edges keyed by fact key."""
    graph = nx.MultiDiGraph()
    for key in sorted(model.entities):
        entity = model.entities[key]
        attributes: dict[str, Any] = {"type": entity.type, "name": entity.name, "aliases": list(entity.aliases)}
        if entity.description:
            attributes["description"] = entity.description
        if entity.url:
            attributes["url"] = entity.url
        attributes["sources"] = list(entity.sources)
        graph.add_node(key, **attributes)
    for fact in sorted(model.facts, key=lambda f: f.key):
        if fact.object_is_entity and fact.object is not None:
            graph.add_edge(fact.subject, fact.object, key=fact.key, **edge_attributes(model, fact))
    return graph

