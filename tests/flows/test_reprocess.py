"""The raw archive: a run over HTTP keeps every payload, and `wirehouse reprocess` rebuilds the
derived tables from it identically with the network gone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import FIXTURES, ROOT
from tests.flows.test_crash_safety import snapshot

pytestmark = pytest.mark.e2e  # runs the CLI in subprocesses over HTTP, then again offline

DERIVED = (
    "event_participants",
    "events",
    "mentions",
    "entities",
    "time_expressions",
    "metrics",
    "quotes",
)

STORY = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{city}, Oct 6 (Reuters) - {lead}</p>
<p>Officials from the finance ministry said on Monday that exports rose 4.2 percent to
$3.1 billion in the third quarter, compared with the same period last year.</p>
<p>"We expect the momentum to continue into next year," said trade secretary Omar Siddiqui.</p>
</article></body></html>"""


def feed(base: str, paths: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}{p}</link>"
        f"<pubDate>Mon, 06 Oct 2025 0{i}:00:00 +0000</pubDate>"
        "<description>Teaser.</description></item>"
        for i, p in enumerate(paths)
    )
    channel = f"<channel><title>Desk</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def wirehouse(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WIREHOUSE_ALLOW_PRIVATE_HOSTS": "1"}
    return subprocess.run(
        [str(Path(sys.executable).parent / "wirehouse"), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=ROOT,
    )


def test_reprocess_rebuilds_every_table_without_the_network(tmp_path):
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        base = server.url_for("")
        server.expect_request("/robots.txt").respond_with_data("", status=404)
        paths = ["/world/port.html", "/world/trade.html", "/world/mills.html"]
        leads = [
            "Karachi's port authority reported record container traffic for September.",
            "Kenya and Tanzania agreed to cut border fees on transit cargo from next month.",
            "Textile mills in Faisalabad said orders from European buyers picked up again.",
        ]
        for path, lead, city in zip(paths, leads, ["KARACHI", "NAIROBI", "LAHORE"], strict=True):
            page = STORY.format(title=lead[:40], city=city, lead=lead)
            server.expect_request(path).respond_with_data(page, content_type="text/html")
        server.expect_request("/harbour.html").respond_with_data(
            (FIXTURES / "page-harbour.html").read_text(), content_type="text/html"
        )
        server.expect_request("/feed.rss").respond_with_data(
            feed(base.rstrip("/"), paths), content_type="application/rss+xml"
        )
        db = tmp_path / "w.duckdb"
        first = wirehouse(
            "ingest", server.url_for("/feed.rss"), server.url_for("/harbour.html"), "--db", str(db)
        )
        assert first.returncode == 0, first.stdout + first.stderr
    finally:
        server.clear()
        server.stop()  # from here on nothing answers: reprocess must not need the network

    before = snapshot(db)
    assert len(before["articles"]) == 4 and before["metrics"] and before["quotes"]
    with duckdb.connect(str(db)) as con:
        for table in DERIVED:
            con.execute(f"delete from {table}")
        stored = con.execute("select role, count(*) from raw_documents group by role").fetchall()
    assert dict(stored) == {"source": 2, "linked": 3}

    again = wirehouse("reprocess", "--db", str(db))
    assert again.returncode == 0, again.stdout + again.stderr
    assert snapshot(db) == before
