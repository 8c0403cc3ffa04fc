"""Firms of one group that share a brand are kept apart; true short forms still merge.

Names and sentences are invented for these tests; mentions are set by hand.
"""
from __future__ import annotations

from graph_builder import resolve as resolve_mod
from graph_builder.resolve import corpus_key_map, is_short_form

from doc_helpers import company_keys  # noqa: E402  (tests/ is on sys.path)


def test_group_parent_and_sister_firm_stay_apart():
    text = "青禾控股旗下的青禾航空新增两架货机。青禾控股表示，青禾航空将扩充机队。"
    assert company_keys(text, ["青禾控股", "青禾航空", "青禾控股", "青禾航空"]) == ["青禾", "青禾航空"] * 2


def test_group_with_legal_suffix_and_port_firm_stay_apart():
    text = "蓝湾集团有限公司宣布，李明出任蓝湾港口副总经理。"
    assert company_keys(text, ["蓝湾集团有限公司", "蓝湾港口"]) == ["蓝湾", "蓝湾港口"]
    text = "星澜控股集团旗下的星澜供应链完成新一轮融资。"
    assert company_keys(text, ["星澜控股集团", "星澜供应链"]) == ["星澜", "星澜供应链"]


def test_bare_brand_still_resolves_to_its_unique_longer_name():
    # written without 控股/集团 the brand is a short reference, as before
    text = "青禾航空新增两架货机，青禾方面表示将扩充机队。"
    assert company_keys(text, ["青禾航空", "青禾"]) == ["青禾航空", "青禾航空"]


def test_true_short_forms_still_merge():
    text = "星澜控股有限公司发布财报，星澜公司表示，星澜将加大投入。"
    assert set(company_keys(text, ["星澜控股有限公司", "星澜公司", "星澜"])) == {"星澜"}
    text = "阿里巴巴集团宣布，阿里将加大投入，阿里巴巴表示满意。"
    assert set(company_keys(text, ["阿里巴巴集团", "阿里", "阿里巴巴"])) == {"阿里巴巴"}
    # the group suffix does not split a brand from its own name-form or a longer brand
    assert len(set(company_keys("星澜集团发布新品，星澜科技表示将加大投入。", ["星澜集团", "星澜科技"]))) == 1
    assert set(company_keys("阿里集团宣布，阿里巴巴将加大投入。", ["阿里集团", "阿里巴巴"])) == {"阿里巴巴"}


def test_short_form_function_is_unchanged():
    assert is_short_form("青禾", "青禾航空")  # alone it may still be a short form
    assert not is_short_form("腾讯", "腾讯音乐")


def test_word_by_word_contraction_links_to_the_long_name():
    text = "中国北辰航空物流股份有限公司今日公告，北航物流上半年净利润增长。"
    keys = company_keys(text, ["中国北辰航空物流股份有限公司", "北航物流"])
    assert len(set(keys)) == 1
    text = "中国商用飞机有限责任公司宣布新机型下线，中国商飞表示年内交付。"
    assert len(set(company_keys(text, ["中国商用飞机有限责任公司", "中国商飞"]))) == 1


def test_contraction_needs_every_word_and_a_unique_match():
    # 北辰 alone is a prefix (is_short_form's business), 南航物流 starts differently
    text = "中国北辰航空物流股份有限公司今日公告，南航物流表示将扩张。"
    assert len(set(company_keys(text, ["中国北辰航空物流股份有限公司", "南航物流"]))) == 2
    assert not resolve_mod._abbreviates_parts("北物", "北辰航空物流")  # 航空 gives nothing
    assert resolve_mod._abbreviates_parts("北航物流", "中国北辰航空物流")


def test_brand_of_a_known_business_firm(monkeypatch):
    known = {"青禾超市": "青禾超市"}
    monkeypatch.setattr(resolve_mod, "_known_companies", lambda: known)
    text = "青禾超市发布年报。青禾表示将调整门店。"
    assert company_keys(text, ["青禾超市", "青禾"]) == ["青禾超市", "青禾超市"]
    # a brand the lexicon knows by itself stays its own firm
    known["青禾"] = "青禾"
    assert company_keys(text, ["青禾超市", "青禾"]) == ["青禾超市", "青禾"]


def test_corpus_map_is_unchanged_for_group_names():
    m = corpus_key_map([("Company", "阿里"), ("Company", "阿里巴巴"), ("Company", "腾讯"), ("Company", "腾讯音乐")])
    assert m[("Company", "阿里")] == "阿里巴巴" and m[("Company", "腾讯")] == "腾讯"


def test_corpus_map_keeps_a_group_written_whole_apart_from_its_sister_firm():
    keys = [("Company", "青禾"), ("Company", "青禾航空")]
    assert corpus_key_map(keys)[("Company", "青禾")] == "青禾航空"  # nothing says 青禾 is the group
    m = corpus_key_map(keys, complete=[("Company", "青禾")])  # another document wrote 青禾控股
    assert m[("Company", "青禾")] == "青禾" and m[("Company", "青禾航空")] == "青禾航空"
    # a written group name is still the short form of a name-form word (星河集团 is 星河科技)
    m = corpus_key_map([("Company", "星河"), ("Company", "星河科技")], complete=[("Company", "星河")])
    assert m[("Company", "星河")] == "星河科技"


def test_build_keeps_sister_firms_of_two_documents_apart(tmp_path):
    import json

    from graph_builder import api

    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in [
        ("a", "青禾控股今日发布公告，公司董事长李明表示将继续加大研发投入。"),
        ("b", "青禾航空新增两架货机，青禾航空总裁王芳出席了交付仪式。"),
    ]) + "\n", encoding="utf-8")
    api.build([str(src)], outdir=tmp_path / "out", html=False)
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert 'rdfs:label "青禾"@zh' in ttl and 'rdfs:label "青禾航空"@zh' in ttl  # two nodes, not one


def test_head_and_last_word_of_a_legal_name_link_to_it():
    text = "武汉驰野新能源汽车有限公司完成C轮融资。驰野汽车旗下首款纯电SUV已交付。"
    assert len(set(company_keys(text, ["武汉驰野新能源汽车有限公司", "驰野汽车"]))) == 1
    text = "宁波拓衡精密传动有限公司完成融资。拓衡传动创始人表示将建新厂。"
    assert len(set(company_keys(text, ["宁波拓衡精密传动有限公司", "拓衡传动"]))) == 1


def test_head_and_tail_needs_a_skipped_middle_and_a_word_edge():
    assert not resolve_mod._head_and_tail("比亚迪汽车", "比亚迪汽车工业")  # nothing left out
    assert not resolve_mod._head_and_tail("中国银行", "中国建设银行")  # 中国建设银行 is one word
    assert not resolve_mod._head_and_tail("驰汽", "驰野新能源汽车")  # too short
