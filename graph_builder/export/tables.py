"""The corpus graph for graph tools: GraphML, GEXF, and CSV node/edge tables.

GraphML and GEXF hold only scalar attributes, so lists become strings
(``aliases`` and ``broader`` joined with ``|``) and the evidence records become
two numbers: ``weight`` (how many) and ``confidence`` (the highest). The
sentences themselves are in the RDF export. Co-mention edges are kept
(``predicate="coMention"``, ``weight`` = sentences naming both). Edges get ids
``e0, e1, ...`` in the graph's (sorted) order, unique as the formats expect.

Files: ``graph.graphml``, ``graph.gexf``, ``nodes.csv`` (iri, label, type,
aliases, degree, count) and ``edges.csv`` (source, target, predicate, weight,
title, confidence); UTF-8, each written atomically. ``degree`` counts every edge
at the node, co-mentions included (``networkx`` ``G.degree``).

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("https://graph-builder.org/id/person/1", type="Person", label="耿志军", aliases=["老耿"], count=2)
>>> H = flat_graph(G)
>>> H.nodes["https://graph-builder.org/id/person/1"]["aliases"]
'老耿'
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import List, Sequence

import networkx as nx

from . import atomic_write
from .rdf import clean_text

#: format name -> files written by :func:`write_tables`
TABLE_FILES = {"graphml": ("graph.graphml",), "gexf": ("graph.gexf",), "csv": ("nodes.csv", "edges.csv")}

NODE_COLUMNS = ("iri", "label", "type", "aliases", "degree", "count")
EDGE_COLUMNS = ("source", "target", "predicate", "weight", "title", "confidence")


def _joined(values) -> str:
    return "|".join(clean_text(v) for v in values or ())


def _max_confidence(data: dict):
    conf = [e.get("confidence") for e in data.get("evidence") or () if e.get("confidence") is not None]
    return max(conf) if conf else None


def flat_graph(G) -> nx.MultiDiGraph:
    """A copy of ``G`` with only scalar, XML-safe attributes (None values left out)."""
    H = nx.MultiDiGraph()
    for iri, d in G.nodes(data=True):
        attrs = {
            "label": clean_text(d.get("label", "")),
            "type": clean_text(d.get("type", "")),
            "aliases": _joined(d.get("aliases")),
            "count": int(d.get("count") or 0),
            "documents": len(d.get("documents") or ()),
        }
        if d.get("type") == "Industry":
            attrs["broader"] = _joined(d.get("broader"))
            if d.get("code"):
                attrs["code"] = clean_text(d["code"])
        H.add_node(iri, **attrs)
    for i, (s, o, key, d) in enumerate(G.edges(keys=True, data=True)):
        attrs = {"predicate": clean_text(d.get("predicate", key)), "weight": int(d.get("weight") or 0)}
        if d.get("title"):
            attrs["title"] = clean_text(d["title"])
        conf = _max_confidence(d)
        if conf is not None:
            attrs["confidence"] = float(conf)
        H.add_edge(s, o, key=f"e{i}", **attrs)
    return H


def _csv_bytes(header: Sequence[str], rows) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _node_rows(G, H):
    for iri, d in H.nodes(data=True):
        yield iri, d["label"], d["type"], d["aliases"], G.degree(iri), d["count"]


def _edge_rows(H):
    for s, o, d in H.edges(data=True):
        conf = d.get("confidence")
        yield s, o, d["predicate"], d["weight"], d.get("title", ""), "" if conf is None else conf


def write_tables(G, outdir, formats: Sequence[str] = ("graphml", "gexf", "csv")) -> List[Path]:
    """Write ``G`` for graph tools into ``outdir``; returns the files written.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The corpus graph (:mod:`graph_builder.graph`).
    outdir : path
        Folder to write into (created if missing).
    formats : sequence of str
        Any of ``"graphml"`` (``graph.graphml``), ``"gexf"`` (``graph.gexf``),
        ``"csv"`` (``nodes.csv`` and ``edges.csv``).
    """
    unknown = [f for f in formats if f not in TABLE_FILES]
    if unknown:
        raise ValueError(f"unknown table format(s): {', '.join(unknown)} (choose from {', '.join(TABLE_FILES)})")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    H = flat_graph(G)
    written: List[Path] = []
    for fmt in formats:
        if fmt == "graphml":
            written.append(atomic_write(outdir / "graph.graphml", lambda fh: nx.write_graphml(H, fh)))
        elif fmt == "gexf":
            written.append(atomic_write(outdir / "graph.gexf", lambda fh: nx.write_gexf(H, fh)))
        elif fmt == "csv":
            written.append(atomic_write(outdir / "nodes.csv", _csv_bytes(NODE_COLUMNS, _node_rows(G, H))))
            written.append(atomic_write(outdir / "edges.csv", _csv_bytes(EDGE_COLUMNS, _edge_rows(H))))
    return written
