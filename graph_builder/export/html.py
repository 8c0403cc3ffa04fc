"""The interactive HTML view: one self-contained file that works from ``file://``.

The page is the template ``data/templates/graph.html`` with vis-network
(``data/vendor/vis-network``) and the graph inlined, so opening it makes no
network request. The graph travels as JSON in
``<script type="application/json" id="graph-data">``; every ``<``, ``>``, ``&``
and U+2028/U+2029 in it is written as a ``\\uXXXX`` escape, so no string of the
input can end the script element, and the template builds all text with
``textContent``.

Layout is computed here, not in the browser: a seeded force layout for the
best-connected part and neighbour placement for the rest, so a 20k-entity graph
opens in seconds and the same graph always gives the same bytes.

Examples
--------
>>> from graph_builder.doc import Document, Mention, Relation, Sentence
>>> from graph_builder.graph import build_graph
>>> d = Document(id="a.txt", text="耿志军任腾讯副总裁。")
>>> d.sentences = [Sentence(0, 10)]
>>> d.mentions = [Mention(0, 3, "Person", "耿志军", key="耿志军"), Mention(4, 6, "Company", "腾讯", key="腾讯")]
>>> d.relations = [Relation(0, "worksFor", 1, 0, 10, 0.9, title="副总裁")]
>>> data = graph_payload(build_graph([d]))
>>> sorted(n["l"] for n in data["nodes"]), data["predicates"]
(['耿志军', '腾讯'], ['worksFor', 'coMention'])
>>> print(script_json({"name": "</script>"}))
{"name":"\\u003c/script\\u003e"}
"""
from __future__ import annotations

import html
import json
import math
import re
from collections import deque
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import networkx as nx
import numpy as np

from ..doc import ENTITY_TYPES, PREDICATES
from . import atomic_write

#: Default cap on entities drawn; the rest are left out (counted on the page).
MAX_NODES = 5000
#: Above this many nodes the browser runs no physics: it draws the layout computed here.
PHYSICS_THRESHOLD = 300
#: Nodes laid out by the force layout; the others are placed beside their neighbours.
LAYOUT_CORE = 1000
#: Louvain (seeded) takes seconds from a few thousand nodes on; seeded fast label
#: propagation, a fraction of a second even at 20k, is used above this.
LOUVAIN_MAX = 2000
SEED = 7

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_MARKER_RE = re.compile(r"/\*@(\w+)@\*/")


def write_html(
    G: nx.MultiDiGraph,
    path,
    title: str = "知识图谱",
    max_nodes: int = MAX_NODES,
) -> Path:
    """Write the interactive view of ``G`` to ``path`` atomically and return the path.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph shaped as :mod:`graph_builder.graph` describes.
    path : str or Path
        The HTML file to write (UTF-8). Its folder must exist.
    title : str
        Page title and heading.
    max_nodes : int
        Most entities to draw; above it the best-connected ones are drawn and the
        page says how many were left out.
    """
    path = Path(path)
    text = render_html(G, title=title, max_nodes=max_nodes)
    atomic_write(path, text.encode("utf-8"))
    return path


def render_html(G: nx.MultiDiGraph, title: str = "知识图谱", max_nodes: int = MAX_NODES) -> str:
    """The whole page as a string (see :func:`write_html`)."""
    data = graph_payload(G, title=title, max_nodes=max_nodes)
    parts = {
        "TITLE": html.escape(title),
        "VIS_CSS": _asset("vendor/vis-network/vis-network.css"),
        "VIS_JS": _asset("vendor/vis-network/vis-network.min.js"),
        "GRAPH_DATA": script_json(data),
    }
    # One pass over the template: inserted text is never scanned for markers again.
    return _MARKER_RE.sub(lambda m: parts[m.group(1)], _template())


def script_json(obj) -> str:
    """JSON for a ``<script type="application/json">`` element, safe for any string inside.

    ``<``, ``>``, ``&``, U+2028 and U+2029 only occur inside JSON strings, where
    their ``\\uXXXX`` escapes mean the same, so the output still parses to ``obj``.
    """
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)


def graph_payload(G: nx.MultiDiGraph, title: str = "知识图谱", max_nodes: int = MAX_NODES) -> dict:
    """The data the page draws: nodes, edges, evidence, documents, layout, communities.

    Nodes are ordered by importance (distinct neighbours, then mentions, then IRI);
    node and edge references are indexes into the lists.
    """
    H = _undirected(G)
    order = sorted(G.nodes, key=lambda n: (-H.degree(n), -int(G.nodes[n].get("count") or 0), n))
    max_nodes = max(0, int(max_nodes))
    shown = order[:max_nodes]
    index = {n: i for i, n in enumerate(shown)}
    Hs = _induced(H, shown, index)

    types = _ordered(ENTITY_TYPES, {G.nodes[n].get("type", "") for n in G})
    type_index = {t: i for i, t in enumerate(types)}
    docs_meta = G.graph.get("documents", {}) or {}
    doc_iris = sorted(docs_meta)
    doc_index = {d: i for i, d in enumerate(doc_iris)}

    positions = layout_positions(Hs, shown)
    communities = community_index(Hs, shown)

    nodes = []
    for i, n in enumerate(shown):
        a = G.nodes[n]
        x, y = positions[i]
        nodes.append(
            {
                "i": n,
                "t": type_index[a.get("type", "")],
                "l": str(a.get("label") or n),
                "a": [str(s) for s in a.get("aliases") or ()],
                "d": Hs.degree(n),
                "n": int(a.get("count") or 0),
                "x": x,
                "y": y,
                "m": communities[i],
                "docs": sorted(doc_index[d] for d in a.get("documents") or () if d in doc_index),
            }
        )

    edges, sentences, predicates = _edges(G, index, doc_index)
    typed_total = sum(1 for *_, k in G.edges(keys=True) if k != "coMention")
    typed_shown = sum(1 for e in edges if predicates[e["p"]] != "coMention")
    return {
        "title": title,
        "types": types,
        "predicates": predicates,
        "physics": len(shown) <= PHYSICS_THRESHOLD,
        "docs": [_doc_record(d, docs_meta[d]) for d in doc_iris],
        "sentences": sentences,
        "nodes": nodes,
        "edges": edges,
        "total": {"nodes": G.number_of_nodes(), "relations": typed_total, "comention": G.number_of_edges() - typed_total},
        "omitted": {
            "nodes": G.number_of_nodes() - len(shown),
            "relations": typed_total - typed_shown,
            "comention": G.number_of_edges() - typed_total - (len(edges) - typed_shown),
        },
        "maxNodes": max_nodes,
    }


def layout_positions(H: nx.Graph, order: Sequence[str], seed: int = SEED) -> List[Tuple[float, float]]:
    """Pixel coordinates for ``order`` (most important first), deterministic for a seed.

    The first :data:`LAYOUT_CORE` nodes get a force layout; each other node is placed
    near the neighbour that reached it first in a breadth-first walk from the core,
    and nodes no walk reaches start their own cluster on a spiral round the core.
    """
    n = len(order)
    if n == 0:
        return []
    index = {v: i for i, v in enumerate(order)}
    core = min(n, LAYOUT_CORE)
    src, dst = [], []
    for u, v in H.edges():
        iu, iv = index[u], index[v]
        if iu < core and iv < core:
            src.append(iu)
            dst.append(iv)
    pos = np.zeros((n, 2), dtype=np.float64)
    pos[:core] = _force_layout(core, np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), seed)
    placed = np.zeros(n, dtype=bool)
    placed[:core] = True
    rng = np.random.default_rng(seed)
    # Satellites sit about one core spacing from their anchor, so leaves of a hub form a ring.
    step = 1.0 / math.sqrt(core)
    queue = deque(range(core))
    spiral = 0
    for start in range(core, n + 1):
        while queue:
            u = queue.popleft()
            for v in H[order[u]]:
                iv = index[v]
                if not placed[iv]:
                    angle, radius = rng.random() * 2 * math.pi, step * (0.6 + 0.8 * rng.random())
                    pos[iv] = pos[u] + radius * np.array([math.cos(angle), math.sin(angle)])
                    placed[iv] = True
                    queue.append(iv)
        if start < n and not placed[start]:
            # Golden-angle spiral outside the core: clusters the walk cannot reach.
            spiral += 1
            r = 0.6 + step * 1.5 * math.sqrt(spiral)
            a = spiral * 2.399963229728653
            pos[start] = (r * math.cos(a), r * math.sin(a))
            placed[start] = True
            queue.append(start)
    if n > core:
        pos = _relax(H, order, index, pos, core)
    # Roughly 40 px between neighbours whatever the size.
    scale = 40.0 * math.sqrt(n)
    return [(round(float(x) * scale, 1), round(float(y) * scale, 1)) for x, y in pos]


def _relax(H: nx.Graph, order: Sequence[str], index: Dict[str, int], pos: np.ndarray, core: int, rounds: int = 3) -> np.ndarray:
    """Pull each non-core node halfway to the mean of its neighbours, a few times.

    Breadth-first placement only looks at the first neighbour found; this brings nodes
    with several neighbours between them, keeping the core fixed.
    """
    ends = np.array([(index[u], index[v]) for u, v in H.edges()], dtype=np.int64).reshape(-1, 2)
    if len(ends) == 0:
        return pos
    n = len(order)
    src = np.concatenate([ends[:, 0], ends[:, 1]])
    dst = np.concatenate([ends[:, 1], ends[:, 0]])
    deg = np.bincount(src, minlength=n).astype(np.float64)
    movable = (np.arange(n) >= core) & (deg > 0)
    for _ in range(rounds):
        total = np.zeros_like(pos)
        np.add.at(total, src, pos[dst])
        mean = total / np.maximum(deg, 1)[:, None]
        pos[movable] = 0.5 * pos[movable] + 0.5 * mean[movable]
    return pos


def community_index(H: nx.Graph, order: Sequence[str], seed: int = 0) -> List[int]:
    """Community number per node of ``order``: 0 for the largest community, and so on."""
    if len(order) == 0:
        return []
    if H.number_of_nodes() <= LOUVAIN_MAX:
        groups = nx.community.louvain_communities(H, seed=seed)
    else:
        groups = nx.community.fast_label_propagation_communities(H, seed=seed)
    pos = {v: i for i, v in enumerate(order)}
    ranked = sorted((sorted(pos[v] for v in g) for g in groups), key=lambda g: (-len(g), g[0]))
    out = [0] * len(order)
    for c, members in enumerate(ranked):
        for i in members:
            out[i] = c
    return out


def _force_layout(n: int, src: np.ndarray, dst: np.ndarray, seed: int, iterations: int = 50) -> np.ndarray:
    """Fruchterman-Reingold on dense numpy arrays, in a unit box (about).

    networkx's ``spring_layout`` switches to a per-node Python loop above 500 nodes
    (seconds per thousand); dense arrays do 1000 nodes in a fraction of a second.
    """
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2)) - 0.5).astype(np.float32)
    if n == 1:
        return np.zeros((1, 2))
    k2 = np.float32(1.0 / n)
    k = math.sqrt(1.0 / n)
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        x, y = pos[:, 0], pos[:, 1]
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        w = dx * dx
        w += dy * dy
        np.maximum(w, np.float32(1e-6), out=w)
        np.divide(k2, w, out=w)
        disp = np.empty_like(pos)
        disp[:, 0] = (dx * w).sum(1)
        disp[:, 1] = (dy * w).sum(1)
        # A weak pull to the centre keeps separate components from drifting apart.
        disp -= pos * np.float32(0.05)
        if len(src):
            ed = pos[src] - pos[dst]
            f = ed * (np.sqrt((ed * ed).sum(1)) / np.float32(k))[:, None]
            np.add.at(disp, src, -f)
            np.add.at(disp, dst, f)
        length = np.sqrt((disp * disp).sum(1))
        np.maximum(length, np.float32(1e-9), out=length)
        pos += disp * (np.minimum(length, np.float32(t)) / length)[:, None]
        t -= dt
    pos = pos.astype(np.float64)
    pos -= np.median(pos, axis=0)
    # Weakly tied nodes end far out and would shrink the rest to a dot: scale by the
    # 90th-percentile radius and pull the few beyond it back to the rim.
    radius = np.sqrt((pos * pos).sum(1))
    r90 = float(np.percentile(radius, 90))
    if r90 <= 0:
        return pos
    rim = 1.1 * r90
    far = radius > rim
    pos[far] *= (rim / radius[far])[:, None]
    return pos / rim * 0.5


def _undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """Simple undirected graph of every edge (co-mention included), in sorted node order."""
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes))
    H.add_edges_from(sorted((u, v) if u < v else (v, u) for u, v in G.edges() if u != v))
    return H


def _induced(H: nx.Graph, shown: Sequence[str], index: Dict[str, int]) -> nx.Graph:
    """A real (not view) subgraph on ``shown``: views make community detection several times slower."""
    S = nx.Graph()
    S.add_nodes_from(shown)
    S.add_edges_from((u, v) for u, v in H.edges() if u in index and v in index)
    return S


def _edges(G: nx.MultiDiGraph, index: Dict[str, int], doc_index: Dict[str, int]):
    """Edges among shown nodes with their evidence; sentences are shared in one table."""
    predicates = _ordered(PREDICATES + ("coMention",), {k for *_, k in G.edges(keys=True)})
    pred_index = {p: i for i, p in enumerate(predicates)}
    sentence_index: Dict[str, int] = {}
    rows = []
    for u, v, k, a in G.edges(keys=True, data=True):
        if u not in index or v not in index:
            continue
        edge = {"s": index[u], "o": index[v], "p": pred_index[k], "w": int(a.get("weight") or 1)}
        if a.get("title"):
            edge["ti"] = str(a["title"])
        evidence = []
        for ev in a.get("evidence") or ():
            sentence = str(ev.get("sentence") or "")
            si = sentence_index.setdefault(sentence, len(sentence_index))
            evidence.append(
                [
                    doc_index.get(ev.get("doc"), -1),
                    si,
                    float(ev.get("confidence") or 0.0),
                    str(ev.get("method") or ""),
                    str(ev.get("title") or ""),
                ]
            )
        if evidence:
            edge["ev"] = evidence
        rows.append(edge)
    rows.sort(key=lambda e: (e["s"], e["o"], e["p"]))
    return rows, list(sentence_index), predicates


def _doc_record(iri: str, meta: dict) -> dict:
    out = {"iri": iri}
    for key in ("id", "headline", "author", "publisher", "date", "url"):
        value = meta.get(key)
        out[key] = "" if value is None else str(value)
    return out


def _ordered(known: Sequence[str], present) -> List[str]:
    """Known names in their fixed order, then any others sorted (SPEC allows more types)."""
    present = set(present)
    return [x for x in known if x in present] + sorted(present - set(known))


@lru_cache(maxsize=None)
def _template() -> str:
    return _asset("templates/graph.html")


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    text = resources.files("graph_builder").joinpath("data", *name.split("/")).read_text(encoding="utf-8")
    # Inlined into <script>/<style>: a closing tag inside would end the element early.
    if re.search(r"</(script|style)", text, re.I) and not name.startswith("templates/"):
        raise ValueError(f"{name} contains a closing script/style tag and cannot be inlined")
    return text


#: Headless Chromium flags for checking the view offline (tests, benchmark, screenshots).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def screenshot_html(html_path, png_path, select: Optional[str] = None, width: int = 1400, height: int = 900,
                    executable: str = CHROMIUM) -> Path:
    """Open a written view in headless Chromium and save a PNG of it (for the docs).

    ``select`` names an entity label to select first: the view zooms to it and the
    side panel shows its relations and evidence.
    Needs the ``playwright`` package and a Chromium binary; no browser download.

    Examples
    --------
    >>> screenshot_html("output/graph.html", "docs/screenshot.png", select="腾讯")  # doctest: +SKIP
    """
    from playwright.sync_api import sync_playwright

    png_path = Path(png_path)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(Path(html_path).resolve().as_uri())
            page.wait_for_function("window.graphReady === true", timeout=120_000)
            if select:
                page.evaluate(
                    "label => { const i = graphView.data.nodes.findIndex(n => n.l === label);"
                    " if (i >= 0) graphView.selectNode(i, true); }",
                    select,
                )
                page.wait_for_timeout(800)  # the focus animation takes 300 ms
            page.screenshot(path=str(png_path))
        finally:
            browser.close()
    return png_path
