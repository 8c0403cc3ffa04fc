"""The compiled segmenter cuts exactly as jieba does, and its cache is safe."""
import json
import random
from pathlib import Path

import pytest

from graph_builder import segment, wordseg

pytestmark = pytest.mark.skipif(not wordseg.available(), reason="numba unavailable or GRAPH_BUILDER_NO_JIT set")

DEVSET = Path(__file__).parent / "devset" / "devset.jsonl"


def _texts():
    from test_segment import _jieba_texts

    texts = _jieba_texts()
    with DEVSET.open(encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f]
    return texts


@pytest.fixture(scope="module")
def fresh():
    """A fresh jieba tokenizer (its plain dictionary) and a SegDict built from it."""
    import jieba
    from jieba import finalseg

    tk = jieba.Tokenizer()
    tk.initialize()
    return tk, wordseg.SegDict.from_jieba(dict(tk.FREQ), tk.total, {}, finalseg)


def test_the_pipeline_dictionary_cuts_as_jieba_with_the_lexicon_words():
    tk, tags = segment.tokenizer()
    seg = segment.dictionary()
    assert seg.total == tk.total
    for text in _texts():
        assert seg.cut(text) == list(tk.cut(text, HMM=True)), text


def test_a_plain_jieba_dictionary_cuts_as_jieba(fresh):
    tk, seg = fresh
    for text in _texts()[:200]:
        assert seg.cut(text) == list(tk.cut(text, HMM=True)), text


def test_unknown_runs_go_through_jiebas_hmm():
    # with an empty dictionary every block is one run of single characters: finalseg decides
    from jieba import finalseg

    seg = wordseg.SegDict.from_jieba({}, 1, {}, finalseg)
    rng = random.Random(11)
    pool = "的一是在不了有和人这中大为上个国我以耿孙欧阳鲜果星河云刃锦程淘智鄂尔多斯abcXY12.5%-_"
    for _ in range(1500):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 20)))
        assert seg.cut(text) == list(finalseg.cut(text)), text


def test_added_words_change_the_cut_as_in_jieba():
    import jieba
    from jieba import finalseg

    tk = jieba.Tokenizer()
    tk.initialize()
    seg = wordseg.SegDict.from_jieba(dict(tk.FREQ), tk.total, {}, finalseg)
    text = "云刃锦程智能科技发布了鲜果多多小程序，耿志军出席。人工智能大模型"
    before = seg.cut(text)
    # a new long word (new prefixes), a new short one, and a known word given another count
    for word, freq in (("云刃锦程智能科技", 500), ("鲜果多多", 500), ("人工智能", 3)):
        tk.add_word(word, freq)
        seg.add_word(word, freq)
    assert seg.total == tk.total
    assert seg.cut(text) == list(tk.cut(text, HMM=True)) != before
    for word in ("云刃", "云刃锦程智能科技", "人工智能", "不在词典里的词"):
        assert seg.FREQ.get(word) == tk.FREQ.get(word)
        assert (word in seg.FREQ) == (word in tk.FREQ)


def test_many_added_words_grow_the_table():
    from jieba import finalseg

    seg = wordseg.SegDict.from_jieba({"甲": 5}, 5, {"甲": "n"}, finalseg)
    size = len(seg.keys)
    words = [f"词{i:05d}" for i in range(3000)]  # digits: new trie edges, enough to rehash twice
    for w in words:
        seg.add_word(w, 10)
        seg.tags[w] = "nz"
    assert len(seg.keys) > size
    assert all(seg.FREQ[w] == 10 and seg.tags[w] == "nz" for w in words)
    assert seg.tags.get("甲") == "n" and seg.FREQ.get("词0") == 0 and seg.tags.get("词0") is None


def test_tags_follow_the_tag_table():
    tk, tags = segment.tokenizer()
    seg = segment.dictionary()
    for text in _texts()[:60]:
        starts, ends, ids = seg.cut_spans(text)
        for a, b, t in zip(starts, ends, ids):
            assert seg.tag_names[t] == tags.get(text[a:b]), text[a:b]


def test_tokens_are_the_same_on_either_path(monkeypatch):
    texts = _texts()[:150]
    compiled = [[(t.start, t.end, t.text, t.pos) for t in segment.tokenize(x, 3)] for x in texts]
    monkeypatch.setitem(segment._state, "segdict", None)  # as without numba
    assert [[(t.start, t.end, t.text, t.pos) for t in segment.tokenize(x, 3)] for x in texts] == compiled


def test_save_and_load_give_the_same_dictionary(tmp_path, fresh):
    tk, seg = fresh
    seg.save(tmp_path / "d.npz")
    back = wordseg.SegDict.load(tmp_path / "d.npz")
    assert back.total == seg.total and back.n_nodes == seg.n_nodes
    for text in _texts()[:80]:
        assert back.cut(text) == seg.cut(text)
    assert not list(tmp_path.glob("*.tmp"))


def test_the_cache_round_trips_and_survives_bad_files(tmp_path, monkeypatch, fresh):
    _tk, seg = fresh
    monkeypatch.setenv("GRAPH_BUILDER_CACHE", str(tmp_path / "cache"))
    key = wordseg.cache_key([("甲乙", "n")])
    assert key != wordseg.cache_key([("甲乙", "nz")]) and key == wordseg.cache_key([("甲乙", "n")])
    assert wordseg.load_cached(key) is None
    wordseg.store_cached(key, seg)
    text = "星河科技副总裁耿志军在深圳表示"
    assert wordseg.load_cached(key).cut(text) == seg.cut(text)
    (tmp_path / "cache" / f"segdict-{key}.npz").write_bytes(b"not an npz")
    assert wordseg.load_cached(key) is None  # a damaged file is ignored, then rebuilt by the caller


def test_the_cache_keeps_only_the_newest_files(tmp_path, monkeypatch):
    from jieba import finalseg

    seg = wordseg.SegDict.from_jieba({"甲": 1}, 1, {}, finalseg)
    monkeypatch.setenv("GRAPH_BUILDER_CACHE", str(tmp_path))
    for i in range(wordseg._KEEP + 3):
        wordseg.store_cached(f"k{i}", seg)
    assert len(list(tmp_path.glob("segdict-*.npz"))) == wordseg._KEEP


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    from jieba import finalseg

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("GRAPH_BUILDER_CACHE", str(blocker / "cache"))  # a folder inside a file
    wordseg.store_cached("k", wordseg.SegDict.from_jieba({"甲": 1}, 1, {}, finalseg))
    assert wordseg.load_cached("k") is None


def test_main_dictionary_tags_stay_jiebas_where_the_lexicons_retag():
    main = segment.dictionary_tags()
    seg = segment.dictionary()
    _tk, tags = segment.tokenizer()
    retagged = [w for w, t in main.items() if tags.get(w) != t]
    assert retagged  # the lexicons do retag some words
    sample = retagged[:500] + list(main)[::700] + [w for w, _t in segment._lexicon_words()[:300]]
    for w in sample:
        assert seg.dict_tags.get(w) == main.get(w), w
        assert seg.tags.get(w) == tags.get(w), w


def test_tags_of_many_words_at_once_are_the_single_lookups():
    seg = segment.dictionary()
    words = ["腾讯", "的", "人工智能", "不在词典里的词", "a", "SU7", "耿志军", "", "鄂尔多斯"] + list(segment.dictionary_tags())[:3000:7]
    words = [w for w in words if w]
    assert seg.dict_tags_of(words) == [seg.dict_tags.get(w) for w in words]
    assert seg.dict_tags_of([]) == []


def test_cut_gives_jieba_words_on_either_path(monkeypatch):
    texts = _texts()[:150]
    compiled = [segment.cut(x) for x in texts]
    tk, _tags = segment.tokenizer()
    assert compiled == [segment.jieba_cut(tk, x) for x in texts]
    monkeypatch.setitem(segment._state, "segdict", None)  # as without numba
    assert [segment.cut(x) for x in texts] == compiled
