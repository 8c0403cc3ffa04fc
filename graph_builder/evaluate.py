"""NER evaluation: corpus readers, type mappings, exact-match P/R/F1, error listing.

An *example* is ``(text, [(start, end, label), ...])`` with ``end`` exclusive and
``label`` the corpus's own label. Each dataset has a gold map (corpus label ->
scored label) and a prediction map (our type -> scored label), so corpora that
do not split companies from other organisations (MSRA ``ORG``) are scored
against our ``Company`` + ``Organization`` together.

Examples
--------
>>> ex = [("张三在北京", [(0, 2, "Person"), (3, 5, "Place")])]
>>> res = evaluate(lambda t: [(0, 2, "Person")], ex, ["Person", "Place"])
>>> res["micro"]["precision"], res["micro"]["recall"]
(1.0, 0.5)
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

Span = Tuple[int, int, str]
Example = Tuple[str, List[Span]]
Predict = Callable[[str], Iterable[Sequence]]

DATASETS = ("cluener", "msra", "bio", "bmes", "peopledaily", "weibo", "resume", "boson")

# Three-way scoring for corpora with PER/ORG/LOC only: Company and Organization both count as ORG.
_PRED_PER_ORG_LOC = {"Person": "PER", "Company": "ORG", "Organization": "ORG", "Place": "LOC"}
# Generic BIO/BMES files: common label spellings of the three classic classes.
_GENERIC_GOLD = {
    "PER": "PER", "PERSON": "PER", "NAME": "PER", "NR": "PER", "PER.NAM": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "NT": "ORG", "ORG.NAM": "ORG", "COMPANY": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC", "NS": "LOC", "LOC.NAM": "LOC", "GPE.NAM": "LOC",
}

#: dataset -> (gold map, prediction map, scored labels, informational labels)
MAPPINGS: Dict[str, Tuple[Dict[str, str], Dict[str, str], Tuple[str, ...], Tuple[str, ...]]] = {
    "cluener": (
        {"name": "Person", "company": "Company", "organization": "Organization",
         "government": "Organization", "address": "Place"},
        {"Person": "Person", "Company": "Company", "Organization": "Organization", "Place": "Place"},
        ("Person", "Company", "Organization"),
        ("Place",),  # CLUENER "address" is full postal addresses: shown, not in the overall figure
    ),
    "msra": ({"PER": "PER", "ORG": "ORG", "LOC": "LOC"}, _PRED_PER_ORG_LOC, ("PER", "ORG", "LOC"), ()),
    "peopledaily": ({"PER": "PER", "ORG": "ORG", "LOC": "LOC"}, _PRED_PER_ORG_LOC, ("PER", "ORG", "LOC"), ()),
    "weibo": (
        {"PER.NAM": "PER", "ORG.NAM": "ORG", "LOC.NAM": "LOC", "GPE.NAM": "LOC"},
        _PRED_PER_ORG_LOC, ("PER", "ORG", "LOC"), (),
    ),
    "resume": ({"NAME": "PER", "ORG": "ORG", "LOC": "LOC"}, _PRED_PER_ORG_LOC, ("PER", "ORG", "LOC"), ()),
    "boson": (
        {"person_name": "Person", "company_name": "Company", "org_name": "Organization",
         "location": "Place", "product_name": "Product"},
        {t: t for t in ("Person", "Company", "Organization", "Place", "Product")},
        ("Person", "Company", "Organization", "Place", "Product"),
        (),
    ),
    "bio": (_GENERIC_GOLD, _PRED_PER_ORG_LOC, ("PER", "ORG", "LOC"), ()),
    "bmes": (_GENERIC_GOLD, _PRED_PER_ORG_LOC, ("PER", "ORG", "LOC"), ()),
}


class DataError(ValueError):
    """A corpus file that cannot be read; the message is one line for the user."""


# --------------------------------------------------------------------------
# readers
# --------------------------------------------------------------------------

def _open_lines(path) -> List[str]:
    p = Path(path)
    if not p.is_file():
        raise DataError(f"no such file: {path}")
    try:
        return p.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as e:
        raise DataError(f"{path}: not UTF-8 ({e.reason})") from None


def _read_jsonl_examples(path, parse, kind: str) -> List[Example]:
    """Examples from a JSON Lines file, one ``parse(record, where) -> (text, spans)`` per line.

    Blank lines are skipped; a malformed record is a :class:`DataError` naming the line.
    """
    out: List[Example] = []
    for no, line in enumerate(_open_lines(path), 1):
        if not line.strip():
            continue
        try:
            text, spans = parse(json.loads(line), f"{path}:{no}")
        except (ValueError, KeyError, TypeError) as e:
            if isinstance(e, DataError):
                raise
            raise DataError(f"{path}:{no}: not {kind} ({e})") from None
        out.append((text, sorted(spans)))
    return out


def read_cluener(path) -> List[Example]:
    """Read CLUENER2020 JSON Lines; its end offsets are *inclusive* and become exclusive here."""
    return _read_jsonl_examples(path, _cluener_record, "a CLUENER record")


def _cluener_record(rec: dict, where: str) -> Example:
    text = rec["text"]
    spans = []
    for label, ents in (rec.get("label") or {}).items():
        for ent, offsets in ents.items():
            for s, e in offsets:
                if text[s:e + 1] != ent:
                    raise DataError(f"{where}: span {s},{e} is not {ent!r}")
                spans.append((s, e + 1, label))
    return text, spans


def decode_char_tags(tags: Sequence[str]) -> List[Span]:
    """Decode BIO, BIOES or BMES tags (``B-X``, ``I-X``/``M-X``, ``E-X``, ``S-X``, ``O``) into spans.

    An ``I``/``M``/``E`` that does not continue an open span of the same label
    starts a new span (the usual lenient reading of ill-formed runs).
    """
    spans: List[Span] = []
    start, cur = -1, None
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            if cur is not None:
                spans.append((start, i, cur))
            start, cur = -1, None
            continue
        pos, label = tag.split("-", 1)
        pos = pos.upper()
        if pos in ("B", "S") or cur != label:
            if cur is not None:
                spans.append((start, i, cur))
            start, cur = i, label
        if pos in ("E", "S"):
            spans.append((start, i + 1, cur))
            start, cur = -1, None
    if cur is not None:
        spans.append((start, len(tags), cur))
    return spans


def read_char_tags(path, strip_digit: bool = False) -> List[Example]:
    """Read a char-per-line tagged file (``char<space or tab>tag``, blank line between sentences).

    Parameters
    ----------
    path : str or Path
    strip_digit : bool
        Weibo NER writes each char with its word-position digit (``科0``); drop it.
    """
    out: List[Example] = []
    chars: List[str] = []
    tags: List[str] = []

    def flush():
        if chars:
            out.append(("".join(chars), decode_char_tags(tags)))
        chars.clear()
        tags.clear()

    for no, line in enumerate(_open_lines(path), 1):
        if not line.strip():
            flush()
            continue
        parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
        if len(parts) != 2:
            # a space char written as " O" splits into ["", "O"] with rsplit; anything else is bad
            raise DataError(f"{path}:{no}: expected 'char tag', got {line!r}")
        ch, tag = parts[0], parts[1].strip()
        if strip_digit and len(ch) > 1 and ch[1:].isdigit():
            ch = ch[0]  # the position number may have two digits (p10)
        if ch == "":
            ch = " "
        elif set(ch) == {"\ufffd"} or (strip_digit and ch[0] == "\ufffd"):
            ch = "\ufffd"  # an emoji broken into replacement chars (Weibo) stays one position
        if len(ch) != 1:
            raise DataError(f"{path}:{no}: expected one character, got {ch!r}")
        chars.append(ch)
        tags.append(tag)
    flush()
    return out


def read_entity_jsonl(path) -> List[Example]:
    """Read the Boson / MSRA-sample JSON Lines format (``entity_list`` with exclusive ``end``)."""
    return _read_jsonl_examples(path, _entity_list_record, "an entity_list record")


def _entity_list_record(rec: dict, where: str) -> Example:
    text = rec["text"]
    spans = []
    for ent in rec.get("entity_list") or []:
        s, e = ent["entity_index"]["begin"], ent["entity_index"]["end"]
        if "entity" in ent and text[s:e] != ent["entity"]:
            raise DataError(f"{where}: span {s},{e} is not {ent['entity']!r}")
        spans.append((s, e, ent["entity_type"]))
    return text, spans


def read_dataset(dataset: str, path) -> List[Example]:
    """Read ``path`` with the reader of ``dataset`` (one of :data:`DATASETS`); labels unmapped."""
    if dataset not in DATASETS:
        raise DataError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")
    if dataset == "cluener":
        return read_cluener(path)
    if dataset == "boson" or str(path).endswith(".jsonl"):
        return read_entity_jsonl(path)
    return read_char_tags(path, strip_digit=(dataset == "weibo"))


def map_examples(examples: Iterable[Example], mapping: Dict[str, str]) -> List[Example]:
    """Relabel spans with ``mapping``; labels it lacks are dropped."""
    out = []
    for text, spans in examples:
        out.append((text, [(s, e, mapping[l]) for s, e, l in spans if l in mapping]))
    return out


# --------------------------------------------------------------------------
# scoring
# --------------------------------------------------------------------------

def predict_all(predict: Predict, examples: Sequence[Example],
                pred_map: Optional[Dict[str, str]] = None) -> List[List[Span]]:
    """Run ``predict(text)`` on every example; map our types with ``pred_map`` (others dropped)."""
    preds = []
    for text, _ in examples:
        spans = []
        for p in predict(text) or []:
            s, e, t = p[0], p[1], p[2]
            if pred_map is not None:
                if t not in pred_map:
                    continue
                t = pred_map[t]
            spans.append((int(s), int(e), t))
        preds.append(spans)
    return preds


def _prf(tp: int, fp: int, fn: int) -> Dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "support": tp + fn, "precision": p, "recall": r, "f1": f}


def score(examples: Sequence[Example], predictions: Sequence[Sequence[Span]],
          types: Sequence[str], info_types: Sequence[str] = ()) -> Dict:
    """Exact span + type match counts and P/R/F1 per type, plus micro over ``types``.

    ``info_types`` are scored and listed too but left out of the micro figure.
    """
    counts = {t: Counter() for t in list(types) + list(info_types)}
    for (_, gold), pred in zip(examples, predictions):
        g = {x for x in gold if x[2] in counts}
        p = {x for x in pred if x[2] in counts}
        for x in g & p:
            counts[x[2]]["tp"] += 1
        for x in p - g:
            counts[x[2]]["fp"] += 1
        for x in g - p:
            counts[x[2]]["fn"] += 1
    per_type = {t: _prf(c["tp"], c["fp"], c["fn"]) for t, c in counts.items()}
    tot = Counter()
    for t in types:
        tot.update(counts[t])
    return {
        "per_type": per_type,
        "types": list(types),
        "info_types": list(info_types),
        "micro": _prf(tot["tp"], tot["fp"], tot["fn"]),
        "examples": len(examples),
    }


def evaluate(predict: Predict, examples: Sequence[Example], types: Sequence[str],
             pred_map: Optional[Dict[str, str]] = None, info_types: Sequence[str] = ()) -> Dict:
    """Score ``predict`` on ``examples`` (gold labels already in the scored label set).

    Parameters
    ----------
    predict : callable
        ``predict(text) -> [(start, end, type), ...]``, end exclusive.
    examples : list of (text, [(start, end, label)])
    types : labels to score; the micro figure covers these.
    pred_map : dict, optional
        Our type -> scored label (e.g. Company and Organization -> ORG).
    info_types : labels scored but left out of the micro figure.

    Returns
    -------
    dict
        ``per_type[label] = {precision, recall, f1, tp, fp, fn, support}``,
        ``micro`` the same over ``types``.
    """
    return score(examples, predict_all(predict, examples, pred_map), types, info_types)


def format_table(result: Dict) -> str:
    """Render a result of :func:`evaluate` as a plain-text table."""
    rows = [f"{'type':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]

    def row(name, m):
        rows.append(f"{name:<14}{m['precision']:>8.4f}{m['recall']:>8.4f}{m['f1']:>8.4f}"
                    f"{m['support']:>8d}{m['tp'] + m['fp']:>8d}")

    for t in result["types"]:
        row(t, result["per_type"][t])
    row("micro", result["micro"])
    for t in result.get("info_types", []):
        row(t + " (info)", result["per_type"][t])
    return "\n".join(rows)


def errors(examples: Sequence[Example], predictions: Sequence[Sequence[Span]],
           types: Sequence[str], n: int = 5, context: int = 12) -> str:
    """List up to ``n`` false positives and ``n`` false negatives per type, with context.

    The span is shown in ``[brackets]`` inside ``context`` characters each side;
    a false positive also names the overlapping gold span, if any.
    """
    fps = {t: [] for t in types}
    fns = {t: [] for t in types}

    def show(text, s, e):
        left = text[max(0, s - context):s].replace("\n", " ")
        right = text[e:e + context].replace("\n", " ")
        return f"{left}[{text[s:e]}]{right}"

    for (text, gold), pred in zip(examples, predictions):
        g, p = set(gold), set(pred)
        for s, e, t in sorted(p - g):
            if t in fps and len(fps[t]) < n:
                near = [x for x in gold if x[0] < e and s < x[1]]
                note = f"  (gold: {', '.join(text[a:b] + '/' + l for a, b, l in near)})" if near else ""
                fps[t].append(show(text, s, e) + note)
        for s, e, t in sorted(g - p):
            if t in fns and len(fns[t]) < n:
                fns[t].append(show(text, s, e))
    lines = []
    for t in types:
        lines.append(f"== {t}: false positives")
        lines.extend("  " + x for x in fps[t]) if fps[t] else lines.append("  (none)")
        lines.append(f"== {t}: false negatives")
        lines.extend("  " + x for x in fns[t]) if fns[t] else lines.append("  (none)")
    return "\n".join(lines)


_list_errors = errors  # run_eval's ``errors`` argument shadows the function name


def run_eval(dataset: str, path, predict: Predict, errors: int = 0) -> str:
    """Read ``path`` as ``dataset``, score ``predict`` and return the printed report.

    Raises
    ------
    DataError
        Unknown dataset, missing or malformed file (one-line message).
    """
    n_errors = errors
    examples = read_dataset(dataset, path)
    if not examples:
        raise DataError(f"{path}: no sentences found")
    gold_map, pred_map, types, info = MAPPINGS[dataset]
    examples = map_examples(examples, gold_map)
    preds = predict_all(predict, examples, pred_map)
    result = score(examples, preds, types, info)
    chars = sum(len(t) for t, _ in examples)
    out = [f"{dataset}: {path} ({len(examples)} sentences, {chars} chars)", format_table(result)]
    if n_errors:
        out.append(_list_errors(examples, preds, list(types) + list(info), n_errors))
    return "\n".join(out)


def main(dataset: str, path, errors: int = 0, predict: Optional[Predict] = None) -> int:
    """CLI entry: print the report; return an exit status (2 on bad input)."""
    import sys

    if predict is None:
        from graph_builder import crf

        def predict(text):
            return [(s, e, t) for s, e, t, _ in crf.tag_text(crf.normalize(text), with_score=False)]
    try:
        print(run_eval(dataset, path, predict, errors=errors))
    except DataError as e:
        print(f"graph-builder eval: {e}", file=sys.stderr)
        return 2
    return 0
