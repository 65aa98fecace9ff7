"""Durations: three years, the past six months, a two-week, decades-long."""

from __future__ import annotations

import re

from transforms.timex.context import _Env
from transforms.timex.numbers import _duration, _num, _unit, _vague_duration
from transforms.timex.pieces import _NUM, _NUM_WORD, _UNIT1, _UNITS, _VAGUE_NUM, _rx
from transforms.timex.records import _Item, _mk
from transforms.timex.rules.base import _UNIT_WORDS, _Rule, _words
from transforms.timex.rules.vague import _RATE_CONTEXT
from transforms.timex.words import _UNIT_CODE

_DUR_REL_NO_COUNT = frozenset("previous following first final".split())


_R_DURATION_REL = _rx(
    r"(?<![\w-])(?P<x>(?P<the>the\s+)?(?P<rel>past|last|next|coming|first|final|latest|recent"
    rf"|previous|following)\s+(?:(?P<n>{_NUM}|{_VAGUE_NUM}|few|couple\s+of)\s+)?"
    rf"(?P<u>{_UNITS}|(?<=\s)quarters))(?![\w-])"
)


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
            return _mk(_vague_duration(u), kind="duration")
        return _mk(_duration(1, u), kind="duration")
    n = _num(m["n"])
    if n is None and m["n"].lower().startswith("couple"):
        n = 2
    return _mk(_duration(n, u) if n is not None else _vague_duration(u), kind="duration")


# "quarters" only here: "the past two quarters" (P2Q); "three quarters" alone is a fraction.
DURATION_REL = _Rule(_R_DURATION_REL, _UNIT_WORDS | {"quarters"}, _h_duration_rel, 48, 4)


_R_DURATION = _rx(
    rf"(?<![\w.,$€£-])(?P<x>(?P<n>{_NUM}|{_VAGUE_NUM}|another|an\s+additional)"
    r"(?P<half>\s+and\s+a\s+half)?\s+(?:(?:more|additional|trading|business|working)\s+)?"
    rf"(?P<u>{_UNITS})(?:(?P<half2>\s+and\s+a\s+half)|,?\s+and\s+(?P<n2>{_NUM})\s+"
    rf"(?P<u2>{_UNITS}))?)(?![\w-])(?!\s+old\b)"
)


def _h_duration(m: re.Match[str], env: _Env) -> _Item | None:
    nword = m["n"].lower()
    u = _unit(m["u"])
    if nword in ("a", "an") and (u == "second" or m["u"].lower().endswith("s")):
        return None
    if nword in ("a", "an") and _RATE_CONTEXT.search(
        env.text, max(0, m.start("x") - 40), m.start("x")
    ):
        return None  # "$310 billion a year", "5 million tonnes a year": a rate
    if nword.startswith("an") and nword.endswith("additional"):
        nword = "another"
    if nword == "another":
        if m["u"].lower().endswith("s"):
            return None
        nword = "one"
    n = _num(nword)
    if n is None and "couple" in nword:
        n = 2
    if n is None:
        return _mk(_vague_duration(u), kind="duration")
    if m["half"] or m["half2"]:
        n += 0.5
    if m["n2"]:
        n2 = _num(m["n2"])
        u2 = _unit(m["u2"])
        if n2 is None or _UNIT_ORDER.index(u2) <= _UNIT_ORDER.index(u):
            return None
        return _mk(_compound_duration(((n, u), (n2, u2))), kind="duration")
    return _mk(_duration(n, u), kind="duration")


DURATION = _Rule(_R_DURATION, _UNIT_WORDS, _h_duration, 32, 20)


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


_R_DURATION_ADJ = _rx(
    rf"(?<![\w.,-])(?P<x>(?P<n>\d+(?:\.\d+)?|{_NUM_WORD})-(?P<u>{_UNIT1})(?:-long)?)"
    r"(?!\w|-\w)"
)


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


DURATION_ADJ = _Rule(_R_DURATION_ADJ, _UNIT_WORDS, _h_duration_adj, 24, 8)


_R_DURATION_LONG = _rx(
    r"(?<![\w-])(?P<x>(?P<u>decades?|years?|months?|weeks?|days?)-long)(?![\w-])"
)


def _h_duration_long(m: re.Match[str], env: _Env) -> _Item | None:
    u = m["u"].lower()
    if u.endswith("s"):
        return _mk(None, kind="duration")
    return _mk(_duration(1, _unit(u)), kind="duration")


DURATION_LONG = _Rule(_R_DURATION_LONG, _words("long"), _h_duration_long, 16, 4)
