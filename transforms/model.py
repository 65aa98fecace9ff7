"""The records that flow between transforms: plain dataclasses, no I/O.

Offsets are always Python string offsets into the article's ``body_text``, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(slots=True)
class Document:
    """One article as read from a source, before any NLP.

    ``body`` is plain text; ``html`` is a raw page still to be parsed. ``raw_text`` marks a
    scraped text page whose title, byline and dateline must be read from the text itself.
    """

    url: str | None = None
    id: str | None = None
    title: str | None = None
    author: str | None = None
    source: str | None = None
    published: str | None = None
    body: str | None = None
    html: str | None = None
    language: str | None = None
    raw_text: str | None = None
    canonical_url: str | None = None
    via: str | None = None  # the feed that linked to this page, if any
    origin: str = ""  # where it was read from: a file path, a URL, "feed#3"


@dataclass(slots=True)
class Article:
    """A cleaned article: one row of the ``articles`` table, less the warehouse bookkeeping."""

    article_id: str
    url: str | None
    canonical_url: str | None
    source_name: str | None
    wire_agency: str | None
    source_chain: list[str]
    title: str | None
    author: str | None
    dateline: str | None
    published_at: datetime | None
    language: str | None
    body_text: str
    content_hash: str
    anchor_date: date  # the date relative expressions resolve against
    origin: str = ""  # where its document was read from, for rejections and logs
    # What cleaning changed or set aside: (check name, detail), e.g. ("body_cut", "kept ...").
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def published_date(self) -> date | None:
        return self.published_at.date() if self.published_at else None

    @property
    def word_count(self) -> int:
        return len(self.body_text.split())


@dataclass(slots=True)
class Span:
    """A piece of the body: its text and offsets."""

    text: str
    start_char: int
    end_char: int


@dataclass(slots=True)
class EntityMention:
    """One mention of a named thing, with the canonical name it resolves to in its article."""

    text: str
    start_char: int
    end_char: int
    sentence_index: int
    entity_type: str
    canonical: str  # fullest form within the article
    aliases: list[str] = field(default_factory=list)
    country_code: str | None = None
    # PERSON only: the title and affiliation (an entity's canonical name, else the text) that the
    # article gives for this person ("Vice Minister", "Ministry of Industry and ...").
    title: str | None = None
    affiliation: str | None = None


@dataclass(slots=True)
class TimeExpression:
    """A temporal expression with its TIMEX3-style value (None where vague)."""

    text: str
    start_char: int
    end_char: int
    kind: str  # date, time, duration, set
    value: str | None
    range_start: date | None = None
    range_end: date | None = None


@dataclass(slots=True)
class Metric:
    """One numeric fact."""

    subject: str
    value: float
    unit: str
    qualifier: str  # exact, approximately, at_least, at_most, more_than, less_than
    measure: str  # level, change, share, rate
    direction: str | None
    period_start: date | None
    period_end: date | None
    period_label: str | None
    compared_with: str | None
    geography: str | None
    attributed_to: str | None  # canonical entity name of who published the figure
    text: str
    start_char: int
    end_char: int
    sentence: str


@dataclass(slots=True)
class Quote:
    """Something said and who said it: a direct quote, a partial (mixed) one, or indirect speech."""

    speaker_name: str | None
    text: str  # inside the quotation marks; for indirect speech, the reported clause
    verb: str | None
    start_char: int
    end_char: int
    kind: str = "direct"  # direct, mixed, indirect
    speaker_rule: str | None = None  # how the speaker was found (see transforms/quotes/__init__.py)


@dataclass(slots=True)
class Participant:
    name: str  # canonical entity name
    role: str  # actor, target, speaker, organizer, participant, location


@dataclass(slots=True)
class Event:
    """One event: its type from the documented vocabulary, where and when it happened."""

    event_type: str
    summary: str
    trigger: str
    date_start: date | None
    date_end: date | None
    date_precision: str  # day, week, month, quarter, half, year, unknown
    location: str | None  # canonical entity name
    country_code: str | None
    sentence: str
    start_char: int
    end_char: int
    confidence: float
    participants: list[Participant] = field(default_factory=list)
    # The trigger's own offsets (start_char/end_char are the sentence's): the event's key.
    trigger_start: int = 0
    trigger_end: int = 0
