"""Sentence splitting and word segmentation.

``segment(doc)`` splits each content span of ``doc.norm`` into sentences and
cuts each sentence into words with jieba, filling ``doc.sentences`` and
``doc.tokens`` (offsets into ``doc.text``, which has the length of ``doc.norm``).

Why not ``jieba.posseg``: its HMM tagger runs at ~40k chars/s, below the
pipeline's whole budget. ``jieba.cut`` (HMM on, for unknown words) runs at
~300k chars/s; POS tags then come from the dictionaries (jieba's main
dictionary tags plus our lexicons), and unknown words are tagged ``nr`` when
they look like a person name (a common surname and 1-2 more characters) and
``un`` otherwise.

Examples
--------
>>> from graph_builder.doc import Document
>>> doc = segment(Document(id="d", text="比亚迪发布了新车。价格未公布！"))
>>> [doc.text[s.start:s.end] for s in doc.sentences]
['比亚迪发布了新车。', '价格未公布！']
"""
from __future__ import annotations

import logging
import re
import threading
from math import log
from typing import Dict, List, Optional, Tuple

from . import lexicon
from .doc import Document, Sentence, Token

# A sentence ends after 。！？!?；; (runs of them, plus closing quotes and brackets)
# or at a line break.
_SENT_END = re.compile(r"[。！？!?；;…]*[。！？!?；;]+[”’\"'」』）)】》]*|\n")
_HAS_WORD = re.compile(r"\w")
_SPACE = re.compile(r"\s+")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_ALNUM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9+#&._%\-]*$")
_DIGITS = re.compile(r"^[0-9][0-9.,%]*$")

# Tags for lexicon words added to the tokenizer (jieba's tag set: nt = organisation,
# ns = place, nz = other proper noun; nnt = job title as in ICTCLAS).
_LEXICON_TAGS = {"Company": "nt", "Organization": "nt", "Place": "ns", "Person": "nr", "Product": "nz", "Industry": "n"}
# Surnames at least this common (per 10k people) make an unknown 2-3 character word a name.
_NAME_SURNAME_MIN = 10.0

# jieba's HMM glues one-character function words to unknown names (孙立在, 和海川);
# these are split off again.
_GLUE_TAIL = frozenset("在于为和是了的也将与及被对向从把说称等")
_GLUE_HEAD = frozenset("和与及在被对向从把由将为是")

_lock = threading.Lock()
_state: Dict[str, object] = {}
# Tokens of words missing from the tag table (punctuation, numbers, unknown
# words): ``word -> ((piece, tag), ...)``. About a quarter of all words take
# this path; the memo saves its regex calls. Cleared when a user lexicon adds
# words, capped so a huge corpus cannot grow it without bound.
_GUESSED: Dict[str, Tuple[Tuple[str, str], ...]] = {}
_GUESSED_MAX = 200_000


_DICT_TAGS: Dict[str, str] = {}


def dictionary_tags() -> Dict[str, str]:
    """POS tag of every word in jieba's main dictionary, read once; shared, so never modify it."""
    if not _DICT_TAGS:
        import jieba

        tags = {}
        with open(jieba.get_dict_file().name, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3:
                    tags[parts[0]] = parts[2]
        _DICT_TAGS.update(tags)
    return _DICT_TAGS


def _lexicon_words() -> List[Tuple[str, str]]:
    """(word, tag) of the lexicon entries the tokenizer should keep whole."""
    words: List[Tuple[str, str]] = []
    amb = lexicon.ambiguous_companies()
    words += [(n, "nt") for n in lexicon.companies() if n not in amb]
    words += [(n, "nz") for n in lexicon.products()]
    words += [(n, "ns") for n in lexicon.places()]
    words += [(n, "nt") for n in lexicon.organizations()]
    words += [(n, "nnt") for n in lexicon.titles() if lexicon.titles()[n] >= 5 or lexicon.titles()[n] == 0]
    words += [(n, "n") for n in lexicon.industry_surface_labels()]
    words += sorted(lexicon.function_words().items())
    return words


def _add_words(tokenizer, tags: Dict[str, str], words) -> None:
    for word, tag in words:
        # jieba's dictionary cannot hold words with spaces; they stay several tokens.
        if not word or _SPACE.search(word):
            continue
        if word not in tokenizer.FREQ or not tokenizer.FREQ[word]:
            # A fixed count (not suggest_freq, which costs a segmentation per word) is
            # enough for a 2-4 character name to beat any split into smaller words.
            tokenizer.add_word(word, 500, tag)
        # A dictionary word keeps jieba's tag unless ours is more specific.
        if tags.get(word) in (None, "n", "nr", "nz", "x", "vn", "a", "v", "l", "i", "j") or tag in ("nt", "ns"):
            tags[word] = tag


def _on_user_lexicon(entries) -> None:
    state = _state
    if "tokenizer" not in state and "segdict" not in state:
        return  # the entries are picked up from the lexicon when the tokenizer loads
    with _lock:
        words = [(name, pos or _LEXICON_TAGS.get(etype, "nz")) for name, etype, _f, pos in entries]
        if "tokenizer" in state:
            _add_words(state["tokenizer"], state["tags"], words)
        if state.get("segdict") is not None:
            seg = state["segdict"]
            _add_words(seg, seg.tags, words)
        _GUESSED.clear()


def tokenizer():
    """The jieba tokenizer with the lexicons added, and its tag table (built once).

    The pipeline cuts with :func:`dictionary` (the same dictionary, compiled);
    this is the reference it is checked against, and the cutter where numba
    is missing.

    Returns
    -------
    (jieba.Tokenizer, dict)
    """
    if "tokenizer" in _state:
        return _state["tokenizer"], _state["tags"]
    with _lock:
        if "tokenizer" not in _state:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
            tags = dict(dictionary_tags())  # a copy: the lexicon words are added to it
            _add_words(tk, tags, _lexicon_words())
            _state["tags"] = tags
            _state["tokenizer"] = tk
            lexicon.on_user_lexicon(_on_user_lexicon)
    return _state["tokenizer"], _state["tags"]


def dictionary():
    """The compiled dictionary (:class:`graph_builder.wordseg.SegDict`) the pipeline cuts with, or None.

    It holds what :func:`tokenizer` holds (jieba's dictionary, the lexicon
    words, their tags), read from the on-disk cache when it is there, else
    built from :func:`tokenizer` and cached. None where numba is unavailable
    (or ``GRAPH_BUILDER_NO_JIT=1``): then jieba's tokenizer is used.
    """
    if "segdict" in _state:
        return _state["segdict"]
    from . import wordseg

    if not wordseg.available():
        _state["segdict"] = None
        return None
    words = _lexicon_words()
    key = wordseg.cache_key(words)
    seg = wordseg.load_cached(key)
    if seg is None:
        from jieba import finalseg

        tk, tags = tokenizer()
        with _lock:
            seg = wordseg.SegDict.from_jieba(tk.FREQ, tk.total, tags, finalseg, dictionary_tags())
        wordseg.store_cached(key, seg)  # keyed by the words: a user lexicon gets its own file
    with _lock:
        if "segdict" not in _state:
            _state["segdict"] = seg
            lexicon.on_user_lexicon(_on_user_lexicon)
    return _state["segdict"]


def word_freq(word: str) -> int:
    """How often jieba's dictionary (with our lexicons) counts ``word``; 0 if unknown."""
    seg = dictionary()
    freq = seg.FREQ if seg is not None else tokenizer()[0].FREQ
    return freq.get(word, 0)


def main_dictionary_tag(word: str) -> Optional[str]:
    """The tag of ``word`` in jieba's main dictionary alone (no lexicon words), or None."""
    seg = dictionary()
    return seg.dict_tags.get(word) if seg is not None else dictionary_tags().get(word)


def main_dictionary_tags(words: List[str]) -> List[Optional[str]]:
    """:func:`main_dictionary_tag` of each of ``words``, in one pass."""
    seg = dictionary()
    if seg is not None:
        return seg.dict_tags_of(words)
    tags = dictionary_tags()
    return [tags.get(w) for w in words]


def word_tag(word: str) -> Optional[str]:
    """The tokenizer's POS tag of a dictionary word (jieba's, or a lexicon's); ``None`` if it has none."""
    seg = dictionary()
    tags = seg.tags if seg is not None else tokenizer()[1]
    return tags.get(word)


def guess_tag(word: str, tags: Dict[str, str]) -> str:
    """The POS tag of a word: the dictionary's, else a guess from its shape.

    >>> guess_tag("耿志军", {}), guess_tag("Mate", {}), guess_tag("70", {})
    ('nr', 'eng', 'm')
    """
    tag = tags.get(word)
    if tag:
        return tag
    if _DIGITS.match(word):
        return "m"
    if _ALNUM.match(word):
        return "eng"
    if _HAN.match(word):
        if 2 <= len(word) <= 4:
            sn = lexicon.surnames()
            if (len(word) <= 3 and sn.get(word[0], 0) >= _NAME_SURNAME_MIN) or (len(word) >= 3 and word[:2] in sn):
                return "nr"
        return "un"
    return "x"


def split_sentences(text: str, start: int = 0, end: Optional[int] = None) -> List[Tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, trimmed of spaces, never empty.

    >>> t = "他说：“好！”然后走了。\\n\\n下一段"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['他说：“好！”', '然后走了。', '下一段']
    """
    end = len(text) if end is None else end
    spans = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        _add_span(text, pos, m.end(), spans)
        pos = m.end()
    _add_span(text, pos, end, spans)
    return spans


def _add_span(text: str, a: int, b: int, spans: List[Tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b and _HAS_WORD.search(text, a, b):
        spans.append((a, b))


def cut(text: str) -> List[str]:
    """jieba's words of ``text`` with the lexicons (no tags, no splitting of guessed names):
    the compiled dictionary's cut where it is available, else jieba's tokenizer (the same words,
    tests/test_wordseg.py), so a caller does not load jieba's whole dictionary a second time."""
    seg = dictionary()
    if seg is not None:
        starts, ends, _tags = seg.cut_spans(text)
        return [text[a:b] for a, b in zip(starts, ends)]
    return jieba_cut(tokenizer()[0], text)


def tokenize(text: str, offset: int = 0) -> List[Token]:
    """Words of ``text`` (no whitespace tokens), offsets shifted by ``offset``."""
    seg = dictionary()
    if seg is not None:
        starts, ends, tag_ids = seg.cut_spans(text)
        names = seg.tag_names
        words = ((text[a:b], names[t]) for a, b, t in zip(starts, ends, tag_ids))
        tags = seg.tags
    else:
        tk, tags = tokenizer()
        words = ((w, tags.get(w)) for w in jieba_cut(tk, text))
    guessed = _GUESSED
    out = []
    append = out.append
    pos = offset
    for word, tag in words:
        n = len(word)
        if tag is not None and tag != "nr":
            append(Token(pos, pos + n, word, tag))  # the common case, kept cheap
            pos += n
            continue
        pieces = guessed.get(word)
        if pieces is None:
            pieces = _guess_pieces(word, tags)
            if len(guessed) >= _GUESSED_MAX:
                guessed.clear()
            guessed[word] = pieces
        for piece, ptag in pieces:
            append(Token(pos, pos + len(piece), piece, ptag))
            pos += len(piece)
        if not pieces:
            pos += n
    return out


def jieba_cut(tk, text: str) -> List[str]:
    """``list(tk.cut(text, HMM=True))`` for a ``jieba.Tokenizer`` ``tk``, about a third faster.

    The same algorithm as jieba 0.42 (blocks split by its own patterns; in each
    block the best route through the dictionary DAG, unknown runs through its
    HMM), with the DAG build and the route search fused into one backward pass
    that keeps no DAG dict and no tuples. Every score is computed by the same
    float operations in the same order, ties go the same way (the longer word),
    so the words are identical; tests/test_segment.py checks it.
    """
    import jieba

    re_han, re_skip = jieba.re_han_default, jieba.re_skip_default
    out: List[str] = []
    for blk in re_han.split(text):
        if not blk:
            continue
        if re_han.match(blk):
            _cut_block(tk, blk, out)
        else:
            for x in re_skip.split(blk):
                if re_skip.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


def _cut_block(tk, sentence: str, out: List[str]) -> None:
    """jieba's ``Tokenizer.__cut_DAG`` (HMM on) of one block, appended to ``out``."""
    from jieba import finalseg

    freq = tk.FREQ
    get = freq.get
    logtotal = log(tk.total)
    n = len(sentence)
    # score[i]: best log probability of sentence[i:]; end[i]: the last index of
    # the first word on that route (jieba's route[i] = (score, end)).
    score = [0.0] * (n + 1)
    end = list(range(n + 1))
    for k in range(n - 1, -1, -1):
        best = _NO_SCORE
        i = k
        frag = sentence[k]
        while i < n:
            f = get(frag)  # FREQ holds ints; None: no entry starts so (jieba's "frag in FREQ")
            if f is None:
                break
            if f:
                # jieba: max((log(FREQ.get(w) or 1) - logtotal + route[x + 1][0], x)); on
                # a tie the larger x wins, hence >= while x ascends. Scores are finite.
                sc = log(f) - logtotal + score[i + 1]
                if sc >= best:
                    best = sc
                    end[k] = i
            i += 1
            frag = sentence[k:i + 1]
        if best == _NO_SCORE:  # no dictionary word starts here: the character alone
            best = log(freq.get(sentence[k]) or 1) - logtotal + score[k + 1]
            end[k] = k
        score[k] = best
    x = 0
    buf = ""
    while x < n:
        y = end[x] + 1
        if y - x == 1:
            buf += sentence[x]
        else:
            if buf:
                _flush(buf, get, finalseg, out)
                buf = ""
            out.append(sentence[x:y])
        x = y
    if buf:
        _flush(buf, get, finalseg, out)


_NO_SCORE = float("-inf")


def _flush(buf: str, get, finalseg, out: List[str]) -> None:
    """A run of single characters: one word, the HMM's words (unknown run), or the characters."""
    if len(buf) == 1:
        out.append(buf)
    elif not get(buf):
        _hmm_cut(buf, finalseg, out)
    else:
        out.extend(buf)


def _hmm_cut(text: str, finalseg, out: List[str]) -> None:
    """``out.extend(jieba.finalseg.cut(text))``: Han runs through the HMM, the rest split as jieba does."""
    re_han, re_skip = finalseg.re_han, finalseg.re_skip
    force = finalseg.Force_Split_Words
    for blk in re_han.split(text):
        if re_han.match(blk):
            for word in _hmm_words(blk, finalseg):
                if word in force:
                    out.extend(word)
                else:
                    out.append(word)
        else:
            out.extend(x for x in re_skip.split(blk) if x)


def _hmm_words(obs: str, finalseg) -> List[str]:
    """jieba's ``finalseg.__cut``: the B/M/E/S Viterbi path of ``obs`` and the words it marks.

    jieba's ``viterbi`` unrolled for its four states, with back-pointers instead
    of copied paths. Each score is ``V[t-1][y0] + trans[y0][y] + emit[y][c]``
    summed in jieba's order, and a tie goes to the greater state letter, as
    jieba's ``max`` over ``(score, state)`` tuples does.
    """
    MIN = finalseg.MIN_FLOAT
    start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
    eB, eM, eE, eS = emit["B"].get, emit["M"].get, emit["E"].get, emit["S"].get
    tEB, tSB = trans["E"].get("B", MIN), trans["S"].get("B", MIN)  # into B from E, S
    tMM, tBM = trans["M"].get("M", MIN), trans["B"].get("M", MIN)  # into M from M, B
    tSS, tES = trans["S"].get("S", MIN), trans["E"].get("S", MIN)  # into S from S, E
    tBE, tME = trans["B"].get("E", MIN), trans["M"].get("E", MIN)  # into E from B, M
    c = obs[0]
    vB, vM = start["B"] + eB(c, MIN), start["M"] + eM(c, MIN)
    vE, vS = start["E"] + eE(c, MIN), start["S"] + eS(c, MIN)
    back = []
    for c in obs[1:]:
        em = eB(c, MIN)
        a, b = vE + tEB + em, vS + tSB + em
        nB, pB = (b, "S") if b >= a else (a, "E")
        em = eM(c, MIN)
        a, b = vM + tMM + em, vB + tBM + em
        nM, pM = (a, "M") if a >= b else (b, "B")
        em = eE(c, MIN)
        a, b = vB + tBE + em, vM + tME + em
        nE, pE = (b, "M") if b >= a else (a, "B")
        em = eS(c, MIN)
        a, b = vS + tSS + em, vE + tES + em
        nS, pS = (a, "S") if a >= b else (b, "E")
        back.append({"B": pB, "M": pM, "E": pE, "S": pS})
        vB, vM, vE, vS = nB, nM, nE, nS
    state = "S" if vS >= vE else "E"
    pos = [state]
    for ptr in reversed(back):
        state = ptr[state]
        pos.append(state)
    pos.reverse()
    words: List[str] = []
    begin = nexti = 0
    for i, p in enumerate(pos):
        if p == "B":
            begin = i
        elif p == "E":
            words.append(obs[begin:i + 1])
            nexti = i + 1
        elif p == "S":
            words.append(obs[i])
            nexti = i + 1
    if nexti < len(obs):
        words.append(obs[nexti:])
    return words


def _guess_pieces(word: str, tags: Dict[str, str]) -> Tuple[Tuple[str, str], ...]:
    """The tokens of a word without a plain dictionary tag: none for spaces, else unglued and guessed."""
    if word.isspace():
        return ()
    pieces = _unglue(word, tags)
    if len(pieces) == 2 and pieces[1] in lexicon.cues("honorific"):
        # 安 of 宋予 + 安博士: what precedes the honorific ends a name
        return ((pieces[0], "nr"), (pieces[1], guess_tag(pieces[1], tags)))
    return tuple((piece, guess_tag(piece, tags)) for piece in pieces)


def _unglue(word: str, tags: Dict[str, str]) -> Tuple[str, ...]:
    """Split a function character off an unknown word that is a name plus it.

    >>> _unglue("孙立在", {}), _unglue("和海川", {}), _unglue("体验", {"体验": "vn"}), _unglue("安博士", {})
    (('孙立', '在'), ('和', '海川'), ('体验',), ('安', '博士'))
    """
    if tags.get(word, "nr") != "nr" or not 3 <= len(word) <= 5 or not _HAN.match(word):
        return (word,)
    for h in lexicon.cues("honorific"):  # 安博士 (宋予 + 安博士): the title is no part of the name
        if word.endswith(h) and len(word) > len(h):
            return (word[:-len(h)], h)
    sn = lexicon.surnames()
    if word[-1] in _GLUE_TAIL and (word[0] in sn or word[:2] in sn):
        return (word[:-1], word[-1])
    if word[0] in _GLUE_HEAD and (word[1] in sn or word[1:3] in sn):
        return (word[0], word[1:])
    return (word,)


def segment(doc: Document) -> Document:
    """Fill ``doc.sentences`` and ``doc.tokens`` from ``doc.norm`` inside ``doc.content``.

    ``Sentence.paragraph`` is the index of the content span the sentence lies in.
    """
    norm = doc.norm or doc.text
    sentences: List[Sentence] = []
    tokens: List[Token] = []
    for para, (cstart, cend) in enumerate(doc.content):
        cstart, cend = max(0, cstart), min(len(norm), cend)
        spans = split_sentences(norm, cstart, cend)
        if not spans:
            continue
        sentences.extend(Sentence(a, b, para) for a, b in spans)
        # One jieba call per paragraph: jieba splits at punctuation and line breaks
        # itself, so no word crosses a sentence end; tokens outside every sentence
        # (trimmed spaces, punctuation-only pieces) are dropped.
        a0, b0 = spans[0][0], spans[-1][1]
        k = 0
        for t in tokenize(norm[a0:b0], a0):
            while k < len(spans) and spans[k][1] <= t.start:
                k += 1
            if k < len(spans) and spans[k][0] <= t.start and t.end <= spans[k][1]:
                tokens.append(t)
    doc.sentences = sentences
    doc.tokens = tokens
    return doc
