"""Fiscal years: FY codes, "fiscal 2025", "the current fiscal year", FY quarters and halves."""

from __future__ import annotations

import re

from transforms.timex.context import _Env
from transforms.timex.fiscal import _fy_containing, _fy_labelled, _fy_res
from transforms.timex.pieces import _YEAR, _rx
from transforms.timex.records import _Item, _mk
from transforms.timex.rules.base import _Rule, _words

# "the current fiscal" (Indian usage) is a year only where no noun follows ("fiscal deficit").
_FY_TAIL = (
    r"(?:\s+year(?![\w-])|(?=\s*(?:[,.;:)”\"'(]|$)|\s+(?:to|and|or|in|on|from|at|as|with|by"
    r"|for|than|compared|when|while|which|but|is|was|will|ending|ended|that|so|amid|after"
    r"|before|because|despite|against|over|under)\b))"
)


_NOT_FISCAL_YEARS = frozenset(
    "season seasons school academic session crop marketing harvest winter summer term".split()
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


def _h_fy(m: re.Match[str], env: _Env) -> _Item | None:
    return _fy_labelled(env, m.start("x"), m["a"].lstrip("'’"), m["b"])


FY_CODE = _Rule(_R_FY_CODE, _words("fy"), _h_fy, 0, 24)

FY_WORDS = _Rule(_R_FY_WORDS, _words("fiscal financial"), _h_fy, 8, 32)

FY_TRAILING = _Rule(_R_FY_TRAILING, _words("fiscal financial"), _h_fy, 24, 12)


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


_R_FY_REL = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+)?(?P<rel>current|this|last|previous|prior|preceding|next|coming"
    rf"|following|full)\s+(?:full\s+)?(?:fiscal|financial){_FY_TAIL})"
)


def _h_fy_rel(m: re.Match[str], env: _Env) -> _Item | None:
    """ "the current fiscal (year)", "the previous fiscal", "next fiscal year"."""
    cal = env.fiscal_at(m.start("x"))
    if cal is None:
        return _mk(None)
    return _fy_res(cal, _fy_containing(cal, env.anchor) + _FY_STEP[m["rel"].lower()])


FY_REL = _Rule(_R_FY_REL, _words("fiscal financial"), _h_fy_rel, 24, 40)


_R_FY_PERIOD = _rx(
    r"(?<![\w-])(?P<x>(?-i:FY)\s?(?P<fa>\d{4}|\d\d)(?:[-–/](?P<fb>\d{4}|\d\d))?\s+"
    r"(?P<p>(?-i:Q[1-4]|H[12])))(?![\w-])"
)


def _h_fy_quarter(m: re.Match[str], env: _Env) -> _Item | None:
    p = m["p"].upper()
    n = int(p[1])
    part = (3 * n - 3, 3) if p[0] == "Q" else (6 * n - 6, 6)
    return _fy_labelled(env, m.start("x"), m["fa"], m["fb"], part, f"-{p}")


FY_PERIOD = _Rule(_R_FY_PERIOD, _words("fy"), _h_fy_quarter, 0, 24)
