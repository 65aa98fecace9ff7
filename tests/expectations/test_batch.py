"""Batch expectations: volume against recent runs, empty bodies, articles without entities,
freshness — as dq_results rows with a severity, loadable into the warehouse."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest

from expectations.batch import (
    DQ_COLUMNS,
    EMPTY_BODIES,
    FRESHNESS,
    NO_ENTITIES,
    VOLUME_DROP,
    VOLUME_SPIKE,
    BatchConfig,
    check_empty_bodies,
    check_entities,
    check_freshness,
    check_volume,
    failed,
    problems,
    run_batch_checks,
)
from warehouse import db

NOW = datetime(2025, 10, 10, 12, tzinfo=UTC)


def history(source: str, counts: list[int]) -> pd.DataFrame:
    """Earlier runs of one source, the last count the most recent."""
    return pd.DataFrame(
        [
            {
                "run_id": f"old-{i}",
                "started_at": NOW - timedelta(hours=len(counts) - i),
                "source_name": source,
                "documents": n,
            }
            for i, n in enumerate(counts)
        ]
    )


def volumes(**counts: int) -> pd.DataFrame:
    return pd.DataFrame([{"source_name": s, "documents": n} for s, n in counts.items()])


def articles(*rows: tuple[str, str, str], duplicates: set[str] = frozenset()) -> pd.DataFrame:
    """(article_id, source_name, body_text) rows."""
    return pd.DataFrame(
        [
            {
                "article_id": a,
                "source_name": s,
                "body_text": b,
                "title": f"Title of {a}",
                "duplicate_of": "orig" if a in duplicates else None,
            }
            for a, s, b in rows
        ]
    )


def by_check(results: pd.DataFrame) -> dict[str, dict]:
    return {r["expectation"]: r for r in results.to_dict(orient="records")}


# ------------------------------------------------------------------ volume

VOLUME_CASES = [
    # (earlier counts, this run, drop ok, spike ok, words in the drop summary)
    ([20, 22, 19, 21, 20], 20, True, True, "within"),
    ([20, 22, 19, 21, 20], 4, False, True, "below 10"),
    ([20, 22, 19, 21, 20], 0, False, True, "0 documents"),
    ([20, 22, 19, 21, 20], 75, True, False, "within"),
    ([20, 22], 0, True, True, "too early"),  # two earlier runs are not enough to judge
    ([2, 3, 2, 2], 0, True, True, "too small"),  # median 2: noise, not a signal
]


@pytest.mark.parametrize(("earlier", "now_count", "drop_ok", "spike_ok", "words"), VOLUME_CASES)
def test_volume_is_judged_against_the_median_of_recent_runs(
    earlier, now_count, drop_ok, spike_ok, words
):
    results = check_volume("run-now", volumes(wam=now_count), history("wam", earlier))
    checks = by_check(results)
    drop, spike = checks[f"{VOLUME_DROP}(wam)"], checks[f"{VOLUME_SPIKE}(wam)"]
    assert drop["success"] is drop_ok
    assert spike["success"] is spike_ok
    assert words in json.loads(drop["details"])["summary"]
    assert json.loads(drop["details"])["observed"] == now_count
    assert drop["severity"] == "fail" and spike["severity"] == "warn"


def test_volume_drop_counts_the_missing_documents():
    results = check_volume("r", volumes(wam=4), history("wam", [20, 20, 20]))
    drop = by_check(results)[f"{VOLUME_DROP}(wam)"]
    assert drop["unexpected_count"] == 16
    assert json.loads(drop["details"])["median"] == 20


def test_volume_uses_only_the_last_n_runs_and_never_the_current_one():
    # Long ago the source brought 500 a run; lately 20. The current run's own row is ignored.
    past = pd.concat(
        [
            history("wam", [500] * 10 + [20] * 5),
            pd.DataFrame(
                [{"run_id": "r", "started_at": NOW, "source_name": "wam", "documents": 999}]
            ),
        ]
    )
    results = check_volume("r", volumes(wam=21), past, BatchConfig(recent_runs=5))
    details = json.loads(by_check(results)[f"{VOLUME_DROP}(wam)"]["details"])
    assert details["median"] == 20 and details["recent_runs"] == 5
    assert results["success"].all()


def test_each_source_is_judged_on_its_own_history():
    past = pd.concat([history("wam", [20] * 5), history("xinhua", [200] * 5)])
    results = check_volume("r", volumes(wam=20, xinhua=20), past)
    assert set(failed(results)["expectation"]) == {f"{VOLUME_DROP}(xinhua)"}


def test_a_source_with_no_history_passes_with_a_note():
    results = check_volume("r", volumes(newcomer=3), None)
    assert results["success"].all()
    assert "0 earlier run" in json.loads(results["details"].iloc[0])["summary"]


# ------------------------------------------------------------------ empty bodies

BODY = "DUBAI, Oct 9 (WAM) -- Exports rose 12 percent."


def rejected(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"source_name": s, "origin": o, "reason": r} for s, o, r in rows])


def test_empty_body_share_counts_blank_articles_and_textless_rejections():
    arts = articles(("a1", "wam", BODY), ("a2", "wam", "   "), ("a3", "wam", BODY))
    rej = rejected(
        ("wam", "p1.html", "empty page"),
        ("wam", "p2.html", "no article text on the page"),
        ("wam", "feed.json:3", "malformed JSON (Expecting value)"),  # a document, but not empty
    )
    row = by_check(check_empty_bodies("r", arts, rej))[f"{EMPTY_BODIES}(wam)"]
    details = json.loads(row["details"])
    assert (details["count"], details["total"]) == (3, 6)
    assert row["unexpected_count"] == 3
    assert row["success"] is False and row["severity"] == "fail"
    assert details["sample"] == ["a2", "p1.html", "p2.html"]


EMPTY_CASES = [
    # (bodies, max share, success)
    ([BODY] * 10, 0.1, True),
    ([BODY] * 9 + [""], 0.1, True),  # exactly at the limit
    ([BODY] * 8 + ["", ""], 0.1, False),
    (["", ""], 0.1, True),  # fewer than min_documents: not judged
    ([BODY] * 8 + ["", ""], 0.25, True),
]


@pytest.mark.parametrize(("bodies", "limit", "success"), EMPTY_CASES)
def test_empty_body_share_limit(bodies, limit, success):
    arts = articles(*[(f"a{i}", "wam", b) for i, b in enumerate(bodies)])
    results = check_empty_bodies("r", arts, None, BatchConfig(max_empty_body_share=limit))
    assert bool(results["success"].iloc[0]) is success


def test_a_source_that_only_had_rejections_is_still_judged():
    rej = rejected(*[("dead-site", f"p{i}.html", "empty document") for i in range(4)])
    row = by_check(check_empty_bodies("r", articles(), rej))[f"{EMPTY_BODIES}(dead-site)"]
    assert row["success"] is False
    assert json.loads(row["details"])["share"] == 1.0


# ------------------------------------------------------------------ entities


def test_share_without_entities_leaves_copies_out():
    arts = articles(
        ("a1", "wam", BODY),
        ("a2", "wam", BODY),
        ("a3", "wam", BODY),
        ("a4", "wam", BODY),
        ("c1", "wam", BODY),
        duplicates={"c1"},
    )
    mentions = pd.DataFrame({"article_id": ["a1", "a1", "a2"]})
    row = by_check(check_entities("r", arts, mentions))[f"{NO_ENTITIES}(wam)"]
    details = json.loads(row["details"])
    assert (details["count"], details["total"]) == (2, 4)
    assert row["success"] is True  # 50% is the default limit
    assert row["severity"] == "warn"
    assert details["sample"] == ["a3: Title of a3", "a4: Title of a4"]


def test_no_mentions_at_all_fails_every_source_with_articles():
    arts = articles(*[(f"a{i}", "wam", BODY) for i in range(5)])
    results = check_entities("r", arts, None)
    assert not results["success"].any()
    assert results["unexpected_count"].tolist() == [5]


# ------------------------------------------------------------------ freshness


def state(**hours_ago: float | None) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "source_name": s,
                "last_success_at": None if h is None else NOW - timedelta(hours=h),
            }
            for s, h in hours_ago.items()
        ]
    )


FRESHNESS_CASES = [
    # (hours since last success, limit by source, success)
    (1, {}, True),
    (47.9, {}, True),
    (49, {}, False),
    (49, {"wam": 72}, True),
    (3, {"wam": 2}, False),
]


@pytest.mark.parametrize(("hours", "limits", "success"), FRESHNESS_CASES)
def test_freshness_against_the_default_or_the_sources_own_limit(hours, limits, success):
    config = BatchConfig(max_age_hours_by_source=limits)
    row = by_check(check_freshness("r", state(wam=hours), NOW, config=config))[f"{FRESHNESS}(wam)"]
    assert row["success"] is success
    assert row["unexpected_count"] == (0 if success else 1)
    assert json.loads(row["details"])["age_hours"] == pytest.approx(hours, abs=0.01)


def test_a_configured_source_that_never_succeeded_is_not_fresh():
    results = check_freshness("r", state(wam=1), NOW, sources=["wam", "xinhua"])
    checks = by_check(results)
    assert checks[f"{FRESHNESS}(wam)"]["success"] is True
    never = checks[f"{FRESHNESS}(xinhua)"]
    assert never["success"] is False
    assert json.loads(never["details"])["summary"] == "never succeeded"


def test_naive_and_offset_times_are_read_as_utc():
    frame = pd.DataFrame(
        [
            {"source_name": "naive", "last_success_at": datetime(2025, 10, 10, 11)},
            {"source_name": "offset", "last_success_at": "2025-10-10T15:00:00+04:00"},
        ]
    )
    details = {
        r["expectation"]: json.loads(r["details"])
        for r in check_freshness("r", frame, NOW).to_dict(orient="records")
    }
    assert details[f"{FRESHNESS}(naive)"]["age_hours"] == 1.0
    assert details[f"{FRESHNESS}(offset)"]["age_hours"] == 1.0


# ------------------------------------------------------------------ config and shape


def test_severity_comes_from_the_config_mapping():
    config = BatchConfig.from_mapping({"severity": {VOLUME_SPIKE: "fail", FRESHNESS: "fail"}})
    results = check_volume("r", volumes(wam=100), history("wam", [20] * 5), config)
    assert by_check(results)[f"{VOLUME_SPIKE}(wam)"]["severity"] == "fail"
    assert config.severity_of(VOLUME_DROP) == "fail"  # the default stays for the rest
    assert config.severity_of(NO_ENTITIES) == "warn"


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"severity": {VOLUME_DROP: "panic"}}, "warn or fail"),
        ({"severity": {"expect_the_unexpected": "warn"}}, "unknown batch check"),
        ({"max_age_hourz": 3}, "unknown batch check setting"),
        ({"drop_below": 2.0}, "drop_below"),
    ],
)
def test_bad_config_is_a_clear_error(mapping, message):
    with pytest.raises(ValueError, match=message):
        BatchConfig.from_mapping(mapping)


def test_run_batch_checks_gives_dq_results_rows_for_every_check():
    arts = articles(("a1", "wam", BODY), ("a2", "wam", BODY), ("a3", "wam", ""))
    results = run_batch_checks(
        "run-now",
        articles=arts,
        mentions=pd.DataFrame({"article_id": ["a1", "a2"]}),
        rejected=rejected(("wam", "x.html", "empty page")),
        volumes=volumes(wam=4),
        volume_history=history("wam", [20] * 5),
        source_state=state(wam=1),
        now=NOW,
        sources=["wam"],
    )
    assert tuple(results.columns) == DQ_COLUMNS
    assert (results["run_id"] == "run-now").all()
    assert sorted(results["expectation"]) == sorted(
        f"{c}(wam)" for c in (VOLUME_DROP, VOLUME_SPIKE, EMPTY_BODIES, NO_ENTITIES, FRESHNESS)
    )
    assert set(results["severity"]) <= {"warn", "fail"}
    for details in results["details"]:
        assert {"check", "source", "summary"} <= set(json.loads(details))
    assert set(failed(results)["expectation"]) == {f"{VOLUME_DROP}(wam)", f"{EMPTY_BODIES}(wam)"}
    lines = problems(results)
    assert lines[0].startswith("fail: expect_") and len(lines) == 2


def test_nothing_to_check_gives_an_empty_frame_with_the_columns():
    results = run_batch_checks("r", articles=pd.DataFrame(), now=NOW)
    assert results.empty and tuple(results.columns) == DQ_COLUMNS


def test_results_load_into_dq_results_and_feed_the_next_runs_volume_history(tmp_path):
    """The rows load as they are, severity included, and report_source_volumes.sql reads
    back what the volume check observed, for the next run to compare against."""
    import duckdb

    path = tmp_path / "w.duckdb"
    db.ensure_schema(path)
    for i, count in enumerate([20, 22, 21]):
        run_id = f"run-{i}"
        started = NOW - timedelta(hours=3 - i)
        past = db.lookup(path, "report_source_volumes", {})
        results = check_volume(run_id, volumes(wam=count), past)
        frames = {"etl_runs": db.run_record(run_id, "run", started), "dq_results": results}
        db.load_batch(path, frames)
    past = db.lookup(path, "report_source_volumes", {})
    assert past["run_id"].tolist() == ["run-2", "run-1", "run-0"]
    assert past["documents"].tolist() == [21, 22, 20]
    results = check_volume("run-3", volumes(wam=2), past)
    assert set(failed(results)["expectation"]) == {f"{VOLUME_DROP}(wam)"}
    with duckdb.connect(str(path), read_only=True) as con:
        severities = con.execute(
            "select severity, count(*) from dq_results group by all order by 1"
        ).fetchall()
    assert severities == [("fail", 3), ("warn", 3)]


def test_loading_a_runs_checks_again_replaces_them_and_nothing_else(tmp_path):
    import duckdb

    path = tmp_path / "w.duckdb"
    suite_row = {
        "run_id": "r",
        "batch_id": "r-b-0000",
        "table_name": "articles",
        "expectation": "expect_column_values_to_not_be_null(article_id)",
        "column_name": "article_id",
        "success": True,
        "unexpected_count": 0,
        "details": "{}",
    }
    db.load_batch(path, {"dq_results": pd.DataFrame([suite_row])})
    checks = check_freshness("r", state(wam=1, xinhua=100), NOW)
    db.load_batch(path, {"dq_results": checks})
    db.load_batch(path, {"dq_results": checks})
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            "select batch_id, severity, count(*) from dq_results group by all order by 1"
        ).fetchall()
    assert rows == [("r-b-0000", "fail", 1), ("r-checks", "warn", 2)]
