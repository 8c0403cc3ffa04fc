"""The HTML view in a real headless Chromium, offline from file://.

Skipped when the playwright package or the Debian chromium binary is missing
(``playwright install`` is never run: the system browser is used).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from test_html import IMG, SCRIPT, sample_graph  # noqa: E402

from graph_builder.export.html import CHROMIUM, CHROMIUM_ARGS, write_html  # noqa: E402

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield b
        b.close()


@pytest.fixture(scope="module")
def html_file(tmp_path_factory):
    return write_html(sample_graph(), tmp_path_factory.mktemp("view") / "graph.html", title="测试图谱")


@pytest.fixture()
def page(browser, html_file):
    """The view opened and drawn, with every console error, page error, request and dialog recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.problems, pg.requests, pg.dialogs = [], [], []
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("request", lambda r: pg.requests.append(r.url))

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.goto(Path(html_file).resolve().as_uri())
    pg.wait_for_function("window.graphReady === true", timeout=30_000)
    yield pg
    context.close()


def offline_and_clean(pg):
    """Nothing but local loads, no errors, no dialog, no element made from input markup."""
    remote = [u for u in pg.requests if not u.startswith(LOCAL_SCHEMES)]
    assert remote == []
    assert pg.problems == []
    assert pg.dialogs == []
    assert pg.evaluate("document.querySelectorAll('img, b').length") == 0


def node_index(pg, label):
    i = pg.evaluate("l => graphView.data.nodes.findIndex(n => n.l === l)", label)
    assert i >= 0, label
    return i


def click_node(pg, label):
    """A real mouse click at the node's position on the canvas."""
    i = node_index(pg, label)
    pg.evaluate("i => graphView.network.focus(i, {scale: 1.2, animation: false})", i)
    pg.wait_for_timeout(100)
    dom = pg.evaluate("i => graphView.network.canvasToDOM(graphView.network.getPositions([i])[i])", i)
    box = pg.locator("#network").bounding_box()
    pg.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])
    pg.wait_for_selector("#panel.show")
    return i


def test_loads_offline_without_errors(page):
    assert page.title() == "测试图谱"
    assert page.evaluate("graphView.nodes.length") == 10
    offline_and_clean(page)


def test_legend_and_relation_names_in_chinese(page):
    legend = page.locator("#legend .type-name").all_text_contents()
    assert legend == ["人物", "公司", "机构", "产品", "行业", "地点"]
    relations = page.locator("#relations").inner_text()
    for name in ("任职", "创始人", "制造商", "所属行业", "合作", "投资", "共现"):
        assert name in relations
    # Co-mention edges start hidden; the toggle shows them.
    hidden = "graphView.edges.get().filter(e => e.hidden).length"
    co = page.evaluate("graphView.data.edges.filter(e => graphView.data.predicates[e.p] === 'coMention').length")
    assert co > 0 and page.evaluate(hidden) == co
    page.locator("#relations [data-predicate=coMention] input").check()
    assert page.evaluate(hidden) == 0
    offline_and_clean(page)


def test_search_finds_part_of_a_chinese_name(page):
    page.locator("#search").type("晓峰")
    results = page.locator("#search-results .result-label")
    results.first.wait_for()
    assert results.all_text_contents() == ["林晓峰"]
    # An alias is searchable too, and Enter opens the entity.
    page.locator("#search").fill("")
    page.locator("#search").type("科技公司")
    assert page.locator("#search-results .result-label").all_text_contents() == ["星河科技"]
    page.locator("#search").press("Enter")
    assert page.locator("#panel .title").text_content() == "星河科技"
    offline_and_clean(page)


def test_type_filter_hides_other_types(page):
    for t in ("Company", "Organization", "Product", "Industry", "Place"):
        page.locator(f"#legend [data-type={t}] input").uncheck()
    shown = page.evaluate(
        "graphView.nodes.get().filter(n => !n.hidden)"
        ".map(n => graphView.data.types[graphView.data.nodes[n.id].t])"
    )
    assert sorted(shown) == ["Person", "Person"]
    # Edges to hidden nodes go too; the person-person graph here has none.
    assert page.evaluate("graphView.edges.get().filter(e => !e.hidden).length") == 0
    page.locator("#legend [data-type=Company] input").check()
    assert page.evaluate("graphView.nodes.get().filter(n => !n.hidden).length") == 6
    offline_and_clean(page)


def test_degree_and_document_filters(page):
    page.locator("#doc-filter").select_option(label="北辰医药任命新首席执行官（2024-04-02）")
    visible = page.evaluate("graphView.nodes.get().filter(n => !n.hidden).map(n => n.label)")
    assert sorted(visible) == sorted(["王美玲", "北辰医药", "医药制造", "国家药监局"])
    page.locator("#doc-filter").select_option(value="-1")
    page.locator("#min-degree").fill("3")
    degrees = page.evaluate("graphView.nodes.get().filter(n => !n.hidden).map(n => graphView.data.nodes[n.id].d)")
    assert degrees and min(degrees) >= 3
    offline_and_clean(page)


def test_click_shows_evidence_and_source(page):
    click_node(page, "林晓峰")
    panel = page.locator("#panel")
    assert panel.locator(".title").text_content() == "林晓峰"
    assert panel.locator(".badge").text_content() == "人物"
    text = panel.inner_text()
    assert "林晓峰现任星河科技董事长。" in text
    assert "星河科技发布新一代芯片" in text and "示例日报" in text and "2024-03-01" in text
    assert "职务：董事长" in text and "任职" in text and "置信度 0.90" in text
    marks = panel.locator(".evidence mark").all_text_contents()
    assert "林晓峰" in marks and "星河科技" in marks and "星河科技公司" in marks
    # The neighbourhood stays coloured, the rest is dimmed.
    colours = page.evaluate("Object.fromEntries(graphView.nodes.get().map(n => [n.label, n.color]))")
    assert colours["王美玲"].startswith("rgba(200")
    assert not colours["星河科技"].startswith("rgba(200")
    offline_and_clean(page)


def test_injected_strings_stay_text(page):
    page.locator("#search").type("<img")
    page.locator("#search-results .result-label").first.wait_for()
    assert page.locator("#search-results .result-label").all_text_contents() == [IMG]
    page.locator("#search").press("Enter")
    panel = page.locator("#panel")
    assert panel.locator(".title").text_content() == IMG
    sentences = panel.locator(".evidence .sentence").all_text_contents()
    assert any(SCRIPT in s and IMG in s for s in sentences)
    assert IMG in panel.locator(".evidence mark").all_text_contents()
    assert "蓝海资本投资星河科技 <b>独家</b>" in panel.inner_text()
    options = page.locator("#doc-filter option").all_text_contents()
    assert "蓝海资本投资星河科技 <b>独家</b>（2024-03-05）" in options
    click_node(page, IMG)
    page.wait_for_timeout(300)  # give any injected onerror handler time to fire a dialog
    offline_and_clean(page)


def test_community_colouring_toggle(page):
    before = page.evaluate("graphView.nodes.get().map(n => n.color)")
    page.locator("input[name=color-mode][value=community]").check()
    after = page.evaluate("graphView.nodes.get().map(n => n.color)")
    comm = page.evaluate("graphView.data.nodes.map(n => n.m)")
    assert before != after
    # Same community, same colour.
    by_comm = {}
    for c, colour in zip(comm, after):
        by_comm.setdefault(c, set()).add(colour)
    assert all(len(v) == 1 for v in by_comm.values())
    offline_and_clean(page)


def test_large_graph_draws_without_physics(browser, tmp_path):
    from test_html import synthetic_graph

    path = write_html(synthetic_graph(1200), tmp_path / "big.html", max_nodes=1000)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(path.resolve().as_uri())
    pg.wait_for_function("window.graphReady === true", timeout=60_000)
    assert pg.evaluate("graphView.nodes.length") == 1000
    assert pg.evaluate("graphView.network.physics.options.enabled") is False
    notice = pg.locator("#notice").inner_text()
    assert "200" in notice and "--max-nodes" in notice
    # Selecting in a big view uses vis's own highlight: the node is selected, the panel opens.
    pg.evaluate("graphView.selectNode(0, true)")
    assert pg.evaluate("graphView.network.getSelectedNodes()") == [0]
    assert pg.locator("#panel .title").text_content() == pg.evaluate("graphView.data.nodes[0].l")
    assert errors == []
    context.close()
