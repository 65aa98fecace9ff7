"""Days, months and years: ISO and numeric dates, month-day, day and month ranges, bare
months and years.
"""

from __future__ import annotations

import re
from datetime import date

from transforms import lexicon
from transforms.timex.calendar import _part, _safe_date
from transforms.timex.context import _Env
from transforms.timex.fiscal import _Fiscal, _fy_first_year, _fy_label, _fy_labelled, _months_value
from transforms.timex.pieces import _DAY, _MOD, _MON, _MON_BARE, _ORD_SUF, _WEEKDAY, _YEAR, _rx
from transforms.timex.records import _Item, _mk, _Res, _YearLess
from transforms.timex.rules.base import _MONTH_WORDS, _REL_YEAR, _SHORT_NUM, _YEAR_NUM, _Rule
from transforms.timex.rules.fiscal import _NOT_FISCAL_YEARS
from transforms.timex.rules.relative import _UNTIL_CUES
from transforms.timex.words import _COUNT_NOUNS, _MONTH_NUM, _QUANTITY_HEADS

# "July-September of FY2024-25": the fiscal year that places the months.
_FY_AFTER = _rx(
    r"\s++of\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|(?-i:FY)\s?)"
    r"(?P<a>\d{4}|\d\d)(?:[-–/](?P<b>\d{4}|\d\d))?(?![\w-])"
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


_R_ISO = _rx(
    rf"(?<![\w\-/.])(?P<x>(?P<y>{_YEAR})(?P<s>[-/])(?P<m>[01]\d)(?P=s)(?P<d>[0-3]\d)"
    r"(?:T(?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?P<tz>Z|[+-]\d\d:?\d\d)?)?)"
    r"(?![\w\-/]|\.\d)"
)


def _h_iso(m: re.Match[str], env: _Env) -> _Item | None:
    y = int(m["y"])
    v = _day_value(y, int(m["m"]), int(m["d"]))
    if v is None:
        return None
    if m["H"]:
        d = date.fromisoformat(v)
        return _Res("time", f"{v}T{m['H']}:{m['M']}", d, d, y)
    return _mk(v, explicit_year=y)


ISO = _Rule(_R_ISO, _YEAR_NUM, _h_iso, 0, 40)


_R_NUMERIC_DATE = _rx(
    rf"(?<![\w\-/.])(?P<x>(?P<a>[0-3]?\d)(?P<s>[/.\-])(?P<b>[0-3]?\d)(?P=s)(?P<y>{_YEAR}))"
    r"(?![\w\-/]|\.\d)"
)


def _h_numeric_date(m: re.Match[str], env: _Env) -> _Item | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    # Day first, as in most of the world's press; month first only when day first is impossible.
    v = _day_value(y, b, a) or _day_value(y, a, b)
    return _mk(v, explicit_year=y) if v else None


NUMERIC_DATE = _Rule(_R_NUMERIC_DATE, _SHORT_NUM, _h_numeric_date, 0, 16)


_REL_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _stated_year(m: re.Match[str], anchor: date) -> int | None:
    """The year written with a month: "2025", or "last year" in "September last year"."""
    if m["y"]:
        return int(m["y"])
    if m["yrel"]:
        return anchor.year + _REL_YEAR_STEP[m["yrel"].lower()]
    return None


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


MDY = _Rule(_R_MDY, _MONTH_WORDS, _h_month_day, 16, 28)

DMY = _Rule(_R_DMY, _MONTH_WORDS, _h_month_day, 32, 20)


_R_MD_RANGE = _rx(
    rf"(?<![\w.])(?P<x>(?:from\s+)?(?P<mon>{_MON})\s*(?P<d1>{_DAY}){_ORD_SUF}?\s*"
    rf"(?:-|–|—|to|through|until)\s*(?P<d2>{_DAY}){_ORD_SUF}?\b(?!\s*(?:%|percent)|[.,:]\d)"
    rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?)"
)

_R_DM_RANGE = _rx(
    rf"(?<![\w.,])(?P<x>(?:from\s+)?(?P<d1>{_DAY}){_ORD_SUF}?\s*(?:-|–|—|to)\s*"
    rf"(?P<d2>{_DAY}){_ORD_SUF}?(?:\s+of)?\s+(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR})(?!\d))?)"
)


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


MD_RANGE = _Rule(_R_MD_RANGE, _MONTH_WORDS, _h_day_range, 8, 32)

DM_RANGE = _Rule(_R_DM_RANGE, _MONTH_WORDS, _h_day_range, 24, 12)


_R_MONTH_RANGE = _rx(
    rf"(?<![\w.])(?P<x>(?:(?P<pre>from|between)\s+|the\s+(?=(?:{_MON})\s*[-–—]\s*(?:{_MON})"
    rf"[\s-]+(?:quarter|period)))?(?P<m1>{_MON})\s*"
    rf"(?P<conn>-|–|—|to|through|until|till|and)\s*(?P<m2>{_MON})(?!\s*\d{{1,2}}\b)"
    r"(?P<head>[\s-]+(?:quarter|period)(?![\w-]))?"
    rf"(?:,?\s+(?P<y>{_YEAR})(?!\d)|\s+of\s+(?:(?P<yrel>last|this|next)\s+year"
    rf"|the\s+(?P<yprev>previous|prior|preceding)\s+year|(?P<y2>{_YEAR})(?!\d)))?)"
)


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


MONTH_RANGE = _Rule(_R_MONTH_RANGE, _MONTH_WORDS, _h_month_range, 24, 32)


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


_R_MONTH_YEAR = _rx(
    rf"(?<![\w.])(?P<x>{_MOD}?(?P<mon>{_MON}),?\s+(?:of\s+)?"
    rf"(?:(?P<y>{_YEAR})(?![\d\-–/]\d|\d)|{_REL_YEAR}))"
)


def _h_month_year(m: re.Match[str], env: _Env) -> _Item | None:
    y = _stated_year(m, env.anchor)
    if y is None:
        return None
    return _mk(f"{y:04d}-{_month_of(m['mon']):02d}", part=_part(m["mod"]), explicit_year=y)


MONTH_YEAR = _Rule(_R_MONTH_YEAR, _MONTH_WORDS, _h_month_year, 24, 20)


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


_SPEECH_VERBS = frozenset(lexicon.reporting("timex:date_after"))


_R_MONTH = _rx(
    rf"(?P<x>{_MOD}?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+coming|coming)\s+)?"
    rf"\b(?P<mon>{_MON_BARE}))(?!\s*\d)(?P<poss>['’]s\b)?"
)


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


MONTH = _Rule(_R_MONTH, _MONTH_WORDS, _h_month, 32, 8)


_DETERMINERS = frozenset("a an its their his her our whose".split())


_NOT_YEAR_HEADS = frozenset("percent per cent times more less".split())


_R_YEAR = _rx(
    rf"(?P<x>{_MOD}?(?<![\w,.])(?P<y>{_YEAR}))(?![\d\-–/]\d|\d|\s*(?:%|percent|per\s+cent)|[.,]\d)"
)


def _h_year(m: re.Match[str], env: _Env) -> _Item | None:
    cue, cue_at = _cue(_YEAR_CUE, env, m.start("x"))
    part = _part(m["mod"])
    end = m.end("x")
    if cue in ("and", "or") and not _YEAR_BEFORE.search(env.text, 0, cue_at):
        return None
    if not (cue or part):
        cue = _uncued_year(env, m.start("x"))
        if not cue:
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


YEAR = _Rule(_R_YEAR, _YEAR_NUM, _h_year, 20, 8)


_POSSESSIVE = re.compile(r"\w['’]s?$")


def _uncued_year(env: _Env, start: int) -> str:
    """What stands for a cue before a year that has none: a possessive ("the company's 1989
    results") counts as a determiner, a lower-case word ("continue into 1990", "bonds due
    1993", "predicting 1990 earnings") as a plain cue; a capitalised one ("Vision 2030") or
    none at all leaves the number alone."""
    prev = env.prev_word(start)
    if _POSSESSIVE.search(prev):
        return "its"
    if prev.lower() in _DEMONSTRATIVES or (prev.isalpha() and prev.islower()):
        return prev.lower()
    return ""


_DEMONSTRATIVES = frozenset("that this these those both".split())


_R_YEAR_RANGE = _rx(
    rf"(?<![\w\-/.,])(?P<x>(?:(?P<pre>from|between)\s+)?(?P<y1>{_YEAR})\s*"
    rf"(?P<conn>-|–|—|/|to|through|until|till|and)\s*(?P<y2>{_YEAR}|\d\d))(?![\w\-/]|[.,]\d)"
)


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


YEAR_RANGE = _Rule(_R_YEAR_RANGE, _YEAR_NUM, _h_year_range, 12, 16)
