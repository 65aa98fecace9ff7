"""The time rules' words. Calendar and number words are data, in transforms/lexicon
(calendar.toml, the [timex] section of numbers.toml); the cue-word tables below are used by
these rules only.
"""

from __future__ import annotations

import re

from transforms import lexicon

# Month and weekday names as written, and the numbers they stand for.
_MONTH_NAMES = lexicon.terms("calendar", "months.full")
_MONTH_ABBREVIATIONS = lexicon.terms("calendar", "months.abbreviations")
_WEEKDAY_NAMES = lexicon.terms("calendar", "weekdays.names")
_MONTH_NUM = {m[:3].lower(): i for i, m in enumerate(_MONTH_NAMES, 1)}
_WEEKDAY_NUM = {w.lower(): i for i, w in enumerate(_WEEKDAY_NAMES)}
# Number words: "zero" to "nineteen", "twenty" to "ninety", "hundred", "a"/"an".
_ONES = lexicon.terms("numbers", "ones")
_TENS = lexicon.terms("numbers", "tens")
_SMALL_NUMS = {w: i for i, w in enumerate(_ONES)}
_SMALL_NUMS.update({w: 10 * i for i, w in enumerate(_TENS, 2)})
_SMALL_NUMS.update(lexicon.table("numbers", "hundreds"))
_SMALL_NUMS.update(lexicon.table("numbers", "indefinite_articles"))
_ORDINALS: dict[str, int] = lexicon.table("numbers", "ordinals")
# unit -> (multiplier, ISO 8601 designator, is a time-of-day unit)
_UNIT_CODE: dict[str, tuple[int, str, bool]] = {
    "year": (1, "Y", False),
    "month": (1, "M", False),
    "week": (1, "W", False),
    "day": (1, "D", False),
    "decade": (10, "Y", False),
    "century": (100, "Y", False),
    "fortnight": (2, "W", False),
    "quarter": (1, "Q", False),  # "the past two quarters": P2Q, as TimeML writes it
    "hour": (1, "H", True),
    "minute": (1, "M", True),
    "second": (1, "S", True),
}
_SET_ADVERBS: dict[str, str] = lexicon.table("calendar", "set_adverbs")  # "weekly" -> P1W
_PART_OF_DAY: dict[str, str] = lexicon.table("calendar", "parts_of_day")
_SEASONS: dict[str, str] = lexicon.table("calendar", "seasons")
_SEASON_START: dict[str, int] = lexicon.table("calendar", "season_starts")
_NOT_AFTER_SEASONS = lexicon.words("calendar", "not_after_seasons")
_NAMED_DAY_WORDS = lexicon.words("calendar", "named_day_words")
_HOLIDAYS = {
    name: (month, day) for name, (month, day) in lexicon.table("calendar", "holidays").items()
}
# Words that may precede a capitalised weekday or quarter without making it part of a name
# ("Black Friday", "Audi Q3" are names; "On Friday", "In Q3" are not).
_CAPITAL_CUES = frozenset(
    "in on at by for of to from since until till through during before after between and or "
    "the this last next every each early late mid over throughout its their his her "
    "around about than as said says starting beginning effective".split()
)
# Counted nouns after a number that make it an amount, not a year ("2025 units").
_COUNT_NOUNS = frozenset(
    "units unit vehicles vehicle cars car people persons tonnes tons tonne ton barrels shares "
    "jobs homes houses cases deaths workers students dollars yuan euros rupees pounds yen "
    "points metres meters kilometres kilometers miles hectares acres households families "
    "passengers visitors tourists troops soldiers members employees patients children "
    "residents copies items pieces times votes seats".split()
)
_QUANTITY_HEADS = frozenset(
    "total number sum figure tally count amount value height price score level population "
    "capacity output".split()
)
_SPORTS = re.compile(
    r"\b(?:scored|goals?|match|striker|penalty|halftime|half-time|kick-?off|innings|"
    r"quarterback|touchdown|rebounds|free throws?)\b",
    re.IGNORECASE,
)
# Unambiguous sports vocabulary: anywhere in the article it marks quarters and halves as game time.
_SPORTS_STRICT = re.compile(
    r"\b(?:striker|goalkeeper|midfielder|halftime|half-time|quarterback|touchdowns?|innings"
    r"|rebounds|playoffs?|NBA|NFL|Premier\s+League|La\s+Liga|Serie\s+A|Bundesliga)\b"
)
