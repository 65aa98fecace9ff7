"""The time-expression cases kept as data (tests/transforms/cases/timex.toml), one runner for
each kind of case: a sentence and its publication date in, the expressions it gives out."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import pytest

from tests.transforms import casefiles
from transforms.timex import extract_time_expressions

CASES: dict[str, list[dict[str, Any]]] = casefiles.load("timex")
SUN = date(2025, 9, 28)  # the publication date of the [[kind]] cases


def _found(sentence: str, published: date, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The expressions found, as the rows give them: with its range where the row has one."""
    found = extract_time_expressions(sentence, published)
    return [
        (t.text, t.value, (t.range_start, t.range_end)) if "range" in row else (t.text, t.value)
        for t, row in zip(found, rows + [{}] * len(found), strict=False)
    ]


def _expected(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for row in rows:
        want: tuple[Any, ...] = (row["text"], row.get("value"))
        if "range" in row:
            want += (tuple(row["range"]) or (None, None),)
        out.append(want)
    return out


@pytest.mark.parametrize("case", CASES["case"], ids=[c["sentence"][:60] for c in CASES["case"]])
def test_extracts_and_resolves(case: dict[str, Any]) -> None:
    rows = case["rows"]
    assert _found(case["sentence"], case["published"], rows) == _expected(rows)


@pytest.mark.parametrize("case", CASES["fiscal"], ids=[c["sentence"][:50] for c in CASES["fiscal"]])
def test_fiscal_periods_follow_the_country_calendar(case: dict[str, Any]) -> None:
    rows = case["rows"]
    assert _found(case["sentence"], case["published"], rows) == _expected(rows)


@pytest.mark.parametrize("case", CASES["kind"], ids=[c["text"] for c in CASES["kind"]])
def test_kinds(case: dict[str, Any]) -> None:
    by_text = {t.text: t for t in extract_time_expressions(case["sentence"], SUN)}
    assert by_text[case["text"]].kind == case["kind"]


ARTICLE = (
    " ".join(c["sentence"] for c in CASES["case"])
    + "\n\n"
    + "\n".join(c["sentence"] for c in CASES["case"][::-1])
)


def test_offsets_sorted_and_non_overlapping() -> None:
    found = extract_time_expressions(ARTICLE, SUN)
    assert len(found) > 100
    for t in found:
        assert ARTICLE[t.start_char : t.end_char] == t.text
        assert t.text == t.text.strip()
        assert t.kind in {"date", "time", "duration", "set"}
        if t.value is None or t.kind == "set":
            assert t.range_start is None and t.range_end is None
        if t.kind == "duration" and t.range_start is not None:
            # "the first eight months": only whole months placed in the calendar have days
            assert re.fullmatch(r"P(\d+M|1Y)", t.value or "")
            assert t.range_start.day == 1
        if t.range_start is not None:
            assert t.range_end is not None and t.range_start <= t.range_end
    for a, b in itertools.pairwise(found):
        assert a.end_char <= b.start_char
