"""Matching: anchor words, windows, candidate selection (longest wins), ranges and clock
dates.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from datetime import date

from transforms.datemath import within_calendar
from transforms.model import TimeExpression
from transforms.timex.calendar import _V_DAY, _gran, _shift, _span_of
from transforms.timex.context import _Env
from transforms.timex.fiscal import _months_label
from transforms.timex.pieces import _rx
from transforms.timex.records import _Item, _Out
from transforms.timex.resolve import _resolve
from transforms.timex.rules import RULES
from transforms.timex.rules.base import _Rule

_TOKEN = re.compile(r"[A-Za-z]+|\d+")


def _anchor_index() -> dict[str, tuple[int, ...]]:
    """Anchor word -> indexes of the rules it anchors."""
    index: dict[str, tuple[int, ...]] = {}
    for i, rule in enumerate(RULES):
        for word in rule.anchors:
            index[word] = (*index.get(word, ()), i)
    return index


_ANCHOR_RULES = _anchor_index()


def _windows(spans: list[tuple[int, int]], rule: _Rule, n: int) -> list[tuple[int, int]]:
    """Merged [lo, hi) windows around sorted anchor spans."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        lo, hi = max(0, s - rule.back), min(n, e + rule.ahead)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _select(cands: list[tuple[int, int, int, _Item]]) -> list[tuple[int, int, _Item]]:
    """Longest candidates first, then rule order; keep those that overlap nothing kept."""
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[tuple[int, int, _Item]] = []
    for s, e, _, item in cands:
        i = bisect.bisect_left(starts, s)
        if (i > 0 and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        chosen.insert(i, (s, e, item))
    return chosen


_GAP_TIME_DATE = _rx(r"\s*+(?:,\s*+)?(?:(?:at|on)\s++)?")
_PREPOSITION = _rx(r"\b(?:at|on)\b")
_GAP_RANGE = _rx(r"\s*+(-|–|—|to|until|till|through|thru|and)\s*+")
_OPENER = _rx(r"\b(from|between)\s+$")


def _is_day(o: _Out) -> bool:
    return o.kind == "date" and o.value is not None and _V_DAY.match(o.value) is not None


def _date_clocks(text: str, outs: list[_Out]) -> list[_Out]:
    """Give a bare clock time the date of an adjacent day. Written side by side ("10 p.m.
    Wednesday", "noon Thursday", "Friday, 9 a.m.") they are one expression, as TIMEX3 marks
    "twelve o'clock January 3, 1984"; joined by a preposition ("9 a.m. on Saturday",
    "Saturday at 9 a.m.") they stay two, the clock time taking the day's date."""
    joined: set[int] = set()
    for i, (a, b) in enumerate(itertools.pairwise(outs)):
        gap = _GAP_TIME_DATE.fullmatch(text, a.end, b.start)
        if not gap or i in joined:
            continue
        day, clock = (b, a) if a.tod and _is_day(b) else (a, b)
        if clock.tod and _is_day(day) and day.value:
            clock.value = day.value + clock.tod
            clock.rs, clock.re_ = day.rs, day.re_
            if not _PREPOSITION.search(gap.group()):
                clock.start, clock.end = a.start, b.end
                joined.add(i + 1 if clock is a else i)
    return [o for i, o in enumerate(outs) if i not in joined]


def _range_of(text: str, a: _Out, b: _Out) -> _Out | None:
    g = _GAP_RANGE.fullmatch(text, a.end, b.start)
    if not g or a.kind != b.kind or a.kind not in ("date", "time"):
        return None
    if not (a.value and b.value and a.rs and a.re_ and b.rs and b.re_):
        return None
    if "/" in a.value or "/" in b.value:
        return None
    # "from Oct. 1 to Oct. 8", "between Saturday and Tuesday": two expressions, as in TIMEX3
    # annotation; month and year ranges ("from January to July") are one period.
    if _gran(a.value) in ("day", "time") or _gran(b.value) in ("day", "time"):
        return None
    op = _OPENER.search(text, max(0, a.start - 12), a.start)
    if g.group(1).lower() == "and" and not (op and op.group(1).lower() == "between"):
        return None
    a_value, a_start = a.value, a.rs
    if b.re_ < a.rs:
        # "from November to February": a year-less start belongs to the year before.
        shifted = _shift(a.value, years=-1) if a.yearless else None
        span = _span_of(shifted) if shifted else None
        if not shifted or not span or b.re_ < span[0]:
            return None
        a_value, a_start = shifted, span[0]
    start = op.start(1) if op else a.start
    return _Out(start, b.end, a.kind, f"{a_value}/{b.value}", a_start, b.re_)


def _merge_ranges(text: str, outs: list[_Out]) -> list[_Out]:
    """Join "from A to B", "between A and B", "A-B" into one range expression."""
    merged: list[_Out] = []
    i = 0
    while i < len(outs):
        joined = _range_of(text, outs[i], outs[i + 1]) if i + 1 < len(outs) else None
        if joined is not None:
            merged.append(joined)
            i += 2
        else:
            merged.append(outs[i])
            i += 1
    return merged


def calendar_period(t: TimeExpression) -> TimeExpression:
    """The expression as the calendar period it covers: a duration over whole months of the
    calendar ("the first nine months", P9M from January to September) reads as those months'
    value (``2025-01/2025-09``); any other expression is itself."""
    if t.kind != "duration" or t.range_start is None or t.range_end is None:
        return t
    label = _months_label(t.range_start, t.range_end)
    return dataclasses.replace(t, kind="date", value=label) if label else t


def extract_time_expressions(text: str, anchor: date) -> list[TimeExpression]:
    """Find and resolve the temporal expressions in ``text``, relative to ``anchor``."""
    if not text:
        return []
    env = _Env(text, anchor)
    anchors: dict[int, list[tuple[int, int]]] = {}  # rule index -> its anchors, in text order
    for t in _TOKEN.finditer(text):
        tok = t.group()
        if tok[0].isdigit():
            n = len(tok)
            key = "#s" if n <= 2 else "#y" if n == 4 and 1900 <= int(tok) <= 2100 else "#"
        else:
            key = tok.lower()
        for i in _ANCHOR_RULES.get(key, ()):
            anchors.setdefault(i, []).append(t.span())
    cands: list[tuple[int, int, int, _Item]] = []
    for prio in sorted(anchors):
        rule = RULES[prio]
        for lo, hi in _windows(anchors[prio], rule, len(text)):
            for m in rule.rx.finditer(text, lo, hi):
                s, e = m.span("x")
                if s >= e:
                    continue
                # A rule's arithmetic may run off the calendar (an anchor near year 1 or 9999,
                # "5,000 years ago"): that candidate is dropped, not the article.
                item = within_calendar(lambda: rule.handler(m, env))  # noqa: B023
                if item is not None:
                    cands.append((s, e, prio, item))
    outs = _resolve(env, _select(cands))
    outs = _merge_ranges(text, _date_clocks(text, outs))
    return [
        TimeExpression(
            text=text[o.start : o.end],
            start_char=o.start,
            end_char=o.end,
            kind=o.kind,
            value=o.value,
            range_start=o.rs,
            range_end=o.re_,
        )
        for o in outs
    ]
