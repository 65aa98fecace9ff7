"""The metric rule cases in `tests/transforms/cases/metrics/<module>.toml`, one file per module
of `transforms/metrics/` whose question the cases ask (numbers, currency, units, quantities,
reading, subject, period, geography, attribution, extract), run through `extract_metrics`.

Each case gives a text, its publication date (default 2025-09-28), the time expressions and
entity mentions that the time and entity passes would give it (every occurrence of each text
is marked; `times = "pass"` runs the time pass itself, for rules that read its conventions),
and the metric rows expected in order; a row names only the fields it checks, and
`absent` names fields that must be empty. A case without `expect` rows expects no metric.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import allowed_values
from tests.transforms import casefiles
from transforms.metrics import extract_metrics
from transforms.model import EntityMention, Metric, TimeExpression
from transforms.timex import extract_time_expressions

HERE = Path(__file__).resolve().parent
CASES: list[dict[str, Any]] = casefiles.load_folder("metrics")
PUBLISHED = "2025-09-28"

# The unit pattern the warehouse validates metrics against; extracted units must pass it.
_SUITE = HERE.parents[2] / "expectations" / "suites" / "metrics.json"
UNIT_PATTERN = re.compile(
    next(
        e["kwargs"]["regex"]
        for e in json.loads(_SUITE.read_text())["expectations"]
        if e["type"] == "expect_column_values_to_match_regex" and e["kwargs"]["column"] == "unit"
    )
)


def _occurrences(body: str, text: str) -> list[tuple[int, int]]:
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(text), body)]
    assert found, f"{text!r} is not in the case text"
    return found


def _times(case: dict[str, Any]) -> list[TimeExpression]:
    if case.get("times") == "pass":
        published = date.fromisoformat(case.get("published", PUBLISHED))
        return extract_time_expressions(case["text"], published)
    return [
        TimeExpression(t["text"], start, end, t.get("kind", "date"), t.get("value"))
        for t in case.get("times", [])
        for start, end in _occurrences(case["text"], t["text"])
    ]


def _mentions(case: dict[str, Any]) -> list[EntityMention]:
    return [
        EntityMention(m["text"], start, end, 0, m["type"], m["canonical"], [], m.get("country"))
        for m in case.get("mentions", [])
        for start, end in _occurrences(case["text"], m["text"])
    ]


def _run(nlp: Any, case: dict[str, Any]) -> list[Metric]:
    published = date.fromisoformat(case.get("published", PUBLISHED))
    return extract_metrics(nlp(case["text"]), _times(case), published, _mentions(case))


def _field(metric: Metric, name: str) -> Any:
    value = getattr(metric, name)
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_metric_case(nlp: Any, case: dict[str, Any]) -> None:
    metrics = _run(nlp, case)
    expected = case.get("expect", [])
    assert [m.text for m in metrics] == [row["text"] for row in expected]
    for metric, row in zip(metrics, expected, strict=True):
        for name in row.get("absent", []):
            assert _field(metric, name) is None, f"{metric.text!r}: {name}"
        for name, want in row.items():
            if name == "absent":
                continue
            got = _field(metric, name)
            if isinstance(want, int | float) and not isinstance(want, bool):
                assert got == pytest.approx(want), f"{metric.text!r}: {name}"
            else:
                assert got == want, f"{metric.text!r}: {name}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_offsets_and_sentences(nlp: Any, case: dict[str, Any]) -> None:
    for metric in _run(nlp, case):
        assert case["text"][metric.start_char : metric.end_char] == metric.text
        assert metric.text in metric.sentence
        assert metric.sentence == metric.sentence.strip()
        assert metric.qualifier in allowed_values("metrics", "qualifier")
        assert metric.measure in allowed_values("metrics", "measure")
        assert metric.direction in {"up", "down", None}
        assert metric.subject and metric.subject == metric.subject.lower()
        assert UNIT_PATTERN.search(metric.unit), metric.unit
        if metric.measure == "share" and metric.unit == "percent":
            assert 0 <= metric.value <= 100
