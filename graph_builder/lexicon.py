"""Lexicons and the industry taxonomy, loaded once from package data files.

Every loader is cached: the first call reads ``graph_builder/data/...`` and
later calls return the same object. :func:`add_user_lexicon` adds a user's
entries to those cached objects, so all stages see them.

Files (under ``graph_builder/data/lexicons/`` unless noted):

- ``companies.txt`` (generated) + ``companies_extra.txt`` (hand-written) +
  ``companies_corpus.txt`` (generated from corpus labels): ``name<TAB>industry``
- ``companies_ambiguous.txt`` (generated): short names that are also ordinary words;
  ``companies_place_names.txt`` (hand-written): short names that are also places (张家界, 天津港)
- ``surnames.txt`` (generated): ``surname<TAB>frequency``; ``surnames_compound.txt`` (hand-written)
- ``titles.txt`` (generated, includes ``titles_core.txt``): ``title<TAB>count``
- ``places.txt``: ``name<TAB>kind<TAB>alt1,alt2``; ``organizations.txt``: ``name<TAB>alt1,alt2``;
  ``place_abbreviations.txt``: ``short form<TAB>place<TAB>group<TAB>uses`` (美 -> 美国)
- ``products.txt``: ``name<TAB>maker``
- ``company_suffixes.txt`` (``suffix<TAB>tier``), ``org_suffixes.txt``
- ``product_cues.txt``, ``product_modifiers.txt``, ``product_nouns.txt``, ``industry_cues.txt``,
  ``industry_prefixes.txt``,
  ``person_cues.txt``, ``org_prefixes.txt``, ``document_heads.txt``,
  ``unit_heads.txt``, ``person_address.txt``, ``person_glue.txt``, ``translit_chars.txt``,
  ``tibetan_name_parts.txt``, ``person_heads.txt``
- ``stopwords.txt``
- ``../industries.json`` (generated): ``{name: {code, broader, altLabels}}``

Examples
--------
>>> from graph_builder import lexicon
>>> lexicon.lookup_industry("新能源车")
'新能源汽车'
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Callable, Dict, FrozenSet, List, Optional, Tuple

from .doc import ENTITY_TYPES

DATA_DIR = Path(__file__).resolve().parent / "data"
LEX_DIR = DATA_DIR / "lexicons"

#: Callables run after :func:`add_user_lexicon` added entries: ``fn(entries)``
#: with ``entries`` a list of ``(name, type, freq, pos)``. The segmenter
#: registers one to add the new words to its tokenizer.
_listeners: List[Callable[[List[Tuple[str, str, Optional[int], Optional[str]]]], None]] = []


def _rows(name: str) -> List[List[str]]:
    """Tab-separated rows of a data file, without comments and blank lines."""
    path = LEX_DIR / name
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                out.append([c.strip() for c in line.split("\t")])
    return out


def normalize_label(text: str) -> str:
    """The form labels are compared in: NFKC, lower case, no whitespace.

    >>> normalize_label(" Ａｉ ")
    'ai'
    """
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


@functools.lru_cache(maxsize=None)
def companies() -> Dict[str, str]:
    """Company short names -> industry (Tushare's classes; free text for the extra list)."""
    out = {r[0]: (r[1] if len(r) > 1 else "") for r in _rows("companies.txt")}
    for name in ("companies_extra.txt", "companies_corpus.txt"):
        for r in _rows(name):
            out.setdefault(r[0], r[1] if len(r) > 1 else "")
    return out


@functools.lru_cache(maxsize=None)
def ambiguous_companies() -> FrozenSet[str]:
    """Company names that are also ordinary words: taken only with a company cue.

    ``companies_ambiguous.txt`` (generated), ``companies_place_names.txt`` (places: 张家界, 天津港)
    plus every company name that is an industry label, so that sectors added to the taxonomy by
    hand (智慧农业) are ambiguous too.
    """
    labels = industry_surface_labels()
    return frozenset(r[0] for r in _rows("companies_ambiguous.txt")) | frozenset(
        r[0] for r in _rows("companies_place_names.txt")) | frozenset(name for name in companies() if name in labels)


@functools.lru_cache(maxsize=None)
def surnames() -> Dict[str, float]:
    """Surname (one or two characters) -> frequency per 10k people (rare ones ~5).

    ``surnames.txt`` (generated) plus the hand-written compound surnames of
    ``surnames_compound.txt`` at the rare-surname frequency.
    """
    out = {r[0]: float(r[1]) for r in _rows("surnames.txt")}
    for r in _rows("surnames_compound.txt"):
        out.setdefault(r[0], float(r[1]) if len(r) > 1 else 5.0)
    return out


@functools.lru_cache(maxsize=None)
def titles() -> Dict[str, int]:
    """Job title -> how often the corpora used it (0 for hand-written core titles)."""
    return {r[0]: int(r[1]) for r in _rows("titles.txt")}


@functools.lru_cache(maxsize=None)
def places() -> Dict[str, str]:
    """Place label (name or alternative) -> canonical place name."""
    out: Dict[str, str] = {}
    for r in _rows("places.txt"):
        out[r[0]] = r[0]
        if len(r) > 2:
            for alt in r[2].split(","):
                if alt.strip():
                    out.setdefault(alt.strip(), r[0])
    for r in _rows("places_corpus.txt"):
        out.setdefault(r[0], r[0])
    return out


@functools.lru_cache(maxsize=None)
def place_abbreviations() -> Dict[str, Tuple[str, str, FrozenSet[str]]]:
    """One-character short form -> (place, group, uses) from ``place_abbreviations.txt`` (美 -> 美国)."""
    return {r[0]: (r[1], r[2], frozenset(u.strip() for u in r[3].split(","))) for r in _rows("place_abbreviations.txt")}


@functools.lru_cache(maxsize=None)
def place_kinds() -> Dict[str, str]:
    """Place name (not its alternative labels) -> kind in ``places.txt`` (city, province, region, country ...)."""
    return {r[0]: (r[1] if len(r) > 1 else "") for r in _rows("places.txt")}


@functools.lru_cache(maxsize=None)
def countries() -> FrozenSet[str]:
    """Names and alternative labels of the places of kind ``country`` in ``places.txt``."""
    out = set()
    for r in _rows("places.txt"):
        if len(r) > 1 and r[1] == "country":
            out.add(r[0])
            out.update(a.strip() for a in (r[2].split(",") if len(r) > 2 else ()) if a.strip())
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def function_words() -> Dict[str, str]:
    """Words jieba lacks that would otherwise read as names (曾任) -> their POS tag."""
    return {r[0]: r[1] for r in _rows("function_words.txt") if len(r) > 1}


@functools.lru_cache(maxsize=None)
def products() -> Dict[str, str]:
    """Well-known product, app or brand name -> its maker ('' when unknown)."""
    return {r[0]: (r[1] if len(r) > 1 else "") for r in _rows("products.txt")}


@functools.lru_cache(maxsize=None)
def persons() -> Dict[str, str]:
    """Person names from user lexicons only (the package ships none)."""
    return {}


@functools.lru_cache(maxsize=None)
def organizations() -> Dict[str, str]:
    """Organisation label (name or alternative) -> canonical name: the international bodies of
    ``organizations.txt``, plus what user lexicons add."""
    out: Dict[str, str] = {}
    for r in _rows("organizations.txt"):
        out[r[0]] = r[0]
        for alt in (r[1].split(",") if len(r) > 1 else ()):
            if alt.strip():
                out.setdefault(alt.strip(), r[0])
    return out


@functools.lru_cache(maxsize=None)
def suffixes(kind: str) -> Dict[str, str]:
    """Name suffixes of a kind -> tier.

    Parameters
    ----------
    kind : {"company", "org"}
        ``company`` tiers are ``strong`` (legal forms), ``core`` (公司, 集团, 银行 ...)
        and ``weak`` (科技, 汽车 ...); ``org`` suffixes all have tier ``org``.
    """
    if kind == "company":
        return {r[0]: (r[1] if len(r) > 1 else "core") for r in _rows("company_suffixes.txt")}
    if kind == "org":
        return {r[0]: "org" for r in _rows("org_suffixes.txt")}
    raise ValueError(f"unknown suffix kind {kind!r} (expected 'company' or 'org')")


_CUE_FILES = {
    "product": "product_cues.txt",
    "product_modifier": "product_modifiers.txt",
    "product_noun": "product_nouns.txt",
    "product_edition": "product_editions.txt",
    "product_form": "product_forms.txt",
    "product_stop": "product_stop.txt",
    "industry": "industry_cues.txt",
    "person": "person_cues.txt",
    "org_prefix": "org_prefixes.txt",
    "document_head": "document_heads.txt",
    "unit_head": "unit_heads.txt",
    "name_tail": "name_tails.txt",
    "latin_firm_word": "latin_firm_words.txt",
    "industry_weak": "industry_cues_weak.txt",
    "industry_verb": "industry_verbs.txt",
    "industry_modifier": "industry_modifiers.txt",
    "industry_grade": "industry_grades.txt",
    "industry_prefix": "industry_prefixes.txt",
    "industry_break": "industry_breaks.txt",
    "industry_product_head": "industry_product_heads.txt",
    "industry_business_stop": "industry_business_stop.txt",
    "investor": "investor_cues.txt",
    "partner": "partner_cues.txt",
    "honorific": "honorifics.txt",
    "appoint": "appoint_cues.txt",
    "scope": "scope_words.txt",
    "address": "person_address.txt",
    "person_glue": "person_glue.txt",
    "translit": "translit_chars.txt",
    "tibetan": "tibetan_name_parts.txt",
    "person_head": "person_heads.txt",
    "japanese_surname": "person_japanese_surnames.txt",
    "firm_verb": "firm_verbs.txt",
    "firm_name_head": "firm_name_heads.txt",
    "firm_intro": "firm_intro_cues.txt",
    "firm_head": "firm_heads.txt",
    "person_after": "person_after.txt",
    "product_tail": "product_tails.txt",
    "product_quote_head": "product_quote_heads.txt",
    "product_non_head": "product_non_heads.txt",
    "industry_focus_verb": "industry_focus_verbs.txt",
    "industry_focus_stop": "industry_focus_stop.txt",
    "industry_activity": "industry_activities.txt",
    "industry_market_head": "industry_market_heads.txt",
    "branch_head": "branch_heads.txt",
    "post_verb": "post_verbs.txt",
    "name_trailing": "name_trailing_words.txt",
    "place_pair": "place_pair_words.txt",
    "place_verb": "place_verbs.txt",
    "product_latin_kind": "product_latin_kinds.txt",
    "amount_hedge": "amount_hedges.txt",
    "founding_verb": "founding_verbs.txt",
    "leader": "leader_words.txt",
    "firm_cue": "firm_cues.txt",
    "firm_kind": "firm_kinds.txt",
    "event_word": "event_words.txt",
    "place_unit": "place_units.txt",
    "deal_verb": "deal_verbs.txt",
    "subsidiary_head": "subsidiary_heads.txt",
    "startup_head": "startup_heads.txt",
    "target_head": "target_heads.txt",
    "named_kind": "named_kinds.txt",
    "fund_product_head": "fund_product_heads.txt",
    "park_head": "park_heads.txt",
    "standard_head": "standard_heads.txt",
    "national_prefix": "national_prefixes.txt",
    "body_head": "body_heads.txt",
    "business_scope_verb": "business_scope_verbs.txt",
    "business_scope_subject": "business_scope_subjects.txt",
    "main_business": "main_business.txt",
    "former_post_lead": "former_post_leads.txt",
    "former_post_verb": "former_post_verbs.txt",
    "former_post": "former_posts.txt",
    "former": "former_words.txt",
    "generic_firm": "generic_firms.txt",
}


@functools.lru_cache(maxsize=None)
def cues(kind: str) -> FrozenSet[str]:
    """Cue words by kind.

    ``product`` verbs (推出, 发布), ``product_modifier`` (了, 新款), ``product_noun``
    (手机, 平台), ``industry`` heads (行业, 领域), ``person`` appointment verbs
    (出任, 担任), ``org_prefix`` (国家, 中央), ``document_head`` (报告, 白皮书), ``unit_head`` (事业群, 产品部),
    ``name_tail`` (系列, 总部: words a statistical tagger glues after a name), ``industry_weak``
    (市场, 业务: sector cues only after an industry label), ``industry_verb`` (进军, 专注于),
    ``industry_modifier`` (核心, 新兴, 上市: next to a sector, no part of it), ``industry_grade``
    (高端, 中高端: part of a sector's span, left out when mapping it to the taxonomy), ``industry_break``
    (面向, 发展: verbs that end a sector phrase read backwards from its cue),
    ``investor`` funding verbs (领投, 跟投), ``partner`` deal verbs after 与/和 Y (签署, 达成),
    ``honorific`` (博士, 先生: after a name), ``appoint`` (聘任, 任命: the person is the object),
    ``address`` (女士, 先生, 总: after a surname or a name), ``person_glue`` and ``translit``
    (lines of characters: function characters glued to a name's edge, characters of
    transliterated names; see :func:`cue_chars`), ``tibetan`` (扎西, 卓玛: parts of Tibetan names),
    ``person_head`` (实际控制人, 股东: role nouns before a name that are no job titles),
    ``japanese_surname``, ``person_after`` (表示, 则: words right after a name), ``firm_verb``,
    ``firm_name_head``, ``firm_intro`` (名为, 竞争对手: a bare company name follows) and
    ``firm_head`` (企业, 车企: a company name precedes), ``product_tail`` (之家: ends a brand),
    ``product_non_head`` (计划, 大会: ends a programme's or event's name), ``industry_focus_verb``
    (专注于, 主营), ``industry_focus_stop``, ``industry_activity`` (研发, 生产) and
    ``industry_market_head`` (食品, 饮料: heads of market segments before 市场),
    ``industry_product_head`` (设备, 芯片: heads of product categories, no sector after 主营),
    ``industry_business_stop`` (国际, 代表: words that name no business line before 业务), ``branch_head``
    (分行, 研究院: a place between an employer and one of these names an internal unit),
    ``post_verb`` (曾任, 兼任: a post and its employer follow), ``name_trailing`` (已, 拟, 出品: words
    glued after a bare company name that are no part of it), ``place_pair`` (关系, 两国: after a run of
    one-character place short forms, 中美 + 关系), ``place_verb`` (访, 赴, 在: before one, 访 + 华),
    ``product_latin_kind`` (SUV, PET-CT: Latin product kinds glued before a Latin model name),
    ``amount_hedge`` (约, 逾: before an amount, 投资约10亿元), ``founding_verb`` (设立, 注册成立: never in a
    registered name), ``leader`` (龙头, 巨头: a brand after one is no person), ``firm_cue`` (企业, 厂商: a firm
    word after a sector phrase) and ``firm_kind`` (公司, 制造商: those that name a kind of firm, no sector),
    ``event_word`` (展会, 峰会: after a Latin code, an event), ``place_unit`` (工作室, 研究院: after a place,
    a firm's internal unit), ``deal_verb`` (增持, 联合开发: never open a firm name), ``subsidiary_head``
    (子公司, 控股股东), ``startup_head`` (初创企业, 创企: a bare firm name follows), ``target_head`` (抑制剂,
    受体: the code before is a drug target), ``named_kind`` (商品, 品牌: before 名为, a product's name follows),
    ``fund_product_head`` (货币基金: funds sold as products), ``park_head`` (科学园区, 新区: heads of named
    parks), ``standard_head`` (认证, 标准: after a Latin code, a standard), ``national_prefix`` (国家, 国有:
    open a state-owned firm's name after its country), ``body_head`` (总局, 委员会: national bodies with
    local offices), ``business_scope_verb`` (涵盖, 包括) after a ``business_scope_subject`` (业务, 经营范围),
    ``main_business`` (主营业务, 主业: before 为 / 是), ``former_post_lead`` (曾, 此前) +
    ``former_post_verb`` (在, 就职于) or ``former_post`` (曾任, 历任: before a person's former employer) and
    ``former`` (原, 前, 曾任: right before an employer that is a former one) and ``generic_firm`` (商业银行,
    外资行: kinds of firm, never one firm's name).
    """
    if kind not in _CUE_FILES:
        raise ValueError(f"unknown cue kind {kind!r} (expected one of {', '.join(_CUE_FILES)})")
    return frozenset(r[0] for r in _rows(_CUE_FILES[kind]))


@functools.lru_cache(maxsize=None)
def cues_longest_first(kind: str) -> Tuple[str, ...]:
    """The cues of ``kind`` (:func:`cues`), longest first, for prefix and suffix tests where the
    longer word must win (中高端 before 高端, 战略投资 before 投资)."""
    return tuple(sorted(cues(kind), key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def cue_chars(kind: str) -> FrozenSet[str]:
    """The characters of a cue file whose lines are runs of characters (``person_glue``, ``translit``)."""
    return frozenset("".join(cues(kind)))


@functools.lru_cache(maxsize=None)
def stopwords() -> FrozenSet[str]:
    """Words that are never entities on their own (公司, 用户, 董事会 ...)."""
    return frozenset(r[0] for r in _rows("stopwords.txt"))


@functools.lru_cache(maxsize=None)
def taxonomy() -> Dict[str, dict]:
    """Industry concepts: name -> ``{"code", "broader": [names], "altLabels": [labels]}``.

    GB/T 4754-2011 sections, divisions, groups and classes plus the hand-written
    extension (codes ``X..``) placed under GB/T nodes.
    """
    with open(DATA_DIR / "industries.json", encoding="utf-8") as f:
        return json.load(f)


@functools.lru_cache(maxsize=None)
def industry_lookup() -> Dict[str, str]:
    """Normalised label (name or altLabel) -> canonical industry name."""
    out: Dict[str, str] = {}
    for name, concept in taxonomy().items():
        out.setdefault(normalize_label(name), name)
    for name, concept in taxonomy().items():
        for alt in concept.get("altLabels", []):
            out.setdefault(normalize_label(alt), name)
    return out


_INDUSTRY_TAIL = re.compile(r"(?:行业|产业链|产业|领域|赛道|板块)$")


def lookup_industry(text: str) -> Optional[str]:
    """The canonical industry a free-text label names, or None.

    Tries the label, then the label without a trailing 行业/产业/领域/赛道/板块, then
    either without a leading grade word (高端智能手机 is the 智能手机 sector).

    >>> lookup_industry("电商"), lookup_industry("AI领域"), lookup_industry("火星")
    ('电子商务', '人工智能', None)
    >>> lookup_industry("高端智能手机")
    '智能手机'
    """
    table = industry_lookup()
    key = normalize_label(text)
    short = _INDUSTRY_TAIL.sub("", key)
    for k in (key, short):
        if k in table:
            return table[k]
    for grade in cues_longest_first("industry_grade"):
        if short.startswith(grade) and short[len(grade):] in table:
            return table[short[len(grade):]]
    return None


@functools.lru_cache(maxsize=None)
def industry_surface_labels() -> Dict[str, str]:
    """Labels specific enough to be an Industry wherever they stand in text -> canonical name.

    The extension's names and altLabels, and GB/T names ending in 业 (房地产业,
    汽车制造业): short GB/T class names like 印刷 or 电车制造 are taken only
    before an industry cue word.
    """
    stop = stopwords()
    out: Dict[str, str] = {}
    for name, concept in taxonomy().items():
        labels = [name] + list(concept.get("altLabels", []))
        if concept.get("code", "").startswith("X"):
            pick = labels
        elif name.endswith("业") and len(name) >= 3 and "其他" not in name:
            pick = [name]
        else:
            pick = []
        for label in pick:
            if len(label) >= 2 and label not in stop:
                out.setdefault(label, name)
    return out


def _type_tables() -> Dict[str, Dict[str, str]]:
    return {
        "Company": companies(),
        "Product": products(),
        "Place": places(),
        "Person": persons(),
        "Organization": organizations(),
    }


_user_aliases: Dict[Tuple[str, str], str] = {}


def user_alias(type_: str, name: str) -> Optional[str]:
    """The canonical name a user lexicon gave ``name`` (``=canonical``), or None."""
    return _user_aliases.get((type_, name)) if _user_aliases else None


def add_user_lexicon(path) -> int:
    """Add entries from a user file; returns how many were added.

    The format is jieba's user dictionary plus a type column: one entry per line,
    ``name [freq] [pos] type [=canonical]``, fields separated by whitespace, ``type``
    one of ``Person Company Organization Product Industry Place``; ``=canonical``
    makes ``name`` an alias of that entity (``阿里 Company =阿里巴巴``: both are one
    node, whatever the documents say). Lines starting with ``#`` are comments. An Industry entry becomes an altLabel of the taxonomy
    concept it names when it is one, else a new top concept.

    Raises
    ------
    ValueError
        One line: the file, line number and what is wrong.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"cannot read user lexicon {path}: {e}") from None
    entries: List[Tuple[str, str, Optional[int], Optional[str]]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        canonical = None
        if len(parts) > 2 and parts[-1].startswith("=") and len(parts[-1]) > 1:
            canonical = parts.pop()[1:]
        if len(parts) < 2 or parts[-1] not in ENTITY_TYPES:
            raise ValueError(f"{path}:{lineno}: expected 'name [freq] [pos] type [=canonical]' "
                             f"with type in {', '.join(ENTITY_TYPES)}")
        name, etype, middle = parts[0], parts[-1], parts[1:-1]
        if canonical:
            from .normalize import normalize_text

            _user_aliases[(etype, normalize_text(name))] = normalize_text(canonical)
        freq = int(middle[0]) if middle and middle[0].isdigit() else None
        pos = middle[-1] if middle and not middle[-1].isdigit() else None
        entries.append((name, etype, freq, pos))
    tables = _type_tables()
    for name, etype, _freq, _pos in entries:
        if etype == "Industry":
            _add_industry(name)
        else:
            tables[etype].setdefault(name, name if etype in ("Place", "Organization") else "")
    for fn in list(_listeners):
        fn(entries)
    return len(entries)


def _add_industry(label: str) -> None:
    known = lookup_industry(label)
    if known is None:
        taxonomy()[label] = {"code": "U", "broader": [], "altLabels": []}
        industry_lookup()[normalize_label(label)] = label
        industry_surface_labels()[label] = label
    else:
        industry_surface_labels().setdefault(label, known)


def on_user_lexicon(fn) -> None:
    """Register ``fn(entries)`` to run after each :func:`add_user_lexicon`."""
    if fn not in _listeners:
        _listeners.append(fn)
