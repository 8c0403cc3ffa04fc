"""Round 8 recognition rules: 投资 + an amount and 控股 + 子公司 after a firm's head are verbs, a
legal name's short form over a shorter known name, units after a firm or a body (BG, 机构部, 开发部,
a city's studio, a ministry's 司), founding verbs before a registered name, two places the CRF or
a corpus reads as one, one-character short forms jieba glued or cut alone, trade shows, kinds before
quoted names, firm heads before a product, numbered Han models, and names added to the
hand-written lexicons."""
from doc_helpers import recognized, recognized_of_type


# --- company_suffix_rule: the verbs 投资 and 控股 after a firm's head --------------------------------

def test_invest_and_amount_after_group_is_no_name():
    found = recognized_of_type("法国达能集团投资约5亿元的乳品工厂在天津奠基。", "Company")
    assert "达能集团" in found and not any("投资" in f for f in found)


def test_place_and_invest_amount_is_no_firm():
    ents = recognized("该公司将在宁夏银川投资约30亿元建设数据中心。")
    assert not any(t == "Company" and "投资" in n for n, t in ents)


def test_holding_before_subsidiary_is_a_verb():
    found = recognized_of_type("星河证券为招商银行控股子公司，主营经纪业务。", "Company")
    assert "招商银行" in found and "招商银行控股" not in found


def test_for_the_company_after_name_is_no_firm():
    ents = recognized("董事会聘任原银保监会官员冯立川为公司首席合规官。")
    assert ("冯立川", "Person") in ents
    assert not any(t == "Company" and "公司" in n for n, t in ents)


# --- _repeated_names / _short_forms: a legal name's short form over a shorter known name -------------

def test_legal_name_stem_beats_shorter_known_name():
    found = recognized_of_type("王磊曾任交银国际控股有限公司总经理。交银国际主营跨境投融资业务。", "Company")
    assert "交银国际" in found and "交银" not in found


def test_five_character_stem_of_long_legal_name_is_company():
    ents = recognized("其子公司中铁隧道局集团有限公司中标一项地铁工程。中铁隧道局表示将按期开工。")
    assert [n for n, t in ents if t == "Company"].count("中铁隧道局") == 1
    assert ("中铁隧道局", "Organization") not in ents and ("中铁", "Company") not in ents


# --- units after a firm or a body (guidelines rule 6) ----------------------------------------------

def test_latin_business_group_after_known_firm():
    found = recognized_of_type("华为终端BG首席运营官表示，新款平板将于下月上市。", "Company")
    assert "华为" in found and "华为终端" not in found


def test_department_after_regulator_is_a_unit():
    found = recognized_of_type("他曾任中国证监会发行部处长。", "Organization")
    assert "中国证监会" in found and not any("发行部" in f for f in found)


def test_department_after_noun_is_a_unit():
    found = recognized_of_type("陈思远曾任辉瑞全球临床开发部高级总监。", "Organization")
    assert not found


def test_city_studio_after_firm_is_a_unit():
    ents = recognized("这款新游戏由叠纸网络杭州工作室开发。")
    assert ("叠纸网络", "Company") in ents
    assert not any("工作室" in n for n, _ in ents) and ("杭州", "Place") not in ents


def test_ministry_department_before_title():
    ents = recognized("赵明远此前担任工信部电子信息司副司长。")
    assert ("工信部", "Organization") in ents
    assert not any("电子信息司" in n for n, _ in ents)


# --- _company_run: founding verbs ----------------------------------------------------------------

def test_founding_verb_is_no_part_of_registered_name():
    ents = recognized("两家公司将在成都设立蓉芯智造科技有限公司，共同研发车规芯片。")
    assert ("成都", "Place") in ents
    assert ("蓉芯智造科技有限公司", "Company") in ents


# --- places ------------------------------------------------------------------------------------

def test_province_and_city_the_crf_reads_as_firm():
    found = recognized_of_type("浙江省湖州市与远景能源签署合作协议。", "Place")
    assert {"浙江省", "湖州市"} <= found


def test_country_and_city_are_two_places():
    found = recognized_of_type("在德国柏林举办的展会上，公司展出了多款新品。", "Place")
    assert {"德国", "柏林"} <= found and "德国柏林" not in found


def test_site_word_after_district_is_no_firm():
    ents = recognized("美的集团的顺德工厂已完成智能化改造。")
    assert ("顺德", "Place") in ents and ("顺德", "Company") not in ents


def test_shanghai_district_after_city():
    found = recognized_of_type("双方将在上海闵行区共建研发中心。", "Place")
    assert {"上海", "闵行区"} <= found


def test_named_new_area():
    ents = recognized("该公司拟在贵州贵安新区投资约20亿元建设数据中心。")
    assert ("贵安新区", "Place") in ents
    assert not any(t == "Company" and "新区" in n for n, t in ents)


def test_country_pair_before_joiner_jieba_glued():
    found = recognized_of_type("公司的航线覆盖日韩及欧洲主要城市。", "Place")
    assert {"日", "韩"} <= found


def test_china_short_form_jieba_cut_alone():
    found = recognized_of_type("这是现代汽车在华电动化转型的关键一步。", "Place")
    assert "华" in found


# --- products ----------------------------------------------------------------------------------

def test_one_letter_word_inside_model_name():
    found = recognized_of_type("三星推出Galaxy Z Fold6和Galaxy Z Flip6两款新机。", "Product")
    assert {"Galaxy Z Fold6", "Galaxy Z Flip6"} <= found and "Galaxy Z" not in found


def test_trade_show_is_no_product():
    found = recognized_of_type("在北京举办的CMEF展会上，迈瑞医疗展出了新款超声设备。", "Product")
    assert "CMEF" not in found


def test_latin_code_before_show_word_is_no_product():
    found = recognized_of_type("在深圳举办的ELEXCON展会上，多家企业发布了新品。", "Product")
    assert "ELEXCON" not in found


def test_kind_before_quoted_name_is_no_product():
    found = recognized_of_type("其研制的遥感卫星“天眼三号”已成功入轨。", "Product")
    assert "天眼三号" in found and "遥感卫星" not in found


def test_model_after_firm_head_is_product():
    ents = recognized("合资公司首款车型eV5将于明年投产。")
    assert ("eV5", "Product") in ents
    assert not any(t == "Company" and "车型" in n for n, t in ents)


def test_numbered_han_model_before_category_noun():
    found = recognized_of_type("公司自主研发的天鹰二号火箭计划年内首飞。", "Product")
    assert "天鹰二号" in found


def test_quoted_online_game_after_genre_word():
    found = recognized_of_type("他曾主导仙侠网游《青云志》的研发工作。", "Product")
    assert "青云志" in found


# --- industries and persons --------------------------------------------------------------------

def test_speech_verb_is_no_sector():
    found = recognized_of_type("公司坦言产业链价格下行带来较大压力。", "Industry")
    assert "坦言" not in found


def test_japanese_surname_ishida():
    found = recognized_of_type("优衣库母公司执行董事石田健二表示，将加快开店。", "Person")
    assert "石田健二" in found


# --- hand-written lexicons ---------------------------------------------------------------------

def test_longer_known_firm_names():
    found = recognized_of_type("网易有道与作业帮均推出了新款学习机，胖东来则宣布开设新店。", "Company")
    assert {"网易有道", "作业帮", "胖东来"} <= found and "网易" not in found


def test_registered_name_with_known_stem():
    found = recognized_of_type("作业帮教育科技（北京）有限公司宣布完成新一轮融资。", "Company")
    assert "作业帮教育科技（北京）有限公司" in found


def test_research_lab_on_its_own_name():
    ents = recognized("她曾任微软亚洲研究院首席研究员。")
    assert ("微软亚洲研究院", "Organization") in ents and ("微软", "Company") not in ents


def test_exchange_and_association_short_forms():
    found = recognized_of_type("据乘联会统计，公司的上市申请已获深交所受理。", "Organization")
    assert {"乘联会", "深交所"} <= found
