"""The failure-injection tests' observer of the run's stage points (`flows/stages.py`).

With `WIREHOUSE_OBSERVERS=tests.faults:observe`:

- `WIREHOUSE_FAULT=batch-committing:2` SIGKILLs the process the second time the run reaches
  that point, as a power cut would; `WIREHOUSE_FAULT=batch-committing:oserror:1` raises an
  `OSError` there the first time only, as a disk or network mount that is briefly unavailable
  would (with `WIREHOUSE_FAULT_RECORD=FILE`, each injected error is noted there);
- `WIREHOUSE_DOCUMENT_FAULT=STAGE:ACTION:MARKER` (several joined by `;`) acts on any document
  whose text holds MARKER
  as its STAGE work starts (extract, clean or analyse): `raise` an exception, `kill` its
  process (SIGKILL), `hang` in a loop past the time limit, or `stall` with the limit's signal
  ignored, as code stuck below Python would.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

_reached: Counter[str] = Counter()


class InjectedFault(RuntimeError):
    """The failure a test asked for."""


def observe(point: str, subject: str | bytes = "") -> None:
    if point.endswith("-document"):
        _document(point.removesuffix("-document"), subject)
        return
    name, _, nth = os.environ.get("WIREHOUSE_FAULT", "").partition(":")
    if name != point:
        return
    _reached[point] += 1
    if nth.startswith("oserror:"):
        if _reached[point] <= int(nth.removeprefix("oserror:")):
            _record(f"oserror at {point}")
            raise OSError(f"injected I/O error at {point} ({_reached[point]})")
        return
    if _reached[point] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)


def _record(what: str) -> None:
    """Note an injected fault in `$WIREHOUSE_FAULT_RECORD`, for a test to see it happened."""
    path = os.environ.get("WIREHOUSE_FAULT_RECORD")
    if path:
        with open(path, "a", encoding="utf-8") as record:
            record.write(what + "\n")


def _document(stage: str, text: str | bytes) -> None:
    for spec in os.environ.get("WIREHOUSE_DOCUMENT_FAULT", "").split(";"):
        at, action, marker = [*spec.split(":", 2), "", ""][:3]
        found = marker.encode() in text if isinstance(text, bytes) else marker in text
        if at == stage and marker and found:
            _act(action, marker)


def _act(action: str, marker: str) -> None:
    if action == "raise":
        raise InjectedFault(f"injected failure on a document holding {marker!r}")
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if action in ("hang", "stall"):
        if action == "stall":  # the limit's signal ignored: only a kill stops it
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
        while True:  # a runaway loop: it burns CPU, and pure Python lets the limit stop it
            pass
