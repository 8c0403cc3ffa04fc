"""Relation forms found missing when new annotators (who never saw our rules) wrote dev-524..643:
subsidiaries introduced in passing, completed acquisitions, posts of several persons, posts with
the employer elided, sector words after a place or before the firm word, product lists with
descriptors, stakes by percentage, partners introduced by country or kind, short-name brackets.

Texts are written for these tests; mentions are set by hand (so the tests do not depend on the
recogniser). Each positive has a negative next to it where a rule could read too much. Keys are
the resolver's canonical names (美的集团 -> 美的, 健康险 -> 保险业).
"""
from __future__ import annotations

import pytest

from graph_builder.relate import relate
from graph_builder.resolve import resolve

from doc_helpers import recognized_doc, relation_triples  # noqa: E402  (tests/ is on sys.path)

C, P, PR, I, O, PL = "Company", "Person", "Product", "Industry", "Organization", "Place"

triples = relation_triples  # (subject key, predicate, object key, title)


CASES = [
    # ---- parentOrganization
    # a subsidiary introduced in passing belongs to the nearest company before it
    ("星河汽车公告，全资子公司云帆智电推出新款轿车。", [("星河汽车", C), ("云帆智电", C)],
     {("云帆智电", "parentOrganization", "星河汽车", None)}),
    ("华远控股正筹划分拆旗下子公司鼎新物流独立上市。", [("华远控股", C), ("鼎新物流", C)],
     {("鼎新物流", "parentOrganization", "华远", None)}),
    # 其 before a subsidiary noun is the company, not the person speaking; 负责…业务 states its sector
    ("微尘科技董事长程立岩表示，其全资子公司微测科技负责晶圆测试业务。",
     [("微尘科技", C), ("程立岩", P), ("微测科技", C), ("晶圆测试", I)],
     {("程立岩", "worksFor", "微尘科技", "董事长"), ("微测科技", "parentOrganization", "微尘科技", None),
      ("微测科技", "inIndustry", "晶圆测试", None)}),
    # a subsidiary named in a later clause belongs to the company the sentence is about
    ("宏星在台北发布新款笔电“鹰翔X16”，搭载旗下子公司宏芯科技设计的散热芯片。",
     [("宏星", C), ("台北", PL), ("鹰翔X16", PR), ("宏芯科技", C)],
     {("宏芯科技", "parentOrganization", "宏星", None), ("鹰翔X16", "manufacturer", "宏星", None)}),
    # a completed acquisition of a whole company
    ("北方精工宣布，已完成对德国焊接机器人企业韦伯机器人的收购。", [("北方精工", C), ("德国", PL), ("韦伯机器人", C)],
     {("韦伯机器人", "parentOrganization", "北方精工", None)}),
    ("晶耀公告，已完成对位于新竹的联芯微电子全数股权收购。", [("晶耀", C), ("新竹", PL), ("联芯微电子", C)],
     {("联芯微电子", "parentOrganization", "晶耀", None)}),
    # X是Y…的子公司 with a clause between
    ("木棉科技是美的集团2023年全资收购后并入的子公司。", [("木棉科技", C), ("美的集团", C)],
     {("木棉科技", "parentOrganization", "美的", None)}),
    # the parent of the sentence's company named after 母公司为
    ("心桥医疗由甘慕白于2017年创立，母公司为港股上市公司远大医药集团。",
     [("心桥医疗", C), ("甘慕白", P), ("远大医药集团", C)],
     {("心桥医疗", "founder", "甘慕白", None), ("心桥医疗", "parentOrganization", "远大医药", None)}),
    # 同意 is no 同 (with): a subsidiary setting up a joint venture is no partner of its parent
    ("三一重工同意全资子公司三一国际在雅加达设立合资公司。", [("三一重工", C), ("三一国际", C), ("雅加达", PL)],
     {("三一国际", "parentOrganization", "三一重工", None)}),

    # ---- worksFor
    # a company post with a regulator named too: the company's
    ("云雀物流已获中国民用航空局颁发的运营合格证，创始人兼CEO谷梁煜称将开通新航线。",
     [("云雀物流", C), ("中国民用航空局", O), ("谷梁煜", P)],
     {("云雀物流", "founder", "谷梁煜", None), ("谷梁煜", "worksFor", "云雀物流", "CEO")}),
    # a post taken in a sentence that names no company: at the company the text is about
    ("棱镜软件第一大股东为华大九天。徐以恒现任董事长兼总经理，柯蔓青任首席科学家。",
     [("棱镜软件", C), ("华大九天", C), ("徐以恒", P), ("柯蔓青", P)],
     {("华大九天", "investedIn", "棱镜软件", None), ("徐以恒", "worksFor", "棱镜软件", "董事长"),
      ("徐以恒", "worksFor", "棱镜软件", "总经理"), ("柯蔓青", "worksFor", "棱镜软件", "首席科学家")}),
    # one post stated of several persons
    ("莫启帆与沈知遥均曾任雅图集团高级副总裁。", [("莫启帆", P), ("沈知遥", P), ("雅图集团", C)],
     {("莫启帆", "worksFor", "雅图", "高级副总裁"), ("沈知遥", "worksFor", "雅图", "高级副总裁")}),
    ("远航通讯联席CEO莫启帆与沈知遥均表示将扩大投资。", [("远航通讯", C), ("莫启帆", P), ("沈知遥", P)],
     {("莫启帆", "worksFor", "远航通讯", "联席CEO"), ("沈知遥", "worksFor", "远航通讯", "联席CEO")}),
    # a person merely met is not given the title
    ("远航通讯CEO莫启帆与沈知遥会面。", [("远航通讯", C), ("莫启帆", P), ("沈知遥", P)],
     {("莫启帆", "worksFor", "远航通讯", "CEO")}),
    # the employer written with the post after 任命…为
    ("北岸服饰公告，任命汤以柔、宋子陵为旗下户外品牌子公司雪线户外联席CEO。",
     [("北岸服饰", C), ("汤以柔", P), ("宋子陵", P), ("雪线户外", C)],
     {("汤以柔", "worksFor", "雪线户外", "联席CEO"), ("宋子陵", "worksFor", "雪线户外", "联席CEO")}),
    # another post written before the appointee
    ("书山教育股东大会审议通过，选举北京师范大学教授严知秋为公司独立董事。",
     [("书山教育", C), ("北京师范大学", O), ("严知秋", P)],
     {("严知秋", "worksFor", "北京师范大学", "教授"), ("严知秋", "worksFor", "书山教育", "独立董事")}),
    # the employer introduced as a unit of another
    ("司徒嘉慧现任港汇零售全资附属公司鲜达超市董事总经理。", [("司徒嘉慧", P), ("港汇零售", C), ("鲜达超市", C)],
     {("司徒嘉慧", "worksFor", "鲜达超市", "董事总经理"), ("鲜达超市", "parentOrganization", "港汇零售", None)}),
    # a hiring verb ends the unit: the professor is the university's, not the hiring company's
    ("华源药业同时聘请复旦大学药学院教授樊意如担任独立董事。", [("华源药业", C), ("复旦大学", O), ("樊意如", P)],
     {("樊意如", "worksFor", "复旦大学", "教授"), ("樊意如", "worksFor", "华源药业", "独立董事")}),
    # any chief officer; actuaries; the Taiwanese 执行长
    ("橘子视频高级副总裁兼首席内容官贺兰舟表示。", [("橘子视频", C), ("贺兰舟", P)],
     {("贺兰舟", "worksFor", "橘子视频", "高级副总裁"), ("贺兰舟", "worksFor", "橘子视频", "首席内容官")}),
    ("泰和人寿总精算师鞠晓芸表示。", [("泰和人寿", C), ("鞠晓芸", P)],
     {("鞠晓芸", "worksFor", "泰和人寿", "总精算师")}),
    ("风行动力执行长陈彦廷表示。", [("风行动力", C), ("陈彦廷", P)],
     {("陈彦廷", "worksFor", "风行动力", "执行长")}),
    # a sentence opening with a post and naming one company after it
    ("董事长蔡明哲指出，和康生技专注于自体免疫药物领域。", [("蔡明哲", P), ("和康生技", C), ("自体免疫药物", I)],
     {("蔡明哲", "worksFor", "和康生技", "董事长"), ("和康生技", "inIndustry", "自体免疫药物", None)}),
    ("董事长蔡明哲指出，和康生技已与武田药品签署授权协议。", [("蔡明哲", P), ("和康生技", C), ("武田药品", C)],
     {("和康生技", "partnerOf", "武田药品", None)}),
    # a post in a later clause of a sentence opening with a company (another named only as its parent)
    ("游迹网络是远途控股的控股子公司，首席执行官阚思远表示订单增长。",
     [("游迹网络", C), ("远途控股", C), ("阚思远", P)],
     {("游迹网络", "parentOrganization", "远途", None), ("阚思远", "worksFor", "游迹网络", "首席执行官")}),
    ("星河资本入股了云帆数据，总经理王磊表示将扩大团队。", [("星河资本", C), ("云帆数据", C), ("王磊", P)],
     {("星河资本", "investedIn", "云帆数据", None)}),

    # ---- inIndustry
    ("皖香酒业是安徽白酒行业的龙头企业之一。", [("皖香酒业", C), ("安徽", PL), ("白酒", I)],
     {("皖香酒业", "inIndustry", "白酒", None)}),
    ("百川生物是一家专注于自身免疫治疗领域的创新药企业。", [("百川生物", C), ("自身免疫治疗", I), ("创新药", I)],
     {("百川生物", "inIndustry", "自身免疫治疗", None), ("百川生物", "inIndustry", "创新药", None)}),
    ("人形机器人行业有望迎来量产拐点，优必选、宇树科技等行业龙头已获得批量订单。",
     [("人形机器人", I), ("优必选", C), ("宇树科技", C)],
     {("优必选", "inIndustry", "人形机器人", None), ("宇树科技", "inIndustry", "人形机器人", None)}),
    ("人形机器人行业有望迎来量产拐点，优必选、宇树科技等公司股价上涨。",
     [("人形机器人", I), ("优必选", C), ("宇树科技", C)], set()),
    # the unit is focused on the sector, not the parent named before 旗下
    ("云杉数智隶属于华通数字，是后者旗下专注于云计算领域的子公司。", [("云杉数智", C), ("华通数字", C), ("云计算", I)],
     {("云杉数智", "parentOrganization", "华通数字", None), ("云杉数智", "inIndustry", "云计算", None)}),
    ("青鸟航空是鹏程航空旗下的全资子公司，在支线航空市场深耕多年。", [("青鸟航空", C), ("鹏程航空", C), ("支线航空", I)],
     {("青鸟航空", "parentOrganization", "鹏程航空", None), ("青鸟航空", "inIndustry", "支线航空", None)}),
    ("呼伦贝尔乳业是伊利股份控股的子公司，属于乳制品行业的区域龙头。",
     [("呼伦贝尔乳业", C), ("伊利股份", C), ("乳制品", I)],
     {("呼伦贝尔乳业", "parentOrganization", "伊利", None), ("呼伦贝尔乳业", "inIndustry", "乳制品制造", None)}),
    ("烽火星河是中国信科集团旗下的通信设备企业。", [("烽火星河", C), ("中国信科集团", C), ("通信设备", I)],
     {("烽火星河", "parentOrganization", "中国信科", None), ("烽火星河", "inIndustry", "通信设备", None)}),
    ("通信设备商烽火星河发布新品。", [("通信设备", I), ("烽火星河", C)], {("烽火星河", "inIndustry", "通信设备", None)}),
    ("泰和人寿是泰和保险集团的控股子公司，近年来持续加码健康险业务。",
     [("泰和人寿", C), ("泰和保险集团", C), ("健康险", I)],
     {("泰和人寿", "parentOrganization", "泰和保险", None), ("泰和人寿", "inIndustry", "保险业", None)}),
    # market share states the sector; 公司 as the object of 有助 is the company
    ("宏星表示，公司在电竞产业的市占率已连续三年居首。", [("宏星", C), ("电竞", I)], {("宏星", "inIndustry", "电竞", None)}),
    ("晶耀表示，此次并购有助公司扩大在汽车电子产业的布局。", [("晶耀", C), ("汽车电子", I)],
     {("晶耀", "inIndustry", "汽车电子", None)}),
    # a planned sector is still none
    ("宏星表示，公司将进军电竞产业。", [("宏星", C), ("电竞", I)], set()),
    # 模拟 holds 拟 but plans nothing
    ("模拟芯片设计企业微尘科技完成融资。", [("模拟芯片设计", I), ("微尘科技", C)],
     {("微尘科技", "inIndustry", "模拟芯片设计", None)}),

    # ---- manufacturer
    ("寒光微电子主要产品为边缘推理芯片HG-N20和车规级MCU芯片HG-M7。", [("寒光微电子", C), ("HG-N20", PR), ("HG-M7", PR)],
     {("HG-N20", "manufacturer", "寒光微电子", None), ("HG-M7", "manufacturer", "寒光微电子", None)}),
    ("泉银数科首款产品为面向小微企业的线上信贷平台“刺桐贷”。", [("泉银数科", C), ("刺桐贷", PR)],
     {("刺桐贷", "manufacturer", "泉银数科", None)}),
    ("柴火电器主打多功能料理锅“一锅鲜”和空气炸锅AF-6。", [("柴火电器", C), ("一锅鲜", PR), ("AF-6", PR)],
     {("一锅鲜", "manufacturer", "柴火电器", None), ("AF-6", "manufacturer", "柴火电器", None)}),
    ("遵义窖藏属于白酒行业，主打酱香酒“赤水印”和“老窖53”。", [("遵义窖藏", C), ("白酒", I), ("赤水印", PR), ("老窖53", PR)],
     {("遵义窖藏", "inIndustry", "白酒", None), ("赤水印", "manufacturer", "遵义窖藏", None),
      ("老窖53", "manufacturer", "遵义窖藏", None)}),
    # the brand named in between sells the product, not the group the sentence opened with
    ("名创优品旗下潮玩品牌TOP TOY将开新店，主打自有IP产品奇梦岛系列。", [("名创优品", C), ("TOP TOY", PR), ("奇梦岛", PR)],
     {("TOP TOY", "manufacturer", "名创优品", None)}),
    ("微尘科技电源管理芯片WC-PM8已进入手机厂商供应链。", [("微尘科技", C), ("WC-PM8", PR)],
     {("WC-PM8", "manufacturer", "微尘科技", None)}),
    # a company using another's chip makes no chip
    ("星河手机采用地平线芯片征程6。", [("星河手机", C), ("地平线", C), ("征程6", PR)],
     {("征程6", "manufacturer", "地平线", None)}),
    ("微尘科技表示，车规级驱动芯片WC-D3预计年内量产。", [("微尘科技", C), ("WC-D3", PR)],
     {("WC-D3", "manufacturer", "微尘科技", None)}),
    ("AR眼镜品牌极目的母公司视界光学今日发布新品。", [("极目", PR), ("视界光学", C)],
     {("极目", "manufacturer", "视界光学", None)}),
    # 其 before a quoted product is the company, not the last founder named
    ("氢程汽车由司空远帆与梁丘澜联合创立，其49吨氢燃料电池重卡“氢擎H49”已批量运营。",
     [("氢程汽车", C), ("司空远帆", P), ("梁丘澜", P), ("氢擎H49", PR)],
     {("氢程汽车", "founder", "司空远帆", None), ("氢程汽车", "founder", "梁丘澜", None),
      ("氢擎H49", "manufacturer", "氢程汽车", None)}),
    # what both sides develop together is made by both
    ("禾丰农机与北斗星联签署战略合作协议，双方将联合研发无人驾驶插秧机“秧鸽8S”。",
     [("禾丰农机", C), ("北斗星联", C), ("秧鸽8S", PR)],
     {("禾丰农机", "partnerOf", "北斗星联", None), ("秧鸽8S", "manufacturer", "禾丰农机", None),
      ("秧鸽8S", "manufacturer", "北斗星联", None)}),
    ("青石半导体由宇文昊于2022年创立，首款车规级MOSFET产品QS1200已通过认证。",
     [("青石半导体", C), ("宇文昊", P), ("QS1200", PR)],
     {("青石半导体", "founder", "宇文昊", None), ("QS1200", "manufacturer", "青石半导体", None)}),
    ("青橙科技总裁梁叙白表示，Q9 Pro搭载自研影像芯片C2。", [("青橙科技", C), ("梁叙白", P), ("Q9 Pro", PR), ("C2", PR)],
     {("梁叙白", "worksFor", "青橙科技", "总裁"), ("C2", "manufacturer", "青橙科技", None)}),
    ("鲸跃汽车是华庭集团控股的子公司。总裁阮清和表示，鲸跃J7搭载自研智驾芯片JY-1。",
     [("鲸跃汽车", C), ("华庭集团", C), ("阮清和", P), ("鲸跃J7", PR), ("JY-1", PR)],
     {("鲸跃汽车", "parentOrganization", "华庭", None), ("JY-1", "manufacturer", "鲸跃汽车", None),
      ("鲸跃J7", "manufacturer", "鲸跃汽车", None)}),
    # the sentence before opened with a product: whose model it is stays unsaid
    ("学习机X20由码小匠负责销售。X20搭载自研教育大模型“墨言”。", [("X20", PR), ("码小匠", C), ("X20", PR), ("墨言", PR)],
     set()),
    ("顺德电器发布年度新品，包括新风空调“清风”和洗烘一体机TD-10 Max。", [("顺德电器", C), ("清风", PR), ("TD-10 Max", PR)],
     {("清风", "manufacturer", "顺德电器", None), ("TD-10 Max", "manufacturer", "顺德电器", None)}),

    # ---- investedIn
    ("星瞳视觉完成新一轮融资，老股东高瓴创投增持，比亚迪首次入股。", [("星瞳视觉", C), ("高瓴创投", C), ("比亚迪", C)],
     {("高瓴创投", "investedIn", "星瞳视觉", None), ("比亚迪", "investedIn", "星瞳视觉", None)}),
    ("棱镜软件第一大股东为华大九天，深创投、元禾璞华分别持股6%和4%。",
     [("棱镜软件", C), ("华大九天", C), ("深创投", C), ("元禾璞华", C)],
     {("华大九天", "investedIn", "棱镜软件", None), ("深创投", "investedIn", "棱镜软件", None),
      ("元禾璞华", "investedIn", "棱镜软件", None)}),
    # a sentence opening with a person holding shares says nothing of the companies after it
    ("招股书显示，董事长葛一帆持股31%，小米长江产业基金持股8.5%，美的集团持股5%。",
     [("葛一帆", P), ("小米长江产业基金", C), ("美的集团", C)], set()),
    ("风行动力为鸿海集团持股35%的转投资公司。", [("风行动力", C), ("鸿海集团", C)],
     {("鸿海", "investedIn", "风行动力", None)}),
    ("白鲸科技是歌尔股份参股的企业。", [("白鲸科技", C), ("歌尔股份", C)], {("歌尔", "investedIn", "白鲸科技", None)}),
    # a founder named after 由 is no investor of the round named later
    ("晨曦空间由前航天研究员欧阳星野创立，公司日前完成的B轮融资由君联资本领投。",
     [("晨曦空间", C), ("欧阳星野", P), ("君联资本", C)],
     {("晨曦空间", "founder", "欧阳星野", None), ("君联资本", "investedIn", "晨曦空间", None)}),

    # ---- partnerOf
    ("钱袋科技表示，目前已与新加坡的星展银行达成合作。", [("钱袋科技", C), ("新加坡", PL), ("星展银行", C)],
     {("钱袋科技", "partnerOf", "星展银行", None)}),
    ("鄂尔多斯时尚将与法国设计公司Maison Lumen成立合资公司。", [("鄂尔多斯时尚", C), ("法国", PL), ("Maison Lumen", C)],
     {("鄂尔多斯时尚", "partnerOf", "Maison Lumen", None)}),
    ("和康生技已与日本武田药品签署亚洲授权协议。", [("和康生技", C), ("日本", PL), ("武田药品", C), ("亚洲", PL)],
     {("和康生技", "partnerOf", "武田药品", None)}),
]


@pytest.mark.parametrize("text,ents,expected", CASES)
def test_recall_forms_2(text, ents, expected):
    assert triples(text, ents) == expected


def test_completed_stake_purchase_is_no_parent():
    found = triples("北方精工已完成对韦伯机器人20%股权的收购。", [("北方精工", C), ("韦伯机器人", C)])
    assert not any(p == "parentOrganization" for _, p, _, _ in found)


def test_subsidiary_of_another_company_named_between():
    found = triples("星河汽车与云帆数据旗下子公司星澜智能签署合作协议。",
                    [("星河汽车", C), ("云帆数据", C), ("星澜智能", C)])
    assert ("星澜智能", "parentOrganization", "云帆数据", None) in found
    assert ("星澜智能", "parentOrganization", "星河汽车", None) not in found


def test_short_name_bracket_gives_the_name_the_text_uses():
    """``X（688417.SH，以下简称“Y”）``: X's relations are stated with Y, even where the resolver
    keys the two apart, and the bracket no longer stands between X and its partner."""
    text = "上海衡算工业软件股份有限公司（688417.SH，以下简称“衡算软件”）与中国商飞签署合作协议。衡算软件董事长鲜于文渊表示满意。"
    ents = [("上海衡算工业软件股份有限公司", C), ("衡算软件", C), ("中国商飞", C), ("衡算软件", C), ("鲜于文渊", P)]
    assert triples(text, ents) == {("衡算软件", "partnerOf", "中国商飞", None),
                                   ("鲜于文渊", "worksFor", "衡算软件", "董事长")}


def test_english_name_bracket_keeps_the_name_used_later():
    text = "联发科与辉达（NVIDIA）合作开发车用芯片平台。辉达表示双方将继续合作。"
    ents = [("联发科", C), ("辉达", C), ("NVIDIA", C), ("辉达", C)]
    found = triples(text, ents)
    assert ("联发科", "partnerOf", "辉达", None) in found
    assert not any("NVIDIA" in (s, o) for s, _, o, _ in found)


def test_bracket_naming_another_company_is_no_alias():
    text = "星澜智能（云帆数据的子公司）与中国商飞签署合作协议。"
    found = triples(text, [("星澜智能", C), ("云帆数据", C), ("中国商飞", C)])
    assert ("云帆数据", "partnerOf", "中国商飞", None) not in found


@pytest.mark.parametrize("text,needed,expected", [
    ("上海衡算工业软件股份有限公司（688417.SH，以下简称“衡算软件”）与中国商飞签署合作协议。",
     {("衡算软件", "Company"), ("中国商飞", "Company")}, ("衡算软件", "partnerOf", "中国商飞")),
    ("星瞳视觉完成新一轮融资，老股东高瓴创投增持，比亚迪首次入股。",
     {("星瞳视觉", "Company"), ("比亚迪", "Company")}, ("比亚迪", "investedIn", "星瞳视觉")),
])
def test_with_recognised_mentions(text, needed, expected):
    """The same forms end to end, with the recogniser's mentions (skipped where it misses one:
    the model is retrained separately, and these tests are about the relation rules)."""
    doc = recognized_doc(text)
    if not needed <= {(m.name, m.type) for m in doc.mentions}:
        pytest.skip("the recogniser misses a mention this test needs")
    doc = relate(resolve(doc))
    found = {(doc.mentions[r.subject].key, r.predicate, doc.mentions[r.object].key) for r in doc.relations}
    assert expected in found
