"""Sets, recurring times: every week, each Monday, Fridays, quarterly, twice a year."""

from __future__ import annotations

import re

from transforms.timex.context import _WORDS, _Env
from transforms.timex.numbers import _duration, _num, _unit
from transforms.timex.pieces import _MONTH_FULL, _NUM, _SEASON_WORDS, _UNIT1, _UNITS, _WEEKDAY, _rx
from transforms.timex.records import _Item, _mk
from transforms.timex.rules.base import _WEEKDAY_WORDS, _Rule, _words
from transforms.timex.words import (
    _MONTH_NUM,
    _SEASONS,
    _SET_ADVERBS,
    _WEEKDAY_NAMES,
    _WEEKDAY_NUM,
)

_R_SET_EVERY = _rx(
    rf"(?<![\w-])(?P<x>(?:every|each)\s+(?:(?P<other>other)\s+|(?P<n>{_NUM})\s+"
    rf"|(?P<v>few|several|couple\s+of)\s+)?(?P<u>{_UNITS}|quarters?))(?![\w-])"
)


def _h_set_every(m: re.Match[str], env: _Env) -> _Item | None:
    u = m["u"].lower()
    unit = _unit(u)
    if m["v"]:
        return _mk(None, kind="set")
    n = 2.0 if m["other"] else (_num(m["n"]) if m["n"] else 1.0)
    if n is None or (unit == "second" and not m["n"]):
        return None
    return _mk(_duration(n, unit), kind="set")


SET_EVERY = _Rule(_R_SET_EVERY, _words("every each"), _h_set_every, 4, 40)


_R_SET_WEEKDAY = _rx(
    rf"(?<![\w-])(?P<x>(?:every|each)\s+(?P<wd>{_WEEKDAY})"
    rf"|(?P<wd2>(?-i:{'|'.join(w + 's' for w in _WEEKDAY_NAMES)})))(?![\w-])"
)


def _h_set_weekday(m: re.Match[str], env: _Env) -> _Item | None:
    name = (m["wd"] or m["wd2"]).lower().rstrip("s")
    return _mk(f"XXXX-WXX-{_WEEKDAY_NUM[name] + 1}", kind="set")


SET_WEEKDAY = _Rule(
    _R_SET_WEEKDAY, _WEEKDAY_WORDS | {w + "s" for w in _WEEKDAY_WORDS}, _h_set_weekday, 8, 4
)


# "each July", "every spring": a month or season of every year.
_R_SET_MONTH = _rx(
    rf"(?<![\w-])(?P<x>(?:every|each)\s+(?:(?P<mon>{_MONTH_FULL})\b|(?P<s>{_SEASON_WORDS})\b))"
)


def _h_set_month(m: re.Match[str], env: _Env) -> _Item | None:
    if m["mon"]:
        return _mk(f"XXXX-{_MONTH_NUM[m['mon'][:3].lower()]:02d}", kind="set")
    return _mk(f"XXXX-{_SEASONS[m['s'].lower()]}", kind="set")


SET_MONTH = _Rule(_R_SET_MONTH, _words("every each"), _h_set_month, 4, 16)


# "8.5% annually", "10,000 units annually", "$3 million annually": an amount, then at most a
# unit word, then the adverb.
_RATE_BEFORE = re.compile(
    r"(?:\d|%|\b(?:percent|cent|million|billion|trillion))(?:\s+[a-z]+)?\s*(?:and\s+)?$"
)


_MEASURE_NOUNS = frozenset(
    "wage wages pay earnings income salary salaries production output users user visitors "
    "sales drop gain gains rise fall loss losses decline increase change changes average volume "
    "volumes rate rates consumption exports imports capacity basis prices price inflation "
    "turnover traffic limit cap quota allowance rent fee fees charge charges record high low "
    "peak total demand supply flow flows intake budget revenue spending active returns return "
    "yield deficit surplus cases deaths infections ridership trading move moves swing "
    "dividend dividends results profit profits payout payouts".split()
)


_R_SET_ADVERB = _rx(rf"(?<!\w)(?P<x>{'|'.join(_SET_ADVERBS)})(?![\w-])")


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
    # "doubling its profits annually": the measure just before.
    if env.prev_word(start).lower() in _MEASURE_NOUNS:
        return None
    return _mk(_SET_ADVERBS[word.lower()], kind="set")


SET_ADVERB = _Rule(_R_SET_ADVERB, frozenset(_SET_ADVERBS) | {"semi"}, _h_set_adverb, 8, 16)


_R_SET_FREQ = _rx(
    rf"(?<![\w-])(?P<x>(?:once|twice|thrice|{_NUM}\s+times)\s+(?:an?|per|every|each)\s+"
    rf"(?P<u>{_UNIT1}))(?![\w-])"
)


def _h_set_freq(m: re.Match[str], env: _Env) -> _Item | None:
    return _mk(_duration(1, _unit(m["u"])), kind="set")


SET_FREQ = _Rule(_R_SET_FREQ, _words("once twice thrice times"), _h_set_freq, 32, 16)
