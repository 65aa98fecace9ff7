"""Hard cases for metric subjects (and periods), run through the real spaCy pipeline.

The cases are in `cases/metric_subjects.toml`: an original wire-style text, its publication date,
and for each figure as written the subject expected for it (optionally the period label).
Subjects are compared the way analysts read them: every listed word must be in the extracted
subject, in any order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.transforms import casefiles
from transforms.entities import extract_entities
from transforms.metrics import extract_metrics
from transforms.model import Metric
from transforms.timex import extract_time_expressions

CASES: list[dict[str, Any]] = casefiles.load("metric_subjects")["case"]


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


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_subject(nlp: Any, case: dict[str, Any]) -> None:
    metrics = _run(nlp, case["text"], case["published"])
    for row in case["expect"]:
        metric = _find(metrics, row["figure"])
        missing = _words(row["subject"]) - _words(metric.subject)
        assert not missing, f"{row['figure']!r}: subject {metric.subject!r} lacks {sorted(missing)}"
        if "period" in row:
            assert metric.period_label == row["period"]
