"""Reading numerals and number words: digits with thousands separators, "twenty-five", and the
scale words after them ("5bn", "$3m", "Rs 50 cr", "3.5 lakh crore").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms import lexicon
from transforms.metrics.context import _alternation, _Quantity

_SMALL_NUMBERS: dict[str, int] = {
    word: i for i, word in enumerate(lexicon.terms("numbers", "ones"))
}
_TENS: dict[str, int] = {
    word: 10 * (i + 2) for i, word in enumerate(lexicon.terms("numbers", "tens"))
}
# A number word below a hundred, as a regular expression: "seven", "twenty-one".
_W_BASIC = (
    rf"(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(list(_SMALL_NUMBERS)[1:10])}))?"
    rf"|{'|'.join(sorted(_SMALL_NUMBERS, key=len, reverse=True))}"
)
_BIG_SCALES: dict[str, float] = lexicon.table("numbers", "scales")
_SCALE_ABBREVIATIONS: dict[str, float] = lexicon.table("numbers", "scale_abbreviations")
# Scale words written after digits: "5bn", "$3m", "Rs 50 cr", "1.2 lakh crore". "Hundred" is one
# there ("5 hundred"), but no big scale among number words, where it multiplies what precedes it.
_SCALES: dict[str, float] = {
    **_BIG_SCALES,
    **{word: float(v) for word, v in lexicon.table("numbers", "hundreds").items()},
    **_SCALE_ABBREVIATIONS,
}
# Bond coupons and prices in eighths and quarters: "6 3/8%", "priced at 101 1/4".
_MIXED_FRACTION = r"\d{1,3}[ \u00a0]\d{1,2}/(?:2|4|8|16|32|64)(?![\d/])"
_DIGITS_RE = re.compile(
    rf"{_MIXED_FRACTION}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?"
    r"|\d+(?:\.\d+)?"
)
# Glued to the digits, any abbreviation ("5bn", "3m"); spaced, any scale word but the one-letter
# abbreviations ("5 m" is five metres).
_SCALE_GLUED_RE = re.compile(f"({_alternation(_SCALE_ABBREVIATIONS)})(?![A-Za-z])", re.I)
_SCALE_SPACED_RE = re.compile(
    r"[ \t\u00a0]*+(?:-[ \t\u00a0]*+)?("
    + _alternation(word for word in _SCALES if len(word) > 1)
    + r")\b",
    re.I,
)


def _numeral_value(digits: str) -> float:
    """ "1,200" is 1200, "6 3/8" is 6.375."""
    whole, _, fraction = digits.replace(",", "").replace("\u00a0", " ").partition(" ")
    if fraction:
        numerator, denominator = fraction.split("/")
        return float(whole) + int(numerator) / int(denominator)
    return float(whole)


def _ratio_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _SMALL_NUMBERS.get(word.lower()) or _TENS.get(word.lower())


def _words_value(words: Sequence[str]) -> tuple[float, int] | None:
    """Value of a number-word phrase and how many words it uses; None if it is no number."""
    if not words:
        return None
    if words[0] == "half" and len(words) >= 3 and words[2] in _BIG_SCALES:
        return 0.5 * _BIG_SCALES[words[2]], 3
    total = 0.0
    current = 0.0
    used = 0
    last = ""
    i = 0
    numeric_seen = False
    while i < len(words):
        w = words[i]
        if w in {"a", "an"}:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt in _BIG_SCALES or (nxt in {"hundred", "dozen"} and last in {"", "and"}):
                current += 1
                last = "basic"
                i += 1
                used = i
                continue
            if nxt == "half" and last == "and":
                current += 0.5
                i += 2
                used = i
                last = "half"
                continue
            break
        if w == "and":
            i += 1
            last = "and"
            continue
        if w in _SMALL_NUMBERS or w in _TENS:
            val = _SMALL_NUMBERS.get(w, _TENS.get(w, 0))
            if last == "basic" and not (current % 100 >= 20 and current % 10 == 0 and val < 10):
                break
            current += val
            last = "basic"
            numeric_seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            last = "scale"
        elif w == "dozen":
            current = (current or 1) * 12
            last = "scale"
            numeric_seen = True
        elif w in _BIG_SCALES:
            scale = _BIG_SCALES[w]
            if last == "scale" and current == 0:
                total *= scale  # "five lakh crore"
            else:
                total += (current or 1) * scale
            current = 0
            last = "scale"
            numeric_seen = True
        else:
            break
        i += 1
        used = i
    if not numeric_seen or used == 0:
        return None
    return total + current, used


def _scale(text: str, pos: int, limit: int, words: bool) -> tuple[float, int, bool]:
    """Scale words after a number: (multiplier, end offset, whether a bare "m"/"b"/"k" was seen)."""
    multiplier = 1.0
    glued_short = False
    first = True
    while True:
        rest = text[pos:limit]
        m = _SCALE_GLUED_RE.match(rest) if first and not words else None
        m = m or _SCALE_SPACED_RE.match(rest)
        if m is None:
            break
        word = m.group(1).lower()
        if words and word in _BIG_SCALES:
            break  # number words already took their own scales
        glued_short = glued_short or word in {"m", "b", "k"}
        multiplier *= _SCALES[word]
        pos += m.end()
        first = False
    return multiplier, pos, glued_short


def _unscaled(text: str, q: _Quantity) -> float:
    m = _DIGITS_RE.match(text, q.num_start)
    if m is None:
        return q.value
    core = _numeral_value(m.group())
    return core or 1.0
