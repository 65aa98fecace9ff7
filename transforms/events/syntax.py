"""Dependency helpers: clause heads and their rank, subjects, objects, particles, tense, figures."""

from __future__ import annotations

from spacy.tokens import Span, Token

from transforms.events.vocabulary import (
    _CLAUSE_DEPS,
    _FUTURE_AUXILIARIES,
    _FUTURE_HEADS,
    _HEDGES,
    _HEDGING_MODALS,
    _LEVEL_WORDS,
    _MODALS,
    _NON_OFFICIAL_WORDS,
    _OBJECT_DEPS,
    _OFFICIAL_WORDS,
    _PARTICLES,
    _PERFECT_AUXILIARIES,
    _SUBJECT_DEPS,
    REPORTING_VERBS,
)


def _is_clause_head(token: Token) -> bool:
    if token.dep_ == "ROOT":
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.pos_ == "AUX" and token.dep_ not in ("ROOT", "conj", "ccomp", "relcl", "advcl"):
        return False
    return token.dep_ in _CLAUSE_DEPS


def _clause_tokens(head: Token) -> list[Token]:
    """The head and the clause heads nested anywhere under it."""
    return [head] + [t for t in head.subtree if t != head and _is_clause_head(t)]


def _rank(head: Token, body_start: int) -> int:
    """How central a clause is: the main clause 0, its complements 1, subordinates 2."""
    if head.dep_ == "acl" and _is_orphan(head.head, body_start):
        return 0  # "LONDON - inflation held at 3.8%": the main clause, hung on the dateline
    rank = 0
    node = head
    while node.dep_ != "ROOT" and node.head != node:
        if node.dep_ in ("ccomp", "xcomp", "parataxis", "csubj"):
            # what a reporting verb reports is as central as the reporting verb
            if node.head.lemma_.lower() not in REPORTING_VERBS:
                rank = max(rank, 1)
        elif node.dep_ != "conj":
            rank = max(rank, 2)
        node = node.head
    return rank


def _subject_of(verb: Token, body_start: int) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is passive; conjuncts share their head's subject."""
    floor = body_start
    if verb.dep_ == "acl" and _is_orphan(verb.head, body_start):
        return verb.head, False  # "LONDON - inflation held at 3.8%": a main clause
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if subjects and all(c.idx < floor for c in subjects):
        orphans = _orphans(verb.sent, body_start)
        if orphans:
            return orphans[0], False
    subjects = [c for c in subjects if c.idx >= floor]
    if subjects:
        # The nearest one: a dateline parsed into the sentence can pose as a second subject.
        before = [c for c in subjects if c.i < verb.i]
        child = before[-1] if before else subjects[0]
        passive = child.dep_.endswith("pass")
        if child.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            return verb.head, passive
        return child, passive
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head, body_start)
    if verb.dep_ == "relcl":
        return verb.head, False
    if verb.dep_ == "acl":
        return verb.head, verb.tag_ == "VBN"
    if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head, body_start)
    return None, False


def _is_orphan(token: Token, body_start: int) -> bool:
    """A story word the parser hung on the dateline."""
    floor = body_start
    return (
        floor > 0
        and token.idx >= floor
        and token.head.idx < floor
        and token.pos_ in ("NOUN", "PROPN", "PRON")
    )


def _orphans(sentence: Span, body_start: int) -> list[Token]:
    """The sentence's story words hung on the dateline."""
    return [t for t in sentence if _is_orphan(t, body_start)]


def _subject(verb: Token, body_start: int) -> Token | None:
    """Who acts or speaks: the subject, the agent of a passive ("hosted by X")."""
    subject, passive = _subject_of(verb, body_start)
    if passive:
        return _agent(verb) or subject
    if subject is not None and subject.pos_ == "VERB":
        # "Welcoming the figures, Adviser ... Qureshi said": the name before the verb speaks
        names = [t for t in subject.subtree if t.pos_ == "PROPN" and t.i < verb.i]
        return names[-1] if names else subject
    return subject


def _particle(verb: Token) -> Token | None:
    """ "walked out", "kicked off": the parser has the particle as a particle or an adverb."""
    for child in verb.children:
        if child.dep_ == "prt" or (
            child.dep_ == "advmod" and child.i == verb.i + 1 and child.lower_ in _PARTICLES
        ):
            return child
    return None


def _agent(verb: Token) -> Token | None:
    """The "by X" of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _objects(verb: Token, body_start: int) -> list[Token]:
    """Direct objects, and the subject of a passive: "the quota, which was raised"."""
    out = [c for c in verb.children if c.dep_ in _OBJECT_DEPS or c.dep_ == "nsubjpass"]
    if verb.dep_ == "relcl":
        out = [verb.head if c.lower_ in ("which", "that", "who") else c for c in out]
    for noun in list(out):
        out.extend(c for c in noun.children if c.dep_ == "conj")
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _is_orphan(verb.head, body_start):
        out.append(verb.head)
    return out


def _xcomp_nouns(verb: Token, body_start: int) -> list[Token]:
    """Objects of the verb's open complement: "agreed to sign a deal"."""
    return [o for c in verb.children if c.dep_ == "xcomp" for o in _objects(c, body_start)]


def _prep_objects(verb: Token) -> list[Token]:
    """Nouns in the verb's prepositional phrases: "took part in demonstrations"."""
    return [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _noun_phrase(noun: Token) -> list[Token]:
    """The noun with its modifiers and conjuncts, without clauses or most prepositions."""
    out = [noun]
    role = noun.lemma_.lower() in _OFFICIAL_WORDS | _NON_OFFICIAL_WORDS
    # "a senior official from the ministry", "chief economist at a bank"
    linking = ("of", "from", "at") if role else ("of",)
    for child in noun.children:
        if child.dep_ in ("compound", "poss", "amod", "nmod", "appos", "conj", "nummod", "det"):
            out.extend(_noun_phrase(child))
        elif child.dep_ == "prep" and child.lower_ in linking:
            out.extend(t for c in child.children if c.dep_ == "pobj" for t in _noun_phrase(c))
    return sorted(out, key=lambda t: t.i)


def _tense(verb: Token) -> str:
    """past, perfect, pluperfect, future, modal, present or none."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUXILIARIES:
        return "future"
    if words & _MODALS:
        return "modal"
    if "had" in words:
        return "pluperfect"
    if words & _PERFECT_AUXILIARIES and verb.tag_ == "VBN":
        return "perfect"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        if verb.dep_ == "xcomp":
            return _tense(verb.head)
        return "past"
    if verb.dep_ == "xcomp" or (verb.tag_ == "VB" and "to" in words):
        head = verb.head
        if head.lemma_.lower() in _FUTURE_HEADS or any(
            c.lemma_.lower() in _FUTURE_HEADS for c in head.children if c.dep_ == "acomp"
        ):
            return "future"
        return _tense(head) if head != verb and head.pos_ in ("VERB", "AUX") else "none"
    if verb.dep_ == "conj" and not auxes and verb.head.pos_ in ("VERB", "AUX"):
        return _tense(verb.head)
    if verb.tag_ in ("VBZ", "VBP"):
        if any(c.lemma_.lower() in _FUTURE_HEADS for c in verb.children if c.dep_ == "acomp"):
            return "future"
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"
    return "none"


def _hedged(head: Token) -> bool:
    """Figures in a forecast: "is expected to total", "could reach"."""
    node = head
    for _ in range(3):
        if node.lemma_.lower() in _HEDGES and node != head:
            return True
        if any(c.lower_ in _HEDGING_MODALS for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or node.head == node:
            break
        node = node.head
    return False


def _has_amount(head: Token) -> bool:
    """A percentage or a sum of money in the clause."""
    return any(
        t.ent_type_ in ("PERCENT", "MONEY") or t.text in ("%", "percent", "pct")
        for t in head.subtree
    )


def _has_figure(head: Token, body_start: int) -> bool:
    """A number, percentage or amount among the clause's own words (not its subject's)."""
    subject, _ = _subject_of(head, body_start)
    skip = {t.i for t in subject.subtree} if subject is not None else set()
    if head.i in skip:
        skip -= {t.i for t in head.subtree}  # "inflation held at 3.8%" hung on its subject
    for child in head.children:
        if child.i in skip or child.dep_ in _CLAUSE_DEPS:
            continue
        for token in child.subtree:
            if token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
                continue
            amount = token.ent_type_ in ("PERCENT", "MONEY", "QUANTITY")
            if token.like_num or amount or token.text in ("%", "percent", "pct"):
                return True
            if token.lower_ in _LEVEL_WORDS:
                return True
    return head.lemma_.lower() in ("steady",)
