"""Format and consistency checks on the held-out evaluation set (tests/heldout/heldout.jsonl).

The held-out set is scored, never tuned on; a wrong offset or a relation that points at an
unannotated name would silently distort the per-type figures it is meant to give. The checks
follow tests/devset/GUIDELINES.md and need nothing outside the repository.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

HELDOUT = Path(__file__).resolve().parent / "heldout" / "heldout.jsonl"

from test_annotated_sets import ENTITY_TYPES, SIGNATURES  # noqa: E402  (tests/ is on sys.path)


@pytest.fixture(scope="module")
def records():
    lines = HELDOUT.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_record_count_and_ids(records):
    assert len(records) >= 40
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids), "duplicate ids"
    assert all(re.fullmatch(r"ho-\d{3}", i) for i in ids), ids


def test_record_keys(records):
    for r in records:
        assert set(r) == {"id", "text", "entities", "relations"}, r["id"]


def test_text_lengths(records):
    for r in records:
        assert 100 <= len(r["text"]) <= 400, (r["id"], len(r["text"]))


def test_no_duplicate_relations(records):
    for r in records:
        keys = [(x["subject"], x["predicate"], x["object"], x.get("title")) for x in r["relations"]]
        assert len(set(keys)) == len(keys), r["id"]


def test_coverage_of_types_predicates_and_negatives(records):
    types = Counter(e["type"] for r in records for e in r["entities"])
    assert set(types) == ENTITY_TYPES, types
    predicates = Counter(x["predicate"] for r in records for x in r["relations"])
    for predicate in SIGNATURES:
        assert predicates[predicate] >= 3, (predicate, predicates)
    # records with several companies and no relation keep precision honest
    negatives = [r for r in records if not r["relations"]
                 and sum(e["type"] == "Company" for e in r["entities"]) >= 2]
    assert len(negatives) >= 2
