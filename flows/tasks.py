"""The pipeline's stages as Prefect tasks: extract, clean, identify, transform, validate,
load and the batch checks. The flows in `flows/ingest.py` call them in that order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import task
from prefect.cache_policies import NO_CACHE

from expectations.batch import (
    BatchConfig,
    run_batch_checks,
)
from expectations.validate import Validated, build_data_docs, validate_batch
from flows import warm
from flows.config import Settings, Source, source_timezone
from flows.extract import Extracted, extract_source
from flows.http import Fetcher
from flows.limits import document_guard
from flows.plan import Extraction, Plan
from flows.rejections import (
    Rejection,
    failure_rejection,
    rejection,
)
from flows.stages import reached
from flows.summary import SourceSummary
from flows.workers import analyse_and_collect
from transforms.articles import Rejected, build_article
from transforms.batch import (
    find_duplicates,
    signatures_of,
)
from transforms.failures import DocumentTimeout, describe
from transforms.identity import bands
from transforms.model import Article
from transforms.text import normalise_text
from warehouse import db
from warehouse.archive import Archive
from warehouse.staging import stage_batch

# Retries. Fetching retries per request, inside the `Fetcher` (`fetch_retries`, with backoff and
# Retry-After), so the extract task never raises for a network error and has no Prefect retries:
# a task-level retry would fetch the whole source again. The tasks that write (the load, the
# data docs) retry an I/O error that may pass, such as a disk or mount briefly unavailable; a
# lock is not retried here (the load waits for it, then stages the batch) and neither is a bug.
IO_RETRIES = 2
IO_RETRY_DELAYS: list[float] = [1.0, 5.0]


def transient_io(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect's retry condition for the writing tasks: an OSError, or a warehouse error caused
    by one (not the lock, which `Writer` handles, and not a missing file or permission)."""
    try:
        state.result()
    except (FileNotFoundError, PermissionError, IsADirectoryError):
        return False
    except OSError:
        return True
    except db.WarehouseLocked:
        return False
    except db.WarehouseError as exc:
        return isinstance(exc.__cause__, OSError)
    except BaseException:
        return False
    return False


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(
    source: Source, fetcher: Fetcher, state: dict[str, Any] | None, archive: Archive
) -> Extracted:
    """Every document of one source; per-request retries are the fetcher's (see above)."""
    return extract_source(source, fetcher, state, archive)


@task(name="clean", cache_policy=NO_CACHE)
def clean_task(
    extracted: Extracted, anchor_default: date, settings: Settings | None = None
) -> tuple[list[Article], list[Rejection]]:
    """Documents -> articles; documents that are not articles come back with their reason.

    Each document is cleaned under the per-document guard: one that raises or runs out of time
    is rejected with the exception, and the others go on.
    """
    articles: list[Article] = []
    rejected = [rejection(origin, reason, "extract") for origin, reason in extracted.rejected]
    rejected += [failure_rejection(f.key, f) for f in extracted.failures]
    local = source_timezone(extracted.source)
    settings = settings or Settings()
    guard = document_guard(settings.max_document_seconds, stage="clean")
    limits = article_limits(settings, extracted.source)
    for doc in extracted.documents:
        origin = doc.origin or doc.url or "?"
        try:
            with guard(doc.body or doc.html or doc.raw_text or ""):
                articles.append(
                    build_article(doc, extracted.source.name, anchor_default, local, **limits)
                )
        except Rejected as exc:
            rejected.append(rejection(normalise_text(origin), str(exc), "clean"))
        except (Exception, DocumentTimeout) as exc:
            origin = normalise_text(origin)
            rejected.append(failure_rejection(origin, describe(exc, "clean", origin)))
    return articles, rejected


def article_limits(settings: Settings, source: Source) -> dict[str, Any]:
    """build_article's plausibility window and size limits, from the settings and the source."""
    return {
        "earliest_published": settings.earliest_published,
        "max_future_days": settings.max_future_days,
        "max_body_chars": settings.max_body_chars,
        "min_body_words": int(source.options.get("min_body_words", 0)),
    }


@task(name="identify", cache_policy=NO_CACHE)
def identify_task(articles: list[Article], db_path: Path | None, force: bool = False) -> Plan:
    """Skip articles already loaded unchanged; link exact and near copies to their first copy.

    With no readable warehouse (`db_path` None: another process holds it) only the run itself
    is checked; the keyed load still keeps one copy of each article.
    """
    unique: dict[str, Article] = {}
    repeats: list[Article] = []  # the same article again in this run (same URL or id)
    for article in articles:
        if unique.setdefault(article.article_id, article) is not article:
            repeats.append(article)
    articles = list(unique.values())
    ids = pd.DataFrame({"article_id": [a.article_id for a in articles]})
    known = lookup(db_path, "known_articles", {"candidates": ids})
    known_hash = dict(zip(known.get("article_id", []), known.get("content_hash", []), strict=True))
    # `force` (reprocess) analyses every article again, loaded or not.
    unchanged = [
        a for a in articles if not force and known_hash.get(a.article_id) == a.content_hash
    ] + repeats
    fresh = [a for a in articles if force or known_hash.get(a.article_id) != a.content_hash]
    signatures = signatures_of(fresh)
    hashes = pd.DataFrame({"content_hash": [a.content_hash for a in fresh]})
    first = lookup(db_path, "first_copy_by_hash", {"candidates": hashes})
    first_by_hash = dict(
        zip(first.get("content_hash", []), first.get("article_id", []), strict=True)
    )
    band_frame = pd.DataFrame(
        [
            {"article_id": a.article_id, "band": i, "band_hash": h}
            for a in fresh
            for i, h in enumerate(bands(signatures[a.article_id]))
        ],
        columns=["article_id", "band", "band_hash"],
    ).astype({"band_hash": "uint64"})
    shared: dict[str, dict[str, int]] = {}
    matches = lookup(db_path, "band_candidates", {"candidate_bands": band_frame})
    for row in matches.to_dict(orient="records"):
        shared.setdefault(row["candidate_id"], {})[row["original_id"]] = int(row["shared"])
    duplicate_of = find_duplicates(fresh, signatures, first_by_hash, shared)
    fresh_ids = {a.article_id for a in fresh}
    stored = {a.article_id for a in unchanged} | {
        original for original in duplicate_of.values() if original not in fresh_ids
    }
    return Plan(
        distinct=[a for a in fresh if a.article_id not in duplicate_of],
        duplicates=[a for a in fresh if a.article_id in duplicate_of],
        unchanged=unchanged,
        duplicate_of=duplicate_of,
        signatures=signatures,
        stored=stored,
    )


def lookup(db_path: Path | None, name: str, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return db.lookup(db_path, name, frames) if db_path else pd.DataFrame()


@task(name="transform", cache_policy=NO_CACHE)
def transform_task(
    articles: list[Article], run_id: str, seconds: float | None = None
) -> dict[str, pd.DataFrame]:
    frames = analyse_and_collect(articles, run_id, document_guard(seconds))
    reached("batch-transformed")
    return frames


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(
    frames: dict[str, pd.DataFrame],
    run_id: str,
    known: set[str],
    docs_dir: str | None = None,
    earliest_published: date | str = "1700-01-01",
    max_future_days: float = 2,
) -> Validated:
    """Under `wirehouse serve`, the batch is validated where Great Expectations is already
    imported (`flows/warm.py`), unless the run builds Data Docs; else, or if that fails, here."""
    if docs_dir is None and warm.available():
        try:
            return warm.validate_warm(frames, run_id, known, earliest_published, max_future_days)
        except warm.WarmUnavailable:
            pass  # validated here, as any run
    return validate_batch(
        frames,
        run_id,
        known,
        docs_dir=docs_dir,
        earliest_published=earliest_published,
        max_future_days=max_future_days,
    )


@task(
    name="data-docs",
    cache_policy=NO_CACHE,
    retries=IO_RETRIES,
    retry_delay_seconds=IO_RETRY_DELAYS,
    retry_condition_fn=transient_io,
)
def data_docs_task(docs_dir: str) -> None:
    build_data_docs(docs_dir)


def data_docs_dir(db_path: Path, settings: Settings) -> str | None:
    """Where GX Data Docs go: `data_docs_dir`, relative to the database's folder."""
    if not settings.data_docs_dir:
        return None
    folder = Path(settings.data_docs_dir)
    return str((folder if folder.is_absolute() else db_path.parent / folder).resolve())


@dataclass(slots=True)
class Writer:
    """Loads batches, or stages them as Parquet when another process holds the database."""

    db_path: Path
    wait_seconds: float
    staged: list[str] = field(default_factory=list)
    rows: int = 0

    def write(self, batch_id: str, frames: dict[str, pd.DataFrame], point: str = "") -> None:
        try:
            self.rows += db.load_batch(
                self.db_path,
                frames,
                wait_seconds=self.wait_seconds,
                before_commit=(lambda: reached(point)) if point else None,
            )
        except db.WarehouseLocked:
            folder = stage_batch(self.db_path, batch_id, frames)
            self.staged.append(str(folder))


@task(
    name="load",
    cache_policy=NO_CACHE,
    retries=IO_RETRIES,
    retry_delay_seconds=IO_RETRY_DELAYS,
    retry_condition_fn=transient_io,
)
def load_task(writer: Writer, batch_id: str, frames: dict[str, pd.DataFrame]) -> None:
    """One batch into the warehouse in one transaction, keyed, so a retry loads it once."""
    writer.write(batch_id, frames, point="batch-committing")


@task(name="batch checks", cache_policy=NO_CACHE)
def batch_checks_task(
    run_id: str,
    db_path: Path | None,
    summaries: dict[str, SourceSummary],
    extraction: Extraction,
    articles: list[pd.DataFrame],
    mentions: list[pd.DataFrame],
    checks: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Volume, empty bodies, entities and freshness per source (expectations/batch.py)."""
    stored = db.source_states(db_path) if db_path else {}
    states = pd.DataFrame([*stored.values(), *extraction.states])
    if not states.empty:
        states = states.drop_duplicates("source_name", keep="last")
    volumes = pd.DataFrame(
        [
            {"source_name": s.name, "documents": s.fetched}
            for s in summaries.values()
            if not s.not_modified and not s.error
        ]
    )
    return run_batch_checks(
        run_id,
        articles=concat_frames(articles),
        mentions=concat_frames(mentions),
        rejected=concat_frames(extraction.rejected),
        volumes=volumes,
        volume_history=db.lookup(db_path, "report_source_volumes", {}) if db_path else None,
        source_state=states,
        now=datetime.now(UTC),
        sources=list(summaries) if db_path else None,
        config=BatchConfig.from_mapping(checks or {}),
    )


def concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [f for f in frames if not f.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
