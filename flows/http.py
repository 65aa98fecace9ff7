"""HTTP fetching: one requests Session per run, timeouts, retries, size limits, host safety."""

from __future__ import annotations

import ipaddress
import random
import socket
import time
import zlib
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests

from flows import __version__ as VERSION

USER_AGENT = f"Wirehouse/{VERSION} (+https://github.com/wirehouse/wirehouse; news ETL)"
RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5


class FetchError(RuntimeError):
    """A fetch that failed for a reason worth one line in the run summary."""


@dataclass(slots=True)
class Response:
    url: str
    status: int
    body: bytes
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_private_host(host: str) -> bool:
    """True when the host resolves to a private, loopback, link-local or reserved address."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host}: {exc.strerror}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_reserved
            or address.is_multicast
            or address.is_unspecified
        ):
            return True
    return False


class Fetcher:
    """Polite, bounded HTTP GETs."""

    def __init__(
        self,
        *,
        allow_private_hosts: bool = False,
        timeout: float = 20.0,
        max_bytes: int = 10 * 1024 * 1024,
        retries: int = 3,
        backoff: float = 0.5,
        max_retry_after: float = 30.0,
    ) -> None:
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers["Accept-Encoding"] = "gzip, deflate"
        self.allow_private_hosts = allow_private_hosts
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.requests_made = 0

    def close(self) -> None:
        self.session.close()

    def check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"refused {url}: only http and https are fetched")
        if not parts.hostname:
            raise FetchError(f"refused {url}: no host")
        if not self.allow_private_hosts and is_private_host(parts.hostname):
            raise FetchError(
                f"refused {url}: private or loopback address (use --allow-private-hosts)"
            )

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET with redirects checked hop by hop, retries on 429/5xx and connection errors."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._get_following(url, headers)
            except _Retryable as exc:
                attempt += 1
                if attempt > self.retries:
                    raise FetchError(f"{url}: {exc.reason} after {attempt} attempts") from None
                delay = exc.retry_after
                if delay is None:
                    delay = self.backoff * (2 ** (attempt - 1)) * (1 + random.random())
                time.sleep(min(delay, self.max_retry_after))

    def _get_following(self, url: str, headers: dict[str, str]) -> Response:
        seen = set()
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self.check_url(current)
            if current in seen:
                raise FetchError(f"{url}: redirect loop at {current}")
            seen.add(current)
            try:
                self.requests_made += 1
                raw = self.session.get(
                    current,
                    headers=headers,
                    timeout=(min(self.timeout, 10.0), self.timeout),
                    allow_redirects=False,
                    stream=True,
                )
            except requests.Timeout:
                raise _Retryable("timed out", None) from None
            except requests.ConnectionError as exc:
                raise _Retryable(f"connection failed ({type(exc).__name__})", None) from None
            with raw:
                if raw.is_redirect and raw.headers.get("Location"):
                    current = urljoin(current, raw.headers["Location"])
                    continue
                if raw.status_code in RETRY_STATUS:
                    raise _Retryable(f"HTTP {raw.status_code}", _retry_after(raw))
                if raw.status_code == 304:
                    return Response(current, 304, b"", None, None, etag=None, last_modified=None)
                if raw.status_code >= 400:
                    raise FetchError(f"{current}: HTTP {raw.status_code}")
                body = self._read_bounded(raw, current)
                ctype = raw.headers.get("Content-Type")
                return Response(
                    url=current,
                    status=raw.status_code,
                    body=body,
                    content_type=ctype.split(";")[0].strip() if ctype else None,
                    charset=_charset(ctype),
                    etag=raw.headers.get("ETag"),
                    last_modified=raw.headers.get("Last-Modified"),
                )
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _read_bounded(self, raw: requests.Response, url: str) -> bytes:
        """Read at most max_bytes, decompressing ourselves so a gzip bomb stops early."""
        declared = raw.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: body of {int(declared)} bytes exceeds {self.max_bytes}")
        encoding = (raw.headers.get("Content-Encoding") or "").lower()
        decompressor = (
            zlib.decompressobj(16 + zlib.MAX_WBITS)
            if encoding == "gzip"
            else zlib.decompressobj()
            if encoding == "deflate"
            else None
        )
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in raw.raw.stream(64 * 1024, decode_content=False):
                if decompressor is not None:
                    chunk = decompressor.decompress(chunk, self.max_bytes - size + 1)
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"{url}: body exceeds {self.max_bytes} bytes")
                chunks.append(chunk)
        except (requests.RequestException, OSError, zlib.error) as exc:
            raise FetchError(f"{url}: body could not be read ({type(exc).__name__})") from None
        except Exception as exc:
            if "IncompleteRead" in type(exc).__name__ or "ProtocolError" in type(exc).__name__:
                raise FetchError(f"{url}: truncated body") from None
            raise
        return b"".join(chunks)


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(raw: requests.Response) -> float | None:
    value = raw.headers.get("Retry-After")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None
