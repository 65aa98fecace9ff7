"""Date arithmetic on TIMEX3 values: granularity, the days a value covers, shifts and
coarsening.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from transforms.datemath import CALENDAR_ERRORS, in_calendar, make_date
from transforms.timex.words import _SEASON_START


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


_safe_date = make_date


def _week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _year_value(y: int) -> str | None:
    """A year as a TIMEX3 value ("0990", "2025"), or None outside the calendar."""
    return f"{y:04d}" if in_calendar(y) else None


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


_V_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_V_TIME = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T")
_V_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_V_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_V_HALF = re.compile(r"^(\d{4})-H([12])$")
_V_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_V_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_V_YEAR = re.compile(r"^(\d{4})$")
_V_DECADE = re.compile(r"^(\d{3})$")
_V_CENTURY = re.compile(r"^(\d{2})$")


def _gran(value: str) -> str:
    """Granularity name of a TIMEX3 value produced by this module."""
    if "/" in value:
        return "range"
    for name, rx in (
        ("day", _V_DAY),
        ("time", _V_TIME),
        ("month", _V_MONTH),
        ("quarter", _V_QUARTER),
        ("half", _V_HALF),
        ("season", _V_SEASON),
        ("year", _V_YEAR),
        ("decade", _V_DECADE),
        ("century", _V_CENTURY),
    ):
        if rx.match(value):
            return name
    m = _V_WEEK.match(value)
    if m:
        return "weekend" if m.group(3) else "week"
    return "other"


def _span_of(value: str) -> tuple[date, date] | None:
    """The calendar days a TIMEX3 value covers, or None for labels without a calendar."""
    if "/" in value:
        a, _, b = value.partition("/")
        sa, sb = _span_of(a), _span_of(b)
        return (sa[0], sb[1]) if sa and sb else None
    try:
        m = _V_DAY.match(value) or _V_TIME.match(value)
        if m:
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        m = _V_MONTH.match(value)
        if m:
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo)
        m = _V_QUARTER.match(value)
        if m:
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        m = _V_HALF.match(value)
        if m:
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
        m = _V_WEEK.match(value)
        if m:
            y, w = int(m[1]), int(m[2])
            if m[3]:
                return date.fromisocalendar(y, w, 6), date.fromisocalendar(y, w, 7)
            return date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)
        m = _V_SEASON.match(value)
        if m:
            start = date(int(m[1]), _SEASON_START[m[2]], 1)
            return start, _add_months(start, 3) - timedelta(days=1)
        m = _V_YEAR.match(value)
        if m:
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        m = _V_DECADE.match(value)
        if m:
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        m = _V_CENTURY.match(value)
        if m:
            y = int(m[1]) * 100
            return date(y, 1, 1), date(y + 99, 12, 31)
    except CALENDAR_ERRORS:
        return None
    return None


def _shift(value: str, years: int = 0, months: int = 0, days: int = 0) -> str | None:
    """Move a value by a calendar amount, keeping its granularity; None where that is undefined."""
    if "/" in value:
        parts = [_shift(p, years, months, days) for p in value.split("/")]
        return "/".join(p for p in parts if p) if all(parts) else None
    g = _gran(value)
    total = years * 12 + months
    try:
        if g in ("day", "time"):
            d = date(int(value[:4]), int(value[5:7]), int(value[8:10]))
            return (_add_months(d, total) + timedelta(days=days)).isoformat() + value[10:]
        if g in ("week", "weekend"):
            if months or days % 7:
                return None
            y, w = int(value[:4]) + years, int(value[6:8])
            w = min(w, date(y, 12, 28).isocalendar()[1])
            monday = date.fromisocalendar(y, w, 1) + timedelta(days=days)
            return _week_value(monday) + value[8:]
        if days:
            return None
        y = int(value[:4])
        if g == "month":
            ny, nm = divmod(y * 12 + int(value[5:7]) - 1 + total, 12)
            return f"{ny:04d}-{nm + 1:02d}" if in_calendar(ny) else None
        if g == "quarter" and total % 3 == 0:
            ny, nq = divmod(y * 4 + int(value[6]) - 1 + total // 3, 4)
            return f"{ny:04d}-Q{nq + 1}" if in_calendar(ny) else None
        if g == "half" and total % 6 == 0:
            ny, nh = divmod(y * 2 + int(value[6]) - 1 + total // 6, 2)
            return f"{ny:04d}-H{nh + 1}" if in_calendar(ny) else None
        if g in ("year", "season") and total % 12 == 0:
            ny = y + total // 12
            return f"{ny:04d}{value[4:]}" if in_calendar(ny) else None
    except CALENDAR_ERRORS:
        return None
    return None


def _coarsen(value: str, target: str) -> str | None:
    """The enclosing period of granularity ``target`` ("month" of a day), or None."""
    if "/" in value:
        value = value.rsplit("/", 1)[1]
    g = _gran(value)
    if g == "time":
        value, g = value[:10], "day"
    if g == target or (target == "week" and g == "weekend"):
        return value
    if g not in ("day", "month", "quarter", "half", "season", "week", "weekend", "year"):
        return None
    if target == "year":
        return value[:4]
    span = _span_of(value)
    if span is None:
        return None
    d = span[0]
    if target == "month" and g == "day":
        return value[:7]
    if target == "quarter" and g in ("day", "month"):
        return f"{d.year:04d}-Q{_quarter_of(d)}"
    if target == "half" and g in ("day", "month", "quarter"):
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if target == "week" and g == "day":
        return _week_value(d)
    return None


def _anchor_value(anchor: date, gran: str) -> str:
    """The period of granularity ``gran`` that contains the anchor day."""
    if gran == "day":
        return anchor.isoformat()
    if gran == "month":
        return anchor.isoformat()[:7]
    if gran == "quarter":
        return f"{anchor.year:04d}-Q{_quarter_of(anchor)}"
    if gran == "half":
        return f"{anchor.year:04d}-H{1 if anchor.month <= 6 else 2}"
    if gran == "week":
        return _week_value(anchor)
    return f"{anchor.year:04d}"


def _part(mod: str | None) -> str | None:
    """Normalise a modifier ("the end of", "mid") to the third of the period it selects."""
    if not mod:
        return None
    low = mod.lower()
    if "mid" in low:
        return "mid"
    if any(w in low for w in ("early", "beginning", "start")):
        return "early"
    return "late"


def _narrow(rs: date, re_: date, part: str) -> tuple[date, date]:
    """The first, middle or last third of a span, in whole months where it is month-aligned."""
    months = (re_.year - rs.year) * 12 + re_.month - rs.month + 1
    aligned = rs.day == 1 and re_ == _month_end(re_.year, re_.month)
    if aligned and months >= 36 and months % 12 == 0:
        years = months // 12
        third = years // 3
        if part == "early":
            return rs, date(rs.year + third - 1, 12, 31)
        if part == "mid":
            return date(rs.year + third, 1, 1), date(re_.year - third, 12, 31)
        return date(re_.year - third + 1, 1, 1), re_
    if aligned and months >= 3:
        third = months // 3
        if part == "early":
            return rs, _add_months(rs, third) - timedelta(days=1)
        if part == "mid":
            return _add_months(rs, third), _add_months(rs, months - third) - timedelta(days=1)
        return _add_months(rs, months - third), re_
    n = (re_ - rs).days + 1
    third = max(n // 3, 1)
    if part == "early":
        return rs, rs + timedelta(days=third - 1)
    if part == "mid":
        return rs + timedelta(days=third), re_ - timedelta(days=third)
    return re_ - timedelta(days=third - 1), re_
