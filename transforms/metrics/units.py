"""Units of measure and counted things: the unit table, glued units ("5km"), the unit a count
takes from its noun or subject, and the unit names written into the rows.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms.metrics.context import _Context, _pairs, _Quantity
from transforms.metrics.inflection import _singular, _singular_word

# Units written after a number: (pattern, unit, multiplier), matched case-insensitively except
# where a symbol is marked (?-i:...). Order matters: longest first.
_UNIT_TABLE: tuple[tuple[str, str, float], ...] = (
    (r"percentage[\s-]?points?|pct[\s-]?points?|ppts?\b|pp\b", "percentage_point", 1.0),
    (r"basis[\s-]points?|bps\b|bp\b", "percentage_point", 0.01),
    (r"per[\s-]?cent\b|percent\b|pct\b|pc\b|%", "percent", 1.0),
    (r"(?:mb/d|mbpd)\b", "bbl/d", 1e6),
    (r"barrels?\s+(?:per|a|each)\s+day\b|bpd\b|b/d\b|bbl/d\b", "bbl/d", 1.0),
    (r"barrels?\b|bbls?\b", "bbl", 1.0),
    (r"(?-i:mmt|MMT|mtpa|MTPA|mt)\b", "t", 1e6),  # Indian and trade press: million tonnes
    (r"(?:metric\s+)?(?:tonnes?|tons?)\b|(?-i:MT)\b", "t", 1.0),
    (r"(?:square\s+|sq\.?\s*)(?:kilometres?|kilometers?|km)\b|km2\b|km²", "sq km", 1.0),
    (r"(?:square\s+|sq\.?\s*)(?:metres?|meters?|m)\b|m2\b|m²", "sq m", 1.0),
    (r"(?:square\s+|sq\.?\s*)(?:feet|ft)\b", "sq ft", 1.0),
    (r"kilomet(?:re|er)s?\s+(?:per|an)\s+hour\b|km/h\b|kmph\b|kph\b", "km/h", 1.0),
    (r"kilomet(?:re|er)s?\b|kms?\b", "km", 1.0),
    (r"hectares?\b|ha\b", "ha", 1.0),
    (r"acres?\b", "acre", 1.0),
    (r"kilo(?:gram)?s?\b|kgs?\b", "kg", 1.0),
    (r"grams?\b", "g", 1.0),
    (r"(?:troy\s+)?ounces?\b|oz\b", "oz", 1.0),
    (r"cubic\s+met(?:re|er)s?\b|m3\b|m³", "cu m", 1.0),
    (r"bcm\b", "cu m", 1e9),
    (r"lit(?:re|er)s?\b", "L", 1.0),
    (r"gallons?\b", "gal", 1.0),
    (r"miles?\s+(?:per|an)\s+hour\b|mph\b", "mph", 1.0),
    (r"miles?\b", "mi", 1.0),
    (r"millimet(?:re|er)s?\b|mm\b", "mm", 1.0),
    (r"centimet(?:re|er)s?\b|cm\b", "cm", 1.0),
    (r"met(?:re|er)s?\b", "m", 1.0),
    (r"inch(?:es)?\b", "in", 1.0),
    (r"feet\b|foot\b|ft\b", "ft", 1.0),
    (r"terawatt[\s-]?hours?\b|(?-i:TWh)\b", "TWh", 1.0),
    (r"gigawatt[\s-]?hours?\b|(?-i:GWh)\b", "GWh", 1.0),
    (r"megawatt[\s-]?hours?\b|(?-i:MWh)\b", "MWh", 1.0),
    (r"kilowatt[\s-]?hours?\b|(?-i:kWh)\b", "kWh", 1.0),
    (r"gigawatts?\b|(?-i:GWp?)\b", "GW", 1.0),
    (r"megawatts?\b|(?-i:MWp?)\b", "MW", 1.0),
    (r"kilowatts?\b|(?-i:kW)\b", "kW", 1.0),
    (r"MMBtu\b|mmbtu\b|million\s+british\s+thermal\s+units\b", "mmbtu", 1.0),
    (r"TEUs?\b|twenty-foot\s+equivalent\s+units?\b", "TEU", 1.0),
    (r"degrees?\s+(?:celsius|centigrade)\b|°C", "degC", 1.0),
    (r"degrees?\s+fahrenheit\b|°F", "degF", 1.0),
    (r"index\s+points?\b|points?\b|pts\b", "point", 1.0),
)

# Unit symbols that may only be glued to the number ("5t", "100m", "2g").
_GLUED_UNITS = _pairs("t=t; m=m; g=g; km=km; kg=kg")

# The unit pattern the warehouse validates (expectations/suites/metrics.json): a currency code,
# a lower-case word, or a short symbol, optionally per a short lower-case unit.
_UNIT_OK_RE = re.compile(r"(?:[A-Z]{3}|[a-z][a-z_ -]*|[A-Za-z]{1,4})(?:/[a-z]{1,3})?")
_RATE_WORDS = frozenset(
    "rate inflation yield tariff tax duty levy interest cpi unemployment joblessness".split()
)

# Counted nouns written several ways: "75 jets" and "40 aircraft" count the same thing.
_COUNT_SYNONYMS = _pairs("jet=aircraft; plane=aircraft; airplane=aircraft; airliner=aircraft")
_COMPOUND_COUNT_RE = re.compile(
    r"(memorand(?:a|ums?)|letters?)\s+of\s+(understanding|intent)\b", re.I
)
_PERSON_NOUNS = frozenset(
    "people persons residents inhabitants citizens nationals individuals villagers locals others "
    "members firefighters rescuers".split()
)
_TOLL_WORDS = frozenset(
    "toll casualty casualties death deaths fatality fatalities dead killed injured wounded "
    "missing victims".split()
)
_INDEX_WORDS = frozenset(
    "index sensex nifty dow nasdaq nikkei kospi ftse dax cac hang seng s&p gauge benchmark "
    "composite average".split()
)
_GENERIC_COUNT_NOUNS = frozenset("unit piece item set no number lot".split())
_SUBJECT_HEAD_NOMINALS = frozenset(
    "sales sale exports export imports import production output deliveries shipments "
    "registrations purchases orders demand supply consumption capacity stock stocks "
    "inventory inventories fleet market".split()
)
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
