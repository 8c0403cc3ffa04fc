"""Products and industries in the recogniser, second round: sector phrases the taxonomy
lacks, naming frames, kind words after a name, makers glued to Han model names.

Every sentence here is written for these tests (no article text) and differs from the
dev records that showed each failure, so a fix is checked on wording of its own.
"""
from __future__ import annotations

import pytest

from doc_helpers import recognized, recognized_of_type  # noqa: E402  (tests/ is on sys.path)


_ents = recognized  # (name, type) of every mention found


_of_type = recognized_of_type


@pytest.mark.parametrize("text,sector", [
    # a free-text sector after a focus verb, up to a clause break
    ("云杉智能专注于工业质检软件，已服务200家工厂。", "工业质检软件"),
    # ... or up to 的 and a firm word (a whole word, not the label inside it)
    ("清源科技是一家专注于储能温控的科技公司，总部位于苏州。", "储能温控"),
    # a segment before 市场 that ends in a consumer-goods head
    ("在儿童零食市场，良品铺子的份额持续提升。", "儿童零食"),
    # sectors the taxonomy extension now holds
    ("该实验室致力于通用人工智能领域的基础研究。", "通用人工智能"),
])
def test_free_text_sectors(text, sector):
    assert sector in _of_type(text, "Industry")


def test_focus_sector_drops_activity_and_abstract_aims():
    assert "疫苗" in _of_type("蓝鲸生物是一家专注于疫苗研发的企业。", "Industry")
    assert "疫苗研发" not in _of_type("蓝鲸生物是一家专注于疫苗研发的企业。", "Industry")
    # an aim or an audience after the focus verb is no sector
    assert _of_type("星河科技专注于技术创新，致力于为客户提供服务。", "Industry") == set()


def test_focus_sector_stops_before_a_sector_named_after_de():
    # 主营X的芯片设计公司: X is what it sells, the sector is the word before 公司
    got = _of_type("海光信息是一家主营高端处理器的芯片设计公司。", "Industry")
    assert "高端处理器" not in got and "芯片设计" in got


def test_market_segment_needs_a_goods_head():
    got = _of_type("欧洲市场和二级市场近期波动较大。", "Industry")
    assert got == set()


def test_business_scope_list():
    assert {"酒店", "文旅", "物业管理"} <= _of_type("该集团业务涵盖酒店、文旅和物业管理。", "Industry")
    # places and counts after 业务覆盖 are no sectors
    assert _of_type("公司业务覆盖全国200多个城市。", "Industry") == set()


def test_naming_frame_names_products():
    got = _ents("该药商品名为瑞宁康，通用名为瑞宁替尼。")
    assert {("瑞宁康", "Product"), ("瑞宁替尼", "Product")} <= got
    assert ("云朵", "Product") in _ents("这款婴儿湿巾的品牌名为“云朵”。")


def test_name_before_platform_or_model_word():
    assert "星澜" in _of_type("开发者可在灵犀平台调用星澜模型，也可在交易平台下单。", "Product")
    assert not {"交易", "交易平台"} & _of_type("开发者可在交易平台下单。", "Product")


def test_second_drug_target_is_no_product():
    assert _of_type("信达生物的PD-1/CTLA-4双抗进入三期临床。", "Product") == set()


def test_maker_glued_to_han_model_used_alone_too():
    got = _ents("比亚迪海狮7月销量破万，海狮的订单持续增长。")
    assert ("比亚迪", "Company") in got and ("海狮", "Product") in got
    assert ("比亚迪海狮", "Product") not in got
    # without a second, bare use the glued word is not split off (腾讯音乐 stays a company)
    assert not _of_type("腾讯音乐发布财报，音乐业务增长。", "Product")


def test_han_model_number_before_a_function_word():
    assert "畅享70" in _of_type("华为畅享70也进入千元机销量榜。", "Product")
