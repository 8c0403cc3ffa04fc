"""Relation confidence calibration: fitting, applying, reliability."""
from __future__ import annotations

import pytest

from graph_builder import calibrate
from graph_builder.doc import Document, Mention, Relation


def test_fit_smooths_method_toward_predicate_and_global():
    rows = [("worksFor:a", "worksFor", 0.9, True)] * 8 + [("worksFor:a", "worksFor", 0.9, False)] * 2
    rows += [("founder:x", "founder", 0.8, False)]
    tab = calibrate.fit(rows)
    assert tab["global"] == {"tp": 8, "n": 11, "precision": round(9 / 13, 3)}
    wf = tab["predicates"]["worksFor"]["precision"]
    assert wf == round((8 + 4 * 9 / 13) / 14, 3)
    # one wrong founder relation: pulled toward the overall figure, not to zero
    assert 0.4 < tab["methods"]["founder:x"]["precision"] < tab["global"]["precision"]


def test_calibrated_keeps_the_factors_of_a_relation():
    tab = {"methods": {"worksFor:title-before-name": {"precision": 0.6}}, "predicates": {}, "global": {"precision": 0.5}}
    prior = calibrate._priors()["worksFor:title-before-name"]
    assert calibrate.calibrated("worksFor:title-before-name", "worksFor", prior, tab) == 0.6
    # a coreferent relation scored at 0.8 of the prior keeps that ratio
    assert calibrate.calibrated("worksFor:title-before-name", "worksFor", prior * 0.8, tab) == pytest.approx(0.48, abs=1e-3)
    # unknown pattern: its predicate's precision, then the global one
    assert calibrate.calibrated("new:pattern", "founder", 0.7, tab) == 0.5


def test_calibrate_without_table_changes_nothing(monkeypatch):
    monkeypatch.setattr(calibrate, "table", lambda: {})
    doc = Document(id="d", text="ab", mentions=[Mention(0, 1, "Person", "a"), Mention(1, 2, "Company", "b")])
    doc.relations = [Relation(0, "worksFor", 1, 0, 2, confidence=0.77, method="worksFor:appointed")]
    assert calibrate.calibrate(doc).relations[0].confidence == 0.77


def test_reliability_bins_and_ece():
    rows = [("m", "p", 0.95, True), ("m", "p", 0.95, False), ("m", "p", 0.55, True)]
    rel = calibrate.reliability(rows)
    assert rel["n"] == 3
    assert [(b[2], b[4]) for b in rel["bins"]] == [(1, 1.0), (2, 0.5)]
    assert rel["ece"] == round((1 * abs(0.55 - 1.0) + 2 * abs(0.95 - 0.5)) / 3, 3)


def test_outcomes_match_gold_one_to_one():
    text = "腾讯副总裁林浩然出席。"
    doc = Document(id="d", text=text, norm=text,
                   mentions=[Mention(0, 2, "Company", "腾讯", key="腾讯"), Mention(5, 8, "Person", "林浩然", key="林浩然")])
    doc.relations = [Relation(1, "worksFor", 0, 0, 11, confidence=0.9, method="worksFor:title-before-name", title="副总裁"),
                     Relation(0, "partnerOf", 1, 0, 11, confidence=0.5, method="partnerOf:agreement")]
    gold = [{"subject": "林浩然", "predicate": "worksFor", "object": "腾讯", "title": "副总裁"}]
    assert [(p, ok) for _m, p, _c, ok in calibrate.outcomes(doc, gold)] == [("worksFor", True), ("partnerOf", False)]
