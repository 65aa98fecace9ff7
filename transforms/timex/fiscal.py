"""Fiscal calendars: which country's fiscal year begins when, and fiscal years and parts as
values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from transforms import lexicon
from transforms.timex.calendar import _add_months, _month_end
from transforms.timex.records import _mk, _Res

if TYPE_CHECKING:
    from transforms.timex.context import _Env


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


# Which country's fiscal year begins when, and the words that name the country:
# transforms/lexicon/fiscal_years.toml.
def _cues(names: str, acronyms: str = "") -> re.Pattern[str]:
    alts = rf"(?i:{names})" + (f"|{acronyms}" if acronyms else "")
    return re.compile(rf"\b(?:{alts})\b")


_FISCAL_CUES: tuple[tuple[re.Pattern[str], _Fiscal], ...] = tuple(
    (
        _cues(
            "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in cal["names"]),
            "|".join(cal["acronyms"]),
        ),
        _Fiscal(cal["start"], cal.get("by_start", False)),
    )
    for cal in lexicon.load("fiscal_years")["calendars"]
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


def _months_label(rs: date, re_: date) -> str | None:
    """The calendar value of whole months from ``rs`` to ``re_`` (``2025-01/2025-09``,
    ``2025-Q3``), or None where the days are not whole months."""
    if rs.day != 1 or re_ != _month_end(re_.year, re_.month):
        return None
    n = (re_.year - rs.year) * 12 + re_.month - rs.month + 1
    return _months_value(rs.year, rs.month, n) if n >= 1 else None


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
    if cal is None and not suffix and _FY_YEAR.fullmatch(label):
        # "fiscal 1989" where the calendar is unknown: TIMEX3 has no fiscal values, and TimeML
        # writes the year (1989); without its days it gets no range.
        return _Res("date", label[2:])
    if cal is None or (b is not None and cal.start == 1):
        return _mk(label + suffix)
    return _fy_res(cal, _fy_first_year(cal, a, b), part)


_FY_YEAR = re.compile(r"FY\d{4}")
