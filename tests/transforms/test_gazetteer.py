"""The gazetteer's lookups that the metric rules use: country names and codes, demonyms,
capitals."""

from __future__ import annotations

import pytest

from transforms.gazetteer import country_lookup, country_of_capital, country_of_demonym


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("the UAE", "AE"),
        ("U.S.A.", "US"),
        ("Korea", "KR"),
        ("Germany", "DE"),
        ("DEU", "DE"),
        ("Narnia", None),
    ],
)
def test_country_lookup_reads_news_names_then_iso_names_and_codes(name, code):
    assert country_lookup(name) == code


def test_demonyms_and_capitals():
    assert country_of_demonym("Chinese") == "CN"
    assert country_of_demonym("Martian") is None
    assert country_of_capital("ISLAMABAD") == "PK"
    assert country_of_capital("Karachi") is None
