"""Relation forms found missing or over-read in dev-1064..1123 (batch 13): a sector stated of a
company by a later clause or sentence (公司将继续加大在X领域的投入, 巩固了其在X行业的地位,
公司称，X业务…，Y业务则…, 其中X业务表现亮眼, 进一步拓展X业务, 继续领跑X市场, 重回X市场出货量首位,
在X市场保持较快增长, 在中国X市场的份额, 补齐公司在X领域的产品线, 作为X领域的央企, a firm described
after two clauses), a product made by both sides past a clause, a product under the company an
earlier sentence opened with, a product exhibited, a product whose development a person led for
公司, a supplier (not its customer) as maker, the first operator of a product as no maker, a post
taken at 公司 after 履新, 该公司 after X旗下全资子公司Y, and a joint venture each side funds.

Mentions are set by hand (the tests do not depend on the recogniser); each positive has a negative
where one makes sense. Every name is invented.
"""
from __future__ import annotations

from doc_helpers import makers, pairs, partners, relation_triples  # noqa: E402  (tests/ is on sys.path)

C, P, PR, I, O, PL = "Company", "Person", "Product", "Industry", "Organization", "Place"


# --------------------------------------------------------------------------- inIndustry


def test_as_a_state_owned_firm_of_a_field():
    got = relation_triples("作为氢能领域的央企，华岳能源近年来加快在西北布局。",
                           [("氢能", I), ("华岳能源", C), ("西北", PL)])
    assert ("华岳能源", "inIndustry", "氢能", None) in got


def test_company_said_to_invest_more_in_a_field():
    got = relation_triples("青川互娱创始人沈墨表示，公司将持续加大在二次元游戏领域的研发投入。",
                           [("青川互娱", C), ("沈墨", P), ("二次元游戏", I)])
    assert ("青川互娱", "inIndustry", "二次元游戏", None) in got


def test_company_said_to_invest_more_in_a_market_in_a_later_clause():
    got = relation_triples("雪岭酒业总裁方泽表示，公司将继续推进高端化战略，加大在果酒市场的投入。",
                           [("雪岭酒业", C), ("方泽", P), ("果酒", I)])
    assert ("雪岭酒业", "inIndustry", "果酒", None) in got


def test_named_company_planning_to_invest_more_is_no_sector():
    got = relation_triples("分析人士认为，雪岭酒业将继续加大在果酒市场的投入。",
                           [("雪岭酒业", C), ("果酒", I)])
    assert ("雪岭酒业", "inIndustry", "果酒", None) not in got


def test_its_standing_strengthened_by_a_new_title():
    got = relation_triples("星桥网络今年推出的新作《远山》上线首月流水破亿，进一步巩固了其在卡牌游戏行业的地位。",
                           [("星桥网络", C), ("远山", PR), ("卡牌游戏", I)])
    assert ("星桥网络", "inIndustry", "卡牌游戏", None) in got


def test_its_layout_strengthened_in_a_market_of_a_place():
    got = relation_triples("莱茵化工表示，此举将加强其在中国电子化学品市场的布局。",
                           [("莱茵化工", C), ("中国", PL), ("电子化学品", I)])
    assert ("莱茵化工", "inIndustry", "电子化学品", None) in got


def test_its_standing_of_a_product_under_a_parent_is_still_not_the_parents():
    got = relation_triples("云杉集团旗下的云付App推出新功能，进一步巩固其在移动支付领域的地位。",
                           [("云杉集团", C), ("云付App", PR), ("移动支付", I)])
    assert ("云杉集团", "inIndustry", "移动支付", None) not in got


def test_segments_of_what_the_company_says():
    got = relation_triples("北辰石化发布半年报。公司称，芳烃业务受益于需求回暖，新材料业务则保持较快增长。",
                           [("北辰石化", C), ("芳烃", I), ("新材料", I)])
    assert ("北辰石化", "inIndustry", "芳烃", None) in got
    assert ("北辰石化", "inIndustry", "新材料", None) in got


def test_segment_said_to_lead_the_industry_is_still_not_the_companys():
    got = relation_triples("南湖食品表示，冷链业务仍是行业利润的主要来源。", [("南湖食品", C), ("冷链", I)])
    assert ("南湖食品", "inIndustry", "冷链", None) not in got


def test_segment_and_product_in_a_sentence_naming_no_company():
    got = relation_triples("海川饮品发布年度业绩公告，全年营收增长三成。其中椰汁饮品业务表现亮眼，旗下新品“椰力”销售额翻番。",
                           [("海川饮品", C), ("椰汁饮品", I), ("椰力", PR)])
    assert ("海川饮品", "inIndustry", "椰汁饮品", None) in got
    assert ("椰力", "海川饮品") in makers(got)


def test_business_expanded_in_a_later_clause_by_the_introduced_unit():
    got = relation_triples("东岳能源旗下岳燃股份近日宣布，将在陕西投资建设液化项目，进一步拓展燃气分销业务。",
                           [("东岳能源", C), ("岳燃股份", C), ("陕西", PL), ("燃气分销", I)])
    assert ("岳燃", "inIndustry", "燃气分销", None) in got
    assert ("东岳能源", "inIndustry", "燃气分销", None) not in got


def test_leading_a_market_after_its_sales():
    got = relation_triples("据行业数据，9月远航汽车销量突破20万辆，继续领跑插混汽车市场。",
                           [("远航汽车", C), ("插混汽车", I)])
    assert ("远航汽车", "inIndustry", "插混汽车", None) in got


def test_a_model_leading_a_market_is_not_its_makers_sector():
    got = relation_triples("远航汽车飞燕9月销量突破5万辆，继续领跑微型电动车市场。",
                           [("远航汽车", C), ("飞燕", PR), ("微型电动车", I)])
    assert ("远航汽车", "inIndustry", "微型电动车", None) not in got


def test_ranked_first_in_a_market():
    got = relation_triples("据调研机构统计，蓝鲸电子今年三季度重回全球平板电脑市场出货量首位。",
                           [("蓝鲸电子", C), ("平板电脑", I)])
    assert ("蓝鲸电子", "inIndustry", "平板电脑", None) in got


def test_growth_kept_in_a_market_in_a_later_clause():
    got = relation_triples("云岫数据为岫山集团的全资子公司，近年来在数据库市场保持较快增长。",
                           [("云岫数据", C), ("岫山集团", C), ("数据库", I)])
    assert ("云岫数据", "inIndustry", "数据库", None) in got


def test_share_in_a_market_of_a_place():
    got = relation_triples("数据显示，青鸾科技今年前三季度在中国电子阅读器市场的份额位居第一。",
                           [("青鸾科技", C), ("中国", PL), ("电子阅读器", I)])
    assert ("青鸾科技", "inIndustry", "电子阅读器", None) in got


def test_product_line_of_the_company_completed_in_a_field():
    got = relation_triples("华微半导体表示，此次收购将补齐公司在刻蚀设备领域的检测产品线。",
                           [("华微半导体", C), ("刻蚀设备", I)])
    assert ("华微半导体", "inIndustry", "刻蚀设备", None) in got


def test_firm_described_after_two_clauses():
    got = relation_triples("声海科技成立于2016年，主营蓝牙音箱，是一家专注于智能音频领域的企业。",
                           [("声海科技", C), ("智能音频", I)])
    assert ("声海科技", "inIndustry", "智能音频", None) in got


# --------------------------------------------------------------------------- manufacturer


def test_both_sides_develop_past_a_sector_and_a_clause():
    got = relation_triples("远帆农机与禾丰集团签署战略合作协议，双方将在智慧农业领域开展合作，并联合研发农事平台“耕云”。",
                           [("远帆农机", C), ("禾丰集团", C), ("智慧农业", I), ("耕云", PR)])
    assert {("耕云", "远帆农机"), ("耕云", "禾丰")} <= makers(got)


def test_product_exhibited():
    got = relation_triples("第五届工博会开幕，德国刀具制造商铁锋连续第三年参展，并展出了X-Cut 900数控机床的样机。",
                           [("德国", PL), ("铁锋", C), ("X-Cut 900", PR)])
    assert ("X-Cut 900", "铁锋") in makers(got)


def test_product_whose_development_a_person_led_for_the_company():
    got = relation_triples("周启明此前担任华芯存储首席技术官，曾主导公司Stack 3.0架构的开发。",
                           [("周启明", P), ("华芯存储", C), ("Stack 3.0", PR)])
    assert ("Stack 3.0", "华芯存储") in makers(got)


def test_supplier_is_the_maker_not_its_customer():
    got = relation_triples("值得注意的是，远航电池同时也是蓝鲸汽车部分车型蜂巢电池的供应商。",
                           [("远航电池", C), ("蓝鲸汽车", C), ("蜂巢电池", PR)])
    assert ("蜂巢电池", "远航电池") in makers(got)
    assert ("蜂巢电池", "蓝鲸汽车") not in makers(got)


def test_first_operator_of_a_plane_is_no_maker():
    got = relation_triples("南海航空是国内首家运营HJ-90的航空公司。", [("南海航空", C), ("HJ-90", PR)])
    assert not makers(got)


# --------------------------------------------------------------------------- worksFor


def test_post_taken_at_the_company_after_luxin():
    got = relation_triples("远途汽车宣布，原星辰汽车高级副总裁秦安正式履新公司总裁。",
                           [("远途汽车", C), ("星辰汽车", C), ("秦安", P)])
    assert ("秦安", "worksFor", "远途汽车", "总裁") in got
    assert ("秦安", "worksFor", "星辰汽车", "高级副总裁") in got


def test_that_company_is_the_unit_the_sentence_opens_with():
    got = relation_triples("华安证券旗下全资子公司华安期货同日公告，林晚秋出任该公司总经理。",
                           [("华安证券", C), ("华安期货", C), ("林晚秋", P)])
    assert ("林晚秋", "worksFor", "华安期货", "总经理") in got
    assert ("林晚秋", "worksFor", "华安证券", "总经理") not in got


# --------------------------------------------------------------------------- investedIn / partnerOf


def test_joint_venture_each_side_funds_with_joint_development():
    got = relation_triples("北岭汽车与南江集团宣布，双方将各出资50%在武汉设立岭江智行，联合研发纯电动车型。",
                           [("北岭汽车", C), ("南江集团", C), ("武汉", PL), ("岭江智行", C)])
    assert {("北岭汽车", "岭江智行"), ("南江", "岭江智行")} <= pairs(got, "investedIn")
    assert frozenset({"北岭汽车", "南江"}) in partners(got)


def test_joint_venture_funded_by_both_sides():
    got = relation_triples("海德化学与华东石化签署协议，双方将各出资50%成立合资公司海华材料。",
                           [("海德化学", C), ("华东石化", C), ("海华材料", C)])
    assert {("海德化学", "海华材料"), ("华东石化", "海华材料")} <= pairs(got, "investedIn")


def test_company_set_up_by_two_investors_makes_them_no_partners():
    got = relation_triples("星途汽车由长江汽车与鸿图科技共同投资设立。",
                           [("星途汽车", C), ("长江汽车", C), ("鸿图科技", C)])
    assert not partners(got)
