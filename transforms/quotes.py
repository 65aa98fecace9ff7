"""Quotes with their speaker and verb: direct quotes, partial (mixed) quotes inside the writer's
own sentence, and indirect speech ("X said that ...", "according to X, ...").

A quote may run over several paragraphs. The speaker is read from the parse where there is one:
the subject of the reporting verb, resolved to a named entity when the text says "he", "the
spokesman" or "the ministry". Each quote names the rule that found its speaker:

- ``named``: a person or organisation the model tagged is the verb's subject (or stands beside
  the verb);
- ``name_in_text``: a capitalised name beside the verb that the model did not tag;
- ``pronoun``: "he"/"she" -> the person who is the subject of the sentence before (or of this
  one, before the quote), else the last speaker if near, else the nearest person named before;
  "it"/"they" -> the nearest organisation named before (else as for "he");
- ``role``: "the spokesman", "the senator" -> as for "he";
- ``organisation``: "the ministry", "the campaign" -> the nearest organisation named before;
- ``previous_speaker``: a quote with no attribution of its own continues the last speaker;
- ``description``: an unnamed speaker the text only describes ("a senior official",
  "analysts"): the words themselves, with no entity.
"""

from __future__ import annotations

import bisect
import re
import sys

from spacy.tokens import Doc, Span, Token

from transforms import lexicon
from transforms.gazetteer import country_of_nation
from transforms.model import EntityMention, Quote
from transforms.segment import doc_text


def _alternatives(name: str, key: str) -> str:
    """A word list as a regular-expression alternation, in the file's order."""
    return "|".join(map(re.escape, lexicon.terms(name, key)))


MIN_QUOTE_WORDS = 4
# How far (characters) a reporting verb may stand after a quote's end or before its start.
NEAR_AFTER, NEAR_BEFORE = 100, 160
LEAD_CHARS = 400  # how far back a quote's sentence is looked for
TITLE_WORDS = 6  # a title-case phrase in marks up to this long is a name, not a quote
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
_SPEECH_LEMMAS = frozenset(lexicon.reporting("speech"))
_INDIRECT_LEMMAS = frozenset(lexicon.reporting("indirect"))
_DIRECTIVE_LEMMAS = frozenset(lexicon.reporting("directive"))
_NOMINAL_LEMMAS = frozenset(lexicon.reporting("nominal"))
_REPORTING_LEMMAS = _SPEECH_LEMMAS | _INDIRECT_LEMMAS | _DIRECTIVE_LEMMAS | _NOMINAL_LEMMAS
_ORGANISATION_NOUNS = lexicon.words("quotes", "organisation_nouns")
_NOT_QUOTED_AFTER = lexicon.terms("quotes", "not_quoted_after")
_SPEAKERS = ("PERSON", "ORG", "GPE", "NORP")
# A capitalised name next to a speech verb, for speakers the model did not tag.
_NAME_AFTER_VERB = re.compile(
    rf"\b(?:{SPEECH_VERBS})\s+(?P<name>(?:[A-Z][\w.'’-]+\s+){{0,5}}[A-Z][\w'’-]+)"
)
_NAME_BEFORE_VERB = re.compile(
    rf"(?P<name>(?:[A-Z][\w.'’-]+\s+){{0,5}}[A-Z][\w'’-]+)\s+(?:{SPEECH_VERBS})\b"
)
_NOT_QUOTED = re.compile(rf"\b(?:{'|'.join(map(re.escape, _NOT_QUOTED_AFTER))})\s*$", re.I)
_OPEN = "“"
_CLOSE = "”"
# What may stand between a sentence's start and the opening mark of a direct quote: nothing,
# or an attribution ending in a colon or comma ("She said:", "He added,").
_DIRECT_LEAD = re.compile(r"(?:^|[:,]|\b(?:" + SPEECH_VERBS + r"))\s*$", re.I)
# ... and where a quote goes on after its attribution, in any case ("..., Carter said, "and ...").
_RESUMED_LEAD = re.compile(r"(?:[:]|\b(?:" + SPEECH_VERBS + r"),)\s*$", re.I)


def find_quote_spans(text: str, min_words: int = MIN_QUOTE_WORDS) -> list[tuple[int, int]]:
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
    return [(s, e) for s, e in spans if len(text[s:e].split()) >= min_words]


def _opens(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    return before in " \n\t(—–-:[" or index == 0


def extract_quotes(text: str, mentions: list[EntityMention], doc: Doc | None = None) -> list[Quote]:
    """Quotes in a body, attributed to the speaker the text names; with the parse (``doc``),
    also partial quotes of a few words and indirect speech."""
    # A speaker's name starts with a letter: not "1:50 p.m." or "2 Salma" the model tagged.
    people = [m for m in mentions if m.entity_type in _SPEAKERS and m.canonical[:1].isalpha()]
    if doc is None:
        return _quotes_without_parse(text, people)
    spans = find_quote_spans(text, 1)
    found = _marked_quotes(doc, spans)
    # One row per span (its key): two verbs may report the same clause ("said and added").
    seen = {(start, end) for start, end, _, _ in found}
    for item in indirect_speech(doc, spans):
        if (item[0], item[1]) not in seen:
            seen.add((item[0], item[1]))
            found.append(item)
    found.sort(key=lambda f: f[0])
    quotes = []
    # Nobody is the speaker of a quote by being named inside one.
    speakers = [m for m in people if not _inside(m.start_char, spans)]
    context = _Speakers(speakers, doc)
    for start, end, kind, token in found:
        speaker: str | None = None
        rule: str | None = None
        verb: str | None = None
        if token is not None:
            speaker, rule = context.speaker_of(token, start)
            if token.lower_ == "according":
                verb = "according to"
            elif token.lemma_.lower() in _REPORTING_LEMMAS:
                verb = token.lower_  # not the main verb a partial quote's speaker came from
        if speaker is None and kind != "indirect":
            speaker, rule = context.previous(start), "previous_speaker"
            if speaker is None:
                speaker, verb, rule = _attribute(text, start, end, speakers)
        if speaker is None:
            rule = None
        elif rule != "description":
            context.said(speaker, start)
        quotes.append(Quote(speaker, text[start:end], verb, start, end, kind, rule))
    return quotes


def _marked_quotes(
    doc: Doc, spans: list[tuple[int, int]]
) -> list[tuple[int, int, str, Token | None]]:
    """The quotes in quotation marks: span, kind and the word that tells who said them (the
    reporting verb that governs the quote or stands beside it, the clause before a colon, or
    the main verb of a partial quote's sentence)."""
    found: list[tuple[int, int, str, Token | None]] = []
    for start, end in spans:
        kind = quote_kind(doc_text(doc), start, end)
        # A title-case phrase is quoted only when a reporting verb takes it as its object.
        if kind is None or (kind == "title" and _governing_verb(doc, start, end, 2) is None):
            continue
        kind = "mixed" if kind == "title" else kind
        token = (
            _governing_verb(doc, start, end)
            or _neighbouring_verb(doc, start, end, spans)
            or _before_colon(doc, start)
        )
        if token is None and kind == "mixed":
            token = _sentence_root(doc, start)
        found.append((start, end, kind, token))
    return found


def _quotes_without_parse(text: str, people: list[EntityMention]) -> list[Quote]:
    """Quotes of four words or more, their speakers read from the words round them."""
    quotes = []
    for start, end in find_quote_spans(text):
        kind = quote_kind(text, start, end)
        if kind in ("direct", "mixed"):
            speaker, verb, rule = _attribute(text, start, end, people)
            quotes.append(Quote(speaker, text[start:end], verb, start, end, kind, rule))
    return quotes


def quote_kind(text: str, start: int, end: int) -> str | None:
    """direct, mixed, title (a phrase in title case: a quote only where a reporting verb
    governs it, as in dubbed him "Little Marco"), or None for a term: the so-called "fiscal
    cliff"."""
    quoted = text[start:end]
    words = quoted.split()
    window = max(0, start - 1 - LEAD_CHARS)
    before = text[window : start - 1]
    sentence_start = max(
        before.rfind("\n") + 1,
        max((m.end() for m in re.finditer(r"[.!?][”\"]?\s+", before)), default=0),
    )
    lead = before[sentence_start:]
    direct = bool(_RESUMED_LEAD.search(lead)) or (
        bool(_DIRECT_LEAD.search(lead)) and (quoted[:1].isupper() or quoted[:1] in "'‘“\"….")
    )
    # A name in title case ("State of the Union", "Morning Desk"), or a term after "so-called".
    if len(words) < MIN_QUOTE_WORDS and _NOT_QUOTED.search(lead):
        return None
    titled = all(w[:1].isupper() for w in words if len(w) > 3)
    if titled and (len(words) < MIN_QUOTE_WORDS or (len(words) <= TITLE_WORDS and not direct)):
        return "title"
    return "direct" if direct else "mixed"


# Speakers from the parse ----------------------------------------------------------------------


def _governing_verb(doc: Doc, start: int, end: int, hops: int = 8) -> Token | None:
    """The reporting verb a partial quote hangs from ("called the plan "a disaster"")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token: Token = span.root
    for _ in range(hops):
        if token.head is token:
            return None
        token = token.head
        outside = token.idx < start or token.idx >= end
        if outside and token.lemma_.lower() in _SPEECH_LEMMAS and token.pos_ in ("VERB", "AUX"):
            return token  # also through a reported clause: said the plan was "a disaster"
    return None


def _neighbouring_verb(
    doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]
) -> Token | None:
    """A reporting verb near the quote, outside every quote, in the sentence that closes it,
    else in the one that opens it ("..., she said." / "She said: ...")."""
    sentences: list[Span] = []
    for offset in (end, start - 1):
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and len(span):
            sentence = span[0].sent
            if sentence not in sentences:
                sentences.append(sentence)
    for sentence in sentences:
        verbs = [
            t
            for t in sentence
            if _reports(t)
            and not _inside(t.idx, quoted, marks=True)
            and (end < t.idx <= end + NEAR_AFTER or start - NEAR_BEFORE <= t.idx < start)
        ]
        if verbs:
            return min(verbs, key=lambda t: min(abs(t.idx - end), abs(t.idx - start)))
    return None


def _before_colon(doc: Doc, start: int) -> Token | None:
    """The clause that opens a quote with a colon, when its subject is a name ("Ortiz was
    blunt:")."""
    colon = doc.char_span(start - 2, start - 1, alignment_mode="expand")
    at = start - 2
    while colon is not None and at > 0 and doc_text(doc)[at].isspace():
        at -= 1
        colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None or not len(colon) or colon[0].text != ":":
        return None
    head = colon[0].head
    subject = _subject(head)
    named = subject is not None and any(t.pos_ == "PROPN" for t in subject.subtree)
    return head if named else None


def _sentence_root(doc: Doc, start: int) -> Token | None:
    """The main verb of a partial quote's sentence when its subject is a name: the writer's
    sentence then reports that subject's words ("Sanders repeated his promise of "free
    college"")."""
    at = doc.char_span(start, start + 1, alignment_mode="expand")
    if at is None or not len(at):
        return None
    root = at[0].sent.root
    subject = _subject(root)
    named = subject is not None and any(t.pos_ == "PROPN" for t in subject.subtree)
    return root if named else None


def _reports(token: Token) -> bool:
    """A reporting verb, also where the tagger took it for a plural noun ("Bozell notes.")."""
    if token.lemma_.lower() not in _SPEECH_LEMMAS:
        return False
    if token.pos_ in ("VERB", "AUX"):
        return True
    before = token.nbor(-1) if token.i > 0 else None
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        token.tag_ == "NNS"
        and before is not None
        and before.pos_ in ("PROPN", "PRON")
        and (after is None or after.is_punct)
    )


def _subject(verb: Token) -> Token | None:
    """Who does ``verb``: its subject, a passive's agent, or the subject of the verb it is
    joined to."""
    for _ in range(3):
        if any(c.dep_ == "auxpass" for c in verb.children):
            # "was called a disaster by critics": the agent, wherever the parse hung its "by"
            for token in verb.subtree:
                if token.i > verb.i and token.lower_ == "by" and token.dep_ in ("agent", "prep"):
                    return next((t for t in token.children if t.dep_ == "pobj"), None)
            return None
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
        # "... and added" borrows its subject from the verb it is joined to.
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
        elif verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # a parse that hangs the verb from its subject
        else:
            return None
    return None


class _Speakers:
    """Who is speaking as the article goes on: the last speaker, for quotes that say "he" or
    nothing at all, and the people who may be the speaker."""

    RECENT = 1200  # characters: a pronoun prefers the last named speaker if that near
    CONTINUED = 400  # characters: an unattributed quote continues a speaker that near

    def __init__(self, people: list[EntityMention], doc: Doc) -> None:
        self.people = people
        self.doc = doc
        self.types = {m.canonical: m.entity_type for m in people}
        self.last: tuple[str, int] | None = None

    def said(self, speaker: str, offset: int) -> None:
        self.last = (speaker, offset)

    def previous(self, offset: int) -> str | None:
        if self.last and offset - self.last[1] <= self.CONTINUED:
            return self.last[0]
        return None

    def speaker_of(self, verb: Token, before: int) -> tuple[str | None, str | None]:
        """Who says what ``verb`` reports, and the rule that found it."""
        people = self.people
        subject = _subject(verb)
        if verb.pos_ == "NOUN" and verb.i > 0:  # "Bozell notes." tagged as a plural noun
            subject = verb.nbor(-1)
        if verb.lower_ == "according":  # "according to X"
            subject = next((t for t in verb.subtree if t.dep_ == "pobj"), None)
        if subject is None:
            return None, None
        # The subject's own words: not the verb's clause when the parse hangs it from the
        # subject ("His office put out a statement saying the U.S. ...").
        clause = {t.i for t in verb.subtree} if subject.is_ancestor(verb) else set()
        words = [t for t in subject.subtree if t.i not in clause]
        left = min(t.idx for t in words)
        right = max(t.idx + len(t) for t in words)
        inside = [m for m in people if left <= m.start_char < right]
        if inside:
            persons = [m for m in inside if m.entity_type == "PERSON"]
            best = min(persons or inside, key=lambda m: abs(m.start_char - subject.idx))
            return best.canonical, "named"
        word = subject.lower_
        if word in ("he", "she"):
            return self._person_before(before), "pronoun"
        if word in ("it", "they"):
            found = _nearest_before(people, before, ("ORG",)) or self._person_before(before)
            return found, "pronoun"
        if subject.pos_ == "PRON":
            return None, None
        if subject.pos_ == "PROPN":
            name = _without_titles(_noun_phrase(subject)) or _noun_phrase(subject)
            return _resolve_name(name, people), "name_in_text"
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "his", "her", "its", "their")
            for c in subject.children
        )
        if definite:
            if subject.lemma_.lower() in _ORGANISATION_NOUNS:
                return _nearest_before(people, before, ("ORG",)), "organisation"
            return self._person_before(before), "role"
        return _noun_phrase(subject), "description"

    def _person_before(self, offset: int) -> str | None:
        """Whom "he" or "the spokesman" stands for: the person who is the subject of the
        sentence before (or of this one, before the quote), else the last named speaker nearby,
        else the nearest person named before."""
        subject = self._subject_before(offset)
        if subject is not None:
            return subject
        recent = self.last and offset - self.last[1] <= self.RECENT
        if self.last and recent and self.types.get(self.last[0], "PERSON") == "PERSON":
            return self.last[0]
        return _nearest_before(self.people, offset, ("PERSON",))

    def _subject_before(self, offset: int) -> str | None:
        at = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if at is None or not len(at):
            return None
        sentence = at[0].sent
        previous = self.doc[sentence.start - 1].sent if sentence.start > 0 else None
        for span in (sentence, previous):
            if span is None:
                continue
            for m in self.people:
                if not (span.start_char <= m.start_char < min(span.end_char, offset)):
                    continue
                if m.entity_type != "PERSON":
                    continue
                token = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
                if token is not None and token.root.dep_ in ("nsubj", "nsubjpass"):
                    return m.canonical
        return None


def _noun_phrase(head: Token) -> str:
    """The words up to and including a noun, without what follows it ("a senior official")."""
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ != "punct"]
    return " ".join(t.text for t in words[-6:])


# Indirect speech ------------------------------------------------------------------------------


def _inside(offset: int, spans: list[tuple[int, int]], marks: bool = False) -> bool:
    """Whether ``offset`` is inside one of the sorted, disjoint quote ``spans`` (with their
    quotation marks when ``marks``)."""
    pad = 1 if marks else 0
    at = bisect.bisect_right(spans, (offset + pad, sys.maxsize)) - 1
    return at >= 0 and spans[at][0] - pad <= offset < spans[at][1] + pad


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint quote spans or their marks."""
    at = bisect.bisect_left(spans, (end + 1,))
    return at > 0 and spans[at - 1][1] + 1 > start


def indirect_speech(
    doc: Doc, quoted: list[tuple[int, int]]
) -> list[tuple[int, int, str, Token | None]]:
    """Reported speech without quotation marks: the clause a reporting verb governs ("X said
    that ...", "..., X said", "..., he said, ..."), what a directive asks for ("urged Congress to
    act", "called for a recount") and the clause "according to X" stands in."""
    spans = sorted(quoted)
    found: list[tuple[int, int, str, Token | None]] = []
    for token in doc:
        if _inside(token.idx, spans, marks=True):
            continue  # speech inside a quote is part of that quote
        clause = _reported(token)
        if clause is None or len(clause) < 3:
            continue
        start, end = clause.start_char, clause.end_char
        if _overlaps_any(start, end, spans):
            continue  # a quote (direct or mixed) already holds it
        found.append((start, end, "indirect", token))
    return found


def _reported(token: Token) -> Span | None:
    """What ``token`` reports, if it is a reporting word."""
    lemma = token.lemma_.lower()
    if lemma == "accord" and token.lower_ == "according":
        return _according_clause(token)
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in _INDIRECT_LEMMAS:
        complement = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if complement is not None:
            return _clause(complement)
        if token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
            # "The talks, he said, will resume": the clause the verb interrupts
            inner = {t.i for t in token.subtree}
            words = [t for t in token.head.subtree if t.i not in inner]
            return _trimmed(token.doc, words)
    if lemma in _DIRECTIVE_LEMMAS:
        complement = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if complement is None:
            # "called for a recount"
            preposition = next(
                (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None
            )
            complement = next((c for c in preposition.children), None) if preposition else None
        if complement is not None:
            target = next((c for c in token.children if c.dep_ == "dobj"), None)
            words = list(complement.subtree) + (list(target.subtree) if target else [])
            return _trimmed(token.doc, sorted(words, key=lambda t: t.i))
    if lemma in _NOMINAL_LEMMAS:  # "announced a ban on ...": what was announced
        target = next((c for c in token.children if c.dep_ == "dobj"), None)
        if target is not None:
            return _trimmed(token.doc, list(target.subtree))
    return None


def _trimmed(doc: Doc, words: list[Token]) -> Span | None:
    """The span from the first to the last of ``words``, without punctuation at either end."""
    while words and (words[0].is_punct or words[0].is_space or words[0].dep_ in ("mark", "cc")):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    return doc[words[0].i : words[-1].i + 1] if words else None


def _clause(head: Token) -> Span:
    """A reported clause without its "that" and the punctuation round it."""
    tokens = [t for t in head.subtree]
    while tokens and (tokens[0].dep_ in ("mark", "punct") or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    doc = head.doc
    return doc[tokens[0].i : tokens[-1].i + 1] if tokens else doc[head.i : head.i]


def _according_clause(according: Token) -> Span | None:
    """The clause "according to X" is attached to, without that phrase."""
    head = according.head
    if head is according:
        return None
    phrase = {t.i for t in according.subtree}
    tokens = [t for t in head.subtree if t.i not in phrase]
    # The side of the clause without the phrase: most often all of it after "According to X,".
    after = [t for t in tokens if t.i > max(phrase)]
    before = [t for t in tokens if t.i < min(phrase)]
    side = after if len(after) >= len(before) else before
    while side and (side[0].is_punct or side[0].is_space):
        side.pop(0)
    while side and (side[-1].is_punct or side[-1].is_space):
        side.pop()
    return head.doc[side[0].i : side[-1].i + 1] if side else None


# Speakers from the words round the quote (no parse) ------------------------------------------


def _attribute(
    text: str, start: int, end: int, people: list[EntityMention]
) -> tuple[str | None, str | None, str | None]:
    paragraph_end = text.find("\n\n", end)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    paragraph_start = text.rfind("\n\n", 0, start - 1) + 1
    after = (end + 1, min(paragraph_end, end + 120))
    before = (max(paragraph_start, start - 160), start - 1)
    named_people = [m for m in people if m.entity_type in ("PERSON", "ORG")]
    for window in (after, before):
        segment = text[window[0] : window[1]]
        verb = _VERB.search(segment)
        if not verb:
            continue
        verb_at = window[0] + verb.start()
        # Whoever was told is the listener, not the speaker ("Nystad told Anadolu").
        named = [
            m
            for m in named_people
            if window[0] <= m.start_char < window[1]
            and not re.search(r"\b(?:told|to)\s*$", text[max(0, m.start_char - 8) : m.start_char])
        ]
        persons = [m for m in named if m.entity_type == "PERSON"]
        if persons or named:
            # The name nearest the verb is the speaker ("said Xiong", "Xiong said").
            best = min(persons or named, key=lambda m: abs(m.start_char - verb_at))
            if persons or not _untagged_name(segment):
                return best.canonical, verb.group("verb").lower(), "named"
        name = _untagged_name(segment)
        if name:
            return _resolve_name(name, people), verb.group("verb").lower(), "name_in_text"
        if _PRONOUN.search(segment):
            return (
                _nearest_before(people, start, ("PERSON",)),
                verb.group("verb").lower(),
                "pronoun",
            )
        if _ROLE.search(segment):
            return _nearest_before(people, start, ("PERSON",)), verb.group("verb").lower(), "role"
    # A quote paragraph with no attribution continues the last named speaker's remarks.
    return _nearest_before(people, start, ("PERSON",)), None, "previous_speaker"


def _untagged_name(segment: str) -> str | None:
    """A capitalised name beside the speech verb, with leading titles removed."""
    for pattern in (_NAME_AFTER_VERB, _NAME_BEFORE_VERB):
        match = pattern.search(segment)
        if not match:
            continue
        name = _without_titles(match.group("name"))
        if name and name.split()[0].lower() not in _NOT_NAMES:
            return name
    return None


def _without_titles(name: str) -> str:
    """The trailing run of words that are not titles or nationalities: "Chinese Ambassador
    Zhou Haoran" -> "Zhou Haoran"."""
    words: list[str] = []
    for word in reversed(name.split()):
        if word.lower().strip(".") in _TITLE_WORDS or country_of_nation(word):
            break
        words.insert(0, word)
    return " ".join(words)


def _resolve_name(name: str, people: list[EntityMention]) -> str:
    """A surname or partial name maps to the full name the article uses elsewhere."""
    for mention in people:
        if mention.entity_type == "PERSON" and name in mention.canonical.split():
            return mention.canonical
    return name


def _nearest_before(people: list[EntityMention], offset: int, types: tuple[str, ...]) -> str | None:
    earlier = [m for m in people if m.start_char < offset and m.entity_type in types]
    return earlier[-1].canonical if earlier else None
