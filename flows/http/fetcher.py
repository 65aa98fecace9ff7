"""The `Fetcher`: one Session, retries with backoff and Retry-After, redirects, bounded bodies."""

from __future__ import annotations

import http.client
import random
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from types import TracebackType
from urllib.parse import urldefrag, urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.utils import requote_uri
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import ReadTimeoutError

from flows import __version__ as VERSION
from flows.http.errors import FetchError, RobotsDisallowed, _cause, _one_line, _Retryable
from flows.http.pacing import Wait, _HostGate
from flows.http.responses import (
    Response,
    _charset,
    _content_length,
    _Inflater,
    _is_incomplete_read,
    _Redirect,
    _retry_after,
)
from flows.http.robots import ROBOTS_MAX_BYTES, RobotsRules, _robots_refusal
from flows.http.safety import _PrivatePeer, _PublicOnlyAdapter, is_private_host

USER_AGENT = f"Wirehouse/{VERSION} (+https://github.com/wirehouse/wirehouse; news ETL)"
CHUNK_BYTES = 64 * 1024
_NOT_RETRIED_5XX = {501, 505}  # "not implemented" and "version not supported" will not change


class Fetcher:
    """Polite, bounded HTTP GETs for one run; share one instance between sources, then close it.

    `timeout` bounds each wait for the server (connect: `connect_timeout`), `max_fetch_seconds`
    a whole download, `max_bytes` a body (declared, received and decompressed). Requests to one
    host start at least `min_host_interval` seconds apart; at most `max_concurrency` run at once.
    Every pause is recorded in `waits`; `sleep` is how the fetcher pauses.
    """

    def __init__(
        self,
        *,
        allow_private_hosts: bool = False,
        timeout: float = 20.0,
        connect_timeout: float = 10.0,
        max_bytes: int = 10 * 1024 * 1024,
        retries: int = 3,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        max_retry_after: float = 30.0,
        min_host_interval: float = 1.0,
        max_concurrency: int = 4,
        max_redirects: int = 5,
        max_fetch_seconds: float = 120.0,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.allow_private_hosts = allow_private_hosts
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.max_concurrency = max(1, max_concurrency)
        self.max_redirects = max_redirects
        self.max_fetch_seconds = max_fetch_seconds
        self.requests_made = 0
        self.waits: list[Wait] = []
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self.session.headers["Accept-Encoding"] = "gzip, deflate"
        adapter = (
            HTTPAdapter(pool_maxsize=self.max_concurrency)
            if allow_private_hosts
            else _PublicOnlyAdapter(pool_maxsize=self.max_concurrency)
        )
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._sleep = sleep
        self._gate = _HostGate(min_host_interval)
        self._slots = threading.BoundedSemaphore(self.max_concurrency)
        self._lock = threading.Lock()
        self._robots: dict[str, RobotsRules] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def check_url(self, url: str) -> None:
        """Refuse other schemes than http(s), and private hosts unless they are allowed."""
        try:
            parts = urlsplit(url)
            host = parts.hostname
            _ = parts.port  # raises on a port that is not a number in range
        except ValueError as exc:
            raise FetchError(f"refused {url}: invalid URL ({exc})") from None
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"refused {url}: only http and https are fetched")
        if not host:
            raise FetchError(f"refused {url}: no host")
        if not self.allow_private_hosts and is_private_host(host):
            raise FetchError(
                f"refused {url}: private or loopback address (use --allow-private-hosts)"
            )

    def get(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        *,
        obey_robots: bool = False,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """GET with every redirect hop checked, retrying 429, 5xx and lost connections.

        `etag` and `last_modified` make it a conditional GET (a 304 has an empty body);
        `obey_robots` checks robots.txt before each hop.
        """
        headers = dict(headers or {})
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._fetch(url, headers, obey_robots, self.max_bytes, truncate=False)
        if response.not_modified:
            response.etag = response.etag or etag
            response.last_modified = response.last_modified or last_modified
        return response

    def robots_rules(self, url: str) -> RobotsRules:
        """The robots.txt rules of the URL's host, read once per run."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._read_robots(origin)
            return self._robots[origin]

    def _read_robots(self, origin: str) -> RobotsRules:
        try:
            response = self._fetch(f"{origin}/robots.txt", {}, False, ROBOTS_MAX_BYTES, True)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return RobotsRules()  # no robots.txt: everything is allowed
            return RobotsRules(unavailable=str(exc))  # RFC 9309: assume complete disallow
        return RobotsRules.parse(response.body.decode("utf-8", errors="replace"))

    def _fetch(
        self, url: str, headers: dict[str, str], obey_robots: bool, limit: int, truncate: bool
    ) -> Response:
        attempt = 1
        while True:
            try:
                return self._follow(url, headers, obey_robots, limit, truncate)
            except _Retryable as exc:
                if exc.retry_after is not None and exc.retry_after > self.max_retry_after:
                    raise FetchError(
                        f"{url}: {exc.reason}; the server asks to retry in "
                        f"{exc.retry_after:.0f} s, more than the {self.max_retry_after:g} s limit",
                        exc.status,
                    ) from None
                if attempt > self.retries:
                    tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                    raise FetchError(f"{url}: {exc.reason}{tries}", exc.status) from None
                delay = exc.retry_after
                if delay is None:
                    # Exponential, with jitter so that retries from many clients spread out.
                    delay = self.backoff * 2 ** (attempt - 1) * (1 + random.random())
                    delay = min(self.max_backoff, delay)
                self._pause(url, delay, exc.reason)
                attempt += 1

    def _follow(
        self, url: str, headers: dict[str, str], obey_robots: bool, limit: int, truncate: bool
    ) -> Response:
        seen: set[str] = set()
        current = url
        for _ in range(self.max_redirects + 1):
            key = urldefrag(current)[0]
            if key in seen:
                raise FetchError(f"{url}: redirect loop at {current}")
            seen.add(key)
            self.check_url(current)
            if obey_robots:
                rules = self.robots_rules(current)
                if not rules.allows(current):
                    raise RobotsDisallowed(_robots_refusal(rules, current, url))
            result = self._exchange(current, headers, limit, truncate)
            if isinstance(result, Response):
                return result
            current = result.location
        raise FetchError(f"{url}: more than {self.max_redirects} redirects")

    def _exchange(
        self, url: str, headers: dict[str, str], limit: int, truncate: bool
    ) -> Response | _Redirect:
        """One request: a response read in full, or where it redirects to."""
        wait = self._gate.reserve((urlsplit(url).hostname or "").lower())
        if wait > 0:
            self._pause(url, wait, "rate limit")
        with self._slots:
            with self._lock:
                self.requests_made += 1
            started = time.monotonic()
            raw = self._send(url, headers)
            with raw:
                return self._receive(url, raw, limit, truncate, started)

    def _send(self, url: str, headers: dict[str, str]) -> requests.Response:
        try:
            return self.session.get(
                url,
                headers=headers,
                timeout=(self.connect_timeout, self.timeout),
                allow_redirects=False,
                stream=True,
            )
        except _PrivatePeer as exc:
            raise FetchError(
                f"refused {url}: connects to private address {exc.address} "
                "(use --allow-private-hosts)"
            ) from None
        except requests.ConnectTimeout:
            raise _Retryable(f"no connection within {self.connect_timeout:g} s") from None
        except requests.ReadTimeout:
            raise _Retryable(f"timed out: no response within {self.timeout:g} s") from None
        except requests.exceptions.SSLError as exc:
            raise FetchError(f"{url}: TLS error ({_cause(exc)})") from None
        except requests.ConnectionError as exc:
            raise _Retryable(f"connection failed ({_cause(exc)})") from None
        except (requests.RequestException, ValueError, UnicodeError) as exc:
            raise FetchError(f"{url}: request failed ({_cause(exc)})") from None

    def _receive(
        self, url: str, raw: requests.Response, limit: int, truncate: bool, started: float
    ) -> Response | _Redirect:
        status = raw.status_code
        phrase = f"HTTP {status} {_one_line(raw.reason or '')[:60]}".rstrip()
        if raw.is_redirect:
            target = self.session.get_redirect_target(raw) or ""
            try:
                return _Redirect(urljoin(url, requote_uri(target)))
            except ValueError:
                raise FetchError(f"{url}: {phrase} to an invalid URL", status) from None
        if status == 429 or (status >= 500 and status not in _NOT_RETRIED_5XX):
            raise _Retryable(phrase, status, _retry_after(raw))
        if status == 304:
            etag, modified = raw.headers.get("ETag"), raw.headers.get("Last-Modified")
            return Response(url, 304, b"", None, None, etag, modified)
        if status >= 300:
            raise FetchError(f"{url}: {phrase}", status)
        body = self._read_body(url, raw, limit, truncate, started)
        ctype = raw.headers.get("Content-Type")
        return Response(
            url=url,
            status=status,
            body=body,
            content_type=ctype.split(";")[0].strip().lower() if ctype else None,
            charset=_charset(ctype),
            etag=raw.headers.get("ETag"),
            last_modified=raw.headers.get("Last-Modified"),
        )

    def _read_body(
        self, url: str, raw: requests.Response, limit: int, truncate: bool, started: float
    ) -> bytes:
        """At most `limit` bytes, decompressed here so that a gzip bomb stops at the limit."""
        declared = _content_length(raw)
        if declared is not None and declared > limit and not truncate:
            raise FetchError(f"{url}: body of {declared} bytes exceeds the {limit} byte limit")
        inflater = _Inflater.for_encoding(raw.headers.get("Content-Encoding"), url)
        chunks: list[bytes] = []
        size = received = 0
        try:
            for chunk in raw.raw.stream(CHUNK_BYTES, decode_content=False):
                received += len(chunk)
                if inflater is not None:
                    chunk = inflater.feed(chunk, limit - size)
                size += len(chunk)
                if size > limit or received > limit:
                    if truncate:
                        chunks.append(chunk[: max(0, limit - size + len(chunk))])
                        break
                    grew = "decompresses to" if inflater is not None else "is"
                    raise FetchError(f"{url}: body {grew} more than the {limit} byte limit")
                chunks.append(chunk)
                if time.monotonic() - started > self.max_fetch_seconds:
                    raise FetchError(
                        f"{url}: download took longer than {self.max_fetch_seconds:g} s"
                    )
        except ReadTimeoutError:
            raise _Retryable(f"timed out reading the body (after {received} bytes)") from None
        except (Urllib3Error, http.client.HTTPException, OSError) as exc:
            if _is_incomplete_read(exc):
                expected = f" of {declared}" if declared is not None else ""
                raise _Retryable(f"truncated body (got {received}{expected} bytes)") from None
            raise _Retryable(f"connection lost reading the body ({_cause(exc)})") from None
        except zlib.error:
            raise FetchError(f"{url}: corrupt compressed body") from None
        return b"".join(chunks)

    def _pause(self, url: str, seconds: float, reason: str) -> None:
        self.waits.append(Wait(url, seconds, reason))
        if seconds > 0:
            self._sleep(seconds)
