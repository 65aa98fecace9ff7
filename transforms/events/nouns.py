"""Event nouns: their type, whether they point back, and when one makes its own event."""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.actors import _actor_class
from transforms.events.context import _Context, _Cue, _Report
from transforms.events.definitions import (
    _AGREEMENT,
    _CONFLICT,
    _CORPORATE,
    _DATA,
    _DISASTER,
    _ELECTION,
    _LEGAL,
    _MEETING,
    _POLICY,
    _PROTEST,
    _STATEMENT,
)
from transforms.events.syntax import _noun_phrase, _tense
from transforms.events.vocabulary import (
    _ANAPHORIC_DETERMINERS,
    _COMPOUND_TYPES,
    _CONTAINER_NOUNS,
    _CONTRACT_VERBS,
    _ELECTION_NAME,
    _GATHERING_NAME,
    _HABITUAL,
    _INVESTMENT_VERBS,
    _LEVIES,
    _MEASURE_VERBS,
    _MILITARY_NOUNS,
    _NOMINAL_PREPS,
    _ORDER_VERBS,
    _OUTINGS,
    _PARTS,
    _RATE_CHANGES,
    _RELEASED_NOUNS,
    _RELEASING_VERBS,
    _STANDING_BODIES,
    _STRIKE_WEAPONS,
    _SUBJECT_DEPS,
    _TIME_UNITS,
    _VERB_LED_NOUNS,
    _WEAK_NOUNS,
    EVENT_NOUNS,
)


def _noun_type(noun: Token | None, ctx: _Context, verb: str = "") -> str | None:
    """The event type a noun names, from its lemma and its compounds, else None."""
    if noun is None:
        return None
    key = (noun.i, verb)
    if key not in ctx.noun_types:
        ctx.noun_types[key] = _read_noun_type(noun, ctx, verb)
    return ctx.noun_types[key]


def _read_noun_type(noun: Token, ctx: _Context, verb: str) -> str | None:
    """`_noun_type` of a token, unmemoized.

    Kept whole (a little over 80 lines): an ordered list of checks, the first that decides wins.
    """
    if noun.pos_ == "VERB" and noun.tag_ == "VBG" and noun.dep_ in ("nsubj", "dobj", "pobj"):
        return EVENT_NOUNS.get(noun.lower_)  # "Fighting ... killed 37"
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = noun.lemma_.lower()
    compounds = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
    for modifier in compounds:
        if (modifier, lemma) in _COMPOUND_TYPES:
            return _COMPOUND_TYPES[(modifier, lemma)]
    mention = ctx.mention_at(noun)
    if mention and mention.entity_type == "EVENT":
        if _ELECTION_NAME.search(mention.canonical):
            return _ELECTION
        return _MEETING if _GATHERING_NAME.search(mention.canonical) else None
    if mention and mention.entity_type == "LAW":
        return _POLICY if verb else None  # "passed the Data Act", not "under the Act"
    if mention and mention.entity_type in ("ORG", "FAC", "PRODUCT"):
        # "Comprehensive Economic Partnership Agreements", "Eastern Economic Forum"
        last = mention.canonical.split()[-1].lower().rstrip("s") if mention.canonical else ""
        named = EVENT_NOUNS.get(last) or EVENT_NOUNS.get(last + "s")
        if named in (_AGREEMENT, _MEETING) and last not in _STANDING_BODIES:
            return named
        if lemma not in _CONTAINER_NOUNS and _GATHERING_NAME.search(mention.canonical):
            return _MEETING  # "the Eastern Economic Forum (EEF)"
        if lemma not in _CONTAINER_NOUNS:
            return None
    if lemma in _RATE_CHANGES and any(
        t.lemma_.lower() in _LEVIES
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "of")
        for t in c.subtree
    ):
        return _POLICY  # "the recent cut in goods and services tax rates"
    if lemma in _CONTAINER_NOUNS:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = _noun_type(pobj, ctx, verb)
                        if inner:
                            return inner
                        if lemma == "edition" and pobj.pos_ == "PROPN":
                            return _MEETING  # "the ninth edition of the Ports Initiative"
    event_type = EVENT_NOUNS.get(lemma)
    if event_type is None:
        return None
    if lemma == "strike":
        # "air strikes", "a strike by troops" are fighting; workers strike otherwise
        actor_words = {t.lemma_.lower() for t in _noun_phrase(noun)}
        return _CONFLICT if actor_words & (_MILITARY_NOUNS | _STRIKE_WEAPONS) else (_PROTEST)
    # Nouns whose reading depends on the verb that governs them.
    if lemma == "order":  # "placed an order for 40 jets", not "a court order"
        return _CORPORATE if verb in _ORDER_VERBS else None
    if lemma in _RELEASED_NOUNS:
        return _DATA if verb in _RELEASING_VERBS else None
    if lemma == "contract" and verb in _CONTRACT_VERBS:
        return _CORPORATE
    if verb and lemma in _VERB_LED_NOUNS:
        return None  # "took a decision", "set fire to": the verb says what happened
    if verb and lemma == "investment" and verb not in _INVESTMENT_VERBS:
        return None
    if lemma == "measure" and verb not in _MEASURE_VERBS:
        return None
    if verb and lemma == "search" and not compounds:
        return None
    if lemma == "address" and verb != "deliver":
        return None  # an address is where, unless one is delivered
    if lemma == "call" and not compounds:
        return None  # "a conference call", "a phone call", not "calls for calm"
    if lemma in ("trip", "tour") and not verb:
        return None
    if lemma == "talk" and noun.lower_ != "talks":
        return None  # "talk of a deal" is not talks
    if lemma == "march" and noun.pos_ == "PROPN":
        return None  # the month
    return event_type


def _anaphoric(noun: Token) -> bool:
    """ "the ruling", "the deal": a definite noun with no name of its own points back."""
    if noun.lemma_.lower() in _CONTAINER_NOUNS:
        inner = [
            pobj
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        if inner:
            return _anaphoric(inner[0])  # "on the sidelines of the forum"
        dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
        if dets and dets[0] in _ANAPHORIC_DETERMINERS:
            return True  # "at the opening session": part of the gathering already told
    for poss in noun.children:
        if poss.dep_ == "poss" and poss.pos_ == "NOUN" and EVENT_NOUNS.get(poss.lemma_.lower()):
            return _anaphoric(poss)  # "the forum's sessions"
    dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    if not dets or dets[0] not in _ANAPHORIC_DETERMINERS:
        return False
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nummod", "nmod")]
    if any(m.lower_ in _PARTS and m.pos_ != "PROPN" for m in modifiers):
        return True  # "at the opening ceremony": part of the gathering already told
    if any(m.tag_ in ("JJS", "RBS") or m.lower_ in ("first", "last") for m in modifiers):
        return False  # "the largest deal": one picked out of many
    if any(
        m.dep_ == "compound" and m.pos_ == "NOUN" and m.lemma_.lower() not in _TIME_UNITS
        for m in modifiers
    ):
        return False  # "the search operation", "the state budget": named by its kind
    named = [m for m in modifiers if m.pos_ == "PROPN" or m.lower_ in ("next", "new", "another")]
    numbered = [m for m in modifiers if m.like_num and "-" not in m.text]
    if named or numbered:
        return False  # "the 11th forum", "the next meeting", "the Doha talks": a new one
    # "the talks between X and Y", "the deal with Z": named by their parties
    return not any(
        c.dep_ == "prep" and c.lower_ in ("of", "on", "between", "with") for c in noun.children
    )


def _has_time(token: Token) -> bool:
    """A date or time named anywhere under the token."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def _nominal_cue(token: Token, ctx: _Context, reports: list[_Report]) -> _Cue | None:
    """An event noun outside the typed clauses: a gathering, or a happening with its own date."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
        return None
    if any(c.dep_ == "neg" or c.lower_ in _HABITUAL for c in token.head.children):
        return None  # "storms usually hit the coast", "did not hold talks"
    event_type = _noun_type(token, ctx)
    if event_type == _STATEMENT and token.dep_ in _SUBJECT_DEPS and _tense(token.head) == "future":
        event_type = _MEETING  # "the next briefing will be held on Friday": not said yet
    if event_type is None or event_type == _STATEMENT:
        return None
    lemma = token.lemma_.lower()
    compound_typed = any(
        (c.lemma_.lower(), lemma) in _COMPOUND_TYPES for c in token.children if c.dep_ == "compound"
    )
    lasting = any(
        "-" in c.text and c.dep_ in ("amod", "compound", "nummod") for c in token.children
    )
    owned = event_type == _POLICY and any(
        c.dep_ in ("poss", "compound") and _actor_class(c, ctx) == "government"
        for c in token.children
    )  # "the government's consumer goods programme"
    gathering = event_type == _MEETING and (lemma in _OUTINGS or lasting)
    if lemma in _WEAK_NOUNS and not (compound_typed or owned or gathering or _own_time(token, ctx)):
        return None
    dated = _own_time(token, ctx)
    prep = token.head if token.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        # "on the second day of the Dubai Airshow", "the opening session of the congress"
        prep = prep.head.head if prep.head.dep_ == "pobj" else None
    setting = prep is not None and prep.lower_ in _NOMINAL_PREPS
    if prep is not None and prep.lower_ == "for" and event_type != _MEETING:
        setting = False  # "travel to Baku for talks", not "an alert for rainstorms"
    subject = token.dep_ in _SUBJECT_DEPS
    # Measures and rulings are news wherever they are named: "under a 15 percent tariff",
    # "supported by the trade-in programme", "a crackdown on illegal channels".
    standing = event_type in (_POLICY, _LEGAL) and token.pos_ == "NOUN" and not _anaphoric(token)
    if (
        prep is not None
        and prep.lower_ in ("in", "at")
        and any(r.verb is not None and prep.head == r.verb for r in reports)
    ):
        standing = False  # "wrote in her ruling", "said in a filing": where it was said
    if not (dated or setting or subject or standing):
        return None
    if _anaphoric(token) and not dated:
        return None
    governed_by_report = any(
        r.verb is not None and prep is not None and prep.head == r.verb for r in reports
    )
    if governed_by_report and event_type == _MEETING:
        strength = 0.6
    elif dated:
        strength = 0.65
    elif setting and event_type == _MEETING:
        strength = 0.6
    elif (
        setting
        and event_type in (_CONFLICT, _DISASTER, _PROTEST)
        and prep is not None
        and (prep.lower_ in ("after", "following", "amid", "despite"))
    ):
        strength = 0.6  # "arrested after clashes"
    elif standing:
        strength = 0.6
    else:
        strength = 0.5
    if lemma in _WEAK_NOUNS:
        strength -= 0.05
    return _Cue(event_type, token, token, strength, 3)


def _own_time(token: Token, ctx: _Context) -> bool:
    """ "a strike on November 13", "Monday's election", "the December meeting"."""
    if token.dep_ in _SUBJECT_DEPS and token.head.lemma_.lower() in (
        "be",
        "due",
        "schedule",
        "set",
    ):
        # "Its next decision is due on Nov. 6"
        for child in token.head.children:
            if child.dep_ in ("acomp", "xcomp", "prep", "npadvmod") and _has_time(child):
                return True
    for child in token.children:
        modifier = child.dep_ in ("poss", "compound", "nmod", "npadvmod", "amod")
        if modifier and _in_time(child, ctx):
            return True
        dating = child.dep_ == "prep" and child.lower_ in ("on", "in", "for", "from")
        if dating and any(_in_time(t, ctx) for t in child.subtree):
            return True
    return False


def _in_time(token: Token, ctx: _Context) -> bool:
    """The token is part of a dated time expression."""
    return any(
        t.start_char <= token.idx < t.end_char and t.kind in ("date", "time") and t.value
        for t in ctx.times
    )
