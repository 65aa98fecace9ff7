"""Relative to the publication date: last month, this weekend, yesterday, on Friday, three
weeks ago.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.datemath import shift_days, within_calendar
from transforms.timex.calendar import _add_months, _anchor_value, _shift, _week_value, _year_value
from transforms.timex.context import _Env
from transforms.timex.numbers import _duration, _num, _unit, _vague_duration
from transforms.timex.pieces import _DAY_PARTS, _NUM, _UNITS, _VAGUE_NUM, _WEEKDAY, _rx
from transforms.timex.records import _Anaphor, _Item, _mk
from transforms.timex.rules.base import _WEEKDAY_WORDS, _Rule, _words
from transforms.timex.words import _NAMED_DAY_WORDS, _PART_OF_DAY, _UNIT_CODE, _WEEKDAY_NUM


def _unit_shift(unit: str, step: int) -> tuple[int, int, int]:
    """(years, months, days) that move a period of ``unit`` by ``step`` units."""
    if unit == "year":
        return step, 0, 0
    if unit == "month":
        return 0, step, 0
    if unit == "quarter":
        return 0, 3 * step, 0
    return 0, 0, 7 * step


_REL_STEP = {
    "last": -1,
    "the latest": -1,
    "the most recent": -1,
    "the last": -1,
    "the past": -1,
    "this": 0,
    "the current": 0,
    "next": 1,
    "the coming": 1,
}


_R_RELATIVE = _rx(
    r"(?<![\w-])(?P<x>(?:(?P<el>earlier|later)\s+)?(?P<rel>last|this|next|the\s+(?:current"
    r"|previous|prior|preceding|following|coming|same|latest|most\s+recent|last|past))\s+"
    r"(?P<u>year|month|week|weekend|quarter|decade|century))(?![\w-])"
)


def _h_relative(m: re.Match[str], env: _Env) -> _Item | None:
    rel = " ".join(m["rel"].lower().split())
    u = m["u"].lower()
    a = env.anchor
    if m["u"][0].isupper() and m["rel"][0].isupper():
        return None  # "This Week", "Next Year": a title
    el = (m["el"] or "").lower()
    if rel in ("the last", "the past") and u not in ("quarter", "century"):
        return None  # "the past year" is a duration
    if el and rel not in ("this", "the current"):
        return None
    if rel in ("the previous", "the prior", "the preceding", "the following", "the same"):
        if u in ("weekend", "decade", "century"):
            return None
        step = {"the following": 1, "the same": 0}.get(rel, -1)
        yrs, mos, dys = _unit_shift(u, step)
        fallback = None
        if step == -1:
            fallback = _shift(_anchor_value(a, u), yrs, mos, dys)
        return _Anaphor(u, yrs, mos, dys, fallback=fallback)
    step = _REL_STEP[rel]
    value: str | None
    if u == "decade":
        decade = a.year // 10 + step
        value = f"{decade:03d}" if 0 <= decade <= 999 else None
    elif u == "century":
        century = a.year // 100 + step
        value = f"{century:02d}" if 0 <= century <= 99 else None
    elif u == "weekend":
        day = shift_days(a, 7 * step)
        value = _week_value(day) + "-WE" if day else None
    else:
        value = _shift(_anchor_value(a, u), *_unit_shift(u, step))
    res = _mk(value)
    if el and res.rs and res.re_:
        if el == "earlier":
            res.re_ = max(res.rs, min(res.re_, a))
        else:
            res.rs = min(res.re_, max(res.rs, a))
    return res


RELATIVE = _Rule(_R_RELATIVE, _words("year month week weekend quarter decade century"), _h_relative)


def _weekend_value(env: _Env, start: int, end: int, this_past: bool) -> str | None:
    a = env.anchor
    if a.weekday() >= 5:
        return _week_value(a) + "-WE"
    if not this_past and env.future(start, end):
        return _week_value(a) + "-WE"
    before = shift_days(a, -7)
    return _week_value(before) + "-WE" if before else None


_R_WEEKEND = _rx(
    r"(?P<cue>\b(?:over|at|during|on|through|throughout|for|across|of|before|after|into|until"
    r"|till|by)\s+)?(?P<x>(?:this\s+past|the)\s+weekend)(?![\w-])"
)


def _h_weekend(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    this_past = m["x"].lower().startswith("this")
    if not this_past and not m["cue"]:
        return None
    return _mk(_weekend_value(env, start, end, this_past))


WEEKEND = _Rule(_R_WEEKEND, _words("weekend"), _h_weekend, 32, 4)


_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


_R_DAY_WORD = _rx(
    r"(?<![\w-])(?P<x>(?:(?:earlier|later)\s+)?(?P<around>the\s+day\s+(?:before|after)\s+)?"
    rf"(?P<w>today|tonight|yesterday|tomorrow)(?P<pod>\s+(?:{_DAY_PARTS}))?)"
    r"(?![\w-])"
)


def _h_day_word(m: re.Match[str], env: _Env) -> _Item | None:
    w = m["w"].lower()
    off = _DAY_OFFSET[w]
    if m["around"]:
        off += 1 if "after" in m["around"].lower() else -1
    day = shift_days(env.anchor, off)
    if day is None:
        return _mk(None)
    d = day.isoformat()
    pod = m["pod"].strip().lower() if m["pod"] else ("night" if w == "tonight" else None)
    if pod:
        return _mk(f"{d}T{_PART_OF_DAY[pod]}", kind="time")
    return _mk(d)


DAY_WORD = _Rule(_R_DAY_WORD, _words("today tonight yesterday tomorrow"), _h_day_word, 32, 16)


_R_PART_OF_DAY = _rx(rf"(?<![\w-])(?P<x>(?P<w>last|this)\s+(?P<pod>{_DAY_PARTS}))(?![\w-])")


def _h_part_of_day(m: re.Match[str], env: _Env) -> _Item | None:
    off = -1 if m["w"].lower() == "last" else 0
    pod = m["pod"].lower()
    if off == 0 and pod == "night":
        return None  # "this night" is not news English; leave it alone
    day = shift_days(env.anchor, off)
    if day is None:
        return _mk(None, kind="time")
    return _mk(f"{day.isoformat()}T{_PART_OF_DAY[pod]}", kind="time")


PART_OF_DAY = _Rule(_R_PART_OF_DAY, frozenset(_PART_OF_DAY), _h_part_of_day, 8, 4)


_FORWARD_CUES = frozenset({"starting", "beginning", "effective"})


# "runs until Thursday", "could fall through Friday": the end of a span still under way.
_UNTIL_CUES = frozenset({"until", "till", "through", "by"})


def _weekday_ahead(env: _Env, start: int, end: int) -> bool:
    """Whether a bare weekday is the coming one rather than the last."""
    prev = env.prev_word(start).lower()
    if prev in _FORWARD_CUES:
        return True
    if prev in _UNTIL_CUES:
        return not env.past_before(start)
    return env.tense(start, end) == "future"


def _named_day(env: _Env, start: int, end: int) -> bool:
    """ "Black Friday", "Super Tuesday", "the Sunday Times": a weekday inside a name, not
    after a subject or place ("The World Court Friday rejected")."""
    if not env.capitalised_name_before(start):
        return False
    return env.prev_word(start).lower() in _NAMED_DAY_WORDS or env.next_word(end)[:1].isupper()


_R_WEEKDAY = _rx(
    r"(?<![\w-])(?P<x>(?:(?-i:late|early)\s+(?=(?-i:[A-Z])))?(?:(?P<rel>last|next|this\s+past"
    r"|this\s+coming|this|the\s+coming|the\s+following|the\s+previous|coming|past)\s+)?"
    rf"(?P<wd>{_WEEKDAY})"
    rf"(?P<pod>\s+(?:{_DAY_PARTS}))?)(?![\w-])"
)


def _h_weekday(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    rel = " ".join((m["rel"] or "").lower().split())
    if not rel and _named_day(env, m.start("wd"), end):
        return None
    a, wd = env.anchor, _WEEKDAY_NUM[m["wd"].lower()]
    back = (a.weekday() - wd) % 7
    fwd = (wd - a.weekday()) % 7
    if rel in ("last", "this past", "the previous", "past"):
        d = shift_days(a, -(back or 7))
    elif rel in ("next", "this coming", "the coming", "the following", "coming"):
        d = shift_days(a, fwd or 7)
    elif rel == "this":
        d = shift_days(a, wd - a.weekday())
    elif _weekday_ahead(env, start, end):
        d = shift_days(a, fwd)
    else:
        d = shift_days(a, -back)
    if d is None:
        return _mk(None, kind="time" if m["pod"] else "date")
    if m["pod"]:
        return _mk(f"{d.isoformat()}T{_PART_OF_DAY[m['pod'].strip().lower()]}", kind="time")
    return _mk(d.isoformat())


WEEKDAY = _Rule(_R_WEEKDAY, _WEEKDAY_WORDS, _h_weekday, 24, 16)


def _ago_value(a: date, n: int, u: str) -> str | None:
    """The period ``n`` units before ``a``; None before the calendar begins."""
    if u == "year":
        return _year_value(a.year - n)
    if u in ("decade", "century"):
        return _year_value(a.year - n * _UNIT_CODE[u][0])
    if u == "month":
        month = within_calendar(lambda: _add_months(a, -n))
        return month.isoformat()[:7] if month else None
    if u in ("week", "fortnight"):
        week = shift_days(a, -7 * n * _UNIT_CODE[u][0])
        return _week_value(week) if week else None
    if u == "day":
        day = shift_days(a, -n)
        return day.isoformat() if day else None
    return a.isoformat()


# How many sentences back "a year ago" may find the quarter or half a story reports on.
_REACH = 8


_AMOUNT_BEFORE = re.compile(
    r"\d[\d,.]*(?:\s*%|\s+(?:percent|cents?|million|billion|a\s+share))?,?\s+$"
)


_R_AGO = _rx(
    rf"(?<![\w.,-])(?P<x>(?P<n>{_NUM}|{_VAGUE_NUM})\s+(?P<u>{_UNITS})\s+(?:or\s+so\s+)?ago)"
    r"(?![\w-])"
)


def _h_ago(m: re.Match[str], env: _Env) -> _Item | None:
    n = _num(m["n"])
    u = _unit(m["u"])
    if n is None:
        return _mk("PAST_REF")  # "several years ago", "a few months ago"
    if n != int(n):
        return _mk(None)
    value = _ago_value(env.anchor, int(n), u)
    # "rose 5% from a year ago" compares with the period just named; "A year ago, ..." does not.
    if int(n) == 1 and u in ("year", "month", "week"):
        shifts = {"year": (-1, 0, 0), "month": (0, -1, 0), "week": (0, 0, -7)}[u]
        # "net of $1.1 million a year ago": an amount compared with the same figure of the
        # period reported on, which earnings copy names a few sentences before.
        window = (
            3 if _AMOUNT_BEFORE.search(env.text, max(0, m.start("x") - 40), m.start("x")) else 0
        )
        return _Anaphor("any", *shifts, window=window, reach=_REACH, fallback=value)
    return _mk(value)


AGO = _Rule(_R_AGO, _words("ago"), _h_ago, 48, 4)


_AFTER_CLAUSE_END = re.compile(r"\s*+(?:[,.;:)]|$)")


_R_LATER = _rx(
    rf"(?<![\w.,-])(?P<x>(?P<n>{_NUM}|{_VAGUE_NUM})\s+(?P<u>{_UNITS})\s+"
    r"(?P<dir>earlier|later|before|after))(?![\w-])"
)


def _h_later(m: re.Match[str], env: _Env) -> _Item | None:
    direction = m["dir"].lower()
    end = m.end("x")
    if direction in ("before", "after") and not _AFTER_CLAUSE_END.match(env.text, end):
        return None
    if direction == "earlier" and env.next_word(end).lower() == "than":
        return None
    n = _num(m["n"])
    u = _unit(m["u"])
    if n is None and u in _UNIT_CODE:
        return _mk(_vague_duration(u), kind="duration")  # "a few days later": PXD, as TimeML
    if n is None or n != int(n) or u not in ("year", "month", "week", "day", "decade"):
        return _mk(None)
    k = int(n) * (-1 if direction in ("earlier", "before") else 1)
    if u in ("year", "decade"):
        k *= _UNIT_CODE[u][0]
        fallback = _year_value(env.anchor.year + k) if k < 0 else None
        return _Anaphor("any", years=k, reach=_REACH if k == -1 else 0, fallback=fallback)
    # With nothing to count from, "three days later" is the TimeML duration (P3D).
    length = _duration(int(n), u)
    if u == "month":
        return _Anaphor("any", months=k, fallback=length, fallback_kind="duration")
    days = k * (7 if u == "week" else 1)
    return _Anaphor("any", days=days, fallback=length, fallback_kind="duration")


LATER = _Rule(_R_LATER, _words("earlier later before after"), _h_later, 48, 4)
