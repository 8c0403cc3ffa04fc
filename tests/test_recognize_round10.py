"""Round 10 recognition rules: a sector before 行业龙头 (one jieba word) and the firm named after a
leader noun, a person's post verb inside a suffix company's stem, a known firm's branch named by a
place, a listed firm the tagger read as a product, and well-known firms the lexicon lacked."""
from doc_helpers import recognized, recognized_of_type


# --- industry_rule (_cue_before_firm_word): 行业龙头 as one word still ends the sector ------------

def test_sector_before_glued_industry_leader_word():
    ents = recognized("作为女装行业龙头，太平鸟今年加大了投入。")
    assert ("女装", "Industry") in ents and ("太平鸟", "Company") in ents


def test_leader_word_does_not_join_sector_and_firm():
    ents = recognized("童装行业龙头森马服饰股份有限公司6月发布公告。")
    assert ("童装", "Industry") in ents
    assert ("森马服饰股份有限公司", "Company") in ents
    assert not any(t == "Company" and n.startswith("童装") for n, t in ents)


# --- firm_head_rule (firm_heads.txt, _leader_named): a brand jieba reads as a name after 龙头 ------

def test_brand_tagged_as_person_after_leader_noun():
    ents = recognized("羽绒服行业龙头波司登9月在杭州开设旗舰店。")
    assert ("波司登", "Company") in ents and ("羽绒服", "Industry") in ents


def test_sector_giant_is_no_part_of_the_firm():
    ents = recognized("物流巨头顺丰控股股份有限公司发布公告。")
    assert ("顺丰控股股份有限公司", "Company") in ents and ("物流", "Industry") in ents


# --- company_suffix_rule: a post verb inside the stem is a person's post -------------------------

def test_post_verb_before_company_word_is_no_firm():
    ents = recognized("贺明川现任公司董事长，负责整体战略。")
    assert not any(t == "Company" for n, t in ents)
    assert ("贺明川", "Person") in ents


# --- _branch_of_known_firm: known firm + place + (分)公司 is a unit ------------------------------

def test_place_branch_of_known_firm_keeps_the_firm():
    found = recognized_of_type("林书航此前担任中国电信四川公司副总经理。", "Company")
    assert "中国电信" in found and not any("四川" in f for f in found)


def test_provincial_branch_company():
    found = recognized_of_type("他曾任中国联通浙江省分公司总经理。", "Company")
    assert "中国联通" in found and not any("浙江" in f for f in found)


# --- _listed_firm_read_as_product: an ambiguous listed firm the tagger typed Product -------------

def test_ambiguous_listed_firm_read_as_product_is_the_firm():
    ents = recognized("马自达6月在广州宣布将推出两款纯电车型。")
    assert ("马自达", "Company") in ents and ("马自达", "Product") not in ents


def test_quoted_ambiguous_name_after_maker_stays_product():
    ents = recognized("双方将在广东率先部署华为“启明”智能基站。")
    assert ("启明", "Company") not in ents


# --- companies_extra.txt: well-known firms named in full -----------------------------------------

def test_full_names_of_well_known_firms():
    found = recognized_of_type("她曾任西门子医疗高级副总裁，此后加入亚马逊云科技，再转投三菱商事。", "Company")
    assert {"西门子医疗", "亚马逊云科技", "三菱商事"} <= found
