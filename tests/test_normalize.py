"""The normalise stage: a same-length Simplified, half-width analysis copy.

All text here is written for these tests.
"""
import time

import pytest

import graph_builder.normalize as normalize_mod
from graph_builder.doc import Document
from graph_builder.normalize import normalize, normalize_text, to_half_width, to_simplified

TRAD = "臺灣積體電路製造股份有限公司董事長表示，公司將於高雄興建新廠，並與多家客戶深化合作關係。"
SIMP = "台湾积体电路制造股份有限公司董事长表示，公司将于高雄兴建新厂，并与多家客户深化合作关系。"


def test_traditional_to_simplified_keeps_length():
    assert to_simplified("臺灣積體電路") == "台湾积体电路"
    out = to_simplified(TRAD)
    assert out == SIMP
    assert len(out) == len(TRAD)


def test_agrees_with_opencc_phrase_conversion():
    from opencc import OpenCC

    text = "他一目瞭然地看完了報告，乾杯之後開始討論頭髮護理產品的發展。"
    assert to_simplified(text) == OpenCC("t2s").convert(text)


def test_full_width_ascii_to_half_width():
    assert normalize_text("ＡＩ２０２６") == "AI2026"
    assert normalize_text("型號ＸＰ－２０２６＠ｅｘａｍｐｌｅ") == "型号XP-2026@example"


def test_chinese_punctuation_is_kept_and_ideographic_space_becomes_space():
    s = "你好，世界！真的？是的；注意：（括号）。“引号”、顿号"
    assert normalize_text(s) == s
    assert normalize_text("腾讯\u3000控股") == "腾讯 控股"
    assert to_half_width("１，２") == "1，2"  # digits map, the Chinese comma stays


def test_normalize_document_offsets_agree():
    text = "　瑞昇科技攜手臺灣積體電路製造公司，量產ＡＩ２０２６晶片。"
    doc = normalize(Document(id="t", text=text))
    assert len(doc.norm) == len(doc.text)
    start = doc.text.index("臺灣積體電路")
    end = start + len("臺灣積體電路")
    assert doc.norm[start:end] == "台湾积体电路"
    start = doc.text.index("ＡＩ２０２６")
    assert doc.norm[start:start + 6] == "AI2026"
    assert doc.norm[0] == " "


def test_simplified_text_is_returned_unchanged():
    text = "华东某市的一家新能源汽车零部件企业宣布完成新一轮融资。" * 10
    assert to_simplified(text) is text
    assert normalize_text(text) is text


def test_length_changing_phrase_falls_back_to_characters(monkeypatch):
    normalize_mod._load()

    class LengthChanging:
        """Stands in for an OpenCC whose phrase table maps one phrase to a longer one."""

        def convert(self, s):
            return s.replace("電腦", "电子计算机")

    monkeypatch.setattr(normalize_mod, "_converter", LengthChanging())
    out = to_simplified("買了電腦和書")
    assert len(out) == len("買了電腦和書")
    assert out == "买了电脑和书"  # the character map, piece by piece


def test_mixed_text_and_empty_text():
    assert normalize_text("") == ""
    mixed = "Apple公司與臺積電合作，ＧＰＵ出貨量增長３０％。"
    out = normalize_text(mixed)
    assert len(out) == len(mixed)
    assert out == "Apple公司与台积电合作，GPU出货量增长30%。"


def test_simplified_normalisation_is_fast():
    """Target ≥1M chars/s on Simplified text; assert a floor a busy machine still meets."""
    text = ("华东某市的一家新能源汽车零部件企业宣布完成新一轮融资，本轮融资由当地产业基金领投。\n" * 12000)[:500_000]
    normalize_text(text)
    best = min(_timed(normalize_text, text) for _ in range(3))
    assert len(text) / best > 300_000


def _timed(fn, arg):
    t0 = time.perf_counter()
    fn(arg)
    return time.perf_counter() - t0


@pytest.mark.parametrize("text", [TRAD, SIMP, "ＡＢＣ　ｘｙｚ", "𠀀𫝈㑮乾隆", "a\r\nb\tc"])
def test_normalize_text_always_same_length(text):
    assert len(normalize_text(text)) == len(text)
