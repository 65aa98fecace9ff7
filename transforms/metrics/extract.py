"""The metric extractor's driver: sentence by sentence, the lexical pass, the syntactic pass,
subject, unit, measure, period, place and source of each figure, carried across sentences.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from transforms import lexicon
from transforms.metrics.attribution import _attribution
from transforms.metrics.comparison import (
    _base_period,
    _compared_with,
    _is_base,
    _own_time,
    _relative_time_after,
    _relative_time_before,
    _story_relative,
)
from transforms.metrics.context import (
    _SENT_BREAK_RE,
    _blocked_spans,
    _Context,
    _Period,
    _Quantity,
    _Reading,
    _Sentence,
    _sentences,
    _token_at,
)
from transforms.metrics.currency import _borrow_unit, _rupee_code
from transforms.metrics.geography import _geography, _mentions_from_ents
from transforms.metrics.period import (
    _AS_OF_RE,
    _announced,
    _carry,
    _comparison_times,
    _lead_time,
    _present_tense,
    _stated_time,
    _time_period,
)
from transforms.metrics.phrases import _acronyms
from transforms.metrics.quantities import _find_quantities, _join_ranges
from transforms.metrics.reading import _read
from transforms.metrics.subject import (
    _discourse_subjects,
    _final_subject,
    _framed_subject,
    _poll_subject,
    _price_subjects,
    _priced_subject,
    _quote_subject,
    _share_subject,
)
from transforms.metrics.units import _bare_unit, _has_rate_word, _resolve_unit, _safe_unit
from transforms.model import EntityMention, Metric, TimeExpression
from transforms.segment import doc_text
from transforms.timex import calendar_period

_MARKET_WORDS = lexicon.words("subjects", "market_words")
_POLL_SHARE_WORDS = lexicon.words("subjects", "poll_share_words")
_DEBT_AFTER_RE = re.compile(
    r"(?<![ \u00a0])[ \u00a0]++(?:(?:convertible|subordinated|senior|junior|secured|unsecured"
    r"|zero-coupon|government|treasury|corporate)[ \u00a0]++)*+(?:"
    + "|".join(sorted(lexicon.words("measures", "debt_nouns"), key=len, reverse=True))
    + r")\b",
    re.I,
)
_YIELD_BEFORE_RE = re.compile(r"\byield(?:ing|s)?[ \u00a0]+(?:of[ \u00a0]+)?$", re.I)
_AMOUNT_VERBS = lexicon.words("measures", "amount_verbs")
_AMOUNT_NOUNS = lexicon.words("measures", "amount_nouns")
_WORD_RE = re.compile(r"[a-z&-]+")
_PRICE_INDEX_WORDS = lexicon.words("subjects", "price_index_words")

# What separates a figure from the same figure restated: "Rs 2,500 crore ($300 million)",
# "45.6 points, or 1.2 percent".
_PAREN_JOIN_RE = re.compile(
    r"^[ \u00a0]*(?:[(\[]|,?[ \u00a0]*or\b|,?[ \u00a0]*(?:equivalent|equal)\s+to\b)[ \u00a0]*"
    r"(?:or|equivalent\s+to|worth)?[ \u00a0]*$",
    re.I,
)

# "BEIJING, Oct. 13 (Xinhua) --", "HAINAN, (UrduPoint / WAM - 28th Sep, 2025)".
_DATELINE_RE = re.compile(
    r"\s*+[A-Z][A-Z.'’ -]{1,40}(?:,[^()\n]{0,40})?\s*+\([^()\n]{1,120}\)\s*(?:--|—|–|-|:)?"
    r"|\s*+[A-Z][A-Za-z.'’ -]{1,40}(?:,[^()\n]{0,40})?\s*+\([A-Z][^()\n]{0,60}\)"
    r"\s*(?:--|—|–|-|:)?"  # "Mumbai, Oct 8 (PTI)", "Paris (AFP) -"
    r"|\s*+[A-Z][A-Z.'’ -]{1,40},[^\n/]{0,40}?/[A-Z]{2,10}/\.?"  # "MOSCOW, August 27. /TASS/."
    r"|\s*+[A-Z][A-Z.'’ -]{1,40},[^\n]{0,40}?(?:--|—)"
)
_WORTH_JOIN_RE = re.compile(r"[\s\u00a0]*+(?:worth|valued\s+at|\(|(?:,\s*+)?or)[\s\u00a0]*+", re.I)
_PRONOUN_REPORT_RE = re.compile(
    r"\b(?:he|she|they|it)\s+(?:also\s+)?(?:said|says|added|noted|told|stated|explained)\b"
    r"|\b(?:said|added|noted)\s+(?:he|she)\b",
    re.I,
)


def extract_metrics(
    doc: Doc, times: list[TimeExpression], anchor: date, mentions: list[EntityMention]
) -> list[Metric]:
    """Extract one Metric per numeric fact in an article body parsed by spaCy."""
    text = doc_text(doc)
    if not mentions:
        # Without an entity pass, spaCy's own NER still gives places and sources.
        mentions = _mentions_from_ents(doc)
    ctx = _Context(
        doc=doc,
        text=text,
        # "the first nine months" (P9M) dates a figure as the months it covers.
        times=sorted(map(calendar_period, times), key=lambda t: t.start_char),
        mentions=mentions,
        anchor=anchor,
        rupee_code=_rupee_code(text, mentions),
        blocked=_blocked_spans(text, times),
        name_spans=[
            (m.start_char, m.end_char)
            for m in mentions
            if m.entity_type not in {"GPE", "LOC", "NORP", "MONEY", "PERCENT", "QUANTITY"}
        ],
    )
    ctx.time_starts = [t.start_char for t in ctx.times]
    dateline = _DATELINE_RE.match(text)
    ctx.dateline_end = dateline.end() if dateline else 0
    ctx.acronyms = _acronyms(text)
    lead_break = _SENT_BREAK_RE.search(text, ctx.dateline_end)
    ctx.lead_end = lead_break.start() if lead_break else len(text)
    metrics: list[Metric] = []
    for sent in _sentences(doc, text):
        metrics.extend(_sentence_metrics(ctx, sent))
        if ctx.carried is None and sent.start < ctx.lead_end:
            # "PSD won ... in Sunday's local elections": the lead dates the story even when
            # its figures come later.
            lead_time = _lead_time(ctx, sent)
            if lead_time is not None:
                _carry(ctx, _time_period(ctx, lead_time))
    _discourse_subjects(ctx, metrics)
    return metrics


def _sentence_metrics(ctx: _Context, sent: _Sentence) -> list[Metric]:
    """The rows of one sentence's figures.

    Long on purpose: one loop decides each figure's subject, unit, measure, period, place and
    source in an order where each step reads the ones before it and the figure just before.
    """
    readings = _sentence_readings(ctx, sent)
    sentence_text = ctx.text[sent.start : sent.end]
    attributed = _attribution(ctx, sent)
    if attributed is None and _PRONOUN_REPORT_RE.search(sentence_text):
        attributed = ctx.previous_attribution  # "He said ...": the source named just before
    comparison_times = _comparison_times(ctx, sent)
    # "down from 48 in 2021", "from 4.17% on Thursday": a comparison base and the time that
    # dates it; that time is the base's alone.
    bases = [_is_base(ctx, sent, q) for q, _ in readings]
    linked: set[int] = set()
    for idx in range(1, len(readings)):
        gap = ctx.text[readings[idx - 1][0].end : readings[idx][0].start]
        if bases[idx - 1] and _WORTH_JOIN_RE.fullmatch(gap):
            bases[idx] = True  # "compared with 695.1 million shares worth Rs 31.2 billion"
            linked.add(idx)
    owned: dict[int, TimeExpression] = {}
    ends = _chain_ends(ctx, readings, sent.end)
    for idx, (q, _) in enumerate(readings):
        if bases[idx]:
            limit = readings[idx + 1][0].start if idx + 1 < len(readings) else sent.end
            own_time = _own_time(ctx, q, limit)
            if own_time is not None:
                owned[idx] = own_time
        # "versus net income of $5.3 million, or $1.61 a share, a year earlier".
        relative = _relative_time_after(ctx, sent, ends[idx][0], ends[idx][1])
        relative = relative or _relative_time_before(ctx, q)  # "last year's $1.55 billion"
        if relative is not None and idx not in owned:
            owned[idx] = relative
    for idx in sorted(linked, reverse=True):
        if idx in owned and idx - 1 not in owned:
            owned[idx - 1] = owned[idx]  # the pair shares the time after its second half
    excluded = comparison_times | {t.start_char for t in owned.values()}
    metrics: list[Metric] = []
    prior: tuple[_Quantity, Metric] | None = None
    prior_doer: str | None = None
    main_prior: tuple[_Quantity, Metric] | None = None
    quoted: list[tuple[_Quantity, Metric]] = []
    for idx, (q, reading) in enumerate(readings):
        restated = prior is not None and bool(
            _PAREN_JOIN_RE.match(ctx.text[prior[0].end : q.start])
        )
        if restated and prior is not None:
            # "Rs 2,500 crore ($300 million)": the same fact in another currency or unit.
            reading.subject, reading.measure = prior[1].subject, prior[1].measure
            reading.direction = prior[1].direction
            reading.doer = prior_doer
            if q.qualifier == "exact":
                q.qualifier = prior[1].qualifier  # "about 200 meters (650 feet)"
            base = reading.of_np
            if q.unit == "percent" != prior[1].unit and base and 0 <= q.value <= 100:
                # "a deficit of SAR 170 billion, or 3.4 percent of GDP": its share of GDP.
                reading.subject = _share_subject(prior[1].subject, base)
                reading.measure = "share"
        subject = _final_subject(ctx, sent, q, reading, prior[1] if prior else None, prior_doer)
        prior_doer = reading.doer
        subject = _priced_subject(subject, q)
        subject = _framed_subject(ctx, sent, q, reading, subject, bases[idx])
        subject = _quote_subject(ctx, sent, q, subject)
        unit = _resolve_unit(q, subject) if q.kind != "bare" else _bare_unit(subject)
        if unit is None:
            continue  # a bare number with nothing to count is no fact
        unit = _safe_unit(unit)
        measure = _final_measure(q, subject, reading.measure)
        if q.unit == "percent" and measure in {"level", "share"} and _poll_context(ctx, sent):
            measure = "share"  # "48 percent chose Clinton": a share of those polled
            subject = _poll_subject(ctx, q, reading.subject or "") or subject
        if measure == "level" and q.unit == "percent" and _debt_rate(ctx, sent, q):
            measure = "rate"  # "6 3/8% debentures", "priced to yield 7.51%"
        if measure == "change" and q.kind == "currency" and _money_taken(ctx, q):
            measure, reading.direction = "level", None  # "lost $7.2 million", "gains of $31m"
        if bases[idx] and prior is not None and prior[1].unit == unit and not restated:
            # "rose 4.5%, down from 5.1% in August": the base is the same kind of figure.
            measure = prior[1].measure
            reading.direction = prior[1].direction
        if measure == "share" and not 0 <= q.value <= 100:
            measure = "level"  # "debt at 120 percent of GDP" is a ratio, not a share of a whole
        period: _Period | None = None
        explicit = False
        if bases[idx] and not restated:
            period = _base_period(ctx, sent, q, owned.get(idx), prior[1] if prior else None)
        elif idx in owned and not restated:
            # A figure its own "a year earlier" dates: the period before the story's.
            earlier = main_prior[1] if main_prior else None
            period = _base_period(ctx, sent, q, owned[idx], earlier)
        if period is None:
            stated = _stated_time(ctx, sent, q, reading, excluded, [r[0] for r in readings])
            if stated is not None:
                period, explicit = _time_period(ctx, stated, reading), True
                period = _story_relative(ctx, stated, period)
                # "as of October 10" dates a stock, not the story.
                before = ctx.text[max(sent.start, stated.start_char - 12) : stated.start_char]
                explicit = not _AS_OF_RE.search(before)
            inherits = restated or (reading.inherit and not bases[idx])
            donor = prior if restated else main_prior  # never the period of a comparison base
            if donor is not None and inherits:
                # A change that follows a level shares its period unless it names its own.
                near = stated is not None and donor[0].end <= stated.start_char < q.end + 12
                if not near:
                    period = (donor[1].period_start, donor[1].period_end, donor[1].period_label)
                    explicit = False
        if period is None:
            # Agency copy states the period once and carries it until it states another.
            dated_today = (
                _is_market_quote(q, subject)
                or _announced(reading)
                or (q.unit != "percent" and _present_tense(reading))
            )
            period = _paragraph_period(ctx, sent, dated_today or _present_tense(reading))
            if period is None and ctx.carried and not dated_today:
                period = ctx.carried
            period = period or (ctx.anchor, ctx.anchor, ctx.anchor.isoformat())
        elif explicit and sent.start < ctx.lead_end:
            _carry(ctx, period)  # the lead states the story's reference period
        if explicit and not bases[idx] and not restated:
            ctx.paragraph = (q.end, period)
        compared = None
        if measure == "change":
            window_start = readings[idx - 1][0].end if idx > 0 else sent.start
            window_end = readings[idx + 1][0].start if idx + 1 < len(readings) else sent.end
            compared = _compared_with(ctx, sent, q, window_start, window_end, period[2])
        geography = _geography(ctx, sent, q, reading)
        if restated and prior is not None:
            geography = geography or prior[1].geography
        metric = Metric(
            subject=subject,
            value=q.value,
            unit=unit,
            qualifier=q.qualifier,
            measure=measure,
            direction=_final_direction(measure, reading.direction),
            period_start=period[0],
            period_end=period[1],
            period_label=period[2],
            compared_with=compared,
            geography=geography,
            attributed_to=attributed,
            text=ctx.text[q.start : q.end],
            start_char=q.start,
            end_char=q.end,
            sentence=sentence_text,
        )
        metrics.append(metric)
        ctx.recent.append((metric, reading.doer))
        quoted.append((q, metric))
        prior = (q, metric)
        if not bases[idx]:
            main_prior = prior
    _price_subjects(quoted, metrics)
    _remember(ctx, metrics, attributed)
    return metrics


def _paragraph_period(ctx: _Context, sent: _Sentence, now: bool) -> _Period | None:
    """The period of the last figure of an earlier sentence of the paragraph that states its
    own: "GM closed at $44.875 in trading yesterday. ... GM Class H closed at $29". A figure
    of today (a quote, a present state) takes only a day."""
    if ctx.paragraph is None or ctx.paragraph[0] > sent.start:
        return None
    if _SENT_BREAK_RE.search(ctx.text, ctx.paragraph[0], sent.start):
        return None
    period = ctx.paragraph[1]
    if now and not (period[0] is not None and period[0] == period[1]):
        return None
    return period


def _chain_ends(
    ctx: _Context, readings: list[tuple[_Quantity, _Reading]], sent_end: int
) -> list[tuple[int, int]]:
    """Where each figure's phrase ends, past the figures that restate it ("$5.3 million, or
    $1.61 a share"), and where the next figure after them starts."""
    out: list[tuple[int, int]] = []
    for idx in range(len(readings)):
        last = idx
        while last + 1 < len(readings) and _PAREN_JOIN_RE.match(
            ctx.text[readings[last][0].end : readings[last + 1][0].start]
        ):
            last += 1
        end = readings[last][0].end
        if ctx.text[end : end + 1] == ")":
            end += 1
        limit = readings[last + 1][0].start if last + 1 < len(readings) else sent_end
        out.append((end, limit))
    return out


def _sentence_readings(ctx: _Context, sent: _Sentence) -> list[tuple[_Quantity, _Reading]]:
    """The sentence's number phrases with their syntactic reading, non-facts left out."""
    quantities = _find_quantities(ctx, sent)
    _join_ranges(ctx, quantities)
    readings: list[tuple[_Quantity, _Reading]] = []
    for idx, q in enumerate(quantities):
        if q.year_like:
            continue
        borrowed = q.kind == "bare" and _borrow_unit(ctx, sent, quantities, idx)
        if q.range_first and idx + 1 < len(quantities):
            # The first end of a range reads like the second: "between 5 and 7 percent of".
            reading = _read(ctx, sent, quantities[idx + 1])
        else:
            reading = _read(ctx, sent, q)
        if q.kind == "bare" and not reading.keep_bare:
            continue
        if borrowed == "base":
            reading.inherit = True  # "53 seats, up from 48": the seats of the figure before
        if q.fraction:
            reading.measure = "share"
        readings.append((q, reading))
    return readings


def _final_direction(measure: str, direction: str | None) -> str | None:
    """A direction belongs to a change: a level reached by rising is still just a level."""
    return direction if measure == "change" else None


def _debt_rate(ctx: _Context, sent: _Sentence, q: _Quantity) -> bool:
    """A coupon or yield: "$125 million of 6 3/8% debentures", "priced at par to yield 9%"."""
    if _DEBT_AFTER_RE.match(ctx.text, q.end, sent.end):
        return True
    return _YIELD_BEFORE_RE.search(ctx.text, max(sent.start, q.start - 20), q.start) is not None


def _money_taken(ctx: _Context, q: _Quantity) -> bool:
    """A sum lost, raised or gained is an amount, not a move of something else: "lost $7.2
    million in its personal lines", "will raise about $9 million", "gains of $31 million"."""
    tok = _token_at(ctx.doc, q.num_start)
    if tok is None:
        return False
    head = tok
    while head.dep_ in {"nummod", "compound", "quantmod", "nmod"} and head.head.i != head.i:
        head = head.head
    gov = head.head
    if head.dep_ == "dobj" and gov.lemma_.lower() in _AMOUNT_VERBS:
        return True
    return head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in _AMOUNT_NOUNS


def _poll_context(ctx: _Context, sent: _Sentence) -> bool:
    """A sentence of a poll or vote story: a poll word in it or just before it, no market word."""
    sentence = set(_WORD_RE.findall(ctx.text[sent.start : sent.end].lower()))
    if sentence & _MARKET_WORDS:
        return False
    around = set(_WORD_RE.findall(ctx.text[max(0, sent.start - 300) : sent.end].lower()))
    return bool(around & _POLL_SHARE_WORDS)


def _final_measure(q: _Quantity, subject: str, measure: str) -> str:
    """Percentages of shares and rates, recognised from what they measure."""
    if q.unit != "percent" or measure not in {"level", "rate"}:
        return measure
    head = subject.split(" of ")[0].split()[-1]
    if head in {"share", "stake"}:
        return "share"  # "raised its stake to 20 percent"
    if _has_rate_word(subject) or head == "growth":
        return "rate"  # "GDP growth slowed to 4.8 percent"
    return measure


def _remember(ctx: _Context, metrics: list[Metric], attributed: str | None) -> None:
    """Keep what the next sentence may refer back to."""
    if metrics:
        ctx.previous = metrics[-1]
    ctx.previous_attribution = attributed


def _is_market_quote(q: _Quantity, subject: str) -> bool:
    """Index levels, share and commodity prices, exchange rates: quoted for the day."""
    if q.unit == "point":
        return True
    words = set(subject.replace("-", " ").split())
    if words & _PRICE_INDEX_WORDS:
        return False
    if " share of " in f" {subject} ":
        return False  # "memory chips' share of exports" is no market quote
    return bool(words & _MARKET_WORDS)
