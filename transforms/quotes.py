"""Direct quotes, with their speaker and verb; a quote may run over several paragraphs."""

from __future__ import annotations

import re

from transforms.model import EntityMention, Quote

MIN_QUOTE_WORDS = 4
SPEECH_VERBS = (
    "said|says|say|added|adds|noted|notes|stressed|stresses|told|tells|stated|states|explained|"
    "asked|declared|warned|warns|insisted|emphasized|emphasised|underlined|underscored|"
    "pointed out|remarked|wrote|writes|continued|concluded|urged|announced|affirmed|highlighted"
)
_VERB = re.compile(rf"\b(?P<verb>{SPEECH_VERBS})\b", re.I)
_PRONOUN = re.compile(r"\b(?P<pronoun>he|she|they|it)\b", re.I)
_ROLE = re.compile(
    r"\bthe\s+(?P<role>(?:\w+\s+){0,2}(?:spokesperson|spokesman|spokeswoman|minister|official|"
    r"president|chairman|chairwoman|chief|director|governor|ambassador|secretary|envoy|"
    r"statement|ministry|company|agency|premier|mayor|ceo|commissioner))\b",
    re.I,
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
        named = [m for m in people if window[0] <= m.start_char < window[1]]
        if named:
            # The name nearest the verb is the speaker ("said Xiong", "Xiong said").
            verb_at = window[0] + verb.start()
            best = min(named, key=lambda m: abs(m.start_char - verb_at))
            return best.canonical, verb.group("verb").lower()
        if _PRONOUN.search(segment) or _ROLE.search(segment):
            return _nearest_before(people, start), verb.group("verb").lower()
    # A quote paragraph with no attribution continues the last named speaker's remarks.
    return _nearest_before([m for m in people if m.entity_type == "PERSON"], start), None


def _nearest_before(people: list[EntityMention], offset: int) -> str | None:
    earlier = [m for m in people if m.start_char < offset and m.entity_type == "PERSON"]
    return earlier[-1].canonical if earlier else None
