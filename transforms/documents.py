"""Fetched or stored bytes -> documents: feeds, HTML pages, JSON, JSONL and scraped text.

Pure: no network, no files. A malformed payload yields what can be read plus warnings.
"""

from __future__ import annotations

import codecs
import contextlib
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
    """Text from bytes, read right even when the declared charset is wrong.

    A BOM decides. Bytes that are valid UTF-8 are UTF-8, whatever was declared (a page that says
    Latin-1 but is UTF-8 is common; the reverse cannot be valid UTF-8). Otherwise the declared
    charset (the HTTP header), then the document's own (`<meta charset>`, http-equiv,
    `<?xml encoding?>`), if the bytes decode under it; then detection.
    """
    bom = _bom_codec(data)
    if bom is not None:
        codec, size = bom
        return data[size:].decode(codec, errors="replace")
    return _decode_as(data, detect_charset(data, declared))


def detect_charset(data: bytes, declared: str | None = None) -> str:
    """The Python codec to read BOM-less bytes with (see `decode`)."""
    if data.isascii() and b"\x1b" not in data:  # ESC: a 7-bit ISO-2022 text
        return "utf-8"
    if _is_utf8(data):
        return "utf-8"
    for label in (declared, _declared_in_document(data)):
        codec = _codec(label)
        if codec is not None and _decodes(data, codec):
            return codec
    return _guess_charset(data)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# How browsers (WHATWG) read these labels: a page labelled ISO-8859-1 is really Windows-1252,
# GB2312 really GB18030, and so on.
_CHARSET_ALIASES = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    "utf8mb4": "utf-8",
    "utf8mb3": "utf-8",
}
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:()+-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:+-]+)["']""")
# Languages written in Latin letters whose single-byte code pages are not Windows-1252.
_NOT_WESTERN = {
    "Czech", "Croatian", "Estonian", "Hungarian", "Latvian", "Lithuanian", "Polish",
    "Romanian", "Serbian", "Slovak", "Slovene", "Turkish", "Vietnamese",
}  # fmt: skip
_WESTERN_MESS = 0.1  # charset_normalizer's mess ratio below which Windows-1252 reads fine


def _bom_codec(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A body cut short mid-character is still UTF-8, if what precedes shows it is.
        cut_short = exc.reason == "unexpected end of data" and exc.end == len(data)
        return cut_short and not data[: exc.start].isascii()
    return True


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    try:
        name = _CHARSET_ALIASES.get(label) or codecs.lookup(label).name
    except LookupError:
        return None
    return _CHARSET_ALIASES.get(name, name)


def _decodes(data: bytes, codec: str) -> bool:
    if codec.startswith(("utf-16", "utf-32")) and b"\x00" not in data:
        return False  # an ASCII-looking page cannot be UTF-16, whatever its <meta> says
    if codec == "cp1252":
        return True  # its five unassigned bytes are read as Latin-1
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _declared_in_document(data: bytes) -> str | None:
    head = data[:8192]
    match = _XML_ENCODING.match(head.lstrip()) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _guess_charset(data: bytes) -> str:
    """Detection, leaning to Windows-1252 (what undeclared non-UTF-8 news pages mostly are)."""
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    best = from_bytes(data).best()
    if best is None:
        return "cp1252"
    if best.language in _NOT_WESTERN:
        return str(best.encoding)
    if mess_ratio(_decode_as(data, "cp1252"), 1.0) <= _WESTERN_MESS:
        return "cp1252"
    return str(best.encoding)


def _decode_as(data: bytes, codec: str) -> str:
    if codec != "cp1252":
        return data.decode(codec, errors="replace")
    text = data.decode("cp1252", errors="surrogateescape")
    # Bytes Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as Latin-1.
    return re.sub("[\udc80-\udcff]", lambda m: chr(ord(m.group()) - 0xDC00), text)


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
    if lower.endswith(FEED_SUFFIXES) or (
        any(t in ctype for t in ("rss", "atom", "xml")) and "html" not in ctype
    ):
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
        return parse_feed(data, name, charset)
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


def parse_feed(data: bytes, name: str, charset: str | None = None) -> Parsed:
    """RSS 0.9x/1.0/2.0, Atom or JSON Feed; entries with full text become documents.

    `charset` is the one the server declared; a wrong one is overridden (see `decode`). A feed
    that declares XML entities is refused (billion laughs); a malformed one gives the entries
    that can be read, with a warning.
    """
    import feedparser  # a slow import, only needed for feeds

    if _has_entity_declarations(data):
        raise DocumentError("feed declares XML entities (possible entity-expansion attack)")
    if data.lstrip()[:1] == b"{":
        return _parse_json_feed(data, name)
    headers = {}
    if _bom_codec(data) is None:
        # feedparser reads an application/xml charset first, and falls back if it fails.
        headers["content-type"] = f"application/xml; charset={detect_charset(data, charset)}"
    feed = feedparser.parse(
        data, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    parsed = Parsed(feed_title=publisher_of_feed(feed.feed.get("title")))
    if feed.bozo:
        problem = feed.get("bozo_exception")
        reason = " ".join(str(problem or "malformed").split())
        if isinstance(problem, feedparser.CharacterEncodingOverride):
            parsed.warnings.append(f"feed charset: {reason}")
        elif not feed.entries:
            raise DocumentError(f"malformed feed: {reason}")
        else:
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
    """True when the document's DTD declares entities, whatever its encoding or prolog length."""
    head = _xml_head(data[:65536])
    if "<!DOCTYPE" in head and "<!ENTITY" in head:
        return True
    return _prolog_declares_entities(data)


class _PrologEnd(Exception):
    """The root element has started: no DTD can follow."""


def _prolog_declares_entities(data: bytes) -> bool:
    """Read the prolog with expat (comments of any length included) up to the root element."""
    from xml.parsers import expat

    found = False

    def on_entity(*_: object) -> None:
        nonlocal found
        found = True
        raise _PrologEnd

    def on_root(*_: object) -> None:
        raise _PrologEnd

    parser = expat.ParserCreate(encoding="utf-8")  # overrides the document's own declaration
    parser.EntityDeclHandler = on_entity
    parser.StartElementHandler = on_root
    # Broken XML stops expat here, and feedparser's strict parser at the same place; its lenient
    # fallback expands no declared entities.
    with contextlib.suppress(_PrologEnd, expat.ExpatError):
        parser.Parse(decode(data).encode("utf-8"), True)
    return found


def _xml_head(head: bytes) -> str:
    """The start of an XML document as text, its encoding told by its first bytes (XML 1.0 F.1)."""
    bom = _bom_codec(head)
    if bom is not None:
        return head[bom[1] :].decode(bom[0], errors="replace")
    for start, codec in (
        (b"\x00\x00\x00<", "utf-32-be"),
        (b"<\x00\x00\x00", "utf-32-le"),
        (b"\x00<\x00?", "utf-16-be"),
        (b"<\x00?\x00", "utf-16-le"),
    ):
        if head.startswith(start):
            return head.decode(codec, errors="replace")
    return head.decode("latin-1")  # every ASCII-compatible encoding spells "<!ENTITY" alike


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
