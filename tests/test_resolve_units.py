"""A company the text makes a unit of another (旗下, 子公司, 是…旗下企业) keeps its own entity,
however alike the two names are; a firm named brand + country is the group's firm there.

Sentences are written for these tests.
"""
from __future__ import annotations

from graph_builder.resolve import resolve

from doc_helpers import annotated_doc, company_keys, recognized_doc  # noqa: E402  (tests/ is on sys.path)


def keys_by_name(text):
    doc = resolve(recognized_doc(text))
    return {m.name: m.key for m in doc.mentions if m.type == "Company"}


def test_unit_under_a_group_stays_apart_from_it():
    keys = company_keys("星澜集团旗下星澜科技发布新品。", ["星澜集团", "星澜科技"])
    assert keys[0] != keys[1]
    keys = company_keys("星澜科技是星澜集团旗下的研发企业。", ["星澜科技", "星澜集团"])
    assert keys[0] != keys[1]


def test_subsidiary_with_name_form_word_is_no_short_form_target():
    text = "青禾证券股份有限公司（青禾公司）公告，全资子公司青禾国际已获批准。青禾公司表示将稳健经营。"
    doc = resolve(annotated_doc(text, [("青禾证券股份有限公司", "Company"), ("青禾公司", "Company"),
                                       ("青禾国际", "Company"), ("青禾公司", "Company")]))
    keys = [m.key for m in doc.mentions]
    assert keys[0] == keys[1] == keys[3] != keys[2]
    assert keys[2] == "青禾国际"


def test_firm_named_brand_and_country_is_its_own_entity():
    text = "青禾储能股份有限公司拟在匈牙利设立青禾储能匈牙利有限公司，青禾储能表示将扩大产能。"
    keys = company_keys(text, ["青禾储能股份有限公司", "青禾储能匈牙利有限公司", "青禾储能"])
    assert keys[0] == keys[2] == "青禾储能"
    assert keys[1] == "青禾储能匈牙利"


def test_contraction_of_the_parent_is_not_merged_with_its_unit():
    text = "宝钢股份是中国宝武钢铁集团有限公司旗下核心上市公司，宝钢股份主营板材业务。"
    keys = company_keys(text, ["宝钢股份", "中国宝武钢铁集团有限公司", "宝钢股份"])
    assert keys[0] == keys[2] != keys[1]


def test_group_name_is_no_short_form_of_its_unit_legal_name():
    # 中远海运 (in 中远海运集团) is used elsewhere, but as the group the unit belongs to
    keys = keys_by_name("中远海运港口有限公司宣布完成收购。中远海运港口是中远海运集团旗下的码头运营企业。")
    assert keys["中远海运港口有限公司"] == keys["中远海运港口"] == "中远海运港口"
    assert keys["中远海运集团"] == "中远海运"


def test_legal_name_short_form_still_found():
    keys = keys_by_name("苏州纳微传感技术股份有限公司发布新品。纳微传感表示，新品将于年内量产。")
    assert keys["苏州纳微传感技术股份有限公司"] == keys["纳微传感"]



def test_corpus_merge_keeps_apart_what_a_text_relates():
    # one document makes 星澜国际 a unit of 星澜; across documents the short 星澜 must not
    # fold into 星澜国际, which would drop that parentOrganization edge
    from graph_builder.doc import Document
    from graph_builder.graph import GraphBuilder
    from graph_builder.pipeline import Pipeline
    from graph_builder.resolve import corpus_key_map

    pipe, builder = Pipeline(), GraphBuilder()
    texts = ["星澜证券股份有限公司（星澜公司）公告，全资子公司星澜国际已获香港证监会批准。",
             "星澜国际副总裁王立新表示，公司将稳健经营。"]
    for i, text in enumerate(texts):
        builder.add(pipe(Document(id=f"d{i}.txt", text=text)))
    assert (("Company", "星澜国际"), ("Company", "星澜")) in builder.related_keys()
    key_map = corpus_key_map(builder.keys(), complete=builder.complete_keys(), apart=builder.related_keys())
    assert key_map[("Company", "星澜")] == "星澜"
    assert key_map[("Company", "星澜国际")] == "星澜国际"
    # without the pairs the short form would have been folded in
    assert corpus_key_map(builder.keys(), complete=builder.complete_keys())[("Company", "星澜")] == "星澜国际"


def test_two_character_short_form_written_with_gongsi():
    keys = keys_by_name("中微半导体设备（上海）股份有限公司发布公告。交易完成后，晶测半导体将作为中微公司的全资子公司。")
    assert keys["中微半导体设备（上海）股份有限公司"] == keys["中微公司"]


def test_brand_and_place_firm_keeps_its_name_beside_the_plain_gongsi_form():
    keys = keys_by_name("阳光电源公司发布公告，拟在匈牙利设立阳光电源匈牙利有限公司，阳光电源表示将扩大产能。")
    assert keys["阳光电源公司"] == keys["阳光电源"] == "阳光电源"
    assert keys["阳光电源匈牙利有限公司"] == "阳光电源匈牙利"


def test_unit_named_with_where_it_works_stays_apart_from_its_parent():
    from doc_helpers import company_keys

    text = "中国移动与诺基亚贝尔签署合作协议。诺基亚贝尔是诺基亚在华的控股子公司。"
    keys = company_keys(text, ["中国移动", "诺基亚贝尔", "诺基亚贝尔", "诺基亚"])
    assert keys[1] == keys[2] and keys[2] != keys[3]
