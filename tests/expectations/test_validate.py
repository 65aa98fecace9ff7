"""Great Expectations suites on a batch: planted bad rows go to quarantine with their reasons."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from expectations.validate import (
    TABLES,
    add_check_columns,
    build_data_docs,
    load_suite,
    validate_batch,
)

NOW = datetime(2025, 10, 10, tzinfo=UTC)
BODY = "DUBAI, Oct 9 (WAM) -- Exports rose 12 percent to AED 5 billion in September."


def articles(*rows: dict) -> pd.DataFrame:
    base = {
        "url": None,
        "canonical_url": None,
        "source_name": "s",
        "wire_agency": "WAM",
        "source_chain": ["WAM"],
        "title": "t",
        "author": None,
        "dateline": "DUBAI",
        "published_at": datetime(2025, 10, 9, tzinfo=UTC),
        "published_date": None,
        "language": "en",
        "body_text": BODY,
        "word_count": 13,
        "content_hash": "a" * 64,
        "duplicate_of": None,
        "first_seen_at": NOW,
        "run_id": "r",
    }
    return pd.DataFrame([base | row for row in rows])


def metric(metric_id: str, article_id: str = "aaaaaaaaaaaaaaa1", **changes) -> dict:
    start = BODY.index("12 percent")
    row = {
        "metric_id": metric_id,
        "article_id": article_id,
        "subject": "exports",
        "value": 12.0,
        "unit": "percent",
        "qualifier": "exact",
        "measure": "change",
        "direction": "up",
        "period_start": None,
        "period_end": None,
        "period_label": None,
        "compared_with": None,
        "geography": "AE",
        "attributed_to_entity_id": None,
        "text": "12 percent",
        "start_char": start,
        "end_char": start + 10,
        "sentence": BODY,
        "run_id": "r",
    }
    return row | changes


def event(event_id: str, start: date, sentence: str = BODY) -> dict:
    start_char = 0 if sentence == BODY else None
    return {
        "event_id": event_id,
        "article_id": "aaaaaaaaaaaaaaa1",
        "event_type": "ECONOMIC_DATA",
        "summary": "s",
        "trigger": "rose",
        "date_start": start,
        "date_end": None,
        "date_precision": "day",
        "location_entity_id": None,
        "country_code": "AE",
        "sentence": BODY if start_char == 0 else sentence,
        "start_char": 0,
        "end_char": len(BODY),
        "confidence": 0.8,
        "run_id": "r",
    }


@pytest.fixture(scope="module")
def result():
    frames = {
        "articles": articles(
            {"article_id": "aaaaaaaaaaaaaaa1"},
            {"article_id": "aaaaaaaaaaaaaaa2", "published_at": datetime(2031, 1, 1, tzinfo=UTC)},
            {"article_id": "aaaaaaaaaaaaaaa3", "language": "English"},
        ),
        "metrics": pd.DataFrame(
            [
                metric("m1"),
                metric("m2", qualifier="roughly"),
                metric("m3", start_char=0, end_char=10),
                metric("m4", measure="share", unit="percent", value=140.0),
                metric("m5", value=float("inf")),
                metric("m6", article_id="aaaaaaaaaaaaaaa2"),
                metric("m7", article_id="ffffffffffffffff"),
                metric("m8", unit="XYZ"),
            ]
        ),
        "events": pd.DataFrame(
            [
                event("ev1", date(2025, 10, 8)),
                event("ev2", date(2025, 10, 20)),
                event("ev3", date(2025, 10, 20), "They will meet again."),
            ]
        ),
        "entities": pd.DataFrame(
            [
                {
                    "entity_id": "e1",
                    "name": "Dubai",
                    "entity_type": "GPE",
                    "country_code": "AE",
                    "aliases": [],
                    "run_id": "r",
                },
                {
                    "entity_id": "e2",
                    "name": "Dubai",
                    "entity_type": "CITY",
                    "country_code": "UAE",
                    "aliases": [],
                    "run_id": "r",
                },
            ]
        ),
    }
    return validate_batch(frames, "r", known_articles=set(), now=NOW)


def reasons(result, table: str) -> dict[str, list[str]]:
    rows = result.quarantine[result.quarantine["table_name"] == table]
    key = {"articles": "article_id", "metrics": "metric_id", "entities": "entity_id"}[table]
    return {json.loads(r)[key]: list(x) for r, x in zip(rows["row"], rows["reasons"], strict=True)}


def test_good_rows_pass(result):
    assert list(result.good["articles"]["article_id"]) == ["aaaaaaaaaaaaaaa1"]
    assert list(result.good["metrics"]["metric_id"]) == ["m1"]
    assert list(result.good["entities"]["entity_id"]) == ["e1"]
    assert "span_matches_body" not in result.good["metrics"].columns


def test_bad_articles_are_quarantined_with_their_reasons(result):
    assert reasons(result, "articles") == {
        "aaaaaaaaaaaaaaa2": ["expect_column_values_to_be_in_set(published_in_range)"],
        "aaaaaaaaaaaaaaa3": ["expect_column_values_to_match_regex(language)"],
    }


def test_bad_metrics_are_quarantined_with_their_reasons(result):
    assert reasons(result, "metrics") == {
        "m2": ["expect_column_values_to_be_in_set(qualifier)"],
        "m3": ["expect_column_values_to_be_in_set(span_matches_body)"],
        "m4": ["expect_column_values_to_be_in_set(share_in_range)"],
        "m5": ["expect_column_values_to_be_in_set(value_finite)"],
        "m6": ["parent article quarantined"],
        "m7": [
            "expect_column_values_to_be_in_set(parent_known)",
            "expect_column_values_to_be_in_set(span_matches_body)",
        ],
        "m8": ["expect_column_values_to_be_in_set(currency_is_iso_4217)"],
    }


def test_a_past_event_dated_after_its_story_is_quarantined(result):
    rows = result.quarantine[result.quarantine["table_name"] == "events"]
    got = {
        json.loads(r)["event_id"]: list(x)
        for r, x in zip(rows["row"], rows["reasons"], strict=True)
    }
    assert got["ev2"] == ["expect_column_values_to_be_in_set(past_event_not_after_publication)"]
    assert "ev1" not in got
    # ev3 says it will happen: a later date is fine, but its sentence is not the body's text.
    assert got["ev3"] == ["expect_column_values_to_be_in_set(span_matches_body)"]


def test_bad_entities(result):
    assert reasons(result, "entities") == {
        "e2": [
            "expect_column_values_to_be_in_set(country_code)",
            "expect_column_values_to_be_in_set(entity_type)",
        ]
    }


def test_results_record_every_expectation(result):
    frame = result.results
    assert set(frame["table_name"]) == {"articles", "metrics", "entities", "events"}
    failed = frame[~frame["success"]]
    assert set(failed["expectation"]) >= {
        "expect_column_values_to_be_in_set(qualifier)",
        "expect_column_values_to_match_regex(language)",
    }
    assert (frame["run_id"] == "r").all()


@pytest.mark.parametrize("table", TABLES)
def test_suites_are_gx_suites_named_after_their_table(table):
    suite = load_suite(table)
    assert suite.name == table
    assert len(suite.expectations) >= 3


def test_data_docs_are_built_once_for_every_validation_with_a_folder(tmp_path):
    docs = tmp_path / "docs"
    for batch in ("aaaaaaaaaaaaaaa1", "aaaaaaaaaaaaaaa2"):
        frames = {"articles": articles({"article_id": batch}, {"article_id": "bad"})}
        result = validate_batch(frames, "r", known_articles=set(), now=NOW, docs_dir=str(docs))
        assert list(result.good["articles"]["article_id"]) == [batch]
        assert reasons(result, "articles") == {
            "bad": ["expect_column_values_to_match_regex(article_id)"]
        }
    assert not docs.exists()  # nothing rendered per batch
    assert build_data_docs(str(docs)) == docs / "index.html"
    assert (docs / "index.html").exists()
    pages = list((docs / "validations" / "articles").rglob("*.html"))
    assert len(pages) == 2 and all("regular expression" in p.read_text() for p in pages)
    assert build_data_docs(str(docs)) is None  # nothing new since


@pytest.mark.parametrize(
    ("published_at", "limits", "in_range"),
    [
        (datetime(1989, 4, 28, tzinfo=UTC), {}, True),  # 1980s wire copy is news too
        (datetime(1700, 1, 1, tzinfo=UTC), {}, True),
        (datetime(1699, 12, 31, 23, 59, tzinfo=UTC), {}, False),
        (datetime(1989, 4, 28, tzinfo=UTC), {"earliest_published": "1990-01-01"}, False),
        (datetime(1650, 1, 1, tzinfo=UTC), {"earliest_published": date(1600, 1, 1)}, True),
        (datetime(2025, 10, 11, 23, tzinfo=UTC), {}, True),  # within two days of NOW
        (datetime(2025, 10, 12, 0, 1, tzinfo=UTC), {}, False),
        (datetime(2025, 10, 12, 0, 1, tzinfo=UTC), {"max_future_days": 3}, True),
        (datetime(9999, 12, 31, tzinfo=UTC), {"max_future_days": 10**9}, True),
    ],
)
def test_the_publication_window_is_configurable(published_at, limits, in_range):
    frames = {"articles": articles({"article_id": "a" * 16, "published_at": published_at})}
    checked = add_check_columns(frames, set(), NOW, **limits)
    assert list(checked["articles"]["published_in_range"]) == [in_range]
