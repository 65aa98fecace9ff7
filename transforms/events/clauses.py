"""A sentence's events: its clauses typed, its reports and event nouns, one per predicate."""

from __future__ import annotations

from spacy.tokens import Span, Token

from transforms.events.context import _Context, _Cue, _Report
from transforms.events.definitions import _DATA, _MEETING, _OTHER, _STATEMENT
from transforms.events.nouns import _has_time, _nominal_cue
from transforms.events.reports import _remember_speaker, _reports, _statement_cue
from transforms.events.syntax import _clause_tokens, _is_clause_head, _subject_of
from transforms.events.types import _classify_clause
from transforms.events.vocabulary import (
    _DURATION_TYPES,
    _HYPOTHESIS_NOUNS,
    _OBJECT_DEPS,
    _PRIMARY_MIN,
    _SECONDARY_MIN,
    _SUBJECT_DEPS,
)


def _sentence_cues(sentence: Span, ctx: _Context, lead: bool) -> list[_Cue]:
    """The events of one sentence: one per predicate, in text order."""
    reports = _reports(sentence, ctx)
    governed: dict[int, _Report] = {}
    for report in reports:
        for head in report.content:
            for token in _clause_tokens(head):
                governed.setdefault(token.i, report)
    cues: list[_Cue] = []
    for token in sentence:
        if ctx.quoted(token) or token.idx < ctx.body_start:
            continue
        if _is_clause_head(token):
            cue = _classify_clause(token, ctx, governed.get(token.i), lead)
            if cue:
                cues.append(cue)
    taken = {c.key.i for c in cues} | {c.head.i for c in cues}
    heads = {c.head.i for c in cues if not c.action}
    for token in sentence:
        if token.head.i in heads and token.dep_ in _SUBJECT_DEPS + _OBJECT_DEPS:
            continue  # "the futures contract fell": what the typed clause is about
        if token.i in taken or ctx.quoted(token) or token.idx < ctx.body_start:
            continue
        cue = _nominal_cue(token, ctx, reports)
        if cue:
            cues.append(cue)
            taken.add(token.i)
    for report in reports:
        cue = _statement_cue(report, cues, reports, ctx)
        if cue:
            cues.append(cue)
    for c in cues:
        c.hypothetical = _hypothetical(c.key) or _hypothetical(c.head)
        if c.event_type == _STATEMENT and c.report is None and reports:
            c.report = reports[0]  # "Addressing a press conference, the minister said ..."
    for c in cues:
        if c.event_type == _STATEMENT and c.report is not None and c.report.verb is not None:
            # "told a forum", "speaking at a two-day forum, the minister said": where it was said
            verb = c.report.verb
            speaking = {verb.i} | {
                a.i for a in verb.children if a.dep_ == "advcl" and a.tag_ == "VBG"
            }
            c.venue = next(
                (
                    m
                    for m in cues
                    if m.event_type == _MEETING
                    and m.rank == 3
                    and (m.key.head.i in speaking or m.key.head.head.i in speaking)
                ),
                None,
            )
    _remember_speaker(reports, ctx)
    return _choose(cues, ctx)


def _choose(cues: list[_Cue], ctx: _Context) -> list[_Cue]:
    """One cue per predicate, the most salient first; secondary ones only on strong evidence.

    Two predicates of a sentence are two events ("the army shelled X and rebels attacked Y"),
    each with its own arguments; a clause without a subject of its own that goes on with the
    same type, and the figures of one release, are one event. An event noun of a type a
    predicate already gives is that predicate's event, and a word typed twice is one event.
    """
    chosen: list[_Cue] = []
    # typed events first: an action is OTHER only where no typed event takes its predicate
    for cue in sorted(cues, key=lambda c: (c.action, c.rank, -c.strength, c.key.i)):
        same_word = next(
            (c for c in chosen if c.key.i == cue.key.i or c.head.i == cue.head.i), None
        )
        same_type = [c for c in chosen if c.event_type == cue.event_type]
        governing = next(
            (
                c
                for c in same_type
                if _completes(cue.head, c.head)
                or _one_release(cue, c)
                or (cue.key != cue.head and cue.key.head == c.head)  # "floods ... killed 41"
                or (c.key != c.head and c.key.head == cue.head)
                or _same_subject(cue.head, c.head, ctx.body_start)
                or _nested(cue, c)
            ),
            None,
        )
        if governing is None and cue.action:
            # "ordered the army to deploy helicopters", "launched a response and dispatched a
            # team": an action that goes on telling a typed event is part of it
            # ("went to Baku and signed a deal": the going is the signing's)
            governing = next(
                (
                    c
                    for c in chosen
                    if _completes(cue.head, c.head)
                    or _completes(c.head, cue.head)
                    or _joins(cue.head, c.key)
                ),
                None,
            )
        if governing is not None:
            governing.parts.append(cue.head)
            governing.also += [cue.head.i]
        elif same_word is None and not (cue.rank == 3 and same_type):
            chosen.append(cue)
        elif same_type and cue.event_type in _DURATION_TYPES:
            same_type[0].also += [cue.head.i, cue.key.i]  # "the fire, which started Tuesday"
    if not chosen:
        return []
    ordered = sorted(chosen, key=lambda c: (c.anaphoric, c.rank, -c.strength, c.key.i))
    if any(c.event_type != _OTHER and not c.anaphoric for c in ordered):
        # OTHER only when nothing else, but for actions of named parties
        ordered = [c for c in ordered if c.event_type != _OTHER or c.action]
    primary = ordered[0]
    kept = [primary] if primary.strength >= _PRIMARY_MIN else []
    for cue in ordered[1:]:
        if cue.strength >= _SECONDARY_MIN and not (cue.figure and cue.rank >= 2):
            kept.append(cue)
    return sorted(kept, key=lambda c: min(c.key.i, c.head.i))


def _completes(head: Token, governor: Token) -> bool:
    """A clause without a subject of its own that goes on telling its governor's event:
    "agreed to acquire", "attacked a base, killing four soldiers", "will meet to discuss",
    "have killed 41 people and left 12 missing"."""
    node = head
    while node.head != node and node != governor:
        if node.dep_ not in ("xcomp", "advcl", "conj") or node.pos_ not in ("VERB", "AUX"):
            return False
        if any(c.dep_ in _SUBJECT_DEPS for c in node.children):
            return False  # "the army shelled X and rebels attacked Y": two events
        marks = [c for c in node.children if c.dep_ == "mark" and c.lower_ != "to"]
        if node.dep_ == "advcl" and marks:
            return False  # "after", "when", "because": another happening
        node = node.head
    return node == governor and head != governor


def _joins(verb: Token, noun: Token) -> bool:
    """An action that goes to an event told by its noun: "flew to Velten for talks", "took part
    in the congress" (the noun an object of the verb or of one of its prepositions)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head
    return holder == verb and noun.dep_ in ("pobj", "dobj")


def _same_subject(a: Token, b: Token, body_start: int) -> bool:
    """Two predicates told of one subject: "floods triggered landslides and killed 41"."""
    if a.pos_ not in ("VERB", "AUX") or b.pos_ not in ("VERB", "AUX"):
        return False
    subject = _subject_of(a, body_start)[0]
    if subject is None or subject.pos_ == "PRON":
        return False
    return subject == _subject_of(b, body_start)[0]


def _nested(cue: _Cue, chosen: _Cue) -> bool:
    """One clause inside the other's, the inner one without a day of its own: "were killed
    after rains triggered floods", "would extend zero-tariff treatment, a pledge ..."."""
    inner, outer = (cue, chosen) if cue.key.i in _span(chosen.head) else (chosen, cue)
    if inner.key.i not in _span(outer.head) or inner is outer:
        return False
    if inner.key.pos_ in ("VERB", "AUX") and any(
        c.dep_ in _SUBJECT_DEPS for c in inner.key.children
    ):
        return False  # "shelled Idlib, while rebels attacked a post": a happening of its own
    return not _has_time(inner.head if inner.head != outer.head else inner.key)


def _span(token: Token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


def _one_release(cue: _Cue, chosen: _Cue) -> bool:
    """Figures of one sentence and the release that publishes them are one event: "the index
    slumped 1.9% and the CSI300 lost 1.1%", "GDP grew 4.2%, according to estimates released"."""
    return (cue.figure or cue.released or cue.event_type == _DATA) and (
        chosen.figure or chosen.released or chosen.event_type == _DATA
    )


def _hypothetical(token: Token) -> bool:
    """Under "expectations that ...", "bets on ...": not something that happened."""
    node = token
    for _ in range(12):
        if node.head == node:
            return False
        below, node = node, node.head
        if node.pos_ == "NOUN" and node.lower_ in _HYPOTHESIS_NOUNS:
            return True
        if node.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lower_ in _HYPOTHESIS_NOUNS and c != below for c in node.children
        ):
            return True  # "boosting bets on a rate cut", "fuelled hopes of a deal"
        if node.dep_ == "ROOT":
            return False
    return False
