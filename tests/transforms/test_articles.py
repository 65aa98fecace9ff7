"""Documents -> clean articles, with metadata read from the page or the text itself."""

from __future__ import annotations

import json
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
        (
            Document(
                body="We use cookies to give you the best experience on our site and to count "
                "our visitors\n\nAccept all",
                url="https://a.example/2",
            ),
            "no complete sentence",
        ),
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


# --------------------------------------------------------------------------- plausible dates

NOW = datetime(2025, 10, 10, 12, 0, tzinfo=UTC)
STORY = (
    "The harbour board said on Monday that container traffic rose 4 percent last year, and "
    "that the new quay would open next week."
)


def dated(published, body=STORY, **fields):
    return Document(id="d-1", body=body, published=published, **fields)


def build(doc, **limits):
    return build_article(doc, "x", TODAY, now=NOW, **limits)


@pytest.mark.parametrize(
    "published",
    [
        "0001-01-01",
        "0001-01-01T00:00:00+14:00",  # no UTC time at all: before the calendar begins
        "9999-12-31",
        "9999-12-31T23:00:00-12:00",  # after the calendar ends, in UTC
        "2300-05-05T10:00:00Z",
        "1699-12-31T23:59:59Z",
        "2025-10-12T12:00:01Z",  # just over two days ahead
    ],
)
def test_an_implausible_publication_date_is_unknown_with_a_warning(published):
    article = build(dated(published))
    assert article.published_at is None
    assert article.anchor_date == TODAY
    assert [check for check, _ in article.warnings] == ["published_plausible"]
    assert "set aside" in article.warnings[0][1]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("1700-01-01", datetime(1700, 1, 1, tzinfo=UTC)),
        ("1989-04-28", datetime(1989, 4, 28, tzinfo=UTC)),
        ("2025-10-12T11:59:00Z", datetime(2025, 10, 12, 11, 59, tzinfo=UTC)),
        ("2025-10-11T01:00:00+14:00", datetime(2025, 10, 10, 11, 0, tzinfo=UTC)),
        ("2025-10-10T20:00:00-12:00", datetime(2025, 10, 11, 8, 0, tzinfo=UTC)),
    ],
)
def test_plausible_dates_in_far_time_zones_are_kept(published, expected):
    article = build(dated(published))
    assert article.published_at == expected
    assert article.anchor_date == expected.date()
    assert article.warnings == []


def test_the_window_is_a_parameter():
    assert build(dated("1989-04-28"), earliest_published="1990-01-01").published_at is None
    assert build(dated("1650-06-01"), earliest_published=date(1600, 1, 1)).published_at == (
        datetime(1650, 6, 1, tzinfo=UTC)
    )
    ahead = dated("2025-10-20")
    assert build(ahead).published_at is None
    assert build(ahead, max_future_days=30).published_at == datetime(2025, 10, 20, tzinfo=UTC)


def test_an_implausible_date_falls_back_to_the_dateline():
    body = "OSLO, Oct. 3, 2025 (NTB) -- " + STORY
    article = build(dated("9999-12-31", body=body))
    assert article.published_at == datetime(2025, 10, 3, tzinfo=UTC)
    assert article.anchor_date == date(2025, 10, 3)
    assert len(article.warnings) == 1


def test_an_implausible_feed_date_falls_back_to_the_page_date():
    html = (FIXTURES / "page-harbour.html").read_text()
    article = build(Document(html=html, published="0001-01-01T00:00:00Z"))
    assert article.published_at == datetime(2025, 10, 4, 4, 30, tzinfo=UTC)
    assert [check for check, _ in article.warnings] == ["published_plausible"]


def test_parse_published_gives_none_for_a_time_outside_the_calendar_in_utc():
    assert parse_published("0001-01-01T00:00:00+14:00") is None
    assert parse_published("9999-12-31T23:00:00-12:00") is None


# --------------------------------------------------------------------------- short items

FLASH = (
    "BEIJING, Dec 1 (Xinhua) -- China's factory output grew 2.1 percent in November, the "
    "statistics bureau said."
)


def test_a_one_sentence_flash_is_an_article():
    article = build(Document(id="flash", body=FLASH))
    assert article.body_text == FLASH
    assert article.wire_agency == "Xinhua"
    assert article.dateline == "BEIJING"


def test_a_source_may_ask_for_more_words():
    doc = Document(id="flash", body=FLASH)
    assert build(doc, min_body_words=17).body_text == FLASH
    with pytest.raises(Rejected, match=r"body too short \(17 words; the source asks for 25\)"):
        build(doc, min_body_words=25)


@pytest.mark.parametrize(
    "body",
    [
        "Click here",
        "Menu Home About Contact",
        "Subscribe now",
        "We use cookies to make this site work and to see how visitors use it",
        "Home | World | Business | Sport | Opinion",
    ],
)
def test_text_without_a_complete_sentence_is_not_an_article(body):
    with pytest.raises(Rejected, match=r"no complete sentence|no article text"):
        build(Document(id="nav", body=body))


# --------------------------------------------------------------------------- body cut


def test_a_long_body_is_cut_at_a_paragraph_end_with_a_warning():
    paragraph = "The committee heard from farmers about the drought and its cost. " * 20
    body = "\n\n".join([paragraph.strip()] * 10)
    article = build(Document(id="long", body=body), max_body_chars=5_000)
    assert len(article.body_text) <= 5_000
    assert body.startswith(article.body_text)
    assert article.body_text.endswith("its cost.")
    assert article.warnings == [
        ("body_cut", f"kept {len(article.body_text)} of {len(body)} characters")
    ]


def test_a_body_within_the_limit_is_kept_whole():
    article = build(Document(id="s", body=STORY), max_body_chars=len(STORY))
    assert article.body_text == STORY
    assert article.warnings == []


# --------------------------------------------------------------------------- text hygiene


def test_bodies_titles_and_authors_are_normalised():
    raw = json.loads(
        '{"url": "https://news.example/a\\ud800", "title": "Port\\u00a0news\\u200b\\ud800",'
        ' "author": "\\u202eAnna\\u202c Berg\\u0000", "body": "The\\u00a0port\\u200b said'
        " \\u200eon\\u200f Monday\\u0000 that.\\r\\n\\r\\nTraffic\\u3000rose 4 percent, a"
        ' record\\ud800. Ships\\u2009waited\\u0007 two days.\\ufeff"}'
    )
    article = build(Document(**raw))
    assert article.body_text == (
        "The port said on Monday that.\n\nTraffic rose 4 percent, a record\ufffd. Ships waited "
        "two days."
    )
    assert article.title == "Port news\ufffd"
    assert article.author == "Anna Berg"
    for value in (article.url, article.canonical_url, article.title, article.body_text):
        assert value is not None
        value.encode("utf-8")


def test_a_one_paragraph_news_page_is_an_article():
    html = (
        "<html><head><title>Dairy prices rise</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/world'>World</a></nav><article><h1>Dairy prices rise</h1><p>WELLINGTON, Nov 4 "
        "(Xinhua) -- New Zealand dairy prices rose 1.8 percent at the latest global auction, "
        "the exchange said on Tuesday.</p></article></body></html>"
    )
    article = build(Document(html=html, url="https://news.example/dairy"))
    assert article.body_text.startswith("WELLINGTON, Nov 4 (Xinhua) -- New Zealand dairy")
    assert article.wire_agency == "Xinhua"


def test_a_page_of_links_is_still_not_an_article():
    html = (
        "<html><head><title>Sections</title></head><body><ul>"
        + "".join(
            f"<li><a href='/{w}'>{w.title()} News</a></li>" for w in "world business sport".split()
        )
        + "</ul><p>Subscribe now</p></body></html>"
    )
    with pytest.raises(Rejected, match=r"not an article page|no article text"):
        build(Document(html=html, url="https://news.example/sections"))


@pytest.mark.parametrize(
    "body",
    [
        "Unemployment in Veldmark fell to 4.1%",
        "Three cargo ships ran aground off Port Alwin",
        "Kestrel Bank shares rose 19 cents to $12.50",
    ],
)
def test_a_one_line_item_given_as_text_is_an_article_without_its_full_stop(body):
    article = build(Document(id="flash", body=body))
    assert article.body_text == body


def test_a_pages_one_line_leftover_still_needs_a_sentence():
    page = "<html><body><article><p>Kestrel Bank shares rose 19 cents</p></article></body></html>"
    with pytest.raises(Rejected):
        build(Document(html=page, url="https://a.example/flash"))
