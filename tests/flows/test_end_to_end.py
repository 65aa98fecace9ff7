"""The CLI in a subprocess, on the sample corpus and on single files, into temporary warehouses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.e2e  # every test runs the pipeline, most through the CLI in a subprocess

CONTRACT_COLUMNS = {
    "articles": "article_id url canonical_url source_name wire_agency source_chain title author "
    "dateline published_at published_date language body_text word_count content_hash "
    "duplicate_of first_seen_at run_id",
    "entities": "entity_id name entity_type country_code aliases",
    "mentions": "article_id entity_id text start_char end_char sentence_index",
    "time_expressions": "article_id text start_char end_char kind value range_start range_end",
    "events": "event_id article_id event_type summary trigger date_start date_end date_precision "
    "location_entity_id country_code sentence start_char end_char confidence",
    "event_participants": "event_id entity_id role",
    "metrics": "metric_id article_id subject value unit qualifier measure direction period_start "
    "period_end period_label compared_with geography attributed_to_entity_id text start_char "
    "end_char sentence",
    "quotes": "quote_id article_id speaker_entity_id speaker_name text verb start_char end_char",
    "etl_runs": "run_id started_at finished_at status",
    "source_state": "source_name last_success_at etag last_modified cursor",
    "dq_results": "run_id table_name expectation success unexpected_count details",
    "quarantine": "run_id table_name row reasons",
}
# Columns that may be NULL in every row of the sample corpus (filled only by some inputs).
MAY_BE_EMPTY = {
    ("articles", "duplicate_of"),
    ("source_state", "etag"),
    ("source_state", "last_modified"),
    ("source_state", "cursor"),
    ("quarantine", "run_id"),
    ("quarantine", "table_name"),
    ("quarantine", "row"),
    ("quarantine", "reasons"),
    ("metrics", "compared_with"),
    ("metrics", "attributed_to_entity_id"),
}
KEYS = {
    "articles": ["article_id"],
    "entities": ["entity_id"],
    "mentions": ["article_id", "start_char", "end_char", "entity_id"],
    "time_expressions": ["article_id", "start_char", "end_char"],
    "events": ["event_id"],
    "event_participants": ["event_id", "entity_id", "role"],
    "metrics": ["metric_id"],
    "quotes": ["quote_id"],
    "quarantine": ["quarantine_id"],
    "rejected_documents": ["rejection_id"],
    "article_bands": ["article_id", "band"],
}


def wirehouse(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "wirehouse"), *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def sample_runs(tmp_path_factory):
    db = tmp_path_factory.mktemp("sample") / "w.duckdb"
    first = wirehouse("run", "--db", str(db))
    second = wirehouse("run", "--db", str(db))
    return db, first, second


def test_run_prints_a_line_per_source_and_no_traceback(sample_runs):
    _, first, _ = sample_runs
    assert first.returncode == 1, first.stderr  # the sample has broken documents on purpose
    lines = [line for line in first.stdout.splitlines() if line.startswith("sample-")]
    assert len(lines) == 6
    for line in lines:
        for word in ("fetched", "new", "duplicate", "quarantined", "failed"):
            assert word in line
    for stream in (first.stdout, first.stderr):
        assert "Traceback" not in stream
        assert " ERROR " not in stream and "| ERROR" not in stream


def test_every_contract_table_and_column_exists_and_is_filled(sample_runs):
    db, _, _ = sample_runs
    with duckdb.connect(str(db), read_only=True) as con:
        for table, columns in CONTRACT_COLUMNS.items():
            present = {
                r[0]
                for r in con.execute(
                    "select column_name from information_schema.columns where table_name = ?",
                    [table],
                ).fetchall()
            }
            for column in columns.split():
                assert column in present, f"{table}.{column} missing"
                filled = con.execute(f"select count({column}) from {table}").fetchone()[0]
                if (table, column) not in MAY_BE_EMPTY:
                    assert filled > 0, f"{table}.{column} is never filled"


def test_second_run_adds_nothing(sample_runs):
    db, _, second = sample_runs
    assert "new 0" in second.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        for table, key in KEYS.items():
            total = con.execute(f"select count(*) from {table}").fetchone()[0]
            distinct = con.execute(
                f"select count(*) from (select distinct {', '.join(key)} from {table})"
            ).fetchone()[0]
            assert total == distinct, table
        runs = con.execute("select count(*) from etl_runs where status <> 'running'").fetchone()[0]
    assert runs == 2


def test_syndicated_copies_are_linked_not_analysed_twice(sample_runs):
    db, _, _ = sample_runs
    with duckdb.connect(str(db), read_only=True) as con:
        copies = con.execute(
            "select count(*) from articles where duplicate_of is not null"
        ).fetchone()[0]
        analysed = con.execute(
            "select count(*) from mentions m join articles a using (article_id) "
            "where a.duplicate_of is not null"
        ).fetchone()[0]
    assert copies >= 3
    assert analysed == 0


def test_sql_answers_read_only_queries_in_every_format(sample_runs):
    db, _, _ = sample_runs
    table = wirehouse("sql", "select count(*) as n from metrics", "--db", str(db))
    assert table.returncode == 0
    as_json = wirehouse(
        "sql", "select count(*) as n from metrics", "--db", str(db), "--format", "json"
    )
    assert json.loads(as_json.stdout)[0]["n"] > 0
    as_csv = wirehouse("sql", "select 1 as a, 2 as b", "--db", str(db), "--format", "csv")
    assert as_csv.stdout.splitlines() == ["a,b", "1,2"]
    refused = wirehouse("sql", "drop table metrics", "--db", str(db))
    assert refused.returncode == 2
    assert "read-only" in refused.stderr and "Traceback" not in refused.stderr


def test_ingest_one_scraped_page(tmp_path):
    db = tmp_path / "x.duckdb"
    done = wirehouse("ingest", str(FIXTURES / "scraped-desalination.txt"), "--db", str(db))
    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "select title, author, published_date, dateline, wire_agency, source_chain "
            "from articles"
        ).fetchall()
    assert row == [
        (
            "UAE Opens Largest Solar-Powered Desalination Plant In Region",
            "Sara Al Hashimi",
            __import__("datetime").date(2025, 10, 5),
            "RAS AL KHAIMAH",
            "WAM",
            ["UrduPoint", "Pakistan Point News", "WAM"],
        )
    ]


def test_bad_usage_is_one_line_and_exit_2(tmp_path):
    missing = wirehouse("ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.duckdb"))
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "no such file" in missing.stderr
    config = tmp_path / "bad.toml"
    config.write_text('[[sources]]\nname = "x"\nkind = "carrier-pigeon"\nlocation = "y"\n')
    bad = wirehouse("run", "--config", str(config), "--db", str(tmp_path / "x.duckdb"))
    assert bad.returncode == 2 and "carrier-pigeon" in bad.stderr and "Traceback" not in bad.stderr


def readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Ad-hoc SQL", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0].strip() for block in section.split("```sql")[1:]]


def test_readme_has_five_example_queries():
    assert len(readme_queries()) == 5


@pytest.mark.parametrize("index", range(5))
def test_readme_example_queries_answer_on_the_sample(sample_runs, index):
    db, _, _ = sample_runs
    done = wirehouse("sql", readme_queries()[index], "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) > 0


def test_export_writes_hive_partitioned_parquet(sample_runs, tmp_path):
    db, _, _ = sample_runs
    out = tmp_path / "export"
    done = wirehouse("export", "--format", "parquet", "--db", str(db), "--out", str(out))
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("articles", "metrics", "mentions", "events"):
            stored = con.execute(f"select count(*) from {table}").fetchone()[0]
            exported = con.execute(
                f"select count(*), count(distinct published_date) from read_parquet("
                f"'{out / table}/*/*.parquet', hive_partitioning = true)"
            ).fetchone()
            assert exported[0] == stored, table
            assert exported[1] > 1
    assert any(p.name.startswith("published_date=") for p in (out / "metrics").iterdir())


def test_a_run_publishes_prefect_artifacts(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.config import Settings, sources_for_targets
    from flows.ingest import ingest

    summary = ingest(
        sources_for_targets([str(FIXTURES / "scraped-desalination.txt")]),
        str(tmp_path / "w.duckdb"),
        Settings(),
    )
    assert summary.sources[0].new == 1
    with get_client(sync_client=True) as client:
        markdown = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["wirehouse-run-summary"]))
        )
        table = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["wirehouse-run-sources"]))
        )
    assert any(summary.run_id in str(a.data) for a in markdown)
    assert table and "scraped-desalination.txt" in str(table[-1].data)


def test_a_relative_database_path_with_data_docs(tmp_path):
    config = tmp_path / "wirehouse.toml"
    config.write_text(
        '[settings]\ndata_docs_dir = "docs"\n\n[[sources]]\nname = "scraped"\nkind = "archive"\n'
        f'location = "{FIXTURES / "scraped-desalination.txt"}"\n'
    )
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "wirehouse"),
            "run",
            "--config",
            str(config),
            "--db",
            "data/w.duckdb",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "data" / "docs" / "index.html").exists()
    assert (tmp_path / "data" / "raw").is_dir()
