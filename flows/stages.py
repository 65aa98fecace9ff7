"""The points between a run's stages, announced to whoever observes the run.

The pipeline calls `reached(point)` at a few boundaries: `source-extracted` after each source,
`batch-transformed` after each batch's analysis, `batch-committing` inside a batch's load
transaction just before it commits, and `extract-document`, `clean-document`,
`analyse-document` as each document's work starts (with its text). Observers are named in
`$WIREHOUSE_OBSERVERS` (`module:function`, comma-separated; worker processes inherit it) and
called with the point and its subject; none are by default. The
crash-safety tests use this seam to kill a run at a chosen point (`tests/faults.py`), without
production code knowing about them.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from functools import cache

Observer = Callable[[str, str | bytes], None]
VARIABLE = "WIREHOUSE_OBSERVERS"


def reached(point: str, subject: str | bytes = "") -> None:
    """Tell the observers the run is at `point` (for a document: with its text)."""
    spec = os.environ.get(VARIABLE)
    if spec:
        for observer in _observers(spec):
            observer(point, subject)


@cache
def _observers(spec: str) -> tuple[Observer, ...]:
    found: list[Observer] = []
    for entry in filter(None, (part.strip() for part in spec.split(","))):
        module, _, name = entry.partition(":")
        found.append(getattr(importlib.import_module(module), name or "observe"))
    return tuple(found)
