"""Relation forms found missing or over-read in dev-1124..1183 (batch 14): 公司 opening a sentence
after a closing quote, partnership cues (合建, 联合采购, 共同发起, 与X联手), a product a named company
developed itself, an executive's "our new product" or "our own brand", an own variety owned, a product
contributing to revenue, 由X出品、在Y独播的Z, a product a funded company spends its round on, a
contract manufacturer (代工) only where no other maker is named, a unit's stores joining a platform (no
product of the unit), sectors: 作为X行业的代表/龙头之一, ranked in a market, 公司/我们在X领域的布局 or
competition, 其中X业务 after revenue, both of a pair in a sector, a focus clause after the founding
clause, a product category (品类) as no sector; stakes bought in a company introduced by its kind or
by the first company of the sentence, holders of a venture set up jointly (and not the holder that
becomes its parent), both holders of a 50/50 venture; 现任X的Y; 作为X的核心子公司 and a subsidiary set
up.

Mentions are set by hand (the tests do not depend on the recogniser); each positive has a negative
where one makes sense. Every name is invented.
"""
from __future__ import annotations

from doc_helpers import makers, pairs, partners, relation_triples  # noqa: E402  (tests/ is on sys.path)

C, P, PR, I, O, PL = "Company", "Person", "Product", "Industry", "Organization", "Place"


# --------------------------------------------------------------------------- coreference


def test_company_opening_a_sentence_after_a_closing_quote():
    got = relation_triples("青岚酒业董事长韩松表示：“今年的重点是华东市场。”公司同时宣布与北沙啤酒签署合作协议。",
                           [("青岚酒业", C), ("韩松", P), ("华东", PL), ("北沙啤酒", C)])
    assert frozenset({"青岚酒业", "北沙啤酒"}) in partners(got)


def test_officer_of_the_company_after_a_closing_quote():
    got = relation_triples("东川石化董事长程远表示：“原料供应已经稳定。”公司副总经理兼财务总监方可则称，检修将影响产能。",
                           [("东川石化", C), ("程远", P), ("方可", P)])
    assert ("方可", "worksFor", "东川石化", "副总经理") in got
    assert ("方可", "worksFor", "东川石化", "财务总监") in got


# --------------------------------------------------------------------------- partnerOf


def test_building_together_is_a_partnership():
    got = relation_triples("与此同时，云集电商宣布与飞鸽物流在墨西哥城合建海外仓。",
                           [("云集电商", C), ("飞鸽物流", C), ("墨西哥城", PL)])
    assert frozenset({"云集电商", "飞鸽物流"}) in partners(got)


def test_joint_purchase_agreement_is_a_partnership_but_a_plain_purchase_is_not():
    got = relation_triples("同日，远洋航运与北海船务签署绿色燃料联合采购协议。",
                           [("远洋航运", C), ("北海船务", C)])
    assert frozenset({"远洋航运", "北海船务"}) in partners(got)
    got = relation_triples("同日，远洋航运与北海船务签署燃料采购协议。", [("远洋航运", C), ("北海船务", C)])
    assert frozenset({"远洋航运", "北海船务"}) not in partners(got)


def test_fund_launched_together_with_a_company_of_a_place():
    got = relation_triples("华岭置业6月宣布，与新加坡的嘉德商业共同发起规模30亿元的基础设施基金。",
                           [("华岭置业", C), ("新加坡", PL), ("嘉德商业", C)])
    assert frozenset({"华岭置业", "嘉德商业"}) in partners(got)


def test_joining_hands_after_the_partner_is_named():
    got = relation_triples("同日，星耀手机与银通支付联手在手机钱包中上线碰一碰功能。",
                           [("星耀手机", C), ("银通支付", C)])
    assert frozenset({"星耀手机", "银通支付"}) in partners(got)


# --------------------------------------------------------------------------- manufacturer


def test_product_a_named_company_developed_itself_used_by_another():
    got = relation_triples("双方将在中东联合开发光伏电站，并全部采用晶岳能源自研的HX-9组件。",
                           [("中东", PL), ("晶岳能源", C), ("HX-9", PR)])
    assert ("HX-9", "晶岳能源") in makers(got)


def test_model_a_system_is_based_on_is_its_developers_not_the_users():
    got = relation_triples("双方将基于云启科技自研的天枢大模型开发智能核保系统。", [("云启科技", C), ("天枢大模型", PR)])
    assert ("天枢大模型", "云启科技") in makers(got)


def test_an_executive_speaks_of_our_new_product():
    got = relation_triples("讯联通信执行副总裁宁川表示：“我们新发布的SkyCell 3基站功耗降低了三成。”",
                           [("讯联通信", C), ("宁川", P), ("SkyCell 3", PR)])
    assert ("SkyCell 3", "讯联通信") in makers(got)


def test_an_executive_speaks_of_our_own_brand_past_an_investor():
    got = relation_triples("鲜达超市董事长龚原表示：“北辰电商的入股将帮助我们把自有品牌“田园鲜”推向全国。”",
                           [("鲜达超市", C), ("龚原", P), ("北辰电商", C), ("田园鲜", PR)])
    assert ("田园鲜", "鲜达超市") in makers(got)
    assert ("田园鲜", "北辰电商") not in makers(got)


def test_own_variety_owned_by_the_company_of_the_sentence():
    got = relation_triples("禾盛种业在巴西大豆种子市场排名前五，拥有自有品种HS 360。",
                           [("禾盛种业", C), ("巴西", PL), ("大豆种子", I), ("HS 360", PR)])
    assert ("HS 360", "禾盛种业") in makers(got)


def test_product_contributing_to_the_companys_profit():
    got = relation_triples("泉溪酒业今年前三季度营收同比增长9%，泉溪1952贡献了约七成利润。",
                           [("泉溪酒业", C), ("泉溪1952", PR)])
    assert ("泉溪1952", "泉溪酒业") in makers(got)


def test_produced_by_one_and_streamed_on_another():
    got = relation_triples("由星河影视出品、在青果视频独播的古装剧《长歌行远》将于国庆档上线。",
                           [("星河影视", C), ("青果视频", C), ("长歌行远", PR)])
    assert ("长歌行远", "星河影视") in makers(got)
    assert ("长歌行远", "青果视频") not in makers(got)


def test_round_spent_on_the_funded_companys_product():
    got = relation_triples("灵动智造则获得北辰创投和远山资本联合注资2亿元，资金将用于灵巧手DexArm 2的量产。",
                           [("灵动智造", C), ("北辰创投", C), ("远山资本", C), ("DexArm 2", PR)])
    assert ("DexArm 2", "灵动智造") in makers(got)
    assert ("DexArm 2", "北辰创投") not in makers(got)


def test_contract_manufacturer_gives_way_to_the_brand_company():
    got = relation_triples("星驰汽车发布首款轿跑星驰GT9。该车由南岭汽车代工生产。",
                           [("星驰汽车", C), ("星驰GT9", PR), ("南岭汽车", C)])
    assert ("星驰GT9", "星驰汽车") in makers(got)
    assert ("星驰GT9", "南岭汽车") not in makers(got)


def test_contract_manufacturer_stands_when_no_other_maker_is_named():
    got = relation_triples("同日，由南岭汽车代工生产的尊岳S9订单超过一万辆。", [("南岭汽车", C), ("尊岳S9", PR)])
    assert ("尊岳S9", "南岭汽车") in makers(got)


def test_stores_of_a_unit_joining_a_platform_make_no_product_of_it():
    got = relation_triples("根据协议，鲜达超市旗下300家门店将接入速达到家平台。", [("鲜达超市", C), ("速达到家", PR)])
    assert ("速达到家", "鲜达超市") not in makers(got)
    got = relation_triples("鲜达超市旗下自有品牌田园鲜销量翻番。", [("鲜达超市", C), ("田园鲜", PR)])
    assert ("田园鲜", "鲜达超市") in makers(got)


# --------------------------------------------------------------------------- inIndustry


def test_as_one_of_the_leading_firms_of_a_sector():
    got = relation_triples("作为果酒行业头部酒企之一，越古酒业2月18日公告聘任新总经理。",
                           [("果酒", I), ("越古酒业", C)])
    assert ("越古酒业", "inIndustry", "果酒", None) in got
    got = relation_triples("作为全球散货航运领域的龙头之一，海通航运计划降低碳排放。", [("散货航运", I), ("海通航运", C)])
    assert ("海通航运", "inIndustry", "散货航运", None) in got


def test_as_the_representative_of_a_sector():
    got = relation_triples("作为电子阅读器行业的外资代表，喜客电子宣布在华门店突破500家。",
                           [("电子阅读器", I), ("喜客电子", C), ("华", PL)])
    assert ("喜客电子", "inIndustry", "电子阅读器", None) in got


def test_ranked_in_a_market_of_a_place():
    got = relation_triples("禾盛种业在巴西大豆种子市场排名前五。", [("禾盛种业", C), ("巴西", PL), ("大豆种子", I)])
    assert ("禾盛种业", "inIndustry", "大豆种子", None) in got


def test_product_ranked_in_a_market_in_a_later_clause():
    got = relation_triples("旗下茶饮“山间茶”去年销售额突破20亿元，在椰汁饮品市场排名前三。",
                           [("山间茶", PR), ("椰汁饮品", I)])
    assert ("山间茶", "inIndustry", "椰汁饮品", None) in got


def test_company_layout_in_a_field_said_by_its_executive():
    got = relation_triples("明康医疗董事长李川表示：“康泰医疗的产品线将与公司在医学影像领域的布局形成互补。”",
                           [("明康医疗", C), ("李川", P), ("康泰医疗", C), ("医学影像", I)])
    assert ("明康医疗", "inIndustry", "医学影像", None) in got
    assert ("康泰医疗", "inIndustry", "医学影像", None) not in got


def test_layout_a_deal_extends_is_no_stated_sector():
    got = relation_triples("海岳电子副总裁吴川称，此次合作有助于完善公司在储能领域的布局。",
                           [("海岳电子", C), ("吴川", P), ("储能", I)])
    assert ("海岳电子", "inIndustry", "储能", None) not in got


def test_we_compete_in_a_market():
    got = relation_triples("北岭体育董事局主席郁川表示：“这笔交易将帮助我们在二次元游戏市场与雪峰互娱展开竞争。”",
                           [("北岭体育", C), ("郁川", P), ("二次元游戏", I), ("雪峰互娱", C)])
    assert ("北岭体育", "inIndustry", "二次元游戏", None) in got


def test_segment_named_after_the_companys_revenue():
    got = relation_triples("财报显示，北牧乳业前三季度营收同比增长3.8%，其中奶粉业务增速超过10%。",
                           [("北牧乳业", C), ("奶粉", I)])
    assert ("北牧乳业", "inIndustry", "奶粉", None) in got


def test_both_companies_are_leaders_of_a_sector():
    got = relation_triples("北辰微电和中芯装备分别拿下华岭半导体的刻蚀设备订单，两家公司均是国内半导体设备领域的龙头。",
                           [("北辰微电", C), ("中芯装备", C), ("华岭半导体", C), ("半导体设备", I)])
    assert ("北辰微电", "inIndustry", "半导体设备", None) in got
    assert ("中芯装备", "inIndustry", "半导体设备", None) in got
    assert ("华岭半导体", "inIndustry", "半导体设备", None) not in got


def test_focus_clause_after_the_founding_clause():
    got = relation_triples("芯途微电子成立于2019年，由前北岭半导体高级总监邵川创立，主攻汽车芯片领域。",
                           [("芯途微电子", C), ("北岭半导体", C), ("邵川", P), ("汽车芯片", I)])
    assert ("芯途微电子", "inIndustry", "汽车芯片", None) in got
    assert ("北岭半导体", "inIndustry", "汽车芯片", None) not in got


def test_a_product_category_is_no_sector():
    got = relation_triples("业内人士认为，北岭体育和天行运动也在加码卡牌游戏品类。",
                           [("北岭体育", C), ("天行运动", C), ("卡牌游戏", I)])
    assert ("北岭体育", "inIndustry", "卡牌游戏", None) not in got
    got = relation_triples("北岭体育也在加码卡牌游戏业务。", [("北岭体育", C), ("卡牌游戏", I)])
    assert ("北岭体育", "inIndustry", "卡牌游戏", None) in got


# --------------------------------------------------------------------------- investedIn


def test_stake_bought_in_a_company_introduced_by_its_kind():
    got = relation_triples("北岭集团8月宣布，旗下子公司北岭体育将以3亿欧元收购芬兰滑雪装备商极光体育60%股权。",
                           [("北岭集团", C), ("北岭体育", C), ("芬兰", PL), ("极光体育", C)])
    assert ("北岭体育", "极光体育") in pairs(got, "investedIn")


def test_stake_bought_by_the_first_company_of_the_sentence():
    got = relation_triples("华港码头5月宣布，以约4.5亿美元收购秘鲁码头运营商安山码头49%股权。",
                           [("华港码头", C), ("秘鲁", PL), ("安山码头", C)])
    assert ("华港码头", "安山码头") in pairs(got, "investedIn")


def test_stake_bought_in_a_future_subsidiary_is_the_acquisition():
    got = relation_triples("华港码头5月宣布，以约4.5亿美元收购秘鲁码头运营商安山码头60%股权，交易完成后安山码头将成为华港码头的控股子公司。",
                           [("华港码头", C), ("秘鲁", PL), ("安山码头", C), ("安山码头", C), ("华港码头", C)])
    assert ("华港码头", "安山码头") not in pairs(got, "investedIn")
    assert ("安山码头", "华港码头") in pairs(got, "parentOrganization")


def test_holders_of_a_venture_set_up_jointly():
    got = relation_triples("牧川股份与东禾农业共同出资设立牧禾农牧有限公司，在越南建设养殖基地，牧川股份持股51%，东禾农业持股49%。",
                           [("牧川股份", C), ("东禾农业", C), ("牧禾农牧有限公司", C), ("越南", PL),
                            ("牧川股份", C), ("东禾农业", C)])
    assert {("牧川", "牧禾农牧"), ("东禾农业", "牧禾农牧")} <= pairs(got, "investedIn")


def test_venture_holder_that_becomes_the_parent_is_no_investor():
    got = relation_triples("华川化学与德林化工合资成立华德新材料，华川化学持股60%，德林化工持股40%，华德新材料将成为华川化学的控股子公司。",
                           [("华川化学", C), ("德林化工", C), ("华德新材料", C), ("华川化学", C), ("德林化工", C),
                            ("华德新材料", C), ("华川化学", C)])
    assert ("华川化学", "华德新材料") not in pairs(got, "investedIn")
    assert ("德林化工", "华德新材料") in pairs(got, "investedIn")


def test_both_holders_of_a_fifty_fifty_venture():
    got = relation_triples("东洋汽车与长岭汽车各持股50%的合资公司长岭东洋将于年内推出纯电SUV。",
                           [("东洋汽车", C), ("长岭汽车", C), ("长岭东洋", C)])
    assert {("东洋汽车", "长岭东洋"), ("长岭汽车", "长岭东洋")} <= pairs(got, "investedIn")
    assert frozenset({"东洋汽车", "长岭汽车"}) in partners(got)


# --------------------------------------------------------------------------- worksFor


def test_current_post_of_the_founder_named_the_sentence_before():
    got = relation_triples("启明生物由前药石科技副总裁谭川于2018年创立，聚焦肿瘤免疫领域。现任董事长的谭川表示，资金充足。",
                           [("启明生物", C), ("药石科技", C), ("谭川", P), ("肿瘤免疫", I), ("谭川", P)])
    assert ("谭川", "worksFor", "启明生物", "董事长") in got
    assert ("谭川", "worksFor", "药石科技", "董事长") not in got


# --------------------------------------------------------------------------- parentOrganization


def test_as_the_core_subsidiary_of_a_group():
    got = relation_triples("作为华岳钢铁集团的核心子公司，岳钢股份今年还将新建一条电炉产线。",
                           [("华岳钢铁集团", C), ("岳钢股份", C)])
    assert ("岳钢", "华岳钢铁") in pairs(got, "parentOrganization")


def test_subsidiary_set_up_alone_but_not_a_joint_venture():
    got = relation_triples("新知教育10月在北京宣布成立研学旅行业务子公司新知游学科技有限公司。",
                           [("新知教育", C), ("北京", PL), ("研学旅行", I), ("新知游学科技有限公司", C)])
    assert ("新知游学科技", "新知教育") in pairs(got, "parentOrganization")
    got = relation_triples("新知教育与东岳文旅合资成立子公司新知游学科技有限公司。",
                           [("新知教育", C), ("东岳文旅", C), ("新知游学科技有限公司", C)])
    assert ("新知游学科技", "新知教育") not in pairs(got, "parentOrganization")
