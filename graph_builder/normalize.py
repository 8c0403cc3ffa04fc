"""Normalise: a same-length analysis copy of the text (``doc.norm``).

Later stages match lexicons and patterns on ``doc.norm`` and report offsets
into ``doc.text``; that only works if both strings have exactly the same
length, so every mapping here is one code point to one code point:

* Traditional -> Simplified Chinese with OpenCC's ``t2s`` conversion
  (opencc-python-reimplemented). OpenCC converts phrase by phrase; where a
  phrase would change length (a handful of entries in its phrase table do),
  that piece is converted character by character instead.
* Full-width ASCII letters, digits and symbols (U+FF01-U+FF5E) -> ASCII, so
  ``ＡＩ２０２６`` matches ``AI2026``. The full-width forms of Chinese sentence
  punctuation, ``，！？；：（）``, are kept: Chinese text uses them as its normal
  punctuation and the sentence splitter should see one consistent set (it
  splits on ``。！？；`` whether the text came half- or full-width).
* The ideographic space U+3000 -> an ASCII space.

Examples
--------
>>> normalize_text("臺灣積體電路 ＡＩ２０２６，好！")
'台湾积体电路 AI2026，好！'
"""
from __future__ import annotations

import os
import re
import threading
from typing import Dict, FrozenSet, Optional

from .doc import Document

#: Full-width characters that stay as they are (Chinese sentence punctuation).
KEEP_FULL_WIDTH = "，！？；：（）"

_WIDTH_TABLE: Dict[int, str] = {
    code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if chr(code) not in KEEP_FULL_WIDTH
}
_WIDTH_TABLE[0x3000] = " "
_WIDTH_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_WIDTH_TABLE)) + "]")

_lock = threading.Lock()
_converter = None  # the OpenCC("t2s") instance, created on first use
_char_table: Optional[Dict[int, str]] = None  # one-to-one t2s character map (fallback path)
_trad_chars: Optional[FrozenSet[str]] = None  # every character t2s may change


def _load() -> None:
    """Create the OpenCC converter and the derived tables once per process."""
    global _converter, _char_table, _trad_chars
    if _converter is not None:
        return
    with _lock:
        if _converter is not None:
            return
        from opencc import OpenCC

        cc = OpenCC("t2s")
        chars: Dict[int, str] = {}
        changed = set()
        for name in _dictionary_files(cc):
            with open(name, encoding="utf-8") as fh:
                for line in fh:
                    key, _, value = line.rstrip("\n").partition("\t")
                    # OpenCC lists alternatives separated by spaces and uses the first
                    value = value.split(" ")[0]
                    if not key or not value:
                        continue
                    if len(key) == 1 and len(value) == 1 and key != value:
                        chars.setdefault(ord(key), value)
                    if len(key) == len(value):
                        changed.update(k for k, v in zip(key, value) if k != v)
                    else:  # length-changing phrase: any of its characters may trigger a change
                        changed.update(key)
        # The short-circuit test: text with none of these characters is returned as is.
        # (A set, not a regex character class: with ~4000 members, many outside the
        # BMP, the class is matched ten times slower than a set is scanned.)
        _trad_chars = frozenset(changed)
        _char_table = chars
        _converter = cc


def _dictionary_files(cc) -> list:
    """Paths of the text dictionaries of the converter's t2s chain (phrases and characters)."""
    files = []

    def walk(chain):
        for item in chain:
            if isinstance(item, list):
                walk(item)
            else:
                files.append(item)

    walk(cc._dict_chain)
    if not files:  # the package layout changed: its dictionaries still sit beside the module
        import opencc

        base = os.path.join(os.path.dirname(opencc.__file__), "dictionary")
        files = [os.path.join(base, "TSPhrases.txt"), os.path.join(base, "TSCharacters.txt")]
    return files


#: OpenCC splits its input at these separators; converting piece by piece lets a
#: length change be confined to (and repaired within) one piece.
_PIECE_RE = re.compile(r"[\s\-,.?!*\u3000，。、；：？！…“”‘’『』「」—－（）《》〈〉～．／＼［］｛｝【】]+")


def to_simplified(s: str) -> str:
    """Convert Traditional Chinese to Simplified with OpenCC ``t2s``, keeping the length.

    Text without any character that ``t2s`` would change is returned unchanged
    without calling OpenCC (most input is already Simplified).

    Examples
    --------
    >>> to_simplified("臺灣積體電路製造")
    '台湾积体电路制造'
    """
    _load()
    if _trad_chars.isdisjoint(s):
        return s
    out = []
    pos = 0
    for m in _PIECE_RE.finditer(s):
        if m.start() > pos:
            out.append(_convert_piece(s[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    if pos < len(s):
        out.append(_convert_piece(s[pos:]))
    return "".join(out)


def _convert_piece(piece: str) -> str:
    if _trad_chars.isdisjoint(piece):
        return piece
    conv = _converter.convert(piece)
    if len(conv) != len(piece):
        # a phrase changed length: fall back to the one-to-one character map
        conv = piece.translate(_char_table)
    return conv


def to_half_width(s: str) -> str:
    """Map full-width ASCII (except ``，！？；：（）``) and U+3000 to their ASCII forms."""
    if not _WIDTH_RE.search(s):
        return s
    return s.translate(_WIDTH_TABLE)


def normalize_text(s: str) -> str:
    """The analysis form of ``s``: Simplified, half-width; same length as ``s``.

    Use it for lexicon keys too, so that keys and ``doc.norm`` agree.

    Examples
    --------
    >>> normalize_text("ＡＩ２０２６")
    'AI2026'
    """
    return to_simplified(to_half_width(s))


def normalize(doc: Document) -> Document:
    """Set ``doc.norm``, the same-length analysis copy of ``doc.text``.

    Raises
    ------
    AssertionError
        Never for real input: the mapping is one code point to one code point.
    """
    doc.norm = normalize_text(doc.text)
    if len(doc.norm) != len(doc.text):  # explicit, so that python -O keeps the check
        raise AssertionError("normalisation changed the text length")
    return doc
