"""Extract: read a source's documents from local files or over HTTP."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from flows.config import Source
from flows.http import Fetcher, FetchError
from transforms.documents import KNOWN_SUFFIXES, DocumentError, Parsed, parse_payload
from transforms.model import Document

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
            _extract_local(Path(source.location), fetcher, out)
    except (FetchError, DocumentError, OSError) as exc:
        out.error = str(exc)
    return out


def _extract_local(root: Path, fetcher: Fetcher, out: Extracted) -> None:
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
        except (DocumentError, OSError, EOFError) as exc:
            out.rejected.append((str(path), str(exc)))
            continue
        _collect(parsed, str(path), fetcher, out)


def _readable(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return path.is_file() and name.endswith(KNOWN_SUFFIXES)


def _gunzip(data: bytes, path: Path) -> bytes:
    with gzip.GzipFile(fileobj=__import__("io").BytesIO(data)) as handle:
        out = handle.read(MAX_GZIP_BYTES + 1)
    if len(out) > MAX_GZIP_BYTES:
        raise DocumentError(f"{path}: decompresses to more than {MAX_GZIP_BYTES} bytes")
    return out


def _extract_remote(
    source: Source, fetcher: Fetcher, state: dict[str, Any], out: Extracted
) -> None:
    response = fetcher.get(source.location, state.get("etag"), state.get("last_modified"))
    if response.not_modified:
        out.not_modified = True
        out.state = {"etag": state.get("etag"), "last_modified": state.get("last_modified")}
        return
    out.state = {"etag": response.etag, "last_modified": response.last_modified}
    parsed = parse_payload(response.body, response.url, response.content_type, response.charset)
    if source.kind == "page" and parsed.documents and not parsed.links:
        for doc in parsed.documents:
            doc.url = doc.url or response.url
    _collect(parsed, response.url, fetcher, out)


def _collect(parsed: Parsed, base: str, fetcher: Fetcher, out: Extracted) -> None:
    out.documents.extend(parsed.documents)
    out.rejected.extend(parsed.rejected)
    out.warnings.extend(f"{base}: {w}" for w in parsed.warnings)
    for link in parsed.links:
        assert link.url is not None
        target = _join(base, link.url)
        try:
            page = _read_linked(target, fetcher)
        except (FetchError, DocumentError, OSError) as exc:
            out.rejected.append((target, str(exc)))
            continue
        for doc in page.documents:
            doc.title = link.title or doc.title
            doc.author = link.author or doc.author
            doc.published = link.published or doc.published
            # The page names its own publisher; the feed's title is only a fallback.
            doc.via = link.source
            doc.url = target if target.startswith("http") else doc.url
            doc.origin = target
            out.documents.append(doc)


def _join(base: str, link: str) -> str:
    if link.startswith(("http://", "https://")):
        return link
    if base.startswith(("http://", "https://")):
        return urljoin(base, link)
    return str((Path(base).parent / link).resolve())


def _read_linked(target: str, fetcher: Fetcher) -> Parsed:
    if target.startswith(("http://", "https://")):
        response = fetcher.get(target)
        return parse_payload(response.body, response.url, response.content_type, response.charset)
    path = Path(target)
    return parse_payload(path.read_bytes(), str(path))
