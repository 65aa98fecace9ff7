"""Text in quotation marks: where quotes start and end (also over paragraphs), whether one is
direct, a partial quote inside the writer's sentence or a name in title case, and whether an
offset falls inside one."""

from __future__ import annotations

import bisect
import re
import sys

from transforms.quotes.vocabulary import (
    _CLOSE,
    _DIRECT_LEAD,
    _NOT_QUOTED,
    _OPEN,
    _RESUMED_LEAD,
    LEAD_CHARS,
    MIN_QUOTE_WORDS,
    TITLE_WORDS,
)


def find_quote_spans(text: str, min_words: int = MIN_QUOTE_WORDS) -> list[tuple[int, int]]:
    """(start, end) of the text inside quotation marks; continued paragraphs are joined."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if start is None:
            if char == _OPEN or (char == '"' and _opens(text, index)):
                start = index + 1
        elif char == _CLOSE or char == '"':
            spans.append((start, index))
            start = None
        elif char == "\n" and text.startswith("\n\n", index):
            # A quote left open at a paragraph end goes on only if the next one reopens it.
            following = text[index:].lstrip("\n")
            if not following.startswith((_OPEN, '"')):
                start = None
            else:
                index = length - len(following)  # skip to the reopening mark
        index += 1
    return [(s, e) for s, e in spans if len(text[s:e].split()) >= min_words]


def _opens(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    return before in " \n\t(—–-:[" or index == 0


def quote_kind(text: str, start: int, end: int) -> str | None:
    """direct, mixed, title (a phrase in title case: a quote only where a reporting verb
    governs it, as in dubbed him "Little Marco"), or None for a term: the so-called "fiscal
    cliff"."""
    quoted = text[start:end]
    words = quoted.split()
    window = max(0, start - 1 - LEAD_CHARS)
    before = text[window : start - 1]
    sentence_start = max(
        before.rfind("\n") + 1,
        max((m.end() for m in re.finditer(r"[.!?][”\"]?\s+", before)), default=0),
    )
    lead = before[sentence_start:]
    direct = bool(_RESUMED_LEAD.search(lead)) or (
        bool(_DIRECT_LEAD.search(lead)) and (quoted[:1].isupper() or quoted[:1] in "'‘“\"….")
    )
    # A name in title case ("State of the Union", "Morning Desk"), or a term after "so-called".
    if len(words) < MIN_QUOTE_WORDS and _NOT_QUOTED.search(lead):
        return None
    titled = all(w[:1].isupper() for w in words if len(w) > 3)
    if titled and (len(words) < MIN_QUOTE_WORDS or (len(words) <= TITLE_WORDS and not direct)):
        return "title"
    return "direct" if direct else "mixed"


def _inside(offset: int, spans: list[tuple[int, int]], marks: bool = False) -> bool:
    """Whether ``offset`` is inside one of the sorted, disjoint quote ``spans`` (with their
    quotation marks when ``marks``)."""
    pad = 1 if marks else 0
    at = bisect.bisect_right(spans, (offset + pad, sys.maxsize)) - 1
    return at >= 0 and spans[at][0] - pad <= offset < spans[at][1] + pad


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint quote spans or their marks."""
    at = bisect.bisect_left(spans, (end + 1,))
    return at > 0 and spans[at - 1][1] + 1 > start
