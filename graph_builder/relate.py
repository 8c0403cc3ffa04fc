"""Typed relation extraction with evidence: ``relate(doc)`` fills ``doc.relations``.

Each sentence is rewritten as a short *pattern string* in which every mention (and
every pronoun resolved to an antecedent) is one private-use character standing for
its type. The patterns of ``data/relations.json`` are regular expressions over that
string, so a rule reads like ``{ORG}{U}*{TITLE}{PER}`` and never has to know what
the names are. A match gives the mentions by position; the evidence is the
sentence that holds them (for a pronoun, the sentence with the pronoun).

Confidence
----------
Each pattern has a base confidence (explicit apposition or title before a name
0.9; verbs such as 任/创办/投资 0.8-0.85; looser cues such as ``X的Y`` 0.55-0.6;
acquisition-as-parent 0.6). Then:

* minus ``gap_penalty`` (0.02) per character in the pattern's ``gap`` groups, the free
  text it allowed between the endpoints and the cue, not below ``floor`` (0.4);
* x ``coref_factor`` (0.8) when an endpoint is a pronoun (该公司, 他, 其);
* x ``hedge_factor`` (0.7) when the match holds a hedge word (拟, 计划, 传闻);
* a negation word in the match (终止, 否认, 并未) drops the match; for the predicates of
  ``negation_tail_predicates`` also one later in the same clause (X与Y的合作已于去年终止);
* a plan word (``plan``: 拟, 计划, 将 but not 将继续) in the cue's clause drops a relation of
  ``plan_drops_predicates`` (计划进军氢能领域 names no sector of the company yet).
* a parent named before ``旗下`` and its fund is not the investor, the fund is
  (宁德时代旗下的问鼎投资).
* a holding raised to the whole company (增持X股权至100%) in a company the document makes the
  holder's subsidiary is the acquisition, ``parentOrganization``, not ``investedIn``.

A maker the text calls a contract manufacturer (``contract_make``: 该车由X代工生产) is kept only
for a product no other maker (any pattern, or the brand in its name) is found for.

A title made of founder titles only (创始人, 联合创始人) gives ``founder`` and no
``worksFor``; with another title (联合创始人兼CFO) that one gives the ``worksFor``.

Beyond the patterns' own groups, a pattern may leave an endpoint unsaid
(``"s_from"``/``"o_from"``: the first or nearest fitting mention of the sentence
before the match, as in ``X，1975年生，现任Y副行长``; ``"sole"``: the only such entity
named before the match, news outlets aside, as in ``X成立于2018年，创始人兼CEO张三…``,
and none when two are; ``"topic"``/``"topic_first"``: in a sentence naming none, the topic of
an earlier sentence, or the company an earlier sentence opened with, as in
``X是Y控股的子公司。…J7搭载自研芯片JY-1``; with ``"topic_besides_match"`` the match's own mentions do
not count: ``…。此外，全资子公司Y…`` is the unit of the earlier topic, and with ``"o_not_listed"`` a match
whose elided object is one of its own subjects gives nothing: ``A与B合资成立C。A持股51%，B持股49%``;
``"clause_first"``: the company the nearest clause before opened with, else as ``"first"``:
``入股Y，后者是…企业，此前已获X投资``); ``pair_patterns`` relate the
two companies last named together (``双方将联合开发``; with a ``slist`` of products, both make
them: ``双方将联合研发“秧鸽8S”``; with an ``olist`` of sectors, both are in them: ``两家公司均是国内
半导体设备领域的龙头``); ``"pairwise"`` relates every pair of
a listed group (``A、B和C共同组建…``); ``"o_pronoun"`` takes the object only from those pronouns
(``其分体式飞行汽车“天行者”``); ``"no_coref"`` (true, ``"s"`` or ``"o"``) keeps pronouns out of
an endpoint; ``respective_patterns`` hand
titles to the persons in order (``两人分别担任CEO和CTO``). ``后者`` and ``该产品``/``这款`` refer to the most
recent fitting mention, other pronouns to the topic (a person's former employer, 他曾在X担任…, is
none) (a ``其`` opening a later clause to the company
the clause before opened with: ``X收购Y，Y将独立运营，其游戏…``). Joined titles (董事长兼总裁) give
one ``worksFor`` per title.

A company followed by a bracket that only gives its short or English name (``X（688417.SH，
以下简称“Y”）``) stands in the pattern string as Y when the bracket calls Y the short name or
the text goes on to use Y, and the bracket is skipped.

``Relation.method`` is the pattern name (``worksFor:title-before-name``). A triple
is emitted at most once per sentence (the most confident pattern wins);
``partnerOf`` is emitted once per pair with the first-named company as subject.

Examples
--------
>>> from graph_builder.doc import Document, Mention, Sentence
>>> d = Document(id="x", text="星河科技董事长王建国表示。")
>>> d.sentences = [Sentence(0, 13)]
>>> d.mentions = [Mention(0, 4, "Company", "星河科技", key="星河科技"), Mention(7, 10, "Person", "王建国", key="王建国")]
>>> r = relate(d).relations[0]
>>> (r.subject, r.predicate, r.object, r.title, r.confidence)
(1, 'worksFor', 0, '董事长', 0.9)
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from typing import Dict, Iterable, List, Optional, Tuple

from .calibrate import calibrate
from .doc import Document, Relation, Sentence

#: Placeholder character of each entity type in the pattern string.
PLACEHOLDER = {
    "Person": "\ue001",
    "Company": "\ue002",
    "Organization": "\ue003",
    "Product": "\ue004",
    "Industry": "\ue005",
    "Place": "\ue006",
}
_OTHER = "\ue007"  # a type this module has no pattern for
_ENTITY_RANGE = "\ue000-\ue0ff"
_PUNCT = "，。；;：:！？!?、,（）()“”\"\n"

_MACROS = {
    "PER": PLACEHOLDER["Person"],
    "COM": PLACEHOLDER["Company"],
    "PROD": PLACEHOLDER["Product"],
    "IND": PLACEHOLDER["Industry"],
    "PL": PLACEHOLDER["Place"],
    "ORG": "[" + PLACEHOLDER["Company"] + PLACEHOLDER["Organization"] + "]",
    "NOTORG": "[^" + PLACEHOLDER["Company"] + PLACEHOLDER["Organization"] + "]",
    "CP": "[" + PLACEHOLDER["Company"] + PLACEHOLDER["Product"] + "]",
    "INV": "[" + PLACEHOLDER["Person"] + PLACEHOLDER["Company"] + PLACEHOLDER["Organization"] + "]",
    # one plain character inside a clause
    "W": "[^" + _ENTITY_RANGE + re.escape(_PUNCT) + "]",
    # a unit between employer and title: may hold Organization/Product/Place mentions
    # (与 is allowed: 云与智慧产业事业群; a second company or a person still ends the unit)
    # (verbs and prepositions end it: 月之光科技由前微软研究院研究员X is not 月之光科技's researcher)
    # (nor a hiring verb: 公司同时聘请复旦大学药学院教授X is not the company's professor)
    "U": "[^" + PLACEHOLDER["Person"] + PLACEHOLDER["Company"] + re.escape(_PUNCT) + "和及由被向对将是为聘邀]",
    # a character of free text that may hold Organization/Product/Place mentions
    "N": "[^" + PLACEHOLDER["Person"] + PLACEHOLDER["Company"] + re.escape(_PUNCT) + "]",
    # a plain character or a place ("在北京发布")
    "P": "[^" + PLACEHOLDER["Person"] + "-" + PLACEHOLDER["Industry"] + _OTHER + re.escape(_PUNCT) + "]",
}
# a unit inside a joined title: no person, company or organization
_JOINED_UNIT = "[^" + PLACEHOLDER["Person"] + PLACEHOLDER["Company"] + PLACEHOLDER["Organization"] + re.escape(_PUNCT) + "和及由被向对将是为]"
_PRIVATE_USE_RE = re.compile("[" + _ENTITY_RANGE + "]")
# any chief officer a company names (首席内容官, 首席供应链官), beyond the listed titles; also a
# chief president or director of a named remit (首席营运总监, 首席客户及商务总裁)
_CHIEF = "首席[\u4e00-\u9fff]{1,5}?(?:官|总裁|总监)"
_MACRO_RE = re.compile(r"\{(cue:[a-z_]+|[A-Z]+)\}")


# --------------------------------------------------------------------------- rules


def trie_regex(words: Iterable[str]) -> str:
    """One regular expression matching any of ``words``, shaped as a trie.

    A flat alternation of a few thousand titles would be tried word by word at each
    position; the trie shares prefixes, so matching cost follows the word length.
    Longer words are preferred (greedy), so ``副总裁`` wins over ``副总``.
    """
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _lexicon_titles() -> List[str]:
    """Job titles from the lexicon module when it is there (the data file has the core set)."""
    try:
        from . import lexicon  # noqa: WPS433 - optional sibling module
    except ImportError:
        return []
    titles = getattr(lexicon, "titles", None)
    return list(titles()) if callable(titles) else []


@lru_cache(maxsize=1)
def _rules() -> dict:
    """Load ``data/relations.json`` once and compile its patterns."""
    raw = json.loads(resources.files("graph_builder").joinpath("data/relations.json").read_text("utf-8"))
    # not_titles: words the lexicon lists as titles that name no post (股东 holds shares)
    titles = [t for t in (set(raw["titles"]) | set(_lexicon_titles())) - set(raw.get("not_titles", ())) if t and len(t) <= 12]
    mods = trie_regex(raw["title_modifiers"])
    one = "(?:" + mods + ")*" + "(?:" + trie_regex(titles) + "|" + _CHIEF + ")"
    macros = dict(_MACROS)
    # a later title of a joined phrase may follow its own unit (副行长兼上海总部主任, 研发工程师、欧洲工厂
    # 总经理); the unit must end in a unit head or a mention, so 兼任 is never read as a unit
    # (an organization named there is the employer of that title: 清华大学教授、中国工程院院士X)
    heads = "(?:" + trie_regex(raw["unit_heads"]) + "|" + PLACEHOLDER["Place"] + ")"
    joined = "(?:[兼、/及暨](?:" + _JOINED_UNIT + "{0,8}?" + heads + ")?" + one + ")*"
    macros["TITLE"] = "(?:" + one + joined + ")"
    # a character of a list running to the sentence end that does not open a negation word, so a
    # round's investor list stops before one (由A领投，B跟投，此前传闻参与的C最终未参投: A and B)
    macros["FREE"] = "(?:(?!" + "|".join(map(re.escape, raw["negation"])) + ")[^。；;！？!?])"
    # a unit before a title where no employer is written (，亚太区副总裁X介绍)
    macros["UNIT"] = "(?:" + _JOINED_UNIT + "{0,8}?" + heads + ")"
    # an executive title: the first one of the phrase is a post a company gives (董事长, 总裁, 创始人),
    # so a title with no employer before it can take the sentence's company (分析师 cannot)
    macros["EXEC"] = "(?:(?:" + mods + ")*(?:" + trie_regex(raw["exec_titles"]) + "|" + _CHIEF + ")" + joined + ")"
    # the title proper at the end of a title with its unit (研发中心主任 -> 主任, 中国区总裁 -> 总裁)
    unit_tail = re.compile("(?:" + trie_regex(raw["unit_heads"]) + ")(?=(" + one + ")$)")
    # in a "requires" test the bare title is enough (modifiers only ever precede one)
    bare_title = "(?:" + trie_regex(titles) + "|" + _CHIEF + ")"

    def expand(pattern: str) -> str:
        def sub(m: re.Match) -> str:
            name = m.group(1)
            if name.startswith("cue:"):
                words = raw["cues"][name[4:]]
                return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
            return macros[name]

        return _MACRO_RE.sub(sub, pattern)

    patterns = []
    required: Dict[str, Optional[re.Pattern]] = {}  # patterns sharing a test share one object
    for p in raw["patterns"]:
        rx = re.compile(expand(p["regex"]))
        allowed = {}
        for group in ("slist", "olist"):
            # a list group takes the type class it is written with, or the pattern's "<group>_types"
            lead = re.search(r"\(\?P<" + group + r">\{([A-Z]+)\}", p["regex"])
            macro = p.get(group + "_types") or (lead.group(1) if lead else None)
            if macro:
                allowed[group] = _MACROS[macro]
        needs = [frozenset(ch for ch in need if "\ue000" <= ch <= "\ue0ff") for need in _required_types(p["regex"])]
        req = "|".join(r.replace("{TITLE}", bare_title) for r in p.get("requires", ()))
        if req not in required:
            required[req] = re.compile(expand(req)) if req else None
        requires = required[req]
        for group in ("s", "o"):
            # an elided endpoint ("s_from": "prev"|"first", "s_types": macro) is taken from the sentence
            # ("topic": from an earlier sentence, so the sentence need not hold that type; nor need
            # it with "paragraph": the paragraph's only employer is the fallback)
            if p.get(group + "_from"):
                allowed[group] = _MACROS[p[group + "_types"]]
                if p[group + "_from"] not in ("topic", "topic_first", "prev_sentence") and not p.get("paragraph"):
                    needs.append(frozenset(_MACROS[p[group + "_types"]]))
        patterns.append({**p, "re": rx, "needs": needs, "requires": requires, "list_allowed": allowed})
    pron = {
        name: (re.compile(spec["regex"]), tuple(spec["types"]), bool(spec.get("latest")),
               spec.get("after_mention", True))
        for name, spec in raw["pronouns"].items()
    }
    pron_any = re.compile("|".join("(?:" + spec["regex"] + ")" for spec in raw["pronouns"].values()))
    pair_patterns = [{**p, "re": re.compile(expand(p["regex"]))} for p in raw.get("pair_patterns", ())]
    respective = [{**p, "re": re.compile(expand(p["regex"]))} for p in raw.get("respective_patterns", ())]
    return {
        "patterns": patterns,
        # the patterns whose employer is the company of the sentence before (_drop_implicit_employed)
        "implicit_employer": frozenset(p["name"] for p in patterns if p.get("o_from") == "prev_sentence"),
        "pair_patterns": pair_patterns,
        "respective": respective,
        "by_present": {},
        "pronouns": pron,
        "pronoun_any": pron_any,
        "source": re.compile("|".join(re.escape(c) for c in sorted(raw.get("source_cues", []), key=len, reverse=True)) or "(?!)"),
        "negation": re.compile("|".join(map(re.escape, raw["negation"]))),
        "negation_tail": frozenset(raw.get("negation_tail_predicates", ())),
        "contrast": re.compile("|".join(map(re.escape, raw.get("contrast_openers", ()))) or "(?!)"),
        "plan": re.compile("|".join(raw.get("plan", ())) or "(?!)"),
        "plan_drops": frozenset(raw.get("plan_drops_predicates", ())),
        "hedge": re.compile("|".join(map(re.escape, raw["hedge"]))),
        "contract": re.compile("|".join(map(re.escape, raw.get("contract_make", ()))) or "(?!)"),
        "founder_titles": tuple(raw["founder_titles"]),
        "unit_tail": unit_tail,
        # words that end a post: for worksFor they state a former post (GUIDELINES), not a negation
        "negation_post": re.compile("|".join(map(re.escape, [w for w in raw["negation"] if w not in raw.get("post_end", ())]))),
        "gap_penalty": float(raw["gap_penalty"]),
        "floor": float(raw["floor"]),
        "coref_factor": float(raw["coref_factor"]),
        "hedge_factor": float(raw["hedge_factor"]),
    }


def _required_types(raw_regex: str) -> List[str]:
    """Placeholder sets the pattern cannot match without: one per endpoint group.

    Lets a sentence skip every pattern whose endpoint types it does not contain.
    """
    needs = []
    for group in ("s", "o", "slist", "olist"):
        lead = re.search(r"\(\?P<" + group + r">\{([A-Z]+)\}", raw_regex)
        if lead and lead.group(1) in _MACROS:  # not a list of free text ({FREE}*)
            needs.append(_MACROS[lead.group(1)])
    return needs


# --------------------------------------------------------------------------- sentence view


class _Item:
    """A mention or resolved pronoun in the pattern string."""

    __slots__ = ("mention", "start", "end", "coref")

    def __init__(self, mention: int, start: int, end: int, coref: bool) -> None:
        self.mention, self.start, self.end, self.coref = mention, start, end, coref


#: A day in brackets inside a Taiwan date word: 今（3）日, 昨（16）日.
_DAY_IN_BRACKETS_RE = re.compile(r"([今昨前本])[（(]([0-9]{1,2})[）)]日")


class _SentenceView:
    """The pattern string of one sentence and the map back to the text.

    ``offsets[i]`` is the text offset where pattern character ``i`` starts
    (one extra entry: the sentence end); ``items[i]`` is the mention at ``i``.
    """

    def __init__(self) -> None:
        self.chars: List[str] = []
        self.offsets: List[int] = []
        self.items: Dict[int, _Item] = {}
        # type -> first mention of the latest earlier sentence of the paragraph having one
        self.earlier: Dict[str, int] = {}
        # the company the latest earlier sentence that opened with one opened with ("topic_first")
        self.earlier_first: Dict[str, int] = {}
        # (type, key) -> first mention of every company/organization the paragraph named so far
        self.named: Dict[tuple, int] = {}
        # (type, key) -> first item of each company/organization of the sentence right before
        # this one in the paragraph, pronouns resolved, news outlets aside ("prev_sentence")
        self.prev_sentence: Dict[tuple, int] = {}

    def add_text(self, text: str, start: int) -> None:
        if _PRIVATE_USE_RE.search(text):
            # a private-use character in the text must not pass for a mention
            text = _PRIVATE_USE_RE.sub(" ", text)
        if "（" in text or "(" in text:
            # 今（3）日公告, 昨（16）日: Taiwan news brackets the day inside a date word; the
            # brackets are no clause break there (same length: offsets stay)
            text = _DAY_IN_BRACKETS_RE.sub(lambda d: d.group(1) + "-" + d.group(2) + "-日", text)
        self.chars.extend(text)
        self.offsets.extend(range(start, start + len(text)))

    def add_item(self, type_: str, item: _Item) -> None:
        self.items[len(self.chars)] = item
        self.chars.append(PLACEHOLDER.get(type_, _OTHER))
        self.offsets.append(item.start)


def _fallback_sentences(doc: Document) -> List[Sentence]:
    """Sentences split at end punctuation, for documents the segmenter did not reach."""
    out = []
    for para, (lo, hi) in enumerate(doc.content or [(0, len(doc.norm))]):
        start = lo
        for m in re.finditer(r"[。！？!?；;\n]+", doc.norm[lo:hi]):
            end = lo + m.end()
            if doc.norm[start:end].strip():
                out.append(Sentence(start, end, para))
            start = end
        if doc.norm[start:hi].strip():
            out.append(Sentence(start, hi, para))
    return out


class _Topics:
    """Candidate antecedents of pronouns within a paragraph.

    A pronoun refers to the *topic*: the first mention of a fitting type in its own
    sentence before it, else the first one of the latest earlier sentence of the
    paragraph that had one (``云帆数据由前阿里工程师何静创立。公司……``: 公司 is 云帆数据,
    not the nearer 阿里).
    """

    def __init__(self) -> None:
        self.previous: Dict[str, int] = {}  # type -> first mention of the latest sentence having it
        self.current: Dict[str, int] = {}
        # type -> the company or organization a sentence opened with (no person, company,
        # organization or product before it), of the latest sentence naming either ("topic_first";
        # empty when that sentence opened otherwise)
        self.previous_first: Dict[str, int] = {}
        self.current_first: Dict[str, int] = {}
        self.opened = False  # the current sentence named a person, company, organization or product
        self.last: Dict[str, int] = {}  # type -> latest mention of the paragraph (for 后者)
        self.pair: Optional[Tuple[int, int]] = None  # first two companies of the latest sentence naming two (双方)
        self.named: Dict[tuple, int] = {}  # (type, key) -> first mention, each employer the paragraph named
        # (type, key) -> first mention, each employer the latest sentence of the paragraph named
        self.prev_sentence: Dict[tuple, int] = {}

    def seen(self, type_: str, index: int) -> None:
        self.current.setdefault(type_, index)
        self.open_with(type_, index)
        self.last[type_] = index

    def end_sentence(self) -> None:
        if any(t in self.current for t in _EMPLOYER_TYPES):
            self.previous_first = self.current_first
        self.previous.update(self.current)
        self.current = {}
        self.current_first = {}
        self.opened = False

    def open_with(self, type_: str, index: int) -> None:
        if not self.opened and type_ in _EMPLOYER_TYPES:
            self.current_first[type_] = index
        self.opened = self.opened or type_ in _MAJOR_TYPES

    def antecedent(self, types: Tuple[str, ...], latest: bool = False) -> Optional[int]:
        if latest:  # 后者 names the most recent fitting mention, not the topic
            cands = [self.last[t] for t in types if t in self.last]
            return max(cands) if cands else None
        for table in (self.current, self.previous):
            cands = [table[t] for t in types if t in table]
            if cands:
                return max(cands)
        return None

    def __bool__(self) -> bool:
        return bool(self.previous or self.current)


def _alternatives(kind: str) -> str:
    """The cue words of ``kind`` as a regex alternation, longest first."""
    from .lexicon import cues_longest_first

    return "|".join(re.escape(w) for w in cues_longest_first(kind))


@lru_cache(maxsize=1)
def _former_post_re() -> "re.Pattern":
    """Words right before a company that make it a person's former employer (他曾在X担任…, 曾任X副总裁):
    a ``former_post_lead`` word and a ``former_post_verb``, or a ``former_post`` word."""
    return re.compile(f"(?:{_alternatives('former_post_lead')})(?:{_alternatives('former_post_verb')})$"
                      f"|(?:{_alternatives('former_post')})$")


def _build_view(doc: Document, sent: Sentence, lo: int, hi: int, topics: _Topics, rules: dict):
    """Pattern string of ``sent``; records its mentions in ``topics``."""
    view = _SentenceView()
    view.earlier = dict(topics.previous)
    view.earlier_first = dict(topics.previous_first)
    view.named = dict(topics.named)
    view.prev_sentence = dict(topics.prev_sentence)
    pos = sent.start
    for i in range(lo, hi):
        m = doc.mentions[i]
        if m.start < pos or m.end > sent.end:
            continue  # overlapping or crossing the sentence end: not usable here
        _add_gap(doc, view, pos, m.start, topics, rules, pos > sent.start)
        # 上海衡算工业软件股份有限公司（688417.SH，以下简称“衡算软件”）: the name the text goes on
        # to use stands for the company, and the bracket is skipped
        alias = _alias_bracket(doc, i, hi, sent.end)
        k = alias[0] if alias else i
        m = doc.mentions[k]
        view.add_item(m.type, _Item(k, doc.mentions[i].start, doc.mentions[i].end, False))
        # 36氪获悉: the outlet is not the topic (记者从星河科技获悉: the company still is)
        if not _news_outlet(doc, m, rules):
            if m.type == "Company" and _former_post_re().search(doc.norm, max(sent.start, doc.mentions[i].start - 4), doc.mentions[i].start):
                # 他曾在长电科技担任技术副总裁。目前该公司…: a person's former employer is no topic
                topics.last[m.type] = k
            elif m.type == "Company" and _side_party(doc, doc.mentions[i], topics):
                pass  # an adviser, a sales channel or a counterparty is neither topic nor 后者
            else:
                topics.seen(m.type, k)
            if m.type in _EMPLOYER_TYPES and not _former_of_person(doc, i):
                # 前华为海思芯片架构师蒲嘉言…: a person's former employer is no employer of the paragraph
                topics.named.setdefault(m.ident, k)
            # 吉利汽车旗下的极氪科技宣布…公司: the unit named after 旗下 is what the sentence is about
            # (顺丰控股全资子公司丰翼科技宣布，其…; 港交所上市公司商汤集团宣布，旗下…: the listed company)
            if m.type == "Company" and _introduced_unit(doc, i):
                topics.current["Company"] = k
        pos = alias[1] if alias else _skip_own_bracket(doc, i, hi, sent.end)
    _add_gap(doc, view, pos, sent.end, topics, rules, pos > sent.start)
    view.offsets.append(sent.end)
    pair = _first_pair(doc, view)
    if pair:
        topics.pair = pair
    employers: Dict[tuple, int] = {}
    for i in sorted(view.items):
        it = view.items[i]
        men = doc.mentions[it.mention]
        if men.type in _EMPLOYER_TYPES and (it.coref or not _news_outlet(doc, men, rules)) \
                and not (not it.coref and not employers and doc.norm[men.start - 1:men.start] in _COUNTERPARTY_MARKS):
            # (…並與愛立信合作部署…。行政總裁X表示: the counterparty of a sentence that named no firm
            # before it is no implicit employer; 星河科技与云帆数据签署协议 names two parties)
            employers.setdefault(men.ident, it.mention)
    topics.prev_sentence = employers
    topics.end_sentence()
    return view


def _news_outlet(doc: Document, m, rules: dict) -> bool:
    """Whether mention ``m`` is a news outlet citing its source (36氪获悉), which is no topic;
    记者从星河科技获悉 names the company, not an outlet."""
    return bool(rules["source"].match(doc.norm, m.end)) and doc.norm[m.start - 1:m.start] not in ("从", "向", "据")


_EMPLOYER_TYPES = ("Company", "Organization")
_MAJOR_TYPES = ("Person", "Company", "Organization", "Product")
_CLAUSE_PUNCT_RE = re.compile("[，,。；;：:！？!?\n]")
_UNDER_RE = re.compile("旗下的?$")
# a company a company right before introduces as its unit or as listed there (顺丰控股全资子公司丰翼科技,
# 港交所上市公司商汤集团); written apart (X公告，全资子公司Y…), X stays the topic
_UNIT_AFTER_RE = re.compile("(?:旗下|下属)?的?(?:全资|控股)?(?:子公司|附属公司)$|上市(?:公司|企业)$")


def _introduced_unit(doc: Document, i: int) -> bool:
    """Whether company mention ``i`` is what its sentence is about rather than the company
    before it: named after 旗下 (吉利汽车旗下的极氪科技), or right after another company and
    a unit or listing word (顺丰控股全资子公司丰翼科技宣布，其…: 其 is 丰翼科技)."""
    m = doc.mentions[i]
    if _UNDER_RE.search(doc.norm, max(0, m.start - 3), m.start):
        return True
    hit = _UNIT_AFTER_RE.search(doc.norm, max(0, m.start - 8), m.start)
    if not hit or i == 0:
        return False
    prev = doc.mentions[i - 1]
    return prev.type == "Company" and prev.end == hit.start()

_BRACKET_RE = re.compile(r"\s*[（(][^（）()。！？!?；;]{0,40}[）)]")
_ALSO_RE = re.compile(r"\s*[（(](?:并|同时)?兼")


# what an alias bracket may hold besides the names: quotes, separators, a stock code, and the
# words that introduce a short or English name (以下简称, 英文名, 股份代号)
_ALIAS_FILLER_RE = re.compile(
    r"(?:[\s“”\"'‘’「」『』，,、：:]|以下简称|以下称|下称|简称|又称|英文名称?|英文简称|英文|"
    r"股票代码|证券代码|股份代号|股票简称|证券简称|[0-9A-Za-z.]+)*")


_SHORT_NAME_RE = re.compile("简称|下称|以下称")


_CJK_NAME_RE = re.compile("[\u4e00-\u9fff]{2,8}")


def _alias_bracket(doc: Document, i: int, hi: int, limit: int) -> Optional[Tuple[int, int]]:
    """``X（以下简称“Y”）``, ``X（Y）``, ``X（英文名Z，简称“Y”）``: (the mention Y, the bracket end)
    when the bracket right after company or organization ``i`` holds only names of its type
    (the last one is the name the text goes on to use) and naming filler; else None.

    The resolver may give Y another key than X (衡算工业软件 / 衡算软件); the short name is the
    canonical one where the text uses it (GUIDELINES), so relations of X are stated with Y.
    """
    m = doc.mentions[i]
    if m.type not in _EMPLOYER_TYPES:
        return None
    hit = _BRACKET_RE.match(doc.norm, m.end, limit)
    if not hit or _ALSO_RE.match(doc.norm, hit.start()):
        return None
    inner_start = hit.start() + len(hit.group()) - len(hit.group().lstrip()) + 1
    inner_end = hit.end() - 1
    inside = []
    j = i + 1
    while j < hi and doc.mentions[j].start < hit.end():
        other = doc.mentions[j]
        if other.start < inner_start or other.end > inner_end or other.type != m.type:
            return None
        inside.append(j)
        j += 1
    if not inside:
        return None
    pos = inner_start
    for j in inside:
        if not _ALIAS_FILLER_RE.fullmatch(doc.norm, pos, doc.mentions[j].start):
            return None
        pos = doc.mentions[j].end
    if not _ALIAS_FILLER_RE.fullmatch(doc.norm, pos, inner_end):
        return None
    # a name the bracket calls the short one (以下简称“Y”), else the one the text goes on to use
    # (輝達（NVIDIA）…輝達 keeps 輝達)
    y = doc.mentions[inside[-1]]
    named = _SHORT_NAME_RE.search(doc.norm, inner_start, y.start)
    later = any(n.type == y.type and (n.name == y.name or (n.key and n.key == y.key))
                for n in doc.mentions[inside[-1] + 1:])
    # a shorter Chinese name in the bracket is the abbreviation (香港交易及结算所有限公司（港交所）),
    # an English one (輝達（NVIDIA）) only a gloss
    short = len(y.name) < len(m.name) and _CJK_NAME_RE.fullmatch(y.name) is not None
    return (inside[-1] if named or later or short else i), hit.end()


def _skip_own_bracket(doc: Document, i: int, hi: int, limit: int) -> int:
    """End of a bracket right after mention ``i`` that only restates it, else the mention end.

    ``腾讯（Tencent）``, ``蓝鲸动力（以下简称“蓝鲸”）``, ``腾讯（00700.HK）``: the bracket says
    nothing new, and dropping it lets ``X（…）与Y签署合作协议`` match like ``X与Y…``.
    A bracket naming another entity (``张三（星河科技总裁）``) stays.
    """
    m = doc.mentions[i]
    hit = _BRACKET_RE.match(doc.norm, m.end, limit)
    if not hit or _ALSO_RE.match(doc.norm, hit.start()):
        # 樊嘉禾（兼首席技术官）: a second post, not a restatement
        return m.end
    ident = m.ident
    j = i + 1
    while j < hi and doc.mentions[j].start < hit.end():
        other = doc.mentions[j]
        if other.ident != ident:
            return m.end
        j += 1
    return hit.end()


def _add_gap(doc: Document, view: _SentenceView, a: int, b: int, topics: _Topics, rules: dict,
             after_mention: bool = False) -> None:
    """Copy text ``[a, b)`` into the view, turning pronouns with an antecedent into items.

    ``after_mention``: the gap follows a mention, so a pronoun whose spec says
    ``"after_mention": false`` is not one at the gap start (芯片公司地平线: 公司 is a noun).
    """
    if a >= b:
        return
    text = doc.norm[a:b]
    # tested in the document, as the pronouns are matched below: a look-behind may reach before the
    # gap (…市场。”|公司同时宣布…, where the sentence split left the closing quote to this sentence)
    if not topics or not rules["pronoun_any"].search(doc.norm, a, b):
        view.add_text(text, a)
        return
    hits = []
    for name, (regex, types, latest, bare) in rules["pronouns"].items():
        antecedent = topics.antecedent(types, latest)
        if antecedent is None:
            continue
        # matched in the document, not in the gap: a gap starting right after a mention
        # (芯片|公司|地平线) is no clause start, and look-behinds see the real context
        for m in regex.finditer(doc.norm, a, b):
            if after_mention and not bare and m.start() == a:
                continue
            if name == "venture":
                # 双方将合资成立C…。新公司将专注于…: the venture, or nothing
                kind = _venture_antecedent(doc, m.start())
                if kind is not None:
                    hits.append((m.start() - a, m.end() - a, kind))
                continue
            kind = _kind_antecedent(doc, m.group(), topics)
            if kind is None and m.group() == "其":
                kind = _clause_subject(doc, m.start(), types)
            if kind is None and m.group() == "其" and "Company" in types:
                kind = _product_owner(doc, m.start(), m.end(), topics)
            if kind is None and m.group() == "其" and _holder_before(doc, antecedent, m.start()):
                continue  # A及B分别持有其8.2%及6.5%股权: 其 is the company held, not a holder before it
            hits.append((m.start() - a, m.end() - a, antecedent if kind is None else kind))
    hits.sort()
    pos = 0
    for s, e, antecedent in hits:
        if s < pos:
            continue
        view.add_text(text[pos:s], a + pos)
        view.add_item(doc.mentions[antecedent].type, _Item(antecedent, a + s, a + e, True))
        # a sentence opening with a pronoun is about its antecedent (公司完成融资，由A领投。其自研的…:
        # 其 is still the company, not the investor A named after it)
        topics.current.setdefault(doc.mentions[antecedent].type, antecedent)
        topics.open_with(doc.mentions[antecedent].type, antecedent)
        pos = e
    view.add_text(text[pos:], a + pos)


#: Characters right before a company that make it the other party of what the sentence's subject does;
#: without 和, which also joins two subjects (A和B共同…).
_COUNTERPARTY_MARKS = frozenset("与和同跟向从")
_COUNTERPARTY_ONLY_MARKS = _COUNTERPARTY_MARKS - {"和"}


def _side_party(doc: Document, m: Mention, topics: _Topics) -> bool:
    """Whether company mention ``m`` is named only beside what the text is about, so it becomes no
    topic (nor the antecedent of 后者): a deal's adviser (摩根士丹利担任独家财务顾问。…后者将成为…), a sales
    channel (在盒马、山姆会员店等渠道销量居前。…公司将继续深耕…), or the counterparty of a sentence whose
    subject is unsaid (期内集团…，并与爱立信合作…。…集团将继续…: 集团 is still the earlier topic)."""
    if _ADVISER_AFTER_RE.match(doc.norm, m.end) or _CHANNEL_AFTER_RE.match(doc.norm, m.end):
        return True
    return "Company" not in topics.current and topics.previous.get("Company") is not None \
        and doc.norm[m.start - 1:m.start] in _COUNTERPARTY_ONLY_MARKS


#: A deal's adviser named after the deal (X担任独家财务顾问, 中金公司为独家保荐人).
_ADVISER_AFTER_RE = re.compile("(?:担任|出任|为|作为)(?:本次交易的?|此次交易的?|本次发行的?)?(?:独家|联席|联合)?"
                               "(?:财务顾问|法律顾问|保荐人|保荐机构|承销商|主承销商|审计机构)")


#: Companies named as sales channels (在盒马、山姆会员店等渠道).
_CHANNEL_AFTER_RE = re.compile("(?:[、和及与][^、，,。；;]{1,10}?)*等?(?:销售渠道|渠道|电商平台|商超|线上平台)")


#: A holding verb right before 其, with only adverbs between it and the clause's holders.
_HOLDS_IT_RE = re.compile("(?:分别|各自|共同|合计|则|也|亦|目前|现)?(?:持有|持|入股|认购|增持|收购)$")


def _holder_before(doc: Document, antecedent: int, pos: int) -> bool:
    """Whether the antecedent found for the 其 at ``pos`` is a holder written in the same clause
    right before a holding verb and 其 (A及B分别持有其…): it cannot hold itself."""
    m = doc.mentions[antecedent]
    if not (m.end <= pos and pos - m.end <= 12):
        return False
    between = doc.norm[m.end:pos]
    return not any(c in between for c in "，,。；;") and _HOLDS_IT_RE.search(between) is not None


#: Characters that may stand between a sentence-opening 其 and its product (其液冷超充桩YD-600).
_OWN_PRODUCT_GAP = 12
_SENTENCE_END = "。！？!?\n"


def _product_owner(doc: Document, start: int, end: int, topics: _Topics) -> Optional[int]:
    """The company a ``其`` stands for when a product follows it in the same clause: a product
    is a company's, not a person's.

    * opening a sentence or a clause (``…祁远帆曾任国家电网副总工程师。其液冷超充桩YD-600已…``,
      ``启辰基因首席执行官晏青禾表示，其基因疗法QC-201…``): the topic company, not the person
      the sentence is about;
    * inside a later clause that opened with a company, before an own-make word (``A与B签署协议，
      B将在江苏部署其自研的Z``): that company, unless 其 is an object (``B将向其提供Z``).

    None elsewhere (a 其 inside a sentence's first clause is left to the other rules)."""
    i = _first_mention_from(doc, end)
    if i is None:
        return None
    nxt = doc.mentions[i]
    if nxt.type != "Product" or nxt.start - end > _OWN_PRODUCT_GAP or _CLAUSE_PUNCT_RE.search(doc.norm, end, nxt.start):
        return None
    k = start - 1
    while k >= 0 and doc.norm[k] in " \t":
        k -= 1
    if k < 0 or doc.norm[k] in _SENTENCE_END or doc.norm[k] in "，,":
        return topics.antecedent(("Company",))
    if doc.norm[k] in _OBJECT_MARKERS or not _OWN_MAKE_RE.match(doc.norm, end):
        # 诺华将获得其BCL-2抑制剂“星托克拉”: a product the clause's company gets, not its own
        return None
    return _clause_opener(doc, start)


#: Characters before 其 that make it an object, not the owner (向其提供, 为其打造).
_OBJECT_MARKERS = "为向给对帮替与和将把让被助从"


def _clause_opener(doc: Document, pos: int) -> Optional[int]:
    """The company a later clause of a sentence opened with, when no person or other company
    stands between it and ``pos`` (``，诺基亚贝尔将在江苏、浙江部署其…``); None in a sentence's
    first clause or a clause opened otherwise."""
    k = pos - 1
    while k >= 0 and doc.norm[k] not in "，,；;：:。！？!?\n":
        k -= 1
    if k < 0 or doc.norm[k] in _SENTENCE_END or pos - k > 40:
        return None
    i = _first_mention_from(doc, k + 1)
    if i is None or doc.mentions[i].start != k + 1 or doc.mentions[i].type != "Company" \
            or _UNDER_NEXT_RE.match(doc.norm, doc.mentions[i].end):
        return None
    j = i + 1
    while j < len(doc.mentions) and doc.mentions[j].start < pos:
        if doc.mentions[j].type in ("Person", "Company", "Organization"):
            return None
        j += 1
    return i


def _first_mention_from(doc: Document, pos: int) -> Optional[int]:
    """Index of the first mention (``doc.mentions`` is sorted by start) that starts at or after ``pos``."""
    lo, hi = 0, len(doc.mentions)
    while lo < hi:  # bisect_left on the starts (bisect's key= needs Python 3.10)
        mid = (lo + hi) // 2
        if doc.mentions[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(doc.mentions) else None


_PRONOUN_KINDS = (("集团", "集团"), ("行", "银行"))

#: Words right before a company that make it a newly set-up joint venture (合资成立C, 共同出资设立C).
_VENTURE_INTRO_RE = re.compile("(?:合资|共同出资|联合出资|共同投资)(?:成立|设立|组建|创立|新设)(?:了)?(?:一家)?(?:的)?"
                               "(?:合资公司|合资企业|新公司)?$")
#: How far back (characters) a 新公司/合资公司 looks for the venture it stands for.
_VENTURE_REACH = 300


def _venture_antecedent(doc: Document, pos: int) -> Optional[int]:
    """The joint venture a 新公司/合资公司 at ``pos`` stands for: the latest company named right
    after 合资成立/共同出资设立 within the last few sentences (None when there is none)."""
    i = _first_mention_from(doc, pos)
    k = (len(doc.mentions) if i is None else i) - 1
    while k >= 0 and doc.mentions[k].end > pos - _VENTURE_REACH:
        men = doc.mentions[k]
        if men.type == "Company" and men.end <= pos \
                and _VENTURE_INTRO_RE.search(doc.norm, max(0, men.start - 14), men.start):
            return k
        k -= 1
    return None


def _clause_subject(doc: Document, pos: int, types: Tuple[str, ...]) -> Optional[int]:
    """The company a clause opened with, for a ``其`` that opens the next clause of the same
    sentence: in ``X宣布收购Y，Y此后将独立运营，其游戏…`` 其 is Y, the subject of the clause
    before, not the sentence's topic X. None when the clause before is the sentence's first
    (its subject is the topic anyway: A旗下的B宣布，其… is B) or opened otherwise."""
    if "Company" not in types or pos == 0 or doc.norm[pos - 1] not in "，,":
        return None
    end = pos - 1
    k = end - 1
    while k >= 0 and doc.norm[k] not in "，,；;：:。！？!?\n":
        k -= 1
    if k < 0 or doc.norm[k] in _SENTENCE_END or end - k > 60:
        return None
    start = k + 1
    i = _first_mention_from(doc, start)
    if i is None or doc.mentions[i].start != start or doc.mentions[i].type != "Company" \
            or doc.mentions[i].end >= end or _UNDER_NEXT_RE.match(doc.norm, doc.mentions[i].end):
        return None
    return i


def _kind_antecedent(doc: Document, pronoun: str, topics: _Topics) -> Optional[int]:
    """``集团``/``该行`` name the paragraph's one company called 集团/银行, when the topic is
    another kind (建材集团…。…此前担任中材国际工程股份有限公司董事长。…不再担任集团董事长)."""
    for cue, word in _PRONOUN_KINDS:
        if pronoun.endswith(cue):
            cands = [i for (t, _), i in topics.named.items() if t == "Company" and word in doc.mentions[i].name]
            return cands[0] if len(cands) == 1 else None
    return None


# --------------------------------------------------------------------------- extraction


def relate(doc: Document) -> Document:
    """Fill ``doc.relations`` from the patterns of ``data/relations.json``.

    Only mentions of one sentence are related, except through a pronoun, whose
    antecedent is the topic (first fitting mention) of its sentence or of the
    latest earlier sentence of the same paragraph that has one (see :class:`_Topics`).
    """
    rules = _rules()
    sentences = doc.sentences or _fallback_sentences(doc)
    starts = [m.start for m in doc.mentions]
    relations: List[Relation] = []
    topics = _Topics()
    paragraph = None
    for sent in sentences:
        if sent.paragraph != paragraph:
            topics, paragraph = _Topics(), sent.paragraph
        lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        if lo == hi and not topics:
            continue
        view = _build_view(doc, sent, lo, hi, topics, rules)
        if len(view.items) < 2 and not topics.pair and not (view.items and view.earlier):
            continue
        found = _sentence_relations(doc, sent, view, rules) + _respective_relations(doc, sent, view, rules)
        if topics.pair:
            have = {_identity(doc, r) for r in found}
            found += [r for r in _pair_relations(doc, sent, view, topics, rules) if _identity(doc, r) not in have]
        relations.extend(found)
    # a contract manufacturer (由X代工生产) is the maker only where no other one is named
    contract = _contract_made(doc, relations, rules)
    if contract:
        held_back = {id(r) for r in contract}
        relations = [r for r in relations if id(r) not in held_back]
    relations.extend(_brand_named_products(doc, relations))
    if contract:
        made = {doc.mentions[r.subject].ident for r in relations if r.predicate == "manufacturer"}
        relations.extend(r for r in contract if doc.mentions[r.subject].ident not in made)
    relations = _drop_implicit_employed(doc, relations, rules["implicit_employer"])
    relations = _drop_stake_of_subsidiary(doc, relations)
    relations = _drop_joint_makers_of_own(doc, relations)
    doc.relations = _drop_untitled(doc, relations)
    # the pattern priors become the precision each pattern had on annotated text,
    # when a calibration table ships (scripts/calibrate.py; none does yet)
    return calibrate(doc)


#: Characters after the later of a product and its maker in which a contract word still counts
#: (该车由X代工生产: the word follows the maker).
_CONTRACT_TAIL = 4


def _contract_made(doc: Document, relations: List[Relation], rules: dict) -> List[Relation]:
    """``manufacturer`` relations whose maker the text calls a contract manufacturer: a word of
    ``contract_make`` (代工) between the product and the maker or right after the later of them
    (``该车由广汽埃安代工生产``, ``由江淮汽车代工生产的尊界S800``)."""
    out = []
    for r in relations:
        if r.predicate != "manufacturer":
            continue
        s, o = doc.mentions[r.subject], doc.mentions[r.object]
        a, b = min(s.end, o.end), max(s.end, o.end) + _CONTRACT_TAIL
        if rules["contract"].search(doc.norm, a, min(b, r.end)):
            out.append(r)
    return out


def _drop_implicit_employed(doc: Document, relations: List[Relation], implicit: frozenset) -> List[Relation]:
    """A worksFor whose employer came from the sentence before (a pattern of ``implicit``, with
    ``"o_from": "prev_sentence"``: 星河科技发布公告。董事长王建国表示…) is dropped when the document
    gives that person an employer in any other way (the stated one is the person's, not the implicit one)."""
    if not any(r.method in implicit for r in relations):
        return relations

    def person(r: Relation) -> tuple:
        m = doc.mentions[r.subject]
        return m.label

    employed = {person(r) for r in relations if r.predicate == "worksFor" and r.method not in implicit}
    return [r for r in relations if r.method not in implicit or person(r) not in employed]


_STAKE_BOUGHT_RE = re.compile("受让|收购|购买|购入")
#: Patterns that read a stake bought (``investedIn:stake``, ``investedIn:elided-buys-stake``).
_STAKE_METHODS = frozenset({"investedIn:stake", "investedIn:elided-buys-stake"})
#: Patterns that read the holders of a joint venture set up (合资成立C，…，A持股60%): the holder the
#: document makes C's parent (C将成为A的控股子公司) is that, not an investor.
_VENTURE_METHODS = frozenset({"investedIn:venture-holders", "investedIn:venture-co-holders"})
#: A holding raised to the whole company (增持X股权至100%, 收购其全部股权): with X made the holder's
#: subsidiary, that is the acquisition too, whatever pattern read the stake.
_FULL_STAKE_RE = re.compile("[至到]100%|100%(?:的)?(?:股权|股份)|全部(?:股权|股份)")


def _drop_stake_of_subsidiary(doc: Document, relations: List[Relation]) -> List[Relation]:
    """A stake bought (``investedIn:stake``: 受让晶测半导体51%股权) in a company the document makes
    the buyer's subsidiary (…将成为北方华创的控股子公司) is the acquisition, ``parentOrganization``,
    not ``investedIn`` (GUIDELINES); so is the larger holding of a joint venture that becomes the
    holder's subsidiary (合资成立万巴新材料，万华化学持股60%…将成为万华化学的控股子公司). A stake
    held (持有星澜电子51%股权，为其控股股东) states both."""
    ment = doc.mentions
    parents = {(ment[r.subject].ident, ment[r.object].ident) for r in relations if r.predicate == "parentOrganization"}
    if not parents:
        return relations
    return [r for r in relations if not ((ment[r.object].ident, ment[r.subject].ident) in parents and (
        r.method in _VENTURE_METHODS
        or r.method in _STAKE_METHODS and _STAKE_BOUGHT_RE.search(doc.norm, r.start, r.end)
        or r.predicate == "investedIn" and _FULL_STAKE_RE.search(doc.norm, r.start, r.end)))]


#: Patterns that read a product as made together (双方将共同开发X), and the words that state
#: one company developed it on its own (X由Y自主研发).
_JOINT_MAKER_METHODS = frozenset({"manufacturer:both-sides-make", "manufacturer:elided-launch",
                                  "manufacturer:co-made"})
_OWN_MAKE_RE = re.compile("自主研发|独立研发|自研|独立开发|自主开发")


def _drop_joint_makers_of_own(doc: Document, relations: List[Relation]) -> List[Relation]:
    """A product the text says one company developed on its own (``HRK-301由恒瑞康生物自主研发``,
    ``manufacturer:made-by``) has that maker only: a partner read as co-maker from a joint
    plan (百济神州与X签署合作协议，双方将共同开发HRK-301…) is dropped."""
    own: Dict[tuple, set] = {}
    for r in relations:
        if r.method == "manufacturer:made-by" and _OWN_MAKE_RE.search(doc.norm, r.start, r.end):
            own.setdefault(doc.mentions[r.subject].ident, set()).add(doc.mentions[r.object].ident)
    if not own:
        return relations
    return [r for r in relations if not (
        r.method in _JOINT_MAKER_METHODS and doc.mentions[r.subject].ident in own
        and doc.mentions[r.object].ident not in own[doc.mentions[r.subject].ident])]


def _drop_untitled(doc: Document, relations: List[Relation]) -> List[Relation]:
    """A worksFor without title where another sentence gives that person's post at that
    employer (小红书负责人林晚秋…。林晚秋2019年加入小红书): the post says it all."""
    titled = {_identity(doc, r) for r in relations if r.predicate == "worksFor" and r.title}
    if not titled:
        return relations
    return [r for r in relations if r.predicate != "worksFor" or r.title or _identity(doc, r) not in titled]


#: Confidence of a maker read off the product's name (理想L6 of 理想汽车).
BRAND_CONFIDENCE = 0.6


def _brand_named_products(doc: Document, found: List[Relation]) -> List[Relation]:
    """``manufacturer`` for a product whose name opens with its maker's brand: 理想L6 and
    理想汽车, 茅台冰淇淋 and 贵州茅台 (the brand after a place prefix).

    The brand is the first two characters of a company mention of four or more Chinese
    characters (after a leading place), or a whole company mention; a product that already
    has a maker, or whose brand names two different companies, gets none.
    """
    from .lexicon import places

    have = {r.subject for r in found if r.predicate == "manufacturer"}
    known = places()
    brands: Dict[str, set] = {}
    first: Dict[str, int] = {}
    for k, m in enumerate(doc.mentions):
        if m.type != "Company":
            continue
        name = m.name
        for a in range(0, 3):
            if a and name[:a] not in known:
                continue
            rest = name[a:]
            # 理想汽车 -> 理想; 贵州茅台 -> 茅台 (what follows a place prefix is the brand)
            if len(rest) >= (2 if a else 4) and all("\u4e00" <= c <= "\u9fff" for c in rest[:2]):
                brands.setdefault(rest[:2], set()).add(m.key or name)
                first.setdefault(rest[:2], k)
        brands.setdefault(name, set()).add(m.key or name)
        first.setdefault(name, k)
    out = []
    for k, m in enumerate(doc.mentions):
        if m.type != "Product" or k in have:
            continue
        # two characters at least after the brand: 腾讯云 is a business line, 理想L6 a model
        brand = max((b for b in brands if m.name.startswith(b) and len(m.name) >= len(b) + 2 and len(brands[b]) == 1),
                    key=len, default=None)
        if brand is None:
            continue
        have.add(k)
        sent = next((x for x in doc.sentences if x.start <= m.start < x.end), None)
        a, b = (sent.start, sent.end) if sent else (m.start, m.end)
        out.append(Relation(k, "manufacturer", first[brand], a, b,
                            confidence=BRAND_CONFIDENCE, method="manufacturer:brand-name"))
    return out


def _sentence_relations(doc: Document, sent: Sentence, view: _SentenceView, rules: dict) -> List[Relation]:
    text = "".join(view.chars)
    present = frozenset(text[i] for i in view.items)
    best: Dict[tuple, Relation] = {}
    order: List[tuple] = []
    tested: Dict[int, bool] = {}
    for p in _patterns_for(rules, present):
        req = p["requires"]
        if req is not None:
            ok = tested.get(id(req))
            if ok is None:
                ok = tested[id(req)] = req.search(text) is not None
            if not ok:
                continue
        for m in p["re"].finditer(text):
            for rel in _relations_of_match(doc, sent, view, m, p, rules):
                ident = _identity(doc, rel)
                if ident is None:
                    continue
                ident += (rel.title,)  # one worksFor per title
                old = best.get(ident)
                if old is None:
                    order.append(ident)
                    best[ident] = rel
                elif rel.confidence > old.confidence:
                    best[ident] = rel
    # a worksFor without title is dropped when another pattern read the title (加盟X，出任CTO)
    titled = {k[:-1] for k in order if k[-1] is not None}
    return [best[k] for k in order if k[-1] is not None or k[:-1] not in titled]


def _first_pair(doc: Document, view: _SentenceView, before: Optional[int] = None) -> Optional[Tuple[int, int]]:
    """The first two different companies named in ``view`` (before position ``before``)."""
    found: List[int] = []
    keys = set()
    for i in sorted(view.items):
        if before is not None and i >= before:
            break
        item = view.items[i]
        m = doc.mentions[item.mention]
        if item.coref or m.type != "Company" or m.label in keys:
            continue
        if _next_is_company(doc, view, i):
            continue  # 南岭银行旗下子公司南岭数科与华为云…，双方: the parent is not a side
        keys.add(m.label)
        found.append(item.mention)
        if len(found) == 2:
            return found[0], found[1]
    return None


#: text between a company and the next one that makes the first the parent of the second (also
#: after an announcing verb, 中国海油宣布，旗下控股子公司中海油服…; and past a sector, 京东集团旗下
#: 供应链物流企业京东物流)
_PARENT_OF_NEXT_RE = re.compile("(?:宣布|公告称?|表示|称)?[，,]?(?:的)?(?:旗下|下属)(?:的)?(?:全资|控股)?"
                                "(?:[^，,。；;、与和\ue000-\ue0ff]{0,8}?(?:子公司|公司|企业|平台))?|(?:的)?(?:全资|控股)子公司")


def _next_is_company(doc: Document, view: _SentenceView, i: int) -> bool:
    """The item after pattern position ``i`` is a company named right after link words
    (:data:`_PARENT_OF_NEXT_RE`) that make the first its parent."""
    # a sector or place named on the way is skipped (京东集团旗下供应链物流企业京东物流)
    after = [j for j in view.items if j > i and view.chars[j] not in (PLACEHOLDER["Industry"], PLACEHOLDER["Place"])]
    if not after or i + 1 >= len(view.chars):
        return False
    j = min(after)
    m, nxt = doc.mentions[view.items[i].mention], doc.mentions[view.items[j].mention]
    link = _PARENT_OF_NEXT_RE.match(doc.norm, m.end)
    return nxt.type == "Company" and not view.items[j].coref and link is not None and link.end() == view.items[j].start


_TITLE_SPLIT_RE = re.compile("[、和及与]")


def _respective_relations(doc: Document, sent: Sentence, view: _SentenceView, rules: dict) -> List[Relation]:
    """``A和B…，两人分别担任首席执行官和首席科学家``: titles given to the persons in order.

    The persons are those named in the sentence before the cue, the employer its first
    company or organization; nothing is emitted unless persons and titles pair one to one.
    """
    out: List[Relation] = []
    if not rules["respective"]:
        return out
    text = "".join(view.chars)
    person, orgs = PLACEHOLDER["Person"], PLACEHOLDER["Company"] + PLACEHOLDER["Organization"]
    for p in rules["respective"]:
        for m in p["re"].finditer(text):
            employers = [view.items[i] for i in sorted(view.items) if i < m.start() and view.chars[i] in orgs]
            if not employers:
                # 两人分别担任星澜科技董事长和总经理: the employer written after the cue
                employers = [view.items[i] for i in sorted(view.items) if m.start() <= i < m.end() and view.chars[i] in orgs]
            persons: List[_Item] = []
            for i in sorted(view.items):
                if i < m.start() and view.chars[i] == person:
                    it = view.items[i]
                    if all(doc.mentions[it.mention].key != doc.mentions[q.mention].key for q in persons):
                        persons.append(it)
            a, b = m.span("titles")
            raw = doc.norm[view.offsets[a]:view.offsets[b]]
            titles = [t for t in _TITLE_SPLIT_RE.split(raw) if t]
            if not employers or len(persons) < 2 or len(persons) != len(titles):
                continue
            o = employers[0]
            for s_item, title in zip(persons, titles):
                out.append(Relation(s_item.mention, p["predicate"], o.mention, sent.start, sent.end,
                                    p["confidence"], p["name"], title))
    return out


def _pair_relations(doc: Document, sent: Sentence, view: _SentenceView, topics: _Topics, rules: dict) -> List[Relation]:
    """``双方将联合开发…``: a relation between the two companies the text just named (with a
    ``slist`` group of products, ``双方将联合研发“秧鸽8S”``: each product made by both).

    The pair is the first two companies of this sentence before the cue, else of the
    latest earlier sentence of the paragraph that named two (kept in ``topics.pair``,
    which already holds this sentence's pair when it has one).
    """
    out: List[Relation] = []
    text = "".join(view.chars)
    for p in rules["pair_patterns"]:
        for m in p["re"].finditer(text):
            pair = _first_pair(doc, view, m.start()) or topics.pair
            if not pair:
                continue
            span_text = doc.norm[view.offsets[m.start()]:view.offsets[m.end()]]
            if rules["negation"].search(span_text):
                continue
            conf = p["confidence"] * (rules["hedge_factor"] if rules["hedge"].search(span_text) else 1.0)
            if m.groupdict().get("olist") is not None:
                # 两家公司均是国内半导体设备领域的龙头: each of the pair is in each sector listed
                a, b = m.span("olist")
                for ind in _items_in(view, a, b, PLACEHOLDER["Industry"]):
                    for company in pair:
                        out.append(Relation(company, p["predicate"], ind.mention, sent.start, sent.end,
                                            round(conf, 3), p["name"], None))
            elif m.groupdict().get("slist") is not None:
                # 双方将联合研发无人驾驶插秧机“秧鸽8S”: each product listed is made by both
                a, b = m.span("slist")
                for prod in _items_in(view, a, b, PLACEHOLDER["Product"]):
                    for company in pair:
                        out.append(Relation(prod.mention, p["predicate"], company, sent.start, sent.end,
                                            round(conf, 3), p["name"], None))
            else:
                out.append(Relation(pair[0], p["predicate"], pair[1], sent.start, sent.end, round(conf, 3), p["name"], None))
            break
    return out


def _patterns_for(rules: dict, present: frozenset) -> List[dict]:
    """Patterns whose endpoint types all occur among ``present`` placeholders (memoised:
    there are at most 2**7 such sets)."""
    cache = rules["by_present"]
    got = cache.get(present)
    if got is None:
        got = cache[present] = [p for p in rules["patterns"] if all(need & present for need in p["needs"])]
    return got


def _identity(doc: Document, rel: Relation) -> Optional[tuple]:
    """What makes two relations of one sentence the same: predicate and entity identities."""
    s, o = doc.mentions[rel.subject], doc.mentions[rel.object]
    si, oi = s.ident, o.ident
    if si == oi:
        return None
    if rel.predicate == "partnerOf":
        return (rel.predicate,) + tuple(sorted((si, oi)))
    return (rel.predicate, si, oi)


def _items_in(view: _SentenceView, a: int, b: int, allowed: str) -> List[_Item]:
    return [view.items[i] for i in range(a, b) if i in view.items and view.chars[i] in allowed]


def _negated_later(doc: Document, pos: int, end: int, rules: dict, planned: bool = False) -> bool:
    """A negation after ``pos`` in the rest of its clause (X与Y的合作已于去年终止), or, for a
    ``planned`` deal (the match holds a hedge word), in the next clause when that one opens with a
    contrast word and names no party of its own (昆仑资本原计划入股氢途科技，但双方已于3月终止谈判;
    not 已投资了A，但未参与B的融资; nor X旗下Y…，但… of a fact stated, not planned); ``end`` is the
    sentence end."""
    tail = _CLAUSE_PUNCT_RE.search(doc.norm, pos, end)
    if rules["negation"].search(doc.norm, pos, tail.start() if tail else end):
        return True
    if not planned or not tail or not rules["contrast"].match(doc.norm, tail.end()):
        return False
    nxt = _CLAUSE_PUNCT_RE.search(doc.norm, tail.end(), end)
    stop = nxt.start() if nxt else end
    i = _first_mention_from(doc, tail.end())
    while i is not None and i < len(doc.mentions) and doc.mentions[i].start < stop:
        if doc.mentions[i].type in _EMPLOYER_TYPES:
            return False
        i += 1
    return rules["negation"].search(doc.norm, tail.end(), stop) is not None


def _relations_of_match(doc, sent, view: _SentenceView, m: re.Match, p: dict, rules: dict) -> List[Relation]:
    t0, t1 = view.offsets[m.start()], view.offsets[m.end()]
    span_text = doc.norm[t0:t1]
    if rules["negation_post" if p["predicate"] == "worksFor" else "negation"].search(span_text):
        return []
    if p["predicate"] in rules["negation_tail"]:
        # a deal may be called off later in the clause (X与Y的合作已于去年终止); a post is
        # not (董事长王建国宣布暂停扩产)
        if _negated_later(doc, t1, sent.end, rules, planned=bool(rules["hedge"].search(span_text))):
            return []
    gd = m.groupdict()
    conf = p["confidence"]
    gap = 0
    for name, val in gd.items():
        if name.startswith("gap") and val is not None:
            a, b = m.span(name)
            gap += view.offsets[b] - view.offsets[a]
    conf = max(rules["floor"], conf - rules["gap_penalty"] * gap)
    if rules["hedge"].search(span_text):
        conf *= rules["hedge_factor"]
    if p["predicate"] in rules["plan_drops"] and not p.get("plan_ok") \
            and rules["plan"].search(re.split("[，,]", span_text)[-1]):
        # a sector the company plans to enter is not its sector (计划进军氢能领域); only the
        # clause of the cue counts (后者将成为X的子公司，继续专注于Y领域 states Y)
        return []
    subjects = _endpoints(view, m, "s", "slist", gd, p["list_allowed"]) or _elided(doc, view, m, p, "s", rules)
    objects = _endpoints(view, m, "o", "olist", gd, p["list_allowed"]) or _elided(doc, view, m, p, "o", rules)
    no_coref = p.get("no_coref")
    if no_coref in (True, "s"):
        subjects = [x for x in subjects if not x.coref]
    if no_coref in (True, "o"):
        objects = [x for x in objects if not x.coref]
    if p.get("s_pronoun"):
        # 公司将加大在X领域的投入 / 巩固了其在X行业的地位: only a pronoun written as one of these
        # stands for the subject (a named company's plan is no statement of its sector)
        subjects = [x for x in subjects if x.coref and doc.norm[x.start:x.end] in p["s_pronoun"]]
    if p.get("o_pronoun"):
        # 其分体式飞行汽车“天行者”: only a pronoun standing for the maker, not any company
        # written before a product (客户华为的Mate 70 is no product of the topic)
        objects = [x for x in objects if x.coref and doc.norm[x.start:x.end] in p["o_pronoun"]]
    if p.get("o_not_listed") and any(doc.mentions[s.mention].ident == doc.mentions[o.mention].ident
                                     for s in subjects for o in objects):
        # A与B合资成立C。A持股51%，B持股49%: the earlier topic is one of the holders, so the
        # sentence is not about it (whose holders they are is unsaid)
        return []
    if p.get("pairwise"):
        # A、B和C共同组建…: each pair of the listed companies, once, in text order
        return _pairwise(doc, sent, subjects, p, conf, rules["coref_factor"])
    # the funding-round list names every investor, but not the company raising money
    subjects = [s for s in subjects if all(s.mention != o.mention for o in objects)]
    if p["predicate"] == "investedIn":
        subjects = _without_parents(doc, view, subjects)
    title = None
    if gd.get("title"):
        a, b = m.span("title")
        title = doc.norm[view.offsets[a]:view.offsets[b]]
        # as written: a Traditional-Chinese text keeps its own characters (首席財務官)
        titles = _split_titles(title, doc.text[view.offsets[a]:view.offsets[b]], rules)
        if p["predicate"] == "worksFor" and _NOMINEE_RE.match(doc.norm, view.offsets[b]):
            # 提名X为独立董事候选人: a nominee holds no post yet
            return []
    else:
        titles = [None]
    founder = bool(title) and p["predicate"] == "worksFor" and any(t in title for t in rules["founder_titles"])
    # 创始人 alone states who founded the company, not a post held (GUIDELINES, held-out README);
    # read on the normalised titles, so that a Traditional-Chinese 創辦人 counts too
    founder_only = founder and all(any(f in t for f in rules["founder_titles"])
                                   for t in _split_titles(title, title, rules))
    out = []
    for s in subjects:
        for o in objects:
            c = conf * (rules["coref_factor"] if (s.coref or o.coref) else 1.0)
            first, second = (s, o) if p["predicate"] != "partnerOf" or s.start <= o.start else (o, s)
            for one in titles:
                if founder_only:
                    break
                out.append(Relation(first.mention, p["predicate"], second.mention, sent.start, sent.end,
                                    round(c, 3), p["name"], one))
            if founder:
                out.append(Relation(o.mention, "founder", s.mention, sent.start, sent.end,
                                    round(c, 3), "founder:title", None))
    return out


#: Words after a title that make the person only a candidate for the post.
_NOMINEE_RE = re.compile("候选人|人选")

_UNDER_NEXT_RE = re.compile(r"旗下的?")


def _without_parents(doc: Document, view: _SentenceView, items: List[_Item]) -> List[_Item]:
    """Investors less a parent named only to introduce its unit: in ``宁德时代旗下的问鼎投资``
    the fund invests, not 宁德时代 (``国投招商旗下基金跟投``, with no unit named, keeps 国投招商)."""
    out = []
    starts = None
    for x in items:
        hit = _UNDER_NEXT_RE.match(doc.norm, x.end)
        if hit and starts is None:
            # mentions of this sentence only (rare: computed when 旗下 follows an investor)
            orgs = PLACEHOLDER["Company"] + PLACEHOLDER["Organization"]
            starts = {it.start for i, it in view.items.items() if view.chars[i] in orgs and not it.coref}
        if hit and any(hit.end() <= st <= hit.end() + 8 and not _CLAUSE_PUNCT_RE.search(doc.norm, hit.end(), st)
                       for st in starts):
            continue
        out.append(x)
    return out


def _pairwise(doc: Document, sent: Sentence, items: List[_Item], p: dict, conf: float,
              coref_factor: float) -> List[Relation]:
    """One relation per pair of different entities of ``items`` (first-named as subject)."""
    unique: Dict[str, _Item] = {}
    for x in items:
        m = doc.mentions[x.mention]
        unique.setdefault(m.label, x)
    found = list(unique.values())
    out = []
    for a, first in enumerate(found):
        for second in found[a + 1:]:
            c = conf * (coref_factor if (first.coref or second.coref) else 1.0)
            out.append(Relation(first.mention, p["predicate"], second.mention, sent.start, sent.end,
                                round(c, 3), p["name"], None))
    return out


_JOINED_TITLE_RE = re.compile("[兼、/暨]")


def _split_titles(title: str, written: str, rules: dict) -> List[str]:
    """``董事长兼总裁`` -> [董事长, 总裁]: one relation per title, each without its unit.
    A founder title (创始人兼主席) is left to the founder relation when another title remains.

    ``title`` is the normalised text the rules read, ``written`` the same span of the
    original text (same length), from which the titles are taken.
    """
    parts = []
    pos = 0
    for piece in _JOINED_TITLE_RE.split(title):
        if piece:
            cut = _unit_end(piece, rules)
            parts.append((piece[cut:], written[pos + cut:pos + len(piece)]))
        pos += len(piece) + 1
    if len(parts) < 2:
        return [w for _, w in parts]
    kept = [w for t, w in parts if not any(f in t for f in rules["founder_titles"])]
    return kept or [w for _, w in parts]


def _unit_end(title: str, rules: dict) -> int:
    """Where the title proper starts after a unit (GUIDELINES: 研发中心主任 -> 主任,
    亚太区副总裁 -> 副总裁): after the earliest unit head (中心, 系, 区, 分行) that a whole
    title follows; 0 when there is none (副厂长 stays: 长 alone is no title)."""
    hit = rules["unit_tail"].search(title)
    return hit.start(1) if hit else 0


def _elided(doc: Document, view: _SentenceView, m: re.Match, p: dict, group: str, rules: dict) -> List[_Item]:
    """The endpoint a pattern leaves unsaid (``…，现任Y副行长``): the nearest (``prev``)
    or the first (``first``) mention of the allowed type before the match; ``topic_prev``:
    the nearest, only when the sentence starts with a mention of that type; ``sole``: the
    only entity of that type named before the match, news outlets (36氪获悉) aside, and
    nothing when two are (腾讯投资了星河科技，创始人张三…: whose founder is unsaid).

    A pattern with ``"paragraph": true`` (appointments, successions) that finds none in a
    sentence naming no employer takes the one employer the paragraph named before
    (宁德时代公告…。董事会选举总裁吴凯文为副董事长); a bare ``董事长王建国表示`` does not."""
    how = p.get(group + "_from")
    if not how:
        return []
    ok = p["list_allowed"][group]
    if how in ("topic", "topic_first"):
        # "topic_besides_match": the match's own mentions do not count as the sentence naming one
        # (此外，全资子公司隆基氢能…: the subsidiary is no parent of itself)
        skip = range(m.start(), m.end()) if p.get("topic_besides_match") else range(0)
        return _earlier_topic(doc, view, ok, how == "topic_first", skip)
    if how == "prev_sentence":
        found = _previous_sentence_sole(doc, view, ok, m.end())
        if found and p.get(group + "_paragraph_first") and view.named:
            # 严铁军董事长表示 after a sentence about the story's company: only the company the
            # paragraph opened with (a name before a title reads less surely as that firm's post)
            first = _paragraph_first(doc, view)
            found = [x for x in found if doc.mentions[x.mention].ident == first]
        return found
    found = _elided_in_sentence(doc, view, m, how, ok, rules)
    if found and how == "first" and p.get(group + "_unit_acts"):
        found = _acting_unit(doc, view, m, ok) or found
    if not found and p.get("paragraph") and not any(
            view.chars[i] in ok and not view.items[i].coref and not _former_employer(doc, view, i, m.start())
            for i in view.items):
        # a sentence naming no employer (董事会选举总裁吴凯文为副董事长), or only the person's former
        # one (原微软技术总监万承宇加盟担任首席技术官): the paragraph's only one
        return _paragraph_sole(doc, view, ok)
    return found


@lru_cache(maxsize=1)
def _former_re() -> "re.Pattern":
    """Words right before an employer that make it a former one (原微软技术总监X, 前蔚来汽车副总裁X):
    the ``former`` cue words."""
    return re.compile(f"(?:{_alternatives('former')})$")


def _former_employer(doc: Document, view: _SentenceView, i: int, end: int) -> bool:
    """Item ``i`` is a former employer written into the phrase of a person acting up to pattern
    position ``end`` (``原微软中国区技术总监万承宇加盟担任…``): never the employer of the new post;
    nor one written into an earlier person's phrase of the sentence (``前耐克公司副总裁陈泽宇出任
    首席营销官，执行董事周慕白兼任首席运营官``: 耐克 is 陈泽宇's former employer only)."""
    it = view.items[i]
    if i >= end or it.coref or _former_re().search(doc.norm, max(0, it.start - 2), it.start) is None:
        return False
    return _attached(view, i, end) or _person_follows(doc, it.mention)


#: Characters between a former employer and the person whose former one it is (前耐克公司副总裁陈泽宇).
_FORMER_PERSON_GAP = 16


def _former_of_person(doc: Document, k: int) -> bool:
    """Mention ``k``, written after 原/前, is followed in its own clause by a person: that
    person's former employer (``前华为海思技术有限公司芯片架构师蒲嘉言担任副总裁``)."""
    men = doc.mentions[k]
    return _former_re().search(doc.norm, max(0, men.start - 2), men.start) is not None and _person_follows(doc, k)


def _person_follows(doc: Document, k: int) -> bool:
    """Whether the next mention after mention ``k`` is a person in the same clause, close after it."""
    men = doc.mentions[k]
    for nxt in doc.mentions[k + 1:k + 3]:
        if nxt.start < men.end:
            continue
        gap = doc.norm[men.end:nxt.start]
        return nxt.type == "Person" and len(gap) <= _FORMER_PERSON_GAP and not _CLAUSE_PUNCT_RE.search(gap)
    return False


_PARENT_OF_SUBJECT_RE = re.compile("的?(?:全资|控股|独资)?(?:子公司|孙公司|附属公司)")
_UNIT_INTRO_RE = re.compile("(?:旗下|下属)的?(?:全资|控股)?(?:子公司|附属公司)?$|(?:全资|控股)?(?:子公司|附属公司)$")


def _acting_unit(doc: Document, view: _SentenceView, m: re.Match, ok: str) -> List[_Item]:
    """``X宣布，旗下子公司Y推出…，并与Z签署合作协议``: the unit the sentence's first company
    introduces right after it is the one acting in the later clause, not the parent."""
    before = [i for i in sorted(view.items) if i < m.start() and view.chars[i] in ok]
    if len(before) < 2:
        return []
    a, b = view.items[before[0]], view.items[before[1]]
    between = doc.norm[a.end:b.start]
    if len(between) <= 12 and not a.coref and not b.coref and _UNIT_INTRO_RE.search(between):
        return [b]
    return []


def _elided_in_sentence(doc: Document, view: _SentenceView, m: re.Match, how: str, ok: str,
                        rules: dict) -> List[_Item]:
    """The elided endpoint found in the sentence itself (see :func:`_elided`)."""
    if how == "topic_prev" and (not view.items or view.chars[min(view.items)] not in ok):
        return []  # only when the sentence opens with such a mention (海信集团…，由A任总裁)
    before = [i for i in sorted(view.items) if i < m.start() and view.chars[i] in ok]
    if how == "topic_prev":
        # 原微软技术总监万承宇加盟担任首席技术官: the person's former employer holds no new post
        before = [i for i in before if not _former_employer(doc, view, i, m.start())]
        # X将成为Y的全资子公司，创始人Z继续担任总经理: Y only says whose unit X is
        before = [i for i in before if not _PARENT_OF_SUBJECT_RE.match(doc.norm, view.items[i].end)
                  or not doc.norm[max(0, view.items[i].start - 1):view.items[i].start] in ("是", "为", "系")]
    if how == "sole":
        keep = {}
        for i in before:
            if _former_employer(doc, view, i, m.start()):
                continue  # 前耐克公司副总裁陈泽宇出任…，执行董事周慕白: not 周慕白's
            men = doc.mentions[view.items[i].mention]
            if view.items[i].coref or not rules["source"].match(doc.norm, men.end):
                keep.setdefault(men.ident, i)
        return [view.items[i] for i in keep.values()] if len(keep) == 1 else []
    if how == "clause_first":
        # X宣布入股Y，后者是一家…企业，此前已获Z投资: the subject of the nearest clause before
        # that opened with one (Y), not the sentence's first company; else as "first"
        # (an opener that invests or buys in its clause is an investor: X完成融资，Y领投，此前已获Z投资)
        openers = [i for i in before if i == 0 or view.chars[i - 1] in "，,；;：:"]
        if openers and openers[-1] != before[0] and not _DEAL_WORD_RE.search(
                doc.norm, view.items[openers[-1]].end, view.offsets[m.start()]):
            return [view.items[openers[-1]]]
        how = "first"
    if how == "first":
        # 前新东方副总裁X创办的在线教育公司Y近日…，推出…: the founder's former employer, written
        # into the phrase that introduces Y, is not the one acting (kept when it is the only one)
        own = [i for i in before if not _former_employer(doc, view, i, m.start())]
        before = own or before
    if not before:
        return []
    if how == "topic_prev" and len(before) > 1 and _attached(view, before[-1], m.start()):
        # 星驰智能调整管理层：前大疆创新CTO苏鹤鸣加盟并担任CTO: the nearest employer is the
        # person's own former one, written into the same phrase; the post is the topic's
        # (none when every employer is in that phrase: 南京大学副校长、X学院教授陆雨桐当选…)
        return [] if _attached(view, before[0], m.start()) else [view.items[before[0]]]
    if how == "first" and len(before) > 1 and _introduces(doc, view.items[before[0]], view.items[before[1]]):
        # 港交所上市公司商汤集团宣布，旗下… / 吉利汽车旗下的极氪科技发布…: the unit or listed company acts
        return [view.items[before[1]]]
    return [view.items[before[0] if how == "first" else before[-1]]]


#: Words of a deal that make a clause's opener a party to it, not the company described.
_DEAL_WORD_RE = re.compile("领投|跟投|参投|投资|入股|增持|收购|认购")


def _introduces(doc: Document, a: _Item, b: _Item) -> bool:
    """Company item ``a`` is written right before ``b`` only to introduce it (X旗下Y, X全资子公司Y,
    港交所上市公司Y; see :func:`_introduced_unit`)."""
    if a.coref or b.coref or doc.mentions[b.mention].type != "Company" or b.start - a.end > 6:
        return False
    between = doc.norm[a.end:b.start]
    return bool(_UNDER_RE.fullmatch(between) or _UNIT_AFTER_RE.fullmatch(between))


def _attached(view: _SentenceView, a: int, b: int) -> bool:
    """No clause punctuation between pattern positions ``a`` and ``b``: one phrase."""
    return not _CLAUSE_PUNCT_RE.search("".join(view.chars[a + 1:b]))


def _paragraph_sole(doc: Document, view: _SentenceView, ok: str) -> List[_Item]:
    """The one company or organization the paragraph named before this sentence, as a
    coreference item (it counts less); none when it named two or more (whose post is unsaid)."""
    cands = [i for (t, _), i in view.named.items() if PLACEHOLDER.get(t) in ok]
    if len(cands) != 1:
        return []
    men = doc.mentions[cands[0]]
    return [_Item(cands[0], men.start, men.end, True)]


#: What follows the last of a list of companies named as competitors (格林美、邦普循环等同行).
_COMPETITORS_AFTER_RE = re.compile("(?:[、和与及][^、，,。；;]{1,12}?)*等?(?:同业|同行|竞争对手|对手|友商)")


def _paragraph_first(doc: Document, view: _SentenceView) -> tuple:
    """The identity of the company or organization the paragraph named first (``view.named`` must
    not be empty)."""
    return min(view.named, key=lambda ident: doc.mentions[view.named[ident]].start)


def _previous_sentence_sole(doc: Document, view: _SentenceView, ok: str, after: Optional[int] = None) -> List[_Item]:
    """``星河科技发布公告。董事长王建国表示…``: in a sentence naming no company or organization at
    all, the one company of the sentence right before it in the paragraph (an implicit 公司, so
    a coreference item that counts less); none when that sentence named two or more distinct
    companies, or any organization (whose post is unsaid).

    ``after``: the end of the match; an organization (a regulator, a university) named only
    after it is what the person talks about, not whose executive they are (行政总裁X表示，资金将
    用于申请香港金融管理局的牌照), so it does not count as named; a company still does."""
    orgs = PLACEHOLDER["Company"] + PLACEHOLDER["Organization"]
    prev = view.prev_sentence
    named = [i for i in sorted(view.items) if view.chars[i] in orgs
             and not (after is not None and i >= after and (
                 view.chars[i] == PLACEHOLDER["Organization"]
                 # 总经理X表示，…与格林美、邦普循环等同行相比: competitors named after the match
                 or _COMPETITORS_AFTER_RE.match(doc.norm, doc.mentions[view.items[i].mention].end)))]
    if len(prev) > 1 and view.named and not named:
        # X（以下简称“恒瑞医药”）披露年报。作为化学制药行业龙头，恒瑞医药今年还将与默沙东联合开发…。
        # 总经理Y表示: of two or more, the company the paragraph opened with, named again in the
        # sentence before (not 星河科技与云帆数据签署协议。董事长王建国表示: first named right there)
        first = _paragraph_first(doc, view)
        if first in prev and first[0] == "Company" \
                and doc.mentions[view.named[first]].start < doc.mentions[prev[first]].start:
            prev = {first: prev[first]}
    if len(prev) != 1:
        return []
    (type_, _), index = next(iter(prev.items()))
    # 迈瑞医疗发布公告。总裁吴楚安表示，公司已与X签署…: others may be named after a 公司 that
    # stands for that very company (the sentence is about it)
    if named and not (view.items[named[0]].coref and view.items[named[0]].mention == index) and not all(
            doc.mentions[view.items[i].mention].ident == doc.mentions[index].ident for i in named):
        return []  # (…，恒锂循环更侧重梯次利用业务: the sentence names only that very company again)
    if PLACEHOLDER.get(type_) not in ok:
        return []
    men = doc.mentions[index]
    return [_Item(index, men.start, men.end, True)]


def _earlier_topic(doc: Document, view: _SentenceView, ok: str, first: bool = False,
                   skip: range = range(0)) -> List[_Item]:
    """``…星河银行公告。与此同时，副行长韩立行将兼任董事会秘书``: the employer left unsaid in a
    sentence that names no entity of the allowed types is the topic of the latest earlier sentence
    of the paragraph that has one (an item marked as coreference, so it counts less); items at the
    positions of ``skip`` (the match itself) do not count as naming one."""
    if any(view.chars[i] in ok for i in view.items if i not in skip):
        return []
    # first: the company an earlier sentence opened with (鲸跃汽车是华庭集团控股的子公司。…鲸跃J7搭载
    # 自研智驾芯片JY-1: 鲸跃汽车), not one named after a person or product (X20搭载…。码小匠仍为…)
    cands = [i for t, i in (view.earlier_first if first else view.earlier).items() if PLACEHOLDER.get(t) in ok]
    if not cands:
        return []
    men = doc.mentions[max(cands)]
    return [_Item(max(cands), men.start, men.end, True)]


def _endpoints(view: _SentenceView, m: re.Match, single: str, many: str, gd: dict, allowed: dict) -> List[_Item]:
    """The item of group ``single``, or every item of group ``many`` of an allowed type."""
    if gd.get(single) is not None:
        return [view.items[m.start(single)]]
    if gd.get(many) is not None:
        a, b = m.span(many)
        ok = allowed.get(many, "")
        return [view.items[i] for i in range(a, b) if i in view.items and view.chars[i] in ok]
    return []
