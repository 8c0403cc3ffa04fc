"""Round 13 recognition rules: well-known firms read short (光大环境, 德勤咨询), a county before a
production site, a quoted name after a skincare category (精华), a run of place short forms before
a logistics word (中欧 + 包裹), ..."""
from doc_helpers import recognized


# --- lexicons: well-known firms whose names go on past a shorter known firm ----------------------

def test_everbright_environment_is_one_firm():
    ents = recognized("光大环境昨日公告，公司中标一座垃圾焚烧发电项目。")
    assert ("光大环境", "Company") in ents and ("光大", "Company") not in ents


def test_deloitte_consulting_is_one_firm():
    ents = recognized("她早年在德勤咨询任职，负责数字化转型项目。")
    assert ("德勤咨询", "Company") in ents and ("德勤", "Company") not in ents


# --- places: a county before a production site ----------------------------------------------------

def test_county_before_production_base():
    assert ("古蔺", "Place") in recognized("该酒厂在古蔺生产基地新建了三条灌装线。")


# --- products: a quoted name after a skincare category ending in 精华 ------------------------------

def test_quoted_name_after_serum_category():
    assert ("焕颜修复3号", "Product") in recognized("品牌今年推出的抗老精华“焕颜修复3号”销量领先。")


# --- place_abbreviation_rule: 中欧 + a logistics word is two places --------------------------------

def test_china_europe_before_parcel_word():
    ents = recognized("新航线开通后，中欧包裹运输时间缩短两天。")
    assert ("中", "Place") in ents and ("欧", "Place") in ents and ("中欧", "Place") not in ents


def test_china_us_before_freight_word():
    ents = recognized("受关税影响，中美货运需求明显回落。")
    assert ("中", "Place") in ents and ("美", "Place") in ents


# --- product_model_rule: a code goes on past a slash rating or a spaced drivetrain code ------------

def test_hyphenated_code_with_slash_rating():
    ents = recognized("明阳智能推出的海上机组MySE-230/18已完成并网。")
    assert ("MySE-230/18", "Product") in ents and ("MySE-230", "Product") not in ents


def test_han_model_number_with_spaced_drivetrain_code():
    ents = recognized("新款坦克500 Hi4-Z将于下月交付。")
    assert ("坦克500 Hi4-Z", "Product") in ents and ("坦克500", "Product") not in ents


# --- product_rule: 其 + a descriptor after the verb is no product ---------------------------------

def test_qi_plus_self_developed_is_no_product():
    ents = recognized("这款音箱搭载其自研的灵犀语音助手。")
    assert not any(n.startswith("其") for n, t in ents if t == "Product")


# --- company_suffix_rule: a verb jieba glued to one character before a weak suffix ----------------

def test_develop_new_energy_is_no_firm():
    assert not any(t == "Company" for _n, t in recognized("两地政府将合作开发新能源示范项目。"))


def test_description_glued_before_a_firm_name_is_cut_off():
    ents = recognized("江南造船日前与法国航运公司达飞海运集团签署造船协议。")
    assert ("达飞海运集团", "Company") in ents and ("法国", "Place") in ents
    assert not any(t == "Company" and n.startswith("航运公司") for n, t in ents)


def test_firm_word_before_a_legal_form_stays_in_the_name():
    assert ("统一企业股份有限公司", "Company") in recognized("统一企业股份有限公司今日发布公告。")
