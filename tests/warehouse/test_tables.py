"""The table registry matches the migrations, the suites and the report's counting query."""

from __future__ import annotations

import duckdb
import pytest

from expectations.validate import SUITES
from warehouse import db
from warehouse.tables import LOAD_ORDER, REPORTED, TABLES, VALIDATED


@pytest.fixture(scope="module")
def migrated_tables(tmp_path_factory):
    path = tmp_path_factory.mktemp("tables") / "w.duckdb"
    db.ensure_schema(path)
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            "select table_name from information_schema.tables where table_type = 'BASE TABLE'"
        ).fetchall()
    return {name for (name,) in rows} - {"schema_migrations"}


def test_every_migrated_table_is_registered_and_every_registered_table_exists(migrated_tables):
    assert set(LOAD_ORDER) == migrated_tables
    assert len(LOAD_ORDER) == len(set(LOAD_ORDER))


def test_every_validated_table_has_its_suite():
    assert {p.stem for p in SUITES.glob("*.json")} == set(VALIDATED)


def test_the_report_counts_every_reported_table():
    counted = db.sql("report_table_counts")
    for table in REPORTED:
        assert f"FROM {table}" in counted, table


def test_events_load_before_their_participants_and_runs_first():
    names = [t.name for t in TABLES]
    assert names[0] == "etl_runs"
    assert names.index("events") < names.index("event_participants")
    assert names.index("articles") < names.index("mentions")


def test_query_errors_are_the_warehouse_s_own(tmp_path):
    path = tmp_path / "w.duckdb"
    db.ensure_schema(path)
    with pytest.raises(db.MissingSchema):
        db.query(path, "select * from no_such_table")
    with pytest.raises(db.QueryError):
        db.query(path, "select 1 +")
