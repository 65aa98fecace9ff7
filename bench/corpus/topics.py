"""Story templates: a headline, a lead sentence and a pool of body sentences for each topic.

One function per topic (`economic_data`, `corporate`, `meeting`, ...), registered in
`TOPIC_WRITERS`; `TOPICS` says how often each is drawn. The words come from words.toml.
"""

from __future__ import annotations

from collections.abc import Callable

from bench.corpus.words import (
    ASSESSMENTS,
    CAUSES,
    COURT_CASES,
    DISASTERS,
    GATHERINGS,
    GOVERNMENT_MEASURES,
    GUESTS,
    LEADERS,
    MARKETS_ABROAD,
    MARKETS_OTHER,
    MONTHS,
    MOVERS,
    ORDINALS,
    PARTIES,
    PROFIT_DRIVERS,
    PROTEST_GROUPS,
    SECTORS,
    SHARE_NEWS,
    SUBJECTS,
    TITLES_BIZ,
    TITLES_ECON,
    TITLES_GOV,
)
from bench.corpus.writer import Writer, cap, ordinal, possessive, the, trim

Draft = tuple[str, str, list[str]]  # headline, lead, body sentences

TOPICS = (
    ("economic_data", 26), ("corporate", 14), ("meeting", 12), ("agreement", 10),
    ("market", 10), ("policy", 9), ("disaster", 7), ("protest", 4), ("legal", 4),
    ("election", 4),
)  # fmt: skip


def _economic_data(w: Writer) -> Draft:
    subject, kind = w.rng.choice(SUBJECTS)
    r = w.region
    change = w.pct()
    up = w.rng.random() < 0.7
    verb = w.rose() if up else w.fell()
    period = w.period()
    amount = w.money() if kind in ("money", "pct_only") else w.level(kind)
    earlier = w.money() if kind in ("money", "pct_only") else w.level(kind)
    office = the(r.stats_office if w.rng.random() < 0.6 else w.org())
    short_change = change.replace(" percent", " pct").replace(" per cent", " pct")
    headline = f"{r.adjective} {subject} {'up' if up else 'down'} {short_change} {period}"
    if kind == "pct_only":
        lead = (
            f"{cap(possessive(r.country))} {subject} {verb} {change} {w.compared()} {period}, "
            f"data from {office} showed {w.day_phrase()}."
        )
    else:
        lead = (
            f"{cap(possessive(r.country))} {subject} {verb} {change} {w.compared()} to "
            f"{amount} {period}, according to {office} {w.day_phrase()}."
        )
    month = MONTHS[w.last_month().month - 1]
    jobless, before = trim(w.rng.uniform(3, 11)), trim(w.rng.uniform(3, 11))
    jobless_before = "unchanged from" if jobless == before else f"against {before}"
    body = [
        f"The figure compared with growth of {w.pct()} in the previous period, when {subject} "
        f"stood at {earlier}.",
        f"The share of {w.pick(SECTORS)} in the total reached {w.pct(4, 60)}, "
        f"up {w.points()} from a year earlier.",
        f"Economists polled by {w.company()} had expected a change of {w.pct()}, and the "
        f"result points to {w.pick(ASSESSMENTS)}.",
        f"On a monthly basis, {subject} {w.move()} {w.pct(0.1, 4)}, {office} said.",
        f"{cap(subject)} to {w.pick(MARKETS_ABROAD)} {w.move()} {w.pct()} to {w.dollars()}, "
        f"while those to {w.pick(MARKETS_OTHER)} {w.move()} {w.pct()}.",
        f"The unemployment rate stood at {jobless} percent in {month}, {jobless_before} "
        f"percent a month earlier.",
        f"Consumer prices {w.move()} {w.pct(0.1, 6)} {w.compared()}, "
        f"{w.pick(['below', 'above', 'in line with'])} the central bank's target.",
        f"{cap(the(r.stats_office))} attributed the change to {w.pick(CAUSES)}.",
    ]
    return headline, lead, body


def _corporate(w: Writer) -> Draft:
    company = w.company()
    quarter = f"the {w.pick(ORDINALS[:3])} quarter"
    profit = w.money(5e6, 5e10)
    change = w.pct(1, 60)
    up = w.rng.random() < 0.65
    label = w.pick(["Q2", "Q3", "quarterly", "half-year"])
    headline = (
        f"{company} {label} profit {'rises' if up else 'falls'} {change.replace(' percent', '%')}"
    )
    lead = (
        f"{company} said {w.day_phrase()} its net profit {w.rose() if up else w.fell()} "
        f"{change} to {profit} in {quarter}, helped by {w.pick(PROFIT_DRIVERS)}."
    )
    name, title = w.person(TITLES_BIZ)
    body = [
        f"Revenue {w.move()} {w.pct()} to {w.money(1e8, 9e11)}, while operating margin "
        f"{w.pick(['widened', 'narrowed'])} by {w.points()}.",
        f"The company said it would invest {w.money(1e7, 5e10)} over the next "
        f"{w.pick(['two', 'three', 'five'])} years in {w.pick(SECTORS)} and expects to hire "
        f"{w.count(200, 9000)} workers.",
        f"Its shares {w.move()} {w.pct(0.2, 9)} in early trade, against a "
        f"{w.pct(0.1, 2)} {w.pick(['gain', 'loss'])} in the {w.region.index}.",
        f'"{w.quote()}," {name}, {title}, told analysts on a call.',
        f"The board proposed a dividend of {w.money(1, 50)} per share.",
        f"Orders on hand stood at {w.money(1e8, 5e11)} at the end of {quarter}, "
        f"{w.pct()} more than a year earlier.",
        f"{company} kept its full-year guidance of revenue growth between "
        f"{w.rng.randint(2, 6)} and {w.rng.randint(7, 15)} percent.",
    ]
    return headline, lead, body


def _meeting(w: Writer) -> Draft:
    host, title = w.person(LEADERS)
    guest, guest_title = w.person(GUESTS)
    place = w.place()
    topics = w.rng.sample(SECTORS, 3)
    headline = f"{host} meets {guest} in {place}, discusses {topics[0]} cooperation"
    lead = (
        f"{title} {host} met {guest}, {guest_title}, in {place} {w.day_phrase()} to discuss "
        f"cooperation in {', '.join(topics[:2])} and {topics[2]}."
    )
    body = [
        f"The two sides agreed to raise bilateral trade to {w.dollars(1e9, 1e11)} by "
        f"{w.published.year + w.rng.randint(2, 6)}, from {w.dollars(5e8, 5e10)} last year.",
        f"The {ordinal(w.rng.randint(2, 40))} {w.pick(GATHERINGS)} drew more than "
        f"{w.count(300, 9000)} delegates from {w.count(12, 140)} countries, organisers said.",
        f"{guest} also visited {w.company()} and {w.company()} during the "
        f"{w.rng.randint(2, 5)}-day visit.",
        f"The talks came {w.pick(['a week', 'two months', 'a year'])} after the two governments "
        f"set up a working group on {w.pick(SECTORS)}.",
        f'"{w.quote()}," {host} said at a joint news conference.',
        f"Officials said {w.count(3, 25)} projects worth {w.dollars()} were under discussion.",
        f"The next round of talks is expected in {MONTHS[w.published.month % 12]}.",
    ]
    return headline, lead, body


def _agreement(w: Writer) -> Draft:
    a, b = w.rng.sample(list(w.region.companies), 2)
    n = w.rng.randint(2, 14)
    value = w.money(5e7, 9e10)
    sectors = " and ".join(w.rng.sample(SECTORS, 2))
    headline = f"{a}, {b} sign {n} agreements worth {value}"
    lead = (
        f"{a} and {b} signed {n} memorandums of understanding worth {value} "
        f"{w.day_phrase()}, covering {sectors}."
    )
    capacity = w.level(w.pick(["tonnes", "mw", "units"]))
    body = [
        f"The agreements were signed in the presence of {w.speaker().rstrip(',')}, officials said.",
        f"Under the deal, {a} will build a plant with annual capacity of {capacity} in "
        f"{w.pick(w.region.provinces)}.",
        f"Construction is due to start in the {w.pick(ORDINALS)} quarter of "
        f"{w.published.year + 1} and create about {w.count(500, 12000)} jobs.",
        f"The partners said the first phase would cost {w.money(1e7, 5e9)} and be completed "
        f"within {w.rng.randint(18, 48)} months.",
        f'"{w.quote()}," {w.speaker(TITLES_BIZ)} said at the signing ceremony.',
        f"Trade between the two sides {w.move()} {w.pct()} to {w.dollars(1e8, 9e10)} {w.period()}.",
    ]
    return headline, lead, body


def _market(w: Writer) -> Draft:
    index = w.region.index
    up = w.rng.random() < 0.55
    pts = trim(w.rng.uniform(5, 900), 2)
    pct = trim(w.rng.uniform(0.1, 3.5), 2)
    level = f"{w.rng.uniform(1000, 90000):,.2f}"
    headline = (
        f"{index} {'gains' if up else 'slips'} {pct}% as {w.pick(MOVERS)} "
        f"{'rally' if up else 'weigh'}"
    )
    lead = (
        f"The {index} closed {'up' if up else 'down'} {pts} points, or {pct} percent, at "
        f"{level} {w.day_phrase()} as investors weighed {w.pick(ASSESSMENTS)}."
    )
    body = [
        f"Turnover rose to {w.money(1e8, 5e11)} from {w.money(1e8, 5e11)} in the previous "
        f"session, with {w.count(80, 900)} million shares changing hands.",
        f"Brent crude futures {w.move()} {trim(w.rng.uniform(0.1, 4), 2)}% to "
        f"${trim(w.rng.uniform(58, 95), 2)} a barrel.",
        f"Gold {w.move()} {trim(w.rng.uniform(0.1, 2), 2)}% to "
        f"${w.rng.uniform(2300, 4100):,.2f} an ounce.",
        f"The {w.pick(['dollar', 'euro', 'yen', 'rupee', 'yuan'])} {w.move()} "
        f"{trim(w.rng.uniform(0.05, 1.2), 2)}% against a basket of currencies.",
        f"Shares of {w.company()} {w.move()} {w.pct(0.5, 12)} after the company "
        f"{w.pick(SHARE_NEWS)}.",
        f'"{w.quote()}," said {w.speaker(TITLES_ECON).rstrip(",")}.',
        f"The index has {w.move()} {w.pct(1, 25)} so far this year.",
    ]
    return headline, lead, body


def _policy(w: Writer) -> Draft:
    bank = w.region.central_bank
    rate = trim(w.rng.choice([2.0, 3.25, 4.5, 5.5, 6.0, 6.5, 7.25, 11.0, 12.0]), 2)
    action = w.pick(["kept", "cut", "raised"])
    bps = w.pick(["25", "50", "75"])
    verb = {"kept": "holds", "cut": "cuts", "raised": "raises"}[action]
    headline = f"{bank.split(' (')[0]} {verb} key rate {'at' if action == 'kept' else 'to'} {rate}%"
    if action == "kept":
        lead = (
            f"{cap(the(bank))} kept its key policy rate unchanged at {rate} percent "
            f"{w.day_phrase()}."
        )
    else:
        lead = (
            f"{cap(the(bank))} {action} its key policy rate by {bps} basis points to {rate} "
            f"percent {w.day_phrase()}, its {w.pick(['first', 'second', 'third'])} such move "
            f"this year."
        )
    governor, _ = w.person(("governor of the central bank",))
    month = MONTHS[w.last_month().month - 1]
    body = [
        f"Inflation {w.move()} to {w.pct(1, 12)} in {month} from {w.pct(1, 12)} a month earlier.",
        f'"{w.quote()}," Governor {governor} told a news conference.',
        f"The bank forecast growth of {w.rng.randint(1, 4)}-{w.rng.randint(4, 7)} percent for "
        f"the fiscal year and said it expected the current account deficit to stay below "
        f"{trim(w.rng.uniform(0.5, 3))} percent of GDP.",
        f"The government separately announced {w.pick(GOVERNMENT_MEASURES)} worth "
        f"{w.money(1e8, 9e10)}.",
        f"Foreign exchange reserves stood at {w.dollars(5e9, 5e11)} at the end of {month}.",
        f"{w.count(4, 7)} of the {w.count(8, 12)} members of the monetary policy committee "
        f"voted for the decision.",
    ]
    return headline, lead, body


def _disaster(w: Writer) -> Draft:
    disaster, short = w.rng.choice(DISASTERS)
    dead, hurt = w.rng.randint(2, 80), w.rng.randint(5, 300)
    province = w.pick(w.region.provinces)
    hits = "hit" if disaster.endswith("s") else "hits"
    headline = f"{dead} dead, {hurt} injured after {disaster} {hits} {province}"
    lead = (
        f"At least {dead} people were killed and {hurt} injured after {disaster} hit "
        f"{province} {w.day_phrase()}, local authorities said."
    )
    body = [
        f"More than {w.count(1000, 90000)} people were evacuated and {w.count(200, 9000)} houses "
        f"damaged, according to {the(w.org())}.",
        f"Rescue teams with {w.count(50, 2000)} personnel and {w.count(5, 120)} vehicles were "
        f"sent to the area, officials said.",
        f"The government released {w.money(1e6, 5e9)} in emergency relief.",
        f'"{w.quote()}," {w.speaker()} said.',
        f"{cap(short)} also cut power to about {w.count(5000, 400000)} households and closed "
        f"{w.count(3, 60)} roads.",
        f"Weather forecasters said more rain was expected over the next "
        f"{w.rng.randint(2, 5)} days.",
    ]
    return headline, lead, body


def _protest(w: Writer) -> Draft:
    group, issue = w.rng.choice(PROTEST_GROUPS)
    place = w.place()
    crowd = w.count(2000, 80000)
    headline = f"Thousands of {group} rally in {place} over {issue}"
    lead = (
        f"About {crowd} {group} marched through {place} {w.day_phrase()} to protest against "
        f"{issue}, police said."
    )
    body = [
        f"Organisers put the turnout at {w.count(20000, 150000)} and said a "
        f"{w.rng.randint(24, 72)}-hour strike would follow next week.",
        f"Unions said {w.pct(10, 40)} of their members had lost income in the past year.",
        f'"{w.quote()}," {w.speaker(TITLES_GOV)} said in response.',
        f"The government has offered a {w.pct(1, 6)} increase, short of the {w.pct(8, 15)} "
        f"demanded by unions.",
        f"Police said {w.count(3, 60)} people were detained.",
    ]
    return headline, lead, body


def _legal(w: Writer) -> Draft:
    who, what = w.rng.choice(COURT_CASES)
    who = who.format(company=w.company())
    what = what.format(money=w.money(1e6, 5e9))
    place = w.place()
    years = w.rng.randint(2, 15)
    headline = f"Court in {place} rules against {who} in {what.split(' ')[0]} case"
    lead = (
        f"A court in {place} {w.day_phrase()} ruled against {who} for {what}, and imposed a "
        f"fine of {w.money(1e5, 9e8)}."
    )
    body = [
        f"The judge also handed down a sentence of {years} years in prison, prosecutors said.",
        f"The case was filed by {the(w.org())} in {w.published.year - 1}.",
        f'"{w.quote()}," {w.speaker()} said outside the court.',
        f"Lawyers for the defence said they would appeal within {w.rng.randint(10, 30)} days.",
        f"The court ordered the return of {w.money(1e5, 9e8)} to {w.count(40, 3000)} victims.",
    ]
    return headline, lead, body


def _election(w: Writer) -> Draft:
    party = w.pick(PARTIES)
    seats, total = w.rng.randint(40, 180), w.rng.choice([150, 200, 250, 300, 342])
    turnout = w.pct(38, 81)
    short_turnout = turnout.replace(" percent", "%").replace(" per cent", "%")
    headline = f"{cap(party.removeprefix('the '))} wins {seats} seats, turnout {short_turnout}"
    kind = w.pick(["parliamentary", "provincial", "local"])
    lead = (
        f"{cap(party)} won {seats} of the {total} seats in {w.weekday(1)}'s {kind} election, "
        f"with turnout at {turnout}, the election commission said {w.day_phrase()}."
    )
    body = [
        f"Its main rival took {w.rng.randint(20, 120)} seats, down from "
        f"{w.rng.randint(60, 160)} in the last vote.",
        f"About {w.count(2, 60)} million people were eligible to vote at {w.count(9000, 90000)} "
        f"polling stations.",
        f'"{w.quote()}," {w.speaker()} told supporters.',
        f"Observers said the vote was "
        f"{w.pick(['largely peaceful', 'orderly', 'marred by delays'])}.",
        f"The new assembly is due to meet within {w.rng.randint(14, 30)} days.",
    ]
    return headline, lead, body


TOPIC_WRITERS: dict[str, Callable[[Writer], Draft]] = {
    "economic_data": _economic_data,
    "corporate": _corporate,
    "meeting": _meeting,
    "agreement": _agreement,
    "market": _market,
    "policy": _policy,
    "disaster": _disaster,
    "protest": _protest,
    "legal": _legal,
    "election": _election,
}
