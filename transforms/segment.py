"""A bound on sentence length, set before the parser runs; and the document's text, read once.

Text without sentence ends — a table of figures, a list, a run-on page — would otherwise reach
the rules as one "sentence" of thousands of tokens, and rules that look around a token within
its sentence would take time quadratic in its length. Real news sentences stay far below the
bound, so the parser's own boundaries are untouched there.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "wirehouse_sentence_cap"
_TEXT = "wirehouse.text"  # the key of the text in `doc.user_data`
MAX_SENTENCE_TOKENS = 150
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
# Where a long run is best cut: a line break, then clause punctuation.
_SOFT_BREAKS = frozenset({";", ":", ",", "|", "—", "–", "•", "·"})


@Language.component(COMPONENT)
def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence at least every MAX_SENTENCE_TOKENS tokens, at the best break."""
    start = 0  # first token of the current run without a sentence end
    for token in doc:
        if token.text in _SENTENCE_ENDS:
            start = token.i + 1
            continue
        if token.i - start + 1 < MAX_SENTENCE_TOKENS:
            continue
        cut = _best_cut(doc, start, token.i)
        doc[cut].is_sent_start = True
        start = cut
    return doc


def _best_cut(doc: Doc, start: int, end: int) -> int:
    """The token to start the next sentence at, within the run `start..end` (inclusive): after
    its last line break or soft break in the later two thirds, else at `end`."""
    floor = start + MAX_SENTENCE_TOKENS // 3
    for i in range(end, floor, -1):
        before = doc[i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            return i
    for i in range(end, floor, -1):
        if doc[i - 1].text in _SOFT_BREAKS:
            return i
    return end


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per document: spaCy joins it from every token on each access,
    milliseconds for a long article, and the rules read it hundreds of times (measured: 6 % of
    the transform)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)
