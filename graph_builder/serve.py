"""A read-only SPARQL 1.1 Protocol endpoint over a build folder, plus its HTML view.

``GET /sparql?query=...`` and ``POST /sparql`` (form-encoded ``query=...`` or a
``application/sparql-query`` body) answer SELECT/ASK with JSON, XML, CSV or TSV
results and CONSTRUCT/DESCRIBE with Turtle or N-Triples, chosen by ``Accept``.
Updates are refused (400): the endpoint never changes the export. ``/`` serves
``graph.html``; ``/graph.ttl`` etc. serve the exported files.

The store is pyoxigraph, loaded once at start-up and queried from a thread pool.
"""
from __future__ import annotations

import json
import logging
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional, Tuple
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .api import UsageError

log = logging.getLogger("graph_builder")

RESULT_TYPES = {  # media type -> pyoxigraph results format
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
STATIC = {
    "graph.html": "text/html; charset=utf-8",
    "graph.ttl": "text/turtle; charset=utf-8",
    "graph.nt": "application/n-triples; charset=utf-8",
    "graph.trig": "application/trig; charset=utf-8",
    "graph.jsonld": "application/ld+json; charset=utf-8",
    "report.json": "application/json; charset=utf-8",
}
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s+[^\n]*\s+)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
                     re.IGNORECASE)


def load_store(directory) -> ox.Store:
    """An in-memory pyoxigraph store with the export of a build folder (or one RDF file)."""
    path = Path(directory)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.exists():
        raise UsageError(f"no export found at {path} (run graph-builder build first)")
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise UsageError(f"cannot load {path}: {exc}")
    return store


def negotiate(accept: str, kind: str) -> Tuple[str, object]:
    """Pick a media type from an Accept header (q-values honoured) for 'results' or 'graph'."""
    table = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    default = "application/sparql-results+json" if kind == "results" else "text/turtle"
    prefs = []
    for i, part in enumerate((accept or "").split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        prefs.append((-q, i, bits[0].lower()))
    for _, _, media in sorted(prefs):
        if media in table:
            return media, table[media]
        if media in ("*/*", "application/*", "text/*"):
            return default, table[default]
    return default, table[default]


class SparqlHandler(BaseHTTPRequestHandler):
    server_version = "graph-builder"
    store: ox.Store = None
    root: Path = None

    def log_message(self, fmt, *args):  # route through logging, not stderr
        log.debug("%s - %s", self.address_string(), fmt % args)

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/sparql":
            params = parse_qs(url.query)
            return self._answer(params.get("query", [None])[0], params)
        name = url.path.lstrip("/") or "graph.html"
        if name in STATIC and (self.root / name).is_file():
            return self._send(HTTPStatus.OK, STATIC[name], (self.root / name).read_bytes())
        self._error(HTTPStatus.NOT_FOUND, f"not found: {url.path}")

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, f"not found: {url.path}")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            return self._answer(body, {})
        if ctype == "application/sparql-update":
            return self._error(HTTPStatus.BAD_REQUEST, "this endpoint is read-only: updates are refused")
        params = parse_qs(body)
        if "update" in params:
            return self._error(HTTPStatus.BAD_REQUEST, "this endpoint is read-only: updates are refused")
        return self._answer(params.get("query", [None])[0], params)

    def _answer(self, sparql: Optional[str], params):
        if not sparql:
            return self._error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
        if _UPDATE.match(sparql):
            return self._error(HTTPStatus.BAD_REQUEST, "this endpoint is read-only: updates are refused")
        try:
            result = self.store.query(sparql)
        except SyntaxError as exc:
            return self._error(HTTPStatus.BAD_REQUEST, f"bad SPARQL: {' '.join(str(exc).split())}")
        accept = self.headers.get("Accept", "")
        if "format" in params:  # a common non-standard override, e.g. ?format=csv
            accept = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                      "csv": "text/csv", "tsv": "text/tab-separated-values"}.get(params["format"][0], accept)
        if isinstance(result, ox.QueryTriples):
            media, fmt = negotiate(accept, "graph")
        else:
            media, fmt = negotiate(accept, "results")
        data = result.serialize(format=fmt)
        charset = "; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else ""
        self._send(HTTPStatus.OK, media + charset, data)

    def _send(self, status, ctype: str, data: bytes):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status, message: str):
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
        self._send(status, "application/json; charset=utf-8", body)


def make_server(directory, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A ready server (not yet serving); ``port=0`` picks a free port (see ``server.server_port``)."""
    root = Path(directory)
    if not root.is_dir():
        raise UsageError(f"no such build folder: {directory}")
    store = load_store(root)
    handler = type("BoundSparqlHandler", (SparqlHandler,), {"store": store, "root": root})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    server.daemon_threads = True
    return server


def serve(directory, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted."""
    server = make_server(directory, host, port)
    log.warning("SPARQL endpoint at http://%s:%d/sparql, view at http://%s:%d/ (Ctrl-C stops)",
                host, server.server_port, host, server.server_port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def serve_in_thread(directory, host: str = "127.0.0.1", port: int = 0):
    """Start a server in a daemon thread; returns (server, base_url). For tests and notebooks."""
    server = make_server(directory, host, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_port}"
