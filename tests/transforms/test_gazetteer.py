"""The gazetteer's lookups that the metric rules use: country names and codes, demonyms,
capitals."""

from __future__ import annotations

import pytest

from transforms import gazetteer
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


@pytest.mark.parametrize(
    ("word", "demonym", "country"),
    [
        ("Kuwaiti", True, "KW"),
        ("Congolese", True, None),  # two Congos: a nationality, but no one country
        ("Emirati", True, "AE"),  # the news override
        ("Saudi", True, "SA"),
        ("Kuwait", False, "KW"),  # a country's name is not a demonym
    ],
)
def test_demonyms_come_from_countryinfo_under_the_news_overrides(word, demonym, country):
    assert gazetteer.is_demonym(word) is demonym
    assert gazetteer.country_of_nation(word) == country


def test_capitals_that_name_a_bigger_city_elsewhere_point_nowhere():
    assert gazetteer.country_of_capital("Kinshasa") == "CD"
    assert gazetteer.country_of_capital("Nairobi") == "KE"
    assert gazetteer.country_of_capital("Victoria") is None


@pytest.mark.parametrize(
    ("word", "country", "code"),
    [
        ("peso", "PH", "PHP"),
        ("peso", "MX", "MXN"),
        ("dinar", "KW", "KWD"),
        ("riyal", "SA", "SAR"),
        ("riyal", "OM", "OMR"),  # ISO writes "Rial Omani": the spelling decides
        ("shilling", "UG", "UGX"),
        ("pound", "EG", "EGP"),
        ("franc", "CH", "CHF"),
        ("peso", "JP", None),
    ],
)
def test_a_shared_currency_name_is_each_countrys_own(word, country, code):
    spellings = {"riyal": ("rial",), "rial": ("riyal",)}.get(word, ())
    assert gazetteer.national_currency(word, country, spellings) == code
