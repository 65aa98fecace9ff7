"""The warm transform workers `wirehouse serve` keeps between runs (flows/warm.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from multiprocessing.connection import Client

import pandas as pd
import pytest

from expectations.validate import validate_batch
from flows import warm
from flows.tasks import validate_task
from flows.warm import WarmTransforms, WarmUnavailable, transform_warm, validate_warm
from transforms.articles import build_article
from transforms.batch import FAILURES, article_rows, signatures_of
from transforms.model import Document
from transforms.pipeline import analyse, load_nlp

pytestmark = pytest.mark.e2e  # real worker processes, each loading spaCy

STORIES = [
    "QUITO, March 2 (EFE) -- Ecuador's banana exports rose 7.2 percent to 6.1 million boxes in "
    "February, the trade ministry said on Monday.",
    "TBILISI, March 3 (AP) -- Georgia's parliament approved a 2.4 billion lari road programme on "
    "Tuesday after a debate that lasted nine hours.",
    "DAKAR, March 4 (APS) -- Senegal's gas field began shipping its first cargo of 170,000 cubic "
    "metres on Wednesday, the energy minister said.",
]


def stories(run: str) -> list:
    docs = [
        Document(id=f"{run}-{n}", title=f"Story {n}", body=body, published="2025-03-05")
        for n, body in enumerate(STORIES)
    ]
    return [build_article(d, "wire", date(2025, 3, 5)) for d in docs]


@pytest.fixture
def service(monkeypatch):
    started = WarmTransforms(workers=1, seconds=5.0)
    for name, value in started.environment().items():
        monkeypatch.setenv(name, value)
    yield started
    started.close()


def metric_rows(frames_list):
    return sorted(
        (row["article_id"], row["text"], row["value"], row["unit"])
        for frames in frames_list
        for row in frames["metrics"].to_dict("records")
    )


def test_runs_share_the_warm_workers_and_get_what_a_local_analysis_gives(service, nlp):
    assert warm.available()
    first = list(transform_warm([stories("a")[:2], stories("a")[2:]], "run-a", 2))
    pids = [w.process.pid for w in service.pool.workers]
    second = list(transform_warm([stories("b")], "run-b", 2))
    assert [w.process.pid for w in service.pool.workers] == pids  # no worker started again
    assert service.served == 2 and len(first) == 2 and len(second) == 1
    local = analyse(stories("b"), nlp, "run-b")
    assert metric_rows(second) == metric_rows([local]) and metric_rows(second)
    assert set(second[0]["metrics"]["article_id"]) <= {a.article_id for a in stories("b")}


def test_a_run_that_goes_away_midway_leaves_nothing_for_the_next(service):
    conn = Client(
        service.address, family="AF_UNIX", authkey=service.key
    )  # a run that reads one batch of three and dies
    conn.send(("transform", "run-gone", [stories("g")[:1], stories("g")[1:2], stories("g")[2:]], 1))
    kind, _ = conn.recv()
    assert kind == "batch"
    conn.close()
    after = list(transform_warm([stories("c")], "run-c", 3))
    ids = {a.article_id for a in stories("c")}
    # Every story of this run is there (each names a place), and nothing of the one that left.
    assert set(after[0]["mentions"]["article_id"]) == ids
    assert set(after[0]["metrics"]["run_id"]) == {"run-c"}


def test_without_a_reachable_service_the_run_is_told_before_any_batch(tmp_path, monkeypatch):
    monkeypatch.setenv(warm.ADDRESS, str(tmp_path / "nowhere.sock"))
    monkeypatch.setenv(warm.KEY, "00" * 32)
    with pytest.raises(WarmUnavailable, match="unreachable"):
        next(transform_warm([stories("d")], "run-d", 2))


def test_a_caller_without_the_key_is_refused(service, monkeypatch):
    monkeypatch.setenv(warm.KEY, "11" * 32)
    with pytest.raises(WarmUnavailable):
        next(transform_warm([stories("e")], "run-e", 2))
    assert service.served == 0


def batch_frames(articles, run_id):
    frames = analyse(articles, load_nlp(), run_id)
    rows, _ = article_rows(articles, signatures_of(articles), {}, run_id, datetime.now(UTC))
    return {"articles": rows, **{k: v for k, v in frames.items() if k != FAILURES}}


def same_validation(one, other):
    assert sorted(one.good) == sorted(other.good)
    for table, frame in one.good.items():
        pd.testing.assert_frame_equal(frame, other.good[table])
    assert len(one.quarantine) == len(other.quarantine)
    columns = ["table_name", "expectation", "success", "unexpected_count"]
    pd.testing.assert_frame_equal(one.results[columns], other.results[columns])


def test_a_batch_validated_by_the_service_is_what_validating_here_gives(service):
    frames = batch_frames(stories("v"), "run-v")
    frames["articles"].loc[0, "published_at"] = pd.Timestamp("1690-01-01", tz="UTC")  # too early
    served = validate_warm(frames, "run-v", set(), "1700-01-01", 2)
    here = validate_batch(frames, "run-v", set(), earliest_published="1700-01-01")
    same_validation(served, here)
    assert len(served.quarantine) >= 1 and len(served.good["articles"]) == 2
    assert service.validated == 1


def test_a_run_validates_batch_k_while_its_next_batch_is_analysed(service):
    batches = transform_warm([stories("k")[:1], stories("k")[1:]], "run-k", 1)
    first = next(batches)  # the second batch is still with the workers: its connection is open
    frames = {"articles": batch_frames(stories("k")[:1], "run-k")["articles"], **first}
    validated = validate_warm(frames, "run-k", set(), "1700-01-01", 2)
    assert len(validated.good["articles"]) == 1 and service.validated == 1
    assert len(list(batches)) == 1 and service.served == 1


def test_without_the_service_the_task_validates_the_batch_itself(tmp_path, monkeypatch):
    monkeypatch.setenv(warm.ADDRESS, str(tmp_path / "nowhere.sock"))
    monkeypatch.setenv(warm.KEY, "00" * 32)
    frames = batch_frames(stories("w"), "run-w")
    with pytest.raises(WarmUnavailable, match="unreachable"):
        validate_warm(frames, "run-w", set(), "1700-01-01", 2)
    same_validation(
        validate_task.fn(frames, "run-w", set()), validate_batch(frames, "run-w", set())
    )
