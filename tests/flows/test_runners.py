"""The same batches give identical rows in one process, in a process pool, and on Dask."""

from __future__ import annotations

import sys
import textwrap

import pandas as pd
import pytest

from flows.cli import main
from flows.workers import EarlyPool
from tests.conftest import ROOT
from tests.flows.test_crash_safety import run, snapshot


def config(folder, settings: str):
    path = folder / "wirehouse.toml"
    path.write_text(
        textwrap.dedent(f"""
            [settings]
            batch_size = 8
            transform_chunk = 3
            transform_pool_min_articles = 0
            {settings}

            [[sources]]
            name = "scraped"
            kind = "archive"
            location = "{ROOT / "sample" / "scraped"}"

            [[sources]]
            name = "archive"
            kind = "archive"
            location = "{ROOT / "sample" / "archive"}"
        """)
    )
    return path


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serial")
    done = run(config(folder, "transform_workers = 1"), folder / "w.duckdb")
    assert done.returncode in (0, 1), done.stderr
    return snapshot(folder / "w.duckdb")


@pytest.mark.e2e  # whole runs in subprocesses, one of them on a Dask cluster
@pytest.mark.parametrize(
    "settings",
    ["transform_workers = 2", 'task_runner = "dask"\ndask_workers = 2'],
    ids=["process-pool", "dask-local-cluster"],
)
def test_parallel_runners_give_identical_rows(tmp_path, serial, settings):
    done = run(config(tmp_path, settings), tmp_path / "w.duckdb")
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert snapshot(tmp_path / "w.duckdb") == serial
    assert len(serial["articles"]) > 16  # more than two batches' worth, each of several chunks


@pytest.mark.parametrize("command", ["run", "serve"])
def test_dask_without_its_extra_is_a_one_line_error(tmp_path, monkeypatch, capsys, command):
    monkeypatch.setitem(sys.modules, "prefect_dask", None)  # as if it were not installed
    path = config(tmp_path, 'task_runner = "dask"')
    assert main([command, "--config", str(path), "--db", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'wirehouse[dask]'" in err
    assert not (tmp_path / "w.duckdb").exists()


def test_chunks_of_a_batch_combine_as_one_analysis():
    from flows.workers import combine_chunks

    def entity(entity_id, aliases, country, title=None, affiliation=None):
        return {"entity_id": entity_id, "name": entity_id, "aliases": aliases,
                "country_code": country, "title": title, "affiliation": affiliation,
                "affiliation_entity_id": affiliation and f"id-{affiliation}"}  # fmt: skip

    first = {
        "entities": pd.DataFrame(
            [entity("e1", ["A"], None, "Minister", "Ministry"), entity("e2", [], "AE")]
        ),
        "metrics": pd.DataFrame({"metric_id": ["m1"]}),
    }
    second = {
        "entities": pd.DataFrame([entity("e1", ["B", "A"], "CN", "Premier", None)]),
        "metrics": pd.DataFrame({"metric_id": ["m2", "m3"]}),
        "quotes": pd.DataFrame(),
    }
    combined = combine_chunks([first, second])
    entities = combined["entities"].astype(object)
    assert entities.where(entities.notna(), None).to_dict("records") == [
        entity("e1", ["A", "B"], "CN", "Premier", "Ministry"),
        entity("e2", [], "AE"),
    ]
    assert list(combined["metrics"]["metric_id"]) == ["m1", "m2", "m3"]
    assert combined["quotes"].empty
    assert combine_chunks([]) == {}


@pytest.mark.e2e  # starts two worker processes that load spaCy
def test_early_pool_starts_once_enough_is_extracted_and_closes():
    early = EarlyPool(workers=2, seconds=5.0, threshold=3)
    early.saw(2)
    assert early.pool is None  # too few articles yet: a small run analyses in its own process
    early.saw(3)
    pool = early.pool
    assert pool is not None and len(pool.workers) == 2
    processes = [w.process for w in pool.workers]
    assert all(p.is_alive() for p in processes)
    early.saw(40)
    assert early.pool is pool  # started once
    early.close()
    assert early.pool is None
    assert not any(p.is_alive() for p in processes)


@pytest.mark.parametrize(("workers", "extracted"), [(1, 500), (0, 500), (2, 0)])
def test_early_pool_is_not_started_without_workers_or_articles(workers, extracted):
    early = EarlyPool(workers=workers, seconds=5.0, threshold=0)
    early.saw(extracted)
    assert early.pool is None
