"""`wirehouse report`: the warehouse's data quality in the terminal and as one HTML page.

The page is self-contained: inline CSS and SVG charts drawn here, and no script, font, image or
stylesheet from anywhere else (its Content-Security-Policy forbids them), so it opens offline and
can be archived or mailed as one file. Every value read from the warehouse is escaped, in the page
(the template autoescapes) and in the terminal (values go in as rich `Text`, never as markup):
titles, bodies and URLs come from the articles, not from us.

    data.py      the report queries (warehouse/sql/report_*.sql) and what the numbers mean
    formats.py   how a value reads: times, counts, ages, quarantined rows
    terminal.py  the summary as rich tables
    charts.py    the SVG charts
    page.py      the page: templates/report.html.j2 with templates/report.css inlined
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.text import Text

from flows.report.charts import pass_rate_chart, sparkline, volume_chart
from flows.report.data import Warehouse, read_warehouse, volume_series
from flows.report.formats import first_line
from flows.report.page import render_html
from flows.report.terminal import print_summary
from warehouse.db import WarehouseError, WarehouseLocked

__all__ = [
    "Warehouse",
    "pass_rate_chart",
    "print_summary",
    "read_warehouse",
    "render_html",
    "report",
    "sparkline",
    "volume_chart",
    "volume_series",
]

EXIT_OK, EXIT_BUSY, EXIT_USAGE = 0, 1, 2


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
    console = console or Console()
    try:
        warehouse = read_warehouse(db_path, now or datetime.now(UTC))
    except FileNotFoundError as exc:
        return _error(str(exc), EXIT_USAGE)
    except WarehouseLocked as exc:
        return _error(str(exc), EXIT_BUSY)
    except WarehouseError as exc:
        return _error(f"cannot read {db_path}: {first_line(exc)}", EXIT_USAGE)
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
