"""What a server sent back: the `Response`, its headers read, its body inflated within a limit."""

from __future__ import annotations

import http.client
import time
import zlib
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import NamedTuple

import requests

from flows.http.errors import FetchError


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


class _Redirect(NamedTuple):
    location: str


class _Inflater:
    """Inflates a gzip or deflate body chunk by chunk, never far past the room it is given."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
        self._started = False
        self._next_member = False

    @classmethod
    def for_encoding(cls, header: str | None, url: str) -> _Inflater | None:
        encoding = (header or "").strip().lower()
        if encoding in ("", "identity"):
            return None
        if encoding in ("gzip", "x-gzip", "deflate"):
            return cls("deflate" if encoding == "deflate" else "gzip")
        raise FetchError(f"{url}: unsupported content encoding {encoding!r}")

    def feed(self, data: bytes, room: int) -> bytes:
        """Inflate `data`; stops as soon as the output passes `room` bytes."""
        out = bytearray()
        while data:
            try:
                out += self._inflate.decompress(data, room - len(out) + 1)
            except zlib.error:
                if self._next_member:
                    break  # trailing bytes after a complete stream: ignored, as browsers do
                if self.encoding == "deflate" and not self._started:
                    self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # raw, headerless
                    self._started = True
                    continue
                raise
            self._started = True
            if len(out) > room:
                break
            data = b""
            if self._inflate.eof and self._inflate.unused_data:
                data = self._inflate.unused_data  # another gzip member follows
                self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 32)
                self._next_member = True
        return bytes(out)


def _retry_after(raw: requests.Response) -> float | None:
    """Retry-After in seconds: a number of seconds or an HTTP date."""
    value = (raw.headers.get("Retry-After") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - time.time())


def _content_length(raw: requests.Response) -> int | None:
    value = (raw.headers.get("Content-Length") or "").strip()
    return int(value) if value.isdigit() else None


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _is_incomplete_read(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, http.client.IncompleteRead) or any(
            isinstance(arg, http.client.IncompleteRead) for arg in seen.args
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
