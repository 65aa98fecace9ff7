"""The quote cases in tests/transforms/cases/quotes.toml: a paragraph in, the quotes and speakers
it must give (the file's header says what a case holds)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.transforms import casefiles
from transforms.entities import extract_entities
from transforms.quotes import extract_quotes

CASES = casefiles.load("quotes")["case"]


@pytest.mark.parametrize("case", CASES, ids=casefiles.ids_of(CASES))
def test_quote_case(nlp, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    text = case["text"]
    doc = nlp(text)
    quotes = extract_quotes(text, extract_entities(doc), doc)
    assert len(quotes) == len(case["quote"])
    for quote, want in zip(quotes, case["quote"], strict=True):
        assert text[quote.start_char : quote.end_char] == quote.text
        if "text" in want:
            assert quote.text == want["text"]
        assert quote.speaker_name == casefiles.optional(want["speaker"])
        assert quote.verb == casefiles.optional(want["verb"])
        assert quote.kind == want.get("kind", "direct")
        if "rule" in want:
            assert quote.speaker_rule == casefiles.optional(want["rule"])
