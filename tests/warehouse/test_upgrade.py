"""Schema life: a warehouse made by version 1 upgrades in place and keeps its data."""

from __future__ import annotations

import gzip
import shutil
from datetime import UTC, datetime

import duckdb

from tests.conftest import FIXTURES
from warehouse import db


def old_warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    with gzip.open(FIXTURES / "warehouse-v1.duckdb.gz") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def test_upgrading_a_version_1_file_applies_the_rest_and_keeps_the_data(tmp_path):
    path = old_warehouse(tmp_path)
    db.ensure_schema(path)
    with duckdb.connect(str(path), read_only=True) as con:
        versions = [
            r[0] for r in con.execute("select version from schema_migrations order by 1").fetchall()
        ]
        article = con.execute("select title, wire_agency from articles").fetchall()
        metric = con.execute("select subject, value, period_label from v_metrics").fetchall()
        results = con.execute("select run_id, batch_id, severity from dq_results").fetchall()
        raw = con.execute("select count(*) from raw_documents").fetchall()
    assert versions == sorted(p.stem for p in db.MIGRATIONS.glob("*.sql"))
    assert article == [("Old article", "WAM")]
    assert metric == [("non-oil trade", 8.0, "2025-H1")]
    assert results == [("run-v1", None, "fail")]
    assert raw == [(0,)]


def test_an_upgraded_file_takes_new_loads(tmp_path):
    path = old_warehouse(tmp_path)
    frame = db.run_record("run-v2", "run", datetime.now(UTC))
    db.load_batch(path, {"etl_runs": frame})
    runs = db.query(path, "select run_id from etl_runs order by run_id").rows
    assert runs == [("run-v1",), ("run-v2",)]
