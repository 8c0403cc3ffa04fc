"""Run bookkeeping: what was read, what was skipped and why, how long each stage took.

One :class:`Report` travels with a build; stages call :meth:`Report.skip` for any
input they cannot use (one line, no traceback) and the CLI turns skips into exit
status 1. It is written to ``DIR/report.json``.
"""
from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from typing import Any, Dict, List

log = logging.getLogger("graph_builder")


class Report:
    def __init__(self) -> None:
        self.documents_read = 0
        self.characters = 0
        self.skipped: List[Dict[str, Any]] = []
        self.timings: Dict[str, float] = defaultdict(float)
        self.entities: Counter = Counter()
        self.relations: Counter = Counter()
        self.extra: Dict[str, Any] = {}

    def skip(self, source: str, reason: str, line: int = None) -> None:
        """Record an input (or one line of it) that was not used."""
        item = {"source": str(source), "reason": reason}
        where = str(source)
        if line is not None:
            item["line"] = line
            where = f"{source}:{line}"
        self.skipped.append(item)
        log.warning("skipped %s: %s", where, reason)

    @contextmanager
    def timer(self, stage: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] += time.perf_counter() - t0

    def to_json(self) -> Dict[str, Any]:
        out = {
            "documents": {"read": self.documents_read, "skipped": len(self.skipped)},
            "characters": self.characters,
            "skipped": self.skipped,
            "entities": dict(sorted(self.entities.items())),
            "relations": dict(sorted(self.relations.items())),
            "timings_s": {k: round(v, 4) for k, v in self.timings.items()},
        }
        out.update(self.extra)
        return out
