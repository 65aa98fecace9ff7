"""`wirehouse report` over warehouses built here: none, empty, one run, a hundred runs.

The page is checked as text (escaping, self-containment, chart points and bars) and, when
Chromium is installed, as a browser draws it (`--dump-dom` and `--screenshot`).
"""

from __future__ import annotations

import io
import json
import re
import struct
import subprocess
import zlib
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from markupsafe import escape
from rich.console import Console

from flows.cli import main
from flows.report import pass_rate_chart, report, sparkline, volume_chart, volume_series
from warehouse import db

NOW = datetime(2025, 10, 10, 12, tzinfo=UTC)
SOURCES = ("wam-feed", "xinhua-api", "reuters-pages")
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
FAILING = "expect_column_values_to_match_regex(language)"
CHROMIUM = Path("/usr/bin/chromium")


def insert(path: Path, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    with duckdb.connect(str(path)) as con:
        con.register("new_rows", pd.DataFrame(rows))
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM new_rows")


def article(article_id: str, source: str, seen: datetime, run_id: str, title: str) -> dict:
    return {
        "article_id": article_id,
        "url": f"https://{source}.example/{article_id}",
        "source_name": source,
        "title": title,
        "published_at": seen - timedelta(hours=2),
        "published_date": (seen - timedelta(hours=2)).date(),
        "language": "en",
        "body_text": "ABU DHABI, Oct 9 (WAM) -- Exports rose 12 percent in September.",
        "word_count": 11,
        "content_hash": "a" * 64,
        "first_seen_at": seen,
        "run_id": run_id,
    }


def has_checks(i: int) -> bool:
    return i % 25 != 10  # a few runs found nothing new and evaluated nothing


def fails(i: int, runs: int) -> bool:
    return has_checks(i) and (i % 7 == 3 or i == runs - 1)


def build_warehouse(
    path: Path,
    runs: int,
    *,
    title: str = "Exports rise 12 percent in September",
    summary: str = "Exports rose 12 percent in September.",
    origin: str = "https://dead.example/page.html",
) -> Path:
    """A warehouse with `runs` runs six hours apart, the last one ending just before NOW."""
    db.ensure_schema(path)
    run_rows, checks, articles = [], [], []
    last_run = f"run-{runs - 1:03d}"
    for i in range(runs):
        run_id = f"run-{i:03d}"
        started = NOW - timedelta(hours=6 * (runs - i))
        run_rows.append(
            {
                "run_id": run_id,
                "started_at": started,
                "finished_at": started + timedelta(seconds=42),
                "status": "partial" if fails(i, runs) else "success",
                "command": "run",
                "fetched": 3,
                "new": 3,
                "quarantined": 1 if fails(i, runs) else 0,
                "details": json.dumps({"sources": [f"{s}: fetched 1, new 1" for s in SOURCES]}),
            }
        )
        for k in range(10) if has_checks(i) else ():
            failing = fails(i, runs) and k == 0
            checks.append(
                {
                    "run_id": run_id,
                    "table_name": "articles",
                    "expectation": FAILING
                    if k == 0
                    else f"expect_column_values_to_not_be_null(c{k})",
                    "column_name": "language" if k == 0 else f"c{k}",
                    "success": not failing,
                    "unexpected_count": 1 if failing else 0,
                    "details": json.dumps(
                        {"unexpected_count": 1, "partial_unexpected_list": ["english"]}
                        if failing
                        else {"unexpected_count": 0}
                    ),
                }
            )
        for s in SOURCES:
            articles.append(
                article(f"{i:03d}-{s}", s, started + timedelta(minutes=1), run_id, title)
            )
    insert(path, "etl_runs", run_rows)
    insert(path, "dq_results", checks)
    insert(path, "articles", articles)
    if not runs:
        return path
    last_article = f"{runs - 1:03d}-wam-feed"
    insert(
        path,
        "events",
        [
            {
                "event_id": "ev1",
                "article_id": last_article,
                "event_type": "ECONOMIC_DATA",
                "summary": summary,
                "date_start": datetime(2025, 9, 1).date(),
                "date_end": datetime(2025, 9, 30).date(),
                "date_precision": "month",
                "country_code": "AE",
                "start_char": 0,
                "end_char": 10,
                "run_id": last_run,
            }
        ],
    )
    insert(
        path,
        "metrics",
        [
            {
                "metric_id": "m1",
                "article_id": last_article,
                "subject": "exports",
                "value": 5_000_000_000.0,
                "unit": "AED",
                "measure": "level",
                "period_label": "2025-09",
                "text": "AED 5 billion",
                "start_char": 0,
                "end_char": 13,
                "run_id": last_run,
            }
        ],
    )
    bad_row = article("bad-lang", "wam-feed", NOW, last_run, title) | {"language": "english"}
    insert(
        path,
        "quarantine",
        [
            {
                "quarantine_id": "q1",
                "run_id": last_run,
                "table_name": "articles",
                "row": json.dumps(bad_row, default=str),
                "reasons": [FAILING],
                "quarantined_at": NOW - timedelta(hours=5),
            },
            {
                "quarantine_id": "q2",
                "run_id": last_run,
                "table_name": "metrics",
                "row": json.dumps({"metric_id": "m9", "text": "200%", "value": 200}),
                "reasons": [
                    "expect_column_values_to_be_in_set(share_in_range)",
                    "parent article quarantined",
                ],
                "quarantined_at": NOW - timedelta(hours=5),
            },
        ],
    )
    insert(
        path,
        "rejected_documents",
        [
            {
                "rejection_id": "rj1",
                "run_id": last_run,
                "source_name": "reuters-pages",
                "origin": origin,
                "reason": "empty page",
                "rejected_at": NOW - timedelta(hours=5),
            }
        ],
    )
    insert(
        path,
        "source_state",
        [
            {"source_name": "wam-feed", "last_success_at": NOW - timedelta(hours=1)},
            {"source_name": "xinhua-api", "last_success_at": NOW - timedelta(hours=72)},
        ],
    )
    return path


def run_report(path: Path, out: Path) -> tuple[int, str, str]:
    console = Console(file=io.StringIO(), width=220, color_system=None)
    status = report(path, out, console=console, now=NOW)
    page = out / "report.html"
    return status, console.file.getvalue(), page.read_text() if page.exists() else ""


def points(page: str) -> list[str]:
    return re.findall(r'<circle[^>]*class="point[^"]*"', page)


def bars(page: str) -> list[str]:
    return re.findall(r'<rect[^>]*class="bar"', page)


def day_source_pairs(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(
            "select count(distinct (cast(first_seen_at at time zone 'UTC' as date), source_name)) "
            "from articles"
        ).fetchone()[0]


# ------------------------------------------------------------------ no warehouse, empty ones


def test_a_missing_warehouse_is_a_one_line_error_and_exit_2(tmp_path, capsys):
    status = main(["report", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("wirehouse: no warehouse at")
    assert not (tmp_path / "report.html").exists()


def test_a_file_that_is_not_a_warehouse_is_a_one_line_error(tmp_path, capsys):
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 400)
    status = main(["report", "--db", str(path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err and str(path) in err


def test_a_warehouse_without_tables_gets_empty_states(tmp_path):
    path = tmp_path / "bare.duckdb"
    duckdb.connect(str(path)).close()
    status, terminal, page = run_report(path, tmp_path / "out")
    assert status == 0
    assert "No runs yet (the warehouse has no etl_runs, dq_results table yet)" in terminal
    assert "Not available: the warehouse has no etl_runs, dq_results table yet." in page
    assert "Not available: the warehouse has no quarantine table yet." in page
    assert not points(page) and not bars(page)


def test_zero_runs(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb", 0)
    status, terminal, page = run_report(path, tmp_path / "out")
    assert status == 0
    assert "No runs yet." in terminal
    for line in (
        "Recent runs (latest 10): no runs yet",
        "Failing expectations (last 20 runs): every expectation passed",
        "Quarantine by table and reason: nothing quarantined",
        "Rejected documents (latest 0 of 0): no documents rejected",
        "Freshness per source: no source has run yet",
    ):
        assert line in terminal
    assert "No runs yet: `wirehouse run` loads the sample corpus." in page
    for text in ("No articles yet.", "Nothing quarantined.", "No documents rejected."):
        assert text in page
    assert "<svg" not in page
    assert "report written to" in terminal


# ------------------------------------------------------------------ one run, a hundred runs


def test_one_run(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb", 1)
    status, terminal, page = run_report(path, tmp_path / "out")
    assert status == 0
    assert "1 run(s); last run run-000: partial" in terminal
    assert "90.0% of 10 expectations passed" in terminal
    assert FAILING in terminal and "1 of 1 runs" in terminal
    assert 'language="english"' in terminal  # the quarantined row's failing column comes first
    assert "parent article quarantined" in terminal
    assert "https://dead.example/page.html" in terminal and "empty page" in terminal
    assert re.search(r"xinhua-api .*3 d 0 h.* stale", terminal)
    assert re.search(r"wam-feed .*1 h 0 min.* fresh", terminal)
    assert re.search(r"reuters-pages .* never", terminal)
    assert "Newest events of run run-000" in terminal and "ECONOMIC_DATA" in terminal
    assert "5,000,000,000" in terminal

    assert len(points(page)) == 1 and 'data-pass-rate="0.9000"' in page
    assert len(bars(page)) == day_source_pairs(path) == 3
    assert re.findall(r'<section id="([^"]+)"', page) == [
        "pass-rate",
        "volume",
        "failures",
        "quarantine",
        "rejected",
        "freshness",
        "last-run",
        "tables",
    ]
    english = escape('"english"')  # the value as JSON, quotes escaped
    assert f"unexpected: {english}" in page
    assert f"<code>language</code>{english}" in page


def test_a_hundred_runs(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb", 100)
    status, terminal, page = run_report(path, tmp_path / "out")
    assert status == 0
    assert "100 run(s); last run run-099: partial" in terminal
    spark = re.search(r"pass rate, last 60 runs: (\S+)", terminal)
    assert spark and len(spark.group(1)) == 60 and "·" in spark.group(1)
    runs_table = terminal.split("Recent runs (latest 10)")[1].split("Failing expectations")[0]
    assert re.findall(r"run-\d{3}", runs_table) == [f"run-{i:03d}" for i in range(99, 89, -1)]
    assert re.search(rf"{re.escape(FAILING)} .* 4 of 20 runs", terminal)

    with_checks = sum(has_checks(i) for i in range(100))
    assert len(points(page)) == with_checks == 96
    assert page.count('class="no-checks"') == 4
    assert len(re.findall(r'<circle[^>]*class="point fail"', page)) == sum(
        fails(i, 100) for i in range(100)
    )
    assert len(bars(page)) == day_source_pairs(path)
    assert "Latest 20 runs" in page


def test_more_runs_than_the_chart_holds(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb", 505)
    status, terminal, page = run_report(path, tmp_path / "out")
    assert status == 0
    assert "505 run(s); last run run-504" in terminal
    assert "the latest 500 of 505 runs, oldest first" in page
    assert len(points(page)) + page.count('class="no-checks"') == 500
    with duckdb.connect(str(path), read_only=True) as con:
        window = con.execute(
            "with d as (select cast(first_seen_at at time zone 'UTC' as date) as day, "
            "source_name from articles) select count(distinct (day, source_name)) from d "
            "where day > (select max(day) from d) - 30"
        ).fetchone()[0]
    assert len(bars(page)) == window == 30 * len(SOURCES)


def test_every_article_string_is_escaped_in_page_and_terminal(tmp_path):
    path = build_warehouse(
        tmp_path / "w.duckdb",
        1,
        title=SCRIPT,
        summary="[bold red]markup[/bold red] & <b>tags</b>",
        origin='"><img src=x onerror=alert(2)>',
    )
    status, terminal, page = run_report(path, tmp_path / "out")
    assert status == 0
    assert "<script" not in page and "<img" not in page and "<b>tags" not in page
    assert page.count(ESCAPED) >= 3  # event's article, metric's article, quarantined row
    assert escape('"><img src=x onerror=alert(2)>') in page
    assert "[bold red]markup[/bold red] &amp; &lt;b&gt;tags&lt;/b&gt;" in page
    assert "[bold red]markup[/bold red]" in terminal  # shown as typed, not as rich markup
    assert SCRIPT in terminal


def test_the_page_loads_nothing_from_anywhere(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb", 3)
    _, _, page = run_report(path, tmp_path / "out")
    assert "default-src 'none'" in page
    for needle in ("<script", "<link", "@import", "url(", " src=", "<iframe", "<object"):
        assert needle not in page, needle


# Every element the page is made of; a value that slipped out of its escaping adds another.
PAGE_TAGS = frozenset(
    "html head meta title style body main h1 h2 h3 p a div span b section table tr th td code "
    "br details summary ul li svg line text polyline circle rect".split()
)


def hostile(field: str) -> str:
    """A value that becomes markup if written unescaped, in text or in an attribute."""
    return f'<x-{field}>" onclick="alert(\'{field}\')" data-injected="&amp;'


class PageParts(HTMLParser):
    """The tags, attributes and (decoded) text a browser would find in the page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data):
        self.text.append(data)


def make_hostile(path: Path, fields: dict[str, tuple[str, str]]) -> None:
    """Set each (table, column) of `fields` to hostile(field), and every run id too."""
    run = hostile("run_id")
    with duckdb.connect(str(path)) as con:
        tables = con.execute(
            "select table_name from information_schema.columns where column_name = 'run_id'"
        ).fetchall()
        for (table,) in tables:
            con.execute(f"update {table} set run_id = run_id || ?", [run])
        for field, (table, column) in fields.items():
            con.execute(f"update {table} set {column} = ?", [hostile(field)])


def test_every_value_from_the_warehouse_is_escaped_wherever_the_page_shows_it(tmp_path):
    fields = {
        "title": ("articles", "title"),
        "command": ("etl_runs", "command"),
        "status": ("etl_runs", "status"),
        "event_type": ("events", "event_type"),
        "summary": ("events", "summary"),
        "precision": ("events", "date_precision"),
        "country": ("events", "country_code"),
        "subject": ("metrics", "subject"),
        "unit": ("metrics", "unit"),
        "qualifier": ("metrics", "qualifier"),
        "measure": ("metrics", "measure"),
        "direction": ("metrics", "direction"),
        "period": ("metrics", "period_label"),
        "geography": ("metrics", "geography"),
        "metric_text": ("metrics", "text"),
        "origin": ("rejected_documents", "origin"),
        "rejection": ("rejected_documents", "reason"),
        "rejected_source": ("rejected_documents", "source_name"),
    }
    folder = tmp_path / hostile("folder")  # the database's path is on the page too
    folder.mkdir()
    path = build_warehouse(folder / "w.duckdb", 3)
    make_hostile(path, fields)
    with duckdb.connect(str(path)) as con:  # the run line is JSON, one of its lines the value
        con.execute("update etl_runs set details = ?", [json.dumps({"sources": [hostile("line")]})])
        con.execute("update articles set source_name = ?", [hostile("source")])
        con.execute(
            "update source_state set source_name = ? where source_name = 'wam-feed'",
            [hostile("source")],
        )
    (folder / "data_docs").mkdir()
    (folder / "data_docs" / "index.html").write_text("<html></html>")

    status, _, page = run_report(path, tmp_path / "out")
    assert status == 0
    parts = PageParts(page)
    assert parts.tags <= PAGE_TAGS, parts.tags - PAGE_TAGS
    assert not [
        name for name, _ in parts.attributes if name.startswith("on") or name == "data-injected"
    ]
    text = "".join(parts.text)
    for field in {*fields, "run_id", "line", "source", "folder"}:
        assert hostile(field) in text, field
    # In attributes too (the volume chart's bars, a run's point), the value stays one value.
    assert ("data-source", hostile("source")) in parts.attributes
    assert ("data-run-id", f"run-002{hostile('run_id')}") in parts.attributes
    assert ("class", f"badge {hostile('status')}") in parts.attributes


def test_the_page_loads_no_resource_over_the_network(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb", 3)
    _, _, page = run_report(path, tmp_path / "out")
    parts = PageParts(page)
    assert "script" not in parts.tags and "<script" not in page
    urls = [value for _, value in parts.attributes if re.search(r"https?:|^//", value.strip())]
    assert urls == []
    assert not re.search(r"https?://", page.split("<style>")[1].split("</style>")[0])
    # The URLs on the page are values shown as text, such as the rejected page's address.
    shown = re.findall(r"https?://[^\s<&\"']+", page)
    assert "https://dead.example/page.html" in shown
    assert all(any(url in text for text in parts.text) for url in shown)


def test_a_warehouse_from_before_the_severity_column_still_reports(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute((db.MIGRATIONS / "001_init.sql").read_text())
    insert(
        path,
        "etl_runs",
        [{"run_id": "r1", "started_at": NOW, "status": "partial", "command": "run"}],
    )
    insert(
        path,
        "dq_results",
        [
            {
                "run_id": "r1",
                "table_name": "articles",
                "expectation": FAILING,
                "success": False,
                "unexpected_count": 1,
            }
        ],
    )
    status, terminal, page = run_report(path, tmp_path / "out")
    assert status == 0
    assert "predates this report" in page and "predates this report" in terminal
    assert len(points(page)) == 1


def test_the_cli_writes_the_page_where_asked(tmp_path, capsys):
    path = build_warehouse(tmp_path / "w.duckdb", 2)
    out = tmp_path / "reports" / "today"
    assert main(["report", "--db", str(path), "--out", str(out)]) == 0
    assert (out / "report.html").read_text().startswith("<!doctype html>")
    assert f"report written to {out / 'report.html'}" in capsys.readouterr().out


def test_an_unwritable_out_dir_is_a_one_line_error(tmp_path, capsys):
    path = build_warehouse(tmp_path / "w.duckdb", 1)
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["report", "--db", str(path), "--out", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("wirehouse: cannot write")


# ------------------------------------------------------------------ the charts as functions


def test_many_sources_share_one_other_group_and_quiet_days_stay_on_the_axis():
    day = datetime(2025, 10, 1).date()
    records = [
        {"day": day, "source_name": f"source-{i:02d}", "rows": 20 - i} for i in range(12)
    ] + [{"day": day + timedelta(days=3), "source_name": "source-11", "rows": 4}]
    days, groups, stacks = volume_series(records)
    assert len(days) == 4  # the two days without articles are still drawn, empty
    assert groups == [f"source-{i:02d}" for i in range(8)] + ["other sources"]
    assert stacks[day]["other sources"] == 12 + 11 + 10 + 9
    chart = volume_chart(days, groups, stacks)
    assert len(bars(chart)) == 9 + 1
    assert 'data-source="other sources" data-rows="4"' in chart


def test_pass_rate_chart_points_and_gaps():
    runs = [
        {"run_id": f"r{i}", "started_at": NOW + timedelta(hours=i), "status": "success"}
        | ({"evaluated": 10, "passed": p} if p is not None else {"evaluated": 0, "passed": 0})
        for i, p in enumerate([10, 9, None, 10, 10])
    ]
    chart = pass_rate_chart(runs)
    assert len(points(chart)) == 4 and chart.count('class="no-checks"') == 1
    assert chart.count("<polyline") == 2  # the run without checks breaks the line
    assert sparkline(runs) == "█▅·██"  # on the chart's axis: 80% to 100%


# ------------------------------------------------------------------ in a browser


@pytest.fixture
def chromium(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(
            f"headless Chromium not found at {CHROMIUM} (Debian package `chromium`); "
            "the browser checks of the report need it"
        )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp_path / 'chromium-profile'}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done

    return run


@pytest.mark.e2e  # a headless browser
def test_chromium_draws_the_charts(tmp_path, chromium):
    path = build_warehouse(tmp_path / "w.duckdb", 100, title=SCRIPT)
    run_report(path, tmp_path / "out")
    dom = chromium("--dump-dom", (tmp_path / "out" / "report.html").as_uri()).stdout
    assert 'id="pass-rate-chart"' in dom and 'id="volume-chart"' in dom
    assert len(points(dom)) == 96
    assert len(bars(dom)) == day_source_pairs(path)
    assert "<script" not in dom and ESCAPED in dom


@pytest.mark.e2e  # a headless browser
def test_chromium_screenshot_is_a_real_picture(tmp_path, chromium):
    path = build_warehouse(tmp_path / "w.duckdb", 30)
    run_report(path, tmp_path / "out")
    shot = tmp_path / "report.png"
    chromium(
        f"--screenshot={shot}",
        "--window-size=1280,2000",
        "--hide-scrollbars",
        (tmp_path / "out" / "report.html").as_uri(),
    )
    width, height, pixels = read_png(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    # A blank or failed page is one or two colours; charts, badges and text make many.
    assert len(set(pixels)) > 100


def read_png(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the (still filtered) pixel bytes of a PNG: enough to tell it is drawn."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    return width, height, zlib.decompress(b"".join(chunks))


def test_the_report_links_the_data_docs_when_they_exist(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb", 1)
    _, _, page = run_report(path, tmp_path / "out")
    assert "Data Docs" not in page
    docs = tmp_path / "data_docs"
    docs.mkdir()
    (docs / "index.html").write_text("<html></html>")
    _, _, page = run_report(path, tmp_path / "out")
    assert '<a href="../data_docs/index.html">Great Expectations Data Docs</a>' in page
