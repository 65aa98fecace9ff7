"""Regular-expression pieces the time rules are built from (months, weekdays, years, numbers,
units).
"""

from __future__ import annotations

import re

from transforms.timex.words import (
    _MONTH_ABBREVIATIONS,
    _MONTH_NAMES,
    _ONES,
    _PART_OF_DAY,
    _SEASONS,
    _TENS,
    _WEEKDAY_NAMES,
)

_MONTH_FULL = "|".join(_MONTH_NAMES)
_MONTH_ABBR = "|".join(_MONTH_ABBREVIATIONS)
_MON = rf"(?-i:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\b\.?)"
# A month on its own needs a full name or an abbreviation with its period ("Jan" is a name too).
_MON_BARE = rf"(?-i:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\.)"
_WEEKDAY = rf"(?-i:{'|'.join(_WEEKDAY_NAMES)})"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_DAY = r"[0-3]?\d"
_ORD_SUF = r"(?:st|nd|rd|th)"
# "twenty-one", "nineteen", "a hundred", "ten": the number words that count units of time.
_NUM_WORD = (
    rf"(?:(?:{'|'.join(_TENS)})"
    rf"(?:[-\s](?:{'|'.join(_ONES[1:10])})\b)?"
    rf"|{'|'.join(_ONES[11:20])}"
    rf"|(?:a|one)\s+hundred|{'|'.join(_ONES[1:11])})"
)
_DAY_PARTS = "|".join(_PART_OF_DAY)  # morning|afternoon|evening|night
_SEASON_WORDS = "|".join(_SEASONS)  # spring|summer|autumn|fall|winter
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
