"""Warm transform workers for `wirehouse serve`: spaCy loaded once, kept between scheduled runs.

Prefect's runner executes every scheduled run in a new process, which would load the model
again (seconds, for a poll that brings twenty stories). `serve` therefore starts a
`WarmTransforms` once: a `WorkerPool` whose workers load the model at start, behind a Unix
socket in a private folder, with a random key. The scheduled runs inherit the socket's address
and key through the environment (`WIREHOUSE_WARM_TRANSFORMS`, `WIREHOUSE_WARM_KEY`) and send their
batches there (`transform_warm`) instead of loading the model themselves. One run is served
at a time; a second waits for the first. The pool keeps its guarantees: a document past its
time limit, or one that kills a worker, is rejected alone and the worker replaced.

When the service cannot be reached (stopped, or the run was started by hand with the variables
set), `transform_warm` raises `WarmUnavailable` before it yields anything, and the run analyses
its batches itself.
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
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path

import pandas as pd

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
        self._closing = threading.Event()
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
            with conn:
                self._answer(conn)

    def _answer(self, conn: Connection) -> None:
        """One run: its batches in, each batch's frames out in order, then ("end", count)."""
        try:
            run_id, work, chunk = conn.recv()
            for frames in transform_in_processes(
                work, run_id, self.workers, chunk, self.seconds, pool=self.pool
            ):
                conn.send(("batch", frames))
            self.served += 1
            conn.send(("end", self.served))
        except WorkersUnavailable as exc:
            with contextlib.suppress(OSError):
                conn.send(("unavailable", str(exc)))
        except (EOFError, OSError):
            return  # the run went away; the pool drained what it had in flight

    def close(self) -> None:
        """Stop accepting (a run being served finishes first, up to 60 s), then the workers."""
        self._closing.set()
        with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX) as wake:
            wake.connect(self.address)  # accept() returns, sees the flag and stops
        self._thread.join(timeout=60)
        self.listener.close()
        self.pool.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def available() -> bool:
    """Whether this process was started by a `serve` that keeps warm workers."""
    return bool(os.environ.get(ADDRESS) and os.environ.get(KEY))


def transform_warm(
    work: list[list[Article]], run_id: str, chunk: int
) -> Iterator[dict[str, pd.DataFrame]]:
    """The batches' frames from the warm workers, in order. `WarmUnavailable` when the service
    cannot be reached or cannot work, raised before the first batch; a service lost later
    raises it too, with the batches already yielded kept."""
    try:
        conn = Client(os.environ[ADDRESS], family="AF_UNIX", authkey=bytes.fromhex(os.environ[KEY]))
    except (KeyError, ValueError, OSError, AuthenticationError) as exc:
        raise WarmUnavailable(f"warm transform workers unreachable: {exc}") from exc
    with conn:
        try:
            conn.send((run_id, work, chunk))
            while True:
                kind, payload = conn.recv()
                if kind == "end":
                    return
                if kind == "unavailable":
                    raise WarmUnavailable(payload)
                yield payload
        except (EOFError, OSError) as exc:
            raise WarmUnavailable(f"warm transform workers lost: {exc}") from exc
