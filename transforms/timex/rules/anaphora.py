"""Expressions resolved against an earlier one: the same period last year, the previous day,
the quarter.
"""

from __future__ import annotations

import re

from transforms.datemath import shift_days
from transforms.timex.calendar import _anchor_value, _shift
from transforms.timex.context import _Env
from transforms.timex.fiscal import _Fiscal, _fy_first_year, _fy_label
from transforms.timex.numbers import _duration, _num
from transforms.timex.pieces import _NUM, _YEAR, _rx
from transforms.timex.records import _Anaphor, _Item
from transforms.timex.rules.base import _Rule, _words
from transforms.timex.rules.relative import _AFTER_CLAUSE_END

# "during the quarter", "for the week", "in the six months": the period named before.
_ANAPHOR_STOP = (
    r"(?![\w-])(?!\s+(?:of|ended|ending|to\s+(?-i:[A-Z])|through|before|after|that|when|as"
    r"|in\s+which|under"
    r"|ahead|earlier|later|ago|since|until|starting|beginning|prior)\b)"
)


# Sentences back a reported quarter or half may be named: a whole wire story.
_STORY = 40


_SAME_TARGET = {
    "period": "period",
    "periods": "period",
    "months": "period",
    "weeks": "period",
    "days": "period",
    "stretch": "period",
    "season": "period",
    "level": "period",
    "levels": "period",
    "figure": "period",
    "figures": "period",
    "time": "any",
    "quarter": "quarter",
    "month": "month",
    "half": "half",
    "week": "week",
    "day": "day",
}


_R_SAME_PERIOD = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+)?(?:same|corresponding|comparable|equivalent)\s+"
    r"(?P<g>periods?|time|quarter|month|half|week|day|season|months|weeks|days|stretch)"
    r"(?:\s+(?:of\s+|in\s+|during\s+|from\s+)?(?P<when>last\s+year"
    r"|(?:the\s+)?(?:previous|prior|preceding)\s+year|a\s+year\s+(?:ago|earlier|before)"
    r"|(?:the\s+)?(?:previous|last|prior|preceding)\s+(?:fiscal|financial)"
    r"(?:\s+year)?|(?:fiscal\s+(?:year\s+)?|financial\s+year\s+|(?-i:FY)\s?)(?P<fa>\d{4}|\d\d)"
    r"(?:[-–/](?P<fb>\d{4}|\d\d))?"
    rf"|(?:the\s+)?year\s+before|(?P<y>{_YEAR})(?!\d)))?)(?![\w-])"
)


def _h_same_period(m: re.Match[str], env: _Env) -> _Item | None:
    g = (m["g"] or "period").lower()
    target = _SAME_TARGET[g]
    when = m["when"]
    a = env.anchor
    if when is None:
        if target == "any":
            return None  # "at the same time" is a conjunction, not a date
        return _Anaphor(target, fallback=_anchor_value(a, target) if target == "day" else None)
    if m["y"]:
        return _Anaphor(target, set_year=int(m["y"]), window=3)
    if m["fa"]:
        # "the same period of fiscal 2024-25": the antecedent moved into that fiscal year.
        cal = env.fiscal_at(m.start("x"))
        if cal is None or cal.start == 1:
            cal = _Fiscal(4) if m["fb"] and _fy_label(m["fa"], m["fb"]) else None
        if cal is None:
            return _Anaphor(target, window=3)
        return _Anaphor(
            target, window=3, fy_first=_fy_first_year(cal, m["fa"], m["fb"]), fy_start=cal.start
        )
    base = _anchor_value(a, "year" if target in ("period", "any") else target)
    return _Anaphor(target, years=-1, window=3, fallback=_shift(base, years=-1))


SAME_PERIOD = _Rule(
    _R_SAME_PERIOD, _words("same corresponding comparable equivalent"), _h_same_period, 8, 56
)


_R_YEAR_AGO_PERIOD = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+year[-\s](?:ago|earlier)|(?:(?:the|a)\s+)?year-(?:ago|earlier)"
    r"|(?:the|a)\s+(?:prior|previous)-year)"
    r"(?:\s+(?P<g>period|quarter|month|half|week|day|levels?|figures?))?)(?![\w-])"
)


def _h_year_ago_period(m: re.Match[str], env: _Env) -> _Item | None:
    target = _SAME_TARGET[(m["g"] or "period").lower()]
    base = _anchor_value(env.anchor, "year" if target in ("period", "any") else target)
    return _Anaphor(target, years=-1, reach=8, fallback=_shift(base, years=-1))


YEAR_AGO_PERIOD = _Rule(_R_YEAR_AGO_PERIOD, _words("year"), _h_year_ago_period, 8, 24)


# "the quarter a year ago", "last year's quarter", "the 1988 period": the period reported on,
# in another year.
_R_PERIOD_OF_YEAR = _rx(
    r"(?<![\w-])(?P<x>the\s+(?P<g>quarter|period|half)\s+a\s+year\s+(?:ago|earlier)"
    r"|last\s+year['’]s\s+(?P<g2>quarter|period|half)"
    rf"|the\s+(?P<y>{_YEAR})\s+(?P<g3>quarter|period|half)"
    r"|(?P<now>the\s+(?:latest|most\s+recent)\s+period|(?-i:[Tt])hat\s+(?P<g4>quarter|period"
    r"|year|month)))(?![\w-])"
)


def _h_period_of_year(m: re.Match[str], env: _Env) -> _Item | None:
    if m["now"]:
        # "the latest period", "that quarter": the period named before.
        target = _SAME_TARGET.get((m["g4"] or "period").lower(), "year")
        return _Anaphor(target, window=3, reach=_STORY)
    target = _SAME_TARGET[(m["g"] or m["g2"] or m["g3"]).lower()]
    if m["y"]:
        return _Anaphor(target, set_year=int(m["y"]), window=3, reach=8)
    base = _anchor_value(env.anchor, "year" if target == "period" else target)
    return _Anaphor(target, years=-1, reach=8, fallback=_shift(base, years=-1))


PERIOD_OF_YEAR = _Rule(
    _R_PERIOD_OF_YEAR, _words("quarter period half year month"), _h_period_of_year, 24, 24
)


_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|slowest|sharpest"
    r"|steepest|best|worst|most|least|record)\s+(?:\w+\s+)?(?:for|in|during|over)\s+$",
    re.IGNORECASE,
)


# "on the first day", "the second day of the Dubai Airshow": the day in context.
_R_NTH_DAY = _rx(
    r"(?<![\w-])(?P<on>on\s+)?(?P<x>the\s+(?:first|second|third|fourth|fifth|sixth|seventh|final"
    r"|last|opening|closing)\s+day(?P<of>\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)"
    r"(?:\s+(?:(?:of|and|for|the)\s+)*(?-i:[A-Z][\w'’-]*))*)?)(?![\w-])"
)


def _h_nth_day(m: re.Match[str], env: _Env) -> _Item | None:
    if not (m["on"] or m["of"]):
        return None
    return _Anaphor("day", window=0, fallback=env.anchor.isoformat())


NTH_DAY = _Rule(_R_NTH_DAY, _words("day"), _h_nth_day, 40, 64)


_R_UNIT_ANAPHOR = _rx(
    r"\b(?:in|during|for|over|through|throughout)\s+(?P<x>the\s+(?P<full>full\s+)?"
    rf"(?P<u>quarter|month|week|year)){_ANAPHOR_STOP}"
)


def _h_unit_anaphor(m: re.Match[str], env: _Env) -> _Item | None:
    start = m.start("x")
    if _SUPERLATIVE_BEFORE.search(env.text, max(0, start - 40), start):
        return None  # "the highest for the month in five years": any year's month
    u = m["u"].lower()
    fallback = _anchor_value(env.anchor, u) if u in ("week", "year") else None
    return _Anaphor(u, window=8, reach=_STORY, fallback=fallback)


# "later in the day", "the week's most active session": the day or week of the story.
_R_STORY_UNIT = _rx(
    r"(?<![\w-])(?P<in>(?:earlier|later)\s+in\s+)?(?P<x>the\s+(?P<u>day|week))(?![\w-])"
    r"(?P<poss>['’]s\b)?"
)


def _h_story_unit(m: re.Match[str], env: _Env) -> _Item | None:
    u = m["u"].lower()
    if not (m["in"] if u == "day" else m["poss"]):
        return None
    return _Anaphor(u, window=0, fallback=_anchor_value(env.anchor, u))


STORY_UNIT = _Rule(_R_STORY_UNIT, _words("day week"), _h_story_unit, 24, 8)


UNIT_ANAPHOR = _Rule(_R_UNIT_ANAPHOR, _words("quarter month week year"), _h_unit_anaphor, 32, 32)


_R_COUNT_ANAPHOR = _rx(
    rf"\b(?:in|during|for|over|through|throughout)\s+(?P<x>the\s+(?P<n>{_NUM})\s+"
    rf"(?P<u>months|quarters)){_ANAPHOR_STOP}"
)


def _h_count_anaphor(m: re.Match[str], env: _Env) -> _Item | None:
    n = _num(m["n"])
    if n is None or n != int(n) or n < 2:
        return None
    u = m["u"].lower()
    k = int(n) * (3 if u.startswith("quarter") else 1)
    return _Anaphor(
        "period",
        window=3,
        fallback=_duration(k, "month"),
        fallback_kind="duration",
        length=k,
    )


COUNT_ANAPHOR = _Rule(_R_COUNT_ANAPHOR, _words("months quarters"), _h_count_anaphor, 40, 32)


_R_DAY_ANAPHOR = _rx(
    r"(?<![\w-])(?P<x>the\s+(?P<w>previous|prior|preceding|following|next|same)\s+day"
    r"|the\s+day\s+(?P<w2>before|after))(?![\w-])(?!\s+(?:yesterday|tomorrow))"
)


def _h_day_anaphor(m: re.Match[str], env: _Env) -> _Item | None:
    w = (m["w"] or m["w2"]).lower()
    if m["w2"] and not _AFTER_CLAUSE_END.match(env.text, m.end("x")):
        return None
    step = {"following": 1, "next": 1, "after": 1, "same": 0}.get(w, -1)
    day = None if step == 1 else shift_days(env.anchor, step)
    return _Anaphor("day", days=step, fallback=day.isoformat() if day else None)


DAY_ANAPHOR = _Rule(_R_DAY_ANAPHOR, _words("day"), _h_day_anaphor, 24, 12)
