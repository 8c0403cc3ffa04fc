"""Shared fixtures.

``small_graph``: a realistic small corpus graph built with
:func:`graph_builder.graph.build_graph` from two hand-written documents (text
written for these tests) with every entity type, every predicate, evidence
records, document metadata, an alias and a two-level industry taxonomy. Other
test files rely on it: extend it only by adding, never by changing what is there.

What it holds (labels):
  Person: 林晓峰, 张伟, 王芳            Company: 星河科技 (alias 星河科技有限公司), 蓝海集团, 中国移动, 红杉资本
  Organization: 国家发展和改革委员会   Product: 星河Watch 3   Place: 深圳
  Industry: 可穿戴设备 (code C3961) -> broader 电子设备制造 (code C39, no mention)
  Relations: founder(星河科技, 林晓峰), worksFor(张伟, 星河科技, 副总裁), worksFor(林晓峰, 星河科技,
  首席执行官) twice (two documents), worksFor(王芳, 国家发展和改革委员会, 主任), manufacturer(星河Watch 3,
  星河科技), inIndustry(星河科技, 可穿戴设备), parentOrganization(星河科技, 蓝海集团),
  partnerOf(星河科技, 中国移动), investedIn(红杉资本, 星河科技).
"""
from __future__ import annotations

import pytest

from graph_builder.doc import Document, Mention, Relation, Sentence
from graph_builder.graph import build_graph

DOC1 = ("星河科技有限公司创始人林晓峰今日宣布，公司副总裁张伟将负责智能手表业务。"
        "星河科技推出了智能手表星河Watch 3。"
        "星河科技是一家可穿戴设备企业，总部位于深圳。")
DOC2 = ("蓝海集团旗下的星河科技与中国移动达成战略合作。"
        "红杉资本投资了星河科技。"
        "国家发展和改革委员会主任王芳出席了发布会。"
        "星河科技首席执行官林晓峰表示，公司将继续扩大投资。")

TAXONOMY = {
    "可穿戴设备": {"code": "C3961", "broader": ["电子设备制造"]},
    "电子设备制造": {"code": "C39", "broader": []},
}


def _sentences(text):
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "。":
            out.append(Sentence(start, i + 1))
            start = i + 1
    return out


class _DocBuilder:
    """Mentions found by their text (n-th occurrence), relations by mention names."""

    def __init__(self, doc_id, text, meta):
        self.doc = Document(id=doc_id, text=text, meta=meta)
        self.doc.sentences = _sentences(text)

    def mention(self, surface, type_, key=None, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = self.doc.text.index(surface, start + 1)
        self.doc.mentions.append(Mention(start, start + len(surface), type_, surface, key=key or surface))
        return len(self.doc.mentions) - 1

    def relate(self, s, predicate, o, confidence, title=None, method="pattern"):
        m = self.doc.mentions[s]
        sent = self.doc.sentence_of(m.start)
        self.doc.relations.append(Relation(s, predicate, o, sent.start, sent.end, confidence, method, title))


def small_documents():
    a = _DocBuilder("news/001.txt", DOC1, {
        "headline": "星河科技发布新款智能手表", "author": "李明", "publisher": "科技日报",
        "date": "2026-05-01", "url": "https://news.example.com/a?id=1&lang=zh"})
    xh_full = a.mention("星河科技有限公司", "Company", key="星河科技")
    lin = a.mention("林晓峰", "Person")
    zhang = a.mention("张伟", "Person")
    xh = a.mention("星河科技", "Company", nth=1)
    watch = a.mention("星河Watch 3", "Product")
    xh3 = a.mention("星河科技", "Company", nth=2)
    wear = a.mention("可穿戴设备", "Industry")
    sz = a.mention("深圳", "Place")
    a.relate(xh_full, "founder", lin, 0.9)
    a.relate(zhang, "worksFor", xh_full, 0.85, title="副总裁")
    a.relate(watch, "manufacturer", xh, 0.8)
    a.relate(xh3, "inIndustry", wear, 0.7, method="rule")
    a.relate(lin, "worksFor", xh_full, 0.6, title="首席执行官")
    a.doc.aliases = {("Company", "星河科技"): ["星河科技有限公司"]}
    del sz

    b = _DocBuilder("news/002.txt", DOC2, {"author": None, "date": "2026年5月3日"})
    lanhai = b.mention("蓝海集团", "Company")
    xh = b.mention("星河科技", "Company")
    cm = b.mention("中国移动", "Company")
    hs = b.mention("红杉资本", "Company")
    xh2 = b.mention("星河科技", "Company", nth=1)
    ndrc = b.mention("国家发展和改革委员会", "Organization")
    wang = b.mention("王芳", "Person")
    xh4 = b.mention("星河科技", "Company", nth=2)
    lin = b.mention("林晓峰", "Person")
    b.relate(xh, "parentOrganization", lanhai, 0.75)
    b.relate(xh, "partnerOf", cm, 0.8)
    b.relate(hs, "investedIn", xh2, 0.9)
    b.relate(wang, "worksFor", ndrc, 0.95, title="主任")
    b.relate(lin, "worksFor", xh4, 0.9, title="首席执行官")
    return [a.doc, b.doc]


@pytest.fixture
def small_graph():
    """The corpus graph of :func:`small_documents` with :data:`TAXONOMY` (a fresh copy per test)."""
    return build_graph(small_documents(), taxonomy=TAXONOMY)
