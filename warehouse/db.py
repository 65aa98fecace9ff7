"""The one door to DuckDB: migrations, keyed batch loads, run bookkeeping and read-only queries."""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from warehouse.tables import LOAD_ORDER

HERE = Path(__file__).parent
MIGRATIONS = HERE / "migrations"
VIEWS = HERE / "views"
SQL = HERE / "sql"
DEFAULT_DB = Path("warehouse") / "wirehouse.duckdb"


class WarehouseError(RuntimeError):
    """A problem with the warehouse file; the rest of the code catches these, never DuckDB's."""


class WarehouseLocked(WarehouseError):
    """Another process holds the database file."""


class QueryError(WarehouseError):
    """A query the warehouse could not answer; the message is DuckDB's first line."""


class MissingSchema(QueryError):
    """A query names a table or column this warehouse does not have (yet)."""


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
                raise WarehouseError(f"cannot open {db_path}: {_first_line(exc)}") from exc
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
    create_views(con)  # cheap, and keeps views in step with the installed version
    return applied


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the analyst views from `warehouse/views/*.sql`, in name order."""
    for path in sorted(VIEWS.glob("*.sql"), key=_view_order):
        con.execute(path.read_text(encoding="utf-8"))


def _view_order(path: Path) -> tuple[int, str]:
    # v_metric_series reads v_metrics, so it comes after it.
    return (1 if path.stem == "v_metric_series" else 0, path.stem)


def ensure_schema(db_path: Path, wait_seconds: float = 30.0) -> None:
    """Create or upgrade the warehouse file."""
    with connect(db_path, wait_seconds=wait_seconds) as con:
        migrate(con)


def run_record(
    run_id: str,
    command: str,
    started_at: datetime,
    status: str = "running",
    counts: Mapping[str, int] | None = None,
    details: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """The `etl_runs` row of a run, as a frame to load with a batch."""
    finished = status != "running"
    counts = counts or {}
    keys = ("fetched", "new", "duplicate", "quarantined", "failed", "loaded_rows")
    row: dict[str, Any] = {
        "run_id": run_id,
        "started_at": started_at,
        "finished_at": datetime.now(UTC) if finished else None,
        "status": status,
        "command": command,
        **{key: int(counts.get(key, 0)) if finished else None for key in keys},
        "details": json.dumps(details, default=str) if details is not None else None,
    }
    return pd.DataFrame([row]).astype({"finished_at": "datetime64[us, UTC]"})


def load_batch(
    db_path: Path,
    frames: Mapping[str, pd.DataFrame],
    wait_seconds: float = 30.0,
    before_commit: Callable[[], None] | None = None,
) -> int:
    """Load one batch in one transaction; derived rows of its articles are replaced, not added.

    Every table's load is keyed, so loading the same batch twice leaves one copy. Returns the
    number of rows written. On any error (or a kill) nothing of the batch is kept.
    """
    written = 0
    with connect(db_path, wait_seconds=wait_seconds) as con:
        migrate(con)
        con.execute("BEGIN TRANSACTION")
        try:
            # Every load statement may refer to batch_articles, so all frames are registered.
            for table in LOAD_ORDER:
                frame = frames.get(table)
                if frame is None or len(frame.columns) == 0:
                    frame = _empty_like(con, table)
                con.register(f"batch_{table}", frame)
            has_articles = frames.get("articles") is not None and not frames["articles"].empty
            for table in LOAD_ORDER:
                frame = frames.get(table)
                empty = frame is None or frame.empty
                # Quarantine also runs for articles alone: loading an article releases its rows.
                if empty and not (table == "quarantine" and has_articles):
                    continue
                con.execute(sql(f"load_{table}"))
                written += 0 if frame is None else len(frame)
            if before_commit is not None:
                before_commit()
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            for table in LOAD_ORDER:
                con.unregister(f"batch_{table}")
    return written


_EMPTY: dict[str, pd.DataFrame] = {}  # per table, once migrated: the schema is the code's


def _empty_like(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    """An empty frame with the table's columns (a query and a DataFrame each: 16 ms, and a
    run's bookkeeping writes register every table each time)."""
    if table not in _EMPTY:
        _EMPTY[table] = con.execute(f"SELECT * FROM {table} LIMIT 0").df()  # LOAD_ORDER names
    return _EMPTY[table]


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


def is_locked(db_path: Path) -> bool:
    """Whether another process holds the file right now (no waiting)."""
    return not readable(db_path, 0.0)


def readable(db_path: Path, wait_seconds: float) -> bool:
    """Whether the file can be opened for reading now (waiting up to `wait_seconds`)."""
    if not db_path.exists():
        return True
    try:
        with connect(db_path, read_only=True, wait_seconds=wait_seconds):
            return True
    except WarehouseLocked:
        return False


def source_states(db_path: Path) -> dict[str, dict[str, Any]]:
    """Cursor and validators per source, keyed by source name."""
    if not db_path.exists():
        return {}
    with connect(db_path, read_only=True) as con:
        if not _has_table(con, "source_state"):
            return {}
        frame = con.execute(sql("source_states")).df()
    return {str(r["source_name"]): dict(r) for r in frame.to_dict(orient="records")}


def read_frame(db_path: Path, name: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """The result of the read-only query `sql/NAME.sql` as a DataFrame."""
    with connect(db_path, read_only=True) as con:
        return con.execute(sql(name), dict(params or {})).df()


def query(db_path: Path, text: str) -> QueryResult:
    """Answer one ad-hoc query on a read-only connection; QueryError when it cannot."""
    try:
        with connect(db_path, read_only=True) as con:
            cursor = con.execute(text)
            columns = [d[0] for d in cursor.description or []]
            return QueryResult(columns, cursor.fetchall())
    except (duckdb.CatalogException, duckdb.BinderException) as exc:
        raise MissingSchema(_first_line(exc)) from exc
    except duckdb.Error as exc:
        raise QueryError(_first_line(exc)) from exc


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
