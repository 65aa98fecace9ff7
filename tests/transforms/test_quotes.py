"""Quotes and their speakers: cases as data (a paragraph, the quotes and speakers it must give)."""

from __future__ import annotations

import pytest

from transforms.entities import extract_entities
from transforms.quotes import extract_quotes, find_quote_spans

CASES = [
    (
        '"We will double the fleet by 2027," said Transport Minister Leila Haddad.',
        [("We will double the fleet by 2027,", "Leila Haddad", "said")],
    ),
    (
        "Governor Tomas Brandt spoke after the vote. "
        "\u201cPrices are still too high for families to feel relief,\u201d he said.",
        [("Prices are still too high for families to feel relief,", "Tomas Brandt", "said")],
    ),
    (
        "Port chief Amina Yusuf addressed reporters on Monday.\n\n"
        "\u201cThe new berths will open next spring, and we expect traffic to climb.\n\n"
        "\u201cShipping lines have already asked for more slots,\u201d she added.",
        [(None, "Amina Yusuf", "added")],
    ),
    (
        '"Voters asked for change and we heard them," party secretary Ingrid Solberg told Reuters.',
        [("Voters asked for change and we heard them,", "Ingrid Solberg", "told")],
    ),
    (
        "Foreign Minister Carlos Mendes met his counterpart in Lisbon. "
        '"Our talks were frank and useful for both sides," the minister said.',
        [("Our talks were frank and useful for both sides,", "Carlos Mendes", "said")],
    ),
    ('The plan was called "a first step" by critics.', []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quotes_and_speakers(nlp, text, expected):
    quotes = extract_quotes(text, extract_entities(nlp(text)))
    assert len(quotes) == len(expected)
    for quote, (inside, speaker, verb) in zip(quotes, expected, strict=True):
        assert text[quote.start_char : quote.end_char] == quote.text
        if inside is not None:
            assert quote.text == inside
        assert quote.speaker_name == speaker
        assert quote.verb == verb


def test_a_quote_over_two_paragraphs_is_one_quote():
    text = "\u201cFirst part of the remarks goes here.\n\n\u201cSecond part ends it,\u201d he said."
    ((start, end),) = find_quote_spans(text)
    assert text[start:end].startswith("First part") and text[start:end].endswith("ends it,")


def test_unbalanced_marks_do_not_swallow_the_article():
    text = "\u201cAn opening mark that never closes in this paragraph.\n\nPlain text follows here."
    assert find_quote_spans(text) == []
