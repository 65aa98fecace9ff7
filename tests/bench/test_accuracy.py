"""The gold-set scorer's matching rules: what counts as the same subject, time value and period."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from bench.matching import same_period, same_value, subject_matches, value_range


@pytest.mark.parametrize(
    ("predicted", "gold", "match"),
    [
        ("new energy vehicle sales", "new energy vehicle sales", True),
        ("sales of new energy vehicles", "new energy vehicle sales", True),
        ("vehicles", "new energy vehicle sales", False),
        (None, "exports", False),
        (None, None, True),
    ],
)
def test_subjects_match_on_most_content_words(predicted, gold, match):
    assert subject_matches(predicted, gold) is match


@pytest.mark.parametrize(
    ("value", "days"),
    [
        ("2025-09-27", (date(2025, 9, 27), date(2025, 9, 27))),
        ("2025-02", (date(2025, 2, 1), date(2025, 2, 28))),
        ("2025-Q3", (date(2025, 7, 1), date(2025, 9, 30))),
        ("2025-H1", (date(2025, 1, 1), date(2025, 6, 30))),
        ("2025-04/2026-03", (date(2025, 4, 1), date(2026, 3, 31))),
        ("FY2025-26", None),
        (None, None),
    ],
)
def test_time_values_cover_calendar_days(value, days):
    assert value_range(value) == days


def test_two_spellings_of_one_span_are_the_same_value():
    assert same_value("2025-07/2025-09", "2025-Q3")
    assert not same_value("2025-07/2025-08", "2025-Q3")


def metric(label, start, end):
    return {"period_label": label, "period_start": start, "period_end": end}


def test_a_fiscal_label_matches_the_days_it_names():
    fiscal = metric("FY2025-26", pd.Timestamp("2025-04-01"), pd.Timestamp("2026-03-31"))
    assert same_period(fiscal, "2025-04/2026-03")
    assert same_period(fiscal, "FY2025-26")
    assert not same_period(fiscal, "2025")
    assert not same_period(metric("FY2025-26", None, None), "2025-04/2026-03")
    assert same_period(metric("2025-Q2", date(2025, 4, 1), date(2025, 6, 30)), "2025-04/2025-06")
