"""Calendar arithmetic that stays inside the calendar.

Python dates run from 0001-01-01 to 9999-12-31; a step past either end raises OverflowError
(``date + timedelta``) or ValueError (``date(0, 1, 1)``). A publication date near an end (a
page dated 0001-01-01, a feed dated 9999-12-31) must not crash a transform, so relative
arithmetic goes through these helpers, which give None where the result has no date.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import TypeVar

T = TypeVar("T")

# What calendar arithmetic raises when it leaves the calendar.
CALENDAR_ERRORS = (OverflowError, ValueError)


def in_calendar(year: int) -> bool:
    """Whether a year has dates (1 to 9999)."""
    return MINYEAR <= year <= MAXYEAR


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (year 0, 30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date | None:
    """The last day of a month, or None outside the calendar."""
    if not in_calendar(year) or not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def shift_days(day: date, days: int) -> date | None:
    """``day`` moved by ``days``, or None past either end of the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def add_months(day: date, months: int) -> date | None:
    """``day`` moved by whole months (the day clipped to the month's length), or None."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    end = month_end(year, month0 + 1)
    return end.replace(day=min(day.day, end.day)) if end else None


def within_calendar(compute: Callable[[], T]) -> T | None:
    """Run a computation made of calendar arithmetic; None if it leaves the calendar."""
    try:
        return compute()
    except CALENDAR_ERRORS:
        return None
