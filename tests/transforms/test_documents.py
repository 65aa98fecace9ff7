"""Payloads of every contract format -> documents; broken payloads -> what can be read."""

from __future__ import annotations

import json

import pytest

from transforms.documents import DocumentError, decode, parse_payload, sniff_kind

BODY = " ".join(["The port handled more cargo than ever before in the third quarter."] * 12)

RSS = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Wire - Top Stories</title>
<item><title>Linked story</title><link>https://harbour.example/a</link>
<pubDate>Mon, 06 Oct 2025 08:00:00 +0000</pubDate><description>A teaser.</description></item>
<item><title>Full story</title><link>https://harbour.example/b</link>
<description><![CDATA[<p>{BODY}</p>]]></description></item>
</channel></rss>""".encode()

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>
<entry><id>tag:ledger.example,2025:1</id><title>Atom story</title>
<link rel="alternate" href="https://ledger.example/1"/><published>2025-10-01T09:00:00Z</published>
<author><name>Ana Ruiz</name></author>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
</feed>""".encode()


def test_rss_full_text_entries_are_documents_and_teasers_are_links():
    parsed = parse_payload(RSS, "wire.rss")
    assert [d.title for d in parsed.documents] == ["Full story"]
    assert [d.url for d in parsed.links] == ["https://harbour.example/a"]
    assert parsed.feed_title == "Harbour Wire"
    assert parsed.links[0].published == "Mon, 06 Oct 2025 08:00:00 +0000"


def test_atom_entry_with_content():
    parsed = parse_payload(ATOM, "business.atom")
    (doc,) = parsed.documents
    assert doc.author == "Ana Ruiz"
    assert doc.url == "https://ledger.example/1"
    assert "third quarter" in (doc.html or "")


def test_json_feed():
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Desk",
        "items": [{"id": "1", "url": "https://desk.example/1", "content_text": BODY}],
    }
    parsed = parse_payload(json.dumps(feed).encode(), "feed.json")
    assert parsed.documents[0].body == BODY


def test_malformed_feed_keeps_the_entries_it_could_read():
    broken = RSS.replace(b"</channel></rss>", b"<item><title>cut")
    parsed = parse_payload(broken, "broken.rss")
    assert [d.title for d in parsed.documents] == ["Full story"]
    assert parsed.warnings and "malformed feed" in parsed.warnings[0]


def test_entity_expansion_is_refused():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
    <!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>"""
    with pytest.raises(DocumentError, match="entit"):
        parse_payload(bomb, "bomb.rss")


@pytest.mark.parametrize(
    ("payload", "count"),
    [
        (
            {
                "status": "ok",
                "totalResults": 1,
                "articles": [
                    {
                        "url": "https://n.example/1",
                        "source": {"id": None, "name": "Gazette"},
                        "publishedAt": "2025-10-01T08:30:00Z",
                        "content": BODY,
                    }
                ],
            },
            1,
        ),
        (
            {
                "articles": [
                    {
                        "url": "https://n.example/1",
                        "title": "x",
                        "seendate": "20251001T083000Z",
                        "domain": "n.example",
                        "language": "English",
                    }
                ]
            },
            0,
        ),
        ([{"id": "a-1", "body": BODY}, {"id": "a-2", "body": BODY}], 2),
        ({"url": "https://n.example/2", "body": BODY}, 1),
    ],
)
def test_json_shapes(payload, count):
    parsed = parse_payload(json.dumps(payload).encode(), "api.json")
    assert len(parsed.documents) == count


def test_newsapi_fields_map_onto_the_contract():
    payload = {
        "status": "ok",
        "articles": [
            {
                "url": "https://n.example/1",
                "author": "Li Wei",
                "source": {"name": "Gazette"},
                "publishedAt": "2025-10-01T08:30:00Z",
                "title": "T",
                "content": BODY,
            }
        ],
    }
    (doc,) = parse_payload(json.dumps(payload).encode(), "api.json").documents
    assert (doc.source, doc.author, doc.published) == ("Gazette", "Li Wei", "2025-10-01T08:30:00Z")


def test_news_api_error_is_one_line():
    with pytest.raises(DocumentError, match="apiKeyInvalid"):
        parse_payload(b'{"status": "error", "code": "apiKeyInvalid"}', "api.json")


def test_jsonl_bad_lines_are_rejected_with_their_line_number():
    lines = [
        json.dumps({"url": "https://n.example/1", "body": BODY}),
        '{"url": "https://n.example/2", "body": "unterminated',
        json.dumps({"title": "no identity", "body": BODY}),
        json.dumps({"id": "x-9", "body": BODY}),
    ]
    parsed = parse_payload("\n".join(lines).encode(), "wire.jsonl")
    assert [d.url or d.id for d in parsed.documents] == ["https://n.example/1", "x-9"]
    assert [origin for origin, _ in parsed.rejected] == ["wire.jsonl:2", "wire.jsonl:3"]


def test_empty_payload_is_an_error():
    with pytest.raises(DocumentError, match="empty"):
        parse_payload(b"  \n", "empty.html")


@pytest.mark.parametrize(
    ("name", "data", "ctype", "kind"),
    [
        ("x.rss", b"<rss>", None, "feed"),
        ("x", b"<?xml version='1.0'?><feed>", None, "feed"),
        ("x", b"<!DOCTYPE html><html>", None, "html"),
        ("https://a.example/api", b"{}", "application/json", "json"),
        ("x.jsonl.gz", b"{}", None, "jsonl"),
        ("story.txt", b"BEIJING", None, "text"),
    ],
)
def test_sniff_kind(name, data, ctype, kind):
    assert sniff_kind(name, data, ctype) == kind


@pytest.mark.parametrize(
    ("data", "declared", "text"),
    [
        ("café €5".encode("cp1252"), None, "café €5"),
        ("café".encode("latin-1"), "iso-8859-1", "café"),
        ("\ufeffnaïve".encode(), None, "naïve"),
        ("naïve".encode(), "bogus-charset", "naïve"),
    ],
)
def test_decode(data, declared, text):
    assert decode(data, declared) == text
