"""Checks on the bundled sample corpus and its ground truth (graph_builder/data/sample).

The corpus is input data for ``graph-builder build`` with no arguments and the ground truth
(data/sample_expected.md) that extraction tests compare against, so its files must have the encodings and
shapes they claim, and every name in sample_expected.md must really occur in its file.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "graph_builder" / "data" / "sample"
EXPECTED = SAMPLE.parent / "sample_expected.md"

ENTITY_TYPES = {"Person", "Company", "Organization", "Product", "Industry", "Place"}
PREDICATES = {"worksFor", "founder", "manufacturer", "inIndustry", "parentOrganization", "partnerOf", "investedIn"}

# Characters that exist only in Traditional Chinese (their Simplified forms differ).
TRADITIONAL_ONLY = set("積體電製業經濟產營資鴻與術灣國黃許計畫園區設導")
# Boilerplate strings the scraped copy must carry (site chrome around the article).
SCRAPED_MARKERS = ("首页 |", "当前位置：", "分享到：", "相关阅读", "上一篇：", "下一篇：", "友情链接", "联系我们",
                   "版权所有 ©", "ICP备", "公网安备", "提供技术支持")


def _one(pattern: str) -> Path:
    found = sorted(SAMPLE.glob(pattern))
    assert len(found) == 1, f"expected exactly one {pattern} in {SAMPLE}, found {found}"
    return found[0]


def _text_of(path: Path) -> str:
    if path.name.endswith("_gbk.txt"):
        return path.read_bytes().decode("gbk")
    return path.read_text(encoding="utf-8")


def _parse_expected():
    """Parse EXPECTED.md into {section: {"entities": [...], "relations": [...]}}."""
    sections = {}
    current = None
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = {"entities": [], "relations": []}
            sections[line[3:].strip()] = current
            continue
        if current is None or not line.startswith("|") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[:2] in (["name", "type"], ["subject", "predicate"]):
            continue
        if len(cells) == 3:
            aliases = [a for a in cells[2].split("、") if a]
            current["entities"].append({"name": cells[0], "type": cells[1], "aliases": aliases})
        elif len(cells) == 4:
            current["relations"].append(dict(zip(("subject", "predicate", "object", "title"), cells)))
        else:
            raise AssertionError(f"unparseable table row in EXPECTED.md: {line!r}")
    return sections


def _section_text(section: str) -> str:
    name, _, doc_id = section.partition("#")
    path = SAMPLE / name
    if doc_id:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] == doc_id:
                return record["text"]
        raise AssertionError(f"{doc_id} not found in {name}")
    return _text_of(path)


def test_plain_articles_exist_and_have_header():
    # The scraped copy starts with site chrome, so only plain articles are held to this layout.
    articles = sorted(p for p in SAMPLE.glob("[0-9][0-9]_*.txt") if not p.name.endswith("_scraped.txt"))
    assert len(articles) >= 8
    for path in articles:
        lines = _text_of(path).splitlines()
        assert lines[0].strip(), f"{path.name}: first line must be the headline"
        assert re.search(r"来源|來源|作者|发布时间", lines[1]), f"{path.name}: second line must be the byline"


def test_at_least_ten_documents():
    docs = [p for p in SAMPLE.glob("[0-9][0-9]_*") if p.suffix in {".txt", ".html"}]
    jsonl_lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in SAMPLE.glob("*.jsonl"))
    assert len(docs) + jsonl_lines >= 10


def test_gbk_file_is_not_utf8_but_decodes_as_gbk():
    raw = _one("*_gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gbk")
    assert "腾讯" in text and len(text) >= 300


def test_traditional_file_uses_traditional_characters():
    text = _one("*_traditional.txt").read_text(encoding="utf-8")
    assert len(TRADITIONAL_ONLY & set(text)) >= 10
    # full-width letters and digits, as Taiwanese/Hong Kong sites write them
    assert re.search(r"[Ａ-Ｚ]", text) and re.search(r"[０-９]", text)


def test_scraped_copy_carries_boilerplate():
    text = _one("*_scraped.txt").read_text(encoding="utf-8")
    for marker in SCRAPED_MARKERS:
        assert marker in text, f"scraped copy lacks boilerplate marker {marker!r}"


def test_html_page_is_a_full_document():
    html = _one("*_page.html").read_text(encoding="utf-8")
    for tag in ('<meta charset="utf-8">', "<nav", "<header", "<aside", "<footer", "<article>", "<h1>",
                '<meta name="author"', "<script>", "ICP备"):
        assert tag in html, f"HTML page lacks {tag}"


def test_jsonl_lines_parse():
    lines = _one("*.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    ids = set()
    for line in lines:
        record = json.loads(line)
        assert isinstance(record["id"], str) and isinstance(record["text"], str) and record["text"]
        ids.add(record["id"])
    assert len(ids) == 3


def test_expected_covers_every_sample_document():
    sections = _parse_expected()
    files = {p.name for p in SAMPLE.iterdir() if p.name[:2].isdigit() and p.suffix != ".jsonl"}
    assert files <= set(sections), f"EXPECTED.md lacks sections for {sorted(files - set(sections))}"
    for path in SAMPLE.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert f"{path.name}#{json.loads(line)['id']}" in sections


def test_expected_names_occur_in_their_documents():
    for section, truth in _parse_expected().items():
        text = _section_text(section)
        for ent in truth["entities"]:
            assert ent["type"] in ENTITY_TYPES, (section, ent)
            for surface in [ent["name"], *ent["aliases"]]:
                assert surface in text, f"{section}: {surface!r} does not occur in the document"


def test_expected_relations_join_listed_entities():
    for section, truth in _parse_expected().items():
        names = {e["name"] for e in truth["entities"]}
        for rel in truth["relations"]:
            assert rel["predicate"] in PREDICATES, (section, rel)
            assert rel["subject"] in names and rel["object"] in names, (section, rel)
            assert bool(rel["title"]) == (rel["predicate"] == "worksFor"), (section, rel)


def test_expected_covers_all_types_and_predicates():
    sections = _parse_expected()
    types = {e["type"] for s in sections.values() for e in s["entities"]}
    predicates = {r["predicate"] for s in sections.values() for r in s["relations"]}
    assert types == ENTITY_TYPES
    assert predicates == PREDICATES


def test_aliases_repeat_across_documents():
    # Entity resolution needs the same entity under different surface forms in different files.
    forms = {}
    for truth in _parse_expected().values():
        for ent in truth["entities"]:
            forms.setdefault((ent["name"], ent["type"]), set()).update([ent["name"], *ent["aliases"]])
    multi = [key for key, surfaces in forms.items() if len(surfaces) >= 2]
    assert len(multi) >= 5, multi
