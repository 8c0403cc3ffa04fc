"""Run the per-document stages on PySpark (``build --engine spark``).

:func:`spark_pipe` has the semantics of :meth:`Pipeline.pipe
<graph_builder.pipeline.Pipeline.pipe>`: it reads the input lazily, yields the
processed documents in input order with their tokens dropped, and adds the
seconds each stage took to ``report.timings``. Only the extraction runs on
Spark; the graph is still built in the driver, one document at a time, so the
output is byte for byte the one of the local engine.

The documents travel as pickled dataclasses, which unpickle by import path:
``graph_builder`` must be importable on every executor (``pip install`` it on
the cluster's nodes, or ship it with ``spark-submit --py-files``). See
``docs/scale.md``.

PySpark is an optional extra (``pip install -e .[spark]``) and needs Java; it is
imported only when this engine is used.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

from .api import UsageError
from .doc import Document
from .pipeline import BATCH_DOCS, Pipeline, _account
from .report import Report

MISSING = ("--engine spark needs PySpark: pip install -e .[spark], and Java "
           "(8/11/17 for PySpark 3.4-3.5, 17/21 for PySpark 4)")
QUIET_LOG4J = """# Root at WARN keeps Spark from printing its "Setting default log level" banner;
# setLogLevel("ERROR") lowers it once the session runs.
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n
# Start-up warnings that are harmless on one machine (loopback host name, no native Hadoop).
logger.utils.name = org.apache.spark.util.Utils
logger.utils.level = error
logger.hadoop.name = org.apache.hadoop.util.NativeCodeLoader
logger.hadoop.level = error
# A master that cannot be reached: one stack trace a retry; the error that follows says it.
logger.client.name = org.apache.spark.deploy.client
logger.client.level = error
logger.cluster.name = org.apache.spark.scheduler.cluster
logger.cluster.level = error
"""
#: Partitions per core in each batch: several, so a slow partition does not idle the other cores.
PARTITIONS_PER_CORE = 4

Result = Tuple[int, Document, Dict[str, float]]


def spark_pipe(docs: Iterable[Document], pipeline: Pipeline, master: str = "local[*]",
               report: Optional[Report] = None, batch: int = 2000) -> Iterator[Document]:
    """Process a stream of documents on Spark lazily, in input order.

    Parameters
    ----------
    docs : iterable of Document
        Read in the driver, ``batch`` documents at a time.
    pipeline : Pipeline
        Shipped to the executors (its stages pickle by reference) and run
        there once per partition.
    master : str
        ``local[*]`` (all cores of this machine) or a cluster URL
        (``spark://host:7077``, ``yarn``, ``k8s://...``). A Spark session that
        is already running is reused as it is and left running.
    report : Report, optional
        Per-stage seconds (summed over executors) are added to ``report.timings``.
    batch : int
        Documents per Spark job. While the driver consumes one batch, the next
        one is already being processed.

    Yields
    ------
    Document
        In input order, tokens dropped.

    Raises
    ------
    UsageError
        When PySpark or Java is missing or Spark cannot start.
    """
    batch = max(1, int(batch))
    spark, owned = _session(master)
    sc = spark.sparkContext
    slices = max(1, sc.defaultParallelism * PARTITIONS_PER_CORE)
    run_partition = _partition_runner(pipeline)
    docs = iter(docs)
    # One job runs while the driver hands out the previous batch's documents,
    # so building the graph in the driver overlaps with extraction.
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="graph-builder-spark")
    try:
        pending = _submit(pool, sc, docs, batch, slices, run_partition)
        while pending is not None:
            results = pending.result()
            pending = _submit(pool, sc, docs, batch, slices, run_partition)
            for _, doc, timings in results:
                _account(report, timings)
                yield doc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if owned:
            spark.stop()


def _submit(pool, sc, docs: Iterator[Document], batch: int, slices: int, run_partition):
    """Read the next batch in this thread (the reader is not thread-safe) and start its job."""
    chunk = list(islice(docs, batch))
    if not chunk:
        return None
    indexed = list(enumerate(chunk))
    return pool.submit(_collect, sc, indexed, min(slices, len(indexed)), run_partition)


def _collect(sc, indexed: List[Tuple[int, Document]], slices: int, run_partition) -> List[Result]:
    results = sc.parallelize(indexed, slices).mapPartitions(run_partition).collect()
    # collect() keeps partition order already; sorting makes the order a guarantee.
    results.sort(key=lambda r: r[0])
    return results


def run_batch(nlp: Pipeline, items):
    """Run a batch of ``(index, doc)`` pairs through ``nlp`` (batch stages see them all at once).

    The batch's stage timings are reported with its first document.
    """
    docs, timings = nlp.run_batch([doc for _, doc in items])
    for k, ((i, _), doc) in enumerate(zip(items, docs)):
        doc.tokens = []
        yield i, doc, timings if k == 0 else {}


def _partition_runner(pipeline: Pipeline):
    """The function each executor runs over one partition of ``(index, doc)`` pairs."""
    from . import crf

    stages = pipeline.stages
    model = crf.active_model()  # the driver's --ner choice, for the executors

    def run_partition(items):
        # Built once per partition; lexicons and models are module-level caches,
        # so a reused Python worker loads them only once.
        crf.use_model(model)
        nlp = Pipeline(stages)
        batch = []
        for item in items:
            batch.append(item)
            if len(batch) >= BATCH_DOCS:
                yield from run_batch(nlp, batch)
                batch = []
        if batch:
            yield from run_batch(nlp, batch)

    return run_partition


class _Py4jRetryFilter(logging.Filter):
    """Drops py4j's notes below WARNING that it logs through the root logger.

    After a connection reset, py4j retries the command and logs the first failure with its
    traceback by ``logging.info(..., exc_info=True)`` on the root logger (java_gateway.py), past
    the "py4j" logger's level. The retry carries on, so the note is noise; failures that stop a
    command come at ERROR and pass.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or "py4j" not in record.pathname.replace("\\", "/").split("/")


def quiet_py4j_retries() -> None:
    """Install :class:`_Py4jRetryFilter` on the root logger (once)."""
    root = logging.getLogger()
    if not any(isinstance(f, _Py4jRetryFilter) for f in root.filters):
        root.addFilter(_Py4jRetryFilter())


def _session(master: str):
    """``(SparkSession, owned)``; ``owned`` is False when a running session was reused."""
    try:
        from pyspark import SparkContext
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError(MISSING) from None
    if SparkContext._active_spark_context is not None:
        return SparkSession.builder.getOrCreate(), False
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise UsageError(MISSING)
    builder = SparkSession.builder.master(master).appName("graph-builder")
    for key, value in _conf(master).items():
        builder = builder.config(key, value)
    # py4j logs every connection it closes at INFO.
    logging.getLogger("py4j").setLevel(logging.WARNING)
    quiet_py4j_retries()
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # Java missing or too old, master unreachable: one line, not a JVM trace
        raise UsageError(f"cannot start Spark (master {master}): {_first_line(exc)}") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


def _first_line(exc: BaseException) -> str:
    """The message of a Spark start-up error: the Java exception's own where there is one."""
    java = getattr(exc, "java_exception", None)
    text = ""
    if java is not None:
        try:
            text = str(java.toString())
        except Exception:  # the gateway may be gone already
            text = ""
    text = text or str(exc) or type(exc).__name__
    return " ".join((text.strip().splitlines() or [type(exc).__name__])[0].split())


def _conf(master: str) -> Dict[str, str]:
    conf = {
        # The executors' Python daemon is this module: it loads the lexicons and
        # models once, and the workers it forks share them (see the end of the file).
        "spark.python.daemon.module": "graph_builder.spark",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        # The results are collected to the driver batch by batch; let a big batch through.
        "spark.driver.maxResultSize": "2g",
    }
    if master.startswith("local"):
        # Executors here are this machine: same interpreter, and graph_builder
        # importable even when it is run from a checkout that is not installed.
        conf["spark.pyspark.python"] = os.environ.get("PYSPARK_PYTHON", sys.executable)
        conf["spark.pyspark.driver.python"] = sys.executable
        parent = str(Path(__file__).resolve().parents[1])
        conf["spark.executorEnv.PYTHONPATH"] = os.pathsep.join(
            p for p in (parent, os.environ.get("PYTHONPATH", "")) if p)
    # The driver's JVM (always on this machine) logs WARN lines at start-up,
    # before setLogLevel can run.
    conf["spark.driver.extraJavaOptions"] = f"-Dlog4j2.configurationFile={_quiet_log4j()}"
    return conf


def _quiet_log4j() -> str:
    """A log4j2 configuration printing errors only (written once to the temp folder)."""
    digest = hashlib.sha1(QUIET_LOG4J.encode("utf-8")).hexdigest()[:10]
    path = Path(tempfile.gettempdir()) / f"graph-builder-log4j2-{digest}.properties"
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(QUIET_LOG4J, encoding="utf-8")
        os.replace(tmp, path)
    return str(path)


def _daemon() -> None:
    """The executors' Python daemon: warm the default pipeline up, then serve as PySpark's daemon.

    PySpark forks one Python worker per task slot from this process; loading
    jieba, the lexicons and the CRF model here first means each worker starts
    with them instead of loading its own copy. Nothing may be written to
    stdout before ``manager()`` (it hands the JVM its port there).
    """
    try:
        Pipeline().warm_up()
    except Exception as exc:  # a worker would hit it again and report it properly
        print(f"graph-builder: executor warm-up failed: {exc}", file=sys.stderr)
    from pyspark.daemon import manager

    manager()


if __name__ == "__main__":
    _daemon()
