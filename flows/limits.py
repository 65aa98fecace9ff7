"""The per-document guard: a time limit, and the seam the failure-injection tests use.

The limit is a SIGALRM timer, so it stops Python code (the rules, a regular expression) in the
process's main thread, where flows and transform workers run their documents. Elsewhere (a
thread) the guard only injects faults; the worker pool's hard deadline still bounds the time.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType

from transforms.failures import DocumentTimeout

# `WIREHOUSE_DOCUMENT_FAULT=STAGE:ACTION:MARKER` makes the guard of any document whose text holds
# MARKER, in STAGE (extract, clean or analyse), `raise`, `kill` its process (SIGKILL), `hang` past
# its limit, or `stall` with the limit's signal ignored — for tests that check that one bad document
# costs only that document.
FAULT_VARIABLE = "WIREHOUSE_DOCUMENT_FAULT"


class InjectedFault(RuntimeError):
    """The failure a test asked for."""


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
        _inject_fault(text, stage)
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


def _inject_fault(text: str | bytes, stage: str) -> None:
    wanted = os.environ.get(FAULT_VARIABLE)
    if not wanted:
        return
    at, action, marker = [*wanted.split(":", 2), "", ""][:3]
    found = marker.encode() in text if isinstance(text, bytes) else marker in text
    if at != stage or not marker or not found:
        return
    if action == "raise":
        raise InjectedFault(f"injected failure on a document holding {marker!r}")
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if action in ("hang", "stall"):
        if action == "stall":  # stuck where the time limit cannot reach: only a kill stops it
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
        while True:  # pure Python, so the time limit can stop a hang
            time.sleep(0.01)
