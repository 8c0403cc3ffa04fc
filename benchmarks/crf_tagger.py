"""CRF tagging speed: python-crfsuite against the NumPy tagger, with and without numba, in one run.

The three taggers compute the same spans and scores (tests/test_crf.py); this
prints what each costs on the same segmented documents, next to ``jieba.lcut``
over the same texts (measured before and after, the faster run is the baseline):

* ``python-crfsuite``: feature strings (``crf.sentence_features``), then
  ``Tagger.tag`` and ``Tagger.marginal`` per sequence (the tagger before issue 4's work);
* ``NumPy``: feature rows as integer keys (``crf._Encoder``), Viterbi and
  forward-backward as NumPy steps over batches of sequences (used when numba is missing);
* ``NumPy + numba``: the same rows, decoded by the numba-compiled loops (the default).

Documents are normalised and segmented first (not timed), and tagged 64 at a
time, as the pipeline batches them. The corpus is the one of
``benchmarks/throughput.py`` (``../shared/data``).

Example
-------
::

    python benchmarks/crf_tagger.py --mb 1
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(REPO / "benchmarks"))


def _documents(corpus: Path):
    from graph_builder.doc import Document
    from graph_builder.pipeline import Pipeline
    from throughput import corpus_texts  # noqa: E402  (benchmarks/ is on sys.path)

    stages = dict(Pipeline().stages)
    docs = [Document(id=str(i), text=t) for i, t in enumerate(corpus_texts(corpus))]
    return [stages["segment"](stages["normalize"](d)) for d in docs]


def _crfsuite(docs) -> None:
    from graph_builder import crf

    tagger = crf.load_model()
    for doc in docs:
        words = crf.token_words(doc.norm, doc.tokens)
        for s in doc.sentences:
            for a, b in crf.split_sequences(doc.norm[s.start:s.end]):
                a, b = s.start + a, s.start + b
                text = doc.norm[a:b]
                if not text.strip():
                    continue
                tags = tagger.tag(crf.sentence_features(text, words[a:b]))
                for x, y, _t in crf.decode_tags(tags):
                    min(tagger.marginal(tags[k], k) for k in range(x, y))


def _numpy(docs) -> None:
    from graph_builder import crf

    for i in range(0, len(docs), 64):
        crf.tag_documents(docs[i:i + 64])


def child(corpus: str, which: str) -> None:
    """Time one tagger in this process (a fresh one, so numba can be switched off)."""
    docs = _documents(Path(corpus))
    chars = sum(len(d.text) for d in docs)
    run = _crfsuite if which == "crfsuite" else _numpy
    run(docs[:20])  # load the model (and compile) before timing
    t0 = time.perf_counter()
    run(docs)
    print(chars / (time.perf_counter() - t0))


def _time(corpus: Path, which: str, env=None) -> float:
    out = subprocess.run([sys.executable, __file__, "--child", str(corpus), which], capture_output=True,
                         text=True, env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--mb", type=float, default=1.0, help="corpus size in MiB (default 1)")
    p.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    from throughput import DATA, corpus_texts, jieba_baseline, write_corpus

    with tempfile.TemporaryDirectory(prefix="gb-crf-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        info = write_corpus(corpus, args.mb, DATA)
        texts = corpus_texts(corpus)
        before = jieba_baseline(texts)
        no_jit = dict(os.environ, GRAPH_BUILDER_NO_JIT="1")
        rows = [("python-crfsuite (string features)", _time(corpus, "crfsuite")),
                ("NumPy encoder + NumPy decoder", _time(corpus, "numpy", no_jit)),
                ("NumPy encoder + numba decoder (default)", _time(corpus, "numpy"))]
        base = max(before, jieba_baseline(texts))
    print(f"corpus: {info['chars']:,} chars, {info['documents']:,} docs; jieba.lcut {base:,.0f} chars/s "
          "(faster of the runs before and after)")
    print(f"| {'CRF tagger (spans + scores)':<42} | {'chars/s':>10} | {'x jieba':>7} |")
    print(f"|{'-' * 44}|{'-' * 12}|{'-' * 9}|")
    for name, cps in rows:
        print(f"| {name:<42} | {cps:>10,.0f} | {cps / base:>7.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
