"""Relation confidence calibrated on annotated text.

The relate stage scores a relation with its pattern's prior (``relations.json``)
times factors for coreference, hedging and distance. Those priors were set by
hand. :func:`calibrate` replaces the prior by the precision the pattern had on
annotated texts that the rules were not written from, so that a confidence of
0.7 means about 70% of such relations are right:

    confidence = precision(method) * raw / prior(method)

(the factors for coreference, hedging and distance are kept, as a ratio).
``precision(method)`` is smoothed toward its predicate's precision, and that
toward the overall precision (Beta priors of weight :data:`STRENGTH`), so a
pattern seen rarely gets its predicate's figure. The table is
``data/calibration.json``, written by ``scripts/calibrate.py`` only when the
calibration, estimated leave-one-record-out on held-out annotated text, beats
the hand-set priors (lower expected calibration error and Brier score); without
the table :func:`calibrate` keeps the priors. On the 33 relations of the
untouched held-out half it did not (ECE 0.160 against 0.119), so none ships.

Examples
--------
>>> from graph_builder.doc import Document, Mention, Relation
>>> doc = Document(id="d", text="x", mentions=[Mention(0, 1, "Person", "x"), Mention(0, 1, "Company", "y")])
>>> doc.relations = [Relation(0, "worksFor", 1, 0, 1, confidence=0.9, method="worksFor:title-before-name")]
>>> 0.0 < calibrate(doc).relations[0].confidence <= 1.0
True
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .doc import Document

#: Weight (pseudo-observations) of the prior in each smoothing step.
STRENGTH = 4.0
#: Confidence never falls below this, nor rises above CEILING: no pattern is certain.
FLOOR, CEILING = 0.05, 0.99


@lru_cache(maxsize=1)
def table() -> dict:
    """The calibration table (``data/calibration.json``); empty when absent."""
    try:
        raw = resources.files("graph_builder").joinpath("data/calibration.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return json.loads(raw)


@lru_cache(maxsize=1)
def _priors() -> Dict[str, float]:
    """Pattern name -> its hand-set prior confidence (``relations.json``)."""
    raw = json.loads(resources.files("graph_builder").joinpath("data/relations.json").read_text("utf-8"))
    out = {}
    for key in ("patterns", "pair_patterns", "respective_patterns"):
        for p in raw.get(key, []):
            out[p["name"]] = float(p["confidence"])
    return out


def calibrated(method: str, predicate: str, raw: float, tab: Optional[dict] = None) -> float:
    """The calibrated confidence of one relation (see the module docstring)."""
    tab = table() if tab is None else tab
    if not tab:
        return raw
    prec = tab.get("methods", {}).get(method, {}).get("precision")
    if prec is None:
        prec = tab.get("predicates", {}).get(predicate, {}).get("precision", tab.get("global", {}).get("precision"))
    if prec is None:
        return raw
    prior = _priors().get(method)
    factor = min(1.0, raw / prior) if prior else 1.0
    return round(min(CEILING, max(FLOOR, prec * factor)), 3)


def calibrate(doc: Document) -> Document:
    """Replace every relation's confidence by its calibrated value (in place)."""
    tab = table()
    if tab:
        for r in doc.relations:
            r.confidence = calibrated(r.method, r.predicate, r.confidence, tab)
    return doc


# --------------------------------------------------------------------------- fitting


def outcomes(doc: Document, gold: Sequence[dict]) -> List[Tuple[str, str, float, bool]]:
    """``(method, predicate, confidence, correct)`` of each distinct predicted relation.

    Matching follows :mod:`graph_builder.evaluate_kg` (one gold relation to at most
    one prediction; names by key or any surface form of the entity in the record).
    """
    from .evaluate_kg import _matches, _names

    names = _names(doc)
    preds, seen = [], set()
    for r in doc.relations:
        s, o = doc.mentions[r.subject], doc.mentions[r.object]
        sk, ok = s.ident, o.ident
        ident = (r.predicate, sk, ok, r.title)
        if ident in seen:
            continue
        seen.add(ident)
        preds.append(((r.predicate, names[sk], names[ok], r.title), r))
    used = [False] * len(preds)
    for g in gold:
        for want_title in (True, False):
            hit = next((k for k, (p, _r) in enumerate(preds) if not used[k] and _matches(p, g)
                        and (not want_title or p[3] == g.get("title"))), None)
            if hit is not None:
                used[hit] = True
                break
    return [(r.method, r.predicate, r.confidence, used[k]) for k, (_p, r) in enumerate(preds)]


def _smooth(tp: float, n: float, prior: float) -> float:
    return (tp + STRENGTH * prior) / (n + STRENGTH)


def fit(rows: Iterable[Tuple[str, str, float, bool]], source: str = "") -> dict:
    """The calibration table from ``outcomes`` rows (see the module docstring)."""
    rows = list(rows)
    tp = sum(ok for *_x, ok in rows)
    glob = (tp + 1) / (len(rows) + 2)
    by_pred: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    by_method: Dict[str, List] = defaultdict(lambda: [0, 0, ""])
    for method, pred, _conf, ok in rows:
        by_pred[pred][0] += ok
        by_pred[pred][1] += 1
        m = by_method[method]
        m[0] += ok
        m[1] += 1
        m[2] = pred
    preds = {p: {"tp": c[0], "n": c[1], "precision": round(_smooth(c[0], c[1], glob), 3)}
             for p, c in sorted(by_pred.items())}
    methods = {}
    for method, (t, n, pred) in sorted(by_method.items()):
        methods[method] = {"tp": t, "n": n, "precision": round(_smooth(t, n, preds[pred]["precision"]), 3)}
    return {"source": source, "strength": STRENGTH,
            "global": {"tp": tp, "n": len(rows), "precision": round(glob, 3)},
            "predicates": preds, "methods": methods}


def reliability(rows: Iterable[Tuple[str, str, float, bool]],
                edges: Sequence[float] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)) -> dict:
    """Confidence bins against observed precision, and the expected calibration error.

    Returns ``{"bins": [(low, high, n, mean confidence, precision)], "ece": float, "n": int}``;
    ECE is the count-weighted mean of ``|mean confidence - precision|`` over the bins.
    """
    rows = list(rows)
    bins, err = [], 0.0
    for lo, hi in zip(edges, edges[1:]):
        inside = [(c, ok) for *_x, c, ok in rows if lo <= c < hi]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        prec = sum(ok for _, ok in inside) / len(inside)
        bins.append((lo, min(hi, 1.0), len(inside), round(conf, 3), round(prec, 3)))
        err += len(inside) * abs(conf - prec)
    return {"bins": bins, "ece": round(err / len(rows), 3) if rows else 0.0, "n": len(rows)}


def format_reliability(rel: dict, title: str) -> str:
    """One table: a row per confidence bin, then the ECE."""
    lines = [title, f"{'confidence':<12}{'n':>5}{'mean conf':>11}{'precision':>11}"]
    for lo, hi, n, conf, prec in rel["bins"]:
        lines.append(f"{lo:.1f}-{hi:.1f}{'':<5}{n:>5}{conf:>11.3f}{prec:>11.3f}")
    lines.append(f"ECE {rel['ece']:.3f} over {rel['n']} relations")
    return "\n".join(lines)
