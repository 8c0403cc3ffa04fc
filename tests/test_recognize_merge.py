"""The merge of rule and CRF candidates (graph_builder.recognize.merge)."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.doc import Document, Mention, Token
from graph_builder.recognize import merge, recognize

MODEL = Path(__file__).resolve().parent.parent / "graph_builder" / "data" / "models" / "ner_crf.crfsuite"


def cand(text: str, name: str, etype: str, method: str, priority: int, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return priority, Mention(start, start + len(name), etype, name, method=method)


def names(mentions):
    return [(m.name, m.type) for m in mentions]


def tokens(text: str, words):
    """Tokens for ``text`` from ``(word, pos)`` pairs written in order."""
    out, k = [], 0
    for word, pos in words:
        k = text.index(word, k)
        out.append(Token(k, k + len(word), word, pos))
        k += len(word)
    return out


def test_place_at_head_of_crf_company_name_is_part_of_it():
    text = "长沙商业银行宣布增资"
    got = merge([cand(text, "长沙", "Place", "place_rule", 50),
                 cand(text, "长沙商业银行", "Company", "crf", 45)], text)
    assert names(got) == [("长沙商业银行", "Company")]


def test_place_in_branch_of_known_bank_is_no_mention():
    # 招商银行 + 深圳分行: the lexicon name wins, the branch's place is part of a unit (rule 6)
    text = "招商银行深圳分行行长邱立峰"
    got = merge([cand(text, "招商银行", "Company", "lexicon_companies", 80),
                 cand(text, "深圳", "Place", "place_rule", 50),
                 cand(text, "招商银行深圳分行", "Company", "crf", 45)], text)
    assert names(got) == [("招商银行", "Company")]


@pytest.mark.parametrize("text, crf_name, place", [
    ("比亚迪深圳坪山工厂投产", "深圳坪山", "深圳"),         # before a site word: a place (rule 9)
    ("由大疆深圳工厂生产", "大疆深圳", "深圳"),              # the span ends with the place
    ("收购德国厨电品牌卓雅电器股权", "德国厨电品牌卓雅电器", "德国"),  # description, then a name
])
def test_place_stays_where_the_crf_span_is_no_name(text, crf_name, place):
    got = merge([cand(text, place, "Place", "place_rule", 50),
                 cand(text, crf_name, "Company", "crf", 45)], text)
    assert (place, "Place") in names(got)


def test_place_stays_before_a_clause_the_crf_ran_into():
    text = "拟在马来西亚投资建设圆柱电池工厂"
    toks = tokens(text, [("拟", "v"), ("在", "p"), ("马来西亚", "ns"), ("投资", "vn"), ("建设", "vn"),
                         ("圆柱", "n"), ("电池", "n"), ("工厂", "n")])
    cands = [cand(text, "马来西亚", "Place", "place_rule", 50),
             cand(text, "马来西亚投资建设圆柱电池", "Company", "crf", 45)]
    assert ("马来西亚", "Place") in names(merge(cands, text, toks))


def test_rule_start_over_a_verb_yields_to_the_crf_start():
    text = "图为北京市房地产协会副秘书长陈志"
    toks = tokens(text, [("图为", "v"), ("北京市", "ns"), ("房地产", "n"), ("协会", "n"),
                         ("副秘书长", "nnt"), ("陈志", "nr")])
    cands = [cand(text, "图为北京市房地产协会", "Organization", "org_suffix_rule", 55),
             cand(text, "北京市房地产协会", "Organization", "crf", 65)]
    assert names(merge(cands, text, toks)) == [("北京市房地产协会", "Organization")]
    # a noun before the CRF's start: the rule's longer name stands
    text = "中国汽车工业协会发布数据"
    toks = tokens(text, [("中国", "ns"), ("汽车工业", "n"), ("协会", "n"), ("发布", "v"), ("数据", "n")])
    cands = [cand(text, "中国汽车工业协会", "Organization", "org_suffix_rule", 55),
             cand(text, "汽车工业协会", "Organization", "crf", 65)]
    assert names(merge(cands, text, toks)) == [("中国汽车工业协会", "Organization")]


def test_rule_start_over_a_list_joiner_yields_to_the_crf_start():
    text = "各地的美术馆和地方美术家协会的一些"
    cands = [cand(text, "美术馆和地方美术家协会", "Organization", "org_suffix_rule", 55),
             cand(text, "美术家协会", "Organization", "crf", 65)]
    assert ("美术家协会", "Organization") in names(merge(cands, text))


@pytest.mark.skipif(not MODEL.exists(), reason="no CRF model file")
def test_recognize_drops_branch_place_keeps_site_place():
    doc = recognize(Document(id="d", text="邵敬之此前任招商银行深圳分行行长，大疆深圳工厂今年投产。"))
    got = names(doc.mentions)
    assert ("招商银行", "Company") in got
    places = [m for m in doc.mentions if m.type == "Place"]
    assert [(m.name, m.start) for m in places] == [("深圳", doc.norm.index("大疆深圳") + 2)]


def test_place_and_short_word_is_no_name():
    text = "星河公司在深圳设厂"
    got = merge([cand(text, "深圳", "Place", "place_rule", 50),
                 cand(text, "深圳设厂", "Company", "crf", 45)], text)
    assert ("深圳", "Place") in names(got)
