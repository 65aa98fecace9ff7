"""Indirect speech: reported speech without quotation marks ("X said that ...", "..., X said",
"according to X, ...") and what a directive asks for ("urged Congress to act")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from transforms.quotes.marks import _inside, _overlaps_any
from transforms.quotes.vocabulary import _DIRECTIVE_LEMMAS, _INDIRECT_LEMMAS, _NOMINAL_LEMMAS


def indirect_speech(
    doc: Doc, quoted: list[tuple[int, int]]
) -> list[tuple[int, int, str, Token | None]]:
    """Reported speech without quotation marks: the clause a reporting verb governs ("X said
    that ...", "..., X said", "..., he said, ..."), what a directive asks for ("urged Congress to
    act", "called for a recount") and the clause "according to X" stands in."""
    spans = sorted(quoted)
    found: list[tuple[int, int, str, Token | None]] = []
    for token in doc:
        if _inside(token.idx, spans, marks=True):
            continue  # speech inside a quote is part of that quote
        clause = _reported(token)
        if clause is None or len(clause) < 3:
            continue
        start, end = clause.start_char, clause.end_char
        if _overlaps_any(start, end, spans):
            continue  # a quote (direct or mixed) already holds it
        found.append((start, end, "indirect", token))
    return found


def _reported(token: Token) -> Span | None:
    """What ``token`` reports, if it is a reporting word."""
    lemma = token.lemma_.lower()
    if lemma == "accord" and token.lower_ == "according":
        return _according_clause(token)
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in _INDIRECT_LEMMAS:
        complement = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if complement is not None:
            return _clause(complement)
        if token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
            # "The talks, he said, will resume": the clause the verb interrupts
            inner = {t.i for t in token.subtree}
            words = [t for t in token.head.subtree if t.i not in inner]
            return _trimmed(token.doc, words)
    if lemma in _DIRECTIVE_LEMMAS:
        complement = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if complement is None:
            # "called for a recount"
            preposition = next(
                (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None
            )
            complement = next((c for c in preposition.children), None) if preposition else None
        if complement is not None:
            target = next((c for c in token.children if c.dep_ == "dobj"), None)
            words = list(complement.subtree) + (list(target.subtree) if target else [])
            return _trimmed(token.doc, sorted(words, key=lambda t: t.i))
    if lemma in _NOMINAL_LEMMAS:  # "announced a ban on ...": what was announced
        target = next((c for c in token.children if c.dep_ == "dobj"), None)
        if target is not None:
            return _trimmed(token.doc, list(target.subtree))
    return None


def _trimmed(doc: Doc, words: list[Token]) -> Span | None:
    """The span from the first to the last of ``words``, without punctuation at either end."""
    while words and (words[0].is_punct or words[0].is_space or words[0].dep_ in ("mark", "cc")):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    return doc[words[0].i : words[-1].i + 1] if words else None


def _clause(head: Token) -> Span:
    """A reported clause without its "that" and the punctuation round it."""
    tokens = [t for t in head.subtree]
    while tokens and (tokens[0].dep_ in ("mark", "punct") or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    doc = head.doc
    return doc[tokens[0].i : tokens[-1].i + 1] if tokens else doc[head.i : head.i]


def _according_clause(according: Token) -> Span | None:
    """The clause "according to X" is attached to, without that phrase."""
    head = according.head
    if head is according:
        return None
    phrase = {t.i for t in according.subtree}
    tokens = [t for t in head.subtree if t.i not in phrase]
    # The side of the clause without the phrase: most often all of it after "According to X,".
    after = [t for t in tokens if t.i > max(phrase)]
    before = [t for t in tokens if t.i < min(phrase)]
    side = after if len(after) >= len(before) else before
    while side and (side[0].is_punct or side[0].is_space):
        side.pop(0)
    while side and (side[-1].is_punct or side[-1].is_space):
        side.pop()
    return head.doc[side[0].i : side[-1].i + 1] if side else None
