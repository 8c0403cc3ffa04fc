#!/usr/bin/env python3
"""Cluster Chinese characters by the company they keep, for the CRF's ``cl`` features.

A character that is rare in the NER training data (a given-name character, a
transliteration syllable, the last character of a county's name) still gets a
useful feature when it falls in a cluster of characters that behave like it.
The clusters come from text without entity labels:

* jieba's main dictionary (349k words with their POS tags): for each character,
  the characters before and after it inside words, and its position in words of
  each tag;
* running text of the relation corpora (FinRE train sentences, the DuIE sample),
  for the characters before and after it in sentences.

Each block of counts is reweighted by positive PMI, the blocks are joined,
reduced to 64 dimensions by a randomised SVD and clustered twice by spherical
k-means (64 and 256 clusters, fixed seeds, so the file is the same on every run).
No corpus text is written: only ``char<TAB>cluster-of-64<TAB>cluster-of-256`` lines.
``scripts/ner_variants.py`` measures them as the ``pos_dict_word_cl`` feature set; they
did not help on the held-out 10 % of the training corpora, so the shipped model does
not use them (docs/ner.md, "Character clusters").

Usage::

    python scripts/char_clusters.py --out /tmp/char_clusters.tsv [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_builder import crf  # noqa: E402

CONTEXT = 3000   # the most frequent characters serve as context dimensions
MIN_COUNT = 3    # characters seen in fewer dictionary words or sentences get no cluster
DIMS = 64
SIZES = (64, 256)


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def dictionary_words():
    """(word, tag) of jieba's main dictionary."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                yield parts[0], parts[2] if len(parts) > 2 else "x"


def running_text(data: Path):
    """Distinct sentences of the FinRE train split and the DuIE sample (no entity labels used)."""
    seen = set()
    path = data / "finre/train.txt"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 4:
                    seen.add(parts[3])
    path = data / "duie_sample/train_data_5000.json"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            for line in f:
                try:
                    seen.add(json.loads(line)["text"])
                except (ValueError, KeyError, TypeError):
                    continue
    return sorted(crf.normalize(s) for s in seen)


def _ppmi(x: np.ndarray) -> np.ndarray:
    total = x.sum()
    if total == 0:
        return x
    rows = x.sum(1, keepdims=True) + 1e-9
    cols = x.sum(0, keepdims=True) + 1e-9
    with np.errstate(divide="ignore"):
        pmi = np.log(np.maximum(x * total / (rows * cols), 1e-12))
    return np.maximum(pmi, 0).astype(np.float32)


def count_vectors(words, sentences):
    """(characters, their joined PPMI count vectors)."""
    words = list(words)
    freq = Counter()
    for w, _ in words:
        freq.update(c for c in w if _han(c))
    for s in sentences:
        freq.update(c for c in s if _han(c))
    chars = sorted(c for c, n in freq.items() if n >= MIN_COUNT)
    row = {c: i for i, c in enumerate(chars)}
    context = {c: i for i, (c, _) in enumerate(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT])}
    tags = {t: i for i, t in enumerate(sorted({t for _, t in words}))}
    n = len(chars)
    inside = np.zeros((n, 2 * CONTEXT), dtype=np.float32)     # neighbours inside dictionary words
    place = np.zeros((n, 4 * (len(tags) + 1)), dtype=np.float32)  # B/M/E/S in words, per tag and overall
    around = np.zeros((n, 2 * CONTEXT), dtype=np.float32)     # neighbours in running text
    for w, t in words:
        L = len(w)
        for k, c in enumerate(w):
            i = row.get(c)
            if i is None:
                continue
            pos = 3 if L == 1 else 0 if k == 0 else 2 if k == L - 1 else 1
            place[i, 4 * tags[t] + pos] += 1
            place[i, 4 * len(tags) + pos] += 1
            if k > 0 and w[k - 1] in context:
                inside[i, context[w[k - 1]]] += 1
            if k < L - 1 and w[k + 1] in context:
                inside[i, CONTEXT + context[w[k + 1]]] += 1
    for s in sentences:
        for k, c in enumerate(s):
            i = row.get(c)
            if i is None:
                continue
            if k > 0 and s[k - 1] in context:
                around[i, context[s[k - 1]]] += 1
            if k < len(s) - 1 and s[k + 1] in context:
                around[i, CONTEXT + context[s[k + 1]]] += 1
    return chars, np.hstack([_ppmi(inside), _ppmi(place), _ppmi(around)])


def embed(x: np.ndarray, dims: int = DIMS, seed: int = 7) -> np.ndarray:
    """Unit-length rows of a randomised rank-``dims`` SVD of ``x``."""
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(x @ rng.standard_normal((x.shape[1], dims * 2)).astype(np.float32))
    u, s, _ = np.linalg.svd(q.T @ x, full_matrices=False)
    e = (q @ u[:, :dims]) * s[:dims]
    return e / (np.linalg.norm(e, axis=1, keepdims=True) + 1e-9)


def kmeans(e: np.ndarray, k: int, iters: int = 40, seed: int = 3) -> np.ndarray:
    """Spherical k-means: the cluster of each row."""
    rng = np.random.default_rng(seed)
    centres = e[rng.choice(len(e), k, replace=False)].copy()
    assign = np.zeros(len(e), dtype=np.int64)
    for _ in range(iters):
        assign = np.argmax(e @ centres.T, axis=1)
        for j in range(k):
            members = e[assign == j]
            if len(members):
                c = members.sum(0)
                centres[j] = c / (np.linalg.norm(c) + 1e-9)
    return assign


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", required=True, help="the clusters file to write")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.is_dir():
        print(f"char_clusters: no data directory {data}", file=sys.stderr)
        return 2
    chars, x = count_vectors(dictionary_words(), running_text(data))
    e = embed(x)
    columns = [kmeans(e, k) for k in SIZES]
    lines = ["# char<TAB>cluster of %d<TAB>cluster of %d (scripts/char_clusters.py)" % SIZES]
    lines += ["\t".join([c] + [str(int(col[i])) for col in columns]) for i, c in enumerate(chars)]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(chars)} characters, clusters of {SIZES} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
