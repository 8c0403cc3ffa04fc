"""Tests for graph_builder.crf: the shipped model loads and tags; offsets map back."""
import pytest

from graph_builder import crf
from graph_builder.doc import Document, Sentence, Token


def test_model_ships_in_package():
    assert crf.MODEL_FILE.is_file()
    assert crf.MODEL_FILE.stat().st_size < 14_000_000  # 13.6 MB with our 643 dev records in training
    tagger = crf.load_model()
    assert tagger is crf.load_model()  # cached
    labels = set(tagger.labels())
    assert {"B-Person", "E-Company", "S-Place", "I-Organization"} <= labels


def test_tags_obvious_person_and_company():
    text = "昨天，北京星海科技股份有限公司董事长王建国在发布会上宣布了新的计划。"
    spans = crf.tag_text(crf.normalize(text))
    found = {(text[s:e], t) for s, e, t, _ in spans}
    assert ("王建国", "Person") in found
    assert ("北京星海科技股份有限公司", "Company") in found
    for s, e, t, score in spans:
        assert 0 <= s < e <= len(text) and 0.0 < score <= 1.0


def test_offsets_map_back_to_original_text():
    # Traditional and full-width input: tags on the normalised copy index the original
    text = "董事長陳志明表示，ＡＢＣ公司將於上海設立新廠。"
    norm = crf.normalize(text)
    assert len(norm) == len(text)
    doc = Document(id="t", text=text, norm=norm)
    doc.sentences = [Sentence(0, 9), Sentence(9, len(text))]
    ments = crf.tag_document(doc)
    assert ments, "expected at least one mention"
    for m in ments:
        assert m.method == "crf"
        assert m.name == norm[m.start:m.end]
        assert len(doc.text[m.start:m.end]) == len(m.name)
    assert any(m.type == "Person" and doc.text[m.start:m.end] == "陳志明" for m in ments)


def test_decode_tags_bioes_and_repairs():
    tags = ["B-Person", "E-Person", "O", "S-Place", "I-Company", "E-Company", "B-Organization"]
    assert crf.decode_tags(tags) == [(0, 2, "Person"), (3, 4, "Place"), (4, 6, "Company"), (6, 7, "Organization")]


def test_split_sequences_covers_text():
    text = "第一句。第二句！没有句号的结尾" + "长" * 900
    pieces = crf.split_sequences(text)
    assert pieces[0] == (0, 4)
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all(b - a <= 400 for a, b in pieces)


def test_empty_and_blank_text():
    assert crf.tag_text("") == []
    assert crf.tag_text("   \n ") == []


def test_features_are_per_char():
    feats = crf.sentence_features("张三在华为公司")
    assert len(feats) == 7
    assert all(f and all(isinstance(x, str) for x in f) for f in feats)
    assert any(x.startswith("x0=sn") for x in feats[0])  # 张 is a surname


def test_missing_model_is_clear_error(tmp_path):
    crf.clear_model_cache()
    try:
        with pytest.raises(FileNotFoundError, match="train_ner"):
            crf.load_model(str(tmp_path / "none.crfsuite"))
    finally:
        crf.clear_model_cache()


def test_features_hand_built_for_a_short_sentence():
    # the column-wise builder must give exactly the templates the model was trained on
    feats = crf.sentence_features("张三", [("张三", 0), ("张三", 1)], word_features=False)
    assert feats[0][:13] == ["c0=张", "c-1=<s1>", "c+1=三", "c-2=<s2>", "c+2=</s1>", "b-1=<s1>张", "b+1=张三",
                             "b-2=<s2><s1>", "b+2=三</s1>", "t0=<s1>张三", "k=SHH", "w=B2", "w0=B2张"]
    assert feats[0][13] == "w+1=E2" and "w-1=B2" in feats[1] and not any(x.startswith("w+1") for x in feats[1])
    # no w-1/w+1 for one character
    assert crf.sentence_features("张", [("张", 0)], word_features=False)[0][-1].startswith("x")
    assert crf.sentence_features("", []) == []


def test_word_features_pos_position_stats_and_identity():
    feats = crf.sentence_features("张三去深圳", [("张三", 0), ("张三", 1), ("去", 0), ("深圳", 0), ("深圳", 1)])
    # 深圳 is an ns word of jieba's dictionary; 圳 ends place names
    assert "p=ns" in feats[3] and "pw=Bns" in feats[3] and "pw=Ens" in feats[4]
    assert "wd=深圳" in feats[3] and not any(x.startswith("wd=") for x in feats[2])
    assert any(x.startswith("se=") for x in feats[4])
    # an unknown Chinese word is "un", a Latin one "x"
    f = crf.sentence_features("星河Ab", [("星河", 0), ("星河", 1), ("Ab", 0), ("Ab", 1)])
    assert "p=x" in f[2] and (("p=un" in f[0]) or any(x.startswith("p=n") for x in f[0]))


def test_token_words_match_jieba_words():
    text = "华为公司在 深圳发布了新手机。"
    pos, toks = 0, []
    for w in crf._tokenizer().lcut(text):
        if not w.isspace():  # the segmenter drops spaces; they stay one-character words
            toks.append(Token(pos, pos + len(w), w, "x"))
        pos += len(w)
    words = crf.token_words(text, toks)
    assert words == crf.cut_words(text)
    assert crf.sentence_features(text, words) == crf.sentence_features(text)


def test_tag_document_uses_segment_tokens():
    from graph_builder.normalize import normalize
    from graph_builder.segment import segment

    doc = segment(normalize(Document(id="d", text="昨天，北京星海科技股份有限公司董事长王建国宣布了计划。")))
    assert doc.tokens
    found = {(m.name, m.type) for m in crf.tag_document(doc)}
    assert ("王建国", "Person") in found


def _slow_lexicon_tags(text):
    """The lexicon scan written out plainly: every substring looked up in the table."""
    table, _prefixes = crf.load_lexicon()
    tags = [[] for _ in text]
    for i in range(len(text)):
        for j in range(i + 1, len(text) + 1):
            for code in table.get(text[i:j], ()):
                L = j - i
                if code == "sn" and L > 2:
                    continue
                if L == 1:
                    tags[i].append(code + "S")
                    continue
                tags[i].append(code + "B")
                tags[i + 1:j - 1] = [t + [code + "I"] for t in tags[i + 1:j - 1]]
                tags[j - 1].append(code + "E")
    return tags


def test_lexicon_scan_matches_plain_scan():
    text = "王建国在北京星海科技股份有限公司任董事长，欧阳娜娜任总经理。"
    fast = crf._lexicon_tags(text)
    assert fast == _slow_lexicon_tags(text)
    assert any(fast)  # the sentence does hit the lexicons
    hits = crf._lexicon_hits(text)
    assert all(hits[k] == fast[k] for k in hits) and all(fast[k] == [] for k in range(len(text)) if k not in hits)


def test_lexicon_match_table_follows_cache_clear():
    first, _starts = crf._match_table()
    crf.load_lexicon.cache_clear()
    second, _starts = crf._match_table()
    assert second is not first and second == first


# ---------------------------------------------------------------- the NumPy tagger
# crf.tag_text / tag_documents read the model into NumPy (graph_builder.crfmodel)
# and compute feature rows without strings; they must agree exactly with
# python-crfsuite over the string features the model was trained on.

_HARD_TEXTS = [
    "昨天，北京星海科技股份有限公司董事长王建国在发布会上宣布了新的计划。",
    "董事長陳志明表示，ＡＢＣ公司將於上海設立新廠。\n欧阳娜娜任总经理；李四！",
    "华为Mate 70发布，余承东说：“<s1>不是标记</s1>”😀 深圳市灵犀机器人有限公司获投。",
    "长" * 450 + "张伟去了杭州",  # one run longer than a CRF sequence
    "A",
    "张",
]


def _devset_texts():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent / "devset" / "devset.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _crfsuite_spans(norm):
    tagger = crf.load_model()
    out = []
    for a, b in crf.split_sequences(norm):
        text = norm[a:b]
        if not text.strip():
            continue
        tags = tagger.tag(crf.sentence_features(text))
        for s, e, t in crf.decode_tags(tags):
            out.append((a + s, a + e, t, min(tagger.marginal(tags[k], k) for k in range(s, e))))
    return out


def test_feature_rows_equal_the_string_features():
    from collections import Counter

    enc = crf.load_encoder()
    ids = {a: i for i, a in enumerate(enc.model.attributes)}
    texts = [crf.normalize(t) for t in _HARD_TEXTS + _devset_texts()]
    pieces = [(t, w) for norm in texts for _, t, w in crf._pieces(norm, None)]
    rows, extra = enc.encode(pieces)
    assert rows.shape[1] == sum(len(t) for t, _ in pieces)
    by_char = {}
    for k, r in extra.tolist():
        by_char.setdefault(k, []).append(r)
    base = 0
    checked = 0
    for text, runs in pieces:
        words = [(w, k0 + i) for w, k0, c in runs for i in range(c)]
        assert len(words) == len(text)
        for i, feats in enumerate(crf.sentence_features(text, words)):
            want = Counter(ids[f] for f in feats if f in ids)
            got = Counter(int(r) for r in rows[:, base + i] if r != enc.zero)
            got.update(by_char.get(base + i, ()))
            assert got == want, (text, i)
            checked += 1
        base += len(text)
    assert checked > 3000


@pytest.fixture
def crf_alone(monkeypatch):
    """The shipped CRF without the character CNN's log-probabilities (crf.NEURAL_WEIGHTS emptied)."""
    monkeypatch.setattr(crf, "NEURAL_WEIGHTS", {})
    crf.clear_model_cache()
    yield
    monkeypatch.undo()
    crf.clear_model_cache()


def test_numpy_tagger_agrees_with_crfsuite(crf_alone):
    assert crf.load_encoder().neural is None
    for text in _HARD_TEXTS + _devset_texts():
        norm = crf.normalize(text)
        want = _crfsuite_spans(norm)
        got = crf.tag_text(norm)
        assert [g[:3] for g in got] == [w[:3] for w in want], text
        for g, w in zip(got, want):
            assert abs(g[3] - w[3]) <= 1e-4


def test_tag_documents_is_tag_document_per_document():
    from graph_builder.segment import segment

    docs = []
    for i, text in enumerate(_HARD_TEXTS):
        norm = crf.normalize(text)
        doc = Document(id=str(i), text=text, norm=norm)
        doc.sentences = [Sentence(a, b) for a, b in crf.split_sequences(norm)]
        docs.append(doc)
    docs.append(segment(Document(id="seg", text=_HARD_TEXTS[1] + _HARD_TEXTS[3], norm=crf.normalize(_HARD_TEXTS[1] + _HARD_TEXTS[3]))))
    together = crf.tag_documents(docs)
    assert [[(m.start, m.end, m.type, m.score) for m in ms] for ms in together] == \
        [[(m.start, m.end, m.type, m.score) for m in crf.tag_document(d)] for d in docs]
    assert crf.tag_documents([]) == []


def test_numpy_decoder_equals_compiled_decoder():
    import numpy as np

    from graph_builder import crfmodel

    model = crf.load_encoder().model
    rng = np.random.default_rng(7)
    lengths = np.array([5, 1, 0, 40, 17, 3], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    emit = rng.normal(scale=3.0, size=(int(lengths.sum()), len(model.labels)))
    labels, probs = np.zeros(len(emit), dtype=np.int64), np.ones(len(emit))
    model._viterbi_numpy(emit, starts, lengths, labels)
    want = np.ones(len(lengths), dtype=bool)
    model._marginals_numpy(emit, starts, lengths, want & (lengths > 0), labels, probs)
    assert ((probs > 0) & (probs <= 1 + 1e-9)).all()
    if crfmodel._KERNELS is None:
        pytest.skip("numba is not installed: only the NumPy decoder runs here")
    got_labels, got_probs = model.decode(emit, starts, lengths, True, skip=-1)
    assert (got_labels == labels).all()
    assert np.allclose(got_probs, probs, atol=1e-9)


def test_model_reader_rejects_other_files(tmp_path):
    from graph_builder.crfmodel import CRFModel

    bad = tmp_path / "x.crfsuite"
    bad.write_bytes(b"not a model at all, just some bytes" * 4)
    with pytest.raises(ValueError, match="CRFsuite"):
        CRFModel.load(bad)


def test_word_runs_clip_to_any_range():
    text = "北京星海科技公司 发布了新品"
    toks = [Token(0, 2, "北京", "ns"), Token(2, 4, "星海", "nz"), Token(4, 8, "科技公司", "n"),
            Token(9, 11, "发布", "v"), Token(11, 12, "了", "ul"), Token(12, 14, "新品", "n")]
    starts, runs = crf._token_runs(text, toks)
    per_char = crf.token_words(text, toks)
    for a in range(len(text)):
        for b in range(a + 1, len(text) + 1):
            clipped = crf._clip_runs(starts, runs, a, b)
            assert [(w, k0 + i) for w, k0, c in clipped for i in range(c)] == per_char[a:b]
    assert crf._runs(per_char) == runs
