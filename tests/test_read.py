"""The read stage: decoding, inputs, skips with reasons, boilerplate and metadata.

Every fixture is generated here; all text is written for these tests (the
companies, people and sites are invented).
"""
import io
import json
import os
import sys

import pytest

import graph_builder.read as read_mod
from graph_builder.read import decode, document_from_html, document_from_text, iter_documents, parse_date
from graph_builder.report import Report

SIMPLIFIED_100 = ("今年以来，华南某市的智能制造企业加快数字化转型步伐。据统计，一季度全市规模以上工业增加值同比增长"
                  "百分之八，其中电子信息产业贡献最大。多家龙头企业表示，将继续加大研发投入，推动产业链上下游协同发展。")
TRADITIONAL_100 = ("今年以來，華南某市的智慧製造企業加快數位化轉型步伐。據統計，第一季全市規模以上工業產值較去年同期"
                   "成長百分之八，其中電子資訊產業貢獻最大。多家龍頭企業表示，將持續加大研發投入，推動產業鏈上下游協同發展。")
ARTICLE = "星河电子股份有限公司12日在杭州发布了新一代储能电池产品，能量密度比上一代提升了三成。"

SCRAPED_PAGE = """首页 | 新闻 | 财经 | 科技 | 汽车 | 房产 | 教育
登录 注册
当前位置：首页 > 财经 > 公司动态 > 正文

星河电子发布新一代储能电池 能量密度提升三成

2026年3月12日 10:30  来源：东海商报  记者：李华 赵敏
【字号 大 中 小】 分享到：微信 微博 QQ空间

星河电子股份有限公司12日在杭州发布了新一代储能电池产品，能量密度比上一代提升了三成。公司董事长陈立新表示，新产品将于今年下半年在江苏工厂量产。

据介绍，星河电子与南岭汽车集团签署了战略合作协议，双方将在电池回收领域共同投资建设示范项目。南岭汽车集团总经理周文涛出席了签约仪式。

业内分析人士认为，随着储能市场需求持续增长，国内电池企业的竞争将更加激烈，技术迭代速度也会加快。

（完）
责任编辑：孙悦
上一篇：青岚科技完成B轮融资
下一篇：远航物流公布年度业绩

猜你喜欢
青岚科技完成B轮融资
储能行业迎来新机遇

友情链接
北辰资讯网
蓝海财经在线
云帆科技频道
东方汇通网

联系我们
电话：010-12345678　传真：010-12345679
邮箱：service@example.com
地址：北京市朝阳区示例路88号
版权所有 © 2026 东海商报社 京ICP备12345678号-1 京公网安备11010502000001号
技术支持：千帆网络科技有限公司
https://www.example.com/news/2026/0312/123.html
"""

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>远航物流公布年度业绩 净利润增长两成_东海商报</title>
<script>window.dataLayer = [{"company": "脚本里的幽灵公司"}];</script>
<style>.nav { color: red; }</style></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li>
<li><a href="/finance">财经</a></li><li><a href="/tech">科技</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/finance">财经</a> &gt; 正文</div>
<div class="main"><h1>远航物流公布年度业绩 净利润增长两成</h1>
<div class="info"><span>2026-03-15 09:12</span> <span>来源：东海商报</span> <span>记者：钱多多</span></div>
<div class="content" id="article">
<p>远航物流股份有限公司15日晚间发布年度报告，全年实现营业收入二百三十亿元，同比增长百分之十二；归属于上市公司股东的净利润十八亿元，同比增长两成。</p>
<p>报告显示，公司冷链业务增长最快，收入同比增长百分之三十五。远航物流董事长郑国强在致股东信中表示，公司将继续扩大在西南地区的仓储网络。</p>
<p>此外，远航物流还宣布与北岸港口集团成立合资公司，双方各持股百分之五十，主要经营跨境多式联运业务。</p>
</div><div class="share">分享到：微信 微博</div></div>
<div class="related"><h3>相关新闻</h3><ul><li><a>青岚科技完成B轮融资</a></li></ul></div>
<div class="footer"><p>友情链接：<a>北辰资讯网</a> | <a>蓝海财经在线</a></p>
<p>版权所有 © 2026 东海商报社 京ICP备12345678号</p><p>技术支持：千帆网络科技有限公司</p></div>
<script>document.write("广告位招租");</script>
</body></html>
"""


def content_text(doc):
    return "\n".join(doc.text[s:e] for s, e in doc.content)


def read_all(inputs):
    report = Report()
    return list(iter_documents([str(i) for i in inputs], report)), report


def reasons(report):
    return {(os.path.basename(s["source"]), s.get("line")): s["reason"] for s in report.skipped}


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_unicode_encodings(encoding):
    text = SIMPLIFIED_100 + "\nApple公司，2026年。"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))  # really without a BOM
    assert decode(data) == text


def test_decode_utf16le_with_bom_strips_the_bom():
    data = b"\xff\xfe" + "腾讯公司副总裁表示。".encode("utf-16-le")
    assert decode(data) == "腾讯公司副总裁表示。"


def test_decode_gbk_short_chinese():
    assert len(SIMPLIFIED_100) >= 95
    assert decode(SIMPLIFIED_100.encode("gbk")) == SIMPLIFIED_100
    assert decode("腾讯控股".encode("gbk")) == "腾讯控股"


def test_decode_big5_short_chinese():
    assert decode(TRADITIONAL_100.encode("big5")) == TRADITIONAL_100
    assert decode("鴻海精密".encode("big5")) == "鴻海精密"


def test_decode_gb18030_traditional():
    assert decode(TRADITIONAL_100.encode("gb18030")) == TRADITIONAL_100


def test_decode_keeps_newlines_exactly():
    assert decode("第一行\r\n第二行\r第三行\n".encode("utf-8")) == "第一行\r\n第二行\r第三行\n"


@pytest.mark.parametrize("data", [bytes(200), b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
                                  b"\x7fELF\x02\x01\x01" + bytes(range(32)) * 20])
def test_decode_binary_raises_one_line_value_error(data):
    with pytest.raises(ValueError) as exc:
        decode(data)
    assert "\n" not in str(exc.value) and "binary" in str(exc.value)


# --------------------------------------------------------------------------- files and skips


def test_missing_empty_binary_and_unreadable_are_skipped(tmp_path, monkeypatch):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    real_open = open

    def fake_open(path, *args, **kw):  # root ignores chmod, so deny access here
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)

    monkeypatch.setattr(read_mod, "open", fake_open, raising=False)
    names = ["missing.txt", "empty.txt", "blank.txt", "binary.txt", "locked.txt", "good.txt"]
    docs, report = read_all([tmp_path / n for n in names])
    assert [os.path.basename(d.id) for d in docs] == ["good.txt"]
    why = reasons(report)
    assert why[("missing.txt", None)] == "no such file or folder"
    assert why[("empty.txt", None)] == "empty file"
    assert why[("blank.txt", None)] == "empty file"
    assert "binary" in why[("binary.txt", None)]
    assert why[("locked.txt", None)] == "permission denied"
    assert all("\n" not in r for r in why.values())
    assert report.documents_read == 1 and report.characters == len(ARTICLE)


def test_text_file_document(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(("标题行示例\r\n\r\n" + ARTICLE).encode("gbk"))
    (doc,), _ = read_all([path])
    assert doc.id == str(path)
    assert doc.text == "标题行示例\r\n\r\n" + ARTICLE  # exactly as decoded, CRLF kept
    assert doc.meta["source"] == str(path)
    assert content_text(doc) == "标题行示例\n" + ARTICLE


def test_folder_recursion_order_and_extensions(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ["z.txt", "a/2.md", "a/1.txt", "b/page.htm", "m.html", "notes.csv", "a/img.png", ".hidden/x.txt",
                "data.jsonl"]:
        p = tmp_path / rel
        if rel.endswith((".htm", ".html")):
            p.write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
        elif rel.endswith(".jsonl"):
            p.write_text(json.dumps({"text": ARTICLE}, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            p.write_text(ARTICLE, encoding="utf-8")
    docs, report = read_all([tmp_path])
    rel = [os.path.relpath(d.id.rsplit(":", 1)[0] if d.id.endswith(":1") else d.id, tmp_path) for d in docs]
    assert rel == ["data.jsonl", "m.html", "z.txt", os.path.join("a", "1.txt"), os.path.join("a", "2.md"),
                   os.path.join("b", "page.htm")]
    assert report.skipped == []  # .csv, .png and hidden files in a folder are ignored silently
    again, _ = read_all([tmp_path])
    assert [d.id for d in again] == [d.id for d in docs]


def test_explicit_file_with_unknown_extension(tmp_path):
    good = tmp_path / "article.dat"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "image.dat"
    bad.write_bytes(bytes(range(256)) * 4)
    docs, report = read_all([good, bad])
    assert [d.text for d in docs] == [ARTICLE]
    assert "binary" in reasons(report)[("image.dat", None)]


def test_empty_folder_is_reported(tmp_path):
    (tmp_path / "only.csv").write_text("a,b", encoding="utf-8")
    docs, report = read_all([tmp_path])
    assert docs == [] and "no .txt" in report.skipped[0]["reason"]


# --------------------------------------------------------------------------- JSON Lines


def _jsonl(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_jsonl_good_and_bad_lines_with_line_numbers(tmp_path):
    path = _jsonl(tmp_path / "docs.jsonl", [
        json.dumps({"id": 7, "text": ARTICLE, "title": "星河电子发布新电池", "source": "东海商报",
                    "author": ["李华", "赵敏"], "date": "2026年3月12日 10:30", "url": "https://example.com/a"},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"id": "x", "body": ARTICLE}, ensure_ascii=False),
        "",
        json.dumps(["a list"]),
        json.dumps({"text": "南岭汽车集团总经理周文涛出席了签约仪式。"}, ensure_ascii=False),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
    ])
    docs, report = read_all([path])
    assert [d.id for d in docs] == ["7", f"{path}:6"]
    first = docs[0]
    assert first.text == ARTICLE
    assert first.meta == {"headline": "星河电子发布新电池", "publisher": "东海商报", "author": "李华、赵敏",
                          "date": "2026-03-12", "url": "https://example.com/a", "source": str(path)}
    why = reasons(report)
    assert set(why) == {("docs.jsonl", 2), ("docs.jsonl", 3), ("docs.jsonl", 5), ("docs.jsonl", 7),
                        ("docs.jsonl", 8)}
    assert why[("docs.jsonl", 2)].startswith("bad JSON")
    assert why[("docs.jsonl", 3)] == 'JSON line has no "text" string'
    assert why[("docs.jsonl", 8)] == 'JSON line has no "text" string'
    assert report.documents_read == 2


def test_jsonl_is_streamed(tmp_path):
    path = _jsonl(tmp_path / "s.jsonl", [json.dumps({"text": ARTICLE}, ensure_ascii=False), "{broken"])
    report = Report()
    it = iter_documents([str(path)], report)
    next(it)
    assert report.skipped == []  # line 2 not read yet
    assert list(it) == [] and report.skipped[0]["line"] == 2


def test_jsonl_with_invalid_utf8_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode("utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + b'{"text": "\xff\xfe\xfa"}\n' + good + b"\n")
    docs, report = read_all([path])
    assert len(docs) == 2
    assert [s["line"] for s in report.skipped] == [2]


def test_jsonl_empty_file(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    docs, report = read_all([path])
    assert docs == [] and report.skipped[0]["reason"].startswith("empty file")


# --------------------------------------------------------------------------- stdin


def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(monkeypatch):
    _stdin(monkeypatch, SCRAPED_PAGE.encode("utf-8"))
    (doc,), report = read_all(["-"])
    assert doc.id == "<stdin>" and doc.text == SCRAPED_PAGE
    assert doc.meta["publisher"] == "东海商报"


def test_stdin_gbk_text(monkeypatch):
    _stdin(monkeypatch, SIMPLIFIED_100.encode("gbk"))
    (doc,), _ = read_all(["-"])
    assert doc.text == SIMPLIFIED_100


def test_stdin_jsonl(monkeypatch):
    lines = [json.dumps({"id": "a", "text": ARTICLE}, ensure_ascii=False), "oops",
             json.dumps({"text": "南岭汽车集团总经理周文涛出席了签约仪式。"}, ensure_ascii=False)]
    _stdin(monkeypatch, ("\n" + "\n".join(lines) + "\n").encode("utf-8"))
    docs, report = read_all(["-"])
    assert [d.id for d in docs] == ["a", "<stdin>:4"]
    assert report.skipped == [{"source": "<stdin>", "reason": report.skipped[0]["reason"], "line": 3}]


def test_stdin_empty(monkeypatch):
    _stdin(monkeypatch, b"")
    docs, report = read_all(["-"])
    assert docs == [] and report.skipped[0]["reason"] == "empty input"


# --------------------------------------------------------------------------- boilerplate


def test_scraped_page_boilerplate_is_left_out():
    doc = document_from_text("page.txt", SCRAPED_PAGE)
    kept = content_text(doc)
    for sentence in ["星河电子股份有限公司12日在杭州发布了新一代储能电池产品，能量密度比上一代提升了三成。",
                     "南岭汽车集团总经理周文涛出席了签约仪式。",
                     "技术迭代速度也会加快。",
                     "星河电子发布新一代储能电池 能量密度提升三成"]:
        assert sentence in kept
    for junk in ["北辰资讯网", "蓝海财经在线", "云帆科技频道", "东方汇通网",  # link farm
                 "千帆网络科技有限公司", "ICP备", "公网安备", "版权所有",  # hosting, licence, copyright
                 "首页", "当前位置", "分享到", "上一篇", "下一篇", "青岚科技", "储能行业迎来新机遇",
                 "孙悦", "010-12345678", "service@example.com", "示例路", "https://", "（完）",
                 "李华", "赵敏", "东海商报"]:  # the byline is metadata, not content
        assert junk not in kept, junk
    for s, e in doc.content:  # spans index doc.text and are trimmed lines
        assert doc.text[s:e] == doc.text[s:e].strip() and doc.text[s:e]


def test_scraped_page_metadata():
    doc = document_from_text("page.txt", SCRAPED_PAGE)
    assert doc.meta["headline"] == "星河电子发布新一代储能电池 能量密度提升三成"
    assert doc.meta["publisher"] == "东海商报"
    assert doc.meta["author"] == "李华、赵敏"
    assert doc.meta["date"] == "2026-03-12"
    assert doc.meta["source"] == "page.txt"


def test_inline_link_farm_and_nav_rows_without_heading():
    text = ("关于我们 | 广告服务 | 联系我们 | 网站地图\n"
            "友情链接：北辰资讯网 | 蓝海财经在线 | 云帆科技频道\n" + ARTICLE + "\n"
            "本站由 千帆网络科技有限公司 提供技术支持\n")
    kept = content_text(document_from_text("x", text))
    assert kept == ARTICLE


def test_related_list_before_the_article_does_not_swallow_it():
    text = "热门文章\n青岚科技完成B轮融资\n远航物流公布年度业绩\n\n" + ARTICLE + "\n"
    assert content_text(document_from_text("x", text)) == ARTICLE


def test_prose_with_cue_words_is_kept():
    lines = ["记者从市发改委获悉，今年全市将新建10个产业园区。",
             "公司表示，本次融资资金来源：自有资金。",
             "华为公司将为合作方提供技术支持。",
             "该公司地址位于上海市浦东新区，员工超过两千人。"]
    doc = document_from_text("x", "\n".join(lines))
    assert content_text(doc) == "\n".join(lines)
    assert "publisher" not in doc.meta and "author" not in doc.meta


def test_short_record_is_not_taken_for_a_menu():
    doc = document_from_text("x", "腾讯 阿里巴巴 百度 京东")
    assert content_text(doc) == "腾讯 阿里巴巴 百度 京东"


def test_hard_wrapped_paragraph_is_one_span():
    text = ("据悉，这家总部位于苏州的半导体公司去年营收增长了\n百分之四十，其主要客户包括多家国内手机厂商和汽车\n电子企业。\n\n"
            "第二段文字在这里，它也比较长，并且有标点。")
    doc = document_from_text("x", text)
    assert [doc.text[s:e] for s, e in doc.content] == [text.split("\n\n")[0], "第二段文字在这里，它也比较长，并且有标点。"]


# --------------------------------------------------------------------------- metadata


@pytest.mark.parametrize("line, expected", [
    ("2026-03-12 来源：东海商报 记者：李华", {"date": "2026-03-12", "publisher": "东海商报", "author": "李华"}),
    ("2026年3月12日 10:30　来源:东海商报　作者：王小明、刘洋", {"date": "2026-03-12", "publisher": "东海商报",
                                                       "author": "王小明、刘洋"}),
    ("来源：东海商报 | 2026/3/12 | 记者 李华 赵敏", {"date": "2026-03-12", "publisher": "东海商报", "author": "李华、赵敏"}),
    ("文/王小明", {"author": "王小明"}),
    ("２０２６年３月３０日　來源：寶島財經週報　記者：陳怡君", {"date": "2026-03-30", "publisher": "寶島財經週報",
                                                 "author": "陳怡君"}),
    ("发布时间：2026.3.5 08:00:00  浏览次数：1024", {"date": "2026-03-05"}),
])
def test_metadata_line_formats(line, expected):
    doc = document_from_text("x", "星河电子发布新一代储能电池\n" + line + "\n" + ARTICLE)
    got = {k: doc.meta.get(k) for k in expected}
    assert got == expected
    assert doc.meta["headline"] == "星河电子发布新一代储能电池"
    assert content_text(doc) == "星河电子发布新一代储能电池\n" + ARTICLE  # the metadata line is not content


def test_markdown_headline_and_inline_reporter():
    text = "# 青岚科技完成B轮融资\n\n青岚科技讯（记者 张三 李四）青岚科技今天宣布完成B轮融资，由远山资本领投。\n"
    doc = document_from_text("a.md", text)
    assert doc.meta["headline"] == "青岚科技完成B轮融资"
    assert doc.meta["author"] == "张三、李四"
    assert doc.text[doc.content[0][0]:doc.content[0][1]] == "青岚科技完成B轮融资"  # the '# ' left out


@pytest.mark.parametrize("s, iso", [("2026-03-12", "2026-03-12"), ("2026年3月12日", "2026-03-12"),
                                    ("2026/3/12 10:30:00", "2026-03-12"), ("2026-03-12T08:00:00+08:00", "2026-03-12"),
                                    ("发布于2026.03.12", "2026-03-12"), ("2026-02-30", None), ("无日期", None)])
def test_parse_date(s, iso):
    assert parse_date(s) == iso


# --------------------------------------------------------------------------- HTML


def test_html_article_with_nav_footer_and_script(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    (doc,), report = read_all([path])
    kept = content_text(doc)
    assert "远航物流股份有限公司15日晚间发布年度报告" in kept
    assert "远航物流还宣布与北岸港口集团成立合资公司" in kept
    for junk in ["脚本里的幽灵公司", "广告位招租", "首页", "北辰资讯网", "千帆网络科技有限公司", "ICP", "分享到",
                 "青岚科技", "钱多多"]:
        assert junk not in kept, junk
    assert doc.meta["headline"] == "远航物流公布年度业绩 净利润增长两成"
    assert doc.meta["date"] == "2026-03-15"
    assert doc.meta["publisher"] == "东海商报"
    assert doc.meta["author"] == "钱多多"
    assert doc.meta["source"] == str(path)
    for s, e in doc.content:
        assert 0 <= s < e <= len(doc.text)


def test_html_in_gbk_with_meta_charset(tmp_path):
    path = tmp_path / "gbk.htm"
    path.write_bytes(ARTICLE_HTML.replace('charset="utf-8"', 'charset="gb2312"').replace("©", "").encode("gbk"))
    (doc,), _ = read_all([path])
    assert "北岸港口集团" in content_text(doc)


def test_html_sniffed_from_content_and_without_text(tmp_path):
    sniffed = tmp_path / "page.txt"
    sniffed.write_text(ARTICLE_HTML, encoding="utf-8")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title><script>var a='腾讯';</script></head><body> </body></html>",
                     encoding="utf-8")
    menu = tmp_path / "menu.html"
    menu.write_text("<html><body><div>首页 | 新闻 | 财经 | 科技</div></body></html>", encoding="utf-8")
    docs, report = read_all([sniffed, empty, menu])
    assert len(docs) == 1 and "脚本里的幽灵公司" not in docs[0].text
    why = reasons(report)
    assert why[("empty.html", None)] == "HTML without article text"
    assert why[("menu.html", None)] == "HTML without article text"


def test_html_fallback_to_body_text(monkeypatch):
    monkeypatch.setattr(read_mod, "_trafilatura_extract", lambda html: ("", {}))
    doc = document_from_html("p.html", ARTICLE_HTML)
    kept = content_text(doc)
    assert "北岸港口集团" in kept and "脚本里的幽灵公司" not in doc.text and "首页" not in kept


# --------------------------------------------------------------------------- never raise


def test_lone_surrogates_and_invalid_paths(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a", "text": "星河电子\\ud800发布新品。"}\n', encoding="utf-8")
    docs, report = read_all([path, "bad\x00path"])
    assert docs[0].text == "星河电子\ufffd发布新品。"  # same length, encodable
    assert reasons(report)[("bad\x00path", None)] == "invalid path"


def test_unexpected_error_becomes_a_skip(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")

    def broken(doc_id, text, meta=None, keep_weak=True):
        if doc_id.endswith("a.txt"):
            raise RuntimeError("heuristic bug\nsecond line")
        return document_from_text(doc_id, text, meta, keep_weak)

    monkeypatch.setattr(read_mod, "document_from_text", broken)
    docs, report = read_all([tmp_path])
    assert [os.path.basename(d.id) for d in docs] == ["b.txt"]
    assert reasons(report)[("a.txt", None)] == "cannot read: RuntimeError: heuristic bug"


def test_jsonl_in_gbk_and_utf16(tmp_path):
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                    for i, t in enumerate([SIMPLIFIED_100, ARTICLE]))
    (tmp_path / "gbk.jsonl").write_bytes(lines.encode("gbk"))
    (tmp_path / "utf16.jsonl").write_bytes(lines.encode("utf-16"))
    docs, report = read_all([tmp_path / "gbk.jsonl", tmp_path / "utf16.jsonl"])
    assert [d.text for d in docs] == [SIMPLIFIED_100, ARTICLE] * 2
    assert report.skipped == []


# --------------------------------------------------------------------------- large inputs

from graph_builder.read import split_text  # noqa: E402

PARAGRAPH = "星河电子股份有限公司在杭州发布了新一代储能电池产品，能量密度比上一代提升了三成。" * 3  # 120 chars


def _big_text(chars: int) -> str:
    paras, n = [], 0
    while n < chars:
        paras.append(f"第{len(paras)}段。" + PARAGRAPH)
        n += len(paras[-1]) + 2
    return "\n\n".join(paras) + "\n"


def test_split_text_prefers_paragraphs_then_lines_then_sentences_then_length():
    text = _big_text(20000)
    parts = list(split_text([text[i:i + 777] for i in range(0, len(text), 777)], max_chars=1000))
    assert "".join(parts) == text and all(len(p) <= 1000 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])  # paragraph boundaries only
    lines = "\n".join([PARAGRAPH] * 50)
    parts = list(split_text([lines], max_chars=1000))
    assert "".join(parts) == lines and all(p.endswith("\n") for p in parts[:-1])
    one_line = PARAGRAPH * 50
    parts = list(split_text([one_line], max_chars=1000))
    assert "".join(parts) == one_line and all(p.endswith("。") for p in parts[:-1])
    assert all(len(p) > 500 for p in parts[:-1])  # cut in the second half: no tiny parts
    quoted = "他说：“产品很好。”" * 300
    parts = list(split_text([quoted], max_chars=1000))
    assert all(p.endswith("。”") for p in parts[:-1])  # the closing quote stays with its sentence
    no_punct = "甲" * 5000 + "\r\n" + "乙" * 10
    parts = list(split_text([no_punct], max_chars=1000))
    assert [len(p) for p in parts[:5]] == [1000] * 5 and "".join(parts) == no_punct


def test_split_text_on_a_3mb_single_line_is_fast_and_exact():
    line = ("远航物流宣布与北岸港口集团成立合资公司，双方各持股百分之五十！" * 100000)[:3_000_000]
    parts = list(split_text([line[i:i + 65536] for i in range(0, len(line), 65536)], max_chars=50000))
    assert "".join(parts) == line
    assert all(len(p) <= 50000 and p.endswith("！") for p in parts[:-1])


def test_large_file_is_read_in_parts_at_paragraph_boundaries(tmp_path):
    text = _big_text(1_800_000)  # about 5 MB of UTF-8
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    docs, report = read_all([path])
    assert not report.skipped
    assert [d.id for d in docs] == [f"{path}#{i}" for i in range(1, len(docs) + 1)] and len(docs) >= 7
    assert "".join(d.text for d in docs) == text  # offsets are relative to each part's text
    for d in docs:
        assert len(d.text) <= read_mod.MAX_PART_CHARS and d.meta["source"] == str(path)
        assert all(0 <= s < e <= len(d.text) for s, e in d.content)
    assert all(d.text.endswith("\n\n") for d in docs[:-1])
    assert report.characters == len(text)


def test_large_single_line_file_in_gbk_is_cut_at_sentence_ends(tmp_path, monkeypatch):
    monkeypatch.setattr(read_mod, "MAX_DOC_BYTES", 4096)
    monkeypatch.setattr(read_mod, "MAX_PART_CHARS", 3000)
    monkeypatch.setattr(read_mod, "_CHUNK", 1001)  # odd: blocks end inside double-byte characters
    line = "华南智能制造企业加快数字化转型步伐，电子信息产业贡献最大。" * 2000
    path = tmp_path / "line.txt"
    path.write_bytes(line.encode("gbk"))
    docs, report = read_all([path])
    assert not report.skipped
    assert "".join(d.text for d in docs) == line
    assert all(d.text.endswith("。") and len(d.text) <= 3000 for d in docs[:-1])


def test_large_file_memory_stays_bounded(tmp_path, monkeypatch):
    import tracemalloc

    monkeypatch.setattr(read_mod, "MAX_DOC_BYTES", 65536)
    monkeypatch.setattr(read_mod, "MAX_PART_CHARS", 8192)
    monkeypatch.setattr(read_mod, "_CHUNK", 16384)
    path = tmp_path / "big.txt"
    path.write_text(_big_text(1_000_000), encoding="utf-8")  # about 3 MB
    tracemalloc.start()
    try:
        total = sum(len(d.text) for d in iter_documents([str(path)], Report()))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total >= 1_000_000
    assert peak < 1_500_000, peak  # the whole file would be ~3 MB of bytes plus ~2 MB of text


def test_large_file_with_bad_bytes_midway_keeps_what_came_before(tmp_path, monkeypatch):
    monkeypatch.setattr(read_mod, "MAX_DOC_BYTES", 4096)
    monkeypatch.setattr(read_mod, "MAX_PART_CHARS", 2000)
    good = _big_text(20000).encode("utf-8")
    path = tmp_path / "broken.txt"
    path.write_bytes(good + b"\xff\xfe\xfa" + good)
    docs, report = read_all([path])
    assert "".join(d.text for d in docs) == good.decode("utf-8")
    (reason,) = [s["reason"] for s in report.skipped]
    assert "not valid utf-8" in reason and "\n" not in reason


def test_large_binary_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(read_mod, "MAX_DOC_BYTES", 4096)
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 100)
    docs, report = read_all([path])
    assert docs == [] and "binary" in reasons(report)[("blob.txt", None)]


def test_large_html_page_over_the_bound_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(read_mod, "MAX_DOC_BYTES", 4096)
    monkeypatch.setattr(read_mod, "MAX_HTML_BYTES", 8192)
    path = tmp_path / "huge.html"
    path.write_text("<html><body>" + ("<p>" + PARAGRAPH + "</p>") * 200 + "</body></html>", encoding="utf-8")
    docs, report = read_all([path])
    assert docs == [] and "HTML page larger than" in reasons(report)[("huge.html", None)]


def test_jsonl_huge_text_is_split_and_over_long_line_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(read_mod, "MAX_PART_CHARS", 1000)
    monkeypatch.setattr(read_mod, "MAX_LINE_BYTES", 50000)
    big = _big_text(5000)
    path = tmp_path / "big.jsonl"
    _jsonl(path, [json.dumps({"id": "big", "text": big}, ensure_ascii=False),
                  json.dumps({"id": "huge", "text": "甲" * 40000}, ensure_ascii=False),
                  json.dumps({"id": "small", "text": ARTICLE}, ensure_ascii=False)])
    docs, report = read_all([path])
    ids = [d.id for d in docs]
    assert ids[-1] == "small" and ids[0] == "big#1" and all(i.startswith("big#") for i in ids[:-1])
    assert "".join(d.text for d in docs[:-1]) == big
    assert "JSON line longer than" in reasons(report)[("big.jsonl", 2)]


def test_stdin_huge_single_line_is_streamed_in_parts(monkeypatch):
    monkeypatch.setattr(read_mod, "MAX_DOC_BYTES", 4096)
    monkeypatch.setattr(read_mod, "MAX_PART_CHARS", 3000)
    line = PARAGRAPH * 200
    _stdin(monkeypatch, line.encode("utf-8"))
    docs, report = read_all(["-"])
    assert not report.skipped and len(docs) > 3
    assert [d.id for d in docs][:2] == ["<stdin>#1", "<stdin>#2"] and "".join(d.text for d in docs) == line
