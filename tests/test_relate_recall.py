"""Relation forms news uses that the first rules missed: shareholders, attributive clauses,
joint ventures of several companies, posts in brackets, pronouns for a product's maker.

Every positive has a negative next to it (customers, competitors, plans, components a product
uses), so a rule that reads too much fails here. Texts are written for these tests; mentions
are set by hand so the tests do not depend on the recogniser.
"""
from __future__ import annotations

import pytest

from graph_builder.relate import relate
from graph_builder.resolve import resolve

from doc_helpers import annotated_doc, relation_triples  # noqa: E402  (tests/ is on sys.path)

C, P, PR, I, O = "Company", "Person", "Product", "Industry", "Organization"


triples = relation_triples  # (subject key, predicate, object key, title)


CASES = [
    # investedIn: shareholders, attributive investor, investment before the main clause
    ("青禾智能成立于2019年，小米集团和顺为资本均为其股东。", [("青禾智能", C), ("小米集团", C), ("顺为资本", C)],
     {("小米", "investedIn", "青禾智能", None), ("顺为资本", "investedIn", "青禾智能", None)}),
    ("星澜科技的股东包括腾讯和红杉中国。", [("星澜科技", C), ("腾讯", C), ("红杉中国", C)],
     {("腾讯", "investedIn", "星澜科技", None), ("红杉中国", "investedIn", "星澜科技", None)}),
    ("腾讯是星澜科技的早期投资者。", [("腾讯", C), ("星澜科技", C)], {("腾讯", "investedIn", "星澜科技", None)}),
    ("海康威视为星澜电子的控股股东。", [("海康威视", C), ("星澜电子", C)],
     {("星澜电子", "parentOrganization", "海康威视", None)}),
    ("美团投资的无人机配送公司翼送科技获得运营许可。", [("美团", C), ("翼送科技", C)],
     {("美团", "investedIn", "翼送科技", None)}),
    ("获得腾讯的战略投资后，在线教育企业知学堂估值翻倍。", [("腾讯", C), ("在线教育", I), ("知学堂", C)],
     {("腾讯", "investedIn", "知学堂", None), ("知学堂", "inIndustry", "在线教育", None)}),
    ("光启资本宣布完成对机器人初创公司灵猴科技的天使轮投资。", [("光启资本", C), ("灵猴科技", C)],
     {("光启资本", "investedIn", "灵猴科技", None)}),
    ("零跑汽车公告，Stellantis集团去年以约15亿欧元入股该公司。", [("零跑汽车", C), ("Stellantis集团", C)],
     {("Stellantis", "investedIn", "零跑汽车", None)}),
    # the holder of 为其第一大股东 is the one opening the clause, not the company it holds
    ("蚂蚁集团持有网商银行30%的股份，为其第一大股东。", [("蚂蚁集团", C), ("网商银行", C)],
     {("蚂蚁", "investedIn", "网商银行", None)}),
    # parentOrganization
    ("长鑫存储由合肥产投控股，总部位于合肥。", [("长鑫存储", C), ("合肥产投", C), ("合肥", "Place")],
     {("长鑫存储", "parentOrganization", "合肥产投", None)}),
    ("星澜科技宣布，公司已被云帆数据全资收购。", [("星澜科技", C), ("云帆数据", C)],
     {("星澜科技", "parentOrganization", "云帆数据", None)}),
    ("字节跳动此前已通过旗下朝夕光年发行多款手游。", [("字节跳动", C), ("朝夕光年", C)],
     {("朝夕光年", "parentOrganization", "字节跳动", None)}),
    ("星澜电子由海康威视控股股东张明远实际控制。", [("星澜电子", C), ("海康威视", C), ("张明远", P)], set()),
    # partnerOf: a list acting together gives every pair; a list merely counted gives none
    ("比亚迪、宁德时代和国轩高科今日宣布共同组建固态电池研发联盟。", [("比亚迪", C), ("宁德时代", C), ("国轩高科", C)],
     {("比亚迪", "partnerOf", "宁德时代", None), ("比亚迪", "partnerOf", "国轩高科", None),
      ("宁德时代", "partnerOf", "国轩高科", None)}),
    ("华为、小米和OPPO共同占据国内手机市场六成份额。", [("华为", C), ("小米", C), ("OPPO", C)], set()),
    ("华为与小米在高端手机市场展开激烈竞争，两家公司都推出了折叠屏新品。", [("华为", C), ("小米", C)], set()),
    ("云帆数据以5亿元战略投资星澜科技，双方还将在储能领域展开合作。", [("云帆数据", C), ("星澜科技", C), ("储能", I)],
     {("云帆数据", "investedIn", "星澜科技", None), ("云帆数据", "partnerOf", "星澜科技", None)}),
    ("星澜科技是云帆数据的供应商。", [("星澜科技", C), ("云帆数据", C)], set()),
    # manufacturer: made together gives both makers; co-branding and components do not
    ("华为与赛力斯联合打造的问界M9上市首月交付量突破两万台。", [("华为", C), ("赛力斯", C), ("问界M9", PR)],
     {("问界M9", "manufacturer", "华为", None), ("问界M9", "manufacturer", "赛力斯", None),
      ("华为", "partnerOf", "赛力斯", None)}),
    ("瑞达咖啡宣布与山岚酒业联名推出新品“酱香咖啡”。", [("瑞达咖啡", C), ("山岚酒业", C), ("酱香咖啡", PR)],
     {("瑞达咖啡", "partnerOf", "山岚酒业", None), ("酱香咖啡", "manufacturer", "瑞达咖啡", None)}),
    ("记者从云翼航空获悉，其分体式飞行汽车“天行者”已获得5000台订单。", [("云翼航空", C), ("天行者", PR)],
     {("天行者", "manufacturer", "云翼航空", None)}),
    ("星澜科技表示，其新机搭载的麒麟芯片性能出色。", [("星澜科技", C), ("麒麟芯片", PR)], set()),
    ("星澜汽车表示，其竞争对手的新车海豹06销量不错。", [("星澜汽车", C), ("海豹06", PR)], set()),
    # inIndustry: the sector as an attribute of the company; a planned one is none
    ("深耕半导体设备领域二十余年的北方华创今日披露了新订单。", [("半导体设备", I), ("北方华创", C)],
     {("北方华创", "inIndustry", "半导体设备", None)}),
    ("作为国内领先的工业机器人企业，埃斯顿发布了新品。", [("工业机器人", I), ("埃斯顿", C)],
     {("埃斯顿", "inIndustry", "机器人", None)}),
    ("计划进军氢能领域的星澜科技今日公告。", [("氢能", I), ("星澜科技", C)], set()),
    # worksFor: posts in brackets, a holder written with a former post, several names, 分别担任
    ("京东方高级副总裁樊嘉禾（兼首席技术官）表示，公司将加大投入。", [("京东方", C), ("樊嘉禾", P)],
     {("樊嘉禾", "worksFor", "京东方", "高级副总裁"), ("樊嘉禾", "worksFor", "京东方", "首席技术官")}),
    ("北方华创执行副总裁邓茂林（前应用材料中国区总经理）将负责新产品线。", [("北方华创", C), ("邓茂林", P), ("应用材料", C)],
     {("邓茂林", "worksFor", "北方华创", "执行副总裁"), ("邓茂林", "worksFor", "应用材料", "总经理")}),
    ("翼送科技首席执行官为前顺丰速运副总裁钟离岳。", [("翼送科技", C), ("顺丰速运", C), ("钟离岳", P)],
     {("钟离岳", "worksFor", "翼送科技", "首席执行官"), ("钟离岳", "worksFor", "顺丰速运", "副总裁")}),
    ("星环动力完成管理层调整，原联席总裁尹若川和乔北辰分别出任首席执行官和首席运营官。",
     [("星环动力", C), ("尹若川", P), ("乔北辰", P)],
     {("尹若川", "worksFor", "星环动力", "联席总裁"), ("乔北辰", "worksFor", "星环动力", "联席总裁"),
      ("尹若川", "worksFor", "星环动力", "首席执行官"), ("乔北辰", "worksFor", "星环动力", "首席运营官")}),
    ("王浩然、李思远分别担任星澜科技董事长和总经理。", [("王浩然", P), ("李思远", P), ("星澜科技", C)],
     {("王浩然", "worksFor", "星澜科技", "董事长"), ("李思远", "worksFor", "星澜科技", "总经理")}),
    ("王浩然曾任星澜科技首席执行官，现为云帆数据董事长。", [("王浩然", P), ("星澜科技", C), ("云帆数据", C)],
     {("王浩然", "worksFor", "星澜科技", "首席执行官"), ("王浩然", "worksFor", "云帆数据", "董事长")}),
    # education is no post (系 of 计算机系 is not the copula 系)
    ("创始人韩若愚毕业于浙江大学计算机系。", [("韩若愚", P), ("浙江大学", O)], set()),
]


@pytest.mark.parametrize("text,ents,expected", CASES)
def test_recall_forms(text, ents, expected):
    assert triples(text, ents) == expected


def test_pairwise_partners_are_listed_once_in_text_order():
    doc = relate(resolve(annotated_doc("京东、美团和京东共同发起成立即时零售产业联盟。",
                                       [("京东", C), ("美团", C), ("京东", C)])))
    pairs = [(doc.mentions[r.subject].key, doc.mentions[r.object].key) for r in doc.relations]
    assert pairs == [("京东", "美团")]
