"""Relation forms of investors and parents found missing in the dev set (round 13): an investor
list after 投资方为/出资人包括/基石投资者包括 in a later clause or a sentence of its own, a
company register's 新增股东, 由A领投 after the round's comma, a round led in a later clause by the
company (or its unit) the sentence opened with, a sentence of holders and their percentages about
the company named before, joining several companies' 定向增发, a stake subscribed in a company
described by its sector, 此前已获X投资 of the clause's own subject, a parent described before its
name, a controlling holder buying over a long gap, and a grandchild company (孙公司), whose parent
is the subsidiary that buys it.

Mentions are set by hand (the tests do not depend on the recogniser); each positive has a negative
where one makes sense. Every name is invented.
"""
from __future__ import annotations

from doc_helpers import pairs, relation_triples  # noqa: E402  (tests/ is on sys.path)

C, P, PR, I, O, PL = "Company", "Person", "Product", "Industry", "Organization", "Place"


def invested(text, ents):
    return pairs(relation_triples(text, ents), "investedIn")


def parents(text, ents):
    return pairs(relation_triples(text, ents), "parentOrganization")


# --------------------------------------------------------------------------- investor lists


def test_investors_named_in_a_later_clause():
    got = invested("一家名为云岫数据的初创公司近日完成数千万元天使轮融资，投资方为青松资本和北岭创投。",
                   [("云岫数据", C), ("青松资本", C), ("北岭创投", C)])
    assert ("青松资本", "云岫数据") in got
    assert ("北岭创投", "云岫数据") in got


def test_fund_contributors_described_before_their_name():
    got = invested("澜湾产业基金完成首期5亿元募集，出资人包括南港创投和本地龙头企业海岳电子。",
                   [("澜湾产业基金", C), ("南港创投", C), ("海岳电子", C)])
    assert got == {("南港创投", "澜湾产业基金"), ("海岳电子", "澜湾产业基金")}


def test_cornerstone_investors_not_of_the_sponsor():
    got = invested("星衡储能港股上市首日收涨8%，本次发行的联席保荐人为东亚证券和西岸资本，基石投资者包括远山资产和明湖资本。",
                   [("星衡储能", C), ("东亚证券", C), ("西岸资本", C), ("远山资产", C), ("明湖资本", C)])
    assert ("远山资产", "星衡储能") in got
    assert ("明湖资本", "星衡储能") in got
    assert not any(o in ("东亚证券", "西岸资本") for _, o in got)


def test_cornerstone_investors_in_a_sentence_of_their_own():
    got = invested("智能物流企业驰远科技今日于香港招股，计划发行8000万股H股。基石投资者包括南丰资本、海峰投资及长桥基金，合共认购约3亿港元股份。",
                   [("驰远科技", C), ("香港", PL), ("南丰资本", C), ("海峰投资", C), ("长桥基金", C)])
    assert got == {("南丰资本", "驰远科技"), ("海峰投资", "驰远科技"), ("长桥基金", "驰远科技")}


def test_cornerstone_sentence_naming_its_own_company_takes_that_one():
    got = invested("驰远科技今日于香港招股。另一家企业启明物流的基石投资者包括南丰资本。",
                   [("驰远科技", C), ("香港", PL), ("启明物流", C), ("南丰资本", C)])
    assert ("南丰资本", "驰远科技") not in got


def test_new_holders_on_the_register():
    got = invested("工商信息显示，苏州青鸾科技有限公司近日新增股东星海资本与云川投资，注册资本增至800万元。",
                   [("苏州青鸾科技有限公司", C), ("星海资本", C), ("云川投资", C)])
    assert got == {("星海资本", "青鸾科技"), ("云川投资", "青鸾科技")}


def test_a_register_adding_a_manager_names_no_holder():
    got = invested("工商信息显示，青鸾科技近日新增法定代表人，星海资本退出。",
                   [("青鸾科技", C), ("星海资本", C)])
    assert not got


# --------------------------------------------------------------------------- rounds


def test_round_led_after_the_round_comma():
    got = invested("成立于2022年的衡芯智算已完成3亿元A轮融资，由北辰创投领投。",
                   [("衡芯智算", C), ("北辰创投", C)])
    assert ("北辰创投", "衡芯智算") in got


def test_unit_leading_a_round_in_a_later_clause():
    got = invested("远洋集团旗下远洋创投周三宣布，领投深圳储能初创公司凌川能源的B轮融资，金额达3亿元。",
                   [("远洋集团", C), ("远洋创投", C), ("深圳", PL), ("凌川能源", C)])
    assert ("远洋创投", "凌川能源") in got
    assert ("远洋集团", "凌川能源") not in got


def test_a_company_announcing_its_own_round_leads_nothing():
    got = invested("凌川能源周三宣布，已完成B轮融资，金额达3亿元。",
                   [("凌川能源", C)])
    assert not got


def test_joined_private_placements_of_several_companies():
    got = invested("今年以来，松岭资本还参与了华康医疗、瑞心生物等医疗器械企业的定向增发。",
                   [("松岭资本", C), ("华康医疗", C), ("瑞心生物", C), ("医疗器械", I)])
    assert got == {("松岭资本", "华康医疗"), ("松岭资本", "瑞心生物")}


# --------------------------------------------------------------------------- stakes


def test_holders_with_percentages_about_the_company_named_before():
    got = invested("智能家电企业青禾电器日前递交招股书。招股书显示，创始人兼董事长林思远直接持股约35%，海川集团旗下海川产业基金持股7.5%，南湖电气持股4%。",
                   [("智能家电", I), ("青禾电器", C), ("林思远", P), ("海川集团", C), ("海川产业基金", C), ("南湖电气", C)])
    assert ("林思远", "青禾电器") in got
    assert ("海川产业基金", "青禾电器") in got
    assert ("南湖电气", "青禾电器") in got
    assert ("海川集团", "青禾电器") not in got


def test_holder_through_its_fund_in_a_sentence_of_its_own():
    got = invested("据工商信息，自然人股东韩启明持有星芯半导体约12%的股份。鼎华资本则通过旗下基金持股6%。",
                   [("韩启明", P), ("星芯半导体", C), ("鼎华资本", C)])
    assert ("鼎华资本", "星芯半导体") in got


def test_venture_holders_are_not_investors_of_one_partner():
    got = invested("远帆汽车与北岭电池合资成立远岭动力。远帆汽车持股51%，北岭电池持股49%。",
                   [("远帆汽车", C), ("北岭电池", C), ("远岭动力", C)])
    assert ("北岭电池", "远帆汽车") not in got


def test_stake_subscribed_in_a_company_described_by_its_sector():
    got = invested("平安海岳保险股份有限公司公告，公司拟出资30亿元认购冷链物流企业恒运冷链新增股份，认购完成后将持股8%。",
                   [("平安海岳保险股份有限公司", C), ("冷链物流", I), ("恒运冷链", C)])
    assert ("平安海岳保险", "恒运冷链") in got


def test_a_stake_sold_is_no_subscription():
    got = invested("海岳保险公告，公司拟出售所持冷链物流企业恒运冷链股份。",
                   [("海岳保险", C), ("冷链物流", I), ("恒运冷链", C)])
    assert not got


def test_earlier_investor_of_the_clause_subject():
    got = invested("同日，云山保险旗下资管子公司云山资产宣布入股链川科技，后者是一家专注于供应链金融领域的企业，此前已获北港资本投资。",
                   [("云山保险", C), ("云山资产", C), ("链川科技", C), ("供应链金融", I), ("北港资本", C)])
    assert ("北港资本", "链川科技") in got
    assert ("北港资本", "云山保险") not in got


def test_earlier_investor_of_the_company_raising():
    got = invested("链川科技完成2亿元B轮融资，南山资本领投，此前已获北港资本投资。",
                   [("链川科技", C), ("南山资本", C), ("北港资本", C)])
    assert ("北港资本", "链川科技") in got
    assert ("北港资本", "南山资本") not in got


# --------------------------------------------------------------------------- parents


def test_parent_described_before_its_name():
    got = parents("东湾码头是智利航运公司太平洋远洋的控股子公司，交易完成后双方将共同开发二期工程。",
                  [("东湾码头", C), ("智利", PL), ("太平洋远洋", C)])
    assert ("东湾码头", "太平洋远洋") in got


def test_controlling_holder_buying_over_a_long_gap():
    got = parents("江苏华岭重工股份有限公司公告，控股股东华岭控股集团有限公司于5月1日至20日通过集中竞价累计增持公司股份300万股。",
                  [("江苏华岭重工股份有限公司", C), ("华岭控股集团有限公司", C)])
    assert ("华岭重工", "华岭") in got


def test_grandchild_belongs_to_the_subsidiary_that_buys_it():
    got = parents("东岳医药股份有限公司公告，全资子公司东岳生物拟以3亿元收购杭州青木基因有限公司全部股权。交易完成后，青木基因将成为东岳医药的孙公司。",
                  [("东岳医药股份有限公司", C), ("东岳生物", C), ("杭州青木基因有限公司", C), ("青木基因", C), ("东岳医药", C)])
    assert ("东岳生物", "东岳医药") in got
    assert ("青木基因", "东岳生物") in got
    assert ("青木基因", "东岳医药") not in got


def test_a_stake_bought_names_no_parent():
    got = parents("东岳生物拟以3亿元收购青木基因30%股权。",
                  [("东岳生物", C), ("青木基因", C)])
    assert not got


# --------------------------------------------------------------------------- later batch


def test_invests_in_the_operator_of_an_app():
    got = invested("同日，远跑体育宣布参投健身社交应用燃动的运营方跃步科技，投资金额约5000万元。",
                   [("远跑体育", C), ("燃动", PR), ("跃步科技", C)])
    assert ("远跑体育", "跃步科技") in got


def test_strategic_investment_received_from_a_foreign_company():
    got = invested("据悉，保健食品企业康泉生技宣布获日本森永食品战略投资5亿元，持股比例达20%。",
                   [("康泉生技", C), ("日本", PL), ("森永食品", C)])
    assert ("森永食品", "康泉生技") in got


def test_capital_put_into_a_named_subsidiary():
    got = relation_triples("晶城半导体今日公告，董事会核准以不超过50亿元增资日本子公司JSK，并聘任林宏远为副总经理。",
                           [("晶城半导体", C), ("日本", PL), ("JSK", C), ("林宏远", P)])
    assert ("晶城半导体", "JSK") in pairs(got, "investedIn")
    assert ("JSK", "晶城半导体") in pairs(got, "parentOrganization")


def test_capital_received_from_a_parent_is_not_put_in():
    got = relation_triples("晶城半导体今日公告，公司获得母公司增资，日本子公司JSK将扩产。",
                           [("晶城半导体", C), ("日本", PL), ("JSK", C)])
    assert ("晶城半导体", "JSK") not in pairs(got, "investedIn")


def test_investee_named_after_a_dash_description():
    got = invested("兰蔻同时宣布投资苏州一家专注于合成生物领域的原料公司——苏州源芯生物科技有限公司，持股比例未披露。",
                   [("兰蔻", C), ("苏州", PL), ("合成生物", I), ("苏州源芯生物科技有限公司", C)])
    assert ("兰蔻", "源芯生物科技") in got


def test_a_customer_after_a_dash_is_no_investee():
    got = invested("兰蔻同时宣布采购苏州一家原料公司——源芯生物的产品。",
                   [("兰蔻", C), ("苏州", PL), ("源芯生物", C)])
    assert not got
