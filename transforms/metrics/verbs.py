"""Reading a figure through its verb: the figure as the verb's object or subject ("exports rose
5%", "the company sold 3 million cars"), its measure and direction, and the outcomes of
casualty and election verbs.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms import lexicon
from transforms.metrics.context import _Context, _in_time, _Quantity, _Reading
from transforms.metrics.inflection import _singular_phrase
from transforms.metrics.period import _DOWN_VERBS, _UP_VERBS
from transforms.metrics.phrases import _noun_phrase
from transforms.metrics.subject import (
    _NOMINALS,
    _UNIT_SUBJECTS,
    _cause,
    _doer,
    _place_described,
    _share_subject,
)
from transforms.metrics.syntax import (
    _is_agent,
    _is_figure,
    _named_entity_text,
    _participle,
    _pobj,
    _verb_subject,
)
from transforms.metrics.units import _GENERIC_COUNT_NOUNS

_LEVEL_VERBS = lexicon.words("measures", "level_verbs")
_SHARE_VERBS = lexicon.words("measures", "share_verbs")
_REPORT_VERBS = frozenset(lexicon.reporting("figure"))
_CASUALTY_REPORTING = _REPORT_VERBS | lexicon.words("counts", "casualty_report_verbs")

_PROPERTY_VERBS: dict[str, str] = lexicon.table("subjects", "property_verbs")
_DISTANCE_UNITS = lexicon.words("units", "distance_units")

_LEVEL_NOUNS = lexicon.words("measures", "level_nouns")
_HAVE_VERBS = lexicon.words("subjects", "have_verbs")
_PEOPLE_WORDS = lexicon.words("counts", "people_words")
_CASUALTY_VERBS = lexicon.words("counts", "casualty_verbs")
_CASUALTY_STATES = lexicon.words("counts", "casualty_states")
_UP_WITH_PARTICLE = lexicon.words("changes", "up_with_particle")
_DOWN_WITH_PARTICLE = lexicon.words("changes", "down_with_particle")
_LEAVING_VERBS = lexicon.words("counts", "leaving_verbs")
_CAUSATIVE_VERBS = lexicon.words("counts", "causative_verbs")

_OUTCOME_PARTICIPLES: dict[str, str] = lexicon.table("counts", "outcome_participles")

_WINNING_VERBS = lexicon.words("measures", "winning_verbs")


def _read_verb(
    ctx: _Context,
    q: _Quantity,
    anchor: Token,
    verb: Token,
    prep: str | None,
    rel: str,
    inside: set[int],
    of_np: str | None,
    reading: _Reading,
) -> None:
    """The figure hangs off a verb: "rose 5 percent", "reached 10 million units".

    Long on purpose: the verb's cases (direction, with/at complements, share, property, level,
    casualty) read the same subject, object and preposition, each building on those before it.
    """
    lemma = verb.lemma_.lower()
    particle = next(
        (
            c.lower_
            for c in verb.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in {"up", "down"})
        ),
        "",
    )
    direction = None
    if lemma in _UP_VERBS or (particle == "up" and lemma in _UP_WITH_PARTICLE):
        direction = "up"
    elif lemma in _DOWN_VERBS or (particle == "down" and lemma in _DOWN_WITH_PARTICLE):
        direction = "down"
    if lemma == "add" and q.kind == "measure":
        direction = None  # "added 240 GW of capacity" is new capacity; "added 3,000 jobs" a gain
    if lemma in {"follow", "trail"}:
        reading.inherit = True  # "followed by India at AED126 billion": the same measure
        reading.keep_bare = True  # "followed by India with 35,000": visitors, as before
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        reading.follower = _named_entity_text(ctx, pobj) if pobj is not None else None
        before = anchor.doc[anchor.head.i - 1] if anchor.dep_ == "pobj" else None
        if before is not None and before.i != verb.i:
            # "... and Japan with $450 million": the name just before the figure's "with".
            reading.follower = _named_entity_text(ctx, before) or reading.follower
        return
    if prep == "with" and q.unit == "percent" and of_np and lemma in _WINNING_VERBS:
        # "Labour won the election with 28.1% of the vote": Labour's share of the vote.
        owner = _verb_subject(verb)
        named = _named_entity_text(ctx, owner) if owner is not None else None
        reading.measure, reading.share_base = "share", of_np
        reading.subject = f"{named} share of {of_np}" if named else f"share of {of_np}"
        reading.doer = named
        return
    if prep in {"with", "at"} and _place_described(ctx, verb, inside, reading):
        return
    if prep in {"compared with", "compared to", "than", "against", "versus", "with"}:
        reading.inherit = True
        if prep == "with":
            # "the Progress Party came second with 23.8% and 47 seats": as before, for them.
            owner = _verb_subject(verb)
            reading.follower = _named_entity_text(ctx, owner) if owner is not None else None
        return
    if lemma in _SHARE_VERBS and (lemma != "make" or particle == "up") and q.unit == "percent":
        reading.measure = "share"
        reading.share_base = of_np
        owner_tok = _verb_subject(verb)
        owner_text = _noun_phrase(ctx, owner_tok, inside, reading.geo)
        if owner_text:
            reading.subject = _share_subject(owner_text, of_np) if of_np else owner_text
        else:
            reading.inherit = True
        return
    if rel in {"nsubj", "nsubjpass"}:
        _read_as_subject(ctx, q, verb, inside, of_np, reading)
        return
    if direction is not None:
        reading.direction = direction
        if prep in {"to", "at"}:
            reading.measure = "level"
        elif prep in {"from"}:
            reading.measure = "level"
            reading.direction = None
        elif prep in {None, "by", "of"} and reading.measure != "share":
            reading.measure = "change"
        if q.unit == "percent" and of_np and prep is None and rel == "dobj":
            # "cut 30 percent of flights": the share of the flights that were cut.
            reading.measure, reading.direction, reading.share_base = "share", None, of_np
            reading.subject = f"share of {of_np} {_participle(verb)}"
            return
        if q.unit in _DISTANCE_UNITS and not q.change:
            # "the bus plunged about 200 meters": a distance travelled, not a change.
            owner = _verb_subject(verb)
            if owner is None or owner.lemma_.lower() not in _LEVEL_NOUNS:
                reading.measure, reading.direction = "level", None
    if reading.measure == "change" and q.change and prep is None:
        reading.inherit = True
    if lemma in _PROPERTY_VERBS:
        holder = _noun_phrase(ctx, _verb_subject(verb), inside, reading.geo)
        prop = _PROPERTY_VERBS[lemma]
        reading.subject = f"{holder} {prop}" if holder else prop
        return
    obj = next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj"
            and c.i not in inside
            and c.i != anchor.i
            and not _is_figure(c)
            and not any(t.like_num for t in c.children)
        ),
        None,
    )
    moved = prep in {"by", "to", "from"} and direction is not None
    if obj is not None and obj.i < anchor.i and (moved or prep == "at"):
        # "cut its rate by 25 basis points", "fixed the support price at Rs 3,500".
        if prep == "at" and _place_described(ctx, verb, inside, reading):
            return  # "Maharashtra recorded the highest collection at Rs 32,025 crore"
        reading.subject = _noun_phrase(ctx, obj, inside, reading.geo)
        if reading.subject and lemma == "value":
            reading.subject += " value"  # "valuing the company at $45 billion"
        # "raised the death toll to 267": a bare figure counts what its object counts, if the
        # object says what (a toll counts people, an index points).
        reading.keep_bare = bool(reading.subject)
        return
    counted_object = (
        q.count_token is not None
        and (rel == "dobj" or prep not in {None, "to", "by", "from", "at", "of", "with"})
        and q.count_token.lemma_.lower() not in _GENERIC_COUNT_NOUNS
    )
    if counted_object:
        pass  # "added 38,000 jobs", "cut 12,000 positions": the jobs, not the employers
    elif lemma in _LEVEL_VERBS or direction is not None or lemma in _SHARE_VERBS:
        subj = _verb_subject(verb)
        if _place_described(ctx, verb, inside, reading):
            return
        if subj is not None and not (lemma in _LEVEL_VERBS - {"be"} and _is_agent(ctx, subj)):
            reading.subject = _noun_phrase(ctx, subj, inside, reading.geo)
            if reading.subject:
                reading.subject += _cause(ctx, subj, inside)
            reading.keep_bare = bool(reading.subject)
            return
        if subj is not None and of_np is None and q.count_token is None:
            reading.subject = _noun_phrase(ctx, subj, inside, reading.geo)
            reading.keep_bare = bool(reading.subject)
            return
    if q.kind == "bare" and lemma in _CASUALTY_VERBS:
        reading.subject = f"people {_participle(verb)}"  # "displaced more than 700,000"
        reading.keep_bare = True
        return
    _read_as_object(ctx, q, verb, prep, inside, of_np, reading)


_PRICE_VERBS = lexicon.words("measures", "price_verbs")
_TRADED_WORDS = lexicon.words("subjects", "traded_words")


def _read_as_object(
    ctx: _Context,
    q: _Quantity,
    verb: Token,
    prep: str | None,
    inside: set[int],
    of_np: str | None,
    reading: _Reading,
) -> None:
    """Someone did something to the figure: "China exported 5 million tonnes of steel"."""
    lemma = verb.lemma_.lower()
    participial = False  # the subject ends in the verb's participle: "people killed"
    thing = of_np
    if thing is None and q.count_token is not None:
        thing = reading.count_phrase
    nominal = _NOMINALS.get(lemma) if prep in {None, "of"} else None
    if thing and nominal and thing == reading.count_phrase:
        thing = _singular_phrase(thing)  # "sold 1.2 million vehicles": vehicle sales
    if thing and prep not in {None, "of", "to", "by", "at", "from"}:
        reading.subject = thing  # "enough electricity for about 160,000 homes"
    elif thing and lemma in _HAVE_VERBS:
        # "It has 1.4 billion people": a population, not people "had".
        reading.subject = "population" if thing in _PEOPLE_WORDS else thing
    elif thing and nominal:
        reading.subject = f"{thing} {nominal}"
    elif thing and " " in thing:
        reading.subject = thing  # "international overnight visitors" says enough
    elif thing:
        state = _object_state(verb, q)
        reading.subject = f"{thing} {state or _outcome(verb)[0]}"
        participial = True
    elif nominal:
        reading.subject = nominal
    elif q.kind == "measure" and q.unit in _UNIT_SUBJECTS and prep is None:
        # "the fire has burned about 41,000 acres": the area burned.
        reading.subject = f"{_UNIT_SUBJECTS[q.unit]} {_participle(verb)}"
        participial = True
    elif q.kind == "currency" and prep == "for" and lemma in _PRICE_VERBS:
        # "sold a 51% stake to Polly Peck for $110 million": the price of the stake.
        traded = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        what = _noun_phrase(ctx, traded, inside, reading.geo) if traded is not None else None
        what = " ".join(w for w in (what or "").split() if any(c.isalpha() for c in w))
        each = q.per is not None and (not what or what.split()[-1] in {q.per, f"{q.per}s"})
        if each or not what:
            reading.subject = "price"
        elif what.split()[-1] in _TRADED_WORDS:
            reading.subject = what  # "shares" are priced as "shares price" further on
        else:
            reading.subject = f"price of {what}"
    elif q.kind == "currency":
        payer = _verb_subject(verb)
        if payer is not None and not _is_agent(ctx, payer):
            reading.subject = _noun_phrase(ctx, payer, inside, reading.geo)
        if reading.subject is None:
            # "The EU committed 1.5 billion euros to adaptation finance".
            purpose = _verb_complement(ctx, verb, inside)
            reading.subject = f"amount {_participle(verb)}" + (f" {purpose}" if purpose else "")
    doable = thing or nominal or q.kind == "currency"
    if reading.subject and doable and prep in {None, "of"}:
        # Who did it is part of what is counted: "Labour took 53 seats" are Labour's seats.
        doer = _doer(ctx, verb, inside)
        if doer and doer not in reading.subject:
            if participial or reading.subject.startswith("amount"):
                reading.subject = f"{reading.subject} by {doer}"  # "people killed by typhoon"
            else:
                reading.subject = f"{doer} {reading.subject}"  # "tesla vehicle sales"
            reading.doer = doer


def _object_state(verb: Token, q: _Quantity) -> str | None:
    """ "left 12 others missing": the state the verb leaves its object in."""
    if verb.lemma_.lower() not in _LEAVING_VERBS:
        return None
    candidates = list(verb.children)
    if q.count_token is not None:
        candidates += [c for c in q.count_token.children if c.i > q.count_token.i]
    for c in candidates:
        if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "amod"} and c.pos_ in {"ADJ", "VERB"}:
            return c.lower_
    return None


def _verb_complement(ctx: _Context, verb: Token, inside: set[int]) -> str | None:
    """A verb's "to/in/for" complement: "committed ... to adaptation finance"."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in {"to", "in", "into", "for", "on"}:
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.i in inside or _is_figure(pobj) or _in_time(ctx, pobj.idx):
            continue
        phrase = _noun_phrase(ctx, pobj, inside, preps=())
        if phrase:
            return f"{child.lower_} {phrase}"
    return None


def _read_as_subject(
    ctx: _Context,
    q: _Quantity,
    verb: Token,
    inside: set[int],
    of_np: str | None,
    reading: _Reading,
) -> None:
    """The figure is the grammatical subject: "1,200 people were evacuated"."""
    lemma = verb.lemma_.lower()
    if q.unit == "percent" and of_np:
        reading.measure = "share"
        reading.share_base = of_np
        reading.subject = f"share of {of_np}"
        return
    participle, absorbed = _outcome(verb)
    stated = next(
        (c for c in verb.children if c.dep_ in {"oprd", "xcomp", "acomp"}),
        None,
    )
    if lemma in _CASUALTY_REPORTING and (stated is not None and stated.lower_ in _CASUALTY_STATES):
        participle = stated.lower_  # "two residents were reported missing"
    elif lemma in {"be", "remain", "stay"}:
        # "3 people remain missing": the state, not the copula.
        state = next((c for c in verb.children if c.dep_ in {"acomp", "attr"}), None)
        participle = state.lower_ if state is not None and state.i not in inside else ""
        lacking = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "without"), None
        )
        lacked = _noun_phrase(ctx, _pobj(lacking), inside, preps=()) if lacking else None
        if not participle and lacked:
            participle = f"without {lacked}"  # "9,500 customers were without power"
    elif lemma in _HAVE_VERBS:
        participle = ""  # "700,000 firms had records": firms, not firms "had"
    if q.count_token is not None:
        noun = reading.count_phrase
        how = next(
            (c.lower_ for c in verb.children if c.lower_ in {"higher", "lower", "up", "down"}),
            None,
        )
        if how and participle:
            participle = f"{participle} {how}"  # "289 closed higher"
        reading.subject = f"{noun} {participle}".strip() if noun else noun
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside), None)
        what = _noun_phrase(ctx, obj, inside, preps=()) if obj is not None else None
        if reading.subject and participle and what and len(what.split()) <= 3 and not absorbed:
            reading.subject += f" {what}"  # "graduates entered the job market"
        return
    if of_np:
        passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
        reading.subject = f"{of_np} {participle}" if passive else of_np
        return
    if q.kind == "bare" and (lemma in _CASUALTY_VERBS or participle in _CASUALTY_STATES):
        reading.subject = f"people {participle}"
        reading.keep_bare = True
        return
    if q.kind == "currency":
        reading.subject = _NOMINALS.get(lemma) or f"amount {participle}"
    elif q.unit in _UNIT_SUBJECTS:
        reading.subject = _UNIT_SUBJECTS[q.unit]  # "the first 600 megawatts are scheduled"


def _outcome(verb: Token) -> tuple[str, bool]:
    """The participle naming what a verb did to what it counts, and whether it took the object.

    "forced 20,000 people to flee their homes" and "20,000 people fled their homes" count
    people displaced; "killed or left missing 187 people" people killed or missing; "pulled out
    21 people" people pulled out; "112 people lost their lives" people killed.
    """
    lemma = verb.lemma_.lower()
    if lemma in _CAUSATIVE_VERBS:
        goal = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if goal is not None:
            verb, lemma = goal, goal.lemma_.lower()
    absorbed = False
    if verb.lower_ in _CASUALTY_STATES:
        word = verb.lower_  # "left missing": the state, not "missed"
    elif lemma == "lose" and any(c.lemma_.lower() == "life" for c in verb.children):
        word, absorbed = "killed", True
    elif lemma in _OUTCOME_PARTICIPLES:
        word, absorbed = _OUTCOME_PARTICIPLES[lemma], True
    else:
        word = _participle(verb)
        particle = next(
            (
                c.lower_
                for c in verb.children
                if c.dep_ == "prt" and c.nbor(1).lower_ != "to"  # "dumped up to 286 mm"
            ),
            None,
        )
        if particle:
            word = f"{word} {particle}"
    host = verb
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in {"leave", "render"}:
        host = verb.head
    shared = host.dep_ == "conj" and host.head.pos_ == "VERB" and host.head.i + 2 == host.i
    if (
        shared
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in host.children)
        and not any(c.dep_ in {"dobj", "nsubjpass"} for c in host.head.children)
    ):
        cc = next((c.lower_ for c in host.head.children if c.dep_ == "cc"), "and")
        word = f"{_participle(host.head)} {cc} {word}"  # "killed or left missing"
    else:
        other = next(
            (c for c in host.children if c.dep_ == "conj" and c.tag_ == "VBN" and c.i > host.i),
            None,
        )
        joint = next((c.lower_ for c in host.children if c.dep_ == "cc"), None)
        if other is not None and joint in {"or", "and"} and other.i == host.i + 2:
            word = f"{word} {joint} {other.lower_}"  # "damaged or destroyed"
    return word, absorbed
