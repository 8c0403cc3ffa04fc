#!/usr/bin/env python3
"""Fit relation-confidence calibration on annotated texts and check it on others.

Usage
-----
    python scripts/calibrate.py                      # fit on held-out ho-024..047
    python scripts/calibrate.py --no-write           # only print the tables
    python scripts/calibrate.py --fit-ids 24-143 --check-ids 144-191   # fit on three batches, judge on the fourth

It runs the pipeline with the hand-set pattern priors (calibration off) over the
fitting records and counts per relation pattern how many of its relations match
a gold relation. It prints reliability tables (confidence bins against observed
precision, and the expected calibration error) for the hand-set priors and for
calibration estimated leave-one-record-out (each record's confidences come
from a table fitted on the other records), then writes the table fitted on all
of them to ``graph_builder/data/calibration.json`` (see ``graph_builder/calibrate.py``).

Why the second half of the held-out set: the rules were examined on the first
half (ho-001..023), so its precision is optimistic; the second half was never
looked at for tuning (tests/heldout/README.md), so its precision is what new
text gets. Calibrating on it changes confidences only, never which relations
are found. With ``--check-ids`` the table fitted on ``--fit-ids`` is also judged on
records it never saw, and it is written only when it beats the priors there too.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_builder import calibrate  # noqa: E402
from graph_builder.doc import Document  # noqa: E402
from graph_builder.evaluate_kg import read_devset  # noqa: E402
from graph_builder.pipeline import Pipeline  # noqa: E402

OUT = ROOT / "graph_builder" / "data" / "calibration.json"


def _records(path: str, ids: str):
    lo, hi = (int(x) for x in ids.split("-"))
    return [r for r in read_devset(path) if lo <= int(str(r["id"]).rsplit("-", 1)[-1]) <= hi]


def rows_for(records, use_table: bool):
    """Outcome rows of every record, with calibration on or off."""
    saved = calibrate.table
    if not use_table:
        calibrate.table = lambda: {}
    try:
        pipe = Pipeline()
        rows = []
        for rec in records:
            doc = pipe(Document(id=str(rec["id"]), text=rec["text"]))
            rows.extend(calibrate.outcomes(doc, rec["relations"]))
        return rows
    finally:
        calibrate.table = saved


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fit", default=str(ROOT / "tests/heldout/heldout.jsonl"))
    ap.add_argument("--fit-ids", default="24-47", help="numeric id range of the fitting records")
    ap.add_argument("--check-ids", default="",
                    help="numeric id range of other records of the same file: the fitted table is judged on them")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    records = _records(args.fit, args.fit_ids)
    per_record = [rows_for([rec], use_table=False) for rec in records]
    raw = [row for rows in per_record for row in rows]
    loo = []
    for k, rows in enumerate(per_record):
        others = [row for j, rr in enumerate(per_record) if j != k for row in rr]
        tab = calibrate.fit(others)
        loo.extend((m, p, calibrate.calibrated(m, p, c, tab), ok) for m, p, c, ok in rows)
    name = f"{Path(args.fit).name} ids {args.fit_ids}"
    print(calibrate.format_reliability(calibrate.reliability(raw), f"{name}: hand-set priors"))
    print(calibrate.format_reliability(calibrate.reliability(loo), f"\n{name}: calibrated, leave one record out"))
    before, after = calibrate.reliability(raw), calibrate.reliability(loo)
    b_raw, b_loo = _brier(raw), _brier(loo)
    print(f"\nBrier score: hand-set priors {b_raw:.3f}, calibrated (leave one out) {b_loo:.3f}")
    tab = calibrate.fit(raw, source=name)
    better = after["ece"] < before["ece"] and b_loo <= b_raw
    if args.check_ids:
        # records the table never saw: their relations with the priors and with the table
        check = [row for rec in _records(args.fit, args.check_ids) for row in rows_for([rec], use_table=False)]
        fitted = [(m, p, calibrate.calibrated(m, p, c, tab), ok) for m, p, c, ok in check]
        cname = f"{Path(args.fit).name} ids {args.check_ids}"
        print(calibrate.format_reliability(calibrate.reliability(check), f"\n{cname}: hand-set priors"))
        print(calibrate.format_reliability(calibrate.reliability(fitted), f"\n{cname}: table fitted on {args.fit_ids}"))
        c_raw, c_fit = _brier(check), _brier(fitted)
        print(f"\nBrier score on {args.check_ids}: hand-set priors {c_raw:.3f}, fitted table {c_fit:.3f}")
        better = better and calibrate.reliability(fitted)["ece"] < calibrate.reliability(check)["ece"] and c_fit <= c_raw
    if args.no_write:
        return 0
    if better:
        OUT.write_text(json.dumps(tab, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}: {tab['global']['n']} relations, "
              f"{len(tab['methods'])} patterns, overall precision {tab['global']['precision']}")
    else:
        # On too few relations the fitted table is noisier than the priors: keep the priors.
        OUT.unlink(missing_ok=True)
        print(f"calibration does not beat the hand-set priors here: {OUT.relative_to(ROOT)} not written "
              "(relate keeps the priors)")
    return 0


def _brier(rows) -> float:
    return sum((c - ok) ** 2 for *_x, c, ok in rows) / len(rows) if rows else 0.0


if __name__ == "__main__":
    sys.exit(main())
