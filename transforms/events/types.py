"""The event type of a clause: phrasal verbs, verbs by lemma, verbs checked against their actor."""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.actions import _ACTION_STRENGTH, _named_action
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
    _OTHER,
    _POLICY,
    _PROTEST,
    _STATEMENT,
    _TOLL,
)
from transforms.events.figures import _decision, _figure, _measured
from transforms.events.nouns import _anaphoric, _has_time, _noun_type
from transforms.events.reports import _is_report, _speaker_kind
from transforms.events.syntax import (
    _agent,
    _has_figure,
    _hedged,
    _is_orphan,
    _objects,
    _particle,
    _prep_objects,
    _rank,
    _subject_of,
    _tense,
    _xcomp_nouns,
)
from transforms.events.vocabulary import (
    _ACCIDENT_VERBS,
    _AIM_VERBS,
    _APPEAL_VERBS,
    _ATTENDING,
    _BALLOT_WORDS,
    _BREAKDOWN_VERBS,
    _COMPANY_DECISIONS,
    _COMPANY_PLANS,
    _COMPANY_RESULTS,
    _COMPANY_VERBS,
    _COMPOUND_TYPES,
    _CONTEST_VERBS,
    _COUNTED_VERBS,
    _COURT_NOUNS,
    _COURT_VERBS,
    _DECISION_VERBS,
    _DECISIVE_GOVERNMENT_VERBS,
    _DEPLOYMENT_VERBS,
    _DISRUPTION_VERBS,
    _EARNING_VERBS,
    _EXECUTIVE_CHANGES,
    _EXECUTIVE_TITLES,
    _FILINGS,
    _GATHERING_VERBS,
    _GOVERNMENT_VERBS,
    _GUESTS,
    _HABITUAL,
    _HAPPENING_VERBS,
    _HARM_ACTS,
    _HARM_VERBS,
    _HAVING_VERBS,
    _INTENT_VERBS,
    _LIGHT_VERBS,
    _MILITARY_NOUNS,
    _NOT_MET,
    _POLICE_VERBS,
    _PRONOUNS,
    _RATE_NOUNS,
    _RESULT_VERBS,
    _SEATS,
    _SELF_DISASTERS,
    _STRUCTURES,
    _SUBJECT_DEPS,
    _SUBJECT_TYPED,
    _TOLL_VERBS,
    _VISIT_VERBS,
    _VOTER_NOUNS,
    _WARNING_VERBS,
    _WEAK_NOUNS,
    _WINNING_VERBS,
    _WORKER_ACTIONS,
    _WRECK_VERBS,
    CHANGE_VERBS,
    LEVEL_VERBS,
    PHRASAL_TYPES,
    REPORTING_VERBS,
    VERB_TYPES,
)


def _classify_clause(head: Token, ctx: _Context, report: _Report | None, lead: bool) -> _Cue | None:
    """The event a clause reports, typed from its predicate and arguments, else None.

    Kept whole (about 150 lines) on purpose: the rules are tried in the order of the package
    docstring and the first that types the clause wins; they share the clause's subject, objects
    and the `cue` builder, and split over helpers that order would no longer read top to bottom.
    """
    lemma = head.lemma_.lower()
    rank = _rank(head, ctx.body_start)
    subject, passive = _subject_of(head, ctx.body_start)
    objects = _objects(head, ctx.body_start)
    particle_token = _particle(head)
    particle = particle_token.lower_ if particle_token is not None else ""
    tense = _tense(head)
    if any(c.dep_ == "neg" for c in head.children) or any(
        c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in head.children
    ):
        return None  # "did not agree", "airlines typically negotiate": nothing happened
    modals = {c.lower_ for c in head.children if c.dep_ == "aux"}
    warned = (
        report is not None
        and report.verb is not None
        and (report.verb.lemma_.lower() in _WARNING_VERBS)
    )  # "warned that looters would be prosecuted": a warning, not a prosecution
    told = report is not None and modals - {"to"} <= {"would"} and not warned
    hedge = 0.15 if tense == "modal" and not told else 0.0

    def cue(
        event_type: str, key: Token, strength: float, figure: bool = False, released: bool = False
    ) -> _Cue:
        if event_type == _STATEMENT and key.pos_ == "NOUN" and tense == "future":
            event_type = _MEETING  # "the next briefing will be held on Friday": not said yet
        back = any(
            _anaphoric(n) and (_noun_type(n, ctx) == event_type or n.lemma_.lower() in _RATE_NOUNS)
            for n in objects
            + _xcomp_nouns(head, ctx.body_start)
            + ([subject] if subject is not None else [])
        )
        if back and rank >= 2:
            strength -= 0.25  # "before the law took effect": background already told
        return _Cue(
            event_type,
            head,
            key,
            max(0.05, strength - hedge),
            rank,
            figure=figure,
            released=released,
            report=report,
            anaphoric=back or (key.pos_ in ("NOUN", "PROPN") and _anaphoric(key)),
        )

    # acl/relcl on an event noun: the noun's event ("a ceasefire agreed in July").
    orphan = head.dep_ == "acl" and _is_orphan(head.head, ctx.body_start)
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN") and not orphan:
        noun_type = _noun_type(head.head, ctx)
        happening = lemma in _HAPPENING_VERBS or _has_time(head)
        if noun_type and noun_type != _STATEMENT and happening:
            return cue(noun_type, head.head, 0.7)
    # Phrasal verbs.
    if particle and (lemma, particle) in PHRASAL_TYPES:
        event_type = PHRASAL_TYPES[(lemma, particle)]
        if event_type:
            return cue(event_type, head, 0.85)
        if (lemma, particle) == ("set", "up"):
            actor = _actor_class(subject, ctx)
            return cue(_CORPORATE if actor == "company" else _OTHER, head, 0.6)
    if lemma == "take" and any(o.lemma_.lower() == "effect" for o in objects):
        return cue(_POLICY, head, 0.8)
    if lemma == "take" and any(o.lemma_.lower() == "part" for o in objects):
        for noun in _prep_objects(head):
            noun_type = _noun_type(noun, ctx)
            if noun_type:
                return cue(noun_type, noun, 0.8)
    # Decisions on rates, taxes and forecasts.
    if lemma in _DECISION_VERBS:
        decided = _decision(head, subject, objects, ctx)
        if decided:
            return cue(decided[0], decided[1], 0.85)
    # Figures.
    event_arguments = any(
        _noun_type(n, ctx) not in (None, _DATA, _STATEMENT) and _measured(n, ctx) is None
        for n in objects + ([subject] if subject is not None else [])
    )
    known = subject is not None and _measured(subject, ctx) is not None
    if (
        (lemma in CHANGE_VERBS or lemma in LEVEL_VERBS or particle in ("up", "down"))
        and not event_arguments
        and (_has_figure(head, ctx.body_start) or (lemma in CHANGE_VERBS and known))
    ):
        return _figure(head, subject, ctx, report, lead)
    # A company's earnings: "Marden Steel earned $32.4 million, or 61 cents a share".
    earned = lemma in _EARNING_VERBS and not passive and _actor_class(subject, ctx) == "company"
    if earned and any(t.ent_type_ == "MONEY" for o in objects for t in o.subtree):
        return cue(_CORPORATE, head, 0.8, released=True, figure=True)
    # "Kestrel suffered a loss of 9.3 million euros": a company's result, with its sum
    had = lemma in _HAVING_VERBS and _actor_class(subject, ctx) == "company"
    for noun in objects if had else []:
        summed = any(t.ent_type_ == "MONEY" for t in noun.subtree)
        result = noun.lemma_.lower() in _COMPANY_RESULTS
        if summed and (result or _measured(noun, ctx) in ("corporate", "revenue")):
            return cue(_CORPORATE, head, 0.8, released=True, figure=True)
    # Results and statistics: "reported a 14% rise in net profit", "data showed a surplus".
    if lemma in _RESULT_VERBS:
        kind = _speaker_kind(subject, ctx) if subject is not None else "none"
        for noun in objects:
            measured = _measured(noun, ctx)
            if measured == "revenue":
                measured = "corporate" if kind == "company" else "macro"
            if measured == "corporate" or (measured == "macro" and kind == "company"):
                return cue(_CORPORATE, head, 0.85, released=True, figure=True)
            if measured == "macro" and kind in ("institution", "data"):
                return cue(_DATA, head, 0.85, released=True, figure=True)
    # Light verbs typed by their object.
    if lemma in _LIGHT_VERBS or lemma in REPORTING_VERBS:
        for noun in objects + _xcomp_nouns(head, ctx.body_start):
            noun_type = _noun_type(noun, ctx, verb=lemma)
            if noun_type and (not _anaphoric(noun) or noun_type in ctx.told):
                # "the contracts were awarded to ...": pointing back to an event already told
                adjusted = _adjust_by_actor(noun_type, lemma, subject, ctx)
                return cue(adjusted, noun, 0.8)
        if lemma in _WINNING_VERBS and any(o.lemma_.lower() in _SEATS for o in objects):
            return cue(_ELECTION, head, 0.8, figure=_has_figure(head, ctx.body_start))
    if lemma in REPORTING_VERBS and _is_report(head, head.sent, ctx):
        return None  # what it reports is typed on its own
    for noun in objects if lemma != "be" else []:
        noun_type = _noun_type(noun, ctx)
        if noun_type in (_PROTEST, _CONFLICT, _DISASTER) and not _anaphoric(noun):
            return cue(noun_type, noun, 0.7)  # "police dispersed protesters", "fought the blaze"
    if (
        report is not None
        and report.kind in ("institution", "data")
        and _has_figure(head, ctx.body_start)
        and not _hedged(head)
    ):
        # "Overseas workers sent home $3.2 billion, the central bank said"
        nouns = ([subject] if subject is not None else []) + objects
        if any(_measured(n, ctx) == "macro" for n in nouns):
            return cue(_DATA, report.verb or head, 0.7, figure=True, released=True)
    # Verbs of fixed type, and ambiguous verbs checked against their subject.
    typed = _verb_type(head, lemma, subject, passive, objects, ctx, report)
    if typed:
        counted = typed[0] == _ELECTION and lemma in _COUNTED_VERBS
        return cue(typed[0], head, typed[1], figure=counted and _has_figure(head, ctx.body_start))
    if lemma in REPORTING_VERBS and not _named_action(head, subject, objects, told, ctx):
        return None  # "fighting ..., officials said": saying is not the fighting
    # An event noun as the subject: "the clashes erupted", "the forum opened".
    if (
        subject is not None
        and head.dep_ != "acl"
        and (lemma in _SUBJECT_TYPED or head.pos_ in ("AUX", "VERB"))
    ):
        noun_type = _noun_type(subject, ctx)
        weak = subject.lemma_.lower() in _WEAK_NOUNS and not any(
            (c.lemma_.lower(), subject.lemma_.lower()) in _COMPOUND_TYPES for c in subject.children
        )
        if noun_type and noun_type != _STATEMENT and not weak:
            strong = lemma in _SUBJECT_TYPED
            return cue(noun_type, subject, 0.7 if strong else 0.55)
    if _named_action(head, subject, objects, told, ctx):
        harmed = passive and lemma in _HARM_VERBS and _agent(head) is None
        if harmed and ctx.told & {_DISASTER, _CONFLICT}:
            return cue(_TOLL, head, 0.6)  # "crops were destroyed in Hue": the disaster's toll
        action = cue(_OTHER, head, _ACTION_STRENGTH)
        action.action = True
        return action
    return None


def _verb_type(
    head: Token,
    lemma: str,
    subject: Token | None,
    passive: bool,
    objects: list[Token],
    ctx: _Context,
    report: _Report | None = None,
) -> tuple[str, float] | None:
    """A verb's type with its evidence, from its lemma and, for ambiguous verbs, its actor."""
    actor = _actor_class(subject, ctx) if subject is not None and not passive else None
    if subject is not None and subject.lower_ in _PRONOUNS and report is not None:
        actor = _actor_class(report.speaker, ctx)  # "the airline said it had offered ..."
    elif subject is not None and subject.lower_ == "it":
        # "the bus was travelling ... when it veered off the road": the sentence's subject
        earlier = [t for t in head.sent if t.dep_ in _SUBJECT_DEPS and t.i < subject.i]
        if earlier and earlier[0].pos_ in ("NOUN", "PROPN"):
            actor = _actor_class(earlier[0], ctx)
    agent = _agent(head)
    if passive and agent is not None:
        actor = _actor_class(agent, ctx)
    subject_event = _noun_type(subject, ctx) if subject is not None else None
    if lemma in VERB_TYPES:
        return _fixed_verb_type(head, lemma, subject, actor, objects, ctx)
    xtype = _xcomp_type(head, ctx)
    if lemma == "agree":
        return (xtype or _AGREEMENT), 0.8
    if lemma == "vote":
        if actor == "voters" or (subject is not None and subject.lemma_.lower() in _VOTER_NOUNS):
            return _ELECTION, 0.8
        return (xtype or _POLICY), 0.7  # "the committee voted to hold the rate"
    if xtype and lemma in _INTENT_VERBS:
        return xtype, 0.6
    aiming = lemma in _AIM_VERBS
    if aiming and actor == "government" and any(c.dep_ == "xcomp" for c in head.children):
        return _POLICY, 0.6  # "the country aims to triple renewable capacity by 2030"
    legal = _legal_verb_type(head, lemma, subject, actor, objects, ctx)
    if legal:
        return legal
    if lemma in _GOVERNMENT_VERBS and actor == "government":
        return _POLICY, (0.8 if lemma in _DECISIVE_GOVERNMENT_VERBS else 0.65)
    if lemma in _GOVERNMENT_VERBS and actor == "company" and lemma in _COMPANY_VERBS | {"approve"}:
        return _CORPORATE, 0.7  # "the board approved capital expenditure"
    if lemma in _GATHERING_VERBS:
        if subject_event == _MEETING or any(_noun_type(o, ctx) == _MEETING for o in objects):
            return _MEETING, 0.8
        if lemma in _VISIT_VERBS and any(t.lemma_.lower() in _GUESTS for t in head.subtree):
            return _MEETING, 0.7
        if lemma == "arrive" and actor == "official":
            return _MEETING, 0.6
    if lemma in _COMPANY_VERBS:
        executive = lemma in _EXECUTIVE_CHANGES and any(
            t.lower_ in _EXECUTIVE_TITLES for t in head.subtree
        )
        if actor == "company" or executive:
            return _CORPORATE, 0.75
    moved = {w for o in objects for w in (o.lemma_.lower(), o.lower_)}
    if lemma in _DEPLOYMENT_VERBS and moved & _MILITARY_NOUNS:
        return _CONFLICT, 0.7  # "sent 2,000 troops to the northern border"
    harm = _harm_verb_type(head, lemma, subject, actor, subject_event, passive, ctx)
    if harm:
        return harm
    if lemma in _WORKER_ACTIONS and actor == "workers":
        return _PROTEST, 0.8
    if lemma in ("march", "rally") and actor not in ("military", "government", "company"):
        return _PROTEST, 0.7
    if lemma in _CONTEST_VERBS and any(t.lemma_.lower() in _BALLOT_WORDS for t in head.subtree):
        return _ELECTION, 0.8
    lives_lost = lemma == "lose" and any(o.lemma_.lower() in ("life", "lives") for o in objects)
    if lives_lost or lemma == "die" or (passive and lemma in _TOLL_VERBS):
        return _TOLL, 0.6  # a toll: of the story's disaster or fighting
    if lemma in _DISRUPTION_VERBS and actor not in ("government", "court"):
        return _OTHER, 0.5
    return None


def _fixed_verb_type(
    head: Token,
    lemma: str,
    subject: Token | None,
    actor: str | None,
    objects: list[Token],
    ctx: _Context,
) -> tuple[str, float] | None:
    """The lexicon's verbs, with the few arguments that change their reading."""
    event_type = VERB_TYPES[lemma]
    if lemma == "sign":
        for noun in objects:
            noun_type = _noun_type(noun, ctx)
            if noun_type in (_POLICY, _CORPORATE):
                return noun_type, 0.8  # "signed the bill into law"
    if event_type == _CORPORATE and actor == "government" and lemma in ("invest", "appoint"):
        return (_POLICY if lemma == "invest" else _CORPORATE), 0.6
    if lemma == "discuss" and subject is not None and actor in ("person", None):
        return _MEETING, 0.6
    private = actor in ("company", "person", "organisation", None) and subject is not None
    if event_type == _POLICY and private and subject is not None and subject.lower_ != "it":
        return None  # "the developer imposed one-sided terms", "used tips to subsidize pay"
    if lemma == "meet" and any(o.lemma_.lower() in _NOT_MET for o in objects):
        return None  # "meet the needs of 4 million households"
    if event_type == _OTHER and not _happened(head) and head.dep_ != "xcomp":
        return None  # "7 million people are displaced": a state, not a happening
    return event_type, 0.85


def _legal_verb_type(
    head: Token,
    lemma: str,
    subject: Token | None,
    actor: str | None,
    objects: list[Token],
    ctx: _Context,
) -> tuple[str, float] | None:
    """Rulings, charges, appeals: verbs that are LEGAL in a court's or the police's hands."""
    court = actor == "court" or any(
        t.lemma_.lower() in _COURT_NOUNS for t in (subject.subtree if subject else [])
    )
    if lemma in _COURT_VERBS and court:
        return _LEGAL, 0.85
    with_charge = any(c.lower_ == "with" for c in head.children)
    if lemma == "charge" and (with_charge or actor in ("police", "court")):
        return _LEGAL, 0.8
    courtroom = ctx.in_legal_sentence(head)
    contested = any(_noun_type(o, ctx) in (_POLICY, _LEGAL) for o in objects)
    if lemma in _APPEAL_VERBS and (courtroom or contested):
        return _LEGAL, 0.8  # "would appeal to the 9th Circuit", "laws have been challenged"
    if lemma == "find" and any(t.lower_ in ("guilty", "innocent") for t in head.children):
        return _LEGAL, 0.85
    if lemma in ("register", "file") and any(o.lemma_.lower() in _FILINGS for o in objects):
        return _LEGAL, 0.8
    if lemma in _POLICE_VERBS and actor in ("police", "court"):
        return _LEGAL, 0.75
    return None


def _harm_verb_type(
    head: Token,
    lemma: str,
    subject: Token | None,
    actor: str | None,
    subject_event: str | None,
    passive: bool,
    ctx: _Context,
) -> tuple[str, float] | None:
    """Killing, destroying, crashing: CONFLICT or DISASTER by who or what did it."""
    if lemma in _HARM_ACTS:
        if subject_event in (_DISASTER, _CONFLICT):
            return subject_event, 0.8
        if actor == "military":
            return _CONFLICT, 0.8
        if actor == "vehicle" and lemma in ("hit", "strike"):
            return _DISASTER, 0.7
        if lemma == "strike" and actor == "workers":
            return _PROTEST, 0.8
        if passive and lemma in _TOLL_VERBS:
            cause = _cause(head, ctx)
            if cause:
                return cause, 0.7
    if actor == "vehicle" and lemma in _ACCIDENT_VERBS:
        return _DISASTER, 0.8
    if lemma in _BREAKDOWN_VERBS:
        if actor in ("vehicle", "building") or subject_event == _DISASTER:
            return _DISASTER, 0.8
        if lemma in _SELF_DISASTERS:
            return _DISASTER, 0.8
        if lemma == "collapse" and subject is not None and subject.lemma_.lower() in _STRUCTURES:
            return _DISASTER, 0.85
    return None


def _happened(verb: Token) -> bool:
    """A happening, not a state: "people fled", "were evacuated", not "are displaced"."""
    return _tense(verb) in ("past", "perfect", "pluperfect") or verb.tag_ == "VBG"


def _cause(head: Token, ctx: _Context) -> str | None:
    """The event behind a passive toll: "were killed after a building collapsed"."""
    for token in head.subtree:
        if token == head:
            continue
        noun_type = _noun_type(token, ctx) if token.pos_ in ("NOUN", "PROPN") else None
        if noun_type in (_DISASTER, _CONFLICT):
            return noun_type
        if token.pos_ == "VERB" and token.lemma_.lower() in _WRECK_VERBS:
            return _DISASTER
    return None


def _xcomp_type(head: Token, ctx: _Context) -> str | None:
    for child in head.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            lemma = child.lemma_.lower()
            if lemma in VERB_TYPES:
                return VERB_TYPES[lemma]
            if lemma in _DECISION_VERBS:
                decided = _decision(
                    child,
                    _subject_of(head, ctx.body_start)[0],
                    _objects(child, ctx.body_start),
                    ctx,
                )
                if decided:
                    return decided[0]
            if lemma in _COMPANY_PLANS:
                return _CORPORATE
            for noun in _objects(child, ctx.body_start):
                noun_type = _noun_type(noun, ctx)
                if noun_type:
                    return noun_type
    return None


def _adjust_by_actor(event_type: str, verb: str, subject: Token | None, ctx: _Context) -> str:
    """The same object under another actor: a company "approved capital expenditure"."""
    actor = _actor_class(subject, ctx) if subject is not None else None
    if event_type == _POLICY and actor == "company" and verb in _COMPANY_DECISIONS:
        return _CORPORATE
    if event_type == _AGREEMENT and verb == "award":
        return _CORPORATE
    if event_type == _CORPORATE and actor == "government" and verb in ("announce", "approve"):
        return _POLICY
    if event_type == _STATEMENT and verb in _ATTENDING and actor is None:
        return _STATEMENT
    return event_type
