"""The per-document guard: a time limit around each document's work.

The limit counts the document's own CPU time (see `time_limit`) and is enforced by a SIGALRM
timer, so it stops Python code (the rules, a regular expression) in the process's main thread,
where flows and transform workers run their documents. Elsewhere (a thread, as on a Dask
worker) it does nothing, and the worker pool's hard deadline still bounds the time. Entering
the guard is the stage point `<stage>-document` (see `flows/stages.py`), with the document's
text, which is where the failure-injection tests hook in.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType

from flows.stages import reached
from transforms.failures import DocumentTimeout

# A document also stops after this many times its limit on the clock, however little CPU it
# got: a machine so busy that a document waits that long is better served by the next run.
WALL_FACTOR = 10.0
MIN_REARM_SECONDS = 0.05


class WorkersUnavailable(RuntimeError):
    """The transform worker processes cannot start (the spaCy model cannot load, say)."""


def document_guard(
    seconds: float | None, stage: str = "analyse"
) -> Callable[[str | bytes], AbstractContextManager[None]]:
    """A guard factory for `transforms.pipeline.analyse` and the extract and clean stages."""

    def guard(text: str | bytes) -> AbstractContextManager[None]:
        return _guarded(text, seconds, stage)

    return guard


@contextmanager
def _guarded(text: str | bytes, seconds: float | None, stage: str) -> Iterator[None]:
    with time_limit(seconds):
        reached(f"{stage}-document", text)
        yield


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the block once it has used `seconds` of this thread's CPU time,
    or waited WALL_FACTOR times that on the clock (main thread only).

    CPU time, not the clock: on a machine busy with other work a document waits for a core
    without using its budget, so it is not cut short; a runaway rule or regular expression
    uses CPU and is stopped. The timer wakes on the clock and re-arms for what is left.
    """
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    cpu_start, wall_start = time.thread_time(), time.monotonic()

    def expire(signum: int, frame: FrameType | None) -> None:
        used = time.thread_time() - cpu_start
        if used >= seconds or time.monotonic() - wall_start >= seconds * WALL_FACTOR:
            raise DocumentTimeout(seconds)
        signal.setitimer(signal.ITIMER_REAL, max(seconds - used, MIN_REARM_SECONDS))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
