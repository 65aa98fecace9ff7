"""Quote spans over paragraphs; the quotes-and-speakers cases are in cases/quotes.toml
(test_quote_cases.py)."""

from __future__ import annotations

from transforms.quotes import find_quote_spans


def test_a_quote_over_two_paragraphs_is_one_quote():
    text = "\u201cFirst part of the remarks goes here.\n\n\u201cSecond part ends it,\u201d he said."
    ((start, end),) = find_quote_spans(text)
    assert text[start:end].startswith("First part") and text[start:end].endswith("ends it,")


def test_unbalanced_marks_do_not_swallow_the_article():
    text = "\u201cAn opening mark that never closes in this paragraph.\n\nPlain text follows here."
    assert find_quote_spans(text) == []
