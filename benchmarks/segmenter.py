"""Word segmentation speed: jieba, our Python port of its cut, and the compiled cut, in one run.

All three give the same words (tests/test_wordseg.py); this prints what each
costs on the same texts, and what the pipeline's ``tokenize`` (words plus POS
tags and name guesses) costs on top, with either cutter:

* ``jieba.lcut``: jieba's own ``Tokenizer.cut`` (HMM on), the baseline, timed
  before and after the others (the faster run is kept);
* ``segment.jieba_cut``: jieba 0.42's algorithm in plain Python, fused (the
  cutter without numba);
* ``wordseg``: the dictionary as trie arrays and the cut compiled by numba
  (the default);
* ``tokenize``: ``segment.tokenize`` on each path.

Also the one-time cost of getting each dictionary ready in a fresh process:
jieba's tokenizer with the lexicon words and its tag table, against the
compiled dictionary read from its cache.

The texts are the corpus of ``benchmarks/throughput.py`` (``../shared/data``).

Example
-------
::

    python benchmarks/segmenter.py --mb 2
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(REPO / "benchmarks"))

_LOAD = """
import time, sys
sys.path.insert(0, {repo!r})
t = time.perf_counter()
from graph_builder import segment
segment.{call}
print(time.perf_counter() - t)
"""


def _rate(fn, texts) -> float:
    chars = sum(len(t) for t in texts)
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return chars / (time.perf_counter() - start)


def _load_seconds(call: str) -> float:
    out = subprocess.run([sys.executable, "-c", _LOAD.format(repo=str(REPO), call=call)], check=True,
                         capture_output=True, text=True).stdout
    return float(out.split()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MiB (default 2)")
    args = ap.parse_args()

    from throughput import DATA, corpus_texts, write_corpus  # noqa: E402  (first: importing jieba resets sys.path)

    import jieba

    from graph_builder import segment

    with tempfile.TemporaryDirectory(prefix="gb-seg-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        info = write_corpus(corpus, args.mb, DATA)
        texts = corpus_texts(corpus)
    tk, _tags = segment.tokenizer()
    seg = segment.dictionary()
    if seg is None:
        sys.exit("the compiled segmenter is unavailable here (numba missing or GRAPH_BUILDER_NO_JIT set)")
    jieba.setLogLevel(60)
    plain = jieba.Tokenizer()
    plain.initialize()
    seg.cut(texts[0])  # compiled already; first call of this size

    before = _rate(lambda t: plain.lcut(t), texts)
    rows = [
        ("segment.jieba_cut (Python)", _rate(lambda t: segment.jieba_cut(tk, t), texts)),
        ("wordseg (numba)", _rate(seg.cut, texts)),
        ("tokenize, wordseg", _rate(segment.tokenize, texts)),
    ]
    state = segment._state
    state["segdict"], saved = None, state["segdict"]
    rows.append(("tokenize, jieba_cut", _rate(segment.tokenize, texts)))
    state["segdict"] = saved
    after = _rate(lambda t: plain.lcut(t), texts)
    base = max(before, after)

    print(f"corpus: {info['chars']:,} chars, {info['documents']:,} documents")
    print()
    print("| cutter | chars/s | x jieba.lcut |")
    print("|---|---|---|")
    print(f"| jieba.lcut (baseline) | {base:,.0f} ({before:,.0f} before, {after:,.0f} after) | 1.00 |")
    for name, rate in rows:
        print(f"| {name} | {rate:,.0f} | {rate / base:.2f} |")
    print()
    print("| ready to cut, fresh process | seconds |")
    print("|---|---|")
    print(f"| jieba tokenizer + lexicon words + tag table | {_load_seconds('tokenizer()'):.2f} |")
    print(f"| compiled dictionary from its cache (and numba kernels) | {_load_seconds('dictionary()'):.2f} |")


if __name__ == "__main__":
    main()
