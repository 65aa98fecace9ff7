"""The errors a fetch ends with, and how a library's exception becomes one line of them."""

from __future__ import annotations

import re
from typing import Any


class FetchError(RuntimeError):
    """A fetch that failed for a reason worth one line in the run summary."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(_one_line(message))
        self.status = status


class RobotsDisallowed(FetchError):
    """robots.txt does not let us fetch this page."""


class _Retryable(Exception):
    def __init__(
        self, reason: str, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


def _cause(exc: BaseException) -> str:
    """The innermost useful words of a requests/urllib3 exception, on one line."""
    reason: Any = exc.args[0] if exc.args else exc
    reason = getattr(reason, "reason", reason)  # urllib3's MaxRetryError wraps the real one
    text = str(reason)
    errno = re.search(r"\[Errno -?\d+\] ([^'\"\]\)]+)", text)
    if errno:
        return errno.group(1).strip()
    if "RemoteDisconnected" in text:
        return "the server closed the connection"
    return _one_line(text)[:160] or type(exc).__name__


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
