"""Currencies: ISO codes, symbols and names written before or after a number ("US$", "Rs",
"dirhams"), the rupee or dollar a story means, and prices quoted per unit ("$65 a barrel").
"""

from __future__ import annotations

import re

from transforms import lexicon
from transforms.gazetteer import national_currency
from transforms.metrics.context import (
    _BASE_BEFORE_RE,
    _LOWER_WORDS_RE,
    _OF_AFTER_RE,
    _SPACES_RE,
    _alternation,
    _Context,
    _Quantity,
    _Sentence,
    _token_at,
)
from transforms.metrics.geography import _context_countries, _japan_context
from transforms.metrics.numbers import _SCALE_SPACED_RE
from transforms.metrics.syntax import _verb_subject
from transforms.model import EntityMention

# ISO 4217 codes by the way they are written before a number.
_CURRENCY_CODES: dict[str, str] = {code: code for code in lexicon.terms("currencies", "codes")}
_CURRENCY_CODES.update(lexicon.table("currencies", "code_aliases"))

_DOLLAR_PREFIXES: dict[str, str] = lexicon.table("currencies", "dollar_prefixes")
_CURRENCY_SYMBOLS: dict[str, str] = lexicon.table("currencies", "symbols")

_CURRENCY_NAMES: dict[str, str] = lexicon.table("currencies", "names")
_CURRENCY_ADJECTIVES: dict[str, str] = lexicon.table("currencies", "qualified_names")

# Currency names shared by several countries, resolved by the countries the story is about
# (the gazetteer knows each country's currencies); with the other spellings of each name.
_SHARED_NAMES: dict[str, list[str]] = lexicon.table("currencies", "shared_names")


def _national(name: str, countries: list[str]) -> str | None:
    """The currency called `name` in the first of `countries` that has one by that name."""
    for country in countries:
        code = national_currency(name, country, tuple(_SHARED_NAMES[name]))
        if code:
            return code
    return None


_CURRENCY_ADJECTIVE_WORDS = sorted({key.rsplit(" ", 1)[0] for key in _CURRENCY_ADJECTIVES})

_PER_WORDS: dict[str, str] = lexicon.table("units", "per_words")
_PAKISTAN_PLACES = lexicon.words("currencies", "pakistan_places")
_INDIA_PLACES = lexicon.words("currencies", "india_places")
_CUR_PREFIX_RE = re.compile(
    rf"(?:(?<![A-Za-z.])(?P<dpre>{_alternation(_DOLLAR_PREFIXES)})(?P<dsym>\$)"
    rf"|(?<![A-Za-z])(?P<sym>[{''.join(map(re.escape, _CURRENCY_SYMBOLS))}])"
    rf"|(?<![A-Za-z])(?P<code>{'|'.join(sorted(_CURRENCY_CODES, key=len, reverse=True))})\.?)"
    r"[ \u00a0]?$"
)
_CUR_SUFFIX_RE = re.compile(
    r"(?:[\s\u00a0]*+|-)(?:(?P<adj>"
    + _alternation(_CURRENCY_ADJECTIVE_WORDS)
    + r")\s+)?(?P<name>dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|rupees?"
    r"|dirhams?|riyals?|rials?|won|roubles?|rubles?|liras?|lira|ringgit|baht|rupiah|pesos?"
    r"|naira|rand|shillings?|dinars?|francs?|taka|dong|reais|cedis?|birr|marks?|markkaa|markka"
    r"|dlrs|guilders?|pesetas?|lire|schillings?|drachmas?|escudos?|kronor|krona|kroner|krone"
    r"|punts?)\b",
    re.I,
)
_CENT_CURRENCIES: dict[str, str] = lexicon.table("currencies", "cents")
# "18 Canadian cents", "5 euro cents": the hundredths of a qualified dollar, or of the euro.
_CENT_ADJECTIVES: dict[str, str] = {
    name.rsplit(" ", 1)[0]: code
    for name, code in _CURRENCY_ADJECTIVES.items()
    if name.endswith(" dollar")
} | {"us": "USD", "euro": "EUR"}
_CUR_PER_RE = re.compile(
    r"^[\s\u00a0]*(?:(?:a|an|per|each|/)[\s\u00a0]*(?P<per>barrel|bbl|tonne|ton|ounce|kwh|mwh"
    r"|litre|liter|gallon|mmbtu|kg|kilogram|share|kilowatt[\s-]hour|megawatt[\s-]hour)\b"
    r"|per[\s\u00a0]+(?P<any>(?!cent\b)(?:square[\s\u00a0]+)?[a-z]+(?:-[a-z]+)?)\b"
    r"|(?P<pb>pb)\b|(?P<apiece>apiece)\b)",
    re.I,
)

# A second "per": "Rs 5 per square foot per month".
_CUR_PER_MORE_RE = re.compile(r"^[\s\u00a0]+per[\s\u00a0]+(?P<any>[a-z]+)\b", re.I)

# "136 of the country's 308 municipalities": a part and its whole.
_PART_OF_RE = re.compile(
    r"[\s\u00a0]++of[\s\u00a0]++(?:(?:the|its|their|all|[A-Za-z]+['’]s)[\s\u00a0]++)*"
    r"(?:(?:more|fewer|less)[\s\u00a0]+than[\s\u00a0]+|(?:about|nearly|almost|some|over)"
    r"[\s\u00a0]+)?",
    re.I,
)

# Verbs whose object may be a count with its noun left out, and what may follow that number.
_ELLIPSIS_VERBS = frozenset({"have", "win", "get", "receive", "earn", "take", "secure", "capture"})
_ELLIPSIS_END_RE = re.compile(r"[ \u00a0]*(?:[.;,]|and\b|in\b|$)")
_MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude[ \u00a0-]+(?:of[ \u00a0]+)?$", re.I)
_RICHTER_AFTER_RE = re.compile(r"[ \u00a0]+on[ \u00a0]+the[ \u00a0]+Richter\b", re.I)
_ELLIPSIS_VERB_BEFORE_RE = re.compile(
    r"\b(?:(?:has|have|had|won|wins|got|gets|received|receives|earned|took|secured|captured)"
    r"(?:[ \u00a0]+a[ \u00a0]+total[ \u00a0]+of)?"
    r"|(?P<move>gained|gaining|gains|lost|losing|loses|added|adding|dropped|dropping))"
    r"[ \u00a0]+(?:(?:at[ \u00a0]+least|about|nearly|almost|some|just|only)[ \u00a0]+)?$",
    re.I,
)
_REST_OF_SET_RE = re.compile(r"\b(?:remaining|another|additional|further)[ \u00a0]+$", re.I)
_GAPPED_RE = re.compile(
    r",?[ \u00a0]+(?:and|while|but)[ \u00a0]+(?:the[ \u00a0]+)?(?:[A-Z][\w.'’-]*[ \u00a0]+){1,3}"
)
# A counted noun written into a row (not a currency, a ratio or a unit symbol).
_COUNT_UNIT_RE = re.compile(r"[a-z]{3,}")
_NOT_COUNT_UNITS = frozenset(
    {"percent", "point", "times"} | {p["unit"] for p in lexicon.load("units")["patterns"]}
)
_RANGE_TO_RE = re.compile(r"[ \u00a0]*(?:-|–|to)[ \u00a0]*", re.I)

# "Of the 480 companies traded, 289 closed higher": a sentence that opens on a set.
_SET_OPENING_RE = re.compile(r"^(?:Of|Among)[\s\u00a0]+(?:the|all)[\s\u00a0]+$")
_PER_DOLLAR_RE = re.compile(
    r"^[\s\u00a0]*(?:per|a|against[\s\u00a0]+the|to[\s\u00a0]+the|versus[\s\u00a0]+the)"
    r"[\s\u00a0]+(?:U\.?S\.?[\s\u00a0]+|American[\s\u00a0]+)?(?P<cur>dollar|greenback|euro)\b",
    re.I,
)
_PRICE_VERBS = lexicon.words("currencies", "price_verbs")
# "141.65 yen, off 0.45", "utilities 215.86, up 0.19": a move written after a level.
_MOVE_AFTER_LEVEL_RE = re.compile(r"[\s\u00a0]*,[\s\u00a0]*(off|up|down)[\s\u00a0]+", re.I)
# The word just before a level with no unit: "industrials 2596.72", "spot index 130.80".
_NAMED_LEVEL_RE = re.compile(r"\b([A-Za-z]+)[\s\u00a0]+$")
_LIST_ENTRY_RE = re.compile(r";[\s\u00a0]*(?:[A-Za-z]+[\s\u00a0]+){1,3}$")
_INDEX_LEVEL_WORDS = lexicon.words("subjects", "index_words") | lexicon.words(
    "subjects", "index_level_words"
)
_DOLLAR_SIGN_RE = re.compile(
    rf"(?<![A-Za-z.])({_alternation(_DOLLAR_PREFIXES)})?\$(?=[ \u00a0]?\d)"
)
_DECIMALS_END_RE = re.compile(r"\d\.\d+$")
_STERLING_RE = re.compile(r"\s+sterling$")
_DATELINE_SPLIT_RE = re.compile(r"[,(]|--|—")
_PKR_CONTEXT_RE = re.compile(r"\b(?:Pakistani|Pak|PKR)\b")
_INR_CONTEXT_RE = re.compile(r"\b(?:Indian|INR)\b|₹")


def _borrow_unit(
    ctx: _Context, sent: _Sentence, quantities: list[_Quantity], idx: int
) -> str | None:
    """Give a bare number the unit the text leaves implied; say how it was found.

    "53 seats, up from 48" (a comparison base takes the unit of its figure), "136 of the
    country's 308 municipalities" (a part takes the unit of its whole), "Of the 480 companies
    traded, 289 advanced" (the members of a set named at the start), "the yen weakened to
    154.90 per dollar" (an exchange rate is in the currency it prices).
    """
    q = quantities[idx]
    text = ctx.text
    before = text[max(sent.start, q.start - 40) : q.start]
    after = text[q.num_end : sent.end]
    donor: _Quantity | None = None
    how = None
    prev = quantities[idx - 1] if idx else None
    move = prev and _MOVE_AFTER_LEVEL_RE.fullmatch(text[prev.end : q.num_start])
    if prev is not None and move and prev.kind != "bare":
        # "141.65 yen, off 0.45": a market table's move, in the unit of the level before it.
        donor, how = prev, "move"
        q.change = True
        q.direction = "up" if move.group(1).lower() == "up" else "down"
    elif _MAGNITUDE_BEFORE_RE.search(before) or _RICHTER_AFTER_RE.match(after):
        q.unit, q.kind, q.year_like = "magnitude", "measure", False  # "a magnitude 6.4 quake"
        return "magnitude"
    elif _index_level(ctx, sent, quantities, idx):
        q.unit, q.kind, q.year_like = "point", "measure", False
        return "index"
    elif _BASE_BEFORE_RE.search(before) and idx:
        donor, how = quantities[idx - 1], "base"
    elif idx + 1 < len(quantities) and _PART_OF_RE.fullmatch(
        text[q.num_end : quantities[idx + 1].num_start]
    ):
        donor, how = quantities[idx + 1], "part"
    elif (
        idx + 2 < len(quantities)
        and _RANGE_TO_RE.fullmatch(text[q.num_end : quantities[idx + 1].start])
        and _PART_OF_RE.fullmatch(text[quantities[idx + 1].num_end : quantities[idx + 2].num_start])
    ):
        donor, how = quantities[idx + 2], "part"  # "275 to 350 of its 21,000 jobs"
        q.range_first = True
    elif idx and _SET_OPENING_RE.match(text[sent.start : quantities[0].start]):
        donor, how = quantities[0], "member"
    if donor is None and _elliptic_count(ctx, sent, quantities, idx):
        return "ellipsis"
    if donor is not None and donor.kind in {"count", "percent", "pp", "measure", "currency"}:
        if donor.kind == "currency" and how not in {"base", "move"}:
            return None
        q.unit, q.kind, q.count_token = donor.unit, donor.kind, donor.count_token
        q.year_like = False
        return how
    currency = _priced_currency(ctx, sent, q, after)
    if currency is not None:
        q.unit, q.kind, q.year_like = currency, "currency", False
        against = _PER_DOLLAR_RE.match(after)
        if against:
            q.per = against.group("cur").lower()  # "154.90 per dollar"
        return "rate"
    return None


def _elliptic_count(ctx: _Context, sent: _Sentence, quantities: list[_Quantity], idx: int) -> bool:
    """ "Rubio has won 25 delegates and Kasich has won 13", "Cruz has 69": the noun left out.

    A bare number that a verb of having or winning takes, with no noun after it, counts what the
    last count before it counted: one earlier in the sentence, else the last figure of the
    sentences just before, when that was a count.
    """
    q = quantities[idx]
    tok = _token_at(ctx.doc, q.num_start)
    if tok is None or not _ELLIPSIS_END_RE.match(ctx.text, q.num_end):
        return False
    prev = quantities[idx - 1] if idx else None
    gapped = prev is not None and prev.kind == "count" and bool(prev.unit)
    if prev is not None and gapped and _GAPPED_RE.fullmatch(ctx.text, prev.end, q.start):
        # "Iraq has 17 million residents, and Kuwait about 1.9 million": the verb and the
        # noun both left out of the second clause.
        q.unit, q.count_token = prev.unit, prev.count_token
        q.kind, q.year_like = "count", False
        return True
    verb = tok.head.head if tok.head.pos_ == "ADP" else tok.head
    window = max(sent.start, q.start - 30)
    rest = _REST_OF_SET_RE.search(ctx.text, window, q.start)
    # The parse often misreads lists of tallies ("Kasich has 129 and Rubio ..."): the verb
    # written just before the number says as much.
    written = _ELLIPSIS_VERB_BEFORE_RE.search(ctx.text, window, q.start)
    if (
        rest is None
        and written is None
        and (verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _ELLIPSIS_VERBS)
    ):
        return False  # but "the remaining 2.2 million", "another 300": more of the same
    moves = [d for d in quantities[:idx] if d.kind in {"pp", "percent"}]
    if written and written.group("move") and moves:
        # "Trump lost six percentage points and Cruz gained six": the points of the first.
        q.unit, q.kind, q.year_like = moves[-1].unit, moves[-1].kind, False
        return True
    earlier = [d for d in quantities[:idx] if d.kind == "count" and d.unit]
    if earlier:
        q.unit, q.count_token = earlier[-1].unit, earlier[-1].count_token
    else:
        last = ctx.recent[-1][0] if ctx.recent else None
        if (
            last is None
            or q.start - last.end_char > 400
            or not _COUNT_UNIT_RE.fullmatch(last.unit)
            or last.unit in _NOT_COUNT_UNITS
        ):
            return False
        q.unit = last.unit
    q.kind, q.year_like = "count", False
    return True


def _index_level(ctx: _Context, sent: _Sentence, quantities: list[_Quantity], idx: int) -> bool:
    """ "Dow Jones industrials 2596.72", "transportation 1190.43" after it: an index's level.

    A market table names the index and gives its level with no unit; the next entries of the
    list, after a semicolon, are levels of the same kind.
    """
    q = quantities[idx]
    before = ctx.text[max(sent.start, q.num_start - 30) : q.num_start]
    m = _NAMED_LEVEL_RE.search(before)
    if m is None:
        return False
    if m.group(1).lower() in _INDEX_LEVEL_WORDS:
        return True
    prev = quantities[idx - 1] if idx else None
    return (
        prev is not None
        and prev.unit == "point"
        and _LIST_ENTRY_RE.search(ctx.text[prev.end : q.num_start]) is not None
    )


def _priced_currency(ctx: _Context, sent: _Sentence, q: _Quantity, after: str) -> str | None:
    """ "The rupee closed at 280.95 against the dollar": the currency whose price it is."""
    tok = _token_at(ctx.doc, q.num_start)
    if tok is None:
        return None
    verb = tok.head.head if tok.head.pos_ == "ADP" else tok.head
    owner = _verb_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if owner is None or owner.lemma_.lower() not in _CURRENCY_NAMES:
        return None
    if not _PER_DOLLAR_RE.match(after) and verb.lemma_.lower() not in _PRICE_VERBS:
        return None
    name = owner.lemma_.lower()
    if name == "rupee":
        return _rupee_in_sentence(ctx, sent) or ctx.rupee_code
    if name in _SHARED_NAMES:
        code = _national(name, list(_context_countries(ctx, sent)))
        if code:
            return code
    return _CURRENCY_NAMES[name]


def _attach_currency(
    ctx: _Context, sent: _Sentence, q: _Quantity, cents: re.Match[str] | None
) -> None:
    """Currency written before the number ("US$", "Rs", "AED") or after it ("yuan")."""
    text = ctx.text
    before = text[max(sent.start, q.num_start - 12) : q.num_start]
    prefix = _CUR_PREFIX_RE.search(before)
    if prefix and prefix.group("sym") == "#" and not q.has_scale:
        prefix = None  # "the #1 seller"; "#557 million" is pounds
    if prefix:
        q.start = q.num_start - (len(before) - prefix.start())
        q.unit, q.kind = _currency_from_prefix(ctx, sent, prefix), "currency"
    elif cents:
        adj = _SPACES_RE.sub(" ", (cents.group("adj") or "").lower())
        q.unit = _CENT_ADJECTIVES.get(adj) or _CENT_CURRENCIES.get(cents.group("n").lower())
        q.unit = q.unit or _dollar_of_story(ctx, q.num_start)
        q.kind = "currency"
    else:
        suffix = _CUR_SUFFIX_RE.match(text[q.num_end : sent.end])
        if suffix and _currency_word_ok(ctx, q.num_end, suffix):
            q.unit = _currency_from_name(ctx, sent, suffix, q.num_end)
            q.kind = "measure" if q.unit == "lb" else "currency"
            q.end = q.num_end + suffix.end()
    if q.kind == "currency":
        # "$65 a barrel", "Rs 11 per share": a price. The unit stays the currency (ISO 4217);
        # what the price is quoted per goes into the subject.
        per = _CUR_PER_RE.match(text[q.end : sent.end])
        if per:
            if per.group("pb"):
                q.per = "barrel"
            elif not per.group("apiece"):
                word = _SPACES_RE.sub(" ", (per.group("per") or per.group("any")).lower())
                q.per = _PER_WORDS.get(word, word)
            q.end += per.end()
            more = _CUR_PER_MORE_RE.match(text[q.end : sent.end])
            if more and q.per:
                q.per = f"{q.per} per {more.group('any').lower()}"
                q.end += more.end()


def _dollar_of_story(ctx: _Context, pos: int) -> str:
    """The dollar whose cents these are: "C$2.6 million, or 18 cents a share" is Canadian."""
    before = ctx.text[max(0, pos - 300) : pos]
    dollars = [m.group(1) for m in _DOLLAR_SIGN_RE.finditer(before)]
    return _DOLLAR_PREFIXES.get(dollars[-1], "USD") if dollars else "USD"


def _currency_word_ok(ctx: _Context, num_end: int, sx: re.Match[str]) -> bool:
    """Reject "won" as a verb and "pounds" of weight."""
    name = sx.group("name").lower()
    if name.startswith("mark") and not sx.group("adj"):
        # "1.8300 marks", "12 million marks" are money; "scored 45 marks" is not.
        number = ctx.text[max(0, num_end - 16) : num_end]
        return bool(_SCALE_SPACED_RE.search(number) or _DECIMALS_END_RE.search(number))
    if name == "won":
        # "58 billion won" is money; "the party 3 won" is not. The tagger often calls it a verb.
        scaled = bool(_SCALE_SPACED_RE.search(ctx.text[max(0, num_end - 12) : num_end]))
        tok = _token_at(ctx.doc, num_end + sx.start("name"))
        return scaled or tok is None or tok.tag_ not in {"VBD", "VBN"}
    return True


def _currency_from_prefix(ctx: _Context, sent: _Sentence, m: re.Match[str]) -> str:
    if m.group("dsym"):
        return _DOLLAR_PREFIXES.get(m.group("dpre"), "USD")
    sym = m.group("sym")
    if sym:
        if sym == "¥":
            return "JPY" if _japan_context(ctx, sent) else "CNY"
        return _CURRENCY_SYMBOLS[sym]
    code = m.group("code")
    if code == "Rs":
        return _rupee_in_sentence(ctx, sent) or ctx.rupee_code
    return _CURRENCY_CODES[code]


def _currency_from_name(ctx: _Context, sent: _Sentence, m: re.Match[str], offset: int) -> str:
    name = m.group("name").lower()
    adj = _SPACES_RE.sub(" ", (m.group("adj") or "").lower())
    weight = _OF_AFTER_RE.match(ctx.text[offset + m.end() : offset + m.end() + 6])
    if name.startswith("pound") and "sterling" not in name and not adj and weight:
        return "lb"  # "5 pounds of meat" is a weight
    base = _STERLING_RE.sub("", name)
    base = base[:-1] if base.endswith("s") and base[:-1] in _CURRENCY_NAMES else base
    if base.endswith("s") and base not in _CURRENCY_NAMES:
        base = base[:-1]
    if adj and f"{adj} {base}" in _CURRENCY_ADJECTIVES:
        return _CURRENCY_ADJECTIVES[f"{adj} {base}"]
    if base == "rupee":
        return _rupee_in_sentence(ctx, sent) or ctx.rupee_code
    if base in _SHARED_NAMES:
        # "pesos" in a Manila story are Philippine pesos.
        code = _national(base, list(_context_countries(ctx, sent)))
        if code:
            return code
    return _CURRENCY_NAMES.get(base, base.upper())


def _rupee_code(text: str, mentions: list[EntityMention]) -> str:
    """INR, unless the article is about Pakistan: its dateline first, then its places."""
    dateline = _DATELINE_SPLIT_RE.split(text.lstrip()[:80], maxsplit=1)[0].strip().lower()
    if dateline in _PAKISTAN_PLACES:
        return "PKR"
    if dateline in _INDIA_PLACES:
        return "INR"
    pk = sum(1 for m in mentions if m.entity_type == "GPE" and (m.country_code == "PK"))
    india = sum(1 for m in mentions if m.entity_type == "GPE" and (m.country_code == "IN"))
    if not pk and not india:
        words = _LOWER_WORDS_RE.findall(text.lower())
        pk = sum(1 for w in words if w in _PAKISTAN_PLACES)
        india = sum(1 for w in words if w in _INDIA_PLACES)
    return "PKR" if pk > india else "INR"


def _rupee_in_sentence(ctx: _Context, sent: _Sentence) -> str | None:
    sentence = ctx.text[sent.start : sent.end]
    if _PKR_CONTEXT_RE.search(sentence):
        return "PKR"
    if _INR_CONTEXT_RE.search(sentence):
        return "INR"
    return None
