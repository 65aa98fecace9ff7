"""Events: one per sentence that reports something happening, typed from a fixed vocabulary.

The vocabulary and its definitions are in the README ("Event types"). A sentence's type comes
from its trigger words (lemmas); dates from the time expressions in scope; location from the
places it names, else the dateline.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from transforms.model import EntityMention, Event, Participant, TimeExpression

EVENT_TYPES = (
    "STATEMENT",
    "MEETING",
    "AGREEMENT",
    "POLICY",
    "ECONOMIC_DATA",
    "CORPORATE",
    "MARKET",
    "LEGAL",
    "CONFLICT",
    "PROTEST",
    "DISASTER",
    "ELECTION",
    "OTHER",
)

# Trigger lemmas per type, most specific types first: the first type that matches wins.
TRIGGERS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "DISASTER",
        frozenset(
            "earthquake quake flood flooding cyclone typhoon hurricane storm "
            "landslide wildfire fire blaze drought tsunami crash collapse explosion "
            "derail eruption".split()
        ),
    ),
    (
        "CONFLICT",
        frozenset(
            "clash attack strike airstrike shelling bombing fighting kill ceasefire "
            "truce offensive raid ambush militant insurgent troops".split()
        ),
    ),
    (
        "PROTEST",
        frozenset(
            "protest protester demonstration demonstrator rally march walkout sit-in".split()
        ),
    ),
    (
        "ELECTION",
        frozenset(
            "election vote voter ballot poll turnout referendum candidate elect re-elect".split()
        ),
    ),
    (
        "LEGAL",
        frozenset(
            "court ruling rule sentence convict acquit arrest charge indict lawsuit "
            "sue verdict judge trial prosecutor appeal".split()
        ),
    ),
    (
        "AGREEMENT",
        frozenset("agreement sign memorandum mou deal accord treaty pact partnership".split()),
    ),
    (
        "MEETING",
        frozenset(
            "meet meeting talk summit conference congress forum visit host "
            "session exhibition expo convene kick delegation".split()
        ),
    ),
    (
        "MARKET",
        frozenset(
            "index stock share shares bourse trading trade futures brent crude "
            "benchmark close".split()
        ),
    ),
    (
        "ECONOMIC_DATA",
        frozenset(
            "gdp inflation growth output export import sale surplus "
            "deficit unemployment data statistics figure percent".split()
        ),
    ),
    (
        "CORPORATE",
        frozenset(
            "profit revenue earnings invest investment acquire acquisition merger "
            "appoint launch ipo dividend company firm".split()
        ),
    ),
    (
        "POLICY",
        frozenset(
            "policy regulation law decree approve ban lift restriction tariff "
            "budget reform measure rule subsidy open".split()
        ),
    ),
    (
        "STATEMENT",
        frozenset(
            "say said announce state stress note underscore urge warn call affirm highlight".split()
        ),
    ),
)
_PRECISION = {4: "year", 7: "month", 10: "day"}
_GATHERINGS = frozenset(
    "congress conference summit forum expo exhibition festival fair "
    "games session meeting talks".split()
)


@dataclass(slots=True)
class _Trigger:
    event_type: str
    token_index: int


def _find_trigger(sentence: Span) -> _Trigger | None:
    lemmas = [(t.i, t.lemma_.lower(), t.pos_) for t in sentence]
    for event_type, words in TRIGGERS:
        for index, lemma, pos in lemmas:
            if lemma in words and pos in ("VERB", "NOUN", "PROPN", "ADJ"):
                return _Trigger(event_type, index)
    return None


def extract_events(
    doc: Doc,
    article_id: str,
    mentions: list[EntityMention],
    times: list[TimeExpression],
    anchor: date,
    dateline_place: str | None,
) -> list[Event]:
    """Events reported in an article, one per sentence with a trigger."""
    events = []
    sentences = list(doc.sents)
    for position, sentence in enumerate(sentences):
        trigger = _find_trigger(sentence)
        if trigger is None:
            continue
        token = doc[trigger.token_index]
        inside = [m for m in mentions if sentence.start_char <= m.start_char < sentence.end_char]
        when = [t for t in times if sentence.start_char <= t.start_char < sentence.end_char]
        start, end, precision = _dates(when)
        if trigger.event_type == "MEETING" and start and position + 1 < len(sentences):
            end = _extend_by_duration(start, end, sentences[position + 1], times)
        places = [m for m in inside if m.entity_type in ("GPE", "LOC", "FAC")]
        location = places[0] if places else None
        events.append(
            Event(
                event_type=trigger.event_type,
                summary=_summary(sentence.text),
                trigger=token.text,
                date_start=start,
                date_end=end,
                date_precision=precision,
                location=location.canonical if location else dateline_place,
                country_code=location.country_code if location else None,
                sentence=sentence.text,
                start_char=sentence.start_char,
                end_char=sentence.end_char,
                confidence=0.6 if trigger.event_type != "OTHER" else 0.3,
                participants=_participants(inside, token.idx, trigger.event_type),
            )
        )
    return events


def _dates(when: list[TimeExpression]) -> tuple[date | None, date | None, str]:
    dated = [t for t in when if t.kind == "date" and t.value and t.range_start]
    if not dated:
        return None, None, "unknown"
    best = min(
        dated,
        key=lambda t: (t.range_end or t.range_start or date.max) - (t.range_start or date.min),
    )
    value = best.value or ""
    precision = _PRECISION.get(len(value), "unknown")
    if "-W" in value:
        precision = "week"
    elif "-Q" in value:
        precision = "quarter"
    elif "-H" in value:
        precision = "half"
    return best.range_start, best.range_end, precision


def _extend_by_duration(
    start: date, end: date | None, following: Span, times: list[TimeExpression]
) -> date | None:
    """'The 3-day congress' after 'the congress opened on Saturday' gives the end date."""
    if not any(t.lemma_.lower() in _GATHERINGS for t in following):
        return end
    for t in times:
        if following.start_char <= t.start_char < following.end_char and t.kind == "duration":
            value = t.value or ""
            if value.startswith("P") and value.endswith("D") and value[1:-1].isdigit():
                return start + timedelta(days=int(value[1:-1]) - 1)
    return end


def _participants(
    inside: list[EntityMention], trigger_at: int, event_type: str
) -> list[Participant]:
    seen: set[tuple[str, str]] = set()
    out = []
    for mention in inside:
        if mention.entity_type in ("GPE", "LOC", "FAC"):
            role = "location"
        elif event_type == "STATEMENT" and mention.entity_type == "PERSON":
            role = "speaker"
        elif event_type in ("MEETING", "AGREEMENT"):
            role = "participant"
        else:
            role = "actor" if mention.start_char < trigger_at else "target"
        key = (mention.canonical, role)
        if key not in seen:
            seen.add(key)
            out.append(Participant(name=mention.canonical, role=role))
    return out


def _summary(sentence: str, limit: int = 200) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def event_id_for(article_id: str, start_char: int, event_type: str) -> str:
    """A stable id from where the event is reported."""
    return hashlib.sha256(f"{article_id}:{start_char}:{event_type}".encode()).hexdigest()[:16]
