"""Format and consistency checks on the annotated dev set (tests/devset/devset.jsonl).

The dev set is the yardstick for entity and relation extraction, so a wrong offset or a relation
pointing at an unannotated name would silently skew every score computed from it.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parent / "devset" / "devset.jsonl"

from test_annotated_sets import ENTITY_TYPES, SIGNATURES  # noqa: E402  (tests/ is on sys.path)


@pytest.fixture(scope="module")
def records():
    lines = DEVSET.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_record_count_and_ids(records):
    assert len(records) >= 36
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids), "duplicate ids"


def test_text_lengths(records):
    for r in records:
        assert 60 <= len(r["text"]) <= 250, (r["id"], len(r["text"]))


def test_relation_volume_and_predicate_coverage(records):
    counts = Counter(rel["predicate"] for r in records for rel in r["relations"])
    assert sum(counts.values()) >= 25
    for predicate in SIGNATURES:
        assert counts[predicate] >= 3, (predicate, counts)


def test_all_entity_types_present(records):
    types = Counter(e["type"] for r in records for e in r["entities"])
    assert set(types) == ENTITY_TYPES, types


def test_has_negative_records(records):
    # Records with several companies and no relation keep precision honest.
    negatives = [r for r in records if not r["relations"]
                 and sum(e["type"] == "Company" for e in r["entities"]) >= 2]
    assert len(negatives) >= 2
