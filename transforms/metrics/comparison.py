"""Comparison bases and their periods: the earlier level a change is measured from ("up from 48
in 2021", "compared with a loss of $3 million a year earlier"), the period a change is compared
with ("year on year"), and a period shifted back by a year, a quarter or a month.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from transforms import lexicon
from transforms.datemath import add_months, in_calendar
from transforms.metrics.context import _BASE_BEFORE_RE, _Context, _Period, _Quantity, _Sentence
from transforms.metrics.period import (
    _COMPARE_CUE_RE,
    _FY_RE,
    _RELATIVE_PAST_RE,
    _TIMEX_VALUE_RE,
    _is_period_value,
    _label_range,
    _time_period,
)
from transforms.model import Metric, TimeExpression

_FORECAST_WORDS = lexicon.words("measures", "forecast_words")
_THE_END_RE = re.compile(r"\bthe[\s\u00a0]+$", re.I)
# "the 1988 period": a year that names the story's own period in that year.
_PERIOD_AFTER_RE = re.compile(r"[\s\u00a0]+(?:period|quarter|half|months)\b", re.I)
_YOY_RE = re.compile(
    r"\b(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|y-o-y|yoy|on[\s-]year|on\s+an\s+annual"
    r"\s+basis|on\s+a\s+yearly\s+basis|from\s+a\s+year\s+(?:earlier|ago|before)|than\s+a\s+year"
    r"\s+(?:earlier|ago|before)|(?:over|from|on|than|compared\s+(?:to|with))\s+the\s+"
    r"(?:previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|ago)"
    r"|(?:compared\s+(?:to|with)|from|than|over)\s+(?:the\s+)?same\s+(?:period|quarter|month"
    r"|half|time|week)\s+(?:of\s+)?(?:last|the\s+previous|the\s+prior|a)\s+year)\b",
    re.I,
)
_MOM_RE = re.compile(
    r"\b(?:month[\s-]on[\s-]month|month[\s-]over[\s-]month|m-o-m|mom|on[\s-]month|from\s+a\s+"
    r"month\s+(?:earlier|ago|before)|(?:from|over|than)\s+the\s+(?:previous|prior|preceding)\s+"
    r"month)\b",
    re.I,
)
_QOQ_RE = re.compile(
    r"\b(?:quarter[\s-]on[\s-]quarter|quarter[\s-]over[\s-]quarter|q-o-q|qoq|from\s+the\s+"
    r"(?:previous|prior|preceding)\s+quarter|from\s+a\s+quarter\s+(?:earlier|ago))\b",
    re.I,
)
_OWN_TIME_GAP_RE = re.compile(
    r"[\s\u00a0]*(?:(?:decline|drop|fall|rise|increase|gain|growth|contraction)[\s\u00a0]+)?"
    r"(?:(?:received|recorded|registered|posted|reported|seen|logged)[\s\u00a0]+)?"
    r"(?:(?:in|on|during|for|at|as\s+of|over)[\s\u00a0]+)?",
    re.I,
)
# "compared with a loss of", "versus net income of": a named base whose amount follows.
_BASE_NP_BEFORE_RE = re.compile(
    r"(?:\bcompared\s+(?:to|with)|\bagainst|\bversus|\bvs\.?|\b(?:up|down)\s+from)[\s\u00a0]+"
    r"(?:(?:an?|the)\s+)?(?:[\w'’-]+\s+){1,3}of[\s\u00a0]+$",
    re.I,
)
_CLOSING_GAP_RE = re.compile(r"[\s\u00a0]*,?[\s\u00a0]*(?:(?:in|during|for|at)[\s\u00a0]+)?", re.I)
_POSSESSIVE_GAP_RE = re.compile(r"(?:['’]s)?[\s\u00a0]*")
_LAST_YEAR_RE = re.compile(r"^(?:the\s+)?(?:last|previous|prior|preceding)\s+year$", re.I)
_SAME_PERIOD_RE = re.compile(
    r"\b(?:same\s+(?:period|quarter|month|half|time|week)|(?:previous|prior|preceding)\s+"
    r"(?:year|period|quarter|month))\b",
    re.I,
)

# Small helpers' patterns.
_SAME_RE = re.compile(r"\bsame\b", re.I)
# "the latest period", "that quarter": the story's period named again (the time pass resolves
# them to the calendar period before; the story's may be a fiscal one, or corrected).
_ANAPHOR_RE = re.compile(
    r"(?:the|that)[\s\u00a0]+(?:(?:latest|most[\s\u00a0]+recent|just[\s\u00a0-]+ended)"
    r"[\s\u00a0]+)?(?P<noun>period|quarter)",
    re.I,
)
_QUARTER_LABEL_RE = re.compile(r"(?:FY)?\d{4}-Q[1-4]")
_YEAR_PERIOD_RE = re.compile(r"\b(\d{4})[\s\u00a0]+(?:period|quarter|half|months)\b", re.I)
_YEAR_AGO_RE = re.compile(r"(?:a\s+)?year\s+(?:earlier|ago|before)", re.I)
_THAN_YEAR_RE = re.compile(r"\b(?:than|from|compared\s+(?:to|with)|over)\s+(?:in\s+)?(\d{4})\b")


def _is_base(ctx: _Context, sent: _Sentence, q: _Quantity) -> bool:
    """Whether a figure is the earlier level a change is measured from: "up from 48", or the
    amount of a named base: "compared with a loss of $3 million", "versus net income of"."""
    before = ctx.text[max(sent.start, q.start - 60) : q.start]
    return _BASE_BEFORE_RE.search(before[-40:]) is not None or bool(
        _BASE_NP_BEFORE_RE.search(before)
    )


def _relative_time_after(
    ctx: _Context, sent: _Sentence, chain_end: int, limit: int
) -> TimeExpression | None:
    """A time of the past relative to the story's period that closes a figure's phrase:
    "net income of $5.3 million, or $1.61 a share, a year earlier" (``chain_end`` is where the
    figure and its restatements end)."""
    for t in ctx.times:
        if chain_end <= t.start_char < min(limit, sent.end):
            if not _RELATIVE_PAST_RE.search(t.text) or t.value is None:
                return None
            if not _CLOSING_GAP_RE.fullmatch(ctx.text[chain_end : t.start_char]):
                return None
            return t if _is_period_value(t.value) else None
    return None


def _relative_time_before(ctx: _Context, q: _Quantity) -> TimeExpression | None:
    """A time of the past right before a figure: "the year-earlier $4.5 million", "last year's
    $1.55 billion"."""
    first = bisect_left(ctx.time_starts, q.start) - 1
    if first < 0:
        return None
    t = ctx.times[first]
    gap = ctx.text[t.end_char : q.start]
    if t.end_char > q.start or not _POSSESSIVE_GAP_RE.fullmatch(gap):
        return None
    relative = _RELATIVE_PAST_RE.search(t.text) or _LAST_YEAR_RE.match(t.text.strip())
    return t if relative and t.value and _is_period_value(t.value) else None


def _own_time(ctx: _Context, q: _Quantity, limit: int) -> TimeExpression | None:
    """The time expression right after a figure: "48 in 2021", "$2.99 billion received in"."""
    for t in ctx.times:
        if q.end <= t.start_char < limit:
            gap = ctx.text[q.end : t.start_char]
            if t.text[:4].isdigit():
                gap = _THE_END_RE.sub("", gap)  # "$7 million in the 1988 period"
            return t if _OWN_TIME_GAP_RE.fullmatch(gap) else None
    return None


def _base_period(
    ctx: _Context,
    sent: _Sentence,
    q: _Quantity,
    own: TimeExpression | None,
    prior: Metric | None,
) -> _Period | None:
    """The period of a comparison base: its own time, else the figure's period shifted back."""
    main = prior.period_label if prior is not None else None
    if own is not None:
        if main and (_RELATIVE_PAST_RE.search(own.text) or _last_year_of_part(own, main)):
            shifted = _relative_shift(own.text, main)
            if shifted is not None:
                return _shifted_period(shifted, prior)
        if own.value is not None and _is_period_value(own.value):
            period = _time_period(ctx, own)
            if ctx.carried is not None and main in {None, ctx.carried[2]}:
                period = _story_relative(ctx, own, period)  # "in the 1988 period"
            return period
    after = ctx.text[q.end : min(sent.end, q.end + 60)]
    shifted = None
    if main and _YOY_RE.match(after.lstrip(" ,")):
        shifted = _shift(main, years=1)
    elif main and prior is not None and prior.measure == "rate":
        # "Services inflation eased to 4.7% from 4.8%": a monthly rate moves from last month's.
        m = _TIMEX_VALUE_RE.match(main)
        if m and m.group("m") and not m.group("d"):
            shifted = _shift(main, months=1)
        elif m and m.group("q"):
            shifted = _shift(main, quarters=1)
    elif (
        main
        and prior is not None
        and prior.measure in {"level", "change"}
        and q.kind == "currency"
        and not set(prior.subject.split()) & _FORECAST_WORDS
    ):
        # "Net rose to $94.2 million in the third quarter from $85 million": results are
        # set against the same period a year before (a forecast moves from its old figure).
        m = _TIMEX_VALUE_RE.match(main)
        if (m and not m.group("m") and not m.group("w")) or _FY_RE.fullmatch(main):
            shifted = _shift(main, years=1)
    if shifted is not None:
        return _shifted_period(shifted, prior)
    return None


def _shifted_period(label: str, prior: Metric | None, years: int = 1) -> _Period:
    """A shifted label with its days; a fiscal label's days are the figure's a year back."""
    first = prior.period_start if prior is not None else None
    last = prior.period_end if prior is not None else None
    return _shifted_days(label, first, last, years)


def _shifted_days(label: str, first: date | None, last: date | None, years: int) -> _Period:
    start, end = _label_range(label)
    if start is None and first is not None and last is not None and _FY_RE.fullmatch(label):
        start, end = add_months(first, -12 * years), add_months(last, -12 * years)
    return start, end, label


def _story_relative(ctx: _Context, t: TimeExpression, period: _Period) -> _Period:
    """A time that names the story's period a year or more back, read from that period:
    "In the year-earlier quarter" and "last year" in a story about a quarter, "the 1988 period"
    in one about the fiscal first quarter of 1990."""
    if ctx.carried is None or ctx.carried[2] is None or ctx.carried[0] is None:
        return period
    label, first, last = ctx.carried[2], ctx.carried[0], ctx.carried[1]
    part = _TIMEX_VALUE_RE.match(label)
    is_part = _FY_RE.fullmatch(label) is not None or bool(
        part and not part.group("d") and (part.group("q") or part.group("h") or part.group("m"))
    )
    if not is_part:
        return period
    anaphor = _ANAPHOR_RE.fullmatch(t.text.strip())
    if (
        anaphor is not None
        and (anaphor.group("noun").lower() == "period" or _QUARTER_LABEL_RE.fullmatch(label))
        and not (t.range_end is not None and t.range_end < first)
    ):
        # "Sales in the latest period were $1.76 billion"; one the time pass reads as an
        # earlier period ("its fourth quarter ended June 30 ... in that quarter") stays its own.
        return ctx.carried
    years = 0
    named = _YEAR_PERIOD_RE.search(t.text)
    if named is not None and not _RELATIVE_PAST_RE.search(t.text):
        years = first.year - int(named.group(1))  # "In the 1988 period" (one expression)
    elif _RELATIVE_PAST_RE.search(t.text) and re.search(r"\byear", t.text, re.I):
        years = 1  # "the year-earlier quarter", "a year ago"
    elif _LAST_YEAR_RE.match(t.text.strip()) and period[0] and period[0].year == first.year - 1:
        years = 1  # "Last year catastrophe losses totaled $5 million"
    elif (
        t.value and re.fullmatch(r"\d{4}", t.value) and _PERIOD_AFTER_RE.match(ctx.text, t.end_char)
    ):
        years = first.year - int(t.value)  # "In the 1988 period"
    shifted = _shift(label, years=years) if years > 0 else None
    return _shifted_days(shifted, first, last, years) if shifted else period


def _last_year_of_part(own: TimeExpression, main: str) -> bool:
    """ "compared with $3 million last year" beside a quarter's figure: last year's quarter."""
    m = _TIMEX_VALUE_RE.match(main)
    part = m is not None and not m.group("d") and bool(m.group("q") or m.group("h") or m.group("m"))
    part = part or _FY_RE.fullmatch(main) is not None
    return part and _LAST_YEAR_RE.match(own.text.strip()) is not None


def _relative_shift(text: str, label: str) -> str | None:
    """ "a year ago" of 2025-Q3 is 2024-Q3; "the previous month" of 2025-08 is 2025-07."""
    low = text.lower()
    if "month" in low:
        return _shift(label, months=1)
    if "quarter" in low:
        return _shift(label, quarters=1)
    return _shift(label, years=1)


def _compared_with(
    ctx: _Context,
    sent: _Sentence,
    q: _Quantity,
    window_start: int,
    window_end: int,
    label: str | None,
) -> str | None:
    after = ctx.text[q.end : window_end]
    before = ctx.text[window_start : q.start]
    for t in ctx.times:
        if not q.end <= t.start_char < window_end or t.value is None:
            continue
        cue = _COMPARE_CUE_RE.search(ctx.text[max(q.end, t.start_char - 30) : t.start_char])
        weak = cue is None or cue.group().strip().lower() in {"on", "over"}
        if weak and not _SAME_RE.search(t.text):
            continue
        if _YEAR_AGO_RE.fullmatch(t.text.strip()):
            break  # relative to the figure's own period, handled below
        return t.value
    for window in (after, before):
        if _YOY_RE.search(window):
            return _shift(label, years=1)
        if _QOQ_RE.search(window):
            return _shift(label, quarters=1)
        if _MOM_RE.search(window):
            return _shift(label, months=1)
    m = _THAN_YEAR_RE.search(after)
    if m:
        return m.group(1)
    # "... from 5 million in the same period of 2024": a base stated later in the sentence.
    for t in ctx.times:
        if q.end <= t.start_char < sent.end and t.value and _SAME_PERIOD_RE.search(t.text):
            return t.value
    return None


def _shift(label: str | None, *, years: int = 0, quarters: int = 0, months: int = 0) -> str | None:
    """The TIMEX3 label of the period one year, quarter or month before ``label``."""
    if label is None:
        return None
    if "/" in label:
        parts = [_shift(p, years=years, quarters=quarters, months=months) for p in label.split("/")]
        return None if None in parts else "/".join(p for p in parts if p)
    fy = _FY_RE.fullmatch(label)
    if fy and years:
        y = int(fy.group(1)) - years
        quarter = f"-Q{fy.group(3)}" if fy.group(3) else ""
        return (f"FY{y}-{(y + 1) % 100:02d}" if fy.group(2) else f"FY{y}") + quarter
    m = _TIMEX_VALUE_RE.match(label)
    if m is None:
        return None
    year = int(m.group("y"))
    if m.group("q"):
        n = int(m.group("q")) - quarters - 4 * years
        if months:
            return None
        while n < 1:
            n += 4
            year -= 1
        return f"{year:04d}-Q{n}" if in_calendar(year) else None
    if m.group("h") or m.group("w"):
        if not years or not in_calendar(year - years):
            return None
        return f"{year - years:04d}-" + (f"H{m.group('h')}" if m.group("h") else f"W{m.group('w')}")
    if m.group("m"):
        month = int(m.group("m")) - months - 3 * quarters
        year -= years
        while month < 1:
            month += 12
            year -= 1
        day = f"-{m.group('d')}" if m.group("d") else ""
        return f"{year:04d}-{month:02d}{day}" if in_calendar(year) else None
    return f"{year - years:04d}" if years and in_calendar(year - years) else None
