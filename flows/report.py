"""`wirehouse report`: the state of the warehouse in the terminal and as one HTML page."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from warehouse.db import QueryResult, WarehouseLocked, query, sql

SECTIONS = (
    ("Recent runs", "report_runs"),
    ("Rows per table", "report_table_counts"),
    ("Failing expectations", "report_failures"),
    ("Quarantine", "report_quarantine"),
    ("Rejected documents", "report_rejected"),
    ("Freshness per source", "report_freshness"),
)


def report(db_path: Path, out_dir: Path) -> int:
    """Print the summary tables and write `report.html`; returns the exit status."""
    from rich.console import Console
    from rich.table import Table

    try:
        results = [(title, query(db_path, sql(name))) for title, name in SECTIONS]
    except (FileNotFoundError, WarehouseLocked) as exc:
        print(f"wirehouse: {exc}", file=sys.stderr)
        return 2
    console = Console()
    for title, result in results:
        table = Table(*result.columns, title=title)
        for row in result.rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "report.html"
    page.write_text(render_html(results), encoding="utf-8")
    console.print(f"report written to {page}")
    return 0


def render_html(results: list[tuple[str, QueryResult]]) -> str:
    """One self-contained page; every value is escaped."""
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>Wirehouse data quality report</title>",
        "<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;"
        "margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
        "th{background:#f3f3f3}</style></head><body><h1>Wirehouse data quality report</h1>",
    ]
    for title, result in results:
        parts.append(f"<h2>{html.escape(title)}</h2>")
        if not result.rows:
            parts.append("<p>None.</p>")
            continue
        parts.append("<table><tr>")
        parts.extend(f"<th>{html.escape(c)}</th>" for c in result.columns)
        parts.append("</tr>")
        for row in result.rows:
            cells = "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)
