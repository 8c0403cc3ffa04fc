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

ENTITY_TYPES = {"Person", "Company", "Organization", "Product", "Industry", "Place"}
# predicate -> (allowed subject types, allowed object types), as in SPEC.md
SIGNATURES = {
    "worksFor": ({"Person"}, {"Company", "Organization"}),
    "founder": ({"Company", "Organization"}, {"Person"}),
    "manufacturer": ({"Product"}, {"Company"}),
    "inIndustry": ({"Company", "Product"}, {"Industry"}),
    "parentOrganization": ({"Company"}, {"Company"}),
    "partnerOf": ({"Company"}, {"Company"}),
    "investedIn": ({"Company", "Person", "Organization"}, {"Company"}),
}


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


def test_entity_offsets_match_text(records):
    for r in records:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"], (r["id"], e)
            assert e["type"] in ENTITY_TYPES, (r["id"], e)


def test_entities_do_not_overlap(records):
    for r in records:
        spans = sorted((e["start"], e["end"]) for e in r["entities"])
        for (s1, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2, (r["id"], spans)


def test_every_occurrence_is_annotated(records):
    # Guideline: every mention is annotated; an occurrence of an annotated name is either
    # annotated itself or lies inside another annotated span (no nesting).
    for r in records:
        spans = [(e["start"], e["end"]) for e in r["entities"]]
        for name in {e["text"] for e in r["entities"]}:
            i = r["text"].find(name)
            while i >= 0:
                j = i + len(name)
                assert any(s <= i and j <= e for s, e in spans), (r["id"], name, i)
                i = r["text"].find(name, i + 1)


def test_relation_endpoints_are_annotated(records):
    for r in records:
        typed = {(e["text"], e["type"]) for e in r["entities"]}
        for rel in r["relations"]:
            assert (rel["subject"], rel["subject_type"]) in typed, (r["id"], rel)
            assert (rel["object"], rel["object_type"]) in typed, (r["id"], rel)


def test_relation_signatures_and_titles(records):
    for r in records:
        for rel in r["relations"]:
            subjects, objects = SIGNATURES[rel["predicate"]]
            assert rel["subject_type"] in subjects and rel["object_type"] in objects, (r["id"], rel)
            if rel["predicate"] == "worksFor":
                assert rel.get("title"), (r["id"], rel)
            else:
                assert "title" not in rel, (r["id"], rel)


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
