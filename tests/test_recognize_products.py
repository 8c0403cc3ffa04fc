"""Products and industries in the recogniser: the frames news writes them in.

Every sentence here is written for these tests (no article text); each fix is
checked on a sentence other than the dev record that showed the failure.
"""
from __future__ import annotations

import pytest

from doc_helpers import recognized  # noqa: E402  (tests/ is on sys.path)


_ents = recognized  # (name, type) of every mention found


@pytest.mark.parametrize("text,expected", [
    # Latin names with a year edition, hyphens and hyphenated suffix words
    ("微软在西雅图发布Visual Studio 2026，并同步开放预览。", {("Visual Studio 2026", "Product")}),
    ("晶科能源推出Tiger Neo 3.0组件。", {("Tiger Neo 3.0", "Product")}),
    ("隆基绿能发布Hi-MO 10光伏组件。", {("Hi-MO 10", "Product")}),
    ("智谱发布GLM-4.5-Air，并下调调用价格。", {("GLM-4.5-Air", "Product")}),
    # a maker written before a Latin model name is a mention of its own
    ("据悉，OPPO Reno 15将于下月发布。", {("OPPO", "Company"), ("Reno 15", "Product")}),
    # a name in book-title marks after a product noun; repeated without them
    ("腾讯旗下射击游戏《三角洲行动》登顶畅销榜，三角洲行动的海外版也将上线。", {("三角洲行动", "Product")}),
    # brand and generic names of a drug, one in brackets, maybe behind a label
    ("华东医药宣布，司美格鲁肽注射液（商品名：九源格泰）获批上市。",
     {("司美格鲁肽注射液", "Product"), ("九源格泰", "Product")}),
    ("诺和诺德的减重药物Wegovy（司美格鲁肽）在华上市。", {("Wegovy", "Product"), ("司美格鲁肽", "Product")}),
    # the same Han brand with a second model code, even where jieba breaks it
    ("同日，2026款零跑C16与零跑C11也开启预售。", {("零跑C16", "Product"), ("零跑C11", "Product")}),
    # a brand-name tail jieba cuts off
    ("华为旗下高端车型品牌尊界之星将于明年发布。", {("尊界之星", "Product")}),
    # a maker's brand glued to a Han model name after a category noun
    ("在成都车展上，东风汽车的新款SUV岚图知音首次亮相。", {("岚图知音", "Product")}),
])
def test_product_frames(text, expected):
    got = _ents(text)
    assert expected <= got, got


def test_year_edition_needs_a_known_product_or_a_launch():
    got = _ents("金山办公宣布WPS Office 2027正式上线。")
    assert ("WPS Office 2027", "Product") in got
    got = _ents("公司将在CES 2026上展示新品。")
    assert not any(t == "Product" for _n, t in got), got


def test_former_employer_with_split_title_is_a_company():
    got = _ents("由前腾讯云首席架构师闻启明创立的公司发布新品。")
    assert ("腾讯云", "Company") in got


def test_maker_before_a_verb_after_a_category_noun_is_no_product():
    got = _ents("手机华为表示新品热销。")
    assert not any(t == "Product" for _n, t in got), got


def test_maker_prefix_stays_in_number_only_model():
    # Xiaomi 16 Ultra: without its brand the rest is a bare number, so the name stays whole
    got = _ents("小米集团发布新款旗舰手机Xiaomi 16 Ultra。")
    assert ("Xiaomi 16 Ultra", "Product") in got


def test_programmes_are_not_products():
    got = _ents("该公司推出“灯塔计划”扶持开发者，并启动“星火大赛”。")
    assert not any(t == "Product" for _n, t in got), got


def test_drug_target_with_dual_receptor_is_not_a_product():
    got = _ents("该药是一款GLP-1双受体激动剂，已进入三期临床。")
    assert ("GLP-1", "Product") not in got


def test_known_product_before_a_title_is_the_employer():
    got = _ents("腾讯云总裁邱明哲表示，腾讯云将加大出海投入。")
    assert ("腾讯云", "Company") in got and ("腾讯云", "Product") not in got
    # without a title it stays the product
    got = _ents("企业员工可在腾讯会议上预约会议。")
    assert ("腾讯会议", "Product") in got


def test_cloud_brands_are_firms():
    # the dev set types 阿里云, 腾讯云, 华为云 as companies (38 of 39 mentions): the cloud businesses
    got = _ents("企业可将数据部署在阿里云上。")
    assert ("阿里云", "Company") in got and ("阿里云", "Product") not in got


def test_bracketed_short_form_is_no_product():
    got = _ents("星河科技推出的星河Watch 3（下称“Watch 3”）开售。")
    assert ("下称", "Product") not in {(n[:2], t) for n, t in got}


@pytest.mark.parametrize("text,expected,absent", [
    # a counted cue closes a list of sectors (jieba cuts 三大赛道 as 三 + 大赛 + 道)
    ("高瓴资本今年在新能源、半导体及医疗器械三大赛道出手40余次。",
     {("新能源", "Industry"), ("半导体", "Industry"), ("医疗器械", "Industry")}, set()),
    ("当地重点发展集成电路、生物医药和人工智能三大产业。",
     {("集成电路", "Industry"), ("生物医药", "Industry"), ("人工智能", "Industry")}, {("人工智能三大", "Industry")}),
    # one noun before a count is no list
    ("公司三大业务均实现增长。", set(), {("公司", "Industry")}),
    # a stock-market scope word is no part of the sector
    ("受消息提振，A股低空经济板块午后拉升。", {("低空经济", "Industry")}, {("A股低空经济", "Industry")}),
    # the kind of a brand (养老 + 社区品牌) is no sector of its own
    ("泰康保险集团旗下养老社区品牌泰康之家在广州开业。", {("泰康之家", "Product")}, {("养老", "Industry")}),
])
def test_industry_frames(text, expected, absent):
    got = _ents(text)
    assert expected <= got, got
    assert not (absent & got), got
