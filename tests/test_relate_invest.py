"""Second relation round: financing rounds, stakes, successions and founders as news writes them.

Each positive stands beside a negative (a news outlet, a parent named before its fund, a
customer or supplier, an investor of another deal, a second person's generic title), so a
rule that reads too much fails here. Texts are written for these tests; mentions are set by
hand so the tests do not depend on the recogniser.
"""
from __future__ import annotations

import pytest


from doc_helpers import relation_triples  # noqa: E402  (tests/ is on sys.path)

C, P, PR, I, O, PL = "Company", "Person", "Product", "Industry", "Organization", "Place"


triples = relation_triples  # (subject key, predicate, object key, title)


def invested(found):
    return {(s, o) for s, p, o, _ in found if p == "investedIn"}


ROUNDS = [
    # followers with role words (继续加码, 追投, 超额跟投) and an outlet that is no investee
    ("36氪获悉，澄光芯能近日宣布完成数亿元B轮融资，本轮由红杉中国领投，经纬创投跟投，老股东启明创投继续加码。",
     [("36氪", C), ("澄光芯能", C), ("红杉中国", C), ("经纬创投", C), ("启明创投", C)],
     {("红杉中国", "澄光芯能"), ("经纬创投", "澄光芯能"), ("启明创投", "澄光芯能")}),
    ("极川动力完成近亿元Pre-A+轮融资，由蓝驰创投领投，老股东峰瑞资本超额跟投。",
     [("极川动力", C), ("蓝驰创投", C), ("峰瑞资本", C)],
     {("蓝驰创投", "极川动力"), ("峰瑞资本", "极川动力")}),
    # a person investor with a role word inside the list
    ("禾苗储能日前完成天使轮融资，投资方包括深创投和天使投资人顾明远。",
     [("禾苗储能", C), ("深创投", C), ("顾明远", P)],
     {("深创投", "禾苗储能"), ("顾明远", "禾苗储能")}),
    # the round's investors as its attribute, the company as a pronoun, followers in a later clause
    ("云鲸医疗专注于手术机器人领域。该公司昨日表示，已完成由礼来亚洲基金领投的B+轮融资，君联资本跟投。",
     [("云鲸医疗", C), ("手术机器人", I), ("礼来亚洲基金", C), ("君联资本", C)],
     {("礼来亚洲基金", "云鲸医疗"), ("君联资本", "云鲸医疗")}),
    ("量测科技获得合肥产投领投的2亿元A轮融资，天使投资人薛芷若继续追投。",
     [("量测科技", C), ("合肥产投", C), ("薛芷若", P)],
     {("合肥产投", "量测科技"), ("薛芷若", "量测科技")}),
    # a fund named with its parent: the fund invests; an unnamed fund: the parent does
    ("绿驰科技宣布完成B轮融资，本轮投资方包括中金资本和宁德时代旗下的问鼎投资。",
     [("绿驰科技", C), ("中金资本", C), ("宁德时代", C), ("问鼎投资", C)],
     {("中金资本", "绿驰科技"), ("问鼎投资", "绿驰科技")}),
    ("先导智控完成2亿元C轮融资，高瓴创投领投，国投招商旗下基金跟投。",
     [("先导智控", C), ("高瓴创投", C), ("国投招商", C)],
     {("高瓴创投", "先导智控"), ("国投招商", "先导智控")}),
    # earlier rounds led respectively by two investors
    ("此前，云舟生物的A轮和B轮分别由启明创投和礼来亚洲基金领投。",
     [("云舟生物", C), ("启明创投", C), ("礼来亚洲基金", C)],
     {("启明创投", "云舟生物"), ("礼来亚洲基金", "云舟生物")}),
]


STAKES = [
    ("华鼎投资于11月5日至11月20日通过集中竞价方式增持天奇电子股票共计312万股。",
     [("华鼎投资", C), ("天奇电子", C)], {("华鼎投资", "天奇电子")}),
    ("晨星医疗在香港挂牌上市，基石投资者包括高瓴资本和淡马锡。",
     [("晨星医疗", C), ("香港", PL), ("高瓴资本", C), ("淡马锡", C)],
     {("高瓴资本", "晨星医疗"), ("淡马锡", "晨星医疗")}),
    ("天合新能引入战略投资者中广核资本，后者以9.6亿元认购公司新增注册资本。",
     [("天合新能", C), ("中广核资本", C)], {("中广核资本", "天合新能")}),
    # one investor, two investees (each with its sector word)
    ("曜石资本今年已投资了灵犀机器人和蓝鲸动力两家企业。",
     [("曜石资本", C), ("灵犀机器人", C), ("蓝鲸动力", C)],
     {("曜石资本", "灵犀机器人"), ("曜石资本", "蓝鲸动力")}),
    # the investor left unsaid in the clause: the person named before
    ("橙意网络创始人幸晓川近年转型做天使投资人，已先后投资了醒山咖啡和宠物食品企业派派宠。",
     [("橙意网络", C), ("幸晓川", P), ("醒山咖啡", C), ("宠物食品", I), ("派派宠", C)],
     {("幸晓川", "醒山咖啡"), ("幸晓川", "派派宠")}),
]


NEGATIVES = [
    # customers and suppliers hold no stake
    ("锂源新能的主要供应商包括天齐锂业，主要客户为宁德时代。",
     [("锂源新能", C), ("天齐锂业", C), ("宁德时代", C)]),
    ("先导智控的客户包括比亚迪、亿纬锂能等厂商。", [("先导智控", C), ("比亚迪", C), ("亿纬锂能", C)]),
    # a competitor named beside a deal is not its investee
    ("蓝鲸动力的竞争对手星河机器人今年尚未融资。", [("蓝鲸动力", C), ("星河机器人", C)]),
    # a round the investor stayed out of
    ("曜石资本未参与云图科技此前的A轮融资。", [("曜石资本", C), ("云图科技", C)]),
]


@pytest.mark.parametrize("text,ents,want", ROUNDS + STAKES)
def test_investors_found(text, ents, want):
    assert invested(triples(text, ents)) == want


def test_competitor_beside_a_deal_gets_nothing():
    text = "蓝鲸动力获得红杉中国投资，其竞争对手星河机器人则尚未融资。"
    ents = [("蓝鲸动力", C), ("红杉中国", C), ("星河机器人", C)]
    assert invested(triples(text, ents)) == {("红杉中国", "蓝鲸动力")}


@pytest.mark.parametrize("text,ents", NEGATIVES)
def test_no_investment_without_one(text, ents):
    assert invested(triples(text, ents)) == set()


def test_investor_of_another_deal_is_kept_apart():
    text = "今年曜石资本已投资了灵犀机器人，但未参与云图科技此前由红杉中国领投的A轮融资。"
    ents = [("曜石资本", C), ("灵犀机器人", C), ("云图科技", C), ("红杉中国", C)]
    assert invested(triples(text, ents)) == {("曜石资本", "灵犀机器人"), ("红杉中国", "云图科技")}


def test_controlling_holder_buying_shares_is_parent_and_investor():
    text = "公告称，控股股东华远置业本月增持华远地产股份500万股。"
    found = triples(text, [("华远置业", C), ("华远地产", C)])
    assert ("华远地产", "parentOrganization", "华远置业", None) in found
    assert ("华远置业", "investedIn", "华远地产", None) in found


def test_product_developer_is_maker():
    text = "AI写作工具“墨笔”的开发商墨语智能宣布获得天使轮融资。"
    assert ("墨笔", "manufacturer", "墨语智能", None) in triples(text, [("墨笔", PR), ("墨语智能", C)])


FOUNDERS = [
    ("灵犀互娱联合创始人宁书瑶和祁嘉树近日接受采访。",
     [("灵犀互娱", C), ("宁书瑶", P), ("祁嘉树", P)], {"宁书瑶", "祁嘉树"}),
    ("前阿里云首席架构师卫崇德创办的数据库公司矩阵数智宣布完成A轮融资。",
     [("阿里云", C), ("卫崇德", P), ("数据库", I), ("矩阵数智", C)], {"卫崇德"}),
    ("燧光智能创始人兼首席执行官林立与联合创始人欧阳晓晨均毕业于上海交通大学。",
     [("燧光智能", C), ("林立", P), ("欧阳晓晨", P), ("上海交通大学", O)], {"林立", "欧阳晓晨"}),
]


@pytest.mark.parametrize("text,ents,want", FOUNDERS)
def test_founders(text, ents, want):
    company = ents[-1][0] if ents[-1][1] == C else ents[0][0]
    got = {o for s, p, o, _ in triples(text, ents) if p == "founder" and s == company}
    assert got == want


def test_founder_of_former_employer_is_not_read():
    # 阿里云 is where the founder worked, not what he founded
    found = triples("前阿里云首席架构师卫崇德创办的矩阵数智完成融资。", [("阿里云", C), ("卫崇德", P), ("矩阵数智", C)])
    assert ("阿里云", "founder", "卫崇德", None) not in found
    assert ("卫崇德", "worksFor", "阿里云", "首席架构师") in found


def test_successor_takes_predecessors_post():
    text = "星河音乐集团宣布，首席财务官詹慧敏已正式退休，财务副总裁苏砚秋接任该职位。"
    found = triples(text, [("星河音乐集团", C), ("詹慧敏", P), ("苏砚秋", P)])
    works = {(s, t) for s, p, o, t in found if p == "worksFor"}
    assert {("詹慧敏", "首席财务官"), ("苏砚秋", "首席财务官"), ("苏砚秋", "财务副总裁")} <= works


def test_successor_named_after_you_gets_both_posts():
    text = "远途汽车宣布，原首席技术官郑浩然离职，由自动驾驶负责人高屹接替其职务。"
    found = triples(text, [("远途汽车", C), ("郑浩然", P), ("高屹", P)])
    works = {(s, t) for s, p, o, t in found if p == "worksFor" and o == "远途汽车"}
    assert {("郑浩然", "首席技术官"), ("高屹", "首席技术官"), ("高屹", "负责人")} <= works


def test_standing_in_for_someone_is_no_succession():
    text = "星澜银行行长魏东来退休后，董事长韩立接替其出席论坛。"
    found = triples(text, [("星澜银行", C), ("魏东来", P), ("韩立", P)])
    assert ("韩立", "worksFor", "星澜银行", "行长") not in found


def test_second_person_with_generic_title_is_not_colleague():
    # 工程师纪安然 is named beside a professor, not given a post at his university
    text = "云栖机器人由前浙江大学教授邵景行与工程师纪安然联合创立。"
    found = triples(text, [("云栖机器人", C), ("浙江大学", O), ("邵景行", P), ("纪安然", P)])
    assert not any(s == "纪安然" and p == "worksFor" for s, p, o, t in found)


def test_chief_title_keeps_its_modifier():
    text = "此前，卢慕白曾任微软亚洲研究院首席研究员。"
    found = triples(text, [("卢慕白", P), ("微软亚洲研究院", O)])
    assert ("卢慕白", "worksFor", "微软亚洲研究院", "首席研究员") in found
