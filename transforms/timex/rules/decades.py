"""Decades and centuries: the 1990s, the late '80s, the 21st century."""

from __future__ import annotations

import re

from transforms import lexicon
from transforms.timex.calendar import _part
from transforms.timex.context import _Env
from transforms.timex.pieces import _rx
from transforms.timex.records import _Item, _mk
from transforms.timex.rules.base import _ANY_NUM, _Rule, _words

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
