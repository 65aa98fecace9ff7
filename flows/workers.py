"""Transform worker processes: kept apart from the flow so a spawned worker imports spaCy and
the transforms, not Prefect (which a worker never uses; importing it costs each worker seconds).

One document must cost at most one document. Inside a worker, each document runs under the
per-document guard (time limit; an exception rejects that document only). A worker that dies —
killed, out of memory, a crash in a C extension, or past its chunk's hard deadline — loses no
batch: its chunk is run again, then split in halves, until only the document that kills a worker
is left, and that one is rejected.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

import pandas as pd

from flows.limits import WorkersUnavailable, document_guard
from flows.stages import reached
from transforms.batch import FAILURE_COLUMNS, FAILURES, Guard, merge_entity
from transforms.model import Article

# Batches in flight beyond the one the flow is validating and loading: enough to keep every
# process busy, few enough that results waiting for the flow stay bounded however long the run.
AHEAD = 2
# A worker that does not answer in this many times its chunk's per-document limits (plus the
# start-up allowance) is stuck below Python, where the time limit cannot reach: it is killed.
HARD_DEADLINE_FACTOR = 3.0
HARD_DEADLINE_SLACK_SECONDS = 30.0
# A worker that cannot start this many times in a row means the pool cannot work at all.
MAX_FAILED_STARTS = 3


def analyse_and_collect(
    articles: list[Article], run_id: str, guard: Guard | None = None
) -> dict[str, pd.DataFrame]:
    """`analyse`, then a full garbage collection.

    Parsed documents leave reference cycles that Python's generational collector frees late:
    measured over 800 articles in chunks of 25, a process grew from 438 to 581 MB without this
    and stayed at 300 MB with it, for about 80 ms a chunk (2-3 % of the transform).
    """
    from transforms.pipeline import analyse, load_nlp  # spaCy: only where articles are analysed

    frames = analyse(articles, load_nlp(), run_id, guard=guard)
    gc.collect()
    return frames


def _worker_main(conn: Connection, seconds: float | None) -> None:
    """A worker: load spaCy, say so, then analyse each (run id, chunk) sent until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the flow's to handle
    try:
        from transforms.pipeline import load_nlp

        load_nlp()
    except Exception as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    guard = document_guard(seconds)
    while True:
        try:
            message = conn.recv()
        except EOFError:  # the flow has gone
            return
        if message is None:
            return
        run_id, articles = message
        try:
            conn.send(("done", analyse_and_collect(articles, run_id, guard)))
        except Exception as exc:  # not one document's fault: the chunk is tried again
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


@dataclass(slots=True)
class _Chunk:
    run_id: str
    batch: int
    offset: int  # position of its first article in the batch, to keep rows in order
    articles: list[Article]
    deaths: int = 0


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    chunk: _Chunk | None = None
    deadline: float = 0.0


@dataclass(slots=True)
class WorkerPool:
    """A fixed number of worker processes, each given one chunk at a time. A run makes its own
    and closes it; `wirehouse serve` keeps one warm across runs (`flows/warm.py`)."""

    size: int
    seconds: float | None
    workers: list[_Worker] = field(default_factory=list)
    failed_starts: int = 0

    def __post_init__(self) -> None:
        self.workers = [self._spawn() for _ in range(self.size)]

    def _spawn(self) -> _Worker:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
        parent, child = context.Pipe()
        process = context.Process(
            target=_worker_main,
            args=(child, self.seconds),
            name="wirehouse-transform",
            daemon=True,
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def deadline_for(self, chunk: _Chunk) -> float:
        per_document = self.seconds or 60.0
        allowance = len(chunk.articles) * per_document * HARD_DEADLINE_FACTOR
        return time.monotonic() + allowance + HARD_DEADLINE_SLACK_SECONDS

    def dispatch(self, pending: deque[_Chunk]) -> None:
        for worker in self.workers:
            if worker.ready and worker.chunk is None and pending:
                worker.chunk = pending.popleft()
                worker.deadline = self.deadline_for(worker.chunk)
                worker.conn.send((worker.chunk.run_id, worker.chunk.articles))

    def step(self) -> tuple[list[tuple[_Chunk, dict[str, pd.DataFrame]]], list[tuple[_Chunk, str]]]:
        """Wait for workers; returns the chunks done with their frames, and the chunks whose
        worker died (with how), the dead workers replaced."""
        busy = [w for w in self.workers if w.chunk is not None]
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic()) if busy else None
        handles: list[Any] = [w.conn for w in self.workers]
        handles += [w.process.sentinel for w in self.workers]
        ready = set(wait(handles, timeout))
        done: list[tuple[_Chunk, dict[str, pd.DataFrame]]] = []
        lost: list[tuple[_Chunk, str]] = []
        for index, worker in enumerate(self.workers):
            cause = None
            if worker.conn in ready:
                try:
                    kind, payload = worker.conn.recv()
                except (EOFError, OSError):
                    kind, payload = "died", None
                if kind == "ready":
                    worker.ready, self.failed_starts = True, 0
                    continue
                if kind == "done" and worker.chunk is not None:
                    done.append((worker.chunk, payload))
                    worker.chunk = None
                    continue
                if kind == "error" and worker.chunk is not None:
                    lost.append((worker.chunk, f"the worker raised {payload}"))
                    worker.chunk = None
                    continue
                if kind == "failed":
                    self.failed_starts += 1
                    if self.failed_starts >= MAX_FAILED_STARTS:
                        raise WorkersUnavailable(f"transform workers cannot start: {payload}")
                cause = "died"
            elif worker.process.sentinel in ready:
                cause = "died"
            elif worker.chunk is not None and time.monotonic() >= worker.deadline:
                cause = "deadline"
            if cause is None:
                continue
            self._replace(index, worker, cause, lost)
        return done, lost

    def _replace(
        self, index: int, worker: _Worker, cause: str, lost: list[tuple[_Chunk, str]]
    ) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        if worker.chunk is not None:
            if cause == "deadline":
                how = "was stopped past its hard time limit"
            else:
                how = _exit_description(worker.process.exitcode)
            lost.append((worker.chunk, how))
        elif not worker.ready:
            self.failed_starts += 1
            if self.failed_starts >= MAX_FAILED_STARTS:
                how = _exit_description(worker.process.exitcode)
                raise WorkersUnavailable(f"transform workers cannot start: the process {how}")
        self.workers[index] = self._spawn()

    def drain(self) -> None:
        """Wait for the chunks in flight and drop their results: a run that stopped consuming
        must not hand its chunks to the next run on a pool that outlives it."""
        while any(w.chunk is not None for w in self.workers):
            self.step()

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()


@dataclass(slots=True)
class EarlyPool:
    """Transform workers started while the run is still extracting, so spaCy loads in them on
    cores the fetching leaves idle instead of after it. Started once the run has extracted
    `threshold` articles (a run that finds little or nothing new never starts one); the run
    hands `pool` to `transform_in_processes` and closes it when its transform is done.
    Disabled (`workers` below 2) under Dask or warm workers, which bring their own."""

    workers: int
    seconds: float | None
    threshold: int
    pool: WorkerPool | None = None

    def saw(self, extracted: int) -> None:
        """The run has extracted `extracted` articles so far."""
        if self.pool is None and self.workers > 1 and extracted >= max(self.threshold, 1):
            self.pool = WorkerPool(self.workers, self.seconds)

    def close(self) -> None:
        if self.pool is not None:
            pool, self.pool = self.pool, None
            pool.close()


def _exit_description(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"died (killed by {signal.Signals(-code).name})"
        except ValueError:
            return f"died (signal {-code})"
    return f"died (exit status {code})"


def transform_in_processes(
    work: list[list[Article]],
    run_id: str,
    workers: int,
    chunk: int,
    seconds: float | None = None,
    pool: WorkerPool | None = None,
    close_pool: bool = False,
) -> Iterator[dict[str, pd.DataFrame]]:
    """Batches analysed by `workers` processes, each loading spaCy once; results in order.

    Each batch is cut into chunks of at most `chunk` articles, so every process stays busy to
    the end of the run whatever the batch size; a batch's chunks are put back together. Only
    AHEAD batches are submitted ahead of the one being consumed, and a consumed batch's results
    are let go, so memory does not grow with the run. A chunk whose worker dies is run again,
    then split, so only a document that kills workers is lost (listed in the FAILURES frame).
    A `pool` given (warm, from `wirehouse serve`) is used and left running, unless
    `close_pool` (a run's early pool, `EarlyPool`); else one is made and closed.
    """
    size = max(chunk, 1)
    pending: deque[_Chunk] = deque()
    results: dict[int, list[tuple[int, dict[str, pd.DataFrame]]]] = {}
    outstanding: dict[int, int] = {}
    submitted = 0

    def submit_next() -> None:
        nonlocal submitted
        if submitted >= len(work):
            return
        items = work[submitted]
        parts = [
            _Chunk(run_id, submitted, i, items[i : i + size]) for i in range(0, len(items), size)
        ]
        pending.extend(parts)
        outstanding[submitted] = len(parts)
        results[submitted] = []
        submitted += 1

    owned = pool is None or close_pool
    if pool is None:
        pool = WorkerPool(workers, seconds)
    finished = closed = False
    try:
        for _ in range(1 + AHEAD):
            submit_next()
        for number in range(len(work)):
            while outstanding[number]:
                pool.dispatch(pending)
                done, lost = pool.step()
                for part, frames in done:
                    results[part.batch].append((part.offset, frames))
                    outstanding[part.batch] -= 1
                for part, how in lost:
                    outstanding[part.batch] += _retry_or_split(part, how, pending, results) - 1
            parts = results.pop(number)
            del outstanding[number]
            submit_next()
            frames = combine_chunks([f for _, f in sorted(parts, key=lambda p: p[0])])
            del parts
            reached("batch-transformed")
            if owned and number == len(work) - 1:
                closed = True  # nothing left for the workers: their memory goes before the load
                pool.close()
            yield frames
        finished = True
    finally:
        if owned and not closed:
            pool.close()
        elif not owned and not finished:
            pool.drain()


def _retry_or_split(
    part: _Chunk,
    how: str,
    pending: deque[_Chunk],
    results: dict[int, list[tuple[int, dict[str, pd.DataFrame]]]],
) -> int:
    """Put a chunk whose worker died back in the queue: whole once, then in halves; a single
    article that killed a worker twice is recorded as failed. Returns the chunks it became."""
    part.deaths += 1
    if len(part.articles) == 1 and part.deaths >= 2:
        article = part.articles[0]
        message = f"the transform worker process {how} while analysing this document"
        failure = pd.DataFrame(
            [(article.article_id, "analyse", "WorkerDied", message, None, "")],
            columns=list(FAILURE_COLUMNS),
        )
        results[part.batch].append((part.offset, {FAILURES: failure}))
        return 0
    if part.deaths == 1:
        pending.appendleft(part)
        return 1
    half = (len(part.articles) + 1) // 2
    first = _Chunk(part.run_id, part.batch, part.offset, part.articles[:half], deaths=1)
    second = _Chunk(part.run_id, part.batch, part.offset + half, part.articles[half:], deaths=1)
    pending.appendleft(second)
    pending.appendleft(first)
    return 2


def combine_chunks(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """One batch's frames from its chunks' frames, as `analyse` over the whole batch gives them:
    rows concatenated in order, and an entity found by several chunks kept once."""
    combined: dict[str, pd.DataFrame] = {}
    for name in dict.fromkeys(name for part in parts for name in part):
        frames = [part[name] for part in parts if name in part]
        filled = [frame for frame in frames if not frame.empty]
        combined[name] = pd.concat(filled, ignore_index=True) if filled else frames[0]
    entities = combined.get("entities")
    if entities is not None and entities["entity_id"].duplicated().any():
        rows: dict[str, dict[str, Any]] = {}
        for row in entities.to_dict("records"):
            kept = rows.setdefault(row["entity_id"], row)
            if kept is not row:
                merge_entity(kept, row)
        for row in rows.values():
            row["aliases"] = sorted(row["aliases"])
        combined["entities"] = pd.DataFrame(list(rows.values()), columns=entities.columns)
    return combined
