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
    # 腾讯公司 is one word once the company lexicon holds it (companies_corpus.txt)
    assert ("腾讯" in words or "腾讯公司" in words) and "副总裁" in words


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


def _jieba_texts():
    """Texts that exercise every branch of jieba's cut: dictionary words, unknown runs
    (the HMM), Latin and digits, spaces and line breaks, punctuation, odd characters."""
    import random

    texts = [
        "", " ", "\r\n\r\n", "abc  def\tg", "中文English混合123.45%和-号", "\u3000全角空格", "\x00奇\ud800怪",
        "星河科技副总裁耿志军在深圳表示，公司将于2025年推出Mate 70 Pro+。",
        "孙立在会上说，和海川一起去了鄂尔多斯。", "据悉，鲜果多多网络科技有限公司完成了B轮融资。",
        "The quick brown fox 跳过了 lazy dog!!! 1,234.5 元",
    ]
    rng = random.Random(7)
    pool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法"
    pool += "耿孙欧阳鲜果星河云刃锦程淘智鄂尔多斯，。！？、 ab1-.%\n"
    for _ in range(400):
        texts.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 60))))
    return texts


def test_jieba_cut_matches_jieba():
    # the fused DAG/route search must cut exactly as jieba's own Tokenizer.cut (HMM on)
    from graph_builder.segment import jieba_cut, tokenizer

    tk, _tags = tokenizer()
    for text in _jieba_texts():
        assert jieba_cut(tk, text) == list(tk.cut(text, HMM=True)), text


def test_jieba_cut_matches_a_fresh_jieba_tokenizer():
    # and with jieba's plain dictionary (no lexicon words), where the HMM cuts more
    import jieba

    from graph_builder.segment import jieba_cut

    tk = jieba.Tokenizer()
    tk.initialize()
    for text in _jieba_texts()[:150]:
        assert jieba_cut(tk, text) == list(tk.cut(text, HMM=True)), text


def test_hmm_cut_matches_jieba_finalseg():
    import random

    from jieba import finalseg

    from graph_builder.segment import _hmm_cut

    rng = random.Random(3)
    pool = "的一是在不了有和人这中大为上个国我以耿孙欧阳鲜果星河云刃锦程淘智鄂尔多斯abc12.5%"
    for _ in range(1000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 15)))
        out = []
        _hmm_cut(text, finalseg, out)
        assert out == list(finalseg.cut(text)), text


def test_jieba_cut_follows_added_words():
    # a word added at run time (user lexicon) changes FREQ and total: the cut must follow
    import jieba

    from graph_builder.segment import jieba_cut

    tk = jieba.Tokenizer()
    tk.initialize()
    text = "鲜果多多网络在云刃星河开会"
    before = jieba_cut(tk, text)
    assert before == list(tk.cut(text, HMM=True))
    tk.add_word("云刃星河", 500, "nz")
    after = jieba_cut(tk, text)
    assert after == list(tk.cut(text, HMM=True)) and "云刃星河" in after and after != before
