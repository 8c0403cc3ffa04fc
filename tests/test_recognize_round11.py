"""Round 11 recognition rules: a known firm's unit before a title, 控股股东, a brand after a category
that is a product noun itself, a listed place the tagger read as a person or body, a name that is both
a firm and a place where something is done, drug classes, editions after a version, a known maker glued
to a Latin model, a provincial body after 与, a university's hospital, and lexicon additions."""
from doc_helpers import recognized, recognized_of_type


# --- employer_before_title_rule: known firm + the work its unit does + title --------------------

def test_activity_word_between_known_firm_and_title_is_a_unit():
    ents = recognized("章明远曾任比亚迪研发总监。")
    assert ("比亚迪", "Company") in ents
    assert not any(t == "Company" and n.endswith("研发") for n, t in ents)


# --- company_suffix_rule: 控股 + 股东 is the controlling shareholder, no firm named X控股 ----------

def test_controlling_shareholder_is_no_holding_firm():
    ents = recognized("本次交易后，该基金将成为芯源微控股股东。")
    assert ("芯源微", "Company") in ents and ("芯源微控股", "Company") not in ents


# --- _held_brand: a category that is itself a product noun (饮料) before 品牌; a grade cut in two -----

def test_brand_after_category_noun_and_brand_noun():
    ents = recognized("伊利旗下功能饮料品牌海星人近日推出新品。")
    assert ("海星人", "Product") in ents


def test_brand_after_split_grade_and_category():
    ents = recognized("锦江集团旗下中高端酒店品牌丽枫在成都开出新店。")
    assert ("丽枫", "Product") in ents and ("高端酒店", "Industry") not in ents


# --- crf_mentions: a listed place jieba reads whole is no person or organisation -----------------

def test_listed_city_read_as_person_is_the_place():
    ents = recognized("副总裁邹明远在布达佩斯表示，欧洲市场增长强劲。")
    assert ("布达佩斯", "Place") in ents and ("布达佩斯", "Person") not in ents


def test_listed_prefecture_read_as_body_is_the_place():
    ents = recognized("双方将联合推广伊犁、阿勒泰等目的地。")
    assert ("阿勒泰", "Place") in ents and ("阿勒泰", "Organization") not in ents


# --- lexicon_companies: 在 + a listed name that is also a place + verb is the place ----------------

def test_place_that_is_also_a_listed_name_after_zai():
    ents = recognized("该公司周五在中关村举办发布会。")
    assert ("中关村", "Place") in ents and ("中关村", "Company") not in ents


# --- product_model_rule (_drug_target_at): X类创新药 names a class of drugs ------------------------

def test_drug_class_code_is_no_product():
    ents = recognized("公司自主研发的GLP-1类创新药进入三期临床。")
    assert ("GLP-1", "Product") not in ents


# --- product_rule: an edition word after a model's version number --------------------------------

def test_edition_after_model_version():
    ents = recognized("公司发布星火大模型4.0 Turbo。")
    assert ("星火大模型4.0 Turbo", "Product") in ents


# --- _product_after: a known maker glued to a Latin model name is a mention of its own ------------

def test_known_maker_before_latin_model_after_kind():
    ents = recognized("蔚来发布首款SUV蔚来ES9。")
    assert ("ES9", "Product") in ents and ("蔚来ES9", "Product") not in ents


def test_brand_glued_to_plain_number_stays_whole():
    ents = recognized("公司推出小米14。")
    assert ("小米14", "Product") in ents


# --- org_suffix_rule: 与 joins two parties; the body after it opens with its place ----------------

def test_provincial_department_after_yu_keeps_its_place():
    ents = recognized("美团与新疆维吾尔自治区文化和旅游厅签署合作协议。")
    assert ("新疆维吾尔自治区文化和旅游厅", "Organization") in ents
    assert ("美团", "Company") in ents and ("新疆维吾尔自治区", "Place") not in ents


# --- org_suffix_rule: a university + hospital jieba reads as one plain word ----------------------

def test_university_hospital_is_one_body():
    ents = recognized("她此前在四川大学华西医院担任主治医师。")
    assert ("四川大学华西医院", "Organization") in ents and ("四川大学", "Organization") not in ents


# --- lexicons: places, bodies and firms the lexicons lacked --------------------------------------

def test_foreign_and_xinjiang_places():
    ents = recognized("该公司在匈牙利德布勒森新建的工厂明年投产，新线路还将连接伊犁和阿勒泰。")
    assert {("德布勒森", "Place"), ("伊犁", "Place"), ("阿勒泰", "Place")} <= ents


def test_ministry_and_fda_are_organizations():
    ents = recognized("新品种已通过农业农村部审定，另一款药物已获美国FDA批准上市。")
    assert ("农业农村部", "Organization") in ents and ("FDA", "Organization") in ents


def test_grocery_platforms_and_dairy_firm_are_firms():
    found = recognized_of_type("叮咚买菜和朴朴超市均已上架新希望乳业的新品。", "Company")
    assert {"叮咚买菜", "朴朴超市", "新希望乳业"} <= found


# --- company_suffix_rule: a kind of firm before 领域/行业 is a sector ------------------------------

def test_kind_of_bank_before_sector_cue_is_industry():
    ents = recognized("他在商业银行领域深耕二十年。")
    assert ("商业银行", "Industry") in ents and ("商业银行", "Company") not in ents


# --- industry_prefixes.txt / industries_extension.json: sectors the lexicons lacked --------------

def test_last_mile_prefix_belongs_to_the_sector():
    ents = recognized("公司将加强在末端物流领域的投入。")
    assert ("末端物流", "Industry") in ents and ("物流", "Industry") not in ents


def test_compound_seasoning_and_ice_cream_sectors():
    ents = recognized("这是一家复合调味品企业，近年加码冰淇淋市场。")
    assert {("复合调味品", "Industry"), ("冰淇淋", "Industry")} <= ents


# --- place_rule (_crf_firm_from): a country before a known firm the CRF reads whole ---------------

def test_country_before_known_firm_is_a_place():
    ents = recognized("德国安联集团周二宣布完成交易。")
    assert ("德国", "Place") in ents and ("安联集团", "Company") in ents


# --- lexicon_products: a product that names a unit before a title; its maker employs --------------

def test_product_named_unit_before_title_gives_its_maker():
    ents = recognized("百度副总裁、百度智能云事业群总裁闻涛表示。")
    assert ("百度", "Company") in ents
    assert not any(n == "百度智能云" for n, t in ents)
