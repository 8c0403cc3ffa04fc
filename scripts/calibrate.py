#!/usr/bin/env python3
"""Fit relation-confidence calibration on annotated texts and check it on others.

Usage
-----
    python scripts/calibrate.py                      # fit on held-out ho-001..023, check on ho-024..047
    python scripts/calibrate.py --no-write           # only print the tables

It runs the pipeline with the hand-set pattern priors (calibration off) over the
fitting records, counts per relation pattern how many of its relations match a
gold relation, writes ``graph_builder/data/calibration.json`` (see
``graph_builder/calibrate.py``), then prints reliability tables (confidence bins
against observed precision, and the expected calibration error) for the check
records, before and after calibration.

The fitting half of the held-out set is also the half the rules may be examined
on; the check half is never looked at for tuning (tests/heldout/README.md).
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
    ap.add_argument("--fit-ids", default="1-23", help="numeric id range of the fitting records")
    ap.add_argument("--check", default=str(ROOT / "tests/heldout/heldout.jsonl"))
    ap.add_argument("--check-ids", default="24-47")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    fit_rows = rows_for(_records(args.fit, args.fit_ids), use_table=False)
    tab = calibrate.fit(fit_rows, source=f"{Path(args.fit).name} ids {args.fit_ids}")
    if not args.no_write:
        OUT.write_text(json.dumps(tab, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        calibrate.table.cache_clear()
        print(f"wrote {OUT.relative_to(ROOT)}: {tab['global']['n']} relations, "
              f"{len(tab['methods'])} patterns, overall precision {tab['global']['precision']}")
    check = _records(args.check, args.check_ids)
    raw = rows_for(check, use_table=False)
    print(calibrate.format_reliability(calibrate.reliability(raw), f"\n{Path(args.check).name} ids {args.check_ids}: hand-set priors"))
    if not args.no_write:
        cal = rows_for(check, use_table=True)
        print(calibrate.format_reliability(calibrate.reliability(cal), f"\n{Path(args.check).name} ids {args.check_ids}: calibrated"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
