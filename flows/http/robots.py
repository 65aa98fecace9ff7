"""robots.txt (RFC 9309): which group applies to us, and whether its rules allow a path."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

ROBOTS_AGENT = "wirehouse"  # the product token robots.txt groups are matched against
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: read at least 500 KiB, ignore the rest


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """What one host's robots.txt allows us (RFC 9309): longest match wins, allow wins ties."""

    rules: tuple[tuple[bool, str], ...] = ()
    unavailable: str | None = None  # robots.txt could not be read: nothing is allowed

    @classmethod
    def parse(cls, text: str, agent: str = ROBOTS_AGENT) -> RobotsRules:
        """The rules of the groups naming `agent`, else of the `*` groups."""
        groups: list[tuple[list[str], list[tuple[bool, str]]]] = []
        agents: list[str] = []
        rules: list[tuple[bool, str]] = []
        in_rules = False
        for raw_line in text.splitlines():
            key, colon, value = raw_line.split("#", 1)[0].partition(":")
            if not colon:
                continue
            key, value = key.strip().lower(), value.strip()
            if key == "user-agent":
                if in_rules:
                    groups.append((agents, rules))
                    agents, rules, in_rules = [], [], False
                agents.append(value.split("/", 1)[0].strip().lower())
            elif key in ("allow", "disallow") and agents:
                in_rules = True
                if value:
                    rules.append((key == "allow", _robots_path(value)))
        if agents:
            groups.append((agents, rules))
        chosen = [r for names, r in groups if agent.lower() in names]
        if not chosen:
            chosen = [r for names, r in groups if "*" in names]
        return cls(tuple(rule for group in chosen for rule in group))

    def allows(self, url: str) -> bool:
        if self.unavailable is not None:
            return False
        parts = urlsplit(url)
        path = _robots_path((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        if path == "/robots.txt":
            return True
        longest, allowed = -1, True
        for allow, pattern in self.rules:
            if _robots_regex(pattern).match(path) and (
                len(pattern) > longest or (len(pattern) == longest and allow)
            ):
                longest, allowed = len(pattern), allow
        return allowed


def _robots_refusal(rules: RobotsRules, current: str, url: str) -> str:
    if rules.unavailable is not None:
        return f"disallowed by robots.txt (robots.txt unavailable: {rules.unavailable})"
    if current != url:
        return f"disallowed by robots.txt (redirected to {current})"
    return "disallowed by robots.txt"


def _robots_path(path: str) -> str:
    """Percent-encode what needs it, upper-case escapes: how RFC 9309 compares paths."""
    quoted = quote(path, safe="/?=&;:@!$'()*+,%~-._")
    return re.sub(r"%[0-9a-f]{2}", lambda m: m.group().upper(), quoted)


@functools.lru_cache(maxsize=1024)
def _robots_regex(pattern: str) -> re.Pattern[str]:
    """A robots.txt path pattern as a regex: `*` is any characters, a final `$` anchors the end.

    The piece after each `*` is taken at its first occurrence, in an atomic group: the earliest
    place leaves the most room for the pieces after it, so no match is lost, and a path that
    does not match is not retried with every way of sharing it out between the `*`s (`.*a.*a`…
    took seconds for seven of them on a 60-character path, and robots.txt is the site's text).
    """
    anchored = pattern.endswith("$")
    first, *pieces = map(re.escape, (pattern[:-1] if anchored else pattern).split("*"))
    tail = "$" if anchored else ""
    if anchored and pieces:
        tail = f".*{pieces.pop()}$"  # the last piece must end the path: only one place to try
    return re.compile(first + "".join(f"(?>.*?{piece})" for piece in pieces) + tail)
