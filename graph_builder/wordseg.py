"""jieba's ``cut`` (HMM on), compiled: the same words, about four times faster, with no dictionary load.

:func:`graph_builder.segment.jieba_cut` is jieba 0.42's algorithm in plain
Python: in each block of Han/Latin/digit characters, the best route through
the dictionary DAG, and jieba's B/M/E/S HMM over runs of single characters
that are no dictionary word. At ~300k chars/s it was a quarter of a build's
time, and each process first spent about a second loading jieba's 513k-entry
prefix dictionary and its tag table into Python dicts.

Here the dictionary (jieba's main dictionary with the lexicon words the
tokenizer adds, their counts, total and POS tags) is a trie kept in flat NumPy
arrays, its edges in an open-addressing hash table, and the HMM's tables are
arrays too. A numba kernel cuts a whole text in one call and returns each
word's span and tag. The arrays are written once to a cache file
(``GRAPH_BUILDER_CACHE`` or ``~/.cache/graph-builder``) keyed by jieba's
version and dictionary file and by the lexicon words, so a later process maps
them in milliseconds; worker processes share them after the fork.

Every score is the same float computation as jieba's in the same order, and
ties go the same way, so the words are jieba's own
(``tests/test_wordseg.py`` compares them with ``jieba.Tokenizer.cut`` and with
:func:`graph_builder.segment.jieba_cut`, user-added words included).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from math import log
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import numpy as np

log_ = logging.getLogger(__name__)

FORMAT = 2  # bump when the cache layout or the kernels' meaning changes
_EMPTY = -1
_MIN_FLOAT = -3.14e100  # jieba.finalseg.MIN_FLOAT: the score of an impossible HMM step
_HMM_STATES = "BMES"
_MEMO_MAX = 200_000


# ---------------------------------------------------------------- the trie's hash
# An edge (node, character) is one int64 key; both hash functions below must
# agree. The products stay below 2**63, so no overflow in either.

def _slot(node: int, cp: int, mask: int) -> int:
    x = cp * 0x9E3779B1 + node * 0x85EBCA77
    return (x ^ (x >> 15)) & mask


def _key(node: int, cp: int) -> int:
    return (node << 21) | cp  # code points need 21 bits


class SegDict:
    """jieba's prefix dictionary as a trie in arrays, with its HMM tables.

    ``FREQ`` and ``tags`` are dict-like views (``get``, ``in``, ``[]``;
    ``tags`` can be set), and :meth:`add_word` is ``jieba.Tokenizer.add_word``,
    so code written for a jieba tokenizer and its tag dict works on it.
    """

    def __init__(self, arrays: Dict[str, np.ndarray], meta: Dict) -> None:
        self.keys = arrays["keys"]
        self.vals = arrays["vals"]
        self.n_nodes = int(meta["n_nodes"])
        self.freq = arrays["freq"]
        self.tag = arrays["tag"]
        self.dict_tag = arrays["dict_tag"]
        self.emit_codes = arrays["emit_codes"]
        self.emit = arrays["emit"]
        self.start = arrays["start"]
        self.trans = arrays["trans"]
        self.total = int(meta["total"])
        self.tag_names: List[Optional[str]] = [None] + list(meta["tag_names"])
        self._tag_ids = {t: i for i, t in enumerate(self.tag_names) if t is not None}
        self._memo: Dict[str, int] = {}  # word -> node, for the rules' repeated lookups
        self.FREQ = _FreqView(self)
        self.tags = _TagView(self, "tag")
        self.dict_tags = _TagView(self, "dict_tag")  # jieba's own tags, which user words never change

    # ------------------------------------------------------------ building
    @classmethod
    def from_jieba(cls, freq: Dict[str, int], total: int, tags: Dict[str, str], finalseg,
                   dict_tags: Optional[Dict[str, str]] = None) -> "SegDict":
        """From a jieba tokenizer's ``FREQ`` and ``total``, a tag dict and ``jieba.finalseg``.

        ``dict_tags`` are the tags of jieba's main dictionary alone (the CRF's
        ``p=`` features), kept beside ``tags`` (which the lexicons override).
        """
        dict_tags = dict_tags or {}
        words = list(freq)
        ids = {w: i + 1 for i, w in enumerate(words)}  # 0 is the root
        for w in words:  # jieba keeps every prefix; make sure, as the trie needs them
            for k in range(1, len(w)):
                if w[:k] not in ids:
                    ids[w[:k]] = len(ids) + 1
                    words.append(w[:k])
        n = len(words) + 1
        parent = np.fromiter((ids[w[:-1]] if len(w) > 1 else 0 for w in words), np.int64, len(words))
        chars = np.fromiter((ord(w[-1]) for w in words), np.int64, len(words))
        node_freq = np.zeros(n, np.int64)
        node_freq[1:] = np.fromiter((freq.get(w, 0) for w in words), np.int64, len(words))
        names = sorted(set(tags.values()) | set(dict_tags.values()))
        tag_id = {t: i + 1 for i, t in enumerate(names)}
        node_tag = np.zeros(n, np.uint8 if len(names) < 255 else np.uint16)
        node_dict_tag = np.zeros(n, node_tag.dtype)
        for table, column in ((tags, node_tag), (dict_tags, node_dict_tag)):
            for w, t in table.items():
                i = ids.get(w)
                if i is not None:  # else no dictionary entry: added below as a node with count 0
                    column[i] = tag_id[t]
        keys, vals = _table(parent, chars, np.arange(1, n, dtype=np.int64), _capacity(n))
        emit_codes, emit, start, trans = _hmm_tables(finalseg)
        arrays = {"keys": keys, "vals": vals, "freq": node_freq, "tag": node_tag, "dict_tag": node_dict_tag,
                  "emit_codes": emit_codes,
                  "emit": emit, "start": start, "trans": trans}
        seg = cls(arrays, {"n_nodes": n, "total": total, "tag_names": names})
        for view, table in ((seg.tags, tags), (seg.dict_tags, dict_tags)):
            for w, t in [(w, t) for w, t in table.items() if w not in ids]:
                view[w] = t  # a node with count 0: total stays as given
        return seg

    def save(self, path: Path) -> None:
        meta = {"n_nodes": self.n_nodes, "total": self.total, "tag_names": self.tag_names[1:]}
        n = self.n_nodes
        tmp = Path(f"{path}.{os.getpid()}.tmp")  # written whole, then renamed: readers never see a part
        try:
            with open(tmp, "wb") as fh:
                np.savez(fh, keys=self.keys, vals=self.vals, freq=self.freq[:n], tag=self.tag[:n],
                         dict_tag=self.dict_tag[:n],
                         emit_codes=self.emit_codes, emit=self.emit, start=self.start, trans=self.trans,
                         meta=np.array(json.dumps(meta, ensure_ascii=False)))
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()

    @classmethod
    def load(cls, path: Path) -> "SegDict":
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files if k != "meta"}
            meta = json.loads(str(z["meta"]))
        return cls(arrays, meta)

    # ------------------------------------------------------------ lookups
    def node(self, word: str) -> int:
        """The trie node of ``word``, or -1 when it is no dictionary entry nor prefix."""
        node = self._memo.get(word)
        if node is None:
            node = self._walk(word)
            if len(self._memo) >= _MEMO_MAX:
                self._memo.clear()
            self._memo[word] = node
        return node

    def _walk(self, word: str) -> int:
        node = 0
        for c in word:
            node = self._child(node, ord(c))
            if node < 0:
                return -1
        return node if word else -1

    def add_word(self, word: str, freq: int, tag: Optional[str] = None) -> None:
        """``jieba.Tokenizer.add_word``: ``FREQ[word] = freq``, ``total += freq``, prefixes kept."""
        node = 0
        for c in word:
            child = self._child(node, ord(c))
            node = child if child >= 0 else self._new_node(node, ord(c))
        self.freq[node] = int(freq)
        self.total += int(freq)
        self._memo.clear()  # new nodes: a word that was no entry may be one now

    def _child(self, node: int, cp: int) -> int:
        keys, mask = self.keys, len(self.keys) - 1
        key, h = _key(node, cp), _slot(node, cp, mask)
        while True:
            k = int(keys[h])
            if k == key:
                return int(self.vals[h])
            if k == _EMPTY:
                return -1
            h = (h + 1) & mask

    def _new_node(self, parent: int, cp: int) -> int:
        node = self.n_nodes
        if node >= len(self.freq):  # room for more nodes: grow by half
            extra = max(len(self.freq) // 2, 16)
            self.freq = np.concatenate([self.freq, np.zeros(extra, self.freq.dtype)])
            self.tag = np.concatenate([self.tag, np.zeros(extra, self.tag.dtype)])
            self.dict_tag = np.concatenate([self.dict_tag, np.zeros(extra, self.dict_tag.dtype)])
        self.n_nodes += 1
        edges = self.n_nodes - 1  # one per node but the root
        if edges * 2 > len(self.keys):  # keep the table at most half full: rebuild it larger
            self._rehash(_capacity(edges + 1))
        keys, mask = self.keys, len(self.keys) - 1
        h = _slot(parent, cp, mask)
        while int(keys[h]) != _EMPTY:
            h = (h + 1) & mask
        keys[h] = _key(parent, cp)
        self.vals[h] = node
        return node

    def _rehash(self, capacity: int) -> None:
        used = self.keys != _EMPTY
        k = self.keys[used]
        self.keys, self.vals = _table(k >> 21, k & 0x1FFFFF, self.vals[used].astype(np.int64), capacity)

    def tag_id(self, name: str) -> int:
        i = self._tag_ids.get(name)
        if i is None:
            i = len(self.tag_names)
            if i > np.iinfo(self.tag.dtype).max:
                self.tag = self.tag.astype(np.uint16)
                self.dict_tag = self.dict_tag.astype(np.uint16)
            self.tag_names.append(name)
            self._tag_ids[name] = i
        return i

    # ------------------------------------------------------------ cutting
    def cut_spans(self, text: str) -> Tuple[List[int], List[int], List[int]]:
        """``(starts, ends, tag ids)`` of jieba's words of ``text`` (``tag_names[id]``; 0: no tag)."""
        n = len(text)
        if not n:
            return [], [], []
        codes = _codes(text)
        out = np.empty((3, n), dtype=np.int64)
        count = _KERNEL(codes, self.keys, self.vals, self.freq, self.tag, log(self.total), self.emit_codes,
                        self.emit, self.start, self.trans, out)
        return out[0, :count].tolist(), out[1, :count].tolist(), out[2, :count].tolist()

    def dict_tags_of(self, words: List[str]) -> List[Optional[str]]:
        """``[self.dict_tags.get(w) for w in words]`` in one compiled pass (for many words at once)."""
        if not words:
            return []
        codes = _codes("".join(words))
        bounds = np.zeros(len(words) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, words), dtype=np.int64, count=len(words)), out=bounds[1:])
        ids = np.empty(len(words), dtype=np.int64)
        _TAGS_OF(codes, bounds, self.keys, self.vals, self.dict_tag, ids)
        names = self.tag_names
        return [names[i] for i in ids.tolist()]

    def cut(self, text: str) -> List[str]:
        """``list(jieba.Tokenizer.cut(text, HMM=True))`` with this dictionary."""
        starts, ends, _tags = self.cut_spans(text)
        return [text[a:b] for a, b in zip(starts, ends)]


class _FreqView:
    """``FREQ`` of a :class:`SegDict`: ``word -> count`` (0 for a mere prefix)."""

    def __init__(self, seg: SegDict) -> None:
        self._seg = seg

    def get(self, word: str, default=None):
        node = self._seg.node(word)
        return int(self._seg.freq[node]) if node > 0 else default

    def __contains__(self, word: str) -> bool:
        return self._seg.node(word) > 0

    def __getitem__(self, word: str) -> int:
        node = self._seg.node(word)
        if node <= 0:
            raise KeyError(word)
        return int(self._seg.freq[node])


class _TagView:
    """A tag table of a :class:`SegDict` (``column``: ``tag`` or ``dict_tag``): ``word -> POS tag``."""

    def __init__(self, seg: SegDict, column: str) -> None:
        self._seg = seg
        self._column = column

    def get(self, word: str, default=None):
        seg = self._seg
        node = seg.node(word)
        if node <= 0:
            return default
        name = seg.tag_names[int(getattr(seg, self._column)[node])]
        return default if name is None else name

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> str:
        tag = self.get(word)
        if tag is None:
            raise KeyError(word)
        return tag

    def __setitem__(self, word: str, tag: str) -> None:
        seg = self._seg
        node = seg.node(word)
        if node <= 0:  # a tag for a word the dictionary lacks: a node with count 0, as a prefix has
            seg.add_word(word, 0)
            node = seg.node(word)
        tid = seg.tag_id(tag)
        getattr(seg, self._column)[node] = tid


def _codes(text: str) -> np.ndarray:
    """The code points of ``text`` as int64 (lone surrogates kept)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def _capacity(entries: int) -> int:
    cap = 1024
    while cap < entries * 2:
        cap *= 2
    return cap


def _table(parents: np.ndarray, chars: np.ndarray, nodes: np.ndarray, capacity: int):
    keys = np.full(capacity, _EMPTY, dtype=np.int64)
    vals = np.zeros(capacity, dtype=np.int32)
    _FILL(parents.astype(np.int64), chars.astype(np.int64), nodes.astype(np.int64), keys, vals)
    return keys, vals


def _hmm_tables(finalseg):
    """jieba's HMM as arrays: emission log-probabilities by code point, start and the 8 used transitions."""
    emit_p, trans_p, start_p = finalseg.emit_P, finalseg.trans_P, finalseg.start_P
    codes = sorted({ord(c) for s in _HMM_STATES for c in emit_p[s]})
    emit = np.full((4, len(codes)), _MIN_FLOAT)
    index = {c: i for i, c in enumerate(codes)}
    for si, s in enumerate(_HMM_STATES):
        for c, p in emit_p[s].items():
            emit[si, index[ord(c)]] = p
    start = np.array([start_p[s] for s in _HMM_STATES])
    # into B from E, S; into M from M, B; into S from S, E; into E from B, M (jieba's PrevStatus)
    pairs = [("E", "B"), ("S", "B"), ("M", "M"), ("B", "M"), ("S", "S"), ("E", "S"), ("B", "E"), ("M", "E")]
    trans = np.array([trans_p[a].get(b, _MIN_FLOAT) for a, b in pairs])
    return np.array(codes, dtype=np.int64), emit, start, trans


# ---------------------------------------------------------------- the kernels
# Plain Python functions compiled by numba below (they would be far too slow
# uncompiled; without numba the segmenter uses segment.jieba_cut instead).

def _fill(parents, chars, nodes, keys, vals):  # pragma: no cover - compiled
    mask = keys.shape[0] - 1
    for i in range(parents.shape[0]):
        p, c = parents[i], chars[i]
        x = c * 0x9E3779B1 + p * 0x85EBCA77
        h = (x ^ (x >> 15)) & mask
        while keys[h] != -1:
            h = (h + 1) & mask
        keys[h] = (p << 21) | c
        vals[h] = nodes[i]


def _child_of(keys, vals, node, c):  # pragma: no cover - compiled
    mask = keys.shape[0] - 1
    key = (node << 21) | c
    x = c * 0x9E3779B1 + node * 0x85EBCA77
    h = (x ^ (x >> 15)) & mask
    while True:
        k = keys[h]
        if k == key:
            return np.int64(vals[h])
        if k == -1:
            return np.int64(-1)
        h = (h + 1) & mask


def _walk(codes, a, b, keys, vals):  # pragma: no cover - compiled
    node = np.int64(0)
    for i in range(a, b):
        node = _child_of(keys, vals, node, codes[i])
        if node < 0:
            return node
    return node


def _tags_of(codes, bounds, keys, vals, column, out):  # pragma: no cover - compiled
    # the tag id (column[node], 0 for none) of each word codes[bounds[i]:bounds[i + 1]]
    for i in range(bounds.shape[0] - 1):
        node = _walk(codes, bounds[i], bounds[i + 1], keys, vals)
        out[i] = column[node] if node > 0 else 0


def _emit_word(a, b, codes, keys, vals, tag, out, n):  # pragma: no cover - compiled
    out[0, n] = a
    out[1, n] = b
    node = _walk(codes, a, b, keys, vals)
    out[2, n] = tag[node] if node > 0 else 0
    return n + 1


def _in_han_default(c):  # pragma: no cover - compiled
    # jieba.re_han_default: [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]
    return ((0x4E00 <= c <= 0x9FD5) or (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122)
            or c == 43 or c == 35 or c == 38 or c == 46 or c == 95 or c == 37 or c == 45)


def _alnum(c):  # pragma: no cover - compiled
    return (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122)


def _hmm_cut(codes, p, q, keys, vals, tag, emit_codes, emit, start, trans, out, n):  # pragma: no cover
    # jieba.finalseg.cut of codes[p:q]: Han runs through the Viterbi path, other
    # runs split by re_skip ([a-zA-Z0-9]+(?:\.\d+)?%?), each piece kept whole.
    i = p
    while i < q:
        if 0x4E00 <= codes[i] <= 0x9FD5:
            j = i
            while j < q and 0x4E00 <= codes[j] <= 0x9FD5:
                j += 1
            n = _viterbi_words(codes, i, j, keys, vals, tag, emit_codes, emit, start, trans, out, n)
            i = j
            continue
        j = i
        while j < q and not (0x4E00 <= codes[j] <= 0x9FD5):
            j += 1
        k = i  # the non-Han run codes[i:j]
        while k < j:
            if _alnum(codes[k]):
                m = k
                while m < j and _alnum(codes[m]):
                    m += 1
                if m + 1 < j and codes[m] == 46 and 48 <= codes[m + 1] <= 57:
                    m += 2
                    while m < j and 48 <= codes[m] <= 57:
                        m += 1
                if m < j and codes[m] == 37:
                    m += 1
            else:
                m = k
                while m < j and not _alnum(codes[m]):
                    m += 1
            n = _emit_word(k, m, codes, keys, vals, tag, out, n)
            k = m
        i = j
    return n


def _emission(emit_codes, emit, c):  # pragma: no cover - compiled
    i = np.searchsorted(emit_codes, c)
    if i < emit_codes.shape[0] and emit_codes[i] == c:
        return emit[0, i], emit[1, i], emit[2, i], emit[3, i]
    return -3.14e100, -3.14e100, -3.14e100, -3.14e100


def _viterbi_words(codes, a, b, keys, vals, tag, emit_codes, emit, start, trans, out, n):  # pragma: no cover
    # segment._hmm_words: jieba's 4-state Viterbi, sums in jieba's order, ties
    # to the greater state letter; states B=0 M=1 E=2 S=3.
    tEB, tSB, tMM, tBM, tSS, tES, tBE, tME = (trans[0], trans[1], trans[2], trans[3], trans[4], trans[5],
                                              trans[6], trans[7])
    length = b - a
    back = np.empty((length, 4), dtype=np.int8)
    eb, em_, ee, es = _emission(emit_codes, emit, codes[a])
    vB, vM, vE, vS = start[0] + eb, start[1] + em_, start[2] + ee, start[3] + es
    for t in range(1, length):
        eb, em_, ee, es = _emission(emit_codes, emit, codes[a + t])
        x, y = vE + tEB + eb, vS + tSB + eb
        if y >= x:
            nB, pB = y, 3
        else:
            nB, pB = x, 2
        x, y = vM + tMM + em_, vB + tBM + em_
        if x >= y:
            nM, pM = x, 1
        else:
            nM, pM = y, 0
        x, y = vB + tBE + ee, vM + tME + ee
        if y >= x:
            nE, pE = y, 1
        else:
            nE, pE = x, 0
        x, y = vS + tSS + es, vE + tES + es
        if x >= y:
            nS, pS = x, 3
        else:
            nS, pS = y, 2
        back[t, 0] = pB
        back[t, 1] = pM
        back[t, 2] = pE
        back[t, 3] = pS
        vB, vM, vE, vS = nB, nM, nE, nS
    state = 3 if vS >= vE else 2
    path = np.empty(length, dtype=np.int8)
    path[length - 1] = state
    for t in range(length - 1, 0, -1):
        state = back[t, state]
        path[t - 1] = state
    begin = 0
    nexti = 0
    for i in range(length):
        s = path[i]
        if s == 0:
            begin = i
        elif s == 2:
            n = _emit_word(a + begin, a + i + 1, codes, keys, vals, tag, out, n)
            nexti = i + 1
        elif s == 3:
            n = _emit_word(a + i, a + i + 1, codes, keys, vals, tag, out, n)
            nexti = i + 1
    if nexti < length:
        n = _emit_word(a + nexti, b, codes, keys, vals, tag, out, n)
    return n


def _flush(codes, p, q, keys, vals, freq, tag, emit_codes, emit, start, trans, out, n):  # pragma: no cover
    # segment._flush: a run of single characters is one word, the HMM's words, or the characters
    if q - p == 1:
        return _emit_word(p, q, codes, keys, vals, tag, out, n)
    node = _walk(codes, p, q, keys, vals)
    if node <= 0 or freq[node] == 0:
        return _hmm_cut(codes, p, q, keys, vals, tag, emit_codes, emit, start, trans, out, n)
    for i in range(p, q):
        n = _emit_word(i, i + 1, codes, keys, vals, tag, out, n)
    return n


def _cut_block(codes, a, b, keys, vals, freq, tag, logtotal, emit_codes, emit, start, trans, out, n):  # pragma: no cover
    # segment._cut_block: the DAG's best route (jieba's calc), built backwards
    size = b - a
    score = np.zeros(size + 1)
    end = np.empty(size + 1, dtype=np.int64)
    for k in range(size - 1, -1, -1):
        best = -np.inf
        end[k] = k
        node = np.int64(0)
        i = k
        while i < size:
            node = _child_of(keys, vals, node, codes[a + i])
            if node < 0:
                break
            f = freq[node]
            if f:
                sc = log(f) - logtotal + score[i + 1]
                if sc >= best:
                    best = sc
                    end[k] = i
            i += 1
        if best == -np.inf:
            one = _child_of(keys, vals, np.int64(0), codes[a + k])
            f = freq[one] if one > 0 else 0
            best = log(f if f else 1) - logtotal + score[k + 1]
            end[k] = k
        score[k] = best
    x = 0
    buf = -1  # start of the run of single characters, or -1
    while x < size:
        y = end[x] + 1
        if y - x == 1:
            if buf < 0:
                buf = x
        else:
            if buf >= 0:
                n = _flush(codes, a + buf, a + x, keys, vals, freq, tag, emit_codes, emit, start, trans, out, n)
                buf = -1
            n = _emit_word(a + x, a + y, codes, keys, vals, tag, out, n)
        x = y
    if buf >= 0:
        n = _flush(codes, a + buf, a + size, keys, vals, freq, tag, emit_codes, emit, start, trans, out, n)
    return n


def _cut_text(codes, keys, vals, freq, tag, logtotal, emit_codes, emit, start, trans, out):  # pragma: no cover
    # segment.jieba_cut: blocks of re_han_default go through the DAG; between them
    # every character is a word, except that \r\n stays one (re_skip_default)
    length = codes.shape[0]
    n = 0
    i = 0
    while i < length:
        if _in_han_default(codes[i]):
            j = i
            while j < length and _in_han_default(codes[j]):
                j += 1
            n = _cut_block(codes, i, j, keys, vals, freq, tag, logtotal, emit_codes, emit, start, trans, out, n)
            i = j
        elif codes[i] == 13 and i + 1 < length and codes[i + 1] == 10:
            n = _emit_word(i, i + 2, codes, keys, vals, tag, out, n)
            i += 2
        else:
            n = _emit_word(i, i + 1, codes, keys, vals, tag, out, n)
            i += 1
    return n


def _compile():
    """Compile the kernels with numba (cached on disk); ``(cut, fill, tags_of)``, or Nones without numba."""
    if os.environ.get("GRAPH_BUILDER_NO_JIT"):
        return None, None, None
    try:
        import numba
    except ImportError:  # pragma: no cover - numba is a dependency
        return None, None, None
    import warnings

    g = globals()
    names = ["_fill", "_child_of", "_walk", "_tags_of", "_emit_word", "_in_han_default", "_alnum", "_emission",
             "_viterbi_words", "_hmm_cut", "_flush", "_cut_block", "_cut_text"]
    plain = {name: g[name] for name in names}
    for cache in (True, False):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # a cache numba cannot write is not the user's concern
                for name in names:  # callees first: a kernel resolves the others as compiled globals
                    g[name] = numba.njit(cache=cache, nogil=True)(plain[name])
                keys = np.full(4, -1, dtype=np.int64)
                vals = np.zeros(4, dtype=np.int32)
                one = np.zeros(1, dtype=np.int64)
                g["_fill"](one, one, one + 1, keys, vals)
                g["_tags_of"](one, np.zeros(2, np.int64), keys, vals, np.zeros(2, np.uint8), np.zeros(1, np.int64))
                out = np.empty((3, 1), dtype=np.int64)
                g["_cut_text"](one + 0x4E00, keys, vals, np.zeros(2, np.int64), np.zeros(2, np.uint8), 0.0,
                               one, np.zeros((4, 1)), np.zeros(4), np.zeros(8), out)
            return g["_cut_text"], g["_fill"], g["_tags_of"]
        except Exception:  # pragma: no cover - a numba that cannot cache or compile here
            g.update(plain)
            continue
    return None, None, None  # pragma: no cover


_KERNEL, _FILL, _TAGS_OF = _compile()


def available() -> bool:
    """Whether the compiled segmenter can run here (numba present, ``GRAPH_BUILDER_NO_JIT`` unset)."""
    return _KERNEL is not None


# ---------------------------------------------------------------- the cache

def cache_dir() -> Path:
    """Where dictionaries are cached: ``$GRAPH_BUILDER_CACHE``, else ``~/.cache/graph-builder``."""
    env = os.environ.get("GRAPH_BUILDER_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "graph-builder"


def cache_key(words: Iterable[Tuple[str, str]]) -> str:
    """A key for a dictionary built from jieba's files plus ``words`` (``(word, tag)`` pairs)."""
    import jieba
    from jieba import finalseg

    h = hashlib.sha1()
    h.update(f"{FORMAT}|{jieba.__version__}".encode())
    for path in (jieba.get_dict_file().name, finalseg.__file__):
        st = os.stat(path)
        h.update(f"|{path}|{st.st_size}|{st.st_mtime_ns}".encode())
    for word, tag in words:
        h.update(f"\n{word}\t{tag}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:20]


_KEEP = 4  # cache files kept (the newest): one per lexicon version in use


def load_cached(key: str) -> Optional[SegDict]:
    """The cached dictionary of ``key``, or None (missing or unreadable)."""
    path = cache_dir() / f"segdict-{key}.npz"
    try:
        seg = SegDict.load(path)
        os.utime(path)  # recently used: kept by the pruning in store_cached
        return seg
    except (OSError, ValueError, KeyError) as exc:
        if path.exists():
            log_.debug("cannot read %s: %s", path, exc)
        return None


def store_cached(key: str, seg: SegDict) -> None:
    """Write ``seg`` to the cache (best effort: a cache that cannot be written is skipped)."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        seg.save(folder / f"segdict-{key}.npz")
        old = sorted(folder.glob("segdict-*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)[_KEEP:]
        for p in old:
            p.unlink()
    except OSError as exc:
        log_.debug("segmenter cache not written in %s: %s", folder, exc)
