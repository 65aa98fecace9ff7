"""The warehouse door: migrations, keyed loads in one transaction, locks, read-only queries."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime

import duckdb
import pandas as pd
import pytest

from warehouse import db

NOW = datetime(2025, 10, 1, tzinfo=UTC)


def article(article_id: str, body: str = "A body of text for the warehouse.") -> dict:
    return {
        "article_id": article_id,
        "url": None,
        "canonical_url": None,
        "source_name": "s",
        "wire_agency": "WAM",
        "source_chain": ["WAM"],
        "title": "t",
        "author": None,
        "dateline": None,
        "published_at": NOW,
        "published_date": NOW.date(),
        "language": "en",
        "body_text": body,
        "word_count": len(body.split()),
        "content_hash": "0" * 64,
        "duplicate_of": None,
        "first_seen_at": NOW,
        "run_id": "r1",
    }


def mention(article_id: str, start: int) -> dict:
    return {
        "article_id": article_id,
        "entity_id": "e1",
        "text": "A",
        "start_char": start,
        "end_char": start + 1,
        "sentence_index": 0,
        "run_id": "r1",
    }


def counts(path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "mentions", "entities")
        }


def test_migrations_are_recorded_and_applied_once(tmp_path):
    path = tmp_path / "w.duckdb"
    db.ensure_schema(path)
    db.ensure_schema(path)
    with duckdb.connect(str(path), read_only=True) as con:
        versions = [r[0] for r in con.execute("select version from schema_migrations").fetchall()]
        tables = {
            r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
        }
    assert versions == sorted(p.stem for p in db.MIGRATIONS.glob("*.sql"))
    assert {"articles", "metrics", "quotes", "etl_runs", "source_state", "quarantine"} <= tables


def test_reloading_an_article_replaces_its_rows_instead_of_adding(tmp_path):
    path = tmp_path / "w.duckdb"
    frames = {
        "articles": pd.DataFrame([article("a1")]),
        "mentions": pd.DataFrame([mention("a1", 0), mention("a1", 5)]),
        "entities": pd.DataFrame(
            [
                {
                    "entity_id": "e1",
                    "name": "A",
                    "entity_type": "ORG",
                    "country_code": None,
                    "aliases": ["AA"],
                    "run_id": "r1",
                }
            ]
        ),
    }
    db.load_batch(path, frames)
    frames["mentions"] = pd.DataFrame([mention("a1", 0)])
    frames["entities"] = pd.DataFrame(
        [
            {
                "entity_id": "e1",
                "name": "A Corp",
                "entity_type": "ORG",
                "country_code": "AE",
                "aliases": ["A"],
                "run_id": "r2",
            }
        ]
    )
    db.load_batch(path, frames)
    assert counts(path) == {"articles": 1, "mentions": 1, "entities": 1}
    entity = db.query(path, "select name, country_code, aliases from entities").rows[0]
    assert entity == ("A Corp", "AE", ["A", "AA"])


def test_a_failing_batch_leaves_nothing_behind(tmp_path):
    path = tmp_path / "w.duckdb"
    db.load_batch(path, {"articles": pd.DataFrame([article("a1")])})
    bad = pd.DataFrame([mention("a2", 0) | {"start_char": None}])  # NOT NULL violation
    with pytest.raises(duckdb.Error):
        db.load_batch(path, {"articles": pd.DataFrame([article("a2")]), "mentions": bad})
    assert counts(path) == {"articles": 1, "mentions": 0, "entities": 0}


def test_load_waits_for_a_lock_then_says_so(tmp_path):
    path = tmp_path / "w.duckdb"
    db.ensure_schema(path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(path)!r})
            print("holding", flush=True)
            sys.stdin.readline()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(db.WarehouseLocked, match="locked by another process"):
            db.load_batch(path, {"articles": pd.DataFrame([article("a1")])}, wait_seconds=0.5)
    finally:
        holder.communicate("\n", timeout=30)
    db.load_batch(path, {"articles": pd.DataFrame([article("a1")])}, wait_seconds=5)
    assert counts(path)["articles"] == 1


def test_sql_is_read_only(tmp_path):
    path = tmp_path / "w.duckdb"
    db.ensure_schema(path)
    with pytest.raises(db.QueryError, match="read-only"):
        db.query(path, "delete from articles")
    assert db.query(path, "select count(*) as n from articles").rows == [(0,)]


def test_query_on_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        db.query(tmp_path / "nope.duckdb", "select 1")


def test_an_article_that_loads_releases_its_earlier_quarantined_rows(tmp_path):
    from expectations.validate import quarantine_row

    path = tmp_path / "w.duckdb"
    bad = quarantine_row("r1", "metrics", {"article_id": "a1", "metric_id": "m1"}, ["x"], NOW)
    other = quarantine_row("r1", "metrics", {"article_id": "a2", "metric_id": "m9"}, ["x"], NOW)
    db.load_batch(
        path, {"articles": pd.DataFrame([article("a1")]), "quarantine": pd.DataFrame([bad, other])}
    )
    assert db.query(path, "select count(*) from quarantine").rows == [(2,)]
    db.load_batch(path, {"articles": pd.DataFrame([article("a1")])})  # fixed: nothing fails now
    left = db.query(path, "select json_extract_string(row, '$.article_id') from quarantine").rows
    assert left == [("a2",)]
