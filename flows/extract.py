"""Extract: read a source's documents from local files or over HTTP."""

from __future__ import annotations

import functools
import gzip
import io
import json
import logging
import os
import re
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qsl, quote_plus, urlencode, urljoin, urlsplit, urlunsplit

from flows.config import Source
from flows.http import Fetcher, FetchError, Response
from flows.limits import document_guard
from transforms.documents import KNOWN_SUFFIXES, DocumentError, Parsed, parse_payload
from transforms.failures import Failure, describe
from transforms.model import Document
from warehouse.archive import Archive

log = logging.getLogger(__name__)

MAX_GZIP_BYTES = 200 * 1024 * 1024


@dataclass(slots=True)
class Extracted:
    """What one source gave: documents, documents it could not read, and warnings."""

    source: Source
    documents: list[Document] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    failures: list[Failure] = field(default_factory=list)  # documents our code raised on
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # the source as a whole failed
    state: dict[str, Any] = field(default_factory=dict)
    not_modified: bool = False


class LinkReader(Protocol):
    """Reads the pages a feed or API response links to."""

    @property
    def workers(self) -> int: ...

    def __call__(self, target: str, remote: bool) -> Parsed: ...


@dataclass(slots=True)
class LiveReader:
    """Fetches linked pages (or reads them from disk for a local feed) and archives them."""

    source: Source
    fetcher: Fetcher
    archive: Archive | None
    mask: SecretMask | None = None

    @property
    def workers(self) -> int:
        return self.fetcher.max_concurrency

    def __call__(self, target: str, remote: bool) -> Parsed:
        # A fetched document only ever leads to more fetching (of http/https URLs, which the
        # fetcher checks), never to reading a local file.
        if remote or _is_url(target):
            response = self.fetcher.get(target, obey_robots=respects_robots(self.source))
            origin = self.mask(target) if self.mask else target
            _keep(self.archive, self.source, response.body, origin, "linked", response)
            return parse_payload(
                response.body, response.url, response.content_type, response.charset
            )
        data = Path(target).read_bytes()
        _keep(self.archive, self.source, data, target, "linked")
        return parse_payload(data, target)


@dataclass(slots=True)
class ArchiveReader:
    """Serves linked pages from the raw archive: replay without the network."""

    archive: Archive
    linked: dict[str, tuple[str, str | None, str | None]]  # origin -> (hash, type, charset)
    workers: int = 1

    def __call__(self, target: str, remote: bool) -> Parsed:
        found = self.linked.get(target)
        if found is None:
            raise FetchError("not in the raw archive")
        payload_hash, content_type, charset = found
        return parse_payload(self.archive.read(payload_hash), target, content_type, charset)


def _keep(
    archive: Archive | None,
    source: Source,
    data: bytes,
    origin: str,
    role: str,
    response: Response | None = None,
) -> None:
    if archive is None:
        return
    archive.keep(
        data,
        source_name=source.name,
        origin=origin,
        role=role,
        content_type=response.content_type if response else None,
        charset=response.charset if response else None,
        etag=response.etag if response else None,
        last_modified=response.last_modified if response else None,
    )


def extract_source(
    source: Source,
    fetcher: Fetcher,
    state: dict[str, Any] | None = None,
    archive: Archive | None = None,
) -> Extracted:
    """Every document of a source; failures are recorded, never raised."""
    out = Extracted(source=source)
    mask = SecretMask.of(source)
    reader = LiveReader(source, fetcher, archive, mask)
    try:
        if source.is_remote and source.kind == "api":
            _extract_api(source, fetcher, state or {}, out, reader)
        elif source.is_remote:
            _extract_remote(source, fetcher, state or {}, out, reader)
        else:
            _extract_local(source, Path(source.location), out, reader, state or {})
    except (FetchError, DocumentError, OSError) as exc:
        out.error = str(exc)
    except Exception as exc:  # a bug in one source must not stop the run
        log.debug("extracting %s failed", source.name, exc_info=True)
        out.error = _unexpected(exc)
    if mask is not None:
        mask.apply(out)
    return out


def respects_robots(source: Source) -> bool:
    """Source option `respect_robots` (default true): obey robots.txt for linked pages."""
    value = source.options.get("respect_robots", True)
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "no", "off", "0")
    return bool(value)


def replay_source(
    source_name: str,
    roots: list[dict[str, Any]],
    archive: Archive,
    linked: dict[str, tuple[str, str | None, str | None]],
) -> Extracted:
    """A source's documents rebuilt from archived payloads, oldest first, without fetching."""
    source = Source(name=source_name, kind="archive", location=f"raw archive of {source_name}")
    out = Extracted(source=source)
    reader = ArchiveReader(archive, linked)
    for root in roots:
        origin = str(root["origin"])
        try:
            data = archive.read(str(root["payload_hash"]))
            parsed = parse_payload(data, origin, root.get("content_type"), root.get("charset"))
        except (DocumentError, OSError, EOFError, zlib.error) as exc:
            out.rejected.append((origin, str(exc)))
            continue
        except Exception as exc:  # one broken payload must not stop the rest
            out.failures.append(describe(exc, "extract", origin))
            continue
        _collect(parsed, origin, out, reader)
    return out


_EXTRACT_GUARD = document_guard(None, stage="extract")  # the failure-injection seam only


def _extract_local(
    source: Source, root: Path, out: Extracted, reader: LiveReader, state: dict[str, Any]
) -> None:
    """Every readable file under `root`, except those read by the last complete run and not
    changed since (same size and modification time): the local form of a conditional GET, so
    a scheduled run over a growing archive reads only its new files. The files read are the
    source's `cursor`, saved with the run's last batch; a file that could not be read is not
    in it, so the next run tries it again."""
    if not root.exists():
        raise FetchError(f"no such file or folder: {root}")
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if _readable(p))
    before = _read_files(state.get("cursor"))
    seen: dict[str, str] = {}
    for path in files:
        try:
            stat = path.stat()
        except OSError as exc:
            out.rejected.append((str(path), str(exc)))
            continue
        mark = f"{stat.st_size}:{stat.st_mtime_ns}"
        if before.get(str(path)) == mark:
            seen[str(path)] = mark
            continue
        if _read_local(source, path, out, reader):
            seen[str(path)] = mark
    out.state = {"cursor": json.dumps({"files": seen}, sort_keys=True)}
    out.not_modified = bool(files) and seen == before and len(seen) == len(files)


def _read_files(cursor: Any) -> dict[str, str]:
    """The files a local source's last complete run read, from its cursor (none if unknown)."""
    if not isinstance(cursor, str) or not cursor:
        return {}
    try:
        files = json.loads(cursor).get("files")
    except (ValueError, AttributeError):
        return {}
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _read_local(source: Source, path: Path, out: Extracted, reader: LiveReader) -> bool:
    """One local file's documents into `out`; whether it could be read."""
    try:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = _gunzip(data, path)
        name = str(path)[:-3] if path.suffix == ".gz" else str(path)
        _keep(reader.archive, source, data, name, "source")
        with _EXTRACT_GUARD(data):
            parsed = parse_payload(data, name)
    except (DocumentError, OSError, EOFError, zlib.error) as exc:
        out.rejected.append((str(path), str(exc)))
        return False
    except Exception as exc:  # one broken file must not stop the rest
        out.failures.append(describe(exc, "extract", str(path)))
        return False
    _collect(parsed, str(path), out, reader)
    return True


def _readable(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return path.is_file() and name.endswith(KNOWN_SUFFIXES)


def _gunzip(data: bytes, path: Path) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
        out = handle.read(MAX_GZIP_BYTES + 1)
    if len(out) > MAX_GZIP_BYTES:
        raise DocumentError(f"{path}: decompresses to more than {MAX_GZIP_BYTES} bytes")
    return out


@dataclass(frozen=True, slots=True)
class ApiAccess:
    """How to call a news API: its key (from the environment, never stored) and its pages."""

    headers: dict[str, str]
    params: dict[str, str]
    mask: SecretMask | None
    page_param: str | None
    max_pages: int

    @classmethod
    def of(cls, source: Source) -> ApiAccess:
        options = source.options
        headers: dict[str, str] = {}
        params: dict[str, str] = {}
        variable = options.get("api_key_env")
        if variable:
            secret = os.environ.get(str(variable))
            if not secret:
                raise FetchError(f"the API key variable {variable} is not set")
            if options.get("api_key_param"):
                params[str(options["api_key_param"])] = secret
            else:
                headers[str(options.get("api_key_header", "X-Api-Key"))] = secret
        pages = int(options.get("max_pages", 1))
        return cls(headers, params, SecretMask.of(source), options.get("page_param"), max(pages, 1))

    def url(self, location: str, page: int) -> str:
        extra = dict(self.params)
        if self.page_param and page > 1:
            extra[str(self.page_param)] = str(page)
        if not extra:
            return location
        parts = urlsplit(location)
        query = [(k, v) for k, v in parse_qsl(parts.query) if k not in extra]
        return urlunsplit(parts._replace(query=urlencode(query + list(extra.items()))))

    def redact(self, text: str) -> str:
        """Error lines and stored origins never show the key."""
        return self.mask(text) if self.mask else text


@dataclass(frozen=True, slots=True)
class SecretMask:
    """Replaces an API key with `***` in text, however a URL carries it.

    The key may appear as it is, percent-encoded (`quote`, `quote_plus`, either case of hex
    digits, `+` for a space) or inside a message that requests or urllib3 built around the URL;
    and the query parameter that carries it (`api_key_param`) is masked whatever its value.
    """

    secret: str | None
    param: str | None = None

    @classmethod
    def of(cls, source: Source) -> SecretMask | None:
        """The mask of a source whose key comes from the environment; None when it has none."""
        variable = source.options.get("api_key_env")
        secret = os.environ.get(str(variable)) if variable else None
        param = source.options.get("api_key_param")
        if not secret and not param:
            return None
        return cls(secret or None, str(param) if param else None)

    def __call__(self, text: str) -> str:
        if self.param:
            text = _param_pattern(self.param).sub(r"\g<1>***", text)
        if self.secret:
            text = _secret_pattern(self.secret).sub("***", text)
        return text

    def apply(self, out: Extracted) -> None:
        """Mask every line and origin that leaves the extract step."""
        if out.error is not None:
            out.error = self(out.error)
        out.rejected = [(self(origin), self(reason)) for origin, reason in out.rejected]
        out.warnings = [self(warning) for warning in out.warnings]
        for failure in out.failures:
            failure.key, failure.message = self(failure.key), self(failure.message)
            failure.traceback = self(failure.traceback)
        for doc in out.documents:
            if doc.origin is not None:
                doc.origin = self(doc.origin)


@functools.lru_cache(maxsize=16)
def _param_pattern(param: str) -> re.Pattern[str]:
    names = sorted({re.escape(param), re.escape(quote_plus(param, safe=""))})
    # The value ends where the query pair does, or where a message goes on after the URL.
    return re.compile(rf"([?&;](?:{'|'.join(names)})=)[^&#\s'\"<>()]*")


@functools.lru_cache(maxsize=16)
def _secret_pattern(secret: str) -> re.Pattern[str]:
    """Each character as it is or percent-encoded (UTF-8, either hex case); a space also `+`."""
    parts = []
    for char in secret:
        encoded = "".join(f"%[{b >> 4:X}{b >> 4:x}][{b & 15:X}{b & 15:x}]" for b in char.encode())
        plus = r"|\+" if char == " " else ""
        parts.append(f"(?:{re.escape(char)}|{encoded}{plus})")
    return re.compile("".join(parts))


def _extract_api(
    source: Source, fetcher: Fetcher, state: dict[str, Any], out: Extracted, reader: LiveReader
) -> None:
    """A JSON news API, page by page while pages bring new articles (up to `max_pages`)."""
    access = ApiAccess.of(source)
    seen: set[str] = set()
    for page in range(1, access.max_pages + 1):
        url = access.url(source.location, page)
        first = page == 1
        try:
            response = fetcher.get(
                url,
                state.get("etag") if first else None,
                state.get("last_modified") if first else None,
                headers=access.headers,
            )
        except FetchError as exc:
            raise FetchError(access.redact(str(exc)), exc.status) from None
        if response.not_modified:
            out.not_modified = True
            out.state = {"etag": response.etag, "last_modified": response.last_modified}
            return
        if first:
            out.state = {"etag": response.etag, "last_modified": response.last_modified}
        origin = access.redact(response.url)
        _keep(reader.archive, source, response.body, origin, "source", response)
        parsed = parse_payload(response.body, origin, response.content_type, response.charset)
        keys = {d.url or d.id or "" for d in [*parsed.documents, *parsed.links]} - seen
        if not keys:
            return  # an empty page, or the API repeating itself: the end
        seen |= keys
        _collect(parsed, origin, out, reader)


def _extract_remote(
    source: Source, fetcher: Fetcher, state: dict[str, Any], out: Extracted, reader: LiveReader
) -> None:
    # The configured URL itself is the user's choice: robots.txt governs only the pages it links.
    response = fetcher.get(source.location, state.get("etag"), state.get("last_modified"))
    if response.not_modified:
        out.not_modified = True
        out.state = {"etag": response.etag, "last_modified": response.last_modified}
        return
    out.state = {"etag": response.etag, "last_modified": response.last_modified}
    _keep(reader.archive, source, response.body, response.url, "source", response)
    parsed = parse_payload(response.body, response.url, response.content_type, response.charset)
    _collect(parsed, response.url, out, reader)


def _collect(parsed: Parsed, base: str, out: Extracted, reader: LinkReader) -> None:
    if _is_url(base):
        # A page fetched by its own URL is identified by it when it names no canonical link.
        for doc in parsed.documents:
            if doc.html is not None and doc.url is None:
                doc.url = base
    out.documents.extend(parsed.documents)
    out.rejected.extend(parsed.rejected)
    out.warnings.extend(f"{base}: {w}" for w in parsed.warnings)
    targets = [_join(base, link.url or "") for link in parsed.links]
    pages = _read_all(targets, _is_url(base), reader)
    for link, target, page in zip(parsed.links, targets, pages, strict=True):
        if isinstance(page, str):
            out.rejected.append((target, page))
            continue
        if isinstance(page, Failure):
            out.failures.append(page)
            continue
        out.rejected.extend(page.rejected)
        out.warnings.extend(f"{target}: {w}" for w in page.warnings)
        for doc in page.documents:
            doc.title = link.title or doc.title
            doc.author = link.author or doc.author
            doc.published = link.published or doc.published
            # The page names its own publisher; the feed's title is only a fallback.
            doc.via = link.source
            doc.url = target if _is_url(target) else doc.url
            doc.origin = target
            out.documents.append(doc)


def _read_all(targets: list[str], remote: bool, reader: LinkReader) -> list[Parsed | str | Failure]:
    """Each linked page, or the one-line reason it could not be read (a Failure when our code
    raised on it); in order, several at once."""

    def read(target: str) -> Parsed | str | Failure:
        try:
            return reader(target, remote)
        except (FetchError, DocumentError, OSError) as exc:
            return str(exc)
        except Exception as exc:  # one broken page must not stop the others
            return describe(exc, "extract", target)

    workers = min(reader.workers, len(targets))
    if workers <= 1:
        return [read(target) for target in targets]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="wirehouse-fetch") as pool:
        return list(pool.map(read, targets))


def _join(base: str, link: str) -> str:
    if _is_url(link):
        return link
    if _is_url(base):
        return urljoin(base, link)
    return str((Path(base).parent / link).resolve())


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _unexpected(exc: Exception) -> str:
    return " ".join(f"unexpected {type(exc).__name__}: {exc}".split())
