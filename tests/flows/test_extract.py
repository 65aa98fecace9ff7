"""extract_source() over a real HTTP server on 127.0.0.1: feeds, their pages, charsets, refusals."""

from __future__ import annotations

import gzip
import json

import pytest
from werkzeug import Response

from flows.config import Source
from flows.extract import extract_source
from flows.http import Fetcher

LAST_MODIFIED = "Mon, 06 Oct 2025 08:00:00 GMT"
BODY = " ".join(["The port handled more cargo than ever before in the third quarter."] * 12)
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>"""


@pytest.fixture
def make_fetcher():
    made = []

    def make(**options):
        settings = {
            "allow_private_hosts": True,
            "min_host_interval": 0.0,
            "timeout": 2.0,
            "connect_timeout": 2.0,
            "backoff": 0.0,
            "retries": 0,
            "sleep": lambda seconds: None,
            **options,
        }
        made.append(Fetcher(**settings))
        return made[-1]

    yield make
    for fetcher in made:
        fetcher.close()


def feed(*links: str, title: str = "Harbour Wire - Top Stories") -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{link}</link>"
        f"<pubDate>Mon, 06 Oct 2025 08:0{n}:00 +0000</pubDate><description>A teaser.</description>"
        "</item>"
        for n, link in enumerate(links, start=1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title>{items}</channel></rss>"
    ).encode()


def page(n: int) -> bytes:
    return f"<html><head><title>Page {n}</title></head><body><p>{BODY}</p></body></html>".encode()


def paths(server) -> list[str]:
    return [request.path for request, _ in server.log]


def test_a_feed_over_http_with_its_pages_then_a_rerun_that_downloads_no_feed_body(
    httpserver, make_fetcher
):
    links = [httpserver.url_for(f"/news/{n}.html") for n in (1, 2, 3)]

    def conditional_feed(request):
        if request.headers.get("If-None-Match") == '"feed-v1"':
            return Response(status=304, headers={"ETag": '"feed-v1"'})
        headers = {"ETag": '"feed-v1"', "Last-Modified": LAST_MODIFIED}
        return Response(feed(*links), content_type="application/rss+xml", headers=headers)

    httpserver.expect_request("/feed.xml").respond_with_handler(conditional_feed)
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /admin/")
    for n in (1, 2, 3):
        httpserver.expect_request(f"/news/{n}.html").respond_with_data(
            page(n), content_type="text/html; charset=utf-8"
        )
    source = Source(name="harbour", kind="feed", location=httpserver.url_for("/feed.xml"))

    first = extract_source(source, make_fetcher())
    assert (first.error, first.rejected, first.warnings) == (None, [], [])
    assert [(d.url, d.title, d.via) for d in first.documents] == [
        (link, f"Story {n}", "Harbour Wire") for n, link in enumerate(links, start=1)
    ]
    assert first.state == {"etag": '"feed-v1"', "last_modified": LAST_MODIFIED}
    assert sorted(paths(httpserver)) == sorted(
        ["/feed.xml", "/robots.txt", "/news/1.html", "/news/2.html", "/news/3.html"]
    )

    seen = len(httpserver.log)
    second = extract_source(source, make_fetcher(), first.state)
    assert second.not_modified and second.documents == [] and second.error is None
    assert second.state == first.state
    ((request, reply),) = httpserver.log[seen:]
    assert request.headers["If-None-Match"] == '"feed-v1"'
    assert request.headers["If-Modified-Since"] == LAST_MODIFIED
    assert (request.path, reply.status_code, reply.get_data()) == ("/feed.xml", 304, b"")


CAFE = "Café crème à Genève"
QUOTE = "“We won’t retreat” — prices rose to €5…"


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        pytest.param(
            f"<p>{CAFE}</p>".encode("latin-1"),
            "text/html; charset=iso-8859-1",
            CAFE,
            id="latin-1 declared in the header",
        ),
        pytest.param(
            f"<p>{QUOTE}</p>".encode("cp1252"),
            "text/html; charset=ISO-8859-1",
            QUOTE,
            id="windows-1252 bytes labelled latin-1, read as browsers do",
        ),
        pytest.param(
            f'<html><head><meta charset="windows-1252"></head><p>{QUOTE}</p>'.encode("cp1252"),
            "text/html",
            QUOTE,
            id="windows-1252 declared in meta charset",
        ),
        pytest.param(
            (
                '<html><head><meta http-equiv="Content-Type" '
                'content="text/html; charset=iso-8859-1"></head>'
                f"<p>{CAFE}</p>"
            ).encode("latin-1"),
            "text/html",
            CAFE,
            id="latin-1 declared in http-equiv",
        ),
        pytest.param(
            f"<p>{QUOTE} {CAFE}</p>".encode("cp1252"),
            "text/html; charset=utf-8",
            f"{QUOTE} {CAFE}",
            id="wrong header: says utf-8, bytes are windows-1252",
        ),
        pytest.param(
            f"<p>{QUOTE} {CAFE}</p>".encode(),
            "text/html; charset=iso-8859-1",
            f"{QUOTE} {CAFE}",
            id="wrong header: says latin-1, bytes are utf-8",
        ),
        pytest.param(
            f"<html><p>{CAFE}, {QUOTE}</p></html>".encode("cp1252"),
            "text/html",
            f"{CAFE}, {QUOTE}",
            id="undeclared windows-1252, detected",
        ),
        pytest.param(
            "<p>Президент заявил в среду, что экономика страны продолжает расти.</p>".encode(
                "cp1251"
            ),
            "text/html",
            "Президент заявил в среду",
            id="undeclared windows-1251, detected",
        ),
        pytest.param(
            "\ufeff<p>Café</p>".encode("utf-16-le"),
            "text/html; charset=iso-8859-1",
            "Café",
            id="a BOM decides",
        ),
    ],
)
def test_pages_decode_without_mojibake(httpserver, make_fetcher, body, content_type, expected):
    httpserver.expect_request("/page.html").respond_with_data(body, content_type=content_type)
    source = Source(name="page", kind="page", location=httpserver.url_for("/page.html"))
    out = extract_source(source, make_fetcher())
    (doc,) = out.documents
    assert expected in doc.html
    assert "\ufffd" not in doc.html and "Ã" not in doc.html and "â€" not in doc.html


def test_a_malformed_feed_yields_what_can_be_read_with_a_warning(httpserver, make_fetcher):
    good = f"<item><title>Full story</title><description>{BODY}</description></item>"
    broken = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>'
        f"{good}<item><title>cut off"
    ).encode()
    httpserver.expect_request("/feed.xml").respond_with_data(broken, content_type="text/xml")
    source = Source(name="harbour", kind="feed", location=httpserver.url_for("/feed.xml"))
    out = extract_source(source, make_fetcher())
    assert out.error is None
    assert [d.title for d in out.documents] == ["Full story"]
    assert [reason for _, reason in out.rejected] == ["feed entry has neither full text nor a link"]
    (warning,) = out.warnings
    assert warning.startswith(f"{httpserver.url_for('/feed.xml')}: malformed feed, read 2 entries")


@pytest.mark.parametrize(
    ("encoding", "padding"),
    [("utf-8", ""), ("utf-16", ""), ("utf-8", f"<!-- {'x' * 100_000} -->")],
    ids=["utf-8", "utf-16", "after a 100 KB comment"],
)
def test_a_billion_laughs_feed_is_refused(httpserver, make_fetcher, encoding, padding):
    bomb = BILLION_LAUGHS.replace(
        'version="1.0"?>', f'version="1.0" encoding="{encoding}"?>{padding}'
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        bomb.encode(encoding), content_type="application/rss+xml"
    )
    source = Source(name="bomb", kind="feed", location=httpserver.url_for("/feed.xml"))
    out = extract_source(source, make_fetcher())
    assert out.error == "feed declares XML entities (possible entity-expansion attack)"
    assert out.documents == [] and out.state == {"etag": None, "last_modified": None}
    assert paths(httpserver) == ["/feed.xml"]


def test_with_the_switch_off_a_feed_entry_on_a_loopback_host_is_refused(httpserver, tmp_path):
    httpserver.expect_request("/news/1.html").respond_with_data(page(1))
    link = httpserver.url_for("/news/1.html")
    local_feed = tmp_path / "wire.rss"
    local_feed.write_bytes(feed(link))
    with Fetcher() as fetcher:
        out = extract_source(Source(name="wire", kind="feed", location=str(local_feed)), fetcher)
    assert out.documents == [] and out.error is None
    assert out.rejected == [
        (link, f"refused {link}: private or loopback address (use --allow-private-hosts)")
    ]
    assert httpserver.log == []


@pytest.mark.parametrize(
    ("options", "obeyed"),
    [({}, True), ({"respect_robots": False}, False), ({"respect_robots": "false"}, False)],
)
def test_robots_txt_governs_linked_pages_not_the_configured_feed(
    httpserver, make_fetcher, options, obeyed
):
    allowed, disallowed = httpserver.url_for("/news/1.html"), httpserver.url_for("/private/2.html")
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /feeds/\nDisallow: /private/\n"
    )
    httpserver.expect_request("/feeds/wire.xml").respond_with_data(feed(allowed, disallowed))
    httpserver.expect_request("/news/1.html").respond_with_data(page(1))
    httpserver.expect_request("/private/2.html").respond_with_data(page(2))
    location = httpserver.url_for("/feeds/wire.xml")
    source = Source(name="wire", kind="feed", location=location, options=options)
    out = extract_source(source, make_fetcher())
    assert out.error is None
    if obeyed:
        assert [d.url for d in out.documents] == [allowed]
        assert out.rejected == [(disallowed, "disallowed by robots.txt")]
        assert "/private/2.html" not in paths(httpserver)
    else:
        assert [d.url for d in out.documents] == [allowed, disallowed]
        assert "/robots.txt" not in paths(httpserver)


def test_pages_that_fail_are_rejected_in_one_line_and_the_rest_still_load(
    httpserver, make_fetcher, tmp_path
):
    secret = tmp_path / "secret.html"
    secret.write_bytes(page(9))
    links = {
        "ok": httpserver.url_for("/news/1.html"),
        "missing": httpserver.url_for("/missing.html"),
        "down": httpserver.url_for("/down.html"),
        "local": secret.as_uri(),
        "also ok": httpserver.url_for("/news/2.html"),
    }
    httpserver.expect_request("/robots.txt").respond_with_data("", 404)
    httpserver.expect_request("/feed.xml").respond_with_data(feed(*links.values()))
    httpserver.expect_request("/news/1.html").respond_with_data(page(1))
    httpserver.expect_request("/news/2.html").respond_with_data(page(2))
    httpserver.expect_request("/missing.html").respond_with_data("", 404)
    httpserver.expect_request("/down.html").respond_with_data("", 503)
    source = Source(name="wire", kind="feed", location=httpserver.url_for("/feed.xml"))
    out = extract_source(source, make_fetcher())
    assert out.error is None
    assert [d.url for d in out.documents] == [links["ok"], links["also ok"]]
    missing, down, local = out.rejected
    assert missing == (links["missing"], f"{links['missing']}: HTTP 404 NOT FOUND")
    assert down == (links["down"], f"{links['down']}: HTTP 503 SERVICE UNAVAILABLE")
    # A fetched feed never makes us read a local file.
    assert local[0].startswith("file:") and local[1].endswith("only http and https are fetched")


def test_a_source_that_fails_is_one_line_not_an_exception(httpserver, make_fetcher):
    httpserver.expect_request("/feed.xml").respond_with_data("", 410)
    url = httpserver.url_for("/feed.xml")
    out = extract_source(Source(name="gone", kind="feed", location=url), make_fetcher())
    assert out.error == f"{url}: HTTP 410 GONE"
    assert out.documents == [] and out.rejected == []


def _story(n: int) -> str:
    body = (
        f"KARACHI, March {n} (Wire): The port authority said on Tuesday that {n} container "
        "ships had berthed at the new terminal since January, and that cargo handling had "
        "risen by a fifth over the same period last year."
    )
    return json.dumps(
        {"url": f"https://port.example/news/{n}", "title": f"Terminal {n}", "body": body}
    )


def test_a_local_archive_rerun_reads_only_new_and_changed_files(tmp_path, make_fetcher):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.jsonl").write_text(_story(1) + "\n" + _story(2) + "\n")
    (folder / "b.jsonl").write_text(_story(3) + "\n")
    source = Source(name="wire", kind="archive", location=str(folder))

    first = extract_source(source, make_fetcher())
    assert len(first.documents) == 3 and not first.not_modified

    again = extract_source(source, make_fetcher(), state=first.state)
    assert again.documents == [] and again.not_modified  # nothing read: like an HTTP 304
    assert again.state == first.state

    (folder / "c.jsonl").write_text(_story(4) + "\n")
    (folder / "b.jsonl").write_text(_story(3) + "\n" + _story(5) + "\n")
    third = extract_source(source, make_fetcher(), state=again.state)
    assert not third.not_modified
    assert len(third.documents) == 3  # b (changed, both records) and c (new); a is skipped
    assert all("a.jsonl" not in (d.origin or "") for d in third.documents)
    assert extract_source(source, make_fetcher(), state=third.state).not_modified


def test_a_local_file_that_could_not_be_read_is_read_again_next_run(tmp_path, make_fetcher):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "good.jsonl").write_text(_story(1) + "\n")
    (folder / "broken.jsonl.gz").write_bytes(b"not gzip at all")
    source = Source(name="wire", kind="archive", location=str(folder))

    first = extract_source(source, make_fetcher())
    assert len(first.documents) == 1 and len(first.rejected) == 1
    second = extract_source(source, make_fetcher(), state=first.state)
    assert second.documents == [] and len(second.rejected) == 1  # tried again, still broken
    assert not second.not_modified

    with gzip.open(folder / "broken.jsonl.gz", "wt") as handle:
        handle.write(_story(2) + "\n")
    third = extract_source(source, make_fetcher(), state=second.state)
    assert len(third.documents) == 1 and third.rejected == []


@pytest.mark.parametrize("cursor", [None, "", "not json", '{"files": 3}', '["a"]'])
def test_a_local_source_with_no_usable_cursor_reads_everything(tmp_path, make_fetcher, cursor):
    (tmp_path / "a.jsonl").write_text(_story(1) + "\n")
    source = Source(name="wire", kind="archive", location=str(tmp_path))
    out = extract_source(source, make_fetcher(), state={"cursor": cursor})
    assert len(out.documents) == 1 and not out.not_modified
