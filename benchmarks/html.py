"""Benchmark the HTML view: write time and time to interactive in headless Chromium.

Synthetic graphs of the builder's shape (typed relations with evidence, co-mentions,
documents) are written with :func:`write_html`, opened from ``file://`` and timed until
the page sets ``window.graphReady`` (network drawn, controls built).

Usage::

    python benchmarks/html.py                      # 1k, 5k, 20k entities, default cap
    python benchmarks/html.py --sizes 20000 --max-nodes 20000   # draw everything
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

# Run as a script, this folder is sys.path[0] and this file would shadow the stdlib
# ``html`` module (networkx imports html.entities): swap it for the repository root.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import networkx as nx  # noqa: E402

from graph_builder.doc import ENTITY_TYPES, PREDICATES  # noqa: E402
from graph_builder.export.html import CHROMIUM, CHROMIUM_ARGS, MAX_NODES, write_html  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
SYLLABLES = "华明国建志伟芳秀英晓峰海云龙天星光新达信通安泰盛和"


def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """``n`` entities, about 2n typed relations with one evidence sentence each, n/2 co-mentions."""
    rng = random.Random(seed)
    B = nx.barabasi_albert_graph(n, 2, seed=seed)
    G = nx.MultiDiGraph()
    docs = {f"doc{i:05d}": {"id": f"news/{i:05d}.txt", "headline": f"第{i}号示例新闻", "author": None,
                             "publisher": "示例日报", "date": "2024-01-01", "url": None, "mentions": []}
            for i in range(max(1, n // 10))}
    G.graph["documents"] = docs
    doc_ids = sorted(docs)
    names = {}
    for v in B:
        t = ENTITY_TYPES[rng.randrange(len(ENTITY_TYPES))]
        name = rng.choice(SURNAMES) + "".join(rng.choice(SYLLABLES) for _ in range(2)) + str(v)
        names[v] = name
        G.add_node(f"e{v:06d}", type=t, label=name, aliases=[name + "公司"] if t == "Company" else [],
                   count=rng.randint(1, 20), documents=sorted(rng.sample(doc_ids, min(2, len(doc_ids)))))
    for u, v in B.edges():
        p = PREDICATES[rng.randrange(len(PREDICATES))]
        sentence = f"{names[u]}与{names[v]}的关系见于本句。"
        ev = [{"doc": rng.choice(doc_ids), "sentence": sentence, "start": 0, "end": len(sentence),
               "confidence": 0.8, "method": "pattern", "title": "总经理" if p == "worksFor" else None}]
        G.add_edge(f"e{u:06d}", f"e{v:06d}", key=p, predicate=p, weight=1,
                   title=ev[0]["title"], evidence=ev)
    for _ in range(n // 2):
        a, b = sorted(rng.sample(range(n), 2))
        G.add_edge(f"e{a:06d}", f"e{b:06d}", key="coMention", predicate="coMention", weight=1)
    return G


def time_to_interactive(browser, path: Path) -> float:
    """Seconds from navigation start until the page sets window.graphReady."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri(), timeout=300_000)
    page.wait_for_function("window.graphReady === true", timeout=300_000, polling=50)
    ready_ms = page.evaluate("window.graphReadyAt")
    page.close()
    if errors:
        raise RuntimeError(f"page errors: {errors[:3]}")
    return ready_ms / 1000.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--max-nodes", type=int, default=MAX_NODES)
    ap.add_argument("--no-browser", action="store_true", help="only time write_html")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    browser = pw = None
    if not args.no_browser and os.access(CHROMIUM, os.X_OK):
        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            G = synthetic_graph(n)
            t0 = time.perf_counter()
            path = write_html(G, Path(tmp) / f"g{n}.html", max_nodes=args.max_nodes)
            write_s = time.perf_counter() - t0
            drawn = min(n, args.max_nodes)
            tti = time_to_interactive(browser, path) if browser else float("nan")
            rows.append((n, G.number_of_edges(), drawn, path.stat().st_size / 1e6, write_s, tti))
    if browser:
        browser.close()
        pw.stop()
    print(f"{'entities':>8} {'edges':>7} {'drawn':>6} {'MB':>6} {'write_html s':>12} {'interactive s':>13}")
    for n, m, drawn, mb, w, tti in rows:
        print(f"{n:>8} {m:>7} {drawn:>6} {mb:>6.1f} {w:>12.2f} {tti:>13.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
