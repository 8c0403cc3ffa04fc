"""Round 4 recognition rules: a company's China arm (X中国), how an investor invests before a funding
verb (战略领投), travel agencies as a company head, and more real places and companies."""
from doc_helpers import recognized, recognized_of_type

from graph_builder import lexicon


# --- _china_arm: company + 中国 is the company's China arm ------------------------------------------

def test_company_and_china_is_one_company():
    ents = recognized("林书言此前任赛诺菲中国医学事务部负责人。")
    assert ("赛诺菲中国", "Company") in ents
    assert ("中国", "Place") not in ents


def test_china_region_after_company_stays_apart():
    found = recognized_of_type("何嘉明此前担任耐克中国区总裁。", "Company")
    assert "耐克中国" not in found


def test_china_opening_a_unit_name_is_no_arm():
    found = recognized_of_type("许文涛此前任诺华中国创新中心负责人。", "Company")
    assert "诺华中国" not in found


# --- investor_cue_rule: 战略/联合 before 领投 say how, not who -----------------------------------------

def test_manner_word_before_funding_verb_is_cut():
    found = recognized_of_type("本轮融资由阿迪达斯战略领投，多家机构跟投。", "Company")
    assert "阿迪达斯" in found
    assert "阿迪达斯战略" not in found


# --- company_suffixes.txt: 旅行社 heads a company name ----------------------------------------------

def test_travel_agency_suffix():
    assert lexicon.suffixes("company").get("旅行社") == "core"


# --- places.txt / companies_extra.txt: real names that were missing ----------------------------------

def test_more_foreign_places():
    found = recognized_of_type("该集团将在泰国清迈和澳大利亚珀斯各开设一家门店。", "Place")
    assert {"清迈", "珀斯"} <= found


def test_country_with_province():
    found = recognized_of_type("矿山位于刚果民主共和国卢阿拉巴省。", "Place")
    assert "刚果民主共和国" in found


def test_mining_majors_are_companies():
    found = recognized_of_type("力拓与淡水河谷的铁矿石发运量均有所上升。", "Company")
    assert {"力拓", "淡水河谷"} <= found


def test_country_split_off_known_shipbuilder():
    ents = recognized("韩国现代重工上半年接获多艘集装箱船订单。")
    assert ("现代重工", "Company") in ents and ("韩国", "Place") in ents
