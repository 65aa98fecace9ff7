"""One bad document costs one document: a failure injected into a real run (an exception, a
document past its time limit, a killed or stuck worker) rejects that document with the stage,
the exception and the function that raised it, and every other article loads."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows.limits import document_guard
from flows.workers import transform_in_processes
from tests.flows.test_crash_safety import run
from transforms.articles import build_article
from transforms.batch import FAILURES
from transforms.identity import article_id_for
from transforms.model import Document
from transforms.pipeline import analyse

# Short wire items written for these tests; each carries a word no other one has, so a fault can
# be aimed at it.
STORIES = [
    "MUSCAT, Feb 3 (ONA) -- Oman's fish landings rose 6.4 percent to 812,000 tonnes in 2024, "
    "the agriculture ministry said on Monday. Sardine catches led the gains.",
    "NAIROBI, Feb 4 (Reuters) -- Kenya's central bank held its policy rate at 10.75 percent on "
    "Tuesday, citing easing food prices. Governor Kamau Thugge spoke after the meeting.",
    "HANOI, Feb 5 (VNA) -- Vietnam shipped 1.2 million tonnes of coffee beans in January, up 9 "
    "percent from a year earlier, customs data showed on Wednesday.",
    "LIMA, Feb 6 (AP) -- Peru's copper output fell 2.3 percent in December as a strike halted "
    "work at the Antamina mine for five days, the energy ministry said.",
    "OSLO, Feb 7 (NTB) -- Norway's sovereign wealth fund returned 13 percent last year, worth "
    "about 2.5 trillion crowns, its chief executive told reporters in Oslo on Thursday.",
    "ACCRA, Feb 8 (GNA) -- Ghana's cocoa board bought 420,000 tonnes of beans by the end of "
    "January, down a fifth from the same period a season earlier, officials said.",
]
MARKERS = ["Sardine", "Thugge", "coffee", "Antamina", "sovereign", "cocoa"]


FAULT_VARIABLE = "WIREHOUSE_DOCUMENT_FAULT"  # read by tests/faults.py


@pytest.fixture(autouse=True)
def fault_observer(monkeypatch):
    """The tests' fault hooks observe every run here, in this process and in the ones it starts."""
    from tests.conftest import ROOT

    monkeypatch.setenv("WIREHOUSE_OBSERVERS", "tests.faults:observe")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))


def articles():
    docs = [
        Document(id=f"story-{n}", title=f"Story {n}", body=body, published=f"2025-02-0{n + 3}")
        for n, body in enumerate(STORIES)
    ]
    return [build_article(d, "wire", date(2025, 2, 10)) for d in docs]


def failures(frames):
    return frames[FAILURES].set_index("article_id").to_dict("index")


def test_an_exception_in_one_document_rejects_it_alone(nlp, monkeypatch):
    monkeypatch.setenv(FAULT_VARIABLE, "analyse:raise:Antamina")
    items = articles()
    frames = analyse(items, nlp, "run", guard=document_guard(5.0))
    failed = failures(frames)
    bad = items[3].article_id
    assert list(failed) == [bad]
    assert failed[bad]["error_class"] == "InjectedFault"
    assert failed[bad]["raised_in"] == "tests/faults.py:_act"
    assert "Traceback" in failed[bad]["traceback"]
    good = {a.article_id for a in items} - {bad}
    assert set(frames["mentions"]["article_id"]) == good
    assert set(frames["metrics"]["article_id"]) == good
    clean = analyse([a for a in items if a.article_id != bad], nlp, "run")
    for table in ("mentions", "metrics", "time_expressions", "events", "entities"):
        assert frames[table].equals(clean[table]), table


def test_a_document_past_its_time_limit_is_rejected_and_the_batch_goes_on(nlp, monkeypatch):
    # The stuck document is the first of the batch, so its limit also cuts short the parse of
    # the whole batch: the rest are then parsed one by one.
    monkeypatch.setenv(FAULT_VARIABLE, "analyse:hang:Sardine")
    items = articles()
    frames = analyse(items, nlp, "run", guard=document_guard(0.5))
    failed = failures(frames)
    assert list(failed) == [items[0].article_id]
    assert failed[items[0].article_id]["error_class"] == "DocumentTimeout"
    assert set(frames["mentions"]["article_id"]) == {a.article_id for a in items[1:]}


@pytest.mark.e2e  # real worker processes, each loading spaCy
@pytest.mark.parametrize("action", ["kill", "stall"])
def test_a_worker_that_dies_or_sticks_loses_only_the_document_that_did_it(monkeypatch, action):
    # `stall` blocks the time limit's signal, as a C extension stuck in a loop would: only the
    # pool's hard deadline stops it.
    monkeypatch.setenv(FAULT_VARIABLE, f"analyse:{action}:coffee")
    monkeypatch.setattr("flows.workers.HARD_DEADLINE_SLACK_SECONDS", 2.0)
    items = articles()
    batches = [items[:4], items[4:]]
    results = list(transform_in_processes(batches, "run", workers=2, chunk=3, seconds=0.5))
    assert len(results) == 2
    failed = failures(results[0])
    bad = items[2].article_id
    assert list(failed) == [bad]
    assert failed[bad]["error_class"] == "WorkerDied"
    expected = "killed by SIGKILL" if action == "kill" else "hard time limit"
    assert expected in failed[bad]["error_message"]
    assert set(results[0]["mentions"]["article_id"]) == {a.article_id for a in items[:4]} - {bad}
    assert set(results[1]["mentions"]["article_id"]) == {a.article_id for a in items[4:]}
    assert results[1][FAILURES].empty


SERIAL = "transform_workers = 1"
POOL = "transform_workers = 2"
DASK = 'task_runner = "dask"\ndask_workers = 2'


def write_inputs(folder: Path, runner: str) -> Path:
    """Two files of stories and a config that sends them through the flow."""
    (folder / "in").mkdir()
    for part, stories in enumerate([STORIES[:4], STORIES[4:]]):
        lines = [
            json.dumps({"id": f"p{part}-{n}", "title": f"Story {n}", "body": body,
                        "published": "2025-02-08"})
            for n, body in enumerate(stories)
        ]  # fmt: skip
        (folder / "in" / f"part{part}.jsonl").write_text("\n".join(lines) + "\n")
    config = folder / "wirehouse.toml"
    config.write_text(
        textwrap.dedent(f"""
            [settings]
            {runner}
            transform_pool_min_articles = 1
            transform_chunk = 2

            [[sources]]
            name = "wire"
            kind = "archive"
            location = "{folder / "in"}"
        """)
    )
    return config


@pytest.mark.e2e  # whole runs in subprocesses, one of them on a Dask cluster
@pytest.mark.parametrize(
    ("runner", "faults"),
    [
        (
            SERIAL,
            [
                ("extract:raise:sovereign", "extract", "InjectedFault", {"p1-0", "p1-1"}),
                ("clean:raise:Thugge", "clean", "InjectedFault", {"p0-1"}),
                ("analyse:raise:Antamina", "analyse", "InjectedFault", {"p0-3"}),
            ],
        ),
        (POOL, [("analyse:kill:coffee", "analyse", "WorkerDied", {"p0-2"})]),
        (
            DASK,
            [
                ("analyse:raise:Antamina", "analyse", "InjectedFault", {"p0-3"}),
                ("analyse:kill:coffee", "analyse", "WorkerDied", {"p0-2"}),
            ],
        ),
    ],
    ids=["exceptions-in-each-stage", "killed-pool-worker", "dask-exception-and-killed-worker"],
)
def test_a_run_with_failing_documents_loads_every_other_article(
    tmp_path, monkeypatch, runner, faults
):
    """Each fault rejects its document (or, in extract, the file holding it) and nothing else;
    the faults of one runner share a run."""
    monkeypatch.setenv(FAULT_VARIABLE, ";".join(fault for fault, *_ in faults))
    db = tmp_path / "w.duckdb"
    done = run(write_inputs(tmp_path, runner), db)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output
    for _, stage, error_class, _ in faults:
        assert f"{stage} failed: {error_class}" in done.stdout, output
    lost = set().union(*(gone for *_, gone in faults))
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = {row[0] for row in con.execute("select url from articles").fetchall()}
        ids = {row[0] for row in con.execute("select article_id from articles").fetchall()}
        rejected = con.execute(
            "select stage, error_class, error_message, raised_in from rejected_documents"
        ).fetchall()
        rows = con.execute("select count(distinct article_id) from mentions").fetchone()
    everything = {f"p{p}-{n}" for p, count in ((0, 4), (1, 2)) for n in range(count)}
    assert ids == {article_id_for(f"id:{key}") for key in everything - lost}
    assert loaded == {None}  # identified by id, not by URL
    assert rows == (len(everything - lost),)
    assert sorted((r[0], r[1]) for r in rejected) == sorted((f[1], f[2]) for f in faults)
    injected = [r for r in rejected if r[1] == "InjectedFault"]
    assert all(r[3] == "tests/faults.py:_act" for r in injected)
    if injected:
        log = next((db.parent / "logs").glob("*.log")).read_text()
        assert "Traceback" in log and "InjectedFault" in log


@pytest.mark.e2e  # real worker processes
def test_workers_that_cannot_start_stop_the_run_with_one_line(monkeypatch):
    from flows.limits import WorkersUnavailable

    monkeypatch.setenv("WIREHOUSE_SPACY_MODEL", "no_such_model_installed")
    with pytest.raises(WorkersUnavailable, match="no_such_model_installed"):
        list(transform_in_processes([articles()], "run", workers=2, chunk=3, seconds=1.0))


def test_the_same_article_twice_in_one_run_is_loaded_once_and_counted_unchanged():
    from flows.tasks import identify_task

    items = articles()
    again = articles()[2]  # the same story read from a second document
    plan = identify_task.fn([*items, again], None)
    assert [a.article_id for a in plan.distinct] == [a.article_id for a in items]
    assert plan.unchanged == [again]
