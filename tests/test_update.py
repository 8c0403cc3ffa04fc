"""``build --update``: add documents to an earlier build without redoing it.

The texts are written for these tests (fictional companies and people). Batch
``a`` is built first; batch ``b`` is then added with ``--update`` while ``a`` is
given again, so the run must skip ``a``'s documents. The result must be the
graph a build from scratch over both batches gives.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph_builder import build
from graph_builder.vocab import document_iri

REPO = Path(__file__).resolve().parents[1]

BATCH_A = {
    "01_qinghe_watch.txt": (
        "青禾电子发布新一代智能手表\n\n"
        "杭州青禾电子科技有限公司（以下简称“青禾电子”）今日发布新一代智能手表青禾Watch 5。"
        "青禾电子副总裁周明远表示，公司将继续扩大可穿戴设备业务。"
        "青禾电子是一家可穿戴设备企业，总部位于杭州。\n"
    ),
    "02_yuanshan_invest.txt": (
        "远山资本领投青禾电子B轮融资\n\n"
        "远山资本投资了青禾电子。远山资本合伙人许静表示，看好可穿戴设备行业的长期发展。\n"
    ),
}
BATCH_B = {
    "03_qinghe_partner.txt": (
        "青禾電子與江南移動達成戰略合作\n\n"
        "青禾電子與江南移動達成戰略合作。青禾電子首席執行官陳立華表示，雙方將在杭州共建聯合實驗室。\n"
    ),
    "04_qinghe_launch.txt": (
        "青禾电子举办新品发布会\n\n"
        "青禾电子副总裁周明远出席了在杭州举办的新品发布会，并介绍了青禾Watch 5的销售情况。\n"
    ),
}


def _write(folder: Path, files: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _nt_lines(outdir: Path) -> set:
    return set((outdir / "graph.nt").read_text("utf-8").splitlines())


def _entities(G) -> dict:
    """label -> (iri, node attributes) of every entity mentioned in some document."""
    return {d["label"]: (n, d) for n, d in G.nodes(data=True) if d.get("count", 0) > 0}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The first build of ``a``, its update with ``a`` + ``b``, and a build from scratch of both."""
    root = tmp_path_factory.mktemp("update")
    a = _write(root / "a", BATCH_A)
    b = _write(root / "b", BATCH_B)
    out = root / "out"
    G1, _, r1 = build([str(a)], outdir=out, formats="nt", html=False)
    first = {"G": G1, "report": r1.to_json(), "nt": _nt_lines(out)}
    G2, _, r2 = build([str(a), str(b)], outdir=out, formats="nt", html=False, update=True)
    updated = {"G": G2, "report": json.loads((out / "report.json").read_text("utf-8")), "nt": _nt_lines(out)}
    scratch_out = root / "scratch"
    G3, _, _ = build([str(a), str(b)], outdir=scratch_out, formats="nt", html=False)
    scratch = {"G": G3, "nt": _nt_lines(scratch_out)}
    return {"a": a, "b": b, "first": first, "updated": updated, "scratch": scratch, "root": root}


def test_update_skips_documents_already_built(builds):
    info = builds["updated"]["report"]["update"]
    assert info == {"documents_before": len(BATCH_A), "documents_added": len(BATCH_B)}
    # Only batch b went through the pipeline: its mentions alone were counted.
    first_mentions = sum(builds["first"]["report"]["entities"].values())
    updated_mentions = sum(builds["updated"]["report"]["entities"].values())
    total = sum(d["count"] for _, d in builds["updated"]["G"].nodes(data=True))
    assert updated_mentions == total - first_mentions


def test_update_keeps_earlier_iris_and_adds_new_entities(builds):
    before = _entities(builds["first"]["G"])
    after = _entities(builds["updated"]["G"])
    assert before, "the first build found no entity"
    for label, (iri, _) in before.items():
        assert label in after and after[label][0] == iri, label
    new = set(after) - set(before)
    assert new, "batch b added no entity"
    assert "陈立华" in new  # named only in batch b (in Traditional script)
    counts_before = {iri: d["count"] for iri, d in before.values()}
    grown = [iri for iri, d in after.values() if iri in counts_before and d["count"] > counts_before[iri]]
    assert grown, "no earlier entity got the mentions of batch b"


def test_update_merges_aliases(builds):
    before = {iri: set(d["aliases"]) for iri, d in _entities(builds["first"]["G"]).values()}
    after = {iri: set(d["aliases"]) for iri, d in _entities(builds["updated"]["G"]).values()}
    for iri, aliases in before.items():
        assert aliases <= after[iri], iri
    # Batch b writes 青禾电子 in Traditional script: that surface joins the same entity.
    iri = next(i for i, d in _entities(builds["updated"]["G"]).values() if d["label"] == "青禾电子")
    assert "青禾電子" in after[iri] and "青禾電子" not in before.get(iri, set())


def test_update_appends_evidence(builds):
    G = builds["updated"]["G"]
    b_docs = {document_iri(str(builds["b"] / name)) for name in BATCH_B}
    a_docs = {document_iri(str(builds["a"] / name)) for name in BATCH_A}
    first_edges = {(s, o, k): len(d["evidence"]) for s, o, k, d in builds["first"]["G"].edges(keys=True, data=True)
                   if k != "coMention"}
    appended = 0
    for s, o, k, d in G.edges(keys=True, data=True):
        if (s, o, k) in first_edges:
            docs = {e["doc"] for e in d["evidence"]}
            assert len(d["evidence"]) >= first_edges[(s, o, k)]
            if docs & a_docs and docs & b_docs:
                appended += 1
    assert appended >= 1, "no relation of batch a got evidence from batch b"


def test_update_equals_build_from_scratch(builds):
    assert builds["updated"]["nt"] == builds["scratch"]["nt"]
    assert builds["updated"]["nt"] - builds["first"]["nt"], "the update added no triple"


def test_update_without_changes_keeps_graph(builds, tmp_path):
    out = tmp_path / "out"
    build([str(builds["a"])], outdir=out, formats="nt", html=False)
    before = _nt_lines(out)
    _, _, report = build([str(builds["a"])], outdir=out, formats="nt", html=False, update=True)
    assert report.extra["update"] == {"documents_before": len(BATCH_A), "documents_added": 0}
    assert _nt_lines(out) == before


def _cli(*args):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "graph_builder", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=REPO, env=env, timeout=600)


def test_cli_update(builds, tmp_path):
    a, b = str(builds["a"]), str(builds["b"])
    out = tmp_path / "out"
    proc = _cli("build", a, "-o", str(out), "--format", "nt", "--no-html", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    proc = _cli("build", a, b, "-o", str(out), "--format", "nt", "--no-html", "--workers", "2", "--update")
    assert proc.returncode == 0, proc.stderr
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["update"] == {"documents_before": len(BATCH_A), "documents_added": len(BATCH_B)}
    assert _nt_lines(out) == builds["scratch"]["nt"]


def test_cli_update_without_earlier_build(tmp_path):
    folder = _write(tmp_path / "in", BATCH_B)
    out = tmp_path / "empty"
    out.mkdir()
    proc = _cli("build", str(folder), "-o", str(out), "--update", "--no-html")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "update" in proc.stderr
    assert list(out.iterdir()) == []
