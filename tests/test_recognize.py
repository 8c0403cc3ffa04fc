"""Rule and lexicon entity recognition."""
from __future__ import annotations

import pytest

from graph_builder.doc import Document, Mention
from graph_builder.recognize import RECOGNIZERS, recognize
from graph_builder.segment import segment

try:
    from graph_builder.normalize import normalize
except ImportError:  # pragma: no cover
    def normalize(doc):
        return doc


def _ents(text):
    doc = recognize(segment(normalize(Document(id="t", text=text))))
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.name or doc.norm[m.start:m.end] == m.name
    return doc, {(m.name, m.type) for m in doc.mentions}


@pytest.mark.parametrize("text,expected", [
    ("腾讯公司微信事业群副总裁耿志军表示", {("耿志军", "Person"), ("腾讯公司", "Company")}),
    ("欧阳娜娜出任董事长", {("欧阳娜娜", "Person")}),
    ("董事长王建国表示，公司将扩产。", {("王建国", "Person")}),
    ("王建国董事长表示", {("王建国", "Person")}),
    ("比亚迪发布了新款汉EV", {("比亚迪", "Company"), ("汉EV", "Product")}),
    ("新能源汽车行业增长放缓", {("新能源汽车", "Industry")}),
    ("在医疗、金融等领域落地", {("医疗", "Industry"), ("金融", "Industry")}),
    ("华为发布Mate 70和MatePad Pro 14", {("Mate 70", "Product"), ("MatePad Pro 14", "Product")}),
    ("深圳市腾讯计算机系统有限公司成立于1998年", {("深圳市腾讯计算机系统有限公司", "Company")}),
    ("国家发展和改革委员会发布通知", {("国家发展和改革委员会", "Organization")}),
    ("星河科技与蓝鲸动力在上海签约", {("星河科技", "Company"), ("蓝鲸动力", "Company"), ("上海", "Place")}),
])
def test_expected_entities(text, expected):
    _doc, got = _ents(text)
    assert expected <= got, got


def test_apps_are_products_not_persons():
    _doc, got = _ents("用户可以用支付宝或微信支付付款")
    assert ("支付宝", "Product") in got and ("微信支付", "Product") in got
    assert not any(t == "Person" for _n, t in got)


def test_internal_units_are_not_entities():
    _doc, got = _ents("原微信支付产品部总经理林浩然升任腾讯公司微信事业群副总裁")
    names = {n for n, _t in got}
    assert "林浩然" in names
    assert not any("事业群" in n or n.endswith("产品部") for n in names)


def test_place_inside_company_is_not_separate():
    doc, got = _ents("深圳星河智能科技有限公司在深圳设厂")
    assert ("深圳星河智能科技有限公司", "Company") in got
    assert [m.start for m in doc.mentions if m.type == "Place"] == [doc.text.rindex("深圳")]


def test_mentions_sorted_non_overlapping_with_offsets_into_text():
    text = "３月，騰訊公司與比亞迪合作。董事長王建國在深圳表示，新能源汽車行業前景廣闊。"
    doc, _got = _ents(text)
    assert doc.mentions
    prev_end = -1
    for m in doc.mentions:
        assert m.start >= prev_end
        prev_end = m.end
        assert doc.norm[m.start:m.end] == m.name  # name is the normalised surface
        assert len(doc.text[m.start:m.end]) == len(m.name)
    assert ("王建国", "Person") in {(m.name, m.type) for m in doc.mentions}


def test_no_person_from_common_words():
    _doc, got = _ents("智能化程度提高，业务部门在年度会议上汇报了吉瓦时产能。")
    assert not any(t == "Person" for _n, t in got), got


def test_report_titles_are_not_products():
    _doc, got = _ents("机构发布《2026年行业发展报告》")
    assert not any(t == "Product" for _n, t in got)


def test_site_names_are_dropped():
    _doc, got = _ents("本文来源：南岭财经网")
    assert not any(n.endswith("网") for n, _t in got)


def test_extra_recognizer_can_be_appended():
    def fake_crf(ctx):
        i = ctx.norm.find("青岚")
        return [Mention(i, i + 2, "Person", "青岚", method="crf", score=0.5)] if i >= 0 else []

    fake_crf.priority = 65
    RECOGNIZERS.append(fake_crf)
    try:
        doc, got = _ents("青岚昨日到访")
        assert ("青岚", "Person") in got
        assert any(m.method == "crf" for m in doc.mentions)
    finally:
        RECOGNIZERS.remove(fake_crf)


def test_recognize_segments_when_needed():
    doc = recognize(Document(id="t", text="宁德时代发布新一代动力电池"))
    assert doc.sentences and doc.tokens
    assert ("宁德时代", "Company") in {(m.name, m.type) for m in doc.mentions}


def test_empty_document():
    doc = recognize(Document(id="e", text=""))
    assert doc.mentions == [] and doc.sentences == []
