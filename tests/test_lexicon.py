"""Lexicon loaders, the industry taxonomy and user lexicons."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder import lexicon

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def test_companies_are_clean_short_names():
    comp = lexicon.companies()
    assert len(comp) > 4000
    assert comp["平安银行"] == "银行"
    assert "万科" in comp and "万科A" not in comp  # share class letter stripped
    assert not any(n.startswith(("ST", "*ST")) for n in comp)
    assert all(len(n) >= 2 for n in comp)


def test_ambiguous_company_names_are_ordinary_words():
    amb = lexicon.ambiguous_companies()
    assert "太阳能" in amb and "机器人" in amb
    assert "比亚迪" not in amb


def test_surnames_titles_places():
    sn = lexicon.surnames()
    assert sn["王"] > 1000 and "欧阳" in sn and "诸葛" in sn
    assert "殴阳" not in sn  # typo variant dropped
    titles = lexicon.titles()
    for t in ("董事长", "副总裁", "首席执行官", "CEO", "总经理"):
        assert t in titles
    assert "中共党员" not in titles
    assert all(len(t) <= 8 and not any(c.isdigit() for c in t) for t in titles)
    assert lexicon.places()["深圳市"] == "深圳"


def test_taxonomy_is_a_tree_with_extension():
    tax = lexicon.taxonomy()
    assert tax["制造业"]["code"] == "C" and tax["制造业"]["broader"] == []
    assert tax["汽车制造业"]["broader"] == ["制造业"]
    assert tax["新能源汽车"]["broader"] == ["汽车整车制造"]
    for name, c in tax.items():
        for parent in c["broader"]:
            assert parent in tax, (name, parent)
    # Every altLabel points to exactly one concept.
    seen = {}
    for name, c in tax.items():
        for alt in c["altLabels"]:
            assert alt not in seen and alt not in tax, alt
            seen[alt] = name


@pytest.mark.parametrize("label,canonical", [
    ("新能源车", "新能源汽车"), ("电商", "电子商务"), ("AI", "人工智能"), ("ａｉ", "人工智能"),
    ("AI领域", "人工智能"), ("房地产", "房地产"), ("软件和信息技术服务", "软件和信息技术服务业"),
])
def test_industry_lookup(label, canonical):
    assert lexicon.lookup_industry(label) == canonical


def test_industry_lookup_unknown():
    assert lexicon.lookup_industry("火星殖民") is None


def test_suffixes_and_cues():
    comp = lexicon.suffixes("company")
    assert comp["有限公司"] == "strong" and comp["公司"] == "core" and comp["科技"] == "weak"
    assert "委员会" in lexicon.suffixes("org")
    assert "发布" in lexicon.cues("product") and "行业" in lexicon.cues("industry")
    with pytest.raises(ValueError):
        lexicon.suffixes("planet")


def test_user_lexicon(tmp_path):
    from graph_builder.doc import Document
    from graph_builder.recognize import recognize

    f = tmp_path / "user.txt"
    f.write_text("# my names\n青鸟速运 10 nt Company\n蓝莓星球 Product\n脑机接口 Industry\n", encoding="utf-8")
    assert lexicon.add_user_lexicon(f) == 3
    assert "青鸟速运" in lexicon.companies()
    assert lexicon.lookup_industry("脑机接口") == "脑机接口"
    doc = recognize(Document(id="u", text="青鸟速运推出蓝莓星球，进军脑机接口。"))
    got = {(m.name, m.type) for m in doc.mentions}
    assert ("青鸟速运", "Company") in got and ("蓝莓星球", "Product") in got and ("脑机接口", "Industry") in got


def test_user_lexicon_bad_line(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text("青鸟速运 10 nt Spaceship\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.txt:1"):
        lexicon.add_user_lexicon(f)


@pytest.mark.skipif(not (SHARED / "lexicons").is_dir(), reason="../shared/data is not available")
def test_build_script_reproduces_the_shipped_files(tmp_path, monkeypatch):
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("build_lexicons", root / "scripts" / "build_lexicons.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    companies = mod.build_companies(SHARED)
    shipped = {r[0] for r in lexicon._rows("companies.txt")}
    assert set(companies) == shipped
    assert mod.clean_stock_name("*ST全新") == "全新" and mod.clean_stock_name("寒武纪-U") == "寒武纪"


@pytest.mark.skipif(not (SHARED / "lexicons").is_dir(), reason="../shared/data is not available")
def test_build_script_output_is_what_ships(tmp_path, monkeypatch):
    # every generated file, rebuilt from the shared data and the hand-written lists of the tree, is
    # byte-identical to the shipped one (a hand-written drop list edited without a rerun would leave
    # the generated list stale: 天猫 stayed a corpus company after the drop list named it)
    import importlib.util
    import shutil

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("build_lexicons", root / "scripts" / "build_lexicons.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    lex = tmp_path / "lexicons"
    shutil.copytree(mod.LEX_DIR, lex)
    monkeypatch.setattr(mod, "LEX_DIR", lex)
    monkeypatch.setattr(mod, "INDUSTRIES", tmp_path / "industries.json")
    assert mod.main(["--shared", str(SHARED)]) == 0
    assert (tmp_path / "industries.json").read_bytes() == \
        (root / "graph_builder" / "data" / "industries.json").read_bytes()
    for path in sorted(lex.iterdir()):
        assert path.read_bytes() == (root / "graph_builder" / "data" / "lexicons" / path.name).read_bytes(), path.name


def test_investor_and_partner_cues():
    from graph_builder import lexicon as lx

    assert {"领投", "跟投"} <= lx.cues("investor")
    assert "签署" in lx.cues("partner")
    assert lx.suffixes("company")["创投"] == "core"
    assert lx.suffixes("company")["投资基金"] == "strong"


def test_sibling_sectors_are_not_one_concept():
    # a floor-sweeping robot is no lawn-mowing robot: siblings under 家用机器人, not alt labels of one
    assert lexicon.lookup_industry("扫地机器人") == "扫地机器人"
    assert lexicon.lookup_industry("割草机器人") == "割草机器人"
    assert lexicon.lookup_industry("工商业储能") != lexicon.lookup_industry("户用储能")
    assert lexicon.lookup_industry("储能逆变器") != lexicon.lookup_industry("光伏逆变器")
    assert lexicon.lookup_industry("资源回收") != lexicon.lookup_industry("电池回收")  # broader, not the same


@pytest.mark.parametrize("label,ancestor", [
    ("即时零售", "零售业"), ("低空旅游", "低空经济"), ("城市空中交通", "低空经济"), ("割草机器人", "机器人"),
    ("健康保险", "保险业"), ("潮玩", "玩具制造"), ("户用储能", "储能"), ("光伏逆变器", "光伏"),
    ("主机游戏", "游戏"), ("Robotaxi", "自动驾驶"), ("扫地机器人", "家用机器人"), ("泳池机器人", "机器人"),
    ("工商业储能", "储能"), ("储能逆变器", "储能"), ("电池回收", "资源回收"),
])
def test_news_sectors_are_surface_labels_under_a_broader_concept(label, ancestor):
    # sectors news names with a cue (即时零售业务, 低空旅游领域) must be whole surface labels, placed
    # in the tree so that a query for the broader sector reaches them
    assert label in lexicon.industry_surface_labels()
    tax = lexicon.taxonomy()
    name, seen = lexicon.lookup_industry(label), set()
    frontier = [name]
    while frontier:
        node = frontier.pop()
        seen.add(node)
        frontier.extend(p for p in tax[node]["broader"] if p not in seen)
    assert ancestor in seen, (label, seen)


def test_edition_words_and_report_words():
    # Chinese edition words end a model name (骁龙8至尊版); report words never start or end one
    assert {"至尊版", "青春版"} <= lexicon.cues("product_edition")
    assert {"营收", "同比", "获批"} <= lexicon.cues("product_stop")


@pytest.mark.parametrize("kind, word", [
    ("amount_hedge", "约"), ("founding_verb", "注册成立"), ("leader", "龙头"), ("firm_cue", "厂商"),
    ("firm_kind", "制造商"), ("event_word", "展会"), ("place_unit", "研发中心"), ("deal_verb", "增持"),
    ("subsidiary_head", "全资子公司"), ("startup_head", "创企"), ("target_head", "抑制剂"),
    ("named_kind", "商品"), ("fund_product_head", "货币基金"), ("park_head", "科学工业园区"),
    ("standard_head", "认证"), ("national_prefix", "国有"), ("body_head", "总局"),
    ("business_scope_verb", "涵盖"), ("business_scope_subject", "经营范围"), ("main_business", "主营业务"),
    ("former_post_lead", "此前"), ("former_post_verb", "就职于"), ("former_post", "历任"), ("former", "原任"),
])
def test_cue_kinds_moved_from_code(kind, word):
    # Cue words the recogniser and the relation extractor once listed in code load from their files
    assert word in lexicon.cues(kind)
    assert len(lexicon.cues_longest_first(kind)[0]) == max(map(len, lexicon.cues(kind)))


def test_former_patterns_built_from_cue_files():
    # relate's former-employer patterns are built from the former_* cue files, longest word first
    from graph_builder import relate

    assert relate._former_post_re().search("他曾在") and relate._former_post_re().search("历任")
    assert relate._former_post_re().search("他在") is None
    assert relate._former_re().search("原任") and relate._former_re().search("现") is None
