"""The CLI on articles at the edges: impossible dates, a one-sentence flash, a huge body and a
body full of control characters all load, and what cleaning did is in `dq_results`."""

from __future__ import annotations

import json

import duckdb
import pytest

from tests.flows.test_end_to_end import wirehouse

STORY = (
    "The {name} harbour board said on Monday that container traffic rose 4 percent last year, "
    "and that the new quay would open next week. A decade ago the port handled half as much."
)


@pytest.mark.e2e  # a whole run into DuckDB
def test_edge_articles_load_and_their_warnings_are_recorded(tmp_path):
    rows = [
        {"id": "min", "published": "0001-01-01", "body": STORY.format(name="Arendal")},
        {"id": "max", "published": "9999-12-31T23:59:59Z", "body": STORY.format(name="Bodø")},
        {"id": "far", "published": "2300-05-05", "body": STORY.format(name="Cork")},
        {"id": "east", "published": "0001-01-01T00:00:00+14:00", "body": STORY.format(name="Deal")},
        {"id": "old", "published": "1989-11-02", "body": STORY.format(name="Esbjerg")},
        {
            "id": "flash",
            "published": "2025-12-01",
            "body": "BEIJING, Dec 1 (Xinhua) -- China's factory output grew 2.1 percent in "
            "November, the statistics bureau said.",
        },
        {"id": "long", "body": "\n\n".join([STORY.format(name="Fowey")] * 700)},
    ]
    lines = [json.dumps(r) for r in rows]
    lines.append(
        '{"id": "dirty\\ud800", "title": "Ferry\\u00a0fares\\u200b\\ud800", "body": "The\\u0000'
        " ferry\\u2060 company said on\\u200e Friday that fares would rise\\ud800 4\\u00a0"
        'percent."}'
    )
    source = tmp_path / "edge.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"

    done = wirehouse("ingest", str(source), "--db", str(db), "--published-default", "2025-12-01")

    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        count = con.execute(
            "select count(*), count(*) filter (where published_at is null) from articles"
        ).fetchone()
        old = con.execute(
            "select published_date from articles where body_text like '%Esbjerg%'"
        ).fetchone()
        warnings = con.execute(
            "select expectation, details from dq_results where severity = 'warn' and not success "
            "and expectation in ('published_plausible', 'body_cut') order by expectation"
        ).fetchall()
        dirty = con.execute(
            "select title, body_text from articles where body_text like 'The ferry%'"
        ).fetchone()
        quarantined = con.execute("select count(*) from quarantine").fetchone()
    # Unknown: the four impossible dates, and the two articles that never had one.
    assert count == (len(rows) + 1, 6)
    assert quarantined == (0,)
    assert old is not None and old[0].year == 1989  # kept: after 1700, not quarantined
    details = [json.loads(d) for _, d in warnings]
    checks = [c for c, _ in warnings]
    assert checks == ["body_cut"] + ["published_plausible"] * 4
    assert details[0]["detail"].startswith("kept ")
    assert {d["detail"].split(" date ")[0] for d in details[1:]} == {"stated"}
    assert all(d["article_id"] for d in details)
    assert dirty == (
        "Ferry fares\ufffd",
        "The ferry company said on Friday that fares would rise\ufffd 4 percent.",
    )
