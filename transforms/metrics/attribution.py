"""On whose authority a figure is given: the source named in its sentence ("according to the
ministry", "the bureau said").
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms import lexicon
from transforms.metrics.context import _ACCORDING_RE, _Context, _Sentence
from transforms.metrics.subject import _DATA_NOUNS
from transforms.metrics.verbs import _REPORT_VERBS
from transforms.model import EntityMention

# "compiled by the bureau": the figure is the bureau's.
_PUBLISHING_VERBS = lexicon.words("subjects", "publishing_verbs")


def _attribution(ctx: _Context, sent: _Sentence) -> str | None:
    """The canonical name of who published the sentence's figures, if the sentence says so."""
    doc = ctx.doc
    best: tuple[int, str] | None = None
    for m in ctx.mentions:
        if m.entity_type not in {"ORG", "PERSON", "GOV"}:
            continue
        if not sent.start <= m.start_char < sent.end:
            continue
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None or not len(span):
            continue
        rank = _attribution_rank(ctx, span.root, m)
        if rank is None:
            continue
        # A spokesperson speaks for the body: "GAC spokesperson Lyu Daliang said" is GAC's figure.
        rank = 2 * rank + (m.entity_type == "PERSON")
        if best is None or rank < best[0]:
            best = (rank, m.canonical)
    return best[1] if best else None


def _attribution_rank(ctx: _Context, tok: Token, m: EntityMention) -> int | None:
    before = ctx.text[max(0, m.start_char - 40) : m.start_char]
    if _ACCORDING_RE.search(before):
        return 0
    # Climb out of the name itself: "(MIIT)" in apposition, "X and Y" coordinations.
    while tok.dep_ in {"appos", "conj", "compound", "flat"} and tok.head.i != tok.i:
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _DATA_NOUNS:
            break
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj":
        prep = head
        governor = prep.head
        if prep.lower_ == "to" and governor.lower_ == "according":
            return 0
        if prep.lower_ in {"from", "by", "of"} and governor.lemma_.lower() in _DATA_NOUNS:
            return 1
        if prep.lower_ == "by" and governor.lemma_.lower() in _PUBLISHING_VERBS:
            return 1
    if tok.dep_ in {"poss", "compound"} and head.lemma_.lower() in _DATA_NOUNS:
        return 1
    if tok.dep_ in {"nsubj", "nsubjpass"} and head.lemma_.lower() in _REPORT_VERBS:
        return 2
    return None
