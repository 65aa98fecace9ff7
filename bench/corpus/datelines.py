"""The dateline and credit that open a story, in each wire agency's house style."""

from __future__ import annotations

import random
from datetime import date

from bench.corpus.words import AP_MONTHS, REGIONS, SHORT_MONTHS
from bench.corpus.writer import ordinal


def dateline(agency: str, place: str, day: date, rng: random.Random) -> str:
    """The dateline and credit that open the story, as each agency writes it."""
    if agency == "Xinhua":
        return f"{place}, {AP_MONTHS[day.month - 1]} {day.day} (Xinhua) -- "
    if agency == "WAM":
        return f"{place}, {ordinal(day.day)} {SHORT_MONTHS[day.month - 1]}, {day.year} (WAM) -- "
    if agency == "AP":
        return f"{place} (AP) — "
    if agency == "Reuters":
        if rng.random() < 0.2:
            return f"{SHORT_MONTHS[day.month - 1]} {day.day} (Reuters) - "
        return f"{place}, {SHORT_MONTHS[day.month - 1]} {day.day} (Reuters) - "
    if agency == "APP":
        return f"{place}, {SHORT_MONTHS[day.month - 1]} {day.day} (APP): "
    # UrduPoint republishing WAM or APP copy
    source = "WAM" if place in REGIONS["ae"].places else "APP"
    return (
        f"{place}, (UrduPoint / Pakistan Point News / {source} - "
        f"{ordinal(day.day)} {SHORT_MONTHS[day.month - 1]}, {day.year}) "
    )
