"""How the report writes a value: times in UTC to the minute, counts with separators, ages.

These return plain text. Escaping is the job of whoever shows the text: the page's template
escapes every value by default, and the terminal puts each one in a rich `Text`, never markup.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

# The identity columns of a quarantined row, shown after the failing column.
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


def as_text(value: Any) -> str:
    """A value as the report shows it: times in UTC to the minute, nothing for NULL."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        stamp = utc(value)
        return stamp.strftime("%Y-%m-%d %H:%M UTC") if stamp else ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    if isinstance(value, list | tuple):
        return ", ".join(as_text(v) for v in value)
    if isinstance(value, timedelta):
        return age(value)
    return str(value)


def _float_text(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) >= 0.01 else f"{value:.3g}"


def thousands(count: int) -> str:
    """A count with thousands separators."""
    return f"{count:,}"


def literal(value: Any) -> str:
    """A JSON value as it was written, so a string shows its quotes."""
    return json.dumps(value, ensure_ascii=False, default=str)


def clip(text: str, limit: int) -> str:
    """The text on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_json(raw: Any) -> Any:
    """A JSON column's value: as stored when already parsed, None when it is not JSON."""
    if isinstance(raw, dict | list):
        return raw
    if not isinstance(raw, str):
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def utc(value: Any) -> datetime | None:
    """A timestamp in UTC (a naive one is taken as UTC); None for anything else."""
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def percent(rate: float | None) -> str:
    """A pass rate, rounded down so that 99.96% never reads as 100%."""
    if rate is None:
        return "–"
    return "100%" if rate >= 1 else f"{math.floor(rate * 1000) / 10:.1f}%"


def age(delta: timedelta | None) -> str:
    """A duration in the largest two units that matter: minutes, hours, days."""
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


def duration(start: Any, end: Any) -> str:
    """How long a run took: seconds under two minutes, else as an age."""
    first, last = utc(start), utc(end)
    if first is None or last is None:
        return "–"
    seconds = (last - first).total_seconds()
    return f"{seconds:.1f} s" if seconds < 120 else age(last - first)


def span(start: Any, end: Any) -> str:
    """A date range, or one date when it starts and ends on the same day."""
    if start is None:
        return ""
    return as_text(start) if end is None or end == start else f"{as_text(start)} – {as_text(end)}"


def total(rejected: Sequence[dict[str, Any]]) -> int:
    """Every rejected document, from the window function of report_rejected.sql."""
    return int(rejected[0]["total"]) if rejected else 0


def first_line(exc: BaseException) -> str:
    """An error's first line, for one-line messages."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def describe_details(raw: Any) -> str:
    """What a `dq_results.details` value says, in one line."""
    data = parse_json(raw)
    if not isinstance(data, dict):
        return clip(as_text(raw), 200)
    parts = []
    if data.get("summary"):
        parts.append(str(data["summary"]))
    elif isinstance(data.get("unexpected_percent"), int | float):
        parts.append(f"{data['unexpected_percent']:.3g}% of rows")
    if data.get("exception"):
        parts.append(f"could not run: {clip(str(data['exception']), 160)}")
    values = data.get("partial_unexpected_list")
    if isinstance(values, list) and values:
        shown = ", ".join(clip(literal(v), 60) for v in values[:5])
        parts.append(f"unexpected: {shown}" + (" …" if len(values) > 5 else ""))
    sample = data.get("sample")
    if isinstance(sample, list) and sample:
        parts.append("e.g. " + "; ".join(clip(str(s), 80) for s in sample[:3]))
    return " · ".join(parts)


def row_fields(raw: Any, column: str | None, limit: int = 6) -> list[tuple[str, str]]:
    """The telling fields of a quarantined row: the failing column first, then its identity."""
    data = parse_json(raw)
    if not isinstance(data, dict):
        return [("row", clip(as_text(raw), 120))]
    wanted = [c for c in (column or "").split(",") if c] + list(ROW_KEYS)
    keys = [k for k in dict.fromkeys(wanted) if k in data][:limit]
    return [(k, clip(literal(data[k]), 120)) for k in keys]
