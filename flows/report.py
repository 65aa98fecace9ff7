"""`wirehouse report`: the warehouse's data quality in the terminal and as one HTML page.

The page is self-contained: inline CSS and SVG charts drawn here, and no script, font, image or
stylesheet from anywhere else (its Content-Security-Policy forbids them), so it opens offline and
can be archived or mailed as one file. Every value read from the warehouse is escaped, in the page
and in the terminal alike: titles, bodies and URLs come from the articles, not from us.
"""

from __future__ import annotations

import html
import json
import math
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from expectations.batch import BatchConfig
from warehouse.db import WarehouseLocked, query, sql

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

EXIT_OK, EXIT_BUSY, EXIT_USAGE = 0, 1, 2
RECENT_RUNS = 20  # the failures query looks this far back (report_failures.sql)
TOP_SOURCES = 8  # the volume chart stacks these; the rest share one colour
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#b07aa1",
    "#edc948",
    "#ff9da7",
    "#9c755f",
)
OTHER_COLOUR = "#bab0ac"
SPARKS = "▁▂▃▄▅▆▇█"
# Columns a terminal narrower than WIDE_TERMINAL does without (the page always has them).
WIDE_TERMINAL = 120
OPTIONAL = frozenset({"command", "fetched", "unexpected", "sample", "article", "last new article"})
ROW_KEYS = (
    "article_id",
    "event_id",
    "metric_id",
    "quote_id",
    "entity_id",
    "title",
    "name",
    "text",
    "value",
    "unit",
    "url",
)
ALL_TABLES = (
    "articles",
    "entities",
    "mentions",
    "time_expressions",
    "events",
    "event_participants",
    "metrics",
    "quotes",
    "quarantine",
    "rejected_documents",
)
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


def report(
    db_path: Path,
    out_dir: Path,
    *,
    console: Console | None = None,
    now: datetime | None = None,
    data_docs: Path | None = None,
) -> int:
    """Print the summary and write `OUT_DIR/report.html`; returns the exit status.

    `data_docs` is the Great Expectations Data Docs folder to link (default: `data_docs/`
    beside the database, when it has been built).
    """
    from rich.console import Console
    from rich.text import Text

    console = console or Console()
    try:
        warehouse = read_warehouse(db_path, now or datetime.now(UTC))
    except FileNotFoundError as exc:
        return _error(str(exc), EXIT_USAGE)
    except WarehouseLocked as exc:
        return _error(str(exc), EXIT_BUSY)
    except duckdb.Error as exc:
        return _error(f"cannot read {db_path}: {_first_line(exc)}", EXIT_USAGE)
    print_summary(warehouse, console)
    page = out_dir / "report.html"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        docs = (data_docs or db_path.parent / "data_docs") / "index.html"
        link = Path(os.path.relpath(docs.resolve(), out_dir.resolve())) if docs.exists() else None
        page.write_text(render_html(warehouse, link), encoding="utf-8")
    except OSError as exc:
        return _error(f"cannot write {page}: {exc.strerror or exc}", EXIT_USAGE)
    console.print(Text(f"report written to {page}"), soft_wrap=True)
    return EXIT_OK


def _error(message: str, status: int) -> int:
    print(f"wirehouse: {message}", file=sys.stderr)
    return status


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


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
        except (duckdb.CatalogException, duckdb.BinderException) as exc:
            answers[name] = Answer(
                [],
                f"the warehouse predates this report ({_first_line(exc)}); "
                "the next `wirehouse run` upgrades it",
            )
            continue
        answers[name] = Answer([dict(zip(result.columns, row, strict=True)) for row in result.rows])
    return Warehouse(db_path, now, answers)


# ---------------------------------------------------------------- what the numbers mean


def pass_rate(run: Mapping[str, Any]) -> float | None:
    """Share of the run's evaluated expectations that passed; None when it evaluated none."""
    evaluated = int(run.get("evaluated") or 0)
    return int(run.get("passed") or 0) / evaluated if evaluated else None


def describe_details(raw: Any) -> str:
    """What a `dq_results.details` value says, in one line."""
    data = _json(raw)
    if not isinstance(data, dict):
        return _clip(_text(raw), 200)
    parts = []
    if data.get("summary"):
        parts.append(str(data["summary"]))
    elif isinstance(data.get("unexpected_percent"), int | float):
        parts.append(f"{data['unexpected_percent']:.3g}% of rows")
    if data.get("exception"):
        parts.append(f"could not run: {_clip(str(data['exception']), 160)}")
    values = data.get("partial_unexpected_list")
    if isinstance(values, list) and values:
        shown = ", ".join(_clip(_literal(v), 60) for v in values[:5])
        parts.append(f"unexpected: {shown}" + (" …" if len(values) > 5 else ""))
    sample = data.get("sample")
    if isinstance(sample, list) and sample:
        parts.append("e.g. " + "; ".join(_clip(str(s), 80) for s in sample[:3]))
    return " · ".join(parts)


def row_fields(raw: Any, column: str | None, limit: int = 6) -> list[tuple[str, str]]:
    """The telling fields of a quarantined row: the failing column first, then its identity."""
    data = _json(raw)
    if not isinstance(data, dict):
        return [("row", _clip(_text(raw), 120))]
    wanted = [c for c in (column or "").split(",") if c] + list(ROW_KEYS)
    keys = [k for k in dict.fromkeys(wanted) if k in data][:limit]
    return [(k, _clip(_literal(data[k]), 120)) for k in keys]


def samples_by_expectation(records: Iterable[Record]) -> dict[tuple[str, str], list[Record]]:
    out: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        out.setdefault((record["table_name"], record["reason"]), []).append(record)
    return out


def freshness(warehouse: Warehouse, config: BatchConfig | None = None) -> list[Record]:
    """Per source: last success, its age now, and fresh / stale / never against the batch config."""
    config = config or BatchConfig()
    rows = []
    for record in warehouse.records("report_freshness"):
        last = _utc(record.get("last_success_at"))
        limit = config.max_age_for(record["source_name"])
        if last is None:
            age, status = None, "never"
        else:
            age = warehouse.now - last
            status = "fresh" if age <= timedelta(hours=limit) else "stale"
        rows.append(record | {"age": age, "status": status, "max_age_hours": limit})
    return rows


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
    groups = top + (["other sources"] if len(ranked) > len(top) else [])
    first = min(r["day"] for r in records)
    last = max(r["day"] for r in records)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    stacks: dict[date, Record] = {day: {} for day in days}
    for record in records:
        group = record["source_name"] if record["source_name"] in top else "other sources"
        stack = stacks[record["day"]]
        stack[group] = stack.get(group, 0) + int(record["rows"])
    return days, groups, stacks


def sparkline(runs: Sequence[Mapping[str, Any]], width: int = 60) -> str:
    """Pass rate per run in block characters, on the same axis as the chart; · for no checks."""
    rates = [pass_rate(r) for r in runs[-width:]]
    known = [r for r in rates if r is not None]
    if not known:
        return ""
    floor = _axis_floor(min(known))
    return "".join(
        "·" if r is None else SPARKS[round((r - floor) / (1 - floor) * (len(SPARKS) - 1))]
        for r in rates
    )


# ---------------------------------------------------------------- the terminal


def print_summary(warehouse: Warehouse, console: Console) -> None:
    """The report as rich tables; article text goes in as plain Text, never as markup."""
    from rich.text import Text

    console.rule("Wirehouse data quality report")
    generated = _text(warehouse.now).removesuffix(" UTC")
    console.print(
        Text(f"{warehouse.db_path} · generated {generated} · times in UTC"), soft_wrap=True
    )
    for line in _headline(warehouse):
        console.print(Text(line))
    runs = warehouse.runs
    if runs:
        line = sparkline(runs)
        if line:
            console.print(Text(f"pass rate, last {min(len(runs), 60)} runs: {line}"))
    _print_table(
        console,
        warehouse,
        "report_runs",
        "Recent runs (latest 10)",
        ["run", "command", "status", "started", "pass rate", "fetched", "new", "quarantined"],
        [
            [
                r["run_id"],
                r["command"],
                r["status"],
                r["started_at"],
                _percent(pass_rate(r)),
                r["fetched"],
                r["new"],
                r["quarantined"],
            ]
            for r in reversed(runs[-10:])
        ],
        "no runs yet: `wirehouse run` loads the sample corpus",
    )
    samples = samples_by_expectation(warehouse.records("report_failure_samples"))
    _print_table(
        console,
        warehouse,
        "report_failures",
        f"Failing expectations (last {RECENT_RUNS} runs)",
        ["severity", "table", "expectation", "failed in", "unexpected", "what it saw", "sample"],
        [
            [
                f["severity"],
                f["table_name"],
                f["expectation"],
                f"{f['failed_runs']} of {f['recent_runs']} runs",
                f["unexpected_count"],
                _clip(describe_details(f["details"]), 120),
                _first_sample(samples, f),
            ]
            for f in warehouse.records("report_failures")[:15]
        ],
        "every expectation passed",
    )
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
        f"Rejected documents (latest {min(len(rejected), 10)} of {_total(rejected)})",
        ["source", "document", "reason", "when"],
        [[r["source_name"], r["origin"], r["reason"], r["rejected_at"]] for r in rejected[:10]],
        "no documents rejected",
    )
    _print_table(
        console,
        warehouse,
        "report_freshness",
        "Freshness per source",
        ["source", "last success", "age", "status", "articles", "last new article"],
        [
            [
                f["source_name"],
                f["last_success_at"],
                _age(f["age"]),
                f["status"],
                f["articles"],
                f["last_article_at"],
            ]
            for f in freshness(warehouse)
        ],
        "no source has run yet",
    )
    last = warehouse.last_run
    run_note = f" of run {last['run_id']}" if last else ""
    _print_table(
        console,
        warehouse,
        "report_last_events",
        f"Newest events{run_note}",
        ["type", "summary", "date", "source", "article"],
        [
            [
                e["event_type"],
                _clip(_text(e["summary"]), 80),
                _span(e["date_start"], e["date_end"]),
                e["source_name"],
                _clip(_text(e["title"]), 60),
            ]
            for e in warehouse.records("report_last_events")[:5]
        ],
        "the last run loaded no events" if last else "no runs yet",
    )
    _print_table(
        console,
        warehouse,
        "report_last_metrics",
        f"Newest metrics{run_note}",
        ["subject", "value", "unit", "period", "text", "source"],
        [
            [
                _clip(_text(m["subject"]), 40),
                m["value"],
                m["unit"],
                m["period_label"],
                _clip(_text(m["text"]), 40),
                m["source_name"],
            ]
            for m in warehouse.records("report_last_metrics")[:5]
        ],
        "the last run loaded no metrics" if last else "no runs yet",
    )
    _print_table(
        console,
        warehouse,
        "report_table_counts",
        "Rows per table",
        ["table", "rows"],
        [[t["table_name"], t["rows"]] for t in warehouse.records("report_table_counts")],
        "no tables",
    )


def _headline(warehouse: Warehouse) -> list[str]:
    last = warehouse.last_run
    if last is None:
        why = warehouse.unavailable("report_runs")
        return [f"No runs yet ({why})." if why else "No runs yet."]
    rate = pass_rate(last)
    checks = (
        f"{_percent(rate)} of {last['evaluated']} expectations passed"
        if rate is not None
        else "no expectations evaluated"
    )
    return [
        f"{warehouse.total_runs} run(s); last run {last['run_id']}: {last['status']}, "
        f"started {_text(last['started_at']).removesuffix(' UTC')}, {checks}"
    ]


def _print_table(
    console: Console,
    warehouse: Warehouse,
    name: str,
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    empty: str,
) -> None:
    from rich.text import Text

    why = warehouse.unavailable(name)
    if why or not rows:
        console.print(Text(f"{title}: {why or empty}", style="dim"))
        return
    keep = [i for i, c in enumerate(columns) if console.width >= WIDE_TERMINAL or c not in OPTIONAL]
    console.print(
        _rich_table(title, [columns[i] for i in keep], [[row[i] for i in keep] for row in rows])
    )


def _rich_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

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
        table.add_row(*(Text(_text(v).removesuffix(" UTC")) for v in row))
    return table


def _first_sample(samples: Mapping[tuple[str, str], list[Record]], failure: Record) -> str:
    rows = samples.get((failure["table_name"], failure["expectation"]))
    if not rows:
        return ""
    fields = row_fields(rows[0]["row"], failure["column_name"], limit=3)
    return _clip(", ".join(f"{k}={v}" for k, v in fields), 100)


# ---------------------------------------------------------------- the page


STYLE = """
:root{--ink:#1d232b;--muted:#5f6b7a;--line:#d9dee5;--soft:#f4f6f9;--ok:#2f855a;--warn:#b7791f;
--bad:#c53030}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
margin:0;background:#fff}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;padding-top:8px;
border-top:1px solid var(--line)}h3{font-size:15px;margin:20px 0 6px}
.meta,.note,.empty{color:var(--muted)}.empty{font-style:italic}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:var(--soft)}
.card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600;white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.group td{background:#fafbfc;font-weight:600}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--soft);
padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;color:#fff;
background:var(--muted)}
.badge.fail,.badge.stale,.badge.never,.badge.failed{background:var(--bad)}
.badge.warn,.badge.partial,.badge.running{background:var(--warn)}
.badge.fresh,.badge.success,.badge.pass{background:var(--ok)}
.meter{height:10px;background:#e15759;border-radius:2px;min-width:2px}
.nowrap{white-space:nowrap}
.sample{margin:2px 0;font-size:12px;overflow-wrap:anywhere}.sample code{margin-right:4px}
code.name{display:inline-block;min-width:220px;margin-top:2px}
svg.chart{width:100%;height:auto;display:block;margin:8px 0}
svg.chart text{font:11px system-ui,sans-serif;fill:var(--muted)}
svg.chart .grid{stroke:var(--line);stroke-width:1}
svg.chart .line{fill:none;stroke:#4e79a7;stroke-width:1.5}
svg.chart .point.pass{fill:var(--ok)}svg.chart .point.fail{fill:var(--bad)}
svg.chart .no-checks{fill:var(--muted)}
.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:6px 18px}
.legend li{font-size:12px}.swatch{display:inline-block;width:10px;height:10px;margin-right:5px;
border-radius:2px;vertical-align:middle}
ul.lines{margin:4px 0;padding-left:20px;font-size:13px}
summary{cursor:pointer;font-weight:600;margin:8px 0}
"""


def render_html(warehouse: Warehouse, data_docs: Path | None = None) -> str:
    """The whole report as one self-contained page (linking the GX Data Docs when given)."""
    docs = (
        f' · <a href="{_e(data_docs.as_posix())}">Great Expectations Data Docs</a>'
        if data_docs
        else ""
    )
    body = [
        "<h1>Wirehouse data quality report</h1>",
        f'<p class="meta">{_e(str(warehouse.db_path))} · generated {_e(_text(warehouse.now))}'
        f"{docs}</p>",
        _cards(warehouse),
        _runs_section(warehouse),
        _volume_section(warehouse),
        _failures_section(warehouse),
        _quarantine_section(warehouse),
        _rejected_section(warehouse),
        _freshness_section(warehouse),
        _last_run_section(warehouse),
        _table_counts_section(warehouse),
    ]
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        # Nothing may load from anywhere, and no script may run: the page is data only.
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Wirehouse data quality report</title>"
        f"<style>{STYLE}</style></head><body><main>\n"
        + "\n".join(body)
        + "\n</main></body></html>\n"
    )


def _cards(warehouse: Warehouse) -> str:
    last = warehouse.last_run
    quarantined = sum(
        q["rows"] for q in warehouse.records("report_quarantine") if q["reason"] is None
    )
    stale = [f for f in freshness(warehouse) if f["status"] != "fresh"]
    articles = next(
        (
            t["rows"]
            for t in warehouse.records("report_table_counts")
            if t["table_name"] == "articles"
        ),
        0,
    )
    cards = [
        (
            "last run",
            _badge(last["status"]) if last else "none",
            _text(last["started_at"]) if last else "no runs yet",
        ),
        (
            "pass rate, last run",
            _e(_percent(pass_rate(last)) if last else "–"),
            f"{warehouse.total_runs} run(s) recorded",
        ),
        ("articles", _e(f"{articles:,}"), "in the warehouse"),
        ("quarantined rows", _e(f"{quarantined:,}"), "kept, not loaded"),
        (
            "rejected documents",
            _e(f"{_total(warehouse.records('report_rejected')):,}"),
            "not articles",
        ),
        ("sources not fresh", _e(str(len(stale))), f"of {len(freshness(warehouse))} source(s)"),
    ]
    items = "".join(
        f'<div class="card"><span>{_e(label)}</span><b>{value}</b><span>{_e(note)}</span></div>'
        for label, value, note in cards
    )
    return f'<div class="cards">{items}</div>'


def _section(anchor: str, title: str, content: str) -> str:
    return f'<section id="{anchor}"><h2>{_e(title)}</h2>{content}</section>'


def _empty(warehouse: Warehouse, name: str, message: str) -> str:
    why = warehouse.unavailable(name)
    return f'<p class="empty">{_e(f"Not available: {why}." if why else message)}</p>'


def _runs_section(warehouse: Warehouse) -> str:
    runs = warehouse.runs
    if not runs:
        return _section(
            "pass-rate",
            "Pass rate per run",
            _empty(
                warehouse, "report_runs", "No runs yet: `wirehouse run` loads the sample corpus."
            ),
        )
    checked = sum(1 for r in runs if pass_rate(r) is not None)
    note = (
        f"{_shown_runs(warehouse)}, oldest first; {checked} of them evaluated expectations. "
        "Each point is a run: the share of its expectations (table suites and batch checks) "
        "that passed. Hover a point for the run."
    )
    rows = [
        [
            _code(r["run_id"], nowrap=True),
            _e(_text(r["command"])),
            _badge(r["status"]),
            _when(r["started_at"]),
            _when(_duration(r["started_at"], r["finished_at"])),
            _num(_percent(pass_rate(r))),
            *(_num(r[k]) for k in ("fetched", "new", "duplicate", "quarantined", "failed")),
            _num(r["loaded_rows"]),
        ]
        for r in reversed(runs[-RECENT_RUNS:])
    ]
    table = _html_table(
        [
            "run",
            "command",
            "status",
            "started",
            "took",
            "pass rate",
            "fetched",
            "new",
            "duplicate",
            "quarantined",
            "failed",
            "loaded rows",
        ],
        rows,
    )
    return _section(
        "pass-rate",
        "Pass rate per run",
        f'<p class="note">{_e(note)}</p>{pass_rate_chart(runs)}'
        f"<details><summary>Latest {min(len(runs), RECENT_RUNS)} runs</summary>{table}</details>",
    )


def _shown_runs(warehouse: Warehouse) -> str:
    shown, total = len(warehouse.runs), warehouse.total_runs
    return f"{total} run(s)" if shown == total else f"the latest {shown} of {total} runs"


def _volume_section(warehouse: Warehouse) -> str:
    records = warehouse.records("report_source_days")
    if not records:
        return _section(
            "volume",
            "Articles per source per day",
            _empty(warehouse, "report_source_days", "No articles yet."),
        )
    days, groups, stacks = volume_series(records)
    chart = volume_chart(days, groups, stacks)
    totals = {g: sum(stacks[d].get(g, 0) for d in days) for g in groups}
    legend = "".join(
        f'<li><span class="swatch" style="background:{_colour(i, g)}"></span>'
        f"{_e(g)} ({totals[g]:,})</li>"
        for i, g in enumerate(groups)
    )
    note = (
        f"New articles by the UTC day they were first seen, {days[0]} to {days[-1]} "
        "(at most the last 30 days with data)."
    )
    return _section(
        "volume",
        "Articles per source per day",
        f'<p class="note">{_e(note)}</p>{chart}<ul class="legend">{legend}</ul>',
    )


def _failures_section(warehouse: Warehouse) -> str:
    failures = warehouse.records("report_failures")
    title = f"Failing expectations (last {RECENT_RUNS} runs)"
    if not failures:
        return _section(
            "failures", title, _empty(warehouse, "report_failures", "Every expectation passed.")
        )
    samples = samples_by_expectation(warehouse.records("report_failure_samples"))
    rows = []
    for f in failures:
        quarantined = samples.get((f["table_name"], f["expectation"]), [])
        sample_html = "".join(
            '<div class="sample">'
            + " ".join(
                f"<code>{_e(k)}</code>{_e(v)}" for k, v in row_fields(s["row"], f["column_name"])
            )
            + "</div>"
            for s in quarantined
        )
        rows.append(
            [
                _badge(f["severity"]),
                _code(f["table_name"], nowrap=True)
                + f'<br><code class="name">{_e(f["expectation"])}</code>',
                _e(f"{f['failed_runs']} of {f['recent_runs']} runs; last ")
                + _when(f["last_failed_at"])
                + f"<br>{_code(f['last_run_id'], nowrap=True)}",
                _num(f["unexpected_count"]),
                _e(describe_details(f["details"])),
                sample_html or '<span class="note">–</span>',
            ]
        )
    table = _html_table(
        [
            "severity",
            "table and expectation",
            "failed in",
            "unexpected",
            "what it saw",
            "sample quarantined rows",
        ],
        rows,
    )
    note = (
        "fail: the rows were quarantined (table suites) or the run was marked partial (batch "
        "checks); warn: recorded only. Sample rows are the latest quarantined for each expectation."
    )
    return _section("failures", title, f'<p class="note">{_e(note)}</p>{table}')


def _quarantine_section(warehouse: Warehouse) -> str:
    records = warehouse.records("report_quarantine")
    title = "Quarantine by table and reason"
    if not records:
        return _section(
            "quarantine", title, _empty(warehouse, "report_quarantine", "Nothing quarantined.")
        )
    widest = max((q["rows"] for q in records if q["reason"] is not None), default=1)
    rows = []
    for q in records:
        if q["reason"] is None:
            rows.append(
                (
                    "group",
                    [
                        _code(q["table_name"], nowrap=True),
                        "all reasons",
                        _num(q["rows"]),
                        _when(q["last_quarantined_at"]),
                        "",
                    ],
                )
            )
            continue
        width = max(1.0, 100 * q["rows"] / widest)
        rows.append(
            (
                "",
                [
                    "",
                    _code(q["reason"]),
                    _num(q["rows"]),
                    _when(q["last_quarantined_at"]),
                    f'<div class="meter" style="width:{width:.1f}%"></div>',
                ],
            )
        )
    body = "".join(
        f'<tr class="{cls}">' + "".join(_td(c) for c in cells) + "</tr>" for cls, cells in rows
    )
    head = "".join(f"<th>{_e(c)}</th>" for c in ("table", "reason", "rows", "last quarantined", ""))
    note = "A row that failed several expectations counts once per reason and once in its table."
    return _section(
        "quarantine",
        title,
        f'<p class="note">{_e(note)}</p><table><tr>{head}</tr>{body}</table>',
    )


def _rejected_section(warehouse: Warehouse) -> str:
    records = warehouse.records("report_rejected")
    if not records:
        return _section(
            "rejected",
            "Rejected documents",
            _empty(warehouse, "report_rejected", "No documents rejected."),
        )
    rows = [
        [
            _e(_text(r["source_name"])),
            _code(r["origin"]),
            _e(_text(r["reason"])),
            _when(r["rejected_at"]),
            _code(r["run_id"], nowrap=True),
        ]
        for r in records
    ]
    note = f"{_total(records):,} document(s) could not become articles; the latest {len(records)}:"
    return _section(
        "rejected",
        "Rejected documents",
        f'<p class="note">{_e(note)}</p>'
        + _html_table(["source", "document", "reason", "when", "run"], rows),
    )


def _freshness_section(warehouse: Warehouse) -> str:
    rows_in = freshness(warehouse)
    if not rows_in:
        return _section(
            "freshness",
            "Freshness per source",
            _empty(warehouse, "report_freshness", "No source has run yet."),
        )
    rows = [
        [
            _e(_text(f["source_name"])),
            _when(f["last_success_at"]),
            _num(_age(f["age"])),
            _badge(f["status"]),
            _num(f"{f['max_age_hours']:g} h"),
            _num(f["articles"]),
            _when(f["last_article_at"]),
            _when(f["newest_published_at"]),
        ]
        for f in rows_in
    ]
    note = f"Age is measured at {_text(warehouse.now)}; a source is stale past its limit."
    return _section(
        "freshness",
        "Freshness per source",
        f'<p class="note">{_e(note)}</p>'
        + _html_table(
            [
                "source",
                "last success",
                "age",
                "status",
                "limit",
                "articles",
                "last new article",
                "newest publication",
            ],
            rows,
        ),
    )


def _last_run_section(warehouse: Warehouse) -> str:
    last = warehouse.last_run
    if last is None:
        return _section(
            "last-run", "The last run", _empty(warehouse, "report_runs", "No runs yet.")
        )
    details = _json(last.get("details"))
    lines = details.get("sources", []) if isinstance(details, dict) else []
    intro = (
        f"<p>Run {_code(last['run_id'])} ({_e(_text(last['command']))}) {_badge(last['status'])}"
        f" started {_e(_text(last['started_at']))}, took "
        f"{_e(_duration(last['started_at'], last['finished_at']))}.</p>"
    )
    if lines:
        intro += '<ul class="lines">' + "".join(f"<li>{_e(str(x))}</li>" for x in lines) + "</ul>"
    events = warehouse.records("report_last_events")
    events_html = (
        _html_table(
            ["type", "summary", "date", "precision", "country", "article", "source"],
            [
                [
                    _code(e["event_type"], nowrap=True),
                    _e(_clip(_text(e["summary"]), 240)),
                    _e(_span(e["date_start"], e["date_end"])),
                    _e(_text(e["date_precision"])),
                    _e(_text(e["country_code"])),
                    _e(_text(e["title"])),
                    _e(_text(e["source_name"])),
                ]
                for e in events
            ],
        )
        if events
        else _empty(warehouse, "report_last_events", "The last run loaded no events.")
    )
    metrics = warehouse.records("report_last_metrics")
    metrics_html = (
        _html_table(
            [
                "subject",
                "value",
                "unit",
                "qualifier",
                "measure",
                "direction",
                "period",
                "where",
                "text",
                "article",
            ],
            [
                [
                    _e(_text(m["subject"])),
                    _num(m["value"]),
                    _code(m["unit"], nowrap=True),
                    _e(_text(m["qualifier"])),
                    _e(_text(m["measure"])),
                    _e(_text(m["direction"])),
                    _e(_text(m["period_label"])),
                    _e(_text(m["geography"])),
                    _e(_clip(_text(m["text"]), 120)),
                    _e(_text(m["title"])),
                ]
                for m in metrics
            ],
        )
        if metrics
        else _empty(warehouse, "report_last_metrics", "The last run loaded no metrics.")
    )
    return _section(
        "last-run",
        "The last run",
        intro + "<h3>Newest events</h3>" + events_html + "<h3>Newest metrics</h3>" + metrics_html,
    )


def _table_counts_section(warehouse: Warehouse) -> str:
    records = warehouse.records("report_table_counts")
    if not records:
        return _section(
            "tables", "Rows per table", _empty(warehouse, "report_table_counts", "No tables.")
        )
    rows = [[_code(t["table_name"], nowrap=True), _num(t["rows"])] for t in records]
    return _section("tables", "Rows per table", _html_table(["table", "rows"], rows))


def _html_table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table of cells that are already HTML (each built with _e, _code, _num or _badge)."""
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_td(c) for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


class _Numeric(str):
    """An escaped cell that is right-aligned."""

    __slots__ = ()


def _td(cell: str) -> str:
    return f'<td class="num">{cell}</td>' if isinstance(cell, _Numeric) else f"<td>{cell}</td>"


def _num(value: Any) -> str:
    return _Numeric(_e(_text(value)))


def _code(value: Any, nowrap: bool = False) -> str:
    if value is None:
        return ""
    return f"<code{' class=nowrap' if nowrap else ''}>{_e(_text(value))}</code>"


def _badge(value: Any) -> str:
    word = _text(value)
    return f'<span class="badge {_e(word)}">{_e(word)}</span>'


def _when(value: Any) -> str:
    """A time (or duration) cell that does not wrap."""
    return f'<span class="nowrap">{_e(_text(value))}</span>'


def _e(text: str) -> str:
    return html.escape(text, quote=True)


# ---------------------------------------------------------------- charts


def pass_rate_chart(runs: Sequence[Mapping[str, Any]]) -> str:
    """A line of pass rates, one point per run that evaluated expectations, oldest on the left."""
    width, height = 960, 240
    left, right, top, bottom = 52, 16, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    rates = [pass_rate(r) for r in runs]
    known = [r for r in rates if r is not None]
    floor = _axis_floor(min(known)) if known else 0.0
    step = plot_w / max(len(runs), 1)

    def x(i: int) -> float:
        return left + step * (i + 0.5)

    def y(rate: float) -> float:
        return top + plot_h * (1 - (rate - floor) / (1 - floor))

    parts = [
        f'<svg class="chart" id="pass-rate-chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="pass rate per run, {len(known)} points">'
    ]
    for k in range(5):
        value = floor + (1 - floor) * k / 4
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}"/><text x="{left - 6}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end">{value * 100:.3g}%</text>'
        )
    segment: list[str] = []
    for i, rate in enumerate([*rates, None]):
        if rate is not None:
            segment.append(f"{x(i):.1f},{y(rate):.1f}")
            continue
        if len(segment) > 1:
            parts.append(f'<polyline class="line" points="{" ".join(segment)}"/>')
        segment = []
    radius = 4 if len(runs) <= 60 else 2.5
    for i, (run, rate) in enumerate(zip(runs, rates, strict=True)):
        when = _text(run.get("started_at"))
        if rate is None:
            label = f"{run['run_id']} · {when} · no expectations evaluated"
            parts.append(
                f'<rect class="no-checks" x="{x(i) - 1:.1f}" y="{top + plot_h - 6}" width="2" '
                f'height="6"><title>{_e(label)}</title></rect>'
            )
            continue
        label = (
            f"{run['run_id']} · {when} · {rate:.1%} "
            f"({run['passed']} of {run['evaluated']} expectations passed) · {run['status']}"
        )
        parts.append(
            f'<circle class="point {"pass" if rate >= 1 else "fail"}" cx="{x(i):.1f}" '
            f'cy="{y(rate):.1f}" r="{radius}" data-run-id="{_e(str(run["run_id"]))}" '
            f'data-pass-rate="{rate:.4f}"><title>{_e(label)}</title></circle>'
        )
    stamps = [_utc(r.get("started_at")) for r in runs]
    one_day = len({s.date() for s in stamps if s is not None}) <= 1
    for i in _label_positions(len(runs), 6):
        stamp = stamps[i]
        if stamp is None:
            continue
        text = stamp.strftime("%H:%M" if one_day else "%Y-%m-%d")
        parts.append(
            f'<text x="{x(i):.1f}" y="{height - 12}" text-anchor="{_anchor(i, len(runs))}">'
            f"{_e(text)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def volume_chart(days: Sequence[date], groups: Sequence[str], stacks: Mapping[date, Record]) -> str:
    """Stacked bars: one column per day, one bar per source group with articles that day."""
    width, height = 960, 260
    left, right, top, bottom = 52, 16, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((sum(stacks[d].values()) for d in days), default=0)
    tick = _nice_step(peak / 4)
    ceiling = tick * 4
    step = plot_w / max(len(days), 1)
    bar_w = max(step * 0.72, 1.0)
    parts = [
        f'<svg class="chart" id="volume-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="articles per source per day over {len(days)} days">'
    ]
    for k in range(5):
        value = tick * k
        yy = top + plot_h * (1 - value / ceiling)
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}"/>'
            f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">{value:g}</text>'
        )
    for i, day in enumerate(days):
        base = top + plot_h
        x0 = left + step * i + (step - bar_w) / 2
        for g, group in enumerate(groups):
            rows = stacks[day].get(group, 0)
            if not rows:
                continue
            h = plot_h * rows / ceiling
            base -= h
            label = f"{day} · {group}: {rows:,} article(s)"
            parts.append(
                f'<rect class="bar" x="{x0:.1f}" y="{base:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="{_colour(g, group)}" data-day="{day}" '
                f'data-source="{_e(group)}" data-rows="{rows}"><title>{_e(label)}</title></rect>'
            )
    for i in _label_positions(len(days), 8):
        cx = left + step * (i + 0.5)
        parts.append(
            f'<text x="{cx:.1f}" y="{height - 12}" text-anchor="middle">{days[i]:%m-%d}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _anchor(index: int, count: int) -> str:
    """Axis labels at the plot's edges lean inwards, so the last one is not cut off."""
    if count > 3 and index == 0:
        return "start"
    return "end" if count > 3 and index == count - 1 else "middle"


def _colour(index: int, group: str) -> str:
    return OTHER_COLOUR if group == "other sources" else PALETTE[index % len(PALETTE)]


def _axis_floor(lowest: float) -> float:
    """The bottom of the pass-rate axis: a little under the lowest rate, on a tenth."""
    return max(0.0, min(0.9, math.floor(lowest * 10 - 1e-9) / 10))


def _nice_step(raw: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least `raw` (and at least 1)."""
    if raw <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def _label_positions(count: int, most: int) -> list[int]:
    if count <= 0:
        return []
    if count <= most:
        return list(range(count))
    every = math.ceil((count - 1) / (most - 1))
    positions = list(range(0, count, every))
    positions[-1] = count - 1  # the newest gets a label; the gap before it stays >= every
    return positions


# ---------------------------------------------------------------- values as text


def _text(value: Any) -> str:
    """A value as the report shows it: times in UTC to the minute, nothing for NULL."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        stamp = _utc(value)
        return stamp.strftime("%Y-%m-%d %H:%M UTC") if stamp else ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) >= 0.01 else f"{value:.3g}"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, timedelta):
        return _age(value)
    return str(value)


def _literal(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _json(raw: Any) -> Any:
    if isinstance(raw, dict | list):
        return raw
    if not isinstance(raw, str):
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _utc(value: Any) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _percent(rate: float | None) -> str:
    if rate is None:
        return "–"
    return "100%" if rate >= 1 else f"{math.floor(rate * 1000) / 10:.1f}%"


def _age(delta: timedelta | None) -> str:
    if delta is None:
        return "–"
    minutes = int(delta.total_seconds() // 60)
    if minutes < 0:
        return "in the future"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def _duration(start: Any, end: Any) -> str:
    first, last = _utc(start), _utc(end)
    if first is None or last is None:
        return "–"
    seconds = (last - first).total_seconds()
    return f"{seconds:.1f} s" if seconds < 120 else _age(last - first)


def _span(start: Any, end: Any) -> str:
    if start is None:
        return ""
    return _text(start) if end is None or end == start else f"{_text(start)} – {_text(end)}"


def _total(rejected: Sequence[Record]) -> int:
    return int(rejected[0]["total"]) if rejected else 0
