"""Actions with named parties: an OTHER event for a predicate that none of the types covers.

"Velmont Airways flew 300 passengers home from Lisbon", "the envoy carried a letter to Velten":
something a named party did, or that was done to one, told by a verb of action (not of state:
be, have, seem ...), in the past or present, or reported with "would"; not a guess ("could
close"), not what describes a party ("polled by Reuters", "which employs 4,000 people"). Saying
is a statement, typed on its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.context import _Context
from transforms.events.syntax import _agent, _tense
from transforms.events.vocabulary import (
    _ARGUMENT_ROLES,
    _PARTY_TYPES,
    _PLACE_TYPES,
    _PRONOUNS,
    _STATE_VERBS,
    REPORTING_VERBS,
)

# Strength of an action's evidence: enough for a sentence's second event, not for more.
_ACTION_STRENGTH = 0.55


def _named_action(
    head: Token, subject: Token | None, objects: list[Token], told: bool, ctx: _Context
) -> bool:
    """A verb of action whose subject, object or prepositional object is a named party.

    ``told``: the clause is reported with at most "would" ("said Ardania would leave"), the
    future of the past, not a guess ("could leave").
    """
    lemma = head.lemma_.lower()
    if head.pos_ != "VERB" or lemma in _STATE_VERBS:
        return False
    if lemma in REPORTING_VERBS and not any(o.dep_ == "dobj" for o in objects):
        return False  # saying is a statement; "released the tapes" is an action
    if head.dep_ == "acl":
        return False  # "economists polled by Reuters", "followed by India": says who, not what
    tense = _tense(head)
    if tense == "modal" and not told:
        return False  # "could shut", "would have required"
    if head.dep_ == "relcl" and not _past(head, tense):
        return False  # "Kestrel, which employs 4,000 people": what it is, not what it did
    arguments = list(objects)
    if subject is not None and subject.lower_ not in _PRONOUNS:
        arguments.append(subject)
    agent = _agent(head)
    if agent is not None:
        arguments.append(agent)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _ARGUMENT_ROLES:
            arguments += [c for c in prep.children if c.dep_ == "pobj"]
    return any(_named(t, ctx) for a in arguments for t in (a, *a.conjuncts, *_appositions(a)))


def _named(token: Token, ctx: _Context) -> bool:
    mention = ctx.mention_at(token)
    return mention is not None and mention.entity_type in _PARTY_TYPES + _PLACE_TYPES


def _appositions(token: Token) -> list[Token]:
    """ "the king, Hussein": the name beside the noun."""
    return [c for c in token.children if c.dep_ == "appos"]


def _past(verb: Token, tense: str) -> bool:
    """Told as done: "who met", "which had shelled", not "which is backed by", "will supply"."""
    present = any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in verb.children)
    return tense in ("past", "perfect", "pluperfect") and not present
