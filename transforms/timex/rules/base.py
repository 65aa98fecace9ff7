"""What a time rule is (pattern, anchor words, handler, reach) and the anchor sets rules
share.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from transforms.timex.context import _Env
from transforms.timex.records import _Item
from transforms.timex.words import _MONTH_ABBREVIATIONS, _MONTH_NAMES, _WEEKDAY_NUM

_Handler = Callable[[re.Match[str], _Env], _Item | None]


_REL_YEAR = r"(?P<yrel>last|this|next)\s+year(?![\w-])"
_YR_CONN = r"(?:\s+(?:of|in)\s+|,?\s+(?=\d|last\s|this\s|next\s))"


# Anchor words: every match of a rule contains one of its anchors ("#" stands for any number),
# so a rule only runs in small windows around them rather than over the whole text.
_MONTH_WORDS = frozenset(m.lower() for m in _MONTH_NAMES + _MONTH_ABBREVIATIONS)
_WEEKDAY_WORDS = frozenset(_WEEKDAY_NUM)
_UNIT_WORDS = frozenset(
    "year years month months week weeks day days decade decades century centuries hour hours "
    "minute minutes second seconds fortnight fortnights".split()
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern, the anchor words all its matches contain, and how far a match reaches."""

    rx: re.Pattern[str]
    anchors: frozenset[str]
    handler: _Handler
    back: int = 48  # characters a match may start before its anchor
    ahead: int = 64  # characters a match may end after its anchor


_YEAR_NUM = frozenset({"#y"})  # a 4-digit number from 1900 to 2100
_SHORT_NUM = frozenset({"#s"})  # a 1- or 2-digit number
_ANY_NUM = frozenset({"#y", "#s", "#"})
