"""Where a figure applies: countries from the entity mentions, the dateline and the parse, as
ISO codes, and which countries a sentence or story speaks of.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms import lexicon
from transforms.gazetteer import country_lookup, country_of_capital, country_of_demonym
from transforms.metrics.context import (
    _ACCORDING_RE,
    _LOWER_WORDS_RE,
    _Context,
    _Quantity,
    _Reading,
    _Sentence,
)
from transforms.metrics.syntax import _ENTITY_NAME_TRIM_RE
from transforms.model import EntityMention

_GEO_WORLD = lexicon.words("subjects", "world_words")
_JAPAN_WORDS = lexicon.words("currencies", "japan_words")


def _geography(ctx: _Context, sent: _Sentence, q: _Quantity, reading: _Reading) -> str | None:
    places = [p for p in reading.geo if p != "world"]
    if places:
        return places[0]
    if "world" in reading.geo:
        return "world"
    best: tuple[int, str] | None = None
    dateline: str | None = None
    for m in ctx.mentions:
        if m.entity_type not in {"GPE", "LOC"}:
            continue
        if m.start_char < ctx.dateline_end:
            # The dateline says where the reporter is: a last resort for the lead paragraph.
            if sent.start < ctx.lead_end:
                # National figures are reported from the capital: "ISLAMABAD" stands for PK.
                capital = country_of_capital(m.canonical) or country_of_capital(m.text)
                dateline = dateline or capital or _mention_place(m)
            continue
        if not sent.start <= m.start_char < sent.end:
            continue
        if any(
            n.start_char <= m.start_char and m.end_char <= n.end_char and n is not m
            for n in ctx.mentions
            if n.entity_type not in {"GPE", "LOC"}
        ):
            continue  # "Bank of England", "State Bank of Pakistan"
        if _ACCORDING_RE.search(ctx.text[max(sent.start, m.start_char - 40) : m.start_char]):
            continue
        distance = q.start - m.end_char if m.end_char <= q.start else m.start_char - q.end
        place = _mention_place(m)
        if place is not None and (best is None or abs(distance) < best[0]):
            best = (abs(distance), place)
    if best is not None:
        return best[1]
    if sent.world is None:
        sent.world = any(_is_world(ctx, tok) for tok in sent.span)
    if sent.world:
        return "world"
    return dateline


def _is_world(ctx: _Context, tok: Token) -> bool:
    """ "global", "worldwide", "world" as a scope, not as part of a name ("World Bank")."""
    if tok.lower_ not in _GEO_WORLD:
        return False
    if tok.text[:1].isupper() and not tok.is_sent_start:
        return False
    return not any(
        m.start_char <= tok.idx < m.end_char and m.entity_type not in {"GPE", "LOC"}
        for m in ctx.mentions
    )


def _place_of(ctx: _Context, tok: Token) -> str | None:
    """The place a token names, if it is part of a GPE mention or a national adjective."""
    for m in ctx.mentions:
        if m.start_char <= tok.idx < m.end_char:
            if m.entity_type in {"GPE", "LOC"}:
                return _mention_place(m)
            if m.entity_type == "NORP":
                return m.country_code or country_of_demonym(tok.lower_)
            return None
    if tok.pos_ in {"ADJ", "PROPN"}:
        return country_of_demonym(tok.lower_)
    return None


def _mention_place(m: EntityMention) -> str | None:
    code = country_lookup(m.canonical) or country_lookup(m.text)
    if code is not None:
        return code
    if any(c.isdigit() for c in m.canonical):
        return None  # a date the entity tagger took for a place
    return m.canonical


def _mentions_from_ents(doc: Doc) -> list[EntityMention]:
    """Entity mentions straight from the spaCy NER, for callers that pass none."""
    out: list[EntityMention] = []
    sent_starts = [s.start_char for s in doc.sents]
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"}:
            continue
        index = sum(1 for s in sent_starts if s <= ent.start_char) - 1
        name = _ENTITY_NAME_TRIM_RE.sub("", ent.text).strip()
        out.append(
            EntityMention(
                text=ent.text,
                start_char=ent.start_char,
                end_char=ent.end_char,
                sentence_index=max(index, 0),
                entity_type=ent.label_,
                canonical=name,
                country_code=country_lookup(name) if ent.label_ == "GPE" else None,
            )
        )
    return out


def _context_countries(ctx: _Context, sent: _Sentence) -> list[str]:
    """Countries the sentence, then the dateline, then the story as a whole are about."""
    ordered: list[str] = []
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        code = m.country_code if m.entity_type in {"GPE", "LOC", "NORP"} else None
        if code is None:
            continue
        if sent.start <= m.start_char < sent.end or m.start_char < ctx.dateline_end:
            ordered.append(code)
        counts[code] = counts.get(code, 0) + 1
    if counts:
        ordered.append(max(counts, key=lambda c: counts[c]))
    return ordered


def _japan_context(ctx: _Context, sent: _Sentence) -> bool:
    """Whether "¥" is yen: the sentence, else the dateline, else the story is about Japan."""
    words = set(_LOWER_WORDS_RE.findall(ctx.text[sent.start : sent.end].lower()))
    if words & _JAPAN_WORDS:
        return True
    for country in _context_countries(ctx, sent):
        if country in {"JP", "CN"}:
            return country == "JP"
    dateline = set(_LOWER_WORDS_RE.findall(ctx.text[: ctx.dateline_end].lower()))
    return bool(dateline & _JAPAN_WORDS)
