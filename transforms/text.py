"""Text hygiene for article fields, the complete-sentence test, and the body size cut.

Everything here runs before analysis, on the text that is stored: offsets into
``articles.body_text`` are computed on the normalised, cut body, so they stay exact.
"""

from __future__ import annotations

import re

# Line and paragraph breaks in their other spellings.
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
# Information separators (FS, GS, RS, US) stand between words: a space keeps the words apart.
_SEPARATORS = {chr(c): " " for c in range(0x1C, 0x20)}
# Unicode spaces: no-break, en/em and the other typographic spaces, ideographic space.
_SPACES = {chr(c): " " for c in (0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)}
# Invisible: zero-width space/non-joiner/joiner, word joiner, byte order mark, and the bidi
# marks, embeddings, overrides and isolates.
_INVISIBLE = {
    chr(c): None
    for c in (
        *range(0x200B, 0x200E),
        0x2060,
        0xFEFF,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}
# The other C0 and C1 controls (NUL, BEL, ESC, DEL, ...): tab and newline are kept.
_CONTROLS = {
    chr(c): None
    for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0xA0))
    if chr(c) not in _LINE_BREAKS
}
_TABLE = str.maketrans({**_CONTROLS, **_SEPARATORS, **_LINE_BREAKS, **_SPACES, **_INVISIBLE})
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """Text safe to store and analyse: no control, invisible or bidi characters, no lone
    surrogates (U+FFFD instead), plain spaces for Unicode spaces, ``\\n`` for line breaks."""
    if _SURROGATE.search(text):
        # JSON may carry lone surrogates ("\\ud800"); a pair written as two escapes is joined.
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_TABLE)


def normalise_field(text: str | None) -> str | None:
    """`normalise_text` for an optional field."""
    return normalise_text(text) if text is not None else None


# A sentence ends at . ! ? or their forms in other scripts (CJK 。！？, the Devanagari and Bengali
# danda । ॥, Urdu ۔, Arabic ؟, Ethiopic ።, Armenian ։), perhaps inside closing quotes or
# brackets, before white space or the end of the text. "2.1" and "U.S.-based" do not end one.
_ENDS = ".!?。！？।॥۔؟።։"
_SENTENCE_END = re.compile(rf"[{_ENDS}][\"'”’»)\]]*(?=\s|$)")
_TERMINATED = re.compile(rf"[{_ENDS}][\"'”’»)\]]*$")
_LETTER = re.compile(r"[^\W\d_]")
MIN_SENTENCE_WORDS = 4
# Scripts written without spaces (Chinese, Japanese) have no words to count: letters instead.
_MIN_CASELESS_LETTERS = 8


def sentences(text: str) -> list[str]:
    """The text in pieces that each end at a sentence end (the last piece may not)."""
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        pieces.append(text[start : m.end()].strip())
        start = m.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def is_complete_sentence(text: str) -> bool:
    """Whether ``text`` is one complete sentence: it ends with . ! ? (closing quotes or
    brackets may follow), has at least four words with letters, and, in a cased script, at
    least one word in lower case (menus and headline lists are Capitalised Word runs)."""
    text = text.strip()
    if not _TERMINATED.search(text):
        return False
    words = [w for w in text.split() if _LETTER.search(w)]
    if not any(ch.isupper() or ch.islower() for ch in text):
        return sum(1 for ch in text if _LETTER.match(ch)) >= _MIN_CASELESS_LETTERS
    if len(words) < MIN_SENTENCE_WORDS:
        return False
    return any(_is_lower_word(w) for w in words)


MIN_SHORT_ITEM_WORDS = 3
# What a site says about itself (consent banners, log-in prompts): never a one-line story.
_SITE_NOTICE = re.compile(
    r"\b(?:cookies?|(?:this|our) (?:site|website|page)|your browser|javascript|sign (?:in|up)|"
    r"log ?in|subscribe|newsletter)\b",
    re.IGNORECASE,
)


def is_short_item(text: str) -> bool:
    """Whether ``text`` is a one-line item that reads as a sentence without its full stop
    ("Unemployment fell to 4.1%", "three ships sank off the coast"): one line, at least three
    words with letters and one of them in lower case (menus and headline lists are Capitalised
    Word runs), and no site notice ("We use cookies ..."). Only for bodies a source gives as
    text: a page's leftovers must be sentences."""
    text = text.strip()
    if not text or "\n" in text or _SITE_NOTICE.search(text):
        return False
    words = [w for w in text.split() if _LETTER.search(w)]
    if not any(ch.isupper() or ch.islower() for ch in text):
        return sum(1 for ch in text if _LETTER.match(ch)) >= _MIN_CASELESS_LETTERS
    return len(words) >= MIN_SHORT_ITEM_WORDS and any(_is_lower_word(w) for w in words)


def has_complete_sentence(text: str) -> bool:
    """Whether any sentence of ``text`` is complete (see `is_complete_sentence`)."""
    return any(is_complete_sentence(piece) for piece in sentences(text))


def _is_lower_word(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and all(ch.islower() for ch in letters)


def cut_body(body: str, limit: int) -> str:
    """``body`` if it has at most ``limit`` characters, else its longest start within the limit
    that ends at a paragraph break, else at a sentence end, else at a space; a break is only
    taken where it keeps at least half the limit."""
    if len(body) <= limit:
        return body
    head = body[: limit + 1]  # a boundary right after the limit's last character counts
    paragraph = head.rfind("\n\n")
    if paragraph >= limit // 2:
        return body[:paragraph].rstrip()
    ends = [m.end() for m in _SENTENCE_END.finditer(head, limit // 2) if m.end() <= limit]
    if ends:
        return body[: ends[-1]].rstrip()
    space = head.rfind(" ", limit // 2)
    return body[: space if space > 0 else limit].rstrip()
