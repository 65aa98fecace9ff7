"""The event cases in tests/transforms/cases/events.toml: a text and its publication date in, the
events it must give out (the file's header says what a case holds)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.transforms import casefiles
from transforms.entities import extract_entities
from transforms.events import extract_events
from transforms.model import Event
from transforms.timex import extract_time_expressions

CASES = casefiles.load("events")["case"]


def extract(nlp, text: str, published: date, dateline: str | None = None) -> list[Event]:  # type: ignore[no-untyped-def]
    """Events of a text, from inputs built the way the pipeline builds them."""
    doc = nlp(text)
    mentions = extract_entities(doc)
    times = extract_time_expressions(text, published)
    return extract_events(doc, "test", mentions, times, published, dateline)


def _day(value: Any) -> date | None:
    return None if value == "none" else value


def _check(event: Event, want: dict[str, Any]) -> None:
    assert event.event_type == want["type"]
    if "trigger" in want:
        assert want["trigger"] in event.trigger
    if "start" in want:
        assert event.date_start == _day(want["start"])
    if "end" in want:
        assert event.date_end == _day(want["end"])
    if "precision" in want:
        assert event.date_precision == want["precision"]
    if "location" in want:
        assert event.location == want["location"]
    if "country" in want:
        assert event.country_code == want["country"]
    roles = {(p.name, p.role) for p in event.participants}
    for role in want.get("roles", []):
        assert tuple(role) in roles, f"{role} not in {sorted(roles)}"


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_event_case(nlp, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    events = extract(nlp, case["text"], case["published"], case.get("dateline"))
    got = [e.event_type for e in events]
    if case.get("exact", True):
        assert got == [w["type"] for w in case["expected"]], [
            (e.event_type, e.trigger) for e in events
        ]
    seen: dict[str, int] = {}
    for want in case["expected"]:
        # the n-th expected event of a type is the n-th event of that type (one per predicate)
        nth = seen[want["type"]] = seen.get(want["type"], -1) + 1
        matching = [e for e in events if e.event_type == want["type"]]
        assert len(matching) > nth, f"no {want['type']} number {nth + 1} in {got}"
        _check(matching[nth], want)
