"""The `ingest` flow: extract, transform, validate, load — over batches of articles."""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from expectations.batch import (
    BatchConfig,
    checks_batch_id,
    failed,
    problems,
    run_batch_checks,
)
from expectations.validate import Validated, build_data_docs, validate_batch
from flows.config import Settings, Source, source_timezone
from flows.extract import Extracted, extract_source, replay_source
from flows.faults import fault_point
from flows.http import Fetcher
from flows.limits import document_guard
from flows.runlog import RunLog
from flows.workers import analyse_and_collect, transform_in_processes
from transforms.articles import Rejected, build_article
from transforms.failures import LIMIT_CLASSES, DocumentTimeout, Failure, describe
from transforms.identity import bands
from transforms.model import Article
from transforms.pipeline import (
    FAILURES,
    article_rows,
    find_duplicates,
    load_nlp,
    signatures_of,
)
from transforms.text import normalise_text
from warehouse import db
from warehouse.archive import Archive, prune_archive
from warehouse.staging import load_staged, stage_batch

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
    internal_errors: int = 0  # of `failed`: documents that code raised on (bugs to report)

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
    staged: list[str] = field(default_factory=list)  # batches left as Parquet (database locked)
    staged_before: tuple[int, int] = (0, 0)  # earlier staged (batches, rows) loaded first

    checks: list[str] = field(default_factory=list)  # failed batch checks, one line each
    internal_errors: int = 0  # documents rejected because code raised on them
    log_path: str | None = None  # the run's log, when it holds tracebacks

    @property
    def exit_code(self) -> int:
        return 0 if self.status in ("success", "warn") else 1

    def totals(self) -> dict[str, int]:
        keys = ("fetched", "new", "duplicate", "unchanged", "quarantined", "failed")
        counts = {k: sum(getattr(s, k) for s in self.sources) for k in keys}
        counts["loaded_rows"] = self.loaded_rows
        return counts


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(
    source: Source, fetcher: Fetcher, state: dict[str, Any] | None, archive: Archive
) -> Extracted:
    return extract_source(source, fetcher, state, archive)


Rejection = dict[str, Any]  # one `rejected_documents` row, less the run bookkeeping


def rejection(origin: str, reason: str, stage: str) -> Rejection:
    """A document turned away for what it is (not an article, too short, malformed)."""
    return {"origin": origin, "reason": reason, "stage": stage, "traceback": ""}


def failure_rejection(origin: str, failure: Failure) -> Rejection:
    """A document that code raised on, or that ran out of time or killed its worker."""
    return {
        "origin": origin,
        "reason": failure.reason,
        "stage": failure.stage,
        "error_class": failure.error_class,
        "error_message": failure.message,
        "raised_in": failure.raised_in,
        "traceback": failure.traceback,
    }


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
    limits = _article_limits(settings, extracted.source)
    for doc in extracted.documents:
        origin = doc.origin or doc.url or "?"
        try:
            with guard(doc.body or doc.html or doc.raw_text or ""):
                articles.append(
                    build_article(doc, extracted.source.name, anchor_default, local, **limits)
                )
        except Rejected as exc:
            rejected.append(rejection(normalise_text(origin), str(exc), "clean"))
        except (Exception, DocumentTimeout, RecursionError) as exc:
            origin = normalise_text(origin)
            rejected.append(failure_rejection(origin, describe(exc, "clean", origin)))
    return articles, rejected


def _article_limits(settings: Settings, source: Source) -> dict[str, Any]:
    """build_article's plausibility window and size limits, from the settings and the source."""
    return {
        "earliest_published": settings.earliest_published,
        "max_future_days": settings.max_future_days,
        "max_body_chars": settings.max_body_chars,
        "min_body_words": int(source.options.get("min_body_words", 0)),
    }


def _warning_frame(run_id: str, source: str, articles: list[Article]) -> pd.DataFrame:
    """`dq_results` rows for what cleaning set aside or cut in each article (severity warn)."""
    rows = [
        {
            "run_id": run_id,
            "table_name": "articles",
            "expectation": check,
            "column_name": None,
            "success": False,
            "unexpected_count": 1,
            "details": json.dumps(
                {
                    "source": source,
                    "article_id": a.article_id,
                    "origin": a.origin or a.url,
                    "title": a.title,
                    "detail": detail,
                }
            ),
            "severity": "warn",
        }
        for a in articles
        for check, detail in a.warnings
    ]
    return pd.DataFrame(rows)


@dataclass(slots=True)
class Plan:
    """A run's articles after identity checks: what to analyse, what is a copy, what is loaded."""

    distinct: list[Article]
    duplicates: list[Article]
    unchanged: list[Article]
    duplicate_of: dict[str, str]
    signatures: dict[str, Any]
    stored: set[str]  # ids known to be in the warehouse already (unchanged, or first copies)

    def batches(self, size: int) -> list[list[Article]]:
        """Distinct articles in batches; each copy rides with its first copy's batch."""
        chunks = [self.distinct[i : i + size] for i in range(0, len(self.distinct), size)] or [[]]
        where = {a.article_id: n for n, chunk in enumerate(chunks) for a in chunk}
        for copy in self.duplicates:
            chunks[where.get(self.duplicate_of[copy.article_id], 0)].append(copy)
        return chunks


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
    known = _lookup(db_path, "known_articles", {"candidates": ids})
    known_hash = dict(zip(known.get("article_id", []), known.get("content_hash", []), strict=True))
    # `force` (reprocess) analyses every article again, loaded or not.
    unchanged = [
        a for a in articles if not force and known_hash.get(a.article_id) == a.content_hash
    ] + repeats
    fresh = [a for a in articles if force or known_hash.get(a.article_id) != a.content_hash]
    signatures = signatures_of(fresh)
    hashes = pd.DataFrame({"content_hash": [a.content_hash for a in fresh]})
    first = _lookup(db_path, "first_copy_by_hash", {"candidates": hashes})
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
    matches = _lookup(db_path, "band_candidates", {"candidate_bands": band_frame})
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


def _lookup(db_path: Path | None, name: str, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return db.lookup(db_path, name, frames) if db_path else pd.DataFrame()


@task(name="transform", cache_policy=NO_CACHE)
def transform_task(
    articles: list[Article], run_id: str, seconds: float | None = None
) -> dict[str, pd.DataFrame]:
    frames = analyse_and_collect(articles, run_id, document_guard(seconds))
    fault_point("mid-transform")
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
    return validate_batch(
        frames,
        run_id,
        known,
        docs_dir=docs_dir,
        earliest_published=earliest_published,
        max_future_days=max_future_days,
    )


@task(name="data-docs", cache_policy=NO_CACHE)
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
                before_commit=(lambda: fault_point(point)) if point else None,
            )
        except db.WarehouseLocked:
            folder = stage_batch(self.db_path, batch_id, frames)
            self.staged.append(str(folder))


@task(name="load", cache_policy=NO_CACHE)
def load_task(writer: Writer, batch_id: str, frames: dict[str, pd.DataFrame]) -> None:
    writer.write(batch_id, frames, point="mid-load")


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
        articles=_concat(articles),
        mentions=_concat(mentions),
        rejected=_concat(extraction.rejected),
        volumes=volumes,
        volume_history=db.lookup(db_path, "report_source_volumes", {}) if db_path else None,
        source_state=states,
        now=datetime.now(UTC),
        sources=list(summaries) if db_path else None,
        config=BatchConfig.from_mapping(checks or {}),
    )


def apply_retention(db_path: Path, settings: Settings) -> None:
    """Prune the raw archive and Prefect's stored results by age, when the settings ask."""
    if settings.raw_retention_days is not None and not db.is_locked(db_path):
        prune_archive(db_path, settings.raw_retention_days, settings.lock_wait_seconds)
    if settings.results_retention_days is not None:
        prune_results(settings.results_retention_days)


def prune_results(older_than_days: float) -> int:
    """Delete Prefect result files older than the cutoff from its local storage folder."""
    import os
    import time

    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    storage = Path(os.environ.get("PREFECT_LOCAL_STORAGE_PATH") or home / "storage")
    if not storage.is_dir():
        return 0
    cutoff = time.time() - older_than_days * 86400
    removed = 0
    for path in storage.rglob("*"):
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink()
            removed += 1
    return removed


def publish_artifacts(result: RunSummary) -> None:
    """A markdown summary and a per-source table on the Prefect run, for the Prefect UI."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    lines = [f"# Wirehouse run `{result.run_id}`: {result.status}", ""]
    lines += [f"- {s.line()}" for s in result.sources]
    lines += [f"- batch check {line}" for line in result.checks]
    if result.staged:
        lines.append(f"- {len(result.staged)} batch(es) staged: the warehouse was locked")
    create_markdown_artifact(
        markdown="\n".join(lines), key="wirehouse-run-summary", description="Run summary"
    )
    keys = ("fetched", "new", "duplicate", "unchanged", "quarantined", "failed")
    create_table_artifact(
        table=[{"source": s.name, **{k: getattr(s, k) for k in keys}} for s in result.sources],
        key="wirehouse-run-sources",
        description="Documents and rows per source",
    )


def _rejection_frame(
    run_id: str, source: str, rejected: list[Rejection], now: datetime, log: RunLog | None = None
) -> pd.DataFrame:
    """`rejected_documents` rows; tracebacks go to the run's log, not the table."""
    rows = []
    for item in rejected:
        origin = item["origin"]
        if log is not None and item.get("error_class"):
            log.failure(origin, item["reason"], item.get("traceback", ""))
        rows.append(
            {
                "rejection_id": hashlib.sha256(f"{source}|{origin}".encode()).hexdigest()[:16],
                "run_id": run_id,
                "source_name": source,
                "origin": origin,
                "reason": item["reason"],
                "rejected_at": now,
                "stage": item.get("stage"),
                "error_class": item.get("error_class"),
                "error_message": item.get("error_message"),
                "raised_in": item.get("raised_in"),
            }
        )
    return pd.DataFrame(rows).drop_duplicates("rejection_id") if rows else pd.DataFrame()


@dataclass(slots=True)
class Extraction:
    """Everything the extract stage produced, ready to batch."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[pd.DataFrame] = field(default_factory=list)
    states: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[pd.DataFrame] = field(default_factory=list)  # dq_results rows from cleaning


def _with_warnings(results: pd.DataFrame | None, extraction: Extraction) -> pd.DataFrame:
    """A batch's dq_results with the run's cleaning warnings added (they load with batch 0)."""
    frames = [f for f in (results, *extraction.warnings) if f is not None and not f.empty]
    if not frames:
        return pd.DataFrame()
    merged = pd.concat(frames, ignore_index=True)
    if "severity" in merged.columns:
        merged["severity"] = merged["severity"].fillna("fail")  # the table's default
    return merged


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
    run = _Run.start(Path(db_path), command, settings)
    summaries = {s.name: SourceSummary(s.name) for s in sources}
    extraction = _extract_all(
        sources,
        settings,
        summaries,
        db.source_states(run.path) if run.readable else {},
        published_default or date.today(),
        run.archive,
        progress,
        run.log,
    )
    return run.process(extraction, summaries, progress, force=False)


def with_runner(chosen: Any, settings: Settings) -> Any:
    """The flow with the task runner the settings ask for (Dask for `task_runner = "dask"`)."""
    if settings.task_runner != "dask":
        return chosen
    import logging

    from prefect_dask.task_runners import DaskTaskRunner

    # Workers going away during the cluster's shutdown is expected, not an error to print.
    for name in ("distributed", "tornado"):
        logging.getLogger(name).setLevel(logging.CRITICAL)

    if settings.dask_address:
        runner = DaskTaskRunner(address=settings.dask_address)
    else:
        runner = DaskTaskRunner(
            cluster_kwargs={
                "n_workers": settings.dask_workers,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": None,
            }
        )
    return chosen.with_options(task_runner=runner)


@flow(name="reprocess", validate_parameters=False, log_prints=False)
def reprocess(
    db_path: str,
    settings: Settings,
    since: date | None = None,
    published_default: date | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Rebuild every table from the raw archive: transform, validate and load, no fetching."""
    run = _Run.start(Path(db_path), "reprocess", settings)
    after = datetime.combine(since or date(1970, 1, 1), datetime.min.time(), UTC)
    roots = db.read_frame(run.path, "raw_sources", {"since": after}).to_dict(orient="records")
    linked = {
        str(r["origin"]): (str(r["payload_hash"]), r["content_type"], r["charset"])
        for r in db.read_frame(run.path, "raw_linked").to_dict(orient="records")
    }
    by_source: dict[str, list[dict[str, Any]]] = {}
    for root in roots:
        by_source.setdefault(str(root["source_name"]), []).append(root)
    summaries = {name: SourceSummary(name) for name in by_source}
    extraction = Extraction()
    anchor = published_default or date.today()
    for name, items in by_source.items():
        replayed = replay_source(name, items, run.archive, linked)
        _add_extracted(
            extraction,
            replayed,
            summaries[name],
            anchor,
            run.run_id,
            settings,
            run.log,
            state=False,
        )
    return run.process(extraction, summaries, progress, force=True)


@dataclass(slots=True)
class _Run:
    """One run's bookkeeping: its id, writer, archive and whether the warehouse is readable."""

    path: Path
    run_id: str
    command: str
    started: datetime
    settings: Settings
    writer: Writer
    archive: Archive
    readable: bool
    staged_before: tuple[int, int]
    log: RunLog

    @classmethod
    def start(cls, path: Path, command: str, settings: Settings) -> _Run:
        run_id = new_run_id()
        started = datetime.now(UTC)
        writer = Writer(path, settings.lock_wait_seconds)
        staged_before = load_staged(path, settings.lock_wait_seconds)
        writer.write(f"{run_id}-a-start", {"etl_runs": db.run_record(run_id, command, started)})
        return cls(
            path=path,
            run_id=run_id,
            command=command,
            started=started,
            settings=settings,
            writer=writer,
            archive=Archive.beside(path, run_id),
            readable=db.readable(path, settings.lock_wait_seconds),
            staged_before=staged_before,
            log=RunLog.beside(path, run_id),
        )

    def process(
        self,
        extraction: Extraction,
        summaries: dict[str, SourceSummary],
        progress: Progress | None,
        force: bool,
    ) -> RunSummary:
        """Transform, validate and load the extracted articles in batches; record the run."""
        run_id, writer = self.run_id, self.writer
        plan = identify_task(extraction.articles, self.path if self.readable else None, force)
        batches = plan.batches(self.settings.batch_size)
        if batches:
            _warm_up(nlp=not self._in_workers(batches, plan))
        transformed = self._transform(batches, plan)
        seen_articles: list[pd.DataFrame] = []
        seen_mentions: list[pd.DataFrame] = []
        loaded = 0
        for number, (whole, derived) in enumerate(zip(batches, transformed, strict=True)):
            batch_id = f"{run_id}-b-{number:04d}"
            batch, dropped = _drop_failed(whole, derived, plan, summaries)
            articles_frame, bands_frame = article_rows(
                batch, plan.signatures, plan.duplicate_of, run_id, datetime.now(UTC)
            )
            frames = {"articles": articles_frame, **derived}
            seen_articles.append(_for_checks(articles_frame))
            seen_mentions.append(_mentioned(derived.get("mentions")))
            validated = (
                validate_task(
                    frames,
                    run_id,
                    plan.stored,
                    data_docs_dir(self.path, self.settings),
                    self.settings.earliest_published,
                    self.settings.max_future_days,
                )
                if not articles_frame.empty
                else None
            )
            to_load = dict(validated.good) if validated else {}
            to_load["article_bands"] = _bands_of_good(bands_frame, to_load.get("articles"))
            if validated is not None:
                to_load["quarantine"] = validated.quarantine
                to_load["dq_results"] = validated.results.assign(batch_id=batch_id)
            now = datetime.now(UTC)
            new_rejections = [
                _rejection_frame(run_id, source, items, now, self.log)
                for source, items in dropped.items()
            ]
            rejections = list(new_rejections)
            if number == 0:
                rejections = [*extraction.rejected, *rejections]
                warned = _with_warnings(to_load.get("dq_results"), extraction)
                if not warned.empty:
                    to_load["dq_results"] = warned.assign(batch_id=batch_id)
                to_load["raw_documents"] = self.archive.frame()
            extraction.rejected.extend(new_rejections)  # the run's batch checks count them
            if rejections:
                to_load["rejected_documents"] = _concat(rejections)
            if number == len(batches) - 1 and extraction.states:
                # Cursors move only with the last batch: a run killed earlier fetches again.
                to_load["source_state"] = pd.DataFrame(extraction.states)
            load_task(writer, batch_id, to_load)
            _count(summaries, batch, plan, validated)
            loaded += len(whole)
            if progress:
                progress("load", loaded)
        for article in plan.unchanged:
            summaries[article.source_name or ""].unchanged += 1
        checks = batch_checks_task(
            run_id,
            self.path if self.readable else None,
            summaries,
            extraction,
            seen_articles,
            seen_mentions,
            self.settings.checks,
        )
        writer.write(checks_batch_id(run_id), {"dq_results": checks})
        docs = data_docs_dir(self.path, self.settings)
        if docs:
            data_docs_task(docs)
        result = RunSummary(run_id, str(self.path), list(summaries.values()), writer.rows)
        result.staged = writer.staged
        result.staged_before = self.staged_before
        result.checks = problems(checks)
        result.internal_errors = sum(s.internal_errors for s in result.sources)
        result.log_path = str(self.log.path) if self.log.written else None
        if not failed(checks).empty:
            result.status = "fail"  # a batch check of severity `fail`
        elif any(s.failed or s.quarantined or s.error for s in result.sources) or writer.staged:
            result.status = "partial"
        elif not failed(checks, "warn").empty:
            result.status = "warn"
        details = {"sources": [s.line() for s in result.sources], "staged": writer.staged}
        record = db.run_record(
            run_id, self.command, self.started, result.status, result.totals(), details
        )
        writer.write(f"{run_id}-c-end", {"etl_runs": record})
        publish_artifacts(result)
        apply_retention(self.path, self.settings)
        return result

    def _in_workers(self, batches: list[list[Article]], plan: Plan) -> bool:
        """Whether the batches are analysed outside this process (worker processes, Dask)."""
        if self.settings.task_runner == "dask":
            return True
        new = sum(map(len, _distinct(batches, plan)))
        workers = self.settings.transform_workers
        return workers > 1 and new >= self.settings.transform_pool_min_articles

    def _transform(
        self, batches: list[list[Article]], plan: Plan
    ) -> Iterator[dict[str, pd.DataFrame]]:
        """The derived rows of each batch, in order; batches run in parallel when configured."""
        work = _distinct(batches, plan)
        seconds = self.settings.max_document_seconds
        workers, chunk = self.settings.transform_workers, self.settings.transform_chunk
        if self.settings.task_runner == "dask":
            futures = [transform_task.submit(items, self.run_id, seconds) for items in work]
            for items, future in zip(work, futures, strict=True):
                try:
                    yield future.result()
                except Exception:
                    # A Dask worker died on this batch (Dask gave up after its own retries):
                    # our process pool runs it again, retrying and splitting its chunks.
                    yield from transform_in_processes([items], self.run_id, workers, 1, seconds)
            return
        if self._in_workers(batches, plan):
            yield from transform_in_processes(work, self.run_id, workers, chunk, seconds)
            return
        for items in work:
            yield transform_task(items, self.run_id, seconds) if items else {}


def _distinct(batches: list[list[Article]], plan: Plan) -> list[list[Article]]:
    """The articles to analyse in each batch: copies of another article take its rows."""
    copies = set(plan.duplicate_of)
    return [[a for a in batch if a.article_id not in copies] for batch in batches]


def warm_up_validation() -> None:
    """Import Great Expectations and build its context (seconds) in a thread: the CLI starts it
    while it waits for Prefect's API server, when this process would otherwise sit idle."""
    from expectations.validate import warm_up

    threading.Thread(target=warm_up, name="wirehouse-warm-up-gx", daemon=True).start()


def _warm_up(nlp: bool) -> None:
    """Load spaCy, when this process will run it, and Great Expectations if the CLI has not
    started on it, in a thread while the first batch is prepared. Only once there are new
    articles: a run that finds nothing new needs neither."""

    def warm() -> None:
        from expectations.validate import warm_up

        if nlp:
            load_nlp()
        warm_up()

    threading.Thread(target=warm, name="wirehouse-warm-up", daemon=True).start()


def _extract_all(
    sources: list[Source],
    settings: Settings,
    summaries: dict[str, SourceSummary],
    states: dict[str, dict[str, Any]],
    anchor_default: date,
    archive: Archive,
    progress: Progress | None,
    log: RunLog,
) -> Extraction:
    out = Extraction()
    fetcher = Fetcher(
        allow_private_hosts=settings.allow_private_hosts,
        timeout=settings.timeout_seconds,
        connect_timeout=settings.connect_timeout_seconds,
        max_bytes=settings.max_body_bytes,
        retries=settings.fetch_retries,
        max_retry_after=settings.max_retry_after_seconds,
        min_host_interval=settings.min_host_interval_seconds,
        max_concurrency=settings.max_concurrency,
    )
    try:
        for source in sources:
            extracted = extract_task(source, fetcher, states.get(source.name), archive)
            fault_point("mid-fetch")
            summary = summaries[source.name]
            _add_extracted(out, extracted, summary, anchor_default, archive.run_id, settings, log)
            if progress:
                progress("extract", len(out.articles))
    finally:
        fetcher.close()
    return out


def _add_extracted(
    out: Extraction,
    extracted: Extracted,
    summary: SourceSummary,
    anchor_default: date,
    run_id: str,
    settings: Settings,
    log: RunLog,
    state: bool = True,
) -> None:
    """Clean one source's documents into articles and note what it gave."""
    articles, rejected = clean_task(extracted, anchor_default, settings)
    now = datetime.now(UTC)
    summary.fetched = len(extracted.documents) + len(extracted.rejected) + len(extracted.failures)
    summary.failed = len(rejected) + (1 if extracted.error else 0)
    summary.internal_errors = sum(1 for r in rejected if _is_internal(r))
    summary.error = extracted.error
    summary.not_modified = extracted.not_modified
    summary.problems = [f"{r['origin']}: {r['reason']}" for r in rejected]
    summary.problems += extracted.warnings
    out.rejected.append(_rejection_frame(run_id, extracted.source.name, rejected, now, log))
    out.warnings.append(_warning_frame(run_id, extracted.source.name, articles))
    if state and not extracted.error:
        out.states.append(
            {
                "source_name": extracted.source.name,
                "last_success_at": now,
                "etag": extracted.state.get("etag"),
                "last_modified": extracted.state.get("last_modified"),
                "cursor": None,
                "run_id": run_id,
            }
        )
    out.articles.extend(articles)


def _is_internal(item: Rejection) -> bool:
    return bool(item.get("error_class")) and item["error_class"] not in LIMIT_CLASSES


def _drop_failed(
    batch: list[Article],
    derived: dict[str, pd.DataFrame],
    plan: Plan,
    summaries: dict[str, SourceSummary],
) -> tuple[list[Article], dict[str, list[Rejection]]]:
    """Take out of a batch the articles whose analysis failed (and their copies, which would
    fail the same way); returns what is left and their rejections by source."""
    failures = derived.pop(FAILURES, None)
    if failures is None or failures.empty:
        return batch, {}
    by_id = {f["article_id"]: f for f in failures.to_dict("records")}
    kept: list[Article] = []
    rejected: dict[str, list[Rejection]] = {}
    for article in batch:
        failed = by_id.get(article.article_id) or by_id.get(
            plan.duplicate_of.get(article.article_id, "")
        )
        if failed is None:
            kept.append(article)
            continue
        origin = article.origin or article.url or f"article {article.article_id}"
        record = Failure(
            key=article.article_id,
            stage=str(failed["stage"]),
            error_class=str(failed["error_class"]),
            message=str(failed["error_message"]),
            raised_in=failed["raised_in"] if isinstance(failed["raised_in"], str) else None,
            traceback=str(failed["traceback"] or ""),
        )
        item = failure_rejection(origin, record)
        if failed["article_id"] != article.article_id:
            item["reason"] = f"copy of a story whose analysis failed: {item['reason']}"
        source = article.source_name or ""
        rejected.setdefault(source, []).append(item)
        summary = summaries.get(source)
        if summary is not None:
            summary.failed += 1
            summary.internal_errors += int(_is_internal(item))
            summary.problems.append(f"{origin}: {item['reason']}")
    return kept, rejected


def _for_checks(articles: pd.DataFrame) -> pd.DataFrame:
    """What the run's batch checks read of a batch's articles, kept until the run ends: not the
    bodies, only whether each is blank (so memory does not grow with the bodies of a long run)."""
    if articles.empty:
        return articles
    kept = articles[["article_id", "source_name", "title", "duplicate_of"]].copy()
    blank = articles["body_text"].map(lambda b: not isinstance(b, str) or not b.strip())
    kept["body_text"] = blank.map({True: "", False: "…"})  # "…": a body was there
    return kept


def _mentioned(mentions: pd.DataFrame | None) -> pd.DataFrame:
    """The articles of a batch with at least one entity mention (all the checks need)."""
    if mentions is None or mentions.empty:
        return pd.DataFrame()
    return mentions[["article_id"]].drop_duplicates()


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [f for f in frames if not f.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _bands_of_good(bands_frame: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    if articles is None or articles.empty or bands_frame.empty:
        return bands_frame.iloc[0:0]
    return bands_frame[bands_frame["article_id"].isin(set(articles["article_id"]))]


def _count(
    summaries: dict[str, SourceSummary],
    batch: list[Article],
    plan: Plan,
    validated: Validated | None,
) -> None:
    quarantined_articles: set[str] = set()
    per_source: Counter[str] = Counter()
    source_of = {a.article_id: a.source_name or "" for a in batch}
    if validated is not None and not validated.quarantine.empty:
        for table, row in zip(
            validated.quarantine["table_name"], validated.quarantine["row"], strict=True
        ):
            article_id = json.loads(row).get("article_id")
            if table == "articles":
                quarantined_articles.add(article_id)
            per_source[source_of.get(article_id, "")] += 1
    for article in batch:
        if article.article_id in quarantined_articles:
            continue
        summary = summaries[article.source_name or ""]
        if article.article_id in plan.duplicate_of:
            summary.duplicate += 1
        else:
            summary.new += 1
    for name, count in per_source.items():
        if name in summaries:
            summaries[name].quarantined += count
