"""Decades and centuries: the 1990s, the late '80s, the 21st century."""

from __future__ import annotations

import re

from transforms import lexicon
from transforms.timex.calendar import _part
from transforms.timex.context import _Env
from transforms.timex.numbers import _num
from transforms.timex.pieces import _rx
from transforms.timex.records import _Item, _mk
from transforms.timex.rules.base import _ANY_NUM, _Rule, _words
from transforms.timex.words import _MONTH_NAMES, _MONTH_NUM, _SEASONS

_R_DECADE = _rx(
    r"(?<![\w'’-])(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
    r"(?:(?P<dec>1[89]\d0|20\d0)['’]?s|['’](?P<d2>\d0)s))(?![\w-])"
)


def _h_decade(m: re.Match[str], env: _Env) -> _Item | None:
    if m["dec"]:
        # "the 1800s" is usually the century; "the 2000s" the decade.
        dec = m["dec"]
        value = dec[:2] if dec.endswith("00") and int(dec) < 2000 else dec[:3]
    else:
        d2 = int(m["d2"])
        value = f"{19 if d2 >= 30 else 20}{d2 // 10}"
    return _mk(value, part=_part(m["mod"]))


DECADE = _Rule(_R_DECADE, _ANY_NUM, _h_decade, 20, 6)


_DECADE_WORDS = {
    w: i
    for i, w in enumerate(
        "twenties thirties forties fifties sixties seventies eighties nineties".split(), 2
    )
}


# "the nineties", "the late eighties": the latest such decade up to the publication year.
_R_DECADE_WORD = _rx(
    r"(?<![\w-])(?P<x>the\s+(?:(?P<mod>early|mid|late)[\s-]+)?"
    rf"(?P<w>{'|'.join(_DECADE_WORDS)}))(?![\w-])"
)


def _h_decade_word(m: re.Match[str], env: _Env) -> _Item | None:
    year = env.anchor.year // 100 * 100 + 10 * _DECADE_WORDS[m["w"].lower()]
    if year > env.anchor.year:
        year -= 100
    return _mk(f"{year // 10:03d}", part=_part(m["mod"])) if year >= 0 else None


DECADE_WORD = _Rule(_R_DECADE_WORD, frozenset(_DECADE_WORDS), _h_decade_word, 20, 4)


_CENTURY_WORDS: dict[str, int] = lexicon.table("numbers", "centuries")


_R_CENTURY = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<n>\d{1,2})"
    rf"(?:st|nd|rd|th)|(?P<w>{'|'.join(_CENTURY_WORDS)}))\s+century)"
    r"(?![\w-])"
)


def _h_century(m: re.Match[str], env: _Env) -> _Item | None:
    n = int(m["n"]) if m["n"] else _CENTURY_WORDS[m["w"].lower()]
    if not 1 <= n <= 22:
        return None
    return _mk(f"{n - 1:02d}", part=_part(m["mod"]))


CENTURY = _Rule(_R_CENTURY, _words("century"), _h_century, 40, 4)


# Years as broadcast transcripts spell them: "nineteen ninety-six", "the year two thousand",
# "January nineteen ninety-seven", "the winter of nineteen ninety-four".
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_R_SPOKEN_YEAR = _rx(
    r"(?<![\w-])(?P<x>(?:the\s+year\s+|(?P<season>(?:the\s+)?(?:spring|summer|autumn|fall|winter)"
    rf"\s+of\s+)|(?P<month>{'|'.join(_MONTH_NAMES)})\s+)?"
    rf"(?:(?P<c>nineteen|eighteen)[\s-]+(?P<yy>{_TENS}(?:[\s-]+{_UNITS_WORD})?|{_TEENS})"
    rf"|two\s+thousand(?:\s+and\s+(?P<k>{_UNITS_WORD}|{_TEENS}))?))"
    r"(?![\w-])(?!\s+(?:percent|people|dollars|million|billion|thousand|hundred|years?|months?"
    r"|weeks?|days?|hours?)\b)"
)


def _h_spoken_year(m: re.Match[str], env: _Env) -> _Item | None:
    if m["c"]:
        century, yy = _num(m["c"]), _num(m["yy"])
        if century is None or yy is None:
            return None
        year = int(century) * 100 + int(yy)
    else:
        named = m["x"].lower().startswith("the")
        if not named and env.next_word(m.end("x")).lower().endswith("s"):
            return None  # "two thousand soldiers": a count
        extra = _num(m["k"]) if m["k"] else 0
        if extra is None:
            return None
        year = 2000 + int(extra)
    if m["month"]:
        return _mk(f"{year}-{_MONTH_NUM[m['month'][:3].lower()]:02d}", explicit_year=year)
    if m["season"]:
        season = m["season"].split()[-2].lower()
        return _mk(f"{year}-{_SEASONS[season]}", explicit_year=year)
    return _mk(str(year), explicit_year=year)


SPOKEN_YEAR = _Rule(_R_SPOKEN_YEAR, _words("nineteen eighteen thousand"), _h_spoken_year, 48, 48)
