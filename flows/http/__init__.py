"""HTTP fetching for one run: one Session, bounded and polite GETs, robots.txt, host safety.

Every failure is a `FetchError` whose message is one line naming the URL; callers record it and
carry on. Nothing here retries forever, waits without a bound or reads without a bound.

    fetcher.py    the `Fetcher`: session, retries with backoff and Retry-After, redirects,
                  conditional GET, body limits
    responses.py  the `Response`, its headers read (charset, Content-Length, Retry-After) and its
                  body inflated chunk by chunk
    robots.py     `RobotsRules`: robots.txt groups and path matching (RFC 9309)
    safety.py     private and loopback addresses, checked at resolution and at connect time
    pacing.py     `Wait` and the per-host spacing of requests
    errors.py     `FetchError`, `RobotsDisallowed`, and exceptions turned into one-line reasons
"""

from __future__ import annotations

from flows.http.errors import FetchError, RobotsDisallowed
from flows.http.fetcher import CHUNK_BYTES, USER_AGENT, Fetcher
from flows.http.pacing import Wait
from flows.http.responses import Response
from flows.http.robots import ROBOTS_AGENT, ROBOTS_MAX_BYTES, RobotsRules
from flows.http.safety import is_private_address, is_private_host

__all__ = [
    "CHUNK_BYTES",
    "ROBOTS_AGENT",
    "ROBOTS_MAX_BYTES",
    "USER_AGENT",
    "FetchError",
    "Fetcher",
    "Response",
    "RobotsDisallowed",
    "RobotsRules",
    "Wait",
    "is_private_address",
    "is_private_host",
]
