"""The metric extractor's behaviour beyond the rule cases (those are in cases/metrics/, one file
per module, run by test_metric_cases.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from transforms.metrics import extract_metrics


def test_mentions_fall_back_to_spacy_entities(nlp: Any) -> None:
    text = "Pakistan's trade deficit narrowed to $2.1 billion, according to the central bank."
    metrics = extract_metrics(nlp(text), [], date(2025, 8, 1), [])
    assert [(m.text, m.unit, m.geography) for m in metrics] == [("$2.1 billion", "USD", "PK")]
    assert metrics[0].period_label == "2025-08-01"
