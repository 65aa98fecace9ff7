"""Fetched or stored bytes -> documents: feeds, HTML pages, JSON, JSONL and scraped text.

Pure: no network, no files. A malformed payload yields what can be read plus warnings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from transforms.model import Document

FEED_SUFFIXES = (".rss", ".xml", ".atom")
KNOWN_SUFFIXES = (*FEED_SUFFIXES, ".json", ".jsonl", ".html", ".htm", ".txt")
_LIST_KEYS = ("articles", "items", "results", "data", "entries")
_FULL_TEXT_WORDS = 80  # a feed entry with at least this many words carries the story itself


class DocumentError(ValueError):
    """The payload cannot be read as any document at all."""


@dataclass(slots=True)
class Parsed:
    """Documents read from one payload; `links` are entries still to fetch (feed items)."""

    documents: list[Document] = field(default_factory=list)
    links: list[Document] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    warnings: list[str] = field(default_factory=list)
    feed_title: str | None = None


def decode(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: a BOM, then the declared charset, then UTF-8, then Windows-1252."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_kind(name: str, data: bytes, content_type: str | None = None) -> str:
    """feed, html, json, jsonl or text, from the name, the content type and the first bytes."""
    lower = name.lower().split("?")[0]
    if lower.endswith(".gz"):
        lower = lower[:-3]
    ctype = (content_type or "").lower()
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lower.endswith(".jsonl") or "ndjson" in ctype or "jsonl" in ctype:
        return "jsonl"
    if lower.endswith(".json") or "json" in ctype:
        if b'"version"' in head and b"jsonfeed" in head:
            return "feed"
        return "json"
    if lower.endswith(FEED_SUFFIXES) or any(t in ctype for t in ("rss", "atom", "xml")):
        return "feed"
    if lower.endswith((".html", ".htm")) or "html" in ctype:
        return "html"
    if lower.endswith(".txt") or "text/plain" in ctype:
        return "text"
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


def parse_payload(
    data: bytes, name: str, content_type: str | None = None, charset: str | None = None
) -> Parsed:
    """Read one payload of any contract format."""
    kind = sniff_kind(name, data, content_type)
    if not data.strip():
        raise DocumentError("empty document")
    if kind == "feed":
        return parse_feed(data, name)
    text = decode(data, charset)
    if kind == "html":
        return Parsed(documents=[Document(html=text, url=_url_or_none(name), origin=name)])
    if kind == "json":
        return parse_json(text, name)
    if kind == "jsonl":
        return parse_jsonl(text, name)
    return Parsed(documents=[Document(raw_text=text, origin=name)])


def _url_or_none(name: str) -> str | None:
    return name if name.startswith(("http://", "https://")) else None


def parse_feed(data: bytes, name: str) -> Parsed:
    """RSS 0.9x/1.0/2.0, Atom or JSON Feed; entries with full text become documents."""
    import feedparser  # a slow import, only needed for feeds

    if _has_entity_declarations(data):
        raise DocumentError("feed declares XML entities (possible entity-expansion attack)")
    if data.lstrip()[:1] == b"{":
        return _parse_json_feed(data, name)
    feed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    parsed = Parsed(feed_title=publisher_of_feed(feed.feed.get("title")))
    if feed.bozo:
        reason = str(feed.get("bozo_exception", "malformed")).splitlines()[0]
        if not feed.entries:
            raise DocumentError(f"malformed feed: {reason}")
        parsed.warnings.append(f"malformed feed, read {len(feed.entries)} entries: {reason}")
    for index, entry in enumerate(feed.entries):
        content = ""
        if entry.get("content"):
            content = " ".join(c.get("value", "") for c in entry["content"])
        summary = entry.get("summary", "") or ""
        body_html = content or summary
        doc = Document(
            url=entry.get("link"),
            id=entry.get("id"),
            title=entry.get("title"),
            author=entry.get("author"),
            source=parsed.feed_title,
            published=entry.get("published") or entry.get("updated"),
            origin=f"{name}#{index}",
        )
        if _word_count(body_html) >= _FULL_TEXT_WORDS:
            doc.html = body_html
            parsed.documents.append(doc)
        elif doc.url:
            parsed.links.append(doc)
        else:
            parsed.rejected.append(
                (f"{name}#{index}", "feed entry has neither full text nor a link")
            )
    return parsed


def publisher_of_feed(title: str | None) -> str | None:
    """The publisher part of a feed title: "The Ledger - Business" -> "The Ledger"."""
    if not title:
        return None
    return re.split(r"\s+[-|–—:]\s+", title.strip(), maxsplit=1)[0] or None


def _has_entity_declarations(data: bytes) -> bool:
    head = data[:65536]
    return b"<!DOCTYPE" in head and b"<!ENTITY" in head


def _parse_json_feed(data: bytes, name: str) -> Parsed:
    try:
        feed = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise DocumentError(f"malformed JSON feed: {exc}") from exc
    parsed = Parsed(feed_title=publisher_of_feed(feed.get("title")))
    for index, item in enumerate(feed.get("items", [])):
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        doc = Document(
            url=item.get("url") or item.get("external_url"),
            id=item.get("id"),
            title=item.get("title"),
            author=authors[0].get("name") if authors else None,
            source=parsed.feed_title,
            published=item.get("date_published"),
            origin=f"{name}#{index}",
        )
        if item.get("content_text") and _word_count(item["content_text"]) >= _FULL_TEXT_WORDS:
            doc.body = item["content_text"]
            parsed.documents.append(doc)
        elif item.get("content_html") and _word_count(item["content_html"]) >= _FULL_TEXT_WORDS:
            doc.html = item["content_html"]
            parsed.documents.append(doc)
        elif doc.url:
            parsed.links.append(doc)
    return parsed


def _word_count(html_or_text: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html_or_text).split())


def parse_json(text: str, name: str) -> Parsed:
    """One article object, a list of them, or an API response holding a list."""
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"malformed JSON: {exc}") from exc
    if isinstance(payload, dict) and payload.get("status") == "error":
        raise DocumentError(f"news API error: {payload.get('message') or payload.get('code')}")
    items: list[Any]
    if isinstance(payload, list):
        items = payload
    elif isinstance(payload, dict):
        key = next((k for k in _LIST_KEYS if isinstance(payload.get(k), list)), None)
        items = payload[key] if key else [payload]
    else:
        raise DocumentError("JSON is neither an object nor a list")
    parsed = Parsed()
    for index, item in enumerate(items):
        _add_article_object(parsed, item, f"{name}#{index}")
    return parsed


def parse_jsonl(text: str, name: str) -> Parsed:
    """One article object a line; a broken line is a warning, the rest still loads."""
    parsed = Parsed()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            parsed.rejected.append((f"{name}:{number}", f"malformed JSON ({exc.msg})"))
            continue
        _add_article_object(parsed, item, f"{name}:{number}")
    return parsed


def _add_article_object(parsed: Parsed, item: Any, origin: str) -> None:
    if not isinstance(item, dict):
        parsed.rejected.append((origin, "not an article object"))
        return
    doc = article_from_object(item, origin)
    if doc.url is None and doc.id is None:
        parsed.rejected.append((origin, "article has neither url nor id"))
        return
    if doc.body or doc.html:
        parsed.documents.append(doc)
    elif doc.url:
        parsed.links.append(doc)


def article_from_object(item: dict[str, Any], origin: str) -> Document:
    """Map the contract's article object, NewsAPI and GDELT artlist fields onto a Document."""
    source = item.get("source")
    if isinstance(source, dict):
        source = source.get("name")
    body = item.get("body") or item.get("content") or item.get("text")
    published = item.get("published") or item.get("publishedAt") or item.get("seendate")
    return Document(
        url=_str_or_none(item.get("url")),
        id=_str_or_none(item.get("id")),
        title=_str_or_none(item.get("title")),
        author=_str_or_none(item.get("author")),
        source=_str_or_none(source or item.get("domain")),
        published=_str_or_none(published),
        body=_str_or_none(body),
        html=_str_or_none(item.get("html")),
        language=_str_or_none(item.get("language")),
        origin=origin,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
