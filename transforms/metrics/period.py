"""Which period a figure covers: the time expression that governs its clause, the story's lead
period carried from sentence to sentence, the publication date. A comparison base's own period
("up from 48 in 2021", "a year earlier") is `comparison.py`'s, a fiscal one `fiscal.py`'s.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from transforms import lexicon
from transforms.datemath import make_date, month_end, shift_days
from transforms.metrics.context import (
    _Context,
    _Period,
    _Quantity,
    _Reading,
    _Sentence,
    _token_at,
)
from transforms.metrics.fiscal import _ENDED_GAP_RE, _fiscal_period
from transforms.metrics.syntax import _in_other_clause, _within_clause
from transforms.model import TimeExpression

_UP_VERBS = lexicon.words("changes", "up_verbs")
_DOWN_VERBS = lexicon.words("changes", "down_verbs")
_PERIOD_NOUNS = lexicon.words("periods", "period_nouns")
_COMPARE_CUE_RE = re.compile(
    r"(?:compared\s+(?:to|with)|as\s+against|against|versus|vs\.?|than(?:\s+(?:in|during|for"
    r"|on))?|from(?:\s+(?:in|during))?|over|relative\s+to|on)[\s\u00a0]+$",
    re.I,
)
_REPORT_DATE_CUE_RE = re.compile(
    r"\b(?:said|says|announced|reported|released|published|told|noted|stated|added|showed"
    r"|revealed|disclosed)(?:\s+\w+)?\s+(?P<prep>on|in|late|early)?\s*$",
    re.I,
)
_RELATIVE_PAST_RE = re.compile(
    r"\b(?:ago|earlier|before|previous|prior|preceding|same\s+(?:period|month|quarter|half|week"
    r"|time))\b",
    re.I,
)
_ANAPHORIC_PERIOD_RE = re.compile(
    r"(?:the\s+)?same\s+(?:period|time|months?|quarter|half|year)", re.I
)
_AS_OF_RE = re.compile(r"\bas\s+(?:of|at|on)\s+$", re.I)
_QUARTER_OR_YEAR_RE = re.compile(r"(?:FY)?\d{4}(?:-Q[1-4]|-H[12])?$|FY")
_FRONTED_BEFORE_RE = re.compile(r"(?:(?:in|during|for|at)[\s\u00a0]+)?", re.I)
_NEWS_VERBS = lexicon.words("periods", "news_verbs")
_INTENT_VERBS = lexicon.words("periods", "intent_verbs")
_DEADLINE_BEFORE_RE = re.compile(
    r"\b(?:by|before|until|till)[\s\u00a0]+(?:the[\s\u00a0]+end[\s\u00a0]+of[\s\u00a0]+)?$", re.I
)
_YEAR_SPAN_RE = re.compile(r"\d{4}/\d{4}")
_SINCE_BEFORE_RE = re.compile(r"\bsince[\s\u00a0]+(?:the[\s\u00a0]+)?$", re.I)
_POSSESSIVE = ("'s", "’s")
_MATURITY_BEFORE_RE = re.compile(
    r"\b(?:due|matur(?:e|es|ing))(?:[\s\u00a0]+(?:in|on|by))?[\s\u00a0]+$", re.I
)
_DELIVERY_AFTER_RE = re.compile(
    r"^[\s\u00a0]+(?:delivery|deliveries|contracts?|futures|loading)\b", re.I
)
_YEARS_DURATION_RE = re.compile(r"P(\d{1,2})Y")
_SPAN_CUE_RE = re.compile(
    r"\b(?P<prep>over|in|during|within|for)\s+the\s+(?P<dir>next|coming|past|last|previous)\s+"
    r"[\w-]+\s+years?$",
    re.I,
)
_ATTACHED_RE = re.compile(r"^[\s\u00a0]*(?:(?:in|during|for|over)[\s\u00a0]+)?$", re.I)
_YEAR_BEFORE_RE = re.compile(r"\b(\d{4})[\s\u00a0]+$")
_PART_VALUE_RE = re.compile(r"\d{4}-(Q[1-4]|H[12])")
_ORDINAL_PART_AFTER_RE = re.compile(
    r"[\s\u00a0]+(first|second|third|fourth)[\s\u00a0-]+(quarter|half)\b", re.I
)
_ORDINAL_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SAME_OR_PREVIOUS_RE = re.compile(r"\b(?:same|previous|prior)\b", re.I)
_FY_RE = re.compile(r"FY(\d{4})(?:-(\d{2}))?(?:-Q([1-4]))?")
_TIMEX_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|W(?P<w>\d{2})(?P<we>-WE)?))?$"
)


def _lead_time(ctx: _Context, sent: _Sentence) -> TimeExpression | None:
    """The first time expression of a lead sentence that can date the story."""
    excluded = _comparison_times(ctx, sent)
    for t in ctx.times:
        if not sent.start <= t.start_char < sent.end or t.start_char < ctx.dateline_end:
            continue
        if t.start_char in excluded or t.kind in {"duration", "set"} or t.value is None:
            continue
        before = ctx.text[max(sent.start, t.start_char - 30) : t.start_char]
        if _report_date(before, t) or _SINCE_BEFORE_RE.search(before):
            continue
        if _AS_OF_RE.search(before[-12:]):
            continue  # "as of October 10" dates a stock
        if _RELATIVE_PAST_RE.search(t.text) or not _is_period_value(t.value):
            continue
        return t
    return None


def _carry(ctx: _Context, period: _Period) -> None:
    """Remember a period the text states, for later figures that state none.

    The story's reference period is the first one its lead paragraph states: a release
    leads with "in July" and every later figure without a period of its own is July's, even
    after a sentence about June; an election or a disaster story leads with its day. A period
    first named further down dates its own sentence only. A run of days
    ("between Saturday and Tuesday") dates one phenomenon only, and a future year is a
    target's, not the story's.
    """
    label = period[2] or ""
    start = period[0]
    if "/" in label and (_ISO_DAY_RE.match(label) or _YEAR_SPAN_RE.fullmatch(label)):
        return  # a run of days, or a window of years ("over the next five years")
    if start is not None and start > ctx.anchor:
        return
    if ctx.carried is None:
        ctx.carried = period


def _report_date(before: str, t: TimeExpression) -> bool:
    """Whether a time dates the report, not the figure: "said on Monday", "reported Tuesday";
    "reported fourth-quarter earnings" names what was reported."""
    cue = _REPORT_DATE_CUE_RE.search(before)
    if cue is None:
        return False
    value = t.value
    return bool(cue.group("prep")) or (value is not None and not _QUARTER_OR_YEAR_RE.match(value))


def _comparison_times(ctx: _Context, sent: _Sentence) -> set[int]:
    """Start offsets of time expressions that name a comparison base, not the period."""
    out: set[int] = set()
    for t in ctx.times:
        if not sent.start <= t.start_char < sent.end:
            continue
        before = ctx.text[max(sent.start, t.start_char - 30) : t.start_char]
        cue = _COMPARE_CUE_RE.search(before)
        if cue is None:
            continue
        word = cue.group().strip().lower()
        if word.startswith("from") and t.value is not None and "/" in t.value:
            continue  # "from January to March" is the period itself
        possessive = word == "over" and (
            ctx.text.startswith(_POSSESSIVE, t.end_char) or t.text.endswith(_POSSESSIVE)
        )
        if word in {"on", "over"} and not _SAME_OR_PREVIOUS_RE.search(t.text) and not possessive:
            continue  # "a premium over Thursday's closing price" is a comparison
        if word in {"over", "in", "during", "for"} and _ANAPHORIC_PERIOD_RE.fullmatch(t.text):
            continue  # "dropped 12 percent over the same period": the period just named
        out.add(t.start_char)
    return out


def _fronted_relative(ctx: _Context, sent: _Sentence, t: TimeExpression) -> bool:
    """A time of the past that opens its sentence dates the whole clause: "In the year-ago
    quarter, the company earned $1.9 million"; "A year earlier, it lost $3 million"."""
    return bool(
        _RELATIVE_PAST_RE.search(t.text)
        and _FRONTED_BEFORE_RE.fullmatch(ctx.text[sent.start : t.start_char])
        and ctx.text[t.end_char : t.end_char + 1] == ","
    )


def _stated_time(
    ctx: _Context,
    sent: _Sentence,
    q: _Quantity,
    reading: _Reading,
    excluded: set[int],
    others: Sequence[_Quantity] = (),
) -> TimeExpression | None:
    """The time expression that governs the figure's clause, if the sentence has one.

    Ranked through the parse: a time attached to the figure or a word above it ("rose ... in
    July"), then one inside the clause's subject ("exports in July rose"), then the nearest
    other time in the sentence.
    """
    anchor = reading.anchor or _token_at(ctx.doc, q.num_start)
    path: list[int] = []
    clause_end = 0  # how much of the path lies in the figure's own clause
    coordinated = False  # the figure's clause is coordinated with another: "... and X fell"
    tok = anchor
    while tok is not None:
        path.append(tok.i)
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
        if not clause_end and tok.pos_ in {"VERB", "AUX"} and has_subject:
            clause_end = len(path)  # "..., while petrol prices fell 1.8 pence": its own clause
            # A coordinated change shares the time: "sales rose 5% in July and exports jumped
            # 3%"; another kind of clause does not: "... and 600 companies had licensed".
            moved = tok.lemma_.lower() in _UP_VERBS | _DOWN_VERBS
            coordinated = tok.dep_ == "conj" and not moved
        if tok.head.i == tok.i:
            break
        tok = tok.head
    clause_end = clause_end or len(path)
    subjects = [
        c
        for i in path[:clause_end]
        for c in ctx.doc[i].children
        if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in path
    ]
    best: tuple[tuple[int, int, int], TimeExpression] | None = None
    # The sentence's times, in the order of `ctx.times` (sorted by start).
    first = bisect_left(ctx.time_starts, sent.start)
    last = bisect_left(ctx.time_starts, sent.end, first)
    for t in ctx.times[first:last]:
        if t.start_char < ctx.dateline_end:
            continue
        if t.start_char in excluded or not _usable_period(ctx, sent, q, t):
            continue
        if _deadline_of_another(ctx, q, t, others):
            continue  # "reached 3.2 million bpd, with a target of 4 million bpd by 2035"
        distance = q.start - t.end_char if t.end_char <= q.start else t.start_char - q.end
        key_t = id(t)
        if key_t in ctx.attachments:
            attach = ctx.attachments[key_t]
        else:
            attach = ctx.attachments[key_t] = _time_attachment(ctx, t)
        if attach is not None and attach.i in path[:clause_end]:
            key = (0, path.index(attach.i), abs(distance))
        elif attach is not None and attach.i in path:
            if coordinated:
                continue  # "FDI reached $96 billion in 2024 and 600 companies had licensed"
            key = (1, path.index(attach.i), abs(distance))  # a time of the enclosing clause
        elif attach is not None and any(_within_clause(attach, s) for s in subjects):
            key = (1, 0, abs(distance))
        elif attach is not None and _in_other_clause(attach, path):
            continue  # "despite a ceasefire agreed in July": another clause's time
        else:
            key = (2, 0, abs(distance))
        if best is None or key < best[0]:
            best = (key, t)
    return best[1] if best else None


def _deadline_of_another(
    ctx: _Context, q: _Quantity, t: TimeExpression, others: Sequence[_Quantity]
) -> bool:
    """Whether a future "by 2035" follows another figure between it and ``q``."""
    start = t.range_start or (_label_range(t.value)[0] if t.value else None)
    if start is None or start <= ctx.anchor or t.start_char < q.end:
        return False
    before = ctx.text[max(0, t.start_char - 20) : t.start_char]
    if not _DEADLINE_BEFORE_RE.search(before):
        return False
    return any(q.end <= o.start and o.end <= t.start_char for o in others if o is not q)


def _usable_period(ctx: _Context, sent: _Sentence, q: _Quantity, t: TimeExpression) -> bool:
    """Whether a time expression can date a figure: a calendar period, not a report date."""
    if (
        _RELATIVE_PAST_RE.search(t.text)
        and not (t.start_char >= q.end and _ATTACHED_RE.match(ctx.text[q.end : t.start_char]))
        and not (t.end_char <= q.start and _fronted_relative(ctx, sent, t))
    ):
        return False  # "a year ago" dates only the figure it follows, a comparison base
    before = ctx.text[max(sent.start, t.start_char - 30) : t.start_char]
    if _report_date(before, t) or _SINCE_BEFORE_RE.search(before):
        return False  # "the ministry said on Monday"; "since December" starts a stock
    if _DELIVERY_AFTER_RE.match(ctx.text[t.end_char : t.end_char + 20]):
        return False  # "futures for October delivery"
    if _MATURITY_BEFORE_RE.search(before):
        return False  # "debentures due Oct. 15, 1999": when the debt falls due
    if _period_end(ctx, t):
        return False  # "Sept. 30" in "the quarter ended Sept. 30": the period is "the quarter"
    if _duration_period(ctx, t) is not None:
        return True
    if t.value is None and _fiscal_period(ctx, t) is not None:
        return True  # "the fiscal first quarter"
    return t.value is not None and t.kind not in {"duration", "set"} and _is_period_value(t.value)


def _period_end(ctx: _Context, t: TimeExpression) -> bool:
    """Whether a date is the last day of the period named just before it: "Sept. 30" in "the
    year ended Sept. 30" (TIMEX3 marks the period and the day it ends on apart)."""
    i = bisect_left(ctx.time_starts, t.start_char)
    if i == 0:
        return False
    gap = ctx.text[ctx.times[i - 1].end_char : t.start_char]
    return _ENDED_GAP_RE.fullmatch(gap) is not None


def _time_attachment(ctx: _Context, t: TimeExpression) -> Token | None:
    """The word a time expression modifies, past its preposition: "rose" in "rose in July"."""
    span = ctx.doc.char_span(t.start_char, t.end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    inside = {x.i for x in span}
    tok = span.root
    while tok.head.i != tok.i and (
        tok.head.i in inside
        or tok.dep_ == "pobj"
        or tok.head.pos_ == "ADP"
        or (tok.dep_ in {"compound", "nmod", "amod"} and tok.head.lemma_ in _PERIOD_NOUNS)
    ):
        tok = tok.head
    return tok.head if tok.head.i != tok.i else tok


def _present_tense(reading: _Reading) -> bool:
    """Whether the figure's clause states the present: "7 million people are displaced"."""
    tok = reading.anchor
    for _ in range(8):
        if tok is None:
            return False
        if tok.pos_ in {"VERB", "AUX"}:
            auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
            tags = {tok.tag_} if not auxes else {a.tag_ for a in auxes}
            return bool(tags & {"VBP", "VBZ"})
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _announced(reading: _Reading) -> bool:
    """Whether a figure is announced or planned now: "will provide 2.3 trillion won"."""
    tok = reading.anchor
    for _ in range(8):
        if tok is None:
            return False
        if tok.pos_ in {"VERB", "AUX"}:
            if tok.lemma_.lower() in _NEWS_VERBS:
                return True
            if any(
                c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"}
                for c in tok.children
            ):
                return True
            return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _INTENT_VERBS
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _time_period(ctx: _Context, t: TimeExpression, reading: _Reading | None = None) -> _Period:
    duration = _duration_period(ctx, t)
    if duration is not None:
        return duration
    fiscal = _fiscal_period(ctx, t, reading)
    if fiscal is not None:
        return fiscal
    value = t.value or ""
    named = _year_named_part(ctx, t)
    if named is not None:
        return (*_label_range(named), named)
    start, end = t.range_start, t.range_end
    if start is None or end is None:
        start, end = _label_range(value)
    return start, end, value


def _year_named_part(ctx: _Context, t: TimeExpression) -> str | None:
    """ "the 1988 third quarter": a quarter of the year written before it (the time pass reads
    the year and the quarter apart)."""
    year = _YEAR_BEFORE_RE.search(ctx.text, max(0, t.start_char - 8), t.start_char)
    part = _PART_VALUE_RE.fullmatch(t.value or "")
    if year is not None and part is not None:
        return f"{year.group(1)}-{part.group(1)}"
    after = _ORDINAL_PART_AFTER_RE.match(ctx.text, t.end_char)
    if after is not None and re.fullmatch(r"\d{4}", t.value or ""):
        n = _ORDINAL_NUMBERS[after.group(1).lower()]
        return f"{t.value}-{'Q' if after.group(2).lower() == 'quarter' else 'H'}{n}"
    return None


def _duration_period(ctx: _Context, t: TimeExpression) -> _Period | None:
    """ "over the next five years" in a 2025 story is 2025/2030, "the past five years" 2020/2025."""
    if t.kind != "duration" or not t.value:
        return None
    years = _YEARS_DURATION_RE.fullmatch(t.value)
    window = ctx.text[max(0, t.start_char - 20) : t.end_char]
    cue = _SPAN_CUE_RE.search(window)
    if years is None or cue is None:
        return None
    n = int(years.group(1))
    year = ctx.anchor.year
    if cue.group("dir").lower() in {"past", "last", "previous"}:
        first, last = year - n, year
    elif cue.group("prep").lower() == "within":
        first = last = year + n
    else:
        first, last = year, year + n
    start, end = make_date(first, 1, 1), make_date(last, 12, 31)
    if start is None or end is None:
        return None  # past either end of the calendar
    label = f"{first:04d}" if first == last else f"{first:04d}/{last:04d}"
    return start, end, label


def _is_period_value(value: str) -> bool:
    """A calendar period: 2025, 2025-09, 2025-Q3, 2025-H1, 2025-W39, a day, a range, a FY."""
    parts = value.split("/")
    return all(_TIMEX_VALUE_RE.match(p) or _FY_RE.fullmatch(p) for p in parts)


def _label_range(label: str) -> tuple[date | None, date | None]:
    """Calendar days covered by a TIMEX3 value: 2025, 2025-09, 2025-Q3, 2025-H1, 2025-W39."""
    if "/" in label:
        first, _, last = label.partition("/")
        return _label_range(first)[0], _label_range(last)[1]
    m = _TIMEX_VALUE_RE.match(label)
    if m is None:
        return None, None
    year = int(m.group("y"))
    try:
        if m.group("d"):
            day = date(year, int(m.group("m")), int(m.group("d")))
            return day, day
        if m.group("m"):
            month = int(m.group("m"))
            return date(year, month, 1), _month_end(year, month)
        if m.group("q"):
            qn = int(m.group("q"))
            return date(year, 3 * qn - 2, 1), _month_end(year, 3 * qn)
        if m.group("h"):
            hn = int(m.group("h"))
            return date(year, 6 * hn - 5, 1), _month_end(year, 6 * hn)
        if m.group("w"):
            monday = date.fromisocalendar(year, int(m.group("w")), 1)
            if m.group("we"):
                return shift_days(monday, 5), shift_days(monday, 6)  # the weekend
            return monday, shift_days(monday, 6)
    except ValueError:
        return None, None
    return date(year, 1, 1), date(year, 12, 31)


def _month_end(year: int, month: int) -> date:
    end = month_end(year, month)
    if end is None:
        raise ValueError(f"no month {year}-{month}")
    return end
