"""The `ingest` flow: extract, transform, validate, load — over batches of articles."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from expectations.validate import Validated, validate_batch
from flows.config import Settings, Source, source_timezone
from flows.extract import Extracted, extract_source
from flows.http import Fetcher
from transforms.articles import Rejected, build_article
from transforms.identity import bands
from transforms.model import Article
from transforms.pipeline import (
    analyse,
    article_rows,
    find_duplicates,
    load_nlp,
    signatures_of,
)
from warehouse import db

Progress = Callable[[str, int], None]  # (stage, articles done) -> None


@dataclass(slots=True)
class SourceSummary:
    name: str
    fetched: int = 0
    new: int = 0
    duplicate: int = 0
    unchanged: int = 0
    quarantined: int = 0
    failed: int = 0
    not_modified: bool = False
    error: str | None = None
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = (
            f"{self.name}: fetched {self.fetched}, new {self.new}, duplicate {self.duplicate}, "
            f"unchanged {self.unchanged}, quarantined {self.quarantined}, failed {self.failed}"
        )
        if self.not_modified:
            text += " (not modified since last run)"
        if self.error:
            text += f" — source failed: {self.error}"
        return text


@dataclass(slots=True)
class RunSummary:
    run_id: str
    db_path: str
    sources: list[SourceSummary]
    loaded_rows: int = 0
    status: str = "success"

    @property
    def exit_code(self) -> int:
        return 0 if self.status == "success" else 1

    def totals(self) -> dict[str, int]:
        keys = ("fetched", "new", "duplicate", "unchanged", "quarantined", "failed")
        counts = {k: sum(getattr(s, k) for s in self.sources) for k in keys}
        counts["loaded_rows"] = self.loaded_rows
        return counts


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(source: Source, fetcher: Fetcher, state: dict[str, Any] | None) -> Extracted:
    return extract_source(source, fetcher, state)


@task(name="clean", cache_policy=NO_CACHE)
def clean_task(
    extracted: Extracted, anchor_default: date
) -> tuple[list[Article], list[tuple[str, str]]]:
    """Documents -> articles; documents that are not articles come back with their reason."""
    articles: list[Article] = []
    rejected = list(extracted.rejected)
    local = source_timezone(extracted.source)
    for doc in extracted.documents:
        try:
            articles.append(build_article(doc, extracted.source.name, anchor_default, local))
        except Rejected as exc:
            rejected.append((doc.origin or doc.url or "?", str(exc)))
    return articles, rejected


@dataclass(slots=True)
class Plan:
    """A batch after identity checks: what to analyse, what is a copy, what is already loaded."""

    distinct: list[Article]
    duplicates: list[Article]
    unchanged: list[Article]
    frames: dict[str, pd.DataFrame]


@task(name="identify", cache_policy=NO_CACHE)
def identify_task(batch: list[Article], db_path: Path, run_id: str) -> Plan:
    """Skip articles already loaded unchanged; link exact and near copies to their first copy."""
    unique: dict[str, Article] = {}
    for article in batch:
        unique.setdefault(article.article_id, article)
    articles = list(unique.values())
    ids = pd.DataFrame({"article_id": [a.article_id for a in articles]})
    known = db.lookup(db_path, "known_articles", {"candidates": ids})
    known_hash = dict(zip(known.get("article_id", []), known.get("content_hash", []), strict=True))
    unchanged = [a for a in articles if known_hash.get(a.article_id) == a.content_hash]
    fresh = [a for a in articles if known_hash.get(a.article_id) != a.content_hash]
    signatures = signatures_of(fresh)
    hashes = pd.DataFrame({"content_hash": [a.content_hash for a in fresh]})
    first = db.lookup(db_path, "first_copy_by_hash", {"candidates": hashes})
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
    matches = db.lookup(db_path, "band_candidates", {"candidate_bands": band_frame})
    for row in matches.to_dict(orient="records"):
        shared.setdefault(row["candidate_id"], {})[row["original_id"]] = int(row["shared"])
    duplicate_of = find_duplicates(fresh, signatures, first_by_hash, shared)
    articles_frame, bands_frame = article_rows(
        fresh, signatures, duplicate_of, run_id, datetime.now(UTC)
    )
    return Plan(
        distinct=[a for a in fresh if a.article_id not in duplicate_of],
        duplicates=[a for a in fresh if a.article_id in duplicate_of],
        unchanged=unchanged,
        frames={"articles": articles_frame, "article_bands": bands_frame},
    )


@task(name="transform", cache_policy=NO_CACHE)
def transform_task(articles: list[Article], run_id: str) -> dict[str, pd.DataFrame]:
    return analyse(articles, load_nlp(), run_id)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(frames: dict[str, pd.DataFrame], run_id: str, known: set[str]) -> Validated:
    return validate_batch(frames, run_id, known)


@task(name="load", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def load_task(db_path: Path, frames: dict[str, pd.DataFrame], wait_seconds: float) -> int:
    return db.load_batch(db_path, frames, wait_seconds=wait_seconds)


def _rejection_frame(
    run_id: str, source: str, rejected: list[tuple[str, str]], now: datetime
) -> pd.DataFrame:
    import hashlib

    rows = [
        {
            "rejection_id": hashlib.sha256(f"{source}|{origin}".encode()).hexdigest()[:16],
            "run_id": run_id,
            "source_name": source,
            "origin": origin,
            "reason": reason,
            "rejected_at": now,
        }
        for origin, reason in rejected
    ]
    return pd.DataFrame(rows).drop_duplicates("rejection_id") if rows else pd.DataFrame()


@flow(name="ingest", validate_parameters=False, log_prints=False)
def ingest(
    sources: list[Source],
    db_path: str,
    settings: Settings,
    command: str = "run",
    published_default: date | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Extract every source, then transform, validate and load in batches."""
    path = Path(db_path)
    run_id = new_run_id()
    db.start_run(path, run_id, command, settings.lock_wait_seconds)
    states = db.source_states(path)
    fetcher = Fetcher(
        allow_private_hosts=settings.allow_private_hosts,
        timeout=settings.timeout_seconds,
        max_bytes=settings.max_body_bytes,
    )
    anchor_default = published_default or date.today()
    summaries = {s.name: SourceSummary(s.name) for s in sources}
    pending: list[Article] = []
    now = datetime.now(UTC)
    side_frames: dict[str, list[pd.DataFrame]] = {"rejected_documents": [], "source_state": []}
    try:
        for source in sources:
            extracted = extract_task(source, fetcher, states.get(source.name))
            summary = summaries[source.name]
            articles, rejected = clean_task(extracted, anchor_default)
            summary.fetched = len(extracted.documents) + len(extracted.rejected)
            summary.failed = len(rejected) + (1 if extracted.error else 0)
            summary.error = extracted.error
            summary.not_modified = extracted.not_modified
            summary.problems = [f"{origin}: {reason}" for origin, reason in rejected]
            summary.problems += extracted.warnings
            side_frames["rejected_documents"].append(
                _rejection_frame(run_id, source.name, rejected, now)
            )
            if not extracted.error:
                side_frames["source_state"].append(
                    pd.DataFrame(
                        [
                            {
                                "source_name": source.name,
                                "last_success_at": now,
                                "etag": extracted.state.get("etag"),
                                "last_modified": extracted.state.get("last_modified"),
                                "cursor": None,
                                "run_id": run_id,
                            }
                        ]
                    )
                )
            pending.extend(articles)
            if progress:
                progress("extract", len(pending))
    finally:
        fetcher.close()

    loaded = 0
    done = 0
    source_of = {a.article_id: a.source_name for a in pending}
    for start in range(0, max(len(pending), 1), settings.batch_size):
        batch = pending[start : start + settings.batch_size]
        plan = identify_task(batch, path, run_id)
        frames = dict(plan.frames)
        if plan.distinct:
            frames.update(transform_task(plan.distinct, run_id))
        known = {a.article_id for a in plan.unchanged}
        validated = validate_task(frames, run_id, known) if not frames["articles"].empty else None
        to_load = dict(validated.good) if validated else {}
        to_load["article_bands"] = _bands_of_good(frames["article_bands"], to_load.get("articles"))
        if validated is not None:
            to_load["quarantine"] = validated.quarantine
            to_load["dq_results"] = validated.results
        if start == 0:
            # Rejections and source state ride with the first batch's transaction.
            for name, parts in side_frames.items():
                parts = [p for p in parts if not p.empty]
                if parts and name != "source_state":
                    to_load[name] = pd.concat(parts, ignore_index=True)
        loaded += load_task(path, to_load, settings.lock_wait_seconds)
        _count(summaries, plan, validated, source_of)
        done += len(batch)
        if progress:
            progress("load", done)
    state_parts = [p for p in side_frames["source_state"] if not p.empty]
    if state_parts:
        db.load_batch(
            path,
            {},
            source_state=pd.concat(state_parts, ignore_index=True),
            wait_seconds=settings.lock_wait_seconds,
        )
    result = RunSummary(run_id, str(path), list(summaries.values()), loaded)
    if any(s.failed or s.quarantined or s.error for s in result.sources):
        result.status = "partial"
    db.finish_run(
        path,
        run_id,
        result.status,
        result.totals(),
        {"sources": [s.line() for s in result.sources]},
        settings.lock_wait_seconds,
    )
    return result


def _bands_of_good(bands_frame: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    if articles is None or articles.empty or bands_frame.empty:
        return bands_frame.iloc[0:0]
    return bands_frame[bands_frame["article_id"].isin(set(articles["article_id"]))]


def _count(
    summaries: dict[str, SourceSummary],
    plan: Plan,
    validated: Validated | None,
    source_of: dict[str, str | None],
) -> None:
    for article in plan.unchanged:
        summaries[article.source_name or ""].unchanged += 1
    quarantined_articles: set[str] = set()
    per_source: Counter[str] = Counter()
    if validated is not None and not validated.quarantine.empty:
        import json

        for table, row in zip(
            validated.quarantine["table_name"], validated.quarantine["row"], strict=True
        ):
            article_id = json.loads(row).get("article_id")
            if table == "articles":
                quarantined_articles.add(article_id)
            per_source[source_of.get(article_id) or ""] += 1
    for article in plan.duplicates:
        if article.article_id not in quarantined_articles:
            summaries[article.source_name or ""].duplicate += 1
    for article in plan.distinct:
        if article.article_id not in quarantined_articles:
            summaries[article.source_name or ""].new += 1
    for name, count in per_source.items():
        if name in summaries:
            summaries[name].quarantined += count
