"""The title cases in tests/transforms/cases/titles.toml: a text in, the title and affiliation
each person must have (the file's header says what a case holds)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from transforms.entities import extract_entities

CASES = tomllib.loads(
    (Path(__file__).parent / "cases" / "titles.toml").read_text(encoding="utf-8")
)["case"]


def _value(value: str) -> str | None:
    return None if value == "none" else value


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_title_case(nlp, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    text = case["text"]
    mentions = extract_entities(nlp(text))
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.text
    people = [m for m in mentions if m.entity_type == "PERSON"]
    by_name: dict[str, tuple[str | None, str | None]] = {}
    for m in people:
        by_name.setdefault(m.canonical, (m.title, m.affiliation))
    for want in case["person"]:
        assert want["name"] in by_name, sorted(by_name)
        title, affiliation = by_name[want["name"]]
        if "title" in want:
            assert title == _value(want["title"])
        if "affiliation" in want:
            assert affiliation == _value(want["affiliation"])
