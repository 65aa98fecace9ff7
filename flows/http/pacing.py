"""Keeping our distance: the pauses the fetcher takes and the per-host spacing of requests."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Wait:
    """A pause the fetcher took: before a retry, or to keep its distance from a host."""

    url: str
    seconds: float
    reason: str


class _HostGate:
    """Spaces the starts of requests to one host, across threads, by booking slots."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def reserve(self, host: str) -> float:
        """Book the host's next slot; the seconds until it comes."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
            return slot - now
