"""The syntactic pass: what the dependency parse around a number says about what it measures,
how (level, change, share, rate), in which direction and where.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms import lexicon
from transforms.metrics.context import (
    _OF_AFTER_RE,
    _Context,
    _Quantity,
    _Reading,
    _Sentence,
    _token_at,
)
from transforms.metrics.geography import _place_of
from transforms.metrics.period import _DOWN_VERBS, _UP_VERBS
from transforms.metrics.phrases import _noun_phrase, _of_phrase
from transforms.metrics.subject import (
    _LIGHT_VERBS,
    _cause,
    _change_noun_subject,
    _place_described,
    _ratio_noun,
    _record_subject,
    _spent_on,
    _worth_subject,
)
from transforms.metrics.syntax import (
    _AGENT_NOUNS,
    _governor,
    _is_agent,
    _is_figure,
    _named_entity_text,
    _span_anchor,
    _verb_subject,
)
from transforms.metrics.units import _RATE_WORDS
from transforms.metrics.verbs import _PEOPLE_WORDS, _read_as_subject, _read_verb

_CHANGE_NOUNS_UP = lexicon.words("changes", "up_nouns")
_CHANGE_NOUNS_DOWN = lexicon.words("changes", "down_nouns")
_SHARE_NOUNS = lexicon.words("measures", "share_nouns")
_TRANSPARENT_NOUNS = lexicon.words("subjects", "transparent_nouns")
_VACUOUS_NOUNS = lexicon.words("subjects", "vacuous_nouns")
_RECORD_NOUNS = lexicon.words("measures", "record_nouns")
_VALUE_NOUNS = lexicon.words("subjects", "value_nouns")
_DIMENSIONS: dict[str, str] = lexicon.table("units", "dimension_adjectives")

_UNIT_DIMENSIONS: dict[str, str] = lexicon.table("units", "dimensions")
_CHANGE_NOUN_BEFORE_RE = re.compile(
    r"\b(?P<n>"
    + "|".join(sorted(_CHANGE_NOUNS_UP | _CHANGE_NOUNS_DOWN, key=len, reverse=True))
    + r")s?\s+(?:of|by)\s+$",
    re.I,
)
_CHANGE_NOUN_AFTER_RE = re.compile(
    r"^[\s\u00a0]*(?:(?:year-on-year|year-over-year|y-o-y|yoy|annual|on-year|monthly"
    r"|quarterly)\s+)?(?P<n>"
    + "|".join(sorted(_CHANGE_NOUNS_UP | _CHANGE_NOUNS_DOWN, key=len, reverse=True))
    + r")\b",
    re.I,
)


def _read(ctx: _Context, sent: _Sentence, q: _Quantity) -> _Reading:
    """What the parse around one figure says it measures, how, in which direction and where.

    Long on purpose: one ordered chain of cases from the figure's anchor up its governors,
    where the first case that applies wins; split, the order would be spread over functions.
    """
    reading = _Reading()
    doc = ctx.doc
    # The anchor is sought without the qualifier, which the parser may make the head.
    span = doc.char_span(max(q.body_start, q.start), q.end, alignment_mode="expand")
    if span is None or not len(span):
        return reading
    anchor = _span_anchor(span, q.num_start)
    whole = doc.char_span(q.start, q.end, alignment_mode="expand")
    inside = {t.i for t in whole or span}
    member = (
        q.count_token is not None
        and q.count_token.idx < q.start
        and anchor.dep_ in {"nsubj", "nsubjpass"}
        and anchor.head.pos_ in {"VERB", "AUX"}
    )
    if member and q.count_token is not None:
        # "Of the 480 companies traded, 289 closed higher": the members do their own verb.
        reading.count_phrase = q.count_token.lower_
    elif q.count_token is not None:
        anchor = q.count_token
        inside.add(anchor.i)
        number = doc.char_span(q.start, q.num_end, alignment_mode="expand")
        # The counted noun keeps its modifiers: "9.88 million international overnight visitors".
        reading.count_phrase = _noun_phrase(ctx, anchor, {t.i for t in number or ()})
        if anchor.lower_ == "others":
            reading.count_phrase = "people"  # "killed 9 people and injured 14 others"
    reading.anchor = anchor
    of_np = None if " of " in (q.unit or "") else _of_phrase(ctx, anchor, inside, q)
    if q.unit == "percentage_point":
        reading.measure = "change"
    if q.change:
        reading.measure = "change"
        reading.direction = q.direction
        reading.inherit = True
    change_tok = _lexical_change_noun(ctx, sent, q)
    if change_tok is not None:
        reading.measure = "change"
        reading.direction = _noun_direction(change_tok)
        subj = _change_noun_subject(ctx, change_tok, inside)
        if subj is None:
            reading.inherit = True
        else:
            reading.subject = subj
        if q.unit == "percent" and _OF_AFTER_RE.match(ctx.text[q.end : q.end + 5]):
            reading.share_base = of_np
        return reading
    # "90 percent of shops and below 5 percent of farms stayed shut": a conjunct plays the
    # role of the first conjunct.
    role = anchor
    while role.dep_ == "conj" and role.head.pos_ in {"NOUN", "NUM"} and role.head.i != role.i:
        counted = q.count_token is not None and role.head.tag_ == "NNS"
        if not (_is_figure(role.head) or counted):
            break
        role = role.head
    while (
        role.dep_ in {"nummod", "compound", "nmod", "quantmod"}
        and role.head.i not in inside
        and role.head.lemma_.lower() in {"percent", "%", "point"}
    ):
        # "rose by QR 2.1 billion or 12.2 percent": the parser makes one phrase of the two
        # restatements; the first attaches where the second does.
        role = role.head
    reading.anchor = role
    gov, prep, rel = _governor(role, inside | {role.i})
    reading.of_np = of_np
    if gov is None:
        return reading
    if prep == "of" and _is_figure(gov) and role.head.i > 0:
        # "expenditure of SAR 1.29 trillion and revenues of SAR 1.12 trillion": the parser
        # hangs the second "of" on the first figure; the noun before "of" is what is measured.
        noun = doc[role.head.i - 1]
        if noun.pos_ in {"NOUN", "PROPN"} and not _is_figure(noun):
            reading.subject = _noun_phrase(ctx, noun, inside, reading.geo, preps=())
            return reading
    if rel in {"appos", "conj"} and gov.pos_ in {"NOUN", "PROPN"} and not _is_figure(gov):
        # "the tariff, 1.29 US cents per kilowatt-hour": the figure restates the noun.
        reading.subject = _noun_phrase(ctx, gov, inside, reading.geo)
        return reading
    if rel == "appos" or (rel == "conj" and gov.pos_ in {"NOUN", "NUM", "PROPN"}):
        reading.inherit = True
        return reading
    named = _named_entity_text(ctx, gov) if prep in {"with", "at"} else None
    if named is not None:
        # "followed by Germany with 600 million euros and Japan with $450 million": the same
        # measure as the figure before, for another doer.
        reading.inherit, reading.follower = True, named
        return reading
    if gov.pos_ == "ADJ" and gov.lemma_.lower() in _RECORD_NOUNS and prep == "of":
        # "The index touched an intraday high of 162,870.10 points": the index's high.
        record = _record_subject(ctx, gov, inside)
        if record:
            reading.subject = record
            return reading
    if prep in {"with", "at"} and gov.pos_ in {"NOUN", "PROPN"}:
        clause = gov
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ in {"VERB", "AUX"} and _place_described(ctx, clause, inside, reading):
            return reading  # "China was the main destination of exports with QR 4.5 billion"
    if gov.pos_ in {"VERB", "AUX"} or (gov.lemma_ == "worth" and gov.pos_ != "ADJ"):
        _read_verb(ctx, q, role, gov, prep, rel, inside, of_np, reading)
    elif gov.pos_ in {"NOUN", "PROPN"}:
        _read_noun(ctx, q, role, gov, prep, inside, of_np, reading)
    elif gov.lemma_ == "worth" and gov.head.pos_ in {"NOUN", "PROPN"}:
        reading.subject = _worth_subject(ctx, gov.head, inside)
    elif gov.lemma_.lower() in _DIMENSIONS and gov.dep_ == "acomp":
        # "the line is 120 km long": the length of the copula's subject.
        owner = _verb_subject(gov.head)
        phrase = _noun_phrase(ctx, owner, inside, reading.geo) if owner is not None else None
        dimension = _DIMENSIONS[gov.lemma_.lower()]
        reading.subject = f"{phrase} {dimension}" if phrase else dimension
    elif gov.lower_ in {"up", "down"}:
        # "up 5 percent" is a change; "up from 38 percent" names the earlier level and "up
        # 1.4% at $65.42" the new one.
        reading.measure = "level" if prep in {"from", "at", "to"} else "change"
        reading.direction = None if prep in {"from", "at", "to"} else gov.lower_
        reading.inherit = True
        verb = gov.head
        owner = None
        if prep != "from" and verb.pos_ in {"VERB", "AUX"} and verb.i != gov.i:
            owner = _verb_subject(verb)  # "the Nikkei closed down 1.4 percent"
            if verb.lemma_.lower() in _LIGHT_VERBS or (
                owner is not None and owner.lemma_.lower() in _AGENT_NOUNS
            ):
                owner = None  # "the company posted a profit of $1.2bn, down 12%": the profit
        elif prep != "from" and verb.pos_ in {"NOUN", "PROPN"} and verb.i != gov.i:
            owner = verb  # "with prices of tourism services up 2.4 percent"
        figure = owner is not None and (
            _is_figure(owner) or any(c.like_num for c in owner.children)
        )
        if owner is not None and not figure and _place_of(ctx, owner) is None:
            phrase = _noun_phrase(ctx, owner, inside, reading.geo)
            if phrase:
                # Its own subject, unless the figure before measures the same, more fully.
                reading.subject, reading.inherit = phrase, verb.pos_ in {"NOUN", "PROPN"}
    if q.unit == "percent" and reading.measure == "level" and of_np:
        reading.measure = "share"
        reading.share_base = of_np
        if reading.subject is None or reading.subject == of_np:
            reading.subject = f"share of {of_np}"
    if q.kind == "currency":
        spent_on = _spent_on(ctx, q, inside)
        if spent_on:
            reading.subject, reading.inherit = spent_on, False
    if q.fraction and not of_np:
        whole_of = _ratio_noun(ctx, q)
        if whole_of:
            reading.subject, reading.measure = f"share of {whole_of}", "share"
    return reading


def _read_noun(
    ctx: _Context,
    q: _Quantity,
    anchor: Token,
    noun: Token,
    prep: str | None,
    inside: set[int],
    of_np: str | None,
    reading: _Reading,
) -> None:
    """The figure hangs off a noun: "a 5 percent rise in exports", "the share of 30 percent".

    Long on purpose: one ordered chain of noun cases (count, change, share, rate, worth, value)
    that fill the reading in turn, each seeing what the ones before it decided.
    """
    lemma = noun.lemma_.lower()
    if q.count_token is not None and reading.count_phrase and prep not in {None, "of", "to"}:
        # "the hand of homebuyers in more than 4,000 pending cases": the cases are counted.
        reading.subject = reading.count_phrase
        return
    if lemma in _CHANGE_NOUNS_UP | _CHANGE_NOUNS_DOWN:
        # "a 24% jump to 72,850 vehicles": the figure after "to" is the new level.
        reading.measure = "level" if prep in {"to", "from"} else "change"
        reading.direction = None if prep == "from" else _noun_direction(noun)
        subj = _change_noun_subject(ctx, noun, inside)
        if subj is None:
            reading.inherit = True
        reading.subject = subj
        return
    if lemma in _SHARE_NOUNS and q.unit == "percent":
        reading.measure = "share"
        reading.subject = _noun_phrase(ctx, noun, inside, reading.geo, preps=("of", "in"))
        return
    if lemma in _RATE_WORDS and q.unit in {"percent", None}:
        reading.measure = "rate"
        gov, _, _ = _governor(noun, inside)
        if gov is not None and gov.pos_ in {"VERB", "AUX"} and lemma in {"rate", "pace"}:
            # "Exports grew at an annual rate of 3 percent": the rate of the verb's subject.
            rated = _noun_phrase(ctx, _verb_subject(gov), inside, reading.geo)
            if rated:
                verb = gov.lemma_.lower()
                if verb in _UP_VERBS | _DOWN_VERBS:
                    reading.direction = "up" if verb in _UP_VERBS else "down"
                    reading.subject = f"{rated} growth rate"
                else:
                    reading.subject = rated
                return
    record = lemma in _RECORD_NOUNS and (prep == "of" or (prep is None and anchor.i > noun.i))
    worth = noun.head
    worth_of = lemma in _TRANSPARENT_NOUNS and prep == "of" and worth.lemma_ == "worth"
    if worth_of and worth.head.pos_ in {"NOUN", "PROPN"}:
        # "agreements worth a total of 6.2 trillion rubles": the agreements' value.
        reading.subject = _worth_subject(ctx, worth.head, inside | {noun.i})
        if reading.subject:
            return
    if (lemma in _TRANSPARENT_NOUNS and prep == "of") or record:
        # "a total of 500 people were killed", "hit a record AED1.73 trillion": the noun only
        # carries the number; its own role in the clause is what counts.
        gov, prep2, rel2 = _governor(noun, inside)
        if gov is not None and gov.pos_ in {"VERB", "AUX"}:
            _read_verb(ctx, q, noun, gov, prep2, rel2, inside | {noun.i}, of_np, reading)
            if reading.subject is None and rel2 in {"nsubj", "nsubjpass"}:
                _read_as_subject(ctx, q, gov, inside | {noun.i}, of_np, reading)
            return
    if lemma in _VALUE_NOUNS and prep == "of":
        valued = noun.head.head if noun.dep_ == "pobj" else None
        if valued is not None and valued.pos_ in {"NOUN", "PROPN"}:
            base = _noun_phrase(ctx, valued, inside | {noun.i}, reading.geo)
            if base:
                reading.subject = f"{lemma} of {base}"
                return
    if lemma in _VACUOUS_NOUNS and reading.count_phrase:
        # "on behalf of 1.4 million customers"; "home to 3 million people" is a population.
        people = lemma == "home" and reading.count_phrase in _PEOPLE_WORDS
        reading.subject = "population" if people else reading.count_phrase
        return
    reading.subject = _noun_phrase(ctx, noun, inside, reading.geo)
    if reading.subject:
        reading.subject += _cause(ctx, noun, inside)
    dimension = _UNIT_DIMENSIONS.get(q.unit or "")
    attributive = anchor.dep_ in {"compound", "nummod", "amod", "nmod"} and anchor.head.i == noun.i
    if reading.subject and dimension and attributive and dimension not in reading.subject:
        # "a 1,500 MW solar plant" states the plant's capacity, "a 420 km line" its length.
        reading.subject = f"{reading.subject} {dimension}"
    carrier = noun.head
    if reading.subject and noun.dep_ in {"dobj", "attr"} and carrier.lemma_.lower() in _LIGHT_VERBS:
        # "the current account posted a surplus of $110 million": whose surplus.
        owner = _verb_subject(carrier)
        if owner is not None and not _is_agent(ctx, owner):
            owner_text = _noun_phrase(ctx, owner, inside, reading.geo)
            if owner_text and owner_text not in reading.subject:
                reading.subject = f"{owner_text} {reading.subject}"
    reading.keep_bare = bool(reading.subject) and lemma in _TRANSPARENT_NOUNS
    if noun.dep_ in {"appos", "npadvmod"} and not reading.subject:
        reading.inherit = True


def _lexical_change_noun(ctx: _Context, sent: _Sentence, q: _Quantity) -> Token | None:
    """ "an increase of about 4 points", "a 24 percent increase": the change noun's token."""
    before = ctx.text[max(sent.start, q.start - 40) : q.start]
    m = _CHANGE_NOUN_BEFORE_RE.search(before)
    pos: int | None = None
    if m:
        pos = q.start - len(before) + m.start("n")
    else:
        after = ctx.text[q.end : min(sent.end, q.end + 40)]
        ma = _CHANGE_NOUN_AFTER_RE.match(after)
        if ma:
            pos = q.end + ma.start("n")
    if pos is None:
        return None
    tok = _token_at(ctx.doc, pos)
    if tok is None or tok.pos_ == "VERB":
        return None
    return tok


def _noun_direction(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in _CHANGE_NOUNS_UP or tok.lower_ in _CHANGE_NOUNS_UP:
        return "up"
    if lemma in _CHANGE_NOUNS_DOWN or tok.lower_ in _CHANGE_NOUNS_DOWN:
        return "down"
    return None
