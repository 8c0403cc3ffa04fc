"""Round 14 (thirteenth session): a subsidiary kept apart from a parent whose short form it
starts with, a firm named again after a listed shorter firm took its first characters, and the
fixes from the fresh batch dev-1284..1331."""
from doc_helpers import recognized, recognized_doc, relation_triples, company_keys


# --- resolve: a unit introduced as a subsidiary is no longer form of the parent's short form -----

_FUSHUN = ("黑龙江福顺食品股份有限公司（以下简称“福顺”）今日宣布，旗下子公司福顺乳业有限公司将投资5亿元"
           "建设新工厂。福顺乳业总经理王海涛表示，新工厂将生产福顺纯牛奶。")


def test_subsidiary_not_merged_into_parent_short_form():
    keys = company_keys(_FUSHUN, ["黑龙江福顺食品股份有限公司", "福顺", "福顺乳业有限公司", "福顺乳业"])
    assert keys[:4] == ["福顺", "福顺", "福顺乳业", "福顺乳业"]


def test_subsidiary_relations_point_at_the_unit():
    from graph_builder.relate import relate
    from graph_builder.resolve import resolve

    doc = relate(resolve(recognized_doc(_FUSHUN)))
    triples = {(doc.mentions[r.subject].key, r.predicate, doc.mentions[r.object].key) for r in doc.relations}
    assert ("福顺乳业", "parentOrganization", "福顺") in triples
    assert ("王海涛", "worksFor", "福顺乳业") in triples and ("王海涛", "worksFor", "福顺") not in triples


def test_short_form_of_group_still_merges_with_its_long_form():
    keys = company_keys("阿里巴巴集团控股有限公司（以下简称“阿里”）公布财报。阿里巴巴表示将继续投入云计算。",
                        ["阿里巴巴集团控股有限公司", "阿里", "阿里巴巴"])
    assert len(set(keys)) == 1


# --- recognize: a firm named again is that firm even where a listed shorter firm starts it ---------

def test_repeated_subsidiary_name_over_listed_parent_name():
    text = ("鄂尔多斯资源股份有限公司公告称，旗下子公司鄂尔多斯时尚将与法国设计公司成立合资公司，"
            "负责鄂尔多斯时尚高端羊绒系列的海外推广。鄂尔多斯时尚总经理乌兰图雅表示看好市场。")
    doc = recognized_doc(text)
    firms = [(m.name, m.start) for m in doc.mentions if m.type == "Company"]
    assert [n for n, _ in firms].count("鄂尔多斯时尚") == 3
    assert ("鄂尔多斯", "Company") not in recognized(text)
