"""Hard cases for metric subjects (and periods), run through the real spaCy pipeline.

Each row is an original wire-style text, its publication date, the figure as written, and the
subject expected for it (optionally the period label). Subjects are compared the way analysts
read them: every listed word must be in the extracted subject, in any order.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

import pytest

from transforms.entities import extract_entities
from transforms.metrics import extract_metrics
from transforms.model import Metric
from transforms.timex import extract_time_expressions


class Row(NamedTuple):
    id: str
    text: str
    published: str
    figure: str
    subject: str  # the words the subject must contain
    period: str | None = None


ROWS: list[Row] = [
    # --- the verb says what happened to the people counted -----------------------------------
    Row(
        "causative-evacuate",
        "A grass fire in southern Idaho has forced more than 3,400 people to evacuate, "
        "officials said on Sunday.",
        "2025-08-10",
        "more than 3,400 people",
        "people evacuated",
    ),
    Row(
        "causative-flee-displaced",
        "Heavy shelling spread to three more districts, forcing some 15,000 villagers to flee "
        "their homes, the regional governor said.",
        "2025-06-02",
        "some 15,000 villagers",
        "villagers displaced",
    ),
    Row(
        "fled-homes-displaced",
        "Aid agencies said about 8,200 people had fled their homes since the fighting began.",
        "2025-06-02",
        "about 8,200 people",
        "people displaced",
    ),
    Row(
        "coordinated-verbs-share-object",
        "Landslides killed or left missing 64 people across the province in the first half of "
        "the year, according to the disaster agency.",
        "2025-07-15",
        "64 people",
        "people killed or missing",
        "2025-H1",
    ),
    Row(
        "coordinated-participles",
        "More than 900 families were moved to shelters and 312 homes were damaged or destroyed.",
        "2025-09-03",
        "312 homes",
        "homes damaged or destroyed",
    ),
    Row(
        "reported-missing",
        "Two fishermen were reported missing after their boat capsized off the coast.",
        "2025-09-03",
        "Two fishermen",
        "fishermen missing",
    ),
    Row(
        "without-power",
        "The utility said about 41,000 households were without power on Tuesday evening.",
        "2025-09-03",
        "about 41,000 households",
        "households without power",
    ),
    Row(
        "phrasal-participle",
        "Divers pulled out 17 survivors from the capsized ferry overnight.",
        "2025-09-03",
        "17 survivors",
        "survivors pulled out",
    ),
    Row(
        "lost-lives",
        "The health ministry said 58 people had lost their lives in the heatwave.",
        "2025-07-20",
        "58 people",
        "people killed",
    ),
    # --- values of things done ----------------------------------------------------------------
    Row(
        "worth-passive",
        "Deals worth more than $9 billion were signed on the sidelines of the summit.",
        "2025-05-14",
        "more than $9 billion",
        "value of deals signed",
    ),
    Row(
        "worth-a-total-of",
        "The two sides signed 14 cooperation documents worth a total of 2.3 billion euros.",
        "2025-05-14",
        "2.3 billion euros",
        "value of cooperation documents signed",
    ),
    Row(
        "worth-object-of-verb",
        "The state oil firm has awarded contracts worth $740 million to upgrade two refineries.",
        "2025-05-14",
        "$740 million",
        "value of contracts awarded",
    ),
    Row(
        "causing-losses",
        "Hailstorms battered the northern plains for three days, causing losses estimated at "
        "1.2 billion rupees.",
        "2025-04-22",
        "1.2 billion rupees",
        "losses caused by hailstorms",
    ),
    # --- complements and restrictive participles that say which ones --------------------------
    Row(
        "noun-by-complement",
        "Spending by households rose 3.1 percent in the second quarter.",
        "2025-08-29",
        "3.1 percent",
        "spending by households",
        "2025-Q2",
    ),
    Row(
        "restrictive-participle-agent",
        "Water consumed by data centres jumped 27 percent last year, the regulator said.",
        "2025-03-11",
        "27 percent",
        "water consumed by data centres",
        "2024",
    ),
    # --- forecasts and the terms a figure is stated in ----------------------------------------
    Row(
        "expected-to-grow",
        "The economy is expected to grow 3.8 percent next year, the finance ministry said.",
        "2025-10-01",
        "3.8 percent",
        "economy forecast",
        "2026",
    ),
    Row(
        "expects-object-to-reach",
        "The council expects national cocoa output to reach 650,000 tonnes in the 2025/26 season.",
        "2025-10-01",
        "650,000 tonnes",
        "cocoa output forecast",
    ),
    Row(
        "annualized-real",
        "The economy contracted an annualized real 0.9 percent in the April-June quarter, "
        "government data showed on Monday.",
        "2025-08-18",
        "0.9 percent",
        "annualized real economy",
        "2025-Q2",
    ),
    Row(
        "in-nominal-terms",
        "In nominal terms, output came to 142 trillion won in the quarter.",
        "2025-08-18",
        "142 trillion won",
        "nominal output",
    ),
    # --- currencies -------------------------------------------------------------------------
    Row(
        "exchange-rate-against",
        "The rand slipped 1.2% against the dollar to 18.41 after the data.",
        "2025-08-18",
        "1.2%",
        "rand exchange rate against dollar",
    ),
]

# Whole stories: later figures read in the terms their lead set up.
STORIES: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    (
        "topic-domain",
        "NAIROBI, March 3 (Xinhua) -- Kenya's horticultural exports rose 9 percent to "
        "140 billion shillings in 2024, the agriculture ministry said on Monday.\n\n"
        "Imports fell 4 percent to 21 billion shillings over the same period.",
        "2025-03-03",
        [("21 billion shillings", "horticultural imports")],
    ),
    (
        "first-mention-fuller",
        "ANKARA, May 6 (AA) -- Turkey's current account deficit widened to $7.9 billion in "
        "March, the central bank said on Tuesday.\n\n"
        "The deficit was $4.1 billion a year earlier.",
        "2025-05-06",
        [("$4.1 billion", "current account deficit")],
    ),
    (
        "outbound-shipments",
        "SEOUL, June 1 (Yonhap) -- Outbound shipments rose 2.4 percent to $57 billion in May, "
        "the trade ministry said on Sunday.",
        "2025-06-01",
        [("$57 billion", "exports")],
    ),
]


def _run(nlp: Any, text: str, published: str) -> list[Metric]:
    doc = nlp(text)
    anchor = date.fromisoformat(published)
    return extract_metrics(
        doc, extract_time_expressions(text, anchor), anchor, extract_entities(doc)
    )


def _words(text: str) -> set[str]:
    return set(text.lower().replace("-", " ").split())


def _find(metrics: list[Metric], figure: str) -> Metric:
    found = [m for m in metrics if m.text == figure]
    assert found, f"{figure!r} not extracted; got {[m.text for m in metrics]}"
    return found[0]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_subject(nlp: Any, row: Row) -> None:
    metric = _find(_run(nlp, row.text, row.published), row.figure)
    missing = _words(row.subject) - _words(metric.subject)
    assert not missing, f"{row.figure!r}: subject {metric.subject!r} lacks {sorted(missing)}"
    if row.period is not None:
        assert metric.period_label == row.period


@pytest.mark.parametrize("story", STORIES, ids=[s[0] for s in STORIES])
def test_story_subjects(nlp: Any, story: tuple[str, str, str, list[tuple[str, str]]]) -> None:
    _, text, published, expected = story
    metrics = _run(nlp, text, published)
    for figure, subject in expected:
        metric = _find(metrics, figure)
        missing = _words(subject) - _words(metric.subject)
        assert not missing, f"{figure!r}: subject {metric.subject!r} lacks {sorted(missing)}"
