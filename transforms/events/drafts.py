"""A cue made into a draft event: its dates, participants, place and tense."""

from __future__ import annotations

from spacy.tokens import Span

from transforms.events.context import _Context, _Cue, _Draft
from transforms.events.dates import _attached_times, _attachment, _dates, _duration
from transforms.events.definitions import _DATA, _STATEMENT
from transforms.events.merge import _identity
from transforms.events.nouns import _anaphoric, _noun_type
from transforms.events.participants import _location, _participants
from transforms.events.syntax import _tense
from transforms.events.vocabulary import _OBJECT_DEPS, _SUBJECT_DEPS, _VAGUE_SPAN


def _vague_value(value: str | None, kind: str) -> bool:
    """No day to name: no value, or a TIMEX3 reference point or count-less duration ("in
    recent years" is PAST_REF, "over the years" PXY)."""
    if value is None:
        return kind == "date"
    return value.endswith("_REF") or value.startswith(("PX", "PTX"))


def _draft(cue: _Cue, sentence: Span, paragraph: int, position: int, ctx: _Context) -> _Draft:
    start, end, precision, own = _dates(cue, sentence, ctx)
    vague = any(
        _vague_value(t.value, t.kind)
        and _VAGUE_SPAN.search(t.text)
        and _attachment(root, {cue.head.i}, False) == cue.head
        for t, root in _attached_times(sentence, ctx)
    )  # "over the years", "in recent months": not one day
    participants, speaker = _participants(cue, sentence, ctx)
    location = _location(cue, sentence, ctx)
    identity = _identity(cue, ctx)
    return _Draft(
        reacts_to=_reactions(cue, ctx),
        cue=cue,
        sentence=sentence,
        paragraph=paragraph,
        position=position,
        start=start,
        end=end,
        precision=precision,
        own_date=own,
        tense=_event_tense(cue),
        location=location,
        participants=participants,
        speaker=speaker,
        identity=identity,
        duration_days=_duration(cue, sentence, ctx),
        vague=vague,
    )


def _reactions(cue: _Cue, ctx: _Context) -> set[str]:
    """Types of the events a statement's words point back to: "the ruling", "the pledges"."""
    report = cue.report
    if cue.event_type != _STATEMENT or report is None or report.verb is None:
        return set()
    # the subject or object of what is said, or the object of the speech act itself
    said = [t for c in report.content for t in c.children if t.dep_ in _SUBJECT_DEPS]
    said += [t for t in report.verb.children if t.dep_ in _OBJECT_DEPS]
    out = set()
    for token in said:
        if token.pos_ == "NOUN" and token.dep_ != "compound" and _anaphoric(token):
            event_type = _noun_type(token, ctx)
            if event_type and event_type not in (_STATEMENT, _DATA):
                out.add(event_type)
    return out


def _event_tense(cue: _Cue) -> str:
    """The tense the event is told in: of its reporting verb for statements and figures."""
    if cue.event_type == _STATEMENT or (cue.figure and cue.report and cue.report.verb):
        verb = cue.report.verb if cue.report and cue.report.verb is not None else cue.head
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":
            verb = verb.head  # "Addressing a press conference, the minister said ..."
        return _tense(verb)
    if cue.head.pos_ in ("VERB", "AUX"):
        return _tense(cue.head)
    if cue.head.dep_ in _SUBJECT_DEPS or cue.head.dep_ == "pobj":
        return _tense(cue.head.head) if cue.head.head.pos_ in ("VERB", "AUX") else "none"
    return "none"
