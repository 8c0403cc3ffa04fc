"""The extraction pipeline: a named list of ``doc -> doc`` stages.

Like spaCy's ``Language``: each stage is a plain callable that reads the
:class:`~graph_builder.doc.Document` and enriches it; the pipeline is a list you
can print, and you may add or remove stages.

Examples
--------
>>> from graph_builder.pipeline import Pipeline
>>> nlp = Pipeline()
>>> nlp.pipe_names
['normalize', 'segment', 'recognize', 'resolve', 'relate', 'link']
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import time
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from .doc import Document
from .report import Report

Stage = Callable[[Document], Document]

#: Documents per batch (:meth:`Pipeline.pipe`), and the characters a batch
#: stops growing at: enough sentences for the CRF's batched decoder, little memory.
BATCH_DOCS = 64
BATCH_CHARS = 100_000


def default_stages() -> List[Tuple[str, Stage]]:
    # Imported here so that importing the package stays cheap (jieba, opencc and
    # the CRF model load lazily on first use).
    from .graph import assign_iris
    from .normalize import normalize
    from .recognize import recognize
    from .relate import relate
    from .resolve import resolve
    from .segment import segment

    return [
        ("normalize", normalize),
        ("segment", segment),
        ("recognize", recognize),
        ("resolve", resolve),
        ("relate", relate),
        ("link", assign_iris),
    ]


class Pipeline:
    """Runs the stages over documents, one process or several.

    Parameters
    ----------
    stages : list of (name, callable), optional
        Defaults to :func:`default_stages`.
    """

    def __init__(self, stages: Optional[List[Tuple[str, Stage]]] = None) -> None:
        self.stages = list(stages) if stages is not None else default_stages()

    @property
    def pipe_names(self) -> List[str]:
        return [name for name, _ in self.stages]

    def __repr__(self) -> str:
        return f"Pipeline({self.pipe_names})"

    def __call__(self, doc: Document) -> Document:
        return self.run(doc)[0]

    def run(self, doc: Document) -> Tuple[Document, Dict[str, float]]:
        """Run every stage on ``doc``; return it with the seconds each stage took."""
        docs, timings = self.run_batch([doc])
        return docs[0], timings

    def run_batch(self, docs: List[Document]) -> Tuple[List[Document], Dict[str, float]]:
        """Run every stage on a batch of documents; return them with the seconds each stage took.

        A stage with a ``pipe`` attribute (a ``docs -> docs`` callable, like
        spaCy's ``Pipe.pipe``) gets the whole batch at once; the others get one
        document at a time. The results are the same as :meth:`run` on each.
        """
        timings = {}
        for name, stage in self.stages:
            t0 = time.perf_counter()
            batch_fn = getattr(stage, "pipe", None)
            docs = list(batch_fn(docs)) if batch_fn is not None else [stage(d) for d in docs]
            timings[name] = time.perf_counter() - t0
        return docs, timings

    def warm_up(self) -> None:
        """Load lexicons and models now (before forking workers, so they share them)."""
        self(Document(id="warm-up", text="腾讯公司副总裁张三表示，公司推出了新产品。"))

    def pipe(self, docs: Iterable[Document], workers: int = 1, report: Optional[Report] = None,
             batch_size: int = BATCH_DOCS) -> Iterator[Document]:
        """Process a stream of documents lazily, in order, with ``workers`` processes.

        Documents go through the stages in batches of up to ``batch_size``
        documents (and :data:`BATCH_CHARS` characters), so that batch stages
        (:meth:`run_batch`) work on many documents at once; a batch is all that
        is held in memory besides what the caller keeps. The output order (and so
        every byte written later) does not depend on ``workers`` or the batch
        size. Tokens are dropped from the returned documents: nothing after the
        pipeline needs them and they dominate the cost of passing results
        between processes.
        """
        workers = max(1, int(workers or 1))
        batches = _batches(docs, max(1, int(batch_size)))
        with _fewer_collections():
            if workers == 1:
                for batch in batches:
                    batch, timings = self.run_batch(batch)
                    _account(report, timings)
                    for doc in batch:
                        doc.tokens = []
                        yield doc
                return
            self.warm_up()
            ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
            global _WORKER_PIPELINE
            _WORKER_PIPELINE = self
            with ctx.Pool(workers, initializer=_one_blas_thread) as pool:  # forked workers inherit the thresholds
                for batch, timings in pool.imap(_run_in_worker, batches):
                    _account(report, timings)
                    yield from batch


#: Garbage-collector thresholds while documents are processed (CPython's default: 700, 10, 10).
#: Extraction allocates millions of short-lived objects and few cycles; with the
#: default, full collections keep re-scanning the models and tables held in
#: memory. Measured on a 5 MiB single-worker build: about 8 % less time, the same peak RSS.
GC_THRESHOLDS = (50_000, 50, 1000)


@contextlib.contextmanager
def _fewer_collections():
    """Raise the garbage collector's thresholds (:data:`GC_THRESHOLDS`) for the block, then restore them."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _batches(docs: Iterable[Document], size: int) -> Iterator[List[Document]]:
    """Consecutive batches of ``docs``: ``size`` documents, or fewer once they hold :data:`BATCH_CHARS` characters."""
    batch: List[Document] = []
    chars = 0
    for doc in docs:
        batch.append(doc)
        chars += len(doc.text)
        if len(batch) >= size or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


_WORKER_PIPELINE: Optional[Pipeline] = None


def _one_blas_thread() -> None:
    """In a worker: one BLAS thread for the character CNN's matrix products (graph_builder.neural),
    so that N workers keep to N cores. With OpenBLAS's default of a thread per core, two workers on
    two cores ran at 56k chars/s against 77k with this (benchmarks/throughput.py --mb 5)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency; without it the workers just share the cores
        return
    threadpool_limits(1)


def _run_in_worker(batch: List[Document]) -> Tuple[List[Document], Dict[str, float]]:
    batch, timings = _WORKER_PIPELINE.run_batch(batch)
    for doc in batch:
        doc.tokens = []
    return batch, timings


def _account(report: Optional[Report], timings: Dict[str, float]) -> None:
    if report is None:
        return
    for name, seconds in timings.items():
        report.timings[name] += seconds


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
