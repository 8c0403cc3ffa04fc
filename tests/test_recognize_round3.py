"""Round 3 recognition rules: compound surnames, quoted and bare names after firm nouns, places
(province + city, cities that open a firm's name, more cities), capacity figures before a company
suffix, words that narrow a sector, and a hand-added taxonomy sector."""
from doc_helpers import recognized, recognized_of_type

from graph_builder import lexicon


# --- _split_compound_surname: the first character of a compound surname taken back ---------------

def test_compound_surname_cut_after_title_is_taken_back():
    found = recognized_of_type("华信科技副总裁长孙明辉表示，订单增长明显。", "Person")
    assert "长孙明辉" in found
    assert "孙明辉" not in found


def test_title_ending_in_the_character_keeps_plain_name():
    found = recognized_of_type("公司董事长孙明辉表示，订单增长明显。", "Person")
    assert found == {"孙明辉"}


# --- surnames_compound.txt: Baijiaxing compound surnames missing from the generated list ---------

def test_hand_written_compound_surnames_are_surnames():
    assert "谷梁" in lexicon.surnames() and "微生" in lexicon.surnames()


def test_name_with_hand_written_compound_surname():
    assert "谷梁文博" in recognized_of_type("董事会同意聘任谷梁文博为总经理。", "Person")


# --- _person_named_as_firm: a tagger's company span with a person's text is that person -----------

def test_person_named_again_is_not_a_company():
    ents = recognized("董事会聘任微生嘉树为公司副总裁。微生嘉树此前担任招商证券投行部负责人。")
    assert ("微生嘉树", "Person") in ents
    assert ("微生嘉树", "Company") not in ents


# --- firm_head_rule: a quoted name after a firm noun; a bare name after a startup noun -----------

def test_quoted_name_after_firm_noun_is_company():
    found = recognized_of_type("杭州的宠物医疗企业“爪爪健康”完成A轮融资。", "Company")
    assert "爪爪健康" in found


def test_quoted_programme_after_firm_noun_is_no_company():
    found = recognized_of_type("多家企业“春耕计划”已经启动。", "Company")
    assert "春耕计划" not in found


def test_bare_name_after_subsidiary_noun_before_firm_verb():
    found = recognized_of_type("该集团旗下子公司星桥物流推出冷链服务。", "Company")
    assert "星桥物流" in found


def test_subsidiary_noun_without_name_gives_nothing():
    assert recognized_of_type("该集团子公司将于明年上市。", "Company") == set()


# --- places: province + city written together, a firm's city after its province, more cities ----

def test_province_and_city_are_two_places():
    ents = recognized("双方将在广东佛山共建生产基地。")
    assert ("广东", "Place") in ents and ("佛山", "Place") in ents


def test_company_city_after_province_is_place():
    ents = recognized("公司将在江苏连云港新建工厂。")
    assert ("连云港", "Place") in ents
    assert ("连云港", "Company") not in ents


def test_foreign_city_from_lexicon():
    assert "札幌" in recognized_of_type("公司开通上海至札幌的货运航线。", "Place")


def test_city_opening_firm_name_is_no_place():
    ents = recognized("财报显示，赤峰乳业上半年营收同比增长8%。")
    assert ("赤峰", "Place") not in ents


# --- _no_quantity_firms: a capacity figure before a company suffix is no company ----------------

def test_capacity_before_suffix_is_no_company():
    found = recognized_of_type("双方计划在宁夏开发3GW新能源制氢项目。", "Company")
    assert not any(name.startswith("3GW") for name in found)


# --- _industry_prefixes: narrowing words before a sector belong to the mention ---------------

def test_cross_border_belongs_to_sector():
    found = recognized_of_type("两家公司将在跨境冷链物流领域合作。", "Industry")
    assert "跨境冷链物流" in found
    assert "冷链物流" not in found


def test_grade_word_belongs_to_sector():
    assert "工业级3D打印" in recognized_of_type("该公司是工业级3D打印领域的龙头。", "Industry")


def test_prefix_cut_apart_by_jieba_is_joined():
    found = recognized_of_type("美团在同城即时配送市场占据优势。", "Industry")
    assert "同城即时配送" in found


# --- industries.json: 智慧农业 (X242, under 农业); company names that are labels are ambiguous ---

def test_smart_agriculture_concept():
    assert lexicon.lookup_industry("数字农业") == "智慧农业"
    assert "农业" in lexicon.taxonomy()["智慧农业"]["broader"]


def test_sector_label_before_firm_noun_is_industry_not_company():
    ents = recognized("这是一家智慧农业企业。")
    assert ("智慧农业", "Industry") in ents
    assert ("智慧农业", "Company") not in ents


# --- _lead_word_off_firm: 获 after an adverb, 原 before a title are no part of the name ------------

def test_obtain_verb_glued_before_investor_is_cut():
    found = recognized_of_type("该公司此前曾获高榕资本等机构投资。", "Company")
    assert "高榕资本" in found
    assert "获高榕资本" not in found


def test_former_glued_before_employer_is_cut():
    found = recognized_of_type("原云帆集团董事长林浩然出任新职。", "Company")
    assert "云帆集团" in found
    assert "原云帆集团" not in found
