"""A sentence's events: its clauses typed, its reports and event nouns, at most one per type."""

from __future__ import annotations

from spacy.tokens import Span, Token

from transforms.events.context import _Context, _Cue, _Report
from transforms.events.definitions import _MEETING, _OTHER, _STATEMENT
from transforms.events.nouns import _nominal_cue
from transforms.events.reports import _remember_speaker, _reports, _statement_cue
from transforms.events.syntax import _clause_tokens, _is_clause_head
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
    """The events of one sentence: at most one per type, in text order."""
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
    heads = {c.head.i for c in cues}
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
    return _choose(cues)


def _choose(cues: list[_Cue]) -> list[_Cue]:
    """One cue per type, the most salient; secondary ones only on strong evidence."""
    best: dict[str, _Cue] = {}
    for cue in sorted(cues, key=lambda c: (c.rank, -c.strength, c.key.i)):
        current = best.get(cue.event_type)
        if current is None:
            best[cue.event_type] = cue
        elif cue.event_type in _DURATION_TYPES:
            current.also += [cue.head.i, cue.key.i]  # "the fire, which started Tuesday, ..."
    if not best:
        return []
    ordered = sorted(best.values(), key=lambda c: (c.anaphoric, c.rank, -c.strength, c.key.i))
    if any(c.event_type != _OTHER and not c.anaphoric for c in ordered):
        ordered = [c for c in ordered if c.event_type != _OTHER]  # OTHER only when nothing else
    primary = ordered[0]
    kept = [primary] if primary.strength >= _PRIMARY_MIN else []
    for cue in ordered[1:]:
        if cue.strength >= _SECONDARY_MIN and not (cue.figure and cue.rank >= 2):
            kept.append(cue)
    return sorted(kept, key=lambda c: min(c.key.i, c.head.i))


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
