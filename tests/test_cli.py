"""End to end through the command line, as a user runs it."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run(*args, stdin=None, cwd=None):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "graph_builder", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd or REPO, env=env, timeout=600)


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    proc = run("build", "-o", str(out), "--format", "ttl,nt,trig,jsonld,graphml,gexf,csv", "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    return out, proc


def test_build_sample_writes_every_file(sample_build):
    out, proc = sample_build
    names = {p.name for p in out.iterdir()}
    for name in ("graph.ttl", "graph.nt", "graph.trig", "graph.jsonld", "graph.graphml", "graph.gexf",
                 "nodes.csv", "edges.csv", "graph.html", "report.json"):
        assert name in names, name
    assert not [n for n in names if n.startswith(".staging")]
    for p in out.iterdir():  # readable by others, like any file the user writes (not mkstemp's 0600)
        assert p.stat().st_mode & 0o044 == 0o044, p.name
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["documents"]["read"] >= 8
    assert report["documents"]["skipped"] == 0
    for t in ("Person", "Company", "Organization", "Product", "Industry", "Place"):
        assert report["entities"].get(t, 0) > 0, t
    for p in ("worksFor", "founder", "manufacturer", "inIndustry", "parentOrganization", "partnerOf", "investedIn"):
        assert report["relations"].get(p, 0) > 0, p
    assert {"read", "normalize", "segment", "recognize", "resolve", "relate"} <= set(report["timings_s"])
    assert "entities" in proc.stderr or "documents" in proc.stderr


def test_query_canned_people_over_real_export(sample_build):
    out, _ = sample_build
    proc = run("query", str(out / "graph.ttl"), "--name", "people", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) >= 3  # header and at least two people with an employer
    assert "林浩然" in proc.stdout


def test_query_each_export_format_gives_same_answer(sample_build):
    out, _ = sample_build
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://schema.org/worksFor> ?o }"
    answers = set()
    for name in ("graph.ttl", "graph.nt", "graph.trig", "graph.jsonld"):
        proc = run("query", str(out / name), q, "--format", "csv")
        assert proc.returncode == 0, (name, proc.stderr)
        answers.add(proc.stdout.strip().splitlines()[-1])
    assert len(answers) == 1 and int(answers.pop()) > 0


def test_query_errors_are_one_line_exit_2(sample_build):
    out, _ = sample_build
    bad = run("query", str(out / "graph.ttl"), "SELEC ?x WHERE {}")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    upd = run("query", str(out / "graph.ttl"), "INSERT DATA { <http://a> <http://b> <http://c> }")
    assert upd.returncode == 2 and "Traceback" not in upd.stderr
    unknown = run("query", str(out / "graph.ttl"), "--name", "no-such-query")
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr


def test_extract_offsets_point_into_original_text(tmp_path):
    text = "2026年5月，臺灣積體電路製造公司宣布，總裁魏大同將出席論壇。騰訊公司副總裁耿志軍表示，騰訊將擴大投資。"
    f = tmp_path / "trad.txt"
    f.write_text(text, encoding="utf-8")
    proc = run("extract", str(f))
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout.strip().splitlines()[0])
    assert rec["id"] == str(f)
    assert rec["entities"], rec
    for e in rec["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]
        assert e["iri"].startswith("https://")
    for r in rec["relations"]:
        assert text[r["start"]:r["end"]] == r["sentence"]


def test_extract_reads_stdin_jsonl():
    lines = "\n".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(
        ["华为发布了新款手机Mate 80。", "比亚迪董事长王传福出席了发布会。"]))
    proc = run("extract", "-", stdin=lines + "\n")
    assert proc.returncode == 0, proc.stderr
    recs = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [r["id"] for r in recs] == ["d0", "d1"]


def test_usage_errors_exit_2_with_one_line():
    for args in (("build", "--no-such-option"), ("build", "/no/such/file.txt"), ("frobnicate",)):
        proc = run(*args)
        assert proc.returncode == 2, args
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "Traceback" not in proc.stderr


def test_skipped_input_exit_1_rest_still_built(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("腾讯公司副总裁耿志军表示，腾讯将继续加大在人工智能领域的投入。", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    proc = run("build", str(good), str(empty), "-o", str(out), "--no-html")
    assert proc.returncode == 1, proc.stderr
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["documents"]["read"] == 1
    assert report["skipped"][0]["source"].endswith("empty.txt")
    assert "耿志军" in (out / "graph.ttl").read_text("utf-8")


def test_failed_build_leaves_earlier_output_intact(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("比亚迪股份有限公司董事长王传福表示，比亚迪将发布新车型。", encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(good), "-o", str(out), "--no-html").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    proc = run("build", str(binary), "-o", str(out))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before


def test_build_is_deterministic_whatever_the_workers(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert run("build", "-o", str(a), "--workers", "1", "--format", "ttl,nt").returncode == 0
    assert run("build", "-o", str(b), "--workers", "2", "--format", "ttl,nt").returncode == 0
    for name in ("graph.ttl", "graph.nt", "graph.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_user_lexicon_changes_the_result(tmp_path):
    src = tmp_path / "news.txt"
    src.write_text("云雀出行今天推出了小云雀，受到用户欢迎。", encoding="utf-8")
    lex = tmp_path / "lexicon.txt"
    lex.write_text("# name [freq] [pos] type\n云雀出行 10 nz Company\n小云雀 Product\n", encoding="utf-8")
    plain = [json.loads(x) for x in run("extract", str(src)).stdout.splitlines()]
    with_lex = [json.loads(x) for x in run("extract", "--lexicon", str(lex), str(src)).stdout.splitlines()]
    found = {(e["text"], e["type"]) for e in with_lex[0]["entities"]}
    assert {("云雀出行", "Company"), ("小云雀", "Product")} <= found
    assert found != {(e["text"], e["type"]) for e in plain[0]["entities"]}
    assert any(r["predicate"] == "manufacturer" for r in with_lex[0]["relations"])
    bad = tmp_path / "bad.txt"
    bad.write_text("只有名字\n", encoding="utf-8")
    proc = run("extract", "--lexicon", str(bad), str(src))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_user_lexicon_alias_joins_two_names(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("星河优品宣布推出新产品。", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("星河科技有限公司董事长张三表示公司将扩大投资。", encoding="utf-8")
    lex = tmp_path / "aliases.txt"
    lex.write_text("星河优品 Company =星河科技\n", encoding="utf-8")

    def iris(*extra):
        recs = [json.loads(x) for x in run("extract", *extra, str(a), str(b)).stdout.splitlines()]
        return [{e["iri"] for e in r["entities"] if e["type"] == "Company"} for r in recs]

    plain, joined = iris(), iris("--lexicon", str(lex))
    assert plain[0] and plain[1] and plain[0] != plain[1]
    assert joined[0] == joined[1] == plain[1]
