"""Where the ontology files live: ``ontology/`` beside the package.

``ontology/kg.ttl`` (OWL), ``ontology/shapes.ttl`` (SHACL), ``ontology/context.jsonld``
(the JSON-LD context of ``graph.jsonld``) and ``ontology/queries/*.rq`` (canned SPARQL)
are the source of truth that the exporter and the query command read.

The package is installed editable, so the folder is found next to it. A copy shipped
as package data (``graph_builder/ontology``) or a folder named by the environment
variable ``GRAPH_BUILDER_ONTOLOGY`` is used instead when present.

Examples
--------
>>> ontology_file("kg.ttl").name
'kg.ttl'
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def ontology_dir() -> Path:
    """The folder holding ``kg.ttl``; raises FileNotFoundError (one line) when there is none."""
    candidates = []
    if os.environ.get("GRAPH_BUILDER_ONTOLOGY"):
        candidates.append(Path(os.environ["GRAPH_BUILDER_ONTOLOGY"]))
    candidates += [_PACKAGE.parent / "ontology", _PACKAGE / "ontology"]
    for path in candidates:
        if (path / "kg.ttl").is_file():
            return path
    raise FileNotFoundError("ontology folder not found (looked in " + ", ".join(map(str, candidates)) + ")")


def ontology_file(name: str) -> Path:
    """Path of one file of the ontology folder, e.g. ``ontology_file("shapes.ttl")``."""
    return ontology_dir() / name


def queries_dir() -> Path:
    """The folder of canned SPARQL queries (``NAME.rq``)."""
    return ontology_dir() / "queries"
