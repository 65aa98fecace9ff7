"""Filling a story's templates: numbers, money, dates and people in words, from one random stream.

`Writer` holds a story's region, date and random stream; the helpers below it shape the text
(capitals, possessives, "the").
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from bench.corpus.words import (
    HALVES,
    LEVEL_UNITS,
    MONTHS,
    ORDINALS,
    QUOTE_PARTS,
    TITLES_GOV,
    WEEKDAYS,
    Region,
)


def trim(value: float, digits: int = 1) -> str:
    """12,500.5 with at most `digits` decimals, trailing zeros dropped: 3.0 -> 3."""
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def scaled(value: float) -> str:
    """1.2 billion, 350 million, 12,500."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{trim(value / size, 2 if value / size < 10 else 1)} {word}"
    return f"{round(value):,}"


MONEY_STYLES: dict[str, Callable[[float, random.Random], str]] = {
    "usd": lambda v, r: r.choice(["$", "US$", "$"]) + scaled(v),
    "aed": lambda v, r: r.choice(["AED ", "AED", "Dh"]) + scaled(v),
    "pkr": lambda v, r: r.choice(["Rs ", "Rs", "Rs. "]) + scaled(v),
    "yuan": lambda v, r: f"{scaled(v)} yuan",
    "gbp": lambda v, r: "£" + scaled(v),
    "eur": lambda v, r: r.choice(["€", "€", "EUR "]) + scaled(v),
    "inr": lambda v, r: r.choice(["Rs ", "INR "]) + scaled(v),
    "jpy": lambda v, r: f"{scaled(v)} yen",
}


def magnitude(rng: random.Random, low: float, high: float) -> float:
    """A log-uniform amount, rounded to three significant figures."""
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    digits = 2 - math.floor(math.log10(value))
    return round(value, digits)


class Writer:
    """Fills templates for one story: its region, date and a private random stream."""

    def __init__(self, rng: random.Random, region: Region, published: date, agency: str) -> None:
        self.rng = rng
        self.region = region
        self.published = published
        self.agency = agency
        self.people: list[tuple[str, str]] = []  # (name, title) already introduced
        self.unused_context: list[int] = []  # background forms not yet used in this story
        self.quotes = 0

    # --- atoms -------------------------------------------------------------------------------
    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(list(options))

    def pct(self, low: float = 0.3, high: float = 14.0) -> str:
        value = self.rng.uniform(low, high)
        word = self.pick(["percent", "percent", "per cent", "%"])
        number = trim(value, 1)
        return f"{number}%" if word == "%" else f"{number} {word}"

    def points(self) -> str:
        value = self.rng.choice([0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.8, 1.1, 1.4, 2.3])
        return f"{trim(value)} percentage point" + ("" if value == 1 else "s")

    def money(self, low: float = 5e6, high: float = 8e11, currency: str | None = None) -> str:
        style = MONEY_STYLES[currency or self.region.currency]
        return style(magnitude(self.rng, low, high), self.rng)

    def dollars(self, low: float = 5e6, high: float = 5e10) -> str:
        return MONEY_STYLES["usd"](magnitude(self.rng, low, high), self.rng)

    def level(self, kind: str) -> str:
        unit, low, high = LEVEL_UNITS[kind]
        value = magnitude(self.rng, low, high)
        qualifier = self.pick(["", "", "", "nearly ", "about ", "more than ", "over "])
        return f"{qualifier}{scaled(value)} {unit}"

    def count(self, low: int, high: int) -> str:
        return f"{self.rng.randint(low, high):,}"

    def weekday(self, back: int = 0) -> str:
        return WEEKDAYS[(self.published - timedelta(days=back)).weekday()]

    def day_phrase(self) -> str:
        back = self.rng.choice([0, 0, 1, 1, 2])
        if back == 0:
            return self.pick(["on " + self.weekday(), "on " + self.weekday(), "today"])
        return "on " + self.weekday(back)

    def last_month(self) -> date:
        return (self.published.replace(day=1) - timedelta(days=1)).replace(day=1)

    def period(self) -> str:
        month = self.last_month()
        quarter = (self.published.month - 1) // 3  # the last complete quarter, 1-based below
        year = self.published.year if quarter else self.published.year - 1
        choices = [
            f"in {MONTHS[month.month - 1]}",
            f"in {MONTHS[month.month - 1]} {month.year}",
            "last month",
            f"in the January-{MONTHS[month.month - 1]} period" if month.month > 1 else "in January",
            f"in the {ORDINALS[(quarter or 4) - 1]} quarter of {year}",
            f"in the first {self.pick(['five', 'six', 'seven', 'eight', 'nine'])} months",
            f"in the {HALVES[0]} of the year" if self.published.month > 6 else "in 2024",
            f"in fiscal year {self.published.year - 1}-{str(self.published.year)[2:]}",
            f"in the July-{MONTHS[month.month - 1]} period of the current fiscal year"
            if month.month >= 8
            else "during the last fiscal year",
        ]
        return self.pick(choices)

    def compared(self) -> str:
        return self.pick(
            [
                "year on year",
                "from a year earlier",
                "compared with the same period last year",
                "over the same period of 2024",
                "from the previous month",
                "on an annual basis",
            ]
        )

    def rose(self) -> str:
        return self.pick(["rose", "grew", "increased", "climbed", "jumped", "edged up"])

    def fell(self) -> str:
        return self.pick(["fell", "declined", "dropped", "slipped", "contracted", "eased"])

    def move(self) -> str:
        return self.rose() if self.rng.random() < 0.7 else self.fell()

    def person(self, titles: Sequence[str] = TITLES_GOV) -> tuple[str, str]:
        region = self.region
        given, family = self.pick(region.given), self.pick(region.family)
        name = f"{family} {given}" if region.family_first else f"{given} {family}"
        if region.key == "ae" and self.rng.random() < 0.5:
            name = f"{given} {self.pick(region.given)} {family}"
        title = self.pick(titles).format(
            ministry=self.pick(region.ministries).split(" (")[0].removeprefix("the "),
            company=self.pick(region.companies),
        )
        self.people.append((name, title))
        return name, title

    def speaker(self, titles: Sequence[str] = TITLES_GOV) -> str:
        """A person with their title the first time; a second mention by family name."""
        if self.people and self.rng.random() < 0.35:
            name, _ = self.rng.choice(self.people)
            return self.family_name(name)
        name, title = self.person(titles)
        return f"{name}, {title},"

    def family_name(self, name: str) -> str:
        parts = name.split()
        if self.region.family_first:
            return parts[0]
        if len(parts) >= 3 and parts[-2] == "Al":
            return " ".join(parts[-2:])
        return parts[-1]

    def quote(self) -> str:
        first, middle, last = (self.pick(part) for part in QUOTE_PARTS)
        return f"{first} {middle}{last}"

    def place(self) -> str:
        return self.pick(self.region.places).split(",")[0].title()

    def org(self) -> str:
        return self.pick(self.region.ministries)

    def company(self) -> str:
        return self.pick(self.region.companies)


def cap(text: str) -> str:
    """The text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """The text with its first letter in lower case."""
    return text[:1].lower() + text[1:]


def possessive(name: str) -> str:
    """China's, the Philippines'."""
    return name + ("'" if name.endswith("s") else "'s")


def the(name: str) -> str:
    """The name with "the" before it, unless it has one or takes none."""
    return name if name.startswith(("the ", "Eurostat")) else f"the {name}"


def ordinal(n: int) -> str:
    """1st, 2nd, 11th, 23rd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
