"""Seasons and holidays: last summer, winter 2024, Christmas, Easter, Thanksgiving."""

from __future__ import annotations

import re
from datetime import date, timedelta

from transforms.datemath import in_calendar, within_calendar
from transforms.timex.calendar import _add_months, _month_end, _part, _safe_date
from transforms.timex.context import _Env
from transforms.timex.pieces import _MOD, _SEASON_WORDS, _YEAR, _rx
from transforms.timex.records import _Item, _mk, _Res, _YearLess
from transforms.timex.rules.base import _Rule, _words
from transforms.timex.rules.dates import _yearless_day
from transforms.timex.words import _HOLIDAYS, _NOT_AFTER_SEASONS, _SEASON_START, _SEASONS


def _season_bounds(y: int, code: str) -> tuple[date, date]:
    """First and last day of a season; winter 9999 ends with the calendar."""
    start = date(y, _SEASON_START[code], 1)
    after = within_calendar(lambda: _add_months(start, 3))
    return start, (after - timedelta(days=1)) if after else date.max


_SEASON_CUES = frozenset("in into during by until since over through throughout".split())


_SEASON_HEADS = frozenset(
    "weather heat heatwave heatwaves temperatures temperature months holidays holiday travel "
    "peak demand rains rainfall monsoon drought storms storm harvest sowing crop crops".split()
)


_R_SEASON = _rx(
    rf"(?<![\w-])(?P<x>{_MOD}?(?:(?P<rel>this\s+past|this|last|next|the\s+coming|the)\s+)?"
    rf"(?P<s>{_SEASON_WORDS})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})(?!\d))?)"
    r"(?![\w-])"
)


def _h_season(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    s = m["s"].lower()
    code = _SEASONS[s]
    rel = " ".join((m["rel"] or "").lower().split())
    part = _part(m["mod"])
    nxt = env.next_word(end)
    if nxt[:1].isupper() or nxt.lower() in _NOT_AFTER_SEASONS:
        return None
    if m["s"][0].isupper() and env.capitalised_name_before(start):
        return None  # "Arab Spring"
    if s == "fall" and not (m["y"] or rel in ("this", "last", "next")):
        return None
    # "in the summer" is a season; "The winter campaign" only names one.
    cued = env.prev_word(m.start("rel") if rel == "the" else start).lower() in _SEASON_CUES
    # "hot summer weather", "winter demand": the season itself, not a name for something.
    about = nxt.lower() in _SEASON_HEADS
    if not (m["y"] or part or (rel and rel != "the") or cued or about):
        return None
    a = env.anchor
    if m["y"]:
        y = int(m["y"])
        return _mk(f"{y}-{code}", part=part, explicit_year=y)
    if rel == "this":
        y = a.year - 1 if code == "WI" and a.month <= 2 else a.year
    elif rel in ("last", "this past"):
        y = a.year
        while in_calendar(y) and _season_bounds(y, code)[1] >= a:
            y -= 1
    elif rel in ("next", "the coming"):
        y = a.year
        while in_calendar(y) and _season_bounds(y, code)[0] <= a:
            y += 1
    else:
        return _YearLess(lambda yy: _mk(f"{yy:04d}-{code}", part=part), "window")
    if not in_calendar(y):
        return _mk(None)
    return _mk(f"{y:04d}-{code}", part=part)


SEASON = _Rule(_R_SEASON, frozenset(_SEASONS), _h_season, 40, 16)


_R_HOLIDAY = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+(?=[A-Z][\w\s'’]*\s(?-i:weekend)))?(?P<name>(?-i:Christmas"
    r"(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|Valentine['’]s\s+Day"
    r"|Boxing\s+Day|Labou?r\s+Day|Memorial\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?"
    r"|Good\s+Friday|Easter\s+Monday))(?P<we>\s+(?-i:weekend))?)(?![\w-])"
)


def _h_holiday(m: re.Match[str], env: _Env) -> _Item | None:
    name = " ".join(m["name"].lower().replace("’", "'").replace("labour", "labor").split())
    if name == "christmas" and env.next_word(m.end("x"))[:1].isupper():
        return None  # "Christmas Island"
    if name in _HOLIDAYS and not m["we"]:
        mo, d = _HOLIDAYS[name]
        return _yearless_day(mo, d)
    weekend = m["we"] is not None

    def build(y: int) -> _Res | None:
        day = _holiday_date(name, y)
        if day is None:
            return None
        if not weekend:
            return _mk(day.isoformat())
        # The long weekend around it: Saturday to a Monday holiday, Friday to Easter Monday.
        if day.weekday() == 0:
            first, last = day - timedelta(days=2), day
        elif day.weekday() == 3:
            first, last = day, day + timedelta(days=3)
        elif day.weekday() == 6:
            first, last = day - timedelta(days=2), day + timedelta(days=1)
        else:
            first, last = day, day + timedelta(days=3)
        return _mk(f"{first.isoformat()}/{last.isoformat()}")

    return _YearLess(build, "window")


HOLIDAY = _Rule(
    _R_HOLIDAY,
    _words("christmas new halloween valentine boxing labor labour memorial thanksgiving")
    | _words("easter good"),
    _h_holiday,
    8,
    32,
)


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (the anonymous algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(y, month, day + 1)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    """The n-th (or, with n = -1, the last) given weekday of a month."""
    if n < 0:
        last = _month_end(y, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(y, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _holiday_date(name: str, y: int) -> date | None:
    if name in _HOLIDAYS:
        return _safe_date(y, *_HOLIDAYS[name])
    if name == "labor day":
        return _nth_weekday(y, 9, 0, 1)  # United States and Canada
    if name == "memorial day":
        return _nth_weekday(y, 5, 0, -1)
    if name.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)  # United States
    easter = _easter(y)
    offsets = {"easter": 0, "easter sunday": 0, "good friday": -2, "easter monday": 1}
    return easter + timedelta(days=offsets[name]) if name in offsets else None
