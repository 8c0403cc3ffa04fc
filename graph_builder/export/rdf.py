"""RDF export of the corpus graph: Turtle, N-Triples, TriG and JSON-LD.

The model is SPEC.md's "RDF model"; ``ontology/kg.ttl`` declares every class and
property written here and ``ontology/shapes.ttl`` constrains the result.

* Entities: ``rdf:type`` from :data:`vocab.TYPE_CLASS`, exactly one ``rdfs:label``
  (``@zh``), one ``skos:altLabel`` (``@zh``) per alias, ``kg:mentionCount``.
  Industries are also ``skos:Concept`` in the one ``skos:ConceptScheme``
  :data:`vocab.INDUSTRY_SCHEME`, with ``skos:broader``, ``skos:notation`` (code);
  the scheme lists the industries with no broader one as ``skos:hasTopConcept``.
* Relations: a plain triple per typed edge (:data:`vocab.PREDICATE_PROPERTY`), and
  one ``kg:Assertion`` (an ``rdf:Statement``) per evidence record, its IRI a hash of
  subject, predicate, object, document and offsets, so it is stable across runs.
  Two records with the same key (one sentence read twice) make one statement,
  the one with the higher confidence.
* Documents: ``schema:NewsArticle`` when the headline or publisher is known, else
  ``schema:CreativeWork``; ``schema:author`` and ``schema:publisher`` are literal
  names (authors are not entities of the graph); ``schema:datePublished`` is an
  ``xsd:date`` when the date parses, else left out; ``schema:url`` is an IRI.
* Co-mention edges are not exported: they are a view of the graph (the HTML
  uses them), not a fact, and are recoverable from ``schema:mentions``.

Writing does not go through rdflib: the triples are formatted as N-Triples lines,
de-duplicated and sorted, and pyoxigraph re-serialises those as Turtle and TriG;
JSON-LD is written here against ``ontology/context.jsonld``. The same graph gives
byte-identical files, and a million triples take seconds, not minutes. Memory is
bounded: beyond :data:`RUN_CHARS` characters the lines are sorted in runs on disk
and merged, and every format is streamed from the one sorted N-Triples file.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("https://graph-builder.org/id/person/1", type="Person", label="耿志军", aliases=[], count=1)
>>> g = to_rdf(G)
>>> sorted(str(o) for o in g.objects(None, RDFS.label))
['耿志军', '行业']
"""
from __future__ import annotations

import gc
import hashlib
import heapq
import json
import logging
import math
import re
import shutil
import tempfile
from collections import namedtuple
from datetime import date, datetime
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD

from ..forks import run_forked
from ..ontology import ontology_file
from ..vocab import ID, INDUSTRY_SCHEME, KG, PREDICATE_PROPERTY, TYPE_CLASS
from ..vocab import PREFIXES as VOCAB_PREFIXES
from . import atomic_write

log = logging.getLogger("graph_builder")

#: format name -> file written by :func:`write_rdf`
RDF_FILES = {"ttl": "graph.ttl", "nt": "graph.nt", "trig": "graph.trig", "jsonld": "graph.jsonld"}

#: the name of the one named graph of ``graph.trig``
GRAPH_NAME = str(ID["graph"])

#: Prefixes of the serialisations: the vocabularies, and one per instance folder
#: (``person:``, ``company:``, ``doc:``, ``stmt:`` ...) so Turtle stays readable.
PREFIXES: Dict[str, str] = {k: str(v) for k, v in VOCAB_PREFIXES.items()}
PREFIXES.update({t.lower(): str(ID[t.lower() + "/"]) for t in TYPE_CLASS})
PREFIXES.update({"doc": str(ID["doc/"]), "stmt": str(ID["stmt/"])})

#: A literal, before it becomes an rdflib or pyoxigraph term. ``datatype`` is None
#: for ``xsd:string`` and for language-tagged strings.
Lit = namedtuple("Lit", "value datatype lang")
#: A blank node (only met when exporting an rdflib graph given by the caller).
Blank = namedtuple("Blank", "id")
Term = Union[str, Lit, Blank]  # a plain str is an IRI
Triple = Tuple[str, str, Term]

_A = str(RDF.type)
_LABEL, _ALT = str(RDFS.label), str(SKOS.altLabel)
_CONCEPT, _SCHEME_CLASS = str(SKOS.Concept), str(SKOS.ConceptScheme)
_IN_SCHEME, _TOP = str(SKOS.inScheme), str(SKOS.hasTopConcept)
_BROADER, _NOTATION = str(SKOS.broader), str(SKOS.notation)
_SCHEME = str(INDUSTRY_SCHEME)
_STATEMENT, _ASSERTION = str(RDF.Statement), str(KG.Assertion)
_SUBJ, _PRED, _OBJ = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_DERIVED = str(PROV.wasDerivedFrom)
_INT, _DEC, _DATE = str(XSD.integer), str(XSD.decimal), str(XSD.date)
_STRING, _LANGSTRING = str(XSD.string), str(RDF.langString)
_CLASSES = {k: str(v) for k, v in TYPE_CLASS.items()}
_PROPERTIES = {k: str(v) for k, v in PREDICATE_PROPERTY.items()}
_THING = str(SDO.Thing)
_MENTION_COUNT, _SENTENCE, _START, _END = str(KG.mentionCount), str(KG.sentence), str(KG.start), str(KG.end)
_CONFIDENCE, _METHOD, _JOB_TITLE = str(KG.confidence), str(KG.method), str(SDO.jobTitle)
_NEWS, _WORK = str(SDO.NewsArticle), str(SDO.CreativeWork)
_IDENTIFIER, _MENTIONS = str(SDO.identifier), str(SDO.mentions)
_DOC_FIELDS = (("headline", str(SDO.headline)), ("author", str(SDO.author)), ("publisher", str(SDO.publisher)))
_DATE_PUBLISHED, _URL = str(SDO.datePublished), str(SDO.url)

# Characters XML 1.0 (and so RDF/XML, GraphML, GEXF) cannot hold, and lone
# surrogates (left by decoding errors) that UTF-8 cannot encode.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Characters an IRI reference may not contain (RFC 3987, Turtle IRIREF).
_IRI_UNSAFE = re.compile('[\x00-\x20<>"{}|\\\\^`\x7f-\x9f]')
_DATE_RE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def clean_text(value) -> str:
    """``value`` as a string with the characters illegal in XML/RDF literals removed.

    Tab, newline and carriage return are kept; other C0 controls, U+FFFE/U+FFFF and
    lone surrogates are dropped.

    >>> clean_text("a\\x00b\\tc")
    'ab\\tc'
    """
    return _ILLEGAL.sub("", str(value))


def statement_iri(s: str, p: str, o: str, doc: str, start: int, end: int) -> str:
    """Stable IRI of the statement node of one evidence record."""
    key = "\x1f".join((s, p, o, doc, str(start), str(end)))
    return str(ID["stmt/" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]])


def _zh(value) -> Lit:
    return Lit(clean_text(value), None, "zh")


def _string(value) -> Lit:
    return Lit(clean_text(value), None, None)


def _integer(value) -> Lit:
    return Lit(str(int(value)), _INT, None)


def _confidence(value) -> Lit:
    x = float(value)
    x = 0.0 if math.isnan(x) else min(max(x, 0.0), 1.0)
    text = f"{x:.3f}".rstrip("0")
    return Lit(text + "0" if text.endswith(".") else text, _DEC, None)


def _date(value) -> Optional[Lit]:
    """An ``xsd:date`` for the dates written as Y-M-D (2026-05-01, 2026/5/1, 2026年5月1日...)."""
    if isinstance(value, (date, datetime)):
        return Lit(value.strftime("%Y-%m-%d"), _DATE, None)
    m = _DATE_RE.match(str(value))
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return Lit(d.isoformat(), _DATE, None)


def _url(value) -> Optional[str]:
    """The URL as a safe IRI (unsafe characters percent-encoded), or None if not http(s)."""
    url = clean_text(value).strip()
    if not re.match(r"(?i)https?://[^/\s]", url):
        return None
    return _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)


def _entity_triples(G, share: Tuple[int, int] = (0, 1)) -> Iterator[Triple]:
    unknown = set()
    k, n = share
    for i, (iri, d) in enumerate(G.nodes(data=True)):
        if i % n != k:
            continue
        type_ = d.get("type")
        cls = _CLASSES.get(type_)
        if cls is None:
            unknown.add(type_)
            cls = _THING
        yield iri, _A, cls
        label = clean_text(d.get("label", ""))
        yield iri, _LABEL, Lit(label, None, "zh")
        for alias in d.get("aliases") or ():
            alias = clean_text(alias)
            if alias and alias != label:
                yield iri, _ALT, Lit(alias, None, "zh")
        if d.get("count") is not None:
            yield iri, _MENTION_COUNT, _integer(d["count"])
        if type_ == "Industry":
            yield iri, _A, _CONCEPT
            yield iri, _IN_SCHEME, _SCHEME
            broader = [b for b in d.get("broader") or () if b in G and b != iri]
            for b in broader:
                yield iri, _BROADER, b
            if not broader:
                yield _SCHEME, _TOP, iri
            if d.get("code"):
                yield iri, _NOTATION, _string(d["code"])
    if unknown:
        log.warning("RDF export: no class for entity type(s) %s; typed schema:Thing", ", ".join(map(str, unknown)))


def _relation_triples(G, cited: set, share: Tuple[int, int] = (0, 1)) -> Iterator[Triple]:
    unknown = set()
    k, n = share
    for i, (s, o, key, d) in enumerate(G.edges(keys=True, data=True)):
        if i % n != k:
            continue
        predicate = d.get("predicate", key)
        if predicate == "coMention":
            continue
        prop = _PROPERTIES.get(predicate)
        if prop is None:
            unknown.add(predicate)
            continue
        yield s, prop, o
        best: Dict[str, dict] = {}
        for ev in d.get("evidence") or ():
            stmt = statement_iri(s, prop, o, ev["doc"], ev["start"], ev["end"])
            if stmt not in best or ev.get("confidence", 0) > best[stmt].get("confidence", 0):
                best[stmt] = ev
        for stmt, ev in best.items():
            cited.add(ev["doc"])
            yield stmt, _A, _STATEMENT
            yield stmt, _A, _ASSERTION
            yield stmt, _SUBJ, s
            yield stmt, _PRED, prop
            yield stmt, _OBJ, o
            yield stmt, _DERIVED, ev["doc"]
            yield stmt, _SENTENCE, _string(ev.get("sentence", ""))
            yield stmt, _START, _integer(ev["start"])
            yield stmt, _END, _integer(ev["end"])
            yield stmt, _CONFIDENCE, _confidence(ev.get("confidence", 0.5))
            yield stmt, _METHOD, _string(ev.get("method") or "unknown")
            if predicate == "worksFor" and ev.get("title"):
                yield stmt, _JOB_TITLE, _string(ev["title"])
    if unknown:
        log.warning("RDF export: no property for predicate(s) %s; edges left out", ", ".join(map(str, unknown)))


def _document_triples(G, named: set, share: Tuple[int, int] = (0, 1)) -> Iterator[Triple]:
    """The documents' triples (with a ``share`` ``(k, n)``, only the k-th of every n documents and
    entities); the documents the entities name are added to ``named`` for :func:`_untyped_documents`."""
    docs = G.graph.get("documents") or {}
    k, n = share
    for i, (diri, meta) in enumerate(docs.items()):
        if i % n != k:
            continue
        news = bool(meta.get("headline") or meta.get("publisher"))
        yield diri, _A, _NEWS if news else _WORK
        if meta.get("id") is not None:
            yield diri, _IDENTIFIER, _string(meta["id"])
        for field, prop in _DOC_FIELDS:
            if meta.get(field):
                yield diri, prop, _string(meta[field])
        if meta.get("date"):
            d = _date(meta["date"])
            if d:
                yield diri, _DATE_PUBLISHED, d
        if meta.get("url"):
            url = _url(meta["url"])
            if url:
                yield diri, _URL, url
        for e in meta.get("mentions") or ():
            if e in G:
                yield diri, _MENTIONS, e
    for i, (iri, d) in enumerate(G.nodes(data=True)):
        if i % n != k:
            continue
        for diri in d.get("documents") or ():
            yield diri, _MENTIONS, iri
            named.add(diri)


def _untyped_documents(G, named: Iterable[str]) -> Iterator[Triple]:
    """Documents known only from an entity's or an evidence record's list still get a class,
    so every prov:wasDerivedFrom points at a typed work."""
    docs = G.graph.get("documents") or {}
    for diri in sorted(set(named) - set(docs)):
        yield diri, _A, _WORK


def _share_triples(G, share: Tuple[int, int], named: set) -> Iterator[Triple]:
    """One share ``(k, n)`` of :func:`iter_triples`: the scheme's two triples in share 0, and the k-th
    of every n entities, edges and documents; ``named`` collects the documents they cite or name,
    whose :func:`_untyped_documents` follow once every share is made."""
    if share[0] == 0:
        yield _SCHEME, _A, _SCHEME_CLASS
        yield _SCHEME, _LABEL, Lit("行业", None, "zh")
    yield from _entity_triples(G, share)
    yield from _relation_triples(G, named, share)
    yield from _document_triples(G, named, share)


def iter_triples(G) -> Iterator[Triple]:
    """Every triple of the export of ``G`` (may repeat one; IRIs are plain strings).

    Objects are an IRI (``str``) or a :data:`Lit`. This is the one place that
    decides what the RDF holds; :func:`to_rdf` and :func:`write_rdf` only encode it.
    """
    named: set = set()
    yield from _share_triples(G, (0, 1), named)
    yield from _untyped_documents(G, named)


def _rdflib_term(t: Term):
    if isinstance(t, str):
        return URIRef(t)
    if isinstance(t, Blank):
        return BNode(t.id)
    if t.lang:
        return Literal(t.value, lang=t.lang)
    return Literal(t.value, datatype=URIRef(t.datatype) if t.datatype else None)


def _term_of_rdflib(t) -> Term:
    if isinstance(t, URIRef):
        return str(t)
    if isinstance(t, BNode):
        return Blank(str(t))
    dt = str(t.datatype) if t.datatype is not None else None
    return Lit(clean_text(t), None if dt == _STRING else dt, t.language)


def to_rdf(G) -> Graph:
    """The export of ``G`` as an rdflib :class:`~rdflib.Graph` (prefixes bound).

    Fine for validation and for small graphs; :func:`write_rdf` does not need it.
    """
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    g.addN((_rdflib_term(s), URIRef(p), _rdflib_term(o), g) for s, p, o in iter_triples(G))
    return g


# --------------------------------------------------------------------------- writing


def _nt_term(t: Term) -> str:
    if isinstance(t, str):
        return f"<{t}>"
    if isinstance(t, Blank):
        return f"_:{t.id}"
    v = t.value
    if "\\" in v or '"' in v or "\n" in v or "\r" in v:
        v = v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if t.lang:
        return f'"{v}"@{t.lang}'
    if t.datatype and t.datatype not in (_STRING, _LANGSTRING):
        return f'"{v}"^^<{t.datatype}>'
    return f'"{v}"'


def _nt_line(t: Triple) -> str:
    """The N-Triples line of ``t`` without the final `` .``."""
    s, p, o = t
    line = f"<{s}> <{p}> " if s.__class__ is str else f"{_nt_term(s)} <{p}> "
    return line + (f"<{o}>" if o.__class__ is str else _nt_term(o))


_UNESCAPE = {"\\": "\\", '"': '"', "n": "\n", "r": "\r"}
_ESCAPED = re.compile(r"\\(.)")


def _parse_nt_line(line: str) -> Triple:
    """The triple of a line written by :func:`_nt_line` (its exact inverse for every term it writes)."""
    if line[0] == "<":
        cut = line.index(">")
        s: Term = line[1:cut]
    else:
        cut = line.index(" ") - 1
        s = Blank(line[2:cut + 1])
    end = line.index(">", cut + 3)
    p = line[cut + 3:end]
    rest = line[end + 2:]
    if rest[0] == "<":
        return s, p, rest[1:-1]
    if rest[0] == "_":
        return s, p, Blank(rest[2:])
    q = rest.rindex('"')
    value = rest[1:q]
    if "\\" in value:
        value = _ESCAPED.sub(lambda m: _UNESCAPE[m.group(1)], value)
    tail = rest[q + 1:]
    if tail.startswith("@"):
        return s, p, Lit(value, None, tail[1:])
    if tail.startswith("^^"):
        return s, p, Lit(value, tail[3:-1], None)
    return s, p, Lit(value, None, None)


#: Characters of distinct lines held in memory before they are sorted and spilled
#: to a run file: the export's memory stays bounded whatever the graph's size.
#: 64M characters is about 600k lines; merging runs costs time in Python, so a
#: run this large keeps a million triples to two. Measured with
#: ``benchmarks/rdf_io.py`` (1.04M triples): 8M characters gave 19 runs, 9.9 s
#: and 296 MiB peak; 64M gives 7.3 s and 398 MiB; 128M, 8.1 s and 524 MiB.
RUN_CHARS = 1 << 26


def _sorted_lines(triples: Iterable[Triple], folder: Path, run_chars: Optional[int] = None) -> Iterator[str]:
    """The distinct N-Triples lines (without the final `` .``) of ``triples``, sorted.

    Up to ``run_chars`` characters of lines are de-duplicated and sorted in
    memory; beyond that each such run goes to a file in ``folder`` and the runs
    are merged, so the order is the one ``sorted(set(lines))`` gives.
    """
    run_chars = run_chars or RUN_CHARS
    runs: List[Path] = []
    buf: set = set()
    size = 0
    for t in triples:
        line = _nt_line(t)
        if line not in buf:
            buf.add(line)
            size += len(line)
            if size >= run_chars:
                runs.append(_write_run(sorted(buf), folder, len(runs)))
                buf, size = set(), 0
    if not runs:
        yield from sorted(buf)
        return
    if buf:
        runs.append(_write_run(sorted(buf), folder, len(runs)))
    del buf
    previous = None
    for line in heapq.merge(*(_read_run(path) for path in runs)):
        if line != previous:
            yield line
            previous = line


def _write_run(lines: List[str], folder: Path, n: int) -> Path:
    path = folder / f"run{n}.nt"
    # Lines hold no newline (N-Triples escapes it); surrogatepass keeps any string as it was.
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="\n") as fh:
        for line in lines:
            fh.write(line)
            fh.write("\n")
    return path


def _read_run(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8", errors="surrogatepass", newline="\n") as fh:
        for line in fh:
            yield line[:-1]


def _lines_of_graph(G, folder: Path) -> Iterator[str]:
    """``_sorted_lines(iter_triples(G), folder)``, half of the triples made by a forked copy of this process.

    On Linux a forked copy takes every other entity, edge and document
    (:func:`_share_triples`) and writes its sorted lines, and the documents its
    share cites or names, to ``folder``; this process makes the other half, then
    the two sorted streams are merged, so the lines are the same as in one
    process. The graph and its store are only read meanwhile. If the copy
    fails, its share is made here. Elsewhere one process makes them all.
    """
    part = folder / "share0"

    def share0() -> None:
        named: set = set()
        with open(part / "lines.nt", "w", encoding="utf-8", errors="surrogatepass", newline="\n") as fh:
            for line in _sorted_lines(_share_triples(G, (0, 2), named), part):
                fh.write(line)
                fh.write("\n")
        with open(part / "named.json", "w", encoding="utf-8", errors="surrogatepass") as fh:
            json.dump(sorted(named), fh, ensure_ascii=False)

    part.mkdir()
    child_ok = run_forked(share0)
    if child_ok is None:
        yield from _sorted_lines(iter_triples(G), folder)
        return

    def mine() -> Iterator[Triple]:
        named: set = set()
        yield from _share_triples(G, (1, 2), named)
        if child_ok():
            with open(part / "named.json", encoding="utf-8", errors="surrogatepass") as fh:
                named.update(json.load(fh))
        else:  # the copy failed: its share is made here too
            yield from _share_triples(G, (0, 2), named)
        yield from _untyped_documents(G, named)

    try:
        own = _sorted_lines(mine(), folder)
        first = next(own, None)  # mine() has run to its end by now, so the copy has ended
        theirs = _read_run(part / "lines.nt") if child_ok() else ()
        previous = None
        for line in heapq.merge(() if first is None else chain((first,), own), theirs):
            if line != previous:
                yield line
                previous = line
    finally:
        child_ok()  # (stopped early or not) the copy has ended before its folder goes


@lru_cache(maxsize=1)
def jsonld_context() -> dict:
    """The ``@context`` object of ``ontology/context.jsonld``."""
    with open(ontology_file("context.jsonld"), encoding="utf-8") as fh:
        return json.load(fh)["@context"]


@lru_cache(maxsize=1)
def _jsonld_terms() -> Tuple[Dict[str, tuple], Dict[str, str]]:
    """(property IRI -> (term, coercion), namespace -> prefix) from the context."""
    ctx = jsonld_context()
    prefixes = {v: k for k, v in ctx.items() if isinstance(v, str) and v[-1:] in "/#"}

    def expand(value: str) -> str:
        head, _, local = value.partition(":")
        return ctx[head] + local if head in ctx and isinstance(ctx[head], str) else value

    terms: Dict[str, tuple] = {}
    for term, defn in ctx.items():
        if isinstance(defn, str) and defn[-1:] not in "/#":
            terms[expand(defn)] = (term, None)
        elif isinstance(defn, dict):
            coerce = defn.get("@type")
            if coerce and coerce != "@id":
                coerce = expand(coerce)
            terms[expand(defn["@id"])] = (term, ("lang", defn["@language"]) if "@language" in defn else coerce)
    return terms, prefixes


def _compact(iri: str, prefixes: Dict[str, str]) -> str:
    """``prefix:local`` when the IRI's namespace (up to its last / or #) has a prefix."""
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    prefix = prefixes.get(iri[:cut])
    return f"{prefix}:{iri[cut:]}" if prefix and cut < len(iri) else iri


def _jsonld_value(o: Term, coerce, prefixes):
    if isinstance(o, Blank):
        return {"@id": f"_:{o.id}"}
    if isinstance(o, str):
        return _compact(o, prefixes) if coerce == "@id" else {"@id": _compact(o, prefixes)}
    if o.lang:
        return o.value if coerce == ("lang", o.lang) else {"@value": o.value, "@language": o.lang}
    if o.datatype:
        return o.value if coerce == o.datatype else {"@value": o.value, "@type": _compact(o.datatype, prefixes)}
    # A plain string under a term without coercion is an xsd:string; under a coerced term it is not.
    return o.value if coerce is None else {"@value": o.value, "@type": "xsd:string"}


def _jsonld(lines: Iterable[str], fh) -> None:
    """Compact JSON-LD over ``ontology/context.jsonld`` (inlined, so it reads offline), into ``fh`` (binary).

    ``lines`` are sorted N-Triples lines, so each subject's triples come together
    and its node object is written as soon as the next subject starts.
    """
    terms, prefixes = _jsonld_terms()
    ctx = jsonld_context()
    type_terms = {}  # class IRI -> its term ("Person"), for @type values
    for term, defn in ctx.items():
        if isinstance(defn, str) and defn[-1:] not in "/#":
            head, _, local = defn.partition(":")
            type_terms[ctx.get(head, "") + local] = term
    # One node object per line: diffable, and cheap to write for large graphs.
    head = json.dumps(ctx, ensure_ascii=False, indent=1).replace("\n", "\n ")
    fh.write(('{\n "@context": ' + head + ',\n "@graph": [\n  ').encode("utf-8"))
    sep = ""
    node: Optional[dict] = None
    current = None
    for line in lines:
        s, p, o = _parse_nt_line(line)
        if s != current:
            if node is not None:
                fh.write((sep + json.dumps(node, ensure_ascii=False, separators=(",", ":"))).encode("utf-8"))
                sep = ",\n  "
            current = s
            node = {"@id": f"_:{s.id}" if isinstance(s, Blank) else _compact(s, prefixes)}
        if p == _A and isinstance(o, str):
            name, value = "@type", type_terms.get(o) or _compact(o, prefixes)
        else:
            term, coerce = terms.get(p, (None, None))
            name = term or _compact(p, prefixes)
            value = _jsonld_value(o, coerce, prefixes)
        if name in node:
            if not isinstance(node[name], list):
                node[name] = [node[name]]
            node[name].append(value)
        else:
            node[name] = value
    if node is not None:
        fh.write((sep + json.dumps(node, ensure_ascii=False, separators=(",", ":"))).encode("utf-8"))
    fh.write(b"\n ]\n}\n")


def _reserialize(src: Path, path: Path, in_format, out_format) -> Path:
    """``src`` (N-Triples or N-Quads) re-serialised by pyoxigraph into ``path``, streaming."""
    import pyoxigraph as ox

    prefixes = dict(PREFIXES)

    def write(fh):
        ox.serialize(ox.parse(path=str(src), format=in_format), fh, format=out_format, prefixes=prefixes)

    return atomic_write(path, write)


def write_rdf(G, outdir, formats: Sequence[str] = ("ttl",), rdf: Optional[Graph] = None,
              stats: Optional[dict] = None) -> List[Path]:
    """Write the export of ``G`` into ``outdir`` as ``graph.ttl``/``.nt``/``.trig``/``.jsonld``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The corpus graph (:mod:`graph_builder.graph`).
    outdir : path
        Folder to write into (created if missing). Each file is written atomically.
    formats : sequence of str
        Any of ``"ttl"``, ``"nt"``, ``"trig"``, ``"jsonld"``.
    rdf : rdflib.Graph, optional
        A graph to write instead of the export of ``G`` (e.g. ``to_rdf(G)`` with
        triples added by the caller). Slower: ``G`` alone is the fast path.
    stats : dict, optional
        Filled with ``{"triples": N}``, the number of distinct triples written
        (so a caller need not build :func:`to_rdf` only to count them).

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    The output is deterministic: the same graph gives byte-identical files.
    """
    unknown = [f for f in formats if f not in RDF_FILES]
    if unknown:
        raise ValueError(f"unknown RDF format(s): {', '.join(unknown)} (choose from {', '.join(RDF_FILES)})")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    if rdf is not None:
        triples = ((_term_of_rdflib(s), str(p), _term_of_rdflib(o)) for s, p, o in rdf)
    else:
        triples = None  # _write_all: iter_triples(G), in two processes where it can
    # Millions of small tuples and no cycles among them: the cyclic collector
    # would only rescan them again and again (a third of the time, measured).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _write_all(outdir, formats, triples, stats, G)
    finally:
        if gc_was_enabled:
            gc.enable()


def _write_all(outdir: Path, formats: Sequence[str], triples: Optional[Iterable[Triple]], stats: Optional[dict],
               G=None) -> List[Path]:
    """Sort the lines once into a temporary N-Triples file; each format is then written from
    it in turn, streaming (pyoxigraph re-serialises it as Turtle, and as TriG from N-Quads).

    ``triples`` None: those of :func:`iter_triples` of ``G``, made by two processes
    (:func:`_lines_of_graph`)."""
    import pyoxigraph as ox

    work = Path(tempfile.mkdtemp(prefix=".rdf-", dir=outdir))
    try:
        nt = work / "graph.nt"
        count = 0
        lines = _sorted_lines(triples, work) if triples is not None else _lines_of_graph(G, work)
        with open(nt, "w", encoding="utf-8", newline="") as fh:
            for line in lines:
                fh.write(line + " .\n")
                count += 1
        if stats is not None:
            stats["triples"] = count
        written: List[Path] = []
        for fmt in formats:
            path = outdir / RDF_FILES[fmt]
            if fmt == "nt":
                written.append(atomic_write(path, lambda out: _copy_into(nt, out)))
            elif fmt == "ttl":
                written.append(_reserialize(nt, path, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE))
            elif fmt == "trig":
                nq = work / "graph.nq"
                tail = f" <{GRAPH_NAME}> .\n"
                with open(nq, "w", encoding="utf-8", newline="") as out:
                    for line in _nt_lines(nt):
                        out.write(line + tail)
                written.append(_reserialize(nq, path, ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG))
            elif fmt == "jsonld":
                written.append(atomic_write(path, lambda out: _jsonld(_nt_lines(nt), out)))
        return written
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _nt_lines(path: Path) -> Iterator[str]:
    """The lines of an N-Triples file written by :func:`_write_all`, without the final `` .``."""
    with open(path, encoding="utf-8", newline="\n") as fh:
        for line in fh:
            yield line[:-3]


def _copy_into(src: Path, fh) -> None:
    with open(src, "rb") as inp:
        shutil.copyfileobj(inp, fh, 1 << 20)


# --------------------------------------------------------------------------- validation


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def validate(rdf_graph: Graph) -> Tuple[bool, str]:
    """Check ``rdf_graph`` against ``ontology/shapes.ttl`` with pySHACL.

    Returns ``(conforms, report_text)``.
    """
    from pyshacl import validate as shacl_validate

    conforms, _, text = shacl_validate(rdf_graph, shacl_graph=_shapes(), inference="none", advanced=True)
    return bool(conforms), text
