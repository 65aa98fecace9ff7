"""The lexical pass: number phrases found in the raw text of a sentence (digits or words, scale,
currency, unit, qualifier, direction words), fractions and ratios, ranges joined, and the numbers
that are no facts (years, dates, clock times, ordinals, names, phone numbers, list numbering).
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Token

from transforms import lexicon
from transforms.metrics.context import (
    _PREV_NAME_WORD_RE,
    _SPACES_RE,
    _alternation,
    _Context,
    _overlaps,
    _Quantity,
    _Sentence,
    _token_at,
)
from transforms.metrics.currency import (
    _CENT_ADJECTIVES,
    _CUR_PREFIX_RE,
    _attach_currency,
)
from transforms.metrics.fractions import _fraction_quantities, _multipliers, _vague_amounts
from transforms.metrics.inflection import _singular_word
from transforms.metrics.numbers import (
    _DIGITS_RE,
    _SCALES,
    _W_BASIC,
    _numeral_value,
    _scale,
    _unscaled,
    _words_value,
)
from transforms.metrics.units import (
    _COMPOUND_COUNT_RE,
    _GENERIC_COUNT_NOUNS,
    _LETTERS_RE,
    _count_unit,
    _glued_unit_ok,
    _match_unit,
)

_YEAR_PREPOSITIONS = lexicon.words("numbers", "metrics.year_prepositions")
_QUALIFIER_PHRASES = lexicon.by_word("numbers", "metrics.qualifiers")

_UP_PARTICLE_VERBS = lexicon.words("changes", "up_particle_verbs")
_UNCHANGING_PLURALS = lexicon.words("inflections", "unchanging_plurals")
_TIME_UNIT_NOUNS = lexicon.words("counts", "time_unit_nouns")
_HYPHEN_NOT_COUNTED = lexicon.words("counts", "hyphen_not_counted")
_AT_ONE_POINT_RE = re.compile(r"\bat[ \u00a0]+$", re.I)
_POINT_GAP_RE = re.compile(
    r"-point[\s\u00a0]+(?:[a-z]+[\s\u00a0]+)?(?:"
    + _alternation(lexicon.words("measures", "point_gap_nouns"))
    + r")s?\b",
    re.I,
)
_POLL_WORDS = lexicon.words("subjects", "poll_words")
_MARKET_WORDS = lexicon.words("subjects", "market_words")
_INDEX_WORDS = lexicon.words("subjects", "index_words")
_OF_WHOLE_RE = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:the|its|their|his|her|our|[A-Z][\w&.-]*['’]s?)[ \u00a0]+"
)
_POLL_TOKEN_RE = re.compile(r"[a-z&]+|%")
_MODIFIED_WORD_RE = re.compile(r"[ \u00a0]+[A-Za-z]")
_NAME_PRECEDERS = lexicon.words("numbers", "metrics.name_preceders")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_W_SCALE = r"hundred|thousand|million|billion|trillion|lakhs?|lacs?|crores?|dozen"
_WORDS_RE = re.compile(
    rf"\b(?:half\s+an?\s+(?:{_W_SCALE})"
    rf"|(?:an?|{_W_BASIC})(?:\s+and\s+a\s+half)?(?:[\s-]+(?:and\s+)?(?:{_W_BASIC}|{_W_SCALE}))*)\b",
    re.I,
)
_CENTS_RE = re.compile(
    rf"[ \u00a0]*+(?:(?P<adj>{_alternation(_CENT_ADJECTIVES)})[ \u00a0]++)?"
    r"(?P<n>cents?|pence|paise|fils|sen)\b",
    re.I,
)
_QUAL_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(\[,;:\"“'‘—–-]))(?P<q>" + _alternation(_QUALIFIER_PHRASES) + r")[\s\u00a0]*$",
    re.I,
)
_QUAL_AFTER_RE = re.compile(
    r"^(?:[ \u00a0]*(?P<least>or\s+more|or\s+above|and\s+above|or\s+higher|and\s+more)\b"
    r"|[ \u00a0]*(?P<most>or\s+less|or\s+fewer|or\s+below|and\s+below|or\s+lower)\b"
    r"|(?P<plus>\+|-plus\b))",
    re.I,
)
_DIR_BEFORE_RE = re.compile(r"\b(?P<d>up|down)(?:\s+by)?[\s\u00a0]+$", re.I)

# "make up 40 percent", "set up 5 plants": a phrasal verb, not a direction.
_PHRASAL_UP_RE = re.compile(
    r"\b(?:make|makes|made|making|take|takes|took|taken|taking|set|sets|setting|sum|sums"
    r"|summed|sign|signs|signed|signing|line|lined|open|opened|opening|shore|shored|break|broke"
    r"|broken|cut|cuts|cutting|scale|scaled|ramp|ramped|ramping)[\s\u00a0]*$",
    re.I,
)
_DIR_AFTER_RE = re.compile(r"^[\s\u00a0]+(?P<d>higher|lower)\b", re.I)
_MONTH_BEFORE_RE = re.compile(rf"\b{_MONTHS}[ \u00a0]*$")
_MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?[ \u00a0]*(?:of[ \u00a0]+)?{_MONTHS}(?![a-z])")
_ORDINAL_AFTER_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_CLOCK_AFTER_RE = re.compile(
    r"^(?::\d{2}|[ \u00a0]?(?:[ap]\.?[ \u00a0]?m\b\.?|hrs\b|GMT\b|UTC\b|IST\b|EST\b|EDT\b|PST\b"
    r"|BST\b|CET\b|o'clock\b|hours?[ \u00a0]+(?:GMT|UTC|local))|[ap]m\b)",
    re.I,
)
_LIST_PREFIX_RE = re.compile(r"(?:^|\n)[ \t]*[(\[]?$")
_LIST_SUFFIX_RE = re.compile(r"^[.)\]][ \t]")
_HYPHEN_WORD_RE = re.compile(r"^[-–][ \u00a0]?([A-Za-z]+)")
_PER_BEFORE_RE = re.compile(r"(?:\bper|\bfor\s+every|/)[ \u00a0]*$", re.I)
_RATIO_AFTER_RE = re.compile(
    rf"^[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+(?:(?!(?:1[89]|2[01])\d\d\b)\d|every\b"
    rf"|(?:{_W_BASIC})\b)",
    re.I,
)
_RATIO_BEFORE_RE = re.compile(
    rf"(?:\d|\b(?:{_W_BASIC}))[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+$", re.I
)
_RANGE_JOIN_RE = re.compile(r"^[ \u00a0]*(?:-|–|—|to|and|or)[ \u00a0]*$", re.I)
_BETWEEN_RE = re.compile(r"\bbetween[ \u00a0]+$", re.I)
_PERIOD_PRECEDERS = lexicon.words("periods", "period_preceders")

_ESTIMATED_RE = re.compile(
    r"\bestimated[\s\u00a0]+(?:at|to[\s\u00a0]+be|(?:[a-z-]+[\s\u00a0]+){1,2}of)[\s\u00a0]*$",
    re.I,
)
_BOUND_VERB_RE = re.compile(
    r"\b(?:exceed(?:ed|s)?|surpass(?:ed|es)?|cross(?:ed|es)?|topp?(?:ed|s)?)[\s\u00a0]+"
    r"(?:the[\s\u00a0]+)?$",
    re.I,
)
_WORD_SPLIT_RE = re.compile(r"[\s-]+")
_PREV_WORD_RE = re.compile(r"([A-Za-z']++)[ \u00a0]*+$")
_SCORE_AFTER_RE = re.compile(
    r"[ \u00a0]*(?:to|-|–)[ \u00a0]*\d+(?:\.\d+)?[ \u00a0]*(?:%|per[ \u00a0]?cent|percent)", re.I
)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_UP_TO_END_RE = re.compile(r"\bup\s+to\s*$", re.I)
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|both|other)\s+$", re.I
)


def _find_quantities(ctx: _Context, sent: _Sentence) -> list[_Quantity]:
    text = ctx.text
    found: list[_Quantity] = []
    for m in _DIGITS_RE.finditer(text, sent.start, sent.end):
        q = _digit_quantity(ctx, sent, m.start(), m.end(), m.group())
        if q is not None:
            found.append(q)
    for m in _WORDS_RE.finditer(text, sent.start, sent.end):
        q = _word_quantity(ctx, sent, m.start(), m.end(), m.group())
        if q is not None:
            found.append(q)
    found.extend(_fraction_quantities(ctx, sent, _qualify))
    found.extend(_vague_amounts(ctx, sent))
    found.extend(_multipliers(ctx, sent, _qualify))
    found.sort(key=lambda q: (q.start, -q.end))
    kept: list[_Quantity] = []
    for q in found:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept


def _digit_quantity(
    ctx: _Context, sent: _Sentence, start: int, end: int, digits: str
) -> _Quantity | None:
    text = ctx.text
    before = text[max(sent.start, start - 60) : start]
    after = text[end : min(sent.end, end + 80)]
    if _overlaps(start, end, ctx.blocked):
        return None
    prev_char = text[start - 1] if start > 0 else ""
    if prev_char.isalpha() and not _CUR_PREFIX_RE.search(before):
        return None  # letters glued to the number are a name ("G20"), unless a currency ("Rs5")
    if prev_char in "-–" and start >= 2 and text[start - 2].isalpha():
        return None  # "F-16", "Covid-19"
    if prev_char in ":/." and start >= 2 and text[start - 2].isdigit():
        return None  # clock times, dates, version numbers
    if after[:1] in {":", "/"} and after[1:2].isdigit():
        return None
    if after[:1] == "." and after[1:2].isdigit():
        return None
    if _ORDINAL_AFTER_RE.match(after) or _CLOCK_AFTER_RE.match(after):
        return None
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after):
        return None
    if _LIST_PREFIX_RE.search(text[max(0, start - 8) : start]) and _LIST_SUFFIX_RE.match(after):
        return None
    value = _numeral_value(digits)
    year_like = digits.isdigit() and len(digits) == 4 and 1800 <= value <= 2100
    return _complete_quantity(ctx, sent, start, end, value, year_like=year_like, words=False)


def _word_quantity(
    ctx: _Context, sent: _Sentence, start: int, end: int, phrase: str
) -> _Quantity | None:
    words = [w for w in _WORD_SPLIT_RE.split(phrase.lower()) if w]
    parsed = _words_value(words)
    if parsed is None and len(words) > 1 and words[0] in {"a", "an"}:
        # "a three-member panel": the article is no part of the number.
        start = [wm.start() for wm in _LETTERS_RE.finditer(ctx.text, start, end)][1]
        words = words[1:]
        parsed = _words_value(words)
    if parsed is None:
        return None
    value, used = parsed
    # The parser may stop before the end of the match ("two one" is no number).
    word_ends = [start + wm.end() for wm in _LETTERS_RE.finditer(ctx.text[start:end])]
    end = word_ends[used - 1]
    if _overlaps(start, end, ctx.blocked):
        return None
    q = _complete_quantity(ctx, sent, start, end, value, year_like=False, words=True)
    if q is None:
        return None
    if value == 1 and q.kind in {"bare", "count"}:
        return None
    return q


def _complete_quantity(
    ctx: _Context,
    sent: _Sentence,
    num_start: int,
    core_end: int,
    value: float,
    *,
    year_like: bool,
    words: bool,
) -> _Quantity | None:
    """Grow a number core into a quantity: scale, currency, unit, counted noun, qualifier.

    Long on purpose (a little over 80 lines): each step extends the span the next one reads
    from, in the order the words follow the number, so the steps stay in one function.
    """
    text = ctx.text
    limit = sent.end
    multiplier, num_end, glued_short = _scale(text, core_end, limit, words)
    value *= multiplier
    has_scale = multiplier > 1 or (words and value >= 1000)
    rest = text[num_end:limit]
    cents = None if has_scale else _CENTS_RE.match(rest)
    if cents:
        value /= 100  # "4 cents per kWh": a price in hundredths of the currency
        num_end += cents.end()
        rest = text[num_end:limit]
    elif not words and rest[:1].isalpha() and not has_scale and not _glued_unit_ok(rest):
        return None  # "5G", "3D", "21st"
    q = _Quantity(num_start, num_end, num_start, num_end, value, None, "bare")
    q.has_scale, q.year_like = has_scale, year_like
    _attach_currency(ctx, sent, q, cents)
    hyphen = _HYPHEN_WORD_RE.match(rest)
    if q.kind == "bare":
        unit_match = _match_unit(rest, glued_short)
        if unit_match is not None:
            if unit_match[0] == "point" and hyphen and not _POINT_GAP_RE.match(rest):
                return None  # "a 10-point plan"; but "a 16-point lead" is a gap in points
            if unit_match[0] == "point" and words and _AT_ONE_POINT_RE.search(text, 0, num_start):
                return None  # "at one point": a moment, no figure
            q.unit, multiplier, length = unit_match
            if q.unit == "point" and _about_a_poll(text[sent.start : sent.end]):
                q.unit = "percentage_point"  # "Clinton leads by six points"
            q.value *= multiplier
            q.end = num_end + length
            q.kind = {"percent": "percent", "percentage_point": "pp"}.get(q.unit, "measure")
        elif hyphen and (words or (not glued_short and hyphen.group(1).lower() not in _SCALES)):
            counted = _hyphen_counted(ctx, num_end, hyphen) if value else None
            if counted is None:
                return None  # "3-day", "45-year-old", "two-week", "one-sided"
            q.unit, q.kind = counted, "count"  # "the 87-store chain", "a four-member panel"
            q.end = num_end + hyphen.end()
            q.year_like = False
    if q.kind == "bare":
        q.count_token = _counted_noun(ctx, num_start, num_end)
        if q.count_token is not None:
            if q.count_token.lemma_.lower() in _TIME_UNIT_NOUNS:
                return None  # durations: "two weeks", "10 years"
            q.unit = _count_unit(ctx, q.count_token)
            q.kind = "count"
            q.end = q.count_token.idx + len(q.count_token.text)
            compound = _COMPOUND_COUNT_RE.match(text, q.count_token.idx)
            if compound:
                q.end = compound.end()  # "four memoranda of understanding"
        elif glued_short and not words:
            return None  # "a 100m race"
        elif (has_scale or not words) and (part_of := _counted_whole(ctx, num_end)) is not None:
            # "1.8 million of the new shares", "449 of the party insiders": a part of a whole.
            q.unit, q.kind, q.count_token = _count_unit(ctx, part_of), "count", part_of
    if q.kind not in {"bare", "count"}:
        q.year_like = False
    elif q.year_like and q.kind == "count":
        # "in 2020 people ...": still a year; "2000 people were evacuated": a count.
        prev_word = _PREV_WORD_RE.search(text[sent.start : q.start])
        if prev_word and prev_word.group(1).lower() in _YEAR_PREPOSITIONS:
            return None
        q.year_like = False
    if q.kind in {"bare", "count"} and _looks_like_a_name_or_reference(ctx, sent, q):
        return None
    if _PER_BEFORE_RE.search(text[max(sent.start, q.start - 12) : q.start]):
        return None  # "Rs 3,500 per 40 kilograms", "5 deaths per 100,000 people": a denominator
    ratio = q.kind in {"bare", "count"} and (
        _RATIO_AFTER_RE.match(text[q.num_end : q.num_end + 12])
        or _RATIO_BEFORE_RE.search(text[max(sent.start, q.start - 12) : q.start])
    )
    if ratio:
        return None  # "3 in 10 households": a proportion, not two counts
    _qualify(ctx, sent, q)
    return q


def _looks_like_a_name_or_reference(ctx: _Context, sent: _Sentence, q: _Quantity) -> bool:
    """Numbers in names ("Boeing 737", "WNEVC 2025") and references ("the two countries")."""
    if _is_name_number(ctx, sent, q.start):
        return True
    if _overlaps(q.num_start, q.num_end, ctx.name_spans):
        return True
    if _inside_name_entity(ctx, q.num_start, q.num_end):
        return True
    if not _determiner_before(ctx.text, sent.start, q.start):
        return False
    if ctx.text[q.num_end : q.num_end + 1] in {"-", "–"}:
        return False  # "her 38-page ruling" describes the ruling, it refers to no set
    # "the two sides", "its 27 members" refer to a known set; "the 480 companies traded" and
    # "the 85 needed for a majority" still state how many.
    digits = ctx.text[q.num_start : q.num_end]
    return not (digits[:1].isdigit() and q.value >= 50)


def _qualify(ctx: _Context, sent: _Sentence, q: _Quantity) -> None:
    text = ctx.text
    before = text[max(sent.start, q.start - 40) : q.start]
    q.body_start = q.start
    m = _QUAL_BEFORE_RE.search(before)
    if m and m.group("q").lower().startswith("up"):
        # "edged up to 4.4%": a verb's particle and "to", not the bound "up to".
        prev = _token_at(ctx.doc, q.start - len(before) + m.start("q") - 2)
        if prev is not None and prev.lemma_.lower() in _UP_PARTICLE_VERBS:
            m = None
    if m:
        phrase = _SPACES_RE.sub(" ", m.group("q").lower())
        q.qualifier = _QUALIFIER_PHRASES[phrase]
        q.start -= len(before) - m.start("q")
        before = text[max(sent.start, q.start - 40) : q.start]
    elif _ESTIMATED_RE.search(before):
        q.qualifier = "approximately"  # "losses estimated at 420 million yuan"
    elif _BOUND_VERB_RE.search(before):
        q.qualifier = "more_than"  # "rainfall exceeded 1,600 millimeters"
    after = text[q.end : min(sent.end, q.end + 30)]
    am = _QUAL_AFTER_RE.match(after)
    trailing = am is not None
    if am is None and q.end > q.num_end:
        # "10,000 or more people": the qualifier sits between the number and the noun.
        am = _QUAL_AFTER_RE.match(text[q.num_end : min(sent.end, q.num_end + 30)])
    if am:
        if am.group("least"):
            q.qualifier = "at_least"
        elif am.group("most"):
            q.qualifier = "at_most"
        else:
            q.qualifier = "more_than"
        if trailing:
            q.end += am.end()
    dm = _DIR_BEFORE_RE.search(before)
    if dm and not _UP_TO_END_RE.search(before) and not _PHRASAL_UP_RE.search(before[: dm.start()]):
        q.direction = dm.group("d").lower()
        q.change = True
    da = _DIR_AFTER_RE.match(text[q.end : min(sent.end, q.end + 12)])
    if da:
        q.direction = "up" if da.group("d").lower() == "higher" else "down"
        q.change = True


def _counted_whole(ctx: _Context, num_end: int) -> Token | None:
    """The plural noun of "of the new shares", "of its customers" after a scaled number."""
    m = _OF_WHOLE_RE.match(ctx.text, num_end)
    if m is None:
        return None
    tok = _token_at(ctx.doc, m.end())
    for _ in range(4):
        if tok is not None and tok.tag_ == "POS" and tok.i + 1 < len(ctx.doc):
            tok = ctx.doc[tok.i + 1]  # "66 of the state's delegates"
        if tok is None or tok.like_num or tok.tag_ not in {"JJ", "VBN", "NN", "NNS"}:
            return None
        if tok.tag_ == "NNS":
            return None if tok.lemma_.lower() in _TIME_UNIT_NOUNS else tok
        tok = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    return None


def _about_a_poll(sentence: str) -> bool:
    words = set(_POLL_TOKEN_RE.findall(sentence.lower()))
    return bool(words & _POLL_WORDS) and not words & (_MARKET_WORDS | _INDEX_WORDS)


def _hyphen_counted(ctx: _Context, num_end: int, hyphen: re.Match[str]) -> str | None:
    """The unit of a count written as a modifier: "the 169-seat chamber", "a 38-page ruling".

    The word after the hyphen must be a singular noun that modifies a following word; units of
    time ("3-day"), ages ("45-year-old") and the words of `counts.hyphen_not_counted` ("a
    10-point plan", "a two-state solution") are no counts.
    """
    word = hyphen.group(1)
    low = word.lower()
    if not word.islower() or low in _TIME_UNIT_NOUNS or low in _HYPHEN_NOT_COUNTED:
        return None
    after = ctx.text[num_end + hyphen.end() : num_end + hyphen.end() + 3]
    if not _MODIFIED_WORD_RE.match(after):
        return None  # "45-year-old", "the 12-nation." at the end of a clause
    tok = _token_at(ctx.doc, num_end + hyphen.start(1))
    if tok is None or tok.tag_ != "NN":
        return None
    return _singular_word(low)


def _counted_noun(ctx: _Context, num_start: int, num_end: int) -> Token | None:
    """The noun a bare number counts ("1,200 people"), found through the parse."""
    span = ctx.doc.char_span(num_start, num_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = span[-1]
    for tok in span:
        head = tok.head
        if head.dep_ == "poss" and head.head.i > head.i:
            head = head.head  # "3,027,330 Acme's shares": the owner's name sits between
        if head.i > last.i and head.pos_ in {"NOUN", "PROPN"} and head.i - last.i <= 4:
            between = ctx.doc[last.i + 1 : head.i]
            if all(
                (
                    b.dep_ in {"amod", "compound", "nmod", "punct", "nummod", "poss", "case"}
                    and (b.pos_ != "VERB" or b.tag_ in {"VBG", "VBN"})  # "4,000 pending cases"
                )
                or b.lower_ in {"or", "and", "more", "less", "fewer", "above", "+"}
                for b in between
            ):
                if head.pos_ == "PROPN" and head.tag_ != "NNPS":
                    return None
                if head.lemma_.lower() in {"percent", "time", "fold"}:
                    return None
                plural = (
                    head.tag_ in {"NNS", "NNPS"}
                    or _COMPOUND_COUNT_RE.match(ctx.text, head.idx)
                    or head.lower_ in _UNCHANGING_PLURALS  # "over 150 aircraft"
                )
                if plural or head.lemma_.lower() in {"people", "staff"}:
                    return head
                if head.lemma_.lower() in _GENERIC_COUNT_NOUNS | {"person", "personnel"}:
                    return head
    nxt = ctx.doc[last.i + 1] if last.i + 1 < len(ctx.doc) else None
    if (
        nxt is not None
        and nxt.tag_ in {"JJ", "VBN", "VBD"}
        and nxt.is_lower
        and last.i + 2 < len(ctx.doc)
        and ctx.doc[last.i + 2].tag_ == "NNS"
    ):
        nxt = ctx.doc[last.i + 2]  # "by 271 pledged delegates", parsed with a verb between
    if nxt is not None and nxt.tag_ == "NNS" and nxt.idx >= num_end and nxt.dep_ != "npadvmod":
        return nxt
    return None


def _is_name_number(ctx: _Context, sent: _Sentence, start: int) -> bool:
    """Numbers that belong to a name: "Boeing 737", "Vision 2030", "Section 144", "top 10"."""
    before = ctx.text[sent.start : start]
    m = _PREV_NAME_WORD_RE.search(before)
    if m is None:
        return False
    word = m.group(1)
    digits = _DIGITS_RE.match(ctx.text, start)
    if digits and _SCORE_AFTER_RE.match(ctx.text, digits.end()):
        return False  # "beat Trump 46 to 40 percent": a score, not "Boeing 737"
    if _POSSESSIVE_RE.search(word):
        return False  # "Acme's 9.4 million shares": the owner of what is counted
    if digits and "," in digits.group():
        return False  # "Volume 170,330,000 shares": names carry no thousands separators
    if word.lower().rstrip(".") in _NAME_PRECEDERS or word.lower() in _NAME_PRECEDERS:
        return True
    sentence_initial = not before[: m.start()].strip()
    if word[0].isupper() and not sentence_initial:
        return word.lower() not in _QUALIFIER_PHRASES and not _MONTH_BEFORE_RE.search(word)
    return False


def _inside_name_entity(ctx: _Context, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.ent_type_ in {"ORG", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "PERSON"}:
            ent_tokens = [t for t in ctx.doc[max(0, tok.i - 4) : tok.i + 5] if t.ent_iob_ != "O"]
            if any(t.text[:1].isupper() and not t.like_num for t in ent_tokens):
                return True
    return False


def _determiner_before(text: str, sent_start: int, start: int) -> bool:
    """ "the two countries", "its 27 members": a reference, not a count."""
    return _DETERMINER_BEFORE_RE.search(text[max(sent_start, start - 12) : start]) is not None


def _join_ranges(ctx: _Context, quantities: list[_Quantity]) -> None:
    """ "5-7 percent", "between Rs 40,000 and Rs 1.2 lakh": the two ends of one range."""
    for a, b in pairwise(quantities):
        if b.kind == "bare":
            continue
        between = bool(_BETWEEN_RE.search(ctx.text[max(0, a.start - 30) : a.start]))
        if a.kind == "bare":
            # The first number takes the unit and scale of the second.
            gap = ctx.text[a.num_end : b.start]
            if not _RANGE_JOIN_RE.match(gap) or (gap.strip().lower() == "and" and not between):
                continue
            if not a.has_scale and b.has_scale:
                a.value *= b.value / _unscaled(ctx.text, b)
                a.has_scale = True
            elif b.unit == "percentage_point" and ctx.text[b.num_end :].lstrip()[:5] == "basis":
                a.value *= 0.01
            a.unit, a.kind, a.year_like = b.unit, b.kind, False
            a.end = a.num_end
            if b.kind == "count":
                a.count_token = b.count_token
        elif not (between and a.kind == b.kind and ctx.text[a.end : b.start].strip() == "and"):
            continue
        if a.qualifier == "exact":
            a.qualifier = "at_least"
        if b.qualifier == "exact":
            b.qualifier = "at_most"
        a.range_first = True
