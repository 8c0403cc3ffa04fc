"""Industries in the recogniser, fourth round: free-text business lines before 业务 at a clause
opening, an activity glued to 业务, a longer taxonomy label over a word jieba tags otherwise, the
sector of a firm framed by 的 or a place before 企业, posts after 业务, and firm words that name a
kind of firm (公司 without 一家, 制造商) or a product category after 主营.

Every sentence here is written for these tests (no article text); each rule gets a positive and,
where sensible, a negative case.
"""
from __future__ import annotations

import pytest

from doc_helpers import recognized_of_type  # noqa: E402  (tests/ is on sys.path)

_of_type = recognized_of_type


@pytest.mark.parametrize("text,sector", [
    ("公司光纤连接器业务今年营收有望增长五成。", "光纤连接器"),       # 公司 = the firm itself
    ("青川股份表示，医用耗材业务已成为公司的第二增长曲线。", "医用耗材"),  # after a clause break
    ("预制菜业务毛利率回升，屠宰肉食业务亏损收窄。", "屠宰肉食"),      # jieba tags 屠宰 as a name
])
def test_business_line_at_a_clause_opening(text, sector):
    assert sector in _of_type(text, "Industry")


@pytest.mark.parametrize("text", [
    "他此前担任华川证券资产管理业务负责人。",   # a unit of the firm before a post
    "他将分管集团的国际业务。",                 # a scope, no sector
    "双方将探索低时延业务的落地场景。",          # a verb phrase, no sector
])
def test_business_phrase_that_is_no_sector(text):
    assert _of_type(text, "Industry") == set()


def test_activity_glued_to_business_belongs_to_the_sector():
    assert "天然气销售" in _of_type("公司将持续拓展天然气销售业务。", "Industry")


def test_longer_taxonomy_label_over_a_place_tagged_word():
    got = _of_type("公司将持续拓展城市轨道交通业务。", "Industry")
    assert "城市轨道交通" in got and "轨道交通" not in got


@pytest.mark.parametrize("text,sector", [
    ("澜舟数据是一家专注于图数据库的软件企业。", "软件"),
    ("远帆股份与法国能源企业Velora签署长期供货协议。", "能源"),
    ("星链物流是华远集团旗下的物流科技企业。", "物流科技"),
])
def test_sector_of_a_firm_framed_by_de_or_a_place(text, sector):
    assert sector in _of_type(text, "Industry")


def test_word_after_a_named_sector_and_de_is_no_sector():
    got = _of_type("青松科技是智能教育领域的科技企业。", "Industry")
    assert "智能教育" in got and "科技" not in got
    assert _of_type("远山存储是存储芯片行业的代表企业。", "Industry") == {"存储芯片"}


@pytest.mark.parametrize("text,sector", [
    ("腾讯、网易等互联网公司是其主要客户。", "互联网"),          # 公司 names a kind of firm
    ("德国数控机床制造商铁峰近日宣布扩产。", "数控机床"),       # so does 制造商
    ("公司主营智能穿戴设备，是一家专注于健康监测领域的企业。", "智能穿戴设备"),  # a product category
])
def test_kind_of_firm_or_product_category_is_no_sector(text, sector):
    assert sector not in _of_type(text, "Industry")


def test_company_word_after_one_firm_still_frames_a_sector():
    assert "调味品" in _of_type("禾田味业是一家以酱油为主业的调味品公司。", "Industry")
    assert "宠物保险" in _of_type("该公司主打宠物保险业务。", "Industry")
