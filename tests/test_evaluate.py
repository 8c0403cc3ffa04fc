"""Tests for graph_builder.evaluate: readers, scoring arithmetic, report text."""
import json
from pathlib import Path

import pytest

from graph_builder import evaluate as ev

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# ---------------------------------------------------------------- readers

def test_read_cluener_inclusive_end(tmp_path):
    rec = {"text": "王小明在星河科技公司上班", "label": {"name": {"王小明": [[0, 2]]},
                                             "company": {"星河科技公司": [[4, 9]]}}}
    p = _write(tmp_path, "c.json", json.dumps(rec, ensure_ascii=False) + "\n")
    [(text, spans)] = ev.read_cluener(p)
    assert spans == [(0, 3, "name"), (4, 10, "company")]
    assert [text[s:e] for s, e, _ in spans] == ["王小明", "星河科技公司"]


def test_read_cluener_bad_offset_is_one_line_error(tmp_path):
    rec = {"text": "王小明", "label": {"name": {"王小明": [[0, 1]]}}}
    p = _write(tmp_path, "c.json", json.dumps(rec, ensure_ascii=False))
    with pytest.raises(ev.DataError, match="c.json:1"):
        ev.read_cluener(p)


def test_read_bio_tab_and_space(tmp_path):
    body = "李\tB-PER\n雷\tI-PER\n去\tO\n南\tB-LOC\n京\tI-LOC\n\n好\tO\n"
    p = _write(tmp_path, "a.bio", body)
    ex = ev.read_char_tags(p)
    assert ex == [("李雷去南京", [(0, 2, "PER"), (3, 5, "LOC")]), ("好", [])]
    p2 = _write(tmp_path, "b.bio", body.replace("\t", " "))
    assert ev.read_char_tags(p2) == ex


def test_read_bmes_with_single(tmp_path):
    body = "张 S-NAME\n任 O\n北 B-ORG\n方 M-ORG\n厂 E-ORG\n长 B-TITLE\n"
    ex = ev.read_char_tags(_write(tmp_path, "r.bmes", body))
    assert ex == [("张任北方厂长", [(0, 1, "NAME"), (2, 5, "ORG"), (5, 6, "TITLE")])]


def test_read_weibo_strips_position_digits(tmp_path):
    body = "小0\tB-PER.NAM\n红1\tI-PER.NAM\n说0\tO\n1\tO\n" \
           + "".join(f"{c}{i}\tO\n" for i, c in enumerate("abcdefghijk"))
    [(text, spans)] = ev.read_char_tags(_write(tmp_path, "w.conll", body), strip_digit=True)
    # "k10" is k at word position 10: both digits go
    assert text == "小红说1abcdefghijk"
    assert spans == [(0, 2, "PER.NAM")]


def test_read_entity_jsonl_exclusive_end(tmp_path):
    rec = {"text": "蓝鲸手机由海豚电子生产",
           "entity_list": [{"entity_index": {"begin": 0, "end": 4}, "entity_type": "product_name", "entity": "蓝鲸手机"},
                           {"entity_index": {"begin": 5, "end": 9}, "entity_type": "company_name", "entity": "海豚电子"}]}
    [(text, spans)] = ev.read_entity_jsonl(_write(tmp_path, "b.txt", json.dumps(rec, ensure_ascii=False)))
    assert spans == [(0, 4, "product_name"), (5, 9, "company_name")]


def test_missing_file_and_unknown_dataset(tmp_path):
    with pytest.raises(ev.DataError, match="no such file"):
        ev.read_dataset("msra", tmp_path / "nope.txt")
    with pytest.raises(ev.DataError, match="unknown dataset"):
        ev.read_dataset("conll", tmp_path / "nope.txt")


def test_decode_lenient_runs():
    assert ev.decode_char_tags(["I-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


# ---------------------------------------------------------------- scoring

def test_prf_hand_computed():
    # gold: 3 Person, 1 Place; predicted: 2 correct Person, 1 wrong span Person, 1 Place with wrong type
    examples = [("甲乙丙丁戊己庚辛", [(0, 2, "Person"), (2, 4, "Person"), (4, 6, "Person"), (6, 8, "Place")])]
    pred = lambda text: [(0, 2, "Person"), (2, 4, "Person"), (4, 5, "Person"), (6, 8, "Organization")]
    res = ev.evaluate(pred, examples, ["Person", "Place", "Organization"])
    per = res["per_type"]["Person"]
    assert (per["tp"], per["fp"], per["fn"]) == (2, 1, 1)
    assert per["precision"] == pytest.approx(2 / 3) and per["recall"] == pytest.approx(2 / 3)
    assert per["f1"] == pytest.approx(2 / 3)
    assert res["per_type"]["Place"]["recall"] == 0.0 and res["per_type"]["Place"]["precision"] == 0.0
    micro = res["micro"]  # tp 2, fp 2, fn 2
    assert (micro["tp"], micro["fp"], micro["fn"]) == (2, 2, 2)
    assert micro["f1"] == pytest.approx(0.5)


def test_pred_map_merges_company_and_org():
    examples = [("某某公司和某某协会", [(0, 4, "ORG"), (5, 9, "ORG")])]
    pred = lambda text: [(0, 4, "Company"), (5, 9, "Organization"), (0, 2, "Product")]
    res = ev.evaluate(pred, examples, ["ORG"], pred_map={"Company": "ORG", "Organization": "ORG"})
    assert res["micro"]["f1"] == 1.0  # Product is not mapped, so it is not a false positive


def test_info_types_not_in_micro():
    examples = [("张三在杭州", [(0, 2, "Person"), (3, 5, "Place")])]
    res = ev.evaluate(lambda t: [(0, 2, "Person")], examples, ["Person"], info_types=["Place"])
    assert res["micro"]["f1"] == 1.0
    assert res["per_type"]["Place"]["recall"] == 0.0
    table = ev.format_table(res)
    assert "Place (info)" in table and "micro" in table


def test_errors_lists_fp_and_fn_with_context():
    examples = [("今天王五和赵六去了上海", [(2, 4, "Person"), (5, 7, "Person")])]
    preds = [[(2, 4, "Person"), (5, 8, "Person")]]
    out = ev.errors(examples, preds, ["Person"], n=3, context=2)
    assert "和[赵六去]了上" in out and "(gold: 赵六/Person)" in out
    fn_part = out.split("false negatives")[1]
    assert "[赵六]" in fn_part and "[王五]" not in out


def test_run_eval_msra_style(tmp_path):
    body = "李\tB-PER\n雷\tI-PER\n在\tO\n青\tB-ORG\n松\tI-ORG\n会\tI-ORG\n\n"
    p = _write(tmp_path, "m.txt", body)
    out = ev.run_eval("msra", p, lambda t: [(0, 2, "Person"), (3, 6, "Company")], errors=2)
    line = [ln for ln in out.splitlines() if ln.startswith("micro")][0]
    assert line.split()[1:4] == ["1.0000", "1.0000", "1.0000"]
    assert "false positives" in out


def test_main_reports_bad_path(tmp_path, capsys):
    assert ev.main("msra", tmp_path / "missing.txt", predict=lambda t: []) == 2
    assert "no such file" in capsys.readouterr().err


# ---------------------------------------------------------------- real corpora (skipped on a fresh clone)

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not available")


@needs_shared
def test_real_cluener_dev_counts():
    ex = ev.read_cluener(SHARED / "cluener" / "dev.json")
    assert len(ex) == 1343
    assert sum(len(s) for _, s in ex) == 3072


@needs_shared
def test_real_msra_test_counts():
    ex = ev.read_dataset("msra", SHARED / "msra_ner" / "msra_test_bio.txt")
    assert len(ex) == 3442 and sum(len(t) for t, _ in ex) == 172601
    labels = [l for _, s in ex for *_, l in s]
    assert (labels.count("PER"), labels.count("LOC"), labels.count("ORG")) == (1973, 2886, 1331)


@needs_shared
def test_real_weibo_boson_resume_read():
    weibo = ev.read_dataset("weibo", SHARED / "weibo_ner" / "weiboNER_2nd_conll.train")
    assert len(weibo) == 1350
    boson = ev.read_dataset("boson", SHARED / "boson_ner" / "boson.txt")
    assert sum(len(s) for _, s in boson) == 23173
    resume = ev.read_dataset("resume", SHARED / "resume_ner" / "train.char.bmes")
    assert len(resume) == 3821
