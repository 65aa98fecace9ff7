"""Small questions put to the spaCy parse: a verb's subject, a participle's lemma, a figure's
governing word, whether a token names an agent, clause boundaries.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from transforms import lexicon
from transforms.metrics.context import _Context

_TIME_HEADS = lexicon.words("periods", "time_heads")

_IRREGULAR_PARTICIPLES: dict[str, str] = lexicon.table("inflections", "participles")
_CLAUSE_PREPS = lexicon.words("periods", "clause_prepositions")
_ENTITY_NAME_TRIM_RE = re.compile(r"^(?:the|The)\s+|['’]s$")


def _is_figure(tok: Token) -> bool:
    """Whether a token belongs to another number phrase ("percent" of "21.3 percent")."""
    if tok.like_num or tok.ent_type_ in {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}:
        return True
    return tok.lemma_.lower() in {"percent", "%", "point", "unit", "billion", "million"}


def _span_anchor(span: Span, num_start: int) -> Token:
    """The token through which a number phrase attaches to the rest of the sentence."""
    inside = {t.i for t in span}
    tok = next((t for t in span if t.idx <= num_start < t.idx + len(t.text)), span[0])
    for _ in range(len(span)):
        if tok.head.i not in inside or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.dep_ in {"conj", "cc", "quantmod"} or (tok.head.pos_ == "NUM" and tok.head.i != tok.i):
        # "between 5 and 7 percent": the parse hangs "7" on "5"; the unit noun attaches.
        nouns = [t for t in span if t.head.i not in inside and t.pos_ in {"NOUN", "PROPN"}]
        if nouns:
            return nouns[-1]
    return tok


def _governor(anchor: Token, inside: set[int]) -> tuple[Token | None, str | None, str]:
    """The word that governs a number phrase, with the preposition between them if any."""
    tok = anchor
    if tok.dep_ == "pobj" or (tok.head.pos_ == "ADP" and tok.head.i != tok.i):
        prep_tok = tok.head
        if prep_tok.lower_ == "between" and prep_tok.dep_ == "pobj":
            prep_tok = prep_tok.head  # "lowering prices by between Rs 40,000 and Rs 1.2 lakh"
        prep = prep_tok.lower_
        gov = prep_tok.head
        if prep_tok.i in inside and gov.i != prep_tok.i:
            # The "preposition" is the qualifier ("under 10 percent", "over 5,000 people").
            has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in gov.children)
            if prep_tok.i < gov.i and not has_subject and gov.pos_ in {"VERB", "AUX"}:
                return gov, None, "nsubj"
            bound = prep in {"under", "below", "above"}
            return gov, ("to" if bound else None), prep_tok.dep_
        # "according to", "compared to": the preposition hangs off another word.
        if gov.pos_ == "ADP" and gov.i != prep_tok.i:
            prep = f"{gov.lower_} {prep}"
            gov = gov.head
        return (gov if gov.i != prep_tok.i else None), prep, "pobj"
    if tok.head.i == tok.i:
        return None, None, "ROOT"
    head = tok.head
    if head.lower_ in _TIME_HEADS and head.i > tok.i and head.head.i != head.i:
        # "rose 4 percent year on year": the parse hangs the number on "year".
        return head.head, None, head.dep_
    return head, None, tok.dep_


def _named_entity_text(ctx: _Context, tok: Token) -> str | None:
    """The lower-case text of the named place or organisation a token belongs to."""
    if tok.pos_ != "PROPN":
        return None
    for m in ctx.mentions:
        if m.start_char <= tok.idx < m.end_char and m.entity_type in {"GPE", "LOC", "ORG", "NORP"}:
            return _ENTITY_NAME_TRIM_RE.sub("", m.text).strip().lower() or None
    return None


def _verb_subject(verb: Token) -> Token | None:
    """The grammatical subject of a verb, following conjunctions and participle clauses."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if subjects:
            # Nearest subject before the verb: a dateline is sometimes parsed as a second one.
            before = [c for c in subjects if c.i < current.i]
            child = before[-1] if before else subjects[0]
            if child.pos_ == "PRON":
                if child.lower_ in {"which", "that", "who"} and current.dep_ == "relcl":
                    return current.head
                return None
            return child
        if current.dep_ == "conj" and current.i > 0:
            # "... and tourism recorded growth": the parser often hangs "tourism" elsewhere.
            prev = current.doc[current.i - 1]
            if prev.pos_ in {"NOUN", "PROPN"} and prev.dep_ in {"conj", "appos"}:
                return prev
        if current.dep_ in {"conj", "advcl", "xcomp"} and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.pos_ == "ADP":
            current = current.head.head  # "rose ..., after hitting an all-time high of ..."
            continue
        if current.dep_ in {"acl", "relcl"} and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head
        break
    return None


def _is_agent(ctx: _Context, tok: Token) -> bool:
    """Whether a subject is someone acting (company, country, person) rather than a quantity."""
    if tok.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}:
        return True
    if tok.pos_ == "PRON":
        return True
    for m in ctx.mentions:
        if m.start_char <= tok.idx < m.end_char and m.entity_type in {"ORG", "PERSON", "GPE"}:
            return True
    return tok.lemma_.lower() in _AGENT_NOUNS


_REPORTER_NOUNS = lexicon.words("subjects", "reporter_nouns")
_AGENT_NOUNS = lexicon.words("subjects", "agent_nouns")


def _pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _participle(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBN" or (verb.tag_ == "VBD" and lemma not in _IRREGULAR_PARTICIPLES):
        return verb.lower_
    if lemma in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _within_clause(tok: Token, top: Token) -> bool:
    """Whether ``tok`` lies under ``top`` without crossing into a clause of its own."""
    current = tok
    for _ in range(12):
        if current.i == top.i:
            return True
        if current.dep_ in {"relcl", "acl", "advcl", "ccomp"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def _in_other_clause(tok: Token, path: list[int]) -> bool:
    """Whether ``tok`` sits in a subordinate clause that does not hold the figure."""
    current = tok
    for _ in range(12):
        if current.i in path:
            return False
        if current.dep_ in {"relcl", "acl"}:
            # "after a building collapsed on Friday": the parser's noun clause is adverbial.
            adverbial = current.head.dep_ == "pobj" and current.head.head.lower_ in _CLAUSE_PREPS
            return not adverbial
        if current.dep_ == "advcl":
            # "when the bridge collapsed on Friday" dates the event; "returning from a holiday
            # on Monday" does not.
            return not any(
                c.dep_ in {"mark", "advmod"} and c.lower_ in _CLAUSE_PREPS | {"when", "while"}
                for c in current.children
            )
        if current.head.i == current.i:
            return False
        current = current.head
    return False
