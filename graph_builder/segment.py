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


def _jieba_tags(jieba) -> Dict[str, str]:
    """POS tag of every word in jieba's main dictionary."""
    tags = {}
    with open(jieba.get_dict_file().name, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def _lexicon_words() -> List[Tuple[str, str]]:
    """(word, tag) of the lexicon entries the tokenizer should keep whole."""
    words: List[Tuple[str, str]] = []
    amb = lexicon.ambiguous_companies()
    words += [(n, "nt") for n in lexicon.companies() if n not in amb]
    words += [(n, "nz") for n in lexicon.products()]
    words += [(n, "ns") for n in lexicon.places()]
    words += [(n, "nnt") for n in lexicon.titles() if lexicon.titles()[n] >= 5 or lexicon.titles()[n] == 0]
    words += [(n, "n") for n in lexicon.industry_surface_labels()]
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
    if "tokenizer" not in state:
        return  # the entries are picked up from the lexicon when the tokenizer loads
    with _lock:
        words = [(name, pos or _LEXICON_TAGS.get(etype, "nz")) for name, etype, _f, pos in entries]
        _add_words(state["tokenizer"], state["tags"], words)
        _GUESSED.clear()


def tokenizer():
    """The jieba tokenizer with the lexicons added, and its tag table (built once).

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
            tags = _jieba_tags(jieba)
            _add_words(tk, tags, _lexicon_words())
            _state["tags"] = tags
            _state["tokenizer"] = tk
            lexicon.on_user_lexicon(_on_user_lexicon)
    return _state["tokenizer"], _state["tags"]


def word_freq(word: str) -> int:
    """How often jieba's dictionary (with our lexicons) counts ``word``; 0 if unknown."""
    tk, _tags = tokenizer()
    return tk.FREQ.get(word, 0)


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


def tokenize(text: str, offset: int = 0) -> List[Token]:
    """Words of ``text`` (no whitespace tokens), offsets shifted by ``offset``."""
    tk, tags = tokenizer()
    guessed = _GUESSED
    out = []
    append = out.append
    pos = offset
    for word in tk.cut(text, HMM=True):
        n = len(word)
        tag = tags.get(word)
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


def _guess_pieces(word: str, tags: Dict[str, str]) -> Tuple[Tuple[str, str], ...]:
    """The tokens of a word without a plain dictionary tag: none for spaces, else unglued and guessed."""
    if word.isspace():
        return ()
    return tuple((piece, guess_tag(piece, tags)) for piece in _unglue(word, tags))


def _unglue(word: str, tags: Dict[str, str]) -> Tuple[str, ...]:
    """Split a function character off an unknown word that is a name plus it.

    >>> _unglue("孙立在", {}), _unglue("和海川", {}), _unglue("体验", {"体验": "vn"})
    (('孙立', '在'), ('和', '海川'), ('体验',))
    """
    if tags.get(word, "nr") != "nr" or not 3 <= len(word) <= 5 or not _HAN.match(word):
        return (word,)
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
