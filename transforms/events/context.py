"""Working records of the event rules: the per-document context, reports, cues and drafts."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.events.vocabulary import _LEGAL_WORDS
from transforms.model import EntityMention, Participant, TimeExpression


@dataclass(slots=True)
class _Report:
    """A reporting verb (or "according to") and who speaks."""

    verb: Token | None
    speaker: Token | None
    kind: str  # institution, data, official, person, nonofficial, company, none
    content: list[Token]  # heads of the clauses it governs


@dataclass(slots=True)
class _Cue:
    """One event found in a sentence, before dates and merging."""

    event_type: str
    head: Token  # the predicate (or noun) whose clause reports it
    key: Token  # the word that decided the type
    strength: float
    rank: int  # 0 main clause, 1 complement, 2 subordinate clause, 3 noun phrase
    figure: bool = False  # figures ("rose 5%") rather than a happening
    released: bool = False  # statistics with a named publisher
    report: _Report | None = None
    hypothetical: bool = False  # under "expectations that ...": kept only with its own date
    venue: _Cue | None = None  # the gathering a statement was made at ("told a forum")
    also: list[int] = field(default_factory=list)  # other words of the same event (dates)
    anaphoric: bool = False  # typed by a noun that points back ("opened the talks")
    # Non-finite clauses of the same event, whose arguments are its own: "agreed to acquire X",
    # "attacked a base, killing four soldiers", "will meet to discuss the package".
    parts: list[Token] = field(default_factory=list)
    # An action of a named party that none of the types covers ("Velmont Airways flew ..."): an
    # OTHER event of its own beside the sentence's typed ones, never merged with another sentence.
    action: bool = False


@dataclass(slots=True)
class _Draft:
    """An event being built: a cue with its dates, places and people, open to merging."""

    cue: _Cue
    sentence: Span
    paragraph: int
    position: int  # sentence index
    start: date | None
    end: date | None
    precision: str
    own_date: bool
    tense: str
    location: EntityMention | None
    participants: list[Participant]
    speaker: str | None
    identity: set[str] = field(default_factory=set)  # names of the gathering or deal
    duration_days: int | None = None
    lead: bool = False  # reported in the story's first sentence
    vague: bool = False  # "over the years": dated, but not to a day we could name
    reacts_to: set[str] = field(default_factory=set)  # event types its words point back to


@dataclass(slots=True)
class _Context:
    doc: Doc
    text: str  # doc.text, which spaCy joins from the tokens on every access
    mentions: list[EntityMention]
    times: list[TimeExpression]
    anchor: date
    quotes: list[tuple[int, int]]
    body_start: int  # first character after the dateline
    roles: dict[str, str] = field(default_factory=dict)  # person -> government, court, company
    told: set[str] = field(default_factory=set)  # event types the story has told so far
    last_speaker: tuple[str | None, str] = (None, "none")
    last_person: tuple[str | None, str] = (None, "none")  # for "he said", "she said"
    # Per-document lookups, built once: spaCy walks every token each time `doc.sents` is read,
    # and the rules ask about the same tokens again and again.
    sentences: list[Span] = field(init=False)
    _quoted: list[bool] = field(init=False)  # by token index
    _mention_at: list[EntityMention | None] = field(init=False)  # by token index
    _legal_sentence: list[bool] = field(init=False)  # by token index
    # Memos of pure functions of the parse, filled as the rules ask.
    noun_types: dict[tuple[int, str], str | None] = field(default_factory=dict)
    sentence_stops: dict[int, set[int]] = field(default_factory=dict)  # by sentence start
    attached_times: dict[int, list[tuple[TimeExpression, Token]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentences = list(self.doc.sents)
        starts = [t.idx for t in self.doc]
        self._quoted = [False] * len(starts)
        for s, e in self.quotes:
            for i in range(bisect_left(starts, s), bisect_left(starts, e)):
                self._quoted[i] = True
        self._mention_at = [None] * len(starts)
        for m in self.mentions:  # the first mention over a token wins
            for i in range(bisect_left(starts, m.start_char), bisect_left(starts, m.end_char)):
                if self._mention_at[i] is None:
                    self._mention_at[i] = m
        self._legal_sentence = []
        for sentence in self.sentences:
            legal = any(t.lemma_.lower() in _LEGAL_WORDS for t in sentence)
            self._legal_sentence += [legal] * len(sentence)

    def quoted(self, token: Token) -> bool:
        """The token starts inside a quote."""
        return self._quoted[token.i]

    def mention_at(self, token: Token) -> EntityMention | None:
        """The first mention whose characters hold the token's start."""
        return self._mention_at[token.i]

    def in_legal_sentence(self, token: Token) -> bool:
        """The token's sentence names a court, a judge or a ruling."""
        return self._legal_sentence[token.i]
