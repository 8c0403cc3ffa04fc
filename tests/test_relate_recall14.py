"""Relation forms found missing in the sixteenth batch (round 14): a list of appointments in one
sentence, where a former employer written into one person's phrase (前X公司副总裁A出任…) is no
employer of the next person's post; a post held 由A担任 (财务总监一职由A担任), also at a joint
venture called 新公司 afterwards; the holders of a joint venture listed before 分别持股.

Mentions are set by hand (the tests do not depend on the recogniser); each positive has a negative
where one makes sense. Every name is invented.
"""
from __future__ import annotations

from doc_helpers import pairs, posts, relation_triples  # noqa: E402  (tests/ is on sys.path)

C, P, PR, I, O, PL = "Company", "Person", "Product", "Industry", "Organization", "Place"


def invested(text, ents):
    return pairs(relation_triples(text, ents), "investedIn")


# --------------------------------------------------------------------------- appointment lists


def test_former_employer_of_one_appointee_is_not_the_next_ones():
    got = posts(relation_triples(
        "青岚运动用品有限公司宣布人事调整：前北辰体育公司副总裁岑若海出任首席营销官，执行董事贺知远兼任首席运营官。",
        [("青岚运动用品有限公司", C), ("北辰体育公司", C), ("岑若海", P), ("贺知远", P)]))
    assert ("贺知远", "青岚运动用品", "首席运营官") in got
    assert ("贺知远", "青岚运动用品", "执行董事") in got
    assert ("岑若海", "青岚运动用品", "首席营销官") in got
    assert ("岑若海", "北辰体育", "副总裁") in got
    assert not any(p == "贺知远" and o == "北辰体育" for p, o, _ in got)


def test_founders_current_posts_are_at_the_founded_company():
    got = posts(relation_triples(
        "松间茶事由前金桥饮料公司品牌经理闻溪与好友柯远山于2020年共同创立，目前闻溪任董事长，柯远山任首席执行官。",
        [("松间茶事", C), ("金桥饮料公司", C), ("闻溪", P), ("柯远山", P), ("闻溪", P), ("柯远山", P)]))
    assert ("闻溪", "松间茶事", "董事长") in got
    assert ("柯远山", "松间茶事", "首席执行官") in got
    assert not any(o == "金桥饮料" and t in ("董事长", "首席执行官") for _, o, t in got)


def test_former_employer_in_a_clause_of_its_own_is_no_employer_of_the_paragraph():
    got = posts(relation_triples(
        "宁川微电子有限公司近日任命两位高管：前远峰通信有限公司架构师邬明哲担任副总裁；财务总监一职由滕雨桐担任。",
        [("宁川微电子有限公司", C), ("远峰通信有限公司", C), ("邬明哲", P), ("滕雨桐", P)]))
    assert ("滕雨桐", "宁川微电子", "财务总监") in got
    assert not any(p == "滕雨桐" and o == "远峰通信" for p, o, _ in got)


def test_post_held_by_needs_a_holding_verb():
    got = posts(relation_triples("岭秀科技公告，财务总监一职由滕雨桐推荐人选。",
                                 [("岭秀科技", C), ("滕雨桐", P)]))
    assert not any(p == "滕雨桐" for p, _, _ in got)


def test_former_company_of_a_person_in_a_later_clause_still_counts_when_no_other():
    # 原X研究员A加盟: no appointing company is named, so none is taken from the former employer
    got = posts(relation_triples("原星图研究院研究员简秋白出任首席科学家。",
                                 [("星图研究院", O), ("简秋白", P)]))
    assert not any(t == "首席科学家" for _, _, t in got)


# --------------------------------------------------------------------------- joint ventures


VENTURE = ("澄江环保与北固能源签署协议，双方将合资成立常州绿循科技有限公司，澄江环保、北固能源分别持股55%和45%。"
           "新公司将专注于储能电池回收领域。新公司董事长由澄江环保副总裁蒋一鸣兼任，总经理由北固能源推荐的许清和担任。")
VENTURE_ENTS = [("澄江环保", C), ("北固能源", C), ("常州绿循科技有限公司", C), ("澄江环保", C), ("北固能源", C),
                ("储能电池回收", I), ("澄江环保", C), ("蒋一鸣", P), ("北固能源", C), ("许清和", P)]


def test_venture_holders_listed_before_respective_stakes():
    got = invested(VENTURE, VENTURE_ENTS)
    assert ("澄江环保", "绿循科技") in got
    assert ("北固能源", "绿循科技") in got


def test_new_company_is_the_venture():
    got = relation_triples(VENTURE, VENTURE_ENTS)
    assert ("蒋一鸣", "绿循科技", "董事长") in posts(got)
    assert ("许清和", "绿循科技", "总经理") in posts(got)
    assert not any(p == "许清和" and o == "北固能源" for p, o, _ in posts(got))


def test_new_company_without_a_venture_is_nothing():
    got = relation_triples("澄江环保与北固能源签署协议。新公司董事长由蒋一鸣兼任。",
                           [("澄江环保", C), ("北固能源", C), ("蒋一鸣", P)])
    assert not any(p == "蒋一鸣" and o == "北固能源" for p, o, _ in posts(got))


def test_listed_holders_need_a_venture():
    got = invested("澄江环保与北固能源签署协议，澄江环保、北固能源分别持股常州绿循科技有限公司55%和45%。",
                   [("澄江环保", C), ("北固能源", C), ("澄江环保", C), ("北固能源", C), ("常州绿循科技有限公司", C)])
    assert ("澄江环保", "北固能源") not in got


def parents(text, ents):
    return pairs(relation_triples(text, ents), "parentOrganization")


# --------------------------------------------------------------------------- investments, units


def test_capital_put_into_a_named_subsidiary():
    got = invested("岳麓银行董事会审议通过议案，拟向全资子公司岳麓理财增资20亿元。", [("岳麓银行", C), ("岳麓理财", C)])
    assert ("岳麓银行", "岳麓理财") in got


def test_capital_received_by_a_subsidiary_is_not_put_in():
    got = invested("岳麓银行公告，全资子公司岳麓理财已获得南湖资本增资。",
                   [("岳麓银行", C), ("岳麓理财", C), ("南湖资本", C)])
    assert ("岳麓银行", "岳麓理财") not in got


def test_stake_bought_in_a_brand_maker():
    got = invested("云牧乳业宣布战略入股酸奶品牌商青谷食品，持股比例为12%。", [("云牧乳业", C), ("青谷食品", C)])
    assert ("云牧乳业", "青谷食品") in got


def test_holding_raised_by_agreed_transfer():
    got = invested("丰禾集团今日宣布，已通过协议转让方式增持百川超市股份至25.1%。", [("丰禾集团", C), ("百川超市", C)])
    assert ("丰禾", "百川超市") in got


def test_holding_transferred_away_is_not_raised():
    got = invested("丰禾集团今日宣布，已转让后增持百川超市股份。", [("丰禾集团", C), ("百川超市", C)])
    assert ("丰禾", "百川超市") not in got


def test_unit_belonging_to_a_group():
    got = parents("华海重工集团所属东江造船日前与远洋物流签署协议。", [("华海重工集团", C), ("东江造船", C), ("远洋物流", C)])
    assert ("东江造船", "华海重工") in got
    assert ("远洋物流", "华海重工") not in got


# --- manufacturer: 由X供应 names the supplier as maker; 其配套的 is no product of 其 ------------------

def test_supplier_of_a_product_is_its_maker():
    text = "C929由中国商飞研制，其配套的CJ-2000发动机由中国航发公司供应。"
    ents = [("C929", PR), ("中国商飞", C), ("CJ-2000", PR), ("中国航发公司", C)]
    found = relation_triples(text, ents)
    assert ("CJ-2000", "manufacturer", "中国航发", None) in found
    assert ("CJ-2000", "manufacturer", "中国商飞", None) not in found


def test_supplier_of_a_part_of_the_product_is_not_its_maker():
    text = "星驰S9的电池由宁德时代供应。"
    found = relation_triples(text, [("星驰S9", PR), ("宁德时代", C)])
    assert ("星驰S9", "manufacturer", "宁德时代", None) not in found


# --- manufacturer: a drug's trade name is the product of the company that developed the drug ---------

def test_trade_name_after_self_developed_drug():
    text = "青松医药宣布，其自主研发的1类创新药松瑞替尼获国家药监局批准上市，商品名为松安康。"
    ents = [("青松医药", C), ("松瑞替尼", PR), ("国家药监局", O), ("松安康", PR)]
    assert ("松安康", "manufacturer", "青松医药", None) in relation_triples(text, ents)
    text = "青松医药公告，公司自主研发的创新药松瑞替尼片（商品名：松安康）获批新适应症。"
    ents = [("青松医药", C), ("松瑞替尼片", PR), ("松安康", PR)]
    assert ("松安康", "manufacturer", "青松医药", None) in relation_triples(text, ents)


def test_trade_name_of_another_company_drug_is_not_the_first_company():
    text = "青松医药宣布与白桦制药达成合作，后者自主研发的松瑞替尼商品名为松安康。"
    ents = [("青松医药", C), ("白桦制药", C), ("松瑞替尼", PR), ("松安康", PR)]
    assert ("松安康", "manufacturer", "青松医药", None) not in relation_triples(text, ents)
