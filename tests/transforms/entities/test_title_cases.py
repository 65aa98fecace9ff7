"""The title cases in tests/transforms/cases/titles.toml: a text in, the title and affiliation
each person must have (the file's header says what a case holds)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.transforms import casefiles
from transforms.entities import extract_entities

CASES = casefiles.load("titles")["case"]


@pytest.mark.parametrize("case", CASES, ids=casefiles.ids_of(CASES))
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
            assert title == casefiles.optional(want["title"])
        if "affiliation" in want:
            assert affiliation == casefiles.optional(want["affiliation"])
