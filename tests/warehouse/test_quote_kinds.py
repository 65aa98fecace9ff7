"""Quote kinds (migration 007): the columns exist, the pipeline fills them, the expectations
accept them, and a warehouse made before them upgrades with its quotes kept."""

from __future__ import annotations

import gzip
import shutil
from datetime import UTC, date, datetime

import duckdb
import pandas as pd

from tests.conftest import FIXTURES, allowed_values
from tests.warehouse.test_db import article as stored_article
from transforms.articles import build_article
from transforms.model import Document
from transforms.pipeline import analyse
from warehouse import db

BODY = (
    "Transport Minister Leila Haddad opened the new rail link on Monday. "
    "“We will double the fleet by 2027,” she said.\n\n"
    "Haddad said that fares would stay frozen until the end of the year. Critics called the "
    "timetable “wishful thinking” and said the trains were already full."
)


def test_the_pipeline_fills_kind_and_speaker_rule_and_they_load(nlp, tmp_path):
    doc = Document(id="rail-1", published="2025-10-06T09:00:00Z", body=BODY)
    article = build_article(doc, "test", date(2025, 10, 6), now=datetime(2025, 10, 7, tzinfo=UTC))
    frames = analyse([article], nlp, "run-q")
    quotes = frames["quotes"]
    assert set(quotes["kind"]) == {"direct", "mixed", "indirect"}
    assert quotes["kind"].notna().all()
    path = tmp_path / "w.duckdb"
    row = stored_article(article.article_id, article.body_text)
    db.load_batch(path, {"articles": pd.DataFrame([row]), "quotes": quotes})
    rows = db.query(
        path, "select kind, speaker_name, speaker_rule from quotes order by start_char"
    ).rows
    assert rows[0] == ("direct", "Leila Haddad", "pronoun")
    assert ("indirect", "Leila Haddad", "named") in rows
    assert all(kind is not None for kind, _, _ in rows)


def test_the_quotes_suite_accepts_exactly_the_three_kinds():
    assert allowed_values("quotes", "kind") == ("direct", "mixed", "indirect")


def test_quotes_stored_before_version_7_become_direct(tmp_path):
    path = tmp_path / "w.duckdb"
    with gzip.open(FIXTURES / "warehouse-v1.duckdb.gz") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    with duckdb.connect(str(path)) as con:
        con.execute(
            "insert into quotes (quote_id, article_id, speaker_name, text, start_char, end_char,"
            " run_id) values ('q1', 'a1', 'Jane Roe', 'An old quote in the file', 0, 24, 'r1')"
        )
    db.ensure_schema(path)
    rows = db.query(path, "select quote_id, kind, speaker_rule from quotes").rows
    assert rows == [("q1", "direct", None)]
