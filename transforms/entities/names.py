"""Names of mentions: a mention as the model gave it, its cleaned and canonical name, place names
and the country an organisation or place belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms import lexicon
from transforms.gazetteer import country_code_for, country_of_nation

_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_PLACE_SUFFIX = re.compile(
    r"\s++(" + "|".join(map(re.escape, lexicon.terms("entities", "place_suffixes"))) + ")$", re.I
)
_LEADING = re.compile(
    r"^(" + "|".join(map(re.escape, lexicon.terms("entities", "leading_articles"))) + r")\s+", re.I
)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_OWNER = re.compile(r"(?P<place>[A-Z][\w.\- ]{1,40}?)['’]s\s*$")


@dataclass(slots=True)
class _Raw:
    text: str
    start: int
    end: int
    label: str


def _clean(text: str) -> str:
    text = _LEADING.sub("", text.strip())
    return _POSSESSIVE.sub("", text).strip(" ,.;:")


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def _trim_edges(raw: _Raw) -> _Raw:
    """The name alone, as news annotation marks it: no article in front ("the United States"
    -> "United States") and no possessive behind ("Hussein's" -> "Hussein"), the offsets moved
    with the text. A name that is only an article stays as it is."""
    text, start, end = raw.text, raw.start, raw.end
    leading = _LEADING.match(text)
    if leading and leading.end() < len(text):
        start += leading.end()
        text = text[leading.end() :]
    possessive = _POSSESSIVE.search(text)
    if possessive and possessive.start() > 0:
        end -= len(text) - possessive.start()
        text = text[: possessive.start()]
    if (start, end) == (raw.start, raw.end):
        return raw
    return _Raw(text, start, end, raw.label)


def _cut_parenthesis(raw: _Raw) -> _Raw:
    """'Ministry of Energy (MoE' -> 'Ministry of Energy': the model often swallows the acronym."""
    cut = raw.text.find(" (")
    if cut > 0:
        return _Raw(raw.text[:cut], raw.start, raw.start + cut, raw.label)
    return raw


def _place_name(name: str) -> str:
    if name.isupper() and len(name) > 3:
        name = name.title()
    base = _PLACE_SUFFIX.sub("", name)
    return base if base != name and country_code_for(base) else name


def _country(text: str, raws: list[_Raw], members: list[int], name: str, label: str) -> str | None:
    if label in _PLACE_TYPES or label == "NORP":
        return country_code_for(name)
    if label in ("ORG", "EVENT", "FAC", "LAW"):
        for i in members:
            owner = _OWNER.search(text[max(0, raws[i].start - 40) : raws[i].start])
            if owner:
                code = country_code_for(owner.group("place").split()[-1])
                if code:
                    return code
        words = name.split()
        for size in range(min(3, len(words) - 1), 0, -1):
            head = " ".join(words[:size])
            # A one-word head must name a nation; longer ones may be cities ("Abu Dhabi ...").
            code = country_code_for(head) if size > 1 else country_of_nation(head)
            if code:
                return code
    return None
