"""The RDF export: SPEC's model, the ontology and shapes, round trips, determinism."""
import json
import re

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from conftest import TAXONOMY, small_documents
from graph_builder.export import rdf as rdfx
from graph_builder.export.rdf import (GRAPH_NAME, PREFIXES, RDF_FILES, jsonld_context, statement_iri, to_rdf,
                                      validate, write_rdf)
from graph_builder.graph import build_graph
from graph_builder.ontology import ontology_file
from graph_builder.vocab import INDUSTRY_SCHEME, KG, PREDICATE_PROPERTY, TYPE_CLASS, entity_iri

ALL = ("ttl", "nt", "trig", "jsonld")
RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}
OX_FORMAT = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
             "jsonld": ox.RdfFormat.JSON_LD}


def parse_rdflib(path, fmt):
    """Triples of an export file read by rdflib (the named graph of TriG merged in)."""
    ds = rdflib.Dataset()
    ds.parse(str(path), format=RDFLIB_FORMAT[fmt])
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def parse_pyoxigraph(path, fmt):
    """Triples of an export file read by pyoxigraph, handed to rdflib through N-Triples."""
    store = ox.Store()
    store.load(path=str(path), format=OX_FORMAT[fmt])
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in store)
    g = rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return g, store


def iri(type_, name):
    return URIRef(entity_iri(type_, name))


@pytest.fixture
def export(small_graph, tmp_path):
    paths = write_rdf(small_graph, tmp_path, ALL)
    return small_graph, to_rdf(small_graph), dict(zip(ALL, paths))


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", ALL)
def test_every_format_parses_back_identical_with_rdflib_and_pyoxigraph(export, fmt):
    G, g, paths = export
    assert paths[fmt].name == RDF_FILES[fmt]
    back = parse_rdflib(paths[fmt], fmt)
    assert len(back) == len(g) > 150
    assert isomorphic(back, g)
    back_ox, store = parse_pyoxigraph(paths[fmt], fmt)
    assert isomorphic(back_ox, g)
    if fmt == "trig":  # everything in the one named graph
        assert {q.graph_name for q in store} == {ox.NamedNode(GRAPH_NAME)}


def test_jsonld_is_compact_over_the_ontology_context(export):
    _, _, paths = export
    doc = json.loads(paths["jsonld"].read_text("utf-8"))
    assert doc["@context"] == jsonld_context()
    nodes = {n["@id"]: n for n in doc["@graph"]}
    person = next(n for n in nodes.values() if n.get("label") == "张伟")
    assert person["@type"] == "Person" and person["@id"].startswith("person:")
    assert person["worksFor"].startswith("company:")
    stmt = next(n for n in nodes.values() if n.get("jobTitle") == "副总裁")
    assert stmt["predicate"] == "schema:worksFor" and re.fullmatch(r"0\.\d+|1\.0|0\.0", stmt["confidence"])


def test_context_prefixes_agree_with_the_exporter():
    ctx = jsonld_context()
    for prefix, ns in PREFIXES.items():
        assert ctx.get(prefix) == ns, prefix


# --------------------------------------------------------------------------- the model of SPEC.md


def test_entities_typed_labelled_once_in_chinese_with_aliases(export):
    G, g, _ = export
    for node, d in G.nodes(data=True):
        s = URIRef(node)
        assert (s, RDF.type, TYPE_CLASS[d["type"]]) in g
        labels = list(g.objects(s, RDFS.label))
        assert labels == [Literal(d["label"], lang="zh")]
    company = iri("Company", "星河科技")
    assert set(g.objects(company, SKOS.altLabel)) == {Literal("星河科技有限公司", lang="zh")}
    assert (company, KG.mentionCount, Literal(6)) in g


def test_industries_form_one_skos_scheme(export):
    _, g, _ = export
    wear, electronics = iri("Industry", "可穿戴设备"), iri("Industry", "电子设备制造")
    for ind in (wear, electronics):
        assert (ind, RDF.type, KG.Industry) in g and (ind, RDF.type, SKOS.Concept) in g
        assert (ind, SKOS.inScheme, INDUSTRY_SCHEME) in g
    assert (INDUSTRY_SCHEME, RDF.type, SKOS.ConceptScheme) in g
    assert (wear, SKOS.broader, electronics) in g
    assert (wear, SKOS.notation, Literal("C3961")) in g
    assert set(g.objects(INDUSTRY_SCHEME, SKOS.hasTopConcept)) == {electronics}
    assert len(set(g.subjects(RDF.type, SKOS.ConceptScheme))) == 1


def test_every_typed_edge_is_a_plain_triple_and_comentions_are_not(export):
    G, g, _ = export
    typed = [(s, o, k) for s, o, k in G.edges(keys=True) if k != "coMention"]
    assert {k for *_, k in typed} == set(PREDICATE_PROPERTY)
    for s, o, k in typed:
        assert (URIRef(s), PREDICATE_PROPERTY[k], URIRef(o)) in g
    relation_props = set(PREDICATE_PROPERTY.values())
    plain = [t for t in g if t[1] in relation_props]
    assert len(plain) == len(typed)
    assert not any("coMention" in str(t[1]) for t in g)


def test_one_statement_per_evidence_record(export):
    G, g, _ = export
    records = sum(len(d["evidence"]) for *_, d in G.edges(data=True) if d["predicate"] != "coMention")
    stmts = set(g.subjects(RDF.type, KG.Assertion))
    assert len(stmts) == records == 10
    assert stmts == set(g.subjects(RDF.type, RDF.Statement))
    lin, xh = iri("Person", "林晓峰"), iri("Company", "星河科技")
    lin_works = [s for s in stmts if (s, RDF.subject, lin) in g and (s, RDF.predicate, SDO.worksFor) in g]
    assert len(lin_works) == 2
    for s in lin_works:
        assert (s, RDF.object, xh) in g
        assert g.value(s, SDO.jobTitle) == Literal("首席执行官")
        doc = g.value(s, PROV.wasDerivedFrom)
        assert (doc, RDF.type, SDO.NewsArticle) in g or (doc, RDF.type, SDO.CreativeWork) in g
        start, end = g.value(s, KG.start).toPython(), g.value(s, KG.end).toPython()
        text = {"news/001.txt": small_documents()[0].text, "news/002.txt": small_documents()[1].text}[
            str(g.value(doc, SDO.identifier))]
        assert text[start:end] == str(g.value(s, KG.sentence))
        assert g.value(s, KG.confidence).datatype == XSD.decimal
        assert str(g.value(s, KG.method)) == "pattern"


def test_statement_iris_are_stable_and_depend_on_the_evidence(small_graph):
    again = build_graph(list(reversed(small_documents())), taxonomy=TAXONOMY)
    first = set(to_rdf(small_graph).subjects(RDF.type, KG.Assertion))
    assert first == set(to_rdf(again).subjects(RDF.type, KG.Assertion))
    a = statement_iri("s", "p", "o", "d", 0, 10)
    assert a == statement_iri("s", "p", "o", "d", 0, 10)
    assert a != statement_iri("s", "p", "o", "d", 0, 11)


def test_documents(export):
    _, g, _ = export
    docs = {str(g.value(d, SDO.identifier)): d for d in g.subjects(SDO.identifier, None)}
    a, b = docs["news/001.txt"], docs["news/002.txt"]
    assert (a, RDF.type, SDO.NewsArticle) in g and (b, RDF.type, SDO.CreativeWork) in g
    assert g.value(a, SDO.headline) == Literal("星河科技发布新款智能手表")
    assert g.value(a, SDO.author) == Literal("李明") and g.value(a, SDO.publisher) == Literal("科技日报")
    assert g.value(a, SDO.datePublished) == Literal("2026-05-01", datatype=XSD.date)
    assert g.value(b, SDO.datePublished) == Literal("2026-05-03", datatype=XSD.date)  # from 2026年5月3日
    assert g.value(a, SDO.url) == URIRef("https://news.example.com/a?id=1&lang=zh")
    assert g.value(b, SDO.headline) is None
    assert (a, SDO.mentions, iri("Place", "深圳")) in g and (b, SDO.mentions, iri("Place", "深圳")) not in g


def test_an_ambiguous_evidence_key_gives_one_statement(small_graph):
    s, o = entity_iri("Person", "张伟"), entity_iri("Company", "星河科技")
    ev = small_graph.edges[s, o, "worksFor"]["evidence"]
    ev.append(dict(ev[0], confidence=0.99, title="总裁"))
    g = to_rdf(small_graph)
    stmt = URIRef(statement_iri(s, str(SDO.worksFor), o, ev[0]["doc"], ev[0]["start"], ev[0]["end"]))
    assert list(g.objects(stmt, KG.confidence)) == [Literal("0.99", datatype=XSD.decimal)]
    assert validate(g)[0]


# --------------------------------------------------------------------------- ontology and shapes


def test_export_conforms_to_the_shapes(export):
    conforms, text = validate(export[1])
    assert conforms, text


def test_every_term_of_the_export_is_declared_in_the_ontology(export):
    _, g, _ = export
    onto = rdflib.Graph().parse(ontology_file("kg.ttl"))
    declared = set(onto.subjects(RDF.type, None))
    builtin = tuple(str(ns) for ns in (RDF, RDFS, OWL, XSD))
    used = set(g.predicates()) | set(g.objects(None, RDF.type)) | set(g.objects(None, RDF.predicate))
    missing = sorted(t for t in used if not str(t).startswith(builtin) and t not in declared)
    assert not missing, missing
    # and everything vocab.py maps to
    for term in list(TYPE_CLASS.values()) + list(PREDICATE_PROPERTY.values()):
        assert term in declared, term


def test_ontology_declares_the_kg_terms_with_labels_in_english_and_chinese():
    onto = rdflib.Graph().parse(ontology_file("kg.ttl"))
    assert (KG.Industry, RDFS.subClassOf, SKOS.Concept) in onto
    assert (KG.Assertion, RDFS.subClassOf, RDF.Statement) in onto
    assert (KG.partnerOf, RDF.type, OWL.SymmetricProperty) in onto
    kg_terms = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG))}
    assert {KG.Industry, KG.Assertion, KG.inIndustry, KG.partnerOf, KG.investedIn, KG.sentence, KG.start, KG.end,
            KG.confidence, KG.method, KG.mentionCount} <= kg_terms
    for term in kg_terms:
        langs = {lit.language for lit in onto.objects(term, RDFS.label)}
        assert {"en", "zh"} <= langs, term
        assert onto.value(term, RDFS.comment) is not None, term
        assert onto.value(term, RDFS.range) is not None or (term, RDF.type, OWL.Class) in onto, term


def _violations(g):
    conforms, text = validate(g)
    return not conforms and "Constraint Violation" in text


def test_shapes_catch_broken_exports(export):
    _, g, _ = export
    zhang, xh = iri("Person", "张伟"), iri("Company", "星河科技")
    broken = [
        lambda h: h.add((zhang, RDFS.label, Literal("张伟二", lang="zh"))),  # two labels
        lambda h: h.set((zhang, RDFS.label, Literal("张伟"))),  # no language tag
        lambda h: h.add((zhang, SDO.worksFor, iri("Person", "王芳"))),  # worksFor a Person
        lambda h: h.add((xh, KG.inIndustry, xh)),  # inIndustry not an Industry
        lambda h: h.remove((iri("Industry", "可穿戴设备"), SKOS.inScheme, None)),
        lambda h: h.add((URIRef("https://graph-builder.org/id/person/x"), SDO.founder, zhang)),  # untyped subject
    ]
    stmt = next(g.subjects(RDF.type, KG.Assertion))
    broken += [
        lambda h: h.set((stmt, KG.confidence, Literal("1.5", datatype=XSD.decimal))),
        lambda h: h.set((stmt, KG.start, Literal(-1))),
        lambda h: h.remove((stmt, KG.sentence, None)),
        lambda h: h.add((stmt, RDF.object, zhang)),
        lambda h: h.remove((h.value(stmt, RDF.subject), h.value(stmt, RDF.predicate), h.value(stmt, RDF.object))),
        lambda h: h.set((h.value(stmt, PROV.wasDerivedFrom), RDF.type, SDO.Person)),
    ]
    for i, breaker in enumerate(broken):
        h = rdflib.Graph()
        for t in g:
            h.add(t)
        breaker(h)
        assert _violations(h), i


# --------------------------------------------------------------------------- writing


def test_exports_are_byte_identical_and_independent_of_input_order(small_graph, tmp_path):
    a = write_rdf(small_graph, tmp_path / "a", ALL)
    b = write_rdf(small_graph, tmp_path / "b", ALL)
    again = build_graph(list(reversed(small_documents())), taxonomy=TAXONOMY)
    c = write_rdf(again, tmp_path / "c", ALL)
    for x, y, z in zip(a, b, c):
        assert x.read_bytes() == y.read_bytes() == z.read_bytes(), x.name
    lines = a[1].read_text("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_writing_from_an_rdflib_graph_gives_the_same_files(small_graph, tmp_path):
    stats = {}
    fast = write_rdf(small_graph, tmp_path / "fast", ALL, stats=stats)
    slow = write_rdf(small_graph, tmp_path / "slow", ALL, rdf=to_rdf(small_graph))
    for x, y in zip(fast, slow):
        assert x.read_bytes() == y.read_bytes(), x.name
    assert stats["triples"] == len(to_rdf(small_graph))


def test_writes_are_atomic(small_graph, tmp_path, monkeypatch):
    write_rdf(small_graph, tmp_path, ALL)
    before = (tmp_path / "graph.jsonld").read_bytes()

    def fail(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rdfx, "_jsonld", fail)
    small_graph.nodes[entity_iri("Person", "张伟")]["label"] = "张伟伟"
    with pytest.raises(RuntimeError):
        write_rdf(small_graph, tmp_path, ["ttl", "jsonld"])
    assert (tmp_path / "graph.jsonld").read_bytes() == before
    assert "张伟伟" in (tmp_path / "graph.ttl").read_text("utf-8")  # written before the failure
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(RDF_FILES.values())


def test_unknown_format_is_refused(small_graph, tmp_path):
    with pytest.raises(ValueError, match="xml"):
        write_rdf(small_graph, tmp_path, ["ttl", "xml"])


NASTY = [
    'quote " and \\ backslash',
    "new\nline\r\ttab",
    "<img src=x onerror=alert(1)>",
    "ctrl\x00\x01\x08\x0b\x0c\x1f\x7f end",
    "bad \ud800 surrogate \ufffe\uffff",
    "]]> </script> {\"@id\": \"x\"} @prefix x: <y> .",
    '"""triple""" \'\'\'quotes\'\'\'',
    "\u202eright-to-left \u200b zero width",
]


def test_nasty_strings_still_give_valid_rdf(small_graph, tmp_path):
    zhang = entity_iri("Person", "张伟")
    small_graph.nodes[zhang]["label"] = "".join(NASTY)
    small_graph.nodes[zhang]["aliases"] = NASTY
    ev = small_graph.edges[zhang, entity_iri("Company", "星河科技"), "worksFor"]["evidence"][0]
    ev["sentence"], ev["title"], ev["method"] = NASTY[2] + NASTY[3], NASTY[0], NASTY[1]
    doc = small_graph.graph["documents"][ev["doc"]]
    doc["headline"], doc["author"] = NASTY[5], NASTY[6]
    doc["url"] = "https://example.com/a b<c>\"d\"{e}|^`\\f?q=新闻"
    g = to_rdf(small_graph)
    assert validate(g)[0]
    paths = write_rdf(small_graph, tmp_path, ALL)
    for fmt, path in zip(ALL, paths):
        for back in (parse_rdflib(path, fmt), parse_pyoxigraph(path, fmt)[0]):
            assert isomorphic(back, g), fmt
            label = str(back.value(URIRef(zhang), RDFS.label))
            assert "<img src=x onerror=alert(1)>" in label and "\x00" not in label and "\x01" not in label
            assert "\ud800" not in label and "new\nline\r\ttab" in label
    url = next(g.objects(None, SDO.url))
    assert str(url) == "https://example.com/a%20b%3Cc%3E%22d%22%7Be%7D%7C%5E%60%5Cf?q=新闻"


def test_unknown_types_and_predicates_do_not_break_the_export(small_graph, caplog):
    small_graph.add_node("https://graph-builder.org/id/event/1", type="Event", label="发布会", aliases=[], count=1)
    small_graph.add_edge(entity_iri("Person", "张伟"), entity_iri("Person", "王芳"), key="knows", predicate="knows",
                         weight=1, title=None, evidence=[])
    g = to_rdf(small_graph)
    assert (URIRef("https://graph-builder.org/id/event/1"), RDF.type, SDO.Thing) in g
    assert not any(str(p).endswith("knows") for p in g.predicates())
    assert "Event" in caplog.text and "knows" in caplog.text
    assert validate(g)[0]


def test_empty_graph(tmp_path):
    import networkx as nx

    paths = write_rdf(nx.MultiDiGraph(), tmp_path, ALL)
    for fmt, path in zip(ALL, paths):
        assert len(parse_rdflib(path, fmt)) == 2  # just the industry scheme
    assert validate(to_rdf(nx.MultiDiGraph()))[0]
