"""Documents -> clean articles: body, title, author, publication time, dateline, agency, chain."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, tzinfo

from dateutil import parser as dateparser

from transforms.identity import article_id_for, canonical_url, content_hash
from transforms.model import Article, Document
from transforms.pages import read_page
from transforms.wire import agency_name, clean_paragraphs, parse_dateline, parse_scraped_text

MIN_BODY_WORDS = 25
_TAGS = re.compile(r"<[^>]+>")


class Rejected(ValueError):
    """A document that cannot become an article; the message is the reason kept for it."""


def parse_published(text: str | None, local: tzinfo = UTC) -> datetime | None:
    """An ISO 8601, RFC 822 or news-style date in UTC; a naive time is read in `local`."""
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
) -> Article:
    """Clean a document into an article, or raise Rejected with the reason.

    `local` is the time zone of the source's naive times (scraped pages rarely state one).
    """
    title, author, published = doc.title, doc.author, doc.published
    canonical = doc.canonical_url
    publisher = doc.source
    language = doc.language
    if doc.html is not None and doc.body is None:
        page = read_page(doc.html, doc.url)
        if page.reason:
            raise Rejected(page.reason)
        body = page.body
        title = title or page.title
        author = author or page.author
        published = published or page.published
        canonical = canonical or page.canonical_url
        publisher = publisher or page.site_name or doc.via
        language = language or page.language
    elif doc.raw_text is not None:
        scraped = parse_scraped_text(doc.raw_text)
        body = scraped.body
        title = title or scraped.title
        author = author or scraped.author
        published = published or scraped.published
    else:
        body = _TAGS.sub(" ", doc.body or "")
    body = unicodedata.normalize("NFC", "\n\n".join(clean_paragraphs(body)))
    if len(body.split()) < MIN_BODY_WORDS:
        raise Rejected(f"body too short ({len(body.split())} words)")

    dateline = parse_dateline(body)
    published_at = parse_published(published, local)
    if published_at is None and dateline.date_text and re.search(r"\d{4}", dateline.date_text):
        published_at = parse_published(dateline.date_text, local)
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
    )


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
    folded = re.sub(r"\s+", " ", _TAGS.sub(" ", text)).strip()
    return folded or None


def _source_chain(publisher: str | None, credits: list[str]) -> list[str]:
    chain: list[str] = []
    for name in ([publisher] if publisher else []) + credits:
        if name and name.casefold() not in {c.casefold() for c in chain}:
            chain.append(name)
    return chain
