"""Build the corpus graph from resolved documents.

The graph is a plain :class:`networkx.MultiDiGraph`; exporters only read it.

Nodes are entity IRIs with attributes::

    type       "Person" | "Company" | "Organization" | "Product" | "Industry" | "Place"
    label      canonical name (Simplified Chinese)
    aliases    sorted list of other names seen for it (surface forms, short forms)
    count      number of mentions in the corpus
    documents  sorted list of document IRIs that mention it
    broader    (Industry only) sorted list of IRIs of broader industries
    code       (Industry only, where the taxonomy has one) classification code

Edges are keyed by predicate. A typed edge ``(s, o, key=predicate)`` has::

    predicate  one of doc.PREDICATES
    weight     number of evidence records
    title      (worksFor) most frequent job title, or None
    evidence   list of {"doc", "sentence", "start", "end", "confidence", "method", "title"}
               ordered by (doc, start); "doc" is the document IRI

Co-mention edges ``(a, b, key="coMention")`` (a < b) carry ``predicate="coMention"``
and ``weight`` = number of sentences naming both.

``G.graph["documents"]`` maps document IRI -> {"id", "headline", "author", "publisher",
"date", "url", "mentions": sorted entity IRIs}.

Examples
--------
>>> from graph_builder.doc import Document, Mention, Relation, Sentence
>>> d = Document(id="a.txt", text="耿志军任腾讯副总裁。")
>>> d.sentences = [Sentence(0, 10)]
>>> d.mentions = [Mention(0, 3, "Person", "耿志军", key="耿志军"), Mention(4, 6, "Company", "腾讯", key="腾讯")]
>>> d.relations = [Relation(0, "worksFor", 1, 0, 10, 0.9, title="副总裁")]
>>> G = build_graph([d])
>>> sorted(G.nodes[n]["label"] for n in G)
['耿志军', '腾讯']
"""
from __future__ import annotations

import gzip
import json
import os
from collections import Counter, defaultdict
from itertools import combinations
from typing import Dict, Iterable, List, Optional

import networkx as nx

from .doc import Document
from .vocab import document_iri, entity_iri

DOC_META = ("id", "headline", "author", "publisher", "date", "url")


def assign_iris(doc: Document) -> Document:
    """Give every resolved mention its IRI (a function of type and canonical key only)."""
    for m in doc.mentions:
        m.iri = entity_iri(m.type, m.key or m.name)
    return doc


class GraphBuilder:
    """Accumulates documents one at a time, so a corpus never has to sit in memory.

    Only the entity and edge tables grow; the texts are dropped after :meth:`add`
    (evidence keeps the one sentence it cites).
    """

    def __init__(self, comention: bool = True) -> None:
        self.comention = comention
        self._nodes: Dict[str, dict] = {}
        self._aliases: Dict[str, Counter] = defaultdict(Counter)
        self._docs: Dict[str, dict] = {}
        self._edges: Dict[tuple, List[dict]] = defaultdict(list)
        self._comention: Counter = Counter()

    def __len__(self) -> int:
        """Number of documents added."""
        return len(self._docs)

    def __contains__(self, doc_id: str) -> bool:
        """Whether a document with this id was already added."""
        return document_iri(doc_id) in self._docs

    def save(self, path) -> None:
        """Write the tables (not the texts) so a later ``build --update`` can add to them."""
        state = {
            "version": 1,
            "nodes": {k: dict(v, documents=sorted(v["documents"])) for k, v in sorted(self._nodes.items())},
            "aliases": {k: dict(sorted(v.items())) for k, v in sorted(self._aliases.items())},
            "docs": self._docs,
            "edges": [[s, o, p, ev] for (s, o, p), ev in sorted(self._edges.items())],
            "comention": [[a, b, n] for (a, b), n in sorted(self._comention.items())],
        }
        tmp = f"{path}.tmp"
        data = json.dumps(state, ensure_ascii=False).encode("utf-8")
        with gzip.open(tmp, "wb", compresslevel=6) as fh:  # level 9 costs 4x the time for 4% less
            fh.write(data)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path, comention: bool = True) -> "GraphBuilder":
        """The builder saved by :meth:`save`."""
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            state = json.load(fh)
        if state.get("version") != 1:
            raise ValueError(f"{path}: unknown state version {state.get('version')!r}")
        b = cls(comention=comention)
        for k, v in state["nodes"].items():
            b._nodes[k] = dict(v, documents=set(v["documents"]))
        for k, v in state["aliases"].items():
            b._aliases[k] = Counter(v)
        b._docs = state["docs"]
        for s, o, p, ev in state["edges"]:
            b._edges[(s, o, p)] = ev
        for a, bb, n in state["comention"]:
            b._comention[(a, bb)] = n
        return b

    def add(self, doc: Document) -> None:
        diri = document_iri(doc.id)
        mentioned = set()
        for m in doc.mentions:
            if m.iri is None:
                m.iri = entity_iri(m.type, m.key or m.name)
            node = self._nodes.get(m.iri)
            if node is None:
                node = self._nodes[m.iri] = {"type": m.type, "label": m.key or m.name, "count": 0, "documents": set()}
            node["count"] += 1
            node["documents"].add(diri)
            surface = doc.norm[m.start:m.end]
            for name in (surface, doc.text[m.start:m.end], m.name):
                if name != node["label"]:
                    self._aliases[m.iri][name] += 1
            mentioned.add(m.iri)
        for (type_, key), names in doc.aliases.items():
            iri = entity_iri(type_, key)
            if iri in self._nodes:
                for name in names:
                    if name != self._nodes[iri]["label"]:
                        self._aliases[iri][name] += 1
        meta = {k: doc.meta.get(k) for k in DOC_META}
        meta["id"] = doc.id
        meta["mentions"] = sorted(mentioned)
        self._docs[diri] = meta
        for r in doc.relations:
            s, o = doc.mentions[r.subject].iri, doc.mentions[r.object].iri
            if s == o:
                continue
            self._edges[(s, o, r.predicate)].append(
                {
                    "doc": diri,
                    "sentence": doc.text[r.start:r.end],
                    "start": r.start,
                    "end": r.end,
                    "confidence": round(float(r.confidence), 3),
                    "method": r.method,
                    "title": r.title,
                }
            )
        if self.comention:
            by_sentence = defaultdict(set)
            for m in doc.mentions:
                by_sentence[_sentence_index(doc, m.start)].add(m.iri)
            for iris in by_sentence.values():
                for a, b in combinations(sorted(iris), 2):
                    self._comention[(a, b)] += 1

    def keys(self):
        """``(type, canonical name)`` of every entity so far."""
        return [(n["type"], n["label"]) for n in self._nodes.values()]

    def merge(self, key_map: Dict[tuple, str]) -> None:
        """Merge entities across documents: ``{(type, key): canonical key}``.

        The merged-away names become aliases of the surviving entity, and its
        edges move with it. Used for short forms no single document resolved
        (阿里 in one article, 阿里巴巴 in another).
        """
        iri_map = {}
        for (type_, key), target in key_map.items():
            old, new = entity_iri(type_, key), entity_iri(type_, target)
            if old != new and old in self._nodes:
                iri_map[old] = new
        if not iri_map:
            return
        for old, new in sorted(iri_map.items()):
            node = self._nodes.pop(old)
            tgt = self._nodes.get(new)
            if tgt is None:
                tgt = self._nodes[new] = {"type": node["type"], "label": _label_of(key_map, node), "count": 0,
                                          "documents": set()}
            tgt["count"] += node["count"]
            tgt["documents"] |= node["documents"]
            self._aliases[new].update(self._aliases.pop(old, Counter()))
            self._aliases[new][node["label"]] += node["count"]
            self._aliases[new].pop(tgt["label"], None)
        for meta in self._docs.values():
            meta["mentions"] = sorted({iri_map.get(i, i) for i in meta["mentions"]})
        edges = defaultdict(list)
        for (s, o, p), ev in self._edges.items():
            s, o = iri_map.get(s, s), iri_map.get(o, o)
            if s != o:
                edges[(s, o, p)].extend(ev)
        self._edges = edges
        com = Counter()
        for (a, b), n in self._comention.items():
            a, b = sorted((iri_map.get(a, a), iri_map.get(b, b)))
            if a != b:
                com[(a, b)] += n
        self._comention = com

    def graph(self, taxonomy: Optional[dict] = None) -> nx.MultiDiGraph:
        """The finished graph, built in sorted order so output is deterministic.

        ``taxonomy`` maps an industry's canonical name to ``{"code", "broader": [names]}``;
        broader industries named there are added as nodes so the hierarchy is complete.
        """
        G = nx.MultiDiGraph()
        G.graph["documents"] = {k: self._docs[k] for k in sorted(self._docs)}
        for iri in sorted(self._nodes):
            n = self._nodes[iri]
            G.add_node(
                iri,
                type=n["type"],
                label=n["label"],
                aliases=sorted(self._aliases.get(iri, ())),
                count=n["count"],
                documents=sorted(n["documents"]),
            )
        if taxonomy:
            _add_industry_hierarchy(G, taxonomy)
        for (s, o, p) in sorted(self._edges):
            ev = sorted(self._edges[(s, o, p)], key=lambda e: (e["doc"], e["start"], e["end"]))
            titles = Counter(e["title"] for e in ev if e["title"])
            title = sorted(titles.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if titles else None
            G.add_edge(s, o, key=p, predicate=p, weight=len(ev), title=title, evidence=ev)
        for (a, b) in sorted(self._comention):
            G.add_edge(a, b, key="coMention", predicate="coMention", weight=self._comention[(a, b)])
        return G


def _label_of(key_map: Dict[tuple, str], node: dict) -> str:
    return key_map[(node["type"], node["label"])]


def _sentence_index(doc: Document, offset: int) -> int:
    for i, s in enumerate(doc.sentences):
        if s.start <= offset < s.end:
            return i
    return -1


def _add_industry_hierarchy(G: nx.MultiDiGraph, taxonomy: dict) -> None:
    todo = [n for n, d in G.nodes(data=True) if d["type"] == "Industry"]
    seen = set(todo)
    while todo:
        iri = todo.pop()
        info = taxonomy.get(G.nodes[iri]["label"]) or {}
        if info.get("code"):
            G.nodes[iri]["code"] = info["code"]
        broader = []
        for name in info.get("broader", ()):
            b = entity_iri("Industry", name)
            broader.append(b)
            if b not in G:
                G.add_node(b, type="Industry", label=name, aliases=[], count=0, documents=[])
            if b not in seen:
                seen.add(b)
                todo.append(b)
        G.nodes[iri]["broader"] = sorted(broader)


def build_graph(docs: Iterable[Document], taxonomy: Optional[dict] = None, comention: bool = True) -> nx.MultiDiGraph:
    """Build the graph of resolved documents (see module docstring for its shape)."""
    builder = GraphBuilder(comention=comention)
    for doc in docs:
        builder.add(doc)
    return builder.graph(taxonomy)
