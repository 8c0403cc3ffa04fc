"""Vocabularies as namespace objects: no IRI strings scattered in code.

``ontology/kg.ttl`` is the source of truth for the ``kg:`` terms; a test checks
every term used by the exporter is declared there.
"""
from __future__ import annotations

import hashlib

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

KG = Namespace("https://graph-builder.org/ns/kg#")  # ontology: classes and properties
ID = Namespace("https://graph-builder.org/id/")  # instance data: entities, documents, statements

PREFIXES = {
    "schema": SDO,
    "skos": SKOS,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "kg": KG,
    "id": ID,
}

#: entity type -> rdf:type
TYPE_CLASS = {
    "Person": SDO.Person,
    "Company": SDO.Corporation,
    "Organization": SDO.Organization,
    "Product": SDO.Product,
    "Industry": KG.Industry,
    "Place": SDO.Place,
}

#: relation predicate (doc.PREDICATES) -> RDF property
PREDICATE_PROPERTY = {
    "worksFor": SDO.worksFor,
    "founder": SDO.founder,
    "manufacturer": SDO.manufacturer,
    "inIndustry": KG.inIndustry,
    "parentOrganization": SDO.parentOrganization,
    "partnerOf": KG.partnerOf,
    "investedIn": KG.investedIn,
}

INDUSTRY_SCHEME = ID["industry-scheme"]


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_iri(type_: str, key: str) -> str:
    """Stable IRI of an entity: same type and canonical name, same IRI, in any run or corpus."""
    return str(ID[f"{type_.lower()}/{_digest(type_, key)}"])


def document_iri(doc_id: str) -> str:
    return str(ID[f"doc/{_digest('doc', doc_id)}"])
