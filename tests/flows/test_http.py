"""The Fetcher against real HTTP servers on 127.0.0.1: every outcome is a response or one line."""

from __future__ import annotations

import gzip
import socket
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from flows.http import Fetcher, FetchError, RobotsDisallowed, RobotsRules

PAGE = b"<html><head><title>Port</title></head><body><p>Cargo rose.</p></body></html>"
CHUNK = b"x" * (64 * 1024)
MB = 1024 * 1024


@pytest.fixture
def make_fetcher():
    """Fetchers for tests: local hosts allowed, no politeness delay, short timeouts, no sleeping."""
    made = []

    def make(**options):
        settings = {
            "allow_private_hosts": True,
            "min_host_interval": 0.0,
            "timeout": 2.0,
            "connect_timeout": 2.0,
            "backoff": 0.0,
            "retries": 2,
            "sleep": lambda seconds: None,
            **options,
        }
        fetcher = Fetcher(**settings)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


def one_line(excinfo) -> str:
    message = str(excinfo.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def paths(server) -> list[str]:
    return [request.path for request, _ in server.log]


class RawServer:
    """A bare TCP server on 127.0.0.1 that answers every connection with the same bytes."""

    def __init__(self, reply: bytes) -> None:
        self.reply = reply
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/story"
        self._stopping = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            conn, _ = self._listener.accept()
            with conn:
                if self._stopping:
                    return
                self.connections += 1
                conn.settimeout(2)
                request = b""
                while b"\r\n\r\n" not in request:
                    data = conn.recv(4096)
                    if not data:
                        break
                    request += data
                conn.sendall(self.reply)

    def stop(self) -> None:
        self._stopping = True
        socket.create_connection(self._listener.getsockname(), timeout=2).close()
        self._thread.join(timeout=5)
        self._listener.close()


@pytest.fixture
def raw_server():
    servers = []

    def start(reply: bytes) -> RawServer:
        servers.append(RawServer(reply))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MB of zeros, gzip-compressed to a few hundred KB, built a megabyte at a time."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MB)
    return b"".join([packer.compress(zeros) for _ in range(200)] + [packer.flush()])


def test_200_returns_the_body_and_its_metadata(httpserver, make_fetcher):
    httpserver.expect_request("/story").respond_with_data(
        PAGE,
        content_type="text/html; charset=utf-8",
        headers={"ETag": '"v1"', "Last-Modified": "Mon, 06 Oct 2025 08:00:00 GMT"},
    )
    response = make_fetcher().get(httpserver.url_for("/story"))
    assert (response.status, response.body) == (200, PAGE)
    assert (response.content_type, response.charset) == ("text/html", "utf-8")
    assert (response.etag, response.last_modified) == ('"v1"', "Mon, 06 Oct 2025 08:00:00 GMT")
    (request, _), *_ = httpserver.log
    assert request.headers["User-Agent"].startswith("Wirehouse/")


def test_304_etag_round_trip_sends_the_validators_and_downloads_nothing(httpserver, make_fetcher):
    def conditional(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(PAGE, headers={"ETag": '"v1"', "Last-Modified": "Mon, 06 Oct 2025"})

    httpserver.expect_request("/feed").respond_with_handler(conditional)
    fetcher = make_fetcher()
    first = fetcher.get(httpserver.url_for("/feed"))
    second = fetcher.get(httpserver.url_for("/feed"), first.etag, first.last_modified)
    assert second.not_modified and second.body == b""
    assert (second.etag, second.last_modified) == ('"v1"', "Mon, 06 Oct 2025")
    (_, first_reply), (request, reply) = httpserver.log
    assert request.headers["If-None-Match"] == '"v1"'
    assert request.headers["If-Modified-Since"] == "Mon, 06 Oct 2025"
    assert first_reply.get_data() == PAGE and reply.status_code == 304 and reply.get_data() == b""


def test_a_chain_of_three_301s_ends_in_the_200(httpserver, make_fetcher):
    for hop, target in (("/a", "/b"), ("/b", "/c"), ("/c", "/final")):
        httpserver.expect_request(hop).respond_with_data("", 301, {"Location": target})
    httpserver.expect_request("/final").respond_with_data(PAGE, content_type="text/html")
    response = make_fetcher().get(httpserver.url_for("/a"))
    assert response.url == httpserver.url_for("/final") and response.body == PAGE
    assert paths(httpserver) == ["/a", "/b", "/c", "/final"]


def test_a_redirect_loop_fails_in_one_line(httpserver, make_fetcher):
    httpserver.expect_request("/x").respond_with_data("", 302, {"Location": "/y"})
    httpserver.expect_request("/y").respond_with_data("", 302, {"Location": "/x"})
    with pytest.raises(FetchError) as caught:
        make_fetcher().get(httpserver.url_for("/x"))
    assert "redirect loop at " + httpserver.url_for("/x") in one_line(caught)
    assert paths(httpserver) == ["/x", "/y"]


def test_more_redirects_than_the_limit_fail(httpserver, make_fetcher):
    for hop in range(3):
        httpserver.expect_request(f"/{hop}").respond_with_data("", 307, {"Location": f"/{hop + 1}"})
    with pytest.raises(FetchError) as caught:
        make_fetcher(max_redirects=2).get(httpserver.url_for("/0"))
    assert "more than 2 redirects" in one_line(caught)


def test_a_redirect_target_is_checked_again(httpserver, make_fetcher):
    httpserver.expect_request("/r").respond_with_data("", 302, {"Location": "ftp://127.0.0.1/x"})
    with pytest.raises(FetchError) as caught:
        make_fetcher().get(httpserver.url_for("/r"))
    assert one_line(caught) == "refused ftp://127.0.0.1/x: only http and https are fetched"


def test_404_fails_at_once_without_retrying(httpserver, make_fetcher):
    httpserver.expect_request("/gone").respond_with_data("no", 404)
    with pytest.raises(FetchError) as caught:
        make_fetcher().get(httpserver.url_for("/gone"))
    assert one_line(caught) == f"{httpserver.url_for('/gone')}: HTTP 404 NOT FOUND"
    assert caught.value.status == 404 and len(httpserver.log) == 1


def test_429_with_retry_after_seconds_waits_that_long_then_succeeds(httpserver, make_fetcher):
    httpserver.expect_oneshot_request("/busy").respond_with_data("", 429, {"Retry-After": "1"})
    httpserver.expect_request("/busy").respond_with_data(PAGE)
    fetcher = make_fetcher()
    assert fetcher.get(httpserver.url_for("/busy")).body == PAGE
    assert [(w.seconds, w.reason) for w in fetcher.waits] == [(1.0, "HTTP 429 TOO MANY REQUESTS")]
    assert [reply.status_code for _, reply in httpserver.log] == [429, 200]


def test_retry_after_as_an_http_date_is_honoured(httpserver, make_fetcher):
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=3), usegmt=True)
    httpserver.expect_oneshot_request("/busy").respond_with_data("", 503, {"Retry-After": when})
    httpserver.expect_request("/busy").respond_with_data(PAGE)
    fetcher = make_fetcher()
    assert fetcher.get(httpserver.url_for("/busy")).body == PAGE
    (wait,) = fetcher.waits
    assert 1.0 < wait.seconds <= 3.0


def test_a_huge_retry_after_fails_fast_with_a_clear_message(httpserver, make_fetcher):
    httpserver.expect_request("/busy").respond_with_data("", 429, {"Retry-After": "86400"})
    fetcher = make_fetcher()
    with pytest.raises(FetchError) as caught:
        fetcher.get(httpserver.url_for("/busy"))
    assert "retry in 86400 s, more than the 30 s limit" in one_line(caught)
    assert fetcher.waits == [] and len(httpserver.log) == 1


def test_500_then_success_on_retry(httpserver, make_fetcher):
    httpserver.expect_oneshot_request("/flaky").respond_with_data("oops", 500)
    httpserver.expect_request("/flaky").respond_with_data(PAGE)
    fetcher = make_fetcher(backoff=0.25)
    assert fetcher.get(httpserver.url_for("/flaky")).body == PAGE
    (wait,) = fetcher.waits
    assert wait.reason == "HTTP 500 INTERNAL SERVER ERROR" and 0.25 <= wait.seconds <= 0.5


def test_retries_back_off_exponentially_then_give_up_in_one_line(httpserver, make_fetcher):
    httpserver.expect_request("/down").respond_with_data("", 503)
    fetcher = make_fetcher(retries=3, backoff=0.5)
    with pytest.raises(FetchError) as caught:
        fetcher.get(httpserver.url_for("/down"))
    assert one_line(caught).endswith("HTTP 503 SERVICE UNAVAILABLE (after 4 attempts)")
    assert len(httpserver.log) == 4
    for attempt, wait in enumerate(fetcher.waits):
        assert 0.5 * 2**attempt <= wait.seconds <= 2 * 0.5 * 2**attempt  # base, plus jitter


def test_a_refused_connection_is_retried_then_one_line(make_fetcher):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # free once closed: nothing listens there
    fetcher = make_fetcher(retries=1)
    with pytest.raises(FetchError) as caught:
        fetcher.get(f"http://127.0.0.1:{port}/")
    assert "connection failed (Connection refused) (after 2 attempts)" in one_line(caught)


def test_a_response_slower_than_the_read_timeout_fails_in_one_line(httpserver, make_fetcher):
    release = threading.Event()

    def stalled(request):
        release.wait(timeout=10)
        return Response(PAGE)

    httpserver.expect_request("/slow").respond_with_handler(stalled)
    try:
        with pytest.raises(FetchError) as caught:
            make_fetcher(timeout=0.5, retries=0).get(httpserver.url_for("/slow"))
        assert one_line(caught) == (
            f"{httpserver.url_for('/slow')}: timed out: no response within 0.5 s"
        )
    finally:
        release.set()


def test_a_download_that_trickles_past_the_time_limit_is_stopped(httpserver, make_fetcher):
    release = threading.Event()

    def trickle():
        for _ in range(20):
            yield CHUNK
            release.wait(timeout=0.1)

    httpserver.expect_request("/drip").respond_with_handler(lambda request: Response(trickle()))
    try:
        with pytest.raises(FetchError) as caught:
            make_fetcher(max_fetch_seconds=0.25).get(httpserver.url_for("/drip"))
        assert "download took longer than 0.25 s" in one_line(caught)
    finally:
        release.set()


def test_a_truncated_body_is_retried_then_fails_in_one_line(raw_server, make_fetcher):
    server = raw_server(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n"
        b"Connection: close\r\n\r\n" + b"x" * 100
    )
    with pytest.raises(FetchError) as caught:
        make_fetcher(retries=1).get(server.url)
    assert one_line(caught) == (
        f"{server.url}: truncated body (got 100 of 1000 bytes) (after 2 attempts)"
    )
    assert server.connections == 2


def test_a_declared_50_mb_body_is_refused_before_reading(httpserver, make_fetcher):
    httpserver.expect_request("/big").respond_with_handler(
        lambda request: Response(iter([CHUNK] * 800), headers={"Content-Length": str(50 * MB)})
    )
    with pytest.raises(FetchError) as caught:
        make_fetcher().get(httpserver.url_for("/big"))
    assert "body of 52428800 bytes exceeds the 10485760 byte limit" in one_line(caught)


def test_a_streamed_50_mb_body_is_refused_and_reading_stops_early(httpserver, make_fetcher):
    sent: list[int] = []
    finished = threading.Event()

    def stream():
        try:
            for _ in range(50 * MB // len(CHUNK)):
                sent.append(len(CHUNK))
                yield CHUNK
        finally:
            finished.set()

    httpserver.expect_request("/big").respond_with_handler(lambda request: Response(stream()))
    fetcher = make_fetcher()
    with pytest.raises(FetchError) as caught:
        fetcher.get(httpserver.url_for("/big"))
    assert "body is more than the 10485760 byte limit" in one_line(caught)
    assert finished.wait(timeout=10)  # the server noticed the client hung up
    assert sum(sent) < 30 * MB


@pytest.mark.parametrize(
    ("encoding", "packed"),
    [
        ("gzip", gzip.compress(PAGE)),
        ("deflate", zlib.compress(PAGE)),
        ("deflate", zlib.compress(PAGE, wbits=-zlib.MAX_WBITS)),  # raw, as some servers send
        ("gzip", gzip.compress(PAGE[:20]) + gzip.compress(PAGE[20:])),  # two gzip members
    ],
)
def test_compressed_bodies_are_inflated(httpserver, make_fetcher, encoding, packed):
    httpserver.expect_request("/z").respond_with_data(
        packed, headers={"Content-Encoding": encoding}
    )
    assert make_fetcher().get(httpserver.url_for("/z")).body == PAGE


def test_a_gzip_bomb_is_refused_as_soon_as_it_passes_the_limit(httpserver, make_fetcher, gzip_bomb):
    assert len(gzip_bomb) < MB
    httpserver.expect_request("/bomb").respond_with_data(
        gzip_bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchError) as caught:
        make_fetcher().get(httpserver.url_for("/bomb"))
    assert "body decompresses to more than the 10485760 byte limit" in one_line(caught)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_loopback_hosts_are_refused_by_default_and_never_contacted(httpserver, host):
    httpserver.expect_request("/story").respond_with_data(PAGE)
    url = httpserver.url_for("/story").replace("127.0.0.1", host)
    with Fetcher() as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert one_line(caught) == (
        f"refused {url}: private or loopback address (use --allow-private-hosts)"
    )
    assert httpserver.log == []


def test_the_connected_address_is_checked_too(httpserver):
    """Even past the name check (as after DNS rebinding), nothing is sent to a private peer."""
    httpserver.expect_request("/story").respond_with_data(PAGE)
    with Fetcher() as fetcher, pytest.raises(FetchError) as caught:
        fetcher._send(httpserver.url_for("/story"), {})
    assert "connects to private address 127.0.0.1" in one_line(caught)
    assert httpserver.log == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/feed.xml", "only http and https are fetched"),
        ("file:///tmp/feed.xml", "only http and https are fetched"),
        ("http:///feed.xml", "no host"),
        ("http://127.0.0.1:99999/", "invalid URL"),
    ],
)
def test_urls_that_are_not_fetched(make_fetcher, url, reason):
    with pytest.raises(FetchError) as caught:
        make_fetcher().get(url)
    assert one_line(caught).startswith(f"refused {url}: {reason}")


def test_requests_to_one_host_keep_their_distance(httpserver, make_fetcher):
    httpserver.expect_request("/a").respond_with_data(PAGE)
    fetcher = make_fetcher(min_host_interval=5.0)
    fetcher.get(httpserver.url_for("/a"))
    fetcher.get(httpserver.url_for("/a"))
    fetcher.get(httpserver.url_for("/a").replace("127.0.0.1", "localhost"))  # another host
    (pause,) = fetcher.waits
    assert pause.reason == "rate limit" and 4.0 < pause.seconds <= 5.0


def test_no_more_requests_at_once_than_the_concurrency_cap(make_fetcher):
    lock = threading.Lock()
    state = {"active": 0, "peak": 0}
    paired = threading.Event()

    def handler(request):
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
            if state["active"] >= 2:
                paired.set()
        paired.wait(timeout=2)
        with lock:
            state["active"] -= 1
        return Response(PAGE)

    with HTTPServer(host="127.0.0.1", port=0, threaded=True) as server:
        server.expect_request("/slot").respond_with_handler(handler)
        fetcher = make_fetcher(max_concurrency=2)
        with ThreadPoolExecutor(max_workers=6) as pool:
            urls = [server.url_for(f"/slot?n={n}") for n in range(6)]
            statuses = [r.status for r in pool.map(fetcher.get, urls)]
    assert statuses == [200] * 6 and state["peak"] == 2


ROBOTS = """# a comment line
User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/open/

User-agent: otherbot
Disallow: /
"""


@pytest.mark.parametrize(
    ("robots", "path", "allowed"),
    [
        (ROBOTS, "/news/1", True),
        (ROBOTS, "/private/notes", False),
        (ROBOTS, "/private/open/notes", True),  # the longer rule wins
        (ROBOTS, "/files/a.pdf", False),
        (ROBOTS, "/files/a.pdf?page=2", True),  # "$" anchors the end
        ("User-agent: *\nDisallow: /\nAllow: /news/", "/news/1", True),
        ("User-agent: *\nAllow: /news/\nDisallow: /", "/sport/1", False),
        ("User-agent: *\nDisallow: /a\nAllow: /a", "/a/x", True),  # allow wins a tie
        ("User-agent: *\nDisallow: /\n\nUser-agent: Wirehouse/2\nDisallow: /x", "/news", True),
        ("USER-AGENT: WIREHOUSE\nDISALLOW: /drafts/ # ours", "/drafts/1", False),
        ("User-agent: otherbot\nDisallow: /", "/news/1", True),
        ("User-agent: *\nDisallow:", "/news/1", True),
        ("User-agent: *\nDisallow: /search?q=", "/search?q=port", False),
        ("User-agent: *\nDisallow: /caf%c3%a9/", "/café/menu", False),
        ("User-agent: *\nDisallow: /", "/robots.txt", True),
        ("User-agent: *\nDisallow: /*/2025/*.html$", "/world/2025/10/a.html", False),
        ("User-agent: *\nDisallow: /*/2025/*.html$", "/world/2025/10/a.html?x=1", True),
        ("User-agent: *\nDisallow: /*a*b*a$", "/xaybza/a", False),
        ("User-agent: *\nDisallow: /*a*b*a$", "/xaybz", True),
        ("User-agent: *\nDisallow: /**x", "/ax", False),
    ],
)
def test_robots_rules(robots, path, allowed):
    assert RobotsRules.parse(robots).allows(f"https://news.example{path}") is allowed


@pytest.mark.timeout(20)
def test_robots_wildcards_do_not_backtrack_catastrophically():
    # Each "*" used to be a ".*" that a failing match retried at every split of the path: seven
    # of them took seconds on a 60-character path, twenty would never finish.
    for suffix in ("", "$"):
        rules = RobotsRules.parse("User-agent: *\nDisallow: /" + "*a" * 20 + "*b" + suffix)
        assert rules.allows("https://news.example/" + "a" * 2000)
        assert not rules.allows("https://news.example/" + "a" * 2000 + "b")


def test_robots_txt_is_read_once_per_host_and_obeyed(httpserver, make_fetcher):
    httpserver.expect_request("/robots.txt").respond_with_data(ROBOTS, content_type="text/plain")
    httpserver.expect_request("/news/1").respond_with_data(PAGE)
    httpserver.expect_request("/private/2").respond_with_data(PAGE)
    fetcher = make_fetcher()
    assert fetcher.get(httpserver.url_for("/news/1"), obey_robots=True).body == PAGE
    with pytest.raises(RobotsDisallowed) as caught:
        fetcher.get(httpserver.url_for("/private/2"), obey_robots=True)
    assert one_line(caught) == "disallowed by robots.txt"
    assert fetcher.get(httpserver.url_for("/private/2")).body == PAGE  # only pages obey it
    assert paths(httpserver) == ["/robots.txt", "/news/1", "/private/2"]


def test_a_redirect_into_a_disallowed_path_is_refused(httpserver, make_fetcher):
    httpserver.expect_request("/robots.txt").respond_with_data(ROBOTS)
    httpserver.expect_request("/go").respond_with_data("", 302, {"Location": "/private/3"})
    with pytest.raises(RobotsDisallowed) as caught:
        make_fetcher().get(httpserver.url_for("/go"), obey_robots=True)
    assert "redirected to " + httpserver.url_for("/private/3") in one_line(caught)
    assert paths(httpserver) == ["/robots.txt", "/go"]


@pytest.mark.parametrize(
    ("status", "allowed"), [(404, True), (403, True), (429, False), (503, False)]
)
def test_a_missing_robots_txt_allows_and_a_failing_one_disallows(
    httpserver, make_fetcher, status, allowed
):
    httpserver.expect_request("/robots.txt").respond_with_data("", status)
    httpserver.expect_request("/news/1").respond_with_data(PAGE)
    fetcher = make_fetcher(retries=1)
    for _ in range(2):  # the answer is kept for the run
        if allowed:
            assert fetcher.get(httpserver.url_for("/news/1"), obey_robots=True).body == PAGE
        else:
            with pytest.raises(RobotsDisallowed) as caught:
                fetcher.get(httpserver.url_for("/news/1"), obey_robots=True)
            assert "robots.txt unavailable" in one_line(caught)
    robots_requests = 1 if allowed else 2  # a 429 or 5xx is retried once
    assert paths(httpserver).count("/robots.txt") == robots_requests
    assert paths(httpserver).count("/news/1") == (2 if allowed else 0)
