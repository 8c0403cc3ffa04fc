"""Tests for graph_builder.pipeline: batches give the same documents as one document at a time."""
from graph_builder import pipeline as pl
from graph_builder.doc import Document
from graph_builder.pipeline import Pipeline

TEXTS = [
    "北京星海科技股份有限公司董事长王建国表示，公司将在上海设立研发中心。",
    "腾讯公司推出了新款游戏。该公司副总裁李梅出席发布会。",
    "",
    "欧阳娜娜加入小米集团，任首席财务官。小米是一家消费电子企业。",
    "这是一段没有任何名字的话。",
]


def _key(doc):
    return ([(m.start, m.end, m.type, m.name, m.score) for m in doc.mentions],
            [(r.subject, r.predicate, r.object, r.confidence) for r in doc.relations])


def _docs():
    return [Document(id=f"d{i}", text=t) for i, t in enumerate(TEXTS)]


def test_batches_equal_one_document_at_a_time():
    nlp = Pipeline()
    one = [_key(nlp(d)) for d in _docs()]
    for size in (1, 2, 64):
        assert [_key(d) for d in nlp.pipe(_docs(), batch_size=size)] == one, size


def test_run_batch_prefers_a_stage_pipe_method():
    seen = []

    def stage(doc):
        seen.append("one")
        return doc

    def stage_pipe(docs):
        seen.append(len(docs))
        return docs

    stage.pipe = stage_pipe
    nlp = Pipeline([("s", stage)])
    docs, timings = nlp.run_batch(_docs())
    assert seen == [len(TEXTS)] and len(docs) == len(TEXTS) and set(timings) == {"s"}


def test_batches_stop_at_the_character_budget(monkeypatch):
    monkeypatch.setattr(pl, "BATCH_CHARS", 40)
    sizes = [len(b) for b in pl._batches(_docs(), 64)]
    assert sum(sizes) == len(TEXTS) and len(sizes) > 1
    assert [len(b) for b in pl._batches(_docs(), 2)] == [2, 2, 1]


def test_pipe_restores_the_collector_thresholds():
    import gc

    before = gc.get_threshold()
    seen = []
    for _doc in Pipeline().pipe(_docs()):
        seen.append(gc.get_threshold())
    assert seen and all(t == pl.GC_THRESHOLDS for t in seen)
    assert gc.get_threshold() == before
