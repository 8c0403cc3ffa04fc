"""Round 12 recognition rules: precision mistakes left on the dev set (a name jieba cut before 为 + a
title, a time word after a name, 该公司 glued to a verb, 由X控股, an investor's fund after 旗下, a word
before a lab's name, a list that ends at a word between its members)."""
from doc_helpers import recognized


# --- person_title_rule: a given name cut by jieba, its last character glued to 为 ------------------

def test_given_name_glued_to_copula_before_title():
    ents = recognized("董事会同时聘任钟以宁为执行董事，任期三年。")
    assert ("钟以宁", "Person") in ents and ("宁为", "Person") not in ents


# --- company_suffix_rule: 选举章慕 + 华为公司 + 独立董事 is a person and "as the company's director" --

def test_name_before_wei_gongsi_and_title_is_no_huawei():
    ents = recognized("公司召开股东大会，选举章慕华为公司独立董事。")
    assert ("章慕华", "Person") in ents
    assert not any(t == "Company" for _n, t in ents)


def test_huawei_company_before_title_stays_a_firm():
    ents = recognized("他此前担任华为公司副总裁。")
    assert ("华为公司", "Company") in ents


# --- person_title_rule: a CRF name before the guess; a time word ends no name ------------------------

def test_time_word_after_name_is_no_name():
    ents = recognized("银行聘任欧阳静和为分行行长。欧阳静和此前任交通银行总经理。")
    assert ("欧阳静和", "Person") in ents
    assert not any(t == "Person" and "此前" in n for n, t in ents)


# --- company_suffix_rule: 该 glued to a verb before 公司 ----------------------------------------------

def test_this_company_after_verb_is_no_firm():
    ents = recognized("宁波远帆智造科技股份有限公司公告，陆佳怡此前任该公司副总经理。")
    assert ("宁波远帆智造科技股份有限公司", "Company") in ents
    assert not any(t == "Company" and "该" in n for n, t in ents)


# --- company_suffix_rule: 由X控股。 : 控股 is the verb "holds" ------------------------------------------

def test_holds_after_you_is_a_verb():
    ents = recognized("长鑫存储由合肥产投控股，总部位于合肥。")
    assert ("合肥产投", "Company") in ents and ("合肥产投控股", "Company") not in ents


def test_holding_firm_name_stays_whole():
    ents = recognized("本轮融资由复星国际控股有限公司领投。")
    assert ("复星国际控股有限公司", "Company") in ents


# --- investor_cue_rule: X旗下基金跟投 names X -----------------------------------------------------------

def test_owner_before_held_fund_is_the_investor():
    ents = recognized("本轮由高瓴创投领投，国投招商旗下基金跟投。")
    assert ("国投招商", "Company") in ents
    assert not any(t == "Company" and "旗下" in n for n, t in ents)


# --- company_suffix_rule: a weak firm word before 联合实验室 is part of the lab's name -----------------

def test_research_field_before_joint_lab_is_no_firm():
    ents = recognized("科大讯飞与安徽大学共建的类脑智能联合实验室正式揭牌。")
    assert ("科大讯飞", "Company") in ents and ("安徽大学", "Organization") in ents
    assert not any(t == "Company" and "智能" in n for n, t in ents)


# --- company_list_rule: a word between two lists ends the first ------------------------------------

def test_list_after_a_word_is_a_new_list():
    ents = recognized("理想汽车和小鹏汽车在增程与纯电路线上的竞争日趋激烈。")
    assert ("理想汽车", "Company") in ents and ("小鹏汽车", "Company") in ents
    assert not any(n in ("增程", "纯电路线") for n, _t in ents)


def test_list_of_firms_still_types_unknown_member():
    ents = recognized("获得国投创业、合肥产投和招银国际的投资。")
    assert ("合肥产投", "Company") in ents


# --- _firm_description_before_name: a place and ordinary words before 公司, then the firm's name ---

def test_description_before_firm_name_is_no_firm():
    ents = recognized("公司将联合财团收购德国户外用品公司狼爪的全部股权。")
    assert ("德国", "Place") in ents
    assert not any(t == "Company" and n.endswith("用品公司") for n, t in ents)


def test_place_of_a_dropped_description_stays():
    ents = recognized("成都初创公司慢慢来完成数千万元天使轮融资。")
    assert ("成都", "Place") in ents
    assert not any(t == "Company" and n.endswith("初创公司") for n, t in ents)


# --- company_suffix_rule: 获得X资本投资。 is the investment received -----------------------------------

def test_investment_received_after_capital_firm():
    ents = recognized("该企业专注商业航天领域，此前已获得顺为资本投资。")
    assert ("顺为资本", "Company") in ents and ("顺为资本投资", "Company") not in ents


# --- lexicon: A-share names that are places; a stock code makes them the firm ---------------------

def test_listed_name_that_is_a_place_reads_as_place():
    ents = recognized("演出将于五一假期在张家界武陵源景区首演，今年张家界接待游客有望增长。")
    assert ("张家界", "Place") in ents and ("张家界", "Company") not in ents


def test_stock_code_after_place_like_name_makes_it_the_firm():
    ents = recognized("张家界（000430.SZ）晚间公告，全资子公司将打造新的演艺项目。")
    assert ("张家界", "Company") in ents


def test_district_after_city_is_a_place():
    ents = recognized("该公司将在上海松江扩建生产基地。")
    assert ("松江", "Place") in ents


# --- lexicon: subsidiaries known by their full name ---------------------------------------------------

def test_known_subsidiaries_are_whole():
    ents = recognized("三星显示和LG显示的份额均有下滑，GE医疗则增长。")
    assert {("三星显示", "Company"), ("LG显示", "Company"), ("GE医疗", "Company")} <= ents


def test_haoweilai_is_a_firm():
    ents = recognized("知行书院完成1亿元融资，投资方为好未来和新东方。")
    assert ("好未来", "Company") in ents and ("新东方", "Company") in ents


# --- firm_kind: a kind of firm is no firm; the word may still name a sector -------------------------

def test_kind_of_bank_is_no_company():
    ents = recognized("监管部门要求商业银行加强对跨境支付业务的风险管理。")
    assert not any(n == "商业银行" and t == "Company" for n, t in ents)
    ents = recognized("程立川辞去国有银行的工作，在杭州创办了远航担保。")
    assert not any(n == "国有银行" for n, _t in ents)


# --- product_stop: business nouns and shopping festivals are no products -----------------------------

def test_business_nouns_after_launch_words_are_no_products():
    for text, word in (("店将沿用国内供应链，首发单品为招牌饮品“云岭青提”。", "单品"),
                       ("小米也计划在本月推出同价位竞品。", "竞品"),
                       ("两家公司签下刻蚀设备大单。", "大单"),
                       ("今年“双11”期间扫地机器人线上销量增长。", "双11")):
        assert not any(n == word for n, _t in recognized(text)), text
    assert ("云岭青提", "Product") in recognized("店将沿用国内供应链，首发单品为招牌饮品“云岭青提”。")


def test_noun_glued_to_adverb_is_no_product():
    ents = recognized("鸿蒙生态设备数已超过10亿台。")
    assert not any(t == "Product" and n.endswith("已") for n, t in ents)


# --- _whole_book_title: a product part of a short title is the whole title ---------------------------

def test_product_in_book_title_is_the_whole_title():
    ents = recognized("光线传媒计划于2027年暑期推出续作《山海归途2》。")
    assert ("山海归途2", "Product") in ents and ("归途2", "Product") not in ents


def test_report_title_is_left_alone():
    ents = recognized("研究院发布《2025年新能源汽车白皮书》。")
    assert not any(t == "Product" for _n, t in ents)


# --- lexicon: well-known firms abroad; a firm's China arm before a title stays whole ------------------

def test_well_known_foreign_firms():
    ents = recognized("该机延续了与德国光学品牌徕卡联合调校的方案，并与瑞典相机制造商哈苏竞争。")
    assert ("徕卡", "Company") in ents and ("哈苏", "Company") in ents
    ents = recognized("核心部件多采购自德国西门子和日本发那科。")
    assert ("发那科", "Company") in ents


def test_china_arm_company_before_title_stays_whole():
    ents = recognized("空中客车中国公司首席执行官戴维·勒费弗尔出席了签约仪式。")
    assert ("空中客车中国公司", "Company") in ents


# --- _no_place_in_branch: a branch before a title, a plant before its head's title ------------------

def test_place_of_branch_before_title_without_employer_is_none():
    ents = recognized("记者了解到，深圳分行行长一职将由该行零售部总经理接任。")
    assert not any(t == "Place" for _n, t in ents)


def test_place_of_plant_before_plant_head_is_none():
    ents = recognized("他此前曾任台积电南京厂厂长。")
    assert ("台积电", "Company") in ents and ("南京", "Place") not in ents
    assert ("深圳", "Place") in recognized("大疆深圳工厂今日投产。")


# --- a compound surname, a given name and 任 glued before 公司 + title --------------------------------

def test_compound_surname_name_glued_to_ren():
    ents = recognized("茶语山房拥有门店800余家。诸葛晴任公司首席执行官，她表示新资金将用于扩张。")
    assert ("诸葛晴", "Person") in ents
    assert not any(t == "Company" and "任" in n for n, t in ents)
