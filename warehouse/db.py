"""The one door to DuckDB: migrations, keyed batch loads, run bookkeeping and read-only queries."""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

HERE = Path(__file__).parent
MIGRATIONS = HERE / "migrations"
SQL = HERE / "sql"
DEFAULT_DB = Path("warehouse") / "wirehouse.duckdb"

# Child tables are replaced per article; the order matters for the events/participants pair.
LOAD_ORDER = (
    "articles",
    "article_bands",
    "entities",
    "mentions",
    "time_expressions",
    "events",
    "event_participants",
    "metrics",
    "quotes",
    "quarantine",
    "rejected_documents",
    "dq_results",
)


class WarehouseLocked(RuntimeError):
    """Another process holds the database file."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def default_db_path() -> Path:
    """`$WIREHOUSE_DB`, else `warehouse/wirehouse.duckdb`."""
    return Path(os.environ.get("WIREHOUSE_DB") or DEFAULT_DB)


@cache
def sql(name: str) -> str:
    """The text of `warehouse/sql/NAME.sql`."""
    return (SQL / f"{name}.sql").read_text(encoding="utf-8")


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


@contextmanager
def connect(
    db_path: Path, *, read_only: bool = False, wait_seconds: float = 30.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the file, retrying with backoff while another process holds its lock."""
    if read_only and not db_path.exists():
        raise FileNotFoundError(f"no warehouse at {db_path}: run `wirehouse run` first")
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(db_path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if not _is_lock_error(exc):
                raise
            if time.monotonic() >= deadline:
                raise WarehouseLocked(
                    f"{db_path} is locked by another process (waited {wait_seconds:.0f} s)"
                ) from exc
            time.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 2.0)
    try:
        yield con
    finally:
        con.close()


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not yet recorded in `schema_migrations`, in order."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if path.stem in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?)", [path.stem, datetime.now(UTC)]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(path.stem)
    return applied


def ensure_schema(db_path: Path, wait_seconds: float = 30.0) -> None:
    """Create or upgrade the warehouse file."""
    with connect(db_path, wait_seconds=wait_seconds) as con:
        migrate(con)


def start_run(db_path: Path, run_id: str, command: str, wait_seconds: float = 30.0) -> None:
    with connect(db_path, wait_seconds=wait_seconds) as con:
        migrate(con)
        con.execute(
            sql("start_run"),
            {"run_id": run_id, "started_at": datetime.now(UTC), "command": command},
        )


def finish_run(
    db_path: Path,
    run_id: str,
    status: str,
    counts: Mapping[str, int],
    details: Mapping[str, Any],
    wait_seconds: float = 30.0,
) -> None:
    with connect(db_path, wait_seconds=wait_seconds) as con:
        con.execute(
            sql("finish_run"),
            {
                "run_id": run_id,
                "finished_at": datetime.now(UTC),
                "status": status,
                "fetched": counts.get("fetched", 0),
                "new": counts.get("new", 0),
                "duplicate": counts.get("duplicate", 0),
                "quarantined": counts.get("quarantined", 0),
                "failed": counts.get("failed", 0),
                "loaded_rows": counts.get("loaded_rows", 0),
                "details": json.dumps(details, default=str),
            },
        )


def load_batch(
    db_path: Path,
    frames: Mapping[str, pd.DataFrame],
    source_state: pd.DataFrame | None = None,
    wait_seconds: float = 30.0,
) -> int:
    """Load one batch in one transaction; derived rows of its articles are replaced, not added.

    Returns the number of rows written. On any error nothing of the batch is kept.
    """
    written = 0
    with connect(db_path, wait_seconds=wait_seconds) as con:
        migrate(con)
        con.execute("BEGIN TRANSACTION")
        try:
            # Every load statement refers to batch_articles, so it must exist even when empty.
            for table in LOAD_ORDER:
                frame = frames.get(table)
                if frame is None or len(frame.columns) == 0:
                    frame = _empty_like(con, table)
                con.register(f"batch_{table}", frame)
            for table in LOAD_ORDER:
                frame = frames.get(table)
                if frame is None or frame.empty:
                    continue
                con.execute(sql(f"load_{table}"))
                written += len(frame)
            if source_state is not None and not source_state.empty:
                con.register("batch_source_state", source_state)
                con.execute(sql("save_source_state"))
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        finally:
            for table in LOAD_ORDER:
                con.unregister(f"batch_{table}")
    return written


def _empty_like(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    return con.execute(f"SELECT * FROM {table} LIMIT 0").df()


def lookup(db_path: Path, name: str, frames: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Run the read-only lookup `sql/NAME.sql` with the given frames registered by name."""
    if not db_path.exists() or any(frame.empty for frame in frames.values()):
        return pd.DataFrame()
    with connect(db_path, read_only=True) as con:
        if not _has_table(con, "articles"):
            return pd.DataFrame()
        for key, frame in frames.items():
            con.register(key, frame)
        return con.execute(sql(name)).df()


def _has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    rows = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
    ).fetchall()
    return bool(rows and rows[0][0])


def source_states(db_path: Path) -> dict[str, dict[str, Any]]:
    """Cursor and validators per source, keyed by source name."""
    if not db_path.exists():
        return {}
    with connect(db_path, read_only=True) as con:
        if not _has_table(con, "source_state"):
            return {}
        frame = con.execute(sql("source_states")).df()
    return {str(r["source_name"]): dict(r) for r in frame.to_dict(orient="records")}


def query(db_path: Path, text: str) -> QueryResult:
    """Answer one ad-hoc query on a read-only connection."""
    with connect(db_path, read_only=True) as con:
        cursor = con.execute(text)
        columns = [d[0] for d in cursor.description or []]
        return QueryResult(columns, cursor.fetchall())
