"""The SPARQL 1.1 Protocol endpoint, queried over real HTTP on a free local port."""
import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from graph_builder import build
from graph_builder.serve import negotiate, serve_in_thread

TEXT = ("星河科技有限公司（以下简称“星河科技”）今日宣布，公司创始人兼首席执行官林晓峰将出任董事长。"
        "星河科技推出了智能手表星河Watch 3。")
SELECT = "SELECT ?name WHERE { ?p a <https://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name }"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    src = tmp_path_factory.mktemp("src") / "news.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    build([str(src)], outdir=out, workers=1)
    server, url = serve_in_thread(out)
    yield url
    server.shutdown()
    server.server_close()


def get(url, accept=None, data=None, ctype=None):
    req = urllib.request.Request(url, data=data)
    if accept:
        req.add_header("Accept", accept)
    if ctype:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type"), resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read().decode("utf-8")


def q(url, sparql):
    return f"{url}/sparql?query={urllib.parse.quote(sparql)}"


def test_json_results(endpoint):
    status, ctype, body = get(q(endpoint, SELECT), "application/sparql-results+json")
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    names = [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert "林晓峰" in names


def test_csv_tsv_xml_results(endpoint):
    status, ctype, body = get(q(endpoint, SELECT), "text/csv")
    assert status == 200 and ctype.startswith("text/csv")
    assert "林晓峰" in [r[0] for r in csv.reader(io.StringIO(body))]
    status, ctype, body = get(q(endpoint, SELECT), "text/tab-separated-values")
    assert status == 200 and ctype.startswith("text/tab-separated-values") and "林晓峰" in body
    status, ctype, body = get(q(endpoint, SELECT), "application/sparql-results+xml")
    assert status == 200 and "xml" in ctype
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert "林晓峰" in [e.text for e in ET.fromstring(body).iter(ns + "literal")]


def test_post_form_and_direct_body(endpoint):
    form = urllib.parse.urlencode({"query": SELECT}).encode()
    status, _, body = get(endpoint + "/sparql", "application/json", form, "application/x-www-form-urlencoded")
    assert status == 200 and "林晓峰" in body
    status, _, body = get(endpoint + "/sparql", "text/csv", SELECT.encode(), "application/sparql-query")
    assert status == 200 and "林晓峰" in body


def test_construct_returns_turtle(endpoint):
    status, ctype, body = get(q(endpoint, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5"), "text/turtle")
    assert status == 200 and ctype.startswith("text/turtle") and body.strip()


def test_updates_refused_and_bad_queries_400(endpoint):
    upd = "INSERT DATA { <http://a> <http://b> <http://c> }"
    assert get(q(endpoint, upd))[0] == 400
    form = urllib.parse.urlencode({"update": upd}).encode()
    assert get(endpoint + "/sparql", None, form, "application/x-www-form-urlencoded")[0] == 400
    assert get(endpoint + "/sparql", None, upd.encode(), "application/sparql-update")[0] == 400
    status, _, body = get(q(endpoint, "SELEC ?x"))
    assert status == 400 and "bad SPARQL" in json.loads(body)["error"]
    assert get(endpoint + "/sparql")[0] == 400
    # the store is unchanged
    status, _, body = get(q(endpoint, "ASK { <http://a> <http://b> <http://c> }"), "application/json")
    assert json.loads(body)["boolean"] is False


def test_html_view_at_root(endpoint):
    status, ctype, body = get(endpoint + "/")
    assert status == 200 and ctype.startswith("text/html") and "<html" in body.lower()
    assert get(endpoint + "/../etc/passwd")[0] == 404


def test_negotiate_honours_q_values():
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", "results")[0] == "application/sparql-results+xml"
    assert negotiate("*/*", "results")[0] == "application/sparql-results+json"
    assert negotiate("", "graph")[0] == "text/turtle"
