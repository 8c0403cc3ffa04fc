"""Tests for graph_builder.neural: the character CNN in NumPy and its place in the CRF recogniser."""
import numpy as np

from graph_builder import crf, neural


def _plain_log_probs(cnn, text):
    """The network written out per character, one text at a time (zero padding at its ends)."""
    x = cnn._emb[[int(cnn._rows[ord(c)]) for c in text]]
    for w0, w1, w2, bias, d in cnn._layers:
        padded = np.vstack([np.zeros((d, x.shape[1])), x, np.zeros((d, x.shape[1]))])
        y = np.array([padded[i] @ w0 + padded[i + d] @ w1 + padded[i + 2 * d] @ w2 for i in range(len(text))]) + bias
        x = x + np.maximum(y, 0)
    z = x @ cnn._out_w + cnn._out_b
    return z - np.log(np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)) - z.max(1, keepdims=True)


def test_model_ships_and_matches_the_crf_labels():
    assert neural.MODEL_FILE.is_file() and neural.MODEL_FILE.stat().st_size < 3_000_000
    cnn = neural.load()
    assert cnn is neural.load()  # cached
    assert set(cnn.labels) == set(crf.load_encoder().model.labels)
    assert len(cnn._layers) == 4 and cnn.gap == 8


def test_batched_equals_one_text_at_a_time():
    cnn = neural.load()
    texts = ["腾讯公司董事长马化腾在深圳表示", "张", "x\0y 𠀀 iPhone 15 Pro", "华为" * 700, ""]
    got = cnn.log_probs(texts)
    assert got.shape == (sum(map(len, texts)), len(cnn.labels))
    want = np.concatenate([_plain_log_probs(cnn, t) for t in texts if t])
    assert np.abs(got - want).max() < 1e-3
    assert np.allclose(np.exp(got).sum(1), 1.0, atol=1e-4)
    # a text's scores never depend on its neighbours in the batch, nor on the chunking
    alone = cnn.log_probs([texts[0]])
    assert np.abs(got[:len(texts[0])] - alone).max() < 1e-5


def test_chunks_split_at_text_boundaries(monkeypatch):
    cnn = neural.load()
    texts = ["星河科技创始人林晓峰表示，公司将扩大投资。"] * 30
    whole = cnn.log_probs(texts)
    monkeypatch.setattr(neural, "CHUNK", 50)
    # float32 sums in another order when the batch is cut elsewhere (the BLAS kernel depends on the
    # CPU and NumPy build: 1.3e-5 seen here with NumPy 2.4); a text cut at a wrong boundary would
    # lose its neighbours' context and move its log-probabilities by far more than this.
    assert np.abs(cnn.log_probs(texts) - whole).max() < 1e-4


def test_encoder_adds_weighted_log_probs(monkeypatch):
    enc = crf.load_encoder()
    assert enc.neural is not None and enc.neural[1] == crf.NEURAL_WEIGHTS[crf.MODEL_FILE.name]
    text = crf.normalize("昨天，北京星海科技股份有限公司董事长王建国在发布会上宣布了新的计划。")
    pieces = [(t, w) for _, t, w in crf._pieces(text)]
    rows, extra = enc.encode(pieces)
    base = enc.model.emissions(rows, extra)
    cnn, weight, order = enc.neural
    combined = base + weight * cnn.log_probs([t for t, _ in pieces])[:, order]
    lengths = np.array([len(t) for t, _ in pieces])
    labels, _ = enc.model.decode(combined, np.cumsum(lengths) - lengths, lengths, False, enc.labels.index("O"))
    want = crf.decode_tags([enc.labels[i] for i in labels.tolist()])
    assert [g[:3] for g in enc.tag(pieces, with_score=False)[0]] == want


def test_no_cnn_for_other_model_files(tmp_path, monkeypatch):
    import shutil

    other = tmp_path / crf.MODEL_FILE.name
    shutil.copy(crf.MODEL_FILE, other)
    assert crf._neural_for(other) is None  # a model trained elsewhere: its own weight was never chosen
    monkeypatch.setattr(neural, "MODEL_FILE", tmp_path / "missing.npz")
    assert crf._neural_for(crf.MODEL_FILE) is None  # the CNN file removed: the CRF alone


def _found(text):
    norm = crf.normalize(text)
    return {(s, e, t) for s, e, t, _ in crf.tag_text(norm)}


def test_cnn_finds_names_the_crf_alone_misses(monkeypatch):
    """Dev records the CRF and the CNN were not trained on (dev-1004 on; the shipped CRF trains on the
    first 1,003): spans only the product finds."""
    import json
    from pathlib import Path

    recs = {}
    for line in (Path(__file__).resolve().parent / "devset" / "devset.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        recs[rec["id"]] = rec
    cases = [("dev-1015", "中建八局", "Company"), ("dev-1033", "宏碁", "Company"), ("dev-1046", "三得利", "Company")]
    spans = {}
    for rid, name, typ in cases:
        gold = [(e["start"], e["end"], typ) for e in recs[rid]["entities"] if e["text"] == name and e["type"] == typ]
        spans[rid] = (recs[rid]["text"], gold)
    with_cnn = {rid: _found(text) for rid, (text, _) in spans.items()}
    monkeypatch.setattr(crf, "NEURAL_WEIGHTS", {})
    crf.clear_model_cache()
    try:
        alone = {rid: _found(text) for rid, (text, _) in spans.items()}
    finally:
        monkeypatch.undo()
        crf.clear_model_cache()
    for rid, (_, gold) in spans.items():
        assert any(g in with_cnn[rid] and g not in alone[rid] for g in gold), rid


def test_latin_and_digits_are_left_to_the_crf(monkeypatch):
    enc = crf.load_encoder()
    pieces = [(crf.normalize("公司将在CES 2026上展示新品。"), None)]
    pieces = [(t, w) for _, t, w in crf._pieces(pieces[0][0])]
    rows, extra = enc.encode(pieces)
    base = enc.model.emissions(rows, extra)
    captured = {}
    real = enc.model.decode

    def spy(emit, *args, **kwargs):
        captured["emit"] = emit.copy()
        return real(emit, *args, **kwargs)

    monkeypatch.setattr(enc.model, "decode", spy)
    enc.tag(pieces, with_score=False)
    text = "".join(t for t, _ in pieces)
    changed = np.abs(captured["emit"] - base).max(axis=1) > 0
    assert [c for c, ch in zip(text, changed) if ch] == [c for c in text if ord(c) >= crf.CJK_START]
