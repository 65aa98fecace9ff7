"""Indirect speech: reported speech without quotation marks ("X said that ...", "..., X said",
"according to X, ...") and what a directive asks for ("urged Congress to act")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from transforms.quotes.marks import _inside, _overlaps_any
from transforms.quotes.vocabulary import (
    _DIRECTIVE_LEMMAS,
    _INDIRECT_LEMMAS,
    _NOMINAL_LEMMAS,
    _SPEECH_LEMMAS,
)


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
        clause = _reported(token, spans)
        if clause is None or len(clause) < 3:
            continue
        start, end = clause.start_char, clause.end_char
        if _overlaps_any(start, end, spans):
            continue  # a quote (direct or mixed) already holds it
        found.append((start, end, "indirect", token))
    return found


def _reported(token: Token, quoted: list[tuple[int, int]]) -> Span | None:
    """What ``token`` reports, if it is a reporting word."""
    lemma = token.lemma_.lower()
    if lemma == "accord" and token.lower_ == "according":
        return _according_clause(token)
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in _INDIRECT_LEMMAS:
        # The clause after the verb first: a parse may also hang the sentence before from it.
        complements = sorted(
            (c for c in token.children if c.dep_ == "ccomp"),
            key=lambda c: (c.i < token.i, abs(c.i - token.i)),
        )
        for reported in complements:
            clause = _outside_quotes(_clause(reported), reported, quoted)
            if clause is not None and len(clause) >= 3:
                return clause
        if complements:
            return None
        if token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
            # "The talks, he said, will resume": the clause the verb interrupts
            inner = {t.i for t in token.subtree}
            words = [t for t in token.head.subtree if t.i not in inner]
            clause = _trimmed(token.doc, words)
            return _outside_quotes(clause, token.head, quoted) if clause is not None else None
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


def _outside_quotes(clause: Span, head: Token, quoted: list[tuple[int, int]]) -> Span | None:
    """A reported clause without a direct quote that only borders it: one the parse hung from
    it after "and added," or a quoted heading before it. A clause whose words run on into a
    quote is left out (the partial quote holds it: 'said the plan was "a disaster"')."""
    if not _overlaps_any(clause.start_char, clause.end_char, quoted):
        return clause
    run: list[Token] = []
    for word in clause:
        if _inside(word.idx, quoted, marks=True):
            if run and run[0].i <= head.i:
                break
            run = []
        else:
            run.append(word)
    if not run or not run[0].i <= head.i <= run[-1].i:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    introducing = {t.i for t in run if t.dep_ == "conj" and t.lemma_.lower() in _SPEECH_LEMMAS}
    if run[-1].i < clause.end - 1:
        if not run[-1].is_punct:
            return None
        # "... and added," before the quote: the words that introduce it are not reported
        while run and (run[-1].is_punct or run[-1].dep_ == "cc" or run[-1].i in introducing):
            run.pop()
    return _trimmed(clause.doc, run) if run else None


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
