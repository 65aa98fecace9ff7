"""How a predicted row matches a gold annotation: subjects by their content words, TIMEX3 values
and periods by the calendar days they cover. Shared by the gold-set scorer (``bench/accuracy.py``)
and the real-news numbers scorer (``bench/numbers.py``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "of", "a", "an", "in", "on", "for", "to", "and", "s", "its", "total"}


def content_words(text: str | None) -> set[str]:
    words = set(_WORD.findall((text or "").casefold()))
    return {w.rstrip("s") for w in words - _STOP}


def subject_matches(predicted: str | None, gold: str | None) -> bool:
    """Subjects match when most of the gold subject's content words are in the prediction."""
    want, got = content_words(gold), content_words(predicted)
    if not want:
        return not got
    return len(want & got) / len(want) >= 0.6 and bool(got)


def _none(value: Any) -> Any:
    """pandas turns missing strings into NaN; the gold set uses null."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value or None


def value_range(value: Any) -> tuple[date, date] | None:
    """The calendar days a TIMEX3 date value covers (None for durations, labels, vague)."""
    import calendar

    value = _none(value)
    if not isinstance(value, str):
        return None
    if "/" in value:
        left, right = (value_range(part) for part in value.split("/", 1))
        return (left[0], right[1]) if left and right else None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12])|-W(\d{2}))?", value)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(3):
        day = date(year, int(m.group(2)), int(m.group(3)))
        return day, day
    if m.group(2):
        month = int(m.group(2))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if m.group(4) or m.group(5):
        size = 3 if m.group(4) else 6
        first = (int(m.group(4) or m.group(5)) - 1) * size + 1
        last = first + size - 1
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    if m.group(6):
        monday = date.fromisocalendar(year, int(m.group(6)), 1)
        return monday, date.fromisocalendar(year, int(m.group(6)), 7)
    return date(year, 1, 1), date(year, 12, 31)


def same_value(predicted: Any, gold: Any) -> bool:
    """Equal values, or two spellings of the same calendar span ("2025-07/2025-09", "2025-Q3")."""
    predicted, gold = _none(predicted), _none(gold)
    if predicted == gold:
        return True
    span = value_range(gold)
    return span is not None and value_range(predicted) == span


def same_period(predicted: dict[str, Any], gold: Any) -> bool:
    """The metric's period is the gold one: the same label, or the same calendar days (a label
    such as "FY2025-26" names days that only the metric's period_start/period_end spell out)."""
    if same_value(predicted["period_label"], gold):
        return True
    span = value_range(gold)
    start, end = _none(predicted.get("period_start")), _none(predicted.get("period_end"))
    return (
        span is not None
        and start is not None
        and end is not None
        and span
        == (
            _as_date(start),
            _as_date(end),
        )
    )


def _as_date(value: Any) -> date:
    return value if type(value) is date else date.fromisoformat(str(value)[:10])
