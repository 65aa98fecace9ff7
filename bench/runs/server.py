"""The corpus over HTTP: a local server with ETag/Last-Modified and conditional GET, like a real
site, counting every request by kind."""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import Counter
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


class CorpusServer:
    """Serves a corpus folder on 127.0.0.1 with ETag/Last-Modified, counting every request."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.counts: Counter[str] = Counter()
        self.bytes_sent = 0
        self._lock = threading.Lock()
        handler = functools.partial(_Handler, server_state=self)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def record(self, kind: str, size: int) -> None:
        with self._lock:
            self.counts[kind] += 1
            self.bytes_sent += size

    def take(self) -> dict[str, int]:
        """The counts since the last call, and start again."""
        with self._lock:
            counts = dict(self.counts)
            counts["bytes"] = self.bytes_sent
            counts["total"] = sum(v for k, v in self.counts.items())
            self.counts.clear()
            self.bytes_sent = 0
        return counts

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle's algorithm on, the body waits for the
    # client's delayed ACK of the headers on a kept-alive connection: 40 ms a page, measured,
    # which real web servers (TCP_NODELAY) do not charge. The benchmark measured it until now.
    disable_nagle_algorithm = True
    server_state: CorpusServer

    def __init__(self, *args: Any, server_state: CorpusServer, **kwargs: Any) -> None:
        self.server_state = server_state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        state = self.server_state
        relative = unquote(urlsplit(self.path).path).lstrip("/")
        path = (state.root / relative).resolve()
        kind = (
            "robots"
            if relative == "robots.txt"
            else "feed"
            if relative.startswith("feeds/")
            else "page"
        )
        if not path.is_file() or state.root not in path.parents:
            state.record(f"{kind}_404", 0)
            self._send(404, b"not found", "text/plain")
            return
        data = path.read_bytes()
        mtime = int(path.stat().st_mtime)
        etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
        modified = formatdate(mtime, usegmt=True)
        if self._not_modified(etag, mtime):
            state.record(f"{kind}_304", 0)
            self._send(304, b"", None, etag, modified)
            return
        state.record(kind, len(data))
        ctype = {
            "feed": "application/rss+xml; charset=utf-8",
            "page": "text/html; charset=utf-8",
        }.get(kind, "text/plain; charset=utf-8")
        self._send(200, data, ctype, etag, modified)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        match = self.headers.get("If-None-Match")
        if match:
            return etag in [t.strip() for t in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return mtime <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str | None,
        etag: str | None = None,
        modified: str | None = None,
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified or "")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return
