"""People of the same name are kept apart when their employers conflict (issue 3, item 4)."""
from __future__ import annotations

import pytest

from graph_builder.doc import Document
from graph_builder.graph import GraphBuilder
from graph_builder.pipeline import Pipeline
from graph_builder.vocab import entity_iri

DOCS = [
    "星河科技副总裁张伟表示，公司将扩大产能。",
    "蓝鲸动力董事长张伟出席了发布会。",
    "张伟在会上发言。",
    "星河科技副总裁张伟再次发言。",
]


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def _persons(builder):
    G = builder.graph()
    out = {}
    for n, d in G.nodes(data=True):
        if d["type"] == "Person":
            employers = sorted(G.nodes[o]["label"] for _, o, k in G.out_edges(n, keys=True) if k == "worksFor")
            out[n] = (d["label"], d["count"], employers, d["aliases"])
    return out


def test_conflicting_employers_make_two_people(pipe):
    b = GraphBuilder()
    for i, t in enumerate(DOCS):
        b.add(pipe(Document(id=f"d{i}", text=t)))
    people = _persons(b)
    assert len(people) == 2
    plain = entity_iri("Person", "张伟")
    # the first one seen keeps the plain IRI; the name without an employer goes to it
    assert people[plain][:3] == ("张伟", 3, ["星河科技"])
    other = entity_iri("Person", "张伟（蓝鲸动力）")
    assert people[other][:3] == ("张伟", 1, ["蓝鲸动力"]) and "张伟（蓝鲸动力）" in people[other][3]


def test_same_employer_or_none_is_one_person(pipe):
    b = GraphBuilder()
    for i, t in enumerate([DOCS[0], DOCS[2], DOCS[3]]):
        b.add(pipe(Document(id=f"d{i}", text=t)))
    assert list(_persons(b)) == [entity_iri("Person", "张伟")]


def test_update_keeps_people_apart(pipe, tmp_path):
    b = GraphBuilder()
    for i, t in enumerate(DOCS[:2]):
        b.add(pipe(Document(id=f"d{i}", text=t)))
    b.save(tmp_path / "state.json.gz")
    b2 = GraphBuilder.load(tmp_path / "state.json.gz")
    for i, t in enumerate(DOCS[2:], start=2):
        b2.add(pipe(Document(id=f"d{i}", text=t)))
    one = GraphBuilder()
    for i, t in enumerate(DOCS):
        one.add(pipe(Document(id=f"d{i}", text=t)))
    assert {k: v[:3] for k, v in _persons(b2).items()} == {k: v[:3] for k, v in _persons(one).items()}
