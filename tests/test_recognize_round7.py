"""Round 7 recognition rules: a country before a partner's name, a company's China arm whose 中国 the
merge gave to a unit, "former" before an organisation's name, sector phrases before 平台 that only
name a kind of platform, 属于/经营 ending a sector phrase,
category nouns and digit-first codes before model names, hyphenated variants, letter codes glued to
a Han product line, a CRF span that runs a maker into a product, and well-known names and districts
added to the hand-written lexicons."""
from doc_helpers import recognized, recognized_of_type


# --- partner_rule: the country before a partner's name is a Place of its own -----------------------

def test_country_before_known_partner_is_place():
    ents = recognized("游戏橘子宣布与日本万代南梦宫签署合作协议，双方将联合开发手游。")
    assert ("万代南梦宫", "Company") in ents
    assert ("日本", "Place") in ents


# --- _china_arm: 中国 the merge gave to a unit's name ------------------------------------------------

def test_china_arm_before_unit_name():
    found = recognized_of_type("其此前担任沃尔玛中国山姆会员店事业部副总裁。", "Company")
    assert "沃尔玛中国" in found and "沃尔玛" not in found


# --- org_suffix_rule: 原 before an organisation's name ---------------------------------------------

def test_former_word_is_no_part_of_organisation():
    found = recognized_of_type("原国家能源局油气司副司长谭穆清出任中国海油副总经理。", "Organization")
    assert "国家能源局" in found and "原国家能源局" not in found


# --- _sector_before_firm / _platform_sector: a kind of platform is no sector ------------------------

def test_modifier_before_platform_is_no_sector():
    found = recognized_of_type("万物云近日发布智慧物业平台“星尘”，已接入多个项目。", "Industry")
    assert "物业" not in found


def test_unknown_word_before_platform_is_no_sector():
    found = recognized_of_type("他负责其自研工业视觉平台“云瞳”的研发。", "Industry")
    assert not any("工业视觉" in f for f in found)


def test_adjective_before_platform_is_no_sector():
    found = recognized_of_type("公司自主建造的深水油气平台“深海二号”已投产。", "Industry")
    assert "油气" not in found


# --- industry_breaks: 属于 and 经营 end a sector phrase ----------------------------------------------

def test_belongs_to_ends_sector_phrase():
    found = recognized_of_type("杭州毛孩子科技有限公司完成融资。毛孩子科技属于宠物智能硬件行业。", "Industry")
    assert "宠物智能硬件" in found and not any("属于" in f for f in found)


def test_operate_verb_is_no_part_of_sector():
    found = recognized_of_type("该航空公司主要经营航空客运业务。", "Industry")
    assert "航空客运" in found and "经营航空客运" not in found


# --- product nouns and codes: 泵车M70, 777F货机, A350-1000客机 -------------------------------------

def test_category_noun_before_code_is_no_part_of_model():
    found = recognized_of_type("施泰纳研发的新一代泵车M70将于明年投产。", "Product")
    assert "M70" in found and "泵车M70" not in found


def test_digit_first_code_after_maker_before_noun():
    ents = recognized("公司计划明年新增4架波音777F货机。")
    assert ("777F", "Product") in ents and ("波音", "Company") in ents


def test_hyphenated_variant_is_part_of_model():
    ents = recognized("长荣航空宣布订购18架空中巴士A350-1000客机，预计交付。")
    assert ("A350-1000", "Product") in ents
    assert ("空中巴士", "Company") in ents


# --- lexicon_products / merge: a letter code after a Han product line, the maker in front ------------

def test_letter_code_glued_to_product_line():
    ents = recognized("这款眼镜采用高通骁龙XR2芯片，将于下周首发。")
    assert ("骁龙XR2", "Product") in ents and ("骁龙", "Product") not in ents
    assert ("高通", "Company") in ents


# --- hand-written lexicons: well-known firms and districts ------------------------------------------

def test_convenience_chain_names():
    found = recognized_of_type("统一企业旗下统一超商将与7-Eleven合作推出咖啡。", "Company")
    assert {"统一企业", "统一超商", "7-Eleven"} <= found


def test_retailer_before_stores():
    found = recognized_of_type("新品已进入全国2000家盒马门店。", "Company")
    assert "盒马" in found


def test_metro_china_arm():
    found = recognized_of_type("物美集团旗下麦德龙中国宣布新店开业。", "Company")
    assert "麦德龙中国" in found


def test_beijing_district_before_factory():
    found = recognized_of_type("新车将在北京顺义工厂投产。", "Place")
    assert "顺义" in found


def test_hong_kong_district():
    found = recognized_of_type("会员平台将扩展至观塘的商场。", "Place")
    assert "观塘" in found


def test_game_publisher_name_is_whole():
    found = recognized_of_type("游戏橘子董事长表示，公司将持续深耕游戏产业。", "Company")
    assert "游戏橘子" in found and "橘子" not in found
