"""The event types: the fixed vocabulary an event row is typed from, with their definitions."""

from __future__ import annotations

EVENT_TYPES = (
    "STATEMENT",
    "MEETING",
    "AGREEMENT",
    "POLICY",
    "ECONOMIC_DATA",
    "CORPORATE",
    "MARKET",
    "LEGAL",
    "CONFLICT",
    "PROTEST",
    "DISASTER",
    "ELECTION",
    "OTHER",
)

EVENT_TYPE_DEFINITIONS: dict[str, str] = {
    "STATEMENT": "An official or organisation says, announces, warns or calls for something, "
    "and no more specific event is reported.",
    "MEETING": "Meetings, visits, talks, conferences, summits, forums, exhibitions: opening, "
    "hosting, attending.",
    "AGREEMENT": "Deals, MoUs, treaties, contracts signed or agreed between parties.",
    "POLICY": "A government, regulator or central bank decision: regulation, law, ban, tariff, "
    "budget measure, rate decision, approval.",
    "ECONOMIC_DATA": "Release of official statistics: GDP, inflation, trade, output, sales "
    "figures.",
    "CORPORATE": "A company's earnings, investment, acquisition, appointment, launch, orders.",
    "MARKET": "Market moves and prices: index closes, currencies, commodity prices.",
    "LEGAL": "Court rulings, arrests, charges, lawsuits, sentences.",
    "CONFLICT": "Clashes, attacks, armed forces striking or deployed, ceasefires, casualties.",
    "PROTEST": "Demonstrations, rallies, workers' strikes.",
    "DISASTER": "Floods, quakes, storms, fires, accidents and their tolls.",
    "ELECTION": "Votes, results, campaigns, turnout.",
    "OTHER": "Something happened that none of the types above covers: evacuations, rescues, "
    "disruptions.",
}

# The types as names for the rules.
_STATEMENT = "STATEMENT"
_TOLL = "TOLL"  # working type: dead and injured, counted for the story's disaster or fighting
_MEETING = "MEETING"
_AGREEMENT = "AGREEMENT"
_POLICY = "POLICY"
_DATA = "ECONOMIC_DATA"
_CORPORATE = "CORPORATE"
_MARKET = "MARKET"
_LEGAL = "LEGAL"
_CONFLICT = "CONFLICT"
_PROTEST = "PROTEST"
_DISASTER = "DISASTER"
_ELECTION = "ELECTION"
_OTHER = "OTHER"
