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

ENTITY_TYPES = {"Person", "Company", "Organization", "Product", "Industry", "Place"}
# predicate -> (allowed subject types, allowed object types), as in GUIDELINES.md / SPEC.md
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


def test_entity_offsets_match_text(records):
    for r in records:
        for e in r["entities"]:
            assert 0 <= e["start"] < e["end"] <= len(r["text"]), (r["id"], e)
            assert r["text"][e["start"]:e["end"]] == e["text"], (r["id"], e)


def test_entity_types_are_guideline_types(records):
    for r in records:
        for e in r["entities"]:
            assert e["type"] in ENTITY_TYPES, (r["id"], e)


def test_entities_do_not_overlap(records):
    for r in records:
        spans = sorted((e["start"], e["end"]) for e in r["entities"])
        for (s1, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2, (r["id"], spans)


def test_every_occurrence_is_annotated(records):
    # Guideline 1 and 2: each mention is annotated; an occurrence of an annotated name is
    # either annotated itself or lies inside a longer annotated span.
    for r in records:
        spans = [(e["start"], e["end"]) for e in r["entities"]]
        for name in {e["text"] for e in r["entities"]}:
            i = r["text"].find(name)
            while i >= 0:
                j = i + len(name)
                assert any(s <= i and j <= e for s, e in spans), (r["id"], name, i)
                i = r["text"].find(name, i + 1)


def test_relation_endpoints_are_annotated_with_stated_types(records):
    for r in records:
        typed = {(e["text"], e["type"]) for e in r["entities"]}
        for rel in r["relations"]:
            assert (rel["subject"], rel["subject_type"]) in typed, (r["id"], rel)
            assert (rel["object"], rel["object_type"]) in typed, (r["id"], rel)


def test_relation_predicates_signatures_and_titles(records):
    for r in records:
        for rel in r["relations"]:
            assert rel["predicate"] in SIGNATURES, (r["id"], rel)
            subjects, objects = SIGNATURES[rel["predicate"]]
            assert rel["subject_type"] in subjects and rel["object_type"] in objects, (r["id"], rel)
            if rel["predicate"] == "worksFor":
                # the title is written as in the text
                assert rel.get("title") and rel["title"] in r["text"], (r["id"], rel)
            else:
                assert "title" not in rel, (r["id"], rel)


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
