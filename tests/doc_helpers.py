"""Hand-built documents for stage tests (imported by test_relate.py and test_resolve.py)."""
from __future__ import annotations

import re

from graph_builder.doc import Document, Mention, Sentence, Token


def annotated_doc(text, ents, norm=None, paragraphs=None, tokens=None) -> Document:
    """A document with mentions given as (surface, type) in order of appearance.

    Sentences end at 。！？; ``paragraphs`` lists the first sentence index of each
    paragraph; ``tokens`` (words that join to ``text``) become the document's tokens.
    """
    doc = Document(id="t.txt", text=text, norm=norm or text)
    pos = 0
    for surface, type_ in ents:
        start = doc.norm.index(surface, pos)
        doc.mentions.append(Mention(start, start + len(surface), type_, surface))
        pos = start + len(surface)
    start = 0
    for m in re.finditer("[。！？]", text):
        doc.sentences.append(Sentence(start, m.end()))
        start = m.end()
    for i, s in enumerate(doc.sentences):
        s.paragraph = sum(1 for p in (paragraphs or []) if p <= i)
    if tokens:
        pos = 0
        for word in tokens:
            doc.tokens.append(Token(pos, pos + len(word), word))
            pos += len(word)
        assert pos == len(text)
    return doc


def recognized_doc(text: str) -> Document:
    """``text`` normalised, segmented and recognised; every mention's name is checked against
    the normalised text under its span."""
    from graph_builder.normalize import normalize
    from graph_builder.recognize import recognize
    from graph_builder.segment import segment

    doc = recognize(segment(normalize(Document(id="t", text=text))))
    for m in doc.mentions:
        assert doc.norm[m.start:m.end] == m.name, m
    return doc


def recognized(text: str) -> set:
    """(name, type) of every mention the recogniser finds in ``text`` (see :func:`recognized_doc`)."""
    return {(m.name, m.type) for m in recognized_doc(text).mentions}


def recognized_of_type(text: str, etype: str) -> set:
    """The names of the mentions of type ``etype`` the whole recogniser finds in ``text``."""
    return {name for name, t in recognized(text) if t == etype}


def relation_triples(text: str, ents) -> set:
    """(subject key, predicate, object key, title) of every relation found among the mentions
    ``ents`` ((surface, type) in order); keys are the resolver's canonical names."""
    from graph_builder.relate import relate
    from graph_builder.resolve import resolve

    doc = relate(resolve(annotated_doc(text, ents)))
    out = set()
    for r in doc.relations:
        s, o = doc.mentions[r.subject], doc.mentions[r.object]
        out.add((s.key, r.predicate, o.key, r.title))
    return out


def found_triples(text: str) -> set:
    """(subject key, predicate, object key) of every relation the whole pipeline (recogniser,
    resolver, relation patterns) finds in ``text``."""
    from graph_builder.relate import relate
    from graph_builder.resolve import resolve

    doc = relate(resolve(recognized_doc(text)))
    return {(doc.mentions[r.subject].key, r.predicate, doc.mentions[r.object].key) for r in doc.relations}


def pairs(got: set, predicate: str) -> set:
    """``(subject, object)`` of the triples of ``relation_triples`` with ``predicate``."""
    return {(s, o) for s, p, o, _ in got if p == predicate}


def makers(got: set) -> set:
    """``(product, maker)`` pairs."""
    return pairs(got, "manufacturer")


def posts(got: set) -> set:
    """``(person, employer, title)`` of the worksFor triples."""
    return {(s, o, t) for s, p, o, t in got if p == "worksFor"}


def partners(got: set) -> set:
    """partnerOf pairs, unordered."""
    return {frozenset(x) for x in pairs(got, "partnerOf")}


def company_keys(text, names):
    """The resolver's keys of ``names``, given in order as Company mentions of ``text``."""
    from graph_builder.resolve import resolve

    doc = resolve(annotated_doc(text, [(n, "Company") for n in names]))
    return [m.key for m in doc.mentions]
