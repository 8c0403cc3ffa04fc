"""States, international bodies and one-character short forms of places.

Sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from graph_builder import recognize as rec
from graph_builder.doc import Document
from graph_builder.pipeline import Pipeline
from graph_builder.resolve import alias_key, place_key


@pytest.fixture(scope="module")
def nlp():
    return Pipeline()


def spans(nlp, text):
    doc = nlp(Document(id="t", text=text))
    return [(m.name, m.type) for m in doc.mentions], doc


def rule_places(text):
    """Place spans of the short-form rule alone (no CRF, no merge)."""
    from graph_builder.segment import segment

    doc = Document(id="r", text=text)
    segment(doc)
    return [m.name + "@" + str(m.start) for m in rec.place_abbreviation_rule(rec.Context(doc))]


@pytest.mark.parametrize("text,name", [
    ("中华人民共和国主席在会上发表讲话。", "中华人民共和国"),
    ("波兰共和国总统当天抵达北京。", "波兰共和国"),
    ("马拉维人民热情好客。", "马拉维"),
])
def test_a_state_is_a_place_whatever_the_crf_reads(nlp, text, name):
    found, _ = spans(nlp, text)
    assert (name, "Place") in found


def test_formal_name_and_short_name_are_one_place(nlp):
    _, doc = spans(nlp, "中华人民共和国和中国是同一个国家。")
    keys = {m.key for m in doc.mentions if m.type == "Place"}
    assert keys == {"中国"}


def test_government_of_a_state_stays_an_organization(nlp):
    found, _ = spans(nlp, "波兰共和国政府与企业签署合作协定。")
    assert ("波兰共和国政府", "Organization") in found


@pytest.mark.parametrize("name,key", [("欧盟", "欧盟"), ("东盟", "东盟"), ("世贸组织", "世界贸易组织"),
                                      ("亚投行", "亚洲基础设施投资银行")])
def test_international_bodies_are_organizations(nlp, name, key):
    found, doc = spans(nlp, f"据悉，{name}发言人当天表示将密切关注。")
    assert (name, "Organization") in found
    assert [m.key for m in doc.mentions if m.name == name] == [key]
    assert alias_key("Organization", name) == key


def test_pair_of_short_forms_before_a_pair_word():
    assert rule_places("中美关系保持稳定。") == ["中@0", "美@1"]
    assert rule_places("港澳台同胞欢聚一堂。") == ["港@0", "澳@1", "台@2"]


def test_region_run_needs_a_pair_word():
    assert rule_places("沪深两市成交额突破万亿。") == []


def test_run_of_bare_country_forms_needs_no_pair_word():
    assert rule_places("双方将发表中俄第五个联合声明。") == ["中@5", "俄@6"]


@pytest.mark.parametrize("text", ["处理非法移民问题。", "这辆中巴的车号是皖K。", "中英文版本同时发布。",
                                  "中美洲国家的代表出席。"])
def test_no_run_inside_a_word(text):
    assert rule_places(text) == []


def test_side_word():
    assert rule_places("中方对此表示欢迎，美方也作出回应。") == ["中@0", "美@9"]
    assert rule_places("其中方面的问题已经解决。") == []


@pytest.mark.parametrize("text,expected", [
    ("公司计划赴港上市。", ["港@5"]),
    ("普里马科夫来华访问。", ["华@6"]),
    ("对美出口增长较快。", ["美@1"]),
    ("他对华为的发展表示肯定。", []),
    ("在美元走强的背景下。", []),
    ("在日前举行的发布会上。", []),
    ("该基金重仓港股。", []),
])
def test_short_form_after_a_verb_of_place(text, expected):
    assert rule_places(text) == expected


def test_short_forms_resolve_to_their_place(nlp):
    _, doc = spans(nlp, "中美关系保持稳定，蓝湾科技计划赴港上市。")
    keys = {m.name: m.key for m in doc.mentions if m.type == "Place"}
    assert keys == {"中": "中国", "美": "美国", "港": "香港"}
    assert place_key("沪") == "上海"
    assert place_key("甲") == "甲"  # not a short form: left as written


def test_sales_region_before_a_title_is_no_place(nlp):
    found, _ = spans(nlp, "亚太区副总裁周明表示，推动亚太地区合作。")
    assert ("亚太", "Place") in found  # 亚太 + 地区
    assert found.count(("亚太", "Place")) == 1  # not 亚太 + 区副总裁


def test_chinese_bodies_resolve_to_one_node(nlp):
    _, doc = spans(nlp, "工信部与工业和信息化部下属单位开会，民革和民进的负责人出席。")
    keys = [(m.name, m.key) for m in doc.mentions if m.type == "Organization"]
    assert keys == [("工信部", "工业和信息化部"), ("工业和信息化部", "工业和信息化部"),
                    ("民革", "中国国民党革命委员会"), ("民进", "中国民主促进会")]


def test_listed_body_inside_a_longer_name_is_left_to_it(nlp):
    found, _ = spans(nlp, "中国科学院物理研究所与蓝湾科技签署合作协议。")
    assert ("中国科学院物理研究所", "Organization") in found
    assert ("中国科学院", "Organization") not in found


def test_a_foreign_ministry_is_not_a_chinese_one(nlp):
    _, doc = spans(nlp, "美国商务部宣布新规。")
    assert all(m.key != "商务部" and "中国" not in (m.key or "") for m in doc.mentions)
