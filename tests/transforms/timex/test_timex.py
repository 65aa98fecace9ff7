"""Tests for the rule-based temporal expression extractor (transforms.timex) that are not
sentence-in, rows-out cases: those are data, in cases/timex.toml (test_timex_cases.py)."""

from __future__ import annotations

from datetime import date

from transforms.timex import extract_time_expressions

SUN = date(2025, 9, 28)  # a Sunday: the default publication date
JAN = date(2026, 1, 15)


def d(y: int, m: int, day: int) -> date:
    return date(y, m, day)


def test_empty_and_plain_text() -> None:
    assert extract_time_expressions("", SUN) == []
    assert extract_time_expressions("No dates here, only 12 apples and 3,000 people.", SUN) == []


def test_same_period_without_antecedent_falls_back_to_the_previous_year() -> None:
    (found,) = extract_time_expressions("Output rose compared with the same period last year.", JAN)
    assert (found.value, found.range_start, found.range_end) == (
        "2025",
        d(2025, 1, 1),
        d(2025, 12, 31),
    )


def test_antecedent_does_not_reach_beyond_the_previous_sentence() -> None:
    text = "Sales fell in August. Costs rose. Margins shrank. Profit fell from a year earlier."
    found = extract_time_expressions(text, SUN)
    assert [(t.text, t.value) for t in found] == [("August", "2025-08"), ("a year earlier", "2024")]


def test_a_year_earlier_reaches_back_to_the_reported_quarter() -> None:
    text = "Sales fell in Q3. Costs rose. Margins shrank. Profit fell from a year earlier."
    found = extract_time_expressions(text, SUN)
    assert [(t.text, t.value) for t in found] == [("Q3", "2025-Q3"), ("a year earlier", "2024-Q3")]
