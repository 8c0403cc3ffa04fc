"""RDF at scale: write a graph of a million triples, load it for ``query``, answer a two-hop join.

Issue 4's targets: writing 1M triples in 10 s at most, loading for ``query``
fast (pyoxigraph), and a two-hop join (person -> employer -> industry) in
about a second. A real corpus gives about 36,000 triples per MiB, so the graph
here is made up instead, with the shape of a real one: documents that name
people, companies, products, industries and places, with worksFor (and a
title), manufacturer and inIndustry relations whose evidence cites a sentence.
They go through the real ``GraphBuilder`` (store, corpus merge, lazy graph) and
the real exporter, ``write_rdf``, which ``build`` uses; ``query``'s own
``load`` and ``run_query`` read it back.

Needs no shared data. Prints one table.

Example
-------
::

    python benchmarks/rdf_io.py                    # at least 1,000,000 triples
    python benchmarks/rdf_io.py --triples 200000
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(REPO / "benchmarks"))
from throughput import TWO_HOP  # noqa: E402  (the same join as the throughput table's)

TRIPLES_PER_DOC = 56  # measured on this generator; it only sizes the batch of documents
HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def _names(rng: random.Random, n: int, lo: int, hi: int, suffix: str = "") -> list:
    out = set()
    while len(out) < n:
        out.add("".join(rng.choice(HAN) for _ in range(rng.randint(lo, hi))) + suffix)
    return sorted(out)


def _documents(count: int, start: int, pools: dict, rng: random.Random):
    from graph_builder.doc import Document, Mention, Relation, Sentence

    titles = ["董事长", "总裁", "首席执行官", "副总裁", "首席技术官", "总经理"]
    for i in range(start, start + count):
        person, company = rng.choice(pools["Person"]), rng.choice(pools["Company"])
        product, industry = rng.choice(pools["Product"]), rng.choice(pools["Industry"])
        place, title = rng.choice(pools["Place"]), rng.choice(titles)
        parts = [(company, "Company"), ("在", None), (place, "Place"), ("宣布，", None), (title, None),
                 (person, "Person"), ("表示公司将推出", None), (product, "Product"), ("。", None),
                 (company, "Company"), ("是一家", None), (industry, "Industry"), ("企业。", None)]
        text, mentions, pos = "", [], 0
        for s, type_ in parts:
            if type_:
                mentions.append(Mention(start=pos, end=pos + len(s), type=type_, name=s))
            text += s
            pos += len(s)
        cut = text.index("。") + 1
        sentences = [Sentence(0, cut), Sentence(cut, len(text))]
        # mentions: 0 company, 1 place, 2 person, 3 product, 4 company, 5 industry
        relations = [Relation(subject=2, predicate="worksFor", object=0, start=0, end=cut, confidence=0.9,
                              title=title),
                     Relation(subject=3, predicate="manufacturer", object=0, start=0, end=cut, confidence=0.8),
                     Relation(subject=4, predicate="inIndustry", object=5, start=cut, end=len(text),
                              confidence=0.7)]
        yield Document(id=f"doc-{i:07d}", text=text, norm=text, sentences=sentences, mentions=mentions,
                       relations=relations, meta={"headline": f"新闻{i}", "date": "2026-11-26"})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="at least this many triples (default 1M)")
    args = ap.parse_args(argv)

    from graph_builder.export.rdf import write_rdf
    from graph_builder.graph import GraphBuilder
    from graph_builder.query import load, run_query
    from graph_builder.resolve import corpus_key_map

    rng = random.Random(4)
    scale = max(1, args.triples // 1_000_000)
    pools = {"Person": _names(rng, 30_000 * scale, 2, 3), "Company": _names(rng, 6_000 * scale, 2, 4, "科技"),
             "Product": _names(rng, 12_000 * scale, 2, 4, "Pro"), "Industry": _names(rng, 400, 2, 4),
             "Place": _names(rng, 300, 2, 3, "市")}
    with tempfile.TemporaryDirectory(prefix="gb-rdf-") as tmp:
        builder, docs, stats = GraphBuilder(), 0, {"triples": 0}
        t0 = time.perf_counter()
        while True:
            need = max(1000, (args.triples - stats["triples"]) // TRIPLES_PER_DOC + 1)
            for doc in _documents(need, docs, pools, rng):
                builder.add(doc)
            docs += need
            builder.merge(corpus_key_map(builder.keys()))
            G = builder.graph(lazy=True)
            t1 = time.perf_counter()
            out = Path(tmp) / "out"
            write_rdf(G, out, ["ttl"], stats=stats)
            write_s = time.perf_counter() - t1
            if stats["triples"] >= args.triples:
                break
        build_s = t1 - t0
        size = (out / "graph.ttl").stat().st_size
        t2 = time.perf_counter()
        store = load(str(out / "graph.ttl"))
        load_s = time.perf_counter() - t2
        times, rows = [], []
        for _ in range(5):
            t3 = time.perf_counter()
            _, rows = run_query(store, TWO_HOP)
            rows = list(rows)
            times.append(time.perf_counter() - t3)
    print("| measure | value |\n|---|---|")
    print(f"| graph | {docs:,} documents, {G.number_of_nodes():,} nodes (GraphBuilder, {build_s:.1f} s) |")
    print(f"| write graph.ttl (`write_rdf`) | {stats['triples']:,} triples in {write_s:.1f} s = "
          f"{stats['triples'] / write_s:,.0f} triples/s; {size / (1 << 20):.0f} MiB |")
    print(f"| load for `query` (pyoxigraph) | {load_s:.1f} s = {stats['triples'] / load_s:,.0f} triples/s |")
    print(f"| two-hop join person -> employer -> industry | {statistics.median(times):.2f} s median of 5, "
          f"{len(rows):,} rows |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
