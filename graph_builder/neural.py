"""A small character CNN whose tag log-probabilities sharpen the CRF's emissions.

The CRF (:mod:`graph_builder.crf`) sees a window of characters, words and lexicon
cues; this network sees each character's learnt embedding and, through four
residual dilated convolutions (dilations 1, 2, 4, 8), 31 characters of context.
It was distilled from a pretrained Chinese transformer fine-tuned for NER
(``scripts/train_neural.py``): it learnt the gold tags of the training corpora
and the teacher's soft tags, also on unlabelled sentences. Its output is a
log-probability per character for each of the CRF's labels; the recogniser adds
it, times a weight, to the CRF's emission scores before Viterbi decoding (a
product of the two models), which raised CLUENER dev and MSRA test F1 by 2-3
points (docs/ner.md, "The character CNN").

Only NumPy runs here: the weights ship as ``data/models/ner_cnn.npz`` (float16,
1.5 MB) and a character costs twelve 128x128 matrix-vector products.

Examples
--------
>>> from graph_builder import neural
>>> cnn = neural.load()
>>> lp = cnn.log_probs(["张三在北京工作", "腾讯"])
>>> lp.shape == (9, len(cnn.labels))
True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import List, Sequence

import numpy as np

MODEL_FILE = Path(__file__).resolve().parent / "data" / "models" / "ner_cnn.npz"
#: Characters per matrix product; longer batches are cut at piece boundaries.
CHUNK = 8192


class CharCNN:
    """The network of ``scripts/train_neural.py`` (class ``CNN``), in NumPy.

    Attributes
    ----------
    labels : list of str
        The output labels (the CRF's BIOES labels), in the order of :meth:`log_probs`'s columns.
    """

    def __init__(self, arrays):
        f32 = {k: np.asarray(v, dtype=np.float32) for k, v in arrays.items() if v.dtype.kind == "f"}
        self.labels: List[str] = [str(x) for x in arrays["labels"].tolist()]
        vocab = [str(x) for x in arrays["vocab"].tolist()]
        # code point -> row of the embedding table (1: unknown); index 0 is the padding row
        self._rows = np.ones(0x110000, dtype=np.int32)
        for i, c in enumerate(vocab[2:], 2):
            self._rows[ord(c)] = i
        self._emb = f32["emb"]
        self._emb[0] = 0.0
        self._layers = []
        i = 0
        while f"conv{i}_w" in arrays:
            w = f32[f"conv{i}_w"]  # (out, in, 3): one (in, out) matrix per tap
            taps = [np.ascontiguousarray(w[:, :, k].T) for k in range(3)]
            self._layers.append((*taps, f32[f"conv{i}_b"], int(arrays[f"conv{i}_d"])))
            i += 1
        self._out_w = np.ascontiguousarray(f32["out_w"].T)
        self._out_b = f32["out_b"]
        self.gap = max((layer[-1] for layer in self._layers), default=1)

    @classmethod
    def load(cls, path) -> "CharCNN":
        with np.load(path) as z:
            return cls({k: z[k] for k in z.files})

    def log_probs(self, texts: Sequence[str]) -> np.ndarray:
        """Per character of ``texts`` laid end to end, the log-probability of each label.

        Each text is scored on its own (zero padding at its ends), as in training.
        """
        out = np.empty((sum(len(t) for t in texts), len(self.labels)), dtype=np.float32)
        row, group, size = 0, [], 0
        for t in texts:
            if group and size + len(t) > CHUNK:
                row = self._chunk(group, out, row)
                group, size = [], 0
            group.append(t)
            size += len(t)
        if group:
            self._chunk(group, out, row)
        return out

    def _chunk(self, texts: List[str], out: np.ndarray, row: int) -> int:
        g = self.gap
        # the texts with `gap` zero rows before, between and after them
        joined = ("\0" * g).join(texts)
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        n = len(codes) + 2 * g
        ids = np.zeros(n, dtype=np.int32)
        ids[g:g + len(codes)] = self._rows[codes]
        is_text = np.zeros(n, dtype=bool)
        a = g
        for t in texts:
            is_text[a:a + len(t)] = True
            a += len(t) + g
        gaps = np.flatnonzero(~is_text)
        ids[gaps] = 0
        x = self._emb[ids]
        for w0, w1, w2, bias, d in self._layers:
            inner = n - 2 * d
            y = x[0:inner] @ w0
            y += x[d:d + inner] @ w1
            y += x[2 * d:2 * d + inner] @ w2
            y += bias
            np.maximum(y, 0.0, out=y)
            x[d:d + inner] += y
            x[gaps] = 0.0
        logits = x[is_text] @ self._out_w
        logits += self._out_b
        logits -= logits.max(axis=1, keepdims=True)
        logits -= np.log(np.exp(logits).sum(axis=1, keepdims=True))
        out[row:row + len(logits)] = logits
        return row + len(logits)


@lru_cache(maxsize=2)
def load(path: str = str(MODEL_FILE)) -> CharCNN:
    """Load the CNN once (``FileNotFoundError`` when the file is missing)."""
    return CharCNN.load(path)
