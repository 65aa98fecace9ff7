"""Sentences that fit any story: background figures, people and places, and quote paragraphs."""

from __future__ import annotations

from collections.abc import Callable

from bench.corpus.words import (
    ASSESSMENTS,
    FACILITIES,
    GOODS,
    LEVEL_UNITS,
    MONTHS,
    PARTNERS,
    SECTORS,
    TITLES_BIZ,
    TITLES_ECON,
    TITLES_GOV,
)
from bench.corpus.writer import Writer, cap, lower_first, possessive, the


def context_sentence(w: Writer) -> str:
    """Background that fits any story: more figures, people, places, periods."""
    r = w.region
    month = MONTHS[w.last_month().month - 1]
    forms: list[Callable[[], str]] = [
        lambda: (
            f"{cap(the(w.org()))} said it expected growth of between "
            f"{w.rng.randint(2, 5)} and {w.rng.randint(6, 9)} percent in {w.published.year + 1}."
        ),
        lambda: (
            f"Over the first {w.pick(['six', 'seven', 'eight', 'nine'])} months of the year, "
            f"{w.pick(['investment', 'spending', 'output', 'trade'])} in {w.pick(SECTORS)} "
            f"totalled {w.money()}, a rise of {w.pct()}."
        ),
        lambda: (
            f"{w.count(12, 900)} projects worth {w.money()} are under way across "
            f"{w.rng.randint(3, 30)} {w.pick(['provinces', 'districts', 'cities'])}, "
            f"{the(w.org())} said."
        ),
        lambda: (
            f"Analysts at {w.company()} said the figures pointed to {w.pick(ASSESSMENTS)} in "
            f"{w.pick(['the coming months', 'the second half', 'the next quarter'])}."
        ),
        lambda: f"{cap(w.speaker())} told reporters in {w.place()} that {lower_first(w.quote())}.",
        lambda: (
            f"In {w.pick(r.provinces)}, "
            f"{w.pick(['exports', 'output', 'tourism revenue', 'farm income'])} "
            f"{w.move()} {w.pct()} to {w.money()} {w.period()}."
        ),
        lambda: (
            f"The share of {w.pick(SECTORS)} in {possessive(r.country)} economy has risen to "
            f"{w.pct(3, 35)} from {w.pct(1, 20)} a decade ago."
        ),
        lambda: (
            f"{cap(r.country)} and {w.pick(PARTNERS)} agreed last year to expand cooperation "
            f"in {w.pick(SECTORS)}."
        ),
        lambda: (
            f"The {w.pick(['programme', 'plan', 'strategy'])} aims to raise annual capacity to "
            f"{w.level(w.pick(list(LEVEL_UNITS)))} by {w.published.year + w.rng.randint(2, 10)}."
        ),
        lambda: (
            f"About {w.count(5, 95)},000 people are employed in the sector, "
            f"{w.pct(10, 70)} of them women, according to {the(r.stats_office)}."
        ),
        lambda: (
            f"Prices of {w.pick(GOODS)} {w.move()} {w.pct(0.5, 20)} in {month}, while "
            f"{w.pick(['rents', 'electricity tariffs', 'transport fares'])} were unchanged."
        ),
        lambda: (
            f"The {w.pick(FACILITIES)} at {w.place()} handled "
            f"{w.level(w.pick(['teu', 'tonnes', 'people']))} {w.period()}, "
            f"{w.pct()} more than a year before."
        ),
        lambda: (
            f"The {w.pick(['ministry', 'authority', 'agency'])} said it had received "
            f"{w.count(200, 40000)} applications in the {w.rng.randint(2, 12)} weeks since the "
            f"scheme opened on {MONTHS[w.rng.randint(0, w.published.month - 1)]} "
            f"{w.rng.randint(1, 28)}."
        ),
        lambda: (
            f"Its budget for the year is {w.money(1e8, 9e11)}, of which "
            f"{w.pct(5, 40)} goes to {w.pick(SECTORS)}."
        ),
    ]
    if not w.unused_context:
        w.unused_context = list(range(len(forms)))
        w.rng.shuffle(w.unused_context)
    return forms[w.unused_context.pop()]()


def quote_paragraph(w: Writer) -> str:
    """A quote; `full` keeps the comma that closes a title ("Name, title, said")."""
    w.quotes += 1
    full = w.speaker(w.rng.choice([TITLES_GOV, TITLES_BIZ, TITLES_ECON]))
    plain = full.rstrip(",")
    form = w.rng.randrange(5)
    if form == 0:
        return f'"{w.quote()}," {full} said.'
    if form == 1:
        return f'"{w.quote()}. {w.quote()}," said {plain}.'
    if form == 2:
        return f'{cap(full)} said: "{w.quote()}."'
    if form == 3:
        return f'{cap(full)} told the {w.agency} news agency that "{lower_first(w.quote())}."'
    verb = w.pick(["added", "told reporters", "said in a statement", "noted"])
    return f'"{w.quote()}," {full} {verb}.'
