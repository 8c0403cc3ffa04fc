"""Typed relation extraction: every pattern, the negatives, coreference, confidence (speed: benchmarks/relate.py).

Texts are written for these tests; mentions are set by hand (resolved with
:func:`graph_builder.resolve.resolve`) so the tests do not depend on the recogniser.
"""
from __future__ import annotations

import re

import pytest

from graph_builder.doc import Document, Mention
from graph_builder.relate import relate, trie_regex
from graph_builder.resolve import resolve

from doc_helpers import annotated_doc  # noqa: E402  (tests/ is on sys.path)


def make_doc(text, ents, norm=None, paragraphs=None):
    """Mentions as (surface, type) in order, resolved and related (see :func:`annotated_doc`)."""
    return relate(resolve(annotated_doc(text, ents, norm=norm, paragraphs=paragraphs)))


def triples(doc):
    out = []
    for r in doc.relations:
        s, o = doc.mentions[r.subject], doc.mentions[r.object]
        out.append((s.key, r.predicate, o.key, r.title))
    return out


def only(doc, predicate):
    rels = [r for r in doc.relations if r.predicate == predicate]
    assert len(rels) == 1, triples(doc)
    return rels[0]


# --------------------------------------------------------------------------- worksFor


def test_employer_is_the_company_not_the_unit():
    doc = make_doc("腾讯公司微信事业群副总裁耿志军表示，将继续投入。",
                   [("腾讯公司", "Company"), ("微信事业群", "Organization"), ("耿志军", "Person")])
    assert triples(doc) == [("耿志军", "worksFor", "腾讯", "副总裁")]
    r = doc.relations[0]
    assert r.method == "worksFor:title-before-name"
    assert (r.start, r.end) == (0, len(doc.text))
    assert 0.7 <= r.confidence < 0.9  # the unit lies between company and title


def test_title_directly_before_name_is_most_confident():
    doc = make_doc("星河科技董事长王建国表示，业绩稳定。", [("星河科技", "Company"), ("王建国", "Person")])
    r = only(doc, "worksFor")
    assert triples(doc) == [("王建国", "worksFor", "星河科技", "董事长")] and r.confidence == pytest.approx(0.9)


def test_appointment_verbs():
    doc = make_doc("王建国将出任星河科技有限公司的首席执行官。", [("王建国", "Person"), ("星河科技有限公司", "Company")])
    assert triples(doc) == [("王建国", "worksFor", "星河科技", "首席执行官")]
    assert doc.relations[0].method == "worksFor:appointed"
    doc = make_doc("李四兼任蓝海集团副总裁。", [("李四", "Person"), ("蓝海集团", "Company")])
    assert triples(doc) == [("李四", "worksFor", "蓝海", "副总裁")]


def test_appointment_does_not_take_a_title_of_someone_else():
    # 为 is a cue, but 总裁 belongs to 李四, not to 张三
    doc = make_doc("张三认为星河科技总裁李四很称职。", [("张三", "Person"), ("星河科技", "Company"), ("李四", "Person")])
    assert triples(doc) == [("李四", "worksFor", "星河科技", "总裁")]


def test_founder_title_gives_worksfor_and_founder():
    doc = make_doc("星河科技创始人兼CEO张三表示，新品将在秋季上市。", [("星河科技", "Company"), ("张三", "Person")])
    # one worksFor per title; the founder title is stated by the founder relation (GUIDELINES.md)
    assert sorted(triples(doc)) == [("张三", "worksFor", "星河科技", "CEO"), ("星河科技", "founder", "张三", None)]


def test_joined_titles_give_one_relation_each():
    doc = make_doc("青禾科技董事长兼总裁柯安然表示。", [("青禾科技", "Company"), ("柯安然", "Person")])
    assert sorted(triples(doc)) == [("柯安然", "worksFor", "青禾科技", "总裁"), ("柯安然", "worksFor", "青禾科技", "董事长")]


def test_company_after_appointment_verb_is_the_employer():
    doc = make_doc("蓝湾电器发布公告，邵晨光将出任公司首席技术官。", [("蓝湾电器", "Company"), ("邵晨光", "Person")])
    assert triples(doc) == [("邵晨光", "worksFor", "蓝湾电器", "首席技术官")]


def test_apposition_and_bracket():
    doc = make_doc("张三，蓝海集团首席执行官，在会上发言。", [("张三", "Person"), ("蓝海集团", "Company")])
    r = only(doc, "worksFor")
    assert (r.method, r.title, r.confidence) == ("worksFor:apposition", "首席执行官", 0.9)
    doc = make_doc("张三（星河科技首席技术官）在会上发言。", [("张三", "Person"), ("星河科技", "Company")])
    assert only(doc, "worksFor").method == "worksFor:bracket"


def test_title_is_and_joined():
    doc = make_doc("星河科技董事长为王建国。", [("星河科技", "Company"), ("王建国", "Person")])
    assert triples(doc) == [("王建国", "worksFor", "星河科技", "董事长")]
    doc = make_doc("李四于2019年加入星河科技。", [("李四", "Person"), ("星河科技", "Company")])
    r = only(doc, "worksFor")
    assert r.title is None and r.method == "worksFor:joined" and r.confidence < 0.7


def test_organization_employer():
    doc = make_doc("国家发展和改革委员会主任王芳出席了发布会。", [("国家发展和改革委员会", "Organization"), ("王芳", "Person")])
    assert triples(doc) == [("王芳", "worksFor", "国家发展和改革委员会", "主任")]


def test_worksfor_only_person_to_company_or_organization():
    doc = make_doc("深圳副市长王芳出席了发布会。", [("深圳", "Place"), ("王芳", "Person")])
    assert doc.relations == []


def test_former_employer_with_at_and_title():
    doc = make_doc("林浩然曾在华为技术有限公司担任软件工程师。", [("林浩然", "Person"), ("华为技术有限公司", "Company")])
    r = only(doc, "worksFor")
    assert triples(doc) == [("林浩然", "worksFor", "华为技术", "软件工程师")] and r.method == "worksFor:at-employer-as"


# --------------------------------------------------------------------------- founder


def test_founder_in_a_second_clause_without_its_own_subject():
    doc = make_doc("宋嘉禾毕业于北京大学，2021年创立天枢智能。",
                   [("宋嘉禾", "Person"), ("北京大学", "Organization"), ("天枢智能", "Company")])
    assert triples(doc) == [("天枢智能", "founder", "宋嘉禾", None)]


def test_founder_verbs():
    doc = make_doc("张三于2015年创办了星河科技。", [("张三", "Person"), ("星河科技", "Company")])
    assert triples(doc) == [("星河科技", "founder", "张三", None)]
    doc = make_doc("星河科技由张三和李四于2015年共同创立。", [("星河科技", "Company"), ("张三", "Person"), ("李四", "Person")])
    assert sorted(triples(doc)) == [("星河科技", "founder", "张三", None), ("星河科技", "founder", "李四", None)]


def test_founded_by_person_introduced_with_employer_and_title():
    doc = make_doc("云帆数据由前阿里工程师何静于2018年创立。", [("云帆数据", "Company"), ("阿里", "Company"), ("何静", "Person")])
    assert sorted(triples(doc)) == [("云帆数据", "founder", "何静", None), ("何静", "worksFor", "阿里", "工程师")]


def test_founder_of_the_sentence_topic():
    text = "极光汽车成立于2020年，总部位于合肥，由汽车行业老兵许峰创立。"
    doc = make_doc(text, [("极光汽车", "Company"), ("合肥", "Place"), ("许峰", "Person")])
    r = only(doc, "founder")
    assert triples(doc) == [("极光汽车", "founder", "许峰", None)] and r.method == "founder:topic-founded-by"


# --------------------------------------------------------------------------- manufacturer


def test_product_lists_quotes_and_product_first():
    doc = make_doc("腾讯推出的微信车载版和腾讯地图将预装在新车上。",
                   [("腾讯", "Company"), ("微信", "Product"), ("腾讯地图", "Product")])
    assert sorted(triples(doc)) == [("微信", "manufacturer", "腾讯", None), ("腾讯地图", "manufacturer", "腾讯", None)]
    doc = make_doc("晨光半导体的主力产品“晨光CG900”已量产。", [("晨光半导体", "Company"), ("晨光CG900", "Product")])
    assert triples(doc) == [("晨光CG900", "manufacturer", "晨光半导体", None)]
    doc = make_doc("极光S7是极光汽车推出的首款SUV。", [("极光S7", "Product"), ("极光汽车", "Company")])
    assert only(doc, "manufacturer").method == "manufacturer:is-made-by"


def test_manufacturer_patterns():
    doc = make_doc("星河科技今日在深圳正式发布了智能手表星河Watch 3。",
                   [("星河科技", "Company"), ("深圳", "Place"), ("星河Watch 3", "Product")])
    r = only(doc, "manufacturer")
    assert triples(doc) == [("星河Watch 3", "manufacturer", "星河科技", None)] and r.method == "manufacturer:launched"
    doc = make_doc("星河科技旗下产品星河Pay和星河云盘广受欢迎。",
                   [("星河科技", "Company"), ("星河Pay", "Product"), ("星河云盘", "Product")])
    assert sorted(triples(doc)) == [("星河Pay", "manufacturer", "星河科技", None),
                                    ("星河云盘", "manufacturer", "星河科技", None)]
    doc = make_doc("很多人喜欢星河科技的星河云盘。", [("星河科技", "Company"), ("星河云盘", "Product")])
    r = only(doc, "manufacturer")
    assert r.method == "manufacturer:possessive" and r.confidence == pytest.approx(0.6)


# --------------------------------------------------------------------------- inIndustry


def test_in_industry_patterns():
    doc = make_doc("星河科技是一家新能源汽车企业。", [("星河科技", "Company"), ("新能源汽车", "Industry")])
    assert triples(doc) == [("星河科技", "inIndustry", "新能源汽车", None)]
    doc = make_doc("蓝海集团多年来深耕人工智能领域。", [("蓝海集团", "Company"), ("人工智能", "Industry")])
    assert only(doc, "inIndustry").method == "inIndustry:focus"
    doc = make_doc("动力电池龙头蓝鲸电池发布财报。", [("动力电池", "Industry"), ("蓝鲸电池", "Company")])
    assert triples(doc) == [("蓝鲸电池", "inIndustry", "动力电池", None)]


def test_in_industry_from_as_a_and_in_field():
    doc = make_doc("作为国内电子商务行业的头部企业，阿里巴巴将加大投入。", [("电子商务", "Industry"), ("阿里巴巴", "Company")])
    assert triples(doc) == [("阿里巴巴", "inIndustry", "电子商务", None)]
    doc = make_doc("在移动支付领域，腾讯旗下的微信支付与蚂蚁旗下的支付宝竞争激烈。",
                   [("移动支付", "Industry"), ("腾讯", "Company"), ("微信支付", "Product"), ("蚂蚁", "Company"),
                    ("支付宝", "Product")])
    got = {t for t in triples(doc) if t[1] == "inIndustry"}
    assert got == {(x, "inIndustry", "移动支付", None) for x in ("腾讯", "微信支付", "蚂蚁", "支付宝")}


# --------------------------------------------------------------------------- parentOrganization


def test_parent_organization_patterns():
    doc = make_doc("蓝海集团旗下的星河科技发布财报。", [("蓝海集团", "Company"), ("星河科技", "Company")])
    assert triples(doc) == [("星河科技", "parentOrganization", "蓝海", None)]
    doc = make_doc("星河科技是蓝海集团的全资子公司。", [("星河科技", "Company"), ("蓝海集团", "Company")])
    r = only(doc, "parentOrganization")
    assert triples(doc) == [("星河科技", "parentOrganization", "蓝海", None)] and r.confidence == pytest.approx(0.9)
    doc = make_doc("蓝海集团收购了星河科技。", [("蓝海集团", "Company"), ("星河科技", "Company")])
    r = only(doc, "parentOrganization")
    assert r.method == "parentOrganization:acquired" and r.confidence == pytest.approx(0.6)


def test_possessive_subsidiary():
    doc = make_doc("青禾电商的全资子公司青禾物流运营仓储中心。", [("青禾电商", "Company"), ("青禾物流", "Company")])
    assert triples(doc) == [("青禾物流", "parentOrganization", "青禾电商", None)]


def test_buying_a_stake_is_an_investment_not_a_parent():
    doc = make_doc("蓝海集团收购星河科技30%股权。", [("蓝海集团", "Company"), ("星河科技", "Company")])
    assert triples(doc) == [("蓝海", "investedIn", "星河科技", None)]


def test_hedged_acquisition_is_less_confident():
    doc = make_doc("蓝海集团拟收购星河科技。", [("蓝海集团", "Company"), ("星河科技", "Company")])
    # 拟 also counts as one gap character
    assert only(doc, "parentOrganization").confidence == pytest.approx((0.6 - 0.02) * 0.7, abs=1e-3)


# --------------------------------------------------------------------------- partnerOf


def test_partner_emitted_once_with_first_company_as_subject():
    doc = make_doc("星河科技与蓝海集团达成战略合作，双方将联合研发。", [("星河科技", "Company"), ("蓝海集团", "Company")])
    assert triples(doc) == [("星河科技", "partnerOf", "蓝海", None)]


def test_bracket_restating_a_name_does_not_block_a_pattern():
    text = "腾讯与深圳星河智能科技有限公司（以下简称“星河科技”）签署战略合作协议。"
    doc = make_doc(text, [("腾讯", "Company"), ("深圳星河智能科技有限公司", "Company"), ("星河科技", "Company")])
    assert triples(doc) == [("腾讯", "partnerOf", "星河科技", None)]


def test_no_partner_without_a_cue_or_when_negated():
    doc = make_doc("星河科技与蓝海集团的办公楼相邻。", [("星河科技", "Company"), ("蓝海集团", "Company")])
    assert doc.relations == []
    doc = make_doc("星河科技与蓝海集团终止合作。", [("星河科技", "Company"), ("蓝海集团", "Company")])
    assert doc.relations == []


# --------------------------------------------------------------------------- investedIn


def test_investment_patterns():
    doc = make_doc("红杉资本投资了星河科技。", [("红杉资本", "Company"), ("星河科技", "Company")])
    assert triples(doc) == [("红杉资本", "investedIn", "星河科技", None)]
    doc = make_doc("星河科技获得红杉资本的战略投资。", [("星河科技", "Company"), ("红杉资本", "Company")])
    assert triples(doc) == [("红杉资本", "investedIn", "星河科技", None)]


def test_funding_round_names_every_investor():
    text = "星河科技完成5亿元C轮融资，红杉资本领投，高瓴资本、蓝海集团跟投。"
    doc = make_doc(text, [("星河科技", "Company"), ("红杉资本", "Company"), ("高瓴资本", "Company"),
                          ("蓝海集团", "Company")])
    assert sorted(triples(doc)) == [("红杉资本", "investedIn", "星河科技", None),
                                    ("蓝海", "investedIn", "星河科技", None),
                                    ("高瓴资本", "investedIn", "星河科技", None)]


def test_funding_round_in_a_following_sentence():
    text = "蓝鲸动力宣布完成5亿元B轮融资。本轮融资由宁德时代领投，远山资本和海川投资跟投。"
    doc = make_doc(text, [("蓝鲸动力", "Company"), ("宁德时代", "Company"), ("远山资本", "Company"), ("海川投资", "Company")])
    got = sorted(t for t, r in zip(triples(doc), doc.relations) if r.start > 0)
    assert got == [("宁德时代", "investedIn", "蓝鲸动力", None), ("海川投资", "investedIn", "蓝鲸动力", None),
                   ("远山资本", "investedIn", "蓝鲸动力", None)]
    assert all(r.confidence == pytest.approx(0.75 * 0.8) for r in doc.relations if r.start > 0)


# --------------------------------------------------------------------------- coreference, scope


def test_company_pronoun_uses_antecedent_and_its_own_sentence():
    text = "星河科技成立于2015年。该公司推出了星河Watch 3。"
    doc = make_doc(text, [("星河科技", "Company"), ("星河Watch 3", "Product")])
    r = only(doc, "manufacturer")
    assert triples(doc) == [("星河Watch 3", "manufacturer", "星河科技", None)]
    assert doc.text[r.start:r.end] == "该公司推出了星河Watch 3。"
    assert r.confidence == pytest.approx(0.8 * 0.8)


def test_company_pronoun_refers_to_the_topic_not_the_nearest_company():
    text = "云帆数据由前阿里工程师何静创立。公司首席执行官何静表示满意。"
    doc = make_doc(text, [("云帆数据", "Company"), ("阿里", "Company"), ("何静", "Person"), ("何静", "Person")])
    second = [t for t, r in zip(triples(doc), doc.relations) if r.start > 0]
    assert second == [("何静", "worksFor", "云帆数据", "首席执行官")]


def test_person_pronoun_and_paragraph_limit():
    text = "王建国毕业于清华大学。他于2019年加入星河科技。"
    ents = [("王建国", "Person"), ("清华大学", "Organization"), ("星河科技", "Company")]
    doc = make_doc(text, ents)
    r = only(doc, "worksFor")
    assert triples(doc) == [("王建国", "worksFor", "星河科技", None)] and doc.text[r.start:r.end].startswith("他")
    # the same text split into two paragraphs: no antecedent for 他
    assert make_doc(text, ents, paragraphs=[1]).relations == []


def test_exec_title_takes_the_sole_company_of_the_sentence_before():
    # GUIDELINES: an implicit 公司 — the one company of the previous sentence employs the executive
    doc = make_doc("星河科技发布公告。董事长王建国表示满意。", [("星河科技", "Company"), ("王建国", "Person")])
    assert triples(doc) == [("王建国", "worksFor", "星河科技", "董事长")]
    r = only(doc, "worksFor")
    # lowered like a pronoun-coreference relation, below a same-sentence pattern
    assert r.confidence == pytest.approx(0.55 * 0.8) and r.confidence < 0.9
    assert doc.text[r.start:r.end] == "董事长王建国表示满意。"
    # several mentions of one company count as one
    doc = make_doc("星河科技发布公告称，星河科技营收增长。总裁王建国表示满意。",
                   [("星河科技", "Company"), ("星河科技", "Company"), ("王建国", "Person")])
    assert triples(doc) == [("王建国", "worksFor", "星河科技", "总裁")]


def test_no_relation_across_sentences():
    # two distinct companies in the sentence before: whose chairman is unsaid
    doc = make_doc("星河科技与云帆数据签署协议。董事长王建国表示满意。",
                   [("星河科技", "Company"), ("云帆数据", "Company"), ("王建国", "Person")])
    assert [r for r in doc.relations if r.predicate == "worksFor"] == []
    # an organization in the sentence before
    doc = make_doc("星河科技与清华大学发布报告。董事长王建国表示满意。",
                   [("星河科技", "Company"), ("清华大学", "Organization"), ("王建国", "Person")])
    assert [r for r in doc.relations if r.predicate == "worksFor"] == []
    # a paragraph break between the sentences
    doc = make_doc("星河科技发布公告。董事长王建国表示满意。", [("星河科技", "Company"), ("王建国", "Person")],
                   paragraphs=[1])
    assert doc.relations == []
    # titles that are no company post
    for title in ("分析师", "记者", "教授", "研究员"):
        doc = make_doc(f"星河科技发布公告。{title}王建国表示满意。", [("星河科技", "Company"), ("王建国", "Person")])
        assert doc.relations == [], title
    # the sentence names a company itself: no employer from the sentence before
    doc = make_doc("星河科技发布公告。董事长王建国表示，云帆数据也将受益。",
                   [("星河科技", "Company"), ("王建国", "Person"), ("云帆数据", "Company")])
    assert ("王建国", "worksFor", "星河科技", "董事长") not in triples(doc)
    # not two sentences back
    doc = make_doc("星河科技发布公告。市场反应平稳。董事长王建国表示满意。",
                   [("星河科技", "Company"), ("王建国", "Person")])
    assert doc.relations == []


def test_no_implicit_employer_for_a_person_employed_elsewhere():
    doc = make_doc("云帆数据董事长王建国出席会议。星河科技发布公告。董事长王建国表示满意。",
                   [("云帆数据", "Company"), ("王建国", "Person"), ("星河科技", "Company"), ("王建国", "Person")])
    assert triples(doc) == [("王建国", "worksFor", "云帆数据", "董事长")]
    # stated later in the document, in another paragraph
    doc = make_doc("星河科技发布公告。董事长王建国表示满意。王建国现任云帆数据总裁。",
                   [("星河科技", "Company"), ("王建国", "Person"), ("王建国", "Person"), ("云帆数据", "Company")],
                   paragraphs=[2])
    assert triples(doc) == [("王建国", "worksFor", "云帆数据", "总裁")]


def test_no_duplicate_relations_from_one_sentence():
    doc = make_doc("张三创办了星河科技，星河科技创始人张三表示满意。",
                   [("张三", "Person"), ("星河科技", "Company"), ("星河科技", "Company"), ("张三", "Person")])
    founders = [r for r in doc.relations if r.predicate == "founder"]
    assert len(founders) == 1 and founders[0].confidence == pytest.approx(0.9)


def test_offsets_and_titles_on_traditional_text():
    text = "騰訊公司副總裁耿志軍表示。"
    norm = "腾讯公司副总裁耿志军表示。"
    doc = make_doc(text, [("腾讯公司", "Company"), ("耿志军", "Person")], norm=norm)
    r = only(doc, "worksFor")
    # GUIDELINES: the title is written as in the text (the held-out set's 資深副總經理)
    assert r.title == "副總裁" and doc.text[r.start:r.end] == text


def test_without_sentences_the_text_is_split():
    doc = Document(id="x", text="星河科技董事长王建国表示。")
    doc.mentions = [Mention(0, 4, "Company", "星河科技"), Mention(7, 10, "Person", "王建国")]
    assert triples(relate(resolve(doc))) == [("王建国", "worksFor", "星河科技", "董事长")]


def test_trie_regex_matches_exactly_the_words():
    rx = re.compile("(?:" + trie_regex(["副总", "副总裁", "总裁", "CEO"]) + ")$")
    assert all(rx.match(w) for w in ["副总", "副总裁", "总裁", "CEO"])
    assert not any(rx.match(w) for w in ["副", "总", "副总监", "CE"])


def test_dense_text_every_block_related():
    # Mention-dense text (one mention in six characters): the same five relations in every
    # copy of the block (中国移动 is 星河科技's partner, not 蓝海集团's unit). Its speed is
    # measured by benchmarks/relate.py, not here.
    block = ("星河科技董事长王建国表示，公司推出了星河Watch 3。蓝海集团旗下的星河科技与中国移动达成战略合作。"
             "红杉资本投资了星河科技。今天天气很好，市场情绪平稳，投资者继续观望。")
    ents = [("星河科技", "Company"), ("王建国", "Person"), ("星河Watch 3", "Product"), ("蓝海集团", "Company"),
            ("星河科技", "Company"), ("中国移动", "Company"), ("红杉资本", "Company"), ("星河科技", "Company")]
    doc = make_doc(block * 50, ents * 50)
    assert len(doc.relations) == 5 * 50
    assert len(set(triples(doc))) == 5


@pytest.mark.parametrize("text,ents,expected", [
    # the employer names the person it appoints
    ("青禾科技宣布任命韩雪松为公司首席技术官。", [("青禾科技", "Company"), ("韩雪松", "Person")],
     ("韩雪松", "worksFor", "青禾科技", "首席技术官")),
    ("蓝湾银行董事会同意聘任江晚晴为行长。", [("蓝湾银行", "Company"), ("江晚晴", "Person")],
     ("江晚晴", "worksFor", "蓝湾银行", "行长")),
    # employer, name, title
    ("发布会上，云杉数据吴若琳总经理介绍了新产品。", [("云杉数据", "Company"), ("吴若琳", "Person")],
     ("吴若琳", "worksFor", "云杉数据", "总经理")),
    # a place between the partners and the agreement
    ("青禾科技与蓝湾智联在苏州签署战略合作协议。", [("青禾科技", "Company"), ("蓝湾智联", "Company"), ("苏州", "Place")],
     ("青禾科技", "partnerOf", "蓝湾智联", None)),
])
def test_more_patterns(text, ents, expected):
    assert expected in triples(make_doc(text, ents))


def test_appointing_employer_is_not_the_appointee_of_a_customer():
    doc = make_doc("青禾科技的客户蓝湾智联宣布任命韩雪松为副总裁。",
                   [("青禾科技", "Company"), ("蓝湾智联", "Company"), ("韩雪松", "Person")])
    got = triples(doc)
    assert ("韩雪松", "worksFor", "蓝湾智联", "副总裁") in got
    assert not any(t[0] == "韩雪松" and t[2] == "青禾科技" for t in got)


# --------------------------------------------------------------------------- elided endpoints, 后者, 双方


@pytest.mark.parametrize("text,ents,expected", [
    # a résumé: current and former jobs in later clauses without their own subject
    ("简历显示，卫明哲，1980年生，毕业于南湖大学，现任青禾银行副行长，曾任蓝湾保险有限公司财务总监。",
     [("卫明哲", "Person"), ("南湖大学", "Organization"), ("青禾银行", "Company"), ("蓝湾保险有限公司", "Company")],
     [("卫明哲", "worksFor", "青禾银行", "副行长"), ("卫明哲", "worksFor", "蓝湾保险", "财务总监")]),
    # elected to a body
    ("南湖大学教授季思远当选中国材料学会副理事长。",
     [("南湖大学", "Organization"), ("季思远", "Person"), ("中国材料学会", "Organization")],
     [("季思远", "worksFor", "中国材料学会", "副理事长"), ("季思远", "worksFor", "南湖大学", "教授")]),
    # the board names a person to a title; the employer is the sentence's first company
    ("蓝湾电器董事会通过议案，由邵晨光任首席财务官。", [("蓝湾电器", "Company"), ("邵晨光", "Person")],
     [("邵晨光", "worksFor", "蓝湾电器", "首席财务官")]),
    # a unit name holding 与 between employer and title
    ("青禾科技云与数据事业群副总裁柯安然表示。", [("青禾科技", "Company"), ("柯安然", "Person")],
     [("柯安然", "worksFor", "青禾科技", "副总裁")]),
])
def test_worksfor_elided_subject_or_employer(text, ents, expected):
    got = triples(make_doc(text, ents))
    for e in expected:
        assert e in got, got


def test_founded_by_person_introduced_by_school_and_list_with_intro():
    doc = make_doc("星屿智能由南湖大学毕业生程一鸣和青禾大学博士陆知秋共同创立。",
                   [("星屿智能", "Company"), ("南湖大学", "Organization"), ("程一鸣", "Person"),
                    ("青禾大学", "Organization"), ("陆知秋", "Person")])
    got = triples(doc)
    assert ("星屿智能", "founder", "程一鸣", None) in got
    assert ("星屿智能", "founder", "陆知秋", None) in got


@pytest.mark.parametrize("text,ents,expected", [
    ("青禾科技发布了自研的操作系统禾光OS。", [("青禾科技", "Company"), ("禾光OS", "Product")],
     ("禾光OS", "manufacturer", "青禾科技")),
    ("蓝湾汽车的首款纯电轿车蓝湾S7开始交付，该车由蓝湾汽车合肥基地生产。",
     [("蓝湾汽车", "Company"), ("蓝湾S7", "Product"), ("蓝湾汽车", "Company"), ("合肥", "Place")],
     ("蓝湾S7", "manufacturer", "蓝湾汽车")),
    ("星屿智能由程一鸣创办，旗下智能音箱品牌“屿声”已进入欧洲市场。",
     [("星屿智能", "Company"), ("程一鸣", "Person"), ("屿声", "Product")],
     ("屿声", "manufacturer", "星屿智能")),
    ("星屿智能是一家机器人企业，主要产品为巡检机器人“屿卫”。",
     [("星屿智能", "Company"), ("机器人", "Industry"), ("屿卫", "Product")],
     ("屿卫", "manufacturer", "星屿智能")),
    # 其 before a making verb is the company, not the person who speaks
    ("青禾科技首席技术官柯安然表示，公司将开放其自研的禾光大模型。",
     [("青禾科技", "Company"), ("柯安然", "Person"), ("禾光大模型", "Product")],
     ("禾光大模型", "manufacturer", "青禾科技")),
    # 公司的 in mid-clause refers to the topic company
    ("会上，星屿智能总经理程一鸣介绍了公司的新款四足巡检机器人“屿卫”。",
     [("星屿智能", "Company"), ("程一鸣", "Person"), ("屿卫", "Product")],
     ("屿卫", "manufacturer", "星屿智能")),
])
def test_manufacturer_more_forms(text, ents, expected):
    got = [t[:3] for t in triples(make_doc(text, ents))]
    assert expected in got, got


@pytest.mark.parametrize("text,ents,expected", [
    ("星屿智能由程一鸣于2020年创立，主攻服务机器人领域。",
     [("星屿智能", "Company"), ("程一鸣", "Person"), ("服务机器人", "Industry")],
     ("星屿智能", "inIndustry", "服务机器人")),
    ("禾芯微电子专注于车规级芯片，是汽车电子领域的新兴企业。",
     [("禾芯微电子", "Company"), ("汽车电子", "Industry")], ("禾芯微电子", "inIndustry", "汽车电子")),
    ("青禾光电是光伏行业的组件供应商。", [("青禾光电", "Company"), ("光伏", "Industry")],
     ("青禾光电", "inIndustry", "光伏")),
    ("这是青禾互娱今年在游戏领域推出的第二款新品。", [("青禾互娱", "Company"), ("游戏", "Industry")],
     ("青禾互娱", "inIndustry", "游戏")),
])
def test_in_industry_more_forms(text, ents, expected):
    doc = make_doc(text, ents)
    # industries are keyed to a taxonomy term; compare the name as written
    got = [(doc.mentions[r.subject].key, r.predicate, doc.mentions[r.object].name) for r in doc.relations]
    assert expected in got, got


def test_latter_is_the_most_recent_company():
    doc = make_doc("蓝湾汽车完成对星屿软件的全资收购，后者将成为蓝湾汽车旗下全资子公司，继续专注于智能座舱领域。",
                   [("蓝湾汽车", "Company"), ("星屿软件", "Company"), ("蓝湾汽车", "Company"), ("智能座舱", "Industry")])
    got = [t[:3] for t in triples(doc)]
    assert ("星屿软件", "parentOrganization", "蓝湾汽车") in got
    assert ("星屿软件", "inIndustry", "智能座舱") in got
    assert ("蓝湾汽车", "inIndustry", "智能座舱") not in got


def test_subsidiary_under_and_is_under():
    doc = make_doc("禾芯电子是青禾集团旗下的芯片设计企业。", [("禾芯电子", "Company"), ("青禾集团", "Company")])
    assert [t[:3] for t in triples(doc)] == [("禾芯电子", "parentOrganization", "青禾")]


def test_both_sides_pair_in_the_next_sentence_and_same_sentence():
    doc = make_doc("蓝湾汽车宣布入股星屿电池，持股比例为15%。双方将联合开发固态电池。",
                   [("蓝湾汽车", "Company"), ("星屿电池", "Company")])
    got = [t[:3] for t in triples(doc)]
    assert ("蓝湾汽车", "partnerOf", "星屿电池") in got
    assert ("蓝湾汽车", "investedIn", "星屿电池") in got
    doc = make_doc("青禾科技与蓝湾智联（蓝湾）宣布，双方将共同投资设立合资公司。",
                   [("青禾科技", "Company"), ("蓝湾智联", "Company"), ("蓝湾", "Company")])
    assert ("青禾科技", "partnerOf", "蓝湾") in [t[:3] for t in triples(doc)]


def test_both_sides_without_a_cue_or_negated_is_no_partnership():
    for text in ("蓝湾汽车宣布入股星屿电池。双方股价当日均上涨。", "蓝湾汽车宣布入股星屿电池。双方并未达成合作。"):
        doc = make_doc(text, [("蓝湾汽车", "Company"), ("星屿电池", "Company")])
        assert "partnerOf" not in [t[1] for t in triples(doc)], text


def test_partner_with_elided_subject():
    doc = make_doc("青禾手机在深圳发布新机，并宣布与蓝湾光学达成影像战略合作。",
                   [("青禾手机", "Company"), ("深圳", "Place"), ("蓝湾光学", "Company")])
    assert [t[:3] for t in triples(doc)] == [("青禾手机", "partnerOf", "蓝湾光学")]


def test_round_followers_after_the_round():
    doc = make_doc("红枫创投领投了星屿智能1亿元A轮融资，老股东青禾资本跟投。",
                   [("红枫创投", "Company"), ("星屿智能", "Company"), ("青禾资本", "Company")])
    got = [t[:3] for t in triples(doc)]
    assert ("红枫创投", "investedIn", "星屿智能") in got
    assert ("青禾资本", "investedIn", "星屿智能") in got
    assert not any(t[0] == "星屿智能" for t in got)


def test_title_list_shares_the_employer():
    doc = make_doc("青禾科技董事长柯安然、总裁程一鸣和首席技术官陆知秋出席了发布会。",
                   [("青禾科技", "Company"), ("柯安然", "Person"), ("程一鸣", "Person"), ("陆知秋", "Person")])
    got = triples(doc)
    for e in [("柯安然", "worksFor", "青禾科技", "董事长"), ("程一鸣", "worksFor", "青禾科技", "总裁"),
              ("陆知秋", "worksFor", "青禾科技", "首席技术官")]:
        assert e in got, got


def test_topic_founded_by_person_with_an_industry_word_before():
    doc = make_doc("极星汽车是北辰集团旗下子公司，由汽车行业老兵许川于2020年创立。",
                   [("极星汽车", "Company"), ("北辰集团", "Company"), ("汽车", "Industry"), ("许川", "Person")])
    assert ("极星汽车", "founder", "许川", None) in triples(doc)


@pytest.mark.parametrize("text,ents,expected", [
    ("红枫创投对星屿智能进行了数千万元战略投资。", [("红枫创投", "Company"), ("星屿智能", "Company")],
     ("红枫创投", "investedIn", "星屿智能", None)),
    ("陆知秋去年加盟青禾科技，出任首席技术官。", [("陆知秋", "Person"), ("青禾科技", "Company")],
     ("陆知秋", "worksFor", "青禾科技", "首席技术官")),
])
def test_invests_in_and_title_without_name_or_employer(text, ents, expected):
    assert expected in triples(make_doc(text, ents))


def test_in_industry_apposition():
    doc = make_doc("星屿智能，一家服务机器人企业，今天发布了新品。", [("星屿智能", "Company"), ("服务机器人", "Industry")])
    assert [(doc.mentions[r.subject].key, r.predicate, doc.mentions[r.object].name) for r in doc.relations] == [
        ("星屿智能", "inIndustry", "服务机器人")]


def test_acquiring_company_is_not_an_investor_of_a_target_with_no_investment_cue():
    doc = make_doc("青禾科技对蓝湾智联的业绩表示满意。", [("青禾科技", "Company"), ("蓝湾智联", "Company")])
    assert triples(doc) == []


def test_unit_gap_stops_at_a_verb():
    doc = make_doc("星屿智能由前南湖研究院研究员程一鸣创立。",
                   [("星屿智能", "Company"), ("南湖研究院", "Organization"), ("程一鸣", "Person")])
    got = triples(doc)
    assert ("程一鸣", "worksFor", "南湖研究院", "研究员") in got
    assert not any(t[1] == "worksFor" and t[2] == "星屿智能" for t in got)


@pytest.mark.parametrize("text,ents,expected", [
    ("青禾集团宣布，旗下禾运物流的总经理将由程一鸣出任。",
     [("青禾集团", "Company"), ("禾运物流", "Company"), ("程一鸣", "Person")],
     [("禾运物流", "parentOrganization", "青禾"), ("程一鸣", "worksFor", "禾运物流")]),
    ("星屿网络由程一鸣创办，旗下社区团购平台“屿选”已覆盖三省。",
     [("星屿网络", "Company"), ("程一鸣", "Person"), ("社区团购", "Industry"), ("屿选", "Product")],
     [("屿选", "manufacturer", "星屿网络"), ("屿选", "inIndustry", "社区团购")]),
    ("青禾数码已递交上市申请，主要业务为东南亚地区的跨境支付服务。",
     [("青禾数码", "Company"), ("东南亚", "Place"), ("跨境支付", "Industry")],
     [("青禾数码", "inIndustry", "跨境支付")]),
])
def test_topic_under_sector_product_and_main_business(text, ents, expected):
    doc = make_doc(text, ents)
    got = [(doc.mentions[r.subject].key, r.predicate, doc.mentions[r.object].name) for r in doc.relations]
    got += [(doc.mentions[r.subject].key, r.predicate, doc.mentions[r.object].key) for r in doc.relations]
    for e in expected:
        assert e in got, got


def test_titles_given_respectively():
    doc = make_doc("星屿智能由程一鸣和陆知秋共同创立，两人分别担任首席执行官和首席技术官。",
                   [("星屿智能", "Company"), ("程一鸣", "Person"), ("陆知秋", "Person")])
    got = triples(doc)
    assert ("程一鸣", "worksFor", "星屿智能", "首席执行官") in got
    assert ("陆知秋", "worksFor", "星屿智能", "首席技术官") in got
    # three titles for two persons: no guess
    doc = make_doc("星屿智能由程一鸣和陆知秋共同创立，两人分别担任首席执行官、总裁和首席技术官。",
                   [("星屿智能", "Company"), ("程一鸣", "Person"), ("陆知秋", "Person")])
    assert not [t for t in triples(doc) if t[1] == "worksFor"]


@pytest.mark.parametrize("text,ents,expected", [
    ("青禾科技在苏州举办发布会，正式推出新一代扫地机器人“禾净S3”。",
     [("青禾科技", "Company"), ("苏州", "Place"), ("禾净S3", "Product")], ("禾净S3", "manufacturer", "青禾科技")),
    ("蓝湾汽车是北辰集团旗下子公司，其首款车型蓝湾S5已在合肥量产。",
     [("蓝湾汽车", "Company"), ("北辰集团", "Company"), ("蓝湾S5", "Product"), ("合肥", "Place")],
     ("蓝湾S5", "manufacturer", "蓝湾汽车")),
])
def test_manufacturer_elided_launcher_and_its_new_model(text, ents, expected):
    assert expected in [t[:3] for t in triples(make_doc(text, ents))]


def test_customer_launch_is_not_attributed_to_the_supplier():
    # the product is launched by the customer named right before the verb, not by the first company
    doc = make_doc("青禾电池为蓝湾汽车供货，蓝湾汽车推出了新车蓝湾S5。",
                   [("青禾电池", "Company"), ("蓝湾汽车", "Company"), ("蓝湾汽车", "Company"), ("蓝湾S5", "Product")])
    assert [t[:3] for t in triples(doc)] == [("蓝湾S5", "manufacturer", "蓝湾汽车")]


def test_partner_agreement_about_a_product():
    doc = make_doc("青禾科技与蓝湾智联就禾光OS签署合作协议。",
                   [("青禾科技", "Company"), ("蓝湾智联", "Company"), ("禾光OS", "Product")])
    assert [t[:3] for t in triples(doc)] == [("青禾科技", "partnerOf", "蓝湾智联")]


def test_board_appoints_persons_of_the_topic_company():
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="b", text="招商银行9月27日晚间公告，董事会同意聘任邵敬之、杜青禾为副行长，聘任冉博文为董事会秘书。"))
    got = {(doc.mentions[r.subject].key, r.predicate, doc.mentions[r.object].key, r.title) for r in doc.relations}
    assert ("邵敬之", "worksFor", "招商银行", "副行长") in got
    assert ("杜青禾", "worksFor", "招商银行", "副行长") in got
    assert ("冉博文", "worksFor", "招商银行", "董事会秘书") in got


def test_full_acquisition_is_a_parent_not_an_investment():
    from graph_builder.pipeline import Pipeline

    pipe = Pipeline()
    full = pipe(Document(id="a", text="比亚迪已斥资50亿元收购极星科技100%股权，后者将成为比亚迪的全资子公司。"))
    preds = {r.predicate for r in full.relations}
    assert "parentOrganization" in preds and "investedIn" not in preds
    stake = pipe(Document(id="b", text="比亚迪收购极星科技20%股权。"))
    assert [r.predicate for r in stake.relations] == ["investedIn"]


def test_investor_before_the_round_is_no_investee():
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="r", text="星河科技宣布获得由高瓴资本领投的B轮融资，老股东红杉中国继续跟投。"))
    got = {(doc.mentions[r.subject].key, doc.mentions[r.object].key) for r in doc.relations
           if r.predicate == "investedIn"}
    assert got == {("高瓴资本", "星河科技"), ("红杉中国", "星河科技")}


@pytest.mark.parametrize("text,triple", [
    ("据了解，新任总经理张明远此前在华为工作了十二年。", ("张明远", "worksFor", "华为", None)),
    ("记者从星河科技获悉，该公司副总裁赵磊已于近日离职。", ("赵磊", "worksFor", "星河科技", "副总裁")),
    ("王建国曾在腾讯担任高管，2019年加入星河科技任首席运营官。", ("王建国", "worksFor", "星河科技", "首席运营官")),
    # 创始人 alone gives founder only (held-out README: no worksFor with that title)
    ("作为星河科技的创始人，林晓峰一直专注于可穿戴设备领域。", ("星河科技", "founder", "林晓峰", None)),
])
def test_more_employment_constructions(text, triple):
    from graph_builder.pipeline import Pipeline

    doc = Pipeline()(Document(id="w", text=text))
    got = {(doc.mentions[r.subject].key, r.predicate, doc.mentions[r.object].key, r.title) for r in doc.relations}
    assert triple in got


def test_in_industry_for_a_product_under_its_maker_and_after_a_modifier():
    doc = make_doc("星澜智能旗下写作应用“星澜笔记”上线一年，主要面向教育和法律行业。",
                   [("星澜智能", "Company"), ("星澜笔记", "Product"), ("教育", "Industry"), ("法律", "Industry")])
    got = {(t[0], t[2]) for t in triples(doc) if t[1] == "inIndustry"}
    assert {s for s, _ in got} == {"星澜笔记"} and len(got) == 2, got
    doc = make_doc("青禾科技在高端智能手机市场仍有较大增长空间。", [("青禾科技", "Company"), ("智能手机", "Industry")])
    assert [t[1] for t in triples(doc)] == ["inIndustry"]


# --------------------------------------------------------------------------- more ways news states the facts
# Sentences written for these tests. Each case lists every relation the sentence states (the test
# compares whole sets, so a wrong edge fails as surely as a missing one).
C, P, PR, I, O = "Company", "Person", "Product", "Industry", "Organization"
NEWS_CASES = [
    # investedIn
    ("星澜科技宣布完成2亿元B轮融资，本轮由高瓴资本领投，红杉中国和经纬创投跟投，老股东顺为资本继续加注。",
     [("星澜科技", C), ("高瓴资本", C), ("红杉中国", C), ("经纬创投", C), ("顺为资本", C)],
     {("高瓴资本", "investedIn", "星澜科技", None), ("红杉中国", "investedIn", "星澜科技", None),
      ("经纬创投", "investedIn", "星澜科技", None), ("顺为资本", "investedIn", "星澜科技", None)}),
    ("云图智能近日获得腾讯的战略投资，具体金额未披露。", [("云图智能", C), ("腾讯", C)],
     {("腾讯", "investedIn", "云图智能", None)}),
    ("高瓴资本向星澜科技注资3亿元。", [("高瓴资本", C), ("星澜科技", C)], {("高瓴资本", "investedIn", "星澜科技", None)}),
    ("红杉中国参与了智谱华章的C轮融资。", [("红杉中国", C), ("智谱华章", C)], {("红杉中国", "investedIn", "智谱华章", None)}),
    ("智谱华章完成新一轮融资，投资方包括美团、蚂蚁集团和腾讯。",
     [("智谱华章", C), ("美团", C), ("蚂蚁集团", C), ("腾讯", C)],
     {("美团", "investedIn", "智谱华章", None), ("蚂蚁", "investedIn", "智谱华章", None),
      ("腾讯", "investedIn", "智谱华章", None)}),
    ("星澜科技A轮融资的领投方为联想创投。", [("星澜科技", C), ("联想创投", C)], {("联想创投", "investedIn", "星澜科技", None)}),
    ("星澜科技引入战略投资者宁德时代。", [("星澜科技", C), ("宁德时代", C)], {("宁德时代", "investedIn", "星澜科技", None)}),
    ("张明远持股15%，为星澜科技第一大股东。", [("张明远", P), ("星澜科技", C)], {("张明远", "investedIn", "星澜科技", None)}),
    ("据公告，张明远持有星澜科技约12%的股份。", [("张明远", P), ("星澜科技", C)], {("张明远", "investedIn", "星澜科技", None)}),
    ("比亚迪战略投资了芯片公司地平线。", [("比亚迪", C), ("芯片", I), ("地平线", C)],
     {("比亚迪", "investedIn", "地平线", None), ("地平线", "inIndustry", "半导体", None)}),
    ("海康威视增持星澜电子股份至40%。", [("海康威视", C), ("星澜电子", C)], {("海康威视", "investedIn", "星澜电子", None)}),
    ("暖阳资本以3亿元认购星澜科技新发行的股份。", [("暖阳资本", C), ("星澜科技", C)],
     {("暖阳资本", "investedIn", "星澜科技", None)}),
    ("港岛芯片宣布完成3,000万元种子轮融资，由腾讯及维港投资共同领投。", [("港岛芯片", C), ("腾讯", C), ("维港投资", C)],
     {("腾讯", "investedIn", "港岛芯片", None), ("维港投资", "investedIn", "港岛芯片", None)}),
    ("星澜科技今日在港上市，基石投资者包括淡马锡和高瓴资本。", [("星澜科技", C), ("淡马锡", C), ("高瓴资本", C)],
     {("淡马锡", "investedIn", "星澜科技", None), ("高瓴资本", "investedIn", "星澜科技", None)}),
    ("星澜科技A轮融资的投资方尚未披露。", [("星澜科技", C)], set()),
    ("星澜科技的第二大股东为新加坡主权基金淡马锡。", [("星澜科技", C), ("淡马锡", C)], {("淡马锡", "investedIn", "星澜科技", None)}),
    ("星澜科技公告，宁德时代以5亿元战略入股。", [("星澜科技", C), ("宁德时代", C)], {("宁德时代", "investedIn", "星澜科技", None)}),
    ("宁德时代计划向星澜科技增资。", [("宁德时代", C), ("星澜科技", C)], {("宁德时代", "investedIn", "星澜科技", None)}),
    # parentOrganization
    ("星澜电子的控股股东为海康威视。", [("星澜电子", C), ("海康威视", C)], {("星澜电子", "parentOrganization", "海康威视", None)}),
    ("海康威视为星澜电子的控股股东。", [("海康威视", C), ("星澜电子", C)], {("星澜电子", "parentOrganization", "海康威视", None)}),
    ("星澜电子的母公司海康威视表示支持。", [("星澜电子", C), ("海康威视", C)], {("星澜电子", "parentOrganization", "海康威视", None)}),
    ("海康威视控股的星澜电子今年营收增长。", [("海康威视", C), ("星澜电子", C)], {("星澜电子", "parentOrganization", "海康威视", None)}),
    ("星澜电子隶属于海康威视。", [("星澜电子", C), ("海康威视", C)], {("星澜电子", "parentOrganization", "海康威视", None)}),
    ("星澜电子的实际控制人为张明远。", [("星澜电子", C), ("张明远", P)], set()),
    ("公告显示，海康威视持有星澜电子51%股权，为其控股股东。", [("海康威视", C), ("星澜电子", C)],
     {("星澜电子", "parentOrganization", "海康威视", None), ("海康威视", "investedIn", "星澜电子", None)}),
    ("张明远为星澜科技控股股东，持股比例为35%。", [("张明远", P), ("星澜科技", C)], {("张明远", "investedIn", "星澜科技", None)}),
    # partnerOf
    ("瑞达咖啡宣布与山岚酒业联名推出新品“酱香咖啡”。", [("瑞达咖啡", C), ("山岚酒业", C), ("酱香咖啡", PR)],
     {("瑞达咖啡", "partnerOf", "山岚酒业", None), ("酱香咖啡", "manufacturer", "瑞达咖啡", None)}),
    ("星澜科技与海康威视将共建联合实验室。", [("星澜科技", C), ("海康威视", C)], {("星澜科技", "partnerOf", "海康威视", None)}),
    ("星澜科技与海康威视的合作已于去年终止。", [("星澜科技", C), ("海康威视", C)], set()),
    ("星澜科技是海康威视的供应商。", [("星澜科技", C), ("海康威视", C)], set()),
    # manufacturer
    ("华硕今日在台北发表两款新机ROG G16与Zenbook A14。", [("华硕", C), ("台北", "Place"), ("ROG G16", PR), ("Zenbook A14", PR)],
     {("ROG G16", "manufacturer", "华硕", None), ("Zenbook A14", "manufacturer", "华硕", None)}),
    ("比亚迪新车海豹06正式上市。", [("比亚迪", C), ("海豹06", PR)], {("海豹06", "manufacturer", "比亚迪", None)}),
    ("华远在上海举办发布会，正式发布华远Pad 3及折叠屏手机华远Fold。",
     [("华远", C), ("上海", "Place"), ("华远", C), ("Pad 3", PR), ("华远Fold", PR)],
     {("Pad 3", "manufacturer", "华远", None), ("华远Fold", "manufacturer", "华远", None)}),
    ("星澜汽车采购了宁德时代生产的麒麟电池。", [("星澜汽车", C), ("宁德时代", C), ("麒麟电池", PR)],
     {("麒麟电池", "manufacturer", "宁德时代", None)}),
    # founder: a founder title gives founder only
    ("星澜科技成立于2018年，创始人李思远曾在华为任职。", [("星澜科技", C), ("李思远", P), ("华为", C)],
     {("星澜科技", "founder", "李思远", None), ("李思远", "worksFor", "华为", None)}),
    ("张明远是星澜科技的联合创始人。", [("张明远", P), ("星澜科技", C)], {("星澜科技", "founder", "张明远", None)}),
    ("星澜科技的创始人为张明远。", [("星澜科技", C), ("张明远", P)], {("星澜科技", "founder", "张明远", None)}),
    ("星澜科技联合创始人兼首席财务官李思远表示，公司现金充裕。", [("星澜科技", C), ("李思远", P)],
     {("星澜科技", "founder", "李思远", None), ("李思远", "worksFor", "星澜科技", "首席财务官")}),
    ("腾讯投资了星澜科技，创始人张明远表示将扩大团队。", [("腾讯", C), ("星澜科技", C), ("张明远", P)],
     {("腾讯", "investedIn", "星澜科技", None)}),
    # worksFor: a title with the employer left to the sentence
    ("小蓝书商业化负责人林晓已于近日离职，其分管工作暂由副总裁贺言代管。", [("小蓝书", C), ("林晓", P), ("贺言", P)],
     {("林晓", "worksFor", "小蓝书", "负责人"), ("贺言", "worksFor", "小蓝书", "副总裁")}),
    ("星澜科技公告称，董事长张明远因个人原因辞任。", [("星澜科技", C), ("张明远", P)],
     {("张明远", "worksFor", "星澜科技", "董事长")}),
    ("星澜科技公告，副总裁李思远接任首席财务官。", [("星澜科技", C), ("李思远", P)],
     {("李思远", "worksFor", "星澜科技", "副总裁"), ("李思远", "worksFor", "星澜科技", "首席财务官")}),
    ("星澜科技任命王浩然为新任总经理。", [("星澜科技", C), ("王浩然", P)], {("王浩然", "worksFor", "星澜科技", "总经理")}),
    ("友达保险宣布委任黄诗出任投资管理部董事总经理。", [("友达保险", C), ("黄诗", P)],
     {("黄诗", "worksFor", "友达保险", "董事总经理")}),
    ("星澜科技股价上涨，分析师王磊认为估值偏高。", [("星澜科技", C), ("王磊", P)], set()),
    ("瑞达咖啡产品总监冯一帆表示，新品将在秋季上市。", [("瑞达咖啡", C), ("冯一帆", P)],
     {("冯一帆", "worksFor", "瑞达咖啡", "产品总监")}),
    ("星澜科技董事长张明远宣布暂停扩产计划。", [("星澜科技", C), ("张明远", P)], {("张明远", "worksFor", "星澜科技", "董事长")}),
    # inIndustry
    ("星澜科技是一家生物医药公司。", [("星澜科技", C), ("生物医药", I)], {("星澜科技", "inIndustry", "生物医药", None)}),
    ("星澜科技的储能业务增长迅速。", [("星澜科技", C), ("储能", I)], {("星澜科技", "inIndustry", "储能", None)}),
    ("光伏板块今日集体走强，隆基绿能、通威股份涨超5%。", [("光伏", I), ("隆基绿能", C), ("通威股份", C)],
     {("隆基绿能", "inIndustry", "光伏", None), ("通威", "inIndustry", "光伏", None)}),
    ("星澜科技属于半导体设备板块。", [("星澜科技", C), ("半导体设备", I)], {("星澜科技", "inIndustry", "半导体设备", None)}),
    ("星澜科技将继续加大在汽车电子领域的研发投入。", [("星澜科技", C), ("汽车电子", I)], set()),
    ("星澜科技表示，公司正加大在汽车电子领域的研发投入。", [("星澜科技", C), ("汽车电子", I)], {("星澜科技", "inIndustry", "汽车电子", None)}),
    ("星澜科技计划拓展冷链物流业务。", [("星澜科技", C), ("冷链物流", I)], set()),
    ("星澜科技拟进军氢能领域。", [("星澜科技", C), ("氢能", I)], set()),
    ("星澜科技表示，公司将继续深耕储能领域。", [("星澜科技", C), ("储能", I)], {("星澜科技", "inIndustry", "储能", None)}),
]


@pytest.mark.parametrize("text,ents,expected", NEWS_CASES)
def test_news_forms(text, ents, expected):
    assert set(triples(make_doc(text, ents))) == expected


def test_maker_read_off_a_brand_named_product():
    # 星驰L7 opens with 星驰 of 星驰汽车; 海澜冰淇淋 with 海澜 of 江苏海澜 after the place prefix
    doc = make_doc("星驰汽车一季度销量增长三成，其中增程式SUV星驰L7贡献最多。",
                   [("星驰汽车", "Company"), ("星驰L7", "Product")])
    assert ("星驰L7", "manufacturer", "星驰汽车", None) in triples(doc)
    doc = make_doc("江苏海澜披露年报。去年推出的海澜冰淇淋已进入二十个省份。",
                   [("江苏海澜", "Company"), ("海澜冰淇淋", "Product")])
    assert ("海澜冰淇淋", "manufacturer", "江苏海澜", None) in triples(doc)


def test_no_maker_from_a_short_or_shared_brand():
    # one character after the brand (星驰云) is a business line; a brand two companies share names neither
    doc = make_doc("星驰汽车表示，星驰云的用户继续增长。", [("星驰汽车", "Company"), ("星驰云", "Product")])
    assert not [r for r in doc.relations if r.predicate == "manufacturer"], triples(doc)
    doc = make_doc("星驰汽车与星驰科技均未回应，星驰L7的订单仍在排队。",
                   [("星驰汽车", "Company"), ("星驰科技", "Company"), ("星驰L7", "Product")])
    assert not [r for r in doc.relations if r.predicate == "manufacturer"], triples(doc)


# --------------------------------------------------------------------------- phrasings added for unseen text


def test_partner_list_with_place_between():
    doc = make_doc("星河电信近日在成都与蓝鲸通信、青松网络和Nordlink分别签约，共建示范网络。",
                   [("星河电信", "Company"), ("成都", "Place"), ("蓝鲸通信", "Company"), ("青松网络", "Company"),
                    ("Nordlink", "Company")])
    got = {t[:3] for t in triples(doc) if t[1] == "partnerOf"}
    assert got == {("星河电信", "partnerOf", "蓝鲸通信"), ("星河电信", "partnerOf", "青松网络"),
                   ("星河电信", "partnerOf", "Nordlink")}, triples(doc)


def test_founded_by_attributive():
    doc = make_doc("由前星河科技首席架构师韩立行创立的AI芯片企业青岚芯片今日发布新品。",
                   [("星河科技", "Company"), ("韩立行", "Person"), ("AI芯片", "Industry"), ("青岚芯片", "Company")])
    assert ("青岚芯片", "founder", "韩立行", None) in triples(doc), triples(doc)


def test_investors_in_a_later_clause():
    doc = make_doc("青岚芯片宣布获得星桥资本的A轮投资，金额超过1亿元，蓝湖创投、晨曦基金参投。",
                   [("青岚芯片", "Company"), ("星桥资本", "Company"), ("蓝湖创投", "Company"), ("晨曦基金", "Company")])
    got = {t[:3] for t in triples(doc) if t[1] == "investedIn"}
    assert got == {("星桥资本", "investedIn", "青岚芯片"), ("蓝湖创投", "investedIn", "青岚芯片"),
                   ("晨曦基金", "investedIn", "青岚芯片")}, triples(doc)


def test_elided_received_investment():
    doc = make_doc("青岚芯片成立于2023年，去年获得星桥资本和蓝湖创投的联合投资。",
                   [("青岚芯片", "Company"), ("星桥资本", "Company"), ("蓝湖创投", "Company")])
    got = {t[:3] for t in triples(doc) if t[1] == "investedIn"}
    assert got == {("星桥资本", "investedIn", "青岚芯片"), ("蓝湖创投", "investedIn", "青岚芯片")}, triples(doc)


def test_former_post_with_employer_in_earlier_sentence():
    doc = make_doc("星河银行3月5日公告人事变动。与此同时，副行长兼首席风险官郑可馨将兼任董事会秘书。",
                   [("星河银行", "Company"), ("郑可馨", "Person")])
    got = {t for t in triples(doc) if t[1] == "worksFor"}
    assert got == {("郑可馨", "worksFor", "星河银行", "副行长"), ("郑可馨", "worksFor", "星河银行", "首席风险官"),
                   ("郑可馨", "worksFor", "星河银行", "董事会秘书")}, triples(doc)
    # a sentence that names a company of its own does not reach back
    doc = make_doc("星河银行公告人事变动。蓝鲸证券副总裁郑可馨出席。", [("星河银行", "Company"), ("蓝鲸证券", "Company"), ("郑可馨", "Person")])
    assert {t[2] for t in triples(doc)} == {"蓝鲸证券"}, triples(doc)


def test_former_title_with_sole_employer():
    doc = make_doc("星河银行称，原行长韩立行因工作调动已于近日辞任。", [("星河银行", "Company"), ("韩立行", "Person")])
    assert triples(doc) == [("韩立行", "worksFor", "星河银行", "行长")]


def test_elided_subject_at_employer():
    doc = make_doc("韩立行曾任星河科技技术总监，此前还曾在蓝鲸电子担任高级经理。",
                   [("韩立行", "Person"), ("星河科技", "Company"), ("蓝鲸电子", "Company")])
    assert ("韩立行", "worksFor", "蓝鲸电子", "高级经理") in triples(doc), triples(doc)


def test_its_product_by_category_noun():
    doc = make_doc("青岚影像宣布其全景相机Q3降价促销。", [("青岚影像", "Company"), ("Q3", "Product")])
    assert triples(doc) == [("Q3", "manufacturer", "青岚影像", None)]
    doc = make_doc("星河咖啡宣布与蓝鲸酒业联名推出新品“酱香拿铁”。",
                   [("星河咖啡", "Company"), ("蓝鲸酒业", "Company"), ("酱香拿铁", "Product")])
    assert ("酱香拿铁", "manufacturer", "蓝鲸酒业", None) not in triples(doc), triples(doc)


def test_held_by_pronoun_parent():
    doc = make_doc("星河科技表示，青岚显示是公司控股的面板企业。", [("星河科技", "Company"), ("青岚显示", "Company")])
    assert ("青岚显示", "parentOrganization", "星河科技", None) in triples(doc), triples(doc)


def test_investor_raises_stake_in_company_pronoun():
    doc = make_doc("星河生物公告称，淡马锡近期增持公司股份至5.2%。", [("星河生物", "Company"), ("淡马锡", "Company")])
    assert ("淡马锡", "investedIn", "星河生物", None) in triples(doc), triples(doc)


# --------------------------------------------------------------------------- titles, posts and employers
# Sentences written for these tests; each case lists every worksFor the text states (whole sets
# compared, so a wrong title or employer fails as surely as a missing one).
WORKS_CASES = [
    # the unit is not part of the title (GUIDELINES): region, department, centre, a later title's own unit
    ("星河科技亚太区副总裁王建国表示，订单充足。", [("星河科技", C), ("王建国", P)],
     {("王建国", "星河科技", "副总裁")}),
    ("青禾大学计算机系主任李明介绍了课程。", [("青禾大学", O), ("李明", P)], {("李明", "青禾大学", "主任")}),
    ("蓝湾银行副行长兼华东总部主任赵磊出席并讲话。", [("蓝湾银行", C), ("赵磊", P)],
     {("赵磊", "蓝湾银行", "副行长"), ("赵磊", "蓝湾银行", "主任")}),
    ("王建国2011年加入星河科技，历任研发工程师、欧洲工厂总经理等职。", [("王建国", P), ("星河科技", C), ("欧洲", "Place")],
     {("王建国", "星河科技", "研发工程师"), ("王建国", "星河科技", "总经理")}),
    ("王建国2011年加入星河科技，历任中国区总裁、首席运营官。", [("王建国", P), ("星河科技", C)],
     {("王建国", "星河科技", "总裁"), ("王建国", "星河科技", "首席运营官")}),
    # a post left is a former post, still worksFor; the successor takes the post named before 由
    ("星河科技公告，总裁王建国因工作调整辞去总裁职务，由执行副总裁李明接任。", [("星河科技", C), ("王建国", P), ("李明", P)],
     {("王建国", "星河科技", "总裁"), ("李明", "星河科技", "执行副总裁"), ("李明", "星河科技", "总裁")}),
    ("蓝湾银行公告，深圳分行行长一职将由该行零售总部总经理卫思琪接任。", [("蓝湾银行", C), ("卫思琪", P)],
     {("卫思琪", "蓝湾银行", "行长"), ("卫思琪", "蓝湾银行", "总经理")}),
    ("原任蓝湾银行副行长的王建国日前出任星河银行行长。", [("蓝湾银行", C), ("王建国", P), ("星河银行", C)],
     {("王建国", "蓝湾银行", "副行长"), ("王建国", "星河银行", "行长")}),
    ("中国青禾监管委员会宣布，任命杜文澜为上市公司监管司司长。", [("中国青禾监管委员会", O), ("杜文澜", P)],
     {("杜文澜", "中国青禾监管委员会", "司长")}),
    ("星河科技董事会已同意聘任王建国先生为行长。", [("星河科技", C), ("王建国", P)], {("王建国", "星河科技", "行长")}),
    ("星河科技董事会批准委任李明为联席首席执行官，并委任赵磊为独立非执行董事。", [("星河科技", C), ("李明", P), ("赵磊", P)],
     {("李明", "星河科技", "联席首席执行官"), ("赵磊", "星河科技", "独立非执行董事")}),
    # an employer left unsaid in an appointment: the paragraph's only one (not when it named two)
    ("星河科技发布公告，副董事长王建国辞去副董事长职务。董事会选举总裁李明为副董事长，李明仍兼任首席技术官。",
     [("星河科技", C), ("王建国", P), ("李明", P), ("李明", P)],
     {("王建国", "星河科技", "副董事长"), ("李明", "星河科技", "总裁"), ("李明", "星河科技", "副董事长"),
      ("李明", "星河科技", "首席技术官")}),
    ("星河科技与蓝湾汽车签署协议。董事会选举总裁李明为副董事长。", [("星河科技", C), ("蓝湾汽车", C), ("李明", P)], set()),
    # 协会 and 集团 refer back; 旗下的X makes X the topic; 由公司… is the topic company
    ("中国青禾行业协会在北京召开理事会，协会常务副会长兼秘书长李明通报了数据。",
     [("中国青禾行业协会", O), ("北京", "Place"), ("李明", P)],
     {("李明", "中国青禾行业协会", "常务副会长"), ("李明", "中国青禾行业协会", "秘书长")}),
    ("蓝湾建材集团召开大会。王建国此前担任青禾工程股份有限公司董事长。原董事长李明不再担任集团董事长职务。",
     [("蓝湾建材集团", C), ("王建国", P), ("青禾工程股份有限公司", C), ("李明", P)],
     {("王建国", "青禾工程", "董事长"), ("李明", "蓝湾建材", "董事长")}),
    ("蓝湾汽车旗下的星河智能宣布，原蓝湾汽车副总裁李明出任公司CFO。", [("蓝湾汽车", C), ("星河智能", C), ("蓝湾汽车", C), ("李明", P)],
     {("李明", "蓝湾汽车", "副总裁"), ("李明", "星河智能", "CFO")}),
    ("蓝湾电池的发布会由公司执行副总裁何其远主持。", [("蓝湾电池", C), ("何其远", P)], {("何其远", "蓝湾电池", "执行副总裁")}),
    # a former employer in the person's own phrase is not the employer of the new post
    ("星驰智能调整管理层：前大疆创新CTO苏鹤鸣加盟并担任CTO。", [("星驰智能", C), ("大疆创新", C), ("苏鹤鸣", P)],
     {("苏鹤鸣", "大疆创新", "CTO"), ("苏鹤鸣", "星驰智能", "CTO")}),
    ("青禾学会在南京开会，蓝湾大学副校长、星河学院教授陆雨桐当选副理事长。",
     [("青禾学会", O), ("南京", "Place"), ("蓝湾大学", O), ("星河学院", O), ("陆雨桐", P)],
     {("陆雨桐", "蓝湾大学", "副校长"), ("陆雨桐", "星河学院", "教授"), ("陆雨桐", "青禾学会", "副理事长")}),
    ("蓝湾大学教授、青禾工程院院士林海出席。", [("蓝湾大学", O), ("青禾工程院", O), ("林海", P)],
     {("林海", "蓝湾大学", "教授"), ("林海", "青禾工程院", "院士")}),
    ("蓝湾医疗创始人Lukas Brenner将留任首席技术官。", [("蓝湾医疗", C), ("Lukas Brenner", P)],
     {("Lukas Brenner", "蓝湾医疗", "首席技术官")}),
    ("星河科技在北京举办大会，亚太区副总裁詹姆斯·卡特介绍了新品。", [("星河科技", C), ("北京", "Place"), ("詹姆斯·卡特", P)],
     {("詹姆斯·卡特", "星河科技", "副总裁")}),
    # an untitled worksFor is dropped when the text gives the post elsewhere
    ("星河科技副总裁赵磊表示满意。赵磊2019年加入星河科技。", [("星河科技", C), ("赵磊", P), ("赵磊", P), ("星河科技", C)],
     {("赵磊", "星河科技", "副总裁")}),
    # a denial still negates a post
    ("王建国否认将出任星河科技首席执行官。", [("王建国", P), ("星河科技", C)], set()),
]


@pytest.mark.parametrize("text,ents,expected", WORKS_CASES)
def test_titles_posts_and_employers(text, ents, expected):
    doc = make_doc(text, ents)
    got = {(t[0], t[2], t[3]) for t in triples(doc) if t[1] == "worksFor"}
    assert got == expected


def test_unit_is_cut_from_a_traditional_title_as_written():
    text = "滙豐控股亞太區財務總監鄭雅文表示。"
    norm = "汇丰控股亚太区财务总监郑雅文表示。"
    doc = make_doc(text, [("汇丰控股", "Company"), ("郑雅文", "Person")], norm=norm)
    assert only(doc, "worksFor").title == "財務總監"


# --------------------------------------------------------------------------- recall on common phrasings


def test_effort_in_a_field_gives_the_pronoun_subject_its_sector():
    doc = make_doc("青峰电子总裁罗一鸣表示，公司正加大在工业互联网和边缘计算领域的投入。",
                   [("青峰电子", "Company"), ("罗一鸣", "Person"), ("工业互联网", "Industry"), ("边缘计算", "Industry")])
    got = {t for t in triples(doc) if t[1] == "inIndustry"}
    assert got == {("青峰电子", "inIndustry", "工业互联网", None), ("青峰电子", "inIndustry", "边缘计算", None)}
    # a field the company only plans to enter is still no sector of it
    doc = make_doc("青峰电子总裁罗一鸣表示，公司计划在氢能领域布局。",
                   [("青峰电子", "Company"), ("罗一鸣", "Person"), ("氢能", "Industry")])
    assert not [t for t in triples(doc) if t[1] == "inIndustry"]


def test_sector_lists_repeat_their_cue_and_several_firms_focus():
    doc = make_doc("松果保险将继续深耕养老产业和长期护理保险业务。",
                   [("松果保险", "Company"), ("养老", "Industry"), ("长期护理保险", "Industry")])
    assert {doc.mentions[r.object].name for r in doc.relations if r.predicate == "inIndustry"} == {"养老", "长期护理保险"}
    doc = make_doc("橙子出行、蓝点打车和青桔快跑相继布局无人驾驶赛道。",
                   [("橙子出行", "Company"), ("蓝点打车", "Company"), ("青桔快跑", "Company"), ("无人驾驶", "Industry")])
    assert {t[0] for t in triples(doc) if t[1] == "inIndustry"} == {"橙子出行", "蓝点打车", "青桔快跑"}


def test_second_product_after_and_announces_and_signature_product():
    doc = make_doc("鲸歌音响在深圳发布降噪耳机“静海2”，并宣布便携音箱声浪Mini同步开售。",
                   [("鲸歌音响", "Company"), ("深圳", "Place"), ("静海2", "Product"), ("声浪Mini", "Product")])
    got = {t for t in triples(doc) if t[1] == "manufacturer"}
    assert got == {("静海2", "manufacturer", "鲸歌音响", None), ("声浪Mini", "manufacturer", "鲸歌音响", None)}
    # 并 followed by anything but a launch does not hand the product to the maker
    doc = make_doc("鲸歌音响发布降噪耳机“静海2”，并全面适配鸿蒙系统。",
                   [("鲸歌音响", "Company"), ("静海2", "Product"), ("鸿蒙系统", "Product")])
    assert ("鸿蒙系统", "manufacturer", "鲸歌音响", None) not in triples(doc)
    doc = make_doc("果岭茶饮近日开出第500家门店，其招牌产品栀子白茶年销量超过千万杯。",
                   [("果岭茶饮", "Company"), ("栀子白茶", "Product")])
    assert triples(doc) == [("栀子白茶", "manufacturer", "果岭茶饮", None)]


def test_maker_after_pronoun_sentence_is_not_the_investor():
    doc = make_doc("石榴机器人日前完成B轮融资。公司本轮融资由晨光资本领投。其自主研发的巡检机器人“鹰眼”已量产。",
                   [("石榴机器人", "Company"), ("晨光资本", "Company"), ("鹰眼", "Product")])
    got = set(triples(doc))
    assert ("鹰眼", "manufacturer", "石榴机器人", None) in got
    assert ("鹰眼", "manufacturer", "晨光资本", None) not in got


def test_product_in_production_takes_the_one_company_named():
    doc = make_doc("远芯微电子则宣布，新一代存储芯片玄武M2已实现量产。",
                   [("远芯微电子", "Company"), ("玄武M2", "Product")])
    assert ("玄武M2", "manufacturer", "远芯微电子", None) in triples(doc)


def test_partner_named_by_both_companies_and_through_a_parent():
    doc = make_doc("禾木科技与云杉数据签署合作协议。两家公司将共同开发工业质检平台。",
                   [("禾木科技", "Company"), ("云杉数据", "Company")])
    assert set(triples(doc)) == {("禾木科技", "partnerOf", "云杉数据", None)}
    assert {r.method for r in doc.relations} == {"partnerOf:agreement", "partnerOf:both-sides-pair"}
    doc = make_doc("禾木科技与光合集团旗下的光合物流达成战略合作。",
                   [("禾木科技", "Company"), ("光合集团", "Company"), ("光合物流", "Company")])
    got = {t for t in triples(doc) if t[1] == "partnerOf"}
    assert got == {("禾木科技", "partnerOf", "光合物流", None)}
    doc = make_doc("禾木科技宣布与连锁餐饮企业麦香记达成战略合作。",
                   [("禾木科技", "Company"), ("连锁餐饮", "Industry"), ("麦香记", "Company")])
    assert ("禾木科技", "partnerOf", "麦香记", None) in triples(doc)


def test_investor_list_with_round_roles_after_receive():
    doc = make_doc("极光储能获得北岸资本领投、南山创投跟投的5亿元融资。",
                   [("极光储能", "Company"), ("北岸资本", "Company"), ("南山创投", "Company")])
    got = {t for t in triples(doc) if t[1] == "investedIn"}
    assert got == {("北岸资本", "investedIn", "极光储能", None), ("南山创投", "investedIn", "极光储能", None)}


def test_cofounder_after_a_person_with_employer_and_title():
    doc = make_doc("松鼠智能成立于2021年，由程北辰与复旦大学教授叶知秋共同创办。",
                   [("松鼠智能", "Company"), ("程北辰", "Person"), ("复旦大学", "Organization"), ("叶知秋", "Person")])
    got = {t for t in triples(doc) if t[1] == "founder"}
    assert got == {("松鼠智能", "founder", "程北辰", None), ("松鼠智能", "founder", "叶知秋", None)}


def test_is_also_a_sector_leader_and_controlled_sector_firm():
    doc = make_doc("北岭矿机是北岭重工的全资子公司，也是矿山装备领域的龙头企业。",
                   [("北岭矿机", "Company"), ("北岭重工", "Company"), ("矿山装备", "Industry")])
    got = set(triples(doc))
    assert ("北岭矿机", "inIndustry", "矿山装备", None) in got
    assert ("北岭矿机", "parentOrganization", "北岭重工", None) in got
    doc = make_doc("北岭重工表示，北岭矿机是公司控股的矿山装备企业。",
                   [("北岭重工", "Company"), ("北岭矿机", "Company"), ("矿山装备", "Industry")])
    assert ("北岭矿机", "parentOrganization", "北岭重工", None) in triples(doc)
