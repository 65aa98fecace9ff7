"""The entity cases in tests/transforms/cases/entities.toml: a text in, the acronyms it defines
or the entities it must give out (the file's header says what a case holds)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.transforms import casefiles
from transforms.entities import extract_entities, find_acronyms

CASES = casefiles.load("entities")
ACRONYMS = CASES["acronyms"]
ENTITIES = CASES["case"]


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in ACRONYMS + ENTITIES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", ACRONYMS, ids=[c["id"] for c in ACRONYMS])
def test_acronym_case(case: dict[str, Any]) -> None:
    expected = {acr: (long, is_name) for acr, (long, is_name) in case["expected"].items()}
    assert find_acronyms(case["text"]) == expected


@pytest.mark.parametrize("case", ENTITIES, ids=[c["id"] for c in ENTITIES])
def test_entity_case(nlp, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    text = case["text"]
    found: dict[str, tuple[str, str | None]] = {}
    for m in extract_entities(nlp(text)):
        assert text[m.start_char : m.end_char] == m.text
        found.setdefault(m.canonical, (m.entity_type, m.country_code))
    for want in case["entity"]:
        assert want["name"] in found, sorted(found)
        entity_type, country = found[want["name"]]
        if "type" in want:
            assert entity_type == want["type"]
        if "country" in want:
            assert country == want["country"]
