"""The per-document guard: a time limit around each document's work.

The limit is a SIGALRM timer, so it stops Python code (the rules, a regular expression) in the
process's main thread, where flows and transform workers run their documents. Elsewhere (a
thread) it does nothing, and the worker pool's hard deadline still bounds the time. Entering the
guard is the stage point `<stage>-document` (see `flows/stages.py`), with the document's text,
which is where the failure-injection tests hook in.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType

from flows.stages import reached
from transforms.failures import DocumentTimeout


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
    """Raise DocumentTimeout in the block once `seconds` have passed (main thread only)."""
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
