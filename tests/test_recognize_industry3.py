"""Industries and products in the recogniser, third round: sector phrases framed by a verb and a
cue, 在X市场, 主营业务为X, kinds of firm that are no sector cue, quoted names after a category
head, model codes before a category noun or in hyphenated parts, descriptors after a launch verb.

Every sentence here is written for these tests (no article text); each rule gets a positive and,
where sensible, a negative case.
"""
from __future__ import annotations

import pytest

from doc_helpers import recognized, recognized_of_type  # noqa: E402  (tests/ is on sys.path)

from graph_builder import lexicon


_of_type = recognized_of_type


# --------------------------------------------------------------------------- industries

@pytest.mark.parametrize("text,sector", [
    # a weak cue (业务, 市场) after an industry verb: the phrase between is the sector
    ("青禾集团表示，将继续聚焦冷链仓储业务。", "冷链仓储"),
    ("远舟重工计划借此切入船舶涂装市场。", "船舶涂装"),
    # a strong cue after an industry verb: the whole phrase, whatever jieba tagged its words
    ("云岫科技专注于工业设备核心零部件领域。", "工业设备核心零部件"),
    ("公司将继续深耕本地生活领域。", "本地生活"),
    ("星桥软件专注于企业文档管理领域。", "企业文档管理"),
    # 负责X业务: the business line a manager runs
    ("她将负责集团的海外业务，并负责跨境租赁业务。", "跨境租赁"),
])
def test_sector_framed_by_a_verb_and_a_cue(text, sector):
    assert sector in _of_type(text, "Industry")


@pytest.mark.parametrize("text", [
    "公司将继续深耕国内市场。",       # a scope word, no sector
    "公司将切入高端市场。",           # a grade word alone
    "公司专注于技术创新领域。",       # an abstract aim
    "他负责公司的销售业务。",         # an activity
    "他此前负责销售业务。",
    "该基金在二级市场增持了股份。",   # a kind of market, no sector
])
def test_framed_phrase_that_is_no_sector(text):
    assert _of_type(text, "Industry") == set()


def test_where_a_firm_competes_before_market_is_a_sector():
    assert "户外帐篷" in _of_type("公司在户外帐篷市场的份额已连续三年居首。", "Industry")
    # a sector written with a company suffix word (机械, 航空) is no company before its cue
    got = recognized("禾川农机在农用机械市场的份额位居前列。")
    assert ("农用机械", "Industry") in got and ("农用机械", "Company") not in got
    assert _of_type("公司在欧洲市场的销量增长明显。", "Industry") == set()


@pytest.mark.parametrize("text,sectors", [
    ("白鹭股份主营业务为预拌砂浆，总部位于厦门。", {"预拌砂浆"}),
    ("该公司主营业务是纪录片制作与动画制作。", {"纪录片制作", "动画制作"}),
])
def test_main_business_is_its_sector(text, sectors):
    assert sectors <= _of_type(text, "Industry")


def test_main_business_that_is_no_noun_phrase():
    assert _of_type("公司主营业务为向全国200多个城市提供服务。", "Industry") == set()


@pytest.mark.parametrize("text,sector", [
    ("雪峰智能是国内领先的碳化硅衬底材料企业。", "碳化硅衬底材料"),   # label + noun before 企业
    ("中高端酒店市场的竞争日趋激烈。", "中高端酒店"),               # a grade word is part of it
    ("高端家电市场正从单品竞争转向套系竞争。", "高端家电"),
    ("今年上半年，公司储能业务收入同比增长四成。", "储能"),          # 业务收入 glued by jieba
    ("目前汽车零部件企业普遍面临降价压力。", "汽车零部件"),          # 零部件 tagged as a numeral
])
def test_sector_span_boundaries(text, sector):
    assert sector in _of_type(text, "Industry")


def test_business_income_after_a_firm_name_keeps_the_label_only():
    got = _of_type("今年上半年，蓝溪体育跑鞋业务收入同比增长三成。", "Industry")
    assert "跑鞋" in got and not any(s.startswith("蓝溪") for s in got)


@pytest.mark.parametrize("text,sector", [
    ("四足机器人公司云犀动力宣布完成新一轮融资。", "四足机器人"),
    ("记者获悉，充电桩运营商快充科技已完成战略融资。", "充电桩"),
    ("三家公司正在争夺手机品牌的高端订单。", "手机"),
    ("芯片已批量供货给多家手机厂商。", "手机"),
])
def test_kind_of_firm_words_are_no_sector_cue(text, sector):
    # guidelines rule 8: 公司, 厂商, 品牌, 运营商 name a kind of firm, not a sector
    assert sector not in _of_type(text, "Industry")


def test_firm_words_that_stay_sector_cues():
    assert "四足机器人" in _of_type("四足机器人企业云犀动力宣布完成新一轮融资。", "Industry")
    assert "智能家居" in _of_type("智能家居品牌云米推出新一代扫地机器人。", "Industry")


@pytest.mark.parametrize("label,ancestor", [
    ("合同物流", "物流"), ("长视频", "互联网信息服务"), ("模拟芯片", "集成电路"), ("少儿编程", "素质教育"),
    ("出境游", "旅行社及相关服务"), ("焊接机器人", "机器人"), ("融资租赁", "其他金融业"),
    ("通信设备", "通信设备制造"), ("商品混凝土", "水泥制品制造"), ("饮料", "饮料制造"),
])
def test_taxonomy_holds_news_sectors_under_a_broader_concept(label, ancestor):
    tax = lexicon.taxonomy()
    name, seen, frontier = lexicon.lookup_industry(label), set(), []
    assert name is not None, label
    frontier.append(name)
    while frontier:
        node = frontier.pop()
        seen.add(node)
        frontier.extend(p for p in tax[node]["broader"] if p not in seen)
    assert ancestor in seen, (label, seen)


@pytest.mark.parametrize("text,sector", [
    ("公司将把更多产能投向无糖茶业务。", "无糖茶"),
    ("宏远精工是一家焊接机器人企业，总部位于沈阳。", "焊接机器人"),
    ("作为长视频行业的头部平台，公司今年将上线自制剧。", "长视频"),
])
def test_sector_labels_in_text(text, sector):
    got = _of_type(text, "Industry")
    assert sector in got and not any(s != sector and sector in s for s in got), got


# --------------------------------------------------------------------------- products

@pytest.mark.parametrize("text,product", [
    ("青岚声学旗下运动耳机品牌“听风”去年出货量翻倍。", "听风"),
    ("公司主打冲锋衣“北极星”和羽绒服“白狐”。", "白狐"),
    ("其高端有机奶“牧野晨曦”销售额突破10亿元。", "牧野晨曦"),
    ("双方将共同研发无人配送车“小蜂”。", "小蜂"),
    ("鄂尔多斯时尚推出羊绒系列“雪绒”。", "雪绒"),
    ("公司主要产品为N型组件“云帆”系列。", "云帆"),        # 系列 after the quotes
])
def test_quoted_name_after_a_category_head(text, product):
    assert product in _of_type(text, "Product")


@pytest.mark.parametrize("text,word", [
    ("公司发布“春耕计划”扶持中小商家。", "春耕计划"),     # a programme
    ("复星医药“进出”汇鑫浆纸一事引发关注。", "进出"),     # a firm's name ends in a head character
])
def test_quoted_words_that_are_no_product(text, word):
    assert word not in _of_type(text, "Product")


def test_edition_glued_to_a_repeated_model_name():
    got = _of_type("公司主要产品为N型组件“晴岚”系列和BC组件晴岚Max。", "Product")
    assert {"晴岚", "晴岚Max"} <= got


@pytest.mark.parametrize("text,product", [
    ("航空公司近日接收第5架C919客机。", "C919"),
    ("该软件将用于C939宽体客机的部件设计。", "C939"),
    ("公司发布扫地机器人T7和智能门锁K5。", "K5"),
    ("该卫星搭载自研相控阵载荷QX-Ku，容量提升一倍。", "QX-Ku"),
    ("公司发布船载终端HH-Ocean，可接入低轨卫星星座。", "HH-Ocean"),
    ("公司近日发布16兆瓦机组WT-18.0-280，该机组将在江苏生产。", "WT-18.0-280"),
    ("公司开发的游戏在Steam平台销量突破百万份。", "Steam"),
])
def test_model_codes(text, product):
    got = _of_type(text, "Product")
    assert product in got and not any(p != product and product in p for p in got), got


def test_hyphenated_code_stops_before_han_words():
    got = _of_type("其自主研发的新药HK-218已获批进入三期临床。", "Product")
    assert "HK-218" in got and not any(p.startswith("HK-218") and p != "HK-218" for p in got)


@pytest.mark.parametrize("text,word", [
    ("子公司推出首款纯电轿车“凌云S5”。", "纯电"),
    ("公司发布新一代碳板竞速鞋“追光3”。", "碳板"),
    ("平台宣布推出大屏会员服务“橙果”。", "大屏"),
    ("公司在北京发布企业级大模型平台“云杉”。", "企业级大模型"),
    ("公司的3D视觉检测系统“瞳眸”已用于多家工厂。", "3D视觉检测"),
    ("双方将开展手机直连卫星试验。", "直连"),
])
def test_descriptors_before_a_category_are_no_product(text, word):
    assert word not in _of_type(text, "Product")


def test_quoted_name_after_descriptors_is_the_product():
    assert "凌云S5" in _of_type("子公司推出首款纯电轿车“凌云S5”。", "Product")
    assert "瞳眸" in _of_type("公司的3D视觉检测系统“瞳眸”已用于多家工厂。", "Product")
