"""Crash safety and lock contention: a run killed at any point, or a database held by another
process, loses and duplicates nothing; the next run loads exactly what was missing."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e  # runs the CLI in subprocesses, killing some of them mid-run

SNAPSHOT = {
    "articles": "article_id, canonical_url, title, content_hash, duplicate_of, body_text",
    "entities": "entity_id, name, entity_type, country_code, aliases, title, affiliation",
    "mentions": "article_id, entity_id, start_char, end_char",
    "time_expressions": "article_id, start_char, end_char, kind, value",
    "events": "event_id, event_type, date_start, date_end",
    "event_participants": "event_id, entity_id, role",
    "metrics": "metric_id, subject, value, unit, period_label",
    "quotes": "quote_id, speaker_name, text",
    "quarantine": "quarantine_id, table_name, reasons",
    "rejected_documents": "rejection_id, reason",
    "source_state": "source_name, etag, last_modified",
}


def write_config(folder: Path, lock_wait: float = 30) -> Path:
    config = folder / "wirehouse.toml"
    config.write_text(
        textwrap.dedent(f"""
            [settings]
            batch_size = 6
            lock_wait_seconds = {lock_wait}

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
    return config


def run(config: Path, db: Path, fault: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "WIREHOUSE_FAULT"}
    env["WIREHOUSE_FAULT_RECORD"] = str(db.parent / "faults.txt")
    if fault:
        # The crash hook is the tests' own observer, found through the project root.
        env["WIREHOUSE_FAULT"] = fault
        env["WIREHOUSE_OBSERVERS"] = "tests.faults:observe"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    out, err = db.parent / "stdout.txt", db.parent / "stderr.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        # A session of its own, so a crash takes the Prefect server it started down with it,
        # as a power cut would, and no orphan keeps the output pipes open.
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "wirehouse"),
                "run",
                "--config",
                str(config),
                "--db",
                str(db),
            ],
            stdout=stdout,
            stderr=stderr,
            text=True,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        try:
            code = process.wait(timeout=600)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
    return subprocess.CompletedProcess(process.args, code, out.read_text(), err.read_text())


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: sorted(
                map(tuple, con.execute(f"select {cols} from {table}").fetchall()), key=repr
            )
            for table, cols in SNAPSHOT.items()
        }


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reference")
    db = folder / "w.duckdb"
    done = run(write_config(folder), db)
    assert done.returncode in (0, 1), done.stderr
    rows = snapshot(db)
    assert len(rows["articles"]) >= 15 and rows["metrics"]
    return rows


@pytest.mark.parametrize(
    "fault", ["source-extracted:2", "batch-transformed:2", "batch-committing:2"]
)
def test_a_killed_run_leaves_the_warehouse_consistent_and_the_next_run_completes_it(
    tmp_path, reference, fault
):
    config, db = write_config(tmp_path), tmp_path / "w.duckdb"
    killed = run(config, db, fault)
    assert killed.returncode == -signal.SIGKILL
    if db.exists():
        partial = snapshot(db)
        # Whatever was committed is whole: every article that is in has all its rows.
        loaded = {row[0] for row in partial["articles"]}
        assert all(row[0] in loaded for row in partial["mentions"])
        assert set(partial["articles"]) <= set(reference["articles"])
    again = run(config, db)
    assert again.returncode in (0, 1), again.stderr
    assert snapshot(db) == reference


def test_a_locked_database_stages_the_batch_and_the_next_run_loads_it(tmp_path, reference):
    config, db = write_config(tmp_path, lock_wait=1), tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(db)!r})
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
        blocked = run(config, db)
    finally:
        holder.communicate("\n", timeout=30)
    assert blocked.returncode == 1, blocked.stderr
    lines = [line for line in blocked.stdout.splitlines() if "warehouse locked" in line]
    assert len(lines) == 1 and "staged under" in lines[0] and "next run" in lines[0]
    assert "Traceback" not in blocked.stdout + blocked.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        tables = {
            r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
        }
    assert "articles" not in tables  # nothing was written while it was held

    released = run(config, db)
    assert released.returncode in (0, 1), released.stderr
    assert "staged by an earlier run" in released.stdout
    assert snapshot(db) == reference
    assert not any((tmp_path / "staging").iterdir())


def test_an_io_error_while_loading_is_retried_by_the_load_task(tmp_path, reference):
    config, db = write_config(tmp_path), tmp_path / "w.duckdb"
    done = run(config, db, "batch-committing:oserror:1")
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "faults.txt").read_text().splitlines() == ["oserror at batch-committing"]
    assert "Traceback" not in done.stdout
    assert snapshot(db) == reference
