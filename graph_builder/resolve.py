"""Entity resolution: give every mention its canonical name (``Mention.key``).

Two levels:

* :func:`alias_key` is document-independent: it strips legal suffixes from company
  names, ``行业``/``领域`` from industries, ``市``/``省`` from places, and maps industry
  synonyms to the taxonomy's canonical name. ``extract`` and the corpus merge use it.
* :func:`resolve` adds what only the document can tell: short forms it introduces
  (``（以下简称“星河科技”）``), English names in brackets (``腾讯（Tencent）``), short
  references to a longer company name used in the same document (``阿里`` and
  ``阿里巴巴``: the group takes the key the document uses most, ties to the longer),
  and ``王总``-style references to the one person of that surname.

:func:`corpus_key_map` is the corpus-level step: it maps keys that are short forms of
one unique longer key of the same type onto a shared key.

Keys are always computed on the normalised text (Simplified, half-width), so
``騰訊`` and ``腾讯`` share a key without any extra step.

Examples
--------
>>> alias_key("Company", "阿里巴巴集团控股有限公司")
'阿里巴巴'
>>> alias_key("Company", "星河科技有限公司")
'星河科技'
>>> alias_key("Place", "深圳市")
'深圳'
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from .doc import Document, Mention

#: Mention types whose short references may resolve to a longer name in the same document.
_ABBREVIABLE = ("Company", "Organization")


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def _data() -> dict:
    """Load ``data/resolve.json`` once and derive the lookup structures."""
    raw = json.loads(resources.files("graph_builder").joinpath("data/resolve.json").read_text("utf-8"))
    d = dict(raw)
    d["company_suffixes"] = sorted(raw["company_suffixes"], key=len, reverse=True)
    latin = sorted(raw["company_suffixes_latin"], key=len, reverse=True)
    d["latin_suffix_re"] = re.compile(
        r"[\s,]*(?:" + "|".join(re.escape(s) for s in latin) + r")\s*$", re.IGNORECASE
    )
    d["places"] = frozenset(raw["places"])
    d["admin"] = sorted(raw["place_admin_suffixes"], key=len, reverse=True)
    d["generic"] = frozenset(raw["name_form_suffixes"]) | frozenset(raw["business_line_words"])
    d["name_form"] = frozenset(raw["name_form_suffixes"])
    d["business"] = sorted(raw["business_line_words"], key=len, reverse=True)
    d["industry_suffixes"] = sorted(raw["industry_suffixes"], key=len, reverse=True)
    d["honorifics"] = sorted(raw["person_honorifics"], key=len, reverse=True)
    d["stop_short"] = frozenset(raw["short_form_stopwords"])
    q = re.escape(raw["quote_chars"])
    cues = "|".join(re.escape(c) for c in sorted(raw["short_form_cues"], key=len, reverse=True))
    # "（以下简称“星河科技”）", "(简称: 星河)", "，下称“星河”": the bracket or comma must follow the full name;
    # a stock code may open the bracket ("（688417.SH，以下简称“衡算软件”）").
    d["intro_re"] = re.compile(
        r"\s*(?:[（(]\s*(?:\d{4,6}(?:\.[A-Z]{2})?\s*[，,;；]\s*)?|[，,]\s*)(?:" + cues + r")\s*[:：]?\s*((?:[" + q + r"][^" + q + r"）)]{1,30}[" + q
        + r"](?:\s*[或、和及/]\s*)?)+|[^" + q + r"（）()，,。；;]{2,20}?)\s*(?=[）)，,。；;]|$)"
    )
    d["quoted_re"] = re.compile(r"[" + q + r"]([^" + q + r"]{1,30})[" + q + r"]")
    d["latin_paren_re"] = re.compile(r"\s*[（(]\s*([A-Za-z][A-Za-z0-9&.,'’\- ]{0,60}?)\s*[）)]")
    d["strip_chars"] = raw["quote_chars"] + " \t\r\n\u3000"
    marker = "(?:" + raw["subsidiary_marker"] + ")"
    d["subsid_between_re"] = re.compile("的?" + marker + "的?")
    # (诺基亚贝尔是诺基亚 + 在华的控股子公司: where the unit works may stand before the marker)
    d["subsid_after_re"] = re.compile("(?:在[\u4e00-\u9fff]{1,4}的)?的?" + marker)
    d["subsid_before_re"] = re.compile(marker + "的?$")
    d["subsid_copula"] = frozenset(raw["subsidiary_copula"])
    return d


def _lexicon():
    """The lexicon module when another stage has provided it, else ``None``."""
    try:
        from . import lexicon  # noqa: WPS433 - optional sibling module
    except ImportError:
        return None
    return lexicon


def industry_canonical(name: str) -> Optional[str]:
    """Canonical taxonomy name of an industry label or synonym, or ``None`` when unknown."""
    lex = _lexicon()
    if lex is None or not hasattr(lex, "lookup_industry"):
        return None
    return lex.lookup_industry(name)


def _known_companies() -> Mapping[str, str]:
    """Company names of the lexicon."""
    lex = _lexicon()
    return lex.companies() if lex is not None and hasattr(lex, "companies") else {}


def _known_places() -> Mapping[str, str]:
    """Place label -> canonical place from the lexicon (empty without it)."""
    lex = _lexicon()
    return lex.places() if lex is not None and hasattr(lex, "places") else {}


def _known_organizations() -> Mapping[str, str]:
    """Organisation label -> canonical name from the lexicon (世贸组织 -> 世界贸易组织)."""
    lex = _lexicon()
    return lex.organizations() if lex is not None and hasattr(lex, "organizations") else {}


# --------------------------------------------------------------------------- document-independent keys

_MIDDLE_DOTS = str.maketrans({"•": "·", "‧": "·", "・": "·", "∙": "·", "‧": "·"})
_CJK_SPACE_RE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_SPACES_RE = re.compile(r"\s+")


def clean_name(name: str) -> str:
    """Trim quotes and spaces, drop spaces next to CJK, unify middle dots."""
    s = name.strip(_data()["strip_chars"]).translate(_MIDDLE_DOTS)
    s = _CJK_SPACE_RE.sub("", s)
    return _SPACES_RE.sub(" ", s)


def _cjk_len_ok(s: str) -> bool:
    """At least two characters (a one-character company name is never a useful key)."""
    return len(s.strip(" ,.-·")) >= 2


def is_place_name(name: str) -> bool:
    """True for a bare place name (``深圳``, ``深圳市``, ``广东省``) from the data list."""
    d = _data()
    if name in d["places"] or name in _known_places():
        return True
    for suf in d["admin"]:
        if name.endswith(suf) and name[: -len(suf)] in d["places"]:
            return True
    return False


def _acceptable_company_key(s: str) -> bool:
    d = _data()
    return _cjk_len_ok(s) and not is_place_name(s) and s not in d["generic"]


def _strip_paren_tail(s: str) -> str:
    """``微软（中国）`` -> ``微软``: a trailing bracket holding a place or legal word."""
    m = re.search(r"\s*[（(]([^（）()]{1,8})[）)]\s*$", s)
    if not m:
        return s
    inner = m.group(1)
    if is_place_name(inner) or inner in _data()["generic"] or inner in _data()["company_suffixes"]:
        return s[: m.start()]
    return s


def _strip_place_prefix(s: str) -> str:
    """``深圳市腾讯计算机系统`` -> ``腾讯计算机系统``, ``上海晨光半导体`` -> ``晨光半导体``.

    A prefix written with an administrative suffix (``市``/``省``) goes whenever two
    good characters remain. A bare province or city goes only when at least four
    remain and they do not start with a business word: ``北京银行``, ``上海汽车`` and
    ``深圳能源`` keep it, as do names led by ``中国`` (``中国平安``, ``中国移动通信``),
    where the prefix is part of the brand.
    """
    d = _data()
    known = _known_places()
    for n in (4, 3, 2):
        head = s[:n]
        if head in d["keep_place_prefixes"] or not (head in d["places"] or head in known):
            continue
        for suf in d["admin"]:
            if s[n:].startswith(suf):
                rest = s[n + len(suf):]
                return rest if _acceptable_company_key(rest) else s
        rest = s[n:]
        if any(s[:k] in _known_companies() for k in range(n + 1, len(s) + 1)):
            return s  # the place is part of a known name: 宁德时代新能源科技
        if (len(rest) >= 4 and _acceptable_company_key(rest) and not is_place_name(rest[:2])
                and not any(rest.startswith(w) for w in d["business"] + d["company_suffixes"])):
            return rest
        return s
    return s


def company_key(name: str) -> str:
    """Canonical company name: strip legal suffixes repeatedly, then an admin-place prefix.

    Stops before a strip that would leave fewer than two characters, a place name or
    a generic word (``北京有限公司`` stays whole). ``分公司`` names are kept: a branch
    is its own organisation.
    """
    d = _data()
    s = clean_name(name)
    if any(s.endswith(k) for k in d["keep_suffix_when_ends_with"]):
        return s
    changed = True
    while changed:
        changed = False
        cand = _strip_paren_tail(s)
        if cand != s and _acceptable_company_key(cand):
            s, changed = cand, True
            continue
        m = d["latin_suffix_re"].search(s)
        if m and m.start() > 0:
            cand = s[: m.start()].rstrip(" ,.-")
            if _acceptable_company_key(cand):
                s, changed = cand, True
                continue
        for suf in d["company_suffixes"]:
            if s.endswith(suf) and len(s) > len(suf):
                cand = s[: -len(suf)].rstrip(" ,.-·")
                if _acceptable_company_key(cand):
                    s, changed = cand, True
                break
    return _strip_place_prefix(s)


def industry_key(name: str) -> str:
    """Canonical industry: taxonomy name of the label, else of it without ``行业``/``领域``…"""
    s = clean_name(name)
    found = industry_canonical(s)
    if found:
        return found
    for suf in _data()["industry_suffixes"]:
        if s.endswith(suf) and len(s) - len(suf) >= 2:
            s = s[: -len(suf)]
            break
    return industry_canonical(s) or s


def place_key(name: str) -> str:
    """``深圳市`` -> ``深圳``, ``香港特别行政区`` -> ``香港`` (keeps ``沙市``: too short)."""
    s = clean_name(name)
    known = _known_places().get(s)
    if known:
        return known
    if len(s) == 1:  # 美 in 中美关系, 港 in 赴港上市: the place the short form stands for
        lex = _lexicon()
        short = lex.place_abbreviations().get(s) if lex is not None and hasattr(lex, "place_abbreviations") else None
        return short[0] if short else s
    for suf in _data()["admin"]:
        if s.endswith(suf) and len(s) - len(suf) >= 2:
            return s[: -len(suf)]
    return s


def alias_key(type_: str, name: str) -> str:
    """The document-independent canonical name of an entity of type ``type_``.

    Examples
    --------
    >>> alias_key("Company", "腾讯公司"), alias_key("Company", "Tencent Holdings Limited")
    ('腾讯', 'Tencent')
    """
    from .lexicon import user_alias

    name = user_alias(type_, name) or name
    if type_ == "Company":
        return company_key(name)
    if type_ == "Industry":
        return industry_key(name)
    if type_ == "Place":
        return place_key(name)
    if type_ == "Organization":
        s = clean_name(name)
        return _known_organizations().get(s) or s
    return clean_name(name)


def _strip_place_head(long: str, short: str) -> str:
    """``中国平安`` seen from ``平安`` -> ``平安``: drop a place prefix the short form lacks."""
    d = _data()
    for n in (4, 3, 2):
        head = long[:n]
        if head in d["places"] and not short.startswith(head):
            rest = long[n:]
            for suf in d["admin"]:
                if rest.startswith(suf):
                    rest = rest[len(suf):]
                    break
            return rest
    return long


def is_short_form(short: str, long: str) -> bool:
    """Whether ``short`` can name the same entity as ``long`` (same type assumed).

    ``阿里``/``阿里巴巴``, ``星河``/``星河科技``, ``平安``/``中国平安``, ``宁德时代``/
    ``宁德时代新能源科技`` are; ``腾讯``/``腾讯音乐`` is not: the remainder ``音乐`` is a
    business line, which makes a different entity.
    """
    d = _data()
    if short == long or len(short) < 2 or len(long) <= len(short):
        return False
    if is_place_name(short) or short in d["generic"]:
        return False
    body = _strip_place_head(long, short)
    if not body.startswith(short):
        return False
    rest = body[len(short):]
    if not rest or rest in d["name_form"]:
        return True
    if len(rest) >= 5 and any(rest.endswith(w) for w in d["name_form"]):
        return True  # a registered name: 宁德时代 + 新能源科技, 百度 + 在线网络技术
    for word in d["business"]:
        if rest.startswith(word) or rest.endswith(word):
            return False
    return True


# --------------------------------------------------------------------------- corpus level


def corpus_key_map(
    keys: Iterable[Tuple[str, str]], counts: Optional[Mapping[Tuple[str, str], int]] = None,
    complete: Iterable[Tuple[str, str]] = (),
    apart: Iterable[Tuple[Tuple[str, str], Tuple[str, str]]] = (),
) -> Dict[Tuple[str, str], str]:
    """Merge keys that are short forms of one longer key of the same type.

    A key ``k`` is linked to the longer keys ``c`` with ``is_short_form(k, c)``; of those,
    only the minimal ones count (``阿里巴巴影业`` is dropped when ``阿里巴巴`` is also a
    candidate), and the link is made only when one remains. Linked keys form groups;
    each group takes the key with the highest count (ties: the longest, then the first
    in sort order). Persons, products, places and industries are never merged: the same
    short string is too often a different entity (two people named 王伟).

    Parameters
    ----------
    keys : iterable of (type, key)
    counts : optional mapping (type, key) -> number of mentions, to choose the group key.
    complete : (type, key) pairs some document wrote as a whole firm name (``顺丰控股`` for
        ``顺丰``, :func:`written_complete`): such a key is no short form of a sister firm of its
        group (``顺丰航空``) in another document either.
    apart : pairs of (type, key) that some document relates to each other (``中金国际``
        parentOrganization ``中金``): the two are different entities and are not linked.

    Returns
    -------
    dict mapping every input (type, key) to its corpus key (itself when not merged).

    Examples
    --------
    >>> m = corpus_key_map([("Company", "阿里"), ("Company", "阿里巴巴"), ("Company", "腾讯")])
    >>> m[("Company", "阿里")], m[("Company", "腾讯")]
    ('阿里巴巴', '腾讯')
    """
    keys = sorted(set(keys))
    counts = counts or {}
    whole: Dict[str, set] = defaultdict(set)
    for t, k in complete:
        whole[t].add(k)
    apart_pairs = {frozenset(p) for p in apart}
    out = {k: k[1] for k in keys}
    by_type: Dict[str, List[str]] = defaultdict(list)
    for t, k in keys:
        by_type[t].append(k)
    for t, names in by_type.items():
        if t not in _ABBREVIABLE:
            continue
        parent = _link_short_forms(names, whole.get(t, ()))
        for short in [n for n, long in parent.items() if frozenset(((t, n), (t, long))) in apart_pairs]:
            del parent[short]
        groups: Dict[str, List[str]] = defaultdict(list)
        for name in names:
            groups[_root(parent, name)].append(name)
        for members in groups.values():
            best = max(members, key=lambda n: (counts.get((t, n), 1), len(n), [-ord(c) for c in n]))
            for n in members:
                out[(t, n)] = best
    return out


def _link_short_forms(names: List[str], complete: Iterable[str] = (),
                      units: Iterable[str] = (), legal: Iterable[str] = ()) -> Dict[str, str]:
    """name -> the unique minimal longer name it abbreviates (only names that have one).

    Candidates are found through a first-character index, so the cost grows with the
    number of names sharing a first character, not with the square of all names.
    ``complete`` holds the names the text wrote as a whole firm name (``顺丰控股``,
    ``海尔集团``): such a name is no short form of a sister firm (see
    :func:`_is_sister_firm`), nor of one of ``units``, the names the text introduces as
    some company's subsidiary (``全资子公司中金国际`` beside ``中金公司``). ``legal`` holds the
    keys the text gave a longer legal name of their own (``黑龙江福顺食品股份有限公司（以下简称“福顺”）``):
    such a key is no short form of a unit either (``旗下子公司福顺乳业``).
    """
    complete = frozenset(complete)
    units = frozenset(units)
    legal = frozenset(legal)
    by_first: Dict[str, List[str]] = defaultdict(list)
    d = _data()
    for n in names:
        by_first[n[:1]].append(n)
        # "中国平安" must also be found from "平安": index it under its body too.
        body = n
        for size in (4, 3, 2):
            if n[:size] in d["places"]:
                body = _strip_place_head(n, "")
                break
        if body != n and body:
            by_first[body[:1]].append(n)
    parent: Dict[str, str] = {}
    generic = d["generic"]
    for n in names:
        if len(n) < 2 or n in generic or is_place_name(n):
            continue  # is_short_form(n, anything) is False: skip its candidates
        # a short form is a substring of the longer name: a cheap test before the full one
        cands = {c for c in by_first.get(n[:1], ()) if len(c) > len(n) and n in c and is_short_form(n, c)}
        if n in complete:
            cands = {c for c in cands if not _is_sister_firm(n, c) and c not in units}
        elif n in legal:
            cands = {c for c in cands if c not in units}
        minimal = {c for c in cands if not any(o != c and c.startswith(o) for o in cands)}
        if len(minimal) == 1:
            parent[n] = minimal.pop()
    return parent


#: Word tags of a remainder that continues the brand itself (阿里 + 巴巴) rather than naming a business.
_BRAND_TAGS = ("nr", "nrt", "ns", "nt", "nz")


def _is_sister_firm(group: str, long: str) -> bool:
    """Whether ``long`` names another firm of the group the text calls ``group`` + 集团/控股.

    ``顺丰控股`` and ``顺丰航空``, ``海尔集团`` and ``海尔智家``, ``招商局集团`` and
    ``招商局港口``: both are complete firm names, each with its own word after the shared
    brand. The remainder must be two or more characters, no name-form word (``科技``:
    ``星河集团`` is still ``星河科技``) and no proper name that continues the brand
    (``阿里集团`` is ``阿里巴巴``), unless it is a place: ``阳光电源匈牙利`` is the group's firm
    in that country.
    """
    from .segment import word_tag

    d = _data()
    body = _strip_place_head(long, group)
    if not body.startswith(group):
        return False
    rest = body[len(group):]
    if len(rest) < 2 or rest in d["name_form"]:
        return False
    if any(rest.startswith(w) for w in d["business"]) or is_place_name(rest):
        return True
    return word_tag(rest) not in _BRAND_TAGS


def _abbreviates_parts(short: str, long: str) -> bool:
    """``东航物流`` for ``中国东方航空物流``, ``中国商飞`` for ``中国商用飞机``: each word of the
    long name (a place head the short form lacks dropped) gives its first character,
    optionally followed by more of its characters in order.

    A plain prefix is left to :func:`is_short_form`; the long name must cut into two or
    more words, all of which contribute.
    """
    from .segment import cut

    d = _data()
    if len(short) < 2 or is_place_name(short) or short in d["generic"]:
        return False
    body = _strip_place_head(long, short)
    if len(body) <= len(short) or body.startswith(short) or body[:1] != short[:1]:
        return False
    if not re.fullmatch(r"[\u4e00-\u9fff]+", body + short):
        return False
    words = cut(body)
    if len(words) < 2:
        return False

    @lru_cache(maxsize=None)
    def fits(i: int, k: int) -> bool:  # short[i:] from words[k:]
        if k == len(words):
            return i == len(short)
        w = words[k]
        if i >= len(short) or short[i] != w[0]:
            return False
        # take w[0], then any in-order subsequence of w[1:]
        ends = {i + 1}
        for ch in w[1:]:
            ends |= {e + 1 for e in ends if e < len(short) and short[e] == ch}
        return any(fits(e, k + 1) for e in ends)

    return fits(0, 0)


def _head_and_tail(short: str, long: str) -> bool:
    """``驰野汽车`` for ``驰野新能源汽车``, ``拓衡传动`` for ``拓衡精密传动``: the long name's first
    word or words and its end (two or more characters), with the describing words between them (two
    or more characters) left out."""
    from .segment import cut

    if len(short) < 4 or is_place_name(short) or not re.fullmatch(r"[\u4e00-\u9fff]+", short + long):
        return False
    body = _strip_place_head(long, short)
    if not (body.startswith(short[:2]) and body.endswith(short[-2:])):
        return False  # (head and end are two characters or more: a cheap test before cutting words)
    starts, pos = set(), 0
    for w in cut(body):
        pos += len(w)
        starts.add(pos)
    for k in range(len(short) - 2, 1, -1):
        head, tail = short[:k], short[k:]
        if k in starts and body.startswith(head) and body.endswith(tail) and len(body) - k - len(tail) >= 2:
            return not _common_word(head)
    return False


def _link_contractions(names: List[str], parent: Dict[str, str]) -> None:
    """Add ``short -> long`` for names that abbreviate exactly one other name word by word (or keep
    its head and its last word: :func:`_head_and_tail`)."""
    for n in names:
        if n in parent:
            continue
        cands = [c for c in names if len(c) > len(n) and (_abbreviates_parts(n, c) or _head_and_tail(n, c))]
        if len(cands) == 1 and _root(parent, cands[0]) != n:  # never a cycle
            parent[n] = cands[0]


def _link_known_brands(names: List[str], parent: Dict[str, str]) -> None:
    """``永辉`` -> ``永辉超市``: the brand of a lexicon company named brand + business word.

    :func:`is_short_form` keeps ``腾讯`` apart from ``腾讯音乐`` because the business word
    may make another firm; when the lexicon knows the long name but not the brand
    alone, the brand is that firm's short form.
    """
    known = _known_companies()
    business = _data()["business"]
    for n in names:
        if n in parent or n in known or len(n) < 2 or is_place_name(n):
            continue
        cands = [c for c in names if c in known and c.startswith(n) and c[len(n):] in business]
        if len(cands) == 1 and _root(parent, cands[0]) != n:
            parent[n] = cands[0]


def _subsidiary_bonds(doc: Document) -> Tuple[set, set]:
    """Company keys the text sets apart as parent and unit, for the merging steps to respect.

    Returns ``(pairs, units)``: ``pairs`` holds ``frozenset({parent, unit})`` for
    ``星河集团旗下星河智能`` and ``中远海运港口是中远海运集团旗下企业``; ``units`` holds the
    keys of mentions written right after a subsidiary word (``全资子公司中金国际``), whose
    parent may be named anywhere.
    """
    d = _data()
    companies = sorted((m for m in doc.mentions if m.type == "Company" and m.key), key=lambda m: m.start)
    pairs, units = set(), set()
    for a, b in zip(companies, companies[1:]):
        if a.key == b.key:
            continue
        between = doc.norm[a.end:b.start]
        if d["subsid_between_re"].fullmatch(between) or (
                between in d["subsid_copula"] and d["subsid_after_re"].match(doc.norm, b.end)):
            pairs.add(frozenset((a.key, b.key)))
    for m in companies:
        if d["subsid_before_re"].search(doc.norm, max(0, m.start - 10), m.start):
            units.add(m.key)
    return pairs, units


def _written_complete(doc: Document, type_: str) -> set:
    """Keys of ``type_`` some mention writes as the key plus a group or legal suffix (``顺丰控股``)."""
    return {m.key for m in doc.mentions if m.type == type_ and m.key and written_complete(m.key, m.name)}


def _legal_keys(doc: Document, type_: str) -> set:
    """Keys of ``type_`` some mention writes as a longer name with a legal suffix
    (``福顺`` for ``黑龙江福顺食品股份有限公司``)."""
    suffixes = _data()["company_suffixes"]
    keys = set()
    for m in doc.mentions:
        if m.type == type_ and m.key:
            name = clean_name(m.name)
            if name != m.key and any(name.endswith(s) for s in suffixes):
                keys.add(m.key)
    return keys


def written_complete(key: str, name: str) -> bool:
    """Whether ``name`` writes ``key`` as a whole firm name: the key plus group or legal suffixes
    only (``顺丰控股`` for ``顺丰``, ``海尔集团有限公司`` for ``海尔``)."""
    d = _data()
    name = clean_name(name)
    if name == key or not name.startswith(key):
        return False
    rest = name[len(key):]
    while rest:
        suf = next((x for x in d["company_suffixes"] if rest.startswith(x)), None)
        if suf is None:
            return False
        rest = rest[len(suf):]
    return True


def _root(parent: Mapping[str, str], name: str) -> str:
    seen = set()
    while name in parent and name not in seen:
        seen.add(name)
        name = parent[name]
    return name


# --------------------------------------------------------------------------- document level


def resolve(doc: Document) -> Document:
    """Set ``Mention.key`` for every mention and fill ``doc.aliases``.

    Steps, in order: document-independent keys; short forms the text introduces
    (``（以下简称“X”）``; later uses of ``X`` get the entity's key and type, and uses the
    recogniser missed are added as mentions with ``method="alias"``); English names in
    brackets; short references to a longer company name of the same document; ``王总``
    to the one person surnamed 王.
    """
    if not doc.norm:
        doc.norm = doc.text
    aliases: Dict[Tuple[str, str], List[str]] = defaultdict(list)
    for m in doc.mentions:
        m.key = alias_key(m.type, m.name)
    local = _introduced_short_forms(doc, aliases)
    local.update(_bracketed_english(doc, aliases))
    local.update(_bracketed_short_forms(doc, aliases))
    for short, ident in _legal_name_short_forms(doc, aliases, local).items():
        local.setdefault(short, ident)
    if local:
        _add_alias_mentions(doc, local)
        for m in doc.mentions:
            hit = local.get(clean_name(m.name).casefold())
            if hit:  # the short form names that entity here, whatever type it was given
                m.type, m.key = hit
    _resolve_abbreviations(doc)
    _resolve_person_honorifics(doc)
    for m in doc.mentions:
        for name in (m.name, doc.norm[m.start:m.end], doc.text[m.start:m.end]):
            _add_alias(aliases, (m.type, m.key), name)
    doc.aliases = {k: v for k, v in aliases.items() if v}
    return doc


def _add_alias(aliases: Dict[Tuple[str, str], List[str]], ident: Tuple[str, str], name: str) -> None:
    name = name.strip()
    if name and name != ident[1] and name not in aliases[ident]:
        aliases[ident].append(name)


def _mention_ending_at(doc: Document, ends: List[int], pos: int) -> Optional[int]:
    """Index of the mention that ends at ``pos`` (spaces between allowed), else ``None``."""
    i = bisect_right(ends, pos) - 1
    if i >= 0 and not doc.norm[ends[i]:pos].strip():
        return i
    return None


def _preferred_key(full: Mention, short: str) -> str:
    """Key of an entity whose short form the document introduces.

    The short form wins when it abbreviates the full name (its characters appear in
    order, ``中国石化`` in ``中国石油化工``) or when the full name is Latin and the short
    form Chinese: that is the name other documents will use. Otherwise the full name's
    key stays.
    """
    short_key = alias_key(full.type, short)
    if re.fullmatch(r"[\x00-\x7f]+", full.key or "") and not re.fullmatch(r"[\x00-\x7f]+", short_key):
        return short_key
    # 台积电 abbreviates 台湾积体电路制造 (the name before its place prefix was stripped)
    for long in (full.key or "", clean_name(full.name)):
        it = iter(long)
        if all(ch in it for ch in short_key):
            return short_key
    return full.key


def _introduced_short_forms(doc: Document, aliases) -> Dict[str, Tuple[str, str]]:
    """Find ``X（以下简称“Y”）``; rekey X's entity and return {Y.casefold(): (type, key)}."""
    d = _data()
    local: Dict[str, Tuple[str, str]] = {}
    if not doc.mentions:
        return local
    rekey: Dict[Tuple[str, str], str] = {}
    for i, m in enumerate(doc.mentions):
        if m.type in ("Place", "Industry"):
            continue
        hit = d["intro_re"].match(doc.norm, m.end)
        if not hit:
            continue
        body = hit.group(1)
        shorts = d["quoted_re"].findall(body) or [body]
        for raw in shorts:
            short = clean_name(raw)
            if len(short) < 2 or short in d["stop_short"] or short == m.name:
                continue
            new_key = _adopt_short_form(m, short, rekey, local, aliases)
            local[alias_key(m.type, short).casefold()] = (m.type, new_key)
    _apply_rekey(doc, rekey)
    return local


def _legal_name_short_forms(doc: Document, aliases, local) -> Dict[str, Tuple[str, str]]:
    """``苏州纳微传感技术股份有限公司 ... 纳微传感``: a full legal name's short form used later.

    News introduces a company by its registered name and then uses a short form
    without saying so. For each Company mention written with a legal suffix and no
    short form of its own, the longest prefix (of three or more characters) of its
    key that the text uses elsewhere on word boundaries is taken as its short form,
    when that prefix is no place, industry word or ordinary dictionary word; a
    two-character prefix only where the text writes it with 公司 (``中微公司`` for
    ``中微半导体设备（上海）股份有限公司``). A prefix that names the group the firm belongs
    to, or that leaves a place (``阳光电源匈牙利``), is another firm's name.
    """
    found: Dict[str, Tuple[str, str]] = {}
    if not doc.tokens:
        return found
    d = _data()
    bounds = {t.start for t in doc.tokens} | {t.end for t in doc.tokens}
    known = {v for v in local.values()}
    other_types = {clean_name(x.name) for x in doc.mentions if x.type != "Company"}
    rekey: Dict[Tuple[str, str], str] = {}
    pairs, _ = _subsidiary_bonds(doc)
    # keys written as a whole firm (中远海运集团), not as the plain "X公司" a text calls the firm itself
    groups = {x.key for x in doc.mentions if x.type == "Company" and x.key and written_complete(x.key, x.name)
              and clean_name(x.name) != x.key + "公司"}
    written = {clean_name(x.name) for x in doc.mentions if x.type == "Company"}
    for m in doc.mentions:
        if m.type != "Company" or (m.type, m.key) in known or not m.key:
            continue
        name = clean_name(m.name)
        if not any(name.endswith(suf) for suf in d["company_suffixes"]) or len(m.key) < 4:
            continue
        for n in range(len(m.key) - 1, 1, -1):
            short = m.key[:n]
            if n == 2 and short + "公司" not in written:
                break  # two characters only as the text's own "中微公司"
            if short in d["generic"] or is_place_name(short) or industry_canonical(short) or _common_word(short):
                continue
            if not re.fullmatch(r"[\u4e00-\u9fff]+", short) or not (
                    n == 2 or _used_elsewhere(doc, short, m, bounds)):
                continue
            if short in other_types:  # 鲜果多多 the app of 鲜果多多网络科技: the text typed it
                break
            if frozenset((short, m.key)) in pairs or (short in groups and _is_sister_firm(short, m.key)) \
                    or is_place_name(m.key[n:]):
                break  # 中远海运集团 beside 中远海运港口有限公司, 阳光电源 beside 阳光电源匈牙利: another firm
            new_key = _adopt_short_form(m, short, rekey, found, aliases)
            found[short.casefold()] = (m.type, new_key)
            break
    _apply_rekey(doc, rekey)
    return found


def _used_elsewhere(doc: Document, short: str, m: Mention, bounds) -> bool:
    """Whether ``short`` occurs outside mention ``m`` on word boundaries."""
    start = doc.norm.find(short)
    while start >= 0:
        end = start + len(short)
        if not (m.start <= start < m.end) and start in bounds and end in bounds:
            return True
        start = doc.norm.find(short, start + 1)
    return False


def _common_word(word: str) -> bool:
    """An ordinary dictionary word (not a proper noun) of jieba's main dictionary."""
    from .segment import word_tag

    tag = word_tag(word)
    return tag is not None and tag not in ("nt", "nz", "nr", "nrt", "ns", "j")


def _bracketed_english(doc: Document, aliases) -> Dict[str, Tuple[str, str]]:
    """``腾讯（Tencent）``: the English name is an alias of the entity before the bracket.

    When the bracket holds a recognised mention, it is made the same entity (the
    Chinese key wins). Stock codes and single letters are not names.
    """
    d = _data()
    local: Dict[str, Tuple[str, str]] = {}
    starts = [m.start for m in doc.mentions]
    for m in doc.mentions:
        if m.type in ("Place", "Industry"):
            continue
        hit = d["latin_paren_re"].match(doc.norm, m.end)
        if not hit:
            continue
        latin = clean_name(hit.group(1)).rstrip(" ,.")
        if sum(ch.isalpha() for ch in latin) < 2 or re.search(r"\d", latin):
            continue
        if re.fullmatch(r"[\x00-\x7f]+", m.key or ""):
            continue  # "Tencent (Holdings)": both Latin, nothing to pair
        local[latin.casefold()] = (m.type, m.key)
        local[alias_key(m.type, latin).casefold()] = (m.type, m.key)
        _add_alias(aliases, (m.type, m.key), latin)
        j = bisect_left(starts, hit.start(1))
        if j < len(doc.mentions) and doc.mentions[j].start == hit.start(1):
            inner = doc.mentions[j]
            inner.type, inner.key = m.type, m.key
    return local


_BARE_BRACKET_RE = re.compile(r"\s*[（(]\s*([^\s（）()，,。；;：:、\d%]{2,12})\s*[）)]")


def _is_contraction(short: str, long: str) -> bool:
    """``上汽集团`` for ``上海汽车集团股份有限公司``: same first character, the rest picked in order.

    Only trusted right after the name in a bracket, where the text pairs them itself.
    """
    if len(short) < 2 or len(short) >= len(long) or short[0] != long[0] or is_place_name(short):
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def _bracketed_short_forms(doc: Document, aliases) -> Dict[str, Tuple[str, str]]:
    """``北京深瞳星图科技有限公司（深瞳星图）``: a bare bracket after a name holding its short form.

    Only a true short form of the name before it counts (:func:`is_short_form`), so a
    bracket holding a place, a role or another entity (``王建国（星河科技）``) is left alone.
    The entity is rekeyed to the short form, as for ``（以下简称“Y”）``.
    """
    local: Dict[str, Tuple[str, str]] = {}
    rekey: Dict[Tuple[str, str], str] = {}
    for m in doc.mentions:
        if m.type not in ("Company", "Organization"):
            continue
        hit = _BARE_BRACKET_RE.match(doc.norm, m.end)
        if not hit:
            continue
        short = clean_name(hit.group(1))
        if not (is_short_form(short, m.name) or is_short_form(short, alias_key(m.type, m.name))
                or _is_contraction(short, m.name)):
            continue
        _adopt_short_form(m, short, rekey, local, aliases)
    _apply_rekey(doc, rekey)
    return local


def _adopt_short_form(m: Mention, short: str, rekey, local, aliases) -> str:
    """Record that ``short`` names ``m``'s entity; returns the entity's new key."""
    new_key = _preferred_key(m, short)
    rekey[(m.type, m.key)] = new_key
    local[short.casefold()] = (m.type, new_key)
    _add_alias(aliases, (m.type, new_key), short)
    _add_alias(aliases, (m.type, new_key), m.name)
    return new_key


def _apply_rekey(doc: Document, rekey: Dict[Tuple[str, str], str]) -> None:
    for m in doc.mentions:
        if (m.type, m.key) in rekey:
            m.key = rekey[(m.type, m.key)]


def _content_ranges(doc: Document) -> List[Tuple[int, int]]:
    return doc.content or [(0, len(doc.text))]


def _add_alias_mentions(doc: Document, local: Dict[str, Tuple[str, str]]) -> None:
    """Add mentions for uses of introduced short forms that the recogniser missed.

    Only Chinese short forms of two or more characters are searched and, when the
    document is segmented, only where they start and end on word boundaries (so
    ``平安`` is not found inside ``平安夜``). A use that covers smaller mentions
    (``中国信通院`` read as 中国 + 信通) replaces them: the document itself says the
    whole string is a name. A use that cuts through a mention is left alone.
    """
    names = sorted((n for n in local if len(n) >= 2 and not re.fullmatch(r"[\x00-\x7f]+", n)), key=len, reverse=True)
    if not names:
        return
    pat = re.compile("|".join(re.escape(n) for n in names))
    old = doc.mentions
    starts = [m.start for m in old]
    bounds = {t.start for t in doc.tokens} | {t.end for t in doc.tokens}
    added: List[Mention] = []
    dropped: set = set()
    for lo, hi in _content_ranges(doc):
        for hit in pat.finditer(doc.norm, lo, hi):
            a, b = hit.span()
            if bounds and (a not in bounds or b not in bounds):
                continue
            i = bisect_right(starts, a) - 1
            if i >= 0 and old[i].end > a and old[i].start < a:
                continue  # a mention starting before cuts into it
            j = i if i >= 0 and old[i].start == a else i + 1
            inside = []
            while j < len(old) and old[j].start < b:
                inside.append(j)
                j += 1
            if any(old[k].end > b for k in inside):
                continue  # a mention cuts through its end
            if len(inside) == 1 and old[inside[0]].span() == (a, b):
                continue  # already a mention: keyed through the local table
            type_, key = local[hit.group(0)]
            dropped.update(inside)
            added.append(Mention(a, b, type_, hit.group(0), method="alias", score=0.9, key=key))
    if not added:
        return
    kept = [m for k, m in enumerate(old) if k not in dropped]
    doc.mentions = sorted(kept + added, key=lambda m: (m.start, m.end))
    if doc.relations:  # keep indexes valid should an earlier stage have filled relations
        where = {id(m): i for i, m in enumerate(doc.mentions)}
        doc.relations = [r for r in doc.relations if r.subject not in dropped and r.object not in dropped]
        for r in doc.relations:
            r.subject, r.object = where[id(old[r.subject])], where[id(old[r.object])]


def _resolve_abbreviations(doc: Document) -> None:
    """``阿里`` and ``阿里巴巴`` become one entity when exactly one longer key of the same
    type in the document fits (see :func:`is_short_form`).

    The group takes its most mentioned key (ties: the longer), the name this
    document itself uses most: ``华为技术有限公司`` once and ``华为`` ten times give ``华为``.
    """
    by_type: Dict[str, Dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m in doc.mentions:
        if m.type in _ABBREVIABLE:
            by_type[m.type][m.key] += 1
    for type_, counts in by_type.items():
        if len(counts) < 2:
            continue
        names = sorted(counts)
        pairs, units = _subsidiary_bonds(doc) if type_ == "Company" else (set(), set())
        parent = _link_short_forms(names, _written_complete(doc, type_), units, _legal_keys(doc, type_))
        _link_contractions(names, parent)
        _link_known_brands(names, parent)
        for short in [n for n, long in parent.items() if frozenset((n, long)) in pairs]:
            del parent[short]  # 宝钢股份是中国宝武钢铁集团旗下: no contraction of its parent
        if not parent:
            continue
        groups: Dict[str, List[str]] = defaultdict(list)
        for key in counts:
            groups[_root(parent, key)].append(key)
        target = {}
        for members in groups.values():
            best = max(members, key=lambda k: (counts[k], len(k), k))
            target.update((k, best) for k in members)
        for m in doc.mentions:
            if m.type == type_ and m.key in target:
                m.key = target[m.key]


def _resolve_person_honorifics(doc: Document) -> None:
    """``王总`` -> ``王建国`` when 王建国 is the only person of the document surnamed 王."""
    persons = sorted({m.key for m in doc.mentions if m.type == "Person"})
    if len(persons) < 2:
        return
    honorifics = _data()["honorifics"]
    target: Dict[str, str] = {}
    for name in persons:
        for h in honorifics:
            if name.endswith(h) and 1 <= len(name) - len(h) <= 2:
                surname = name[: -len(h)]
                cands = [p for p in persons if p != name and p.startswith(surname) and len(p) > len(surname)
                         and not any(p.endswith(x) for x in honorifics)]
                if len(cands) == 1:
                    target[name] = cands[0]
                break
    for m in doc.mentions:
        if m.type == "Person" and m.key in target:
            m.key = target[m.key]
