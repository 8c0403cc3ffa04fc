"""Relation forms found missing or over-read in dev-884..943 (batch 10): a longer product
description after a launch verb (also after a place, and in a joint launch), a product of a
maker's brand introduced with a description (旗下护肤品牌Y推出…) or named as the brand's line
(旗下品牌“Y”的门锁Z), a product made by a unit a parent introduces after 由 (该剧由X旗下Y承制),
a drug in a clinical phase, a sentence-opening 其 before a product, a representative work
without a verb, a main product described with a sector word (核心产品为SaaS平台“Y”), joint work
stated with 共同推进/深度协同, a unit named after 通过 investing, a company raising its holding in
a later clause, all the shares bought in the passive (被Y收购全部
股权), a leading position held in a field, a sector called the company's 增长曲线, a company that is
the object of the clause before an apposition (X隶属于Y，是一家…企业), a person joining a company
with a post (加入公司担任…), an organization named after an executive's remark, and a product one
company develops on its own though planned jointly.

Mentions are set by hand (the tests do not depend on the recogniser); each positive has a negative
where one makes sense. Every name is invented.
"""
from __future__ import annotations

from doc_helpers import pairs, makers, relation_triples  # noqa: E402  (tests/ is on sys.path)

C, P, PR, I, O, PL = "Company", "Person", "Product", "Industry", "Organization", "Place"


# --------------------------------------------------------------------------- manufacturer


def test_launch_with_a_long_product_description():
    got = relation_triples("鲲鹏重工发布国内首台氢燃料电池大吨位正面吊KH-90，最大载荷45吨。",
                           [("鲲鹏重工", C), ("KH-90", PR)])
    assert ("KH-90", "鲲鹏重工") in makers(got)
    got = relation_triples("鲲鹏重工发布年报，海川机械推出氢燃料电池正面吊KH-90。",
                           [("鲲鹏重工", C), ("海川机械", C), ("KH-90", PR)])
    assert makers(got) == {("KH-90", "海川机械")}


def test_elided_launch_after_a_place_with_a_long_description():
    got = relation_triples("蓝鲸农装是一家农机企业，近日在黑龙江发布新一代无人驾驶水稻插秧机BJ-8与植保机器人BJ-R2。",
                           [("蓝鲸农装", C), ("农机", I), ("黑龙江", PL), ("BJ-8", PR), ("BJ-R2", PR)])
    assert {("BJ-8", "蓝鲸农装"), ("BJ-R2", "蓝鲸农装")} <= makers(got)


def test_joint_launch_with_a_long_description():
    got = relation_triples("北辰通信与云岭电子联合发布6G-A低轨卫星直连基站解决方案“星桥”。",
                           [("北辰通信", C), ("云岭电子", C), ("星桥", PR)])
    assert {("星桥", "北辰通信"), ("星桥", "云岭电子")} <= makers(got)


def test_own_development_overrides_a_joint_plan():
    text = "澜沧制药与白露生物签署合作协议，双方将共同开发单抗新药BL-07与澜沧制药旗下青禾片的联合疗法。"
    ents = [("澜沧制药", C), ("白露生物", C), ("BL-07", PR), ("澜沧制药", C), ("青禾片", PR)]
    got = relation_triples(text, ents)
    assert ("BL-07", "澜沧制药") in makers(got)  # planned together: both make it
    got = relation_triples(text + "BL-07由白露生物自主研发，目前处于I期临床阶段。",
                           ents + [("BL-07", PR), ("白露生物", C)])
    assert ("BL-07", "白露生物") in makers(got)
    assert ("BL-07", "澜沧制药") not in makers(got)


def test_brand_with_a_description_launches():
    got = relation_triples("云杉日化旗下彩妆品牌绮颜推出新品“水光唇釉”，售价129元。",
                           [("云杉日化", C), ("绮颜", PR), ("水光唇釉", PR)])
    assert ("水光唇釉", "云杉日化") in makers(got)
    got = relation_triples("云杉日化旗下彩妆品牌绮颜入驻海棠商城，海棠商城推出新品“水光唇釉”。",
                           [("云杉日化", C), ("绮颜", PR), ("海棠商城", C), ("海棠商城", C), ("水光唇釉", PR)])
    assert ("水光唇釉", "云杉日化") not in makers(got)


def test_model_of_a_brand_line():
    got = relation_triples("松果智能主营智能清洁业务，旗下品牌“净屿”的扫地机J7系列销量居前。",
                           [("松果智能", C), ("智能清洁", I), ("净屿", PR), ("J7", PR)])
    assert ("J7", "松果智能") in makers(got)
    got = relation_triples("松果智能主营智能清洁业务，竞争对手旗下品牌“净屿”的扫地机J7系列销量居前。",
                           [("松果智能", C), ("智能清洁", I), ("净屿", PR), ("J7", PR)])
    assert ("J7", "松果智能") not in makers(got)


def test_named_brand_line_of_a_maker():
    got = relation_triples("松果智能旗下品牌“净屿”的扫地机J7系列销量居前。",
                           [("松果智能", C), ("净屿", PR), ("J7", PR)])
    assert ("J7", "松果智能") in makers(got)


def test_made_by_a_unit_of_a_parent():
    got = relation_triples("青芒视频宣布古装剧《云中月》将于暑期播出，该剧由星河传媒旗下星河影业承制。",
                           [("青芒视频", C), ("云中月", PR), ("星河传媒", C), ("星河影业", C)])
    assert ("云中月", "星河影业") in makers(got)
    assert ("云中月", "星河传媒") not in makers(got)


def test_brand_run_by_a_unit_is_not_made_by_it():
    got = relation_triples("该品牌由岚山电器全资子公司岚山智家负责运营。" , [("岚山电器", C), ("岚山智家", C)])
    assert not makers(got)
    got = relation_triples("冰川电器推出新品冷柜“雪屋”，该产品由其全资子公司冰川制冷生产。",
                           [("冰川电器", C), ("雪屋", PR), ("冰川制冷", C)])
    assert ("雪屋", "冰川制冷") in makers(got)


def test_drug_in_a_clinical_phase_of_the_sole_company():
    got = relation_triples("和禾医药首席执行官林知远表示，公司专注于眼科疾病领域，HH-203已进入II期临床。",
                           [("和禾医药", C), ("林知远", P), ("眼科疾病", I), ("HH-203", PR)])
    assert ("HH-203", "和禾医药") in makers(got)
    got = relation_triples("和禾医药与远川生物达成合作，HH-203已进入II期临床。",
                           [("和禾医药", C), ("远川生物", C), ("HH-203", PR)])
    assert not makers(got)


def test_sentence_opening_its_before_a_product_is_the_company():
    got = relation_triples("岩舟储能创始人兼董事长秦牧之曾任赤城电力总工程师。其便携储能电源YZ-300已在华南上市。",
                           [("岩舟储能", C), ("秦牧之", P), ("赤城电力", C), ("YZ-300", PR)])
    assert ("YZ-300", "岩舟储能") in makers(got)
    assert ("YZ-300", "赤城电力") not in makers(got)
    got = relation_triples("岩舟储能创始人兼董事长秦牧之曾任赤城电力总工程师。其团队已扩充至200人，YZ-300已在华南上市。",
                           [("岩舟储能", C), ("秦牧之", P), ("赤城电力", C), ("YZ-300", PR)])
    assert ("YZ-300", "赤城电力") not in makers(got)


def test_representative_work_without_a_verb():
    got = relation_triples("竹影游戏专注于独立游戏领域，代表作《雾港来信》全球销量超过百万份。",
                           [("竹影游戏", C), ("独立游戏", I), ("雾港来信", PR)])
    assert ("雾港来信", "竹影游戏") in makers(got)


def test_main_product_after_a_sector_word():
    got = relation_triples("云杉链数专注于仓储管理软件领域，核心产品为SaaS平台“仓易通”。",
                           [("云杉链数", C), ("仓储管理软件", I), ("SaaS", I), ("仓易通", PR)])
    assert ("仓易通", "云杉链数") in makers(got)
    got = relation_triples("云杉链数的客户海川物流，核心产品为SaaS平台“仓易通”。",
                           [("云杉链数", C), ("海川物流", C), ("SaaS", I), ("仓易通", PR)])
    assert ("仓易通", "云杉链数") not in makers(got)


# --------------------------------------------------------------------------- partnerOf


def test_stake_and_joint_clinical_work_is_partnership():
    got = relation_triples("维康制药宣布向禾泽医药战略投资1亿美元，并将与后者共同推进口服新药HZ-9的临床开发。",
                           [("维康制药", C), ("禾泽医药", C), ("HZ-9", PR)])
    assert ("维康制药", "禾泽医药") in pairs(got, "partnerOf")
    assert ("维康制药", "禾泽医药") in pairs(got, "investedIn")
    got = relation_triples("维康制药宣布向禾泽医药战略投资1亿美元，后者将推进口服新药HZ-9的临床开发。",
                           [("维康制药", C), ("禾泽医药", C), ("HZ-9", PR)])
    assert not pairs(got, "partnerOf")


def test_deep_coordination_is_partnership():
    got = relation_triples("晨曦电子总裁秦远表示，公司将与北斗智舱在座舱软件上深度协同。",
                           [("晨曦电子", C), ("秦远", P), ("北斗智舱", C)])
    assert ("晨曦电子", "北斗智舱") in pairs(got, "partnerOf")
    got = relation_triples("晨曦电子总裁秦远表示，公司将推动各业务线深度协同，北斗智舱是其客户。",
                           [("晨曦电子", C), ("秦远", P), ("北斗智舱", C)])
    assert not pairs(got, "partnerOf")


# --------------------------------------------------------------------------- investedIn


def test_investing_through_an_own_unit():
    got = relation_triples("瑞芯科技宣布通过旗下创投公司瑞芯创投基金，领投芯片初创企业LumaCore的3000万美元A轮融资。",
                           [("瑞芯科技", C), ("瑞芯创投基金", C), ("芯片", I), ("LumaCore", C)])
    assert ("瑞芯创投基金", "LumaCore") in pairs(got, "investedIn")
    got = relation_triples("瑞芯科技宣布通过旗下创投公司瑞芯创投基金，收购了芯片初创企业LumaCore。",
                           [("瑞芯科技", C), ("瑞芯创投基金", C), ("芯片", I), ("LumaCore", C)])
    assert ("瑞芯创投基金", "LumaCore") not in pairs(got, "investedIn")


def test_raising_a_holding_in_a_later_clause():
    got = relation_triples("恒驰电子公告称，已通过大宗交易增持智能驾驶企业北辰智驾股份至12%。",
                           [("恒驰电子", C), ("智能驾驶", I), ("北辰智驾", C)])
    assert ("恒驰电子", "北辰智驾") in pairs(got, "investedIn")
    got = relation_triples("恒驰电子公告称，已通过大宗交易减持智能驾驶企业北辰智驾股份至3%。",
                           [("恒驰电子", C), ("智能驾驶", I), ("北辰智驾", C)])
    assert ("恒驰电子", "北辰智驾") not in pairs(got, "investedIn")


# --------------------------------------------------------------------------- parentOrganization


def test_acquired_with_all_shares_in_the_passive():
    got = relation_triples("独立游戏厂商竹影游戏近日被北辰互娱收购全部股权。", [("竹影游戏", C), ("北辰互娱", C)])
    assert ("竹影游戏", "北辰互娱") in pairs(got, "parentOrganization")
    got = relation_triples("独立游戏厂商竹影游戏近日被北辰互娱收购20%股权。", [("竹影游戏", C), ("北辰互娱", C)])
    assert ("竹影游戏", "北辰互娱") not in pairs(got, "parentOrganization")


# --------------------------------------------------------------------------- inIndustry


def test_leading_position_in_a_field_in_a_later_clause():
    got = relation_triples("中电九局是中电建设的全资子公司，在特高压输电领域处于领先地位。",
                           [("中电九局", C), ("中电建设", C), ("特高压输电", I)])
    assert ("中电九局", "特高压输电") in pairs(got, "inIndustry")
    assert ("中电建设", "特高压输电") not in pairs(got, "inIndustry")


def test_sector_called_the_growth_curve():
    got = relation_triples("芯睿微电子副总经理严书白表示，汽车电子业务已成为公司第二增长曲线。",
                           [("芯睿微电子", C), ("严书白", P), ("汽车电子", I)])
    assert ("芯睿微电子", "汽车电子") in pairs(got, "inIndustry")
    got = relation_triples("芯睿微电子副总经理严书白表示，汽车电子业务已成为行业第二增长曲线。",
                           [("芯睿微电子", C), ("严书白", P), ("汽车电子", I)])
    assert ("芯睿微电子", "汽车电子") not in pairs(got, "inIndustry")


def test_apposition_is_not_of_the_parent_named_before():
    got = relation_triples("华岭药业隶属于岭南医药，是一家专注于中成药领域的企业。",
                           [("华岭药业", C), ("岭南医药", C), ("中成药", I)])
    assert {s for s, _ in pairs(got, "inIndustry")} == {"华岭药业"}
    got = relation_triples("华岭药业，是一家专注于中成药领域的企业。", [("华岭药业", C), ("中成药", I)])
    assert {s for s, _ in pairs(got, "inIndustry")} == {"华岭药业"}


# --------------------------------------------------------------------------- worksFor


def test_joining_the_company_with_a_post():
    got = relation_triples("北极星音频宣布，原青橙传媒副总裁林见月加入公司担任首席内容官。",
                           [("北极星音频", C), ("青橙传媒", C), ("林见月", P)])
    assert ("林见月", "worksFor", "北极星音频", "首席内容官") in got
    assert ("林见月", "worksFor", "青橙传媒", "副总裁") in got
    got = relation_triples("北极星音频宣布，林见月加入公司前担任青橙传媒首席内容官。",
                           [("北极星音频", C), ("林见月", P), ("青橙传媒", C)])
    assert ("林见月", "worksFor", "北极星音频", "首席内容官") not in got


def test_executive_of_the_sentence_before_despite_a_regulator_after():
    got = relation_triples("星汇支付完成2亿元B轮融资。首席执行官骆景行表示，资金将用于申请中央银行颁发的支付牌照。",
                           [("星汇支付", C), ("骆景行", P), ("中央银行", O)])
    assert ("骆景行", "worksFor", "星汇支付", "首席执行官") in got
    got = relation_triples("星汇支付完成2亿元B轮融资。首席执行官骆景行表示，云图科技将为其提供风控服务。",
                           [("星汇支付", C), ("骆景行", P), ("云图科技", C)])
    assert ("骆景行", "worksFor", "星汇支付", "首席执行官") not in got
