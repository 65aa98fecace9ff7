"""Documents -> clean articles: body, title, author, publication time, dateline, agency, chain."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import fields, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from dateutil import parser as dateparser

from transforms.identity import article_id_for, canonical_url, content_hash
from transforms.model import Article, Document
from transforms.pages import read_page
from transforms.text import (
    cut_body,
    has_complete_sentence,
    is_short_item,
    normalise_field,
    normalise_text,
)
from transforms.wire import agency_name, clean_paragraphs, parse_dateline, parse_scraped_text

EARLIEST_PUBLISHED = "1700-01-01"
MAX_FUTURE_DAYS = 2.0
MAX_BODY_CHARS = 100_000
_TAGS = re.compile(r"<[^>]+>")

# The names of the checks an article's warnings come from (`Article.warnings`).
PUBLISHED_PLAUSIBLE = "published_plausible"
BODY_CUT = "body_cut"


class Rejected(ValueError):
    """A document that cannot become an article; the message is the reason kept for it."""


def parse_published(text: str | None, local: tzinfo = UTC) -> datetime | None:
    """An ISO 8601, RFC 822 or news-style date in UTC; a naive time is read in `local`.

    None when there is no date, or when it has no UTC time (0001-01-01T00:00+14:00).
    """
    try:
        return _parse_instant(text, local)
    except OverflowError:
        return None


def _parse_instant(text: str | None, local: tzinfo) -> datetime | None:
    """`parse_published`, but an instant past either end of the calendar in UTC raises
    OverflowError, so that the caller can say why the date was set aside."""
    if not text:
        return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip()).replace("|", " ")
    try:
        value = dateparser.parse(cleaned, dayfirst=False, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=local)
    return value.astimezone(UTC)


def build_article(
    doc: Document,
    source_name: str,
    anchor_default: date,
    local: tzinfo = UTC,
    language_default: str = "en",
    *,
    earliest_published: date | str = EARLIEST_PUBLISHED,
    max_future_days: float = MAX_FUTURE_DAYS,
    min_body_words: int = 0,
    max_body_chars: int = MAX_BODY_CHARS,
    now: datetime | None = None,
) -> Article:
    """Clean a document into an article, or raise Rejected with the reason.

    Kept whole (about 90 lines): the fallbacks for each field (document, page, scraped text,
    dateline) read top to bottom in the order they apply. `local` is the time zone of the
    source's naive times (scraped pages rarely state one).
    Text fields are normalised (`transforms.text.normalise_text`) before anything reads them,
    and a body longer than `max_body_chars` is cut at a paragraph or sentence end. A document
    is an article when its body holds at least one complete sentence (and `min_body_words`
    words). A publication date before `earliest_published` or more than `max_future_days`
    after `now` is set aside for the next source of a date (the page's own, the dateline's),
    else left unknown. What was set aside or cut is in the article's `warnings`.
    """
    doc = _normalised(doc)
    warnings: list[tuple[str, str]] = []
    title, author = doc.title, doc.author
    canonical = doc.canonical_url
    publisher = doc.source
    language = doc.language
    dates: list[tuple[str, str | None]] = [("stated", doc.published)]
    if doc.html is not None and doc.body is None:
        page = read_page(doc.html, doc.url)
        if page.reason:
            raise Rejected(page.reason)
        body = page.body
        title = title or page.title
        author = author or page.author
        dates.append(("page", page.published))
        canonical = canonical or page.canonical_url
        publisher = publisher or page.site_name or doc.via
        language = language or page.language
    elif doc.raw_text is not None:
        scraped = parse_scraped_text(doc.raw_text)
        body = scraped.body
        title = title or scraped.title
        author = author or scraped.author
        dates.append(("byline", scraped.published))
    else:
        body = _TAGS.sub(" ", doc.body or "")
    given_as_text = doc.html is None and doc.raw_text is None
    # Page fields come from parsed HTML, whose entities can spell any character (&#8203;).
    body = unicodedata.normalize("NFC", "\n\n".join(clean_paragraphs(normalise_text(body))))
    canonical, publisher = normalise_field(canonical), normalise_field(publisher)
    language = normalise_field(language)
    full_length = len(body)
    body = cut_body(body, max_body_chars)
    if len(body) < full_length:
        warnings.append((BODY_CUT, f"kept {len(body)} of {full_length} characters"))
    words = len(body.split())
    if words == 0:
        raise Rejected("no article text")
    if not has_complete_sentence(body) and not (given_as_text and is_short_item(body)):
        raise Rejected(f"no complete sentence in the text ({words} words)")
    if words < min_body_words:
        raise Rejected(f"body too short ({words} words; the source asks for {min_body_words})")

    dateline = parse_dateline(body)
    if dateline.date_text and re.search(r"\d{4}", dateline.date_text):
        dates.append(("dateline", dateline.date_text))
    window = _plausible_window(earliest_published, max_future_days, now)
    published_at = _first_plausible(dates, local, window, warnings)
    chain = _source_chain(publisher, dateline.credits)
    canonical = canonical_url(canonical or doc.url)
    digest = content_hash(body)
    # A scraped page with no URL or id is identified by its content, so re-reading it is a no-op.
    key = canonical or (f"id:{doc.id}" if doc.id else f"content:{digest}")
    return Article(
        article_id=article_id_for(key),
        url=doc.url or canonical,
        canonical_url=canonical,
        source_name=source_name,
        wire_agency=dateline.agency or (agency_name(publisher) if publisher else None),
        source_chain=chain,
        title=_clean_line(title),
        author=_clean_line(author),
        dateline=dateline.place,
        published_at=published_at,
        language=language_code(language) or language_default,
        body_text=body,
        content_hash=digest,
        anchor_date=published_at.date() if published_at else anchor_default,
        origin=doc.origin or doc.url or "",
        warnings=warnings,
    )


def _normalised(doc: Document) -> Document:
    """A copy of the document with every text field normalised: DuckDB, pyarrow and the
    hashes refuse lone surrogates, and control or invisible characters spoil the analysis."""
    return replace(
        doc,
        **{
            f.name: normalise_text(value)
            for f in fields(doc)
            if isinstance(value := getattr(doc, f.name), str)
        },
    )


def _plausible_window(
    earliest: date | str, max_future_days: float, now: datetime | None
) -> tuple[datetime, datetime]:
    """The first and last instants a publication date may have."""
    if isinstance(earliest, str):
        earliest = date.fromisoformat(earliest)
    if isinstance(earliest, datetime):
        earliest = earliest.date()
    first = datetime.combine(earliest, time.min, UTC)
    now = now or datetime.now(UTC)
    try:
        last = now + timedelta(days=max_future_days)
    except OverflowError:
        last = datetime.max.replace(tzinfo=UTC)
    return first, last


def _first_plausible(
    dates: list[tuple[str, str | None]],
    local: tzinfo,
    window: tuple[datetime, datetime],
    warnings: list[tuple[str, str]],
) -> datetime | None:
    """The first of the document's dates that falls in the window; each one set aside on the
    way is noted in `warnings`."""
    first, last = window
    for origin, text in dates:
        try:
            value = _parse_instant(text, local)
        except OverflowError:
            warnings.append(
                (PUBLISHED_PLAUSIBLE, f"{origin} date {text!r} has no UTC time; set aside")
            )
            continue
        if value is None:
            continue
        if first <= value <= last:
            return value
        where = "before" if value < first else "after"
        limit = first.date() if value < first else last.isoformat(timespec="seconds")
        warnings.append(
            (
                PUBLISHED_PLAUSIBLE,
                f"{origin} date {value.isoformat()} is {where} {limit}; set aside",
            )
        )
    return None


def language_code(value: str | None) -> str | None:
    """A BCP 47 tag or a language name ("English", as GDELT gives it) -> "en"."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    if 2 <= len(primary) <= 3 and primary.isalpha():
        return primary
    import pycountry

    found = pycountry.languages.get(name=value.strip().title())
    code = getattr(found, "alpha_2", None) or getattr(found, "alpha_3", None)
    return str(code) if code else None


def _clean_line(text: str | None) -> str | None:
    if not text:
        return None
    folded = re.sub(r"\s+", " ", _TAGS.sub(" ", normalise_text(text))).strip()
    return folded or None


def _source_chain(publisher: str | None, credits: list[str]) -> list[str]:
    chain: list[str] = []
    for name in ([publisher] if publisher else []) + credits:
        if name and name.casefold() not in {c.casefold() for c in chain}:
            chain.append(name)
    return chain
