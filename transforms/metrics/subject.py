"""What a figure measures, when the parse leaves it open or gets it wrong: causes, worth, records,
spending, ratios, doers, change nouns, and the final subject chosen for the row.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms import lexicon
from transforms.metrics.context import _Context, _in_time, _Quantity, _Reading, _Sentence, _token_at
from transforms.metrics.currency import _CURRENCY_NAMES
from transforms.metrics.geography import _place_of
from transforms.metrics.inflection import _singular_word
from transforms.metrics.period import _PERIOD_NOUNS
from transforms.metrics.phrases import _FLOW_NOUNS, _SUBJECT_PREPS, _noun_phrase
from transforms.metrics.quantities import _TIME_UNIT_NOUNS
from transforms.metrics.syntax import (
    _AGENT_NOUNS,
    _REPORTER_NOUNS,
    _is_agent,
    _is_figure,
    _named_entity_text,
    _participle,
    _verb_subject,
)
from transforms.model import Metric

_UNIT_SUBJECTS: dict[str, str] = lexicon.table("units", "subjects")
_DATA_NOUNS = lexicon.words("subjects", "data_nouns")
_CHANGE_NOUN_ADJECTIVES = lexicon.words("changes", "noun_adjectives")

_LIGHT_VERBS = lexicon.words("subjects", "light_verbs")

_NOMINALS: dict[str, str] = lexicon.table("subjects", "nominals")

_GENERIC_SUBJECTS = lexicon.words("subjects", "generic_subjects")
_LEGAL_FORMS = lexicon.words("subjects", "legal_forms")
_PLACEHOLDER_OWNERS = lexicon.words("subjects", "placeholder_owners")
_VAGUE_POLL_WORDS = lexicon.words("subjects", "vague_poll_words")
_NUMBER_WORDS = lexicon.words("numbers", "ones") | lexicon.words("numbers", "tens")
# Words that name the period, which the row states apart: "third-quarter", "year-earlier".
_PERIOD_ADJECTIVE_RE = re.compile(
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:quarter|half)|year-(?:earlier|ago)"
    r"|(?:full|fiscal)-year|(?:three|six|nine|twelve|\d+)-months?"
)

_EXPECT_VERBS = lexicon.words("measures", "expect_verbs")
_FORECAST_WORDS = lexicon.words("measures", "forecast_words")

# The terms a figure is stated in: "an annualized real 1.6 percent", "in nominal terms".
_TERMS_BEFORE_RE = re.compile(
    r"\b(?:an?\s+)?((?:(?:annuali[sz]ed|real|nominal|seasonally\s+adjusted)\s+)+)$", re.I
)
_IN_TERMS_RE = re.compile(r"\b[Ii]n\s+(real|nominal)\s+terms\b")

_DOMAIN_HEADS = lexicon.words("subjects", "domain_heads")
_TOPIC_HEADS = lexicon.words("subjects", "topic_heads")

_GENERIC_MODIFIERS = lexicon.words("subjects", "generic_modifiers")

_SUBJECT_SYNONYMS: dict[str, str] = lexicon.table("subjects", "synonyms")
_AGAINST_RE = re.compile(
    r"\bagainst\s+the\s+(?:U\.?S\.?\s+|US\s+)?(dollar|euro|yen|pound|yuan|greenback)\b", re.I
)
_SYNONYM_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, _SUBJECT_SYNONYMS)) + r")\b")

_INDEX_NAMES = lexicon.words("subjects", "index_names")
_TRADED_WORDS = lexicon.words("subjects", "traded_words")
_IN_PURPOSE_RE = re.compile(r"[\s\u00a0]*+(?:\([^()\n]{1,40}\)[\s\u00a0]*+)?in[\s\u00a0]")
_MONTH_SUBJECT_RE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?: \d{1,2})?"
)
_UNIT_CODE_RE = re.compile(r"[A-Z]{3}")
_TRADING_RE = re.compile(r"\btrading\b", re.I)
_SESSION_VERBS = frozenset({"close", "end", "finish", "open", "settle"})
_STOCK_WORDS = frozenset({"shares", "share", "stock", "stocks"})
_LEADING_SCALE_RE = re.compile(r"^(?:(?:thousand|million|billion|trillion)\s+)+")
# A figure that states its own unit of pricing: "$1.05 a share", "$65 per barrel".
_OWN_PER_RE = re.compile(r"\b(?:a|an|per|each)\s+[a-z-]+$|/[a-z]+$", re.I)
_PRONOUN_SUBJECT_RE = re.compile(r"^(?:\W*+\w++\W++){0,3}?(?:it|they|this|that|these)\b", re.I)


def _discourse_subjects(ctx: _Context, metrics: list[Metric]) -> None:
    """Name figures as the story has taught the reader to read them.

    A bare noun means what its first, fuller mention meant ("the surplus" after "the
    merchandise trade surplus"); trade and output figures share the domain of the story's
    topic figure ("imports" in a story about non-oil trade are non-oil imports, "refunds" in
    one about GST collections GST refunds; "inflows" in one about remittances are those
    remittances); and a few wordings are put the way analysts name them ("outbound
    shipments" are exports).
    """
    topic: list[str] | None = None
    domain: list[str] = []
    first_by_head: dict[str, str] = {}
    for m in metrics:
        subject = _SYNONYM_RE.sub(lambda x: _SUBJECT_SYNONYMS[x.group(0)], m.subject)
        words = subject.split()
        plain = not (set(words) & {"of", "per", "share", "value", "amount", "by"})
        if len(words) == 1:
            fuller = first_by_head.get(words[0])
            if fuller is not None:
                subject, words = fuller, fuller.split()
        if topic is not None and words:
            subject = _in_domain(subject, topic, domain)
        if plain and words:
            first_by_head.setdefault(words[-1], subject)
        leads = topic is None and m.start_char < ctx.lead_end and plain and len(words) >= 2
        if leads and m.measure in {"level", "change"} and words[-1] in _DOMAIN_HEADS | _TOPIC_HEADS:
            topic = [w for w in words[:-1] if w not in _GENERIC_MODIFIERS] + words[-1:]
            domain = topic[:-1]
        m.subject = subject


def _in_domain(subject: str, topic: list[str], domain: list[str]) -> str:
    """A trade or output figure read in the domain of the story's topic figure."""
    words = subject.split()
    cut = next((i for i, w in enumerate(words) if w in _SUBJECT_PREPS), len(words))
    core, rest = words[:cut], words[cut:]
    if not core or core[-1] not in _DOMAIN_HEADS:
        return subject
    head = core[-1]
    topic_head = topic[-1]
    if head in {"inflows", "outflows"} and topic_head in _FLOW_NOUNS | {"remittances"}:
        if len(core) == 1 or _singular_word(core[-2]) == _singular_word(topic_head):
            return " ".join([*topic, *rest])  # "remittance inflows" are the remittances
        return subject
    if not domain or head == topic_head or len(core) > 2 or set(core) & set(domain):
        return subject
    return " ".join([*domain, *core, *rest])


def _price_subjects(quoted: list[tuple[_Quantity, Metric]], metrics: list[Metric]) -> None:
    """Money amounts of a traded thing are its price: "Brent fell 31 cents to $68.49 a barrel".

    A commodity, share or index quoted in a currency is its "price", and a move in cents of
    a price quoted per barrel is a move of the price per barrel.
    """
    per_by_unit = {q.unit: q.per for q, _ in quoted if q.per and q.kind == "currency"}
    for q, metric in quoted:
        head, sep, tail = metric.subject.partition(" per ")
        last = head.split()[-1]
        priced = q.kind == "currency" or (q.unit == "percent" and metric.measure == "change")
        if priced and last in _TRADED_WORDS:
            # "gold rose 1.8%" and "gold at $4,251 an ounce" are moves of the gold price.
            metric.subject = f"{head} price{sep}{tail}"
        elif priced and last in _CURRENCY_NAMES and not {"rate", "of"} & set(head.split()):
            # "the yen weakened to 154.90 per dollar": the yen's exchange rate.
            metric.subject = f"{head} exchange rate{sep}{tail}"
            against = _AGAINST_RE.search(metric.sentence)
            if against and not sep and against.group(1).lower() != last:
                # "Sterling fell half a cent against the dollar": its rate against the dollar.
                metric.subject += f" against the {against.group(1).lower()}"
        elif last in _INDEX_NAMES and (
            not last.isdigit() or any(w in _INDEX_NAMES for w in head.split()[:-1])
        ):
            metric.subject = f"{head} index{sep}{tail}"  # "the S&P 500 rose 0.5%"
        if q.kind != "currency":
            continue
        per = q.per or (per_by_unit.get(q.unit) if metric.measure == "change" else None)
        if per == "share" and metric.subject.endswith("share price"):
            continue  # "closed at $66.50 a share": the share price
        if per and f" per {per}" not in f" {metric.subject}":
            metric.subject = f"{metric.subject} per {per}"


def _final_subject(
    ctx: _Context,
    sent: _Sentence,
    q: _Quantity,
    reading: _Reading,
    prior: Metric | None,
    prior_doer: str | None = None,
) -> str:
    """The reading's subject, else one inherited from the figure before, else a fallback."""
    subject = reading.subject
    if subject is None or reading.inherit:
        donor = prior
        sentence_text = ctx.text[sent.start : sent.end]
        if donor is None and subject is None and _PRONOUN_SUBJECT_RE.search(sentence_text):
            donor = ctx.previous  # "It rose 8 percent": what the last sentence measured
        own = reading.subject
        if donor is not None and own and own.split()[-1] not in donor.subject.split():
            donor = None  # "..., with prices of tourism services up 2.4 percent"
        summed = donor is not None and (
            _UNIT_CODE_RE.fullmatch(donor.unit or "") is not None or donor.unit == "percent"
        )
        if summed and q.kind == "count" and reading.count_phrase:
            # "$10 million would be used to repurchase 4.9 million shares": the shares.
            donor, subject = None, own or reading.count_phrase
        if reading.follower and q.unit:
            # "Labour took 53 seats ... the Progress Party came second with 23.8% and 47
            # seats": each figure follows the last one in its unit, for another doer.
            same_unit = [(m, d) for m, d in ctx.recent[-8:] if m.unit == q.unit and d]
            if same_unit:
                donor, prior_doer = same_unit[-1]
            elif donor is not None and donor.unit != q.unit:
                donor, subject = None, reading.follower  # nothing like it before: the doer
        if donor is not None:
            subject = _unpriced(donor, q)
            if reading.follower and prior_doer and prior_doer in subject:
                # "Saudi Arabia ... at $821 million, followed by the UAE with $679 million".
                subject = subject.replace(prior_doer, reading.follower)
                reading.doer = reading.follower
            if reading.measure == "share" and reading.share_base and "share" not in subject:
                subject = _share_subject(subject, reading.share_base)
    if subject in _GENERIC_SUBJECTS and prior is not None and prior.subject != subject:
        # "capacity reached 3.2 million bpd, with a target of 4 million bpd": its target.
        head = prior.subject.split(" per ")[0]
        subject = f"{head} {subject}"
    if subject is not None:
        # "for the year ended Aug. 31 C$2.7 million": a date or a scale word is no subject.
        subject = _LEADING_SCALE_RE.sub("", subject)
        if not subject or _MONTH_SUBJECT_RE.fullmatch(subject):
            subject = None
    if subject is not None:
        subject = _without_owner_words(subject)
    return subject if subject is not None else _fallback_subject(ctx, sent, q)


def _without_owner_words(subject: str) -> str:
    """A subject without a company's legal form ("travelers corp. net income" is Travelers'
    net income), a word standing for the company ("company earnings" are earnings, "profit
    for the abrasives concern" is profit) or the period, which the row states apart
    ("third-quarter net loss", "sales in the latest period")."""
    words = [w for w in subject.split() if w not in _LEGAL_FORMS]
    words = [w for w in words if not _PERIOD_ADJECTIVE_RE.fullmatch(w)] or words
    cut = next((i for i, w in enumerate(words) if w in _SUBJECT_PREPS), len(words))
    owner = [i for i in range(min(cut - 1, 3)) if words[i] in _PLACEHOLDER_OWNERS]
    if owner:
        words = words[owner[-1] + 1 :]  # "the Boston company's earnings"
    preps = [i for i, w in enumerate(words) if w in _SUBJECT_PREPS and i > 0]
    ends = [*preps[1:], len(words)] if preps else []
    for i, j in reversed(list(zip(preps, ends, strict=True))):
        if j > i + 1 and words[j - 1] in _PERIOD_NOUNS | _PLACEHOLDER_OWNERS:
            words = words[:i] + words[j:]  # "... for the abrasives concern", "for the quarter"
    last = len(words) - 1
    words = [w for i, w in enumerate(words) if i == last or w not in _PLACEHOLDER_OWNERS]
    net = [i for i, w in enumerate(words) if w == "net"]
    if net and (net[0] == last or words[net[0] + 1] in _SUBJECT_PREPS | {"per"}):
        words.insert(net[0] + 1, "income")  # results copy's "net rose to": net income
    return " ".join(words) or subject


def _framed_subject(
    ctx: _Context, sent: _Sentence, q: _Quantity, reading: _Reading, subject: str, base: bool
) -> str:
    """What frames the figure: a forecast ("GDP is expected to grow 4.6 percent") or the
    terms it is stated in ("in nominal terms", "an annualized 1.6 percent")."""
    words = subject.split()
    before = ctx.text[max(sent.start, q.start - 40) : q.start]
    terms = _TERMS_BEFORE_RE.search(before)
    if terms:
        adjectives = [w.lower() for w in terms.group(1).split() if w.lower() not in words]
        if adjectives:
            subject = f"{' '.join(adjectives)} {subject}"  # "an annualized real 1.6 percent"
    stated = _IN_TERMS_RE.findall(ctx.text, sent.start, q.start)
    if stated and stated[-1].lower() not in words:
        subject = f"{stated[-1].lower()} {subject}"  # "In nominal terms, GDP came to ..."
    if not base and _forecast(reading.anchor) and not set(words) & _FORECAST_WORDS:
        subject = f"{subject} forecast"
    return subject


def _forecast(anchor: Token | None) -> bool:
    """Whether the figure's clause is what someone expects: "is expected to reach"."""
    tok = anchor
    for _ in range(6):
        if tok is None or tok.pos_ in {"VERB", "AUX"}:
            break
        tok = tok.head if tok.head.i != tok.i else None
    if tok is None or tok.pos_ not in {"VERB", "AUX"}:
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"xcomp", "ccomp"} and tok.head.lemma_.lower() in _EXPECT_VERBS


def _unpriced(donor: Metric, q: _Quantity) -> str:
    """The donor's subject, without the "per share" of a price when this figure is a total.

    "net was $10.5 million, or $1.05 a share, compared with $10.3 million": the $10.3 million
    is net income, not net income per share. A price and a total differ a hundredfold or more,
    and a percentage after them moves the total.
    """
    subject, per, _ = donor.subject.partition(" per ")
    if not per or q.per is not None or not donor.value or not q.value:
        return donor.subject
    if not _OWN_PER_RE.search(donor.text):
        return donor.subject
    if q.unit == "percent":
        return subject  # "earned $422.5 million, or $6.44 a share, up 8.9%": the earnings
    ratio = q.value / donor.value
    return subject if ratio >= 100 or ratio <= 0.01 else donor.subject


def _priced_subject(subject: str, q: _Quantity) -> str:
    """ "oil price" quoted "a barrel" is the "oil price per barrel"."""
    if q.per is None or f" per {q.per}" in f" {subject}":
        return subject
    return f"{subject} per {q.per}"


def _cause(ctx: _Context, noun: Token, inside: set[int]) -> str:
    """ "Floods ..., causing losses estimated at $813 million": what caused the losses."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in {"cause", "inflict"}:
        return ""
    causer = _verb_subject(verb)
    if causer is None or causer.i in inside or _place_of(ctx, causer) is not None:
        return ""
    phrase = _noun_phrase(ctx, causer, inside, preps=("of",))
    return f" caused by {phrase}" if phrase else ""


def _worth_subject(ctx: _Context, thing: Token, inside: set[int]) -> str | None:
    """ "Agreements worth $28 billion were signed": the value of the agreements signed."""
    base = _noun_phrase(ctx, thing, inside)
    if not base:
        return None
    verb = thing.head
    done = thing.dep_ == "nsubjpass" or (thing.dep_ == "dobj" and verb.i < thing.i)
    if done and verb.pos_ == "VERB" and verb.lemma_.lower() not in _LIGHT_VERBS:
        base = f"{base} {_participle(verb)}"
    return f"value of {base}"


def _record_subject(ctx: _Context, record: Token, inside: set[int]) -> str | None:
    """ "the index touched an intraday high of ...": "index intraday high"."""
    noun = record.head if record.dep_ == "amod" else record
    words = [
        t.lower_
        for t in noun.subtree
        if t.i not in inside
        and t.dep_ not in {"det", "prep", "pobj", "punct"}
        and t.i <= max(noun.i, record.i)
    ]
    verb = noun.head
    owner = _verb_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    holder = _noun_phrase(ctx, owner, inside, preps=()) if owner is not None else None
    phrase = " ".join(words)
    return f"{holder} {phrase}" if holder else phrase or None


def _spent_on(ctx: _Context, q: _Quantity, inside: set[int]) -> str | None:
    """ "€30 billion in savings", "2.3 trillion won ($1.6 billion) in trade insurance": the
    money's purpose names what it is."""
    m = _IN_PURPOSE_RE.match(ctx.text, q.end)
    if m is None:
        return None
    prep = _token_at(ctx.doc, m.end() - 2)
    if prep is None or prep.lower_ != "in":
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.i in inside or _is_figure(pobj):
        return None
    if any(_in_time(ctx, t.idx) for t in pobj.subtree) or pobj.lemma_.lower() in _PERIOD_NOUNS:
        return None  # "in the July-September period" is a time
    if _place_of(ctx, pobj) is not None or pobj.pos_ not in {"NOUN"}:
        return None
    purpose = _noun_phrase(ctx, pobj, inside, conj=True)
    verb = prep.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head  # "seeks 12 billion euros in savings": "in" may hang on the figure
    nominal = _NOMINALS.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    if purpose and nominal:
        return f"{nominal} in {purpose}"  # "will invest Rs 2,500 crore in a new plant"
    owner = _verb_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if purpose and owner is not None and not _is_agent(ctx, owner) and not _place_of(ctx, owner):
        holder = _noun_phrase(ctx, owner, inside, preps=())
        if holder and len(holder.split()) <= 3:
            purpose = f"{holder} {purpose}"  # "the draft budget seeks €30 billion in savings"
    return purpose


def _ratio_noun(ctx: _Context, q: _Quantity) -> str | None:
    """ "cancelling one in five regional trains": what the share is a share of."""
    tok = _token_at(ctx.doc, q.end - 1)
    if tok is None:
        return None
    for noun in ctx.doc[tok.i + 1 : tok.i + 4]:
        if noun.pos_ in {"NOUN", "PROPN"}:
            phrase = _noun_phrase(ctx, noun, {t.i for t in ctx.doc[: tok.i + 1]}, preps=())
            verb = noun.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            if phrase and verb.pos_ == "VERB" and verb.i < noun.i:
                phrase = f"{phrase} {_participle(verb)}"  # "regional trains cancelled"
            return phrase
    return None


def _place_described(ctx: _Context, verb: Token, inside: set[int], reading: _Reading) -> bool:
    """ "Saudi Arabia remained the largest source of remittances at $821.5 million", "China
    was the main destination of exports with QR 4.5 billion": the place's part of the thing."""
    subj = _verb_subject(verb)
    place = _named_entity_text(ctx, subj) if subj is not None else None
    if subj is None or not place or _place_of(ctx, subj) is None:
        return False
    role_noun = next(
        (c for c in verb.children if c.dep_ in {"attr", "dobj"} and c.i not in inside), None
    )
    described = _noun_phrase(ctx, role_noun, inside) if role_noun is not None else None
    if not described:
        return False
    reading.subject, reading.doer = f"{place} {described}", place
    reading.keep_bare = True  # "at 41,000": visitors, from "the largest source of visitors"
    return True


def _doer(ctx: _Context, verb: Token, inside: set[int]) -> str | None:
    """The named or nominal agent of a verb, unless a place, a pronoun or a reporter."""
    subj = _verb_subject(verb)
    if subj is None or subj.pos_ == "PRON" or subj.i in inside or _is_figure(subj):
        return None
    if _place_of(ctx, subj) is not None or subj.lemma_.lower() in _REPORTER_NOUNS:
        return None
    bare = not any(c.dep_ in {"compound", "amod", "nmod"} for c in subj.children)
    if bare and subj.lemma_.lower() in _AGENT_NOUNS and _named_entity_text(ctx, subj) is None:
        return None  # "the company added 3,210 employees": no more than the story's subject
    phrase = _noun_phrase(ctx, subj, inside, preps=())
    if phrase is None or len(phrase.split()) > 4:
        return None
    return phrase


def _change_noun_subject(ctx: _Context, noun: Token, inside: set[int]) -> str | None:
    """What a change noun is about: "an increase in exports", "exports posted a rise"."""
    modifiers = [
        c
        for c in noun.children
        if c.dep_ in {"compound", "nmod", "amod"}
        and c.i < noun.i
        and c.i not in inside
        and c.lower_ not in _CHANGE_NOUN_ADJECTIVES
        and c.pos_ in {"NOUN", "PROPN"}
        and not _is_figure(c)
    ]
    if modifiers:
        # "GDP growth of 4.2 percent": GDP is what grows.
        return _noun_phrase(ctx, modifiers[-1], inside)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "of"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i not in inside and not pobj.like_num:
                    if _in_time(ctx, pobj.idx) or pobj.lemma_.lower() in _TIME_UNIT_NOUNS:
                        continue  # "a 0.3-percent decline in September"
                    phrase = _noun_phrase(ctx, pobj, inside)
                    if phrase and pobj.lemma_.lower() not in {"percent", "point"}:
                        return phrase
    if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        subj = _verb_subject(noun.head)
        if subj is not None and not _is_agent(ctx, subj):
            return _noun_phrase(ctx, subj, inside)
    return None


def _share_subject(owner: str, base: str | None) -> str:
    if not base:
        return owner if "share" in owner else f"{owner} share"
    owner_words = owner.split()
    base_words = base.split()
    if len(owner_words) > 1 and owner_words[-1] == base_words[-1]:
        owner_words = owner_words[:-1]  # "vehicle sales" share of "car sales"
    return f"{' '.join(owner_words)} share of {base}"


def _fallback_subject(ctx: _Context, sent: _Sentence, q: _Quantity) -> str:
    """When the parse gives nothing: the main clause's subject, the counted noun, the unit."""
    root = sent.span.root
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"}:
            if child.lemma_.lower() in _DATA_NOUNS:
                continue  # "official data showed": who reports, not what is measured
            phrase = None if _is_agent(ctx, child) else _noun_phrase(ctx, child, set())
            if phrase:
                return phrase
    if q.count_token is not None:
        return q.count_token.lower_
    if q.unit in _UNIT_SUBJECTS:
        return _UNIT_SUBJECTS[q.unit]
    return {"percent": "percentage", "percentage_point": "percentage"}.get(q.unit or "", "amount")


def _poll_subject(ctx: _Context, q: _Quantity, subject: str) -> str | None:
    """Whose support a poll share is, when the figure's own words name none: "48 percent
    chose Clinton", "56 percent would vote for Clinton", "versus 39 percent for Trump",
    "Clinton's 46 percent", "Cruz with 22 percent"."""
    words = subject.replace("-", " ").split()
    if not all(w in _VAGUE_POLL_WORDS or w in _NUMBER_WORDS for w in words):
        return None
    tok = _token_at(ctx.doc, q.num_start)
    while tok is not None and tok.dep_ in {"nummod", "compound", "quantmod"} and tok.head != tok:
        tok = tok.head  # "48 percent": the noun "percent"
    if tok is None:
        return None
    found = _candidate(list(tok.children), {"poss"}) or _candidate(
        [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children],
        {"pobj"},
    )
    if found is None and tok.dep_ == "pobj" and tok.head.lower_ == "with":
        holder = tok.head.head  # "Cruz with 22 percent", "followed by Cruz with 22 percent"
        found = _candidate([holder], {holder.dep_}) or _candidate(
            [g for c in holder.children if c.dep_ == "agent" for g in c.children], {"pobj"}
        )
    verb = tok.head if tok.dep_ in {"nsubj", "nsubjpass"} else None
    for _ in range(2):
        if found is not None or verb is None:
            break
        near = [c for c in verb.children if c.dep_ in {"dobj", "prep", "xcomp", "ccomp"}]
        found = _candidate(near, {"dobj"}) or _candidate(
            [g for c in near if c.dep_ == "prep" and c.lower_ == "for" for g in c.children],
            {"pobj"},
        )
        verb = next((c for c in near if c.dep_ in {"xcomp", "ccomp"}), None)
    return f"{found.text.lower()} support" if found is not None else None


def _candidate(tokens: list[Token], deps: set[str]) -> Token | None:
    """The first of ``tokens`` in one of ``deps`` that names a person."""
    return next((t for t in tokens if t.dep_ in deps and _person_like(t)), None)


def _person_like(tok: Token) -> bool:
    """A person's name, or a proper name the model has not put in a place or group."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ not in {"GPE", "NORP", "LOC", "DATE", "FAC"}


def _quote_subject(ctx: _Context, sent: _Sentence, q: _Quantity, subject: str) -> str:
    """A sum at which a company's stock closed in a market's trading is its share price:
    "Kimberly-Clark closed at $66.50 a share, up $1.50, in composite trading", "GM Class H
    closed at $29, up 25 cents in Big Board composite trading"."""
    if q.kind != "currency" or not _TRADING_RE.search(ctx.text, sent.start, sent.end):
        return subject
    tok = _token_at(ctx.doc, q.num_start)
    for _ in range(5):
        if tok is None or tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok is None or tok.lemma_.lower() not in _SESSION_VERBS:
        return subject
    holder = None
    for _ in range(3):  # "shares soared ..., closing up $11 to close at $50"
        holder = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if holder is not None or tok.head.i == tok.i:
            break
        tok = tok.head
    if holder is None:
        return subject
    phrase = _noun_phrase(ctx, holder, set()) or ""
    words = [w for w in phrase.split() if w not in _STOCK_WORDS]
    return f"{' '.join(words)} share price" if words else subject
