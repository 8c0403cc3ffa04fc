"""The HTML view without a browser: self-contained, escaped, deterministic, atomic, capped."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graph_builder.doc import Document, Mention, Relation, Sentence
from graph_builder.export import html as html_export
from graph_builder.export.html import graph_payload, layout_positions, render_html, script_json, write_html
from graph_builder.graph import build_graph

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"


def make_doc(doc_id, text, meta, mentions, relations=(), aliases=None):
    """A resolved Document from names: offsets are found in the text, sentences end at 。.

    ``mentions`` are ``(surface, type, key)``; ``relations`` are
    ``(subject key, predicate, object key, title)``, the evidence being the sentence
    where the subject surface first occurs.
    """
    sentences, start = [], 0
    for i, ch in enumerate(text):
        if ch == "。":
            sentences.append(Sentence(start, i + 1))
            start = i + 1
    if start < len(text):
        sentences.append(Sentence(start, len(text)))
    doc = Document(id=doc_id, text=text, meta=dict(meta))
    doc.sentences = sentences
    for surface, type_, key in mentions:
        at = text.index(surface)
        doc.mentions.append(Mention(at, at + len(surface), type_, surface, key=key))
    by_key = {m.key: i for i, m in enumerate(doc.mentions)}
    for subj, pred, obj, title in relations:
        s = doc.mentions[by_key[subj]]
        sent = doc.sentence_of(s.start)
        doc.relations.append(Relation(by_key[subj], pred, by_key[obj], sent.start, sent.end, 0.85, title=title))
    doc.aliases = dict(aliases or {})
    return doc


def sample_documents():
    """Three made-up news items covering every entity type, relation kinds and hostile strings."""
    d1 = make_doc(
        "news/001.txt",
        "星河科技公司创始人林晓峰表示，新一代晨星芯片将在深圳量产。林晓峰现任星河科技董事长。",
        {"headline": "星河科技发布新一代芯片", "publisher": "示例日报", "date": "2024-03-01"},
        [("星河科技公司", "Company", "星河科技"), ("林晓峰", "Person", "林晓峰"), ("晨星芯片", "Product", "晨星芯片"), ("深圳", "Place", "深圳")],
        [("星河科技", "founder", "林晓峰", None), ("晨星芯片", "manufacturer", "星河科技", None)],
    )
    # The second worksFor sentence: 林晓峰 is found first in sentence 1, so add it by hand.
    second = d1.sentences[1]
    at = d1.text.index("星河科技董事长")
    d1.mentions.append(Mention(at, at + 4, "Company", "星河科技", key="星河科技"))
    d1.mentions.append(Mention(second.start, second.start + 3, "Person", "林晓峰", key="林晓峰"))
    d1.relations.append(Relation(len(d1.mentions) - 1, "worksFor", len(d1.mentions) - 2, second.start, second.end, 0.9, title="董事长"))
    d2 = make_doc(
        "news/002.txt",
        "蓝海资本宣布投资星河科技。" + SCRIPT + "蓝海资本还与" + IMG + "签署合作协议。",
        {"headline": "蓝海资本投资星河科技 <b>独家</b>", "publisher": "财经观察", "date": "2024-03-05", "author": "赵一"},
        [("蓝海资本", "Company", "蓝海资本"), ("星河科技", "Company", "星河科技"), (IMG, "Company", IMG)],
    )
    blue2 = d2.text.index("蓝海资本还与")
    d2.mentions.append(Mention(blue2, blue2 + 4, "Company", "蓝海资本", key="蓝海资本"))
    s1, s2 = d2.sentences[0], d2.sentences[1]
    d2.relations = [
        Relation(0, "investedIn", 1, s1.start, s1.end, 0.8),
        Relation(3, "partnerOf", 2, s2.start, s2.end, 0.7),
    ]
    d3 = make_doc(
        "news/003.txt",
        "王美玲出任北辰医药首席执行官。北辰医药属于医药制造行业。国家药监局批准了北辰医药的新药。",
        {"headline": "北辰医药任命新首席执行官", "publisher": "示例日报", "date": "2024-04-02"},
        [("王美玲", "Person", "王美玲"), ("北辰医药", "Company", "北辰医药"), ("医药制造", "Industry", "医药制造"), ("国家药监局", "Organization", "国家药监局")],
        [("王美玲", "worksFor", "北辰医药", "首席执行官")],
    )
    at = d3.text.index("北辰医药属于")
    d3.mentions.append(Mention(at, at + 4, "Company", "北辰医药", key="北辰医药"))
    s = d3.sentences[1]
    d3.relations.append(Relation(len(d3.mentions) - 1, "inIndustry", 2, s.start, s.end, 0.75))
    at = d3.text.index("北辰医药的")
    d3.mentions.append(Mention(at, at + 4, "Company", "北辰医药", key="北辰医药"))
    return [d1, d2, d3]


def sample_graph():
    return build_graph(sample_documents())


def embedded_data(text):
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S)
    assert m, "graph-data script element missing"
    return json.loads(m.group(1))


def synthetic_graph(n, edges_per_node=2, seed=1):
    """A graph of the builder's shape with ``n`` entities, for size tests."""
    return shaped_graph(nx.barabasi_albert_graph(n, edges_per_node, seed=seed))


def shaped_graph(B):
    """The builder's graph shape over the integer-labelled simple graph ``B``."""
    G = nx.MultiDiGraph()
    G.graph["documents"] = {}
    types = ("Person", "Company", "Organization", "Product", "Industry", "Place")
    for v in B:
        G.add_node(f"e{v:06d}", type=types[v % 6], label=f"实体{v}", aliases=[], count=1, documents=[])
    for u, v in B.edges():
        G.add_edge(f"e{u:06d}", f"e{v:06d}", key="partnerOf", predicate="partnerOf", weight=1, title=None, evidence=[])
    return G


def test_page_is_self_contained_utf8(tmp_path):
    out = write_html(sample_graph(), tmp_path / "graph.html")
    raw = out.read_bytes()
    text = raw.decode("utf-8")
    assert '<meta charset="utf-8">' in text
    assert "vis.Network" in text and "vis-network" in text  # library inlined
    assert not re.search(r"<script[^>]*\bsrc=", text, re.I)
    assert not re.search(r"<link\b", text, re.I)
    assert "@import" not in text
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", text)
    assert "bootstrap" not in text.lower()
    for name in ("人物", "公司", "机构", "产品", "行业", "地点", "任职", "创始人", "制造商", "所属行业", "母公司", "合作", "投资"):
        assert name in text
    assert "/*@" not in text  # every template marker filled


def test_hostile_strings_cannot_leave_the_data_block(tmp_path):
    title = "测试 </title><script>alert(3)</script>"
    G = sample_graph()
    text = write_html(G, tmp_path / "graph.html", title=title).read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S)
    block = m.group(1)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in block
    data = json.loads(block)
    labels = {n["l"] for n in data["nodes"]}
    assert IMG in labels
    assert any(SCRIPT in s for s in data["sentences"])
    assert "蓝海资本投资星河科技 <b>独家</b>" in {d["headline"] for d in data["docs"]}
    assert data["title"] == title
    # The title is HTML-escaped where it is markup; the only script tags are the template's three.
    assert "<title>测试 &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>" in text
    vis_js = html_export._asset("vendor/vis-network/vis-network.min.js")
    assert len(re.findall(r"<script\b", text)) == 3 + len(re.findall(r"<script\b", vis_js))
    assert "innerHTML" not in html_export._template()


def test_script_json_round_trips_line_separators():
    obj = {"s": "a\u2028b\u2029c</script>&<!--"}
    out = script_json(obj)
    assert "\u2028" not in out and "\u2029" not in out and "<" not in out
    assert json.loads(out) == obj


def test_payload_contents():
    data = graph_payload(sample_graph())
    by_label = {n["l"]: n for n in data["nodes"]}
    assert data["types"] == ["Person", "Company", "Organization", "Product", "Industry", "Place"]
    star = by_label["星河科技"]
    assert star["a"] == ["星河科技公司"]
    assert data["types"][star["t"]] == "Company"
    lin = data["nodes"].index(by_label["林晓峰"])
    works = [e for e in data["edges"] if data["predicates"][e["p"]] == "worksFor" and e["s"] == lin]
    assert len(works) == 1 and works[0]["ti"] == "董事长"
    doc, sentence, confidence, method, title = works[0]["ev"][0]
    assert data["docs"][doc]["headline"] == "星河科技发布新一代芯片"
    assert data["sentences"][sentence] == "林晓峰现任星河科技董事长。"
    assert confidence == 0.9 and title == "董事长"
    assert data["physics"] is True and data["omitted"]["nodes"] == 0
    # Importance order: the most connected entity comes first.
    assert data["nodes"][0]["l"] == "星河科技"
    assert [n["d"] for n in data["nodes"]] == sorted((n["d"] for n in data["nodes"]), reverse=True)


def test_same_graph_same_bytes(tmp_path):
    a = write_html(sample_graph(), tmp_path / "a.html").read_bytes()
    b = write_html(sample_graph(), tmp_path / "b.html").read_bytes()
    assert a == b
    big = synthetic_graph(1500)
    assert render_html(big) == render_html(synthetic_graph(1500))


def test_cap_reports_what_was_left_out():
    G = synthetic_graph(400)
    data = graph_payload(G, max_nodes=350)
    assert len(data["nodes"]) == 350
    assert data["omitted"]["nodes"] == 50
    kept = {n["i"] for n in data["nodes"]}
    inside = sum(1 for u, v in G.edges() if u in kept and v in kept)
    assert len(data["edges"]) == inside
    assert data["omitted"]["relations"] == G.number_of_edges() - inside
    degrees = dict(G.to_undirected().degree())
    assert min(degrees[n] for n in kept) >= max(degrees[n] for n in G if n not in kept)
    assert data["physics"] is False
    assert "--max-nodes" in html_export._template()


def test_large_layout_is_spread_and_complete():
    G = shaped_graph(nx.connected_caveman_graph(60, 50))  # 60 tight groups of 50
    data = graph_payload(G)
    xy = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xy) > 0.99 * len(data["nodes"])  # nodes do not pile up on one point
    assert data["physics"] is False
    # Connected nodes sit closer together than random pairs.
    nodes = data["nodes"]

    def dist(a, b):
        return ((nodes[a]["x"] - nodes[b]["x"]) ** 2 + (nodes[a]["y"] - nodes[b]["y"]) ** 2) ** 0.5

    edge_mean = sum(dist(e["s"], e["o"]) for e in data["edges"]) / len(data["edges"])
    pair_mean = sum(dist(i, (i * 7919) % len(nodes)) for i in range(len(nodes))) / len(nodes)
    assert edge_mean < 0.1 * pair_mean


def test_layout_of_disconnected_and_tiny_graphs():
    H = nx.Graph()
    H.add_nodes_from(["a", "b", "c"])
    pos = layout_positions(H, ["a", "b", "c"])
    assert len(set(pos)) == 3
    assert layout_positions(nx.Graph(), []) == []


def test_empty_graph_renders(tmp_path):
    G = nx.MultiDiGraph()
    G.graph["documents"] = {}
    data = embedded_data(write_html(G, tmp_path / "g.html").read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["edges"] == []


def test_write_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "graph.html"
    path.write_text("old", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    import graph_builder.export as export_package

    monkeypatch.setattr(export_package.os, "replace", broken)
    with pytest.raises(RuntimeError):
        write_html(sample_graph(), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]  # temp file removed
    monkeypatch.undo()
    write_html(sample_graph(), path)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]
