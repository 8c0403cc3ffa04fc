"""Read: turn input paths into :class:`~graph_builder.doc.Document` objects.

Inputs are files (``.txt .md .html .htm .jsonl``), folders (searched
recursively, in sorted order) or ``-`` for standard input. Reading is lazy:
:func:`iter_documents` is a generator and JSON Lines are streamed line by
line, so a corpus of millions of records never sits in memory.

Nothing here raises for bad input. Each input (or JSONL line) that cannot be
used is recorded with :meth:`Report.skip` and one line saying why, and reading
goes on with the next one.

What ``doc.text`` holds:

* plain text and Markdown: the whole file exactly as decoded (a byte-order mark
  removed, nothing else touched);
* JSON Lines: the record's ``"text"`` string (a lone surrogate that JSON
  escapes can carry is replaced by U+FFFD, which keeps every offset);
* HTML: the main text that trafilatura extracts (one paragraph a line). Markup
  is not prose, so for HTML the offsets point into this extracted text, not
  into the HTML source.

Large inputs are never one giant document. A plain-text file (or standard
input) over :data:`MAX_DOC_BYTES` is read block by block: the encoding is
detected from the first block, then an incremental decoder feeds
:func:`split_text`, which cuts parts of at most :data:`MAX_PART_CHARS`
characters at paragraph boundaries (else line ends, else ``。！？``, else a
fixed length). Each part is a document with id ``path#1``, ``path#2``, ...
(``meta["part"]`` its number, ``meta["source"]`` the path), and **its offsets
are relative to that part's text** (``doc.text`` is the part). A JSON line
whose ``"text"`` is longer than :data:`MAX_PART_CHARS` is split the same way
(ids ``id#1``, ...); a JSON line over :data:`MAX_LINE_BYTES` and an HTML page
over :data:`MAX_HTML_BYTES` are skipped with a reason.

``doc.content`` lists the spans of ``doc.text`` that hold the article. Site
boilerplate (navigation rows, breadcrumbs, share bars, related-article lists,
link farms, contact blocks, copyright and ICP lines, editor credits, the
source/author/date line) is left out, by a pipeline of small named heuristics
over the lines of the text (see :data:`HEURISTICS`); their cue words live in
``graph_builder/data/boilerplate.json``. Headline, publisher, author and date
go to ``doc.meta``.

Examples
--------
>>> from graph_builder.report import Report
>>> doc = document_from_text("a.txt", "首页 | 新闻 | 财经 | 科技\\n星河电子发布新电池\\n"
...     "来源：示例日报 记者：李华\\n星河电子在杭州发布了新一代储能电池。\\n版权所有 示例网")
>>> [doc.text[s:e] for s, e in doc.content]
['星河电子发布新电池', '星河电子在杭州发布了新一代储能电池。']
>>> doc.meta["publisher"], doc.meta["author"], doc.meta["headline"]
('示例日报', '李华', '星河电子发布新电池')
"""
from __future__ import annotations

import datetime as _dt
import io
import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from .doc import Document
from .normalize import to_half_width
from .report import Report

log = logging.getLogger("graph_builder")

#: File extensions read from folders; other files in a folder are ignored.
EXTENSIONS = (".txt", ".md", ".html", ".htm", ".jsonl")

DATA_DIR = Path(__file__).resolve().parent / "data"

# ---------------------------------------------------------------------------
# decoding
# ---------------------------------------------------------------------------

# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)

#: Encodings charset-normalizer may choose from once UTF-8 failed: GB18030
#: covers GBK and GB2312, Big5 is Traditional Chinese, UTF-16 without a BOM.
CHINESE_ENCODINGS = ["gb18030", "big5", "utf_16_le", "utf_16_be"]

#: Inputs larger than this many bytes are not one document: plain text is
#: streamed and cut into parts of at most :data:`MAX_PART_CHARS` characters.
MAX_DOC_BYTES = 2 << 20
#: The most characters one part of a large text holds.
MAX_PART_CHARS = 256 * 1024
#: HTML must be parsed whole; larger pages are skipped.
MAX_HTML_BYTES = 32 << 20
_CHUNK = 1 << 20  # bytes read at a time from a large input

_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_SNIFF = 1 << 16  # bytes looked at to judge a large input


def decode(data: bytes) -> str:
    """Decode the bytes of a text file.

    Byte-order marks first (UTF-8, UTF-16 LE/BE, UTF-32), then strict UTF-8,
    then charset-normalizer restricted to :data:`CHINESE_ENCODINGS`. The
    decoded text is returned as it is (only a byte-order mark is removed);
    newlines are not normalised, because offsets refer to this text.

    Raises
    ------
    ValueError
        With a one-line reason when the bytes are not text.

    Examples
    --------
    >>> decode("腾讯控股".encode("gbk"))
    '腾讯控股'
    >>> decode(b"\\xef\\xbb\\xbfabc")
    'abc'
    """
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise ValueError(f"not valid {name} text despite its byte-order mark") from None
            _check_text(text)
            return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text):
        return text
    # NUL bytes in text only come from UTF-16/32; anything else with them is binary
    has_nul = b"\x00" in data[:_SNIFF]
    guess = _charset_guess(data, ["utf_16_le", "utf_16_be"] if has_nul else CHINESE_ENCODINGS)
    if guess is not None:
        return guess[1]
    if has_nul or text is not None or _control_bytes(data):
        raise ValueError("binary content (NUL bytes or control characters), not text")
    raise ValueError("not decodable as UTF-8, GB18030/GBK, Big5 or UTF-16 text")


_CONTROL_BYTES = frozenset(list(range(0, 9)) + [0x0B] + list(range(0x0E, 0x1B)) + list(range(0x1C, 0x20)) + [0x7F])


def _control_bytes(data: bytes) -> bool:
    """Whether the bytes hold more control codes than any text encoding would."""
    sample = data[:_SNIFF]
    return sum(1 for b in sample if b in _CONTROL_BYTES) > max(2, len(sample) // 100)


def _charset_guess(data: bytes, encodings: List[str]) -> Optional[Tuple[str, str]]:
    """``(encoding, text)``: the best of charset-normalizer's candidates among ``encodings``.

    charset-normalizer rates each candidate by how garbled it reads (chaos).
    On short Chinese text GB18030, Big5 and BOM-less UTF-16 often all decode
    with the same low chaos, so candidates are ranked by the share of their
    characters that are common Chinese characters (see :func:`_common_share`)
    minus their chaos.
    """
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data, cp_isolation=encodings))
    except Exception:  # the detector must not turn odd bytes into a crash
        return None
    best, best_score = None, None
    for match in matches:
        try:
            text = data.decode(match.encoding)  # strict: charset-normalizer may have tolerated errors
        except (UnicodeDecodeError, LookupError):
            continue
        if not _looks_like_text(text, strict=True):
            continue
        score = _common_share(text) - match.chaos
        if best_score is None or score > best_score:
            best, best_score = (match.encoding, text), score
    return best


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset:
    """The common Chinese characters, taken from the codecs themselves.

    GB2312 level 1 (rows 0xB0-0xD7: the 3755 most frequent Simplified
    characters) and Big5's frequent-character block (0xA440-0xC67E: 5401
    Traditional characters). A wrong double-byte decoding lands largely outside
    both blocks, a right one almost entirely inside.
    """
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            chars.update(bytes((lead, trail)).decode("gb2312", errors="ignore"))
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            if (lead, trail) <= (0xC6, 0x7E):
                chars.update(bytes((lead, trail)).decode("big5", errors="ignore"))
    return frozenset(chars)


def _common_share(text: str) -> float:
    """Share of the non-ASCII, non-punctuation characters of ``text`` that are common hanzi."""
    common = _common_hanzi()
    total = hits = 0
    for ch in text[:4096]:
        code = ord(ch)
        if code < 0x80 or 0x2000 <= code <= 0x206F or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
            continue
        total += 1
        hits += ch in common
    return hits / total if total else 1.0


def _looks_like_text(text: str, strict: bool = False) -> bool:
    """Whether decoded ``text`` is prose rather than binary data read as text.

    Binary data shows control characters (NUL above all); text decoded with a
    wrong double-byte codec shows unassigned or private-use code points.
    """
    sample = text[:_SNIFF]
    if not sample:
        return True
    if "\x00" in sample:
        return False
    controls = len(_CONTROL_RE.findall(sample))
    if controls > max(2, len(sample) // 100):
        return False
    if strict:
        import unicodedata

        odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Cn", "Co", "Cs"))
        if odd > max(1, len(sample) // 200):
            return False
    return True


def _check_text(text: str) -> None:
    if not _looks_like_text(text):
        raise ValueError("binary content (NUL bytes or control characters), not text")


_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.I)


def _decode_html(data: bytes) -> str:
    """Decode an HTML file, honouring a ``<meta charset>`` that strict UTF-8 contradicts."""
    if not any(data.startswith(bom) for bom, _, _ in _BOMS):
        try:
            return _checked(data.decode("utf-8"))
        except UnicodeDecodeError:
            pass
        m = _CHARSET_RE.search(data[:4096])
        if m:
            name = m.group(1).decode("ascii").lower()
            if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
                name = "gb18030"  # the superset: pages labelled GB2312 often use GBK characters
            try:
                return _checked(data.decode(name))
            except (UnicodeDecodeError, LookupError, ValueError):
                pass
    return decode(data)


def _checked(text: str) -> str:
    _check_text(text)
    return text


# ---------------------------------------------------------------------------
# large plain text: streamed, cut into parts
# ---------------------------------------------------------------------------


def detect_encoding(head: bytes) -> Tuple[str, int]:
    """``(codec, BOM length)`` for a text whose first bytes are ``head``.

    The same decisions as :func:`decode`, made on the head of a large file:
    ``head`` may end in the middle of a character.

    Raises
    ------
    ValueError
        With a one-line reason when the bytes are not text.

    Examples
    --------
    >>> detect_encoding("腾讯控股".encode("utf-8")[:-1])
    ('utf-8', 0)
    >>> detect_encoding(b"\\xff\\xfea\\x00")
    ('utf-16-le', 2)
    """
    import codecs

    for bom, encoding, _ in _BOMS:
        if head.startswith(bom):
            _check_text(codecs.getincrementaldecoder(encoding)("replace").decode(head[len(bom):]))
            return encoding, len(bom)
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head)  # not final: a cut character waits
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text):
        return "utf-8", 0
    has_nul = b"\x00" in head[:_SNIFF]
    if has_nul:
        samples = [head[: len(head) & ~3]]
    else:
        # GBK and Big5 trail bytes are never a newline: cutting there splits no character;
        # without one, the head may end inside a (up to 4-byte GB18030) character
        cut = head.rfind(b"\n")
        samples = [head[:cut]] if cut > 0 else [head[:len(head) - k] for k in range(4)]
    for sample in samples:
        guess = _charset_guess(sample, ["utf_16_le", "utf_16_be"] if has_nul else CHINESE_ENCODINGS)
        if guess is not None:
            return guess[0], 0
    if has_nul or text is not None or _control_bytes(head):
        raise ValueError("binary content (NUL bytes or control characters), not text")
    raise ValueError("not decodable as UTF-8, GB18030/GBK, Big5 or UTF-16 text")


#: Sentence ends a part may be cut after when a line is too long, and the
#: closing quotes or brackets that stay with them.
_PART_SENTENCE_ENDS = "。！？"
_PART_CLOSERS = "”’」』）)\"'"


def _cut_point(buf: str, start: int, limit: int) -> int:
    """Where to end the part of ``buf`` that begins at ``start``: at most ``limit`` characters on.

    Preferred, in order, in the second half of the window (so no part is tiny):
    after a blank line (a paragraph boundary), after a line end, after a
    sentence end (``。！？`` with its closing quotes); failing all of them, at
    ``limit`` itself (never between ``\\r`` and ``\\n``).
    """
    low, end = start + limit // 2, start + limit
    for sep in ("\n\n", "\n\r\n", "\n"):
        i = buf.rfind(sep, low, end)
        if i >= 0:
            return i + len(sep)
    best = max(buf.rfind(p, low, end - 1) for p in _PART_SENTENCE_ENDS)
    if best >= 0:
        cut = best + 1
        while cut < end and buf[cut] in _PART_CLOSERS:
            cut += 1
        return cut
    cut = end
    if buf[cut - 1] == "\r" and buf[cut] == "\n":
        cut -= 1
    return cut


def split_text(pieces: Iterable[str], max_chars: Optional[int] = None) -> Iterator[str]:
    """Cut a stream of text pieces into parts of at most ``max_chars`` characters.

    The parts, joined, are exactly the text: each ends at a paragraph
    boundary, else a line end, else a sentence end, else after ``max_chars``
    characters (see :func:`_cut_point`). At most about ``max_chars`` plus one
    piece is held at a time.

    Examples
    --------
    >>> list(split_text(["第一段。\\n\\n第二段很长。", "还有一句。"], max_chars=10))
    ['第一段。\\n\\n', '第二段很长。', '还有一句。']
    >>> list(split_text(["甲乙丙丁戊己庚辛"], max_chars=3))
    ['甲乙丙', '丁戊己', '庚辛']
    """
    max_chars = max_chars or MAX_PART_CHARS  # looked up at call time: tests lower the bound
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    buf = ""
    for piece in pieces:
        buf += piece
        start = 0  # an index, not repeated slicing: a long piece with a small bound stays linear
        while len(buf) - start > max_chars:
            cut = _cut_point(buf, start, max_chars)
            yield buf[start:cut]
            start = cut
        buf = buf[start:]
    if buf:
        yield buf


def _decoded_pieces(source: str, encoding: str, blocks: Iterable[bytes], failure: List[str]) -> Iterator[str]:
    """Decode ``blocks`` incrementally; on bad bytes stop and put the reason in ``failure``."""
    import codecs

    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    try:
        for block in blocks:
            yield decoder.decode(block)
            offset += len(block)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        # the text before the bad bytes is kept; exc.object is the decoder's pending bytes plus the block
        good = exc.object[:exc.start]
        yield good.decode(encoding, errors="replace")
        where = offset - (len(exc.object) - len(block)) + exc.start
        failure.append(f"bytes not valid {encoding} at byte {where}; the rest is left out")


def _text_parts(source: str, head: bytes, rest: Iterator[bytes], report: Report,
                max_chars: Optional[int] = None) -> Iterator[Document]:
    """The documents of a large plain-text input: ``source#1``, ``source#2``, ...

    The encoding is detected from ``head``; the bytes are then decoded block by
    block and cut by :func:`split_text`, so memory stays bounded whatever the
    size. Offsets of each part are relative to that part's text. Parts after
    the first carry the first part's headline, publisher, author and date.
    """
    try:
        encoding, bom = detect_encoding(head[:_SNIFF])
    except ValueError as exc:
        report.skip(source, str(exc))
        return
    failure: List[str] = []
    blocks = _chain([head[bom:]], rest)
    shared: Dict[str, Any] = {}
    n = 0
    for part in split_text(_decoded_pieces(source, encoding, blocks, failure), max_chars):
        n += 1
        part_id = f"{source}#{n}"
        if not part.strip():
            continue  # a run of blank lines between parts is no document
        if n > 1 and not _looks_like_text(part):
            report.skip(part_id, "binary content (NUL bytes or control characters), not text")
            continue
        doc = document_from_text(part_id, part, dict(shared, source=source, part=n))
        if n == 1:
            shared = {k: doc.meta[k] for k in ("headline", "publisher", "author", "date") if doc.meta.get(k)}
        if not doc.content:
            report.skip(part_id, "no article text (only site boilerplate)")
            continue
        yield doc
    if failure:
        report.skip(source, failure[0])
    log.info("%s: read in %d parts", source, n)


# ---------------------------------------------------------------------------
# iterating over inputs
# ---------------------------------------------------------------------------


def iter_documents(inputs: Sequence[str], report: Report) -> Iterator[Document]:
    """Yield one :class:`Document` per usable input, lazily and in input order.

    Parameters
    ----------
    inputs
        File paths, folders (recursive; only :data:`EXTENSIONS`, sorted by
        name) or ``"-"`` for standard input. A file named explicitly is read
        whatever its extension, if its content is text.
    report
        Receives a skip (with a one-line reason) for every input or JSONL line
        that cannot be used, and counts documents and characters read.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> _ = open(os.path.join(d, "a.txt"), "w", encoding="utf-8").write("腾讯在深圳发布了新产品。")
    >>> r = Report()
    >>> [doc.text for doc in iter_documents([d, os.path.join(d, "missing.txt")], r)]
    ['腾讯在深圳发布了新产品。']
    >>> r.skipped[0]["reason"]
    'no such file or folder'
    """
    for source in inputs:
        source = str(source)
        if source == "-":
            docs: Iterable[Document] = _guarded(source, _read_stdin(report), report)
        elif os.path.isdir(source):
            docs = (doc for path in _walk(source, report) for doc in _guarded(path, _read_file(path, report), report))
        else:
            docs = _guarded(source, _read_file(source, report), report)
        for doc in docs:
            report.documents_read += 1
            report.characters += len(doc.text)
            yield doc


def _guarded(source: str, docs: Iterator[Document], report: Report) -> Iterator[Document]:
    """Yield from ``docs``; an unforeseen error ends this input with a skip, not the run."""
    try:
        yield from docs
    except Exception as exc:  # the last line of defence: bad input must never stop a build
        log.debug("reading %s failed", source, exc_info=True)
        report.skip(source, f"cannot read: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")


def _walk(folder: str, report: Report) -> Iterator[str]:
    """Files with a known extension under ``folder``, sorted, hidden ones left out."""
    found = False

    def onerror(err: OSError) -> None:
        report.skip(err.filename or folder, f"cannot list folder: {err.strerror or err}")

    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(EXTENSIONS):
                found = True
                yield os.path.join(root, name)
    if not found:
        report.skip(folder, "folder holds no " + "/".join(EXTENSIONS) + " files")


def _read_file(path: str, report: Report) -> Iterator[Document]:
    try:
        st = os.stat(path)
    except ValueError:  # e.g. a NUL character in the path
        report.skip(path, "invalid path")
        return
    except FileNotFoundError:
        report.skip(path, "no such file or folder")
        return
    except OSError as exc:
        report.skip(path, f"cannot access: {exc.strerror or exc}")
        return
    if not os.path.isfile(path):
        report.skip(path, "not a regular file")
        return
    if st.st_size == 0:
        report.skip(path, "empty file")
        return
    if path.lower().endswith(".jsonl"):
        yield from _read_jsonl(path, report)
        return
    fh = _open_or_skip(path, report)
    if fh is None:
        return
    with fh:
        try:
            # one byte past the bound tells a large file apart without trusting st_size
            head = fh.read(MAX_DOC_BYTES + 1)
            yield from _documents_from_stream(path, head, _chunks(fh), report,
                                              html=path.lower().endswith((".html", ".htm")))
        except OSError as exc:  # e.g. an I/O error in the middle of the file
            report.skip(path, f"cannot read: {exc.strerror or exc}")


def _chunks(fh, size: int = None) -> Iterator[bytes]:
    """The rest of a binary stream, ``size`` bytes at a time."""
    size = size or _CHUNK
    while True:
        block = fh.read(size)
        if not block:
            return
        yield block


def _documents_from_stream(source: str, head: bytes, rest: Iterator[bytes], report: Report,
                           html: bool = False) -> Iterator[Document]:
    """One document for an input of at most :data:`MAX_DOC_BYTES`, else its parts.

    ``head`` is the first ``MAX_DOC_BYTES + 1`` bytes (or all of them), ``rest``
    the remaining blocks, read only when the input is large.
    """
    if len(head) <= MAX_DOC_BYTES:
        doc = _document_from_bytes(source, head, report, html=html)
        if doc is not None:
            yield doc
        return
    if html or _looks_like_html_bytes(head):
        # trafilatura needs the whole page in memory: large pages are read up to a hard bound
        data = head + b"".join(_take(rest, MAX_HTML_BYTES + 1 - len(head)))
        if len(data) > MAX_HTML_BYTES:
            report.skip(source, f"HTML page larger than {MAX_HTML_BYTES:,} bytes")
            return
        doc = _document_from_bytes(source, data, report, html=True)
        if doc is not None:
            yield doc
        return
    yield from _text_parts(source, head, rest, report)


def _take(blocks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    """Blocks from ``blocks`` until ``limit`` bytes were taken (the last one may go past it)."""
    taken = 0
    for block in blocks:
        yield block
        taken += len(block)
        if taken >= limit:
            return


def _document_from_bytes(source: str, data: bytes, report: Report, html: bool = False) -> Optional[Document]:
    if not data.strip():
        report.skip(source, "empty file")
        return None
    try:
        text = _decode_html(data) if html or _looks_like_html_bytes(data) else decode(data)
    except ValueError as exc:
        report.skip(source, str(exc))
        return None
    if not text.strip():
        report.skip(source, "empty file (only whitespace)")
        return None
    if html or _looks_like_html(text):
        return document_from_html(source, text, report)
    doc = document_from_text(source, text)
    if not doc.content:
        report.skip(source, "no article text (only site boilerplate)")
        return None
    return doc


def _looks_like_html_bytes(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _looks_like_html(text: str) -> bool:
    head = text[:512].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html"))


# ---------------------------------------------------------------------------
# JSON Lines
# ---------------------------------------------------------------------------


def _open_or_skip(path: str, report: Report):
    """The file opened for binary reading, or None after reporting why it cannot be."""
    try:
        return open(path, "rb")
    except PermissionError:
        report.skip(path, "permission denied")
    except OSError as exc:
        report.skip(path, f"cannot read: {exc.strerror or exc}")
    return None


def _read_jsonl(path: str, report: Report) -> Iterator[Document]:
    """Stream a JSON Lines file: one document per line with a ``"text"`` string."""
    fh = _open_or_skip(path, report)
    if fh is None:
        return
    with fh:
        try:
            lines = _jsonl_lines(fh)
            yield from _records(path, lines, report)
        except OSError as exc:  # e.g. an I/O error in the middle of the file
            report.skip(path, f"cannot read: {exc.strerror or exc}")


def _jsonl_lines(fh) -> Iterator[Tuple[int, Optional[str]]]:
    """``(line number, text or None when undecodable)`` for each line of a binary file.

    The encoding is chosen once from the head of the file (UTF-8 unless a BOM or
    the bytes say otherwise); a line that does not decode is given as ``None``.
    """
    head = fh.read(_SNIFF)
    for bom, encoding, _ in _BOMS:
        if head.startswith(bom) and encoding.startswith(("utf-16", "utf-32")):
            # newline bytes are not line ends in these encodings: decode as a stream
            fh.seek(len(bom))
            stream = io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline=None)
            for lineno, line in enumerate(stream, 1):
                yield lineno, None if "\ufffd" in line else line
            return
    encoding = "utf-8"
    cut = head.rfind(b"\n")
    sample = head[: cut if cut > 0 else len(head)]
    try:
        sample.decode("utf-8-sig")
    except UnicodeDecodeError:
        # GB18030/Big5 JSONL is rare, but then every line is in it
        guess = _charset_guess(sample, CHINESE_ENCODINGS[:2])
        if guess is not None:
            encoding = guess[0]
    fh.seek(0)
    for lineno, raw in enumerate(_bounded_lines(fh), 1):
        if raw is None:
            yield lineno, _TOO_LONG
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield lineno, raw.decode(encoding)
        except UnicodeDecodeError:
            yield lineno, None


#: Stands for a JSON line longer than :data:`MAX_LINE_BYTES` (never held in memory).
_TOO_LONG = "\x00too long"
#: The longest JSON line parsed; a longer one is skipped without being held whole.
MAX_LINE_BYTES = MAX_HTML_BYTES


def _bounded_lines(fh) -> Iterator[Optional[bytes]]:
    """The lines of a binary stream; ``None`` for a line over :data:`MAX_LINE_BYTES` (read past in blocks)."""
    while True:
        raw = fh.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(_CHUNK)
            yield None
            continue
        yield raw


def _records(source: str, lines: Iterable[Tuple[int, Optional[str]]], report: Report) -> Iterator[Document]:
    seen = False
    for lineno, line in lines:
        if line is None:
            seen = True
            report.skip(source, "line is not valid text in the file's encoding", line=lineno)
            continue
        if line is _TOO_LONG:
            seen = True
            report.skip(source, f"JSON line longer than {MAX_LINE_BYTES:,} bytes", line=lineno)
            continue
        if not line.strip():
            continue
        seen = True
        yield from _record_documents(source, lineno, line, report)
    if not seen:
        report.skip(source, "empty file (no JSON lines)")


def _record_documents(source: str, lineno: int, line: str, report: Report) -> Iterator[Document]:
    """The document of one JSON line; a ``"text"`` over :data:`MAX_PART_CHARS` gives parts ``id#1``, ``id#2``..."""
    fields = _record_fields(source, lineno, line, report)
    if fields is None:
        return
    doc_id, text, meta = fields
    if len(text) <= MAX_PART_CHARS:
        doc = document_from_text(doc_id, text, meta)
        if doc.content:
            yield doc
        else:
            report.skip(source, "no article text (only site boilerplate)", line=lineno)
        return
    for n, part in enumerate(split_text([text]), 1):
        if not part.strip():
            continue
        doc = document_from_text(f"{doc_id}#{n}", part, dict(meta, part=n))
        if doc.content:
            yield doc
        else:
            report.skip(source, f"part {n}: no article text (only site boilerplate)", line=lineno)


def _record_fields(source: str, lineno: int, line: str, report: Report
                   ) -> Optional[Tuple[str, str, Dict[str, Any]]]:
    """``(id, text, meta)`` of one JSON line, or ``None`` (with a skip) when it is unusable."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        report.skip(source, f"bad JSON: {exc.msg} (column {exc.colno})", line=lineno)
        return None
    except RecursionError:
        report.skip(source, "bad JSON: nested too deeply", line=lineno)
        return None
    if not isinstance(record, dict):
        report.skip(source, "JSON line is not an object", line=lineno)
        return None
    text = record.get("text")
    if not isinstance(text, str):
        report.skip(source, 'JSON line has no "text" string', line=lineno)
        return None
    if not text.strip():
        report.skip(source, 'empty "text"', line=lineno)
        return None
    # JSON may escape lone surrogates ("\ud800"), which no UTF-8 output can hold;
    # U+FFFD in their place keeps every offset
    text = _SURROGATE_RE.sub("\ufffd", text)
    rid = record.get("id")
    doc_id = _SURROGATE_RE.sub("\ufffd", str(rid)) if rid is not None and str(rid) != "" else f"{source}:{lineno}"
    meta = _record_meta(record)
    meta["source"] = source
    return doc_id, text, meta


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _record_meta(record: Dict[str, Any]) -> Dict[str, Any]:
    meta: Dict[str, Any] = {}
    for key, names in (("headline", ("title", "headline")), ("publisher", ("source", "publisher")),
                       ("author", ("author",)), ("url", ("url",))):
        for name in names:
            value = record.get(name)
            if isinstance(value, list):
                value = "、".join(str(v).strip() for v in value if str(v).strip())
            if isinstance(value, (str, int, float)) and str(value).strip():
                meta[key] = str(value).strip()
                break
    date = record.get("date")
    if isinstance(date, str):
        iso = parse_date(date)
        if iso:
            meta["date"] = iso
    return meta


# ---------------------------------------------------------------------------
# standard input
# ---------------------------------------------------------------------------


def _read_stdin(report: Report) -> Iterator[Document]:
    """Read ``-``: JSON Lines when the first non-empty line is a record with ``"text"``,
    else one document with id ``<stdin>``.

    Only the first non-empty line is inspected, so JSONL on stdin is streamed
    like a file; any later line that is not a usable record is reported by its
    line number.
    """
    source = "<stdin>"
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is None:  # a text-only stand-in (tests, embedding)
            text = sys.stdin.read() if sys.stdin is not None else ""
            stream = io.BytesIO(text.encode("utf-8"))
        head: List[bytes] = []
        size = 0
        while size <= MAX_DOC_BYTES:  # bounded: stdin may be one endless line
            raw = stream.readline(MAX_DOC_BYTES + 1 - size)
            if not raw:
                break
            head.append(raw)
            size += len(raw)
            if raw.strip():
                break
    except (OSError, ValueError) as exc:
        report.skip(source, f"cannot read standard input: {exc}")
        return
    first = head[-1].strip() if head else b""
    if first.startswith(b"{") and _is_text_record(first):
        def lines() -> Iterator[Tuple[int, Optional[str]]]:
            lineno = 0
            for raw in _chain(head, stream):
                lineno += 1
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    yield lineno, raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield lineno, None

        yield from _records(source, lines(), report)
        return
    try:
        data = b"".join(head)
        if len(data) <= MAX_DOC_BYTES:
            data += stream.read(MAX_DOC_BYTES + 1 - len(data))
        if not data.strip():
            report.skip(source, "empty input")
            return
        # a large input is streamed in parts like a large file
        for doc in _documents_from_stream(source, data, _chunks(stream), report):
            doc.meta["source"] = source
            yield doc
    except (OSError, ValueError) as exc:
        report.skip(source, f"cannot read standard input: {exc}")


def _chain(head: List[bytes], stream) -> Iterator[bytes]:
    yield from head
    yield from stream


def _is_text_record(line: bytes) -> bool:
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return False
    return isinstance(record, dict) and isinstance(record.get("text"), str)


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)


def document_from_html(source: str, html: str, report: Optional[Report] = None) -> Optional[Document]:
    """A document from an HTML page: trafilatura's main text, then the plain-text heuristics.

    ``doc.text`` is the extracted text (paragraphs one a line), so offsets
    point into it. Metadata: trafilatura's title, author, date and site name;
    where it has no author or publisher, the ``来源：``/``记者：`` patterns of the
    page text are used. When trafilatura finds no main text, the text of
    ``<body>`` (scripts and styles dropped) is used instead; with no text at
    all the page is skipped ("HTML without article text").
    """
    text, meta = _trafilatura_extract(html)
    if not text.strip():
        text = _body_text(html)
    if not text.strip():
        if report is not None:
            report.skip(source, "HTML without article text")
        return None
    meta["source"] = source
    doc = document_from_text(source, text, meta, keep_weak=False)
    if not doc.content:
        if report is not None:
            report.skip(source, "HTML without article text")
        return None
    if "author" not in doc.meta or "publisher" not in doc.meta:
        # the byline may sit outside the extracted main text (a header <div>)
        page = _body_text(html)
        found = _meta_from_lines([_Line(0, len(ln), ln) for ln in page.splitlines()[:400] if _is_meta_line(ln, cues())])
        for key in ("author", "publisher", "date"):
            if key not in doc.meta and found.get(key):
                doc.meta[key] = found[key]
    return doc


def _trafilatura_extract(html: str) -> Tuple[str, Dict[str, Any]]:
    try:
        import trafilatura
    except ImportError as exc:  # a broken install must not stop the build: use lxml instead
        log.warning("trafilatura unavailable (%s); using the plain text of <body>", exc)
        return "", {}
    result = None
    for fast in (True, False):  # the fast path first; the fallback extractors only when it finds nothing
        try:
            result = trafilatura.bare_extraction(html, include_comments=False, favor_precision=True,
                                                 with_metadata=True, fast=fast)
        except Exception as exc:  # trafilatura raises assorted errors on odd markup
            log.debug("trafilatura failed: %s", exc)
            result = None
        if result is not None and (getattr(result, "text", "") or "").strip():
            break
    if result is None:
        return "", {}
    meta: Dict[str, Any] = {}
    title = (getattr(result, "title", None) or "").strip()
    if title:
        meta["headline"] = _clean_headline(title)
    author = (getattr(result, "author", None) or "").strip()
    if author:
        names = [_AUTHOR_CUE_RE.sub("", a).strip() for a in re.split(r"[;；]", author)]
        if any(names):
            meta["author"] = "、".join(n for n in names if n)
    publisher = (getattr(result, "sitename", None) or "").strip()
    if publisher:
        meta["publisher"] = publisher
    date = parse_date(getattr(result, "date", None) or "")
    if date:
        meta["date"] = date
    url = (getattr(result, "url", None) or "").strip()
    if url:
        meta["url"] = url
    return (getattr(result, "text", "") or ""), meta


def _body_text(html: str) -> str:
    """The text of ``<body>``, one block element a line, scripts and styles dropped."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(html)
    except Exception:  # lxml raises ParserError, ValueError, XMLSyntaxError on junk
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    body = tree.find("body")
    root = body if body is not None else tree
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------------
# plain text: boilerplate heuristics and metadata
# ---------------------------------------------------------------------------


@dataclass
class _Line:
    """One line of the text: its stripped span and what a heuristic called it ("" = content)."""

    start: int
    end: int
    text: str
    label: str = ""


@lru_cache(maxsize=1)
def cues() -> Dict[str, Any]:
    """The boilerplate cue words of ``data/boilerplate.json``, with compiled patterns (loaded once)."""
    with open(DATA_DIR / "boilerplate.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    c: Dict[str, Any] = dict(raw)

    def alt(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    c["copyright_re"] = re.compile(alt(raw["copyright"]))
    c["breadcrumb_re"] = re.compile(r"^(?:%s)" % alt(raw["breadcrumb_start"]))
    c["breadcrumb_sep_re"] = re.compile(r"\s*(?:%s)\s*" % alt(raw["breadcrumb_separators"]))
    c["share_re"] = re.compile(alt(raw["share"]))
    c["prev_next_re"] = re.compile(r"^[【\[(（]?(?:%s)" % alt(raw["prev_next"]))
    c["editor_re"] = re.compile(r"^[(（【\[]?\s*(?:%s)" % alt(raw["editor"]))
    c["editor_anywhere_re"] = re.compile(r"[(（【\[]?\s*(?:责任编辑|责编)\s*[：:]?")
    c["contact_start_re"] = re.compile(r"^(?:%s)" % alt(raw["contact_start"]))
    c["contact_field_re"] = re.compile(r"(?:%s)\s*[：:]" % alt(raw["contact_field"]))
    c["related_re"] = re.compile(r"^[【\[(（<《]?\s*(?:%s)" % alt(raw["related_heading"]))
    c["link_farm_re"] = re.compile(r"^[【\[(（<《]?\s*(?:%s)" % alt(raw["link_farm_heading"]))
    c["noise_set"] = frozenset(raw["noise_lines"])
    c["nav_set"] = frozenset(raw["nav_words"])
    c["nav_split_re"] = re.compile(raw["nav_separators"])
    c["counter_re"] = re.compile(alt(raw["meta_counters"]))
    pub = alt(raw["meta_publisher"])
    auth = alt(raw["meta_author"])
    date_cue = alt(raw["meta_date"])
    c["publisher_re"] = re.compile(r"(?:^|(?<=[\s|｜(（【\[]))(?:%s)\s*[：:]\s*" % pub)
    c["author_re"] = re.compile(r"(?:^|[\s|｜(（【\[])(?:%s)\s*(?:[：:]\s*|[ \u3000]+|(?=[\u4e00-\u9fff]))" % auth)
    c["author_slash_re"] = re.compile(r"(?:^|[\s|｜(（【\[])(?:%s)\s*[/／|｜]\s*" % alt(raw["meta_author_slash"]))
    c["date_cue_re"] = re.compile(r"(?:^|(?<=[\s|｜(（【\[]))(?:%s)\s*[：:]" % date_cue)
    # where a metadata value ends: the next field's cue, a date, a separator
    c["field_end_re"] = re.compile(
        r"\s*(?:[|｜]|[ \u3000]{2,}|(?:%s|%s|%s|责任编辑|责编|编辑|摄影|字号|浏览|阅读|点击|分享)\s*[：:/／]"
        r"|(?<![^\s\u3000])(?:%s)[\s\u3000：:]|\d{4}\s*[-/.年])"
        % (pub, date_cue, alt(raw["meta_author_slash"]), auth)
    )
    c["sentence_end_set"] = frozenset(raw["sentence_end"])
    c["sentence_punct_re"] = re.compile("[%s]" % re.escape(raw["sentence_punct"]))
    return c


_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。）)】]+", re.I)
_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?:[T ]|\s)?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
)
_WEEKDAY_RE = re.compile(r"(?:星期|周|礼拜)[一二三四五六日天]")
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+")
_MD_MARKER_RE = re.compile(r"^(?:[-*+>]\s+|\d{1,3}[.)、]\s*)")
_CJK_OR_WORD_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_NAME_SPLIT_RE = re.compile(r"[\s、,，;；/／]+")
_SENTENCE_END_RE = re.compile("[。！？!?]")
_PROSE_PUNCT_RE = re.compile("[。，！？；]")
_TITLE_BREAKER_RE = re.compile("[。；;，]")  # a comma means a sentence, not a title
_CRUMB_SPLIT_RE = re.compile(r"\s*[>＞»›→]\s*")
_SEPARATORS_RE = re.compile(r"[\s|｜:：\-—/()（）\[\]【】]+")
_PHONE_OR_MAIL_RE = re.compile(r"\d{3,}[-\s]?\d{4,}|@[\w.-]+\.\w+")
_TITLE_SUFFIX_RE = re.compile(r"^(.{4,}?)\s*(?:_|\s[-–—|｜]\s|[|｜])\s*[^_|｜]{1,20}(?:[_|｜].{0,20})*$")
_AUTHOR_CUE_RE = re.compile(r"^(?:本报记者|记者|作者|撰文|文)\s*[：:/／|｜]?\s*")
_INLINE_REPORTER_RE = re.compile(r"[（(](?:本报)?记者\s*([^）)]{2,40})[）)]")


def parse_date(s: str) -> Optional[str]:
    """The first date in ``s`` as ISO ``YYYY-MM-DD`` (a time after it is ignored), or None.

    Examples
    --------
    >>> parse_date("2026年3月12日 10:30"), parse_date("2026/3/12"), parse_date("2026-03-12T08:00:00+08:00")
    ('2026-03-12', '2026-03-12', '2026-03-12')
    >>> parse_date("2026-13-45") is None
    True
    """
    for m in _DATE_RE.finditer(s or ""):
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            continue
    return None


def _split_lines(text: str) -> List[_Line]:
    """Lines of ``text`` (split at ``\\n``; ``\\r`` is whitespace) with their stripped spans."""
    lines = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        s, e = pos, nl
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        lines.append(_Line(s, e, text[s:e], "" if e > s else "blank"))
        pos = nl + 1
    return lines


def _is_short(line: _Line, limit: int = 20) -> bool:
    return len(line.text) <= limit


def _has_sentence_punct(text: str) -> bool:
    return cues()["sentence_punct_re"].search(text) is not None


def _is_paragraph(line: _Line) -> bool:
    """A line that reads like article prose: long, with sentence punctuation."""
    t = line.text
    return len(t) >= 30 and ("。" in t or "！" in t or "？" in t or t.count("，") >= 2 or t.count(",") >= 3)


def _unlabeled(lines: List[_Line]) -> Iterator[_Line]:
    return (ln for ln in lines if not ln.label)


def mark_urls(lines: List[_Line], c: Dict[str, Any]) -> None:
    """Lines that are only a URL (perhaps with a short label like ``原文链接：``)."""
    for ln in _unlabeled(lines):
        m = _URL_RE.search(ln.text)
        if m and len(ln.text) - (m.end() - m.start()) <= 10:
            ln.label = "url"


def mark_copyright(lines: List[_Line], c: Dict[str, Any]) -> None:
    """Copyright, ICP licence, police registration, disclaimer and hosting credit lines."""
    limit = c["max_line_length"]
    for ln in _unlabeled(lines):
        m = c["copyright_re"].search(ln.text)
        if not m:
            continue
        # a disclaimer paragraph starts with its cue; otherwise only short footer
        # lines, which (unlike "…为客户提供技术支持。") do not end a sentence
        if m.start() <= 2 or (len(ln.text) <= limit and not _SENTENCE_END_RE.search(ln.text)):
            ln.label = "copyright"


def mark_breadcrumbs(lines: List[_Line], c: Dict[str, Any]) -> None:
    """``当前位置：首页 > 新闻 > 正文`` and bare ``首页 > 财经 > 公司`` trails."""
    for ln in _unlabeled(lines):
        if len(ln.text) > 80:
            continue
        if c["breadcrumb_re"].match(ln.text):
            ln.label = "breadcrumb"
            continue
        parts = [p for p in _CRUMB_SPLIT_RE.split(ln.text) if p]
        if len(parts) >= 2 and ln.text.count(">") + ln.text.count("＞") + ln.text.count("»") + ln.text.count("›") >= 1 \
                and all(len(p) <= 12 for p in parts) and not _has_sentence_punct(ln.text):
            ln.label = "breadcrumb"


def mark_share(lines: List[_Line], c: Dict[str, Any]) -> None:
    """Share bars, print/close/font-size controls, QR-code prompts."""
    for ln in _unlabeled(lines):
        if len(ln.text) <= 60 and c["share_re"].search(ln.text) and "。" not in ln.text:
            ln.label = "share"


def mark_prev_next(lines: List[_Line], c: Dict[str, Any]) -> None:
    """``上一篇：…`` / ``下一篇：…`` links to the neighbouring articles."""
    for ln in _unlabeled(lines):
        if c["prev_next_re"].match(ln.text):
            ln.label = "prev_next"


def mark_editor(lines: List[_Line], c: Dict[str, Any]) -> None:
    """Editor credits (``责任编辑：张三``, ``（编辑：李四）``), also at the end of a short line."""
    for ln in _unlabeled(lines):
        if len(ln.text) > 60 or "。" in ln.text[:-1]:
            continue
        if c["editor_re"].match(ln.text) or (len(ln.text) <= 40 and c["editor_anywhere_re"].search(ln.text)):
            ln.label = "editor"


def mark_counters(lines: List[_Line], c: Dict[str, Any]) -> None:
    """View/click counters (``浏览次数：1024``)."""
    for ln in _unlabeled(lines):
        if len(ln.text) <= 60 and c["counter_re"].search(ln.text) and not _is_paragraph(ln):
            ln.label = "counter"


def mark_metadata(lines: List[_Line], c: Dict[str, Any]) -> None:
    """The ``来源：… 记者：… 2026-03-12`` line(s): metadata, not article text.

    Their names go to ``doc.meta`` (see :func:`_meta_from_lines`); keeping them
    out of the content stops reporters from being extracted as entities.
    """
    for ln in _unlabeled(lines):
        if _is_meta_line(ln.text, c):
            ln.label = "meta"


def _is_meta_line(t: str, c: Dict[str, Any]) -> bool:
    # prose has sentence-final punctuation; a dateline/byline has none
    if len(t) > 120 or _SENTENCE_END_RE.search(t):
        return False
    if c["publisher_re"].search(t) or c["date_cue_re"].search(t) or c["author_slash_re"].search(t):
        return True
    m = c["author_re"].search(t)
    # "记者从…获悉，…" is prose: without a colon the byline must have no comma
    if m and (m.group().rstrip().endswith(("：", ":")) or "，" not in t):
        if m.start() <= 1 or _DATE_RE.search(t):
            return True
    d = _DATE_RE.search(t)
    if d:
        # a line that is only a date (and time, weekday, separators) is a dateline
        rest = _WEEKDAY_RE.sub("", t[:d.start()] + t[d.end():])
        rest = _SEPARATORS_RE.sub("", rest)
        return rest == ""
    return False


def mark_contact(lines: List[_Line], c: Dict[str, Any]) -> None:
    """Contact blocks: ``联系我们`` and the phone/e-mail/address/fax lines after it."""
    in_block = False
    for ln in lines:
        if ln.label == "blank":
            continue
        t = ln.text
        starts = c["contact_start_re"].match(_MD_MARKER_RE.sub("", t)) is not None
        fields = len(c["contact_field_re"].findall(t))
        contact_like = (starts and len(t) <= 100) or (fields >= 2 and len(t) <= c["max_line_length"])
        looks_like_value = len(t) <= 60 and (fields >= 1 or _PHONE_OR_MAIL_RE.search(t))
        if ln.label:
            in_block = ln.label == "contact"
            continue
        if contact_like or (in_block and looks_like_value):
            ln.label = "contact"
            in_block = True
        else:
            in_block = False


def mark_related(lines: List[_Line], c: Dict[str, Any]) -> None:
    """``相关阅读`` / ``热点推荐`` / ``猜你喜欢`` headings and the list that follows them.

    The list runs until the next line that reads like article prose (a related
    list scraped *before* the article must not swallow the article).
    """
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.label and len(ln.text) <= 40 and c["related_re"].match(ln.text) and not _is_paragraph(ln):
            ln.label = "related"
            j = i + 1
            while j < len(lines) and not (not lines[j].label and _is_paragraph(lines[j])):
                if not lines[j].label:
                    lines[j].label = "related"
                j += 1
            i = j
        else:
            i += 1


def mark_link_farms(lines: List[_Line], c: Dict[str, Any]) -> None:
    """``友情链接`` / ``合作伙伴`` headings and the run of short site-name items after them."""
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.label and c["link_farm_re"].match(ln.text) and not _is_paragraph(ln):
            ln.label = "link_farm"
            j = i + 1
            while j < len(lines):
                nxt = lines[j]
                if nxt.label in ("blank", "link_farm", "url", "nav"):
                    j += 1
                    continue
                if nxt.label == "" and (_is_short(nxt, 24) or _is_nav_row(nxt.text, c)) \
                        and not c["sentence_punct_re"].search(nxt.text.rstrip("：:")):
                    nxt.label = "link_farm"
                    j += 1
                    continue
                break
            i = j
        else:
            i += 1


def _is_nav_row(t: str, c: Dict[str, Any]) -> bool:
    """Many short items separated by ``|``, ``·``, ``/`` or spaces: a menu row."""
    if len(t) > c["max_line_length"] or _PROSE_PUNCT_RE.search(t):
        return False
    items = [x for x in c["nav_split_re"].split(t) if x]
    if len(items) < 2:
        return False
    nav_words = sum(1 for x in items if x in c["nav_set"])
    if nav_words >= 2 and nav_words * 2 >= len(items):
        return True
    if len(items) < 3:
        return False
    longest = max(len(x) for x in items)
    ascii_only = all(x.isascii() for x in items)
    return longest <= (14 if ascii_only else 8) and sum(map(len, items)) / len(items) <= (8 if ascii_only else 5)


def mark_navigation(lines: List[_Line], c: Dict[str, Any]) -> None:
    """Menu rows (``首页 | 新闻 | 财经 | 科技``)."""
    for ln in _unlabeled(lines):
        if _is_nav_row(ln.text, c):
            ln.label = "nav"


def mark_noise(lines: List[_Line], c: Dict[str, Any]) -> None:
    """Single-control lines: ``返回首页``, ``打印``, ``（完）``, ``更多>>``…"""
    for ln in _unlabeled(lines):
        t = ln.text.strip("【】[]<>《》 ·•|")
        if ln.text in c["noise_set"] or t in c["noise_set"] or t.rstrip("：:") in c["noise_set"]:
            ln.label = "noise"


def mark_menu_runs(lines: List[_Line], c: Dict[str, Any]) -> None:
    """Vertical menus: four or more consecutive very short lines without punctuation."""
    run: List[_Line] = []

    def flush() -> None:
        short = [x for x in run if not x.label]
        if len(run) >= 4 and len(short) >= 2:
            for x in short:
                x.label = "menu"
        run.clear()

    for ln in lines:
        if ln.label == "blank":
            continue
        if (ln.label in ("nav", "noise", "link_farm")) or (
                not ln.label and len(ln.text) <= 8 and not _has_sentence_punct(ln.text)
                and not _MD_HEADING_RE.match(ln.text) and not _MD_MARKER_RE.match(ln.text)):
            run.append(ln)
        else:
            flush()
    flush()


#: The boilerplate heuristics, in the order they run. Each marks lines of the
#: text it recognises; lines that stay unmarked are the article.
HEURISTICS: List[Tuple[str, Callable[[List[_Line], Dict[str, Any]], None]]] = [
    ("urls", mark_urls),
    ("copyright", mark_copyright),
    ("breadcrumbs", mark_breadcrumbs),
    ("share", mark_share),
    ("prev_next", mark_prev_next),
    ("editor", mark_editor),
    ("metadata", mark_metadata),
    ("counters", mark_counters),
    ("contact", mark_contact),
    ("related", mark_related),
    ("link_farms", mark_link_farms),
    ("navigation", mark_navigation),
    ("noise", mark_noise),
    ("menu_runs", mark_menu_runs),
]

#: Labels a document keeps as content when nothing else would remain (a short
#: record such as ``腾讯 阿里巴巴 百度`` is text, not a menu).
_WEAK_LABELS = ("nav", "menu", "noise")


def find_headline(lines: List[_Line]) -> Optional[_Line]:
    """The headline: the first Markdown ``#`` heading, else the substantial line before the body.

    "Before the body" means before the first prose paragraph; when a metadata
    line precedes the body, the headline is the last candidate above it
    (the site's own slogan or section name may come first).
    """
    for ln in lines:
        if not ln.label and _MD_HEADING_RE.match(ln.text) and len(_MD_HEADING_RE.sub("", ln.text)) >= 2:
            return ln
    candidates: List[_Line] = []
    first_meta = None
    for ln in lines:
        if ln.label == "meta" and first_meta is None:
            first_meta = ln
        if ln.label:
            continue
        if _is_paragraph(ln):
            break
        t = ln.text
        # a comma means a sentence (or a hard-wrapped paragraph), not a title
        if 4 <= len(t) <= 80 and not _TITLE_BREAKER_RE.search(t) and _CJK_OR_WORD_RE.search(t):
            if first_meta is None:
                candidates.append(ln)
    if not candidates:
        return None
    return candidates[-1] if first_meta is not None else candidates[0]


def _clean_headline(t: str) -> str:
    """Drop a ``_站点名`` / `` - 站点名`` / ``|站点名`` suffix from a page title."""
    t = _MD_HEADING_RE.sub("", t).strip()
    m = _TITLE_SUFFIX_RE.match(t)
    return m.group(1).strip() if m else t


def _names(value: str) -> List[str]:
    return [n for n in _NAME_SPLIT_RE.split(value.strip(" ：:()（）【】[]")) if 1 < len(n) <= 20]


def _field_value(t: str, start: int, c: Dict[str, Any]) -> str:
    rest = t[start:]
    m = c["field_end_re"].search(rest)
    value = rest[:m.start()] if m else rest
    return value.strip(" \u3000：:()（）【】[]|｜,，、")


def _meta_from_lines(lines: List[_Line]) -> Dict[str, Any]:
    """Publisher, author and date from the metadata lines."""
    c = cues()
    meta: Dict[str, Any] = {}
    for ln in lines:
        t = to_half_width(ln.text)  # ２０２６年３月 -> 2026年3月, full-width colons stay
        if "publisher" not in meta:
            m = c["publisher_re"].search(t)
            if m:
                # a publisher's name has no spaces; what follows a space is the next field
                value = (_field_value(t, m.end(), c).split() or [""])[0]
                if value:
                    meta["publisher"] = value
        if "author" not in meta:
            m = c["author_slash_re"].search(t) or c["author_re"].search(t)
            if m:
                names = _names(_field_value(t, m.end(), c))
                if names:
                    meta["author"] = "、".join(names)
        if "date" not in meta:
            date = parse_date(t)
            if date:
                meta["date"] = date
    return meta


def extract_content(text: str, disable: Sequence[str] = (), keep_weak: bool = True
                    ) -> Tuple[List[Tuple[int, int]], Dict[str, Any]]:
    """Article spans of ``text`` and the metadata found in it.

    Parameters
    ----------
    text
        The document text.
    disable
        Names of :data:`HEURISTICS` to skip.
    keep_weak
        When every line looks like boilerplate, keep the menu-like ones
        (``nav``, ``menu``, ``noise``) as content: a short record such as
        ``腾讯 阿里巴巴 百度`` is text, not a menu. Off for HTML pages.

    Returns
    -------
    (content, meta)
        ``content``: ``(start, end)`` spans (one a paragraph) of the lines that
        hold the article, headline included. ``meta``: ``headline``,
        ``publisher``, ``author``, ``date`` where found.
    """
    c = cues()
    lines = _split_lines(text)
    for name, heuristic in HEURISTICS:
        if name not in disable:
            heuristic(lines, c)
    if keep_weak and not any(not ln.label for ln in lines):
        for ln in lines:
            if ln.label in _WEAK_LABELS:
                ln.label = ""
    meta = _meta_from_lines([ln for ln in lines if ln.label == "meta"])
    headline = find_headline(lines)
    if headline is not None:
        meta["headline"] = _clean_headline(headline.text)
        # short lines above the headline are site chrome (slogans, section names)
        for ln in lines:
            if ln is headline:
                break
            if not ln.label and not _is_paragraph(ln) and len(ln.text) <= 30:
                ln.label = "preamble"
    if "author" not in meta:
        for ln in _unlabeled(lines):
            m = _INLINE_REPORTER_RE.search(ln.text[:120])
            if m:
                names = _names(m.group(1))
                if names:
                    meta["author"] = "、".join(names)
                break
    return _content_spans(text, lines, headline), meta


def _content_spans(text: str, lines: List[_Line], headline: Optional[_Line]) -> List[Tuple[int, int]]:
    """One span per content line; a hard-wrapped line is joined to the line it continues."""
    spans: List[Tuple[int, int]] = []
    prev: Optional[_Line] = None
    end_set = cues()["sentence_end_set"]
    for ln in lines:
        if ln.label:  # a blank or boilerplate line ends the paragraph
            prev = None
            continue
        start = ln.start
        m = _MD_HEADING_RE.match(ln.text)
        if m:
            start += m.end()
        if (prev is not None and spans and prev is not headline and not _MD_HEADING_RE.match(prev.text)
                and not _MD_HEADING_RE.match(ln.text) and not _MD_MARKER_RE.match(ln.text)
                and prev.text[-1] not in end_set and len(prev.text) >= 20):
            spans[-1] = (spans[-1][0], ln.end)
        else:
            spans.append((start, ln.end))
        prev = ln
    return spans


def document_from_text(doc_id: str, text: str, meta: Optional[Dict[str, Any]] = None,
                       keep_weak: bool = True) -> Document:
    """A document for ``text``: its content spans and metadata (``meta`` given wins).

    ``doc.content`` may be empty when the text is all boilerplate; the readers
    skip such documents with a reason.
    """
    content, found = extract_content(text, keep_weak=keep_weak)
    merged = dict(found)
    merged.update({k: v for k, v in (meta or {}).items() if v})
    if "source" not in merged:
        merged["source"] = doc_id
    doc = Document(id=doc_id, text=text, meta=merged)
    doc.content = content  # set after construction: an empty list must stay empty
    return doc
