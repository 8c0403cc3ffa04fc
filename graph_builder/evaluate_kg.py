"""Score the whole extraction pipeline on the annotated dev set.

The dev set (``tests/devset/devset.jsonl``, rules in ``tests/devset/GUIDELINES.md``)
holds short texts with gold entity spans and gold relations between canonical
names. :func:`evaluate_devset` runs the pipeline on every text and reports

* entity precision / recall / F1 per type (a hit needs the exact span and type);
* relation precision / recall / F1: a predicted relation matches a gold one
  when predicate, subject and object agree. A predicted argument agrees with a
  gold name when the name is its resolved key (``Mention.key``) or any surface
  form of that entity in the same record (``partnerOf`` is symmetric);
* title accuracy: among matched ``worksFor`` relations with a gold title, the
  share whose predicted title is the same.

Examples
--------
>>> result = evaluate_devset("tests/devset/devset.jsonl")  # doctest: +SKIP
>>> print(format_devset(result))  # doctest: +SKIP
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Dict, List, Optional, Sequence, Set, Tuple

from .doc import ENTITY_TYPES, Document

_SYMMETRIC = frozenset(("partnerOf",))


class DevsetError(ValueError):
    """The dev-set file cannot be read (missing, not JSON Lines, missing fields)."""


def read_devset(path) -> List[dict]:
    """Read the JSON Lines records of the dev set.

    Raises
    ------
    DevsetError
        One line saying which file or line is wrong.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DevsetError(f"cannot read dev set {path}: {exc}") from None
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DevsetError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise DevsetError(f"{path}:{n}: a record needs a 'text' string")
        rec.setdefault("id", f"line-{n}")
        rec.setdefault("entities", [])
        rec.setdefault("relations", [])
        records.append(rec)
    return records


def _prf(tp: int, fp: int, fn: int) -> Dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def _entity_counts(doc: Document, gold: Sequence[dict], counts: Dict[str, List[int]]) -> None:
    pred = {(m.start, m.end, m.type) for m in doc.mentions}
    want = {(e["start"], e["end"], e["type"]) for e in gold}
    for _s, _e, t in pred & want:
        counts[t][0] += 1
    for _s, _e, t in pred - want:
        counts[t][1] += 1
    for _s, _e, t in want - pred:
        counts[t][2] += 1


def _names(doc: Document) -> Dict[Tuple[str, str], Set[str]]:
    """(type, key) -> every name the entity has in this record (key and surface forms)."""
    out: Dict[Tuple[str, str], Set[str]] = defaultdict(set)
    for m in doc.mentions:
        key = m.label
        out[(m.type, key)].update((key, m.name, doc.text[m.start:m.end]))
    for (t, key), forms in doc.aliases.items():
        out[(t, key)].update(forms)
    return out


def _predicted_relations(doc: Document) -> List[Tuple[str, Set[str], Set[str], Optional[str]]]:
    names = _names(doc)
    out = []
    seen = set()
    for r in doc.relations:
        s, o = doc.mentions[r.subject], doc.mentions[r.object]
        sk, ok = s.ident, o.ident
        ident = (r.predicate, sk, ok, r.title)
        if ident in seen:  # the same fact stated twice counts once
            continue
        seen.add(ident)
        out.append((r.predicate, names[sk], names[ok], r.title))
    return out


def _matches(pred, gold: dict) -> bool:
    p, subj, obj, _title = pred
    if p != gold.get("predicate"):
        return False
    gs, go = gold.get("subject"), gold.get("object")
    if gs in subj and go in obj:
        return True
    return p in _SYMMETRIC and gs in obj and go in subj


def _relation_counts(doc: Document, gold: Sequence[dict], acc: Dict[str, int]) -> None:
    preds = _predicted_relations(doc)
    used = [False] * len(preds)
    for g in gold:
        hit = None
        # prefer a prediction with the same title, so several titles match one to one
        for want_title in (True, False):
            for k, pr in enumerate(preds):
                if not used[k] and _matches(pr, g) and (not want_title or pr[3] == g.get("title")):
                    hit = k
                    break
            if hit is not None:
                break
        if hit is None:
            acc["fn"] += 1
            continue
        used[hit] = True
        acc["tp"] += 1
        if g.get("predicate") == "worksFor" and g.get("title"):
            acc["titles"] += 1
            acc["titles_ok"] += preds[hit][3] == g["title"]
    acc["fp"] += used.count(False)


def evaluate_devset(path, pipeline=None, errors: Optional[list] = None) -> dict:
    """Run ``pipeline`` (default :class:`~graph_builder.pipeline.Pipeline`) on the dev set and score it.

    Parameters
    ----------
    path : str or Path
        The dev-set JSON Lines file.
    pipeline : callable, optional
        ``Document -> Document``.
    errors : list, optional
        When given, receives one dict per record with its missed and spurious
        entities and relations (for error analysis).

    Returns
    -------
    dict
        ``{"records", "entities": {type: prf, "ALL": prf}, "relations": prf,
        "relations_by_predicate": {pred: prf}, "titles": {"accuracy", "n"}}``.
    """
    if pipeline is None:
        from .pipeline import Pipeline

        pipeline = Pipeline()
    records = read_devset(path)
    ent = {t: [0, 0, 0] for t in ENTITY_TYPES}
    rel = {"tp": 0, "fp": 0, "fn": 0, "titles": 0, "titles_ok": 0}
    by_pred: Dict[str, Dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "titles": 0, "titles_ok": 0})
    for rec in records:
        doc = pipeline(Document(id=str(rec["id"]), text=rec["text"]))
        _entity_counts(doc, rec["entities"], ent)
        _relation_counts(doc, rec["relations"], rel)
        for p in set(r.predicate for r in doc.relations) | set(g.get("predicate") for g in rec["relations"]):
            _relation_counts(_only(doc, p), [g for g in rec["relations"] if g.get("predicate") == p], by_pred[p])
        if errors is not None:
            errors.append(_record_errors(doc, rec))
    tot = [sum(v[i] for v in ent.values()) for i in range(3)]
    return {
        "records": len(records),
        "entities": {**{t: _prf(*v) for t, v in ent.items()}, "ALL": _prf(*tot)},
        "relations": _prf(rel["tp"], rel["fp"], rel["fn"]),
        "relations_by_predicate": {p: _prf(c["tp"], c["fp"], c["fn"]) for p, c in sorted(by_pred.items())},
        "titles": {"accuracy": rel["titles_ok"] / rel["titles"] if rel["titles"] else 0.0, "n": rel["titles"]},
    }


def _only(doc: Document, predicate: str) -> Document:
    """A shallow copy of ``doc`` that keeps only the relations with ``predicate``."""
    out = Document(id=doc.id, text=doc.text, norm=doc.norm, mentions=doc.mentions, aliases=doc.aliases)
    out.relations = [r for r in doc.relations if r.predicate == predicate]
    return out


def _record_errors(doc: Document, rec: dict) -> dict:
    pred = {(m.start, m.end, m.type) for m in doc.mentions}
    want = {(e["start"], e["end"], e["type"]) for e in rec["entities"]}
    text = rec["text"]
    preds = _predicted_relations(doc)
    missed = [g for g in rec["relations"] if not any(_matches(p, g) for p in preds)]
    spurious = [(p, sorted(s)[0] if s else "", sorted(o)[0] if o else "", t) for p, s, o, t in preds
                if not any(_matches((p, s, o, t), g) for g in rec["relations"])]
    return {
        "id": rec["id"],
        "missed_entities": sorted((text[s:e], t, s) for s, e, t in want - pred),
        "spurious_entities": sorted((text[s:e], t, s) for s, e, t in pred - want),
        "missed_relations": missed,
        "spurious_relations": spurious,
    }


def format_devset(result: dict) -> str:
    """A plain-text table of :func:`evaluate_devset`'s result."""
    lines = [f"dev set: {result['records']} records", "",
             f"{'entities':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def row(name: str, s: Dict[str, float]) -> str:
        return (f"{name:<14}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")

    for t, s in result["entities"].items():
        lines.append(row(t, s))
    lines += ["", f"{'relations':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for p, s in result["relations_by_predicate"].items():
        lines.append(row(p[:14], s))
    lines.append(row("ALL", result["relations"]))
    t = result["titles"]
    lines += ["", f"title accuracy {t['accuracy']:.3f} (n={t['n']})"]
    return "\n".join(lines)
