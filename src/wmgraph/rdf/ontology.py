"""The project namespace as an ontology: a header, and a label, comment and definition for every term."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.vocabulary import Vocabulary
from .claims import status_iri, status_terms
from .terms import DCTERMS, OWL, RDF, RDF_TYPE, RDFS, SCHEMA, SKOS, Literal, Triple, tagged

# Standard terms the project's own terms specialise, where one exists (by local name in wm:).
SUPER_PROPERTIES = {
    "jurisdiction": DCTERMS + "spatial",
    "spokeAt": SCHEMA + "performerIn",
    "basedIn": SCHEMA + "location",
    "establishedIn": SCHEMA + "foundingLocation",
    "inReport": DCTERMS + "source",
    "statusDate": DCTERMS + "date",
    "evidence": RDFS + "seeAlso",
}
SUPER_CLASSES = {"ClaimStatus": SKOS + "Concept"}  # the class keeps its name: every fact has a status now
# Terms the mapping itself writes on every graph: local name, label, comment, whether a class
FIXED_TERMS = [
    ("entityType", "entity type", "The key of an entity's type in the vocabulary, such as \"company\".", False),
    ("relation", "relation", "The key of the relation a statement node states, such as \"pledges-jobs\".", False),
    ("evidence", "evidence", "A Web Annotation (oa:Annotation) whose target is the passage of a source, "
     "selected by its words (oa:TextQuoteSelector), that supports this statement or entity.", False),
    ("status", "status", "The status (modality) of the fact a statement node records, such as planned, "
     "pledged or done; a statement with none is stated, and only a stated or truthy one gives its plain triple.",
     False),
    ("statusDate", "status date", "When the fact a statement records had its status.", False),
    ("ClaimStatus", "status", "A status a fact can have, as the vocabulary defines it.", True),
]
_STATUS_SAYS = {
    (True, False): "A fact with this status says the thing is so: it gives its plain triple.",
    (False, True): "The source takes the fact back: it gives no plain triple and stands no more.",
    (False, False): "Not shown to be so: the fact gives no plain triple, only its statement node.",
}
TITLE = "wmgraph vocabulary"
DESCRIPTION = ("The terms wmgraph uses where no standard vocabulary has one: relations between the "
               "organisations, people, initiatives and places of the West Midlands technology sector, the "
               "qualifiers of their statements, and their statuses. Generated from graph/vocabulary.yaml.")


def _term(own: str, iri: str, kind: str, label: str, comment: str, supers: list[str]) -> Iterator[Triple]:
    """One term's declaration, label, comment, definition and super-terms."""
    yield iri, RDF_TYPE, (RDF + "Property") if kind == "property" else (RDFS + "Class")
    yield iri, RDFS + "label", tagged(label)
    yield iri, RDFS + "comment", tagged(comment or label[:1].upper() + label[1:] + ".")
    yield iri, RDFS + "isDefinedBy", own.rstrip("#/")
    link = RDFS + ("subPropertyOf" if kind == "property" else "subClassOf")
    for found in supers:
        yield iri, link, found


def _supers(own: str, iri: str, kind: str) -> list[str]:
    table = SUPER_PROPERTIES if kind == "property" else SUPER_CLASSES
    found = table.get(iri[len(own):])
    return [found] if found else []


def _entity_classes(vocabulary: Vocabulary) -> Iterator[Triple]:
    """Each class of the project's that an entity type names, under the type's other classes."""
    own = vocabulary.project_namespace
    for entity_type in vocabulary.entity_types.values():
        inherited = {vocabulary.expand(c) for parent in entity_type.ancestors[:1]
                     for c in vocabulary.entity_types[parent].classes}  # a parent's classes include its own parents'
        iris = [vocabulary.expand(curie) for curie in entity_type.classes]
        for iri in iris:
            if iri.startswith(own) and iri not in inherited:
                comment = entity_type.comment or f"An entity of the vocabulary's type '{entity_type.key}'."
                supers = [other for other in iris if other != iri] + _supers(own, iri, "class")
                yield from _term(own, iri, "class", entity_type.label, comment, supers)


def _relation_terms(vocabulary: Vocabulary) -> Iterator[Triple]:
    """Each relation's property and statement class, and each qualifier's property, of the project's own."""
    own = vocabulary.project_namespace
    for relation in vocabulary.relations.values():
        iri = vocabulary.expand(relation.property)
        if iri.startswith(own):
            comment = relation.comment or f"The '{relation.label}' relation of the vocabulary."
            yield from _term(own, iri, "property", relation.label, comment, _supers(own, iri, "property"))
        iri = vocabulary.expand(relation.statement_class) if relation.statement_class else ""
        if iri.startswith(own):
            comment = (f"A statement node (a reified rdf:Statement) of a '{relation.label}' fact, with its "
                       "qualifiers and sources.")
            yield from _term(own, iri, "class", relation.label + " statement", comment,
                             [RDF + "Statement", *_supers(own, iri, "class")])
    for qualifier in vocabulary.qualifiers.values():
        iri = vocabulary.expand(qualifier.property)
        if iri.startswith(own):
            yield from _term(own, iri, "property", qualifier.label, qualifier.comment, _supers(own, iri, "property"))


def ontology_triples(vocabulary: Vocabulary) -> Iterator[Triple]:
    """Yield the ontology header and the project's own terms, so the namespace documents itself."""
    own = vocabulary.project_namespace
    header = own.rstrip("#/")
    yield header, RDF_TYPE, OWL + "Ontology"
    yield header, RDFS + "label", tagged(TITLE)
    yield header, DCTERMS + "title", tagged(TITLE)
    yield header, RDFS + "comment", tagged(DESCRIPTION)
    yield header, OWL + "versionInfo", Literal("1")
    for name, label, comment, is_class in FIXED_TERMS:
        yield from _term(own, own + name, "class" if is_class else "property", label, comment,
                         _supers(own, own + name, "class" if is_class else "property"))
    yield from _entity_classes(vocabulary)
    yield from _relation_terms(vocabulary)
    for status in status_terms(vocabulary):
        iri, label, comment = status_iri(vocabulary, status.key), status.label, status.comment
        said = _STATUS_SAYS[(status.truthy, status.retracts)]
        yield iri, RDF_TYPE, SKOS + "Concept"
        yield iri, RDF_TYPE, own + "ClaimStatus"
        yield iri, RDFS + "label", tagged(label)
        yield iri, SKOS + "prefLabel", tagged(label)
        yield iri, RDFS + "comment", tagged((comment + " " if comment else "") + said)
        yield iri, RDFS + "isDefinedBy", header
