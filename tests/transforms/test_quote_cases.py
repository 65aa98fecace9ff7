"""The quote cases in tests/transforms/cases/quotes.toml: a paragraph in, the quotes and speakers
it must give (the file's header says what a case holds)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from transforms.entities import extract_entities
from transforms.quotes import extract_quotes

CASES = tomllib.loads(
    (Path(__file__).parent / "cases" / "quotes.toml").read_text(encoding="utf-8")
)["case"]


def _value(value: str) -> str | None:
    return None if value == "none" else value


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_quote_case(nlp, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    text = case["text"]
    quotes = extract_quotes(text, extract_entities(nlp(text)))
    assert len(quotes) == len(case["quote"])
    for quote, want in zip(quotes, case["quote"], strict=True):
        assert text[quote.start_char : quote.end_char] == quote.text
        if "text" in want:
            assert quote.text == want["text"]
        assert quote.speaker_name == _value(want["speaker"])
        assert quote.verb == _value(want["verb"])
