"""The `ingest` flow: extract, transform, validate, load — over batches of articles."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow

from expectations.batch import (
    checks_batch_id,
    failed,
    problems,
)
from expectations.validate import Validated
from flows import warm
from flows.config import Settings, Source
from flows.extract import Extracted, replay_source
from flows.http import Fetcher
from flows.plan import Extraction, Plan
from flows.rejections import (
    Rejection,
    drop_failed,
    is_internal,
    rejection_frame,
    warning_frame,
)
from flows.retention import apply_retention
from flows.runlog import RunLog
from flows.stages import reached
from flows.summary import RunSummary, SourceSummary, count_batch, new_run_id, publish_artifacts
from flows.tasks import (
    Writer,
    batch_checks_task,
    clean_task,
    concat_frames,
    data_docs_dir,
    data_docs_task,
    extract_task,
    identify_task,
    load_task,
    transform_task,
    validate_task,
)
from flows.workers import EarlyPool, transform_in_processes
from transforms.batch import article_rows
from transforms.model import Article
from warehouse import db
from warehouse.archive import Archive
from warehouse.staging import load_staged

Progress = Callable[[str, int], None]  # (stage, articles done) -> None
Frames = dict[str, pd.DataFrame]  # rows per table


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
    try:
        extraction = _extract_all(
            sources,
            settings,
            summaries,
            db.source_states(run.path) if run.readable else {},
            published_default or date.today(),
            run.archive,
            progress,
            run.log,
            run.early.saw,
        )
        return run.process(extraction, summaries, progress, force=False)
    finally:
        run.early.close()


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
    early: EarlyPool  # transform workers started during extraction, once it brings enough

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
            early=EarlyPool(
                settings.transform_workers
                if settings.task_runner != "dask" and not warm.available()
                else 0,
                settings.max_document_seconds,
                settings.transform_pool_min_articles,
            ),
        )

    def process(
        self,
        extraction: Extraction,
        summaries: dict[str, SourceSummary],
        progress: Progress | None,
        force: bool,
    ) -> RunSummary:
        """identify -> transform -> validate -> load, batch by batch; then the run's checks."""
        plan = identify_task(extraction.articles, self.path if self.readable else None, force)
        batches = plan.batches(self.settings.batch_size)
        in_workers = self._in_workers(batches, plan)
        if not in_workers:
            self.early.close()  # started for articles that turned out not to be new
        if batches:
            docs = data_docs_dir(self.path, self.settings)
            _warm_up(nlp=not in_workers, validation=docs is not None or not warm.available())
        seen_articles: list[pd.DataFrame] = []
        seen_mentions: list[pd.DataFrame] = []
        loaded = 0
        transformed = self._transform(batches, plan)
        for number, (whole, derived) in enumerate(zip(batches, transformed, strict=True)):
            batch, dropped = drop_failed(whole, derived, plan, summaries)
            frames, bands_frame = self._rows(batch, derived, plan)
            validated = self._validate(frames, plan)
            to_load = self._batch_to_load(validated, bands_frame)
            self._add_run_rows(to_load, number, len(batches), dropped, extraction)
            load_task(self.writer, self._batch_id(number), to_load)
            count_batch(summaries, batch, plan, validated)
            seen_articles.append(_for_checks(frames["articles"]))
            seen_mentions.append(_mentioned(derived.get("mentions")))
            loaded += len(whole)
            if progress:
                progress("load", loaded)
        for article in plan.unchanged:
            summaries[article.source_name or ""].unchanged += 1
        checks = batch_checks_task(
            self.run_id,
            self.path if self.readable else None,
            summaries,
            extraction,
            seen_articles,
            seen_mentions,
            self.settings.checks,
        )
        return self._finish(summaries, checks)

    def _batch_id(self, number: int) -> str:
        return f"{self.run_id}-b-{number:04d}"

    def _rows(
        self, batch: list[Article], derived: dict[str, pd.DataFrame], plan: Plan
    ) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
        """A batch's frames, its `articles` rows first, and its MinHash bands."""
        articles_frame, bands_frame = article_rows(
            batch, plan.signatures, plan.duplicate_of, self.run_id, datetime.now(UTC)
        )
        return {"articles": articles_frame, **derived}, bands_frame

    def _validate(self, frames: dict[str, pd.DataFrame], plan: Plan) -> Validated | None:
        if frames["articles"].empty:
            return None
        return validate_task(
            frames,
            self.run_id,
            plan.stored,
            data_docs_dir(self.path, self.settings),
            self.settings.earliest_published,
            self.settings.max_future_days,
        )

    def _batch_to_load(self, validated: Validated | None, bands: pd.DataFrame) -> Frames:
        """The rows that passed, the quarantined ones and the expectations' results."""
        to_load = dict(validated.good) if validated else {}
        to_load["article_bands"] = _bands_of_good(bands, to_load.get("articles"))
        if validated is not None:
            to_load["quarantine"] = validated.quarantine
            to_load["dq_results"] = validated.results
        return to_load

    def _add_run_rows(
        self,
        to_load: Frames,
        number: int,
        count: int,
        dropped: dict[str, list[Rejection]],
        extraction: Extraction,
    ) -> None:
        """What rides with a batch besides its articles: rejections (the extract stage's with
        the first batch), cleaning warnings and raw documents with the first, source cursors
        with the last (a run killed earlier fetches again)."""
        now = datetime.now(UTC)
        rejections = [
            rejection_frame(self.run_id, source, items, now, self.log)
            for source, items in dropped.items()
        ]
        extraction.rejected.extend(rejections)  # the run's batch checks count them too
        if number == 0:
            rejections = list(extraction.rejected)
            warned = _with_warnings(to_load.get("dq_results"), extraction)
            if not warned.empty:
                to_load["dq_results"] = warned
            to_load["raw_documents"] = self.archive.frame()
        if rejections:
            to_load["rejected_documents"] = concat_frames(rejections)
        if "dq_results" in to_load and not to_load["dq_results"].empty:
            to_load["dq_results"] = to_load["dq_results"].assign(batch_id=self._batch_id(number))
        if number == count - 1 and extraction.states:
            to_load["source_state"] = pd.DataFrame(extraction.states)

    def _finish(self, summaries: dict[str, SourceSummary], checks: pd.DataFrame) -> RunSummary:
        """Record the checks and the run, publish its summary, prune by age."""
        writer = self.writer
        writer.write(checks_batch_id(self.run_id), {"dq_results": checks})
        docs = data_docs_dir(self.path, self.settings)
        if docs:
            data_docs_task(docs)
        result = RunSummary(self.run_id, str(self.path), list(summaries.values()), writer.rows)
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
            self.run_id, self.command, self.started, result.status, result.totals(), details
        )
        writer.write(f"{self.run_id}-c-end", {"etl_runs": record})
        publish_artifacts(result)
        apply_retention(self.path, self.settings)
        return result

    def _in_workers(self, batches: list[list[Article]], plan: Plan) -> bool:
        """Whether the batches are analysed outside this process (worker processes, Dask)."""
        if self.settings.task_runner == "dask":
            return True
        new = sum(map(len, _distinct(batches, plan)))
        if self.early.pool is not None:  # already started, loading spaCy: cheaper than here
            return new > 0
        workers = self.settings.transform_workers
        return workers > 1 and new >= self.settings.transform_pool_min_articles

    def _transform(
        self, batches: list[list[Article]], plan: Plan
    ) -> Iterator[dict[str, pd.DataFrame]]:
        """The derived rows of each batch, in order; batches run in parallel when configured."""
        work = _distinct(batches, plan)
        seconds = self.settings.max_document_seconds
        workers, chunk = self.settings.transform_workers, self.settings.transform_chunk
        if warm.available() and self.settings.task_runner != "dask":
            # Under `wirehouse serve`: the warm workers, spaCy already loaded.
            done = 0
            try:
                for frames in warm.transform_warm(work, self.run_id, chunk):
                    done += 1
                    yield frames
                return
            except warm.WarmUnavailable:
                work, batches = work[done:], batches[done:]  # the rest is analysed here
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
            early = self.early.pool
            try:
                yield from transform_in_processes(
                    work, self.run_id, workers, chunk, seconds, pool=early, close_pool=True
                )
            finally:
                self.early.pool = None  # closed by transform_in_processes, with the last batch
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


def _warm_up(nlp: bool, validation: bool = True) -> None:
    """Load spaCy, when this process will run it, and Great Expectations, when this process
    will validate (not under `serve`, whose process validates), in a thread while the first
    batch is prepared. Only once there are new articles: a run that finds nothing new needs
    neither."""

    def warm() -> None:
        from expectations.validate import warm_up

        if nlp:
            from transforms.pipeline import load_nlp

            load_nlp()
        if validation:
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
    extracted_so_far: Callable[[int], None] | None = None,
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
            reached("source-extracted")
            summary = summaries[source.name]
            _add_extracted(out, extracted, summary, anchor_default, archive.run_id, settings, log)
            if extracted_so_far:
                extracted_so_far(len(out.articles))
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
    summary.internal_errors = sum(1 for r in rejected if is_internal(r))
    summary.error = extracted.error
    summary.not_modified = extracted.not_modified
    summary.problems = [f"{r['origin']}: {r['reason']}" for r in rejected]
    summary.problems += extracted.warnings
    out.rejected.append(rejection_frame(run_id, extracted.source.name, rejected, now, log))
    out.warnings.append(warning_frame(run_id, extracted.source.name, articles))
    if state and not extracted.error:
        out.states.append(
            {
                "source_name": extracted.source.name,
                "last_success_at": now,
                "etag": extracted.state.get("etag"),
                "last_modified": extracted.state.get("last_modified"),
                "cursor": extracted.state.get("cursor"),  # a local source's files read
                "run_id": run_id,
            }
        )
    out.articles.extend(articles)


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


def _bands_of_good(bands_frame: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    if articles is None or articles.empty or bands_frame.empty:
        return bands_frame.iloc[0:0]
    return bands_frame[bands_frame["article_id"].isin(set(articles["article_id"]))]
