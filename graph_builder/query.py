"""SPARQL over an export: load it, run a read-only query, format the answer.

The store is an in-memory pyoxigraph :class:`~pyoxigraph.Store` (it reads every
format the exporter writes, JSON-LD included, ten times faster than rdflib, so
there is no rdflib fallback). Queries see the default graph
as the union of all graphs, so ``graph.trig`` (one named graph) answers the same as
``graph.ttl``. Only queries run: updates are refused before parsing, and so are
federated ``SERVICE`` calls (the tool never reaches out to the network).

Examples
--------
>>> store = load_text('<https://graph-builder.org/id/person/1> <http://www.w3.org/2000/01/rdf-schema#label> "耿志军"@zh .')
>>> names, rows = run_query(store, "SELECT ?name WHERE { ?p rdfs:label ?name }")
>>> print(format_results(names, rows), end="")
name
------
耿志军
(1 row)
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from .export.rdf import PREFIXES, RDF_FILES
from .ontology import queries_dir

#: file extension -> pyoxigraph format
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}
#: how the result of a query is printed
OUTPUT_FORMATS = ("table", "csv", "json")
#: widest table cell, in terminal columns (csv and json give every value in full)
MAX_CELL = 80

# Words that only a SPARQL *update* uses, matched outside strings, IRIs and comments,
# and not as part of a variable or a prefixed name.
_UPDATE = re.compile(r"(?<![\w?$:-])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:-])", re.I)
_SERVICE = re.compile(r"(?<![\w?$:-])SERVICE(?![\w:-])", re.I)
_OPAQUE = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_QUERY_NAME = re.compile(r"^[A-Za-z0-9_-]+$")


class QueryError(ValueError):
    """A query or its input cannot be used; the message is one line, fit for the user."""


def _one_line(exc) -> str:
    text = " ".join(str(exc).split())
    return text or exc.__class__.__name__


# --------------------------------------------------------------------------- loading


def _export_file(path: Path) -> Path:
    """The file to load for ``path``: itself, or a build folder's export (graph.ttl first)."""
    if path.is_dir():
        for name in RDF_FILES.values():
            if (path / name).is_file():
                return path / name
        raise QueryError(f"{path} holds no RDF export ({', '.join(RDF_FILES.values())})")
    if not path.is_file():
        raise QueryError(f"no such file or folder: {path}")
    if path.suffix.lower() not in FORMATS:
        raise QueryError(f"cannot tell the RDF format of {path.name} (use one of {', '.join(sorted(FORMATS))})")
    return path


def load(path) -> ox.Store:
    """An in-memory store with the RDF at ``path`` (a file, or a folder written by ``build``).

    The format follows the extension (``.ttl .nt .trig .nq .jsonld .rdf .n3``).
    Raises :class:`QueryError` with a one-line reason when it cannot be read.
    """
    path = _export_file(Path(path))
    store = ox.Store()
    try:
        store.load(path=str(path), format=FORMATS[path.suffix.lower()])
    except (SyntaxError, ValueError) as exc:
        raise QueryError(f"cannot parse {path}: {_one_line(exc)}")
    except OSError as exc:
        raise QueryError(f"cannot read {path}: {_one_line(exc)}")
    return store


def load_text(text: str, format: str = "nt") -> ox.Store:
    """A store with RDF given as text (``format`` is a file extension without the dot)."""
    store = ox.Store()
    try:
        store.load(text.encode("utf-8"), format=FORMATS["." + format])
    except (SyntaxError, ValueError, KeyError) as exc:
        raise QueryError(f"cannot parse the RDF: {_one_line(exc)}")
    return store


# --------------------------------------------------------------------------- querying


def check_read_only(sparql: str) -> None:
    """Raise :class:`QueryError` for an update (INSERT, DELETE, LOAD ...) or a SERVICE call."""
    bare = _OPAQUE.sub(" ", sparql)
    m = _UPDATE.search(bare)
    if m:
        raise QueryError(f"update requests are not allowed ({m.group(1).upper()}): the graph is read-only")
    if _SERVICE.search(bare):
        raise QueryError("SERVICE is not allowed: queries run over the local export only")


def _to_rdflib(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == str(XSD.string) else URIRef(dt))
    return Literal(str(term))  # an RDF-star triple term: shown as text


def run_query(store: ox.Store, sparql: str) -> Tuple[Optional[List[str]], List[list]]:
    """Run a read-only SPARQL query.

    Returns
    -------
    (names, rows)
        SELECT: the variable names and one list of rdflib terms (or None when
        unbound) per solution. CONSTRUCT/DESCRIBE: ``["subject", "predicate",
        "object"]`` and one row per triple. ASK: ``None`` and ``[[True]]`` or ``[[False]]``.

    Raises
    ------
    QueryError
        For an update or SERVICE request, bad syntax or a failure while evaluating.
    """
    if not isinstance(sparql, str) or not sparql.strip():
        raise QueryError("empty query")
    check_read_only(sparql)
    try:
        result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryBoolean):
            return None, [[bool(result)]]
        if isinstance(result, ox.QueryTriples):
            return ["subject", "predicate", "object"], [
                [_to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object)] for t in result
            ]
        names = [v.value for v in result.variables]
        width = range(len(names))
        return names, [[_to_rdflib(solution[i]) for i in width] for solution in result]
    except SyntaxError as exc:
        raise QueryError(f"bad SPARQL: {_one_line(exc)}")
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise QueryError(f"query failed: {_one_line(exc)}")


def available_queries() -> List[str]:
    """Names of the canned queries (``ontology/queries/NAME.rq``)."""
    return sorted(p.stem for p in queries_dir().glob("*.rq"))


def canned_query(name: str) -> str:
    """The text of the canned query ``name``; :class:`QueryError` names the available ones."""
    path = queries_dir() / f"{name}.rq"
    if not _QUERY_NAME.match(name or "") or not path.is_file():
        raise QueryError(f"unknown query {name!r}; available: {', '.join(available_queries())}")
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- formatting


def _namespaces():
    return sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda kv: -len(kv[0]))


_NAMESPACES = _namespaces()


def shorten(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace, else ``<iri>``."""
    for ns, prefix in _NAMESPACES:
        if iri.startswith(ns) and len(iri) > len(ns) and re.fullmatch(r"[\w.-]+", iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _plain(term) -> str:
    """Display text of a value: literals as their text, IRIs shortened."""
    if term is None:
        return ""
    if isinstance(term, bool):
        return "true" if term else "false"
    if isinstance(term, URIRef):
        return shorten(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def display_width(text: str) -> int:
    """Terminal columns of ``text``: East Asian wide and full-width characters count 2."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def _fit(text: str, limit: int = MAX_CELL) -> str:
    text = " ".join(text.split()) if any(c in text for c in "\t\n\r") else text
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _table(names: Optional[Sequence[str]], rows: Sequence[Sequence]) -> str:
    if names is None:
        return ("true" if rows and rows[0][0] else "false") + "\n"
    cells = [[_fit(_plain(v)) for v in row] for row in rows]
    widths = [max([display_width(n)] + [display_width(r[i]) for r in cells]) for i, n in enumerate(names)]
    lines = ["  ".join(_pad(n, w) for n, w in zip(names, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _csv(names, rows) -> str:
    """SPARQL 1.1 CSV results: full IRIs, literals as their lexical form."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    if names is None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if rows and rows[0][0] else "false"])
        return buf.getvalue()
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if v is None else (f"_:{v}" if isinstance(v, BNode) else str(v)) for v in row])
    return buf.getvalue()


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def _json(names, rows) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if names is None:
        doc = {"head": {}, "boolean": bool(rows and rows[0][0])}
    else:
        bindings = [{n: _json_term(v) for n, v in zip(names, row) if v is not None} for row in rows]
        doc = {"head": {"vars": list(names)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def format_results(names: Optional[Sequence[str]], rows: Sequence[Sequence], fmt: str = "table") -> str:
    """The answer of :func:`run_query` as text.

    ``table``: aligned columns for a terminal (wide characters count two columns;
    IRIs shortened with the export's prefixes; long values cut at :data:`MAX_CELL`).
    ``csv``: SPARQL 1.1 CSV. ``json``: SPARQL 1.1 Query Results JSON.
    """
    if fmt == "table":
        return _table(names, rows)
    if fmt == "csv":
        return _csv(names, rows)
    if fmt == "json":
        return _json(names, rows)
    raise QueryError(f"unknown output format {fmt!r} (choose from {', '.join(OUTPUT_FORMATS)})")
