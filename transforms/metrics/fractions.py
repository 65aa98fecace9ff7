"""Fractions, ratios, multipliers and vague sums: "half of the economy", "one in five trains",
"half a cent", "three times as large", "a 3-for-2 split", "sales doubled", "tens of thousands of
dollars". Found in the raw text of a sentence beside the digits and number words of
`quantities.py`, which passes in how to read a qualifier around each."""

from __future__ import annotations

import re
from collections.abc import Callable

from transforms import lexicon
from transforms.metrics.context import (
    _PREV_NAME_WORD_RE,
    _SPACES_RE,
    _Context,
    _overlaps,
    _Quantity,
    _Sentence,
    _token_at,
)
from transforms.metrics.currency import _CUR_SUFFIX_RE, _currency_from_name
from transforms.metrics.numbers import _BIG_SCALES, _SMALL_NUMBERS, _W_BASIC, _ratio_number

# How the lexical pass reads the qualifier and direction words around a quantity.
_Qualify = Callable[[_Context, _Sentence, _Quantity], None]
_PERIOD_PRECEDERS = lexicon.words("periods", "period_preceders")

_FRACTIONS: dict[str, float] = lexicon.table("numbers", "metrics.fractions")

_FRACTION_WORDS = r"halves|" + "|".join(f"{word}s?" for word in _FRACTIONS)

_FRACTION_RE = re.compile(
    rf"\b(?:(?P<n>a|one|two|three|four|five|seven|nine)[\s-]+)?(?P<f>{_FRACTION_WORDS})"
    r"(?=[\s\u00a0]+of\b)",
    re.I,
)

# "one-half of 1 percent", "a quarter of a percentage point": a fraction of a small unit.
_FRACTION_OF_UNIT_RE = re.compile(
    r"[\s\u00a0]+of[\s\u00a0]+(?P<n>an?|one|\d+(?:\.\d+)?)(?:[\s\u00a0]*%|[\s\u00a0]+"
    r"(?P<u>percentage[\s\u00a0]+points?|per[\s\u00a0]?cent|percent|cents?)\b)",
    re.I,
)

_RATIO_RE = re.compile(
    rf"\b(?P<a>{_W_BASIC}|\d{{1,2}})[\s\u00a0]+(?:in|out[\s\u00a0]+of)[\s\u00a0]+"
    rf"(?P<b>{_W_BASIC}|\d{{1,3}})(?=[\s\u00a0]+[a-z])",
    re.I,
)

_FACTORS: dict[str, float] = lexicon.table("numbers", "metrics.multiplier_verbs")

_MULTIPLIER_RE = re.compile(
    rf"\b(?:(?P<a>\d{{1,2}})-for-(?P<b>\d{{1,2}})(?=[\s\u00a0]+(?:stock[\s\u00a0]+|share[\s\u00a0]+)?split)"
    rf"|(?P<n>\d+(?:\.\d+)?|{'|'.join(list(_SMALL_NUMBERS)[2:13])})"
    r"(?:[\s\u00a0]+times(?=[\s\u00a0]+(?:as|more|less|larger|higher|bigger|greater|faster"
    r"|the|that|what)\b)|-?fold\b))",
    re.I,
)

_MULTIPLIER_VERB_RE = re.compile(r"\b(?:doubled|tripled|trebled|quadrupled|halved)\b", re.I)

_VAGUE_AMOUNT_RE = re.compile(
    r"\b(?:(?P<lead>tens|hundreds)[\s\u00a0]+of[\s\u00a0]+)?"
    r"(?P<scale>thousands|millions|billions)[\s\u00a0]+of",
    re.I,
)

_FRACTION_UNITS: dict[str, tuple[str, str, float]] = {
    "%": ("percent", "percent", 1.0),
    "percent": ("percent", "percent", 1.0),
    "per cent": ("percent", "percent", 1.0),
    "percentage point": ("percentage_point", "pp", 1.0),
    "cent": ("USD", "currency", 0.01),
}

_HALF_UNIT_RE = re.compile(
    r"\bhalf[\s\u00a0]+an?[\s\u00a0]+(?P<u>cent|penny|percentage[\s\u00a0]+point|percent)\b",
    re.I,
)

# What every match of the three patterns above contains: sentences without it are not scanned.
_FRACTION_CUE_RE = re.compile(rf"(?:{_FRACTION_WORDS})[\s\u00a0]+of", re.I)

_RATIO_CUE_RE = re.compile(rf"[\s\u00a0](?:in|of)[\s\u00a0]+(?:\d|{_W_BASIC})", re.I)

_HALF_UNIT_CUE_RE = re.compile(r"half", re.I)


def _multipliers(ctx: _Context, sent: _Sentence, qualify: _Qualify) -> list[_Quantity]:
    """Factors: "three times as large", "a 4-fold rise", "a 3-for-2 split", "sales doubled"."""
    text = ctx.text
    out = []
    for m in _MULTIPLIER_RE.finditer(text, sent.start, sent.end):
        if m.group("a"):
            value = int(m.group("a")) / int(m.group("b"))  # a stock split: 3 for every 2
        else:
            n = m.group("n").lower()
            value = float(n) if n[0].isdigit() else float(_SMALL_NUMBERS[n])
        q = _Quantity(m.start(), m.end(), m.start(), m.end(), value, "times", "measure")
        qualify(ctx, sent, q)
        out.append(q)
    for m in _MULTIPLIER_VERB_RE.finditer(text, sent.start, sent.end):
        tok = _token_at(ctx.doc, m.start())
        if tok is None or tok.tag_ not in {"VBD", "VBN"} or tok.lemma_.lower() not in _FACTORS:
            continue  # "aims to double": a plan, no fact
        factor = _FACTORS[tok.lemma_.lower()]
        q = _Quantity(m.start(), m.end(), m.start(), m.end(), factor, "times", "measure")
        q.change, q.direction = True, "up" if factor > 1 else "down"
        out.append(q)
    return [q for q in out if not _overlaps(q.start, q.end, ctx.blocked)]


def _vague_amounts(ctx: _Context, sent: _Sentence) -> list[_Quantity]:
    """ "tens of thousands of dollars", "millions of euros": sums of money at least that large.

    Only money: vague counts ("thousands of people") are left out, as readers leave them out of
    tables.
    """
    out = []
    for m in _VAGUE_AMOUNT_RE.finditer(ctx.text, sent.start, sent.end):
        money = _CUR_SUFFIX_RE.match(ctx.text[m.end() : sent.end])
        if money is None or _overlaps(m.start(), m.end(), ctx.blocked):
            continue
        lead = {"tens": 10.0, "hundreds": 100.0}.get((m.group("lead") or "").lower(), 1.0)
        value = lead * _BIG_SCALES[m.group("scale").lower().removesuffix("s")]
        end = m.end() + money.end()
        q = _Quantity(m.start(), end, m.start(), end, value, None, "currency")
        q.unit = _currency_from_name(ctx, sent, money, m.end())
        q.has_scale, q.qualifier = True, "at_least"
        out.append(q)
    return out


def _fraction_quantities(ctx: _Context, sent: _Sentence, qualify: _Qualify) -> list[_Quantity]:
    """Shares written as fractions or ratios, and halves of small units.

    "more than half of the economy" is 50 percent, "nearly a third of the deaths" 33.3
    percent, "one in five regional trains" 20 percent; "half a cent" is 0.005 dollars.
    """
    text = ctx.text
    out: list[_Quantity] = []
    fractions = _FRACTION_CUE_RE.search(text, sent.start, sent.end) is not None
    for m in _FRACTION_RE.finditer(text, sent.start, sent.end) if fractions else ():
        prev = _PREV_NAME_WORD_RE.search(text[sent.start : m.start()])
        if prev and (prev.group(1).lower() in _PERIOD_PRECEDERS or "-" in prev.group(1)):
            continue  # "the second quarter of FY2025-26", "the January-March quarter"
        count = _SMALL_NUMBERS.get((m.group("n") or "one").lower(), 1)
        word = m.group("f").lower()
        share = count * _FRACTIONS["half" if word == "halves" else word.removesuffix("s")]
        of_unit = _FRACTION_OF_UNIT_RE.match(text, m.end())
        if of_unit:
            whole = of_unit.group("n").lower()
            amount = share / 100 * (1.0 if whole in {"a", "an", "one"} else float(whole))
            unit, kind, scale = _FRACTION_UNITS[
                _SPACES_RE.sub(" ", (of_unit.group("u") or "%").lower()).rstrip("s")
            ]
            end = of_unit.end()
            out.append(_Quantity(m.start(), end, m.start(), end, amount * scale, unit, kind))
            continue
        value = round(share, 1)
        out.append(_Quantity(m.start(), m.end(), m.start(), m.end(), value, "percent", "percent"))
    ratios = _RATIO_CUE_RE.search(text, sent.start, sent.end) is not None
    for m in _RATIO_RE.finditer(text, sent.start, sent.end) if ratios else ():
        part, whole = _ratio_number(m.group("a")), _ratio_number(m.group("b"))
        if part and whole and part < whole:
            value = round(100 * part / whole, 1)
            out.append(
                _Quantity(m.start(), m.end(), m.start(), m.end(), value, "percent", "percent")
            )
    halves = _HALF_UNIT_CUE_RE.search(text, sent.start, sent.end) is not None
    for m in _HALF_UNIT_RE.finditer(text, sent.start, sent.end) if halves else ():
        unit, kind, value = {
            "cent": ("USD", "currency", 0.005),
            "penny": ("GBP", "currency", 0.005),
            "percentage point": ("percentage_point", "pp", 0.5),
            "percent": ("percent", "percent", 0.5),
        }[_SPACES_RE.sub(" ", m.group("u").lower())]
        out.append(_Quantity(m.start(), m.end(), m.start(), m.end(), value, unit, kind))
    kept = []
    for q in out:
        if _overlaps(q.start, q.end, ctx.blocked):
            continue  # "the first half of the year" is a period
        q.fraction = (
            q.kind == "percent"
            and q.value < 100
            and not _HALF_UNIT_RE.match(text, q.start)
            and not _FRACTION_OF_UNIT_RE.search(text, q.start, q.end)
        )
        qualify(ctx, sent, q)
        kept.append(q)
    return kept
