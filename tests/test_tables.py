"""GraphML, GEXF and CSV exports read back by networkx and csv."""
import csv

import networkx as nx
import pytest

from graph_builder.export import tables
from graph_builder.export.tables import EDGE_COLUMNS, NODE_COLUMNS, write_tables
from graph_builder.vocab import entity_iri

XH = entity_iri("Company", "星河科技")
ZHANG = entity_iri("Person", "张伟")


@pytest.fixture
def written(small_graph, tmp_path):
    paths = write_tables(small_graph, tmp_path, ["graphml", "gexf", "csv"])
    return small_graph, tmp_path, paths


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_files(written):
    _, out, paths = written
    assert [p.name for p in paths] == ["graph.graphml", "graph.gexf", "nodes.csv", "edges.csv"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)  # no temp files left


@pytest.mark.parametrize("reader,name", [(nx.read_graphml, "graph.graphml"), (nx.read_gexf, "graph.gexf")])
def test_graph_files_read_back_with_every_node_and_edge(written, reader, name):
    G, out, _ = written
    H = reader(out / name)
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes[XH]["label"] == "星河科技" and H.nodes[XH]["aliases"] == "星河科技有限公司"
    assert H.nodes[XH]["type"] == "Company" and int(H.nodes[XH]["count"]) == 6
    wear = entity_iri("Industry", "可穿戴设备")
    assert H.nodes[wear]["code"] == "C3961" and H.nodes[wear]["broader"] == entity_iri("Industry", "电子设备制造")
    preds = sorted(d["predicate"] for *_, d in H.edges(data=True))
    assert preds == sorted(d["predicate"] for *_, d in G.edges(data=True))
    works = [d for u, v, d in H.edges(data=True) if u == ZHANG and v == XH and d["predicate"] == "worksFor"]
    assert len(works) == 1 and works[0]["title"] == "副总裁" and float(works[0]["confidence"]) == 0.85


def test_csv_tables(written):
    G, out, _ = written
    nodes = read_csv(out / "nodes.csv")
    assert tuple(nodes[0]) == NODE_COLUMNS and len(nodes) == G.number_of_nodes()
    row = next(r for r in nodes if r["iri"] == XH)
    assert row["label"] == "星河科技" and row["type"] == "Company" and row["aliases"] == "星河科技有限公司"
    assert int(row["degree"]) == G.degree(XH) and int(row["count"]) == 6
    edges = read_csv(out / "edges.csv")
    assert tuple(edges[0]) == EDGE_COLUMNS and len(edges) == G.number_of_edges()
    lin = next(e for e in edges if e["source"] == entity_iri("Person", "林晓峰") and e["predicate"] == "worksFor")
    assert lin["weight"] == "2" and lin["title"] == "首席执行官" and lin["confidence"] == "0.9"
    co = [e for e in edges if e["predicate"] == "coMention"]
    assert co and all(e["confidence"] == "" and int(e["weight"]) >= 1 for e in co)


def test_nasty_labels_survive_every_format(small_graph, tmp_path):
    nasty = 'a"b\'c<img src=x onerror=alert(1)>&amp;\nnew\x00\x01\x1f\ud800line,comma'
    small_graph.nodes[ZHANG]["label"] = nasty
    small_graph.nodes[ZHANG]["aliases"] = ["x|y", "\x0b"]
    write_tables(small_graph, tmp_path, ["graphml", "gexf", "csv"])
    expected = 'a"b\'c<img src=x onerror=alert(1)>&amp;\nnewline,comma'
    assert nx.read_graphml(tmp_path / "graph.graphml").nodes[ZHANG]["label"] == expected
    assert nx.read_gexf(tmp_path / "graph.gexf").nodes[ZHANG]["label"] == expected
    row = next(r for r in read_csv(tmp_path / "nodes.csv") if r["iri"] == ZHANG)
    assert row["label"] == expected


def test_atomic_and_unknown_formats(small_graph, tmp_path, monkeypatch):
    write_tables(small_graph, tmp_path, ["graphml"])
    before = (tmp_path / "graph.graphml").read_bytes()

    def half_write(G, fh):
        fh.write(b"<?xml version='1.0'?><graphml")
        raise OSError("disk full")

    monkeypatch.setattr(tables.nx, "write_graphml", half_write)
    with pytest.raises(OSError):
        write_tables(small_graph, tmp_path, ["graphml"])
    assert (tmp_path / "graph.graphml").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]
    with pytest.raises(ValueError, match="pdf"):
        write_tables(small_graph, tmp_path, ["pdf"])
