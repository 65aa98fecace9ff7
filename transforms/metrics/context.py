"""The records the metric rules pass around: a number phrase (`_Quantity`), what the parse makes
of it (`_Reading`), a sentence, and the per-document state (`_Context`), with the small span
helpers and text patterns that several passes use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.model import EntityMention, Metric, TimeExpression
from transforms.segment import doc_text


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    parts = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_PHONE_RE = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[ \u00a0.-]?)?(?:\(\d{1,4}\)[ \u00a0.-]?)?\d{1,4}"
    r"(?:[ \u00a0.-]\d{1,4}){2,5}(?![\w,])"
)
_PHONE_CONTEXT_RE = re.compile(r"\b(?:tel|telephone|phone|call|fax|hotline|mobile|contact)\b", re.I)
_SENT_BREAK_RE = re.compile(r"\n[ \t]*\n")
# The name-like word just before a position ("Boeing 737", "FY2025-26").
_PREV_NAME_WORD_RE = re.compile(r"([A-Za-z][\w&.'’-]*+)[ \u00a0]*+$")
_SPACES_RE = re.compile(r"\s+")
_BASE_BEFORE_RE = re.compile(
    r"(?:\bfrom|\bcompared\s+(?:to|with)|\bagainst|\bthan|\bversus|\bvs\.?)[\s\u00a0]+"
    r"(?:(?:an?|the)\s+)?(?:(?:expected|estimated|revised|initial|preliminary|previous|"
    r"upwardly\s+revised|downwardly\s+revised)\s+)?$",
    re.I,
)
_OF_AFTER_RE = re.compile(r"^[ \u00a0]+of\b", re.I)
_LOWER_WORDS_RE = re.compile(r"[a-z]+")
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:data\s+from\s+(?:the\s+)?)?$", re.I)


@dataclass(slots=True)
class _Quantity:
    """A number phrase found by the lexical pass."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str | None
    kind: str  # currency, percent, pp, measure, count, bare
    qualifier: str = "exact"
    has_scale: bool = False
    year_like: bool = False
    direction: str | None = None
    change: bool = False
    count_token: Token | None = None
    range_first: bool = False
    per: str | None = None  # what a price is quoted per: "barrel" in "$65 a barrel"
    fraction: bool = False  # a share written in words: "more than half of", "one in five"
    body_start: int = -1  # where the phrase starts after its qualifier (currency or number)


@dataclass(slots=True)
class _Reading:
    """What the syntactic pass makes of one quantity."""

    subject: str | None = None
    measure: str = "level"
    direction: str | None = None
    inherit: bool = False
    share_base: str | None = None
    geo: list[str] = field(default_factory=list)
    keep_bare: bool = False
    count_phrase: str | None = None
    anchor: Token | None = None  # the token through which the figure attaches to the clause
    of_np: str | None = None  # the "of" complement after the figure: "3.4 percent of GDP"
    doer: str | None = None  # who the subject names as doing it: "labour" in "labour seats"
    follower: str | None = None  # "followed by India at ...": the doer that replaces it


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    span: Span
    world: bool | None = None  # whether a token speaks of the world as a scope, once asked


_Period = tuple[date | None, date | None, str | None]


@dataclass(slots=True)
class _Context:
    """Per-document state shared by the helpers."""

    doc: Doc
    text: str
    times: list[TimeExpression]
    mentions: list[EntityMention]
    anchor: date
    rupee_code: str
    blocked: list[tuple[int, int]]
    name_spans: list[tuple[int, int]]
    dateline_end: int = 0
    acronyms: dict[str, str] = field(default_factory=dict)  # "cpi" -> "consumer price index"
    lead_end: int = 0  # end of the first paragraph, which the dateline place covers
    # Carried from one sentence to the next.
    previous: Metric | None = None
    carried: _Period | None = None
    # Where the last figure with a period of its own ends, and that period: it dates the
    # figures after it in the same paragraph that state none.
    paragraph: tuple[int, _Period] | None = None
    previous_attribution: str | None = None
    recent: list[tuple[Metric, str | None]] = field(default_factory=list)  # figures and doers
    # Start offsets of `times`, for finding a sentence's times; each time's attachment, once read.
    time_starts: list[int] = field(default_factory=list)
    attachments: dict[int, Token | None] = field(default_factory=dict)


def _sentences(doc: Doc, text: str | None = None) -> list[_Sentence]:
    """spaCy sentences, further cut at blank lines, trimmed of surrounding whitespace."""
    out: list[_Sentence] = []
    if text is None:
        text = doc_text(doc)
    for sent in doc.sents:
        pieces: list[tuple[int, int]] = []
        cursor = sent.start_char
        for br in _SENT_BREAK_RE.finditer(text, sent.start_char, sent.end_char):
            pieces.append((cursor, br.start()))
            cursor = br.end()
        pieces.append((cursor, sent.end_char))
        for start, end in pieces:
            chunk = text[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            s = start + (len(chunk) - len(chunk.lstrip()))
            e = s + len(stripped)
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span):
                out.append(_Sentence(s, e, span))
    return out


def _blocked_spans(text: str, times: list[TimeExpression]) -> list[tuple[int, int]]:
    """Character spans whose digits are never metrics: times, phone numbers, numeric dates."""
    spans = [(t.start_char, t.end_char) for t in times]
    for m in _PHONE_RE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        context = text[max(0, m.start() - 30) : m.start()]
        if digits >= 8 and (
            m.group().startswith(("+", "("))
            or "-" in m.group()
            or _PHONE_CONTEXT_RE.search(context)
        ):
            spans.append((m.start(), m.end()))
    for m in _NUMERIC_DATE_RE.finditer(text):
        spans.append((m.start(), m.end()))
    return spans


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _in_time(ctx: _Context, offset: int) -> bool:
    return any(t.start_char <= offset < t.end_char for t in ctx.times)


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0]
