"""Character-level CRF named-entity tagger (Person, Company, Organization, Place, Product).

The model is a python-crfsuite CRF over BIOES tags, trained by
``scripts/train_ner.py`` from public Chinese NER corpora and shipped in
``graph_builder/data/models/``. Features are computed on *normalised* text
(Simplified, half-width) so offsets into ``doc.norm`` are offsets into
``doc.text``.

Features per character: unigrams in a -2..+2 window, bigrams and one trigram
around it, character classes, the position of the character inside its jieba
word and that word's length (in the pipeline the words are the segment stage's
tokens, so jieba runs once per text), lexicon cues (surname, company / organisation
/ place suffix, job title, listed-company short name), and word-level features: the
jieba-dictionary POS of the character's word with its position in it, the word
itself (2-4 characters), and per-character statistics of jieba's dictionary (how
often the character is a given-name character, or ends a place or organisation
name). The word-level set was chosen on the held-out 10% of the training corpora
(``scripts/ner_variants.py``; docs/ner.md). The lexicons are data
files beside the model (``data/models/ner_lexicon/``), derived by the training
script, so a model always travels with the exact cues it was trained on.

Examples
--------
>>> spans = tag_text("张伟是华为技术有限公司的工程师。")  # doctest: +SKIP
>>> [(s, e, t) for s, e, t, _ in spans]  # doctest: +SKIP
[(0, 2, 'Person'), (3, 11, 'Company')]
"""
from __future__ import annotations

import json
import logging
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

MODEL_DIR = Path(__file__).resolve().parent / "data" / "models"
MODEL_FILE = MODEL_DIR / "ner_crf.crfsuite"
LEXICON_DIR = MODEL_DIR / "ner_lexicon"

#: Lexicon files (one entry a line) and the feature code each one fires.
LEXICON_FILES = {
    "surnames.txt": "sn",
    "companies.txt": "co",
    "titles.txt": "ti",
}
#: Cue lists in ``cues.json`` (hand-written grammatical suffixes) and their codes.
CUE_KEYS = {
    "company_suffixes": "cs",
    "org_suffixes": "os",
    "place_suffixes": "ps",
}

# Sentence-final marks where long inputs are cut into CRF sequences; the model
# was trained on sentences, and shorter sequences keep memory flat.
_SENT_END = re.compile(r"[。！？!?；;\n]+")
_MAX_SEQ = 400

_lock = threading.Lock()

# Same rule as graph_builder.normalize: Chinese sentence punctuation stays full-width.
_KEEP_FULL_WIDTH = set("，！？；：（）")


# --------------------------------------------------------------------------
# normalisation (fallback when graph_builder.normalize is not available)
# --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _normalizer():
    """Return a same-length ``str -> str`` normaliser (Simplified, half-width)."""
    try:
        from graph_builder.normalize import normalize_text  # written by the normalise stage

        return normalize_text
    except Exception:  # pragma: no cover - depends on the tree state
        pass
    from opencc import OpenCC

    cc = OpenCC("t2s")
    cache: Dict[str, str] = {}

    def one(ch: str) -> str:
        out = cache.get(ch)
        if out is None:
            code = ord(ch)
            if code == 0x3000:
                out = " "
            elif 0xFF01 <= code <= 0xFF5E and ch not in _KEEP_FULL_WIDTH:
                out = chr(code - 0xFEE0)
            else:
                conv = cc.convert(ch)
                # t2s may map one char to two in rare phrases; keep length fixed
                out = conv if len(conv) == 1 else ch
            cache[ch] = out
        return out

    def normalize_text(text: str) -> str:
        return "".join(one(c) for c in text)

    return normalize_text


def normalize(text: str) -> str:
    """Normalise ``text`` char-wise to Simplified, half-width; the length is unchanged.

    Uses ``graph_builder.normalize.normalize_text`` when that module exists.
    """
    out = _normalizer()(text)
    if len(out) != len(text):  # never let offsets drift
        raise ValueError("normaliser changed the text length")
    return out


# --------------------------------------------------------------------------
# lexicons and segmentation
# --------------------------------------------------------------------------

def _read_lines(path: Path) -> List[str]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def load_lexicon() -> Tuple[Dict[str, Tuple[str, ...]], set]:
    """Return ``(entry -> feature codes, set of proper prefixes of entries)`` for the matcher.

    Surnames are single characters or two-character compound surnames; they are
    matched like any other entry.
    """
    table: Dict[str, set] = {}
    for name, code in LEXICON_FILES.items():
        for w in _read_lines(LEXICON_DIR / name):
            table.setdefault(w, set()).add(code)
    cues_path = LEXICON_DIR / "cues.json"
    if cues_path.exists():
        cues = json.loads(cues_path.read_text(encoding="utf-8"))
        for key, code in CUE_KEYS.items():
            for w in cues.get(key, []):
                table.setdefault(w, set()).add(code)
    frozen = {w: tuple(sorted(c)) for w, c in table.items()}
    # every proper prefix, so a scan stops as soon as no entry can start here
    prefixes = {w[:k] for w in frozen for k in range(1, len(w))}
    return frozen, prefixes


@lru_cache(maxsize=1)
def _tokenizer():
    """A private jieba tokenizer, so user dictionaries loaded elsewhere do not shift features."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def _char_class(c: str) -> str:
    if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf":
        return "H"
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "L"
    if c.isspace():
        return "W"
    if c.isalpha():
        return "A"  # other letters (kana, Cyrillic...)
    return "P"


class _ClassCache(dict):
    """``char -> class``, filled on first use; ``map(cache.__getitem__, text)`` then runs in C."""

    def __missing__(self, c: str) -> str:
        k = self[c] = _char_class(c)
        return k


_CLASS_CACHE = _ClassCache()


def _classes(text: str) -> List[str]:
    return list(map(_CLASS_CACHE.__getitem__, text))


# (lexicon table it was built from, entry -> ((offset, tag), ...), first
# characters of entries); rebuilt when load_lexicon's cache is cleared
# (scripts/train_ner.py does so).
# One tuple, swapped in whole, so threads never see a mixed state.
_MATCH: List[tuple] = [(None, None, None)]


def _match_table() -> Tuple[Dict[str, Tuple[Tuple[int, str], ...]], frozenset]:
    """Entry -> the ``(offset, code+position)`` tags it puts on its characters, and the entries' first characters.

    Precomputed once so the scan in :func:`_lexicon_hits` only appends. Entries
    that fire no cue (a surname entry longer than two characters) are left out;
    the scan still walks past them through the prefix set.
    """
    table, _prefixes = load_lexicon()
    cached = _MATCH[0]
    if cached[0] is table:
        return cached[1], cached[2]
    match: Dict[str, Tuple[Tuple[int, str], ...]] = {}
    for w, codes in table.items():
        L = len(w)
        out: List[Tuple[int, str]] = []
        for code in codes:
            if code == "sn" and L > 2:
                continue
            if L == 1:
                out.append((0, code + "S"))
            else:
                out.append((0, code + "B"))
                out.extend((k, code + "I") for k in range(1, L - 1))
                out.append((L - 1, code + "E"))
        if out:
            match[w] = tuple(out)
    starts = frozenset(w[0] for w in table)
    _MATCH[0] = (table, match, starts)
    return match, starts


def _lexicon_hits(text: str) -> Dict[int, List[str]]:
    """Char index -> the lexicon cues covering it (``code+position``, B/I/E/S); uncovered chars absent."""
    _table, prefixes = load_lexicon()
    match, starts = _match_table()
    get = match.get
    n = len(text)
    hits: Dict[int, List[str]] = {}
    for i, c in enumerate(text):
        if c not in starts:  # about half of all characters start no entry
            continue
        for j in range(i + 1, n + 1):
            piece = text[i:j]
            found = get(piece)
            if found is None:
                if piece not in prefixes:
                    break
                continue
            for off, tag in found:
                k = i + off
                lst = hits.get(k)
                if lst is None:
                    hits[k] = [tag]
                else:
                    lst.append(tag)
    return hits


def _lexicon_tags(text: str) -> List[List[str]]:
    """Per char, the lexicon cues covering it, as ``code+position`` (B/I/E/S)."""
    hits = _lexicon_hits(text)
    return [hits.get(i, []) for i in range(len(text))]


def _char_words(words: Iterable[str]) -> List[Tuple[str, int]]:
    """Per character of the words joined: ``(the word it is in, its index in that word)``."""
    out: List[Tuple[str, int]] = []
    for w in words:
        out.extend((w, k) for k in range(len(w)))
    return out


def cut_words(text: str) -> List[Tuple[str, int]]:
    """Per character of ``text``: its jieba word and its index in it (the training segmentation)."""
    return _char_words(_tokenizer().lcut(text))


def token_words(norm: str, tokens: Iterable) -> List[Tuple[str, int]]:
    """Per character of ``norm``: the segmenter token covering it and the index in that token.

    Characters no token covers (spaces) are one-character words, as jieba cuts them.
    """
    n = len(norm)
    out = [(c, 0) for c in norm]
    for t in tokens:
        a, b = t.start, t.end
        if 0 <= a < b <= n:
            w = norm[a:b]
            out[a:b] = [(w, k) for k in range(b - a)]
    return out


@lru_cache(maxsize=4096)
def _word_shape(L: int, k: int) -> str:
    """Word tag of the ``k``-th character of a word of length ``L``: position (B/M/E/S) and length (max 4)."""
    if L == 1:
        return "S1"
    return ("B" if k == 0 else "E" if k == L - 1 else "M") + str(min(L, 4))


@lru_cache(maxsize=1)
def _dict_tags() -> Dict[str, str]:
    """POS tag of every word of jieba's main dictionary (the ``p=`` features)."""
    import jieba

    from graph_builder.segment import _jieba_tags

    return _jieba_tags(jieba)


@lru_cache(maxsize=1)
def _char_stats() -> Dict[str, Tuple[str, str, str]]:
    """Char -> buckets of how often it is a given-name char / place end / organisation end
    in jieba's dictionary (``ner_lexicon/char_stats.tsv``, written by the training script)."""
    out: Dict[str, Tuple[str, str, str]] = {}
    path = LEXICON_DIR / "char_stats.tsv"
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")  # empty columns are meaningful: no strip
            if len(parts) == 4 and not line.startswith("#"):
                out[parts[0]] = (parts[1], parts[2], parts[3])
    return out


def char_stats_from_dictionary() -> Dict[str, Tuple[str, str, str]]:
    """Compute the table of :func:`_char_stats` from jieba's dictionary (for the training script).

    For each character: among the dictionary words holding it, the share where it
    is a given-name character of a 2-3 character ``nr`` word (``gn``), the last
    character of an ``ns`` word (``se``) or of an ``nt`` word (``te``), bucketed
    1/2/3 at 5 %, 20 % and 50 % (three sightings at least).
    """
    from collections import Counter

    total, gn, se, te = Counter(), Counter(), Counter(), Counter()
    for w, t in _dict_tags().items():
        for c in set(w):
            total[c] += 1
        if t.startswith("nr") and 2 <= len(w) <= 3:
            for c in w[1:]:
                gn[c] += 1
        elif t == "ns" and len(w) >= 2:
            se[w[-1]] += 1
        elif t == "nt" and len(w) >= 2:
            te[w[-1]] += 1

    def bucket(k: int, d: int) -> str:
        if k < 3:
            return ""
        r = k / d
        return "3" if r >= 0.5 else "2" if r >= 0.2 else "1" if r >= 0.05 else ""

    stats = {}
    for c, d in total.items():
        row = (bucket(gn[c], d), bucket(se[c], d), bucket(te[c], d))
        if any(row):
            stats[c] = row
    return stats


class _WordFeatureCache(dict):
    """``(word, index) -> its word-level feature strings``, filled on first use.

    Capped (cleared when full) so a huge corpus of new words cannot grow it without bound.
    """

    MAX = 500_000

    def __missing__(self, key: Tuple[str, int]) -> Tuple[str, ...]:
        w, k = key
        t = _dict_tags().get(w) or ("un" if "\u4e00" <= w[0] <= "\u9fff" else "x")
        L = len(w)
        out = ("p=" + t, "pw=" + ("S" if L == 1 else "B" if k == 0 else "E" if k == L - 1 else "M") + t)
        if 2 <= L <= 4:
            out += ("wd=" + w,)
        if len(self) >= self.MAX:
            self.clear()
        self[key] = out
        return out


class _CharFeatureCache(dict):
    """``char -> its dictionary-statistics feature strings`` (``gn=``/``se=``/``te=``)."""

    def __missing__(self, c: str) -> Tuple[str, ...]:
        row = _char_stats().get(c)
        out = tuple(p + v for p, v in zip(("gn=", "se=", "te="), row) if v) if row else ()
        if len(self) < 100_000:
            self[c] = out
        return out


_WORD_FEATS = _WordFeatureCache()
_CHAR_FEATS = _CharFeatureCache()


def _word_features(feats: List[List[str]], text: str, words: Sequence[Tuple[str, int]]) -> None:
    """Append the word-level features: the dictionary POS of the char's word (``p=``),
    with the char's position in it (``pw=``), the dictionary char statistics
    (``gn=``/``se=``/``te=``) and the word itself when it has 2-4 chars (``wd=``)."""
    wget, cget = _WORD_FEATS.__getitem__, _CHAR_FEATS.__getitem__
    for f, wf, cf in zip(feats, map(wget, words), map(cget, text)):
        f.extend(wf)
        if cf:
            f.extend(cf)


def sentence_features(text: str, words: Optional[Sequence[Tuple[str, int]]] = None,
                      word_features: bool = True) -> List[List[str]]:
    """Return the CRF feature strings of every character of one normalised sentence.

    Parameters
    ----------
    text : str
        One normalised sentence.
    words : sequence of (str, int), optional
        Per character, its word and its index in the word (:func:`token_words`,
        :func:`cut_words`); default: cut ``text`` with jieba here.
    word_features : bool
        Add the word-level features (:func:`_word_features`); the shipped model
        uses them; ``False`` gives the earlier feature set (for comparisons).
    """
    n = len(text)
    if n == 0:
        return []
    # Built column by column with list comprehensions (one pass per feature
    # template) rather than per character: several times fewer Python steps.
    chars = ["<s2>", "<s1>", *text, "</s1>", "</s2>"]
    cls = ["S", "S"] + _classes(text) + ["S", "S"]
    if words is None:
        words = cut_words(text)
    shapes = [_word_shape(len(w), k) for w, k in words]
    lex = _lexicon_hits(text)
    mid, m1, m2, p1, p2 = chars[2:n + 2], chars[1:n + 1], chars[0:n], chars[3:n + 3], chars[4:n + 4]
    bi = [a + b for a, b in zip(chars, chars[1:])]  # bi[k] = chars[k] + chars[k + 1]
    kk = [a + b + c for a, b, c in zip(cls, cls[1:], cls[2:])]  # kk[k] = cls[k..k+2]
    cols = (
        ["c0=" + c for c in mid],
        ["c-1=" + c for c in m1],
        ["c+1=" + c for c in p1],
        ["c-2=" + c for c in m2],
        ["c+2=" + c for c in p2],
        ["b-1=" + b for b in bi[1:n + 1]],
        ["b+1=" + b for b in bi[2:n + 2]],
        ["b-2=" + b for b in bi[0:n]],
        ["b+2=" + b for b in bi[3:n + 3]],
        ["t0=" + a + b + c for a, b, c in zip(m1, mid, p1)],
        ["k=" + k for k in kk[1:n + 1]],
        ["w=" + w for w in shapes],
        ["w0=" + w + c for w, c in zip(shapes, mid)],
    )
    if n == 1:
        feats = [list(r) for r in zip(*cols)]
    else:
        # w-1 / w+1 exist for every character but the first / last one
        wm1 = ["w-1=" + w for w in shapes[:n - 1]]
        wp1 = ["w+1=" + w for w in shapes[1:]]
        feats = [list(r) for r in zip(*cols, [None] + wm1, wp1 + [None])]
        del feats[0][-2]
        feats[-1].pop()
    if lex:
        lex_j = {k: ",".join(t) for k, t in lex.items()}
        # only characters with a lexicon cue at -1..+2 get lexicon features
        near = set()
        for k in lex:
            near.update((k - 2, k - 1, k, k + 1))
        lget, jget = lex.get, lex_j.get
        for i in sorted(near):
            if not 0 <= i < n:
                continue
            f = feats[i]
            t = lget(i)
            if t:
                f.extend(["x0=" + x for x in t])
            j = jget(i - 1)  # absent for i == 0
            if j:
                f.append("x-1=" + j)
            j = jget(i + 1)
            if j:
                f.append("x+1=" + j)
            j = jget(i + 2)
            if j:
                f.append("x+2=" + j)
    if word_features:
        _word_features(feats, text, words)
    return feats


# --------------------------------------------------------------------------
# tagging
# --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def load_model(path: Optional[str] = None):
    """Load the CRF model once and return a ``pycrfsuite.Tagger``.

    Parameters
    ----------
    path : str, optional
        A model file; default ``graph_builder/data/models/ner_crf.crfsuite``.

    Raises
    ------
    FileNotFoundError
        When the model file is missing (run ``scripts/train_ner.py``).
    """
    import pycrfsuite

    model = Path(path) if path else MODEL_FILE
    if not model.exists():
        raise FileNotFoundError(f"CRF model not found: {model} (train it with scripts/train_ner.py)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


def decode_tags(tags: Sequence[str]) -> List[Tuple[int, int, str]]:
    """Turn BIOES (or BIO/BMES) tags into ``(start, end, type)`` spans, end exclusive.

    Ill-formed runs are repaired leniently: an ``I``/``E`` that does not continue
    an open span of the same type starts a new one.
    """
    spans: List[Tuple[int, int, str]] = []
    start, cur = -1, None
    for i, tag in enumerate(tags):
        if tag == "O" or len(tag) < 3:
            if cur is not None:
                spans.append((start, i, cur))
            start, cur = -1, None
            continue
        pos, typ = tag[0], tag[2:]
        if pos in "BS" or cur != typ:
            if cur is not None:
                spans.append((start, i, cur))
            start, cur = i, typ
        if pos in "ES":
            spans.append((start, i + 1, cur))
            start, cur = -1, None
    if cur is not None:
        spans.append((start, len(tags), cur))
    return spans


def split_sequences(text: str) -> List[Tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces at sentence-final punctuation (kept with the piece)."""
    pieces: List[Tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        pieces.extend(_cap(start, end))
        start = end
    if start < len(text):
        pieces.extend(_cap(start, len(text)))
    return pieces


def _cap(start: int, end: int) -> Iterable[Tuple[int, int]]:
    # Very long unpunctuated runs (tables, lists) are cut at a fixed size.
    while end - start > _MAX_SEQ:
        yield (start, start + _MAX_SEQ)
        start += _MAX_SEQ
    if end > start:
        yield (start, end)


def _tag_piece(tagger, text: str, with_score: bool, words=None) -> List[Tuple[int, int, str, float]]:
    if not text.strip():
        return []
    tags = tagger.tag(sentence_features(text, words))
    out = []
    for s, e, t in decode_tags(tags):
        score = 1.0
        if with_score:
            # the weakest character marginal bounds the span's probability from above
            score = min(tagger.marginal(tags[k], k) for k in range(s, e))
        out.append((s, e, t, round(score, 4)))
    return out


def tag_text(norm_text: str, with_score: bool = True,
             words: Optional[Sequence[Tuple[str, int]]] = None) -> List[Tuple[int, int, str, float]]:
    """Tag normalised text and return ``(start, end, type, score)`` spans (end exclusive).

    Parameters
    ----------
    norm_text : str
        Text already normalised (see :func:`normalize`); offsets index this string.
    with_score : bool
        Compute the span score (the smallest per-character marginal); ``False``
        gives 1.0 and is slightly faster.
    words : sequence of (str, int), optional
        Per character of ``norm_text``, its word and index in it (:func:`token_words`),
        so the text is not cut with jieba a second time; default: cut it here.
    """
    tagger = load_model()
    spans: List[Tuple[int, int, str, float]] = []
    with _lock:  # a Tagger holds the current sequence; share it safely
        for a, b in split_sequences(norm_text):
            w = None if words is None else words[a:b]
            for s, e, t, sc in _tag_piece(tagger, norm_text[a:b], with_score, w):
                spans.append((a + s, a + e, t, sc))
    return spans


def tag_document(doc) -> list:
    """Tag every sentence of ``doc.norm`` and return CRF :class:`Mention` objects.

    Falls back to the content spans (then the whole text) when the document has
    no sentences yet. The word features come from ``doc.tokens`` when the
    document is segmented (jieba then runs once per text, not twice).
    """
    from graph_builder.doc import Mention

    ranges = [(s.start, s.end) for s in doc.sentences] or list(doc.content) or [(0, len(doc.norm))]
    words = token_words(doc.norm, doc.tokens) if doc.tokens else None
    mentions = []
    for a, b in ranges:
        for s, e, t, sc in tag_text(doc.norm[a:b], words=None if words is None else words[a:b]):
            name = doc.norm[a + s:a + e]
            mentions.append(Mention(start=a + s, end=a + e, type=t, name=name, method="crf", score=sc))
    return mentions
