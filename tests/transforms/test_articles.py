"""Documents -> clean articles, with metadata read from the page or the text itself."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import FIXTURES
from transforms.articles import Rejected, build_article, parse_published
from transforms.model import Document

TODAY = date(2025, 10, 10)


def test_scraped_text_page_gives_the_header_fields():
    doc = Document(raw_text=(FIXTURES / "scraped-desalination.txt").read_text())
    article = build_article(doc, "local", TODAY)
    assert article.title == "UAE Opens Largest Solar-Powered Desalination Plant In Region"
    assert article.author == "Sara Al Hashimi"
    assert article.published_at == datetime(2025, 10, 5, 11, 20, tzinfo=UTC)
    assert article.dateline == "RAS AL KHAIMAH"
    assert article.wire_agency == "WAM"
    assert article.source_chain == ["UrduPoint", "Pakistan Point News", "WAM"]
    assert article.body_text.startswith("RAS AL KHAIMAH, (UrduPoint")
    assert "Open Menu" not in article.body_text
    assert article.anchor_date == date(2025, 10, 5)


def test_naive_times_are_read_in_the_source_time_zone():
    doc = Document(raw_text=(FIXTURES / "scraped-desalination.txt").read_text())
    article = build_article(doc, "local", TODAY, ZoneInfo("Asia/Karachi"))
    assert article.published_at == datetime(2025, 10, 5, 6, 20, tzinfo=UTC)


def test_html_page_metadata_from_json_ld_and_canonical_link():
    doc = Document(html=(FIXTURES / "page-harbour.html").read_text(), origin="page-harbour.html")
    article = build_article(doc, "local", TODAY)
    assert article.title == "Karachi port sets monthly container record"
    assert article.author == "Hina Baloch"
    assert article.published_at == datetime(2025, 10, 4, 4, 30, tzinfo=UTC)
    assert article.canonical_url == "https://harbourtimes.example/ports/karachi-record?id=7"
    assert article.source_chain == ["Harbour Times", "APP"]
    assert article.wire_agency == "APP"
    assert article.dateline == "KARACHI"
    assert article.body_text.startswith("KARACHI, Oct 4 (APP):")
    for noise in ("Open Menu", "Share on Facebook", "Related stories", "Gwadar", "newsletter"):
        assert noise not in article.body_text


def test_same_page_gives_the_same_id_every_time():
    html = (FIXTURES / "page-harbour.html").read_text()
    first = build_article(Document(html=html), "a", TODAY)
    again = build_article(
        Document(html=html, url="https://harbourtimes.example/x?fbclid=1"), "b", TODAY
    )
    assert first.article_id == again.article_id


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        (
            Document(html="<html><body><nav>Home</nav></body></html>", url="https://a.example/1"),
            "not an article",
        ),
        (Document(body="Too short to be a story.", url="https://a.example/2"), "too short"),
        (
            Document(
                html="<html><head><title>404 - Page not found</title></head><body><p>"
                + "Sorry, the page you asked for has moved or never existed here. " * 4
                + "</p></body></html>",
                url="https://a.example/3",
            ),
            "not an article",
        ),
    ],
)
def test_non_articles_are_rejected_with_a_reason(doc, reason):
    with pytest.raises(Rejected, match=reason):
        build_article(doc, "x", TODAY)


def test_missing_publication_date_uses_the_default_anchor():
    body = "The council approved the plan on Monday after a long debate. " * 5
    article = build_article(Document(id="c-1", body=body), "x", TODAY)
    assert article.published_at is None
    assert article.anchor_date == TODAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-01T08:30:00Z", datetime(2025, 10, 1, 8, 30, tzinfo=UTC)),
        ("2025-10-01", datetime(2025, 10, 1, tzinfo=UTC)),
        ("Mon, 06 Oct 2025 08:00:00 +0400", datetime(2025, 10, 6, 4, 0, tzinfo=UTC)),
        ("28th Sep, 2025", datetime(2025, 9, 28, tzinfo=UTC)),
        ("September 28, 2025 04:15 PM", datetime(2025, 9, 28, 16, 15, tzinfo=UTC)),
        ("not a date at all", None),
        (None, None),
    ],
)
def test_parse_published(text, expected):
    assert parse_published(text) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("English", "en"),
        ("zh_Hans", "zh"),
        ("Urdu", "ur"),
        ("not a language", None),
        (None, None),
    ],
)
def test_language_codes(value, code):
    from transforms.articles import language_code

    assert language_code(value) == code
