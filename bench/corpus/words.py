"""The word lists and regions the stories are written from, loaded from the TOML beside this file.

`words.toml` holds the vocabularies (months, titles, subjects, sectors, quote parts...) and
`regions.toml` the places, institutions, people and money of each region.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def _load(name: str) -> dict[str, Any]:
    with (HERE / name).open("rb") as file:
        return tomllib.load(file)


def _names(values: list[str]) -> list[str]:
    return list(values)


def _strings(values: list[str]) -> tuple[str, ...]:
    return tuple(values)


def _pairs(values: list[list[str]]) -> tuple[tuple[str, str], ...]:
    return tuple((first, second) for first, second in values)


@dataclass(frozen=True, slots=True)
class Region:
    """Where a story happens: its places, institutions, people, money and markets."""

    key: str
    country: str
    adjective: str
    places: tuple[str, ...]  # dateline places, upper case; "GOMA, Congo" style allowed
    provinces: tuple[str, ...]
    stats_office: str
    ministries: tuple[str, ...]
    central_bank: str
    index: str
    companies: tuple[str, ...]
    given: tuple[str, ...]
    family: tuple[str, ...]
    currency: str  # key into MONEY_STYLES
    tz_hours: float
    family_first: bool = False


def _region(key: str, entry: dict[str, Any]) -> Region:
    lists = {k: _strings(v) for k, v in entry.items() if isinstance(v, list)}
    return Region(key=key, **{**entry, **lists})


_WORDS = _load("words.toml")

MONTHS = _names(_WORDS["months"])
AP_MONTHS = _names(_WORDS["ap_months"])
SHORT_MONTHS = [m[:3] for m in MONTHS]
WEEKDAYS = _names(_WORDS["weekdays"])
ORDINALS = _names(_WORDS["ordinals"])
HALVES = _names(_WORDS["halves"])

TITLES_GOV = _strings(_WORDS["titles_gov"])
TITLES_BIZ = _strings(_WORDS["titles_biz"])
TITLES_ECON = _strings(_WORDS["titles_econ"])
LEADERS = _strings(_WORDS["leaders"])
GUESTS = _strings(_WORDS["guests"])

SUBJECTS = _pairs(_WORDS["subjects"])
ASSESSMENTS = _strings(_WORDS["assessments"])
CAUSES = _strings(_WORDS["causes"])
MARKETS_ABROAD = _strings(_WORDS["markets_abroad"])
MARKETS_OTHER = _strings(_WORDS["markets_other"])
SECTORS = _strings(_WORDS["sectors"])
PARTNERS = _strings(_WORDS["partners"])
GOODS = _strings(_WORDS["goods"])
FACILITIES = _strings(_WORDS["facilities"])

PROFIT_DRIVERS = _strings(_WORDS["profit_drivers"])
SHARE_NEWS = _strings(_WORDS["share_news"])
MOVERS = _strings(_WORDS["movers"])
GATHERINGS = _strings(_WORDS["gatherings"])
GOVERNMENT_MEASURES = _strings(_WORDS["government_measures"])

DISASTERS = _pairs(_WORDS["disasters"])
PROTEST_GROUPS = _pairs(_WORDS["protest_groups"])
COURT_CASES = _pairs(_WORDS["court_cases"])
PARTIES = _strings(_WORDS["parties"])

# subject kind -> (unit, low, high) of a log-uniform level
LEVEL_UNITS: dict[str, tuple[str, float, float]] = {
    kind: (entry["unit"], entry["low"], entry["high"])
    for kind, entry in _WORDS["level_units"].items()
}
QUOTE_PARTS = tuple(
    _strings(_WORDS["quote_parts"][part]) for part in ("openings", "claims", "endings")
)

REGIONS: dict[str, Region] = {
    key: _region(key, entry) for key, entry in _load("regions.toml").items()
}
