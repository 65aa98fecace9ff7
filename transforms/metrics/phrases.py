"""Noun phrases as subjects: the normalised phrase a token heads (modifiers, one level of
complements, places left to the geography), its "of" complement, and acronyms defined in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Token

from transforms import lexicon
from transforms.metrics.context import _LOWER_WORDS_RE, _SPACES_RE, _Context, _in_time, _Quantity
from transforms.metrics.geography import _is_world, _place_of
from transforms.metrics.inflection import _singular_phrase
from transforms.metrics.syntax import _is_figure
from transforms.metrics.units import _SUBJECT_HEAD_NOMINALS

# "consumer price index (CPI)": a definition, and the acronym it defines.
_ACRONYM_DEF_RE = re.compile(r"((?:[A-Za-z][\w-]*+\s++){2,8})\(([A-Z]{2,6})\)")
_ACRONYM_PAREN_RE = re.compile(r"\(([A-Z]{2,6})\)")
_ACRONYM_STOP_RE = re.compile(r"[^\w\s-]")  # characters a definition's words cannot span

_FLOW_NOUNS = lexicon.words("subjects", "flow_nouns")
_SUBJECT_PREPS = lexicon.words("subjects", "prepositions")
_GEO_NOUNS = lexicon.words("subjects", "place_nouns")
_HYPHEN_SPACES_RE = re.compile(r"\s*-\s*")
_OF_FORM_RE = re.compile(r"(\w++) of ((?:[\w-]++ ){0,3}[\w-]+)")


def _of_phrase(ctx: _Context, anchor: Token, inside: set[int], q: _Quantity) -> str | None:
    """The "of Y" that follows a quantity: "21.3 percent of total new car sales"."""
    candidates = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"]
    for appos in (c for c in anchor.children if c.dep_ == "appos"):
        # "240 gigawatts (GW) of solar power capacity": the "of" hangs on the abbreviation.
        candidates += [c for c in appos.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not candidates:
        nxt = ctx.doc[anchor.i + 1] if anchor.i + 1 < len(ctx.doc) else None
        if nxt is not None and nxt.lower_ == "of" and nxt.idx >= q.end - 1:
            candidates = [nxt]
    for prep in candidates:
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and not pobj.like_num:
                phrase = _noun_phrase(ctx, pobj, inside, conj=True)  # "of rice and other crops"
                # The parser may hang "and other crops" on the measure noun instead.
                extra = [
                    c
                    for c in anchor.children
                    if c.dep_ == "conj" and c.i > pobj.i and c.pos_ == "NOUN" and not _is_figure(c)
                ]
                if phrase and extra:
                    more = _noun_phrase(ctx, extra[0], inside, preps=())
                    phrase = f"{phrase} and {more}" if more else phrase
                if phrase:
                    return phrase
    return None


def _noun_phrase(
    ctx: _Context,
    head: Token | None,
    exclude: set[int],
    geo: list[str] | None = None,
    preps: frozenset[str] | tuple[str, ...] | None = None,
    conj: bool = False,
) -> str | None:
    """A normalised, lower-case noun phrase around ``head``, without determiners or places.

    The phrase keeps the head's modifiers and one level of prepositional complements
    ("revenue from operations", "exports to Africa", "rice and other crops"); a place that
    modifies the head is geography and left out ("China's exports"), one inside a complement
    is part of what is measured ("trade with China").

    Long on purpose: the walk over the head's children decides token by token what to keep,
    and its cases share the kept and excluded sets.
    """
    allowed = _SUBJECT_PREPS if preps is None else preps
    if head is None:
        return None
    if head.idx < ctx.dateline_end:
        # "New Delhi, Nov 1 (PTI) Gross GST collections rose": the parser may make the
        # dateline the subject and hang the real one on it.
        later = [
            t
            for t in head.subtree
            if t.idx >= ctx.dateline_end
            and t.head.idx < ctx.dateline_end
            and t.pos_ in {"NOUN", "PROPN"}
        ]
        if not later:
            return None
        head = later[0]
    keep: set[int] = set()
    # A place inside a complement is part of what is measured: "exports to Africa", "trade
    # with China"; "in/on/at" a place says where, which the geography holds.
    partner: set[int] = set()
    doc = ctx.doc

    def grow(tok: Token, depth: int) -> None:
        keep.add(tok.i)
        for child in tok.children:
            if child.i in exclude:
                continue
            name_part = _name_number(child) or _hyphen_modifier(child)
            if child.like_num and child.pos_ == "NUM" and not name_part:
                continue
            if child.dep_ in {"compound", "amod", "nmod", "poss", "npadvmod", "advmod", "punct"}:
                if child.i < tok.i:
                    grow(child, depth)
            elif child.dep_ in {"nummod", "compound", "appos"} and _name_number(child):
                grow(child, depth)  # "S&P 500", "FTSE 100"
            elif child.dep_ == "nummod" and _hyphen_modifier(child):
                grow(child, depth)  # "the 10-year Treasury"
            elif (
                child.dep_ == "acl"
                and child.tag_ == "VBN"
                and depth == 0
                and child.i > tok.i
                and doc[child.i - 1].text not in {",", "(", "-", "—"}
                and not any(t.i in exclude or t.like_num for t in child.subtree)
                and not (
                    tok.tag_ == "NNS" and any(c.dep_ == "agent" for c in child.children)
                )  # "2,300 rescuers backed by drones": a description, not a kind
            ):
                # "people already internally displaced", "power consumed by charging services":
                # a restrictive participle says which ones are counted.
                keep.add(child.i)
                for part in child.children:
                    if part.dep_ in {"advmod", "prt"} or (part.dep_ == "neg" and part.i < child.i):
                        keep.update(t.i for t in part.subtree)
                    elif part.dep_ == "agent":
                        agent = [c for c in part.children if c.dep_ in {"pobj", "pcomp"}]
                        if agent and not any(_in_time(ctx, p.idx) for p in agent):
                            keep.add(part.i)
                            for p in agent:
                                grow(p, depth + 1)
            elif child.dep_ in {"conj", "cc"} and (depth or conj) and child.i > tok.i:
                if child.dep_ == "cc" or child.pos_ in {"NOUN", "PROPN"}:
                    grow(child, depth)  # "rice and other crops"
            elif child.dep_ == "prep" and child.lower_ in allowed and child.i > tok.i and depth < 1:
                pobjs = [c for c in child.children if c.dep_ == "pobj" and c.i not in exclude]
                # A figure in the complement's own phrase ("of 5 million people") makes it no
                # part of the subject; one in a phrase nested further down does not.
                numeric = any(
                    t.like_num and t.pos_ == "NUM" and not _hyphen_modifier(t)
                    for p in pobjs
                    for t in [p, *p.children]
                ) or any(t.i in exclude for p in pobjs for t in [p, *p.children])
                if pobjs and not numeric and not any(_in_time(ctx, p.idx) for p in pobjs):
                    located = (
                        child.lower_ in {"in", "on", "at", "for"}
                        and tok.lemma_.lower() not in _FLOW_NOUNS  # "investment in Africa"
                        and all(_place_of(ctx, p) is not None for p in pobjs)
                    )
                    if located:
                        # "retail sales in the UK": where, which is the geography's to say.
                        if geo is not None:
                            geo.extend(place for p in pobjs if (place := _place_of(ctx, p)))
                        continue
                    keep.add(child.i)
                    partner.update(t.i for p in pobjs for t in p.subtree)
                    for p in pobjs:
                        grow(p, depth + 1)

    grow(head, 0)
    first = min(keep)
    doc = ctx.doc
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        if doc[first - 1].whitespace_:
            break
        keep.update({first - 1, first - 2})  # "re-exports", which the parser splits apart
        first -= 2
    words: list[str] = []
    tokens = [ctx.doc[i] for i in sorted(keep)]
    for tok in tokens:
        low = tok.lower_
        glued = not tok.whitespace_ and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].text == "-"
        if (tok.dep_ == "det" and not glued) or tok.tag_ in {"PRP$", "POS", "WDT", "WP$"}:
            continue
        if tok.dep_ == "punct" and low not in {"-", "&"}:
            continue
        if tok.idx < ctx.dateline_end:
            continue  # "New Delhi, Nov 1 (PTI) Gross tax collections": not the dateline
        if _is_world(ctx, tok):
            if geo is not None:
                geo.append("world")
            continue
        place = _place_of(ctx, tok)
        in_partner = tok.i in partner and tok.dep_ != "poss"  # "Qatar's exports": geography
        if place is not None and tok.i != head.i and not in_partner:
            if geo is not None:
                geo.append(place)
            continue
        if _in_time(ctx, tok.idx) and tok.i != head.i and not _hyphen_modifier(tok):
            continue
        if tok.dep_ == "poss" and tok.lemma_.lower() in _GEO_NOUNS:
            continue  # "the country's installed capacity": geography, said already
        mention = next((m for m in ctx.mentions if m.start_char <= tok.idx < m.end_char), None)
        if tok.i == head.i and tok.text.isupper() and low in ctx.acronyms and mention is None:
            low = ctx.acronyms[low]  # "core CPI" is the "core consumer price index"
        words.append(low)
    phrase = " ".join(words)
    of_form = _OF_FORM_RE.fullmatch(phrase)
    if of_form and of_form.group(1) in _SUBJECT_HEAD_NOMINALS:
        # "sales of new energy vehicles" reads as "new energy vehicle sales".
        phrase = f"{_singular_phrase(of_form.group(2))} {of_form.group(1)}"
    phrase = _HYPHEN_SPACES_RE.sub("-", phrase).strip(" -")
    phrase = _SPACES_RE.sub(" ", phrase)
    return phrase or None


def _acronym_definitions(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_ACRONYM_DEF_RE.finditer(text)`, found without trying every position.

    A definition ends at a bracketed abbreviation, and its words cannot run past a character
    that is neither a word character, a space nor a hyphen; so the pattern is searched only
    from the last such character before each bracket, after the previous definition.
    """
    cursor = 0
    stops: list[int] | None = None
    for paren in _ACRONYM_PAREN_RE.finditer(text):
        if paren.start() < cursor:
            continue
        if stops is None:
            stops = [m.start() for m in _ACRONYM_STOP_RE.finditer(text)]
        # The last stop character before the bracket itself.
        at = bisect_left(stops, paren.start()) - 1
        lo = max(cursor, stops[at] + 1 if at >= 0 else 0)
        m = _ACRONYM_DEF_RE.search(text, lo, paren.end())
        if m is not None:
            cursor = m.end()
            yield m


def _acronyms(text: str) -> dict[str, str]:
    """Abbreviations the story defines: "consumer price index (CPI)" gives cpi."""
    found: dict[str, str] = {}
    for m in _acronym_definitions(text):
        letters = m.group(2).lower()
        words = _LOWER_WORDS_RE.findall(m.group(1).lower())
        # The shortest run of words before the brackets whose initials spell the abbreviation.
        for n in range(len(letters), min(len(words), len(letters) + 3) + 1):
            run = words[-n:]
            initials = "".join(w[0] for w in run if w not in {"of", "and", "the", "for", "on"})
            if initials == letters:
                found[letters] = " ".join(run)
                break
    return found


def _hyphen_modifier(tok: Token) -> bool:
    """A token of a hyphenated modifier: "10-year" in "the 10-year Treasury yield"."""
    doc = tok.doc
    if tok.text == "-" and not tok.whitespace_:
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return (nxt is not None and nxt.text == "-" and not tok.whitespace_) or (
        prev is not None and prev.text == "-" and not prev.whitespace_
    )


def _name_number(tok: Token) -> bool:
    """A number that belongs to a name: "S&P 500", "FTSE 100", "Boeing 737 MAX"."""
    if tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return before.pos_ == "PROPN" and tok.head.pos_ in {"PROPN", "NOUN"}
