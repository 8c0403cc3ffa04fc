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

While building, only the entity, alias, edge and co-mention tables are in memory;
documents and evidence records go to a temporary SQLite database on disk. With
``GraphBuilder.graph(lazy=True)`` (what ``build`` uses) ``documents``,
``evidence`` and ``G.graph["documents"]`` are read-only views of that database,
so a corpus of any size exports in bounded memory; ``graph()`` and
:func:`build_graph` return plain lists and dicts.

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
import sqlite3
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Callable, Dict, Iterable, Iterator, List, Optional

import networkx as nx

from .doc import Document
from .vocab import document_iri, entity_iri

DOC_META = ("id", "headline", "author", "publisher", "date", "url")
#: Version of the state file written by :meth:`GraphBuilder.save` (version 1 is still read).
STATE_VERSION = 2
EVIDENCE_FIELDS = ("doc", "sentence", "start", "end", "confidence", "method", "title")


def assign_iris(doc: Document) -> Document:
    """Give every resolved mention its IRI (a function of type and canonical key only)."""
    for m in doc.mentions:
        m.iri = entity_iri(*m.ident)
    return doc


def _pack(value) -> bytes:
    # surrogatepass: any Python string survives the trip through SQLite.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _unpack(blob: bytes):
    return json.loads(blob.decode("utf-8", "surrogatepass"))


class _Store:
    """The per-document records of a build, in a private SQLite database on disk.

    ``sqlite3.connect("")`` makes a temporary database that SQLite deletes when
    the connection closes; only its page cache (bounded) is in memory. Tables:

    * ``docs``: document IRI -> its metadata (JSON);
    * ``mentions``: (document, entity) pairs; ``latest`` is 0 for the pairs of an
      earlier document with the same id (still counted on the entity's side);
    * ``evidence``: one row per evidence record, ``ek`` the edge it belongs to and
      ``seq`` its place in that edge's list (the order records were added in).
    """

    def __init__(self) -> None:
        self.db = sqlite3.connect("", check_same_thread=False)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-16384", "temp_store=FILE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(
            "CREATE TABLE docs (iri TEXT PRIMARY KEY, meta BLOB NOT NULL);"
            "CREATE TABLE mentions (doc TEXT NOT NULL, iri TEXT NOT NULL, latest INTEGER NOT NULL);"
            "CREATE TABLE evidence (ek INTEGER NOT NULL, seq INTEGER NOT NULL, rec BLOB NOT NULL);"
        )
        self.indexed = False

    def index(self) -> None:
        """Index the pairs and records (once; building the index after the bulk inserts is faster)."""
        if not self.indexed:
            self.db.executescript(
                "CREATE INDEX mentions_iri ON mentions (iri, doc);"
                "CREATE INDEX mentions_doc ON mentions (doc, iri);"
                "CREATE INDEX evidence_ek ON evidence (ek, seq);"
            )
            self.indexed = True

    # ------------------------------------------------------------------ writing

    def add_document(self, diri: str, meta: dict, mentions: Iterable[str], stale: Iterable[str] = ()) -> bool:
        """Store a document; True when it is new (a document with the same IRI is replaced)."""
        new = self.db.execute("SELECT 1 FROM docs WHERE iri = ?", (diri,)).fetchone() is None
        if not new:
            self.index()
            self.db.execute("UPDATE mentions SET latest = 0 WHERE doc = ?", (diri,))
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?)", (diri, _pack(meta)))
        rows = [(diri, iri, 1) for iri in mentions] + [(diri, iri, 0) for iri in stale]
        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?)", rows)
        return new

    def add_evidence(self, rows: List[tuple]) -> None:
        """``rows`` of ``(ek, seq, [doc, sentence, start, end, confidence, method, title])``."""
        self.db.executemany("INSERT INTO evidence VALUES (?, ?, ?)", [(ek, seq, _pack(rec)) for ek, seq, rec in rows])

    def remap_entities(self, iri_map: Dict[str, str]) -> None:
        """Rename entities in the pairs, all at once (a target that is also renamed is not followed)."""
        self.index()
        self.db.execute("CREATE TEMP TABLE remap (old TEXT PRIMARY KEY, new TEXT NOT NULL)")
        try:
            self.db.executemany("INSERT INTO remap VALUES (?, ?)", iri_map.items())
            self.db.execute("UPDATE mentions SET iri = (SELECT new FROM remap WHERE old = mentions.iri) "
                            "WHERE iri IN (SELECT old FROM remap)")
        finally:
            self.db.execute("DROP TABLE temp.remap")

    def move_evidence(self, moves: List[tuple], drops: List[int]) -> None:
        """Append edge ``old``'s records to edge ``ek`` after ``offset`` records: ``moves`` of
        ``(ek, offset, old)``; ``drops``: edges whose records are deleted."""
        self.index()
        self.db.executemany("DELETE FROM evidence WHERE ek = ?", [(ek,) for ek in drops])
        self.db.executemany("UPDATE evidence SET ek = ?, seq = seq + ? WHERE ek = ?", moves)

    # ------------------------------------------------------------------ reading

    def __contains__(self, diri: str) -> bool:
        return self.db.execute("SELECT 1 FROM docs WHERE iri = ?", (diri,)).fetchone() is not None

    def document_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM docs").fetchone()[0]

    def document_iris(self) -> List[str]:
        return sorted(r[0] for r in self.db.execute("SELECT iri FROM docs"))

    def document(self, diri: str):
        """The metadata of a document with its sorted ``mentions``, or None."""
        row = self.db.execute("SELECT meta FROM docs WHERE iri = ?", (diri,)).fetchone()
        return None if row is None else self._with_mentions(diri, row[0])

    def documents(self) -> Iterator[tuple]:
        """``(iri, metadata with mentions)`` of every document, sorted by IRI."""
        self.index()  # before the cursor opens: no schema change while it reads
        for diri, meta in self.db.execute("SELECT iri, meta FROM docs ORDER BY iri"):
            yield diri, self._with_mentions(diri, meta)

    def _with_mentions(self, diri: str, blob: bytes) -> dict:
        self.index()
        meta = _unpack(blob)
        rows = self.db.execute("SELECT DISTINCT iri FROM mentions WHERE doc = ? AND latest = 1", (diri,))
        meta["mentions"] = sorted(r[0] for r in rows)
        return meta

    def stale_mentions(self, diri: str, latest: List[str]) -> List[str]:
        """Entities that name ``diri`` only from an earlier document with its IRI."""
        rows = self.db.execute("SELECT DISTINCT iri FROM mentions WHERE doc = ?", (diri,))
        return sorted({r[0] for r in rows} - set(latest))

    def entity_documents(self, iri: str) -> List[str]:
        self.index()
        return sorted(r[0] for r in self.db.execute("SELECT DISTINCT doc FROM mentions WHERE iri = ?", (iri,)))

    def entity_document_count(self, iri: str) -> int:
        self.index()
        return self.db.execute("SELECT COUNT(DISTINCT doc) FROM mentions WHERE iri = ?", (iri,)).fetchone()[0]

    def evidence(self, ek: int, ordered: bool = True) -> List[dict]:
        """The records of edge ``ek``: with ``ordered`` by (doc, start, end), else as added."""
        self.index()
        rows = self.db.execute("SELECT rec FROM evidence WHERE ek = ? ORDER BY seq", (ek,))
        records = [dict(zip(EVIDENCE_FIELDS, _unpack(r[0]))) for r in rows]
        if ordered:
            records.sort(key=lambda e: (e["doc"], e["start"], e["end"]))
        return records


class _LazyList(Sequence):
    """A read-only list fetched from the store each time it is read (so the graph need not hold it)."""

    def __init__(self, fetch, size) -> None:
        # size: the length, or a function giving it (a count is cheaper than a fetch)
        self._fetch, self._size = fetch, size

    def __len__(self) -> int:
        if callable(self._size):
            self._size = self._size()
        return self._size

    def __iter__(self):
        return iter(self._fetch())

    def __getitem__(self, i):
        return self._fetch()[i]

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, tuple, Sequence)) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


class _LazyDocuments(Mapping):
    """``G.graph["documents"]`` read from the store: document IRI -> metadata, sorted by IRI."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __getitem__(self, diri):
        meta = self._store.document(diri)
        if meta is None:
            raise KeyError(diri)
        return meta

    def __contains__(self, diri) -> bool:
        return isinstance(diri, str) and diri in self._store

    def __iter__(self):
        return iter(self._store.document_iris())

    def __len__(self) -> int:
        return self._store.document_count()

    def items(self):
        return _DocumentItems(self)

    def __eq__(self, other) -> bool:
        return dict(self.items()) == other if isinstance(other, Mapping) else NotImplemented

    def __repr__(self) -> str:
        return f"<{len(self)} documents>"


class _DocumentItems:
    """``items()`` of :class:`_LazyDocuments`: one query streams them all."""

    def __init__(self, docs: _LazyDocuments) -> None:
        self._docs = docs

    def __iter__(self):
        return self._docs._store.documents()

    def __len__(self) -> int:
        return len(self._docs)


class GraphBuilder:
    """Accumulates documents one at a time, so a corpus never has to sit in memory.

    In memory: the entity table (type, label, mention count), the alias counters,
    the co-mention counts and, per typed edge, its number of records and job
    titles; all grow with the vocabulary, not with the corpus. Each document's
    metadata and mentions and each evidence record (with the sentence it cites)
    go to a temporary SQLite database on disk (:class:`_Store`); the texts are
    dropped after :meth:`add`.
    """

    def __init__(self, comention: bool = True) -> None:
        self.comention = comention
        self._nodes: Dict[str, dict] = {}
        self._aliases: Dict[str, Counter] = defaultdict(Counter)
        # (s, o, predicate) -> [edge id in the store, number of records, Counter of job titles]
        self._edges: Dict[tuple, list] = {}
        self._comention: Counter = Counter()
        self._store = _Store()
        self._next_edge = 0
        self._documents = 0
        # plain person IRI -> {IRI of one person of that name: IRIs of their employers};
        # None after load() until first needed (rebuilt from the worksFor edges)
        self._persons: Optional[Dict[str, Dict[str, set]]] = {}

    def __len__(self) -> int:
        """Number of documents added."""
        return self._documents

    def __contains__(self, doc_id: str) -> bool:
        """Whether a document with this id was already added."""
        return document_iri(doc_id) in self._store

    # ------------------------------------------------------------------ state file

    def save(self, path) -> None:
        """Write the tables (not the texts) so a later ``build --update`` can add to them.

        The file is gzipped JSON Lines, written as it is read from the store: a
        header ``{"version": 2}``, then one record a line (``node``, ``alias``,
        ``doc``, ``edge``, ``co``).
        """
        tmp = f"{path}.tmp"
        store = self._store
        # one encoder for every record: json.dumps with options builds a new one per call
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        # the flat records (node, co: most of the file) are formatted directly, with the
        # string escaper that encoder uses, so the bytes are the same
        string = json.encoder.encode_basestring
        with gzip.open(tmp, "wt", encoding="utf-8", errors="surrogatepass", compresslevel=6) as fh:
            # level 9 costs 4x the time for 4% less
            lines: List[str] = []

            def put(record) -> None:
                lines.append(encode(record))

            def flush() -> None:
                if lines:
                    lines.append("")
                    fh.write("\n".join(lines))
                    lines.clear()

            put({"version": STATE_VERSION})
            nodes = self._nodes
            for iri in sorted(nodes):
                n = nodes[iri]
                lines.append(f'["node",{string(iri)},{string(n["type"])},{string(n["label"])},{int(n["count"])}]')
            for iri in sorted(self._aliases):
                if self._aliases[iri]:
                    put(["alias", iri, dict(sorted(self._aliases[iri].items()))])
            flush()
            for diri, meta in store.documents():
                mentions = meta.pop("mentions")
                put(["doc", diri, meta, mentions, store.stale_mentions(diri, mentions)])
                if len(lines) >= 5000:
                    flush()
            for key in sorted(self._edges):
                records = [[e[f] for f in EVIDENCE_FIELDS] for e in store.evidence(self._edges[key][0], ordered=False)]
                put(["edge", *key, records])
                if len(lines) >= 5000:
                    flush()
            for (a, b), n in sorted(self._comention.items()):
                lines.append(f'["co",{string(a)},{string(b)},{int(n)}]')
                if len(lines) >= 50000:
                    flush()
            flush()
        os.replace(tmp, path)

    def start_save(self, path) -> Callable[..., None]:
        """Start :meth:`save` beside the caller; returns ``finish(rescue=True)``, which waits for it.

        On Linux the file is written by a forked copy of this process while the
        caller goes on (the export, at the end of a build: the two take about the
        same time, and nothing is written to the builder in between, so the copy
        sees the same tables; its store is only read). If that process fails,
        ``finish()`` writes the file here, so an error is raised as :meth:`save`
        raises it; ``finish(rescue=False)`` only waits (a caller that is failing
        anyway). Elsewhere the file is written before this returns.
        """
        from .forks import run_forked

        wait = run_forked(lambda: self.save(path))
        if wait is None:
            self.save(path)
            return lambda rescue=True: None

        def finish(rescue: bool = True) -> None:
            if not wait() and rescue:
                self.save(path)

        return finish

    @classmethod
    def load(cls, path, comention: bool = True) -> "GraphBuilder":
        """The builder saved by :meth:`save` (state versions 1 and 2)."""
        b = cls(comention=comention)
        with gzip.open(path, "rt", encoding="utf-8", errors="surrogatepass") as fh:
            head = json.loads(fh.readline() or "{}")
            version = head.get("version") if isinstance(head, dict) else None
            if version == 1:
                b._load_v1(head)
            elif version == STATE_VERSION:
                for line in fh:
                    b._load_record(json.loads(line))
            else:
                raise ValueError(f"{path}: unknown state version {version!r} (this graph-builder reads 1 and 2)")
        b._persons = None  # rebuilt from the loaded edges when a document is added
        return b

    def _load_record(self, rec: list) -> None:
        kind = rec[0]
        if kind == "node":
            _, iri, type_, label, count = rec
            self._nodes[sys.intern(iri)] = {"type": type_, "label": label, "count": count}
        elif kind == "alias":
            self._aliases[rec[1]] = Counter(rec[2])
        elif kind == "doc":
            _, diri, meta, mentions, stale = rec
            if self._store.add_document(diri, meta, mentions, stale):
                self._documents += 1
        elif kind == "edge":
            _, s, o, p, records = rec
            self._add_edge_records((sys.intern(s), sys.intern(o), p), records)
        elif kind == "co":
            self._comention[(sys.intern(rec[1]), sys.intern(rec[2]))] = rec[3]
        else:
            raise ValueError(f"unknown state record {kind!r}")

    def _load_v1(self, state: dict) -> None:
        """Version 1: one JSON object holding every table (read whole; written by earlier releases)."""
        for iri, v in state["nodes"].items():
            self._nodes[sys.intern(iri)] = {"type": v["type"], "label": v["label"], "count": v["count"]}
        for iri, v in state["aliases"].items():
            self._aliases[iri] = Counter(v)
        named = defaultdict(set)  # document -> entities listing it
        for iri, v in state["nodes"].items():
            for diri in v["documents"]:
                named[diri].add(iri)
        for diri, meta in state["docs"].items():
            meta = dict(meta)
            mentions = meta.pop("mentions")
            if self._store.add_document(diri, meta, mentions, sorted(named.pop(diri, set()) - set(mentions))):
                self._documents += 1
        for diri, iris in named.items():  # listed by an entity only (not in a v1 file written by build)
            self._store.db.executemany("INSERT INTO mentions VALUES (?, ?, 0)", [(diri, i) for i in sorted(iris)])
        for s, o, p, ev in state["edges"]:
            self._add_edge_records((sys.intern(s), sys.intern(o), p), [[e[f] for f in EVIDENCE_FIELDS] for e in ev])
        for a, bb, n in state["comention"]:
            self._comention[(sys.intern(a), sys.intern(bb))] = n

    def _add_edge_records(self, key: tuple, records: List[list]) -> None:
        """Append evidence records (lists in :data:`EVIDENCE_FIELDS` order) to the edge ``key``."""
        edge = self._edges.get(key)
        if edge is None:
            edge = self._edges[key] = [self._next_edge, 0, Counter()]
            self._next_edge += 1
        rows = []
        for rec in records:
            rows.append((edge[0], edge[1], rec))
            edge[1] += 1
            if rec[-1]:
                edge[2][rec[-1]] += 1
        self._store.add_evidence(rows)

    # ------------------------------------------------------------------ building

    def add(self, doc: Document) -> None:
        diri = document_iri(doc.id)
        mentioned = set()
        self._split_homonyms(doc)
        for m in doc.mentions:
            # One string object per entity, however many documents name it.
            m.iri = sys.intern(m.iri if m.iri is not None else entity_iri(*m.ident))
            node = self._nodes.get(m.iri)
            if node is None:
                node = self._nodes[m.iri] = {"type": m.type, "label": m.label, "count": 0}
            node["count"] += 1
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
        if self._store.add_document(diri, meta, sorted(mentioned)):
            self._documents += 1
        for r in doc.relations:
            s, o = doc.mentions[r.subject].iri, doc.mentions[r.object].iri
            if s == o:
                continue
            record = [diri, doc.text[r.start:r.end], r.start, r.end, round(float(r.confidence), 3), r.method, r.title]
            self._add_edge_records((s, o, r.predicate), [record])
        if self.comention:
            by_sentence = defaultdict(set)
            sentence_of = _sentence_finder(doc)
            for m in doc.mentions:
                by_sentence[sentence_of(m.start)].add(m.iri)
            for iris in by_sentence.values():
                for a, b in combinations(sorted(iris), 2):
                    self._comention[(a, b)] += 1

    def _person_table(self) -> Dict[str, Dict[str, set]]:
        if self._persons is None:  # after load(): the persons and their employers, from the edges
            table: Dict[str, Dict[str, set]] = defaultdict(dict)
            for iri, n in self._nodes.items():
                if n["type"] == "Person":
                    table[entity_iri("Person", n["label"])][iri] = set()
            for (s, o, p) in self._edges:
                if p == "worksFor" and self._nodes.get(s, {}).get("type") == "Person" and o in self._nodes:
                    table[entity_iri("Person", self._nodes[s]["label"])].setdefault(s, set()).add(self._nodes[o]["label"])
            self._persons = dict(table)
        return self._persons

    def _split_homonyms(self, doc: Document) -> None:
        """Keep people of the same name apart when their employers conflict.

        A person named in this document with employers (``worksFor``) takes the
        entity of that name with a compatible employer (the same name, or one a
        short form of the other: 云帆 and 云帆网络), else the plain entity when it
        has no employer yet, else a new entity keyed ``name（employer）`` (its label
        stays the name; the qualified name becomes an alias). Without an employer in
        the document, the plain entity is used. Deterministic for a given document order.
        """
        from .resolve import is_short_form

        employers: Dict[int, set] = defaultdict(set)
        for r in doc.relations:
            if r.predicate == "worksFor" and doc.mentions[r.subject].type == "Person":
                o = doc.mentions[r.object]
                employers[r.subject].add(o.label)
        table = self._person_table()
        by_name: Dict[str, set] = defaultdict(set)
        for i, m in enumerate(doc.mentions):
            if m.type == "Person":
                by_name[m.label].update(employers.get(i, ()))

        def fits(known: set, new: set) -> bool:
            return any(a == b or is_short_form(a, b) or is_short_form(b, a) for a in known for b in new)

        chosen: Dict[str, str] = {}
        for name, emp in sorted(by_name.items()):
            plain = entity_iri("Person", name)
            variants = table.setdefault(plain, {})
            if not emp:
                variants.setdefault(plain, set())
                continue
            pick = next((v for v in sorted(variants) if fits(variants[v], emp)), None)
            if pick is None and not variants.get(plain):
                pick = plain
            if pick is None:
                qualified = f"{name}（{min(emp)}）"
                pick = entity_iri("Person", qualified)
                if pick not in variants:  # the qualified name tells the two apart in views and queries
                    self._aliases[pick][qualified] += 1
            variants.setdefault(pick, set()).update(emp)
            if pick != plain:
                chosen[name] = pick
        for m in doc.mentions:
            if m.type == "Person" and m.label in chosen:
                m.iri = chosen[m.label]

    def keys(self):
        """``(type, canonical name)`` of every entity so far."""
        return [(n["type"], n["label"]) for n in self._nodes.values()]

    def complete_keys(self) -> List[tuple]:
        """``(type, key)`` of the companies some document wrote as a whole firm name (顺丰控股 for
        顺丰: :func:`resolve.written_complete`), for :func:`resolve.corpus_key_map`."""
        from .resolve import written_complete

        return sorted((n["type"], n["label"]) for iri, n in self._nodes.items() if n["type"] == "Company"
                      and any(a.startswith(n["label"]) and written_complete(n["label"], a)
                              for a in self._aliases.get(iri, ())))

    def related_keys(self) -> List[tuple]:
        """Pairs of ``(type, key)`` joined by an edge (``中金国际`` parentOrganization ``中金``): two
        entities some text relates to each other, never one, for :func:`resolve.corpus_key_map`."""
        out = []
        for s, o, _ in self._edges:
            a, b = self._nodes.get(s), self._nodes.get(o)
            if a and b and a["type"] == b["type"]:
                out.append(((a["type"], a["label"]), (b["type"], b["label"])))
        return sorted(out)

    def merge(self, key_map: Dict[tuple, str]) -> None:
        """Merge entities across documents: ``{(type, key): canonical key}``.

        The merged-away names become aliases of the surviving entity, and its
        edges move with it. Used for short forms no single document resolved
        (阿里 in one article, 阿里巴巴 in another).
        """
        self._persons = None  # employers may be renamed: rebuilt when next needed
        iri_map = {}
        for (type_, key), target in key_map.items():
            old, new = entity_iri(type_, key), entity_iri(type_, target)
            if old != new and old in self._nodes:
                iri_map[old] = sys.intern(new)
        if not iri_map:
            return
        for old, new in sorted(iri_map.items()):
            node = self._nodes.pop(old)
            tgt = self._nodes.get(new)
            if tgt is None:
                tgt = self._nodes[new] = {"type": node["type"], "label": _label_of(key_map, node), "count": 0}
            tgt["count"] += node["count"]
            self._aliases[new].update(self._aliases.pop(old, Counter()))
            self._aliases[new][node["label"]] += node["count"]
            self._aliases[new].pop(tgt["label"], None)
        self._store.remap_entities(iri_map)
        # An edge's records keep their order: those of the edges merged into it follow
        # its own, in the order the edges were first seen.
        edges: Dict[tuple, list] = {}
        moves, drops = [], []
        for (s, o, p), (ek, n, titles) in self._edges.items():
            s, o = iri_map.get(s, s), iri_map.get(o, o)
            if s == o:
                drops.append(ek)
                continue
            tgt = edges.get((s, o, p))
            if tgt is None:
                edges[(s, o, p)] = [ek, n, titles]
            else:
                moves.append((tgt[0], tgt[1], ek))
                tgt[1] += n
                tgt[2].update(titles)
        self._store.move_evidence(moves, drops)
        self._edges = edges
        com = Counter()
        for (a, b), n in self._comention.items():
            a, b = sorted((iri_map.get(a, a), iri_map.get(b, b)))
            if a != b:
                com[(a, b)] += n
        self._comention = com

    def graph(self, taxonomy: Optional[dict] = None, lazy: bool = False) -> nx.MultiDiGraph:
        """The finished graph, built in sorted order so output is deterministic.

        ``taxonomy`` maps an industry's canonical name to ``{"code", "broader": [names]}``;
        broader industries named there are added as nodes so the hierarchy is complete.

        With ``lazy`` the per-document parts (``G.graph["documents"]``, each node's
        ``documents``, each edge's ``evidence``) are read-only sequences and
        mappings read from this builder's store when used, so the graph holds only
        the entity and edge tables; the exporters stream them. Without it they are
        plain lists and dicts.
        """
        store = self._store
        G = nx.MultiDiGraph()
        if lazy:
            G.graph["documents"] = _LazyDocuments(store)
        else:
            G.graph["documents"] = dict(store.documents())
        for iri in sorted(self._nodes):
            n = self._nodes[iri]
            if lazy:
                documents = _LazyList(lambda iri=iri: store.entity_documents(iri),
                                      lambda iri=iri: store.entity_document_count(iri))
            else:
                documents = store.entity_documents(iri)
            G.add_node(
                iri,
                type=n["type"],
                label=n["label"],
                aliases=sorted(self._aliases.get(iri, ())),
                count=n["count"],
                documents=documents,
            )
        if taxonomy:
            _add_industry_hierarchy(G, taxonomy)
        for (s, o, p) in sorted(self._edges):
            ek, count, titles = self._edges[(s, o, p)]
            title = sorted(titles.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if titles else None
            evidence = _LazyList(lambda ek=ek: store.evidence(ek), count) if lazy else store.evidence(ek)
            G.add_edge(s, o, key=p, predicate=p, weight=count, title=title, evidence=evidence)
        _add_comentions(G, self._comention)
        return G


def _add_comentions(G: nx.MultiDiGraph, co: Dict[tuple, int]) -> None:
    """``G.add_edge(a, b, key="coMention", ...)`` for each pair of ``co`` in sorted order, in one pass.

    These are most of the graph's edges (160k at 5 MiB), and networkx's per-edge
    checks cost more than a second there; this writes the adjacency dicts the
    way ``MultiDiGraph.add_edge`` does (a new neighbour gets one key dict shared
    by ``_succ`` and ``_pred``), so the graph is the same. A pair with an
    unknown node goes through ``add_edge``.
    """
    succ, pred = G._succ, G._pred
    new_keys = G.edge_key_dict_factory
    for a, b in sorted(co):
        data = {"predicate": "coMention", "weight": co[(a, b)]}
        out = succ.get(a)
        if out is None or b not in succ:
            G.add_edge(a, b, key="coMention", **data)
            continue
        keys = out.get(b)
        if keys is None:
            keys = out[b] = new_keys()
            pred[b][a] = keys
        old = keys.get("coMention")
        if old is None:
            keys["coMention"] = data
        else:
            old.update(data)
    nx._clear_cache(G)


def _label_of(key_map: Dict[tuple, str], node: dict) -> str:
    return key_map[(node["type"], node["label"])]


def _sentence_index(doc: Document, offset: int) -> int:
    for i, s in enumerate(doc.sentences):
        if s.start <= offset < s.end:
            return i
    return -1


def _sentence_finder(doc: Document):
    """``offset -> _sentence_index(doc, offset)`` by bisection (sentences are sorted and disjoint)."""
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    if any(a.end > b.start for a, b in zip(sentences, sentences[1:])):
        return lambda offset: _sentence_index(doc, offset)  # not the segmenter's: scan as before

    def find(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        return i if i >= 0 and offset < sentences[i].end else -1

    return find


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
