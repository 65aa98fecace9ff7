"""The report in the terminal: a headline, a sparkline and rich tables.

Every value goes in as a plain `Text`, never as console markup: a title such as
`[bold]x[/bold]` is shown as typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from flows.report.charts import sparkline
from flows.report.data import (
    RECENT_RUNS,
    Record,
    Warehouse,
    freshness,
    pass_rate,
    samples_by_expectation,
)
from flows.report.formats import (
    age,
    as_text,
    clip,
    describe_details,
    percent,
    row_fields,
    span,
    total,
)

# Columns a terminal narrower than WIDE_TERMINAL does without (the page always has them).
WIDE_TERMINAL = 120
OPTIONAL = frozenset({"command", "fetched", "unexpected", "sample", "article", "last new article"})


def print_summary(warehouse: Warehouse, console: Console) -> None:
    """The report as rich tables, one after another."""
    console.rule("Wirehouse data quality report")
    generated = as_text(warehouse.now).removesuffix(" UTC")
    console.print(
        Text(f"{warehouse.db_path} · generated {generated} · times in UTC"), soft_wrap=True
    )
    for line in headline(warehouse):
        console.print(Text(line))
    runs = warehouse.runs
    line = sparkline(runs)
    if line:
        console.print(Text(f"pass rate, last {min(len(runs), 60)} runs: {line}"))
    _print_runs(console, warehouse)
    _print_failures(console, warehouse)
    _print_quarantine(console, warehouse)
    _print_freshness(console, warehouse)
    _print_last_run(console, warehouse)
    _print_table(
        console,
        warehouse,
        "report_table_counts",
        "Rows per table",
        ["table", "rows"],
        [[t["table_name"], t["rows"]] for t in warehouse.records("report_table_counts")],
        "no tables",
    )


def headline(warehouse: Warehouse) -> list[str]:
    """The runs recorded and how the last one went."""
    last = warehouse.last_run
    if last is None:
        why = warehouse.unavailable("report_runs")
        return [f"No runs yet ({why})." if why else "No runs yet."]
    rate = pass_rate(last)
    checks = (
        f"{percent(rate)} of {last['evaluated']} expectations passed"
        if rate is not None
        else "no expectations evaluated"
    )
    return [
        f"{warehouse.total_runs} run(s); last run {last['run_id']}: {last['status']}, "
        f"started {as_text(last['started_at']).removesuffix(' UTC')}, {checks}"
    ]


def _print_runs(console: Console, warehouse: Warehouse) -> None:
    rows = [
        [
            r["run_id"],
            r["command"],
            r["status"],
            r["started_at"],
            percent(pass_rate(r)),
            r["fetched"],
            r["new"],
            r["quarantined"],
        ]
        for r in reversed(warehouse.runs[-10:])
    ]
    columns = ["run", "command", "status", "started", "pass rate", "fetched", "new", "quarantined"]
    _print_table(
        console,
        warehouse,
        "report_runs",
        "Recent runs (latest 10)",
        columns,
        rows,
        "no runs yet: `wirehouse run` loads the sample corpus",
    )


def _print_failures(console: Console, warehouse: Warehouse) -> None:
    samples = samples_by_expectation(warehouse.records("report_failure_samples"))
    rows = [
        [
            f["severity"],
            f["table_name"],
            f["expectation"],
            f"{f['failed_runs']} of {f['recent_runs']} runs",
            f["unexpected_count"],
            clip(describe_details(f["details"]), 120),
            _first_sample(samples, f),
        ]
        for f in warehouse.records("report_failures")[:15]
    ]
    columns = ["severity", "table", "expectation", "failed in", "unexpected", "what it saw"]
    _print_table(
        console,
        warehouse,
        "report_failures",
        f"Failing expectations (last {RECENT_RUNS} runs)",
        [*columns, "sample"],
        rows,
        "every expectation passed",
    )


def _print_quarantine(console: Console, warehouse: Warehouse) -> None:
    _print_table(
        console,
        warehouse,
        "report_quarantine",
        "Quarantine by table and reason",
        ["table", "reason", "rows"],
        [
            [q["table_name"], q["reason"] or "(all reasons)", q["rows"]]
            for q in warehouse.records("report_quarantine")
        ],
        "nothing quarantined",
    )
    rejected = warehouse.records("report_rejected")
    _print_table(
        console,
        warehouse,
        "report_rejected",
        f"Rejected documents (latest {min(len(rejected), 10)} of {total(rejected)})",
        ["source", "document", "reason", "when"],
        [[r["source_name"], r["origin"], r["reason"], r["rejected_at"]] for r in rejected[:10]],
        "no documents rejected",
    )


def _print_freshness(console: Console, warehouse: Warehouse) -> None:
    rows = [
        [
            f["source_name"],
            f["last_success_at"],
            age(f["age"]),
            f["status"],
            f["articles"],
            f["last_article_at"],
        ]
        for f in freshness(warehouse)
    ]
    _print_table(
        console,
        warehouse,
        "report_freshness",
        "Freshness per source",
        ["source", "last success", "age", "status", "articles", "last new article"],
        rows,
        "no source has run yet",
    )


def _print_last_run(console: Console, warehouse: Warehouse) -> None:
    last = warehouse.last_run
    run_note = f" of run {last['run_id']}" if last else ""
    events = [
        [
            e["event_type"],
            clip(as_text(e["summary"]), 80),
            span(e["date_start"], e["date_end"]),
            e["source_name"],
            clip(as_text(e["title"]), 60),
        ]
        for e in warehouse.records("report_last_events")[:5]
    ]
    _print_table(
        console,
        warehouse,
        "report_last_events",
        f"Newest events{run_note}",
        ["type", "summary", "date", "source", "article"],
        events,
        "the last run loaded no events" if last else "no runs yet",
    )
    metrics = [
        [
            clip(as_text(m["subject"]), 40),
            m["value"],
            m["unit"],
            m["period_label"],
            clip(as_text(m["text"]), 40),
            m["source_name"],
        ]
        for m in warehouse.records("report_last_metrics")[:5]
    ]
    _print_table(
        console,
        warehouse,
        "report_last_metrics",
        f"Newest metrics{run_note}",
        ["subject", "value", "unit", "period", "text", "source"],
        metrics,
        "the last run loaded no metrics" if last else "no runs yet",
    )


def _print_table(
    console: Console,
    warehouse: Warehouse,
    name: str,
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    empty: str,
) -> None:
    """One table, without the optional columns on a narrow terminal; or why it is empty."""
    why = warehouse.unavailable(name)
    if why or not rows:
        console.print(Text(f"{title}: {why or empty}", style="dim"))
        return
    keep = [i for i, c in enumerate(columns) if console.width >= WIDE_TERMINAL or c not in OPTIONAL]
    console.print(
        _rich_table(title, [columns[i] for i in keep], [[row[i] for i in keep] for row in rows])
    )


def _rich_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Table:
    table = Table(
        title=Text(title),
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for index, column in enumerate(columns):
        values = [row[index] for row in rows if row[index] is not None]
        if values and all(isinstance(v, int | float) for v in values):
            table.add_column(column, justify="right", no_wrap=True)
        elif column == "run":
            table.add_column(column, no_wrap=True)
        elif values and all(isinstance(v, datetime) for v in values):
            table.add_column(column, min_width=10, overflow="fold")  # wraps before the time
        else:
            table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(as_text(v).removesuffix(" UTC")) for v in row))
    return table


def _first_sample(samples: Mapping[tuple[str, str], list[Record]], failure: Record) -> str:
    rows = samples.get((failure["table_name"], failure["expectation"]))
    if not rows:
        return ""
    fields = row_fields(rows[0]["row"], failure["column_name"], limit=3)
    return clip(", ".join(f"{k}={v}" for k, v in fields), 100)
