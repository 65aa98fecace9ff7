"""Direct quotes, with their speaker and verb; a quote may run over several paragraphs."""

from __future__ import annotations

import re

from transforms import lexicon
from transforms.gazetteer import country_of_nation
from transforms.model import EntityMention, Quote


def _alternatives(name: str, key: str) -> str:
    """A word list as a regular-expression alternation, in the file's order."""
    return "|".join(map(re.escape, lexicon.terms(name, key)))


MIN_QUOTE_WORDS = 4
SPEECH_VERBS = "|".join(map(re.escape, lexicon.reporting("quote")))
_VERB = re.compile(rf"\b(?P<verb>{SPEECH_VERBS})\b", re.I)
_PRONOUN = re.compile(rf"\b(?P<pronoun>{_alternatives('quotes', 'pronouns')})\b", re.I)
_ROLE = re.compile(
    rf"\bthe\s+(?P<role>(?:\w+\s+){{0,2}}(?:{_alternatives('quotes', 'roles')}))\b",
    re.I,
)
_TITLE_WORDS = lexicon.words("quotes", "title_words")
# An untagged name beside a verb may not start with one ("He said", "We added").
_NOT_NAMES = lexicon.words("entities", "subject_pronouns")
# A capitalised name next to a speech verb, for speakers the model did not tag.
_NAME_AFTER_VERB = re.compile(
    rf"\b(?:{SPEECH_VERBS})\s+(?P<name>(?:[A-Z][\w.'’-]+\s+){{0,5}}[A-Z][\w'’-]+)"
)
_NAME_BEFORE_VERB = re.compile(
    rf"(?P<name>(?:[A-Z][\w.'’-]+\s+){{0,5}}[A-Z][\w'’-]+)\s+(?:{SPEECH_VERBS})\b"
)
_OPEN = "“"
_CLOSE = "”"


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside quotation marks; continued paragraphs are joined."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if start is None:
            if char == _OPEN or (char == '"' and _opens(text, index)):
                start = index + 1
        elif char == _CLOSE or char == '"':
            spans.append((start, index))
            start = None
        elif char == "\n" and text.startswith("\n\n", index):
            # A quote left open at a paragraph end goes on only if the next one reopens it.
            following = text[index:].lstrip("\n")
            if not following.startswith((_OPEN, '"')):
                start = None
            else:
                index = length - len(following)  # skip to the reopening mark
        index += 1
    return [(s, e) for s, e in spans if len(text[s:e].split()) >= MIN_QUOTE_WORDS]


def _opens(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    return before in " \n\t(—–-:[" or index == 0


def extract_quotes(text: str, mentions: list[EntityMention]) -> list[Quote]:
    """Quotes in a body, attributed to the nearest speaker the text names."""
    people = [m for m in mentions if m.entity_type in ("PERSON", "ORG")]
    quotes = []
    for start, end in find_quote_spans(text):
        speaker, verb = _attribute(text, start, end, people)
        quotes.append(
            Quote(
                speaker_name=speaker,
                text=text[start:end],
                verb=verb,
                start_char=start,
                end_char=end,
            )
        )
    return quotes


def _attribute(
    text: str, start: int, end: int, people: list[EntityMention]
) -> tuple[str | None, str | None]:
    paragraph_end = text.find("\n\n", end)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    paragraph_start = text.rfind("\n\n", 0, start - 1) + 1
    after = (end + 1, min(paragraph_end, end + 120))
    before = (max(paragraph_start, start - 160), start - 1)
    for window in (after, before):
        segment = text[window[0] : window[1]]
        verb = _VERB.search(segment)
        if not verb:
            continue
        verb_at = window[0] + verb.start()
        # Whoever was told is the listener, not the speaker ("Nystad told Anadolu").
        named = [
            m
            for m in people
            if window[0] <= m.start_char < window[1]
            and not re.search(r"\b(?:told|to)\s*$", text[max(0, m.start_char - 8) : m.start_char])
        ]
        persons = [m for m in named if m.entity_type == "PERSON"]
        if persons or named:
            # The name nearest the verb is the speaker ("said Xiong", "Xiong said").
            best = min(persons or named, key=lambda m: abs(m.start_char - verb_at))
            if persons or not _untagged_name(segment):
                return best.canonical, verb.group("verb").lower()
        name = _untagged_name(segment)
        if name:
            return _resolve_name(name, people), verb.group("verb").lower()
        if _PRONOUN.search(segment) or _ROLE.search(segment):
            return _nearest_before(people, start), verb.group("verb").lower()
    # A quote paragraph with no attribution continues the last named speaker's remarks.
    return _nearest_before([m for m in people if m.entity_type == "PERSON"], start), None


def _untagged_name(segment: str) -> str | None:
    """A capitalised name beside the speech verb, with leading titles removed."""
    for pattern in (_NAME_AFTER_VERB, _NAME_BEFORE_VERB):
        match = pattern.search(segment)
        if not match:
            continue
        # The name is the trailing run of words that are not titles or nationalities:
        # "Chinese Ambassador Zhou Haoran" -> "Zhou Haoran".
        words: list[str] = []
        for word in reversed(match.group("name").split()):
            if word.lower().strip(".") in _TITLE_WORDS or country_of_nation(word):
                break
            words.insert(0, word)
        if words and words[0].lower() not in _NOT_NAMES:
            return " ".join(words)
    return None


def _resolve_name(name: str, people: list[EntityMention]) -> str:
    """A surname or partial name maps to the full name the article uses elsewhere."""
    for mention in people:
        if mention.entity_type == "PERSON" and name in mention.canonical.split():
            return mention.canonical
    return name


def _nearest_before(people: list[EntityMention], offset: int) -> str | None:
    earlier = [m for m in people if m.start_char < offset and m.entity_type == "PERSON"]
    return earlier[-1].canonical if earlier else None
