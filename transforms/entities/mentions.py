"""Entity mentions: spaCy's entities -> canonical mentions, corrected by rules news copy needs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from transforms.entities.acronyms import _add_acronym_uses, find_acronyms
from transforms.entities.names import (
    _PLACE_TYPES,
    _clean,
    _country,
    _cut_parenthesis,
    _key,
    _place_name,
    _Raw,
    _trim_edges,
)
from transforms.entities.titles import (
    _HONORIFICS,
    _RANKS,
    _TITLE_MODIFIERS,
    _is_head,
    add_titles,
)
from transforms.gazetteer import country_code_for, is_country, is_demonym
from transforms.model import EntityMention
from transforms.segment import doc_text
from transforms.wire import DATELINE

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "NORP", "LAW")


def extract_entities(doc: Doc) -> list[EntityMention]:
    """Entity mentions of an article body, each with its canonical name within the article."""
    text = doc_text(doc)
    sentence_starts = [s.start_char for s in doc.sents]
    raws = [_Raw(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]
    raws = [_trim_edges(_cut_parenthesis(r)) for r in raws if r.label in ENTITY_TYPES]
    raws = [_demonym_as_nationality(r) for r in raws]
    raws = [r for r in map(_strip_title, raws) if r is not None]

    dateline = DATELINE.match(text)
    if dateline:
        credit = (dateline.start("credit"), dateline.end("credit"))
        place = (dateline.start("place"), dateline.end("place"))
        raws = [r for r in raws if not (r.start >= credit[0] - 1 and r.end <= credit[1] + 1)]
        raws = [r for r in raws if not (r.start < place[1] and r.end > place[0])]
        raws.append(_Raw(dateline.group("place"), place[0], place[1], "GPE"))

    acronyms = find_acronyms(text)
    terms = {a for a, (_, is_name) in acronyms.items() if not is_name}
    raws = [r for r in raws if _clean(r.text) not in terms]
    raws = _add_acronym_uses(text, raws, acronyms)

    # A single name resolves to the one full name containing it: "Xiong" of "Xiong Jijun".
    people = {_clean(r.text) for r in raws if r.label == "PERSON" and len(r.text.split()) > 1}
    holders: dict[str, set[str]] = defaultdict(set)
    for person in people:
        for part in person.split():
            if part[:1].isupper() and len(part) > 1:
                holders[part].add(person)
    surnames = {part: next(iter(names)) for part, names in holders.items() if len(names) == 1}
    canon: dict[int, str] = {}
    for index, raw in enumerate(raws):
        name = _clean(raw.text)
        if name in surnames and len(name.split()) == 1:
            raw.label = "PERSON"
            canon[index] = surnames[name]
        elif name in acronyms and acronyms[name][1]:
            canon[index] = _clean(acronyms[name][0])
        elif raw.label in _PLACE_TYPES:
            canon[index] = _place_name(name)
        else:
            canon[index] = name

    # One type per canonical name: the type of its fullest mention wins, else the majority.
    groups: dict[str, list[int]] = defaultdict(list)
    for index, name in canon.items():
        groups[_key(name)].append(index)
    mentions: list[EntityMention] = []
    for members in groups.values():
        name = max((canon[i] for i in members), key=len)
        labels = Counter(raws[i].label for i in members)
        full = [raws[i].label for i in members if _key(_clean(raws[i].text)) == _key(name)]
        label = full[0] if full else labels.most_common(1)[0][0]
        # A name the text itself uses as a place (a dateline, "in Karachi") is a place.
        if label == "ORG" and labels["GPE"] and country_code_for(name):
            label = "GPE"
        # The model often calls a country an organisation ("the UAE signed ...").
        if label in ("ORG", "PERSON") and is_country(name):
            label = "GPE"
        aliases = sorted({_clean(raws[i].text) for i in members} - {name})
        country = _country(text, raws, members, name, label)
        for i in members:
            raw = raws[i]
            mentions.append(
                EntityMention(
                    text=raw.text,
                    start_char=raw.start,
                    end_char=raw.end,
                    sentence_index=_sentence_index(sentence_starts, raw.start),
                    entity_type=label,
                    canonical=name,
                    aliases=aliases,
                    country_code=country,
                )
            )
    mentions.sort(key=lambda m: m.start_char)
    add_titles(doc, mentions, acronyms)
    return mentions


def _demonym_as_nationality(raw: _Raw) -> _Raw:
    """A demonym the model typed as a place ("Kuwaiti", "Congolese") is a nationality (NORP)."""
    if raw.label in _PLACE_TYPES and is_demonym(raw.text):
        return _Raw(raw.text, raw.start, raw.end, "NORP")
    return raw


def _strip_title(raw: _Raw) -> _Raw | None:
    """'statistician Zhang Yuhan' -> 'Zhang Yuhan': the title is read apart (see add_titles).

    A PERSON made only of titles and honorifics ("Tan Sri") is no name at all.
    """
    if raw.label != "PERSON":
        return raw
    cut = 0
    for match in re.finditer(r"\S+\s*", raw.text):
        word = match.group().strip().lower().rstrip(".")
        if not (
            _is_head(word) or word in _TITLE_MODIFIERS or word in _HONORIFICS or word in _RANKS
        ):
            break
        cut = match.end()
    else:
        return None
    if cut == 0:
        return raw
    return _Raw(raw.text[cut:], raw.start + cut, raw.end, raw.label)


def _sentence_index(starts: list[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
        else:
            break
    return index
