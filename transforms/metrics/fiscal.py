"""Fiscal quarters and years of company results: "the fiscal first quarter", "its fourth quarter
ended Sept. 30", "the year ended Aug. 31". The row keeps the calendar days the period covers and
names it the way the company does: ``FY1990-Q1`` for the July-September 1989 quarter of a fiscal
year that ends in June 1990, ``FY1989`` for the year ended Aug. 31, 1989.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.datemath import month_end
from transforms.metrics.context import _Context, _Period, _Reading
from transforms.model import TimeExpression

_ORDINAL_QUARTER_RE = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s\u00a0-]+quarter\b", re.I
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
_FISCAL_RE = re.compile(r"\bfiscal\b", re.I)
_CALENDAR_QUARTER_RE = re.compile(r"(\d{4})-Q([1-4])")
_MONTH_RANGE_RE = re.compile(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})")
_YEAR_WORD_RE = re.compile(r"\byear\b", re.I)
_ENDED_GAP_RE = re.compile(
    r"[\s\u00a0]*(?:,[\s\u00a0]*)?(?:that[\s\u00a0]+|which[\s\u00a0]+)?(?:ended|ends|ending)[\s\u00a0]+",
    re.I,
)
_FISCAL_YEAR_RE = re.compile(r"\bfiscal[\s\u00a0]+(?:year[\s\u00a0]+)?(\d{4})$", re.I)


def _fiscal_period(
    ctx: _Context, t: TimeExpression, reading: _Reading | None = None
) -> _Period | None:
    """The fiscal period a time expression names, if it names one (None otherwise)."""
    ordinal = _ORDINAL_QUARTER_RE.search(t.text)
    if ordinal is not None:
        return _fiscal_quarter(ctx, t, _ORDINALS.get(ordinal.group(1).lower(), 4), reading)
    named = _FISCAL_YEAR_RE.search(t.text)
    if named is not None and t.value == named.group(1) and t.range_start is None:
        # "fiscal 1988" of a company whose calendar the time pass does not know: TIMEX3 writes
        # the bare year without days; the row names it (a state's known calendar keeps days),
        # over the days the story's own "year ended Sept. 30" or "fourth quarter ended Sept.
        # 30" gives its fiscal year; one that ends in December is the calendar year.
        year, last = int(named.group(1)), _fiscal_year_end(ctx)
        if last == 12:
            return date(year, 1, 1), date(year, 12, 31), named.group(1)
        if last is not None:
            return date(year - 1, last + 1, 1), month_end(year, last), f"FY{year}"
        return None, None, f"FY{year}"
    span = _MONTH_RANGE_RE.fullmatch(t.value or "")
    if span is None or not _YEAR_WORD_RE.search(t.text):
        return None
    first_year, first, last_year, last = (int(g) for g in span.groups())
    if last == 12 or (last_year - first_year) * 12 + last - first != 11:
        return None  # a calendar year, or no year at all
    start, end = date(first_year, first, 1), month_end(last_year, last)
    return start, end, f"FY{last_year}"  # "the year ended Aug. 31": fiscal 1989


def _fiscal_year_end(ctx: _Context) -> int | None:
    """The month the company's fiscal year ends in, from the first period of the story that
    says the day it ended on ("the year ended Aug. 31": August; "its second quarter ended
    Sept. 30": March), or None."""
    for before, t in zip(ctx.times, ctx.times[1:], strict=False):
        end = t.range_end
        if end is None or t.kind != "date" or end != t.range_start:
            continue
        if not _ENDED_GAP_RE.fullmatch(ctx.text[before.end_char : t.start_char]):
            continue
        ordinal = _ORDINAL_QUARTER_RE.search(before.text)
        if ordinal is not None:
            n = _ORDINALS.get(ordinal.group(1).lower(), 4)
            return (end.month + 3 * (4 - n) - 1) % 12 + 1
        if _YEAR_WORD_RE.search(before.text):
            return end.month
    return None


def _fiscal_quarter(
    ctx: _Context, t: TimeExpression, n: int, reading: _Reading | None
) -> _Period | None:
    """ "fiscal first quarter" (value unknown), "fourth quarter ended Sept. 30" (a calendar
    third quarter), "fourth-quarter earnings" reported before the calendar quarter is over."""
    fiscal = bool(_FISCAL_RE.search(ctx.text, max(0, t.start_char - 8), t.end_char))
    calendar = _CALENDAR_QUARTER_RE.fullmatch(t.value or "")
    if calendar is not None:
        year, k = int(calendar.group(1)), int(calendar.group(2))
        # Not over for a month yet: no company has results for it.
        unfinished = (_quarter_end(year, k) - ctx.anchor).days > 31
        if k == n and not (unfinished and _reported(reading)):
            return None  # the calendar quarter it says, or one still to come
        if k == n:
            year, k = _last_ended(ctx.anchor)
    elif fiscal and t.value is None:
        year, k = _last_ended(ctx.anchor)
    else:
        return None
    # The fiscal year ends 4 - n quarters after this quarter: named by the year it ends in.
    last = k + 4 - n
    fy = year + (last - 1) // 4
    start = date(year, 3 * k - 2, 1)
    return start, _quarter_end(year, k), f"FY{fy}-Q{n}"


def _quarter_end(year: int, k: int) -> date:
    end = month_end(year, 3 * k)
    return end if end is not None else date.max


def _last_ended(anchor: date) -> tuple[int, int]:
    """The calendar quarter that ended last before ``anchor``."""
    k = (anchor.month - 1) // 3  # the quarters of this year already over
    return (anchor.year, k) if k else (anchor.year - 1, 4)


def _reported(reading: _Reading | None) -> bool:
    """Whether the figure's clause reports a result: "reported a 47% decline", not "will
    result in a fourth-quarter charge"."""
    tok = reading.anchor if reading is not None else None
    for _ in range(8):
        if tok is None:
            return False
        if tok.pos_ in {"VERB", "AUX"}:
            auxes = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
            if auxes & {"will", "would", "'ll", "could", "may", "might", "should"}:
                return False
            return tok.tag_ == "VBD" or bool(auxes & {"has", "have", "had"})
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
