"""Who acts: the mention behind a noun, and its class (government, court, company, ...)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms.events.context import _Context
from transforms.events.syntax import _noun_phrase
from transforms.events.vocabulary import (
    _BANK_MODIFIERS,
    _CENTRAL_BANK,
    _COMPANY_NAME,
    _COMPANY_NOUNS,
    _COMPANY_SUFFIX,
    _CONTAINER_NOUNS,
    _CORP_METRICS,
    _CORPORATE_TITLES,
    _COURT_NOUNS,
    _GOVERNMENT_NAME,
    _GOVERNMENT_NOUNS,
    _JUDGE_TITLES,
    _MACRO_NOUNS,
    _MARKET_NOUNS,
    _MILITARY_MODIFIERS,
    _MILITARY_NOUNS,
    _NON_OFFICIAL_WORDS,
    _OFFICIAL_WORDS,
    _PARTY_TYPES,
    _POLICE_NOUNS,
    _STRUCTURES,
    _VEHICLE_NOUNS,
    _VOTER_NOUNS,
    _WORKER_NOUNS,
    EVENT_NOUNS,
)
from transforms.model import EntityMention


def _title_class(token: Token) -> str:
    """government, company or person: what the role words beside a name say."""
    sent = token.sent
    start = max(sent.start, token.left_edge.i - 6)
    near = [t.lower_ for t in token.doc[start : min(sent.end, token.i + 8)]]
    if any(w in _NON_OFFICIAL_WORDS for w in near):
        return "person"
    if any(w in _JUDGE_TITLES for w in near):
        return "court"
    if any(w in _CORPORATE_TITLES for w in near):
        return "company"
    if any(w in _OFFICIAL_WORDS for w in near):
        return "government"
    return "person"


def _has_title_nearby(token: Token) -> bool:
    """ "Vice Minister Xiong Jijun", "Xiong, a senior official": a role word beside the name."""
    sent = token.sent
    start = max(sent.start, token.left_edge.i - 6)
    before = [t.lower_ for t in token.doc[start : token.left_edge.i]]
    after = [t.lower_ for t in token.doc[token.i + 1 : min(sent.end, token.i + 8)]]
    if any(w in _NON_OFFICIAL_WORDS for w in before[-4:] + after[:6]):
        return False
    return any(w in _OFFICIAL_WORDS for w in before + after[:6])


def _is_company(name: str, words: set[str]) -> bool:
    """A company's name: a legal suffix, else an industry word in a name that is not a body's."""
    if _CENTRAL_BANK.search(name) or _GOVERNMENT_NAME.search(name):
        return False
    if _COMPANY_SUFFIX.search(name):
        return True
    return bool(_COMPANY_NAME.search(name)) or bool(words & _COMPANY_NOUNS)


def _short_company(mention: EntityMention, ctx: _Context) -> bool:
    """A company's short name: "Kestrel" after "Kestrel Systems Inc." in the same story."""
    prefix = mention.canonical + " "
    return any(
        m.entity_type == "ORG"
        and m.canonical.startswith(prefix)
        and _is_company(m.canonical, set())
        for m in ctx.mentions
    )


def _resolve(mention: EntityMention | None, ctx: _Context) -> EntityMention | None:
    """A short form the tagger got wrong ("Tsubasa" as a place) as the organisation it names."""
    if mention is None or mention.entity_type == "ORG" or mention.country_code:
        return mention  # a real place ("the UAE") stays a place
    prefix = mention.text + " "
    for other in ctx.mentions:
        if other.entity_type == "ORG" and other.canonical.startswith(prefix):
            return other
    return mention


def _mention_in(tokens: list[Token], ctx: _Context) -> EntityMention | None:
    """The first party (person, organisation, place, group, event) among the tokens."""
    for token in tokens:
        mention = ctx.mention_at(token)
        if mention and mention.entity_type in _PARTY_TYPES:
            return mention
    return None


def _actor_class(noun: Token | None, ctx: _Context) -> str | None:
    """Who a noun is, as an actor: government, company, court, police, military, workers,
    voters, vehicle, building, official, person, organisation; None for things and events."""
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    if (lemma in EVENT_NOUNS or lemma in _CONTAINER_NOUNS) and lemma not in _COMPANY_NOUNS:
        return None  # "U.S. tariffs cut into earnings": an event, not an actor
    if lemma in _MACRO_NOUNS | _CORP_METRICS or (lemma in _MARKET_NOUNS and lemma != "market"):
        return None  # "exports rose, extending their gains": a measure, not an actor
    phrase = _noun_phrase(noun)
    words = {t.lemma_.lower() for t in phrase}
    head_mention = ctx.mention_at(noun)
    if lemma == "bank" and words & _BANK_MODIFIERS:
        return "government"
    if head_mention is None and lemma in _COMPANY_NOUNS and not words & _GOVERNMENT_NOUNS:
        return "company"  # "Chinese firms": the firms, not China
    mention = _resolve(head_mention or _mention_in(phrase, ctx), ctx)
    if words & _COURT_NOUNS or (
        mention and re.search(r"\b(?:Court|Tribunal)\b", mention.canonical)
    ):
        return "court"
    if lemma in _POLICE_NOUNS or (mention and "Police" in mention.canonical):
        return "police"
    if lemma in _MILITARY_NOUNS or words & _MILITARY_MODIFIERS:
        return "military"
    if lemma in _VEHICLE_NOUNS:
        return "vehicle"
    if lemma in _STRUCTURES:
        return "building"
    if lemma in _VOTER_NOUNS:
        return "voters"
    if lemma in _WORKER_NOUNS or noun.lower_ in _WORKER_NOUNS:
        return "workers"
    if mention:
        if mention.entity_type in ("GPE", "NORP"):
            return "government"
        if mention.entity_type == "ORG":
            if _CENTRAL_BANK.search(mention.canonical) or _CENTRAL_BANK.search(noun.text):
                return "government"
            if _is_company(mention.canonical, words) or _short_company(mention, ctx):
                return "company"
            if _GOVERNMENT_NAME.search(mention.canonical) or words & _GOVERNMENT_NOUNS:
                return "government"  # "the civil aviation authority DGAC"
            return "organisation"
        if mention.entity_type == "PERSON":
            if _COMPANY_SUFFIX.search(mention.canonical) or _COMPANY_NAME.search(mention.canonical):
                return "company"
            role = ctx.roles.get(mention.canonical, "person")
            return role if role != "person" else _title_class(noun)
    if lemma in _COMPANY_NOUNS:
        return "company"
    if lemma in _GOVERNMENT_NOUNS:
        return "government"
    if lemma in _CORPORATE_TITLES:
        return "company"
    if lemma in _OFFICIAL_WORDS:
        return "government"
    return None
