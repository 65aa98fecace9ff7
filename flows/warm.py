"""Warm transform workers for `wirehouse serve`: spaCy loaded once, kept between scheduled runs;
and Great Expectations, imported once, validating their batches.

Prefect's runner executes every scheduled run in a new process, which would load the model
again (seconds, for a poll that brings twenty stories). `serve` therefore starts a
`WarmTransforms` once: a `WorkerPool` whose workers load the model at start, behind a Unix
socket in a private folder, with a random key. The scheduled runs inherit the socket's address
and key through the environment (`WIREHOUSE_WARM_TRANSFORMS`, `WIREHOUSE_WARM_KEY`) and send their
batches there (`transform_warm`) instead of loading the model themselves. One run is served
at a time; a second waits for the first. The pool keeps its guarantees: a document past its
time limit, or one that kills a worker, is rejected alone and the worker replaced.

Validation is served the same way (`validate_warm`): importing Great Expectations and building
its context costs each new process about 3 CPU seconds, more than validating a scheduled run's
batch, so `serve` does it once and its runs send their batches' rows to be validated. Each
connection is answered on its own thread, so a run can validate batch k while its batch k + 1
is being analysed; transforms are still served one run at a time. Runs that build Data Docs
validate in their own process (the Data Docs site is built from that process's validations).

When the service cannot be reached (stopped, or the run was started by hand with the variables
set), `transform_warm` raises `WarmUnavailable` before it yields anything, and the run analyses
its batches itself; `validate_warm` raises it too, and the run validates the batch itself.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path

import pandas as pd

from expectations.validate import Validated
from flows.limits import WorkersUnavailable
from flows.workers import WorkerPool, transform_in_processes
from transforms.model import Article

ADDRESS = "WIREHOUSE_WARM_TRANSFORMS"
KEY = "WIREHOUSE_WARM_KEY"


class WarmUnavailable(RuntimeError):
    """The warm workers cannot take this run; it analyses its batches itself."""


class WarmTransforms:
    """A warm worker pool served over a Unix socket to the runs of one `serve` process."""

    def __init__(self, workers: int, seconds: float | None) -> None:
        self.workers = max(workers, 1)
        self.seconds = seconds
        self.pool = WorkerPool(self.workers, seconds)
        self.folder = Path(tempfile.mkdtemp(prefix="wirehouse-warm-"))
        self.address = str(self.folder / "transforms.sock")
        self.key = secrets.token_bytes(32)
        self.listener = Listener(self.address, family="AF_UNIX", authkey=self.key)
        self.served = 0
        self.validated = 0
        self._closing = threading.Event()
        self._transforming = threading.Lock()  # one run's transform at a time
        self._answering: list[threading.Thread] = []
        self._validation_ready = threading.Thread(
            target=_warm_up_validation, name="wirehouse-warm-gx", daemon=True
        )
        self._validation_ready.start()
        self._thread = threading.Thread(target=self._accept, name="wirehouse-warm", daemon=True)
        self._thread.start()

    def environment(self) -> dict[str, str]:
        """What a run needs to find the service (its children inherit it)."""
        return {ADDRESS: self.address, KEY: self.key.hex()}

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                conn = self.listener.accept()
            except Exception:  # closed, or a caller without the key
                if self._closing.is_set():
                    return
                continue
            answer = threading.Thread(
                target=self._answer, args=(conn,), name="wirehouse-warm-answer", daemon=True
            )
            self._answering = [t for t in self._answering if t.is_alive()] + [answer]
            answer.start()

    def _answer(self, conn: Connection) -> None:
        """One request: ("transform", run_id, batches, chunk) or ("validate", arguments)."""
        with conn:
            try:
                request = conn.recv()
                if request[0] == "validate":
                    self._validate(conn, request[1])
                else:
                    self._transform(conn, *request[1:])
            except (EOFError, OSError):
                return  # the run went away; the pool drained what it had in flight

    def _transform(
        self, conn: Connection, run_id: str, work: list[list[Article]], chunk: int
    ) -> None:
        """One run: its batches in, each batch's frames out in order, then ("end", count)."""
        with self._transforming:
            try:
                for frames in transform_in_processes(
                    work, run_id, self.workers, chunk, self.seconds, pool=self.pool
                ):
                    conn.send(("batch", frames))
                self.served += 1
                conn.send(("end", self.served))
            except WorkersUnavailable as exc:
                with contextlib.suppress(OSError):
                    conn.send(("unavailable", str(exc)))

    def _validate(self, conn: Connection, arguments: dict[str, object]) -> None:
        """One batch's rows validated here, where Great Expectations is already imported."""
        from expectations.validate import validate_batch

        self._validation_ready.join()
        try:
            result = validate_batch(**arguments)  # type: ignore[arg-type]
        except Exception as exc:  # the run validates the batch itself, and says why if it fails
            conn.send(("unavailable", f"warm validation failed: {type(exc).__name__}: {exc}"))
            return
        self.validated += 1
        conn.send(("validated", result))

    def close(self) -> None:
        """Stop accepting (a run being served finishes first, up to 60 s), then the workers."""
        self._closing.set()
        with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX) as wake:
            wake.connect(self.address)  # accept() returns, sees the flag and stops
        self._thread.join(timeout=60)
        for answer in self._answering:
            answer.join(timeout=60)
        self.listener.close()
        self.pool.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _warm_up_validation() -> None:
    from expectations.validate import warm_up

    with contextlib.suppress(Exception):  # a failure shows when a batch is validated
        warm_up()


def available() -> bool:
    """Whether this process was started by a `serve` that keeps warm workers."""
    return bool(os.environ.get(ADDRESS) and os.environ.get(KEY))


def _connect(what: str) -> Connection:
    """A connection to this `serve`'s service; `WarmUnavailable` when it cannot be reached."""
    try:
        return Client(os.environ[ADDRESS], family="AF_UNIX", authkey=bytes.fromhex(os.environ[KEY]))
    except (KeyError, ValueError, OSError, AuthenticationError) as exc:
        raise WarmUnavailable(f"{what} unreachable: {exc}") from exc


def transform_warm(
    work: list[list[Article]], run_id: str, chunk: int
) -> Iterator[dict[str, pd.DataFrame]]:
    """The batches' frames from the warm workers, in order. `WarmUnavailable` when the service
    cannot be reached or cannot work, raised before the first batch; a service lost later
    raises it too, with the batches already yielded kept."""
    with _connect("warm transform workers") as conn:
        try:
            conn.send(("transform", run_id, work, chunk))
            while True:
                kind, payload = conn.recv()
                if kind == "end":
                    return
                if kind == "unavailable":
                    raise WarmUnavailable(payload)
                yield payload
        except (EOFError, OSError) as exc:
            raise WarmUnavailable(f"warm transform workers lost: {exc}") from exc


def validate_warm(
    frames: dict[str, pd.DataFrame],
    run_id: str,
    known: set[str],
    earliest_published: date | str,
    max_future_days: float,
) -> Validated:
    """A batch validated by the `serve` process (`expectations.validate.validate_batch`, no
    Data Docs). `WarmUnavailable` when the service cannot be reached or cannot validate."""
    arguments = {
        "frames": frames,
        "run_id": run_id,
        "known_articles": known,
        "earliest_published": earliest_published,
        "max_future_days": max_future_days,
    }
    with _connect("warm validation") as conn:
        try:
            conn.send(("validate", arguments))
            kind, payload = conn.recv()
        except (EOFError, OSError) as exc:
            raise WarmUnavailable(f"warm validation lost: {exc}") from exc
    if kind != "validated":
        raise WarmUnavailable(str(payload))
    result: Validated = payload
    return result
