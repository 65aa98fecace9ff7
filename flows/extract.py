"""Extract: read a source's documents from local files or over HTTP."""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from flows.config import Source
from flows.http import Fetcher, FetchError
from transforms.documents import KNOWN_SUFFIXES, DocumentError, Parsed, parse_payload
from transforms.model import Document

log = logging.getLogger(__name__)

MAX_GZIP_BYTES = 200 * 1024 * 1024


@dataclass(slots=True)
class Extracted:
    """What one source gave: documents, documents it could not read, and warnings."""

    source: Source
    documents: list[Document] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # the source as a whole failed
    state: dict[str, Any] = field(default_factory=dict)
    not_modified: bool = False


def extract_source(
    source: Source, fetcher: Fetcher, state: dict[str, Any] | None = None
) -> Extracted:
    """Every document of a source; failures are recorded, never raised."""
    out = Extracted(source=source)
    try:
        if source.is_remote:
            _extract_remote(source, fetcher, state or {}, out)
        else:
            _extract_local(source, Path(source.location), fetcher, out)
    except (FetchError, DocumentError, OSError) as exc:
        out.error = str(exc)
    except Exception as exc:  # a bug in one source must not stop the run
        log.debug("extracting %s failed", source.name, exc_info=True)
        out.error = _unexpected(exc)
    return out


def respects_robots(source: Source) -> bool:
    """Source option `respect_robots` (default true): obey robots.txt for linked pages."""
    value = source.options.get("respect_robots", True)
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "no", "off", "0")
    return bool(value)


def _extract_local(source: Source, root: Path, fetcher: Fetcher, out: Extracted) -> None:
    if not root.exists():
        raise FetchError(f"no such file or folder: {root}")
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if _readable(p))
    for path in files:
        try:
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = _gunzip(data, path)
            name = str(path)[:-3] if path.suffix == ".gz" else str(path)
            parsed = parse_payload(data, name)
        except (DocumentError, OSError, EOFError, zlib.error) as exc:
            out.rejected.append((str(path), str(exc)))
            continue
        _collect(parsed, str(path), source, fetcher, out)


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


def _extract_remote(
    source: Source, fetcher: Fetcher, state: dict[str, Any], out: Extracted
) -> None:
    # The configured URL itself is the user's choice: robots.txt governs only the pages it links.
    response = fetcher.get(source.location, state.get("etag"), state.get("last_modified"))
    if response.not_modified:
        out.not_modified = True
        out.state = {"etag": response.etag, "last_modified": response.last_modified}
        return
    out.state = {"etag": response.etag, "last_modified": response.last_modified}
    parsed = parse_payload(response.body, response.url, response.content_type, response.charset)
    if source.kind == "page" and parsed.documents and not parsed.links:
        for doc in parsed.documents:
            doc.url = doc.url or response.url
    _collect(parsed, response.url, source, fetcher, out)


def _collect(parsed: Parsed, base: str, source: Source, fetcher: Fetcher, out: Extracted) -> None:
    out.documents.extend(parsed.documents)
    out.rejected.extend(parsed.rejected)
    out.warnings.extend(f"{base}: {w}" for w in parsed.warnings)
    targets = [_join(base, link.url or "") for link in parsed.links]
    pages = _read_all(targets, _is_url(base), respects_robots(source), fetcher)
    for link, target, page in zip(parsed.links, targets, pages, strict=True):
        if isinstance(page, str):
            out.rejected.append((target, page))
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


def _read_all(
    targets: list[str], remote: bool, obey_robots: bool, fetcher: Fetcher
) -> list[Parsed | str]:
    """Each linked page, or the one-line reason it could not be read; in order, several at once."""

    def read(target: str) -> Parsed | str:
        try:
            return _read_linked(target, remote, obey_robots, fetcher)
        except (FetchError, DocumentError, OSError) as exc:
            return str(exc)
        except Exception as exc:  # one broken page must not stop the others
            log.debug("reading %s failed", target, exc_info=True)
            return _unexpected(exc)

    workers = min(fetcher.max_concurrency, len(targets))
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


def _read_linked(target: str, remote: bool, obey_robots: bool, fetcher: Fetcher) -> Parsed:
    # A fetched document only ever leads to more fetching (of http/https URLs, which the
    # fetcher checks), never to reading a local file.
    if remote or _is_url(target):
        response = fetcher.get(target, obey_robots=obey_robots)
        return parse_payload(response.body, response.url, response.content_type, response.charset)
    path = Path(target)
    return parse_payload(path.read_bytes(), str(path))


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _unexpected(exc: Exception) -> str:
    return " ".join(f"unexpected {type(exc).__name__}: {exc}".split())
