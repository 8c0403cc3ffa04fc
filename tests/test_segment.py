"""Sentence splitting and tokenisation."""
from __future__ import annotations

from graph_builder.doc import Document
from graph_builder.segment import segment, split_sentences, tokenize

try:
    from graph_builder.normalize import normalize
except ImportError:  # pragma: no cover - the normaliser is another stage
    def normalize(doc):
        return doc


def _seg(text, content=None):
    doc = Document(id="t", text=text, content=content or [])
    return segment(normalize(doc))


def test_sentences_split_on_end_marks_and_lines():
    text = "星河科技发布新品！价格呢？暂未公布；明天上市。\n\n第二段没有句号"
    doc = _seg(text)
    got = [text[s.start:s.end] for s in doc.sentences]
    assert got == ["星河科技发布新品！", "价格呢？", "暂未公布；", "明天上市。", "第二段没有句号"]


def test_closing_quotes_stay_with_the_sentence():
    text = "他说：“我们会继续投入。”随后离场。"
    assert [text[a:b] for a, b in split_sentences(text)] == ["他说：“我们会继续投入。”", "随后离场。"]


def test_no_empty_sentences_and_paragraph_index():
    text = "标题行\n  \n。。\n正文第一句。正文第二句。"
    doc = _seg(text, content=[(0, 3), (8, len(text))])
    assert all(text[s.start:s.end].strip() for s in doc.sentences)
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1]


def test_tokens_map_back_to_text_and_skip_outside_content():
    text = "导航 首页\n腾讯公司副总裁林浩然表示，支付业务增长。"
    doc = _seg(text, content=[(6, len(text))])
    assert doc.tokens and all(t.start >= 6 for t in doc.tokens)
    for t in doc.tokens:
        assert doc.norm[t.start:t.end] == t.text
        assert not t.text.isspace()
    words = [t.text for t in doc.tokens]
    assert "腾讯" in words and "副总裁" in words


def test_tokens_are_in_order_and_inside_sentences():
    doc = _seg("华为发布Mate 70手机。小米推出新一代SU7！")
    ends = [t.start for t in doc.tokens]
    assert ends == sorted(ends)
    for t in doc.tokens:
        s = doc.sentence_of(t.start)
        assert s is not None and t.end <= s.end


def test_lexicon_words_are_single_tokens_with_tags():
    toks = {t.text: t.pos for t in tokenize("比亚迪发布新能源汽车，首席执行官出席")}
    assert toks.get("比亚迪") == "nt"
    assert "新能源汽车" in toks
    assert toks.get("首席执行官") == "nnt"


def test_unknown_name_is_tagged_and_function_char_split():
    from graph_builder.segment import _unglue, guess_tag

    assert _unglue("孙立在", {}) == ("孙立", "在")
    assert _unglue("和海川", {}) == ("和", "海川")
    assert _unglue("体验", {"体验": "vn"}) == ("体验",)
    assert guess_tag("耿志军", {}) == "nr"
    assert guess_tag("淘小智", {}) == "un"  # 淘 is not a common surname
    assert guess_tag("SU7", {}) == "eng" and guess_tag("2026", {}) == "m"


def test_traditional_input_offsets():
    text = "台積電董事長黃柏翰表示。"
    doc = _seg(text)
    assert [(s.start, s.end) for s in doc.sentences] == [(0, len(text))]
    assert doc.tokens[0].start == 0 and doc.tokens[-1].end == len(text)
    for a, b in zip(doc.tokens, doc.tokens[1:]):
        assert a.end == b.start  # no spaces in this text: tokens tile it


def test_guessed_words_are_memoised_and_reset_by_user_lexicons():
    from graph_builder import segment as seg

    text = "耿志军说：2026年，SU7卖了7万台！"
    first = [(t.start, t.end, t.text, t.pos) for t in tokenize(text)]
    assert "，" in seg._GUESSED and seg._GUESSED["2026"] == (("2026", "m"),)
    assert [(t.start, t.end, t.text, t.pos) for t in tokenize(text)] == first  # same from the memo
    seg._on_user_lexicon([])  # a user lexicon may retag any word: the memo starts again
    assert not seg._GUESSED
    assert [(t.start, t.end, t.text, t.pos) for t in tokenize(text)] == first
