"""SPARQL over the exports: loading, canned queries, refusals, formatting."""
import csv
import io
import json

import pytest

from graph_builder.export.rdf import RDF_FILES, write_rdf
from graph_builder.query import (QueryError, available_queries, canned_query, check_read_only, display_width,
                                 format_results, load, load_text, run_query, shorten)

CANNED = ("people", "products", "industries", "evidence", "top", "founders", "investments", "partners")


@pytest.fixture
def outdir(small_graph, tmp_path):
    write_rdf(small_graph, tmp_path, list(RDF_FILES))
    return tmp_path


@pytest.fixture
def store(outdir):
    return load(outdir)


def labels(names, rows, *columns):
    idx = [names.index(c) for c in columns]
    return [tuple("" if r[i] is None else str(r[i]) for i in idx) for r in rows]


# --------------------------------------------------------------------------- loading


@pytest.mark.parametrize("name", list(RDF_FILES.values()))
def test_every_export_format_loads_and_answers_the_same(outdir, name):
    store = load(outdir / name)
    names, rows = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    reference = run_query(load(outdir / "graph.nt"), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1]
    assert int(rows[0][0]) == int(reference[0][0]) > 150
    names, rows = run_query(store, canned_query("people"))
    assert labels(names, rows, "name", "employer", "title")[0] == ("张伟", "星河科技", "副总裁")


def test_loading_a_folder_reads_graph_ttl(outdir):
    (outdir / "graph.nt").write_text("this is not RDF", encoding="utf-8")
    store = load(outdir)
    assert run_query(store, "ASK { ?s a schema:Person }") == (None, [[True]])


def test_load_errors_are_one_line_query_errors(tmp_path):
    with pytest.raises(QueryError, match="no such file"):
        load(tmp_path / "missing.ttl")
    with pytest.raises(QueryError, match="holds no RDF export"):
        load(tmp_path)
    (tmp_path / "graph.txt").write_text("x", encoding="utf-8")
    with pytest.raises(QueryError, match="RDF format"):
        load(tmp_path / "graph.txt")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n@prefix broken", encoding="utf-8")
    with pytest.raises(QueryError) as err:
        load(bad)
    assert "\n" not in str(err.value) and "bad.ttl" in str(err.value)


# --------------------------------------------------------------------------- canned queries


def test_canned_queries_are_documented_and_all_present():
    assert set(CANNED) <= set(available_queries())
    for name in CANNED:
        text = canned_query(name)
        assert text.startswith("#") and "PREFIX" in text, name


def test_people(store):
    names, rows = run_query(store, canned_query("people"))
    assert labels(names, rows, "name", "title", "employer", "sentences") == [
        ("张伟", "副总裁", "星河科技", "1"),
        ("林晓峰", "首席执行官", "星河科技", "2"),
        ("王芳", "主任", "国家发展和改革委员会", "1"),
    ]


def test_products_industries_founders_investments(store):
    names, rows = run_query(store, canned_query("products"))
    assert labels(names, rows, "name", "maker") == [("星河Watch 3", "星河科技")]
    names, rows = run_query(store, canned_query("industries"))
    assert labels(names, rows, "industry", "code", "broader", "company") == [("可穿戴设备", "C3961", "电子设备制造", "星河科技")]
    names, rows = run_query(store, canned_query("founders"))
    assert labels(names, rows, "organization", "founder") == [("星河科技", "林晓峰")]
    names, rows = run_query(store, canned_query("investments"))
    assert labels(names, rows, "investor", "company") == [("红杉资本", "星河科技")]


def test_partners_match_both_directions(store):
    names, rows = run_query(store, canned_query("partners"))
    assert labels(names, rows, "organization", "partner") == [("中国移动", "星河科技"), ("星河科技", "中国移动")]


def test_evidence_lists_every_statement_with_its_sentence_and_document(store):
    names, rows = run_query(store, canned_query("evidence"))
    assert len(rows) == 10
    got = labels(names, rows, "subject", "predicate", "object", "document", "confidence")
    assert ("王芳", "https://schema.org/worksFor", "国家发展和改革委员会", "news/002.txt", "0.95") in got
    assert ("张伟", "https://schema.org/worksFor", "星河科技", "星河科技发布新款智能手表", "0.85") in got
    for row in labels(names, rows, "sentence", "subject"):
        assert row[1] in row[0] or row[1] == "星河科技"  # the sentence names its subject (or its alias)
    # the commented FILTER lines work when switched on
    filtered = canned_query("evidence").replace("# FILTER (?confidence >= 0.8)", "FILTER (?confidence >= 0.8)")
    assert len(run_query(store, filtered)[1]) == 7


def test_top_ranks_by_relations(store):
    names, rows = run_query(store, canned_query("top"))
    got = labels(names, rows, "name", "relations")
    assert got[0] == ("星河科技", "8") and got[1] == ("林晓峰", "2")
    assert len({r[0] for r in got}) == len(got)  # one row per entity, even with two rdf:types


# --------------------------------------------------------------------------- refusals and errors


@pytest.mark.parametrize("sparql", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "delete where { ?s ?p ?o }",
    "PREFIX ex: <http://ex/> DELETE { ?s ex:p ?o } INSERT { ?s ex:q ?o } WHERE { ?s ex:p ?o }",
    "LOAD <http://example.com/data.ttl>",
    "CLEAR ALL", "DROP GRAPH <http://g>", "CREATE GRAPH <http://g>",
    "ADD DEFAULT TO <http://g>", "MOVE DEFAULT TO <http://g>", "COPY DEFAULT TO <http://g>",
    "SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <http://a> <http://b> <http://c> }",
])
def test_updates_are_refused(store, sparql):
    with pytest.raises(QueryError, match="not allowed") as err:
        run_query(store, sparql)
    assert isinstance(err.value, ValueError) and "\n" not in str(err.value)
    assert run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1][0][0].toPython() > 150


def test_service_is_refused(store):
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(store, "SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }")


@pytest.mark.parametrize("sparql", [
    'SELECT ?insert WHERE { ?insert rdfs:label "delete and drop" }',
    "SELECT * WHERE { ?s <http://example.com/load#clear> ?o }  # copy, move, add",
    "PREFIX add: <http://example.com/> SELECT * WHERE { ?s add:create ?o }",
    "SELECT ?service WHERE { ?service a schema:Person }",
])
def test_update_words_inside_a_query_are_not_refused(store, sparql):
    check_read_only(sparql)
    run_query(store, sparql)


def test_bad_syntax_is_a_one_line_query_error(store):
    with pytest.raises(QueryError) as err:
        run_query(store, "SELEC ?x WHERE {}")
    assert str(err.value).startswith("bad SPARQL") and "\n" not in str(err.value)
    with pytest.raises(QueryError, match="empty"):
        run_query(store, "   ")


def test_unknown_canned_query_lists_the_available_ones():
    for bad in ("no-such-query", "../kg", "people.rq", ""):
        with pytest.raises(QueryError) as err:
            canned_query(bad)
        assert "people" in str(err.value) and "evidence" in str(err.value)


def test_default_prefixes_and_ask_and_construct(store):
    assert run_query(store, "ASK { ?s kg:partnerOf ?o }") == (None, [[True]])
    assert run_query(store, "ASK { ?s kg:partnerOf ?s }") == (None, [[False]])
    names, rows = run_query(store, "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a schema:Place ; rdfs:label ?l }")
    assert names == ["subject", "predicate", "object"] and [str(r[2]) for r in rows] == ["深圳"]


# --------------------------------------------------------------------------- formatting


def test_table_aligns_wide_characters_and_shortens_iris(store):
    names, rows = run_query(store, "SELECT ?name ?p WHERE { ?p rdfs:label ?name } ORDER BY ?name")
    text = format_results(names, rows, "table")
    lines = text.splitlines()
    assert lines[-1] == f"({len(rows)} rows)"
    body = lines[2:-1]
    assert len(body) == len(rows)
    # the second column starts at the same terminal column on every line
    starts = {display_width(line[:line.index(shorten(str(row[1])))]) for line, row in zip(body, rows)}
    assert len(starts) == 1
    assert starts.pop() == max(display_width(str(r[0])) for r in rows) + 2
    assert "company:" in text and "https://" not in text.replace("<https://", "")
    assert display_width("星河Watch 3") == 2 * 2 + 7


def test_table_keeps_rows_on_one_line():
    store = load_text('<http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "two\\nlines\\tand tab" .')
    text = format_results(*run_query(store, "SELECT ?l ?s WHERE { ?s rdfs:label ?l }"), "table")
    assert text.splitlines()[2] == "two lines and tab  <http://x/a>"


def test_csv_and_json_results(store):
    names, rows = run_query(store, canned_query("people"))
    table = list(csv.reader(io.StringIO(format_results(names, rows, "csv"))))
    assert table[0] == names and len(table) == 4
    assert table[1][names.index("person")].startswith("https://graph-builder.org/id/person/")
    doc = json.loads(format_results(names, rows, "json"))
    assert doc["head"]["vars"] == names
    first = doc["results"]["bindings"][0]
    assert first["name"] == {"type": "literal", "value": "张伟", "xml:lang": "zh"}
    assert first["sentences"]["datatype"].endswith("#integer")
    assert first["person"]["type"] == "uri"
    assert json.loads(format_results(None, [[True]], "json")) == {"head": {}, "boolean": True}
    assert format_results(None, [[False]], "table") == "false\n"
    with pytest.raises(QueryError, match="unknown output format"):
        format_results(names, rows, "xml")


def test_unbound_values_are_empty(store):
    sparql = ("SELECT ?name ?code WHERE { ?x rdfs:label ?name OPTIONAL { ?x skos:notation ?code } "
              "FILTER (?name IN ('深圳'@zh, '可穿戴设备'@zh)) } ORDER BY ?name")
    names, rows = run_query(store, sparql)
    assert [[str(v) if v is not None else None for v in r] for r in rows] == [["可穿戴设备", "C3961"], ["深圳", None]]
    assert list(csv.reader(io.StringIO(format_results(names, rows, "csv"))))[2] == ["深圳", ""]
    assert format_results(names, rows, "table").splitlines()[3] == "深圳"
    assert json.loads(format_results(names, rows, "json"))["results"]["bindings"][1] == {
        "name": {"type": "literal", "value": "深圳", "xml:lang": "zh"}}
