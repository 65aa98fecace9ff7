"""Resolution in text order: year-less expressions, anaphora and their antecedents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from transforms.datemath import in_calendar, within_calendar
from transforms.timex.calendar import _coarsen, _gran, _shift, _span_of
from transforms.timex.context import _Env
from transforms.timex.fiscal import _months_label
from transforms.timex.records import _Anaphor, _Clock, _Item, _mk, _Out, _Res, _YearLess


def _resolve_year(item: _YearLess, env: _Env, s: int, e: int, sent_year: int | None) -> _Res | None:
    a = env.anchor

    def build(y: int) -> _Res | None:
        # Near year 1 or 9999 the year before or after may not exist, or may run off the end.
        return within_calendar(lambda: item.build(y)) if in_calendar(y) else None

    # The sentence's year, unless the expression's own clause speaks of the future and that
    # year is over ("who joined in 2009, will take over on Jan. 1").
    if sent_year is not None and not (
        sent_year < a.year and env.tense(s, e, wide=False) == "future"
    ):
        return build(sent_year)
    r = build(a.year)
    if r is None or r.rs is None or r.re_ is None:
        return build(a.year - 1)  # 29 February outside a leap year
    if item.policy == "window":
        if (r.rs - a).days > 183:
            return build(a.year - 1)
        if (a - r.re_).days > 183 and env.future(s, e):
            return build(a.year + 1)
        return r
    if item.policy == "ahead":
        return build(a.year + 1) if r.re_ < a else r
    if item.policy in ("recent", "since", "until"):
        # A bare month: the latest one in a past clause ("since December" in a September story
        # is last December), the next one in a future clause, else the nearest.
        # Only the month's own clause counts: a verb elsewhere in the sentence is often about
        # something else ("agreed on Sunday to raise output for November").
        tense = "past" if item.policy == "since" else env.tense(s, e, wide=False)
        if item.policy == "until" and env.tense(s, e, wide=False) != "past":
            tense = "future"
        if tense == "past" and r.rs > a:
            return build(a.year - 1)
        if tense == "future" and r.re_ < a:
            return build(a.year + 1)
        if tense is None and (r.rs - a).days > 183:
            return build(a.year - 1)
        if tense is None and (a - r.re_).days > 183:
            return build(a.year + 1)
        return r
    # News looks back: a period that has not begun yet is last year's, unless the clause is
    # about the future, where a period already over is next year's.
    probe_of = item.probe
    probe = within_calendar(lambda: probe_of(a.year)) if probe_of else r.rs
    if probe is not None and probe > a and not env.future(s, e):
        return build(a.year - 1)
    if r.re_ < a and env.future(s, e) and not _just_reported(r, a):
        return build(a.year + 1)
    return r


def _just_reported(r: _Res, anchor: date) -> bool:
    """A quarter or half that ended within the last three months: its results are what a
    company "expects to report", so a future clause does not move it to next year."""
    value = r.value or ""
    return bool(re.search(r"-[QH]\d$", value)) and r.re_ is not None and (anchor - r.re_).days <= 92


_PERIOD_GRANS = frozenset(
    {"month", "quarter", "half", "year", "range", "season", "week", "weekend"}
)


@dataclass(frozen=True, slots=True)
class _Ante:
    """An expression an anaphor may refer back to."""

    sent: int
    value: str
    base: bool  # a comparison base ("from June", "since 2020"), not the period reported on
    end_point: bool = False  # a deadline or target ("by 2032", "until March"): never referred to
    ahead: bool = False  # starts after the publication date


def _is_period(value: str) -> bool:
    """A month or longer: what "a year earlier" or "the same period" usually refers to."""
    g = _gran(value)
    if g == "range":
        a, _, b = value.partition("/")
        return _gran(a) not in ("day", "time") and _gran(b) not in ("day", "time")
    return g in _PERIOD_GRANS


_REPORTED_GRANS = frozenset({"quarter", "half", "range"})


def _candidates(
    item: _Anaphor, antecedents: list[_Ante], si: int, looking_ahead: bool = False
) -> list[_Ante]:
    """Antecedents in order of preference: the period reported on in the anaphor's sentence
    (the latest), else in the sentences before (nearest sentence first, and in each its first
    period: the lead period of "X rose in October, reversing a fall in September"); then any
    other expression; comparison bases last. A deadline or target ("raise capacity by 2032")
    is a point the story looks to, not a period it reports on: "the year" after it is not 2032;
    nor, unless the anaphor's own clause looks ahead, is a period still to come ("growth of 5
    percent in 2026 ... Its budget for the year is" speaks of this year)."""
    antecedents = [a for a in antecedents if not a.end_point and (looking_ahead or not a.ahead)]
    near = [a for a in antecedents if 0 <= si - a.sent <= item.window]
    current = [a for a in reversed(near) if a.sent == si]
    before = sorted((a for a in near if a.sent < si), key=lambda a: -a.sent)
    # Earnings copy names the quarter in its lead and compares with "a year earlier" paragraphs
    # later: a reported period further back still beats the fallback.
    far = sorted(
        (
            a
            for a in antecedents
            if item.window < si - a.sent <= item.reach and _gran(a.value) in _REPORTED_GRANS
        ),
        key=lambda a: -a.sent,
    )
    ordered = current + before + far
    if item.length is not None:
        return [a for a in ordered if _months_long(a.value) == item.length and not a.base]
    if item.target in ("day", "week"):
        preferred = [a for a in ordered if _gran(a.value) in ("day", "time")]
    else:
        preferred = [a for a in ordered if _is_period(a.value)]
    rest = [a for a in ordered if a not in preferred]
    return (
        [a for a in preferred if not a.base]
        + [a for a in rest if not a.base]
        + [a for a in ordered if a.base]
    )


def _months_long(value: str) -> int | None:
    """How many whole calendar months a value covers, if it is month-aligned."""
    span = _span_of(value) if _is_period(value) else None
    if span is None or span[0].day != 1:
        return None
    rs, re_ = span
    return (re_.year - rs.year) * 12 + re_.month - rs.month + 1


def _implied_by_base(item: _Anaphor, antecedents: list[_Ante], si: int) -> str | None:
    """ "rose 0.3% from July and 3.8% from a year earlier": with only a base month or quarter
    in its sentence, a year-ago comparison is about the period after that base."""
    if item.years >= 0 or item.months or item.days or item.target not in ("any", "period"):
        return None
    here = [a for a in antecedents if a.sent == si]
    if not here or not all(a.base for a in here):
        return None
    g = _gran(here[-1].value)
    step = {"month": 1, "quarter": 3}.get(g)
    return _shift(here[-1].value, months=step) if step else None


def _resolve_anaphor(
    item: _Anaphor, antecedents: list[_Ante], si: int, looking_ahead: bool = False
) -> _Res:
    implied = _implied_by_base(item, antecedents, si)
    cands = _candidates(item, antecedents, si, looking_ahead)
    values = [implied] if implied else []
    values += [a.value for a in cands]
    for value in values:
        g = _gran(value)
        if g in ("decade", "century"):
            continue
        base = value if item.target in ("period", "any") else _coarsen(value, item.target)
        if base is None:
            continue
        span = _span_of(base)
        if item.set_year is not None:
            shifted = _shift(base, years=item.set_year - int(base[:4]))
        elif item.fy_first is not None and span is not None:
            first = span[0].year - (1 if span[0].month < item.fy_start else 0)
            shifted = _shift(base, years=item.fy_first - first)
        else:
            shifted = _shift(base, item.years, item.months, item.days)
        if shifted is not None:
            res = _mk(shifted, kind="time" if _gran(shifted) == "time" else "date")
            if item.length is not None:
                # "the nine months": a duration, as TIMEX3 marks it, over the months meant.
                return _Res("duration", f"P{item.length}M", res.rs, res.re_)
            return res
    if item.fallback:
        return _mk(item.fallback, kind=item.fallback_kind)
    if item.set_year is not None:
        return _mk(str(item.set_year))
    return _Res(item.fallback_kind, None)


def _resolve(env: _Env, chosen: list[tuple[int, int, _Item]]) -> list[_Out]:
    outs: list[_Out] = []
    antecedents: list[_Ante] = []
    cur_sent, sent_year, last_day = -1, None, None
    for s, e, item in chosen:
        si = env.sent(s)
        if si != cur_sent:
            cur_sent, sent_year, last_day = si, None, None
        yearless, tod = False, None
        res: _Res | None
        if isinstance(item, _YearLess):
            res = _resolve_year(item, env, s, e, sent_year)
            yearless = sent_year is None
        elif isinstance(item, _Anaphor):
            res = _resolve_anaphor(item, antecedents, si, env.future(s, e))
        elif isinstance(item, _Clock):
            res = _mk((last_day or env.anchor.isoformat()) + item.tod, kind="time")
            tod = item.tod
        else:
            res = item
        if res is None:
            continue
        if res.explicit_year is not None:
            sent_year = res.explicit_year
        v = res.value
        if v and res.kind in ("date", "time") and isinstance(item, (_Res, _YearLess)):
            g = _gran(v)
            if g != "other":
                ahead = res.rs is not None and res.rs > env.anchor
                antecedents.append(_Ante(si, v, env.is_base(s), env.is_end_point(s), ahead))
            if g in ("day", "time"):
                last_day = v[:10]
        elif res.kind == "duration" and res.rs and res.re_:
            # "the first nine months" (P9M) is still the period January to September.
            label = _months_label(res.rs, res.re_)
            if label:
                antecedents.append(_Ante(si, label, env.is_base(s)))
        outs.append(_Out(s, e, res.kind, v, res.rs, res.re_, tod, yearless))
    return outs
