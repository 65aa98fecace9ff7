"""The records the rules hand to resolution: resolved, year-less, anaphoric and clock
expressions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from transforms.timex.calendar import _narrow, _span_of


@dataclass(slots=True)
class _Res:
    """A resolved expression."""

    kind: str
    value: str | None
    rs: date | None = None
    re_: date | None = None
    explicit_year: int | None = None


@dataclass(slots=True)
class _YearLess:
    """A calendar expression whose year comes from context (sentence year or anchor)."""

    build: Callable[[int], _Res | None]
    policy: str  # "window": nearest within ~6 months; "period": past-leaning, see _resolve_year
    probe: Callable[[int], date] | None = None  # day tested against the anchor (default: start)


@dataclass(slots=True)
class _Anaphor:
    """An expression resolved against an earlier one ("the same period last year")."""

    target: str  # granularity to take from the antecedent; "period"/"any" keep the antecedent's
    years: int = 0
    months: int = 0
    days: int = 0
    set_year: int | None = None
    window: int = 1  # how many sentences back an antecedent may be
    reach: int = 0  # ... and how far back a reported quarter, half or run of months may be
    fallback: str | None = None  # value when there is no antecedent
    fallback_kind: str = "date"
    length: int | None = None  # "the six months": only an antecedent this many months long
    fy_first: int | None = None  # move the antecedent into the fiscal year beginning then
    fy_start: int = 1  # ... which begins in this month


@dataclass(slots=True)
class _Clock:
    """A clock time waiting for its date."""

    tod: str  # "T16:15"; zones are matched but left out of values, as in TIMEX3 usage


_Item = _Res | _YearLess | _Anaphor | _Clock


@dataclass(slots=True)
class _Out:
    start: int
    end: int
    kind: str
    value: str | None
    rs: date | None
    re_: date | None
    tod: str | None = None  # set on bare clock times, for merging with an adjacent date
    yearless: bool = False


def _whole_months(res: _Res, n: int, value: str | None = None) -> _Res:
    """ "the first nine months": months that make no calendar unit are, as TIMEX3 marks them,
    a duration (``P9M``, or ``value``: "the year ended March 31" is ``P1Y``) whose range keeps
    the days it covers; a quarter, a half or a year keeps its calendar value."""
    if res.value is None or "/" not in res.value or res.rs is None:
        return res
    return _Res("duration", value or f"P{n}M", res.rs, res.re_, res.explicit_year)


def _mk(
    value: str | None,
    kind: str = "date",
    part: str | None = None,
    explicit_year: int | None = None,
) -> _Res:
    span = _span_of(value) if value else None
    if span is None:
        return _Res(kind, value, None, None, explicit_year)
    rs, re_ = _narrow(*span, part) if part else span
    return _Res(kind, value, rs, re_, explicit_year)
