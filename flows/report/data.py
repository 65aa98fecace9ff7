"""What the report shows, read once from the warehouse, and what the numbers mean.

Every query is a file `warehouse/sql/report_*.sql`, asked through `warehouse.db`'s read-only
helpers. A warehouse that lacks a table (or predates a column) gets an empty state for the
parts that need it, not an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from expectations.batch import BatchConfig
from flows.report.formats import first_line, utc
from warehouse.db import MissingSchema, query, sql
from warehouse.tables import REPORTED

RECENT_RUNS = 20  # the failures query looks this far back (report_failures.sql)
TOP_SOURCES = 8  # the volume chart stacks these; the rest share one group
OTHER_SOURCES = "other sources"
ALL_TABLES = REPORTED
# Each query, and the tables it needs: a warehouse without them gets an empty state instead.
QUERIES: Mapping[str, tuple[str, ...]] = {
    "report_runs": ("etl_runs", "dq_results"),
    "report_failures": ("etl_runs", "dq_results"),
    "report_failure_samples": ("quarantine",),
    "report_quarantine": ("quarantine",),
    "report_rejected": ("rejected_documents",),
    "report_freshness": ("source_state", "articles"),
    "report_source_days": ("articles",),
    "report_last_events": ("etl_runs", "events", "articles"),
    "report_last_metrics": ("etl_runs", "metrics", "articles"),
    "report_table_counts": ALL_TABLES,
}

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Answer:
    """One report query's rows, or why it could not be asked."""

    records: list[Record]
    unavailable: str | None = None


@dataclass(frozen=True, slots=True)
class Warehouse:
    """Everything the report shows, read once."""

    db_path: Path
    now: datetime
    answers: Mapping[str, Answer]

    def records(self, name: str) -> list[Record]:
        return self.answers[name].records

    def unavailable(self, name: str) -> str | None:
        return self.answers[name].unavailable

    @property
    def runs(self) -> list[Record]:
        """Runs, oldest first."""
        return self.records("report_runs")

    @property
    def last_run(self) -> Record | None:
        return self.runs[-1] if self.runs else None

    @property
    def total_runs(self) -> int:
        """Every run recorded; `runs` holds the latest 500 of them."""
        return int(self.runs[-1]["total_runs"]) if self.runs else 0


def read_warehouse(db_path: Path, now: datetime) -> Warehouse:
    """Ask every report query; a missing table or column gives an empty state, not an error."""
    tables = {row[0] for row in query(db_path, sql("report_tables")).rows}
    answers: dict[str, Answer] = {}
    for name, needs in QUERIES.items():
        missing = [t for t in needs if t not in tables]
        if missing:
            answers[name] = Answer([], f"the warehouse has no {', '.join(missing)} table yet")
            continue
        try:
            result = query(db_path, sql(name))
        except MissingSchema as exc:
            answers[name] = Answer(
                [],
                f"the warehouse predates this report ({first_line(exc)}); "
                "the next `wirehouse run` upgrades it",
            )
            continue
        answers[name] = Answer([dict(zip(result.columns, row, strict=True)) for row in result.rows])
    return Warehouse(db_path, now, answers)


def pass_rate(run: Mapping[str, Any]) -> float | None:
    """Share of the run's evaluated expectations that passed; None when it evaluated none."""
    evaluated = int(run.get("evaluated") or 0)
    return int(run.get("passed") or 0) / evaluated if evaluated else None


def samples_by_expectation(records: Iterable[Record]) -> dict[tuple[str, str], list[Record]]:
    """Quarantined sample rows keyed by (table, expectation)."""
    out: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        out.setdefault((record["table_name"], record["reason"]), []).append(record)
    return out


def freshness(warehouse: Warehouse, config: BatchConfig | None = None) -> list[Record]:
    """Per source: last success, its age now, and fresh / stale / never against the batch config."""
    config = config or BatchConfig()
    rows = []
    for record in warehouse.records("report_freshness"):
        last = utc(record.get("last_success_at"))
        limit = config.max_age_for(record["source_name"])
        if last is None:
            age, status = None, "never"
        else:
            age = warehouse.now - last
            status = "fresh" if age <= timedelta(hours=limit) else "stale"
        rows.append(record | {"age": age, "status": status, "max_age_hours": limit})
    return rows


def table_rows(warehouse: Warehouse, table: str) -> int:
    """Rows in one table, from report_table_counts (0 when unknown)."""
    counts = warehouse.records("report_table_counts")
    return next((int(t["rows"]) for t in counts if t["table_name"] == table), 0)


def volume_series(records: Sequence[Record]) -> tuple[list[date], list[str], dict[date, Record]]:
    """Every calendar day of report_source_days, the source groups, and rows per day and group.

    The busiest TOP_SOURCES sources keep their names; the rest are stacked as "other sources".
    """
    if not records:
        return [], [], {}
    totals: dict[str, int] = {}
    for record in records:
        totals[record["source_name"]] = totals.get(record["source_name"], 0) + record["rows"]
    ranked = sorted(totals, key=lambda s: (-totals[s], s))
    # One colour for a single leftover source would hide its name for nothing.
    top = ranked if len(ranked) <= TOP_SOURCES + 1 else ranked[:TOP_SOURCES]
    groups = top + ([OTHER_SOURCES] if len(ranked) > len(top) else [])
    first = min(r["day"] for r in records)
    last = max(r["day"] for r in records)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    stacks: dict[date, Record] = {day: {} for day in days}
    for record in records:
        group = record["source_name"] if record["source_name"] in top else OTHER_SOURCES
        stack = stacks[record["day"]]
        stack[group] = stack.get(group, 0) + int(record["rows"])
    return days, groups, stacks
