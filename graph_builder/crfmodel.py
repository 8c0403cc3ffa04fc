"""A CRFsuite model read into NumPy, and batched Viterbi and marginals over it.

python-crfsuite takes features as strings, item by item, and looks every one up
in the model's string database: most of the tagger's time went there (issue 4's
profile). This module reads the same ``.crfsuite`` file once (CRFsuite's
``lCRF``/``FOMC`` layout: a header, the feature table, and CQDB string databases
for labels and attributes), keeps the state weights as a matrix with one row per
attribute and the transition weights as a square matrix, and decodes a batch of
sequences at once: emission scores are sums of gathered rows, and one NumPy step
per position advances every sequence of the batch.

The model is the one python-crfsuite trains and reads (``scripts/train_ner.py``
still trains with it); tags are the same as ``pycrfsuite.Tagger.tag`` gives, and
the marginals the same as ``Tagger.marginal`` up to float rounding
(``tests/test_crf.py`` compares both).

Examples
--------
>>> m = CRFModel.load("ner_crf.crfsuite")  # doctest: +SKIP
>>> rows = m.attribute_rows()  # doctest: +SKIP
>>> paths = m.viterbi(emissions, lengths)  # doctest: +SKIP
"""
from __future__ import annotations

import struct
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np

_HEADER = struct.Struct("<4sI4sI8I")  # magic, size, type, version, 8 counts/offsets
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


def _cqdb_strings(buf: bytes, off: int) -> List[str]:
    """The strings of the CQDB database at ``off``, by id (CRFsuite's ``cqdb.c`` layout).

    The database's backward array holds, for every id, the offset of its record
    (``id``, key size with the trailing NUL, key bytes).
    """
    if buf[off:off + 4] != b"CQDB":
        raise ValueError("not a CRFsuite model: no string database where the header points")
    _size, _flag, _order, n, bwd = struct.unpack_from("<5I", buf, off + 4)
    out = [""] * n
    for rec in np.frombuffer(buf, dtype="<u4", count=n, offset=off + bwd).tolist():
        if rec:
            rid, ksize = struct.unpack_from("<2I", buf, off + rec)
            out[rid] = buf[off + rec + 8:off + rec + 7 + ksize].decode("utf-8")
    return out


class CRFModel:
    """A linear-chain CRF read from a CRFsuite model file.

    Attributes
    ----------
    labels : list of str
        Label names, by label id.
    attributes : list of str
        Attribute (feature) names, by attribute id.
    state : numpy.ndarray
        ``(len(attributes) + 1, len(labels))`` state weights; the last row is
        all zeros, the row of any attribute the model does not know.
    trans : numpy.ndarray
        ``(len(labels), len(labels))`` transition weights, ``trans[a, b]`` for a -> b.
    """

    def __init__(self, labels: List[str], attributes: List[str], state: np.ndarray, trans: np.ndarray):
        self.labels = labels
        self.attributes = attributes
        self.state = state
        self.trans = trans
        self.unknown = len(attributes)  # the zero row
        self._exp_trans = np.exp(trans)

    @classmethod
    def load(cls, path) -> "CRFModel":
        """Read a model file written by CRFsuite (python-crfsuite's ``Trainer.train``).

        Raises
        ------
        ValueError
            When the file is not a CRFsuite CRF1d model.
        """
        buf = Path(path).read_bytes()
        if len(buf) < _HEADER.size:
            raise ValueError(f"not a CRFsuite model: {path}")
        (magic, _size, mtype, _version, _nf, n_labels, n_attrs,
         off_feat, off_labels, off_attrs, _off_lrefs, _off_arefs) = _HEADER.unpack_from(buf, 0)
        if magic != b"lCRF" or mtype != b"FOMC" or buf[off_feat:off_feat + 4] != b"FEAT":
            raise ValueError(f"not a CRFsuite CRF1d model: {path}")
        labels = _cqdb_strings(buf, off_labels)
        attributes = _cqdb_strings(buf, off_attrs)
        if len(labels) != n_labels or len(attributes) != n_attrs:
            raise ValueError(f"inconsistent CRFsuite model: {path}")
        n_feat = struct.unpack_from("<I", buf, off_feat + 8)[0]
        feats = np.frombuffer(buf, dtype=_FEATURE, count=n_feat, offset=off_feat + 12)
        st = feats[feats["type"] == 0]
        tr = feats[feats["type"] == 1]
        state = np.zeros((n_attrs + 1, n_labels))
        state[st["src"], st["dst"]] = st["weight"]
        trans = np.zeros((n_labels, n_labels))
        trans[tr["src"], tr["dst"]] = tr["weight"]
        return cls(labels, attributes, state, trans)

    def attribute_rows(self) -> Dict[str, Dict[str, int]]:
        """Attribute rows grouped by template: ``{"c0": {"浙": 0, ...}, ...}``.

        An attribute ``name=value`` is split at its first ``=``, so a feature
        extractor can look up values per template without building the strings.
        """
        out: Dict[str, Dict[str, int]] = {}
        for i, a in enumerate(self.attributes):
            name, _, value = a.partition("=")
            out.setdefault(name, {})[value] = i
        return out

    def emissions(self, rows: np.ndarray, extra: Sequence[Tuple[int, int]] = ()) -> np.ndarray:
        """State scores ``(n, labels)`` of ``n`` items.

        Parameters
        ----------
        rows : numpy.ndarray
            ``(templates, n)`` attribute rows, one per template and item
            (:attr:`unknown` where the item has no such attribute).
        extra : sequence of (item, row)
            Further attributes of single items (templates that fire a varying
            number of times).
        """
        rows = np.ascontiguousarray(rows, dtype=np.int32)
        extra = np.asarray(extra, dtype=np.int64).reshape(-1, 2)
        if _KERNELS is not None:
            out = np.zeros((rows.shape[1], self.state.shape[1]))
            _KERNELS[2](self.state, rows, extra, out)
            return out
        out = self.state[rows[0]]
        for r in rows[1:]:
            out += self.state[r]
        if len(extra):
            np.add.at(out, extra[:, 0], self.state[extra[:, 1]])
        return out

    def decode(self, emit: np.ndarray, starts: np.ndarray, lengths: np.ndarray,
               marginals: bool = True, skip: int = -1) -> Tuple[np.ndarray, np.ndarray]:
        """Best labels of many sequences laid end to end, and the marginal of each best label.

        Parameters
        ----------
        emit : numpy.ndarray
            ``(items, labels)`` state scores (:meth:`emissions`) of every sequence.
        starts, lengths : numpy.ndarray
            Each sequence's first item and length.
        marginals : bool
            Compute ``probs`` by forward-backward; False leaves them 1.
        skip : int
            A label id (``O``): a sequence whose best labels are all ``skip``
            gets no forward-backward (its ``probs`` stay 1).

        Returns
        -------
        labels : numpy.ndarray
            ``(items,)`` label ids (Viterbi, ties to the lower id, as CRFsuite).
        probs : numpy.ndarray
            ``(items,)`` probability of each item's best label.
        """
        emit = np.ascontiguousarray(emit, dtype=np.float64)
        starts = np.asarray(starts, dtype=np.int64)
        lengths = np.asarray(lengths, dtype=np.int64)
        labels = np.zeros(len(emit), dtype=np.int64)
        probs = np.ones(len(emit))
        if _KERNELS is not None:
            _KERNELS[0](emit, self.trans, starts, lengths, labels)
        else:
            self._viterbi_numpy(emit, starts, lengths, labels)
        if marginals:
            want = np.zeros(len(starts), dtype=np.bool_)
            named = np.flatnonzero(labels != skip)
            want[np.searchsorted(starts, named, side="right") - 1] = True
            want &= lengths > 0
            if _KERNELS is not None:
                _KERNELS[1](emit, self._exp_trans, starts, lengths, want, labels, probs)
            else:
                self._marginals_numpy(emit, starts, lengths, want, labels, probs)
        return labels, probs

    # ---------------------------------------------------------------- NumPy path
    # Without numba: longest-first batches of sequences, one NumPy step per position.

    def _batches(self, emit, starts, lengths, select):
        """Yield ``(block, blen, src, which, step)`` for the selected sequences, longest first.

        ``block`` is a zero-padded ``(sequences, steps, labels)`` copy of their rows of ``emit``.
        """
        idx = np.flatnonzero(select)
        order = idx[np.argsort(-lengths[idx], kind="stable")]
        b0 = 0
        while b0 < len(order):
            b1 = b0 + max(1, _BATCH_CELLS // max(1, int(lengths[order[b0]])))
            part = order[b0:b1]
            b0 = b1
            blen = lengths[part]
            which = np.repeat(np.arange(len(part)), blen)
            step = np.arange(int(blen.sum())) - np.repeat(np.cumsum(blen) - blen, blen)
            src = np.repeat(starts[part], blen) + step
            block = np.zeros((len(part), int(blen[0]), emit.shape[1]))
            block[which, step] = emit[src]
            yield block, blen, src, which, step

    def _viterbi_numpy(self, emit, starts, lengths, labels) -> None:
        for block, blen, src, _which, _step in self._batches(emit, starts, lengths, lengths > 0):
            labels[src] = np.concatenate(self._viterbi_batch(block, blen))

    def _marginals_numpy(self, emit, starts, lengths, want, labels, probs) -> None:
        for block, blen, src, which, step in self._batches(emit, starts, lengths, want):
            probs[src] = self._marginals_batch(block, blen)[which, step, labels[src]]

    def _viterbi_batch(self, emit: np.ndarray, lengths: np.ndarray) -> List[List[int]]:
        """Best label ids of a batch: ``emit`` is ``(batch, steps, labels)``, padded past each length.

        The batch must be sorted by length, longest first (so the sequences still
        running at a step are a prefix of it). Returns one list of label ids a sequence.
        """
        b, steps, n_labels = emit.shape
        live = _live_counts(lengths, steps)
        score = emit[:, 0].copy()
        back = np.zeros((b, steps, n_labels), dtype=np.int8 if n_labels < 128 else np.intp)
        trans = self.trans[None]
        for t in range(1, steps):
            k = live[t]
            cand = score[:k, :, None] + trans
            back[:k, t] = cand.argmax(axis=1)
            score[:k] = cand.max(axis=1) + emit[:k, t]
        # back pointers followed in plain Python: one step per item
        paths: List[List[int]] = []
        for seq, n, last in zip(back.tolist(), lengths.tolist(), score.argmax(axis=1).tolist()):
            path = [last]
            for t in range(n - 1, 0, -1):
                last = seq[t][last]
                path.append(last)
            path.reverse()
            paths.append(path)
        return paths

    def _marginals_batch(self, emit: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Per-item label probabilities ``(batch, steps, labels)`` by scaled forward-backward.

        The batch is sorted as for :meth:`_viterbi_batch`; entries past a sequence's length are undefined.
        """
        b, steps, n_labels = emit.shape
        live = _live_counts(lengths, steps)
        e = np.exp(emit)
        et = self._exp_trans
        alpha = np.zeros_like(e)
        scale = np.ones((b, steps))
        a = e[:, 0]
        scale[:, 0] = a.sum(axis=1)
        alpha[:, 0] = a / scale[:, :1]
        for t in range(1, steps):
            k = live[t]
            a = (alpha[:k, t - 1] @ et) * e[:k, t]
            s = a.sum(axis=1)
            scale[:k, t] = s
            alpha[:k, t] = a / s[:, None]
        beta = np.ones_like(e)
        for t in range(steps - 2, -1, -1):
            k = live[t + 1]  # sequences with an item after t
            beta[:k, t] = (e[:k, t + 1] * beta[:k, t + 1]) @ et.T / scale[:k, t + 1:t + 2]
        return alpha * beta


def viterbi(emit: np.ndarray, trans: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Best label ids of sequences laid end to end, for any linear-chain CRF's scores.

    ``emit`` is ``(items, labels)``, ``trans[a, b]`` the score of a -> b; ties go to
    the lower id. :class:`CRFModel` decodes its own tags so; :mod:`graph_builder.lac`
    decodes LAC's with it.
    """
    emit = np.ascontiguousarray(emit, dtype=np.float64)
    trans = np.ascontiguousarray(trans, dtype=np.float64)
    starts = np.asarray(starts, dtype=np.int64)
    lengths = np.asarray(lengths, dtype=np.int64)
    labels = np.zeros(len(emit), dtype=np.int64)
    if _KERNELS is not None:
        _KERNELS[0](emit, trans, starts, lengths, labels)
    else:
        CRFModel([], [], np.zeros((1, trans.shape[0])), trans)._viterbi_numpy(emit, starts, lengths, labels)
    return labels


# Padded positions (sequences x longest sequence) the NumPy path decodes in one
# batch: enough to spread the per-step overhead, small enough to stay a few MB.
_BATCH_CELLS = 32768


def _live_counts(lengths: np.ndarray, steps: int) -> List[int]:
    """For each step, how many sequences of a longest-first batch are still running."""
    if len(lengths) > 1 and np.any(np.diff(lengths) > 0):
        raise ValueError("the batch must be sorted by length, longest first")
    return [int(k) for k in np.searchsorted(-lengths, -np.arange(steps), side="left")]


# ---------------------------------------------------------------- compiled path
# The same computations as CRFsuite's crf1d_context.c, item by item. Compiled by
# numba they run at C speed; in plain Python they would be far too slow, so
# without numba the NumPy path above is used instead.

def _viterbi_loops(emit, trans, starts, lengths, labels):  # pragma: no cover - compiled
    n_labels = trans.shape[0]
    score = np.empty(n_labels)
    cur = np.empty(n_labels)
    longest = 0
    for p in range(len(lengths)):
        longest = max(longest, lengths[p])
    back = np.zeros((max(longest, 1), n_labels), dtype=np.int64)
    for p in range(len(starts)):
        s, n = starts[p], lengths[p]
        if n == 0:
            continue
        for j in range(n_labels):
            score[j] = emit[s, j]
        for t in range(1, n):
            for j in range(n_labels):
                best = score[0] + trans[0, j]
                arg = 0
                for i in range(1, n_labels):
                    v = score[i] + trans[i, j]
                    if best < v:
                        best = v
                        arg = i
                back[t, j] = arg
                cur[j] = best
            for j in range(n_labels):
                score[j] = cur[j] + emit[s + t, j]
        arg = 0
        for j in range(1, n_labels):
            if score[arg] < score[j]:
                arg = j
        labels[s + n - 1] = arg
        for t in range(n - 1, 0, -1):
            arg = back[t, arg]
            labels[s + t - 1] = arg


def _marginal_loops(emit, exp_trans, starts, lengths, want, labels, probs):  # pragma: no cover - compiled
    n_labels = exp_trans.shape[0]
    longest = 1
    for p in range(len(lengths)):
        longest = max(longest, lengths[p])
    alpha = np.empty((longest, n_labels))
    beta = np.empty((longest, n_labels))
    state = np.empty((longest, n_labels))
    scale = np.empty(longest)
    row = np.empty(n_labels)
    for p in range(len(starts)):
        s, n = starts[p], lengths[p]
        if n == 0 or not want[p]:
            continue
        for t in range(n):
            for j in range(n_labels):
                state[t, j] = np.exp(emit[s + t, j])
        total = 0.0
        for j in range(n_labels):
            alpha[0, j] = state[0, j]
            total += alpha[0, j]
        scale[0] = 1.0 / total if total != 0.0 else 1.0
        for j in range(n_labels):
            alpha[0, j] *= scale[0]
        for t in range(1, n):
            for j in range(n_labels):
                alpha[t, j] = 0.0
            for i in range(n_labels):
                a = alpha[t - 1, i]
                for j in range(n_labels):
                    alpha[t, j] += a * exp_trans[i, j]
            total = 0.0
            for j in range(n_labels):
                alpha[t, j] *= state[t, j]
                total += alpha[t, j]
            scale[t] = 1.0 / total if total != 0.0 else 1.0
            for j in range(n_labels):
                alpha[t, j] *= scale[t]
        for j in range(n_labels):
            beta[n - 1, j] = scale[n - 1]
        for t in range(n - 2, -1, -1):
            for j in range(n_labels):
                row[j] = beta[t + 1, j] * state[t + 1, j]
            for i in range(n_labels):
                v = 0.0
                for j in range(n_labels):
                    v += exp_trans[i, j] * row[j]
                beta[t, i] = v * scale[t]
        for t in range(n):
            y = labels[s + t]
            probs[s + t] = alpha[t, y] * beta[t, y] / scale[t]


def _emission_loops(state, rows, extra, out):  # pragma: no cover - compiled
    n_labels = state.shape[1]
    for t in range(rows.shape[0]):
        for i in range(rows.shape[1]):
            r = rows[t, i]
            for j in range(n_labels):
                out[i, j] += state[r, j]
    for k in range(extra.shape[0]):
        i, r = extra[k, 0], extra[k, 1]
        for j in range(n_labels):
            out[i, j] += state[r, j]


def _compile():
    """The numba-compiled kernels, or None when numba is not installed (or cannot compile).

    Compiled code is cached on disk by numba (beside this file, or in the
    user's cache when that is read-only); without a usable cache the kernels
    are compiled in memory, once per process. ``GRAPH_BUILDER_NO_JIT=1``
    selects the NumPy path (tests compare the two).
    """
    import os
    import warnings

    if os.environ.get("GRAPH_BUILDER_NO_JIT"):
        return None
    try:
        import numba
    except ImportError:
        return None
    for cache in (True, False):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # a cache numba cannot write is not the user's concern
                jit = numba.njit(cache=cache, nogil=True)
                kernels = jit(_viterbi_loops), jit(_marginal_loops), jit(_emission_loops)
                # compile (or load from numba's cache) now, so a failure shows here and not mid-build
                one = np.zeros(1, dtype=np.int64)
                labels = np.zeros(1, dtype=np.int64)
                kernels[0](np.zeros((1, 1)), np.zeros((1, 1)), one, one + 1, labels)
                kernels[1](np.zeros((1, 1)), np.ones((1, 1)), one, one + 1, np.ones(1, dtype=np.bool_), labels,
                           np.ones(1))
                kernels[2](np.zeros((1, 1)), np.zeros((1, 1), dtype=np.int32), np.zeros((0, 2), dtype=np.int64),
                           np.zeros((1, 1)))
            return kernels
        except Exception:  # pragma: no cover - a numba that cannot cache or compile here
            continue
    return None


_KERNELS = _compile()
