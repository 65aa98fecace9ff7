"""Rule-based extraction and resolution of temporal expressions in English news text.

A small grammar of compiled regexes and word tables; no NLP model, no I/O. The pipeline is:

1. every rule proposes candidate spans (the span is the rule's ``x`` group; cue words such as
   "in" or "on" may be matched around it but stay outside the text). A rule only scans small
   windows around its anchor words (month names, numbers, "quarter", ...), found in one pass
   over the text, which keeps a 500-word article to a couple of milliseconds;
2. the longest candidate wins where candidates overlap (ties go to the earlier rule);
3. survivors are resolved in text order, so context can be used: the nearest preceding explicit
   year in the same sentence, the tense of the clause, the country's fiscal calendar, and
   antecedents for anaphora ("the same period last year", "a year earlier", "the quarter");
4. adjacent pieces are combined: a clock time takes the date of its day ("9 a.m. on Saturday"),
   and month or year ranges are joined ("from January to August", "between 2020 and 2024").

Conventions worth knowing (they follow the hand-annotated gold set, bench/gold):

* Values are TIMEX3-style: ``2025-09-27``, ``2025-09``, ``2025-W39``, ``2025-W39-WE``,
  ``2025-Q3``, ``2025-H1``, ``2025-SU``, ``2025``, ``199`` (decade), ``20`` (century), ranges as
  ``A/B``, times as ``2025-09-27T16:15`` or ``2025-09-27TNI`` (zones such as "GMT" are part of
  the text but not of the value), durations and sets as ``P3D``, ``P2Y6M``.
* Leading prepositions of calendar expressions are left out ("said on Saturday" gives
  "Saturday"); vague idioms keep theirs ("Over the years", "in recent years", "for decades");
  month and year ranges keep their opener ("from January to August", "between 2020 and 2024").
  Ranges of days or clock times stay two expressions ("from Oct. 1 to Oct. 8", "between
  Saturday and Tuesday"), as does a clock time and its day ("Friday" and "11:00 a.m.").
* "early"/"mid"/"late" and "the beginning/middle/end of" keep the period's value but narrow the
  range to its first, middle or last third.
* Year-less expressions: a bare month is the latest one in a past clause ("since December" in
  an August story is last December), the next one in a future clause, else the nearest; a day
  is the nearest within six months unless the clause speaks of the future; a bare weekday is
  the last one unless the clause speaks of the future or of a span still running ("runs until
  Thursday"); quarters and halves look back.
* Anaphora take the period reported on, not a comparison base: "rose 5% in July from June and
  8% from a year earlier" gives ``2024-07``; a month or longer is preferred to a day.
* Fiscal years: where the article's country is known (India, Japan: April to March; Pakistan,
  Bangladesh, Egypt, Australia, New Zealand: July to June; most others: the calendar year),
  parts of a fiscal year resolve to calendar values ("the second quarter of FY2025-26" in India
  is ``2025-Q3``) and whole ones keep a label with their days as range (``FY2025-26``;
  ``FY25`` in India is ``FY2024-25``, "fiscal 2025" in Japan ``FY2025-26``, "fiscal year 2026"
  in Saudi Arabia ``2026``). Elsewhere labels stay labels (``FY2025``, ``FY2025-Q3``) with no
  range, and "the current fiscal year" has no value.
* Sets are recurring events ("a weekly briefing", "twice a year" is ``P1Y``: the model has no
  frequency field); rates of a measure are not time expressions ("barrels per day", "$310
  billion a year", "hourly wages", "rose 3% annually").
* A clock time takes the date of an adjacent day expression, else the nearest preceding
  day-level date in its sentence, else the anchor day.
* Past either end of the calendar (an anchor in year 1 or 9999, "5,000 years ago") an
  expression keeps its text and gets no value: the arithmetic goes through
  ``transforms.datemath``, and a rule that still runs off the calendar drops its candidate.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from transforms.datemath import (
    CALENDAR_ERRORS,
    in_calendar,
    make_date,
    shift_days,
    within_calendar,
)
from transforms.model import TimeExpression

__all__ = ["extract_time_expressions"]

# --------------------------------------------------------------------------- word tables

_MONTH_NUM = {
    m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
}
_WEEKDAY_NUM = {
    w: i for i, w in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}
_SMALL_NUMS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_SMALL_NUMS.update(
    {
        w: 10 * i
        for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
    }
)
_SMALL_NUMS.update({"hundred": 100, "a": 1, "an": 1})
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
# unit -> (multiplier, ISO 8601 designator, is a time-of-day unit)
_UNIT_CODE: dict[str, tuple[int, str, bool]] = {
    "year": (1, "Y", False),
    "month": (1, "M", False),
    "week": (1, "W", False),
    "day": (1, "D", False),
    "decade": (10, "Y", False),
    "century": (100, "Y", False),
    "fortnight": (2, "W", False),
    "hour": (1, "H", True),
    "minute": (1, "M", True),
    "second": (1, "S", True),
}
_SET_ADVERBS = {
    "annually": "P1Y",
    "yearly": "P1Y",
    "biannually": "P6M",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "biennially": "P2Y",
    "quarterly": "P3M",
    "monthly": "P1M",
    "fortnightly": "P2W",
    "weekly": "P1W",
    "daily": "P1D",
    "nightly": "P1D",
    "hourly": "PT1H",
}
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "boxing day": (12, 26),
}
# Words that may precede a capitalised weekday or quarter without making it part of a name
# ("Black Friday", "Audi Q3" are names; "On Friday", "In Q3" are not).
_CAPITAL_CUES = frozenset(
    "in on at by for of to from since until till through during before after between and or "
    "the this last next every each early late mid over throughout its their his her "
    "around about than as said says starting beginning effective".split()
)
# Counted nouns after a number that make it an amount, not a year ("2025 units").
_COUNT_NOUNS = frozenset(
    "units unit vehicles vehicle cars car people persons tonnes tons tonne ton barrels shares "
    "jobs homes houses cases deaths workers students dollars yuan euros rupees pounds yen "
    "points metres meters kilometres kilometers miles hectares acres households families "
    "passengers visitors tourists troops soldiers members employees patients children "
    "residents copies items pieces times votes seats".split()
)
_QUANTITY_HEADS = frozenset(
    "total number sum figure tally count amount value height price score level population "
    "capacity output".split()
)
_SPORTS = re.compile(
    r"\b(?:scored|goals?|match|striker|penalty|halftime|half-time|kick-?off|innings|"
    r"quarterback|touchdown|rebounds|free throws?)\b",
    re.IGNORECASE,
)
# Unambiguous sports vocabulary: anywhere in the article it marks quarters and halves as game time.
_SPORTS_STRICT = re.compile(
    r"\b(?:striker|goalkeeper|midfielder|halftime|half-time|quarterback|touchdowns?|innings"
    r"|rebounds|playoffs?|NBA|NFL|Premier\s+League|La\s+Liga|Serie\s+A|Bundesliga)\b"
)

# --------------------------------------------------------------------------- regex pieces

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MON = rf"(?-i:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\b\.?)"
# A month on its own needs a full name or an abbreviation with its period ("Jan" is a name too).
_MON_BARE = rf"(?-i:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\.)"
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_DAY = r"[0-3]?\d"
_ORD_SUF = r"(?:st|nd|rd|th)"
_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|(?:a|one)\s+hundred|one|two|three|four|five|six|seven|eight|nine|ten)"
)
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_NUM_WORD}|an?)"
_VAGUE_NUM = r"(?:a\s+few|few|several|many|numerous|a\s+couple\s+of|a\s+number\s+of)"
_UNITS = (
    r"(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?|fortnights?"
    r"|seconds?)"
)
_UNIT1 = r"(?:year|month|week|day|decade|century|hour|minute|second|fortnight)"
_MOD = r"(?:(?P<mod>early|mid|late|end|(?:the\s+)?(?:end|beginning|start|middle|close)\s+of)[\s-]+)"
_YEARREF = (
    rf"(?:(?P<yr_fy>(?:fiscal|financial)\s+(?:year\s+)?(?:{_YEAR}|\d\d)(?:[-–/](?:\d{{4}}|\d\d))?"
    r"|(?-i:FY)\s?(?:\d{4}|\d\d)(?:[-–/](?:\d{4}|\d\d))?"
    r"|(?:the\s+)?(?:current|this|last|previous|prior|preceding|next|coming|following)\s+"
    r"(?:fiscal|financial)(?:\s+year)?|the\s+(?:fiscal|financial)(?:\s+year)?)"
    rf"|(?P<yr_y>{_YEAR})(?![\d-])"
    r"|(?P<yr_this>this\s+year|the\s+current\s+year)"
    r"|(?P<yr_last>last\s+year|the\s+(?:previous|prior|preceding)\s+year)"
    r"|(?P<yr_next>next\s+year|the\s+(?:coming|following)\s+year)"
    r"|(?P<yr_the>the\s+year)(?![\w-]))"
)
_TZ = (
    r"(?P<tz>\s*\(?(?:GMT|UTC|BST|CEST|CET|EET|MSK|GST|HKT|SGT|JST|KST|AEST|AEDT|EST|EDT|PST|PDT"
    r"|ET|PT|CT|[Ll]ocal\s+time|Beijing\s+time|Moscow\s+time)\b\)?)?"
)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# --------------------------------------------------------------------------- calendar helpers


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


_safe_date = make_date


def _week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _year_value(y: int) -> str | None:
    """A year as a TIMEX3 value ("0990", "2025"), or None outside the calendar."""
    return f"{y:04d}" if in_calendar(y) else None


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


_V_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_V_TIME = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T")
_V_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_V_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_V_HALF = re.compile(r"^(\d{4})-H([12])$")
_V_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_V_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_V_YEAR = re.compile(r"^(\d{4})$")
_V_DECADE = re.compile(r"^(\d{3})$")
_V_CENTURY = re.compile(r"^(\d{2})$")


def _gran(value: str) -> str:
    """Granularity name of a TIMEX3 value produced by this module."""
    if "/" in value:
        return "range"
    for name, rx in (
        ("day", _V_DAY),
        ("time", _V_TIME),
        ("month", _V_MONTH),
        ("quarter", _V_QUARTER),
        ("half", _V_HALF),
        ("season", _V_SEASON),
        ("year", _V_YEAR),
        ("decade", _V_DECADE),
        ("century", _V_CENTURY),
    ):
        if rx.match(value):
            return name
    m = _V_WEEK.match(value)
    if m:
        return "weekend" if m.group(3) else "week"
    return "other"


def _span_of(value: str) -> tuple[date, date] | None:
    """The calendar days a TIMEX3 value covers, or None for labels without a calendar."""
    if "/" in value:
        a, _, b = value.partition("/")
        sa, sb = _span_of(a), _span_of(b)
        return (sa[0], sb[1]) if sa and sb else None
    try:
        m = _V_DAY.match(value) or _V_TIME.match(value)
        if m:
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        m = _V_MONTH.match(value)
        if m:
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo)
        m = _V_QUARTER.match(value)
        if m:
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        m = _V_HALF.match(value)
        if m:
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
        m = _V_WEEK.match(value)
        if m:
            y, w = int(m[1]), int(m[2])
            if m[3]:
                return date.fromisocalendar(y, w, 6), date.fromisocalendar(y, w, 7)
            return date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)
        m = _V_SEASON.match(value)
        if m:
            start = date(int(m[1]), _SEASON_START[m[2]], 1)
            return start, _add_months(start, 3) - timedelta(days=1)
        m = _V_YEAR.match(value)
        if m:
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        m = _V_DECADE.match(value)
        if m:
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        m = _V_CENTURY.match(value)
        if m:
            y = int(m[1]) * 100
            return date(y, 1, 1), date(y + 99, 12, 31)
    except CALENDAR_ERRORS:
        return None
    return None


def _shift(value: str, years: int = 0, months: int = 0, days: int = 0) -> str | None:
    """Move a value by a calendar amount, keeping its granularity; None where that is undefined."""
    if "/" in value:
        parts = [_shift(p, years, months, days) for p in value.split("/")]
        return "/".join(p for p in parts if p) if all(parts) else None
    g = _gran(value)
    total = years * 12 + months
    try:
        if g in ("day", "time"):
            d = date(int(value[:4]), int(value[5:7]), int(value[8:10]))
            return (_add_months(d, total) + timedelta(days=days)).isoformat() + value[10:]
        if g in ("week", "weekend"):
            if months or days % 7:
                return None
            y, w = int(value[:4]) + years, int(value[6:8])
            w = min(w, date(y, 12, 28).isocalendar()[1])
            monday = date.fromisocalendar(y, w, 1) + timedelta(days=days)
            return _week_value(monday) + value[8:]
        if days:
            return None
        y = int(value[:4])
        if g == "month":
            ny, nm = divmod(y * 12 + int(value[5:7]) - 1 + total, 12)
            return f"{ny:04d}-{nm + 1:02d}" if in_calendar(ny) else None
        if g == "quarter" and total % 3 == 0:
            ny, nq = divmod(y * 4 + int(value[6]) - 1 + total // 3, 4)
            return f"{ny:04d}-Q{nq + 1}" if in_calendar(ny) else None
        if g == "half" and total % 6 == 0:
            ny, nh = divmod(y * 2 + int(value[6]) - 1 + total // 6, 2)
            return f"{ny:04d}-H{nh + 1}" if in_calendar(ny) else None
        if g in ("year", "season") and total % 12 == 0:
            ny = y + total // 12
            return f"{ny:04d}{value[4:]}" if in_calendar(ny) else None
    except CALENDAR_ERRORS:
        return None
    return None


def _coarsen(value: str, target: str) -> str | None:
    """The enclosing period of granularity ``target`` ("month" of a day), or None."""
    if "/" in value:
        value = value.rsplit("/", 1)[1]
    g = _gran(value)
    if g == "time":
        value, g = value[:10], "day"
    if g == target or (target == "week" and g == "weekend"):
        return value
    if g not in ("day", "month", "quarter", "half", "season", "week", "weekend", "year"):
        return None
    if target == "year":
        return value[:4]
    span = _span_of(value)
    if span is None:
        return None
    d = span[0]
    if target == "month" and g == "day":
        return value[:7]
    if target == "quarter" and g in ("day", "month"):
        return f"{d.year:04d}-Q{_quarter_of(d)}"
    if target == "half" and g in ("day", "month", "quarter"):
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if target == "week" and g == "day":
        return _week_value(d)
    return None


def _anchor_value(anchor: date, gran: str) -> str:
    """The period of granularity ``gran`` that contains the anchor day."""
    if gran == "day":
        return anchor.isoformat()
    if gran == "month":
        return anchor.isoformat()[:7]
    if gran == "quarter":
        return f"{anchor.year:04d}-Q{_quarter_of(anchor)}"
    if gran == "half":
        return f"{anchor.year:04d}-H{1 if anchor.month <= 6 else 2}"
    if gran == "week":
        return _week_value(anchor)
    return f"{anchor.year:04d}"


def _part(mod: str | None) -> str | None:
    """Normalise a modifier ("the end of", "mid") to the third of the period it selects."""
    if not mod:
        return None
    low = mod.lower()
    if "mid" in low:
        return "mid"
    if any(w in low for w in ("early", "beginning", "start")):
        return "early"
    return "late"


def _narrow(rs: date, re_: date, part: str) -> tuple[date, date]:
    """The first, middle or last third of a span, in whole months where it is month-aligned."""
    months = (re_.year - rs.year) * 12 + re_.month - rs.month + 1
    aligned = rs.day == 1 and re_ == _month_end(re_.year, re_.month)
    if aligned and months >= 36 and months % 12 == 0:
        years = months // 12
        third = years // 3
        if part == "early":
            return rs, date(rs.year + third - 1, 12, 31)
        if part == "mid":
            return date(rs.year + third, 1, 1), date(re_.year - third, 12, 31)
        return date(re_.year - third + 1, 1, 1), re_
    if aligned and months >= 3:
        third = months // 3
        if part == "early":
            return rs, _add_months(rs, third) - timedelta(days=1)
        if part == "mid":
            return _add_months(rs, third), _add_months(rs, months - third) - timedelta(days=1)
        return _add_months(rs, months - third), re_
    n = (re_ - rs).days + 1
    third = max(n // 3, 1)
    if part == "early":
        return rs, rs + timedelta(days=third - 1)
    if part == "mid":
        return rs + timedelta(days=third), re_ - timedelta(days=third)
    return re_ - timedelta(days=third - 1), re_


def _num(text: str) -> float | None:
    """Value of a number written in digits or English words ("twenty-five", "a")."""
    low = text.lower().strip().replace(",", "")
    try:
        return float(low)
    except ValueError:
        pass
    words = re.split(r"[-\s]+", low)
    if words[-1] == "hundred":
        return 100.0
    total = 0
    for w in words:
        if w not in _SMALL_NUMS:
            return None
        total += _SMALL_NUMS[w]
    return float(total)


def _unit(text: str) -> str:
    low = text.lower()
    if low.startswith("centur"):
        return "century"
    return low[:-1] if low.endswith("s") else low


def _duration(n: float, unit: str) -> str:
    mult, code, is_time = _UNIT_CODE[unit]
    q = n * mult
    qs = str(int(q)) if q == int(q) else f"{q:g}"
    return f"PT{qs}{code}" if is_time else f"P{qs}{code}"


def _fy_label(a: str, b: str | None) -> str | None:
    """Normalise a fiscal-year label: "25" -> FY2025, "2024", "25" -> FY2024-25."""
    ya = int(a) if len(a) == 4 else 2000 + int(a)
    if b is None:
        return f"FY{ya}"
    yb = int(b) if len(b) == 4 else ya // 100 * 100 + int(b)
    if yb < ya:
        yb += 100
    if yb != ya + 1:
        return None
    return f"FY{ya}-{yb % 100:02d}"


@dataclass(frozen=True, slots=True)
class _Fiscal:
    """A country's fiscal year: its first month, and whether "fiscal 2025" names the year it
    begins in (Japan) rather than the one it ends in (India, Pakistan)."""

    start: int
    by_start: bool = False


# Fiscal calendars of countries whose news commonly cites fiscal periods, found from the
# words of the sentence or else the article (place names in any case, for datelines; agency
# and institution acronyms as written). Companies there mostly follow the government's year.
# Elsewhere (the United States, where companies pick their own) fiscal labels stay labels.
def _cues(names: str, acronyms: str = "") -> re.Pattern[str]:
    alts = rf"(?i:{names})" + (f"|{acronyms}" if acronyms else "")
    return re.compile(rf"\b(?:{alts})\b")


_FISCAL_CUES: tuple[tuple[re.Pattern[str], _Fiscal], ...] = (
    (
        _cues(
            r"India|Indian|New\s+Delhi|Mumbai|Bengaluru|Chennai|Kolkata|Sensex|Nifty|crore|lakh",
            "PTI|IANS|RBI",
        ),
        _Fiscal(4),
    ),
    (_cues(r"Pakistan|Pakistani|Islamabad|Karachi|Lahore", "APP|SBP|PKR"), _Fiscal(7)),
    (_cues(r"Bangladesh|Bangladeshi|Dhaka|taka", "BSS"), _Fiscal(7)),
    (_cues(r"Egypt|Egyptian|Cairo"), _Fiscal(7)),
    (_cues(r"Australia|Australian|Canberra|Sydney|Melbourne"), _Fiscal(7)),
    (_cues(r"New\s+Zealand|Wellington"), _Fiscal(7)),
    (_cues(r"Japan|Japanese|Tokyo|Osaka|Kyodo|Jiji|Nikkei|yen", "BOJ"), _Fiscal(4, by_start=True)),
    # Fiscal year = calendar year; last, so that a tie goes to a split year.
    (
        _cues(
            r"Saudi|Riyadh|Emirati|Emirates|Abu\s+Dhabi|Dubai|Qatar|Qatari|Doha|China|Chinese"
            r"|Beijing|Xinhua|Korea|Korean|Seoul|Yonhap|T[üu]rkiye|Turkey|Turkish|Ankara|Anadolu"
            r"|Russia|Russian|Moscow|Malaysia|Malaysian|Bernama|Indonesia|Indonesian|Jakarta"
            r"|Vietnam|Vietnamese|Hanoi|Brazil|Brazilian",
            "SPA|UAE|WAM|QNA|TASS",
        ),
        _Fiscal(1),
    ),
)


def _fiscal_of(text: str, lo: int = 0, hi: int | None = None, head: int = 0) -> _Fiscal | None:
    """The fiscal calendar of the country text[lo:hi] is about, if it is known; a mention in
    the first ``head`` characters (the dateline) weighs more."""
    hi = len(text) if hi is None else hi
    best, best_score = None, 0
    for rx, cal in _FISCAL_CUES:
        score = sum(1 for _ in rx.finditer(text, lo, hi))
        if head and rx.search(text, 0, head):
            score += 5
        if score > best_score:
            best, best_score = cal, score
    return best


def _fy_first_year(cal: _Fiscal, a: str, b: str | None) -> int:
    """The calendar year a fiscal year labelled ``a`` or ``a-b`` begins in."""
    ya = int(a) if len(a) == 4 else 2000 + int(a)
    if b is not None or cal.start == 1 or cal.by_start:
        return ya
    return ya - 1


def _fy_containing(cal: _Fiscal, d: date) -> int:
    """The calendar year the fiscal year holding ``d`` begins in."""
    return d.year if d.month >= cal.start else d.year - 1


def _months_value(y: int, m: int, n: int) -> str:
    """The n months from (y, m): a quarter, half or year where they are one, else a range."""
    if n == 1:
        return f"{y:04d}-{m:02d}"
    if n == 3 and m % 3 == 1:
        return f"{y:04d}-Q{m // 3 + 1}"
    if n == 6 and m in (1, 7):
        return f"{y:04d}-H{m // 6 + 1}"
    if n == 12 and m == 1:
        return f"{y:04d}"
    end = _add_months(date(y, m, 1), n - 1)
    return f"{y:04d}-{m:02d}/{end.year:04d}-{end.month:02d}"


def _fy_res(cal: _Fiscal, y0: int, part: tuple[int, int] | None = None) -> _Res:
    """Fiscal year ``y0`` (the year it begins in), or ``part`` = (first month, months) of it.
    A whole split year keeps its label (``FY2025-26``) and gets the days it covers."""
    if part is not None and part != (0, 12):
        first = _add_months(date(y0, cal.start, 1), part[0])
        return _mk(_months_value(first.year, first.month, part[1]))
    if cal.start == 1:
        return _mk(f"{y0:04d}")
    rs = date(y0, cal.start, 1)
    return _Res("date", f"FY{y0}-{(y0 + 1) % 100:02d}", rs, _add_months(rs, 12) - timedelta(days=1))


def _fy_labelled(
    env: _Env,
    pos: int,
    a: str,
    b: str | None,
    part: tuple[int, int] | None = None,
    suffix: str = "",
) -> _Res | None:
    """A fiscal year written with its number ("FY25", "fiscal 2024-25"), or a part of it:
    resolved where the country's calendar is known, else kept as a label."""
    label = _fy_label(a, b)
    if label is None:
        return None
    cal = env.fiscal_at(pos)
    if cal is None or (b is not None and cal.start == 1):
        return _mk(label + suffix)
    return _fy_res(cal, _fy_first_year(cal, a, b), part)


# --------------------------------------------------------------------------- intermediate records


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


# --------------------------------------------------------------------------- context

_SENT_BREAK = re.compile(r"([.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n[^\S\n]*\n\s*")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen gov sen rep lt col capt prof inc corp co ltd no vs jr sr mt ft "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n a.m p.m e.g i.e".split()
)
# Lower-case and case-sensitive on purpose: these run often and need to be quick.
_CLAUSE_BREAK = re.compile(
    r"(?<!\d),|,(?!\d)|[;:—]|\s[-–]\s"
    r"|\b(?:that|which|who|whom|but|while|whereas|although|though|because|since"
    r"|after|before|when|where|if|unless)\b"
)
_FUTURE = re.compile(
    r"\b(?:[Ww]ill|shall|won['’]t|could|might|may|going\s+to|(?:is|are)\s+to\s+[a-z]+"
    r"|(?:is|are|was|were)\s+due\b"
    r"|scheduled|slated|set\s+(?:to|for)|plans?\s+to|planned|intends?\s+to|aims?\s+to"
    r"|(?:hopes?|vows?|pledges?|promises?|seeks?|likely)\s+to|upcoming|forthcoming"
    r"|expects?|expected|forecasts?|projects?|projected|predicts?|anticipates?|outlook"
    r"|[Nn]ext\s+(?!to\b|day\b|morning\b|afternoon\b|evening\b|night\b)"
    r"|guidance)\b|\w['’]ll\b"
)
# A past verb shortly before the expression ("said on Saturday", "was passed on March 3");
# participles after "be" ("will be held") do not count. Lower case only: "United" is no verb.
_PAST = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)\b(?:[a-z]+ed|said|says|told|held|met|began|took|made|won|lost|fell"
    r"|rose|came|went|saw|left|gave|sent|struck|ran|brought|bought|sold|spoke|wrote|broke|led"
    r"|kept|became|was|were)\b"
)
_NOT_PAST = frozenset(
    "scheduled planned expected slated projected forecasted aimed intended proposed "
    "anticipated predicted need indeed proceed exceed succeed speed feed seed red bed shed "
    "embed".split()
)
_NOT_FUTURE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|our|his|her|this|that|whose)|['’]s|\bthan|-than-|\bas)\s*$"
)
_BASE_BEFORE = re.compile(
    r"\b(?:from|since|than|compared\s+(?:with|to)|against|versus|vs\.?)\s+"
    r"(?:[^\s,;:]*\d[^\s,;:]*\s+(?:[a-z]+\s+){0,2}?(?:in|during|for|of|at)\s+)?$",
    re.IGNORECASE,
)
_REPORTING = frozenset("said says told".split())
_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
# The attribution that closes a sentence: ", the company said.", ", according to the ministry."
_ATTRIBUTION = re.compile(
    r"[,;:\s]*+(?:according\s+to\b[^,;]*|(?:[\w'’.-]++\s++){0,6}?"
    r"(?:said|says|told\s+[\w\s]{1,30}?|added|noted|reported|announced|stated)"
    r"(?:\s+(?:on\s+)?\w+)?)"
    r"[\s\"'”’)]*+(?:[.!?][\s\"'”’)]*+)?$"
)
_FILLER = frozenset("on in at by the of from since until till last next this a an".split())
_WORDS = re.compile(r"[A-Za-z']+")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’.-]*+)[^\S\n]*+$")
_NEXT_WORD = re.compile(r"[^\S\n]*+([A-Za-z][\w'’-]*)")


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENT_BREAK.finditer(text):
        if m.group(1) == ".":
            w = _WORD_BEFORE_DOT.search(text, max(0, m.start() - 12), m.start() + 1)
            word = w.group(1).lower() if w else ""
            if word in _ABBREVIATIONS or len(word) == 1:
                continue
        starts.append(m.end())
    return starts


class _Env:
    """The article being read: its text, anchor and sentence boundaries."""

    __slots__ = (
        "_breaks",
        "_fiscal",
        "_fiscal_in",
        "_quotes",
        "_sporty",
        "_tenses",
        "anchor",
        "starts",
        "text",
    )

    def __init__(self, text: str, anchor: date) -> None:
        self.text = text
        self.anchor = anchor
        self.starts = _sentence_starts(text)
        self._sporty: bool | None = None
        self._breaks: dict[int, list[int]] = {}
        self._tenses: dict[tuple[int, int, bool], str | None] = {}
        self._quotes: list[tuple[int, int]] | None = None
        self._fiscal: _Fiscal | bool | None = False
        self._fiscal_in: dict[tuple[int, int], _Fiscal | None] = {}  # per sentence, once read

    @property
    def sporty(self) -> bool:
        """Whether the article reads as a sports report (computed on first use)."""
        if self._sporty is None:
            self._sporty = _SPORTS_STRICT.search(self.text) is not None
        return self._sporty

    @property
    def fiscal(self) -> _Fiscal | None:
        """The fiscal calendar of the article's country, if known (computed on first use)."""
        if self._fiscal is False:
            self._fiscal = _fiscal_of(self.text, head=160)
        return self._fiscal if isinstance(self._fiscal, _Fiscal) else None

    def fiscal_at(self, pos: int) -> _Fiscal | None:
        """The fiscal calendar for an expression at ``pos``: a country named in its sentence,
        else the article's."""
        bounds = self.bounds(pos)
        if bounds not in self._fiscal_in:
            self._fiscal_in[bounds] = _fiscal_of(self.text, *bounds)
        return self._fiscal_in[bounds] or self.fiscal

    def sent(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def bounds(self, pos: int) -> tuple[int, int]:
        i = self.sent(pos)
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def sentence(self, pos: int) -> str:
        s0, s1 = self.bounds(pos)
        return self.text[s0:s1]

    def prev_word(self, pos: int) -> str:
        m = _PREV_WORD.search(self.text, max(0, pos - 40), pos)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD.match(self.text, pos)
        return m.group(1) if m else ""

    def future(self, start: int, end: int) -> bool:
        """Whether the clause around [start, end) speaks of the future."""
        return self.tense(start, end) == "future"

    def tense(self, start: int, end: int, wide: bool = True) -> str | None:
        """ "future", "past" or None (no cue) for the clause around [start, end); ``wide`` lets
        a clause without a cue take the nearest one earlier in its sentence."""
        key = (start, end, wide)
        if key not in self._tenses:
            self._tenses[key] = self._tense(start, end, wide)
        return self._tenses[key]

    def _tense(self, start: int, end: int, wide: bool) -> str | None:
        s0, s1 = self.bounds(start)
        breaks = self.breaks(start)
        before = [b for b in breaks if b < start]
        after = [b for b in breaks if b >= end]
        left = before[-1] if before else s0
        right = after[0] if after else s1

        def content(a: int, b: int) -> int:
            words = _WORDS.findall(self.text, a, b)
            return sum(1 for w in words if w.lower() not in _FILLER)

        # A bare adverbial ("On Saturday, the minister will ...") borrows the next clause, unless
        # that is only the attribution closing the sentence (", the company said.").
        if content(left, start) + content(end, right) < 2:
            if after and not _ATTRIBUTION.match(self.text, after[0], s1):
                right = after[1] if len(after) > 1 else s1
            if content(left, start) + content(end, right) < 2 and len(before) > 1:
                left = before[-2]
        # The nearest verb cue before the expression decides; else any cue in the clause.
        lo = max(left, start - 60)
        past = [p.start() for p in _PAST.finditer(self.text, lo, start) if p[0] not in _NOT_PAST]
        fut = [f.start() for f in self._futures(left, start)]
        if past and (not fut or past[-1] > fut[-1]):
            return "past"
        if fut:
            return "future"
        # After it, the nearest cue: "on Monday agreed to hold the next meeting" is past.
        after_cues = [(f.start(), "future") for f in self._futures(end, right)]
        after_cues += [
            (p.start(), "past")
            for p in _PAST.finditer(self.text, end, right)
            if p[0] not in _NOT_PAST
        ]
        if after_cues:
            return min(after_cues)[1]
        if not wide:
            return None
        # Nothing in the clause: the nearest cue earlier in the sentence, reporting verbs and
        # other people's quoted words aside ("Albers, 51, will succeed Lindqvist, who is
        # retiring, on Jan. 1, the company said").
        quote = self.quote_at(start)
        cues = [(m.start(), "future") for m in self._futures(s0, left)]
        cues += [
            (m.start(), "past")
            for m in _PAST.finditer(self.text, s0, left)
            if m[0] not in _NOT_PAST and m[0] not in _REPORTING
        ]
        cues = [c for c in cues if self.quote_at(c[0]) == quote]
        return max(cues)[1] if cues else None

    def breaks(self, pos: int) -> list[int]:
        """Clause breaks (commas, conjunctions, ...) of the sentence holding ``pos``."""
        s0, s1 = self.bounds(pos)
        found = self._breaks.get(s0)
        if found is None:
            found = [m.start() for m in _CLAUSE_BREAK.finditer(self.text, s0, s1)]
            self._breaks[s0] = found
        return found

    def past_before(self, pos: int) -> bool:
        """Whether a past verb comes between the clause start and ``pos`` ("ran until")."""
        lo = max([b for b in self.breaks(pos) if b < pos], default=self.bounds(pos)[0])
        return any(p[0] not in _NOT_PAST for p in _PAST.finditer(self.text, lo, pos))

    def _futures(self, lo: int, hi: int) -> Iterator[re.Match[str]]:
        """Future cues in [lo, hi), less nouns ("the Bank's forecast") and comparisons
        ("better than expected")."""
        for m in _FUTURE.finditer(self.text, lo, hi):
            if m[0][:4].lower() != "next" and _NOT_FUTURE_BEFORE.search(
                self.text, max(0, m.start() - 24), m.start()
            ):
                continue
            yield m

    def is_base(self, pos: int) -> bool:
        """Whether the expression at ``pos`` is a comparison base: "from June", "since 2020",
        "compared with $2.99 billion in August"."""
        m = _BASE_BEFORE.search(self.text, max(0, pos - 48), pos)
        return m is not None

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The quotation [start, end) that ``pos`` is inside, if any."""
        if self._quotes is None:
            self._quotes = [m.span() for m in _QUOTE.finditer(self.text)]
        i = bisect.bisect_right(self._quotes, (pos, len(self.text))) - 1
        if i >= 0 and self._quotes[i][0] <= pos < self._quotes[i][1]:
            return self._quotes[i]
        return None

    def capitalised_name_before(self, pos: int) -> bool:
        """Whether a capitalised non-cue word directly precedes ``pos`` ("Black Friday")."""
        prev = self.prev_word(pos)
        return bool(prev) and prev[0].isupper() and prev.lower() not in _CAPITAL_CUES


# --------------------------------------------------------------------------- handlers

_Handler = Callable[[re.Match[str], _Env], _Item | None]


def _month_of(name: str) -> int:
    return _MONTH_NUM[name[:3].lower()]


def _day_value(y: int, mo: int, d: int) -> str | None:
    dt = _safe_date(y, mo, d)
    return dt.isoformat() if dt else None


def _yearless_day(mo: int, d: int) -> _Item | None:
    if not 1 <= d <= 31 or _safe_date(2024, mo, d) is None:
        return None

    def build(y: int) -> _Res | None:
        v = _day_value(y, mo, d)
        return _mk(v) if v else None

    return _YearLess(build, "window")


def _h_iso(m: re.Match[str], env: _Env) -> _Item | None:
    y = int(m["y"])
    v = _day_value(y, int(m["m"]), int(m["d"]))
    if v is None:
        return None
    if m["H"]:
        d = date.fromisoformat(v)
        return _Res("time", f"{v}T{m['H']}:{m['M']}", d, d, y)
    return _mk(v, explicit_year=y)


def _h_numeric_date(m: re.Match[str], env: _Env) -> _Item | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    # Day first, as in most of the world's press; month first only when day first is impossible.
    v = _day_value(y, b, a) or _day_value(y, a, b)
    return _mk(v, explicit_year=y) if v else None


_REL_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _stated_year(m: re.Match[str], anchor: date) -> int | None:
    """The year written with a month: "2025", or "last year" in "September last year"."""
    if m["y"]:
        return int(m["y"])
    if m["yrel"]:
        return anchor.year + _REL_YEAR_STEP[m["yrel"].lower()]
    return None


def _h_month_day(m: re.Match[str], env: _Env) -> _Item | None:
    gd = m.groupdict()
    if gd.get("the") and not (gd.get("ord") or gd.get("of")):
        return None
    mo, d = _month_of(m["mon"]), int(m["d"])
    y = _stated_year(m, env.anchor)
    if y is not None:
        v = _day_value(y, mo, d)
        return _mk(v, explicit_year=y) if v else None
    return _yearless_day(mo, d)


def _h_day_range(m: re.Match[str], env: _Env) -> _Item | None:
    mo, d1, d2 = _month_of(m["mon"]), int(m["d1"]), int(m["d2"])
    if not 1 <= d1 < d2 <= 31:
        return None

    def build(y: int) -> _Res | None:
        a, b = _day_value(y, mo, d1), _day_value(y, mo, d2)
        return _mk(f"{a}/{b}", explicit_year=y if m["y"] else None) if a and b else None

    if m["y"]:
        return build(int(m["y"]))
    return _YearLess(build, "window")


def _h_month_range(m: re.Match[str], env: _Env) -> _Item | None:
    a, b = _month_of(m["m1"]), _month_of(m["m2"])
    conn, pre = m["conn"].lower(), (m["pre"] or "").lower()
    if a == b or (conn == "and" and pre != "between"):
        return None
    stated = m["y"] or m["y2"]
    n = (b - a) % 12 + 1

    def build(y: int) -> _Res:
        ya = y if a < b else y - 1
        # "the July-September quarter" is the calendar quarter; a bare "July-September" stays
        # a range of months.
        value = _months_value(ya, a, n) if m["head"] else f"{ya:04d}-{a:02d}/{y:04d}-{b:02d}"
        return _mk(value, explicit_year=y if stated else None)

    if stated:
        return build(int(stated))
    if m["yrel"] or m["yprev"]:
        step = _REL_YEAR_STEP[m["yrel"].lower()] if m["yrel"] else -1
        return build(env.anchor.year + step)
    fy = _FY_AFTER.match(env.text, m.end("x"))
    if fy:
        y_end = _fy_year_of_month(env, m.start("x"), fy["a"], fy["b"], b)
        if y_end is not None:
            return build(y_end)
    return _YearLess(build, "period")


def _fy_year_of_month(env: _Env, pos: int, a: str, b: str | None, month: int) -> int | None:
    """The calendar year of ``month`` within the fiscal year labelled ``a`` or ``a-b``; a
    two-year label with an unknown calendar is taken to start in April, which only decides
    April to June."""
    cal = env.fiscal_at(pos)
    if cal is None or cal.start == 1:
        if b is None or _fy_label(a, b) is None:
            return None
        cal = _Fiscal(4)
    y0 = _fy_first_year(cal, a, b)
    return y0 if month >= cal.start else y0 + 1


def _h_month_year(m: re.Match[str], env: _Env) -> _Item | None:
    y = _stated_year(m, env.anchor)
    if y is None:
        return None
    return _mk(f"{y:04d}-{_month_of(m['mon']):02d}", part=_part(m["mod"]), explicit_year=y)


# "for October delivery", "the November contract": futures months lie ahead.
_FORWARD_HEADS = re.compile(r"\s++(?:delivery|contracts?|futures|expiry|settlement|loading)\b")
_SAFE_BARE_MONTHS = frozenset("January February September October November December".split())
_MONTH_BEFORE = re.compile(rf"{_MON_BARE}\s*+(?:,\s*+)?$")
_YEAR_BEFORE = re.compile(rf"{_YEAR}\s*+(?:,\s*+)?$")


def _cue(rx: re.Pattern[str], env: _Env, pos: int) -> tuple[str, int]:
    """The cue word ending just before ``pos`` (lower case, spaces normalised) and its start."""
    m = rx.search(env.text, max(0, pos - 24), pos)
    return (" ".join(m.group(1).lower().split()), m.start(1)) if m else ("", pos)


def _month_modifies(m: re.Match[str], env: _Env) -> bool:
    """ "the weak August figure", "August inflows": a month name (not "May", a verb too)
    before a lower-case noun, and not after a capitalised name ("Long March")."""
    if m["mon"][:3] == "May":
        return False
    nxt = env.next_word(m.end("x"))
    return (
        nxt.isalpha()
        and nxt.islower()
        and nxt not in _SPEECH_VERBS
        and not env.capitalised_name_before(m.start("x"))
    )


_SPEECH_VERBS = frozenset("said says told added noted asked wrote replied".split())


def _h_month(m: re.Match[str], env: _Env) -> _Item | None:
    cue, cue_at = _cue(_MONTH_CUE, env, m.start("x"))
    rel = " ".join((m["rel"] or "").lower().split())
    mo, part = _month_of(m["mon"]), _part(m["mod"])
    if cue in ("and", "or") and not _MONTH_BEFORE.search(env.text, 0, cue_at):
        cue = ""
    if not (cue or rel or part or m["poss"] or _month_modifies(m, env)) and (
        m["mon"] not in _SAFE_BARE_MONTHS or env.next_word(m.end("x"))[:1].isupper()
    ):
        return None
    a = env.anchor
    if rel in ("last", "this past"):
        y = a.year if mo < a.month else a.year - 1
    elif rel in ("next", "this coming", "the coming", "coming"):
        y = a.year if mo > a.month else a.year + 1
    elif rel == "this":
        y = a.year
    else:

        def build(yy: int) -> _Res:
            return _mk(f"{yy:04d}-{mo:02d}", part=part)

        policy = "since" if cue == "since" else "until" if cue in _UNTIL_CUES else "recent"
        if cue == "for":
            policy = "window"  # "an increase for November": a target, near either way
        if _FORWARD_HEADS.match(env.text, m.end("x")):
            policy = "ahead"
        return _YearLess(build, policy)
    return _mk(f"{y:04d}-{mo:02d}", part=part)


_DETERMINERS = frozenset("a an its their his her our whose".split())
_NOT_YEAR_HEADS = frozenset("percent per cent times more less".split())


def _h_year(m: re.Match[str], env: _Env) -> _Item | None:
    cue, cue_at = _cue(_YEAR_CUE, env, m.start("x"))
    part = _part(m["mod"])
    end = m.end("x")
    if cue in ("and", "or") and not _YEAR_BEFORE.search(env.text, 0, cue_at):
        return None
    if not (cue or part):
        return None
    nxt = env.next_word(end)
    if nxt.lower() in _COUNT_NOUNS:
        return None
    # "the 2025 World ... Congress": a year inside a name.
    if cue == "the" and not part and nxt[:1].isupper():
        return None
    if cue == "of" and env.prev_word(cue_at).lower() in _QUANTITY_HEADS:
        return None
    attributive = nxt.isalpha() and nxt.islower() and env.text[end : end + 1] == " "
    if cue in _DETERMINERS and not (attributive and nxt.lower() not in _NOT_YEAR_HEADS):
        return None  # "a 2023 order", "its 2026 budget" only
    y = int(m["y"])
    # A year that only names a thing ("its 2026 budget") or a target ("the budget for 2026")
    # does not date the rest of its sentence.
    sets_year = not (cue in _DETERMINERS or (cue == "the" and attributive))
    if cue == "for" and y > env.anchor.year:
        sets_year = False
    return _mk(str(y), part=part, explicit_year=y if sets_year else None)


def _h_year_range(m: re.Match[str], env: _Env) -> _Item | None:
    y1, y2s = int(m["y1"]), m["y2"]
    conn = m["conn"].lower()
    pre = (m["pre"] or "").lower()
    if len(y2s) == 2:
        y2 = y1 // 100 * 100 + int(y2s)
        if y2 != y1 + 1 or conn not in ("-", "–", "/"):
            return None
        # "in 2025-26" where fiscal years run across two calendar years is a fiscal year.
        cal = env.fiscal_at(m.start("x"))
        nxt = env.next_word(m.end("x")).lower()
        if cal is not None and cal.start != 1 and nxt not in _NOT_FISCAL_YEARS:
            return _fy_labelled(env, m.start("x"), str(y1), y2s)
    else:
        y2 = int(y2s)
    if not y1 < y2 <= y1 + 100:
        return None
    if conn == "and" and pre != "between":
        return None
    if conn in ("to", "until", "till", "through") and not pre:
        return None
    return _mk(f"{y1}/{y2}", explicit_year=y2)


_NOT_FISCAL_YEARS = frozenset(
    "season seasons school academic session crop marketing harvest winter summer term".split()
)


def _h_fy(m: re.Match[str], env: _Env) -> _Item | None:
    return _fy_labelled(env, m.start("x"), m["a"].lstrip("'’"), m["b"])


_FY_STEP = {
    "current": 0,
    "this": 0,
    "full": 0,
    "last": -1,
    "previous": -1,
    "prior": -1,
    "preceding": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
}


def _h_fy_rel(m: re.Match[str], env: _Env) -> _Item | None:
    """ "the current fiscal (year)", "the previous fiscal", "next fiscal year"."""
    cal = env.fiscal_at(m.start("x"))
    if cal is None:
        return _mk(None)
    return _fy_res(cal, _fy_containing(cal, env.anchor) + _FY_STEP[m["rel"].lower()])


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
    return _period(
        m, env, lambda y: f"{y:04d}-Q{q}", f"-Q{q}", _part(m["mod"]), fiscal=(3 * q - 3, 3)
    )


_PERIOD_WORD_MONTHS = {"quarter": 3, "half": 6, "half year": 6, "half-year": 6, "year": 12}


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
    last = _month_of(m["mon"])
    d = int(m["d"]) if m["d"] else None
    if d is not None and not 1 <= d <= 31:
        return None

    def build(y: int) -> _Res:
        first = _add_months(date(y, last, 1), 1 - n)
        return _mk(_months_value(first.year, first.month, n), explicit_year=y if m["y"] else None)

    if m["y"]:
        return build(int(m["y"]))
    if m["rel"].lower() == "ended":
        # "ended" is over: it is placed by its last day.
        def ended(y: int) -> date:
            return (_safe_date(y, last, d) if d else None) or _month_end(y, last)

        return _YearLess(build, "period", ended)
    return _YearLess(build, "period")


def _h_month_quarter(m: re.Match[str], env: _Env) -> _Item | None:
    last = _month_of(m["mon"])

    def value_of(y: int) -> str:
        first = _add_months(date(y, last, 1), -2)
        return _months_value(first.year, first.month, 3)

    return _period(m, env, value_of, "", probe=lambda y: _add_months(date(y, last, 1), -2))


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


def _h_fy_quarter(m: re.Match[str], env: _Env) -> _Item | None:
    p = m["p"].upper()
    n = int(p[1])
    part = (3 * n - 3, 3) if p[0] == "Q" else (6 * n - 6, 6)
    return _fy_labelled(env, m.start("x"), m["fa"], m["fb"], part, f"-{p}")


def _h_compact_period(m: re.Match[str], env: _Env) -> _Item | None:
    n, u, ys = int(m["n"]), m["u"].upper(), m["y"]
    if u == "H" and n > 2:
        return None
    y = int(ys) if len(ys) == 4 else 2000 + int(ys)
    return _mk(f"{y}-{u}{n}", explicit_year=y)


_H_CUES = frozenset(
    "in for during by through over across of from than since until and or to".split()
)
_H_HEADS = frozenset(
    "results earnings sales revenue revenues profit profits net loss losses figures "
    "performance growth output deliveries guidance".split()
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


def _h_half_ordinal(m: re.Match[str], env: _Env) -> _Item | None:
    ordw = m["ord"].lower()
    h = 1 if ordw in ("first", "1st") else 2
    if _sporty(env, m):
        return None
    return _period(
        m, env, lambda y: f"{y:04d}-H{h}", f"-H{h}", _part(m["mod"]), fiscal=(6 * h - 6, 6)
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
    return _period(m, env, value_of, "", probe=lambda y: date(y, last_month, 1), fiscal=(0, months))


def _h_mod_year(m: re.Match[str], env: _Env) -> _Item | None:
    part = _part(m["mod"])
    return _period(m, env, lambda y: f"{y:04d}", "", part)


def _h_year_end(m: re.Match[str], env: _Env) -> _Item | None:
    return _YearLess(lambda y: _mk(f"{y:04d}", part="late"), "period")


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


def _h_relative(m: re.Match[str], env: _Env) -> _Item | None:
    rel = " ".join(m["rel"].lower().split())
    u = m["u"].lower()
    a = env.anchor
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


def _weekend_value(env: _Env, start: int, end: int, this_past: bool) -> str | None:
    a = env.anchor
    if a.weekday() >= 5:
        return _week_value(a) + "-WE"
    if not this_past and env.future(start, end):
        return _week_value(a) + "-WE"
    before = shift_days(a, -7)
    return _week_value(before) + "-WE" if before else None


def _h_weekend(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    this_past = m["x"].lower().startswith("this")
    if not this_past and not m["cue"]:
        return None
    return _mk(_weekend_value(env, start, end, this_past))


_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


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


def _h_part_of_day(m: re.Match[str], env: _Env) -> _Item | None:
    off = -1 if m["w"].lower() == "last" else 0
    pod = m["pod"].lower()
    if off == 0 and pod == "night":
        return None  # "this night" is not news English; leave it alone
    day = shift_days(env.anchor, off)
    if day is None:
        return _mk(None, kind="time")
    return _mk(f"{day.isoformat()}T{_PART_OF_DAY[pod]}", kind="time")


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


def _h_weekday(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    rel = " ".join((m["rel"] or "").lower().split())
    if not rel and env.capitalised_name_before(m.start("wd")):
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


def _h_clock_ampm(m: re.Match[str], env: _Env) -> _Item | None:
    h, mi = int(m["h"]), int(m["mi"] or 0)
    if not 1 <= h <= 12:
        return None
    h = h % 12 + (12 if m["ap"].lower() == "p" else 0)
    return _Clock(f"T{h:02d}:{mi:02d}")


_CLOCK_CUES = frozenset("at from to until till by around about before after since".split())


def _h_clock_24(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    h, mi = int(m["h"]), int(m["mi"])
    if not (m["hrs"] or m["tz"] or len(m["h"]) == 2 or env.prev_word(start).lower() in _CLOCK_CUES):
        return None
    if re.match(r"\s*(?:%|percent)", env.text[end : end + 10]):
        return None
    return _Clock(f"T{h:02d}:{mi:02d}")


def _h_clock_military(m: re.Match[str], env: _Env) -> _Item | None:
    if not (m["hrs"] or m["tz"]):
        return None
    return _Clock(f"T{m['h']}:{m['mi']}")


def _h_noon(m: re.Match[str], env: _Env) -> _Item | None:
    return _Clock("T00:00" if m["w"].lower() == "midnight" else "T12:00")


def _h_oclock(m: re.Match[str], env: _Env) -> _Item | None:
    n = _num(m["h"])
    if n is None or not 1 <= n <= 12:
        return None
    return _Clock(f"T{int(n):02d}:00")


_DUR_REL_NO_COUNT = frozenset("previous following first final".split())


def _h_duration_rel(m: re.Match[str], env: _Env) -> _Item | None:
    rel = m["rel"].lower()
    has_the = m["the"] is not None
    if not has_the and rel != "past" and not (rel == "recent" and m["n"] is None):
        return None  # "will last 18 months": here "last" is a verb
    u = _unit(m["u"])
    plural = m["u"].lower().endswith("s")
    if m["n"] is None:
        if rel in _DUR_REL_NO_COUNT or u == "century":
            return None
        if not has_the:
            return _mk(None) if rel == "recent" and plural else None
        if plural:
            return _mk(None, kind="duration")
        return _mk(_duration(1, u), kind="duration")
    n = _num(m["n"])
    return _mk(_duration(n, u) if n is not None else None, kind="duration")


def _h_duration(m: re.Match[str], env: _Env) -> _Item | None:
    nword = m["n"].lower()
    u = _unit(m["u"])
    if nword in ("a", "an") and (u == "second" or m["u"].lower().endswith("s")):
        return None
    if nword in ("a", "an") and _RATE_CONTEXT.search(
        env.text, max(0, m.start("x") - 40), m.start("x")
    ):
        return None  # "$310 billion a year", "5 million tonnes a year": a rate
    if nword == "another":
        if m["u"].lower().endswith("s"):
            return None
        nword = "one"
    n = _num(nword)
    if n is None:
        return _mk(None, kind="duration")
    if m["half"] or m["half2"]:
        n += 0.5
    if m["n2"]:
        n2 = _num(m["n2"])
        u2 = _unit(m["u2"])
        if n2 is None or _UNIT_ORDER.index(u2) <= _UNIT_ORDER.index(u):
            return None
        return _mk(_compound_duration(((n, u), (n2, u2))), kind="duration")
    return _mk(_duration(n, u), kind="duration")


_UNIT_ORDER = (
    "century",
    "decade",
    "year",
    "month",
    "fortnight",
    "week",
    "day",
    "hour",
    "minute",
    "second",
)


def _compound_duration(parts: tuple[tuple[float, str], ...]) -> str:
    """ "two years and six months" is P2Y6M; "a day and 4 hours" is P1DT4H."""
    date_part, time_part = "", ""
    for n, u in parts:
        mult, code, is_time = _UNIT_CODE[u]
        q = n * mult
        qs = str(int(q)) if q == int(q) else f"{q:g}"
        if is_time:
            time_part += qs + code
        else:
            date_part += qs + code
    return "P" + date_part + ("T" + time_part if time_part else "")


def _h_duration_adj(m: re.Match[str], env: _Env) -> _Item | None:
    end = m.end("x")
    nword = m["n"]
    # "the 14th Five-Year Plan": a title, not a duration.
    if nword[0].isupper() and env.next_word(end)[:1].isupper():
        return None
    n = _num(nword)
    if n is None:
        return None
    return _mk(_duration(n, _unit(m["u"])), kind="duration")


def _h_duration_long(m: re.Match[str], env: _Env) -> _Item | None:
    u = m["u"].lower()
    if u.endswith("s"):
        return _mk(None, kind="duration")
    return _mk(_duration(1, _unit(u)), kind="duration")


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


def _h_ago(m: re.Match[str], env: _Env) -> _Item | None:
    n = _num(m["n"])
    u = _unit(m["u"])
    if n is None or n != int(n):
        return _mk(None)
    value = _ago_value(env.anchor, int(n), u)
    # "rose 5% from a year ago" compares with the period just named; "A year ago, ..." does not.
    if int(n) == 1 and u in ("year", "month", "week"):
        shifts = {"year": (-1, 0, 0), "month": (0, -1, 0), "week": (0, 0, -7)}[u]
        return _Anaphor("any", *shifts, window=0, fallback=value)
    return _mk(value)


_AFTER_CLAUSE_END = re.compile(r"\s*+(?:[,.;:)]|$)")


def _h_later(m: re.Match[str], env: _Env) -> _Item | None:
    direction = m["dir"].lower()
    end = m.end("x")
    if direction in ("before", "after") and not _AFTER_CLAUSE_END.match(env.text, end):
        return None
    if direction == "earlier" and env.next_word(end).lower() == "than":
        return None
    n = _num(m["n"])
    u = _unit(m["u"])
    if n is None or n != int(n) or u not in ("year", "month", "week", "day", "decade"):
        return _mk(None)
    k = int(n) * (-1 if direction in ("earlier", "before") else 1)
    if u in ("year", "decade"):
        k *= _UNIT_CODE[u][0]
        fallback = _year_value(env.anchor.year + k) if k < 0 else None
        return _Anaphor("any", years=k, fallback=fallback)
    if u == "month":
        return _Anaphor("any", months=k)
    return _Anaphor("any", days=k * (7 if u == "week" else 1))


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


def _h_year_ago_period(m: re.Match[str], env: _Env) -> _Item | None:
    target = _SAME_TARGET[(m["g"] or "period").lower()]
    base = _anchor_value(env.anchor, "year" if target in ("period", "any") else target)
    return _Anaphor(target, years=-1, fallback=_shift(base, years=-1))


_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|slowest|sharpest"
    r"|steepest|best|worst|most|least|record)\s+(?:\w+\s+)?(?:for|in|during|over)\s+$",
    re.IGNORECASE,
)


def _h_nth_day(m: re.Match[str], env: _Env) -> _Item | None:
    if not (m["on"] or m["of"]):
        return None
    return _Anaphor("day", window=0, fallback=env.anchor.isoformat())


def _h_unit_anaphor(m: re.Match[str], env: _Env) -> _Item | None:
    start = m.start("x")
    if _SUPERLATIVE_BEFORE.search(env.text, max(0, start - 40), start):
        return None  # "the highest for the month in five years": any year's month
    u = m["u"].lower()
    fallback = _anchor_value(env.anchor, "week") if u == "week" else None
    return _Anaphor(u, window=8, fallback=fallback)


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


def _h_day_anaphor(m: re.Match[str], env: _Env) -> _Item | None:
    w = (m["w"] or m["w2"]).lower()
    if m["w2"] and not _AFTER_CLAUSE_END.match(env.text, m.end("x")):
        return None
    step = {"following": 1, "next": 1, "after": 1, "same": 0}.get(w, -1)
    day = None if step == 1 else shift_days(env.anchor, step)
    return _Anaphor("day", days=step, fallback=day.isoformat() if day else None)


def _h_decade(m: re.Match[str], env: _Env) -> _Item | None:
    if m["dec"]:
        # "the 1800s" is usually the century; "the 2000s" the decade.
        dec = m["dec"]
        value = dec[:2] if dec.endswith("00") and int(dec) < 2000 else dec[:3]
    else:
        d2 = int(m["d2"])
        value = f"{19 if d2 >= 30 else 20}{d2 // 10}"
    return _mk(value, part=_part(m["mod"]))


_CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22}


def _h_century(m: re.Match[str], env: _Env) -> _Item | None:
    n = int(m["n"]) if m["n"] else _CENTURY_WORDS[m["w"].lower()]
    if not 1 <= n <= 22:
        return None
    return _mk(f"{n - 1:02d}", part=_part(m["mod"]))


def _season_bounds(y: int, code: str) -> tuple[date, date]:
    """First and last day of a season; winter 9999 ends with the calendar."""
    start = date(y, _SEASON_START[code], 1)
    after = within_calendar(lambda: _add_months(start, 3))
    return start, (after - timedelta(days=1)) if after else date.max


_SEASON_CUES = frozenset("in during by until since over through throughout".split())


_SEASON_HEADS = frozenset(
    "weather heat heatwave heatwaves temperatures temperature months holidays holiday travel "
    "peak demand rains rainfall monsoon drought storms storm harvest sowing crop crops".split()
)


def _h_season(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    s = m["s"].lower()
    code = _SEASONS[s]
    rel = " ".join((m["rel"] or "").lower().split())
    part = _part(m["mod"])
    nxt = env.next_word(end)
    if nxt[:1].isupper() or nxt.lower() in ("festival", "rolls", "roll", "water", "onion"):
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


def _h_set_every(m: re.Match[str], env: _Env) -> _Item | None:
    u = m["u"].lower()
    unit = _unit(u)
    if m["v"]:
        return _mk(None, kind="set")
    n = 2.0 if m["other"] else (_num(m["n"]) if m["n"] else 1.0)
    if n is None or (unit == "second" and not m["n"]):
        return None
    return _mk(_duration(n, unit), kind="set")


def _h_set_weekday(m: re.Match[str], env: _Env) -> _Item | None:
    name = (m["wd"] or m["wd2"]).lower().rstrip("s")
    return _mk(f"XXXX-WXX-{_WEEKDAY_NUM[name] + 1}", kind="set")


_RATE_BEFORE = re.compile(r"(?:\d|%|\b(?:percent|cent))\s*(?:and\s+)?$")
_MEASURE_NOUNS = frozenset(
    "wage wages pay earnings income salary salaries production output users user visitors "
    "sales drop gain gains rise fall loss losses decline increase change changes average volume "
    "volumes rate rates consumption exports imports capacity basis prices price inflation "
    "turnover traffic limit cap quota allowance rent fee fees charge charges record high low "
    "peak total demand supply flow flows intake budget revenue spending active returns return "
    "yield deficit surplus cases deaths infections ridership trading move moves swing".split()
)


def _h_set_adverb(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    word = m["x"]
    # "China Daily", "People's Daily", "Daily Mail": titles.
    if word[0].isupper() and (
        env.capitalised_name_before(start) or env.next_word(end)[:1].isupper()
    ):
        return None
    # "rose 26.6% annually", "hourly wages", "daily output", "on a monthly basis": a rate of
    # measure, not a recurring event ("a weekly briefing", "paid annually").
    if _RATE_BEFORE.search(env.text, max(0, start - 24), start):
        return None
    if any(w.lower() in _MEASURE_NOUNS for w in _WORDS.findall(env.text, end, end + 28)[:3]):
        return None
    return _mk(_SET_ADVERBS[word.lower()], kind="set")


def _h_set_freq(m: re.Match[str], env: _Env) -> _Item | None:
    return _mk(_duration(1, _unit(m["u"])), kind="set")


_RATE_CONTEXT = re.compile(
    r"(?:\d|%|\b(?:percent|cent|million|billion|trillion|thousand|hundred|times|once|twice))"
    r"[^,;.\n]{0,40}$",
    re.IGNORECASE,
)


def _h_vague(m: re.Match[str], env: _Env) -> _Item | None:
    x = m["x"].lower()
    start, end = m.span("x")
    if x == "soon" and (
        env.prev_word(start).lower() == "as" or env.next_word(end).lower() in ("as", "after")
    ):
        return None
    return _mk(None)


def _h_vague_duration(m: re.Match[str], env: _Env) -> _Item | None:
    return _mk(None, kind="duration")


_EARLIER_BLOCKERS = frozenset(
    "a an the his her its their our my your much even far still slightly".split()
)
_EARLIER_FOLLOW = re.compile(
    r"(?:\s*(?:[,.;:!?)\"”]|$)|\s+(?:on|in|this|that|today|tonight|when|as|before|after|and|but"
    r"|said|told|announced|reported|noted|added)\b)",
    re.IGNORECASE,
)


def _h_earlier(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    if env.prev_word(start).lower() in _EARLIER_BLOCKERS:
        return None
    if not _EARLIER_FOLLOW.match(env.text, end):
        return None
    return _mk(None)


# --------------------------------------------------------------------------- rules

_REL_YEAR = r"(?P<yrel>last|this|next)\s+year(?![\w-])"
_YR_CONN = r"(?:\s+(?:of|in)\s+|,?\s+(?=\d|last\s|this\s|next\s))"
_R_ISO = _rx(
    rf"(?<![\w\-/.])(?P<x>(?P<y>{_YEAR})(?P<s>[-/])(?P<m>[01]\d)(?P=s)(?P<d>[0-3]\d)"
    r"(?:T(?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?P<tz>Z|[+-]\d\d:?\d\d)?)?)"
    r"(?![\w\-/]|\.\d)"
)
_R_NUMERIC_DATE = _rx(
    rf"(?<![\w\-/.])(?P<x>(?P<a>[0-3]?\d)(?P<s>[/.\-])(?P<b>[0-3]?\d)(?P=s)(?P<y>{_YEAR}))"
    r"(?![\w\-/]|\.\d)"
)
_R_MD_RANGE = _rx(
    rf"(?<![\w.])(?P<x>(?:from\s+)?(?P<mon>{_MON})\s*(?P<d1>{_DAY}){_ORD_SUF}?\s*"
    rf"(?:-|–|—|to|through|until)\s*(?P<d2>{_DAY}){_ORD_SUF}?\b(?!\s*(?:%|percent)|[.,:]\d)"
    rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?)"
)
_R_DM_RANGE = _rx(
    rf"(?<![\w.,])(?P<x>(?:from\s+)?(?P<d1>{_DAY}){_ORD_SUF}?\s*(?:-|–|—|to)\s*"
    rf"(?P<d2>{_DAY}){_ORD_SUF}?(?:\s+of)?\s+(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR})(?!\d))?)"
)
_R_MDY = _rx(
    rf"(?<![\w.])(?P<x>(?:{_WEEKDAY},?\s+)?(?P<mon>{_MON})\s*(?P<d>{_DAY}){_ORD_SUF}?\b"
    r"(?!\s*(?:%|percent|per\s+cent)|[.,:]\d)"
    rf"(?:,?\s+(?P<y>{_YEAR})(?![\d\-–/]\d|\d)|,?\s+{_REL_YEAR})?)"
)
_R_DMY = _rx(
    rf"(?<![\w.,])(?P<x>(?:{_WEEKDAY},?\s+)?(?P<the>the\s+)?(?P<d>{_DAY})(?P<ord>{_ORD_SUF})?"
    rf"(?P<of>\s+of)?\s+(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR})(?![\d\-–/]\d|\d)"
    rf"|,?\s+{_REL_YEAR})?)"
)
_R_MONTH_RANGE = _rx(
    rf"(?<![\w.])(?P<x>(?:(?P<pre>from|between)\s+|the\s+(?=(?:{_MON})\s*[-–—]\s*(?:{_MON})"
    rf"[\s-]+(?:quarter|period)))?(?P<m1>{_MON})\s*"
    rf"(?P<conn>-|–|—|to|through|until|till|and)\s*(?P<m2>{_MON})(?!\s*\d{{1,2}}\b)"
    r"(?P<head>[\s-]+(?:quarter|period)(?![\w-]))?"
    rf"(?:,?\s+(?P<y>{_YEAR})(?!\d)|\s+of\s+(?:(?P<yrel>last|this|next)\s+year"
    rf"|the\s+(?P<yprev>previous|prior|preceding)\s+year|(?P<y2>{_YEAR})(?!\d)))?)"
)
# "July-September of FY2024-25": the fiscal year that places the months.
_FY_AFTER = _rx(
    r"\s++of\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|(?-i:FY)\s?)"
    r"(?P<a>\d{4}|\d\d)(?:[-–/](?P<b>\d{4}|\d\d))?(?![\w-])"
)
_R_MONTH_YEAR = _rx(
    rf"(?<![\w.])(?P<x>{_MOD}?(?P<mon>{_MON}),?\s+(?:of\s+)?"
    rf"(?:(?P<y>{_YEAR})(?![\d\-–/]\d|\d)|{_REL_YEAR}))"
)
_R_MONTH = _rx(
    rf"(?P<x>{_MOD}?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+coming|coming)\s+)?"
    rf"\b(?P<mon>{_MON_BARE}))(?!\s*\d)(?P<poss>['’]s\b)?"
)
_R_YEAR = _rx(
    rf"(?P<x>{_MOD}?(?<![\w,.])(?P<y>{_YEAR}))(?![\d\-–/]\d|\d|\s*(?:%|percent|per\s+cent)|[.,]\d)"
)
# The word before a bare month or year that makes it a date ("in August", "since 2020").
_MONTH_CUE = _rx(
    r"\b(in|on|since|by|until|till|through|throughout|during|from|to|of|for|before|after"
    r"|between|around|into|than|as\s+of|and|or|the|its|their)\s+$"
)
_YEAR_CUE = _rx(
    r"\b(in|since|by|until|till|through|throughout|of|for|during|the|from|before|after|around"
    r"|circa|between|as\s+of|and|or|year|calendar\s+year|a|an|its|their|his|her|our"
    r"|whose)\s+$"
)
_R_YEAR_RANGE = _rx(
    rf"(?<![\w\-/.,])(?P<x>(?:(?P<pre>from|between)\s+)?(?P<y1>{_YEAR})\s*"
    rf"(?P<conn>-|–|—|/|to|through|until|till|and)\s*(?P<y2>{_YEAR}|\d\d))(?![\w\-/]|[.,]\d)"
)
_R_FY_CODE = _rx(
    r"(?<![\w-])(?P<x>(?-i:FY)\s?(?P<a>['’]?(?:\d{4}|\d\d))"
    r"(?:\s*[-–/]\s*(?P<b>\d{4}|\d\d))?)(?![\w-])"
)
_R_FY_WORDS = _rx(
    rf"(?<![\w-])(?P<x>(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?(?P<a>{_YEAR}|['’]\d\d)"
    r"(?:\s*[-–/]\s*(?P<b>\d{4}|\d\d))?)(?![\w-])"
)
_R_FY_TRAILING = _rx(
    rf"(?<![\w-])(?P<x>(?:the\s+)?(?P<a>{_YEAR})(?:\s*[-–/]\s*(?P<b>\d{{4}}|\d\d))?\s+"
    r"(?:fiscal|financial)\s+year)(?![\w-])"
)
# "the current fiscal" (Indian usage) is a year only where no noun follows ("fiscal deficit").
_FY_TAIL = (
    r"(?:\s+year(?![\w-])|(?=\s*(?:[,.;:)”\"'(]|$)|\s+(?:to|and|or|in|on|from|at|as|with|by"
    r"|for|than|compared|when|while|which|but|is|was|will|ending|ended|that|so|amid|after"
    r"|before|because|despite|against|over|under)\b))"
)
_R_FY_REL = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+)?(?P<rel>current|this|last|previous|prior|preceding|next|coming"
    rf"|following|full)\s+(?:full\s+)?(?:fiscal|financial){_FY_TAIL})"
)
_R_FY_PERIOD = _rx(
    r"(?<![\w-])(?P<x>(?-i:FY)\s?(?P<fa>\d{4}|\d\d)(?:[-–/](?P<fb>\d{4}|\d\d))?\s+"
    r"(?P<p>(?-i:Q[1-4]|H[12])))(?![\w-])"
)
_R_QUARTER_CODE = _rx(
    rf"(?<![\w-])(?P<x>(?:(?P<y0>{_YEAR})\s+)?(?-i:Q)(?P<q>[1-4])"
    r"(?:\s*(?:-|–|to)\s*(?-i:Q)(?P<q2>[1-4]))?"
    rf"(?:(?:\s+|\s*/\s*|\s+of\s+)(?P<y>{_YEAR})(?!\d)|\s*['’](?P<yy>\d\d)"
    r"|\s+(?-i:FY)\s?(?P<fa>\d{4}|\d\d)(?:[-–/](?P<fb>\d{4}|\d\d))?)?)(?![\w-])"
)
_R_COMPACT_PERIOD = _rx(
    rf"(?<![\w-])(?P<x>(?P<n>[1-4])(?P<u>(?-i:Q|H))\s?(?P<y>{_YEAR}|\d\d))(?![\w-])"
)
_R_QUARTER_ORDINAL = _rx(
    rf"(?<![\w-])(?P<x>{_MOD}?(?:the\s+)?(?P<fiscal>fiscal\s+)?"
    r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter"
    rf"(?:{_YR_CONN}{_YEARREF})?)(?![\w-])(?!\s+of\s)"
)
# "the quarter ended Sept 30", "the 12 months to September", "the nine months ending June":
# the period is placed by its last month, whatever the ordinal says about a fiscal calendar.
_R_PERIOD_ENDING = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+)?(?:(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+)?"
    rf"(?:fiscal\s+)?(?:(?P<n>{_NUM})[\s-]+(?P<u>months?|quarters?)|(?P<w>quarter|half[\s-]year"
    r"|half|year))\s+(?P<rel>ended|ending|to|through)\s+(?:on\s+)?"
    rf"(?P<mon>{_MON})(?:\s*(?P<d>{_DAY})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y>{_YEAR})(?!\d))?)"
    r"(?![\w-])"
)
# "the September quarter" (Indian and Australian usage): the three months ending in September.
_R_MONTH_QUARTER = _rx(
    rf"(?<![\w-])(?P<x>(?:the\s+)?(?P<mon>{_MON})[\s-]+quarter"
    rf"(?:\s+(?:of|in)\s+(?:(?P<yr_y>{_YEAR})(?!\d)|(?P<yr_last>last\s+year)"
    r"|(?P<yr_this>this\s+year)))?)(?![\w-])"
)
_R_HALF_CODE = _rx(
    rf"(?<![\w-])(?P<x>(?:(?P<y0>{_YEAR})\s+)?(?-i:H)(?P<h>[12])"
    rf"(?:(?:\s+|\s*/\s*)(?P<y>{_YEAR})(?!\d)|\s*['’](?P<yy>\d\d)"
    r"|\s+(?-i:FY)\s?(?P<fa>\d{4}|\d\d))?)(?![\w-])"
)
_R_HALF_ORDINAL = _rx(
    rf"(?<![\w-])(?P<x>{_MOD}?(?:the\s+)?(?P<ord>first|second|latter|1st|2nd)[\s-]+half"
    rf"(?:[-\s]year)?(?:{_YR_CONN}{_YEARREF})?)(?![\w-])(?!\s+of\s)"
)
_R_FIRST_N = _rx(
    rf"(?<![\w-])(?P<x>(?:the\s+)?first\s+(?P<n>{_NUM})\s+(?P<u>months|quarters)"
    rf"(?:{_YR_CONN}{_YEARREF})?)(?![\w-])"
)
_R_MOD_YEAR = _rx(rf"(?<![\w-])(?P<x>{_MOD}{_YEARREF})")
_R_YEAR_END = _rx(r"(?<![\w-])(?P<x>(?:the\s+)?year[-\s]end)(?![\w-])")
_R_RELATIVE = _rx(
    r"(?<![\w-])(?P<x>(?:(?P<el>earlier|later)\s+)?(?P<rel>last|this|next|the\s+(?:current"
    r"|previous|prior|preceding|following|coming|same|latest|most\s+recent|last|past))\s+"
    r"(?P<u>year|month|week|weekend|quarter|decade|century))(?![\w-])"
)
_R_WEEKEND = _rx(
    r"(?P<cue>\b(?:over|at|during|on|through|throughout|for|across)\s+)?"
    r"(?P<x>(?:this\s+past|the)\s+weekend)(?![\w-])"
)
_R_DAY_WORD = _rx(
    r"(?<![\w-])(?P<x>(?:(?:earlier|later)\s+)?(?P<around>the\s+day\s+(?:before|after)\s+)?"
    r"(?P<w>today|tonight|yesterday|tomorrow)(?P<pod>\s+(?:morning|afternoon|evening|night))?)"
    r"(?![\w-])"
)
_R_PART_OF_DAY = _rx(
    r"(?<![\w-])(?P<x>(?P<w>last|this)\s+(?P<pod>morning|afternoon|evening|night))(?![\w-])"
)
_R_WEEKDAY = _rx(
    r"(?<![\w-])(?P<x>(?:(?-i:late|early)\s+(?=(?-i:[A-Z])))?(?:(?P<rel>last|next|this\s+past"
    r"|this\s+coming|this|the\s+coming|the\s+following|the\s+previous|coming|past)\s+)?"
    rf"(?P<wd>{_WEEKDAY})"
    r"(?P<pod>\s+(?:morning|afternoon|evening|night))?)(?![\w-])"
)
_R_DECADE = _rx(
    r"(?<![\w'’-])(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
    r"(?:(?P<dec>1[89]\d0|20\d0)['’]?s|['’](?P<d2>\d0)s))(?![\w-])"
)
_R_CENTURY = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<n>\d{1,2})"
    r"(?:st|nd|rd|th)|(?P<w>nineteenth|twentieth|twenty-first|twenty-second))\s+century)"
    r"(?![\w-])"
)
_R_SEASON = _rx(
    rf"(?<![\w-])(?P<x>{_MOD}?(?:(?P<rel>this\s+past|this|last|next|the\s+coming|the)\s+)?"
    rf"(?P<s>spring|summer|autumn|fall|winter)(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})(?!\d))?)"
    r"(?![\w-])"
)
_R_HOLIDAY = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+(?=[A-Z][\w\s'’]*\s(?-i:weekend)))?(?P<name>(?-i:Christmas"
    r"(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|Valentine['’]s\s+Day"
    r"|Boxing\s+Day|Labou?r\s+Day|Memorial\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?"
    r"|Good\s+Friday|Easter\s+Monday))(?P<we>\s+(?-i:weekend))?)(?![\w-])"
)
_R_AGO = _rx(rf"(?<![\w.,-])(?P<x>(?P<n>{_NUM}|{_VAGUE_NUM})\s+(?P<u>{_UNITS})\s+ago)(?![\w-])")
_R_LATER = _rx(
    rf"(?<![\w.,-])(?P<x>(?P<n>{_NUM}|{_VAGUE_NUM})\s+(?P<u>{_UNITS})\s+"
    r"(?P<dir>earlier|later|before|after))(?![\w-])"
)
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
_R_YEAR_AGO_PERIOD = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+year[-\s](?:ago|earlier)|(?:the|a)\s+year-(?:ago|earlier)"
    r"|(?:the|a)\s+(?:prior|previous)-year)"
    r"(?:\s+(?P<g>period|quarter|month|half|week|day|levels?|figures?))?)(?![\w-])"
)
# "during the quarter", "for the week", "in the six months": the period named before.
_ANAPHOR_STOP = (
    r"(?![\w-])(?!\s+(?:of|ended|ending|to\s+(?-i:[A-Z])|through|before|after|that|when|as"
    r"|in\s+which|under"
    r"|ahead|earlier|later|ago|since|until|starting|beginning|prior)\b)"
)
_R_UNIT_ANAPHOR = _rx(
    r"\b(?:in|during|for|over|through|throughout)\s+(?P<x>the\s+(?P<u>quarter|month|week)"
    rf"){_ANAPHOR_STOP}"
)
_R_COUNT_ANAPHOR = _rx(
    rf"\b(?:in|during|for|over|through|throughout)\s+(?P<x>the\s+(?P<n>{_NUM})\s+"
    rf"(?P<u>months|quarters)){_ANAPHOR_STOP}"
)
_R_DAY_ANAPHOR = _rx(
    r"(?<![\w-])(?P<x>the\s+(?P<w>previous|prior|preceding|following|next|same)\s+day"
    r"|the\s+day\s+(?P<w2>before|after))(?![\w-])(?!\s+(?:yesterday|tomorrow))"
)
_R_SET_EVERY = _rx(
    rf"(?<![\w-])(?P<x>(?:every|each)\s+(?:(?P<other>other)\s+|(?P<n>{_NUM})\s+"
    rf"|(?P<v>few|several|couple\s+of)\s+)?(?P<u>{_UNITS}))(?![\w-])"
)
_R_SET_WEEKDAY = _rx(
    rf"(?<![\w-])(?P<x>(?:every|each)\s+(?P<wd>{_WEEKDAY})"
    r"|(?P<wd2>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)))(?![\w-])"
)
_R_SET_ADVERB = _rx(
    r"(?<!\w)(?P<x>semi-annually|annually|yearly|biannually|semiannually|biennially|quarterly"
    r"|monthly|fortnightly|weekly|daily|nightly|hourly)(?![\w-])"
)
_R_SET_FREQ = _rx(
    rf"(?<![\w-])(?P<x>(?:once|twice|thrice|{_NUM}\s+times)\s+(?:an?|per|every|each)\s+"
    rf"(?P<u>{_UNIT1}))(?![\w-])"
)
_R_DURATION_REL = _rx(
    r"(?<![\w-])(?P<x>(?P<the>the\s+)?(?P<rel>past|last|next|coming|first|final|latest|recent"
    rf"|previous|following)\s+(?:(?P<n>{_NUM}|{_VAGUE_NUM}|few|couple\s+of)\s+)?(?P<u>{_UNITS}))"
    r"(?![\w-])"
)
_R_DURATION = _rx(
    rf"(?<![\w.,$€£-])(?P<x>(?P<n>{_NUM}|{_VAGUE_NUM}|another)(?P<half>\s+and\s+a\s+half)?\s+"
    rf"(?P<u>{_UNITS})(?:(?P<half2>\s+and\s+a\s+half)|,?\s+and\s+(?P<n2>{_NUM})\s+"
    rf"(?P<u2>{_UNITS}))?)(?![\w-])(?!\s+old\b)"
)
_R_DURATION_ADJ = _rx(
    rf"(?<![\w.,-])(?P<x>(?P<n>\d+(?:\.\d+)?|{_NUM_WORD})-(?P<u>{_UNIT1})(?:-long)?)"
    r"(?!\w|-\w)"
)
_R_DURATION_LONG = _rx(
    r"(?<![\w-])(?P<x>(?P<u>decades?|years?|months?|weeks?|days?)-long)(?![\w-])"
)
_R_CLOCK_AMPM = _rx(
    rf"(?<![\w:.,])(?P<x>(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])(?:\.\s?m\b\.?|m\b){_TZ})"
)
_R_CLOCK_24 = _rx(
    rf"(?<![\w:.,])(?P<x>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?"
    rf"(?P<hrs>\s*(?:hrs|hours|h)\b)?{_TZ})(?![\w:]|\.\d)"
)
# Wire-service military time, "at 0730 GMT": only with a zone or "hrs" after it.
_R_CLOCK_MILITARY = _rx(
    rf"(?<![\w:.,])(?P<x>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<hrs>\s*(?:hrs|hours)\b)?{_TZ})"
    r"(?![\w:]|\.\d)"
)
_R_NOON = _rx(r"(?<![\w-])(?P<x>(?:12\s+)?(?P<w>noon|midday|midnight))(?![\w-])")
_R_OCLOCK = _rx(
    r"(?<![\w-])(?P<x>(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve)\s+o['’]clock)(?![\w-])"
)
_R_VAGUE = _rx(
    r"(?<![\w-])(?P<x>recently|lately|nowadays|these\s+days|at\s+present|currently|soon|shortly"
    r"|in\s+the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|in\s+the\s+past"
    r"|in\s+(?:the\s+)?(?:coming|next\s+few|past\s+few|last\s+few|recent)\s+"
    r"(?:days|weeks|months|years|decades)|in\s+recent\s+times"
    r"|over\s+the\s+(?:years|decades|past\s+(?:few|several)\s+(?:years|months|decades))"
    r"|the\s+(?:festive|holiday)\s+season"
    r"|(?:its|the|their|a)\s+first\s+full\s+(?:year|quarter|month|season)"
    r"(?:\s+(?:of|after|since)\s+(?:the\s+)?[a-z]+)?)(?![\w-])"
)
# "on the first day", "the second day of the Dubai Airshow": the day in context.
_R_NTH_DAY = _rx(
    r"(?<![\w-])(?P<on>on\s+)?(?P<x>the\s+(?:first|second|third|fourth|fifth|sixth|seventh|final"
    r"|last|opening|closing)\s+day(?P<of>\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)"
    r"(?:\s+(?:(?:of|and|for|the)\s+)*(?-i:[A-Z][\w'’-]*))*)?)(?![\w-])"
)
_R_VAGUE_DURATION = _rx(
    r"(?<![\w-])(?P<x>(?:for|in)\s+(?:many\s+|several\s+)?"
    r"(?:decades|years|months|weeks|days|hours|centuries))"
    r"(?![\w-])(?!\s+(?:ago|earlier|later|old)\b)"
)
_R_EARLIER = _rx(r"(?<![\w-])(?P<x>earlier)(?![\w-])")

# Anchor words: every match of a rule contains one of its anchors ("#" stands for any number),
# so a rule only runs in small windows around them rather than over the whole text.
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WEEKDAY_WORDS = frozenset(_WEEKDAY_NUM)
_UNIT_WORDS = frozenset(
    "year years month months week weeks day days decade decades century centuries hour hours "
    "minute minutes second seconds fortnight fortnights".split()
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern, the anchor words all its matches contain, and how far a match reaches."""

    rx: re.Pattern[str]
    anchors: frozenset[str]
    handler: _Handler
    back: int = 48  # characters a match may start before its anchor
    ahead: int = 64  # characters a match may end after its anchor


_YEAR_NUM = frozenset({"#y"})  # a 4-digit number from 1900 to 2100
_SHORT_NUM = frozenset({"#s"})  # a 1- or 2-digit number
_ANY_NUM = frozenset({"#y", "#s", "#"})
_V = _words(
    "recently lately nowadays days weeks months present currently soon shortly future past "
    "coming recent times years decades festive holiday full"
)

# Order matters only between candidates of equal length: the earlier rule wins.
_RULES: tuple[_Rule, ...] = (
    _Rule(_R_ISO, _YEAR_NUM, _h_iso, 0, 40),
    _Rule(_R_NUMERIC_DATE, _SHORT_NUM, _h_numeric_date, 0, 16),
    _Rule(_R_MD_RANGE, _MONTH_WORDS, _h_day_range, 8, 32),
    _Rule(_R_DM_RANGE, _MONTH_WORDS, _h_day_range, 24, 12),
    _Rule(_R_MDY, _MONTH_WORDS, _h_month_day, 16, 28),
    _Rule(_R_DMY, _MONTH_WORDS, _h_month_day, 32, 20),
    _Rule(_R_MONTH_RANGE, _MONTH_WORDS, _h_month_range, 24, 32),
    _Rule(_R_MONTH_YEAR, _MONTH_WORDS, _h_month_year, 24, 20),
    _Rule(_R_FY_PERIOD, _words("fy"), _h_fy_quarter, 0, 24),
    _Rule(_R_FY_CODE, _words("fy"), _h_fy, 0, 24),
    _Rule(_R_FY_WORDS, _words("fiscal financial"), _h_fy, 8, 32),
    _Rule(_R_FY_TRAILING, _words("fiscal financial"), _h_fy, 24, 12),
    _Rule(_R_FY_REL, _words("fiscal financial"), _h_fy_rel, 24, 40),
    _Rule(_R_QUARTER_CODE, _words("q"), _h_quarter_code, 8, 32),
    _Rule(_R_COMPACT_PERIOD, _words("q h"), _h_compact_period, 4, 8),
    _Rule(_R_QUARTER_ORDINAL, _words("quarter"), _h_quarter_ordinal, 48, 40),
    _Rule(
        _R_PERIOD_ENDING,
        _words("month months quarter quarters half year"),
        _h_period_ending,
        32,
        48,
    ),
    _Rule(_R_MONTH_QUARTER, _words("quarter"), _h_month_quarter, 24, 24),
    _Rule(_R_HALF_CODE, _words("h"), _h_half_code, 8, 24),
    _Rule(_R_HALF_ORDINAL, _words("half"), _h_half_ordinal, 48, 40),
    _Rule(_R_FIRST_N, _words("first"), _h_first_n, 8, 64),
    _Rule(
        _R_SAME_PERIOD, _words("same corresponding comparable equivalent"), _h_same_period, 8, 56
    ),
    _Rule(_R_YEAR_AGO_PERIOD, _words("year"), _h_year_ago_period, 8, 24),
    _Rule(_R_DAY_ANAPHOR, _words("day"), _h_day_anaphor, 24, 12),
    _Rule(_R_NTH_DAY, _words("day"), _h_nth_day, 40, 64),
    _Rule(_R_UNIT_ANAPHOR, _words("quarter month week"), _h_unit_anaphor, 24, 32),
    _Rule(_R_COUNT_ANAPHOR, _words("months quarters"), _h_count_anaphor, 40, 32),
    _Rule(_R_RELATIVE, _words("year month week weekend quarter decade century"), _h_relative),
    _Rule(_R_MOD_YEAR, _words("early mid late end beginning start middle close"), _h_mod_year),
    _Rule(_R_YEAR_END, _words("end"), _h_year_end, 12, 4),
    _Rule(_R_WEEKEND, _words("weekend"), _h_weekend, 32, 4),
    _Rule(_R_DAY_WORD, _words("today tonight yesterday tomorrow"), _h_day_word, 32, 16),
    _Rule(_R_PART_OF_DAY, _words("morning afternoon evening night"), _h_part_of_day, 8, 4),
    _Rule(_R_WEEKDAY, _WEEKDAY_WORDS, _h_weekday, 24, 16),
    _Rule(_R_YEAR_RANGE, _YEAR_NUM, _h_year_range, 12, 16),
    _Rule(_R_YEAR, _YEAR_NUM, _h_year, 20, 8),
    _Rule(_R_MONTH, _MONTH_WORDS, _h_month, 32, 8),
    _Rule(_R_DECADE, _ANY_NUM, _h_decade, 20, 6),
    _Rule(_R_CENTURY, _words("century"), _h_century, 40, 4),
    _Rule(_R_SEASON, _words("spring summer autumn fall winter"), _h_season, 40, 16),
    _Rule(
        _R_HOLIDAY,
        _words("christmas new halloween valentine boxing labor labour memorial thanksgiving")
        | _words("easter good"),
        _h_holiday,
        8,
        32,
    ),
    _Rule(_R_AGO, _words("ago"), _h_ago, 48, 4),
    _Rule(_R_LATER, _words("earlier later before after"), _h_later, 48, 4),
    _Rule(_R_SET_FREQ, _words("once twice thrice times"), _h_set_freq, 32, 16),
    _Rule(_R_SET_EVERY, _words("every each"), _h_set_every, 4, 40),
    _Rule(_R_SET_WEEKDAY, _WEEKDAY_WORDS | {w + "s" for w in _WEEKDAY_WORDS}, _h_set_weekday, 8, 4),
    _Rule(_R_SET_ADVERB, frozenset(_SET_ADVERBS) | {"semi"}, _h_set_adverb, 8, 16),
    _Rule(_R_DURATION_REL, _UNIT_WORDS, _h_duration_rel, 48, 4),
    _Rule(_R_DURATION_ADJ, _UNIT_WORDS, _h_duration_adj, 24, 8),
    _Rule(_R_DURATION_LONG, _words("long"), _h_duration_long, 16, 4),
    _Rule(_R_DURATION, _UNIT_WORDS, _h_duration, 32, 20),
    _Rule(_R_CLOCK_AMPM, _SHORT_NUM, _h_clock_ampm, 0, 40),
    _Rule(_R_CLOCK_24, _SHORT_NUM, _h_clock_24, 0, 40),
    _Rule(_R_CLOCK_MILITARY, frozenset({"#", "#y"}), _h_clock_military, 0, 40),
    _Rule(_R_NOON, _words("noon midday midnight"), _h_noon, 4, 4),
    _Rule(_R_OCLOCK, _words("clock"), _h_oclock, 12, 4),
    _Rule(_R_VAGUE, _V, _h_vague, 40, 40),
    _Rule(_R_VAGUE_DURATION, _UNIT_WORDS, _h_vague_duration, 24, 4),
    _Rule(_R_EARLIER, _words("earlier"), _h_earlier, 0, 8),
)
_TOKEN = re.compile(r"[A-Za-z]+|\d+")


def _anchor_index() -> dict[str, tuple[int, ...]]:
    """Anchor word -> indexes of the rules it anchors."""
    index: dict[str, tuple[int, ...]] = {}
    for i, rule in enumerate(_RULES):
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


# --------------------------------------------------------------------------- resolution


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
    if r.re_ < a and env.future(s, e):
        return build(a.year + 1)
    return r


_PERIOD_GRANS = frozenset(
    {"month", "quarter", "half", "year", "range", "season", "week", "weekend"}
)


@dataclass(frozen=True, slots=True)
class _Ante:
    """An expression an anaphor may refer back to."""

    sent: int
    value: str
    base: bool  # a comparison base ("from June", "since 2020"), not the period reported on


def _is_period(value: str) -> bool:
    """A month or longer: what "a year earlier" or "the same period" usually refers to."""
    g = _gran(value)
    if g == "range":
        a, _, b = value.partition("/")
        return _gran(a) not in ("day", "time") and _gran(b) not in ("day", "time")
    return g in _PERIOD_GRANS


def _candidates(item: _Anaphor, antecedents: list[_Ante], si: int) -> list[_Ante]:
    """Antecedents in order of preference: the period reported on in the anaphor's sentence
    (the latest), else in the sentences before (nearest sentence first, and in each its first
    period: the lead period of "X rose in October, reversing a fall in September"); then any
    other expression; comparison bases last."""
    near = [a for a in antecedents if 0 <= si - a.sent <= item.window]
    current = [a for a in reversed(near) if a.sent == si]
    before = sorted((a for a in near if a.sent < si), key=lambda a: -a.sent)
    ordered = current + before
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


def _resolve_anaphor(item: _Anaphor, antecedents: list[_Ante], si: int) -> _Res:
    implied = _implied_by_base(item, antecedents, si)
    cands = _candidates(item, antecedents, si)
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
            return _mk(shifted, kind="time" if _gran(shifted) == "time" else "date")
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
            res = _resolve_anaphor(item, antecedents, si)
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
                antecedents.append(_Ante(si, v, env.is_base(s)))
            if g in ("day", "time"):
                last_day = v[:10]
        outs.append(_Out(s, e, res.kind, v, res.rs, res.re_, tod, yearless))
    return outs


_GAP_TIME_DATE = _rx(r"\s*+(?:,\s*+)?(?:(?:at|on)\s++)?")
_GAP_RANGE = _rx(r"\s*+(-|–|—|to|until|till|through|thru|and)\s*+")
_OPENER = _rx(r"\b(from|between)\s+$")


def _is_day(o: _Out) -> bool:
    return o.kind == "date" and o.value is not None and _V_DAY.match(o.value) is not None


def _date_clocks(text: str, outs: list[_Out]) -> list[_Out]:
    """Give a bare clock time the date of an adjacent day: "Saturday at 9 a.m.", "9 a.m. on
    Saturday". Both stay separate expressions, as TIMEX3 annotation keeps them."""
    for a, b in itertools.pairwise(outs):
        if not _GAP_TIME_DATE.fullmatch(text, a.end, b.start):
            continue
        day, clock = (b, a) if a.tod and _is_day(b) else (a, b)
        if clock.tod and _is_day(day) and day.value:
            clock.value = day.value + clock.tod
            clock.rs, clock.re_ = day.rs, day.re_
    return outs


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
        rule = _RULES[prio]
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
