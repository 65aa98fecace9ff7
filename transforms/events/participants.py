"""An event's participants by role (actor, target, speaker, ...) and its location."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from transforms.events.context import _Context, _Cue
from transforms.events.definitions import (
    _AGREEMENT,
    _DATA,
    _DISASTER,
    _ELECTION,
    _MARKET,
    _MEETING,
    _OTHER,
    _PROTEST,
    _STATEMENT,
)
from transforms.events.syntax import _agent, _noun_phrase, _objects, _subject_of
from transforms.events.vocabulary import (
    _ARGUMENT_ROLES,
    _JOINING_PREPS,
    _LOCATING_PREPS,
    _OBJECT_DEPS,
    _OFFICIAL_WORDS,
    _ORGANIZING_VERBS,
    _PARTY_TYPES,
    _PLACE_TYPES,
    _PRONOUNS,
    _SUBJECT_DEPS,
)
from transforms.model import EntityMention, Participant

# Objects of a speech act that are whom it is addressed to: "urged Iraq to withdraw", "told
# Reuters", "accused the army of ..." (parser labels, not words).
_ADDRESSEES = ("dobj", "dative")


# Events that happen to places rather than are done to them: a place named as their object is
# where they happened.
_PLACE_ONLY_TYPES = (_DISASTER, _OTHER, _DATA, _MARKET)


class _Roles:
    """Participants as they are found, each (entity, role) once; places only as locations."""

    def __init__(self, event_type: str, ctx: _Context) -> None:
        self.event_type = event_type
        self.ctx = ctx
        self.items: list[Participant] = []

    def add(self, tokens: list[Token], role: str) -> None:
        for token in tokens:
            mention = self.ctx.mention_at(token)
            if mention is None or mention.entity_type not in _PARTY_TYPES + _PLACE_TYPES:
                continue
            place = mention.entity_type in _PLACE_TYPES
            final = role
            # "floods hit Vietnam": where, not who; but a country or city is a party to what
            # people do to it or with it ("shelled Horlivka", "urged Germany", "met Japan")
            acted_on = mention.entity_type == "GPE" and self.event_type not in _PLACE_ONLY_TYPES
            if place and role in ("participant", "target") and not acted_on:
                final = "location"
            if place and token.dep_ == "pobj" and token.head.lower_ in _LOCATING_PREPS:
                final = "location"
            if final == "location" and not place:
                final = "participant"  # "a lawsuit at the International Court of Justice"
            entry = Participant(name=mention.canonical, role=final)
            if entry not in self.items:
                self.items.append(entry)


def _participants(cue: _Cue, sentence: Span, ctx: _Context) -> tuple[list[Participant], str | None]:
    """The entities of the event's clause with their roles, and who said it (for merging)."""
    roles = _Roles(cue.event_type, ctx)
    speaker = _speaker_roles(cue, roles, ctx)
    if cue.head.pos_ in ("VERB", "AUX"):
        for head in [cue.head, *cue.parts]:
            _clause_roles(head, cue, roles, ctx.body_start)
        if cue.key != cue.head and cue.key.pos_ in ("NOUN", "PROPN"):
            _noun_roles(cue.key, roles)  # "signed a trade agreement with Peru"
    else:
        _noun_roles(cue.key, roles)
        _joining_roles(cue, roles, ctx.body_start)
    if cue.event_type == _MEETING:
        # "hosted by the African Union", "under the patronage of the Ministry of Transport"
        for token in sentence:
            organised = token.head.lower_ == "by" and token.head.head.lemma_.lower() in (
                _ORGANIZING_VERBS | {"hold", "patronage"}
            )
            if token.dep_ == "pobj" and (organised or token.head.head.lower_ == "patronage"):
                roles.add(_noun_phrase(token), "organizer")
    return roles.items, speaker


def _speaker_roles(cue: _Cue, roles: _Roles, ctx: _Context) -> str | None:
    """The reporting source as speaker (a person, with the body they speak for); its name."""
    report = cue.report
    if report is None or report.speaker is None:
        return None
    tokens = _noun_phrase(report.speaker)
    found = [m for t in tokens if (m := ctx.mention_at(t))]
    people = [m for m in found if m.entity_type == "PERSON"]
    bodies = [m for m in found if m.entity_type == "ORG"]
    chosen = people or bodies or found
    keep = {m.canonical for m in chosen + bodies}
    roles.add([t for t in tokens if (m := ctx.mention_at(t)) and m.canonical in keep], "speaker")
    if chosen:
        return chosen[0].canonical
    if report.speaker.lower_ in ("he", "she"):
        return ctx.last_person[0]
    if report.speaker.lemma_.lower() in _PRONOUNS | _OFFICIAL_WORDS:
        return ctx.last_speaker[0]  # "the spokesperson said"
    return None


def _clause_roles(head: Token, cue: _Cue, roles: _Roles, body_start: int) -> None:
    """Subject, agent, objects and "with/against/in" phrases of a verb of the event."""
    subject, passive = _subject_of(head, body_start)
    agent = _agent(head)
    lemma = head.lemma_.lower()
    gathering = cue.event_type in (_MEETING, _AGREEMENT, _ELECTION)
    if cue.event_type == _STATEMENT:
        subject_role = "speaker"
    elif gathering:
        subject_role = "organizer" if lemma in _ORGANIZING_VERBS else "participant"
    else:
        subject_role = "actor"
    if subject is not None and not (cue.event_type == _STATEMENT and cue.report is not None):
        if passive:
            roles.add(_noun_phrase(subject), "participant" if gathering else "target")
        else:  # a pronoun names nobody, its conjuncts may: "she and President Okafor met"
            roles.add(_noun_phrase(subject), subject_role)
    if agent is not None:
        roles.add(_noun_phrase(agent), "organizer" if lemma in _ORGANIZING_VERBS else subject_role)
    for obj in _objects(head, body_start):
        if obj == subject or (cue.event_type == _STATEMENT and obj.dep_ not in _ADDRESSEES):
            continue  # what is said is not a party to the saying; whom it is said to is
        roles.add(_noun_phrase(obj), "participant" if gathering else "target")
    for prep in head.children:
        role = _ARGUMENT_ROLES.get(prep.lower_) if prep.dep_ == "prep" else None
        if role is None:
            continue
        objs = [t for c in prep.children if c.dep_ == "pobj" for t in _noun_phrase(c)]
        if role == "target" and (gathering or cue.event_type in _PLACE_ONLY_TYPES):
            role = "participant"  # "signed an accord with X", "slipped 35 cents on the Nasdaq"
        roles.add(objs, role)


def _joining_roles(cue: _Cue, roles: _Roles, body_start: int) -> None:
    """Who goes to an event told by its noun: "Lind flew to Brasilia for talks", "took part in
    the protest", "spoke at the forum" (not "ruled after the protest")."""
    noun = cue.key
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in _JOINING_PREPS else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return
    subject, passive = _subject_of(verb, body_start)
    if subject is not None and not passive:
        gathering = cue.event_type in (_MEETING, _AGREEMENT, _ELECTION, _PROTEST)
        roles.add(_noun_phrase(subject), "participant" if gathering else "actor")


def _noun_roles(noun: Token, roles: _Roles) -> None:
    """ "talks between X and Y", "a summit hosted by Z in W"."""
    for child in noun.children:
        agent = _agent(child) if child.dep_ == "acl" else None
        if agent is not None:
            organised = child.lemma_.lower() in _ORGANIZING_VERBS
            roles.add(_noun_phrase(agent), "organizer" if organised else "actor")
        if child.dep_ == "prep":
            objs = [t for c in child.children if c.dep_ == "pobj" for t in _noun_phrase(c)]
            if child.lower_ in ("between", "with", "by"):
                roles.add(objs, "participant")
            elif child.lower_ in ("in", "at"):
                roles.add(objs, "location")


def _location(cue: _Cue, sentence: Span, ctx: _Context) -> EntityMention | None:
    """The place the event's clause names (in/at X), else the first place in the sentence."""
    places = [
        m
        for m in ctx.mentions
        if m.entity_type in _PLACE_TYPES and sentence.start_char <= m.start_char < sentence.end_char
    ]
    if not places:
        return None

    def located(m: EntityMention) -> bool:
        span = ctx.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "across", "to")

    clause = cue.head.subtree if cue.head.pos_ in ("VERB", "AUX") else cue.key.subtree
    clause_tokens = {t.i for t in clause}
    report = cue.report
    if cue.event_type == _STATEMENT and report is not None and report.verb is not None:
        # where it was said ("told a press conference in Beijing"), not what it was about
        said = {t.i for t in report.verb.subtree if not ctx.quoted(t)}
        for content in report.content:
            if content != report.verb:
                said -= {t.i for t in content.subtree}
        places = [m for m in places if _token_at(ctx.doc, m.start_char) in said]
        return next((m for m in places if located(m)), None)

    def party(m: EntityMention) -> bool:
        span = ctx.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        return span is not None and span.root.dep_ in (*_SUBJECT_DEPS, *_OBJECT_DEPS, "poss")

    in_clause = [m for m in places if _token_at(ctx.doc, m.start_char) in clause_tokens]
    for pool in (
        [m for m in in_clause if located(m)],
        [m for m in places if located(m)],
        in_clause,
        # a place elsewhere in the sentence, unless it acts there: "Chile welcomed the verdict and
        # said it would seek a new hearing" is not a hearing in Chile
        [m for m in places if not party(m)],
    ):
        if pool:
            return pool[0]
    return None


def _token_at(doc: Doc, offset: int) -> int:
    """The index of the token at a character offset."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _dateline_mention(mentions: list[EntityMention], place: str | None) -> EntityMention | None:
    """The entity mention of the dateline's place, for its canonical name and country."""
    if not place:
        return None
    folded = place.casefold()
    for m in mentions:
        if m.entity_type in _PLACE_TYPES and folded in (m.canonical.casefold(), m.text.casefold()):
            return m
    return None
