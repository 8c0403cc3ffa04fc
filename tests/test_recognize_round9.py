"""Round 9 recognition rules: Latin model parts written a space after a Han product name, Latin
product kinds glued before a Latin model, brands named in plain words after 旗下…品牌, a verb glued
after a brand, a Latin sector word that ends a product's name, a sales region after an employer, a
country and a sector before a firm noun, and a university's affiliated hospital."""
from doc_helpers import recognized, recognized_of_type


# --- _spaced_model_parts / _spaced_code_before_noun: Han name + space + Latin model part ---------

def test_code_after_space_joins_cued_han_name():
    found = recognized_of_type("其首款座舱芯片天枢 A3已在多家车企量产上车。", "Product")
    assert "天枢 A3" in found and "天枢" not in found


def test_number_after_space_before_category_noun():
    found = recognized_of_type("公司自研的鲲鹏 60无人机最大载重30公斤。", "Product")
    assert "鲲鹏 60" in found


def test_edition_word_after_space_takes_han_name():
    found = recognized_of_type("该品牌的爆款云眠枕 Pro由代工厂生产。", "Product")
    assert "云眠枕 Pro" in found and "Pro" not in found


def test_latin_kind_glued_before_latin_model():
    found = recognized_of_type("星途汽车将于年内推出纯电SUVRX-70，预售价20万元起。", "Product")
    assert "RX-70" in found and not any(f.startswith("SUV") for f in found)


def test_scanner_kind_glued_before_model():
    found = recognized_of_type("其自主研发的PET-CTnScan 5获批上市。", "Product")
    assert "nScan 5" in found


# --- _held_brand: a brand in plain words after 旗下…品牌 -------------------------------------------

def test_one_plain_word_brand_before_verb():
    found = recognized_of_type("同日，公司旗下高端酸奶品牌金露推出两款新品。", "Product")
    assert "金露" in found


def test_unknown_and_plain_word_brand():
    ents = recognized("财报显示，朵云旗下零售品牌朵云星河本季度营收增长65%。")
    assert ("朵云星河", "Product") in ents and ("朵云", "Product") not in ents


def test_verb_glued_after_brand_is_no_part_of_it():
    found = recognized_of_type("公司旗下工装品牌凯锐诺中标多家银行的制服采购项目。", "Product")
    assert "凯锐诺" in found and "凯锐诺中标" not in found


# --- industry_rule: a Latin sector word after a Latin name ----------------------------------------

def test_latin_sector_word_after_latin_name_is_product():
    ents = recognized("公司自研的Kingo AI企业付费用户半年内增长了三倍。")
    assert ("AI", "Industry") not in ents


# --- employer_before_title_rule: a sales region after the employer --------------------------------

def test_sales_region_between_employer_and_title():
    found = recognized_of_type("他此前曾任星澜科技亚太区副总裁。", "Company")
    assert "星澜科技" in found and not any("亚太区" in f for f in found)


# --- _country_before_firm: country + sector + firm noun ------------------------------------------

def test_country_and_sector_before_firm_noun():
    ents = recognized("双方与阿联酋新能源开发商马斯达尔签署合作协议。")
    assert ("阿联酋", "Place") in ents
    assert not any(t == "Company" and n.startswith("阿联酋") for n, t in ents)


# --- org_suffix_rule: a university's affiliated hospital ----------------------------------------

def test_affiliated_hospital_is_one_organization():
    ents = recognized("贺振东曾任浙江大学附属第一医院心内科主任。")
    assert ("浙江大学附属第一医院", "Organization") in ents
