"""An event's dates: attached time expressions, reported days, ranges, lengths and precision."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from transforms.datemath import shift_days
from transforms.events.context import _Context, _Cue, _Draft
from transforms.events.definitions import _CORPORATE, _DATA, _MEETING, _STATEMENT
from transforms.events.nouns import _noun_type
from transforms.events.syntax import _is_clause_head, _subject_of, _tense
from transforms.events.vocabulary import (
    _COMPARISON_WORDS,
    _DATA_NOUNS,
    _DURATION,
    _DURATION_TYPES,
    _END_LEMMAS,
    _END_VERBS,
    _NEWS_DAY_TYPES,
    _PRECISION_BY_DAYS,
    _PRECISION_BY_LENGTH,
    _REPORTED_DATE_TYPES,
    _SUBJECT_DEPS,
    CHANGE_VERBS,
    LEVEL_VERBS,
)
from transforms.model import TimeExpression


def _depth(token: Token, head: Token) -> int:
    """Dependency steps from a token up to one of its ancestors (large if it is not one)."""
    steps, node = 0, token
    while node != head and node.head != node and steps < 30:
        node, steps = node.head, steps + 1
    return steps if node == head else 99


def _attached_times(sentence: Span, ctx: _Context) -> list[tuple[TimeExpression, Token]]:
    """Each time expression of the sentence with the token its phrase hangs from."""
    if sentence.start in ctx.attached_times:
        return ctx.attached_times[sentence.start]
    out = []
    for t in ctx.times:
        if not (sentence.start_char <= t.start_char < sentence.end_char):
            continue
        span = ctx.doc.char_span(t.start_char, t.end_char, alignment_mode="expand")
        if span is None:
            continue
        out.append((t, span.root))
    ctx.attached_times[sentence.start] = out
    return out


def _attachment(token: Token, stops: set[int], figure: bool) -> Token | None:
    """The nearest ancestor (or the token) among the clause heads and event nouns.

    None when, in a figure, the expression is a point of comparison ("up from 4.1% on Thursday").
    """
    node = token
    for _ in range(30):
        if node.i in stops:
            return node
        if figure and node.lower_ in _COMPARISON_WORDS and node != token:
            return None
        if node.head == node:
            return node
        node = node.head
    return node


def _dates(cue: _Cue, sentence: Span, ctx: _Context) -> tuple[date | None, date | None, str, bool]:
    """The event's own dates (start, end, precision, own): the time expressions attached to its
    clause, else to a coordinated verb, else to the verb that reports it."""
    stops = _stops(sentence, ctx) | {cue.key.i, cue.head.i}
    roots = {id(t): root for t, root in _attached_times(sentence, ctx)}
    attached = [
        (t, at)
        for t, root in _attached_times(sentence, ctx)
        if (at := _attachment(root, stops, cue.figure)) is not None and _dated(t)
    ]
    own_heads = _own_heads(cue, stops, ctx)
    own = [t for t, at in attached if at.i in own_heads and not _effective(t, ctx)]
    until = [t for t in own if _is_until(t, ctx)]
    own = [t for t in own if t not in until]
    if cue.head.lemma_.lower() in _END_LEMMAS and cue.event_type in _DURATION_TYPES:
        until, own = until + own, []  # "the forum, which wraps up on Friday"
    if not own and until and cue.event_type in _DURATION_TYPES:
        return None, until[0].range_end, "unknown", False  # "runs until Friday": an end only
    measuring = cue.head.lemma_.lower() in CHANGE_VERBS | LEVEL_VERBS
    if cue.figure and cue.event_type in (_DATA, _CORPORATE) and measuring:
        own = []  # "rose 3% in July": the period measured, not the day it was published
    elif cue.figure or cue.event_type in (_STATEMENT, _DATA, _CORPORATE):
        own = [t for t in own if _precision(t.value or "") == "day"]
    if own:
        verb_days = {id(t) for t, at in attached if at.i == cue.head.i}

        def closeness(t: TimeExpression) -> tuple[bool, int, int]:
            # the verb's own days first, the narrowest of them: "approved the Wheat Policy
            # 2025-26 on Friday" is Friday; else the nearest in the tree
            root = roots.get(id(t))
            depth = min(_depth(root, sentence.doc[i]) for i in own_heads) if root else 99
            if id(t) in verb_days:
                return False, _span_days(t), depth
            return True, depth, _span_days(t)

        return _as_dates(min(own, key=closeness))
    if cue.head.pos_ == "VERB" and not cue.figure and cue.event_type not in _NEWS_DAY_TYPES:
        # "had declared it dangerous and served a notice two years ago": one date for both
        joined = {c.i for c in cue.head.children if c.dep_ == "conj" and c.pos_ == "VERB"}
        shared = [t for t, at in attached if at.i in joined]
        if shared:
            return _as_dates(shared[0])
    return _reported_dates(cue, attached)


def _stops(sentence: Span, ctx: _Context) -> set[int]:
    """The sentence's clause heads and event nouns: where time expressions attach."""
    if sentence.start not in ctx.sentence_stops:
        ctx.sentence_stops[sentence.start] = {
            t.i
            for t in sentence
            if _is_clause_head(t) or (t.pos_ in ("NOUN", "PROPN") and _noun_type(t, ctx))
        }
    return ctx.sentence_stops[sentence.start]


def _own_heads(cue: _Cue, stops: set[int], ctx: _Context) -> set[int]:
    """The words whose time expressions are the event's own."""
    heads = {cue.head.i, cue.key.i} | set(cue.also)
    if cue.event_type == _DATA and cue.head.pos_ == "VERB":
        subject, _ = _subject_of(cue.head, ctx.body_start)
        if subject is not None and subject.lemma_.lower() in _DATA_NOUNS:
            # "Data published on Monday showed ...": the day the figures came out
            heads |= {c.i for c in subject.children if c.dep_ == "acl"}
    if cue.head.pos_ in ("VERB", "AUX"):
        # "won Sunday's local elections": the election's date is the win's
        heads |= {
            t.i
            for t in cue.head.subtree
            if t.i in stops and t.pos_ in ("NOUN", "PROPN") and _noun_type(t, ctx) == cue.event_type
        }
        # "approved ... at its meeting on Monday": the day of the setting is the decision's
        heads |= {
            pobj.i
            for prep in cue.head.children
            if prep.dep_ == "prep" and prep.lower_ in ("at", "during")
            for pobj in prep.children
            if pobj.dep_ == "pobj" and _noun_type(pobj, ctx) == _MEETING
        }
    elif cue.key.dep_ == "pobj" and cue.key.head.head.pos_ == "VERB":
        verb = cue.key.head.head
        if not _noun_type(verb, ctx):
            heads.add(verb.i)  # "travel to Xi'an on Friday for a business forum"
    elif cue.key.dep_ in _SUBJECT_DEPS and cue.key.head.lemma_.lower() in ("be", "due", "set"):
        # "Its next decision is due on Nov. 6"
        heads.add(cue.key.head.i)
        heads |= {c.i for c in cue.key.head.children if c.dep_ in ("acomp", "xcomp", "attr")}
    return heads


def _reported_dates(
    cue: _Cue, attached: list[tuple[TimeExpression, Token]]
) -> tuple[date | None, date | None, str, bool]:
    """The day the event was told, for events that happen as they are told."""
    report = cue.report
    told_that_day = cue.event_type in _REPORTED_DATE_TYPES and (
        cue.figure or cue.event_type == _STATEMENT or _tense(cue.head) == "past"
    )
    if report is None or not told_that_day:
        return None, None, "unknown", False
    published = {report.verb.i} if report.verb is not None else set()
    if report.speaker is not None:
        # "data released on Saturday showed ...": the day the figures came out
        published |= {c.i for c in report.speaker.children if c.dep_ == "acl"}
    reported = [t for t, at in attached if at.i in published]
    reported = [t for t in reported if _precision(t.value or "") == "day"]
    return _as_dates(reported[0]) if reported else (None, None, "unknown", False)


def _as_dates(t: TimeExpression) -> tuple[date | None, date | None, str, bool]:
    """An expression as the event's own (start, end, precision, own) dates."""
    precision = _precision(t.value or "")
    if precision == "unknown":
        # "2025-26", a fiscal year: as precise as the days it covers
        days = _span_days(t) + 1
        precision = next((p for limit, p in _PRECISION_BY_DAYS if days <= limit), "year")
    return t.range_start, _range_end(t), precision, True


def _is_until(t: TimeExpression, ctx: _Context) -> bool:
    """ "runs until Friday", "which ends on Nov. 21": the end of something already under way."""
    before = ctx.text[max(0, t.start_char - 20) : t.start_char].lower().split()
    if before and before[-1] in ("until", "till", "through", "to", "by"):
        return True
    return len(before) >= 2 and before[-1] in ("on", "by") and before[-2] in _END_VERBS


def _effective(t: TimeExpression, ctx: _Context) -> bool:
    """ "appointed ... effective Dec 1": when it takes effect, not when it was decided."""
    before = ctx.text[max(0, t.start_char - 20) : t.start_char].lower().split()
    return (
        bool(before)
        and before[-1] in ("effective", "starting", "from")
        and before[-2:-1] != ["effect"]
    )


def _dated(t: TimeExpression) -> bool:
    """A date or time with a value and calendar days."""
    return t.kind in ("date", "time") and bool(t.value) and t.range_start is not None


def _span_days(t: TimeExpression) -> int:
    """How many days an expression covers, beyond the first (large when unknown)."""
    if t.range_start is None or t.range_end is None:
        return 10**6
    return (t.range_end - t.range_start).days


def _range_end(t: TimeExpression) -> date | None:
    """The last day of a range, None for a single day."""
    if t.range_end and t.range_start and t.range_end != t.range_start:
        return t.range_end
    return None


def _precision(value: str) -> str:
    """day, week, month, quarter, half, year or unknown, from a TIMEX3-style value."""
    value = value.split("/")[0]
    if "T" in value:
        return "day"
    if re.match(r"^\d{4}-W\d\d", value):
        return "week"
    if re.match(r"^\d{4}-Q[1-4]$", value) or re.match(r"^\d{4}-(SP|SU|FA|WI)$", value):
        return "quarter"
    if re.match(r"^\d{4}-H[12]$", value):
        return "half"
    if re.match(r"^\d{4}(-\d\d(-\d\d)?)?$", value):
        return _PRECISION_BY_LENGTH.get(len(value), "unknown")
    return "unknown"


def _duration(cue: _Cue, sentence: Span, ctx: _Context) -> int | None:
    """ "the 3-day congress", "a two-week conference": the length of a gathering, in days."""
    if cue.event_type not in _DURATION_TYPES:
        return None
    nouns = [cue.key, cue.head] + [
        t for t in sentence if t.pos_ == "NOUN" and _noun_type(t, ctx) == cue.event_type
    ]
    for t in ctx.times:
        if t.kind != "duration" or not (sentence.start_char <= t.start_char < sentence.end_char):
            continue
        match = _DURATION.match(t.value or "")
        if not match:
            continue
        span = ctx.doc.char_span(t.start_char, t.end_char, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        on_noun = any(root.head == n or root == n or root.head.head == n for n in nouns)
        modifier = root.dep_ in ("amod", "compound", "nmod", "nummod") or "-" in t.text
        if on_noun and modifier:
            return int(match.group(1)) * (7 if match.group(2) == "W" else 1)
    return None


def _fill_story_day(draft: _Draft, story_day: date | None) -> None:
    """An undated happening told in the simple past goes on the day the story is about:
    "Police said 24 people were arrested" after "marched ... on Saturday" is Saturday's."""
    if draft.start is not None or story_day is None or draft.vague or draft.cue.figure:
        return
    if draft.cue.event_type == _STATEMENT:
        return  # a statement with no day of its own is dated by publication (see the docstring)
    if draft.tense == "past":
        draft.start, draft.precision = story_day, "day"
        draft.cue.strength = max(0.05, draft.cue.strength - 0.05)


def _fill_news_day(draft: _Draft, anchor: date) -> None:
    """Dates that follow from the story: a gathering's length, the publication day."""
    if draft.start is None and draft.end is not None and draft.duration_days:
        # "the four-day forum, which wraps up on Friday"
        draft.start = shift_days(draft.end, 1 - draft.duration_days)
        draft.precision = "day" if draft.start else draft.precision
    if draft.start is not None:
        if draft.duration_days and draft.precision == "day":
            end = shift_days(draft.start, draft.duration_days - 1)
            if end is not None and (draft.end is None or end > draft.end):
                draft.end = end
        return
    if draft.vague:
        return  # "over the years, the group has invested ...": no day to give
    lead_perfect = draft.tense == "perfect" and draft.lead  # "X has appointed Y as CEO"
    if draft.cue.event_type in _NEWS_DAY_TYPES and (
        draft.tense in ("past", "present") or lead_perfect
    ):
        draft.start, draft.precision = anchor, "day"
        draft.cue.strength = max(0.05, draft.cue.strength - 0.05)
