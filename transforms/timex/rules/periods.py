"""Quarters and halves: Q3, the third quarter, the September quarter, the nine months ended
June, early 2025.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from transforms.datemath import in_calendar
from transforms.timex.calendar import _add_months, _month_end, _part, _safe_date
from transforms.timex.context import _Env
from transforms.timex.fiscal import (
    _fy_containing,
    _fy_first_year,
    _fy_label,
    _fy_labelled,
    _fy_res,
    _months_value,
)
from transforms.timex.numbers import _num
from transforms.timex.pieces import _DAY, _MOD, _MON, _NUM, _YEAR, _YEARREF, _rx
from transforms.timex.records import _Item, _mk, _Res, _whole_months, _YearLess
from transforms.timex.rules.base import _YR_CONN, _Rule, _words
from transforms.timex.rules.dates import _month_of
from transforms.timex.rules.fiscal import _FY_STEP
from transforms.timex.words import _ORDINALS, _SPORTS


def _yearref(m: re.Match[str], env: _Env) -> tuple[str, int, str]:
    """How a period names its year: ("explicit"|"fixed", year, ""), ("fy", first calendar year
    or 0 where the fiscal calendar is unknown, label), ("ctx", 0, "")."""
    gd = m.groupdict()
    anchor = env.anchor
    if gd.get("yr_fy"):
        cal = env.fiscal_at(m.start("x"))
        fm = re.search(r"(\d{4}|\d\d)(?:[-–/](\d{4}|\d\d))?", gd["yr_fy"])
        if fm:
            a, b = fm.group(1), fm.group(2)
            label = _fy_label(a, b) or ""
            if cal is None or not label or (b is not None and cal.start == 1):
                return ("fy", 0, label)
            return ("fy", _fy_first_year(cal, a, b), label)
        if cal is None:
            return ("fy", 0, "")
        words = gd["yr_fy"].lower().split()
        step = next((_FY_STEP[w] for w in words if w in _FY_STEP), 0)
        return ("fy", _fy_containing(cal, anchor) + step, "")
    if gd.get("yr_y"):
        return ("explicit", int(gd["yr_y"]), "")
    if gd.get("yr_this"):
        return ("fixed", anchor.year, "")
    if gd.get("yr_last"):
        return ("fixed", anchor.year - 1, "")
    if gd.get("yr_next"):
        return ("fixed", anchor.year + 1, "")
    return ("ctx", 0, "")


def _period(
    m: re.Match[str],
    env: _Env,
    value_of: Callable[[int], str],
    fy_suffix: str,
    part: str | None = None,
    probe: Callable[[int], date] | None = None,
    fiscal: tuple[int, int] | None = None,
) -> _Item | None:
    """A sub-year period whose year comes from a year reference or from context; ``fiscal``
    is (first month, months) of the period within a fiscal year."""
    mode, y, label = _yearref(m, env)
    if mode == "fy":
        cal = env.fiscal_at(m.start("x"))
        if y and cal is not None:
            return _fy_res(cal, y, fiscal)
        return _mk(f"{label}{fy_suffix}" if label and fy_suffix else label or None)
    if mode in ("explicit", "fixed"):
        if not in_calendar(y):
            return _mk(None)  # "next year" in a story dated 9999
        return _mk(value_of(y), part=part, explicit_year=y if mode == "explicit" else None)

    def build(yy: int) -> _Res:
        return _mk(value_of(yy), part=part)

    return _YearLess(build, "period", probe)


def _sporty(env: _Env, m: re.Match[str]) -> bool:
    """A quarter or half of a game, not of a year."""
    gd = m.groupdict()
    has_year = any(gd.get(k) for k in ("yr_fy", "yr_y", "yr_this", "yr_last", "yr_next", "yr_the"))
    if has_year:
        return False
    return env.sporty or _SPORTS.search(env.sentence(m.start("x"))) is not None


# A year named before the quarter: "the 1988 second quarter", "this year's third quarter",
# "the year-ago third quarter".
_QUARTER_YEAR = (
    rf"(?:(?P<qy>{_YEAR})(?:['’]s)?\s+|(?P<qrel>last|this|next)\s+year['’]s\s+"
    r"|(?:comparable\s+)?(?P<qago>year[-\s](?:ago|earlier)|(?:prior|previous)[-\s]year)\s+)"
)


_R_QUARTER_ORDINAL = _rx(
    rf"(?<![\w-])(?P<x>{_MOD}?(?:the\s+)?{_QUARTER_YEAR}?(?P<fiscal>fiscal\s+)?"
    r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter"
    rf"(?:{_YR_CONN}{_YEARREF})?)(?![\w-])(?!\s+of\s)"
)


def _h_quarter_ordinal(m: re.Match[str], env: _Env) -> _Item | None:
    ordw = m["ord"].lower()
    q = 4 if ordw in ("final", "last") else _ORDINALS[ordw]
    gd = m.groupdict()
    has_ref = any(gd.get(k) for k in ("yr_fy", "yr_y", "yr_this", "yr_last", "yr_next", "yr_the"))
    if ordw in ("final", "last") and not has_ref:
        return None
    if _sporty(env, m):
        return None
    if m["fiscal"] and not gd.get("yr_fy"):
        return _Res("date", None)
    part = _part(m["mod"])
    if m["qy"]:
        return _mk(f"{m['qy']}-Q{q}", part=part)
    if m["qrel"]:
        return _mk(f"{env.anchor.year + _REL_STEP[m['qrel'].lower()]:04d}-Q{q}", part=part)
    if m["qago"]:
        # The quarter a bare "third quarter" would be, a year earlier.
        return _YearLess(
            lambda y: _mk(f"{y - 1:04d}-Q{q}", part=part),
            "period",
            lambda y: date(y, 3 * q - 2, 1),
        )
    return _period(m, env, lambda y: f"{y:04d}-Q{q}", f"-Q{q}", part, fiscal=(3 * q - 3, 3))


_REL_STEP = {"last": -1, "this": 0, "next": 1}


QUARTER_ORDINAL = _Rule(_R_QUARTER_ORDINAL, _words("quarter"), _h_quarter_ordinal, 48, 40)


_PERIOD_WORD_MONTHS = {"quarter": 3, "half": 6, "half year": 6, "half-year": 6, "year": 12}


# "the 12 months to September", "the nine months ending June": the period is placed by its
# last month, whatever the ordinal says about a fiscal calendar. With a day ("the quarter ended
# Sept. 30") the period and the day are two expressions, as TIMEX3 marks them: the rule takes
# the period and the day is a date of its own.
_PERIOD_HEAD = (
    r"(?:the\s+)?(?:fiscal\s+)?(?:(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+)?"
    rf"(?:fiscal\s+)?(?:(?P<n>{_NUM})[\s-]+(?P<u>months?|quarters?)|(?P<w>quarter|half[\s-]year"
    r"|half|year))"
)
_R_PERIOD_ENDING = _rx(
    rf"(?<![\w-])(?P<x>{_PERIOD_HEAD}"
    rf"(?:\s+(?P<rel>ended|ending|to|through)\s+(?:on\s+)?(?P<mon>{_MON})(?![.\s]*\d{{1,2}}\b)"
    rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
    rf"|(?=\s+(?P<rel2>ended|ending|to|through)\s+(?:on\s+)?(?P<mon2>{_MON})\s*(?P<d>{_DAY})"
    rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>{_YEAR})(?!\d))?)))(?![\w-])"
)


def _h_period_ending(m: re.Match[str], env: _Env) -> _Item | None:
    if m["n"]:
        k = _num(m["n"])
        if k is None or k != int(k):
            return None
        n = int(k) * (3 if m["u"].lower().startswith("quarter") else 1)
    else:
        n = _PERIOD_WORD_MONTHS[" ".join(m["w"].lower().split())]
    if not 1 <= n <= 24:
        return None
    last = _month_of(m["mon"] or m["mon2"])
    d = int(m["d"]) if m["d"] else None
    if d is not None and not 1 <= d <= 31:
        return None
    stated = m["y"] or m["y2"]

    def build(y: int) -> _Res:
        first = _add_months(date(y, last, 1), 1 - n)
        return _mk(_months_value(first.year, first.month, n), explicit_year=y if stated else None)

    item: _Item
    if stated:
        item = build(int(stated))
    elif (m["rel"] or m["rel2"]).lower() == "ended":
        # "ended" is over: it is placed by its last day.
        def ended(y: int) -> date:
            return (_safe_date(y, last, d) if d else None) or _month_end(y, last)

        item = _YearLess(build, "period", ended)
    else:
        item = _YearLess(build, "period")
    return _as_whole_months(item, n, "P1Y" if m["w"] and m["w"].lower() == "year" else None)


PERIOD_ENDING = _Rule(
    _R_PERIOD_ENDING,
    _words("month months quarter quarters half year"),
    _h_period_ending,
    32,
    48,
)


# "the September quarter" (Indian and Australian usage): the three months ending in September.
_R_MONTH_QUARTER = _rx(
    rf"(?<![\w-])(?P<x>(?:the\s+)?(?P<mon>{_MON})[\s-]+quarter"
    rf"(?:\s+(?:of|in)\s+(?:(?P<yr_y>{_YEAR})(?!\d)|(?P<yr_last>last\s+year)"
    r"|(?P<yr_this>this\s+year)))?)(?![\w-])"
)


def _h_month_quarter(m: re.Match[str], env: _Env) -> _Item | None:
    last = _month_of(m["mon"])

    def value_of(y: int) -> str:
        first = _add_months(date(y, last, 1), -2)
        return _months_value(first.year, first.month, 3)

    return _period(m, env, value_of, "", probe=lambda y: _add_months(date(y, last, 1), -2))


MONTH_QUARTER = _Rule(_R_MONTH_QUARTER, _words("quarter"), _h_month_quarter, 24, 24)


_R_QUARTER_CODE = _rx(
    rf"(?<![\w-])(?P<x>(?:(?P<y0>{_YEAR})\s+)?(?-i:Q)(?P<q>[1-4])"
    r"(?:\s*(?:-|–|to)\s*(?-i:Q)(?P<q2>[1-4]))?"
    rf"(?:(?:\s+|\s*/\s*|\s+of\s+)(?P<y>{_YEAR})(?!\d)|\s*['’](?P<yy>\d\d)"
    r"|\s+(?-i:FY)\s?(?P<fa>\d{4}|\d\d)(?:[-–/](?P<fb>\d{4}|\d\d))?)?)(?![\w-])"
)


def _h_quarter_code(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    if env.prev_word(start).lower() == "audi" or env.next_word(end).lower() in (
        "e-tron",
        "sportback",
    ):
        return None
    q, q2 = int(m["q"]), int(m["q2"]) if m["q2"] else None
    if q2 is not None and q2 <= q:
        return None
    if m["fa"]:
        if q2 is not None:
            label = _fy_label(m["fa"], m["fb"])
            return _mk(f"{label}-Q{q}-Q{q2}") if label else None
        return _fy_labelled(env, m.start("x"), m["fa"], m["fb"], (3 * q - 3, 3), f"-Q{q}")
    ys = m["y0"] or m["y"] or (f"20{m['yy']}" if m["yy"] else None)

    def value_of(y: int) -> str:
        return f"{y:04d}-Q{q}/{y:04d}-Q{q2}" if q2 else f"{y:04d}-Q{q}"

    if ys:
        return _mk(value_of(int(ys)), explicit_year=int(ys))
    return _YearLess(lambda y: _mk(value_of(y)), "period")


QUARTER_CODE = _Rule(_R_QUARTER_CODE, _words("q"), _h_quarter_code, 8, 32)


_R_COMPACT_PERIOD = _rx(
    rf"(?<![\w-])(?P<x>(?P<n>[1-4])(?P<u>(?-i:Q|H))\s?(?P<y>{_YEAR}|\d\d))(?![\w-])"
)


def _h_compact_period(m: re.Match[str], env: _Env) -> _Item | None:
    n, u, ys = int(m["n"]), m["u"].upper(), m["y"]
    if u == "H" and n > 2:
        return None
    y = int(ys) if len(ys) == 4 else 2000 + int(ys)
    return _mk(f"{y}-{u}{n}", explicit_year=y)


COMPACT_PERIOD = _Rule(_R_COMPACT_PERIOD, _words("q h"), _h_compact_period, 4, 8)


_H_CUES = frozenset(
    "in for during by through over across of from than since until and or to".split()
)


_H_HEADS = frozenset(
    "results earnings sales revenue revenues profit profits net loss losses figures "
    "performance growth output deliveries guidance".split()
)


_R_HALF_CODE = _rx(
    rf"(?<![\w-])(?P<x>(?:(?P<y0>{_YEAR})\s+)?(?-i:H)(?P<h>[12])"
    rf"(?:(?:\s+|\s*/\s*)(?P<y>{_YEAR})(?!\d)|\s*['’](?P<yy>\d\d)"
    r"|\s+(?-i:FY)\s?(?P<fa>\d{4}|\d\d))?)(?![\w-])"
)


def _h_half_code(m: re.Match[str], env: _Env) -> _Item | None:
    h = int(m["h"])
    start, end = m.span("x")
    if m["fa"]:
        return _fy_labelled(env, m.start("x"), m["fa"], None, (6 * h - 6, 6), f"-H{h}")
    ys = m["y0"] or m["y"] or (f"20{m['yy']}" if m["yy"] else None)
    if ys:
        return _mk(f"{ys}-H{h}", explicit_year=int(ys))
    # "H2" alone is also hydrogen ("H2 output"); take it only where a period reading is cued.
    cued = env.prev_word(start).lower() in _H_CUES
    if not cued and (h == 2 or env.next_word(end).lower() not in _H_HEADS):
        return None
    return _YearLess(lambda y: _mk(f"{y:04d}-H{h}"), "period")


HALF_CODE = _Rule(_R_HALF_CODE, _words("h"), _h_half_code, 8, 24)


_R_HALF_ORDINAL = _rx(
    rf"(?<![\w-])(?P<x>{_MOD}?(?:the\s+)?(?P<ord>first|second|latter|1st|2nd)[\s-]+half"
    rf"(?:[-\s]year)?(?:{_YR_CONN}{_YEARREF})?)(?![\w-])(?!\s+of\s)"
)


def _h_half_ordinal(m: re.Match[str], env: _Env) -> _Item | None:
    ordw = m["ord"].lower()
    h = 1 if ordw in ("first", "1st") else 2
    if _sporty(env, m):
        return None
    return _period(
        m, env, lambda y: f"{y:04d}-H{h}", f"-H{h}", _part(m["mod"]), fiscal=(6 * h - 6, 6)
    )


HALF_ORDINAL = _Rule(_R_HALF_ORDINAL, _words("half"), _h_half_ordinal, 48, 40)


_R_FIRST_N = _rx(
    rf"(?<![\w-])(?P<x>(?:the\s+)?first\s+(?P<n>{_NUM})\s+(?P<u>months|quarters)"
    rf"(?:{_YR_CONN}{_YEARREF})?)(?![\w-])"
)


def _h_first_n(m: re.Match[str], env: _Env) -> _Item | None:
    n = _num(m["n"])
    if n is None or n != int(n):
        return None
    k, unit = int(n), m["u"].lower()
    if unit.startswith("month"):
        if not 2 <= k <= 12:
            return None
        special = {3: "Q1", 6: "H1"}

        def value_of(y: int) -> str:
            if k == 12:
                return f"{y:04d}"
            return f"{y:04d}-{special[k]}" if k in special else f"{y:04d}-01/{y:04d}-{k:02d}"

        last_month = k
    else:
        if not 2 <= k <= 4:
            return None

        def value_of(y: int) -> str:
            return {2: f"{y:04d}-H1", 4: f"{y:04d}"}.get(k, f"{y:04d}-Q1/{y:04d}-Q{k}")

        last_month = 3 * k - 2
    months = k if unit.startswith("month") else 3 * k
    item = _period(m, env, value_of, "", probe=lambda y: date(y, last_month, 1), fiscal=(0, months))
    return _as_whole_months(item, months)


def _as_whole_months(item: _Item | None, n: int, value: str | None = None) -> _Item | None:
    """``item`` with months that make no calendar unit as a duration (see ``_whole_months``)."""
    if isinstance(item, _Res):
        return _whole_months(item, n, value)
    if isinstance(item, _YearLess):
        build = item.build

        def whole(y: int) -> _Res | None:
            res = build(y)
            return _whole_months(res, n, value) if res is not None else None

        return _YearLess(whole, item.policy, item.probe)
    return item


FIRST_N = _Rule(_R_FIRST_N, _words("first"), _h_first_n, 8, 64)


_R_MOD_YEAR = _rx(rf"(?<![\w-])(?P<x>{_MOD}{_YEARREF})")


def _h_mod_year(m: re.Match[str], env: _Env) -> _Item | None:
    part = _part(m["mod"])
    return _period(m, env, lambda y: f"{y:04d}", "", part)


MOD_YEAR = _Rule(
    _R_MOD_YEAR, _words("early mid late end beginning start middle close"), _h_mod_year
)


_R_YEAR_END = _rx(r"(?<![\w-])(?P<x>(?:the\s+)?year[-\s]end|year['’]s\s+end)(?![\w-])")


def _h_year_end(m: re.Match[str], env: _Env) -> _Item | None:
    return _YearLess(lambda y: _mk(f"{y:04d}", part="late"), "period")


YEAR_END = _Rule(_R_YEAR_END, _words("end"), _h_year_end, 12, 4)
