"""The builder's on-disk store, the lazy graph, the state file and the streaming RDF writer.

The texts are the hand-written ones of ``conftest.py`` and a few written here
(fictional companies and people).
"""
from __future__ import annotations

import gzip
import json

import pytest

import graph_builder.export.rdf as rdfx
from graph_builder.api import UsageError, build
from graph_builder.doc import Document, Mention, Relation, Sentence
from graph_builder.export.rdf import Lit, RDF_FILES, iter_triples, write_rdf
from graph_builder.graph import GraphBuilder
from graph_builder.vocab import document_iri, entity_iri

from conftest import TAXONOMY, small_documents


def _builder(docs, comention=True):
    b = GraphBuilder(comention=comention)
    for d in docs:
        b.add(d)
    return b


def _plain(G):
    """Everything of a graph as plain data (lazy views read out), for comparisons."""
    nodes = {n: {k: list(v) if k == "documents" else v for k, v in d.items()} for n, d in G.nodes(data=True)}
    edges = {(s, o, k): {a: list(v) if a == "evidence" else v for a, v in d.items()}
             for s, o, k, d in G.edges(keys=True, data=True)}
    docs = {k: dict(v) for k, v in G.graph["documents"].items()}
    return nodes, edges, docs, list(G.nodes), list(G.edges(keys=True))


def _doc(doc_id, text, mentions, relations=(), meta=None):
    """A resolved document: ``mentions`` of (surface, type, key), relations of (s, predicate, o, title)."""
    d = Document(id=doc_id, text=text, meta=meta or {})
    d.sentences = [Sentence(0, len(text))]
    start = 0
    for surface, type_, key in mentions:
        start = text.index(surface, start)
        d.mentions.append(Mention(start, start + len(surface), type_, surface, key=key))
        start += len(surface)
    for s, predicate, o, title in relations:
        d.relations.append(Relation(s, predicate, o, 0, len(text), 0.8, "pattern", title))
    return d


def _alibaba_docs():
    one = _doc("m/1.txt", "云帆网络副总裁高远表示，云帆与云帆网络合作。",
               [("云帆网络", "Company", "云帆网络"), ("高远", "Person", "高远"), ("云帆", "Company", "云帆"),
                ("云帆网络", "Company", "云帆网络")],
               [(1, "worksFor", 0, "副总裁"), (2, "partnerOf", 3, None)])
    two = _doc("m/2.txt", "高远加入云帆。", [("高远", "Person", "高远"), ("云帆", "Company", "云帆")],
               [(0, "worksFor", 1, "首席执行官")])
    return [one, two]


def test_lazy_graph_reads_as_the_full_graph():
    b = _builder(small_documents())
    full, lazy = b.graph(taxonomy=TAXONOMY), b.graph(taxonomy=TAXONOMY, lazy=True)
    assert _plain(lazy) == _plain(full)
    s, o = entity_iri("Person", "林晓峰"), entity_iri("Company", "星河科技")
    ev = lazy.edges[s, o, "worksFor"]["evidence"]
    assert len(ev) == 2 == lazy.edges[s, o, "worksFor"]["weight"]
    assert ev == full.edges[s, o, "worksFor"]["evidence"]
    assert {e["doc"] for e in ev} == {document_iri("news/001.txt"), document_iri("news/002.txt")}
    docs = lazy.graph["documents"]
    assert len(docs) == 2 and document_iri("news/001.txt") in docs and "nope" not in docs
    assert docs[document_iri("news/001.txt")]["headline"] == "星河科技发布新款智能手表"
    assert list(docs) == sorted(docs)
    with pytest.raises(KeyError):
        docs["https://graph-builder.org/id/doc/none"]


def test_merge_moves_documents_evidence_and_drops_self_loops():
    b = _builder(_alibaba_docs())
    b.merge({("Company", "云帆"): "云帆网络"})
    G = b.graph()
    short, full = entity_iri("Company", "云帆"), entity_iri("Company", "云帆网络")
    person = entity_iri("Person", "高远")
    assert short not in G
    assert G.nodes[full]["count"] == 4
    assert "云帆" in G.nodes[full]["aliases"]
    assert G.nodes[full]["documents"] == sorted([document_iri("m/1.txt"), document_iri("m/2.txt")])
    assert G.graph["documents"][document_iri("m/2.txt")]["mentions"] == sorted([person, full])
    # worksFor of both documents is one edge now; partnerOf(云帆, 云帆网络) became a self-loop and went.
    ev = G.edges[person, full, "worksFor"]["evidence"]
    assert [e["doc"] for e in ev] == sorted([document_iri("m/1.txt"), document_iri("m/2.txt")])
    assert G.edges[person, full, "worksFor"]["weight"] == 2
    assert not any(k == "partnerOf" for *_, k in G.edges(keys=True))
    assert _plain(b.graph(lazy=True)) == _plain(G)


def test_save_then_load_and_add_equals_one_build(tmp_path):
    docs = small_documents() + _alibaba_docs()
    once = _builder(docs)
    first = _builder(docs[:2])
    first.save(tmp_path / "state.json.gz")
    again = GraphBuilder.load(tmp_path / "state.json.gz")
    assert len(again) == 2 and "news/001.txt" in again and "m/1.txt" not in again
    assert _plain(again.graph(TAXONOMY)) == _plain(first.graph(TAXONOMY))
    for d in docs[2:]:
        again.add(d)
    key_map = {("Company", "云帆"): "云帆网络"}
    once.merge(key_map)
    again.merge(key_map)
    assert _plain(again.graph(TAXONOMY)) == _plain(once.graph(TAXONOMY))
    with gzip.open(tmp_path / "state.json.gz", "rt", encoding="utf-8") as fh:
        assert json.loads(fh.readline()) == {"version": 2}


def _v1_state(b):
    """The state file of the first release (one JSON object), written from a builder's full graph."""
    G = b.graph()
    edges = [[s, o, k, list(d["evidence"])] for s, o, k, d in sorted(G.edges(keys=True, data=True))
             if k != "coMention"]
    comention = [[s, o, d["weight"]] for s, o, k, d in sorted(G.edges(keys=True, data=True)) if k == "coMention"]
    return {
        "version": 1,
        "nodes": {n: {"type": d["type"], "label": d["label"], "count": d["count"], "documents": d["documents"]}
                  for n, d in G.nodes(data=True)},
        "aliases": {n: {a: 1 for a in d["aliases"]} for n, d in G.nodes(data=True)},
        "docs": G.graph["documents"],
        "edges": edges,
        "comention": comention,
    }


def test_state_version_1_is_still_read(tmp_path):
    b = _builder(small_documents())
    path = tmp_path / "state.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(_v1_state(b), fh, ensure_ascii=False)
    assert _plain(GraphBuilder.load(path).graph(TAXONOMY)) == _plain(b.graph(TAXONOMY))


def test_unknown_state_version_is_one_clear_error(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with gzip.open(out / "state.json.gz", "wt", encoding="utf-8") as fh:
        fh.write('{"version": 99}\n')
    with pytest.raises(ValueError, match="unknown state version 99"):
        GraphBuilder.load(out / "state.json.gz")
    with pytest.raises(UsageError, match="state version"):
        build(["-"], outdir=out, stdin_text="云帆网络发布新品。", update=True, html=False)


def test_same_document_id_twice_keeps_the_later_metadata():
    a = _doc("dup.txt", "云帆网络发布新品。", [("云帆网络", "Company", "云帆网络")], meta={"headline": "旧"})
    b = _doc("dup.txt", "高远出席发布会。", [("高远", "Person", "高远")], meta={"headline": "新"})
    builder = _builder([a, b])
    assert len(builder) == 1
    for G in (builder.graph(), builder.graph(lazy=True)):
        meta = G.graph["documents"][document_iri("dup.txt")]
        assert meta["headline"] == "新" and meta["mentions"] == [entity_iri("Person", "高远")]
        # The entity side still lists the document, as before the store existed.
        assert G.nodes[entity_iri("Company", "云帆网络")]["documents"] == [document_iri("dup.txt")]


NASTY = ['quote " and \\ backslash', "new\nline\r\ttab", "back\\nslash-n", '"', "\\", "尾\"",
         "]]> </script> @prefix x: <y> .", '"""triple"""']


def _nasty_graph():
    b = _builder(small_documents())
    G = b.graph(TAXONOMY)
    for i, (n, d) in enumerate(G.nodes(data=True)):
        d["aliases"] = [NASTY[i % len(NASTY)]]
    return G


def test_nt_lines_parse_back_to_their_triples():
    for t in iter_triples(_nasty_graph()):
        s, p, o = rdfx._parse_nt_line(rdfx._nt_line(t))
        assert (s, p) == t[:2]
        if isinstance(t[2], Lit):
            assert o == Lit(t[2].value, t[2].datatype, t[2].lang)
        else:
            assert o == t[2]


def test_rdf_sorted_in_runs_on_disk_is_byte_identical(tmp_path, monkeypatch):
    G = _nasty_graph()
    stats_mem, stats_disk = {}, {}
    write_rdf(G, tmp_path / "memory", list(RDF_FILES), stats=stats_mem)
    monkeypatch.setattr(rdfx, "RUN_CHARS", 300)  # dozens of runs merged from disk
    write_rdf(G, tmp_path / "disk", list(RDF_FILES), stats=stats_disk)
    assert stats_mem == stats_disk and stats_mem["triples"] > 100
    for name in RDF_FILES.values():
        assert (tmp_path / "memory" / name).read_bytes() == (tmp_path / "disk" / name).read_bytes(), name
    assert sorted(p.name for p in (tmp_path / "disk").iterdir()) == sorted(RDF_FILES.values())
    lines = (tmp_path / "disk" / "graph.nt").read_text("utf-8").splitlines()
    assert lines == sorted(set(lines))


def test_build_returns_graph_whose_records_read_from_disk(tmp_path):
    text = "云帆网络副总裁高远表示，公司将与星海银行合作。"
    G, _, report = build(["-"], outdir=tmp_path / "out", stdin_text=text, html=False, return_rdf=False)
    assert G.number_of_nodes() > 0 and report.extra["graph"]["nodes"] == G.number_of_nodes()
    for _, d in G.nodes(data=True):
        assert list(d["documents"]) == sorted(d["documents"])
    for *_, k, d in G.edges(keys=True, data=True):
        if k != "coMention":
            assert len(d["evidence"]) == d["weight"] == len(list(d["evidence"]))
            assert all(e["sentence"] for e in d["evidence"])
    assert len(G.graph["documents"]) == 1


def test_state_written_beside_the_export_equals_a_plain_save(tmp_path):
    b = _builder(small_documents() + _alibaba_docs())
    b.save(tmp_path / "plain.json.gz")
    finish = b.start_save(tmp_path / "forked.json.gz")
    b.graph(TAXONOMY)  # the caller goes on meanwhile
    finish()
    with gzip.open(tmp_path / "forked.json.gz") as a, gzip.open(tmp_path / "plain.json.gz") as b:
        assert a.read() == b.read()


def test_a_failed_state_writer_is_rescued_by_the_caller(tmp_path, monkeypatch):
    import os

    b = _builder(small_documents())
    parent, save = os.getpid(), GraphBuilder.save

    def save_only_here(self, path):
        if os.getpid() != parent:
            raise OSError("disk full")  # the forked writer fails
        save(self, path)

    monkeypatch.setattr(GraphBuilder, "save", save_only_here)
    finish = b.start_save(tmp_path / "state.json.gz")
    finish(rescue=False)
    assert not (tmp_path / "state.json.gz").exists()
    finish = b.start_save(tmp_path / "state.json.gz")
    finish()
    assert sorted(GraphBuilder.load(tmp_path / "state.json.gz").keys()) == sorted(b.keys())


def test_a_failing_export_leaves_earlier_output_and_no_writer_behind(tmp_path, monkeypatch):
    import os

    out = tmp_path / "out"
    text = tmp_path / "a.txt"
    text.write_text("云帆网络科技有限公司副总裁林海表示，公司推出了云帆助手。", encoding="utf-8")
    build([str(text)], outdir=out, html=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args, **kwargs):
        raise OSError("no space left on device")

    forked = []
    fork = os.fork

    def recording_fork():
        pid = fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(rdfx, "write_rdf", broken)
    monkeypatch.setattr(os, "fork", recording_fork)
    with pytest.raises(OSError):
        build([str(text)], outdir=out, html=False)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no staging folder left either
    assert forked
    for pid in forked:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # the forked writer was waited for


def test_two_process_export_makes_the_lines_of_one(tmp_path, monkeypatch):
    import os

    b = _builder(small_documents() + _alibaba_docs())
    b.merge({("Company", "云帆"): "云帆网络"})
    G = b.graph(TAXONOMY, lazy=True)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = list(rdfx._sorted_lines(iter_triples(G), tmp_path / "a"))
    assert list(rdfx._lines_of_graph(G, tmp_path / "b")) == one
    assert any(" <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> " in line for line in one)

    parent, share = os.getpid(), rdfx._share_triples

    def failing_in_the_copy(*args):
        if os.getpid() != parent:
            raise OSError("the forked writer fails")
        return share(*args)

    monkeypatch.setattr(rdfx, "_share_triples", failing_in_the_copy)
    (tmp_path / "c").mkdir()
    assert list(rdfx._lines_of_graph(G, tmp_path / "c")) == one  # its share is made here instead
