"""Drafts to warehouse rows: the Event record, its trigger text and its one-line summary."""

from __future__ import annotations

from transforms.events.context import _Context, _Cue, _Draft
from transforms.events.syntax import _particle, _subject_of
from transforms.events.vocabulary import _PLACE_TYPES
from transforms.model import EntityMention, Event, Participant


def _to_event(
    d: _Draft, dateline_place: str | None, fallback: EntityMention | None, ctx: _Context
) -> Event:
    """The row: location from the event's place, else the dateline; country likewise."""
    cue = d.cue
    location = (
        d.location.canonical if d.location else (fallback.canonical if fallback else dateline_place)
    )
    country = d.location.country_code if d.location else None
    if country is None and d.location is not None:
        # "Haikou of south China's Hainan Province": a coded place in the same phrase
        span = ctx.doc.char_span(
            d.location.start_char, d.location.end_char, alignment_mode="expand"
        )
        phrase = {t.idx for t in span.root.subtree} if span is not None else set()
        coded = [
            m.country_code
            for m in ctx.mentions
            if m.entity_type in _PLACE_TYPES and m.country_code and m.start_char in phrase
        ]
        country = coded[0] if coded else None
    if country is None and fallback is not None:
        country = fallback.country_code
    participants = list(d.participants)
    if location and not any(p.role == "location" for p in participants) and d.location:
        participants.append(Participant(name=location, role="location"))
    confidence = cue.strength + (0.05 if d.own_date else 0.0)
    trigger_start, trigger_end = _trigger_span(cue)
    return Event(
        event_type=cue.event_type,
        summary=_summary(d, ctx.body_start),
        trigger=ctx.text[trigger_start:trigger_end],
        date_start=d.start,
        date_end=d.end if d.end and d.start and d.end > d.start else None,
        date_precision=d.precision if d.start else "unknown",
        location=location,
        country_code=country,
        sentence=d.sentence.text,
        start_char=d.sentence.start_char,
        end_char=d.sentence.end_char,
        confidence=round(min(0.99, max(0.05, confidence)), 2),
        participants=participants,
        trigger_start=trigger_start,
        trigger_end=trigger_end,
    )


def _trigger_span(cue: _Cue) -> tuple[int, int]:
    """Offsets of the words that name the event: "kicked off", "held talks", "3-day forum"."""
    key, head = cue.key, cue.head
    doc = key.doc
    if key.pos_ in ("NOUN", "PROPN"):
        phrase = [
            c
            for c in key.children
            if c.dep_ in ("compound", "amod", "nummod", "nmod") and c.i < key.i
        ]
        start = min([key.i] + [c.left_edge.i for c in phrase])
        if head.pos_ in ("VERB", "AUX") and head != key and 0 < key.i - head.i <= 4:
            start = head.i
        return doc[start].idx, key.idx + len(key)
    particle = _particle(key)
    if particle is not None and particle.i == key.i + 1:
        return key.idx, particle.idx + len(particle)
    return key.idx, key.idx + len(key)


def _summary(d: _Draft, body_start: int, limit: int = 200) -> str:
    """One line: the sentence without its dateline; if too long, the event's own clause."""
    sentence = d.sentence
    floor = max(body_start, sentence.start_char)
    # the sentence's own text: the doc's text is rebuilt from all its tokens on every access
    text = " ".join(sentence.text[floor - sentence.start_char :].split())
    if len(text) > limit:
        head = d.cue.head
        tokens = {t.i for t in head.subtree}
        subject, _ = (
            _subject_of(head, body_start) if head.pos_ in ("VERB", "AUX") else (None, False)
        )
        if subject is not None and subject.i < head.i:
            tokens |= {t.i for t in subject.subtree}
        if d.cue.report is not None and d.cue.report.verb is not None:
            tokens |= {t.i for t in d.cue.report.verb.subtree}
        doc = sentence.doc
        first = max(min(tokens), sentence.start)
        while first < sentence.end and doc[first].idx < floor:
            first += 1
        last = min(max(tokens), sentence.end - 1)
        clause = " ".join(doc[first : last + 1].text.split())
        if 40 <= len(clause) < len(text):
            text = clause
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
