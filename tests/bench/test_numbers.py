"""The real-news numbers scorer: how rows match gold items, and the gold files' shape."""

from __future__ import annotations

import json

import pytest

from bench import numbers
from bench.numbers import GOLD, Item, same_unit, score_document, subject_agrees, unit_class
from tests.conftest import allowed_values


def _item(start, end, value, unit, **fields):
    return Item(start, end, value, unit, fields)


def test_a_row_is_right_when_it_overlaps_with_the_same_value_and_unit():
    gold = [_item(10, 22, 1.2e9, "USD", subject="net income", measure="level")]
    right = score_document(gold, [_item(8, 22, 1.2e9, "USD", subject="net income")])
    assert (right.right, right.overlapping, right.precision, right.recall) == (1, 1, 1.0, 1.0)
    wrong = score_document(gold, [_item(10, 22, 1.2e6, "USD")])
    assert (wrong.right, wrong.overlapping) == (0, 1)
    elsewhere = score_document(gold, [_item(30, 40, 1.2e9, "USD")])
    assert (elsewhere.right, elsewhere.overlapping, elsewhere.predicted) == (0, 0, 1)


def test_each_row_matches_one_gold_item_and_errors_name_the_span():
    body = "It earned $5 million, or 10 cents a share, against $4 million."
    gold = [_item(10, 20, 5e6, "USD"), _item(25, 33, 0.1, "USD"), _item(51, 61, 4e6, "USD")]
    errors: list[str] = []
    score = score_document(
        gold, [_item(10, 20, 5e6, "USD"), _item(60, 70, 1.0, "times")], errors, body
    )
    assert score.right == 1 and score.predicted == 2
    assert any(e.startswith("missed '10 cents") for e in errors)
    assert any("'$4 million'" in e and e.startswith("wrong") for e in errors)


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("worker", "person", True),  # both counted nouns
        ("USD", "USD", True),
        ("CAD", "USD", False),
        ("percent", "percentage_point", False),
        ("L", "l", True),
        ("km", "worker", False),
        (None, "share", True),
    ],
)
def test_units_are_compared_by_class_for_counts(predicted, gold, same):
    assert same_unit(predicted, gold) is same


def test_unit_classes():
    assert [unit_class(u) for u in ("JPY", "percent", "mi", "delegate", None)] == [
        "money",
        "percent",
        "physical",
        "count",
        "count",
    ]


def test_a_subject_agrees_when_all_its_words_are_in_the_gold_subject():
    assert subject_agrees("net income", "Kestrel net income a year earlier")
    assert not subject_agrees("revenue", "Kestrel net income")
    assert not subject_agrees(None, "Kestrel net income")


def test_the_period_is_scored_only_where_the_gold_names_one():
    gold = [
        _item(0, 5, 3.0, "percent", period=None),
        _item(10, 15, 4.0, "percent", period="2025-Q3"),
    ]
    rows = [
        _item(0, 5, 3.0, "percent", period_label="2025-11-02"),
        _item(10, 15, 4.0, "percent", period_label="2025-07/2025-09"),
    ]
    score = score_document(gold, rows)
    assert score.fields_scored["period"] == 1 and score.fields_right["period"] == 1


def test_the_baseline_reads_quantities_in_this_projects_units():
    found = numbers.quantulum_items("Profit rose 12% to $1.2 billion, or 45 cents a share.")
    as_units = {(round(i.value, 4), i.unit) for i in found}
    assert {(12.0, "percent"), (1.2e9, "USD"), (0.45, "USD")} <= as_units


def test_the_gold_files_hold_ids_offsets_and_values_only():
    documents = [json.loads(line) for line in (GOLD / "documents.jsonl").open()]
    splits = {d["id"]: d["split"] for d in documents}
    assert {d["set"] for d in documents} <= set(numbers.SETS)
    assert set(splits.values()) == {"dev", "check"} and len(documents) >= 100
    allowed = {"doc", "start", "end", "value", "unit", "measure", "direction", "qualifier"}
    allowed |= {"period", "subject"}
    items = [json.loads(line) for line in (GOLD / "items.jsonl").open()]
    for item in items:
        assert set(item) == allowed, item
        assert item["doc"] in splits and 0 <= item["start"] < item["end"]
        assert item["measure"] in allowed_values("metrics", "measure")
        assert item["qualifier"] in allowed_values("metrics", "qualifier")
        assert item["direction"] in {None, "up", "down"}
    spans = [(i["doc"], i["start"], i["end"]) for i in items]
    assert len(spans) == len(set(spans)), "an item annotated twice"


def test_without_the_development_sets_nothing_is_scored(tmp_path):
    assert not numbers.present(tmp_path)
