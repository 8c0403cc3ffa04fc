"""Rule and lexicon entity recognition."""
from __future__ import annotations

import pytest

from graph_builder.doc import Document, Mention
from graph_builder.recognize import RECOGNIZERS, recognize
from graph_builder.segment import segment
from doc_helpers import recognized_doc  # noqa: E402  (tests/ is on sys.path)



def _ents(text):
    doc = recognized_doc(text)
    return doc, {(m.name, m.type) for m in doc.mentions}


@pytest.mark.parametrize("text,expected", [
    ("腾讯公司微信事业群副总裁耿志军表示", {("耿志军", "Person"), ("腾讯公司", "Company")}),
    ("欧阳娜娜出任董事长", {("欧阳娜娜", "Person")}),
    ("董事长王建国表示，公司将扩产。", {("王建国", "Person")}),
    ("王建国董事长表示", {("王建国", "Person")}),
    ("比亚迪发布了新款汉EV", {("比亚迪", "Company"), ("汉EV", "Product")}),
    ("新能源汽车行业增长放缓", {("新能源汽车", "Industry")}),
    ("在医疗、金融等领域落地", {("医疗", "Industry"), ("金融", "Industry")}),
    ("华为发布Mate 70和MatePad Pro 14", {("Mate 70", "Product"), ("MatePad Pro 14", "Product")}),
    ("深圳市腾讯计算机系统有限公司成立于1998年", {("深圳市腾讯计算机系统有限公司", "Company")}),
    ("国家发展和改革委员会发布通知", {("国家发展和改革委员会", "Organization")}),
    ("星河科技与蓝鲸动力在上海签约", {("星河科技", "Company"), ("蓝鲸动力", "Company"), ("上海", "Place")}),
])
def test_expected_entities(text, expected):
    _doc, got = _ents(text)
    assert expected <= got, got


def test_apps_are_products_not_persons():
    _doc, got = _ents("用户可以用支付宝或微信支付付款")
    assert ("支付宝", "Product") in got and ("微信支付", "Product") in got
    assert not any(t == "Person" for _n, t in got)


def test_internal_units_are_not_entities():
    _doc, got = _ents("原微信支付产品部总经理林浩然升任腾讯公司微信事业群副总裁")
    names = {n for n, _t in got}
    assert "林浩然" in names
    assert not any("事业群" in n or n.endswith("产品部") for n in names)


def test_place_inside_company_is_not_separate():
    doc, got = _ents("深圳星河智能科技有限公司在深圳设厂")
    assert ("深圳星河智能科技有限公司", "Company") in got
    assert [m.start for m in doc.mentions if m.type == "Place"] == [doc.text.rindex("深圳")]


def test_mentions_sorted_non_overlapping_with_offsets_into_text():
    text = "３月，騰訊公司與比亞迪合作。董事長王建國在深圳表示，新能源汽車行業前景廣闊。"
    doc, _got = _ents(text)
    assert doc.mentions
    prev_end = -1
    for m in doc.mentions:
        assert m.start >= prev_end
        prev_end = m.end
        assert doc.norm[m.start:m.end] == m.name  # name is the normalised surface
        assert len(doc.text[m.start:m.end]) == len(m.name)
    assert ("王建国", "Person") in {(m.name, m.type) for m in doc.mentions}


def test_no_person_from_common_words():
    _doc, got = _ents("智能化程度提高，业务部门在年度会议上汇报了吉瓦时产能。")
    assert not any(t == "Person" for _n, t in got), got


def test_report_titles_are_not_products():
    _doc, got = _ents("机构发布《2026年行业发展报告》")
    assert not any(t == "Product" for _n, t in got)


def test_site_names_are_dropped():
    _doc, got = _ents("本文来源：南岭财经网")
    assert not any(n.endswith("网") for n, _t in got)


def test_extra_recognizer_can_be_appended():
    def fake_crf(ctx):
        i = ctx.norm.find("青岚")
        return [Mention(i, i + 2, "Person", "青岚", method="crf", score=0.5)] if i >= 0 else []

    fake_crf.priority = 65
    RECOGNIZERS.append(fake_crf)
    try:
        doc, got = _ents("青岚昨日到访")
        assert ("青岚", "Person") in got
        assert any(m.method == "crf" for m in doc.mentions)
    finally:
        RECOGNIZERS.remove(fake_crf)


def test_recognize_segments_when_needed():
    doc = recognize(Document(id="t", text="宁德时代发布新一代动力电池"))
    assert doc.sentences and doc.tokens
    assert ("宁德时代", "Company") in {(m.name, m.type) for m in doc.mentions}


def test_empty_document():
    doc = recognize(Document(id="e", text=""))
    assert doc.mentions == [] and doc.sentences == []


# --------------------------------------------------------------------------- CRF merged with the rules

from graph_builder.crf import MODEL_FILE  # noqa: E402

needs_crf = pytest.mark.skipif(not MODEL_FILE.exists(), reason="CRF model not trained")


@needs_crf
@pytest.mark.parametrize("text,expected,absent", [
    # leading descriptors cut off a CRF product; 新款 is no company brand
    ("星河科技推出了新款智能手表星河Watch 3。", {("星河Watch 3", "Product"), ("星河科技", "Company")},
     {("新款智能", "Company"), ("Watch 3", "Product")}),
    # quotes and the category noun in front are not part of a product
    ("公司自主研发的巡检机器人“天穹一号”已获批上市。", {("天穹一号", "Product")}, {("“天穹一号", "Product")}),
    # a full legal name from the CRF beats the suffix rule's short guess and swallows its place
    ("杭州云杉数据技术有限公司由吴若琳创办。", {("杭州云杉数据技术有限公司", "Company"), ("吴若琳", "Person")},
     {("杭州", "Place")}),
    # the person rule's surname-led guesses need the CRF's support
    ("会上于本周公布了结果，周明远表示满意。", {("周明远", "Person")}, {("于本周", "Person")}),
    # a department after a university is not part of the organisation
    ("苏州大学计算机学院教授钱立群出席。", {("苏州大学", "Organization"), ("钱立群", "Person")},
     {("苏州大学计算机学院", "Organization")}),
    # jieba place guesses (深度) need the CRF's support
    ("蓝湾智联今天在深度学习领域发布新品。", set(), {("深度", "Place")}),
])
def test_crf_merge(text, expected, absent):
    _doc, got = _ents(text)
    assert expected <= got, got
    assert not (absent & got), got


@needs_crf
def test_crf_is_a_registered_recognizer():
    names = {fn.__name__ for fn in RECOGNIZERS}
    assert {"crf_person", "crf_product", "crf_legal_names"} <= names


@pytest.mark.parametrize("text,expected,absent", [
    # a taxonomy label alone is a product category, not a sector
    ("这款手表搭载了自研芯片。", set(), {("芯片", "Industry")}),
    ("他们在芯片行业深耕多年。", {("芯片", "Industry")}, set()),
    # a narrower sector ends in a label: the whole run, not the label inside it
    ("该公司是宠物医疗领域的新兴企业。", {("宠物医疗", "Industry")}, {("医疗", "Industry")}),
    # a cue glued into one word by the segmenter
    ("家电行业正在转型。", {("家电", "Industry")}, set()),
    # a focus verb in front is not part of the sector
    ("公司主攻工业机器人领域。", {("工业机器人", "Industry")}, {("主攻工业机器人", "Industry")}),
    # weak cues (市场) need a label at the end: a place before 市场 is no sector
    ("公司加快开拓东南亚市场。", set(), {("东南亚", "Industry")}),
    # a label after a focus verb is a sector
    ("青禾科技宣布进军新能源汽车。", {("新能源汽车", "Industry")}, set()),
])
def test_industry_as_sector(text, expected, absent):
    _doc, got = _ents(text)
    assert expected <= got, got
    assert not (absent & got), got


@pytest.mark.parametrize("text,expected,absent", [
    # a quoted name right after a product-category noun
    ("青禾科技上线了社区团购平台“邻里优选”。", {("邻里优选", "Product")}, set()),
    # descriptors after a launch verb are not products
    ("蓝湾智联发布了自研的新系统。", set(), {("自研", "Product")}),
])
def test_product_rules(text, expected, absent):
    _doc, got = _ents(text)
    assert expected <= got, got
    assert not (absent & got), got


# Funding rounds, partners, funds and glued verbs (texts written for these tests).
@pytest.mark.parametrize("text,expected", [
    ("青松创投领投了宁波云帆材料有限公司的B轮融资。", {("青松创投", "Company")}),
    ("本轮融资由远澜资本领投，老股东北辰创投跟投。", {("远澜资本", "Company"), ("北辰创投", "Company")}),
    ("海澄电子宣布与恒岳达成战略合作，双方将共建实验室。", {("恒岳", "Company")}),
    ("海澄电子与星垣近日签署合作协议。", {("星垣", "Company")}),
    ("长河半导体产业投资基金二期近日投资苏州明芯科技有限公司。",
     {("长河半导体产业投资基金二期", "Company"), ("苏州明芯科技有限公司", "Company")}),
    ("董事会决定由贾明任集团总裁。", {("贾明", "Person")}),
    ("其自研的天穹3010芯片已量产。", {("天穹3010", "Product")}),
    ("星河科技上线出行规划助手“路小宝”。", {("路小宝", "Product")}),
    ("蓝鲸互娱旗下新作《雾隐江湖》将于秋季上线。", {("雾隐江湖", "Product")}),
])
def test_context_cues(text, expected):
    _doc, got = _ents(text)
    assert expected <= got, got


@pytest.mark.parametrize("text,wrong", [
    ("董事会决定由贾明任集团总裁。", ("贾明任集团", "Company")),
    ("运营商与设备商签署5G-A网络建设协议。", ("A网络", "Company")),
    ("与上海签署合作协议", ("上海", "Company")),
    ("远澜资本近日投资苏州明芯科技有限公司。", ("远澜资本近日投资苏州明芯科技有限公司", "Company")),
])
def test_context_cues_do_not_overreach(text, wrong):
    _doc, got = _ents(text)
    assert wrong not in got, got


def _plain_lexicon_spans(toks, table, max_tokens=4):
    """The lexicon span scan written out plainly: at each token, the longest entry of
    up to ``max_tokens`` tokens (joined with a space where the text has one)."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        best = 0
        for j in range(i + 1, min(n, i + max_tokens) + 1):
            text = toks[i].text
            for k in range(i + 1, j):
                text += (" " if toks[k].start > toks[k - 1].end else "") + toks[k].text
            if text in table:
                best = j
        if best:
            out.append((i, best))
            i = best
        else:
            i += 1
    return out


def test_lexicon_spans_match_plain_scan():
    # the scan that skips tokens starting no entry must find exactly the plain scan's spans
    import random

    from graph_builder.doc import Token
    from graph_builder.recognize import _lexicon_spans

    table = {"星河": 1, "星河科技": 1, "Model Y": 1, "云刃一号": 1, "A B C": 1, "鲜果多多": 1,
             "A B C鲜果多多": 1, "AB C鲜果": 1}  # the last two: five and four tokens
    words = ["星河", "科技", "Model", "Y", "云刃", "一号", "A", "B", "C", "鲜果", "多多", "的", "了", "发布"]
    rng = random.Random(5)
    for _ in range(2000):
        toks, pos = [], 0
        for _k in range(rng.randint(0, 12)):
            w = rng.choice(words)
            pos += rng.choice((0, 0, 0, 1))  # sometimes a space before the word
            toks.append(Token(pos, pos + len(w), w, "x"))
            pos += len(w)
        # the production scan stops joining once the text starts no entry; the plain one
        # tries every length, so they agree only if every entry's prefixes are honoured
        assert list(_lexicon_spans(toks, table)) == _plain_lexicon_spans(toks, table), [t.text for t in toks]


@pytest.mark.parametrize("text,sectors", [
    ("双方将在智能座舱、高阶智驾和车载软件等领域开展联合开发。", ["智能座舱", "高阶智驾", "车载软件"]),
    ("动力电池和充电桩产业链有望同步受益。", ["动力电池", "充电桩"]),
    ("其中电池、电子和智能驾驶领域需求最旺。", ["电池", "电子", "智能驾驶"]),
    ("到2027年，全市人工智能产业规模力争突破5000亿元。", ["人工智能"]),
    ("这家化工企业去年营收增长。", ["化工"]),
    # a place before 市场 is no sector, nor a list item that is no taxonomy label
    ("东南亚市场和公司业务增长很快。", []),
])
def test_sector_lists_scope_words_and_weak_cues(text, sectors):
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="s", text=text))
    assert [m.name for m in doc.mentions if m.type == "Industry"] == sectors


def test_category_nouns_and_sector_names_are_no_products():
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="g", text="瑞昇科技攜手台積電 量產ＡＩ伺服器加速晶片。鴻海指出，ＡＩ伺服器是集團今年最重要的業務。"))
    assert not [m.name for m in doc.mentions if m.type == "Product" and m.name in ("AI", "伺服器")]


@pytest.mark.parametrize("text,sector", [
    ("作为国内领先的储能系统集成商，海辰科技今年出货量翻倍。", "储能"),
    ("星海智能是一家专注于工业机器人的高新技术企业。", "工业机器人"),
    ("智能家居品牌云米推出新一代扫地机器人。", "智能家居"),
])
def test_sector_before_firm_words_and_after_focus_verbs(text, sector):
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="f", text=text))
    assert sector in [m.name for m in doc.mentions if m.type == "Industry"]


def test_named_quote_before_a_category_and_investing_verb_is_no_company():
    from graph_builder.pipeline import Pipeline

    pipe = Pipeline()
    doc = pipe(Document(id="q", text="这款名为“灵犀”的大模型由星河科技自主研发。"))
    assert ("灵犀", "Product") in {(m.name, m.type) for m in doc.mentions}
    doc = pipe(Document(id="v", text="阿里巴巴战略投资了一家名为蓝鲸动力的新能源企业。"))
    assert "阿里巴巴战略投资" not in {m.name for m in doc.mentions}


@pytest.mark.parametrize("text,name", [
    ("星河科技旗下子公司星河智造负责整机生产。", "星河智造"),
    ("宁德时代的子公司时代新能源获得订单。", "时代新能源"),
])
def test_name_after_subsidiary_head_is_a_company(text, name):
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="s", text=text))
    assert (name, "Company") in {(m.name, m.type) for m in doc.mentions}
    assert any(r.predicate == "parentOrganization" for r in doc.relations)


def test_no_subsidiary_name_from_an_ordinary_sentence():
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="s", text="公司拟设立全资子公司，注册资本1亿元。该子公司负责销售。"))
    assert not [m for m in doc.mentions if m.method == "subsidiary_rule"]


def test_category_noun_before_a_model_name_is_cut_but_not_latin_prefixes():
    from graph_builder.pipeline import Pipeline

    pipe = Pipeline()
    doc = pipe(Document(id="p", text="小米汽车首款车型SU7将于3月上市。"))
    assert "SU7" in [m.name for m in doc.mentions if m.type == "Product"]
    doc = pipe(Document(id="a", text="苹果公司发布了Apple Watch Series 11。"))
    assert not [m for m in doc.mentions if m.type == "Product" and m.name.startswith("le ")]


def test_name_before_large_model_is_a_product():
    from graph_builder.pipeline import Pipeline

    pipe = Pipeline()
    doc = pipe(Document(id="m", text="字节跳动旗下的豆包大模型日活用户突破千万。"))
    assert ("豆包大模型", "Product") in {(m.name, m.type) for m in doc.mentions}
    doc = pipe(Document(id="k", text="多家企业推出通用大模型和行业大模型。"))
    assert not [m for m in doc.mentions if m.type == "Product"]


@pytest.mark.parametrize("text", ["白酒板块今日集体下跌，贵州茅台跌超3%。", "新能源汽车、储能和氢能是该省重点发展的三大产业。"])
def test_quantities_and_counts_are_no_products_or_sectors(text):
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="q", text=text))
    names = {m.name for m in doc.mentions}
    assert "跌超3%" not in names and "三大" not in names


@pytest.mark.parametrize("text,sector", [
    ("近年来，新茶饮市场竞争日益激烈。", "新茶饮"),
    ("该公司是国内最大的乳制品企业之一。", "乳制品"),
])
def test_sector_before_a_glued_cue_and_derived_labels(text, sector):
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="g", text=text))
    assert sector in [m.name for m in doc.mentions if m.type == "Industry"]


def test_industrial_park_is_no_sector_cue():
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="p", text="6月28日，合肥骆岗低空经济产业园正式开园。"))
    assert "低空经济" not in [m.name for m in doc.mentions if m.type == "Industry"]


@pytest.mark.parametrize("text,sectors", [
    # a sector jieba splits into a verb and a noun, or a noun and a glued cue
    ("当前显示面板产业正迎来新一轮调整。", ["显示面板"]),
    ("分析人士认为，合成生物赛道仍处于早期阶段。", ["合成生物"]),
    ("数据显示，今年前三季度工程机械行业销量同比下降。", ["工程机械"]),
    # a verb before the sector (面向) and a modifier before the cue (核心) are no part of it
    ("记者了解到，该公司主要面向医美行业提供激光设备。", ["医美"]),
    ("报告显示，人工智能核心产业规模持续扩大。", ["人工智能"]),
    # lists before 等 + cue: two-noun items, common words, a modifier between 等 and the cue
    ("该基金将重点投资半导体、生物医药和高端装备等领域。", ["半导体", "生物医药", "高端装备"]),
    ("公司主要为汽车、家电和通信等行业客户提供零部件。", ["汽车", "家电", "通信"]),
    ("全省将大力发展海上风电、氢能和储能等新兴产业。", ["海上风电", "氢能", "储能"]),
    # a label ending in 网 is a sector, not a site name
    ("腾讯是一家互联网公司，总部位于深圳。", ["互联网"]),
    # free text before a firm word: framed by 一家, or apposed to a company name
    ("星澜文创是一家潮玩公司，旗下拥有多个原创形象。", ["潮玩"]),
    ("医药流通企业九州通发布年度业绩预告。", ["医药流通"]),
    # firm words after a modifier or a count name no sector
    ("多家上市公司近日发布了年度业绩预告。", []),
    ("该公司是一家初创企业，成立于2023年。", []),
    ("近年来，这一方向成为资本关注的热点赛道。", []),
    ("两家公司将在研发、生产和销售等方面开展合作。", []),
])
def test_free_text_sectors_and_spans(text, sectors):
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="s", text=text))
    assert [m.name for m in doc.mentions if m.type == "Industry"] == sectors


def test_new_taxonomy_sectors_link_to_broader_concepts():
    from graph_builder import lexicon

    tax = lexicon.taxonomy()
    for label, concept in (("医美", "医疗美容"), ("晶圆代工", "晶圆代工"), ("光模块", "光通信"), ("汽车", "汽车制造业")):
        assert lexicon.lookup_industry(label) == concept
        assert all(b in tax for b in tax[concept]["broader"])
    assert "集成电路" in tax["晶圆代工"]["broader"]


# --------------------------------------------------------------------------- persons: forms and false friends


def _persons(text):
    _doc, got = _ents(text)
    return {n for n, t in got if t == "Person"}


@pytest.mark.parametrize("text,expected", [
    # a surname with an honorific alone is no name; the full name before 女士/先生 is
    ("星河电子董事长贝佳宁女士表示，贝女士称今年营收增长两成。", {"贝佳宁"}),
    ("聂振邦先生已辞去董事职务，聂先生辞职后不再担任公司任何职务。", {"聂振邦"}),
    # an ordinary word is a name before a courtesy form
    ("联合创始人兼首席财务官高原女士负责公司财务。", {"高原"}),
    # compound surnames, in an appointment list and with 为 glued to the last name
    ("公司董事会同意聘任欧阳思远、司马骏和上官婉清为副总经理。", {"欧阳思远", "司马骏", "上官婉清"}),
    ("同时聘任柴文博、钟离秀为副总经理。", {"柴文博", "钟离秀"}),
    ("该公司由司徒嘉明和申屠立新于2018年联合创立。", {"司徒嘉明", "申屠立新"}),
    # transliterated names with a middle dot (NFKC turns ． into .)
    ("热娜古丽·艾力担任丝路果业总经理。", {"热娜古丽·艾力"}),
    ("柯林．哈特出任公司亚太区总裁。", {"柯林.哈特"}),  # names are the normalised surface
    # Tibetan names: two name parts written together
    ("藏族企业家扎西顿珠创办了雪域牦牛乳业。", {"扎西顿珠"}),
    # a role noun that is no title, and a title jieba glued to the name
    ("公司实际控制人卜凡先生持股约12%。", {"卜凡"}),
    ("北京大学博士林清远于去年加入公司。", {"林清远"}),
])
def test_person_forms(text, expected):
    assert _persons(text) == expected


def test_dotted_name_beats_company_inside_it():
    _doc, got = _ents("阿里木·买买提是天山果业的董事长。")
    assert ("阿里木·买买提", "Person") in got
    assert ("阿里", "Company") not in got


@pytest.mark.parametrize("text", [
    "双方将在商家经营分析和智能客服方面展开合作。",    # 和 + 智能 before the title 客服
    "由于当时没有其他营业员和顾客，收银台无人值守。",  # 和 + 顾客 after the title 营业员
    "专家都有看走眼的时候。",                          # 都 + 有
    "阿里·达摩院发布了新的语言模型。",                  # a company and its unit
    "他读完了《马丁·伊登》。",                          # a title, not a person of the news
    "严董事长表示，明年将开拓海外市场。",              # a surname and a title alone
])
def test_no_false_persons(text):
    assert not _persons(text)


def test_bare_address_and_cue_files():
    from graph_builder import lexicon
    from graph_builder.recognize import Context, _bare_address

    ctx = Context(segment(Document(id="t", text="贝女士")))
    assert _bare_address(ctx, "贝女士") and _bare_address(ctx, "欧阳先生") and _bare_address(ctx, "严董事长")
    assert not _bare_address(ctx, "贝佳宁") and not _bare_address(ctx, "贝佳宁女士")
    assert {"女士", "先生"} <= lexicon.cues("address")
    assert {"约", "翰", "买", "提"} <= lexicon.cue_chars("translit")
    assert "和" in lexicon.cue_chars("person_glue") and "扎西" in lexicon.cues("tibetan")


def test_quoted_product_is_no_person_later():
    # the CRF reads the unquoted second mention as a person; the quotes say it is a product
    text = "星河网络推出AI购物助手“淘小智”。星河网络副总裁黄振宇介绍，淘小智基于自研大模型。"
    assert _persons(text) == {"黄振宇"}



def _products(text):
    _doc, got = _ents(text)
    return {n for n, t in got if t == "Product"}


@pytest.mark.parametrize("text,expected", [
    # edition words after a lexicon name or a model number
    ("星河公司推出新一代AirPods Pro，新机型搭载自研的A19芯片。", {"AirPods Pro", "A19"}),
    ("蓝海电脑推出ThinkPad X1 Carbon笔记本。", {"ThinkPad X1 Carbon"}),
    # a chip generation, and a model number right before a launch verb
    ("高通宣布骁龙8 Gen 4处理器将由小米15首发。", {"骁龙8 Gen 4", "小米15"}),
    # one-letter model codes in a list
    ("星河汽车量产车型包括G6、G9和P7+。", {"G6", "G9", "P7+"}),
    # drug and consumer-product forms
    ("以岭药业表示，连花清瘟胶囊的海外销售额同比增长。", {"连花清瘟胶囊"}),
    ("星河医药的新药瑞维鲁胺片获批上市。", {"瑞维鲁胺片"}),
    # a name after 旗下 or after 旗下 + brand noun
    ("蒙牛旗下特仑苏推出有机纯牛奶新品。", {"特仑苏"}),
    ("美的集团旗下高端品牌COLMO在上海发布新品。", {"COLMO"}),
])
def test_product_cues(text, expected):
    assert expected <= _products(text)


@pytest.mark.parametrize("text,absent", [
    ("A股三大指数今日集体收涨，半导体板块领涨。", {"A股"}),
    ("米哈游新作《绝区零》上线首周流水超过十亿元。", {"首周"}),
    ("飞鹤推出婴幼儿配方奶粉，主打高端市场。", {"配方奶粉", "婴幼儿配方奶粉"}),
    ("星河科技旗下子公司星河智能负责研发。", {"子公司星河智能", "星河智能"}),
    ("公司MEMS麦克风收入占比超过六成。", {"MEMS"}),
])
def test_no_false_products(text, absent):
    assert not absent & _products(text)


# --------------------------------------------------------------------------- unseen-text weak spots
# Sentences written for these tests; names and products are invented.

@pytest.mark.parametrize("text,expected,absent", [
    # an unquoted name glued right after a product-category noun
    ("星河互娱宣布旗下手游燧羽仙途将于暑期上线。", {("燧羽仙途", "Product")}, set()),
    ("公司推出了外卖应用Foodly，首批覆盖十个城市。", {("Foodly", "Product")}, set()),
    # a name before 系列 (the word 系列 is left out)
    ("新店主打自有产品珂洛岛系列。", {("珂洛岛", "Product")}, {("珂洛岛系列", "Product")}),
    ("新店主打自有产品柯罗米系列。", {("柯罗米", "Product")}, {("柯罗米", "Person")}),
    # an acronym after a category noun is no name
    ("该芯片AI算力提升一倍。", set(), {("AI", "Product")}),
    # a function word jieba glues after the noun is no name
    ("该机型已获适航证。", set(), {("已获", "Product")}),
    # a drug name jieba cuts into pieces, one tagged a place, before a form word
    ("药企申报的创新药瑞康曲妥珠单抗获批上市。", {("瑞康曲妥珠单抗", "Product")}, set()),
])
def test_products_named_after_category_nouns(text, expected, absent):
    _doc, got = _ents(text)
    assert expected <= got, got
    assert not absent & got, got


def test_quantities_and_audiences_are_no_products():
    # 交付新车9.3万辆: a count after a launch verb; 推出面向X的Y: X is the audience
    _doc, got = _ents("星河汽车一季度交付新车4.6万辆，并推出面向中小企业的云服务。")
    assert not {name for name, t in got if t == "Product" and ("万辆" in name or name == "中小企业")}, got


def test_category_before_brand_noun_is_not_the_brand():
    _doc, got = _ents("星河集团旗下潮玩品牌MOMO TOY今年将新开门店。")
    assert ("潮玩", "Product") not in got, got
    assert ("MOMO TOY", "Product") in got, got


def test_names_are_found_again_where_the_text_repeats_them():
    # the second mention has no cue next to it; every mention is annotated
    doc, got = _ents("星河科技总裁何其远先生主持了发布会。何其远介绍，新品将于下月开售。")
    people = [m for m in doc.mentions if m.type == "Person"]
    assert [m.name for m in people] == ["何其远", "何其远"], people
    doc, _ = _ents("公司推出了外卖应用Foodly，首批覆盖十个城市。业内人士称，Foodly的订单增长很快。")
    assert [m.name for m in doc.mentions if m.type == "Product"] == ["Foodly", "Foodly"]


def test_repeated_names_respect_word_edges():
    # 高明 is a person here; 高明的 inside 不高明的 must not be taken again
    doc, _ = _ents("星河科技总裁高明说，这种做法并不高明。")
    spans = [(m.start, m.end) for m in doc.mentions if m.name == "高明"]
    assert len(spans) == 1, doc.mentions


def test_four_plain_characters_are_no_person():
    doc, got = _ents("复星医药旗下复宏汉霖研发的产品获批上市。复宏汉霖总裁钱思齐称，公司将扩大产能。")
    assert ("复宏汉霖", "Person") not in got, got
    assert ("钱思齐", "Person") in got, got


def test_brand_before_category_noun_is_no_person():
    _doc, got = _ents("海澜家电在青岛发布了搭载节能算法的卡萨琳冰箱新品。")
    assert not {n for n, t in got if t == "Person"}, got


@pytest.mark.parametrize("text,expected,absent", [
    ("星河科技计划在中东地区新开五家门店。", {("中东", "Place")}, {("中东地区", "Place")}),
    ("工厂位于德国图林根州。", {("图林根州", "Place")}, {("图林根", "Place")}),
    ("星河科技亚太区副总裁林明远表示，公司将扩产。", {("林明远", "Person")}, {("亚太区", "Place")}),
])
def test_place_edges(text, expected, absent):
    _doc, got = _ents(text)
    assert expected <= got, got
    assert not absent & got, got


def test_trailing_category_noun_is_cut_from_a_model_name():
    _doc, got = _ents("星河微电子介绍了新一代Aurora Prime GPU的性能。")
    assert ("Aurora Prime GPU", "Product") not in got, got


# --------------------------------------------------------------------------- company recall: cues without a legal suffix


def test_name_after_firm_noun_is_a_company():
    _doc, got = _ents("据悉，医疗机器人企业澜途智控近日发布新一代手术导航系统。")
    assert ("澜途智控", "Company") in got, got
    _doc, got = _ents("该公司将继续扩大产能。")  # a back-reference starts no name
    assert not any(t == "Company" for _n, t in got), got


def test_latin_name_after_firm_noun():
    _doc, got = _ents("小鹏汽车与德国企业Brose Fahrzeugteile签署合作协议。")
    assert ("Brose Fahrzeugteile", "Company") in got, got


def test_unknown_member_of_a_company_list():
    _doc, got = _ents("本轮融资由深创投、苏州元禾和招银国际共同参与。")
    assert ("苏州元禾", "Company") in got and ("苏州", "Place") not in got, got


def test_model_numbers_in_a_list_are_not_companies():
    _doc, got = _ents("新电池将供应深蓝S07和阿维塔12两款车型。")
    assert ("深蓝S07", "Company") not in got, got


def test_known_product_ends_a_list_member():
    # 天猫 is a product (a marketplace), listed after a company: the verb after it is no part of a firm name
    _doc, got = _ents("知了首款产品Z1学习机已在京东和天猫上线，售价3999元。")
    assert ("天猫", "Product") in got and not any(n.startswith("天猫") and t == "Company" for n, t in got), got


def test_employer_between_appointment_verb_and_title():
    _doc, got = _ents("孟凡宇同时兼任XPENG Robotics首席技术官。")
    assert ("XPENG Robotics", "Company") in got, got
    _doc, got = _ents("孟凡宇历任研发工程师、工厂总经理等职。")  # a field is no employer
    assert ("研发", "Company") not in got, got


def test_short_form_after_registered_name():
    _doc, got = _ents("格力电器拟收购东莞华晟精密有限公司全部股权，交易完成后华晟精密将成为其子公司。")
    assert ("华晟精密", "Company") in got, got


def test_holding_verb_is_no_company_suffix():
    _doc, got = _ents("格力电器控股的珠海某新能源公司当天宣布扩产。")
    assert ("格力电器控股", "Company") not in got and ("格力电器", "Company") in got, got


def test_shares_are_no_company():
    _doc, got = _ents("淡马锡近期增持公司股份至5.2%。")
    assert not any(n.endswith("股份") for n, _t in got), got


def test_sector_keeps_the_noun_before_its_label_and_drops_scope():
    _doc, got = _ents("星河智能主营扫地机器人业务。")
    assert ("扫地机器人", "Industry") in got, got
    _doc, got = _ents("星河智能是国内汽车芯片龙头之一。")
    assert ("国内汽车芯片", "Industry") not in got, got


# --------------------------------------------------------------------------- products and sectors in unseen text


@pytest.mark.parametrize("text,expected,absent", [
    # a category noun glued before a model code is no part of the name
    ("星图智能发布人形机器人R3，并公布售价。", {("R3", "Product")}, {("人形机器人R3", "Product")}),
    # a version after 大模型 makes even an ordinary word a model name; a number alone is none
    ("极光科技发布天空大模型3.0，并开放接口。", {("天空大模型3.0", "Product")}, {("3.0", "Product")}),
    # a Chinese edition word belongs to the model name
    ("高通推出骁龙7至尊版移动平台。", {("骁龙7至尊版", "Product")}, {("骁龙7", "Product")}),
    # a capacity with a Latin unit is a quantity
    ("公司拟在常州建设年产10GW电池项目。", set(), {("年产10GW", "Product")}),
    # the maker before a Latin model name is a mention of its own
    ("小米YU7本月开启交付。", {("小米", "Company"), ("YU7", "Product")}, {("小米YU7", "Product")}),
    # two model names joined after one launch verb
    ("荣耀推出X70与X70i两款新机。", {("X70", "Product"), ("X70i", "Product")}, set()),
    # 旗下 + the maker's name glued to a service word
    ("美团宣布，旗下美团优鲜将扩大覆盖。", {("美团优鲜", "Product")}, set()),
    # a pronoun jieba glued to the name
    ("寒武纪公布其思元370芯片的出货量。", {("思元370", "Product")}, {("其思元370", "Product")}),
    # a drug target before 受体/抑制剂 is no product
    ("公司研发的GLP-1受体激动剂进入三期临床。", set(), {("GLP-1", "Product")}),
    # a model code after a company's 的
    ("蓝鲸航空的V300CG完成首飞。", {("V300CG", "Product")}, set()),
    # Latin words before 系列
    ("泡泡玛特旗下THE BOX系列上新。", {("THE BOX", "Product")}, {("THE", "Product")}),
    # 新品 inside the phrase after the launch verb: the name follows it
    ("新茶饮品牌推出轻乳茶新品万山红。", {("万山红", "Product")}, {("轻乳茶", "Product")}),
    # a name opening with a place-tagged piece after 产品; a report word ends a name
    ("霸王茶姬的招牌产品伯牙绝弦年销量已突破6亿杯。", {("伯牙绝弦", "Product")}, set()),
    ("旗下高端猫粮品牌弗列加特营收同比增长近九成。", {("弗列加特", "Product")}, {("弗列加特营收同比", "Product")}),
    # a kind before the category noun and the name is no product
    ("海光信息新一代DCU产品深算二号已量产。", {("深算二号", "Product")}, {("DCU", "Product")}),
    # a count word after 旗下的 + name is no version; a studio after 旗下的 without brand cue is no product
    ("中国银联表示，旗下的云闪付日活跃用户稳步增长。", {("云闪付", "Product")}, {("云闪付日", "Product")}),
    ("游戏由THQ旗下的KAOSSTUDIOS开发。", set(), {("KAOSSTUDIOS", "Product")}),
])
def test_products_in_unseen_text(text, expected, absent):
    _doc, got = _ents(text)
    assert expected <= got, got
    assert not (absent & got), got


@pytest.mark.parametrize("text,expected,absent", [
    # a focus verb before the sector is dropped even behind an adverb; 即时零售 is a catalogued sector
    ("阿里巴巴将继续加码即时零售业务。", {("即时零售", "Industry")}, {("零售", "Industry"), ("加码即时零售", "Industry")}),
    # a focus verb ends the phrase read backwards from the cue
    ("云朵智能主营割草机器人业务。", {("割草机器人", "Industry")}, {("机器人", "Industry")}),
    # the kind of a product brand is no sector
    ("名创优品旗下潮玩品牌TOP TOY开出新店。", {("TOP TOY", "Product")}, {("潮玩", "Industry")}),
    # uncatalogued sectors news uses, in a list before 领域
    ("公司将在低空旅游和城市空中交通领域加大布局。",
     {("低空旅游", "Industry"), ("城市空中交通", "Industry")}, {("空中交通", "Industry")}),
    ("公司户用储能业务增长迅速，健康保险业务也在扩张。",
     {("户用储能", "Industry"), ("健康保险", "Industry")}, {("保险", "Industry")}),
])
def test_sectors_in_unseen_text(text, expected, absent):
    _doc, got = _ents(text)
    assert expected <= got, got
    assert not (absent & got), got


@pytest.mark.parametrize("text,name", [
    ("星耀科技董事长刘庆和表示，公司将扩大产能。", "刘庆和"),
    ("董事会聘任吴思与为副总裁。", "吴思与"),
    ("管理团队调整：卢文和任总裁，负责日常经营。", "卢文和"),
    ("副总裁诸葛明和出席仪式。诸葛明和研究员表示，合作将加快。", "诸葛明和"),
])
def test_name_ending_in_function_character(text, name):
    """A given name ending in 和/与/为 is kept whole when no noun follows the character."""
    doc, got = _ents(text)
    persons = [m.name for m in doc.mentions if m.type == "Person"]
    assert persons and all(p == name for p in persons), persons


@pytest.mark.parametrize("text,names", [
    ("董事长李明和张华出席了签约仪式。", {"李明", "张华"}),
    ("总经理王建为公司带来了新客户。", {"王建"}),
    ("总裁王建为此表示欢迎。", {"王建"}),
])
def test_function_character_after_name_stays_out(text, names):
    """和 before another name, 为 before a noun or inside 为此 is no part of the name."""
    doc, _got = _ents(text)
    assert {m.name for m in doc.mentions if m.type == "Person"} == names


@pytest.mark.parametrize("text,name", [
    ("公司由清华大学教授方启明创办。", "方启明"),
    ("蔚来汽车任命欧阳启明为高级副总裁。", "欧阳启明"),
])
def test_given_name_that_is_a_company_word(text, name):
    """A company word after a surname that follows a title, or after a compound surname, is a name."""
    doc, got = _ents(text)
    assert (name, "Person") in got, got
    assert not any(m.type == "Company" and m.name in name for m in doc.mentions), got


@pytest.mark.parametrize("text,name", [
    ("米哈游宣布任命温若为首席运营官。", "米哈游"),
    ("复宏汉霖与药明合联签署合作协议。", "药明合联"),
    ("她曾任抖音集团商业化部门总监。", "抖音集团"),
    ("陶宁此前在德勤中国担任合伙人。", "德勤中国"),
])
def test_well_known_employers(text, name):
    """Companies the lexicon knows are Companies, not persons, products or places."""
    _doc, got = _ents(text)
    assert (name, "Company") in got, got


def test_local_office_of_a_national_body():
    """A regulator's provincial office is a unit: the regulator is the entity (GUIDELINES 6)."""
    _doc, got = _ents("她曾任国家金融监督管理总局浙江监管局副局长。")
    assert ("国家金融监督管理总局", "Organization") in got, got
    assert not any(n.startswith("国家金融监督管理总局浙江") for n, _t in got), got


def test_category_noun_is_not_a_product():
    _doc, got = _ents("青岩重工发布新一代电动矿卡“岩峰T60”，计划明年交付。")
    assert ("岩峰T60", "Product") in got
    assert not any(n == "矿卡" for n, _t in got)


def test_drug_name_cut_by_jieba_between_noun_and_form():
    _doc, got = _ents("该公司的降脂新药托莱西单抗已在国内上市。")
    assert ("托莱西单抗", "Product") in got
    assert ("莱西", "Place") not in got


def test_plain_word_app_name_after_app():
    _doc, got = _ents("银行旗下的信用卡App掌上生活月活跃用户已超过三千万。")
    assert ("掌上生活", "Product") in got
    _doc, got = _ents("银行推出的App上线后下载量大增。")
    assert not any(t == "Product" for _n, t in got), got


def test_brands_listed_before_counted_brand_noun():
    _doc, got = _ents("海尔智家将大模型接入旗下卡萨帝和Leader两大品牌的新品。")
    assert ("卡萨帝", "Product") in got and ("Leader", "Product") in got
    assert ("卡萨帝", "Person") not in got


@pytest.mark.parametrize("text,name", [
    ("中国汽车工业协会副秘书长孙立在接受采访时表示，市场保持增长。", "孙立"),  # 在 + 接受: the preposition
    ("药明合联副总裁上官立在也出席了签约仪式。", "上官立在"),  # 在 + 也: the name's own character
    ("腾讯音乐娱乐集团副总裁田心在转任总办助理。", "田心在"),  # 在 + an appointment verb
])
def test_name_final_zai(text, name):
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="z", text=text))
    assert [m.name for m in doc.mentions if m.type == "Person"] == [name]
