"""Figure clauses ("rose 5%", "kept rates unchanged"), typed by what they measure."""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.actors import _actor_class, _is_company
from transforms.events.context import _Context, _Cue, _Report
from transforms.events.definitions import (
    _CORPORATE,
    _DATA,
    _DISASTER,
    _ELECTION,
    _MARKET,
    _POLICY,
    _STATEMENT,
)
from transforms.events.syntax import _has_amount, _hedged, _noun_phrase, _objects, _rank
from transforms.events.vocabulary import (
    _CHANGE_NOUNS,
    _CHARGE_NOUNS,
    _COMMODITIES,
    _COMPANY_FIGURES,
    _CORP_METRICS,
    _ECONOMIC_INDEX_MODIFIERS,
    _FALLS,
    _FORECAST_NOUNS,
    _HOLDING_VERBS,
    _INDEX_NAMES,
    _MACRO_MEASURES,
    _MACRO_MODIFIERS,
    _MACRO_NOUNS,
    _MACRO_RATES,
    _MACRO_TOTALS,
    _MARKET_NOUNS,
    _POSTING_VERBS,
    _PRICE_NOUNS,
    _PRICE_UNITS,
    _PRODUCT_MODIFIERS,
    _PROTEST_TURNOUT,
    _PUBLIC_REVENUE_MODIFIERS,
    _RATE_NOUNS,
    _REVENUE_NOUNS,
    _SESSION_VERBS,
    _SHARE_PRICE_WORDS,
    _STEADY_WORDS,
    _TRADED_CONTRACTS,
    CHANGE_VERBS,
)


def _decision(
    head: Token, subject: Token | None, objects: list[Token], ctx: _Context
) -> tuple[str, Token] | None:
    """ "cut its policy rate", "left it unchanged", "raised its forecast": type and key word."""
    actor = _actor_class(subject, ctx) if subject is not None else None
    steady = any(c.lower_ in _STEADY_WORDS for c in head.children)
    for noun in objects:
        noun_lemma = noun.lemma_.lower()
        words = {t.lemma_.lower() for t in _noun_phrase(noun)}
        if noun_lemma in _FORECAST_NOUNS:
            return (_CORPORATE if actor == "company" else _STATEMENT), noun
        if noun_lemma in _RATE_NOUNS or words & {"rate", "rates"}:
            if noun_lemma in _CHARGE_NOUNS and actor == "company":
                return _CORPORATE, noun
            return _POLICY, noun
        mention = ctx.mention_at(noun)
        if mention and "rate" in mention.canonical.lower():
            return _POLICY, noun
        if noun_lemma in ("it", "them") and actor == "government" and steady:
            return _POLICY, head
    holding = head.lemma_.lower() in _HOLDING_VERBS
    if (
        actor == "government"
        and holding
        and any(t.lower_ in ("rate", "rates") for t in head.subtree)
    ):
        return _POLICY, head
    return None


def _figure(
    head: Token, subject: Token | None, ctx: _Context, report: _Report | None, lead: bool
) -> _Cue | None:
    """A figure clause ("exports rose 5%"), typed by what it measures and who says so."""
    if _hedged(head):
        return None
    rank = _rank(head, ctx.body_start)
    lemma = head.lemma_.lower()
    measured = _measured(subject, ctx) if subject is not None else None
    if measured is None and lemma in _POSTING_VERBS:
        for noun in _objects(head, ctx.body_start):
            measured = _measured(noun, ctx) or measured
    if measured is None and subject is not None and lemma in CHANGE_VERBS | _SESSION_VERBS:
        # "Harbor Bancorp jumped 6.2%", "Kestrel finished at $27.10": a company's shares; not
        # "the company added 300 staff"
        counted = any(
            c.dep_ == "dobj"
            and c.ent_type_ not in ("PERCENT", "MONEY")
            and c.lower_.rstrip(".") not in _PRICE_UNITS
            for c in head.children
        )
        priced = any(t.ent_type_ in ("PERCENT", "MONEY") or t.text == "%" for t in head.subtree)
        actor = _actor_class(subject, ctx)
        per_share = any(t.lower_ in _SHARE_PRICE_WORDS for t in head.subtree)
        shares = actor == "company" or (actor == "organisation" and per_share)
        if shares and priced and not counted:
            measured = "market"
    if subject is not None and lemma in _FALLS and _actor_class(subject, ctx) == "vehicle":
        return _Cue(_DISASTER, head, head, 0.8, rank, report=report)  # "a bus plunged 200 m"
    if measured == "market":
        return _Cue(_MARKET, head, head, 0.8, rank, figure=True, report=report)
    if measured == "election":
        return _Cue(_ELECTION, head, head, 0.6, rank, figure=True, report=report)
    kind = report.kind if report else "none"
    if measured == "revenue":
        # a company's revenue, or a state's: as told by whom
        measured = {"company": "corporate", "none": None}.get(kind, "macro")
    if measured == "macro" and kind == "company":
        measured = "corporate"  # "the carmaker said its domestic sales rose 11%"
    if measured == "corporate":
        released = kind in ("company", "institution", "official") or lead
        return _Cue(
            _CORPORATE, head, head, 0.75, rank, figure=True, released=released, report=report
        )
    if kind in ("official", "person", "nonofficial"):
        return None  # figures cited by a person: that person's STATEMENT, if any
    released = kind in ("institution", "data", "company") or (lead and kind == "none")
    if measured is None and not _has_amount(head):
        return None  # "112 people had lost their lives": a count, not a statistic
    if measured is None and not released:
        # figures of something unnamed: an elaboration of the story's data, if it has any
        return _Cue(_DATA, head, head, 0.4, rank, figure=True, report=report)
    strength = 0.8 if measured == "macro" else 0.55
    key = report.verb if report and report.verb is not None and released else head
    return _Cue(_DATA, head, key, strength, rank, figure=True, released=released, report=report)


def _measured(noun: Token, ctx: _Context) -> str | None:
    """What a figure's noun measures: market, corporate, macro, revenue (a company's or a
    state's) or election (turnout), else None."""
    lemma = noun.lemma_.lower()
    if noun.lower_ in _CORP_METRICS:
        lemma = noun.lower_  # "earnings", whose lemma the tagger gives as "earning"
    phrase = _noun_phrase(noun)
    words = {t.lemma_.lower() for t in phrase if t.i != noun.i}
    if lemma in _CHANGE_NOUNS:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of"):
                for pobj in child.children:
                    inner = _measured(pobj, ctx) if pobj.dep_ == "pobj" else None
                    if inner is not None:
                        return inner  # "a decline in earnings"; "a loss of $35 million" goes on
    mention = ctx.mention_at(noun)
    if mention and mention.entity_type == "ORG" and _INDEX_NAMES.search(mention.canonical):
        return "market"
    if _INDEX_NAMES.search(" ".join(t.text for t in phrase)):
        return "market"  # "the Nikkei share average", "the Hang Seng index"
    if lemma in _PRICE_NOUNS:
        of_words = {
            t.lemma_.lower()
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for t in c.subtree
        }
        if (words | of_words) & _COMMODITIES and not words & _MACRO_MODIFIERS:
            return "market"
        return "macro"
    if lemma in ("stock", "stocks") and words & _COMMODITIES:
        return "macro"
    if lemma == "contract" and words & _TRADED_CONTRACTS:
        return "market"
    if lemma == "index" and words & _ECONOMIC_INDEX_MODIFIERS:
        return "macro"
    if lemma == "product" and words & _PRODUCT_MODIFIERS:
        return "macro"
    if lemma in _CORP_METRICS:
        if words & _PUBLIC_REVENUE_MODIFIERS:
            return "macro"
        if lemma in _REVENUE_NOUNS and not _company_owned(noun, ctx):
            return "revenue"  # a state's as much as a company's: the reporter decides
        return "corporate"
    if lemma in _COMPANY_FIGURES and _company_owned(noun, ctx):
        return "corporate"
    if lemma in _MARKET_NOUNS and not (lemma in ("market", "markets") and words & {"job", "labor"}):
        return "market"
    if lemma in _MACRO_NOUNS or (lemma == "rate" and words & _MACRO_RATES):
        return "macro"
    if words & _MACRO_MEASURES and lemma in _MACRO_TOTALS:
        return "macro"
    if lemma == "turnout" and not words & _PROTEST_TURNOUT:
        return "election"
    return None


def _company_owned(noun: Token, ctx: _Context) -> bool:
    """ "its revenue", "Tsubasa's sales": a company's own figure."""
    for child in noun.children:
        if child.dep_ == "poss":
            if child.lower_ in ("its", "their"):
                return True
            mention = ctx.mention_at(child)
            if mention and mention.entity_type == "ORG":
                return _is_company(mention.canonical, set())
    return False
