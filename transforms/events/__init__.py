"""Events: what a story reports as happening, one row per event, typed from a fixed vocabulary.

Event types (``EVENT_TYPE_DEFINITIONS`` holds the same definitions for the README):

| type | definition |
| --- | --- |
| STATEMENT | an official or organisation says, warns, calls for; nothing more specific told |
| MEETING | meetings, visits, talks, conferences, summits, forums, exhibitions |
| AGREEMENT | deals, MoUs, treaties, contracts signed or agreed between parties |
| POLICY | a government, regulator or central bank decision: law, ban, tariff, budget, rates |
| ECONOMIC_DATA | release of official statistics: GDP, inflation, trade, output, sales figures |
| CORPORATE | a company's earnings, investment, acquisition, appointment, launch, orders |
| MARKET | market moves and prices: index closes, currencies, commodity prices |
| LEGAL | court rulings, arrests, charges, lawsuits, sentences |
| CONFLICT | clashes, attacks, armed forces striking or deployed, ceasefires, casualties |
| PROTEST | demonstrations, rallies, workers' strikes |
| DISASTER | floods, quakes, storms, fires, accidents and their tolls |
| ELECTION | votes, results, campaigns, turnout |
| OTHER | something happened that none of the above covers: evacuations, rescues, disruptions |

How a sentence becomes events (rules over spaCy's parse, lemmas and parts of speech; no model of
our own):

1. Each clause is read from its predicate. Its type comes from, in order: a phrasal verb ("kick
   off", "walk out", "take effect"); a decision on a rate, tax or forecast ("kept rates
   unchanged"); a figure verb (rise, fall, reach ...) typed by what its subject measures (an
   index or a currency is MARKET, a company's profit CORPORATE, exports or inflation
   ECONOMIC_DATA); a light verb typed by its object ("held talks", "approved a budget",
   "reported a rise in net profit"); the verb's own lemma, checked against its actor where the
   verb is ambiguous ("the court ordered" is LEGAL, "the ministry ordered" POLICY, "troops
   struck" CONFLICT, "workers struck" PROTEST); an event noun as its subject ("the clashes
   erupted"). Clauses under "expectations that ...", "bets on ..." are not events unless they
   carry their own day.
2. A reporting verb (say, announce, tell, show ...) is a STATEMENT only when the clause it governs
   reports nothing more specific: "the bureau said exports rose 5%" is ECONOMIC_DATA, "the
   ministry said it will ban ..." POLICY. A STATEMENT needs an official or an organisation as
   speaker: analysts, economists and bystanders quoted for colour make none. Figures cited by a
   person are that person's STATEMENT; figures published by an institution ("data showed",
   "according to figures released by") are ECONOMIC_DATA.
3. Event nouns outside the typed clauses make their own event when they name a separate
   happening: the gathering something happened at ("signed ... during a visit"), a noun with its
   own date ("a strike on November 13"), a measure or a ruling ("under a 20 percent tariff"). A
   sentence gives one event per predicate, in text order ("troops shelled the town and rebels
   attacked a base" is two; "attacked a base, killing four" and a sentence's figures are one),
   reported clauses included ("said the army had shelled X" is a CONFLICT); an event noun of a
   type a predicate of the sentence already gives is that predicate's event. A verb of action
   none of the types covers, with a named party as subject, object or in its "with/to/in/..."
   phrase, is an OTHER event beside the typed ones ("said the envoy had flown to Velten": a
   STATEMENT and an OTHER), unless it goes on with a typed event ("ordered the army to
   evacuate"); a state (be, have, seem), a guess ("could close") or a description ("polled by
   Reuters", "which employs 4,000 people") is none. Other OTHER events only when nothing else
   is told. The warehouse keys an event on its trigger's span.
4. One row per event. A sentence that only tells more of an earlier event merges into it and
   extends its dates: a definite noun pointing back ("the congress", "the strike", "the
   contracts were awarded"), the same gathering by name, the same speaker again, figures with no
   release of their own after a data release or a company's results, tolls after a disaster.
   What a statistics office says about its release, a judge writes in a ruling, or anyone says
   about an event already told ("called the decision a win") belongs to that event; a statement
   made at a gathering told for the first time is that gathering's news.
5. Dates. A time expression attached (by dependencies) to the event's clause is its own date; a
   figure's reference period ("rose 3% in July") is not the day it was published, the reporting
   verb's day is ("..., the bureau said on Friday"). "Until Friday", "wraps up on Friday" end a
   gathering; its length ("the 3-day congress") gives the missing end or start. An undated
   happening told in the simple past takes the day of the story's latest dated happening within
   the week before publication ("24 people were arrested" after "marched on Saturday"). A
   STATEMENT, market move, data release or company result with no date of its own, told in the
   past or present tense (or in the present perfect in the lead), takes the publication date:
   the anchor, which is the article's date, or the run's default when the article has none.
   Anything else undated, or vaguely dated ("over the years"), keeps date_start None and
   precision "unknown". Precision follows the value: day, week, month, quarter, half, year.
6. Location: the places (GPE, LOC, FAC) the event's clause names ("in Haikou"), else those of its
   sentence, else the dateline place; a STATEMENT's place is where it was said. The country is
   the place's code, else that of a coded place in the same phrase ("Haikou of south China's
   Hainan Province"), else the dateline's.
7. Participants come from the entity mentions of the clause: the subject is the actor (the
   speaker of a STATEMENT, a participant of a MEETING or AGREEMENT, the organizer when it hosts
   or chairs), the object the target, "hosted/organised by" the organizer, "with/between" are
   participants, the reporting source is the speaker, places are the location.
8. Confidence says how specific the evidence was: a typed verb with a typed subject or object
   scores high, a bare event noun or a borrowed date lower; merging what two sentences say of
   one event raises it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from spacy.tokens import Doc

from transforms.events.actors import _title_class
from transforms.events.clauses import _sentence_cues
from transforms.events.context import _Context, _Draft
from transforms.events.dates import _fill_news_day, _fill_story_day
from transforms.events.definitions import _MEETING, EVENT_TYPE_DEFINITIONS, EVENT_TYPES
from transforms.events.drafts import _draft
from transforms.events.merge import _merge
from transforms.events.participants import _dateline_mention
from transforms.events.rows import _to_event
from transforms.events.vocabulary import _LOOSE_DATELINE
from transforms.model import EntityMention, Event, TimeExpression
from transforms.quotes import find_quote_spans
from transforms.segment import doc_text
from transforms.wire import DATELINE, DATELINE_NO_PLACE

__all__ = ["EVENT_TYPES", "EVENT_TYPE_DEFINITIONS", "event_id_for", "extract_events"]


def extract_events(
    doc: Doc,
    article_id: str,
    mentions: list[EntityMention],
    times: list[TimeExpression],
    anchor: date,
    dateline_place: str | None,
) -> list[Event]:
    """Events reported in an article, one row per event (see the module docstring)."""
    if not doc.has_annotation("DEP"):
        return []  # events are read from the parse; a pipeline without a parser gives none
    text = doc_text(doc)
    dateline = DATELINE.match(text) or DATELINE_NO_PLACE.match(text) or _LOOSE_DATELINE.match(text)
    return _extract(doc, mentions, times, anchor, dateline_place, dateline)


def _extract(
    doc: Doc,
    mentions: list[EntityMention],
    times: list[TimeExpression],
    anchor: date,
    dateline_place: str | None,
    dateline: re.Match[str] | None,
) -> list[Event]:
    text = doc_text(doc)
    ctx = _Context(
        doc=doc,
        text=text,
        mentions=[m for m in mentions if not dateline or m.start_char >= dateline.end()],
        times=[t for t in times if not dateline or t.start_char >= dateline.end()],
        anchor=anchor,
        quotes=find_quote_spans(text),
        body_start=dateline.end() if dateline else 0,
    )
    for m in ctx.mentions:
        if m.entity_type == "PERSON" and ctx.roles.get(m.canonical, "person") == "person":
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is not None:
                # "Federal Minister for Planning ... Tariq Mehmood Chaudhry" anywhere in the story
                ctx.roles[m.canonical] = _title_class(span.root)
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    drafts: list[_Draft] = []
    lead_seen = False
    for position, sentence in enumerate(ctx.sentences):
        if sentence.end_char <= ctx.body_start + 2:
            continue  # the dateline on its own
        paragraph = sum(1 for start in paragraph_starts if start <= sentence.start_char) - 1
        for cue in _sentence_cues(sentence, ctx, not lead_seen):
            ctx.told.add(cue.event_type)
            draft = _draft(cue, sentence, paragraph, position, ctx)
            draft.lead = not lead_seen
            if cue.hypothetical and not (draft.own_date and draft.precision == "day"):
                continue
            drafts.append(draft)
        lead_seen = True
    drafts = _merge(drafts, ctx)
    # A statement made at a gathering told here for the first time is that gathering's news:
    # "Speaking at a two-day energy forum, the minister said ..." is one MEETING.
    kept_venues = {id(d.cue) for d in drafts if d.cue.event_type == _MEETING}
    drafts = [d for d in drafts if d.cue.venue is None or id(d.cue.venue) not in kept_venues]
    story_day: date | None = None  # the day of the story's latest dated happening
    for d in sorted(drafts, key=lambda d: d.position):
        _fill_story_day(d, story_day)
        _fill_news_day(d, anchor)
        recent = d.start is not None and 0 <= (anchor - d.start).days <= 7
        if d.own_date and d.precision == "day" and recent:
            story_day = d.start
    place_fallback = _dateline_mention(mentions, dateline_place)
    events: dict[tuple[int, int], Event] = {}
    # typed events first, then the actions of named parties: the story's news before the rest
    for d in sorted(drafts, key=lambda d: d.cue.action):
        event = _to_event(d, dateline_place, place_fallback, ctx)
        events.setdefault((event.trigger_start, event.trigger_end), event)  # the id's key
    return list(events.values())


def event_id_for(article_id: str, trigger_start: int, trigger_end: int) -> str:
    """A stable id from the event's trigger span: one event per predicate, the same on every run."""
    return hashlib.sha256(f"{article_id}:{trigger_start}:{trigger_end}".encode()).hexdigest()[:16]
