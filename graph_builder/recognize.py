"""Rule and lexicon entity recognition: the baseline NER.

``recognize(doc)`` runs every recogniser in :data:`RECOGNIZERS` over the
sentences of a segmented document and merges their candidate mentions into
``doc.mentions``: sorted by start, non-overlapping, ``name`` = the text of
``doc.norm`` under the span, ``method`` = the recogniser's name.

A recogniser is a function ``fn(ctx: Context) -> list[Mention]`` with a
``priority`` attribute (set by :func:`recognizer`). When candidates overlap,
a candidate inside a longer one of the same type is dropped first; then the
higher priority wins, then the longer span, then the earlier one. Another
source (a statistical tagger) joins by appending a function:

>>> def crf_mentions(ctx):          # doctest: +SKIP
...     return [...]                # Mentions with method="crf"
>>> crf_mentions.priority = 65      # doctest: +SKIP
>>> RECOGNIZERS.append(crf_mentions)  # doctest: +SKIP

Examples
--------
>>> from graph_builder.doc import Document
>>> doc = recognize(Document(id="d", text="腾讯公司微信事业群副总裁耿志军表示"))
>>> [(m.name, m.type) for m in doc.mentions]
[('腾讯公司', 'Company'), ('耿志军', 'Person')]
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from . import lexicon
from .doc import Document, Mention, Token

# POS tags (jieba's set; ``un`` unknown word, ``nnt`` job title, ``eng`` Latin word).
_PROPER = frozenset(("nr", "nrt", "nrfg", "ns", "nt", "nz", "eng", "un", "j"))
_NOUNISH = frozenset(("n", "vn", "an", "ng", "nr", "nrt", "nrfg", "ns", "nt", "nz", "eng", "un", "j", "l", "b"))
_NAME_TAGS = frozenset(("nr", "nrt", "nrfg"))
# Tags that never belong inside a name: verbs, prepositions, particles, pronouns,
# conjunctions, adverbs, numerals, measure words, locality and time words, punctuation.
_BREAK = frozenset(("v", "vd", "p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "rr", "rz", "c", "d", "m",
                    "q", "f", "t", "tg", "x", "w", "y", "e", "o", "zg", "ad", "nnt"))
# Next to a job title a given name may be any word but these (魏 + 大同/d is a name).
_LOOSE_BREAK = frozenset(("p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "c", "x", "w", "y", "e", "o", "m", "q", "nnt",
                          "r", "f"))
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_LATIN_DIGIT = re.compile(r"[A-Za-z].*\d|\d.*[A-Za-z]")
# Alphanumeric model names: Mate 70, iPhone 16 Pro Max, GPT-4o, SU7, Model Y, Hi-MO 9, Qwen3-Max, Galaxy Z Flip7.
_MODEL = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z][A-Za-z]+(?:-[A-Za-z]+)?(?: [A-Z][A-Za-z]*)*[ -]?[A-Z]?[0-9]{1,4}(?:\.[0-9]{1,2}(?![0-9]))?"
    r"[A-Za-z]{0,2}(?:-(?:[A-Z]{1,2}|[A-Z][a-z]{1,9}|mini|turbo|[0-9]{2,4})(?![A-Za-z0-9]))*|[A-Z][a-z]+ [A-Z])"
    r"(?: (?:Pro\+?|Max|Plus|Ultra|mini|Lite|SE|Turbo))*(?![A-Za-z0-9])"
)
_YEARISH = re.compile(r"(?:19|20)\d\d$")
#: A year written after a name, with or without a space (CES 2026).
_YEAR_TAIL = re.compile(r" ?(?:19|20)\d\d$")
# Further targets joined by slashes after a first one (PD-1/VEGF, HER2/HER3): bounded, no backtracking.
_TARGET_PAIR = re.compile(r"(?:/[A-Za-z0-9-]{1,8}){0,3}")


def _drug_target_at(text: str, end: int) -> bool:
    """Whether a code ending at ``end`` names a drug target: a target word follows, maybe after
    further slash-joined targets (PD-1抑制剂, PD-1/VEGF双抗, GLP-1双受体)."""
    after = _TARGET_PAIR.match(text, end).end()
    heads = lexicon.cues_longest_first("target_head")
    return text.startswith(heads, after) or (
        text[after:after + 1] in ("双", "三") and text.startswith(heads, after + 1))


# A version number written after a model name (大模型4.0, V3, 2.5).
_VERSION = re.compile(r"[Vv]?\d{1,2}(?:\.\d{1,2})?$")
# The phase of a fund (二期, 3期) written after its name.
_PHASE = re.compile(r"^[一二三四五六七八九十\d]期$")
# Quotes and brackets that may enclose a product name after a product cue.
# Function characters jieba's HMM may glue into an unknown word.
_GLUE = "在于为和是了的也将与及被对向从把由说称等"
#: Recognisers at least this sure may swallow shorter candidates of other types.
_SWALLOW = 60
_OPEN_CLOSE = {"“": "”", "\"": "\"", "《": "》", "「": "」", "『": "』"}


# --------------------------------------------------------------------------- context


class Context:
    """What the recognisers share for one document: tokens per sentence and the lexicons."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.norm = doc.norm or doc.text
        self.sentences: List[List[Token]] = _tokens_by_sentence(doc)
        self.companies = lexicon.companies()
        self.ambiguous = lexicon.ambiguous_companies()
        self.products = lexicon.products()
        self.places = lexicon.places()
        self.titles = lexicon.titles()
        self.surnames = lexicon.surnames()
        self.stop = lexicon.stopwords()
        self.csuf = lexicon.suffixes("company")
        self.osuf = lexicon.suffixes("org")
        self.industries = lexicon.industry_surface_labels()
        self.persons = lexicon.persons()
        self.orgs = lexicon.organizations()

    def mention(self, start: int, end: int, etype: str, method: str, score: float) -> Mention:
        return Mention(start, end, etype, self.norm[start:end], method=method, score=score)

    def is_known(self, word: str) -> bool:
        """A word some lexicon already types (so no other rule should take it as a name)."""
        return (word in self.companies or word in self.products or word in self.places
                or word in self.titles or word in self.industries or word in self.stop)


def _tokens_by_sentence(doc: Document) -> List[List[Token]]:
    out: List[List[Token]] = []
    toks = doc.tokens
    k = 0
    for s in doc.sentences:
        while k < len(toks) and toks[k].start < s.start:
            k += 1
        first = k
        while k < len(toks) and toks[k].end <= s.end:
            k += 1
        out.append(toks[first:k])
    return out


def recognizer(priority: int) -> Callable:
    """Decorator: give a recogniser its priority and register it in :data:`RECOGNIZERS`."""
    def wrap(fn):
        fn.priority = priority
        RECOGNIZERS.append(fn)
        return fn
    return wrap


#: The recognisers, in registration order; append more (e.g. a CRF) at run time.
RECOGNIZERS: List[Callable[[Context], List[Mention]]] = []


_PREFIXES: Dict[int, Tuple[int, frozenset, frozenset]] = {}


def _prefix_sets(table) -> Tuple[frozenset, frozenset]:
    """(proper prefixes of the table's entries, those prefixes and the entries): cached, rebuilt
    when a user lexicon grows the table."""
    got = _PREFIXES.get(id(table))
    if got is None or got[0] != len(table):
        prefixes = frozenset(k[:n] for k in table for n in range(1, len(k)))
        got = (len(table), prefixes, prefixes | frozenset(table))
        _PREFIXES[id(table)] = got
    return got[1], got[2]


def _lexicon_spans(toks: Sequence[Token], table, max_tokens: int = 4):
    """(i, j) token ranges whose joined text is in ``table``, longest first at each start.

    Lexicon words are single jieba tokens (the segmenter's dictionary holds
    them), so joining only goes on while the text so far starts an entry.
    """
    prefixes, starters = _prefix_sets(table)
    n = len(toks)
    # Only a token in the table or starting an entry can start a span: one pass
    # picks them out (most tokens are neither), the scan visits only those.
    nxt = 0
    for i in [k for k, t in enumerate(toks) if t.text in starters]:
        if i < nxt:
            continue  # inside the span just taken
        text = toks[i].text
        best = i + 1 if text in table else 0
        j = i + 1
        while text in prefixes and j < n and j - i < max_tokens:
            # Tokens separated by a space join with it ("Model Y").
            text += (" " if toks[j].start > toks[j - 1].end else "") + toks[j].text
            j += 1
            if text in table:
                best = j
        if best:
            yield i, best
            nxt = best


# --------------------------------------------------------------------------- companies


#: A stock code in brackets right after a name (张家界(000430.SZ), 腾讯控股(00700.HK)): the name is the firm.
_STOCK_CODE = re.compile(r"[(（](?:股票代码[:：]?|证券代码[:：]?)?\d{4,6}(?:\.(?:SZ|SH|HK|BJ))?[)）]")


def _listed_with_firms(ctx: Context, toks: Sequence[Token], i: int, j: int) -> bool:
    """Whether tokens ``i:j`` stand in a 、 list next to a known firm (五粮液、泸州老窖、郎酒等白酒企业):
    a listed name that is also a word is a firm among firms."""
    def firm(t: Token) -> bool:
        return t.text in ctx.companies and t.text not in ctx.ambiguous

    return j + 1 < len(toks) and toks[j].text == "、" and firm(toks[j + 1]) \
        or i >= 2 and toks[i - 1].text == "、" and firm(toks[i - 2])


@recognizer(priority=80)
def lexicon_companies(ctx: Context) -> List[Mention]:
    """Listed-company short names and well-known companies from the lexicon."""
    out = []
    for toks in ctx.sentences:
        for i, j in _lexicon_spans(toks, ctx.companies):
            name = ctx.norm[toks[i].start:toks[j - 1].end]
            if name in ctx.ambiguous and not _STOCK_CODE.match(ctx.norm, toks[j - 1].end) \
                    and not _listed_with_firms(ctx, toks, i, j):
                continue  # 太阳能, 机器人: a company only with a suffix (company_suffix_rule) or its stock code
            if name in ctx.places and i > 0 and toks[i - 1].end == toks[i].start and toks[i - 1].text in ctx.places:
                continue  # 北京 + 中关村: a name that is also a place, after a city, is the place
            if name in ctx.places and i > 0 and toks[i - 1].text in ("在", "于") and toks[i - 1].pos == "p" \
                    and j < len(toks) and toks[j].pos in ("v", "vn"):
                continue  # 在 + 中关村 + 发布: where something is done, a name that is also a place is the place
            nxt = toks[j] if j < len(toks) and toks[j].start == toks[j - 1].end else None
            if nxt is not None and nxt.text in lexicon.cues("unit_head"):
                head = max((name[:k] for k in range(2, len(name)) if name[:k] in ctx.companies
                            and name[:k] not in ctx.ambiguous), key=len, default="")
                if head:  # 华为终端 + BG: the firm's unit; the known firm's name is the shorter one
                    out.append(ctx.mention(toks[i].start, toks[i].start + len(head), "Company", "lexicon_companies", 0.95))
                    continue
            # 网易 + 游戏: a business word after the known name, the CRF reads both as one firm
            line = nxt is not None and nxt.pos == "n" and nxt.text in ctx.industries and nxt.text not in ctx.csuf
            if nxt is not None and (nxt.pos in ("nr", "nrt", "un", "nz") and not ctx.is_known(nxt.text) or line) \
                    and _HAN.match(nxt.text) and len(nxt.text) == 2 \
                    and nxt.text not in ctx.csuf and any(
                        t == "Company" and s == toks[i].start and e == nxt.end and sc >= 0.9 for s, e, t, sc in _crf_raw(ctx) or ()):
                # 智谱 + 华章/nr: a longer name the CRF reads whole, the known short name only its head
                out.append(ctx.mention(toks[i].start, nxt.end, "Company", "lexicon_companies", 0.9))
                continue
            out.append(ctx.mention(toks[i].start, toks[j - 1].end, "Company", "lexicon_companies", 0.95))
    return out


@recognizer(priority=80)
def lexicon_organizations(ctx: Context) -> List[Mention]:
    """Bodies from the lexicon (欧盟, 东盟, 世界银行: no suffix says they are no firm or place; 民革, 工信部).

    A listed name that opens a longer name the CRF reads as one body (中国科学院 + 物理研究所) is left to it.
    """
    crf = _crf_raw(ctx) or ()
    out = []
    for toks in ctx.sentences:
        for i, j in _lexicon_spans(toks, ctx.orgs):
            start, end = toks[i].start, toks[j - 1].end
            if any(s <= start and end <= e and e - s > end - start and t in ("Organization", "Company")
                   and sc >= CRF_MIN_SCORE[t] for s, e, t, sc in crf):
                continue
            out.append(ctx.mention(start, end, "Organization", "lexicon_organizations", 0.95))
    return out


_TIER_RANK = {"weak": 0, "core": 1, "strong": 2}


def _suffix_of(word: str, table: Dict[str, str]) -> Optional[str]:
    """The longest suffix of ``word`` in ``table`` that leaves at least two characters."""
    for k in range(min(len(word) - 2, 8), 0, -1):
        if word[-k:] in table:
            return word[-k:]
    return None


def _verb_glued_name(word: str) -> bool:
    """Whether ``word`` is a dictionary verb with one character glued after it (开发新 + 能源,
    开发新 + 材料): jieba's cut before a weak suffix, no firm's name."""
    from .segment import word_tag

    return len(word) == 3 and word_tag(word[:2]) == "v" and _HAN.match(word) is not None


@recognizer(priority=90)
def company_suffix_rule(ctx: Context) -> List[Mention]:
    """``X公司 / X集团 / X股份有限公司 / X科技``: X is the proper-noun run before the suffix.

    Strong suffixes (legal forms) take a place name and common nouns in X
    (深圳市腾讯计算机系统有限公司); core ones (公司, 集团, 银行) need a proper noun
    at the start of X and no verbs; weak ones (科技, 汽车) need a known company or
    an unknown/foreign word right before them.
    """
    out = []
    csuf = ctx.csuf
    for toks in ctx.sentences:
        n = len(toks)
        i = 0
        while i < n:
            w = toks[i].text
            if w not in csuf:
                # A dictionary word that already ends in a suffix (招商银行, 三星电子公司).
                suf = _suffix_of(w, csuf) if toks[i].pos == "nt" else None
                # 商业银行 + 领域: a kind of firm named as a sector, no firm
                sector = i + 1 < n and toks[i + 1].start == toks[i].end and toks[i + 1].text in ("领域", "行业", "产业")
                # 选举章慕 + 华为公司 + 独立董事: a name jieba cut, its last character glued to 为公司 ("as the
                # company's director"), no firm
                named = suf and w[:-len(suf)].endswith("为") and i > 0 and toks[i - 1].end == toks[i].start \
                    and toks[i - 1].text[:1] in ctx.surnames and i + 1 < n and toks[i + 1].text in ctx.titles
                if suf and csuf[suf] != "weak" and w not in ctx.stop and w not in ctx.companies \
                        and csuf.get(w[:-len(suf)], "weak") == "weak" \
                        and not _org_word(ctx, w) and not sector and not named:  # 中国人民银行: the central bank is no company
                    # (创投 + 公司, 投资 + 公司: a kind of firm made of two heads names none)
                    out.append(ctx.mention(toks[i].start, toks[i].end, "Company", "company_suffix_rule", 0.8))
                i += 1
                continue
            # The chain of suffix tokens: 集团 控股 有限公司.
            j = i
            while j + 1 < n and toks[j + 1].text in csuf and toks[j + 1].start == toks[j].end \
                    and not (csuf[toks[j].text] == "strong" and toks[j].text.endswith("公司")) \
                    and not _investment_after_head(toks, j):
                j += 1  # (a legal form ends the name: 交通银行股份有限公司 + 投资管理部)
            tiers = [csuf[toks[k].text] for k in range(i, j + 1)]
            joined = ctx.norm[toks[i].start:toks[j].end]
            if joined in csuf:
                tiers.append(csuf[joined])  # 投资 + 基金: the chain is a fund's legal head
            if i > 0 and toks[i - 1].end == toks[i].start and ctx.norm[toks[i - 1].start:toks[j].end] in csuf:
                i -= 1  # 产业 + 投资基金: a head that starts with a word of its own
                tiers.append(csuf[ctx.norm[toks[i].start:toks[j].end]])
            tier = max(tiers, key=_TIER_RANK.get)
            if j + 1 < n and toks[j + 1].text in ("了", "过") and toks[j + 1].start == toks[j].end:
                i = j + 1  # 战略投资了X: the suffix word is a verb here
                continue
            if toks[j].text == "控股" and j + 1 < n and (toks[j + 1].text == "的" or (
                    toks[j + 1].text[:1] in "子孙" or toks[j + 1].text.startswith("股东"))
                                                        and toks[j + 1].start == toks[j].end):
                # (芯源微 + 控股 + 股东: the controlling shareholder of the firm, no firm named X控股)
                if j == i:
                    i += 1  # 格力电器控股的X: 控股 is the verb "holds", no part of the name
                    continue
                j -= 1
            if toks[j].text == "股份" and j + 1 < n and toks[j + 1].pos in ("p", "uj", "m", "v"):
                i = j + 1  # 增持公司股份至5%: shares, not a company named 股份
                continue
            if j == i and i > 0 and toks[i - 1].end == toks[i].start and _investment_after_head(toks, i - 1):
                i = j + 1  # 获得腾讯音乐娱乐集团 + 投资。: the investment the firm made, not a firm named X投资
                continue
            if toks[j].text == "投资" and j == i and j + 1 < n and (toks[j + 1].pos in ("m", "ul") or _amount_after(toks, j + 1)):
                i = j + 1  # 拟在四川遂宁投资30亿元: the verb invest and its amount, no fund
                continue
            if tier == "core" and toks[j].text in lexicon.cues("firm_head") and j + 1 < n and toks[j + 1].start == toks[j].end \
                    and (toks[j + 1].pos in _NAMEY_TAGS or toks[j + 1].pos == "nr") and toks[j + 1].text not in ctx.titles:
                i = j + 1  # 四足机器人公司蓝岭机器人: 公司 is the kind of firm before its name here
                continue
            if tier != "strong" and j + 1 < n and toks[j + 1].start == toks[j].end and (
                    _business_line(ctx, toks[j + 1].text)
                    or tier == "weak" and (toks[j + 1].text in lexicon.cues("industry") or toks[j + 1].text == "市场")):
                i = j + 1  # 诺基亚网络业务总裁, 投资银行业务: the word names a business line, not a firm;
                continue   # 水田机械市场, 支线航空行业: a sector before its cue, not a firm
            if tier == "weak" and _kind_before_model(ctx, toks, i, j):
                i = j + 1  # 腔镜机器人QT-Surge, 液冷储能柜: a product kind before its model or noun, no firm
                continue
            start_tok = _company_run(ctx, toks, i, tier)
            if start_tok is not None and tier != "strong" and _known_firm_and_verb(ctx, toks, start_tok, i, j):
                start_tok = None
            if start_tok is not None and tier == "weak" and start_tok == i - 1 and _verb_glued_name(toks[start_tok].text):
                start_tok = None  # 合作 + 开发新 + 能源: a verb jieba glued to the next character, no name
            if start_tok is not None and tier == "weak" and j + 1 < n and toks[j + 1].start == toks[j].end \
                    and (toks[j + 1].text in ctx.osuf or toks[j + 1].text == "联合" and j + 2 < n
                         and toks[j + 2].start == toks[j + 1].end and toks[j + 2].text in ctx.osuf):
                start_tok = None  # 西北衣林科技 + 大学, 类脑智能 + 联合实验室: the business word is part of a body's name
            if start_tok is not None and j == i and toks[i].text == "公司" and i > 0 and len(toks[i - 1].text) >= 2 \
                    and (toks[i - 1].text[-1] in "为是" or toks[i - 1].text[-1] == "任" and i > 1
                         and len(toks[i - 2].text) == 2 and toks[i - 2].text in ctx.surnames) \
                    and toks[i - 1].end == toks[i].start:
                start_tok = None  # 韩立 + 平为 + 公司首席风险官, 诸葛 + 晴任 + 公司: after a name jieba cut, no firm
            if start_tok is not None and i - start_tok >= 2 and any(
                    t.text in _post_verbs() for t in toks[start_tok + 1:i]):
                start_tok = None  # 邵一鸣 + 现任/n + 公司董事长: a person's post, not a firm named 邵一鸣现任公司
            if start_tok is not None and ctx.norm[toks[i].start - 1:toks[i].start] == "该":
                start_tok = None  # 此前任该 + 公司副总经理: "this company", jieba glued 该 to the verb
            if start_tok is not None and toks[j].text == "资产" and i - start_tok == 1 and toks[start_tok].text in ctx.companies:
                start_tok = None  # 华润资产出售: a known firm's assets, not a firm named X资产
            if start_tok is not None and tier == "weak" and toks[j].text == "数据" and (
                    start_tok and toks[start_tok - 1].text in ("据", "根据")
                    or j + 1 < n and toks[j + 1].text in ("显示", "表明", "称")):
                start_tok = None  # 据Omdia数据, Omdia数据显示: the source's figures, not a firm named Omdia数据
            held_by = start_tok is not None and toks[j].text == "控股" and (j > i or start_tok < i) and start_tok > 0 \
                and toks[start_tok - 1].text == "由" and (j + 1 >= n or toks[j + 1].pos == "x")
            if held_by:
                j -= 1  # 长鑫存储由合肥产投 + 控股。: 控股 is the verb "holds", no part of the name
            if start_tok is not None:
                first = toks[start_tok]
                start = first.start
                if first.pos == "un":
                    # An unknown word that swallowed a function character (包由弗迪): start after it.
                    cut = max(first.text.rfind(c) for c in _GLUE)
                    if cut + 1 < len(first.text):  # 顺为资本: a glue character ending the word is its own
                        start += cut + 1
                end = toks[j].end
                if j + 1 < n and toks[j + 1].start == end and _PHASE.match(toks[j + 1].text) \
                        and toks[j].text.endswith("基金"):
                    end = toks[j + 1].end  # 产业投资基金二期: the fund's phase is part of its name
                if tier != "strong" and _country_pair_stem(ctx, start, toks[j].end):
                    i = j + 1
                    continue  # 中美 + 医药 + 合作: short forms of two countries before a sector word, no firm
                if toks[j].text == "公司" and j + 1 < n and toks[j + 1].start == toks[j].end and (
                        toks[j + 1].text.endswith("部") or toks[j + 1].text in lexicon.cues("unit_head")
                        or j + 2 < n and toks[j + 2].start == toks[j + 1].end and toks[j + 2].text == "部"):
                    i = j + 1
                    continue  # 工商银行 + 公司金融部: 公司 opens a department's name (corporate banking)
                held = ctx.norm.rfind("旗下", start, toks[j].start)
                if held >= 0:
                    # 中国移动 + 旗下 + 产业基金: the owner and what it holds, not one name; the rest
                    # stands alone only when it is more than a kind of firm
                    start = held + 2
                    stem = ctx.norm[start:toks[j].start]
                    if _generic_firm(ctx, start, end) or len(stem) < 2 or _common_word(stem) \
                            or stem in ctx.industries or lexicon.lookup_industry(stem) is not None:
                        i = j + 1
                        continue
                if toks[j].end - start > len(toks[j].text):
                    out.append(ctx.mention(start, end, "Company", "company_suffix_rule", 0.85))
            i = j + 2 if held_by else j + 1
    return out


def _investment_after_head(toks: Sequence[Token], j: int) -> bool:
    """Whether ``投资`` after the firm head ``toks[j]`` (集团, 公司) ends the clause (获得X集团投资。):
    the investment received, no part of the name (X集团投资有限公司 goes on)."""
    return toks[j].text.endswith(("集团", "公司", "资本", "国际", "创投")) and toks[j + 1].text in ("投资", "入股", "注资") \
        and (j + 2 >= len(toks) or toks[j + 2].pos == "x" or _amount_after(toks, j + 2))


def _amount_after(toks: Sequence[Token], k: int) -> bool:
    """Whether an amount (10亿元, 约80亿元) starts at ``toks[k]``: the word before it is the verb
    invest (博世集团 + 投资约10亿元, 新区 + 投资80亿元), no head of a name."""
    if k < len(toks) and toks[k].text in lexicon.cues("amount_hedge"):
        k += 1
    return k < len(toks) and toks[k].pos == "m" and toks[k].text[:1].isdigit()


def _kind_before_model(ctx: Context, toks: Sequence[Token], i: int, j: int) -> bool:
    """Whether the business word ``toks[i:j+1]`` (机器人, 储能) ends a product kind rather than a firm
    name: a Latin model code (腔镜机器人QT-Surge, 巡田机器人R200) or a one-character noun (储能 + 柜)
    is glued after it, and the word before it is no known company (小米汽车SU7 stays the maker)."""
    n = len(toks)
    if j + 1 >= n or toks[j + 1].start != toks[j].end or i == 0 or toks[i - 1].text in ctx.companies:
        return False
    nxt = toks[j + 1]
    code = nxt.pos == "eng" and nxt.text[:1].isupper() and (
        any(c.isdigit() for c in nxt.text) or ctx.norm[nxt.end:nxt.end + 1] == "-")
    noun = len(nxt.text) == 1 and _HAN.match(nxt.text) is not None and nxt.pos in ("n", "ng", "a")  # 生物 + 基
    return (code and toks[j].text in lexicon.cues("product_noun")) or noun


def _org_word(ctx: Context, word: str) -> bool:
    """A name whose organisation head is longer than its company head (中国人民银行: 人民银行 over 银行)."""
    if word in ctx.orgs or word in ctx.osuf:
        return True
    org = _suffix_of(word, ctx.osuf)
    return org is not None and len(org) > len(_suffix_of(word, ctx.csuf) or "")


def _business_line(ctx: Context, word: str) -> bool:
    """Whether ``word`` heads a business line or an internal unit (业务, 银行业务, 事业部)."""
    return word.endswith("业务") or word in lexicon.cues("unit_head")


def _after_firm_head(ctx: Context, start: int, end: int) -> int:
    """Start of a company span moved past a firm noun inside it that a name follows
    (四足机器人公司蓝岭机器人 → 蓝岭机器人, 美国药企欧加隆 → 欧加隆): the words before it describe the firm."""
    text = ctx.norm
    best = start
    for head in lexicon.cues("firm_head"):
        k = text.rfind(head, start + 1, end)
        while k > start:
            after = k + len(head)
            if end - after >= 2 and _HAN.match(text[after:after + 1]) and text[after:end] not in ctx.csuf \
                    and not text.startswith(("的", "与", "和"), after):
                best = max(best, after)
                break
            k = text.rfind(head, start + 1, k)
    return best


def _leading_place(ctx: Context, start: int, end: int) -> int:
    """Length of a place (two to four characters, the longest) that opens ``start:end`` and leaves
    something after it (澳大利亚 + 子公司, 新加坡 + 支付公司), else 0."""
    return next((k for k in (4, 3, 2) if end - start > k and ctx.norm[start:start + k] in ctx.places), 0)


def _generic_firm(ctx: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` describes a firm instead of naming it: a firm noun after a relation word
    (合资公司, 子公司) or after a place and ordinary words (新加坡支付公司, 美国科技公司)."""
    text = ctx.norm
    head = next((h for h in ("公司", "企业") if text.endswith(h, start, end)), None)
    if head is None:
        return False
    before = text[start + _leading_place(ctx, start, end - len(head)):end - len(head)]
    return not before or before in _NOT_FIRM_MODIFIERS or (
        _HAN.match(before) is not None and len(before) <= 4 and _common_word(before) and before not in ctx.companies)


def _after_country(ctx: Context, start: int, end: int) -> int:
    """Start of a company span moved past a place written before a known company (德国博世集团 →
    博世集团, 韩国现代汽车集团 → 现代汽车集团): the place says where the firm is from, unless the
    whole is a known name (中国平安) or a registered legal name (深圳市…有限公司)."""
    text = ctx.norm
    whole = text[start:end]
    legal = _suffix_of(whole, ctx.csuf)
    if whole in ctx.companies or (legal and ctx.csuf[legal] == "strong"):
        return start
    for k in (2, 3):
        rest = text[start + k:end]
        if len(rest) < 2 or text[start:start + k] not in ctx.places:
            continue
        if _known_firm_name(ctx, rest):
            return start + k
    return start


def _known_firm_name(ctx: Context, name: str) -> bool:
    """Whether ``name`` is a known company, as written or without its company suffix (博世集团)."""
    suf = _suffix_of(name, ctx.csuf)
    return name in ctx.companies or bool(suf) and name[:-len(suf)] in ctx.companies


def _known_firm_and_verb(ctx: Context, toks: Sequence[Token], k: int, i: int, j: int) -> bool:
    """Whether the run ``k:i`` before suffix tokens ``i..j`` is a known company doing something, not
    a longer name: 蚂蚁集团 + 战略投资 (a known name that ends in a company head, words after it),
    美团 + 投资的 (the business word is the verb of a relative clause)."""
    first = toks[k].text
    if first in ctx.companies and _suffix_of(first, ctx.csuf) and i - k > 1:
        return True
    return i - k == 1 and first in ctx.companies and j == i and toks[i].pos in ("v", "vn") \
        and j + 1 < len(toks) and toks[j + 1].text == "的"


def _company_run(ctx: Context, toks: Sequence[Token], i: int, tier: str) -> Optional[int]:
    """Index of the first token of the company name whose suffix starts at token ``i``."""
    k = i
    chars = 0
    limit = 20 if tier == "strong" else 10
    while k > 0:
        t = toks[k - 1]
        if t.end != toks[k].start and not (t.pos == "eng" and toks[k].pos == "eng"):
            break  # a space between Chinese words ends the name
        w = t.text
        # A registered name may hold a business word listed as a stop word (长河半导体产业投资基金).
        stop = w in ctx.stop and not (tier == "strong" and (w in ctx.csuf or w in ctx.industries or (
            toks[k].text in ctx.csuf)))  # (合肥市 + 产业 + 投资 + 控股集团: a business word before a head word)
        # 声海/un + 互动/d + 文化传媒有限公司: a two-character adverb jieba read inside a registered name
        inner_d = tier == "strong" and t.pos == "d" and len(w) >= 2 and k >= 2 and toks[k - 2].end == t.start \
            and toks[k - 2].pos in ("un", "nz", "nt", "j", "nrt", "nr")
        if (t.pos in _BREAK and not (tier == "strong" and t.pos == "v" and len(w) >= 2) and not inner_d) or stop \
                or w in ctx.titles or w in ctx.products:
            break
        if (t.pos in _NAME_TAGS or t.pos == "un" and ctx.surnames.get(w[0], 0) >= 10) and len(w) >= 3 and w[-1] == "任":
            break  # 由贾明任集团总裁: a name with the verb 任 glued on, not a company
        if w in _appointment_words():
            break  # 杜青禾曾任X有限公司: the verb before the employer is no part of its name
        if _SHORT_NAME_INTRO.fullmatch(w):
            break  # （下称 + 国泰世华银行）: the word introducing a short name is no part of it
        if _QUANTITY.fullmatch(w) and (w[-1].islower() or w.endswith(("Ah", "Wh"))):
            break  # 314Ah + 储能电芯, 5nm + 芯片: a quantity and its unit, no name (3M + 公司 is one)
        if w in lexicon.cues("founding_verb"):
            break  # 在广州 + 设立 + X有限公司: the firm founded, the place and verb before it no part of it
        if tier == "strong" and k < i and (w.endswith("公司") or w == "工作室" or w in lexicon.cues("firm_head")) \
                or tier == "core" and k < i and w in lexicon.cues("firm_head") and w not in ctx.csuf:
            break  # 散热初创公司 + 冷擎科技股份有限公司, 游戏工作室 + 雾岛互动网络科技有限公司, 运营商 + 和睦康医疗集团:
            # the kind, then the name
        suf = _suffix_of(w, ctx.csuf) if len(w) >= 3 else None
        if suf and ctx.csuf[suf] != "weak" and ctx.csuf.get(w[:-len(suf)], "weak") != "weak":
            break  # 旗下创投公司 + 联发创新基金: a kind of firm made of two heads ends the name before it
        if w in lexicon.cues("deal_verb") or w[:2] in lexicon.cues("deal_verb") and tier != "strong":
            break  # 已增持 + 储能企业, 将联合开发 + 生物基: jieba tags these deal verbs un/nt, no name
        if t.pos == "un" and w[0] in "这那该此其本":
            break  # 这是公司: jieba glued a demonstrative and a verb, no name
        if w in _NOT_FIRM_MODIFIERS and tier != "strong":
            break  # 大众汽车旗下软件公司: the parent and 旗下 are no part of the unit's name
        known = w in ctx.companies
        # Registered names hold business verbs (台湾积体电路制造股份有限公司).
        strong_word = tier == "strong" and (t.pos in _NOUNISH or t.pos in ("v", "vn") and len(w) >= 2)
        if not (known or t.pos in _PROPER or strong_word or inner_d or (tier == "weak" and k == i)
                or (tier == "core" and t.pos in _NOUNISH and k - 1 < i and _proper_before(ctx, toks, k - 1))):
            break
        chars += 2 if t.pos == "eng" else len(w)  # a Latin word counts as one short word (Lightspeed Venture Partners)
        if chars > limit:
            break
        k -= 1
        if known and tier != "strong":
            break  # 比亚迪汽车: the run is the known name, nothing before it
    while k < i and (toks[k].pos in ("v", "vn") or toks[k].text in ctx.stop):
        k += 1  # a name does not start with a verb (收购X有限公司) or a bare business word
    if tier == "strong":
        # 运营 + 主体 + 杭州山野餐饮管理有限公司: common words before the place a registered name
        # opens with say what the firm is (not 中国石化 + 上海石油化工股份有限公司, a known firm)
        p = k
        while p < i - 1 and toks[p].pos in ("n", "vn") and toks[p].text not in ctx.places \
                and toks[p].text not in ctx.companies:
            p += 1
        if k < p < i - 1 and toks[p].pos == "ns" and toks[p].text in ctx.places:
            k = p
    if k == i:
        return None
    run = toks[k:i]
    if tier == "weak":
        # 杭州云栈科技: a city written before the brand belongs to the name as written.
        lead = int(len(run) == 2 and run[0].text in ctx.places and run[1].text not in ctx.places
                   and run[1].pos != "eng" and run[1].text not in ctx.companies)
        # 星河科技, 蓝鲸动力, TCL科技: one brand-like word before the business word.
        if not (len(run) - lead == 1 or all(t.pos == "eng" for t in run)):
            return None
        t = run[lead]
        if t.pos == "eng" and len(t.text) == 1:
            return None  # 5G-A网络: a single Latin letter is no brand
        brand = t.text in ctx.companies or t.pos in ("nz", "eng", "un", "nt", "j", "nrt", "nr") or (
            t.pos in ("n", "ns") and len(t.text) == 2 and _rare(t.text) and t.text not in ctx.industries)
        if (not brand or t.text in ctx.places or (t.pos == "nt" and _suffix_of(t.text, ctx.osuf))
                or t.text in lexicon.cues("product_modifier")):  # 新款智能手表: 新款 is no brand
            return None
        if t.pos in ("n", "ns") and k > 0 and not lead and toks[k - 1].end == t.start and toks[k - 1].pos in _NOUNISH:
            return None  # 半固态电池: the word is part of a longer noun phrase
        if t.pos == "n" and k > 0 and not lead and toks[k - 1].text == "的" and _common_word(t.text):
            return None  # 统一超商的 + 门店 + 网络: a common noun a firm has, no brand
    if tier != "strong" and all(t.text in ctx.places for t in run) and toks[i].text not in ("产投", "创投"):
        return None  # 北京公司: a place and a generic head (合肥产投: a city's investment fund is a name)
    if tier != "strong" and len(run) == 1 and len(run[0].text) == 1 and run[0].pos not in ("eng", "nt", "nz"):
        return None  # 该公司, 子公司 split oddly
    name = ctx.norm[run[0].start:toks[i].start]
    if name in ctx.stop:
        return None
    return k


_NAME_RUN_TAGS = frozenset(("nz", "nt", "un", "n", "nr", "ns", "j", "eng", "nrt", "b"))


@recognizer(priority=62)
def subsidiary_rule(ctx: Context) -> List[Mention]:
    """``旗下子公司星河智造负责整机生产``: the name right after 子公司 is a company.

    The run is one to three name-like tokens (2-10 characters) ending before a verb,
    preposition or punctuation; a run that is one ordinary word is no name.
    """
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        for i, t in enumerate(toks):
            if t.text not in lexicon.cues("subsidiary_head"):
                continue
            j = i + 1
            if j < n and toks[j].text == "的":
                j += 1
            k = j
            while k < n and k - j < 3 and toks[k].pos in _NAME_RUN_TAGS and toks[k].start == toks[k - 1].end \
                    and toks[k].text not in ctx.stop and toks[k].text not in lexicon.cues("subsidiary_head"):
                k += 1
            if k == j or k >= n or toks[k].pos not in ("v", "p", "x", "d", "c", "uj", "vn"):
                continue
            if k - j > 1 and toks[k - 1].text in lexicon.cues("name_tail"):
                k -= 1  # 代子公司国泰人寿 + 公告: the announcement, no part of the name
            name = ctx.norm[toks[j].start:toks[k - 1].end]
            if not 2 <= len(name) <= 10 or (k - j == 1 and _common_word(name)) or name in ctx.places:
                continue
            out.append(ctx.mention(toks[j].start, toks[k - 1].end, "Company", "subsidiary_rule", 0.75))
    return out


#: Tags a bare company name introduced by a cue may hold (云迹/n 光年/n, 深瞳/un 智联/ns).
_INTRO_TAGS = frozenset(("nz", "nt", "un", "n", "ns", "j", "nrt", "nr", "b", "eng"))
#: Tags that may end such a name: a verb, preposition, time word, 的 or punctuation follows it.
_INTRO_ENDS = frozenset(("v", "p", "x", "d", "c", "uj", "t", "vn"))


@recognizer(priority=61)
def firm_intro_rule(ctx: Context) -> List[Mention]:
    """``一家名为深瞳智联的初创公司``, ``竞争对手Mistral AI完成``, ``创立的云迹光年近日``: the name
    right after an introducing word (``firm_intro_cues.txt``) is a company.

    The name is a Latin run or one to three glued name-like tokens (2-10 characters) that a
    verb, time word, 的 or punctuation ends; one ordinary word alone, a place, a product, an
    industry or a firm noun (品牌, 公司) is none, and neither is a name the CRF types otherwise.
    """
    cues = lexicon.cues("firm_intro")
    heads = lexicon.cues("firm_head")
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        for i, t in enumerate(toks):
            if t.text not in cues and not (t.text == "的" and i and toks[i - 1].text + "的" in cues):
                continue
            j = i + 1
            k = _latin_end(ctx, toks, j)
            if k == j or not any(c.isalpha() for c in ctx.norm[toks[j].start:toks[k - 1].end]):
                k = j
                while k < n and k - j < 3 and toks[k].pos in _INTRO_TAGS and toks[k].start == toks[k - 1].end \
                        and _HAN.match(toks[k].text) and toks[k].text not in ctx.stop and toks[k].text not in ctx.titles:
                    k += 1
            if k == j or k >= n or toks[k].pos not in _INTRO_ENDS and toks[k].text not in ctx.csuf:
                continue
            run = toks[j:k]
            name = ctx.norm[run[0].start:run[-1].end]
            if not 2 <= len(name) <= (30 if name.isascii() else 10) or name in ctx.places or ctx.is_known(name) \
                    and name not in ctx.companies or name in ctx.orgs or _suffix_of(name, ctx.osuf):
                continue
            if not name.isascii() and any(r.text in heads or r.text in ctx.csuf or r.text in ctx.industries
                                          or r.text in ctx.places or r.pos in _NAME_TAGS and len(run) == 1 for r in run):
                continue  # 创立的教育公司, 竞争对手张三: a kind of firm or a person, not a name
            if _HAN.match(name) and all(_common_word(r.text) for r in run):
                continue  # 竞争对手阵营: ordinary words
            if not _crf_none_but(ctx, run[0].start, run[-1].end, "Company"):
                continue
            out.append(ctx.mention(run[0].start, run[-1].end, "Company", "firm_intro_rule", 0.7))
    return out


@lru_cache(maxsize=1)
def _appointment_words() -> frozenset:
    """Verbs that introduce an employer or a person (曾任, 出任, 聘任), never inside a company name."""
    return lexicon.cues("person") | lexicon.cues("appoint") | frozenset(
        w for w, tag in lexicon.function_words().items() if tag == "v")


def _rare(word: str) -> bool:
    """A dictionary word rare enough to be a brand (星河, 蓝鲸), not a business noun (汽车)."""
    from .segment import word_freq

    return word_freq(word) < 300


def _proper_before(ctx: Context, toks: Sequence[Token], k: int) -> bool:
    """Whether a proper noun or known company stands right before token ``k`` (阿里 云 公司)."""
    return k > 0 and toks[k - 1].end == toks[k].start and (toks[k - 1].pos in _PROPER or toks[k - 1].text in ctx.companies)


def _proper_run_before(ctx: Context, toks: Sequence[Token], j: int, most: int = 3) -> int:
    """Start token of a run of up to ``most`` glued name-like tokens ending before token ``j``.

    The run must start with a proper noun (or a known company) and hold no
    verbs, titles, stop words or places on their own; returns ``j`` if none.
    """
    k = j
    while k > 0 and j - k < most:
        t = toks[k - 1]
        if k < j and t.end != toks[k].start:
            break
        if t.pos in _BREAK or (t.text in ctx.stop and t.text not in ctx.csuf) or t.text in ctx.titles or not (
                t.pos in _NOUNISH or t.text in ctx.companies):
            break
        k -= 1
    if j - k >= 2 and toks[j - 1].text in ctx.csuf and toks[k].text not in ctx.stop:
        return k  # 青松创投: before a company head a common noun is a brand
    while k < j and not (toks[k].pos in _PROPER or toks[k].text in ctx.companies):
        k += 1  # 老股东钱塘资本: common nouns in front are no part of the name
    return k


#: Words before a funding verb that say how the investor invests (战略领投, 联合领投), not who.
_INVEST_MANNER = frozenset(("战略", "联合", "共同", "独家"))


@recognizer(priority=72)
def investor_cue_rule(ctx: Context) -> List[Mention]:
    """``X领投 / X跟投 / X参投``: the name right before a funding verb is a company (the investor)."""
    cues = lexicon.cues("investor")
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        for i, t in enumerate(toks):
            w = t.text
            # jieba cuts 跟投 into 跟 + 投.
            if not (w in cues or (w == "跟" and i + 1 < n and toks[i + 1].text == "投" and toks[i + 1].start == t.end)):
                continue
            k = _proper_run_before(ctx, toks, i)
            if k == i or toks[i - 1].end != t.start:
                continue
            run = toks[k:i]
            held = [x for x, r in enumerate(run) if r.text == "旗下"]
            if held:
                run = run[:held[0]]  # 国投招商 + 旗下基金 + 跟投: the owner is the investor named
                if not run:
                    continue
            if len(run) == 1 and (run[0].text in ctx.places or run[0].pos in _NAME_TAGS):
                continue  # 北京领投 / 张三跟投: a place or a person, not a firm
            if run[-1].text == "个人" or any(x.pos in _NAME_TAGS for x in run[-2:]):
                continue  # 许思远个人跟投: a person investing in their own name
            start = run[0].start
            if run[0].pos == "un" and run[0].text[0] in _GLUE and len(run) > 1:
                start += 1  # 由璞石/un + 资本: jieba glued the preposition to an unknown name
            while len(run) > 1 and run[-1].pos in ("b", "d") and run[-2].text in ctx.csuf:
                run = run[:-1]  # 峰瑞资本 + 超额/b + 跟投: how much it invests, no part of the name
            if len(run) > 1 and run[-1].text in _INVEST_MANNER:
                run = run[:-1]  # 安踏体育 + 战略 + 领投: how it invests, no part of the name
            out.append(ctx.mention(start, run[-1].end, "Company", "investor_cue_rule", 0.75))
    return out


@recognizer(priority=42)
def partner_rule(ctx: Context) -> List[Mention]:
    """``与Y签署 / 和Y达成``: an unknown proper name between 与/和 and a deal verb is a company.

    Places, persons, organisations and lexicon words stay with their own rules
    (与上海市签署, 与清华大学达成): the rule takes only names nothing else types.
    """
    cues = lexicon.cues("partner")
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        for i, t in enumerate(toks):
            if t.text not in ("与", "和", "同") or i + 1 >= n:
                continue
            j = i + 1
            while j < n and (j - i <= 2 or j - i <= 3 and toks[j].pos == "eng") and toks[j].pos not in _BREAK:
                j += 1  # 与沙特ACWA Power: a foreign name may take two words
            if j == i + 1 or j >= n or j - i > 4:
                continue
            # 近日/正式 may stand between the partner and the verb.
            v = j + 1 if toks[j].pos in ("t", "d") and j + 1 < n else j
            if toks[v].text not in cues:
                continue
            run = toks[i + 1:j]
            if any(r.end != q.start and not (r.pos == q.pos == "eng") for r, q in zip(run, run[1:])):
                continue
            if len(run) > 1 and run[0].text in ctx.places and all(r.pos == "eng" for r in run[1:]):
                run = run[1:]  # 与沙特ACWA Power联合: the country before a foreign name is no part of it
            if len(run) > 1 and lexicon.place_kinds().get(run[0].text) == "country" \
                    and not _crf_firm_from(ctx, run[0].start, run[0].end):
                run = run[1:]  # 与日本万代南梦宫签署: the country stays a Place of its own (not 瑞士诺华, split later)
            first = run[0]
            if first.pos not in _PROPER or first.pos in _NAME_TAGS or ctx.is_known(first.text) and len(run) == 1:
                continue
            if first.text in ctx.places and len(run) == 1 or first.text in ctx.orgs:
                continue
            name = ctx.norm[first.start:run[-1].end]
            if len(name) < 2 or name in ctx.stop or _suffix_of(name, ctx.osuf) or name in ctx.places \
                    or not _crf_none_but(ctx, first.start, run[-1].end, "Company"):
                continue
            out.append(ctx.mention(first.start, run[-1].end, "Company", "partner_rule", 0.6))
    return out


#: Tags of tokens that make a run a written name rather than plain words (昆仑 + 芯远, CARIAD).
_NAMEY_TAGS = frozenset(("un", "nz", "nt", "j", "eng", "nrt"))
#: Words glued before a firm noun that refer back or name a relation, not a kind of firm (该公司, 子公司).
_NOT_FIRM_MODIFIERS = frozenset(("该", "本", "子", "母", "分", "孙", "这家", "那家", "一家", "各", "每", "多家",
                                 "合资", "控股", "全资", "上市", "旗下", "下属", "关联", "参股", "空壳"))


def _latin_end(ctx: Context, toks: Sequence[Token], j: int, most: int = 4) -> int:
    """End token index of a Latin name starting at token ``j`` (ACWA Power, SK On, C AR IAD split by jieba).

    Tokens must be ASCII letters/digits, glued or joined by one space; returns ``j`` if none.
    """
    k = j
    n = len(toks)
    while k < n and k - j < most:
        w = toks[k].text
        if not (w.isascii() and w.isalnum()):
            break
        if k > j:
            gap = ctx.norm[toks[k - 1].end:toks[k].start]
            if gap not in ("", " "):
                break
        k += 1
    return k


def _glued_plan(t: Token) -> bool:
    """An unknown two-character word that opens with a plan or tense adverb glued to a preposition
    (太古可口可乐 + 拟以/un + 约12亿港元收购): the clause's verb phrase starts there, no name goes on."""
    return t.pos == "un" and len(t.text) == 2 and t.text[0] in "拟将已" and t.text[1] in "以向对在于从与"


def _name_run_after(ctx: Context, toks: Sequence[Token], j: int) -> int:
    """End token index of a written name starting at token ``j`` that a verb, preposition or punctuation
    ends, or ``j`` if none: one to three glued name-like tokens, at least one of them a name tag
    (昆仑/ns 芯远/un), or a Latin name."""
    n = len(toks)
    k = _latin_end(ctx, toks, j)
    if k > j and any(c.isalpha() for c in ctx.norm[toks[j].start:toks[k - 1].end]):
        return k if k >= n or toks[k].pos not in _NOUNISH or toks[k].text in ctx.csuf else j
    k = j
    while k < n and k - j < 3 and toks[k].pos in _NAME_RUN_TAGS and (k == j or toks[k].start == toks[k - 1].end) \
            and toks[k].text not in ctx.stop and toks[k].text not in ctx.titles \
            and not (k > j and toks[k].text in lexicon.cues("firm_verb")) \
            and not (k > j and _glued_plan(toks[k])) \
            and (toks[k].pos not in _NAME_TAGS or toks[k].pos == "nrt" and k == j and _translit(toks[k].text)):
        k += 1  # (a transliterated word alone is a foreign brand: 机器人公司库卡)
    if k == j or k >= n or toks[k].pos not in ("v", "p", "x", "d", "c", "uj", "vn", "t") \
            and toks[k].text not in lexicon.cues("firm_verb") and not _glued_plan(toks[k]):  # (天合新能 + 发布公告/n)
        return j
    if not any(t.pos in _NAMEY_TAGS for t in toks[j:k]):
        return j
    return k


@lru_cache(maxsize=1)
def _post_verbs() -> frozenset:
    """Verbs that put a post (and its employer) after them (兼任X首席技术官, 曾任X副总裁): the
    appointment words and the ``post_verb`` cues."""
    return _appointment_words() | lexicon.cues("post_verb")


@recognizer(priority=63)
def employer_before_title_rule(ctx: Context) -> List[Mention]:
    """``兼任TCL华星首席技术官``, ``曾任Medivo首席技术官``: a written name between an appointment
    verb and a job title is the employer, a company unless an organisation suffix ends it."""
    verbs = _post_verbs()
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        for i in range(n - 2):
            if toks[i].text not in verbs:
                continue
            j = k = i + 1
            while k < n and k - j < 3 and (toks[k].pos in _NAMEY_TAGS or toks[k].text.isascii() and toks[k].text.isalnum()) \
                    and (k == j or ctx.norm[toks[k - 1].end:toks[k].start] in ("", " ")):
                k += 1
            if k == j or k >= n or toks[k].start != toks[k - 1].end:
                continue
            if toks[k].text not in ctx.titles and toks[k].pos != "nnt":
                continue
            if k - 1 > j and len(toks[k - 1].text) >= 3 and toks[k - 1].text.endswith("区") \
                    and toks[k - 1].text[:-1] in ctx.places:
                k -= 1  # 联想集团 + 中国区 + 副总裁: the employer's sales region is a unit, no part of its name
            if k - 1 > j and toks[j].text in ctx.companies \
                    and all(t.text in lexicon.cues("industry_activity") for t in toks[j + 1:k]):
                continue  # 中芯国际 + 研发 + 总监: the known firm, then the work its unit does (a unit, no name)
            name = ctx.norm[toks[j].start:toks[k - 1].end]
            if not 2 <= len(name) <= 12 or ctx.is_known(name) or name in ctx.orgs or name in ctx.places \
                    or _suffix_of(name, ctx.osuf) or any(t.pos in _NAME_TAGS for t in toks[j:k]) \
                    or (_HAN.match(name) and _common_word(name)):  # 历任研发工程师: a field, not an employer
                continue
            out.append(ctx.mention(toks[j].start, toks[k - 1].end, "Company", "employer_before_title_rule", 0.7))
    return out


@recognizer(priority=64)
def firm_head_rule(ctx: Context) -> List[Mention]:
    """``AI芯片企业昆仑芯远发布…``, ``软件公司CARIAD``: a written name right after a firm noun
    with a modifier glued before it is a company.

    The modifier keeps back-references out (该公司将, 子公司, 合资公司已); the name is a Latin
    run or one to three glued tokens holding an unknown or proper word, ended by a verb,
    preposition or punctuation, and no place, title, industry or person on its own.
    """
    heads = lexicon.cues("firm_head") | lexicon.cues("startup_head")
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        for i in range(1, n - 1):
            t = toks[i]
            if t.text not in heads:
                continue
            prev = toks[i - 1]
            if (prev.end != t.start or prev.pos in ("r", "m", "q", "v", "d", "p", "c", "uj", "x")
                    or prev.text in _NOT_FIRM_MODIFIERS) and t.text not in lexicon.cues("startup_head"):
                continue
            j = i + 1
            if _person_tagged_firm(ctx, toks, j) or _leader_named(ctx, toks, i):
                # 零售企业 + 鲜邻惠/nr + 完成: jieba reads the brand as a person's name; a firm verb after it
                # and the tagger's company span make it the firm the head introduces
                out.append(ctx.mention(toks[j].start, toks[j].end, "Company", "firm_head_name", 0.75))
                continue
            k = _name_run_after(ctx, toks, j)
            if k == j:
                q = _quoted_name_after(ctx, toks[j].start)
                if q is not None and q[1] - q[0] >= 2:  # 智慧农业企业“田间大脑”: the quotes hold the name
                    name = ctx.norm[q[0]:q[1]]
                    if not (name in ctx.places or name in ctx.industries or name in ctx.titles or name in ctx.stop
                            or name in ctx.orgs or _suffix_of(name, ctx.osuf)
                            or any(name.endswith(w) for w in lexicon.cues("product_non_head"))):
                        out.append(ctx.mention(q[0], q[1], "Company", "firm_head_rule", 0.75))
                    continue
                k = _plain_name_before_firm_verb(ctx, toks, j) if _startup_head(toks, i) else j
                if k == j:
                    continue
            name = ctx.norm[toks[j].start:toks[k - 1].end]
            if k - j == 1 and len(name) <= 2 and toks[j].pos not in ("nz", "nt", "nrt", "j") \
                    and not (toks[j].pos == "un" and toks[k].text in lexicon.cues("firm_verb")):
                continue  # 云厂商送样: a two-character unknown word alone is more often a verb than a name
                # (unless what a firm does follows: 芯片设计公司灵汐宣布)
            if not 2 <= len(name) <= (30 if name.isascii() else 16) or name in ctx.places or name in ctx.industries or name in ctx.titles \
                    or name in ctx.products or name in ctx.stop or name in ctx.orgs:
                continue
            if toks[j].text in lexicon.cues("product_modifier") \
                    or any(u.text in lexicon.cues("product_noun") for u in toks[j:k]):
                continue  # 新公司 + 首款车型bZ7: the firm's first model, a product named after its kind
            out.append(ctx.mention(toks[j].start, toks[k - 1].end, "Company", "firm_head_rule", 0.75))
    return out


def _person_tagged_firm(ctx: Context, toks: Sequence[Token], j: int) -> bool:
    """Whether token ``j`` (right after a firm noun) is a brand jieba tagged as a person's name: a
    three-character ``nr`` word glued to a firm verb (宣布, 完成) that the CRF does not tag as a person."""
    if j + 1 >= len(toks):
        return False
    t, nxt = toks[j], toks[j + 1]
    return (t.pos == "nr" and len(t.text) == 3 and _HAN.match(t.text) is not None
            and nxt.start == t.end and nxt.text in lexicon.cues("firm_verb") - _SPEECH_VERBS
            and t.text not in ctx.titles and t.text not in ctx.places
            and not _crf_overlaps(ctx, t.start, t.end, "Person"))


def _leader_named(ctx: Context, toks: Sequence[Token], i: int) -> bool:
    """Whether the word after the leader noun ``toks[i]`` (羽绒服行业龙头 + 波司登/nr + 9月) is a brand
    jieba tagged as a person's name: two to four Han characters glued to the noun, no place or title,
    ended by a break word (a date, a verb, punctuation) and no Person span of the tagger."""
    j = i + 1
    if j + 1 >= len(toks) or not toks[i].text.endswith(lexicon.cues_longest_first("leader")):
        return False
    t, nxt = toks[j], toks[j + 1]
    return (t.pos in ("nr", "nrfg") and 2 <= len(t.text) <= 4 and t.start == toks[i].end
            and _HAN.match(t.text) is not None and (nxt.pos in _BREAK or nxt.text in lexicon.cues("firm_verb"))
            and t.text not in ctx.titles and t.text not in ctx.places
            and not _crf_overlaps(ctx, t.start, t.end, "Person"))


#: Firm verbs a person says too (王建国表示): after a firm noun they do not mark a brand.
_SPEECH_VERBS = frozenset(("表示", "称", "透露", "计划", "近日", "日前", "正式", "联合"))


def _startup_head(toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a startup or subsidiary noun (初创/n + 企业/n counts)."""
    t = toks[i]
    return t.text in lexicon.cues("startup_head") or t.text in ("企业", "公司") and i > 0 and toks[i - 1].text == "初创" \
        and toks[i - 1].end == t.start


def _plain_name_before_firm_verb(ctx: Context, toks: Sequence[Token], j: int) -> int:
    """End token of a bare name of one or two glued Han words (2-5 characters, common nouns
    allowed: 算力 + 方舟, 跑腿 + 侠) that a firm verb (宣布, 获得, 推出) ends, else ``j``."""
    n = len(toks)
    k = j
    while k < n and k - j < 2 and _HAN.match(toks[k].text) and toks[k].pos not in _BREAK \
            and toks[k].text not in lexicon.cues("firm_verb") and toks[k].text not in ctx.titles \
            and toks[k].text not in ctx.stop and (k == j or toks[k].start == toks[k - 1].end):
        k += 1
    if k == j or k >= n or toks[k].text not in lexicon.cues("firm_verb") or toks[k].start != toks[k - 1].end:
        return j
    name = ctx.norm[toks[j].start:toks[k - 1].end]
    if not 2 <= len(name) <= 5 or len(toks[j].text) < 2 or k - j == 1 and _common_word(name) \
            or name in ctx.places or name in ctx.industries or toks[j].text in ctx.places:
        return j
    return k


def _quoted_name_after(ctx: Context, pos: int) -> Optional[Tuple[int, int]]:
    """Span of the text inside quotes that open at ``pos`` (“田间大脑”, 「智匯雲端」), or None: 2-12
    characters without punctuation inside."""
    m = _QUOTED.match(ctx.norm, pos)
    if m is None or ctx.norm[pos] == "《":
        return None
    return m.start(1), m.end(1)


#: Words right before a bare company name at the start of its phrase (由, 和, 据).
_NAME_OPENERS = frozenset(("和", "与", "及", "由", "、", "据", "而", "且"))
#: Tags of two-character words that never belong inside a bare brand name (推动储能, 国内储能).
_NOT_IN_BRAND = frozenset(("v", "vn", "vd", "d", "p", "r", "c", "t", "f", "ad", "a", "q", "uj", "nnt"))


def _head_name_start(ctx: Context, toks: Sequence[Token], i: int) -> Optional[int]:
    """Start (a character offset) of a bare brand of two or three characters that ends right before
    the business word ``toks[i]`` (阳 和 + 氢能, 驭 途 + 智驾, 星 纪元 + 半导体), or None.

    jieba cuts an unknown brand into single characters or rare words; the brand must start a
    phrase (sentence start, punctuation, a firm noun or 和/由 before it), hold no ordinary
    two-character word (推动储能, 国内储能) and be no place, person or known word.
    """
    heads = lexicon.cues("firm_head")
    for width in (2, 3):
        s = toks[i].start - width
        k = i
        while k > 0 and toks[k - 1].start > s:
            k -= 1
        if k == 0 or toks[k - 1].start != s:
            continue
        k -= 1
        if any(t.end != u.start for t, u in zip(toks[k:i], toks[k + 1:i + 1])):
            continue
        run = toks[k:i]
        prev = toks[k - 1] if k else None
        if run[0].pos == "un" and run[0].text[0] in _GLUE + "以而据" and len(run[0].text) >= 2 and width == 3:
            s, prev = s + 1, run[0]  # 由国/un + 新 + 基金: jieba glued the preposition to the name
        elif prev is not None and not (prev.pos == "x" or prev.text in heads or prev.text in _NAME_OPENERS):
            continue
        elif len(run[0].text) == 1 and len(run) > 1 and (run[0].pos in ("p", "c", "uj", "r", "d") or run[0].pos in (
                "m", "q", "t", "f") and len(run[1].text) >= 2):  # (零 + 贰: an unknown name cut into characters)
            continue  # 而 + 以/p + 绿城集团, 5月 + 日 + 海航集团: a function or date word before the name
        name = ctx.norm[s:toks[i].start]
        if not _HAN.match(name) or ctx.is_known(name) and name not in ctx.companies or name in ctx.orgs \
                or name in ctx.surnames \
                or any(len(t.text) >= 2 and (t.pos in _NOT_IN_BRAND or t.pos == "m" and _common_word(t.text)
                                             or _common_word(t.text) or t.text in ctx.places or t.text in ctx.titles)
                       for t in run) \
                or len(run) == 1 and (_common_word(name) or run[0].pos in _NAME_TAGS and len(name) >= 3):
            continue  # (贾明任/nr + 集团总裁: a full name with a verb glued on, not a brand)
        if not _crf_none_but(ctx, s, toks[i].end, "Company"):
            continue  # (云栖/nr + 游戏: jieba's name tag alone is no person where the CRF sees none)
        return s
    return None


@recognizer(priority=60)
def firm_name_head_rule(ctx: Context) -> List[Mention]:
    """``海珀储能宣布``, ``企业驭途智驾完成``, ``璞跃资本领投``: a bare brand and a business word
    (``company_suffixes.txt``: 储能, 资本, 半导体) followed by what a company does
    (``firm_verbs.txt``: 宣布, 完成, 领投) or a job title is a company; so is a brand before a word
    that ends firm names only where the firm acts (``firm_name_heads.txt``: 星澜游戏发布, 零跑国际将).

    This is where jieba cuts the brand into characters (阳 + 和 + 氢能), so the suffix rule's
    one-brand-word test does not apply; the phrase start and the verb after keep ordinary
    noun phrases (发展储能, 家庭储能) out.
    """
    verbs = lexicon.cues("firm_verb")
    csuf = ctx.csuf
    heads = lexicon.cues("firm_name_head")
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        for i in [k for k in range(1, n - 1) if toks[k].text in csuf or toks[k].text in heads]:  # few tokens are heads
            t = toks[i]
            if not _HAN.match(t.text) or toks[i + 1].start != t.end \
                    or t.text in lexicon.cues("firm_head") or toks[i - 1].text in _GLUE and i >= 2 \
                    and toks[i - 2].pos in _NAME_TAGS and len(toks[i - 2].text) >= 2:
                continue  # 公司 alone is a generic noun, and 柯一 + 为 + 公司 holds a preposition
            nxt = toks[i + 1]
            acts = nxt.text in verbs or nxt.text in ctx.titles or nxt.pos == "nnt"
            if not acts and nxt.pos not in ("x", "v", "p", "uj", "d"):
                continue
            s = _head_name_start(ctx, toks, i)
            before = _token_at(ctx, s - 1) if s else None
            if s is not None and (acts or before is not None and before.text in lexicon.cues("firm_head")):
                # (企业昕原半导体，: a firm noun introduces the name whatever follows it)
                out.append(ctx.mention(s, t.end, "Company", "firm_name_head_rule", 0.7))
    return out


#: Firm verbs a product name may also take (Windows发布, 新款推出), or a person (McCredie透露):
#: no evidence for a Latin company.
_PRODUCT_TOO = frozenset(("发布", "推出", "正式", "近日", "日前", "联合", "成立", "表示", "称", "透露"))


@recognizer(priority=70)
def latin_firm_rule(ctx: Context) -> List[Mention]:
    """``Marvell宣布``, ``Nium首席执行官``: one Latin word that opens a phrase and is followed by what
    a company does (``firm_verbs.txt``) or by a job title is a company.

    The CRF often reads such a word as a person; a Latin person's name is written with two words
    (Benjamin Lu) or in Chinese characters, so one word alone before a firm verb or a title is a firm.
    """
    verbs = lexicon.cues("firm_verb") - _PRODUCT_TOO
    heads = lexicon.cues("firm_head")
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        for j in [k for k in range(n - 1) if toks[k].pos == "eng"]:
            t = toks[j]
            if not (t.text.isascii() and t.text.isalpha()) or len(t.text) < 3 or not t.text[0].isupper():
                continue  # (api, xigua: a lower-case word is a nickname or a term, not a firm)
            if t.start and (ctx.norm[t.start - 1].isascii() and not ctx.norm[t.start - 1] in "(\"'"):
                continue  # MACV-SOG, Rockstar Games, Min-Liang Tan: the end of a longer Latin name
            prev = toks[j - 1] if j else None
            if prev is not None and not (prev.pos == "x" and prev.text not in "“\"《「『" or prev.text in heads
                                         or prev.text in _NAME_OPENERS and prev.text != "据"):
                continue  # (据SEC披露: a source after 据 is as often a regulator as a firm)
            nxt = toks[j + 1]
            if nxt.start != t.end or not (nxt.text in verbs or nxt.text in ctx.titles or nxt.pos == "nnt"):
                continue
            if ctx.is_known(t.text) and t.text not in ctx.companies or t.text in ctx.orgs:
                continue
            out.append(ctx.mention(t.start, t.end, "Company", "latin_firm_rule", 0.75))
    return out


#: Words that join the members of a list (华为、小米和荣耀).
_LIST_JOINERS = frozenset(("、", "和", "及", "与", "以及"))
#: The one-character joiners, found by looking at the character after a name.
_JOINER_CHARS = "".join(sorted(j for j in _LIST_JOINERS if len(j) == 1))


def _member_before(ctx: Context, toks: Sequence[Token], j: int) -> int:
    """Start token index of the list member that ends before token ``j`` (up to 3 glued name-like
    tokens, or a Latin name), or ``j`` if none."""
    k = j
    while k > 0 and j - k < 3:
        t = toks[k - 1]
        if k < j and t.end != toks[k].start and not (t.pos == "eng" and toks[k].pos == "eng"):
            break
        if t.pos in _BREAK or t.pos == "vn" or t.pos not in _NOUNISH and not (t.text.isascii() and t.text.isalnum()) \
                or t.text in ctx.titles or (t.text in ctx.stop and t.text not in ctx.csuf) or t.text in _NOT_FIRM_MODIFIERS:
            break
        k -= 1
        if t.text in ctx.companies or t.text in ctx.products:
            break  # 获得腾讯、…: a known company or product starts the member
    return k


def _member_after(ctx: Context, toks: Sequence[Token], i: int) -> int:
    """End token index of the list member that starts at token ``i``, or ``i`` if none."""
    n = len(toks)
    k = _latin_end(ctx, toks, i)
    if k > i:
        return k
    while k < n and k - i < 3:
        t = toks[k]
        if k > i and t.start != toks[k - 1].end:
            break
        if t.pos in _BREAK or t.pos == "vn" or t.pos not in _NOUNISH or t.text in ctx.titles \
                or (t.text in ctx.stop and t.text not in ctx.csuf):
            break
        k += 1
        if t.text in ctx.companies or t.text in ctx.products:
            break  # 与宁德时代合资, 在京东和天猫上线: a known company or product ends the member
    return k


def _firm_member(ctx: Context, name: str) -> bool:
    """A list member that is a company by itself: a listed company or a name with a company head."""
    suf = _suffix_of(name, ctx.csuf)
    if name in ctx.orgs:
        return False  # 人民银行: a regulator, so its list is not one of firms
    return name in ctx.companies and name not in ctx.ambiguous or (suf is not None and ctx.csuf[suf] != "weak")


@recognizer(priority=66)
def company_list_rule(ctx: Context) -> List[Mention]:
    """``获得国投创业、合肥产投和招银国际的投资``: in a list that holds a known company, the other
    written names are companies too.

    Members are glued name-like runs joined by 、/和/及/与; a member counts as a name when
    it holds an unknown, proper or Latin word (合肥 + 产投, vivo) and is no place, person,
    title, industry or product on its own.
    """
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        members: List[Tuple[int, int]] = []
        i = 0
        while i < n:
            if toks[i].text not in _LIST_JOINERS:
                i += 1
                continue
            a = _member_before(ctx, toks, i)
            b = _member_after(ctx, toks, i + 1) if i + 1 < n else i + 1
            if a < i and b > i + 1:
                if not members or members[-1] != (a, i):
                    if members and (members[-1][1] < a - 1 or members[-1][1] == a - 1
                                    and toks[a - 1].text not in _LIST_JOINERS):
                        # (理想汽车和小鹏汽车 + 在 + 增程与纯电路线: a word between ends the list)
                        out.extend(_list_companies(ctx, toks, members))
                        members = []
                    members.append((a, i))
                members.append((i + 1, b))
                i = b
                continue
            i += 1
            if members and toks[i - 1].text in _LIST_JOINERS:
                out.extend(_list_companies(ctx, toks, members))
                members = []
        out.extend(_list_companies(ctx, toks, members))
    return out


def _list_companies(ctx: Context, toks: Sequence[Token], members: List[Tuple[int, int]]) -> List[Mention]:
    """Company mentions for the unknown names of one list, when one member is a known company."""
    if len(members) < 2:
        return []
    names = [ctx.norm[toks[a].start:toks[b - 1].end] for a, b in members]
    # A known maker glued to a model number (阿维塔12) is a product, not a firm member of the list.
    firm = [_firm_member(ctx, nm) and not (b < len(toks) and toks[b].start == toks[b - 1].end
                                          and toks[b].text[:1].isascii() and toks[b].text[:1].isalnum())
            for (a, b), nm in zip(members, names)]
    if not any(firm):
        return []
    out = []
    for (a, b), name in zip(members, names):
        run = toks[a:b]
        if _firm_member(ctx, name) or not 2 <= len(name) <= 12:
            continue
        if any(c.isdigit() for c in name) and not name.isascii():
            continue  # 深蓝S07和阿维塔12: a model name next to a maker, not a company
        if b - a == 1 and _common_word(name) and (run[0].pos in ("v", "vn", "a", "ad")
                                                 or a > 0 and toks[a - 1].pos in ("c", "d")):
            continue  # 并 + 深化 + 与辉达的合作: a verb (after an adverb) before the joiner, no member
        if b < len(toks) and toks[b].start == toks[b - 1].end and toks[b].text in ctx.csuf:
            continue  # 与德国安联 + 保险集团: the member only opens a longer name with its firm head
        if not any(t.pos in _NAMEY_TAGS or (t.text.isascii() and t.text.isalpha()) for t in run) \
                or any(t.pos in _NAME_TAGS for t in run) and run[0].text not in ctx.companies \
                or all(t.text in ctx.places for t in run):  # 美团 + 龙珠/nr: a firm's fund, not a person
            continue
        if name in ctx.places or name in ctx.industries or name in ctx.titles or name in ctx.products \
                or name in ctx.orgs or name in ctx.stop or _suffix_of(name, ctx.osuf) \
                or not _crf_none_but(ctx, toks[a].start, toks[b - 1].end, "Company"):
            continue
        start = _after_firm_head(ctx, toks[a].start, toks[b - 1].end)  # 美国药企欧加隆 → 欧加隆
        out.append(ctx.mention(start, toks[b - 1].end, "Company", "company_list_rule", 0.7))
    return out


def _crf_none_but(ctx: Context, start: int, end: int, etype: str) -> bool:
    """Whether no CRF span of another type than ``etype`` covers ``start:end``.

    A shorter one inside (长江 in 长江存储) does not count: the run is the longer name.
    """
    spans = _crf_raw(ctx) or []
    # a span the CRF itself would drop (below its type's floor) is no evidence either
    return not any(s <= start and end <= e and t != etype and sc >= CRF_MIN_SCORE.get(t, 0.0)
                   for s, e, t, sc in spans)


# --------------------------------------------------------------------------- persons

#: Characters written between the parts of a transliterated name (约翰·史密斯, 柯林．哈特 after NFKC).
_NAME_DOTS = "·•・‧.．"
_NAME_DOT = re.compile(r"(?<=[\u4e00-\u9fff])[·•・‧.．](?=[\u4e00-\u9fff])")


def _address_words() -> frozenset:
    return lexicon.cues("address")


def _bare_address(ctx: Context, name: str) -> bool:
    """``贝女士, 黄先生, 王总, 严董事长``: a surname with an honorific or title alone.

    Such a phrase refers to a person like a pronoun does but is no name.
    """
    for k in (2, 1):
        rest = name[k:]
        if rest and name[:k] in ctx.surnames and (rest in _address_words() or rest in ctx.titles):
            return True
    return False


def _strip_address(ctx: Context, start: int, end: int) -> int:
    """End of a person span once an honorific after the name is cut (贝佳宁女士 → 贝佳宁)."""
    for w in _address_words():
        if len(w) >= 2 and ctx.norm.endswith(w, start, end) and end - len(w) - start >= 2:
            return end - len(w)
    return end


def _after_glued_title(ctx: Context, start: int, end: int) -> int:
    """``start`` moved past the last character of a title glued to the name (控制 + 人卜凡 → 卜凡)."""
    text = ctx.norm
    if end - start >= 3 and text[start + 1] in ctx.surnames:
        heads = lexicon.cues("person_head")
        for n in range(2, 6):
            word = text[start + 1 - n:start + 1] if n <= start + 1 else ""
            if word in ctx.titles or word in heads:
                return start + 1
        # 首席医学官 + 汪来: a title the lexicon lacks, known by its last character
        # (a first character that is a common surname itself stays: 创始人任正非)
        first, second = ctx.surnames.get(text[start], 0), ctx.surnames.get(text[start + 1], 0)
        if start > 0 and _HAN.match(text[start - 1]) and text[start] in _title_final_chars(ctx) \
                and second >= 10 and first < min(100, second) and end - start <= 4:
            return start + 1
    return start


_TITLE_FINALS: Dict[int, frozenset] = {}


def _title_final_chars(ctx: Context) -> frozenset:
    """Characters that end many job titles (官, 长, 监, 师): a name never starts with one glued after a word."""
    got = _TITLE_FINALS.get(id(ctx.titles))
    if got is None:
        from collections import Counter

        counts = Counter(t[-1] for t in ctx.titles if len(t) >= 2)
        got = _TITLE_FINALS[id(ctx.titles)] = frozenset(c for c, k in counts.items() if k >= 10 and _HAN.match(c))
    return got


def _token_at(ctx: Context, pos: int) -> Optional[Token]:
    """The token of the document that covers character ``pos``, or None."""
    starts = ctx.__dict__.get("_tok_starts")
    if starts is None:
        starts = ctx.__dict__["_tok_starts"] = [t.start for t in ctx.doc.tokens]
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and ctx.doc.tokens[k].start <= pos < ctx.doc.tokens[k].end:
        return ctx.doc.tokens[k]
    return None


def _translit(text: str) -> bool:
    """Whether every Han character of ``text`` is common in transliterated names (史蒂夫奈尔斯)."""
    chars = lexicon.cue_chars("translit")
    han = [c for c in text if c not in _NAME_DOTS]
    return bool(han) and all(c in chars for c in han)


def _max_name_len(ctx: Context, name: str) -> int:
    """Longest plain Chinese name for this surname: 4 with a compound surname, else 3."""
    return 4 if len(name) >= 3 and name[:2] in ctx.surnames else 3


def _longer_name_ok(ctx: Context, start: int, end: int, new_end: int, score: float) -> bool:
    """Whether a tagger's span ``start:new_end`` may replace the shorter rule span ``start:end``.

    The extra part is a dotted part (劳拉 + ·琳妮), the rest of a transliterated name
    (史蒂夫 + 奈尔斯) or one given-name character jieba cut off (李静 + 姝, 卢伟 + 冰),
    not a function character (陈健 + 携); a one-character word jieba tags as a
    verb or adverb (周荫 + 如) only when the CRF is sure (``score`` >= 0.9).
    """
    text = ctx.norm
    extra = text[end:new_end]
    if extra[0] in _NAME_DOTS:
        return _HAN.match(extra[1:]) is not None
    if not _HAN.match(extra):
        return False
    if _translit(text[start:new_end]) and new_end - start <= 8:
        return True
    if len(extra) != 1 or extra in lexicon.cue_chars("person_glue"):
        return False
    if new_end - start > _max_name_len(ctx, text[start:new_end]):
        return False
    tok = _token_at(ctx, end)
    # 范蕴之出任: a word that follows names right after the extra character shows it ends the name
    return tok is None or not (tok.end == end + 1 and (tok.pos in _LOOSE_BREAK or tok.pos in ("v", "d"))) \
        or score >= 0.9 or _cue_after(ctx, new_end)


@lru_cache(maxsize=1)
def _after_name_words() -> "re.Pattern":
    """Words written right after a person's name: speech verbs, 则/也, 日前 (person_after.txt)."""
    words = sorted(lexicon.cues("person_after"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _cue_after(ctx: Context, pos: int, shortest: int = 1) -> bool:
    """Whether a word that follows names (表示, 则, 出任) of at least ``shortest`` characters starts
    at ``pos`` and ends on a jieba word edge."""
    m = _after_name_words().match(ctx.norm, pos)
    if m is None or m.end() - pos < shortest:
        return False
    tok = _token_at(ctx, m.end() - 1)
    return tok is None or tok.end == m.end()


def _name_before_cue(ctx: Context, start: int, shortest: int = 2) -> Optional[Tuple[int, int]]:
    """``首席财务官葛露称``, ``分析师温书瑶则提醒``: the name right after a title, read by characters.

    jieba cuts such names wrongly (温书 + 瑶则, 黄/a + 大成/v) and the CRF may miss them; a
    surname and one to three more characters followed by a word that follows names (see
    :func:`_cue_after`) is a name. The shortest such reading wins; a reading that ends in a
    function character (刘也 of 刘也表示) or is a common word or a known one is none.
    """
    text = ctx.norm
    glue = lexicon.cue_chars("person_glue")
    for size in range(shortest, 5):
        end = start + size
        name = text[start:end]
        if end >= len(text) or not _HAN.match(name):
            return None
        if size > _max_name_len(ctx, name) or ctx.surnames.get(name[0], 0) < 10 and name[:2] not in ctx.surnames:
            continue
        if not _cue_after(ctx, end, 1 if shortest < 3 else 2):  # at a clause start 也/则 alone are too weak
            continue
        if name[-1] in glue or ctx.is_known(name) or _common_word(name) or name[1:] in ctx.titles or "们" in name \
                or name[:2] not in ctx.surnames and name[:2] in ctx.titles \
                or not _crf_none_but(ctx, start, end, "Person"):
            return None
        return start, end
    return None


def _align_to_crf(ctx: Context, start: int, end: int) -> Tuple[int, int]:
    """Person span ``start:end`` of a rule, its edges moved to the CRF's where the CRF is right.

    The rules see jieba's words, which glue function characters to a name (和海涛,
    李洱以) or cut a given name (李静 + 姝); where the CRF's person span differs by
    such a character, or continues a transliterated name, its edge is taken.
    """
    spans = _crf_raw(ctx)
    if not spans:
        return start, end
    best = None
    for s, e, t, sc in spans:
        if t == "Person" and s < end and start < e and sc >= CRF_MIN_SCORE["Person"]:
            overlap = min(e, end) - max(s, start)
            if best is None or overlap > best[0]:
                best = (overlap, s, e, sc)
    if best is None:
        return start, end
    _ov, cs, ce, score = best
    text = ctx.norm
    k = end
    while k < ce and (_HAN.match(text[k]) or text[k] in _NAME_DOTS):
        k += 1
    ce = k if ce > end else ce  # 古德穆德森（bjorgolfur…）: the name ends before the bracket
    glue = lexicon.cue_chars("person_glue")
    if cs == start + 1 and text[start] in glue and ce - cs >= 2:
        start = cs  # 和海涛 → 海涛
    elif cs < start and text[start - 1] in _NAME_DOTS and _HAN.match(text[cs:start - 1]):
        start = cs  # 哈特 → 柯林.哈特
    if ce == end - 1 and text[ce] in glue and ce - start >= 2:
        end = ce  # 李洱以 → 李洱
    elif ce > end and cs <= start and _longer_name_ok(ctx, start, end, ce, score):
        end = ce
    return start, end


#: What follows 因 when it gives the reason of a departure (因工作调整, 因个人原因, 因到龄退休).
_REASON_AFTER = re.compile("工作|个人|身体|健康|家庭|年龄|到龄|届龄|退休|病")


def _person_mention(ctx: Context, start: int, end: int, method: str, score: float) -> Optional[Mention]:
    """A rule's person mention with its span checked: no honorific, CRF-aligned edges.

    Returns None for a surname with an honorific or title alone (贝女士) and for
    spans shorter than two characters.
    """
    end = _strip_address(ctx, start, end)
    start = _after_glued_title(ctx, start, end)
    if _bare_address(ctx, ctx.norm[start:end]):
        return None
    if ctx.norm[start] in lexicon.cue_chars("person_glue") and ctx.norm[start + 1:end] in ctx.surnames:
        return None  # 向薛(女士), 和宋: a function word and a surname alone
    start, end = _align_to_crf(ctx, start, end)
    while end - start > 2 and ctx.norm[end - 1] in _NAME_DOTS:
        end -= 1
    if end - start >= 3 and ctx.norm[end - 1] == "因" and _REASON_AFTER.match(ctx.norm, end):
        end -= 1  # 晏澄 + 因工作调整辞任: the preposition of the reason, no part of the name
    if end - start < 2 or _bare_address(ctx, ctx.norm[start:end]):
        return None
    if ctx.norm[start] in _FORMER and end - start >= 3 and _common_word(ctx.norm[start + 1:end]) \
            and not _crf_overlaps(ctx, start, end, "Person"):
        return None  # 原 + 技术 + 副总裁: "former" and the field of the post, no surname 原
    return ctx.mention(start, end, "Person", method, score)



def _name_token(ctx: Context, t: Token, loose: bool) -> bool:
    """A single token that is a whole person name (耿志军, 欧阳娜娜)."""
    w = t.text
    if not 2 <= len(w) <= 4:
        return False
    # The cheap surname test first: it rejects most words (all tests here are pure).
    compound = len(w) >= 3 and w[:2] in ctx.surnames
    if not (compound or ctx.surnames.get(w[0], 0) >= 10):
        return False
    if not _HAN.match(w) or ctx.is_known(w):
        return False
    if len(w) == 3 and not compound and _common_word(w[:2]):
        return False  # 智能化, 吉瓦时: a word plus a character, not surname + given name
    if len(w) == 4 and w[:2] not in ctx.surnames:
        return False
    if t.pos in _NAME_TAGS:
        return True
    if len(w) == 2 and _common_word(w):
        return False  # 项目总监, 公告: an ordinary word before a title is no name
    return loose and t.pos in ("un", "n", "nz", "j", "ns", "a", "i", "l")


def _common_word(word: str) -> bool:
    """A frequent dictionary word that is not a name (智能, 业务)."""
    from .segment import word_freq, word_tag

    return word_freq(word) >= 100 and (word_tag(word) or "") not in _NAME_TAGS


def _verb_given_name(ctx: Context, surname: Token, given: Token) -> bool:
    """Whether a two-character verb after a lone surname is the given name (宋/nr + 为民/v,
    高/nr + 建设/v): jieba tags the surname as a name, and the verb is none that follows names
    (表示, 出任) or that a firm does (宣布)."""
    return surname.pos == "nr" and len(surname.text) == 1 and ctx.surnames.get(surname.text, 0) >= 100 \
        and given.text not in _post_verbs() \
        and given.text not in lexicon.cues("firm_verb") and not _cue_after(ctx, given.start, 2)


def _name_at(ctx: Context, toks: Sequence[Token], i: int, loose: bool) -> int:
    """End token index (exclusive) of a person name starting at token ``i``, or ``i`` if none."""
    n = len(toks)
    if i >= n:
        return i
    t = toks[i]
    whole = name_token = _name_token(ctx, t, loose)
    if whole and t.text in ctx.surnames and ctx.surnames[t.text] >= 5:
        whole = False  # 欧阳 + 娜娜: try surname + given name first
    if whole:
        w = t.text
        full = 4 if w[:2] in ctx.surnames and len(w) >= 3 else 3
        if len(w) < full and i + 1 < n and toks[i + 1].start == t.end:
            g = toks[i + 1]
            # jieba's HMM cuts the last given-name character off (欧阳明 + 辉).
            if len(g.text) == 1 and _HAN.match(g.text) and g.pos in ("nr", "nz", "ng", "un", "n", "a", "g", "tg") \
                    and not ctx.is_known(g.text):
                return i + 2
        return i + 1
    # Surname token + given-name token(s): 耿 + 志军, 欧阳 + 娜娜.
    if ctx.surnames.get(t.text, 0) >= (5 if len(t.text) == 2 else 10) and i + 1 < n:
        given = 0
        j = i + 1
        while j < n and given < 2 and toks[j].start == toks[j - 1].end:
            g = toks[j]
            blocked = g.pos in _LOOSE_BREAK or (g.pos == "v" and len(g.text) > 1 and not _verb_given_name(ctx, t, g)) \
                if loose else g.pos in _BREAK
            if not _HAN.match(g.text) or blocked or ctx.is_known(g.text) or given + len(g.text) > 2:
                break
            if not loose and g.pos not in _NAME_TAGS and not (g.pos == "un" and (len(t.text) == 2 or ctx.surnames[t.text] >= 100)):
                break
            given += len(g.text)
            j += 1
        if given:
            return j
    if name_token:
        return i + 1
    return i


def _name_ending_at(ctx: Context, toks: Sequence[Token], j: int, loose: bool) -> int:
    """Start token index of a person name ending right before token ``j``, or ``j`` if none."""
    for back in (3, 2, 1):  # longest first: 欧阳 + 娜娜 before 娜娜
        i = j - back
        if i < 0:
            continue
        if _name_at(ctx, toks, i, loose) == j:
            return i
    return j


@recognizer(priority=85)
def person_title_rule(ctx: Context) -> List[Mention]:
    """Names next to job titles: 董事长王建国, 王建国董事长, 王建国出任董事长, 副总裁耿志军.

    A guess the CRF does not back must look like a name on its own (see
    :func:`_strong_name`): next to a title jieba's words are read loosely, and
    营业员和顾客 or 专家都有 would otherwise give 和顾客 and 都有.
    """
    out = []
    person_cues = lexicon.cues("person")
    heads = lexicon.cues("person_head")

    def add(toks, a, b, score):
        start, end = toks[a].start, toks[b - 1].end
        if not (_strong_name(ctx, toks, a, b) or _crf_overlaps(ctx, start, end, "Person")
                and not _crf_person_before(ctx, start, end)
                or b - a == 1 and toks[a].pos in _NAME_TAGS and b < len(toks) and toks[b].text == "、"
                and _listed_name_at(ctx, toks[b].end) is not None):  # 股东葛一、单立新: a list of names
            return
        m = _person_mention(ctx, start, end, "person_title_rule", score)
        if m is not None:
            out.append(m)

    for toks in ctx.sentences:
        n = len(toks)
        for i, t in enumerate(toks):
            # 首席 + 运营官: a title jieba split in two counts at its last part
            split_title = i > 0 and toks[i - 1].end == t.start and toks[i - 1].text + t.text in ctx.titles
            if t.text not in ctx.titles and not split_title:
                if t.text in heads:  # 清华大学博士夏语冰, 实际控制人单亦凡: a name may follow
                    j = _name_at(ctx, toks, i + 1, loose=True)
                    span = _name_before_cue(ctx, t.end) if i + 1 < n and toks[i + 1].start == t.end else None
                    if span is not None and (j == i + 1 or span[1] >= toks[j - 1].end):
                        m = _person_mention(ctx, span[0], span[1], "person_title_rule", 0.85)
                        out.extend([m] if m is not None else [])  # 股东葛一、单立新: read by characters
                    elif j > i + 1:
                        add(toks, i + 1, j, 0.85)
                continue
            # Title chains (董事长兼总经理王建国, 创始人、董事长王建国): look after the last one.
            nxt = i + 1
            if nxt < n and toks[nxt].text in ctx.titles:
                continue
            j = _name_at(ctx, toks, nxt, loose=True)
            # 分析师温书瑶则提醒, 董事长薛立群因: where jieba cut the name wrongly, read it by characters
            span = _name_before_cue(ctx, t.end) if nxt < n and toks[nxt].start == t.end else None
            if span is not None and (j == nxt or span[1] >= toks[j - 1].end):
                m = _person_mention(ctx, span[0], span[1], "person_title_rule", 0.85)
                out.extend([m] if m is not None else [])
            elif j > nxt:
                add(toks, nxt, j, 0.9)
            k = i
            while k > 0 and (toks[k - 1].text in ctx.titles or toks[k - 1].text in ("兼", "、", "暨")
                             or toks[k - 1].text + toks[k].text in ctx.titles):  # 行政 + 总裁: jieba split the title
                k -= 1
            s = _name_ending_at(ctx, toks, k, loose=True)
            if s == k - 1 and len(toks[s].text) == 2 and toks[s].text[-1] == "为" and s > 0 \
                    and toks[s - 1].end == toks[s].start and len(toks[s - 1].text) == 2 \
                    and toks[s - 1].text[0] in ctx.surnames and toks[s - 1].pos in _NAME_TAGS:
                s -= 1  # 钟以 + 宁为 + 执行董事: jieba cut the given name and glued 为 to its last character
            if s < k:
                if toks[k - 1].text[-1] == "为" and len(ctx.norm[toks[s].start:toks[k - 1].end]) >= 4:
                    # 钟离秀为副总经理: jieba glued the copula 为 to the name
                    m = _person_mention(ctx, toks[s].start, toks[k - 1].end - 1, "person_title_rule", 0.85)
                    out.extend([m] if m is not None else [])
                else:
                    add(toks, s, k, 0.85)
                continue
            # 王建国出任(腾讯公司)董事长: an appointment verb within a few tokens before the title.
            for v in range(k - 1, max(-1, k - 9), -1):
                if toks[v].pos == "x":
                    break
                w = toks[v].text
                if len(w) == 2 and w[-1] == "任" and v > 0 and toks[v - 1].end == toks[v].start \
                        and len(toks[v - 1].text) == 2 and toks[v - 1].text in ctx.surnames and _HAN.match(w[0]):
                    # 诸葛 + 晴任 + 公司首席执行官: a compound surname, the given name and the verb 任 glued
                    m = _person_mention(ctx, toks[v - 1].start, toks[v].end - 1, "person_title_rule", 0.85)
                    out.extend([m] if m is not None else [])
                    break
                if len(w) >= 3 and w[-1] == "任" and w[:-1] not in ctx.titles:
                    # 由贾明任集团总裁: jieba glues the verb 任 onto the name
                    t0 = Token(toks[v].start, toks[v].end - 1, w[:-1], "nr")
                    if _name_at(ctx, [t0], 0, loose=True) == 1:
                        m = _person_mention(ctx, t0.start, t0.end, "person_title_rule", 0.85)
                        if m is not None:
                            out.append(m)
                    break
                if w in person_cues:
                    s = _name_ending_at(ctx, toks, v, loose=True)
                    if s < v:
                        add(toks, s, v, 0.85)
                    break
    return out


#: Where a speaker's name may start a clause: after these marks or at the sentence start.
_CLAUSE_OPENERS = frozenset("，。；：！？“”\"「」")


#: Adverbs that stand between a subject and its verb (金额未披露, 双方均表示): no name ends in one.
_ADVERB_CHARS = frozenset("未不已将也都仍尚均再又还")


@recognizer(priority=62)
def person_speaker_rule(ctx: Context) -> List[Mention]:
    """``高远帆表示``, ``据东方明远介绍``: a name that opens a clause, or follows 据, and a word that
    follows names (表示, 介绍, 透露) right after it, read by characters (see :func:`_name_before_cue`).

    At a clause start the name needs three or more characters (surname and a two-character given
    name): two characters there are too often ordinary words, which the CRF judges better.
    """
    out = []
    for toks in ctx.sentences:
        for i, t in enumerate(toks):
            if t.text == "据" or t.pos == "x" and t.text in _CLAUSE_OPENERS and i + 1 < len(toks):
                starts = ((t.end, 2 if t.text == "据" else 3),)
            elif i == 0:
                starts = ((t.start, 3),)
            else:
                continue
            for start, shortest in starts:
                span = _name_before_cue(ctx, start, shortest)
                if span is None or (_token_at(ctx, start) or t).start != start \
                        or ctx.norm[span[1] - 1] in _ADVERB_CHARS:
                    continue  # 金额未披露: an adverb before the verb, no given name
                m = _person_mention(ctx, span[0], span[1], "person_speaker_rule", 0.7)
                out.extend([m] if m is not None else [])
    return out


def _strong_name(ctx: Context, toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether tokens ``a:b`` look like a full name without a tagger's support.

    Three or more characters, starting with a word jieba tags as a name (or a
    bare surname character), holding no function word, place or organisation
    abbreviation, and not starting with a common word (皮划艇, 银监会, 和顾客).
    """
    name = ctx.norm[toks[a].start:toks[b - 1].end]
    if len(name) < 3 or not _HAN.match(name):
        return False
    first = toks[a]
    if not (first.pos in _NAME_TAGS or first.pos == "un" or first.text in ctx.surnames):
        return False
    if any(t.pos in _BREAK or t.pos in ("ns", "nt", "j", "t") for t in toks[a:b]):
        return False  # (和 + 此前/t: a surname character and a time word, no name)
    if _bare_address(ctx, name) or any(t.text in _address_words() for t in toks[a:b]):
        return False
    return name[:2] in ctx.surnames or not _common_word(name[:2])


@recognizer(priority=86)
def person_dotted_rule(ctx: Context) -> List[Mention]:
    """Transliterated names written with middle dots: 约翰·史密斯, 热娜古丽·艾力, 柯林．哈特.

    Each part is a run of characters common in transliterated names (data file
    ``translit_chars.txt``) that starts and ends at a jieba word edge; where the
    characters are not all such, a CRF person span over the dot is taken instead.
    A run whose first part is a known company or place (阿里·达摩院) is no name.
    """
    out = []
    text = ctx.norm
    if not any(d in text for d in _NAME_DOTS):
        return out
    chars = lexicon.cue_chars("translit")
    nxt = 0
    for m in _NAME_DOT.finditer(text):
        dot = m.start()
        if dot < nxt:
            continue  # a later dot of a name already taken (菲利普·西摩尔·霍夫曼)
        start = dot
        while start > 0 and text[start - 1] in chars and dot - start < 6:
            start -= 1
        end = dot + 1
        while end < len(text) and (text[end] in chars or (text[end] in _NAME_DOTS and end + 1 < len(text)
                                                          and text[end + 1] in chars)) and end - dot < 12:
            end += 1
        start, end = _snap_to_words(ctx, start, end)
        span = None
        if text[start:dot] in ctx.companies or text[start:dot] in ctx.places:
            continue  # 阿里·达摩院, 中国·杭州: a company or place and what it holds
        crf = [(s, e) for s, e, t, sc in _crf_raw(ctx) or []
               if t == "Person" and s <= start < dot < end < e and sc >= CRF_MIN_SCORE["Person"]]
        if crf and _HAN.match(text[end:crf[0][1]]) and crf[0][1] - dot <= 12:
            span = _crf_person_span(ctx, start, crf[0][1])  # 克里斯蒂娜·范 + 德堡: the CRF reads the part on
        elif start < dot and end > dot + 1:
            span = (start, end)
        else:
            for s, e, t, _sc in _crf_raw(ctx) or []:
                if t == "Person" and s < dot < e - 1:
                    span = _crf_person_span(ctx, s, e)
                    break
        if span is None:
            continue
        name = text[span[0]:span[1]]
        if name in ctx.companies or name in ctx.products or name in ctx.places or _in_book_title(text, span[0]):
            continue  # 《哈利·波特》: a character in a title is no person of the news
        out.append(ctx.mention(span[0], span[1], "Person", "person_dotted_rule", 0.85))
        nxt = span[1]
    return out


def _in_book_title(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside an open pair of book-title marks (《…》)."""
    k = text.rfind("《", max(0, pos - 30), pos)
    return k >= 0 and "》" not in text[k:pos]


def _snap_to_words(ctx: Context, start: int, end: int) -> Tuple[int, int]:
    """``start:end`` shrunk to jieba word edges (a name does not start or end inside a word)."""
    tok = _token_at(ctx, start)
    if tok is not None and tok.start < start:
        start = tok.end
    tok = _token_at(ctx, end - 1) if end > start else None
    if tok is not None and tok.end > end:
        end = tok.start
    return start, end


@recognizer(priority=84)
def person_address_rule(ctx: Context) -> List[Mention]:
    """A name right before an honorific: 贝佳宁女士, 高原女士, 王一鸣博士.

    The honorific makes the word before it a name even when that word is also an
    ordinary word (高原, 安然): a surname and one or two characters that no
    lexicon types. A surname and the honorific alone (贝女士) give nothing.
    """
    address = _address_words()
    out = []
    for toks in ctx.sentences:
        for h, t in enumerate(toks):
            if h == 0 or t.text not in address or len(t.text) < 2 or toks[h - 1].end != t.start:
                continue
            s = _name_ending_at(ctx, toks, h, loose=True)
            if s == h:
                p = toks[h - 1]
                a = _after_glued_title(ctx, p.start, p.end)  # 控制 + 人卜凡 + 先生
                w = ctx.norm[a:p.end]
                # Only a courtesy form (女士, 博士), not a title (教授 of 金融系教授), makes an
                # ordinary word a name; the word is a name-like one, not a common noun or verb.
                if not (2 <= len(w) <= 3 and _HAN.match(w) and ctx.surnames.get(w[0], 0) >= 10
                        and t.text not in ctx.titles and p.pos not in _BREAK and p.pos not in ("n", "vn", "v")
                        and not ctx.is_known(w) and w not in address):
                    continue
                m = _person_mention(ctx, a, p.end, "person_address_rule", 0.85)
                if m is not None:
                    out.append(m)
                continue
            m = _person_mention(ctx, toks[s].start, toks[h - 1].end, "person_address_rule", 0.85)
            if m is not None:
                out.append(m)
    return out


@lru_cache(maxsize=1)
def _tibetan_name() -> "re.Pattern":
    parts = sorted(lexicon.cues("tibetan"), key=len, reverse=True)
    alt = "|".join(map(re.escape, parts))
    return re.compile(f"(?:{alt})(?:{alt}){{1,2}}")


@recognizer(priority=83)
def person_tibetan_rule(ctx: Context) -> List[Mention]:
    """Tibetan names: two or three name parts written together (扎西顿珠, 次仁卓玛).

    The run must start and end at jieba word edges, and the whole is no known
    place or company.
    """
    out = []
    for m in _tibetan_name().finditer(ctx.norm):
        start, end = m.start(), m.end()
        if _snap_to_words(ctx, start, end) != (start, end) or ctx.is_known(m.group()):
            continue
        out.append(ctx.mention(start, end, "Person", "person_tibetan_rule", 0.8))
    return out


@lru_cache(maxsize=1)
def _japanese_name() -> "re.Pattern":
    """A Japanese surname (person_japanese_surnames.txt) and a two-character given name."""
    alt = "|".join(map(re.escape, sorted(lexicon.cues("japanese_surname"), key=len, reverse=True)))
    return re.compile(f"(?:{alt})[\u4e00-\u9fff]{{2}}")


@recognizer(priority=84)
def person_japanese_rule(ctx: Context) -> List[Mention]:
    """Japanese names: a Japanese surname and a two-character given name (山本健一, 渡边光一).

    Chinese surname rules read three characters at most, so jieba's 山本 + 健一 ends up as
    山本 or 健一. The run must start and end at jieba word edges, the given name is no
    ordinary word, title or known name, and no tagger reads the whole as another type.
    """
    out = []
    for m in _japanese_name().finditer(ctx.norm):
        start, end = m.start(), m.end()
        given = ctx.norm[end - 2:end]
        if _snap_to_words(ctx, start, end) != (start, end) or ctx.is_known(m.group()) \
                or given in ctx.titles or given in ctx.places or given in ctx.stop \
                or not _crf_none_but(ctx, start, end, "Person"):
            continue
        after, before = _token_at(ctx, end), _token_at(ctx, start - 1) if start else None
        if after is not None and after.start == end and len(after.text) == 1 and after.pos in ("m", "un", "nr", "ng", "n"):
            continue  # 小林多喜 + 二: a longer given name, cut nowhere rather than wrongly
        if before is not None and before.end == start and len(before.text) == 1 and _HAN.match(before.text) \
                and before.pos not in ("p", "c", "uj", "v", "d", "x", "f", "m"):
            continue  # 小 + 久保宪一: a longer surname
        last = _token_at(ctx, end - 1)
        if last is None or last.pos in _BREAK and not (last.pos == "m" and len(last.text) == 1) \
                or last.pos == "zg" or last.text in ctx.places:  # (隆 + 一/m: 一 and 二 end many given names)
            continue  # 石川县 + 很: a place and a function word, no given name
        if last.text == given and last.pos in ("n", "vn", "a", "an", "ad") and _common_word(given):
            continue  # 田中 + 国际: an ordinary word after the surname (光一/nt, 健一/un are names)
        out.append(ctx.mention(start, end, "Person", "person_japanese_rule", 0.85))
    return out


@recognizer(priority=84)
def person_appointed_rule(ctx: Context) -> List[Mention]:
    """The persons a company appoints: ``聘任周启航为副总经理``, ``任命邵敬之、杜青禾为副行长``.

    After an appointment verb (``appoint`` cues) and before ``为``/``担任``/``出任``,
    each item of the list is a name: a surname token and one or two more
    characters (jieba often reads the given name as a word: 周 + 启航).
    """
    cues = lexicon.cues("appoint")
    out = []
    for toks in ctx.sentences:
        if not any(t.text in cues for t in toks):
            continue
        _SURNAMES_CACHE["v"] = ctx.surnames
        toks = _split_glued_wei(toks)
        n = len(toks)
        for i, t in enumerate(toks):
            if t.text not in cues:
                continue
            k = i + 1
            if k < n and (toks[k].text in ctx.titles or toks[k].pos == "nnt"):
                k += 1  # 聘任副总裁屠立新、柯一为联席总裁: the persons' present post comes first
            found = []
            while k < n:
                j = _appointed_name(ctx, toks, k)
                if j == k:
                    break
                found.append((toks[k].start, toks[j - 1].end))
                if j < n and toks[j].text in ("、", "和", "及", "与"):
                    k = j + 1
                    continue
                if j < n and toks[j].text in ("为", "担任", "出任", "兼任"):
                    out.extend(m for m in (_person_mention(ctx, a, b, "person_appointed_rule", 0.85)
                                           for a, b in found) if m is not None)
                break
    return out


_SURNAMES_CACHE: Dict[str, Dict[str, float]] = {}


def _split_glued_wei(toks: Sequence[Token]) -> List[Token]:
    """Tokens with a 为 that jieba glued to an unknown given name split off (上官 + 婉清为)."""
    out: List[Token] = []
    for t in toks:
        # A two-character word is split only after a glued surname (钟离 + 秀为).
        sn = _SURNAMES_CACHE.get("v", {})
        after_surname = bool(out) and out[-1].end == t.start and (
            out[-1].text in sn or len(out[-1].text) == 2 and sn.get(out[-1].text[0], 0) >= 10)  # 江海 + 波为
        if (len(t.text) >= 3 or len(t.text) == 2 and after_surname) and t.text[-1] == "为" \
                and t.pos in ("un", "nr", "nz") and _HAN.match(t.text):
            out.append(Token(t.start, t.end - 1, t.text[:-1], "un"))
            out.append(Token(t.end - 1, t.end, "为", "p"))
        else:
            out.append(t)
    return out


def _appointed_name(ctx: Context, toks: Sequence[Token], k: int) -> int:
    """End token of a name starting at token ``k`` in an appointment list, else ``k``."""
    j = _name_at(ctx, toks, k, loose=True)
    if j > k:
        return j
    t = toks[k]
    if len(t.text) == 2 and ctx.surnames.get(t.text[0], 0) >= 10 and k + 1 < len(toks) \
            and toks[k + 1].start == t.end and len(toks[k + 1].text) == 1 and _HAN.match(toks[k + 1].text) \
            and toks[k + 1].text not in ("为", "、", "和", "及", "与") \
            and (k + 2 >= len(toks) or toks[k + 2].text in ("为", "担任", "出任", "兼任", "、", "和", "及", "与")):
        return k + 2  # 金泰 + 勋: jieba read surname and first given character as one word
    if not (ctx.surnames.get(t.text, 0) >= 10 or (len(t.text) == 2 and t.text in ctx.surnames)):
        return k
    given, j = 0, k + 1
    while j < len(toks) and toks[j].start == toks[j - 1].end and _HAN.match(toks[j].text) \
            and toks[j].text not in ("为", "担任", "出任", "兼任", "、", "和", "及", "与"):
        given += len(toks[j].text)
        j += 1
    return j if 1 <= given <= 2 else k


_INITIALS: Dict[str, Tuple[tuple, frozenset]] = {}


def _surname_initials(ctx: Context) -> frozenset:
    """First characters of surnames and of user-lexicon person names.

    Cached across documents; rebuilt when either table is replaced or grows
    (a user lexicon adds persons).
    """
    key = (id(ctx.surnames), len(ctx.surnames), id(ctx.persons), len(ctx.persons))
    got = _INITIALS.get("v")
    if got is None or got[0] != key:
        got = (key, frozenset(k[0] for k in ctx.surnames) | frozenset(k[0] for k in ctx.persons))
        _INITIALS["v"] = got
    return got[1]


@recognizer(priority=40)
def person_pos_rule(ctx: Context) -> List[Mention]:
    """Words tagged as person names whose first character(s) are a surname."""
    from .segment import word_freq

    out = []
    initials = _surname_initials(ctx)
    for toks in ctx.sentences:
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            w = t.text
            if w[0] not in initials:
                i += 1  # most tokens: no surname can start here
                continue
            if w in ctx.persons:
                out.append(ctx.mention(t.start, t.end, "Person", "person_pos_rule", 0.9))  # a user's name: as is
                i += 1
                continue
            cut = _glued_title_end(ctx, toks, i)
            if cut is not None:  # 高管楚 + 天阔: jieba glued a title and the surname into one word
                if _crf_overlaps(ctx, t.start + cut, toks[i + 1].end, "Person"):
                    m = _person_mention(ctx, t.start + cut, toks[i + 1].end, "person_pos_rule", 0.7)
                    out.extend([m] if m is not None else [])
                i += 2
                continue
            # a two-character word: perhaps a compound surname (司徒 + 嘉明)
            j = _compound_surname_name(ctx, toks, i) if len(w) == 2 else i
            if j > i:
                m = _person_mention(ctx, t.start, toks[j - 1].end, "person_pos_rule", 0.7)
                if m is not None:
                    out.append(m)
                i = j
                continue
            j = _name_at(ctx, toks, i, loose=False)
            if j > i:
                single = j == i + 1
                # Two-character dictionary "names" are mostly words (明白, 阳光): only rare ones.
                # A lone two-character word needs the CRF's own threshold (徐汇 at 0.42 in a list of districts).
                floor = CRF_MIN_SCORE["Person"] if single and len(w) == 2 else 0.0
                if (not (single and len(w) == 2 and word_freq(w) > 50)
                        and _crf_overlaps(ctx, t.start, toks[j - 1].end, "Person", floor)):
                    m = _person_mention(ctx, t.start, toks[j - 1].end, "person_pos_rule", 0.6)
                    if m is not None:
                        out.append(m)
                i = j
            else:
                i += 1
    return out


def _glued_title_end(ctx: Context, toks: Sequence[Token], i: int) -> Optional[int]:
    """Length of the title that starts token ``i`` when the token is a title and a surname glued
    together and the next token is the given name (高管楚 + 天阔 → 楚天阔), else None."""
    w = toks[i].text
    if len(w) < 3 or i + 1 >= len(toks):
        return None
    given = toks[i + 1]
    if given.start != toks[i].end or not _HAN.match(given.text) or len(given.text) > 2 \
            or given.pos in _BREAK or ctx.is_known(given.text):
        return None
    k = len(w) - 1
    if w[:k] in ctx.titles and ctx.surnames.get(w[k:], 0) >= 10:
        return k
    return None


def _compound_surname_name(ctx: Context, toks: Sequence[Token], i: int) -> int:
    """End token of a name with a compound surname at token ``i`` (司徒 + 嘉明), else ``i``.

    A compound surname is rare enough as a word to stand without the tagger's
    support, except the few that are everyday words (东方, 西门): those whose word
    frequency is high are left to the other rules.
    """
    from .segment import word_freq

    t = toks[i]
    if len(t.text) != 2 or t.text not in ctx.surnames or word_freq(t.text) >= 800:
        return i
    j = _name_at(ctx, toks, i, loose=True)
    name = ctx.norm[t.start:toks[j - 1].end] if j > i else ""
    if not 3 <= len(name) <= 4 or not _HAN.match(name) or ctx.is_known(name):
        return i
    if name[-1] == "为" and j < len(toks) and toks[j].text in ctx.titles:
        return i  # 钟离秀为副总经理: the copula glued on; the title and appointment rules take the name
    return j


# --------------------------------------------------------------------------- products


@recognizer(priority=75)
def lexicon_products(ctx: Context) -> List[Mention]:
    """Well-known products, apps and brands (微信, 支付宝, iPhone).

    A name written right before a job title (阿里云CTO) is the business that employs
    someone: that name is a Company throughout the document (阿里云发布…, 阿里云CTO…).
    """
    out = []
    units = lexicon.cues("unit_head")
    firms = set()
    makers: List[Mention] = []
    for toks in ctx.sentences:
        for i, j in _lexicon_spans(toks, ctx.products):
            glued = toks[j] if j < len(toks) and toks[j].start == toks[j - 1].end else None
            if glued is not None and (glued.text in units or glued.text in ctx.csuf):
                continue  # 微信事业群: a unit of the company; 阿里云智能集团: a company's name
            if glued is not None and glued.pos == "nnt" and any(glued.text.startswith(u) for u in units if len(u) >= 2):
                # 百度智能云 + 事业群总裁/nnt: the product names a unit; its maker written in front employs
                name = ctx.norm[toks[i].start:toks[j - 1].end]
                maker = ctx.products.get(name) or ""
                if 2 <= len(maker) < len(name) and name.startswith(maker) and maker in ctx.companies:
                    makers.append(ctx.mention(toks[i].start, toks[i].start + len(maker), "Company", "lexicon_products", 0.9))
                continue
            if glued is not None and (glued.pos == "nnt" or glued.text in ctx.titles
                                      or ctx.norm.startswith("首席", glued.start)):  # 首席 + 架构师: jieba splits titles
                firms.add(ctx.norm[toks[i].start:toks[j - 1].end])
            elif glued is not None and _unit_then_title(ctx, toks, j):
                firms.add(ctx.norm[toks[i].start:toks[j - 1].end])  # 阿里云 + 国际事业部 + 总裁: an employer
            end = _edition_end(ctx.norm, toks[j - 1].end) if toks[j - 1].text[-1:].isascii() else toks[j - 1].end
            g = _GLUED_CODE.match(ctx.norm, end) if _HAN.match(ctx.norm[end - 1]) else None
            if g:
                end = g.end()  # 骁龙 + XR2: a letter code glued after a Han product line names one model of it
            out.append(ctx.mention(toks[i].start, end, "Product", "lexicon_products", 0.9))
    for m in out:
        if m.name in firms:
            m.type = "Company"
    return out + makers


#: Capitals and a number glued after a Han product line's name (骁龙 + XR2, 麒麟 + A2).
_GLUED_CODE = re.compile(r"[A-Z]{1,3}\d{1,4}[A-Za-z]?(?![A-Za-z0-9%.])")


def _unit_then_title(ctx: Context, toks: Sequence[Token], j: int) -> bool:
    """Whether glued tokens from ``toks[j]`` (one or two) make an internal unit (国际 + 事业部,
    云业务 + 事业群) that a job title follows: what stands before such a unit employs people."""
    units = lexicon.cues("unit_head")
    for k in range(j, min(j + 2, len(toks))):
        if k > j and toks[k].start != toks[k - 1].end:
            return False
        if toks[k].text in units or any(toks[k].text.endswith(u) for u in units if len(u) >= 2):
            nxt = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].start == toks[k].end else None
            return nxt is not None and (nxt.pos == "nnt" or nxt.text in ctx.titles)
        if toks[k].pos not in ("n", "ns", "nz", "vn", "eng") or not _HAN.match(toks[k].text):
            return False
    return False


def _edition_end(norm: str, end: int) -> int:
    """End of a Latin product name once edition words after it are taken (AirPods Pro, X1 Carbon)."""
    editions = lexicon.cues("product_edition")
    while True:
        m = _EDITION.match(norm, end)
        if not m or m.group(1) not in editions and not (m.group(1).islower() and m.group(1).capitalize() in editions):
            return end  # (ALK Hi1 plus: an edition word written in lower case)
        end = m.end()


def _after_latin_maker(ctx: Context, start: int, end: int) -> int:
    """Start of a Latin model name once a maker written before it is cut (vivo X300 Pro -> X300 Pro).

    The maker is a known company word followed by a space and a model that opens with a
    letter (Xiaomi 16 Ultra keeps its brand: the rest would be a bare number); a known product
    that starts there (Apple Watch) stays whole.
    """
    gap = ctx.norm.find(" ", start, end)
    if gap < 0 or not ctx.norm[gap + 1:gap + 2].isalpha():
        return start
    maker = ctx.norm[start:gap]
    if maker not in ctx.companies or maker in ctx.ambiguous:
        return start
    word_end = next((k for k in range(gap + 1, end) if not ctx.norm[k].isalpha()), end)
    if ctx.norm[start:word_end] in ctx.products:
        return start
    return gap + 1


def _han_edition_end(norm: str, end: int) -> int:
    """End of a model name once a Chinese edition word glued after it is taken (骁龙8至尊版, 小米15青春版)."""
    for w in lexicon.cues("product_edition"):
        if _HAN.match(w) and norm.startswith(w, end):
            return end + len(w)
    return end


_EDITION = re.compile(r" ([A-Za-z]+\+?)(?![A-Za-z0-9])")
# A code written a space after a Latin model name (Zenbook S 16, Ryzen AI 9 HX 470, ZXR10 M6000-S):
# digits, optionally after one to three capitals, optionally a hyphenated suffix.
_CODE_TAIL = re.compile(r" (?:[A-Z]{1,3} )?[A-Z]{0,3}\d{1,5}(?:-[A-Z0-9]{1,3})?(?![A-Za-z0-9%％.,])")


# A rating after a slash ending a hyphenated model code (EN-256/16: rotor 256 m, 16 MW).
_SLASH_TAIL = re.compile(r"/\d{2,3}(?![A-Za-z0-9%％/.])")
# A drivetrain or trim code written a space after a Han brand's model number (坦克700 Hi4-T, 坦克500 Hi4-Z).
_SPACED_VARIANT = re.compile(r" [A-Z][a-z]?\d{1,2}(?:-[A-Z]{1,2})?(?![A-Za-z0-9])")


def _slash_tail_end(norm: str, name: str, end: int) -> int:
    """End of a hyphenated model code once a slash-joined rating after it is taken (EN-256/16)."""
    if "-" not in name or not name[-1].isdigit():
        return end
    m = _SLASH_TAIL.match(norm, end)
    return m.end() if m else end


def _code_tail_end(norm: str, end: int) -> int:
    """End of a Latin model name once a space-separated code after it is taken (Zenbook S 16).

    A year (Model Y 2025), a quantity (Mate 70 5999元) or a share is no part of the name."""
    m = _CODE_TAIL.match(norm, end)
    if not m or m.end() < len(norm) and norm[m.end()] in _UNIT_CHARS:
        return end
    digits = re.sub(r"\D", "", m.group())
    if _YEARISH.match(digits) and m.group()[1:].isdigit():
        return end
    return m.end()
# A number with a unit written in Latin letters (20GW, 3nm, 8K): a quantity, not a model name.
_COUNT_WORD = re.compile(r"[一二两三四五六七八九十几多数]+[款个台辆部种项]$")
_QUANTITY = re.compile(r"\d+(?:\.\d+)?[A-Za-z]{1,3}$")
# A chip generation after a model number: 骁龙8 Gen 4.
_GENERATION = re.compile(r" ?Gen ?\d{1,2}(?![A-Za-z0-9])")
# One-letter model codes in a list (G6、G9和P7+).
_SHORT_CODE = re.compile(r"[A-Z]\d{1,3}\+?$")


def _is_product_piece(ctx: Context, t: Token) -> bool:
    """A token that can be (part of) a product name's proper part (汉, EV, 锦程, E7)."""
    if t.pos in ("eng", "m"):
        return not _YEARISH.match(t.text) or t.pos == "eng"
    if t.text in ctx.stop or t.text in ctx.titles or t.pos in _BREAK:
        return False
    return t.pos in _PROPER or t.pos == "n" and _HAN.match(t.text) is not None and len(t.text) <= 3


def _latinish(t: Token) -> bool:
    """A Latin word or a number (Office, X9, 2025), whatever jieba tagged it."""
    return t.pos in ("eng", "m") or t.text[:1].isascii() and t.text[:1].isalnum()


def _product_after(ctx: Context, toks: Sequence[Token], i: int) -> Optional[Tuple[int, int]]:
    """Char span of the product named from token ``i`` on (after a cue and its modifiers).

    Categories and makers in front are skipped (发布纯电轿车锦程E7 -> 锦程E7,
    推出AI购物助手淘小智 -> 淘小智); a model number marks the name.
    """
    n = len(toks)
    mods = lexicon.cues("product_modifier")
    while i < n and (toks[i].text in mods or toks[i].text in ("一", "两", "多", "款", "一款")
                     or toks[i].text == "的" and i > 0 and toks[i - 1].text in mods):  # 搭载自研的A19
        i += 1
    if i >= n:
        return None
    close = _OPEN_CLOSE.get(toks[i].text)
    if close:
        end = ctx.norm.find(close, toks[i].end, toks[i].end + 21)
        title = ctx.norm[toks[i].end:end]
        if end > toks[i].end and not (toks[i].text == "《" and title.endswith(tuple(lexicon.cues("document_head")))):
            return toks[i].end, end
        return None
    window: List[Token] = []
    j = i
    # 推出面向中小企业的服务器: what a verb like 面向 governs is the audience, not the name
    breaks = lexicon.cues("industry_break") - lexicon.cues("product_noun") - mods
    while j < n and len(window) < 6:
        t = toks[j]
        if window and t.start != window[-1].end and not (_latinish(t) and _latinish(window[-1])):
            break  # WPS + Office + 2025: Latin words of one name stand a space apart (jieba tags Office nz)
        # 载荷 + CX + - + Ka: a hyphen between two Latin parts joins one model code
        hyphen = t.text == "-" and window and _latinish(window[-1]) and t.start == window[-1].end \
            and j + 1 < n and toks[j + 1].start == t.end and _latinish(toks[j + 1])
        if t.pos in _BREAK and t.pos != "m" and not hyphen or t.text in ctx.titles or t.text in breaks:
            break
        window.append(t)
        j += 1
    if not window:
        return None
    # 推出轻乳茶新品万山红, 发布人形机器人H2: a category or 新品 inside the run; the name follows it
    nouns = lexicon.cues("product_noun")
    cut = max((k for k, t in enumerate(window[:-1]) if t.text in nouns or len(t.text) >= 2 and t.text in mods
               or _category_head(t.text)), default=-1)
    plain = False  # 饮料 + 冰茶/n + 轻露/un: a plain noun glued to an unknown word opens the name
    if cut >= 0 and window[cut + 1].pos in ("un", "nz", "nr", "nrt", "eng", "j", "m"):
        window = window[cut + 1:]
    elif cut >= 0 and cut + 2 < len(window) and window[cut + 1].pos == "n" and _HAN.match(window[cut + 1].text) \
            and window[cut + 2].pos == "un" and window[cut + 2].start == window[cut + 1].end \
            and not set(window[cut + 2].text) & set(_GLUE) \
            and window[cut + 1].text not in nouns and window[cut + 1].text not in ctx.stop:
        window = window[cut + 1:]
        plain = True
    numbered = [k for k, t in enumerate(window) if t.pos in ("eng", "m") and any(c.isdigit() for c in t.text)]
    if numbered:
        d = numbered[0]
        after = ctx.norm[window[d].end:window[d].end + 1]
        unit = _token_at(ctx, window[d].end)
        if "%" in window[d].text or after and after in _UNIT_CHARS or unit is not None and unit.pos == "q" \
                and window[d].pos == "m" and unit.start == window[d].end:
            return None  # 交付新车9.3万辆, 容量22兆瓦: a quantity, not a model number
        first = d
        if d > 0 and window[d - 1].pos != "m" and window[d - 1].text not in ctx.stop \
                and not _category_word(ctx, window[d - 1].text):  # 人形机器人H2: a kind, not the brand
            first = d - 1
            if window[first].text in ctx.companies and window[first].text not in ctx.ambiguous \
                    and _HAN.match(window[first].text) and window[d].text[:1].isalpha():
                first = d  # 小米 + YU7: a known maker glued to a Latin model is a mention of its own
            elif _latinish(window[first]) and not window[first].text.isdigit():
                while first > 0 and _latinish(window[first - 1]) and not window[first - 1].text.isdigit():
                    first -= 1
    elif plain:
        first = 0
    else:
        first = next((k for k, t in enumerate(window) if t.pos in ("un", "nz", "nr", "nrt", "eng", "j")
                      and t.text not in ctx.companies and t.text not in ctx.industries and t.text not in ctx.stop), None)
        if first is None:
            return None  # 推出了手机: a category, not a name
    last = first
    while last + 1 < len(window) and (window[last + 1].pos in ("eng", "m", "un", "nz", "nrt", "j")
                                      or window[last + 1].pos in ("nr",) and len(window[last + 1].text) == 1
                                      or window[last + 1].text == "-" and last + 2 < len(window)) \
            and not _COUNT_WORD.match(window[last + 1].text):  # X200 mini两款: a count after the name
        last += 1
    if window[first].pos == "m" or ctx.norm[window[first].start - 1:window[first].start] == "-":
        return None  # 5G-A: a letter after a hyphen ends a longer code, it opens no name
    if last + 1 < len(window) and window[last + 1].pos in ("n", "vn", "nr", "ng") and _HAN.match(window[last + 1].text) \
            and _HAN.match(ctx.norm[window[first].start:window[last].end]) and not numbered and not plain:
        return None  # 推出纯电 + 轿车, 碳板 + 竞速鞋, 大屏 + 会员服务: a word before more nouns describes the kind
    return window[first].start, _han_edition_end(ctx.norm, window[last].end)


@lru_cache(maxsize=1)
def _han_category_nouns() -> Tuple[str, ...]:
    """The Han product-category nouns of two or more characters, longest first."""
    return tuple(sorted((w for w in lexicon.cues("product_noun") if len(w) >= 2 and _HAN.match(w)),
                        key=len, reverse=True))


def _category_head(word: str) -> int:
    """Length of the product-category noun that ends ``word`` (人形机器人, 学习机, 家电大模型), else 0."""
    return next((len(w) for w in _han_category_nouns() if word.endswith(w)), 0)


def _category_word(ctx: Context, word: str) -> bool:
    """A product kind or a sector (人形机器人, 智能手机), not a brand word before a model number."""
    return word in ctx.industries or bool(_HAN.match(word) and _category_head(word))


def _coordinated_model(ctx: Context, toks: Sequence[Token], end: int) -> Optional[Tuple[int, int]]:
    """``发布X200 Pro与X200 mini``: the Latin model name joined right after a product span ending at ``end``."""
    k = next((x for x, t in enumerate(toks) if t.start >= end), None)
    if k is None or k + 1 >= len(toks) or toks[k].start != end or toks[k].text not in _LIST_JOINERS:
        return None
    nxt = toks[k + 1]
    if nxt.pos != "eng" or not any(c.isdigit() for c in nxt.text + ctx.norm[nxt.end:nxt.end + 4]):
        return None  # only a model name (X200 mini, Mate X6), not any word after 和
    return _product_after(ctx, toks, k + 1)


@recognizer(priority=70)
def product_rule(ctx: Context) -> List[Mention]:
    """Products after launch verbs (发布了新款汉EV), model names (Mate 70), 腾讯的X / 腾讯旗下的X."""
    out = []
    cues = lexicon.cues("product")
    for toks in ctx.sentences:
        n = len(toks)
        for i, t in enumerate(toks):
            w = t.text
            if w in cues or _naming_cue(toks, i):
                span = _named_span(ctx, toks, i + 1) if _naming_cue(toks, i) else _product_after(ctx, toks, i + 1)
                while span:
                    out.append(ctx.mention(span[0], span[1], "Product", "product_rule", 0.75))
                    span = _coordinated_model(ctx, toks, span[1])
            elif w in ("的", "旗下") and i > 0:
                owner = (toks[i - 1].text in ctx.companies or toks[i - 1].text in ctx.csuf
                         or w == "旗下" and toks[i - 1].pos in ("nt", "nz"))
                if not owner and w == "的":
                    continue
                j = i + 1
                if w == "旗下" and j < n and toks[j].text == "的":
                    j += 1
                # 旗下 alone (，旗下卡萨帝品牌): the owner is the clause's subject, the brand still one of its products
                span = (owner and _possessed_product(ctx, toks, j)) or (w == "旗下" and _held_brand(ctx, toks, j, strict=not owner)) \
                    or (w == "的" and _model_code(ctx, toks, j))
                if span:
                    out.append(ctx.mention(span[0], span[1], "Product", "product_rule", 0.65))
            elif w in ("大模型", "操作系统", "芯片", "模型", "平台") and i > 0 and toks[i - 1].end == t.start:
                latin = toks[i - 1].pos == "eng" and len(toks[i - 1].text) >= 4 and not toks[i - 1].text.isupper() \
                    and w == "平台" and lexicon.lookup_industry(toks[i - 1].text) is None
                if latin and toks[i - 1].text not in ctx.companies and toks[i - 1].text not in ctx.stop \
                        and not (i > 1 and toks[i - 2].end == toks[i - 1].start and _latinish(toks[i - 2])):
                    out.append(ctx.mention(toks[i - 1].start, toks[i - 1].end, "Product", "product_rule", 0.7))
                    continue  # 在Steam平台: a Latin name before 平台 is the platform's
                if w in ("模型", "平台") and (toks[i - 1].pos not in ("un", "nz", "j") or len(toks[i - 1].text) < 2):
                    continue  # 百炼平台, 千问模型: only a word jieba does not know names one (交易平台 is a kind)
                # 天枢大模型, 鸿蒙操作系统: a brand word glued to a product category.
                p = toks[i - 1]
                nxt = toks[i + 1] if i + 1 < n and toks[i + 1].start == t.end else None
                if nxt is not None and nxt.pos == "eng":
                    continue  # 家电大模型HomeGPT: the Latin word is the name, the rest its kind
                # 豆包大模型: before 大模型 a plain noun names a model too, unless it is an
                # ordinary word or a sector (通用大模型, 行业大模型 are kinds); a version
                # number after it (星火大模型4.0) marks even an ordinary word as a name
                versioned = nxt is not None and nxt.pos == "m" and _VERSION.match(nxt.text) is not None
                named = w == "大模型" and p.pos == "n" and 2 <= len(p.text) <= 4 and _HAN.match(p.text) \
                    and (not _common_word(p.text) or versioned) and lexicon.lookup_industry(p.text) is None
                if ((p.pos in ("un", "nz", "nr", "nrt", "j") or named) and p.text not in ctx.companies
                        and p.text not in ctx.industries and p.text not in ctx.stop
                        and not p.text.endswith("级")):  # 企业级大模型, 消费级芯片: a grade, not a name
                    end = t.end
                    if i + 1 < n and toks[i + 1].start == end and toks[i + 1].pos in ("m", "eng"):
                        end = _edition_end(ctx.norm, toks[i + 1].end)  # a version: 天枢大模型2.0 (Turbo)
                    if w in ("模型", "平台"):
                        end = p.end  # 百炼平台 -> 百炼: the bare kind word is no part of the name
                    start = p.start
                    if w == "平台" and p.pos == "un" and i > 1 and toks[i - 2].end == p.start \
                            and toks[i - 2].text in ctx.companies and toks[i - 2].text not in ctx.ambiguous:
                        start = toks[i - 2].start  # 美团 + 闪购 + 平台: the maker's name glued to a service word
                    out.append(ctx.mention(start, end, "Product", "product_rule", 0.7))
        # Alphanumeric model names anywhere in the sentence.
        if toks:
            a, b = toks[0].start, toks[-1].end
            for m in _MODEL.finditer(ctx.norm, a, b):
                digits = re.sub(r"\D", "", m.group())
                if _YEARISH.match(digits) or m.group() in ctx.stop:
                    continue
                if _drug_target_at(ctx.norm, m.end()):
                    continue  # PD-1抑制剂, GLP-1双受体: a drug target names a class of drugs, not a product
                if ctx.norm[m.end():m.end() + 1] in ("%", "％") and m.group()[-1].isdigit():
                    continue  # DiaSys 75%的股权: the number is a share, not a model number
                start, end = _after_latin_maker(ctx, m.start(), m.end()), _edition_end(
                    ctx.norm, _slash_tail_end(ctx.norm, m.group(), m.end()))
                end = _edition_end(ctx.norm, _code_tail_end(ctx.norm, end))  # Ryzen AI 9 + HX 470
                # A Chinese brand glued in front belongs to the name (小米14 is caught below).
                out.append(ctx.mention(start, end, "Product", "product_model_rule", 0.7))
            out.extend(_year_editions(ctx, a, b, cues))
            for i in range(1, n):
                t, p = toks[i], toks[i - 1]
                # 锦程E7, 骁龙8, 小米14: a proper Han word glued to a model number.
                nxt = toks[i + 1].text if i + 1 < n and toks[i + 1].start == t.end else ""
                if "%" in t.text or nxt[:1] in _UNIT_CHARS or _QUANTITY.match(t.text):
                    continue  # 跌超3%, 增长20亿, 年产20GW: a quantity, not a model number
                if p.text in ctx.companies and p.text not in ctx.ambiguous and t.text[:1].isalpha():
                    continue  # 小米SU7: a maker before a Latin model name is a mention of its own
                if (t.pos in ("eng", "m") and any(c.isdigit() for c in t.text) and p.end == t.start
                        and _HAN.match(p.text) and p.pos in ("nz", "un", "n", "j", "nr", "nt", "nrt")
                        and p.text not in ctx.stop and not _YEARISH.match(t.text) and len(t.text) <= 6
                        and p.text not in ctx.industries and not _category_head(p.text)  # 门锁L3: a kind, then the code
                        and not (t.pos == "m" and i + 1 < n and toks[i + 1].start == t.end and _HAN.match(toks[i + 1].text)
                                 and toks[i + 1].text not in lexicon.cues("product_noun")
                                 and toks[i + 1].pos not in ("d", "c", "p", "uj", "ul")  # 畅享80也: no count word
                                 and toks[i + 1].text not in cues)):  # 小米15首发
                    end = t.end
                    g = _GENERATION.match(ctx.norm, end)
                    if g:
                        end = g.end()
                    if i + 1 < n and toks[i + 1].start == end and toks[i + 1].pos == "eng" and len(toks[i + 1].text) <= 5:
                        end = toks[i + 1].end
                    end = _han_edition_end(ctx.norm, end)
                    v = _SPACED_VARIANT.match(ctx.norm, end) if t.text.isdigit() else None
                    if v:
                        end = v.end()  # 坦克700 + Hi4-T: the drivetrain code is part of the name
                    # 2026 + 款零跑 + C16: the model-year word jieba glued on is no part of the name
                    start = p.start + 1 if p.text[0] == "款" and len(p.text) >= 3 and i > 1 and toks[i - 2].pos == "m" \
                        else p.start
                    out.append(ctx.mention(start, end, "Product", "product_model_rule", 0.7))
    out.extend(_maker_glued_models(ctx))
    out.extend(_code_before_noun(ctx))
    out.extend(_numbered_before_noun(ctx))
    out.extend(_quoted_after_noun(ctx))
    out.extend(_named_after_noun(ctx))
    out.extend(_short_code_lists(ctx))
    out.extend(_form_suffixed(ctx))
    out.extend(_bracketed_aliases(ctx, out))
    out.extend(_same_brand_models(ctx, out))
    # 自研, 首款纯电: a descriptor after the launch verb is no product name
    mods = [w for w in lexicon.cues("product_modifier") if len(w) >= 2]
    return [m for m in out if not any(m.name.startswith(w) or m.name.startswith("其" + w) for w in mods)]


def _code_before_noun(ctx: Context) -> List[Mention]:
    """``第10架C919客机``, ``用于C929宽体客机``: a Latin model code (capitals then digits) right
    before a product-category noun, one short descriptive word (宽体) allowed between, is a product."""
    nouns = lexicon.cues("product_noun")
    out = []
    for toks in ctx.sentences:
        for i, t in enumerate(toks):
            if t.pos != "eng" or not (_CODE.match(t.text) or _maker_digit_code(ctx, toks, i)) \
                    or _YEARISH.search(t.text) or t.text in ctx.stop:
                continue
            if i > 0 and toks[i - 1].end == t.start and (_latinish(toks[i - 1]) or toks[i - 1].text == "-"):
                continue  # part of a longer Latin name
            k = _variant_end(toks, i)
            end = toks[k - 1].end
            if k < len(toks) and toks[k].start == toks[k - 1].end and toks[k].text not in nouns \
                    and toks[k].pos in ("a", "b", "n") and len(toks[k].text) <= 2 and _HAN.match(toks[k].text):
                k += 1  # C929 + 宽体 + 客机
            if k < len(toks) and toks[k].start == toks[k - 1].end and toks[k].text in nouns and _HAN.match(toks[k].text):
                out.append(ctx.mention(t.start, end, "Product", "product_model_rule", 0.7))
        out.extend(_spaced_code_before_noun(ctx, toks, nouns))
    return out


_SPACED_CODE = re.compile(r"(?:[A-Z]{1,3})?\d{1,4}$")


def _spaced_code_before_noun(ctx: Context, toks: Sequence[Token], nouns) -> List[Mention]:
    """``自研的方舟 40无人机``: a Han name, a space and a model number (40, A1) glued before a
    product-category noun is a product; the number is part of the name, the noun its kind."""
    out = []
    for i in range(1, len(toks) - 1):
        t, p, nxt = toks[i], toks[i - 1], toks[i + 1]
        if t.start != p.end + 1 or ctx.norm[p.end] != " " or nxt.start != t.end or nxt.text not in nouns \
                or not _HAN.match(nxt.text) or not _SPACED_CODE.match(t.text) or _YEARISH.match(t.text):
            continue
        if not (_HAN.match(p.text) and 2 <= len(p.text) <= 4 and p.pos in ("n", "nz", "un", "nr", "nrt")) \
                or ctx.is_known(p.text) or p.text in nouns or _category_word(ctx, p.text) or p.text in ctx.csuf:
            continue
        out.append(ctx.mention(p.start, t.end, "Product", "product_model_rule", 0.7))
    return out


_NUMBERED = re.compile(r"[一二三四五六七八九十]{1,2}号$")


def _numbered_before_noun(ctx: Context) -> List[Mention]:
    """``双曲线三号火箭``, ``长征八号运载火箭``: a Han name with its number (三号) glued right before a
    product-category noun is a product; the noun is its kind, no part of the name."""
    nouns = tuple(w for w in lexicon.cues("product_noun") if _HAN.match(w))
    out = []
    for toks in ctx.sentences:
        for i in range(1, len(toks) - 1):
            t, p, nxt = toks[i], toks[i - 1], toks[i + 1]
            if not _NUMBERED.match(t.text) or p.end != t.start or nxt.start != t.end or not nxt.text.endswith(nouns):
                continue
            if not (_HAN.match(p.text) and 2 <= len(p.text) <= 4 and p.pos in _NOUNISH) or p.text in ctx.places \
                    or p.text in ctx.companies or p.text in ctx.stop or p.text in ctx.titles:
                continue
            out.append(ctx.mention(p.start, t.end, "Product", "product_rule", 0.7))
    return out


#: A model code that opens with digits (777F, 320N): a model only right after its maker's name.
_DIGIT_CODE = re.compile(r"\d{3,4}[A-Z]{1,2}$")


def _maker_digit_code(ctx: Context, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a digits-first model code glued right after a known maker (波音 +
    777F + 货机); alone such a word may be a quantity with a unit (600MW)."""
    return i > 0 and _DIGIT_CODE.match(toks[i].text) is not None and toks[i - 1].end == toks[i].start \
        and toks[i - 1].text in ctx.companies and toks[i - 1].text not in ctx.ambiguous


def _variant_end(toks: Sequence[Token], i: int) -> int:
    """Token index after the model code ``toks[i]`` and a glued hyphenated variant number
    (A350 + - + 1000 + 客机: the -1000 names the variant, part of the model)."""
    if i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 1].start == toks[i].end \
            and toks[i + 2].start == toks[i + 1].end and toks[i + 2].text.isdigit() and len(toks[i + 2].text) <= 4:
        return i + 3
    return i + 1


def _maker_glued_models(ctx: Context) -> List[Mention]:
    """``比亚迪海鸥…海鸥已出口``: a known maker glued to a Han model name made of a plain or
    unknown word. The maker is a mention of its own and the word is the model, when the text
    also writes the word without the maker (one use alone could as well be a company's name:
    腾讯音乐); category, unit, suffix and sector words are never models."""
    out = []
    nouns = lexicon.cues("product_noun")
    units = lexicon.cues("unit_head")
    alone: Dict[str, int] = {}  # how often each word stands as a token of its own, not after a maker
    for toks in ctx.sentences:
        for i, t in enumerate(toks):
            if i == 0 or toks[i - 1].end != t.start or toks[i - 1].text not in ctx.companies:
                alone[t.text] = alone.get(t.text, 0) + 1
    for toks in ctx.sentences:
        for i in range(1, len(toks)):
            t, p = toks[i], toks[i - 1]
            if p.end != t.start or p.text not in ctx.companies or p.text in ctx.ambiguous \
                    or not 2 <= len(t.text) <= 3 or not _HAN.match(t.text) or t.pos not in ("n", "nz", "un", "nr", "nrt"):
                continue
            w = t.text
            if ctx.is_known(w) or w in nouns or w in units or w in ctx.csuf or w in ctx.surnames \
                    or lexicon.lookup_industry(w) is not None or _category_head(w):
                continue
            if i + 1 < len(toks) and toks[i + 1].start == t.end and (toks[i + 1].pos in _PROPER
                                                                     or toks[i + 1].text in ctx.csuf):
                continue  # 比亚迪 + 海鸥 + 科技: a longer name goes on
            if alone.get(w, 0):
                out.append(ctx.mention(t.start, t.end, "Product", "product_rule", 0.7))
    return out


# Tags that end a name written after a naming frame: punctuation and function words.
_NAMED_ENDS = frozenset(("x", "w", "uj", "ul", "p", "c", "d", "r", "v", "vn"))


def _named_span(ctx: Context, toks: Sequence[Token], k: int) -> Optional[Tuple[int, int]]:
    """``商品名为瑞宁康，``: the glued words from ``toks[k]`` up to punctuation or a function word
    (jieba cuts such coined names into place and person pieces: 瑞宁/ns + 康/nr); the frame
    alone marks them, so 2 to 8 characters that are no company are the name."""
    n = len(toks)
    if k < n and toks[k].text in _OPEN_CLOSE:  # 品牌名为“云朵”: the quotes hold the name
        end = ctx.norm.find(_OPEN_CLOSE[toks[k].text], toks[k].end, toks[k].end + 13)
        return (toks[k].end, end) if end - toks[k].end >= 2 else None
    j = k
    while j < n and j - k < 4 and toks[j].pos not in _NAMED_ENDS and (j == k or toks[j].start == toks[j - 1].end):
        j += 1
    if j == k:
        return None
    a, b = toks[k].start, toks[j - 1].end
    name = ctx.norm[a:b]
    if not 2 <= len(name) <= 8 or name in ctx.companies or name in ctx.stop or toks[k].text[0] in _GLUE:
        return None
    return a, b


def _naming_cue(toks: Sequence[Token], i: int) -> bool:
    """Whether ``toks[i]`` ends a naming frame whose next word is a product name:
    ``商品 + 名为``, ``商品名 + 为``, ``商品名 + ：`` (jieba cuts the frame either way)."""
    w = toks[i].text
    if w == "名为":
        return i > 0 and toks[i - 1].text in lexicon.cues("named_kind")
    if w in ("为", "是", "：", ":") and i > 0:
        p = toks[i - 1].text
        return p.endswith("名") and p[:-1] in lexicon.cues("named_kind")
    return False


# Latin words and a year edition (WPS Office 2025, Visual Studio 2026), not a date (2025年).
# Found from the year back (a linear scan: English runs are long), up to three words before it.
_YEAR_EDITION = re.compile(r"(?<=[A-Za-z0-9] )(?:19|20)\d\d(?![0-9A-Za-z年])")
_WORDS_BEFORE = re.compile(r"(?:[A-Za-z][A-Za-z0-9]* ){1,3}$")


def _year_editions(ctx: Context, a: int, b: int, cues) -> List[Mention]:
    """``宣布WPS Office 2025正式上线``: a Latin name with a year edition is a product when one of
    its words is a known product (Office) or a launch verb follows it; an event (CES 2025) is neither."""
    out = []
    for m in _YEAR_EDITION.finditer(ctx.norm, a, b):
        w = _WORDS_BEFORE.search(ctx.norm, max(a, m.start() - 40), m.start())
        if not w or w.start() > a and ctx.norm[w.start() - 1].isascii() and ctx.norm[w.start() - 1].isalnum():
            continue
        after = ctx.norm[m.end():m.end() + 4]
        launched = any(after.startswith(c) or after.startswith("正式" + c) for c in cues)
        if launched or any(x in ctx.products for x in w.group().split()):
            out.append(ctx.mention(w.start(), m.end(), "Product", "product_model_rule", 0.7))
    return out


# A Han brand and a Latin model code (零跑C16, 问界M8): the brand, then the code.
_HAN_BRAND_MODEL = re.compile(r"([\u4e00-\u9fff]{2,3})([A-Za-z]{1,3}\d{1,4}[A-Za-z+]{0,2})$")


def _same_brand_models(ctx: Context, found: List[Mention]) -> List[Mention]:
    """``零跑C16与零跑C11``, ``问界M7、问界M9``: a model joined to a brand+code product with
    the same brand is a product too (jieba often breaks the second: 零/m 跑/v C11)."""
    out = []
    for m in found:
        g = _HAN_BRAND_MODEL.match(m.name)
        if not g:
            continue
        pat = re.compile(r"(?:与|和|及|、|以及)(" + re.escape(g.group(1)) + r"[A-Za-z]{1,3}\d{1,4}[A-Za-z+]{0,2})(?![A-Za-z0-9])")
        pos = m.end
        while True:
            nxt = pat.match(ctx.norm, pos)
            if not nxt:
                break
            out.append(ctx.mention(nxt.start(1), nxt.end(1), "Product", "product_rule", 0.7))
            pos = nxt.end(1)
    return out


# A name in brackets right after a product, maybe behind a label: 信尔美（玛仕度肽注射液）,
# 瑞维鲁胺片（商品名：艾瑞恩）. The labels are grammar words of drug and product news.
_BRACKETED = re.compile(r"[（(](?:(?:商品名|通用名|英文名|中文名|商品名称|通用名称)[：:])?"
                        r"([A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff\- ]{1,14})[）)]")


def _bracketed_aliases(ctx: Context, found: List[Mention]) -> List[Mention]:
    """``信尔美（玛仕度肽注射液）``: the other name of a product (brand or generic) written in
    brackets right after it; a company, place or stop word there is no product name."""
    out = []
    for m in found:
        b = _BRACKETED.match(ctx.norm, m.end)
        if not b:
            continue
        name = b.group(1)
        if name in ctx.companies or name in ctx.places or name in ctx.stop or lexicon.lookup_industry(name) \
                or name.endswith(tuple(ctx.csuf)) or name.startswith(("简称", "下称", "以下")):
            continue
        out.append(ctx.mention(b.start(1), b.end(1), "Product", "product_rule", 0.7))
    return out


_QUOTED = re.compile(r"[“\"「《]([^“”\"「」《》，。；！？\s]{2,12})[”\"」》]")


def _sold_fund(norm: str, m: Mention) -> bool:
    """Whether ``m`` is a fund sold as a product: a name ending in 基金 quoted right after a kind of
    such funds (货币市场基金「星港货币基金」)."""
    head = m.start - 1
    return m.name.endswith("基金") and head > 0 and norm[head] in _OPEN_CLOSE \
        and norm.endswith(lexicon.cues_longest_first("fund_product_head"), max(0, head - 4), head)


def _quoted_after_noun(ctx: Context) -> List[Mention]:
    """``平台“鲜果多多”``, ``手表“星河一号”``, ``游戏《燕云十六声》``: a quoted name right after a product-category noun;
    ``耳机品牌“听澜”``, ``竞速鞋“逐日4”``: or after a word or character that ends such a noun (``product_quote_head``);
    ``名为“灵犀”的大模型``, ``“岳储”系列``, ``“极芯”磷酸铁锂电芯``: a quoted name followed by 系列, or by
    (的 and) a noun phrase that ends in such a noun. A programme or event name (“天工计划”) is none."""
    nouns = lexicon.cues("product_noun")
    heads = nouns | lexicon.cues("product_quote_head")
    non_heads = tuple(lexicon.cues("product_non_head"))
    out = []
    norm = ctx.norm
    for toks in ctx.sentences:
        if not toks:
            continue
        for m in _QUOTED.finditer(norm, toks[0].start, toks[-1].end):
            head, tail = m.start(), m.end()
            named_before = norm.startswith("的", tail) and any(norm.startswith(w, tail + 1) for w in nouns)
            before = next((t for t in toks if t.end == head), None)
            # 复星医药“进出”, 国美电器“内战”: a firm's name ending in a head character is no category
            firm = before is not None and (before.text in ctx.companies or before.text in ctx.csuf) and not any(
                len(w) > len(before.text) and norm.endswith(w, max(0, head - len(w)), head)
                for w in heads)  # (货币市场基金「…」: a listed head longer than the firm word is a category)
            if named_before or norm.startswith("系列", tail) or _noun_phrase_after(ctx, toks, tail, nouns) \
                    or any(norm.endswith(w, max(0, head - len(w)), head) for w in (nouns if firm else heads)):
                name = m.group(1)
                # 货币市场基金「X基金」: a fund sold as a product keeps its 基金 (an investment fund does not)
                sold_fund = _sold_fund(norm, ctx.mention(m.start(1), m.end(1), "Product", "", 0))
                if name not in ctx.companies and name not in ctx.stop and (sold_fund or not name.endswith(non_heads)):
                    out.append(ctx.mention(m.start(1), m.end(1), "Product", "product_rule", 0.75))
    return out


def _noun_phrase_after(ctx: Context, toks: Sequence[Token], pos: int, nouns) -> bool:
    """Whether one to three glued noun tokens from ``pos`` end in a product-category noun
    (“极芯”磷酸铁锂 + 电芯)."""
    k = next((x for x, t in enumerate(toks) if t.start == pos), None)
    if k is None:
        return False
    for x in range(k, min(k + 3, len(toks))):
        if x > k and toks[x].start != toks[x - 1].end or toks[x].pos not in _NOUNISH:
            return False
        if toks[x].text in nouns:
            return True
    return False


# Tags of the name pieces before 系列.
_SERIES_TAGS = frozenset(("un", "nz", "nrt", "nr", "nrfg"))
# Tags that can open an unquoted product name written after its category noun.
_AFTER_NOUN_TAGS = frozenset(("un", "nz", "eng", "nrt"))
# Tags of the pieces that continue it (泽布 + 替尼, Nintendo + Switch + 2).
_AFTER_NOUN_MORE = frozenset(("un", "nz", "eng", "m", "nrt", "j"))


def _named_after_noun(ctx: Context) -> List[Mention]:
    """``手游王者荣耀世界``, ``外卖应用Keeta``, ``抗癌药泽布替尼``, ``奇梦岛系列``: an unquoted
    proper name glued right after a product-category noun, or right before 系列.

    The name must open with a word jieba does not know or tags as proper (un, nz, eng);
    a company, place, person-title or sector word, a company suffix after it (平台星河科技)
    or a bare acronym (芯片AI) makes it no product.
    """
    nouns = lexicon.cues("product_noun") | {"品牌"}
    out = []
    for toks in ctx.sentences:
        n = len(toks)
        for i, t in enumerate(toks):
            if t.text == "系列":
                # 珂 + 洛岛 + 系列: up to two glued name pieces, one of them a word jieba does not know
                a = i
                while a > 0 and i - a < 2 and toks[a - 1].end == toks[a].start and toks[a - 1].pos in _SERIES_TAGS \
                        and not ctx.is_known(toks[a - 1].text) and toks[a - 1].text not in nouns:
                    a -= 1
                if a < i and toks[i - 1].end - toks[a].start >= 2 and any(x.pos in ("un", "nz") for x in toks[a:i]):
                    out.append(ctx.mention(toks[a].start, toks[i - 1].end, "Product", "product_rule", 0.65))
                    continue
                # X200系列, THE MONSTERS系列: a Latin model name or words glued before 系列
                a = i
                while a > 0 and i - a < 3 and toks[a - 1].pos == "eng" and ctx.norm[toks[a - 1].end:toks[a].start] in ("", " ") \
                        and (a == i or toks[a - 1].end < toks[a].start):
                    a -= 1
                name = ctx.norm[toks[a].start:toks[i - 1].end] if a < i else ""
                if a < i and toks[i - 1].end == t.start and len(name) >= 3 and name not in ctx.stop \
                        and name not in lexicon.cues("product_stop") and lexicon.lookup_industry(name) is None \
                        and (any(c.isdigit() for c in name) or " " in name):
                    out.append(ctx.mention(toks[a].start, toks[i - 1].end, "Product", "product_rule", 0.65))
                continue
            if t.text == "品牌":
                out.extend(_brands_listed_before(ctx, toks, i))
            if t.text not in nouns or i + 1 >= n:
                continue
            span = _name_after(ctx, toks, i + 1, nouns) or (t.text in _APP_NOUNS and _plain_app_name(ctx, toks, i + 1))
            if span:
                out.append(ctx.mention(span[0], span[1], "Product", "product_rule", 0.65))
    return out


_BRAND_COUNT = re.compile(r"^[两三四五六七八九十几多]大?$|^[两三四五六七八九十几多][个款]$")


def _brands_listed_before(ctx: Context, toks: Sequence[Token], i: int) -> List[Mention]:
    """``卡萨帝和Leader两大品牌``: proper names joined by 和/、/及 right before a counted 品牌 (``toks[i]``);
    ``屈臣氏、百佳等零售品牌``: or before 等 (and a kind glued to 品牌)."""
    k = i - 1
    # 屈臣氏、百佳等 + 零售 + 品牌: names listed before 等 and an optional kind glued to 品牌
    if k >= 2 and toks[k].end == toks[i].start and toks[k].pos in ("n", "vn") and toks[k - 1].text == "等":
        k -= 1
    etc = k >= 1 and toks[k].text == "等"
    tags = ("un", "nz", "eng", "nrt", "nr", "j") if etc else ("un", "nz", "eng", "nrt")
    if k < 1 or not (etc or _BRAND_COUNT.match(toks[k].text)):
        return []
    names, k = [], k - 1
    while k >= 0:
        t = toks[k]
        if t.pos not in tags or ctx.is_known(t.text) or len(t.text) < 2 \
                or etc and t.pos == "nr" and _crf_overlaps(ctx, t.start, t.end, "Person"):
            return []
        names.append(t)
        if k == 0 or toks[k - 1].text not in ("和", "、", "及", "与"):
            break
        k -= 2
    if len(names) < 2:
        return []
    return [ctx.mention(t.start, t.end, "Product", "product_rule", 0.7) for t in names]


# Latin app nouns: a name glued after them is an app even when made of plain words (App掌上生活).
_APP_NOUNS = frozenset(("App", "APP"))
# Tags that end a plain-word app name: punctuation and function words.
_APP_NAME_ENDS = frozenset(("x", "uj", "ul", "u", "p", "c", "d", "r", "q"))


def _plain_app_name(ctx: Context, toks: Sequence[Token], k: int) -> Optional[Tuple[int, int]]:
    """``信用卡App掌上生活月活跃``: 3 to 5 Han characters glued after App, up to punctuation, a
    function word or a report word (月活, 新版: see ``product_stop``); jieba tags such names as
    common words, so the frame alone marks them."""
    n = len(toks)
    if k >= n or toks[k].start != toks[k - 1].end:
        return None
    reports = tuple(lexicon.cues("product_stop"))
    cues = lexicon.cues("product") | lexicon.cues("product_noun")
    j = k
    while j < n and toks[j].start == toks[j - 1].end and _HAN.match(toks[j].text) \
            and toks[j].pos not in _APP_NAME_ENDS and not ctx.norm.startswith(reports, toks[j].start):
        if ctx.is_known(toks[j].text) or toks[j].text in cues or toks[j].end - toks[k].start > 5:
            return None
        j += 1
    if j == k or toks[j - 1].end - toks[k].start < 3 or toks[k].text[0] in _GLUE:
        return None
    return toks[k].start, toks[j - 1].end


def _name_after(ctx: Context, toks: Sequence[Token], k: int, nouns) -> Optional[Tuple[int, int]]:
    """Char span of the product name opening at token ``k`` right after a category noun, or None."""
    n = len(toks)
    u = toks[k]
    if u.start == toks[k - 1].end and u.text in ctx.companies and u.text not in ctx.ambiguous and k + 1 < n:
        v = toks[k + 1]  # MPV + 岚图 + 梦想家: a maker's brand glued to a Han model name is the product's name
        if v.start == u.end and _HAN.match(v.text) and len(v.text) >= 2 and v.pos in ("un", "nz", "l", "nr", "nrt", "n") \
                and not ctx.is_known(v.text) and v.text not in nouns and v.text not in ctx.csuf \
                and v.text not in lexicon.cues("unit_head") and v.text not in lexicon.cues("product_stop"):
            return u.start, v.end
    coded = _han_coded_name(ctx, toks, k, nouns)
    if coded:
        return coded
    if u.start == toks[k - 1].end and _HAN.match(u.text) and 2 <= len(u.text) <= 3 and k + 1 < n \
            and u.pos in ("n", "nz", "un", "ns", "nr") and not ctx.is_known(u.text) and u.text not in nouns \
            and toks[k + 1].start == u.end and _han_edition_end(ctx.norm, u.end) == toks[k + 1].end > u.end:
        return u.start, toks[k + 1].end  # 平台 + 灯塔 + 专业版: an edition word marks a plain word as the name
    if u.start != toks[k - 1].end or u.pos not in _AFTER_NOUN_TAGS and not (
            u.pos in ("nr", "ns") and k + 1 < n and toks[k + 1].start == u.end and toks[k + 1].pos in ("nr", "nrt", "un")):
        return None  # 抑制剂索托 + 克拉, 产品伯牙 + 绝弦: a name in pieces may open with nr or ns
    if ctx.is_known(u.text) or u.text in nouns or u.text in ctx.surnames or u.text in ctx.csuf \
            or u.text[0] in _GLUE or u.text[0] in "已其该均" or u.text in lexicon.cues("product_stop"):
        return None  # 机型已获: a function word jieba glued, not a name; 货机 + 执飞: a verb jieba does not know
    end = k + 1
    coded = False
    while end < n and end - k < 4:
        v, prev = toks[end], toks[end - 1]
        gap = ctx.norm[prev.end:v.start]
        if not (gap == "" or gap == " " and v.pos in ("eng", "m") and prev.pos in ("eng", "m")):
            break
        if coded and v.pos not in ("eng", "m") and v.text != "-":
            break  # HK-217 + 已获: a Han word after a hyphenated code is no part of it
        if v.pos in _AFTER_NOUN_MORE and not ctx.is_known(v.text) and v.text not in nouns \
                and v.text not in lexicon.cues("product_stop"):  # 弗列加特 + 营收: a report word ends it
            end += 1
        elif v.text == "-" and prev.pos in ("eng", "m") and end + 1 < n and toks[end + 1].start == v.end \
                and toks[end + 1].pos in ("eng", "m"):
            end += 2  # 终端 + HH + - + Marine: a Latin code in hyphenated parts
            coded = True
        elif v.text in lexicon.cues("industry") or v.text in ("市场", "业务"):
            return None  # 汽车 + 用钢 + 市场: the noun and the word name a sector, not a product
        elif u.pos == "un" and end == k + 1 and v.pos in ("n", "ng", "zg") and len(v.text) <= 2 \
                and v.text not in nouns and v.text not in lexicon.cues("name_trailing") \
                and (end + 1 >= n or toks[end + 1].pos in _BREAK):
            end += 1  # 星布 + 谷地, 三翼 + 鸟 before a verb or a comma: the rest of an unknown name
            break
        else:
            break
    if end < n and toks[end].start == toks[end - 1].end and (toks[end].text in ctx.csuf or toks[end].pos == "nt"):
        return None  # 平台星河科技: a company
    if end < n and toks[end].start == toks[end - 1].end and toks[end].text in nouns and _HAN.match(toks[end].text):
        return None  # 手机 + 直连 + 卫星: a word between two category nouns describes them
    a, b = u.start, toks[end - 1].end
    name = ctx.norm[a:b]
    if toks[end - 1].pos == "m" and end - 1 == k:
        return None
    if name.isascii() and not any(c.isdigit() for c in name) and (len(name) < 4 or name.isupper() and " " not in name):
        return None  # 芯片AI, 平台GPU: an acronym, not a name
    if len(name) < 2 or name in ctx.companies or name in ctx.stop:
        return None
    return a, b


# A short model code in capitals and digits after a Han name (ET, X7, GT+), not a word (App).
_CAPS_CODE = re.compile(r"[A-Z][A-Z0-9+]{0,4}$")


def _han_coded_name(ctx: Context, toks: Sequence[Token], k: int, nouns) -> Optional[Tuple[int, int]]:
    """``新车星纪元ET``: one or two plain Han words (2 to 4 characters) glued after a category
    noun and closed by a glued Latin model code; the code marks the words as a name."""
    n = len(toks)
    e = k
    while e < n and e - k < 2 and toks[e].start == toks[e - 1].end and _HAN.match(toks[e].text) \
            and toks[e].pos in ("n", "nr", "ns", "nz", "un") and not ctx.is_known(toks[e].text) \
            and toks[e].text not in nouns and toks[e].text not in lexicon.cues("product_stop") \
            and not set(toks[e].text) & set(_GLUE):  # 网页 + 版及 + App: a joiner, not a name
        e += 1
    if e == k or e >= n or not 2 <= toks[e - 1].end - toks[k].start <= 4 or toks[e].start != toks[e - 1].end \
            or toks[e].pos != "eng" or not _CAPS_CODE.match(toks[e].text):
        return None
    if e + 1 < n and toks[e + 1].start == toks[e].end and toks[e + 1].pos in ("eng", "m"):
        return None  # a longer Latin run is left to the model rules
    return toks[k].start, _edition_end(ctx.norm, toks[e].end)


def _held_brand(ctx: Context, toks: Sequence[Token], j: int, strict: bool = False) -> Optional[Tuple[int, int]]:
    """``旗下特仑苏``, ``旗下高端品牌COLMO``: a proper name right after 旗下(的), or after
    a brand or product-category noun there; a company name or a unit (子公司) is no product.

    ``strict`` (no company right before 旗下): a bare name needs 品牌 or a category noun next to
    it (，旗下卡萨帝品牌), since a studio or subsidiary stands there just as often (旗下的KAOS工作室).
    """
    nouns = lexicon.cues("product_noun") | {"品牌"}
    n = len(toks)
    k = j

    def brand_noun(t: Token) -> bool:  # 品牌, and 时尚品牌/l: jieba glues a kind to 品牌
        return t.text in nouns or len(t.text) > 2 and t.text.endswith("品牌") and _HAN.match(t.text) is not None

    if j + 2 < n and toks[j + 2].text == "品牌":
        plain = _plain_brand_before(ctx, toks, j, j + 2)  # 旗下 + 金鹿/nr + 酒店 + 品牌
        if plain:
            return plain
    if k + 1 < n and toks[k + 1].start == toks[k].end \
            and toks[k].text + toks[k + 1].text in lexicon.cues("industry_grade"):
        k += 2  # 中 + 高端 + 酒店品牌: a grade jieba cut in two opens the category
    g = k
    while k < n and k - g < 3 and not brand_noun(toks[k]) and (
            toks[k].pos in ("n", "vn", "b", "a")
            or k + 1 < n and brand_noun(toks[k + 1]) and toks[k].pos not in ("un", "nz", "eng", "nrt")):
        k += 1  # 场景品牌, 潮玩品牌: a category before the brand noun
    while k + 1 < n and k - g < 3 and brand_noun(toks[k]) and toks[k + 1].text == "品牌" \
            and toks[k + 1].start == toks[k].end:
        k += 1  # 饮料 + 品牌: a category that is a product noun itself, then the brand noun
    if k < n and brand_noun(toks[k]):
        k += 1
        if toks[k - 1].text.endswith("品牌"):
            plain = _plain_brand_after(ctx, toks, k) or _plain_brand_before(ctx, toks, j, k - 1) \
                or _plain_brand_one(ctx, toks, k)
            if plain:
                return plain
    elif k != j:
        return None
    if k < n and k + 1 < n and toks[k].text in ctx.companies and toks[k].text not in ctx.ambiguous \
            and toks[k + 1].start == toks[k].end and toks[k + 1].pos in ("un", "nz") \
            and toks[k + 1].text not in ctx.csuf and toks[k + 1].text not in lexicon.cues("unit_head") \
            and (k + 2 >= n or toks[k + 2].start > toks[k + 1].end or toks[k + 2].pos not in _PROPER):
        return toks[k].start, toks[k + 1].end  # 旗下美团闪购: the maker's name glued to a service word
    if k >= n or toks[k].pos not in ("un", "nz", "eng", "j") or toks[k].text in ctx.companies \
            or toks[k].text in ctx.stop or lexicon.lookup_industry(toks[k].text) is not None:
        return None
    end = k + 1
    while end < n and toks[end].start == toks[end - 1].end and (
            toks[end].pos in ("eng", "m") and not _HAN.match(toks[end].text)  # 云闪付 + 日活跃: a Han count word is no version
            or toks[end].text in (".", "-", "&") and toks[k].pos == "eng" and end + 1 < n  # Trip + . + com
            and toks[end + 1].start == toks[end].end and toks[end + 1].pos == "eng"):
        end += 1
    if end == k + 1 and toks[k].pos == "un" and end < n and toks[end].start == toks[k].end and toks[end].pos == "un" \
            and _HAN.match(toks[end].text) and len(toks[k].text) + len(toks[end].text) <= 5 \
            and toks[end].text not in ctx.csuf and toks[end].text not in lexicon.cues("unit_head") \
            and not (end + 1 < n and toks[end + 1].start == toks[end].end and toks[end + 1].pos in _PROPER):
        end += 1  # 旗下东鹏 + 特饮: a brand jieba cut into two unknown words
    if end == k + 1 and k > j and toks[k].pos == "un" and _HAN.match(toks[k].text) and end + 1 < n \
            and toks[end].start == toks[k].end and toks[end].pos == "n" and _HAN.match(toks[end].text) \
            and len(toks[k].text) + len(toks[end].text) <= 4 and _plain_brand_word(ctx, toks[end]) \
            and (toks[end + 1].start > toks[end].end or toks[end + 1].pos not in _PROPER
                 and toks[end + 1].text not in nouns and toks[end + 1].text not in ctx.csuf):
        end += 1  # 品牌 + 亚朵/un + 星球/n: a brand jieba cut into an unknown word and a plain one
    if end < n and toks[end].start == toks[end - 1].end and (
            toks[end].text in ctx.csuf or toks[end].text in lexicon.cues("unit_head") or toks[end].pos in _PROPER):
        return None  # 旗下星河科技: a company; 旗下X事业部: a unit
    if strict and k == j and not (end < n and toks[end].start == toks[end - 1].end and toks[end].text in nouns):
        return None
    if end < n and toks[end].start == toks[end - 1].end and toks[end].text in lexicon.cues("product_tail"):
        end += 1  # 品牌泰康 + 之家: a brand-name tail jieba cut off
    return toks[k].start, toks[end - 1].end


#: Tags that may follow a brand name written in plain words: a verb, adverb, time word or punctuation.
_PLAIN_BRAND_ENDS = frozenset(("v", "d", "t", "p", "x", "uj", "c", "f"))


def _plain_brand_word(ctx: Context, t: Token) -> bool:
    """A plain Han word that may be a piece of a brand named in ordinary words (东方 + 树叶)."""
    return _HAN.match(t.text) is not None and t.pos in ("n", "s", "nr", "ns", "a", "nz", "un") \
        and not ctx.is_known(t.text) and t.text not in lexicon.cues("product_noun") \
        and t.text not in lexicon.cues("product_modifier") and t.text not in lexicon.cues("product_stop") \
        and t.text not in ctx.csuf and t.text not in lexicon.cues("unit_head") and t.text not in _GRADES \
        and lexicon.lookup_industry(t.text) is None and not set(t.text) & set(_GLUE)


def _plain_brand_after(ctx: Context, toks: Sequence[Token], k: int) -> Optional[Tuple[int, int]]:
    """``旗下茶饮料品牌东方树叶今年…``: two glued plain words (3 or 4 characters) right after
    旗下's brand noun, closed by a verb, adverb, time word or punctuation, are the brand's name
    (jieba tags such names as ordinary words, so only the frame marks them)."""
    n = len(toks)
    if k + 2 > n or toks[k].start != toks[k - 1].end or toks[k + 1].start != toks[k].end:
        return None
    if not all(_plain_brand_word(ctx, t) for t in toks[k:k + 2]) or not 3 <= toks[k + 1].end - toks[k].start <= 4:
        return None
    if k + 2 < n and toks[k + 2].start == toks[k + 1].end and toks[k + 2].pos not in _PLAIN_BRAND_ENDS:
        return None  # 品牌 + 门店 + 数量 + 达到: the words go on, a noun phrase rather than a name
    return toks[k].start, toks[k + 1].end


def _plain_brand_one(ctx: Context, toks: Sequence[Token], k: int) -> Optional[Tuple[int, int]]:
    """``旗下高端奶品牌金典推出…``: one plain Han word of 2 or 3 characters glued after 旗下's brand
    noun and closed by a verb, adverb or punctuation is the brand's name (jieba tags such names as
    a person's or a common word)."""
    n = len(toks)
    if k + 1 >= n or toks[k].start != toks[k - 1].end or toks[k].pos not in ("n", "nr", "nrt", "nz") \
            or not 2 <= len(toks[k].text) <= 3 or not _plain_brand_word(ctx, toks[k]):
        return None
    nxt = toks[k + 1]
    if nxt.start == toks[k].end and nxt.pos not in _PLAIN_BRAND_ENDS or nxt.text in ctx.csuf:
        return None
    return toks[k].start, toks[k].end


def _plain_brand_before(ctx: Context, toks: Sequence[Token], j: int, b: int) -> Optional[Tuple[int, int]]:
    """``旗下半岛酒店品牌将于…``: two glued words between 旗下 (``toks[j]``) and the brand noun
    (``toks[b]``), with nothing named after the noun, are the brand's name when the first is no
    category, grade or sector word (旗下高端酒店品牌, 旗下汽车品牌 name kinds)."""
    n = len(toks)
    if b - j != 2 or b + 1 < n and toks[b + 1].start == toks[b].end and toks[b + 1].pos not in _PLAIN_BRAND_ENDS:
        return None
    first, second = toks[j], toks[j + 1]
    if not (first.start == toks[j - 1].end and second.start == first.end and toks[b].start == second.end):
        return None
    if not _plain_brand_word(ctx, first) or len(first.text) < 2 or first.pos not in ("n", "nz", "un", "ns", "nr") \
            or not _HAN.match(second.text) or second.pos not in ("n", "nz", "un") or toks[b].text != "品牌":
        return None
    return first.start, second.end


def _model_code(ctx: Context, toks: Sequence[Token], j: int) -> Optional[Tuple[int, int]]:
    """``峰飞航空的V2000CG``: a Latin model code (letters and digits, one token) right after a company's 的."""
    if j >= len(toks) or toks[j].pos != "eng" or not _CODE.match(toks[j].text) or toks[j].text in ctx.stop:
        return None
    # T5 + AI + - + Core: glued Latin pieces, a hyphen between two of them, go on in one code
    end, k = toks[j].end, j + 1
    while k < len(toks) and toks[k].start == end and toks[k].text.isascii() and (
            toks[k].text.isalnum() or toks[k].text == "-" and k + 1 < len(toks) and toks[k + 1].start == toks[k].end
            and toks[k + 1].text.isascii() and toks[k + 1].text.isalnum()):
        end, k = toks[k].end, k + 1
    return toks[j].start, _edition_end(ctx.norm, end)


# A model code: capital letters then digits, maybe letters after (V2000CG, EH216, X6).
_CODE = re.compile(r"[A-Z]{1,4}\d{1,5}[A-Za-z]{0,3}$")


def _short_code_lists(ctx: Context) -> List[Mention]:
    """``G6、G9和P7+``: one-letter model codes coordinated with each other are products."""
    out = []
    for toks in ctx.sentences:
        codes = [k for k, t in enumerate(toks) if t.pos == "eng" and _SHORT_CODE.match(t.text)]
        for k in codes:
            near = [c for c in codes if c != k and abs(c - k) <= 3 and all(
                toks[x].text in ("、", "和", "及", "与", "+") for x in range(min(c, k) + 1, max(c, k))
                if x not in codes)]
            if near:
                end = toks[k].end + (1 if ctx.norm.startswith("+", toks[k].end) and not toks[k].text.endswith("+") else 0)
                out.append(ctx.mention(toks[k].start, end, "Product", "product_rule", 0.7))
    return out


def _form_suffixed(ctx: Context) -> List[Mention]:
    """``连花清瘟胶囊``, ``瑞维鲁胺片``: a drug or consumer-product form after a proper-looking name."""
    forms = lexicon.cues("product_form")
    stops = lexicon.cues("product_modifier") | lexicon.cues("product_noun") | lexicon.cues("product")
    out = []
    glued_forms = tuple(f for f in forms if len(f) == 1)
    for toks in ctx.sentences:
        for k, t in enumerate(toks):
            # 瑞卡/ns 司/nr 他片/un: jieba glued the last syllable of the name to a one-character form
            glued = t.text not in forms and t.pos == "un" and len(t.text) == 2 and t.text.endswith(glued_forms) \
                and _HAN.match(t.text) is not None and k > 0 and toks[k - 1].end == t.start
            if t.text not in forms and not glued or k == 0:
                continue
            a = k
            while a > 0 and k - a < 4 and toks[a - 1].end == toks[a].start and _HAN.match(toks[a - 1].text) \
                    and (toks[a - 1].pos in ("un", "nz", "nr", "nrt", "n", "j", "ng")
                         or toks[a - 1].pos == "ns" and a < k and toks[a - 1].text not in ctx.places) \
                    and len(toks[a - 1].text) <= 4 \
                    and toks[a - 1].text not in stops and toks[a - 1].text not in ctx.companies \
                    and toks[a - 1].text not in ctx.stop:
                a -= 1
            name = toks[a:k]
            if glued and (len(name) < 2 and not (name and name[0].pos == "un" and len(name[0].text) >= 2)
                          or any(x.text in ctx.places or x.pos in ("n", "ng") for x in name)):
                continue  # a glued form needs a name in two or more pieces, no place or plain noun among them
            # a proper part is needed (配方奶粉 is a category); a one-character form needs a rare word
            if not name or not any(x.pos in ("un", "nz", "nr", "nrt", "j") for x in name) \
                    or len(t.text) == 1 and name[-1].pos not in ("un", "nz"):
                a = _between_noun_and_form(ctx, toks, k)
                if a is None:
                    continue
            out.append(ctx.mention(toks[a].start, t.end, "Product", "product_rule", 0.7))
    return out


def _between_noun_and_form(ctx: Context, toks: Sequence[Token], k: int) -> Optional[int]:
    """``降脂新药托莱西单抗``: first token of a drug name that jieba cut into common words (托/v
    莱西/ns), framed by a category noun glued before it and a form word (``toks[k]``) after it.

    Both frames make the run a name whatever its pieces are tagged; it must be 2 to 5 Han
    characters of glued tokens with no stop word or punctuation in it.
    """
    nouns = lexicon.cues("product_noun")
    a = k
    while a > 0 and k - a < 3 and toks[a - 1].end == toks[a].start and _HAN.match(toks[a - 1].text) \
            and toks[a - 1].text not in nouns and toks[a - 1].text not in ctx.stop:
        a -= 1
    if a == k or a == 0 or toks[a - 1].text not in nouns or toks[a - 1].end != toks[a].start:
        return None
    size = toks[k - 1].end - toks[a].start
    return a if 2 <= size <= 5 else None


def _possessed_product(ctx: Context, toks: Sequence[Token], j: int) -> Optional[Tuple[int, int]]:
    """``X的Y``: Y ends in a product noun (鸿蒙操作系统) and has a proper part."""
    nouns = lexicon.cues("product_noun")
    n = len(toks)
    k = j
    while k < n and k - j < 4 and toks[k].pos not in _BREAK and toks[k].text not in ctx.stop:
        if toks[k].text in nouns:
            if k + 1 < n and toks[k + 1].text in _OPEN_CLOSE:
                return None  # 公司的3D视觉检测系统“瞳界”: the quoted word is the name, the rest its kind
            proper = [t for t in toks[j:k] if t.pos in _PROPER or t.pos == "m"]
            if proper:
                return toks[j].start, toks[k - 1].end
            return None
        k += 1
    return None


# --------------------------------------------------------------------------- industries

# Tags a sector phrase is made of: nouns, words jieba does not know, distinguishing words (在线/b).
_SECTOR_TAGS = frozenset(("n", "nz", "vn", "eng", "un", "j", "nt", "l", "b"))
# Two-character verbs, adjectives and place words jieba splits out of a compound sector
# (显示/v 面板, 体外/s 诊断/v, 精密/a 制造/v): inside a phrase only, next to one of its nouns.
_SECTOR_INNER = frozenset(("v", "a", "s"))


@recognizer(priority=60)
def industry_rule(ctx: Context) -> List[Mention]:
    """``X行业 / X领域 / X产业 / X赛道 / X板块`` (the span is X) and taxonomy labels used as a sector.

    A taxonomy label alone (芯片 in 芯片产品) is a product category, not a sector:
    it counts only before a cue or after a focus verb (进军, 专注于). ``X市场 / X业务 / X企业 /
    X厂商 / X品牌`` (weak cues) need X to end in a label (or a label and one noun: 储能系统集成商),
    or, before a firm word, to follow 一家 (是一家潮玩公司).
    """
    out = []
    cues = lexicon.cues("industry")
    weak = lexicon.cues("industry_weak")
    labels = ctx.industries
    verbs = lexicon.cues("industry_verb")
    lookup = lexicon.industry_lookup()
    mods = lexicon.cues("industry_modifier")
    focus = lexicon.cues("industry_focus_verb")
    for toks in ctx.sentences:
        n = len(toks)
        for i, j in _lexicon_spans(toks, labels):
            nxt = toks[j] if j < n else None
            cued = nxt is not None and nxt.start == toks[j - 1].end and (
                nxt.text in cues or nxt.text in weak
                # 新茶饮 + 市场竞争: jieba glued the cue to the next word
                or any(nxt.text.startswith(c) for c in _GLUED_CUE_HEADS)
                # 储能 + 业务收入: the same for 业务, but not a unit or a post (业务部, 业务员)
                or nxt.text.startswith("业务") and nxt.text[-1] not in "员部群处科组")
            glued_biz = cued and nxt.text.startswith("业务") and nxt.text != "业务"
            # 互联网 + 公司: 公司 names a kind of firm; only 一家 frames it as a sector (是一家互联网公司)
            if cued and nxt.text == "公司" and not _one_firm_in_clause(toks, i):
                cued = False
            if cued and nxt.text == "业务" and _post_after(ctx, toks, j):
                cued = False  # 资产管理业务负责人: a unit of the firm
            act_end = None
            # 天然气 + 销售业务: jieba glued an activity to 业务; the activity belongs to the sector
            if not cued and nxt is not None and nxt.start == toks[j - 1].end and _activity_business(nxt.text):
                cued, act_end = True, nxt.end - 2
            # 智能家居品牌云米: before 品牌 and a name right after it, a label is the brand's sector
            # (not 手机品牌的订单, 茶饮品牌「茶裏王」: 品牌 is no sector cue of its own)
            if not cued and nxt is not None and nxt.text == "品牌" and nxt.start == toks[j - 1].end \
                    and j + 1 < n and toks[j + 1].start == nxt.end and (toks[j + 1].pos in _NAMEY_TAGS or toks[j + 1].pos == "nr"):
                cued = True
            # 专注于工业机器人, 专注 + 于 + 工业机器人: a focus verb right before, 于/在 allowed between
            after_verb = i > 0 and (toks[i - 1].text in verbs
                                    or (i > 1 and toks[i - 1].text in ("于", "在") and toks[i - 2].text in verbs))
            end = toks[j - 1].end
            # 储能系统集成商, 锂电设备企业: a label and one more noun before a firm word: the label is the sector;
            # 碳纤维复合材料企业, 卫星互联网终端业务: before 企业, 业务 or 市场 the noun narrows it (not 初创, 合资)
            q = j  # 碳化硅 + 衬底 + 材料 + 企业: up to two nouns
            while q < n and q - j < 2 and toks[q].pos in ("n", "vn") and toks[q].start == toks[q - 1].end \
                    and toks[q].text not in weak:
                q += 1
            if not cued and j < q < n and toks[q].text in weak and toks[q - 1].end == toks[q].start:
                cued = True
                if toks[q].text in ("企业", "业务", "市场") and all(
                        x.text not in mods and x.text not in ctx.stop and len(x.text) >= 2
                        and x.text not in lexicon.cues("industry_activity") for x in toks[j:q]):
                    end = toks[q - 1].end
            if act_end is not None:
                end = act_end
            if after_verb and not cued and (nxt is None or nxt.text in ("，", "。", "；", ",", ";")) \
                    and ctx.norm[toks[i].start:end].endswith(lexicon.cues_longest_first("industry_product_head")):
                continue  # 主营智能穿戴设备，: a product category without a cue is no sector (guidelines rule 8)
            if cued or after_verb:
                start = toks[i].start
                # 城市 + 轨道交通: a glued word jieba tagged otherwise (城市/ns) that makes a longer
                # taxonomy label with the label is part of the sector
                if i > 0 and toks[i - 1].end == toks[i].start and toks[i - 1].text not in ctx.companies \
                        and toks[i - 1].text not in verbs and toks[i - 1].text not in mods \
                        and lexicon.lookup_industry(ctx.norm[toks[i - 1].start:toks[j - 1].end]) is not None:
                    start = toks[i - 1].start
                if cued and not after_verb and j - i == 1 and not glued_biz and start == toks[i].start:
                    # 扫地 + 机器人业务: nouns glued before the label narrow the sector
                    # (not before 业务收入: 疾风体育 + 跑鞋 + 业务收入 opens with the firm's name)
                    k = i
                    while k > 0 and i - k < 2 and toks[k - 1].end == toks[k].start and toks[k - 1].pos in ("n", "nz", "vn") \
                            and len(toks[k - 1].text) >= 2 and not ctx.is_known(toks[k - 1].text) \
                            and toks[k - 1].text not in verbs and toks[k - 1].text not in mods \
                            and toks[k - 1].text not in lexicon.cues("scope") \
                            and toks[k - 1].text not in lexicon.cues("org_prefix") \
                            and toks[k - 1].text not in lexicon.cues("industry_break"):
                        k -= 1
                    start = toks[k].start
                out.append(ctx.mention(start, end, "Industry", "industry_rule", 0.8))
        for i, t in enumerate(toks):
            if t.text in focus:  # 专注于大模型推理加速，: a free-text sector the taxonomy lacks
                out.extend(_focus_sector(ctx, toks, i, cues | weak))
            elif t.text in lexicon.cues("business_scope_verb") and i > 0 \
                    and toks[i - 1].text in lexicon.cues("business_scope_subject"):
                out.extend(_business_scope(ctx, toks, i + 1))
            elif t.text in ("为", "是") and i > 0 and toks[i - 1].text in lexicon.cues("main_business"):
                out.extend(_business_scope(ctx, toks, i + 1, single=True))  # 主营业务为商品混凝土。
            glued = _glued_cue(t.text, cues) if len(t.text) >= 3 else 0  # shorter: no head plus cue
            if not glued and len(t.text) >= 4:  # 化工企业 as one word: a weak cue after a taxonomy label
                weak_glued = _glued_cue(t.text, weak)
                glued = weak_glued if weak_glued and t.text[:-weak_glued] in lookup else 0
            if glued:  # 家电行业 as one word; 工程 + 机械行业: nouns before it belong to the sector
                head = t.text[:-glued]
                if head in mods or _COUNTED.match(head):  # 新兴产业, 相关行业, 三大产业: no sector named
                    if i > 1 and toks[i - 1].text in ("等", "等等"):  # 氢能和储能等新兴产业: the list is
                        out.extend(_industry_list(ctx, toks, i - 1))
                    continue
                k = _sector_start(ctx, toks, i, cues, len(head))
                out.append(ctx.mention(toks[k].start if k < i else t.start, t.end - glued, "Industry",
                                       "industry_rule", 0.7))
                out.extend(_coordinated_industries(ctx, toks, k, lookup))  # 零售和餐饮行业
                continue
            is_weak = t.text in weak
            if _activity_business(t.text) and i > 0 and toks[i - 1].end == t.start:
                # 天然气 + 销售业务: jieba glued the activity to 业务; a label and its activity are the sector
                k = _sector_start(ctx, toks, i, cues)
                if k < i and _ends_in_label(ctx.norm[toks[k].start:toks[i - 1].end], lookup):
                    out.append(ctx.mention(toks[k].start, t.end - 2, "Industry", "industry_rule", 0.7))
                continue
            if t.text not in cues and not is_weak and not _cue_before_firm_word(t.text, cues):
                continue
            if t.text == "业务" and _post_after(ctx, toks, i):
                continue  # 投资银行业务联席主管: a unit of the firm, no sector
            # 海上风电、氢能和储能等新兴产业: modifiers between 等 and the cue
            m = i
            while m > 1 and toks[m - 1].text in mods and toks[m - 1].end == toks[m].start:
                m -= 1
            if m > 1 and toks[m - 1].text in ("等", "等等") and not is_weak:
                out.extend(_industry_list(ctx, toks, m - 1))
                continue
            if not is_weak or t.text in ("业务", "市场"):
                framed = _framed_sector(ctx, toks, i)
                if framed is not None:  # 专注于机器人核心零部件领域: the whole phrase after the verb
                    out.append(framed)
            k = _sector_start(ctx, toks, i, cues)
            e = _sector_end(toks, k, i, mods)
            if k >= e and t.text == "企业":  # 的 + 软件/product word + 企业: read back past product words
                k2 = _framed_firm_sector(ctx, toks, i)
                if k2 is not None:
                    out.append(ctx.mention(toks[k2].start, toks[i - 1].end, "Industry", "industry_firm", 0.65))
                continue
            if k >= e:
                continue
            name = ctx.norm[toks[k].start:toks[e - 1].end]
            if name in ("公司", "企业") or _COUNTED.match(name):  # 三大产业, 多个领域: a count, not a sector
                continue
            if lexicon.lookup_industry(name) is None and all(
                    any(w in x.text for w in lexicon.cues("industry_focus_stop")) for x in toks[k:e]):
                continue  # 专注于技术创新领域, 产品领域: an aim or a generic noun, no sector
            if t.text == "公司" and not _one_firm_in_clause(toks, k):
                continue  # 互联网公司为其客户, 资产管理公司相寓: a kind of firm, no sector
            if is_weak and not _ends_in_label(name, lookup):
                # a weak cue (企业, 市场) needs a sector term before it: a taxonomy label (化工企业),
                # or a firm word framed as a kind of firm (是一家潮玩公司)
                if not (t.text in lexicon.cues("firm_cue") and e == i and _after_one_firm(toks, k)) \
                        and not (t.text == "市场" and e == i and _market_segment(ctx, name)):
                    k2 = _after_industry_verb(ctx, toks, k, i) if e == i else None
                    if k2 is None and t.text == "业务" and e == i:
                        k2 = _clause_business(ctx, toks, i)
                    elif k2 is None and t.text == "企业" and e == i:
                        k2 = _framed_firm_sector(ctx, toks, i)
                        if k2 is not None:
                            out.append(ctx.mention(toks[k2].start, toks[i - 1].end, "Industry", "industry_firm", 0.65))
                            continue
                    if k2 is None:
                        continue
                    k = k2
            out.append(ctx.mention(toks[k].start, toks[e - 1].end, "Industry", "industry_rule", 0.7))
            out.extend(_coordinated_industries(ctx, toks, k, lookup))
        out.extend(_counted_industry_list(ctx, toks))
    return [_without_count(ctx, _without_scope(ctx, m)) for m in out if not _latin_word_before(ctx, m)]


#: A count before a sector word (三大 + 快递企业): how many firms, no part of the sector.
_COUNT_HEAD = re.compile(r"[两二三四五六七八九十几多数]+大")


def _without_count(ctx: Context, m: Mention) -> Mention:
    """``三大快递`` → ``快递``: the sector without a count written before it."""
    c = _COUNT_HEAD.match(m.name)
    if c is None or len(m.name) - c.end() < 2:
        return m
    return ctx.mention(m.start + c.end(), m.end, m.type, m.method, m.score)


def _cue_before_firm_word(word: str, cues) -> bool:
    """``行业龙头``, ``领域巨头`` as one jieba word: a sector cue glued to the firm word that follows it
    (男装 + 行业龙头 + 海澜之家): the cue still ends the sector phrase before it."""
    return len(word) > 2 and word[:2] in cues and word[2:] in lexicon.cues("firm_cue")


_LATIN_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]+ $")


def _latin_word_before(ctx: Context, m: Mention) -> bool:
    """Whether a Latin sector word (AI) is written a space after a Latin name (WPS AI, Azure AI): the
    last word of a product's name, no sector."""
    return m.name.isascii() and _LATIN_WORD_BEFORE.search(ctx.norm, max(0, m.start - 12), m.start) is not None


def _activity_business(word: str) -> bool:
    """``销售业务`` as one word: an activity (``industry_activity``) jieba glued to 业务."""
    return len(word) > 2 and word.endswith("业务") and word[:-2] in lexicon.cues("industry_activity")


# A count before a sector cue closes a list (新能源、半导体及医疗器械三大赛道); matched on the text
# because jieba cuts such runs across words (三 + 大赛 + 道).
_COUNTED_CUE = re.compile(r"[两三四五六七八九十几多]+[大个类项]?(?:行业|产业|领域|赛道|板块|业务)")


def _counted_industry_list(ctx: Context, toks: Sequence[Token]) -> List[Mention]:
    """``光伏、储能两大业务``, ``新能源、半导体及医疗器械三大赛道``: the items of the list right
    before a counted sector cue are sectors (two at least: one noun before 三大 is no list)."""
    if not toks:
        return []
    out = []
    for m in _COUNTED_CUE.finditer(ctx.norm, toks[0].start, toks[-1].end):
        x = next((x for x, t in enumerate(toks) if t.end == m.start()), None)
        if x is None or x + 1 >= len(toks):
            continue
        items = _industry_list(ctx, toks, x + 1)
        if len(items) >= 2:
            out.extend(items)
    return out


def _without_scope(ctx: Context, m: Mention) -> Mention:
    """``国内汽车芯片`` where jieba glued 国内 to the next word: a scope word is no part of the sector."""
    for w in lexicon.cues("scope"):
        if m.name.startswith(w) and len(m.name) - len(w) >= 2:
            return ctx.mention(m.start + len(w), m.end, m.type, m.method, m.score)
    return m


def _sector_start(ctx: Context, toks: Sequence[Token], i: int, cues, head: int = 0) -> int:
    """First token of the sector phrase that ends right before token ``i`` (``i`` itself: none).

    Reads back over adjacent noun-like tokens (at most four, ten characters with the
    ``head`` characters already taken), lets a two-character verb, adjective or place
    word in when a noun of the phrase stands next to it (显示面板, 体外诊断), then drops
    leading words that are no part of a sector: focus verbs, state prefixes, scope words,
    modifiers (主攻工业机器人领域, 国家集成电路产业, 全市人工智能产业, 主要面向教育行业).
    """
    brk = lexicon.cues("industry_break")
    verbs = lexicon.cues("industry_verb")
    org_prefix = lexicon.cues("org_prefix")
    scope = lexicon.cues("scope")
    mods = lexicon.cues("industry_modifier")
    k = i
    chars = head
    while k > 0 and i - k < 4:
        p = toks[k - 1]
        if p.end != toks[k].start or p.text in ctx.companies or p.text in ctx.products or p.text in cues \
                or p.text in brk or p.text in verbs or chars + len(p.text) > 10:
            break  # 智能 + 主营 + 扫地机器人: a focus verb ends the phrase, whatever jieba glued before it
        if p.pos not in _SECTOR_TAGS and not (p.pos in ("m", "mq") and p.text[0] == "零" and len(p.text) >= 2):
            right = toks[k] if k < i else None  # (零部件/mq: jieba reads 零 as a numeral)
            left = toks[k - 2] if k >= 2 and toks[k - 2].end == p.start else None
            inner = (p.pos in _SECTOR_INNER and len(p.text) == 2 and p.text not in ctx.stop
                     and p.text not in verbs
                     and ((right is not None and right.pos in _SECTOR_TAGS)
                          or (right is None and head == 0 and left is not None
                              and (left.pos in _SECTOR_TAGS or left.pos == "s") and left.text not in brk)))
            if not inner:
                break
        chars += len(p.text)
        k -= 1
    lookup = lexicon.industry_lookup()
    before = -1
    while k != before:  # 继续 + 加码 + 即时零售: dropping a verb can bare a focus word behind it
        before = k
        while k < i and (toks[k].text in verbs or toks[k].text in org_prefix or toks[k].text in scope
                         or toks[k].text in brk
                         # 新兴/高端 + noun: a modifier, unless the phrase is a label (高端装备)
                         or (toks[k].text in mods
                             and lexicon.normalize_label(ctx.norm[toks[k].start:toks[i - 1].end]) not in lookup)
                         or (toks[k].text in ctx.stop and k + 1 < i and toks[k + 1].text in verbs)):
            k += 1
        # 提升半导体, 合成生物: a leading verb stays only where the whole phrase is a taxonomy label
        while k < i and toks[k].pos in _SECTOR_INNER \
                and lexicon.normalize_label(ctx.norm[toks[k].start:toks[i - 1].end]) not in lookup:
            k += 1
    if 0 < k < i - 1 and toks[k].text == "高端" and toks[k - 1].text in ("中", "超") and toks[k - 1].end == toks[k].start:
        k -= 1  # 中 + 高端 + 酒店: jieba cuts the grade word
    return k


def _sector_end(toks: Sequence[Token], k: int, i: int, mods) -> int:
    """End token of the phrase ``toks[k:i]`` without trailing modifiers (人工智能核心产业 -> 人工智能)."""
    e = i
    while e > k and (toks[e - 1].text in mods or _COUNTED.match(toks[e - 1].text)):
        e -= 1  # 人工智能 + 三大 + 产业: a count is no part of the sector
    return e


def _market_segment(ctx: Context, name: str) -> bool:
    """``宠物食品市场``, ``新能源SUV市场``: before 市场, a phrase of three or more characters that
    ends in a consumer-goods head (``industry_market_heads.txt``) or a product-category noun
    names a market segment, though the taxonomy lacks it; a place or a bare head does not."""
    if not 3 <= len(name) <= 8 or name in ctx.places or name in ctx.companies:
        return False
    heads = lexicon.cues("industry_market_head") | lexicon.cues("product_noun")
    return any(name.endswith(h) and len(name) > len(h) for h in heads)


# Grade words: part of a sector before a noun (高端家电, 中高端酒店), no sector alone (切入高端市场).
_GRADES = frozenset(("高端", "中高端", "中端", "低端", "中低端", "超高端"))


# Verbs before X业务 that make X a business line (负责, 分管): only before 业务.
_BUSINESS_VERBS = frozenset(("负责", "分管", "主管", "掌管"))
# Tags that never stand inside a sector phrase framed by an industry verb and a cue.
_FRAMED_BREAK = frozenset(("x", "w", "uj", "ul", "u", "p", "c", "d", "t", "q", "y", "e", "o", "nnt"))


def _framed_sector(ctx: Context, toks: Sequence[Token], i: int) -> Optional[Mention]:
    """``专注于机器人核心零部件领域``, ``深耕本地生活领域``, ``深耕半导体洁净机器人领域``: between
    an industry verb (于/在 may follow it) and the cue ``toks[i]``, the glued words are the sector
    whatever jieba tagged them (核心/modifier, 洁净/z, 本地/r): up to six words, two to twelve
    characters, no punctuation or function word, place, company or abstract word (专注于技术创新领域);
    leading scope words go (深耕国内市场 names no sector)."""
    verbs = lexicon.cues("industry_verb")
    if toks[i].text == "业务":  # 负责心血管介入业务: the business line a manager runs
        verbs = verbs | _BUSINESS_VERBS
    a, start = i, None
    while a > 0 and i - a < 7:
        p = toks[a - 1]
        if p.end != toks[a].start:
            return None
        if p.text in verbs:
            start = p.end
        elif p.text in ("于", "在") and a >= 2 and toks[a - 2].text in verbs and toks[a - 2].end == p.start:
            start = p.end
        elif p.text[0] == "于" and len(p.text) >= 2 and a >= 2 and toks[a - 2].text in ("专注", "致力") \
                and toks[a - 2].end == p.start:
            start, a = p.start + 1, a - 1  # 专注 + 于车 + 规级: jieba glued 于 to the sector's first word
        if start is not None:
            break
        if p.pos in _FRAMED_BREAK or (p.pos in ("r", "f", "m", "mq") and len(p.text) < 2) \
                or (p.pos in ("m", "mq") and p.text[0] != "零") or p.text in ctx.places \
                or p.text in ctx.companies and p.text not in ctx.industries and p.text not in ctx.ambiguous \
                or p.text in lexicon.cues("industry") or p.text in lexicon.cues("industry_break") \
                or p.text in lexicon.cues("industry_weak") and not (  # 专注于 + 企业知识管理: 企业 opens the sector
                    p.text == "企业" and a >= 2 and (toks[a - 2].text in verbs or toks[a - 2].text in ("于", "在"))):
            return None  # 零部件/mq: jieba reads 零 as a numeral
        a -= 1
    if start is None or a >= i:
        return None
    scope, mods = lexicon.cues("scope"), lexicon.cues("industry_modifier")
    while a < i - 1 and (toks[a].text in scope or toks[a].text in mods and toks[a].text != "企业") \
            and toks[a].start >= start:
        start, a = toks[a].end, a + 1  # 国内 + 疫苗, 集团 + 商用地产: a scope or modifier word goes
    end = toks[i - 1].end
    if a == i - 1 and toks[a].pos not in _SECTOR_TAGS and lexicon.lookup_industry(toks[a].text) is None:
        return None  # 从事具体业务: one word that is no noun names no sector
    name = ctx.norm[start:end]
    words = [t.text for t in toks[a:i]]
    stop = lexicon.cues("industry_focus_stop")
    if not 2 <= len(name) <= 12 or name in ctx.stop or name in mods or name in _GRADES or _COUNTED.match(name) \
            or toks[i - 1].text in mods \
            or all(w in mods or w in ctx.stop or any(x in w for x in stop) for w in words) \
            or len(words) <= 2 and words[-1] in stop \
            or len(words) == 1 and words[0] in lexicon.cues("industry_activity"):  # 负责销售业务
        return None  # 专注于技术创新领域, 深耕本地市场: an aim or a scope, no sector
    return ctx.mention(start, end, "Industry", "industry_rule", 0.7)


def _after_industry_verb(ctx: Context, toks: Sequence[Token], k: int, i: int) -> Optional[int]:
    """``聚焦住宅开发业务``, ``切入黄酒市场``, ``专注于卫星互联网终端业务``: before 业务 or 市场
    (``toks[i]``), a phrase right after an industry verb (于/在 may stand between) names the
    sector though the taxonomy lacks it: two to eight characters of nouns, no place, company,
    modifier or abstract word (深耕本地市场, 拓展海外业务). ``在X市场`` too (公司在水田机械市场的份额).
    Returns the phrase's first token (``k``, or one more place or adjective word before it:
    在 + 户外/s + 帐篷市场), else None."""
    if toks[i].text not in ("业务", "市场") or k == 0:
        return None
    verbs = lexicon.cues("industry_verb")
    scope = lexicon.cues("scope")
    if k >= 2 and toks[k - 2].text == "在" and toks[k - 1].pos in ("s", "a", "b") and len(toks[k - 1].text) == 2 \
            and toks[k - 1].end == toks[k].start and toks[i].text == "市场":
        k -= 1
    v = k - 1
    while v > 0 and toks[v].text in scope:  # 在 + 国内 + 冰箱市场: a scope word may stand between
        v -= 1
    if toks[v].text == "在" and toks[i].text == "市场":
        pass  # 公司在水田机械市场的份额: where a firm competes is a sector
    elif toks[v].text in ("于", "在") and v > 0 and toks[v - 1].text in verbs or toks[v].text in verbs:
        if toks[v].end > toks[k].start:
            return None
    else:
        return None
    name = ctx.norm[toks[k].start:toks[i - 1].end]
    if not 2 <= len(name) <= 8 or name in ctx.places or name in ctx.companies or name in ctx.stop or name in _GRADES \
            or _COUNTED.match(name) or toks[i - 1].pos not in _SECTOR_TAGS and (i - k < 2 or toks[i - 1].pos != "v"):
        return None  # 住宅 + 开发 + 业务: a verb may end a phrase of two words
    mods = lexicon.cues("industry_modifier")
    if any(x.text in ctx.places or x.text in mods or x.text in scope
           or x.text in ctx.companies and x.text not in ctx.ambiguous for x in toks[k:i]):
        return None
    return None if any(w in name for w in lexicon.cues("industry_focus_stop")) else k


# Words that open a clause or stand for the firm itself right before ``X业务`` (公司汽车线束业务,
# ，云安全业务已成为, 其中留学考试业务): the phrase after them is the firm's business line.
_BUSINESS_OPENERS = frozenset(("公司", "集团", "其", "其中", "的", "旗下", "主营", "主打", "从事", "拓展"))
# Tags a free-text business line is made of (学习/v 硬件, 屠宰/nr 肉食: jieba's guesses included).
_BUSINESS_TAGS = _SECTOR_TAGS | frozenset(("v", "vn", "a", "nr"))


def _phrase_words_ok(ctx: Context, words: Sequence[Token], stop_words, common: bool = False) -> bool:
    """Whether glued words make a sector phrase: no place, company, scope word, modifier, stop word
    (``common``: stop words such as 软件, 能源 allowed) or abstract word; not only activities
    (销售业务); two to eight characters."""
    name = "".join(x.text for x in words)
    mods, scope = lexicon.cues("industry_modifier"), lexicon.cues("scope")
    acts, stop = lexicon.cues("industry_activity"), lexicon.cues("industry_focus_stop")
    if not 2 <= len(name) <= 8 or _COUNTED.match(name) or name in _GRADES:
        return False
    if all(x.text in acts for x in words):
        return False
    for x in words:
        if x.text in ctx.places or x.text in mods or x.text in scope or x.text in stop_words \
                or x.text in ctx.companies and x.text not in ctx.ambiguous and x.text not in ctx.industries \
                or not common and x.text in ctx.stop and lexicon.lookup_industry(x.text) is None \
                or any(w in x.text for w in stop) or x.text in lexicon.cues("industry_break"):
            return False
    return True


def _post_after(ctx: Context, toks: Sequence[Token], i: int) -> bool:
    """Whether a post or a unit is glued after the cue ``toks[i]`` (资产管理业务负责人, 网络业务总裁,
    业务部): the phrase names a unit of the firm, no sector."""
    if i + 1 >= len(toks) or toks[i + 1].start != toks[i].end:
        return False
    after = toks[i + 1].text
    return after in ctx.titles or after.startswith(("负责", "联席", "首席", "部", "线", "单元", "团队", "条线")) \
        or after in ("总", "主管")


def _clause_business(ctx: Context, toks: Sequence[Token], i: int) -> Optional[int]:
    """``公司汽车线束业务今年收入有望翻倍``, ``，云安全业务已成为公司增长最快的板块``: before 业务
    (``toks[i]``), one to three glued words that open a clause (after punctuation, 公司, 其, 的
    or a focus verb) name the firm's business line, a sector, though the taxonomy lacks it; not
    a unit or post (资产管理业务负责人, 网络业务总裁) nor a region or scope (国际业务, 海外业务)."""
    if _post_after(ctx, toks, i):
        return None
    k = i
    while k > 0 and i - k < 3 and toks[k - 1].end == toks[k].start and toks[k - 1].pos in _BUSINESS_TAGS \
            and toks[k - 1].text not in _BUSINESS_OPENERS and toks[k - 1].text not in lexicon.cues("industry_verb"):
        k -= 1
    if k == i:
        return None
    if k > 0:
        p = toks[k - 1]
        if p.end == toks[k].start and not (p.pos in ("x", "w") or p.text in _BUSINESS_OPENERS
                                           or p.text in lexicon.cues("industry_verb")):
            return None
    words = toks[k:i]
    # 学习/v + 硬件: a leading verb only in a phrase of two words (not 探索 + 低 + 时延)
    if words[0].pos in ("v", "a") and len(words) != 2 or words[-1].pos not in _SECTOR_TAGS:
        return None
    if words[0].pos == "nr" and (len(words[0].text) < 2 or words[0].text in ctx.persons):
        return None
    return k if _phrase_words_ok(ctx, words, lexicon.cues("industry_business_stop")) else None


def _framed_firm_sector(ctx: Context, toks: Sequence[Token], i: int) -> Optional[int]:
    """``一家专注于分布式数据库的软件企业``, ``德国能源企业RWE``, ``浙江的制造企业``: before 企业
    (``toks[i]``), one or two glued nouns right after 的 or a place name are the firm's sector."""
    k = i
    while k > 0 and i - k < 2 and toks[k - 1].end == toks[k].start and (
            toks[k - 1].pos in ("n", "vn", "nz") or toks[k - 1].text in lexicon.cues("industry_activity")):
        k -= 1
    if k == i or k == 0:
        return None
    p = toks[k - 1]
    if not (p.text == "的" or p.text in ctx.places):
        return None
    if p.text == "的" and k >= 2 and (toks[k - 2].text in lexicon.cues("industry") or _glued_cue(toks[k - 2].text, lexicon.cues("industry"))):
        return None  # 人工智能领域的代表企业, 智能教育领域的科技企业: the sector is named before 的
    return k if _phrase_words_ok(ctx, toks[k:i], lexicon.cues("industry_business_stop"), common=True) else None


def _focus_sector(ctx: Context, toks: Sequence[Token], i: int, cues) -> List[Mention]:
    """``专注于大模型推理加速，``, ``主营能量饮料，``, ``一家专注于农业无人机的科技公司``: the
    phrase after a focus verb (``toks[i]``), up to a clause break or to 的 and a firm word.

    The phrase is glued noun-like tokens (verbs inside: 推理 + 加速), opens with a noun, holds no
    abstract word (专注于技术创新) and loses a trailing activity (化妆品 + 研发); a cue right
    after it is left to the cue rules. Three to eight characters, or a taxonomy label.
    """
    n = len(toks)
    s = i + 1
    if s < n and toks[s].text in ("于", "在") and toks[i].text not in ("专注于", "致力于"):
        s += 1
    if s >= n or toks[s].start != toks[s - 1].end or toks[s].pos not in _SECTOR_TAGS:
        return []
    stop = lexicon.cues("industry_focus_stop")
    brk = lexicon.cues("industry_break")
    j = s
    while j < n and j - s < 4 and toks[j].start == toks[j - 1].end and toks[j].text not in cues \
            and toks[j].text not in brk and toks[j].text != "的" \
            and (toks[j].pos in _SECTOR_TAGS or toks[j].pos in ("v", "vn", "a")):
        if toks[j].text in ctx.companies or toks[j].text in ctx.places \
                or any(w in toks[j].text for w in stop):  # 技术创新 as one word
            return []
        j += 1
    nxt = toks[j].text if j < n else "。"
    # 的 + 科技 + 公司: at most one word between 的 and the firm word (的芯片设计公司 names the sector itself)
    framed = nxt in ("，", "。", "；", ",", ";") or nxt == "的" and any(
        (toks[x].text in lexicon.cues("firm_cue") or toks[x].text.endswith(("公司", "企业")))
        and all(lexicon.lookup_industry(toks[y].text) is None for y in range(j + 1, x)) for x in range(j + 1, min(n, j + 3)))
    acts = lexicon.cues("industry_activity")
    while j > s + 1 and toks[j - 1].text in acts:
        j -= 1  # 化妆品 + 研发: the activity is no part of the sector
    if not framed or j == s:
        return []
    a, b = toks[s].start, toks[j - 1].end
    name = ctx.norm[a:b]
    if nxt != "的" and name.endswith(lexicon.cues_longest_first("industry_product_head")):
        return []  # 主营智能穿戴设备，: a product category without a cue is no sector (guidelines rule 8)
    label = lexicon.lookup_industry(name) is not None
    if not label and (not 3 <= len(name) <= 8 or name in ctx.stop or name in lexicon.cues("product_noun")
                      or toks[j - 1].pos == "a" or _COUNTED.match(name)):
        return []
    return [ctx.mention(a, b, "Industry", "industry_rule", 0.65)]


def _business_scope(ctx: Context, toks: Sequence[Token], k: int, single: bool = False) -> List[Mention]:
    """``业务涵盖快递、冷链物流和供应链服务。``: every item of the list from ``toks[k]`` to the
    clause end, when each is one to three glued noun tokens (2 to 8 characters, no company
    or place); one item that is no such phrase voids the list (业务涵盖全国200多个城市).
    A list of one item needs a taxonomy label, unless ``single`` (主营业务为商品混凝土)."""
    n = len(toks)
    out = []
    while k < n:
        j = k
        while j < n and j - k < 3 and (j == k or toks[j].start == toks[j - 1].end) and toks[j].pos in _SECTOR_TAGS \
                and toks[j].text not in _LIST_JOINERS:
            j += 1
        if j == k:
            return []
        a, b = toks[k].start, toks[j - 1].end
        name = ctx.norm[a:b]
        if not 2 <= len(name) <= 8 or name in ctx.companies or name in ctx.places or _COUNTED.match(name) \
                or name in ctx.stop and lexicon.lookup_industry(name) is None:
            return []
        out.append(ctx.mention(a, b, "Industry", "industry_list", 0.65))
        if j < n and toks[j].text in _LIST_JOINERS:
            k = j + 1
            continue
        if j >= n or toks[j].text in ("，", "。", "；", "等", ",", ";"):
            break
        return []
    return out if len(out) >= 2 or single or any(lexicon.lookup_industry(m.name) for m in out) else []


def _ends_in_label(name: str, lookup) -> bool:
    """Whether ``name`` ends in a taxonomy label of two or more characters (国内冷链物流, 汽车模具)."""
    for s in range(len(name) - 1):
        if lexicon.normalize_label(name[s:]) in lookup:
            return True
    return False


def _after_one_firm(toks: Sequence[Token], k: int) -> bool:
    """``一家`` shortly before token ``k``, inside the clause (是一家潮玩公司, 一家全球性的生物科技公司)."""
    for b in range(k - 1, max(-1, k - 5), -1):
        if toks[b].text == "一家":
            return True
        if toks[b].pos in ("x", "w") or toks[b].text in ("，", "。", "、", "；"):
            return False
    return False


def _one_firm_in_clause(toks: Sequence[Token], k: int) -> bool:
    """``一家`` anywhere before token ``k`` in its clause (是一家以酱油为主业的调味品公司): 公司 after
    it names the kind of firm the subject is, so the phrase before 公司 is a sector."""
    for b in range(k - 1, max(-1, k - 12), -1):
        if toks[b].text == "一家":
            return True
        if toks[b].text in ("，", "。", "；", "：", ",", ";", "！", "？"):
            return False
    return False


def _coordinated_industries(ctx: Context, toks: Sequence[Token], k: int, labels) -> List[Mention]:
    """``动力电池和充电桩产业链``, ``智能座舱、高阶智驾和车载软件等领域``: the items joined
    to the sector before a cue (token ``k`` starts the last one) are sectors too, when
    each is a taxonomy label (one to three tokens)."""
    out = []
    while k >= 2 and toks[k - 1].text in ("、", "和", "及", "与", "以及") and toks[k - 1].end == toks[k].start:
        e = k - 1
        for back in (3, 2, 1):
            s = e - back
            if s < 0 or toks[s].end > toks[e].start:
                continue
            name = ctx.norm[toks[s].start:toks[e - 1].end]
            if name in labels and all(toks[x].end == toks[x + 1].start for x in range(s, e - 1)):
                out.append(ctx.mention(toks[s].start, toks[e - 1].end, "Industry", "industry_list", 0.7))
                k = s
                break
        else:
            break
    return out


_LONGEST: Dict[int, Tuple[object, int]] = {}


def _glued_cue(word: str, cues) -> int:
    """Length of the longest sector cue that ends ``word`` after a 2+ character head (家电行业), else 0."""
    if len(word) < 3:  # most words: too short for a head plus a cue
        return 0
    got = _LONGEST.get(id(cues))
    if got is None or got[0] is not cues:
        got = _LONGEST[id(cues)] = (cues, max(map(len, cues), default=0))
    for size in range(min(got[1], len(word) - 2), 0, -1):
        if word[-size:] in cues:
            return size
    return 0


_JOINERS = ("、", "和", "及", "与", "以及", ",", "，")


def _industry_list(ctx: Context, toks: Sequence[Token], k: int) -> List[Mention]:
    """``医疗、金融等领域``, ``半导体、生物医药和高端装备等领域``: each item of the list
    before 等 (token ``k``): a taxonomy label of up to three tokens, else one noun token,
    or two adjacent noun tokens when a list joiner stands before them (和高端装备)."""
    out = []
    lookup = lexicon.industry_lookup()
    generic = (lexicon.cues("firm_cue") | lexicon.cues("industry_modifier") | lexicon.cues("industry")
               | lexicon.cues("industry_weak") | lexicon.cues("industry_break"))
    while k > 0:
        start = None
        for back in (3, 2):
            s0 = k - back
            if s0 >= 0 and lexicon.normalize_label(ctx.norm[toks[s0].start:toks[k - 1].end]) in lookup \
                    and all(toks[x].end == toks[x + 1].start for x in range(s0, k - 1)):
                start = s0
                break
        if start is None:
            for back in (2, 1):
                s0 = k - back
                if s0 < 0 or (back == 2 and (s0 == 0 or toks[s0 - 1].text not in _JOINERS
                                             or toks[s0].end != toks[s0 + 1].start)):
                    continue
                items = toks[s0:k]
                name = ctx.norm[toks[s0].start:toks[k - 1].end]
                # 汽车、家电和通信等行业: inside a list a common word (stop word) is a sector too,
                # but not a firm word, a cue or a modifier
                if any(x.pos not in _SECTOR_TAGS or x.text in ctx.companies or x.text in generic
                       for x in items) and lexicon.lookup_industry(name) is None:
                    continue
                start = s0
                break
        if start is None:
            break
        out.append(ctx.mention(toks[start].start, toks[k - 1].end, "Industry", "industry_list", 0.7))
        if start - 1 >= 0 and toks[start - 1].text in ("、", "和", "及", ","):
            k = start - 1
        else:
            break
    return out


def _one_firm_of_sector(ctx: Context, m: Mention) -> Mention:
    """``是一家潮玩公司``: a "company" right after 一家 that is a sector word and a firm word
    names a kind of firm, not a firm: the sector word is an Industry."""
    if m.type != "Company" or ctx.norm[max(0, m.start - 2):m.start] != "一家":
        return m
    for cue in ("公司", "企业", "厂商"):
        head = m.name[:-len(cue)]
        if m.name.endswith(cue) and 2 <= len(head) <= 6 and head not in ctx.companies \
                and head not in ctx.places and head not in lexicon.cues("industry_modifier"):
            return ctx.mention(m.start, m.end - len(cue), "Industry", "industry_rule", 0.6)
    return m


def _platform_sector(ctx: Context, toks: Sequence[Token], k: int, e: int) -> bool:
    """Whether the phrase ``toks[k:e]`` before 平台 and a product name is the firm's sector: it stands
    on its own after a break word or punctuation (旗下 + 生鲜电商平台“鲜果多多”), and holds only common
    nouns; a modifier glued in front (智慧 + 物业平台, 深水 + 油气平台) or a word jieba does not know
    (其自研 + 工业视觉平台) makes it the kind of platform built, no sector."""
    if any(x.pos not in ("n", "vn", "nz") for x in toks[k:e]):
        return False
    if k == 0:
        return True
    prev = toks[k - 1]
    return prev.end != toks[k].start or prev.pos == "x" or prev.text in lexicon.cues("industry_break") \
        or prev.text in lexicon.cues("industry_verb") or prev.text == "的"


def _sector_before_firm(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """``激光雷达厂商禾赛科技``, ``生鲜电商平台“鲜果多多”``: the free-text phrase before a firm
    word that stands right before a company name (平台/品牌: or a product name) is that
    firm's sector (an apposition), when no mention covers it yet."""
    mentions = [_one_firm_of_sector(ctx, m) for m in mentions]
    starts = {m.start: m.type for m in mentions if m.type in ("Company", "Product")}
    if not starts:
        return mentions
    # 旗下潮玩品牌TOP TOY: a label before 品牌 and a product names the kind of the brand, not a sector
    # (养老 + 社区品牌泰康之家: one more noun may stand between the label and 品牌)
    # 具身智能公司星尘动力, 机器人初创公司灵猴科技, 充电桩运营商快电科技: a kind-of-firm word between the
    # phrase and a name makes an apposition that describes the firm; guidelines rule 8 wants a sector cue
    mentions = [m for m in mentions if not (m.type == "Industry" and any(
        ctx.norm.startswith(w, m.end + g) and starts.get(m.end + g + len(w)) in (
            ("Product",) if w == "品牌" else ("Product", "Company"))
        and _HAN.match(ctx.norm[m.end:m.end + g] or "品") for g in (0, 1, 2) for w in lexicon.cues("firm_kind")))]
    cues = lexicon.cues("industry")
    mods = lexicon.cues("industry_modifier")
    firm_words = lexicon.cues("firm_cue") - lexicon.cues("firm_kind")
    taken = bytearray(len(ctx.norm) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    added = []
    for toks in ctx.sentences:
        for c, t in enumerate(toks):
            # 生鲜电商平台“鲜果多多”: a platform or brand word may name a product after it
            after = starts.get(t.end) or (ctx.norm[t.end:t.end + 1] in _OPEN_CLOSE and starts.get(t.end + 1))
            # (not 公司, 厂商, 运营商: 四足机器人公司蓝岭机器人, 充电桩运营商快电科技 name a kind of firm;
            # 品牌 only after a taxonomy label: 智能家居品牌云米)
            if c == 0 or not after or not (t.text in firm_words and after == "Company"
                                           or t.text in ("平台", "品牌") and ctx.norm[t.start - 1:t.start] != "的"):
                continue
            k = _sector_start(ctx, toks, c, cues)
            e = _sector_end(toks, k, c, mods)
            if k >= e or e != c:
                continue  # 头部企业: nothing but a modifier before the firm word
            start, end = toks[k].start, toks[e - 1].end
            name = ctx.norm[start:end]
            if t.text == "品牌" and after == "Product":
                continue  # 潮玩品牌TOP TOY: the kind of a product brand, not the maker's sector
            if after == "Product" or t.text in ("平台", "品牌"):  # 合作平台“蒲公英”: a label is needed
                if not _ends_in_label(name, lexicon.industry_lookup()):
                    continue
            if t.text == "平台" and not _platform_sector(ctx, toks, k, e):
                continue  # 智慧物业平台“星尘”, 深水油气平台: a kind of platform the firm built, no sector
            if not 2 <= len(name) <= 8 or any(taken[start:end]) or _COUNTED.match(name) or name in mods \
                    or name in ctx.places or (name in ctx.stop and lexicon.lookup_industry(name) is None):
                continue
            added.append(ctx.mention(start, end, "Industry", "industry_rule", 0.6))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


# --------------------------------------------------------------------------- places and organisations


@recognizer(priority=50)
def place_rule(ctx: Context) -> List[Mention]:
    """Places from the lexicon and words jieba tags as place names."""
    out = []
    for toks in ctx.sentences:
        for i, j in _lexicon_spans(toks, ctx.places):
            if _crf_firm_from(ctx, toks[i].start, toks[j - 1].end):
                continue  # 呼伦贝尔乳业: the city opens a firm's name the CRF reads whole
            end = toks[j - 1].end
            if ctx.norm[end:end + 1] == "区" and ctx.norm[end + 1:end + 2] != "域" and _region_kind(
                    ctx.places.get(ctx.norm[toks[i].start:end], "")):
                continue  # 亚太区副总裁, 欧洲区: a firm's sales region, a unit, no place
            out.append(ctx.mention(toks[i].start, _admin_suffix_end(ctx, toks, j), "Place", "place_rule", 0.9))
            city = _city_crf_after_province(ctx, toks, i, j)
            if city:
                out.append(city)
        for k, t in enumerate(toks):
            park = _named_park(ctx, toks, k)
            if park:
                out.append(ctx.mention(park[0], park[1], "Place", "place_rule", 0.9))
                continue
            if len(t.text) >= 4 and t.text.endswith("地区") and t.text[:-2] in ctx.places:
                out.append(ctx.mention(t.start, t.end - 2, "Place", "place_rule", 0.9))  # 亚太 + 地区: one word
                continue
            if (t.pos == "ns" and len(t.text) >= 2 and t.text not in ctx.places and t.text not in ctx.surnames
                    and not ctx.is_known(t.text) and _crf_agrees(ctx, t.start, t.end, "Place")):
                nxt = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].start == t.end else None
                if t.text.endswith("区") and _before_title(ctx, t.end):
                    continue  # 大中华区副总裁: a sales region of the employer, a unit before the title
                if (len(t.text) <= 3 and all(c in lexicon.place_abbreviations() for c in t.text)
                        and ctx.norm.startswith(lexicon.cues_longest_first("place_pair"), t.end)):
                    continue  # 中欧 + 包裹: a run of short forms, one place each (place_abbreviation_rule)
                end = t.end
                if t.text.endswith("地区") and len(t.text) >= 4:
                    end -= 2  # 中东地区: the region word is no part of the name
                elif nxt is not None and nxt.text == "州" and t.text not in ctx.places:
                    end = nxt.end  # 图林根 + 州: a state is named with its 州
                else:
                    end = _admin_suffix_end(ctx, toks, k + 1)
                wider = _wider_crf_place(ctx, t.start, end)
                out.append(ctx.mention(wider[0], wider[1], "Place", "place_rule", 0.6) if wider
                           else ctx.mention(t.start, end, "Place", "place_rule", 0.6))
    return out


def _named_park(ctx: Context, toks: Sequence[Token], k: int) -> Optional[Tuple[int, int]]:
    """Span of a named park ending in token ``k`` (路竹 + 科学园区, 新竹 + 科学园区): the park head
    and the one name word glued before it (a place or a name jieba does not know). A firm's
    campus (华为 + 科技园) or a kind (产业 + 园区) is no named park; a city before the name word
    (高雄 + 路竹科学园区) stays a place of its own."""
    t = toks[k]
    head = next((h for h in lexicon.cues_longest_first("park_head") if t.text.endswith(h)), None)
    if head is None:
        return None
    if len(t.text) > len(head):  # one word: 张江科学城
        stem = t.text[:-len(head)]
        return (t.start, t.end) if stem in ctx.places and len(stem) >= 2 else None
    a = k
    while a > 0 and k - a < 2:
        p = toks[a - 1]
        if p.end != toks[a].start or not _HAN.match(p.text) or p.text in ctx.companies \
                or p.text in ctx.stop or p.text in ctx.industries or p.text in ctx.titles \
                or not (p.text in ctx.places or p.pos in ("ns", "nr", "un", "nz", "j")):
            break
        if a < k and p.text in ctx.places and toks[k - 1].start - toks[a].start + len(toks[k - 1].text) >= 2:
            break  # 苏州 + 独墅湖科技园区: the city before the park's name is a place of its own
        a -= 1
    if a == k or toks[k - 1].end - toks[a].start < 2:
        return None
    return toks[a].start, t.end


def _park_kind(ctx: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` is a park head with no name word before it (产业园区, 工业 + 园区): a kind
    of park. A name word is a place or a word jieba tags as a name (独墅湖 + 科技园区 is a park)."""
    name = ctx.norm[start:end]
    head = next((h for h in lexicon.cues_longest_first("park_head") if name.endswith(h)), None)
    if head is None:
        return False
    pos = start
    while pos < end - len(head):
        t = _token_at(ctx, pos)
        if t is None or t.text in ctx.places or t.pos in _PROPER:
            return False
        pos = t.end
    return True


#: One-character administrative words jieba cuts off a place name (南沙 + 区, 北宁 + 省).
_ADMIN_SUFFIXES = frozenset("省市区县")


def _admin_suffix_end(ctx: Context, toks: Sequence[Token], j: int) -> int:
    """End of the place whose last token is ``toks[j - 1]``, taking a glued administrative
    suffix token (南沙 + 区 → 南沙区, 北宁 + 省 → 北宁省); not 区 before a job title (a sales
    region, 华东区总经理) nor after a region or country (亚太区, 欧洲区)."""
    end = toks[j - 1].end
    if j >= len(toks) or toks[j].start != end or toks[j].text not in _ADMIN_SUFFIXES:
        return end
    name = ctx.norm[toks[j - 1].start:end]
    if toks[j].text == "区" and (_before_title(ctx, toks[j].end) or _region_kind(ctx.places.get(name, ""))
                                 or lexicon.place_kinds().get(name) in ("country", "continent", "province")):
        return end
    if toks[j].text == "省" and lexicon.place_kinds().get(name) in ("city", "country", "continent"):
        return end
    nxt = toks[j + 1] if j + 1 < len(toks) and toks[j + 1].start == toks[j].end else None
    if nxt is not None and (nxt.text in ctx.csuf or nxt.text in lexicon.cues("branch_head") or nxt.pos == "nnt"):
        return end  # 北京市 + 分公司, 市 + 长: not a place's suffix
    return toks[j].end


def _wider_crf_place(ctx: Context, start: int, end: int) -> Optional[Tuple[int, int]]:
    """A sure CRF Place span of Han characters that holds ``start:end`` and goes past it (霍克/nr +
    斯湾/ns inside 霍克斯湾): jieba cut the foreign name, the CRF read it whole."""
    for s, e, t, sc in _crf_raw(ctx) or ():
        if t == "Place" and sc >= 0.9 and s <= start and end <= e and (s, e) != (start, end) and e - s <= 6 \
                and _HAN.match(ctx.norm[s:e]) and not any(ctx.norm.startswith(p, s) and len(p) >= 2
                                                          for p in (ctx.norm[s:s + 2], ctx.norm[s:s + 3]) if p in ctx.places):
            return s, e
    return None


def _city_crf_after_province(ctx: Context, toks: Sequence[Token], i: int, j: int) -> Optional[Mention]:
    """``在吉林抚松新建``: a two- or three-character word glued after a province that the CRF reads
    as one place with it is the county or city (jieba tags such names as verbs: 抚松/v)."""
    if j >= len(toks) or j - i != 1 or lexicon.place_kinds().get(toks[i].text) not in _REGION_KINDS:
        return None
    t = toks[j]
    if t.start != toks[i].end or not _HAN.match(t.text) or not 2 <= len(t.text) <= 3 or ctx.is_known(t.text) \
            or t.pos in ("nnt", "uj", "p", "c", "d", "m", "x") or t.text in ctx.csuf:
        return None
    if not any(ty == "Place" and s == toks[i].start and e == t.end and sc >= 0.6 for s, e, ty, sc in _crf_raw(ctx) or ()):
        return None
    return ctx.mention(t.start, t.end, "Place", "place_rule", 0.6)


def _opens_council(ctx: Context, end: int) -> bool:
    """Whether a council's or association's name goes on from ``end`` (加中 + 贸易理事会, 中美 + 商会):
    an organisation suffix ending in 会 within six Han characters."""
    heads = ctx.__dict__.get("_council_heads")
    if heads is None:
        heads = ctx.__dict__["_council_heads"] = tuple(w for w in ctx.osuf if w.endswith("会") and len(w) >= 2)
    for k in range(end, min(end + 7, len(ctx.norm))):
        if ctx.norm.startswith(heads, k):
            return True
        if not "\u4e00" <= ctx.norm[k] <= "\u9fff":
            return False
    return False


#: What follows 方 when 中方 is no side of a talk but part of a word (其中方面, 美方式).
_NOT_SIDE = frozenset("面式法向案针位圆块格正形")


@recognizer(priority=58)
def place_abbreviation_rule(ctx: Context) -> List[Mention]:
    """One-character short forms of places (``place_abbreviations.txt``), where news uses them:

    - a run of two or more of one group, standing as its own words, before a pair word (中美 + 关系,
      港澳 + 同胞; 沪深两市 names the exchanges) or made of bare country forms only (中俄第五个联合声明;
      非法 is no run);
    - one before 方 (中方, 美方 表示);
    - one after a verb or preposition of place (访华, 赴港上市, 对美出口, 驻美大使), when no dictionary
      word starts at it (对华为, 在美元, 在日前 are no places).
    """
    norm = ctx.norm
    found = [m.start() for m in _short_form_chars().finditer(norm)]  # few: most characters are none
    if not found:
        return []
    table = lexicon.place_abbreviations()
    starts = {t.start for t in ctx.doc.tokens}
    pair_words = lexicon.cues_longest_first("place_pair")
    verbs = lexicon.cues("place_verb")
    from .segment import word_freq

    out: List[Mention] = []
    n = len(norm)
    done = -1
    for i in found:
        entry = table[norm[i]]
        if i <= done or i not in starts:
            continue
        j = i + 1
        while (j < n and j - i < 4 and norm[j] in table and norm[j] not in norm[i:j]
               and table[norm[j]][1] == entry[1] and "pair" in table[norm[j]][2]):
            j += 1
        if j - i >= 2 and "pair" in entry[2] and (norm.startswith(pair_words, j) or (
                (j in starts or norm[j:j + 1] in ("及", "和", "与", "等"))  # (日韩及东南亚: jieba's 韩及)
                and all("bare" in table[c][2] for c in norm[i:j]))) and not _opens_council(ctx, j):
            out.extend(ctx.mention(k, k + 1, "Place", "place_abbreviation", 0.8) for k in range(i, j))
            done = j - 1
            continue
        if "side" in entry[2] and norm[i + 1:i + 2] == "方" and norm[i + 2:i + 3] not in _NOT_SIDE:
            out.append(ctx.mention(i, i + 1, "Place", "place_abbreviation", 0.8))
    for i in found:
        entry = table[norm[i]]
        if (i > 0 and "verb" in entry[2] and norm[i - 1] in verbs and i - 1 in starts
                and norm[i + 1:i + 2] != "股" and (not any(word_freq(norm[i:i + k]) for k in (2, 3, 4))
                                                   or _one_char_place_token(ctx, i))):
            # (在 + 华/ns + 电动化: jieba read the short form alone, though 华电 is a word too)
            out.append(ctx.mention(i, i + 1, "Place", "place_abbreviation", 0.8))
    return out


def _one_char_place_token(ctx: Context, i: int) -> bool:
    """Whether jieba cut the character at ``i`` as a one-character place word (在 + 华/ns + 电动化)."""
    t = _token_at(ctx, i)
    return t is not None and t.start == i and t.end == i + 1 and t.pos == "ns"


@lru_cache(maxsize=1)
def _short_form_chars() -> "re.Pattern":
    """A character class of the one-character short forms of ``place_abbreviations.txt``."""
    return re.compile("[" + re.escape("".join(lexicon.place_abbreviations())) + "]")


def _region_kind(place: str) -> bool:
    """Whether ``place`` (a canonical name) is a region or continent in the lexicon (亚太, 欧洲)."""
    return lexicon.place_kinds().get(place) in ("region", "continent")


def _crf_firm_from(ctx: Context, start: int, end: int) -> bool:
    """Whether a sure CRF Company span starts at ``start`` and goes on past ``end`` by a business
    word of two to four Han characters (呼伦贝尔 + 乳业), so the place opens a firm's name."""
    spans = _crf_raw(ctx)
    if not spans:
        return False
    heads = lexicon.cues("firm_head")

    def kind_of_firm_at(pos: int) -> bool:  # 东京游戏 + 开发商: the place and the word describe a firm
        tok = _token_at(ctx, pos)
        return tok is not None and tok.start == pos and (tok.text in heads or tok.text.endswith("商"))

    return any(s == start and end + 2 <= e <= end + 4 and t == "Company" and sc >= CRF_MIN_SCORE["Company"]
               and _HAN.match(ctx.norm[end:e]) and not kind_of_firm_at(e)
               and ctx.norm[end:e] not in lexicon.cues("subsidiary_head")  # 新西兰 + 子公司: a description
               and ctx.norm[end:e] not in ctx.places  # 江苏省 + 盐城市: two places
               and (_after_country(ctx, s, e) == s or ctx.norm[s:end] == "中国")  # 德国 + 安联集团: the CRF
               # span loses the country (crf_mentions); 中国 + 南方航空 is one name
               and ctx.norm[end:e] not in lexicon.cues("name_tail") for s, e, t, sc in spans)  # 顺德 + 工厂: a site


def _crf_agrees(ctx: Context, start: int, end: int, etype: str) -> bool:
    """Whether the CRF (any score) tags a span of ``etype`` over ``start:end``.

    jieba's ``ns`` tag alone is noisy (深度, 新建); a guess it backs needs the CRF's
    support. Without a model every guess stands.
    """
    spans = _crf_raw(ctx)
    if spans is None:
        return True
    return any(s <= start and end <= e and t == etype for s, e, t, _sc in spans)


def _crf_overlaps(ctx: Context, start: int, end: int, etype: str, min_score: float = 0.0) -> bool:
    """Whether some CRF span of ``etype`` overlaps ``start:end`` (True without a model).

    A surname-led guess of the person rule (于本周, 于车) stands only when the CRF
    also sees a person there.
    """
    spans = _crf_raw(ctx)
    if spans is None:
        return True
    return any(s < end and start < e and t == etype and sc >= min_score for s, e, t, sc in spans)


def _crf_person_before(ctx: Context, start: int, end: int) -> bool:
    """Whether a CRF person span starts before ``start`` and ends inside ``start:end``: the name
    lies before the guess (欧阳静和 + 此前任: the rule's 和此前 is its last character and a time word)."""
    return any(t == "Person" and s < start < e < end for s, e, t, _sc in _crf_raw(ctx) or [])


def _crf_raw(ctx: Context):
    """The CRF's spans over ``ctx.norm`` (computed once per document), or None without a model."""
    if "_crf_raw" not in ctx.__dict__:
        ctx.__dict__["_crf_raw"] = _crf_spans([ctx.doc])[0]
    return ctx.__dict__["_crf_raw"]


def _crf_spans(docs: Sequence[Document]) -> list:
    """Per document, the CRF's ``(start, end, type, score)`` spans, tagged in one call; None each without a model."""
    try:
        from . import crf

        return [[(m.start, m.end, m.type, m.score) for m in ms] for ms in crf.tag_documents(docs)]
    except FileNotFoundError:  # no model: the rules run without the CRF
        return [None] * len(docs)


#: Words written before a post's employer that say the post is a former or present one (原国家能源局副司长).
_FORMER = frozenset(("原", "前", "现"))


@recognizer(priority=55)
def org_suffix_rule(ctx: Context) -> List[Mention]:
    """``X委员会 / X协会 / X大学 / X部 ...`` and dictionary organisation names ending so.

    Units inside a company (腾讯公司微信事业群, 微信支付产品部) are left out: a run
    that holds or follows a company or product name is an internal unit.
    """
    out = []
    osuf = ctx.osuf
    prefixes = lexicon.cues("org_prefix")
    for toks in ctx.sentences:
        n = len(toks)
        for i, t in enumerate(toks):
            w = t.text
            if w in ctx.orgs:
                out.append(ctx.mention(t.start, t.end, "Organization", "org_suffix_rule", 0.9))
                continue
            if t.pos == "j" and len(w) >= 3 and w[-1] in "会院委局部办署":
                s0 = i - 1 if i > 0 and toks[i - 1].text in prefixes | {"中国"} and toks[i - 1].end == t.start else i
                out.append(ctx.mention(toks[s0].start, t.end, "Organization", "org_suffix_rule", 0.75))
                continue
            if w not in osuf and len(w) > 2 and w.endswith("医院") and i > 0 and toks[i - 1].end == t.start \
                    and toks[i - 1].text.endswith(("大学", "学院")) and (toks[i - 1].pos == "nt" or toks[i - 1].text in ctx.orgs):
                # 北京大学 + 肿瘤医院/n: a university's hospital jieba reads as one plain word, one body
                out.append(ctx.mention(toks[i - 1].start, t.end, "Organization", "org_suffix_rule", 0.8))
                continue
            if w not in osuf and w.endswith("医院") and i > 1 and toks[i - 1].text == "附属":
                s = i - 2  # 复旦大学 + 附属 + 华山医院/nt, 上海交通大学 + 医学院 + 附属 + 瑞金医院: one body
                if s > 0 and toks[s].text in ("医学院", "医学部") and toks[s - 1].end == toks[s].start:
                    s -= 1
                if toks[s].text.endswith(("大学", "学院")) and (toks[s].pos == "nt" or toks[s].text in ctx.orgs) \
                        and all(toks[x].end == toks[x + 1].start for x in range(s, i)):
                    out.append(ctx.mention(toks[s].start, t.end, "Organization", "org_suffix_rule", 0.8))
                    continue
            if w not in osuf:
                if t.pos == "nt" and _suffix_of(w, osuf) and w not in ctx.companies \
                        and (not _suffix_of(w, ctx.csuf) or _org_word(ctx, w)) \
                        and not (w.endswith("部") and i > 0 and toks[i - 1].end == t.start
                                 and (toks[i - 1].pos in ("n", "vn") and toks[i - 1].text not in ctx.places
                                      or toks[i - 1].text in ctx.companies)):
                    # (诺华全球药物 + 开发部总监: a department after the words naming its work, a unit)
                    out.append(ctx.mention(t.start, t.end, "Organization", "org_suffix_rule", 0.75))
                continue
            if i + 1 < n and toks[i + 1].text in osuf and toks[i + 1].start == t.end:
                continue  # the chain goes on (管理 委员会 办公室): take it at its end
            k = i
            while k > 0 and toks[k - 1].text in osuf and toks[k - 1].end == toks[k].start:
                k -= 1
            s = k
            while s > 0 and k - s < 6:
                p = toks[s - 1]
                if p.end != toks[s].start:
                    break
                if p.pos == "nt" and _suffix_of(p.text, osuf) or p.text in ctx.orgs:
                    if (toks[s].text == "附属" and s < k - 1 or toks[i].text.endswith("医院")) \
                            and p.text.endswith(("大学", "学院")):
                        s -= 1  # 复旦大学 + 附属 + 中山医院, 北京大学 + 肿瘤 + 医院: a university's hospital, one body
                        break
                    s = -1  # 清华大学材料学院, 中国证监会 + 机构部: a unit inside an organisation
                    break
                joiner = p.text in ("和", "与") and s - 1 > 0 and s < k
                ordinal = p.pos == "m" and p.text[0] == "第" and len(p.text) <= 3 and s - 1 > 0 \
                    and toks[s - 2].text == "附属"  # 附属 + 第一 + 医院: an affiliated hospital's number
                if not (joiner or ordinal or p.pos in _NOUNISH or p.text in prefixes) or p.text in ctx.titles:
                    break
                s -= 1
            if s < 0:
                continue
            run = toks[s:k]
            while len(run) > 1 and run[0].text in _FORMER:
                run = run[1:]  # 原 + 国家能源局 + 副司长: "former" says when the post was held, no part of the name
            if not run or run[0].text in ("和", "与"):
                continue
            cut = max((x for x, r in enumerate(run[:-1]) if r.text == "与" and run[x + 1].pos == "ns"), default=-1)
            if cut >= 0:
                s += cut + 1  # 携程集团 + 与 + 新疆维吾尔自治区文化和旅游厅: 与 joins two parties, the body
                run = run[cut + 1:]  # starts at the place after it
            if any(r.text in ctx.companies or r.text in ctx.products for r in run):
                continue
            if s > 0 and (toks[s - 1].text in ctx.csuf or toks[s - 1].text in ctx.companies) and toks[s - 1].end == toks[s].start:
                continue
            # A proper noun, a 国家/中央 prefix, or a "X和Y" government-style name.
            if not any(r.pos in _PROPER or r.text in prefixes or r.text in ("和", "与") for r in run):
                continue
            name = ctx.norm[run[0].start:toks[i].end]
            if len(name) >= 3 and name not in ctx.stop:
                out.append(ctx.mention(run[0].start, toks[i].end, "Organization", "org_suffix_rule", 0.75))
    return out


# --------------------------------------------------------------------------- merging


# A list joiner inside a span: two names the CRF ran together (X200 Pro与X200 mini).
_LIST_IN_NAME = re.compile("[" + _JOINER_CHARS + "]")


#: Tags that show a CRF span ran on past a name into a clause (马来西亚 + 投资建设圆柱电池).
_VERBISH = frozenset(("v", "vn", "vd", "p", "d", "t", "uj", "m"))


def _place_in_name(m: Mention, c: Mention, norm: str, tokens: Optional[Sequence[Token]]) -> bool:
    """Whether ``m`` is a place that is part of ``c``, a longer CRF company or organisation name.

    The name must go on after the place (大疆深圳 + 工厂 is a firm and a site), must not
    stand before a site word (深圳坪山 + 工厂), the part after the place must not describe a
    firm before naming it (德国 + 厨电品牌卓雅电器), and after a leading place it must hold
    no verb, adverb or time word (马来西亚 + 投资建设圆柱电池 is a clause) and be at least
    four characters or end in a company or organisation suffix (深圳 + 设厂). A place in the
    middle (招商银行 + 深圳 + 分行) belongs to the firm's branch, a unit (guidelines rule 6).
    """
    if m.type != "Place" or c.method != "crf" or c.type not in ("Company", "Organization") \
            or m.end >= c.end or _LIST_IN_NAME.search(c.name):
        return False
    if any(norm.startswith(w, c.end) for w in lexicon.cues("name_tail")):
        return False
    rest = norm[m.end:c.end]
    if any(0 <= rest.find(w) < len(rest) - len(w) for w in lexicon.cues("firm_cue")):
        return False  # 德国 + 厨电品牌卓雅电器: a description of a firm, then its name
    if m.start > c.start:
        return True
    if len(rest) < 4 and not (_suffix_of(c.name, lexicon.suffixes("company"))
                              or _suffix_of(c.name, lexicon.suffixes("org"))):
        return False  # 深圳 + 设厂: a place and a short word, no name without a suffix
    return tokens is None or not _verbish_between(tokens, m.end, c.end)


def _verbish_between(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a token inside ``start:end`` is a verb, adverb, time word, 的 or numeral."""
    k = bisect.bisect_left(tokens, start, key=lambda t: t.start)
    while k < len(tokens) and tokens[k].end <= end:
        if tokens[k].pos in _VERBISH:
            return True
        k += 1
    return False


def _clause_before_crf(q: int, c: Mention, p: int, m: Mention, norm: str,
                       tokens: Optional[Sequence[Token]]) -> bool:
    """Whether ``c``, a less trusted rule's span, reaches left past the more trusted CRF span
    ``m`` of its type over a list joiner or a verb (图为 + 北京市房地产协会, 实拍 + 武汉市政府,
    美术馆和地方 + 美术家协会): the rule guessed the start, the CRF's start stands."""
    if q >= p or m.method != "crf" or c.method == "crf" or c.type != m.type or c.end != m.end:
        return False
    return bool(_LIST_IN_NAME.search(norm, c.start, m.start)) \
        or (tokens is not None and _verbish_between(tokens, c.start, m.start))


def _maker_before_product(c: Mention, m: Mention, norm: str) -> bool:
    """Whether the CRF product span ``c`` only adds a known, unambiguous maker's name before the
    product ``m`` (高通 + 骁龙XR2): the maker is a Company mention of its own, so the CRF span must
    not swallow the product (吉利 + 银河E8 is ambiguous: the CRF span stays and is split later)."""
    maker = norm[c.start:m.start]
    return c.type == "Product" and maker in lexicon.companies() and maker not in lexicon.ambiguous_companies()


def merge(candidates: List[Tuple[int, Mention]], norm: str,
          tokens: Optional[Sequence[Token]] = None) -> List[Mention]:
    """Non-overlapping mentions from ``(priority, mention)`` candidates, sorted by start.

    A candidate strictly inside a longer one of the same type, or of any type from
    a recogniser with priority >= 60, goes first (骁龙 in 骁龙8, 小米 in 小米SU7), and so
    does a place inside a CRF company or organisation name (:func:`_place_in_name`, which
    reads the document's ``tokens`` when given); then higher priority, longer, earlier wins.
    """
    kept = []
    active: List[Tuple[int, Mention]] = []  # earlier candidates that may still contain later ones
    for p, m in sorted(candidates, key=lambda pm: (pm[1].start, -pm[1].end)):
        if m.end <= m.start:
            continue
        active = [(q, c) for q, c in active if c.end > m.start]
        # Longest match: a span strictly inside another of its type, or inside a span
        # from a confident rule (小米 in 小米SU7, 深圳 in 深圳星河智能科技有限公司), goes.
        # A less trusted CRF span never swallows a span of a more trusted rule, unless
        # it only extends that span leftwards (星河Watch 3 over Watch 3), and not by a known
        # maker's name (高通 + 骁龙XR2: the maker is a mention of its own).
        # A place inside a CRF company or organisation name (长沙 in 长沙商业银行, 湖北 in
        # 湖北卫视) is part of that name, whatever the priorities (guidelines rule 2).
        inside = any(m.end <= c.end and (c.end - c.start) > (m.end - m.start)
                     and (_place_in_name(m, c, norm, tokens) or (
                         (q >= p or c.method != "crf"
                          or (c.type == m.type != "Place" and c.end == m.end and not _LIST_IN_NAME.search(c.name)
                              and not _maker_before_product(c, m, norm)))
                         and (c.type == m.type or q >= _SWALLOW)
                         and not _clause_before_crf(q, c, p, m, norm, tokens)))
                     for q, c in active)
        active.append((p, m))
        if not inside:
            kept.append((p, m))
    kept.sort(key=lambda pm: (-pm[0], -(pm[1].end - pm[1].start), pm[1].start))
    taken = bytearray(len(norm) + 1)
    out = []
    stop = lexicon.stopwords()
    for _p, m in kept:
        if any(taken[m.start:m.end]):
            continue
        # 汽车行业, 互联网企业: a taxonomy label the industry rules found is a sector, stop word or not
        sector = m.type == "Industry" and lexicon.lookup_industry(m.name) is not None
        # (industry_firm: 的软件企业, 德国能源企业RWE: a common noun framed as the firm's sector)
        if not sector and ((m.name in stop and m.method not in ("industry_list", "industry_firm"))
                           or (m.name.endswith("网") and m.method != "lexicon_companies")):
            continue  # site names (新华网) are page chrome, not graph entities; 电池 alone is no entity
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        out.append(m)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def recognize(doc: Document, recognizers: Optional[Sequence[Callable]] = None,
              crf_spans: Optional[list] = None) -> Document:
    """Set ``doc.mentions`` from the recognisers (default :data:`RECOGNIZERS`).

    Segments the document first when it has no sentences yet. ``crf_spans``
    are the CRF's ``(start, end, type, score)`` spans when they were computed
    already (:func:`recognize_many`); by default the CRF tags the document here.
    """
    if not doc.sentences:
        from .segment import segment

        segment(doc)
    ctx = Context(doc)
    if crf_spans is not None:
        ctx.__dict__["_crf_raw"] = crf_spans
    candidates: List[Tuple[int, Mention]] = []
    for fn in (RECOGNIZERS if recognizers is None else recognizers):
        prio = getattr(fn, "priority", 50)
        candidates.extend((prio, m) for m in fn(ctx))
    mentions = _brand_prefixed_products(_no_generic_products(merge(candidates, ctx.norm, ctx.doc.tokens), ctx.norm), ctx.norm)
    mentions = _spaced_model_parts(ctx, mentions)
    mentions = _no_drug_targets(ctx, _no_place_in_branch(ctx, _sector_before_firm(ctx, mentions)))
    mentions = _held_place_names(ctx, _maker_before_han_model(ctx, mentions))
    doc.mentions = _repeated_names(ctx, _country_before_firm(ctx, _trailing_words(ctx, _name_final_glue(ctx, mentions))))
    doc.mentions = _person_named_as_firm(ctx, _split_compound_surname(ctx, doc.mentions))
    doc.mentions = _no_quantity_firms(ctx, _city_after_province(ctx, _split_joined_places(ctx, doc.mentions)))
    doc.mentions = _industry_prefixes(ctx, _lead_word_off_firm(ctx, doc.mentions))
    doc.mentions = _branch_of_known_firm(ctx, _china_arm(ctx, _listed_firm_read_as_product(ctx, doc.mentions)))
    doc.mentions = _product_edges(ctx, _traded_brands(ctx, doc.mentions))
    doc.mentions = _month_off_names(ctx, _bare_compound_surnames(ctx, doc.mentions))
    doc.mentions = _whole_book_title(ctx, _firm_description_before_name(ctx, doc.mentions))
    doc.mentions = _no_source_credits(ctx, _no_split_sums(ctx, doc.mentions))
    return doc


#: A source credit line of a scraped page (来源：36氪, 稿源: 界面新闻): the outlet is no entity of the story.
_SOURCE_CREDIT = re.compile(r"(?:^|\n)[ \t]*(?:来源|稿源|出处|文章来源|消息来源)[ \t]*[：:][ \t]*$")


def _no_source_credits(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """No company or organisation that a source credit line names (来源：36氪)."""
    norm = ctx.norm
    return [m for m in mentions if not (m.type in ("Company", "Organization")
                                        and _SOURCE_CREDIT.search(norm, max(0, m.start - 12), m.start))]


def _no_split_sums(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """No product ends in a digit that a thousands separator continues (新台幣9 + ,300億元, 售價89 +
    ,990元): a sum of money cut at its comma, no model name."""
    return [m for m in mentions if not (m.type == "Product" and m.name[-1:].isdigit()
                                        and _THOUSANDS_AFTER.match(ctx.norm, m.end))]


_BOOK_TITLE = re.compile(r"《([^《》，。；！？\s]{2,12})》")


def _whole_book_title(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A product span that is part of a short title in book-title marks, and the only mention there,
    grows to the whole title: 续作《山海归途2》 is one work, not 归途2 (a report's title, 《…白皮书》,
    is left alone)."""
    if "《" not in ctx.norm:
        return mentions
    heads = tuple(lexicon.cues("document_head"))
    out = list(mentions)
    for t in _BOOK_TITLE.finditer(ctx.norm):
        a, b = t.start(1), t.end(1)
        inside = [x for x, m in enumerate(out) if m.start < b and a < m.end]
        if len(inside) != 1 or t.group(1).endswith(heads):
            continue
        m = out[inside[0]]
        if m.type == "Product" and a <= m.start and m.end <= b and (m.start, m.end) != (a, b):
            out[inside[0]] = ctx.mention(a, b, "Product", m.method, m.score)
    return out


#: Kinds of local bank named by a place written before them (重庆农村商业银行, 宁波城市商业银行).
_PLACE_NAMED_KINDS = frozenset(("农村商业银行", "城市商业银行", "农商银行", "农村信用社", "村镇银行", "农商行"))


def _firm_description_before_name(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A company span that only describes a firm (a place and ordinary words before 公司 or 企业, see
    :func:`_generic_firm`) written right before a firm's name: 英国 + 生物科技公司 + 海伦生物, 德国 +
    户外用品公司 + 狼爪, 成都 + 初创公司 + 慢慢来. The description is no entity; the name after it is.
    A company span that is a kind of firm (``generic_firm``: 商业银行, 外资行) is none either."""
    starts = {m.start for m in mentions if m.type == "Company"}
    kinds = lexicon.cues("generic_firm")
    out = []
    for m in mentions:
        if m.type == "Company" and m.name in kinds:
            if m.name in _PLACE_NAMED_KINDS and out and out[-1].type == "Place" and out[-1].end == m.start:
                # 重庆 + 农村商业银行: a local bank is named by its place and its kind
                out[-1] = ctx.mention(out[-1].start, m.end, "Company", m.method, m.score)
            continue  # 商业银行, 外资行: a kind of firm, no firm
        if m.type == "Company" and m.end in starts and _described_firm(ctx, m.start, m.end):
            place = _leading_place(ctx, m.start, m.end)
            if place:  # 成都 + 初创公司 + 慢慢来: the place stays
                out.append(ctx.mention(m.start, m.start + place, "Place", "place_rule", 0.8))
            continue
        if m.type == "Company" and ("公司" in m.name[:-2] or "企业" in m.name[:-2]):
            # 航运公司 + 达飞海运集团 read as one span: the description is cut off the name
            # (統一企業 + 股份有限公司: a legal form after 企业 makes 企业 part of the name)
            pos, cut = m.start, None
            while pos < m.end - 2 and cut is None:
                t = _token_at(ctx, pos)
                if t is None:
                    break
                if m.start < t.end <= m.end - 2 and t.text.endswith(("公司", "企业")) \
                        and _described_firm(ctx, m.start, t.end) and not any(ctx.norm.startswith(w, t.end) for w in ctx.csuf):
                    cut = t.end
                pos = t.end
            if cut is not None:
                m = ctx.mention(cut, m.end, "Company", m.method, m.score)
        out.append(m)
    return out


def _described_firm(ctx: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` is a place (optional) and ordinary words before 公司 or 企业 (生物科技公司,
    德国户外用品公司): :func:`_generic_firm`, or every word before the head a dictionary word."""
    from .segment import word_freq
    if _generic_firm(ctx, start, end):
        return True
    text = ctx.norm
    if not text.endswith(("公司", "企业"), start, end):
        return False
    start += _leading_place(ctx, start, end - 2)
    pos = start
    while pos < end - 2:
        tok = _token_at(ctx, pos)
        if tok is None or tok.start != pos or tok.end > end - 2 or tok.pos in _NAMEY_TAGS or tok.pos in _NAME_TAGS \
                or not (word_freq(tok.text) >= 3 or tok.text in ctx.industries) or ctx.is_known(tok.text):
            return False
        pos = tok.end
    return pos > start


def _listed_firm_read_as_product(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A tagger's Product span with exactly the name of a listed firm that is also an ordinary word
    (五粮液, 马自达: ``companies_ambiguous``, which the lexicon rule skips) and no known product is
    that firm: the tagger saw a name, and the lexicon knows it as a firm only. Not in quotes or right
    after a firm (华为“启明”智能基站: the maker's product)."""
    out = []
    ends = {m.end for m in mentions if m.type == "Company"}
    for m in mentions:
        if m.type == "Product" and m.method == "crf" and m.name in ctx.ambiguous and m.name in ctx.companies \
                and m.name not in ctx.products and ctx.norm[m.start - 1:m.start] not in _OPEN_CLOSE \
                and m.start not in ends:  # (华为“启明”: a maker's product)
            m = ctx.mention(m.start, m.end, "Company", m.method, m.score)
        out.append(m)
    return out


_BRANCH_PLACE = re.compile(r"([\u4e00-\u9fff]{2,4}?)[省市]?$")


def _branch_of_known_firm(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A company span made of a known firm, a place and a branch word before a job title (中国移动 +
    重庆 + 公司 + 副总经理, 中国联通 + 广东省 + 分公司 + 总经理): the branch is an internal unit between
    the employer and the title (guidelines rule 6); the firm in front is the mention and the place
    inside the unit is none. (A branch named on its own, 中国电信武汉分公司近日…, stays whole, and so
    does a firm's China arm, 空中客车中国公司, a company of its own like 耐克中国.)"""
    heads = lexicon.cues_longest_first("branch_head") + ("公司",)
    out = []
    for m in mentions:
        if m.type == "Company" and m.name not in ctx.companies and len(m.name) >= 6 and _before_title(ctx, m.end):
            head = next((h for h in heads if m.name.endswith(h)), None)
            k = max((k for k in range(2, len(m.name) - 3) if m.name[:k] in ctx.companies
                     and m.name[:k] not in ctx.ambiguous), default=0) if head else 0
            place = _BRANCH_PLACE.match(m.name[k:len(m.name) - len(head)]) if k else None
            t = _token_at(ctx, m.start + k) if place else None
            if place and place.group(1) in ctx.places and t is not None and t.start == m.start + k \
                    and not (place.group(1) == "中国" and head == "公司"):  # (空中客车中国公司: the China arm)
                m = ctx.mention(m.start, m.start + k, "Company", m.method, m.score)
        out.append(m)
    return out


def _bare_compound_surnames(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A person mention that is a compound surname alone (教授万俟 + 清远/ns) takes the given name the
    tagger reads with it (万俟清远), and a place jieba saw in that given name goes."""
    out = list(mentions)
    for m in mentions:
        if m.type != "Person" or len(m.name) != 2 or m.name not in ctx.surnames or m not in out:
            continue
        wider = [(s, e) for s, e, t, _sc in (_crf_raw(ctx) or ()) if t == "Person" and s == m.start and 3 <= e - s <= 4]
        if not wider:
            continue
        end = max(e for _s, e in wider)
        if not _HAN.match(ctx.norm[m.start:end]):
            continue
        out = [x for x in out if not (x.start < end and x.end > m.start)]
        out.append(ctx.mention(m.start, end, "Person", m.method, m.score))
    return sorted(out, key=lambda x: (x.start, x.end))


def _product_edges(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A Latin product name's ``+`` is part of it (Alipay+, Disney+); a Latin code right before
    认证 or 标准 (通过AEC-Q100认证, 符合ISO 26262标准) names a standard, not a product; a tagger's
    Company span with the text of a product a rule found is that product."""
    out = []
    norm = ctx.norm
    # 品牌“燕麦森林” … 燕麦森林将借助…: the tagger's bare firm reading of a name a rule typed as a
    # product elsewhere in the text is that product again (a traded brand is a firm everywhere already)
    products = {m.name for m in mentions if m.type == "Product" and m.method != "crf"}
    for m in mentions:
        if m.type == "Company" and m.method == "crf" and m.name in products and m.name not in ctx.companies \
                and not _suffix_of(m.name, ctx.csuf):
            m = ctx.mention(m.start, m.end, "Product", "repeat", m.score)
        if m.type == "Product" and m.name.isascii():
            if norm.startswith(lexicon.cues_longest_first("standard_head"), m.end):
                continue
            nxt = norm[m.end + 1:m.end + 2]
            if norm[m.end:m.end + 1] == "+" and not (nxt.isascii() and (nxt.isalnum() or nxt == "+")):
                m = ctx.mention(m.start, m.end + 1, "Product", m.method, m.score)
        out.append(m)
    return out


#: What follows a business, not a product: its equity changing hands (的全部股权, 75%的股权) or its
#: funding round (完成1.5亿元A轮融资).
_FIRM_DEAL_AFTER = re.compile(r"[”\"」》]?(?:\s?\d+(?:\.\d+)?[%％])?的(?:全部|部分|多数|少数|控股|剩余)?股权"
                              r"|[”\"」》]?(?:已|正式|宣布)?完成[^，。；！？]{0,12}融资")


def _traded_brands(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """``收购户外品牌Jack Wolfskin的全部股权``, ``学习机品牌“知了”完成A轮融资``: a brand whose equity
    is sold or that raises a funding round is the business behind it, a Company in every mention."""
    firms = {m.name for m in mentions if m.type == "Product" and _FIRM_DEAL_AFTER.match(ctx.norm, m.end)}
    for m in mentions:
        if m.type == "Product" and m.name in firms:
            m.type = "Company"
    return mentions


#: What may follow 中国 after a company for 中国 to be a sales region or a market, not the arm's name.
_CHINA_ARM_STOP = frozenset("区市境大内业")
#: 中国 that opens a unit's own name (罗氏 + 中国创新中心, 中国研究院): the unit, not the arm.
_CHINA_UNIT = re.compile(r"中国[\u4e00-\u9fff]{0,4}(?:中心|研究院|研究所|实验室)")


def _china_arm(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A company name with 中国 written right after it names the company's China arm: one Company
    mention (耐克 + 中国 → 耐克中国, 辉瑞中国医学事务部 → 辉瑞中国), but not before a region or market word
    (苹果中国区总裁, 特斯拉中国市场 keep the company alone), nor where 中国 opens a unit's
    own name (罗氏中国创新中心: 罗氏 alone)."""
    out: List[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (m.type == "Company" and nxt is not None and nxt.type == "Place" and nxt.name == "中国"
                and nxt.start == m.end and _china_arm_at(ctx, m.end)):
            out.append(ctx.mention(m.start, nxt.end, "Company", m.method, m.score))
            i += 2
            continue
        if m.type == "Company" and _bare_china_word(ctx, m.end) and (nxt is None or nxt.start >= m.end + 2) \
                and _china_arm_at(ctx, m.end):
            # 沃尔玛 + 中国山姆会员店事业部: the merge gave 中国 to the unit's name, but it is the arm's
            out.append(ctx.mention(m.start, m.end + 2, "Company", m.method, m.score))
            i += 1
            continue
        out.append(m)
        i += 1
    return out


def _china_arm_at(ctx: Context, pos: int) -> bool:
    """Whether 中国 at ``pos`` (right after a company) names its China arm: not before a region or
    market word (苹果 + 中国区, 特斯拉 + 中国市场) nor opening a unit's own name (罗氏 + 中国创新中心)."""
    return ctx.norm[pos + 2:pos + 3] not in _CHINA_ARM_STOP and not _CHINA_UNIT.match(ctx.norm, pos)


def _bare_china_word(ctx: Context, pos: int) -> bool:
    """Whether the jieba word 中国 starts at ``pos`` with no mention on it (沃尔玛 + 中国 + 山姆会员店:
    the CRF read 中国 as part of a longer unit name, so no Place was kept)."""
    t = _token_at(ctx, pos)
    return t is not None and t.start == pos and t.text == "中国"


def _split_compound_surname(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A person name that lost the first character of its compound surname (副总裁 长/a + 孙志远/nr,
    or a rule that cut 长 from 长孙/ns + 明辉 as a title character) takes it back: 长孙志远, not 孙志远.

    The character must start a word of its own (a one-character word or the surname word; 董事长孙志远
    keeps 孙志远: 长 ends the title word), the two characters a compound surname that is no everyday
    word, the whole at most four characters, and the word before it a title, a verb, a punctuation
    mark or the start of the text, but no title that takes the character (董事 + 长孙 is 董事长).
    """
    from .segment import word_freq

    out = []
    for m in mentions:
        if m.type == "Person" and m.start >= 1 and len(m.name) <= 3:
            t = _token_at(ctx, m.start - 1)
            sur = ctx.norm[m.start - 1:m.start + 1]
            if (t is not None and t.start == m.start - 1 and (t.end == m.start or t.text == sur) and len(sur) == 2
                    and sur in ctx.surnames and word_freq(sur) < 800
                    and not any(o is not m and o.start < m.start and o.end > m.start - 1 for o in mentions)):
                prev = _token_at(ctx, m.start - 2) if m.start >= 2 else None
                if (prev is None or prev.pos in ("nnt", "x", "w", "v", "p") or prev.text in ctx.titles) \
                        and (prev is None or ctx.norm[prev.start:m.start] not in ctx.titles):  # (董事 + 长孙: 董事长)
                    m = ctx.mention(m.start - 1, m.end, "Person", m.method, m.score)
        out.append(m)
    return out


_REGION_KINDS = ("province", "region")


def _split_joined_places(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A Place span that is a province and a city written together (jieba's 云南昆明, 广东佛山)
    becomes two places: 云南 + 昆明; so does a country and its city (德国柏林 → 德国 + 柏林).

    Both parts must be lexicon places, the first a province, region or country.
    """
    kinds = lexicon.place_kinds()
    out = []
    for m in mentions:
        if m.type == "Place" and m.name not in kinds:
            for k in range(2, len(m.name) - 1):
                head, rest = m.name[:k], m.name[k:]
                if (kinds.get(head) in _REGION_KINDS or kinds.get(head) == "country" and len(rest) >= 2) \
                        and rest in ctx.places:  # (德国柏林: a country and its city are two places too)
                    out.append(ctx.mention(m.start, m.start + k, "Place", m.method, m.score))
                    m = ctx.mention(m.start + k, m.end, "Place", m.method, m.score)
                    break
        out.append(m)
    return out


def _city_after_province(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A company name that is also a city (a lexicon city or a span the CRF reads as a place),
    written right after a province or region (内蒙古鄂尔多斯, 江苏连云港), is the city: a Place."""
    kinds = lexicon.place_kinds()
    out = []
    prev = None
    for m in mentions:
        if (m.type == "Company" and prev is not None and prev.type == "Place" and prev.end == m.start
                and kinds.get(prev.name) in _REGION_KINDS and (kinds.get(m.name) == "city" or _place_word(ctx, m))):
            m = ctx.mention(m.start, m.end, "Place", "place_rule", m.score)
        out.append(m)
        prev = m
    return out


#: A capacity or amount with its unit (2GW, 50万吨): never a company name before a suffix (2GW新能源).
_QUANTITY_STEM = re.compile(r"^\d+(?:\.\d+)?(?:GW|MW|kW|KW|GWh|MWh|TWh|千瓦|万千瓦|吨|万吨|亿元|万元)")


def _place_word(ctx: Context, m: Mention) -> bool:
    """Whether the CRF reads the span as a place (鄂尔多斯 after 内蒙古), with a model only."""
    return _crf_raw(ctx) is not None and _crf_agrees(ctx, m.start, m.end, "Place")


def _no_quantity_firms(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """Company spans that start with a quantity and its unit (2GW新能源制氢项目 → no 2GW新能源) go."""
    return [m for m in mentions if not (m.type == "Company" and _QUANTITY_STEM.match(m.name))]


def _industry_prefixes(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """An Industry span extended over a narrowing word written right before it (``industry_prefix``
    cues): 跨境 + 冷链物流 → 跨境冷链物流, 消费级 + 3D打印 → 消费级3D打印, and 同 + 城即时配送 →
    同城即时配送 where jieba cut the word apart and a rule took its second half.

    The word must start a jieba word (not 非跨境), and no other mention may cover it.
    """
    prefixes = lexicon.cues_longest_first("industry_prefix")
    if not prefixes:
        return mentions
    out = []
    prev_end = 0
    for m in mentions:
        if m.type == "Industry":
            for p in prefixes:
                for s in range(m.start - len(p), m.start):
                    if s < prev_end or s < 0 or not ctx.norm.startswith(p, s) or s + len(p) > m.end - 2:
                        continue
                    t = _token_at(ctx, s)
                    if t is None or t.start != s:
                        continue
                    m = ctx.mention(s, m.end, "Industry", m.method, m.score)
                    break
                else:
                    continue
                break
        out.append(m)
        prev_end = m.end
    return out


def _lead_word_off_firm(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A verb or a "former" glued by jieba's HMM onto the front of a company name goes:
    曾 + 获高榕/un + 资本 → 高榕资本 (获 after an adverb), 原淘天/nr + 集团 + 副总裁 → 淘天集团 (原
    before a job title: the employer's former name), 承运 + 方陆港/nr + 物流集团 → 陆港物流集团 (方
    after a two-character verb: the party's role, 承运方, 执行方).

    Only where the first jieba word of the span is an unknown or name word longer than the character
    (not 原子/n), the rest keeps two characters before its suffix, and no known company starts there.
    """
    out = []
    for m in mentions:
        if m.type == "Company" and m.name[:1] in ("获", "原", "方") and m.name not in ctx.companies:
            t = _token_at(ctx, m.start)
            if t is not None and t.text == "方" and t.start == m.start and len(m.name) >= 5 \
                    and _role_word_before(_token_at(ctx, m.start - 1) if m.start else None, m):
                out.append(ctx.mention(m.start + 1, m.end, "Company", m.method, m.score))  # 执行 + 方 + 中建…公司
                continue
            rest = m.name[1:]
            suf = _suffix_of(rest, ctx.csuf)
            if t is not None and t.start == m.start and len(t.text) >= 3 and t.pos in ("un", "nr", "nz", "nrt") \
                    and suf is not None and len(rest) - len(suf) >= 2:
                prev = _token_at(ctx, m.start - 1) if m.start else None
                nxt = _token_at(ctx, m.end)
                if m.name[0] == "方" and _role_word_before(prev, m) \
                        or m.name[0] == "获" and prev is not None and prev.pos == "d" \
                        or m.name[0] == "原" and nxt is not None and nxt.start == m.end \
                        and (nxt.pos == "nnt" or nxt.text in ctx.titles):
                    m = ctx.mention(m.start + 1, m.end, "Company", m.method, m.score)
        out.append(m)
    return out


def _role_word_before(prev: Optional[Token], m: Mention) -> bool:
    """Whether ``prev`` is a two-character verb glued before the 方 that opens ``m`` (承运 + 方,
    执行 + 方): together they name the party's role, not the firm."""
    return prev is not None and prev.end == m.start and prev.pos in ("v", "vn") and len(prev.text) == 2


def _person_named_as_firm(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A tagger's Company span with exactly the text of a person a rule found elsewhere in the
    document (聘任微生思远为总经理 ... 微生思远此前担任) is that person again, and a tagger's Person
    span with the text of a company a rule found is that company.

    Only spans without a company suffix and not in the company lexicon are retyped.
    """
    persons = {m.name for m in mentions if m.type == "Person" and m.method != "crf"}
    # and the other way round: 企业贝舒乐完成融资 … 贝舒乐由…创立: the tagger's Person span with the
    # text of a company a rule found is that company again (unless a rule found the person too)
    firms = {m.name for m in mentions if m.type == "Company" and m.method != "crf"} - persons
    # 零售企业鲜邻惠完成融资 … 鲜邻惠首席执行官钱牧之: a name a firm noun introduced is the firm
    # wherever a person rule read it as a name before a title
    introduced = {m.name for m in mentions if m.type == "Company" and m.method == "firm_head_name"}
    persons -= introduced
    firms |= introduced
    out = []
    for m in mentions:
        if m.type == "Person" and m.name in introduced:
            m = ctx.mention(m.start, m.end, "Company", "repeat", m.score)
        elif (m.type == "Company" and m.name in persons and m.name not in ctx.companies
                and not _suffix_of(m.name, ctx.csuf)):
            m = ctx.mention(m.start, m.end, "Person", m.method, m.score)
        elif m.type == "Person" and m.method == "crf" and m.name in firms:
            m = ctx.mention(m.start, m.end, "Company", "repeat", m.score)
        out.append(m)
    return out


def _trailing_words(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """Company spans cut before a word glued after the name (``name_trailing`` cues): 北岳微装拟 →
    北岳微装, 快付通已 → 快付通, 宁德时代战略投资 → 宁德时代, 光年动画出品 → 光年动画.

    The name left must have two characters at least and the whole span must be no known company;
    the word must not be followed by more name characters glued into the same word.
    """
    words = lexicon.cues_longest_first("name_trailing")
    out = []
    for m in mentions:
        if m.type == "Company" and m.name not in ctx.companies:
            for w in words:
                if m.name.endswith(w) and len(m.name) - len(w) >= 2 and _HAN.match(m.name[-len(w) - 1]):
                    m = ctx.mention(m.start, m.end - len(w), "Company", m.method, m.score)
                    break
        out.append(m)
    return out


_GLUED_MONTH = re.compile(r"(?<=[\u4e00-\u9fff])(?:0?[1-9]|1[0-2])(月?)$")


def _month_off_names(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A month glued after a Han name cut off: 品牌学而思10月在北京发布 → 学而思, 阿里云12月 → 阿里云.

    Only Product and Company spans whose digits follow a Han character and are themselves followed
    by 月, inside the span or right after it (问界M9, iPhone 17 keep theirs); the name left must have
    two characters at least.
    """
    out = []
    for m in mentions:
        hit = _GLUED_MONTH.search(m.name) if m.type in ("Product", "Company") else None
        if hit and (hit.group(1) or ctx.norm[m.end:m.end + 1] == "月") and hit.start() >= 2 \
                and m.name not in ctx.companies:
            m = ctx.mention(m.start, m.start + hit.start(), m.type, m.method, m.score)
        out.append(m)
    return out


def _country_before_firm(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A foreign country written before a company's name split off as a Place (德国西门子 →
    德国 + 西门子, 德国克朗斯公司 → 德国 + 克朗斯公司, 德国户外用品公司 → 德国 alone).

    Only countries other than China, and only where the whole is no known company; a Place span
    is split when the rest is a known company (with or without a company suffix).
    """
    taken = {(m.start, m.end) for m in mentions}
    out = []
    for m in mentions:
        if m.type not in ("Company", "Place") or m.name in ctx.companies:
            out.append(m)
            continue
        sector = _country_sector_before_firm_noun(ctx, m)
        if sector:
            out.append(ctx.mention(m.start, m.start + sector, "Place", m.method, m.score))
            continue
        split = None
        for k in (5, 4, 3, 2):  # longest country first: 马来西亚 + Orchid Labs
            head, rest = m.name[:k], m.name[k:]
            if k > 3 and not _LATIN_FIRM.match(rest):
                continue  # (a longer country only before a Latin name: 塞尔维亚铜业 is the national firm)
            if head not in lexicon.countries() or head.startswith("中") or len(rest) < 2:
                continue
            suf = _suffix_of(rest, ctx.csuf)
            known = _known_firm_name(ctx, rest)
            if m.type == "Place" and not known:
                continue
            if m.type == "Company" and not known and not (suf and ctx.csuf[suf] != "weak") \
                    and not _foreign_firm_core(ctx, m.start + k, m.end):
                continue
            if m.type == "Company" and suf and m.name[:-len(suf)] in ctx.companies:
                continue
            split = k
            break
        if split is None:
            out.append(m)
            continue
        out.append(ctx.mention(m.start, m.start + split, "Place", m.method, m.score))
        if not _generic_firm(ctx, m.start + split, m.end) and (m.start + split, m.end) not in taken:
            out.append(ctx.mention(m.start + split, m.end, "Company", m.method, m.score))
    return out


def _country_sector_before_firm_noun(ctx: Context, m: Mention) -> int:
    """Length of the country that opens a tagger's company span made of a country and a sector word
    before a firm noun (阿联酋 + 新能源 + 开发商马斯达尔): the country is a place, the sector the firm's
    line of business, the firm's name comes after; else 0."""
    if m.type != "Company" or m.method != "crf":
        return 0
    t = _token_at(ctx, m.end)
    if t is None or t.start != m.end or not (t.text in lexicon.cues("firm_head") or len(t.text) >= 2 and t.text.endswith("商")):
        return 0
    for k in (5, 4, 3, 2):
        head, rest = m.name[:k], m.name[k:]
        if head in lexicon.countries() and not head.startswith("中") and len(rest) >= 2 \
                and lexicon.lookup_industry(rest) is not None:
            return k
    return 0


#: A Latin firm name: capitalised words (Seagull Games, Northvolt).
_LATIN_FIRM = re.compile(r"[A-Z][A-Za-z&.'-]+(?: [A-Z][A-Za-z&.'-]*){0,4}$")


def _foreign_firm_core(ctx: Context, start: int, end: int) -> bool:
    """Whether the company span ``start:end`` after a country holds a name of its own (舍弗勒,
    大金 + 工业, 滨海湾金沙), not just a sector word (德国 + 铁路, 塞尔维亚 + 铜业: the country
    names the national firm) nor a national head (越南 + 国家电力集团)."""
    rest = ctx.norm[start:end]
    suf = _suffix_of(rest, ctx.csuf)
    core = rest[:-len(suf)] if suf and len(rest) > len(suf) else rest
    if _LATIN_FIRM.match(rest):
        return True  # 新加坡 + Seagull Games: a Latin name after the country is the firm's own
    if len(core) < 2 or rest.startswith(lexicon.cues_longest_first("national_prefix")) or not _HAN.match(core):
        return False
    if lexicon.lookup_industry(core) is not None or core in ctx.industries or core in ctx.stop or _common_word(core):
        return False
    first = _token_at(ctx, start)
    if first is None or first.start != start or first.end > start + len(core):
        return False  # the country and the name are one jieba word: no clean cut
    # a sector word ending the core (国家 + 电网, 铜 + 业) names the national firm
    return not any(core.endswith(w) and len(core) - len(w) < 2 for w in ctx.industries if len(w) >= 2)


def _no_place_in_branch(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """Drop a place written between an employer and a branch word (深圳 in 招商银行深圳分行,
    欧洲 in 宁德时代欧洲研究院): it names an internal unit, which is no entity (GUIDELINES 6).
    So does a place before a branch word and a title with no employer written (深圳分行行长), and
    one between an employer and 厂 before a title (台积电南京厂厂长). A place before a site word
    (大疆深圳工厂) stays."""
    ends = {m.end for m in mentions if m.type in ("Company", "Organization")}
    heads = lexicon.cues("branch_head")
    text = ctx.norm

    def unit(m: Mention) -> bool:
        head = next((h for h in heads if text.startswith(h, m.end)), None)
        if head is not None and (m.start in ends or _before_title(ctx, m.end + len(head))):
            return True  # (深圳分行行长: a branch before a title is a unit with or without its employer)
        # 台积电 + 南京厂 + 厂长: a site before its head's title is a unit too
        return m.start in ends and text.startswith(("厂", "工厂"), m.end) and any(
            _before_title(ctx, m.end + k) for k in (1, 2))

    return [m for m in mentions if not (m.type == "Place" and unit(m))]


def _no_drug_targets(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """Drop a Product that is a code naming a drug target (CTLA-4 in PD-1/CTLA-4双抗), whichever
    recogniser found it: the product rule skips these already, the CRF may not."""
    text = ctx.norm
    return [m for m in mentions
            if not (m.type == "Product" and _LATIN_DIGIT.search(m.name) and _drug_target_at(text, m.end))]


#: Given-name characters that are also conjunctions or prepositions (刘庆和, 吴思与, 林世为):
#: jieba and the CRF cut them off the name. Each maps to the POS tags of the next word that
#: show the character cannot be a function word there (a conjunction needs a noun after it:
#: 刘庆和表示, 吴思与此前; 为 and 在 before a verb are too often prepositions, so only a
#: clause break or an appointment verb counts for them: 林世为任, 穆清为与; 在 before a clause
#: break, an adverb or an appointment verb (上官立在也, 田心在转任), not before other words that
#: follow names: 在接受采访 is the preposition's).
_NAME_FINAL = {"和": ("v", "d", "p", "t", "x", "cue"), "与": ("v", "d", "p", "t", "x", "cue"),
               "为": ("x", "p", "cue"), "在": ("x", "d", "appoint"), "是": ("x", "cue")}
_CLAUSE_BREAKS = "，。；：、！？）"


def _name_final_glue(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """Person mentions one character short of a name ending in a function character, extended.

    刘庆 in 刘庆和表示 becomes 刘庆和 when the name is shorter than a full Chinese name
    (two characters, or three with a compound surname: 诸葛明 + 和), the character stands
    alone as a word (为此 in 王建为此 is another word) and the word after it cannot
    follow a conjunction or preposition there (see :data:`_NAME_FINAL`).
    """
    text = ctx.norm
    out = []
    taken = {m.start for m in mentions}
    for m in mentions:
        if m.type == "Person" and m.name[-1:] in _NAME_FINAL and _HAN.match(m.name) \
                and len(m.name) - 1 >= max(2, len(m.name) + 1 - _max_name_len(ctx, m.name)) \
                and m.name not in ctx.persons and not _final_glue_ok(ctx, m.end - 1, _NAME_FINAL[m.name[-1]]):
            # 孙立在 + 接受采访: a rule or the CRF took the preposition into the name
            m = ctx.mention(m.start, m.end - 1, "Person", m.method, m.score)
        e = m.end
        if m.type == "Person" and e < len(text) and text[e] in _NAME_FINAL and e + 1 not in taken \
                and _HAN.match(m.name) and len(m.name) < _max_name_len(ctx, m.name + text[e]) \
                and _final_glue_ok(ctx, e, _NAME_FINAL[text[e]]):
            m = ctx.mention(m.start, e + 1, "Person", m.method, m.score)
        out.append(m)
    # The same person again before a title (诸葛明和研究员): the name the text uses elsewhere
    longer = {m.name for m in out if m.type == "Person" and m.name[-1:] in _NAME_FINAL}
    if longer:
        out = [ctx.mention(m.start, m.end + 1, "Person", m.method, m.score)
               if m.type == "Person" and m.end < len(text) and m.name + text[m.end] in longer
               and m.end + 1 not in taken else m for m in out]
    return _listed_names(ctx, _latin_aliases(ctx, _surname_before_firm(ctx, [_without_branch(ctx, m) for m in out])))


#: A Latin name in brackets right after a name: 鲁兆康（Benjamin Lu）, 渣打银行（Standard Chartered）.
_LATIN_ALIAS = re.compile(r"[（(]([A-Z][A-Za-z.&'-]*(?: [A-Za-z.&'-]+){0,5})[）)]")


#: Words that join the names of a list of persons (葛一、单立新和费南).
_PERSON_JOINERS = _JOINER_CHARS
#: Words that may end a listed name: joiners, 等 and clause punctuation.
_LIST_END = frozenset(("、", "和", "及", "与", "等", "，", "。", "；", "）", "为", "分别"))


def _listed_name_at(ctx: Context, pos: int) -> Optional[Tuple[int, int]]:
    """The person name that starts at ``pos`` right after a list joiner, or None: a name word
    (崔允熙/nr), or a surname and one or two given-name characters that jieba read as words
    (单 + 立新, 金泰 + 勋), followed by a joiner, a verb, a title or punctuation."""
    t = _token_at(ctx, pos)
    if t is None or t.start != pos or not _HAN.match(t.text) or ctx.is_known(t.text) or t.text in ctx.orgs:
        return None
    toks = [t]
    if t.pos in ("nr", "nrfg") and 2 <= len(t.text) <= 3 and t.text[:1] in ctx.surnames:
        end = t.end
    else:
        sur = t.text if t.text in ctx.surnames and (len(t.text) == 2 or ctx.surnames[t.text] >= 10) else ""
        if not sur and len(t.text) == 2 and ctx.surnames.get(t.text[0], 0) >= 10:
            sur = t.text[0]  # 金泰 + 勋: the surname and the first given character read as one word
        if not sur:
            return None
        end = t.end
        while len(ctx.norm[pos:end]) - len(sur) < (2 if len(t.text) == len(sur) else 1):
            u = _token_at(ctx, end)
            if u is None or u.start != end or not _HAN.match(u.text) or u.text in _LIST_END or u.pos in _LOOSE_BREAK \
                    or len(ctx.norm[pos:u.end]) - len(sur) > 2 or u.text in ctx.titles or u.text in ctx.stop:
                break
            toks.append(u)
            end = u.end
        if end == t.end and len(t.text) == len(sur):
            return None
    nxt = _token_at(ctx, end)
    if nxt is not None and nxt.start == end and (not (
            nxt.text in _LIST_END or nxt.pos in _BREAK or nxt.pos in ("l", "vn") or nxt.text in ctx.titles)
            or len(nxt.text) == 1 and nxt.pos in ("f", "m", "ng", "n", "nr") and nxt.text not in _LIST_END):
        return None  # 单位 + 负责人, 万沛 + 中: the characters run on into a longer word or name
    name = ctx.norm[pos:end]
    if len(name) > _max_name_len(ctx, name) or ctx.is_known(name) or _common_word(name) \
            or not _crf_none_but(ctx, pos, end, "Person"):
        return None
    return pos, end


def _listed_names(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """``葛一、单立新``, ``屠立新和柯一``: the names listed right after a person mention are persons
    too, where jieba and the CRF cut them (单/n + 立新/d reads as "simply renew")."""
    text = ctx.norm
    # Only names a rule found next to a title or cue start a list: a brand the CRF took for a
    # person (安莉芳和爱慕) would pass its error on.
    queue = [m for m in mentions if m.type == "Person" and m.method.startswith("person_") and m.method != "person_pos_rule"
             and m.end < len(text) and text[m.end] in _PERSON_JOINERS]
    if not queue:
        return mentions
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    # a name of the list found already (by the CRF) carries the list on: 葛一、单立新和费南
    persons_at = {m.start: m for m in mentions if m.type == "Person"}
    added = []
    while queue:
        m = queue.pop()
        known = persons_at.pop(m.end + 1, None)
        if known is not None:
            if known.end < len(text) and text[known.end] in _PERSON_JOINERS:
                queue.append(known)
            continue
        span = _listed_name_at(ctx, m.end + 1)
        if span is None or any(taken[span[0]:span[1]]):
            continue
        new = ctx.mention(span[0], span[1], "Person", "person_list", 0.75)
        taken[new.start:new.end] = b"\x01" * (new.end - new.start)
        added.append(new)
        if new.end < len(text) and text[new.end] in _PERSON_JOINERS:
            queue.append(new)
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


def _latin_aliases(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """The Latin name a text writes in brackets right after a person or company is a mention of
    the same type (鲁兆康（Benjamin Lu）). A company's single all-capital word there is more
    often a ticker or an abbreviation of the bracket's own (（BABA）) and is left."""
    text = ctx.norm
    if "(" not in text and "（" not in text:
        return mentions
    taken = {m.start for m in mentions}
    added = []
    for m in mentions:
        if m.type not in ("Person", "Company"):
            continue
        a = _LATIN_ALIAS.match(text, m.end)
        if a is None or a.start(1) in taken:
            continue
        alias = a.group(1)
        if m.type == "Company" and " " not in alias and alias.isupper():
            continue
        added.append(ctx.mention(a.start(1), a.end(1), m.type, "latin_alias", m.score))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: (x.start, x.end))


def _without_branch(ctx: Context, m: Mention) -> Mention:
    """An organization span cut before a place + office tail (…总局 + 江苏 + 监管局)."""
    name = m.name
    if m.type != "Organization" or len(name) < 9:
        return m
    for k in range(4, len(name) - 3):
        if not name[:k].endswith(lexicon.cues_longest_first("body_head")):
            continue
        for n in (2, 3):
            rest = name[k + n:]
            if name[k:k + n] in ctx.places and 2 <= len(rest) <= 4 and rest[-1] in "局处行所":
                return ctx.mention(m.start, m.start + k, "Organization", m.method, m.score)
    return m


def _surname_before_firm(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A two-character company word that is the given name after a surname (教授方 + 启明, 欧阳 + 启明).

    The surname must stand right after a job title or be tagged a person on its own (a
    compound surname alone); the company word and the surname then make one person name.
    """
    text = ctx.norm
    out = list(mentions)
    for k, m in enumerate(mentions):
        if m.type != "Company" or len(m.name) != 2 or not _HAN.match(m.name):
            continue
        prev = mentions[k - 1] if k else None
        if prev is not None and prev.type == "Person" and prev.end == m.start and prev.name in ctx.surnames:
            start = prev.start  # 欧阳 + 启明
        elif m.start >= 1 and ctx.surnames.get(text[m.start - 1], 0) >= 10 and (prev is None or prev.end < m.start):
            start = m.start - 1  # 教授方 + 启明
            tok = _token_at(ctx, start - 1) if start else None
            if tok is None or tok.end != start or tok.text not in ctx.titles:
                continue
        else:
            continue
        gone = (m, prev) if start == getattr(prev, "start", -1) else (m,)
        out = [x for x in out if all(x is not g for g in gone)] + [ctx.mention(start, m.end, "Person", "surname_before_firm", 0.8)]
    if len(out) != len(mentions) or any(a is not b for a, b in zip(out, mentions)):
        out.sort(key=lambda x: (x.start, x.end))
    return out


def _final_glue_ok(ctx: Context, pos: int, tags: Tuple[str, ...]) -> bool:
    """Whether the function character at ``pos`` is one word and the word after it has one of ``tags``."""
    glue = _token_at(ctx, pos)
    if glue is None or glue.end != pos + 1 or (glue.start != pos and glue.start < pos - 1):
        return False  # 为此, 和平: the character belongs to a longer word
    text = ctx.norm
    if pos + 1 >= len(text):
        return "x" in tags
    if text[pos + 1] in _CLAUSE_BREAKS:
        return "x" in tags
    nxt = _token_at(ctx, pos + 1)
    if nxt is None or nxt.start != pos + 1:
        return False
    appointing = nxt.text in lexicon.cues("person") or nxt.text in lexicon.cues("appoint")
    if "cue" in tags and (appointing or len(nxt.text) >= 2 and _cue_after(ctx, pos + 1)):  # 朱俊为 + 表示, 柴文是 + 介绍
        return True
    if "appoint" in tags and appointing:  # 田心在 + 转任
        return True
    if nxt.pos == "x":
        return False
    return nxt.pos[:1] in tags or (nxt.pos in ("p", "c") and "p" in tags)


#: Types whose names are taken again wherever the text repeats them.
_REPEATED_TYPES = ("Person", "Product", "Company")


#: A Han series name of two or more characters with a model code (银河E8, 深蓝S7, 星愿3).
_HAN_SERIES_MODEL = re.compile(r"[\u4e00-\u9fff]{2,4}[A-Za-z]{0,3}\d{1,4}[A-Za-z+]{0,3}$")


def _maker_before_han_model(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A tagger's product span that opens with a known maker's name before a Han series name and
    its model code (吉利银河E8, 长安深蓝S7) is two mentions: the maker (Company) and the model
    (guidelines rule 7: a maker prefix is a mention of its own). A maker before a bare code
    (小米14, 理想i8) stays part of the name."""
    out = []
    for m in mentions:
        if m.type == "Product" and m.method == "crf":
            cut = next((k for k in range(4, 1, -1) if m.name[:k] in ctx.companies or m.name[:k] in ctx.ambiguous), 0)
            rest = m.name[cut:]
            tok = _token_at(ctx, m.start + cut) if cut else None
            if cut and _HAN_SERIES_MODEL.match(rest) and tok is not None and tok.start == m.start + cut:
                out.append(ctx.mention(m.start, m.start + cut, "Company", "maker_prefix", m.score))
                out.append(ctx.mention(m.start + cut, m.end, "Product", "crf", m.score))
                continue
        out.append(m)
    return out


_HELD_ENDS = frozenset(("p", "v", "x", "uj", "d", "c", "ul"))


def _held_place_names(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """A place name right after a firm's 旗下 that stands alone, a preposition, verb or punctuation
    after it (中兴通讯旗下努比亚在…发布, 旗下爱尔兰将…), is a subsidiary named like a place: it and
    every other mention of that name in the text are that company. A place glued to a noun
    (旗下北京分公司, 旗下上海工厂) stays a place."""
    held = set()
    for m in mentions:
        if m.type != "Place" or ctx.norm[m.start - 2:m.start] != "旗下" or len(m.name) < 2:
            continue
        nxt = _token_at(ctx, m.end)
        if nxt is not None and nxt.start == m.end and nxt.pos in _HELD_ENDS and nxt.text not in ("的",):
            held.add(m.name)
    if not held:
        return mentions
    return [ctx.mention(m.start, m.end, "Company", "held_firm", m.score) if m.type == "Place" and m.name in held else m
            for m in mentions]


def _repeated_names(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """Every mention is annotated: a person or product named once is named again wherever the
    same string stands as whole words elsewhere in the text (何其远 + 介绍, Keeta + 目前), even
    where no cue stands next to it.

    An occurrence counts when it overlaps no mention, starts where a jieba word starts and ends
    where one ends (or only glue characters such as 为 follow inside that word), and a Latin
    name is not part of a longer Latin word.
    """
    names = {}
    for m in mentions:
        if m.type in _REPEATED_TYPES and len(m.name) >= 2 and m.name not in ctx.stop:
            names.setdefault(m.name, m)
    stems = set()
    for m in mentions:
        if m.type == "Company":
            for stem in _short_forms(ctx, m.name):
                names.setdefault(stem, m)
                if len(stem) < len(m.name):
                    stems.add(stem)
    if not names:
        return mentions
    # 完成后|华晟精密 tagged as one company: a lead glue character is no part of a name the text uses
    mentions = [ctx.mention(m.start + 1, m.end, m.type, m.method, m.score)
                if m.type == "Company" and m.name[:1] in _LEAD_GLUE and m.name[1:] in names
                and names[m.name[1:]].type == "Company" else m for m in mentions]
    text = ctx.norm
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    glue = lexicon.cue_chars("person_glue")
    added = []
    dropped = set()
    # Longer names first: 零跑国际 again is that firm, not 零跑 followed by a word.
    for name, first in sorted(names.items(), key=lambda kv: -len(kv[0])):
        k = text.find(name)
        while k >= 0:
            e = k + len(name)
            inner = [m for m in mentions if m.start < e and m.end > k]
            # 昆仑芯远 again, where jieba's place 昆仑 was taken: a shorter place inside gives way
            free = not any(taken[k:e]) or first.type == "Company" and inner and all(
                (m.type == "Place" or m.type == "Company" and (  # (算力方舟 again: the CRF's 方舟;
                    m.method == "crf" or first.method != "crf" and name[:1] not in _LEAD_GLUE))
                # (鄂尔多斯时尚 again: the listed 鄂尔多斯; not a glued 后卓雅电器 over 卓雅电器)
                and k <= m.start and m.end <= e and m.end - m.start < e - k for m in inner) \
                or first.type == "Company" and name in stems and inner and all(  # 交银 (lexicon) in 交银国际,
                    (m.type == "Company" and m.end - m.start < e - k  # the short form; 中铁隧道局 (CRF
                     or m.type == "Organization" and m.method == "crf")  # organisation) after 中铁隧道局集团有限公司
                    and k <= m.start and m.end <= e for m in inner) \
                or first.type == "Company" and name in stems and inner and all(  # 味觉岛 after 长沙味觉岛商贸有限公司:
                    m.type == "Place" and m.method == "crf" and (m.start, m.end) == (k, e)  # the tagger's
                    and m.name not in ctx.places for m in inner) \
                or first.type == "Company" and inner and all(  # 禾康生医 again, a title rule's 康生医 + 执行长
                    m.type == "Person" and m.method != "crf" and k < m.start and m.end <= e for m in inner) \
                or first.type == "Product" and inner and all(  # 燕云 (CRF person) inside 燕云十六声 again
                    k <= m.start and m.end <= e and m.end - m.start < e - k for m in inner)
            if free and (_whole_words(ctx, k, e, glue if first.type == "Person" else _GLUE if first.type == "Company" else "")
                         or first.type == "Company" and (_glued_lead(ctx, k, e) or _glued_tail_word(ctx, k, e))) \
                    and not (first.type == "Person" and _after_adverb(ctx, k)) \
                    and not (first.type == "Company" and _glued_name_after(ctx, e)):
                if first.type == "Product":  # 晴川 again in 晴川Max: an edition glued on makes another model
                    g = _GLUED_EDITION.match(text, e)
                    over = [m for m in mentions if g and m.start < g.end() and m.end > e]
                    if g and g.group(1) in lexicon.cues("product_edition") and all(
                            m.type == "Product" and e <= m.start and m.end <= g.end() for m in over):
                        inner += over  # (a tagger's bare Max goes)
                        e = g.end()
                added.append(Mention(k, e, first.type, text[k:e], method="repeat", score=first.score))
                dropped.update(id(m) for m in inner)
                taken[k:e] = b"\x01" * (e - k)
            k = text.find(name, e)
    if not added:
        return mentions
    return sorted([m for m in mentions if id(m) not in dropped] + added, key=lambda m: (m.start, m.end))


# An edition word glued right after a Han model name (晴川Max, 逐日Pro).
_GLUED_EDITION = re.compile(r"([A-Za-z]+\+?)(?![A-Za-z0-9])")

#: Characters jieba glues in front of a name (交易完成后|凌达, 5月20日|青柚): a date or function word.
_LEAD_GLUE = _GLUE + "后日月年前"


def _glued_lead(ctx: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` ends on a word edge and starts inside a word only after lead glue characters."""
    a, b = _token_at(ctx, start), _token_at(ctx, end - 1)
    if a is None or b is None or a.start == start:
        return False
    return all(c in _LEAD_GLUE for c in ctx.norm[a.start:start]) and all(c in _GLUE for c in ctx.norm[end:b.end])


def _glued_tail_word(ctx: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` (three characters or more) starts on a word edge and ends inside a word
    whose rest is a verb of its own: 为 + 青梧 + 影视制作 holds 青梧影视 and 制作."""
    from .segment import word_tag

    a, b = _token_at(ctx, start), _token_at(ctx, end - 1)
    if end - start < 3 or a is None or b is None or a.start != start or b.end == end or b.start >= end:
        return False
    rest = ctx.norm[end:b.end]
    return len(rest) >= 2 and (word_tag(rest) or "") in ("v", "vn") and _common_word(rest)


def _glued_name_after(ctx: Context, end: int) -> bool:
    """Whether a name-like word or a company head is glued right after ``end`` (药明 in 药明合联)."""
    t = _token_at(ctx, end)
    return t is not None and t.start == end and (t.pos in _NAMEY_TAGS or t.text in ctx.csuf) \
        and not (t.text[-1:] == "区" and t.text[:-1] in ctx.places) \
        and t.text not in lexicon.cues("industry_activity")
    # (公司 + 中国区总裁: a sales region, a unit; 施泰纳 + 研发/j 的: jieba tags the activity word
    # as an abbreviation, but it is what the firm does, no part of a name)


#: name -> (sizes of the tables it was computed with, its short forms): company names recur across documents.
_SHORT_FORMS: Dict[str, Tuple[tuple, List[str]]] = {}


def _short_forms(ctx: Context, name: str) -> List[str]:
    """Short forms a text may use after a company's full name: the name without its company head
    (奇瑞汽车 -> 奇瑞, 大疆创新 -> 大疆), and a registered name without its place and legal form
    (珠海凌达压缩机有限公司 -> 凌达压缩机). Each is a rare Chinese word of 2-6 characters that is no
    place or common word (平安银行 -> 平安 and 中国银行 -> 中国 stay unused)."""
    stamp = (len(ctx.csuf), len(ctx.places), len(ctx.industries))  # a user lexicon may grow the tables
    got = _SHORT_FORMS.get(name)
    if got is not None and got[0] == stamp:
        return got[1]
    out: List[str] = []
    rest = name
    suf = _suffix_of(rest, ctx.csuf)
    if suf and ctx.csuf[suf] == "strong":
        place = max((p for p in (rest[:k] for k in range(2, min(len(rest) - 2, 6) + 1)) if p in ctx.places),
                    key=len, default="")
        if place:
            rest = rest[len(place):]
            if rest[:1] in "市省":
                rest = rest[1:]
    for _ in range(4):
        suf = _suffix_of(rest, ctx.csuf)
        if not suf:
            break
        rest = rest[:-len(suf)]
        k = rest.rfind("（")
        if k > 0 and rest.endswith("）") and rest[k + 1:-1] in ctx.places:
            rest = rest[:k]  # 威睿电动汽车技术（宁波）有限公司: the place in brackets before the legal form
        # (a registered name without its place and legal form may be long: 汇川精工自动化)
        if 2 <= len(rest) <= (8 if len(rest) < len(name) - len(suf) else 5 if len(suf) >= 5 or ctx.csuf[suf] == "strong" else 4) \
                and _HAN.match(rest) \
                and not (rest in ctx.places or rest in ctx.stop or rest in ctx.industries or rest in ctx.titles
                         or rest in ctx.surnames or _common_word(rest)):
            out.append(rest)
    if len(_SHORT_FORMS) > 50000:
        _SHORT_FORMS.clear()
    _SHORT_FORMS[name] = (stamp, out)
    return out


def _after_adverb(ctx: Context, start: int) -> bool:
    """Whether an adverb (不, 很, 更) ends right before ``start``: 并不高明 is a word, not 高明 again."""
    tok = _token_at(ctx, start - 1) if start > 0 else None
    return tok is not None and tok.end == start and tok.pos in ("d", "ad")


def _whole_words(ctx: Context, start: int, end: int, glue) -> bool:
    """Whether ``start:end`` begins and ends on jieba word edges (glue characters may follow)."""
    text = ctx.norm
    if text[start].isascii() and start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        return False
    if text[end - 1].isascii() and end < len(text) and text[end].isascii() and text[end].isalnum():
        return False
    a, b = _token_at(ctx, start), _token_at(ctx, end - 1)
    if a is None or b is None or a.start != start:
        return False
    return b.end == end or all(c in glue for c in text[end:b.end])


def recognize_many(docs: Sequence[Document], recognizers: Optional[Sequence[Callable]] = None) -> List[Document]:
    """:func:`recognize` over a batch of documents, the CRF tagging all their sentences in one call.

    The CRF decodes a whole batch of sentences per NumPy step, so one call for
    many documents costs far less per document than one call each; the
    pipeline hands this stage batches (:meth:`Pipeline.pipe`). Same results as
    :func:`recognize` document by document.
    """
    docs = list(docs)
    for doc in docs:
        if not doc.sentences:
            from .segment import segment

            segment(doc)
    return [recognize(doc, recognizers, crf_spans=sp) for doc, sp in zip(docs, _crf_spans(docs))]


#: The batch form of the stage, which :class:`~graph_builder.pipeline.Pipeline` prefers (like spaCy's ``pipe``).
recognize.pipe = recognize_many


def _generic_kind(name: str, nouns) -> bool:
    """``通用大模型``, ``金融大模型``, ``行业大模型``: a modifier or a sector before a category noun
    names a kind of product, not one (``豆包大模型`` names one)."""
    mods = lexicon.cues("product_modifier")
    for k in range(1, len(name) - 1):
        head = name[:k]
        if name[k:] in nouns and (head in mods or head in lexicon.cues("industry")
                                  or lexicon.lookup_industry(head) is not None):
            return True
    return False


#: A trade show's or conference's Latin code (CMEF, IFA): an event before a word of ``event_word``.
_EVENT_CODE = re.compile(r"[A-Z][A-Za-z]{1,9}$")


def _no_generic_products(mentions: List[Mention], norm: str = "") -> List[Mention]:
    """Drop "products" that are a category noun (伺服器, 手机), a sector name (AI, 芯片) or a
    programme or event (天工计划), and cut a leading category noun off a model name (车型SU7 -> SU7)."""
    nouns = lexicon.cues("product_noun")
    starts = {m.start for m in mentions if m.type == "Product"}
    heads = tuple(lexicon.cues("product_non_head"))
    out = []
    for m in mentions:
        if m.type == "Product":
            if m.name.endswith(heads) and not m.name.isascii() and not _sold_fund(norm, m):
                continue  # 推出“天工计划”: a programme, not a product
            if any(norm.startswith(w, m.end) and m.end + len(w) in starts for w in nouns):
                continue  # DCU产品深算三号: a kind written before the category noun and the name
            if m.name.endswith(tuple(nouns)) and norm[m.end:m.end + 1] in _OPEN_CLOSE and m.end + 1 in starts:
                continue  # 平板通信卫星“银河二号”: the kind before the quoted name, no product of its own
            if _EVENT_CODE.match(m.name) and norm.startswith(lexicon.cues_longest_first("event_word"), m.end):
                continue  # 在CMEF展会上: a trade show's code before 展会, an event
            if m.name in nouns or _YEAR_TAIL.sub("", m.name) in lexicon.cues("product_stop") \
                    or lexicon.lookup_industry(m.name) is not None or _generic_kind(m.name, nouns):
                continue  # (CES 2026: a stop word with its year, an event)
            if not _NAMEISH.search(m.name):
                continue  # 4.0, 2025: a number alone names nothing
            if len(m.name) == 2 and m.name[1] in _ADVERB_CHARS:
                continue  # 设备 + 数已/超过: a noun and an adverb jieba glued, no name
            if m.name[0] in "其该" and len(m.name) >= 3 and not _HAN.match(m.name[1:]):
                # 其思元590: jieba glued the pronoun to the name
                m = Mention(m.start + 1, m.end, "Product", m.name[1:], method=m.method, score=m.score)
            # only a Chinese category noun (车型SU7); App of Apple Watch is part of the name
            head = max((w for w in nouns if m.name.startswith(w) and _HAN.match(w)), key=len, default="")
            # 人形机器人H2, 家电大模型HomeGPT: a longer Han kind that ends in a category noun
            han = next((k for k, c in enumerate(m.name) if not _HAN.match(c)), len(m.name))
            if han > len(head) and _category_head(m.name[:han]) and m.name[han:han + 1].isalpha():
                head = m.name[:han]
            rest = m.name[len(head):]
            if head and len(rest) >= 2 and rest[0].isascii() and rest[0].isalnum():
                m = Mention(m.start + len(head), m.end, "Product", rest, method=m.method, score=m.score)
        out.append(m)
    return out


#: Tags that end a Han product name read backwards from a Latin edition word (其 + 爆款 + 深睡枕 Pro).
_EDITION_OWNER_STOP = frozenset(("x", "r", "p", "uj", "ul", "c", "m", "d", "q", "t", "f", "nnt"))


def _edition_owner_start(ctx: Context, m: Mention) -> Optional[int]:
    """Start of the Han name a lone Latin edition word (``Pro``, ``Max``) is written a space after
    (爆款深睡枕 Pro): the glued Han words before the space, 2 to 4 characters, back to a function
    word, punctuation or a product cue or modifier word; None when no such name stands there."""
    if ctx.norm[m.start - 1:m.start] != " " or m.start < 3:
        return None
    stops = lexicon.cues("product_modifier") | lexicon.cues("product") | lexicon.cues("product_noun")
    t = _token_at(ctx, m.start - 2)
    start = None
    while t is not None and t.end == (start if start is not None else m.start - 1):
        if not _HAN.match(t.text) or t.pos in _EDITION_OWNER_STOP or t.text in stops or ctx.is_known(t.text):
            break
        start = t.start
        if m.start - 1 - start > 4:
            return None
        t = _token_at(ctx, start - 1)
    if start is None or m.start - 1 - start < 2 or t is None or t.end != start:
        return None
    return start


def _spaced_model_parts(ctx: Context, mentions: List[Mention]) -> List[Mention]:
    """Latin model parts written a space after a Han product name belong to it (龙舟 A1, 方舟 40,
    深睡枕 Pro); a Latin product kind glued before a Latin model is no part of it (SUVEZ-60 -> EZ-60,
    PET-CTuEXPLORER 2 -> uEXPLORER 2: see ``product_latin_kind``)."""
    norm = ctx.norm
    editions = lexicon.cues("product_edition")
    kinds = lexicon.cues_longest_first("product_latin_kind")
    out: List[Mention] = []
    drop = set()
    for m in mentions:
        if m.type != "Product":
            out.append(m)
            continue
        name = m.name
        spaced = norm[m.end:m.end + 1] == " "
        end = _edition_end(norm, _code_tail_end(norm, m.end)) if spaced else m.end
        if spaced and name[-1:] and _HAN.match(name[-1]):
            if end > m.end and not _COUNT_WORD.match(norm[m.end:end + 1]) and norm[end:end + 1] not in ("款", "代", "项"):
                m = _grown_over_parts(ctx, m, end, mentions, drop)
        elif spaced and name[-1:].isascii() and name[-1:].isalnum() and end > m.end:
            # HC-Cell + 314, ALK Hi1 + plus, WPS + Office: a Latin model's code or edition after a space
            m = _grown_over_parts(ctx, m, end, mentions, drop)
        elif name in editions and name.isascii():
            start = _edition_owner_start(ctx, m)
            if start is not None and not any(x is not m and x.end > start and x.start < m.start for x in mentions):
                m = ctx.mention(start, m.end, "Product", m.method, m.score)
        elif name[:1].isascii() and name[:1].isalpha() and not norm[m.start - 1:m.start].isascii():
            for k in kinds:
                rest = name[len(k):]
                if name.startswith(k) and len(rest) >= 3 and any(c.isdigit() for c in rest) \
                        and (rest[0].isupper() and (rest[1].isupper() or rest[1] in "-0123456789")
                             or rest[0].islower() and rest[1].isupper()):
                    m = ctx.mention(m.start + len(k), m.end, "Product", m.method, m.score)
                    break
        out.append(m)
    return [m for m in out if id(m) not in drop]


def _grown_over_parts(ctx: Context, m: Mention, end: int, mentions: List[Mention], drop: set) -> Mention:
    """``m`` grown to ``end`` when only product mentions (the parts a tagger split off) lie after it
    up to there; they join ``drop``. Otherwise ``m`` unchanged."""
    over = [x for x in mentions if x is not m and x.start < end and x.end > m.end]
    if not all(x.type == "Product" and x.start > m.end and x.end <= end for x in over):
        return m
    drop.update(id(x) for x in over)
    return ctx.mention(m.start, end, "Product", m.method, m.score)


def _brand_prefixed_products(mentions: List[Mention], norm: str) -> List[Mention]:
    """``星河Watch 3`` after ``星河科技``: a product right after its maker's brand includes it.

    The brand is a company mention of the document, or the first two characters of
    one (星河 of 星河科技), written right before a product that starts with a Latin
    letter or digit and overlaps no other mention.
    """
    brands = set()
    for m in mentions:
        if m.type == "Company":
            brands.add(m.name)
            if len(m.name) >= 4 and _HAN.match(m.name[:2]):
                brands.add(m.name[:2])
    if not brands:
        return mentions
    ends = {m.end for m in mentions}
    out = []
    for m in mentions:
        if m.type == "Product" and m.name[:1].isascii() and m.name[:1].isalnum():
            for b in sorted(brands, key=len, reverse=True):
                a = m.start - len(b)
                if a >= 0 and norm[a:m.start] == b and a not in ends and not any(
                        x.start < m.start and x.end > a for x in mentions if x is not m):
                    m = Mention(a, m.end, "Product", norm[a:m.end], method=m.method, score=m.score)
                    break
        out.append(m)
    return out


# --------------------------------------------------------------------------- statistical tagger

#: Merge priority of CRF spans per type. The CRF beats the weak rules for people,
#: organisations and places (the standalone person rule, jieba ``ns`` places) but
#: yields to the lexicon and suffix rules for companies and products.
CRF_PRIORITY = {"Person": 65, "Organization": 65, "Place": 45, "Company": 45, "Product": 45}
#: CRF spans whose weakest character marginal is below this are dropped.
CRF_MIN_SCORE = {"Person": 0.5, "Organization": 0.6, "Place": 0.6, "Company": 0.6, "Product": 0.4}
#: The floor for a company span that opens with a country (:func:`_doubt_is_country`).
CRF_COUNTRY_FLOOR = 0.5


def _doubt_is_country(ctx: Context, m: Mention) -> bool:
    """Whether a company span just under the floor opens with a country (日本丸川工业, 0.56): the
    doubt is whether the country belongs to the name, and the country is split off later."""
    if m.type != "Company" or m.score < CRF_COUNTRY_FLOOR:
        return False
    kinds = lexicon.place_kinds()
    return any(m.end - m.start - k >= 2 and kinds.get(ctx.places.get(ctx.norm[m.start:m.start + k], "")) == "country"
               for k in (2, 3))


def _brand_acting(ctx: Context, m: Mention) -> bool:
    """Whether a doubtful CRF product (score under 0.6) stands between 品牌 and a firm verb
    (品牌云米 + 推出, 宣布): the brand acts as the firm that owns it."""
    if m.score >= 0.6 or not ctx.norm.endswith("品牌", 0, m.start):
        return False
    nxt = _token_at(ctx, m.end)
    return nxt is not None and nxt.start == m.end and nxt.text in lexicon.cues("firm_verb") - _SPEECH_VERBS


def _before_title(ctx: Context, end: int) -> bool:
    """Whether a job title is the jieba word starting at ``end``."""
    tok = _token_at(ctx, end)
    return tok is not None and tok.start == end and (tok.pos == "nnt" or tok.text in ctx.titles)


def _trim_category(ctx: Context, start: int, end: int) -> int:
    """End of a CRF product span once a trailing category noun is cut (Blackwell Ultra GPU)."""
    text = ctx.norm
    for w in lexicon.cues("product_noun"):
        k = end - len(w)
        if k - start >= 2 and text.endswith(w, start, end) and (text[k - 1] == " " or not _HAN.match(w)
                                                                 and not text[k - 1].isascii()):
            return k - 1 if text[k - 1] == " " else k
    return end


def _trim_product(ctx: Context, start: int, end: int) -> int:
    """New start of a CRF product span once leading descriptors are cut.

    ``新款智能手表星河Watch 3`` → ``星河Watch 3``: modifier words (新款, 全新) go,
    and so does everything up to a product-category noun (手表, 芯片) when a name
    follows it.
    """
    mods = lexicon.cues("product_modifier")
    nouns = lexicon.cues("product_noun")
    text = ctx.norm
    changed = True
    while changed and start < end:
        changed = False
        for w in mods:
            if text.startswith(w, start) and end - start - len(w) >= 2:
                start += len(w)
                changed = True
                break
    # A maker written together with a model name is a mention of its own (华为Mate 70).
    for k in range(min(end - 2, start + 8), start + 1, -1):
        if ctx.norm[start:k] in ctx.companies and not _HAN.match(ctx.norm[k]):
            start = k
            break
    while start < end and text[start] == " ":
        start += 1  # vivo + space + X300 Pro: the space after the maker is no part of the name
    best = start
    for w in nouns:
        k = text.find(w, start, end)
        while k >= 0:
            if end - (k + len(w)) >= 2:
                best = max(best, k + len(w))
            k = text.find(w, k + 1, end)
    return best


#: A thousands separator and three digits: a number goes on there.
_THOUSANDS_AFTER = re.compile(r"[,，][0-9]{3}(?![0-9])")

#: Words that introduce a short name in brackets, unquoted in Taiwan and Hong Kong news (（下稱凱泰金）).
_SHORT_NAME_INTRO = re.compile("以下简称|以下称|下称|简称")


def crf_mentions(ctx: Context) -> List[Mention]:
    """Spans from the trained CRF (:mod:`graph_builder.crf`), filtered by score.

    Returns no candidates when the model file is missing, so the rules still run.
    """
    raw = _crf_raw(ctx)
    if raw is None:
        return []
    found = [Mention(s, e, t, ctx.norm[s:e], method="crf", score=sc) for s, e, t, sc in raw]
    found = [m for m in found if m.type != "Company" or not _crosses_clause(ctx, m.start, m.end)]
    out = []
    tails = lexicon.cues("name_tail")
    for m in found:
        if m.score < CRF_MIN_SCORE.get(m.type, 1.1) and not _doubt_is_country(ctx, m):
            continue
        m.start, m.end = _strip_quotes(ctx.norm, m.start, m.end)
        if m.type in ("Product", "Company"):
            q = max(ctx.norm.rfind(c, m.start + 1, m.end) for c in _OPEN_CLOSE)
            if q > 0 and m.end - q > 2 and ctx.norm[q] != '"' \
                    and _OPEN_CLOSE[ctx.norm[q]] not in ctx.norm[q:m.end]:
                m.start = q + 1  # NFC橙汁 + “滇橙: the name is what the opened quote holds, not the kind before it
        if m.type in ("Person", "Organization") and m.end - m.start >= 3 and m.name in ctx.places:
            tok = _token_at(ctx, m.start)
            if tok is not None and (tok.start, tok.end) == (m.start, m.end) and tok.pos == "ns":
                continue  # 在布达佩斯表示, 阿勒泰等目的地: a listed place jieba reads as one, no person or body
        if m.type in ("Product", "Company"):
            m.end = _trim_tail(ctx.norm, m.start, m.end, tails)
        if m.type == "Company":
            intro = _SHORT_NAME_INTRO.match(ctx.norm, m.start, m.end)
            if intro and m.end - intro.end() >= 2:
                m.start = intro.end()  # （下稱國泰世華銀行）: the short name after the word that introduces it
            if ctx.norm[m.end - 1] in "）)" and not any(c in "（(" for c in ctx.norm[m.start:m.end - 1]):
                m.end -= 1  # （下稱凱泰金）: the closing bracket is no part of the name
            # 公司全资子公司深圳蓝海科技有限公司: the name starts after the subsidiary head
            k = ctx.norm.rfind("子公司", m.start, m.end)
            if k >= 0 and m.end - (k + 3) >= 4:
                m.start = k + 3
            m.start = _after_firm_head(ctx, m.start, m.end)  # 四足机器人公司 + 蓝岭机器人
            m.start = _after_country(ctx, m.start, m.end)  # 德国 + 博世集团
            m.end = _before_place_unit(ctx, m.start, m.end)  # 鹰角网络 + 上海工作室
            if m.end <= m.start:
                continue  # 杭州工作室 after the firm's name: a unit, no firm
            ministry = _ministry_before_unit(ctx, m.start, m.end)
            if ministry:  # 教育部 + 基础教育司副司长: the ministry, its department a unit
                m.end, m.type = ministry, "Organization"
            if _generic_firm(ctx, m.start, m.end):
                continue  # 合资公司, 新加坡支付公司: a description of a firm, no name
            if _country_pair_stem(ctx, m.start, m.end):
                continue  # 中日 + 医药合作: two countries' short forms before a sector word
            first = _token_at(ctx, m.start)
            if first is not None and first.start == m.start and first.pos in ("v", "vn") and _common_word(first.text) \
                    and first.text not in ctx.companies and ctx.norm[first.end:m.end] in ("集团", "公司"):
                continue  # 将强化 + 集团 + 在…: a verb on the coreferring 集团, no firm named 强化集团
        if m.type == "Organization":
            # 上海交通大学电子工程系: what follows a university inside one span is a department
            k = ctx.norm.find("大学", m.start, m.end)
            if k >= 0 and m.end - (k + 2) >= 2:
                m.end = k + 2
            m.end = _before_site(ctx, m.start, m.end, tails)
            m.end = _known_body_before_unit(ctx, m.start, m.end)  # 中国证监会 + 发行部处长
            if m.end <= m.start:
                continue  # 上海总部: a place and a site word, the employer's office, no body
            if _school_unit(ctx, m.start, m.end):
                continue  # 南京大学副校长、人工智能学院教授: the university's school, a unit
        if m.type == "Place" and ctx.norm[m.end - 1] == "区" and _before_title(ctx, m.end):
            continue  # 大中华区副总裁: the employer's sales region, a unit before the title
        if m.type == "Place" and _park_kind(ctx, m.start, m.end):
            continue  # 在产业园区设厂: a kind of park, no named one
        if m.type == "Product":
            m.start = _trim_product(ctx, m.start, m.end)
            m.end = _trim_category(ctx, m.start, m.end)
            if _brand_acting(ctx, m):
                m.type = "Company"  # 智能家居品牌云米推出…: a brand that launches or announces is the firm
        if m.type == "Person" and " " in m.name and m.name.isascii() \
                and m.name.rsplit(" ", 1)[1].rstrip(".") in lexicon.cues("latin_firm_word"):
            m.type = "Company"  # Kaylon Builders: a Latin name ending in a firm word is no person
        if m.type == "Person":
            span = _crf_person_span(ctx, m.start, m.end)
            if span is None:
                continue
            m.start, m.end = span
            if _before_product_noun(ctx, m.end):
                m.type = "Product"  # 卡萨帝冰箱: a brand before the kind of goods, not a person
        m.start, m.end = _strip_quotes(ctx.norm, m.start, m.end)  # again: the trim may end at a quote
        m.name = ctx.norm[m.start:m.end]
        if m.type != "Place" and _state_name(ctx, m.name):
            m.type = "Place"  # 中华人民共和国, 波兰共和国, 马拉维: a state, whatever the CRF read
        if m.end - m.start < 2 and m.type != "Place":
            continue
        if not _NAMEISH.search(m.name):
            continue  # a bare number (9020 cut from 麒麟9020) names nothing
        out.append(m)
    return out


#: Place kinds whose names are states or regions, never an organisation's or a person's name.
_STATE_KINDS = frozenset(("country", "region", "continent", "province"))
#: The form of a state written after its name (波兰共和国, 俄罗斯联邦, 约旦哈希姆王国).
_STATE_FORM = re.compile(r"[\u4e00-\u9fff]{2,}(?:共和国|王国|合众国|联邦|公国|酋长国|苏丹国)$")


def _before_place_unit(ctx: Context, start: int, end: int) -> int:
    """End of a company span cut before a place + unit word (鹰角网络 + 上海工作室): the firm's
    studio or lab in a city is an internal unit (guidelines rule 6), the firm's name comes before;
    ``start`` when the span is only the place and the unit word (叠纸网络 + 杭州工作室)."""
    text = ctx.norm
    for w in lexicon.cues_longest_first("place_unit"):
        if not text.endswith(w, start, end):
            continue
        for k in (2, 3):
            cut = end - len(w) - k
            if (cut - start >= 2 or cut == start) and text[cut:end - len(w)] in ctx.places and _token_at(ctx, cut) is not None \
                    and _token_at(ctx, cut).start == cut:
                return cut
    return end


def _known_body_before_unit(ctx: Context, start: int, end: int) -> int:
    """End of a listed body that opens an organisation span ending in a department before a job
    title (中国证监会 + 发行部处长): the department is a unit (guidelines rule 6)."""
    text = ctx.norm
    if text[end - 1:end] not in ("部", "司", "局", "处", "室") or not _before_title(ctx, end):
        return end
    k = max((k for k in range(start + 2, end - 1) if text[start:k] in ctx.orgs), default=None)
    return k if k is not None and end - k >= 2 else end


def _ministry_before_unit(ctx: Context, start: int, end: int) -> Optional[int]:
    """End of the ministry (…部) that opens a span ending in a department (…司) before a job title
    (教育部 + 基础教育司副司长), or None."""
    text = ctx.norm
    if text[end - 1:end] != "司" or text.endswith("公司", start, end) or not _before_title(ctx, end):
        return None
    k = text.find("部", start + 2, end - 2)
    return k + 1 if k >= 0 else None


def _state_name(ctx: Context, name: str) -> bool:
    """Whether ``name`` is the name of a country or region in the place lexicon (any of its labels)
    or the formal name of a state (…共和国, …王国, …联邦)."""
    canon = ctx.places.get(name)
    if canon is not None and lexicon.place_kinds().get(canon) in _STATE_KINDS:
        return True
    return bool(_STATE_FORM.match(name))


def _school_unit(ctx: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` is a school or department (…学院, …系) written before a job title
    after a university named earlier in the same sentence: an internal unit of that university."""
    text = ctx.norm
    if not text.endswith(("学院", "系"), start, end) or "大学" in text[start:end] or not _before_title(ctx, end):
        return False
    k = text.rfind("大学", max(0, start - 40), start)
    return k >= 0 and not any(c in "。！？；" for c in text[k:start])


def _before_site(ctx: Context, start: int, end: int, tails) -> int:
    """End of an organisation span cut before a place + site word (中国人民银行 + 上海总部); ``start``
    when the span is only such a place and site word (上海总部)."""
    text = ctx.norm
    for w in tails:
        if not text.endswith(w, start, end):
            continue
        for k in (2, 3):
            place = text[end - len(w) - k:end - len(w)]
            if end - len(w) - k >= start and place in ctx.places:
                return end - len(w) - k
    return end


def _before_product_noun(ctx: Context, end: int) -> bool:
    """Whether a product-category noun (冰箱, 手机) is the jieba word starting at ``end``."""
    tok = _token_at(ctx, end)
    return tok is not None and tok.start == end and (tok.text in lexicon.cues("product_noun") or tok.text == "系列")


def _crf_person_span(ctx: Context, start: int, end: int) -> Optional[Tuple[int, int]]:
    """A CRF person span cleaned up, or None when it names nobody.

    Dots at its edges go (凯特·), so does an honorific after the name (贝佳宁女士);
    a surname with an honorific alone (贝女士), a span that fills a pair of
    book-title marks (《大众软件》) and a word the text quotes somewhere (“淘小智”)
    are dropped. A span that ends inside a jieba word
    takes the rest of a Chinese name (申屠浩 + 然 of 浩然).
    """
    text = ctx.norm
    tok = _token_at(ctx, start)
    if tok is not None and tok.pos == "t" and tok.start == start and tok.end == end and end - start <= 2:
        return None  # 副总裁周一表示: a time word, not a name (jieba also tags 周恩来 t)
    while end - start > 2 and text[start] in _NAME_DOTS:
        start += 1
    while end - start > 2 and text[end - 1] in _NAME_DOTS:
        end -= 1
    end = _strip_address(ctx, start, end)
    start = _after_glued_title(ctx, start, end)  # 实际控制人卜凡: the span starts in the title
    if _bare_address(ctx, text[start:end]):
        return None
    if start > 0 and text[start - 1] == "《" and text[end:end + 1] == "》":
        return None
    name = text[start:end]
    if _HAN.match(name) and len(name) > _max_name_len(ctx, name) and not _translit(name) \
            and ctx.norm[end:end + 1] not in _NAME_DOTS and ctx.norm[start - 1:start] not in _NAME_DOTS:
        return None  # 复宏汉霖: four plain characters without a compound surname are a firm's name
    for a, b in _OPEN_CLOSE.items():
        k = text.find(f"{a}{name}{b}") if a != "\"" else -1
        if k >= 0 and k != start - 1:
            return None  # quoted elsewhere in the text (AI助手“淘小智”): a product or brand, not a person
    tok = _token_at(ctx, end - 1)
    if tok is not None and start + 2 <= tok.start < end < tok.end and tok.end - end >= 2:
        return start, tok.start  # 李鹏 + 兴 of 兴致勃勃: the name stops where a longer word starts
    if tok is not None and tok.end > end and tok.end - end == 1 and _HAN.match(text[start:tok.end]) \
            and text[end] not in lexicon.cue_chars("person_glue") \
            and tok.end - start <= _max_name_len(ctx, text[start:tok.end]) and tok.pos not in _BREAK \
            and not ctx.is_known(tok.text):
        end = tok.end
    return start, end


_NAMEISH = re.compile(r"[A-Za-z\u4e00-\u9fff]")
# (not 产业: 产业园 is a park)
_GLUED_CUE_HEADS = ("市场", "行业")
_COUNTED = re.compile(r"^[0-9一二三四五六七八九十两几多数各诸]+[大个类项种些]?$")
# Characters that make a number a quantity (3%, 20亿, 5倍, 10年), never part of a model name.
_UNIT_CHARS = frozenset("%％元亿万千百倍个家年月日天岁次人台辆件股吨")
# Tags no company name holds inside: time words (近日), prepositions, adverbs, 的.
_CLAUSE_TAGS = frozenset(("t", "p", "d", "uj"))


def _crosses_clause(ctx: Context, start: int, end: int) -> bool:
    """Whether a token inside ``start:end`` (not its first) is a clause word (X近日投资Y有限公司)."""
    starts = ctx.__dict__.get("_tok_starts")
    if starts is None:
        starts = ctx.__dict__["_tok_starts"] = [t.start for t in ctx.doc.tokens]
    toks = ctx.doc.tokens
    k = bisect.bisect_right(starts, start)
    while k < len(toks) and toks[k].end <= end:
        if toks[k].pos in _CLAUSE_TAGS:
            return True
        k += 1
    return False


def _strip_quotes(text: str, start: int, end: int) -> Tuple[int, int]:
    """The span without enclosing quotes or book-title marks (“云刃一号” → 云刃一号)."""
    while end - start > 2 and text[start] in _OPEN_CLOSE:
        start += 1
    while end - start > 2 and text[end - 1] in _OPEN_CLOSE.values():
        end -= 1
    return start, end


def _trim_tail(text: str, start: int, end: int, tails) -> int:
    """End of the span once a glued version or site word (系列, 总部) is cut off."""
    for w in sorted(tails, key=len, reverse=True):
        if text.endswith(w, start, end) and end - len(w) - start >= 2:
            return end - len(w)
    return end


def _crf_for(etype: str) -> Callable[[Context], List[Mention]]:
    """A recogniser that keeps the CRF spans of one type (so each type has its own priority)."""
    def fn(ctx: Context) -> List[Mention]:
        cache = ctx.__dict__.setdefault("_crf", None)
        if cache is None:
            cache = ctx.__dict__["_crf"] = crf_mentions(ctx)
        return [m for m in cache if m.type == etype]
    fn.priority = CRF_PRIORITY[etype]
    fn.__name__ = f"crf_{etype.lower()}"
    return fn


RECOGNIZERS.extend(_crf_for(t) for t in CRF_PRIORITY)


@recognizer(priority=95)
def crf_legal_names(ctx: Context) -> List[Mention]:
    """CRF company spans that end in a legal form (…有限公司), over the suffix rule.

    The suffix rule finds where such a name ends but guesses where it starts
    (网络科技有限公司 out of 杭州鲜果多多网络科技有限公司); the CRF's left boundary is
    better, and a full legal name swallows the place inside it.
    """
    cache = ctx.__dict__.get("_crf")
    if cache is None:
        cache = ctx.__dict__["_crf"] = crf_mentions(ctx)
    return [m for m in cache if m.type == "Company" and m.name.endswith("公司") and len(m.name) > 4
            and m.name[:-2] not in ctx.csuf and not _inside_known_firm(ctx, m.start)]


def _country_pair_stem(ctx: Context, start: int, end: int) -> bool:
    """Whether the company span ``start:end`` is two or more one-character place short forms and a
    business word (中美 + 医药, 中日 + 医药合作): a relation between countries, no firm's name."""
    abbr = lexicon.place_abbreviations()
    k = start
    while k < end and ctx.norm[k] in abbr:
        k += 1
    if k - start < 2:
        return False
    first = _token_at(ctx, start)
    return first is not None and first.start == start and first.end == k


def _inside_known_firm(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` falls inside (not at the start of) a jieba word that is a known company
    (中国建设银行 + 公司业务部: the CRF's 建设银行公司 starts inside the bank's name)."""
    t = _token_at(ctx, pos)
    return t is not None and t.start < pos and t.text in ctx.companies
