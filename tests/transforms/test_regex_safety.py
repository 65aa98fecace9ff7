"""No regular expression of the transforms backtracks catastrophically (issue #10).

Every compiled pattern that a `transforms` module holds at module level, directly or inside
tuples, lists, dicts and dataclass instances (the timex rule table), runs with `finditer` over
adversarial texts of about 5,000 characters: long runs of one kind of character, where a pattern
with two quantifiers that can match the same characters (`\\s*-?\\s*`, `\\s*(?:x)?\\s+`) tries
every way of splitting the run before it fails. A linear pattern takes milliseconds on such a
text, a polynomial or exponential one minutes; the deadline only separates the two, it is not a
performance target. The longest run here is a quadratic one (a pattern searched at every
start of a run of word characters, such as timex `context._WORD_BEFORE_DOT`): about 0.3 s of CPU.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import signal
import time
from collections.abc import Iterator, Mapping
from types import FrameType, ModuleType

import transforms
from transforms.metrics import numbers as metric_numbers
from transforms.metrics import units as metric_units
from transforms.timex.rules import RULES

SIZE = 5_000
DEADLINE = 2.0  # seconds, for one pattern over one text


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Most texts end on a character the patterns do not expect, so that a match that has consumed
# the run must fail and backtrack.
ADVERSARIAL: dict[str, str] = {
    "spaces": "a" + " " * SIZE + "!",
    "tabs": "a" + "\t" * SIZE + "!",
    "no-break spaces": "a" + "\u00a0" * SIZE + "!",
    "newlines": "a" + "\n" * SIZE + "!",
    "space newline": _repeat(" \n") + "!",
    "words": _repeat("word "),
    "digits": "1" * SIZE + "x",
    "digit space": _repeat("1 "),
    "letter digit": _repeat("a 1 "),
    "thousands": _repeat("1,000,"),
    "commas": _repeat(", "),
    "capitalised words": _repeat("Abc "),
    "upper-case words": _repeat("ABC "),
    "one long word": "a" * SIZE + "!",
    "one long name": "A" + "b" * SIZE + "!",
    "letter dot": _repeat("a."),
    "dots": "." * SIZE + "x",
    "figures": _repeat("12.5 percent of the 3 million "),
    "percent": _repeat("percent "),
    "million": _repeat("million "),
    "titles": _repeat("Mr. "),
    "said": _repeat("said "),
    "of the": _repeat("of the "),
    "initials": _repeat("A. "),
    "dates": _repeat("January 1, "),
    "letter hyphen": _repeat("a-"),
    "hyphens": "-" * SIZE + "x",
    "spaced hyphens": _repeat("- "),
    "dashes": _repeat("\u2014 "),
    "underscores": "_" * SIZE + "x",
    "equals signs": "=" * SIZE + "x",
    "lines": _repeat("a\n"),
    "quotes": _repeat('"a '),
    "quote marks": '"' * SIZE + "x",
    "nested parentheses": "(" * (SIZE // 2) + ")" * (SIZE // 2) + "x",
    "open parentheses": "(" * SIZE + "x",
    "spaced parentheses": _repeat("( "),
    "amounts": _repeat("$1 "),
    "years": _repeat("2025 "),
    "slashes": _repeat("a/"),
}


def _walk(value: object, name: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield name, value
    elif depth >= 3 or isinstance(value, (str, bytes, ModuleType, type)):
        return
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _walk(item, f"{name}[{i}]", depth + 1)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _walk(item, f"{name}[{key!r}]", depth + 1)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _walk(getattr(value, field.name, None), f"{name}.{field.name}", depth + 1)


def transform_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern of the transforms modules and their packages' modules, by where
    it is defined."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()
    for info in pkgutil.walk_packages(transforms.__path__, "transforms."):
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            for name, pattern in _walk(value, f"{info.name}.{attr}"):
                if id(pattern) not in seen:  # a pattern imported from another module
                    seen.add(id(pattern))
                    found[name] = pattern
    return found


class _Deadline(Exception):
    pass


def _raise_deadline(signum: int, frame: FrameType | None) -> None:
    raise _Deadline


def _finishes(pattern: re.Pattern[str], text: str) -> bool:
    try:
        signal.setitimer(signal.ITIMER_REAL, DEADLINE)
        for _ in pattern.finditer(text):
            pass
    except _Deadline:
        return False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return True


def unsafe(patterns: Mapping[str, re.Pattern[str]], texts: Mapping[str, str]) -> list[str]:
    """`name (text)` for every pattern whose `finditer` over a text outlives the deadline.

    A pattern gets a second try, so that a moment of load on a shared machine does not fail a
    quadratic pattern (a catastrophic one misses the deadline however often it runs), and is
    reported with the first text it fails on.
    """
    failures: list[str] = []
    # pytest-timeout may have an alarm running: put its handler and remaining time back.
    previous = signal.signal(signal.SIGALRM, _raise_deadline)
    pending, interval = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    try:
        for name, pattern in patterns.items():
            for kind, text in texts.items():
                if not (_finishes(pattern, text) or _finishes(pattern, text)):
                    failures.append(f"{name} ({kind})")
                    break
    finally:
        signal.signal(signal.SIGALRM, previous)
        if pending:
            left = max(pending - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, interval)
    return failures


def test_collects_patterns_in_tables_and_rules() -> None:
    patterns = transform_patterns()
    assert len(patterns) > 250
    assert "transforms.entities.names._PLACE_SUFFIX" in patterns
    found = {id(p) for p in patterns.values()}
    # Patterns inside a rule family's package, under whichever module imports them first.
    assert id(metric_numbers._SCALE_SPACED_RE) in found
    assert id(metric_units._UNIT_RES[40][0]) in found
    # The rule table's patterns, whether or not a module-level name holds them too.
    assert RULES and all(id(rule.rx) in found for rule in RULES)


def test_a_catastrophic_pattern_is_caught() -> None:
    # The shape the unit patterns had: two runs of blanks around an optional hyphen.
    ambiguous = re.compile(r"[ \t]*-?[ \t]*(?:million)")
    rewritten = re.compile(r"[ \t]*+(?:-[ \t]*+)?(?:million)")
    texts = {"spaces": ADVERSARIAL["spaces"]}
    assert unsafe({"ambiguous": ambiguous, "rewritten": rewritten}, texts) == ["ambiguous (spaces)"]


def test_no_transform_pattern_backtracks_catastrophically() -> None:
    failures = unsafe(transform_patterns(), ADVERSARIAL)
    assert not failures, (
        f"{len(failures)} pattern(s) did not finish within {DEADLINE} s on a "
        f"{SIZE:,}-character text; rewrite them so that no two quantifiers can match the same "
        "characters (or use possessive quantifiers / atomic groups):\n  " + "\n  ".join(failures)
    )
