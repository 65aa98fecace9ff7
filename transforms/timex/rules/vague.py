"""Vague references: recently, in the coming weeks, over the years, for decades, earlier."""

from __future__ import annotations

import re

from transforms.timex.context import _Env
from transforms.timex.pieces import _rx
from transforms.timex.records import _Item, _mk
from transforms.timex.rules.base import _UNIT_WORDS, _Rule, _words

_V = _words(
    "recently lately nowadays days weeks months present currently soon shortly future past "
    "coming recent times years decades festive holiday full now"
)


_RATE_CONTEXT = re.compile(
    r"(?:\d|%|\b(?:percent|cent|million|billion|trillion|thousand|hundred|times|once|twice))"
    r"[^,;.\n]{0,40}$",
    re.IGNORECASE,
)


_R_VAGUE = _rx(
    r"(?<![\w-])(?P<x>(?:more\s+)?recently|lately|nowadays|these\s+days|at\s+present|currently"
    r"|(?:right\s+)?now|soon|shortly"
    r"|over\s+the\s+(?:years|decades|past\s+(?:few|several)\s+(?:years|months|decades))"
    r"|the\s+(?:festive|holiday)\s+season|the\s+(?:days|weeks|months|years)\s+ahead"
    r"|(?:its|the|their|a)\s+first\s+full\s+(?:year|quarter|month|season)"
    r"(?:\s+(?:of|after|since)\s+(?:the\s+)?[a-z]+)?)(?![\w-])"
)


# "in the future", "in recent years", "in the coming months": the preposition stays outside,
# as TIMEX3 marks "the future", "recent years".
_R_VAGUE_IN = _rx(
    r"(?<![\w-])in\s+(?P<x>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+past"
    r"|(?:the\s+)?(?:coming|next\s+few|past\s+few|last\s+few|recent)\s+"
    r"(?:days|weeks|months|years|decades)|recent\s+times)(?![\w-])"
)


# "in the near term", "over the long term": the future; "at the time": the past.
_R_VAGUE_TERM = _rx(
    r"(?<![\w-])(?P<p>in|over|for|at)\s+(?P<x>the\s+(?:(?:near|short|medium|long)\s+term|time))"
    r"(?![\w-])(?!\s+(?:of|when|that|being)\b)"
)


def _h_vague_term(m: re.Match[str], env: _Env) -> _Item | None:
    at = m["p"].lower() == "at"
    if m["x"].lower().endswith("time"):
        return _mk("PAST_REF") if at else None
    return None if at else _mk("FUTURE_REF")


VAGUE_TERM = _Rule(_R_VAGUE_TERM, _words("term time"), _h_vague_term, 32, 4)


# TIMEX3 reference points: a vague "now", "recently" or "in the future" is PRESENT_REF,
# PAST_REF or FUTURE_REF, and so is "the coming months"; "in the past few months" and "in
# recent years" are durations of an unknown number of units (PXM, PXY), as TimeML annotates
# them. "Over the years" stays without a value, as the contract's worked example reads it.
_REF_WORDS = {
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "past": "PAST_REF",
    "recent": "PAST_REF",
    "nowadays": "PRESENT_REF",
    "days": "PRESENT_REF",  # these days
    "present": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "now": "PRESENT_REF",
    "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF",
    "future": "FUTURE_REF",
}
_FEW_UNIT = {"days": "D", "weeks": "W", "months": "M", "years": "Y", "decades": "E"}


def _h_vague(m: re.Match[str], env: _Env) -> _Item | None:
    x = m["x"].lower()
    start, end = m.span("x")
    if x == "soon" and (
        env.prev_word(start).lower() == "as" or env.next_word(end).lower() in ("as", "after")
    ):
        return None
    words = x.split()
    if words[-1] == "ahead":
        return _mk(f"PX{_FEW_UNIT[words[-2]]}", kind="duration")  # "the weeks ahead"
    if words[-1] in _FEW_UNIT and (words[-2] in ("few", "several", "recent")):
        return _mk(f"PX{_FEW_UNIT[words[-1]]}", kind="duration")
    if "coming" in words:
        return _mk("FUTURE_REF")
    return _mk(_REF_WORDS.get("recent" if "recent" in words else words[-1]))


VAGUE = _Rule(_R_VAGUE, _V, _h_vague, 40, 40)

VAGUE_IN = _Rule(_R_VAGUE_IN, _V, _h_vague, 40, 40)


# "for months", "within weeks", "for the first time in years": a duration of an unknown
# number of units, TIMEX3's PXM, PXW, PXY (PXE decades, PXC centuries); the preposition stays
# outside.
_R_VAGUE_DURATION = _rx(
    r"(?<![\w-])(?:for|in|within|after)\s+(?P<x>(?:many\s+|several\s+)?"
    r"(?P<u>decades|years|months|weeks|days|hours|centuries))"
    r"(?![\w-])(?!\s+(?:ago|earlier|later|old)\b)"
)


_PLURAL_CODE = {
    "decades": "PXE",
    "centuries": "PXC",
    "years": "PXY",
    "months": "PXM",
    "weeks": "PXW",
    "days": "PXD",
    "hours": "PTXH",
}


def _h_vague_duration(m: re.Match[str], env: _Env) -> _Item | None:
    return _mk(_PLURAL_CODE[m["u"].lower()], kind="duration")


VAGUE_DURATION = _Rule(_R_VAGUE_DURATION, _UNIT_WORDS, _h_vague_duration, 24, 4)


_EARLIER_BLOCKERS = frozenset(
    "a an the his her its their our my your much even far still slightly".split()
)


_EARLIER_FOLLOW = re.compile(
    r"(?:\s*(?:[,.;:!?)\"”]|$)|\s+(?:on|in|this|that|today|tonight|when|as|before|after|and|but"
    r"|said|told|announced|reported|noted|added)\b)",
    re.IGNORECASE,
)


_R_EARLIER = _rx(r"(?<![\w-])(?P<x>earlier)(?![\w-])")


def _h_earlier(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    if env.prev_word(start).lower() in _EARLIER_BLOCKERS:
        return None
    if not _EARLIER_FOLLOW.match(env.text, end):
        return None
    return _mk(None)


EARLIER = _Rule(_R_EARLIER, _words("earlier"), _h_earlier, 0, 8)
