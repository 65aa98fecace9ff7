"""What went wrong with one document: the stage, the exception and the code that raised it.

A run keeps going without the document; these records become `rejected_documents` rows, and
the traceback goes to the run's log only.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

# Frames in these folders are the project's own code: the place to name when one raises.
_OWN_FOLDERS = ("transforms", "flows", "expectations", "warehouse", "bench", "tests")
_MAX_MESSAGE = 300


class DocumentTimeout(BaseException):
    """One document took longer than its time limit.

    A BaseException, so a rule's broad `except Exception` cannot swallow it.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"ran past the per-document limit of {seconds:g} s of CPU time")
        self.seconds = seconds


@dataclass(slots=True)
class Failure:
    """A document that raised, ran out of time or killed its worker in one stage."""

    key: str  # the article_id, or the document's origin before it is an article
    stage: str  # extract, clean, analyse
    error_class: str
    message: str
    raised_in: str | None  # "transforms/timex/rules/dates.py:_h_iso": the innermost own frame
    traceback: str = ""

    @property
    def reason(self) -> str:
        """The one line kept in `rejected_documents.reason` and printed in the run summary."""
        where = f" in {self.raised_in}" if self.raised_in else ""
        return f"{self.stage} failed: {self.error_class}: {self.message}{where}"


# Limits a document ran into, as opposed to a bug of ours or of a library (an internal error).
LIMIT_CLASSES = frozenset({"DocumentTimeout", "WorkerDied"})


def describe(exc: BaseException, stage: str, key: str) -> Failure:
    """The failure record of an exception raised while handling one document."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 1] + "…"
    return Failure(
        key=key,
        stage=stage,
        error_class=type(exc).__name__,
        message=message,
        raised_in=raised_in(exc),
        traceback="".join(traceback.format_exception(exc)),
    )


def raised_in(exc: BaseException) -> str | None:
    """`folder/module.py:function` of the innermost frame in the project's code, else the
    innermost frame of all (a library's), for the reader who wants the rule that broke."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return None
    for frame in reversed(frames):
        parts = Path(frame.filename).parts
        for index in range(len(parts) - 1, -1, -1):
            if parts[index] in _OWN_FOLDERS and "site-packages" not in parts:
                return f"{'/'.join(parts[index:])}:{frame.name}"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.name}"
