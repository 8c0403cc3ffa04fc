"""Relation extraction speed on text far denser in mentions than news, against ``jieba.lcut``.

The relate stage runs every pattern of ``graph_builder/data/relations.json`` over
each sentence that holds two mentions or more. News has a few mentions per
sentence; this block has one in every six characters, so it is the stage's
worst case. The mentions are set by hand (as in ``tests/test_relate.py``), so
only ``relate`` is timed. ``jieba.lcut`` over the same text, timed before and
after (the faster run is the baseline), puts the figure in proportion on a busy
machine. The whole pipeline's floor is 50,000 chars/s per core (issue 3);
this stage should take a small share of that: the table says whether it stays
above three times that floor.

Example
-------
::

    python benchmarks/relate.py --repeat 1000
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(REPO / "tests"))

BLOCK = ("星河科技董事长王建国表示，公司推出了星河Watch 3。蓝海集团旗下的星河科技与中国移动达成战略合作。"
         "红杉资本投资了星河科技。今天天气很好，市场情绪平稳，投资者继续观望。")
MENTIONS = [("星河科技", "Company"), ("王建国", "Person"), ("星河Watch 3", "Product"), ("蓝海集团", "Company"),
            ("星河科技", "Company"), ("中国移动", "Company"), ("红杉资本", "Company"), ("星河科技", "Company")]
FLOOR = 150_000  # chars/s: three times the pipeline's 50k floor


def _cpu_seconds(fn, *args) -> float:
    t0 = time.process_time()  # CPU time: other jobs on a shared machine count less
    fn(*args)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=1000, help="copies of the block (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs; the fastest counts (default 3)")
    args = ap.parse_args()

    import jieba

    from doc_helpers import annotated_doc  # noqa: E402  (tests/ is on sys.path)
    from graph_builder.relate import relate
    from graph_builder.resolve import resolve

    text = BLOCK * args.repeat
    jieba.setLogLevel(60)
    plain = jieba.Tokenizer()
    plain.initialize()
    before = len(text) / _cpu_seconds(plain.lcut, text)
    best = None
    found = 0
    for _ in range(args.runs):
        doc = resolve(annotated_doc(text, MENTIONS * args.repeat))
        secs = _cpu_seconds(relate, doc)
        found = len(doc.relations)
        best = secs if best is None else min(best, secs)
    after = len(text) / _cpu_seconds(plain.lcut, text)
    base = max(before, after)
    rate = len(text) / best

    print(f"text: {len(text):,} chars, {len(MENTIONS) * args.repeat:,} mentions, {found:,} relations found")
    print()
    print("| step | chars/s (CPU time) | x jieba.lcut |")
    print("|---|---|---|")
    print(f"| jieba.lcut (baseline) | {base:,.0f} ({before:,.0f} before, {after:,.0f} after) | 1.00 |")
    print(f"| relate | {rate:,.0f} | {rate / base:.2f} |")
    print()
    print(f"relate {'meets' if rate >= FLOOR else 'MISSES'} its floor of {FLOOR:,} chars/s")


if __name__ == "__main__":
    main()
