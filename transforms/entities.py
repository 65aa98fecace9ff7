"""Named entities: spaCy's NER, corrected by rules that news copy needs.

- acronyms defined in the text ("Ministry of ... (MIIT)") and their later uses share one entity;
  an acronym of a lower-case phrase ("new energy vehicle (NEV)") is a term, not an entity;
- surname-only mentions resolve to the full name, and are people, not places;
- the dateline place is a place; the agency credit beside it is not an entity;
- country codes come from the gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from transforms.gazetteer import country_code_for, country_of_nation, is_country
from transforms.model import EntityMention
from transforms.wire import DATELINE

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "NORP", "LAW")
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "&", "de", "du", "des", "la", "to", "at"}
_ACRONYM = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z0-9&]{1,9}?)s?\s*\)")
_PLACE_SUFFIX = re.compile(
    r"\s+(Province|State|Prefecture|Region|Governorate|Emirate|County|City)$", re.I
)
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_OWNER = re.compile(r"(?P<place>[A-Z][\w.\- ]{1,40}?)['’]s\s*$")


@dataclass(slots=True)
class _Raw:
    text: str
    start: int
    end: int
    label: str


def find_acronyms(text: str) -> dict[str, tuple[str, bool]]:
    """Acronyms defined in the text: ACR -> (long form, whether the long form is a name)."""
    found: dict[str, tuple[str, bool]] = {}
    for match in _ACRONYM.finditer(text):
        acronym = match.group("acr")
        before = text[max(0, match.start() - 160) : match.start()].rstrip()
        words = re.findall(r"[\w’'.\-&]+", before)
        long_form = _match_long_form(acronym, words)
        if long_form:
            is_name = all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in long_form.split())
            found.setdefault(acronym, (long_form, is_name))
    return found


def _match_long_form(acronym: str, words: list[str]) -> str | None:
    letters = [c.lower() for c in acronym if c.isalpha()]
    # Try the shortest run of trailing words whose letters spell the acronym.
    for size in range(1, min(len(words), len(letters) + 4) + 1):
        run = words[-size:]
        if run[0].lower() in _SMALL_WORDS:
            continue
        significant = [w.lower() for w in run if w.lower() not in _SMALL_WORDS]
        # Mixed-case acronyms spell small words too: MoEI, Ministry of Energy and Infrastructure.
        every = [w.lower() for w in run if w.lower() not in ("and", "&", "the")]
        if _spells(letters, significant) or (
            acronym != acronym.upper() and _spells(letters, every)
        ):
            return " ".join(run)
    return None


def _spells(letters: list[str], words: list[str]) -> bool:
    """Each word gives its initial and, in order, maybe more of its letters (TeleVision)."""
    if not words:
        return not letters
    if not letters or words[0][:1] != letters[0]:
        return False
    word = words[0]
    for taken in range(1, len(letters) + 1):
        if taken > 1:
            rest = word[1:]
            positions = iter(rest)
            if not all(ch in positions for ch in letters[1:taken]):
                break
        if _spells(letters[taken:], words[1:]):
            return True
    return False


def _clean(text: str) -> str:
    text = _LEADING.sub("", text.strip())
    return _POSSESSIVE.sub("", text).strip(" ,.;:")


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def extract_entities(doc: Doc) -> list[EntityMention]:
    """Entity mentions of an article body, each with its canonical name within the article."""
    text = doc.text
    sentence_starts = [s.start_char for s in doc.sents]
    raws = [_Raw(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]
    raws = [_cut_parenthesis(r) for r in raws if r.label in ENTITY_TYPES]

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
    return mentions


def _cut_parenthesis(raw: _Raw) -> _Raw:
    """'Ministry of Energy (MoE' -> 'Ministry of Energy': the model often swallows the acronym."""
    cut = raw.text.find(" (")
    if cut > 0:
        return _Raw(raw.text[:cut], raw.start, raw.start + cut, raw.label)
    return raw


def _add_acronym_uses(
    text: str, raws: list[_Raw], acronyms: dict[str, tuple[str, bool]]
) -> list[_Raw]:
    """Mentions of defined acronyms that the model missed or mislabelled."""
    taken = [(r.start, r.end) for r in raws]
    label_of_long = {
        acr: next((r.label for r in raws if _clean(r.text) == _clean(long)), "ORG")
        for acr, (long, is_name) in acronyms.items()
        if is_name
    }
    for raw in raws:
        name = _clean(raw.text)
        if name in label_of_long:
            raw.label = label_of_long[name]
    for acronym, label in label_of_long.items():
        for match in re.finditer(rf"\b{re.escape(acronym)}\b", text):
            if any(s < match.end() and e > match.start() for s, e in taken):
                continue
            raws.append(_Raw(acronym, match.start(), match.end(), label))
    return raws


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


def _sentence_index(starts: list[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
        else:
            break
    return index
