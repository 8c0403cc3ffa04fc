"""Entity resolution: document-independent keys, in-document aliases, corpus merge.

Texts are written for these tests; mentions are set by hand so that the tests do
not depend on the recogniser.
"""
from __future__ import annotations


import pytest

from graph_builder.doc import Document
from graph_builder.resolve import alias_key, corpus_key_map, is_short_form, resolve

from doc_helpers import annotated_doc  # noqa: E402  (tests/ is on sys.path)


def make_doc(text, ents, norm=None, tokens=None):
    """Document with mentions given as (surface, type) in order of appearance."""
    return annotated_doc(text, ents, norm=norm, tokens=tokens)


def keys(doc):
    return [(m.name, m.type, m.key) for m in doc.mentions]


@pytest.mark.parametrize(
    "name, key",
    [
        ("腾讯公司", "腾讯"),
        ("阿里巴巴集团控股有限公司", "阿里巴巴"),
        ("比亚迪股份有限公司", "比亚迪"),
        ("星河科技有限公司", "星河科技"),
        ("中国铁路总公司", "中国铁路"),
        ("微软（中国）有限公司", "微软"),
        ("深圳市星河计算机系统有限公司", "星河计算机系统"),
        ("Tencent Holdings Limited", "Tencent"),
        ("Apple Inc.", "Apple"),
        ("“蓝海集团”", "蓝海"),
        # a bare city prefix goes when a full name remains, not when it is part of the brand
        ("上海晨光半导体股份有限公司", "晨光半导体"),
        ("上海汽车集团股份有限公司", "上海汽车"),
        ("中国移动通信集团有限公司", "中国移动通信"),
        # kept whole: stripping would leave a place, a generic word or one character
        ("北京有限公司", "北京有限公司"),
        ("北京银行", "北京银行"),
        ("科技有限公司", "科技有限公司"),
        ("腾讯北京分公司", "腾讯北京分公司"),
    ],
)
def test_company_key_strips_legal_suffixes(name, key):
    assert alias_key("Company", name) == key


def test_other_types_keys():
    assert alias_key("Place", "深圳市") == "深圳"
    assert alias_key("Place", "香港特别行政区") == "香港"
    assert alias_key("Person", " 王 建国 ") == "王建国"
    assert alias_key("Person", "埃隆•马斯克") == "埃隆·马斯克"
    assert alias_key("Product", "《星河Watch 3》") == "星河Watch 3"
    # unknown industries keep the surface without 行业/领域
    assert alias_key("Industry", "火星采矿行业") == "火星采矿"


def test_industry_key_uses_taxonomy():
    pytest.importorskip("graph_builder.lexicon")
    assert alias_key("Industry", "新能源车") == "新能源汽车"
    assert alias_key("Industry", "新能源车行业") == "新能源汽车"


def test_industry_lookup_is_wired(monkeypatch):
    import graph_builder.resolve as r

    monkeypatch.setattr(r, "industry_canonical", lambda name: {"光伏": "太阳能发电"}.get(name))
    assert r.alias_key("Industry", "光伏板块") == "太阳能发电"
    assert r.alias_key("Industry", "储能赛道") == "储能"


def test_traditional_and_simplified_share_the_key():
    text = "騰訊公司宣佈，騰訊將擴大投資。"
    norm = "腾讯公司宣布，腾讯将扩大投资。"
    doc = resolve(make_doc(text, [("腾讯公司", "Company"), ("腾讯", "Company")], norm=norm))
    other = resolve(make_doc(norm, [("腾讯公司", "Company"), ("腾讯", "Company")]))
    assert [m.key for m in doc.mentions] == ["腾讯", "腾讯"] == [m.key for m in other.mentions]
    # the original (Traditional) surface is kept as an alias
    assert "騰訊公司" in doc.aliases[("Company", "腾讯")]


def test_introduced_short_form_rekeys_and_shares_type():
    text = "深圳市星河计算机系统有限公司（以下简称“星河”）今日发布公告。星河表示，星河将扩产。"
    tokens = ["深圳市", "星河", "计算机系统", "有限公司", "（", "以下", "简称", "“", "星河", "”", "）", "今日", "发布",
              "公告", "。", "星河", "表示", "，", "星河", "将", "扩产", "。"]
    # the recogniser found the full name, the short form in brackets and one use typed as a Place
    doc = make_doc(text, [("深圳市星河计算机系统有限公司", "Company"), ("星河", "Company"), ("星河", "Place")],
                   tokens=tokens)
    resolve(doc)
    got = keys(doc)
    assert [(t, k) for _, t, k in got] == [("Company", "星河")] * 4
    # the last use was missed by the recogniser: added as an alias mention
    assert doc.mentions[-1].method == "alias" and doc.mentions[-1].start == text.rindex("星河")
    assert "深圳市星河计算机系统有限公司" in doc.aliases[("Company", "星河")]


def test_short_form_use_replaces_the_pieces_it_was_split_into():
    text = "中国信息通信研究院（以下简称“中国信通院”）发布报告。中国信通院副院长李雪表示。"
    # the recogniser read the later use as a place and a company
    doc = make_doc(text, [("中国信息通信研究院", "Organization"), ("中国", "Place"), ("信通", "Company"),
                          ("李雪", "Person")])
    resolve(doc)
    assert [(m.name, m.type, m.key) for m in doc.mentions] == [
        ("中国信息通信研究院", "Organization", "中国信通院"), ("中国信通院", "Organization", "中国信通院"),
        ("中国信通院", "Organization", "中国信通院"), ("李雪", "Person", "李雪")]


def test_short_form_that_is_not_an_abbreviation_maps_to_full_key():
    text = "星河计算机系统有限公司（下称“银河”）成立于2015年。银河总部在深圳。"
    doc = resolve(make_doc(text, [("星河计算机系统有限公司", "Company"), ("银河", "Company"), ("深圳", "Place")]))
    # the second 银河 was not recognised: it is added, with the entity's key
    assert [(m.name, m.key) for m in doc.mentions] == [
        ("星河计算机系统有限公司", "星河计算机系统"), ("银河", "星河计算机系统"), ("银河", "星河计算机系统"), ("深圳", "深圳")]
    assert "银河" in doc.aliases[("Company", "星河计算机系统")]


def test_generic_short_forms_are_ignored():
    text = "蓝鲸动力电池股份有限公司（以下简称“公司”）发布公告。"
    doc = resolve(make_doc(text, [("蓝鲸动力电池股份有限公司", "Company")]))
    assert doc.mentions[0].key == "蓝鲸动力电池"
    assert len(doc.mentions) == 1


def test_english_name_in_brackets_is_an_alias():
    text = "腾讯（Tencent）宣布新计划。Tencent表示，腾讯（00700.HK）股价上涨。"
    doc = resolve(make_doc(text, [("腾讯", "Company"), ("Tencent", "Organization"), ("腾讯", "Company")]))
    assert [(m.type, m.key) for m in doc.mentions] == [("Company", "腾讯")] * 3
    assert doc.aliases[("Company", "腾讯")] == ["Tencent"]  # the stock code is not a name


def test_short_reference_resolves_to_unique_longer_company():
    text = "阿里巴巴集团控股有限公司今天宣布，阿里将加大投入。腾讯与腾讯音乐均未回应。"
    doc = resolve(make_doc(text, [("阿里巴巴集团控股有限公司", "Company"), ("阿里", "Company"),
                                  ("腾讯", "Company"), ("腾讯音乐", "Company")]))
    assert [m.key for m in doc.mentions] == ["阿里巴巴", "阿里巴巴", "腾讯", "腾讯音乐"]


def test_group_takes_the_most_used_key():
    text = "宁德时代新能源科技股份有限公司发布公告。宁德时代表示，宁德时代将扩产。"
    doc = resolve(make_doc(text, [("宁德时代新能源科技股份有限公司", "Company"), ("宁德时代", "Company"),
                                  ("宁德时代", "Company")]))
    assert [m.key for m in doc.mentions] == ["宁德时代"] * 3
    assert "宁德时代新能源科技股份有限公司" in doc.aliases[("Company", "宁德时代")]


def test_ambiguous_short_reference_is_left_alone():
    text = "星河动力与星河光电都发布了财报，星河方面表示满意。"
    doc = resolve(make_doc(text, [("星河动力", "Company"), ("星河光电", "Company"), ("星河", "Company")]))
    assert doc.mentions[2].key == "星河"


def test_short_reference_needs_same_type():
    text = "星河科技发布公告，星河乐队将演出。"
    doc = resolve(make_doc(text, [("星河科技", "Company"), ("星河", "Organization")]))
    assert doc.mentions[1].key == "星河"


def test_person_honorific_resolves_to_unique_surname():
    doc = resolve(make_doc("王建国是星河董事长。王总表示满意。",
                           [("王建国", "Person"), ("星河", "Company"), ("王总", "Person")]))
    assert doc.mentions[2].key == "王建国"
    doc = resolve(make_doc("王建国与王小明会面。王总表示满意。",
                           [("王建国", "Person"), ("王小明", "Person"), ("王总", "Person")]))
    assert doc.mentions[2].key == "王总"


def test_every_mention_gets_a_key_and_empty_docs_pass():
    doc = resolve(make_doc("张三在北京。", [("张三", "Person"), ("北京", "Place")]))
    assert all(m.key for m in doc.mentions)
    empty = resolve(Document(id="e", text=""))
    assert empty.mentions == [] and empty.aliases == {}


def test_is_short_form():
    assert is_short_form("阿里", "阿里巴巴")
    assert is_short_form("星河", "星河科技")
    assert is_short_form("平安", "中国平安")
    assert is_short_form("宁德时代", "宁德时代新能源科技")  # registered name
    assert not is_short_form("腾讯", "腾讯音乐")
    assert not is_short_form("腾讯", "腾讯金融科技")
    assert not is_short_form("腾讯", "腾讯")
    assert not is_short_form("北京", "北京银行")  # a place is never a short form


def test_corpus_key_map_merges_unique_short_forms():
    ks = [("Company", "阿里"), ("Company", "阿里巴巴"), ("Company", "阿里巴巴影业"), ("Company", "腾讯"),
          ("Company", "腾讯音乐"), ("Company", "平安"), ("Company", "中国平安"), ("Company", "星河"),
          ("Company", "星河动力"), ("Company", "星河光电"), ("Person", "王伟"), ("Person", "王伟东")]
    m = corpus_key_map(ks)
    assert set(m) == set(ks)
    assert m[("Company", "阿里")] == "阿里巴巴"
    assert m[("Company", "阿里巴巴影业")] == "阿里巴巴影业"
    assert m[("Company", "腾讯")] == "腾讯" and m[("Company", "腾讯音乐")] == "腾讯音乐"
    assert m[("Company", "平安")] == "中国平安"
    assert m[("Company", "星河")] == "星河"  # two longer candidates: ambiguous
    assert m[("Person", "王伟")] == "王伟"  # persons are never merged by name


def test_corpus_key_map_prefers_the_most_mentioned_key():
    ks = [("Company", "星河"), ("Company", "星河计算机系统")]
    assert corpus_key_map(ks)[("Company", "星河")] == "星河计算机系统"
    counts = {("Company", "星河"): 40, ("Company", "星河计算机系统"): 2}
    m = corpus_key_map(ks, counts)
    assert m[("Company", "星河")] == m[("Company", "星河计算机系统")] == "星河"


def test_bare_bracket_short_form_names_the_entity():
    doc = make_doc("北京星屿智能科技有限公司（星屿智能）完成融资。星屿智能表示将扩大团队。",
                   [("北京星屿智能科技有限公司", "Company")])
    resolve(doc)
    keys = [(doc.text[m.start:m.end], m.key) for m in doc.mentions]
    assert keys[0] == ("北京星屿智能科技有限公司", "星屿智能")
    # the later use the recogniser missed is added as a mention of the same entity
    assert keys.count(("星屿智能", "星屿智能")) == 2


def test_bare_bracket_that_is_not_a_short_form_is_left_alone():
    doc = make_doc("蓝湾科技有限公司（深圳）宣布。", [("蓝湾科技有限公司", "Company")])
    resolve(doc)
    assert [m.key for m in doc.mentions] == ["蓝湾科技"]


def test_electronics_subsidiary_is_not_a_short_form_of_its_parent():
    doc = make_doc("青禾电子是青禾股份有限公司的控股子公司。",
                   [("青禾电子", "Company"), ("青禾股份有限公司", "Company")])
    resolve(doc)
    assert [m.key for m in doc.mentions] == ["青禾电子", "青禾"]


def test_bracketed_contraction_is_the_same_entity():
    doc = make_doc("青禾汽车集团股份有限公司（青汽集团）宣布，青汽集团将扩产。",
                   [("青禾汽车集团股份有限公司", "Company"), ("青汽集团", "Company"), ("青汽集团", "Company")])
    resolve(doc)
    assert len({m.key for m in doc.mentions}) == 1
    # a bracket that does not contract the name is not linked
    doc = make_doc("青禾汽车有限公司（蓝湾）宣布。", [("青禾汽车有限公司", "Company"), ("蓝湾", "Company")])
    resolve(doc)
    assert len({m.key for m in doc.mentions}) == 2


def test_legal_name_short_form_used_later_is_the_same_company():
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="t", text="苏州纳微传感技术股份有限公司日前披露年报。纳微传感将继续加大研发投入。"))
    companies = [m for m in doc.mentions if m.type == "Company"]
    assert [doc.text[m.start:m.end] for m in companies] == ["苏州纳微传感技术股份有限公司", "纳微传感"]
    assert {m.key for m in companies} == {"纳微传感"}


def test_legal_name_short_form_is_not_taken_from_a_word_or_a_place():
    from graph_builder.pipeline import Pipeline

    # 上海 is a place and 发展 an ordinary word: neither is a short form of the company
    doc = Pipeline()(Document(id="t", text="上海发展控股有限公司今日公告。上海发展迅速。"))
    keys = {m.key for m in doc.mentions if m.type == "Company"}
    assert "上海" not in keys and "上海发展" not in {doc.text[m.start:m.end] for m in doc.mentions if m.start > 10}


def test_short_form_abbreviating_the_name_with_its_place_becomes_the_key():
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="t", text="台灣積體電路製造股份有限公司（以下簡稱台積電）今日宣布擴產。台積電表示，新廠明年投產。"))
    assert {m.key for m in doc.mentions if m.type == "Company"} == {"台积电"}


def test_short_form_introduced_after_a_stock_code_in_the_bracket():
    from doc_helpers import company_keys

    text = "上海衡算工业软件股份有限公司（688417.SH，以下简称“衡算软件”）与中国商飞签署合作协议。"
    keys = company_keys(text, ["上海衡算工业软件股份有限公司", "衡算软件", "中国商飞"])
    assert keys[:2] == ["衡算软件", "衡算软件"]
