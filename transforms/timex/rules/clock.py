"""Clock times: 9 a.m., 16:15 GMT, 0730 hrs, noon, five o'clock."""

from __future__ import annotations

import re

from transforms.timex.context import _Env
from transforms.timex.numbers import _num
from transforms.timex.pieces import _TZ, _rx
from transforms.timex.records import _Clock, _Item
from transforms.timex.rules.base import _SHORT_NUM, _Rule, _words

_R_CLOCK_AMPM = _rx(
    rf"(?<![\w:.,])(?P<x>(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])(?:\.\s?m\b\.?|m\b){_TZ})"
)


def _h_clock_ampm(m: re.Match[str], env: _Env) -> _Item | None:
    h, mi = int(m["h"]), int(m["mi"] or 0)
    if not 1 <= h <= 12:
        return None
    h = h % 12 + (12 if m["ap"].lower() == "p" else 0)
    return _Clock(f"T{h:02d}:{mi:02d}")


CLOCK_AMPM = _Rule(_R_CLOCK_AMPM, _SHORT_NUM, _h_clock_ampm, 0, 40)


_CLOCK_CUES = frozenset("at from to until till by around about before after since".split())


_R_CLOCK_24 = _rx(
    rf"(?<![\w:.,])(?P<x>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?"
    rf"(?P<hrs>\s*(?:hrs|hours|h)\b)?{_TZ})(?![\w:]|\.\d)"
)


def _h_clock_24(m: re.Match[str], env: _Env) -> _Item | None:
    start, end = m.span("x")
    h, mi = int(m["h"]), int(m["mi"])
    if not (m["hrs"] or m["tz"] or len(m["h"]) == 2 or env.prev_word(start).lower() in _CLOCK_CUES):
        return None
    if re.match(r"\s*(?:%|percent)", env.text[end : end + 10]):
        return None
    return _Clock(f"T{h:02d}:{mi:02d}")


CLOCK_24 = _Rule(_R_CLOCK_24, _SHORT_NUM, _h_clock_24, 0, 40)


# Wire-service military time, "at 0730 GMT": only with a zone or "hrs" after it.
_R_CLOCK_MILITARY = _rx(
    rf"(?<![\w:.,])(?P<x>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<hrs>\s*(?:hrs|hours)\b)?{_TZ})"
    r"(?![\w:]|\.\d)"
)


def _h_clock_military(m: re.Match[str], env: _Env) -> _Item | None:
    if not (m["hrs"] or m["tz"]):
        return None
    return _Clock(f"T{m['h']}:{m['mi']}")


CLOCK_MILITARY = _Rule(_R_CLOCK_MILITARY, frozenset({"#", "#y"}), _h_clock_military, 0, 40)


_R_NOON = _rx(r"(?<![\w-])(?P<x>(?:12\s+)?(?P<w>noon|midday|midnight))(?![\w-])")


def _h_noon(m: re.Match[str], env: _Env) -> _Item | None:
    # "midnight Friday" ends Friday: ISO 8601 and TIMEX3 write it as the day's T24:00.
    return _Clock("T24:00" if m["w"].lower() == "midnight" else "T12:00")


NOON = _Rule(_R_NOON, _words("noon midday midnight"), _h_noon, 4, 4)


_R_OCLOCK = _rx(
    r"(?<![\w-])(?P<x>(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve)\s+o['’]clock)(?![\w-])"
)


def _h_oclock(m: re.Match[str], env: _Env) -> _Item | None:
    n = _num(m["h"])
    if n is None or not 1 <= n <= 12:
        return None
    return _Clock(f"T{int(n):02d}:00")


OCLOCK = _Rule(_R_OCLOCK, _words("clock"), _h_oclock, 12, 4)
