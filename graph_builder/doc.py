"""The one data model every pipeline stage reads and enriches.

A :class:`Document` holds the text exactly as decoded from the input. Stages
never rewrite it: normalisation writes a *same-length* analysis copy
(``doc.norm``), so every offset computed on ``doc.norm`` is also an offset into
``doc.text``. Boilerplate removal does not cut text out either; it records the
``content`` spans that hold the article, and later stages only look there.

Offsets are Python string indices (code points), ``end`` exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

#: The entity types of SPEC.md, in legend order.
ENTITY_TYPES = ("Person", "Company", "Organization", "Product", "Industry", "Place")

#: Relation predicates (local names; the RDF exporter maps them to IRIs).
PREDICATES = (
    "worksFor",  # Person -> Company/Organization (title in Relation.title)
    "founder",  # Company/Organization -> Person
    "manufacturer",  # Product -> Company
    "inIndustry",  # Company/Product -> Industry
    "parentOrganization",  # Company -> Company (object is the parent)
    "partnerOf",  # Company <-> Company (symmetric)
    "investedIn",  # Company/Person/Org -> Company (subject invested in object)
)


@dataclass
class Token:
    """A word from the segmenter: offsets into the text, the normalised form, its POS tag."""

    start: int
    end: int
    text: str  # normalised form (from doc.norm)
    pos: str = ""


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int = 0  # index of the paragraph (content block) it belongs to


@dataclass
class Mention:
    """A span of the text naming an entity.

    ``name`` is the normalised surface form (Simplified, half-width). ``key`` is
    filled by the resolver: the canonical name shared by every mention of the
    same entity (``腾讯公司`` and ``腾讯`` both get ``腾讯``); ``iri`` follows from
    ``(type, key)``.
    """

    start: int
    end: int
    type: str
    name: str
    method: str = "rule"  # lexicon | rule | crf | pattern ...
    score: float = 1.0
    key: Optional[str] = None
    iri: Optional[str] = None

    def span(self) -> Tuple[int, int]:
        return (self.start, self.end)

    @property
    def label(self) -> str:
        """The entity's canonical name: ``key`` once the resolver set it, else the name as written."""
        return self.key or self.name

    @property
    def ident(self) -> Tuple[str, str]:
        """``(type, label)``: mentions with the same ident are one entity (one graph node)."""
        return (self.type, self.key or self.name)


@dataclass
class Relation:
    """A typed edge between two mentions with its evidence.

    ``subject`` and ``object`` are indexes into ``doc.mentions``. ``start`` and
    ``end`` are the offsets of the evidence sentence in ``doc.text``.
    """

    subject: int
    predicate: str
    object: int
    start: int
    end: int
    confidence: float = 0.5
    method: str = "pattern"
    title: Optional[str] = None  # job title, for worksFor


@dataclass
class Document:
    id: str
    text: str
    meta: Dict[str, Any] = field(default_factory=dict)  # headline, author, publisher, date, source, url
    norm: str = ""
    content: List[Tuple[int, int]] = field(default_factory=list)  # article spans (paragraphs)
    sentences: List[Sentence] = field(default_factory=list)
    tokens: List[Token] = field(default_factory=list)
    mentions: List[Mention] = field(default_factory=list)
    relations: List[Relation] = field(default_factory=list)
    aliases: Dict[Tuple[str, str], List[str]] = field(default_factory=dict)  # (type, key) -> surface names

    def __post_init__(self) -> None:
        if not self.norm:
            self.norm = self.text
        if not self.content:
            self.content = [(0, len(self.text))]

    def sentence_of(self, offset: int) -> Optional[Sentence]:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def to_json(self) -> Dict[str, Any]:
        """The JSON Lines record of SPEC.md (``extract``)."""
        ents = [
            {"text": self.text[m.start:m.end], "type": m.type, "start": m.start, "end": m.end, "iri": m.iri}
            for m in self.mentions
        ]
        rels = []
        for r in self.relations:
            s, o = self.mentions[r.subject], self.mentions[r.object]
            rel = {
                "subject": s.iri,
                "predicate": r.predicate,
                "object": o.iri,
                "sentence": self.text[r.start:r.end],
                "start": r.start,
                "end": r.end,
                "confidence": round(r.confidence, 3),
                "method": r.method,
            }
            if r.title:
                rel["title"] = r.title
            rels.append(rel)
        out: Dict[str, Any] = {"id": self.id}
        meta = {k: v for k, v in self.meta.items() if v and k in ("headline", "author", "publisher", "date", "url")}
        if meta:
            out["meta"] = meta
        out["entities"] = ents
        out["relations"] = rels
        return out
