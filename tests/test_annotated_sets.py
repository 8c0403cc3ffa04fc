"""Checks shared by the annotated sets: the dev set (tests/devset) and the held-out set (tests/heldout).

Both follow tests/devset/GUIDELINES.md; a wrong offset or a relation pointing at an unannotated
name would silently skew every score computed from them. Set-specific checks (sizes, ids,
coverage) are in test_devset_format.py and test_heldout_set.py.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SETS = [HERE / "devset" / "devset.jsonl", HERE / "heldout" / "heldout.jsonl"]

ENTITY_TYPES = {"Person", "Company", "Organization", "Product", "Industry", "Place"}
# predicate -> (allowed subject types, allowed object types), as in SPEC.md and GUIDELINES.md
SIGNATURES = {
    "worksFor": ({"Person"}, {"Company", "Organization"}),
    "founder": ({"Company", "Organization"}, {"Person"}),
    "manufacturer": ({"Product"}, {"Company"}),
    "inIndustry": ({"Company", "Product"}, {"Industry"}),
    "parentOrganization": ({"Company"}, {"Company"}),
    "partnerOf": ({"Company"}, {"Company"}),
    "investedIn": ({"Company", "Person", "Organization"}, {"Company"}),
}


@pytest.fixture(scope="module", params=SETS, ids=lambda p: p.parent.name)
def records(request):
    lines = request.param.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_entity_offsets_and_types(records):
    for r in records:
        for e in r["entities"]:
            assert 0 <= e["start"] < e["end"] <= len(r["text"]), (r["id"], e)
            assert r["text"][e["start"]:e["end"]] == e["text"], (r["id"], e)
            assert e["type"] in ENTITY_TYPES, (r["id"], e)


def test_entities_do_not_overlap(records):
    for r in records:
        spans = sorted((e["start"], e["end"]) for e in r["entities"])
        for (s1, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2, (r["id"], spans)


def test_every_occurrence_is_annotated(records):
    # Guideline: every mention is annotated; an occurrence of an annotated name is either
    # annotated itself or lies inside a longer annotated span. Industry terms are the exception
    # (guideline 8): the same word used as a product category (该游戏, 负责固态电池研发) is no industry;
    # so are one-character short forms of places (guideline 9: 华 in 在华, not in 大中华区).
    for r in records:
        spans = [(e["start"], e["end"]) for e in r["entities"]]
        for name in {e["text"] for e in r["entities"] if e["type"] != "Industry" and len(e["text"]) > 1}:
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
