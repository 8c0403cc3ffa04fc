"""Scoring the whole pipeline on an annotated dev set (texts written for these tests)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_builder.doc import Document, Mention, Relation
from graph_builder.evaluate_kg import DevsetError, evaluate_devset, format_devset, read_devset

DEVSET = Path(__file__).resolve().parent / "devset" / "devset.jsonl"

TEXT = "星河科技有限公司副总裁张伟表示，星河科技与蓝海集团达成合作。"
RECORD = {
    "id": "t-1",
    "text": TEXT,
    "entities": [
        {"text": "星河科技有限公司", "type": "Company", "start": 0, "end": 8},
        {"text": "张伟", "type": "Person", "start": 11, "end": 13},
        {"text": "星河科技", "type": "Company", "start": 16, "end": 20},
        {"text": "蓝海集团", "type": "Company", "start": 21, "end": 25},
    ],
    "relations": [
        {"subject": "张伟", "subject_type": "Person", "predicate": "worksFor", "object": "星河科技",
         "object_type": "Company", "title": "副总裁"},
        {"subject": "星河科技", "subject_type": "Company", "predicate": "partnerOf", "object": "蓝海集团",
         "object_type": "Company"},
    ],
}


def _write(tmp_path, records):
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def _fake(mentions, relations):
    """A pipeline that returns fixed mentions and relations (to test the scoring alone)."""
    def run(doc: Document) -> Document:
        doc.mentions = [Mention(s, e, t, doc.text[s:e], key=k) for s, e, t, k in mentions]
        doc.relations = [Relation(a, p, b, 0, len(doc.text), title=ti) for a, p, b, ti in relations]
        return doc
    return run


def test_perfect_prediction_scores_one(tmp_path):
    ments = [(0, 8, "Company", "星河科技"), (11, 13, "Person", "张伟"), (16, 20, "Company", "星河科技"),
             (21, 25, "Company", "蓝海集团")]
    # partnerOf given in the reverse order: the predicate is symmetric
    rels = [(1, "worksFor", 0, "副总裁"), (3, "partnerOf", 2, None)]
    res = evaluate_devset(_write(tmp_path, [RECORD]), pipeline=_fake(ments, rels))
    assert res["entities"]["ALL"]["f1"] == 1.0
    assert res["relations"]["precision"] == 1.0 and res["relations"]["recall"] == 1.0
    assert res["titles"] == {"accuracy": 1.0, "n": 1}


def test_surface_form_matches_gold_name_and_errors_count(tmp_path):
    # key is the long name, but the gold name 星河科技 is a surface form of the entity in the record
    ments = [(0, 8, "Company", "星河科技有限公司"), (11, 13, "Person", "张伟"), (16, 20, "Company", "星河科技有限公司"),
             (21, 23, "Place", "蓝海")]
    rels = [(1, "worksFor", 0, "总裁"), (1, "worksFor", 3, None)]
    res = evaluate_devset(_write(tmp_path, [RECORD]), pipeline=_fake(ments, rels))
    assert res["relations"]["tp"] == 1 and res["relations"]["fp"] == 1 and res["relations"]["fn"] == 1
    assert res["titles"] == {"accuracy": 0.0, "n": 1}
    ents = res["entities"]
    assert ents["Company"]["tp"] == 2 and ents["Company"]["fn"] == 1
    assert ents["Place"]["fp"] == 1 and ents["Place"]["precision"] == 0.0
    table = format_devset(res)
    assert "Company" in table and "worksFor" in table and "title accuracy 0.000" in table


def test_bad_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "好"}\nnot json\n', encoding="utf-8")
    with pytest.raises(DevsetError, match=r"bad.jsonl:2"):
        read_devset(bad)
    with pytest.raises(DevsetError, match="cannot read"):
        read_devset(tmp_path / "missing.jsonl")


def test_real_pipeline_on_devset():
    res = evaluate_devset(DEVSET)
    assert res["records"] >= 40
    # Regression floors, a little under the figures measured when this test was written.
    assert res["entities"]["ALL"]["f1"] >= 0.80
    assert res["entities"]["Person"]["f1"] >= 0.88
    assert res["entities"]["Place"]["f1"] >= 0.85
    assert res["relations"]["precision"] >= 0.6
