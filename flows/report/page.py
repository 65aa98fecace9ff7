"""The report as one HTML page: `templates/report.html.j2` with the stylesheet inlined.

The template is rendered with autoescaping on, so every value read from the warehouse is escaped
where it is written, without a call per cell. What this module does is choose and shape what the
page shows; how each value reads is `formats`, and the charts are `charts`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from flows.report.charts import colour, pass_rate_chart, volume_chart
from flows.report.data import (
    RECENT_RUNS,
    Record,
    Warehouse,
    freshness,
    pass_rate,
    samples_by_expectation,
    table_rows,
    volume_series,
)
from flows.report.formats import (
    age,
    as_text,
    clip,
    describe_details,
    duration,
    parse_json,
    percent,
    row_fields,
    span,
    thousands,
    total,
)

TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"


@cache
def environment() -> Environment:
    """Templates from `flows/report/templates`, escaped by default, strict about missing names."""
    env = Environment(
        loader=PackageLoader("flows.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        text=as_text,
        clip=clip,
        percent=percent,
        age=age,
        duration=duration,
        span=span,
        thousands=thousands,
        describe=describe_details,
        fields=row_fields,
        pass_rate=pass_rate,
    )
    return env


def stylesheet() -> Markup:
    """The page's CSS, read beside the template; it is ours, so it goes in unescaped."""
    env = environment()
    assert env.loader is not None
    css, _, _ = env.loader.get_source(env, STYLESHEET)
    if "</style" in css.lower():
        raise ValueError(f"{STYLESHEET} must not close its own <style> element")
    return Markup(css.strip())


def render_html(warehouse: Warehouse, data_docs: Path | None = None) -> str:
    """The whole report as one self-contained page (linking the GX Data Docs when given)."""
    return (
        environment()
        .get_template(TEMPLATE)
        .render(
            css=stylesheet(),
            db_path=str(warehouse.db_path),
            now=warehouse.now,
            data_docs=data_docs.as_posix() if data_docs else None,
            unavailable={name: answer.unavailable for name, answer in warehouse.answers.items()},
            recent_window=RECENT_RUNS,
            **_summary(warehouse),
            **_runs(warehouse),
            volume=_volume(warehouse),
            failures=_failures(warehouse),
            quarantine=_quarantine(warehouse),
            rejected=warehouse.records("report_rejected"),
            **_last_run(warehouse),
            table_counts=warehouse.records("report_table_counts"),
        )
    )


def _summary(warehouse: Warehouse) -> dict[str, Any]:
    """What the cards at the top show."""
    sources = freshness(warehouse)
    return {
        "last": warehouse.last_run,
        "total_runs": warehouse.total_runs,
        "articles": table_rows(warehouse, "articles"),
        "quarantined": sum(
            q["rows"] for q in warehouse.records("report_quarantine") if q["reason"] is None
        ),
        "rejected_total": total(warehouse.records("report_rejected")),
        "freshness": sources,
        "stale": sum(1 for f in sources if f["status"] != "fresh"),
    }


def _runs(warehouse: Warehouse) -> dict[str, Any]:
    runs = warehouse.runs
    shown, recorded = len(runs), warehouse.total_runs
    return {
        "runs": runs,
        "runs_shown": (
            f"{recorded} run(s)" if shown == recorded else f"the latest {shown} of {recorded} runs"
        ),
        "runs_checked": sum(1 for r in runs if pass_rate(r) is not None),
        "runs_chart": pass_rate_chart(runs) if runs else Markup(""),
        "recent_runs": list(reversed(runs[-RECENT_RUNS:])),
    }


def _volume(warehouse: Warehouse) -> dict[str, Any] | None:
    records = warehouse.records("report_source_days")
    if not records:
        return None
    days, groups, stacks = volume_series(records)
    totals = {g: sum(stacks[d].get(g, 0) for d in days) for g in groups}
    return {
        "first": days[0],
        "last": days[-1],
        "chart": volume_chart(days, groups, stacks),
        "legend": [(colour(i, g), g, totals[g]) for i, g in enumerate(groups)],
    }


def _failures(warehouse: Warehouse) -> list[Record]:
    """Failing expectations, each with the latest rows it quarantined."""
    samples = samples_by_expectation(warehouse.records("report_failure_samples"))
    return [
        f | {"samples": samples.get((f["table_name"], f["expectation"]), [])}
        for f in warehouse.records("report_failures")
    ]


def _quarantine(warehouse: Warehouse) -> list[Record]:
    """Quarantine counts, each reason with a bar as wide as its share of the largest reason."""
    records = warehouse.records("report_quarantine")
    widest = max((q["rows"] for q in records if q["reason"] is not None), default=1)
    return [q | {"meter": max(1.0, 100 * q["rows"] / widest)} for q in records]


def _last_run(warehouse: Warehouse) -> dict[str, Any]:
    last = warehouse.last_run
    details = parse_json(last.get("details")) if last else None
    return {
        "run_lines": details.get("sources", []) if isinstance(details, dict) else [],
        "events": warehouse.records("report_last_events"),
        "metrics": warehouse.records("report_last_metrics"),
    }
