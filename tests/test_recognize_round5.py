"""Round 5 recognition rules: brands named after 旗下…品牌 in plain words, traded brands as companies,
model codes and quantities, drug names jieba glued to their form, branch and role words around firm
names, country + firm splits, places with their administrative suffix."""
from doc_helpers import recognized, recognized_of_type


# --- _held_brand: brand names after (or before) 旗下's 品牌 --------------------------------------------

def test_brand_noun_glued_to_its_kind():
    ents = recognized("该集团任命林思远负责旗下快时尚品牌NOVA的全球扩张。")
    assert ("NOVA", "Product") in ents
    assert ("NOVA", "Company") not in ents


def test_plain_words_after_brand_noun():
    ents = recognized("公司表示，旗下乳品品牌白云牧场今年营收增长。")
    assert ("白云牧场", "Product") in ents and ("白云牧场", "Company") not in ents


def test_plain_words_before_brand_noun():
    ents = recognized("锦江国际宣布，旗下金鹿酒店品牌将于明年进入成都。")
    assert ("金鹿酒店", "Product") in ents
    assert ("金鹿酒店", "Company") not in ents


def test_grade_before_brand_noun_is_no_name():
    found = recognized_of_type("集团旗下高端猫粮品牌弗列加特营收同比增长。", "Product")
    assert found == {"弗列加特"}


def test_dotted_latin_brand_stays_whole():
    found = recognized_of_type("途牛旗下海外品牌Hop.travel的欧洲用户数增长三成。", "Product")
    assert "Hop.travel" in found and "Hop" not in found


# --- lexicon_products: a product name before a unit and a title is the employer -------------------

def test_product_before_unit_and_title_is_employer():
    ents = recognized("支付宝国际事业部总裁何嘉文表示，海外用户增长迅速。")
    assert ("支付宝", "Company") in ents
    assert ("支付宝", "Product") not in ents


# --- _form_suffixed: a drug name whose last syllable jieba glued to 片 -----------------------------

def test_drug_name_glued_to_tablet_form():
    ents = recognized("恒康医药的瑞米司他片获批上市。")
    assert ("瑞米司他片", "Product") in ents and ("瑞米司", "Company") not in ents


# --- _model_code: hyphenated Latin pieces after 的 ----------------------------------------------------

def test_hyphenated_model_code_after_possessive():
    found = recognized_of_type("新车将搭载星河科技的K7AI-Edge模组。", "Product")
    assert "K7AI-Edge" in found and "K7" not in found


# --- _product_after / _MODEL: quantities and codes that are no model names --------------------------

def test_number_before_measure_word_is_no_model():
    found = recognized_of_type("金风科技发布单机容量18兆瓦的海上风电机组。", "Product")
    assert not any("容量" in f for f in found)


def test_letter_after_hyphen_opens_no_name():
    found = recognized_of_type("华为联合运营商发布5G-A基站。", "Product")
    assert "A" not in found


def test_share_percentage_is_no_model_number():
    ents = recognized("公司宣布收购法国企业Lumera 60%的股权。")
    assert ("Lumera 60", "Product") not in ents
    assert ("Lumera", "Company") in ents


# --- product_rule 平台: a maker glued to an unknown service word before 平台 ------------------------

def test_maker_and_service_word_before_platform():
    found = recognized_of_type("双方将依托携程旅拍平台推出新服务。", "Product")
    assert "携程旅拍" in found


# --- lexicons: film heads before quotes, farm machines as product kinds, Han editions ---------------

def test_quoted_film_title_is_product():
    found = recognized_of_type("青禾影业的代表作为动画电影《海底小侠》。", "Product")
    assert "海底小侠" in found


def test_tractor_kind_before_model_code():
    found = recognized_of_type("公司发布新款大马力拖拉机M2200。", "Product")
    assert "M2200" in found and "拖拉机M2200" not in found


def test_plain_word_with_edition_after_platform():
    found = recognized_of_type("旗下票务平台星幕专业版将于下月上线。", "Product")
    assert "星幕专业版" in found


# --- _traded_brands: a brand whose equity is sold or that raises money is a company -----------------

def test_brand_sold_by_equity_is_company():
    ents = recognized("华信集团宣布收购意大利户外品牌Montelago的全部股权。")
    assert ("Montelago", "Company") in ents
    assert ("Montelago", "Product") not in ents


def test_brand_raising_a_round_is_company_everywhere():
    ents = recognized("咖啡品牌“豆屿”完成2亿元B轮融资，豆屿计划新开门店。")
    assert ("豆屿", "Company") in ents
    assert ("豆屿", "Product") not in ents


# --- lexicon_companies: the hand-written corpus drop list holds at run time -------------------------

def test_marketplace_on_drop_list_is_product():
    ents = recognized("新品已在天猫上线。")
    assert ("天猫", "Product") in ents and ("天猫", "Company") not in ents


def test_place_that_is_also_a_listed_name_after_city():
    ents = recognized("公司将在北京中关村设立研发中心。")
    assert ("中关村", "Place") in ents and ("中关村", "Company") not in ents


def test_known_short_name_inside_longer_crf_name():
    found = recognized_of_type("美团华睿与北京大学签署合作协议。", "Company")
    assert "美团华睿" in found and "美团" not in found


# --- company rules: role words, 旗下, verbs and departments around firm names ----------------------

def test_party_role_word_off_firm_name():
    found = recognized_of_type("执行方中建华南建设有限公司副总经理表示。", "Company")
    assert "中建华南建设有限公司" in found and "方中建华南建设有限公司" not in found


def test_owner_and_held_fund_are_not_one_name():
    found = recognized_of_type("本轮由华润集团旗下产业基金领投。", "Company")
    assert "华润集团" in found
    assert not any("旗下" in f or f == "产业基金" for f in found)


def test_verb_on_coreferring_group_is_no_firm():
    found = recognized_of_type("此举将优化集团在华南市场的布局。", "Company")
    assert "优化集团" not in found


def test_country_pair_before_sector_is_no_firm():
    ents = recognized("在中日医药合作持续推进的背景下，交易顺利完成。")
    assert ("中日医药", "Company") not in ents
    assert ("中", "Place") in ents and ("日", "Place") in ents


def test_corporate_banking_department_is_no_suffix():
    found = recognized_of_type("他曾任中国工商银行公司金融部总经理。", "Company")
    assert found == {"中国工商银行"}


def test_country_split_off_unknown_foreign_firm():
    ents = recognized("日本丸川工业宣布在苏州新建工厂。")
    assert ("日本", "Place") in ents and ("丸川工业", "Company") in ents


def test_country_and_subsidiary_word_is_no_firm():
    ents = recognized("蒙牛旗下澳大利亚子公司在墨尔本新建工厂。")
    assert ("澳大利亚", "Place") in ents
    assert not any(t == "Company" and "澳大利亚" in n for n, t in ents)


# --- place_rule: administrative suffixes, subsidiaries and CRF-read names --------------------------

def test_province_suffix_joins_foreign_place():
    found = recognized_of_type("新工厂位于越南北江省。", "Place")
    assert "北江省" in found and "北江" not in found


def test_sales_region_keeps_no_suffix():
    assert "华东区" not in recognized_of_type("华东区总经理张立表示。", "Place")


def test_country_before_subsidiary_word_is_place():
    found = recognized_of_type("伊利股份旗下新西兰子公司在当地新建工厂。", "Place")
    assert "新西兰" in found


# --- firm_heads.txt: 矿企, 房企 head a written firm name ---------------------------------------------

def test_mining_firm_head_before_latin_name():
    found = recognized_of_type("欧盟委员会批准宏达矿业收购智利矿企Andes Cobre的交易。", "Company")
    assert "Andes Cobre" in found


# --- _person_named_as_firm: a tagger's person with a firm's name is that firm ----------------------

def test_tagger_person_with_firm_name_is_firm():
    ents = recognized("宠物食品企业萌卡乐完成2亿元B轮融资。萌卡乐由前玛氏高管林雅文于2019年在杭州创立。")
    assert ("萌卡乐", "Person") not in ents
    assert ("萌卡乐", "Company") in ents and ("林雅文", "Person") in ents


def test_report_words_after_brand_noun_are_no_name():
    assert recognized_of_type("公司旗下品牌门店数量达到五千家。", "Product") == set()
