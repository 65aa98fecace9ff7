"""HTML article pages -> main text and metadata (trafilatura, JSON-LD NewsArticle, og: tags)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import lxml.html

from transforms.text import has_complete_sentence, normalise_text

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle"}
# Below this many words a page needs a complete sentence (a one-paragraph news item has one;
# a menu, a gallery or a login form has none) or JSON-LD saying it is an article.
_MIN_WORDS = 40
_ERROR_PAGE = re.compile(
    r"\b(404|page not found|not found|access denied|forbidden|we use cookies|cookie (settings|"
    r"consent|preferences))\b",
    re.I,
)
_PAYWALL = re.compile(r"subscribe to (continue|read)|to continue reading|subscribers only", re.I)


@dataclass(slots=True)
class Page:
    """What an article page says about itself; `reason` is set when it holds no article."""

    body: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    reason: str | None = None


_XML_DECLARATION = re.compile(r"\A\s*+<\?xml\b[^>]*+>")


def read_page(html: str, url: str | None = None) -> Page:
    """Main text and metadata of a page; an empty or non-article page gets a reason."""
    import trafilatura

    if not html.strip():
        return Page(body="", reason="empty page")
    # XHTML pages open with an XML declaration naming their encoding, which lxml refuses in a
    # string that is already decoded; the declaration says nothing the text still needs.
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return Page(body="", reason="unparseable HTML")
    meta = _meta_tags(tree)
    ld = _json_ld_article(tree)
    extracted = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = ""
    if extracted is not None:
        data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
        text = data.get("text") or ""
    else:
        data = {}
    title = _first(ld.get("headline"), meta.get("og:title"), data.get("title"), _title(tree))
    body = _paragraphs(text, title)
    page = Page(
        body=body,
        title=title,
        author=_first(_ld_author(ld), meta.get("author"), data.get("author")),
        published=_first(
            ld.get("datePublished"), meta.get("article:published_time"), data.get("date")
        ),
        site_name=_first(_ld_publisher(ld), meta.get("og:site_name"), data.get("sitename")),
        canonical_url=_first(_canonical(tree), meta.get("og:url")),
        language=_first(tree.get("lang"), ld.get("inLanguage")),
    )
    words = len(body.split())
    if words == 0:
        page.reason = "no article text on the page"
    elif words < 150 and _ERROR_PAGE.search(title or ""):
        page.reason = f"not an article page: {title}"
    elif words < _MIN_WORDS and _PAYWALL.search(html):
        page.reason = "paywalled: only a teaser is visible"
    elif words < _MIN_WORDS and not ld and not has_complete_sentence(normalise_text(body)):
        page.reason = f"not an article page ({words} words of text)"
    return page


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _paragraphs(text: str, title: str | None) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _meta_tags(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name")
        content = node.get("content")
        if key and content and key.lower() not in out:
            out[key.lower()] = content
    return out


def _title(tree: Any) -> str | None:
    node = tree.find(".//title")
    return node.text_content().strip() if node is not None else None


def _canonical(tree: Any) -> str | None:
    for node in tree.iter("link"):
        if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
            return str(node.get("href"))
    return None


def _json_ld_article(tree: Any) -> dict[str, Any]:
    for node in tree.iter("script"):
        if (node.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(node.text_content())
        except (json.JSONDecodeError, TypeError):
            continue
        for item in _walk_ld(data):
            kind = item.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & _ARTICLE_TYPES:
                return item
    return {}


def _walk_ld(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [x for item in data for x in _walk_ld(item)]
    if isinstance(data, dict):
        return [data, *_walk_ld(data.get("@graph", []))]
    return []


def _ld_author(ld: dict[str, Any]) -> str | None:
    author = ld.get("author")
    if isinstance(author, list):
        names = [_ld_author({"author": a}) for a in author]
        return ", ".join(n for n in names if n) or None
    if isinstance(author, dict):
        return _first(author.get("name"))
    return _first(author)


def _ld_publisher(ld: dict[str, Any]) -> str | None:
    publisher = ld.get("publisher")
    if isinstance(publisher, dict):
        return _first(publisher.get("name"))
    return _first(publisher)
