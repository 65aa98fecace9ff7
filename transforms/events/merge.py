"""One row per event: the drafts a later sentence only elaborates merge into the earlier one."""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms.datemath import shift_days
from transforms.events.actors import _actor_class
from transforms.events.context import _Context, _Cue, _Draft
from transforms.events.definitions import (
    _AGREEMENT,
    _CONFLICT,
    _CORPORATE,
    _DATA,
    _DISASTER,
    _ELECTION,
    _LEGAL,
    _MARKET,
    _MEETING,
    _PROTEST,
    _STATEMENT,
    _TOLL,
)
from transforms.events.nouns import _anaphoric
from transforms.events.syntax import _noun_phrase, _subject_of
from transforms.events.vocabulary import _DURATION_TYPES, _GAUGES, _HARM_VERBS, EVENT_NOUNS


def _identity(cue: _Cue, ctx: _Context) -> set[str]:
    """Names that identify a gathering or a deal: its EVENT or ORG names, its head noun."""
    names: set[str] = set()
    noun = cue.key if cue.key.pos_ in ("NOUN", "PROPN") else None
    tokens: list[Token] = []
    if noun is not None:
        tokens = _noun_phrase(noun)
        names.add(noun.lemma_.lower())
    elif cue.event_type == _MEETING:
        subject, _ = _subject_of(cue.head, ctx.body_start)
        if subject is not None:
            tokens = _noun_phrase(subject)
            if subject.lemma_.lower() in EVENT_NOUNS:
                names.add(subject.lemma_.lower())  # "the forum opened", not "ministers met"
    for token in tokens:
        mention = ctx.mention_at(token)
        if mention and mention.entity_type not in ("PERSON", "GPE", "NORP"):
            names.add(mention.canonical)
    proper = " ".join(t.lower_ for t in tokens if t.pos_ == "PROPN")
    if proper:
        names.add(proper)
    return names


def _merge(drafts: list[_Draft], ctx: _Context) -> list[_Draft]:
    """Fold elaborations into the event they elaborate; keep the better-told one as the row."""
    kept: list[_Draft] = []
    for draft in drafts:
        release = _release_commentary(draft, kept, ctx)
        if release is not None:
            _combine(release, draft, swap=False)
            continue
        if draft.cue.event_type == _TOLL:
            harm = [k for k in kept if k.cue.event_type in (_DISASTER, _CONFLICT)]
            if harm:
                _combine(harm[-1], draft, swap=False)
            continue
        target = _merge_target(draft, kept, ctx.body_start)
        if target is None:
            if draft.cue.figure and not draft.cue.released and draft.cue.event_type != _MARKET:
                continue  # figures that elaborate nothing told: no event of their own
            if draft.cue.anaphoric and not draft.own_date:
                continue  # "before the law took effect": points back to something told otherwise
            if _tally(draft, ctx.body_start):
                continue  # "road accidents killed 3,150 people last year": a statistic
            kept.append(draft)
            continue
        index = kept.index(target)
        kept[index] = _combine(target, draft)
    return kept


def _tally(draft: _Draft, body_start: int) -> bool:
    """Disasters or fighting counted over a period, not one that happened."""
    if draft.cue.event_type not in (_DISASTER, _CONFLICT) or draft.precision in ("day", "week"):
        return False
    subject, _ = (
        _subject_of(draft.cue.head, body_start) if draft.cue.head.pos_ == "VERB" else (None, False)
    )
    noun = subject if subject is not None else draft.cue.key
    generic = noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in noun.children)
    # "road accidents killed 3,150 people last year", "storms strike the islands each year"
    return generic and (draft.start is not None or draft.tense == "present")


def _same_source(a: str | None, b: str | None) -> bool:
    """Two sources that may be the same: equal, or one of them unnamed."""
    return a is None or b is None or a == b


def _release_commentary(draft: _Draft, kept: list[_Draft], ctx: _Context) -> _Draft | None:
    """What a statistics office says about its release, a judge writes in a ruling, or anyone
    says about an event already told ("called the decision a win") belongs to that event."""
    report = draft.cue.report
    if draft.cue.event_type != _STATEMENT or report is None:
        return None
    for previous in reversed(kept):
        if previous.cue.event_type in draft.reacts_to and previous.position != draft.position:
            return previous
    if report.kind != "institution":
        return None
    speaker = report.speaker
    court = speaker is not None and _actor_class(speaker, ctx) == "court"
    for previous in reversed(kept):
        if previous.position == draft.position:
            continue
        if court and previous.cue.event_type == _LEGAL:
            return previous  # "the court said in its ruling": the ruling
        if previous.cue.event_type == _DATA:
            return previous if _same_source(draft.speaker, previous.speaker) else None
    return None


def _merge_target(draft: _Draft, kept: list[_Draft], body_start: int) -> _Draft | None:
    """The earlier event that a draft only tells more about, if any."""
    if draft.cue.action:
        return None  # each action of named parties is its own sentence's event
    # the latest earlier event of the type whose days it fits (a sentence may tell several)
    same = [
        k
        for k in kept
        if k.cue.event_type == draft.cue.event_type
        and k.position != draft.position
        and not _dates_conflict(k, draft)
    ]
    if not same:
        return None
    previous = same[-1]
    if draft.cue.anaphoric:
        # "the two-day visit" points back to the visit, not to the talks told since
        lemma = draft.cue.key.lemma_.lower()
        previous = next((k for k in reversed(same) if lemma in k.identity), previous)
    return previous if _elaborates(draft, previous, body_start) else None


def _elaborates(draft: _Draft, previous: _Draft, body_start: int) -> bool:
    """Whether a draft tells more of an earlier event of the same type."""
    cue = draft.cue
    event_type = cue.event_type
    near = draft.position - previous.position <= 2 or draft.paragraph == previous.paragraph
    subject, _ = (
        _subject_of(cue.head, body_start) if cue.head.pos_ in ("VERB", "AUX") else (None, False)
    )
    if event_type == _STATEMENT:
        if draft.speaker and draft.speaker == previous.speaker:
            return True
        # "An MIIT official said ... . Vice Minister Xiong of MIIT underscored ...": one speech
        speakers = {p.name for p in draft.participants if p.role == "speaker"}
        unnamed = previous.speaker is None or previous.speaker in speakers
        return unnamed and draft.position - previous.position == 1
    if event_type in (_DATA, _CORPORATE) and cue.figure and not cue.released:
        return True  # figures with no source of their own
    if event_type == _DATA and (not draft.own_date or previous.start == draft.start):
        return True  # more figures of the same release
    if event_type == _CORPORATE and cue.figure and previous.cue.figure:
        # the same company's results, told figure by figure; not another company's
        same_day = not draft.own_date or draft.start == previous.start
        ours, theirs = _parties(draft), _parties(previous)
        one_company = any(
            a == b or f"{a} ".startswith(f"{b} ") or f"{b} ".startswith(f"{a} ")
            for a in ours
            for b in theirs
        )  # "Deccan Polymers" is "Deccan Polymers Ltd"
        other_company = bool(ours and theirs and not one_company)
        return _same_source(draft.speaker, previous.speaker) and same_day and not other_company
    if _points_back(cue, subject, near):
        return True
    if event_type == _MARKET:
        # "the index touched an intraday high": the same session
        return subject is not None and _anaphoric(subject) and subject.lemma_.lower() in _GAUGES
    if event_type == _LEGAL:
        also = any(c.lower_ == "also" for c in cue.head.children)
        return also and draft.position - previous.position <= 3  # "The court also ordered ..."
    if event_type == _ELECTION:
        return cue.figure  # seats, turnout: the results of the vote already told
    harm = cue.key.lemma_.lower() in _HARM_VERBS or draft.tense == "perfect"
    if event_type in (_DISASTER, _CONFLICT) and cue.key.pos_ in ("VERB", "AUX") and harm:
        return True  # "homes were flooded", "two soldiers were killed": the same disaster
    if event_type in (_PROTEST, _DISASTER, _CONFLICT) and near and not draft.own_date:
        return True  # "195,000 people took part in demonstrations": the same protest
    if event_type in (_MEETING, _AGREEMENT, _PROTEST, _CONFLICT, _DISASTER):
        shared = draft.identity & previous.identity
        named = shared - set(EVENT_NOUNS)  # the same forum by name, not two "talks"
        return bool(named or (shared and near)) and not _differs(draft, previous)
    return False


def _parties(draft: _Draft) -> set[str]:
    """Who acts or speaks in a draft."""
    return {p.name for p in draft.participants if p.role in ("actor", "speaker")}


def _points_back(cue: _Cue, subject: Token | None, near: bool) -> bool:
    """ "the congress", "the strike", "the documents were signed": told before."""
    key = cue.key if cue.key.pos_ in ("NOUN", "PROPN") else None
    if cue.anaphoric or (key is not None and _anaphoric(key)):
        return True
    if subject is None or not _anaphoric(subject):
        return False
    passive = subject.dep_ == "nsubjpass" and near
    return passive or EVENT_NOUNS.get(subject.lemma_.lower()) == cue.event_type


def _differs(a: _Draft, b: _Draft) -> bool:
    """Ordinals or years that tell two editions apart: "the 11th forum" and "the 10th"."""

    def marks(d: _Draft) -> set[str]:
        key = d.cue.key
        words = [c for c in key.children] if key.pos_ in ("NOUN", "PROPN") else []
        return {
            t.lower_
            for t in words
            if t.ent_type_ == "ORDINAL"
            or re.fullmatch(r"(19|20)\d\d", t.text)
            or t.lower_ in ("next", "another")
        }

    ma, mb = marks(a), marks(b)
    return bool(ma and mb and ma != mb) or "next" in ma or "another" in ma


def _dates_conflict(previous: _Draft, draft: _Draft) -> bool:
    """Both dated, and the later one too far from the earlier one's days to be the same."""
    if not (previous.own_date and draft.own_date and previous.start and draft.start):
        return False
    last = previous.end or previous.start
    if previous.duration_days:
        last = max(last, shift_days(previous.start, previous.duration_days - 1) or last)
    # Day differences, not shifted dates: those could run past either end of the calendar.
    return not ((draft.start - previous.start).days >= -1 and (draft.start - last).days <= 14)


def _combine(a: _Draft, b: _Draft, swap: bool = True) -> _Draft:
    """One event from two reports of it: the clause-level, dated one is the row."""
    keep, other = (a, b)
    if swap and b.cue.rank < 3 <= a.cue.rank:
        keep, other = b, a
    if keep.start is None and other.start is not None:
        keep.start, keep.end, keep.precision = other.start, other.end, other.precision
        keep.own_date = other.own_date
    elif keep.start and other.start and keep.cue.event_type in _DURATION_TYPES:
        latest = other.end or other.start
        if latest > (keep.end or keep.start):
            keep.end = latest
    keep.duration_days = keep.duration_days or other.duration_days
    keep.location = keep.location or other.location
    keep.identity |= other.identity
    speakers = {p.name for p in other.participants if p.role == "speaker"}
    if other.speaker and (keep.speaker is None or keep.speaker in speakers):
        keep.speaker = other.speaker  # the official named after "an official said"
    keep.participants += [p for p in other.participants if p not in keep.participants]
    keep.cue.strength = min(0.99, max(keep.cue.strength, other.cue.strength) + 0.05)
    return keep
