"""Units of measure and counted things: the unit table, glued units ("5km"), the unit a count
takes from its noun or subject, and the unit names written into the rows.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms import lexicon
from transforms.metrics.context import _Context, _Quantity
from transforms.metrics.inflection import _singular, _singular_word

# Units written after a number: (pattern, unit, multiplier), longest first (units.toml).
_UNIT_TABLE: tuple[tuple[str, str, float], ...] = tuple(
    (entry["pattern"], entry["unit"], float(entry["multiplier"]))
    for entry in lexicon.load("units")["patterns"]
)

_GLUED_UNITS: dict[str, str] = lexicon.table("units", "glued")

# The unit pattern the warehouse validates (expectations/suites/metrics.json): a currency code,
# a lower-case word, or a short symbol, optionally per a short lower-case unit.
_UNIT_OK_RE = re.compile(r"(?:[A-Z]{3}|[a-z][a-z_ -]*|[A-Za-z]{1,4})(?:/[a-z]{1,3})?")
_RATE_WORDS = lexicon.words("measures", "rate_words")

_COUNT_SYNONYMS: dict[str, str] = lexicon.table("counts", "synonyms")
_COMPOUND_COUNT_RE = re.compile(
    r"(memorand(?:a|ums?)|letters?)\s+of\s+(understanding|intent)\b", re.I
)
_PERSON_NOUNS = lexicon.words("counts", "person_nouns")
_TOLL_WORDS = lexicon.words("counts", "toll_words")
_INDEX_WORDS = lexicon.words("subjects", "index_words")
_GENERIC_COUNT_NOUNS = lexicon.words("counts", "generic_nouns")
_SUBJECT_HEAD_NOMINALS = lexicon.words("subjects", "head_nominals")
_UNIT_RES: tuple[tuple[re.Pattern[str], str, float], ...] = tuple(
    (
        re.compile(r"[ \t\u00a0]*+(?:-[ \t\u00a0]*+)?(?:" + pat + ")", re.I),
        unit,
        mult,
    )
    for pat, unit, mult in _UNIT_TABLE
)
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_GLUED_SYMBOL_RE = re.compile(r"(km|kg|t|m|g)(?![A-Za-z])")


def _glued_unit_ok(rest: str) -> bool:
    """Whether letters glued to a number start a unit ("5km", "10MW", "3.5%") and not a name."""
    m = _LETTERS_RE.match(rest)
    if m is None:
        return True
    word = m.group()
    if word.lower() in {"st", "nd", "rd", "th"}:
        return False
    for pattern, _, _ in _UNIT_RES:
        um = pattern.match(rest)
        if um and um.end() >= len(word):
            return True
    return word in _GLUED_UNITS


def _match_unit(rest: str, glued_m: bool) -> tuple[str, float, int] | None:
    for pattern, unit, mult in _UNIT_RES:
        m = pattern.match(rest)
        if m:
            return unit, mult, m.end()
    if not glued_m:
        gm = _GLUED_SYMBOL_RE.match(rest)
        if gm:
            return _GLUED_UNITS[gm.group(1)], 1.0, gm.end()
    return None


def _count_unit(ctx: _Context, tok: Token) -> str:
    """The unit of a count: the counted noun in the singular, people as "person"."""
    low = tok.lower_
    if low in _PERSON_NOUNS:
        return "person"  # "18,000 residents", "two other firefighters", "14 others"
    compound = _COMPOUND_COUNT_RE.match(ctx.text, tok.idx)
    if compound:
        # "seven memorandums of understanding": the noun with its fixed "of" complement.
        head = "memorandum" if compound.group(1).lower().startswith("memorand") else "letter"
        return f"{head} of {compound.group(2).lower()}"
    unit = _singular(tok)
    return _COUNT_SYNONYMS.get(unit, unit)


def _resolve_unit(q: _Quantity, subject: str) -> str:
    unit = q.unit or "unit"
    if q.kind == "count" and unit in _GENERIC_COUNT_NOUNS:
        # "10 million units" of vehicle sales counts vehicles.
        words = subject.replace(" share of ", " ").split()
        if " of " in f" {subject} ":
            words = subject.split(" of ", 1)[1].split()
        while words and words[-1] in _SUBJECT_HEAD_NOMINALS:
            words = words[:-1]
        if words and words[-1] not in _GENERIC_COUNT_NOUNS:
            return _singular_word(words[-1])
    return unit


def _safe_unit(unit: str) -> str:
    """A unit the warehouse accepts: "USD/kwh" for "USD/kWh", "unit" for an odd counted noun."""
    if _UNIT_OK_RE.fullmatch(unit):
        return unit
    base, _, per = unit.partition("/")
    if per and _UNIT_OK_RE.fullmatch(base):
        lowered = f"{base}/{per.lower()}"
        return lowered if _UNIT_OK_RE.fullmatch(lowered) else base
    cleaned = "".join(c for c in unit.lower() if "a" <= c <= "z" or c in " -_")
    return cleaned if cleaned and _UNIT_OK_RE.fullmatch(cleaned) else "unit"


def _bare_unit(subject: str) -> str | None:
    words = set(subject.split())
    if words & _TOLL_WORDS or subject.startswith("people "):
        return "person"
    if words & _INDEX_WORDS:
        return "point"
    if " of " in subject:
        tail = subject.split(" of ", 1)[1].split()
        if tail:
            return _singular_word(tail[-1])
    parts = subject.split()
    if parts and parts[-1].endswith("s") and parts[-1] not in _SUBJECT_HEAD_NOMINALS:
        return _singular_word(parts[-1])
    return None


def _has_rate_word(subject: str) -> bool:
    return bool(set(subject.replace("-", " ").split()) & _RATE_WORDS)
