"""Quotes in quotation marks and the word that tells who said them: the reporting verb that
governs a quote or stands beside it, the clause before a colon, the main verb of a partial
quote's sentence; without a parse, the words round the quote."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from transforms.model import EntityMention, Quote
from transforms.quotes.marks import _inside, find_quote_spans, quote_kind
from transforms.quotes.speakers import _nearest_before, _resolve_name, _subject, _without_titles
from transforms.quotes.vocabulary import (
    _NAME_AFTER_VERB,
    _NAME_BEFORE_VERB,
    _NOT_NAMES,
    _PRONOUN,
    _ROLE,
    _SPEECH_LEMMAS,
    _VERB,
    ATTRIBUTION_TOKENS,
    NEAR_AFTER,
    NEAR_BEFORE,
)
from transforms.segment import doc_text


def _marked_quotes(
    doc: Doc, spans: list[tuple[int, int]]
) -> list[tuple[int, int, str, Token | None]]:
    """The quotes in quotation marks: span, kind and the word that tells who said them (the
    reporting verb that governs the quote or stands beside it, the clause before a colon, or
    the main verb of a partial quote's sentence)."""
    found: list[tuple[int, int, str, Token | None]] = []
    for start, end in spans:
        kind = quote_kind(doc_text(doc), start, end)
        # A title-case phrase is quoted only when a reporting verb takes it as its object.
        if kind is None or (kind == "title" and _governing_verb(doc, start, end, 2) is None):
            continue
        kind = "mixed" if kind == "title" else kind
        token = (
            _governing_verb(doc, start, end)
            or _neighbouring_verb(doc, start, end, spans)
            or _before_colon(doc, start)
        )
        if token is None and kind == "mixed":
            token = _sentence_root(doc, start)
        found.append((start, end, kind, token))
    return found


def _quotes_without_parse(text: str, people: list[EntityMention]) -> list[Quote]:
    """Quotes of four words or more, their speakers read from the words round them."""
    quotes = []
    for start, end in find_quote_spans(text):
        kind = quote_kind(text, start, end)
        if kind in ("direct", "mixed"):
            speaker, verb, rule = _attribute(text, start, end, people)
            quotes.append(Quote(speaker, text[start:end], verb, start, end, kind, rule))
    return quotes


def _governing_verb(doc: Doc, start: int, end: int, hops: int = 8) -> Token | None:
    """The reporting verb a partial quote hangs from ("called the plan "a disaster"")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token: Token = span.root
    for _ in range(hops):
        if token.head is token:
            return None
        token = token.head
        outside = token.idx < start or token.idx >= end
        if outside and token.lemma_.lower() in _SPEECH_LEMMAS and token.pos_ in ("VERB", "AUX"):
            # also through a reported clause: said the plan was "a disaster"
            return token if _same_paragraph(token, start, end) else None
    return None


def _same_paragraph(token: Token, start: int, end: int) -> bool:
    """Whether ``token`` stands in the paragraph a quote starts or ends in: a parse may hang a
    quote that ends its paragraph from a verb in the next one."""
    text = doc_text(token.doc)
    between = text[end : token.idx] if token.idx >= end else text[token.idx : start]
    return "\n\n" not in between


def _neighbouring_verb(
    doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]
) -> Token | None:
    """A reporting verb near the quote, outside every quote, in the sentence that closes it,
    else in the one that opens it ("..., she said." / "She said: ...")."""
    sentences: list[Span] = []
    for offset in (end, start - 1):
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and len(span):
            sentence = span[0].sent
            if sentence not in sentences:
                sentences.append(sentence)
            if offset == end:
                after = _attribution_after(sentence)
                if after is not None and after not in sentences:
                    sentences.append(after)
    for sentence in sentences:
        verbs = [
            t
            for t in sentence
            if _reports(t)
            and not _inside(t.idx, quoted, marks=True)
            and _same_paragraph(t, start, end)
            and (end < t.idx <= end + NEAR_AFTER or start - NEAR_BEFORE <= t.idx < start)
        ]
        if verbs:
            return min(verbs, key=lambda t: min(abs(t.idx - end), abs(t.idx - start)))
    return None


def _attribution_after(sentence: Span) -> Span | None:
    """The sentence after a quote's, when the parse split the attribution off at the closing
    mark ("...?” / Okafor said.")."""
    doc = sentence.doc
    if sentence.end >= len(doc) or not sentence[-1].is_quote:
        return None
    after = doc[sentence.end].sent
    return after if len(after) <= ATTRIBUTION_TOKENS else None


def _before_colon(doc: Doc, start: int) -> Token | None:
    """The clause that opens a quote with a colon, when its subject is a name ("Ortiz was
    blunt:")."""
    colon = doc.char_span(start - 2, start - 1, alignment_mode="expand")
    at = start - 2
    while colon is not None and at > 0 and doc_text(doc)[at].isspace():
        at -= 1
        colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None or not len(colon) or colon[0].text != ":":
        return None
    head = colon[0].head
    subject = _subject(head)
    named = subject is not None and any(t.pos_ == "PROPN" for t in subject.subtree)
    return head if named else None


def _sentence_root(doc: Doc, start: int) -> Token | None:
    """The main verb of a partial quote's sentence when its subject is a name: the writer's
    sentence then reports that subject's words ("Sanders repeated his promise of "free
    college"")."""
    at = doc.char_span(start, start + 1, alignment_mode="expand")
    if at is None or not len(at):
        return None
    root = at[0].sent.root
    subject = _subject(root)
    named = subject is not None and any(t.pos_ == "PROPN" for t in subject.subtree)
    return root if named else None


def _reports(token: Token) -> bool:
    """A reporting verb, also where the tagger took it for a plural noun ("Bozell notes.")."""
    if token.lemma_.lower() not in _SPEECH_LEMMAS:
        return False
    if token.pos_ in ("VERB", "AUX"):
        return True
    before = token.nbor(-1) if token.i > 0 else None
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        token.tag_ == "NNS"
        and before is not None
        and before.pos_ in ("PROPN", "PRON")
        and (after is None or after.is_punct)
    )


def _attribute(
    text: str, start: int, end: int, people: list[EntityMention]
) -> tuple[str | None, str | None, str | None]:
    paragraph_end = text.find("\n\n", end)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    paragraph_start = text.rfind("\n\n", 0, start - 1) + 1
    after = (end + 1, min(paragraph_end, end + 120))
    before = (max(paragraph_start, start - 160), start - 1)
    named_people = [m for m in people if m.entity_type in ("PERSON", "ORG")]
    for window in (after, before):
        segment = text[window[0] : window[1]]
        verb = _VERB.search(segment)
        if not verb:
            continue
        verb_at = window[0] + verb.start()
        # Whoever was told is the listener, not the speaker ("Nystad told Anadolu").
        named = [
            m
            for m in named_people
            if window[0] <= m.start_char < window[1]
            and not re.search(r"\b(?:told|to)\s*$", text[max(0, m.start_char - 8) : m.start_char])
        ]
        persons = [m for m in named if m.entity_type == "PERSON"]
        if persons or named:
            # The name nearest the verb is the speaker ("said Xiong", "Xiong said").
            best = min(persons or named, key=lambda m: abs(m.start_char - verb_at))
            if persons or not _untagged_name(segment):
                return best.canonical, verb.group("verb").lower(), "named"
        name = _untagged_name(segment)
        if name:
            return _resolve_name(name, people), verb.group("verb").lower(), "name_in_text"
        if _PRONOUN.search(segment):
            return (
                _nearest_before(people, start, ("PERSON",)),
                verb.group("verb").lower(),
                "pronoun",
            )
        if _ROLE.search(segment):
            return _nearest_before(people, start, ("PERSON",)), verb.group("verb").lower(), "role"
    # A quote paragraph with no attribution continues the last named speaker's remarks.
    return _nearest_before(people, start, ("PERSON",)), None, "previous_speaker"


def _untagged_name(segment: str) -> str | None:
    """A capitalised name beside the speech verb, with leading titles removed."""
    for pattern in (_NAME_AFTER_VERB, _NAME_BEFORE_VERB):
        match = pattern.search(segment)
        if not match:
            continue
        name = _without_titles(match.group("name"))
        if name and name.split()[0].lower() not in _NOT_NAMES:
            return name
    return None
