"""Word tables of the time rules: numbers, units, set adverbs, parts of the day, seasons,
holidays, cue words.
"""

from __future__ import annotations

import re

_MONTH_NUM = {
    m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
}
_WEEKDAY_NUM = {
    w: i for i, w in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}
_SMALL_NUMS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_SMALL_NUMS.update(
    {
        w: 10 * i
        for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
    }
)
_SMALL_NUMS.update({"hundred": 100, "a": 1, "an": 1})
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
# unit -> (multiplier, ISO 8601 designator, is a time-of-day unit)
_UNIT_CODE: dict[str, tuple[int, str, bool]] = {
    "year": (1, "Y", False),
    "month": (1, "M", False),
    "week": (1, "W", False),
    "day": (1, "D", False),
    "decade": (10, "Y", False),
    "century": (100, "Y", False),
    "fortnight": (2, "W", False),
    "hour": (1, "H", True),
    "minute": (1, "M", True),
    "second": (1, "S", True),
}
_SET_ADVERBS = {
    "annually": "P1Y",
    "yearly": "P1Y",
    "biannually": "P6M",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "biennially": "P2Y",
    "quarterly": "P3M",
    "monthly": "P1M",
    "fortnightly": "P2W",
    "weekly": "P1W",
    "daily": "P1D",
    "nightly": "P1D",
    "hourly": "PT1H",
}
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "boxing day": (12, 26),
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
