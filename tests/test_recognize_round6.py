"""Round 6 recognition rules: codes written a space after a Latin model name, deal verbs jieba does
not know, brands jieba reads as person names after a firm noun, subsidiaries named like places after
旗下, a maker's name before a Han series model, fund and VC heads, product kinds before their model
codes, an investment received after a group's name, adverbs jieba reads inside registered names,
named parks, quoted names after 解决方案/代表作 and sold funds, list members before a firm head,
known names with a business word, plus signs and certifications, compound surnames, brands listed
before 等…品牌, Latin firm names after a country."""
from doc_helpers import recognized, recognized_of_type


# --- product_rule / _code_tail_end: a code a space after a Latin model name --------------------------

def test_number_after_letter_model_is_part_of_name():
    found = recognized_of_type("联想今日发布新款笔记本Voyabook X 14，售价较上代下调。", "Product")
    assert "Voyabook X 14" in found and "Voyabook X" not in found


def test_letters_and_number_after_model_are_part_of_name():
    found = recognized_of_type("新机搭载高通最新处理器Snapnova AI 7 GX 350。", "Product")
    assert "Snapnova AI 7 GX 350" in found


def test_hyphenated_code_after_model_code():
    found = recognized_of_type("烽火通信推出面向运营商的核心交换机FXR8 T9000-E。", "Product")
    assert "FXR8 T9000-E" in found


def test_price_after_model_is_no_code():
    found = recognized_of_type("新款手机Lumo 12 3999元起售。", "Product")
    assert not any("3999" in f for f in found)


def test_year_after_model_is_no_code():
    found = recognized_of_type("公司发布Stellar X7 2026，续航提升。", "Product")
    assert not any(f.endswith(" 2026") and "Stellar" in f and f != "Stellar X7 2026" for f in found)
    assert "Stellar X7" in {f.replace(" 2026", "") for f in found}


# --- _company_run / industry_breaks: deal verbs jieba tags as names ---------------------------------

def test_stake_verb_before_sector_firm_is_no_name():
    ents = recognized("此外，华远控股已增持锂电企业苏州恒拓新材料股份有限公司。")
    assert not any(name.startswith("增持") for name, _t in ents)
    assert ("锂电", "Industry") in ents


def test_joint_development_verb_is_no_firm():
    ents = recognized("双方将联合开发生物基材料。")
    assert not any(t == "Company" for _n, t in ents)


# --- firm_head_rule / _person_named_as_firm: a brand jieba tags as a person after a firm noun --------

def test_brand_read_as_person_after_firm_noun_is_company():
    ents = recognized("生鲜零售企业鲜果汇完成3亿元B轮融资。鲜果汇首席执行官杜明川表示，将加快开店。")
    assert ("鲜果汇", "Company") in ents
    assert ("鲜果汇", "Person") not in ents
    assert ("杜明川", "Person") in ents


# --- _held_place_names: a subsidiary named like a place after 旗下 -----------------------------------

def test_country_named_subsidiary_after_held():
    ents = recognized("星河集团旗下巴拿马在深圳举行发布会。巴拿马是星河集团的子公司。")
    assert ("巴拿马", "Company") in ents
    assert ("巴拿马", "Place") not in ents


def test_place_glued_to_branch_after_held_stays_place():
    ents = recognized("该集团旗下成都分公司在高新区开业。")
    assert ("成都", "Company") not in ents


# --- _maker_before_han_model: a maker before a Han series name and its code -------------------------

def test_maker_before_han_series_model_is_split():
    ents = recognized("华阳电子的座舱芯片已配套吉利星越L3等车型。")
    assert ("吉利", "Company") in ents
    assert ("星越L3", "Product") in ents
    assert ("吉利星越L3", "Product") not in ents


# --- company_suffixes: city innovation-investment groups and corporate innovation funds -------------

def test_city_innovation_investment_group():
    ents = recognized("本轮由红杉中国领投，苏州市创新投资集团和顺为资本跟投。")
    assert ("苏州市创新投资集团", "Company") in ents
    assert ("苏州市", "Place") not in ents


def test_corporate_innovation_fund_after_vc_kind():
    ents = recognized("海信宣布通过旗下创投公司海信创新基金，领投一家芯片初创企业。")
    assert ("海信创新基金", "Company") in ents
    assert ("创投公司", "Company") not in ents
    assert not any(n.startswith("创投公司") for n, _t in ents)


# --- _kind_before_model: a business word that ends a product kind ---------------------------------

def test_robot_kind_before_model_code_is_no_firm():
    ents = recognized("公司旗下骨科机器人OR-Nova已获批上市，同时推出巡检机器人P300。")
    assert ("骨科机器人", "Company") not in ents and ("巡检机器人", "Company") not in ents
    assert ("P300", "Product") in ents


def test_storage_kind_glued_to_noun_is_no_firm():
    ents = recognized("公司近日发布液冷储能柜“天枢方舱”。")
    assert ("液冷储能", "Company") not in ents


def test_known_maker_before_model_code_stays_company():
    ents = recognized("小米汽车SU7上市首月交付破万。")
    assert ("小米汽车", "Company") in ents


# --- company_suffix_rule: an investment received after a group's name --------------------------------

def test_investment_after_group_name_is_no_part_of_it():
    ents = recognized("该公司此前已获得美团和阿里巴巴集团投资。")
    assert ("阿里巴巴集团", "Company") in ents
    assert ("阿里巴巴集团投资", "Company") not in ents


def test_investment_firm_with_legal_form_keeps_its_head():
    ents = recognized("星河集团投资有限公司宣布完成新一期募资。")
    assert ("星河集团投资有限公司", "Company") in ents


# --- _company_run: a two-character adverb jieba reads inside a registered name ----------------------

def test_adverb_inside_registered_name():
    ents = recognized("杭州云帆互动网络科技有限公司（云帆互动）宣布完成融资。")
    assert ("杭州云帆互动网络科技有限公司", "Company") in ents
    assert ("杭州", "Place") not in ents


def test_firm_kind_inside_legal_name_run_ends_it():
    ents = recognized("红杉中国领投深圳储能温控初创公司凌霜科技股份有限公司的B轮融资。")
    assert ("凌霜科技股份有限公司", "Company") in ents
    assert not any(t == "Company" and n.startswith("深圳") for n, t in ents)


def test_studio_before_registered_name_is_its_kind():
    ents = recognized("网易近日入股厦门独立游戏工作室青岚互动网络科技有限公司。")
    assert ("青岚互动网络科技有限公司", "Company") in ents
    assert ("厦门", "Place") in ents


def test_studio_as_legal_name_head_stays():
    ents = recognized("苏州白鹭游戏工作室有限公司近日被收购。")
    assert ("苏州白鹭游戏工作室有限公司", "Company") in ents


# --- place_rule / _named_park: a named science or industrial park -----------------------------------

def test_park_after_name_word_is_one_place():
    ents = recognized("新工厂将落户苏州独墅湖科技园区，明年投产。")
    assert ("独墅湖科技园区", "Place") in ents
    assert ("苏州", "Place") in ents


def test_city_park_is_one_place():
    found = recognized_of_type("公司计划在新竹科學園區興建新產線。", "Place")
    assert "新竹科学园区" in found and "新竹" not in found


def test_firm_campus_is_no_named_park():
    found = recognized_of_type("研发中心位于华为科技园，另在产业园区设厂。", "Place")
    assert not any("科技园" in f or "园区" in f for f in found)


# --- product_quote_heads / _sold_fund: quoted names after 解决方案, 代表作 and kinds of sold funds --------

def test_quoted_name_after_solution_is_product():
    found = recognized_of_type("公司发布智慧港口解决方案“海瞳”，已在宁波港试点。", "Product")
    assert "海瞳" in found


def test_representative_work_in_book_title_is_product():
    found = recognized_of_type("该工作室的代表作《云栖奇谭》全球销量破百万。", "Product")
    assert "云栖奇谭" in found


def test_money_market_fund_in_quotes_is_product():
    found = recognized_of_type("汇丰环球投资推出货币市场基金「汇丰星港货币基金」。", "Product")
    assert "汇丰星港货币基金" in found


def test_quoted_investment_fund_is_still_no_product():
    found = recognized_of_type("集团宣布设立“星河产业基金”，规模50亿元。", "Product")
    assert "星河产业基金" not in found


# --- _list_companies: a list member glued to a firm head opens a longer name -------------------------

def test_list_member_before_firm_head_is_no_firm():
    ents = recognized("招商银行与法国安盛保险集团签署合作协议。")
    assert ("安盛保险集团", "Company") in ents
    assert ("安盛", "Company") not in ents and ("法国安盛", "Company") not in ents


# --- lexicon_companies: a known name and a business word the tagger reads as one firm ---------------

def test_known_firm_and_business_word_read_whole():
    ents = recognized("星火工作室近日被网易游戏收购，成为网易游戏的全资子公司。")
    assert ("网易游戏", "Company") in ents
    assert ("网易", "Company") not in ents


# --- _product_edges: a Latin name's plus sign, a code before 认证 --------------------------------------

def test_plus_sign_after_latin_service_name():
    found = recognized_of_type("双方将通过跨境支付服务Paylink+拓展欧洲商户。", "Product")
    assert "Paylink+" in found and "Paylink" not in found


def test_code_before_certification_is_no_product():
    found = recognized_of_type("该芯片已通过AEC-Q200认证，并将于年内量产。", "Product")
    assert "AEC-Q200" not in found


def test_tagger_firm_reading_of_a_product_name_is_that_product():
    ents = recognized("康源乳业推出燕麦奶品牌“谷语森林”。总经理表示，谷语森林将借助便利店渠道拓展市场。")
    assert ("谷语森林", "Product") in ents
    assert ("谷语森林", "Company") not in ents


# --- _company_run / _kind_before_model: common nouns and material words, no firms --------------------

def test_common_noun_after_possessive_is_no_firm():
    ents = recognized("新品将借助全家便利店的门店网络拓展市场。")
    assert ("门店网络", "Company") not in ents


def test_code_before_bio_based_material_is_product():
    ents = recognized("公司首款产品PB36生物基尼龙已在南通基地投产。")
    assert ("PB36生物", "Company") not in ents
    assert ("PB36", "Product") in ents


# --- surnames_compound / _bare_compound_surnames: compound surnames and place-like given names --------

def test_chanyu_compound_surname_before_speech_verb():
    found = recognized_of_type("星禾制药首席科学官单于明澈表示，新药将于明年申报。", "Person")
    assert "单于明澈" in found


def test_compound_surname_with_place_like_given_name():
    ents = recognized("该公司由浙江大学化学系教授万俟丽江创立。")
    assert ("万俟丽江", "Person") in ents
    assert ("万俟", "Person") not in ents and ("丽江", "Place") not in ents


# --- _brands_listed_before: brands listed before 等 and a kind of 品牌 ---------------------------------

def test_brands_listed_before_etc_and_kind():
    ents = recognized("该集团旗下拥有万宁、丰泽等零售品牌。")
    assert ("万宁", "Product") in ents and ("丰泽", "Product") in ents
    assert ("万宁", "Company") not in ents


# --- _country_before_firm / _foreign_firm_core: a Latin firm name after a country --------------------

def test_country_before_latin_firm_name_is_split():
    ents = recognized("双方宣布，公司已与马来西亚Orchid Labs达成战略合作。")
    assert ("马来西亚", "Place") in ents
    assert ("Orchid Labs", "Company") in ents
    assert ("马来西亚Orchid Labs", "Company") not in ents
