"""Fault points for the crash-safety tests: `WIREHOUSE_FAULT=mid-load:2` kills the process
with SIGKILL the second time the run reaches the `mid-load` point. Unset, they cost nothing."""

from __future__ import annotations

import os
import signal
from collections import Counter

_reached: Counter[str] = Counter()


def fault_point(name: str) -> None:
    """Die here, as a power cut would, if the environment asks for it."""
    wanted = os.environ.get("WIREHOUSE_FAULT")
    if not wanted:
        return
    point, _, nth = wanted.partition(":")
    if point != name:
        return
    _reached[name] += 1
    if _reached[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
